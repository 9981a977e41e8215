// A whole-document rule (it keeps `check`): its verdict reads the execution counts and outputs the
// notebook saved for its cells, which no node or model event carries, and compares every cell's
// count with all the others' (the longest run in order), so there is nothing to subscribe to.
import type { Node } from 'web-tree-sitter';
import { OPEN_FUNCTIONS } from '../semantics/library/io';
import type { Magic, Range, Segment } from '../documents/types';
import { lineEndOffset, segmentIndexAtLine } from '../documents/positions';
import type { Rule, RuleContext } from './types';
import type { SemanticIndex } from '../semantics';
import type { NameRead } from '../semantics/dataflow';
import type { CallSite, Definition, ImportBinding } from '../semantics/types';
import { oncePer, pushTo } from '../engine/collections';
import { chainBase, enclosingFunction, enclosingStatement, isTopLevel, outermostParens, sameNode, stripParens } from '../semantics/nodes';
import { isExact, pathKey } from '../semantics/pathValues';
import { holdsData } from '../semantics/dataio';
import { literalValue } from '../semantics/literals';
import { cellRunsNothing, magicInstallsOnly, magicSetsUpOnly, setUpOnlyCells } from './shared/installCommands';
import { listedPaths, printedFiles } from './shared/shell';
import { OUTPUT_METHODS } from './shared/models';
import { lastSegment, packageOf, randomStateKind } from './shared/libraries';
import { ENVIRONMENT_WRITERS, HARDWARE_QUERIES } from '../semantics/library/processSetup';
import { PYPLOT } from '../semantics/library/values';
import { TRANSFORM_CLASSES } from '../semantics/library/torch';

/** Indices (into `values`) of one longest strictly increasing subsequence. */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]] < values[i]) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) kept.add(i);
  return kept;
}

function cellLabel(segment: Segment): string {
  return `cell ${segment.cellIndex + 1}`;
}

/**
 * Whether a cell carries the count of a real run. Kernels number runs from 1; a 0 is a placeholder
 * some tools write into every cell of a notebook nobody ran.
 */
function ran(segment: Segment): boolean {
  return segment.executionOrder !== undefined && segment.executionOrder > 0;
}

/** One cell whose saved state does not come from the recorded top-to-bottom run. */
interface Symptom {
  segment: Segment;
  /** The finding's message when this cell is the notebook's first symptom. */
  message: string;
  /** What to say of it when it is linked from the first symptom's finding. */
  note: string;
  related: { range: Range; message: string }[];
  /** The cell it ran before although it sits below it, or after although it sits above. */
  counterpart?: Segment;
}

/**
 * Prose that tells the reader to restart the kernel ("Restart the kernel", "Kernel > Restart"), or
 * the Jupyter server that runs it ("restart Jupyter Lab", "restart the Jupyter server"): a server
 * that stops takes every kernel it started with it. A window, tab or extension of Jupyter that is
 * reloaded ("restart the JupyterLab window") is not the server, and leaves the kernel running.
 */
const RESTART_PROSE = /\brestart(?:ing)?\s+(?:the\s+|your\s+|this\s+)?(?:notebook\s+|jupyter\s+|python\s+)?(?:kernel|runtime)\b|\bkernel\s*(?:>|->|-|\u2192|&gt;)\s*restart|\brestart(?:ing)?\s+(?:the\s+|your\s+)?jupyter(?:\s*lab|\s+notebook)?\b(?:\s+server\b)?(?!\s*(?:(?:lab|notebook|server)\s*)?(?:window|tab|page|browser|extension|widget|cell)s?\b)/i;
/** A sentence that says the restart is not needed ("without restarting the kernel"). */
const NOT_NEEDED = /\b(?:without|no need|not need|needn't|don't|do not|never)\b/i;

