// A JavaScript-side copy of a parse tree, built by one cursor walk. Each call into
// web-tree-sitter crosses into WebAssembly and allocates (a `Node` re-reads its end, type and
// children on every access, and `parent` re-descends from the root), which made the index and the
// rules cost several times the parse. The table holds every node's kind, range, field and links
// in typed arrays, in pre-order (so a node's descendants are the rows after it up to its
// `subtreeEnd`), and text is a slice of the source. `SyntaxNode` puts web-tree-sitter's `Node`
// interface over one row, so the index and the rules read the table without knowing it; the few
// questions it does not keep (parse states, changes, errors below a node) go to the real node.
import type { Language, Node, Point, Tree, TreeCursor, Edit } from 'web-tree-sitter';
import { walkTree, type CursorWalk } from '../parsing/wasmCursor';
import nodeTypes from 'tree-sitter-python/src/node-types.json';
import { computeLineStarts, positionAt } from '../documents/positions';

/** The symbol tree-sitter gives an ERROR node. */
export const ERROR_SYMBOL = 65535;

/**
 * Node kinds whose children can carry a field name, from the grammar's own description: the
 * walk asks tree-sitter for a child's field only under these (and ERROR, to be safe), which
 * saves a call into WebAssembly for most nodes.
 */
const KINDS_WITH_FIELDS: ReadonlySet<string> = new Set([
  'ERROR',
  ...(nodeTypes as { type: string; fields?: Record<string, unknown> }[]).filter((t) => t.fields && Object.keys(t.fields).length > 0).map((t) => t.type),
]);

const languageFacts = new WeakMap<Language, LanguageFacts>();

interface LanguageFacts {
  types: string[];
  named: boolean[];
  fieldIds: Map<string, number>;
  /** By symbol id: can a child of this kind have a field? */
  hasFields: boolean[];
}

function factsOf(language: Language): LanguageFacts {
  let facts = languageFacts.get(language);
  if (!facts) {
    const named: boolean[] = [];
    for (let id = 0; id < language.types.length; id++) named.push(language.nodeTypeIsNamed(id));
    const fieldIds = new Map<string, number>();
    language.fields.forEach((name, id) => { if (name) fieldIds.set(name, id); });
    const hasFields = language.types.map((type) => KINDS_WITH_FIELDS.has(type));
    facts = { types: language.types, named, fieldIds, hasFields };
    languageFacts.set(language, facts);
  }
  return facts;
}

let nextTableId = 1;

/** Bytes of one row: eight 32-bit columns (offsets and links) and two 16-bit ones (kind, field). */
const BYTES_PER_ROW = 8 * 4 + 2 * 2;

export class SyntaxTable {
  readonly size: number;
  readonly kinds: Uint16Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly fields: Uint16Array;
  readonly parents: Int32Array;
  readonly firstChildren: Int32Array;
  readonly lastChildren: Int32Array;
  readonly nextSiblings: Int32Array;
  readonly previousSiblings: Int32Array;
  /** The row after a node's last descendant: its descendants are the rows in between. */
  readonly subtreeEnds: Int32Array;
  /** Offsets of the lines of the source, for positions (tree-sitter, like documents/, counts rows by `\n`). */
  private lines: { text: string; lineStarts: number[] } | undefined;
  private readonly rows: (SyntaxNode | undefined)[];
  private readonly facts: LanguageFacts;
  /** Ids of this table's nodes are `idBase + row`: unique across the tables of a process. */
  readonly idBase: number;
  /** The text the offsets index: the document's (a notebook's virtual source); see `retarget`. */
  private sourceText: string;

  /** Rows taken from the previous version's table instead of walked (tests and benches check reuse). */
  reusedRows = 0;
  /**
   * Set when the language server keeps the table for the next version (SyntaxTables): facts
   * drawn from its rows alone may then be kept with it (calls.ts). The CLI's tables are used once.
   */
  kept = false;

