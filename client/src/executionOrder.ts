// Saved execution counts must reach the server (MLD804 reads them). A .ipynb file records a cell's
// execution count but not whether that run succeeded, so VS Code opens a saved notebook with
// `executionSummary = { executionOrder }` and no `success`; vscode-languageclient forwards a
// summary only when it has both, which would drop every saved count. This middleware hands the
// client cells whose summary has an outcome. The server reads only the order, never `success`.
import type { NotebookCell } from 'vscode';
import type { NotebookDocumentMiddleware, VNotebookDocumentChangeEvent } from 'vscode-languageclient';

/** `cell`, or a view of it whose execution summary also has an outcome (so it is synchronised). */
export function withExecutionOutcome(cell: NotebookCell): NotebookCell {
  const summary = cell.executionSummary;
  if (summary?.executionOrder === undefined || summary.success !== undefined) return cell;
  return {
    get index() {
      return cell.index;
    },
    notebook: cell.notebook,
    kind: cell.kind,
    document: cell.document,
    metadata: cell.metadata,
    outputs: cell.outputs,
    executionSummary: { ...summary, success: true },
  };
}

function changeWithOutcomes(event: VNotebookDocumentChangeEvent): VNotebookDocumentChangeEvent {
  const cells = event.cells;
  if (!cells) return event;
  const structure = cells.structure;
  return {
    ...event,
    cells: {
      ...cells,
      ...(structure ? { structure: { ...structure, array: { ...structure.array, cells: structure.array.cells?.map(withExecutionOutcome) } } } : {}),
      ...(cells.data ? { data: cells.data.map(withExecutionOutcome) } : {}),
    },
  };
}

export const executionOrderMiddleware: NotebookDocumentMiddleware['notebooks'] = {
  didOpen: (notebook, cells, next) => next(notebook, cells.map(withExecutionOutcome)),
  didChange: (event, next) => next(changeWithOutcomes(event)),
};
