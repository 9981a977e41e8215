// How the columns of a feature matrix were chosen, followed back from the matrix given to `fit`
// through names, conversions, preprocessing and splits: listed by name (`df[FEATURES]`), or
// "everything but" (`df.drop(columns=["y"])`, `df.iloc[:, :-1]`, `df.loc[:, df.columns != "y"]`,
// `y = df.pop("y")`). Rows may be filtered on the way; the column set is what matters.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { DataFlow } from '../../semantics/dataflow';
import { holdsData } from '../../semantics/dataflow';
import { unpackedElement } from '../../semantics/values';
import { columnList } from '../../semantics/columns';
import { stringValue } from '../../semantics/literals';
import { nodeKey, stripParens } from '../../semantics/nodes';
import type { CallSite } from '../../semantics/types';
import { mayBeSameObject, shortText } from './objects';
import { callResultValues } from './returnedValues';
import { transformerCall } from './transformers';
import { oncePer } from '../../engine/collections';

export type ColumnChoice =
  /** The columns are named in the code (a list, a constant, `usecols=`). */
  | { kind: 'listed' }
  /** The columns are whatever the frame has, minus some: `node` is where that is decided. */
  | { kind: 'all-but'; node: Node; frame: Node; description: string }
  | undefined;

const MAX_DEPTH = 16;
/** Methods that keep the columns of the frame (or array) they are called on. */
const KEEP_COLUMNS = new Set([
  'dropna', 'fillna', 'copy', 'astype', 'reset_index', 'to_numpy', 'sample', 'replace', 'interpolate', 'sort_values',
  'sort_index', 'bfill', 'ffill', 'infer_objects', 'convert_dtypes', 'clip', 'round', 'abs', 'rename', 'set_index',
  'head', 'tail', 'to_pandas', 'toPandas', 'compute', 'drop_duplicates', 'query', 'float', 'numpy', 'cpu', 'to_dict',
]);
/** Functions whose result has the columns of their first argument. */
const KEEP_COLUMNS_FUNCTIONS = new Set([
  'numpy.array', 'numpy.asarray', 'numpy.float32', 'numpy.float64', 'torch.tensor', 'torch.Tensor', 'torch.from_numpy',
  'torch.as_tensor', 'tensorflow.convert_to_tensor', 'tensorflow.constant', 'pandas.get_dummies', 'pandas.DataFrame',
  'xgboost.DMatrix', 'lightgbm.Dataset',
]);
const ROW_MASK_TYPES = new Set(['comparison_operator', 'boolean_operator', 'not_operator', 'binary_operator', 'unary_operator', 'call', 'attribute']);

/** `x.pop(label)` and `x.remove(label)` calls of a document, listed once per index (they are looked up for every name followed). */
const oneLabelCalls = oncePer((index: SemanticIndex) => {
  const withOneLabel = (method: string) => index.methodCalls(method).filter((call) => call.receiver && call.args.length === 1 && !call.hasSplat);
  return { pop: withOneLabel('pop'), remove: withOneLabel('remove') };
});
function callsWithOneLabel(flow: DataFlow, method: 'pop' | 'remove'): readonly CallSite[] {
  return oneLabelCalls(flow.index)[method];
}

/**
 * An answer of `columnChoice` for one expression, with how many levels below it the search went.
 * The depth limit is the only thing that makes an answer depend on where the search came from, so
 * an answer found without reaching the limit holds wherever `height` more levels fit under it.
 */
interface KnownChoice {
  choice: ColumnChoice;
  height: number;
}
const knownChoices = new WeakMap<DataFlow, Map<string, KnownChoice>>();
/** The search in progress: the deepest level it reached, and whether the depth limit cut it. */
const search = { deepest: 0, cut: false };

/**
 * How the columns of `expression` were chosen, when the code says so; undefined when it cannot tell.
 * Remembered per expression: every fit follows its matrix back through the same chain of names.
 */
export function columnChoice(flow: DataFlow, expression: Node, depth = 0): ColumnChoice {
  if (depth > MAX_DEPTH) {
    search.cut = true;
    return undefined;
  }
  let known = knownChoices.get(flow);
  if (!known) knownChoices.set(flow, (known = new Map()));
  const key = nodeKey(expression);
  const remembered = known.get(key);
  if (remembered && depth + remembered.height <= MAX_DEPTH) {
    search.deepest = Math.max(search.deepest, depth + remembered.height);
    return remembered.choice;
  }
  const outerDeepest = search.deepest;
  const outerCut = search.cut;
  search.deepest = depth;
  search.cut = false;
  const choice = chosenColumns(flow, expression, depth);
  if (!search.cut) known.set(key, { choice, height: search.deepest - depth });
  search.deepest = Math.max(outerDeepest, search.deepest);
  search.cut ||= outerCut;
  return choice;
}

