// The VS Code client's notebook middleware: saved execution counts (which carry no outcome) must
// still be synchronised to the server, without touching anything else about a cell.
import { strict as assert } from 'node:assert';
import type { NotebookCell, NotebookDocument, NotebookEditor, TextEditor } from 'vscode';
import type { VNotebookDocumentChangeEvent } from 'vscode-languageclient';
import { executionOrderMiddleware, withExecutionOutcome } from '../../client/src/executionOrder';
import { shownDocuments } from '../../client/src/shownDocuments';

function cell(index: number, executionSummary?: NotebookCell['executionSummary']): NotebookCell {
  return { index, kind: 2, document: { uri: `cell-${index}` }, metadata: {}, outputs: [], notebook: {}, executionSummary } as unknown as NotebookCell;
}

describe('client: execution order of saved notebooks', () => {
  it('gives a saved execution count an outcome so that the client sends it', () => {
    const saved = cell(3, { executionOrder: 7 });
    const sent = withExecutionOutcome(saved);
    assert.deepEqual(sent.executionSummary, { executionOrder: 7, success: true });
    assert.equal(sent.document, saved.document);
    assert.equal(sent.index, 3);
  });

  it('leaves cells alone that already have an outcome, or were never run', () => {
    for (const original of [cell(0, { executionOrder: 2, success: false }), cell(1), cell(2, {})]) {
      assert.equal(withExecutionOutcome(original), original);
    }
  });

  it('applies to opened notebooks and to added or changed cells', async () => {
    const notebook = {} as NotebookDocument;
    let opened: NotebookCell[] = [];
    await executionOrderMiddleware!.didOpen!(notebook, [cell(0, { executionOrder: 1 }), cell(1)], async (_n, cells) => {
      opened = cells;
    });
    assert.deepEqual(opened.map((c) => c.executionSummary), [{ executionOrder: 1, success: true }, undefined]);

    let changed: VNotebookDocumentChangeEvent | undefined;
    const textContent: VNotebookDocumentChangeEvent['cells'] = { textContent: [] };
    await executionOrderMiddleware!.didChange!({
      notebook,
      cells: { ...textContent, structure: { array: { start: 1, deleteCount: 0, cells: [cell(1, { executionOrder: 4 })] } }, data: [cell(2, { executionOrder: 5 })] },
    }, async (event) => {
      changed = event;
    });
    assert.deepEqual(changed!.cells!.structure!.array.cells!.map((c) => c.executionSummary), [{ executionOrder: 4, success: true }]);
    assert.deepEqual(changed!.cells!.data!.map((c) => c.executionSummary), [{ executionOrder: 5, success: true }]);
    assert.deepEqual(changed!.cells!.textContent, []);
  });
});

describe('client: the documents shown in editors', () => {
  const uri = (text: string) => ({ scheme: text.split(':')[0], toString: () => text });
  it('names text editors by their file and a notebook by its own URI, once each', () => {
    const text = [
      { document: { uri: uri('file:///p/train.py') } },
      { document: { uri: uri('vscode-notebook-cell:/p/eda.ipynb#W1') } },
      { document: { uri: uri('file:///p/train.py') } },
    ] as unknown as TextEditor[];
    const notebooks = [{ notebook: { uri: uri('file:///p/eda.ipynb') } }] as unknown as NotebookEditor[];
    assert.deepEqual(shownDocuments(text, notebooks), ['file:///p/train.py', 'file:///p/eda.ipynb']);
    assert.deepEqual(shownDocuments([], []), []);
  });
});
