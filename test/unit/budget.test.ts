// The time budget of one analysis: a rule that would run for minutes is stopped, the result names
// it, the rules before it keep their findings and the rules after it are listed as not run.
import { strict as assert } from 'node:assert';
import { analyzeDocument, describeBudgetStop } from '../../server/src/analyze';
import { defaultConfig } from '../../server/src/config/settings';
import { missingRandomState } from '../../server/src/detectors/mld802-missing-random-state';
import type { Rule } from '../../server/src/detectors/types';
import { buildDocument, scriptSource } from '../../server/src/documents/source';
import { parser, py } from '../support/engine';

const CODE = py`
  from sklearn.model_selection import train_test_split
  import pandas as pd
  df = pd.read_csv("a.csv")
  a, b = train_test_split(df)
`;

function fakeRule(code: string, check: Rule['check']): Rule {
  return { meta: { ...missingRandomState.meta, code, name: `fake-${code}` }, check };
}

/** A rule whose own loop never ends, but which asks the model as it goes, as rules do. */
const endlessOnIndex = fakeRule('MLD991', (context) => {
  for (;;) context.index.definitionsOf('df');
});
const endlessOnDataflow = fakeRule('MLD992', (context) => {
  for (;;) context.index.dataflow.readsOf('df');
});
const reportsThenLoops = fakeRule('MLD993', (context) => {
  context.report({ node: context.index.roots[0], message: 'partial' });
  for (;;) context.index.nodes('call');
});

/** A whole-document rule: these run one by one after the rules that subscribe (MLD802 among them). */
const laterCheck = fakeRule('MLD998', (context) => context.report({ node: context.index.roots[0], message: 'later' }));

describe('analysis time budget', function () {
  this.timeout(20000);

  // MLD802 runs beside the endless rules and must finish within its share: warm it once, so its
  // first-use set-up (tables built on first call, code not yet optimised) is not timed on a busy machine.
  before(async () => {
    analyzeDocument(buildDocument(scriptSource('file:///warm.py', CODE)), defaultConfig(), { parser: await parser(), rules: [missingRandomState] });
  });

  for (const slow of [endlessOnIndex, endlessOnDataflow, reportsThenLoops]) {
    it(`stops ${slow.meta.code}, names it and keeps what finished`, async () => {
      const doc = buildDocument(scriptSource('file:///t.py', CODE));
      const started = performance.now();
      const after = fakeRule('MLD999', (context) => context.report({ node: context.index.roots[0], message: 'after' }));
      const result = analyzeDocument(doc, defaultConfig(), { parser: await parser(), rules: [missingRandomState, slow, after], budgetMs: 300 });
      assert.ok(performance.now() - started < 3000, 'returns soon after the budget');
      assert.deepEqual(result.budgetStop, { budgetMs: 300, stoppedRules: [slow.meta.code], notRun: [] });
      assert.deepEqual(result.findings.map((f) => f.code).sort(), ['MLD802', 'MLD999'], 'the rules around it keep their findings; the stopped one has none');
      assert.match(result.errors[0].message, new RegExp(`${slow.meta.code} ran out of its share of the 300 ms time budget`));
    });
  }

  it('does not start rules once the budget is spent', async () => {
    const doc = buildDocument(scriptSource('file:///t.py', CODE));
    // The budget leaves room for the parse and the model on a loaded machine; the spender, which
    // never asks the model (where the budget is checked), runs past it.
    const spender = fakeRule('MLD994', () => {
      const until = performance.now() + 350;
      while (performance.now() < until);
    });
    const result = analyzeDocument(doc, defaultConfig(), { parser: await parser(), rules: [spender, laterCheck], budgetMs: 300 });
    assert.deepEqual(result.budgetStop, { budgetMs: 300, stoppedRules: [], notRun: ['MLD998'] });
    assert.match(describeBudgetStop(result.budgetStop!), /ran out before MLD998 started/);
  });

  it('stops each runaway rule at its share and lists the rules the spent budget left out', async () => {
    const doc = buildDocument(scriptSource('file:///t.py', CODE));
    const rules = [endlessOnIndex, endlessOnDataflow, reportsThenLoops, fakeRule('MLD995', (c) => { for (;;) c.index.nodes('call'); }), laterCheck];
    const started = performance.now();
    const result = analyzeDocument(doc, defaultConfig(), { parser: await parser(), rules, budgetMs: 400 });
    assert.ok(performance.now() - started < 3000);
    assert.deepEqual(result.budgetStop, { budgetMs: 400, stoppedRules: ['MLD991', 'MLD992', 'MLD993', 'MLD995'], notRun: ['MLD998'] });
    assert.match(describeBudgetStop(result.budgetStop!), /MLD991, MLD992, MLD993, MLD995 ran out of their share .*; 1 rule\(s\) did not run: MLD998/);
  });

  it('gives a normal analysis every finding and no stop', async () => {
    const doc = buildDocument(scriptSource('file:///t.py', CODE));
    const result = analyzeDocument(doc, defaultConfig(), { parser: await parser(), budgetMs: 10_000 });
    assert.equal(result.budgetStop, undefined);
    assert.ok(result.findings.some((f) => f.code === 'MLD802'));
  });
});
