// Which calls seed which library's global generator, and the one module-level seed constant
// that every seed fix writes or reuses (so two fixes never write the seed twice).
import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../documents/types';
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';
import { ancestors, enclosingFunction, sameNode, stripParens } from '../../semantics/nodes';
import { isHubTrainerClass } from '../../semantics/training';
import { runsEarlier } from '../../semantics/dataflow';
import { constantBefore, freshName, insertAfterStatement, insertAt } from './edits';
import { cellRunsNothing, setUpOnlyCells } from './installCommands';
import { DEFAULT_SEED, packageOf, SEED_CONSTANT } from './libraries';
import { oncePer, pushTo } from '../../engine/collections';
import { LIBRARY_SEEDERS, type Library } from '../../semantics/library/processSetup';
import { isTestCaseClass } from './testCases';
import { bindingsOf } from './objects';

// The library seeders are process set-up the model knows too (a module that only seeds is still a library).
export { LIBRARY_SEEDERS, type Library };

/** LIBRARY_SEEDERS turned around: the libraries each seeding call seeds (looked up once per call of a file). */
const SEEDER_LIBRARIES = new Map<string, Library[]>();
for (const [library, calls] of Object.entries(LIBRARY_SEEDERS) as [Library, ReadonlySet<string>][]) {
  for (const qname of calls) pushTo(SEEDER_LIBRARIES, qname, library);
}

/**
 * Launchers that seed Python's, NumPy's and PyTorch's generators as they start the distributed run:
 * ColossalAI's `launch_from_torch(config, seed=1024)` and its siblings call its `set_seed(seed)`, with
 * 1024 when given no seed. Their seed is only the `seed=` keyword (the first argument is the config).
 */
const SEEDING_LAUNCHERS: ReadonlySet<string> = new Set(['launch', 'launch_from_torch', 'launch_from_slurm', 'launch_from_openmpi']
  .flatMap((name) => [`colossalai.${name}`, `colossalai.initialize.${name}`]));

/** Calls that seed several libraries at once, and which (a map: asked of every call's qualified name). */
const SEED_ALL = new Map<string, readonly Library[]>(Object.entries({
  'keras.utils.set_random_seed': ['numpy', 'random', 'tensorflow'],
  'tensorflow.keras.utils.set_random_seed': ['numpy', 'random', 'tensorflow'],
  'transformers.set_seed': ['numpy', 'random', 'torch', 'tensorflow'],
  'transformers.trainer_utils.set_seed': ['numpy', 'random', 'torch', 'tensorflow'],
  'accelerate.utils.set_seed': ['numpy', 'random', 'torch'],
  'lightning.seed_everything': ['numpy', 'random', 'torch'],
  'lightning.pytorch.seed_everything': ['numpy', 'random', 'torch'],
  'pytorch_lightning.seed_everything': ['numpy', 'random', 'torch'],
  'lightning_fabric.utilities.seed.seed_everything': ['numpy', 'random', 'torch'],
  'fastai.torch_core.set_seed': ['numpy', 'random', 'torch'],
  // MONAI's helper seeds all three (with a default seed when given none); `seed=None` turns it off.
  'monai.utils.set_determinism': ['numpy', 'random', 'torch'],
  'monai.utils.misc.set_determinism': ['numpy', 'random', 'torch'],
  // libzero's and its successor delu's helpers seed all three from the one seed they are handed.
  'zero.improve_reproducibility': ['numpy', 'random', 'torch'],
  'zero.set_randomness': ['numpy', 'random', 'torch'],
  'zero.random.set_randomness': ['numpy', 'random', 'torch'],
  'delu.improve_reproducibility': ['numpy', 'random', 'torch'],
  'delu.random.seed': ['numpy', 'random', 'torch'],
  ...Object.fromEntries([...SEEDING_LAUNCHERS].map((qname) => [qname, ['numpy', 'random', 'torch']])),
} satisfies Record<string, readonly Library[]>));

/**
 * Library settings that seed global generators when assigned: scvi-tools' `scvi.settings.seed = 0`
 * runs a property setter that calls Lightning's `seed_everything` (`None` turns seeding off).
 */
const SEED_SETTINGS = new Map<string, readonly Library[]>(Object.entries({
  'scvi.settings.seed': ['numpy', 'random', 'torch'],
} satisfies Record<string, readonly Library[]>));
/** The attributes those settings end in: only an assignment to one of them is qualified. */
const SEED_SETTING_NAMES = new Set([...SEED_SETTINGS.keys()].map((qname) => qname.slice(qname.lastIndexOf('.') + 1)));

