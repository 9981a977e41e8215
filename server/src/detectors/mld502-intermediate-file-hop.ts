import type { Node } from 'web-tree-sitter';
import { OPEN_FUNCTIONS } from '../semantics/library/io';
import type { SemanticIndex } from '../semantics';
import type { DataFlow, DataIO } from '../semantics/dataflow';
import { holdsData, isExact, openedMode, openedPath } from '../semantics/dataflow';
import { ancestors, enclosingFunction, enclosingStatement, firstAtOrAfter, FUNCTION_TYPES, isAncestorOf, nodeKey, rootIdentifier, sameNode, stripParens } from '../semantics/nodes';
import { parentFolder, pathKey } from '../semantics/pathValues';
import { stringValue } from '../semantics/literals';
import { isCacheOrCheck } from './shared/caches';
import { unreadAnywhere } from './shared/inspection';
import { inExclusiveArms, lastWrittenBefore, otherRunThan, writtenBeforeRead } from './shared/runOrder';
import { LEARNING_METHODS } from './shared/randomReach';
import { trackerVersionRecord, usesTracker } from './shared/trackers';
import { describePath, placeOf } from './shared/places';
import { calledName, enclosedBy, shortText } from './shared/objects';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';
import type { CallSite, Definition } from '../semantics/types';
import { pushTo } from '../engine/collections';
import { underTestsNewDirectory } from './shared/testTempDirs';

/** Looking at data: `df`, `df.head()`, `df.shape`, `arch["b"]`, `print(df)`, `display(df)`, `df.plot()`, Spark's `sdf.show()`, `sdf.printSchema()`, `sdf.count()`. */
const INSPECTIONS = new Set(['head', 'tail', 'shape', 'describe', 'info', 'columns', 'dtypes', 'sample', 'size', 'ndim', 'index', 'keys', 'files', 'nunique', 'value_counts', 'isnull', 'isna', 'equals', 'features', 'num_rows', 'column_names', 'plot', 'hist', 'boxplot', 'count', 'show', 'printSchema']);
const INSPECTING_CALLS = new Set(['builtins.print', 'builtins.len', 'builtins.type', 'builtins.repr', 'builtins.display', 'IPython.display.display']);
/**
 * Python 2's `print x, y` shows its values, as `print(x, y)` does; `print >> out, x` writes them
 * into another file, which may feed a next step.
 */
const printsToScreen = (statement: Node) => statement.type === 'print_statement' && !statement.namedChildren.some((child) => child?.type === 'chevron');

/** Summary statistics, and a column's distinct values: what they return is as much looked at as where it goes (printed, or used). */
const STATISTICS = new Set(['mean', 'sum', 'min', 'max', 'std', 'var', 'median', 'mode', 'round', 'item', 'all', 'any', 'unique']);

/**
 * Methods that pick rows or columns of a frame or reorder them (pandas, polars, Spark), lay an
 * array's values out in another shape (NumPy), or hand the same values over in a list or an array
 * (`tolist()`, `to_numpy()`), computing no new value: `fillna(0)` or `astype(...)` transforms what
 * was read, and is left out.
 */
const SELECTIONS = new Set(['filter', 'query', 'select', 'sort', 'sort_values', 'sort_index', 'orderBy', 'nlargest', 'nsmallest', 'limit', 'reshape', 'ravel', 'flatten', 'squeeze', 'transpose', 'tolist', 'to_list', 'to_numpy']);

/** True when a use of the data only looks at it: displayed, printed, checked in an `assert` or an assertion call, or an inspection of it. */
function onlyLooksAt(index: SemanticIndex, use: Node): boolean {
  if (inAssertion(index, use)) return true;
  let current: Node = use;
  for (let parent = current.parent; parent; current = parent, parent = current.parent) {
    switch (parent.type) {
      case 'expression_statement':
        return true;
      case 'parenthesized_expression':
        continue;
      case 'subscript':
        if (!sameNode(parent.childForFieldName('value'), current)) return false;
        continue;
      case 'attribute': {
        if (!sameNode(parent.childForFieldName('object'), current)) return false;
        const name = parent.childForFieldName('attribute')?.text ?? '';
        if (INSPECTIONS.has(name)) return true;
        // A statistic (`frame["label"].mean()`) is followed to where it goes: shown, it only looks.
        // So are rows picked, reordered or grouped for one (`frame.sort_values("r")`,
        // `frame.groupby("lr").mean()`): they compute nothing new from the data until it is shown.
        if ((STATISTICS.has(name) || SELECTIONS.has(name) || name === 'groupby') && parent.parent?.type === 'call') {
          current = parent.parent;
          parent = current;
          continue;
        }
        // A method other than an inspection (`df.to_csv(...)`, `df.fillna(...)`) does something with the data.
        if (parent.parent?.type === 'call') return false;
        continue;
      }
      // Written into a string (`"%.4f" % value`, `f"{value}"`): followed to where the string goes.
      case 'interpolation':
      case 'string':
        continue;
      case 'tuple':
        if (parent.parent?.type !== 'binary_operator') return false;
        continue;
      case 'binary_operator':
        if (parent.childForFieldName('operator')?.text !== '%' || stripParens(parent.childForFieldName('left') ?? parent).type !== 'string' || !sameNode(parent.childForFieldName('right'), current)) return false;
        continue;
      case 'argument_list': {
        const call = parent.parent ? index.call(parent.parent) : undefined;
        return !!call?.qname && INSPECTING_CALLS.has(call.qname);
      }
      case 'print_statement':
        return printsToScreen(parent);
      case 'for_statement':
        return sameNode(parent.childForFieldName('right'), current) && onlyShows(index, parent.childForFieldName('body'))
          && parent.namedChildren.every((child) => child?.type !== 'else_clause' || statementOnlyShows(index, child));
      default:
        return false;
    }
  }
  return false;
}

/**
 * True when a block only shows things: printing or displaying, under `if`s whose tests call nothing
 * but builtins (`if any(e.is_noble_gas for e in s.elements): print(s)`). A loop with such a body
 * over the read-back looks at its rows one by one and keeps nothing once it ends.
 */
function onlyShows(index: SemanticIndex, block: Node | null): boolean {
  return !!block && block.namedChildren.every((statement) => !statement || statementOnlyShows(index, statement));
}

function statementOnlyShows(index: SemanticIndex, statement: Node): boolean {
  switch (statement.type) {
    case 'comment': case 'pass_statement': case 'continue_statement': case 'break_statement':
      return true;
    case 'print_statement':
      return printsToScreen(statement);
    case 'expression_statement': {
      const call = statement.firstNamedChild?.type === 'call' ? index.call(statement.firstNamedChild) : undefined;
      return !!call?.qname && INSPECTING_CALLS.has(call.qname);
    }
    case 'else_clause':
      return onlyShows(index, statement.childForFieldName('body'));
    case 'if_statement': case 'elif_clause': {
      const test = statement.childForFieldName('condition');
      return !!test && index.callsWithin(test).every((call) => !!call.qname?.startsWith('builtins.'))
        && onlyShows(index, statement.childForFieldName('consequence'))
        && statement.namedChildren.every((arm) => !arm || (arm.type !== 'elif_clause' && arm.type !== 'else_clause') || statementOnlyShows(index, arm));
    }
    default:
      return false;
  }
}

/**
 * The outermost expression of the chain of selections that starts at a read (`pl.read_parquet(p)
 * .filter(...).sort(...)`, `pd.read_csv(p).loc[rows]`): what the program holds of the data read.
 */
function selectionChain(read: Node): Node {
  let current = read;
  for (let parent = current.parent; parent; parent = current.parent) {
    if (parent.type === 'parenthesized_expression') current = parent;
    else if (parent.type === 'subscript' && sameNode(parent.childForFieldName('value'), current)) current = parent;
    else if (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), current) && parent.parent) {
      const name = parent.childForFieldName('attribute')?.text ?? '';
      if ((name === 'loc' || name === 'iloc') && parent.parent.type === 'subscript') current = parent.parent;
      else if (SELECTIONS.has(name) && parent.parent.type === 'call') current = parent.parent;
      else return current;
    } else return current;
  }
  return current;
}

/** How many reads inside one `if` are asked for the other arm of a flag-switched cache: a bound, so a file of thousands stays linear. */
const MAX_CACHE_READS = 256;

/** The saves of a read's file as a set: `savesAt` hands every read of one location the same list. */
const savesSets = new WeakMap<readonly DataIO[], Set<DataIO>>();

function savedBefore(flow: DataFlow, read: DataIO): Set<DataIO> {
  const saves = flow.savesAt(read);
  let set = savesSets.get(saves);
  if (!set) savesSets.set(saves, (set = new Set(saves)));
  return set;
}

/**
 * A cache switched by a flag: the file written in one arm of an `if` is read in another arm
 * (`if do_search: ...; results.to_csv(p)` / `else: results = pd.read_csv(p)`). A read-back right
 * after the write in the writing arm (reloaded so both arms go on with the same values) is part of
 * that cache, not a step of the pipeline. Asked once per write, of the reads inside the `if`s
 * around it (`loaded` in document order): a write outside any `if` costs nothing.
 */
function flagSwitchedCache(flow: DataFlow, loaded: readonly DataIO[], write: DataIO, answers: Map<DataIO, boolean>): boolean {
  let answer = answers.get(write);
  if (answer !== undefined) return answer;
  answer = false;
  const site = write.call.node;
  for (const branch of ancestors(site, true)) {
    if (FUNCTION_TYPES.has(branch.type)) break;
    if (branch.type !== 'if_statement') continue;
    const first = firstAtOrAfter(loaded, (io) => io.call.node.startIndex, branch.startIndex);
    const last = Math.min(loaded.length, first + MAX_CACHE_READS);
    for (let i = first; !answer && i < last && loaded[i].call.node.startIndex < branch.endIndex; i++) {
      answer = inExclusiveArms(site, loaded[i].call.node) && savedBefore(flow, loaded[i]).has(write);
    }
    if (answer) break;
  }
  answers.set(write, answer);
  return answer;
}

/**
 * True when the data read back feeds further computation. A read displayed (`pd.read_csv(p)` on
 * its own, `display(pd.read_csv(p))`), or bound to a name that is only looked at, checks what was
 * written: it is no hop.
 */