function chosenColumns(flow: DataFlow, expression: Node, depth: number): ColumnChoice {
  const node = stripParens(expression);
  switch (node.type) {
    case 'identifier':
      return nameChoice(flow, node, depth);
    case 'attribute':
      return node.childForFieldName('attribute')?.text === 'values' ? next(flow, node.childForFieldName('object'), depth) : undefined;
    case 'subscript':
      return subscriptChoice(flow, node, depth);
    case 'call': {
      const call = flow.index.call(node);
      return call ? callChoice(flow, call, depth) : undefined;
    }
    default:
      return undefined;
  }
}

function next(flow: DataFlow, node: Node | null | undefined, depth: number): ColumnChoice {
  return node ? columnChoice(flow, node, depth + 1) : undefined;
}

/** A name: what every binding that reaches it chose, if they agree; or an in-place drop or `pop` on it. */
function nameChoice(flow: DataFlow, node: Node, depth: number): ColumnChoice {
  const read = flow.readAt(node);
  if (!read) return undefined;
  const inPlace = removedInPlace(flow, node);
  if (inPlace) return inPlace;
  const choices = flow.reachingDefinitions(read).map((definition) => {
    if ((definition.kind === 'assign' || definition.kind === 'walrus') && definition.value) return next(flow, definition.value, depth);
    if (definition.kind === 'unpack') return next(flow, unpackedElement(flow, definition), depth);
    return undefined;
  });
  const [first] = choices;
  if (!first) return undefined;
  return choices.every((choice) => choice && choice.kind === first.kind) ? first : undefined;
}

/** `df.drop(columns=["y"], inplace=True)` or `y = df.pop("y")` before the read of `df`. */
function removedInPlace(flow: DataFlow, node: Node): ColumnChoice {
  const read = flow.readAt(node)!;
  for (const write of flow.writesInto(read)) {
    const call = write.site.type === 'call' ? flow.index.call(write.site) : undefined;
    const dropped = call?.method === 'drop' ? droppedColumns(flow, call) : undefined;
    if (call && dropped !== undefined) return allBut(flow, call.node, node, { except: dropped });
  }
  for (const call of callsWithOneLabel(flow, 'pop')) {
    if (call.node.endIndex > node.startIndex || flow.kindOf(call.receiver!)?.kind !== 'frame' || !mayBeSameObject(flow, call.receiver!, node)) continue;
    return allBut(flow, call.node, node, { except: [call.args[0]] });
  }
  return undefined;
}

function callChoice(flow: DataFlow, call: CallSite, depth: number): ColumnChoice {
  const { index } = flow;
  const io = flow.dataIOAt(call.node);
  if (holdsData(io)) return io.direction === 'read' && (call.kwargs.has('usecols') || call.kwargs.has('columns')) ? { kind: 'listed' } : undefined;
  if (call.qname) return KEEP_COLUMNS_FUNCTIONS.has(call.qname) ? next(flow, call.args[0] ?? call.kwargs.get('data'), depth) : undefined;
  const transform = transformerCall(index, call);
  if (transform) return next(flow, transform.data, depth);
  if (!call.method || !call.receiver) return undefined;
  if (call.method === 'drop') {
    const dropped = droppedColumns(flow, call);
    if (dropped) return allBut(flow, call.node, call.receiver, { except: dropped });
    return dropsRows(call) ? next(flow, call.receiver, depth) : undefined;
  }
  return KEEP_COLUMNS.has(call.method) ? next(flow, call.receiver, depth) : undefined;
}

/** The labels a `drop` removes from the columns, or undefined when it does not drop columns. */
function droppedColumns(flow: DataFlow, call: CallSite): Node[] | undefined {
  if (call.hasSplat) return undefined;
  const columns = call.kwargs.get('columns');
  if (columns) return [columns];
  const axis = call.kwargs.get('axis') ?? call.args[1];
  const labels = call.args[0] ?? call.kwargs.get('labels');
  if (labels && axis && (axis.text === '1' || stringValue(axis) === 'columns')) return [labels];
  // polars and Spark drop columns only.
  const library = call.receiver ? flow.kindOf(call.receiver) : undefined;
  if (library?.kind === 'frame' && (library.library === 'polars' || library.library === 'spark') && call.args.length) return call.args;
  return undefined;
}

