// Rules that subscribe: one traversal in document order calls every listener, and the analysis
// keeps its guarantees around it (error isolation, the time budget, rules that are off, pauses).
import { strict as assert } from 'node:assert';
import { analysisSteps, analyzeDocument, type AnalysisResult } from '../../server/src/analyze';
import { allRulesConfig, parser, py, sourceOf } from '../support/engine';
import { EVENTS_PER_STEP } from '../../server/src/detectors/dispatch';
import type { Rule, RuleContext, RuleListeners } from '../../server/src/detectors/types';
import type { AnalysisConfig } from '../../server/src/config/settings';
import { buildDocument } from '../../server/src/documents/source';
import { parseOnce } from '../../server/src/parsing/incremental';
import { missingRandomState } from '../../server/src/detectors/mld802-missing-random-state';

function fakeMeta(code: string): Rule['meta'] {
  return { ...missingRandomState.meta, code, name: `fake-${code}`, recommended: true };
}

function listening(code: string, listen: (context: RuleContext) => RuleListeners | undefined): Rule {
  return { meta: fakeMeta(code), listen };
}

async function run(code: string | Parameters<typeof sourceOf>[0], rules: Rule[], options: { budgetMs?: number; config?: AnalysisConfig } = {}): Promise<AnalysisResult> {
  const doc = buildDocument(sourceOf(code));
  return analyzeDocument(doc, options.config ?? allRulesConfig(), { parser: await parser(), rules, ...(options.budgetMs ? { budgetMs: options.budgetMs } : { budgetMs: 60_000 }) });
}

const SCRIPT = py`
  import pandas as pd
  df = pd.read_csv("a.csv")
  df["b"] = df.a == 1
  df.to_csv("b.csv")
`;

