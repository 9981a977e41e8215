import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import { sameNode } from '../semantics/nodes';
import { lastSegment, packageOf } from './shared/libraries';
import { onlyInspected } from './shared/inspection';
import { loadedModelOrigins } from './shared/models';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';

/**
 * The key estimators: models whose results hinge on hyperparameters with consequential defaults
 * (tree counts and depths, regularisation, kernels, neighbours, layer sizes, cluster counts), some
 * of which changed between library versions (`n_estimators` 10 -> 100, `LogisticRegression`'s
 * solver, `KMeans`'s `n_init`). Each maps to the hyperparameters named in the message. Models
 * with nothing to tune (`LinearRegression`, `GaussianNB`) and transformers (`StandardScaler`,
 * `PCA`) are not listed.
 */
const KEY_ESTIMATORS = new Map<string, string>([
  ...['RandomForestClassifier', 'RandomForestRegressor', 'ExtraTreesClassifier', 'ExtraTreesRegressor'].map((n): [string, string] => [n, 'n_estimators, max_depth, max_features, min_samples_leaf']),
  ...['GradientBoostingClassifier', 'GradientBoostingRegressor'].map((n): [string, string] => [n, 'n_estimators, learning_rate, max_depth, subsample']),
  ...['HistGradientBoostingClassifier', 'HistGradientBoostingRegressor'].map((n): [string, string] => [n, 'learning_rate, max_iter, max_leaf_nodes, l2_regularization']),
  ...['AdaBoostClassifier', 'AdaBoostRegressor', 'BaggingClassifier', 'BaggingRegressor'].map((n): [string, string] => [n, 'estimator, n_estimators, learning_rate']),
  ...['DecisionTreeClassifier', 'DecisionTreeRegressor'].map((n): [string, string] => [n, 'max_depth, min_samples_leaf, criterion']),
  ...['SVC', 'SVR', 'NuSVC', 'NuSVR'].map((n): [string, string] => [n, 'C, kernel, gamma']),
  ...['LinearSVC', 'LinearSVR'].map((n): [string, string] => [n, 'C, loss, max_iter']),
  ...['KNeighborsClassifier', 'KNeighborsRegressor'].map((n): [string, string] => [n, 'n_neighbors, weights, metric']),
  ...['MLPClassifier', 'MLPRegressor'].map((n): [string, string] => [n, 'hidden_layer_sizes, alpha, learning_rate_init, max_iter']),
  ['LogisticRegression', 'C, penalty, solver, max_iter'],
  ...['SGDClassifier', 'SGDRegressor'].map((n): [string, string] => [n, 'loss, alpha, penalty, max_iter']),
  ...['Ridge', 'Lasso', 'ElasticNet', 'RidgeClassifier'].map((n): [string, string] => [n, 'alpha']),
  ...['KMeans', 'MiniBatchKMeans'].map((n): [string, string] => [n, 'n_clusters, n_init, init']),
  ['DBSCAN', 'eps, min_samples'],
  ...['XGBClassifier', 'XGBRegressor', 'XGBRanker', 'LGBMClassifier', 'LGBMRegressor', 'LGBMRanker'].map((n): [string, string] => [n, 'n_estimators, learning_rate, max_depth, subsample']),
  ...['CatBoostClassifier', 'CatBoostRegressor'].map((n): [string, string] => [n, 'iterations, learning_rate, depth']),
]);
const PACKAGES = new Set(['sklearn', 'xgboost', 'lightgbm', 'catboost']);
const LIBRARY_NAMES: Record<string, string> = { sklearn: 'scikit-learn', xgboost: 'XGBoost', lightgbm: 'LightGBM', catboost: 'CatBoost' };
/**
 * Hyperparameter searches and sweeps: an estimator handed to one gets its hyperparameters from the
 * search (`validation_curve` varies one of them): scikit-learn's, scikit-optimize's `BayesSearchCV`,
 * hyperopt's `HyperoptSearchCV`, Optuna's, Ray Tune's and the like all end in `SearchCV`.
 */
const SEARCHES = /^(validation_curve|\w*SearchCV)$/;
/** Containers an estimator passes through on its way into a search (`Pipeline([("m", SVC())])`). */
const PASS_THROUGH = new Set(['argument_list', 'list', 'tuple', 'dictionary', 'pair', 'keyword_argument', 'parenthesized_expression', 'expression_list', 'call']);

/**
 * True when the estimator built at `node` gets its hyperparameters elsewhere: it flows (directly,
 * through containers and wrapper calls, or through variables) into a hyperparameter search, or
 * has `set_params(...)` called on it.
 */
function tunedElsewhere(index: SemanticIndex, node: Node, depth = 0): boolean {
  if (depth > 4) return false;
  let current = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), current)) {
      return parent.childForFieldName('attribute')?.text === 'set_params';
    }
    if (parent.type === 'call') {
      if (!sameNode(parent.childForFieldName('arguments'), current)) return false;
      const qname = index.call(parent)?.qname;
      if (qname && SEARCHES.test(lastSegment(qname))) return true;
      continue;
    }
    if (parent.type === 'assignment' && sameNode(parent.childForFieldName('right'), current)) {
      const target = parent.childForFieldName('left');
      const definition = target?.type === 'identifier' ? index.boundAt(target) : undefined;
      return !!definition && index.dataflow.usesOf(definition).some(({ node: use }) => tunedElsewhere(index, use, depth + 1));
    }
    if (!PASS_THROUGH.has(parent.type)) return false;
  }
  return false;
}

