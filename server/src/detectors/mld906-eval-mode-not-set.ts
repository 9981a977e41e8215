import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { ancestor, ancestors, enclosingFunction, enclosingLoops, enclosingStatement, FUNCTION_TYPES, isAncestorOf, LOOP_TYPES, methodClass, sameNode, stripParens, up } from '../semantics/nodes';
import { drawnLibrary } from '../semantics/library/randomDraws';
import { insertAfterStatement, insertBeforeStatement } from './shared/edits';
import { packageOf } from './shared/libraries';
import { onlyAskedShape } from './shared/randomReach';
import { hasModeDependentLayers, isTorchOptimizer, lacksModeDependentLayers, moduleOrigin, noGradContext, SELF_RETURNING, type ModuleOrigin } from '../semantics/torch';
import type { FixDescriptor, MemberDescriptor, Rule, RuleContext, RuleListeners } from './types';
import { pushTo } from '../engine/collections';

type Mode = 'train' | 'eval';

/** The name a chain of self-returning calls starts from (`model` in `model.to(device).eval()`), or the name itself. */
function chainRoot(receiver: Node | undefined): Node | undefined {
  let node = receiver ? stripParens(receiver) : undefined;
  while (node?.type === 'call') {
    const callee = node.childForFieldName('function');
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    const object = callee?.childForFieldName('object');
    if (!method || !object || !SELF_RETURNING.has(method)) return undefined;
    node = stripParens(object);
  }
  return node?.type === 'identifier' ? node : undefined;
}

/** The name of the module a method is called on (`model` in `model.to(device).eval()`). */
function moduleName(receiver: Node | undefined): string | undefined {
  return chainRoot(receiver)?.text;
}

/**
 * The name a chain of self-returning calls is assigned to, for a call inside it:
 * `model` for the `.train(False)` in `model = resnet50(weights=w).train(False).to(device)`.
 */
function assignedChainName(call: Node): string | undefined {
  let top = call;
  for (;;) {
    const attribute = top.parent;
    const outer = attribute?.parent;
    if (attribute?.type !== 'attribute' || outer?.type !== 'call' || !SELF_RETURNING.has(attribute.childForFieldName('attribute')?.text ?? '')) break;
    top = outer;
  }
  const assignment = top.parent;
  const target = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), top) ? assignment.childForFieldName('left') : undefined;
  return target?.type === 'identifier' ? target.text : undefined;
}

/** The mode a call sets on a module: `.eval()`, `.train()`, `.train(False)`. */
function modeSet(index: SemanticIndex, call: CallSite): Mode | undefined {
  if (call.method === 'eval' && call.args.length === 0) return 'eval';
  if (call.method !== 'train') return undefined;
  const flag = call.args[0] ?? call.kwargs.get('mode');
  if (!flag) return 'train';
  const value = index.literal(flag);
  return value?.kind === 'bool' ? (value.value ? 'train' : 'eval') : undefined;
}

/** Whether a function or lambda switches a module to evaluation mode in its body, cached per node. */
type EvalSetterTest = (fn: Node) => boolean;

function evalSetterTest(index: SemanticIndex): EvalSetterTest {
  const cache = new Map<number, boolean>();
  return (fn) => {
    let evaluates = cache.get(fn.startIndex);
    if (evaluates === undefined) {
      evaluates = index.callsWithin(fn).some((inner) => modeSet(index, inner) === 'eval');
      cache.set(fn.startIndex, evaluates);
    }
    return evaluates;
  };
}

/**
 * Evaluation mode set through a helper on the module: a method of a class of the file that calls
 * `self.eval()` (`model.freeze()`), or `model.apply(fn)` with a function that calls `.eval()`.
 */
function evalByHelperTest(index: SemanticIndex, setsEval: EvalSetterTest): (call: CallSite) => boolean {
  // The file's methods by name; whether one of a name sets evaluation mode is asked only of the
  // names the file calls as methods (most methods, `forward` first, never are).
  let methods: Map<string, Node[]> | undefined;
  const evaluating = new Map<string, boolean>();
  return (call) => {
    if (!call.method || !call.receiver) return false;
    if (call.method === 'apply') {
      const fn = call.args[0] ? stripParens(call.args[0]) : undefined;
      if (fn?.type === 'lambda') return setsEval(fn);
      const resolution = fn?.type === 'identifier' ? index.resolve(fn.text, fn) : undefined;
      return resolution?.kind === 'local' && resolution.definition.kind === 'def' && setsEval(resolution.definition.statement);
    }
    if (!methods) {
      methods = new Map();
      for (const fn of index.nodes('function_definition')) if (isMethod(fn)) pushTo(methods, fn.childForFieldName('name')?.text ?? '', fn);
    }
    let answer = evaluating.get(call.method);
    if (answer === undefined) evaluating.set(call.method, (answer = methods.get(call.method)?.some(setsEval) ?? false));
    return answer;
  };
}

function isMethod(fn: Node): boolean {
  const owner = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  return owner?.type === 'block' && owner.parent?.type === 'class_definition';
}