function dropsRows(call: CallSite): boolean {
  const axis = call.kwargs.get('axis');
  return call.kwargs.has('index') || (!!axis && (axis.text === '0' || stringValue(axis) === 'index'));
}

/** A subscript's frame (or array), the `.loc`/`.iloc` accessor it goes through, if any, and its indices. */
function subscriptParts(node: Node): { frame: Node; accessor: string | undefined; indices: Node[] } | undefined {
  const value = node.childForFieldName('value');
  const indices = node.childrenForFieldName('subscript').filter((child): child is Node => !!child);
  if (!value || indices.length === 0) return undefined;
  const accessor = value.type === 'attribute' ? value.childForFieldName('attribute')?.text : undefined;
  const frame = accessor === 'iloc' || accessor === 'loc' ? value.childForFieldName('object') : value;
  return frame ? { frame, accessor, indices } : undefined;
}

function subscriptChoice(flow: DataFlow, node: Node, depth: number): ColumnChoice {
  const parts = subscriptParts(node);
  if (!parts) return undefined;
  const { frame, accessor, indices } = parts;
  // One index on a frame picks columns (`df[cols]`, `df[mask]` picks rows); on `.loc`/`.iloc` it picks rows.
  if (indices.length === 1) {
    if (accessor === 'iloc' || accessor === 'loc') return next(flow, frame, depth);
    return columnsIndex(flow, frame, indices[0], depth, true);
  }
  if (indices.length !== 2) return undefined;
  const columns = indices[1];
  if (columns.type === 'slice') {
    const described = sliceDescription(columns);
    if (described === 'all') return next(flow, frame, depth);
    if (described && (accessor === 'iloc' || isArrayLike(flow, frame))) return allBut(flow, node, frame, { positions: described });
    return described ? undefined : { kind: 'listed' };
  }
  if (accessor === 'iloc') return /^-?\d+$/.test(columns.text) || columns.type === 'list' ? { kind: 'listed' } : undefined;
  return columnsIndex(flow, frame, columns, depth, false);
}

/** A column index (`df[cols]`, `df.loc[:, cols]`): listed names, a computed "all but", or (alone) a row mask. */
function columnsIndex(flow: DataFlow, frame: Node, index: Node, depth: number, mayBeRows: boolean): ColumnChoice {
  if (stringValue(index) !== undefined || columnList(flow, index)) return { kind: 'listed' };
  const computed = computedColumns(flow, index, 0);
  if (computed) return allBut(flow, index.parent ?? index, frame, computed);
  const mask = stripParens(index);
  if (mayBeRows && ROW_MASK_TYPES.has(mask.type) && !mask.text.includes('.columns')) return next(flow, frame, depth);
  return undefined;
}

/** How a column list computed from the frame's own columns filters them: the labels left out, or positions. */
type ColumnFilter = { except: Node[] } | { positions: string };

