// The one catalogue of data and model I/O: which calls read or write a file, a table or a model,
// and which of their arguments name it. The model (semantics/dataio.ts) matches calls against
// these tables; every rule asks the model, never a table of its own.
import { lastSegment, packageOf } from './packages';

export type IoDirection = 'read' | 'write';

/** What loaded data is once in memory. */
export type DataHolder = 'frame' | 'array' | 'dataset';

/** An argument given by position or by one of several keyword names. */
export interface ArgumentSlot {
  /** Position among the positional arguments; -1 when it is keyword-only. */
  position: number;
  keywords: readonly string[];
}

export interface IoSignature {
  direction: IoDirection;
  what: 'data' | 'model';
  /** `pandas`, `polars`, `spark`, `dask`, `numpy`, `datasets`, `sklearn`, `keras`, `torch`, `python`... */
  library: string;
  /**
   * What the data is once in memory, when a data library holds it. Raw files, images and models
   * have none: the data flow follows only held data.
   */
  holds?: DataHolder;
  /** The argument that names the file, folder or URL. */
  path?: ArgumentSlot;
  /** The argument that names a table or holds a SQL query. */
  table?: ArgumentSlot & { isQuery: boolean };
  /** For writes: where the written data is. */
  data?: 'receiver' | number;
  /**
   * Methods only: packages one of which must be imported for the receiver to count as that
   * library's object; without one, the call is still file I/O by its name, but holds nothing known.
   */
  evidence?: readonly string[];
}

const slot = (position: number, ...keywords: string[]): ArgumentSlot => ({ position, keywords });

const PANDAS_LIKE = ['pandas', 'modin', 'geopandas', 'cudf'];
/** Packages whose import makes a receiver of `to_csv` & co. a data frame. */
export const FRAME_WRITER_EVIDENCE: readonly string[] = [...PANDAS_LIKE, 'dask'];
const FRAME_PACKAGES = new Set([...PANDAS_LIKE, 'dask', 'polars']);
const FRAME_PATH = slot(0, 'filepath_or_buffer', 'path', 'path_or_buf', 'io', 'source', 'urlpath', 'file');

const model = (direction: IoDirection, library: string, path: ArgumentSlot): IoSignature => ({ direction, what: 'model', library, path });
const file = (direction: IoDirection, library: string, path: ArgumentSlot): IoSignature => ({ direction, what: 'data', library, path });
const held = (direction: IoDirection, holds: DataHolder, library: string, path?: ArgumentSlot, data?: number): IoSignature =>
  ({ direction, what: 'data', library, holds, ...(path ? { path } : {}), ...(data !== undefined ? { data } : {}) });

/**
 * Python's `open` and the functions that are `open` under another name, taking its arguments:
 * `io.open`, and bert4keras' `snippets.open` (the same call, with a default encoding).
 */
export const OPEN_FUNCTIONS: ReadonlySet<string> = new Set(['builtins.open', 'io.open', 'bert4keras.snippets.open']);

