// Small, shared questions about syntax nodes. Everything here looks at a node and its ancestors
// only; nothing walks a whole tree. The nodes are rows of the walk's syntax tables (syntax.ts), so
// `parent`, children and text are answered in JavaScript; ancestor questions about collected node
// types climb the collected kinds only (ancestry.ts).
import type { Node } from 'web-tree-sitter';
import type { Range } from '../documents/types';
import { collectedParent, STRUCTURE_TYPES, structureParent } from './ancestry';
import { SyntaxNode } from './syntax';
import { COLLECTED } from './walk';

export type { Node };

export function nodeRange(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

export function rangeBetween(from: Node, to: Node): Range {
  return { start: nodeRange(from).start, end: nodeRange(to).end };
}

/** Node identity across the trees of one document (positions are unique in the virtual source). */
export function nodeKey(node: Node): string {
  return `${node.startIndex}:${node.endIndex}:${node.typeId}`;
}

/**
 * A node's key in the memos of one analysis: its id, for a node of a syntax table (ids are unique
 * in the process, one table per tree), else its nodeKey. Building a string per question was a
 * tenth of the cost of the questions asked most.
 */
export function memoKey(node: Node): number | string {
  return node instanceof SyntaxNode ? node.id : nodeKey(node);
}

export function sameNode(a: Node | null | undefined, b: Node | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.typeId === b.typeId;
}

function allCollected(types: Iterable<string>): boolean {
  for (const type of types) if (!COLLECTED.has(type)) return false;
  return true;
}

/**
 * The ancestors of a node, innermost first. With `collectedOnly`, only ancestors of collected
 * types are guaranteed (others may be skipped), which is all the fast path knows.
 */
export function* ancestors(node: Node, collectedOnly: boolean): Generator<Node> {
  for (let current = up(node, collectedOnly); current; current = up(current, collectedOnly)) yield current;
}

/**
 * One step of the climb `ancestors` makes. Hot callers climb with it directly: a generator per
 * question was a tenth of an analysis's allocations.
 */
export function up(node: Node, collectedOnly: boolean): Node | null {
  if (collectedOnly) {
    const parent = collectedParent(node);
    if (parent !== undefined) return parent;
  }
  return node.parent;
}

/** One step of a climb over the STRUCTURE_TYPES ancestors only (functions, lambdas, classes, loops). */
export function structureUp(node: Node): Node | null {
  const parent = structureParent(node);
  return parent === undefined ? node.parent : parent;
}

/** The ancestors of STRUCTURE_TYPES kinds of a node, innermost first (others may be among them off a syntax table). */
export function* structureAncestors(node: Node): Generator<Node> {
  for (let current = structureUp(node); current; current = structureUp(current)) if (STRUCTURE_TYPES.has(current.type)) yield current;
}

function allStructure(types: Iterable<string>): boolean {
  for (const type of types) if (!STRUCTURE_TYPES.has(type)) return false;
  return true;
}

/** The nearest ancestor (not the node itself) of one of `types`, stopping at `stopAt` types. */
export function ancestor(node: Node, types: ReadonlySet<string> | readonly string[], stopAt?: ReadonlySet<string>): Node | undefined {
  const wanted = types instanceof Set ? types : new Set(types as readonly string[]);
  if (allStructure(wanted) && (!stopAt || allStructure(stopAt))) {
    for (let current = structureUp(node); current; current = structureUp(current)) {
      if (wanted.has(current.type)) return current;
      if (stopAt?.has(current.type)) return undefined;
    }
    return undefined;
  }
  const fast = allCollected(wanted) && (!stopAt || allCollected(stopAt));
  for (let current = up(node, fast); current; current = up(current, fast)) {
    if (wanted.has(current.type)) return current;
    if (stopAt?.has(current.type)) return undefined;
  }
  return undefined;
}

export const FUNCTION_TYPES: ReadonlySet<string> = new Set(['function_definition', 'lambda']);
export const LOOP_TYPES: ReadonlySet<string> = new Set(['for_statement', 'while_statement']);

export function enclosingFunction(node: Node): Node | undefined {
  return ancestor(node, FUNCTION_TYPES);
}

/** The class whose body defines the function `fn` (also under decorators): the class of a method. */
export function methodClass(fn: Node): Node | undefined {
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  const cls = holder.parent?.type === 'block' ? holder.parent.parent : null;
  return fn.type === 'function_definition' && cls?.type === 'class_definition' ? cls : undefined;
}

/** Loops around `node` inside its function (innermost first). */
export function enclosingLoops(node: Node): Node[] {
  const loops: Node[] = [];
  for (let current = structureUp(node); current; current = structureUp(current)) {
    if (FUNCTION_TYPES.has(current.type) || current.type === 'class_definition') break;
    if (LOOP_TYPES.has(current.type)) loops.push(current);
  }
  return loops;
}

/**
 * The context manager and the target of a `with` item (`open(p)` and `f` in `with open(p) as f:`),
 * also in the parenthesized form of Python 3.10 (`with (open(p) as f):`, which the grammar reads as
 * an `as` pattern in parentheses).
 */
export function withItemParts(item: Node): { context?: Node; target?: Node } {
  const value = item.childForFieldName('value');
  const pattern = value ? stripParens(value) : undefined;
  if (pattern?.type !== 'as_pattern') return { context: value ?? undefined };
  return { context: pattern.namedChild(0) ?? undefined, target: pattern.childForFieldName('alias') ?? undefined };
}

/**
 * The items of a list sorted by start offset that lie inside `node`, found by binary search over
 * `starts`, the items' start offsets (startsOf): a typed array read per probe, not a getter through
 * a closure, for the questions asked of every step of a lineage. Nodes of one document nest, so
 * starting inside is being inside, except for a node that starts where `node` starts and encloses
 * it (`df.to_csv(p)` starts with `df`): `nodeOf` tells those apart.
 */
export function startingWithin<T>(sorted: readonly T[], starts: Int32Array, node: Node, nodeOf?: (item: T) => Node): readonly T[] {
  let from = firstStartAtOrAfter(starts, node.startIndex);
  const to = firstStartAtOrAfter(starts, node.endIndex);
  if (nodeOf) while (from < to && starts[from] === node.startIndex && nodeOf(sorted[from]).endIndex > node.endIndex) from++;
  return sorted.slice(from, to);
}

/** The start offsets of a list sorted by them, for startingWithin. */
export function startsOf<T>(sorted: readonly T[], startOf: (item: T) => number): Int32Array {
  const starts = new Int32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) starts[i] = startOf(sorted[i]);
  return starts;
}

