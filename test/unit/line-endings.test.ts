// A lone '\r' breaks a line, as '\n' and '\r\n' do (LSP and Python agree): positions, the virtual
// source, notebooks and findings must all count it.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildDocument, scriptSource } from '../../server/src/documents/source';
import { computeLineStarts, lineText, offsetAt, positionAt } from '../../server/src/documents/positions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { notebookSource, run } from '../support/engine';

describe('line endings', () => {
  it('breaks lines on \\n, \\r\\n and a lone \\r', () => {
    assert.deepEqual(computeLineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
    assert.deepEqual(computeLineStarts('\r\r\n\r'), [0, 1, 3, 4]);
    // Text without '\r' (found by a search for '\n'): a break at the very start and at the end.
    assert.deepEqual(computeLineStarts('\nab\n\ncd\n'), [0, 1, 4, 5, 8]);
    assert.deepEqual(computeLineStarts('no break'), [0]);
  });

  it('agrees with the LSP text document on every offset', () => {
    const text = 'import os\rx = 1\r\ny = 2\n\rz\r';
    const doc = buildDocument(scriptSource('file:///t.py', text));
    const lsp = TextDocument.create('file:///t.py', 'python', 1, text);
    for (let offset = 0; offset <= text.length; offset++) {
      assert.deepEqual(positionAt(doc, offset), lsp.positionAt(offset), `offset ${offset}`);
      assert.equal(offsetAt(doc, lsp.positionAt(offset)), lsp.offsetAt(lsp.positionAt(offset)));
    }
    assert.equal(lineText(doc, 1), 'x = 1');
  });

  it('reports a finding after a lone \\r on its own line (2:5, not 1:24)', async () => {
    const { doc, result } = await run('import numpy as np\rx = np.random.rand(3)\rfrom sklearn.model_selection import train_test_split\rtrain_test_split(x, random_state=0)\r');
    const finding = result.findings.find((f) => f.code === 'MLD801');
    assert.ok(finding, 'MLD801 is found');
    assert.deepEqual(finding.range.start, { line: 1, character: 4 });
    const published = [...toDiagnostics(doc, result.findings, { relatedInformation: true }).values()].flat();
    const lsp = TextDocument.create('file:///t.py', 'python', 1, doc.original);
    for (const diagnostic of published) {
      assert.ok(diagnostic.range.end.line < lsp.lineCount);
      const lineLength = lsp.getText({ start: { line: diagnostic.range.end.line, character: 0 }, end: { line: diagnostic.range.end.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '').length;
      assert.ok(diagnostic.range.end.character <= lineLength, 'the range ends within its line');
    }
  });

  it('finds the same findings in a CR-only notebook cell as in an LF one', async () => {
    const cell = 'import pandas as pd\nfrom sklearn.model_selection import train_test_split\ndf = pd.read_csv("a.csv")\na, b = train_test_split(df, test_size=0.2, random_state=1)\nc, d = train_test_split(df, test_size=0.3, random_state=2)\n';
    const lf = await run([cell]);
    const cr = await run([cell.replace(/\n/g, '\r')]);
    const summary = (r: typeof lf) => r.result.findings.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`);
    assert.deepEqual(summary(cr), summary(lf));
    assert.equal(cr.doc.segments[0].lineCount, lf.doc.segments[0].lineCount);
  });

  it('counts a cell\'s lines with lone \\r when joining a notebook', () => {
    const doc = buildDocument(notebookSource(['a = 1\rb = 2', 'c = 3']));
    assert.equal(doc.segments[0].lineCount, 2);
    assert.equal(doc.segments[1].startLine, 2);
    assert.equal(lineText(doc, 2), 'c = 3');
  });

  it('keeps a range that ends on the \\r of a \\r\\n (a trailing comment) within its line', async () => {
    for (const code of ['if False:\r\n    old = 1  # note\r\nz = 1\r\n', ['if False:\r\n    old = 1  # note\r\nz = 1\r\n']]) {
      const { doc, result } = await run(code);
      const dead = [...toDiagnostics(doc, result.findings, { relatedInformation: true }).values()].flat().find((d) => d.code === 'MLD505');
      assert.deepEqual(dead?.range.end, { line: 1, character: 19 });
    }
  });
});
