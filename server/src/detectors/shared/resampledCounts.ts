// Resampling only to count the classes: imbalanced-learn's demos of `sampling_strategy` resample,
// then show how many rows of each class came out. Which rows a random sampler picks changes from
// run to run; how many it returns per class is what `sampling_strategy` asks for, so the counts
// are the same on every run.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { sameNode, stripParens } from '../../semantics/nodes';
import type { CallSite } from '../../semantics/types';
import { lastSegment } from './libraries';
import { usesOfTarget } from './randomReach';

/**
 * Samplers that return, per class, exactly the number of rows the strategy sets (random under-
 * and over-sampling, SMOTE and its variants, ADASYN, cluster centroids). Samplers that clean by a
 * random rule (`CondensedNearestNeighbour`, `OneSidedSelection`, `InstanceHardnessThreshold`) or
 * clean after over-sampling (`SMOTEENN`, `SMOTETomek`) keep a number of rows that varies too.
 */
const COUNT_SETTING_SAMPLERS = new Set(['RandomUnderSampler', 'RandomOverSampler', 'SMOTE', 'SMOTENC', 'SMOTEN', 'BorderlineSMOTE', 'SVMSMOTE', 'ADASYN', 'ClusterCentroids']);
const RESAMPLE_METHODS = new Set(['fit_resample', 'fit_sample']);

/** Calls whose answer is how many rows, or which classes, a label array holds. */
const COUNTING_FUNCTIONS = new Set(['collections.Counter', 'numpy.bincount', 'numpy.unique', 'builtins.len']);
const COUNTING_ATTRIBUTES = new Set(['value_counts', 'shape', 'size']);

/**
 * True when the imbalanced-learn sampler built by `call` is only used to resample data whose
 * output is then only counted (`Counter(y_res)`, `y_res.value_counts()`, `X_res.shape`): every
 * run gives the same counts. Resampled data trained on, plotted or shown
 * draws a result from the rows picked.
 */
export function onlyCountsResampled(index: SemanticIndex, call: CallSite): boolean {
  if (!call.qname?.startsWith('imblearn.') || !COUNT_SETTING_SAMPLERS.has(lastSegment(call.qname))) return false;
  const resamples = resampleCalls(index, call.node);
  return !!resamples && resamples.length > 0 && resamples.every((resample) => outputOnlyCounted(index, resample));
}

/** `sampler.fit_resample(X, y)` calls on the sampler at `node`, directly or through a name; undefined if it is used otherwise. */
function resampleCalls(index: SemanticIndex, node: Node): Node[] | undefined {
  const direct = resampleOn(node);
  if (direct) return [direct];
  const parent = node.parent;
  const target = parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), node) ? parent.childForFieldName('left') : undefined;
  if (target?.type !== 'identifier') return undefined;
  const calls = usesOfTarget(index, target).map(resampleOn);
  return calls.every((resample) => !!resample) ? (calls as Node[]) : undefined;
}

/** The `.fit_resample(...)` call made on `node`, if that is what is done with it. */
function resampleOn(node: Node): Node | undefined {
  const attribute = node.parent;
  if (attribute?.type !== 'attribute' || !sameNode(attribute.childForFieldName('object'), node)) return undefined;
  const method = attribute.childForFieldName('attribute')?.text ?? '';
  return RESAMPLE_METHODS.has(method) && attribute.parent?.type === 'call' ? attribute.parent : undefined;
}

/** `X_res, y_res = sampler.fit_resample(X, y)`, then counted: some read of them, and every read, only counts them. */
function outputOnlyCounted(index: SemanticIndex, resample: Node): boolean {
  const parent = resample.parent;
  const targets = parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), resample) ? parent.childForFieldName('left') : undefined;
  if (targets?.type !== 'pattern_list' && targets?.type !== 'tuple_pattern') return false;
  if (!targets.namedChildren.every((target) => target?.type === 'identifier')) return false;
  const reads = targets.namedChildren.flatMap((target) => usesOfTarget(index, target!));
  return reads.length > 0 && reads.every((read) => onlyCounts(index, read));
}

function onlyCounts(index: SemanticIndex, use: Node): boolean {
  const parent = use.parent;
  if (parent?.type === 'attribute') return sameNode(parent.childForFieldName('object'), use) && COUNTING_ATTRIBUTES.has(parent.childForFieldName('attribute')?.text ?? '');
  const call = parent?.type === 'argument_list' && parent.parent?.type === 'call' ? index.call(parent.parent) : undefined;
  return !!call?.qname && COUNTING_FUNCTIONS.has(call.qname) && sameNode(call.args[0] ? stripParens(call.args[0]) : undefined, use);
}