  /**
   * `lineStarts`, when given, are the source's (a document's, shared by the trees of its cells).
   * `previous` is the table of the same segment in the document's previous version: the re-parsed
   * tree reuses the rows of the top-level statements the edit did not touch (see TableReuse). A
   * tree that stood through the edit keeps its table (see `shift`).
   */
  constructor(readonly tree: Tree, source: string, lineStarts?: number[], previous?: TableReuse) {
    this.sourceText = source;
    if (lineStarts) this.lines = { text: source, lineStarts };
    this.facts = factsOf(tree.language);
    const cursor = walkTree(tree);
    const capacity = cursor.descendantCount();
    // One buffer for the ten columns: a table per notebook cell made ten allocations per cell.
    const buffer = new ArrayBuffer(capacity * BYTES_PER_ROW);
    let offset = 0;
    const int32 = () => { const column = new Int32Array(buffer, offset, capacity); offset += 4 * capacity; return column; };
    this.starts = new Uint32Array(buffer, offset, capacity);
    offset += 4 * capacity;
    this.ends = new Uint32Array(buffer, offset, capacity);
    offset += 4 * capacity;
    this.parents = int32();
    this.firstChildren = int32().fill(-1);
    this.lastChildren = int32().fill(-1);
    this.nextSiblings = int32().fill(-1);
    this.previousSiblings = int32().fill(-1);
    this.subtreeEnds = int32();
    this.kinds = new Uint16Array(buffer, offset, capacity);
    offset += 2 * capacity;
    this.fields = new Uint16Array(buffer, offset, capacity);
    const reuse = previous?.edit ? new TopLevelReuse(previous.table, previous.edit) : undefined;
    this.size = this.fill(cursor, capacity, reuse);
    this.rows = new Array<SyntaxNode | undefined>(this.size);
    this.idBase = nextTableId;
    nextTableId += this.size;
  }

  /**
   * Moves a table whose tree stood through an edit by `delta` characters, in place: its offsets
   * and the nodes already made from it, which the next version's analysis then uses again (a
   * typed character above would otherwise remake every node below it). A table belongs to the
   * latest version of its document; no analysis of an older one reads it after this.
   */
  shift(delta: number): void {
    this.reusedRows = this.size;
    if (delta === 0) return;
    const { starts, ends, rows, size } = this;
    for (let row = 0; row < size; row++) {
      starts[row] += delta;
      ends[row] += delta;
      const node = rows[row];
      if (node) node.startIndex += delta;
    }
  }

  /**
   * Points a table that stands unchanged in a new version of its document (the same text at the
   * same offsets) at that version's text, so that the table does not keep old versions alive.
   */
  retarget(source: string, lineStarts: number[]): void {
    this.sourceText = source;
    this.lines = { text: source, lineStarts };
  }

  /** The one walk: pre-order, every node (named and anonymous), its links built on a stack. */
  private fill(cursor: CursorWalk, capacity: number, reuse?: TopLevelReuse): number {
    const { kinds, starts, ends, fields, parents, firstChildren, lastChildren, nextSiblings, previousSiblings, subtreeEnds } = this;
    const { hasFields } = this.facts;
    const open: number[] = [];
    let count = 0;
    try {
      for (;;) {
        if (count >= capacity) throw new Error('syntax table: more nodes than the tree counted');
        const row = count++;
        const parent = open.length > 0 ? open[open.length - 1] : -1;
        kinds[row] = cursor.typeId();
        starts[row] = cursor.startIndex();
        ends[row] = cursor.endIndex();
        parents[row] = parent;
        if (parent >= 0) {
          const parentKind = kinds[parent];
          if (parentKind === ERROR_SYMBOL || hasFields[parentKind]) fields[row] = cursor.fieldId();
          const previous = lastChildren[parent];
          if (previous < 0) firstChildren[parent] = row;
          else {
            nextSiblings[previous] = row;
            previousSiblings[row] = previous;
          }
          lastChildren[parent] = row;
        }
        // A top-level statement: copied from the previous version when the edit left it as it was.
        const copied = parent === 0 && reuse ? this.copyTopLevel(cursor, row, reuse) : 0;
        if (copied > 0) count = row + copied;
        else if (cursor.gotoFirstChild()) {
          open.push(row);
          continue;
        }
        subtreeEnds[row] = count;
        while (!cursor.gotoNextSibling()) {
          if (open.length === 0 || !cursor.gotoParent()) return count;
          subtreeEnds[open.pop()!] = count;
        }
      }
    } finally {
      cursor.delete();
    }
  }

