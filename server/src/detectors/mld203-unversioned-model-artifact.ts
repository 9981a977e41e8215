import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { ExactPath } from '../semantics/dataflow';
import type { CallSite } from '../semantics/types';
import { pushTo } from '../engine/collections';
import { stringPrefix } from '../semantics/literals';
import { insertBeforeTopLevelStatement, replaceNode } from './shared/edits';
import { modelSave, nonModelSaved } from './shared/artifacts';
import { lastSegment } from './shared/libraries';
import { modelOutputIn } from './shared/predictions';
import { trackerUpload, usesTracker } from './shared/trackers';
import type { FixDescriptor, Rule, RuleContext, RuleListeners } from './types';

/** Markers that make a file name carry a version, run or date. */
const VERSIONED = /(^|[^a-z])v\d|version|\d{8}|\d{4}[-_.]\d{2}[-_.]\d{2}|run[-_]?id|timestamp|commit|sha|\{\}|\$\{?\w|%\(?[sd]/i;
const FRAME_WRITERS = new Set(['to_csv', 'to_parquet', 'to_json', 'to_pickle', 'to_feather', 'to_excel']);

interface Artifact {
  /** `companion`: a tokenizer, processor or feature extractor, versioned with a model saved to its folder but not reported alone. */
  what: 'model' | 'companion' | 'predictions';
  call: CallSite;
  path: Node;
}

/** A save to a fixed path: one whose every part is known, with no version in it, and not a placeholder. */
interface FixedSave {
  artifact: Artifact;
  known: ExactPath;
}

/**
 * The path a save writes to, when it is fixed. It is asked before what the save writes, which
 * takes a walk through the data flow: only saves to a fixed path can be reported.
 */
function fixedPath(index: SemanticIndex, path: Node): ExactPath | undefined {
  const known = index.dataflow.exactPathOf(path);
  return known && !VERSIONED.test(known.value) && !PLACEHOLDER.test(known.value) ? known : undefined;
}

function persistedModel(index: SemanticIndex, call: CallSite): FixedSave | undefined {
  const saved = modelSave(index, call);
  const known = saved && fixedPath(index, saved.path);
  if (!saved || !known) return undefined;
  const nonModel = nonModelSaved(index, saved);
  if (nonModel === 'data') return undefined;
  return { artifact: { what: nonModel === 'companion' || COMPANION_RECEIVER.test(receiverName(call)) ? 'companion' : 'model', call, path: saved.path }, known };
}

/** A frame of predictions written out: built from model output, or given a prediction column. */
function persistedPredictions(index: SemanticIndex, call: CallSite): FixedSave | undefined {
  if (!call.method || !FRAME_WRITERS.has(call.method) || !call.receiver) return undefined;
  const path = call.args[0] ?? call.kwargs.get('path_or_buf') ?? call.kwargs.get('path');
  const known = path && fixedPath(index, path);
  if (!path || !known || GRADER_FILE.test(known.value) || !modelOutputIn(index, call.receiver)) return undefined;
  return { artifact: { what: 'predictions', call, path }, known };
}

/** `"models/model.pkl"` -> `f"models/model-v{MODEL_VERSION}.pkl"`, keeping the quotes and raw-ness. */
function versionedLiteral(literal: Node, versionName: string): string | undefined {
  if (literal.type !== 'string') return undefined;
  const prefix = stringPrefix(literal);
  if (prefix.includes('b') || prefix.includes('f')) return undefined;
  const start = literal.child(0)?.text ?? '';
  const end = literal.lastChild?.text ?? '';
  const quote = start.slice(prefix.length);
  const inner = literal.text.slice(start.length, literal.text.length - end.length).replace(/\{/g, '{{').replace(/\}/g, '}}');
  const slash = Math.max(inner.lastIndexOf('/'), inner.lastIndexOf('\\'));
  const dot = inner.indexOf('.', slash + 2);
  const at = dot > slash + 1 ? dot : inner.length;
  const newPrefix = (prefix.includes('r') ? 'r' : '') + 'f';
  return `${newPrefix}${quote}${inner.slice(0, at)}-v{${versionName}}${inner.slice(at)}${end}`;
}

/** Versions `literal`, and the same folder written by companions after it (`tokenizer.save_pretrained`). */
function versionFix(context: RuleContext, literal: Node | undefined, companions: readonly Node[] = []): FixDescriptor | undefined {
  if (!literal) return undefined;
  const { index, doc } = context;
  const existing = index.constants.get('MODEL_VERSION');
  const usable = existing && existing.definition.node.startIndex < literal.startIndex;
  if (existing && !usable) return undefined;
  const replacement = versionedLiteral(literal, 'MODEL_VERSION');
  if (!replacement) return undefined;
  const edits = [replaceNode(literal, replacement)];
  for (const other of companions) {
    const versioned = other.startIndex > literal.startIndex ? versionedLiteral(other, 'MODEL_VERSION') : undefined;
    if (versioned) edits.push(replaceNode(other, versioned));
  }
  if (!usable) {
    if (index.definitionsOf('MODEL_VERSION').length > 0) return undefined;
    edits.unshift(insertBeforeTopLevelStatement(doc, literal, 'MODEL_VERSION = "1"'));
  }
  return { title: 'Version the file name with a MODEL_VERSION constant', edits };
}

/**
 * Folders a managed training platform copies into a store of its own, versioned by job or run:
 * SageMaker's `/opt/ml/model`, and Azure ML's `./outputs` in code that uses Azure ML.
 */
function platformVersioned(index: SemanticIndex, path: string): boolean {
  if (/^\/opt\/ml\/(model|output)(\/|$)/.test(path)) return true;
  return /^(\.\/)?outputs(\/|$)/.test(path) && index.importsAny(['azureml']);
}

function normalised(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}

function isTracked(tracked: readonly string[], path: string): boolean {
  const file = normalised(path);
  return tracked.some((logged) => file === logged || file.startsWith(`${logged}/`));
}

/** `generation_config.save_pretrained(...)`: settings, not a trained artefact. */
const CONFIG_RECEIVER = /config$/i;
/** Companions saved beside a model (`tokenizer.save_pretrained(out)`), known by name when their class is not: versioned with the model's files. */
const COMPANION_RECEIVER = /(tokenizer|processor|feature_extractor)$/i;

function receiverName(call: CallSite): string {
  return call.method === 'save_pretrained' && call.receiver ? call.receiver.text : '';
}

/** A placeholder the reader is to replace (`"<path_to_folder>"`): documentation, not a path anything writes. */
const PLACEHOLDER = /<[^<>]+>/;
/** The file a competition's grader requires by name (Kaggle's `submission.csv`): handed in, not read by consumers. */
const GRADER_FILE = /(^|\/)(sample_)?submission[^/]*\.csv$/i;

/**
 * Where this file's artefacts are versioned by someone else, gathered call by call. A model
 * written to a fixed local path and then logged to an experiment tracker
 * (`torch.save(m, "model.pt"); artifact.add_file("model.pt")`) is versioned by the tracker, and
 * a model pushed to the Hub (`model.push_to_hub(...)`) by the Hub: the local file is only the
 * staging copy. A folder that is a Hub repository (`Repository(dir, clone_from=...)`,
 * `upload_folder(folder_path=dir)`) has every save in it versioned by its git history. The paths
 * are evaluated only once a save to a fixed path asks.
 */
class VersionedElsewhere {
  private readonly uploads: Node[] = [];
  private readonly hubFolders: Node[] = [];
  private readonly pushed = new Set<string>();
  private paths?: { tracked: string[]; hub: string[] };
  private readonly tracker: boolean;

  constructor(private readonly index: SemanticIndex) {
    this.tracker = usesTracker(index);
  }

  add(call: CallSite): void {
    const upload = this.tracker ? trackerUpload(call) : undefined;
    if (upload) this.uploads.push(upload);
    const name = call.qname ? lastSegment(call.qname) : call.method;
    if (name === 'push_to_hub' && call.receiver) this.pushed.add(call.receiver.text);
    const folder = name === 'Repository' ? call.args[0] ?? call.kwargs.get('local_dir') : name === 'upload_folder' ? call.kwargs.get('folder_path') : undefined;
    if (folder) this.hubFolders.push(folder);
  }

  covers({ artifact, known }: FixedSave): boolean {
    this.paths ??= { tracked: this.known(this.uploads), hub: this.known(this.hubFolders) };
    if (isTracked(this.paths.tracked, known.value)) return true;
    return isTracked(this.paths.hub, known.value) || (!!artifact.call.receiver && this.pushed.has(artifact.call.receiver.text));
  }

  private known(paths: readonly Node[]): string[] {
    return paths.flatMap((path) => {
      const known = this.index.dataflow.exactPathOf(path);
      return known ? [normalised(known.value)] : [];
    });
  }
}

/** A fix that would rewrite more reads than this is not offered: a hostile file could make it quadratic. */
const MAX_READ_BACKS = 100;

/**
 * For each file the document writes, the literals naming it in the reads that the version fix
 * must rewrite with its write (a notebook that writes predictions and loads them back in a later
 * cell), so the program still reads what it wrote; undefined when the fix cannot keep the program
 * whole and is not offered. Reads through the literal the writes share (`path = "preds.csv"`,
 * used by both) change with it. The fix cannot keep it whole when writes of the file name it by
 * different literals (which write a read gets depends on the order of the program), when a read
 * names it in a way the fix cannot rewrite (a path built at run time), or when a read comes before
 * the first write (it reads the file an earlier run wrote, under the old name).
 */
function readBacksByFile(index: SemanticIndex): Map<string, Node[] | undefined> {
  const reads = new Map<string, ExactPath[]>();
  const writes = new Map<string, { literals: Set<number | undefined>; first: number }>();
  for (const io of index.dataflow.io) {
    const path = io.path ? index.dataflow.exactPathOf(io.path) : undefined;
    if (!path) continue;
    const file = normalised(path.value);
    if (io.direction === 'read') pushTo(reads, file, path);
    else {
      const known = writes.get(file) ?? { literals: new Set(), first: io.call.node.startIndex };
      known.literals.add(path.literal?.startIndex);
      known.first = Math.min(known.first, io.call.node.startIndex);
      writes.set(file, known);
    }
  }
  const result = new Map<string, Node[] | undefined>();
  for (const [file, written] of writes) {
    const readers = (reads.get(file) ?? []).filter((read) => !read.literal || !written.literals.has(read.literal.startIndex));
    if (readers.length === 0) continue;
    const fixable = written.literals.size === 1 && readers.length <= MAX_READ_BACKS
      && readers.every((read) => read.literal && read.literal.startIndex > written.first && versionedLiteral(read.literal, 'MODEL_VERSION'));
    result.set(file, fixable ? readers.map((read) => read.literal!) : undefined);
  }
  return result;
}

function report(context: RuleContext, found: readonly FixedSave[], elsewhere: VersionedElsewhere): void {
  const { index } = context;
  // Companions by the path they are saved to: looking through every save for each model was quadratic.
  const companionsAt = new Map<string, Node[]>();
  let readBacks: Map<string, Node[] | undefined> | undefined;
  for (const { artifact, known } of found) if (artifact.what === 'companion' && known.literal) pushTo(companionsAt, known.value, known.literal);
  for (const save of found) {
    const { artifact, known } = save;
    // A tokenizer or processor is not a model: it is versioned with the model saved to its folder, never reported alone.
    if (artifact.what === 'companion') continue;
    if (platformVersioned(index, known.value) || elsewhere.covers(save)) continue;
    const companions = new Map<number, Node>();
    for (const literal of companionsAt.get(known.value) ?? []) {
      if (literal.startIndex !== known.literal?.startIndex) companions.set(literal.startIndex, literal);
    }
    readBacks ??= readBacksByFile(index);
    const file = normalised(known.value);
    const readBack = readBacks.has(file) ? readBacks.get(file) : [];
    for (const literal of readBack ?? []) companions.set(literal.startIndex, literal);
    const fix = readBack ? versionFix(context, known.literal, [...companions.values()]) : undefined;
    context.report({
      node: artifact.path,
      message: artifact.what === 'model'
        ? `The model is saved to the fixed path "${known.value}": every run overwrites it, and whoever loads it cannot tell which version they get`
        : `Predictions are written to the fixed path "${known.value}" with no model version: their consumers cannot tell which model produced them`,
      ...(fix ? { fix } : {}),
    });
  }
}

/**
 * Every call is offered: the saves are known by qualified name and by method, but a Hub
 * repository or a tracker upload by its last name, whatever module it is imported from. The
 * saves to a fixed path are gathered by the listener, and reported at finish, once every
 * companion, tracker upload and Hub push in the file is known.
 */
function listen(context: RuleContext): RuleListeners {
  const { index } = context;
  const found: FixedSave[] = [];
  const elsewhere = new VersionedElsewhere(index);
  return {
    call(call) {
      const save = persistedModel(index, call) ?? persistedPredictions(index, call);
      if (save && !CONFIG_RECEIVER.test(receiverName(call))) found.push(save);
      elsewhere.add(call);
    },
    finish() {
      report(context, found, elsewhere);
    },
  };
}

export const unversionedModelArtifact: Rule = {
  meta: {
    code: 'MLD203',
    name: 'unversioned-model-artifact',
    category: 'undeclared-consumers',
    severity: 'warning',
    recommended: false,
    fix: { safety: 'unsafe', title: 'Version the file name' },
    docs: {
      summary: 'A model, or a file of its predictions, is written to a fixed path with no version, run id or date in it.',
      why: 'Undeclared consumers (§2): whatever reads `model.pkl` or `predictions.csv` depends on this model without anyone knowing, and each run silently replaces what they read. Nobody can tell which model produced a file, roll back, or compare two versions — the hidden coupling the paper calls visibility debt.',
      example: 'import joblib\n\njoblib.dump(model, "models/model.pkl")\npd.DataFrame({"pred": model.predict(X_new)}).to_csv("predictions.csv")',
      fix: 'Put a version in every artefact name (a `MODEL_VERSION` constant, a run id, a timestamp, a git commit), or hand artefacts to a model registry that versions them. The quick fix turns the literal file name into an f-string with `-v{MODEL_VERSION}` before the extension and defines `MODEL_VERSION = "1"` before the statement, unless the file already has one. It is unsafe: the file is written under a new name, so readers of the old name must follow. Reads of the file later in the same notebook or script (predictions loaded back in a later cell) are versioned with it; where the fix cannot keep the program reading what it wrote, no fix is offered: a read that names the file in a way the fix cannot rewrite (a path built at run time), a read before the first write (it reads what an earlier run wrote), or writes of the file by different literals (which one a read gets depends on the order of the program). Reads through the literal the writes share (a path constant) change with it.',
      fixed: 'import joblib\n\nMODEL_VERSION = "1"\njoblib.dump(model, f"models/model-v{MODEL_VERSION}.pkl")',
      nearMisses: 'Paths that already carry a version, date, run id or any run-time part (`f"model_{run_id}.pkl"`, a path from a variable or argument) are left alone. So are the folders a managed platform versions by job or run: SageMaker\'s `/opt/ml/model`, and `./outputs` in Azure ML code; and files the script hands to an experiment tracker that versions them (`artifact.add_file(path)`, `wandb.save(path)`, `mlflow.log_artifact(path)`). `torch.save` counts for models, state dicts and checkpoints, not datasets or tensors (a parameter taken out of a model, `model.embedding.weight.data`, is a tensor). `.save(...)` counts only with a model file extension in a file that imports TensorFlow, Keras or PyTorch (figures and images are saved with `.save` too). `pickle.dump` and `joblib.dump` count only for objects that look like models (built by a model class, fitted in the file, or named as one: `model`, `clf`, `pipeline`..., but not a variable or attribute whose own name says it only holds something about a model, `model_info`, a dictionary of the sizes the model is built with, `model_history`, `model_metrics`, while an entry taken out of a container, `run_summary["model"]`, still counts when its expression names a model); a simulator object or an index array a Monte Carlo script keeps beside its results is not one. Data frames that hold no predictions are not artefacts of the model. Only models and their predictions are artefacts: a tokenizer, processor or feature extractor is never reported alone (the fix versions it together with a model saved to the same folder), and data (`joblib.dump(X_test, ...)`, a frame, an array) or a fitted preprocessor is not a model, also when a setting picks its class in branches (`scaler = StandardScaler()` in one, `scaler = MinMaxScaler()` in another). A folder that is a Hugging Face Hub repository (`Repository(dir, clone_from=...)`, `upload_folder(folder_path=dir)`) or a model also pushed to the Hub (`model.push_to_hub(...)`) is versioned by the Hub\'s git history. Placeholder paths the reader is to fill in (`"<path_to_folder>"`) and the file a competition\'s grader requires by name (Kaggle\'s `submission.csv`) are left alone.',
    },
  },
  listen,
};