/** The library whose global generator a package's own seeding functions seed. */
const PACKAGE_LIBRARY: Record<string, Library> = { numpy: 'numpy', random: 'random', torch: 'torch', tensorflow: 'tensorflow' };

/** Names with "seed" in them that make or read generators rather than seed a global one. */
const NOT_SEEDERS = /^(default_rng|RandomState|SeedSequence|Generator|random_seed|get_seed|initial_seed)$/;

export interface Seeding {
  /** The seeding call, or the assignment to a library's seed setting. */
  node: Node;
  call?: CallSite;
  /** The seed passed or assigned, when there is one. */
  seed?: Node;
  /** The libraries it seeds; 'all' for the project's own helper (`set_seed(42)`), which may seed anything. */
  libraries: readonly Library[] | 'all';
}

/** A seeding known only by "seed" in its callee's name, which a rule may know to be a draw instead. */
interface SeedingByName extends Seeding {
  byName?: true;
}

/**
 * Every call that seeds a global generator with a value (`np.random.seed()` with no argument or
 * with `None` reseeds from the OS and does not count), in document order. A call with "seed" in
 * its name counts unless `isDraw` says its qualified name draws.
 */
/** `random.seed` names its seed `a` (`random.seed(a=42)`). */
function seedKeyword(call: CallSite): Node | undefined {
  return call.qname === 'random.seed' ? call.kwargs.get('a') : undefined;
}

/**
 * A call that seeds the library's global generator from the operating system's entropy: its seeding
 * call given no seed or `None` (`random.seed(a=None, version=2)`, `np.random.seed()`). It seeds, but
 * with nothing fixed, so each run still draws other numbers.
 */
export function entropySeeding(index: SemanticIndex, library: Library): CallSite | undefined {
  return index.calls.find((call) => {
    if (!call.qname || !SEEDER_LIBRARIES.get(call.qname)?.includes(library)) return false;
    const seed = call.args[0] ?? call.kwargs.get('seed') ?? seedKeyword(call);
    return !call.hasSplat && (!seed || index.literal(seed)?.kind === 'none');
  });
}

export function seedings(index: SemanticIndex, isDraw: (qname: string) => boolean = () => false): Seeding[] {
  // The document's seedings are found once; a rule's draws are told from them afterwards.
  return documentSeedings(index).filter((seeding) => !(seeding as SeedingByName).byName || !seeding.call?.qname || !isDraw(seeding.call.qname));
}

