import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { DataIO } from '../semantics/dataflow';
import { holdsData, isExact, pathKey, samePath } from '../semantics/dataflow';
import { openedPath } from '../semantics/dataio';
import { innermostValue, targetIdentifiers } from '../semantics/definitions';
import { enclosingFunction, isAncestorOf, sameNode, stripParens, valueOnLaterLine } from '../semantics/nodes';
import type { Definition } from '../semantics/types';
import { ownsItsLines, removeStatement } from './shared/edits';
import { isNotice, isProbedInTry } from './shared/caches';
import { inExclusiveArms, underDifferentConstants } from './shared/runOrder';
import { describePath, placeOf } from './shared/places';
import type { FixDescriptor, Rule, RuleContext, RuleListeners } from './types';
import { oncePer, pushTo } from '../engine/collections';
import { lineAt, segmentIndexAtLine } from '../documents/positions';

/** Builtins that read or write names the code does not spell out. */
const DYNAMIC_NAMES = new Set(['globals', 'locals', 'vars', 'eval', 'exec']);
/**
 * Calls whose string arguments may use Python variables: queries (`df.query("x > @limit")`,
 * `duckdb.sql("SELECT * FROM df")`) and IPython running code held in a string, as notebooks
 * converted to scripts do (`get_ipython().run_cell_magic("time", "", "fit(df)")`).
 */
const CODE_IN_STRINGS = new Set(['query', 'eval', 'sql', 'execute', 'sqldf', 'run_cell_magic', 'run_line_magic', 'system', 'getoutput']);
/** Calls that compute a path and do nothing else, so removing them changes nothing but the path. */
const PURE_CALLS = new Set(['os.path.join', 'posixpath.join', 'pathlib.Path', 'builtins.str', 'builtins.int', 'builtins.len', 'builtins.range']);
/** Builder calls of a reader chain (`spark.read.option(...).csv(...)`). */
const BUILDER_METHODS = new Set(['option', 'options', 'format', 'schema', 'joinpath']);

/**
 * Methods that print what they are called on and hand back nothing of it: Spark's `show()` and
 * `printSchema()`, Databricks' `display()`. A load such a call ends is used there.
 */
const SHOWING_METHODS = new Set(['show', 'printSchema', 'display']);

/**
 * The assignment that binds a load's result, through method chains and selections
 * (`pd.read_csv(p).dropna()[cols]`); none when the chain prints the data (`x = spark.sql(q).show()`
 * binds `None`, and the rows were shown).
 */
function bindingAssignment(call: Node): Node | undefined {
  let current = call;
  for (let parent = current.parent; parent; current = parent, parent = current.parent) {
    if (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), current) && SHOWING_METHODS.has(parent.childForFieldName('attribute')?.text ?? '')
      && parent.parent?.type === 'call' && sameNode(parent.parent.childForFieldName('function'), parent)) return undefined;
    const through = parent.type === 'parenthesized_expression'
      || (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), current))
      || (parent.type === 'call' && sameNode(parent.childForFieldName('function'), current))
      || (parent.type === 'subscript' && sameNode(parent.childForFieldName('value'), current));
    if (through) continue;
    return parent.type === 'assignment' && sameNode(parent.childForFieldName('right'), current) ? outermostOfChain(parent) : undefined;
  }
  return undefined;
}

/**
 * The load's statement does not parse (`df = pd.read_csv(path, sep=)`, a line still being written), or
 * sits in a stretch the parser could not read: the parse notice says that code was not checked, and
 * the statements that would use the name may not be written yet.
 */
function unparsed(assignment: Node): boolean {
  if (assignment.hasError) return true;
  for (let node = assignment.parent; node; node = node.parent) if (node.type === 'ERROR') return true;
  return false;
}

/** `a = b = load()`: the chain's outer assignment, whose targets are all bound to the one load. */
function outermostOfChain(assignment: Node): Node {
  let outer = assignment;
  while (outer.parent?.type === 'assignment' && sameNode(outer.parent.childForFieldName('right'), outer)) outer = outer.parent;
  return outer;
}

/** Every name a chain of assignments binds: `a = b, c = load()` gives a, b, c. */
function chainTargets(assignment: Node): Node[] {
  const names: Node[] = [];
  for (let link: Node | null = assignment; link?.type === 'assignment'; link = link.childForFieldName('right')) {
    const left = link.childForFieldName('left');
    if (left) names.push(...targetIdentifiers(left));
  }
  return names;
}

/**
 * What the whole document may use without spelling a name: computed once per document, so that
 * the rule stays linear in the number of loads (a generated file of 10,000 loads must not make
 * each one rescan every read, magic and call). It is asked only for a load nothing else uses, so
 * the calls that run code are looked up then, not gathered from every call of every file.
 */
class DynamicUses {
  private readonly byScope = new Map<number, boolean>();
  private words?: Set<string>;

  constructor(private readonly index: SemanticIndex) {}

  /** True when the name may be used in ways the code does not spell out: `globals()`, `eval`, SQL strings, magics. */
  has(name: string, scope: Node | undefined): boolean {
    return this.dynamicBuiltinIn(scope) || this.wordsInStrings().has(name);
  }

  private dynamicBuiltinIn(scope: Node | undefined): boolean {
    const key = scope ? scope.startIndex : -1;
    let found = this.byScope.get(key);
    if (found === undefined) {
      const flow = this.index.dataflow;
      const reads = scope ? flow.readsWithin(scope) : flow.reads;
      found = reads.some((read) => DYNAMIC_NAMES.has(read.name) && read.resolution.kind === 'builtin');
      this.byScope.set(key, found);
    }
    return found;
  }

  /** The words of magics and of the strings given to calls that run code (`@limit` counts as `limit`). */
  private wordsInStrings(): Set<string> {
    if (this.words) return this.words;
    const texts = this.index.doc.magics.map((magic) => magic.text);
    const flow = this.index.dataflow;
    for (const call of this.index.calls) {
      const runsCode = (call.method && CODE_IN_STRINGS.has(call.method)) || (call.qname && CODE_IN_STRINGS.has(call.qname.slice(call.qname.lastIndexOf('.') + 1)));
      if (runsCode) texts.push(...call.args.map((arg) => flow.pathOf(arg).template));
    }
    texts.push(...rawFormOptions(this.index.doc.text));
    this.words = new Set(texts.flatMap((text) => text.match(/\w+/g) ?? []));
    return this.words;
  }
}

