// Preloaded (node --require) into a CLI run by the corpus bench: when the process exits, writes the
// CPU time of the whole process, its worker threads included, to the file $MLDEBT_BENCH_CPU_FILE.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.MLDEBT_BENCH_CPU_FILE;
if (target && isMainThread) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(target, JSON.stringify({ cpuMs: (user + system) / 1000 }));
  });
}
