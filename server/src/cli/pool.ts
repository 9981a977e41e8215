// Worker threads for `mldebt check --jobs N`: each worker loads the CLI once (its own parser and
// engine) and checks one file at a time; the pool hands the next file to whichever worker is free.
// A worker that dies takes only the file it was checking with it: that file is reported as not
// analysed, a new worker takes over the rest, and the run finishes.
import { Worker } from 'node:worker_threads';
import { checkFile, crashedOutcome, type FileOutcome, type FileTask } from './checkFile';
import { initParser } from '../parsing/parser';
import { WORKER_YOUNG_GENERATION_MB } from '../engine/heap';

/** Marks a thread started by the pool, so the CLI bundle knows to serve files instead of running. */
export const WORKER_ROLE = 'mldebt-check-worker';

/**
 * Test hook: a worker given the file shown as this path ends its thread at once, as a crash would.
 * Only the tests set it.
 */
const CRASH_FOR_TESTS = 'MLDEBT_TEST_WORKER_EXIT_ON';

interface Request {
  index: number;
  task: FileTask;
}

type Reply = { index: number; outcome: FileOutcome } | { index: number; error: string };

/** The reason given for a file whose analysis threw, the same on the main thread and in a worker. */
export function failureReason(error: unknown): string {
  return `its analysis failed (${String((error as Error)?.message ?? error).split('\n')[0]}); the other files were checked`;
}

/** Serves files in a worker thread: one parser for the life of the thread. */
export function serveFiles(port: import('node:worker_threads').MessagePort): void {
  const parser = initParser();
  parser.catch(() => undefined); // reported with the first file
  port.on('message', ({ index, task }: Request) => {
    if (process.env[CRASH_FOR_TESTS] === task.shown) process.exit(70);
    parser.then(
      (p) => {
        let reply: Reply;
        try {
          reply = { index, outcome: checkFile(p, task) };
        } catch (error) {
          reply = { index, error: failureReason(error) };
        }
        port.postMessage(reply);
      },
      (error: unknown) => port.postMessage({ index, error: failureReason(error) } satisfies Reply),
    );
  });
}

/** Workers that die before finishing a single file, in a row, after which the pool stops starting them. */
const START_FAILURES_TO_GIVE_UP = 3;

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  private readonly finished = new Set<Worker>();
  /** Files waiting, the most work last (taken first), so that no large file is left for the end. */
  private readonly queue: number[] = [];
  private readonly work = new Map<number, number>();
  private size = 0;
  /** How many workers the run wants; a worker that dies is replaced while files wait. */
  private target = 0;
  private failedStarts = 0;
  private gaveUp = false;
  private closing?: () => void;

  constructor(
    private readonly script: string,
    private readonly tasks: readonly FileTask[],
    private readonly onOutcome: (index: number, outcome: FileOutcome) => void,
  ) {}

  get workers(): number {
    return this.size;
  }

  /** Starts workers until there are `count`. */
  grow(count: number): void {
    this.target = Math.max(this.target, count);
    while (this.size < count && !this.gaveUp) this.spawn();
  }

  /** Queues a file with its estimated work; outcomes come in any order, the caller orders them. */
  push(index: number, work: number): void {
    this.work.set(index, work);
    let at = this.queue.length;
    while (at > 0 && this.work.get(this.queue[at - 1])! > work) at--;
    this.queue.splice(at, 0, index);
    this.dispatch();
  }

  /**
   * Waits for every file pushed to be checked, then ends the workers. Returns the files no
   * worker could take (workers kept dying at start): the caller checks them itself.
   */
  async finish(): Promise<number[]> {
    if (this.busy.size > 0 || (this.queue.length > 0 && !this.gaveUp)) await new Promise<void>((resolve) => (this.closing = resolve));
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.size = 0;
    for (const worker of all) this.finished.add(worker);
    await Promise.all(all.map((worker) => worker.terminate()));
    return this.queue.splice(0);
  }

  private spawn(): void {
    const worker = new Worker(this.script, { workerData: { role: WORKER_ROLE }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    let checkedOne = false;
    worker.on('message', (reply: Reply) => {
      checkedOne = true;
      this.failedStarts = 0;
      this.busy.delete(worker);
      this.idle.push(worker);
      const task = this.tasks[reply.index];
      this.onOutcome(reply.index, 'outcome' in reply ? reply.outcome : crashedOutcome(task.shown, reply.error));
      this.dispatch();
    });
    const lost = (why: string) => {
      if (this.finished.has(worker)) return;
      this.finished.add(worker);
      this.size--;
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      const index = this.busy.get(worker);
      this.busy.delete(worker);
      if (!checkedOne && ++this.failedStarts >= START_FAILURES_TO_GIVE_UP) this.gaveUp = true;
      if (index !== undefined) this.onOutcome(index, crashedOutcome(this.tasks[index].shown, `the worker thread checking it stopped (${why}); the other files were checked`));
      if (this.queue.length > 0) this.grow(this.target);
      this.dispatch();
    };
    worker.on('error', (error) => lost(error.message.split('\n')[0]));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.size++;
    this.idle.push(worker);
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const index = this.queue.pop()!;
      this.busy.set(worker, index);
      worker.postMessage({ index, task: this.tasks[index] } satisfies Request);
    }
    const stuck = this.gaveUp && this.size === 0;
    if (this.closing && this.busy.size === 0 && (this.queue.length === 0 || stuck)) this.closing();
  }
}
