// One code-server (VS Code's server, used from a browser) per test session: its own user-data and
// extensions folders, bound to 127.0.0.1 on a free port, started as the leader of its own process
// group so that stopping it ends the extension host, the language server and every other child.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { log } from './log';
import type { Tools } from './tools';
import { copyExamples } from './workspace';

/** The folders one session owns; nothing is shared with another session or with ~/. */
export class Session {
  readonly userData: string;
  readonly extensions: string;
  readonly state: string;
  readonly config: string;
  readonly log: string;

  constructor(readonly dir: string) {
    this.userData = path.join(dir, 'user-data');
    this.extensions = path.join(dir, 'extensions');
    this.state = path.join(dir, 'state');
    this.config = path.join(dir, 'code-server.yaml');
    this.log = path.join(dir, 'code-server.log');
    for (const folder of [this.userData, this.extensions, this.state]) mkdirSync(folder, { recursive: true });
    // An empty config file: code-server's default one (~/.config/code-server) sets a password and a port.
    writeFileSync(this.config, '');
  }

  /** Writes the user settings VS Code starts with. */
  writeSettings(settings: Record<string, unknown>): void {
    mkdirSync(path.join(this.userData, 'User'), { recursive: true });
    writeFileSync(path.join(this.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }

  args(): string[] {
    return ['--config', this.config, '--user-data-dir', this.userData, '--extensions-dir', this.extensions];
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, ...extra, XDG_DATA_HOME: path.join(this.state, 'data'), XDG_CONFIG_HOME: path.join(this.state, 'config') };
    // Set inside a VS Code terminal, it makes code-server hand the folder to that VS Code instead.
    delete env.VSCODE_IPC_HOOK_CLI;
    return env;
  }
}

/** Settings that keep the workbench quiet and deterministic (no tours, tips, updates or AI panels). */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 200,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function installExtension(tools: Tools, session: Session, vsix: string): void {
  const started = Date.now();
  const result = spawnSync(tools.node, [path.join(tools.codeServer, 'out', 'node', 'entry.js'), ...session.args(), '--install-extension', vsix, '--force'], {
    env: session.env(), encoding: 'utf8', timeout: 120_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/successfully installed/.test(output)) throw new Error(`installing ${vsix} failed:\n${output}`);
  log(`installed ${path.basename(vsix)} in ${Date.now() - started}ms`);
}

const running = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

// If the harness dies (an exception, Ctrl+C, CI's timeout), its servers die with it.
process.on('exit', () => {
  for (const pid of running) killGroup(pid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    process.exit(130);
  });
}

export interface StartOptions {
  workspace: string;
  /** Let the page's `payload` run a test suite (extensionDevelopmentPath / extensionTestsPath). */
  smokeTestDriver?: boolean;
  /** 0 (the default) picks a free port. */
  port?: number;
  env?: Record<string, string>;
}

export class CodeServer {
  private constructor(readonly url: string, private readonly child: ChildProcess) {}

  /** host:port as the browser sees it (the authority of vscode-remote:// URIs). */
  get host(): string {
    return new URL(this.url).host;
  }

  /** A path on this machine as the workbench addresses it. */
  remoteUri(absolutePath: string): string {
    return `vscode-remote://${this.host}${absolutePath}`;
  }

  /** The workbench URL opening `folder`, with optional payload entries for a test run. */
  workbenchUrl(folder: string, payload: [string, string][] = []): string {
    const query = `folder=${encodeURIComponent(folder)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
    return `${this.url}?${query}`;
  }

  static async start(tools: Tools, session: Session, options: StartOptions): Promise<CodeServer> {
    const args = [
      path.join(tools.codeServer, 'out', 'node', 'entry.js'), ...session.args(),
      '--auth', 'none', '--bind-addr', `127.0.0.1:${options.port ?? 0}`,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
      options.workspace,
    ];
    const started = Date.now();
    const child = spawn(tools.node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: session.env(options.env) });
    if (child.pid === undefined) throw new Error('code-server did not start');
    running.add(child.pid);
    const logStream = createWriteStream(session.log);
    child.stdout!.pipe(logStream);
    child.stderr!.pipe(logStream);
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`code-server did not listen within 60s; see ${session.log}`)), 60_000);
      const onData = (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(seen);
        if (match) {
          clearTimeout(timer);
          resolve(`${match[1]}/`);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited with ${code} before listening:\n${seen.slice(-2000)}`));
      });
    });
    const server = new CodeServer(url, child);
    log(`code-server pid ${child.pid} listening at ${url} after ${Date.now() - started}ms`);
    return server;
  }

  /** Ends the whole process group: SIGTERM, then SIGKILL for whatever is left after 5 s. */
  async stop(): Promise<void> {
    const pid = this.child.pid!;
    killGroup(pid, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pid)) {
      log(`code-server group ${pid} still alive after SIGTERM; killing it`);
      killGroup(pid, 'SIGKILL');
    }
    running.delete(pid);
  }
}

/**
 * A session in `dir` with the packaged extension installed and a fresh copy of examples/ open,
 * as a person would have it (no test driver).
 */
export async function startWithExtension(tools: Tools, dir: string, vsix: string, options: { port?: number } = {}): Promise<{ session: Session; server: CodeServer; workspace: string }> {
  const session = new Session(dir);
  session.writeSettings(QUIET_SETTINGS);
  installExtension(tools, session, vsix);
  const workspace = copyExamples(path.join(dir, 'workspace'));
  const server = await CodeServer.start(tools, session, { workspace, port: options.port });
  return { session, server, workspace };
}
