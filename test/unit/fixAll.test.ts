// Fix All's passes: which fixes of one rule may be applied together.
import { strict as assert } from 'node:assert';
import { fixAll } from '../../server/src/fixAll';
import { allRulesConfig, parser, py, sourceOf } from '../support/engine';

describe('Fix All passes', () => {
  it('applies every in-place rewrite of one rule in one pass: sixty `.values` become `.to_numpy()` in one run', async () => {
    const reads = Array.from({ length: 60 }, (_, i) => `col_${i} = frame["c${i}"].values`).join('\n');
    const code = `import pandas as pd\nframe = pd.read_csv("rows.csv")\n${reads}\n`;
    const config = allRulesConfig();
    const once = fixAll(await parser(), sourceOf(code), config, { maxPasses: 1, includeUnsafe: true });
    assert.equal(once.applied.filter((f) => f.code === 'MLD904').length, 60);
    assert.equal(once.source.cells[0].text, code.replace(/\.values$/gm, '.to_numpy()'));
    const full = fixAll(await parser(), sourceOf(code), config, { includeUnsafe: true, remaining: true });
    assert.deepEqual(full.remaining!.findings.filter((f) => f.code === 'MLD904'), []);
    const again = fixAll(await parser(), full.source, config, { includeUnsafe: true });
    assert.deepEqual(again.applied, []);
  });

  it('still takes one fix per rule and pass where the fixes define a name outside their finding: two would both define LOGISTIC_REGRESSION_PARAMS', async () => {
    const code = py`
      from sklearn.linear_model import LogisticRegression
      a = LogisticRegression(C=0.37, max_iter=1234)
      b = LogisticRegression(C=0.5, max_iter=99)
      a.fit(X, y)
      b.fit(X, y)
    `;
    const config = { ...allRulesConfig(), select: ['MLD601'] };
    const one = fixAll(await parser(), sourceOf(code), config, { maxPasses: 1, remaining: true });
    assert.equal(one.applied.length, 1);
    assert.equal(one.remaining!.findings.filter((f) => f.code === 'MLD601' && f.fix).length, 1);
    const all = fixAll(await parser(), sourceOf(code), config, { remaining: true });
    assert.equal(all.applied.length, 2);
    const defined = [...all.source.cells[0].text.matchAll(/^(\w+) = /gm)].map((m) => m[1]).filter((name) => name === name.toUpperCase());
    assert.equal(new Set(defined).size, defined.length, all.source.cells[0].text);
  });

  it('applies two rules\' fixes that define the same constant in different places in separate passes: SEED is defined once', async () => {
    const cells = [
      'import numpy as np\nfrom sklearn.model_selection import train_test_split, KFold\nfrom sklearn.ensemble import RandomForestClassifier\n',
      'X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=42, test_size=0.3)\n',
      'rfc = RandomForestClassifier(random_state=42)\nrfc.fit(X_train, y_train)\n',
      'X_a, X_b, y_a, y_b = train_test_split(X, y, random_state=42, test_size=0.3)\n',
      'for tr, te in KFold(n_splits=5, shuffle=True).split(X):\n    rfc.fit(X[tr], y[tr])\n',
    ];
    const fixed = fixAll(await parser(), sourceOf(cells), allRulesConfig(), { includeUnsafe: true });
    assert.deepEqual(fixed.applied.map((f) => f.code).filter((code) => code === 'MLD603' || code === 'MLD802').sort(), ['MLD603', 'MLD802']);
    const text = fixed.source.cells.map((cell) => cell.text).join('');
    assert.equal(text.match(/^SEED = 42$/gm)?.length, 1, text);
    assert.match(text, /KFold\(n_splits=5, shuffle=True, random_state=SEED\)/);
  });
});
