// File reads and writes that are part of a cache or a check rather than of the data's way
// through a pipeline: `if os.path.exists(p): load else: compute and save`, `try: load except
// FileNotFoundError`, `assert pd.read_csv(p).shape == ...`.
import type { Node } from 'web-tree-sitter';
import type { DataFlow } from '../../semantics/dataflow';
import { ancestors, conditionOf, enclosingFunction, isAncestorOf, memoKey, sameNode, stripParens } from '../../semantics/nodes';
import { pathKey } from '../../semantics/pathValues';
import type { SemanticIndex } from '../../semantics';
import { oncePer } from '../../engine/collections';
import { NOTICE_FUNCTIONS } from '../../semantics/library/processSetup';
import { callResultValues } from './returnedValues';

/**
 * Conditions that check whether a file is there: the write and read are a cache, not a hop. The
 * check may be the project's own helper named for it (`file_exists(p)`, `blob_exists(uri)`), as
 * pipelines that run on a bucket or on disk write.
 */
const EXISTENCE_CHECK = /(?:\b|_)(exists|isfile|is_file|isdir|is_dir|glob|listdir|iterdir)\b/;
const MISSING_FILE_HANDLER = /^except\b[^:]*\b(FileNotFoundError|OSError|IOError|EnvironmentError|Exception|BaseException)\b|^except\s*:/;

/** How many calls deep a cache's check may be from the site (a builder called by a helper called under the check). */
const MAX_CHECKED_CALL_DEPTH = 2;

/**
 * True when the site is part of a cache (`if os.path.exists(p): read else: compute; write`,
 * `try: read except FileNotFoundError: ...`) or of a check (`assert pd.read_csv(p).shape == ...`).
 * Given the data flow, a site in a function of the module that the file calls only from such
 * places is one too: `if not os.path.exists("index.bin"): build_index()`, whose body writes it.
 * `otherRun` names the calls of that function that are left out, as never running in the run
 * that matters (see runOrder's `otherRunThan`).
 */
export function isCacheOrCheck(site: Node, flow?: DataFlow, depth = 0, otherRun?: (call: Node) => boolean): boolean {
  let inner = site;
  for (const current of ancestors(site, true)) {
    if (current.type === 'assert_statement') return true;
    const condition = conditionOf(current);
    if (condition && (EXISTENCE_CHECK.test(condition.text) || (flow && callsExistenceHelper(flow, condition)))) return true;
    if (current.type === 'try_statement' && missingFileHandlers(current).length > 0) return true;
    if ((current.type === 'block' || current.type === 'module') && guardedBefore(current, inner, flow, site)) return true;
    inner = current;
  }
  const fn = flow && depth < MAX_CHECKED_CALL_DEPTH ? enclosingFunction(site) : undefined;
  const calls = fn ? flow!.callsOf(fn).filter((call) => !otherRun?.(call.node)) : [];
  return calls.length > 0 && calls.every((call) => isCacheOrCheck(call.node, flow, depth + 1));
}

/** Calls that end the program: what follows them in the block never runs. */
const PROGRAM_EXITS = /^(sys\.exit|exit|quit|os\._exit)$/;

/**
 * The statements of each block that leave it when a file is there, with the path they test, found
 * once per parse tree: callers without the data flow ask too, once per site, and a module's
 * statements read again for each of thousands of sites would make the check quadratic.
 */
const guardsByTree = new WeakMap<object, Map<number | string, { at: number; path: Node | undefined }[]>>();

/**
 * True when a statement of `block` before `inner` leaves it when a file is already there, with no
 * other branch (`if os.path.exists(out): sys.exit(0)`, `if Path(p).is_file(): return`, `continue`
 * in a loop): the code after it runs only where the file is missing, as the code inside
 * `if not os.path.exists(out):` does, so the guard is the same cache spelled early. A guard that
 * tests another file than the one the site reads or writes, both known, guards something else.
 */
