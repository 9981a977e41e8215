// Calls whose arguments configure a model: estimator constructors, optimizers, trainer settings.
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';
import type { CalleeSelection } from '../types';
import { BOOSTING_RANDOM, isEstimatorConstructor } from './libraries';

const TRAINER_CONSTRUCTORS = new Set([
  'transformers.TrainingArguments', 'transformers.Seq2SeqTrainingArguments', 'lightning.Trainer', 'lightning.pytorch.Trainer',
  'pytorch_lightning.Trainer',
]);

/** Calls whose arguments configure a model, an optimizer or a training run. */
export function isModelCall(index: SemanticIndex, call: CallSite): boolean {
  const q = call.qname;
  if (q) {
    if (isEstimatorConstructor(q) || TRAINER_CONSTRUCTORS.has(q)) return true;
    if (/^torch\.optim\.[A-Z]\w*$/.test(q)) return true;
    if (/^(tensorflow\.)?keras\.optimizers\.[A-Z]\w*$/.test(q)) return true;
    return false;
  }
  // Keras `model.fit(X, y, epochs=..., batch_size=...)`.
  return call.method === 'fit' && index.importsAny(['tensorflow', 'keras']);
}

const MODEL_MODULES = ['sklearn', ...Object.keys(BOOSTING_RANDOM), 'torch.optim', 'keras.optimizers', 'tensorflow.keras.optimizers'];
const MODEL_CALLEES: CalleeSelection = { modules: MODEL_MODULES, qualified: TRAINER_CONSTRUCTORS };
const KERAS_MODEL_CALLEES: CalleeSelection = { ...MODEL_CALLEES, methods: ['fit'] };

/** The callees `isModelCall` can accept, for the rules that subscribe to them (Keras' `fit` only where Keras is imported). */
export function modelCallees(index: SemanticIndex): CalleeSelection {
  return index.importsAny(['tensorflow', 'keras']) ? KERAS_MODEL_CALLEES : MODEL_CALLEES;
}
