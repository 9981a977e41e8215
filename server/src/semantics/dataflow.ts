// The def-use layer: data followed through a script or notebook (cells in order, as one program).
//
// Built once per document version, in one pass over the walk's node lists (no second tree
// walk): every read of a name with the scope it resolves in and whether it runs later (in a
// function body), every write into an object a name holds (`df['score'] = ...`, `rows.append(r)`),
// and every data load and save (`pd.read_csv`, `df.to_csv`...). Everything else is answered on
// demand and memoised: the definitions that can reach a read, the reads a definition reaches,
// what kind of value an expression holds (frame, model, predictions), the path a string names,
// and the lineage of a value (the definitions, calls and writes its data came through).
//
// It is conservative where a rule's precision depends on it: a read reached by bindings that
// disagree has no known kind, and unknown stays unknown.
import type { Node } from 'web-tree-sitter';
import { definedOf, pushTo } from '../engine/collections';
import type { SemanticIndex } from './index';
import { columnList, columnsTakenAt } from './columns';
import { describeDataIO, holdsData, tablesInQuery, type DataIO } from './dataio';
import { COMPREHENSION_TYPES, innermostValue, MODULE_SCOPE } from './definitions';
import { stringValue } from './literals';
import { enclosingFunction, enclosingLoops, enclosingStatement, withItemParts, firstAtOrAfter, firstStartAtOrAfter, memoKey, methodClass, nodeKey, sameNode, startingWithin, startsOf, stripParens } from './nodes';
import { evaluatePath, isExact, knownString, pathKey, type KnownString, type PathValue } from './pathValues';
import { trainingCall, type TrainingCall } from './training';
import type { ScopeFrame } from './scopes';
import type { CallSite, Definition, Resolution } from './types';
import { evaluateKind, unpackedElement, type ValueKind } from './values';

export type { DataIO, HeldDataIO } from './dataio';
export { holdsData, openedMode, openedPath } from './dataio';
export type { KnownString, PathValue } from './pathValues';

/** A path whose every part is known. */
export interface ExactPath {
  /** The path, literal parts joined with '/'. */
  value: string;
  /** The string literal holding the file name, when the whole path is one literal (here or in a constant). */
  literal?: Node;
}
export type { TrainingCall } from './training';
export type { FrameLibrary, ScoreKind, ValueKind } from './values';
export { isExact, pathKey, samePath } from './pathValues';
export { isTransformerClass } from './training';

/** One read of a name (an identifier that is neither bound, an attribute name nor a keyword). */
export interface NameRead {
  node: Node;
  name: string;
  /** What the name refers to here, scope-aware (function locals, globals, comprehension variables). */
  resolution: Resolution;
  /**
   * The read is in a function or lambda body nested inside the scope that binds the name: it runs
   * when the function is called, which may be long after the place where it is written.
   */
  deferred: boolean;
  /** The innermost function or lambda whose body holds the read. */
  function?: Node;
  /** `augmented`: the target of `x += ...` (read, then rebound); `mutated`: the object of a write (`df` in `df['a'] = 1`). */
  role: 'load' | 'augmented' | 'mutated';
}

/** A write into the object a name holds: `df['score'] = v`, `df.loc[m, 'a'] = v`, `obj.attr = v`, `rows.append(v)`. */
export interface Mutation {
  /** The read of the name whose object is written (`df`). */
  target: NameRead;
  /** The assignment or call that writes. */
  site: Node;
  /** The expressions written in. */
  values: Node[];
  /** String keys written (`['score']` for `df['score'] = v`, the attribute name for `obj.attr = v`); empty when unknown. */
  keys: string[];
  kind: 'item' | 'attribute' | 'method';
}

export interface LineageOptions {
  /**
   * Follow only what supplies the values, not what selects or summarises them: the index of a
   * subscript (`df[mask]`, `df.loc[rows, cols]`) and the arguments of summary calls (metrics,
   * `model.score(...)`, `len(...)`) are skipped. Answers "does this data carry that data?"
   * rather than "did that data influence this one?".
   */
  values?: boolean;
}

/** Where the data of a value came from, followed backwards through names, writes and calls. */
export interface Lineage {
  /** The definitions the data flowed through, nearest first. */
  definitions: Definition[];
  /** Every call whose result feeds the value (loads, predictions, constructors, transformations), in document order. */
  calls: CallSite[];
  /** The writes into objects that feed the value. */
  mutations: Mutation[];
  /** The search stopped at its size limit: what it found is true, but it may have missed some. */
  truncated: boolean;
}

/** Whether a read resolves to a binding in `definition`'s scope: only then can `definition` reach it. */
function inScopeOf(read: NameRead, definition: Definition): boolean {
  const { resolution } = read;
  return (resolution.kind === 'local' || resolution.kind === 'import') && resolution.definition.scopeKey === definition.scopeKey;
}

/** What the memos of the layer are keyed by (see memoKey). */
type MemoKey = ReturnType<typeof memoKey>;

/** collectReads' marks of an offset: a binding or an augmented assignment's target starts there, a keyword argument starts, an attribute ends. */
const BINDING_START = 1;
const AUGMENTED_START = 2;
const KEYWORD_START = 4;
const ATTRIBUTE_END = 8;

/** Bindings that replace the previous value on every path through them. */
const KILLING_KINDS = new Set(['assign', 'unpack', 'augmented', 'walrus', 'with', 'import', 'def', 'class', 'delete', 'param']);
/** Methods that put their arguments into the object they are called on. */
const MUTATING_METHODS = new Set(['append', 'extend', 'insert', 'update', 'add', 'setdefault', 'appendleft']);
/**
 * Array libraries, whose functions of those names (`np.append(a, x)`, `torch.add(x, y)`, `tf.add`)
 * return a new array: called through the module, they change no object.
 */
const ARRAY_MODULE_FUNCTION = /^(numpy|torch|tensorflow|jax\.numpy|cupy)(\.\w+)*$/;

/** Whether a call puts its arguments into the object it is called on (`rows.append(x)`, `seen.add(k)`). */
export function mutatesReceiver(call: CallSite): boolean {
  if (!call.method || !call.receiver || !MUTATING_METHODS.has(call.method)) return false;
  return !(call.qname && call.receiver.type !== 'call' && ARRAY_MODULE_FUNCTION.test(call.qname));
}
const DECLARATIONS = ['import_statement', 'import_from_statement', 'future_import_statement', 'global_statement', 'nonlocal_statement'] as const;
const MAX_LINEAGE_EXPRESSIONS = 4000;
/**
 * The steps all the separate lineage walks of one document may take together: a base, and one
 * step per two characters of text. Real code walks under one step per line (corpus: at most 0.8);
 * a value passed on thousands of times (a file written and read back in a loop unrolled by hand)
 * would walk its whole history once per use, quadratic in the file. Past the budget a walk stops
 * where it is, and rules see a truncated lineage (fewer findings, never a stall).
 */
const LINEAGE_FUEL_BASE = 20000;
const LINEAGE_FUEL_CHARS_PER_STEP = 2;
/** Calls whose result summarises their inputs (a score, a count) instead of carrying their values. */
const SUMMARY_FUNCTIONS = /^sklearn\.metrics\.|^sklearn\.model_selection\.(cross_val_score|cross_validate)$|^builtins\.(len|print|repr|type|isinstance|id|hash)$/;
const SUMMARY_METHODS = new Set(['score', 'evaluate']);

/** The saves of a document by file key and by table, with their position in `io`. */
interface SavesIndex {
  byFile: Map<string, DataIO[]>;
  byTable: Map<string, DataIO[]>;
  order: Map<DataIO, number>;
  /** Per file key, the furthest end of its saves so far (a save before a load may hold the load). */
  endsSoFar: Map<string, number[]>;
}

/** The first `length` saves of the file with key `key`. */
interface SavesPrefix {
  key: string;
  saves: readonly DataIO[];
  length: number;
}

/** What one expression leads to on a lineage (see DataFlow.lineageStep). */
interface LineageStep {
  calls: CallSite[];
  loads: DataIO[];
  reads: { definitions: readonly Definition[]; mutations: Mutation[] }[];
}