/** Library functions by qualified name. */
const FUNCTIONS = new Map<string, IoSignature>(Object.entries({
  ...Object.fromEntries([...OPEN_FUNCTIONS].map((name) => [name, file('read', 'python', slot(0, 'file'))])),
  'numpy.load': held('read', 'array', 'numpy', slot(0, 'file')),
  'numpy.loadtxt': held('read', 'array', 'numpy', slot(0, 'fname')),
  'numpy.genfromtxt': held('read', 'array', 'numpy', slot(0, 'fname')),
  'numpy.fromfile': held('read', 'array', 'numpy', slot(0, 'file')),
  'numpy.memmap': held('read', 'array', 'numpy', slot(0, 'filename')),
  'numpy.save': held('write', 'array', 'numpy', slot(0, 'file'), 1),
  'numpy.savez': held('write', 'array', 'numpy', slot(0, 'file'), 1),
  'numpy.savez_compressed': held('write', 'array', 'numpy', slot(0, 'file'), 1),
  'numpy.savetxt': held('write', 'array', 'numpy', slot(0, 'fname'), 1),
  // Pickles hold any Python object, a model as often as not: what a load holds is told by its use.
  'joblib.load': model('read', 'joblib', slot(0, 'filename')),
  'joblib.dump': model('write', 'joblib', slot(1, 'filename')),
  'sklearn.externals.joblib.load': model('read', 'joblib', slot(0, 'filename')),
  'sklearn.externals.joblib.dump': model('write', 'joblib', slot(1, 'filename')),
  ...Object.fromEntries(['pickle', 'dill', 'cloudpickle'].flatMap((library) => [
    [`${library}.load`, model('read', library, slot(0, 'file'))],
    [`${library}.dump`, model('write', library, slot(1, 'file'))],
  ])),
  'torch.load': model('read', 'torch', slot(0, 'f')),
  'torch.save': model('write', 'torch', slot(1, 'f')),
  'torch.jit.load': model('read', 'torch', slot(0, 'f')),
  'torch.jit.save': model('write', 'torch', slot(1, 'f')),
  'keras.models.load_model': model('read', 'keras', slot(0, 'filepath')),
  'tensorflow.keras.models.load_model': model('read', 'keras', slot(0, 'filepath')),
  'keras.saving.load_model': model('read', 'keras', slot(0, 'filepath')),
  // A single-file Stable Diffusion checkpoint read and converted into a pipeline.
  'diffusers.pipelines.stable_diffusion.convert_from_ckpt.download_from_original_stable_diffusion_ckpt': model('read', 'diffusers', slot(0, 'checkpoint_path_or_dict', 'checkpoint_path')),
  'keras.models.save_model': model('write', 'keras', slot(1, 'filepath')),
  'keras.saving.save_model': model('write', 'keras', slot(1, 'filepath')),
  'tensorflow.keras.models.save_model': model('write', 'keras', slot(1, 'filepath')),
  'keras.utils.image_dataset_from_directory': file('read', 'keras', slot(0, 'directory')),
  'tensorflow.keras.utils.image_dataset_from_directory': file('read', 'keras', slot(0, 'directory')),
  'tensorflow.keras.preprocessing.image_dataset_from_directory': file('read', 'keras', slot(0, 'directory')),
  'keras.utils.text_dataset_from_directory': file('read', 'keras', slot(0, 'directory')),
  'tensorflow.keras.utils.text_dataset_from_directory': file('read', 'keras', slot(0, 'directory')),
  'keras.utils.load_img': file('read', 'keras', slot(0, 'path')),
  'tensorflow.keras.utils.load_img': file('read', 'keras', slot(0, 'path')),
  'tensorflow.keras.preprocessing.image.load_img': file('read', 'keras', slot(0, 'path')),
  'datasets.load_from_disk': held('read', 'dataset', 'datasets', slot(0, 'dataset_path')),
  // A builder (`load_dataset("csv", data_files=...)`) reads local files; a Hub name is no path of ours.
  'datasets.load_dataset': held('read', 'dataset', 'datasets', slot(-1, 'data_files', 'data_dir')),
  'sklearn.datasets.load_svmlight_file': held('read', 'dataset', 'sklearn', slot(0, 'f')),
  'PIL.Image.open': file('read', 'PIL', slot(0, 'fp')),
  'cv2.imread': file('read', 'cv2', slot(0, 'filename')),
  'cv2.imwrite': file('write', 'cv2', slot(0, 'filename')),
  'h5py.File': file('read', 'h5py', slot(0, 'name')),
}));

/** Frame readers that take a table name or a query, or nothing that names a file. */
const FRAME_READERS_WITHOUT_FILE: Record<string, Partial<IoSignature>> = {
  read_sql_table: { table: { ...slot(0, 'table_name'), isQuery: false } },
  read_sql: { table: { ...slot(0, 'sql', 'query'), isQuery: true } },
  read_sql_query: { table: { ...slot(0, 'sql', 'query'), isQuery: true } },
  read_database: { table: { ...slot(0, 'query', 'sql'), isQuery: true } },
  read_gbq: { table: { ...slot(0, 'query'), isQuery: true } },
  read_database_uri: {},
  read_clipboard: {},
};

/** Library functions recognised by the shape of their qualified name. */
function functionByShape(qname: string): IoSignature | undefined {
  const pkg = packageOf(qname);
  const name = lastSegment(qname);
  if (FRAME_PACKAGES.has(pkg) && /^(read|scan)_\w+$/.test(name)) {
    const library = pkg === 'dask' || pkg === 'polars' ? pkg : 'pandas';
    const special = FRAME_READERS_WITHOUT_FILE[name];
    return special ? { direction: 'read', what: 'data', holds: 'frame', library, ...special } : held('read', 'frame', library, FRAME_PATH);
  }
  if (/^sklearn\.datasets\.(load|fetch)_\w+$/.test(qname)) return held('read', 'dataset', 'sklearn');
  if (/(^|\.)keras\.datasets\.\w+\.load_data$/.test(qname)) return held('read', 'dataset', 'keras');
  // torchvision datasets take the folder they read from as `root`.
  if (/^torchvision\.datasets\.(\w+\.)*[A-Z]\w*$/.test(qname)) return held('read', 'dataset', 'torchvision', slot(0, 'root'));
  return undefined;
}

/** Answers of ioFunction by qualified name: asked for every call, and the same names recur. */
const byQualifiedName = new Map<string, IoSignature | undefined>();

/** The I/O signature of a library function, by its qualified name. */
export function ioFunction(qname: string): IoSignature | undefined {
  if (byQualifiedName.has(qname)) return byQualifiedName.get(qname);
  const signature = FUNCTIONS.get(qname) ?? functionByShape(qname);
  // Bounded: qualified names come from the files analysed, which a long-lived server keeps opening.
  if (byQualifiedName.size >= 10_000) byQualifiedName.clear();
  byQualifiedName.set(qname, signature);
  return signature;
}

const frameWrite = (path: ArgumentSlot, library: string, evidence: readonly string[]): IoSignature =>
  ({ direction: 'write', what: 'data', library, holds: 'frame', path, data: 'receiver', evidence });