/** The modules a loop variable runs over: `enc`, `dec` for `m` in `for m in (enc, dec): m.eval()`. */
function loopedNames(index: SemanticIndex, receiver: Node | undefined): string[] {
  const variable = receiver ? stripParens(receiver) : undefined;
  if (variable?.type !== 'identifier') return [];
  const definition = index.bindingAt(variable);
  const loop = definition?.kind === 'for' && definition.statement.type === 'for_statement' ? definition.statement : undefined;
  const right = loop?.childForFieldName('right');
  const items = right && ['tuple', 'list', 'expression_list'].includes(stripParens(right).type) ? stripParens(right).namedChildren : [];
  return items.every((item) => item?.type === 'identifier') ? items.map((item) => item!.text) : [];
}

interface ModuleFacts {
  modes: { call: CallSite; mode: Mode }[];
  /** Evidence the module is used for real: trained, given weights, or restored from a checkpoint. */
  inUse: boolean;
  /** Trained by this file (`.train()` or an optimizer over its parameters), not only loaded. */
  trained: boolean;
  /** Handed to a training framework (Lightning, HF Trainer), which switches modes itself. */
  managed: boolean;
}

/** What the file does to each module name, gathered call by call as the traversal meets them. */
interface NameEvents {
  modes: { call: CallSite; mode: Mode }[];
  trained: boolean;
  loaded: boolean;
  optimized?: boolean;
  /** Calls the name is handed to as an argument. */
  passedTo: CallSite[];
}

function eventCollector(index: SemanticIndex, setsEval: EvalSetterTest): { record(call: CallSite): void; settle(): ReadonlyMap<string, NameEvents> } {
  const evalByHelper = evalByHelperTest(index, setsEval);
  const events = new Map<string, NameEvents>();
  const parameterCalls: { call: CallSite; owner: string }[] = [];
  const of = (name: string) => {
    let e = events.get(name);
    if (!e) events.set(name, (e = { modes: [], trained: false, loaded: false, passedTo: [] }));
    return e;
  };
  const passArgument = (arg: Node, call: CallSite) => {
    const passed = stripParens(arg);
    if (passed.type === 'identifier') of(passed.text).passedTo.push(call);
  };
  const record = (call: CallSite): void => {
    const direct = call.method ? modeSet(index, call) : undefined;
    const mode = direct ?? (evalByHelper(call) ? 'eval' : undefined);
    if (direct) for (const looped of loopedNames(index, call.receiver)) of(looped).modes.push({ call, mode: direct });
    // The module's name only for a call that says something of it: most method calls set no mode and load nothing.
    const loads = call.method === 'load_state_dict';
    // A mode set while building the module counts for the name it is assigned to.
    const name = call.method && (mode || loads) ? moduleName(call.receiver) ?? (mode ? assignedChainName(call.node) : undefined) : undefined;
    if (name) {
      if (mode) of(name).modes.push({ call, mode });
      if (mode === 'train') of(name).trained = true;
      if (loads) of(name).loaded = true;
    }
    // Two loops, not one over a spread of both: this runs for every call of the file.
    for (const arg of call.args) passArgument(arg, call);
    for (const arg of call.kwargs.values()) passArgument(arg, call);
    const owner = call.method === 'parameters' || call.method === 'named_parameters' ? moduleName(call.receiver) : undefined;
    if (owner) parameterCalls.push({ call, owner });
  };
  // An optimizer over `name.parameters()` trains `name` (`.train()` aside, which sets the mode).
  // Asked from the few `.parameters()` calls up to the calls they are arguments of, once every
  // call is recorded: asking whether every call of the file builds an optimizer was a tenth of the rule.
  const settle = (): ReadonlyMap<string, NameEvents> => {
    for (const { call, owner } of parameterCalls) {
      for (let outer = up(call.node, true); outer; outer = up(outer, true)) {
        const argumentList = outer.type === 'call' ? index.call(outer)?.argumentList : undefined;
        if (argumentList && isAncestorOf(argumentList, call.node) && isTorchOptimizer(index, outer)) {
          of(owner).optimized = true;
          break;
        }
      }
    }
    parameterCalls.length = 0;
    return events;
  };
  return { record, settle };
}

const PRETRAINED_KEYWORDS = ['weights', 'pretrained'];

/**
 * The other name a module name is bound to through self-returning calls (`half = net.half()`,
 * `gpu = net.to("cuda")`, `alias = net`): one module object under two names, so what is done to
 * either — a `.eval()`, training, a loaded checkpoint — is done to both. A parameter's name means
 * something else at each call, so a module bound from one is followed under its own name only.
 */
function aliasedModule(index: SemanticIndex, name: Node): string | undefined {
  const value = index.bindingAt(name)?.value;
  const other = value ? chainRoot(value) : undefined;
  return other && other.text !== name.text && index.bindingAt(other)?.kind !== 'param' ? other.text : undefined;
}