  /**
   * When the previous version has the top-level statement at the cursor untouched by the edit,
   * copies its descendants' rows after `row` (links moved to the new rows) and returns how many
   * rows the statement takes; 0 when it must be walked.
   */
  private copyTopLevel(cursor: CursorWalk, row: number, reuse: TopLevelReuse): number {
    if (this.kinds[0] === ERROR_SYMBOL) return 0;
    const from = reuse.rowFor(this.kinds[row], this.starts[row], this.ends[row]);
    if (from < 0 || cursor.hasError()) return 0;
    const old = reuse.table;
    const size = old.subtreeEnds[from] - from;
    this.reusedRows += size;
    const moved = row - from;
    const delta = reuse.deltaAt(old.starts[from]);
    const link = (r: number) => (r < 0 ? r : r + moved);
    this.firstChildren[row] = link(old.firstChildren[from]);
    this.lastChildren[row] = link(old.lastChildren[from]);
    this.subtreeEnds[row] = row + size;
    for (let r = from + 1; r < from + size; r++) {
      const to = r + moved;
      this.kinds[to] = old.kinds[r];
      this.starts[to] = old.starts[r] + delta;
      this.ends[to] = old.ends[r] + delta;
      this.fields[to] = old.fields[r];
      this.parents[to] = old.parents[r] + moved;
      this.firstChildren[to] = link(old.firstChildren[r]);
      this.lastChildren[to] = link(old.lastChildren[r]);
      this.nextSiblings[to] = link(old.nextSiblings[r]);
      this.previousSiblings[to] = link(old.previousSiblings[r]);
      this.subtreeEnds[to] = old.subtreeEnds[r] + moved;
    }
    return size;
  }

  node(row: number): SyntaxNode {
    return (this.rows[row] ??= new SyntaxNode(this, row));
  }

  nodeOrNull(row: number): SyntaxNode | null {
    return row < 0 ? null : this.node(row);
  }

  get root(): SyntaxNode {
    return this.node(0);
  }

  typeOf(row: number): string {
    const kind = this.kinds[row];
    return this.facts.types[kind] || 'ERROR';
  }

  isNamed(row: number): boolean {
    const kind = this.kinds[row];
    return kind === ERROR_SYMBOL || this.facts.named[kind] === true;
  }

  fieldId(name: string): number {
    return this.facts.fieldIds.get(name) ?? -1;
  }

  fieldName(row: number): string | null {
    return this.fields[row] === 0 ? null : this.tree.language.fields[this.fields[row]] ?? null;
  }

  text(row: number): string {
    return this.sourceText.slice(this.starts[row], this.ends[row]);
  }

  pointAt(offset: number): Point {
    this.lines ??= { text: this.sourceText, lineStarts: computeLineStarts(this.sourceText) };
    const { line, character } = positionAt(this.lines, offset);
    return { row: line, column: character };
  }

  /** Rows of the given kinds in [from, to), in pre-order. */
  rowsOfTypes(types: ReadonlySet<string>, from = 0, to = this.size): number[] {
    const found: number[] = [];
    for (let row = from; row < to; row++) if (types.has(this.typeOf(row))) found.push(row);
    return found;
  }

  /** The web-tree-sitter node of a row, for the questions the table does not keep: the same path of child positions from the root. */
  treeNode(row: number): Node {
    const path: number[] = [];
    for (let r = row; this.parents[r] >= 0; r = this.parents[r]) {
      let position = 0;
      for (let sibling = this.previousSiblings[r]; sibling >= 0; sibling = this.previousSiblings[sibling]) position++;
      path.push(position);
    }
    let node: Node | null = this.tree.rootNode;
    for (let i = path.length - 1; i >= 0 && node; i--) node = node.child(path[i]);
    if (!node) throw new Error(`syntax table: no tree node for row ${row}`);
    return node;
  }
}

/** The table of a segment in the previous version of its document, and the edit between the two. */
export interface TableReuse {
  table: SyntaxTable;
  /** The edit from the previous text to this one; none when the text did not change. */
  edit: Edit | undefined;
}

/**
 * Whether a row's subtree has no syntax error: no ERROR node and no zero-width node (tree-sitter's
 * MISSING nodes, inserted by error recovery, are zero-width; a clean Python tree has none we
 * keep). Conservative: a statement it refuses is walked again.
 */
function clean(table: SyntaxTable, row: number): boolean {
  const { kinds, starts, ends } = table;
  for (let r = row, end = table.subtreeEnds[row]; r < end; r++) if (kinds[r] === ERROR_SYMBOL || starts[r] === ends[r]) return false;
  return true;
}

/**
 * Finds, for a top-level statement of the new tree, the same statement in the previous table: the
 * same kind at the same place once the edit's shift is applied, lying wholly before or after the
 * edited span (so its text is the same), and clean in both versions. Python's top-level statements
 * are parsed from the same state (no indentation, no enclosing bracket), so the same text of the
 * same kind over the same span is the same subtree.
 */
class TopLevelReuse {
  private readonly byStart = new Map<number, number>();
  private readonly shift: number;