function feedsComputation(index: SemanticIndex, read: DataIO): boolean {
  const back = writtenBackBy(index.dataflow, read);
  if (boundOnlyForAsserts(index, read.call.node)) return false;
  // A selection from what was read (rows of one product, sorted) that is only looked at checks the output too.
  const held = selectionChain(read.call.node);
  const parent = held.parent;
  if (parent?.type !== 'assignment' || !sameNode(parent.childForFieldName('right'), held)) return !onlyLooksAt(index, held) && !shownAfterArithmetic(index, held, new Set(), 0) && !handedOnToNothing(index, held, back, 0);
  const definition = nameBoundBy(index, parent);
  return definition ? !reachesNothing(index, definition, back) && !derivedOnlyShown(index, definition, back) : !handedOnToNothing(index, held, back, 0);
}

/** Where the data of a location's saves stand, per `savesAt` list: asked of every read of a file written and read back many times. */
const writtenData = new WeakMap<readonly DataIO[], Set<string>>();

/**
 * Whether a use is the data a write back to the read's own file saves (`df.to_csv(p)` after
 * `df = pd.read_csv(p)`): a table read, extended and saved again in place, as a results table
 * updated after each trial is, hands nothing to another step through that use.
 */
function writtenBackBy(flow: DataFlow, read: DataIO): (use: Node) => boolean {
  const saves = flow.savesAt(read);
  let written = writtenData.get(saves);
  if (!written) writtenData.set(saves, (written = new Set(saves.flatMap((save) => (save.data ? [nodeKey(stripParens(save.data))] : [])))));
  return (use) => written.has(nodeKey(use));
}

/** How many names bound from the read-back `reachesNothing` follows. */
const MAX_REACH = 3;

/**
 * True when nothing the program makes depends on what `definition` holds: every use only looks at
 * it, writes into it (`frame["y"] = frame["y"].astype("int8")`, whose value goes back into the same
 * object), saves it back to the file it was read from (`back`), or is the value of a name that
 * reaches nothing in turn (`wrong = frame[frame.y != frame.pred]`, never read), computed by no call
 * but the object's own methods; a name never read reaches nothing in a script, a notebook or a
 * function (a library module's global may be imported elsewhere).
 */
function reachesNothing(index: SemanticIndex, definition: Definition, back: (use: Node) => boolean, depth = 0): boolean {
  const uses = index.dataflow.usesOf(definition);
  // The read-back itself bound to a name never read was already left alone.
  if (uses.length === 0) return depth === 0 || unreadAnywhere(index, definition.node);
  return uses.every((use) => use.role === 'mutated' || onlyLooksAt(index, use.node) || back(use.node) || shownAfterArithmetic(index, use.node, new Set([definition]), depth)
    || (depth < MAX_REACH && (intoNothing(index, definition, use.node, back, depth) || handedOnToNothing(index, use.node, back, depth))));
}

/** Builtins that make a number out of numbers: the arithmetic a check of what was written may do. */
const ARITHMETIC_BUILTINS = new Set(['abs', 'max', 'min', 'sum', 'float', 'int', 'round', 'pow', 'len', 'bool', 'all', 'any']);
/** Builtins that only compute or show, and touch no file, module or object outside what they are given. */
const PURE_BUILTINS = new Set([...ARITHMETIC_BUILTINS, 'str', 'list', 'tuple', 'dict', 'set', 'sorted', 'reversed', 'enumerate', 'zip', 'range', 'isinstance', 'repr', 'type', 'format', 'print', 'display']);
/** pandas functions that work a new value out of what they are given and touch no file. */
const PANDAS_COMPUTES = new Set(['pandas.to_datetime', 'pandas.to_numeric', 'pandas.to_timedelta', 'pandas.isna', 'pandas.isnull', 'pandas.notna', 'pandas.notnull', 'pandas.cut', 'pandas.qcut']);
/**
 * Spark SQL's column functions and window specifications (`F.col("x")`, `F.split(...)`,
 * `F.count("*").over(Window.partitionBy("k"))`) and the methods of what they return (`.alias`,
 * `.over`, `.desc`): they only describe an expression of a query, which computes nothing by itself
 * and reads or writes no file. A user-defined function (`F.udf(relabel)`, `pandas_udf`, `call_udf`)
 * runs code of the project, which may do anything, and is not one.
 */
function sparkExpression(qname: string | undefined): boolean {
  if (!qname) return false;
  const spark = /^pyspark\.sql\.(functions|Window|window\.Window|Column|column\.Column)\.(\w+)/.exec(qname);
  return !!spark && !/udf|udtf|^call_function$|^reflect$|^java_method$/.test(spark[2]);
}
/** The first attribute of a chain of calls, subscripts and attributes (`F.split` in `F.split(c, "_")[0].alias("t")`). */
function chainHead(node: Node): Node | undefined {
  let current: Node | null = node;
  let head: Node | undefined;
  while (current) {
    if (current.type === 'attribute') { head = current; current = current.childForFieldName('object'); }
    else if (current.type === 'call') current = current.childForFieldName('function');
    else if (current.type === 'subscript') current = current.childForFieldName('value');
    else if (current.type === 'parenthesized_expression') current = current.namedChildren[0] ?? null;
    else return current.type === 'identifier' ? head : undefined;
  }
  return undefined;
}
/** Methods that run a function they are given on the data: a function of the project may do anything there. */
const CALLBACK_METHODS = new Set(['apply', 'applymap', 'map', 'pipe', 'transform', 'agg', 'aggregate', 'foreach', 'foreachPartition']);
/** Methods that hand the data out of the program (`to_csv`, `save`, `write`, `log`...), besides those `dataIOAt` knows. */
const HANDS_OUT = /^(to_(?!numpy$|list$|dict$|frame$|string$|period$|timestamp$|pydatetime$|series$)|save|write|dump|export|upload|log|send|insert_into|put)/;
/** Methods that add to a list (`gaps.append(g)`): the list then holds what was added. */
const LIST_ADDS = new Set(['append', 'extend', 'insert']);
/** How many names `derivedOnlyShown` follows from one read-back. */
const MAX_DERIVED = 48;

/**
 * True when every value the program works out of what `start` holds is in the end only shown:
 * the names bound from it by computing alone — its own methods and those of the values worked out
 * of it (`df.sort_values("DATE")`, `df.groupby("g").size()`), pandas' conversions
 * (`pd.to_datetime(df["DATE"])`), NumPy's and the builtins' arithmetic —, the objects those values
 * are written into, and the names and lists a loop over them or an `if` on them sets (`for d in
 * df["gap"]: if d == 1: ids.append(n)`), where every call also only computes, reach nothing but
 * statements that show them (`print(grouped.rename(columns=...))`) or no statement at all. A report
 * printed from the read-back hands nothing to a next step, however many steps it takes to make. A
 * value handed to any other call (a function of the project, a fit, a plot, a write), returned,
 * or assigned to an object outside the program's names still feeds one.
 */
function derivedOnlyShown(index: SemanticIndex, start: Definition, back: (use: Node) => boolean): boolean {
  const derived = new Set<Definition>([start]);
  const queue: Definition[] = [start];
  const settled: Node[] = [];
  const derive = (definition: Definition | undefined): boolean => {
    if (!definition) return false;
    if (!derived.has(definition)) {
      derived.add(definition);
      queue.push(definition);
    }
    return derived.size <= MAX_DERIVED;
  };
  const ownedBy = (scope: Node | undefined) => (root: Node): boolean => {
    const binding = index.bindingAt(root);
    return (!!binding && derived.has(binding)) || (!!scope && !!binding && isAncestorOf(scope, binding.node));
  };
  const computes = (call: CallSite, owned: (root: Node) => boolean): boolean => {
    if (index.dataflow.dataIOAt(call.node)) return false;
    const qname = call.qname;
    if (qname) {
      if (qname.startsWith('builtins.')) return PURE_BUILTINS.has(qname.slice('builtins.'.length));
      return INSPECTING_CALLS.has(qname) || PANDAS_COMPUTES.has(qname) || (qname.startsWith('numpy.') && computesOnly(index, call)) || sparkExpression(qname);
    }
    if (!call.method || !call.receiver || LEARNING_METHODS.has(call.method) || HANDS_OUT.test(call.method) || /\.(write|writeStream)\b/.test(call.receiver.text)) return false;
    if (CALLBACK_METHODS.has(call.method) && ![...call.args, ...call.kwargs.values()].every((argument) => isPlainValue(argument))) return false;
    const root = rootIdentifier(call.receiver);
    if (root && sparkExpression(index.qualify(chainHead(call.receiver) ?? root))) return true;
    return !!root && (owned(root) || (LIST_ADDS.has(call.method) && sameNode(root, call.receiver)));
  };
  // The names a statement binds or writes into, and the lists it adds to: they hold what it computed.
  const deriveTargets = (statement: Node): boolean => {
    for (const assignment of statement.descendantsOfType(['assignment', 'augmented_assignment', 'for_statement'])) {
      const left = assignment.childForFieldName('left');
      if (!left) continue;
      for (const target of left.type === 'identifier' ? [left] : left.descendantsOfType(['identifier'])) {
        if (left.type !== 'identifier' && !sameNode(rootIdentifier(left), target) && !assignsNamesOnly(left)) continue;
        if (!derive(index.boundAt(target) ?? index.bindingAt(target))) return false;
      }
    }
    for (const call of index.callsWithin(statement)) {
      if (!call.method || !LIST_ADDS.has(call.method) || call.receiver?.type !== 'identifier') continue;
      const list = index.bindingAt(call.receiver);
      if (!derive(list)) return false;
      kept.push(list!);
    }
    return true;
  };
  const kept: Definition[] = [];
  while (queue.length > 0) {
    const definition = queue.pop()!;
    const uses = index.dataflow.usesOf(definition);
    if (uses.length === 0 && definition !== start && !unreadAnywhere(index, definition.node)) return false;
    for (const use of uses) {
      if (use.role === 'mutated' || settled.some((block) => isAncestorOf(block, use.node))) continue;
      if (onlyLooksAt(index, use.node) || back(use.node) || shownAfterArithmetic(index, use.node, new Set([definition]), 0)) continue;
      const statement = enclosingStatement(use.node);
      const expression = statement.type === 'expression_statement' ? statement.firstNamedChild : null;
      if (expression?.type === 'assignment' || expression?.type === 'augmented_assignment') {
        const right = expression.childForFieldName('right');
        if (!right || !isAncestorOf(right, use.node) && !sameNode(right, use.node)) return false;
        if (!index.callsWithin(right).every((call) => computes(call, ownedBy(undefined)))) return false;
        const left = expression.childForFieldName('left');
        if (!left || (left.type !== 'identifier' && !assignsNamesOnly(left) && !rootIdentifier(left))) return false;
        if (!deriveTargets(statement)) return false;
        continue;
      }
      if (expression && statement.namedChildCount === 1) {
        // Shown or dropped: every call only computes or shows (`print(grouped.rename(columns=names))`).
        if (!index.callsWithin(statement).every((call) => computes(call, ownedBy(undefined)))) return false;
        if (!deriveTargets(statement)) return false;
        continue;
      }
      if (statement.type === 'for_statement' || statement.type === 'if_statement' || statement.type === 'while_statement') {
        // A loop over the values, or a test of them: what its body sets depends on them.
        if (statement.descendantsOfType(['return_statement', 'yield', 'global_statement', 'nonlocal_statement', 'function_definition', 'class_definition', 'with_statement', 'try_statement']).length > 0) return false;
        if (!index.callsWithin(statement).every((call) => computes(call, ownedBy(statement)))) return false;
        if (!deriveTargets(statement)) return false;
        settled.push(statement);
        continue;
      }
      return false;
    }
  }
  // Rows kept in a list that nothing reads once the loop is done are taken as used: keeping them is a step.
  return kept.every((list) => index.dataflow.usesOf(list).some((use) => !settled.some((block) => isAncestorOf(block, use.node))));
}

