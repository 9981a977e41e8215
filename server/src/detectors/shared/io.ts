// Calls that read or write data or model files, and the arguments that name the file. Library
// functions are recognised by their qualified name (so an import is the evidence); methods whose
// name says "file I/O" (`to_csv`, `save_pretrained`) are recognised on any receiver, since the
// rules that use this also require a path argument of a telling shape.
import type { Node } from 'web-tree-sitter';
import type { CallSite } from '../../semantics/types';
import { lastSegment, packageOf } from './libraries';

export type IoDirection = 'read' | 'write';

export interface IoCall {
  call: CallSite;
  direction: IoDirection;
  what: 'data' | 'model';
  /** The argument(s) that name the file, directory or URL. */
  paths: Node[];
  /** How the call is shown in messages, as written: `pd.read_csv`, `torch.save`, `.to_parquet()`. */
  label: string;
}

interface Signature {
  direction: IoDirection;
  what: 'data' | 'model';
  /** Position of the path among the positional arguments. */
  position: number;
  keywords: readonly string[];
}

const sig = (direction: IoDirection, what: 'data' | 'model', position: number, ...keywords: string[]): Signature => ({ direction, what, position, keywords });

const FRAME_PACKAGES = new Set(['pandas', 'polars', 'dask', 'modin', 'cudf']);
const FRAME_READ = sig('read', 'data', 0, 'filepath_or_buffer', 'path', 'path_or_buf', 'io', 'source', 'urlpath');
/** Readers that take a query or a table name, not a file. */
const NOT_FILE_READERS = new Set(['read_sql', 'read_sql_query', 'read_sql_table', 'read_gbq', 'read_clipboard', 'read_database', 'read_database_uri']);

/** Library functions by qualified name. */
const FUNCTIONS = new Map<string, Signature>(Object.entries({
  'builtins.open': sig('read', 'data', 0, 'file'),
  'io.open': sig('read', 'data', 0, 'file'),
  'numpy.load': sig('read', 'data', 0, 'file'),
  'numpy.loadtxt': sig('read', 'data', 0, 'fname'),
  'numpy.genfromtxt': sig('read', 'data', 0, 'fname'),
  'numpy.fromfile': sig('read', 'data', 0, 'file'),
  'numpy.memmap': sig('read', 'data', 0, 'filename'),
  'numpy.save': sig('write', 'data', 0, 'file'),
  'numpy.savez': sig('write', 'data', 0, 'file'),
  'numpy.savez_compressed': sig('write', 'data', 0, 'file'),
  'numpy.savetxt': sig('write', 'data', 0, 'fname'),
  'joblib.load': sig('read', 'model', 0, 'filename'),
  'joblib.dump': sig('write', 'model', 1, 'filename'),
  'torch.load': sig('read', 'model', 0, 'f'),
  'torch.save': sig('write', 'model', 1, 'f'),
  'torch.jit.load': sig('read', 'model', 0, 'f'),
  'torch.jit.save': sig('write', 'model', 1, 'f'),
  'keras.models.load_model': sig('read', 'model', 0, 'filepath'),
  'tensorflow.keras.models.load_model': sig('read', 'model', 0, 'filepath'),
  'keras.saving.load_model': sig('read', 'model', 0, 'filepath'),
  'keras.models.save_model': sig('write', 'model', 1, 'filepath'),
  'tensorflow.keras.models.save_model': sig('write', 'model', 1, 'filepath'),
  'keras.utils.image_dataset_from_directory': sig('read', 'data', 0, 'directory'),
  'tensorflow.keras.utils.image_dataset_from_directory': sig('read', 'data', 0, 'directory'),
  'tensorflow.keras.preprocessing.image_dataset_from_directory': sig('read', 'data', 0, 'directory'),
  'keras.utils.text_dataset_from_directory': sig('read', 'data', 0, 'directory'),
  'tensorflow.keras.utils.text_dataset_from_directory': sig('read', 'data', 0, 'directory'),
  'keras.utils.load_img': sig('read', 'data', 0, 'path'),
  'tensorflow.keras.utils.load_img': sig('read', 'data', 0, 'path'),
  'tensorflow.keras.preprocessing.image.load_img': sig('read', 'data', 0, 'path'),
  'datasets.load_from_disk': sig('read', 'data', 0, 'dataset_path'),
  'datasets.load_dataset': sig('read', 'data', -1, 'data_files', 'data_dir'),
  'PIL.Image.open': sig('read', 'data', 0, 'fp'),
  'cv2.imread': sig('read', 'data', 0, 'filename'),
  'cv2.imwrite': sig('write', 'data', 0, 'filename'),
  'h5py.File': sig('read', 'data', 0, 'name'),
}));

