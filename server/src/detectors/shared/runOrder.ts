// Which file a path names, and whether a write of it runs before a read of it in one run of the
// program: the questions of an intermediate file hop (MLD502), of a program reading back what it
// saved itself (MLD908) and of a checkpoint read back to resume training (MLD702).
import type { Node } from 'web-tree-sitter';
import type { DataFlow, DataIO, NameRead } from '../../semantics/dataflow';
import { numberValue, stringValue } from '../../semantics/literals';
import { ancestor, ancestors, dottedName, enclosingFunction, enclosingLoops, enclosingStatement, firstAtOrAfter, FUNCTION_TYPES, isAncestorOf, LOOP_TYPES, methodClass, sameNode, stripParens } from '../../semantics/nodes';
import { isCacheOrCheck } from './caches';
import { CASE_STEPS, classAttributeOfInstance, pathBindings, pathKey, type PathValue } from '../../semantics/pathValues';
import { parameterName } from '../../semantics/definitions';
import { oncePer, pushTo } from '../../engine/collections';

/**
 * True when the two sites are in two arms of one `if` (a write in one and a read in the other is a
 * cache behind a flag), or in a `try` body and one of its `except` handlers, or in two handlers: a
 * handler runs when the body failed, and reads what an earlier run saved (`try: pull(); np.savetxt(p, x)`
 * / `except ImportError: x = np.genfromtxt(p)`, data pulled before, for readers without the tools).
 */
export function inExclusiveArms(a: Node, b: Node): boolean {
  return exclusiveArms(a, b) !== undefined;
}

/**
 * True when `call` never runs in a run of the program that reaches `read`: every call of the read's
 * function sits in the same function as `call`, each in another arm of one `if` (a script's modes,
 * `if args.mode == "extract": extract()` / `elif args.mode == "run": run()`), so a run that reads
 * took the other arm. A read at module level, or a function also called elsewhere, is not known to.
 */
export function otherRunThan(flow: DataFlow, call: Node, read: Node): boolean {
  const fn = enclosingFunction(read);
  const runs = fn ? flow.callsOf(fn) : [];
  const scope = enclosingFunction(call);
  const inScope = (site: Node) => (scope === undefined ? enclosingFunction(site) === undefined : sameNode(enclosingFunction(site), scope));
  return runs.length > 0 && runs.every((run) => inScope(run.node) && exclusiveArms(call, run.node)?.type === 'if_statement');
}

/**
 * True when the function returns right after `first` runs, before `second` can: the statement that
 * holds `first`, or a later statement of its block (or of a `with` around it), is a `return`, and `second` follows that
 * block in the same function. `second` then runs only where `first` did not (the model read from a
 * cache when the cache holds it, else from storage).
 */
export function returnsBefore(first: Node, second: Node): boolean {
  const fn = enclosingFunction(first);
  if (!fn || !sameNode(enclosingFunction(second), fn) || first.endIndex > second.startIndex) return false;
  for (let statement = enclosingStatement(first); ; ) {
    const block = statement.parent;
    if (block?.type !== 'block' || !isAncestorOf(fn, block) || isAncestorOf(block, second)) return false;
    const after = statement.startIndex;
    // `return joblib.load(p)`: the statement that holds `first` returns itself.
    if (statement.type === 'return_statement' || block.namedChildren.some((later) => later?.type === 'return_statement' && later.startIndex > after)) return true;
    // A `with` only opens the file: the statements after it still run next.
    if (block.parent?.type !== 'with_statement') return false;
    statement = block.parent;
  }
}

/**
 * True when the two sites sit in the arms of two `if` statements that test one name (or one query
 * of the machine, `platform.system()`) against two different constants (`if cfg.level == "word":`
 * around one, `elif cfg.level == "char":` around the other), in one scope with no loop around both, and nothing between them assigns that name: one
 * run sees one value, so at most one of the two sites runs.
 */
export function underDifferentConstants(a: Node, b: Node): boolean {
  const [first, second] = a.startIndex <= b.startIndex ? [a, b] : [b, a];
  const [fnFirst, fnSecond] = [enclosingFunction(first), enclosingFunction(second)];
  if ((fnFirst || fnSecond) && !sameNode(fnFirst, fnSecond)) return false;
  if (enclosingLoops(first).some((loop) => isAncestorOf(loop, second))) return false;
  const tested = constantTests(second);
  for (const [subject, value] of constantTests(first)) {
    const other = tested.get(subject);
    if (other !== undefined && other !== value && !assignedBetween(subject, first, second)) return true;
  }
  return false;
}

/** The `name == constant` tests (or `platform.system() == constant`) of the `if` and `elif` arms around a site: the subject's text, and the constant's value. */
function constantTests(site: Node): Map<string, string> {
  const tests = new Map<string, string>();
  let child = site;
  for (const parent of ancestors(site, false)) {
    const condition = (parent.type === 'if_statement' || parent.type === 'elif_clause') && sameNode(parent.childForFieldName('consequence'), child) ? parent.childForFieldName('condition') : null;
    const test = condition ? stripParens(condition) : undefined;
    if (test?.type === 'comparison_operator' && test.namedChildCount === 2 && test.child(1)?.type === '==') {
      const [left, right] = [test.namedChild(0)!, test.namedChild(1)!];
      const constant = (side: Node) => stringValue(side) ?? numberValue(side)?.toString();
      const value = constant(right);
      if (value !== undefined && (left.type === 'identifier' || left.type === 'attribute' || asksMachine(left))) tests.set(left.text, value);
    }
    child = parent;
  }
  return tests;
}

/**
 * Queries of the machine a run is on (`platform.system()`, `socket.gethostname()`,
 * `getpass.getuser()`), called with no argument: each answers the same for the whole run, as a
 * name never assigned does, so two tests of one against two constants never both hold. A call that
 * may answer otherwise on a second call (`input()`, `random.choice(...)`) is not one.
 */
const MACHINE_QUERIES = new Set(['platform.system', 'platform.node', 'platform.machine', 'platform.platform', 'socket.gethostname', 'getpass.getuser', 'os.getlogin']);

function asksMachine(expression: Node): boolean {
  return expression.type === 'call' && expression.childForFieldName('arguments')?.namedChildCount === 0
    && MACHINE_QUERIES.has(expression.childForFieldName('function')?.text ?? '');
}

/** Something between the two sites assigns `subject` (`cfg.level`), or the name it is read from (`cfg`). */
function assignedBetween(subject: string, first: Node, second: Node): boolean {
  const root = subject.split('.')[0];
  return first.tree.rootNode.descendantsOfType(['assignment', 'augmented_assignment'])
    .some((assignment) => {
      const target = assignment?.childForFieldName('left')?.text;
      return !!assignment && assignment.startIndex > first.endIndex && assignment.startIndex < second.startIndex
        && (target === subject || target === root || subject.startsWith(`${target}.`));
    });
}

/** The `if` or `try` whose exclusive arms hold the two sites (see inExclusiveArms), if any. */
function exclusiveArms(a: Node, b: Node): Node | undefined {
  for (let current = a.parent; current; current = current.parent) {
    if ((current.type !== 'if_statement' && current.type !== 'try_statement') || !isAncestorOf(current, b)) continue;
    const arm = (node: Node) => current!.namedChildren.find((child) => !!child && isAncestorOf(child, node));
    const [armA, armB] = [arm(a), arm(b)];
    if (sameNode(armA, armB)) return undefined;
    if (current.type === 'if_statement') return current;
    // Body, handlers, `else` and `finally` of one try: only a handler excludes the others (but `finally`).
    const handler = (part: Node | undefined) => part?.type === 'except_clause' || part?.type === 'except_group_clause';
    return (handler(armA) || handler(armB)) && armA?.type !== 'finally_clause' && armB?.type !== 'finally_clause' ? current : undefined;
  }
  return undefined;
}

/**
 * A write and a read in two arms of one `if` that the body of a loop repeats, the write first: the
 * pass that writes runs before the later passes that read (the best checkpoint saved when the score
 * improves, restored from the other arm when patience runs out). Only when the read's path names
 * the same file in every pass (no name in it bound inside the loop) and nothing around either site
 * tests whether the file exists or catches its absence: a cache's read may find what an earlier run left.
 */