/** Spins for `ms` without asking the model (where the budget is also checked). */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('rule dispatch', () => {
  it('delivers node kinds and model events in document order, the node before what the model says of it', async () => {
    const log: string[] = [];
    const rule = listening('MLD990', () => ({
      assignment: (node) => log.push(`assignment ${node.text}`),
      comparison_operator: (node) => log.push(`comparison ${node.text}`),
      identifier: (node) => log.push(`identifier ${node.text}`),
      call: (site) => log.push(`call ${site.qname ?? site.callee.text}`),
      load: (io) => log.push(`load ${io.label}`),
      save: (io) => log.push(`save ${io.label}`),
      write: (mutation) => log.push(`write ${mutation.keys.join()}`),
      read: (read) => log.push(`read ${read.name}`),
      finish: () => log.push('finish'),
    }));
    const result = await run(SCRIPT, [rule]);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(log, [
      'identifier pandas', 'identifier pd',
      'assignment df = pd.read_csv("a.csv")',
      'identifier df',
      'call pandas.read_csv',
      'load pd.read_csv',
      'identifier pd', 'read pd',
      'identifier read_csv',
      'assignment df["b"] = df.a == 1',
      'write b',
      'identifier df', 'read df',
      'comparison df.a == 1',
      'identifier df', 'read df',
      'identifier a',
      'call df.to_csv',
      'save .to_csv()',
      'identifier df', 'read df',
      'identifier to_csv',
      'finish',
    ]);
  });

  it('walks once for every rule: two rules that want each call get it one after the other, call by call', async () => {
    const log: string[] = [];
    const rules = ['MLD990', 'MLD991'].map((code) => listening(code, () => ({ call: (site) => log.push(`${code} ${site.callee.text}`) })));
    await run(SCRIPT, rules);
    assert.deepEqual(log, ['MLD990 pd.read_csv', 'MLD991 pd.read_csv', 'MLD990 df.to_csv', 'MLD991 df.to_csv']);
  });

  it('offers a rule that names its callees only those calls, each once', async () => {
    const seen: string[] = [];
    const rule = listening('MLD990', () => ({
      callees: { qualified: ['numpy.array'], modules: ['torch.nn'], methods: ['fit', 'array'] },
      call: (site) => seen.push(site.callee.text),
    }));
    await run(py`
      import numpy as np
      import torch
      a = np.array([1])
      b = np.asarray([1])
      layer = torch.nn.Linear(2, 2)
      t = torch.tensor([1])
      model.fit(a)
      model.predict(a)
    `, [rule]);
    assert.deepEqual(seen, ['np.array', 'torch.nn.Linear', 'model.fit']);
  });

  it('disables a rule whose listener throws, reports its error, and keeps the others and its earlier findings', async () => {
    let after = 0;
    const thrower = listening('MLD990', (context) => {
      let calls = 0;
      return {
        call(site) {
          if (++calls === 2) throw new Error('listener broke');
          context.report({ node: site.node, message: 'first call' });
        },
        finish: () => assert.fail('a failed rule does not finish'),
      };
    });
    const other = listening('MLD991', (context) => ({ call: (site) => context.report({ node: site.node, message: 'every call' }), finish: () => after++ }));
    const result = await run(SCRIPT, [thrower, other]);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0].code, 'MLD990');
    assert.match(result.errors[0].message, /listener broke/);
    assert.deepEqual(result.findings.map((f) => `${f.code} ${f.message}`), ['MLD990 first call', 'MLD991 every call', 'MLD991 every call']);
    assert.equal(after, 1);
  });

  it('reports a rule whose listen throws or names an event that does not exist, and runs the rest', async () => {
    const broken = listening('MLD990', () => {
      throw new Error('listen broke');
    });
    const typo = listening('MLD991', () => ({ calls: () => undefined }) as unknown as RuleListeners);
    const fine = listening('MLD992', (context) => ({ comparison_operator: (node) => context.report({ node, message: 'comparison' }) }));
    const result = await run(SCRIPT, [broken, typo, fine]);
    assert.deepEqual(result.errors.map((e) => e.code), ['MLD990', 'MLD991']);
    assert.match(result.errors[1].message, /listens to 'calls', which is neither a model event/);
    assert.deepEqual(result.findings.map((f) => f.code), ['MLD992']);
  });

  it('does not call rules that are off, nor notebook rules on a script, and calls finish once after the last event', async () => {
    const called: string[] = [];
    const off = listening('MLD990', () => {
      called.push('off');
      return {};
    });
    const notebookOnly: Rule = { meta: { ...fakeMeta('MLD991'), notebookOnly: true }, listen: () => (called.push('notebook'), {}) };
    let events = 0;
    const counting = listening('MLD992', () => ({ call: () => void events++, finish: () => called.push(`finish after ${events}`) }));
    const config = { ...allRulesConfig(), severity: { MLD990: 'off' as const } };
    await run(SCRIPT, [off, notebookOnly, counting], { config });
    assert.deepEqual(called, ['finish after 2']);
    called.length = 0;
    events = 0;
    await run(['import os', 'os.getcwd()'], [off, notebookOnly, counting], { config });
    assert.deepEqual(called, ['notebook', 'finish after 1']);
  });

  it('gives a rule that returns no listeners nothing, not even finish', async () => {
    const result = await run(SCRIPT, [listening('MLD990', () => undefined)]);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.findings, []);
  });

  it('pauses every few events during the traversal', async () => {
    const calls = 10 * EVENTS_PER_STEP;
    const code = Array.from({ length: calls }, (_, i) => `f(${i})`).join('\n') + '\n';
    const { parsed, dispose } = parseOnce(await parser(), buildDocument(sourceOf(code)));
    try {
      let delivered = 0;
      const steps = analysisSteps(parsed, allRulesConfig(), { parser: await parser(), rules: [listening('MLD990', () => ({ call: () => void delivered++ }))] });
      let pauses = 0;
      let most = 0;
      for (let step = steps.next(), last = 0; !step.done; step = steps.next(), pauses++) {
        most = Math.max(most, delivered - last);
        last = delivered;
      }
      assert.equal(delivered, calls);
      assert.ok(pauses >= 10, `paused ${pauses} times`);
      assert.ok(most <= EVENTS_PER_STEP, `${most} events between two pauses`);
    } finally {
      dispose();
    }
  });

  describe('time budget', function () {
    this.timeout(20000);
    const MANY_CALLS = Array.from({ length: 40 }, (_, i) => `f(${i})`).join('\n') + '\n';

    it('stops a listener that spends its share, drops its findings, and lets the others finish', async () => {
      const slow = listening('MLD990', (context) => ({ call: (site) => (spin(40), context.report({ node: site.node, message: 'slow' })) }));
      const quick = listening('MLD991', (context) => ({ call: (site) => context.report({ node: site.node, message: 'quick' }) }));
      const later: Rule = { meta: fakeMeta('MLD992'), check: (context) => context.report({ node: context.index.roots[0], message: 'check' }) };
      const result = await run(MANY_CALLS, [slow, quick, later], { budgetMs: 1000 });
      assert.deepEqual(result.budgetStop, { budgetMs: 1000, stoppedRules: ['MLD990'], notRun: [] });
      assert.equal(result.findings.filter((f) => f.code === 'MLD991').length, 40);
      assert.equal(result.findings.filter((f) => f.code === 'MLD990').length, 0);
      assert.equal(result.findings.filter((f) => f.code === 'MLD992').length, 1);
    });

    it('stops a listener whose model questions run past its share', async () => {
      const endless = listening('MLD990', (context) => ({
        call: () => {
          for (;;) context.index.definitionsOf('x');
        },
      }));
      const quick = listening('MLD991', (context) => ({ call: (site) => context.report({ node: site.node, message: 'quick' }) }));
      const result = await run(MANY_CALLS, [endless, quick], { budgetMs: 400 });
      assert.deepEqual(result.budgetStop, { budgetMs: 400, stoppedRules: ['MLD990'], notRun: [] });
      assert.equal(result.findings.length, 40);
    });

    it('once the whole budget is spent, stops the rules still listening and does not start the rest', async () => {
      // The first rule's listen spends the whole budget: it has started, so it is stopped (its
      // findings would be partial); the second never starts, nor does the whole-document rule.
      const spender = listening('MLD990', (context) => {
        spin(350);
        return { call: (site) => context.report({ node: site.node, message: 'spender' }) };
      });
      const next = listening('MLD991', () => assert.fail('not started'));
      const later: Rule = { meta: fakeMeta('MLD992'), check: () => assert.fail('not started') };
      const result = await run(MANY_CALLS, [spender, next, later], { budgetMs: 300 });
      assert.deepEqual(result.budgetStop, { budgetMs: 300, stoppedRules: ['MLD990'], notRun: ['MLD991', 'MLD992'] });
      assert.deepEqual(result.findings, []);
    });
  });

  it('runs the same rule the same on a notebook, cells in order', async () => {
    const log: string[] = [];
    const rule = listening('MLD990', () => ({ call: (site) => log.push(site.callee.text) }));
    await run(['a()', 'b()\nc()'], [rule]);
    assert.deepEqual(log, ['a', 'b', 'c']);
  });
});
