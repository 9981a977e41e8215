// The one walk over a document's trees. It visits every node once, in document order (cells in
// order), and files the named nodes of the kinds the index and the rules ask about by type.
// Everything else in the index is derived from these lists, never from another walk.
import type { Node, Tree } from 'web-tree-sitter';

/** Node types collected by the walk. Rules read them through `SemanticIndex.nodes(type)`. */
export const COLLECTED_TYPES = [
  'import_statement', 'import_from_statement', 'future_import_statement',
  'call', 'attribute', 'subscript', 'identifier', 'keyword_argument',
  'assignment', 'augmented_assignment', 'named_expression', 'delete_statement',
  'for_statement', 'while_statement', 'for_in_clause', 'with_statement', 'with_item',
  'if_statement', 'elif_clause', 'else_clause', 'conditional_expression', 'try_statement', 'except_clause',
  'function_definition', 'class_definition', 'decorated_definition', 'lambda', 'parameters', 'lambda_parameters',
  'global_statement', 'nonlocal_statement', 'return_statement', 'expression_statement',
  'comparison_operator', 'boolean_operator', 'not_operator', 'binary_operator', 'unary_operator',
  'string', 'concatenated_string', 'integer', 'float', 'comment',
  'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression',
  'assert_statement', 'ERROR',
] as const;

export type CollectedType = (typeof COLLECTED_TYPES)[number];

export interface WalkResult {
  byType: Map<string, Node[]>;
  /** Module nodes of the trees, in document order. */
  roots: Node[];
  /** Number of nodes visited (named and anonymous). */
  visited: number;
}

const COLLECTED = new Set<string>(COLLECTED_TYPES);

export function walkTrees(trees: readonly Tree[]): WalkResult {
  const byType = new Map<string, Node[]>();
  for (const type of COLLECTED_TYPES) byType.set(type, []);
  const roots: Node[] = [];
  let visited = 0;
  for (const tree of trees) {
    roots.push(tree.rootNode);
    const cursor = tree.walk();
    try {
      // Iterative pre-order traversal: descend, else move right, else climb until we can.
      for (;;) {
        visited++;
        const type = cursor.nodeType;
        if (COLLECTED.has(type) && (cursor.nodeIsNamed || type === 'ERROR')) byType.get(type)!.push(cursor.currentNode);
        if (cursor.gotoFirstChild()) continue;
        let moved = cursor.gotoNextSibling();
        while (!moved && cursor.gotoParent()) moved = cursor.gotoNextSibling();
        if (!moved) break;
      }
    } finally {
      cursor.delete();
    }
  }
  return { byType, roots, visited };
}