function writtenInEarlierPass(flow: DataFlow, write: Node, read: Node, readPath: Node): boolean {
  const split = exclusiveArms(write, read);
  if (split?.type !== 'if_statement' || write.endIndex > read.startIndex) return false;
  const fn = enclosingFunction(split);
  const sameScope = (site: Node) => (fn === undefined ? enclosingFunction(site) === undefined : sameNode(enclosingFunction(site), fn));
  const loop = enclosingLoops(split).find((candidate) => isAncestorOf(candidate.childForFieldName('body') ?? candidate, split));
  if (!loop || !sameScope(write) || !sameScope(read) || isCacheOrCheck(write) || isCacheOrCheck(read)) return false;
  return flow.readsWithin(stripParens(readPath)).every((name) => flow.reachingDefinitions(name).every((definition) => !isAncestorOf(loop, definition.node)));
}

const LEAVES_BLOCK = ['return_statement', 'break_statement', 'continue_statement', 'raise_statement'];

/** The write's statement follows the binding's statement in one block, with no statement between them that may leave the block. */
function writtenRightAfter(binding: Node, written: Node): boolean {
  const statement = enclosingStatement(binding);
  if (!sameNode(statement.parent, written.parent) || written.startIndex < statement.endIndex) return false;
  for (let between = statement.nextNamedSibling; between && !sameNode(between, written); between = between.nextNamedSibling) {
    if (LEAVES_BLOCK.includes(between.type) || between.descendantsOfType(LEAVES_BLOCK).length > 0) return false;
  }
  return true;
}

/**
 * A write later in a loop's body than the read, to the path the read names through a name that the
 * loop binds only after the read, each time in a statement followed in its own block by the write
 * (`best_file = os.path.join(save_dir, tag)`, then `torch.save(state, best_file)`), with nothing between
 * them that leaves the block; before the loop the name holds nothing or a placeholder `None`. The read
 * finds the name bound only over the loop's back edge, after that write ran: the best checkpoint a
 * later pass restores when training stalls. The path's other names must not be bound in the loop, and
 * nothing may test whether the file exists (a cache from an earlier run).
 */
function savedRightAfterEachBinding(flow: DataFlow, write: Node, read: Node, readPath: Node): boolean {
  if (write.startIndex < read.endIndex) return false;
  const loop = enclosingLoops(read).find((candidate) => isAncestorOf(candidate.childForFieldName('body') ?? candidate, write));
  const body = loop?.childForFieldName('body');
  if (!body || !isAncestorOf(body, read) || isCacheOrCheck(write) || isCacheOrCheck(read)) return false;
  const written = enclosingStatement(write);
  let boundInLoop = false;
  for (const name of flow.readsWithin(stripParens(readPath))) {
    const definitions = pathBindings(flow, flow.reachingDefinitions(name));
    const inLoop = definitions.filter((definition) => isAncestorOf(loop!, definition.node));
    if (inLoop.length === 0) continue;
    if (inLoop.length !== definitions.length) return false;
    if (!inLoop.every((definition) => definition.node.startIndex > read.endIndex && writtenRightAfter(definition.node, written))) return false;
    boundInLoop = true;
  }
  return boundInLoop;
}

/** One of `calls` (reads that call a function) is in the body that holds `read`, before it, not in another arm of an `if` nor after a return. */
function calledEarlierInBody(calls: readonly NameRead[], read: Node): boolean {
  const fr = enclosingFunction(read);
  const inReadsBody = (call: Node) => (fr === undefined ? enclosingFunction(call) === undefined : sameNode(enclosingFunction(call), fr));
  return calls.some((call) => inReadsBody(call.node) && call.node.endIndex <= read.startIndex && !inExclusiveArms(call.node, read) && !returnsBefore(call.node, read));
}

const CONDITIONS = new Set(['if_statement', 'conditional_expression', ...LOOP_TYPES]);

/**
 * True when the write is in a function or method that the read's own body calls before the read
 * (`self._train_and_save()`, then the load), and writes in every run of it: no `if` or loop around
 * the write in that function (a `try` or `with` may be), so that no run of the call leaves an
 * earlier run's file in place (`if not os.path.exists(p):` before the save).
 */
export function writtenByEarlierCall(flow: DataFlow, write: Node, read: Node): boolean {
  const fw = enclosingFunction(write);
  if (!fw || sameNode(fw, enclosingFunction(read)) || ancestor(write, CONDITIONS, FUNCTION_TYPES) !== undefined) return false;
  return calledEarlierInBody([...flow.callsOf(fw), ...flow.methodCallsOf(fw)], read);
}

/**
 * True when the write runs before the read in one run of the program: in the same function (or
 * both at module level) and written first; or one of them in a function the module calls, and the
 * write's run comes first (`df.to_csv(p)` at module level, then a call of `train()` that reads p),
 * also through the calls of the file's functions and methods (see `firstRunsBefore`).
 * Given the read's path, also a write in the arm of an `if` a loop repeats that comes before the read's arm.
 */
export function writtenBeforeRead(flow: DataFlow, write: Node, read: Node, readPath?: Node): boolean {
  if (inExclusiveArms(write, read)) return !!readPath && writtenInEarlierPass(flow, write, read, readPath);
  const fw = enclosingFunction(write);
  const fr = enclosingFunction(read);
  // A write in a branch that returns from the function leaves the read after that branch to the
  // runs that skipped it (`if not predict:` trains, saves and returns): that read finds an earlier run's file.
  if (fw === undefined ? fr === undefined : sameNode(fw, fr)) {
    return (write.endIndex <= read.startIndex && !returnsBefore(write, read)) || (!!readPath && savedRightAfterEachBinding(flow, write, read, readPath));
  }
  // The write's function, called earlier in the read's own body, runs first in every run of that body.
  if (fw && calledEarlierInBody(flow.callsOf(fw), read)) return true;
  const reads = flow.runsAt(read);
  // Two module-level runs in the two arms of one `if` never both happen (`if mode == "train": train() else: serve()`).
  return flow.runsAt(write).some((w) => reads.some((r) => w.startIndex < r.startIndex && !inExclusiveArms(w, r))) || firstRunsBefore(flow, write, read);
}

/**
 * True when the read, after a loop, names the file one pass of that loop saved: its path reads a name
 * the loop sets only to its own variable (`best_epoch = epoch` when the score improves), and that
 * before the loop holds nothing or the loop's first value (`best_epoch = 0` before `for epoch in
 * range(n)`), while a statement of the loop's body itself, run in every pass before that name is set,
 * saves the same path with the loop variable in its place (`torch.save(state, "{}.pkl".format(epoch))`).
 */
export function savedInChosenPass(flow: DataFlow, path: Node, read: Node, saves: ReadonlyMap<string, readonly Node[]>): boolean {
  const value = flow.pathOf(path);
  return flow.readsWithin(stripParens(path)).some((name) => {
    const chosen = value.holes.includes(name.node.text) ? chosenPass(flow, name, read) : undefined;
    const body = chosen?.loop.childForFieldName('body');
    if (!chosen || !body) return false;
    const key = pathKey({ template: value.template, holes: value.holes.map((hole) => (hole === name.node.text ? chosen.variable : hole)) });
    return (saves.get(key ?? '') ?? []).some((save) => {
      // A statement of the body itself, not one under an `if` there: it runs in every pass.
      const statement = enclosingStatement(save);
      return sameNode(statement.parent, body) && chosen.sets.every((set) => statement.endIndex <= set.startIndex);
    });
  });
}

/** Calls that give the position of the smallest or largest element of the sequence they are given. */
const EXTREME_POSITION = new Set(['numpy.argmin', 'numpy.argmax', 'torch.argmin', 'torch.argmax']);

/** Methods that change a list in place other than by one `append` at its end. */
const LIST_CHANGES = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'sort', 'reverse']);

/**
 * True when the read, after a loop, names the file the pass it picks by position saved: the loop
 * appends one value to a list in every pass (`his_loss.append(mvalid_loss)`, to a list empty before
 * it), the position of its best element is taken after it (`bestid = np.argmin(his_loss)`), and the
 * read's path, with that position plus the loop's first value (`bestid + 1` for `range(1, n + 1)`)
 * standing for the loop variable and the element at it (`his_loss[bestid]`) for the value appended,
 * is the path a statement of the loop's body itself saves in every pass (Graph WaveNet's
 * `f"{args.save}_epoch_{epoch}_{round(mvalid_loss, 2)}.pth"`).
 */
