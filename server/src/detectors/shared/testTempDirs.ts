// Directories a pytest test made new for itself (its `tmp_path`, `tempfile.mkdtemp()`, a strict
// `mkdir`), and the paths under them: whatever a test reads there, the test or the code it ran wrote.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';
import { ancestors, enclosingFunction, FUNCTION_TYPES, sameNode, stripParens } from '../../semantics/nodes';
import { isTestModule } from '../../documents/testModules';
import { callResultValues, fixtureValues, pytestFixture, unpackedHelperResults } from './returnedValues';

const MAX_RUN_HELPER_DEPTH = 3;

/** pytest's fixtures that hand a test a new, empty directory of its own. */
const TEST_TEMP_DIRS = new Set(['tmp_path', 'tmpdir']);
/** pytest's session fixtures whose `mktemp(name)` makes a new directory on each call. */
const TEMP_DIR_FACTORIES = new Set(['tmp_path_factory', 'tmpdir_factory']);
/** Calls that make a new, empty directory and return its path (`TemporaryDirectory` as a `with` item). */
const NEW_DIRECTORY_CALLS = new Set(['tempfile.mkdtemp', 'tempfile.TemporaryDirectory']);
/** Calls that create the directory they are given and fail when it already exists, unless told `exist_ok=True`. */
const MKDIR_CALLS = new Set(['os.mkdir', 'os.makedirs']);
/** Calls whose first argument is the directory the path they build lies under. */
const PATH_PREFIX_CALLS = new Set(['os.path.join', 'pathlib.Path', 'builtins.str', 'os.fspath']);
const MAX_DIRECTORY_DEPTH = 8;

/**
 * Whether `path`, at `at` in a pytest test module, lies under a directory the test made new for itself:
 * pytest makes its `tmp_path` (`tmpdir`) empty for this one test, as `tempfile` makes a new directory
 * and a `mkdir` that fails when the directory exists makes one, so whatever is there was written
 * during the test, by the test or by the code it runs.
 */
export function underTestsNewDirectory(index: SemanticIndex, path: Node | undefined, at: Node, conftestDirs?: ReadonlySet<string>): boolean {
  if (!path || !isTestModule(index.doc.uri)) return false;
  const fn = enclosingFunction(at);
  return !!fn && underNewDirectory(index, path, fn, 0, conftestDirs);
}

/**
 * Whether a fixture of a conftest.py hands its tests a path under a directory made new in this run:
 * every value it returns or yields lies under its own `tmp_path`, a `tmp_path_factory.mktemp(...)`,
 * a `tempfile.mkdtemp()` or a strict `mkdir` (as underNewDirectory reads them in its own module).
 * A test that asks for it by name reads there only what the test suite wrote.
 */
export function fixtureHandsNewDirectory(index: SemanticIndex, fixture: Node): boolean {
  const { returns, yields } = index.functionExits(fixture);
  const values = [...returns, ...yields].map((exit) => exit.namedChild(0));
  return values.length > 0 && values.every((value) => !!value && underNewDirectory(index, value, fixture, 0, undefined));
}

/**
 * A parameter that asks pytest for a fixture of a conftest.py by name: a parameter of a test
 * function (or of a fixture of the file) that no definition of the module shadows.
 */
function asksForConftestFixture(index: SemanticIndex, name: string, parameters: Node | null): boolean {
  const fn = parameters?.parent;
  if (fn?.type !== 'function_definition' || index.moduleDefinitionsOf(name).length > 0) return false;
  return /^test/.test(fn.childForFieldName('name')?.text ?? '') || isFixture(index, fn);
}

/**
 * Whether `path` lies under a directory made new in this run: through `/`, `os.path.join`, `Path(...)`,
 * `str(...)`, the names they are bound to, and the file's helpers that return such a directory (also as
 * one item of a tuple they return). `test` is the function of the load, whose `tmp_path` parameter counts.
 */