/** A Colab form field whose options are code: `sts_data = sts_dev #@param ["sts_dev", "sts_test"] {type:"raw"}`. */
const RAW_FORM_FIELD = /#\s*@param\s*\[([^\]\n]*)\]\s*\{[^}\n]*\btype\s*:\s*["']raw["'][^}\n]*\}/g;

/**
 * The options of a notebook's raw Colab form fields: the form writes the option picked into the
 * line as Python, so each option may be the code that runs there (a name it reads).
 */
function rawFormOptions(text: string): string[] {
  if (!text.includes('@param')) return [];
  return [...text.matchAll(RAW_FORM_FIELD)].map((match) => match[1]);
}

/** Removes the load when it is a statement of its own and nothing in it does more than compute a path. */
function removalFix(context: RuleContext, io: DataIO, assignment: Node, names: Node[]): FixDescriptor | undefined {
  const statement = assignment.parent;
  if (names.length !== 1 || statement?.type !== 'expression_statement' || statement.namedChildCount !== 1 || !ownsItsLines(statement)) return undefined;
  if (!sameNode(stripParens(innermostValue(assignment) ?? assignment), io.call.node)) return undefined;
  const effects = context.index.callsWithin(io.call.node).filter((call) => call !== io.call
    && !(call.qname && PURE_CALLS.has(call.qname)) && !(call.method && BUILDER_METHODS.has(call.method) && !call.qname));
  if (effects.length || context.index.nodesWithin('named_expression', io.call.node).length) return undefined;
  return { title: `Remove the unused load of \`${names[0].text}\``, edits: [removeStatement(context.doc, statement)] };
}

/** Calls that read a clock (`time.time()`, `perf_counter()`, `timeit.default_timer()`). */
const CLOCK_READS = new Set([
  'time.time', 'time.time_ns', 'time.perf_counter', 'time.perf_counter_ns', 'time.monotonic', 'time.monotonic_ns',
  'time.process_time', 'timeit.default_timer', 'datetime.datetime.now',
]);

/**
 * A load whose statement has a clock read among the simple statements before it and another
 * after it, in the same block, is timed: a benchmark of the reader, whose duration is the use.
 * The clock reads of each block are listed once, so many loads in one block stay linear.
 */
class TimedLoads {
  private readonly clocks = new Map<number, number[]>();
  constructor(private readonly index: SemanticIndex) {}

  has(assignment: Node): boolean {
    const statement = assignment.parent;
    const block = statement?.parent;
    if (statement?.type !== 'expression_statement' || !block) return false;
    const starts = this.clockReadsIn(block);
    return starts.length > 1 && starts[0] < statement.startIndex && starts[starts.length - 1] > statement.startIndex;
  }

  /** The start offsets, in order, of the block's simple statements that read a clock. */
  private clockReadsIn(block: Node): number[] {
    let starts = this.clocks.get(block.id);
    if (!starts) {
      starts = block.namedChildren.filter((node): node is Node => node?.type === 'expression_statement'
        && this.index.callsWithin(node).some((call) => !!call.qname && CLOCK_READS.has(call.qname))).map((node) => node.startIndex);
      this.clocks.set(block.id, starts);
    }
    return starts;
  }
}

/** Methods of a file object after which the next read no longer starts where a load stopped. */
const ENDS_SEQUENTIAL_READ = new Set(['close', 'seek']);

/**
 * A load from an open file object (`fp = open(p, "rb")`, `with open(p) as f`) moves the file's
 * position: when the handle is next read again, that read starts where the load stopped (a header
 * skipped before the weights, the first of several arrays saved into one file), so the load is
 * needed even if its value is not. A handle only closed or rewound next gains nothing from it.
 */
function advancesHandleReadAgain(index: SemanticIndex, io: DataIO): boolean {
  for (const arg of [...io.call.args, ...io.call.kwargs.values()]) {
    const handle = stripParens(arg);
    const definition = handle.type === 'identifier' && openedPath(index, handle) ? index.definitionFor(handle) : undefined;
    const next = definition && index.dataflow.usesOf(definition).find((read) => read.node.startIndex >= io.call.node.endIndex);
    if (!next) continue;
    const parent = next.node.parent;
    const method = parent?.type === 'attribute' && sameNode(parent.childForFieldName('object'), next.node) ? parent.childForFieldName('attribute')?.text : undefined;
    if (!method || !ENDS_SEQUENTIAL_READ.has(method)) return true;
  }
  return false;
}

/**
 * A loop whose body only reads the file each pass names and says which one it is at (`for name in
 * failed: print(name); frame = pd.read_csv(root + name, sep=";")`), its other statements notices
 * or names bound, before the load, only to build that path (read by the load or a notice), keeps
 * nothing: it checks that each file parses, and the error a bad file raises, right after its name,
 * is what it shows, as the handler is for a probe in a `try`. A body with no notice, one that does
 * anything else, or a load whose path no pass changes is still an unused load.
 */
