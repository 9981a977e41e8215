// What kind of thing an expression holds, where the code says so clearly: a data frame from a
// reader, a model from a known constructor, predictions from `predict` or from calling a network.
// Conservative: anything unclear is unknown, and a name is followed only when every binding that
// can reach the read agrees.
import type { Node } from 'web-tree-sitter';
import { isEstimatorConstructor, ML_PACKAGES, modelSelectionName } from './library/packages';
import type { DataFlow } from './dataflow';
import type { SemanticIndex } from './index';
import { holdsData } from './dataio';
import { innermostValue } from './definitions';
import { nodeKey, stripParens } from './nodes';
import type { CallSite, Definition } from './types';
import { FIGURE_MAKERS, FIGURE_PART_METHODS, FIT_RETURNS_SELF, FRAME_CONSTRUCTORS, FRAME_METHODS, MODEL_BASES, MODEL_FACTORIES, NETWORK, PREDICTION_FUNCTIONS, PREDICTION_METHODS, PROBABILITY_FUNCTIONS, SCORE_METHODS, TENSOR_PROBABILITY_METHODS, TO_PANDAS } from './library/values';
import type { FrameLibrary, ScoreKind } from './library/values';

export type { FrameLibrary, ScoreKind } from './library/values';

export type ValueKind =
  /** A data frame (or a column or slice of one), by library: pandas-only rules check `library`. */
  | { kind: 'frame'; library: FrameLibrary; origin: Node }
  /** A NumPy array loaded from disk. */
  | { kind: 'array'; origin: Node }
  /** Any other loaded data set (Hugging Face, scikit-learn, Keras, torchvision). */
  | { kind: 'dataset'; origin: Node }
  /** A model: `className` is the qualified constructor (`sklearn.ensemble.RandomForestClassifier`) or `local:Net`. */
  | { kind: 'model'; className: string; origin: Node }
  /** Model output: labels, probabilities or decision scores. */
  | { kind: 'predictions'; score: ScoreKind; origin: Node }
  /** A matplotlib figure, its axes or an array of axes: what is handed to its methods is drawn. */
  | { kind: 'figure'; origin: Node };


/** The kind of the value of `expression`, or undefined when it is not clear. */
export function evaluateKind(flow: DataFlow, expression: Node, depth: number): ValueKind | undefined {
  if (depth > 12) return undefined;
  const node = stripParens(expression);
  switch (node.type) {
    case 'identifier': {
      const read = flow.readAt(node);
      if (!read) return undefined;
      return agreed(flow.reachingDefinitions(read).map((definition) => definitionKind(flow, definition, depth + 1)));
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      const kind = value ? flow.kindOf(value, depth + 1) : undefined;
      return kind && kind.kind !== 'model' ? kind : undefined;
    }
    case 'attribute': {
      const attribute = node.childForFieldName('attribute')?.text;
      const object = node.childForFieldName('object');
      if (!object || !attribute) return undefined;
      const kind = flow.kindOf(object, depth + 1);
      if (kind?.kind === 'predictions' && (attribute === 'values' || attribute === 'T')) return kind;
      if (kind?.kind === 'frame' && ['loc', 'iloc', 'T'].includes(attribute)) return kind;
      return undefined;
    }
    case 'call': {
      const call = flow.index.call(node);
      return call ? callKind(flow, call, depth) : undefined;
    }
    default:
      return undefined;
  }
}