/** A literal value, or a list, tuple or dictionary of them (`agg(["min", "max"])`): no function handed on. */
function isPlainValue(node: Node): boolean {
  const value = stripParens(node);
  switch (value.type) {
    case 'string': case 'integer': case 'float': case 'true': case 'false': case 'none':
      return true;
    case 'list': case 'tuple': case 'set':
      return value.namedChildren.every((item) => !!item && isPlainValue(item));
    case 'dictionary':
      return value.namedChildren.every((pair) => !!pair && (pair.type === 'pair' ? [pair.childForFieldName('key'), pair.childForFieldName('value')].every((part) => !!part && isPlainValue(part)) : false));
    default:
      return false;
  }
}

/** Expressions that compute a value from their parts without calling anything. */
const OPERATORS = new Set(['parenthesized_expression', 'binary_operator', 'unary_operator', 'comparison_operator', 'boolean_operator', 'not_operator', 'conditional_expression', 'subscript', 'interpolation', 'string']);

/** A call that only computes: an arithmetic builtin, a statistic method (`gap.max()`), or a NumPy function that reads and writes no file. */
function computesOnly(index: SemanticIndex, call: CallSite): boolean {
  const qname = call.qname ?? '';
  if (qname.startsWith('builtins.')) return ARITHMETIC_BUILTINS.has(qname.slice('builtins.'.length));
  if (qname.startsWith('numpy.')) return !index.dataflow.dataIOAt(call.node);
  return !call.qname && !!call.method && STATISTICS.has(call.method);
}

/**
 * True when every value the program works out of `use` by arithmetic alone — operators,
 * comparisons, the builtins and NumPy functions of `computesOnly`, a statistic method
 * (`.max()`), a function defined beside the read that computes only so, and names bound to such
 * values — is in the end only shown (printed, or written into a printed string). A number made
 * from the read-back and only shown is a statistic of it, as `print(np.load(p).sum())` is: the
 * largest difference between what the program holds and what it recomputes from the file
 * (`md = max(md, abs(expected[j] - forward(s)))`, then `print(f"max diff {md:.2e}")`) checks the
 * round trip and hands nothing to a next step. A value handed to any other call (a model's
 * `predict`, a function of the project), returned, saved or kept in a container still feeds one.
 * `seen` holds the names already followed (a running maximum reads itself).
 */
function shownAfterArithmetic(index: SemanticIndex, use: Node, seen: Set<Definition>, depth: number): boolean {
  if (depth > MAX_REACH) return false;
  const closure = closureComputingOnly(index, use, seen);
  if (closure) return closure.calls.length > 0 && closure.calls.every((call) => shownAfterArithmetic(index, call, seen, depth + 1));
  let current = use;
  for (let parent = current.parent; parent; current = parent, parent = current.parent) {
    if (OPERATORS.has(parent.type)) continue;
    switch (parent.type) {
      case 'expression_statement':
        return true;
      case 'print_statement':
        return printsToScreen(parent);
      case 'attribute': {
        // A statistic of the value (`diff.max()`) is worked out of it; any other method may do anything.
        const call = parent.parent;
        if (!sameNode(parent.childForFieldName('object'), current) || call?.type !== 'call' || !STATISTICS.has(parent.childForFieldName('attribute')?.text ?? '')) return false;
        parent = call;
        continue;
      }
      case 'argument_list': {
        const call = parent.parent ? index.call(parent.parent) : undefined;
        if (call?.qname && INSPECTING_CALLS.has(call.qname)) return true;
        if (!call || !computesOnly(index, call)) return false;
        parent = call.node;
        continue;
      }
      case 'assignment': {
        const target = parent.childForFieldName('left');
        if (target?.type !== 'identifier' || !sameNode(parent.childForFieldName('right'), current)) return false;
        const bound = index.boundAt(target);
        if (!bound) return false;
        if (seen.has(bound)) return true;
        seen.add(bound);
        const uses = index.dataflow.usesOf(bound);
        return uses.length > 0 && uses.every((next) => next.role === 'load' && shownAfterArithmetic(index, next.node, seen, depth + 1));
      }
      default:
        return false;
    }
  }
  return false;
}

/**
 * The function `use` is read in when it is defined in the scope of the name read (a closure over
 * it, `def forward(s): ... d["W"] @ s ...` beside `d = np.load(p)`) and only computes: every call
 * in it is arithmetic (`computesOnly`) and it writes into no object, so what it returns is all that
 * comes out of the value. Given with its calls (`forward(x)`), where the value goes on.
 */
function closureComputingOnly(index: SemanticIndex, use: Node, seen: ReadonlySet<Definition>): { calls: Node[] } | undefined {
  const fn = enclosingFunction(use);
  const read = use.type === 'identifier' ? index.bindingAt(use) : undefined;
  if (fn?.type !== 'function_definition' || !read || !seen.has(read) || sameNode(read.scope, fn)) return undefined;
  const outer = enclosingFunction(fn);
  if (!(outer ? sameNode(read.scope, outer) : read.scopeKey === 'module')) return undefined;
  const body = fn.childForFieldName('body');
  if (!body || !index.callsWithin(body).every((call) => computesOnly(index, call))) return undefined;
  // A write into an object (`out[k] = ...`, `self.w = ...`) or a global hands the value out another way.
  if (body.descendantsOfType(['global_statement', 'nonlocal_statement']).length > 0) return undefined;
  if (body.descendantsOfType(['assignment', 'augmented_assignment']).some((assignment) => !assignsNamesOnly(assignment.childForFieldName('left')))) return undefined;
  const name = fn.childForFieldName('name');
  const defined = name ? index.boundAt(name) : undefined;
  if (!defined) return undefined;
  const calls: Node[] = [];
  for (const reference of index.dataflow.usesOf(defined)) {
    const call = reference.node.parent;
    if (call?.type !== 'call' || !sameNode(call.childForFieldName('function'), reference.node)) return undefined;
    calls.push(call);
  }
  return { calls };
}

/** The target of an assignment binds plain names only (`h = ...`, `i_, f_ = ...`). */
function assignsNamesOnly(target: Node | null): boolean {
  if (!target) return false;
  if (target.type === 'identifier') return true;
  return (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern') && target.namedChildren.every((part) => assignsNamesOnly(part));
}

/**
 * The use hands a value out of where it is read only to names that reach nothing: as an entry
 * written into a list or dictionary built in the same scope (`tables[i] = frame` after
 * `tables = {}`), judged by that container's own uses; or as what a module-level function of the
 * file returns (`return tables`), judged where each of its calls puts the result (a helper that
 * reads back what the script wrote, whose caller only prints the shape of each table).
 */
function handedOnToNothing(index: SemanticIndex, use: Node, back: (use: Node) => boolean, depth: number): boolean {
  const parent = use.parent;
  if (parent?.type === 'return_statement') {
    const fn = enclosingFunction(use);
    const calls = fn ? index.dataflow.callsOf(fn) : [];
    return calls.length > 0 && calls.every((read) => !!read.node.parent && resultReachesNothing(index, read.node.parent, back, depth));
  }
  const left = parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), use) ? parent.childForFieldName('left') : null;
  const root = left?.type === 'subscript' ? rootIdentifier(left) : undefined;
  const container = root ? index.bindingAt(root) : undefined;
  const built = container?.value ? stripParens(container.value).type : undefined;
  const function_ = enclosingFunction(use);
  const sameScope = function_ ? sameNode(container?.scope, function_) : container?.scopeKey === 'module';
  return !!container && (built === 'dictionary' || built === 'list') && sameScope && reachesNothing(index, container, back, depth + 1);
}

/** What a call of the file's own function gives is dropped, only looked at, or bound to a name that reaches nothing. */
function resultReachesNothing(index: SemanticIndex, call: Node, back: (use: Node) => boolean, depth: number): boolean {
  if (onlyLooksAt(index, call)) return true;
  const parent = call.parent;
  const bound = parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), call) ? nameBoundBy(index, parent) : undefined;
  return !!bound && reachesNothing(index, bound, back, depth + 1);
}

/**
 * The use lies in the value of `x = ...` where `x` is the object itself (written into) or a name
 * that reaches nothing, and every call there is one of the object's own methods or a NumPy
 * function that only computes: `np.nan_to_num(back)` or a copy `np.array(back)` reworks what was
 * read as `back.fillna(0)` does, so where the result goes decides. A builtin's number
 * (`total = sum(back.n)`) is left to `shownAfterArithmetic`, which follows it to where it is shown.
 */
