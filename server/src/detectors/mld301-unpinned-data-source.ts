import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { KnownString } from '../semantics/dataflow';
import type { CallSite } from '../semantics/types';
import type { DataIO } from '../semantics/dataio';
import { argument } from '../semantics/calls';
import { sameNode, stripParens } from '../semantics/nodes';
import { ML_PACKAGES } from './shared/libraries';
import { HUB_DOWNLOADS, hubRepoType, isHubName, noRevision, pinnedRevision } from './shared/hub';
import { isOwnOutput, ownOutputs } from './shared/ownHubOutputs';
import { LoadGroups } from './shared/loadGroups';
import { tfdsBuilderNames } from './shared/tfdsBuilders';
import { groupBy } from '../engine/collections';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';

const REMOTE = /^(https?|ftp):\/\//i;
/**
 * URLs that name one immutable version: a commit hash, a version, a date or a month's snapshot in
 * the path or query, a release download, a DOI or a numbered Zenodo/Figshare record.
 */
const PINNED_URL = /\/[0-9a-f]{7,40}\/|(^|[^a-z])v\d+([._]\d+)*([^a-z]|$)|version=|[?&](rev|sha|commit|generation)=|(19|20)\d{2}[-_.](0[1-9]|1[0-2])\b|\/\d{8}\/|\/releases\/download\/|doi\.org\/|zenodo\.org\/records?\/\d+|figshare\.com\/.*\/\d{5,}/i;
const SELECT_ALL = /\bselect\s+(distinct\s+)?(\w+\.)?\*/gi;

/**
 * Whether some `SELECT *` of the query takes every column of a table: one whose FROM clause names a
 * table (or a view), not only derived tables, subqueries in parentheses that list their own columns
 * (`select * from (select a.id, a.score from t a) ab natural join (select id, age from u) c`): the
 * star there takes just the columns they list, and a `SELECT *` inside one is matched on its own.
 */
function selectsAllOfTable(sql: string): boolean {
  for (const match of sql.matchAll(SELECT_ALL)) {
    let depth = 0;
    let expectSource = false;
    let sawSource = false;
    let tableSource = false;
    const tokens = sql.slice((match.index ?? 0) + match[0].length).match(/\(|\)|,|[^\s(),]+/g) ?? [];
    for (const token of tokens) {
      if (token === ')') { if (--depth < 0) break; continue; }
      if (depth === 0 && expectSource) {
        expectSource = false;
        sawSource = true;
        if (token !== '(') tableSource = true;
      }
      if (token === '(') { depth++; continue; }
      if (depth > 0) continue;
      const word = token.toLowerCase();
      if (word === 'from' || word === 'join' || (word === ',' && sawSource)) expectSource = true;
      else if (/^(where|group|order|limit|union|having|window)$/.test(word)) break;
    }
    if (tableSource || !sawSource) return true;
  }
  return false;
}
/** Time-travel and snapshot clauses pin a query to one version of its table. */
const SNAPSHOT_QUERY = /\b(as\s+of|for\s+system_time|version\s+as|timestamp\s+as|snapshot)\b/i;
/**
 * A `WHERE` that bounds the rows from above by a constant date (`scraped_at::date = '2026-01-18'`,
 * `< '2025-01-01'`, `BETWEEN '2024-01-01' AND '2024-06-30'`): rows added later fall outside it,
 * while `SELECT *` still takes every new column. A lower bound alone (`>= '2024-01-01'`) stays open.
 */
const CLOSED_DATE_WINDOW = /\bwhere\b[\s\S]*?(?:(?<![>!<])=|<=?|\bbetween\b\s*(?:date\s*)?'\d{4}-\d{2}-\d{2}[^']*'\s*and)\s*(?:date\s*)?'\d{4}-\d{2}-\d{2}/i;
const SQL_READERS = new Set(['pandas.read_sql', 'pandas.read_sql_query', 'pandas.read_gbq', 'polars.read_database']);
/** The loaders of datasets by name. */
const DATASET_LOADERS = ['datasets.load_dataset', ...HUB_DOWNLOADS, 'sklearn.datasets.fetch_openml', 'tensorflow_datasets.load', 'tensorflow_datasets.builder'];
/** `load_dataset` builders that read files given in `data_files`, not a dataset on the Hub. */
const LOCAL_BUILDERS = new Set(['csv', 'json', 'parquet', 'text', 'imagefolder', 'audiofolder', 'videofolder', 'arrow', 'pandas', 'webdataset', 'sql', 'generator', 'xml']);