/** What the file does to one module object known under two names. */
function sharedEvents(own: NameEvents | undefined, aliased: NameEvents | undefined): NameEvents | undefined {
  if (!own || !aliased) return own ?? aliased;
  return {
    modes: [...own.modes, ...aliased.modes],
    trained: own.trained || aliased.trained,
    loaded: own.loaded || aliased.loaded,
    optimized: own.optimized || aliased.optimized,
    passedTo: [...own.passedTo, ...aliased.passedTo],
  };
}

function moduleFacts(index: SemanticIndex, events: NameEvents | undefined, origin: ModuleOrigin, mayEvaluate: (call: CallSite) => boolean): ModuleFacts {
  const pretrainedWeights = !!origin.call && PRETRAINED_KEYWORDS.some((k) => {
    const value = origin.call!.kwargs.get(k);
    const literal = value ? index.literal(value) : undefined;
    return value && !(literal?.kind === 'none' || (literal?.kind === 'bool' && !literal.value));
  });
  if (!events) return { modes: [], inUse: !origin.pretrained && pretrainedWeights, trained: false, managed: false };
  // from_pretrained models start in eval mode: only an explicit .train() puts them in training.
  const inUse = events.trained || (!origin.pretrained && (events.loaded || events.optimized || pretrainedWeights));
  const managed = events.passedTo.some((call) => /Trainer$/.test(call.qname ?? ''));
  const handedOver = events.passedTo.filter(mayEvaluate).map((call) => ({ call, mode: 'eval' as const }));
  return { modes: [...events.modes, ...handedOver].sort((a, b) => a.call.node.startIndex - b.call.node.startIndex), inUse, trained: events.trained || !!events.optimized, managed };
}

/** Packages whose functions leave the mode of a module handed to them alone. */
const MODE_NEUTRAL_PACKAGES = new Set(['torch', 'builtins', 'numpy', 'copy', 'torchinfo', 'torchsummary', 'torchviz', 'matplotlib', 'logging', 'pickle', 'joblib', 'wandb', 'mlflow']);

/**
 * Whether a call the module is handed to may switch it to evaluation mode: a function of the
 * file that calls `.eval()` (`evaluate(model, loader)`), or a function from outside the known
 * libraries, or a method of an unknown object (`evaluator.run(model)`).
 */
function evaluationTest(index: SemanticIndex, setsEval: EvalSetterTest): (call: CallSite) => boolean {
  return (call) => {
    if (call.qname) return !MODE_NEUTRAL_PACKAGES.has(packageOf(call.qname));
    if (call.callee.type !== 'identifier') return true;
    const resolution = index.resolve(call.callee.text, call.callee);
    if (resolution.kind !== 'local' || resolution.definition.kind !== 'def') return resolution.kind === 'unknown';
    return setsEval(resolution.definition.statement);
  };
}

function sameScope(a: Node, b: Node): boolean {
  const fa = enclosingFunction(a);
  const fb = enclosingFunction(b);
  return fa && fb ? sameNode(fa, fb) : !fa && !fb;
}

/**
 * The mode the module is in when `use` runs, as far as the file shows: the last switch before it
 * in the same scope (`initial` when there is none). An `.eval()` in another function (which
 * may be called first) or later in a loop around `use` (the next iteration) makes it unknown.
 */
function modeAt(use: Node, modes: ModuleFacts['modes'], initial: Mode): Mode | 'unknown' {
  const loops = enclosingLoops(use);
  let last: Mode = initial;
  for (const { call, mode } of modes) {
    if (!sameScope(call.node, use)) {
      if (mode === 'eval') return 'unknown';
    } else if (call.node.startIndex < use.startIndex) {
      last = mode;
    } else if (mode === 'eval' && loops.some((loop) => isAncestorOf(loop, call.node))) {
      return 'unknown';
    }
  }
  return last;
}

/**
 * Whether training mode was chosen for `use` on purpose: the last switch before it in its scope is
 * an explicit `.train()`, nothing between the two trains (a backward pass, an optimizer step, a
 * call the module is handed to, a function of the file that runs a backward pass or a step), and no
 * loop around `use` trains. Monte-Carlo dropout switches a trained model back to training mode this
 * way, to sample its predictions with dropout on; a `.train()` before a training loop is no choice.
 */
function trainingModeChosen(index: SemanticIndex, use: Node, name: string, modes: ModuleFacts['modes'], backwards: readonly CallSite[]): boolean {
  const last = modes.filter(({ call }) => sameScope(call.node, use) && call.node.startIndex < use.startIndex).at(-1);
  if (last?.mode !== 'train' || last.call.method !== 'train') return false;
  if (enclosingLoops(use).some((loop) => backwards.some((call) => isAncestorOf(loop, call.node)))) return false;
  const steps = (call: CallSite) => call.method === 'backward' || call.method === 'step';
  const trainsInBody = (call: CallSite): boolean => {
    if (call.callee.type !== 'identifier') return false;
    const resolution = index.resolve(call.callee.text, call.callee);
    return resolution.kind === 'local' && resolution.definition.kind === 'def' && index.callsWithin(resolution.definition.statement).some(steps);
  };
  return !index.callsBetween(last.call.node.endIndex, use.startIndex)
    .some((call) => steps(call) || call.args.some((arg) => arg.type === 'identifier' && arg.text === name) || trainsInBody(call));
}

