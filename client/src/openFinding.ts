// Opens the place of a finding: the line of a script, or the line inside the right cell of a
// notebook (the notebook editor is revealed at that cell, then the cell's editor gets the cursor).
import * as vscode from 'vscode';
import type { Located } from './findingsModel';

export function findingRange(finding: Located): vscode.Range {
  return new vscode.Range(finding.line, finding.character, finding.endLine, finding.endCharacter);
}

/** "cell 6, line 4" or "line 12" (1-based, as the editor shows them). */
export function placeLabel(finding: Pick<Located, 'cell' | 'line'>): string {
  return finding.cell !== undefined ? `cell ${finding.cell + 1}, line ${finding.line + 1}` : `line ${finding.line + 1}`;
}

export async function openFinding(finding: Located): Promise<void> {
  const uri = vscode.Uri.parse(finding.uri);
  const range = findingRange(finding);
  if (finding.cell === undefined) {
    await vscode.window.showTextDocument(uri, { selection: range, preview: false });
    return;
  }
  const notebook = await vscode.workspace.openNotebookDocument(uri);
  const cellRange = new vscode.NotebookRange(finding.cell, finding.cell + 1);
  const editor = await vscode.window.showNotebookDocument(notebook, { selections: [cellRange], preview: false });
  editor.revealRange(cellRange, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
  const cell = notebook.cellAt(finding.cell);
  await vscode.window.showTextDocument(cell.document, { selection: range, preview: false });
}