function intoNothing(index: SemanticIndex, definition: Definition, use: Node, back: (use: Node) => boolean, depth: number): boolean {
  const { left, right } = assignedFrom(use) ?? {};
  if (!right || !left) return false;
  const ownMethods = index.callsWithin(right).every((call) => {
    const root = call.receiver ? rootIdentifier(call.receiver) : undefined;
    return (!!root && index.bindingAt(root) === definition) || (!!call.qname?.startsWith('numpy.') && computesOnly(index, call));
  });
  if (!ownMethods) return false;
  if (left.type === 'identifier') {
    const bound = index.boundAt(left);
    return !!bound && reachesNothing(index, bound, back, depth + 1);
  }
  // A write into the object itself: what it holds is judged by the object's other uses.
  const root = rootIdentifier(left);
  return !!root && !sameNode(root, left) && index.bindingAt(root) === definition;
}

/** The target and value of the assignment statement whose value holds `use` (`left = ... use ...`). */
function assignedFrom(use: Node): { left: Node; right: Node } | undefined {
  const statement = enclosingStatement(use);
  const assignment = statement.type === 'expression_statement' ? statement.firstNamedChild : null;
  const right = assignment?.type === 'assignment' ? assignment.childForFieldName('right') : null;
  const left = assignment?.childForFieldName('left');
  return right && left && isAncestorOf(right, use) ? { left, right } : undefined;
}

/** The definition an assignment makes when its target is one plain name (`x = ...`). */
function nameBoundBy(index: SemanticIndex, assignment: Node): Definition | undefined {
  const target = assignment.childForFieldName('left');
  return target?.type === 'identifier' ? index.boundAt(target) : undefined;
}

/**
 * True when the read is part of the value of a statement `name = ...` whose name is used only in
 * assertions (`us = np.array([i for i, b in enumerate(np.load(p)) if b])` then
 * `assert all(truth == us)`, or `self.assertEqual(len(us), 3)`), also through names computed from
 * it that are (`loaded = np.load(p)`, `restored = Result(**{k: loaded[k] for k in loaded.files})`,
 * then only `assert np.array_equal(restored.weights, weights)`): however the value was computed
 * (training on it aside), an assertion only passes or stops the run, so nothing the program makes
 * depends on what was read; writing other values into such an object (`merged["B"] = row`) takes nothing
 * out of it. `depth` bounds how many such names are followed.
 */
function boundOnlyForAsserts(index: SemanticIndex, read: Node, depth = 3): boolean {
  const statement = enclosingStatement(read);
  const assignment = statement.type === 'expression_statement' ? statement.firstNamedChild : null;
  const right = assignment?.type === 'assignment' ? assignment.childForFieldName('right') : null;
  if (!assignment || !right || !(sameNode(right, read) || isAncestorOf(right, read))) return false;
  // Unless the value is computed by training on what was read (`acc = clf.fit(pd.read_csv(p), y).score(X, y)`): the model keeps it.
  if (index.callsWithin(right).some((call) => !!call.method && LEARNING_METHODS.has(call.method))) return false;
  const definition = nameBoundBy(index, assignment);
  const uses = definition ? index.dataflow.usesOf(definition) : [];
  // A write into the object (`merged["B"] = row`) takes nothing out of it: the other uses decide.
  // Writes into it, and values worked back into it, leave the judgement to the uses that take something out.
  const takers = uses.filter((use) => use.role !== 'mutated' && !workedBackInto(index, definition!, use.node));
  return takers.length > 0 && takers.every((use) => inAssertion(index, use.node) || (depth > 0 && boundOnlyForAsserts(index, use.node, depth - 1)));
}

/**
 * The use lies in a value written back into the same object (`out["ts"] = pd.to_datetime(out["stamp"])`),
 * computed by no training call: it only reshapes what the object holds, which its other uses judge.
 */
function workedBackInto(index: SemanticIndex, definition: Definition, use: Node): boolean {
  const { left, right } = assignedFrom(use) ?? {};
  if (!right || !left || (left.type !== 'subscript' && left.type !== 'attribute')) return false;
  const root = rootIdentifier(left);
  return !!root && index.bindingAt(root) === definition && !index.callsWithin(right).some((call) => !!call.method && LEARNING_METHODS.has(call.method));
}

/** A name that leads with a check: `validate_submission`, `verify_output`, `checkFrame`, pandera's `schema.validate` (not `checkpoint`). */
const CHECK_NAME = /^(?:[vV]alidate|[vV]erify|[cC]heck)(?=$|_|[A-Z])/;
/** A word that names a step besides the check (`check_and_save`, `validate_and_fix`): such a call may hand the data on. */
const OTHER_STEP = /save|write|dump|store|export|upload|fit|train|fix|clean|update|transform|load/i;

/**
 * An assertion: an `assert` statement, or a call named for one (`assert_frame_equal`,
 * `self.assertEqual`, hamcrest's `assert_that`), or a call named only for a check whose result the
 * statement drops (`validate_final_submission(back, test)`): it can only pass, report or stop the
 * run, as an assertion does; its result kept, or tested by an `if`, may steer what comes next.
 */
function isAssertion(index: SemanticIndex, node: Node): boolean {
  if (node.type === 'assert_statement') return true;
  const call = node.type === 'call' ? index.call(node) : undefined;
  const name = call ? calledName(call) ?? '' : '';
  return /^assert/i.test(name) || (CHECK_NAME.test(name) && !OTHER_STEP.test(name) && node.parent?.type === 'expression_statement');
}

/**
 * `node` lies, within its statement, in an assertion: an `assert` statement, the arguments of an
 * assertion call, or the test of an `if` that is an assertion spelled out (`reportingCheck`).
 */
function inAssertion(index: SemanticIndex, node: Node): boolean {
  return enclosedBy(node, (around) => isAssertion(index, around) || reportingCheck(index, around));
}

/** Level methods of a logger (`logger.warning(...)`, `self.log.error(...)`). */
const LOG_LEVELS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'critical', 'exception']);

/**
 * Methods that convert a value or compare it with another and touch nothing else: a column cast or
 * listed (`astype`, `tolist`), membership and text tests (`isin`, `str.contains`), a set's
 * comparisons (`required.issubset(...)`). In the test of a reporting check they only make the value
 * the check compares.
 */
const VALUE_COMPARISONS = new Set(['astype', 'tolist', 'to_list', 'to_numpy', 'isin', 'contains', 'startswith', 'endswith', 'match', 'fullmatch',
  'issubset', 'issuperset', 'isdisjoint', 'intersection', 'difference', 'union', 'symmetric_difference', 'notna', 'notnull', 'lower', 'upper', 'strip']);

/**
 * An `if` whose tests only compute (operators, the builtins, NumPy's functions, a statistic or an
 * inspection of the value: `back.dtype != np.float32 or np.isnan(back).any() or back.min() < 0`,
 * also a conversion or comparison of it, `not needed.issubset(set(back["case"].astype(str).tolist()))`)
 * and whose every arm only reports — prints, displays, warns, logs or raises — is an assertion
 * spelled out: it checks the file just written and steers nothing. An arm that does anything
 * else, `continue` or `return` among them, lets the read-back decide what the run does next.
 */
function reportingCheck(index: SemanticIndex, statement: Node): boolean {
  if (statement.type !== 'if_statement') return false;
  const arms = statement.namedChildren.filter((arm): arm is Node => !!arm && (arm.type === 'elif_clause' || arm.type === 'else_clause'));
  const tests = [statement, ...arms].map((arm) => arm.childForFieldName('condition')).filter((test): test is Node => !!test);
  const bodies = [statement, ...arms].map((arm) => arm.childForFieldName(arm.type === 'if_statement' ? 'consequence' : 'body') ?? arm.childForFieldName('consequence'));
  return tests.every((test) => index.callsWithin(test).every((call) => computesOnly(index, call) || PURE_BUILTINS.has(call.qname?.replace(/^builtins\./, '') ?? '')
      || (!call.qname && !!call.method && (INSPECTIONS.has(call.method) || VALUE_COMPARISONS.has(call.method)))))
    && bodies.every((body) => !!body && body.namedChildren.length > 0 && body.namedChildren.every((line) => !line || onlyReports(index, line)));
}

/** A statement that only reports: a print or display, a warning, a logger's message, a `raise`. */
function onlyReports(index: SemanticIndex, statement: Node): boolean {
  if (statement.type === 'comment' || statement.type === 'raise_statement') return true;
  if (statement.type === 'print_statement') return printsToScreen(statement);
  const call = statement.type === 'expression_statement' && statement.firstNamedChild?.type === 'call' ? index.call(statement.firstNamedChild) : undefined;
  if (!call) return false;
  const qname = call.qname ?? '';
  if (INSPECTING_CALLS.has(qname) || qname === 'warnings.warn' || /^logging\.(debug|info|warning|warn|error|critical|exception)$/.test(qname)) return true;
  const receiver = call.node.childForFieldName('function')?.childForFieldName('object');
  return !!call.method && LOG_LEVELS.has(call.method) && !!receiver && /log/i.test(receiver.text);
}

/**
 * The read-back, bound to a name, is first used in an assertion that compares it with the data the
 * write saved (`metadata.to_csv(p)`, `loaded = pd.read_csv(p)`, then `assert_frame_equal(loaded,
 * metadata)` or `assert (loaded != metadata).sum().sum() == 0`): the program checks that the file
 * holds what it wrote before anything uses it, so the round trip is checked.
 */
function assertedAgainstWrite(index: SemanticIndex, write: DataIO, read: DataIO): boolean {
  const written = write.data ? rootIdentifier(write.data) : undefined;
  const assignment = read.call.node.parent;
  if (!written || assignment?.type !== 'assignment' || !sameNode(assignment.childForFieldName('right'), read.call.node)) return false;
  const definition = nameBoundBy(index, assignment);
  const first = definition ? index.dataflow.usesOf(definition)[0] : undefined;
  if (!first || !inAssertion(index, first.node)) return false;
  const source = index.bindingAt(written);
  return !!source && index.nodesWithin('identifier', enclosingStatement(first.node))
    .some((name) => name.text === written.text && index.bindingAt(name) === source);
}

