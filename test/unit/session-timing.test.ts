// The session tells where an analysis' time went (the server logs it, bench:latency reads it):
// parse, index, rules, and the time it spent paused between its steps while other events ran.
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../server/src/config/settings';
import { scriptSource } from '../../server/src/documents/source';
import { Session } from '../../server/src/session';
import { generatedScript } from '../../bench/workload';
import { parser } from '../support/engine';

/** Busy-waits `ms`: a pause the analysis must not count as its own work. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* wait */ }
}

describe('session timing', () => {
  it('splits an analysis into parse, index, rules and the pauses between its steps', async () => {
    const session = new Session(await parser());
    const steps = session.analysisSteps(scriptSource('file:///t/a.py', generatedScript(200, 3)), defaultConfig());
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      spin(2);
      pauses++;
    }
    const { phases, durationMs } = step.value;
    assert.ok(phases, 'an analysis run by the session has phases');
    assert.ok(pauses > 10, 'the analysis pauses after the index and each rule');
    assert.ok(phases.pausedMs >= 2 * pauses, `paused ${phases.pausedMs} ms over ${pauses} pauses of 2 ms`);
    assert.ok(phases.parseMs > 0 && phases.indexMs > 0 && phases.rulesMs > 0);
    const sum = phases.parseMs + phases.indexMs + phases.rulesMs + phases.pausedMs;
    assert.ok(Math.abs(sum - durationMs) < 1, `phases add up to ${sum} ms, the analysis took ${durationMs} ms`);
  });

  it('counts no pause when the analysis runs to its end at once', async () => {
    const session = new Session(await parser());
    const analysis = session.analyze(scriptSource('file:///t/b.py', generatedScript(100, 4)), defaultConfig());
    assert.ok(analysis.phases && analysis.phases.pausedMs < 1);
  });
});
