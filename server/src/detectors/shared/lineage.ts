// The lineage of an expression, asked once per analysis: several rules follow the same training
// inputs back (the cascade, the hand-made pipeline, the unchecked data), so each expression's
// lineage is kept for the document version, beside the index it was computed from.
import type { Node } from 'web-tree-sitter';
import type { DataFlow, Lineage } from '../../semantics/dataflow';
import { nodeKey } from '../../semantics/nodes';

const cache = new WeakMap<DataFlow, Map<string, Lineage>>();

/**
 * Where the data of the expressions came from (`DataFlow.lineage`), one expression at a time so
 * that each is followed once; the result is shared and must not be changed.
 */
export function lineageOf(flow: DataFlow, ...expressions: Node[]): Lineage {
  let known = cache.get(flow);
  if (!known) cache.set(flow, (known = new Map()));
  const parts = expressions.map((expression) => {
    const key = nodeKey(expression);
    let lineage = known!.get(key);
    if (!lineage) known!.set(key, (lineage = flow.lineage(expression)));
    return lineage;
  });
  if (parts.length === 1) return parts[0];
  return {
    definitions: [...new Set(parts.flatMap((part) => part.definitions))],
    calls: [...new Set(parts.flatMap((part) => part.calls))].sort((a, b) => a.node.startIndex - b.node.startIndex),
    mutations: [...new Set(parts.flatMap((part) => part.mutations))],
    truncated: parts.some((part) => part.truncated),
  };
}
