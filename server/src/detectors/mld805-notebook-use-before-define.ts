import type { Node } from 'web-tree-sitter';
import type { Magic, SourceDocument } from '../documents/types';
import type { SemanticIndex } from '../semantics';
import { isCallee, type NameRead } from '../semantics/dataflow';
import type { Definition } from '../semantics/types';
import { IPYTHON_NAMES, PYTHON_BUILTINS } from '../semantics/builtins';
import { ancestors, conditionOf, enclosingFunction, firstAtOrAfter, sameNode, stripParens } from '../semantics/nodes';
import { stringValue, truthiness, type LiteralValue } from '../semantics/literals';
import { literalEntry } from './shared/returnedValues';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';
import { groupConnected, pushTo } from '../engine/collections';

/** Where a name is first bound at module level, in document (= Run All) order. */
interface FirstBinding {
  offset: number;
  segmentIndex: number;
  node?: Node;
  magic?: Magic;
  /** The binding, when it is not a magic's. */
  definition?: Definition;
}

/** Magics after which any name may exist: they run other code, restore variables or star-import (`%pylab`: `from pylab import *`). */
const RUNS_OTHER_CODE = new Set(['run', 'load', 'store', 'load_ext', 'aimport', 'ipy_restore', 'pylab']);
/** Calls that can bind module names the code does not show. */
const DYNAMIC_BINDERS = new Set(['builtins.exec', 'builtins.globals', 'builtins.vars', 'builtins.__import__']);
/** Exceptions a handler can catch to test whether a name exists. */
const NAME_ERROR_HANDLER = /^except\b[^:]*\b(NameError|Exception|BaseException)\b|^except\s*:/;
/** IPython's output history (`_3`, `_i3`), always defined in a kernel. */
const HISTORY_NAME = /^_i?\d+$/;

/** `from x import *`: after it, any name may come from `x`. */
function isWildcardImport(statement: Node): boolean {
  return statement.namedChildren.some((child) => child?.type === 'wildcard_import');
}

/** The earliest offset of a magic that runs other code or restores variables (`%run`, `%store -r`). */
function magicsRunOtherCodeFrom(doc: SourceDocument): number {
  let earliest = Infinity;
  for (const magic of doc.magics) {
    if (RUNS_OTHER_CODE.has(magic.name)) earliest = Math.min(earliest, doc.lineStarts[magic.range.start.line] + magic.range.start.character);
  }
  return earliest;
}

/**
 * Where `from __future__ import annotations` takes effect: the first such import that opens its cell
 * (Python refuses it after any other statement, and the cell then never runs). IPython compiles every
 * later cell with the future in force, so from there on annotations are kept as text, never evaluated.
 */
function postponedAnnotationsFrom(index: SemanticIndex): number {
  const opensCell = (statement: Node) => (statement.parent?.namedChildren ?? []).every((other) => !other
    || other.startIndex >= statement.startIndex || other.type === 'comment' || other.type === 'future_import_statement'
    || (other.type === 'expression_statement' && other.namedChild(0)?.type === 'string'));
  for (const statement of index.nodes('future_import_statement')) {
    const postponed = statement.namedChildren.some((name) => name?.type === 'dotted_name' && name.text === 'annotations');
    if (postponed && statement.parent?.type === 'module' && opensCell(statement)) return statement.startIndex;
  }
  return Infinity;
}

/** Whether a name is read in an annotation (of a parameter, a return or a variable): the grammar's `type` node holds it. */
function inAnnotation(node: Node): boolean {
  for (let up = node.parent; up && up.type !== 'block' && up.type !== 'module'; up = up.parent) if (up.type === 'type') return true;
  return false;
}

/** Names that magics assign, which the neutralised source cannot show: `%time df = load()`, `%%capture out`. */
function magicBindings(index: SemanticIndex): Map<string, Magic[]> {
  const names = new Map<string, Magic[]>();
  const add = (name: string, magic: Magic) => pushTo(names, name, magic);
  for (const magic of index.doc.magics) {
    const body = magic.text.replace(/^%{1,2}[\w.-]+/, '');
    const firstLine = body.split('\n')[0];
    if (magic.kind === 'cell-magic' && magic.name === 'capture') {
      const target = /^\s+(?:-\S+\s+)*([A-Za-z_]\w*)/.exec(firstLine);
      if (target) add(target[1], magic);
    }
    // `%%R -o df`, `%%sql result <<`: magics that hand a variable back to Python.
    for (const output of firstLine.matchAll(/(?:^|\s)-o\s+([A-Za-z_][\w,]*)|([A-Za-z_]\w*)\s*<</g)) {
      for (const name of (output[1] ?? output[2]).split(',')) if (name) add(name, magic);
    }
    if (magic.kind !== 'line-magic') continue;
    for (const part of body.split(';')) {
      const targets = /^\s*(?:-\S+\s+)*([A-Za-z_][\w\s,]*?)\s*=(?!=)/.exec(part);
      for (const name of targets?.[1].split(',') ?? []) if (/^[A-Za-z_]\w*$/.test(name.trim())) add(name.trim(), magic);
    }
  }
  return names;
}