/**
 * The branch of a repository a file URL reads from (`raw.githubusercontent.com/org/repo/main`,
 * `huggingface.co/datasets/org/repo/resolve/main`): one commit pins every file read from it.
 */
const REPOSITORY_BRANCH = /^https?:\/\/(raw\.githubusercontent\.com\/[^/]+\/[^/]+\/[^/]+|github\.com\/[^/]+\/[^/]+\/(?:raw|blob)\/[^/]+|huggingface\.co\/(?:datasets\/|spaces\/)?[^/]+\/[^/]+\/(?:resolve|raw|blob)\/[^/]+|gitlab\.com\/[^/]+\/[^/]+\/-\/(?:raw|blob)\/[^/]+)\//i;

/**
 * A split's name as a word of a URL's path (`shapes-train.csv`, `bio_test.csv`, `data/valid/rows.csv`,
 * UCI's `sat.trn`): files that differ only there are the splits of one dataset, served side by side.
 * UCI also names a training part by the dataset alone, with the extension `.data` beside its `.test`
 * (`adult.data`, `adult.test`): that extension stands where a sibling's split name does.
 */
const SPLIT_WORD = /(?<=[/_.-])(train|training|trn|test|testing|tst|valid|validation|val|dev|eval)(?=[/_.-]|$)|(?<=\.)data$/gi;

/** The URL with its split words blanked out (the dataset its splits share), if it names one. */
function splitsOf(url: string): string | undefined {
  const [, site, path] = /^([a-z]+:\/\/[^/]*)([^?#]*)/i.exec(url) ?? [];
  const shared = path?.replace(SPLIT_WORD, '*');
  return shared !== undefined && shared !== path ? `${site}${shared}` : undefined;
}

/** The string values inside a path argument: itself, or the items of a list, tuple or dict. */
function pathStrings(index: SemanticIndex, path: Node): { node: Node; text: KnownString }[] {
  const node = stripParens(index.valueOf(path));
  const items = node.type === 'list' || node.type === 'tuple' ? node.namedChildren
    : node.type === 'dictionary' ? node.namedChildren.map((pair) => pair?.childForFieldName('value') ?? null)
    : [path];
  return items.flatMap((item) => {
    const text = item ? index.dataflow.stringOf(item) : undefined;
    return item && text ? [{ node: item, text }] : [];
  });
}

/**
 * The unpinned URLs one read takes (a `data_files` dict of splits is one load): one entry at the
 * first, naming how many more it reads and linked to them. Keyed by that URL, so reading the same
 * file again in another cell joins this finding.
 */
function remoteRead(context: RuleContext, io: DataIO): (UnversionedLoad & { branch?: string; splits?: string }) | undefined {
  if (io.what !== 'data') return undefined;
  const urls = io.paths.flatMap((path) => pathStrings(context.index, path)).filter(({ text }) => REMOTE.test(text.value) && !PINNED_URL.test(text.value));
  if (urls.length === 0) return undefined;
  const [first, ...others] = urls;
  const more = others.length > 0 ? ` and ${others.length} other URL${others.length > 1 ? 's' : ''}` : '';
  const branch = REPOSITORY_BRANCH.exec(first.text.value)?.[1];
  const splits = splitsOf(first.text.value);
  return {
    node: first.node,
    key: `url\u0000${first.text.value}`,
    ...(branch ? { branch } : {}),
    ...(splits ? { splits } : {}),
    message: `\`${io.label}\` reads data from the URL "${first.text.value}"${more}, which serve${more ? '' : 's'} whatever is there on the day it runs: nothing pins the version this code reads`,
    related: others.map(({ node, text }) => ({ node, message: `this load also reads "${text.value}", unpinned too` })),
  };
}

/** Connections to a database file on this disk: `sqlite3.connect("shop.db")`, `create_engine("sqlite:///shop.db")`, DuckDB. */
const LOCAL_DATABASE_CONNECT = new Set(['sqlite3.connect', 'duckdb.connect']);
const LOCAL_DATABASE_URL = /^(sqlite|duckdb)(\+\w+)?:/i;

/**
 * A local database file is data at rest, like a CSV beside the code: it changes when this project
 * writes it, not under it. Only a server that other systems write to is a live table.
 */
function readsLocalDatabase(index: SemanticIndex, call: CallSite): boolean {
  const connection = argument(call, 'con', 1) ?? call.kwargs.get('connection');
  if (!connection) return false;
  const url = index.dataflow.stringOf(connection);
  if (url) return LOCAL_DATABASE_URL.test(url.value);
  const connect = index.originCall(connection);
  if (!connect?.qname) return false;
  if (LOCAL_DATABASE_CONNECT.has(connect.qname)) return true;
  const engineUrl = /create_engine$/.test(connect.qname) && connect.args[0] ? index.dataflow.stringOf(connect.args[0]) : undefined;
  return !!engineUrl && LOCAL_DATABASE_URL.test(engineUrl.value);
}

/** Builtins that hand on what a frame shows of itself (`len(db)`, `set(db.columns)`) for a comparison. */
const DESCRIBING_BUILTINS = new Set(['builtins.len', 'builtins.set', 'builtins.sorted', 'builtins.list', 'builtins.tuple']);
/** Calls that only assert two frames are equal. */
const FRAME_ASSERTS = new Set(['pandas.testing.assert_frame_equal', 'pandas.util.testing.assert_frame_equal', 'numpy.testing.assert_array_equal']);
/** Calls that only show what they are handed. */
const SHOWING_CALLS = new Set(['builtins.print', 'IPython.display.display']);
const LOG_METHODS = new Set(['debug', 'info', 'warning', 'error']);

/**
 * The largest expression around a read of a frame that only looks at it: its attributes and items
 * (`db.shape[0]`, `db.columns`), methods called on it (`db.describe()`, `db.sort_index(axis=1)`) and
 * the builtins that measure it (`len(db)`, `set(db.columns)`).
 */
function describedFrame(index: SemanticIndex, read: Node): Node {
  let node = read;
  for (;;) {
    const parent = node.parent;
    if (!parent) return node;
    if ((parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), node) && parent.childForFieldName('attribute')?.text !== 'equals')
      || (parent.type === 'subscript' && sameNode(parent.childForFieldName('value'), node))
      || (parent.type === 'call' && sameNode(parent.childForFieldName('function'), node))) {
      node = parent;
      continue;
    }
    const call = parent.type === 'argument_list' ? index.call(parent.parent!) : undefined;
    if (call?.qname && DESCRIBING_BUILTINS.has(call.qname) && call.args.length === 1) {
      node = call.node;
      continue;
    }
    return node;
  }
}