  constructor(readonly table: SyntaxTable, private readonly edit: Edit) {
    this.shift = edit.newEndIndex - edit.oldEndIndex;
    if (table.kinds[0] === ERROR_SYMBOL) return;
    for (let r = table.firstChildren[0]; r >= 0; r = table.nextSiblings[r]) {
      if (!clean(table, r)) continue;
      if (table.ends[r] < edit.startIndex) this.byStart.set(table.starts[r], r);
      else if (table.starts[r] > edit.oldEndIndex) this.byStart.set(table.starts[r] + this.shift, r);
    }
  }

  /** How far a previous row starting at `start` moved. */
  deltaAt(start: number): number {
    return start > this.edit.oldEndIndex ? this.shift : 0;
  }

  /** The previous table's row of the same statement, or -1. */
  rowFor(kind: number, start: number, end: number): number {
    const row = this.byStart.get(start);
    if (row === undefined || this.table.kinds[row] !== kind) return -1;
    return this.table.ends[row] + this.deltaAt(this.table.starts[row]) === end ? row : -1;
  }
}

/** web-tree-sitter's `Node`, answered from one row of a `SyntaxTable`. */
export class SyntaxNode implements Node {
  /** Kept in the node, the most read fact; moved with its table (SyntaxTable.shift). */
  startIndex: number;

  // Three fields: a node is made for every collected row, and each field more was a tenth of
  // the index's allocations.
  constructor(readonly table: SyntaxTable, readonly row: number) {
    this.startIndex = table.starts[row];
  }

  get id(): number { return this.table.idBase + this.row; }
  get tree(): Tree { return this.table.tree; }

  get startPosition(): Point { return this.table.pointAt(this.startIndex); }
  get endPosition(): Point { return this.table.pointAt(this.endIndex); }
  get endIndex(): number { return this.table.ends[this.row]; }
  get typeId(): number { return this.table.kinds[this.row]; }
  get grammarId(): number { return this.raw.grammarId; }
  get type(): string { return this.table.typeOf(this.row); }
  get grammarType(): string { return this.raw.grammarType; }
  get isNamed(): boolean { return this.table.isNamed(this.row); }
  get isExtra(): boolean { return this.raw.isExtra; }
  get isError(): boolean { return this.table.kinds[this.row] === ERROR_SYMBOL; }
  get isMissing(): boolean { return this.raw.isMissing; }
  get hasChanges(): boolean { return this.raw.hasChanges; }
  get hasError(): boolean { return this.raw.hasError; }
  get text(): string { return this.table.text(this.row); }
  get parseState(): number { return this.raw.parseState; }
  get nextParseState(): number { return this.raw.nextParseState; }

  /** The web-tree-sitter node this row copies. */
  get raw(): Node { return this.table.treeNode(this.row); }

  equals(other: Node): boolean {
    return other instanceof SyntaxNode ? other.id === this.id : this.raw.equals(other);
  }

  get childCount(): number {
    let count = 0;
    for (let r = this.table.firstChildren[this.row]; r >= 0; r = this.table.nextSiblings[r]) count++;
    return count;
  }

  get namedChildCount(): number {
    let count = 0;
    for (let r = this.table.firstChildren[this.row]; r >= 0; r = this.table.nextSiblings[r]) if (this.table.isNamed(r)) count++;
    return count;
  }

  child(index: number): SyntaxNode | null {
    let i = 0;
    for (let r = this.table.firstChildren[this.row]; r >= 0; r = this.table.nextSiblings[r]) if (i++ === index) return this.table.node(r);
    return null;
  }

  namedChild(index: number): SyntaxNode | null {
    let i = 0;
    for (let r = this.table.firstChildren[this.row]; r >= 0; r = this.table.nextSiblings[r]) {
      if (this.table.isNamed(r) && i++ === index) return this.table.node(r);
    }
    return null;
  }