function findSeedings(index: SemanticIndex): SeedingByName[] {
  const found: SeedingByName[] = [];
  for (const call of index.calls) {
    const qname = call.qname;
    const seed = (qname && SEEDING_LAUNCHERS.has(qname) ? undefined : call.args[0]) ?? call.kwargs.get('seed') ?? seedKeyword(call);
    const seeders = qname ? SEEDER_LIBRARIES.get(qname) : undefined;
    if (seeders) {
      if (seed && index.literal(seed)?.kind !== 'none') found.push({ node: call.node, call, seed, libraries: seeders });
      continue;
    }
    const many = qname ? SEED_ALL.get(qname) : undefined;
    if (many) {
      // A seed passed as `None` seeds nothing (`set_determinism(seed=None)` switches determinism off).
      if (!seed || index.literal(seed)?.kind !== 'none') found.push({ node: call.node, call, seed, libraries: many });
      continue;
    }
    if (qname?.endsWith('seed_everything')) {
      found.push({ node: call.node, call, seed, libraries: 'all' });
      continue;
    }
    const calleeName = call.method ?? (call.callee.type === 'identifier' ? call.callee.text : '');
    const helperSeed = seedingHelperByArgument(index, call);
    if (helperSeed) {
      found.push({ node: call.node, call, seed: helperSeed, libraries: 'all', byName: true });
      continue;
    }
    if (!/seed/i.test(calleeName) || NOT_SEEDERS.test(calleeName)) continue;
    // `torch.cuda.manual_seed_all(0)` seeds its own library only; the project's helper may seed any.
    const library = qname ? PACKAGE_LIBRARY[packageOf(qname)] : undefined;
    found.push({ node: call.node, call, seed, libraries: library ? [library] : 'all', byName: true });
  }
  const settings = settingSeedings(index);
  return settings.length === 0 ? found : [...found, ...settings].sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/**
 * The project's own helper, imported and named for no seed, called on a line of its own with the seed constant as
 * its only argument (`deterministic(seed)`, `make_reproducible(SEED)`, `fix_randomness(args.seed)`, `fix_all(seed=42)`):
 * a call that hands a function nothing but the seed and keeps nothing it returns is there to seed.
 * A method (`trainer.run(seed)`), a built-in (`print(seed)`), a function the file defines (its body shows whether
 * it seeds), a call whose value is kept, or one handed more than the seed is not.
 */
function seedingHelperByArgument(index: SemanticIndex, call: CallSite): Node | undefined {
  if (call.method || call.callee.type !== 'identifier' || call.hasSplat || call.args.length + call.kwargs.size !== 1) return undefined;
  if (call.node.parent?.type !== 'expression_statement') return undefined;
  // A function of the file shows what it does; an imported one (or one a relative or star import brings) does not.
  const kind = index.resolve(call.callee.text, call.callee).kind;
  if ((kind !== 'import' && kind !== 'unknown') || (call.qname && PACKAGE_LIBRARY[packageOf(call.qname)])) return undefined;
  const [keyword, argument] = call.args.length === 1 ? [undefined, call.args[0]] : [...call.kwargs][0];
  const name = argument.type === 'attribute' ? argument.childForFieldName('attribute')?.text : argument.type === 'identifier' ? argument.text : undefined;
  return (keyword && SEED_CONSTANT.test(keyword)) || (name && SEED_CONSTANT.test(name)) ? argument : undefined;
}

/** `scvi.settings.seed = 0`: a library setting assigned a seed (not `None`). */
function settingSeedings(index: SemanticIndex): SeedingByName[] {
  const found: SeedingByName[] = [];
  for (const assignment of index.nodes('assignment')) {
    const target = assignment.childForFieldName('left');
    const seed = assignment.childForFieldName('right');
    if (target?.type !== 'attribute' || !seed || !SEED_SETTING_NAMES.has(target.childForFieldName('attribute')?.text ?? '')) continue;
    const libraries = SEED_SETTINGS.get(index.qualify(target) ?? '');
    if (libraries && index.literal(seed)?.kind !== 'none') found.push({ node: assignment, seed, libraries });
  }
  return found;
}

// Asked once per finding: the document's seedings are found once per index, or a file with many
// findings costs findings x calls.
const documentSeedings = oncePer(findSeedings);

function seedsLibrary(seeding: Seeding, library: Library): boolean {
  return seeding.libraries === 'all' || seeding.libraries.includes(library);
}

/** `def simulate(n, seed=None): np.random.seed(seed)`: called without a seed, it reseeds from the OS. */
function seedMayBeNone(index: SemanticIndex, seed: Node | undefined): boolean {
  return noneDefaultSeed(index, seed) !== undefined;
}

/** The parameter a seed is read from when it defaults to `None` (`seed=None`): the helper seeds only when given one. */
export function noneDefaultSeed(index: SemanticIndex, seed: Node | undefined): Node | undefined {
  if (seed?.type !== 'identifier') return undefined;
  const parameter = index.definitionFor(seed);
  const declared = parameter?.kind === 'param' ? parameter.node.parent : undefined;
  const fallback = declared?.childForFieldName('value');
  return declared && fallback && index.literal(fallback)?.kind === 'none' ? declared : undefined;
}

/**
 * True when `library`'s global generator is seeded before `at` runs: by a seeding call earlier in
 * the document at module level (an earlier notebook cell included), or at module level before the
 * module first calls the function that holds `at`, or earlier in the same function;
 * or in another function of the file whose first run, through the calls the module makes, comes
 * before the first run of `at` (`X, y = load()`, whose `simulate()` seeds, then `fit(X, y)` splits;
 * `np.random.seed(seed)` in `main()` before it calls the helper that builds the estimator); or,
 * for a test method, in the set-up its test class runs before each test (`testSetUpBefore`).
 */
export function seededBefore(index: SemanticIndex, library: Library, at: Node): boolean {
  const scope = enclosingFunction(at);
  let draw: number[] | undefined | null;
  let setUp: Node[] | undefined;
  return documentSeedings(index).some((seeding) => {
    if (!seedsLibrary(seeding, library)) return false;
    const where = enclosingFunction(seeding.node);
    const above = seeding.node.startIndex < at.startIndex;
    if (where && scope && sameNode(where, scope)) return above;
    if (!where) {
      // A module-level seed below a function's definition still runs before its body where the
      // module first calls it after seeding (`if __name__ == "__main__": np.random.seed(0); run()`).
      if (above || !scope) return above;
    } else {
      if (seedMayBeNone(index, seeding.seed)) return false;
      if (scope && definedAfterSeedIn(where, seeding.node, scope)) return true;
      setUp ??= testSetUpBefore(index, at);
      if (setUp.some((fn) => sameNode(fn, where))) return true;
    }
    // A draw in a callback runs no earlier than the call it is handed to (`study.optimize(objective)`).
    if (draw === undefined) draw = index.dataflow.earliestRun(at) ?? null;
    if (!draw) return seededInEntry(index, seeding.node, at);
    const seed = index.dataflow.firstRun(seeding.node);
    return !!seed && runsEarlier(seed, draw);
  });
}

/**
 * A function defined inside another function's body (`def objective(**params):` in `worker`, handed
 * to an optimiser that calls it) exists only once that body has run its `def`: a seed the body runs
 * unconditionally before that `def` (a statement of the body itself, not under an `if`, a loop or a
 * `try`) has run before anything, the library it is handed to included, can call it.
 */
function definedAfterSeedIn(where: Node, seed: Node, scope: Node): boolean {
  let fn: Node | undefined = scope;
  while (fn) {
    const outer = enclosingFunction(fn);
    if (outer && sameNode(outer, where)) break;
    fn = outer;
  }
  if (!fn) return false;
  const definition = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  const body = where.childForFieldName('body');
  let statement: Node | null = seed;
  while (statement && !(statement.parent && body && sameNode(statement.parent, body))) statement = statement.parent;
  return statement?.type === 'expression_statement' && statement.endIndex <= definition.startIndex;
}

/**
 * A seed and a draw in functions that nothing the module runs calls, both reached from one function
 * the module never calls (`main()`, run by the package's `__main__` or a console script; a test):
 * whatever calls it, its body runs them in order, so a seed it makes first (`init(args.seed)`, whose
 * helper seeds NumPy) has seeded the draw made after (`models = get_models()`).
 */
function seededInEntry(index: SemanticIndex, seed: Node, at: Node): boolean {
  // Every such function that reaches the draw must seed first: another entry may call the helper unseeded.
  const draws = index.dataflow.entryRuns(at);
  if (draws.size === 0) return false;
  const seeds = index.dataflow.entryRuns(seed);
  return [...draws].every(([entry, draw]) => {
    const seeded = seeds.get(entry);
    return !!seeded && runsEarlier(seeded, draw);
  });
}

/** The set-up methods a test framework runs before the tests of their class (unittest's, pytest's). */
const TEST_SET_UPS = new Set(['setUp', 'setUpClass', 'setup_method', 'setup_class']);

/** The method (outermost function in a class body) that holds `node`, and its class. */
function methodAround(node: Node): { method: Node; cls: Node } | undefined {
  let found: { method: Node; cls: Node } | undefined;
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
    const cls = holder.parent?.type === 'block' ? holder.parent.parent : null;
    if (fn.type === 'function_definition' && cls?.type === 'class_definition') found = { method: fn, cls };
  }
  return found;
}

