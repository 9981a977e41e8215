// Ancestor links for the nodes of the walk. Every node of a syntax table knows its parent, so the
// nearest ancestor of a collected kind is a climb in JavaScript; the answer is limited to collected
// kinds because that is what ancestor questions about collected nodes were defined over.
import type { Node } from 'web-tree-sitter';
import { SyntaxNode } from './syntax';
import { COLLECTED } from './walk';

/**
 * The nearest collected ancestor of a collected node of a syntax table: a Node, null at the root,
 * or undefined for a node the walk did not collect (then its plain `parent` chain answers).
 */
export function collectedParent(node: Node): Node | null | undefined {
  if (!(node instanceof SyntaxNode) || !isCollected(node)) return undefined;
  for (let current = node.parent; current; current = current.parent) if (isCollected(current)) return current;
  return null;
}

function isCollected(node: SyntaxNode): boolean {
  return node.isNamed && COLLECTED.has(node.type);
}