function checksEachFileOfLoop(index: SemanticIndex, io: DataIO, assignment: Node): boolean {
  const statement = assignment.parent;
  const body = statement?.parent;
  const loop = body?.parent;
  if (statement?.type !== 'expression_statement' || body?.type !== 'block' || loop?.type !== 'for_statement'
    || !sameNode(loop.childForFieldName('body'), body) || loop.childForFieldName('alternative')) return false;
  const target = loop.childForFieldName('left');
  // The names that change with each pass: the loop's own, and those the body binds from them.
  const perPass = new Set(target ? targetIdentifiers(target).map((name) => name.text) : []);
  const readsPerPass = (node: Node): boolean => index.dataflow.readsWithin(node).some((read) => perPass.has(read.name));
  const notices = body.namedChildren.filter((other): other is Node => !!other && isNotice(index, other));
  const within = (node: Node, outer: Node): boolean => sameNode(node, outer) || isAncestorOf(outer, node);
  let noticed = false;
  for (const other of body.namedChildren) {
    if (!other || sameNode(other, statement) || other.type === 'comment') continue;
    if (notices.some((notice) => sameNode(notice, other))) {
      noticed = true;
      continue;
    }
    const bound = other.type === 'expression_statement' ? other.namedChild(0) : null;
    const name = bound?.type === 'assignment' ? bound.childForFieldName('left') : null;
    const value = bound?.childForFieldName('right');
    const definition = name?.type === 'identifier' && other.startIndex < statement.startIndex ? index.definitionFor(name) : undefined;
    const onlyBuildsPath = !!definition && !!value && readsPerPass(value) && index.dataflow.usesOf(definition)
      .every((use) => within(use.node, io.call.node) || notices.some((notice) => within(use.node, notice)));
    if (!onlyBuildsPath) return false;
    perPass.add(name!.text);
  }
  return noticed && [...io.call.args, ...io.call.kwargs.values()].some(readsPerPass);
}

/** What the listeners gather for the verdicts at finish. */
interface Gathered {
  loads: readonly DataIO[];
  dynamic: DynamicUses;
  ownOutput: OwnOutput;
  downloads: DownloadSteps;
}

/**
 * A notebook's name read in a cell above the load with nothing binding it before that read: the
 * reading cell ran after the load's (out of order, which MLD805 reports), and this load is what it
 * reads. Moving the load up pays that debt; removing it would break the cell above.
 */
function readAboveUnbound(index: SemanticIndex, name: Node): boolean {
  const cell = index.segmentIndexOf(name);
  return index.dataflow.readsOf(name.text).some((read) => read.node.startIndex < name.startIndex && !read.deferred
    && index.segmentIndexOf(read.node) !== cell && read.resolution.kind === 'local' && read.resolution.definition.scopeKey === 'module'
    && index.dataflow.reachingDefinitions(read).length === 0);
}

/** What an exercise leaves where the reader's code goes: `pass`, `...`, nbgrader's `raise NotImplementedError()`. */
const PLACEHOLDER_STATEMENT = /^(?:pass|\.\.\.|raise NotImplementedError\b.*)$/;
/** A comment that asks for the reader's code: `# YOUR CODE HERE`, `# <your solution>`, `# TODO: ...`, `# fill in`. */
const ASKS_FOR_CODE = /\byour\b.{0,40}\b(?:code|solution|answer|implementation)\b|\b(?:TODO|FIXME)\b|\bfill (?:in|this)\b/i;

/**
 * Whether `text` holds no code, only comments and placeholders, and marks the blank an exercise
 * leaves for the reader's code: a comment asking for it, a drawing with no word in it
 * (`# (*・ω・)ﾉ` in an answer cell), or a placeholder statement. A comment of words alone (a heading
 * cell, `# Model training`) or code put aside (`# df.head()`) marks no blank.
 */
function onlyAnswerBlank(text: string): boolean {
  let marked = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (PLACEHOLDER_STATEMENT.test(line)) { marked = true; continue; }
    if (!line.startsWith('#')) return false;
    const comment = line.replace(/^#+\s*/, '');
    if (ASKS_FOR_CODE.test(comment) || (comment !== '' && !/\p{L}{2}/u.test(comment))) marked = true;
  }
  return marked;
}

/**
 * A notebook's cells left blank for the reader's code below a module-level load, and before `until`
 * (the load's name bound again): the rest of the load's own cell, or a whole later cell, holding
 * only an exercise's blank. The data are loaded for the code the reader will write there.
 */
function answerBlankBelow(doc: RuleContext['doc'], statement: Node, until: number | undefined): boolean {
  const first = segmentIndexAtLine(doc, lineAt(doc, statement.startIndex));
  const own = doc.segments[first]!;
  // The user's text, not the parser's: a shell or magic line (`!ls`) stands there as `...`.
  if (own.isPython && statement.endIndex < own.endOffset && onlyAnswerBlank(doc.original.slice(statement.endIndex, own.endOffset))) return true;
  const next = nextBlankCell(doc)[first + 1];
  return next !== undefined && (until === undefined || doc.segments[next]!.startOffset <= until);
}

/** For each cell, the first whole cell at or below it that is an exercise's blank (onlyAnswerBlank), worked out once per notebook. */
const nextBlankCell = oncePer((doc: RuleContext['doc']): (number | undefined)[] => {
  const next: (number | undefined)[] = new Array(doc.segments.length + 1).fill(undefined);
  for (let i = doc.segments.length - 1; i >= 0; i--) {
    const segment = doc.segments[i]!;
    next[i] = segment.isPython && onlyAnswerBlank(doc.original.slice(segment.startOffset, segment.endOffset)) ? i : next[i + 1];
  }
  return next;
});

