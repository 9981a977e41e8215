// Where each cell's source sits in an .ipynb file's text: quotes inside the source are escaped,
// and a source may end in an escaped backslash, just before its closing quote.
import { strict as assert } from 'node:assert';
import { cellSourceSpans } from '../../server/src/cli/notebookJson';

describe('notebook JSON source spans', () => {
  it('finds each string of each cell source, past escaped quotes and escaped backslashes', () => {
    const lines = ['print("say \\"hi\\"")\n', 'path = "C:\\\\data\\\\"\n', 'x = 1'];
    const notebook = JSON.stringify({
      cells: [
        { cell_type: 'code', outputs: [{ data: { 'image/png': 'iVBOR"w0\\KGgo'.repeat(3) } }], source: lines },
        { cell_type: 'markdown', source: 'a "quoted" \\ word' },
      ],
      metadata: {},
    }, null, 1);
    const [code, markdown] = cellSourceSpans(notebook);
    assert.equal(code?.form, 'array');
    assert.deepEqual(code!.strings.map((s) => JSON.parse(notebook.slice(s.start, s.end))), lines);
    assert.equal(markdown?.form, 'string');
    assert.equal(JSON.parse(notebook.slice(markdown!.start, markdown!.end)), 'a "quoted" \\ word');
  });
});