/** A class's methods by name, its own before those of the file's classes it derives from. */
function methodsByName(index: SemanticIndex, cls: Node, seen = new Set<number>()): Map<string, Node> {
  const methods = new Map<string, Node>();
  if (seen.has(cls.startIndex)) return methods;
  seen.add(cls.startIndex);
  for (const statement of cls.childForFieldName('body')?.namedChildren ?? []) {
    const fn = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (fn && name) methods.set(name, fn);
  }
  const own = index.classes.get(cls.childForFieldName('name')?.text ?? '');
  for (const base of own?.bases ?? []) {
    const local = base.startsWith('local:') ? index.classes.get(base.slice('local:'.length)) : undefined;
    if (!local) continue;
    for (const [name, fn] of methodsByName(index, local.node, seen)) if (!methods.has(name)) methods.set(name, fn);
  }
  return methods;
}

/**
 * The functions of the file a test class's set-up runs (its `setUp`/`setUpClass`, pytest's
 * `setup_method`/`setup_class`, and what they call: the class's methods through `self`, `cls` or
 * the class name, and the module's functions by name), when `at` is in another method of a test
 * class (a `unittest.TestCase` subclass, or a class named `Test...` as pytest collects): the test
 * runner runs them before every test method. Empty otherwise, and for code that the set-up itself
 * runs, whose order against the seed is its own.
 */