function underNewDirectory(index: SemanticIndex, path: Node, test: Node, depth: number, conftestDirs: ReadonlySet<string> | undefined): boolean {
  const node = stripParens(path);
  if (depth > MAX_DIRECTORY_DEPTH) return false;
  const next = (value: Node | undefined) => !!value && underNewDirectory(index, value, test, depth + 1, conftestDirs);
  if (node.type === 'binary_operator') return ['/', '+'].includes(node.childForFieldName('operator')?.text ?? '') && next(node.childForFieldName('left') ?? undefined);
  if (node.type === 'call') {
    const site = index.call(node);
    if (site?.qname && NEW_DIRECTORY_CALLS.has(site.qname)) return true;
    if (site?.method === 'mktemp' && isTempDirFactory(index, site.receiver)) return true;
    if (site?.qname && PATH_PREFIX_CALLS.has(site.qname)) return next(site.args[0]);
    return callResultValues(index, node)?.every(next) ?? false;
  }
  if (node.type === 'attribute') return keptFromConstruction(index, node, test, depth, conftestDirs) || reportedByRunUnderNewDirectory(index, node, test, depth, conftestDirs);
  // `res["model_path"]`: the run reports it under a constant key of the dictionary it returns, as it
  // reports `res.model_path`; a key known only at run time may name any entry.
  if (node.type === 'subscript' && index.literal(node.childForFieldName('subscript') ?? node)?.kind === 'string') {
    return reportedByRunUnderNewDirectory(index, node, test, depth, conftestDirs);
  }
  // `f"{run_dir}/best.pt"`: a file under what the first part holds, as `run_dir / "best.pt"` is.
  if (node.type === 'string') return next(leadingFolder(node));
  if (node.type !== 'identifier') return false;
  if (madeByStrictMkdir(index, node)) return true;
  const binding = index.bindingAt(node);
  switch (binding?.kind) {
    case 'param':
      // The test's own `tmp_path`, or a fixture's, which pytest hands the test too: the same new
      // directory. A test's parameter named for a fixture of the file holds what the fixture returns.
      if (TEST_TEMP_DIRS.has(binding.name)) return sameNode(binding.statement.parent, test) || isFixture(index, binding.statement.parent);
      // A fixture of the file first; else one of the conftest.py files pytest loads before the
      // module, when it hands its tests a path under a new directory (fixtureHandsNewDirectory).
      return fixtureValues(index, node)?.every(next) ?? (!!conftestDirs?.has(binding.name) && asksForConftestFixture(index, binding.name, binding.statement));
    case 'assign':
    case 'walrus':
    case 'with':
      return next(binding.value);
    case 'unpack':
      return unpackedHelperResults(index, binding)?.every(next) ?? false;
    default:
      return false;
  }
}

/** A function of the file declared a pytest fixture. */
function isFixture(index: SemanticIndex, fn: Node | null): boolean {
  return fn?.type === 'function_definition' && !!pytestFixture(index, fn);
}

/** pytest's `tmp_path_factory` (`tmpdir_factory`) as a parameter of a fixture or test. */
function isTempDirFactory(index: SemanticIndex, receiver: Node | undefined): boolean {
  const binding = receiver?.type === 'identifier' ? index.bindingAt(receiver) : undefined;
  return binding?.kind === 'param' && TEMP_DIR_FACTORIES.has(binding.name);
}

/** The expression an f-string starts with when a separator follows it (`run_dir` in `f"{run_dir}/best.pt"`). */
function leadingFolder(string: Node): Node | undefined {
  const parts = string.namedChildren.filter((part): part is Node => !!part && part.type !== 'string_start' && part.type !== 'string_end');
  const [first, second] = parts;
  return first?.type === 'interpolation' && second?.type === 'string_content' && /^[\\/]/.test(second.text) ? first.childForFieldName('expression') ?? undefined : undefined;
}

/** Keywords that say where a run writes what it makes (`output_dir=`, `save_path=`, `artifacts_root=`). */
const OUTPUT_KEYWORDS = /^(output|out|save|work|artifacts?|models?|checkpoints?|ckpt|runs?|results?|export)_?(dir|directory|path|root|folder)$/;

/**
 * A path a run reports (`artifact.model_path`, of `artifact = Trainer(config).run()`, or `res["model_path"]`), when the run was
 * told to write under a new directory: a keyword naming its output location, given to one of the
 * calls of the chain or to the construction of an object handed to them (`config = TrainConfig(output_dir=tmp_path / "out")`),
 * holds such a path. What it made there is the test's own.
 */
function reportedByRunUnderNewDirectory(index: SemanticIndex, attribute: Node, test: Node, depth: number, conftestDirs: ReadonlySet<string> | undefined): boolean {
  const holder = attribute.childForFieldName('object') ?? attribute.childForFieldName('value') ?? undefined;
  const runs = builtRuns(index, builtCall(index, holder), 0);
  return !!runs && runs.length > 0 && runs.every((run) => toldOutputUnderNewDirectory(index, run, test, depth + 1, 2, conftestDirs));
}

/**
 * `paths.processed_dir` (or `ctx.base_dir`) of an object built by a call given that same keyword
 * (`ProjectPaths(processed_dir=tmp_path / "processed")`, `RunContext.start(base_dir=tmp_path)`), in the
 * test, by a helper of the file that returns it, or by a fixture of the file the test asks for: the
 * object keeps what it was given under that name, so the attribute holds the new directory. Every call
 * that may have built the object must give that keyword such a path.
 */
