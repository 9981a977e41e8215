// Does a random draw reach an ML result? A draw matters for reproducibility when its value ends
// up in training data, a split, a model or a metric; a row picked for display, plot data, a
// dummy input, a game move or a dice roll in a lesson changes no result. Followed forwards:
// through expressions, names, writes into objects, return values and loops, with a budget.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';
import { trainingCall } from '../../semantics/training';
import { objectRoot } from '../../semantics/dataflow';
import { ancestors, enclosingFunction, FUNCTION_TYPES, LOOP_TYPES, sameNode } from '../../semantics/nodes';
import { metricCall } from './evaluation';
import { isEstimatorConstructor, randomStateKind } from './libraries';

/** Methods that learn from their arguments (or, for `backward`, from their receiver). */
const LEARNING_METHODS = new Set(['fit', 'partial_fit', 'fit_transform', 'fit_resample', 'train', 'train_on_batch', 'fit_generator', 'train_step', 'backward', 'score', 'evaluate']);
/** Constructors and functions that hold training data or model weights. */
const DATA_OR_WEIGHTS = /^(torch\.nn\.|torch\.utils\.data\.|tensorflow\.(Variable|data\.|keras\.)|keras\.|datasets\.)|(^|\.)(\w*Dataset|DataLoader|\w*Trainer|\w*Collator\w*)(\.|$)/;
/** Keywords through which a function becomes part of a data pipeline or a trainer. */
const PIPELINE_KEYWORDS = new Set(['collate_fn', 'data_collator', 'transform', 'transforms', 'target_transform', 'preprocessing_function', 'compute_metrics', 'worker_init_fn']);
/** Calls that only show a value: it goes no further. */
const DISPLAY = /^(builtins\.(print|len|repr|str|format)|matplotlib\.|seaborn\.|plotly\.|IPython\.)/;
/** Methods of a class that make it a model or a data set: its state is weights or data. */
const MODEL_OR_DATA_METHODS = /^(forward|fit|train|predict|predict_proba|backward|__getitem__|__iter__|call|train_step|training_step)$/;
/** Class names that say the class prepares training data (`DataCollatorForMasking`, `PairDataset`). */
const DATA_CLASS_NAME = /(Collator|Dataset|DataModule|Sampler|DataLoader)/;
const CARRYING_PARENTS = new Set([
  'parenthesized_expression', 'binary_operator', 'unary_operator', 'boolean_operator', 'conditional_expression', 'list',
  'tuple', 'set', 'dictionary', 'pair', 'subscript', 'slice', 'list_comprehension', 'generator_expression', 'set_comprehension',
  'dictionary_comprehension', 'list_splat', 'expression_list', 'await', 'for_in_clause', 'pattern_list',
]);
const BUDGET = 300;

/** `model.fit(...)`, `loss.backward()` on an object of unknown type; a library function such as `ImageOps.fit` is no learning. */
function isLearningMethod(call: CallSite): boolean {
  return !!call.method && !call.qname && LEARNING_METHODS.has(call.method);
}

/** A call that learns, splits, scores or builds a model or data set from what it is given. */
function isResultSink(index: SemanticIndex, call: CallSite): boolean {
  if (call.qname) {
    if (randomStateKind(call.qname) || isEstimatorConstructor(call.qname) || metricCall(call) || DATA_OR_WEIGHTS.test(call.qname)) return true;
    if (/^sklearn\.model_selection\./.test(call.qname)) return true;
  }
  return isLearningMethod(call) || !!trainingCall(index.dataflow, call);
}

/** A class whose methods make it a model or a data set (by its methods, or by its base class). */
function isModelOrDataClass(index: SemanticIndex, node: Node): boolean {
  for (const owner of ancestors(node, false)) {
    if (owner.type !== 'class_definition') continue;
    if (index.classBases(owner).some((base) => /^(torch|tensorflow|keras|lightning|pytorch_lightning)\./.test(base))) return true;
    if (DATA_CLASS_NAME.test(owner.childForFieldName('name')?.text ?? '')) return true;
    const body = owner.childForFieldName('body');
    return !!body?.namedChildren.some((child) => {
      const def = child?.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
      return def?.type === 'function_definition' && MODEL_OR_DATA_METHODS.test(def.childForFieldName('name')?.text ?? '');
    });
  }
  return false;
}

/** A loop or function around `node` whose body learns: the draw is part of a training step. */
function inTrainingStep(index: SemanticIndex, node: Node): boolean {
  const fn = enclosingFunction(node);
  for (const around of ancestors(node, false)) {
    if (fn && !sameNode(around, fn) && !LOOP_TYPES.has(around.type)) continue;
    if (!LOOP_TYPES.has(around.type) && !FUNCTION_TYPES.has(around.type)) continue;
    if (index.callsWithin(around).some((call) => (isLearningMethod(call) && call.method !== 'score') || !!trainingCall(index.dataflow, call))) return true;
    if (FUNCTION_TYPES.has(around.type)) return false;
  }
  return false;
}

/** The reads a binding of `target` (an identifier) reaches. */
function usesOfTarget(index: SemanticIndex, target: Node): Node[] {
  const definition = index.definitionsOf(target.text).find((d) => sameNode(d.node, target));
  return definition ? index.dataflow.usesOf(definition).map((read) => read.node) : [];
}