function testSetUpBefore(index: SemanticIndex, at: Node): Node[] {
  const around = methodAround(at);
  const className = around?.cls.childForFieldName('name')?.text;
  if (!around || !className) return [];
  if (!isTestCaseClass(index, className)) return [];
  const methods = methodsByName(index, around.cls);
  const reached: Node[] = [];
  const queue = [...TEST_SET_UPS].flatMap((name) => methods.get(name) ?? []);
  while (queue.length > 0) {
    const fn = queue.shift()!;
    if (reached.some((known) => sameNode(known, fn))) continue;
    reached.push(fn);
    const self = fn.childForFieldName('parameters')?.namedChild(0)?.text;
    for (const call of index.callsWithin(fn)) {
      const callee = call.callee;
      if (callee.type === 'identifier') {
        const definition = index.moduleDefinitionsOf(callee.text).find((d) => d.node.parent?.type === 'function_definition');
        if (definition?.node.parent) queue.push(definition.node.parent);
      } else if (callee.type === 'attribute') {
        const object = callee.childForFieldName('object')?.text;
        const method = (object === self || object === className) ? methods.get(callee.childForFieldName('attribute')?.text ?? '') : undefined;
        if (method) queue.push(method);
      }
    }
  }
  return reached.some((fn) => sameNode(fn, around.method)) ? [] : reached;
}

/**
 * What a Hugging Face trainer's constructor seeds: it calls `set_seed(args.seed)` (42 unless set);
 * Lightning's `LightningCLI` seeds the same three through `seed_everything` as it is built.
 */
const TRAINER_SEEDS: readonly Library[] = ['numpy', 'random', 'torch'];

/**
 * Lightning's command-line tool, whose constructor calls `seed_everything(seed_everything_default)`
 * before it builds the model and data classes it is handed. The default, `True`, draws a seed and
 * writes it into the config the tool saves (`save_config_callback`), so the run can be repeated from
 * that config. The 1.x `pytorch_lightning.utilities.cli` copy defaulted to no seed: only a seed it is
 * given counts there.
 */
const LIGHTNING_CLIS = new Set(['lightning.pytorch.cli.LightningCLI', 'pytorch_lightning.cli.LightningCLI']);
const LEGACY_LIGHTNING_CLIS = new Set(['pytorch_lightning.utilities.cli.LightningCLI']);
/** Positions of `LightningCLI`'s parameters (model_class, datamodule_class, save_config_callback, ...). */
const CLI_SAVE_CONFIG_POSITION = 2;
const CLI_SEED_POSITION = 6;