function keptFromConstruction(index: SemanticIndex, attribute: Node, test: Node, depth: number, conftestDirs: ReadonlySet<string> | undefined): boolean {
  const holder = attribute.childForFieldName('object');
  const name = attribute.childForFieldName('attribute')?.text;
  if (!holder || !name || stripParens(holder).type !== 'identifier') return false;
  const binding = index.bindingAt(stripParens(holder));
  const fixture = binding?.kind === 'param' ? fixtureValues(index, stripParens(holder)) : undefined;
  const starts = fixture ?? [holder];
  const calls: Node[] = [];
  for (const start of starts) {
    const built = builtRuns(index, builtCall(index, start), 0);
    if (!built || built.length === 0) return false;
    calls.push(...built);
  }
  return calls.length > 0 && calls.every((call) => {
    const site = index.call(call);
    const value = site && !site.hasSplat ? site.kwargs.get(name) : undefined;
    return !!value && underNewDirectory(index, value, fixture ? enclosingFunction(value) ?? test : test, depth + 1, conftestDirs);
  });
}

/**
 * The calls that build a run: `call` itself, or, for a helper of the file that builds the run and
 * returns it (`runner = _build_runner()`, also through another such helper), the calls it returns.
 */
function builtRuns(index: SemanticIndex, call: Node | undefined, steps: number): Node[] | undefined {
  if (!call || steps > MAX_RUN_HELPER_DEPTH) return undefined;
  const returned = callResultValues(index, call);
  if (!returned) return [call];
  const runs: Node[] = [];
  for (const value of returned) {
    const built = builtRuns(index, builtCall(index, value), steps + 1);
    if (!built) return undefined;
    runs.push(...built);
  }
  return runs;
}

/** A call of a chain (`Trainer(config).run()`), or an object built for it, given an output location under a new directory. */
function toldOutputUnderNewDirectory(index: SemanticIndex, node: Node, test: Node, depth: number, hops: number, conftestDirs: ReadonlySet<string> | undefined): boolean {
  let steps = 0;
  for (let call: Node | undefined = node; call?.type === 'call' && steps++ < MAX_DIRECTORY_DEPTH; call = builtCall(index, index.call(call)?.receiver)) {
    const site = index.call(call);
    if (!site) break;
    for (const [name, value] of site.kwargs) if (OUTPUT_KEYWORDS.test(name) && underNewDirectory(index, value, test, depth, conftestDirs)) return true;
    for (const value of hops > 0 ? [...site.args, ...site.kwargs.values()] : []) {
      const built = builtCall(index, value);
      if (built && toldOutputUnderNewDirectory(index, built, test, depth + 1, hops - 1, conftestDirs)) return true;
    }
  }
  return false;
}

/** The call that built a value: the value itself, or what the one name it is bound to was assigned. */
function builtCall(index: SemanticIndex, value: Node | undefined): Node | undefined {
  const node = value ? stripParens(value) : undefined;
  const held = node?.type === 'identifier' ? index.bindingAt(node) : undefined;
  const built = held ? (held.kind === 'assign' && held.value ? stripParens(held.value) : undefined) : node;
  return built?.type === 'call' ? built : undefined;
}

/**
 * Whether the directory `name` holds was created, before this read, by a `mkdir` that raises when the
 * directory exists (`d.mkdir(parents=True)`, `os.makedirs(d)`), run unconditionally in the same body:
 * past it, the directory is new. One told `exist_ok=True`, or run under an `if` or `try`, may have left
 * an old directory in place.
 */
function madeByStrictMkdir(index: SemanticIndex, name: Node): boolean {
  const binding = index.bindingAt(name);
  if (!binding) return false;
  const made = (site: CallSite, target: Node | undefined) => {
    const existOk = site.kwargs.get('exist_ok');
    const literal = existOk ? index.literal(existOk) : undefined;
    return !site.hasSplat && (!existOk || (literal?.kind === 'bool' && !literal.value)) && site.node.endIndex <= name.startIndex
      && target !== undefined && stripParens(target).type === 'identifier' && index.bindingAt(stripParens(target)) === binding
      && unconditionalIn(site.node, enclosingFunction(name));
  };
  return index.methodCalls('mkdir').some((site) => made(site, site.receiver))
    || index.callsTo(MKDIR_CALLS).some((site) => made(site, site.args[0]));
}

/** True when nothing between `node` and the body of `fn` (the module when undefined) runs it only on a condition. */
function unconditionalIn(node: Node, fn: Node | undefined): boolean {
  for (const ancestor of ancestors(node, false)) {
    if (fn ? sameNode(ancestor, fn) : ancestor.type === 'module') return true;
    if (FUNCTION_TYPES.has(ancestor.type)) return false;
    if (['if_statement', 'try_statement', 'conditional_expression', 'boolean_operator', 'while_statement', 'for_statement'].includes(ancestor.type)) return false;
  }
  return false;
}
