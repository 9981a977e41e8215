import { implicitHyperparameters } from '../../../server/src/detectors/mld604-implicit-hyperparameters';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(implicitHyperparameters, {
  valid: [
    {
      name: 'an estimator only handed to a predicate of its kind, or to a wrapper class of the file that only stores it, the wrapper only printed (round 688)',
      code: py`
        from sklearn.base import is_classifier
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.svm import SVC

        class Holder:
            def __init__(self, estimator):
                self.estimator = estimator

        def test_kind():
            assert is_classifier(RandomForestClassifier())
            holder = Holder(SVC())
            print(holder.estimator)
      `,
    },
    {
      name: 'models without consequential hyperparameters and preprocessing',
      code: py`
        from sklearn.linear_model import LinearRegression
        from sklearn.naive_bayes import GaussianNB
        from sklearn.preprocessing import StandardScaler
        from sklearn.decomposition import PCA
        reg, nb, scaler, pca = LinearRegression(), GaussianNB(), StandardScaler(), PCA()
      `,
    },
    {
      name: 'any argument configures the model, even only a seed or **params',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from xgboost import XGBClassifier
        rf = RandomForestClassifier(random_state=0)
        booster = XGBClassifier(**best_params)
      `,
    },
    {
      name: 'estimators handed to a search, directly, in a Pipeline or through a variable',
      code: py`
        from sklearn.model_selection import GridSearchCV, RandomizedSearchCV, validation_curve
        from sklearn.pipeline import Pipeline
        from sklearn.svm import SVC
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.neighbors import KNeighborsClassifier
        search = GridSearchCV(SVC(), {"C": [0.1, 1, 10]})
        pipe = Pipeline([("scale", scaler), ("rf", RandomForestClassifier())])
        tuned = RandomizedSearchCV(estimator=pipe, param_distributions=grid)
        train, test = validation_curve(KNeighborsClassifier(), X, y, param_name="n_neighbors", param_range=[1, 5])
      `,
    },
    {
      name: 'set_params later, and a model zoo looped into a search',
      code: [
        'from sklearn.linear_model import LogisticRegression\nclf = LogisticRegression()\nclf.set_params(C=0.1, max_iter=500)\n',
        'from sklearn.model_selection import GridSearchCV\nfrom sklearn.tree import DecisionTreeClassifier\nzoo = {"tree": {"model": DecisionTreeClassifier(), "params": {"max_depth": [3, 5]}}}\nfor name, cfg in zoo.items():\n    GridSearchCV(cfg["model"], cfg["params"]).fit(X, y)\n',
      ],
    },
    {
      name: 'a class of the same name from elsewhere',
      code: py`
        from mymodels import RandomForestClassifier
        rf = RandomForestClassifier()
        svc = SVC()
      `,
    },
    {
      name: 'an estimator built only to load a saved model into',
      code: py`
        from xgboost import XGBRegressor
        from catboost import CatBoostClassifier
        reg = XGBRegressor()
        reg.load_model("reg.json")
        clf = CatBoostClassifier()
        clf.load_model("clf.cbm", format="cbm")
        print(clf.predict(X_new), reg.predict(X_new))
      `,
    },
    {
      name: 'an estimator held by an attribute and filled by load_model in the next statement',
      code: py`
        from xgboost import XGBRegressor

        class LoadForecaster:
            def restore(self, path):
                self.booster = XGBRegressor()
                self.booster.load_model(path)
                return self
      `,
    },
    {
      name: 'an estimator handed to a search from another library (hyperopt, scikit-optimize)',
      code: py`
        from hyperopt import hp
        from hyperopt.sklearn import HyperoptSearchCV
        from skopt import BayesSearchCV
        from sklearn.linear_model import Ridge
        from sklearn.svm import SVC
        search = HyperoptSearchCV(estimator=Ridge(), space={"alpha": hp.uniform("alpha", 0, 1)}, max_evals=20)
        opt = BayesSearchCV(SVC(), {"C": (1e-3, 1e3, "log-uniform")}, n_iter=16)
      `,
    },
    {
      name: 'estimators built only to be shown: a bare expression, print, get_params, a name only inspected',
      code: [
        'from sklearn.cluster import KMeans\nfrom sklearn.svm import SVC\nfrom sklearn.ensemble import RandomForestClassifier\nKMeans()\n',
        'print(SVC())\nRandomForestClassifier().get_params()\n',
        'from xgboost import XGBClassifier\nbooster = XGBClassifier()\nbooster.get_params()\nprint(booster)\n',
        'from sklearn.svm import SVC\nmodel = SVC()\nprint(f"defaults: {model}")\n',
      ],
    },
  ],
  invalid: [
    {
      name: 'an attribute shell filled by load_model, then trained through that attribute on the defaults',
      code: py`
        from xgboost import XGBRegressor

        def refresh(state, path, X, y):
            state.booster = XGBRegressor()
            state.booster.load_model(path)
            state.booster.fit(X, y, xgb_model=path)
            return state
      `,
      findings: [{ line: 4, message: /^`XGBRegressor\(\)` is built with no arguments/ }],
      noFix: true,
    },
    {
      name: 'a model trained here and later reloaded still trained on the defaults',
      code: py`
        from catboost import CatBoostClassifier
        model = CatBoostClassifier()
        model.fit(X_train, y_train)
        model.save_model("model.cbm")
        model.load_model("model.cbm")
      `,
      findings: [{ line: 2, column: 9, message: /^`CatBoostClassifier\(\)` is built with no arguments/ }],
      noFix: true,
    },
    {
      name: 'random forest and XGBoost built with no arguments',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from xgboost import XGBClassifier
        rf = RandomForestClassifier()
        booster = XGBClassifier()
      `,
      findings: [
        { line: 3, column: 6, message: /^`RandomForestClassifier\(\)` is built with no arguments: its hyperparameters \(n_estimators, max_depth, max_features, min_samples_leaf\.\.\.\) are whatever this version of scikit-learn defaults to/ },
        { line: 4, column: 11, message: /this version of XGBoost defaults to/ },
      ],
      noFix: true,
    },
    {
      name: 'through a module alias, fitted in a chain and passed to cross_val_score',
      code: py`
        import sklearn as sk
        from sklearn.model_selection import cross_val_score
        from sklearn.svm import SVC
        logreg = sk.linear_model.LogisticRegression().fit(X, y)
        scores = cross_val_score(SVC(), X, y, cv=5)
      `,
      findings: [
        { line: 4, column: 10, message: /^`sk\.linear_model\.LogisticRegression\(\)`/ },
        { line: 5, column: 26, message: /^`SVC\(\)`/ },
      ],
    },
    {
      name: 'a model zoo in a file without a search, and a bagged SVC',
      code: py`
        from sklearn.ensemble import BaggingClassifier
        from sklearn.neighbors import KNeighborsClassifier
        from lightgbm import LGBMClassifier
        from sklearn.svm import SVC
        models = {"knn": KNeighborsClassifier(), "lgbm": LGBMClassifier()}
        bag = BaggingClassifier(estimator=SVC(), n_estimators=50)
      `,
      findings: [{ line: 5, column: 18 }, { line: 5, column: 50, message: /LightGBM/ }, { line: 6, column: 35 }],
    },
    {
      name: 'notebook: KMeans with no arguments in a later cell',
      code: ['from sklearn.cluster import KMeans\n', 'km = KMeans()\nlabels = km.fit_predict(X)\n'],
      findings: [{ cell: 1, line: 1, column: 6, message: /\(n_clusters, n_init, init\.\.\.\)/ }],
    },
    {
      name: 'shown and also trained: the defaults reach a model',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        forest = RandomForestClassifier()
        print(forest.get_params())
        forest.fit(X, y)
      `,
      findings: [{ line: 2, column: 10, message: /^`RandomForestClassifier\(\)` is built with no arguments/ }],
    },
  ],
});
