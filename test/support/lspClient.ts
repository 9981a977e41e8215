// A real LSP client for protocol tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC
// to it, answering the requests a client must answer (configuration, registration).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { SERVER_EXEC_ARGV } from '../../server/src/engine/heap';
import {
  createProtocolConnection, ResponseError, StreamMessageReader, StreamMessageWriter,
  type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface ClientOptions {
  settings?: Record<string, unknown>;
  relatedInformation?: boolean;
  workspaceFolder?: string;
  initializationOptions?: Record<string, unknown>;
  /** Answer window/showMessageRequest with an error, as some clients do. */
  rejectShowMessageRequest?: boolean;
  /** Another build of the server to start (benches compare builds); dist/server.js by default. */
  server?: string;
  /** Node's flags for the server; by default the VS Code client's (SERVER_EXEC_ARGV). */
  execArgv?: readonly string[];
  /** Variables added to the server's environment. */
  env?: NodeJS.ProcessEnv;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly messages: { type: number; message: string }[] = [];
  readonly stderr: string[] = [];
  /** window/logMessage texts: the server's output channel. */
  readonly logs: string[] = [];
  /** Called on every publishDiagnostics, after `diagnostics` is updated (benches time them). */
  readonly onPublish: ((params: PublishDiagnosticsParams) => void)[] = [];
  private waiters: (() => void)[] = [];
  private settings: Record<string, unknown>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams, options: ClientOptions) {
    // The protocol tests exercise every rule, recommended or opt-in, unless a test says otherwise.
    this.settings = { select: ['ALL'], ...options.settings };
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      for (const listener of this.onPublish) listener(params);
      const waiting = this.waiters;
      this.waiters = [];
      for (const wake of waiting) wake();
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.messages.push(params);
      if (options.rejectShowMessageRequest) return new ResponseError(-32601, 'this client does not show message requests');
      return null;
    });
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [...(options.execArgv ?? SERVER_EXEC_ARGV), options.server ?? SERVER, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...options.env } });
    const client = new TestClient(child, options);
    const rootUri = options.workspaceFolder ? `file://${options.workspaceFolder}` : null;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: options.relatedInformation ?? true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
        },
        notebookDocument: { synchronization: { executionSummarySupport: true } },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  setSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
  }

  /** Waits until `predicate` holds for the diagnostics of `uri` (bounded). */
  async waitFor(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && predicate(current)) return current;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out waiting for diagnostics of ${uri}; last: ${JSON.stringify(current?.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Forgets the diagnostics seen so far, so the next wait sees only new publications. */
  reset(uri?: string): void {
    if (uri) this.diagnostics.delete(uri);
    else this.diagnostics.clear();
  }

  /** The server's process id (for memory figures). */
  get pid(): number {
    return this.child.pid!;
  }

  get exited(): boolean {
    return this.child.exitCode !== null;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 3000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/**
 * Starts a fresh server before each test of the enclosing `describe` and stops it after; returns
 * a getter for the current client.
 */
export function useTestClient(options: ClientOptions = {}): () => TestClient {
  let client: TestClient | undefined;
  beforeEach(async () => {
    client = await TestClient.start(options);
  });
  afterEach(async () => {
    await client?.stop();
  });
  return () => client!;
}

/** Applies LSP text edits to a text (end to start). */
export function applyLspEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const edit of sorted) out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  return out;
}

/** A diagnostic's message as plain text (LSP 3.18 also allows Markdown content). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