/**
 * For a name whose one reaching binding is a `from_pretrained` load (`model = Auto.from_pretrained(d)`,
 * also chained: `.from_pretrained(d).to(device)`), the mode switches made after that binding: the
 * loaded model starts in evaluation mode, whatever was done to the model the name held before.
 */
function freshlyLoaded(index: SemanticIndex, name: Node, origin: ModuleOrigin, modes: ModuleFacts['modes']): ModuleFacts['modes'] | undefined {
  if (!origin.pretrained || !origin.call) return undefined;
  const binding = index.bindingAt(name);
  if (binding?.kind !== 'assign' || !isAncestorOf(binding.statement, origin.call.node)) return undefined;
  return modes.filter(({ call }) => call.node.startIndex >= binding.boundAt);
}

/**
 * The loops that run a backward pass, found once per document: each loop by the function it is in
 * (`''` at module level), and for each name a loop calls, the end of the first such loop in each
 * function. Asked per forward pass, a scan of every training loop's calls was quadratic in long scripts.
 */
interface TrainingLoops {
  starts: Set<string>;
  firstEnd: Map<string, number>;
}

const scopeKey = (fn: Node | undefined): string => (fn ? String(fn.startIndex) : '');

function trainingLoops(index: SemanticIndex, backwards: readonly CallSite[]): TrainingLoops {
  const starts = new Set<string>();
  const firstEnd = new Map<string, number>();
  for (const call of backwards) {
    const scope = scopeKey(enclosingFunction(call.node));
    for (const loop of enclosingLoops(call.node)) {
      const key = `${scope}:${loop.startIndex}`;
      if (starts.has(key)) continue;
      starts.add(key);
      for (const inner of index.callsWithin(loop)) {
        if (inner.callee.type !== 'identifier') continue;
        const called = `${scope}\u0000${inner.callee.text}`;
        firstEnd.set(called, Math.min(firstEnd.get(called) ?? Infinity, loop.endIndex));
      }
    }
  }
  return { starts, firstEnd };
}

/**
 * True when `use` runs after a loop of the same scope that trains this module (a loop with a
 * backward pass that calls `name` and ends before it) and is not itself inside a loop with a
 * backward pass (where it may be part of the training, as the generator's forward pass in a GAN).
 * A loop fitting other tensors (`w`, `b` by hand) says nothing about this module's training.
 */
function runsAfterTraining(training: TrainingLoops, use: Node, name: string): boolean {
  const scope = scopeKey(enclosingFunction(use));
  if (enclosingLoops(use).some((loop) => training.starts.has(`${scope}:${loop.startIndex}`))) return false;
  return (training.firstEnd.get(`${scope}\u0000${name}`) ?? Infinity) <= use.startIndex;
}

/**
 * True when `use` runs on every training step: in the body of a loop that runs a backward pass
 * (itself, or through a function of the file it calls that runs one outside any loop of its own),
 * under no `if` but one that tests a value drawn at random (`if random.random() > eps:`, an
 * exploration choice made anew on each step), or in a function of the file every call of which so
 * runs (an agent's `select_action(state)`). There a no-grad forward pass of a module being trained
 * is part of the training (a GAN generator's fakes for the discriminator, a running training
 * accuracy, the action an agent takes to gather its next transition); evaluation runs at intervals
 * or after. A frozen teacher called there is still checked.
 */
function partOfTrainingStep(index: SemanticIndex, stepLoops: readonly Node[], use: Node, depth = 0): boolean {
  for (const current of ancestors(use, true)) {
    if ((current.type === 'if_statement' || current.type === 'elif_clause') && !testsRandomDraw(index, current)) return false;
    if (LOOP_TYPES.has(current.type)) return stepLoops.some((loop) => sameNode(loop, current));
    if (FUNCTION_TYPES.has(current.type)) {
      const calls = depth < 2 ? callsOfPlainFunction(index, current) : [];
      return calls.length > 0 && calls.every((call) => partOfTrainingStep(index, stepLoops, call.node, depth + 1));
    }
  }
  return false;
}

/** The calls by name of a plain function of the file (not a method, not a lambda), empty when it has none. */
function callsOfPlainFunction(index: SemanticIndex, fn: Node): CallSite[] {
  const name = fn.type === 'function_definition' && !methodClass(fn) ? fn.childForFieldName('name')?.text : undefined;
  if (!name) return [];
  return index.callsNamed(name).filter((call) => {
    const target = index.resolve(name, call.callee);
    return target.kind === 'local' && target.definition.kind === 'def' && sameNode(target.definition.statement, fn);
  });
}