function report(context: RuleContext, { loads, dynamic, ownOutput, downloads }: Gathered): void {
  const { index, doc } = context;
  const flow = index.dataflow;
  const bindings = new BindingPositions(index);
  const timed = new TimedLoads(index);
  const reloads = new Reloads(index, loads, bindings, ownOutput);
  // A module-level name of a library module is an export: its users are in other files.
  let exportsModuleNames: boolean | undefined;
  // Where the last assignment left blank ends (`X = ` with nothing after the `=`): a template whose
  // blanks are to be filled in, which Python refuses and the parser reads as a chain.
  let blankEnd: number | undefined;
  const unused: UnusedLoad[] = [];
  const unusedByName = new Map<string, UnusedLoad[]>();
  for (const io of loads) {
    const assignment = bindingAssignment(io.call.node);
    if (!assignment || unparsed(assignment)) continue;
    // The blanks left after the load are where it would be read: its use is not written yet.
    blankEnd ??= index.nodes('assignment').reduce((end, a) => (valueOnLaterLine(doc.text, a) ? Math.max(end, a.endIndex) : end), -1);
    if (blankEnd > io.call.node.startIndex) continue;
    const names = chainTargets(assignment);
    if (names.length === 0 || names.some((name) => /^_+$/.test(name.text))) continue;
    const definitions = names.map((name) => bindings.definitionAt(name));
    if (definitions.some((d) => !d || flow.usesOf(d).length > 0)) continue;
    const scope = enclosingFunction(assignment);
    if (!scope && doc.kind === 'script' && (exportsModuleNames ??= !index.isEntryPoint)) continue;
    if (!scope && doc.kind === 'notebook' && names.some((name) => readAboveUnbound(index, name))) continue;
    if (names.some((name) => dynamic.has(name.text, scope))) continue;
    if (io.path && ownOutput.writesBefore(io.path, io.call.node.startIndex)) continue;
    if (ownOutput.writesLoad(io, assignment)) continue;
    if (isProbedInTry(assignment) || checksEachFileOfLoop(index, io, assignment)) continue;
    if (advancesHandleReadAgain(index, io)) continue;
    if (timed.has(assignment)) continue;
    if (downloads.fillsFolderUsedLater(io)) continue;

    const listed = names.map((name) => `\`${name.text}\``).join(', ');
    const path = io.path ? flow.pathOf(io.path) : undefined;
    const source = io.path && path ? ` from ${describePath(isExact(path) ? path.template : undefined, io.path)}` : '';
    const replaced = names.length === 1 ? bindings.nextBinding(definitions[0]!) : undefined;
    if (reloads.readAgainBeforeUse(io, replaced) || reloads.readIntoAnotherUsedName(io)) continue;
    // An exercise's blank below the load is where the reader's code will use it.
    if (!scope && doc.kind === 'notebook' && answerBlankBelow(doc, outermostOfChain(assignment), replaced?.node.startIndex)) continue;
    // A `del` of the name would fail once the load is gone: no fix then.
    const fix = replaced?.kind === 'delete' ? undefined : removalFix(context, io, assignment, names);
    // The same name loaded in another branch of one `if`, or under a test of one subject against
    // another constant, and never used either: one unused load.
    // (Replaced, as both are, by the same binding after the `if`.)
    const sibling = replaced?.kind === 'delete' ? undefined : (unusedByName.get(listed) ?? []).slice(-MAX_BRANCH_SIBLINGS)
      .find((earlier) => (earlier.replaced && replaced ? sameNode(earlier.replaced.node, replaced.node) : !earlier.replaced && !replaced)
        && (inExclusiveArms(earlier.assignment, assignment) || underDifferentConstants(earlier.assignment, assignment)));
    if (sibling) {
      sibling.others.push({ assignment, fix });
      continue;
    }
    const verdict: UnusedLoad = { assignment, listed, replaced, fix, others: [], earlier: [],
      reloaded: names.length === 1 && replaced?.kind !== 'delete' && reloads.reloadsSameFile(io, replaced),
      message: `${listed} ${names.length > 1 ? 'are' : 'is'} loaded${source} by \`${io.call.callee.text}\` but never used${replaced ? `: it is ${replaced.kind === 'delete' ? 'deleted' : 'replaced'} in ${placeOf(doc, replaced.node)} before any use` : ''}` };
    unused.push(verdict);
    pushTo(unusedByName, listed, verdict);
  }
  // A load replaced before any use by a load of the same file into the same name that is never used
  // either: one unused dependency, reported at the last load of the chain with the earlier ones linked.
  const foldedInto = new Map<UnusedLoad, UnusedLoad>();
  const byStatement = new Map(unused.map((verdict) => [outermostOfChain(verdict.assignment).id, verdict]));
  for (const verdict of unused) {
    if (!verdict.reloaded || verdict.replaced?.kind !== 'assign' || verdict.others.length > 0) continue;
    const later = byStatement.get(outermostOfChain(verdict.replaced.statement).id);
    if (later && later !== verdict && later.listed === verdict.listed && later.others.length === 0) foldedInto.set(verdict, later);
  }
  // Each chain's last load, found from the end so that every step is taken once.
  const last = new Map<UnusedLoad, UnusedLoad>();
  for (const verdict of [...unused].reverse()) {
    const next = foldedInto.get(verdict);
    if (next) last.set(verdict, last.get(next) ?? next);
  }
  for (const verdict of unused) last.get(verdict)?.earlier.push({ assignment: verdict.assignment, fix: verdict.fix });
  for (const { assignment, listed, replaced, fix, others, earlier, message } of unused.filter((verdict) => !last.has(verdict))) {
    const fixes = [fix, ...others.map((other) => other.fix), ...earlier.map((other) => other.fix)];
    const chain = earlier.length > 0 ? ` (nor ${earlier.length > 1 ? `are the ${earlier.length} earlier loads` : 'is the earlier load'} of the same file it replaces, linked)` : '';
    context.report({
      node: assignment,
      // Arms of one `if`, or of `if`s testing one subject against other constants.
      message: others.length > 0 ? `${message} (nor in the other branch${others.length > 1 ? 'es' : ''}${others.every((other) => inExclusiveArms(assignment, other.assignment)) ? ' of the `if`' : ''} that load${others.length > 1 ? '' : 's'} it, linked)` : message + chain,
      related: [
        ...(replaced ? [{ node: replaced.node, message: `\`${replaced.name}\` is ${replaced.kind === 'delete' ? 'deleted' : 'bound again'} here` }] : []),
        ...others.map((other) => ({ node: other.assignment, message: `${listed} loaded here too, in another branch, and never used` })),
        ...earlier.map((other) => ({ node: other.assignment, message: `${listed} loaded from the same file here too, and replaced before any use` })),
      ],
      ...(fixes.every((f) => f) ? { fix: { ...fix!, edits: fixes.flatMap((f) => f!.edits) } } : {}),
    });
  }
}

/**
 * Loads replaced, before any use, by a load of the same file that is itself used or replaced in
 * turn the same way (a script whose sections each reload their inputs): the program depends on
 * that file anyway, so the first read is only repeated work, not an underutilized dependency. A
 * chain of such loads none of which is used is still reported. A file the program writes before
 * the reload is its own output there, and the first read its only outside dependency. Each answer
 * is kept per binding, so a chain of thousands of reloads is walked once.
 */
