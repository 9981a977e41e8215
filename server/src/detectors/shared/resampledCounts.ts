// Resampling that changes no result. Only to count the classes: imbalanced-learn's demos of
// `sampling_strategy` resample, then show how many rows of each class came out. Which rows a random
// sampler picks changes from run to run; how many it returns per class is what `sampling_strategy`
// asks for, so the counts are the same on every run. Or to no end: an exploratory script that
// resampled, wrapped the rows in a frame and then rebound it to other data keeps no row drawn.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { enclosingFunction, sameNode, stripParens } from '../../semantics/nodes';
import type { CallSite } from '../../semantics/types';
import { lastSegment } from './libraries';
import { usesOfTarget } from './randomReach';
import { unreadAnywhere } from './inspection';

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
 * output changes no result: then only counted (`Counter(y_res)`, `y_res.value_counts()`,
 * `X_res.shape`), when the sampler sets the counts, or going nowhere (see goesNowhere). Resampled
 * data trained on, plotted or shown draw a result from the rows picked.
 */
export function resampledChangesNoResult(index: SemanticIndex, call: CallSite): boolean {
  if (!call.qname?.startsWith('imblearn.')) return false;
  const counted = COUNT_SETTING_SAMPLERS.has(lastSegment(call.qname));
  const resamples = resampleCalls(index, call.node);
  return !!resamples && resamples.length > 0 && resamples.every((resample) => outputChangesNoResult(index, resample, counted));
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

/**
 * `X_res, y_res = sampler.fit_resample(X, y)`, then every read of them only counts them (when the
 * sampler sets the counts) or goes nowhere; names never read at all keep nothing either, where
 * nothing else can read them (see unreadAnywhere).
 */
function outputChangesNoResult(index: SemanticIndex, resample: Node, counted: boolean): boolean {
  const parent = resample.parent;
  const targets = parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), resample) ? parent.childForFieldName('left') : undefined;
  if (targets?.type !== 'pattern_list' && targets?.type !== 'tuple_pattern') return false;
  if (!targets.namedChildren.every((target) => target?.type === 'identifier')) return false;
  const reads = targets.namedChildren.flatMap((target) => usesOfTarget(index, target!));
  if (reads.length === 0) return unreadAnywhere(index, resample);
  return reads.every((read) => (counted && onlyCounts(index, read)) || goesNowhere(index, read, 0));
}

/** How many frames deep goesNowhere follows resampled rows. */
const MAX_HOPS = 8;

/**
 * Whether the resampled rows read at `node` reach nothing: only built into new pandas values (a
 * frame or series made of them, a column, a frame a method returns: `pd.concat([X_res, y_res],
 * axis=1)`, `data["label"].astype(int)`) that are in turn bound to names whose every read goes
 * nowhere or that are never read, relabelled in place (`y_res.columns = [...]`), or left on a
 * line of their own in a script or a function, which drops them. In a notebook such a line at a
 * cell's top level may be shown as the cell's value, and shown rows are a result.
 */
function goesNowhere(index: SemanticIndex, node: Node, hops: number): boolean {
  const parent = node.parent;
  if (!parent || hops > MAX_HOPS) return false;
  switch (parent.type) {
    case 'parenthesized_expression':
    case 'list':
    case 'tuple':
      return goesNowhere(index, parent, hops);
    case 'subscript':
      return sameNode(parent.childForFieldName('value'), node) && goesNowhere(index, parent, hops);
    case 'argument_list':
      return !!parent.parent && buildsFrame(index, parent.parent) && goesNowhere(index, parent.parent, hops + 1);
    case 'attribute': {
      if (!sameNode(parent.childForFieldName('object'), node)) return false;
      const around = parent.parent;
      if (around?.type === 'assignment' && sameNode(around.childForFieldName('left'), parent)) return true;
      return around?.type === 'call' && buildsFrame(index, around) && goesNowhere(index, around, hops + 1);
    }
    // A notebook shows a cell's own line as its value; a script, or a function body, drops it.
    case 'expression_statement':
      return index.doc.kind !== 'notebook' || !!enclosingFunction(parent);
    case 'assignment': {
      const target = parent.childForFieldName('left');
      if (target?.type !== 'identifier' || !sameNode(parent.childForFieldName('right'), node)) return false;
      const reads = usesOfTarget(index, target);
      return reads.length === 0 ? unreadAnywhere(index, parent) : reads.every((read) => goesNowhere(index, read, hops + 1));
    }
    default:
      return false;
  }
}

/** A call whose value the model knows to be a new frame or series (`pd.DataFrame(y)`, `df.astype(int)`): it keeps its arguments only in what it returns. */
function buildsFrame(index: SemanticIndex, call: Node): boolean {
  return index.dataflow.kindOf(call)?.kind === 'frame';
}

function onlyCounts(index: SemanticIndex, use: Node): boolean {
  const parent = use.parent;
  if (parent?.type === 'attribute') return sameNode(parent.childForFieldName('object'), use) && COUNTING_ATTRIBUTES.has(parent.childForFieldName('attribute')?.text ?? '');
  const call = parent?.type === 'argument_list' && parent.parent?.type === 'call' ? index.call(parent.parent) : undefined;
  return !!call?.qname && COUNTING_FUNCTIONS.has(call.qname) && sameNode(call.args[0] ? stripParens(call.args[0]) : undefined, use);
}