function callKind(flow: DataFlow, call: CallSite, depth: number): ValueKind | undefined {
  const { index } = flow;
  const origin = call.node;
  const read = flow.dataIOAt(call.node);
  if (read?.direction === 'read' && holdsData(read)) {
    return read.holds === 'frame' ? { kind: 'frame', library: read.library as FrameLibrary, origin } : { kind: read.holds, origin };
  }
  const className = modelClass(flow, call);
  if (className) return { kind: 'model', className, origin };

  const q = call.qname;
  if (call.method && SCORE_METHODS[call.method] && call.receiver && index.importsAny(ML_PACKAGES)) return { kind: 'predictions', score: SCORE_METHODS[call.method], origin };
  if (q && PROBABILITY_FUNCTIONS.has(q)) return { kind: 'predictions', score: 'probability', origin };
  if (call.method && TENSOR_PROBABILITY_METHODS.has(call.method) && index.importsModule('torch')) return { kind: 'predictions', score: 'probability', origin };
  if (q && PREDICTION_FUNCTIONS.has(q) && call.args[0]) {
    const inner = flow.kindOf(call.args[0], depth + 1);
    if (inner?.kind === 'predictions') return inner;
  }
  if (q && FRAME_CONSTRUCTORS[q]) return { kind: 'frame', library: FRAME_CONSTRUCTORS[q], origin };
  if (q && FIGURE_MAKERS.test(q)) return { kind: 'figure', origin };
  if ((q === 'sklearn.base.clone' || q === 'copy.deepcopy' || q === 'copy.copy') && call.args[0]) {
    const inner = flow.kindOf(call.args[0], depth + 1);
    return inner?.kind === 'model' ? inner : undefined;
  }

  // `net(x)`: a forward pass through a network.
  const callee = flow.kindOf(call.callee, depth + 1);
  if (callee?.kind === 'model' && NETWORK.test(callee.className)) return { kind: 'predictions', score: 'prediction', origin };

  if (call.method && call.receiver) {
    const receiver = flow.kindOf(call.receiver, depth + 1);
    if (receiver?.kind === 'predictions' && PREDICTION_METHODS.has(call.method)) return receiver;
    if (receiver?.kind === 'frame') {
      if (TO_PANDAS.has(call.method)) return { kind: 'frame', library: 'pandas', origin };
      if (FRAME_METHODS[receiver.library].has(call.method)) return receiver;
    }
    if (receiver?.kind === 'model' && call.method === 'fit' && FIT_RETURNS_SELF.test(receiver.className)) return receiver;
    if (receiver?.kind === 'figure' && FIGURE_PART_METHODS.has(call.method)) return receiver;
  }
  return undefined;
}

/** The model class a call constructs, if it clearly builds a model. */
export function modelClass(flow: DataFlow, call: CallSite): string | undefined {
  const { index } = flow;
  if (call.qname) return isEstimatorConstructor(call.qname) || MODEL_FACTORIES.some((pattern) => pattern.test(call.qname!)) ? call.qname : undefined;
  if (call.callee.type !== 'identifier' || !index.classes.has(call.callee.text)) return undefined;
  const className = `local:${call.callee.text}`;
  return index.resolve(call.callee.text, call.callee).kind === 'local' && index.classMatches(className, (q) => MODEL_BASES.test(q)) ? className : undefined;
}

function definitionKind(flow: DataFlow, definition: Definition, depth: number): ValueKind | undefined {
  if ((definition.kind === 'assign' || definition.kind === 'walrus') && definition.value) return flow.kindOf(definition.value, depth);
  // A parameter every call of its function hands pyplot's figure or axes (`imscatter(x, y, ax_images)`
  // with `fig_images, ax_images = plt.subplots()`) is that figure: what the function hands its methods is drawn.
  if (definition.kind === 'param') {
    const passed = flow.index.passedArguments(definition.node)?.map((argument) => flow.kindOf(argument, depth + 1));
    const first = passed?.[0];
    return first?.kind === 'figure' && passed!.every((kind) => kind?.kind === 'figure') ? first : undefined;
  }
  if (definition.kind === 'unpack') {
    const element = unpackedElement(flow, definition);
    if (element) return flow.kindOf(element, depth);
    // `fig, ax = plt.subplots()`: every part of what pyplot makes is the figure or its axes.
    const value = definition.statement.type === 'assignment' ? innermostValue(definition.statement) : undefined;
    const whole = value ? flow.kindOf(value, depth) : undefined;
    return whole?.kind === 'figure' ? whole : undefined;
  }
  return undefined;
}

/**
 * The expression an unpacked name receives, where it is clear: the matching element of a tuple or
 * list (`a, b = x, y`, also through a name bound to one), or the matching input of
 * `train_test_split` (`X_tr, X_te, y_tr, y_te`).
 */