function guardedBefore(block: Node, inner: Node, flow: DataFlow | undefined, site: Node): boolean {
  let memo = guardsByTree.get(block.tree);
  if (!memo) guardsByTree.set(block.tree, (memo = new Map()));
  const key = memoKey(block);
  let guards = memo.get(key);
  if (!guards) {
    guards = block.namedChildren.flatMap((statement) => {
      const path = statement ? pathLeftOn(statement) : undefined;
      return path === undefined ? [] : [{ at: statement!.startIndex, path: path ?? undefined }];
    });
    memo.set(key, guards);
  }
  if (!guards.some((guard) => guard.at < inner.startIndex)) return false;
  const io = flow?.dataIOAt(site);
  const siteKey = flow && io?.path ? pathKey(flow.pathOf(io.path)) : undefined;
  return guards.some((guard) => {
    if (guard.at >= inner.startIndex) return false;
    const guardKey = flow && guard.path ? pathKey(flow.pathOf(guard.path)) : undefined;
    return !siteKey || !guardKey || siteKey === guardKey;
  });
}

/**
 * For `if <file exists>: ... return` (or `continue`, `sys.exit(...)`), with no `elif` or `else`: the
 * path it tests, or null when it is not known; undefined for any other statement. A negated test
 * (`if not os.path.exists(p): return`) guards a read of an input, not a cache.
 */
function pathLeftOn(statement: Node): Node | null | undefined {
  if (statement.type !== 'if_statement' || statement.childForFieldName('alternative')) return undefined;
  const condition = statement.childForFieldName('condition');
  const test = condition ? stripParens(condition) : undefined;
  if (!test || test.type === 'not_operator' || !EXISTENCE_CHECK.test(test.text)) return undefined;
  const body = statement.childForFieldName('consequence')?.namedChildren.filter((child) => child?.type !== 'comment') ?? [];
  const last = body[body.length - 1];
  const call = last?.type === 'expression_statement' ? last.namedChild(0) : null;
  const leaves = last?.type === 'return_statement' || last?.type === 'continue_statement' || (call?.type === 'call' && PROGRAM_EXITS.test(call.childForFieldName('function')?.text ?? ''));
  if (!leaves) return undefined;
  const callee = test.type === 'call' ? test.childForFieldName('function') : null;
  if (!callee || !FILE_TEST.test(callee.text)) return null;
  const object = callee.type === 'attribute' ? callee.childForFieldName('object') : null;
  return test.childForFieldName('arguments')?.namedChild(0) ?? (object && !/^os\.path$/.test(object.text) ? object : null);
}

/**
 * True when the condition calls a module-level function of the file whose every return is such a
 * check (`def has_sources(): return all(p.exists() for p in needed)`, then `if has_sources():`): the
 * check only moved into a helper, and the run where it fails reads what an earlier run saved.
 */
function callsExistenceHelper(flow: DataFlow, condition: Node): boolean {
  // callResultValues answers only for calls, so the condition itself may be in the list whatever it is.
  return [condition, ...condition.descendantsOfType('call')].some((call) => !!call && callResultValues(flow.index, call)?.every((value) => EXISTENCE_CHECK.test(value.text)) === true);
}

/** The `except` clauses of a `try` that run when a file is missing (`FileNotFoundError`, `OSError`, a bare `except`...). */
export function missingFileHandlers(tryStatement: Node): Node[] {
  return tryStatement.namedChildren.filter((child): child is Node => child?.type === 'except_clause' && MISSING_FILE_HANDLER.test(child.text));
}

/**
 * True when the site is in the body of a `try` that handles an exception: a load there whose value
 * is never used is a probe (does the file exist, parse, have this encoding?), and the handler says
 * what happens when it does not.
 */
export function isProbedInTry(site: Node): boolean {
  for (const current of ancestors(site, true)) {
    if (current.type === 'function_definition' || current.type === 'class_definition') return false;
    if (current.type !== 'try_statement') continue;
    const body = current.childForFieldName('body');
    if (body && body.startIndex <= site.startIndex && site.endIndex <= body.endIndex && current.namedChildren.some((c) => c?.type === 'except_clause')) return true;
  }
  return false;
}

/** Calls that test whether one file is there: `os.path.exists(p)`, `os.path.isfile(p)`, `Path(p).is_file()`. */
export const FILE_TEST = /(?:^|\.)(?:exists|isfile|is_file)$/;

/**
 * The paths whose existence a test must have found before the site runs: the argument of
 * `os.path.exists(p)` (or the object of `Path(p).exists()`) in the condition of an `if`, `elif` or
 * conditional expression whose true branch holds the site, alone or joined by `and`, or of an
 * earlier `if not ...:` of the same function that returns or continues (see exitsWhenMissing).
 * Where such a file is missing the site is skipped, not reached; `notice` says whether the branch
 * taken then tells the person running the program (a print, log line or warning in the `else` of
 * the `if`, or before the exit), so skipping it is not silent.
 */