/** The position of the first of the sorted `starts` at or after `offset`. */
export function firstStartAtOrAfter(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The position of the first item of `sorted` that starts at or after `offset`. */
export function firstAtOrAfter<T>(sorted: readonly T[], startOf: (item: T) => number, offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (startOf(sorted[mid]) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function isAncestorOf(ancestorNode: Node, node: Node): boolean {
  return ancestorNode.startIndex <= node.startIndex && node.endIndex <= ancestorNode.endIndex && !sameNode(ancestorNode, node);
}

/**
 * The ancestor-or-self whose parent is of one of `types`. Every statement, block and module is
 * collected, so for a collected node the walk's links find it without `node.parent`.
 */
function childOf(node: Node, types: ReadonlySet<string>): Node {
  let current: Node = node;
  if (collectedParent(node) !== undefined) {
    for (let parent = collectedParent(current); parent && !types.has(parent.type); parent = collectedParent(current)) current = parent;
    return current;
  }
  while (current.parent && !types.has(current.parent.type)) current = current.parent;
  return current;
}

const BLOCKS: ReadonlySet<string> = new Set(['block', 'module']);
const MODULE: ReadonlySet<string> = new Set(['module']);

/** The statement that holds `node`: the ancestor-or-self whose parent is a block or the module. */
export function enclosingStatement(node: Node): Node {
  return childOf(node, BLOCKS);
}

/**
 * Whether `first` runs before `second` whenever `second` runs: the statement holding `first` is a
 * statement of a block (or module) that holds `second`, ending before it (leaving by `break`,
 * `return` or an exception aside). A statement under an `if` or in another arm does not.
 */
export function runsBeforeEveryRun(first: Node, second: Node): boolean {
  const statement = enclosingStatement(first);
  const block = statement.parent;
  return !!block && statement.endIndex <= second.startIndex && isAncestorOf(block, second);
}

/** The module-level statement that holds `node`. */
export function topLevelStatement(node: Node): Node {
  return childOf(node, MODULE);
}

export function isTopLevel(node: Node): boolean {
  const parent = collectedParent(node);
  return (parent === undefined ? node.parent : parent)?.type === 'module';
}

/** The test of an `if`, `elif`, `while` or conditional expression (`a if test else b`); null for other nodes. */
export function conditionOf(node: Node): Node | null {
  if (node.type === 'conditional_expression') return node.namedChild(1);
  return node.type === 'if_statement' || node.type === 'elif_clause' || node.type === 'while_statement' ? node.childForFieldName('condition') : null;
}

/** The expressions of a definition's decorators (`dsl.component`, `pytest.fixture(scope="module")`), outermost first. */
export function decoratorsOf(definition: Node): Node[] {
  const holder = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
  return (holder?.namedChildren ?? []).flatMap((child) => (child?.type === 'decorator' && child.namedChild(0) ? [child.namedChild(0)!] : []));
}

/** What a decorator names, called or not: `dsl.component` of `@dsl.component` and of `@dsl.component(base_image=...)`. */
export function decoratorCallee(expression: Node): Node | null {
  return expression.type === 'call' ? expression.childForFieldName('function') : expression;
}

/** The outermost of the parentheses around `node` (`((x))` for `x`), or `node` when it has none: the expression its context sees. */
export function outermostParens(node: Node): Node {
  let current = node;
  while (current.parent?.type === 'parenthesized_expression') current = current.parent;
  return current;
}

/** `(x)` -> `x`, repeatedly. */
export function stripParens(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1) current = current.namedChild(0)!;
  return current;
}

/**
 * The dotted text of a name or attribute chain (`np.random.rand`), or undefined when the chain
 * contains anything else (a call, a subscript).
 */
export function dottedName(node: Node): string | undefined {
  const parts: string[] = [];
  let current: Node | null = node;
  while (current) {
    if (current.type === 'identifier') {
      parts.unshift(current.text);
      return parts.join('.');
    }
    if (current.type !== 'attribute') return undefined;
    const attribute = current.childForFieldName('attribute');
    if (!attribute) return undefined;
    parts.unshift(attribute.text);
    current = current.childForFieldName('object');
  }
  return undefined;
}

/** The identifier at the root of an attribute/subscript/call chain (`df` in `df.a[0].b()`). */
export function rootIdentifier(node: Node): Node | undefined {
  const base = chainBase(node);
  return base?.type === 'identifier' ? base : undefined;
}

/** The innermost object of a chain of attributes, items and calls (`df` of `df["a"].str.lower()`, `"a b"` of `"a b".split()`), through parentheses. */
export function chainBase(node: Node): Node {
  let current = stripParens(node);
  while (current.type === 'attribute' || current.type === 'subscript' || current.type === 'call') {
    const part = current.childForFieldName(current.type === 'attribute' ? 'object' : current.type === 'subscript' ? 'value' : 'function');
    if (!part) break;
    current = stripParens(part);
  }
  return current;
}

/** The outermost function around `node`, or undefined at module level. */
export function outermostFunction(node: Node): Node | undefined {
  let outer: Node | undefined;
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) outer = fn;
  return outer;
}

/**
 * An assignment left blank where it was written: nothing follows its `=` on that line (`X = ` then
 * `y = ` on the next, an exercise's blanks to fill in) and no backslash carries the line on. Python
 * refuses it, but tree-sitter reads on and takes the next line's expression (or assignment) as the
 * value, so the tree shows no error and a chain (`X = y = ...`) that nobody wrote.
 */
export function valueOnLaterLine(text: string, assignment: Node): boolean {
  const right = assignment.childForFieldName('right');
  if (!right) return false;
  let equals: Node | undefined;
  for (const child of assignment.children) {
    if (child && !child.isNamed && child.type === '=' && child.endIndex <= right.startIndex) equals = child;
  }
  if (!equals) return false;
  const gap = text.slice(equals.endIndex, right.startIndex);
  return /(^|[^\\])\n/.test(gap.replace(/#[^\n]*/g, ''));
}

/** Leading whitespace of the line that `node` starts on. */
export function indentationOf(text: string, node: Node): string {
  const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart, node.startIndex));
  return match ? match[0] : '';
}

/** `x is None`, `x is not None`: an identity test against `None`, asking only whether a value is there. */
export function comparesWithNone(comparison: Node): boolean {
  const operators = comparison.childrenForFieldName('operators').map((o) => o?.text.replace(/\s+/g, ' '));
  const operands = comparison.namedChildren;
  return operators.length === 1 && (operators[0] === 'is' || operators[0] === 'is not') && operands.length === 2 && operands.some((o) => o?.type === 'none');
}