/** The reads after `site` of the value a name holds there (`idx` after `np.random.shuffle(idx)`). */
function readsAfter(index: SemanticIndex, identifier: Node, site: Node): Node[] {
  const flow = index.dataflow;
  const read = flow.readAt(identifier);
  if (!read) return [];
  const definitions = flow.reachingDefinitions(read);
  // A name bound nowhere in the file (a notebook's input, a global): its later reads in the same scope.
  const reads = definitions.length > 0
    ? definitions.flatMap((d) => flow.usesOf(d))
    : flow.readsOf(identifier.text).filter((r) => enclosingFunction(r.node)?.startIndex === enclosingFunction(identifier)?.startIndex);
  return reads.map((r) => r.node).filter((n) => n.startIndex >= site.endIndex);
}

/** Where the value of a function's return goes: its call sites, or the calls it is handed to. */
function returnSites(index: SemanticIndex, fn: Node): Node[] {
  const name = fn.type === 'function_definition' ? fn.childForFieldName('name') : undefined;
  if (!name) return [];
  const definition = index.definitionsOf(name.text).find((d) => sameNode(d.node, name));
  if (!definition) return [];
  return index.dataflow.usesOf(definition).map((read) => read.node).filter((ref) => !sameNode(ref, name)).map((ref) => {
    const parent = ref.parent;
    return parent?.type === 'call' && sameNode(parent.childForFieldName('function'), ref) ? parent : ref;
  });
}

/** Questions about a tensor or array whose answer does not depend on the values drawn into it. */
const SHAPE_ATTRIBUTES = new Set(['shape', 'size', 'numel', 'dim', 'ndim', 'ndimension', 'dtype', 'device']);

/** How far a draw's value goes: to a result, only into shape questions, or somewhere unknown. */
type Reach = 'result' | 'shape-only' | 'unknown';

/**
 * True when the value drawn at `draw` (a call) reaches training data, a split, a model or a
 * metric; `inPlace` names the argument a draw shuffles in place (`np.random.shuffle(idx)`).
 * A draw inside a model or data class, or in a training step, is taken to shape it, unless all
 * its value is ever asked is a shape: `torch.rand(1, *shape)` pushed through the layers to learn
 * the size of their output (`.size(1)`, `.shape`, `.numel()`) gives the same size whatever is drawn.
 */
export function drawReachesResult(index: SemanticIndex, draw: Node, inPlace?: Node): boolean {
  const reach = followDraw(index, draw, inPlace);
  if (reach === 'result') return true;
  return reach !== 'shape-only' && (isModelOrDataClass(index, draw) || inTrainingStep(index, draw));
}

function followDraw(index: SemanticIndex, draw: Node, inPlace?: Node): Reach {
  const seen = new Set<number>();
  const queue: Node[] = inPlace?.type === 'identifier' ? readsAfter(index, inPlace, draw) : [draw];
  // What a function draws shapes what it returns or hands on: follow where the function goes
  // (called, or handed to a trainer as its collator).
  const fn = enclosingFunction(draw);
  if (fn) queue.push(...returnSites(index, fn));
  let steps = 0;
  let shapes = 0;
  let lost = queue.length === 0;
  while (queue.length > 0) {
    if (steps++ >= BUDGET) return 'unknown';
    const node = queue.shift()!;
    const parent = node.parent;
    if (!parent) { lost = true; continue; }
    if (seen.has(node.startIndex * 7 + node.endIndex)) continue;
    seen.add(node.startIndex * 7 + node.endIndex);
    if (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), node) && SHAPE_ATTRIBUTES.has(parent.childForFieldName('attribute')?.text ?? '')) {
      shapes++;
      continue;
    }
    if (CARRYING_PARENTS.has(parent.type) || (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), node))) {
      queue.push(parent);
      continue;
    }
    if (parent.type === 'call' || parent.type === 'argument_list' || parent.type === 'keyword_argument') {
      const callNode = parent.type === 'call' ? parent : parent.type === 'argument_list' ? parent.parent : parent.parent?.parent;
      const call = callNode?.type === 'call' ? index.call(callNode) : undefined;
      if (!call || !callNode) { lost = true; continue; }
      const keyword = parent.type === 'keyword_argument' ? parent.childForFieldName('name')?.text : undefined;
      if (isResultSink(index, call) || (keyword && PIPELINE_KEYWORDS.has(keyword))) return 'result';
      if (call.qname === 'builtins.len') { shapes++; continue; }
      if (call.qname && DISPLAY.test(call.qname)) { lost = true; continue; }
      queue.push(callNode);
      continue;
    }
    if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && sameNode(parent.childForFieldName('right'), node)) {
      const target = parent.childForFieldName('left');
      if (!target) { lost = true; continue; }
      const before = queue.length;
      for (const id of target.type === 'identifier' ? [target] : target.type === 'pattern_list' || target.type === 'tuple_pattern' ? target.namedChildren : []) {
        if (id?.type === 'identifier') queue.push(...usesOfTarget(index, id));
      }
      const root = objectRoot(target);
      if (root && root.type === 'identifier' && !sameNode(root, target)) {
        if (root.text === 'self' && isModelOrDataClass(index, parent)) return 'result';
        queue.push(...readsAfter(index, root, parent));
      }
      if (queue.length === before) lost = true;
      continue;
    }
    if (parent.type === 'return_statement') {
      const fn = enclosingFunction(parent);
      const sites = fn ? returnSites(index, fn) : [];
      if (sites.length === 0) lost = true;
      queue.push(...sites);
      continue;
    }
    if (parent.type === 'for_statement' && sameNode(parent.childForFieldName('right'), node)) {
      const left = parent.childForFieldName('left');
      for (const id of left?.type === 'identifier' ? [left] : left?.namedChildren ?? []) {
        if (id?.type === 'identifier') queue.push(...usesOfTarget(index, id));
      }
      continue;
    }
    lost = true;
  }
  return shapes > 0 && !lost ? 'shape-only' : 'unknown';
}
