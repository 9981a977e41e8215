// The one walk over a document's trees. Each tree is copied into a syntax table by one cursor
// walk (syntax.ts); the nodes of the kinds the index and the rules ask about are then listed by
// kind, in document order (cells in order). Every later question — a node's parent, children,
// fields or text — is answered from the table in JavaScript, never by another call into
// tree-sitter. Everything else in the index is derived from these lists.
import type { Language, Node } from 'web-tree-sitter';
import type { ParsedDocument } from '../parsing/incremental';
import { ERROR_SYMBOL, SyntaxTable } from './syntax';

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

const collectedByLanguage = new WeakMap<Language, boolean[]>();

/** Collected kinds by symbol id: one array lookup per row instead of a string compare. */
function collectedKinds(table: SyntaxTable): boolean[] {
  const language = table.tree.language;
  let wanted = collectedByLanguage.get(language);
  if (!wanted) {
    wanted = [];
    for (let id = 0; id < language.types.length; id++) wanted.push(COLLECTED.has(language.types[id]) && language.nodeTypeIsNamed(id));
    collectedByLanguage.set(language, wanted);
  }
  return wanted;
}

/** Whether the walk collects the node of this row (ERROR nodes always). */
export function isCollectedRow(table: SyntaxTable, row: number): boolean {
  const kind = table.kinds[row];
  return kind === ERROR_SYMBOL || collectedKinds(table)[kind] === true;
}

/**
 * The syntax tables of one open document's previous version, by segment, so the next version
 * copies only what its edit changed: a notebook cell whose tree stood keeps its table (shifted
 * when the edit moved it), and a re-parsed tree reuses the rows of the top-level statements the
 * edit did not touch. The language server keeps one per open document; the CLI none.
 */
export class SyntaxTables {
  private previous = new Map<string, { table: SyntaxTable; startOffset: number }>();
  /** The parse the previous tables were built from: an edit from any other version cannot reuse them. */
  private generation = -1;

  /** The tables of a parsed version, in the order of its trees; remembers them for the next. */
  tablesOf(parsed: ParsedDocument): SyntaxTable[] {
    const { doc } = parsed;
    const next = new Map<string, { table: SyntaxTable; startOffset: number }>();
    const tables = parsed.trees.map(({ tree, segmentIndex }) => {
      const segment = doc.segments[segmentIndex];
      const before = parsed.change?.after === this.generation ? this.previous.get(segment.uri) : undefined;
      let table: SyntaxTable;
      if (before && before.table.tree === tree && before.startOffset === segment.startOffset) {
        // The tree stood and did not move: its rows, text slices and positions are the same.
        table = before.table;
        table.retarget(doc.text, doc.lineStarts);
      } else {
        const reuse = before && { table: before.table, edit: parsed.change!.edit, delta: segment.startOffset - before.startOffset };
        table = new SyntaxTable(tree, doc.text, doc.lineStarts, reuse);
      }
      next.set(segment.uri, { table, startOffset: segment.startOffset });
      return table;
    });
    this.previous = next;
    this.generation = parsed.generation;
    return tables;
  }
}

/** Copies each tree of a document into a syntax table (no previous version to reuse). */
export function tablesOf(parsed: ParsedDocument): SyntaxTable[] {
  return parsed.trees.map(({ tree }) => new SyntaxTable(tree, parsed.doc.text, parsed.doc.lineStarts));
}

export function walkTrees(tables: readonly SyntaxTable[]): WalkResult {
  const byType = new Map<string, Node[]>();
  for (const type of COLLECTED_TYPES) byType.set(type, []);
  const roots: Node[] = [];
  let visited = 0;
  for (const table of tables) {
    visited += table.size;
    const wanted = collectedKinds(table);
    // The root first, even when it is not a collected kind: code that fails to parse as a
    // whole has an ERROR root, and the empty module is still the module.
    roots.push(table.root);
    const rootType = table.typeOf(0);
    byType.get(rootType)?.push(table.root) ?? byType.set(rootType, [table.root]);
    const { kinds, size } = table;
    // The list of each collected kind, by symbol id: one array read per row, not a string lookup
    // (ERROR's id, 65535, kept apart so that the array stays dense).
    const lists: (Node[] | undefined)[] = new Array<Node[] | undefined>(wanted.length).fill(undefined);
    const errors = byType.get('ERROR')!;
    for (let row = 1; row < size; row++) {
      const kind = kinds[row];
      if (kind === ERROR_SYMBOL) errors.push(table.node(row));
      else if (wanted[kind]) (lists[kind] ??= byType.get(table.typeOf(row))!).push(table.node(row));
    }
  }
  return { byType, roots, visited };
}
