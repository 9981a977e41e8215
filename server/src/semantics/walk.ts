// The one walk over a document's trees. Each tree is copied into a syntax table by one cursor
// walk (syntax.ts); the nodes of the kinds the index and the rules ask about are then listed by
// kind, in document order (cells in order). Every later question — a node's parent, children,
// fields or text — is answered from the table in JavaScript, never by another call into
// tree-sitter. Everything else in the index is derived from these lists.
import type { Language, Node, Tree } from 'web-tree-sitter';
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

/** The collected nodes by type, in document order (cells in order). */
export interface NodesByType {
  get(type: string): readonly Node[] | undefined;
}

export interface WalkResult {
  byType: NodesByType;
  /** Module nodes of the trees, in document order. */
  roots: Node[];
  /** Number of nodes visited (named and anonymous). */
  visited: number;
}

/**
 * Collected kinds by symbol id, as the index of their type in COLLECTED_TYPES (-1: not collected):
 * one array read per row instead of a string compare. Several ids can share a type (aliases);
 * they share its index. ERROR (symbol 65535) is not in the array: callers test it first.
 */
const slotsByLanguage = new WeakMap<Language, Int16Array>();
const TYPE_SLOT: ReadonlyMap<string, number> = new Map(COLLECTED_TYPES.map((type, slot) => [type, slot]));
const ERROR_SLOT = TYPE_SLOT.get('ERROR')!;

/** The last answer of collectedSlots: there is one language, and ancestor climbs ask per row. */
let lastSlots: { language: Language; slots: Int16Array } | undefined;

export function collectedSlots(table: SyntaxTable): Int16Array {
  const language = table.tree.language;
  if (lastSlots?.language === language) return lastSlots.slots;
  let slots = slotsByLanguage.get(language);
  if (!slots) {
    slots = new Int16Array(language.types.length).fill(-1);
    for (let id = 0; id < language.types.length; id++) {
      const slot = TYPE_SLOT.get(language.types[id]);
      if (slot !== undefined && language.nodeTypeIsNamed(id)) slots[id] = slot;
    }
    slotsByLanguage.set(language, slots);
  }
  lastSlots = { language, slots };
  return slots;
}

/**
 * The syntax tables of one open document's previous version, so the next version copies only
 * what its edit changed: a tree that stood through the edit (a notebook cell, a chunk of a long
 * script) keeps its table, shifted in place when the edit moved it; a re-parsed tree that is its segment's
 * only one reuses the rows of the top-level statements the edit did not touch. The language
 * server keeps one per open document; the CLI none.
 */
export class SyntaxTables {
  private byTree = new Map<Tree, PreviousTable>();
  private bySegment = new Map<string, PreviousTable>();
  /** The parse the previous tables were built from: an edit from any other version cannot reuse them. */
  private generation = -1;

  /** The tables of a parsed version, in the order of its trees; remembers them for the next. */
  tablesOf(parsed: ParsedDocument): SyntaxTable[] {
    const { doc } = parsed;
    const byTree = new Map<Tree, PreviousTable>();
    const bySegment = new Map<string, PreviousTable>();
    const follows = parsed.change?.after === this.generation;
    const treesOfSegment = new Map<number, number>();
    for (const { segmentIndex } of parsed.trees) treesOfSegment.set(segmentIndex, (treesOfSegment.get(segmentIndex) ?? 0) + 1);
    const tables = parsed.trees.map(({ tree, segmentIndex, chunkStart }) => {
      const segment = doc.segments[segmentIndex];
      const startOffset = chunkStart ?? segment.startOffset;
      const only = treesOfSegment.get(segmentIndex) === 1;
      const before = !follows ? undefined : this.byTree.get(tree) ?? (only ? this.bySegment.get(segment.uri) : undefined);
      let table: SyntaxTable;
      if (before && before.table.tree === tree) {
        // The tree stood: its table too, moved by as much as the edit moved the tree.
        table = before.table;
        table.shift(startOffset - before.startOffset);
        table.retarget(doc.text, doc.lineStarts);
      } else {
        const reuse = before && { table: before.table, edit: parsed.change!.edit };
        table = new SyntaxTable(tree, doc.text, doc.lineStarts, reuse);
      }
      table.kept = true;
      const previous = { table, startOffset };
      byTree.set(tree, previous);
      if (only) bySegment.set(segment.uri, previous);
      return table;
    });
    this.byTree = byTree;
    this.bySegment = bySegment;
    this.generation = parsed.generation;
    return tables;
  }
}

