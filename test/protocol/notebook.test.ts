// Protocol tests for LSP 3.17 notebook document sync: cells analysed together, findings on the
// right cell, execution order from executionSummary, and cell edits, additions and removals.
import { strict as assert } from 'node:assert';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyLspEdits, messageOf, TestClient } from '../support/lspClient';

const NB = 'file:///work/project/analysis.ipynb';
const cell = (n: number) => `vscode-notebook-cell:/work/project/analysis.ipynb#W${n}sZmlsZQ==`;

const CELLS = [
  { uri: cell(0), text: '# Loading the data', kind: 1, languageId: 'markdown' },
  { uri: cell(1), text: 'import numpy as np\nimport pandas as pd\n', kind: 2, languageId: 'python', order: 1 },
  { uri: cell(2), text: '%matplotlib inline\nnoise = np.random.normal(0, 1, 10)\nmodel.fit(noise.reshape(-1, 1), df.y)\n', kind: 2, languageId: 'python', order: 3 },
  { uri: cell(3), text: 'df = pd.read_csv("data.csv")\n', kind: 2, languageId: 'python', order: 2 },
];

describe('notebooks over LSP notebook sync', function () {
  this.timeout(30000);
  let client: TestClient;

  beforeEach(async () => {
    client = await TestClient.start();
    await client.connection.sendNotification('notebookDocument/didOpen', {
      notebookDocument: {
        uri: NB,
        notebookType: 'jupyter-notebook',
        version: 1,
        cells: CELLS.map((c) => ({ kind: c.kind, document: c.uri, ...(c.order ? { executionSummary: { executionOrder: c.order, success: true } } : {}) })),
      },
      cellTextDocuments: CELLS.map((c) => ({ uri: c.uri, languageId: c.languageId, version: 1, text: c.text })),
    });
  });

  afterEach(async () => {
    await client.stop();
  });

  it('publishes findings on the right cell and position, and clean cells get empty lists', async () => {
    const seeded = await client.waitFor(cell(2), (d) => d.length > 0);
    const draw = seeded.find((d) => d.code === 'MLD801')!;
    assert.deepEqual(draw.range.start, { line: 1, character: 8 }, 'line 2 of the cell, after the magic line');
    assert.match(messageOf(draw), /never seeds/);
    assert.deepEqual(await client.waitFor(cell(1)), []);
    assert.equal(client.diagnostics.has(cell(0)), false, 'markdown cells are not linted');
  });

  it('takes execution order from executionSummary and links the other cell', async () => {
    const diagnostics = await client.waitFor(cell(2), (d) => d.some((x) => x.code === 'MLD804'));
    const order = diagnostics.find((d) => d.code === 'MLD804')!;
    assert.match(messageOf(order), /ran as \[3\], before cell 4 \(\[2\]\) below it|ran as \[3\]/);
    const third = await client.waitFor(cell(3));
    const all = [...diagnostics, ...third].filter((d) => d.code === 'MLD804');
    assert.equal(all.length, 1);
    assert.equal(all[0].relatedInformation?.[0].location.uri.startsWith('vscode-notebook-cell:'), true);
  });

  it('follows a cell edit: seeding in the first cell clears the finding in another cell', async () => {
    await client.waitFor(cell(2), (d) => d.some((x) => x.code === 'MLD801'));
    await client.connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 2 },
      change: {
        cells: {
          textContent: [{
            document: { uri: cell(1), version: 2 },
            changes: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'np.random.seed(0)\n' }],
          }],
        },
      },
    });
    await client.waitFor(cell(2), (d) => !d.some((x) => x.code === 'MLD801'));
  });

  it('an edit in one cell leaves the findings of the cells after it in place', async () => {
    const later = cell(2);
    await client.connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 2 },
      change: { cells: { textContent: [{ document: { uri: later, version: 2 }, changes: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'from sklearn.model_selection import train_test_split\nparts = train_test_split(noise)\n' }] }] } },
    });
    const before = await client.waitFor(later, (d) => d.some((x) => x.code === 'MLD802'));
    const snapshot = before.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
    // Edit the first code cell: every later cell moves down in the notebook's joined source.
    await client.connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 3 },
      change: { cells: { textContent: [{ document: { uri: cell(1), version: 2 }, changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'import os\n' }] }] } },
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const after = await client.waitFor(later, (d) => d.length === before.length);
    assert.deepEqual(after.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort(), snapshot);
  });

  it('hover and the fix work on a cell; the fix edits the import cell', async () => {
    const diagnostics = await client.waitFor(cell(2), (d) => d.some((x) => x.code === 'MLD801'));
    const draw = diagnostics.find((d) => d.code === 'MLD801')!;
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: cell(2) }, position: draw.range.start });
    assert.match((hover.contents as MarkupContent).value, /§8, Reproducibility Debt/);
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: cell(2) }, range: draw.range, context: { diagnostics: [draw], only: ['quickfix'] },
    });
    const fix = actions.find((a) => /Seed NumPy/.test(a.title))!;
    assert.deepEqual(Object.keys(fix.edit!.changes!), [cell(1)]);
    const fixed = applyLspEdits(CELLS[1].text, fix.edit!.changes![cell(1)]);
    assert.equal(fixed, 'import numpy as np\nimport pandas as pd\nSEED = 42\nnp.random.seed(SEED)\n');
  });

  it('a removed cell has its diagnostics cleared; an added cell is analysed', async () => {
    await client.waitFor(cell(2), (d) => d.length > 0);
    await client.connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 2 },
      change: {
        cells: {
          structure: {
            array: { start: 2, deleteCount: 1, cells: [{ kind: 2, document: cell(9) }] },
            didOpen: [{ uri: cell(9), languageId: 'python', version: 1, text: 'from sklearn.model_selection import train_test_split\na, b = train_test_split(df)\n' }],
            didClose: [{ uri: cell(2) }],
          },
        },
      },
    });
    await client.waitFor(cell(2), (d) => d.length === 0);
    const added = await client.waitFor(cell(9), (d) => d.some((x) => x.code === 'MLD802'));
    assert.equal(added.find((d) => d.code === 'MLD802')!.range.start.line, 1);
  });

  it('closing the notebook clears every cell', async () => {
    await client.waitFor(cell(2), (d) => d.length > 0);
    await client.connection.sendNotification('notebookDocument/didClose', {
      notebookDocument: { uri: NB },
      cellTextDocuments: CELLS.map((c) => ({ uri: c.uri })),
    });
    await client.waitFor(cell(2), (d) => d.length === 0);
  });
});