/** A read that deliberately tests whether the name exists: in a `try` that catches NameError, or under `'x' in globals()`. */
function isGuarded(read: NameRead): boolean {
  for (const current of ancestors(read.node, true)) {
    if (current.type === 'ERROR') return true;
    if (current.type === 'try_statement') {
      const handlers = current.namedChildren.filter((child) => child?.type === 'except_clause');
      if (handlers.some((handler) => NAME_ERROR_HANDLER.test(handler!.text))) return true;
    }
    // Only if, while and conditional-expression tests count as guards here, not elif tests.
    const text = current.type === 'elif_clause' ? '' : conditionOf(current)?.text ?? '';
    if (/\b(globals|locals|dir|vars)\s*\(/.test(text) && (text.includes(`'${read.name}'`) || text.includes(`"${read.name}"`))) return true;
  }
  return false;
}

/**
 * The value a module-level `if` test holds as the notebook stands: a flag bound once to a literal
 * (`RUN_GRID = False`), or the entry of a settings dictionary bound to a literal and read by a constant
 * key (`CFG["run_grid"]`, `CFG.get("run_grid", False)`), when no write before the test may change that entry.
 */
function flagValue(index: SemanticIndex, test: Node): LiteralValue | undefined {
  const node = stripParens(test);
  if (node.type === 'identifier') return index.literal(node);
  const call = node.type === 'call' ? index.call(node) : undefined;
  const [holder, key] = node.type === 'subscript'
    ? [node.childForFieldName('value'), node.childForFieldName('subscript')]
    : call?.method === 'get' && call.args.length ? [call.receiver, call.args[0]] : [];
  const value = key ? stringValue(key) : undefined;
  const entry = holder?.type === 'identifier' && value !== undefined ? literalEntry(index, holder, value, true) : undefined;
  return entry ? index.literal(entry) : undefined;
}

/**
 * Whether Restart & Run All skips `node`: it lies in the arm of an `if` (or `elif`) whose test is false
 * as the notebook stands, or in an `elif` / `else` after a test that is true (see `flagValue`).
 */
function skippedAsWritten(index: SemanticIndex, node: Node): boolean {
  const test = (clause: Node) => flagValue(index, clause.childForFieldName('condition')!);
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    let value: LiteralValue | undefined;
    if ((parent.type === 'if_statement' || parent.type === 'elif_clause') && sameNode(parent.childForFieldName('consequence'), child)) {
      if ((value = test(parent)) && !truthiness(value)) return true;
    } else if (parent.type === 'if_statement' && (child.type === 'elif_clause' || child.type === 'else_clause')) {
      if ((value = test(parent)) && truthiness(value)) return true;
    }
  }
  return false;
}

/**
 * An arm of a function that runs only when a parameter equals a string (`if model_name == "svm":`),
 * or, with no `value`, only when it is true (`if predict_flag:`).
 */
interface DispatchArm {
  parameter: string;
  value?: string;
  /** The arm runs unless the parameter is `None` (`if heat is not None:`). */
  notNone?: boolean;
  /** The arm's body. */
  body: Node;
}

/** Whether a parameter that holds `given` in a call skips the arm: another literal than its string, or a false one under `if flag:`. */
function skipsArm(arm: DispatchArm, given: LiteralValue): boolean {
  if (arm.notNone) return given.kind === 'none';
  if (arm.value !== undefined) return given.kind !== 'string' || given.value !== arm.value;
  return given.kind === 'none' || (given.kind !== 'number' ? !given.value : given.value === 0);
}

/** The parameter names of a function, in order (`self` included), and whether it takes `*args`/`**kwargs`. */
function parameterNames(fn: Node): string[] {
  const names: string[] = [];
  for (const parameter of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter) continue;
    const name = parameter.type === 'identifier' ? parameter : parameter.childForFieldName('name');
    names.push(name?.type === 'identifier' ? name.text : '');
  }
  return names;
}

/**
 * The literal each parameter of `fn` holds in a call: the one the call passes
 * (`train(X, y, model_name="svm")`), or the parameter's default when it passes none for it
 * (`predict_flag=False`); nothing when the call passes `*args` or `**kwargs`.
 */
function literalArguments(index: SemanticIndex, callee: NameRead, fn: Node): Map<string, LiteralValue> {
  const values = new Map<string, LiteralValue>();
  const call = callee.node.parent ? index.call(callee.node.parent) : undefined;
  if (!call || call.hasSplat || !sameNode(call.callee, callee.node)) return values;
  const names = parameterNames(fn);
  const given = new Map<string, Node>();
  call.args.forEach((arg, i) => { if (names[i]) given.set(names[i], arg); });
  for (const [name, arg] of call.kwargs) given.set(name, arg);
  for (const parameter of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    const name = parameter?.type === 'default_parameter' || parameter?.type === 'typed_default_parameter' ? parameter.childForFieldName('name')?.text : undefined;
    const fallback = name && !given.has(name) ? parameter?.childForFieldName('value') : undefined;
    if (name && fallback) given.set(name, fallback);
  }
  for (const [name, arg] of given) {
    const value = index.literal(arg) ?? (isEmptyLiteral(arg) ? EMPTY : undefined);
    if (value) values.set(name, value);
  }
  return values;
}