/**
 * Whether the test of an `if` (or `elif`) reads a value drawn from a global random generator, in
 * the test itself (`np.random.rand() < epsilon`) or through a name bound to the draw
 * (`sample = random.random()`, then `if sample > eps_threshold:`).
 */
function testsRandomDraw(index: SemanticIndex, statement: Node): boolean {
  const condition = statement.childForFieldName('condition');
  if (!condition) return false;
  const drawn = (node: Node | null | undefined): boolean => {
    const call = node?.type === 'call' ? index.call(node) : undefined;
    return !!call?.qname && !!drawnLibrary(call.qname);
  };
  return index.callsWithin(condition).some((call) => drawn(call.node)) || index.dataflow.readsWithin(condition).some((read) => drawn(index.bindingAt(read.node)?.value));
}

/**
 * The loops a training step runs in: the innermost loop around each backward pass, and, for a
 * backward pass in a plain function of the file outside any loop of its own (`optimize_model()`),
 * the innermost loop around each call of that function.
 */
function trainingStepLoops(index: SemanticIndex, backwards: readonly CallSite[]): Node[] {
  const loops: Node[] = [];
  for (const call of backwards) {
    const own = enclosingLoops(call.node)[0];
    if (own) {
      loops.push(own);
      continue;
    }
    const fn = enclosingFunction(call.node);
    for (const caller of fn ? callsOfPlainFunction(index, fn) : []) {
      const loop = enclosingLoops(caller.node)[0];
      if (loop) loops.push(loop);
    }
  }
  return loops;
}

/**
 * Whether a loop around `anchor` goes on to train the module (it is trained, and the loop holds a
 * backward pass) before anything switches it back to training mode: a backward pass later in the
 * same iteration with no `.train()` between the block and it, or one earlier in the loop with no
 * `.train()` on the way round to it (after the block, or before the pass). A `.train()` at the top
 * of an epoch does not cover the steps that follow a validation block in that same epoch. A frozen
 * teacher is not trained.
 */
function resumesTrainingAfter(anchor: Node, known: ModuleFacts, backwards: readonly CallSite[]): boolean {
  if (!known.trained) return false;
  const end = anchor.endIndex;
  return enclosingLoops(anchor).some((loop) => {
    const switches = known.modes.filter(({ call, mode }) => mode === 'train' && isAncestorOf(loop, call.node)).map(({ call }) => call.node.startIndex);
    const switchedBetween = (from: number, to: number) => switches.some((at) => at > from && at < to);
    return backwards.some(({ node }) => isAncestorOf(loop, node) && (node.startIndex > end
      ? !switchedBetween(end, node.startIndex)
      : !switchedBetween(end, loop.endIndex) && !switchedBetween(loop.startIndex, node.startIndex)));
  });
}

/**
 * Inserts `name.eval()` where evaluation starts: before the `with no_grad()` block, at the top of a
 * no-grad function, or before the statement. A block inside a loop that goes on to train the
 * module (a rollout between updates) also gets `name.train()` after it, unless that loop switches
 * the module back itself: the next update must not run with dropout and batch norm switched off.
 */
function evalFix(context: RuleContext, anchor: Node, name: string, resumesTraining: boolean): FixDescriptor | undefined {
  const line = `${name}.eval()`;
  if (resumesTraining && anchor.type === 'with_statement') {
    const before = insertBeforeStatement(context.doc, anchor, line);
    return before ? { title: `Switch to evaluation mode: ${line}, and back to training after the block`, edits: [before, insertAfterStatement(context.doc, anchor, `${name}.train()`)] } : undefined;
  }
  let edit;
  if (anchor.type === 'function_definition') {
    const first = anchor.childForFieldName('body')?.namedChild(0);
    if (!first) return undefined;
    const docstring = first.type === 'expression_statement' && first.namedChild(0)?.type === 'string';
    edit = docstring ? insertAfterStatement(context.doc, first, line) : insertBeforeStatement(context.doc, first, line);
  } else {
    edit = insertBeforeStatement(context.doc, anchor, line);
  }
  return edit ? { title: `Switch to evaluation mode: ${line}`, edits: [edit] } : undefined;
}

/** What the code uses to turn gradients off, as written: `` `inference_mode` ``, `` `no_grad` ``, `` a `@torch.no_grad()` decorator ``. */
function gradContextLabel(index: SemanticIndex, context: Node): string {
  const candidates = context.type === 'with_statement'
    ? index.nodesWithin('with_item', context).filter((item) => sameNode(ancestor(item, ['with_statement']), context)).map((item) => item.childForFieldName('value'))
    : (context.parent?.namedChildren ?? []).filter((child) => child?.type === 'decorator').map((decorator) => decorator?.namedChild(0));
  for (const candidate of candidates) {
    const node = candidate ? stripParens(candidate) : undefined;
    const callee = node?.type === 'call' ? node.childForFieldName('function') : node;
    const qname = callee ? index.qualify(callee) : undefined;
    if (!qname || !/^torch\.(no_grad|inference_mode|set_grad_enabled|autograd\.grad_mode\.\w+)$/.test(qname)) continue;
    const label = `\`${qname.split('.').pop()}\``;
    return context.type === 'with_statement' ? label : `a ${label} decorator`;
  }
  return context.type === 'with_statement' ? 'a no-grad block' : 'a no-grad decorator';
}

