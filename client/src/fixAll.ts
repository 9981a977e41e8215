// Fix All from the command palette: every safe fix of the active file or notebook, in one edit.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { WorkspaceEdit } from 'vscode-languageclient';
import { activeDocumentUri } from './debtExplorer';
import { METHODS } from '../../server/src/features/workspaceProtocol';

export async function fixAllInActiveDocument(client: LanguageClient): Promise<number> {
  const uri = activeDocumentUri();
  if (!uri) {
    void vscode.window.showInformationMessage('Open a Python file or notebook to fix.');
    return 0;
  }
  const result = await client.sendRequest<{ edit: WorkspaceEdit; applied: number }>(METHODS.fixAll, { uri });
  if (result.applied === 0) {
    void vscode.window.showInformationMessage('ML Debt Lens: no safe fixes to apply in this file.');
    return 0;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the editor refused the edit');
  return result.applied;
}