/** An empty container or string written out (`heat={}`, `[]`, `()`, `""`): false under `if heat:` and `if len(heat) != 0:`. */
const EMPTY: LiteralValue = { kind: 'bool', value: false };
function isEmptyLiteral(node: Node): boolean {
  const value = stripParens(node);
  if (value.type === 'dictionary' || value.type === 'list' || value.type === 'tuple' || value.type === 'set') return value.namedChildCount === 0;
  return value.type === 'string' && stringValue(value) === '';
}

/**
 * The parameter a test checks for holding something, and whether it checks only that it is not `None`:
 * `if heat:`, `if len(heat):`, `if len(heat) != 0:` or `> 0` (true only for a non-empty value), or
 * `if heat is not None:`.
 */
function truthTested(test: Node): { name: Node; notNone?: boolean; negated?: boolean } | undefined {
  const node = stripParens(test);
  if (node.type === 'identifier') return { name: node };
  if (isLenOfName(node)) return { name: stripParens(node.childForFieldName('arguments')!.namedChild(0)!) };
  // `if not heat:`, `if len(heat) == 0:`, `if heat is None:`: the `else` holds the arm that needs a value.
  if (node.type === 'not_operator') {
    const inner = truthTested(node.childForFieldName('argument')!);
    return inner && !inner.negated && !inner.notNone ? { name: inner.name, negated: true } : undefined;
  }
  if (node.type !== 'comparison_operator' || node.namedChildCount !== 2) return undefined;
  const [left, right] = [stripParens(node.namedChild(0)!), stripParens(node.namedChild(1)!)];
  const operator = node.children.filter((child) => child && !child.isNamed).map((child) => child!.type).join(' ');
  if ((operator === 'is not' || operator === 'is') && left.type === 'identifier' && right.type === 'none') return { name: left, notNone: true, negated: operator === 'is' };
  const lenZero = isLenOfName(left) && right.type === 'integer' && right.text === '0';
  if (lenZero && (operator === '!=' || operator === '>' || operator === '==')) {
    return { name: stripParens(left.childForFieldName('arguments')!.namedChild(0)!), negated: operator === '==' };
  }
  return undefined;
}

function isLenOfName(node: Node): boolean {
  const args = node.type === 'call' && node.childForFieldName('function')?.text === 'len' ? node.childForFieldName('arguments') : undefined;
  return args?.type === 'argument_list' && args.namedChildCount === 1 && stripParens(args.namedChild(0)!).type === 'identifier';
}

/** The nodes not inside another of them, by start offset: disjoint ranges, for `inside`'s binary search. */
function outermost(nodes: Node[]): Node[] {
  const sorted = [...nodes].sort((a, b) => a.startIndex - b.startIndex);
  const result: Node[] = [];
  for (const node of sorted) if (!result.length || node.startIndex >= result[result.length - 1].endIndex) result.push(node);
  return result;
}

/** True when `offset` lies in one of the disjoint, sorted ranges. */
function inside(ranges: readonly Node[], offset: number): boolean {
  // The ranges that start at or before `offset` (offsets are whole numbers).
  const before = firstAtOrAfter(ranges, (range) => range.startIndex, offset + 1);
  return before > 0 && offset < ranges[before - 1].endIndex;
}

class Notebook {
  private readonly first = new Map<string, FirstBinding | null>();
  private readonly magics: Map<string, Magic[]>;
  private readonly globalsOfFunction = new Map<Definition, Map<string, NameRead[]>>();
  private readonly armsOfFunction = new Map<Definition, DispatchArm[]>();
  private readonly byBoundAt = new Map<string, Definition[]>();

  constructor(private readonly index: SemanticIndex) {
    this.magics = magicBindings(index);
  }

  /**
   * Where `name` is first bound at module level; null when unknown: never bound, or bound inside a
   * function through `global` (then when depends on when the function runs).
   */
  firstBinding(name: string): FirstBinding | null {
    let found = this.first.get(name);
    if (found !== undefined) return found;
    found = null;
    const definitions = this.index.moduleDefinitionsOf(name).filter((d) => d.kind !== 'global' && d.kind !== 'delete');
    if (!definitions.some((d) => d.scope.type !== 'module')) {
      // The cell is looked up for the earliest binding only.
      let earliest: Definition | undefined;
      for (const definition of definitions) if (!earliest || definition.boundAt < earliest.boundAt) earliest = definition;
      if (earliest) found = { offset: earliest.boundAt, segmentIndex: this.index.segmentIndexOf(earliest.node), node: earliest.node, definition: earliest };
      for (const magic of this.magics.get(name) ?? []) {
        const offset = this.index.doc.lineStarts[magic.range.start.line] + magic.range.start.character;
        if (!found || offset < found.offset) found = { offset, segmentIndex: magic.segmentIndex, magic };
      }
    }
    this.first.set(name, found);
    return found;
  }