/** The filter of a column list computed from the frame's own columns, or undefined when it is not one. */
function computedColumns(flow: DataFlow, expression: Node, depth: number): ColumnFilter | undefined {
  const node = stripParens(expression);
  if (depth > 4) return undefined;
  switch (node.type) {
    case 'identifier': {
      const read = flow.readAt(node);
      const definitions = read ? flow.reachingDefinitions(read) : [];
      if (definitions.length !== 1 || definitions[0].kind !== 'assign' || !definitions[0].value) return undefined;
      const value = definitions[0].value;
      // `features = list(df.columns)` then `features.remove("y")`
      const removed = callsWithOneLabel(flow, 'remove').filter((call) => call.node.endIndex <= node.startIndex && mayBeSameObject(flow, call.receiver!, node));
      if (removed.length && isAllColumns(flow, value)) return { except: removed.map((call) => call.args[0]) };
      return computedColumns(flow, value, depth + 1);
    }
    case 'comparison_operator': {
      // `df.columns != "y"`, `df.columns.values != "y"`
      const [left, right] = node.namedChildren;
      const operator = node.childrenForFieldName('operators')[0]?.text;
      return operator === '!=' && left && right && isAllColumns(flow, left) ? { except: [right] } : undefined;
    }
    case 'unary_operator':
    case 'not_operator': {
      // `~df.columns.isin(["y", "id"])`
      const argument = node.childForFieldName('argument') ?? node.namedChild(0);
      const call = argument && stripParens(argument).type === 'call' ? flow.index.call(stripParens(argument)) : undefined;
      return call?.method === 'isin' && call.receiver && isAllColumns(flow, call.receiver) && call.args[0] ? { except: [call.args[0]] } : undefined;
    }
    case 'call': {
      const call = flow.index.call(node);
      if (!call) return undefined;
      if ((call.method === 'difference' || call.method === 'drop') && call.receiver && isAllColumns(flow, call.receiver) && call.args[0]) return { except: [call.args[0]] };
      if ((call.qname === 'builtins.list' || call.method === 'tolist') && (call.args[0] ?? call.receiver)) return computedColumns(flow, (call.args[0] ?? call.receiver)!, depth + 1);
      return undefined;
    }
    case 'list_comprehension':
    case 'generator_expression': {
      // `[c for c in df.columns if c not in ("y", "id")]`
      const source = node.namedChildren.find((child) => child?.type === 'for_in_clause')?.childForFieldName('right');
      const filter = node.namedChildren.find((child) => child?.type === 'if_clause')?.namedChild(0);
      if (!source || !filter || !isAllColumns(flow, source)) return undefined;
      const comparison = stripParens(filter);
      const operator = comparison.type === 'comparison_operator' ? comparison.childrenForFieldName('operators').map((o) => o?.text).join(' ') : undefined;
      const other = comparison.namedChildren[1];
      // Other conditions (`c.startswith("num_")`, a dtype test) choose columns by a rule of their own.
      return (operator === '!=' || operator === 'not in') && other ? { except: [other] } : undefined;
    }
    case 'subscript': {
      // `df.columns[:-1]`
      const value = node.childForFieldName('value');
      const index = node.childrenForFieldName('subscript')[0];
      const described = index?.type === 'slice' ? sliceDescription(index) : undefined;
      return value && isAllColumns(flow, value) && described && described !== 'all' ? { positions: described } : undefined;
    }
    default:
      return undefined;
  }
}

/** Every column of a frame: `df.columns`, `df.columns.values`, `list(df.columns)`, `df.columns.tolist()`, `list(df)`, `df` iterated. */
function isAllColumns(flow: DataFlow, expression: Node): boolean {
  const node = stripParens(expression);
  if (node.type === 'attribute') {
    const attribute = node.childForFieldName('attribute')?.text;
    const object = node.childForFieldName('object');
    return attribute === 'columns' || (attribute === 'values' && !!object && isAllColumns(flow, object));
  }
  if (node.type === 'identifier') return flow.kindOf(node)?.kind === 'frame';
  const call = node.type === 'call' ? flow.index.call(node) : undefined;
  if (call?.qname === 'builtins.list' && call.args.length === 1) return isAllColumns(flow, call.args[0]);
  return call?.method === 'tolist' && !!call.receiver && isAllColumns(flow, call.receiver);
}

/**
 * How a column slice reads: 'all' for `:` and `0:`, "but the last" for `:-1`, "from position 2 on"
 * for `2:`... (open at one end, so it takes whatever columns the frame has); undefined for a
 * slice closed at both ends (`2:5`), which names positions.
 */
function sliceDescription(slice: Node): string | undefined {
  const match = /^\s*(-?\d+)?\s*:\s*(-?\d+)?\s*$/.exec(slice.text);
  if (!match) return undefined;
  const start = match[1] === undefined ? 0 : Number(match[1]);
  const stop = match[2] === undefined ? undefined : Number(match[2]);
  if (start === 0 && stop === undefined) return 'all';
  if (stop !== undefined && stop >= 0 && start >= 0) return undefined;
  const parts: string[] = [];
  if (start > 0) parts.push(`from position ${start} on`);
  if (start < 0) parts.push(`from the ${-start}th last on`);
  if (stop !== undefined && stop < 0) parts.push(stop === -1 ? 'but the last' : `but the last ${-stop}`);
  return parts.join(' ');
}

/** A NumPy array or the values of a frame: `data[:, :-1]` slices its columns. */
function isArrayLike(flow: DataFlow, frame: Node): boolean {
  const node = stripParens(frame);
  if (node.type === 'attribute' && node.childForFieldName('attribute')?.text === 'values') return true;
  const kind = flow.kindOf(node);
  return kind?.kind === 'array' || kind?.kind === 'frame';
}