/** The name at the root of a frame's description (`csv` in `len(csv.columns)`), if any. */
function describedName(node: Node): Node | undefined {
  let current: Node | null = stripParens(node);
  while (current) {
    if (current.type === 'identifier') return current;
    if (current.type === 'attribute') current = current.childForFieldName('object');
    else if (current.type === 'subscript') current = current.childForFieldName('value');
    else if (current.type === 'call') {
      const fn = current.childForFieldName('function');
      const args: (Node | null)[] = current.childForFieldName('arguments')?.namedChildren ?? [];
      current = fn?.type === 'identifier' && args.length === 1 ? args[0] : fn;
    } else return undefined;
  }
  return undefined;
}

/** The expression describes a frame the file reads from a local file (`csv.shape`, `len(csv)`): a frozen copy. */
function describesLocalCopy(index: SemanticIndex, expression: Node | null | undefined): boolean {
  const name = expression ? describedName(expression) : undefined;
  const value = name ? stripParens(index.valueOf(name)) : undefined;
  const io = value?.type === 'call' ? index.dataflow.dataIOAt(value) : undefined;
  if (!io || io.direction !== 'read' || io.what !== 'data' || io.table || io.paths.length === 0) return false;
  return io.paths.every((path) => !pathStrings(index, path).some(({ text }) => REMOTE.test(text.value)));
}

