// The VS Code side of ML Debt Lens: starts the language server (dist/server.js) for Python files
// and the Python cells of Jupyter notebooks, and shows what it finds across the workspace (Debt
// Explorer, status bar, Debt Overview) and teaches it (rule pages, categories, walkthrough). All
// analysis is in the server; nothing here reads, runs or sends the user's code anywhere.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../server/src/engine/heap';
import { METHODS, type CatalogueResult, type FileFindings } from '../../server/src/features/workspaceProtocol';
import { checkWorkspace, watchWorkspaceFiles } from './checkWorkspace';
import { reportShownDocuments } from './visibleDocuments';
import { DebtExplorer } from './debtExplorer';
import { executionOrderMiddleware } from './executionOrder';
import { FindingsModel, type Located } from './findingsModel';
import { fixAllInActiveDocument } from './fixAll';
import { explainCategories, openExampleNotebook, showRuleDocumentation } from './learn';
import { openFinding } from './openFinding';
import { DebtOverview } from './overview';
import { DebtStatusItem } from './statusItem';

const CLIENT_ID = 'mlDebt';
const CLIENT_NAME = 'ML Debt Lens';

let client: LanguageClient | undefined;

export function documentSelector(): { scheme: string; language: string }[] {
  return [
    { scheme: 'file', language: 'python' },
    { scheme: 'untitled', language: 'python' },
    { scheme: 'vscode-notebook-cell', language: 'python' },
    { scheme: 'vscode-vfs', language: 'python' },
  ];
}

function createClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // The server keeps V8's code cache of its bundle in the extension's own storage (not the workspace).
  const env = { MLDEBT_CODE_CACHE_DIR: vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'], env } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{pyproject.toml,conftest.py,requirements*.txt}') },
    outputChannel,
    markdown: { isTrusted: false, supportHtml: false },
    middleware: { notebooks: executionOrderMiddleware },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/** What the extension returns from activate: its views' state, read by the end-to-end tests. */
export interface ExtensionApi {
  model: FindingsModel;
  explorer: DebtExplorer;
  status: DebtStatusItem;
  overview: DebtOverview;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);

  const status = vscode.languages.createLanguageStatusItem('mlDebt.status', { language: 'python' });
  status.name = CLIENT_NAME;
  status.text = CLIENT_NAME;
  status.command = { title: 'Show Output', command: 'mlDebt.showOutput' };
  context.subscriptions.push(status);

  client = createClient(context, outputChannel);
  context.subscriptions.push(client.onDidChangeState((event) => {
    status.detail = event.newState === State.Running ? 'running' : event.newState === State.Starting ? 'starting' : 'stopped';
    status.severity = event.newState === State.Stopped ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }));

  context.subscriptions.push(
    vscode.commands.registerCommand('mlDebt.restartServer', async () => {
      if (!client) return;
      outputChannel.info('Restarting the ML Debt Lens server');
      await client.restart();
    }),
    vscode.commands.registerCommand('mlDebt.showOutput', () => outputChannel.show(true)),
  );

  const model = new FindingsModel();
  const explorer = new DebtExplorer(model);
  const debtStatus = new DebtStatusItem(model);
  const overview = new DebtOverview(model);
  const view = vscode.window.createTreeView('mlDebt.explorer', { treeDataProvider: explorer, showCollapseAll: true });
  context.subscriptions.push(model, explorer, debtStatus, overview, view);
  context.subscriptions.push(client.onNotification(METHODS.findings, (params: FileFindings) => model.update(params)));
  context.subscriptions.push(model.onDidChange(() => (view.badge = { value: model.all().length, tooltip: 'ML debt findings' })));

  const running = () => {
    if (!client || client.state !== State.Running) throw new Error('the ML Debt Lens server is not running');
    return client;
  };
  const storage = context.globalStorageUri;
  context.subscriptions.push(
    vscode.commands.registerCommand('mlDebt.checkWorkspace', () => checkWorkspace(running(), outputChannel)),
    vscode.commands.registerCommand('mlDebt.fixAll', () => fixAllInActiveDocument(running())),
    vscode.commands.registerCommand('mlDebt.showRuleDocumentation', (code?: string) => showRuleDocumentation(context.extensionUri, code, model.catalogue?.rules.map((r) => r.code))),
    vscode.commands.registerCommand('mlDebt.explainCategories', () => explainCategories(storage, model.catalogue)),
    vscode.commands.registerCommand('mlDebt.showOverview', () => overview.show()),
    vscode.commands.registerCommand('mlDebt.showExplorer', () => vscode.commands.executeCommand('mlDebt.explorer.focus')),
    vscode.commands.registerCommand('mlDebt.openExample', () => openExampleNotebook(context.extensionUri, storage)),
    vscode.commands.registerCommand('mlDebt.openFinding', (finding: Located) => openFinding(finding)),
    vscode.commands.registerCommand('mlDebt.explorer.showRecommended', () => explorer.setFilter({ recommendedOnly: true })),
    vscode.commands.registerCommand('mlDebt.explorer.showAllRules', () => explorer.setFilter({ recommendedOnly: false })),
    vscode.commands.registerCommand('mlDebt.explorer.showCurrentFile', () => explorer.setFilter({ currentFileOnly: true })),
    vscode.commands.registerCommand('mlDebt.explorer.showWorkspace', () => explorer.setFilter({ currentFileOnly: false })),
    vscode.commands.registerCommand('mlDebt.explorer.refresh', () => checkWorkspace(running(), outputChannel)),
    watchWorkspaceFiles(client),
  );

  await client.start();
  context.subscriptions.push(reportShownDocuments(client));
  // Each start of the server (a restart too) re-sends the open documents' findings.
  context.subscriptions.push(client.onDidChangeState((event) => event.newState === State.Starting && model.clear()));
  try {
    model.setCatalogue(await client.sendRequest<CatalogueResult>(METHODS.catalogue));
  } catch (error) {
    outputChannel.warn(`Could not read the rule catalogue: ${(error as Error).message}`);
  }
  return { model, explorer, status: debtStatus, overview };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
