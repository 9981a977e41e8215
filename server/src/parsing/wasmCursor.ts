// A tree cursor that calls web-tree-sitter's WebAssembly exports directly. The public
// `TreeCursor` writes its four handles into the runtime's transfer buffer before every call and
// reads them back after every move, through Emscripten's generic `setValue`/`getValue`: that
// marshalling cost twice the work of the calls themselves in the syntax table's walk. The C side
// keeps the cursor in the transfer buffer between calls (a move reads it from there and writes
// it back; a question only reads it), so as long as nothing else calls into web-tree-sitter in
// between, the handles need to cross once at the start and once at the end.
//
// This reads the package's internals: `Parser.init(options)` makes the options object the
// Emscripten module (its `_ts_*` exports and `HEAP32`), `Tree[0]` is the tree's address, and the
// exports pass nodes and cursors through the transfer buffer. web-tree-sitter is pinned; `checkWasmCursor` compares
// a direct walk with the public cursor's at start-up and falls back to the public cursor if
// anything differs, and test/unit/syntax.test.ts fails if the direct walk is not the one in use.
import type { Tree, TreeCursor } from 'web-tree-sitter';

/** The walk the syntax table needs: a pre-order cursor's moves and the current node's facts. */
export interface CursorWalk {
  typeId(): number;
  startIndex(): number;
  endIndex(): number;
  fieldId(): number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** Whether the current node's subtree holds a syntax error or a missing node (a node trip: ask rarely). */
  hasError(): boolean;
  /** The number of nodes of the tree (the root and its descendants); ask before moving. */
  descendantCount(): number;
  /** Frees the cursor; call once, last. */
  delete(): void;
}

type TreeFunction = (tree: number) => number;

/** The parts of the Emscripten module the direct walk uses. */
interface Runtime {
  HEAP32: Int32Array;
  _ts_init(): number;
  _ts_tree_cursor_current_node_type_id_wasm: TreeFunction;
  _ts_tree_cursor_start_index_wasm: TreeFunction;
  _ts_tree_cursor_end_index_wasm: TreeFunction;
  _ts_tree_cursor_current_field_id_wasm: TreeFunction;
  _ts_tree_cursor_goto_first_child_wasm: TreeFunction;
  _ts_tree_cursor_goto_next_sibling_wasm: TreeFunction;
  _ts_tree_cursor_goto_parent_wasm: TreeFunction;
  _ts_tree_root_node_wasm: TreeFunction;
  _ts_node_descendant_count_wasm: TreeFunction;
  _ts_node_has_error_wasm: TreeFunction;
  _ts_tree_cursor_new_wasm: TreeFunction;
  _ts_tree_cursor_current_node_wasm: TreeFunction;
  _ts_tree_cursor_delete_wasm: TreeFunction;
}

const RUNTIME_FUNCTIONS = [
  '_ts_init',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_root_node_wasm',
  '_ts_node_descendant_count_wasm',
  '_ts_node_has_error_wasm',
  '_ts_tree_cursor_new_wasm',
  '_ts_tree_cursor_current_node_wasm',
  '_ts_tree_cursor_delete_wasm',
] as const;

/** The cursor's handles: four 32-bit words at the start of the transfer buffer. */
const CURSOR_WORDS = 4;

let runtime: Runtime | undefined;
/** Word index of the transfer buffer in `HEAP32`. */
let transferWord = 0;
let status: { direct: boolean; reason: string } = { direct: false, reason: 'web-tree-sitter not initialised through initParser' };

/** Keeps the module `Parser.init(options)` built, if it has what the direct walk calls. */
export function adoptRuntime(options: object): void {
  const candidate = options as Partial<Runtime>;
  const missing = RUNTIME_FUNCTIONS.filter((name) => typeof candidate[name] !== 'function');
  if (missing.length > 0 || !(candidate.HEAP32 instanceof Int32Array)) {
    runtime = undefined;
    status = { direct: false, reason: `web-tree-sitter's module lacks ${missing.join(', ') || 'HEAP32'}` };
    return;
  }
  runtime = candidate as Runtime;
  transferWord = runtime._ts_init() >> 2;
  status = { direct: true, reason: 'not yet checked' };
}

/** Whether the syntax table walks trees directly, and why not if it does not. */
export function wasmCursorStatus(): { direct: boolean; reason: string } {
  return { ...status };
}

/** A pre-order walk of `tree`: the direct one when available, else web-tree-sitter's cursor. */
export function walkTree(tree: Tree, direct = status.direct): CursorWalk {
  return direct && runtime ? new DirectWalk(runtime, tree) : new PublicWalk(tree);
}

interface TreeInternals { 0: number }