/** How one read of a live table's frame is used: compared with a frozen copy, only shown, or else. */
function frameUse(index: SemanticIndex, read: Node): 'compared' | 'shown' | 'other' {
  const described = describedFrame(index, read);
  const parent = described.parent;
  // `db.shape == csv.shape`, `len(db) != len(csv)`.
  if (parent?.type === 'comparison_operator') {
    const operators = parent.children.filter((child) => !child.isNamed).map((child) => child.text);
    const others = parent.namedChildren.filter((child) => child && !sameNode(child, described));
    return operators.every((op) => op === '==' || op === '!=') && others.length > 0 && others.every((other) => describesLocalCopy(index, other)) ? 'compared' : 'other';
  }
  // `db.equals(csv)`, `db.describe().equals(csv.describe())`.
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.text === 'equals' && parent.parent?.type === 'call') {
    const args = parent.parent.childForFieldName('arguments')?.namedChildren ?? [];
    return args.length === 1 && describesLocalCopy(index, args[0]) ? 'compared' : 'other';
  }
  const call = parent?.type === 'argument_list' ? index.call(parent.parent!) : undefined;
  if (call) {
    // `csv.equals(db)`, `assert_frame_equal(db, csv)`.
    if (call.method === 'equals' && call.receiver && describesLocalCopy(index, call.receiver)) return 'compared';
    if (call.qname && FRAME_ASSERTS.has(call.qname) && call.args.length === 2) {
      const other = call.args.find((arg) => !sameNode(arg, described));
      return other && describesLocalCopy(index, other) ? 'compared' : 'other';
    }
  }
  // `print(f"{db.shape[0]} rows")`, `logger.info(...)`, the message of an `assert` or a `raise`: a look
  // at the frame, in an argument or a string.
  for (let node: Node = described; node.parent && node.parent.type !== 'block'; node = node.parent) {
    const up = node.parent;
    if (up.type === 'assert_statement') return sameNode(up.namedChildren[0], node) ? 'other' : 'shown';
    if (up.type === 'raise_statement') return 'shown';
    if (up.type.endsWith('_statement')) break;
    if (up.type !== 'argument_list') continue;
    const shown = index.call(up.parent!);
    if (shown && ((shown.qname && SHOWING_CALLS.has(shown.qname)) || (shown.method && LOG_METHODS.has(shown.method) && /^log/.test(shown.receiver?.text ?? '')))) return 'shown';
    // The message of an exception built for a `raise` or an `assert` above.
    if (!shown || !/(Error|Exception|Warning)$/.test(shown.callee.text)) break;
  }
  return 'other';
}

/**
 * A live read bound to a name that is only checked against a copy the file reads from a local file
 * (`assert db.shape == csv.shape`, `db.equals(csv)`) and otherwise only shown: an integrity check that
 * fails on the very change the rule warns of, not a dependency on whatever the table holds.
 */
function onlyCheckedAgainstLocalCopy(index: SemanticIndex, call: CallSite): boolean {
  const assignment = call.node.parent;
  const target = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), call.node) ? assignment.childForFieldName('left') : undefined;
  const definition = target?.type === 'identifier' ? index.definitionFor(target) : undefined;
  if (!definition) return false;
  const uses = index.dataflow.usesOf(definition).map((use) => frameUse(index, use.node));
  return uses.includes('compared') && uses.every((use) => use !== 'other');
}

/**
 * A `SELECT *` read of a live table, keyed by the query (or table) and the connection it runs on:
 * the same query read again, in two cells or two functions, is one table to pin. The message says
 * the model trains on it only where the read reaches the data of a fit in this file.
 */
