// Column lists written out in the code: `["age", "income"]`, a name bound to one (`FEATURES`),
// `FEATURES + ["target"]`, `list(FEATURES)`, and appends to such a list. They tell a selection of
// named columns (`df[FEATURES]`) from a mask or a computed list, for the lineage and for rules.
import type { Node } from 'web-tree-sitter';
import type { DataFlow } from './dataflow';
import { stringValue } from './literals';
import { stripParens } from './nodes';

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