export function savedInRankedPass(flow: DataFlow, path: Node, read: Node, saves: ReadonlyMap<string, readonly Node[]>): boolean {
  const value = flow.pathOf(path);
  return rankPositions(flow, path).some(({ position, list, chosen, picked }) => {
    const ranked = rankedList(flow, list, chosen);
    if (!ranked || read.startIndex < ranked.loop.endIndex || chosen.startIndex < ranked.loop.endIndex) return false;
    const { loop, variable, appended, start } = ranked;
    const element = new RegExp(`(?<![\\w.])${list.text}\\s*\\[\\s*${position}\\s*\\]`, 'g');
    // The path's parts between its run-time parts, and those parts: `bestid + 1` is two parts, the position and `1`.
    const parts = value.template.split('{}');
    const template: string[] = [parts[0]];
    const holes: string[] = [];
    for (let i = 0; i < value.holes.length; i++) {
      const hole = value.holes[i];
      if (hole === position || hole === picked) {
        const shifted = start !== 0 && parts[i + 1] === '' && value.holes[i + 1] === String(start);
        if (start !== 0 && !shifted) return false;
        holes.push(variable);
        if (shifted) i++;
      } else holes.push(hole.replace(element, appended.node.text));
      template.push(parts[i + 1]);
    }
    // Every mention of the position or the list must have been read as a pass or an element of the list.
    const leftover = new RegExp(`(?<![\\w.])(${position}|${list.text})(?!\\w)`);
    if (holes.some((hole) => hole !== variable && leftover.test(hole))) return false;
    const key = pathKey({ template: template.join('{}'), holes });
    if (key === undefined) return false;
    // A save through a name bound in the pass (`ckpt_path = f"..."`) is keyed with that binding too.
    const savedThere = [...saves].filter(([saved]) => saved === key || saved.startsWith(`${key}\u0000`)).flatMap(([, sites]) => sites);
    return savedThere.some((save) => {
      const statement = enclosingStatement(save);
      return sameNode(statement.parent, loop.childForFieldName('body')) && statement.startIndex > appended.definition.endIndex;
    });
  });
}

/** The names a path reads (directly or through names bound once to a value) that hold the position of a list's best element. */
function rankPositions(flow: DataFlow, path: Node, depth = 0): { position: string; list: Node; chosen: Node; picked: string }[] {
  return flow.readsWithin(stripParens(path)).flatMap((name) => {
    const definitions = flow.reachingDefinitions(name);
    const [only] = definitions;
    if (definitions.length !== 1 || only.kind !== 'assign' || !only.value || only.node.type !== 'identifier') return [];
    const call = flow.index.call(stripParens(only.value));
    const list = call && EXTREME_POSITION.has(call.qname ?? '') && call.args.length === 1 && call.kwargs.size === 0 ? stripParens(call.args[0]) : undefined;
    if (list?.type === 'identifier') return [{ position: only.node.text, list, chosen: only.statement, picked: only.value.text }];
    return depth < 4 ? rankPositions(flow, only.value, depth + 1) : [];
  });
}

/**
 * The loop that fills the list read at `list` with one value per pass: the list bound once to `[]`
 * before it and changed only by one `append` that is a statement of the loop's own body, the loop
 * a `for` over `range(n)` or `range(start, n)` with nothing that skips a pass, and the value appended
 * a name bound by a statement of that body before the append.
 */
function rankedList(flow: DataFlow, list: Node, chosen: Node): { loop: Node; variable: string; appended: { node: Node; definition: Node }; start: number } | undefined {
  const at = flow.readAt(list);
  const definitions = at ? flow.reachingDefinitions(at) : [];
  const [only] = definitions;
  if (definitions.length !== 1 || only.kind !== 'assign' || only.value?.type !== 'list' || only.value.namedChildren.length > 0) return undefined;
  const changes = flow.index.calls.filter((call) => {
    const receiver = call.receiver ? stripParens(call.receiver) : undefined;
    if (!call.method || !LIST_CHANGES.has(call.method) || receiver?.type !== 'identifier' || receiver.text !== list.text) return false;
    const read = flow.readAt(receiver);
    return !!read && flow.reachingDefinitions(read).some((definition) => definition === only);
  });
  const [append] = changes;
  if (changes.length !== 1 || append.method !== 'append' || append.args.length !== 1 || append.node.endIndex > chosen.startIndex) return undefined;
  const loop = everyPassLoop(flow, append.node);
  const variable = loop?.childForFieldName('left');
  const range = loop?.childForFieldName('right');
  const sequence = range ? flow.index.call(stripParens(range)) : undefined;
  const start = loop ? firstLoopValue(flow, loop) : undefined;
  if (!loop || variable?.type !== 'identifier' || only.statement.endIndex > loop.startIndex || (sequence?.args.length ?? 3) > 2 || start === undefined) return undefined;
  const appended = stripParens(append.args[0]);
  const read = appended.type === 'identifier' ? flow.readAt(appended) : undefined;
  const bound = read ? flow.reachingDefinitions(read) : [];
  const definition = bound.length === 1 && bound[0].kind === 'assign' ? enclosingStatement(bound[0].statement) : undefined;
  if (!definition || !sameNode(definition.parent, loop.childForFieldName('body'))) return undefined;
  return { loop, variable: variable.text, appended: { node: appended, definition }, start };
}

/**
 * True when the read, in a loop, names a file an earlier loop over the same sequence saved in the
 * pass with the same value: the read's path holds the later loop's variable, and a statement of the
 * earlier loop's own body saves the same path with that loop's variable in its place, in every pass
 * (not under an `if`, in a body with no `break` or `continue`): `for k in range(n): torch.save(net,
 * f"fold_{k}.pt")`, then `for k in range(n): nets.append(torch.load(f"fold_{k}.pt"))`.
 */
export function savedInEarlierLoop(flow: DataFlow, path: Node, read: Node, saves: ReadonlyMap<string, readonly Node[]>): boolean {
  const passes = loopVariablesIn(flow, path).filter((variable) => isAncestorOf(variable.loop, read));
  if (passes.length === 0) return false;
  for (const written of saves.values()) {
    for (const save of written) {
      const earlier = everyPassLoop(flow, save);
      const variable = earlier?.childForFieldName('left');
      const later = earlier && passes.find((pass) => pass.loop.startIndex >= earlier.endIndex && sameSequence(flow, earlier, pass.loop));
      if (!later || variable?.type !== 'identifier') continue;
      const key = fileKey(flow, path, { from: later.variable, to: variable });
      if (key !== undefined && (saves.get(key) ?? []).some((other) => sameNode(other, save)) && writtenBeforeRead(flow, save, read)) return true;
    }
  }
  return false;
}

/**
 * True when the read's path holds the variable of a loop around it over a literal list of constants
 * (`for name in ["RandomForest", "XGBoost"]: joblib.load(f"models/{name}.joblib")`) and the file each
 * constant names was saved before the read: every pass reads back one of the program's own files.
 */
export function savedForEachConstant(flow: DataFlow, path: Node, read: Node, saves: ReadonlyMap<string, readonly Node[]>): boolean {
  const value = flow.pathOf(path);
  return loopVariablesIn(flow, path).some(({ variable, loop }) => {
    const right = loop.childForFieldName('right');
    const list = right ? stripParens(right) : undefined;
    const constants = list && (list.type === 'list' || list.type === 'tuple') ? list.namedChildren.map((item) => (item ? stringValue(item) : undefined)) : [];
    if (!isAncestorOf(loop, read) || constants.length === 0 || constants.some((constant) => constant === undefined || /[{}]/.test(constant))) return false;
    return constants.every((constant) => {
      const filled = filledHoles(value, (hole) => (hole === variable.text ? { template: constant!, holes: [] } : undefined));
      const key = filled ? pathKey(filled) : undefined;
      return key !== undefined && (saves.get(key) ?? []).some((save) => writtenBeforeRead(flow, save, read));
    });
  });
}

/**
 * True when a part of `path` is an entry of a dictionary literal read by a key known only at run time
 * (`best_file = model_files[best_name]` with `model_files = {"RandomForest": "rf.pkl", "XGBoost": "xgb.pkl"}`),
 * the dictionary bound once and never written into, and every value of it, put in that part, names a
 * file saved before `read`: whichever entry the key picks, the load reads one of the program's own files.
 */
