// Tells the server which documents the user sees in an editor, so their analyses go before the
// others waiting (after a settings change, or a burst of files opened at once).
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { METHODS, type VisibleDocumentsParams } from '../../server/src/features/workspaceProtocol';
import { shownDocuments } from './shownDocuments';

/** Sends the shown documents now (the client must be running), whenever they change, and after each restart of the server. */
export function reportShownDocuments(client: LanguageClient): vscode.Disposable {
  const send = () => {
    if (client.state !== State.Running) return;
    void client.sendNotification(METHODS.visibleDocuments, { uris: shownDocuments(vscode.window.visibleTextEditors, vscode.window.visibleNotebookEditors) } satisfies VisibleDocumentsParams);
  };
  send();
  const subscriptions = [
    vscode.window.onDidChangeVisibleTextEditors(send),
    vscode.window.onDidChangeVisibleNotebookEditors(send),
    client.onDidChangeState((event) => event.newState === State.Running && send()),
  ];
  return vscode.Disposable.from(...subscriptions);
}