/**
 * A written file the script also hands to an experiment tracker (`artifact.add_file(path)`,
 * `mlflow.log_artifact(path)`) is versioned there: reading it back is reading a logged artefact.
 * One whose hash the tracker records (`run["data"].track_files(path)`) is checked: the run names
 * the version it read.
 */
function trackedWrite(flow: DataFlow, uploads: readonly Node[], write: DataIO): boolean {
  const key = pathKey(flow.pathOf(write.path!));
  return key !== undefined && uploads.some((upload) => pathKey(flow.pathOf(upload)) === key);
}

/**
 * A write that adds to the end of the file (`to_csv(p, mode="a")`, `mode="append"`): an HDF store's
 * `mode="a"` only opens the file so, and `to_hdf` replaces the key unless told `append=True`. A write
 * through a file object opened for appending (`np.savetxt(f, rows)` with `f = open(p, "a")`,
 * `Path(p).open("ab")`) adds to the end of that file as well: nothing truncates it.
 */
function appends(index: SemanticIndex, write: DataIO): boolean {
  if (write.path && appendHandle(index, write)) return true;
  const mode = write.call.kwargs.get('mode');
  const value = mode ? stringValue(mode) : undefined;
  if (!value?.startsWith('a')) return false;
  return write.call.method !== 'to_hdf' || write.call.kwargs.get('append')?.text === 'True';
}

/** An argument of the write is a file object opened, on the write's path, in a mode that appends. */
function appendHandle(index: SemanticIndex, write: DataIO): boolean {
  for (const argument of [...write.call.args, ...write.call.kwargs.values()]) {
    if (!sameNode(openedPath(index, argument), write.path)) continue;
    const mode = openedMode(index, argument);
    const value = mode ? stringValue(mode) : undefined;
    return value !== undefined && /^[abt+]{1,4}$/.test(value) && value.includes('a');
  }
  return false;
}

/**
 * Every write of the read's file appends: nothing in the program starts the file afresh, so what is
 * read back holds the rows earlier runs appended too (a results log a resumable loop extends and
 * sums up at the end), a store across runs and not a hop one run could pass in memory.
 */
function onlyAppendedTo(index: SemanticIndex, flow: DataFlow, read: DataIO): boolean {
  const writes = flow.savesAt(read);
  return writes.length > 0 && writes.every((write) => appends(index, write));
}

/** Methods that hand back the table they are called on, whole: a copy of it, or it with rows added. */
const SAME_TABLE = new Set(['copy', '_append']);
/** How many names `fromStoreRead` follows back from the written value. */
const MAX_STORE_STEPS = 3;

/**
 * Whether a write saves back the table the run read from that same file before it, a file no write
 * of the run started (`experiments = pd.read_csv(p)`, cells filled in, `experiments.to_csv(p)`; also
 * a `.copy()` of it, or it with rows added by `_append`): the file is a store that earlier runs built
 * up and this run updates in place, as an append does, so a read of it after the write reads the
 * store, not a hop one run could pass in memory.
 */
function savesBackStoreRead(flow: DataFlow, write: DataIO): boolean {
  return !!write.data && fromStoreRead(flow, write, write.data, 0);
}

function fromStoreRead(flow: DataFlow, write: DataIO, expression: Node, depth: number): boolean {
  const node = stripParens(expression);
  if (node.type === 'call') {
    const io = flow.dataIOAt(node);
    if (io) {
      return io.direction === 'read' && flow.sameLocation(io, write) && writtenBeforeRead(flow, node, write.call.node)
        && !flow.savesAt(io).some((save) => writtenBeforeRead(flow, save.call.node, node));
    }
    const callee = node.childForFieldName('function');
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    const receiver = callee?.childForFieldName('object');
    return !!method && SAME_TABLE.has(method) && !!receiver && fromStoreRead(flow, write, receiver, depth);
  }
  if (node.type !== 'identifier' || depth >= MAX_STORE_STEPS) return false;
  const read = flow.readAt(node);
  const definitions = read ? flow.reachingDefinitions(read) : [];
  return definitions.length > 0 && definitions.every((definition) => definition.kind === 'assign' && !!definition.value && fromStoreRead(flow, write, definition.value, depth + 1));
}

/** Calls that delete a file: `os.remove(path)`, `os.unlink(path)`, `Path(path).unlink()`. */
const REMOVALS: CalleeSelection = { qualified: ['os.remove', 'os.unlink'], methods: ['unlink'] };

/** The path a call deletes, if it deletes one. */
function removedPath(call: CallSite): Node | undefined {
  if (call.qname === 'os.remove' || call.qname === 'os.unlink') return call.args[0] ?? call.kwargs.get('path');
  return !call.qname && call.method === 'unlink' ? call.receiver : undefined;
}

/**
 * A file the program deletes once it has read it back is scratch space (chunks spilled to disk to
 * spare memory, then merged): no later step or partial re-run can pick it up stale.
 */
function removedAfterRead(flow: DataFlow, removals: readonly Node[], read: DataIO): boolean {
  const key = pathKey(flow.pathOf(read.path!));
  return key !== undefined && removals.some((removed) => pathKey(flow.pathOf(removed)) === key && writtenBeforeRead(flow, read.call.node, removed));
}

/**
 * An array written and read straight back memory-mapped in its place (`np.save(p, feats)`,
 * `del feats`, `feats = np.load(p, mmap_mode="r")`) is spilled to disk to spare memory: the read is
 * the statement after the write's in the same block, with only `del`, comments or prints between,
 * and the name that held the array is deleted there or bound to the view, so the program swaps the
 * array for a view onto the file it has just written, which no earlier run can have left stale. A
 * read without `mmap_mode`, one further on, or a view beside the array the program keeps (`view =
 * np.load(p, mmap_mode="r")` while `stacked` lives on) is still judged as a hop.
 */
function memoryMappedSpill(index: SemanticIndex, write: DataIO, read: DataIO): boolean {
  if (read.call.qname !== 'numpy.load') return false;
  const mode = read.call.kwargs.get('mmap_mode') ?? read.call.args[1];
  if (!mode || stripParens(mode).type === 'none') return false;
  // The array written, held by a name that the spill deletes or binds to the view.
  const array = write.data ? stripParens(write.data) : undefined;
  if (array?.type !== 'identifier') return false;
  const written = enclosingStatement(write.call.node);
  const reading = enclosingStatement(read.call.node);
  if (!written.parent || !reading.parent || !sameNode(written.parent, reading.parent)) return false;
  let dropped = false;
  let between = written.nextNamedSibling;
  while (between && !sameNode(between, reading)) {
    if (between.type === 'delete_statement') dropped ||= between.descendantsOfType('identifier').some((name) => name?.text === array.text);
    else if (!statementOnlyShows(index, between)) return false;
    between = between.nextNamedSibling;
  }
  if (!between) return false;
  const assignment = reading.type === 'expression_statement' ? reading.firstNamedChild : null;
  const right = assignment?.type === 'assignment' ? assignment.childForFieldName('right') : null;
  const left = right && sameNode(stripParens(right), read.call.node) ? assignment?.childForFieldName('left') : null;
  return dropped || (left?.type === 'identifier' && left.text === array.text);
}

/**
 * The saves, loads and tracker uploads are gathered by their listeners; the hops are judged at
 * finish, since a write may run before a read that comes first in the file (a function defined
 * after the read but called before it) and an upload anywhere versions the file.
 */
function listen(context: RuleContext): RuleListeners {
  const { index } = context;
  const saved: DataIO[] = [];
  const loaded: DataIO[] = [];
  const uploads: Node[] = [];
  const removals: Node[] = [];
  const tracked = usesTracker(index);
  return {
    save(io) {
      if (holdsData(io) && io.path) saved.push(io);
    },
    load(io) {
      if (holdsData(io) && io.path) loaded.push(io);
    },
    // A tracker upload is known by its last name from any module: every call is offered, in a file that uses a tracker.
    callees: tracked ? undefined : REMOVALS,
    call(call) {
      const upload = tracked ? trackerVersionRecord(call) : undefined;
      if (upload) uploads.push(upload);
      const removed = removedPath(call);
      if (removed) removals.push(removed);
    },
    finish() {
      report(context, saved, loaded, uploads, removals);
    },
  };
}

