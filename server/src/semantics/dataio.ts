// Where data and models enter and leave a program: the calls that load or save a dataset, a file
// or a model (`pd.read_csv`, `np.load`, `open`, `spark.read.parquet`, `df.to_csv`, `torch.save`,
// `save_pretrained`...), with the file or table they touch and, for writes of data, what is
// written. The calls are those of the one catalogue in library/io.ts; this module reads call sites
// against it.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from './index';
import { stripParens } from './nodes';
import type { CallSite } from './types';
import { ioClassMethod, ioFunction, ioMethod, OPEN_FUNCTIONS, SPARK, type ArgumentSlot, type DataHolder, type IoDirection, type IoSignature } from './library/io';

export type { DataHolder, IoDirection } from './library/io';

export interface DataIO {
  call: CallSite;
  direction: IoDirection;
  what: 'data' | 'model';
  /** What the data is once in memory, when a data library holds it; none for raw files, images and models. */
  holds?: DataHolder;
  /** `pandas`, `polars`, `spark`, `dask`, `numpy`, `datasets`, `sklearn`, `keras`, `torch`, `python`... */
  library: string;
  /** Every argument that names the file, folder or URL (`load_dataset(data_files=..., data_dir=...)` has two). */
  paths: Node[];
  /** The first of `paths`: the file path expression, for files. */
  path?: Node;
  /** The table name expression (`to_sql("scores")`) or SQL query (`read_sql("SELECT ...")`), for tables. */
  table?: { expression: Node; isQuery: boolean };
  /** For writes of data: the expression whose data is written. */
  data?: Node;
  /** How the call is shown in messages, as written: `pd.read_csv`, `torch.save`, `.to_parquet()`. */
  label: string;
}

/** Data held in memory by a data library (a frame, an array, a dataset): what the data flow follows. */
export type HeldDataIO = DataIO & { holds: DataHolder };

export function holdsData(io: DataIO | undefined): io is HeldDataIO {
  return !!io?.holds;
}

/** What a call reads or writes, if the catalogue knows it. */
export function describeDataIO(index: SemanticIndex, call: CallSite): DataIO | undefined {
  const io = byQualifiedName(call) ?? byMethod(index, call);
  if (!io) return undefined;
  // `np.load(open(path, "rb"))`, `pickle.dump(m, f)` under `with open(path, "wb") as f`: the file is the one opened.
  const paths = io.paths.map((path) => openedPath(index, path) ?? path);
  return { ...io, paths, ...(paths[0] ? { path: paths[0] } : {}) };
}

function byQualifiedName(call: CallSite): DataIO | undefined {
  const signature = call.qname ? ioFunction(call.qname) : undefined;
  if (!signature) return undefined;
  const io = fromSignature(call, signature, call.callee.text, true);
  return writeMode(call) ? { ...io, direction: 'write' } : io;
}

/** `AutoModel` in `transformers.AutoModel.from_pretrained`, without splitting the name (this runs for every call); '' for one segment. */
function segmentBeforeLast(qname: string): string {
  const last = qname.lastIndexOf('.');
  return last <= 0 ? '' : qname.slice(qname.lastIndexOf('.', last - 1) + 1, last);
}

function byMethod(index: SemanticIndex, call: CallSite): DataIO | undefined {
  const { method, receiver, qname } = call;
  if (!method || !receiver) return undefined;
  // A module function that shares a method's name (`mlflow.sklearn.save_model(model, path)`) has its
  // own signature; only class methods (`AutoModel.from_pretrained`) are methods here.
  if (qname && !/^[A-Z]/.test(segmentBeforeLast(qname))) return undefined;
  if (!qname && index.importsModule('pyspark')) {
    const spark = sparkIO(call, method, receiver);
    if (spark) return spark;
  }
  const signature = ioMethod(method) ?? ioClassMethod(method, () => index.constructedClass(receiver));
  if (!signature) return undefined;
  const evidenced = !signature.evidence || (!qname && index.importsAny(signature.evidence));
  return fromSignature(call, signature, `.${method}()`, evidenced);
}

function fromSignature(call: CallSite, signature: IoSignature, label: string, evidenced: boolean): DataIO {
  const io: DataIO = { call, direction: signature.direction, what: signature.what, library: signature.library, paths: slotValues(call, signature.path), label };
  if (signature.holds && evidenced) io.holds = signature.holds;
  const table = signature.table ? slotValues(call, signature.table)[0] : undefined;
  if (table && signature.table) io.table = { expression: table, isQuery: signature.table.isQuery };
  const data = signature.data === 'receiver' ? call.receiver : signature.data !== undefined ? call.args[signature.data] : undefined;
  if (data && io.holds) io.data = data;
  return io;
}

/** The values given for a slot: the positional argument, then each keyword present. */
function slotValues(call: CallSite, slot: ArgumentSlot | undefined): Node[] {
  if (!slot) return [];
  const values: Node[] = [];
  const positional = slot.position >= 0 ? call.args[slot.position] : undefined;
  if (positional) values.push(positional);
  for (const keyword of slot.keywords) {
    const value = call.kwargs.get(keyword);
    if (value) values.push(value);
  }
  return values;
}