export function pathsTestedToExist(index: SemanticIndex, site: Node): { path: Node; notice: boolean }[] {
  const tested: { path: Node; notice: boolean }[] = [];
  const collect = (test: Node, notice: boolean): void => {
    const node = stripParens(test);
    if (node.type === 'boolean_operator' && node.childForFieldName('operator')?.type === 'and') {
      for (const side of [node.childForFieldName('left'), node.childForFieldName('right')]) if (side) collect(side, notice);
      return;
    }
    const callee = node.type === 'call' ? node.childForFieldName('function') : null;
    if (!callee || !FILE_TEST.test(callee.text)) return;
    const argument = node.childForFieldName('arguments')?.namedChild(0);
    const object = callee.type === 'attribute' ? callee.childForFieldName('object') : null;
    const path = argument ?? (object && !/^os\.path$/.test(object.text) ? object : null);
    if (path) tested.push({ path, notice });
  };
  // Every ancestor, not only statements: the site may sit in a conditional expression.
  let inner = site;
  for (const current of ancestors(site, false)) {
    if (current.type === 'function_definition' || current.type === 'class_definition') break;
    const condition = conditionOf(current);
    const branch = current.type === 'conditional_expression' ? current.namedChild(0) : current.childForFieldName('consequence');
    if (condition && current.type !== 'while_statement' && branch && (sameNode(branch, site) || isAncestorOf(branch, site))) {
      const otherwise = current.type === 'if_statement' ? current.childForFieldName('alternative') : null;
      collect(condition, otherwise?.type === 'else_clause' && givesNotice(index, otherwise.childForFieldName('body')));
    }
    if (current.type === 'block' || current.type === 'module') for (const exit of exitsWhenMissing(index, current)) if (exit.at < inner.startIndex) collect(exit.test, exit.notice);
    inner = current;
  }
  return tested;
}

/** The exits of each block of a file, found once: every use of a path asks of every block around it. */
const exitsByBlock = oncePer((_index: SemanticIndex) => new Map<number | string, { at: number; test: Node; notice: boolean }[]>());

/** True when a statement of the block is a call that tells the person running the program something (`print("data not found")`, `logger.warning(...)`). */
function givesNotice(index: SemanticIndex, block: Node | null): boolean {
  return !!block?.namedChildren.some((statement) => !!statement && isNotice(index, statement));
}

/** True when the statement is a call that only tells the person running the program something (`print(name)`, `logger.info(...)`). */
export function isNotice(index: SemanticIndex, statement: Node): boolean {
  const expression = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  const call = expression?.type === 'call' ? index.call(expression) : undefined;
  return !!call && (call.qname ? NOTICE_FUNCTIONS.test(call.qname) : index.isLoggerMethod(call));
}

/**
 * The file tests of the statements of `block` that leave when the file is missing (`if not
 * (DATA_DIR / "beats.npy").exists(): return`, or `continue` in a loop), with no other branch, each
 * with where it starts: the code after one runs only where the file was found.
 */
function exitsWhenMissing(index: SemanticIndex, block: Node): readonly { at: number; test: Node; notice: boolean }[] {
  const memo = exitsByBlock(index);
  const key = memoKey(block);
  let exits = memo.get(key);
  if (exits) return exits;
  exits = [];
  for (const statement of block.namedChildren) {
    if (statement?.type !== 'if_statement' || statement.childForFieldName('alternative')) continue;
    const condition = statement.childForFieldName('condition');
    const negated = condition && stripParens(condition).type === 'not_operator' ? stripParens(condition).childForFieldName('argument') : null;
    const body = statement.childForFieldName('consequence')?.namedChildren.filter((child) => child?.type !== 'comment');
    const last = body?.[body.length - 1];
    // Not `raise` nor `sys.exit()`: those stop the program, which does break elsewhere.
    if (negated && (last?.type === 'return_statement' || last?.type === 'continue_statement')) exits.push({ at: statement.startIndex, test: negated, notice: givesNotice(index, statement.childForFieldName('consequence')) });
  }
  memo.set(key, exits);
  return exits;
}