/** The steps of lineages of one kind (all data, or values only), with the steps each binding and write leads to. */
interface LineageGraph {
  steps: Map<MemoKey, LineageStep>;
  sources: Map<Definition, LineageStep | undefined>;
  values: Map<Mutation, LineageStep[]>;
}

function newLineageGraph(): LineageGraph {
  return { steps: new Map(), sources: new Map(), values: new Map() };
}

/** What a search of a lineage looks for (see DataFlow.lineageHas). */
export interface LineageTest {
  call?: (call: CallSite) => boolean;
  definition?: (definition: Definition) => boolean;
}

/** How a walk ended: at its size limit, at a call or definition its test accepted, or with everything behind it seen. */
type WalkEnd = 'limit' | 'found' | undefined;

/** What one walk back through the data flow has found so far. */
interface LineageWalk {
  graph: LineageGraph;
  definitions: Definition[];
  callsFound: CallSite[];
  mutations: Mutation[];
  seenCalls: Set<CallSite>;
  seenDefinitions: Set<Definition>;
  seenMutations: Set<Mutation>;
  seenSteps: Set<LineageStep>;
  queueSaves: (load: DataIO, queue: LineageStep[]) => void;
}

export class DataFlow {
  /** Every read of a name, in document order. */
  readonly reads: NameRead[] = [];
  /** Every write into an object held by a name, in document order. */
  readonly mutations: Mutation[] = [];
  /**
   * Every load and save of data or a model the catalogue knows (library/io.ts), in document order.
   * The lineage follows only data a library holds in memory (`holdsData`).
   */
  readonly io: DataIO[] = [];

  /** The start offsets of `reads`, for readsWithin's binary search. */
  private readStarts: Int32Array | undefined;
  private readonly readsByName = new Map<string, NameRead[]>();
  private readonly mutationsByName = new Map<string, Mutation[]>();
  private readonly ioByCall = new Map<MemoKey, DataIO>();
  private readonly reaching = new Map<NameRead, Definition[]>();
  private readonly uses = new Map<Definition, NameRead[]>();
  /** `firstCall` by function (its start offset); null while it is being worked out, or when nothing calls it. */
  private readonly firstCalls = new Map<number, Node[] | null>();
  /** `earliestCall` by function (its start offset), as `firstCalls`. */
  private readonly earliestCalls = new Map<number, Node[] | null>();
  private readonly entryChains = new Map<number, Map<number, Node[]>>();
  private readonly methodEntryChains = new Map<number, Map<number, Node[]>>();
  /** `instancesOf` by class (its start offset). */
  private readonly instances = new Map<number, NameRead[]>();
  /** `constructionsOf` by class (its start offset). */
  private readonly constructions = new Map<number, NameRead[]>();
  /** The file's classes by the name of each of the file's classes they derive from (`subclassesOf`). */
  private subclasses: Map<string, { node: Node }[]> | undefined;
  private selfCalls: Map<string, NameRead[]> | undefined;
  private readonly blocks = new Map<Definition, Node | null>();
  private readonly kinds = new Map<MemoKey, ValueKind | null>();
  private readonly paths = new Map<MemoKey, PathValue>();
  private readonly fileKeys = new Map<DataIO, string | undefined>();
  private readonly savesBefore = new Map<DataIO, readonly DataIO[]>();
  private readonly savesAtLocation = new Map<string, readonly DataIO[]>();
  /** What is left of the lineage budget (LINEAGE_FUEL_BASE) of this document. */
  private lineageFuel: number;
  private trainings: TrainingCall[] | undefined;
  private readonly lineages = new Map<string, Lineage>();
  private readonly steps: LineageGraph = newLineageGraph();
  private readonly valueSteps: LineageGraph = newLineageGraph();
  private readonly savesPrefixes = new Map<DataIO, SavesPrefix | undefined>();
  /** Per question of lineageHas, the steps with nothing it accepts anywhere behind them. */
  private readonly cleanSteps = new Map<string, Set<LineageStep>>();

  constructor(readonly index: SemanticIndex) {
    this.lineageFuel = LINEAGE_FUEL_BASE + index.doc.text.length / LINEAGE_FUEL_CHARS_PER_STEP;
    this.collectReads();
    this.collectMutations();
  }

  /**
   * Fills `io`; called once by the index, right after the constructor: a method that does I/O only
   * on objects of some classes asks what its object was built from, which reads this flow.
   */
  collectIO(): void {
    for (const call of this.index.calls) {
      const io = describeDataIO(this.index, call);
      if (!io) continue;
      this.io.push(io);
      this.ioByCall.set(memoKey(call.node), io);
    }
  }

  // ---- reads and definitions ---------------------------------------------------------------

  /** The read at an identifier; undefined when the identifier binds a name or is an attribute or keyword name. */
  readAt(identifier: Node): NameRead | undefined {
    return this.readStartingAt(identifier.startIndex);
  }

  /**
   * The read whose identifier starts at `offset`, by binary search over the reads' starts (one
   * read per offset): a map of every read's start was among the largest allocations of an edit's
   * analysis.
   */
  private readStartingAt(offset: number): NameRead | undefined {
    const starts = this.startsOfReads();
    const at = firstStartAtOrAfter(starts, offset);
    return starts[at] === offset ? this.reads[at] : undefined;
  }

  private startsOfReads(): Int32Array {
    return (this.readStarts ??= startsOf(this.reads, (read) => read.node.startIndex));
  }

  /** Every read of `name`, in document order. */
  readsOf(name: string): readonly NameRead[] {
    return this.readsByName.get(name) ?? [];
  }

  /** The reads inside `node`, in document order. */
  readsWithin(node: Node): readonly NameRead[] {
    return startingWithin(this.reads, this.startsOfReads(), node);
  }

  /** The value of the one assignment that reaches `read` (`p = Path(args.out)` for a read of `p`), when a single assignment does. */
  onlyAssignedValue(read: NameRead): Node | undefined {
    const definitions = this.reachingDefinitions(read);
    return definitions.length === 1 && definitions[0].kind === 'assign' ? definitions[0].value ?? undefined : undefined;
  }

  /**
   * The definitions whose value a read can see: the last binding before it, and earlier ones that
   * a later binding does not replace on every path (bindings in an `if`, a loop or a `try` may not
   * run), plus bindings later in a loop around the read (the next iteration sees them). A read
   * in a function body that runs later sees every binding of the enclosing scope. Empty for
   * builtins, unknown names and reads before any binding.
   */
  reachingDefinitions(read: NameRead): readonly Definition[] {
    let result = this.reaching.get(read);
    if (!result) {
      result = this.computeReaching(read);
      this.reaching.set(read, result);
    }
    return result;
  }

  /**
   * Where code at `node` runs, as module-level code: itself at module level; inside a function
   * defined at module level, the module-level calls of that function. Empty for code in methods,
   * nested functions and lambdas (not followed).
   */
  runsAt(node: Node): Node[] {
    const fn = enclosingFunction(node);
    if (!fn) return [node];
    return this.callsOf(fn)
      .filter((read) => !read.deferred)
      .map((read) => read.node);
  }

  /**
   * The calls of a function defined at module level, as the reads of its name that call it: at
   * module level and inside other functions (`read.deferred`). Empty for methods, nested
   * functions and lambdas (not followed).
   */
  callsOf(fn: Node): NameRead[] {
    const definition = this.moduleFunction(fn);
    if (!definition) return [];
    return this.readsOf(definition.name).filter((read) => isCallee(read) && this.reachingDefinitions(read).includes(definition));
  }

