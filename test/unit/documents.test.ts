import { strict as assert } from 'node:assert';
import { notebookDocument, scriptDocument } from '../../server/src/documents/build';
import { applyEdits, minimalEdit, toLocalEdit } from '../../server/src/documents/edits';
import { NotebookFormatError, parseIpynb } from '../../server/src/documents/ipynb';
import { neutraliseCell } from '../../server/src/documents/magics';
import { offsetAt, positionAt, toLocalRange } from '../../server/src/documents/positions';
import { run } from '../support/engine';

describe('IPython magics are neutralised without moving anything', () => {
  const cases: [string, string, string][] = [
    ['line magic', '%matplotlib inline\nx = 1', 'line-magic:matplotlib'],
    ['shell escape', '!pip install pandas==2.1\nx = 1', 'shell:pip'],
    ['assigned shell output', 'files = !ls data\nx = 1', 'shell:ls'],
    ['assigned line magic', 'res = %timeit -o f()\nx = 1', 'line-magic:timeit'],
    ['automagic pip', 'pip install torch\nx = 1', 'automagic:pip'],
    ['automagic pip with a general option before the subcommand', 'pip -q install torch\nx = 1', 'automagic:pip'],
    ['automagic pip with general options, one taking a value', 'pip --timeout 60 --no-cache-dir install torch\nx = 1', 'automagic:pip'],
    ['automagic cd', 'cd drive/MyDrive/project\nx = 1', 'automagic:cd'],
    ['automagic alias with a path', 'ls data/raw/\nx = 1', 'automagic:ls'],
    ['automagic line magic', 'matplotlib inline\nx = 1', 'automagic:matplotlib'],
    ['automagic up a folder', 'cd ..\nx = 1', 'automagic:cd'],
    ['help', 'df.merge?\nx = 1', 'help:?'],
    ['help with a space after the prefix', '?? Dense\nx = 1', 'help:?'],
    ['help with blanks after it (the line keeps its length)', '?vista.Display \t\nx = 1', 'help:?'],
    ['help after a name, with blanks after it, on a CRLF line', 'df.merge?  \r\nx = 1', 'help:?'],
    ['line magic with blanks after it', '%matplotlib inline  \nx = 1', 'line-magic:matplotlib'],
    ['help search with wildcards', 'torch.*Tensor?\nx = 1', 'help:?'],
    ['help overview, a question mark alone', '?\nx = 1', 'help:?'],
    ['shell output assigned to a list of one name', '[run_dir] = !ls -td ./mlruns/0/* | head -1\nx = 1', 'shell:ls'],
    ['shell escape with blanks after it', '!ls data  \nx = 1', 'shell:ls'],
    ['indented magic', 'for i in range(3):\n    %time f(i)\nx = 1', 'line-magic:time'],
    ['line magic with a blank after the escape', '% matplotlib inline\nx = 1', 'line-magic:'],
    ['a blank, then another escape', '% % capture\nx = 1', 'line-magic:'],
    ['indented line magic with a blank after the escape', 'if show:\n    %  config InlineBackend.figure_format = "retina"\nx = 1', 'line-magic:'],
  ];
  for (const [name, source, expected] of cases) {
    it(name, () => {
      const result = neutraliseCell(source);
      assert.equal(result.text.length, source.length);
      assert.equal(result.text.split('\n').length, source.split('\n').length);
      assert.ok(result.text.endsWith('x = 1'));
      assert.deepEqual(result.magics.map((m) => `${m.kind}:${m.name}`), [expected]);
      assert.doesNotMatch(result.text, /[!%?]/);
    });
  }

  it('strips the prompts of code pasted from the Python shell, as IPython does, keeping every column', () => {
    const source = '>>> import torch\n>>> for x in range(3):\n...     print(x)\n>>> y = x.to("cuda")';
    const result = neutraliseCell(source);
    assert.equal(result.text, '    import torch\n    for x in range(3):\n        print(x)\n    y = x.to("cuda")');
    assert.equal(result.text.length, source.length);
  });

  it('leaves `...` alone where no prompt opens the cell: it is Python\'s Ellipsis', () => {
    const source = 'x = 1\n... \n>>> y';
    assert.equal(neutraliseCell(source).text, source);
  });

  it('leaves a magic\'s name alone where it is Python: an operator, assignment, call or attribute follows', () => {
    for (const source of ['ls -la\nx = 1', 'pip -q\nx = 1', 'pip -q if install else 0\nx = 1', 'pip -q or install\nx = 1', 'env = make_env()\nx = 1', 'cd(path)\nx = 1', 'history.append(loss)\nx = 1', 'env .reset()\nx = 1', 'reset\nx = 1', 'cat in pets\nx = 1', 'ls   = last + step\nx = 1', 'rm -rf data\nx = 1']) {
      const result = neutraliseCell(source);
      assert.deepEqual(result.magics, [], source);
      assert.equal(result.text, source);
    }
  });

  it('keeps the statement of %time as Python, and of %timeit not', () => {
    const timed = neutraliseCell('%time grid.fit(X_train, y_train)\nfor i in range(3):\n    %time model = train(i, data)\nx = 1');
    assert.equal(timed.text, '0;    grid.fit(X_train, y_train)\nfor i in range(3):\n    0;    model = train(i, data)\nx = 1');
    assert.deepEqual(timed.magics.map((m) => `${m.kind}:${m.name}:${m.line}`), ['line-magic:time:0', 'line-magic:time:2']);
    // A statement over several lines stays one statement.
    assert.equal(neutraliseCell('%time model.fit(X,\n               y)').text, '0;    model.fit(X,\n               y)');
    for (const source of ['%timeit -n 10 model.fit(X, y)', '%time', '%time for i in range(3): f(i)', '%time !fasttext skipgram -input for.txt', '%time %run fit.py']) {
      assert.doesNotMatch(neutraliseCell(source).text, /fit|for/, source);
    }
  });

  it('keeps a backslash-continued magic together', () => {
    const result = neutraliseCell('!pip install \\\n    numpy pandas\nx = 1');
    assert.equal(result.magics.length, 1);
    assert.equal(result.magics[0].endLine, 1);
    assert.equal(result.text.split('\n')[1].trim(), '');
  });

  it('blanks a non-Python cell magic whole and keeps transparent ones', () => {
    const bash = neutraliseCell('%%bash\necho hi\nls');
    assert.equal(bash.isPython, false);
    assert.equal(bash.cellMagic, 'bash');
    assert.equal(bash.text.trim(), '');
    const timed = neutraliseCell('%%time\nmodel.fit(X)');
    assert.equal(timed.isPython, true);
    assert.equal(timed.text, '      \nmodel.fit(X)');
    const shown = neutraliseCell('%%autovisualize treescope.ArrayAutovisualizer()\nbatch = make_batch()');
    assert.equal(shown.isPython, true);
    assert.equal(shown.text.split('\n')[1], 'batch = make_batch()');
  });

  it('leaves strings, comments and operators alone', () => {
    const source = 'doc = """\n!not a shell line\n%not a magic\n"""\n# !comment\nratio = a % b\nok = a != b';
    const result = neutraliseCell(source);
    assert.equal(result.text, source);
    assert.deepEqual(result.magics, []);
  });

  it('reads IPython syntax only where a logical line starts, not inside brackets or after a backslash', () => {
    for (const source of [
      'print("epoch %d, loss %.3f"\n      % (epoch, loss))\nx = 1',
      'print("-" * 30 + " estimate: %f"\n      %evaluate(model, steps=100))\nx = 1',
      'changed = (before[col]\n           != after[col])\nx = 1',
      'row = {"name": "run",\n       "share": done\n       %total}\nx = 1',
      'ratio = hits \\\n    %total\nx = 1',
      'print("epoch %d"\n      % epoch)\nx = 1',
      'share = (done\n         % total)\nx = 1',
    ]) {
      const result = neutraliseCell(source);
      assert.deepEqual(result.magics, [], source);
      assert.equal(result.text, source);
    }
    // Once the bracket is closed, the next line starts a logical line again.
    const after = neutraliseCell('print("loss %f"\n      % loss)\n%matplotlib inline\nx = 1');
    assert.deepEqual(after.magics.map((m) => `${m.kind}:${m.name}:${m.line}`), ['line-magic:matplotlib:2']);
    assert.equal(after.text.split('\n')[1], '      % loss)');
  });

  it('checks a notebook cell that opens with `% matplotlib inline` (a blank after the escape) instead of calling it a syntax error', async () => {
    const { result } = await run([
      '% matplotlib inline\nimport numpy as np\nfrom sklearn.model_selection import train_test_split\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)',
    ]);
    assert.equal(result.cleanSegments.size, 1, 'the cell parses');
    assert.ok(result.findings.some((f) => f.code === 'MLD802'), 'the rules still read the cell');
    // IPython 7 and later read `% pip` as a magic named '' and fail: no install is claimed.
    const spaced = await run(['% pip install pandas\nimport pandas as pd']);
    assert.equal(spaced.result.cleanSegments.size, 1);
    assert.ok(!spaced.result.findings.some((f) => f.code === 'MLD803'));
    assert.ok((await run(['%pip install pandas\nimport pandas as pd'])).result.findings.some((f) => f.code === 'MLD803'));
  });
});