export function savedForEachDictionaryValue(flow: DataFlow, path: Node, read: Node, saves: ReadonlyMap<string, readonly Node[]>): boolean {
  const value = flow.pathOf(path);
  return dictionaryEntriesIn(flow, path).some(({ entry, values }) =>
    values.every((constant) => {
      const filled = filledHoles(value, (hole) => (hole === entry.text ? { template: constant, holes: [] } : undefined));
      const key = filled ? pathKey(filled) : undefined;
      return key !== undefined && (saves.get(key) ?? []).some((save) => writtenBeforeRead(flow, save, read));
    }),
  );
}

/**
 * The entries `d[k]` a path holds, written in it or through the names it reads, each of a dictionary
 * literal of constant strings bound once to `d` and never written into; with the name bound to the
 * entry, which a path may hold in its place.
 */
function dictionaryEntriesIn(flow: DataFlow, path: Node, depth = 0): { entry: Node; values: string[] }[] {
  return flow.readsWithin(stripParens(path)).flatMap((name) => {
    const parent = name.node.parent;
    if (parent?.type === 'subscript' && sameNode(parent.childForFieldName('value'), name.node)) {
      const values = dictionaryValues(flow, name);
      return values ? [{ entry: parent, values }] : [];
    }
    const value = flow.onlyAssignedValue(name);
    if (!value || depth >= 4) return [];
    const found = dictionaryEntriesIn(flow, value, depth + 1);
    const whole = stripParens(value).type === 'subscript' ? found.find(({ entry }) => sameNode(entry, stripParens(value))) : undefined;
    return whole ? [...found, { entry: name.node, values: whole.values }] : found;
  });
}

/** The values of the dictionary literal of constant strings `held` names, bound once and never written into. */
function dictionaryValues(flow: DataFlow, held: NameRead): string[] | undefined {
  const value = flow.onlyAssignedValue(held);
  const literal = value ? stripParens(value) : undefined;
  if (literal?.type !== 'dictionary' || flow.writesInto(held).length > 0) return undefined;
  const values = literal.namedChildren.map((pair) => (pair?.type === 'pair' ? pair.childForFieldName('value') : null)).map((item) => (item ? stringValue(item) : undefined));
  return values.length > 0 && values.every((text) => text !== undefined && !/[{}]/.test(text)) ? (values as string[]) : undefined;
}

/** The `for` variables a path holds, directly or through the names it reads (`p = f"fold_{k}.pt"`), each bound by its loop alone. */
function loopVariablesIn(flow: DataFlow, path: Node, depth = 0): { variable: Node; loop: Node }[] {
  return flow.readsWithin(stripParens(path)).flatMap((name) => {
    const definitions = flow.reachingDefinitions(name);
    const [only] = definitions;
    if (definitions.length !== 1) return [];
    if (only.kind === 'for' && only.statement.childForFieldName('left')?.type === 'identifier') return [{ variable: only.node, loop: only.statement }];
    return only.kind === 'assign' && only.value && depth < 4 ? loopVariablesIn(flow, only.value, depth + 1) : [];
  });
}

/**
 * The `for` loop whose own body holds the statement of `save` (also inside a `with` there, which
 * only opens the file), when nothing in it skips a pass or ends the loop early.
 */
function everyPassLoop(flow: DataFlow, save: Node): Node | undefined {
  let statement = enclosingStatement(save);
  while (statement.parent?.type === 'block' && statement.parent.parent?.type === 'with_statement') statement = statement.parent.parent;
  const body = statement.parent;
  const loop = body?.parent;
  if (loop?.type !== 'for_statement' || !sameNode(loop.childForFieldName('body'), body)) return undefined;
  const leaves = [...flow.index.nodes('break_statement'), ...flow.index.nodes('continue_statement')];
  return leaves.some((leave) => sameNode(ancestor(leave, LOOP_TYPES, FUNCTION_TYPES), loop)) ? undefined : loop;
}

/** Calls that give the same values each time over the same bindings. */
const STABLE_SEQUENCES = new Set(['builtins.range', 'builtins.len', 'builtins.list', 'builtins.sorted']);

/**
 * True when two loops walk the same values: the same iterable, written alike over the same bindings,
 * with no call in it but those of STABLE_SEQUENCES (a splitter's `kf.split(X)` may shuffle anew).
 */
function sameSequence(flow: DataFlow, a: Node, b: Node): boolean {
  const [first, second] = [a.childForFieldName('right'), b.childForFieldName('right')];
  if (!first || !second || first.text !== second.text) return false;
  const calls = flow.index.nodes('call').filter((call) => isAncestorOf(first, call) || sameNode(first, call));
  if (calls.some((call) => !STABLE_SEQUENCES.has(flow.index.call(call)?.qname ?? ''))) return false;
  const bindings = (iterable: Node) => flow.readsWithin(iterable).map((name) => flow.reachingDefinitions(name).map((definition) => definition.node.startIndex).join(',')).join(';');
  return bindings(first) === bindings(second);
}

/** The loop whose variable alone the name read after it holds (see savedInChosenPass), its variable, and the statements that set the name in it. */
function chosenPass(flow: DataFlow, name: NameRead, read: Node): { loop: Node; variable: string; sets: Node[] } | undefined {
  let loop: Node | undefined;
  const sets: Node[] = [];
  const before: Node[] = [];
  for (const definition of flow.reachingDefinitions(name)) {
    const source = definition.kind === 'assign' && definition.value?.type === 'identifier' ? flow.readAt(definition.value) : undefined;
    const bindings = source ? flow.reachingDefinitions(source) : [];
    const passLoop = bindings.length === 1 && bindings[0].kind === 'for' && isAncestorOf(bindings[0].statement, definition.node) ? bindings[0].statement : undefined;
    if (passLoop && (!loop || sameNode(loop, passLoop))) {
      loop = passLoop;
      sets.push(definition.statement);
    } else if (definition.kind === 'assign' && definition.value) before.push(definition.value);
    else return undefined;
  }
  const variable = loop?.childForFieldName('left');
  if (!loop || variable?.type !== 'identifier' || read.startIndex < loop.endIndex) return undefined;
  const first = before.length > 0 ? firstLoopValue(flow, loop) : undefined;
  return before.every((initial) => initial.endIndex <= loop!.startIndex && first !== undefined && numberValue(initial) === first) ? { loop, variable: variable.text, sets } : undefined;
}

/** The first value a `for` over `range(...)` takes (`range(n)`: 0; `range(1, n + 1)`: 1), if the range starts at a number. */
function firstLoopValue(flow: DataFlow, loop: Node): number | undefined {
  const right = loop.childForFieldName('right');
  const range = right ? flow.index.call(stripParens(right)) : undefined;
  if (range?.qname !== 'builtins.range' || range.args.length === 0 || range.kwargs.size > 0) return undefined;
  return range.args.length === 1 ? 0 : numberValue(range.args[0]);
}

/**
 * True when the write's first run comes before the read's, their call chains (`firstRunSites`:
 * `main()` calls `stopper(loss, model)`, whose `__call__` calls `self.save_checkpoint(model)`,
 * which saves; `main()` loads after the loop) parting in one body with the write's side first —
 * not into the two arms of one `if`, where one run takes only one of them.
 */
function firstRunsBefore(flow: DataFlow, write: Node, read: Node): boolean {
  const writes = flow.firstRunSites(write);
  const reads = writes && flow.firstRunSites(read);
  return !!writes && !!reads && chainRunsBefore(writes, reads) >= 0;
}

/**
 * Two call chains from one start: where they part, the first's call comes before the second's, not
 * in another arm of an `if`. The position where they part, or -1 when the first does not run first.
 */
function chainRunsBefore(writes: readonly Node[], reads: readonly Node[]): number {
  const at = writes.findIndex((site, i) => i >= reads.length || !sameNode(site, reads[i]));
  if (at < 0 || at >= reads.length) return -1;
  return writes[at].endIndex <= reads[at].startIndex && !inExclusiveArms(writes[at], reads[at]) ? at : -1;
}

/**
 * True when code nothing in the module runs reads a file only after writing it: every entry that
 * reaches the read (a function or a method nothing in the file calls, which another module or an
 * entry point drives: `Server.start` looping over rounds that save the best model, then testing it)
 * reaches the write first, where the two chains part in its body. A read one entry reaches without
 * the write before it (a method another module may call alone) may find an earlier run's file.
 */