  /**
   * The calls of a method of one of the file's classes, as the reads that make them: `self` in
   * `self.save_checkpoint(...)` inside a method of the class, and a name bound to an object the
   * file builds from the class (`stopper = EarlyStopping(...)`) in `stopper.save_checkpoint(...)`,
   * or in `stopper(loss, model)` for `__call__`; for `__init__`, the constructions of the class
   * (`DistillationTrainer(...)`: building an object runs its `__init__`). Empty for functions that
   * are not methods.
   */
  methodCallsOf(fn: Node): NameRead[] {
    const cls = methodClass(fn);
    const name = cls ? fn.childForFieldName('name')?.text : undefined;
    if (!cls || !name) return [];
    const onSelf = this.callsOnSelf().get(`${cls.startIndex}:${name}`) ?? [];
    const onInstances = this.instancesOf(cls).filter((read) => (name === '__call__' ? isCallee(read) : isMethodCalled(read, name)));
    return name === '__init__' ? [...onSelf, ...onInstances, ...this.constructionsOf(cls)] : [...onSelf, ...onInstances];
  }

  /**
   * The calls that build an object of the class, as the reads of its name that call it
   * (`trainer = Trainer(cfg)`, a bare `Trainer(cfg).run()`), and those of the file's classes that
   * derive from it and keep its `__init__` (define none of their own): each runs this `__init__`.
   */
  private constructionsOf(cls: Node, seen = new Set<number>()): NameRead[] {
    const known = this.constructions.get(cls.startIndex);
    if (known) return known;
    const className = cls.childForFieldName('name')?.text;
    if (!className || seen.has(cls.startIndex)) return [];
    seen.add(cls.startIndex);
    const built = this.readsOf(className).filter((read) => isCallee(read)
      && this.reachingDefinitions(read).some((definition) => definition.kind === 'class' && definition.statement.startIndex === cls.startIndex));
    for (const local of this.subclassesOf().get(className) ?? []) {
      if (!definesMethod(local.node, '__init__')) built.push(...this.constructionsOf(local.node, seen));
    }
    this.constructions.set(cls.startIndex, built);
    return built;
  }

  /** The file's classes by the local base they name (`local:Base`): one pass, not one per class asked. */
  private subclassesOf(): Map<string, { node: Node }[]> {
    if (!this.subclasses) {
      this.subclasses = new Map();
      for (const local of this.index.classes.values()) {
        for (const base of local.bases) if (base.startsWith('local:')) pushTo(this.subclasses, base.slice('local:'.length), local);
      }
    }
    return this.subclasses;
  }

  /**
   * The method calls made on `self` (the first parameter of the method that makes them), by the
   * class of that method and the method called (`<class start>:<name>`): grouped in one pass over
   * the calls, so asking for every method of a file stays linear.
   */
  private callsOnSelf(): Map<string, NameRead[]> {
    if (this.selfCalls) return this.selfCalls;
    this.selfCalls = new Map();
    for (const call of this.index.calls) {
      const read = call.method !== undefined && call.receiver?.type === 'identifier' ? this.readAt(call.receiver) : undefined;
      const method = read?.function;
      const self = method?.type === 'function_definition' ? method.childForFieldName('parameters')?.namedChild(0) : undefined;
      const cls = self?.type === 'identifier' && self.text === read!.name ? methodClass(method!) : undefined;
      if (cls) pushTo(this.selfCalls, `${cls.startIndex}:${call.method}`, read!);
    }
    return this.selfCalls;
  }