  /**
   * The module-level binding of `name` in force at offset `at`: the last one bound by then, found by
   * binary search in the bindings sorted once per name (filtering them per call was quadratic in a
   * notebook that redefines a helper in many cells).
   */
  private boundBy(name: string, at: number): Definition | undefined {
    let sorted = this.byBoundAt.get(name);
    if (!sorted) {
      sorted = [...this.index.moduleDefinitionsOf(name)].sort((a, b) => a.boundAt - b.boundAt);
      this.byBoundAt.set(name, sorted);
    }
    const before = firstAtOrAfter(sorted, (definition) => definition.boundAt, at + 1);
    return before > 0 ? sorted[before - 1] : undefined;
  }

  /** The module names a function's own body reads (not the bodies of functions nested in it), with their reads in order. */
  private bodyReads(definition: Definition): Map<string, NameRead[]> {
    let names = this.globalsOfFunction.get(definition);
    if (names) return names;
    names = new Map<string, NameRead[]>();
    const body = definition.statement.childForFieldName('body');
    for (const read of body ? this.index.dataflow.readsWithin(body) : []) {
      if (read.function?.startIndex === definition.statement.startIndex && isModuleBinding(read)) pushTo(names, read.name, read);
    }
    this.globalsOfFunction.set(definition, names);
    return names;
  }

  /**
   * The arms of a function's `if`/`elif` chains that test a parameter, never rebound in the body,
   * against a string (`if model_name == "svm":`) or for being true (`if predict_flag:`).
   */
  private dispatchArms(definition: Definition): DispatchArm[] {
    let arms = this.armsOfFunction.get(definition);
    if (arms) return arms;
    arms = [];
    const fn = definition.statement;
    const parameters = new Set(parameterNames(fn));
    for (const clause of [...this.index.nodesWithin('if_statement', fn), ...this.index.nodesWithin('elif_clause', fn)]) {
      const test = clause.childForFieldName('condition');
      const body = clause.childForFieldName('consequence');
      if (!test || !body || !sameNode(enclosingFunction(clause), fn)) continue;
      const comparison = stripParens(test);
      let name: Node;
      let value: string | undefined;
      let notNone: boolean | undefined;
      let arm: Node | null | undefined = body;
      const truth = truthTested(comparison);
      if (truth) {
        ({ name, notNone } = truth);
        // A negated test: the arm that needs a value is the `else` of a plain `if` (with no `elif`).
        const alternatives = clause.type === 'if_statement' ? clause.namedChildren.filter((child) => child?.type === 'elif_clause' || child?.type === 'else_clause') : [];
        if (truth.negated) arm = alternatives.length === 1 && alternatives[0]!.type === 'else_clause' ? alternatives[0]!.childForFieldName('body') : undefined;
        if (!arm) continue;
      } else {
        if (comparison.type !== 'comparison_operator' || comparison.namedChildCount !== 2 || comparison.child(1)?.type !== '==') continue;
        const [left, right] = [stripParens(comparison.namedChild(0)!), stripParens(comparison.namedChild(1)!)];
        const [tested, literal] = left.type === 'identifier' ? [left, right] : [right, left];
        name = tested;
        value = stringValue(literal);
        if (value === undefined) continue;
      }
      if (name.type !== 'identifier' || !parameters.has(name.text)) continue;
      // The parameter as the caller passed it: no other binding of it in the body reaches the test.
      const read = this.index.dataflow.readAt(name);
      if (!read || !this.index.dataflow.reachingDefinitions(read).every((d) => d.kind === 'param')) continue;
      arms.push({ parameter: name.text, value, notNone, body: arm ?? body });
    }
    this.armsOfFunction.set(definition, arms);
    return arms;
  }

  /**
   * The module names a function reads when it is called at `at`: its body's, and those of the
   * notebook's functions it calls, as they are bound at that moment (a function redefined further
   * down is not the one that runs).
   */
  globalsReadAt(definition: Definition, at: number, seen = new Set<Definition>(), call?: NameRead): Map<string, NameRead> {
    const names = new Map<string, NameRead>();
    // A function whose code does not parse (an exercise left as `probs = <YOUR CODE>`) is not the
    // function that will run: the code still missing is where the names it reads get bound.
    if (seen.has(definition) || this.index.nodesWithin('ERROR', definition.statement).length > 0) return names;
    seen.add(definition);
    // A call that passes a string for a parameter the body dispatches on (`model_name="knn"`) does
    // not run the arms for the other strings, nor read the names only they read; nor does one that
    // leaves a flag false (passed, or its default) run the arm under `if flag:`.
    const passed = call ? literalArguments(this.index, call, definition.statement) : undefined;
    const skipped = passed?.size ? outermost(this.dispatchArms(definition).filter((arm) => {
      const given = passed.get(arm.parameter);
      return !!given && skipsArm(arm, given);
    }).map((arm) => arm.body)) : [];
    const runs = (read: NameRead) => !inside(skipped, read.node.startIndex);
    for (const [name, reads] of this.bodyReads(definition)) {
      const read = skipped.length ? reads.find(runs) : reads[0];
      if (!read) continue;
      if (!names.has(name)) names.set(name, read);
      if (!isCallee(read)) continue;
      const callee = this.boundBy(name, at);
      if (callee?.kind !== 'def') continue;
      for (const [inner, innerRead] of this.globalsReadAt(callee, at, seen)) if (!names.has(inner)) names.set(inner, innerRead);
    }
    return names;
  }
}

