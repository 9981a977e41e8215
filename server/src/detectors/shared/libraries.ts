// Facts about ML libraries that several rules share: which constructors and functions are
// random, which calls seed which library, which packages count as evidence of ML code.

import { BOOSTING_RANDOM, lastSegment, packageOf } from '../../semantics/library/packages';

// The package facts the model needs live with the model; rules keep importing them from here.
export { BOOSTING_RANDOM, isEstimatorConstructor, isTreeModelClass, lastSegment, ML_PACKAGES, modelSelectionName, packageOf } from '../../semantics/library/packages';

/** sklearn classes and functions that draw random numbers unless given `random_state`. */
const SKLEARN_RANDOM = new Set([
  'train_test_split', 'ShuffleSplit', 'StratifiedShuffleSplit', 'GroupShuffleSplit', 'RepeatedKFold',
  'RepeatedStratifiedKFold', 'RandomizedSearchCV', 'HalvingRandomSearchCV',
  'RandomForestClassifier', 'RandomForestRegressor', 'ExtraTreesClassifier', 'ExtraTreesRegressor',
  'GradientBoostingClassifier', 'GradientBoostingRegressor', 'HistGradientBoostingClassifier',
  'HistGradientBoostingRegressor', 'AdaBoostClassifier', 'AdaBoostRegressor', 'BaggingClassifier',
  'BaggingRegressor', 'IsolationForest', 'RandomTreesEmbedding', 'DecisionTreeClassifier',
  'DecisionTreeRegressor', 'ExtraTreeClassifier', 'ExtraTreeRegressor', 'SGDClassifier', 'SGDRegressor',
  'SGDOneClassSVM', 'Perceptron', 'PassiveAggressiveClassifier', 'PassiveAggressiveRegressor', 'MLPClassifier',
  'MLPRegressor', 'BernoulliRBM', 'KMeans', 'MiniBatchKMeans', 'BisectingKMeans', 'SpectralClustering',
  'GaussianMixture', 'BayesianGaussianMixture', 'TSNE', 'TruncatedSVD', 'LatentDirichletAllocation', 'FastICA',
  'MiniBatchDictionaryLearning', 'SparseRandomProjection', 'GaussianRandomProjection', 'RBFSampler', 'Nystroem',
  'shuffle', 'resample', 'make_classification', 'make_regression', 'make_blobs', 'make_moons', 'make_circles',
  'make_multilabel_classification', 'make_friedman1', 'make_s_curve', 'make_swiss_roll',
]);

/** Splitters that are random only when `shuffle=True` is passed. */
export const SHUFFLE_OPTIONAL_SPLITTERS: ReadonlySet<string> = new Set(['KFold', 'StratifiedKFold', 'StratifiedGroupKFold']);

/** imbalanced-learn samplers and ensembles: like scikit-learn, they draw a fresh seed unless given one. */
const IMBLEARN_RANDOM = new Set([
  'SMOTE', 'SMOTENC', 'SMOTEN', 'ADASYN', 'BorderlineSMOTE', 'SVMSMOTE', 'KMeansSMOTE', 'RandomOverSampler', 'RandomUnderSampler',
  'BalancedRandomForestClassifier', 'BalancedBaggingClassifier', 'EasyEnsembleClassifier', 'RUSBoostClassifier', 'SMOTEENN', 'SMOTETomek',
]);

export type RandomCallKind = 'sklearn' | 'splitter' | 'boosting';

/** How a qualified call uses randomness that `random_state` controls, if it does. */
export function randomStateKind(qname: string): RandomCallKind | undefined {
  const pkg = packageOf(qname);
  const name = lastSegment(qname);
  if (pkg === 'sklearn') {
    if (SHUFFLE_OPTIONAL_SPLITTERS.has(name)) return 'splitter';
    return SKLEARN_RANDOM.has(name) ? 'sklearn' : undefined;
  }
  if (pkg === 'imblearn') return IMBLEARN_RANDOM.has(name) ? 'sklearn' : undefined;
  return BOOSTING_RANDOM[pkg]?.has(name) ? 'boosting' : undefined;
}

/** Keyword names that set the seed of an estimator or splitter. */
export const SEED_KEYWORDS: ReadonlySet<string> = new Set(['random_state', 'seed', 'random_seed']);

/** Module-level constant names that hold a seed, in order of preference. */
export const SEED_CONSTANT = /^(?:GLOBAL_|RANDOM_|RNG_)?SEED(?:_VALUE)?$|^RANDOM_STATE$|^SEED_NUM(?:BER)?$/i;

/** The default seed written by fixes when the file has no seed constant. */
export const DEFAULT_SEED = '42';

