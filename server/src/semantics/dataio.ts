// Where data enters and leaves a program: the calls that load a dataset (`pd.read_csv`, `np.load`,
// `load_dataset`, `spark.read.parquet`...) and those that write one (`df.to_csv`, `np.save`,
// `df.write.parquet`...), with the file or table they touch and, for writes, the data written.
// Models are not data here: their persistence is the business of the rules about artefacts.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from './index';
import { argument } from './calls';
import { stripParens } from './nodes';
import type { CallSite } from './types';

export type DataHolder = 'frame' | 'array' | 'dataset';

export interface DataIO {
  call: CallSite;
  direction: 'read' | 'write';
  /** What the data is once in memory. */
  holds: DataHolder;
  /** `pandas`, `polars`, `spark`, `dask`, `numpy`, `datasets`, `sklearn`, `keras`, `torchvision`. */
  library: string;
  /** The file path expression, for files. */
  path?: Node;
  /** The table name expression (`to_sql("scores")`) or SQL query (`read_sql("SELECT ...")`), for tables. */
  table?: { expression: Node; isQuery: boolean };
  /** For writes: the expression whose data is written. */
  data?: Node;
}

const PANDAS_LIKE = ['pandas', 'modin', 'geopandas', 'cudf'];
const PANDAS_WRITERS = new Set(['to_csv', 'to_parquet', 'to_pickle', 'to_feather', 'to_json', 'to_excel', 'to_hdf', 'to_orc', 'to_stata', 'to_xml']);
const POLARS_WRITERS = new Set(['write_csv', 'write_parquet', 'write_ipc', 'write_json', 'write_ndjson', 'write_excel', 'write_avro', 'write_delta', 'sink_parquet', 'sink_csv', 'sink_ipc']);
const SPARK_FORMATS = new Set(['csv', 'json', 'parquet', 'orc', 'text', 'load', 'save', 'jdbc']);
const SPARK_TABLES = new Set(['table', 'saveAsTable', 'insertInto']);
const NUMPY_READERS = new Set(['numpy.load', 'numpy.loadtxt', 'numpy.genfromtxt', 'numpy.fromfile']);
const NUMPY_WRITERS = new Set(['numpy.save', 'numpy.savez', 'numpy.savez_compressed', 'numpy.savetxt']);
const PATH_KEYWORDS = ['filepath_or_buffer', 'path_or_buf', 'path', 'io', 'file', 'fname', 'source', 'excel_writer', 'dataset_path'];

function pathArgument(call: CallSite): Node | undefined {
  if (call.args[0]) return call.args[0];
  for (const keyword of PATH_KEYWORDS) if (call.kwargs.has(keyword)) return call.kwargs.get(keyword);
  return undefined;
}

/** What a call reads or writes, if it is a data reader or writer this layer knows. */
export function describeDataIO(index: SemanticIndex, call: CallSite): DataIO | undefined {
  const io = (call.qname ? byQualifiedName(call, call.qname) : undefined) ?? byMethod(index, call);
  // `np.load(open(path, "rb"))`: the file is the one opened.
  const opened = io?.path && stripParens(io.path).type === 'call' ? index.call(stripParens(io.path)) : undefined;
  const file = opened?.qname === 'builtins.open' ? opened.args[0] ?? opened.kwargs.get('file') : undefined;
  return io && file ? { ...io, path: file } : io;
}

function byQualifiedName(call: CallSite, q: string): DataIO | undefined {
  const dot = q.lastIndexOf('.');
  const module = q.slice(0, dot);
  const name = q.slice(dot + 1);
  if ((PANDAS_LIKE.some((p) => module === p || module === `${p}.pandas`) || module === 'dask.dataframe' || module === 'polars') && /^(read|scan)_\w+$/.test(name)) {
    const library = module === 'dask.dataframe' ? 'dask' : module === 'polars' ? 'polars' : 'pandas';
    if (name === 'read_sql_table') return withTable({ call, direction: 'read', holds: 'frame', library }, argument(call, 'table_name', 0), false);
    if (name === 'read_sql' || name === 'read_sql_query' || name === 'read_database') return withTable({ call, direction: 'read', holds: 'frame', library }, argument(call, 'sql', 0) ?? call.kwargs.get('query'), true);
    return withPath({ call, direction: 'read', holds: 'frame', library }, pathArgument(call));
  }
  if (NUMPY_READERS.has(q)) return withPath({ call, direction: 'read', holds: 'array', library: 'numpy' }, pathArgument(call));
  if (NUMPY_WRITERS.has(q)) return withPath({ call, direction: 'write', holds: 'array', library: 'numpy', ...data(call.args[1]) }, argument(call, 'file', 0) ?? call.kwargs.get('fname'));
  if (q === 'datasets.load_from_disk') return withPath({ call, direction: 'read', holds: 'dataset', library: 'datasets' }, pathArgument(call));
  if (q === 'datasets.load_dataset') {
    // A builder (`load_dataset("csv", data_files=...)`) reads local files; a hub name reads no path of ours.
    return withPath({ call, direction: 'read', holds: 'dataset', library: 'datasets' }, call.kwargs.get('data_files'));
  }
  if (/^sklearn\.datasets\.(load|fetch)_\w+$/.test(q)) return withPath({ call, direction: 'read', holds: 'dataset', library: 'sklearn' }, name === 'load_svmlight_file' ? pathArgument(call) : undefined);
  if (/(^|\.)keras\.datasets\.\w+\.load_data$/.test(q)) return { call, direction: 'read', holds: 'dataset', library: 'keras' };
  if (/^torchvision\.datasets\.[A-Z]\w*$/.test(q)) return { call, direction: 'read', holds: 'dataset', library: 'torchvision' };
  return undefined;
}