  get children(): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    for (let r = this.table.firstChildren[this.row]; r >= 0; r = this.table.nextSiblings[r]) found.push(this.table.node(r));
    return found;
  }

  get namedChildren(): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    for (let r = this.table.firstChildren[this.row]; r >= 0; r = this.table.nextSiblings[r]) if (this.table.isNamed(r)) found.push(this.table.node(r));
    return found;
  }

  childForFieldId(fieldId: number): SyntaxNode | null {
    for (let r = this.table.firstChildren[this.row]; r >= 0; r = this.table.nextSiblings[r]) if (this.table.fields[r] === fieldId) return this.table.node(r);
    return null;
  }

  childForFieldName(fieldName: string): SyntaxNode | null {
    const id = this.table.fieldId(fieldName);
    return id < 0 ? null : this.childForFieldId(id);
  }

  childrenForFieldId(fieldId: number): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    for (let r = this.table.firstChildren[this.row]; r >= 0; r = this.table.nextSiblings[r]) if (this.table.fields[r] === fieldId) found.push(this.table.node(r));
    return found;
  }

  childrenForFieldName(fieldName: string): SyntaxNode[] {
    const id = this.table.fieldId(fieldName);
    return id < 0 ? [] : this.childrenForFieldId(id);
  }

  fieldNameForChild(index: number): string | null {
    const child = this.child(index);
    return child ? this.table.fieldName(child.row) : null;
  }

  fieldNameForNamedChild(index: number): string | null {
    const child = this.namedChild(index);
    return child ? this.table.fieldName(child.row) : null;
  }

  firstChildForIndex(index: number): SyntaxNode | null {
    for (let r = this.table.firstChildren[this.row]; r >= 0; r = this.table.nextSiblings[r]) if (this.table.ends[r] > index) return this.table.node(r);
    return null;
  }

  firstNamedChildForIndex(index: number): SyntaxNode | null {
    for (let r = this.table.firstChildren[this.row]; r >= 0; r = this.table.nextSiblings[r]) {
      if (this.table.isNamed(r) && this.table.ends[r] > index) return this.table.node(r);
    }
    return null;
  }

  get firstChild(): SyntaxNode | null { return this.table.nodeOrNull(this.table.firstChildren[this.row]); }
  get lastChild(): SyntaxNode | null { return this.table.nodeOrNull(this.table.lastChildren[this.row]); }

  get firstNamedChild(): SyntaxNode | null { return this.namedAlong(this.table.firstChildren[this.row], this.table.nextSiblings); }

  get lastNamedChild(): SyntaxNode | null { return this.namedAlong(this.table.lastChildren[this.row], this.table.previousSiblings); }

  get nextSibling(): SyntaxNode | null { return this.table.nodeOrNull(this.table.nextSiblings[this.row]); }
  get previousSibling(): SyntaxNode | null { return this.table.nodeOrNull(this.table.previousSiblings[this.row]); }

  get nextNamedSibling(): SyntaxNode | null { return this.namedAlong(this.table.nextSiblings[this.row], this.table.nextSiblings); }
  get previousNamedSibling(): SyntaxNode | null { return this.namedAlong(this.table.previousSiblings[this.row], this.table.previousSiblings); }

  /** The first named node from row `from` on, following `links` (siblings forwards or backwards). */
  private namedAlong(from: number, links: Int32Array): SyntaxNode | null {
    for (let r = from; r >= 0; r = links[r]) if (this.table.isNamed(r)) return this.table.node(r);
    return null;
  }

  /** This node and its descendants, as tree-sitter counts them. */
  get descendantCount(): number { return this.table.subtreeEnds[this.row] - this.row; }

  get parent(): SyntaxNode | null { return this.table.nodeOrNull(this.table.parents[this.row]); }

  descendantsOfType(types: string | string[], startPosition?: Point, endPosition?: Point): Node[] {
    if (startPosition || endPosition) return this.raw.descendantsOfType(types, startPosition, endPosition);
    const wanted = new Set(typeof types === 'string' ? [types] : types);
    return this.table.rowsOfTypes(wanted, this.row, this.table.subtreeEnds[this.row]).map((row) => this.table.node(row));
  }

  childWithDescendant(descendant: Node): SyntaxNode | null {
    if (!(descendant instanceof SyntaxNode) || descendant.table !== this.table) return null;
    let r = descendant.row;
    while (r >= 0 && this.table.parents[r] !== this.row) r = this.table.parents[r];
    return this.table.nodeOrNull(r);
  }

  descendantForIndex(start: number, end?: number): Node | null { return this.raw.descendantForIndex(start, end); }
  namedDescendantForIndex(start: number, end?: number): Node | null { return this.raw.namedDescendantForIndex(start, end); }
  descendantForPosition(start: Point, end?: Point): Node | null { return this.raw.descendantForPosition(start, end); }
  namedDescendantForPosition(start: Point, end?: Point): Node | null { return this.raw.namedDescendantForPosition(start, end); }
  walk(): TreeCursor { return this.raw.walk(); }
  edit(edit: Edit): void { this.raw.edit(edit); }
  toString(): string { return this.raw.toString(); }
}
