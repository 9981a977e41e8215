// The one walk over a document's trees. It collects, in document order (cells in order), the
// named nodes of the kinds the index and the rules ask about — in one call into tree-sitter per
// tree — and records for each of them its nearest collected ancestor, derived from how their
// ranges nest, so that ancestor questions (which function, loop, statement or scope holds this
// node?) are answered in JavaScript instead of through tree-sitter's `parent`, which re-descends
// from the root on every call. Everything else in the index is derived from these lists.
import type { Node, Tree } from 'web-tree-sitter';
import { recordParents } from './ancestry';

/** Node types collected by the walk. Rules read them through `SemanticIndex.nodes(type)`. */
export const COLLECTED_TYPES = [
  'module', 'block',
  // statements (every statement is collected, so "the statement holding X" is always known)
  'import_statement', 'import_from_statement', 'future_import_statement', 'expression_statement', 'return_statement',
  'delete_statement', 'raise_statement', 'pass_statement', 'break_statement', 'continue_statement',
  'global_statement', 'nonlocal_statement', 'assert_statement', 'print_statement', 'exec_statement',
  'type_alias_statement', 'if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement',
  'function_definition', 'class_definition', 'decorated_definition', 'match_statement',
  // clauses and expressions
  'elif_clause', 'else_clause', 'except_clause', 'finally_clause', 'with_item', 'for_in_clause',
  'call', 'attribute', 'subscript', 'identifier', 'keyword_argument', 'argument_list',
  'assignment', 'augmented_assignment', 'named_expression', 'conditional_expression',
  'lambda', 'parameters', 'lambda_parameters',
  'comparison_operator', 'boolean_operator', 'not_operator', 'binary_operator', 'unary_operator',
  'string', 'concatenated_string', 'integer', 'float', 'comment',
  'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression',
  'ERROR',
] as const;

export type CollectedType = (typeof COLLECTED_TYPES)[number];

export const COLLECTED: ReadonlySet<string> = new Set<string>(COLLECTED_TYPES);

export interface WalkResult {
  byType: Map<string, Node[]>;
  /** Module nodes of the trees, in document order. */
  roots: Node[];
  /** Number of nodes visited (named and anonymous). */
  visited: number;
}

const COLLECTED_LIST = [...COLLECTED_TYPES];

export function walkTrees(trees: readonly Tree[]): WalkResult {
  const byType = new Map<string, Node[]>();
  for (const type of COLLECTED_TYPES) byType.set(type, []);
  const roots: Node[] = [];
  let visited = 0;
  for (const tree of trees) {
    const root = tree.rootNode;
    roots.push(root);
    visited += root.descendantCount;
    // Pre-order, the root first (an empty module is not returned, so it is added). The root is not
    // always a module: code that fails to parse as a whole has an ERROR root, returned like any other.
    const found = root.descendantsOfType(COLLECTED_LIST);
    const nodes = found.length > 0 && found[0].id === root.id ? found : [root, ...found];
    const parents = new Map<number, Node | null>();
    // Nodes still open (containing the current position), with their end offsets.
    const open: Node[] = [];
    const openEnds: number[] = [];
    for (const node of nodes) {
      const type = node.type;
      // The grammar also has an anonymous `lambda` keyword token; only the expression counts.
      if (type === 'lambda' && !node.isNamed) continue;
      const end = node.endIndex;
      // In pre-order, the nearest open node that contains this one is its nearest collected
      // ancestor (a parent comes before a child that spans the same text).
      while (open.length > 0 && openEnds[openEnds.length - 1] < end) {
        open.pop();
        openEnds.pop();
      }
      while (open.length > 0 && open[open.length - 1].startIndex > node.startIndex) {
        open.pop();
        openEnds.pop();
      }
      // Error recovery can reuse one subtree (one id) at two places; keeping the first parent
      // keeps every chain pointing to earlier nodes, so it can never loop.
      if (!parents.has(node.id)) parents.set(node.id, open.length > 0 ? open[open.length - 1] : null);
      open.push(node);
      openEnds.push(end);
      byType.get(type)!.push(node);
    }
    recordParents(tree, parents);
  }
  return { byType, roots, visited };
}