  /**
   * The reads of names bound to an object the file builds from the class (`stopper` after `stopper =
   * EarlyStopping(...)`). The constructions of every class of that name are sorted out in one pass
   * over the reads of the name (a notebook may define a class again and again).
   */
  private instancesOf(cls: Node): NameRead[] {
    const className = cls.childForFieldName('name');
    if (!className) return [];
    if (!this.instances.has(cls.startIndex)) {
      for (const read of this.readsOf(className.text)) {
        const construction = read.node.parent!;
        const assignment = construction.parent;
        const target = isCallee(read) && assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), construction) ? assignment.childForFieldName('left') : null;
        const binding = target?.type === 'identifier' ? this.index.boundAt(target) : undefined;
        if (!binding) continue;
        const classes = this.reachingDefinitions(read).filter((definition) => definition.kind === 'class');
        for (const definition of classes) for (const use of this.usesOf(binding)) pushTo(this.instances, definition.statement.startIndex, use);
      }
      for (const definition of this.index.definitionsOf(className.text)) {
        if (definition.kind === 'class' && !this.instances.has(definition.statement.startIndex)) this.instances.set(definition.statement.startIndex, []);
      }
    }
    return this.instances.get(cls.startIndex) ?? [];
  }

  /**
   * The first run of code at `node` in a top-to-bottom run of the module, as a call chain: the
   * position of the module-level code that runs it, then of the call in each function on the way
   * (followed through functions and methods that call one another: see `methodCallsOf`), ending at
   * `node`. `runsEarlier` orders two chains. Undefined for code in nested functions and lambdas,
   * and in functions that nothing the module runs calls.
   */
  firstRun(node: Node): number[] | undefined {
    return this.firstRunSites(node)?.map((site) => site.startIndex);
  }

  /** `firstRun` as the nodes of the chain: the reads that make each call, then `node`. */
  firstRunSites(node: Node): Node[] | undefined {
    const fn = enclosingFunction(node);
    if (!fn) return [node];
    const entry = this.firstCall(fn);
    return entry && [...entry, node];
  }

  /**
   * The runs of code at `node` from each module-level function that nothing in the module calls and
   * that reaches it (a `main` the package's entry point runs, a test), by that function's start: as
   * `firstRun` chains, each starting at the call in that function's body, whose body runs its calls
   * in order whatever calls it.
   */
  entryRuns(node: Node): ReadonlyMap<number, number[]> {
    const runs = new Map<number, number[]>();
    for (const [entry, chain] of this.entryRunSites(node)) runs.set(entry, offsets(chain));
    return runs;
  }

  /**
   * `entryRuns` as the nodes of each chain (the call in each function on the way, then `node`).
   * With `methods`, a method of one of the file's classes that nothing in the file calls is an
   * entry too: another module drives the object (`server.start()`), and the method's body runs
   * its calls in order whatever calls it.
   */
  entryRunSites(node: Node, methods = false): ReadonlyMap<number, Node[]> {
    const fn = enclosingFunction(node);
    const runs = new Map<number, Node[]>();
    if (fn) for (const [entry, chain] of this.entryRunsOf(fn, methods)) runs.set(entry, [...chain, node]);
    return runs;
  }

  /** The call chains from each entry to the body of `fn`, worked out once per function (and kind of entry). */
  private entryRunsOf(fn: Node, methods: boolean): ReadonlyMap<number, Node[]> {
    const cache = methods ? this.methodEntryChains : this.entryChains;
    const known = cache.get(fn.startIndex);
    if (known) return known;
    const runs = new Map<number, Node[]>();
    // A call from inside its own recursion never starts the run.
    cache.set(fn.startIndex, runs);
    const calls = [...this.callsOf(fn), ...this.methodCallsOf(fn)];
    if (calls.length === 0 && (this.moduleFunction(fn) || (methods && methodClass(fn)))) runs.set(fn.startIndex, []);
    for (const read of calls) {
      const caller = enclosingFunction(read.node);
      if (!caller) continue;
      for (const [entry, chain] of this.entryRunsOf(caller, methods)) {
        const through = [...chain, read.node];
        const first = runs.get(entry);
        if (!first || runsEarlier(offsets(through), offsets(first))) runs.set(entry, through);
      }
    }
    return runs;
  }

  /**
   * The earliest code at `node` can run, as a `firstRun` chain that also follows a function handed
   * to a call as a callback: a lambda argument (`study.optimize(lambda trial: objective(trial, cfg))`),
   * a module-level function passed by name (`study.optimize(objective, n_trials=50)`, also as a
   * keyword argument) or wrapped first in `functools.partial(objective, cfg)`. Such a function runs
   * no earlier than the call it is handed to (the callee may run it later, or never), so the chain
   * is a lower bound: it answers "has this surely run before `node`?" (a seed before a draw), never
   * "does `node` surely run before that?".
   */
  earliestRun(node: Node): number[] | undefined {
    return this.earliestRunSites(node)?.map((site) => site.startIndex);
  }

  private earliestRunSites(node: Node): Node[] | undefined {
    const fn = enclosingFunction(node);
    if (!fn) return [node];
    const entry = this.earliestCall(fn);
    return entry && [...entry, node];
  }

  /** `firstCall`, also through the calls `fn` is handed to as a callback (see `earliestRun`). */
  private earliestCall(fn: Node): Node[] | undefined {
    const known = this.earliestCalls.get(fn.startIndex);
    if (known !== undefined) return known ?? undefined;
    this.earliestCalls.set(fn.startIndex, null);
    const sites = [...this.callsOf(fn), ...this.methodCallsOf(fn)].map((read) => read.node);
    const handed = fn.type === 'lambda' ? this.callHandedTo(fn) : undefined;
    if (handed) sites.push(handed);
    const definition = this.moduleFunction(fn);
    const reads = definition ? this.readsOf(definition.name).filter((read) => !isCallee(read) && this.reachingDefinitions(read).includes(definition)) : [];
    for (const read of reads) {
      const call = this.callHandedTo(read.node);
      if (call) sites.push(call);
    }
    let first: Node[] | undefined;
    for (const site of sites) {
      const chain = this.earliestRunSites(site);
      if (chain && (!first || runsEarlier(offsets(chain), offsets(first)))) first = chain;
    }
    this.earliestCalls.set(fn.startIndex, first ?? null);
    return first;
  }

  /** The call `value` is an argument of (positional or keyword), through `functools.partial(value, ...)`. */
  private callHandedTo(value: Node): Node | undefined {
    let argument = value;
    for (let depth = 0; depth < 3; depth++) {
      const keyword = argument.parent?.type === 'keyword_argument' && sameNode(argument.parent.childForFieldName('value'), argument) ? argument.parent : undefined;
      const list = (keyword ?? argument).parent;
      const call = list?.type === 'argument_list' ? list.parent : null;
      if (call?.type !== 'call') return undefined;
      if (!keyword && this.index.call(call)?.qname === 'functools.partial' && sameNode(list!.namedChildren[0], argument)) {
        argument = call;
        continue;
      }
      return call;
    }
    return undefined;
  }

  /** The first call chain that reaches a module-level function or a method (see `firstRun`). */
  private firstCall(fn: Node): Node[] | undefined {
    const known = this.firstCalls.get(fn.startIndex);
    if (known !== undefined) return known ?? undefined;
    // A call from inside its own recursion never starts the first run.
    this.firstCalls.set(fn.startIndex, null);
    let first: Node[] | undefined;
    for (const read of [...this.callsOf(fn), ...this.methodCallsOf(fn)]) {
      const chain = this.firstRunSites(read.node);
      if (chain && (!first || runsEarlier(offsets(chain), offsets(first)))) first = chain;
    }
    this.firstCalls.set(fn.startIndex, first ?? null);
    return first;
  }

  /** The module-level binding of a function defined at module level (not a method, nested function or lambda). */
  private moduleFunction(fn: Node): Definition | undefined {
    const name = fn.type === 'function_definition' && !enclosingFunction(fn) ? fn.childForFieldName('name') : null;
    return name ? this.index.moduleDefinitionsOf(name.text).find((d) => d.node.startIndex === name.startIndex) : undefined;
  }

  /** The reads that a definition can reach, in document order. */
  usesOf(definition: Definition): readonly NameRead[] {
    let result = this.uses.get(definition);
    if (!result) {
      // Only a read resolved to the definition's scope can see it (computeReaching's candidates):
      // the others are skipped before their reaching definitions are worked out.
      result = this.readsOf(definition.name).filter((read) => inScopeOf(read, definition) && this.reachingDefinitions(read).includes(definition));
      this.uses.set(definition, result);
    }
    return result;
  }

  private computeReaching(read: NameRead): Definition[] {
    const { resolution } = read;
    if (resolution.kind !== 'local' && resolution.kind !== 'import') return [];
    const home = resolution.definition;
    // Every binding of the name in the scope, read in place: a name bound hundreds of times in a
    // notebook (`df`) would otherwise be copied once per read. `global` declarations bind nothing
    // here and are skipped; deletions end what reaches but are not themselves answers.
    const candidates = this.index.definitionsIn(home.scopeKey, read.name);
    if (read.deferred || COMPREHENSION_TYPES.has(home.scope.type)) return candidates.filter((d) => d.kind !== 'global' && d.kind !== 'delete');
    const at = read.node.startIndex;
    const result: Definition[] = [];
    // The bindings after the read come last (found by binary search: a name rebound all down a long
    // script, `loss` in every training loop, made a scan past them per read quadratic). They reach
    // the read only through a loop around it (below).
    const firstAfter = firstAtOrAfter(candidates, (definition) => definition.node.startIndex, at + 1);
    let bindsAfter = false;
    for (let i = candidates.length - 1; i >= firstAfter && !bindsAfter; i--) bindsAfter = candidates[i].kind !== 'global';
    // Backwards from the read: a binding reaches it unless a later one replaces it on every path.
    const later: Definition[] = [];
    // The binding that replaces the name on every path to the read, in a block that holds the read.
    let replacedAt: Definition | undefined;
    for (let i = firstAfter - 1; i >= 0; i--) {
      const definition = candidates[i];
      if (definition.kind === 'global') continue;
      if (definition.boundAt > at) continue;
      if (definition.kind !== 'delete' && !later.some((k) => this.blockHolds(k, definition.node.startIndex))) result.push(definition);
      // A `for` loop binds its target before every run of its body: a read in the body sees no earlier binding.
      const body = definition.kind === 'for' ? definition.statement.childForFieldName('body') : null;
      if (body && body.startIndex <= at && at < body.endIndex) {
        replacedAt = definition;
        break;
      }
      if (!KILLING_KINDS.has(definition.kind)) continue;
      if (this.blockHolds(definition, at)) {
        replacedAt = definition;
        break;
      }
      later.push(definition);
    }
    // A binding after the read, in a loop around it, reaches it on the next iteration, unless a
    // binding inside that loop replaces it before the read on every path (`f = copy(); ...; f = load()`).
    if (bindsAfter) {
      for (const loop of enclosingLoops(read.node)) {
        if (replacedAt && replacedAt.node.startIndex > loop.startIndex) continue;
        for (let i = firstAfter; i < candidates.length && candidates[i].node.startIndex < loop.endIndex; i++) {
          const definition = candidates[i];
          if (definition.kind !== 'global' && definition.kind !== 'delete' && !result.includes(definition)) result.push(definition);
        }
      }
    }
    return result.sort((a, b) => a.node.startIndex - b.node.startIndex);
  }

  /** True when the block holding a definition's statement also holds `offset` (the module holds everything). */
  private blockHolds(definition: Definition, offset: number): boolean {
    let block = this.blocks.get(definition);
    if (block === undefined) {
      let parent = enclosingStatement(definition.node).parent;
      // A `with` body runs whenever its statement does: a binding there replaces the name as one beside the
      // statement would. Not under a context that swallows exceptions (`pytest.raises`, `suppress`): the
      // rest of the body may be skipped there.
      while (parent?.type === 'block' && parent.parent?.type === 'with_statement' && !catchesExceptions(parent.parent)) parent = parent.parent.parent;
      block = !parent || parent.type === 'module' ? null : parent;
      this.blocks.set(definition, block);
    }
    return block === null || (block.startIndex <= offset && offset < block.endIndex);
  }

  // ---- writes into objects ------------------------------------------------------------------

  /** The writes into the object a read sees, made before it (`df['score'] = ...` before `df.to_csv(...)`). */
  writesInto(read: NameRead): Mutation[] {
    const seen = this.reachingDefinitions(read);
    return (this.mutationsByName.get(read.name) ?? []).filter((mutation) => {
      if (mutation.target === read || (!read.deferred && mutation.site.endIndex > read.node.startIndex)) return false;
      if (scopeOfResolution(mutation.target.resolution) !== scopeOfResolution(read.resolution)) return false;
      const theirs = this.reachingDefinitions(mutation.target);
      return theirs.length === 0 && seen.length === 0 ? true : theirs.some((d) => seen.includes(d));
    });
  }

  // ---- values -----------------------------------------------------------------------------

  /** What `expression` holds, when the code says so clearly (see values.ts); undefined when unknown. */
  kindOf(expression: Node, depth = 0): ValueKind | undefined {
    const key = memoKey(expression);
    const known = this.kinds.get(key);
    if (known !== undefined) return known ?? undefined;
    this.kinds.set(key, null); // a cycle through this expression is unknown
    const kind = evaluateKind(this, expression, depth);
    this.kinds.set(key, kind ?? null);
    return kind;
  }

  /** The path (or string) `expression` names, with holes for run-time parts (see pathValues.ts). */
  pathOf(expression: Node, depth = 0): PathValue {
    const key = memoKey(expression);
    const known = this.paths.get(key);
    if (known) return known;
    this.paths.set(key, { template: '{}', holes: [expression.text] }); // a cycle is a run-time part
    const value = evaluatePath(this, expression, depth);
    this.paths.set(key, value);
    return value;
  }

  /** The string `expression` holds where it is read (a URL, a query, a name), when a constant part of it is known. */
  stringOf(expression: Node): KnownString | undefined {
    return knownString(this.pathOf(expression));
  }

  /** The path `expression` names when every part of it is known, with the literal holding its file name if there is one. */
  exactPathOf(expression: Node): ExactPath | undefined {
    const value = this.pathOf(expression);
    if (!isExact(value)) return undefined;
    return value.literal ? { value: value.template, literal: value.literal } : { value: value.template };
  }

  /** The empty path (`pd.read_csv("")`, `torch.load(MODEL_PATH)` with `MODEL_PATH = ""`, a placeholder left to fill in): it names no file, so a read of it fails. */
  namesNoFile(expression: Node): boolean {
    return this.exactPathOf(expression)?.value === '';
  }

  // ---- data in and out, training ----------------------------------------------------------------

  /** The load or save of data or a model performed by a call node, if it is one. */
  dataIOAt(callNode: Node): DataIO | undefined {
    return this.ioByCall.get(memoKey(callNode));
  }

  private fileKey(io: DataIO): string | undefined {
    if (!this.fileKeys.has(io)) this.fileKeys.set(io, io.path ? pathKey(this.pathOf(io.path)) : undefined);
    return this.fileKeys.get(io);
  }

  /** The tables a load or save touches (lower case), from a table name or the tables of a SQL query. */
  tablesOf(io: DataIO): string[] {
    if (!io.table) return [];
    const value = this.pathOf(io.table.expression);
    if (io.table.isQuery) return tablesInQuery(value.template);
    return isExact(value) ? [value.template.toLowerCase()] : [];
  }

  /** True when two loads/saves touch the same file or table. */
  sameLocation(a: DataIO, b: DataIO): boolean {
    if (a.path && b.path) {
      const key = this.fileKey(a);
      return key !== undefined && key === this.fileKey(b);
    }
    const tables = this.tablesOf(b);
    return this.tablesOf(a).some((table) => tables.includes(table));
  }

  /** Every call that trains a model, with its training data, in document order. */
  get trainingCalls(): readonly TrainingCall[] {
    this.trainings ??= definedOf(this.index.calls, (call) => trainingCall(this, call));
    return this.trainings;
  }

  /**
   * Where the data of the expressions came from: the definitions, calls and writes it flowed
   * through, followed backwards through names (their reaching definitions), unpacking (element by
   * element where the element is clear), loops, `with` targets, writes into objects, and files
   * written earlier in the document and read back. A column selection (`df[['a', 'b']]`,
   * `df[FEATURES]` with a column list, `df.a`) follows only the writes to those columns.
   */
  lineage(expressions: Node | readonly Node[], options: LineageOptions = {}): Lineage {
    // Several rules follow the same training inputs back: each expression is followed once per
    // document version, and the lineage of several is the union of theirs.
    const list = Array.isArray(expressions) ? expressions as readonly Node[] : [expressions as Node];
    const parts = list.map((expression) => {
      const key = `${options.values ? 'v' : 'a'}${nodeKey(expression)}`;
      let known = this.lineages.get(key);
      if (!known) this.lineages.set(key, (known = this.followBack(expression, options)));
      return known;
    });
    if (parts.length === 1) return parts[0];
    return {
      definitions: [...new Set(parts.flatMap((part) => part.definitions))],
      calls: [...new Set(parts.flatMap((part) => part.calls))].sort((a, b) => a.node.startIndex - b.node.startIndex),
      mutations: [...new Set(parts.flatMap((part) => part.mutations))],
      truncated: parts.some((part) => part.truncated),
    };
  }

  /**
   * For each call behind the lineages of several lists of expressions, the position of the first
   * list whose lineage holds it (lists in order, and each list's calls in document order). One
   * walk for all the lists: a step that an earlier list reached has given everything behind it
   * to that list, so it is not followed again (a lineage per list re-walks the shared history
   * once per list: quadratic when each training reads back what the previous one wrote).
   */
  callsBehindFirst(lists: readonly (readonly Node[])[]): Map<CallSite, number> {
    const walk = this.newWalk(this.steps);
    const first = new Map<CallSite, number>();
    lists.forEach((list, position) => {
      const before = walk.callsFound.length;
      this.walk(walk, list.map((expression) => this.lineageStep(expression, walk.graph)), Infinity);
      const found = walk.callsFound.slice(before).sort((a, b) => a.node.startIndex - b.node.startIndex);
      for (const call of found) first.set(call, position);
    });
    return first;
  }

  /**
   * Whether `lineage(expressions)` holds a call or definition that `test` accepts, without building
   * the lineage: the same walk per expression (same order, same size limit), stopped at the first
   * accepted, so the answer is the same. Where each value is built from the previous one, every
   * lineage reaches back through all earlier code and building them in full is quadratic; with a
   * `question` (a name that always means the same test), a walk without limit that accepts nothing
   * marks the steps it saw as clean, later walks stop there, and only a yes is re-checked by the
   * walk with the limit (nothing behind at all means nothing within the limit).
   */
  lineageHas(expressions: Node | readonly Node[], test: LineageTest, question?: string): boolean {
    const list = Array.isArray(expressions) ? expressions as readonly Node[] : [expressions as Node];
    if (question) {
      let clean = this.cleanSteps.get(question);
      if (!clean) this.cleanSteps.set(question, (clean = new Set()));
      const walk = this.newWalk(this.steps);
      if (this.walk(walk, list.map((expression) => this.lineageStep(expression, walk.graph)), Infinity, test, clean) !== 'found') {
        for (const step of walk.seenSteps) clean.add(step);
        return false;
      }
    }
    return list.some((expression) => {
      const walk = this.newWalk(this.steps);
      return this.walk(walk, [this.lineageStep(expression, walk.graph)], MAX_LINEAGE_EXPRESSIONS, test) === 'found';
    });
  }

  private followBack(start: Node, options: LineageOptions): Lineage {
    const walk = this.newWalk(options.values ? this.valueSteps : this.steps);
    const truncated = this.walk(walk, [this.lineageStep(start, walk.graph)], MAX_LINEAGE_EXPRESSIONS) === 'limit';
    return { definitions: walk.definitions, calls: [...walk.callsFound].sort((a, b) => a.node.startIndex - b.node.startIndex), mutations: walk.mutations, truncated };
  }

  private newWalk(graph: LineageGraph): LineageWalk {
    return {
      graph,
      definitions: [],
      callsFound: [],
      mutations: [],
      seenCalls: new Set(),
      seenDefinitions: new Set(),
      seenMutations: new Set(),
      seenSteps: new Set(),
      queueSaves: this.saveQueuer(graph),
    };
  }

  /**
   * Follows the steps back, adding what they lead to into `walk`, until `limit` steps, or a call or
   * definition `test` accepts; steps in `clean` (nothing accepted behind them) are not followed.
   */
  private walk(walk: LineageWalk, starts: LineageStep[], limit: number, test?: LineageTest, clean?: ReadonlySet<LineageStep>): WalkEnd {
    const { graph, seenSteps, seenCalls, seenDefinitions, seenMutations } = walk;
    const queue = starts.reverse();
    while (queue.length) {
      const step = queue.pop()!;
      if (seenSteps.has(step) || clean?.has(step)) continue;
      if (seenSteps.size >= limit) return 'limit';
      // Shared walks (no limit) see each step once per document; separate ones spend the budget.
      if (limit !== Infinity && this.lineageFuel-- <= 0) return 'limit';
      seenSteps.add(step);
      for (const call of step.calls) {
        if (seenCalls.has(call)) continue;
        seenCalls.add(call);
        walk.callsFound.push(call);
        if (test?.call?.(call)) return 'found';
      }
      // A file written earlier in the document and read back here carries the data written.
      for (const load of step.loads) walk.queueSaves(load, queue);
      for (const read of step.reads) {
        for (const definition of read.definitions) {
          if (seenDefinitions.has(definition)) continue;
          seenDefinitions.add(definition);
          walk.definitions.push(definition);
          if (test?.definition?.(definition)) return 'found';
          const source = this.sourceStep(definition, graph);
          if (source) queue.push(source);
        }
        for (const mutation of read.mutations) {
          if (seenMutations.has(mutation)) continue;
          seenMutations.add(mutation);
          walk.mutations.push(mutation);
          queue.push(...this.valueStepsOf(mutation, graph));
        }
      }
    }
    return undefined;
  }

  /**
   * What one expression leads to on a lineage: the calls it holds, the loads among them, and per
   * read its reaching definitions and the writes into its object (only those of the selected
   * columns). The same per expression on every lineage, so remembered (one step per syntax node,
   * as its key says): a lineage through expressions already followed costs a look-up per
   * expression, not their re-analysis.
   */
  private lineageStep(expression: Node, graph: LineageGraph): LineageStep {
    const key = memoKey(expression);
    const known = graph.steps.get(key);
    if (known) return known;
    const skipped = graph === this.valueSteps ? this.selectorsAndSummaries(expression) : [];
    const kept = (node: Node) => !skipped.some(([start, end]) => node.startIndex >= start && node.startIndex < end);
    const step: LineageStep = { calls: [], loads: [], reads: [] };
    for (const call of this.index.callsWithin(expression)) {
      if (!kept(call.node)) continue;
      step.calls.push(call);
      const load = this.dataIOAt(call.node);
      if (load?.direction === 'read' && holdsData(load)) step.loads.push(load);
    }
    for (const read of this.readsWithin(expression)) {
      if (!kept(read.node)) continue;
      const selected = selectedKeys(read.node, this.selectionKeys) ?? moduleFunctionCalled(read);
      const takenAt = selected ? undefined : this.columnsSelectedAt(read);
      const writes = this.writesInto(read).filter((mutation) => !(selected && mutation.keys.length && !mutation.keys.some((k) => selected.includes(k)))
        && !(takenAt !== undefined && this.addedAfter(mutation, takenAt, read)));
      step.reads.push({ definitions: this.reachingDefinitions(read), mutations: writes });
    }
    graph.steps.set(key, step);
    return step;
  }

  /**
   * The column names a subscript's index spells: a column list (columnList), or a name every binding
   * of which is a string (`target_col = "target"`, then `df[target_col]`), which selects that column.
   */
  private readonly selectionKeys = (index: Node): string[] | undefined => {
    const list = columnList(this, index);
    if (list || index.type !== 'identifier') return list;
    const read = this.readAt(index);
    const definitions = read ? this.reachingDefinitions(read) : [];
    const names = definitions.map((definition) => (definition.kind === 'assign' && definition.value ? stringValue(definition.value) : undefined));
    return names.length > 0 && names.every((name) => name !== undefined) ? [...new Set(names as string[])] : undefined;
  };

  /**
   * For `df[cols]` where `cols` was taken from the frame's own columns (`df.select_dtypes(...).columns`,
   * a comprehension over them): the offset where they were taken (see columnsTakenAt).
   */
  private columnsSelectedAt(read: NameRead): number | undefined {
    const parent = read.node.parent;
    if (parent?.type !== 'subscript' || parent.startIndex !== read.node.startIndex) return undefined;
    const indices = parent.childrenForFieldName('subscript').filter((child): child is Node => !!child);
    return indices.length === 1 ? columnsTakenAt(this, indices[0], read) : undefined;
  }

  /**
   * Whether a write puts only new columns into the frame after its columns were taken at `takenAt`
   * (`df["cluster"] = labels` below `features = [c for c in df.columns if c != "y"]`): the list taken
   * before holds none of them. A column the file reads from the frame before the write (`df["age"]`
   * on the right of `df["age"] = scaler.fit_transform(df[["age"]])`) was there already, and may be
   * in the list; so may any written in another function, or by a key not written out.
   */
  private addedAfter(mutation: Mutation, takenAt: number, selection: NameRead): boolean {
    const scope = mutation.target.function;
    if (mutation.kind !== 'item' || mutation.keys.length === 0 || mutation.site.startIndex <= takenAt || scope !== selection.function) return false;
    const frameDefinitions = this.reachingDefinitions(mutation.target);
    return !this.readsOf(mutation.target.name).some((read) => read !== mutation.target && read.function === scope
      && read.node.startIndex < mutation.site.endIndex && this.reachingDefinitions(read).some((definition) => frameDefinitions.includes(definition))
      && (selectedKeys(read.node, this.selectionKeys) ?? []).some((key) => mutation.keys.includes(key)));
  }

  /** The step of the expression whose data a binding receives. */
  private sourceStep(definition: Definition, graph: LineageGraph): LineageStep | undefined {
    if (!graph.sources.has(definition)) {
      const source = this.sourceOf(definition);
      graph.sources.set(definition, source ? this.lineageStep(source, graph) : undefined);
    }
    return graph.sources.get(definition);
  }

  /** The steps of the values a write puts into an object. */
  private valueStepsOf(mutation: Mutation, graph: LineageGraph): LineageStep[] {
    let steps = graph.values.get(mutation);
    if (!steps) graph.values.set(mutation, (steps = mutation.values.map((value) => this.lineageStep(value, graph))));
    return steps;
  }

  /**
   * For one lineage: queues the data of the saves a load reads back, each save once. A file
   * written and read back many times has every earlier save behind each load; the saves of one
   * file before a load are a prefix of that file's saves, so a prefix already queued is skipped
   * whole (queuing every save again at every load made a lineage quadratic in the loads).
   */
  private saveQueuer(graph: LineageGraph): (load: DataIO, queue: LineageStep[]) => void {
    const queued = new Set<DataIO>();
    const prefixQueued = new Map<string, number>();
    const add = (save: DataIO, queue: LineageStep[]) => {
      if (queued.has(save)) return;
      queued.add(save);
      if (save.data) queue.push(this.lineageStep(save.data, graph));
    };
    return (load, queue) => {
      const prefix = this.savesPrefixOf(load);
      if (!prefix) {
        for (const save of this.savesBeforeOf(load)) add(save, queue);
        return;
      }
      const from = prefixQueued.get(prefix.key) ?? 0;
      if (from >= prefix.length) return;
      prefixQueued.set(prefix.key, prefix.length);
      for (let i = from; i < prefix.length; i++) add(prefix.saves[i], queue);
    };
  }

  /**
   * The saves before a load, when they are the first saves of its file (what savesBeforeOf
   * finds, without listing them per load: a list per load is quadratic in a file written and
   * read back many times). Undefined for tables, and when a save before the load holds it.
   */
  private savesPrefixOf(load: DataIO): SavesPrefix | undefined {
    if (this.savesPrefixes.has(load)) return this.savesPrefixes.get(load);
    let prefix: SavesPrefix | undefined;
    const key = load.path && this.tablesOf(load).length === 0 ? this.fileKey(load) : undefined;
    if (key !== undefined) {
      const { byFile, endsSoFar } = this.savesByLocation();
      const saves = byFile.get(key) ?? [];
      const at = load.call.node.startIndex;
      const length = this.savesStartingBefore(saves, at);
      if (length === 0 || endsSoFar.get(key)![length - 1] <= at) prefix = { key, saves, length };
    }
    this.savesPrefixes.set(load, prefix);
    return prefix;
  }

  /** True when the file or table `load` reads was saved earlier in the document. */
  savedBefore(load: DataIO): boolean {
    const saves = this.savesAt(load);
    const at = load.call.node.startIndex;
    // Only a save around the load (`pd.read_csv(p).to_csv(p)`) starts before it and ends after it.
    for (let i = 0, starting = this.savesStartingBefore(saves, at); i < starting; i++) if (saves[i].call.node.endIndex <= at) return true;
    return false;
  }

  /** How many of a location's saves (in document order) start before `offset`. */
  private savesStartingBefore(saves: readonly DataIO[], offset: number): number {
    return firstAtOrAfter(saves, (save) => save.call.node.startIndex, offset);
  }

  private savesBeforeOf(load: DataIO): readonly DataIO[] {
    // Asked for every load on every lineage, so remembered per load.
    const known = this.savesBefore.get(load);
    if (known) return known;
    const at = load.call.node.startIndex;
    const saves = this.savesAt(load);
    const found = saves.slice(0, this.savesStartingBefore(saves, at)).filter((save) => save.call.node.endIndex <= at);
    this.savesBefore.set(load, found);
    return found;
  }

  /**
   * The saves of data to the same file or table as `io` (sameLocation), anywhere in the document,
   * in document order. Only the saves that share its file key or one of its tables can match:
   * looking them up keeps rules that pair loads with saves linear in the file.
   */
  savesAt(io: DataIO): readonly DataIO[] {
    // The same list for every load of a location: a list per load is quadratic in a file written
    // and read back many times.
    const fileKey = io.path ? this.fileKey(io) : undefined;
    const tables = this.tablesOf(io);
    const location = `${io.path ? `p${fileKey}` : '-'}\u0000${tables.join('\u0000')}`;
    const known = this.savesAtLocation.get(location);
    if (known) return known;
    const saves = this.savesByLocation();
    const candidates = new Set<DataIO>();
    if (fileKey !== undefined) for (const save of saves.byFile.get(fileKey) ?? []) candidates.add(save);
    for (const table of tables) for (const save of saves.byTable.get(table) ?? []) candidates.add(save);
    const found = [...candidates].filter((save) => this.sameLocation(save, io)).sort((x, y) => saves.order.get(x)! - saves.order.get(y)!);
    this.savesAtLocation.set(location, found);
    return found;
  }

  private savesIndex: SavesIndex | undefined;

  private savesByLocation(): SavesIndex {
    if (this.savesIndex) return this.savesIndex;
    const index: SavesIndex = { byFile: new Map(), byTable: new Map(), order: new Map(), endsSoFar: new Map() };
    const add = (map: Map<string, DataIO[]>, key: string, save: DataIO) => {
      const list = map.get(key);
      if (list) list.push(save);
      else map.set(key, [save]);
    };
    this.io.forEach((save, position) => {
      if (save.direction !== 'write' || !holdsData(save)) return;
      index.order.set(save, position);
      const key = save.path ? this.fileKey(save) : undefined;
      if (key !== undefined) add(index.byFile, key, save);
      for (const table of this.tablesOf(save)) add(index.byTable, table, save);
    });
    for (const [key, saves] of index.byFile) {
      let furthest = -1;
      index.endsSoFar.set(key, saves.map((save) => (furthest = Math.max(furthest, save.call.node.endIndex))));
    }
    return (this.savesIndex = index);
  }

  /** The ranges inside `expression` that select or summarise values: subscript indices and summary calls. */
  private selectorsAndSummaries(expression: Node): [number, number][] {
    const ranges: [number, number][] = [];
    for (const subscript of this.index.nodesWithin('subscript', expression)) {
      for (const index of subscript.childrenForFieldName('subscript')) if (index) ranges.push([index.startIndex, index.endIndex]);
    }
    for (const call of this.index.callsWithin(expression)) {
      if ((call.qname && SUMMARY_FUNCTIONS.test(call.qname)) || (call.method && SUMMARY_METHODS.has(call.method))) ranges.push([call.node.startIndex, call.node.endIndex]);
    }
    return ranges;
  }

  /** The expression whose data a binding receives. */
  private sourceOf(definition: Definition): Node | undefined {
    switch (definition.kind) {
      case 'assign':
      case 'walrus':
      case 'with':
        return definition.value;
      case 'unpack':
        return unpackedElement(this, definition) ?? innermostValue(definition.statement);
      case 'augmented':
        return definition.statement;
      case 'for':
      case 'comprehension':
        return definition.statement.childForFieldName('right') ?? undefined;
      default:
        return undefined;
    }
  }

  // ---- construction ---------------------------------------------------------------------------

  /**
   * Classifies every identifier in one pass: bindings, attribute names, keyword names and names in
   * import/global statements are not reads; each read gets its scope chain (a binary search over
   * the scope regions, no parent walks) and its binding through the index's lookup.
   */
  private collectReads(): void {
    const { index } = this;
    const text = index.doc.text;
    // What starts or ends at each offset, one byte per offset of the text: sets of thousands of
    // offsets were most of what building the reads allocated.
    const at = new Uint8Array(text.length + 1);
    for (const definition of index.definitions) at[definition.node.startIndex] |= definition.kind === 'augmented' ? AUGMENTED_START : BINDING_START;
    for (const node of index.nodes('attribute')) at[node.endIndex] |= ATTRIBUTE_END;
    for (const node of index.nodes('keyword_argument')) at[node.startIndex] |= KEYWORD_START;
    const declarations = DECLARATIONS.flatMap((type) => index.nodes(type).map((node): [number, number] => [node.startIndex, node.endIndex])).sort((a, b) => a[0] - b[0]);
    let nextDeclaration = 0;
    const identifiers = index.nodes('identifier');
    for (let i = 0; i < identifiers.length; i++) {
      const node = identifiers[i];
      const start = node.startIndex;
      if (at[start] & (BINDING_START | KEYWORD_START)) continue;
      while (nextDeclaration < declarations.length && declarations[nextDeclaration][1] <= start) nextDeclaration++;
      if (nextDeclaration < declarations.length && declarations[nextDeclaration][0] <= start) continue;
      const end = node.endIndex;
      if (at[end] & ATTRIBUTE_END) continue;
      const frame = index.scopeChain(node);
      const name = text.slice(start, end);
      const resolution = index.lookup(name, frame, node);
      const home = scopeOfResolution(resolution);
      let deferred = false;
      let fn: Node | undefined;
      for (let f = frame; f; f = f.parent) {
        if (!f.isFunction) continue;
        fn ??= f.node;
        if (f.key !== home && !isInside(resolution, f)) deferred = true;
      }
      const read: NameRead = { node, name, resolution, deferred, role: at[start] & AUGMENTED_START ? 'augmented' : 'load' };
      if (fn) read.function = fn;
      this.reads.push(read);
      const list = this.readsByName.get(name);
      if (list) list.push(read);
      else this.readsByName.set(name, [read]);
    }
  }

  private collectMutations(): void {
    const { index } = this;
    const add = (target: Node, site: Node, values: Node[], kind: Mutation['kind'], keys: string[]): void => {
      const root = objectRoot(target);
      const read = root ? this.readStartingAt(root.startIndex) : undefined;
      if (!read) return;
      if (read.role === 'load') read.role = 'mutated';
      const mutation: Mutation = { target: read, site, values, keys, kind };
      this.mutations.push(mutation);
      const list = this.mutationsByName.get(read.name);
      if (list) list.push(mutation);
      else this.mutationsByName.set(read.name, [mutation]);
    };
    for (const type of ['assignment', 'augmented_assignment'] as const) {
      for (const node of index.nodes(type)) {
        const left = node.childForFieldName('left');
        // Most assignments bind a name: nothing is written into an object, nothing more to read.
        const targets = left ? writeTargets(left) : NO_NODES;
        if (targets.length === 0) continue;
        const value = type === 'assignment' ? innermostValue(node) : node.childForFieldName('right');
        if (!value) continue;
        for (const target of targets) {
          const isItem = target.type === 'subscript';
          add(target, node, [value], isItem ? 'item' : 'attribute', isItem ? subscriptKeys(target) ?? [] : [target.childForFieldName('attribute')?.text ?? ''].filter(Boolean));
        }
      }
    }
    for (const call of index.calls) {
      if (!call.method || !call.receiver) continue;
      const inplace = call.kwargs.get('inplace')?.type === 'true';
      if (!mutatesReceiver(call) && !inplace) continue;
      const key = call.method === 'insert' && call.args[1] ? stringValue(call.args[1]) : undefined;
      add(call.receiver, call.node, [...call.args, ...call.kwargs.values()], 'method', key !== undefined ? [key] : []);
    }
    this.mutations.sort((a, b) => a.site.startIndex - b.site.startIndex);
    for (const list of this.mutationsByName.values()) list.sort((a, b) => a.site.startIndex - b.site.startIndex);
  }
}