function listen(context: RuleContext): RuleListeners | undefined {
  const { index } = context;
  if (!index.importsModule('torch') || index.importsAny(['lightning', 'pytorch_lightning'])) return undefined;
  const setsEval = evalSetterTest(index);
  const { record, settle } = eventCollector(index, setsEval);
  // A module is followed by its name; the uses are judged once every call is known (a later `.eval()` counts).
  const uses: CallSite[] = [];
  const backwards: CallSite[] = [];
  return {
    call(call) {
      record(call);
      if (call.callee.type === 'identifier') uses.push(call);
      if (call.method === 'backward') backwards.push(call);
    },
    finish: () => checkUses(context, setsEval, settle(), uses, backwards),
  };
}

function checkUses(context: RuleContext, setsEval: EvalSetterTest, events: ReadonlyMap<string, NameEvents>, uses: readonly CallSite[], backwards: readonly CallSite[]): void {
  const { index } = context;
  const mayEvaluate = evaluationTest(index, setsEval);
  const training = trainingLoops(index, backwards);
  const stepLoops = trainingStepLoops(index, backwards);
  const facts = new Map<string, ModuleFacts>();
  const anchors: Node[] = [];
  const groups: ModeGroup[] = [];
  // After training, the first use in a scope is reported: the `.eval()` inserted there covers the rest.
  const reportedAfterTraining = new Set<string>();
  for (const use of uses) {
    if (use.callee.type !== 'identifier') continue;
    const name = use.callee.text;
    // The origin first: it answers most names (builtins, imports, functions) without their bindings.
    const origin = moduleOrigin(index, use.callee);
    // A module is followed by its name; a parameter's name means something else at each call.
    if (!origin || index.bindingAt(use.callee)?.kind === 'param') continue;
    const alias = aliasedModule(index, use.callee);
    const factsKey = alias === undefined ? name : `${name}\u0000${alias}`;
    let known = facts.get(factsKey);
    if (!known) facts.set(factsKey, (known = moduleFacts(index, sharedEvents(events.get(name), alias === undefined ? undefined : events.get(alias)), origin, mayEvaluate)));
    if (!known.inUse || known.managed) continue;
    const noGrad = noGradContext(index, use.node);
    if (noGrad ? known.trained && partOfTrainingStep(index, stepLoops, use.node) : !runsAfterTraining(training, use.node, name)) continue;
    // A name rebound by a `from_pretrained` load holds a fresh model, in evaluation mode: only the
    // switches after that binding count (the training before it was of the model it replaced).
    const fresh = freshlyLoaded(index, use.callee, origin, known.modes);
    const modes = fresh ?? known.modes;
    if (modeAt(use.node, modes, fresh ? 'eval' : 'train') !== 'train') continue;
    if (trainingModeChosen(index, use.node, name, modes, backwards)) continue;
    // A forward pass only asked the shape of its output gives the same shape in either mode.
    if (onlyAskedShape(index, use.node)) continue;
    // A module the file shows whole, with no dropout or batch norm, computes the same in both modes.
    // Asked last of these tests, which only skip the use: it reads the module's whole class, and
    // most uses (the forward passes of a training step) are skipped by where they run.
    if (lacksModeDependentLayers(index, origin)) continue;
    const anchor = noGrad ?? enclosingStatement(use.node);
    if (anchors.some((a) => sameNode(a, anchor))) continue;
    anchors.push(anchor);
    if (!noGrad) {
      const key = `${name}@${enclosingFunction(use.node)?.startIndex ?? -1}`;
      if (reportedAfterTraining.has(key)) continue;
      reportedAfterTraining.add(key);
    }
    // Without mode-dependent layers in sight the outputs are right today, but any dropout or batch norm added later is not.
    const effect = hasModeDependentLayers(index, origin)
      ? 'the dropout or batch-norm layers it has behave as in training'
      : 'any dropout or batch-norm layer it has behaves as in training';
    const member: ModeUse = {
      node: use.node,
      related: `\`${name}\` is also used here in training mode`,
      message: noGrad
        ? `\`${name}\` is evaluated under ${gradContextLabel(index, noGrad)} but is still in training mode: ${effect}; call \`${name}.eval()\` first`
        : `\`${name}\` is used after training while still in training mode: ${effect}; call \`${name}.eval()\` first`,
      fix: () => evalFix(context, anchor, name, !!noGrad && resumesTrainingAfter(anchor, known, backwards)),
    };
    // One module left in training mode is one cause: a later use in the same scope with no switch and no
    // training between joins the first finding (one `.eval()` there covers it) as a related location.
    const joined = groups.find((group) => group.key === factsKey && sameScope(group.members[0].node, use.node)
      && !switchedOrTrainedBetween(group.members.at(-1)!.node, use.node, modes, backwards));
    if (joined) joined.members.push(member);
    else groups.push({ key: factsKey, members: [member] });
  }
  for (const { members } of groups) {
    context.reportGroup({
      members,
      message: ([first, ...others]) => others.length === 0 ? first.message
        : `${first.message} (as ${others.length === 1 ? 'is 1 later use' : `are ${others.length} later uses`} of it, linked)`,
      fix: ([first]) => first.fix(),
    });
  }
}