function liveQuery(index: SemanticIndex, call: CallSite, trained: () => ReadonlySet<number>): UnversionedLoad | undefined {
  const name = call.callee.text;
  if (readsLocalDatabase(index, call) || onlyCheckedAgainstLocalCopy(index, call)) return undefined;
  const connection = argument(call, 'con', 1) ?? call.kwargs.get('connection');
  const isTrained = (): boolean => trained().has(call.node.startIndex);
  if (call.qname === 'pandas.read_sql_table') {
    const table = argument(call, 'table_name', 0);
    if (!table) return undefined;
    const changes = isTrained() ? 'the training data' : 'the data this code reads';
    return {
      node: table,
      key: `table\u0000${table.text}\u0000${connection?.text ?? ''}`,
      message: `\`${name}\` reads the whole live table ${table.text}: every new row or column changes ${changes}, and nothing records which version was used`,
    };
  }
  const spark = !call.qname && call.method === 'sql' && !!call.receiver && index.importsModule('pyspark');
  if (!spark && !(call.qname && SQL_READERS.has(call.qname))) return undefined;
  const query = argument(call, 'sql', 0) ?? call.kwargs.get('query');
  const text = query ? index.dataflow.stringOf(query) : undefined;
  if (!query || !text || !selectsAllOfTable(text.value) || SNAPSHOT_QUERY.test(text.value)) return undefined;
  const [reads, changes] = isTrained() ? ['trains on', 'the training data'] : ['reads', 'the data this code reads'];
  return {
    node: query,
    key: `query\u0000${text.value.replace(/\s+/g, ' ').replace(/[\s;]+$/, '').toLowerCase()}\u0000${(connection ?? call.receiver)?.text ?? ''}`,
    message: CLOSED_DATE_WINDOW.test(text.value)
      ? `\`${name}\` ${reads} \`SELECT *\` from a live table: its rows end at a fixed date, but every new column changes ${changes} between runs, and nothing records which version was used`
      : `\`${name}\` ${reads} \`SELECT *\` from a live table: new rows and new columns change ${changes} between runs, and nothing records which version was used`,
  };
}

/** The start of every call whose data a model of the file is trained on (behind the data of a fit). */
function trainedCalls(index: SemanticIndex): Set<number> {
  const flow = index.dataflow;
  const inputs = flow.trainingCalls.filter((training) => training.inputs.length > 0).map((training) => training.inputs);
  return new Set([...flow.callsBehindFirst(inputs).keys()].map((call) => call.node.startIndex));
}

/** A dataset loaded by name with no version: the loader and name (one dependency) and what to say. */
interface UnversionedLoad {
  node: Node;
  key: string;
  message: string;
  related?: { node: Node; message: string }[];
}

function unversionedDataset(index: SemanticIndex, call: CallSite, ownBuilders: () => ReadonlySet<string>): UnversionedLoad | undefined {
  const q = call.qname;
  if (!q || call.hasSplat) return undefined;
  const hubDataset = q === 'datasets.load_dataset' || (HUB_DOWNLOADS.has(q) && hubRepoType(index, call) === 'dataset');
  if (hubDataset) {
    const path = q === 'datasets.load_dataset' ? argument(call, 'path', 0) : argument(call, 'repo_id', 0);
    const name = path ? index.dataflow.stringOf(path) : undefined;
    if (!path || !name || name.partial || LOCAL_BUILDERS.has(name.value) || !isHubName(name.value) || isOwnOutput(ownOutputs(index), name.value)) return undefined;
    const revision = pinnedRevision(index, call.kwargs.get('revision'));
    if (revision === 'pinned') return undefined;
    return {
      node: path,
      // One dataset of the Hub, whether loaded or downloaded file by file, is one dependency.
      key: `hub dataset\u0000${name.value}`,
      message: revision === 'branch'
        ? `\`${call.callee.text}("${name.value}")\` follows the branch ${call.kwargs.get('revision')!.text}, which moves: pin a commit hash or tag`
        : `\`${call.callee.text}("${name.value}")\` ${noRevision(call.kwargs.get('revision'))}: the dataset can be updated on the Hub under the same name, silently changing the data this code reads`,
    };
  }
  if (q === 'sklearn.datasets.fetch_openml') {
    if (call.kwargs.has('version') || call.kwargs.has('data_id') || call.args.length > 1) return undefined;
    const name = argument(call, 'name', 0);
    const text = name ? index.dataflow.stringOf(name) : undefined;
    if (!name || !text || text.partial) return undefined;
    return { node: name, key: `${q}\u0000${text.value}`, message: `\`${call.callee.text}("${text.value}")\` has no \`version=\`: OpenML serves whichever version of "${text.value}" is active on the day it runs` };
  }
  if (q === 'tensorflow_datasets.load' || q === 'tensorflow_datasets.builder') {
    const name = argument(call, 'name', 0);
    const text = name ? index.dataflow.stringOf(name) : undefined;
    if (!name || !text || text.partial || text.value.includes(':') || builderVersioned(index, call) || ownBuilders().has(text.value)) return undefined;
    // The configs of one builder (`movie_lens/100k-ratings`, `movie_lens/100k-movies`) are one dataset,
    // released together: one dependency, as one Hub dataset's configs are.
    const builder = text.value.split('/')[0];
    // Said of the data read, not of training data: a dataset loaded by name may only be evaluated or shown.
    return { node: name, key: `tensorflow_datasets\u0000${builder}`, message: `\`${call.callee.text}("${text.value}")\` has no version in the name ("${text.value}:1.2.3"): a new release of the dataset changes the data this code reads` };
  }
  return undefined;
}

