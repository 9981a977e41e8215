// Start-up, both front doors. The server: spawn `node dist/server.js --stdio`, initialize, open an
// example script (or notebook), and time the first publishDiagnostics. The CLI: the wall time of
// a one-file `mldebt check`, beside a bare `node -e 0` and `mldebt --version` (bundle load only),
// and what loading the two WebAssembly modules costs in-process. Prints figures only.
//   npm run build && node out/bench/server-startup.bench.js [runs]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { Language, Parser } from 'web-tree-sitter';
import { defaultWasmPaths } from '../server/src/parsing/parser';
import { TestClient } from '../test/support/lspClient';

const ROOT = path.resolve(__dirname, '..', '..');

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
  return `median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms (n=${samples.length})`;
}

async function firstDiagnostics(open: (client: TestClient) => Promise<string>): Promise<{ total: number; afterOpen: number }> {
  const started = performance.now();
  const client = await TestClient.start();
  const opened = performance.now();
  const uri = await open(client);
  await client.waitFor(uri, (d) => d.length > 0, 30000);
  const done = performance.now();
  await client.stop();
  return { total: done - started, afterOpen: done - opened };
}

function wallOf(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return performance.now() - started;
}

/** What the CLI's start-up is made of: Node itself, loading the bundle, and a whole one-file check. */
async function cliStartup(runs: number): Promise<void> {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const rows: [string, string[]][] = [
    ['node -e 0 (Node itself)', ['-e', '0']],
    ['mldebt --version (bundle load)', [cli, '--version']],
    ['mldebt check one file', [cli, 'check', path.join('examples', 'train_churn.py'), '--exit-zero']],
  ];
  console.log(`\nCLI start-up, wall (load ${loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
  for (const [label, args] of rows) console.log(`  ${label.padEnd(34)} ${stats(Array.from({ length: runs }, () => wallOf(args)))}`);
  const wasm = defaultWasmPaths(path.join(ROOT, 'dist'));
  const t0 = performance.now();
  await Parser.init({ locateFile: () => wasm.runtime });
  const t1 = performance.now();
  await Language.load(wasm.grammar);
  const t2 = performance.now();
  console.log(`  of which, in-process: web-tree-sitter runtime ${(t1 - t0).toFixed(1)} ms, Python grammar ${(t2 - t1).toFixed(1)} ms (compiled once per process)`);
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 10);
  const script = readFileSync(path.join(ROOT, 'examples', 'train_churn.py'), 'utf8');
  const notebook = JSON.parse(readFileSync(path.join(ROOT, 'examples', 'sales_exploration.ipynb'), 'utf8'));
  const cells = (notebook.cells as { cell_type: string; source: string[] }[]).map((cell, i) => ({
    uri: `vscode-notebook-cell:/bench/sales.ipynb#W${i}`,
    kind: cell.cell_type === 'code' ? 2 : 1,
    text: cell.source.join(''),
  }));

  const scriptRuns: { total: number; afterOpen: number }[] = [];
  const notebookRuns: { total: number; afterOpen: number }[] = [];
  for (let i = 0; i < runs; i++) {
    scriptRuns.push(await firstDiagnostics(async (client) => {
      const uri = 'file:///bench/train_churn.py';
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: script } });
      return uri;
    }));
    notebookRuns.push(await firstDiagnostics(async (client) => {
      await client.connection.sendNotification('notebookDocument/didOpen', {
        notebookDocument: { uri: 'file:///bench/sales.ipynb', notebookType: 'jupyter-notebook', version: 1, cells: cells.map((c) => ({ kind: c.kind, document: c.uri })) },
        cellTextDocuments: cells.map((c) => ({ uri: c.uri, languageId: c.kind === 2 ? 'python' : 'markdown', version: 1, text: c.text })),
      });
      return cells[3].uri;
    }));
  }
  console.log('First diagnostics from a cold server (spawn + initialize + didOpen -> publishDiagnostics):');
  console.log(`  script   examples/train_churn.py:        ${stats(scriptRuns.map((r) => r.total))}`);
  console.log(`           of which after initialize:      ${stats(scriptRuns.map((r) => r.afterOpen))}`);
  console.log(`  notebook examples/sales_exploration.ipynb: ${stats(notebookRuns.map((r) => r.total))}`);
  console.log(`           of which after initialize:      ${stats(notebookRuns.map((r) => r.afterOpen))}`);
  await cliStartup(runs);
}

void main();