/**
 * True when the run `a` (a `firstRun` chain) comes before the run `b`: at the first position where
 * they differ, `a`'s code comes first. A chain that holds the other (the same call) is not before it.
 */
export function runsEarlier(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

function offsets(sites: readonly Node[]): number[] {
  return sites.map((site) => site.startIndex);
}

/** True when the read is the object of a call of its method `name` (`stopper` in `stopper.save(model)`). */
function isMethodCalled(read: NameRead, name: string): boolean {
  const attribute = read.node.parent;
  if (attribute?.type !== 'attribute' || !sameNode(attribute.childForFieldName('object'), read.node) || attribute.childForFieldName('attribute')?.text !== name) return false;
  return attribute.parent?.type === 'call' && sameNode(attribute.parent.childForFieldName('function'), attribute);
}

/** True when the class body defines a method of that name (decorated or not). */
function definesMethod(cls: Node, name: string): boolean {
  return (cls.childForFieldName('body')?.namedChildren ?? []).some((statement) => {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    return fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === name;
  });
}

/** True when the read is the function of a call (`f` in `f(x)`). */
export function isCallee(read: NameRead): boolean {
  const call = read.node.parent;
  return call?.type === 'call' && call.childForFieldName('function')?.startIndex === read.node.startIndex;
}

/** The key of the scope a resolved name lives in ('module' for module names, builtins and unknowns). */
function scopeOfResolution(resolution: Resolution): string {
  return resolution.kind === 'local' || resolution.kind === 'import' ? resolution.definition.scopeKey : MODULE_SCOPE;
}

/**
 * True when the scope a resolved name lives in is a frame inside `frame` (then `frame` does not
 * stand between the read and it). A scope's key starts with its start offset: read from its node,
 * not parsed back from the key, which cost a split per read and frame.
 */
function isInside(resolution: Resolution, frame: ScopeFrame): boolean {
  if (scopeOfResolution(resolution) === MODULE_SCOPE) return false;
  const start = (resolution as { definition: Definition }).definition.scope.startIndex;
  return start > frame.start && start < frame.end;
}

/** The subscripts and attributes written by an assignment target (`df['a']`, `a.b, c[0] = ...`). */
const NO_NODES: readonly Node[] = [];
const TARGET_LISTS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list', 'tuple', 'list']);

function writeTargets(left: Node): readonly Node[] {
  const node = stripParens(left);
  if (node.type === 'subscript' || node.type === 'attribute') return [node];
  if (TARGET_LISTS.has(node.type)) return node.namedChildren.flatMap((child) => (child ? writeTargets(child) : []));
  return NO_NODES;
}

/** The name at the root of a chain of subscripts and attributes (`df` in `df.loc[m, 'a']`). */
export function objectRoot(target: Node): Node | undefined {
  let current: Node | null = stripParens(target);
  while (current) {
    if (current.type === 'identifier') return current;
    if (current.type === 'subscript') current = current.childForFieldName('value');
    else if (current.type === 'attribute') current = current.childForFieldName('object');
    else return undefined;
  }
  return undefined;
}

/**
 * The string keys a subscript selects: `df['a']`, `df[['a', 'b']]`, `df.loc[:, 'a']`, and with
 * `listOf`, a list held by a name (`df[FEATURES]`).
 */
function subscriptKeys(subscript: Node, listOf?: (index: Node) => string[] | undefined): string[] | undefined {
  const indices = subscript.childrenForFieldName('subscript').filter((child): child is Node => !!child);
  const last = indices[indices.length - 1];
  if (!last) return undefined;
  const single = stringValue(last);
  if (single !== undefined) return [single];
  if (last.type !== 'list') return listOf?.(last);
  const keys = last.namedChildren.map((child) => (child ? stringValue(child) : undefined));
  return keys.every((key) => key !== undefined) ? (keys as string[]) : undefined;
}

/** Attributes of frames and arrays that stand for the whole object, not one column. */
const WHOLE_OBJECT_ATTRIBUTES = new Set(['values', 'T', 'shape', 'index', 'columns', 'dtypes', 'iloc', 'loc', 'at', 'iat', 'empty', 'size', 'ndim', 'axes', 'str', 'dt', 'cat', 'plot', 'array', 'data', 'style', 'attrs']);

/**
 * The columns (or attributes) a read selects: the string keys or column list of a subscript on it
 * (`df["a"]`, `df[FEATURES]`), or the attribute read from it (`df.a`, `config.lr`) when that is not
 * a method call or a property of the whole frame (`df.values`, `df.shape`).
 */
function selectedKeys(identifier: Node, listOf: (index: Node) => string[] | undefined): string[] | undefined {
  const parent = identifier.parent;
  // The object of a subscript or attribute is its first child, so it starts where its parent does.
  if (!parent || parent.startIndex !== identifier.startIndex) return undefined;
  if (parent.type === 'subscript') return subscriptKeys(parent, listOf);
  if (parent.type !== 'attribute') return undefined;
  const outer = parent.parent;
  if (outer?.type === 'call' && outer.startIndex === parent.startIndex) return undefined;
  const name = parent.childForFieldName('attribute')?.text;
  return name && !WHOLE_OBJECT_ATTRIBUTES.has(name) ? [name] : undefined;
}

/**
 * `st.selectbox(...)`, the module of an `import` statement (not a `from` import, which may bind any
 * object) as the object of a call of one of its functions: the call is handed its arguments, not
 * what the program wrote into the module's other attributes (`st.session_state.model = clf`), so
 * only writes of that function's own name go with it.
 */
function moduleFunctionCalled(read: NameRead): string[] | undefined {
  if (read.resolution.kind !== 'import' || read.resolution.binding.isFrom) return undefined;
  const attribute = read.node.parent;
  if (attribute?.type !== 'attribute' || attribute.startIndex !== read.node.startIndex) return undefined;
  const call = attribute.parent;
  if (call?.type !== 'call' || call.startIndex !== attribute.startIndex) return undefined;
  const name = attribute.childForFieldName('attribute')?.text;
  return name ? [name] : undefined;
}

/** Context managers that end their body early when it raises, and go on after it: `pytest.raises`, `self.assertRaises`, `contextlib.suppress`. */
const EXCEPTION_CATCHERS = /(^|\.)(raises|assertRaises\w*|suppress)$/;

/** True when a context of the `with` statement may swallow an exception raised in its body. */
function catchesExceptions(statement: Node): boolean {
  const clause = statement.namedChildren.find((child) => child?.type === 'with_clause');
  return !!clause?.namedChildren.some((item) => {
    const { context } = item?.type === 'with_item' ? withItemParts(item) : {};
    const callee = context?.type === 'call' ? context.childForFieldName('function') : undefined;
    return !!callee && EXCEPTION_CATCHERS.test(callee.text);
  });
}