export function unpackedElement(flow: DataFlow, definition: Definition): Node | undefined {
  const left = definition.statement.childForFieldName('left');
  const right = definition.statement.type === 'assignment' ? innermostValue(definition.statement) : undefined;
  if (!left || !right) return undefined;
  const position = left.namedChildren.findIndex((child) => child?.startIndex === definition.node.startIndex);
  if (position < 0) return undefined;
  const value = stripParens(right);
  if (value.type === 'expression_list' || value.type === 'tuple') return value.namedChild(position) ?? undefined;
  // `a, b = [x, y]`, or `a, b = pair` where `pair = [x, y]`: the matching element, when the counts agree.
  const listed = stripParens(value.type === 'identifier' ? flow.index.valueOf(value) : value);
  if (['list', 'tuple', 'expression_list'].includes(listed.type) && listed.namedChildCount === left.namedChildCount) return listed.namedChild(position) ?? undefined;
  const call = value.type === 'call' ? flow.index.call(value) : undefined;
  if (call && modelSelectionName(call.qname) === 'sklearn.model_selection.train_test_split' && !call.hasSplat) return call.args[Math.floor(position / 2)];
  return undefined;
}

const CYCLE = 'cycle';
/** What a library checker remembers per value expression: its answer, none (`null`), or "being asked" (a cycle). */
export type CheckerMemo<K> = WeakMap<SemanticIndex, Map<string, K | null | typeof CYCLE>>;

/**
 * How a library checker follows a name (the engine's rule for every checker): its answer for the
 * value of each binding that can reach the read — asked once per value and remembered; a binding
 * reached only through itself (a loop's `df = df.dropna()`) adds nothing; a binding with no value
 * the checker can read (`for`, `with`, unpacking) answers undefined; a parameter answers
 * `ofParameter`. Undefined when no binding reaches the read: the caller decides. The checker then
 * folds the answers, unknown where they disagree.
 */
export function bindingKinds<K>(index: SemanticIndex, identifier: Node, memo: CheckerMemo<K>, ofValue: (value: Node) => K | undefined, ofParameter: () => K | undefined): (K | undefined)[] | undefined {
  const flow = index.dataflow;
  const read = flow.readAt(identifier);
  const definitions = read ? flow.reachingDefinitions(read) : [];
  if (definitions.length === 0) return undefined;
  let remembered = memo.get(index);
  if (!remembered) memo.set(index, (remembered = new Map()));
  const kinds: (K | undefined)[] = [];
  for (const definition of definitions) {
    if (definition.kind === 'param') {
      // Asked once per parameter too: a recursive function that passes its parameter on
      // (`walk(df, node.left) | walk(df, node.right)`) asked every call site again at every level,
      // exponential in the calls. A parameter reached again through its own calls is unknown there.
      const key = `param ${nodeKey(definition.node)}`;
      let kind = remembered.get(key);
      if (kind === undefined) {
        remembered.set(key, CYCLE);
        kind = ofParameter() ?? null;
        remembered.set(key, kind);
      }
      kinds.push(kind === CYCLE || kind === null ? undefined : kind);
      continue;
    }
    const value = definition.kind === 'assign' || definition.kind === 'walrus' ? definition.value : undefined;
    if (!value) return [undefined];
    const key = nodeKey(value);
    let kind = remembered.get(key);
    if (kind === undefined) {
      remembered.set(key, CYCLE);
      kind = ofValue(value) ?? null;
      remembered.set(key, kind);
    }
    if (kind !== CYCLE) kinds.push(kind ?? undefined);
  }
  return kinds;
}

/** The common kind of all bindings, or undefined when any is unknown or they disagree. */
function agreed(kinds: (ValueKind | undefined)[]): ValueKind | undefined {
  const [first] = kinds;
  if (!first) return undefined;
  const same = (a: ValueKind, b: ValueKind): boolean => a.kind === b.kind
    && (a.kind !== 'frame' || a.library === (b as typeof a).library)
    && (a.kind !== 'model' || a.className === (b as typeof a).className)
    && (a.kind !== 'predictions' || a.score === (b as typeof a).score);
  return kinds.every((kind) => kind && same(kind, first)) ? first : undefined;
}
