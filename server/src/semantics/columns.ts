// Column lists written out in the code: `["age", "income"]`, a name bound to one (`FEATURES`),
// `FEATURES + ["target"]`, `list(FEATURES)`, and appends to such a list. They tell a selection of
// named columns (`df[FEATURES]`) from a mask or a computed list, for the lineage and for rules.
import type { Node } from 'web-tree-sitter';
import type { DataFlow, NameRead } from './dataflow';
import { stringValue } from './literals';
import { enclosingLoops, stripParens } from './nodes';

const MAX_DEPTH = 6;
const LIST_TYPES = new Set(['list', 'tuple', 'set']);

/**
 * The strings of a column list, when the code spells every one of them out; undefined otherwise.
 * A name counts when every binding that reaches the read is such a list (their union is taken,
 * with the strings appended to it before the read), so the answer never misses a column.
 */
export function columnList(flow: DataFlow, expression: Node, depth = 0): string[] | undefined {
  const node = stripParens(expression);
  if (depth > MAX_DEPTH) return undefined;
  if (LIST_TYPES.has(node.type)) {
    const values = node.namedChildren.map((child) => (child ? stringValue(child) : undefined));
    return values.every((value) => value !== undefined) ? (values as string[]) : undefined;
  }
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const a = left ? columnList(flow, left, depth + 1) : undefined;
    const b = right ? columnList(flow, right, depth + 1) : undefined;
    return a && b ? [...a, ...b] : undefined;
  }
  if (node.type === 'call') {
    const call = flow.index.call(node);
    return (call?.qname === 'builtins.list' || call?.qname === 'builtins.tuple') && call.args.length === 1 && call.kwargs.size === 0
      ? columnList(flow, call.args[0], depth + 1)
      : undefined;
  }
  if (node.type !== 'identifier') return undefined;
  const read = flow.readAt(node);
  const definitions = read ? flow.reachingDefinitions(read) : [];
  if (!read || definitions.length === 0) return undefined;
  const columns = new Set<string>();
  for (const definition of definitions) {
    if ((definition.kind !== 'assign' && definition.kind !== 'walrus') || !definition.value) return undefined;
    const values = columnList(flow, definition.value, depth + 1);
    if (!values) return undefined;
    for (const value of values) columns.add(value);
  }
  for (const write of flow.writesInto(read)) {
    if (write.kind !== 'method') return undefined;
    for (const value of write.values) {
      const added = stringValue(value) ?? undefined;
      const many = added === undefined ? columnList(flow, value, depth + 1) : [added];
      if (!many) return undefined;
      for (const column of many) columns.add(column);
    }
  }
  return [...columns];
}

/** Steps that keep a list of column names a list of some of the frame's names (`.tolist()`, `.drop(...)`). */
const NAME_LIST_METHODS = new Set(['tolist', 'to_list', 'drop', 'difference', 'copy']);
/** Frame methods whose result has some of the frame's columns (`df.select_dtypes(...).columns`). */
const COLUMN_SUBSET_METHODS = new Set(['select_dtypes', 'drop', 'copy', 'dropna', 'fillna', 'head']);

/**
 * Where a list of column names was taken from the columns of the frame `frame` reads, when it was
 * (`df.columns`, `df.select_dtypes("number").columns.tolist()`, `list(df.columns)`, a comprehension
 * filtering one, a name bound to one): the offset of the latest such reading of that frame (over the
 * same bindings as `frame`, in the same function). The list holds no column written into the frame after that point that
 * the frame did not have then. Undefined when any part is built otherwise, or read in a loop, which
 * may take the columns again after the write.
 */
export function columnsTakenAt(flow: DataFlow, expression: Node, frame: NameRead, depth = 0): number | undefined {
  const node = stripParens(expression);
  if (depth > MAX_DEPTH) return undefined;
  if (node.type === 'attribute') {
    const object = node.childForFieldName('object');
    if (!object) return undefined;
    if (node.childForFieldName('attribute')?.text === 'columns') return columnsOfFrameAt(flow, object, frame);
    return undefined;
  }
  if (node.type === 'list_comprehension') {
    const clauses = node.namedChildren.filter((child) => child?.type === 'for_in_clause');
    const source = clauses.length === 1 ? clauses[0]!.childForFieldName('right') : undefined;
    return source ? columnsTakenAt(flow, source, frame, depth + 1) : undefined;
  }
  if (node.type === 'call') {
    const call = flow.index.call(node);
    if (!call) return undefined;
    if (call.qname === 'builtins.list' && call.args.length === 1 && call.kwargs.size === 0) return columnsTakenAt(flow, call.args[0], frame, depth + 1);
    return call.method && NAME_LIST_METHODS.has(call.method) && call.receiver ? columnsTakenAt(flow, call.receiver, frame, depth + 1) : undefined;
  }
  if (node.type !== 'identifier') return undefined;
  const read = flow.readAt(node);
  const definitions = read ? flow.reachingDefinitions(read) : [];
  if (!read || definitions.length === 0) return undefined;
  let latest = -1;
  for (const definition of definitions) {
    if (definition.kind !== 'assign' || !definition.value || insideLoop(definition.node)) return undefined;
    const at = columnsTakenAt(flow, definition.value, frame, depth + 1);
    if (at === undefined) return undefined;
    latest = Math.max(latest, at);
  }
  return latest;
}

/** The offset of `object` when it reads the frame `frame` reads (or a frame method's subset of it), over the same bindings. */
function columnsOfFrameAt(flow: DataFlow, object: Node, frame: NameRead): number | undefined {
  let node = stripParens(object);
  while (node.type === 'call') {
    const call = flow.index.call(node);
    if (!call?.method || !COLUMN_SUBSET_METHODS.has(call.method) || !call.receiver) return undefined;
    node = stripParens(call.receiver);
  }
  if (node.type !== 'identifier' || node.text !== frame.name || insideLoop(node)) return undefined;
  const read = flow.readAt(node);
  if (!read || read.function !== frame.function) return undefined;
  const here = flow.reachingDefinitions(read);
  const there = flow.reachingDefinitions(frame);
  return here.length > 0 && here.length === there.length && here.every((definition) => there.includes(definition)) ? node.startIndex : undefined;
}

const insideLoop = (node: Node): boolean => enclosingLoops(node).length > 0;
