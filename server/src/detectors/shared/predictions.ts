// Recognising model output in an expression: `clf.predict_proba(X)[:, 1]`, `torch.sigmoid(logits)`,
// or a variable assigned from one of those. Conservative: anything unclear is not model output.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { stripParens } from '../../semantics/nodes';
import { ML_PACKAGES } from './libraries';

export type ScoreKind = 'probability' | 'decision' | 'prediction';

const SCORE_METHODS: Record<string, ScoreKind> = {
  predict_proba: 'probability',
  predict_log_proba: 'decision',
  decision_function: 'decision',
  predict: 'prediction',
};

const PROBABILITY_FUNCTIONS = new Set([
  'torch.sigmoid', 'torch.softmax', 'torch.nn.functional.sigmoid', 'torch.nn.functional.softmax', 'torch.special.expit',
  'scipy.special.expit', 'scipy.special.softmax', 'tensorflow.nn.sigmoid', 'tensorflow.sigmoid', 'tensorflow.math.sigmoid',
  'tensorflow.nn.softmax', 'keras.activations.sigmoid', 'tensorflow.keras.activations.sigmoid',
]);

/** Methods and functions that keep the values of their input (conversions, reshapes, selections). */
const PASS_THROUGH_METHODS = new Set(['ravel', 'flatten', 'squeeze', 'numpy', 'cpu', 'detach', 'item', 'reshape', 'to_numpy', 'astype', 'round', 'clone', 'view']);
const PASS_THROUGH_FUNCTIONS = new Set(['numpy.array', 'numpy.asarray', 'numpy.squeeze', 'numpy.ravel', 'pandas.Series']);
const TENSOR_PROBABILITY_METHODS = new Set(['sigmoid', 'softmax']);

/**
 * What kind of model output `expression` holds, if it clearly holds one. Requires the file to
 * import an ML library: a `.predict(...)` on an object of unknown origin in a file without one is
 * not assumed to be a model.
 */
export function modelOutputKind(index: SemanticIndex, expression: Node, depth = 0): ScoreKind | undefined {
  if (depth > 8 || !index.importsAny(ML_PACKAGES)) return undefined;
  const node = stripParens(expression);
  switch (node.type) {
    case 'identifier': {
      const value = index.valueOf(node);
      return value === node ? undefined : modelOutputKind(index, value, depth + 1);
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      return value ? modelOutputKind(index, value, depth + 1) : undefined;
    }
    case 'call': {
      const call = index.call(node);
      if (!call) return undefined;
      if (call.method && SCORE_METHODS[call.method] && call.receiver) return SCORE_METHODS[call.method];
      if (call.qname && PROBABILITY_FUNCTIONS.has(call.qname)) return 'probability';
      if (call.method && TENSOR_PROBABILITY_METHODS.has(call.method) && index.importsModule('torch')) return 'probability';
      if (call.method && PASS_THROUGH_METHODS.has(call.method) && call.receiver) return modelOutputKind(index, call.receiver, depth + 1);
      if (call.qname && PASS_THROUGH_FUNCTIONS.has(call.qname) && call.args[0]) return modelOutputKind(index, call.args[0], depth + 1);
      return undefined;
    }
    case 'attribute': {
      // `.values` / `.T` of model output is still model output.
      const attribute = node.childForFieldName('attribute')?.text;
      const object = node.childForFieldName('object');
      return object && (attribute === 'values' || attribute === 'T') ? modelOutputKind(index, object, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}