/** Methods that read or write a file on whatever object they are called on. */
const METHODS = new Map<string, Signature>(Object.entries({
  to_csv: sig('write', 'data', 0, 'path_or_buf'),
  to_parquet: sig('write', 'data', 0, 'path'),
  to_json: sig('write', 'data', 0, 'path_or_buf'),
  to_pickle: sig('write', 'data', 0, 'path'),
  to_feather: sig('write', 'data', 0, 'path'),
  to_excel: sig('write', 'data', 0, 'excel_writer'),
  to_hdf: sig('write', 'data', 0, 'path_or_buf'),
  write_csv: sig('write', 'data', 0, 'file'),
  write_parquet: sig('write', 'data', 0, 'file'),
  from_pretrained: sig('read', 'model', 0, 'pretrained_model_name_or_path'),
  save_pretrained: sig('write', 'model', 0, 'save_directory'),
  save_model: sig('write', 'model', 0, 'filepath', 'fname', 'output_dir'),
  save_weights: sig('write', 'model', 0, 'filepath'),
  load_weights: sig('read', 'model', 0, 'filepath'),
  save: sig('write', 'model', 0, 'filepath', 'fp'),
  flow_from_directory: sig('read', 'data', 0, 'directory'),
  flow_from_dataframe: sig('read', 'data', -1, 'directory'),
}));

/** `AutoModel` in `transformers.AutoModel.from_pretrained`, without splitting the name (this runs for every call); '' for one segment. */
function segmentBeforeLast(qname: string): string {
  const last = qname.lastIndexOf('.');
  return last <= 0 ? '' : qname.slice(qname.lastIndexOf('.', last - 1) + 1, last);
}

function signatureOf(call: CallSite): { signature: Signature; label: string } | undefined {
  const q = call.qname;
  if (q) {
    const name = lastSegment(q);
    const known = FUNCTIONS.get(q)
      ?? (FRAME_PACKAGES.has(packageOf(q)) && /^(read|scan)_\w+$/.test(name) && !NOT_FILE_READERS.has(name) ? FRAME_READ : undefined)
      // torchvision datasets take the folder they read from as `root`.
      ?? (q.startsWith('torchvision.datasets.') && /^[A-Z]/.test(name) ? sig('read', 'data', 0, 'root') : undefined);
    if (known) return { signature: known, label: call.callee.text };
    // A module function that shares a method's name (`mlflow.sklearn.save_model(model, path)`)
    // has its own signature; only class methods (`AutoModel.from_pretrained`) are methods here.
    if (!/^[A-Z]/.test(segmentBeforeLast(q))) return undefined;
  }
  const method = call.method && call.receiver ? METHODS.get(call.method) : undefined;
  return method ? { signature: method, label: `.${call.method}()` } : undefined;
}

/** The data or model I/O performed by `call`, if it is one. */
export function ioCall(call: CallSite): IoCall | undefined {
  const found = signatureOf(call);
  if (!found) return undefined;
  const { signature, label } = found;
  const paths: Node[] = [];
  const positional = signature.position >= 0 ? call.args[signature.position] : undefined;
  if (positional) paths.push(positional);
  for (const keyword of signature.keywords) {
    const value = call.kwargs.get(keyword);
    if (value) paths.push(value);
  }
  if (paths.length === 0) return undefined;
  return { call, direction: writeMode(call) ? 'write' : signature.direction, what: signature.what, paths, label };
}

/** `open(path, "w")`: the mode decides the direction of `open`. */
function writeMode(call: CallSite): boolean {
  if (call.qname !== 'builtins.open' && call.qname !== 'io.open') return false;
  const mode = call.args[1] ?? call.kwargs.get('mode');
  return !!mode && /^[rbt]*[wax]/.test(mode.text.replace(/^[rbuRBU]*['"]/, ''));
}