export function writtenFirstInEveryEntry(flow: DataFlow, write: Node, read: Node): boolean {
  // Within one function, writtenBeforeRead's own order (and its arms and returns) decides.
  if (sameNode(enclosingFunction(write), enclosingFunction(read)) || flow.firstRunSites(read)) return false;
  const reads = flow.entryRunSites(read, true);
  if (reads.size === 0) return false;
  const writes = flow.entryRunSites(write, true);
  return [...reads].every(([entry, chain]) => {
    const written = writes.get(entry);
    const at = written ? chainRunsBefore(written, chain) : -1;
    // A call that saves in a branch returning from the entry leaves the read to the runs that skipped it.
    return at >= 0 && !returnsBefore(written![at], chain[at]);
  });
}

/**
 * True when the write is in a class's `__init__` and the read in another method of the same class
 * that runs on an instance (not a static or class method): a method runs on an instance only once
 * its `__init__` has run, so the file is there when it is read (an LR finder that saves the initial
 * weights when it is built and restores them after its range test).
 */
export function writtenByConstructor(write: Node, read: Node): boolean {
  const constructor = enclosingFunction(write);
  if (constructor?.childForFieldName('name')?.text !== '__init__') return false;
  const cls = instanceMethodClass(constructor);
  const method = enclosingFunction(read);
  return !!cls && !!method && !sameNode(method, constructor) && sameNode(instanceMethodClass(method), cls);
}

/** The class whose body defines `fn`, when `fn` runs on an instance: not decorated as a static or class method. */
function instanceMethodClass(fn: Node): Node | undefined {
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  const decorators = holder.namedChildren.filter((child) => child?.type === 'decorator');
  if (decorators.some((decorator) => /^@\s*(staticmethod|classmethod)\s*$/.test(decorator!.text))) return undefined;
  return methodClass(fn);
}

/**
 * Of a file's writes (in document order), the last in document order that runs before the read,
 * among those `accept` takes. A write after the read in the document runs before it only when one
 * of the two is in a function; a write before it usually does, so the search starts at the read
 * and stops at the first answer (testing every write per read is quadratic in a file read back
 * again and again).
 */
export function lastWrittenBefore(flow: DataFlow, writes: readonly DataIO[], read: Node, accept: (write: DataIO) => boolean): DataIO | undefined {
  const runsBefore = (write: DataIO) => accept(write) && writtenBeforeRead(flow, write.call.node, read);
  const at = firstAtOrAfter(writes, (write) => write.call.node.startIndex, read.startIndex);
  if (enclosingFunction(read) !== undefined) {
    for (let i = writes.length - 1; i >= at; i--) if (runsBefore(writes[i])) return writes[i];
  } else {
    const inFunctions = writesInFunctions(writes);
    for (let j = inFunctions.length - 1; j >= 0 && inFunctions[j] >= at; j--) if (runsBefore(writes[inFunctions[j]])) return writes[inFunctions[j]];
  }
  for (let i = at - 1; i >= 0; i--) if (runsBefore(writes[i])) return writes[i];
  return undefined;
}

const inFunctionsOf = new WeakMap<readonly DataIO[], number[]>();

/** The positions of the writes made inside a function (the list is shared: DataFlow.savesAt remembers it). */
function writesInFunctions(writes: readonly DataIO[]): number[] {
  let found = inFunctionsOf.get(writes);
  if (!found) {
    found = writes.flatMap((write, position) => (enclosingFunction(write.call.node) !== undefined ? [position] : []));
    inFunctionsOf.set(writes, found);
  }
  return found;
}

/**
 * The key a relative path read at `read` has as seen from where the program started, when the
 * program moved into a directory first with the one `os.chdir("app")` of the file, a constant
 * relative directory, run before the read: after it, `pkl/model.pkl` names the `app/pkl/model.pkl`
 * saved before the move. `at` is that move, for the caller to order the save against it.
 * Undefined when the file changes directory otherwise (twice, or to a computed place) or not before the read.
 */
