// Library knowledge the semantic model needs: which packages are ML libraries and which
// constructors build estimators. Rules reach it through detectors/shared/libraries, which
// re-exports it; the model never imports from detectors/.

/** The last dotted segment of a qualified name (`RandomForestClassifier`). */
export function lastSegment(qname: string): string {
  return qname.slice(qname.lastIndexOf('.') + 1);
}

/** The top-level package of a qualified name (`sklearn` for `sklearn.svm.SVC`). */
export function packageOf(qname: string): string {
  const dot = qname.indexOf('.');
  return dot < 0 ? qname : qname.slice(0, dot);
}

/**
 * scikit-learn before 0.18 kept model selection in three modules that 0.20 removed:
 * `sklearn.grid_search` (`GridSearchCV`, `RandomizedSearchCV`), `sklearn.cross_validation`
 * (`train_test_split`, `cross_val_score`, `cross_val_predict`) and `sklearn.learning_curve`.
 * Their searches, splits and scores do what `sklearn.model_selection`'s do: the name under that
 * module, so one table answers for both. Any other name is returned as it is.
 */
export function modelSelectionName(qname: string): string;
export function modelSelectionName(qname: string | undefined): string | undefined;
export function modelSelectionName(qname: string | undefined): string | undefined {
  return qname?.replace(/^sklearn\.(grid_search|cross_validation|learning_curve)\./, 'sklearn.model_selection.');
}

/** Packages whose import is evidence that a file trains or uses models. */
export const ML_PACKAGES: ReadonlySet<string> = new Set([
  'sklearn', 'xgboost', 'lightgbm', 'catboost', 'torch', 'tensorflow', 'keras', 'transformers', 'jax', 'flax',
  'lightning', 'pytorch_lightning', 'imblearn', 'statsmodels', 'fastai', 'sentence_transformers', 'timm', 'optuna',
]);

/** Gradient-boosting libraries whose estimators take `random_state` (they default to a fixed seed). */
export const BOOSTING_RANDOM: Record<string, ReadonlySet<string>> = {
  xgboost: new Set(['XGBClassifier', 'XGBRegressor', 'XGBRanker', 'XGBRFClassifier', 'XGBRFRegressor']),
  lightgbm: new Set(['LGBMClassifier', 'LGBMRegressor', 'LGBMRanker']),
  catboost: new Set(['CatBoostClassifier', 'CatBoostRegressor', 'CatBoostRanker']),
};

/**
 * Tree models: scikit-learn's trees and tree ensembles and the boosting libraries' estimators.
 * Their splits read only the order of each feature's values. (AdaBoost and bagging are left out:
 * their base estimator may be any model.)
 */
export function isTreeModelClass(qname: string): boolean {
  const pkg = packageOf(qname);
  const name = lastSegment(qname);
  if (pkg === 'sklearn') return /^(DecisionTree|ExtraTree|RandomForest|ExtraTrees|GradientBoosting|HistGradientBoosting)(Classifier|Regressor)$|^IsolationForest$/.test(name);
  return BOOSTING_RANDOM[pkg]?.has(name) ?? false;
}

/** sklearn / boosting estimators whose constructor arguments are hyperparameters. */
export function isEstimatorConstructor(qname: string): boolean {
  const pkg = packageOf(qname);
  const name = lastSegment(qname);
  if (!/^[A-Z]/.test(name)) return false;
  if (pkg === 'sklearn') return /(Classifier|Regressor|Regression|SVC|SVR|KMeans|Clustering|Forest|Boost|Mixture|Ridge|Lasso|ElasticNet|Perceptron|NB|Neighbors|Tree|DBSCAN|OPTICS|Birch)$/.test(name) || name === 'SVC' || name === 'SVR';
  return BOOSTING_RANDOM[pkg]?.has(name) ?? false;
}