class Reloads {
  private readonly loadOf = new Map<number, DataIO>();
  private readonly reachesUse = new Map<Definition, boolean>();
  /** The files (path key, then scope) that some load in that scope binds to a name the program uses. */
  private usedFiles: Set<string> | undefined;

  constructor(private readonly index: SemanticIndex, private readonly loads: readonly DataIO[], private readonly bindings: BindingPositions, private readonly ownOutput: OwnOutput) {
    for (const io of loads) {
      const assignment = bindingAssignment(io.call.node);
      if (assignment) this.loadOf.set(assignment.id, io);
    }
  }

  /**
   * True when the same function (or the module, every cell of a notebook) also loads the file `io`
   * reads into another name that is used (`edges = pd.read_csv(p)` unused beside `edges_df =
   * pd.read_csv(p)`): the program depends on that file anyway, and the unused read only repeats it.
   */
  readIntoAnotherUsedName(io: DataIO): boolean {
    const key = this.fileInScope(io);
    if (key === undefined) return false;
    if (!this.usedFiles) {
      this.usedFiles = new Set();
      for (const load of this.loads) {
        const assignment = bindingAssignment(load.call.node);
        const used = assignment && chainTargets(assignment).some((name) => {
          const definition = this.bindings.definitionAt(name);
          return !!definition && this.index.dataflow.usesOf(definition).length > 0;
        });
        // A loader that takes no path (`load_iris()`) reads no file the program may have written.
        const loadKey = used && !(load.path && this.ownOutput.writesBefore(load.path, load.call.node.startIndex)) ? this.fileInScope(load) : undefined;
        if (loadKey !== undefined) this.usedFiles.add(loadKey);
      }
    }
    return this.usedFiles.has(key);
  }

  /**
   * The file a load reads and how it picks its part, joined with the function it runs in: none when
   * the path is unknown or names no file with a suffix (a data set's root folder, whose
   * `train=False` is another split). The reader, its other positional arguments and the keywords
   * that choose a part of the file (a sheet, an HDF5 key, a split) must match too.
   */
  private fileInScope(io: DataIO): string | undefined {
    if (!io.path && io.call.qname && !io.call.hasSplat) {
      // A loader of the data its library ships, keyed by its arguments but those that only choose
      // the form the same rows come back in (`load_breast_cancer()` beside `return_X_y=True`).
      const keywords = [...io.call.kwargs].filter(([name]) => !SHAPE_ONLY_KEYWORDS.has(name)).map(([name, value]) => `${name}=${value.text}`).sort();
      return [enclosingFunction(io.call.node)?.id ?? -1, io.call.qname, ...io.call.args.map((arg) => arg.text), ...keywords].join('\u0000');
    }
    const value = io.path ? this.index.dataflow.pathOf(io.path) : undefined;
    const file = value && /\.[A-Za-z0-9]+$/.test(value.template) ? pathKey(value) : undefined;
    if (file === undefined || io.call.hasSplat) return undefined;
    const part = [io.call.callee.text, ...io.call.args.filter((arg) => !sameNode(arg, io.path)).map((arg) => arg.text),
      ...PART_SELECTORS.map((name) => io.call.kwargs.get(name)?.text ?? '')];
    return [enclosingFunction(io.call.node)?.id ?? -1, file, ...part].join('\u0000');
  }

  /** True when `replaced`, the binding after the unused load `io`, reads the same file and the chain it starts reaches a use. */
  readAgainBeforeUse(io: DataIO, replaced: Definition | undefined): boolean {
    if (!this.readsSameFile(io, replaced)) return false;
    const chain: Definition[] = [];
    let at = replaced;
    let answer = this.reachesUse.get(at);
    while (answer === undefined) {
      chain.push(at);
      const next = this.bindings.nextBinding(at);
      if (this.index.dataflow.usesOf(at).length > 0) answer = true;
      // readsSameFile found the load `at` binds before `at` joined the chain.
      else if (!this.readsSameFile(this.loadOf.get(outermostOfChain(at.statement).id)!, next)) answer = false;
      else answer = this.reachesUse.get((at = next));
    }
    for (const definition of chain) this.reachesUse.set(definition, answer);
    return answer;
  }

  /** True when `replaced`, the binding after the unused load `io`, loads the same file again (used or not). */
  reloadsSameFile(io: DataIO, replaced: Definition | undefined): boolean {
    return this.readsSameFile(io, replaced);
  }

  /** The load a binding makes, when it reads the file `load` read and nothing the program wrote is there. */
  private readsSameFile(load: DataIO, binding: Definition | undefined): binding is Definition {
    const again = binding?.kind === 'assign' ? this.loadOf.get(outermostOfChain(binding.statement).id) : undefined;
    // A loader that takes no path reads the data its library ships (`load_breast_cancer()`): the
    // same call, with the same arguments written out, reads the same data again.
    if (again && !again.path && !load.path) return !!load.call.qname && again.call.qname === load.call.qname && sameArguments(load.call.node, again.call.node);
    if (!again?.path || !load.path || this.ownOutput.writesBefore(again.path, again.call.node.startIndex)) return false;
    return samePath(this.index.dataflow.pathOf(load.path), this.index.dataflow.pathOf(again.path));
  }
}

/** Keywords of scikit-learn's bundled loaders that choose only the form the rows come back in (a Bunch, a tuple, frames). */
const SHAPE_ONLY_KEYWORDS = new Set(['return_X_y', 'as_frame']);

/** The argument lists of two calls, written out alike (spacing aside). */
function sameArguments(first: Node, second: Node): boolean {
  const written = (call: Node) => (call.childForFieldName('arguments')?.text ?? '').replace(/\s+/g, '');
  return written(first) === written(second);
}

/** Keywords of readers that choose one part of a file: another value reads other data. */
const PART_SELECTORS = ['sheet_name', 'key', 'split', 'name', 'table', 'usecols', 'columns', 'nrows', 'skiprows', 'dataset'];

