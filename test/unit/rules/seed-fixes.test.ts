// Seed fixes applied one after the other share one seed constant, so fixing one rule's finding
// never creates another's ("the seed 42 is written again").
import { strict as assert } from 'node:assert';
import { duplicatedConfigValue } from '../../../server/src/detectors/mld603-duplicated-config-value';
import { unseededRandomness } from '../../../server/src/detectors/mld801-unseeded-randomness';
import { missingRandomState } from '../../../server/src/detectors/mld802-missing-random-state';
import { applyToSource } from '../../../server/src/documents/source';
import { fixAll } from '../../../server/src/fixAll';
import type { CellSpec } from '../../support/engine';
import { allRulesConfig, parser, py, run, sourceOf } from '../../support/engine';

const SEED_RULES = [missingRandomState, unseededRandomness, duplicatedConfigValue];

type Code = string | (string | CellSpec)[];

/** Applies the fix of the first finding of `code` (the rule) whose message matches, and returns the text after. */
async function applyFix(code: Code, rule: string, message: RegExp): Promise<Code> {
  const { doc, source, result } = await run(code, SEED_RULES);
  const finding = result.findings.find((f) => f.code === rule && message.test(f.message));
  assert.ok(finding?.fix, `no ${rule} fix for ${message}`);
  const fixed = applyToSource(source, doc, finding.fix.edits)!;
  return typeof code === 'string' ? fixed.cells[0].text : fixed.cells.map((c) => c.text);
}

describe('seed fixes share one seed constant', () => {
  it('MLD802 on train_test_split, then on RandomForestClassifier: no MLD603', async () => {
    let code: Code = py`
      from sklearn.model_selection import train_test_split
      from sklearn.ensemble import RandomForestClassifier
      X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2)
      model = RandomForestClassifier(n_estimators=200).fit(X_tr, y_tr)
    `;
    code = await applyFix(code, 'MLD802', /train_test_split/);
    code = await applyFix(code, 'MLD802', /RandomForestClassifier/);
    assert.equal(code, py`
      from sklearn.model_selection import train_test_split
      from sklearn.ensemble import RandomForestClassifier
      SEED = 42
      X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=SEED)
      model = RandomForestClassifier(n_estimators=200, random_state=SEED).fit(X_tr, y_tr)
    `);
    const { result } = await run(code, SEED_RULES);
    assert.deepEqual(result.findings.map((f) => f.code), []);
  });

  it('in a notebook, the constant goes into the first cell that runs code: not one of comments alone, nor one that only installs', async () => {
    let code: Code = [
      '# %pip install setfit\n',
      '!pip install -q scikit-learn==1.5.1\n',
      'import numpy as np\nfrom sklearn.model_selection import train_test_split\n',
      'X_tr, X_te = train_test_split(X)\nmodel.fit(X_tr, y)\n',
    ];
    code = await applyFix(code, 'MLD802', /train_test_split/);
    assert.deepEqual(code, [
      '# %pip install setfit\n',
      '!pip install -q scikit-learn==1.5.1\n',
      'import numpy as np\nfrom sklearn.model_selection import train_test_split\nSEED = 42\n',
      'X_tr, X_te = train_test_split(X, random_state=SEED)\nmodel.fit(X_tr, y)\n',
    ]);
  });

  it('in a notebook, MLD802 then MLD801: one constant in the first code cell, no MLD603', async () => {
    let code: Code = [
      'import numpy as np\nfrom sklearn.model_selection import train_test_split\n',
      'noise = np.random.normal(size=len(X))\nX_tr, X_te = train_test_split(X + noise[:, None])\n',
      'model.fit(X_tr, y)\n',
    ];
    code = await applyFix(code, 'MLD802', /train_test_split/);
    code = await applyFix(code, 'MLD801', /np\.random\.normal/);
    assert.deepEqual(code, [
      'import numpy as np\nfrom sklearn.model_selection import train_test_split\nSEED = 42\nnp.random.seed(SEED)\n',
      'noise = np.random.normal(size=len(X))\nX_tr, X_te = train_test_split(X + noise[:, None], random_state=SEED)\n',
      'model.fit(X_tr, y)\n',
    ]);
    const { result } = await run(code, SEED_RULES);
    assert.deepEqual(result.findings.map((f) => f.code), []);
  });

  it('MLD802 grouped over three calls: Fix All seeds every call with one constant, and a second Fix All changes nothing', async () => {
    const code = py`
      from sklearn.model_selection import train_test_split
      X_a, X_b = train_test_split(X, test_size=0.2)
      for fold in folds:
          X_c, X_d = train_test_split(fold, test_size=0.2)
      X_e, X_f = train_test_split(
          X,
          test_size=0.5,
      )
      model.fit(X_a, y)
    `;
    const config = allRulesConfig();
    const first = fixAll(await parser(), sourceOf(code), config, { includeUnsafe: true, remaining: true });
    assert.equal(first.source.cells[0].text, py`
      from sklearn.model_selection import train_test_split
      SEED = 42
      X_a, X_b = train_test_split(X, test_size=0.2, random_state=SEED)
      for fold in folds:
          X_c, X_d = train_test_split(fold, test_size=0.2, random_state=SEED)
      X_e, X_f = train_test_split(
          X,
          test_size=0.5,
          random_state=SEED,
      )
      model.fit(X_a, y)
    `);
    assert.deepEqual(first.applied.map((f) => f.code), ['MLD802']);
    assert.deepEqual(first.remaining!.findings.filter((f) => SEED_RULES.some((rule) => rule.meta.code === f.code)).map((f) => f.code), []);
    const second = fixAll(await parser(), first.source, config, { includeUnsafe: true });
    assert.equal(second.source.cells[0].text, first.source.cells[0].text);
    assert.deepEqual(second.applied, []);
  });

  it('Fix All with MLD801 and MLD802: one seed constant, though both fixes would define it after the imports in one pass', async () => {
    const code = py`
      import numpy as np
      from sklearn.model_selection import train_test_split
      noise = np.random.normal(size=len(X))
      X_a, X_b = train_test_split(X + noise[:, None], test_size=0.2)
      model.fit(X_a, y)
    `;
    const { source } = fixAll(await parser(), sourceOf(code), allRulesConfig(), { includeUnsafe: true });
    assert.equal(source.cells[0].text.match(/^SEED = 42$/gm)?.length, 1, source.cells[0].text);
  });
});
