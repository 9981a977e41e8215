import { strict as assert } from 'node:assert';
import { AnalysisQueue } from '../../server/src/features/analysisQueue';

/** A piece of work that finishes when the test says so, recording when it starts. */
function gate(log: string[], name: string): { work: () => Promise<string>; finish: () => void } {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: async () => { log.push(`start ${name}`); await done; log.push(`end ${name}`); return name; }, finish };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('analysis queue (language server)', () => {
  it('runs one analysis at a time, a shown document first among those waiting, the rest in order', async () => {
    const shown = new Set<string>();
    const queue = new AnalysisQueue((uri) => shown.has(uri));
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => gate(log, name));
    const results = [queue.run('a', a.work), queue.run('b', b.work), queue.run('c', c.work), queue.run('d', d.work)];
    await turn();
    assert.deepEqual(log, ['start a']);
    assert.equal(queue.pending, 3);
    // The user brings `c` into view while `a` runs: `c` takes the next turn, ahead of `b`.
    shown.add('c');
    a.finish();
    await turn();
    assert.deepEqual(log, ['start a', 'end a', 'start c']);
    c.finish();
    await turn();
    b.finish();
    await turn();
    d.finish();
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c', 'd']);
    assert.deepEqual(log, ['start a', 'end a', 'start c', 'end c', 'start b', 'end b', 'start d', 'end d']);
  });

  it('goes on after an analysis that fails, which fails its own caller only', async () => {
    const queue = new AnalysisQueue(() => false);
    const failed = queue.run('x', async () => { throw new Error('rule crashed'); });
    const next = queue.run('y', async () => 'y analysed');
    await assert.rejects(failed, /rule crashed/);
    assert.equal(await next, 'y analysed');
    assert.equal(queue.pending, 0);
  });
});