describe('notebook virtual source', () => {
  const doc = notebookDocument('file:///n.ipynb', [
    { uri: 'c0', kind: 'markup', language: 'markdown', text: '# Title' },
    { uri: 'c1', kind: 'code', language: 'python', text: 'import numpy as np\nx = 1', executionOrder: 2 },
    { uri: 'c2', kind: 'code', language: 'sql', text: 'SELECT 1' },
    { uri: 'c3', kind: 'code', language: 'python', text: '%%bash\nls\n' },
    { uri: 'c4', kind: 'code', language: 'python', text: 'y = x' },
  ]);

  it('joins code cells in order and leaves markdown out', () => {
    assert.deepEqual(doc.segments.map((s) => [s.uri, s.startLine, s.lineCount, s.isPython]), [
      ['c1', 0, 2, true], ['c2', 2, 1, false], ['c3', 3, 3, false], ['c4', 6, 1, true],
    ]);
    assert.equal(doc.original, 'import numpy as np\nx = 1\nSELECT 1\n%%bash\nls\n\ny = x\n');
    assert.equal(doc.text.length, doc.original.length);
    assert.equal(doc.segments[0].executionOrder, 2);
    assert.equal(doc.segments[2].cellMagic, 'bash');
    assert.equal(doc.segments[0].cellIndex, 1);
  });

  it('maps virtual ranges to cells, clamping at the cell end', () => {
    const local = toLocalRange(doc, { start: { line: 6, character: 0 }, end: { line: 6, character: 5 } })!;
    assert.equal(local.uri, 'c4');
    assert.deepEqual(local.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
    const clamped = toLocalRange(doc, { start: { line: 1, character: 0 }, end: { line: 4, character: 1 } })!;
    assert.equal(clamped.uri, 'c1');
    assert.deepEqual(clamped.range.end, { line: 1, character: 5 });
  });

  it('keeps the cells after a help line with blanks after it where they are', () => {
    const help = notebookDocument('file:///h.ipynb', [
      { uri: 'h0', kind: 'code', language: 'python', text: 'import vista\n?vista.Display ' },
      { uri: 'h1', kind: 'code', language: 'python', text: '# Download the traces\nx = 1' },
    ]);
    assert.equal(help.text.length, help.original.length);
    assert.equal(help.text.slice(help.segments[1].startOffset, help.segments[1].endOffset), '# Download the traces\nx = 1');
  });

  it('refuses edits that cross a cell boundary', () => {
    assert.ok(toLocalEdit(doc, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, newText: '' }));
    assert.equal(toLocalEdit(doc, { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }), undefined);
  });
});

