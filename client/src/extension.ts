// The VS Code side of ML Debt Lens: starts the language server (dist/server.js) for Python files
// and the Python cells of Jupyter notebooks, and offers two commands. All analysis is in the
// server; nothing here reads, runs or sends the user's code anywhere.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { executionOrderMiddleware } from './executionOrder';

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
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/pyproject.toml') },
    outputChannel,
    markdown: { isTrusted: false, supportHtml: false },
    middleware: { notebooks: executionOrderMiddleware },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
