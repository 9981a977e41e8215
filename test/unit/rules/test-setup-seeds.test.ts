// MLD801 and MLD802 in pytest test modules: what the conftest.py files pytest loads first seed
// (at import, in an autouse fixture or hook, or in a fixture a test asks for) counts as seeded.
import { strict as assert } from 'node:assert';
import { allRulesConfig, parser, py, run } from '../../support/engine';
import type { ConftestSource } from '../../../server/src/config/settings';
import { analyzeDocument } from '../../../server/src/analyze';
import { buildDocument, scriptSource } from '../../../server/src/documents/source';

const TEST_MODULE = py`
  from sklearn.ensemble import RandomForestRegressor
  from mylib.data import make_panel

  def test_forest_recovers_effect(panel):
      X, y = make_panel(panel)
      model = RandomForestRegressor(n_estimators=50).fit(X, y)
      assert model.score(X, y) > 0.5
`;

const DRAWING_TEST_MODULE = py`
  import numpy as np
  from sklearn.linear_model import Ridge

  def test_ridge_fits_noise(panel):
      X = np.random.rand(200, 3)
      y = X @ np.array([1.0, 2.0, 3.0]) + np.random.normal(size=200)
      assert Ridge().fit(X, y).score(X, y) > 0.9

  test_ridge_fits_noise(None)
`;

const codes = async (code: string, conftests?: ConftestSource[]) =>
  (await run(code, undefined, { ...allRulesConfig(), ...(conftests ? { conftests } : {}) })).result.findings.map((f) => f.code).filter((code) => code === 'MLD801' || code === 'MLD802');

const conftest = (text: string, path = '/project/tests/conftest.py'): ConftestSource => ({ path, text });

describe('pytest set-up seeds from conftest.py', () => {
  it('a conftest that seeds NumPy at import seeds the estimators of every test', async () => {
    assert.deepEqual(await codes(TEST_MODULE), ['MLD802'], 'without a conftest the forest draws afresh');
    assert.deepEqual(await codes(TEST_MODULE, [conftest(py`
      import numpy as np
      import pytest

      SEED = 1234
      np.random.seed(SEED)

      @pytest.fixture
      def panel():
          return {"n": 100}
    `)]), []);
  });

  it('an autouse fixture or a set-up hook that seeds runs before each test', async () => {
    assert.deepEqual(await codes(DRAWING_TEST_MODULE), ['MLD801'], 'without a conftest the draws are unseeded');
    for (const text of [
      py`
        import pytest
        import numpy as np

        @pytest.fixture(autouse=True)
        def fixed_seed():
            np.random.seed(0)
            yield
      `,
      py`
        import random
        import numpy

        def pytest_runtest_setup(item):
            random.seed(7)
            numpy.random.seed(7)
      `,
    ]) {
      assert.deepEqual(await codes(TEST_MODULE, [conftest(text)]), [], text);
      assert.deepEqual(await codes(DRAWING_TEST_MODULE, [conftest(text)]), [], text);
    }
  });

  it('a fixture that seeds seeds only the tests that ask for it', async () => {
    const seedingFixture = conftest(py`
      import numpy as np
      import pytest

      @pytest.fixture
      def panel():
          np.random.seed(42)
          return {"n": 100}
    `);
    assert.deepEqual(await codes(TEST_MODULE, [seedingFixture]), [], 'the test takes `panel`');
    assert.deepEqual(await codes(TEST_MODULE.replace('(panel)', '(tmp_path)').replace('make_panel(panel)', 'make_panel(tmp_path)'), [seedingFixture]), ['MLD802'], 'a test that does not take it is not seeded by it');
  });

  it('near misses: a conftest that seeds nothing, another library, or only inside a helper no test uses', async () => {
    for (const text of [
      py`
        import pytest

        @pytest.fixture
        def panel():
            return {"n": 100}
      `,
      py`
        import torch
        torch.manual_seed(0)
      `,
      py`
        import numpy as np
        import pytest

        def reseed(seed=None):
            np.random.seed(seed)

        @pytest.fixture(autouse=False)
        def other():
            np.random.seed(1)
      `,
    ]) {
      assert.deepEqual(await codes(TEST_MODULE, [conftest(text)]), ['MLD802'], text);
    }
  });

  it('reads every conftest of the chain: the root one seeds, the folder one adds fixtures', async () => {
    assert.deepEqual(await codes(TEST_MODULE, [
      conftest('import numpy as np\nnp.random.seed(3)\n', '/project/conftest.py'),
      conftest('import pytest\n\n@pytest.fixture\ndef panel():\n    return {}\n'),
    ]), []);
  });
});

describe('pytest fixtures of the test module itself', () => {
  /** The lines of MLD801 and MLD802 findings in a module at `uri`, with `conftests` loaded first. */
  const lines = async (code: string, uri = 'file:///project/tests/test_selector.py', conftests?: ConftestSource[]) => {
    const doc = buildDocument(scriptSource(uri, code));
    const config = { ...allRulesConfig(), ...(conftests ? { conftests } : {}) };
    return analyzeDocument(doc, config, { parser: await parser() }).findings
      .filter((f) => f.code === 'MLD801' || f.code === 'MLD802').map((f) => `${f.code}:${f.range.start.line + 1}`);
  };
  const MODULE = py`
    import numpy as np
    import pytest
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.feature_selection import SelectFromModel

    @pytest.fixture(scope="module")
    def Xy():
        np.random.seed(42)
        y = np.random.binomial(1, 0.5, 300)
        X = np.column_stack([y + np.random.normal(0, 1, 300), np.random.normal(0, 1, 300)])
        return X, y

    @pytest.fixture
    def frame():
        return np.zeros((10, 2))

    def test_keeps_the_relevant_feature(Xy):
        X, y = Xy
        selector = SelectFromModel(RandomForestClassifier(n_estimators=20)).fit(X, y)
        assert selector.get_support()[0]

    def test_noise_is_dropped(Xy):
        X, y = Xy
        noise = np.random.normal(size=len(y))
        forest = RandomForestClassifier(n_estimators=20).fit(np.column_stack([X, noise]), y)
        assert forest.feature_importances_[2] < 0.5

    def test_on_zeros(frame):
        forest = RandomForestClassifier(n_estimators=5).fit(frame, [0, 1] * 5)
        assert forest.predict(frame)[0] == 0
  `;

  it('a fixture of the module that seeds seeds the tests that ask for it by name, as a conftest\'s does', async () => {
    assert.deepEqual(await lines(MODULE), ['MLD802:29'], 'the test that takes only the unseeded fixture still draws afresh');
    assert.deepEqual(await lines(MODULE, 'file:///project/tests/selector_checks.py'), ['MLD802:19'], 'a module pytest does not collect has no fixtures to ask for');
  });

  it('a fixture of the module that seeds nothing hides a conftest\'s seeding fixture of that name', async () => {
    const seedingFrame = [{ path: '/project/tests/conftest.py', text: py`
      import numpy as np
      import pytest

      @pytest.fixture
      def frame():
          np.random.seed(0)
          return np.ones((10, 2))
    ` }];
    const withoutOwn = MODULE.replace(/@pytest.fixture\ndef frame\(\):\n    return np.zeros\(\(10, 2\)\)\n/, '');
    assert.deepEqual(await lines(withoutOwn, undefined, seedingFrame), [], 'the conftest\'s frame seeds the last test');
    assert.deepEqual(await lines(MODULE, undefined, seedingFrame), ['MLD802:29'], 'the module\'s own frame, which pytest hands the test instead, seeds nothing');
  });
});
