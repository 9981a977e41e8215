// Gives memory back. Each analysis builds a semantic index and drops it: tens of MB of garbage
// for a large file. V8 collects it only when it next needs room, so a burst of analyses (200
// documents opened together) leaves the heap, and the server's RSS, at its high-water mark for
// as long as the server then sits idle. The server therefore collects (1) when the heap has grown
// to twice what was live after the last collection, and (2) once it has been idle for a moment
// after work. Without a way to collect (no V8 flag), it does nothing and V8's own policy applies.
// While a document is being typed in, (1) waits: a forced collection stops the server for
// 10-100 ms, and the next keystroke would wait for it; V8's incremental collector keeps up with
// the garbage of the analyses, and (2) follows when the typing stops. The collections of (2) run
// one per turn of the event loop, and stop when an edit comes in between.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const IDLE_MS = 1500;
/** V8 gives pages back to the system only after a few full collections in a row. */
const IDLE_COLLECTIONS = 3;
/** Below this the heap is left to V8: collecting a small heap gains nothing. */
const FLOOR_BYTES = 64 * 1024 * 1024;

/** Lets a new context see `gc`; the server's launcher sets it before compiling, as the code cache needs. */
export function allowCollection(): void {
  setFlagsFromString('--expose-gc');
}

function gcFunction(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    allowCollection();
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** The heap figures the keeper decides on (v8.getHeapStatistics' names). */
export type HeapStatistics = Pick<ReturnType<typeof getHeapStatistics>, 'used_heap_size' | 'total_heap_size'>;

export class MemoryKeeper {
  private liveAfterLastGc = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private lastEdit = -Infinity;

  /** The collector and the heap's figures are V8's; tests pass their own. */
  constructor(
    private readonly gc = gcFunction(),
    private readonly heap: () => HeapStatistics = getHeapStatistics,
    private readonly now: () => number = () => performance.now(),
    private readonly idleMs = IDLE_MS,
  ) {}

  /** An edit came within the idle window: the user is typing. */
  private typing(): boolean {
    return this.now() - this.lastEdit < this.idleMs;
  }

  /** Call when an open document changes: typing is under way. */
  edited(): void {
    this.lastEdit = this.now();
  }

  /** Call after each piece of work (an analysis, a closed document). */
  afterWork(): void {
    if (!this.gc) return;
    const { used_heap_size: used, total_heap_size: total } = this.heap();
    if (!this.typing() && total > FLOOR_BYTES && used > 2 * Math.max(this.liveAfterLastGc, FLOOR_BYTES / 2)) this.collect();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.collectWhileIdle(IDLE_COLLECTIONS), this.idleMs);
    this.idleTimer.unref();
  }

  /**
   * Collects `rounds` times, each in its own turn of the event loop (a timer, so that a message
   * that came during one collection is read before the next), until an edit comes in.
   */
  private collectWhileIdle(rounds: number): void {
    if (rounds === 0 || this.typing()) return;
    this.collect();
    this.idleTimer = setTimeout(() => this.collectWhileIdle(rounds - 1), 0);
    this.idleTimer.unref();
  }

  private collect(): void {
    this.gc?.();
    this.liveAfterLastGc = this.heap().used_heap_size;
  }
}
