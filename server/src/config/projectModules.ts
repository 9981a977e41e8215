// The project's own modules that a file imports (`from utils import save_checkpoint`), read for the
// CLI and the language server alike so that a rule can see what a helper defined beside the file
// does (AnalysisConfig.projectModules): a model saved by `save_checkpoint(model, "best.pt")` and
// loaded back is the program's own file, and a helper that seeds (`set_deterministic_mode()`) seeds the
// file that calls it. Read only for files that load a serialized object or draw random numbers, and,
// as for conftest.py, only regular files of at most 1 MB: never a symlink, a device or a huge file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { lstatIfPresent } from './stat';
import * as path from 'node:path';
import { decode, wideEncodingReason } from '../documents/encoding';
import type { AnalysisConfig, ProjectModuleSource } from './settings';

const MAX_MODULE_BYTES = 1024 * 1024;
/** Modules read per file, and imports looked up, at most: a file that imports more is rare, and the work stays bounded. */
const MAX_MODULES = 24;
const MAX_IMPORTS = 96;
/** Modules a project module itself imports that are read with it, at most. */
const MAX_NESTED_MODULES = 8;
/** Folders beside the file's own looked through for a module not found on the import path. */
const MAX_SIBLINGS = 32;
/** The calls that deserialize (`torch.load(`, `pickle.loads(`): a file with one needs its helpers' saves. */
const LOADS = /\bloads?\s*\(/;
/** A global generator drawn from (`np.random.choice(`, `torch.randn(`): a file with one needs its helpers' seeds. */
const DRAWS = /\brandom\b|\brand(?:n|int|perm)?(?:_like)?\s*\(/;
const FROM_IMPORT = /^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import\b[ \t]*(\([^)]*\)|[^\n#;]*)/gm;
const IMPORT = /^[ \t]*import[ \t]+([\w. \t,]+)/gm;

/** What a module file was when it was consulted: its content's hash, or why it was not read. */
export type ModuleStamp = string;

/** A module's spelling in an import: its dotted name and how many leading dots it has (`from ..a import b`). */
interface ImportedModule {
  name: string;
  level: number;
  /** The names an absolute from-import takes from it (`train` of `from pkg.models import train`), which may be modules of a package. */
  names?: string[];
}

/** Libraries so common that a module of the project by their name is not looked for: it would shadow them. */
const LIBRARIES = new Set([
  '__future__', 'abc', 'argparse', 'collections', 'copy', 'csv', 'dataclasses', 'datetime', 'functools', 'glob', 'io', 'itertools',
  'json', 'logging', 'math', 'multiprocessing', 'os', 'pathlib', 'pickle', 're', 'random', 'shutil', 'string', 'subprocess', 'sys',
  'time', 'typing', 'warnings', 'accelerate', 'albumentations', 'catboost', 'cloudpickle', 'cv2', 'datasets', 'dill', 'gensim', 'h5py',
  'huggingface_hub', 'imblearn', 'joblib', 'keras', 'lightgbm', 'lightning', 'matplotlib', 'mlflow', 'nltk', 'numpy', 'onnx',
  'onnxruntime', 'optuna', 'pandas', 'peft', 'PIL', 'plotly', 'pytorch_lightning', 'requests', 'scipy', 'seaborn', 'sklearn', 'spacy',
  'statsmodels', 'tensorboard', 'tensorflow', 'timm', 'torch', 'torchvision', 'tqdm', 'transformers', 'wandb', 'xgboost', 'yaml',
]);

/** The modules a text imports, in order of first import, each once. */
function importedModules(text: string): ImportedModule[] {
  const found = new Map<string, ImportedModule>();
  const add = (name: string, level: number, names: string[] = []) => {
    const key = `${level}:${name}`;
    const all = [...(found.get(key)?.names ?? []), ...names];
    if ((name || level) && (level > 0 || !LIBRARIES.has(name.split('.')[0]))) found.set(key, { name, level, ...(all.length ? { names: all } : {}) });
  };
  for (const match of text.matchAll(FROM_IMPORT)) {
    const names = match[3].replace(/[()\\]/g, ' ').split(',').map((part) => part.trim().split(/\s+/)[0]).filter((name) => /^\w+$/.test(name));
    add(match[2], match[1].length, match[1] ? [] : names);
  }
  for (const match of text.matchAll(IMPORT)) {
    for (const part of match[1].split(',')) add(part.trim().split(/[ \t]+/)[0], 0);
  }
  return [...found.values()].slice(0, MAX_IMPORTS);
}

/** `tfds.load("name")`, `tfds.builder(name="name")`: a dataset named with no version or config. */
const TFDS_LOAD = /\btfds\.(?:load|builder)\(\s*(?:name\s*=\s*)?(["'])([a-z][a-z0-9_]*)\1/g;

/** The datasets a text loads from TFDS by a bare name, each once. */
function tfdsDatasetNames(text: string): string[] {
  return [...new Set([...text.matchAll(TFDS_LOAD)].map((match) => match[2]))];
}

/** Folders above a file in which an absolute import is looked for, at most: a package root is rarely deeper. */
const MAX_PACKAGE_DEPTH = 6;

/**
 * Where a module may be: beside the file, in a folder above it up to the project's root (the folder
 * a package such as `src.utils` is imported from), or under the root; a relative import counts its
 * dots from the file's folder.
 */
function candidates(file: string, root: string, module: ImportedModule): string[] {
  let bases: string[] = [];
  for (let folder = path.dirname(file), i = 0; i < MAX_PACKAGE_DEPTH; folder = path.dirname(folder), i++) {
    bases.push(folder);
    const relative = path.relative(root, folder);
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative) || path.dirname(folder) === folder) break;
  }
  bases.push(root);
  if (module.level > 0) {
    let base = path.dirname(file);
    for (let i = 1; i < module.level; i++) base = path.dirname(base);
    bases = [base];
  }
  const relative = module.name ? module.name.split('.') : [];
  const files = new Set<string>();
  for (const base of bases) {
    if (relative.length === 0) continue;
    files.add(path.join(base, ...relative) + '.py');
    files.add(path.join(base, ...relative, '__init__.py'));
  }
  // A package of a `src` layout in a folder above the file (`src/pkg/models/baseline.py` for a test
  // two folders down in `tests/integration/`), which an editable install puts on the import path.
  for (const base of module.level > 0 ? [] : bases) {
    if (relative.length === 0 || relative[0] === 'src') continue;
    files.add(path.join(base, 'src', ...relative) + '.py');
    files.add(path.join(base, 'src', ...relative, '__init__.py'));
  }
  return [...files];
}

/**
 * The folders of a module's name, with no `__init__.py`, that a from-import may take modules from
 * when no module or regular package of that name is found: Python 3 imports such a folder as a
 * namespace package (`from CNN import train_test` of `CNN/train_test.py`), gathering its modules
 * from every folder of the name on the path. Each folder is consulted, so one appearing is a change.
 */
function namespaceFolders(file: string, root: string, module: ImportedModule, consult: (candidate: string) => { stamp: ModuleStamp }): string[] {
  if (!module.names?.length) return [];
  return candidates(file, root, module)
    .filter((candidate) => path.basename(candidate) === '__init__.py')
    .map((candidate) => path.dirname(candidate))
    .filter((folder) => consult(folder).stamp.startsWith('folder:'));
}

/** The stamp of a module file as it is now: its hash when it would be read, else why not. */
export function moduleStamp(file: string): ModuleStamp {
  return readModule(file).stamp;
}

function readModule(file: string): { stamp: ModuleStamp; text?: string } {
  const stat = lstatIfPresent(file);
  if (!stat) return { stamp: 'absent' };
  // A folder whose entries were looked through: an entry added or removed changes its time.
  if (stat.isDirectory()) return { stamp: `folder:${stat.mtimeMs}` };
  if (!stat.isFile() || stat.size > MAX_MODULE_BYTES) return { stamp: 'unread' };
  try {
    const bytes = readFileSync(file);
    if (wideEncodingReason(bytes, false)) return { stamp: 'unread' };
    return { stamp: createHash('sha256').update(bytes).digest('hex'), text: decode(bytes).text };
  } catch {
    return { stamp: 'unread' };
  }
}

/** The modules a file's text imports from the project, and every file consulted to find them, with its stamp. */
export interface ProjectModules {
  sources: ProjectModuleSource[];
  consulted: { file: string; stamp: ModuleStamp }[];
}

/** Reads the project modules files import; a file's entry is checked against its change time. */
export class ProjectModuleCache {
  private readonly byFile = new Map<string, { mtimeMs: number; read: { stamp: ModuleStamp; text?: string } }>();

  /**
   * The project modules that `text` (the file `file`'s source) imports, found beside the file or
   * under `root`; none when the text loads nothing serialized and draws nothing. A module is named as the file imports
   * it (`utils.io`, `.helpers`).
   */
  forSource(file: string, root: string, text: string): ProjectModules {
    const result: ProjectModules = { sources: [], consulted: [] };
    if (!LOADS.test(text) && !DRAWS.test(text)) return result;
    const consult = (candidate: string) => {
      const read = this.read(candidate);
      result.consulted.push({ file: candidate, stamp: read.stamp });
      return read;
    };
    let siblings: string[] | undefined;
    for (const module of importedModules(text)) {
      if (result.sources.length >= MAX_MODULES) break;
      const name = '.'.repeat(module.level) + module.name;
      const at = this.lookUp(file, root, name, candidates(file, root, module), consult, result);
      // The names a package gives may be its modules (`from pkg.models import train`, then
      // `train.main(...)`): each is looked for beside the package's `__init__.py`, as Python does,
      // or in the folders of a namespace package of that name.
      const folders = at === undefined ? namespaceFolders(file, root, module, consult) : path.basename(at) === '__init__.py' ? [path.dirname(at)] : [];
      let submodules = false;
      for (const sub of module.names ?? []) {
        if (result.sources.length >= MAX_MODULES) break;
        const files = folders.flatMap((folder) => [path.join(folder, `${sub}.py`), path.join(folder, sub, '__init__.py')]);
        if (this.lookUp(file, root, `${name}.${sub}`, files, consult, result) !== undefined) submodules = true;
      }
      if (at !== undefined || submodules || module.level > 0 || !module.name) continue;
      // A notebook kept in a folder of its own beside the code it imports (`notebooks/` beside
      // `models/`): the module in the one sibling folder that has it.
      siblings ??= this.siblingFolders(file, root, result);
      // Also a package there (`src/pkg/trainers/__init__.py` of a `src` layout, which an editable install puts on the path).
      const parts = module.name.split('.');
      const matches = siblings.flatMap((folder) => [path.join(folder, ...parts) + '.py', path.join(folder, ...parts, '__init__.py')]).map((candidate) => ({ candidate, read: consult(candidate) })).filter(({ read }) => read.text !== undefined);
      if (matches.length === 1) result.sources.push({ path: matches[0].candidate, name, text: matches[0].read.text!, ...this.importsOf(matches[0].candidate, root, matches[0].read.text!, file, consult) });
    }
    // A TFDS dataset loaded by its bare name may be the project's own builder, which TFDS keeps in a
    // module named after the dataset (`portraits_naruto.py`; `tfds new` makes
    // `my_dataset/my_dataset_dataset_builder.py`), built with `tfds build` and imported by nothing.
    for (const name of tfdsDatasetNames(text)) {
      if (result.sources.length >= MAX_MODULES) break;
      const files = candidates(file, root, { name, level: 0 }).flatMap((candidate) => path.basename(candidate) === '__init__.py'
        ? [path.join(path.dirname(candidate), `${name}_dataset_builder.py`), path.join(path.dirname(candidate), `${name}.py`), candidate]
        : [candidate]);
      if (!result.sources.some((source) => files.includes(source.path))) this.lookUp(file, root, name, files, consult, result);
    }
    return result;
  }

  /** The first of the files a module `name` may be that can be read, added to `result`'s sources as that module; undefined when none is. */
  private lookUp(file: string, root: string, name: string, files: string[], consult: (candidate: string) => { text?: string }, result: ProjectModules): string | undefined {
    for (const candidate of files) {
      if (candidate === file) continue;
      const read = consult(candidate);
      if (read.text === undefined) continue;
      result.sources.push({ path: candidate, name, text: read.text, ...this.importsOf(candidate, root, read.text, file, consult) });
      return candidate;
    }
    return undefined;
  }

  /**
   * The project modules a module itself imports, one level down, found as the module would find
   * them (not through sibling folders): a trainer class that saves through a checkpoint object built
   * from another module's class (`self.checkpoint = ModelCheckpoint(path)`) saves what that class saves.
   */
  private importsOf(module: string, root: string, text: string, file: string, consult: (candidate: string) => { text?: string }): { imports?: ProjectModuleSource[] } {
    const imports: ProjectModuleSource[] = [];
    for (const imported of importedModules(text)) {
      if (imports.length >= MAX_NESTED_MODULES) break;
      for (const candidate of candidates(module, root, imported)) {
        if (candidate === module || candidate === file) continue;
        const read = consult(candidate);
        if (read.text === undefined) continue;
        imports.push({ path: candidate, name: '.'.repeat(imported.level) + imported.name, text: read.text });
        break;
      }
    }
    return imports.length ? { imports } : {};
  }

  /** The folders beside the file's own, within the root; the parent folder is consulted so that a new one is a change. */
  private siblingFolders(file: string, root: string, result: ProjectModules): string[] {
    const parent = path.dirname(path.dirname(file));
    const relative = path.relative(root, parent);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return [];
    result.consulted.push({ file: parent, stamp: moduleStamp(parent) });
    try {
      return readdirSync(parent, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && path.join(parent, entry.name) !== path.dirname(file))
        .slice(0, MAX_SIBLINGS)
        .map((entry) => path.join(parent, entry.name));
    } catch {
      return [];
    }
  }

  private read(file: string): { stamp: ModuleStamp; text?: string } {
    const mtimeMs = lstatIfPresent(file)?.mtimeMs;
    if (mtimeMs === undefined) return { stamp: 'absent' };
    const known = this.byFile.get(file);
    if (known && known.mtimeMs === mtimeMs) return known.read;
    const read = readModule(file);
    if (this.byFile.size >= 512) this.byFile.clear();
    this.byFile.set(file, { mtimeMs, read });
    return read;
  }

  clear(): void {
    this.byFile.clear();
  }
}

/**
 * `config` with the project modules a document's text imports, for the language server: the file
 * `file` (undefined for an unsaved document, which has none) in the workspace folder `root`.
 */
export function withProjectModules(config: AnalysisConfig, cache: ProjectModuleCache, file: string | undefined, root: string | undefined, text: string): AnalysisConfig {
  const sources = file ? cache.forSource(file, root ?? path.dirname(file), text).sources : [];
  return sources.length ? { ...config, projectModules: sources } : config;
}
