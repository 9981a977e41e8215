// Parent links recorded by the walk, per tree. tree-sitter's `node.parent` re-descends from the
// root on every call (slow in long modules); the walk already knows each collected node's nearest
// collected ancestor, so ancestor questions about collected types are answered from here.
import type { Node, Tree } from 'web-tree-sitter';

const registry = new WeakMap<Tree, Map<number, Node | null>>();

export function recordParents(tree: Tree, parents: Map<number, Node | null>): void {
  registry.set(tree, parents);
}

/**
 * The nearest collected ancestor of a node the walk collected: a Node, null at the root, or
 * undefined when the walk did not see this node (then only `node.parent` can tell).
 */
export function collectedParent(node: Node): Node | null | undefined {
  return registry.get(node.tree)?.get(node.id);
}