function isModuleBinding(read: NameRead): boolean {
  // Asked of every read of the notebook: the resolution (a field) first, the pattern only for names that start with `_`.
  if ((read.resolution.kind !== 'local' && read.resolution.kind !== 'import') || read.resolution.definition.scopeKey !== 'module') return false;
  return !PYTHON_BUILTINS.has(read.name) && !IPYTHON_NAMES.has(read.name) && !(read.name.startsWith('_') && HISTORY_NAME.test(read.name));
}

/**
 * The notebook's own functions a read calls (`f` in `f(x)`), by the bindings that reach it. Most
 * calls are of imported or built-in functions: a name the notebook never binds with `def` has no
 * reaching definitions worth computing.
 */
function calledFunctions(index: SemanticIndex, read: NameRead): Definition[] {
  if (!isCallee(read) || !index.definitionsOf(read.name).some((d) => d.kind === 'def')) return [];
  return index.dataflow.reachingDefinitions(read).filter((d) => d.kind === 'def');
}

/** A name used too early, with where it is first defined. */
interface EarlyUse {
  name: string;
  read: NameRead;
  first: FirstBinding;
  /** For a call of a notebook function: the function's own read of the name (`read` is then the call). */
  inner?: NameRead;
}

/** Items shown in a message before the rest are counted: a generated notebook can use hundreds. */
const SHOWN = 6;

