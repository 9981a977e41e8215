// Check Workspace: the server analyses every .py and .ipynb of the workspace in the background,
// with a cancellable progress notification; afterwards files changed on disk are re-analysed.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { METHODS, type CheckWorkspaceResult, type FilesChangedParams, type ScanProgressParams } from '../../server/src/features/workspaceProtocol';

/** The globs the user excluded: files.exclude entries set to true, and mlDebt.exclude. */
export function excludeGlobs(): string[] {
  const globs = new Set<string>();
  const scopes: readonly (vscode.WorkspaceFolder | undefined)[] = vscode.workspace.workspaceFolders ?? [undefined];
  for (const folder of scopes) {
    const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude') ?? {};
    for (const [glob, on] of Object.entries(filesExclude)) if (on === true) globs.add(glob);
    for (const glob of vscode.workspace.getConfiguration('mlDebt', folder).get<string[]>('exclude') ?? []) globs.add(glob);
  }
  return [...globs];
}

export async function checkWorkspace(client: LanguageClient, log: vscode.LogOutputChannel): Promise<CheckWorkspaceResult | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'ML Debt Lens: checking the workspace', cancellable: true }, async (progress, token) => {
    let reported = 0;
    const listener = client.onNotification(METHODS.scanProgress, (p: ScanProgressParams) => {
      if (p.total === 0) return;
      const percent = (p.done / p.total) * 100;
      progress.report({ increment: percent - reported, message: `${p.done} of ${p.total} files` });
      reported = percent;
    });
    try {
      const result = await client.sendRequest<CheckWorkspaceResult>(METHODS.checkWorkspace, { exclude: excludeGlobs() }, token);
      log.info(`Check Workspace: ${result.analysed} of ${result.files} files analysed, ${result.findings} findings, ${(result.durationMs / 1000).toFixed(1)} s${result.cancelled ? ' (cancelled)' : ''}`);
      return result;
    } catch (error) {
      if (token.isCancellationRequested) return undefined;
      throw error;
    } finally {
      listener.dispose();
    }
  });
}

/** Batches changes of .py/.ipynb files on disk and tells the server (which acts once a check ran). */
export function watchWorkspaceFiles(client: LanguageClient): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{py,ipynb}');
  let pending: FilesChangedParams = { changed: [], deleted: [] };
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = { changed: [], deleted: [] };
    void client.sendNotification(METHODS.filesChanged, batch);
  };
  const add = (list: 'changed' | 'deleted') => (uri: vscode.Uri) => {
    pending[list].push(uri.toString());
    clearTimeout(timer);
    timer = setTimeout(flush, 300);
  };
  const subscriptions = [watcher, watcher.onDidCreate(add('changed')), watcher.onDidChange(add('changed')), watcher.onDidDelete(add('deleted'))];
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const s of subscriptions) s.dispose();
  });
}
