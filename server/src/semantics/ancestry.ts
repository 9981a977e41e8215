// Ancestor links for the nodes of the walk. Every node of a syntax table knows its parent, so the
// nearest ancestor of a collected kind is a climb over the table's rows; the answer is limited to
// collected kinds because that is what ancestor questions about collected nodes were defined over.
import type { Node } from 'web-tree-sitter';
import { ERROR_SYMBOL, SyntaxNode } from './syntax';
import { collectedSlots } from './walk';

/**
 * The nearest collected ancestor of a collected node of a syntax table: a Node, null at the root,
 * or undefined for a node the walk did not collect (then its plain `parent` chain answers).
 */
export function collectedParent(node: Node): Node | null | undefined {
  if (!(node instanceof SyntaxNode)) return undefined;
  const { table, row } = node;
  const slots = collectedSlots(table);
  const { kinds, parents } = table;
  if (kinds[row] !== ERROR_SYMBOL && !(slots[kinds[row]] >= 0)) return undefined;
  for (let r = parents[row]; r >= 0; r = parents[r]) if (kinds[r] === ERROR_SYMBOL || slots[kinds[r]] >= 0) return table.node(r);
  return null;
}