/** `a`, `a and b`, `a, b and c`, or `a, b, ... and 12 more`. */
function listed(items: string[], more: string): string {
  if (items.length === 1) return items[0];
  if (items.length > SHOWN) return `${items.slice(0, SHOWN - 1).join(', ')} and ${items.length - SHOWN + 1} more ${more}`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `cell 4`, `cells 4 and 6`, `cells 4, 5 and 6`. */
function cellList(labels: number[]): string {
  const unique = [...new Set(labels)].sort((a, b) => a - b);
  return `${unique.length === 1 ? 'cell' : 'cells'} ${listed(unique.map(String), 'cells')}`;
}

/** `` `a` `` or `` `a`, `b` and `c` ``. */
function nameList(names: string[]): string {
  return listed(names.map((name) => `\`${name}\``), 'names');
}

/**
 * Statements of one block that begin their lines at different columns (a stray keystroke `c` at the
 * start of a line inside a loop, the rest of the loop left indented under it). Python stops the cell
 * with an IndentationError before it runs anything, while the parser reads the deeper lines on as
 * statements of their own, with no error. Statements after a `;` share a line and are not compared.
 */
function misindented(body: Node): boolean {
  let column: number | undefined;
  let lastRow = -1;
  for (const statement of body.namedChildren) {
    if (!statement || statement.type === 'comment') continue;
    const start = statement.startPosition;
    if (start.row > lastRow) {
      column ??= start.column;
      if (start.column !== column) return true;
    }
    lastRow = statement.endPosition.row;
  }
  return false;
}

const DYNAMIC_BINDER_CALLEES: CalleeSelection = { qualified: DYNAMIC_BINDERS };

/**
 * The reads are judged as the traversal reaches them, in document order, so the places after which
 * names may come from code the notebook does not show (`from x import *`, `%run`, `%store -r`,
 * `exec`, `globals()`) are known by then for every read after them: the wildcard imports and
 * dynamic binders the traversal has passed, and the magics, read from the document first. The
 * findings group the early uses by defining cell, so they are reported in finish. A notebook of
 * one cell has no cell below another: nothing to do.
 */
function listen(context: RuleContext): RuleListeners | undefined {
  const { index, doc } = context;
  if (doc.segments.length < 2) return undefined;
  const notebook = new Notebook(index);
  let opaque = magicsRunOtherCodeFrom(doc);
  const cellNumber = (segmentIndex: number) => doc.segments[segmentIndex].cellIndex + 1;
  const errors = index.nodes('ERROR');
  // Under `from __future__ import annotations` an annotation is kept as text: its names are never read.
  const postponed = postponedAnnotationsFrom(index);
  const unevaluated = (read: NameRead) => read.node.startIndex > postponed && inAnnotation(read.node);
  // A cell that does not parse never runs: IPython rejects the whole cell before its first line, so it
  // reads no name (a `%bq query` magic's SQL body, an unfinished exercise line, a line indented under nothing);
  // its syntax error is the finding.
  const unparsed = new Set(index.roots.filter((root) => root.hasError || misindented(root)).map((root) => index.segmentIndexOf(root)));
  for (const block of index.nodes('block')) if (misindented(block)) unparsed.add(index.segmentIndexOf(block));
  // Code too broken to parse (`df = # TODO: your code`) before the use may be where the name is bound.
  const maybeBoundInBrokenCode = (name: string, at: Node) => {
    const word = new RegExp(`(^|[^\\w])${name}($|[^\\w])`);
    return errors.some((error) => error.startIndex < at.startIndex && word.test(error.text));
  };
  const definedLater = (name: string, at: Node): FirstBinding | undefined => {
    const first = notebook.firstBinding(name);
    if (!first || first.offset <= at.startIndex || at.startIndex >= opaque || maybeBoundInBrokenCode(name, at)) return undefined;
    return first.segmentIndex > index.segmentIndexOf(at) ? first : undefined;
  };
  // A first binding that reads the name's own earlier value (`preds = (preds > 0.5).astype(int)`,
  // `total += x`) is no definition the notebook provides: it too needs the kernel's stale value.
  const fromOwnValue = ({ name, first }: EarlyUse) => {
    const definition = first.definition;
    if (!definition) return false;
    const from = definition.statement.startIndex;
    return index.dataflow.readsOf(name).some((read) => read.node.startIndex >= from && read.node.startIndex < definition.boundAt
      && !read.deferred && isModuleBinding(read));
  };
  const definitionSite = (use: EarlyUse) => {
    const { name, first } = use;
    if (first.magic) return { range: first.magic.range, message: `\`${name}\` is first assigned here, by a magic, in cell ${cellNumber(first.segmentIndex)}` };
    return { node: first.node!, message: fromOwnValue(use)
      ? `\`${name}\` is first bound here, in cell ${cellNumber(first.segmentIndex)}, from its own earlier value: no cell defines it afresh`
      : `\`${name}\` is first defined here, in cell ${cellNumber(first.segmentIndex)}` };
  };
  // `below them` when the uses are in several cells.
  const later = (uses: EarlyUse[], several = false) => {
    const cells = `${cellList(uses.map((u) => cellNumber(u.first.segmentIndex)))}, below ${several ? 'them' : 'it'}`;
    const plural = new Set(uses.map((u) => u.name)).size > 1;
    return uses.every(fromOwnValue) ? `only bound in ${cells}, from ${plural ? 'their' : 'its'} own earlier value (no cell defines ${plural ? 'them' : 'it'} afresh)` : `first defined in ${cells}`;
  };

  // A cell that binds names too late for the cells above is one cause, whatever the number of its
  // names and of the cells that use them; so is a cell that uses names several cells below bind
  // (moving it down pays them all off): early uses that share their using or their defining cell,
  // directly or through other early uses, are one finding, linked to the definitions and to the
  // first early use in each other cell. A call of a function that reads such names is such an early
  // use, in the cell of the call: at the first direct use when the group has one (the read that
  // fails), else at the first call. Each name counts once per cell.
  const reported = new Set<string>();
  const early: EarlyUse[] = [];
  const calls: { call: NameRead; uses: EarlyUse[] }[] = [];
  return { callees: DYNAMIC_BINDER_CALLEES, call(call) {
    opaque = Math.min(opaque, call.node.startIndex);
  }, import_from_statement(statement) {
    if (isWildcardImport(statement)) opaque = Math.min(opaque, statement.startIndex);
  }, read(read) {
    if (read.deferred || !isModuleBinding(read) || unparsed.has(index.segmentIndexOf(read.node)) || unevaluated(read)) return;
    // A read in an arm a flag turns off as the notebook stands never runs on Restart & Run All.
    const skipped = () => skippedAsWritten(index, read.node);
    const first = definedLater(read.name, read.node);
    if (first) {
      if (skipped()) return;
      const segmentIndex = index.segmentIndexOf(read.node);
      if (reported.has(`${read.name}@${segmentIndex}`) || isGuarded(read)) return;
      reported.add(`${read.name}@${segmentIndex}`);
      early.push({ name: read.name, read, first });
      return;
    }
    // A call runs the function now: the module names its body reads must exist now.
    const called = calledFunctions(index, read);
    if (called.length && skipped()) return;
    for (const fn of called) {
      const segmentIndex = index.segmentIndexOf(read.node);
      const uses: EarlyUse[] = [];
      for (const [name, inner] of notebook.globalsReadAt(fn, read.node.startIndex, new Set(), read)) {
        const binding = definedLater(name, read.node);
        if (binding && !isGuarded(inner) && !unevaluated(inner) && !reported.has(`${read.name}:${name}@${segmentIndex}`)) uses.push({ name, read: inner, first: binding });
      }
      for (const use of uses) reported.add(`${read.name}:${use.name}@${segmentIndex}`);
      if (uses.length) calls.push({ call: read, uses });
    }
  }, finish() {
    const cause = (use: EarlyUse) => [`defines:${use.first.segmentIndex}`, `uses:${index.segmentIndexOf(use.read.node)}`];
    const viaCalls = calls.flatMap(({ call, uses }) => uses.map((use): EarlyUse => ({ ...use, read: call, inner: use.read })));
    for (const uses of groupConnected([...early, ...viaCalls], cause)) {
      const direct = uses.filter((use) => !use.inner);
      const usingCells = uses.map((u) => cellNumber(index.segmentIndexOf(u.read.node)));
      // The first use of each name (for its definition), and the first early use in each other cell,
      // where moving the definition up also helps; one pass, so a cell used by many stays linear.
      const firstOfName = new Map<string, EarlyUse>();
      const firstInCell = new Map<number, EarlyUse>();
      uses.forEach((use, i) => {
        if (!firstOfName.has(use.name)) firstOfName.set(use.name, use);
        if (!use.inner && !firstInCell.has(usingCells[i])) firstInCell.set(usingCells[i], use);
      });
      const names = [...firstOfName.keys()];
      const callReads = new Map<NameRead, EarlyUse[]>();
      for (const use of uses) if (use.inner) pushTo(callReads, use.read, use);
      const callSites = [...callReads].flatMap(([call, reads]) => [
        { node: call.node, message: `\`${call.name}()\` runs here and reads ${nameList(reads.map((u) => u.name))}` },
        ...reads.map((u) => ({ node: u.inner!.node, message: `\`${call.name}\` reads \`${u.name}\` here` })),
      ]);
      const definitions = [...firstOfName.values()].map(definitionSite);
      if (direct.length) {
        const at = direct[0];
        const otherCells = [...firstInCell.entries()].filter(([cell]) => cell !== cellNumber(index.segmentIndexOf(at.read.node)));
        const several = new Set(usingCells).size > 1;
        context.report({
          node: at.read.node,
          message: `${nameList(names)} ${names.length > 1 ? 'are' : 'is'} used in ${cellList(usingCells)} but ${later(uses, several)}: this runs only with kernel state left from an earlier run, and Restart & Run All fails here`,
          related: [
            ...definitions,
            ...otherCells.map(([cell, u]) => ({ node: u.read.node, message: `\`${u.name}\` is used here too, in cell ${cell}` })),
            ...callSites,
          ],
        });
        continue;
      }
      // Calls only: their functions may read the names in arms that do not run, so no claim that the run fails.
      const [first, ...others] = [...callReads.keys()].sort((a, b) => a.node.startIndex - b.node.startIndex);
      const callNames = [...new Set([first, ...others].map((call) => `\`${call.name}()\``))];
      const plural = callNames.length > 1;
      context.report({
        node: first.node,
        message: `${listed(callNames, 'calls')} ${plural ? 'run' : 'runs'} in ${cellList(usingCells)} and ${plural ? 'read' : 'reads'} ${nameList(names)}, ${later(uses, new Set(usingCells).size > 1)}: this runs only with kernel state left from an earlier run`,
        related: others.length
          ? [...definitions, ...callSites.filter((site) => site.node !== first.node)]
          : uses.flatMap((use) => [definitionSite(use), { node: use.inner!.node, message: `\`${first.name}\` reads \`${use.name}\` here` }]),
      });
    }
  } };
}

export const notebookUseBeforeDefine: Rule = {
  meta: {
    code: 'MLD805',
    name: 'notebook-use-before-define',
    category: 'reproducibility-debt',
    severity: 'warning',
    recommended: true,
    notebookOnly: true,
    docs: {
      summary: 'A name is used in a notebook cell but first defined in a cell below it, so the notebook runs only with variables left in the kernel from an earlier run.',
      why: 'Reproducibility debt (§8): the notebook\'s results depend on hidden kernel state. Whoever runs it from the top — a colleague, a CI job, the author after a restart — gets a NameError, or worse, silently different values if a stale variable happens to exist. What the notebook shows is not what its cells compute in order.',
      example: '# cell 1\nmodel.fit(X_train, y_train)   # X_train comes from cell 2\n# cell 2\nX_train, X_test, y_train, y_test = train_test_split(X, y)',
      fix: 'Move the definition above its first use (or the use below the definition), then restart the kernel and run all cells to check. The finding links the cell that defines the name. A first binding that reads the name\'s own earlier value (`predictions = (predictions > 0.5).astype(np.uint8)`, `running_loss += loss`) defines nothing the notebook provides: moving it up only moves the failure, so the finding says the name is only bound there, from its own earlier value, and no cell defines it afresh — restore the cell that computed it (often deleted or commented out). A read inside a lambda or a function the binding defines does not run there, and such a binding still defines the name.',
      nearMisses: 'Names defined earlier in the same cell, or in any cell above (even if also redefined below), builtins and the names IPython injects (`In`, `Out`, `display`, `get_ipython`), names bound by imports, `def`, `class`, loops, comprehensions, `with ... as` (also in the parenthesized form of Python 3.10, `with (open(p) as src, open(q) as dst):`, whose items the grammar reads as `as` patterns in parentheses) and `except ... as`, and names assigned by magics (`files = !ls`, `%time df = load()`, `%%capture out`) are understood. So are names bound in the body of a cell magic that runs its body as Python in the kernel (`%%time`, `%%capture`, treescope\'s `%%autovisualize` and `%%with`): the cell defines them as a plain cell would. Reads in a function body count when the function is called, not where it is defined; a call that passes a string for a parameter the body dispatches on (`sweep(X, y, "knn")` with `if kind == "svm": SVC(...)`) does not run the arms that test for other strings, and does not read the names only they read; nor does a call that leaves a flag false — passing `False`, `None` or `0` for it, or nothing when that is its default (`plot_runs(results)` with `def plot_runs(results, with_forecast=False)` and `if with_forecast: plot_forecast(...)`) — run the arm under `if flag:`, nor read the names only it reads. So is an arm that tests a parameter for holding something (`if heat:`, `if len(heat):`, `if len(heat) != 0:`, `if len(heat) > 0:`) skipped by a call that leaves it empty, passing `{}`, `[]`, `()` or `""` or nothing when that is its default (`draw_region_map(ax, sf)` with `def draw_region_map(ax, sf, heat={})`): an empty value makes the test false; so is the `else` of a plain `if` that tests it for being empty (`if len(heat) == 0:`, `if not heat:`), which then runs its first arm. An arm under `if heat is not None:`, or the `else` of `if heat is None:`, still runs for an empty value, and is skipped only where the call leaves it `None`. Nor does Restart & Run All run a cell\'s own arm whose test is false as the notebook stands, a flag bound once to a literal (`RUN_SWEEP = False`, `if RUN_SWEEP:`) or the entry of a settings dictionary bound to a literal and read by a constant key (`CFG["tune"]`, `CFG.get("tune", True)`) that nothing before the test may have changed (writes of other keys leave it), nor the `elif` or `else` after a test that holds true: the names only such an arm reads are not read early, while a flag bound twice or a dictionary rewritten before the test (`CFG.update(overrides)`) is still followed into its arm. Names deleted with `del` are not definitions. A name read only in an annotation (`def add_labels(df) -> pd.DataFrame:`, `frame: pd.DataFrame = None`) after `from __future__ import annotations` opens a cell is not read: from that cell on, IPython compiles every cell with annotations kept as text and never evaluated; without that import, a parameter\'s or return\'s annotation is evaluated when the `def` runs, and a use of a name bound below is still reported. Nothing is reported after `from x import *`, `%pylab` (which imports NumPy as `np` and Matplotlib\'s `plt`, and star-imports NumPy\'s and pylab\'s names), `%run`, `%store -r`, `exec` or `globals()` (names may come from there), for names a function binds through `global`, for reads that test for the name (`try: model except NameError:`, `if "model" not in globals():`), or for names that appear in code above too broken to parse (an exercise cell `df = # TODO`), which may be where they are bound. A cell that does not parse as Python (a `%bq query` line magic followed by its SQL, an exercise line `mean = total / <YOUR CODE>`) never runs: IPython rejects the whole cell before its first line, so none of its names is read, not even those in its well-formed lines; its syntax error is reported instead. So is a cell the parser reads but Python refuses for its indentation, statements of one block that begin their lines at different columns (a stray `c` typed at the start of a line inside a loop, the loop\'s remaining lines left indented under it): IndentationError stops it before its first line. A call of a function whose own code does not parse (an exercise body with `probs = <YOUR CODE>` lines) does not count as reading the names of that body: the missing code is where they would be bound, and the cell that defines it fails before the call anyway. A code cell VS Code labels with another language (`"vscode": {"languageId": "plaintext"}` in its metadata, `shellscript` on a `pdfs = !ls papers` cell) but whose saved execution count shows the kernel ran it defines its names like any cell: the label is the editor\'s, Jupyter and Colab send every code cell\'s text to the kernel, and the count records that this text ran there (in a notebook read from disk, by the command line or the workspace check; in an open editor the cell has the language VS Code gives it, the one VS Code runs it in). A labelled cell with no count keeps its label.',
      notebooks: 'The code cells are read top to bottom as one program, the order Restart & Run All uses; markdown cells are skipped. A cell that first defines names used in cells above it is one cause, paid off by moving it (or its definitions) up; so is a cell that uses names several cells below it define (draft cells pasted above the set-up, constants and helpers they read), paid off by moving it down: early uses that share the cell that uses them or the cell that defines them, directly or through other early uses, are one finding, at the first of them, naming every such name, the cells that use them and the cells that define them, linked to each definition and to the first early use in each other cell. Early uses that share neither kind of cell stay apart. A call of a notebook function that reads names defined later is such an early use, in the cell of the call: a cell that loads data with its helper and then logs with `logger`, both before the cell that defines `logger`, is one finding, at the direct use (the read that fails), linked to the call and to the helper\'s read; calls alone are one finding at the first of them, naming every function they run and linked to each call, without the claim that the run fails, since a function may read the name in an arm that does not run.',
    },
  },
  listen,
};