/** The `LightningCLI` class a call builds: the tool itself, or a class of the file built on it that keeps its `__init__`. */
function lightningCliOf(index: SemanticIndex, call: CallSite): 'current' | 'legacy' | undefined {
  const kind = (qname: string | undefined) => (!qname ? undefined : LIGHTNING_CLIS.has(qname) ? 'current' : LEGACY_LIGHTNING_CLIS.has(qname) ? 'legacy' : undefined);
  const direct = kind(call.qname);
  if (direct || call.callee.type !== 'identifier') return direct;
  const local = index.classes.get(call.callee.text);
  if (!local || methodsByName(index, local.node).has('__init__')) return undefined;
  for (const base of local.bases) {
    const found = kind(base);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether building `call`, a `LightningCLI`, seeds the generators: a seed it is given (not `False` or
 * `None`), or the default `True` where the config holding the drawn seed is saved (no
 * `save_config_callback=None`). A splat may pass `seed_everything_default=False`: unknown, not counted.
 */
function cliSeeds(index: SemanticIndex, call: CallSite, kind: 'current' | 'legacy'): boolean {
  const seed = call.kwargs.get('seed_everything_default') ?? call.args[CLI_SEED_POSITION];
  if (!seed) return kind === 'current' && !call.hasSplat && !savesNoConfig(index, call);
  const literal = index.literal(seed);
  if (literal?.kind === 'none' || (literal?.kind === 'bool' && !literal.value)) return false;
  return literal?.kind !== 'bool' || !savesNoConfig(index, call);
}

function savesNoConfig(index: SemanticIndex, call: CallSite): boolean {
  const saver = call.kwargs.get('save_config_callback') ?? call.args[CLI_SAVE_CONFIG_POSITION];
  return !!saver && index.literal(saver)?.kind === 'none';
}

// The trainers of a document are found once per index: the question is asked per draw.
/**
 * A class of the file built on a Hugging Face trainer (`class WeightedLossTrainer(Trainer)`) whose
 * own `__init__`, if it has one, hands construction on to the trainer's (`super().__init__(...)` at
 * its top level): building it runs the trainer's constructor, which seeds.
 */
function buildsHubTrainerSubclass(index: SemanticIndex, call: CallSite): boolean {
  if (call.callee.type !== 'identifier') return false;
  const local = index.classes.get(call.callee.text);
  if (!local || !local.bases.some((base) => isHubTrainerClass(base))) return false;
  const init = methodsByName(index, local.node).get('__init__');
  return !init || (init.childForFieldName('body')?.namedChildren ?? []).some((statement) => statement?.type === 'expression_statement'
    && /^super\(\s*(\w+\s*,\s*self\s*)?\)\.__init__\(/.test(statement.text));
}

const documentTrainers = oncePer((index: SemanticIndex) => index.calls.filter((call) => {
  if ((call.qname && isHubTrainerClass(call.qname)) || buildsHubTrainerSubclass(index, call)) return true;
  const cli = lightningCliOf(index, call);
  return !!cli && cliSeeds(index, call, cli);
}));

/** What a seeding trainer's message says of how it seeds. */
export function trainerSeedingNote(index: SemanticIndex, trainer: CallSite): string {
  return lightningCliOf(index, trainer) ? 'Lightning\'s CLI seeds it through `seed_everything`' : 'a Hugging Face trainer seeds it from `args.seed`';
}

/** How many names `handedTo` follows from an argument to the values they were bound to (`collator = chosen`). */
const HANDED_ALIAS_DEPTH = 3;

/**
 * Functions handed to a call as callables, classes whose instances are handed to it, and classes of
 * the file handed whole (`LightningCLI(LitModel, LitData)`), which the call builds itself.
 */
interface Handed {
  functions: Set<string>;
  classes: Set<string>;
  built: Set<string>;
}

// Asked per draw and per trainer: what a trainer is handed is found once.
const handedOf = new WeakMap<CallSite, Handed>();

/**
 * What a call is handed to run later: `reward_funcs=[check, score]`, `data_collator=Collator(tok)`,
 * `callbacks=callbacks` where `callbacks = [Logger()]`. A function called in the arguments
 * (`train_dataset=ds.map(augment)`) runs before the call, and is not counted.
 */
function handedTo(index: SemanticIndex, call: CallSite): Handed {
  const known = handedOf.get(call);
  if (known) return known;
  const handed: Handed = { functions: new Set(), classes: new Set(), built: new Set() };
  handedOf.set(call, handed);
  const add = (expression: Node, depth: number): void => {
    const node = stripParens(expression);
    if (node.type === 'list' || node.type === 'tuple') {
      for (const element of node.namedChildren) if (element) add(element, depth);
    } else if (node.type === 'identifier') {
      handed.functions.add(node.text);
      // A class handed whole is built by the call, after it seeds: `__init__` too runs seeded, unless
      // the file builds the class itself as well, whose objects may run any method before the seed.
      if (index.classes.has(node.text) && !builtByFile(index).has(node.text)) handed.built.add(node.text);
      if (depth >= HANDED_ALIAS_DEPTH) return;
      // Every value the name may hold is handed: a data set of one class in each arm of an `if`.
      for (const binding of bindingsOf(index.dataflow, node)) {
        if ((binding.kind === 'assign' || binding.kind === 'walrus') && binding.value) add(binding.value, depth + 1);
      }
    } else if (node.type === 'call') {
      const callee = node.childForFieldName('function');
      if (callee?.type === 'identifier') handed.classes.add(callee.text);
    }
  };
  for (const argument of [...call.args, ...call.kwargs.values()]) add(argument, 0);
  return handed;
}

/** Whether `at` is in a function handed to run later, in a method (not `__init__`) of a class whose instance is, or in a class handed whole. */
function runsWhenHanded(at: Node, handed: Handed): boolean {
  let method: string | undefined;
  for (const owner of ancestors(at, false)) {
    const name = owner.childForFieldName('name')?.text;
    if (owner.type === 'function_definition' && name) {
      if (handed.functions.has(name)) return true;
      method = name;
    } else if (owner.type === 'class_definition' && name && ((handed.classes.has(name) && method !== '__init__') || handed.built.has(name))) return true;
  }
  return false;
}

/** The names the file calls as plain names (`LitModel(cfg)`): of its classes, the ones it builds itself. */
const builtByFile = oncePer((index: SemanticIndex) => new Set(index.calls.flatMap((call) => (call.callee.type === 'identifier' ? [call.callee.text] : []))));

/**
 * True when a Hugging Face trainer (transformers' `Trainer`, TRL's `SFTTrainer`, `GRPOTrainer`...)
 * has seeded `library` by the time `at` runs: its constructor seeds Python's, NumPy's and
 * PyTorch's generators. That holds for code below the trainer in the same scope, for a function
 * or class handed to it (a reward function, a collator, a callback), which runs while it trains,
 * and for a function every call of which runs so (calls below the trainer, calls from a handed
 * collator). Data shuffled before the trainer is built is not seeded by it.
 */
export function seededByTrainer(index: SemanticIndex, library: Library, at: Node): boolean {
  if (!TRAINER_SEEDS.includes(library)) return false;
  return documentTrainers(index).some((trainer) => runsAfterTrainer(index, trainer, at, 0));
}

/**
 * The first Hugging Face trainer the document builds that seeds `library`, if any: a draw it does
 * not seed (`seededByTrainer` false) is unseeded where it runs, but the file is not one that never
 * seeds the library, and a message must not say so.
 */
export function seedingTrainer(index: SemanticIndex, library: Library): CallSite | undefined {
  return TRAINER_SEEDS.includes(library) ? documentTrainers(index)[0] : undefined;
}

/** How many helper calls deep `runsAfterTrainer` follows a function's callers (recursion stops there too). */
const CALLER_DEPTH = 3;

/** Whether code at `at` runs only once `trainer` is built (see `seededByTrainer`). */
function runsAfterTrainer(index: SemanticIndex, trainer: CallSite, at: Node, depth: number): boolean {
  const scope = enclosingFunction(at);
  const where = enclosingFunction(trainer.node);
  const below = trainer.node.endIndex <= at.startIndex;
  if (below && (where ? !!scope && sameNode(where, scope) : !scope)) return true;
  if (!scope) return false;
  if (runsWhenHanded(at, handedTo(index, trainer))) return true;
  if (depth >= CALLER_DEPTH) return false;
  const calls = index.dataflow.callsOf(scope);
  return calls.length > 0 && calls.every((call) => runsAfterTrainer(index, trainer, call.node, depth + 1));
}

/**
 * Sacred's experiment (`ex = Experiment("name")`) runs each of its commands — the function under
 * `@ex.automain`, `@ex.main` or `@ex.command` — after it seeds Python's and NumPy's global
 * generators (`set_global_seed`) with the run's `seed`. Only a constant seed its config gives
 * (`seed = 45` in an `@ex.config` function, `ex.add_config(seed=45)`) repeats on every run; with none,
 * Sacred draws one. A command the file calls itself is a plain call, run unseeded.
 */
const SACRED_EXPERIMENTS = new Set(['sacred.Experiment', 'sacred.experiment.Experiment']);
const SACRED_COMMANDS = new Set(['automain', 'main', 'command']);
const SACRED_SEEDS: readonly Library[] = ['numpy', 'random'];

/** The experiment object a decorator (`@ex.automain`, `@ex.command(...)`) names, and the attribute it uses. */
function experimentDecorator(index: SemanticIndex, decorator: Node): string | undefined {
  let expression: Node | null | undefined = decorator.namedChildren[0];
  if (expression?.type === 'call') expression = expression.childForFieldName('function');
  const object = expression?.type === 'attribute' ? expression.childForFieldName('object') : undefined;
  if (!object || !SACRED_EXPERIMENTS.has(index.constructedClass(object) ?? '')) return undefined;
  return expression!.childForFieldName('attribute')?.text;
}

/** A constant number given as the config's `seed`. */
function constantSeed(index: SemanticIndex, value: Node | undefined | null): boolean {
  return !!value && index.literal(value)?.kind === 'number';
}

/** Whether an experiment's config gives a constant `seed` (see SACRED_EXPERIMENTS). */
function experimentConfigSeeds(index: SemanticIndex, definitions: readonly Node[]): boolean {
  const inConfig = definitions.some((definition) => {
    const fn = definition.childForFieldName('definition');
    const isConfig = definition.namedChildren.some((child) => child?.type === 'decorator' && experimentDecorator(index, child) === 'config');
    return isConfig && fn?.type === 'function_definition' && (fn.childForFieldName('body')?.namedChildren ?? []).some((statement) => {
      const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
      return assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === 'seed' && constantSeed(index, assignment.childForFieldName('right'));
    });
  });
  return inConfig || index.methodCalls('add_config').some((call) => {
    const object = call.callee.type === 'attribute' ? call.callee.childForFieldName('object') : undefined;
    if (!object || !SACRED_EXPERIMENTS.has(index.constructedClass(object) ?? '')) return false;
    if (constantSeed(index, call.kwargs.get('seed'))) return true;
    const given = call.args[0];
    return given?.type === 'dictionary' && given.namedChildren.some((pair) => pair?.type === 'pair'
      && index.literal(pair.childForFieldName('key')!)?.kind === 'string' && (index.literal(pair.childForFieldName('key')!) as { value: string }).value === 'seed'
      && constantSeed(index, pair.childForFieldName('value')));
  });
}

/** The functions a Sacred experiment runs seeded (its commands), when its config gives a constant seed. */
const documentExperimentCommands = oncePer((index: SemanticIndex): Node[] => {
  const definitions = index.nodes('decorated_definition');
  const commands = definitions.filter((definition) => definition.namedChildren.some((child) => child?.type === 'decorator' && SACRED_COMMANDS.has(experimentDecorator(index, child) ?? '')));
  if (commands.length === 0 || !experimentConfigSeeds(index, definitions)) return [];
  // A command the file calls itself (`run()` under `__main__`) runs there without Sacred's seeding.
  return commands.flatMap((definition) => {
    const fn = definition.childForFieldName('definition');
    return fn?.type === 'function_definition' && index.dataflow.callsOf(fn).length === 0 ? [fn] : [];
  });
});

/**
 * True when a Sacred command has seeded `library` by the time `at` runs: `at` is in the command's
 * body, or in a function every call of which runs so (the helper the command calls to build the model).
 */
export function seededByExperiment(index: SemanticIndex, library: Library, at: Node): boolean {
  if (!SACRED_SEEDS.includes(library)) return false;
  const commands = documentExperimentCommands(index);
  return commands.length > 0 && runsInCommand(index, commands, at, 0);
}

function runsInCommand(index: SemanticIndex, commands: readonly Node[], at: Node, depth: number): boolean {
  const scope = enclosingFunction(at);
  if (!scope) return false;
  if (commands.some((command) => sameNode(command, scope))) return true;
  if (depth >= CALLER_DEPTH) return false;
  const calls = index.dataflow.callsOf(scope);
  return calls.length > 0 && calls.every((call) => runsInCommand(index, commands, call.node, depth + 1));
}

const LEADING_STATEMENTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/**
 * The first code cell that can take a new line at its top (a `%%capture` cell must keep its magic
 * first) and already runs code: not a cell of comments alone (a commented-out install) or of
 * set-up alone (package installs, files fetched or unpacked), which run no Python, and which a new
 * line would turn into a cell that does (one MLD804 then compares with the others).
 */
function firstPlainRoot(index: SemanticIndex): Node | undefined {
  const { doc } = index;
  const plain = index.roots.filter((root) => !doc.segments[index.segmentIndexOf(root)]?.cellMagic);
  if (doc.kind !== 'notebook') return plain[0];
  const setUpOnly = setUpOnlyCells(doc);
  const runsCode = (root: Node) => {
    const segment = index.segmentIndexOf(root);
    return !setUpOnly.has(segment) && !cellRunsNothing(doc, doc.segments[segment]);
  };
  return plain.find(runsCode) ?? plain[0];
}

/** The last of the imports (and docstring) that open the file or first code cell: where settings go. */
function leadingBlockEnd(first: Node | undefined): Node | undefined {
  let last: Node | undefined;
  for (const statement of first?.namedChildren ?? []) {
    if (!statement || statement.type === 'comment') continue;
    const docstring = !last && statement.type === 'expression_statement' && statement.namedChild(0)?.type === 'string';
    if (!docstring && !LEADING_STATEMENTS.has(statement.type)) break;
    last = statement;
  }
  return last;
}

// Where settings go is one place per document, and a seed fix is offered per finding.
const settingsPlace = oncePer((index: SemanticIndex): { start?: Node; after?: Node } => {
  const start = firstPlainRoot(index);
  return { start, after: leadingBlockEnd(start) };
});

export interface SeedConstant {
  name: string;
  /** The edit defining it, when the file has none yet. */
  definition?: TextEdit;
  /** The statement the definition goes after (undefined: the start of the file or first cell). */
  after?: Node;
  /** The defining statement's text (`SEED = 42`), for a fix that writes it together with other lines. */
  statement?: string;
}

/**
 * The module-level seed constant a fix at `at` should use: one already defined before `at`
 * (`SEED`, `RANDOM_STATE`...), else a new `SEED = 42` after the imports that open the file (in a
 * notebook, its first code cell). Every seed fix goes through here, so fixes applied one after
 * the other share one constant instead of writing the number again.
 */
export function seedConstant(index: SemanticIndex, at: Node): SeedConstant {
  const existing = constantBefore(index, SEED_CONSTANT, at);
  if (existing) return { name: existing };
  return newSeedConstant(index);
}

// A new constant depends on the document alone (the index's), and a seed fix is offered per finding.
const newSeedConstant = oncePer((index: SemanticIndex): SeedConstant => {
  const { doc } = index;
  const name = freshName(index, 'SEED');
  const { start, after } = settingsPlace(index);
  const line = `${name} = ${DEFAULT_SEED}`;
  const definition = after
    ? insertAfterStatement(doc, after, line)
    : insertAt({ line: start ? start.startPosition.row : 0, character: 0 }, `${line}\n`);
  return { name, definition, after, statement: line };
});
