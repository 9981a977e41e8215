// Calls that train a model, and the expressions holding what they train it on. Where that data
// came from (a file, another model's predictions, the data before a split) is the lineage's
// question: `index.dataflow.lineage(input)`.
import type { Node } from 'web-tree-sitter';
// The library facts the rules share (a data module with no imports of its own).
import { ML_PACKAGES } from './library/packages';
import type { DataFlow } from './dataflow';
import type { SemanticIndex } from './index';
import type { CallSite } from './types';

export interface TrainingCall {
  call: CallSite;
  /** The model being trained (the receiver of `fit`), or undefined for functional APIs (`xgb.train`). */
  model?: Node;
  /** The training data as passed: features, targets, data sets (validation data excluded). */
  inputs: Node[];
}

const FIT_METHODS = new Set(['fit', 'partial_fit', 'fit_generator', 'train_on_batch']);
/** Keywords of fit calls that carry training data (the rest are settings or validation data). */
const DATA_KEYWORDS = new Set(['x', 'y', 'X', 'Y', 'X_train', 'y_train', 'train_data', 'train_dataset', 'dataset', 'data', 'label', 'sample_weight', 'train_dataloaders', 'datamodule', 'dtrain', 'train_set']);
const FUNCTIONAL_TRAINERS: Record<string, { position: number; keyword: string }> = {
  'xgboost.train': { position: 1, keyword: 'dtrain' },
  'lightgbm.train': { position: 1, keyword: 'train_set' },
};
/** Trainer objects whose `.train()` trains on the data sets given to their constructor. */
const TRAINER_CLASSES = /^(transformers|trl)\.\w*Trainer$/;

/** A Hugging Face trainer class (transformers' `Trainer`, TRL's `SFTTrainer`, `GRPOTrainer`...). */
export function isHubTrainerClass(qname: string): boolean {
  return TRAINER_CLASSES.test(qname);
}
/** scikit-learn transformers: fitting one learns a preprocessing step, not a model. */
const TRANSFORMER_CLASSES = /^sklearn\.(preprocessing|impute|feature_selection|feature_extraction|decomposition|manifold|random_projection|kernel_approximation|compose)\./;

/** True for a scikit-learn preprocessing class (scaler, encoder, imputer, selector, decomposition). */
export function isTransformerClass(qname: string): boolean {
  return TRANSFORMER_CLASSES.test(qname);
}

/**
 * A class named for preparing data, scikit-learn's or not (`LSTMPreprocessor`, `TextTokenizer`,
 * `CountVectorizer`, `RobustScaler`, `MeanImputer`): its `fit` learns a vocabulary or statistics to
 * transform inputs with, no model. `Encoder` is not among these words: an encoder is also a network.
 */
const PREPARER_NAME = /(Preprocessor|Tokenizer|Vectorizer|Scaler|Normalizer|Imputer)$/;

/** Methods by which an estimator predicts: a class with one is a model, whatever else it mixes in. */
const PREDICTING_METHODS = new Set(['predict', 'predict_proba', 'predict_log_proba', 'decision_function']);

/**
 * True for a preprocessing class: scikit-learn's own, or a class of the file built on scikit-learn's
 * `TransformerMixin` (directly or through the file's classes) that has no method to predict with, such
 * as a hand-written pipeline of encoders and scalers. A transformer that also predicts is a model.
 * A class imported from elsewhere, whose body is not in the file, is known by its name only.
 */
export function isPreprocessorClass(index: SemanticIndex, className: string): boolean {
  // An imported class of the project is known by its name only (`FeatureScaler` from `src.features`).
  if (!className.startsWith('local:')) return isTransformerClass(className) || PREPARER_NAME.test(className);
  return index.classMatches(className, (qname) => qname === 'sklearn.base.TransformerMixin') && !predictsIn(index, className, new Set());
}

/** The file's class `className`, or one of the file's classes it derives from, defines a predicting method. */
function predictsIn(index: SemanticIndex, className: string, seen: Set<string>): boolean {
  const local = className.startsWith('local:') && !seen.has(className) ? index.classes.get(className.slice('local:'.length)) : undefined;
  if (!local) return false;
  seen.add(className);
  const methods = (local.node.childForFieldName('body')?.namedChildren ?? []).map((statement) => (statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement));
  if (methods.some((method) => method?.type === 'function_definition' && PREDICTING_METHODS.has(method.childForFieldName('name')?.text ?? ''))) return true;
  return local.bases.some((base) => predictsIn(index, base, seen));
}

/** The training a call performs, if it trains a model. */
export function trainingCall(flow: DataFlow, call: CallSite): TrainingCall | undefined {
  const { index } = flow;
  // What the call is is asked first, then the file's imports, then the receiver's class (a walk to its binding).
  const functional = call.qname ? FUNCTIONAL_TRAINERS[call.qname] : undefined;
  const { method, receiver } = call;
  const fits = !!method && !!receiver && !call.qname && (method === 'train' || FIT_METHODS.has(method));
  if ((!functional && !fits) || !index.importsAny(ML_PACKAGES)) return undefined;
  if (functional) {
    const data = call.args[functional.position] ?? call.kwargs.get(functional.keyword);
    return { call, inputs: data ? [data] : [] };
  }
  if (!method || !receiver) return undefined;
  const className = index.constructedClass(receiver);
  if (method === 'train') return className && isHubTrainerClass(className) ? { call, model: receiver, inputs: [receiver] } : undefined;
  const kind = flow.kindOf(receiver);
  if ((kind && kind.kind !== 'model') || (className && isPreprocessorClass(index, className))) return undefined;
  const inputs = [...call.args, ...[...call.kwargs].filter(([name]) => DATA_KEYWORDS.has(name)).map(([, value]) => value)];
  return { call, model: receiver, inputs };
}