/** A reported use of a module in training mode, with its own message and fix. */
interface ModeUse extends MemberDescriptor {
  node: Node;
  message: string;
  fix(): FixDescriptor | undefined;
}

/** The uses of one module reported as one finding. */
interface ModeGroup {
  key: string;
  members: ModeUse[];
}

/** Whether the module is switched (`.train()`, `.eval()`) or trained (a backward pass) between two uses. */
function switchedOrTrainedBetween(from: Node, to: Node, modes: ModuleFacts['modes'], backwards: readonly CallSite[]): boolean {
  const between = (node: Node) => node.startIndex > from.endIndex && node.startIndex < to.startIndex;
  return modes.some(({ call }) => between(call.node)) || backwards.some((call) => between(call.node));
}

export const evalModeNotSet: Rule = {
  meta: {
    code: 'MLD906',
    name: 'eval-mode-not-set',
    category: 'ml-api-misuse',
    severity: 'warning',
    recommended: true,
    fix: { safety: 'unsafe', title: 'Insert model.eval() before the evaluation' },
    smell: { name: 'Training / Evaluation Mode Improper Toggling', feeds: 'reproducibility-debt' },
    docs: {
      summary: 'A PyTorch model is evaluated (inside `torch.no_grad()` / `torch.inference_mode()`, or after its training loop) while still in training mode: no `model.eval()` before it.',
      why: '`torch.no_grad()` turns off gradient tracking, not training behaviour: dropout keeps dropping units at random and batch norm keeps normalising with the statistics of the current batch (and updating its running averages). Predictions and metrics come out noisy and different on every run, and they no longer match what the model does once deployed in evaluation mode — reported results that cannot be reproduced (§8, Reproducibility Debt). Zhang et al. list it as "Training / Evaluation Mode Improper Toggling".',
      example: 'import torch\nimport torch.nn as nn\n\nmodel = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 2))\noptimizer = torch.optim.Adam(model.parameters())\nfor x, y in loader:\n    ...\n\nwith torch.no_grad():\n    preds = model(X_test).argmax(1)',
      fix: 'Call `model.eval()` before evaluating, and `model.train()` again before the next training step. The quick fix inserts `model.eval()` just before the `with torch.no_grad():` block (at the top of a `@torch.no_grad()` function, or before the statement that uses the model after training); when that block sits in a loop that goes on to train the model (a rollout between updates, a validation block before the epoch\'s training steps) and nothing switches it back before the next training step — a `.train()` at the top of the epoch does not cover the steps that follow the block in that epoch — it also inserts `model.train()` right after the block. It is unsafe: the outputs change (they become deterministic).',
      fixed: 'model.eval()\nwith torch.no_grad():\n    preds = model(X_test).argmax(1)',
      nearMisses: 'Only modules the file shows to be used for real are checked — trained (an optimizer over their parameters, or `.train()`), given pretrained weights, or restored with `load_state_dict`; a model the file shows whole — a torch.nn container of plain layers, or a local `nn.Module` class whose body builds only torch.nn layers — with no dropout, batch norm or dropout-carrying layer computes exactly the same in training and evaluation mode, and is left alone. What such a class calls while it runs, in a method other than `__init__` (a graph library\'s `g.apply_edges(fn.u_dot_v("h", "h", "score"))` in `forward`), is no layer it keeps, so a scoring module that builds no layer at all is plain too; a call there told the mode (`training=self.training`), a functional dropout, or one whose result is kept on `self` still counts.\n\nA recurrent layer given `dropout` (`nn.GRU(16, 32, dropout=0.3)`) drops out only between its stacked layers, so with one layer (the default, or `num_layers=1`) it carries no dropout; stacked (`num_layers=2`, or a count the file does not show), it does. A graph-network layer builds dropout or a normalisation only when an argument asks for it: DGL\'s `SAGEConv` (`feat_drop`, a `norm` module) and `GATConv` (`feat_drop`, `attn_drop`), PyTorch Geometric\'s `GATConv` (`dropout`), by keyword or position; DGL\'s `GraphConv` and PyG\'s `GCNConv` and `SAGEConv` have none, and DGL\'s `HeteroGraphConv` is the layers it is handed. Built without those arguments, or with them zero or `None`, such a layer is plain (a link-prediction encoder of `HeteroGraphConv` over `SAGEConv(in, out, "mean")`); a non-zero rate or a batch-norm module handed in is a mode-dependent layer, and a rate held in a name, or a graph layer the model does not know (`GINConv`), leaves the module unknown. TorchUncertainty\'s packed-ensemble layers are such layers too: `PackedLinear`, `PackedConv1d`/`2d`/`3d`, `PackedConvTranspose2d` (grouped linear maps and convolutions) and `PackedLayerNorm` (a group norm) compute the same in both modes, so a packed ensemble built of them (`PackedConv2d(3, 6, 5, alpha=2, num_estimators=4)` beside `nn.MaxPool2d`) is plain, and `PackedMultiheadAttention` drops out only when its `dropout` (by keyword, or sixth by position) is non-zero; its packed transformer layers build `nn.Dropout`, and leave the module unknown. A layer passed through a weight-init helper of the file that hands back the layer it is given (`layer_init(nn.Linear(64, 2))`, where `layer_init` only initialises `layer.weight` and returns `layer`) is still that layer, and is seen as such; so is a model a function of the file builds and returns on every `return` (`model = build()` returning `Net()`): it is the module that function builds, with that module\'s layers; so is a submodule a builder function of the file makes when every call in its body builds only plain layers (`self.trunk = conv_trunk(4)`, where `conv_trunk` returns `nn.Sequential(nn.Conv2d(4, 32, 8, 4), nn.LeakyReLU(), nn.Flatten())`, or an `mlp(sizes)` that appends `nn.Linear` and `nn.Tanh` to a list it splats): whatever it hands back holds no mode-dependent layer, and a layer a caller hands in is checked where the caller builds it; a model whose layers the file does not show (a library or loaded model, a `*layers` splat, a helper function that builds a dropout, a batch norm or a library model) is still reported, with a message that says it matters only if it has such layers. A `*layers` splat is seen whole when the file shows every call that fills the list; a function of the file that builds no module in its body (an environment factory or data loader whose output only sizes the layers, `nn.Linear(envs.single_observation_space.shape[0], 64)`) hands back no layer, so it hides none — in a splat or in a class body alike (a sinusoidal position table handed to `nn.Embedding.from_pretrained`, a padding mask or a `gelu` computed in `forward`).\n\nThe message names what the code uses to turn gradients off (`no_grad`, `inference_mode`, a decorator). "After training" means after a loop with a backward pass that calls the model itself.\n\nAn explicit `.train()` as the last switch before a forward pass in the same scope, with nothing between the two that trains (a backward pass, an optimizer step, a call the module is handed to, a function of the file that runs either) and no training loop around the pass, chooses training mode on purpose — Monte-Carlo dropout samples predictions with dropout on — and is left alone; a `.train()` before a training loop, or a training helper called after it, is no such choice.\n\nA `.eval()` or `.train(False)` earlier in the same scope (including one chained onto the constructor, `model = resnet50(weights=w).train(False)`, and one made under another name for the same module: a name bound by self-returning calls such as `net_fp16 = net.half()`, `gpu = net.to("cuda")` or `alias = net` holds that very module, so a switch, training or a loaded checkpoint of either name counts for both; a name bound so from a function\'s parameter, which may hold another module at each call, is followed under its own name only), inside a loop around the evaluation, in a function of the file the model is handed to (which may be called first), in a method of the model\'s class (`model.freeze()` calling `self.eval()`), through `model.apply(...)` or over a loop `for m in (encoder, decoder): m.eval()` silences it.\n\nA no-grad forward pass of a module being trained, on every step of its training loop (a GAN generator making fakes for the discriminator, a running training accuracy, the action a reinforcement-learning agent takes to gather its next transition), is part of the training and left alone — also in a function of the file that every call runs so (`action = select_action(state)` in the loop, the pass inside it), in a loop whose backward pass runs in a function of the file it calls (`optimize_model()`), and under an `if` that tests a value drawn at random (`if random.random() > eps_threshold:`, epsilon-greedy exploration, which picks between the model and a random action anew on each step); one under any other `if` in that loop (periodic validation), in a function also called elsewhere (an evaluation after training), or of a frozen teacher that is only loaded, is not. A forward pass whose output is only asked its shape (`out = model(x)` then `out.shape`, a sanity check before training) gives the same shape in either mode and is left alone; one whose values are printed or used is not.\n\nModels loaded with `from_pretrained` start in evaluation mode and are reported only after an explicit `.train()`; so does a name rebound to a `from_pretrained` load after its training loop (`model = AutoModelForImageClassification.from_pretrained(\'me/vit-finetuned\')`, the fine-tuned model pulled back for inference): the switches made to the model it held before do not carry over, while a name rebound to a module built afresh (`model = Net()` then `load_state_dict`) is in training mode again and is still reported. Lightning and Hugging Face `Trainer` code, which switch modes themselves, is out of scope. A module left in training mode and used in several places of one scope after training, with no switch and no training between them (a notebook that evaluates the trained network in three cells), is one cause: one finding at the first use, the later ones linked, and the `.eval()` its fix inserts there covers them all; a use after the module was switched back or trained again is its own finding.',
    },
  },
  listen,
};