/** Earlier unused loads of a name that a load is compared with: a bound on a generated file's pairs. */
const MAX_BRANCH_SIBLINGS = 32;

/** A verdict of report(), with the loads of the same names in other branches of one `if`. */
interface UnusedLoad {
  assignment: Node;
  listed: string;
  message: string;
  replaced: ReturnType<BindingPositions['nextBinding']>;
  fix: FixDescriptor | undefined;
  others: { assignment: Node; fix: FixDescriptor | undefined }[];
  /** Set when the load it is replaced by reads the same file into the same name. */
  reloaded?: boolean;
  /** Earlier loads of the same file into the same name, each replaced by the next before any use. */
  earlier: { assignment: Node; fix: FixDescriptor | undefined }[];
}

/**
 * The data loads, the saves (the program's own output) and the downloads are gathered by the
 * listeners; the loads are judged at finish, since a use, a code string or a download that makes
 * a load used may come anywhere after it. There is no early `undefined`: whether the file loads
 * data is the I/O catalogue's answer, which the traversal builds with the data flow; asking it
 * here would charge this rule for building it.
 */
function listen(context: RuleContext): RuleListeners {
  const { index } = context;
  const loads: DataIO[] = [];
  const gathered: Gathered = { loads, dynamic: new DynamicUses(index), ownOutput: new OwnOutput(index), downloads: new DownloadSteps(index) };
  return {
    load(io) {
      // The empty path names no file: the read fails, and no data is loaded to be left unused.
      if (holdsData(io) && !(io.path && index.dataflow.namesNoFile(io.path))) loads.push(io);
      gathered.downloads.add(io);
    },
    save(io) {
      gathered.ownOutput.add(io);
    },
    finish() {
      report(context, gathered);
    },
  };
}

/**
 * Data sets built with `download=True` (`CIFAR10("data", download=True)`) put their files under
 * their root folder. When the program names that folder again after the load, outside such loads
 * (`upload_data(path="data")`, `data_dir / "food-101" / "images"`), the files are what it uses and
 * the load is a download step, not an unused dependency.
 */
class DownloadSteps {
  private readonly calls: Node[] = [];

  constructor(private readonly index: SemanticIndex) {}

  /** Keeps a load that downloads (`download=True`). */
  add(load: DataIO): void {
    if (load.call.kwargs.get('download')?.type === 'true') this.calls.push(load.call.node);
  }

  fillsFolderUsedLater(io: DataIO): boolean {
    if (io.call.kwargs.get('download')?.type !== 'true' || !io.path) return false;
    const root = stripParens(io.path);
    const after = io.call.node.endIndex;
    const outsideDownloads = (node: Node) => node.startIndex >= after && !this.calls.some((call) => call.startIndex <= node.startIndex && node.endIndex <= call.endIndex);
    if (root.type === 'identifier') return this.index.dataflow.readsOf(root.text).some((read) => outsideDownloads(read.node));
    const folder = this.index.dataflow.stringOf(root);
    if (!folder || folder.partial) return false;
    return this.index.nodes('string').some((text) => outsideDownloads(text)
      && (text.parent?.type === 'argument_list' || text.parent?.type === 'keyword_argument')
      && this.index.dataflow.stringOf(text)?.value === folder.value);
  }
}

/** Bindings looked up by position through maps built once per name, not by scanning every binding of it per load. */
class BindingPositions {
  private readonly byName = new Map<string, Map<number, Definition>>();
  private readonly order = new Map<string, Map<Definition, number>>();

  constructor(private readonly index: SemanticIndex) {}

  definitionAt(name: Node): Definition | undefined {
    let byStart = this.byName.get(name.text);
    if (!byStart) {
      byStart = new Map();
      for (const d of this.index.definitionsOf(name.text)) if (!byStart.has(d.node.startIndex)) byStart.set(d.node.startIndex, d);
      this.byName.set(name.text, byStart);
    }
    const found = byStart.get(name.startIndex);
    return found && sameNode(found.node, name) ? found : undefined;
  }

  /**
   * The next binding of the same name in the same scope, when the unused load is overwritten by it;
   * one in another arm of the load's `if` (`if small: ds = load(a)` / `else: ds = load(b)`) never
   * runs after it.
   */
  nextBinding(definition: Definition): Definition | undefined {
    const list = this.index.definitionsIn(definition.scopeKey, definition.name);
    const key = `${definition.scopeKey}\u0000${definition.name}`;
    let positions = this.order.get(key);
    if (!positions) {
      positions = new Map(list.map((d, i) => [d, i]));
      this.order.set(key, positions);
    }
    for (let i = (positions.get(definition) ?? list.length) + 1; i < list.length; i++) {
      if (list[i].kind !== 'global' && list[i].node.startIndex > definition.node.startIndex && !inExclusiveArms(definition.node, list[i].node)
        && !underDifferentConstants(definition.node, list[i].node)) return list[i];
    }
    return undefined;
  }
}

/**
 * Files the program writes itself. Reading one back (a round trip that checks a save, a reload
 * from the program's own cache) depends on no outside data, so an unused read-back is not an
 * underutilized data dependency. File names are compared by their last component; a part
 * known only at run time (`f"part-{split}.jsonl"`) matches any text. A read of the very path a
 * save wrote (the same variable, `np.savez(out, ...)` then `np.load(out)`) is a round trip too,
 * however little of that path is known before the program runs.
 */
class OwnOutput {
  /** Each written name without run-time parts, with the offset of its first write. */
  private exact?: Map<string, number>;
  /** Each written path by its key (constant parts and the expressions filling its holes), with the offset of its first write. */
  private readonly files = new Map<string, number>();
  private patterns: { pattern: RegExp; at: number }[] = [];
  private readonly saves: DataIO[] = [];

  constructor(private readonly index: SemanticIndex) {}

  /** Keeps a save; the names it writes are worked out only when a read asks. */
  add(save: DataIO): void {
    this.saves.push(save);
  }