function report(context: RuleContext, saved: readonly DataIO[], loaded: readonly DataIO[], uploads: readonly Node[], removals: readonly Node[]): void {
  const { index, doc } = context;
  const flow = index.dataflow;
  const writes = saved.filter((io) => !trackedWrite(flow, uploads, io));
  if (writes.length === 0) return;
  // One written file read back several times is one hop: one finding on the first read.
  const readsByWrite = new Map<DataIO, DataIO[]>();
  const candidates = new Set(writes);
  const inDocumentOrder = [...loaded].sort((a, b) => a.call.node.startIndex - b.call.node.startIndex);
  const flagCaches = new Map<DataIO, boolean>();
  for (const read of loaded) {
    // The last write of the same file that runs before the read.
    const write = lastWrittenBefore(flow, flow.savesAt(read), read.call.node, (candidate) => candidates.has(candidate));
    if (!write || isCacheOrCheck(write.call.node, flow, 0, (call) => otherRunThan(flow, call, read.call.node)) || isCacheOrCheck(read.call.node, flow) || flagSwitchedCache(flow, inDocumentOrder, write, flagCaches) || !feedsComputation(index, read) || removedAfterRead(flow, removals, read) || memoryMappedSpill(index, write, read)
      || assertedAgainstWrite(index, write, read) || onlyAppendedTo(index, flow, read) || savesBackStoreRead(flow, write) || recordOfCheckpoint(flow, write)
      // A pytest test's own new directory: scratch that no run of the pipeline reads, never left stale.
      || underTestsNewDirectory(index, read.path, read.call.node, context.testSetup?.newDirectoryFixtures)
      // A notebook part that starts over with its own imports reads the file as another notebook would.
      || startsOverBefore(index, doc.kind === 'notebook', write, read)
      // A notebook part whose saved counts show it ran in a session of its own: set-up cells, then the read.
      || readInSessionWithoutWrite(index, doc.kind === 'notebook', write, read)
      // A file every write of which makes its data up (drawn or written-out values) stands in for outside data.
      || flow.savesAt(read).every((save) => writesMadeUpData(flow, save))) continue;
    pushTo(readsByWrite, write, read);
  }
  for (const [hops, ...rewrites] of sameFileChains(flow, stepsOf(index, readsByWrite))) {
    const [[write, [read, ...again]], ...others] = hops;
    const file = describedFile(flow, read);
    const more = again.length > 0 ? ` (and ${again.length} more time${again.length > 1 ? 's' : ''})` : '';
    const rewritten = rewrites.length > 0 ? `, then written again and read back ${rewrites.length} more time${rewrites.length > 1 ? 's' : ''}` : '';
    const together = doc.kind === 'notebook' ? 'in that cell' : 'beside it';
    const alsoOthers = others.length > 0 ? `, as ${others.length === 1 ? 'is 1 other file' : `are ${others.length} other files`} written ${together}` : '';
    const what = others.length > 0 ? 'intermediate files' : 'an intermediate file';
    context.report({
      node: read.call.node,
      message: `${file} is written by \`${writerName(write.call.callee)}\` in ${placeOf(doc, write.call.node)} and read back here${more}${rewritten}${alsoOthers}: ${what} inside one pipeline, which nothing checks or versions`,
      related: [
        { node: write.call.node, message: `${file} is written here` },
        ...again.map((other) => ({ node: other.call.node, message: `${file} is read back again here` })),
        ...rewrites.flatMap(([[rewrite, reads]]) => [
          { node: rewrite.call.node, message: `${file} is written again here` },
          ...reads.map((other) => ({ node: other.call.node, message: `${file} is read back again here` })),
        ]),
        ...others.flatMap(([otherWrite, otherReads]) => {
          const other = describedFile(flow, otherReads[0]);
          return [
            { node: otherWrite.call.node, message: `${other} is written here` },
            ...otherReads.map((otherRead, n) => ({ node: otherRead.call.node, message: `${other} is read back ${n === 0 ? 'here' : 'again here'}` })),
          ];
        }),
      ],
    });
  }
}

/** Whether an import statement brings in `root` (`import pandas as pd`, `import numpy, pandas`, `from pandas import read_csv`). */
function importsModule(statement: Node, root: string): boolean {
  const from = /^from\s+([\w.]+)/.exec(statement.text);
  const names = from ? [from[1]] : statement.text.replace(/^import\s+/, '').split(',').map((part) => part.trim());
  return names.some((name) => name === root || name.startsWith(`${root}.`) || name.startsWith(`${root} `));
}

/**
 * A notebook that, in a cell after the one that writes the file and before the read, imports again
 * at a cell's top level the library it reads the file with, which a cell up to the write already
 * imported (`import pandas as pd` above the query that builds and saves a table of runs, then
 * `import pandas as pd` again and `pd.read_csv(p)` in the part that draws the figures): the part
 * below starts over there, to be run on its own after a restart from the file the part above left,
 * as a second notebook would; a file written and read in two notebooks is no hop of one pipeline.
 * A read in the same cell as the write, or with no import of its library again between, still is.
 */
function startsOverBefore(index: SemanticIndex, notebook: boolean, write: DataIO, read: DataIO): boolean {
  const root = read.call.qname?.split('.')[0];
  if (!notebook || !root || root === 'builtins') return false;
  const writeCell = index.segmentIndexOf(write.call.node);
  const readCell = index.segmentIndexOf(read.call.node);
  if (readCell <= writeCell) return false;
  const imports = ['import_statement', 'import_from_statement'].flatMap((type) => index.nodes(type as 'import_statement'))
    .filter((statement) => statement.parent?.type === 'module' && importsModule(statement, root));
  const cellOf = (statement: Node) => index.segmentIndexOf(statement);
  return imports.some((statement) => cellOf(statement) <= writeCell && statement.startIndex < write.call.node.startIndex)
    && imports.some((statement) => cellOf(statement) > writeCell && cellOf(statement) <= readCell && statement.endIndex <= read.call.node.startIndex);
}

/**
 * A notebook whose saved execution counts show that the read ran in a kernel session that never
 * ran the write: the reading cell ran as [n], below the writing cell's count, and every count
 * before it ([1] to [n-1]) is held by a cell above the writing cell, while no cell from the write
 * down to the read holds a count below n: that session ran the set-up cells at the top and then
 * went straight to the read, so the part below was run on its own from the file an earlier
 * session left, as a second notebook would (the part that computes and saves results, then a
 * restart and the part that draws the figures from them). A read counted above the write, or
 * with a count of that session on a cell between the write and the read, is still a hop.
 */
function readInSessionWithoutWrite(index: SemanticIndex, notebook: boolean, write: DataIO, read: DataIO): boolean {
  if (!notebook) return false;
  const segments = index.doc.segments;
  const writeCell = index.segmentIndexOf(write.call.node);
  const readCell = index.segmentIndexOf(read.call.node);
  const count = segments[readCell]?.executionOrder;
  const written = segments[writeCell]?.executionOrder;
  if (readCell <= writeCell || !count || count < 1 || !written || count >= written) return false;
  const countOf = (i: number): number | undefined => segments[i].executionOrder;
  for (let i = writeCell; i < readCell; i++) {
    const other = countOf(i);
    if (other !== undefined && other > 0 && other < count) return false;
  }
  const above = new Set<number>();
  for (let i = 0; i < writeCell; i++) {
    const other = countOf(i);
    if (other !== undefined && other > 0 && other < count) above.add(other);
  }
  return above.size === count - 1;
}

/**
 * A write whose data the program made up where it writes them (`pd.DataFrame(np.random.default_rng(97)
 * .normal(size=(16, 100))).to_csv("fnirs.csv")`: every name the written value reads is an imported
 * module or a builtin) puts an example file in place of outside data, which the reader then shows
 * how to load: no step of a pipeline hands its output on through it. A value that reads any other
 * name (a frame the program built or loaded) is a step's output.
 */
function writesMadeUpData(flow: DataFlow, write: DataIO): boolean {
  const values = [...(write.call.receiver ? [write.call.receiver] : []), ...write.call.args, ...write.call.kwargs.values()]
    .filter((value) => !write.paths.some((path) => sameNode(path, value)));
  // A value that reads data as it is written (`pd.read_csv(p).dropna().to_csv(q)`) is a step's output.
  // The calls inside each value are found by the index's binary search: a scan of every I/O per write is quadratic.
  if (values.some((value) => flow.index.callsWithin(value).some((call) => flow.dataIOAt(call.node)?.direction === 'read'))) return false;
  const reads = values.flatMap((value) => flow.readsWithin(value));
  // A handle opened for writing (`open(p, "w")`) shows nothing of what is written through it.
  if (reads.length === 0 || OPEN_FUNCTIONS.has(write.call.qname ?? '')) return false;
  return reads.every((read) => read.resolution.kind === 'builtin' || read.resolution.kind === 'import');
}

/** File names of a training run's record: its epoch or step, losses, scores, history. */
const RECORD_NAMES = /epoch|step|loss|score|metric|acc(uracy)?([^a-z]|$)|f1|auc|history|log([^a-z]|$)/i;

/**
 * A file named for a record of training (`best_epoch.npy`, `val_losses.npy`) that the same function
 * writes into the folder it saves a model to (`model.save_pretrained(path_best)`, then
 * `np.save(f"{path_best}/best_epoch.npy", epoch)`; beside `torch.save(state, f"{d}/model.pt")`)
 * is that checkpoint's own record: read back, it restores or reports the checkpoint, as loading its
 * weights does, and is no data one step hands the next. Rows written beside a model (`X_test.npy`) are still data.
 */
function recordOfCheckpoint(flow: DataFlow, write: DataIO): boolean {
  const written = write.path ? flow.pathOf(write.path) : undefined;
  const folder = written ? parentFolder(written) : undefined;
  const key = folder ? pathKey(folder) : undefined;
  if (key === undefined || !RECORD_NAMES.test(written!.template.slice(written!.template.lastIndexOf('/') + 1))) return false;
  return modelFolders(flow).get(enclosingFunction(write.call.node)?.id)?.has(key) ?? false;
}

const modelFoldersOf = new WeakMap<DataFlow, Map<number | undefined, Set<string>>>();

/** Per function (undefined: top level), the keys of the files its model saves write and of their folders; once per document. */
function modelFolders(flow: DataFlow): Map<number | undefined, Set<string>> {
  let byFunction = modelFoldersOf.get(flow);
  if (byFunction) return byFunction;
  byFunction = new Map();
  for (const io of flow.io) {
    if (io.direction !== 'write' || io.what !== 'model' || !io.path) continue;
    const fn = enclosingFunction(io.call.node)?.id;
    let keys = byFunction.get(fn);
    if (!keys) byFunction.set(fn, (keys = new Set()));
    const saved = flow.pathOf(io.path);
    const parent = parentFolder(saved);
    for (const place of parent ? [saved, parent] : [saved]) {
      const key = pathKey(place);
      if (key !== undefined) keys.add(key);
    }
  }
  modelFoldersOf.set(flow, byFunction);
  return byFunction;
}

/**
 * The steps grouped by file: a file that step after step is read, reworked and written back under
 * the same path (a notebook whose cells each load the table, fix some rows and save it again) is
 * one intermediate file, one finding on its first read, linked to every later write and read. Only
 * steps that hand on one file are chained; a step of several files stays as it is.
 */
function sameFileChains(flow: DataFlow, steps: Array<Array<[DataIO, DataIO[]]>>): Array<Array<Array<[DataIO, DataIO[]]>>> {
  const chains: Array<Array<Array<[DataIO, DataIO[]]>>> = [];
  const chainOfWrite = new Map<DataIO, Array<Array<[DataIO, DataIO[]]>>>();
  const inOrder = [...steps].sort((a, b) => a[0][1][0].call.node.startIndex - b[0][1][0].call.node.startIndex);
  for (const step of inOrder) {
    const [[write, [read]]] = step;
    const chain = step.length === 1 ? flow.savesAt(read).map((save) => chainOfWrite.get(save)).find((found) => !!found) : undefined;
    if (chain) chain.push(step);
    else chains.push([step]);
    if (step.length === 1) chainOfWrite.set(write, chain ?? chains[chains.length - 1]);
  }
  return chains;
}

