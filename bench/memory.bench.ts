// Server memory with many documents open: 172 scripts of 500 lines and 28 notebooks opened at
// once, every one analysed, then all closed. Prints the server's RSS (from /proc) at idle, with
// everything open, and after closing; the target is <= 250 MB open and near idle after.
//   npm run build && node out/bench/memory.bench.js [rounds] [--node-defaults | --compare-node-defaults]
//   (the server starts with the VS Code client's Node flags unless told otherwise: serverVariants.ts)
import { readFileSync } from 'node:fs';
import { TestClient } from '../test/support/lspClient';
import { generatedCells, generatedScript } from './workload';
import { SERVER_FLAGS, serverVariants, type ServerVariant } from './serverVariants';

const SCRIPTS = 172;
const NOTEBOOKS = 28;

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function round(client: TestClient, r: number): Promise<{ open: number; closed: number; peak: number }> {
  const waits: Promise<unknown>[] = [];
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMB(client.pid))), 100);
  for (let i = 0; i < SCRIPTS; i++) {
    const uri = `file:///bench/r${r}/script_${i}.py`;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: generatedScript(500, i) } });
    waits.push(client.waitFor(uri, () => true, 600000));
  }
  for (let n = 0; n < NOTEBOOKS; n++) {
    const uri = `file:///bench/r${r}/nb_${n}.ipynb`;
    const cells = generatedCells(20, 25, n).map((text, c) => ({ uri: `vscode-notebook-cell:/bench/r${r}/nb_${n}.ipynb#c${c}`, text }));
    await client.connection.sendNotification('notebookDocument/didOpen', {
      notebookDocument: { uri, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((c) => ({ kind: 2, document: c.uri })) },
      cellTextDocuments: cells.map((c) => ({ uri: c.uri, languageId: 'python', version: 1, text: c.text })),
    });
    waits.push(client.waitFor(cells[0].uri, () => true, 600000));
  }
  await Promise.all(waits);
  await sleep(1000);
  const open = rssMB(client.pid);
  for (let i = 0; i < SCRIPTS; i++) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: `file:///bench/r${r}/script_${i}.py` } });
  for (let n = 0; n < NOTEBOOKS; n++) {
    const uri = `file:///bench/r${r}/nb_${n}.ipynb`;
    const cells = Array.from({ length: 20 }, (_, c) => ({ uri: `vscode-notebook-cell:/bench/r${r}/nb_${n}.ipynb#c${c}` }));
    await client.connection.sendNotification('notebookDocument/didClose', { notebookDocument: { uri }, cellTextDocuments: cells });
  }
  await sleep(3000);
  clearInterval(sampler);
  client.reset();
  return { open, closed: rssMB(client.pid), peak: Math.max(peak, open) };
}

async function measure(rounds: number, variant: ServerVariant, label: string): Promise<void> {
  const client = await TestClient.start({ execArgv: variant.execArgv });
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///bench/warm.py', languageId: 'python', version: 1, text: 'import numpy as np\n' } });
  await client.waitFor('file:///bench/warm.py');
  await sleep(500);
  console.log(`${label}idle (parser loaded): ${rssMB(client.pid).toFixed(0)} MB RSS`);
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    const { open, closed, peak } = await round(client, r);
    console.log(`${label}round ${r + 1}: ${SCRIPTS} scripts of 500 lines + ${NOTEBOOKS} notebooks open: ${open.toFixed(0)} MB RSS (peak ${peak.toFixed(0)} MB), after closing all: ${closed.toFixed(0)} MB (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await client.stop();
}

async function main(): Promise<void> {
  const rounds = Number(process.argv.slice(2).find((arg) => !SERVER_FLAGS.includes(arg)) ?? 3);
  const variants = serverVariants(undefined);
  for (const variant of variants) await measure(rounds, variant, variants.length > 1 ? `[${variant.label}] ` : '');
}

void main();