describe('positions', () => {
  it('round-trips offsets with CRLF line ends', () => {
    const doc = scriptDocument('file:///a.py', 'a = 1\r\nbb = 2\r\n');
    assert.deepEqual(positionAt(doc, 7), { line: 1, character: 0 });
    assert.equal(offsetAt(doc, { line: 1, character: 2 }), 9);
    assert.equal(offsetAt(doc, { line: 0, character: 99 }), 5, 'clamped before the line break');
  });

  it('applies edits and computes minimal edits', () => {
    const text = 'abc\ndef\n';
    assert.equal(applyEdits(text, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: 'D' }]), 'abc\nDef\n');
    const edit = minimalEdit('x = 1\ny = 2\n', 'x = 1\ny = 3\n')!;
    assert.deepEqual(edit, { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, newText: '3' });
  });
});

describe('.ipynb reading', () => {
  it('reads list and string sources, counts and outputs', () => {
    const nb = parseIpynb('file:///n.ipynb', JSON.stringify({
      metadata: { kernelspec: { language: 'python' } },
      cells: [
        { cell_type: 'code', source: ['a = 1\n', 'b = 2'], execution_count: 3, outputs: [{ output_type: 'stream' }] },
        { cell_type: 'markdown', source: '# x' },
        { cell_type: 'code', source: 'c = 3', execution_count: null, outputs: [] },
      ],
    }));
    assert.equal(nb.language, 'python');
    assert.deepEqual(nb.cells.map((c) => [c.kind, c.text, c.executionOrder, c.hasOutputs]), [
      ['code', 'a = 1\nb = 2', 3, true], ['markup', '# x', undefined, undefined], ['code', 'c = 3', undefined, false],
    ]);
  });

  it('reads a code cell VS Code labels with another language in the kernel\'s language once it has run there', () => {
    const label = (languageId: string) => ({ vscode: { languageId } });
    const nb = parseIpynb('file:///n.ipynb', JSON.stringify({
      metadata: { kernelspec: { name: 'python3', language: 'python' } },
      cells: [
        { cell_type: 'code', source: 'chain = prompt | llm', execution_count: 3, outputs: [], metadata: label('plaintext') },
        { cell_type: 'code', source: '%%bash\nls data', execution_count: 4, outputs: [], metadata: label('shellscript') },
        { cell_type: 'code', source: 'export KEY=...', execution_count: null, outputs: [], metadata: label('shellscript') },
        { cell_type: 'code', source: 'chain.invoke({})', execution_count: 0, outputs: [], metadata: label('plaintext') },
      ],
    }));
    assert.deepEqual(nb.cells.map((c) => c.language), ['python', 'python', 'shellscript', 'plaintext'], 'a count of 0 is a placeholder, not a run');
  });

  it('explains broken notebooks', () => {
    // A notebook that names only its kernel (as Colab saves an R notebook) is in that kernel's language.
    const kernelOnly = (kernelspec: object) => parseIpynb('file:///n.ipynb', JSON.stringify({ cells: [], metadata: { kernelspec } })).language;
    assert.equal(kernelOnly({ name: 'ir', display_name: 'R' }), 'r');
    assert.equal(kernelOnly({ name: 'julia-1.10', display_name: 'Julia 1.10.0' }), 'julia');
    assert.equal(kernelOnly({ name: 'python3', display_name: 'Python 3' }), 'python');
    assert.equal(kernelOnly({ name: 'my-env', display_name: 'Research (GPU)' }), 'python', 'an unknown kernel may be a Python environment');
    assert.equal(kernelOnly({ name: 'ir', language: 'python' }), 'python', 'a declared language wins');
    // sparkmagic's kernels name their languages themselves; only the PySpark one holds Python source.
    const sparkmagic = (kernelspec: object, language_info: object) => parseIpynb('file:///n.ipynb', JSON.stringify({ cells: [], metadata: { kernelspec, language_info } })).language;
    assert.equal(sparkmagic({ name: 'pysparkkernel', display_name: 'PySpark', language: 'python' },
      { name: 'pyspark', mimetype: 'text/x-python', codemirror_mode: { name: 'python', version: 3 }, pygments_lexer: 'python3' }), 'python');
    assert.equal(sparkmagic({ name: 'sparkkernel', display_name: 'Spark', language: '' },
      { name: 'scala', mimetype: 'text/x-scala', codemirror_mode: 'text/x-scala', pygments_lexer: 'scala' }), 'scala');
    assert.equal(sparkmagic({ name: 'sparkrkernel', display_name: 'SparkR', language: '' },
      { name: 'sparkR', mimetype: 'text/x-rsrc', codemirror_mode: 'text/x-rsrc', pygments_lexer: 'r' }), 'sparkr');
    // A front end that knows no language for the kernel saves "plaintext": the kernelspec's language decides.
    assert.equal(sparkmagic({ name: 'bento_kernel_recs', display_name: 'recs', language: 'python' }, { name: 'plaintext' }), 'python');
    assert.equal(sparkmagic({ name: 'ir', display_name: 'R', language: 'R' }, { name: 'plaintext' }), 'r');
    assert.equal(parseIpynb('file:///n.ipynb', JSON.stringify({ cells: [], metadata: { language_info: { name: 'plaintext' } } })).language, 'plaintext', 'no kernel: nothing says it is Python');
    assert.throws(() => parseIpynb('file:///n.ipynb', '{"cells": [ '), (e: Error) => e instanceof NotebookFormatError && /not valid notebook JSON/.test(e.message));
    for (const empty of ['', '\n', '  \r\n']) assert.throws(() => parseIpynb('file:///n.ipynb', empty), (e: Error) => e instanceof NotebookFormatError && e.message === 'an empty file, not notebook JSON');
    assert.throws(() => parseIpynb('file:///n.ipynb', '{"nbformat": 4}'), /no "cells" list/);
    // nbformat 2 kept its cells in "worksheets" in another layout: a notebook, in a format that is not read.
    assert.throws(() => parseIpynb('file:///n.ipynb', '{"nbformat": 2, "worksheets": [{"cells": []}]}'), (e: Error) => e instanceof NotebookFormatError && e.message === 'a notebook in nbformat 2, which is not read (nbformat 3 and 4 are)');
  });

  it('reads an nbformat 3 notebook as nbformat 4: worksheets in order, "input" as source, "prompt_number" as count', () => {
    const v3 = {
      nbformat: 3, nbformat_minor: 0, metadata: { name: 'old' },
      worksheets: [
        { cells: [
          { cell_type: 'heading', level: 1, source: 'Title' },
          { cell_type: 'code', input: ['import numpy as np\n', 'x = np.zeros(3)'], language: 'python', outputs: [], prompt_number: 4 },
          { cell_type: 'markdown', source: ['Some *text*'] },
        ] },
        { cells: [
          // A count cleared from the cell, kept on its returned value (`pyout`), and a cell never run.
          { cell_type: 'code', input: 'x.sum()', language: 'python', outputs: [{ output_type: 'pyout', prompt_number: 7, text: ['0.0'] }] },
          { cell_type: 'code', input: [], language: 'python', outputs: [] },
        ] },
      ],
    };
    const { language, cells } = parseIpynb('file:///old.ipynb', JSON.stringify(v3));
    assert.equal(language, 'python');
    assert.deepEqual(cells.map((c) => [c.kind, c.text, c.executionOrder, c.countFromResult ?? false, c.hasOutputs]), [
      ['markup', 'Title', undefined, false, undefined],
      ['code', 'import numpy as np\nx = np.zeros(3)', 4, false, false],
      ['markup', 'Some *text*', undefined, false, undefined],
      ['code', 'x.sum()', 7, true, true],
      ['code', '', undefined, false, false],
    ]);
    assert.deepEqual(cells.map((c) => c.language), ['python', 'python', 'markdown', 'python', 'python']);
  });
});
