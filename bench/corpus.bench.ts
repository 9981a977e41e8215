// Benchmark on real code: for every .py and .ipynb file under a folder, the bare tree-sitter parse
// of its Python (each notebook cell as the analysis parses it), parse + semantic index, + the
// def-use layer, and the full analysis with every rule; each step once per file, the steps
// interleaved file by file so that a change of machine load touches them alike. Prints the CPU
// and wall totals of each step and its ratio to the bare parse. Then the CLI as users run it
// (dist/cli.js check DIR --format json --select ALL): --jobs 1 and --jobs 2 without the cache,
// a cold and a warm cache, and one small file, each with its wall and CPU time (worker threads
// included) and the machine's load average, and the ratios the CLI is held to (issue 11).
// The steps run in a worker thread with the young generation of the CLI's workers, which analyse
// every folder this large (engine/heap.ts); --node-defaults runs them on the main thread with V8's.
// Run: npm run bench:corpus -- DIR [--cli-only | --node-defaults]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { tuneTiering } from '../server/src/engine/tiering';
import { WORKER_YOUNG_GENERATION_MB } from '../server/src/engine/heap';
import { analyzeDocument } from '../server/src/analyze';
import { discoverFiles } from '../server/src/config/files';
import { defaultConfig } from '../server/src/config/settings';
import { buildDocument } from '../server/src/documents/source';
import type { SourceDocument } from '../server/src/documents/types';
import { parseOnce } from '../server/src/parsing/incremental';
import { initParser, type PythonParser } from '../server/src/parsing/parser';
import { SemanticIndex } from '../server/src/semantics';
import { folderSources } from './folder';

interface Totals {
  cpu: number;
  wall: number;
}

function timed(totals: Totals, run: () => void): void {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  run();
  totals.wall += performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  totals.cpu += (used.user + used.system) / 1000;
}

export function benchmarkFolder(parser: PythonParser, folder: string): void {
  // Every rule, opt-in ones included: the budget is for the whole analysis.
  const config = { ...defaultConfig(), select: ['ALL'] };
  const docs: SourceDocument[] = folderSources(folder, config.maxFileSize).map(({ source }) => buildDocument(source));
  const lines = docs.reduce((sum, doc) => sum + doc.lineStarts.length, 0);
  const steps: [string, (doc: SourceDocument) => void][] = [
    ['bare tree-sitter parse', (doc) => parseOnce(parser, doc).dispose()],
    ['parse + semantic index', (doc) => {
      const { parsed, dispose } = parseOnce(parser, doc);
      new SemanticIndex(parsed);
      dispose();
    }],
    ['parse + index + def-use layer', (doc) => {
      const { parsed, dispose } = parseOnce(parser, doc);
      void new SemanticIndex(parsed).dataflow;
      dispose();
    }],
    ['full analysis, all rules', (doc) => void analyzeDocument(doc, config, { parser })],
  ];
  const totals = steps.map((): Totals => ({ cpu: 0, wall: 0 }));
  // One warm-up pass over a few files, so that the first file does not pay for compilation.
  for (const doc of docs.slice(0, 20)) for (const [, run] of steps) run(doc);
  for (const doc of docs) steps.forEach(([, run], i) => timed(totals[i], () => run(doc)));

  const width = Math.max(...steps.map(([label]) => label.length));
  const s = (ms: number) => (ms / 1000).toFixed(2).padStart(8);
  const x = (value: number) => `${value.toFixed(2).padStart(6)}x`;
  console.log(`${folder}: ${docs.length} files, ${lines} lines; each step once per file; seconds.`);
  console.log(`${'step'.padEnd(width)}      CPU     wall | CPU / bare  wall / bare`);
  steps.forEach(([label], i) => {
    const t = totals[i];
    console.log(`${label.padEnd(width)} ${s(t.cpu)} ${s(t.wall)} |    ${x(t.cpu / totals[0].cpu)}      ${x(t.wall / totals[0].wall)}`);
  });
}

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

interface CliRun {
  wall: number;
  cpu: number;
  /** The 1-minute load average just before the run. */
  load: number;
  stdout: string;
}