function allBut(flow: DataFlow, node: Node, frame: Node, filter: ColumnFilter): ColumnChoice {
  const of = `every column of ${shortText(frame)}`;
  if ('positions' in filter) return { kind: 'all-but', node, frame, description: `${of} ${filter.positions}` };
  const names = filter.except.flatMap((label) => {
    const single = stringValue(label);
    if (single !== undefined) return [`'${single}'`];
    return columnList(flow, label)?.map((name) => `'${name}'`) ?? [shortText(label, 30)];
  });
  return { kind: 'all-but', node, frame, description: `${of} except ${names.join(', ')}` };
}

/**
 * True when `expression` is a matrix of exactly one column, as the code spells it out: a frame's
 * one listed column (`df[["age"]]`, `df.loc[:, ["age"]]`), a vector made a column
 * (`x.reshape(-1, 1)`, `x.reshape((n, 1))`, `x[:, None]`, `x[:, np.newaxis]`), one column picked by
 * a one-item list (`X[:, [2]]`), and rows, copies, `.values` and training splits of those, through names.
 */
export function oneColumn(flow: DataFlow, expression: Node, depth = 0): boolean {
  const node = stripParens(expression);
  if (depth > MAX_DEPTH) return false;
  switch (node.type) {
    case 'identifier': {
      const read = flow.readAt(node);
      // A column written into it before the read (`X["area"] = ...`) makes it wider than its binding says.
      const definitions = read && flow.writesInto(read).length === 0 ? flow.reachingDefinitions(read) : [];
      return definitions.length > 0 && definitions.every((definition) => {
        const value = definition.kind === 'assign' || definition.kind === 'walrus' ? definition.value : definition.kind === 'unpack' ? unpackedElement(flow, definition) : undefined;
        return !!value && oneColumn(flow, value, depth + 1);
      });
    }
    case 'attribute': {
      const object = node.childForFieldName('object');
      return node.childForFieldName('attribute')?.text === 'values' && !!object && oneColumn(flow, object, depth + 1);
    }
    case 'call': {
      const call = flow.index.call(node);
      if (!call || call.hasSplat) return false;
      if (call.qname === 'numpy.array' || call.qname === 'numpy.asarray') return !!call.args[0] && oneColumn(flow, call.args[0], depth + 1);
      // A function of the file every `return` of which gives one column (`return X.reshape(-1, 1)`) gives one.
      const returned = call.receiver ? undefined : callResultValues(flow.index, node);
      if (returned) return returned.every((value) => oneColumn(flow, value, depth + 1));
      if (!call.receiver || call.qname) return false;
      if (call.method === 'reshape') return reshapedToOneColumn(call);
      // Methods that keep the columns keep one column one, but `reset_index` adds the index as a column.
      return !!call.method && KEEP_COLUMNS.has(call.method) && call.method !== 'reset_index' && oneColumn(flow, call.receiver, depth + 1);
    }
    case 'subscript':
      return oneColumnSubscript(flow, node, depth);
    default:
      return false;
  }
}

/** `reshape(-1, 1)`, `reshape(n, 1)`, `reshape((-1, 1))`: two dimensions, the second of size 1. */
function reshapedToOneColumn(call: CallSite): boolean {
  const tuple = call.args.length === 1 ? stripParens(call.args[0]) : undefined;
  const dimensions = tuple?.type === 'tuple' ? tuple.namedChildren.filter((child): child is Node => !!child) : call.args;
  return dimensions.length === 2 && dimensions[1].text === '1';
}

function oneColumnSubscript(flow: DataFlow, node: Node, depth: number): boolean {
  const parts = subscriptParts(node);
  if (!parts) return false;
  const { frame, accessor, indices } = parts;
  if (indices.length === 1) {
    const index = stripParens(indices[0]);
    // `df[["age"]]` picks one column; a string (`df["age"]`) a vector; any other index picks rows of the matrix.
    if (!accessor && (stringValue(index) !== undefined || index.type === 'list')) return columnList(flow, index)?.length === 1;
    return oneColumn(flow, frame, depth + 1);
  }
  if (indices.length !== 2) return false;
  const columns = stripParens(indices[1]);
  if (columns.type === 'none' || /^(np|numpy)\.newaxis$/.test(columns.text)) return !accessor && indices[0].text.trim() === ':';
  if (columns.type === 'list') return columns.namedChildren.filter((child) => child?.type !== 'comment').length === 1;
  return sliceDescription(columns) === 'all' && oneColumn(flow, frame, depth + 1);
}