/** `open(path, "w")`: the mode decides the direction of `open`. */
function writeMode(call: CallSite): boolean {
  if (!OPEN_FUNCTIONS.has(call.qname ?? '')) return false;
  const mode = call.args[1] ?? call.kwargs.get('mode');
  return !!mode && /^[rbt]*[wax]/.test(mode.text.replace(/^[rbuRBU]*['"]/, ''));
}

/** `spark.read[...].parquet(p)`, `spark.table(t)`, `spark.sql(q)`, `df.write[...].parquet(p)`, `df.write.saveAsTable(t)`. */
function sparkIO(call: CallSite, method: string, receiver: Node): DataIO | undefined {
  const label = `.${method}()`;
  const base = { call, what: 'data' as const, holds: 'frame' as const, library: 'spark', label, paths: [] as Node[] };
  const chain = chainRoot(receiver);
  if (chain.via && SPARK.readLinks.has(chain.via)) {
    if (method === 'table') return withTable({ ...base, direction: 'read' }, call.args[0], false);
    if (SPARK.formats.has(method)) return { ...base, direction: 'read', paths: slotValues(call, SPARK.pathSlot) };
    return undefined;
  }
  if (chain.via && SPARK.writeLinks.has(chain.via)) {
    const write: DataIO = { ...base, direction: 'write', ...(chain.object ? { data: chain.object } : {}) };
    if (SPARK.tables.has(method)) return withTable(write, call.kwargs.get('name') ?? call.args[0] ?? call.kwargs.get('tableName'), false);
    if (SPARK.formats.has(method)) return { ...write, paths: slotValues(call, SPARK.pathSlot) };
    return undefined;
  }
  const session = stripParens(receiver);
  if (session.type === 'identifier' && /spark/i.test(session.text)) {
    if (method === 'sql') return withTable({ ...base, direction: 'read' }, call.args[0] ?? call.kwargs.get('sqlQuery'), true);
    if (method === 'table') return withTable({ ...base, direction: 'read' }, call.args[0] ?? call.kwargs.get('tableName'), false);
  }
  return undefined;
}

/** Walks down `x.write.mode("overwrite").format("csv")` to the `.write` link and the object before it. */
function chainRoot(receiver: Node): { via?: string; object?: Node } {
  let current: Node | null = stripParens(receiver);
  for (let steps = 0; current && steps < 12; steps++) {
    if (current.type === 'attribute') {
      const attribute = current.childForFieldName('attribute')?.text;
      const object = current.childForFieldName('object');
      if (attribute && (SPARK.readLinks.has(attribute) || SPARK.writeLinks.has(attribute)) && object) return { via: attribute, object };
      current = object;
    } else if (current.type === 'call') {
      current = current.childForFieldName('function');
    } else {
      break;
    }
  }
  return {};
}

function withTable(io: DataIO, expression: Node | undefined, isQuery: boolean): DataIO {
  return expression ? { ...io, table: { expression, isQuery } } : io;
}

/** The call that opened a file object: `open(path, 'wb')` directly or via `with ... as f`, or `Path(p).open()`. */
function openingCall(index: SemanticIndex, fileExpression: Node): CallSite | undefined {
  const node = stripParens(fileExpression);
  let call = node.type === 'call' ? index.call(node) : undefined;
  if (!call && node.type === 'identifier') {
    const definition = index.definitionFor(node);
    if (definition?.value?.type === 'call') call = index.call(definition.value);
  }
  if (!call) return undefined;
  if (OPEN_FUNCTIONS.has(call.qname ?? '')) return call;
  if (call.method === 'open' && call.receiver) return call;
  return undefined;
}

/** The path a file object was opened on: `open(path, 'wb')` directly or via `with ... as f`, or `Path(p).open()`. */
export function openedPath(index: SemanticIndex, fileExpression: Node): Node | undefined {
  const call = openingCall(index, fileExpression);
  if (!call) return undefined;
  if (OPEN_FUNCTIONS.has(call.qname ?? '')) return call.args[0] ?? call.kwargs.get('file');
  return call.receiver; // Path("m.pkl").open("wb")
}

/**
 * The mode a file object was opened with (`open(p, "a")`, `open(p, mode="ab")`, `Path(p).open("a")`):
 * the expression, when the call gives one; none for a file object this does not know.
 */
export function openedMode(index: SemanticIndex, fileExpression: Node): Node | undefined {
  const call = openingCall(index, fileExpression);
  if (!call) return undefined;
  const builtin = OPEN_FUNCTIONS.has(call.qname ?? '');
  return call.kwargs.get('mode') ?? call.args[builtin ? 1 : 0];
}

/** Table names a SQL query reads or writes (`FROM a JOIN b`, `INSERT INTO c`). */
export function tablesInQuery(query: string): string[] {
  const names: string[] = [];
  for (const match of query.matchAll(/\b(?:from|join|into|update)\s+([A-Za-z_][\w.]*)/gi)) names.push(match[1].toLowerCase());
  return names;
}
