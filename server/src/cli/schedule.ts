// Where each file of `mldebt check` is checked: its cached result when there is one, else on the
// main thread or in worker threads. Workers are started only as the files left to analyse add up
// to enough work to pay for a worker's start-up (loading the engine, compiling the grammar), one
// more per such amount up to --jobs, so a small run stays on the main thread and starts as fast
// as one file does. Outcomes are handed over as they come; the caller puts them in order.
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { initParser, type PythonParser } from '../parsing/parser';
import { cachedOutcome, type ResultCache } from './cache';
import { checkFile, crashedOutcome, notAnalysedOutcome, type FileOutcome, type FileTask } from './checkFile';
import { failureReason, WorkerPool } from './pool';
import { NotAnalysedError } from './read';

/**
 * Bytes of scripts to analyse that make a worker worth starting: about a third of a second of
 * analysis, against about a seventh for a worker to start. MLDEBT_WORKER_MIN_BYTES overrides it
 * (the tests set 0 to run workers on a few small files).
 */
const WORKER_MIN_BYTES = 256 * 1024;

/**
 * A notebook's bytes count an eighth: most of a notebook file is JSON and outputs (over real
 * notebooks, about 0.8 KB of file per line of code, against 40 bytes in a script).
 */
const estimatedWork = (file: string, bytes: number) => (extname(file) === '.ipynb' ? bytes / 8 : bytes);

function workerMinBytes(): number {
  const value = Number(process.env.MLDEBT_WORKER_MIN_BYTES);
  return process.env.MLDEBT_WORKER_MIN_BYTES && Number.isFinite(value) && value >= 0 ? value : WORKER_MIN_BYTES;
}

export interface ScheduleOptions {
  /** The most worker threads to use; 1 checks every file on the main thread. */
  jobs: number;
  cache?: ResultCache;
  /** The script a worker runs: the CLI, which serves files when started as a worker. */
  workerScript: string;
  onOutcome: (index: number, outcome: FileOutcome) => void;
}

export interface ScheduleStats {
  /** Worker threads started (0: all on the main thread). */
  workers: number;
}

/** Lets results from workers, and the progress bar's timer, in. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function checkFiles(tasks: readonly FileTask[], options: ScheduleOptions): Promise<ScheduleStats> {
  const { cache, jobs } = options;
  const minBytes = workerMinBytes();
  const done = (index: number, outcome: FileOutcome) => {
    const task = tasks[index];
    if (cache && outcome.content) cache.write(task, outcome);
    options.onOutcome(index, outcome);
  };
  const waiting: number[] = [];
  const work: number[] = [];
  let toAnalyse = 0;
  /** Estimated in bytes of scripts. */
  let bytesToAnalyse = 0;
  let pool: WorkerPool | undefined;
  let workers = 0;
  let breathed = performance.now();
  for (let index = 0; index < tasks.length; index++) {
    const task = tasks[index];
    let size = 0;
    if (cache) {
      let found: ReturnType<ResultCache['lookup']>;
      try {
        found = cache.lookup(task);
      } catch (error) {
        if (!(error instanceof NotAnalysedError)) throw error;
        options.onOutcome(index, notAnalysedOutcome(task.shown, error));
        continue;
      }
      if (found.result) {
        options.onOutcome(index, cachedOutcome(found.result));
        continue;
      }
      size = found.size;
    } else {
      try {
        size = statSync(task.file).size;
      } catch {
        // checkFile says why it cannot be read
      }
    }
    waiting.push(index);
    toAnalyse++;
    work[index] = estimatedWork(task.file, size);
    bytesToAnalyse += work[index];
    const wanted = Math.min(jobs, toAnalyse, minBytes > 0 ? Math.floor(bytesToAnalyse / minBytes) : Infinity);
    if (wanted >= 2 || pool) {
      pool ??= new WorkerPool(options.workerScript, tasks, done);
      pool.grow(wanted);
      workers = Math.max(workers, pool.workers);
      for (const i of waiting.splice(0)) pool.push(i, work[i]);
    }
    if (performance.now() - breathed > 20) {
      await breathe();
      breathed = performance.now();
    }
  }
  if (pool) waiting.push(...(await pool.finish()));
  if (waiting.length > 0) {
    let parser: PythonParser | undefined;
    for (const index of waiting) {
      parser ??= await initParser();
      let outcome: FileOutcome;
      try {
        outcome = checkFile(parser, tasks[index]);
      } catch (error) {
        outcome = crashedOutcome(tasks[index].shown, failureReason(error));
      }
      done(index, outcome);
      if (performance.now() - breathed > 50) {
        await breathe();
        breathed = performance.now();
      }
    }
  }
  return { workers };
}