function tellsToRestart(markdown: string): boolean {
  // Most markdown never says "restart": the sentence split below is not paid for it.
  if (!/restart/i.test(markdown)) return false;
  // Emphasis and inline HTML (`**Restart** the kernel`, `<b>Restart the kernel</b>`) are not words.
  const prose = markdown.replace(/<\/?[a-z]+[^>]*>|[*_`]/gi, '');
  return prose.split(/(?<=[.!?:])\s+|\n/).some((sentence) => RESTART_PROSE.test(sentence) && !NOT_NEEDED.test(sentence));
}

/** Signals that end the process they are sent to: 9 and 15, by number or by name. */
const ENDING_SIGNAL = /^(9|15|(signal\.)?SIG(KILL|TERM))$/;

/** A false literal: what `keep_kernel` must be for IPython's `exit` to end the kernel. */
const FALSE_LITERAL = /^(0|False|None)$/;

/**
 * `exit()` or `quit()` run by the cell itself: in a notebook these are IPython's exiter, whose
 * `keep_kernel` (the first argument, false by default) decides whether the kernel ends too, so
 * `exit(0)` ends it and `exit(1)` or `exit(keep_kernel=True)` does not. Only a call on the cell's
 * own level counts: one in a function or under an `if` is a guard that may never run.
 */
function exitsKernel(call: CallSite): boolean {
  if (call.qname !== 'builtins.exit' && call.qname !== 'builtins.quit') return false;
  const keep = call.args[0] ?? call.kwargs.get('keep_kernel');
  return (!keep || FALSE_LITERAL.test(keep.text)) && isTopLevel(enclosingStatement(call.node));
}

/**
 * The segments of the code cells that shut the kernel down to have it restarted:
 * `IPython.Application.instance().kernel.do_shutdown(True)`, `os._exit(0)`, `exit()` (exitsKernel),
 * or the process killing itself, `os.kill(os.getpid(), 9)`, as Colab notebooks do after an install.
 */
function shutdownCells(doc: RuleContext['doc'], index: SemanticIndex): Set<Segment> {
  return new Set(index.calls.filter((call) => (call.method === 'do_shutdown' && (call.args[0] ?? call.kwargs.get('restart'))?.type === 'true')
    || call.qname === 'os._exit' || exitsKernel(call)
    || (call.qname === 'os.kill' && !!call.args[0] && index.call(call.args[0])?.qname === 'os.getpid' && ENDING_SIGNAL.test(call.args[1]?.text ?? '')))
    .map((call) => doc.segments[call.segmentIndex]));
}

/**
 * The cell indices at which the notebook itself starts a new kernel session: below a markdown cell
 * that tells the reader to restart the kernel, and below a code cell that shuts the kernel down to
 * have it restarted (shutdownCells). Set-up notebooks install packages and then restart, so the
 * counts begin again there by design.
 */
function sessionStarts(doc: RuleContext['doc'], shutdowns: ReadonlySet<Segment>): number[] {
  const starts = (doc.markdown ?? []).filter((cell) => tellsToRestart(cell.text)).map((cell) => cell.cellIndex);
  for (const segment of shutdowns) starts.push(segment.cellIndex + 1);
  return starts;
}

const baseName = (path: string) => path.split('/').pop()!;
/** `./runs/log.csv` and `runs/log.csv` are one file. */
const plainPath = (path: string) => path.replace(/^(\.\/)+/, '');

/** Calls a cell may make, and modules it may import, and still only show something: Python's builtins and IPython's display. */
const SHOWING_CALL = /^(builtins|IPython\.(core\.)?display)\./;
const SHOWING_MODULE = /^IPython\.(core\.)?display(\.|$)/;
/** Line magics that write no file and move no folder: the plotting backend, extensions, settings, the environment report. */
const FILELESS_LINE_MAGIC = /^(matplotlib|pylab|load_ext|reload_ext|autoreload|aimport|config|watermark|env|who|whos|lsmagic)$/;
/** Facts about the interpreter that `sys` holds from the moment the kernel starts and that no cell changes. */
const INTERPRETER_FACT = /^(executable|version|version_info|platform|prefix|base_prefix|implementation)$/;

/**
 * Whether the notebook writes the process's environment variables anywhere: `os.environ["CUDA_VISIBLE_DEVICES"] = "1"`
 * (or `del`), `os.environ.update(...)`, `os.putenv`, a `.env` file loaded, or IPython's `%env` / `%set_env`.
 * The libraries read some of them as they start (which GPUs they see), so what they answer may depend on when that ran.
 */
function writesEnvironment(doc: RuleContext['doc'], index: SemanticIndex): boolean {
  if (doc.magics.some((magic) => magic.kind !== 'shell' && /^(env|set_env)$/.test(magic.name))) return true;
  if (index.calls.some((call) => !!call.qname && ENVIRONMENT_WRITERS.test(call.qname))) return true;
  return index.nodes('subscript').some((subscript) => {
    const object = subscript.childForFieldName('value');
    if (!object || index.qualify(object) !== 'os.environ') return false;
    const outer = outermostParens(subscript);
    const parent = outer.parent;
    if (!parent) return false;
    if (parent.type === 'assignment' || parent.type === 'augmented_assignment') return sameNode(parent.childForFieldName('left'), outer);
    return parent.type === 'delete_statement' || parent.type === 'pattern_list' || parent.type === 'tuple_pattern' || parent.type === 'expression_list';
  });
}

/** The attribute read from the name `read` reads (`__version__` of `tf.__version__`). */
function attributeReadOf(read: NameRead): string | undefined {
  const access = read.node.parent;
  if (access?.type !== 'attribute' || !sameNode(access.childForFieldName('object'), read.node)) return undefined;
  return access.childForFieldName('attribute')?.text;
}

/**
 * The cells that only show something: no other cell reads a name they bind, they read no name
 * that another cell binds (or that nothing visible binds; a module's version, which its import sets,
 * is no such read), they import only IPython's display
 * and call only builtins, its functions and functions of their own, and they run no magic or shell
 * command but one that prints files (`!cat config.yaml`) or only installs or fetches (magicSetsUpOnly), write no file and name none that another cell writes
 * (`from IPython.core.display import HTML` and a function that styles the page from a CSS file). Whenever such a
 * cell ran, it shows the same and changes nothing another cell sees.
 * Asked only of `candidates` (the cells a first pass reports or names): it reads definitions and uses cell by cell.
 */
function showOnlyCells(doc: RuleContext['doc'], index: SemanticIndex, candidates: ReadonlySet<number>): Set<number> {
  const flow = index.dataflow;
  // What each candidate holds, gathered in one pass over the model's lists.
  const held = new Map<number, { reads: NameRead[]; definitions: Definition[]; calls: CallSite[]; strings: Node[]; printed: string[]; listed: string[]; runsMore: boolean }>();
  for (const cell of candidates) held.set(cell, { reads: [], definitions: [], calls: [], strings: [], printed: [], listed: [], runsMore: false });
  const at = (node: Node) => held.get(index.segmentIndexOf(node));
  for (const read of flow.reads) at(read.node)?.reads.push(read);
  for (const definition of index.definitions) if (definition.scopeKey === 'module') at(definition.node)?.definitions.push(definition);
  for (const call of index.calls) held.get(call.segmentIndex)?.calls.push(call);
  // A magic or shell command, a file written, or an import (it runs the module's code and changes
  // what other cells' imports find: `import sagemaker.huggingface`, `import os` to set `os.environ`).
  // A shell line that only prints files (`!cat workflow.yaml`) shows them, unless something may write them (mayBeWritten).
  const otherMagics: string[] = [];
  let writingMagic = false;
  const printedIn = new Map<string, number[]>();
  for (const magic of doc.magics) {
    const segment = segmentIndexAtLine(doc, magic.range.start.line);
    const cell = held.get(segment);
    const files = magic.kind === 'shell' ? printedFiles(magic.text) : undefined;
    // A listing (`!ls ../csvs/t3*`) shows what a folder holds and changes nothing (listingMayChange).
    const listed = magic.kind === 'shell' && !files ? listedPaths(magic.text) : undefined;
    for (const file of files ?? []) pushTo(printedIn, plainPath(file), segment);
    if (!files && !listed && !(magic.kind === 'line-magic' && FILELESS_LINE_MAGIC.test(magic.name))) writingMagic = true;
    if (cell && files) cell.printed.push(...files);
    else if (cell && listed) cell.listed.push(...listed);
    // An install or fetch changes the environment and the disk, not the kernel's variables (as a
    // set-up-only cell does): beside it, a confirmation printed (`print("installed")`) still only shows.
    else if (cell && !magicSetsUpOnly(magic)) cell.runsMore = true;
    if (!files && !listed) otherMagics.push(magic.text);
  }
  const written: string[] = [];
  for (const io of flow.io) {
    if (io.direction !== 'write') continue;
    const cell = held.get(io.call.segmentIndex);
    if (cell) cell.runsMore = true;
    const name = io.path ? flow.exactPathOf(io.path)?.value.split('/').pop() : undefined;
    if (name) written.push(name);
  }
  // A figure saved (`plt.savefig("loss.png")`, `fig.savefig(path)`) is a file written too.
  for (const call of index.calls) {
    if (call.method !== 'savefig' || !call.args[0]) continue;
    const figure = flow.exactPathOf(call.args[0])?.value.split('/').pop();
    if (figure) written.push(figure);
  }
  // What writes a printed file may be out of the analysis' sight: another magic that names it
  // (`%%writefile app.py`, `!wget -O labels.csv ...`), a helper handed its name (`to_csv(df, "valid.csv")`),
  // an app that logs to it (printed again further down to show what changed). Only a file the
  // other cells name nowhere but as the path of a read (`open("workflow.yaml")`) is one nothing writes.
  const readPaths = flow.io.filter((io) => io.direction === 'read').flatMap((io) => io.paths);
  const inRead = (node: Node) => readPaths.some((path) => node.startIndex >= path.startIndex && node.endIndex <= path.endIndex);
  const mayBeWritten = (file: string, cell: number) => {
    const name = baseName(file);
    if (written.includes(name) || otherMagics.some((text) => text.includes(name))) return true;
    if (printedIn.get(plainPath(file))!.some((other) => other !== cell)) return true;
    return index.nodes('string').some((string) => index.segmentIndexOf(string) !== cell && string.text.includes(name) && !inRead(string));
  };
  // What a listing shows changes only when something writes into what it lists: any file the notebook
  // writes, any magic or shell command but prints, listings and line magics that touch no file, or a
  // path another cell names outside a read (handed to its own helper) in the listed folder or matching its glob.
  const listingMayChange = (path: string, cell: number): boolean => {
    if (written.length > 0 || writingMagic) return true;
    const parts = plainPath(path).replace(/\/+$/, '').split('/');
    const globbed = /[*?[\]]/.test(parts[parts.length - 1]!);
    const folder = (globbed ? parts.slice(0, -1) : parts).join('/');
    const pattern = globbed ? new RegExp(parts[parts.length - 1]!.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')) : undefined;
    return index.nodes('string').some((string) => {
      if (index.segmentIndexOf(string) === cell || inRead(string)) return false;
      const text = string.text.replace(/^[rbuf]*["']+|["']+$/gi, '');
      if (pattern && pattern.test(text.split('/').pop()!)) return true;
      return folder === '' || folder === '.' ? /\.\w{1,5}$|\//.test(text) : text.includes(folder);
    });
  };
  // `sys` is loaded before any cell runs, so `import sys` runs nothing and changes no other import;
  // a cell that reads from it only facts fixed when the kernel started (`print(sys.executable)`)
  // shows the same whenever it ran.
  const showsInterpreter = (binding: ImportBinding): boolean => binding.target === 'sys' && !binding.isFrom
    && index.definitions.filter((definition) => definition.binding === binding)
      .every((definition) => flow.usesOf(definition).every((use) => INTERPRETER_FACT.test(attributeReadOf(use) ?? '')));
  for (const binding of index.imports) {
    const cell = SHOWING_MODULE.test(binding.target) ? undefined : at(binding.node);
    if (cell && !showsInterpreter(binding)) cell.runsMore = true;
  }
  // A cell that names a file the notebook writes reads it (`HTML('<iframe src=plot.html>')` after `m.save('plot.html')`).
  if (written.length > 0) for (const string of index.nodes('string')) at(string)?.strings.push(string);
  // A name another cell imports, read only for its version or another dunder attribute
  // (`print(tf.__version__)`, `print(f.__doc__)`) or handed to `help`: the import set what is
  // shown, so it reads the same whenever the cell ran.
  const readsModuleMetadata = (read: NameRead): boolean => {
    const access = read.node.parent;
    const reaching = flow.reachingDefinitions(read);
    if (reaching.length === 0 || !reaching.every((definition) => definition.kind === 'import')) return false;
    if (access?.type === 'argument_list' && access.namedChildCount === 1 && access.parent?.type === 'call') {
      return index.call(access.parent)?.qname === 'builtins.help';
    }
    return /^__\w+__$/.test(attributeReadOf(read) ?? '');
  };
  // A name another cell imports from IPython's display (`from IPython.display import Image` among
  // the notebook's imports): the cell would bind the same object importing it itself.
  const readsDisplayImport = (read: NameRead): boolean => {
    const reaching = flow.reachingDefinitions(read);
    return reaching.length > 0 && reaching.every((definition) => definition.kind === 'import' && SHOWING_MODULE.test(definition.binding?.target ?? ''));
  };
  // A question about the hardware a library sees (HARDWARE_QUERIES) asked of a module another cell
  // imports (`tf.config.list_physical_devices("GPU")`, `print(torch.cuda.is_available())`): the machine
  // answers it, the same whenever the cell ran, unless the notebook writes the environment variables
  // the library reads as it starts (`os.environ["CUDA_VISIBLE_DEVICES"] = "1"`, `%env`).
  let environment: boolean | undefined;
  const hardwareQuery = (call: CallSite | undefined): boolean => !!call?.qname && HARDWARE_QUERIES.test(call.qname)
    && !(environment ??= writesEnvironment(doc, index));
  const readsHardwareQuery = (read: NameRead): boolean => {
    const reaching = flow.reachingDefinitions(read);
    if (reaching.length === 0 || !reaching.every((definition) => definition.kind === 'import')) return false;
    let callee: Node = read.node;
    while (callee.parent?.type === 'attribute' && sameNode(callee.parent.childForFieldName('object'), callee)) callee = callee.parent;
    const call = callee.parent?.type === 'call' && sameNode(callee.parent.childForFieldName('function'), callee) ? index.call(callee.parent) : undefined;
    return hardwareQuery(call);
  };
  const onlyShows = (cell: number): boolean => {
    const { reads, definitions, calls, strings, printed, listed, runsMore } = held.get(cell)!;
    if (runsMore || printed.some((file) => mayBeWritten(file, cell)) || listed.some((path) => listingMayChange(path, cell))) return false;
    const { startOffset, endOffset } = doc.segments[cell];
    const inCell = (node: Node) => node.startIndex >= startOffset && node.startIndex < endOffset;
    for (const read of reads) {
      if (read.resolution.kind === 'builtin' || readsModuleMetadata(read) || readsDisplayImport(read) || readsHardwareQuery(read)) continue;
      const reaching = read.resolution.kind === 'unknown' ? [] : flow.reachingDefinitions(read);
      if (reaching.length === 0 || reaching.some((definition) => !inCell(definition.node))) return false;
    }
    if (definitions.some((definition) => flow.usesOf(definition).some((use) => !inCell(use.node)))) return false;
    for (const call of calls) {
      if ((call.qname && SHOWING_CALL.test(call.qname)) || hardwareQuery(call)) continue;
      // Its own function (a name bound in the cell: one bound elsewhere was a read from another cell),
      // or a method of a value it made (`open(path).read()`).
      const callee = call.callee.type === 'identifier' ? flow.readAt(call.callee) : undefined;
      if (callee?.resolution.kind !== 'local' && (call.qname || call.method === undefined)) return false;
    }
    return !strings.some((string) => written.some((name) => string.text.includes(name)));
  };
  return new Set([...candidates].filter(onlyShows));
}

/** Statements that only bind modules or names from them. */
const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/** Setters of how values are printed: pandas' display options and NumPy's print options. */
const PRINT_SETTINGS = new Set(['pandas.set_option', 'numpy.set_printoptions']);

/** Setters of the style figures are drawn in (seaborn's themes, matplotlib's style sheets): how a plot looks, not what it shows. */
const PLOT_STYLE_SETTINGS = new Set([
  'seaborn.set', 'seaborn.set_theme', 'seaborn.set_style', 'seaborn.set_context', 'seaborn.set_palette',
  'matplotlib.style.use', 'matplotlib.pyplot.style.use',
]);

/** Filters of which warnings are printed; their first argument (`action`) says what to do with a match. */
const WARNING_FILTERS = new Set(['warnings.filterwarnings', 'warnings.simplefilter']);

/**
 * A statement that only picks how values are shown: `pd.options.display.max_colwidth = 0`,
 * `pd.set_option("display.max_columns", None)`, `np.set_printoptions(precision=3)`, the style
 * figures are drawn in, `sns.set(style="whitegrid")`, `plt.style.use("ggplot")`, or which
 * warnings are printed, `warnings.filterwarnings("ignore")`. Nothing a cell computes depends on it,
 * so it leaves an import cell one that only imports. The `"error"` action turns a warning into an
 * exception, which stops a cell, so that filter (or one whose action is not written out) is not one.
 */
function setsDisplayOnly(index: SemanticIndex, statement: Node): boolean {
  const node = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
  if (node?.type === 'assignment') {
    const target = node.childForFieldName('left');
    return target?.type === 'attribute' && /^pandas\.options\.display\./.test(index.qualify(target) ?? '');
  }
  const call = node?.type === 'call' ? index.call(node) : undefined;
  if (!call?.qname) return false;
  if (WARNING_FILTERS.has(call.qname)) {
    const action = call.args[0] ?? call.kwargs.get('action');
    const value = action ? index.literal(action) : undefined;
    return value?.kind === 'string' && value.value !== 'error';
  }
  if (PLOT_STYLE_SETTINGS.has(call.qname)) return true;
  if (!PRINT_SETTINGS.has(call.qname)) return false;
  if (call.qname === 'numpy.set_printoptions') return true;
  const option = call.args[0] ? index.literal(call.args[0]) : undefined;
  return option?.kind === 'string' && option.value.startsWith('display.');
}

/** Methods of `sys.path` that put a folder on it. */
const IMPORT_PATH_EDITS = new Set(['sys.path.append', 'sys.path.insert', 'sys.path.extend']);

/**
 * `sys.path.append("../src")` (or `insert`, `extend`) beside the imports it serves: it only says
 * where modules are found, and the modules the cell imported are already in `sys.modules`, so
 * run again after the cells below it, it changes nothing they computed.
 */
function extendsImportPath(index: SemanticIndex, statement: Node): boolean {
  const node = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
  const call = node?.type === 'call' ? index.call(node) : undefined;
  return !!call?.qname && IMPORT_PATH_EDITS.has(call.qname);
}

/**
 * `drive.mount("/content/drive")` of Colab's `google.colab.drive`: the mount belongs to the machine,
 * which outlives a restart of the kernel, and mounting again finds it there ("Drive already
 * mounted"), so re-run after the cells below it, it leaves the files they read as they were.
 */
function mountsDrive(index: SemanticIndex, statement: Node): boolean {
  const node = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
  return node?.type === 'call' && index.call(node)?.qname === 'google.colab.drive.mount';
}

/** Steps of Spark's session builder that only name the session and its settings. */
const SPARK_BUILDER_STEPS = new Set(['appName', 'master', 'config', 'enableHiveSupport', 'remote']);

/**
 * `spark = SparkSession.builder.appName("eda").getOrCreate()`: the session is the kernel's one
 * Spark session, which `getOrCreate()` hands back when it exists, so run again after the cells below
 * it, the cell binds the session they ran with (a builder given only values written out, and no cell
 * that stops the session, after which it would start a new one).
 */
function getsSparkSession(index: SemanticIndex, statement: Node): boolean {
  const node = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
  const target = node?.type === 'assignment' ? node.childForFieldName('left') : undefined;
  const value = node?.type === 'assignment' ? node.childForFieldName('right') : undefined;
  if (target?.type !== 'identifier' || value?.type !== 'call') return false;
  const last = index.call(value);
  if (last?.method !== 'getOrCreate' || last.args.length > 0 || last.kwargs.size > 0) return false;
  let receiver = last.receiver;
  for (let steps = 0; receiver?.type === 'call' && steps < 16; steps++) {
    const site = index.call(receiver);
    const written = [...(site?.args ?? []), ...(site?.kwargs.values() ?? [])].every((arg) => index.literal(arg) !== undefined);
    if (!site?.method || !SPARK_BUILDER_STEPS.has(site.method) || site.hasSplat || !written) return false;
    receiver = site.receiver;
  }
  if (receiver?.type !== 'attribute' || index.qualify(receiver) !== 'pyspark.sql.SparkSession.builder') return false;
  const name = target.text;
  return !index.methodCalls('stop').some((site) => {
    const text = site.receiver?.text ?? '';
    return text === name || text.startsWith(`${name}.`);
  });
}

/** `tf.__version__`: the version of a module the file imports, which comes with the import. */
function importedVersion(index: SemanticIndex, node: Node): boolean {
  if (node.type !== 'attribute' || node.childForFieldName('attribute')?.text !== '__version__') return false;
  const module = index.qualify(node.childForFieldName('object')!);
  return !!module && !module.startsWith('builtins.');
}

/**
 * A statement that only shows the versions of what the cell imports, with labels:
 * `print(tf.__version__)`, `print("torch", torch.__version__)`, `print(f"sklearn {sklearn.__version__}")`,
 * Python 2's `print sklearn.__version__`, or the bare `np.__version__` a cell displays. It changes
 * nothing, and what it shows comes with the import, whenever the cell runs again.
 */
function showsVersionsOnly(index: SemanticIndex, statement: Node): boolean {
  const node = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
  const call = node?.type === 'call' ? index.call(node) : undefined;
  const shown = statement.type === 'print_statement' ? statement.namedChildren.filter((child): child is Node => !!child)
    : call ? (call.qname === 'builtins.print' && !call.hasSplat && call.kwargs.size === 0 ? call.args : [])
      : node ? [node] : [];
  const label = (arg: Node) => arg.type === 'string' && !arg.namedChildren.some((part) => part?.type === 'interpolation');
  const version = (arg: Node) => importedVersion(index, arg) || (arg.type === 'string'
    && arg.namedChildren.some((part) => part?.type === 'interpolation')
    && arg.namedChildren.every((part) => part?.type !== 'interpolation' || (!!part.firstNamedChild && importedVersion(index, part.firstNamedChild))));
  return shown.some(version) && shown.every((arg) => label(arg) || version(arg));
}

/** The exceptions a failed import raises, and the broad ones that hold them. */
const IMPORT_FAILURE = /^(ImportError|ModuleNotFoundError|Exception|BaseException)$/;

/** A handler's caught types, or `[]` for a bare `except:`; undefined when a type is not a plain name. */
function caughtNames(handler: Node): string[] | undefined {
  const value = handler.childForFieldName('value') ?? handler.namedChildren.find((child) => child?.type !== 'block' && child?.type !== 'comment');
  if (!value) return [];
  const caught = value.type === 'as_pattern' ? value.namedChildren[0] : value;
  const types = caught?.type === 'tuple' || caught?.type === 'parenthesized_expression' ? caught.namedChildren : [caught];
  const names = types.map((type) => type?.type === 'identifier' ? type.text : undefined);
  return names.every((name): name is string => name !== undefined) ? names : undefined;
}

/**
 * A statement of an import's fallback: an import, `pass`, a `def` or `class` that stands in for what
 * failed to import, or a plain name bound to a literal (`tqdm = None`, `HAS_SHAP = False`).
 */
function fallbackStatement(index: SemanticIndex, statement: Node): boolean {
  return IMPORTS.has(statement.type) || statement.type === 'pass_statement' || statement.type === 'function_definition'
    || statement.type === 'class_definition' || bindsFlag(index, statement);
}

/** `HAS_SHAP = False`: a plain name bound to a literal. */
function bindsFlag(index: SemanticIndex, statement: Node): boolean {
  const node = statement.type === 'expression_statement' ? statement.firstNamedChild : undefined;
  if (node?.type !== 'assignment') return false;
  const target = node.childForFieldName('left');
  const value = node.childForFieldName('right');
  return target?.type === 'identifier' && !!value && index.literal(value) !== undefined;
}

/**
 * `try: from tqdm.auto import tqdm` / `except ImportError: def tqdm(it, **kw): return it`: an import
 * of an optional module with what stands in for it when the module is missing. The body only imports
 * (and binds flags to literals, `HAS_SHAP = True`) and every handler catches a failed import
 * (`ImportError`, `ModuleNotFoundError`, or a broad `Exception`) and only imports another module,
 * defines the stand-in or binds a flag to a literal;
 * no `else` or `finally` runs anything besides. Whether the import fails depends on the environment,
 * not on the cells, so run again it takes the same branch and binds the same names.
 */
function importsWithFallback(index: SemanticIndex, statement: Node): boolean {
  if (statement.type !== 'try_statement') return false;
  const body = statement.childForFieldName('body');
  const bodyStatements = body?.namedChildren.filter((node): node is Node => !!node && node.type !== 'comment') ?? [];
  if (!bodyStatements.some((node) => IMPORTS.has(node.type)) || !bodyStatements.every((node) => IMPORTS.has(node.type) || bindsFlag(index, node))) return false;
  const clauses = statement.namedChildren.filter((node): node is Node => !!node && node !== body && node.type !== 'comment');
  return clauses.length > 0 && clauses.every((clause) => {
    if (clause.type !== 'except_clause') return false;
    const names = caughtNames(clause);
    if (!names || !names.every((name) => IMPORT_FAILURE.test(name))) return false;
    const block = clause.namedChildren.find((child) => child?.type === 'block');
    return !!block && block.namedChildren.every((node) => !node || node.type === 'comment' || fallbackStatement(index, node));
  });
}

/**
 * The statements of each cell's code besides comments and magics: a magic line is parsed as a
 * placeholder statement, which the callers judge by the magic's name instead.
 */
function codeStatements(doc: RuleContext['doc']): (root: Node) => Node[] {
  const magicLines = new Set(doc.magics.map((magic) => magic.range.start.line));
  return (root) => root.namedChildren.filter((node): node is Node => !!node && node.type !== 'comment' && !magicLines.has(node.startPosition.row));
}

/**
 * The cells that only import (every statement an import, besides comments, `%matplotlib inline`,
 * IPython's autoreload set up (setsUpAutoreload), itself an import, an import of an optional module
 * with its fallback (importsWithFallback), display settings, which
 * pick how figures and values are shown, the versions of the imports shown (showsVersionsOnly), and
 * Colab's drive mounted (mountsDrive), which a re-run leaves mounted as it was, and a folder put on
 * the import path for them (extendsImportPath)). Python runs a module once and a later import finds it
 * in `sys.modules`, so such a cell binds the same names whenever it runs again: re-run after the
 * cells below it (an import added to the top cell), it changes nothing they computed.
 */
function importOnlyCells(doc: RuleContext['doc'], index: SemanticIndex): Set<number> {
  const codeOf = codeStatements(doc);
  const cells = new Set<number>();
  const autoreload = new Set(doc.magics.filter(setsUpAutoreload).map((magic) => magic.segmentIndex));
  for (const root of index.roots) {
    const statements = codeOf(root);
    const segment = index.segmentIndexOf(root);
    const binds = (node: Node) => IMPORTS.has(node.type) || importsWithFallback(index, node) || mountsDrive(index, node) || getsSparkSession(index, node);
    if ((autoreload.has(segment) || statements.some(binds)) && statements.every((node) => binds(node) || setsDisplayOnly(index, node) || showsVersionsOnly(index, node) || extendsImportPath(index, node))) {
      cells.add(segment);
    }
  }
  for (const magic of doc.magics) {
    const setting = magic.name === 'matplotlib' && (magic.kind === 'line-magic' || magic.kind === 'automagic');
    if (!setting && !setsUpAutoreload(magic)) cells.delete(magic.segmentIndex);
  }
  return cells;
}

/**
 * The cells among importOnly whose every statement is a plain import (no magic, setting, mount or
 * import path beside it, no `*` import), each with the other cells that use what it gives: those
 * that read a name it binds or import one of its modules (a submodule imported here is an attribute
 * of the package there).
 */
function plainImportUsers(doc: RuleContext['doc'], index: SemanticIndex, importOnly: ReadonlySet<number>): Map<number, Set<number>> {
  const magicCells = new Set(doc.magics.map((magic) => magic.segmentIndex));
  const root = (target: string) => target.split('.')[0];
  const names = new Map<number, Set<string>>();
  const modules = new Map<number, Set<string>>();
  for (const cell of importOnly) if (!magicCells.has(cell)) { names.set(cell, new Set()); modules.set(cell, new Set()); }
  for (const node of index.roots) {
    const cell = index.segmentIndexOf(node);
    if (!names.has(cell)) continue;
    const plain = node.namedChildren.every((child) => child!.type === 'comment' || (IMPORTS.has(child!.type) && !child!.namedChildren.some((part) => part?.type === 'wildcard_import')));
    if (!plain) names.delete(cell);
  }
  const importedIn = new Map<string, number[]>();
  for (const binding of index.imports) {
    const cell = index.segmentIndexOf(binding.node);
    if (names.has(cell)) { names.get(cell)!.add(binding.local); modules.get(cell)!.add(root(binding.target)); }
    pushTo(importedIn, root(binding.target), cell);
  }
  const readIn = new Map<string, number[]>();
  for (const read of index.dataflow.reads) pushTo(readIn, read.name, index.segmentIndexOf(read.node));
  const users = new Map<number, Set<number>>();
  for (const [cell, bound] of names) {
    if (bound.size === 0) continue;
    const others = new Set<number>();
    for (const module of modules.get(cell)!) for (const other of importedIn.get(module) ?? []) if (other !== cell) others.add(other);
    for (const name of bound) for (const other of readIn.get(name) ?? []) if (other !== cell) others.add(other);
    users.set(cell, others);
  }
  return users;
}

/**
 * The plain import cells (plainImportUsers) whose names and modules no other cell uses: whenever
 * such a cell ran, early or late, it gave the other cells nothing they could use, so its count is
 * not compared (a leftover `from llama_index.llms.openai import OpenAI` at the end, run third).
 */
function unusedImportCells(users: ReadonlyMap<number, ReadonlySet<number>>): Set<number> {
  return new Set([...users].filter(([, others]) => others.size === 0).map(([cell]) => cell));
}

/**
 * The plain import cells (plainImportUsers) used only by cells below them (`import torch` run
 * before the split cell above it, which reads no `torch`, and read by the training cell below):
 * the cells above cannot have used what it gave, so where every cell below ran after it, a
 * top-to-bottom run gives the same state.
 */
function importsUsedBelowCells(users: ReadonlyMap<number, ReadonlySet<number>>): Set<number> {
  return new Set([...users].filter(([cell, others]) => others.size > 0 && [...others].every((other) => other > cell)).map(([cell]) => cell));
}

/** Modules through which a cell changes what a later import finds: the import path, the working folder, the environment, installed packages. */
const IMPORT_SETTING_MODULES = new Set(['sys', 'os', 'importlib', 'site', 'subprocess', 'shutil', 'pip']);

/**
 * The cells that may change what an import run after them finds: a magic or shell command (`%cd`,
 * `!pip install`, `%env`), or a use of `sys`, `os`, `importlib` and the like (`sys.path.append`,
 * `os.chdir`, `os.environ[...] = ...`). An import cell run before such a cell above it found the
 * session as that cell had not yet left it.
 */
function importSettingCells(doc: RuleContext['doc'], index: SemanticIndex): Set<number> {
  const cells = new Set(doc.magics.map((magic) => magic.segmentIndex));
  const locals = new Set<string>();
  for (const binding of index.imports) {
    if (!IMPORT_SETTING_MODULES.has(binding.target.split('.')[0])) continue;
    cells.add(index.segmentIndexOf(binding.node));
    locals.add(binding.local);
  }
  for (const read of index.dataflow.reads) if (locals.has(read.name)) cells.add(index.segmentIndexOf(read.node));
  return cells;
}

/**
 * The watermark extension's report of the environment (`%load_ext watermark`, then `%watermark -n -u
 * -v -iv`): the date, the machine, and the versions of Python and of the packages imported. It reads
 * and binds no variable and changes nothing; run again it shows the same session's facts.
 */
function reportsEnvironment(magic: Magic): boolean {
  if (magic.kind !== 'line-magic' && magic.kind !== 'automagic') return false;
  return magic.name === 'watermark' || ((magic.name === 'load_ext' || magic.name === 'reload_ext') && /^%?\w+\s+watermark\s*$/.test(magic.text));
}

/**
 * The cells that only report the environment: every line a comment or a watermark magic
 * (reportsEnvironment). Like a cell of imports no other cell uses, whenever it ran it gave the
 * other cells nothing, so its count is compared only where another cell shares it: the report then
 * comes from another session than the results it sits beside.
 */
function environmentReportCells(doc: RuleContext['doc'], index: SemanticIndex): Set<number> {
  const codeOf = codeStatements(doc);
  const cells = new Set(doc.magics.filter(reportsEnvironment).map((magic) => magic.segmentIndex));
  for (const magic of doc.magics) if (!reportsEnvironment(magic)) cells.delete(magic.segmentIndex);
  for (const root of index.roots) {
    const segment = index.segmentIndexOf(root);
    if (cells.has(segment) && codeOf(root).length > 0) cells.delete(segment);
  }
  return cells;
}

/**
 * IPython's autoreload set up (`%load_ext autoreload`, `%reload_ext autoreload`, `%autoreload 2`,
 * `%aimport src.data`): an import of the extension, which IPython loads once ("already loaded" when
 * the cell runs again), and the choice of when edited modules are read again; re-run later, it
 * leaves the session as the cells below ran in. So does an extension that only formats the cells'
 * code with black (`%load_ext lab_black`, `nb_black`, `jupyter_black`): it rewrites the text in the
 * editor into code of the same syntax tree and computes nothing. Another extension
 * (`%load_ext cudf.pandas`) may change what they compute.
 */
function setsUpAutoreload(magic: Magic): boolean {
  if (magic.kind !== 'line-magic' && magic.kind !== 'automagic') return false;
  if (magic.name === 'autoreload' || magic.name === 'aimport') return true;
  return (magic.name === 'load_ext' || magic.name === 'reload_ext') && /^%?\w+\s+(autoreload|lab_black|nb_black|jupyter_black)\s*$/.test(magic.text);
}

/**
 * Line magics that set the kernel's state but bind none of its variables: the plotting backend
 * (`%matplotlib inline`; not `%pylab`, which imports NumPy's and pyplot's names), the working
 * folder (`%cd ..`, `%pwd`), environment variables (`%env`, `%set_env`) and a configurable's
 * options (`%config InlineBackend.figure_format = "retina"`).
 */
const NAMELESS_MAGICS = new Set(['matplotlib', 'cd', 'pwd', 'env', 'set_env', 'config']);

/** What a cell binds at module level and the names it reads, worked out from the model's lists. */
interface CellNames {
  binds: Set<string>;
  /** The names among `binds` that its imports bind: run again, an import binds the same module. */
  imported: Set<string>;
  /** Every name it reads, in function bodies too. */
  reads: Set<string>;
  /** The names it reads as it runs: outside function bodies (decorators, defaults, base classes, class bodies). */
  readsNow: Set<string>;
  /**
   * The module's names read by the bodies of the notebook's functions it reads as it runs, and of
   * the functions those read in turn (`process_split(train)`, whose body calls `encode_sample`):
   * calling a function runs its body, so they are read as the cell runs too.
   */
  readsByCalls?: Set<string>;
  /** It runs a magic, a `*` import, or `exec`, `eval` or `globals()`: what it binds or reads is beyond sight. */
  opaque: boolean;
  /**
   * It may bind names no parse shows: `opaque`, less the shell escapes (`!nvidia-smi`, `!ls data`)
   * and the line magics that set no variable (NAMELESS_MAGICS). A shell escape runs in a subshell,
   * which cannot bind the kernel's names; its output bound by an assignment (`files = !ls`) binds
   * the name written out, which the parse sees.
   */
  hidesNames: boolean;
  /** Names it binds only for its own use, as other observing cells do (markThrowawayNames). */
  throwaway?: Set<string>;
  /**
   * The names its imports bind that every binding in the notebook imports from the one same place
   * (`from matplotlib.ticker import PercentFormatter` in each cell that binds it): whichever of those
   * imports ran, the name holds that one object.
   */
  importedAlike?: Set<string>;
}

/**
 * How many cells out of order the rule asks which cells they ran before or after, by a scan of the
 * notebook each (`outOfOrderWith`), to leave out the ones that commute: bounds the work on a
 * notebook of thousands of cells run in reverse.
 */
const MAX_COMMUTE_SCANS = 400;

/** Top-level statements that only define: a function, a class (decorated or not), an import. */
const DEFINING = new Set(['function_definition', 'class_definition', 'decorated_definition', ...IMPORTS]);
/** Calls that make a class, as a `class` statement does: `Feat = namedtuple("Feat", ["name", "size"])`. */
const CLASS_FACTORIES = new Set(['collections.namedtuple', 'typing.NamedTuple', 'typing.TypedDict', 'typing.TypeVar', 'typing.NewType']);

/** `Point = namedtuple("Point", "x y")`: one name bound to a class a factory makes. */
/**
 * `print("✅ Helpers ready")`: a statement that prints text written out in full (strings with no
 * `{...}` filled in), a confirmation beside a cell's definitions that reads and binds nothing.
 */
function printsConstantText(index: SemanticIndex, statement: Node): boolean {
  const call = statement.type === 'expression_statement' && statement.namedChildCount === 1 && statement.firstNamedChild?.type === 'call' ? index.call(statement.firstNamedChild) : undefined;
  const constant = (node: Node): boolean => node.type === 'string' ? !node.namedChildren.some((part) => part?.type === 'interpolation') : node.type === 'concatenated_string' && node.namedChildren.every((part) => !!part && constant(part));
  return call?.qname === 'builtins.print' && call.kwargs.size === 0 && !call.hasSplat && call.args.every(constant);
}

function definesClass(index: SemanticIndex, statement: Node): boolean {
  const assignment = statement.type === 'expression_statement' && statement.namedChildCount === 1 ? statement.firstNamedChild : null;
  const value = assignment?.type === 'assignment' && assignment.childForFieldName('left')?.type === 'identifier' ? assignment.childForFieldName('right') : null;
  const qname = value?.type === 'call' ? index.call(value)?.qname : undefined;
  return !!qname && CLASS_FACTORIES.has(qname);
}

/**
 * A value written out in full: a number, a string with nothing filled in, `True`, `False`, `None`, or a
 * list, tuple, set or dictionary of such values (`[61, 185, 40]`, `{"lr": 1e-3}`). It reads no name and
 * calls nothing.
 */
function writtenOutValue(input: Node): boolean {
  const node = stripParens(input);
  if (literalValue(node)) return true;
  if (node.type === 'list' || node.type === 'tuple' || node.type === 'set') return node.namedChildren.every((part) => !!part && (part.type === 'comment' || writtenOutValue(part)));
  if (node.type === 'dictionary') {
    return node.namedChildren.every((pair) => !!pair && (pair.type === 'comment' || (pair.type === 'pair' && writtenOutValue(pair.childForFieldName('key')!) && writtenOutValue(pair.childForFieldName('value')!))));
  }
  return false;
}

/**
 * `ROWS_PER_FRAME = 543`, `LIP = [61, 185, 40]`: one plain name bound to a value written out in full
 * (writtenOutValue), the constant a cell's functions read when they are called. It reads nothing and
 * computes nothing, so running it again binds the same value, as a `def` binds the same function.
 */
function bindsWrittenOutConstant(statement: Node): boolean {
  const assignment = statement.type === 'expression_statement' && statement.namedChildCount === 1 ? statement.firstNamedChild : null;
  if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.type !== 'identifier') return false;
  const value = assignment.childForFieldName('right');
  return !!value && writtenOutValue(value);
}
const NAMES_BEYOND_SIGHT = new Set(['builtins.exec', 'builtins.eval', 'builtins.globals']);

/**
 * `globals()` only asked whether a name written out is bound (`"__file__" in globals()`, the
 * test a notebook makes to tell whether it runs as a script): it reads that one name and binds
 * nothing, so it hides no name.
 */
function asksWhetherBound(call: CallSite): boolean {
  if (call.qname !== 'builtins.globals' || call.args.length > 0) return false;
  const node = outermostParens(call.node);
  const test = node.parent;
  if (test?.type !== 'comparison_operator' || test.namedChildren.length !== 2 || !sameNode(test.namedChildren[1]!, node)) return false;
  const operator = test.children.slice(1, -1).map((part) => part?.type).join(' ');
  return (operator === 'in' || operator === 'not in') && stripParens(test.namedChildren[0]!).type === 'string';
}

/**
 * The names of every cell (CellNames), and the cells that only define functions and classes (every
 * statement a `def`, a `class`, an import, a bare string or a constant written out in full, with one `def` or `class` at least, no
 * magic and no `*` import). Running such a cell binds its names and runs nothing else: a function's
 * body reads the names it uses when it is called, not when the cell runs.
 */
function definitionCells(doc: RuleContext['doc'], index: SemanticIndex): { names: Map<number, CellNames>; definitionOnly: Set<number>; observing: Map<number, CellEffects>; selfContained: Set<number>; inert: Set<number> } {
  const names = new Map<number, CellNames>();
  const of = (segment: number): CellNames => {
    let cell = names.get(segment);
    if (!cell) names.set(segment, cell = { binds: new Set(), imported: new Set(), reads: new Set(), readsNow: new Set(), opaque: false, hidesNames: false });
    return cell;
  };
  // The one place every module-level binding of a name imports it from (null: some binding does otherwise).
  const importedFrom = new Map<string, string | null>();
  for (const definition of index.definitions) {
    if (definition.scopeKey !== 'module') continue;
    const cell = of(index.segmentIndexOf(definition.node));
    cell.binds.add(definition.name);
    if (definition.kind === 'import') cell.imported.add(definition.name);
    const target = definition.kind === 'import' ? definition.binding?.target ?? null : null;
    const before = importedFrom.get(definition.name);
    importedFrom.set(definition.name, before === undefined || before === target ? target : null);
  }
  for (const cell of names.values()) {
    for (const name of cell.imported) if (importedFrom.get(name)) (cell.importedAlike ??= new Set()).add(name);
  }
  for (const read of index.dataflow.reads) {
    if (read.resolution.kind === 'builtin') continue;
    const cell = of(index.segmentIndexOf(read.node));
    cell.reads.add(read.name);
    const body = read.function?.childForFieldName('body');
    if (!body || read.node.startIndex < body.startIndex || read.node.startIndex >= body.endIndex) cell.readsNow.add(read.name);
  }
  addReadsByCalls(index, names);
  for (const magic of doc.magics) {
    const cell = of(magic.segmentIndex);
    cell.opaque = true;
    if (!(magic.kind === 'shell' && !magic.text.startsWith('!!')) && !((magic.kind === 'line-magic' || magic.kind === 'automagic') && NAMELESS_MAGICS.has(magic.name))) cell.hidesNames = true;
  }
  for (const call of index.calls) if (call.qname && NAMES_BEYOND_SIGHT.has(call.qname) && !asksWhetherBound(call)) of(call.segmentIndex).opaque = of(call.segmentIndex).hidesNames = true;
  const definitionOnly = new Set<number>();
  for (const root of index.roots) {
    const segment = index.segmentIndexOf(root);
    const statements = root.namedChildren.filter((node): node is Node => !!node && node.type !== 'comment');
    if (statements.some((node) => IMPORTS.has(node.type) && node.namedChildren.some((part) => part?.type === 'wildcard_import'))) of(segment).opaque = of(segment).hidesNames = true;
    const bareString = (node: Node) => node.type === 'expression_statement' && node.namedChildCount === 1 && node.firstNamedChild?.type === 'string';
    if (statements.some((node) => DEFINING.has(node.type) && !IMPORTS.has(node.type))
      && statements.every((node) => DEFINING.has(node.type) || bareString(node) || definesClass(index, node) || bindsWrittenOutConstant(node) || printsConstantText(index, node) || setsDisplayOnly(index, node))) definitionOnly.add(segment);
  }
  for (const segment of definitionOnly) if (of(segment).opaque) definitionOnly.delete(segment);
  const readsQuietly = readsUnwrittenFile(doc, index);
  const observing = observingCells(doc, index, names, readsQuietly);
  markThrowawayNames(index, names, observing);
  return { names, definitionOnly, observing, selfContained: selfContainedCells(index, names, observing, readsQuietly), inert: inertCells(doc, index, names, definitionOnly, observing, readsQuietly) };
}

/**
 * Cells that keep no output and leave nothing any cell that ran uses: a cell of definitions whose
 * functions and classes no such cell reads or calls, or one that only observes, draws nothing, plots
 * nothing and writes only files no cell reads by name, whose names no such cell reads
 * (`img = plot_model(model, to_file="cnn.png")`). Whichever session ran one, no saved result depends on
 * it, so it is left out of the comparison, a count it shares with another cell included. Its calls
 * must only work out values or write such files.
 */
function inertCells(doc: RuleContext['doc'], index: SemanticIndex, names: ReadonlyMap<number, CellNames>, definitionOnly: ReadonlySet<number>, observing: ReadonlyMap<number, CellEffects>, readsQuietly: (call: CallSite) => boolean): Set<number> {
  const ranCell = (i: number) => { const segment = doc.segments[i]; return !!segment && (ran(segment) || !!segment.hasOutputs); };
  // The names the cells that ran read, also through the notebook's functions they call.
  const readByRan = new Set<string>();
  for (const [i, cell] of names) if (ranCell(i)) for (const name of [...cell.reads, ...cell.readsByCalls ?? []]) readByRan.add(name);
  const readFiles = new Set<string>();
  let unknownRead = false;
  for (const io of index.dataflow.io) {
    if (io.direction !== 'read') continue;
    for (const path of io.paths) {
      const value = index.dataflow.pathOf(path);
      const key = isExact(value) ? pathKey(value) : undefined;
      if (key) readFiles.add(key);
      else unknownRead = true;
    }
  }
  const found = new Set<number>();
  for (const [i, cell] of names) {
    const segment = doc.segments[i];
    // Only outputs known to be absent: a notebook the editor hands over says nothing of them.
    if (!segment || segment.hasOutputs !== false || cell.opaque) continue;
    const effects = observing.get(i);
    const quiet = definitionOnly.has(i) || (!!effects && !effects.plots && (effects.draws?.size ?? 0) === 0
      && (!effects.writes || (!!effects.written && !unknownRead && [...effects.written].every((key) => !readFiles.has(key)))));
    if (quiet && [...cell.binds].every((name) => !readByRan.has(name))) found.add(i);
  }
  // An observing cell's other calls must only work out values or write those files: a method of an
  // object another cell made (`predictor.predict(data)` on a deployed endpoint) may act outside the kernel.
  for (const call of index.calls) {
    if (!found.has(call.segmentIndex) || definitionOnly.has(call.segmentIndex)) continue;
    const writes = FILE_WRITERS.test(call.qname ?? '') || MODEL_DIAGRAMS.test(call.qname ?? '') || (!call.qname && !!call.method && WRITING_METHODS.test(call.method));
    if (!writes && !worksOutOnly(index, call, readsQuietly)) found.delete(call.segmentIndex);
  }
  return found;
}

/** Whether `node` is a value the cell `at` made itself, or one written out (`"a b".split()`), through its attributes, items and calls. */
function madeInCell(index: SemanticIndex, node: Node | null | undefined, at: number): boolean {
  const object = node ? chainBase(node) : undefined;
  if (!object) return false;
  if (object.type !== 'identifier') return writtenOutValue(object);
  const read = index.dataflow.readAt(object);
  const reaching = read ? index.dataflow.reachingDefinitions(read) : [];
  return reaching.length > 0 && reaching.every((definition) => index.segmentIndexOf(definition.node) === at && definition.kind !== 'import');
}

/** A call that only works out a new value: a pure builtin or module function, a class built quietly (buildsQuietly), a read of a file no cell writes, or a method of what the cell made itself. */
function worksOutOnly(index: SemanticIndex, call: CallSite, readsQuietly: (call: CallSite) => boolean): boolean {
  const qname = call.qname ?? '';
  const pure = qname.startsWith('builtins.') ? PURE_BUILTINS.has(qname.slice(9)) : PURE_FUNCTION.test(qname) && !call.kwargs.has('out');
  return pure || buildsQuietly(qname) || readsQuietly(call) || (!call.qname && !!call.method && madeInCell(index, call.receiver, call.segmentIndex));
}

/** Calls that set how the whole process behaves: warnings filters, library options, error handling and defaults. */
const PROCESS_SETTINGS = /^(warnings\.(filterwarnings|simplefilter)|pandas\.set_option|numpy\.(seterr|seterrcall|set_printoptions)|torch\.(set_default_dtype|set_default_tensor_type|set_grad_enabled|use_deterministic_algorithms|set_num_threads|set_printoptions)|jax\.config\.update|decimal\.setcontext|locale\.setlocale)$/;

/**
 * Cells that only observe (observingCells), neither plotting into a figure they share, writing files
 * nor drawing from a generator the notebook seeds, that read no value another cell makes (each name
 * they read is a builtin, a module every binding of which imports one same object, or a name bound
 * earlier in the cell itself) and bind no name another cell reads (`sample = "REPONSE 1: ..."`, then
 * `re.sub(pattern, "", sample)`): their results are the same whenever they ran, and no other cell's
 * result depends on them, so they fit any order.
 */
function selfContainedCells(index: SemanticIndex, names: ReadonlyMap<number, CellNames>, observing: ReadonlyMap<number, CellEffects>, readsQuietly: (call: CallSite) => boolean): Set<number> {
  const found = new Set<number>();
  const binders = new Map<string, number[]>();
  // `import sklearn.model_selection` binds `sklearn` and puts the submodule on it as an attribute, which another cell may read.
  const dotted = new Set(index.imports.filter((binding) => !binding.isFrom && binding.target === binding.local && new RegExp(`\\b${binding.local}\\.\\w`).test(binding.statement.text)).map((binding) => `${index.segmentIndexOf(binding.statement)}:${binding.local}`));
  for (const [segment, effects] of observing) {
    const cell = names.get(segment);
    if (!cell || cell.opaque || effects.writes || (effects.plots && !effects.ownFigure) || (effects.draws?.size ?? 0) > 0) continue;
    found.add(segment);
    // A module every binding of which imports one same object gives a reader that object whichever import ran.
    for (const name of cell.binds) if (!cell.importedAlike?.has(name) || dotted.has(`${segment}:${name}`)) pushTo(binders, name, segment);
  }
  if (found.size === 0) return found;
  // A setting another cell makes for the whole process (warnings turned into errors, a pandas option
  // other than a display option, NumPy's error handling, PyTorch's defaults) changes what any cell
  // gives; only settings of how things look leave the results as they are.
  const setsProcess = index.calls.some((call) => !!call.qname && PROCESS_SETTINGS.test(call.qname) && !setsDisplayOnly(index, outermostParens(call.node).parent ?? call.node));
  if (setsProcess) return new Set();
  // Its calls only work out new values: pure builtins and module functions (PURE_FUNCTION), reads of
  // a file no cell writes (readsUnwrittenFile), or methods of what the cell itself made or wrote out
  // (`pattern.search(w)`, `"a b".split()`). Another file it reads, a setting it prints, a helper it
  // calls may each carry another cell's doing.
  for (const call of index.calls) {
    if (found.has(call.segmentIndex) && !worksOutOnly(index, call, readsQuietly)) found.delete(call.segmentIndex);
  }
  // A module another cell sets an attribute of (`pd.options.display.max_rows = 10`), or changes through
  // a method of one (`sys.path.append("../src")`, `os.environ.update(...)`), holds that cell's doing.
  const setModules = new Set<string>();
  for (const assignment of index.nodes('assignment')) {
    const name = writtenName(assignment.childForFieldName('left'));
    if (name) setModules.add(name);
  }
  for (const call of index.calls) {
    const receiver = call.receiver ? stripParens(call.receiver) : undefined;
    const name = receiver?.type === 'attribute' ? writtenName(receiver) : undefined;
    if (name && index.resolve(name, receiver!).kind === 'import') setModules.add(name);
  }
  // One pass over the reads: a read elsewhere of a name such a cell binds, or a read in it of another cell's value, rules it out.
  for (const read of index.dataflow.reads) {
    if (read.resolution.kind === 'builtin') continue;
    const at = index.segmentIndexOf(read.node);
    for (const segment of binders.get(read.name) ?? []) if (segment !== at) found.delete(segment);
    if (!found.has(at)) continue;
    const reaching = index.dataflow.reachingDefinitions(read);
    const own = reaching.length > 0 && reaching.every((definition) => index.segmentIndexOf(definition.node) === at && !(definition.kind === 'import' && setModules.has(read.name)));
    const module = reaching.length > 0 && !setModules.has(read.name)
      && reaching.every((definition) => definition.kind === 'import' && !!names.get(index.segmentIndexOf(definition.node))?.importedAlike?.has(read.name));
    if (!own && !module) found.delete(at);
  }
  return found;
}

/** How many of the notebook's functions one cell's calls are followed through (readsByCalls). */
const MAX_CALLED_FUNCTIONS = 256;

/**
 * Each cell's readsByCalls: the module-level names read in the own body (not a nested function's) of
 * each function the module binds once, with a `def`, gathered from the functions the cell reads as
 * it runs and from the functions those bodies read in turn. One pass over the reads, then a walk
 * per cell bounded by MAX_CALLED_FUNCTIONS.
 */
function addReadsByCalls(index: SemanticIndex, names: Map<number, CellNames>): void {
  const functions = new Map<number, string>();
  for (const definition of index.definitions) {
    if (definition.scopeKey === 'module' && definition.kind === 'def' && definition.node.parent?.type === 'function_definition' && index.isOnlyBinding(definition)) {
      functions.set(definition.node.parent.startIndex, definition.name);
    }
  }
  const bodyReads = new Map<string, Set<string>>();
  for (const read of index.dataflow.reads) {
    const name = read.function ? functions.get(read.function.startIndex) : undefined;
    if (!name || !('definition' in read.resolution) || read.resolution.definition.scopeKey !== 'module') continue;
    let reads = bodyReads.get(name);
    if (!reads) bodyReads.set(name, reads = new Set());
    reads.add(read.name);
  }
  if (bodyReads.size === 0) return;
  for (const cell of names.values()) {
    const seen = new Set<string>();
    const queue = [...cell.readsNow].filter((name) => bodyReads.has(name));
    while (queue.length > 0 && seen.size < MAX_CALLED_FUNCTIONS) {
      const called = queue.pop()!;
      if (seen.has(called)) continue;
      seen.add(called);
      for (const name of bodyReads.get(called)!) {
        (cell.readsByCalls ??= new Set()).add(name);
        if (bodyReads.has(name) && !seen.has(name)) queue.push(name);
      }
    }
  }
}

/**
 * Calls that read what they are handed and change nothing another cell sees: builtins that build a
 * new value or print, the `re` module's matching and substitution, `math`, JSON to and from text, scikit-learn's metrics, NumPy's functions outside its random generator, its
 * files and its settings, pandas' constructors, PyTorch's functions that build a new tensor from
 * what they are handed (`torch.arange`, `torch.stack`; not its random draws, its files or its
 * settings), and a model's outputs (`clf.predict(X_test)`).
 */
const PURE_BUILTINS = new Set(['print', 'len', 'str', 'int', 'float', 'bool', 'round', 'abs', 'min', 'max', 'sum', 'sorted', 'list', 'tuple', 'dict', 'set', 'zip', 'enumerate', 'range', 'repr', 'format', 'isinstance', 'type', 'any', 'all', 'reversed']);
const PURE_FUNCTION = /^(sklearn\.metrics\.\w+|re\.(sub|subn|match|fullmatch|search|findall|finditer|split|escape|compile)|math\.\w+|json\.dumps|json\.loads|numpy\.(?:(?:ma|linalg|fft)\.)?(?!random\b|save|load|fromfile|memmap|set|seterr|copyto|put|place|fill_diagonal)\w+|pandas\.(DataFrame|Series|concat|crosstab)|pyspark\.sql\.functions\.(?!rand$|randn$|shuffle$|uuid$)\w+|torch\.(arange|linspace|logspace|zeros|ones|full|eye|tensor|as_tensor|stack|cat|where|exp|log|sqrt|abs|sum|mean|argmax|argmin|softmax|sigmoid|tanh|matmul|einsum|allclose|isclose|equal|clamp|flatten|reshape|squeeze|unsqueeze|transpose|permute|topk|norm|cdist))$/;
/**
 * A scikit-learn class built in the cell that draws no random numbers (`CountVectorizer(...)`,
 * `StandardScaler()`, not `RandomForestClassifier()`), or any stage of Spark's ML library
 * (`StringIndexer(...)`, `VectorAssembler(...)`, `RegressionEvaluator(...)`; Spark's default seeds
 * are fixed, a hash of the class's name), or a torchvision transform (`transforms.Compose([...])`,
 * TRANSFORM_CLASSES): building it only stores its parameters, and its methods, called on the name
 * the cell binds it to, change only that object.
 */
const buildsQuietly = (qname: string) => TRANSFORM_CLASSES.test(qname) || (/^[A-Z]/.test(lastSegment(qname))
  && ((packageOf(qname) === 'sklearn' && randomStateKind(qname) === undefined) || qname.startsWith('pyspark.ml.')));
/**
 * A scikit-learn function given a constant seed (`make_blobs(100, random_state=2)`,
 * `train_test_split(X, y, random_state=0)`) draws from a generator of its own made from that seed
 * and returns new values: it changes nothing another cell sees. Without one, or given a generator
 * another cell may hold, it draws from a generator the cells share.
 */
function drawsFromOwnSeed(index: SemanticIndex, call: CallSite, qname: string): boolean {
  if (packageOf(qname) !== 'sklearn' || /^[A-Z]/.test(lastSegment(qname)) || randomStateKind(qname) === undefined) return false;
  const seed = call.kwargs.get('random_state');
  return !!seed && index.literal(seed)?.kind === 'number';
}
/** Plotting draws into the current figure, which every cell shares. */
const PLOTTING = new RegExp(String.raw`^(${PYPLOT}|seaborn)\.`);
/**
 * matplotlib's helper classes (`PercentFormatter()`, `MaxNLocator(integer=True)`, `Normalize(0, 1)`,
 * `DateFormatter("%b")`, `Patch(color="red")`): building one makes a new object that the cell then
 * hands to its plot, and changes nothing another cell sees.
 */
const PLOT_HELPER_CLASSES = /^matplotlib\.(ticker|colors|dates|patches|lines)\.[A-Z]\w*$/;
/** pyplot's and seaborn's calls whose result is part of the current figure (`plt.gca()`, `sns.histplot(...)`). */
function plottingRoot(index: SemanticIndex, receiver: Node | null | undefined): boolean {
  let node = receiver ? stripParens(receiver) : undefined;
  while (node?.type === 'attribute' || node?.type === 'subscript') node = stripParens(node.childForFieldName(node.type === 'attribute' ? 'object' : 'value') ?? node);
  return node?.type === 'call' && PLOTTING.test(index.call(node)?.qname ?? '');
}
/**
 * pandas' plotting methods (`df["Close"].plot(...)`, `df.hist()`, `df.boxplot(...)`, `df.plot.bar()`)
 * draw into the current figure as pyplot does, and leave the frame as it was: a plot, not a change.
 */
const FRAME_PLOTS = new Set(['plot', 'hist', 'boxplot']);

/** A call of a pandas plotting method on a value, or of a plot kind through its `plot` accessor (`df.plot.bar()`). */
function framePlot(call: CallSite): boolean {
  if (!call.receiver || !call.method) return false;
  if (FRAME_PLOTS.has(call.method)) return true;
  const receiver = stripParens(call.receiver);
  return receiver.type === 'attribute' && receiver.childForFieldName('attribute')?.text === 'plot';
}

/**
 * Methods that compute a new value from their receiver and leave it as it was (pandas' and NumPy's
 * reductions, selections, summaries and conversions, a dictionary's views): unless told `inplace=True`.
 */
const READING_METHODS = new Set([
  'mean', 'median', 'sum', 'count', 'min', 'max', 'std', 'var', 'quantile', 'nunique', 'unique', 'value_counts', 'describe',
  'head', 'tail', 'groupby', 'agg', 'aggregate', 'size', 'sort_values', 'sort_index', 'to_frame', 'to_string', 'to_dict', 'tolist',
  'isnull', 'isna', 'notnull', 'notna', 'corr', 'round', 'items', 'keys', 'values', 'get', 'copy', 'idxmax', 'idxmin', 'nlargest', 'nsmallest',
  'query', 'drop', 'dropna', 'fillna', 'reset_index', 'rename', 'astype', 'merge', 'pivot_table', 'cumsum', 'diff', 'pct_change', 'transpose',
  'to_numpy', 'abs', 'any', 'all', 'format', 'join', 'split', 'strip', 'lower', 'upper', 'replace', 'startswith', 'endswith', 'isin',
  'get_level_values',
  // pandas' per-row and per-group results, reshapes and statistics: a new frame or series (`transform`
  // and `shift` within `groupby`, `rank`, `duplicated`, `melt`), the receiver left as it was.
  // Spark's DataFrames: each query method makes a new DataFrame (`select`, `filter`, `withColumn`,
  // `groupBy`), and `show`, `printSchema`, `collect` and `take` only run it and print or hand back rows.
  'select', 'selectExpr', 'filter', 'withColumn', 'withColumnRenamed', 'groupBy', 'orderBy', 'limit', 'distinct', 'alias',
  'show', 'printSchema', 'collect', 'take', 'toPandas',
  'transform', 'shift', 'rank', 'duplicated', 'drop_duplicates', 'cummax', 'cummin', 'between', 'where', 'mask', 'select_dtypes',
  'assign', 'melt', 'pivot', 'stack', 'unstack', 'set_index', 'explode', 'mode', 'skew', 'kurt', 'sem', 'cov', 'rolling', 'expanding', 'ewm', 'nth',
  // NumPy's arrays: a new array or a view, the array left as it was; a string's case, a new string.
  'prod', 'cumprod', 'reshape', 'ravel', 'flatten', 'argmax', 'argmin', 'argsort', 'clip', 'squeeze', 'dot', 'title', 'capitalize',
  // PyTorch's tensors: a new tensor or a view (not `to`, `cuda` or `float`, which move or cast a module in place; not the in-place `add_`).
  'repeat', 'view', 'unsqueeze', 'permute', 'detach', 'numpy', 'item', 'size', 'dim', 'numel',
]);

/**
 * pandas' printed summary of a frame (`df.info()`, `df.info(verbose=True)`): it reads the frame,
 * prints, and returns `None`. Only with no argument written out by position and no `buf=` (a file it
 * would write): a logger's `info("message")` always hands its message by position, and may write a log file.
 */
function printsSummary(call: CallSite): boolean {
  return call.method === 'info' && call.args.length === 0 && !call.kwargs.has('buf') && !call.hasSplat;
}

/**
 * IPython's display of values (`display(df)`, `display(Markdown(text))`): it shows a value and
 * changes nothing. Not the displays of files (`FileLink`, `Image(filename=...)`), which read a file another cell may write.
 */
const DISPLAYING = /^(builtins\.display|IPython\.(core\.)?display\.(display|Markdown|HTML|Latex|Math|Pretty|JSON))$/;

/**
 * IPython's player of samples held in memory (`ipd.Audio(data[i:j], rate=sr)`): given a `rate`, its
 * data are the samples, not a file or a URL, so it only shows them. One handed a path, a URL or
 * `filename=` reads a file another cell may write.
 */
function playsSamples(index: SemanticIndex, call: CallSite): boolean {
  if (!/^IPython\.(core\.)?display\.Audio$/.test(call.qname ?? '') || !call.kwargs.has('rate') || call.kwargs.has('filename') || call.kwargs.has('url')) return false;
  const data = call.args[0] ?? call.kwargs.get('data');
  return !!data && index.literal(data)?.kind !== 'string';
}

/**
 * tqdm's progress bars (`for i in tqdm(range(n))`, `trange(n)`, from `tqdm.auto` or `tqdm.notebook`
 * too): they hand the items of what they wrap on as they are and print the bar, changing nothing.
 */
const PROGRESS_BAR = /^tqdm(\.(auto|autonotebook|notebook|std|tqdm))?\.(tqdm|trange|tqdm_notebook)$/;

/**
 * A method of the Styler pandas' `.style` makes (`df.style.apply(highlight, axis=1)`, then
 * `.format("{:.3f}")`): each access of `.style` makes a new Styler, so its methods change only
 * that Styler and leave the frame as it was.
 */
function stylerMethod(call: CallSite): boolean {
  let node = call.receiver ? stripParens(call.receiver) : undefined;
  while (node?.type === 'call') {
    const callee = node.childForFieldName('function');
    node = callee?.type === 'attribute' ? stripParens(callee.childForFieldName('object') ?? callee) : undefined;
  }
  return node?.type === 'attribute' && node.childForFieldName('attribute')?.text === 'style';
}

/** Whether a binding's target only names (`y_pred`, `a, b`): a write into an object changes what another cell may read. */
function bindsNamesOnly(target: Node | null): boolean {
  if (!target) return false;
  if (target.type === 'identifier') return true;
  if (['pattern_list', 'tuple_pattern', 'list_pattern'].includes(target.type)) return target.namedChildren.every((part) => bindsNamesOnly(part));
  return false;
}

/** The name whose object a write's target is part of (`table` in `table["pct"] *= 100`, `table.columns = ...`). */
function writtenName(target: Node | null): string | undefined {
  let object = target;
  while (object?.type === 'subscript' || object?.type === 'attribute') object = object.childForFieldName(object.type === 'subscript' ? 'value' : 'object');
  return object?.type === 'identifier' && object !== target ? object.text : undefined;
}

/** What an observing cell does besides reading: draw into the current figure, write files. */
interface CellEffects {
  plots: boolean;
  writes: boolean;
  /**
   * The files the cell writes (pathKey), while each write names its file by a path known in full;
   * undefined once one does not: it may write any file.
   */
  written?: Set<string>;
  /**
   * Whether the cell draws only into figures it opens itself (freshFigure): its first plotting
   * call, at the cell's own level, opens a new figure, and no call reopens one by its number; or
   * the inline backend closes every figure when a cell ends (keepsFiguresOpen).
   */
  ownFigure?: boolean;
  /**
   * The random generators the cells share that the cell draws from or seeds, among those the
   * notebook seeds somewhere (NumPy's global one, the `random` module's, PyTorch's: `numpy`,
   * `random`, `torch`). Two cells that touch one such generator take each other's numbers when
   * swapped; a cell that never touches it neither sees nor changes what the draws give, and a
   * generator nothing seeds gives new numbers in every session, whatever order its draws ran in.
   */
  draws?: Set<string>;
}

/** The draws and seeds of the generators every cell shares, by generator: NumPy's global one, the `random` module's, PyTorch's. */
const SHARED_GENERATOR = /^(?:(numpy)\.random\.(?!(?:default_rng|Generator|RandomState|SeedSequence|PCG64|MT19937|Philox|SFC64|BitGenerator)$)\w+|(random)\.(?!(?:Random|SystemRandom)$)\w+|(torch)\.(?:manual_seed|seed|rand|randn|randint|randperm|normal|bernoulli|multinomial|poisson|rand_like|randn_like|randint_like))$/;
/** The calls that seed those generators. */
const SEEDS_GENERATOR = /^(?:(numpy)\.random\.seed|(random)\.seed|(torch)\.(?:cuda\.)?(?:manual_seed(?:_all)?|seed))$/;

/** The shared generator a call draws from or seeds (SHARED_GENERATOR; SEEDS_GENERATOR for seeds only), by its family: `numpy`, `random` or `torch`. */
function sharedGenerator(qname: string, calls = SHARED_GENERATOR): string | undefined {
  const match = calls.exec(qname);
  return match ? match[1] ?? match[2] ?? match[3] : undefined;
}

/** pyplot's calls that open a figure: a new one unless given the number or label of one (`plt.figure(1)`, `num=`). */
const FIGURE_OPENERS = new RegExp(String.raw`^${PYPLOT}\.(figure|subplots)$`);

/** Whether a call opens a new figure: `plt.figure(figsize=...)`, `fig, ax = plt.subplots(2, 1)`, not `plt.figure(1)` or `num=`. */
function opensNewFigure(call: CallSite): boolean {
  if (!FIGURE_OPENERS.test(call.qname ?? '') || call.hasSplat || call.kwargs.has('num')) return false;
  return call.qname!.endsWith('.subplots') || call.args.length === 0;
}

/**
 * Whether a plotting cell draws only into a figure it opened (CellEffects.ownFigure): its first
 * plotting call opens a new figure (opensNewFigure) in a statement at the cell's own level, which
 * runs before anything is drawn, and no call of the cell reopens a figure by its number.
 */
function freshFigure(first: CallSite, plotting: readonly CallSite[]): boolean {
  if (!opensNewFigure(first)) return false;
  if (enclosingStatement(first.node).parent?.type !== 'module') return false;
  return plotting.every((call) => !FIGURE_OPENERS.test(call.qname ?? '') || opensNewFigure(call));
}

/** Values that are a new object, not another name for one: a call's result, a literal, a comprehension, arithmetic. */
const NEW_VALUES = new Set(['call', 'integer', 'float', 'string', 'concatenated_string', 'true', 'false', 'none', 'list', 'dictionary', 'tuple', 'set',
  'list_comprehension', 'dictionary_comprehension', 'set_comprehension', 'binary_operator', 'unary_operator', 'comparison_operator', 'boolean_operator']);

/**
 * The names each scope of an observing cell (its top level, each function it defines) bound to a
 * new object (NEW_VALUES), by the scope's key (scopeOf): writes into them, and their methods, touch
 * nothing another cell holds.
 */
type OwnNames = Map<string, Set<string>> & {
  /**
   * Whether an import statement only binds names of packages another cell imports too: they are
   * then loaded before either cell runs (Python runs a module once), and the import runs nothing.
   * An import of a package no other cell imports may run its set-up (patch another library, pick a
   * device) at a point the order decides.
   */
  importsAgain(statement: Node): boolean;
};

/** The key of the scope `node` runs in, within its cell: the function of the cell around it, or the cell's top level. */
function scopeOf(node: Node): string {
  const fn = enclosingFunction(node);
  return fn ? `f${fn.startIndex}` : 'top';
}

/**
 * Whether a statement of a cell only observes (observingCells): a call, an import, an assignment to
 * plain names, a write into an object the scope itself made (`own`), a `for` or `if` whose bodies
 * only observe, or a function whose body only observes (its calls are checked with the cell's).
 * Names bound to a new object are added to `own`; names bound to another name or part leave it.
 */
/** Expression-statement parts that bind or write: never a plain value shown. */
const ASSIGNING = new Set(['assignment', 'augmented_assignment', 'named_expression']);

function observesOnly(node: Node, own: Set<string>, scopes: OwnNames): boolean {
  switch (node.type) {
    case 'comment':
    case 'pass_statement':
    case 'break_statement':
    case 'continue_statement':
    case 'return_statement':
    // A check (`assert '<num>' in tokens`) reads and binds nothing, as a printout does (its calls are checked with the cell's).
    case 'assert_statement':
      return true;
    case 'import_statement':
    case 'import_from_statement':
      return scopes.importsAgain(node);
    case 'function_definition': {
      const local = new Set<string>();
      scopes.set(`f${node.startIndex}`, local);
      return blockObserves(node.childForFieldName('body'), local, scopes);
    }
    case 'expression_statement': {
      const expression = node.firstNamedChild;
      // `df.hours.min(), df.hours.max()`: a tuple of values shown as the cell's value, as one value is.
      if (node.namedChildCount > 1) return node.namedChildren.every((part) => !!part && !ASSIGNING.has(part.type));
      if (!expression) return false;
      if (expression.type === 'augmented_assignment') {
        const target = expression.childForFieldName('left');
        return own.has((target?.type === 'identifier' ? target.text : writtenName(target)) ?? '');
      }
      if (expression.type !== 'assignment') return true;
      const left = expression.childForFieldName('left');
      const right = expression.childForFieldName('right');
      if (!right || right.type === 'assignment') return false;
      if (!bindsNamesOnly(left)) return own.has(writtenName(left) ?? '');
      if (left?.type === 'identifier') {
        if (NEW_VALUES.has(right.type)) own.add(left.text);
        else own.delete(left.text);
      } else if (left) {
        // `fig, axes = plt.subplots(1, n)`: the parts of what a call returns, as its whole result is.
        for (const name of left.namedChildren) if (name?.type === 'identifier') (right.type === 'call' ? own.add(name.text) : own.delete(name.text));
      }
      return true;
    }
    case 'for_statement':
      return bindsNamesOnly(node.childForFieldName('left')) && !node.childForFieldName('alternative') && blockObserves(node.childForFieldName('body'), own, scopes);
    case 'with_statement': {
      // `with open(path, "wb") as f:` binds `f` to what the call returns (the call is checked with the cell's).
      const clause = node.namedChildren.find((child) => child?.type === 'with_clause');
      for (const item of clause?.namedChildren ?? []) {
        const value = item?.type === 'with_item' ? item.childForFieldName('value') : undefined;
        if (value?.type !== 'as_pattern') continue;
        const alias = value.childForFieldName('alias')?.firstNamedChild ?? value.childForFieldName('alias');
        if (value.firstNamedChild?.type !== 'call' || alias?.type !== 'identifier') return false;
        own.add(alias.text);
      }
      return blockObserves(node.childForFieldName('body'), own, scopes);
    }
    case 'if_statement':
      return blockObserves(node.childForFieldName('consequence'), own, scopes) && node.childrenForFieldName('alternative').every((clause) => !!clause && blockObserves(clause.type === 'else_clause' ? clause.childForFieldName('body') : clause, own, scopes));
    case 'elif_clause':
      return blockObserves(node.childForFieldName('consequence'), own, scopes);
    default:
      return false;
  }
}

function blockObserves(block: Node | null, own: Set<string>, scopes: OwnNames): boolean {
  if (!block) return false;
  if (block.type === 'elif_clause') return observesOnly(block, own, scopes);
  return block.namedChildren.every((statement) => !!statement && observesOnly(statement, own, scopes));
}

/** A call of a function the call's own cell defines: its body's statements and calls are checked with the cell's. */
function callsOwnFunction(index: SemanticIndex, call: CallSite): boolean {
  return ownFunction(index, call.callee, call.segmentIndex);
}

/** Whether `name` is a function the cell `segment` itself defines. */
function ownFunction(index: SemanticIndex, name: Node, segment: number): boolean {
  const binding = name.type === 'identifier' ? index.bindingAt(name) : undefined;
  return binding?.kind === 'def' && index.segmentIndexOf(binding.node) === segment;
}

/**
 * pandas' `apply` and `map` (`row.apply(lambda x: x > base)`, `df["city"].map(str.title)`) build
 * a new value from what the function they are handed returns, and leave their receiver as it
 * was: a call that changes nothing when that function does not, a lambda (its calls are checked
 * as the cell's), one of the cell's own functions (checked with the cell), or a builtin that builds
 * a new value. Any other function (`df.apply(clf.partial_fit)`) may change what it is handed.
 */
const MAPPING_METHODS = new Set(['apply', 'map', 'applymap']);
function mapsQuietly(index: SemanticIndex, call: CallSite): boolean {
  if (!call.method || !MAPPING_METHODS.has(call.method) || call.hasSplat) return false;
  const mapped = call.args[0] ?? call.kwargs.get('func') ?? call.kwargs.get('arg');
  if (!mapped) return false;
  if (mapped.type === 'lambda') return true;
  if (mapped.type !== 'identifier') return false;
  if (index.bindingAt(mapped)?.kind === 'def') return ownFunction(index, mapped, call.segmentIndex);
  const qname = index.qualify(mapped) ?? '';
  return qname.startsWith('builtins.') && PURE_BUILTINS.has(qname.slice(9));
}

/** Functions that write what they are handed to a file, and change nothing in the kernel. */
const FILE_WRITERS = /^(pickle\.dump|joblib\.dump|json\.dump|numpy\.(save|savez|savez_compressed|savetxt))$/;
/** Keras' drawing of a model's layers into an image file (`plot_model(model, to_file="cnn.png")`): it writes the file and leaves the model as it was. */
const MODEL_DIAGRAMS = /^(keras|tensorflow\.keras|tf_keras)\.utils\.(vis_utils\.)?plot_model$/;
/** Methods that write their receiver to a file and leave it as it was. */
const WRITING_METHODS = /^(to_(csv|parquet|excel|json|pickle|feather|html|latex)|savefig)$/;

/** Line magics that neither run code, nor write files, nor move the working folder. */
const FILE_NEUTRAL_MAGICS = new Set(['matplotlib', 'config']);

/**
 * Which calls read a file nothing in the notebook may write (observingCells): a read of data into
 * a frame or an array (`pd.read_csv("../results/scores.csv")`; not an unpickling) whose path is known in full, in a notebook that writes
 * no file of that name, writes none whose path is not known in full but for a part of its name before a
 * suffix it writes out (`sf.write(f"{tile_path}/{i}.ogg", ...)` writes `.ogg` files only), names it nowhere but as the
 * path of a read (a helper handed its name may write it), runs no magic or shell command but
 * `%matplotlib` and `%config` (whose effect on files is not followed: `!python train.py` may write
 * it) and never changes its working folder (`os.chdir`, which moves every relative path). Such a
 * read gives the same table whichever cell ran first, and changes nothing another cell sees.
 */
function readsUnwrittenFile(doc: RuleContext['doc'], index: SemanticIndex): (call: CallSite) => boolean {
  const never = () => false;
  // A package install writes into the environment, not to a file a cell reads by name.
  if (doc.magics.some((magic) => !((magic.kind === 'line-magic' || magic.kind === 'automagic') && FILE_NEUTRAL_MAGICS.has(magic.name)) && !magicInstallsOnly(magic))) return never;
  if (index.calls.some((call) => call.qname === 'os.chdir')) return never;
  const flow = index.dataflow;
  const fileName = (path: Node | undefined) => (path ? flow.exactPathOf(path)?.value.split('/').pop() : undefined);
  const suffixOf = (name: string) => /\.[A-Za-z0-9]+$/.exec(name)?.[0].toLowerCase();
  /** The suffix a write's file name ends in when the rest of the name is worked out at run time (`{}.ogg`). */
  const writtenSuffix = (path: Node | undefined) => {
    const last = path ? flow.pathOf(path).template.split('/').pop() ?? '' : '';
    const suffix = /\{\}[^{}/]*(\.[A-Za-z0-9]+)$/.exec(last)?.[1];
    return suffix?.toLowerCase();
  };
  const written = new Set<string>();
  const writtenSuffixes = new Set<string>();
  for (const io of flow.io) {
    if (io.direction !== 'write') continue;
    const name = fileName(io.path);
    const suffix = name ? undefined : writtenSuffix(io.path);
    if (!name && !suffix) return never;
    if (name) written.add(name);
    else writtenSuffixes.add(suffix!);
  }
  for (const call of index.calls) {
    if (call.method !== 'savefig') continue;
    const figure = fileName(call.args[0] ?? call.kwargs.get('fname'));
    if (!figure) return never;
    written.add(figure);
  }
  const readPaths = flow.io.filter((io) => io.direction === 'read').flatMap((io) => io.paths);
  const inRead = (node: Node) => readPaths.some((path) => node.startIndex >= path.startIndex && node.endIndex <= path.endIndex);
  return (call) => {
    const io = flow.dataIOAt(call.node);
    // Only data a data library parses into memory (a frame, an array): unpickling, a model's own
    // loader too, runs code of the file's choosing, which may change what other cells see.
    if (io?.direction !== 'read' || !holdsData(io) || io.table || io.paths.length !== 1 || /pickle/i.test(call.qname ?? call.method ?? '')) return false;
    const name = fileName(io.path);
    if (!name || written.has(name) || writtenSuffixes.has(suffixOf(name) ?? '')) return false;
    return !index.nodes('string').some((string) => string.text.includes(name) && !inRead(string));
  };
}

/**
 * The cells that only observe the other cells' values (see observationsCommute): every statement
 * observes only (observesOnly: `y_pred = clf.predict(X_test)`, `print(...)`, a loop that prints a
 * dictionary's items, a table the cell builds and then relabels, a function that counts rows), and
 * every call is one that changes nothing another cell sees (PURE_BUILTINS, PURE_FUNCTION, a model's
 * outputs, READING_METHODS, a method of an object the cell made, a read of a file nothing in the
 * notebook may write: readsUnwrittenFile), a plot (`plots`), or a write of a
 * file (`writes`: a model pickled, a frame saved). Mapped to whether the cell plots and writes files.
 */
function observingCells(doc: RuleContext['doc'], index: SemanticIndex, names: ReadonlyMap<number, CellNames>, readsQuietly: (call: CallSite) => boolean): Map<number, CellEffects> {
  const observing = new Map<number, CellEffects>();
  const owned = new Map<number, OwnNames>();
  // The cells importing each top-level package, and the bindings of each import statement.
  const importers = new Map<string, Set<number>>();
  const importsOf = new Map<number, ImportBinding[]>();
  for (const binding of index.imports) {
    const segment = index.segmentIndexOf(binding.statement);
    const cells = importers.get(binding.target.split('.')[0]) ?? new Set<number>();
    importers.set(binding.target.split('.')[0], cells.add(segment));
    pushTo(importsOf, binding.statement.id, binding);
  }
  for (const root of index.roots) {
    const segment = index.segmentIndexOf(root);
    if (names.get(segment)?.opaque) continue;
    const statements = root.namedChildren.filter((node): node is Node => !!node && node.type !== 'comment');
    const top = new Set<string>();
    const scopes: OwnNames = Object.assign(new Map([['top', top]]), {
      importsAgain: (statement: Node) => {
        const bindings = importsOf.get(statement.id);
        return !!bindings && bindings.every((binding) => SHOWING_MODULE.test(binding.target) || (importers.get(binding.target.split('.')[0])?.size ?? 0) > 1);
      },
    });
    if (statements.length > 0 && statements.every((node) => observesOnly(node, top, scopes))) {
      observing.set(segment, { plots: false, writes: false, written: new Set() });
      owned.set(segment, scopes);
    }
  }
  // The plotting calls of each observing cell (freshFigure).
  const plotting = new Map<number, CallSite[]>();
  for (const call of index.calls) {
    const cell = observing.get(call.segmentIndex);
    if (!cell) continue;
    const qname = call.qname ?? '';
    // An element or attribute of an object the cell made, or what its methods return, is part of
    // that object (`axes[k].set_title(...)` on `fig, axes = plt.subplots(1, n)`, `ax.yaxis.grid(True)`,
    // `legend.get_frame().set_alpha(0)` on `legend = plt.legend(...)`).
    const receiver = call.receiver ? chainBase(call.receiver) : undefined;
    const ownReceiver = receiver?.type === 'identifier' && !!owned.get(call.segmentIndex)?.get(scopeOf(call.node))?.has(receiver.text);
    // A method of what pyplot or seaborn returned (`plt.gca().yaxis.set_major_formatter(...)`,
    // `sns.histplot(x).set_title(...)`) draws into the current figure, as their functions do.
    if (PLOTTING.test(qname) || (!call.qname && (framePlot(call) || plottingRoot(index, call.receiver)))) {
      cell.plots = true;
      pushTo(plotting, call.segmentIndex, call);
      // A figure saved is a file written: two cells may save the same one.
      if (qname.endsWith('.savefig')) noteWrite(index, cell, call);
    } else if (FILE_WRITERS.test(qname) || MODEL_DIAGRAMS.test(qname) || (OPEN_FUNCTIONS.has(qname) && index.dataflow.dataIOAt(call.node)?.direction === 'write') || (!call.qname && call.method && WRITING_METHODS.test(call.method))) noteWrite(index, cell, call);
    else if (qname.startsWith('builtins.') ? PURE_BUILTINS.has(qname.slice(9)) : PURE_FUNCTION.test(qname) && !call.kwargs.has('out')) continue;
    else if (DISPLAYING.test(qname) || PROGRESS_BAR.test(qname) || playsSamples(index, call) || (!call.qname && (stylerMethod(call) || mapsQuietly(index, call)))) continue;
    else if (readsQuietly(call)) continue;
    else if (callsOwnFunction(index, call) || buildsQuietly(qname) || PLOT_HELPER_CLASSES.test(qname) || drawsFromOwnSeed(index, call, qname)) continue;
    else if (call.receiver && call.method && (OUTPUT_METHODS.has(call.method) || (!call.qname && (ownReceiver || (READING_METHODS.has(call.method) && !call.kwargs.has('inplace')) || printsSummary(call))))) continue;
    else if (drawsFrom(qname, cell)) continue;
    else observing.delete(call.segmentIndex);
  }
  // Only a generator the notebook seeds somewhere ties its draws: unseeded, each session's numbers are new.
  const seeded = new Set(index.calls.map((call) => sharedGenerator(call.qname ?? '', SEEDS_GENERATOR)).filter((generator): generator is string => generator !== undefined));
  for (const cell of observing.values()) {
    if (!cell.draws) continue;
    for (const generator of cell.draws) if (!seeded.has(generator)) cell.draws.delete(generator);
  }
  const closesFigures = !keepsFiguresOpen(doc, index);
  for (const [segment, calls] of plotting) {
    const cell = observing.get(segment);
    const first = calls.reduce((a, b) => (b.node.startIndex < a.node.startIndex ? b : a));
    if (cell) cell.ownFigure = closesFigures || freshFigure(first, calls);
  }
  return observing;
}

/** A `%matplotlib` or `%pylab` line magic and the backend it names (`inline`, `widget`, `qt`...). */
const BACKEND_MAGIC = /^[%!]*\s*(?:matplotlib|pylab)\b\s*([\w.:-]*)/;
/** pyplot's backend chosen in code: `matplotlib.use("Agg")`, `plt.switch_backend("qt5agg")`. */
const BACKEND_CALLS = new Set(['matplotlib.use', 'matplotlib.pyplot.switch_backend']);

/**
 * Whether figures may stay open from one cell to the next, where two cells can draw into one: the
 * notebook names a backend other than the inline one in a `%matplotlib` or `%pylab` magic
 * (`%matplotlib widget`, `%matplotlib notebook`, `%pylab qt`), chooses one in code
 * (`matplotlib.use(...)`), or tells the inline backend to keep them (`%config
 * InlineBackend.close_figures = False`). Otherwise the inline backend, Jupyter's, VS Code's and
 * Colab's default, shows and closes every figure a cell opened when the cell ends, so the next cell
 * that draws starts a figure of its own.
 */
function keepsFiguresOpen(doc: RuleContext['doc'], index: SemanticIndex): boolean {
  for (const magic of doc.magics) {
    if (magic.kind !== 'line-magic' && magic.kind !== 'automagic') continue;
    const backend = BACKEND_MAGIC.exec(magic.text)?.[1];
    if ((magic.name === 'matplotlib' || magic.name === 'pylab') && backend && backend !== 'inline') return true;
    if (magic.name === 'config' && /InlineBackend\.close_figures\s*=\s*False/.test(magic.text)) return true;
  }
  return index.calls.some((call) => BACKEND_CALLS.has(call.qname ?? ''));
}

/** Records on an observing cell the shared generator a call draws from or seeds; false when the call touches none. */
function drawsFrom(qname: string, cell: CellEffects): boolean {
  const generator = sharedGenerator(qname);
  if (generator) (cell.draws ??= new Set()).add(generator);
  return generator !== undefined;
}

/** Records a write of a file by an observing cell, and the file when its path is known in full (a figure's too). */
function noteWrite(index: SemanticIndex, cell: CellEffects, call: CallSite): void {
  cell.writes = true;
  if (!cell.written) return;
  const qname = call.qname ?? call.method ?? '';
  const path = qname.endsWith('savefig') ? call.args[0] ?? call.kwargs.get('fname')
    : MODEL_DIAGRAMS.test(qname) ? call.kwargs.get('to_file') ?? call.args[1] : index.dataflow.dataIOAt(call.node)?.path;
  const value = path ? index.dataflow.pathOf(path) : undefined;
  const key = value && isExact(value) ? pathKey(value) : undefined;
  if (key) cell.written.add(key);
  else cell.written = undefined;
}

/** Whether two cells write files none of which both may write: each names every file it writes in full, and no file twice. */
function writeApart(a: CellEffects, b: CellEffects): boolean {
  return !!a.written && !!b.written && ![...a.written].some((key) => b.written!.has(key));
}

/**
 * Whether two cells that only observe (observingCells) give the same results in either order:
 * neither binds a name the other binds or reads, and they do not both plot or both touch a shared
 * random generator the notebook seeds. Each then reads the
 * same values whichever ran first, and changes nothing the other reads. A name both bind only for
 * their own use (throwawayNames: the variable of a loop each runs over its own values) is no tie,
 * nor is a name every binding of which imports one same object (CellNames.importedAlike), when
 * neither cell saved an error: the reader found it bound as it ran, to that object whichever
 * import bound it.
 */
function observationsCommute(a: CellNames | undefined, b: CellNames | undefined, aEffects: CellEffects, bEffects: CellEffects, raised = false): boolean {
  // Two cells that each open their own figure before drawing draw nothing into the other's.
  const shareFigure = aEffects.plots && bEffects.plots && !(aEffects.ownFigure && bEffects.ownFigure);
  if (!a || !b || shareFigure || [...(aEffects.draws ?? [])].some((generator) => bEffects.draws?.has(generator)) || (aEffects.writes && bEffects.writes && !writeApart(aEffects, bEffects))) return false;
  const alike = (name: string) => !raised && !!(a.importedAlike?.has(name) || b.importedAlike?.has(name));
  const meets = (x: Set<string>, y: Set<string>) => [...x].some((name) => y.has(name) && !(a.throwaway?.has(name) && b.throwaway?.has(name)) && !alike(name));
  return !meets(a.binds, b.binds) && !meets(a.binds, b.reads) && !meets(b.binds, a.reads);
}

/**
 * The names two or more observing cells bind that each of them binds only for its own use: every
 * read of the name in the cell is reached by the cell's own bindings alone, and no read in another
 * cell by any of them (`for label, count in counts.items(): print(label)` in one cell, `for label
 * in labels:` in another). Whichever cell ran last left its value behind, and nothing reads it.
 * Recorded on each such cell's CellNames as `throwaway`; one pass over the reads of those names.
 */
function markThrowawayNames(index: SemanticIndex, names: ReadonlyMap<number, CellNames>, observing: ReadonlyMap<number, CellEffects>): void {
  const binders = new Map<string, number[]>();
  for (const segment of observing.keys()) for (const name of names.get(segment)?.binds ?? []) pushTo(binders, name, segment);
  for (const [name, segments] of binders) {
    if (segments.length < 2) continue;
    const tied = new Set<number>();
    for (const read of index.dataflow.readsOf(name)) {
      const { resolution } = read;
      if ((resolution.kind === 'local' || resolution.kind === 'import') && resolution.definition.scopeKey !== 'module') continue;
      const at = index.segmentIndexOf(read.node);
      const reaching = index.dataflow.reachingDefinitions(read);
      if (reaching.length === 0) tied.add(at);
      for (const definition of reaching) {
        const from = index.segmentIndexOf(definition.node);
        if (from !== at) tied.add(from).add(at);
      }
    }
    for (const segment of segments) {
      const cell = names.get(segment)!;
      if (!tied.has(segment) && !cell.imported.has(name)) (cell.throwaway ??= new Set()).add(name);
    }
  }
}

/**
 * Whether a cell that only defines (definitionCells) gives the same state run before or after
 * `other`: neither binds a name the other binds, `other` reads no name it binds, and it reads as it
 * runs no name `other` binds. Its functions then read what they use when called, whichever ran first.
 * When it ran `again` after `other`, `other` may read the names its imports bind: it found them
 * bound as it ran, and an import run again binds the same module (one `other` binds too is compared).
 * A name every binding of which imports one same object (CellNames.importedAlike) is no tie when
 * neither cell saved an error: `from sklearn.metrics import r2_score` in each of two helpers cells
 * binds that one function whichever ran last, and a read (a default `dtype=torch.float32` read as
 * the cell ran) found it bound to that object.
 */
function definitionsCommute(definitions: CellNames | undefined, other: CellNames | undefined, again = false, raised = false): boolean {
  if (!definitions || other?.opaque) return false;
  if (!other) return true;
  const alike = (name: string) => !raised && !!(definitions.importedAlike?.has(name) || other.importedAlike?.has(name));
  const meets = (a: Set<string>, b: Set<string>, reimported = false) => [...a].some((name) => b.has(name) && !alike(name) && !(reimported && definitions.imported.has(name)));
  return !meets(definitions.binds, other.binds) && !meets(definitions.binds, other.reads, again) && !meets(definitions.readsNow, other.binds);
}

/** Line magics of rpy2 that move values between Python and R (`%Rpush x`, `%Rpull y`, `y = %R mean(x)`). */
const R_EXCHANGE_LINE_MAGICS = new Set(['r', 'rpush', 'rpull', 'rget']);
/** rpy2's `%%R` options that take a Python value in or hand an R value back (`-i df`, `--output=fit`). */
const R_EXCHANGE_OPTION = /(?:^|\s)(?:-[io]|--input|--output)(?=[\s=]|$)/;

/**
 * The `%%R` cells (rpy2) of a notebook whose R and Python cells exchange no value: R runs in an
 * interpreter of its own, so its cells and the Python cells are two programs, each with its own
 * state. Empty when any cell moves a value across (`%%R -i df`, `%Rpush`, `y = %R ...`, rpy2's
 * `robjects` imported into Python), which makes them one program again.
 */
function separateRCells(doc: RuleContext['doc'], index: SemanticIndex): Set<number> {
  const cells = new Set<number>();
  for (const magic of doc.magics) {
    const name = magic.name.toLowerCase();
    if (magic.kind === 'line-magic' && R_EXCHANGE_LINE_MAGICS.has(name)) return new Set();
    if (magic.kind !== 'cell-magic' || name !== 'r') continue;
    if (R_EXCHANGE_OPTION.test(magic.text.split('\n')[0].replace(/^%%\S+/, ''))) return new Set();
    cells.add(magic.segmentIndex);
  }
  if (cells.size > 0 && index.imports.some((binding) => /^rpy2\.(robjects|rinterface)/.test(binding.target))) return new Set();
  return cells;
}

/** Every cell run out of order, sharing a count, or keeping outputs from another session, in notebook order. */
/** What the comparison of counts takes from the rest of the notebook (each worked out by a function above). */
interface Notebook {
  /** The cell indices at which a new kernel session starts (sessionStarts). */
  restarts: readonly number[];
  /** Segments that shut the kernel down to restart it (shutdownCells). */
  shutdowns: ReadonlySet<Segment>;
  /** Segments that only install packages or fetch, unpack or copy files (setUpOnlyCells). */
  setUpOnly: ReadonlySet<number>;
  runsNothing: (segment: Segment) => boolean;
  /** Segments that only show something (showOnlyCells). */
  showOnly: ReadonlySet<number>;
  /** Segments that only import (importOnlyCells). */
  importOnly: ReadonlySet<number>;
  /** Import-only segments whose names and modules no other cell uses (unusedImportCells). */
  unusedImports: ReadonlySet<number>;
  /** Plain import segments whose names and modules only cells below them use (importsUsedBelowCells). */
  importsUsedBelow: ReadonlySet<number>;
  /** Segments that may change what a later import finds (importSettingCells). */
  importSetting: ReadonlySet<number>;
  /** `%%R` segments that exchange no value with the Python cells (separateRCells). */
  rCells: ReadonlySet<number>;
  /** Segments that only define functions and classes, and every segment's names (definitionCells). */
  definitionOnly: ReadonlySet<number>;
  names: ReadonlyMap<number, CellNames>;
  /** Segments that only observe the other cells' values, and whether each plots (observingCells). */
  observing: ReadonlyMap<number, CellEffects>;
  /** Observing segments that read no other cell's value and give none (selfContainedCells). */
  selfContained: ReadonlySet<number>;
  /** Segments that keep no output and leave nothing a cell that ran uses (inertCells). */
  inert: ReadonlySet<number>;
}

function symptoms(segments: readonly Segment[], firstLine: (segment: Segment) => Range, { restarts, shutdowns, setUpOnly, runsNothing, showOnly, importOnly, unusedImports, importsUsedBelow, importSetting, rCells, definitionOnly, names, observing, selfContained, inert }: Notebook): Symptom[] {
  const found: Symptom[] = [];
  // A cell that only installs packages, or fetches, unpacks or copies files, changes the environment
  // and the disk, not the kernel's variables: run in an earlier session (before the restart an
  // install asks for) or again later, it leaves the same packages and files, which a restart keeps,
  // so its count is not compared with theirs.
  const counted = segments.filter((_, i) => !setUpOnly.has(i));
  // A cell that is only comments (a note, commented-out download commands) runs nothing, as an
  // empty one does: whenever it ran, no result depends on it.
  // So is a cell that only shows something (showOnlyCells): it shows the same whenever it ran.
  const shows = new Set([...showOnly].map((i) => segments[i]));
  // A restart the notebook prescribes starts a session whose counts begin again: each session is
  // judged on its own, and a count shared across one is not two runs mixed.
  const session = (segment: Segment): number => restarts.filter((start) => start <= segment.cellIndex).length;
  // So is a cell that keeps no output and leaves nothing a cell that ran uses (inertCells).
  const inertCellsHere = new Set([...inert].map((i) => segments[i]));
  const compared = counted.filter((s) => ran(s) && s.endOffset > s.startOffset && !runsNothing(s) && !shows.has(s) && !inertCellsHere.has(s));
  // A cell that only imports (importOnlyCells) and ran again after a cell below it binds the same
  // modules it bound before that cell ran. A count another cell shares may still tell where a
  // second session began (`import json` [1] below a `%cd repo` [1] that session skipped).
  const imports = new Set([...importOnly].map((i) => segments[i]));
  const reRunImport = (s: Segment): boolean => imports.has(s)
    && compared.some((other) => other.startOffset > s.startOffset && session(other) === session(s) && other.executionOrder! < s.executionOrder!)
    && !compared.some((other) => other !== s && other.executionOrder === s.executionOrder);
  // One whose names and modules no other cell uses (unusedImportCells) gave them nothing, whenever it ran.
  const unused = new Set([...unusedImports].map((i) => segments[i]));
  const countUses = new Map<number, number>();
  for (const s of compared) countUses.set(s.executionOrder!, (countUses.get(s.executionOrder!) ?? 0) + 1);
  const sharesCount = (s: Segment): boolean => (countUses.get(s.executionOrder!) ?? 0) > 1;
  // Per session, the largest count above each cell and the smallest below it, one pass each way: a
  // cell in order (nothing above ran after it, nothing below before it) is answered at once.
  const sessionOf = new Map(compared.map((s) => [s, session(s)]));
  const maxAbove = new Map<Segment, number>();
  const minBelow = new Map<Segment, number>();
  const extreme = new Map<number, number>();
  for (const s of compared) {
    const key = sessionOf.get(s)!;
    maxAbove.set(s, extreme.get(key) ?? -Infinity);
    extreme.set(key, Math.max(extreme.get(key) ?? -Infinity, s.executionOrder!));
  }
  extreme.clear();
  for (let i = compared.length - 1; i >= 0; i--) {
    const key = sessionOf.get(compared[i])!;
    minBelow.set(compared[i], extreme.get(key) ?? Infinity);
    extreme.set(key, Math.min(extreme.get(key) ?? Infinity, compared[i].executionOrder!));
  }
  // The cells of a cell's session above it that ran after it (`above`), or below it that ran before
  // it, by a scan of the notebook: asked only of cells out of order, and of MAX_COMMUTE_SCANS at
  // most, so a notebook of thousands of cells run in reverse costs a bounded amount; past that,
  // cells are compared as they are.
  let scans = 0;
  const outOfOrderWith = (s: Segment, above: boolean): Segment[] | undefined => {
    if (++scans > MAX_COMMUTE_SCANS) return undefined;
    const key = sessionOf.get(s);
    const found: Segment[] = [];
    for (const other of compared) {
      if (other === s || sessionOf.get(other) !== key) continue;
      if (above ? other.startOffset < s.startOffset && other.executionOrder! > s.executionOrder! : other.startOffset > s.startOffset && other.executionOrder! < s.executionOrder!) found.push(other);
    }
    return found;
  };
  const ranBeforeSomeAbove = (s: Segment): boolean => maxAbove.get(s)! > s.executionOrder!;
  // A cell that only defines functions and classes (definitionCells) and ran before cells above it,
  // or again after cells below it, gives the same state as run in its place when it commutes with
  // each (definitionsCommute): the functions it binds read what they use when called, so the order
  // of the two changed nothing.
  const definitions = new Set([...definitionOnly].map((i) => segments[i]));
  const position = new Map(segments.map((s, i) => [s, i]));
  const namesOf = (s: Segment) => names.get(position.get(s)!);
  const movedDefinitions = (s: Segment): boolean => {
    if (!definitions.has(s) || sharesCount(s)) return false;
    const early = ranBeforeSomeAbove(s);
    const late = minBelow.get(s)! < s.executionOrder!;
    if (!early && !late) return false;
    const ranAfter = early ? outOfOrderWith(s, true) : [];
    const ranBefore = late ? outOfOrderWith(s, false) : [];
    const raised = (other: Segment) => !!s.raised || !!other.raised;
    return !!ranAfter && !!ranBefore && ranAfter.every((other) => definitionsCommute(namesOf(s), namesOf(other), false, raised(other)))
      && ranBefore.every((other) => definitionsCommute(namesOf(s), namesOf(other), true, raised(other)));
  };
  // So does a cell that only observes (observingCells: a model's outputs printed, a plot) and ran
  // before the cells above it when each of them only observes too and the two commute
  // (observationsCommute): neither changes what the other reads, so the order of the two changed
  // nothing. One that also ran after a cell below it is out of order against that cell as well.
  const observes = (s: Segment) => observing.get(position.get(s)!);
  // A cell below that ran earlier and is itself left out this way does not count against it. Each
  // cell's answer is worked out once: the question only looks further down.
  const earlyObservation = oncePer((s: Segment): boolean => observedEarly(s));
  const observedEarly = (s: Segment): boolean => {
    const own = observes(s);
    if (!own || sharesCount(s) || !ranBeforeSomeAbove(s)) return false;
    if (minBelow.get(s)! < s.executionOrder!) {
      const ranBefore = outOfOrderWith(s, false);
      if (!ranBefore || ranBefore.some((other) => !earlyObservation(other))) return false;
    }
    const ranAfter = outOfOrderWith(s, true);
    // A cell of imports above it run again (reRunImport) bound again the modules it found bound.
    return !!ranAfter && ranAfter.every((other) => {
      if (reRunImport(other)) return true;
      const theirs = observes(other);
      return !!theirs && observationsCommute(namesOf(s), namesOf(other), own, theirs, !!s.raised || !!other.raised);
    });
  };
  // One whose names and modules only cells below it use (importsUsedBelowCells), run before cells
  // above it and after every cell below it, gave the cells above nothing and the cells below what
  // they would have had in order, when none of the cells above that ran after it may change what
  // an import finds (importSettingCells: the import path, the working folder, installed packages).
  const usedBelow = new Set([...importsUsedBelow].map((i) => segments[i]));
  const settingImports = new Set([...importSetting].map((i) => segments[i]));
  const earlyImport = (s: Segment): boolean => {
    if (!usedBelow.has(s) || sharesCount(s) || !ranBeforeSomeAbove(s) || minBelow.get(s)! < s.executionOrder!) return false;
    const ranAfter = outOfOrderWith(s, true);
    return !!ranAfter && ranAfter.every((other) => !settingImports.has(other));
  };
  // One that reads no other cell's value and gives none (selfContainedCells) fits any order.
  const contained = new Set([...selfContained].map((i) => segments[i]));
  const executed = compared.filter((s) => !reRunImport(s) && !(unused.has(s) && !sharesCount(s)) && !earlyImport(s) && !movedDefinitions(s) && !earlyObservation(s)
    && !(contained.has(s) && !sharesCount(s) && !s.raised));
  // R cells that share no value with the Python cells (separateRCells) are another program: a
  // notebook that shows each step in R and in Python may be saved from one run of each, so each
  // language's counts are compared among themselves.
  const rIndex = new Set([...rCells].map((i) => segments[i]));
  const sessions = new Map<string, Segment[]>();
  for (const segment of executed) pushTo(sessions, `${session(segment)}${rIndex.has(segment) ? 'R' : ''}`, segment);
  for (const cells of sessions.values()) found.push(...sessionSymptoms(cells, firstLine));
  // A cell with outputs but no count that alone binds a name a cell below it reads as it runs,
  // also in the body of a function of the notebook it calls (readsByCalls), where that cell ran in the session after the cell above this one, with no error saved, ran in
  // that session before the reader: with a count free for it between the cells around it, it ran
  // in order and only its count was lost (an editor that never got its reply writes none), so its
  // outputs are that run's. Worked out for count-less cells only, from one tally of the binders
  // and of the readers of each name, so a notebook of thousands of such cells stays linear.
  // A reader may itself be such a cell, which ran as the number it takes (`[6]`, the training
  // cell, the report that reads its predictions, `[9]` that reads the report's matrix): it is
  // asked first, from the bottom up.
  const binders = new Map<string, number>();
  const readers = new Map<string, Segment[]>();
  for (const [i, cell] of names) {
    for (const name of cell.binds) binders.set(name, (binders.get(name) ?? 0) + 1);
    const reader = segments[i];
    if (reader && (ran(reader) || reader.hasOutputs) && !reader.raised && !setUpOnly.has(i)) for (const name of new Set([...cell.readsNow, ...cell.readsByCalls ?? []])) pushTo(readers, name, reader);
  }
  const hidden = [...names.entries()].filter(([i, cell]) => cell.hidesNames && !setUpOnly.has(i)).map(([i]) => segments[i]);
  // The cells around it are the nearest cells that ran, set-up cells too: an install or a clone
  // that ran keeps a count of that session, which bounds the numbers free for the count-less cells
  // between. Each count-less cell with outputs there takes one of them, in order from the top
  // (`[2]`, two such cells, `[5]`: the first ran as [3], the second as [4]).
  const aroundAll = new Map<Segment, { above?: Segment; below?: Segment; place: number; between: number }>();
  for (let i = 0, last: Segment | undefined, run = 0; i < segments.length; i++) {
    const s = segments[i];
    if (ran(s)) { last = s; run = 0; } else if (s.hasOutputs) run++;
    aroundAll.set(s, { above: last, place: run, between: 0 });
  }
  for (let i = segments.length - 1, last: Segment | undefined, run = 0; i >= 0; i--) {
    const s = segments[i];
    const around = aroundAll.get(s)!;
    if (ran(s)) { last = s; run = 0; } else if (s.hasOutputs) run = Math.max(run, around.place);
    around.below = last;
    around.between = run;
  }
  // The number a count-less cell takes: with no cell above it that ran, a kernel numbers from [1].
  const taken = (segment: Segment): number | undefined => {
    const around = aroundAll.get(segment);
    return around ? (around.above?.executionOrder ?? 0) + around.place : undefined;
  };
  const ranInOrderUncounted = oncePer((segment: Segment): boolean => inOrderUncounted(segment));
  const inOrderUncounted = (segment: Segment): boolean => {
    const own = namesOf(segment);
    const around = aroundAll.get(segment);
    const above = around?.above, below = around?.below;
    if (!below || !own || hidden.some((s) => s !== segment)) return false;
    const free = taken(segment)!;
    if (below.executionOrder! - (above?.executionOrder ?? 0) <= around.between || (above && session(above) !== session(segment)) || session(below) !== session(segment)) return false;
    return [...own.binds].some((name) => binders.get(name) === 1 && (readers.get(name) ?? []).some((reader) =>
      reader.startOffset > segment.startOffset && session(reader) === session(segment)
      && (ran(reader) ? reader.executionOrder! > free : (taken(reader) ?? 0) > free && ranInOrderUncounted(reader))));
  };
  // From the bottom up, so a count-less reader is answered before the cells above it ask.
  for (let i = segments.length - 1; i >= 0; i--) if (!ran(segments[i]) && segments[i].hasOutputs) ranInOrderUncounted(segments[i]);
  // Outputs kept without a count: left from an earlier session, or from a run still going when the
  // notebook was saved (a count is written when a cell finishes), or the count was cleared. Asked
  // of a notebook that ran at all, which a count on an install cell shows too; a count kept only in
  // a result does not show it: a tool that cleared every cell's own count left the others none.
  if (segments.some((s) => ran(s) && !s.countFromResult && s.endOffset > s.startOffset)) {
    // The nearest cell above and below each cell that ran, one pass each way.
    const ranAbove: (Segment | undefined)[] = [];
    const ranBelow: (Segment | undefined)[] = [];
    for (let i = 0, last: Segment | undefined; i < counted.length; i++) {
      ranAbove[i] = last;
      if (ran(counted[i])) last = counted[i];
    }
    for (let i = counted.length - 1, last: Segment | undefined; i >= 0; i--) {
      ranBelow[i] = last;
      if (ran(counted[i])) last = counted[i];
    }
    for (const [i, segment] of counted.entries()) {
      // A cell that is only comments runs nothing now: outputs it keeps from the code it once held
      // feed no result, as a set-up cell's log does not.
      if (!segment.hasOutputs || ran(segment) || runsNothing(segment)) continue;
      // A cell that only imports (a drive mount, the import path, display settings beside them) keeps
      // only its log (`Mounted at /content/drive`, an import's warnings): it binds modules and changes no
      // value, so whichever session printed that log, no saved result depends on it.
      if (imports.has(segment)) continue;
      // So does a cell that only shows something (showOnlyCells, a confirmation beside an install among
      // them): it shows the same whenever it ran, so its log is what a run now would show.
      if (shows.has(segment)) continue;
      // A cell that shuts its own kernel down never finishes, so no count is written for it: its
      // outputs (the log of the install before the restart) come from the run that restarted.
      if (shutdowns.has(segment)) continue;
      if (clearedWithItsNeighbours(ranAbove[i], ranBelow[i]) || ranInOrderUncounted(segment)) continue;
      // Some tools write 0 for a cell never run here: no run gives that count either.
      const count = segment.executionOrder === 0 ? 'execution count 0, which no run gives' : 'no execution count';
      found.push({
        segment,
        message: `This cell has saved outputs but ${count}: the notebook records no run that produced them; they may be left from an earlier session, or from a run not finished when it was saved`,
        note: `${cellLabel(segment)} has outputs but ${count}`,
        related: [],
      });
    }
  }
  return found.sort((a, b) => a.segment.startOffset - b.segment.startOffset);
}

/**
 * Whether a cell with outputs but no count lies among cells whose own counts a tool cleared: the
 * nearest cell above it that ran (`above`) keeps its count only in its result, and so does the nearest below,
 * with a number free between the two for this cell (`[19]`, this plot, `[23]`), or no cell below it
 * ran. The tool cleared this cell's count with theirs; nothing shows it ran in another session.
 */
function clearedWithItsNeighbours(above: Segment | undefined, below: Segment | undefined): boolean {
  if (!above?.countFromResult) return false;
  return !below || (!!below.countFromResult && below.executionOrder! - above.executionOrder! > 1);
}

/** The cells of one kernel session run out of order or sharing a count. */
function sessionSymptoms(executed: readonly Segment[], firstLine: (segment: Segment) => Range): Symptom[] {
  const found: Symptom[] = [];
  // The cells that ran in top-to-bottom order are the longest increasing run of counts; the rest
  // were run (or re-run) out of order.
  const inOrder = longestIncreasing(executed.map((s) => s.executionOrder!));
  // Cells sharing a count are one symptom (two kernel sessions, or a copied cell), at the first of
  // them outside the in-order run, linked to the others.
  const sharing = new Map<number, Segment[]>();
  for (const segment of executed) pushTo(sharing, segment.executionOrder!, segment);
  const reportedTwins = new Set<number>();
  executed.forEach((segment, i) => {
    if (inOrder.has(i)) return;
    const order = segment.executionOrder!;
    const twins = (sharing.get(order) ?? []).filter((s) => s !== segment);
    if (twins.length > 0) {
      if (reportedTwins.has(order)) return;
      reportedTwins.add(order);
      found.push({
        segment,
        message: `This cell has the same execution count [${order}] as ${twins.map(cellLabel).join(', ')}: they ran in different kernel sessions (or one was copied after it ran), so the saved results do not come from one run`,
        note: `${cellLabel(segment)} has the same execution count [${order}] as ${twins.map(cellLabel).join(', ')}`,
        related: twins.map((twin) => ({ range: firstLine(twin), message: `${cellLabel(twin)} ran as [${order}]` })),
      });
      return;
    }
    // Name the cell it ran before although it sits below it, or after although it sits above.
    const above = executed.slice(0, i).reverse().find((s) => s.executionOrder! > order);
    const below = executed.slice(i + 1).find((s) => s.executionOrder! < order);
    const neighbour = above ?? below;
    // Run times the notebook saved for both cells (Colab's) that put them the other way round from
    // their counts: the counts are of two kernel sessions, and neither order holds within one run.
    const timesDisagree = !!neighbour && segment.ranAt !== undefined && neighbour.ranAt !== undefined
      && (above ? segment.ranAt > neighbour.ranAt : segment.ranAt < neighbour.ranAt);
    if (neighbour && timesDisagree) {
      const between = `in another kernel session than ${cellLabel(neighbour)} ([${neighbour.executionOrder}]) ${above ? 'above' : 'below'} it`;
      found.push({
        segment,
        message: `This cell ran as [${order}] ${between} (the run times the notebook saved put this cell ${above ? 'after' : 'before'} it): the saved results do not come from one run`,
        note: `${cellLabel(segment)} ran as [${order}] ${between}`,
        related: [{ range: firstLine(neighbour), message: `${cellLabel(neighbour)} ran as [${neighbour.executionOrder}]` }],
        counterpart: neighbour,
      });
      return;
    }
    const where = neighbour ? `, ${above ? 'before' : 'after'} ${cellLabel(neighbour)} ([${neighbour.executionOrder}]) ${above ? 'above' : 'below'} it` : '';
    found.push({
      segment,
      message: neighbour
        ? `This cell ran as [${order}]${where}: the saved results come from an out-of-order run`
        : `This cell ran as [${order}], out of top-to-bottom order: the saved results depend on hidden kernel state`,
      note: `${cellLabel(segment)} ran as [${order}]${where || ', out of top-to-bottom order'}`,
      related: neighbour ? [{ range: firstLine(neighbour), message: `${cellLabel(neighbour)} ran as [${neighbour.executionOrder}]` }] : [],
      counterpart: neighbour,
    });
  });
  return found;
}

/**
 * Whether the notebook is known to keep no output in any cell (read from its file: the editor does
 * not say). Its counts are then all that is left of the session: no result saved in it came from the
 * out-of-order run, and a restart and run of all cells would change nothing it shows.
 */
function keepsNoOutputs(segments: readonly Segment[]): boolean {
  return segments.every((segment) => segment.hasOutputs === false);
}

/**
 * Whether every output the notebook is known to keep is kept by a cell that only shows something
 * (showOnlyCells: it reads no name another cell binds, and no other cell reads what it binds): each
 * such output is what a run now would show, so, as in a notebook that keeps no output, no result
 * saved in it came from the out-of-order run (a tutorial whose one saved output is `32*12`).
 */
function keepsOnlyShownOutputs(doc: RuleContext['doc'], index: SemanticIndex): boolean {
  if (doc.segments.some((segment) => segment.hasOutputs === undefined)) return false;
  const kept = new Set(doc.segments.flatMap((segment, i) => (segment.hasOutputs ? [i] : [])));
  return kept.size > 0 && showOnlyCells(doc, index, kept).size === kept.size;
}

function check(context: RuleContext): void {
  const { doc } = context;
  if (keepsNoOutputs(doc.segments)) return;
  const firstLine = (segment: Segment): Range => ({
    start: { line: segment.startLine, character: 0 },
    end: { line: segment.startLine, character: lineEndOffset(doc, segment.startLine) - doc.lineStarts[segment.startLine] },
  });
  // A notebook whose saved state is not one top-to-bottom run has one cause and one remedy
  // (restart, run all, save): one finding, at the first cell that shows it, linked to the others.
  const shutdowns = shutdownCells(doc, context.index);
  const importOnly = importOnlyCells(doc, context.index);
  const importUsers = plainImportUsers(doc, context.index, importOnly);
  const notebook: Notebook = {
    restarts: sessionStarts(doc, shutdowns),
    shutdowns,
    setUpOnly: setUpOnlyCells(doc),
    runsNothing: (segment: Segment) => cellRunsNothing(doc, segment),
    showOnly: new Set(),
    importOnly,
    unusedImports: new Set([...unusedImportCells(importUsers), ...environmentReportCells(doc, context.index)]),
    importsUsedBelow: importsUsedBelowCells(importUsers),
    importSetting: importSettingCells(doc, context.index),
    rCells: separateRCells(doc, context.index),
    definitionOnly: new Set(),
    names: new Map(),
    observing: new Map(),
    selfContained: new Set(),
    inert: new Set(),
  };
  let found = symptoms(doc.segments, firstLine, notebook);
  // Worked out only for the notebooks that show a symptom, and for the cells a symptom names.
  if (found.length > 0 && keepsOnlyShownOutputs(doc, context.index)) return;
  if (found.length > 0) {
    const candidates = new Set(found.flatMap((symptom) => [symptom.segment.startLine, ...symptom.related.map((r) => r.range.start.line)]).map((line) => segmentIndexAtLine(doc, line)));
    found = symptoms(doc.segments, firstLine, { ...notebook, showOnly: showOnlyCells(doc, context.index, candidates), ...definitionCells(doc, context.index) });
  }
  const [first, ...rest] = found;
  if (!first) return;
  // Two cells run in swapped order are one inversion: the cell the message already names as run
  // before or after it is linked there, and not listed again as another cell out of order, also
  // when its own order is told against a third cell that is linked in its own right ([30] [31]
  // [29]: the [31] cell is linked as run after the [29] one).
  const others = rest.filter((other) => !(other.segment === first.counterpart && other.counterpart));
  const n = others.length;
  context.report({
    range: firstLine(first.segment),
    message: n === 0 ? first.message : `${first.message} (${n} other cell${n > 1 ? 's' : ''} of this notebook, linked, ${n > 1 ? 'do' : 'does'} not fit one top-to-bottom run either)`,
    related: [...first.related, ...others.map((other) => ({ range: firstLine(other.segment), message: other.note }))],
  });
}

export const notebookOutOfOrder: Rule = {
  meta: {
    code: 'MLD804',
    name: 'notebook-out-of-order',
    category: 'reproducibility-debt',
    severity: 'warning',
    recommended: true,
    notebookOnly: true,
    docs: {
      summary: 'The saved execution counts of a notebook\'s cells do not increase from top to bottom, or a cell keeps outputs although it was not executed in the recorded run.',
      why: 'Reproducibility debt (§8): the results saved in the notebook were produced by running cells in an order that "Run All" will not repeat. They may depend on variables that were since changed or deleted, so nobody — including the author next week — can reproduce them from the notebook as it reads.',
      example: '# [1] import pandas as pd\n# [5] df = pd.read_csv("train.csv")\n# [3] model.fit(df[features], df.y)   <- ran before the cell above it',
      fix: 'Restart the kernel and run all cells from top to bottom, then save. If a cell must run out of order, the notebook is hiding a dependency: move the code to where it runs.',
      notebooks: 'The cells that ran in top-to-bottom order are taken to be the longest increasing run of execution counts; the others ran out of order, each before or after a neighbouring cell. Cells that share an execution count show one symptom, at the first of them outside that run; cells that keep outputs without a count show another. A notebook has one finding, at the first cell with a symptom, linked to the neighbour or twin it names and to every other such cell: whatever their number, one restart and run of all cells pays it off. In the editor the counts come from the notebook\'s execution summary, as VS Code reports it; the CLI reads `execution_count` and `outputs` from the .ipynb file. Counts order runs within one kernel session only: where the file also keeps when each cell ran (Colab saves it in the cell\'s metadata, `executionInfo.timestamp`) and those times put a cell and the neighbour its count is told against the other way round (`[52]` saved on one day, the `[30]` below it three days later), the two ran in different kernel sessions, and the finding says so rather than naming an order neither run had; it is still reported, for their outputs do not come from one run. Times that agree with the counts, or a cell without a saved time, leave the order as the counts tell it.',
      nearMisses: 'Notebooks never executed, cells never executed (no count and no outputs), gaps in the numbering, and empty cells are not reported; nor is a notebook that keeps no output in any cell, as its file shows (in the editor, which does not say, it is still compared): the counts are all that is left of its session, so no result saved in it comes from the out-of-order run (a template whose outputs were cleared but a few counts kept, cells that only bind names and print nothing); nor, for the same reason, is a notebook whose every kept output is kept by a cell that only shows something, in the sense below (a tutorial whose one saved output is the value of `32*12`, its other cells out of order but showing nothing that was saved): such an output is what a run now would show, so still no saved result comes from the out-of-order run, while one output of a cell that reads another cell\'s name (`img.size`, `df.head()`) keeps the notebook compared; nor are cells that are only comments (a note, download commands commented out, `#!wget ...`): they run nothing, whenever they ran. The outputs such a cell keeps without a count (the log of a clone whose command was commented out after it ran) came from code it no longer holds and feed no result, as the log of a set-up cell does not, so they are not reported either.\n\nNor is a cell that only shows something: no other cell reads a name it binds, it reads no name another cell binds, it imports only IPython\'s display and calls only builtins, display functions and its own functions (a display function another cell imports from IPython\'s display, `Image` among the notebook\'s imports, is the one object the cell\'s own import would bind, so reading it is no read of another cell), and it runs no magic or shell command but one that only prints files (`!cat workflow.yaml`, `!head -n 5 train.csv`, `!pygmentize app.py`: one command on paths written out, nothing piped, redirected or filled in at run time; or that only lists what a folder holds, `!ls ../results/sweep3*`, `!ls -lh checkpoints/`, a glob allowed in a path\'s last part, in a notebook that writes no file, runs no other shell command or magic but line magics that touch no file (`%matplotlib inline`), and names nothing in that folder or matching that glob outside a read: nothing can change what it lists, so it shows the same whenever it ran), writes no file and names none that another cell writes, a figure `savefig` saves among them (a closing cell that styles the page from a CSS file, `Image(filename="figures/loss.png")`, `!cat` of the configuration file the next cell loads, a constant worked out by hand). A module another cell imports, read only for its version or another dunder attribute (`print(tf.__version__)`, `np.__version__` as the cell\'s value), or a function another cell imports whose documentation the cell shows (`help(permutation_test)`, `permutation_test.__doc__`), is no such name: the import sets it, so it reads the same whenever the cell ran; help about a function or value another cell defines is still a read; a module\'s setting (`pd.options.display.max_rows`), which another cell may change, is one. Nor is `import sys` an import that runs anything: the interpreter loads `sys` before any cell runs, so a cell that imports it only to show facts fixed when the kernel started (`print(sys.executable)`, `sys.version`, `sys.platform`) shows the same whenever it ran; one that shows what a cell may change in it (`print(sys.path)`) is compared. Nor is a question about the hardware a library sees, asked of a module another cell imports (a GPU check, `tf.config.list_physical_devices("GPU")` or `print(torch.cuda.is_available(), torch.cuda.device_count())`): the machine answers it, not the cells, so it is the same whenever the cell ran; in a notebook that writes an environment variable (`os.environ["CUDA_VISIBLE_DEVICES"] = "1"`, `%env`), which the library reads as it starts, it is compared, and so is a question the program\'s own choices answer (`tf.config.list_logical_devices()`, `torch.cuda.current_device()`). Whenever it ran, it shows the same and changes nothing the other cells see, so its count is not compared, and outputs it keeps without a count are not reported either: they are what a run now would show. A cell that imports any other module (`import os; os.environ["DATA_DIR"] = ...`), prints a frame another cell builds, or links a file another cell writes (`FileLink("out/summary.csv")` after `to_csv("out/summary.csv")`) is compared, and so is a print of a file that something may write: one another cell writes, or names otherwise than as the path it reads (`open("workflow.yaml")`) — in a magic or shell command, whose effect on files is not followed (`!head out/train.csv` after `!python prepare.py --out out/train.csv`, `!cat app.py` after `%%writefile app.py`), or in a string handed to its own helper (`save_split(valid, "valid.csv")`) —, or prints again in another cell (`!cat flagged/log.csv` before and after the app that logs to it runs).\n\nA count of 0 is a placeholder some tools write into every cell, not a run: such cells count as never executed. A cell whose own count a tool cleared but whose result (an `execute_result` output, which keeps the count of the run that produced it) still has one ran as that count, and is compared by it like any other cell: it is not reported as outputs without a count. Such result counts do not show by themselves that the notebook as saved ran: where a tool cleared every cell\'s own count, the cells whose outputs keep no count (printouts, plots) are not reported for it, as in a notebook whose counts were all cleared, while the results\' counts are still compared. Nor is a plot or printout with no count among cells whose own counts a tool cleared: the nearest cell above it that ran keeps its count only in its result, and so does the nearest below, with a number free between the two for it (`[19]`, the plot, `[23]`), or no cell below it ran; its count was cleared with theirs. One below a cell that keeps its own count, or between results with consecutive counts, is still reported. Nor is a cell with outputs but no count that alone binds a name a cell below it reads as it runs (`trainer = Trainer(...)`, then `trainer.train()` in a cell that ran; also in the body of a function of the notebook that the cell calls as it runs, or of one that function calls in turn: `process_split(train_rows)`, whose body calls the `encode_sample` the count-less cell defines, for calling a function runs its body), with a number free for it between the counts of the cells around it (`[10]`, this cell, `[12]`): the reader ran in that session after the cell above this one and raised no error, so this cell ran in that session before it, in order, and only its count was lost (an editor that never got the cell\'s reply writes none); its outputs are that run\'s. The cells around it are the nearest that ran, an install or clone cell too, whose count is a run of that session; with none above it (the imports cell at the top, no count, its log kept, then `[2]`), a kernel numbers its runs from [1], so the numbers below the count of the cell below it are free; several such cells in a row each need a number of their own between those counts (`[2]`, two of them, `[5]`), each read by a cell that ran later than the number it takes, which may be such a cell too, ran as the number it takes (`[6]`, the training cell, the report that reads its predictions, `[9]` that plots the report\'s matrix: the plot shows the report ran, and the report that the training did), while two between `[2]` and `[4]` are still reported, and so is a cell whose only reader is a count-less cell no counted cell below shows to have run. One that binds only names other cells bind too, whose reader ran before the cell above it or saved an error, between consecutive counts, or in a notebook with a cell whose names are beyond sight (a magic other than an install, a shell escape or one that binds no variable, a `*` import, `exec`, `globals()` put to any use but asking whether a name written out is bound: `"__file__" in globals()`, the test a notebook makes of whether it runs as a script, reads that one name and binds none), is still reported. A shell escape (`!nvidia-smi`, `!ls data`) puts no names beyond sight: it runs in a subshell, which cannot bind the kernel\'s variables, and one whose output is assigned (`files = !ls`) binds the name written out; nor does a line magic that sets no variable (`%matplotlib inline`, `%cd ..`, `%env`, `%config`). `!!ls`, which also binds IPython\'s output names, `%pylab`, which imports NumPy\'s and pyplot\'s, and a magic that runs code in the kernel (`%run helpers.py`, `%store -r`) still do. A cell with outputs but no count is not said to come from an earlier session: one still running when the notebook was saved has no count either, so the message names both.\n\nA notebook with several cells out of order is one finding, not one per cell: the cause (a session that was not one run from the top) and the remedy are the same for all of them. Two cells run in swapped order are one inversion, named once: the cell the message names as run before or after the reported one is not counted or linked again as another cell out of order, also when it ran out of order against a third cell too (cells run as [30] [31] [29]: the message names the [29] cell, and the [31] cell is linked as run after it).\n\nA restart the notebook prescribes starts a new session: a markdown cell that tells the reader to restart the kernel ("Restart the kernel before proceeding", "Kernel > Restart"; not one that says no restart is needed) or the Jupyter server that runs it ("Now, restart Jupyter Lab", "restart the Jupyter server"), as a server that stops ends every kernel it started (not a window, tab or extension of Jupyter that is reloaded, "restart the JupyterLab window", which leaves the kernel running), or a code cell that shuts the kernel down to have it restarted (`app.kernel.do_shutdown(True)`, `os._exit(0)`, the process killing itself with `os.kill(os.getpid(), 9)` as Colab notebooks do after an install; not a signal that ends nothing, `SIGINT`, nor one sent to another process). So does `exit()` or `quit()` run at the cell\'s own level (`!pip install detectron2` then `exit(0)`): in a notebook it is IPython\'s exiter, which ends the kernel unless its first argument, `keep_kernel`, is true; `exit(1)` or `exit(keep_kernel=True)` keeps the kernel, an `exit()` under an `if` or in a function may never run, and `sys.exit()` raises a `SystemExit` that IPython catches, so none of them starts a session. Set-up notebooks install packages and then restart, so the counts begin again below that point by design: each session is judged on its own, a count shared across the restart is not reported, and cells out of order within a session still are. The cell that shuts its kernel down never finishes, so no count is written for it: the outputs it keeps without one (the log of the install before the restart) come from the run that restarted, and are not reported.\n\nA cell that only installs packages (every line a comment or a pip or conda install, through `!pip`, `%pip`, automagic `pip install`, a `%%bash` body, under `%%capture` too; an `import sys` that an install into the kernel\'s own Python needs, `!{sys.executable} -m pip install x`, only serves that line; so does a test of where the notebook runs around the installs it guards (`IN_COLAB = "google.colab" in sys.modules`, then `if IN_COLAB:` over `!pip install` lines, in that cell or under `%%capture` in the next; `if "google.colab" in sys.modules:`; `try:` `import google.colab` with installs, `except ImportError: pass`), for whether `google.colab` is loaded is a fact of the machine, the same in every session, so the flag bound again holds the same value; a flag the notebook also binds another way (`IN_COLAB = False` in a later cell), a guard on another name (`if INSTALL:`), or a guarded body that also runs code (`import wget` and a download beside the install) is compared; and so does `%matplotlib inline` beside the installs (`!python -c "import monai" || pip install -q monai` then `%matplotlib inline`, the set-up cell of many tutorials): it picks the backend a notebook\'s kernel draws with by default anyway, so a session that never ran it draws the same, while another backend (`%matplotlib widget`) leaves the cell compared; automagic also with pip\'s general options before the subcommand, `pip -q install x` or `pip --timeout 60 install x`, which no Python line can be, so such a cell is read as the install it is, not left unparsed) changes the environment, not the kernel\'s variables: run in an earlier session (before the restart an install asks for, whether or not the notebook says so) or re-run later, it leaves nothing the other cells\' results depend on, so its count is left out of the comparison. A system package manager\'s install, and the refresh of its index that the install needs, count as such installs (`!apt-get update; apt-get install -y graphviz graphviz-dev`, `!sudo apt install ffmpeg`, `!brew install libomp`): they change the machine, not the kernel\'s variables, as a pip install does; another use of the package manager (`!apt list --installed`) is compared. So does a set-up cell whose shell commands only fetch, unpack or copy files besides installing (`!git clone URL`, `!wget URL`, `!unzip data.zip`, `!tar -xzf`, `!cp -r repo/* .`, `!mkdir`): the files are on disk, which a restart keeps, and fetching or copying them again leaves the same files. A download through a data host\'s own client is such a fetch (`!kaggle datasets download -d owner/name`, `!kaggle competitions download -c titanic`, `!huggingface-cli download`, Google Drive\'s `!gdown`): it only puts the dataset\'s files on disk, as `wget` does, so its log kept without a count is not reported either; the client\'s other commands (`!kaggle competitions submit -f submission.csv`, which uploads a file a cell writes) are compared. So does a cell whose shell commands only record the work in git or look at it (`!git add .`, `!git commit -m "notebook"`, `!git push`, `!git status`): they leave every file the other cells read as it was; one that also pulls, checks out or resets (`!git pull`), which changes files, is compared. A set-up cell whose Python only shows something, in the sense above (a confirmation printed after the install, `print("Packages installed")`, its log cleared with IPython\'s `clear_output()`), is left out of the comparison too: whenever it ran, it shows the same and leaves the same packages and files, so outputs it keeps without a count (the install\'s log and its confirmation) are not reported either. A cell that installs or fetches and also runs code (a print of a frame another cell builds, a library\'s option set) or any other command (`%cd repo`, which moves the kernel itself; `!python train.py`, whose output is a result) is compared, and the other cells of a notebook run in two sessions still are.\n\nA cell that only imports (every statement an `import` or `from ... import`, besides comments, `%matplotlib inline` and settings of how values print: pandas\' display options, `pd.options.display.max_colwidth = 0` or `pd.set_option("display.max_columns", None)`, and `np.set_printoptions(...)`; the style figures are drawn in, seaborn\'s `sns.set(font_scale=1.2, style="whitegrid")`, `sns.set_theme(...)`, `sns.set_style(...)`, `sns.set_context(...)` or `sns.set_palette(...)` and matplotlib\'s `plt.style.use("ggplot")`, which change how a figure looks, never what it shows, as a display option changes how a frame prints; and filters of which warnings are shown, `warnings.filterwarnings("ignore")` or `warnings.simplefilter("ignore", FutureWarning)`, with any action but `"error"`, which makes a warning stop the cell; nothing a cell computes depends on them) and ran again after a cell below it is left out of the comparison too: Python runs a module once, and the import finds it in `sys.modules` when the cell runs again, so the re-run binds the same modules the cells below ran with (an import added to the top cell and run last). IPython\'s autoreload set-up (`%load_ext autoreload`, `%autoreload 2`, `%aimport src.data`) is such an import, alone or beside others: IPython loads an extension once (its log says it is already loaded when the cell runs again), and when edited modules are read again changes no value the cells below computed; so is loading an extension that only formats the cells\' code with black (`%load_ext lab_black`, `nb_black`, `jupyter_black`): it rewrites the text in the editor into code with the same syntax tree, and computes nothing the cells below see; another extension (`%load_ext cudf.pandas`, which moves pandas onto the GPU) may, and is compared. So is a folder put on the import path beside the imports it serves (`sys.path.append("../src")`, `sys.path.insert(0, "..")`): it says only where modules are found, and the modules already imported stay in `sys.modules`, so run again it changes nothing the cells below computed; a change of the working folder beside it (`os.chdir("../data")`), which moves every relative path the cells below read, is compared. So is mounting Colab\'s drive (`from google.colab import drive`, `drive.mount("/content/drive")`), alone or beside imports: the mount belongs to the machine, which outlives a restart of the kernel, and mounting again finds it there, so a re-run leaves the files the cells below read as they were; a cell that also unmounts it (`drive.flush_and_unmount()`), moves into it (`%cd /content/drive/MyDrive`) or reads from it is compared. So is getting the kernel\'s Spark session from its builder (`spark = SparkSession.builder.appName("eda").getOrCreate()`, also with `master`, `config` or `enableHiveSupport` steps given values written out), alone or beside imports: `getOrCreate()` hands back the session that already runs, so re-run after the cells below it, the cell binds the session they used; a builder step given a value another cell computes (`.config("spark.driver.memory", MEMORY)`), a cell that also reads data or does anything else, or a notebook that stops the session (`spark.stop()`), after which the builder starts a new one, is compared. The log such a cell keeps without a count (`Mounted at /content/drive`, the warnings an import prints) is not reported either: the cell binds modules and changes no value, so whichever session printed that log, no saved result depends on it; a cell that also does anything else keeps its outputs reported. So is an import of an optional module beside what stands in for it (`try: from tqdm.auto import tqdm`, then `except ImportError:` or `except Exception:` with a stand-in `def tqdm(iterable, **kwargs): return iterable`, a class, another import, or a flag, `HAS_SHAP = False`, which the `try` may set too): whether the import fails depends on the environment, not on the cells, so run again it takes the same branch and binds the same names; a handler that catches another error (`except NameError:`), does anything else (reads a file, calls a function), or a `finally` that runs code, is compared. So is a statement that only shows the versions of the modules imported (`print(tf.__version__)`, `print("torch", torch.__version__)`, Python 2\'s `print sklearn.__version__`): printing changes nothing, and the version comes with the import; a print of anything else (a call\'s result, a frame, a `__version__` the notebook sets) is compared. Its count is still compared when another cell shares it, which may mark where a second session began, and when it ran before every cell below it. But a cell of plain imports only (no setting, mount, import path or magic beside them, no `*` import) that binds no name another cell reads, of modules no other cell imports, is left out of the comparison wherever it ran, also before the cells above it (a leftover `from llama_index.llms.openai import OpenAI` at the end of a notebook that runs its scripts with `!python`, run third): the cells above cannot have used what it gave, so a top-to-bottom run gives their results again; one whose name a cell above reads (`import pandas as pd` at the end, run first), or whose package another cell imports (`import sklearn.model_selection` at the end, `import sklearn` above it, which then finds the submodule as an attribute), is compared. So is one whose names and modules only cells below it use, run before cells above it and after every cell below it (`import torch` run before the cell above it that splits the frame and reads no `torch`, then read by the training cell below, which ran after it): the cells above could not use what it gave, and the cells below had it as they would in order, so a top-to-bottom run gives their results again; what an import finds depends on the import path, the working folder, the environment and the packages installed, so one run before a cell above it that may change them — a magic or shell command (`%cd repo`, `!pip install ...`), or a use of `sys`, `os` or `importlib` (`sys.path.append("../src")`, `os.chdir`, `os.environ[...] = ...`) — is compared, and so is one a cell below read before it ran. So is a cell that only reports the environment with the watermark extension (`%load_ext watermark`, then `%watermark -n -u -v -iv`, comments aside): it reads and binds no variable and changes nothing, so the cells above it computed the same whether it ran before or after them; its count is still compared where another cell shares it, for the report then comes from another session than the result beside it, and a cell that also loads another extension or runs anything else is compared. A cell that imports and also does anything else (`np.random.seed(0)`, a constant, `%cd data`) is compared.\n\nR cells (rpy2\'s `%%R`) run in an R interpreter with a state of its own: when no cell moves a value between R and Python (no `%%R -i df` or `-o fit`, no `%Rpush`, `%Rpull` or `y = %R ...`, no `rpy2.robjects` imported), the R cells and the Python cells are two programs, and a notebook that shows each step in both languages may be saved from one run of each, so each language\'s counts are compared only among themselves (Python cells [1] [2] [3] between R cells [2] [3] [4] are two in-order runs); R cells out of order among the R cells, or Python cells among the Python cells, are still reported, and so are all cells of a notebook whose R and Python cells exchange values.\n\nA cell that only defines functions and classes (every statement a `def`, a `class`, a class made by a factory such as `Feat = namedtuple("Feat", ["name", "size"])`, an import or a docstring, a constant written out in full beside them (`ROWS_PER_FRAME = 543` above the loader that reads it, `LIP = [61, 185, 40]`: a number, a string with nothing filled in, or a list, tuple, set or dictionary of them, which reads nothing and computes nothing, so binding it again binds the same value, as a `def` does), or a print of text written out in full, `print("✅ Helpers ready")`, which reads and binds nothing, or a choice of how values are shown, as a cell that only imports may make (a filter of which warnings are printed with any action but `"error"`, `warnings.simplefilter(action="ignore", category=FutureWarning)`; pandas\' display options, `pd.set_option("display.max_columns", None)`; NumPy\'s print options): nothing a cell computes depends on it, so beside the definitions it runs no code a result depends on; no magic, no `*` import) and ran before cells above it, or again after cells below it, is left out of the comparison when it commutes with each of them: it binds no name they bind, they read no name it binds, and what it reads as it runs (a decorator, a default value, a base class, a class body) is no name they bind. Running it only binds its functions, whose bodies read the names they use when they are called, so a `def run_knn(n):` cell run before the helpers cell above it was edited and re-run gives the state a top-to-bottom run gives, and the cells that call it ran after both; so does the helpers cell at the top, edited and run again after the cell below it that loads the data, when that cell calls none of its helpers. Run again, its imports bind the modules they bound before, so a cell below that ran before it and reads only them (`pd.read_csv(...)`) still commutes with it. Nor is a name both cells bind by importing it, or one binds so and the other reads, a tie when every binding of it in the notebook imports one same object and neither cell saved an error (`from sklearn.metrics import r2_score` in two helpers cells, each defining its own class, the upper one run again after the lower; `import pandas as pd` in a cell of functions run before the helpers above it that call `pd.read_csv`; a default `dtype=torch.float32` in a cell of functions run before the cell above it that imports `torch` and sets the constants, which ran again later): whichever import ran last, the name holds that object; a name some cell binds otherwise (a `def r2_score`), or imports from another place (`import polars as pd` below `import pandas as pd`), may hold another value, and is compared. One that also runs code at its top level (`frame = load_frame(path)`, a constant worked out from other names, `SAVE_PATH = os.path.join(ROOT, "features")`), takes a default from the cell above (`path=DATA_PATH`), defines again a function that cell defines, or defines one that cell calls, is compared; so is a helpers cell run again after a cell below it that calls one of its helpers, which ran with the definition the edit replaced.\n\nSo is a cell that only observes, run before a cell above it that only observes too, when the two commute: each statement a call, an `assert` (`assert \'<num>\' in tokens`, a check that reads and binds nothing, as a printout does), a tuple of values shown as the cell\'s value (`df.hours.min(), df.hours.max()`, as one value is), an assignment to plain names, a write into an object the cell itself made (a table from a call, `carriers = flights.groupby("carrier").agg(...)`, then `carriers["late"] *= 100` or `carriers.columns = [...]`; a counter from a literal), a `for`, `if` or `with open(...)` made of such statements (a loop that prints a dictionary\'s items), a function whose body is made of them (a helper that counts the test rows found among the training rows, called in the cell), or an import of packages other cells import too (Python loads a module once, so such an import only binds a name; a package no other cell imports may set itself up when the order decides) or of IPython\'s display (`from IPython.display import display, Markdown`), which the kernel loaded before any cell ran, each call one that changes nothing another cell sees (`print`, IPython\'s `display` and builtins that build a new value, scikit-learn\'s metrics, scikit-learn\'s functions given a seed written out (`make_blobs(100, random_state=2)`, `train_test_split(X, y, random_state=0)`, which draw from a generator of their own made from it; with no seed, or a generator another cell may hold, they draw from one the cells share), NumPy\'s functions outside its random generator and its files (those of its `ma`, `linalg` and `fft` modules too), PyTorch\'s functions that build a new tensor from what they are handed (`torch.arange`, `torch.stack`, `torch.softmax`; not its draws, files or settings, `torch.manual_seed`), pandas\' constructors, tqdm\'s progress bars around an iterable (`tqdm(range(n))`, `trange(n)`), which hand its items on as they are, a scikit-learn class that draws no random numbers, a stage of Spark\'s ML library, or a torchvision transform, built in the cell (`cv = CountVectorizer(max_features=50)`, then `cv.fit_transform(texts)`; `indexer = StringIndexer(inputCol="Sex", outputCol="SexIndex")`: building it only stores its parameters, and fitting it changes only the object the cell made; `RandomForestClassifier()` draws from NumPy\'s generator and is compared), a model\'s outputs such as `clf.predict(X_test)` or `predict_proba`, methods that compute a new value from a frame or a dictionary and leave it as it was: `mean`, `value_counts`, `groupby`, `agg`, `sort_values`, `head`, `to_string`, `items`, `get_level_values`, a group\'s `transform("diff")` or `shift()`, `rank`, `duplicated`, `melt`, pandas\' printed summary of a frame, `df.info()` (it reads the frame, prints and returns `None`; not with `buf=`, a file it writes, nor a logger\'s `info("message")`, which may write a log file), a Spark DataFrame\'s queries and printouts (`df.select(hour(df["Date"])).show()`, `filter`, `groupBy`, `printSchema`, with the column functions of `pyspark.sql.functions` but its random `rand` and `randn`), an array\'s `prod` or `reshape`, a tensor\'s `repeat`, `view` or `item` (not `to`, `cuda` or `float`, which move or cast a module in place, nor an in-place method such as `add_`), a string\'s `title`, unless told `inplace=True`, and `apply` or `map` handed a function that changes nothing itself (a lambda, one of the cell\'s own functions, a builtin such as `len`; not another object\'s method, `df.apply(clf.partial_fit)`), methods of an object the cell made, of an element or attribute of it or of what its methods return (`ax.yaxis.grid(True)`, `legend.get_frame().set_alpha(0)`), the methods of the Styler that pandas\' `.style` makes (`rounded.style.apply(highlight, axis=1).format("{:.3f}")`: each access of `.style` makes a new one, and its methods change only it), `axes[k].set_title(...)` on `fig, axes = plt.subplots(1, n)`, and the cell\'s own functions), a plot (pyplot\'s and seaborn\'s functions, pyplot\'s also as pylab re-exports them, `import matplotlib.pylab as plt` or `import pylab`, and pandas\' plotting methods on a value the notebook built, `df["Close"].plot(...)`, `.hist()`, `.boxplot()`, `.plot.bar()`, which draw into the current figure and leave the frame as it was; a method of what pyplot or seaborn returns, `plt.gca().yaxis.set_major_formatter(...)` or `sns.lineplot(...).set_title(...)`, draws there too, and building one of matplotlib\'s helper objects for it, `PercentFormatter()`, `MaxNLocator(integer=True)`, `Normalize(0, 1)`, makes a new object and changes nothing), or a write of a file (`pickle.dump(clf, f)` into `open(path, "wb")`, `joblib.dump`, `to_csv`), neither binding a name the other binds or reads — a name each binds only for its own use, the variable of a loop each runs over its own values (`for label in labels:` above, `for label, count in counts.items():` below), is no tie when no read in either cell sees the other\'s value and no other cell reads what they left in it; nor is a name every binding of which in the notebook imports one same object (`from matplotlib.ticker import PercentFormatter` in the cell above, the class read below), when neither cell saved an error: the cell that ran first found it bound, and to that object whichever import bound it, while a name also bound otherwise (by a `def`, or an import from another place) may hold another value —, and not both plotting or both writing files (they may write the same one), unless each names every file it writes by a path written out in full and none is written by both (`plt.savefig("../images/q4_plot1.png")` in one cell, `"../images/q4_plot2.png"` in the other): whichever ran last, each file holds what its own cell wrote. A cell of imports above both, run again after them, binds again the modules they found bound, and does not count against them. Two plots commute when each cell opens a figure of its own before it draws anything, in a statement at the cell\'s own level (`plt.figure(figsize=(10, 6))`, `fig, ax = plt.subplots(1, 2)`), and reopens none by its number (`plt.figure(1)`, `num=`): each draws only into its own figure, whichever ran first; and so do any two plots under the inline backend, Jupyter\'s, VS Code\'s and Colab\'s default, which shows and closes every figure a cell opened when the cell ends, so the next cell that draws starts a figure of its own; a notebook that names another backend (`%matplotlib widget`, `%matplotlib notebook`, `%pylab qt`), chooses one in code (`matplotlib.use("Agg")`) or tells the inline backend to keep its figures (`%config InlineBackend.close_figures = False`) may draw two cells into one figure, and there they are compared; a figure saved (`plt.savefig`) is a file written. A model pickled by the cell below the evaluation printout, run first, writes a file the printout does not read. An evaluation printout and the feature-importance plot below it, run the other way round, read the same model and split whichever ran first, so a top-to-bottom run gives their results again. So do summary tables computed in the order of the cells that print them, all the computing cells first: each reads the loaded frame and binds names only its printout reads. So do two cells that read data back from files and show it (`best = pd.read_csv("../results/best_params.csv")`, then `best.style.format(precision=3)`; `pd.read_json`, `pd.read_parquet`), run in swapped order, when nothing in the notebook may write those files: the path is written out in full, no cell writes a file of that name or one whose path is not known in full, no string names the file but the path of a read (a helper handed its name may write it), and the notebook runs no magic or shell command but `%matplotlib` and `%config` (`!python tune.py` may write it) and never changes its working folder (`os.chdir`, which moves every relative path): reading a file nothing writes gives the same table whichever cell ran first, and changes nothing the other cell sees. A cell that writes into another cell\'s frame (`flights["late"] = ...`), or into a name bound to it (`carriers = flights`), changes it `inplace=True`, calls a module\'s function not listed (`requests.get`), or binds again a name the other reads, is compared. A cell that writes into an object (`X_test["score"] = ...`, `scores += [...]`), calls any other method on a value of another cell (`clf.set_params(...)`, `clf.fit(...)`), or reads a name the other binds (a report of the `y_pred` the cell below makes) is compared, as are two cells that both draw into the current figure, both write files, or both draw from or seed a random generator the cells share that the notebook seeds somewhere (NumPy\'s global one, the `random` module\'s, PyTorch\'s: swapped, each takes the numbers the other would have had; a cell that draws, `li_mean = [np.mean(np.random.choice(y, size=k)) for _ in range(500)]`, commutes with a plot of another list that touches no generator, which neither sees nor changes what the draws give, and two cells that draw from a generator nothing in the notebook seeds commute too: its numbers are new in every session, so no order of the two gives them again), a cell that unpickles a file (`pickle.load`, `pd.read_pickle`: unpickling runs code the file chooses) or reads one something in the notebook may write, one whose function writes into another cell\'s object, and a cell that also ran after a cell below it, unless that cell is itself left out this way. A cell that only works out values written in it reads nothing another cell makes and gives nothing another cell reads, so it fits any order and is left out of the comparison wherever it ran (`sample = "REPONSE 1: ..."` then `re.sub(pattern, "", sample)`, run again at the end): each name it reads is a builtin, a module every binding of which imports one same object and no cell sets an attribute of or changes through a method of one (`sys.path.append(...)`), or a name it bound itself above; its own imports may bind a module other cells import alike, but not put a submodule on a package they read (`import sklearn.model_selection`); each call is a builtin or module function that only works out a new value (the `re` module\'s matching and substitution, `math`, JSON to and from text, and the functions listed above), a read of a file no cell writes, or a method of what it made itself; and no other cell reads a name it binds. A notebook in which some cell changes how the whole process behaves (warnings turned into errors, a pandas option other than a display option, NumPy\'s error handling, PyTorch\'s defaults) has no such cell: that setting changes what any cell gives. A write whose file name is worked out at run time but ends in a suffix it writes out (`np.save(f"{tile_path}/{i}.npy", chirp)`) writes files of that suffix only, so a read of a file with another suffix is still a read of a file no cell writes. One that reads a file, prints a setting, calls a helper of the notebook, draws from a generator the notebook seeds, writes a file, or plots into a figure it shares is compared. The `Path` that fastai and fastcore hand on (`from fastai.tabular.all import Path`) is pathlib\'s, so a frame read through `path/"sample_submission.csv"` reads a file known by name, as one read through pathlib\'s `Path` does; a `Path` class of another library may name any file, and its reads are compared. A shell escape or magic that only installs packages (`!pip install dtreeviz -qqq`, its log sent to /dev/null) writes into the environment, not to a file a cell reads by name, so it does not make such reads unknown; a fetch, an unpacking, a copy or an install whose output goes to a file may write one, and the reads are then compared. Keras\' drawing of a model\'s layers into an image file (`plot_model(model, to_file="cnn.png")`) reads the model and writes that file, as a saved figure does, so it commutes with a cell that only evaluates the model; a cell that trains the model it draws, or writes the same image, is compared. IPython\'s player of samples in memory (`ipd.Audio(data[i:j], rate=sr)`) only shows them, as `display` does; one handed a path, a URL or `filename=` reads a file another cell may write. A cell known to keep no output (in a saved notebook) that leaves nothing a cell that ran uses is left out of the comparison, a count it shares with another cell included: a cell of definitions whose functions and classes no cell that ran reads or calls (the rebuild of a model a never-run cell would train), or one that only observes, draws and plots nothing, and writes only files no cell reads by name (`img = plot_model(model, to_file="cnn.png")`), whose names no cell that ran reads (an import of names a cell that ran calls is compared), and whose calls only work out values or write those files; whichever session ran it, no saved result depends on it. Building a class that only stores its parameters is such a call: a torchvision transform (`transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])`, a random `v2.RandomResizedCrop(224)` too, which draws when it is called on an image, not when it is built) or a scikit-learn class that draws no random numbers (`StandardScaler()`), so a cell that only builds a pipeline whose name no cell that ran reads (its use commented out) is left out wherever it ran; one whose pipeline a cell that ran calls, or that also builds a data set over another cell\'s folder (`datasets.ImageFolder(root, normalize)`), is compared. A method of an object another cell made (`predictor.predict(data)` against a deployed endpoint, five hundred times) may act outside the kernel, and such a cell is compared. One that keeps an output, or whose definitions a cell that ran calls, is compared; in the editor, which does not say whether a cell keeps outputs, every such cell is compared. A `%%bash` fetch script only sets files up too when its other lines only steer the fetch: a conditional around it (`if [ -d "20news-bydate-train" ]`, `then`, `else`, `fi`), a print or a listing (`echo`, `ls`), a move between folders (`pushd data`, `popd`), or the removal of the archive it unpacked (`rm 20news-bydate.tar.gz`); one that also runs a program, deletes anything else or prints into a file is compared.',
    },
  },
  check,
};