function byMethod(index: SemanticIndex, call: CallSite): DataIO | undefined {
  const { method, receiver } = call;
  if (!method || !receiver || call.qname) return undefined;
  if (PANDAS_WRITERS.has(method) && index.importsAny([...PANDAS_LIKE, 'dask'])) {
    return withPath({ call, direction: 'write', holds: 'frame', library: 'pandas', data: receiver }, pathArgument(call));
  }
  if (method === 'to_sql' && index.importsAny(PANDAS_LIKE)) {
    return withTable({ call, direction: 'write', holds: 'frame', library: 'pandas', data: receiver }, argument(call, 'name', 0), false);
  }
  if (POLARS_WRITERS.has(method) && index.importsModule('polars')) {
    return withPath({ call, direction: 'write', holds: 'frame', library: 'polars', data: receiver }, pathArgument(call) ?? call.kwargs.get('target'));
  }
  if (method === 'save_to_disk' && index.importsModule('datasets')) {
    return withPath({ call, direction: 'write', holds: 'dataset', library: 'datasets', data: receiver }, pathArgument(call));
  }
  if (index.importsModule('pyspark')) return sparkIO(call, method, receiver);
  return undefined;
}

/** `spark.read[...].parquet(p)`, `spark.table(t)`, `spark.sql(q)`, `df.write[...].parquet(p)`, `df.write.saveAsTable(t)`. */
function sparkIO(call: CallSite, method: string, receiver: Node): DataIO | undefined {
  const chain = chainRoot(receiver);
  if (chain.via === 'read' || chain.via === 'readStream') {
    if (method === 'table') return withTable({ call, direction: 'read', holds: 'frame', library: 'spark' }, call.args[0], false);
    if (SPARK_FORMATS.has(method)) return withPath({ call, direction: 'read', holds: 'frame', library: 'spark' }, argument(call, 'path', 0));
    return undefined;
  }
  if (chain.via === 'write' || chain.via === 'writeStream') {
    const base = { call, direction: 'write' as const, holds: 'frame' as const, library: 'spark', ...data(chain.object) };
    if (SPARK_TABLES.has(method)) return withTable(base, argument(call, 'name', 0) ?? call.kwargs.get('tableName'), false);
    if (SPARK_FORMATS.has(method)) return withPath(base, argument(call, 'path', 0));
    return undefined;
  }
  const session = stripParens(receiver);
  if (session.type === 'identifier' && /spark/i.test(session.text)) {
    if (method === 'sql') return withTable({ call, direction: 'read', holds: 'frame', library: 'spark' }, call.args[0] ?? call.kwargs.get('sqlQuery'), true);
    if (method === 'table') return withTable({ call, direction: 'read', holds: 'frame', library: 'spark' }, call.args[0] ?? call.kwargs.get('tableName'), false);
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
      if (attribute && ['read', 'readStream', 'write', 'writeStream'].includes(attribute) && object) return { via: attribute, object };
      current = object;
    } else if (current.type === 'call') {
      current = current.childForFieldName('function');
    } else {
      break;
    }
  }
  return {};
}

function withPath(io: DataIO, path: Node | undefined): DataIO {
  return path ? { ...io, path } : io;
}

function withTable(io: DataIO, expression: Node | undefined, isQuery: boolean): DataIO {
  return expression ? { ...io, table: { expression, isQuery } } : io;
}

function data(node: Node | undefined): { data?: Node } {
  return node ? { data: node } : {};
}

/** Table names a SQL query reads or writes (`FROM a JOIN b`, `INSERT INTO c`). */
export function tablesInQuery(query: string): string[] {
  const names: string[] = [];
  for (const match of query.matchAll(/\b(?:from|join|into|update)\s+([A-Za-z_][\w.]*)/gi)) names.push(match[1].toLowerCase());
  return names;
}