/** One run of the bundled CLI in `cwd`, with its wall and CPU time (all its threads) in ms. */
function runCli(cwd: string, args: readonly string[], env: Record<string, string>): CliRun {
  const scratch = mkdtempSync(path.join(tmpdir(), 'mldebt-bench-cpu-'));
  const cpuFile = path.join(scratch, 'cpu.json');
  try {
    const load = loadavg()[0];
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--require', path.join(__dirname, 'cpu-preload.js'), CLI, ...args], {
      cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env, MLDEBT_BENCH_CPU_FILE: cpuFile },
    });
    const wall = performance.now() - start;
    if (result.status !== 0 && result.status !== 1) throw new Error(`mldebt ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return { wall, cpu: (JSON.parse(readFileSync(cpuFile, 'utf8')) as { cpuMs: number }).cpuMs, load, stdout: result.stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A small script of the folder to time a one-file run on: the median-sized .py file. */
function smallScript(folder: string): string | undefined {
  const scripts = discoverFiles([folder]).files.filter((f) => f.endsWith('.py')).map((f) => ({ f, size: statSync(f).size })).sort((a, b) => a.size - b.size);
  return scripts[Math.floor(scripts.length / 2)]?.f;
}

export function benchmarkCli(folder: string): void {
  const cache = mkdtempSync(path.join(tmpdir(), 'mldebt-bench-cache-'));
  const env = { MLDEBT_CACHE_DIR: cache };
  const check = ['check', '.', '--format', 'json', '--select', 'ALL'];
  try {
    const runs: [string, CliRun][] = [
      ['--jobs 1, no cache', runCli(folder, [...check, '--jobs', '1', '--no-cache'], env)],
      ['--jobs 2, no cache', runCli(folder, [...check, '--jobs', '2', '--no-cache'], env)],
      ['--jobs 2, cold cache', runCli(folder, [...check, '--jobs', '2'], env)],
      ['--jobs 2, warm cache', runCli(folder, [...check, '--jobs', '2'], env)],
    ];
    const script = smallScript(folder);
    if (script) runs.push([`one file (${statSync(script).size} bytes)`, runCli(folder, ['check', path.relative(folder, script), '--format', 'json', '--no-cache'], env)]);
    const [one, two, cold, warm] = runs.map(([, run]) => run);
    const width = Math.max(...runs.map(([label]) => label.length));
    const s = (ms: number) => (ms / 1000).toFixed(2).padStart(8);
    console.log(`\nCLI: node dist/cli.js ${check.join(' ')} in ${folder}; seconds; load: 1-minute load average before the run (the machine has ${availableParallelism()} CPUs).`);
    console.log(`${'run'.padEnd(width)}     wall      CPU   load`);
    for (const [label, run] of runs) console.log(`${label.padEnd(width)} ${s(run.wall)} ${s(run.cpu)} ${run.load.toFixed(2).padStart(6)}`);
    const same = two.stdout === one.stdout && cold.stdout === one.stdout && warm.stdout === one.stdout;
    console.log(`same output in the four runs: ${same ? 'yes' : 'NO'}`);
    console.log(`--jobs 2 vs --jobs 1: ${(one.wall / two.wall).toFixed(2)}x faster (target >= 1.7x)`);
    console.log(`warm vs cold cache: ${((100 * warm.wall) / cold.wall).toFixed(1)}% of the wall time (target <= 10%)`);
    if (script) console.log(`one file: ${runs[4][1].wall.toFixed(0)} ms wall (target <= 300 ms)`);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/** The steps over `folder`, in a worker sized as the CLI's (or here, with V8's defaults). */
async function benchmarkSteps(folder: string, nodeDefaults: boolean): Promise<void> {
  if (nodeDefaults) {
    console.log('(steps on the main thread, V8\'s default young generation)');
    benchmarkFolder(await initParser(), folder);
    return;
  }
  console.log(`(steps in a worker thread with the CLI workers' young generation, ${WORKER_YOUNG_GENERATION_MB} MB)`);
  const worker = new Worker(__filename, { workerData: { folder }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the steps' worker exited ${code}`))));
  });
}

if (!isMainThread && (workerData as { folder?: string } | null)?.folder) {
  tuneTiering();
  void initParser().then((parser) => benchmarkFolder(parser, (workerData as { folder: string }).folder));
} else if (require.main === module) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: npm run bench:corpus -- DIR [--cli-only | --node-defaults]');
    process.exitCode = 2;
  } else if (process.argv.includes('--cli-only')) {
    benchmarkCli(path.resolve(folder));
  } else {
    // V8 optimises the engine as it does in the CLI and the language server (engine/tiering.ts).
    tuneTiering();
    benchmarkSteps(path.resolve(folder), process.argv.includes('--node-defaults')).then(() => benchmarkCli(path.resolve(folder)), (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
