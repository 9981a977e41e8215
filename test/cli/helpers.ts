// Running the bundled CLI (dist/cli.js) as users do: a child process in a folder of files.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export function mldebt(cwd: string, args: readonly string[], options: SpawnSyncOptions = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...options, env: { ...process.env, NO_COLOR: '', ...options.env } });
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export function temporaryFolder(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `mldebt-${prefix}-`));
}

/** Runs `body` in a new temporary folder, removed afterwards. */
export function inFolder(prefix: string, body: (dir: string) => void): void {
  const dir = temporaryFolder(prefix);
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CellSpec {
  source: string | string[];
  count?: number;
  outputs?: boolean;
  type?: string;
}

/** An nbformat 4 notebook as Jupyter writes it: one-space indent, sources as lists of lines. */
export function notebook(cells: CellSpec[], language = 'python'): string {
  const lines = (s: string | string[]) => (Array.isArray(s) ? s : s === '' ? [] : s.split(/(?<=\n)/));
  return JSON.stringify({
    cells: cells.map((c, i) => ({
      cell_type: c.type ?? 'code',
      ...(c.type === 'markdown' ? {} : { execution_count: c.count ?? null }),
      id: `c${i}`,
      metadata: {},
      ...(c.type === 'markdown' ? {} : { outputs: c.outputs ? [{ name: 'stdout', output_type: 'stream', text: ['x\n'] }] : [] }),
      source: lines(c.source),
    })),
    metadata: { kernelspec: { display_name: language, language, name: language }, language_info: { name: language } },
    nbformat: 4,
    nbformat_minor: 5,
  }, null, 1) + '\n';
}