  writesBefore(path: Node, offset: number): boolean {
    const exact = this.collect();
    if (exact.size === 0 && this.patterns.length === 0 && this.files.size === 0) return false;
    const key = pathKey(this.index.dataflow.pathOf(path));
    if (key !== undefined && (this.files.get(key) ?? Infinity) < offset) return true;
    return this.namesRead(path).some((name) => (exact.get(name) ?? Infinity) < offset
      || this.patterns.some((w) => w.at < offset && w.pattern.test(name)));
  }

  /**
   * A save in the load's own statement that writes what was loaded: the writer the chain ends in
   * (`pd.read_csv(a).pipe(prepare).to_parquet(b)`), or one in a lambda the chain hands the data
   * to, writing its parameter (`.pipe(lambda d: d.to_feather(b))`). The load is then a conversion
   * step, used by the write, whatever the name is left holding.
   */
  writesLoad(load: DataIO, assignment: Node): boolean {
    return this.saves.some(({ call, data }) => {
      if (!data || !isAncestorOf(assignment, call.node) || isAncestorOf(load.call.node, call.node)) return false;
      if (isAncestorOf(data, load.call.node) || sameNode(data, load.call.node)) return true;
      const param = data.type === 'identifier' ? this.index.definitionFor(data) : undefined;
      return param?.kind === 'param' && param.scope.type === 'lambda' && isAncestorOf(assignment, param.scope) && !isAncestorOf(load.call.node, param.scope);
    });
  }