/**
 * A TFDS builder told its version instead of reading it from the name: `version=` (`tfds.builder("mnist",
 * version="3.0.1")`), a builder config that carries one (`config=WmtConfig(version="0.0.3", ...)`, also
 * through a name bound to it), or either given in `tfds.load`'s `builder_kwargs={...}`. An empty
 * version string chooses none.
 */
function builderVersioned(index: SemanticIndex, call: CallSite): boolean {
  const given = new Map(call.kwargs);
  const extra = call.kwargs.get('builder_kwargs');
  const dict = extra ? index.valueOf(extra) : undefined;
  for (const pair of dict?.type === 'dictionary' ? dict.namedChildren : []) {
    const key = pair?.type === 'pair' ? index.dataflow.stringOf(pair.childForFieldName('key')!) : undefined;
    const value = pair?.childForFieldName('value');
    if (key && !key.partial && value) given.set(key.value, value);
  }
  const version = given.get('version');
  if (version) return index.dataflow.stringOf(version)?.value !== '';
  const config = given.get('config');
  return !!config && !!index.originCall(config)?.kwargs.has('version');
}

/**
 * The file imports an ML library for more than scoring, and reads a name so imported: `from
 * sklearn import metrics` in a pandas walkthrough computes an error, it trains nothing; and an
 * import nothing reads (left behind in a dashboard that only queries and plots) shows no training.
 */
function importsTrainingLibrary(index: SemanticIndex): boolean {
  const imported = index.imports.filter(({ target }) => ML_PACKAGES.has(target.split('.')[0]) && !/^sklearn\.metrics(\.|$)/.test(target));
  return imported.some((binding) => index.dataflow.readsOf(binding.local).some(({ resolution }) => resolution.kind === 'import' && resolution.binding === binding));
}

/** The dataset loaders; in a file that trains, the SQL readers too (Spark's `.sql()` among them). */
const DATASET_CALLEES: CalleeSelection = { qualified: DATASET_LOADERS };
const TRAINING_CALLEES: CalleeSelection = { qualified: [...SQL_READERS, 'pandas.read_sql_table', ...DATASET_LOADERS], methods: ['sql'] };

function listen(context: RuleContext): RuleListeners {
  // URLs and SQL tables count as training data only in files that train models; the dataset
  // loaders belong to ML libraries themselves.
  const trains = importsTrainingLibrary(context.index);
  // One dataset (or one file behind a URL) loaded several times, its train and test splits, in
  // two functions, is one dependency to pin: one finding at the first load, linked to the others.
  const datasets = new LoadGroups<UnversionedLoad>('dataset', 'unpinned too');
  const queries = new LoadGroups<UnversionedLoad>('query', 'on the same live table');
  let trained: Set<number> | undefined;
  const trainedOnce = (): Set<number> => (trained ??= trainedCalls(context.index));
  // A TFDS builder the project writes itself, in this file or in the module named after its dataset.
  let ownBuilders: ReadonlySet<string> | undefined;
  const ownBuildersOnce = (): ReadonlySet<string> => (ownBuilders ??= new Set([...tfdsBuilderNames(context.index), ...(context.project?.tfdsBuilders() ?? [])]));
  const files = new LoadGroups<UnversionedLoad>('URL', 'unpinned too');
  // Files read from one branch of one repository are pinned together, by one commit.
  const branches = new LoadGroups<UnversionedLoad>('repository branch', 'unpinned too');
  // The split files of one dataset served side by side (`shapes-train.csv`, `shapes-test.csv`)
  // are one dataset to pin; a URL with no sibling split stays a URL of its own.
  const splits = new LoadGroups<UnversionedLoad>('dataset', 'unpinned too');
  const urls: (UnversionedLoad & { splits?: string })[] = [];
  return {
    // URLs come with the loads.
    callees: trains ? TRAINING_CALLEES : DATASET_CALLEES,
    call(call) {
      const query = trains ? liveQuery(context.index, call, trainedOnce) : undefined;
      if (query) queries.add(query.key, query);
      const load = unversionedDataset(context.index, call, ownBuildersOnce);
      if (load) datasets.add(load.key, load);
    },
    load: trains ? (io) => {
      const url = remoteRead(context, io);
      if (url?.branch) branches.add(url.branch, url);
      else if (url) urls.push(url);
    } : undefined,
    finish() {
      const siblings = groupBy(urls, (url) => url.splits);
      for (const url of urls) {
        const split = url.splits ? siblings.get(url.splits)! : [];
        if (split.some((other) => other.key !== url.key)) splits.add(url.splits!, url);
        else files.add(url.key, url);
      }
      files.report(context);
      splits.report(context);
      branches.report(context);
      datasets.report(context);
      queries.report(context);
    },
  };
}

