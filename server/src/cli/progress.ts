// The progress bar of `mldebt check`: on standard error, only when it is a terminal, only for a
// run that lasts (it appears after a second), redrawn at most ten times a second on one line,
// and erased before anything else is printed, so no report or message ever contains it.

/** Standard error as a terminal, where the bar is drawn (text written as is, no newline added). */
export interface Terminal {
  write(text: string): void;
  columns?: number;
  /** Milliseconds before the bar appears (the tests shorten it). */
  delayMs?: number;
}

const REDRAW_MS = 100;
const ERASE = '\r\u001b[K';

export const count = (n: number): string => n.toLocaleString('en-US');

export class Progress {
  private done = 0;
  private lines = 0;
  private shown = false;
  private lastDraw = -Infinity;
  private readonly timer: NodeJS.Timeout;
  private readonly start = performance.now();

  private readonly interrupted = () => {
    // Ctrl-C leaves the terminal as it found it, and stops as it would have without the bar.
    this.stop();
    process.kill(process.pid, 'SIGINT');
  };

  constructor(private readonly terminal: Terminal, private readonly total: number) {
    // Redraws while the main thread waits for workers; never keeps the process alive.
    this.timer = setInterval(() => this.draw(), REDRAW_MS);
    this.timer.unref();
    process.once('SIGINT', this.interrupted);
  }

  /** One more file checked, with its lines. */
  advance(lines: number): void {
    this.done++;
    this.lines += lines;
    this.draw();
  }

  /** Erases the bar (it comes back at the next redraw), so that a message can be printed. */
  clear(): void {
    if (!this.shown) return;
    this.terminal.write(ERASE);
    this.shown = false;
  }

  /** Erases the bar for good. */
  stop(): void {
    clearInterval(this.timer);
    process.removeListener('SIGINT', this.interrupted);
    this.clear();
  }

  private draw(): void {
    const now = performance.now();
    const elapsed = now - this.start;
    if (elapsed < (this.terminal.delayMs ?? 1000) || now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    // A terminal that does not say its width (0) is taken as 80 columns; the last one stays free.
    const width = Math.max(20, (this.terminal.columns || 80) - 1);
    const label = `${count(this.done)}/${count(this.total)} files, ${count(this.lines)} lines, ${(elapsed / 1000).toFixed(1)} s`;
    const barWidth = Math.min(40, width - label.length - 3);
    const filled = this.total ? Math.round((barWidth * this.done) / this.total) : barWidth;
    const line = barWidth >= 5 ? `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${label}` : label;
    this.terminal.write(`${ERASE}${line.slice(0, width)}`);
    this.shown = true;
  }
}