/**
 * The cursor is made by the runtime's exports too, not by `tree.walk()`: the public way builds
 * the root node, marshals it, builds a `TreeCursor` and registers it with a finalizer, which cost
 * as much per notebook cell as walking a small cell.
 */
class DirectWalk implements CursorWalk {
  private readonly address: number;
  private readonly count: number;

  constructor(private readonly runtime: Runtime, tree: Tree) {
    this.address = (tree as unknown as TreeInternals)[0];
    // The root node goes into the transfer buffer; the count reads it; the new cursor replaces it.
    runtime._ts_tree_root_node_wasm(this.address);
    this.count = runtime._ts_node_descendant_count_wasm(this.address);
    runtime._ts_tree_cursor_new_wasm(this.address);
  }

  descendantCount(): number { return this.count; }

  typeId(): number { return this.runtime._ts_tree_cursor_current_node_type_id_wasm(this.address); }
  startIndex(): number { return this.runtime._ts_tree_cursor_start_index_wasm(this.address); }
  endIndex(): number { return this.runtime._ts_tree_cursor_end_index_wasm(this.address); }
  fieldId(): number { return this.runtime._ts_tree_cursor_current_field_id_wasm(this.address); }
  gotoFirstChild(): boolean { return this.runtime._ts_tree_cursor_goto_first_child_wasm(this.address) === 1; }
  gotoNextSibling(): boolean { return this.runtime._ts_tree_cursor_goto_next_sibling_wasm(this.address) === 1; }
  gotoParent(): boolean { return this.runtime._ts_tree_cursor_goto_parent_wasm(this.address) === 1; }

  /** The current node goes through the transfer buffer, so the cursor's words are put back after. */
  hasError(): boolean {
    const saved = this.runtime.HEAP32.slice(transferWord, transferWord + CURSOR_WORDS);
    this.runtime._ts_tree_cursor_current_node_wasm(this.address);
    const answer = this.runtime._ts_node_has_error_wasm(this.address) === 1;
    this.runtime.HEAP32.set(saved, transferWord); // memory may have grown: the view of now
    return answer;
  }

  /** The cursor's words are in the transfer buffer, where the delete reads them. */
  delete(): void {
    this.runtime._ts_tree_cursor_delete_wasm(this.address);
  }
}

class PublicWalk implements CursorWalk {
  private readonly cursor: TreeCursor;
  private readonly count: number;

  constructor(tree: Tree) {
    this.count = tree.rootNode.descendantCount;
    this.cursor = tree.walk();
  }

  descendantCount(): number { return this.count; }
  typeId(): number { return this.cursor.nodeTypeId; }
  startIndex(): number { return this.cursor.startIndex; }
  endIndex(): number { return this.cursor.endIndex; }
  fieldId(): number { return this.cursor.currentFieldId; }
  gotoFirstChild(): boolean { return this.cursor.gotoFirstChild(); }
  gotoNextSibling(): boolean { return this.cursor.gotoNextSibling(); }
  gotoParent(): boolean { return this.cursor.gotoParent(); }
  hasError(): boolean { return this.cursor.currentNode.hasError; }
  delete(): void { this.cursor.delete(); }
}

/** Every node's facts in pre-order, through one walk: what the start-up check compares. */
export function walkRecord(tree: Tree, direct: boolean): number[] {
  const walk = walkTree(tree, direct);
  const record: number[] = [walk.descendantCount()];
  let depth = 0;
  try {
    for (;;) {
      record.push(walk.typeId(), walk.startIndex(), walk.endIndex(), walk.fieldId(), depth, walk.hasError() ? 1 : 0);
      if (walk.gotoFirstChild()) { depth++; continue; }
      while (!walk.gotoNextSibling()) {
        if (depth === 0 || !walk.gotoParent()) return record;
        depth--;
      }
    }
  } finally {
    walk.delete();
  }
}

/** Text whose tree has fields, anonymous tokens, errors, non-ASCII text and deep nesting. */
const CHECK_SOURCE = 'import a.b as c\n@d(e=[1, (2,)])\ndef f(x: "é", *y, z=-1, **w) -> int:\n    return {k: v for k, v in x.items() if k} or f(x)[0].g\nif (\n';

/** Turns the direct walk off unless it gives exactly the public cursor's walk of `tree`. */
export function checkWasmCursor(parse: (text: string) => Tree): void {
  if (!status.direct) return;
  const tree = parse(CHECK_SOURCE);
  try {
    const direct = walkRecord(tree, true);
    const expected = walkRecord(tree, false);
    const same = direct.length === expected.length && direct.every((value, i) => value === expected[i]);
    status = same ? { direct: true, reason: 'checked against the public cursor' } : { direct: false, reason: 'the direct walk differs from the public cursor' };
  } catch (error) {
    status = { direct: false, reason: `the direct walk failed: ${String(error)}` };
  } finally {
    tree.delete();
  }
}