/**
 * The writing call as the message names it: its whole text when that is short and on one line;
 * otherwise the chain of calls and subscripts with their arguments and keys left out
 * (`pd.read_csv(src).to_feather(dst)` is `pd.read_csv(...).to_feather`, `pd.DataFrame({...}).to_csv(p)`
 * is `pd.DataFrame(...).to_csv`, `frames["a long key"].to_csv(p)` is `frames[...].to_csv`),
 * so that a cut never ends the name inside the call that read or built the data.
 */
function writerName(callee: Node): string {
  const whole = shortText(callee);
  return whole === callee.text ? whole : chainWithoutArguments(callee);
}

function chainWithoutArguments(node: Node): string {
  const inner = node.childForFieldName(node.type === 'call' ? 'function' : 'object');
  if (node.type === 'call' && inner) return `${chainWithoutArguments(inner)}(...)`;
  if (node.type === 'attribute' && inner) return `${chainWithoutArguments(inner)}.${node.childForFieldName('attribute')?.text ?? ''}`;
  const value = node.type === 'subscript' ? node.childForFieldName('value') : null;
  if (value) return `${chainWithoutArguments(value)}[...]`;
  return shortText(node, 30);
}

function describedFile(flow: DataFlow, read: DataIO): string {
  const path = flow.pathOf(read.path!);
  return describePath(isExact(path) ? path.template : undefined, read.path!);
}

/**
 * The hops grouped by step. In a notebook the cells are the steps: files one cell writes and one
 * later cell reads back (a cell that saves a set of arrays "for the next lesson", a cell that
 * loads them all) are one hop between the two cells, one finding on the first read. In a script a
 * step is a run of adjacent statements of one block that each write (or each read back) one of the
 * files, comments between them aside: files written by one run and read back by one run are one
 * hop; a file written or read apart from the others, or read back before the next is written, is its own.
 */
function stepsOf(index: SemanticIndex, readsByWrite: ReadonlyMap<DataIO, DataIO[]>): Array<Array<[DataIO, DataIO[]]>> {
  const hops = [...readsByWrite];
  const cellOf = (io: DataIO): number => index.segmentIndexOf(io.call.node);
  const notebook = index.doc.kind === 'notebook';
  const writeStep = notebook ? cellOf : statementRuns(hops.map(([write]) => write));
  const readStep = notebook ? cellOf : statementRuns(hops.map(([, reads]) => reads[0]));
  const steps = new Map<string, Array<[DataIO, DataIO[]]>>();
  for (const hop of hops) pushTo(steps, `${writeStep(hop[0])}:${readStep(hop[1][0])}`, hop);
  // The first read of the later step carries the finding.
  for (const step of steps.values()) step.sort((a, b) => a[1][0].call.node.startIndex - b[1][0].call.node.startIndex);
  return [...steps.values()];
}

/** Numbers the runs of adjacent statements that hold the given calls (and nothing between them but comments): two calls in one run, or in one statement, get the same number. */
function statementRuns(ios: readonly DataIO[]): (io: DataIO) => number {
  const statements = [...new Map(ios.map((io) => { const statement = enclosingStatement(io.call.node); return [statement.id, statement] as const; })).values()];
  statements.sort((a, b) => a.startIndex - b.startIndex);
  const runOf = new Map<number, number>();
  statements.forEach((statement, i) => {
    const previous = statements[i - 1];
    const adjacent = previous !== undefined && precedingStatement(statement)?.id === previous.id;
    runOf.set(statement.id, adjacent ? runOf.get(previous.id)! : i);
  });
  return (io) => runOf.get(enclosingStatement(io.call.node).id)!;
}

/** The statement just before `statement` in its block, comments skipped. */
function precedingStatement(statement: Node): Node | null {
  let previous = statement.previousNamedSibling;
  while (previous?.type === 'comment') previous = previous.previousNamedSibling;
  return previous;
}