export const unpinnedDataSource: Rule = {
  meta: {
    code: 'MLD301',
    name: 'unpinned-data-source',
    category: 'unstable-data-dependencies',
    severity: 'warning',
    recommended: true,
    docs: {
      summary: 'Training data is read from a source that can change under you with no version pin: an http(s) URL in `read_csv`/`read_parquet`/`read_json`, a `SELECT *` query on a live table, `load_dataset(...)` or a dataset repository downloaded with `hf_hub_download`/`snapshot_download(..., repo_type="dataset")` without `revision=`, `fetch_openml(name)` without `version=`, `tfds.load(name)` without a version.',
      why: 'Unstable data dependencies (§3): input that someone else owns changes without notice — a file behind a URL is replaced, a table gains rows and columns, a dataset is re-published under the same name. The model trained today and the one trained next month then differ for reasons no code change explains, and an "improvement" upstream can silently break it. The paper\'s remedy is to consume a frozen, versioned copy of the data.',
      example: 'import pandas as pd\nfrom datasets import load_dataset\n\ndf = pd.read_csv("https://raw.githubusercontent.com/acme/data/main/churn.csv")\nreviews = load_dataset("imdb")\nusers = pd.read_sql("SELECT * FROM users", engine)',
      fix: 'Pin the version you train on: a URL with a commit hash or release tag, `load_dataset(..., revision="<commit sha>")`, `fetch_openml(name, version=3)`, `tfds.load("mnist:3.0.1")`, a query over a dated snapshot with explicit columns — or copy the data into versioned storage (DVC, a data registry) and read that copy. There is no automatic fix: only you know which version is the right one.',
      fixed: 'DATA_URL = "https://raw.githubusercontent.com/acme/data/5f2c1e9/churn.csv"\ndf = pd.read_csv(DATA_URL)\nreviews = load_dataset("stanfordnlp/imdb", revision="e6281661ce1c48d982bc483cf8a173c1bbeb5d31")',
      nearMisses: 'A `SELECT *` over derived tables only (subqueries in parentheses that list their own columns, joined or side by side) is not reported: the star takes just the columns they list, so no new column of the tables beneath reaches the data, while a table named in the same FROM or a `SELECT *` inside a subquery still is. One dataset loaded several times (its train and test splits, in two functions or cells, loaded with `load_dataset` or downloaded file by file) is one dependency to pin: one finding on the first load, linked to the others; so are the configs of one TensorFlow Datasets builder (`tfds.load("movie_lens/100k-ratings")` and `tfds.load("movie_lens/100k-movies")`, or a config given in `builder_kwargs`), which one release of the builder changes together, as one Hub dataset\'s configs are one repository, while another builder (`movie_lens` beside `imdb_reviews`) is a dependency of its own; so is one load of several URLs (a `data_files` dict of splits), and the same URL read again; so are files read from one branch of one repository (`raw.githubusercontent.com/org/repo/main/train.csv` and `.../main/test.csv`, a Hub repository\'s `resolve/main/...`), which one commit pins together. So are the split files of one dataset served side by side, whose URLs differ only in a split\'s name as a word of the path (`.../houses_train.csv` and `.../houses_test.csv`, `.../shapes/train/rows.csv` and `.../shapes/test/rows.csv`, statlog\'s `sat.trn` and `sat.tst`), and a training part named, as UCI does, by the dataset alone with the extension `.data` beside its `.test` (`adult.data` and `adult.test`): one snapshot of the dataset pins them together, while another file of the same folder (`zips.csv`, `trains.csv`) or the same file on another host is a dependency of its own. A dataset this file pushes to the Hub itself (`issues.push_to_hub("github-issues")`) is its own output, also when loaded back from the account it was pushed to (`load_dataset("course-author/github-issues")`), but not a dataset the file downloads and pushes again under its repository part (`load_dataset("rajpurkar/squad")` then `.push_to_hub("me/squad")`): the data pushed there came from someone else\'s repository, so its download is still reported; so is a repository the file creates, uploads or commits its files into (`create_repo("jdoe/tickets", repo_type="dataset")`, `HfApi().upload_file(..., repo_id="jdoe/tickets")`, `HfApi().create_commit("jdoe/tickets", operations=ops, repo_type="dataset")`). Local files, URLs that carry a commit hash, version, date or release tag, DOIs and numbered Zenodo records are left alone, and so is a TensorFlow Datasets builder told its version rather than given it in the name: `tfds.builder("mnist", version="3.0.1")`, a builder config that carries one (`config=tfds.translate.wmt.WmtConfig(version="0.0.3", ...)`), or either in `tfds.load`\'s `builder_kwargs`; a config with no version (`config="zh-en"`) pins nothing. So is a dataset whose TFDS builder the project writes itself, a class of `tfds.core.GeneratorBasedBuilder` (or another builder base) that registers the name loaded, in the file or in the module TFDS names after the dataset (`portraits_naruto.py` beside the file, or `my_dataset/my_dataset_dataset_builder.py` as `tfds new` makes it): its data and version come from the project\'s own code and files, which no release changes; a class of that name with another base is no builder. Queries that name their columns or read a snapshot (`AS OF`, `FOR SYSTEM_TIME`) are not `SELECT *` from a live table, and a database file on local disk (`sqlite3.connect("shop.db")`, `create_engine("sqlite:///shop.db")`, `duckdb.connect("x.duckdb")`) is not a live table at all: like a CSV beside the code, it changes only when the project writes it. One query on one connection read again (the same `SELECT *` in two cells or two functions, whatever its spacing, case or closing semicolon) is one table to pin: one finding on the first read, linked to the others; another query, or the same one on another connection, is its own. A `SELECT *` whose `WHERE` ends its rows at a constant date (`scraped_at::date = \'2026-01-18\'`, `< \'2025-01-01\'`, a `BETWEEN` two dates) takes no new rows but every new column, and its message says only that; a lower bound alone (`>= \'2024-01-01\'`) leaves new rows coming. A `SELECT *` read bound to a name that the file only compares with a copy it reads from a local file (`assert live.shape == frozen.shape`, `live.equals(frozen)`, `live.describe().equals(frozen.describe())`, `len(live) != len(frozen)`, `pd.testing.assert_frame_equal(live, frozen)`) and otherwise only prints, logs or puts in an error message is an integrity check of the table against the frozen data: it fails on the very rows and columns the rule warns of, so it is the remedy, not the dependency, and is left alone; a frame that anything else reads (a fit, a merge, a save), one compared with another live read, with a URL\'s data or only with a constant (`assert len(live) > 0`) is still reported. A `SELECT *` read says the model trains on it only where what it reads reaches the data of a fit in the file; elsewhere (a causal analysis) the message says the data this code reads changes. `load_dataset("csv", data_files=...)` and the other file builders read local files. So does a name whose first part has an underscore (`load_dataset("shared_data/conll2003-fixed")`): Hub accounts are named with letters, digits and hyphens only, so that part is a folder. URLs and SQL reads count only in files that import an ML library (scikit-learn, PyTorch, TensorFlow...) for more than `sklearn.metrics` and read a name so imported: an exploration notebook is not training, and neither is a dashboard whose estimator imports nothing reads (`from sklearn.cluster import KMeans` left above a `SELECT *` that fills a dropdown): an import never used shows no model. A dataset loaded by name is not left alone where the code only evaluates or shows it (a zero-shot evaluation on a test split, five sample images): those results change with the data too; but the message says the data this code reads changes, not the training data, since nothing says the load is trained on.',
    },
  },
  listen,
};
