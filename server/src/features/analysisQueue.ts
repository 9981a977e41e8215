// The order in which the language server analyses documents. One analysis runs at a time (an
// analysis pauses between slices; another one in those pauses would hold its own index and trees
// at the same time and share the processor with it). Among the analyses waiting, those of a
// document shown in an editor go first, then the others in the order they arrived: after a
// settings change or a burst of opened files, what the user looks at is served before the rest.

interface Waiting {
  uri: string;
  start: () => void;
}

export class AnalysisQueue {
  private readonly waiting: Waiting[] = [];
  private busy = false;

  /** `shown` tells whether a document is in an editor the user sees now; it is asked when a turn comes. */
  constructor(private readonly shown: (uri: string) => boolean) {}

  /** Runs `work` for the document `uri` when its turn comes, and settles as it does. */
  run<T>(uri: string, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        Promise.resolve().then(work).then(resolve, reject).finally(() => {
          this.busy = false;
          this.next();
        });
      };
      this.waiting.push({ uri, start });
      this.next();
    });
  }

  /** The number of analyses waiting for their turn (the one running not counted). */
  get pending(): number {
    return this.waiting.length;
  }

  private next(): void {
    if (this.busy || this.waiting.length === 0) return;
    const shownAt = this.waiting.findIndex((item) => this.shown(item.uri));
    const [item] = this.waiting.splice(shownAt < 0 ? 0 : shownAt, 1);
    this.busy = true;
    item.start();
  }
}