export const intermediateFileHop: Rule = {
  meta: {
    code: 'MLD502',
    name: 'intermediate-file-hop',
    category: 'pipeline-jungles',
    severity: 'information',
    recommended: true,
    docs: {
      summary: 'A dataset is written to disk and read back in the same script or notebook (`df.to_csv("x.csv")` ... `pd.read_csv("x.csv")`).',
      why: 'Pipeline jungles (§5): a file that one step writes and the next step reads is a hidden, untyped interface inside one pipeline. The data already exists in memory; the round trip loses dtypes, index and categories, leaves stale files behind that a partial re-run silently picks up, and makes the pipeline impossible to test without the file system. Jungles grow out of exactly these hops.',
      example: 'import pandas as pd\n\nraw = pd.read_csv("data/raw.csv")\nclean = raw.dropna()\nclean.to_csv("data/clean.csv", index=False)\n\ndf = pd.read_csv("data/clean.csv")\nmodel.fit(df[FEATURES], df["label"])',
      fix: 'Pass the data along in memory (a variable, a function\'s return value), or make the step boundary explicit: separate scripts with declared inputs and outputs in a pipeline tool (DVC, Airflow, Make) that versions the intermediate data. Both sites are linked. The message names the call that writes the file: whole when it is short and on one line, otherwise as its chain of calls and subscripts with the arguments and keys left out (`pd.read_csv(...).to_feather` for `pd.read_csv(src).to_feather(dst)`), never by a cut that ends inside the call that read or built the data.',
      nearMisses: 'A file every write of which makes its data up where it writes them — drawn or written-out values that read nothing but imported modules (`pd.DataFrame(np.random.default_rng(97).normal(size=(16, 100))).to_csv("fnirs.csv")`, then `pd.read_csv("fnirs.csv")`) — is an example file standing in for outside data, which a tutorial then shows how to load: no step of a pipeline hands its output on through it, and it is left alone; a write of data the program built or read (`np.save(p, features)`), a value that reads data as it is written (`pd.read_csv("raw.csv").dropna().to_csv(p)`), or a made-up first write that a later write of real data replaces keeps the file reported. Files only written (outputs) or only read (inputs), files the script also hands to an experiment tracker that versions them (`artifact.add_file(path)`, `wandb.save(path)`, `mlflow.log_artifact(path)`) or whose hash it records on the run (Neptune\'s `run["data/train"].track_files(path)`, which names the version the run read), files written and read in different scripts or notebooks (also in two parts of one notebook, where a cell after the one that writes the file and before the read imports again, at its top level, the library the file is read with, which a cell up to the write imported already: `import pandas as pd` above the cells that query the tracker for a table of runs and save it, then `import pandas as pd` again and `pd.read_csv(p)` in the part that draws the figures, which starts over there to run on its own from the file after a restart, as a second notebook would; a read with no such import between, or in the writing cell, is still reported; also where the counts the notebook saved show that the part below ran in a kernel session of its own: the reading cell ran as [n], below the writing cell\'s count, every count before it, [1] to [n-1], is held by a cell above the writing cell, and no cell from the write down to the read holds a count below n, so that session ran the set-up cells at the top and went straight to the read of the file an earlier session left, the results a first part computed and saved read back after a restart by the part that draws the figures; a read that ran after the write in the same session, or a session that also ran a cell between the write and the read, is still reported), writes and reads in functions that the file never calls in that order (data-access helpers), caches (the read or the write under `if os.path.exists(...)`, or after a guard that leaves when the file is already there, `if os.path.exists(out): sys.exit(0)` or `return` or `continue` with no other branch, which is the same check spelled early, while a guard that tests another file both name in full, one that leaves when the file is missing (an input check) or one that raises when it is there (a refusal to overwrite, after which this run writes the file and reads it back) still leaves the hop reported; or in a function of the file that it calls only under such a check, `if not os.path.exists("index.bin"): build_index()` — a call of it in another arm of the `if` whose arm runs the read, a script\'s other mode (`if args.mode == "extract": extract_features()` / `elif args.mode == "evaluate": evaluate()`), starts a run that reads nothing, while one in the reading arm or in another `if` may run before the read —, or under the project\'s own existence check named for it, such as `if not file_exists(path):` around the write that starts a store which later runs read and extend, or under a function of the file whose every return is such a check (`if sources_present():` where it returns `all(p.exists() for p in needed)`): the check only moved into a helper, and a run that finds the files missing reads what an earlier run, or the repository, left; a read in a `try` that handles a missing file, or the write and the read in two arms of one `if` — a cache switched by a flag, also when the writing arm reads the file back right after writing it, so that both arms go on with the same values (`if do_search: results.to_csv(p); results = pd.read_csv(p)` / `else: results = pd.read_csv(p)`) —, or the write in a `try` body and the read in one of its `except` handlers, which runs when the body failed and reads what an earlier run saved, or the write in a branch that returns from its function and the read after that branch, which runs only where the write did not), files every write of which appends to them (`to_csv(p, mode="a")`, an HDF table written with `append=True`, or a write through a file object opened for appending, `np.savetxt(f, block)` with `f = open(p, "a")` or `Path(p).open("a+")`, which adds to the end of the file as the `mode="a"` of a writer does): nothing in the program starts them afresh, so what is read back holds what earlier runs appended too — a results log a resumable loop extends and sums up at the end, a store across runs; a file the program also writes whole (a `to_csv(p)` before the appends, `to_hdf(p, key=k, mode="a")` without `append=True`, which replaces the key, or a write through a file object opened with `"w"`, which truncates it) is still reported, files read back after a write that saves the very table the run read from that file before (`experiments = pd.read_csv(REGISTRY)`, cells filled in, `experiments.to_csv(REGISTRY)`, also a `.copy()` of it or it with rows added by `_append`), when no write of the run came before that first read: the file is a store earlier runs built up (a registry of experiments, a table of results) that the run updates in place, as an append does, while a table the run started itself (`pd.DataFrame(columns=...).to_csv(p)` before the loop that reads, extends and saves it), or a read that was transformed into a new table before the save (`clean = raw.dropna()`), is still reported, read-backs asserted to hold what was written before any other use (`frame.to_csv(p)`, `loaded = pd.read_csv(p)`, then `assert_frame_equal(loaded, frame)`, `assert (loaded != frame).sum().sum() == 0` or hamcrest\'s `assert_that(...)`: a checked round trip, whatever uses the read-back afterwards; an assertion about the read-back alone, `assert len(loaded) > 0`, checks its shape, not the trip), read-backs that only check the output (inside `assert` or an assertion call — unittest\'s `self.assertEqual(...)`, `pd.testing.assert_frame_equal(...)`, any call named for an assertion, or named only for a check with its result dropped (`validate_final_submission(serialized, test)` before the file is published, `verify_output(back)`, `schema.validate(back)`), which can only pass, report or stop the run, while a check that also names another step (`check_and_save`, `validate_and_fix`) or whose result is kept or tested may hand the data on: a test of a writer reads back what it wrote or the test of an `if` whose every arm only reports, printing, warning, logging or raising (`if back.dtype != np.float32 or np.isnan(back).any(): print(f"patch not saved correctly: {p}")`), also when the test converts the values or compares them as sets and strings are compared (`if not required.issubset(set(back["case"].astype(str).tolist())): raise RuntimeError(...)`, `back["case"].str.contains("placeholder").any()`, `back["case"].isin(expected).all()`), which only makes the value the check compares, an assertion spelled out that checks the file just written, while an arm that does anything else (`continue`, a rebinding, a training step) or a test that calls a function of the project lets the read-back steer the run —, bound to a name used only in such assertions, as read or after any computation but training on it (`dropped = np.array([i for i, kept in enumerate(np.load(p)) if not kept])`, or an object built from the read-back whose every use is such an assertion, `loaded = np.load(p)`, `restored = Result(**{k: loaded[k] for k in loaded.files})`, then only `assert np.array_equal(restored.weights, weights)`, also when other values are written into such an object, `merged = {r["variant"]: r for _, r in loaded.iterrows()}`, `merged["B"] = row`, which takes nothing out of it, or values worked out of it by any call but training are written back into it, `out["ts"] = pd.to_datetime(out["stamp"])`, which only reshape what it holds: an assertion only passes or stops the run; `acc = clf.fit(np.load(p), y).score(X, y)` leaves a fitted model behind), displayed as they are read, `display(pd.read_csv(p))`, or only looked at with `head()`, `shape`, `print` (also Python 2\'s `print back`, while `print >> out, back` writes the read-back into another file) (Spark\'s `show()`, `printSchema()`, `count()`: a read-back that only confirms its rows and schema), also through a statistic of it that is only shown, written into a string or not (`print("train frac: %.4f" % pd.read_parquet(p)["label"].mean())`, `f"{np.load(p).sum()}"` printed; the distinct values of a column, `print(f"labels: {df[\'label\'].unique()}")`, are such a statistic; a statistic used in a computation, `cut = pd.read_csv(p)["score"].mean()` then a filter on `cut`, still feeds the next step), also through a statistic of each group of its rows, or through rows it picks or reorders, shown as they are made (`runs.groupby("lr").mean()` or `runs.sort_values("sharpe")` as a notebook cell\'s value, `print(runs.nlargest(5, "reward"))`: a summary of the output, as `runs.mean()` is; `runs.groupby("lr")["reward"].mean().idxmax()` that picks the rate trained with still feeds a step), also through a number worked out of it by arithmetic alone (operators, comparisons, builtins such as `abs` and `max`, NumPy\'s functions, a statistic method, or a function defined beside the read that computes only so) and only shown: the largest gap between what the program holds and what it recomputes from the file (`worst = max(worst, abs(expected[i] - forward(inputs[i])))`, where `forward` computes with `params = np.load(p)`, then `print(f"largest gap {worst:.1e}")`) checks the round trip, while a metric\'s call (`accuracy_score(y, np.load(p))`) or any other call, a container it is kept in, or a number that goes on to pick or train rows still feeds a step, also after a selection of rows or columns, a reshape of the same values or the same values put in a list or an array, `pl.read_parquet(p).filter(...).sort(...)`, `np.load(p).reshape(100, 28, 28)` or `pd.read_csv(p).iloc[:, 0].tolist()` (the feature names a notebook just saved) printed as they are made or bound to a name that is only printed and shown, or looped over by a loop that only prints, under `if`s whose tests call only builtins (`for s in loaded["structure"]: if any(e.is_noble_gas for e in s.elements): print(s)`): a look at part of the output, which no step consumes; a loop that keeps rows, or tests them with any call but a builtin, uses them), also through a report worked out of it in as many steps as it takes and only printed: columns converted in place (`log["stamp"] = pd.to_datetime(log["stamp"])`), rows sorted, grouped, counted and renamed by its own methods and those of the values made from it, runs numbered by a loop over its values or an `if` on them into names and lists that go back into it or are shown (`for step in log["step_h"]: if step == 1: runs.append(run)`, then `log["run"] = runs`), and `print(spans.rename(columns=names))` at the end, every call on the way only computing (its methods, pandas\' conversions, NumPy\'s and the builtins\' arithmetic, Spark SQL\'s column functions and windows and the methods of what they return, `F.split(F.col("track"), "_")[0].alias("track")` or `F.rank().over(Window.orderBy(F.desc("n")))`, which only describe the query whose rows are shown; a user-defined function, `F.udf(relabel)`, runs code of the project and may hand the rows on): it hands nothing to a next step; a value made on the way that is handed to any other call (a fit, a function of the project, a write to another file), returned, or kept in a list that nothing reads once the loop is done still feeds one, also when a function of the file hands the read-back to its callers — returns it, or writes it into a list or dictionary it builds and returns (`tables[b] = pd.read_parquet(p)`, then `return tables`) — and every call of it drops the result, only looks at it, or binds it to a name that is only looked at (`back = load_tables()`, then `print(back[1].shape)`): the check has moved into a helper, not the next step; a caller that trains on the result, or one of several calls that does, still consumes the file, read-backs that reach nothing (every use writes into the frame, `back["y"] = back["y"].astype("int8")`, or narrows it with its own methods into a name never read, or reaching nothing in turn, `misses = back[back.y != back.pred]` left for a comparison since commented out: dead code, which neither checks nor consumes the file; a name computed by any other call, `summary = build_profile(back)`, may have saved or trained, and is still reported), read-backs whose every use writes into them or saves them back to the file they came from (`table = pd.read_csv(p)`, `table.loc[n] = row`, `table.to_csv(p)`, or scores loaded with `np.load(p)`, filled at one index and saved with `np.save(p, scores)`: a table of results kept up to date after each trial, an append spelled out; also after NumPy\'s functions rework them as their own methods would (`grid = np.clip(np.nan_to_num(np.load(p)), 0, None)` then `np.save(p, grid)`, as `back.fillna(0)` saved back is, or a copy `np.array(view)` cleaned in place and saved back): the values only patch the file they came from), which hand nothing read to another step — a read of that file that does, or a read-back also used otherwise (to pick the best point, saved under another name), is still reported —, files under a directory a pytest test module\'s test made new for itself (its `tmp_path` or `tmpdir`, `tempfile.mkdtemp()`, `with tempfile.TemporaryDirectory() as d`, also one a fixture of a `conftest.py` pytest loads first makes with `tmp_path_factory.mktemp(...)` and hands the test that asks for it by name), which the test writes to exercise code that reads files: no run of the pipeline reads them and none can be left stale by an earlier run, while the same hop outside a test module, or under a folder made with `exist_ok=True`, is still reported, and scratch files the program deletes once it has read them back (`np.save(chunk_path, part)` ... `np.load(chunk_path)` ... `os.remove(chunk_path)`, or `Path(p).unlink()`: chunks spilled to disk to spare memory and merged, which no later step or partial re-run can pick up stale) are left alone. So is an array written and read straight back memory-mapped in its place: the read the next statement of the same block, with only `del`, comments or prints between, and the name that held the array deleted there or bound to the view (`np.save(p, feats)`, `del feats`, `feats = np.load(p, mmap_mode="r")`): the program swaps the array for a view onto the file it has just written, to spare memory, and hands no step a file an earlier run could have left stale; a read without `mmap_mode`, one after other code, or a view read beside the array the program keeps (`view = np.load(p, mmap_mode="r")` while `stacked` lives on) is still reported. Paths match by their constant parts and the expressions in their run-time parts: `f"{OUT}/clean.csv"` and `os.path.join(OUT, "clean.csv")` are the same file, and so is a path spelled another way (`p.absolute().as_posix()`, `str(p)`, `os.path.abspath(p)`). A file named for a record of training (`best_epoch.npy`, `val_loss.npy`, `history.json`: an epoch or step, losses, scores, a history) that a function writes into the folder it saves a model to in the same function (`model.save_pretrained(best_dir)`, then `np.save(f"{best_dir}/best_epoch.npy", epoch)`; beside `torch.save(state, f"{d}/weights.pt")`) is that checkpoint\'s own record: read back, it restores or reports the checkpoint, as loading its weights does, and hands no data from one step to the next. Rows written beside a model (`X_test.npy`), or a record written by a function that saves no model in that folder, are still reported.',
      notebooks: 'The cells are one program: a file written in one cell and read in a later one is reported on the read, linked to the cell that writes it. A file written once and read back in several cells is one hop: one finding on the first read, linked to the write and the other reads. A file that step after step is read, reworked and written back under the same path (each cell loads the table, clears some rows and saves it again for the next) is one intermediate file: one finding on its first read, linked to every later write and read of it; a step that hands on several files together keeps its own finding. So are several files one cell writes and one later cell reads back (a cell that saves a set of arrays for the next part of the notebook, a cell that loads them all): one step hands its data to another through them, one finding on the first read, linked to every write and read of the set; files the reading cell takes from two writing cells are two hops. A script is read the same way, with a run of adjacent statements of one block for a cell: files saved by adjacent lines (comments between them aside) and loaded back by adjacent lines are one hop, one finding, while a file written or read apart from the others, or read back before the next one is written, is its own hop.',
    },
  },
  listen,
};