export function keyBeforeChdir(flow: DataFlow, path: Node, read: Node): { key: string; at: Node } | undefined {
  const moves = flow.index.callsTo(CHDIR);
  const directory = moves.length === 1 && moves[0].args.length === 1 ? stringValue(moves[0].args[0]) : undefined;
  if (!directory || /^([\\/~]|[A-Za-z]:)/.test(directory) || !writtenBeforeRead(flow, moves[0].node, read)) return undefined;
  const value = flow.pathOf(path);
  if (/^([\\/~{]|[A-Za-z]:)/.test(value.template)) return undefined;
  const key = pathKey({ ...value, template: `${directory}/${value.template.replace(/^(\.[\\/])+/, '')}` });
  return key === undefined ? undefined : { key, at: moves[0].node };
}
const CHDIR = new Set(['os.chdir']);

/**
 * What names one file, for grouping loads and for matching a read with a write: the path's value
 * (pathKey), or, for a path known only at run time (`args.model`, `os.path.join(args.save_dir,
 * args.name)`, `self.checkpoint_path`), its value as far as it is known with the bindings that hold
 * its run-time parts (heldValues): the same expression over the same bindings is the same file, also
 * through a name bound to it, while a parameter of two functions is not. A part computed by a call
 * (`time.time()`) may change between two evaluations of the expression, but not in a name that holds
 * its value (boundPathKey); so a part a name holds from a call (`version = latest()`, then
 * `f"model_{version}.pkl"`) is one value only over that binding: `new_version = latest()`, evaluated
 * again, may hold another, though the path's text is the same.
 */
export function fileKey(flow: DataFlow, path: Node, pass?: PassSwap): string | undefined {
  const found = flow.pathOf(path);
  const value = pass ? { ...found, holes: found.holes.map((hole) => (hole === pass.from.text ? pass.to.text : hole)) } : found;
  const key = pathKey(value);
  const heldFromCall = value.holes.some((hole) => changesByCall(hole) && !stripParens(path).text.includes(hole));
  // A name bound to an attribute or a constant key read (`p = cfg["ckpt"]`) is keyed by the bindings
  // of that read, as the read itself is, not by the name's own binding.
  const aliasOfRead = value.identity !== undefined && value.holes.length === 1 && !/^\w+$|\(/.test(value.holes[0]) && value.holes[0] !== stripParens(path).text;
  if (key !== undefined && !heldFromCall && !aliasOfRead) return key;
  // A part computed by a call that the path only reads through a name (`path + args.save` after
  // `path = out_dir + str(time.time())`) is one value over that name's binding, as the name alone is:
  // keyed by the bindings the expression reads; one the expression computes itself is not.
  if (key === undefined && value.holes.some((hole) => hole.includes('('))) {
    const bound = boundPathKey(flow, path);
    if (bound !== undefined || value.holes.some((hole) => hole.includes('(') && stripParens(path).text.includes(hole))) return bound;
  }
  const held = heldValues(flow, path, 0, pass);
  if (!held || held.length === 0) return undefined;
  return heldKey(value, held);
}

/** A path keyed by the bindings that hold its run-time values (heldValues): in any order, each once. */
function heldKey(value: PathValue, held: readonly string[]): string {
  return `${value.template}\u0000${value.holes.join('\u0000')}\u0000${[...new Set(held)].sort().join(';')}`;
}

/**
 * The key fileKey gives a path built from the values these expressions hold, with a part computed
 * by a call that they hold only through a name's binding (a project function's saved path filled in
 * from its call's arguments, `tmpdir` after `tmpdir = mkdtemp() + "/"`): one value over that binding,
 * as a load through the same name reads it. Undefined when an expression computes such a part itself.
 */
export function keyOverHeldValues(flow: DataFlow, value: PathValue, sources: readonly Node[]): string | undefined {
  const held: string[] = [];
  for (const source of sources) {
    if (computedByCall(flow, source)) return undefined;
    const values = heldValues(flow, source);
    if (!values) return undefined;
    held.push(...values);
  }
  return held.length > 0 ? heldKey(value, held) : undefined;
}

/** A loop variable read as if another loop's variable held it: the pass of that loop with the same value. */
interface PassSwap {
  from: Node;
  to: Node;
}

/**
 * The key of a path read in a function of the file, with each parameter of the function in it
 * replaced by the one path its calls pass (a single call, or several that pass one value:
 * onePassedValue): `def detect(ckpt_dir): torch.load(ckpt_dir / "g.pt")`, called as
 * `detect(ckpt_dir)` beside `torch.load(ckpt_dir / "g.pt")`, reads the file that load reads. A
 * parameter rebound in the function, passed different values or by a splat, or an argument with a
 * part computed by a call (which may change between the two evaluations) gives undefined, and so
 * does a path with no such parameter in it: fileKey answers then. `held` gives what an argument
 * holds where the caller knows more than the flow (the value an attribute of `self` was set to).
 */
export function fileKeyThroughPassedValue(flow: DataFlow, path: Node, held: (argument: Node) => Node = (argument) => argument, depth = 0): string | undefined {
  const passed = new Map<string, Passed>();
  for (const { name, values } of parameterArguments(flow, path)) {
    const value = onePassedValue(flow, values);
    if (value) passed.set(name, { value, argument: held(passedOn(flow, values[0])) });
  }
  return substitutedKey(flow, path, passed, held, depth);
}

/** How many functions of the file a path handed on as it stands is followed up through (fileKeyThroughPassedValue over substitutedKey). */
const MAX_PASSED_THROUGH = 3;

/**
 * The keys of a path written in a function of the file, one per call of the function, with each
 * parameter in the path replaced by what that call passes (`train(model, experiment_name="v2")`
 * saving to `"models/best_" + experiment_name + ".pt"` writes `models/best_v2.pt`), each with the
 * call that runs the write: a read after that call reads what it wrote.
 */
export function fileKeysThroughEachCall(flow: DataFlow, path: Node): { key: string; call: Node }[] {
  const parameters = parameterArguments(flow, path);
  const calls = parameters[0]?.values.length ?? 0;
  if (calls === 0 || parameters.some(({ values }) => values.length !== calls)) return [];
  const keys: { key: string; call: Node }[] = [];
  const budget = { calls: MAX_HANDED_ON_CALLS };
  for (let i = 0; i < calls; i++) {
    const passed = new Map(parameters.map(({ name, values }) => [name, { value: flow.pathOf(values[i]), argument: values[i] }] as const));
    const call = [...ancestors(parameters[0].values[i], false)].find((node) => node.type === "call");
    const key = substitutedKey(flow, path, passed);
    if (key === undefined || !call || !parameters.every(({ values }) => isAncestorOf(call, values[i]))) continue;
    keys.push({ key, call });
    const written = substitutedValue(flow, path, passed);
    if (written) keys.push(...handedOn(flow, written, call, 1, budget));
  }
  return keys;
}

/** How many functions of the file a written path is followed up through, each handing its own parameters on. */
const MAX_HANDED_ON = 3;
/** Calls one write is followed up through in all such chains at most: each level multiplies by its function's calls. */
const MAX_HANDED_ON_CALLS = 256;

/**
 * A path a call passes over its own function's parameters, written by what it calls
 * (`run(out_dir)` calling `train(model, out_dir=out_dir)` that saves to `out_dir + "/best.pt"`): each
 * call of that function writes the path with what it passes (`run(out_dir="runs/v2")` writes
 * `runs/v2/best.pt`), and so up through the functions that hand their parameters on, every part
 * of the path a parameter at each step and none worked out by a call.
 */
function handedOn(flow: DataFlow, value: PathValue, inner: Node, depth: number, budget: { calls: number }): { key: string; call: Node }[] {
  if (depth >= MAX_HANDED_ON || value.holes.length === 0) return [];
  const parameters = parameterArguments(flow, inner);
  const calls = parameters[0]?.values.length ?? 0;
  if (calls === 0 || parameters.some(({ values }) => values.length !== calls) || !value.holes.every((hole) => parameters.some(({ name }) => name === hole))) return [];
  const keys: { key: string; call: Node }[] = [];
  for (let i = 0; i < calls && budget.calls-- > 0; i++) {
    const call = [...ancestors(parameters[0].values[i], false)].find((node) => node.type === 'call');
    if (!call || !parameters.every(({ values }) => isAncestorOf(call, values[i]))) continue;
    const written = filledHoles(value, (hole) => {
      const passed = parameters.find(({ name }) => name === hole);
      return passed ? flow.pathOf(passed.values[i]) : undefined;
    });
    if (!written || written.holes.some((hole) => hole.includes('('))) continue;
    const key = pathKey(written);
    if (key !== undefined) keys.push({ key, call });
    keys.push(...handedOn(flow, written, call, depth + 1, budget));
  }
  return keys;
}

/** A value a call passes for a parameter: its path value and the argument expression. */
interface Passed {
  value: PathValue;
  argument: Node;
}

/** The parameters of the function around `path` that its calls pass values for: each with those values, in call order. */
function parameterArguments(flow: DataFlow, path: Node): { name: string; values: Node[] }[] {
  const parameters = enclosingFunction(path)?.childForFieldName('parameters')?.namedChildren ?? [];
  const found: { name: string; values: Node[] }[] = [];
  for (const parameter of parameters) {
    const name = parameter ? parameterName(parameter) : undefined;
    const binding = name ? flow.index.boundAt(name) : undefined;
    const values = name && binding?.kind === 'param' && flow.index.isOnlyBinding(binding) ? flow.index.passedArguments(name) : undefined;
    if (name && values) found.push({ name: name.text, values });
  }
  return found;
}

/**
 * `path`'s value as the calls of its function give it: each parameter it reads replaced by the one
 * value every call passes for it (`"STGCN_" + args.dataset + ".pt"` in `prepare_model(args)`, called
 * once with `main`'s `args`); the value itself when it reads no parameter of its function; undefined
 * when it reads a parameter the calls pass no one value for (two calls with two values, none at all).
 */
export function valueThroughPassedArguments(flow: DataFlow, path: Node): PathValue | undefined {
  const value = flow.pathOf(path);
  const fn = enclosingFunction(path);
  const names = new Set((fn?.childForFieldName('parameters')?.namedChildren ?? []).map((parameter) => (parameter ? parameterName(parameter)?.text : undefined)).filter((name): name is string => !!name));
  // A part that reads a parameter, directly or through a name the function binds from it (`folder = os.path.join(opts.out_dir, "best")`).
  const reads = value.holes.filter((hole) => (hole.match(/(?<![.\w])[A-Za-z_]\w*/g) ?? []).some((name) => names.has(name)));
  if (reads.length === 0) return value;
  const passed = new Map<string, Passed>();
  for (const { name, values } of parameterArguments(flow, path)) {
    const one = onePassedValue(flow, values);
    if (one) passed.set(name, { value: one, argument: passedOn(flow, values[0]) });
  }
  // Each such part is the parameter itself, or an attribute or entry of it: what the calls pass fills it in.
  const filled = reads.every((hole) => passed.has(/^\w+/.exec(hole)?.[0] ?? '') && /^\w+(?:$|[.[])/.test(hole));
  return filled ? substitutedValue(flow, path, passed) : undefined;
}

/** `path`'s value with each parameter in it replaced by the value passed for it; undefined when no part is a parameter passed. */
function substitutedValue(flow: DataFlow, path: Node, passed: ReadonlyMap<string, Passed>): PathValue | undefined {
  const value = passed.size > 0 ? flow.pathOf(path) : undefined;
  return value ? filledHoles(value, (hole) => passed.get(hole)?.value ?? passedAttribute(flow, hole, passed) ?? passedEntry(flow, hole, passed)) : undefined;
}

/** `value` with the run-time parts `fill` knows replaced by their values; undefined when it knows none. */
function filledHoles(value: PathValue, fill: (hole: string) => PathValue | undefined): PathValue | undefined {
  const pieces = value.template.split('{}');
  if (pieces.length !== value.holes.length + 1 || !value.holes.some((hole) => fill(hole))) return undefined;
  let template = pieces[0];
  const holes: string[] = [];
  value.holes.forEach((hole, i) => {
    const part = fill(hole);
    template += (part?.template ?? '{}') + pieces[i + 1];
    holes.push(...(part?.holes ?? [hole]));
  });
  return { template, holes };
}

/** The key of `path` with each parameter in it replaced by the value passed for it (see fileKeyThroughPassedValue). */
function substitutedKey(flow: DataFlow, path: Node, passed: ReadonlyMap<string, Passed>, heldBy: (argument: Node) => Node = (argument) => argument, depth = MAX_PASSED_THROUGH): string | undefined {
  // The path is the parameter itself (`torch.load(checkpoint_path)`): it names the file the argument
  // names where the call passes it (`args.checkpoint`), also when no part of it is known text. The
  // argument is keyed as a path written there would be: through the caller's own parameters, when
  // its calls pass them one value (`sanity_check(model, args.pretrained)` in `main_worker(gpu, args)`,
  // called once with `main`'s `args`), so it names the file `torch.load(args.pretrained)` beside the
  // call names.
  const whole = stripParens(path);
  const argument = whole.type === 'identifier' ? passed.get(whole.text)?.argument : undefined;
  if (argument) return (depth + 1 < MAX_PASSED_THROUGH ? fileKeyThroughPassedValue(flow, argument, heldBy, depth + 1) : undefined) ?? fileKey(flow, argument);
  const substituted = substitutedValue(flow, path, passed);
  if (!substituted) return undefined;
  const { template, holes } = substituted;
  const known = holes.some((hole) => hole.includes('(')) ? undefined : pathKey({ template, holes });
  if (known !== undefined) return known;
  // A path with no known text (`config["input_file"]` over the dictionary every call passes) is
  // keyed, as fileKey keys it, by the bindings that hold what the calls pass.
  // A part computed by a call is one value only over the bindings that hold it, as fileKey keys it:
  // the arguments' bindings, where the path reads a parameter, and its own elsewhere.
  const held: string[] = [];
  for (const read of flow.readsWithin(stripParens(path))) {
    const argument = passed.get(read.node.text)?.argument;
    const values = argument ? heldValues(flow, argument) : read.resolution.kind === 'builtin' ? [] : heldValues(flow, read.node);
    if (!values) return undefined;
    held.push(...values);
  }
  return `${template}\u0000${holes.join('\u0000')}\u0000${held.join(';')}`;
}

/**
 * `opt.experiment_root` in a function whose call passes `options` for `opt`: the value the file gives
 * `options.experiment_root` (see attributeValues), or, when it gives none or several, that attribute
 * as a run-time part, so a read of `options.experiment_root` after the call names the same file.
 */
function passedAttribute(flow: DataFlow, hole: string, passed: ReadonlyMap<string, Passed>): PathValue | undefined {
  const match = /^(\w+)\.(\w+)$/.exec(hole);
  const argument = match ? passed.get(match[1])?.argument : undefined;
  const object = argument ? stripParens(argument) : undefined;
  if (!match || object?.type !== 'identifier') return undefined;
  const written = attributeValues(flow).get(`${object.text}.${match[2]}`) ?? [];
  return written.length === 1 ? flow.pathOf(written[0]) : { template: '{}', holes: [`${object.text}.${match[2]}`] };
}

/**
 * `config["input_file"]` in a function whose calls pass one dictionary for `config`: that entry of the
 * dictionary the caller holds, as a run-time part, when the file writes that constant key into no
 * object (`config["input_file"] = ...`), which would make the entry another path by the read.
 */
function passedEntry(flow: DataFlow, hole: string, passed: ReadonlyMap<string, Passed>): PathValue | undefined {
  const match = /^(\w+)\[(["'])([^"'\\]*)\2\]$/.exec(hole);
  const argument = match ? passed.get(match[1])?.argument : undefined;
  const object = argument ? stripParens(argument) : undefined;
  if (!match || object?.type !== 'identifier' || writtenEntries(flow).has(match[3])) return undefined;
  return { template: '{}', holes: [`${object.text}[${match[2]}${match[3]}${match[2]}]`] };
}

/** The constant keys the file writes into any object by subscript (`cfg["ckpt"] = path`), from the data flow's writes. Once per file. */
const writtenEntries = oncePer((flow: DataFlow): Set<string> => new Set(flow.mutations.flatMap((mutation) => (mutation.kind === 'item' ? mutation.keys : []))));

/**
 * The values the file gives each attribute of a name, by `name.attr = value` and by a loop that sets
 * the entries of a dictionary literal on it (`for k in d: setattr(options, k, d[k])`, `for k, v in
 * d.items(): setattr(options, k, v)`: a notebook's stand-in for parsed arguments). Once per file.
 */
const attributeValues = oncePer((flow: DataFlow): Map<string, Node[]> => {
  const values = new Map<string, Node[]>();
  for (const assignment of flow.index.nodes('assignment')) {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    const object = left?.type === 'attribute' ? left.childForFieldName('object') : undefined;
    if (object?.type === 'identifier' && right) pushTo(values, `${object.text}.${left!.childForFieldName('attribute')?.text}`, right);
  }
  for (const call of flow.index.callsTo(SETATTR)) {
    const [object, key, value] = call.args;
    const loop = ancestor(call.node, LOOP_TYPES);
    const entries = object?.type === 'identifier' && key?.type === 'identifier' && value && loop ? dictionaryLooped(flow, loop, key, value) : undefined;
    for (const [name, entry] of entries ?? []) pushTo(values, `${object!.text}.${name}`, entry);
  }
  return values;
});
const SETATTR = new Set(['builtins.setattr']);

/** The entries of the dictionary literal a `for` loop walks, when `key` and `value` are its key and that key's entry. */
function dictionaryLooped(flow: DataFlow, loop: Node, key: Node, value: Node): [string, Node][] | undefined {
  if (loop.type !== 'for_statement') return undefined;
  const target = loop.childForFieldName('left');
  let walked = loop.childForFieldName('right');
  const items = walked?.type === 'call' ? flow.index.call(walked) : undefined;
  if (items?.method === 'items' && items.receiver && target?.type === 'pattern_list') {
    // `for k, v in d.items(): setattr(obj, k, v)`
    const [k, v] = target.namedChildren;
    if (k?.text !== key.text || v?.text !== value.text) return undefined;
    walked = items.receiver;
  } else if (target?.type !== 'identifier' || target.text !== key.text || value.type !== 'subscript'
    || value.childForFieldName('value')?.text !== walked?.text || value.childForFieldName('subscript')?.text !== key.text) {
    return undefined; // neither that nor `for k in d: setattr(obj, k, d[k])`
  }
  const read = walked?.type === 'identifier' ? flow.readAt(walked) : undefined;
  const definitions = read ? flow.reachingDefinitions(read) : [];
  const literal = definitions.length === 1 && definitions[0].value ? stripParens(definitions[0].value) : undefined;
  if (literal?.type !== 'dictionary') return undefined;
  const entries: [string, Node][] = [];
  for (const pair of literal.namedChildren) {
    const name = pair?.type === 'pair' ? stringValue(pair.childForFieldName('key')!) : undefined;
    const entry = pair?.childForFieldName('value');
    if (name !== undefined && entry) entries.push([name, entry]);
  }
  return entries;
}

/**
 * The one path every call passes for a parameter: the same expression over the same bindings at each
 * call (`prepare(train_dir, 1)`, `prepare(train_dir, 2)`: the function reads `train_dir` whichever
 * call runs it). Undefined when two calls pass different expressions, or one name that different
 * bindings reach.
 */
function onePassedValue(flow: DataFlow, values: readonly Node[]): PathValue | undefined {
  const handed = values.map((value) => passedOn(flow, value));
  const first = handed[0] ? passedIdentity(flow, handed[0]) : undefined;
  return first !== undefined && handed.every((value) => passedIdentity(flow, value) === first) ? flow.pathOf(handed[0]) : undefined;
}

/** What identifies a passed expression: its path value over the bindings its names read. */
function passedIdentity(flow: DataFlow, value: Node): string {
  const path = flow.pathOf(value);
  const bindings = flow.readsWithin(stripParens(value)).map((read) => flow.reachingDefinitions(read).map((definition) => definition.node.startIndex).join(','));
  return JSON.stringify([path.template, path.holes, bindings]);
}

/** How many functions a parameter handed on as an argument is followed up through (passedOn). */
const MAX_PASSED_ON = 3;

/**
 * The expression a passed argument stands for when it is a parameter of its own function handed on
 * (`evaluate(config, model)` inside `train(config)`, whose every call passes `main`'s `config`): the
 * one expression every call of that function passes, over the same bindings, followed up to
 * MAX_PASSED_ON functions. The argument itself when it is not such a parameter, the parameter is
 * rebound, or the calls pass different values.
 */
function passedOn(flow: DataFlow, argument: Node, depth = 0): Node {
  const node = stripParens(argument);
  const read = node.type === 'identifier' && depth < MAX_PASSED_ON ? flow.readAt(node) : undefined;
  const definitions = read ? flow.reachingDefinitions(read) : [];
  if (definitions.length !== 1 || definitions[0].kind !== 'param' || !flow.index.isOnlyBinding(definitions[0])) return argument;
  const values = flow.index.passedArguments(node)?.map((value) => passedOn(flow, value, depth + 1));
  const first = values?.[0] ? passedIdentity(flow, values[0]) : undefined;
  return first !== undefined && values!.every((value) => passedIdentity(flow, value) === first) ? values![0] : argument;
}

/**
 * The bindings that hold the run-time values a path is built from: a name is followed into the path
 * its binding builds (`best = out_dir / "best.pt"`) and stops at one whose value the path cannot be
 * read through (`out_dir = resolve_output_dir(cfg)`), so a save to `out_dir / "best.pt"` and a load of
 * `best` name one file. Undefined when a name has no binding in sight.
 */
function heldValues(flow: DataFlow, path: Node, depth = 0, pass?: PassSwap): string[] | undefined {
  const held: string[] = [];
  for (const read of flow.readsWithin(stripParens(path))) {
    if (read.resolution.kind === 'builtin') continue;
    // An instance's class attribute (`model.SAVE_DIR`) holds what the class holds: keyed by the class's bindings.
    const shared = read.node.parent?.type === 'attribute' ? classAttributeOfInstance(flow, read.node.parent) : undefined;
    if (shared) {
      const ofClass = heldValues(flow, shared.cls, depth + 1, pass);
      if (!ofClass) return undefined;
      held.push(...ofClass);
      continue;
    }
    const definitions = pathBindings(flow, flow.reachingDefinitions(read));
    if (definitions.length === 0) return undefined;
    for (const definition of definitions) {
      // A value with a part computed by a call is one value only over this binding: kept as the binding.
      const followed = definition.kind === 'assign' && definition.value && depth < 4 && !opaque(flow, definition.value) && !computedByCall(flow, definition.value);
      const built = followed ? heldValues(flow, definition.value!, depth + 1, pass) : undefined;
      const binding = pass && sameNode(definition.node, pass.from) ? pass.to : definition.node;
      held.push(...(built ?? [String(binding.startIndex)]));
    }
  }
  return held;
}

/**
 * The parameters of the file's functions that a path's run-time parts come from, as binding
 * positions: followed through the names bound to values, as heldValues follows them
 * (`p = "./ckpt/rm_" + cls + ".pth"`, then `torch.load(p)`), and through a parameter every call
 * passes one value (passedOn) into that value, read where the calls pass it (`held` says what an
 * argument holds where the caller knows more than the flow: the value an attribute of `self` was
 * set to). What is left are parameters no call of the file settles, each keyed by its default when it
 * has one (what it holds where no call gives it a value): a parameter of one function and
 * the parameter of the same name of another are two bindings, so the same text over them
 * (`test(cls)` and `visualize(cls)`, neither called in the file) may name two files. `self` and `cls`
 * of a method name the one instance or class its methods work on, not a value handed in.
 */
export function heldParameters(flow: DataFlow, path: Node, held: (argument: Node) => Node = (argument) => argument, depth = 0): string[] {
  const found: string[] = [];
  for (const read of flow.readsWithin(stripParens(path))) {
    if (read.resolution.kind === 'builtin') continue;
    for (const definition of pathBindings(flow, flow.reachingDefinitions(read))) {
      if (definition.kind === 'param') {
        if (isReceiver(definition.node)) continue;
        const handed = depth < MAX_HELD_STEPS ? passedOn(flow, read.node) : read.node;
        if (!sameNode(handed, read.node)) found.push(...heldParameters(flow, held(handed), held, depth + 1));
        else found.push(parameterDefault(definition.node) ?? String(definition.node.startIndex));
      } else if (definition.kind === 'assign' && definition.value && depth < MAX_HELD_STEPS) {
        found.push(...heldParameters(flow, definition.value, held, depth + 1));
      }
    }
  }
  return found;
}
/**
 * A parameter with a default (`checkpoint_name="model"`) holds it wherever no call gives it a value:
 * keyed by that default's text, so two methods each called with the parameter left out
 * (`self._load_saved_model()`, `self._load_training_checkpoint()`) name one file.
 */
function parameterDefault(name: Node): string | undefined {
  const parameter = name.parent;
  const value = parameter && /default_parameter$/.test(parameter.type) && sameNode(parameter.childForFieldName('name'), name) ? parameter.childForFieldName('value') : undefined;
  return value ? `=${value.text}` : undefined;
}
/** How many bindings and calls heldParameters follows a path's parts through. */
const MAX_HELD_STEPS = 6;

/** The first parameter of a method (`self`, `cls`): the object the method is called on. */
function isReceiver(name: Node): boolean {
  const fn = enclosingFunction(name);
  const first = fn?.childForFieldName('parameters')?.namedChildren[0];
  return !!fn && !!first && sameNode(parameterName(first) ?? first, name) && methodClass(fn) !== undefined;
}

/**
 * A value with a part it computes by a call itself (`name + datetime.now().strftime("%H%M")`), not
 * through a name that holds one (`run_dir / "best.pt"`, whose `run_dir` keeps its own binding).
 */
function computedByCall(flow: DataFlow, value: Node): boolean {
  return flow.pathOf(value).holes.some((hole) => changesByCall(hole) && stripParens(value).text.includes(hole));
}

/**
 * Calls that give the same value whenever they run: the folder of the script itself,
 * `os.path.dirname(os.path.abspath(__file__))` or `Path(__file__).resolve().parent`, depends on
 * nothing but the file's own location, so a name bound to a path under it names the file that the
 * expression names written out again. So do pure path steps (`Path(...)`, `os.path.dirname(...)`,
 * `.parent`, `str(...)`, a change of case, `.lower()`) over a plain read: `Path(config["model"]["path"]).parent` names the folder
 * of what the read names. Any other call (`time.strftime(...)`, `latest()`) may change.
 */
function changesByCall(hole: string): boolean {
  if (!hole.includes('(') || (hole.includes('__file__') && hole.replace(SCRIPT_LOCATION_PARTS, '') === '')) return false;
  return hole.replace(PURE_PATH_STEPS, '').includes('(');
}
const PURE_PATH_STEPS = new RegExp(String.raw`(?:pathlib\.)?Path\(|os\.path\.dirname\(|\.parents?\b(?:\[\d+\])?|\bstr\(|` + CASE_STEPS.source, 'g');
const SCRIPT_LOCATION_PARTS = /__file__|os\.path\.(?:dirname|abspath|realpath|normpath)\(|(?:pathlib\.)?Path\(|\.parents?\b(?:\[\d+\])?|\.(?:resolve|absolute)\(\)|[()\s]/g;

/**
 * A value the path evaluator cannot see into: one run-time part that is the whole expression
 * (`latest()`), other than a plain read (`args.out`, `cfg["ckpt_path"]`), which holds what the same
 * read holds over the same bindings: `p = cfg["ckpt_path"]` names the file `cfg["ckpt_path"]` names.
 */
function opaque(flow: DataFlow, value: Node): boolean {
  const path = flow.pathOf(value);
  return path.template === '{}' && path.holes.length === 1 && path.holes[0] === stripParens(value).text && !plainRead(stripParens(value));
}

/** A name, an attribute chain, or a constant key or position of one (`args.out`, `cfg["ckpt_path"]`, `paths[0]`). */
function plainRead(node: Node): boolean {
  if (node.type !== 'subscript') return dottedName(node) !== undefined;
  const key = node.childForFieldName('subscript');
  const object = node.childForFieldName('value');
  return !!key && !!object && (stringValue(key) !== undefined || numberValue(key) !== undefined) && plainRead(stripParens(object));
}

/**
 * A name whose path is worked out by a call (`path = tmp_path / f"{time.time()}.pt"`) holds the one
 * value its binding gave it wherever that binding reaches: the same name over the same bindings is
 * the same file, though the expression, evaluated again, might name another.
 */
function boundPathKey(flow: DataFlow, path: Node): string | undefined {
  const node = stripParens(path);
  const read = node.type === 'identifier' ? flow.readAt(node) : undefined;
  const bindings = read ? flow.reachingDefinitions(read) : [];
  return bindings.length > 0 ? `\u0001${bindings.map((definition) => definition.node.startIndex).join(',')}` : undefined;
}