  private collect(): Map<string, number> {
    if (this.exact) return this.exact;
    const exact = new Map<string, number>();
    for (const io of this.saves) {
      const { call } = io;
      for (const path of io.paths) {
        const value = this.index.dataflow.pathOf(path);
        const key = pathKey(value);
        if (key !== undefined && !this.files.has(key)) this.files.set(key, call.node.startIndex);
        const name = lastComponent(value.template);
        if (!/[A-Za-z0-9]/.test(name.replace(/\{\}/g, ''))) continue;
        if (!name.includes('{}')) {
          if (!exact.has(name)) exact.set(name, call.node.startIndex);
          continue;
        }
        const source = name.split('{}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
        this.patterns.push({ pattern: new RegExp(`^${source}$`), at: call.node.startIndex });
      }
    }
    this.exact = exact;
    return exact;
  }

  /** The file names a read's path argument can name: its value, or the strings it is built from (a `data_files` dict). */
  private namesRead(path: Node): string[] {
    const names = [lastComponent(this.index.dataflow.pathOf(path).template)];
    let holder = stripParens(path);
    if (holder.type === 'identifier') holder = this.index.bindingAt(holder)?.value ?? holder;
    for (const literal of [holder, ...this.index.nodesWithin('string', holder)]) {
      if (literal.type === 'string') names.push(lastComponent(this.index.dataflow.pathOf(literal).template));
    }
    return names.filter((name) => name && !name.includes('{}'));
  }
}

function lastComponent(path: string): string {
  return path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
}

export const unusedDataSource: Rule = {
  meta: {
    code: 'MLD303',
    name: 'unused-data-source',
    category: 'underutilized-data-dependencies',
    severity: 'information',
    recommended: true,
    tags: ['unnecessary'],
    fix: { safety: 'unsafe', title: 'Remove the unused load' },
    docs: {
      summary: 'A dataset is loaded (`read_csv`, `read_parquet`, `np.load`, `load_dataset`, `spark.read`...) into a name that is never used afterwards.',
      why: 'Underutilized data dependencies (§3): a load that feeds nothing still makes the program depend on that file or table — its path, its schema, its availability and its size — with no benefit. Such inputs are left over from earlier experiments; they slow every run and break it when the data moves, and readers assume the data matters when it does not.',
      example: 'import pandas as pd\n\ntrain = pd.read_csv("data/train.csv")\ntest = pd.read_csv("data/test.csv")   # never used\nmodel.fit(train[FEATURES], train.target)',
      fix: 'Delete the load, or use the data if it was meant to be used (the finding may reveal a forgotten evaluation on the test set). The quick fix deletes the statement when it is a plain `name = load(...)` whose arguments only compute a path (not when a `del` of the name follows, which would then fail). It is unsafe: the program no longer reads the file, so it no longer fails when the file is missing or malformed, and a download no longer happens.',
      fixed: 'import pandas as pd\n\ntrain = pd.read_csv("data/train.csv")\nmodel.fit(train[FEATURES], train.target)',
      nearMisses: 'A use anywhere the binding can reach counts, including in a function body that reads the module-level name, in a notebook cell below, inside an f-string or through a mutation (`df["x"] = ...`). A load whose chain prints the data it read (`count = spark.sql(query).show()`, `.printSchema()`) is used there: the name holds what the printing call returns, `None`, not the data. Loads assigned to `_` are deliberate. A read of the empty path (`train = pd.read_csv("")`, or of `DATA_PATH` with `DATA_PATH = ""`, a template cell left to fill in) names no file and fails: it loads nothing, so nothing is left unused; a path with any part besides (`DATA_DIR + "/train.csv"`) is a file, and is still reported. Nor is a load followed by an assignment left blank (`data = load_wine()`, then `X = ` and `y = ` with nothing after the `=`, an exercise\'s blanks to fill in): Python refuses such a line, though the parser reads on and takes the next line as its value, and the blanks are where the data would be read; a blank only above the load leaves it reported, and so does an assignment whose value a backslash or an open bracket carries to the next line (`total = \\` then `a + b`, `cols = [` then `"age"]`), which is no blank. Nor, in a notebook, is a top-level load with an exercise\'s answer blank below it before its name is bound again: a code cell, or the rest of the load\'s own cell, that holds no code but a comment asking for the reader\'s code (`# YOUR CODE HERE`, `# <your code here>`, `# TODO: ...`), a drawing with no word in it (`# (*・ω・)ﾉ`), or a placeholder (`pass`, nbgrader\'s `raise NotImplementedError()`): the data are loaded for the code to be written there, and are unused only because the exercise is not done. A comment cell of words alone (a heading, `# Model training`) or of code put aside (`# test.head()`) is no such blank, nor is one above the load or after the name is bound again. A load is said to be replaced only by a binding that runs after it: one in the other arm of its `if` (`if QUICK: ref = load(small)` / `else: ref = load(full)`) is an alternative, not a replacement, and so is one under a test of the same name against another constant in a later `if` (`if cfg.level == "word": emb = np.load(p)`, then `elif cfg.level == "char": emb = np.zeros(shape)`), when nothing between them assigns that name and no loop runs both: one run sees one value. So is a test of one query of the machine the run is on against another constant (`if platform.system() == "Windows": df = pd.read_csv(a)`, then `if platform.system() == "Darwin": df = pd.read_csv(b)`; also `socket.gethostname()`, `getpass.getuser()`), which answers the same for the whole run, while a call that may answer otherwise the second time (`input()`) is not; loads of one name in such arms, none of them used, are one unused load, one finding. A module-level load in a module that only defines things is an export for other files. Names used through `globals()`, `eval`, SQL strings (`df.query("@limit")`, `duckdb.sql("... FROM df")`) or magics (`%sql`, `%store df`) count as used, and so do the options of a notebook\'s raw Colab form field (`sts_data = sts_dev #@param ["sts_dev", "sts_test"] {type:"raw"}`): the form writes the option picked into the line as code, so `sts_test` may be what runs there; a form field of another type (`{type:"string"}`) gives a string, and names nothing. Unpacking and chained assignments (`raw = df = pd.read_csv(...)`) bind one load to several names: it is unused only when every one of them is unused, and then it is one finding. A file the program itself wrote earlier (`df.to_csv("out.csv")` then `pd.read_csv("out.csv")`, or files written under a run-time name such as `f"part-{split}.jsonl"` and listed back) is a round trip, not a dependency on outside data. So is a read of the very path a save before it wrote, however little of that path is known before the program runs (`np.savez(target, ...)` then `np.load(target)`, `target` built from the arguments of its function); a read of another run-time path, or of the same name bound again to another file, is still reported. A load in a statement that does not parse (`master = pd.read_csv("index.tsv", delimiter=)`, a line still being written), or in a stretch of code the parser could not read, is not judged: the parse notice says that code was not checked, and what would use the name may not be written yet; a complete load beside a statement that does not parse is still reported. A load whose own statement writes the data out — the chain ends in a writer (`pd.read_csv(src).drop_duplicates().to_parquet(dst)`) or hands the frame to a lambda that writes it (`.pipe(lambda d: d.to_feather(dst))`) — is a conversion step: the write is its use, whatever the name is left holding; a chain that only transforms the frame, into a name never used, is still reported. A load in the body of a `try` that handles an exception (`try: df = pd.read_csv(p)` / `except UnicodeDecodeError: ...`) and whose value is never used is a probe: it checks that the file is there and parses, and the handler says what happens when it does not. So is a loop whose body only reads the file each pass names and says which one it is at (`for name in failed: print(name)`, then `frame = pd.read_csv("good_data/" + name, sep=";")`), its other statements prints, log lines, or names bound before the load only to build that path: it keeps nothing, and checks that each file parses, the error a bad file raises, right after its name, being what it shows; a loop with no such notice, one whose body does anything else, or a load of a path no pass changes is still reported. A load from an open file object whose next use reads it again (`header = np.fromfile(fp, dtype=np.int32, count=5)` before `weights = np.fromfile(fp, dtype=np.float32)`; the first of several arrays saved one after another into one file) moves the file\'s position: that read starts where the load stopped, so the load is needed whatever its value; one whose handle is next only closed or rewound (`fp.seek(0)`) is still reported. A data set built with `download=True` whose root folder the program names again after it (`upload_data(path="data")`, `root / "food-101" / "images"`) is a download step: the files it puts there are what the program uses. A load with a clock read before it and another after it among the simple statements of its block (`start = time.time()`, the load, `print(time.time() - start)`) is timed: it measures how long the reader takes, and that duration is the use; a clock read on one side only (a start time logged) or inside a loop or other block times nothing. One name loaded in the branches of one `if` and used in none of them (`if korean: news_len = pd.read_csv(a)` / `else: news_len = pd.read_csv(b)`, never read) is one unused load: one finding, at the first, linked to the others, whose fix removes every one of them; two names, or two loads of one name in one branch, stay apart. A load replaced, before any use, by a load of the same file (`y_test = np.loadtxt("y_test.txt")` again at the top of the next section of a script, or the same path spelled another way) that is used, or replaced the same way by one that is, is a repeated read: the program depends on that file anyway. A loader of the data its library ships, which takes no path (`load_breast_cancer()`, `fetch_openml("mnist_784")`), reads the same rows when called again with the same arguments, also when only the form they come back in differs (`return_X_y=True`, `as_frame=False`): such a load, unused beside one that is used, or replaced by one that is, is repeated work too, whatever files the program writes, for it reads none of them; another loader (`load_iris()` beside `load_wine()`) or another data set of the same loader (`fetch_openml("Fashion-MNIST")`) is other data, and still reported. A reload of another file, or of a file the program wrote after the first read, leaves the first read unused, and a file loaded again and again into one name with no load used is still reported, once: the chain is one unused dependency, reported at its last load with the earlier ones linked, and the quick fix removes them all (cells that each reload `prn_df.csv` and never read it give one finding, not one per cell). Likewise a load into a name never used, when the same function (or the module level, in a notebook any cell) loads the same file into another name that is used (`edges = pd.read_csv(edges_file)` left unused beside `edges_df = pd.read_csv(edges_file, names=cols)`): that file is a dependency anyway; a used load of it in another function, or one that reads what the program wrote there, leaves the unused load reported. In a notebook, a load whose name a cell above it reads with nothing binding the name before that read is not unused: that cell ran after the load\'s (out of order, which MLD805 reports), and removing the load would break it; a cell above that binds the name itself before reading it, or a load no cell reads, is still reported.',
      notebooks: 'The cells are one program: data loaded in one cell and used in any cell below is used.',
    },
  },
  listen,
};