/** A table of the previous version, and where its tree's text started then. */
interface PreviousTable {
  table: SyntaxTable;
  startOffset: number;
}

/** Copies each tree of a document into a syntax table (no previous version to reuse). */
export function tablesOf(parsed: ParsedDocument): SyntaxTable[] {
  return parsed.trees.map(({ tree }) => new SyntaxTable(tree, parsed.doc.text, parsed.doc.lineStarts));
}

/**
 * The collected rows of one table, grouped by type: `rows[offsets[slot] .. offsets[slot + 1])` are
 * the rows of COLLECTED_TYPES[slot], in row order. One typed array per table, filled by a
 * counting pass and a placing pass over the kinds column: growing a list per type made the walk
 * the largest allocation of an analysis.
 */
interface CollectedRows {
  rows: Int32Array;
  offsets: Int32Array;
}

/**
 * The collected rows of each table, kept with it: a table's kinds never change (an edit that
 * moves it shifts only its offsets), so a notebook cell or script chunk the edit left standing
 * is not counted again.
 */
const collectedOfTable = new WeakMap<SyntaxTable, CollectedRows>();

function collectedRows(table: SyntaxTable): CollectedRows {
  let collected = collectedOfTable.get(table);
  if (!collected) collectedOfTable.set(table, (collected = collectRows(table)));
  return collected;
}

function collectRows(table: SyntaxTable): CollectedRows {
  const slots = collectedSlots(table);
  const { kinds, size } = table;
  const offsets = new Int32Array(COLLECTED_TYPES.length + 1);
  for (let row = 1; row < size; row++) {
    const kind = kinds[row];
    const slot = kind === ERROR_SYMBOL ? ERROR_SLOT : slots[kind];
    if (slot >= 0) offsets[slot + 1]++;
  }
  for (let slot = 0; slot < COLLECTED_TYPES.length; slot++) offsets[slot + 1] += offsets[slot];
  const rows = new Int32Array(offsets[COLLECTED_TYPES.length]);
  const next = offsets.slice(0, COLLECTED_TYPES.length);
  for (let row = 1; row < size; row++) {
    const kind = kinds[row];
    const slot = kind === ERROR_SYMBOL ? ERROR_SLOT : slots[kind];
    if (slot >= 0) rows[next[slot]++] = row;
  }
  return { rows, offsets };
}

export function walkTrees(tables: readonly SyntaxTable[]): WalkResult {
  const roots: Node[] = [];
  let visited = 0;
  const collected: CollectedRows[] = [];
  for (const table of tables) {
    visited += table.size;
    roots.push(table.root);
    collected.push(collectedRows(table));
  }
  return { byType: new NodeLists(tables, collected), roots, visited };
}

/**
 * The lists of collected nodes, each made on the first question about its type: the walk keeps
 * row numbers, and only the types the index and the rules ask for become nodes (blocks,
 * expression statements, argument lists, operators and numbers are collected for the ancestor
 * questions, which read rows, and are seldom listed).
 */
class NodeLists implements NodesByType {
  private readonly lists = new Map<string, Node[]>();

  constructor(private readonly tables: readonly SyntaxTable[], private readonly collected: readonly CollectedRows[]) {}

  get(type: string): readonly Node[] | undefined {
    let list = this.lists.get(type);
    if (list) return list;
    const rootOfType = this.tables.some((table) => table.typeOf(0) === type);
    if (!COLLECTED.has(type) && !rootOfType) return undefined;
    list = [];
    const slot = TYPE_SLOT.get(type);
    for (let t = 0; t < this.tables.length; t++) {
      const table = this.tables[t];
      // The root first, even when it is not a collected kind: code that fails to parse as a
      // whole has an ERROR root, and the empty module is still the module.
      if (rootOfType && table.typeOf(0) === type) list.push(table.root);
      if (slot === undefined) continue;
      const { rows, offsets } = this.collected[t];
      for (let i = offsets[slot], end = offsets[slot + 1]; i < end; i++) list.push(table.node(rows[i]));
    }
    this.lists.set(type, list);
    return list;
  }
}