const PANDAS_WRITE = frameWrite(slot(0, 'path_or_buf', 'path', 'excel_writer'), 'pandas', FRAME_WRITER_EVIDENCE);
const POLARS_WRITE = frameWrite(slot(0, 'file', 'path', 'target'), 'polars', ['polars']);

/** Methods that read or write a file (or a table) on whatever object they are called on. */
const METHODS = new Map<string, IoSignature>(Object.entries({
  to_csv: PANDAS_WRITE,
  to_parquet: PANDAS_WRITE,
  to_json: PANDAS_WRITE,
  to_pickle: PANDAS_WRITE,
  to_feather: PANDAS_WRITE,
  to_excel: PANDAS_WRITE,
  to_hdf: PANDAS_WRITE,
  to_orc: PANDAS_WRITE,
  to_stata: PANDAS_WRITE,
  to_xml: PANDAS_WRITE,
  to_sql: { direction: 'write', what: 'data', library: 'pandas', holds: 'frame', table: { ...slot(0, 'name'), isQuery: false }, data: 'receiver', evidence: PANDAS_LIKE },
  write_csv: POLARS_WRITE,
  write_parquet: POLARS_WRITE,
  write_ipc: POLARS_WRITE,
  write_json: POLARS_WRITE,
  write_ndjson: POLARS_WRITE,
  write_excel: POLARS_WRITE,
  write_avro: POLARS_WRITE,
  write_delta: POLARS_WRITE,
  sink_parquet: POLARS_WRITE,
  sink_csv: POLARS_WRITE,
  sink_ipc: POLARS_WRITE,
  save_to_disk: { direction: 'write', what: 'data', library: 'datasets', holds: 'dataset', path: slot(0, 'dataset_path'), data: 'receiver', evidence: ['datasets'] },
  from_pretrained: model('read', 'transformers', slot(0, 'pretrained_model_name_or_path')),
  // diffusers' pipelines and models read from one checkpoint file (`.safetensors`, `.ckpt`).
  from_single_file: model('read', 'diffusers', slot(0, 'pretrained_model_link_or_path')),
  save_pretrained: model('write', 'transformers', slot(0, 'save_directory')),
  save_model: model('write', 'keras', slot(0, 'filepath', 'fname', 'output_dir')),
  save_weights: model('write', 'keras', slot(0, 'filepath')),
  load_weights: model('read', 'keras', slot(0, 'filepath')),
  save: model('write', 'keras', slot(0, 'filepath', 'fp')),
  flow_from_directory: file('read', 'keras', slot(0, 'directory')),
  flow_from_dataframe: file('read', 'keras', slot(-1, 'directory')),
}));

/** The I/O signature of a method, by its name. */
export function ioMethod(method: string): IoSignature | undefined {
  return METHODS.get(method);
}

/**
 * Methods that read or write a file only on objects of some classes, by the class the object was
 * built from: FLAML's `automl.pickle(output_file_name)` pickles the search to a path, while a
 * `pickle` method of any other object may do anything.
 */
const CLASS_METHODS = new Map<string, { classes: RegExp; signature: IoSignature }>(Object.entries({
  pickle: { classes: /^flaml\./, signature: model('write', 'flaml', slot(0, 'output_file_name')) },
}));

/** The I/O signature of a method on an object built from `className`, for methods that do I/O only on some classes. */
export function ioClassMethod(method: string, className: () => string | undefined): IoSignature | undefined {
  const bound = CLASS_METHODS.get(method);
  const made = bound && className();
  return made && bound.classes.test(made) ? bound.signature : undefined;
}

/** Spark: the links of `spark.read...` / `df.write...` chains and the methods at their end. */
export const SPARK = {
  readLinks: new Set(['read', 'readStream']),
  writeLinks: new Set(['write', 'writeStream']),
  /** Methods at the end of a chain that take a path. */
  formats: new Set(['csv', 'json', 'parquet', 'orc', 'text', 'load', 'save', 'jdbc']),
  /** Methods at the end of a write chain that take a table name. */
  tables: new Set(['table', 'saveAsTable', 'insertInto']),
  pathSlot: slot(0, 'path'),
};

/** Calls that move or copy one file to another path, the source first and the destination second (`os.rename(src, dst)`). */
export const FILE_MOVES: ReadonlySet<string> = new Set(['os.rename', 'os.replace', 'shutil.move', 'shutil.copy', 'shutil.copy2', 'shutil.copyfile']);

/**
 * Unpickler classes a program derives its own from, and the hooks of theirs that the unpickling calls
 * with what it reads from its stream: `find_class` returns what rebuilds an object (a function handed
 * the object's bytes, as `torch.storage._load_from_bytes` is), `persistent_load` gets a persistent id.
 */
export const UNPICKLER_CLASSES: ReadonlySet<string> = new Set(['pickle.Unpickler', 'pickle._Unpickler', '_pickle.Unpickler', 'dill.Unpickler', 'dill._dill.Unpickler']);
export const UNPICKLER_HOOKS: ReadonlySet<string> = new Set(['find_class', 'persistent_load']);