/** `{"model": SVC(), "params": {...}}` or `[SVC(), KNN()]`: a zoo of models, typically looped over. */
function inCollection(node: Node): boolean {
  for (let parent = node.parent; parent && parent.type !== 'expression_statement' && parent.type !== 'module'; parent = parent.parent) {
    if (parent.type === 'dictionary' || parent.type === 'list') return true;
    if (parent.type === 'call') return false;
  }
  return false;
}

const PACKAGE_CALLEES: CalleeSelection = { modules: PACKAGES };

function listen(context: RuleContext): RuleListeners {
  const { index } = context;
  // In a file that runs a search, a model kept in a collection is usually fed to it in a loop.
  const searches = index.callsTo((q) => SEARCHES.test(lastSegment(q))).length > 0;
  // `loaded = XGBClassifier(); loaded.load_model(path)`: the saved model brings its settings.
  const loaded = loadedModelOrigins(index);
  return { callees: PACKAGE_CALLEES, call(call) {
    const q = call.qname;
    if (!q || !PACKAGES.has(packageOf(q))) return;
    const hyperparameters = KEY_ESTIMATORS.get(lastSegment(q));
    if (!hyperparameters || call.args.length > 0 || call.kwargs.size > 0 || call.hasSplat || call.argumentList?.type !== 'argument_list') return;
    if (tunedElsewhere(index, call.node) || (searches && inCollection(call.node)) || loaded.has(call.node.startIndex) || onlyInspected(index, call.node)) return;
    context.report({
      node: call.node,
      message: `\`${call.node.text}\` is built with no arguments: its hyperparameters (${hyperparameters}...) are whatever this version of ${LIBRARY_NAMES[packageOf(q)]} defaults to, recorded nowhere and liable to change on upgrade`,
    });
  } };
}

export const implicitHyperparameters: Rule = {
  meta: {
    code: 'MLD604',
    name: 'implicit-hyperparameters',
    category: 'configuration-debt',
    severity: 'information',
    recommended: false,
    docs: {
      summary: 'A key estimator — random forest, gradient boosting, XGBoost/LightGBM/CatBoost, SVM, k-NN, MLP, logistic or regularised linear model, decision tree, k-means, DBSCAN — is built with no arguments at all (`RandomForestClassifier()`, `XGBClassifier()`, `SVC()`).',
      why: 'Configuration debt (§6): a model built with no arguments is configured all the same — by the library\'s defaults, which are nowhere in your code or your experiment record, and which change between versions (scikit-learn moved `n_estimators` from 10 to 100, `LogisticRegression`\'s default solver, and `KMeans`\'s `n_init`). Two installs of the same code then train different models, and nobody reviewing the code can see which settings produced the results.',
      example: 'from sklearn.ensemble import RandomForestClassifier\nfrom xgboost import XGBClassifier\n\nrf = RandomForestClassifier()\nbooster = XGBClassifier()',
      fix: 'State the hyperparameters that matter explicitly — ideally from a named configuration that is recorded with each run — even when you keep the default values. There is no automatic fix: writing today\'s defaults in would freeze values nobody chose.',
      fixed: 'RF_PARAMS = {"n_estimators": 300, "max_depth": 12, "min_samples_leaf": 2}\nrf = RandomForestClassifier(**RF_PARAMS)',
      nearMisses: 'An estimator built only to be looked at — shown as a notebook cell\'s value (`KMeans()`), printed, or asked for `get_params()`, directly or through a name whose every use is such, written into an f-string (`f"The estimator {tree} has no n_estimators"`, its repr), compared in a test\'s `assert`, handed to a constructor whose result is only looked at (also a class of the file whose `__init__` only stores what it is given and calls its bases\' `__init__`), handed to a predicate of its kind (scikit-learn\'s `is_classifier`, `is_regressor`, `is_clusterer`, `is_outlier_detector`, or a library\'s function so named), listed to a `@pytest.mark.parametrize` whose tests only look at it, or bound to a name never read in a script, a notebook or a function (also as an element of a list, tuple or dict so bound) — trains nothing, so no model runs on the defaults it shows. Any argument at all (even only `random_state` or `**params`) counts as configuring the model. An estimator passed to a hyperparameter search or sweep (`GridSearchCV(SVC(), grid)`, `validation_curve(SVC(), ..., param_name="gamma")`, directly, inside a `Pipeline`, or through a variable), kept in a collection of models in a file that runs a search (`{"model": SVC(), "params": {...}}` looped over), or tuned later with `set_params(...)` gets its hyperparameters there; one built only to `load_model(path)` into takes them from the saved model, also when an attribute holds it and the statement right after it loads (`self.model = CatBoostRegressor()`, then `self.model.load_model(path)`). Estimators without consequential hyperparameters (`LinearRegression()`, `GaussianNB()`) and preprocessing (`StandardScaler()`, `PCA()`) are not flagged, and only scikit-learn, XGBoost, LightGBM and CatBoost classes resolved through the imports count.',
    },
  },
  listen,
};
