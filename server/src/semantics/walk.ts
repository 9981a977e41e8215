// The one walk over a document's trees. It visits every node once, in document order (cells in
// order), files the named nodes of the kinds the index and the rules ask about by type, and
// records for each of them its nearest collected ancestor — so that ancestor questions (which
// function, loop, statement or scope holds this node?) are answered in JavaScript instead of
// through tree-sitter's `parent`, which re-descends from the root on every call.
// Everything else in the index is derived from these lists, never from another walk.
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

/** Which type ids of a language are collected (ids are cheaper to read from a cursor than names). */
const collectedIds = new WeakMap<object, Uint8Array>();

function collectedTypeIds(tree: Tree): Uint8Array {
  const language = tree.language;
  let ids = collectedIds.get(language);
  if (!ids) {
    ids = new Uint8Array(language.nodeTypeCount + 1);
    for (let id = 0; id <= language.nodeTypeCount; id++) {
      const name = language.nodeTypeForId(id);
      if (name && COLLECTED.has(name) && (language.nodeTypeIsNamed(id) || name === 'ERROR')) ids[id] = 1;
    }
    collectedIds.set(language, ids);
  }
  return ids;
}

export function walkTrees(trees: readonly Tree[]): WalkResult {
  const byType = new Map<string, Node[]>();
  for (const type of COLLECTED_TYPES) byType.set(type, []);
  const roots: Node[] = [];
  let visited = 0;
  for (const tree of trees) {
    roots.push(tree.rootNode);
    const wanted = collectedTypeIds(tree);
    const parents = new Map<number, Node | null>();
    // The collected ancestors of the cursor's position, with their depths.
    const stack: Node[] = [];
    const depths: number[] = [];
    let depth = 0;
    const cursor = tree.walk();
    try {
      // Iterative pre-order traversal: descend, else move right, else climb until we can.
      for (;;) {
        visited++;
        const typeId = cursor.nodeTypeId;
        if (wanted[typeId] === 1 || (typeId === 65535 /* ERROR */ && cursor.nodeType === 'ERROR')) {
          const node = cursor.currentNode;
          while (depths.length > 0 && depths[depths.length - 1] >= depth) {
            depths.pop();
            stack.pop();
          }
          parents.set(node.id, stack.length > 0 ? stack[stack.length - 1] : null);
          stack.push(node);
          depths.push(depth);
          byType.get(node.type)!.push(node);
        }
        if (cursor.gotoFirstChild()) {
          depth++;
          continue;
        }
        let moved = cursor.gotoNextSibling();
        while (!moved && cursor.gotoParent()) {
          depth--;
          moved = cursor.gotoNextSibling();
        }
        if (!moved) break;
      }
    } finally {
      cursor.delete();
    }
    recordParents(tree, parents);
  }
  return { byType, roots, visited };
}
