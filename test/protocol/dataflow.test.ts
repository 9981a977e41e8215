// Protocol tests for the rules on the def-use layer: findings whose related information points
// at the other site of the pattern, in another cell of a notebook or on another line of a script,
// over real JSON-RPC with the bundled server.
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyLspEdits, messageOf, useTestClient, type TestClient } from '../support/lspClient';
import { py } from '../support/engine';

const NB = 'file:///work/project/churn.ipynb';
const cell = (n: number) => `vscode-notebook-cell:/work/project/churn.ipynb#W${n}sZmlsZQ==`;

const CELLS = [
  { uri: cell(0), text: 'import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n', kind: 2, languageId: 'python' },
  { uri: cell(1), text: '# Training', kind: 1, languageId: 'markdown' },
  { uri: cell(2), text: 'model = LogisticRegression(max_iter=200)\nmodel.fit(X_train, y_train)\n', kind: 2, languageId: 'python' },
  { uri: cell(3), text: 'df = pd.read_csv("churn.csv")\nX_train, y_train = df[["tenure"]], df["churned"]\n', kind: 2, languageId: 'python' },
];

describe('def-use rules over LSP', function () {
  this.timeout(30000);
  const current = useTestClient();
  let client: TestClient;

  beforeEach(() => {
    client = current();
  });

  function openNotebook(): Promise<void> {
    return client.connection.sendNotification('notebookDocument/didOpen', {
      notebookDocument: { uri: NB, notebookType: 'jupyter-notebook', version: 1, cells: CELLS.map((c) => ({ kind: c.kind, document: c.uri })) },
      cellTextDocuments: CELLS.map((c) => ({ uri: c.uri, languageId: c.languageId, version: 1, text: c.text })),
    });
  }

  it('links a use before definition to the defining cell, in another cell URI', async () => {
    await openNotebook();
    const diagnostics = await client.waitFor(cell(2), (d) => d.some((x) => x.code === 'MLD805'));
    const early = diagnostics.filter((d) => d.code === 'MLD805');
    assert.equal(early.length, 1, 'the names one statement uses too early make one finding');
    const [first] = early;
    assert.deepEqual(first.range.start, { line: 1, character: 10 });
    assert.match(messageOf(first), /^`X_train` and `y_train` are used in cell 3 but first defined in cell 4, below it/);
    const related = first.relatedInformation ?? [];
    assert.deepEqual(related.map((r) => r.location.uri), [cell(3), cell(3)], 'the defining cell, not the cell of the finding');
    assert.deepEqual(related.map((r) => r.location.range.start), [{ line: 1, character: 0 }, { line: 1, character: 9 }]);
    assert.match(related[0].message, /`X_train` is first defined here, in cell 4/);

    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: cell(2) }, position: first.range.start });
    assert.match((hover.contents as MarkupContent).value, /§8, Reproducibility Debt/);
  });

  it('follows the fix: moving the definition above its use clears the finding', async () => {
    await openNotebook();
    await client.waitFor(cell(2), (d) => d.some((x) => x.code === 'MLD805'));
    await client.connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 2 },
      change: { cells: { structure: { array: { start: 3, deleteCount: 1, cells: [] }, didClose: [{ uri: cell(3) }] } } },
    });
    await client.connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 3 },
      change: {
        cells: {
          structure: {
            array: { start: 2, deleteCount: 0, cells: [{ kind: 2, document: cell(9) }] },
            didOpen: [{ uri: cell(9), languageId: 'python', version: 1, text: CELLS[3].text }],
          },
        },
      },
    });
    await client.waitFor(cell(2), (d) => !d.some((x) => x.code === 'MLD805'));
  });

  it('links an intermediate file to its write, and offers the unsafe removal of an unused load', async () => {
    const uri = 'file:///work/project/pipeline.py';
    const text = py`
      import pandas as pd
      raw = pd.read_csv("raw.csv")
      extra = pd.read_csv("extra.csv")
      raw.dropna().to_csv("clean.csv", index=False)
      clean = pd.read_csv("clean.csv")
      clean.groupby("k").sum().to_csv("summary.csv")
    `;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const diagnostics = await client.waitFor(uri, (d) => d.some((x) => x.code === 'MLD502') && d.some((x) => x.code === 'MLD303'));

    const hop = diagnostics.find((d) => d.code === 'MLD502')!;
    assert.equal(hop.range.start.line, 4);
    assert.equal(hop.relatedInformation?.[0].location.uri, uri);
    assert.equal(hop.relatedInformation?.[0].location.range.start.line, 3);

    const unused = diagnostics.find((d) => d.code === 'MLD303') as Diagnostic;
    assert.equal(unused.range.start.line, 2);
    assert.deepEqual(unused.tags, [1], 'an unused load is faded as unnecessary');
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: unused.range, context: { diagnostics: [unused], only: ['quickfix'] },
    });
    const removal = actions.find((a) => /Remove the unused load of `extra`/.test(a.title))!;
    assert.equal(removal.isPreferred, true, 'the rule\'s own fix is the main action');
    assert.match(removal.title, /\(unsafe: changes behaviour\)$/);
    const fixed = applyLspEdits(text, removal.edit!.changes![uri]);
    assert.equal(fixed, text.replace('extra = pd.read_csv("extra.csv")\n', ''));
  });
});
