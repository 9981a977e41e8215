import { missingRandomState } from '../../../server/src/detectors/mld802-missing-random-state';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(missingRandomState, {
  valid: [
    {
      name: 'random_state passed by keyword, from a constant',
      code: py`
        from sklearn.model_selection import train_test_split
        SEED = 0
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=SEED)
      `,
    },
    {
      name: 'KFold without shuffle is deterministic',
      code: py`
        from sklearn.model_selection import KFold, StratifiedKFold
        cv = KFold(n_splits=5)
        skf = StratifiedKFold(n_splits=5, shuffle=False)
      `,
    },
    {
      name: 'train_test_split with shuffle=False',
      code: py`
        from sklearn.model_selection import train_test_split
        train, test = train_test_split(df, test_size=0.1, shuffle=False)
      `,
    },
    {
      name: 'parameters passed through **params may hold the seed',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        params = {"n_estimators": 100, "random_state": 1}
        model = RandomForestClassifier(**params)
      `,
    },
    {
      name: 'deterministic estimators',
      code: py`
        from sklearn.linear_model import LinearRegression, LogisticRegression
        from sklearn.svm import SVC
        models = [LinearRegression(), LogisticRegression(max_iter=1000), SVC()]
      `,
    },
    {
      name: 'a local function named like sklearn\'s is not sklearn',
      code: py`
        def train_test_split(df, frac):
            return df[: int(len(df) * frac)], df[int(len(df) * frac):]
        train, test = train_test_split(df, 0.8)
      `,
    },
    {
      name: 'a base estimator seeded by its ensemble',
      code: py`
        from sklearn.ensemble import BaggingClassifier, AdaBoostClassifier
        from sklearn.tree import DecisionTreeClassifier
        bag = BaggingClassifier(DecisionTreeClassifier(), n_estimators=500, random_state=42)
        ada = AdaBoostClassifier(estimator=DecisionTreeClassifier(max_depth=1), random_state=0)
      `,
    },
    {
      name: 'a notebook cell that only shows an estimator',
      code: ['from sklearn.cluster import KMeans\n', 'KMeans()\n'],
    },
    {
      name: 'seed keyword spelled seed= (xgboost) or random_seed= (catboost)',
      code: py`
        import xgboost as xgb
        from catboost import CatBoostClassifier
        m1 = xgb.XGBClassifier(seed=3)
        m2 = CatBoostClassifier(random_seed=3, verbose=0)
      `,
    },
    {
      name: 'an estimator built only to receive saved weights',
      code: py`
        import xgboost
        from catboost import CatBoostRegressor
        restored = xgboost.XGBClassifier()
        restored.load_model(checkpoint_path)
        scorer = CatBoostRegressor()
        scorer.load_model("model.cbm")
        print(scorer.predict(X_new))
      `,
    },
    {
      name: 'NearMiss selects samples by distance, with no randomness to seed',
      code: py`
        from imblearn.under_sampling import NearMiss
        from imblearn.pipeline import make_pipeline
        undersamplers = [NearMiss(version=v) for v in (1, 2, 3)]
        pipe = make_pipeline(NearMiss(version=2), clf)
      `,
    },
  ],
  invalid: [
    {
      name: 'train_test_split through an alias, fix reuses the seed constant',
      code: py`
        from sklearn.model_selection import train_test_split as tts
        SEED = 13
        X_tr, X_te, y_tr, y_te = tts(X, y, test_size=0.2)
      `,
      findings: [{ line: 3, column: 26, message: /train_test_split.*random_state/ }],
      safety: 'unsafe',
      output: py`
        from sklearn.model_selection import train_test_split as tts
        SEED = 13
        X_tr, X_te, y_tr, y_te = tts(X, y, test_size=0.2, random_state=SEED)
      `,
    },
    {
      name: 'estimator through a module alias, no seed constant: 42',
      code: py`
        import sklearn.ensemble as ens
        clf = ens.RandomForestClassifier(n_estimators=50)
      `,
      findings: [{ line: 2, message: /RandomForestClassifier/ }],
      output: py`
        import sklearn.ensemble as ens
        clf = ens.RandomForestClassifier(n_estimators=50, random_state=42)
      `,
    },
    {
      name: 'shuffling KFold, multi-line call with trailing comma keeps its layout',
      code: py`
        from sklearn.model_selection import KFold
        cv = KFold(
            n_splits=5,
            shuffle=True,
        )
      `,
      findings: [{ line: 2 }],
      output: py`
        from sklearn.model_selection import KFold
        cv = KFold(
            n_splits=5,
            shuffle=True,
            random_state=42,
        )
      `,
    },
    {
      name: 'random_state=None is replaced',
      code: py`
        from sklearn.cluster import KMeans
        km = KMeans(n_clusters=3, random_state=None)
      `,
      findings: [{ line: 2, message: /random_state=None/ }],
      output: py`
        from sklearn.cluster import KMeans
        km = KMeans(n_clusters=3, random_state=42)
      `,
    },
    {
      name: 'empty argument list and a fully qualified call',
      code: py`
        import sklearn
        m = sklearn.neural_network.MLPClassifier()
      `,
      findings: [{ line: 2 }],
      output: py`
        import sklearn
        m = sklearn.neural_network.MLPClassifier(random_state=42)
      `,
    },
    {
      name: 'boosting libraries: the implicit default seed',
      code: py`
        import lightgbm as lgb
        model = lgb.LGBMClassifier(num_leaves=31)
      `,
      findings: [{ line: 2, message: /implicit default seed/ }],
    },
    {
      name: 'a model trained, saved and loaded back: its training still needs the seed',
      code: ['from catboost import CatBoostClassifier\nmodel = CatBoostClassifier(iterations=10)\nmodel.fit(train_pool)\nmodel.save_model("m.cbm")\n', 'model.load_model("m.cbm")\n'],
      findings: [{ cell: 0, line: 2, message: /CatBoostClassifier/ }],
      output: ['from catboost import CatBoostClassifier\nmodel = CatBoostClassifier(iterations=10, random_state=42)\nmodel.fit(train_pool)\nmodel.save_model("m.cbm")\n', 'model.load_model("m.cbm")\n'],
    },
    {
      name: 'imbalanced-learn samplers draw a fresh seed, like scikit-learn',
      code: py`
        from imblearn.under_sampling import RandomUnderSampler
        X_res, y_res = RandomUnderSampler(sampling_strategy=0.5).fit_resample(X, y)
      `,
      findings: [{ line: 2, column: 16, message: /^`RandomUnderSampler` is called without `random_state`: each run gives a different result$/ }],
      output: py`
        from imblearn.under_sampling import RandomUnderSampler
        X_res, y_res = RandomUnderSampler(sampling_strategy=0.5, random_state=42).fit_resample(X, y)
      `,
    },
    {
      name: 'notebook: the seed constant from an earlier cell is reused',
      code: ['import numpy as np\nfrom sklearn.model_selection import ShuffleSplit\nRANDOM_STATE = 5\n', 'ss = ShuffleSplit(n_splits=3)\n'],
      findings: [{ cell: 1, line: 1 }],
      output: ['import numpy as np\nfrom sklearn.model_selection import ShuffleSplit\nRANDOM_STATE = 5\n', 'ss = ShuffleSplit(n_splits=3, random_state=RANDOM_STATE)\n'],
    },
  ],
});
