// The documents the user sees, as the server's analysis queue knows them (see visibleDocuments.ts).
import type { NotebookEditor, TextEditor } from 'vscode';

/** Text editors' files, and notebooks by their own URI: a notebook cell's editor counts as its notebook, which is what the server analyses. */
export function shownDocuments(textEditors: readonly TextEditor[], notebookEditors: readonly NotebookEditor[]): string[] {
  const uris = new Set<string>();
  for (const editor of textEditors) {
    if (editor.document.uri.scheme !== 'vscode-notebook-cell') uris.add(editor.document.uri.toString());
  }
  for (const editor of notebookEditors) uris.add(editor.notebook.uri.toString());
  return [...uris];
}
