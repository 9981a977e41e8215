// Teaching pages that work offline: a rule's page (docs/rules/*.md, shipped in the package) and
// the Explain Debt Categories page, both opened in the Markdown preview; and the example notebook
// the walkthrough opens, copied out of the package so the user's edits never touch it.
import * as vscode from 'vscode';
import type { CatalogueResult } from '../../server/src/features/workspaceProtocol';
import { categoriesMarkdown } from './categoriesPage';

export async function ruleDocsUri(extensionUri: vscode.Uri, code: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const page = entries.map(([name]) => name).find((name) => name.toUpperCase().startsWith(`${code.toUpperCase()}-`) && name.endsWith('.md'));
  return page ? vscode.Uri.joinPath(folder, page) : undefined;
}

export async function showRuleDocumentation(extensionUri: vscode.Uri, code?: string, codes: string[] = []): Promise<void> {
  const chosen = code ?? (await vscode.window.showQuickPick(codes, { placeHolder: 'Which rule?' }));
  if (!chosen) return;
  const page = await ruleDocsUri(extensionUri, chosen);
  if (!page) {
    void vscode.window.showWarningMessage(`ML Debt Lens has no page for ${chosen}.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

export async function explainCategories(storage: vscode.Uri, catalogue: CatalogueResult | undefined): Promise<void> {
  if (!catalogue) {
    void vscode.window.showInformationMessage('ML Debt Lens is still starting; try again in a moment.');
    return;
  }
  await vscode.workspace.fs.createDirectory(storage);
  const page = vscode.Uri.joinPath(storage, 'ML debt categories.md');
  await vscode.workspace.fs.writeFile(page, new TextEncoder().encode(categoriesMarkdown(catalogue)));
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

/** Opens a copy of the example notebook shipped with the extension. */
export async function openExampleNotebook(extensionUri: vscode.Uri, storage: vscode.Uri): Promise<vscode.NotebookEditor> {
  const folder = vscode.Uri.joinPath(storage, 'example');
  await vscode.workspace.fs.createDirectory(folder);
  const copy = vscode.Uri.joinPath(folder, 'model_comparison.ipynb');
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'examples', 'model_comparison.ipynb'), copy, { overwrite: true });
  const notebook = await vscode.workspace.openNotebookDocument(copy);
  return vscode.window.showNotebookDocument(notebook);
}
