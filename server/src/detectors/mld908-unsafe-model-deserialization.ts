import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import { argument } from '../semantics/calls';
import { holdsData } from '../semantics/dataio';
import { isTorchModule } from '../semantics/torch';
import type { CallSite, Definition } from '../semantics/types';
import { unpackedElement } from '../semantics/values';
import { pathBindings, respelledFrom, spellsPathAgain, type PathValue } from '../semantics/pathValues';
import { inLiteralDeadBranch, numberValue, stringValue } from '../semantics/literals';
import { allBelow, atLeast, type LibraryFloors } from '../engine/versions';
import { ancestors, enclosingFunction, enclosingLoops, firstStartAtOrAfter, FUNCTION_TYPES, isAncestorOf, memoKey, methodClass, outermostParens, sameNode, startsOf, stripParens } from '../semantics/nodes';
import { elementOf } from './shared/objects';
import { addKeywordArgument, replaceNode } from './shared/edits';
import { DATA_WORDS } from './shared/artifacts';
import { LoadGroups, type ContainerKind, type GroupedLoad } from './shared/loadGroups';
import { callResultValues, entryRead, fixtureValues, helperResultValues, settingsEntries, type RecordEntry } from './shared/returnedValues';
import { oncePer, pushTo } from '../engine/collections';
import { fileKey, fileKeysThroughEachCall, fileKeyThroughPassedValue, heldParameters, inExclusiveArms, keyBeforeChdir, returnsBefore, savedForEachConstant, savedForEachDictionaryValue, savedInChosenPass, savedInEarlierLoop, savedInRankedPass, writtenBeforeRead, writtenByEarlierCall, writtenByConstructor, writtenFirstInEveryEntry } from './shared/runOrder';
import { writtenByUpstreamTask } from './shared/airflowTasks';
import { upstreamArtifacts, writesArtifact } from './shared/kfpArtifacts';
import { moduleSavesOf, returnsOwnSave, savesThroughProjectCalls, unpackedCall, type ProjectSaves } from './shared/projectSaves';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';
import { LIGHTNING_CHECKPOINT, PATH_CHECKPOINT_CALLBACKS } from '../semantics/library/torch';
import { ARRAY_JOINS } from '../semantics/library/values';
import { FILE_MOVES, UNPICKLER_CLASSES, UNPICKLER_HOOKS } from '../semantics/library/io';
import { attributeAssignments, attributeAssignmentsReaching, usesOfTarget } from './shared/randomReach';
import { underTestsNewDirectory } from './shared/testTempDirs';
import { builtWhereFailureExpected } from './shared/inspection';

/** The exceptions a load raises when its file is missing. */
const MISSING_FILE_ERRORS: ReadonlySet<string> = new Set(['builtins.FileNotFoundError', 'builtins.OSError', 'builtins.IOError', 'builtins.EnvironmentError']);

const PICKLE_LOADERS = new Set(['pickle.load', 'pickle.loads', 'dill.load', 'dill.loads', 'cloudpickle.load', 'cloudpickle.loads', 'joblib.load', 'sklearn.externals.joblib.load']);
const MODEL_WORDS = /model|clf|classifier|regressor|estimator|pipeline|pipe\b|booster|checkpoint|ckpt|weights|encoder|scaler|vectori[sz]er|tokeni[sz]er/i;
const MODEL_USE = new Set(['predict', 'predict_proba', 'decision_function', 'transform', 'score', 'forward', 'eval', 'generate']);
/**
 * A run's configuration kept beside its models (`args = joblib.load("models/run1/args.pkl")`, a
 * config, hyperparameters): a record, as a summary is. Read only in the name the load is bound to
 * and in the file's own name, never in the expression around the path (`config["model_path"]`,
 * `args.model` name a model's file).
 */
const CONFIG_WORDS = /(^|[^a-z])(args|arguments|config|configs|cfg|hparams|hyper_?param(eter)?s|settings)([^a-z]|$)/i;
/**
 * Rows of data (`background_data`, `train_sample`, `test_df`): read only in the file's own name, to
 * tell what it holds when only a folder of its path names a model (`model/background_data.pkl`).
 */
const ROWS_WORDS = /(^|[^a-z])(data|datasets?|samples?|df|frames?)([^a-z]|$)/i;
/**
* A dictionary of codes (`mappings`, `category_mapping`): the table an encoding step gives a column's
 * values, kept so that serving encodes its input as training did; numbers and strings, no model. So
 * is a lookup table (`emp_lookup`, `venue_lookup.pkl`): the values a program looks a key up in,
 * counted from the data. Read in the name the load is bound to and in the file's own name, never
 * beside a model word (`model_mapping` may map names to models, `model_lookup` hold them).
 */
const MAPPING_WORDS = /(^|[^a-z])(mappings?|lookups?)([^a-z]|$)/i;
/**
 * A statistic or a description as the last word of a name (`residual_std`, `target_mean`,
 * `ridge_residual_std.pkl`; `hes_meta`, `meta_information.pickle`): English puts the head noun last,
 * so the name says it holds a mean or a spread, a number or an array kept to rescale predictions or
 * draw their intervals, or the mode or median a pipeline fills a column's gaps with (`cityname_mode`), or metadata that describes a data set or a model (the vocabulary and tables a
 * tokenizer is rebuilt from); so does `hist` (`hist`, `loss_hist`), a training's history or a
 * histogram, either one numbers. A name that also names a model (`model_std`, one of a pair of models
 * predicting a mean and a spread; `meta_model`, a stacker) is left to the model words, and a word that
 * is not the last says nothing (`hist_gb`, a histogram gradient-boosting model).
 */
const RECORD_LAST = /(^|[^a-z])(means?|medians?|modes?|stds?|std_?devs?|stdevs?|variances?|hists?|meta|metainfo|information)(\.[a-z0-9]+)*$/i;
/**
 * A matrix as the last word of a name (`weights_matrix`, the word vectors a data loader looks rows up
 * in; `tfidf_matrix.pkl`, `similarity_matrices`): English puts the head noun last, and a matrix is an
 * array of numbers whatever words come before it, so a model word there (`weights`) does not make it
 * a model, as it does not in `model_array`. Such an array used as a model (`.predict`) still is one.
 */
const ARRAY_LAST = /(^|[^a-z])(matrix|matrices)(\.[a-z0-9]+)*$/i;
/**
 * The outputs models computed as the last word of a name (`outputs`, `model_outputs`,
 * `all-stacked-outputs.pkl`): English puts the head noun last, and a plural of outputs is what models
 * gave for their inputs (the first-level predictions a stacking step reads back), arrays whatever words
 * come before it. A singular `output` may name whatever a step wrote, and a folder (`outputs/rf.pkl`)
 * says nothing; such outputs used as a model (`.predict`) still are one.
 */
const OUTPUTS_LAST = /(^|[^a-z])outputs(\.[a-z0-9]+)*$/i;
/**
 * A table of rows as the last word of a name (`model_df`, `results_frame`, `model_dataframe.pkl`),
 * or a plural `samples` (`new_model_test_samples`): pandas' names for a frame, and the rows drawn for
 * a step, which hold rows whatever words come before them, as a matrix does; a model word there
 * says only whose rows they are. `data` as the last word says less (`model_data` may be a bundle
 * of a model and what it needs), and is left to the model words, as a singular `sample` is.
 */
const FRAME_LAST = /(^|[^a-z])(df|dataframe|frames?|samples)(\.[a-z0-9]+)*$/i;
/**
 * Paths or names of files as the last word of a name (`model_path_list`, `ckpt_paths`,
 * `best_model_path`, `model_filenames.pkl`, `fold_fname_list`): English puts the head noun last, and
 * a path or a list of paths or names is strings, whatever words come before it; the step that trained
 * pickled where it saved its checkpoints so that inference finds them, and the checkpoints are what a
 * later load reads. `_list` counts only after such a word (`model_list` is a list of models), and such
 * strings used as a model (`.predict`) still are one.
 */
const PATHS_LAST = /(^|[^a-z])(paths?|file_?names?|fnames?|(paths?|file_?names?|fnames?|names?)_?list)(\.[a-z0-9]+)*$/i;
/**
 * `model` after a word for a made thing (`device_model`, `phone_model`, `car_models.pkl`): the make
 * and model of a phone or a car, a column of the data (a click log's device model, a used-car table's
 * model), whose values a program counts and pickles as it does any other column's. That sense of the
 * word names no trained model; another model word in the name (`car_price_model`, `device_model_clf`)
 * still does, and such a table used as a model (`.predict`) still is one.
 */
const PRODUCT_MODEL = /(^|[^a-z])(device|phone|handset|car|vehicle)[_-]?models?(?=[^a-z]|$)/gi;
/** A model word in `name`, the product sense of `model` left out (`device_model` names none). */
function namesModel(name: string): boolean {
  return MODEL_WORDS.test(name.replace(PRODUCT_MODEL, '$1'));
}

/** A name that says in `words` what it holds and names no model: a model word wins (`model_std`, `model_mapping`). */
function namesDataBy(words: RegExp, name: string): boolean {
  return words.test(name) && !MODEL_WORDS.test(name);
}

/**
 * The path a load or save names, as the I/O catalogue reads it: its file argument, or the path a file
 * object was opened on (`with open(p, "rb") as f`). A new in-memory buffer around the bytes of another
 * (`io.BytesIO(buf.getvalue())`, also through a name bound to them) reads what was written into that
 * buffer: it names `buf`.
 */
function filePath(index: SemanticIndex, call: CallSite): Node | undefined {
  const path = index.dataflow.dataIOAt(call.node)?.path;
  const node = path ? stripParens(path) : undefined;
  const wrapper = node?.type === 'call' ? index.call(node) : undefined;
  if (wrapper?.qname !== 'io.BytesIO' || wrapper.args.length !== 1 || wrapper.kwargs.size > 0) return path;
  // Also through the one name bound to those bytes (`model_bytes = buf.getvalue()`).
  const bytes = index.valueOf(wrapper.args[0]);
  const read = bytes.type === 'call' ? index.call(bytes) : undefined;
  return read?.method === 'getvalue' && read.args.length === 0 && read.receiver ? read.receiver : path;
}

/** Flyte's typed files (`FlyteFile(path=p)`, `JoblibSerializedFile(p)`): handles that carry a path from one task to the next. */
const FILE_HANDLE = /^flytekit\.types\.file\./;

/** The path a typed-file handle is built around (`JoblibSerializedFile(path=out)` -> `out`), or the value itself. */
function carriedPath(index: SemanticIndex, value: Node): Node {
  const node = stripParens(value);
  const call = node.type === 'call' ? index.call(node) : undefined;
  return call?.qname && FILE_HANDLE.test(call.qname) ? call.kwargs.get('path') ?? call.args[0] ?? node : node;
}

/** The typed-file parameter whose local copy a path is (`weights.download()` for `weights: FlyteFile`), or the path itself. */
function handleOf(index: SemanticIndex, path: Node): Node {
  const node = stripParens(path);
  const call = node.type === 'call' ? index.call(node) : undefined;
  const handle = call?.method === 'download' && call.args.length === 0 ? call.receiver : undefined;
  if (handle?.type !== 'identifier') return node;
  const annotation = index.parameterAnnotation(handle);
  const type = annotation?.type === 'generic_type' || annotation?.type === 'subscript' ? annotation.namedChild(0) : annotation;
  return type && FILE_HANDLE.test(index.qualify(type) ?? '') ? handle : node;
}

const MAX_RESULT_DEPTH = 3;

/**
 * The paths a value handed on holds when it is what one of the file's functions returns (`packed =
 * fit(frame)`, `fit(frame)` itself, or a workflow that returns such a result), out of the typed-file
 * handles they come in; the value itself otherwise.
 */
function resultPaths(index: SemanticIndex, value: Node, depth = 0): Node[] {
  const node = carriedPath(index, value);
  const returned = depth >= MAX_RESULT_DEPTH ? undefined : node.type === 'identifier' ? helperResultValues(index, node) : callResultValues(index, node);
  return returned ? returned.flatMap((result) => resultPaths(index, result, depth + 1)) : [node];
}

/**
 * The paths a load or save names, each with where it runs: its own path argument, at the call; or,
 * when that is a parameter of the enclosing function (`def load_checkpoint(filepath): torch.load(filepath)`),
 * the path each call of the function passes, at that call; or, when it is a test's parameter named
 * for a pytest fixture of the file, or a call of the file's own function or a name bound to one
 * (`ckpt = save_checkpoint(model)`), the path that function returns, where it returns it. A passed
 * value that is itself such a result (one task's returned file handed to the next by a workflow)
 * is followed to the path returned, where it is returned.
 */
function pathSites(index: SemanticIndex, call: CallSite): { path: Node; at: Node }[] {
  const path = filePath(index, call);
  if (!path) return [];
  const node = handleOf(index, path);
  // A fixture's parameter, or a helper's result, holds what that function returns, where it returns it.
  const passed = node.type === 'identifier' ? index.passedArguments(node) ?? fixtureValues(index, node) ?? helperResultValues(index, node) : callResultValues(index, node);
  if (passed) return passed.flatMap((argument) => resultPaths(index, argument)).map((value) => ({ path: value, at: value }));
  // A settings entry (`config['save_path']`): the path the dictionary literal holds, where it is read or handed over.
  const entries = settingsEntries(index, node);
  return entries ? entries.map(({ value, at }) => ({ path: value, at: at === node ? call.node : at })) : [{ path, at: call.node }];
}

/**
 * The function around `at` writes the path `path` names itself, and none of those writes runs before
 * `at` in one run (each comes after it, or sits in another arm of an `if` around it).
 */
function ownWriteNotBefore(index: SemanticIndex, path: Node, at: Node): boolean {
  const fn = enclosingFunction(at);
  if (!fn) return false;
  const flow = index.dataflow;
  const read = flow.pathOf(path);
  const own = (writesByFunction(index).get(fn.id) ?? []).filter((written) => samePathValue(flow.pathOf(written.path), read));
  return own.length > 0 && !own.some((written) => writtenBeforeRead(flow, written.call, at, path));
}

/** The paths each function writes to, by the function's node id: asked once per load, found once per document. */
const writesByFunction = oncePer((index: SemanticIndex): Map<number, { path: Node; call: Node }[]> => {
  const writes = new Map<number, { path: Node; call: Node }[]>();
  for (const io of index.dataflow.io) {
    const fn = io.direction === 'write' && io.path ? enclosingFunction(io.call.node) : undefined;
    if (fn) pushTo(writes, fn.id, { path: io.path!, call: io.call.node });
  }
  return writes;
});

function samePathValue(a: PathValue, b: PathValue): boolean {
  return a.template === b.template && a.holes.join('\u0000') === b.holes.join('\u0000');
}

/**
 * The load reads back a file this program saved earlier in the same run (`pickle.dump(clf, open(p, "wb"))`
 * then `pickle.load(open(p, "rb"))`, `torch.save(model, path)` then `torch.load(path)`, directly or
 * through a helper's parameter, or in a method of the class whose `__init__` saved it, or in an Airflow task downstream of the one that saved it): what it unpickles is what the program pickled itself, with the
 * same library versions. Through a helper, every call of it must read such a file.
 */
function readsOwnSave(index: SemanticIndex, load: CallSite, saves: ReadonlyMap<string, readonly Node[]>, project: RuleContext['project']): boolean {
  const flow = index.dataflow;
  if (project && readsReturnedProjectSave(index, load, project.saves())) return true;
  if (readsCallbackCheckpoint(index, load) || readsRecordedSave(index, load, saves)) return true;
  // A parameter names one file in each run of its function, whatever the calls pass: a save through
  // it before the load in that run (in the function, or by a helper handed it) is read back.
  const own = parameterPath(index, load);
  const ownKey = own ? fileKey(flow, own) : undefined;
  if (ownKey !== undefined && (saves.get(ownKey) ?? []).some((save) => writtenBeforeRead(flow, save, load.node, own))) return true;
  const reads = pathSites(index, load);
  return reads.length > 0 && reads.every(({ path, at }) => {
    const savedBefore = (key: string | undefined) => key !== undefined && (saves.get(key) ?? []).some((save) => writtenBeforeRead(flow, save, at, path) || writtenByConstructor(save, at) || writtenByUpstreamTask(index, save, at) || writtenFirstInEveryEntry(flow, save, at));
    if (savedBefore(fileKey(flow, path))) return true;
    // Through an attribute of `self` set once, a method the load's body calls first saves what it reads.
    const stored = storedValueRead(index, path);
    const storedKey = stored && fileKey(flow, stored);
    if (storedKey !== undefined && (saves.get(storedKey) ?? []).some((save) => writtenByEarlierCall(flow, save, at))) return true;
    // A path built over a helper's parameters (`Path(output_dir) / "model.joblib"` in `verify_reload(output_dir)`):
    // each call reads what its own values name, so every call must come after a save of that file. A call
    // of the caller further up (`run(out)` calling `train(output_dir=out)`) runs both the save and the read,
    // in the order the entry for the helper's own call checks.
    // A save the load's own function makes of the same path decides by its place there: one after the
    // load (a resume that reads the last run's checkpoint, then trains and saves), or in the other arm
    // of an `if` (train and save, else load), does not write what this read reads.
    const perCall = fileKeysThroughEachCall(flow, path);
    const samePlace = (save: Node, call: Node) => sameNode(save, call) && !ownWriteNotBefore(index, path, at);
    if (perCall.length > 0 && perCall.every((read) => (saves.get(read.key) ?? []).some((save) => samePlace(save, read.call) || writtenBeforeRead(flow, save, read.call)))) return true;
    // The best epoch's checkpoint, one of those the loop saved in every pass (`"{}.pkl".format(best_epoch)`).
    if (savedInChosenPass(flow, path, at, saves)) return true;
    // The pass a list of per-pass scores picks by position (`his_loss[bestid]`, `bestid + 1`), each pass having saved its own file.
    if (savedInRankedPass(flow, path, at, saves)) return true;
    // The files of an earlier loop's passes, read back by a loop over the same values (the folds' models, then their ensemble).
    if (savedInEarlierLoop(flow, path, at, saves)) return true;
    // A loop over a literal list of names, each naming a file saved before (`for name in ["rf", "xgb"]`).
    if (savedForEachConstant(flow, path, at, saves)) return true;
    // An entry of a dictionary of names picked by a run-time key (`model_files[best_name]`), each name saved before.
    if (savedForEachDictionaryValue(flow, path, at, saves)) return true;
    // Read after `os.chdir(dir)`: the file saved as `dir/<path>` before the move.
    const moved = keyBeforeChdir(flow, path, at);
    return !!moved && (saves.get(moved.key) ?? []).some((save) => writtenBeforeRead(flow, save, moved.at));
  });
}

/**
 * `model.load_state_dict(torch.load(stopper.path))` after a loop that called `stopper(val_loss, model)`
 * in its body: an early-stopping or checkpoint callback, whatever its class (often handed in from
 * another module), given the model every pass to save its best weights at the path it keeps. The
 * model the file is read into must be the one the loop handed over, the loop must have ended before
 * the load, and both must run in the same function.
 */
function readsCallbackCheckpoint(index: SemanticIndex, load: CallSite): boolean {
  const path = filePath(index, load);
  const holder = path ? stripParens(path) : undefined;
  const callback = holder?.type === 'attribute' ? holder.childForFieldName('object') : undefined;
  const restored = restoredModel(load);
  if (!callback || !restored) return false;
  const fn = enclosingFunction(load.node);
  return index.calls.some((call) => call.callee.text === callback.text && enclosingFunction(call.node)?.id === fn?.id
    && [...call.args, ...call.kwargs.values()].some((arg) => stripParens(arg).text === restored.text)
    && enclosingLoops(call.node).some((loop) => loop.endIndex <= load.node.startIndex && (!fn || isAncestorOf(fn, loop))));
}

/** `model` in `model.load_state_dict(torch.load(p))`: the model the loaded weights go into. */
function restoredModel(load: CallSite): Node | undefined {
  const args = load.node.parent;
  const call = args?.type === 'argument_list' ? args.parent : undefined;
  const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  return callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'load_state_dict' ? callee.childForFieldName('object') ?? undefined : undefined;
}

/**
 * The load's path is a name that every binding reaching it (but `None`) gives the result of a
 * project function returning the path it saved to, run before the load: `ckpt = save_checkpoint(...)`,
 * then `torch.load(ckpt)`; or an entry of a name bound so to a function that returns that path in
 * that entry of a record: `result = train(...)`, then `joblib.load(result.model_path)`.
 */
function readsReturnedProjectSave(index: SemanticIndex, load: CallSite, project: ProjectSaves): boolean {
  const path = filePath(index, load);
  const node = path ? stripParens(path) : undefined;
  const flow = index.dataflow;
  // `result.model_path`, `result["model_path"]`: that entry of the record the call bound to `result`
  // returns, while nothing writes it (or writes into `result` at keys unknown) between the call and the load.
  const entry = node ? recordRead(node) : undefined;
  const named = entry?.record ?? node;
  const read = named?.type === 'identifier' ? flow.readAt(named) : undefined;
  if (!read || (entry && flow.writesInto(read).some((mutation) => mutation.keys.length === 0 || mutation.keys.includes(entry.entry.key)))) return false;
  const valueOf = (definition: Definition) => {
    const value = definition.kind === 'assign' ? definition.value : definition.kind === 'unpack' ? unpackedElement(flow, definition) : undefined;
    return value ? stripParens(value) : undefined;
  };
  const bindings = pathBindings(flow, flow.reachingDefinitions(read));
  return bindings.length > 0 && bindings.every((definition) => {
    const value = valueOf(definition);
    if (value?.type === 'call') return returnsOwnSave(index, project, value, entry?.entry) && writtenBeforeRead(flow, value, load.node);
    // `model_path, run_id = train(...)`: the element of the tuple the call returns.
    const unpacked = definition.kind === 'unpack' && !entry ? unpackedCall(definition) : undefined;
    return !!unpacked && returnsOwnSave(index, project, unpacked.call, unpacked.position) && writtenBeforeRead(flow, unpacked.call, load.node);
  });
}

/** The name a path reads one entry of, and that entry: `result` and `.model_path` of `result.model_path`, or `["model_path"]` of `result["model_path"]`. */
function recordRead(node: Node): { record: Node; entry: RecordEntry } | undefined {
  const record = node.type === 'attribute' ? node.childForFieldName('object') : node.type === 'subscript' ? node.childForFieldName('value') : null;
  const rest = record?.type === 'identifier' ? node.text.slice(record.endIndex - node.startIndex) : undefined;
  const entry = rest !== undefined ? entryRead(rest) : undefined;
  return record && entry && entry.length === rest!.length ? { record, entry: { key: entry.key, access: entry.access } } : undefined;
}

/**
 * The calls by which the program serializes an object it holds (the I/O catalogue's writes of a
 * model or pickle, or of data a library holds): a load of such a file reads the program's own
 * output. A raw write through `open(p, "wb")` is not one: its bytes may be copied from anywhere
 * (a download streamed to disk).
 */
function saveCalls(index: SemanticIndex): CallSite[] {
  return index.dataflow.io.filter((io) => io.direction === 'write' && (io.what === 'model' || holdsData(io))).map((io) => io.call);
}

/**
 * A component of a Kubeflow pipeline of the file that loads its `Input[...]` artifact
 * (`joblib.load(input_model.path)`), wired by every call to a task's `outputs["output_model"]`,
 * reads what the upstream component wrote at that `Output[...]` artifact's path
 * (`joblib.dump(model, output_model.path)`): the platform starts it only once that task has
 * produced the artifact.
 */
function readsUpstreamArtifact(index: SemanticIndex, load: CallSite): boolean {
  const path = filePath(index, load);
  const sources = path ? upstreamArtifacts(index, path) : undefined;
  return !!sources && sources.every(({ component, output }) => saveCalls(index).some((save) => isAncestorOf(component, save.node) && writesArtifact(index, filePath(index, save), component, output)));
}

/**
 * The path of a load or save when it is a parameter of the enclosing function that the file's calls
 * pass a value to (pathSites follows those values): the name itself, one file in each run of the function.
 */
function parameterPath(index: SemanticIndex, call: CallSite): Node | undefined {
  const path = filePath(index, call);
  const node = path ? stripParens(path) : undefined;
  return node?.type === 'identifier' && index.passedArguments(node) ? node : undefined;
}

const NO_PROJECT: ProjectSaves = new Map();

/** Where the program saves each file (by fileKey): worked out once per document, not once per load. */
function savesByFile(index: SemanticIndex, project: RuleContext['project']): Map<string, Node[]> {
  const saves = new Map<string, Node[]>();
  const flow = index.dataflow;
  const savedThroughCalls = (path: Node, at: Node, key: string | undefined) => {
    // A save in a function of the file writes, through its parameters, the path its calls pass
    // (`train(..., model_path=model_path, model_name=name)` saving to `model_path + model_name + ".pth"`).
    const passed = fileKeyThroughPassedValue(flow, path);
    if (passed !== undefined && passed !== key) pushTo(saves, passed, at);
    // Each call passes its own values: what it writes is read after that call (`train(..., experiment_name="v2")`).
    for (const written of fileKeysThroughEachCall(flow, path)) pushTo(saves, written.key, written.call);
  };
  // A call of a project module's function that saves through its parameters (`save_checkpoint(model, "best.pt")`),
  // or of a method of a class of a project module or of the file (`stopper(loss, model)` of `EarlyStopping(path=p)`),
  // also where a function of the file hands it a path over its own parameters (`run_training(args, run_id)`).
  for (const { key, call, path } of savesThroughProjectCalls(index, project?.saves() ?? NO_PROJECT, moduleSavesOf(index, project?.saves()))) {
    pushTo(saves, key, call);
    if (path) savedThroughCalls(path, call, key);
  }
  for (const save of saveCalls(index)) {
    const own = parameterPath(index, save);
    const ownKey = own ? fileKey(flow, own) : undefined;
    if (ownKey !== undefined) pushTo(saves, ownKey, save.node);
    for (const { path, at } of pathSites(index, save)) {
      const key = fileKey(flow, path);
      if (key !== undefined) pushTo(saves, key, at);
      const stored = storedValueRead(index, path);
      const storedKey = stored && fileKey(flow, stored);
      if (storedKey !== undefined && storedKey !== key) pushTo(saves, storedKey, at);
      savedThroughCalls(path, at, key);
    }
  }
  // A saved file moved or copied to another path after its save (`os.rename("best.pth", best_path)`)
  // is still the program's own there: the move stands for a save at its destination.
  // A move onto a parameter of a function of the file (an atomic save: `torch.save(state, tmp)`, then
  // `os.replace(tmp, path)`) writes what each call passes for it, as a save through the parameter does.
  for (const move of index.callsTo(FILE_MOVES)) {
    const [from, to] = [argument(move, 'src', 0), argument(move, 'dst', 1)];
    const fromKey = from ? fileKey(flow, from) : undefined;
    if (!from || !to || fromKey === undefined || !(saves.get(fromKey) ?? []).some((save) => writtenBeforeRead(flow, save, move.node, from))) continue;
    const destination = stripParens(to);
    // The parameter itself, or as the helper respelled it first (`path = Path(path)`).
    const parameter = destination.type === 'identifier' ? (index.passedArguments(destination) ? destination : respelledFrom(flow, destination)) : undefined;
    const passed = parameter ? index.passedArguments(parameter) : undefined;
    for (const { path, at } of passed ? passed.map((value) => ({ path: value, at: value })) : [{ path: to, at: move.node }]) {
      const key = fileKey(flow, path);
      if (key !== undefined) pushTo(saves, key, at);
      savedThroughCalls(path, at, key);
    }
  }
  return saves;
}

/** Calls that hand back the items they are given, in another order, as a list, or with a progress bar. */
const LISTING_WRAPPERS = new Set(['builtins.sorted', 'builtins.list', 'builtins.reversed', 'tqdm.tqdm', 'tqdm.auto.tqdm', 'tqdm.notebook.tqdm']);

/**
 * One step back from a listing to what it hands on: the value of the one assignment a name holds, or
 * the items a wrapper (`sorted`, `tqdm`) is given; `null` when it is neither.
 */
function listingStep(index: SemanticIndex, listing: Node): Node | undefined | null {
  if (listing.type === 'identifier') {
    const at = index.dataflow.readAt(listing);
    return at ? index.dataflow.onlyAssignedValue(at) : undefined;
  }
  const call = listing.type === 'call' ? index.call(listing) : undefined;
  return call?.qname && LISTING_WRAPPERS.has(call.qname) && call.args.length >= 1 ? call.args[0] : null;
}

/** Builtins that hand back one element of the items they are given: `max(files, key=os.path.getctime)`, `min(files)`, `next(listing)`. */
const ELEMENT_PICKS = new Set(['builtins.max', 'builtins.min', 'builtins.next']);

/**
 * The listing one element of which `value` is: the items of `max(files, key=os.path.getctime)`,
 * `min(files)` or `next(listing)`, or the list a constant position takes (`files[-1]`).
 */
function pickedListing(index: SemanticIndex, value: Node): Node | undefined {
  const node = stripParens(value);
  if (node.type === 'subscript') {
    const position = node.childForFieldName('subscript');
    return position && Number.isInteger(numberValue(position)) ? node.childForFieldName('value') ?? undefined : undefined;
  }
  const call = node.type === 'call' ? index.call(node) : undefined;
  const onlyKey = call?.qname === 'builtins.next' ? call.kwargs.size === 0 : [...(call?.kwargs.keys() ?? [])].every((name) => name === 'key');
  return call?.qname && ELEMENT_PICKS.has(call.qname) && call.args.length === 1 && !call.hasSplat && onlyKey ? call.args[0] : undefined;
}

/**
 * The folder and name pattern of a `Path.glob` listing that the loop binding `path` walks
 * (`for sp in sorted(tmp_dir.glob("shard_*.pt"))`, also through a name bound to the listing, and
 * as one element of a `zip`: `for sp, n in zip(shard_files, counts)`), or that `path` picks one
 * element of (`max(files, key=os.path.getctime)` over `files = list(ckpt_dir.glob("best_*.pt"))`,
 * also through the one name bound to the pick).
 */
function globListing(index: SemanticIndex, path: Node): { folder: Node; pattern: string } | undefined {
  const flow = index.dataflow;
  const read = path.type === 'identifier' ? flow.readAt(path) : undefined;
  const bindings = read ? flow.reachingDefinitions(read) : [];
  const picked = pickedListing(index, (read && flow.onlyAssignedValue(read)) ?? path);
  const loop = !picked && bindings.length === 1 && bindings[0].kind === 'for' ? bindings[0].statement : undefined;
  const target = loop?.childForFieldName('left');
  if (!picked && (!loop || !target)) return undefined;
  // The bound name's place in an unpacked target: the argument of `zip` it walks.
  let position = !target || sameNode(target, bindings[0].node) ? undefined : target.namedChildren.findIndex((element) => !!element && sameNode(element, bindings[0].node));
  if (position === -1) return undefined;
  let listing = picked ?? loop?.childForFieldName('right') ?? undefined;
  for (let depth = 0; listing && depth < 6; depth++) {
    listing = stripParens(listing);
    const zipped = position !== undefined && listing.type === 'call' ? index.call(listing) : undefined;
    if (zipped?.qname === 'builtins.zip' && position !== undefined && !zipped.hasSplat) {
      listing = zipped.args[position];
      position = undefined;
      continue;
    }
    const next = listingStep(index, listing);
    if (next !== null) {
      listing = next;
      continue;
    }
    const call = listing.type === 'call' ? index.call(listing) : undefined;
    const known = call && (call.method === 'glob' || call.method === 'rglob') && call.receiver && call.args.length === 1 ? flow.stringOf(call.args[0]) : undefined;
    // A run-time part of the pattern (`f"split_{best}_round_*.pt"`) may hold any text, as `*` does; a
    // pattern with no constant part (`glob(pattern)`, `glob(f"{a}{b}")`) tells nothing of what it lists.
    const pattern = known?.value.replaceAll('{}', '*');
    return position === undefined && call?.receiver && pattern !== undefined && /[^*?]/.test(pattern) && !pattern.includes('/') ? { folder: call.receiver, pattern } : undefined;
  }
  return undefined;
}

/**
 * The folder and name pattern of an `os.listdir` listing whose names the load joins back onto the
 * folder listed, under a test of the name's suffix or prefix around the load
 * (`for f in os.listdir(models_dir): if f.endswith(".joblib"): joblib.load(os.path.join(models_dir, f))`):
 * the files of that folder whose names the test lets through, as a glob `*.joblib` lists them.
 */
function listdirListing(index: SemanticIndex, path: Node): { folder: Node; pattern: string } | undefined {
  const flow = index.dataflow;
  const node = stripParens(path);
  const join = node.type === 'call' ? index.call(node) : undefined;
  const parts = join?.qname === 'os.path.join' && join.args.length === 2 && !join.hasSplat && join.kwargs.size === 0 ? join.args : undefined;
  const [folder, name] = parts ?? [];
  if (!folder || name?.type !== 'identifier') return undefined;
  const read = flow.readAt(name);
  const bindings = read ? flow.reachingDefinitions(read) : [];
  const loop = bindings.length === 1 && bindings[0].kind === 'for' ? bindings[0].statement : undefined;
  const target = loop?.childForFieldName('left');
  if (!loop || !target || !sameNode(target, bindings[0].node)) return undefined;
  let listing = loop.childForFieldName('right') ?? undefined;
  for (let depth = 0; listing && depth < 6; depth++) {
    listing = stripParens(listing);
    const next = listingStep(index, listing);
    if (next !== null) {
      listing = next;
      continue;
    }
    const call = listing.type === 'call' ? index.call(listing) : undefined;
    if (call?.qname !== 'os.listdir' || call.args.length !== 1) return undefined;
    const listed = flow.pathOf(call.args[0]);
    const joined = flow.pathOf(folder);
    if (listed.template !== joined.template || listed.holes.length !== joined.holes.length || listed.holes.some((hole, i) => joined.holes[i] !== hole)) return undefined;
    // The test of the name that lets the load run: an `if` of the loop whose body holds it.
    for (const test of ancestors(node, false)) {
      if (sameNode(test, loop)) return undefined;
      const body = test.type === 'if_statement' ? test.childForFieldName('consequence') : undefined;
      if (!body || !isAncestorOf(body, node)) continue;
      const condition = test.childForFieldName('condition');
      const check = condition && stripParens(condition).type === 'call' ? index.call(stripParens(condition)) : undefined;
      const affix = check && check.args.length === 1 && check.receiver?.text === name.text ? flow.stringOf(check.args[0]) : undefined;
      if (!affix || !affix.value || affix.value.includes('{}') || /[*?[\]/]/.test(affix.value)) continue;
      if (check!.method === 'endswith') return { folder, pattern: `*${affix.value}` };
      if (check!.method === 'startswith') return { folder, pattern: `${affix.value}*` };
    }
    return undefined;
  }
  return undefined;
}

/** A glob pattern as a regular expression over one file name. */
function globPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/**
 * The load reads files the program listed with a glob of a folder it saved them into, by names the
 * pattern matches, the saves first (`torch.save(shard, tmp_dir / f"shard_{i:05d}.pt")`, then
 * `for sp in sorted(tmp_dir.glob("shard_*.pt")): torch.load(sp)`): shards spilled to disk and merged.
 */
function readsGlobbedOwnSave(index: SemanticIndex, load: CallSite): boolean {
  const path = filePath(index, load);
  const listing = path ? globListing(index, path) ?? listdirListing(index, path) : undefined;
  if (!listing) return false;
  const flow = index.dataflow;
  const folder = flow.pathOf(listing.folder);
  const prefix = `${folder.template.replace(/\/+$/, '')}/`;
  const matches = globPattern(listing.pattern);
  return saveCalls(index).some((save) => {
    const savedPath = filePath(index, save);
    const saved = savedPath ? flow.pathOf(savedPath) : undefined;
    if (!saved || !saved.template.startsWith(prefix) || folder.holes.some((hole, i) => saved.holes[i] !== hole)) return false;
    const name = saved.template.slice(prefix.length);
    // A run-time part of the name stands for whatever it holds: a shard's number.
    return !name.includes('/') && matches.test(name.replaceAll('{}', '0')) && writtenBeforeRead(flow, save.node, load.node);
  });
}

/** The keyword a save method takes the file's own name by, apart from its folder (`model_filename=`, `filename=`, `file_name=`). */
const FILE_NAME_KEYWORD = /^(\w+_)?file_?name$/;
/** The keywords a save method takes that folder by (`path=`, `save_dir=`, `output_dir=`). */
const FOLDER_KEYWORDS = new Set(['path', 'dir', 'directory', 'folder', 'save_dir', 'save_path', 'output_dir', 'out_dir', 'model_dir', 'save_directory']);

/**
 * The files written by the save methods of the file that are handed the folder and the file's
 * name as two arguments (`trainer.save(path="models_dir/", model_filename="model_1.pt")`), keyed
 * by the path that joins them: worked out once per document.
 */
function splitNameSaves(index: SemanticIndex): Map<string, Node[]> {
  const flow = index.dataflow;
  const saves = new Map<string, Node[]>();
  for (const call of index.calls) {
    if (!call.method || !call.receiver || !/^save(_\w+)?$/.test(call.method)) continue;
    const names = [...call.kwargs].filter(([keyword]) => FILE_NAME_KEYWORD.test(keyword));
    const folders = [...call.kwargs].filter(([keyword]) => FOLDER_KEYWORDS.has(keyword)).map(([, value]) => value);
    if (call.args[0]) folders.push(call.args[0]);
    if (names.length !== 1 || folders.length !== 1) continue;
    const folder = flow.pathOf(folders[0]);
    const name = flow.pathOf(names[0][1]);
    // A run-time part worked out by a call (`time.strftime(...)`) may differ when written out again at the load.
    if (!folder.template || !name.template || name.template.startsWith('/') || [...folder.holes, ...name.holes].some((hole) => hole.includes('('))) continue;
    pushTo(saves, pathKey({ template: `${folder.template.replace(/\/+$/, '')}/${name.template}`, holes: [...folder.holes, ...name.holes] }), call.node);
  }
  return saves;
}

function pathKey(value: Pick<PathValue, 'template' | 'holes'>): string {
  return `${value.template.replace(/^\.\//, '')}\u0000${value.holes.join('\u0000')}`;
}

/** The load reads, after it, the file a save method of the file wrote into a folder under a name handed apart from it (see `splitNameSaves`). */
function readsSplitNameSave(index: SemanticIndex, load: CallSite, saves: Map<string, Node[]>): boolean {
  const path = saves.size > 0 ? filePath(index, load) : undefined;
  const writes = path ? saves.get(pathKey(index.dataflow.pathOf(path))) : undefined;
  return !!writes && writes.some((save) => writtenBeforeRead(index.dataflow, save, load.node));
}

/** A framework checkpoint handing its files back in a local directory (Ray's `Checkpoint.as_directory()`, `.to_directory()`). */
const CHECKPOINT_DIRECTORY = /\.(as|to)_directory\(\)$/;

/**
 * The names of the files the program saves into a directory it hands to a framework as a
 * checkpoint (`torch.save(state, os.path.join(tmp, "model.pt"))` with `Checkpoint.from_directory(tmp)`),
 * relative to that directory: worked out once per document.
 */
function checkpointFiles(index: SemanticIndex): Set<string> {
  const flow = index.dataflow;
  const names = new Set<string>();
  const directories = index.calls.filter((call) => call.method === 'from_directory' && call.args[0]).map((call) => flow.pathOf(call.args[0]));
  if (directories.length === 0) return names;
  for (const save of saveCalls(index)) {
    const path = filePath(index, save);
    const saved = path ? flow.pathOf(path) : undefined;
    for (const directory of saved ? directories : []) {
      const prefix = `${directory.template.replace(/\/+$/, '')}/`;
      if (!saved!.template.startsWith(prefix) || directory.holes.some((hole, i) => saved!.holes[i] !== hole)) continue;
      const name = saved!.template.slice(prefix.length);
      if (name && !name.includes('{}')) names.add(name);
    }
  }
  return names;
}

/** The run-time part `hole` of a path read at `at` is a checkpoint's local directory: the call itself, or a name bound to it (`with ckpt.as_directory() as d`). */
function isCheckpointDirectory(index: SemanticIndex, hole: string, at: Node): boolean {
  if (CHECKPOINT_DIRECTORY.test(hole)) return true;
  if (!/^[A-Za-z_]\w*$/.test(hole)) return false;
  const seen = index.resolve(hole, at);
  if (seen.kind !== 'local') return false;
  // A `with ... as d` binding's value is its context manager (definitions.ts), an assignment's its right side.
  const value = seen.definition.value;
  return !!value && CHECKPOINT_DIRECTORY.test(stripParens(value).text);
}

/**
 * The load reads, from the directory a framework hands a checkpoint back in (after training,
 * `result.checkpoint`; or to resume it after a failure, `get_checkpoint()`), a file the program
 * itself saves into the checkpoint it reports: its own save, kept and returned by the framework.
 */
function readsOwnCheckpoint(index: SemanticIndex, load: CallSite, files: ReadonlySet<string>): boolean {
  const path = files.size > 0 ? filePath(index, load) : undefined;
  const value = path ? index.dataflow.pathOf(path) : undefined;
  if (!value || value.holes.length !== 1 || !value.template.startsWith('{}/')) return false;
  return files.has(value.template.slice(3)) && isCheckpointDirectory(index, value.holes[0], load.node);
}

/** Ray Tune's function API before Ray 2.0: a trainable saves in `with tune.checkpoint_dir(step=epoch) as d`. */
const LEGACY_TUNE_CHECKPOINT = 'ray.tune.checkpoint_dir';

/**
 * The load reads, through its function's parameter `checkpoint_dir`, a file that same function
 * saves under the same name into `tune.checkpoint_dir(...)`: Ray Tune's legacy function API hands
 * a resumed trial the directory of its last checkpoint through the parameter of that name, so the
 * file is the trainable's own save, kept by the framework.
 */
function readsLegacyTuneCheckpoint(index: SemanticIndex, load: CallSite): boolean {
  const flow = index.dataflow;
  const path = filePath(index, load);
  const value = path ? flow.pathOf(path) : undefined;
  if (!value || value.holes.length !== 1 || value.holes[0] !== 'checkpoint_dir' || !value.template.startsWith('{}/')) return false;
  const seen = index.resolve('checkpoint_dir', load.node);
  const fn = enclosingFunction(load.node);
  if (seen.kind !== 'local' || seen.definition.kind !== 'param' || !fn || !sameNode(seen.definition.scope, fn)) return false;
  return saveCalls(index).some((save) => {
    const savedPath = sameNode(enclosingFunction(save.node), fn) ? filePath(index, save) : undefined;
    const saved = savedPath ? flow.pathOf(savedPath) : undefined;
    if (!saved || saved.template !== value.template || saved.holes.length !== 1) return false;
    // The save's directory is the one `with tune.checkpoint_dir(...) as d` opened (the binding's value is its context manager).
    const directory = index.resolve(saved.holes[0], save.node);
    const opened = directory.kind === 'local' && directory.definition.kind === 'with' ? directory.definition.value : undefined;
    const callee = opened && stripParens(opened).type === 'call' ? stripParens(opened).childForFieldName('function') : null;
    return !!callee && index.qualify(callee) === LEGACY_TUNE_CHECKPOINT;
  });
}

/**
 * The load reads the file Lightning's `ModelCheckpoint` reports having saved
 * (`torch.load(checkpoint.best_model_path)`, `last_model_path`) after a `fit` that ran before it:
 * the callback sets those paths only when it saves a checkpoint of the training it watches, so the
 * file is the program's own save, written by the framework.
 */
function readsLightningCheckpoint(index: SemanticIndex, load: CallSite): boolean {
  const path = filePath(index, load);
  // Also through the one name bound to the attribute (`best_path = checkpoint_cb.best_model_path`).
  const node = path ? index.valueOf(path) : undefined;
  if (node?.type !== 'attribute' || !/^(best|last)_model_path$/.test(node.childForFieldName('attribute')?.text ?? '')) return false;
  const callback = node.childForFieldName('object');
  // A callback handed in as a parameter typed as Lightning's (`checkpoint_cb: ModelCheckpoint`):
  // its best or last path is empty until it saves a checkpoint in this process, and then names it.
  const annotation = callback?.type === 'identifier' ? index.parameterAnnotation(callback) : undefined;
  if (annotation && LIGHTNING_CHECKPOINT.test(index.qualify(annotation) ?? '')) return true;
  const maker = callback ? index.originCall(callback) : undefined;
  if (!maker?.qname || !LIGHTNING_CHECKPOINT.test(maker.qname)) return false;
  return fitsBetween(index, maker.node, load.node);
}

/** Ignite's checkpoint handlers, which keep the path of the file they last saved in `last_checkpoint`. */
const IGNITE_CHECKPOINT = /^ignite\.handlers\.(checkpoint\.)?(ModelCheckpoint|Checkpoint)$/;

/**
 * The load reads the file an Ignite checkpoint handler reports having saved last
 * (`torch.load(handler.last_checkpoint)`, also through a name bound to it), after the handler ran
 * between its construction and the load: called on an engine (`handler(engine, to_save)`) or
 * attached to one (`engine.add_event_handler(event, handler)`) that then ran (`engine.run(data)`). The attribute is `None` until the handler saves a
 * checkpoint in this process, and then names that file: the program's own save.
 */
function readsIgniteCheckpoint(index: SemanticIndex, load: CallSite): boolean {
  const path = filePath(index, load);
  const node = path ? index.valueOf(path) : undefined;
  if (node?.type !== 'attribute' || node.childForFieldName('attribute')?.text !== 'last_checkpoint') return false;
  const handler = node.childForFieldName('object');
  const maker = handler?.type === 'identifier' ? index.originCall(handler) : undefined;
  if (!maker?.qname || !IGNITE_CHECKPOINT.test(maker.qname)) return false;
  const between = (call: CallSite) => call.node.startIndex > maker.node.endIndex && call.node.endIndex <= load.node.startIndex;
  // An engine the handler was attached to (`trainer.add_event_handler(Events.EPOCH_COMPLETED, handler)`) ran.
  const engines = new Set(index.methodCalls('add_event_handler').filter((attach) => between(attach) && attach.receiver && attach.args.some((arg) => arg.text === handler!.text)).map((attach) => attach.receiver!.text));
  if (index.methodCalls('run').some((run) => between(run) && !!run.receiver && engines.has(run.receiver.text))) return true;
  // A direct call of the handler: the calls of the function (or module) the load is in, looked up by range.
  const scope = enclosingFunction(load.node) ?? load.node.tree.rootNode;
  return index.callsWithin(scope).some((call) => between(call) && call.callee.type === 'identifier' && call.callee.text === handler!.text && sameNode(index.originCall(call.callee)?.node, maker.node));
}

/** A `fit` runs after `from` and before `to` (in document order: a notebook's cells in order). */
function fitsBetween(index: SemanticIndex, from: Node, to: Node): boolean {
  return index.methodCalls('fit').some((call) => call.node.startIndex > from.startIndex && call.node.endIndex <= to.startIndex);
}

/** The checkpoint callbacks that are handed the path they save the best model to (PATH_CHECKPOINT_CALLBACKS), by that path's fileKey. */
function callbackSavesByFile(index: SemanticIndex): Map<string, Node[]> {
  const saves = new Map<string, Node[]>();
  for (const call of index.callsTo((qname) => PATH_CHECKPOINT_CALLBACKS.has(qname))) {
    const { keyword, position } = PATH_CHECKPOINT_CALLBACKS.get(call.qname!)!;
    const path = argument(call, keyword, position);
    const key = path ? fileKey(index.dataflow, path) : undefined;
    if (key !== undefined) pushTo(saves, key, call.node);
  }
  return saves;
}

/**
 * The load reads the file a checkpoint callback was told to save the best model to
 * (`spk.train.ModelCheckpoint(model_path=p)`), after a `fit` that ran once the callback was built:
 * the callback writes that file while it watches the training, so it is the program's own save.
 */
function readsCallbackSave(index: SemanticIndex, load: CallSite, saves: ReadonlyMap<string, readonly Node[]>): boolean {
  const path = saves.size > 0 ? filePath(index, load) : undefined;
  const key = path ? fileKey(index.dataflow, path) : undefined;
  return key !== undefined && (saves.get(key) ?? []).some((callback) => fitsBetween(index, callback, load.node));
}

/** A file downloaded from the Hugging Face Hub: one file of a repository, by its name there. */
const HUB_FILE_DOWNLOAD = 'huggingface_hub.hf_hub_download';

/** One file of one Hub repository (`repo_type`, `repo_id`, the file's name in it), when all three are known strings. */
function hubFileKey(index: SemanticIndex, repo: Node | undefined, file: Node | undefined, type: Node | undefined): string | undefined {
  const flow = index.dataflow;
  const parts = [repo ? flow.stringOf(repo) : undefined, file ? flow.stringOf(file) : undefined, type ? flow.stringOf(type) : { value: 'model', partial: false }];
  return parts.every((part) => part && !part.partial) ? parts.map((part) => part!.value).join('\u0000') : undefined;
}

/**
 * Where the program writes each Hub file (by hubFileKey): `upload_file(path_or_fileobj=p,
 * path_in_repo="net.pkl", repo_id=repo)`, or any writer given both keywords (a training callback
 * that uploads its checkpoint there). Worked out once per document.
 */
function uploadsByFile(index: SemanticIndex): Map<string, Node[]> {
  const uploads = new Map<string, Node[]>();
  for (const call of index.calls) {
    const key = call.kwargs.has('path_in_repo') ? hubFileKey(index, call.kwargs.get('repo_id'), call.kwargs.get('path_in_repo'), call.kwargs.get('repo_type')) : undefined;
    if (key !== undefined) pushTo(uploads, key, call.node);
  }
  return uploads;
}

/**
 * The load reads a file downloaded from the Hub (`path = hf_hub_download(repo, "net.pkl")`) that the
 * program wrote into that repository under that name before: its own save, read back through the Hub.
 */
function readsOwnUpload(index: SemanticIndex, load: CallSite, uploads: ReadonlyMap<string, readonly Node[]>): boolean {
  const path = uploads.size > 0 ? filePath(index, load) : undefined;
  const download = path ? index.originCall(path) : undefined;
  if (download?.qname !== HUB_FILE_DOWNLOAD || download.kwargs.has('subfolder')) return false;
  const key = hubFileKey(index, argument(download, 'repo_id', 0), argument(download, 'filename', 1), download.kwargs.get('repo_type'));
  return key !== undefined && (uploads.get(key) ?? []).some((upload) => writtenBeforeRead(index.dataflow, upload, download.node));
}

/** The name the loaded object is assigned to (`model = joblib.load(...)`). */
function assignedName(call: CallSite): Node | undefined {
  const parent = call.node.parent;
  if (parent?.type !== 'assignment') return undefined;
  const left = parent.childForFieldName('left');
  return left?.type === 'identifier' ? left : undefined;
}

/**
 * The name that says what a load is stored as: the name assigned, the attribute (`self.encoder`), the
 * constant key of the entry it is stored in (`result["scaler"]`, which names the entry whatever the
 * collection is called), or else the collection (`models[name]`, `self.models[key]`), whose name says
 * what its entries are.
 */
function storedAsName(call: CallSite): string | undefined {
  const parent = call.node.parent;
  let left = parent?.type === 'assignment' ? parent.childForFieldName('left') : undefined;
  if (left?.type === 'subscript') {
    const key = left.childForFieldName('subscript');
    const constant = key ? stringValue(key) : undefined;
    if (constant !== undefined) return constant;
    left = left.childForFieldName('value');
  }
  if (left?.type === 'attribute') left = left.childForFieldName('attribute');
  return left?.type === 'identifier' ? left.text : undefined;
}

/**
 * A load, inside a hook of the file's own unpickler class (`find_class` or `persistent_load` of a class
 * deriving from `pickle.Unpickler`), of what that hook is handed: a parameter of the hook or of a
 * function it builds (`lambda b: torch.load(io.BytesIO(b), map_location="cpu")`), in a buffer (or as it
 * stands, to `pickle.loads`: a bare parameter handed to a file loader may be a path to a file on disk). The
 * unpickling that calls the hook hands it bytes of the stream it is already unpickling: the load is a
 * step of that outer load, which runs whatever the stream holds, and is judged there.
 */
function loadsUnpicklerHookBytes(index: SemanticIndex, call: CallSite): boolean {
  const keyword = call.qname === 'torch.load' ? 'f' : call.qname?.endsWith('.loads') ? 'data' : call.qname?.endsWith('joblib.load') ? 'filename' : 'file';
  let source = argument(call, keyword, 0);
  if (!source) return false;
  source = stripParens(source);
  if (source.type === 'call') {
    const wrapper = index.call(source);
    if (wrapper?.qname !== 'io.BytesIO' || wrapper.args.length !== 1 || wrapper.kwargs.size > 0) return false;
    source = stripParens(wrapper.args[0]);
  } else if (!call.qname?.endsWith('.loads')) {
    // A bare parameter handed to a file loader may name a file on disk (a persistent id that is a path).
    return false;
  }
  if (source.type !== 'identifier' || source.text === 'self') return false;
  const binding = index.bindingAt(source);
  if (binding?.kind !== 'param') return false;
  // The function whose parameter it is lies in (or is) a hook method of an unpickler class.
  for (let fn: Node | undefined = binding.scope; fn; fn = enclosingFunction(fn)) {
    const cls = methodClass(fn);
    if (!cls) continue;
    const name = fn.childForFieldName('name')?.text;
    return !!name && UNPICKLER_HOOKS.has(name) && index.classBases(cls).some((base) => UNPICKLER_CLASSES.has(base));
  }
  return false;
}

/** `pickle.loads(pickle.dumps(model))`, directly or through a name: a copy of an object this process built, not a file from elsewhere. */
function isRoundTrip(index: SemanticIndex, call: CallSite): boolean {
  const dumps = call.args[0] ? index.originCall(call.args[0]) : undefined;
  return !!dumps?.qname && /^(pickle|dill|cloudpickle)\.dumps$/.test(dumps.qname);
}

/** A read handed to a NumPy join, alone or in the tuple or list of arrays it joins (`np.hstack((a, b))`). */
function joinedAsArray(index: SemanticIndex, read: Node): boolean {
  let node = read.parent;
  if (node?.type === 'tuple' || node?.type === 'list') node = node.parent;
  const call = node?.type === 'argument_list' && node.parent?.type === 'call' ? index.call(node.parent) : undefined;
  return !!call?.qname && ARRAY_JOINS.has(call.qname) && sameNode(call.args[0], read.parent?.type === 'argument_list' ? read : read.parent);
}

/**
 * The keys of a dictionary literal of records, where no key or value of it names a model or holds
 * one (`{"results": rows, "next_idx": i + 1}`); undefined for anything else.
 */
function recordKeys(index: SemanticIndex, value: Node): Set<string | undefined> | undefined {
  const dict = stripParens(index.valueOf(value));
  if (dict.type !== 'dictionary') return undefined;
  const keys = new Set<string | undefined>();
  for (const pair of dict.namedChildren) {
    // A comment between the entries (`"baseline": 0.16,  # the dataset's rate`) is no entry.
    if (pair?.type === 'comment') continue;
    const key = pair?.type === 'pair' ? pair.childForFieldName('key') : undefined;
    const entry = pair?.type === 'pair' ? pair.childForFieldName('value') : undefined;
    if (!key || !entry || key.type !== 'string' || MODEL_WORDS.test(key.text)) return undefined;
    // The value itself, or what is written into it (`fitted[t] = Model().fit(...)`); not what was
    // only computed from a model (a row of its metrics appended to the results).
    const held = [entry, ...index.dataflow.lineage(entry).mutations.flatMap((write) => write.values)];
    if (held.some((value) => MODEL_WORDS.test(value.text) || index.dataflow.kindOf(value)?.kind === 'model')) return undefined;
    keys.add(stringValue(key));
  }
  return keys.size > 0 ? keys : undefined;
}

/**
 * Every save of the file the load reads, in this program, writes a dictionary of records (a resumable
 * loop's progress: `joblib.dump({"results": rows, "next_idx": i + 1}, ckpt_file)`): the file holds no
 * model, whatever its name or the name it is read into says.
 */
function savedOnlyAsRecords(index: SemanticIndex, load: CallSite, saves: ReadonlyMap<string, readonly Node[]>): boolean {
  const reads = pathSites(index, load);
  return reads.length > 0 && reads.every(({ path }) => {
    const key = fileKey(index.dataflow, path);
    const written = key === undefined ? [] : saves.get(key) ?? [];
    return written.length > 0 && written.every((node) => {
      const save = index.call(node);
      const value = save?.args[0];
      return !!value && !!recordKeys(index, value);
    });
  });
}

/**
 * The loaded object is only read by constant keys (`state["rows"]`), and some dictionary of records
 * the file itself saves has every one of them: the record it writes read back (a processing
 * checkpoint saved by one helper and loaded by another through its own path parameter), not a model.
 */
function readAsOwnRecords(index: SemanticIndex, target: Node): boolean {
  const keys: string[] = [];
  for (const use of usesOfTarget(index, target)) {
    const subscript = use.parent;
    const key = subscript?.type === 'subscript' && sameNode(subscript.childForFieldName('value'), use) ? subscript.childForFieldName('subscript') : null;
    const value = key ? stringValue(key) : undefined;
    if (value === undefined) return false;
    keys.push(value);
  }
  return keys.length > 0 && saveCalls(index).some((save) => {
    const written = save.args[0] ? recordKeys(index, save.args[0]) : undefined;
    return !!written && keys.every((key) => written.has(key));
  });
}

/** The one file a call's text names in a string (`"/epoch.pkl"` of `sess.run(reader, feed_dict={name: d + "/epoch.pkl"})`), by its own name. */
function fileNamedIn(text: string): string | undefined {
  const names = [...text.matchAll(/["'](?:[^"'\n]*[\\/])?([\w.-]+\.(?:pkl|pickle|p|joblib|pt|pth|sav|dat|bin))["']/g)].map((match) => match[1]!);
  return names.length === 1 ? names[0] : undefined;
}

/** The object a load is assigned to is used like a model afterwards (`loaded.predict(X)`). */
function usedAsModel(index: SemanticIndex, call: CallSite, target: Node): boolean {
  return index.calls.some((use) => use.method !== undefined && MODEL_USE.has(use.method) && use.receiver?.type === 'identifier'
    && use.receiver.text === target.text && use.node.startIndex > call.node.startIndex && index.bindingAt(use.receiver)?.node.startIndex === target.startIndex);
}

/**
 * Evidence that a pickle load reads a model: the file name or the variable says so, or the
 * loaded object is used like a model afterwards.
 */
function loadsModel(index: SemanticIndex, call: CallSite, saves: ReadonlyMap<string, readonly Node[]>): boolean {
  const target = assignedName(call);
  if (savedOnlyAsRecords(index, call, saves)) return !!target && usedAsModel(index, call, target);
  if (target && readAsOwnRecords(index, target)) return false;
  // Every use joins it into an array (`np.hstack((train_model1, train_model2))`, a stacker's
  // features): the first-level models' predictions, whatever the name or the file says.
  const uses = target ? usesOfTarget(index, target) : [];
  if (uses.length > 0 && uses.every((use) => joinedAsArray(index, use))) return false;
  // `model_preds`, `model_array`, `model_args`: "model" only says whose data or record it is.
  // A last word that names only how the value was stored (`model_path_pickle`, `scores_pkl`) says
  // nothing of what it holds: the word before it does.
  const stored = storedAsName(call)?.replace(/(?<=[a-z0-9])[_-]?(?:pickle|pkl|joblib)$/i, '');
  const targetNamesData = stored !== undefined && (DATA_WORDS.test(stored) || ARRAY_LAST.test(stored) || PATHS_LAST.test(stored) || OUTPUTS_LAST.test(stored) || FRAME_LAST.test(stored) || CONFIG_WORDS.test(stored) || namesDataBy(RECORD_LAST, stored) || namesDataBy(MAPPING_WORDS, stored));
  if (stored !== undefined && namesModel(stored) && !targetNamesData) return true;
  const source = call.args[0] ?? call.kwargs.get('file') ?? call.kwargs.get('filename');
  const opened = filePath(index, call) ?? source;
  const path = opened ? index.dataflow.exactPathOf(opened) : undefined;
  const sourceNames = source ? [path?.value, stripParens(source).text] : [];
  // The file's own name, also when a folder before it is known only at run time (`os.path.join(MODEL_DIR, "ridge_std.pkl")`).
  const lastPart = opened ? index.dataflow.pathOf(opened).template.split(/[\\/]/).pop() : undefined;
  // Bytes a call produced from a path it was handed (`sess.run(reader, feed_dict={name: d + "/epoch.pkl"})`):
  // the one file named in the call is the file, and its own name, not a folder before it, says what it holds.
  const handed = lastPart?.includes('{}') !== false && source && stripParens(source).type === 'call' ? fileNamedIn(stripParens(source).text) : undefined;
  const fileName = handed ?? (lastPart !== undefined && !lastPart.includes('{}') ? lastPart : undefined);
  if (handed !== undefined) sourceNames.splice(0, sourceNames.length, handed);
  // Predictions saved by one step for the next (`preds = pickle.load(open("models_sigmoids.p"))`)
  // are data, whatever directory or experiment name the path carries.
  // A folder named for models holds more than models: a file whose own name names no model but rows
  // of data (`model/background_data.pkl`, the sample an explainer is given) is data, wherever it is kept.
  const namesData = targetNamesData || sourceNames.some((name) => name !== undefined && DATA_WORDS.test(name))
    || (fileName !== undefined && (ARRAY_LAST.test(fileName) || PATHS_LAST.test(fileName) || OUTPUTS_LAST.test(fileName) || FRAME_LAST.test(fileName) || CONFIG_WORDS.test(fileName) || namesDataBy(RECORD_LAST, fileName) || namesDataBy(ROWS_WORDS, fileName) || namesDataBy(MAPPING_WORDS, fileName)));
  if (!namesData && sourceNames.some((name) => name !== undefined && namesModel(name))) return true;
  return !!target && usedAsModel(index, call, target);
}

/** `a.__version__ == SAVED_WITH`, also inside a call (`parse(a.__version__) == parse("1.2")`). */
function checksVersion(test: Node): boolean {
  const node = stripParens(test);
  if (node.type === 'boolean_operator') {
    // Under `and` both sides hold; under `or` neither is sure to.
    return node.childForFieldName('operator')?.type === 'and'
      && [node.childForFieldName('left'), node.childForFieldName('right')].some((side) => !!side && checksVersion(side));
  }
  return node.type === 'comparison_operator' && node.children.length === 3 && node.children[1]?.type === '=='
    && node.namedChildren.some((side) => /(^|\.)__version__\b/.test(side?.text ?? ''));
}

/**
 * The load runs only where the library's version is the one that saved the file (`if
 * sklearn.__version__ == _MODEL_VERSION:` around it, in the branch the test opens): the version
 * dependency is checked, not silent.
 */
function underVersionCheck(node: Node): boolean {
  let child = node;
  for (const parent of ancestors(node, false)) {
    if ((parent.type === 'if_statement' || parent.type === 'elif_clause') && sameNode(parent.childForFieldName('consequence'), child)) {
      const test = parent.childForFieldName('condition');
      if (test && checksVersion(test)) return true;
    }
    child = parent;
  }
  return false;
}

/**
 * scikit-learn warns with `InconsistentVersionWarning` when it unpickles an estimator another version
 * saved: a load under `warnings.catch_warnings` in a function (or module) that checks for that warning,
 * or after it is made an error there (`warnings.simplefilter("error", InconsistentVersionWarning)`),
 * meets the version dependency openly.
 */
function watchesVersionWarning(index: SemanticIndex, node: Node): boolean {
  // Most files never name the warning: one lookup in the index's table of names.
  if (index.identifiersNamed('InconsistentVersionWarning').length === 0) return false;
  const scope = enclosingFunction(node) ?? index.roots.find((root) => isAncestorOf(root, node));
  if (!scope) return false;
  const calls = index.callsWithin(scope);
  const namesWarning = (arg: Node | undefined) => !!arg && /(^|\.)InconsistentVersionWarning$/.test(arg.text);
  // `with warnings.catch_warnings(record=True):` around the load, and an `isinstance(w.message, InconsistentVersionWarning)` check of what it caught.
  const recorded = [...ancestors(node, false)].some((parent) => parent.type === 'with_statement' && isAncestorOf(scope, parent)
    && calls.some((call) => call.qname === 'warnings.catch_warnings' && isAncestorOf(parent, call.node) && !isAncestorOf(parent.childForFieldName('body') ?? parent, call.node)
      && !!call.kwargs.get('record') && call.kwargs.get('record')!.text === 'True'));
  const checked = calls.some((call) => call.qname === 'builtins.isinstance' && namesWarning(call.args[1]));
  const madeError = calls.some((call) => call.node.startIndex < node.startIndex && /^warnings\.(simplefilter|filterwarnings)$/.test(call.qname ?? '')
    && call.args[0] !== undefined && stringValue(call.args[0]) === 'error' && (namesWarning(call.args[1]) || namesWarning(call.kwargs.get('category'))));
  return (recorded && checked) || madeError;
}

/** `not flag`, `flag is False`, `flag == False`: the condition holds only when `flag` is false. */
function testsFalse(condition: Node | null, flag: string): boolean {
  const node = condition && stripParens(condition);
  if (node?.type === 'not_operator') return stripParens(node.childForFieldName('argument') ?? node).text === flag;
  if (node?.type !== 'comparison_operator' || node.namedChildCount !== 2) return false;
  const operator = node.child(1)?.text;
  return (operator === 'is' || operator === '==') && node.namedChild(0)?.text === flag && node.namedChild(1)?.type === 'false';
}

/**
 * A load that runs only where the function's own weights-only choice is false: in the body of
 * `if not flag:` (`flag is False`) or the `else` of `if flag:`, where `flag` is the name the same
 * function passes as `weights_only=flag` to another load (a fallback for a PyTorch that has no
 * such argument). It unpickles only when the caller asked for that, as `weights_only=flag` does.
 */
function underCallersUnsafeChoice(index: SemanticIndex, call: CallSite): boolean {
  const fn = enclosingFunction(call.node);
  if (!fn) return false;
  const flags = new Set<string>();
  for (const other of index.callsWithin(fn)) {
    const passed = other.qname === 'torch.load' ? other.kwargs.get('weights_only') : undefined;
    if (passed && stripParens(passed).type === 'identifier') flags.add(stripParens(passed).text);
  }
  if (flags.size === 0) return false;
  for (const node of ancestors(call.node, true)) {
    if (FUNCTION_TYPES.has(node.type)) break;
    if (node.type !== 'if_statement') continue;
    const condition = node.childForFieldName('condition');
    const consequence = node.childForFieldName('consequence');
    if (consequence && isAncestorOf(consequence, call.node) && [...flags].some((flag) => testsFalse(condition, flag))) return true;
    const otherwise = node.namedChildren.find((child) => child?.type === 'else_clause');
    if (otherwise && isAncestorOf(otherwise, call.node) && flags.has(stripParens(condition ?? node).text)) return true;
  }
  return false;
}

/**
 * A load in an `except TypeError:` handler of a `try` whose body loads the same file with
 * `weights_only=True`: that load raises `TypeError` only on a PyTorch too old to know the argument
 * (a file it refuses raises `UnpicklingError`), so this one runs only where no safe load exists.
 */
function fallbackForOldTorch(index: SemanticIndex, call: CallSite): boolean {
  const handler = [...ancestors(call.node, false)].find((node) => node.type === 'except_clause' || FUNCTION_TYPES.has(node.type));
  if (handler?.type !== 'except_clause') return false;
  const caught = handler.childForFieldName('value') ?? handler.namedChildren.find((child) => child?.type !== 'block');
  const type = caught?.type === 'as_pattern' ? caught.namedChild(0) : caught;
  const body = handler.parent?.type === 'try_statement' ? handler.parent.childForFieldName('body') : undefined;
  if (type?.type !== 'identifier' || type.text !== 'TypeError' || !body) return false;
  const safe = safeLoadsByKey(index).get(loadKey(index, call));
  const first = safe ? firstStartAtOrAfter(safe.starts, body.startIndex) : 0;
  return !!safe && first < safe.starts.length && safe.starts[first] < body.endIndex;
}

/** `os.environ`, `os.environ.get`, `os.getenv`: a setting the person running the program makes. */
const ENVIRONMENT_READS = new Set(['os.environ', 'os.environ.get', 'os.getenv']);

/**
 * A test of a run-time choice: it reads an environment variable, or a parameter of its function
 * that defaults to `True` or `False` (a switch the caller sets, `allow_unsafe=False`), not a value
 * the program works out itself (the path, the file's size).
 */
function testsRunTimeChoice(index: SemanticIndex, condition: Node): boolean {
  if (index.nodesWithin('attribute', condition).some((node) => ENVIRONMENT_READS.has(index.qualify(node) ?? ''))) return true;
  return index.nodesWithin('identifier', condition).some((identifier) => {
    if (ENVIRONMENT_READS.has(index.qualify(identifier) ?? '')) return true;
    const binding = index.bindingAt(identifier);
    const fallback = binding?.kind === 'param' ? binding.node.parent?.childForFieldName('value') : undefined;
    return fallback?.type === 'true' || fallback?.type === 'false';
  });
}

/** `if ...: raise` / `return` with no other arm: past it, the code runs only where the test failed. */
function exitsWhen(statement: Node): Node | undefined {
  if (statement.type !== 'if_statement' || statement.childForFieldName('alternative')) return undefined;
  const last = statement.childForFieldName('consequence')?.lastNamedChild;
  return last?.type === 'raise_statement' || last?.type === 'return_statement' ? statement.childForFieldName('condition') ?? undefined : undefined;
}

/**
 * An unrestricted load the person running the program opted into: the same function (or module)
 * also loads the file with `weights_only=True`, and this load runs only under a test of a run-time
 * choice (an environment variable, a true/false parameter), in the `if` around it or in an `if`
 * before it that raises or returns (`except: if not os.environ.get("TRUST_CKPT"): raise`).
 */
function behindTrustOptIn(index: SemanticIndex, call: CallSite): boolean {
  const scope = enclosingFunction(call.node) ?? index.roots.find((root) => isAncestorOf(root, call.node));
  if (!scope) return false;
  const safe = safeLoadsByKey(index).get(loadKey(index, call));
  const first = safe ? firstStartAtOrAfter(safe.starts, scope.startIndex) : 0;
  if (!safe || first >= safe.starts.length || safe.starts[first] >= scope.endIndex) return false;
  let child = call.node;
  for (const node of ancestors(call.node, false)) {
    if (sameNode(node, scope)) break;
    if ((node.type === 'if_statement' || node.type === 'elif_clause') && sameNode(node.childForFieldName('consequence'), child)) {
      const condition = node.childForFieldName('condition');
      if (condition && testsRunTimeChoice(index, condition)) return true;
    }
    if (node.type === 'block' && firstOptInExit(index, node) < child.startIndex) return true;
    child = node;
  }
  return false;
}

/** The starts of the `torch.load(..., weights_only=True)` calls of each file key, in document order: one scan per document, not one per load. */
const safeLoadsByKey = oncePer((index: SemanticIndex): Map<string, { starts: Int32Array }> => {
  const grouped = new Map<string, CallSite[]>();
  for (const call of index.callsTo(TORCH_LOAD)) {
    const flag = call.kwargs.get('weights_only');
    const value = flag ? index.literal(flag) : undefined;
    if (value?.kind === 'bool' && value.value) pushTo(grouped, loadKey(index, call), call);
  }
  return new Map([...grouped].map(([key, loads]) => [key, { starts: startsOf(loads, (load) => load.node.startIndex) }]));
});
const TORCH_LOAD = new Set(['torch.load']);

/** Where the first statement of a block that raises or returns under a test of a run-time choice starts (Infinity if none): once per block. */
const optInExits = oncePer((_index: SemanticIndex) => new Map<number | string, number>());
function firstOptInExit(index: SemanticIndex, block: Node): number {
  const memo = optInExits(index);
  const key = memoKey(block);
  let at = memo.get(key);
  if (at === undefined) {
    const exit = block.namedChildren.find((statement) => {
      const condition = statement ? exitsWhen(statement) : undefined;
      return !!condition && testsRunTimeChoice(index, condition);
    });
    at = exit ? exit.startIndex : Infinity;
    memo.set(key, at);
  }
  return at;
}

/**
 * A path taken from a list that only ever holds paths this run saved: `ckpts.append((step, acc, path))`
 * after `torch.save(model.state_dict(), path)`, then `ckpts[-1][2]` once sorted by accuracy (also an
 * entry of such a list appended to another, `best.append(ckpts[-1])`). Whichever entry is read, it
 * names a file the program wrote. The list must start empty and be only sorted or sliced besides.
 */
function readsRecordedSave(index: SemanticIndex, load: CallSite, saves: ReadonlyMap<string, readonly Node[]>): boolean {
  const path = filePath(index, load);
  let node = path ? stripParens(path) : undefined;
  // `for c in ckpts` (or `ckpts[1:]`): each entry in turn, as `ckpts[i]` reads one.
  const walked = node ? listOfElement(index, node) : undefined;
  if (walked?.type === 'identifier' && node?.type === 'identifier') return holdsOnlySavedPaths(index, saves, walked, undefined, 0);
  if (walked?.type === 'attribute') return instanceHoldsOnlySavedPaths(index, saves, walked);
  if (node?.type === 'identifier') {
    const read = index.dataflow.readAt(node);
    const definitions = read ? index.dataflow.reachingDefinitions(read) : [];
    node = definitions.length === 1 && definitions[0].value ? stripParens(definitions[0].value) : undefined;
  }
  const entry = node ? listEntry(node) : undefined;
  return !!entry && holdsOnlySavedPaths(index, saves, entry.list, entry.position, 0);
}

/** `ckpts[i][2]` (the list, as read there, and the position of the path in each entry) or `paths[i]` (the entries are paths). */
function listEntry(node: Node): { list: Node; position?: number } | undefined {
  if (node.type !== 'subscript') return undefined;
  const inner = node.childForFieldName('value');
  if (inner?.type === 'identifier') return { list: inner };
  const position = numberValue(node.childForFieldName('subscript') ?? node);
  const list = inner?.type === 'subscript' ? inner.childForFieldName('value') : undefined;
  return list?.type === 'identifier' && position !== undefined && Number.isInteger(position) ? { list, position } : undefined;
}

/** The scope of the binding a name read resolves to: the function whose local it is, or the module's. */
function bindingScope(index: SemanticIndex, read: Node): string | undefined {
  const resolution = index.dataflow.readAt(read)?.resolution;
  return resolution?.kind === 'local' ? resolution.definition.scopeKey : undefined;
}

/**
 * Whether the list `read` names only ever holds paths saved before they were appended. Its bindings
 * and appends are those of the same variable: a list of the same name in another function (a test
 * that lists a folder into its own `checkpoints`) is another list.
 */
function holdsOnlySavedPaths(index: SemanticIndex, saves: ReadonlyMap<string, readonly Node[]>, read: Node, position: number | undefined, depth: number): boolean {
  const list = read.text;
  const scope = bindingScope(index, read);
  if (scope === undefined) return false;
  const appends = index.methodCalls('append').filter((call) => call.receiver?.type === 'identifier' && call.receiver.text === list && bindingScope(index, call.receiver) === scope);
  // Every binding of the name is a plain assignment (no `+=`, no loop target, no parameter).
  const definitions = index.definitionsOf(list).filter((definition) => definition.scopeKey === scope);
  if (depth > 2 || appends.length === 0 || definitions.some((definition) => definition.kind !== 'assign' || !definition.value)) return false;
  const bound = definitions.map((definition) => stripParens(definition.value!));
  if (!bound.some((value) => value.type === 'list' && value.namedChildCount === 0)) return false;
  if (['insert', 'extend'].some((method) => index.methodCalls(method).some((call) => call.receiver?.type === 'identifier' && call.receiver.text === list && bindingScope(index, call.receiver) === scope))) return false;
  // Besides starting empty, the list is only sorted or sliced: its entries stay the appended ones.
  const reordered = (value: Node) => (value.type === 'list' && value.namedChildCount === 0)
    || (value.type === 'subscript' && value.childForFieldName('value')?.text === list)
    || (value.type === 'call' && index.call(value)?.qname === 'builtins.sorted' && index.call(value)?.args[0]?.text === list);
  if (!bound.every(reordered)) return false;
  return appends.every((append) => {
    const added = append.args[0] ? stripParens(append.args[0]) : undefined;
    // `best.append(ckpts[-1])`: an entry of another such list.
    const other = added ? listEntry(added) : undefined;
    if (other) return other.position === undefined && holdsOnlySavedPaths(index, saves, other.list, position, depth + 1);
    const element = position === undefined ? added : added?.type === 'tuple' ? added.namedChildren[position] : undefined;
    return !!element && savedBefore(index, saves, element, append);
  });
}

/**
 * `self.ckpts`, a list an instance keeps: the class assigns it only an empty list, and only `append`s
 * to it on `self`, each entry a path saved before it in the appending method, so whichever method
 * walks it reads files this run wrote. An append on another object, or any other writer, may add any path.
 */
function instanceHoldsOnlySavedPaths(index: SemanticIndex, saves: ReadonlyMap<string, readonly Node[]>, list: Node): boolean {
  const [start, ...others] = index.instanceAttributeValues(list).map(stripParens);
  if (!start || others.length > 0 || start.type !== 'list' || start.namedChildCount > 0) return false;
  const name = list.childForFieldName('attribute')?.text;
  const writers = ['append', 'insert', 'extend'].flatMap((method) => index.methodCalls(method))
    .filter((call) => call.receiver?.type === 'attribute' && call.receiver.childForFieldName('attribute')?.text === name);
  return writers.length > 0 && writers.every((call) => {
    const [held] = call.receiver ? index.instanceAttributeValues(call.receiver) : [];
    const added = call.args[0];
    return call.method === 'append' && !!held && sameNode(stripParens(held), start) && !!added && savedBefore(index, saves, stripParens(added), call);
  });
}

/** A save earlier in the same function wrote the file `path` names (`torch.save(state, ckpt_path)`, then `ckpts.append((step, acc, ckpt_path))`). */
function savedBefore(index: SemanticIndex, saves: ReadonlyMap<string, readonly Node[]>, path: Node, append: CallSite): boolean {
  const key = fileKey(index.dataflow, path);
  const scope = enclosingFunction(append.node);
  return key !== undefined && (saves.get(key) ?? []).some((save) => {
    const fn = enclosingFunction(save);
    return save.startIndex < append.node.startIndex && (fn === undefined ? scope === undefined : sameNode(fn, scope));
  });
}

/**
 * `torch.load` handed an unpickler of its own (`pickle_module=dill`, also third positionally): PyTorch
 * defaults `weights_only` to true only when none is given, and raises at once when both are.
 */
function unpicklerGiven(index: SemanticIndex, call: CallSite): boolean {
  const module = argument(call, 'pickle_module', 2);
  return module !== undefined && index.literal(module)?.kind !== 'none';
}

/** PyTorch 2.6 made `torch.load` load tensors only unless told otherwise (`weights_only` defaults to true). */
const TENSORS_ONLY_SINCE = '2.6';

/** Every PyTorch the project's requirements allow loads tensors only by default. */
function tensorsOnlyByDefault(floors: LibraryFloors | undefined): boolean {
  return floors?.torch !== undefined && atLeast(floors.torch, TENSORS_ONLY_SINCE);
}

/** PyTorch 1.13 gave `torch.load` its `weights_only` argument; an older one hands it to the unpickler, which refuses it. */
const WEIGHTS_ONLY_SINCE = '1.13';

/** Every PyTorch the project's requirements allow is older than `weights_only` (`torch==1.3.0`, `torch<1.13`). */
function noWeightsOnlyArgument(floors: LibraryFloors | undefined): boolean {
  return allBelow(floors?.ceilings?.torch, WEIGHTS_ONLY_SINCE);
}


const CALLEES: CalleeSelection = { qualified: ['torch.load', ...PICKLE_LOADERS] };

/**
 * What groups the loads of one file (`torch.load(path)` on the GPU and `torch.load(path,
 * map_location="cpu")` on the CPU; `pickle.load` with a `joblib.load` fallback; `pickle.load` of a
 * `.pkl` checkpoint and `torch.load` of any other): a path the flow knows to be the same, or the same attribute chain read over the same
 * bindings (`args.model` in both arms of an `if`), also through the parameter of a function called
 * from one place or passed one value by every call, or through an attribute of `self` the file sets once (storedInAttribute). A path it cannot follow (a parameter of two functions, a different expression)
 * keeps its load apart.
 */
function loadKey(index: SemanticIndex, call: CallSite): string {
  const found = filePath(index, call);
  const throughObject = found && keyThroughStoredObject(index, found);
  if (throughObject !== undefined) return throughObject;
  const held = (expression: Node) => storedInAttribute(index, expression) ?? expression;
  const path = found && (storedValueRead(index, found) ?? held(found));
  // A helper called from one place, or passed one value by every call, reads that value through its
  // parameter, also when the call passes an attribute of `self` (`self._restore(self.weight_path)`).
  // A name bound once to an attribute or entry read (`checkpoint_path = args.checkpoint_path`) holds
  // what that read gives: through a parameter, it names the file the read names.
  const read = path && (boundRead(index, path) ?? path);
  const passed = read && fileKeyThroughPassedValue(index.dataflow, read, held);
  const own = passed ?? (path && fileKey(index.dataflow, path));
  // Keyed by its text alone, a path would name one file in every function that spells it: over a
  // parameter that no call of the file settles, it names one file only within that parameter's function.
  const parameters = own !== undefined ? heldParameters(index.dataflow, read!, held) : [];
  const key = own !== undefined && parameters.length > 0 ? `${own}\u0000${parameters.join(';')}` : own;
  // The loader does not matter: a `.pkl` checkpoint read with pickle and any other with torch is one file.
  return key === undefined ? `@${call.node.startIndex}` : key;
}

/**
 * The attribute or constant-key read a local name is bound to by its one assignment
 * (`checkpoint_path = args.checkpoint_path`, `ckpt = cfg["ckpt"]`), for keying the path through the
 * parameter that read reads; undefined for any other path or binding.
 */
function boundRead(index: SemanticIndex, path: Node): Node | undefined {
  const node = stripParens(path);
  const read = node.type === 'identifier' ? index.dataflow.readAt(node) : undefined;
  const value = read ? index.dataflow.onlyAssignedValue(read) : undefined;
  const inner = value && stripParens(value);
  return inner && (inner.type === 'attribute' || (inner.type === 'subscript' && stringValue(inner.childForFieldName('subscript') ?? inner) !== undefined)) ? inner : undefined;
}

/**
 * The value stored by the one assignment of the file to `self.<name>`, for a path read as
 * `self.<name>` in another method of that class (`self.checkpoint_path = checkpoint_path` in
 * `train`, read in `predict`), or after that assignment in the method that makes it: the attribute
 * holds what that assignment stored, so the load reads the file that value names where it was stored.
 * Undefined when the file sets an attribute of that name anywhere else, on any object, or for a read
 * before the assignment in its own method, where the attribute does not hold it yet; a `self.<name>`
 * set in a method of a class the load's class neither derives from nor is a base of does not count
 * (attributeAssignmentsReaching): it sets that other class's instances only.
 */
function storedInAttribute(index: SemanticIndex, path: Node): Node | undefined {
  const node = stripParens(path);
  const name = node.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
  const values = name ? index.instanceAttributeValues(node) : [];
  const method = values.length === 1 ? enclosingFunction(node) : undefined;
  const cls = method ? methodClass(method) : undefined;
  // An unrelated class of the file setting `self.<name>` never reaches this class's instances.
  if (!cls || attributeAssignmentsReaching(index, name!, cls) !== 1) return undefined;
  return !sameNode(enclosingFunction(values[0]), enclosingFunction(node)) || node.startIndex > values[0].endIndex ? values[0] : undefined;
}

/**
 * The attribute a path reads, also spelled another way or through a name bound once to it
 * (`model_file = Path(self.model_path)`, then `open(model_file, "rb")`): with storedInAttribute, a
 * save and a load of such paths in two methods of the class (`_train_and_save` and `load_model`)
 * name the file the attribute's one assignment stored.
 */
function attributeRead(index: SemanticIndex, path: Node, depth = 0): Node | undefined {
  const node = stripParens(path);
  if (node.type === 'attribute') return node;
  if (depth >= 3) return undefined;
  if (node.type === 'call') {
    const call = index.call(node);
    return call?.qname && spellsPathAgain(call.qname) && call.args.length === 1 && call.kwargs.size === 0 ? attributeRead(index, call.args[0], depth + 1) : undefined;
  }
  const read = node.type === 'identifier' ? index.dataflow.readAt(node) : undefined;
  const value = read ? index.dataflow.onlyAssignedValue(read) : undefined;
  return value ? attributeRead(index, value, depth + 1) : undefined;
}

/** The value the attribute a path reads was stored from (attributeRead, storedInAttribute). */
function storedValueRead(index: SemanticIndex, path: Node): Node | undefined {
  const attribute = attributeRead(index, path);
  return attribute && storedInAttribute(index, attribute);
}

/**
 * The key of a path read as an attribute of an object held by an attribute of `self`
 * (`self.args.weights`, `self.cfg.model.ckpt`) that the file sets once (storedInAttribute: `self.args =
 * args` in `__init__`): read in two methods (`load_model` and `load_optimizer`), it is the same
 * attribute of the one object that assignment stored, so the key is that object's key and the names
 * read from it. Undefined when the file assigns an attribute of one of those names on any object
 * (`args.weights = ...`), sets one by `setattr` with that or an unknown name, or writes into an
 * object's attributes wholesale (`vars(args).update(...)`, `args.__dict__.update(...)`): the object
 * may then hold another path by the second read.
 */
function keyThroughStoredObject(index: SemanticIndex, path: Node): string | undefined {
  const names: string[] = [];
  let node = stripParens(path);
  for (let object = node.childForFieldName('object'); node.type === 'attribute' && object && stripParens(object).type === 'attribute'; object = node.childForFieldName('object')) {
    names.unshift(node.childForFieldName('attribute')?.text ?? '');
    node = stripParens(object);
  }
  if (names.length === 0 || names.some((name) => attributeAssignments(index).has(name) || attributesSetByName(index)?.has(name) !== false)) return undefined;
  const stored = storedInAttribute(index, node);
  const base = stored && fileKey(index.dataflow, stored);
  return base === undefined ? undefined : `${base}\u0000.${names.join('.')}`;
}

/**
 * The attribute names the file sets by `setattr` with a constant name; undefined when one is set by a
 * name known only at run time, or an object's attributes are written wholesale (`vars(ns).update(d)`,
 * `ns.__dict__.update(d)`, `ns.__dict__[k] = v`), which may set any of them.
 */
const attributesSetByName = oncePer((index: SemanticIndex): Set<string> | undefined => {
  const names = new Set<string>();
  for (const call of index.calls) {
    if (call.qname === 'builtins.setattr') {
      const name = call.args[1] ? stringValue(call.args[1]) : undefined;
      if (name === undefined) return undefined;
      names.add(name);
    }
    if (call.method === 'update' && call.receiver && wholeAttributes(index, call.receiver)) return undefined;
  }
  for (const assignment of index.nodes('assignment')) {
    const left = assignment.childForFieldName('left');
    const object = left?.type === 'subscript' ? left.childForFieldName('value') : undefined;
    if (object && wholeAttributes(index, object)) return undefined;
  }
  return names;
});

/** `vars(obj)` or `obj.__dict__`: the dictionary of an object's attributes. */
function wholeAttributes(index: SemanticIndex, node: Node): boolean {
  const inner = stripParens(node);
  if (inner.type === 'attribute') return inner.childForFieldName('attribute')?.text === '__dict__';
  return inner.type === 'call' && index.call(inner)?.qname === 'builtins.vars';
}

/**
 * What groups the loads of the files of one list (the first checkpoint loaded to start an average,
 * `torch.load(ckpts[0])`, and the rest in a loop, `for c in ckpts[1:]: torch.load(c)`): the same
 * loader family and a path that is an element of the same list, by a constant position or as the
 * only binding of a `for` loop's variable over the list or a slice of it. Undefined for any other path.
 */
function listKey(index: SemanticIndex, call: CallSite, family: 'torch' | 'pickle'): string | undefined {
  const path = filePath(index, call);
  const list = path ? listOfElement(index, stripParens(path)) : undefined;
  const key = list && (list.type === 'identifier' || list.type === 'attribute') ? fileKey(index.dataflow, list) : undefined;
  if (key !== undefined) return `${family}\u0000${key}`;
  const entry = path ? fieldOfListEntry(index, stripParens(path)) : undefined;
  const entries = entry ? fileKey(index.dataflow, entry.list) : undefined;
  return entries === undefined ? undefined : `${family}\u0000${entries}\u0000#${entry!.field}`;
}

/**
 * `pairs` and position 1 for `path` bound only by `for name, path in pairs`: each pass unpacks one
 * entry of the list, so loops over the same list that load the name at the same position of the
 * entry (a first pass over the models, then a fallback pass over the same pairs) read the same files.
 */
function fieldOfListEntry(index: SemanticIndex, element: Node): { list: Node; field: number } | undefined {
  const read = element.type === 'identifier' ? index.dataflow.readAt(element) : undefined;
  const bindings = read ? index.dataflow.reachingDefinitions(read) : [];
  const loop = bindings.length === 1 && bindings[0].kind === 'for' ? bindings[0].statement : undefined;
  const left = loop?.childForFieldName('left');
  if (!loop || (left?.type !== 'pattern_list' && left?.type !== 'tuple_pattern')) return undefined;
  const names = left.namedChildren;
  const field = names.findIndex((name) => !!name && sameNode(name, bindings[0].node));
  const right = stripParens(loop.childForFieldName('right') ?? loop);
  if (field < 0 || names.some((name) => name?.type !== 'identifier') || (right.type !== 'identifier' && right.type !== 'attribute')) return undefined;
  return { list: right, field };
}

/**
 * The list `element` is taken from: `paths` for `paths[0]` or `paths[-1]`, and for `p` bound only by
 * `for p in paths`, `for p in paths[1:]` or `for i, p in enumerate(paths)`.
 */
function listOfElement(index: SemanticIndex, element: Node): Node | undefined {
  if (element.type === 'subscript') return subscripted(element, (key) => /^-?\d+$/.test(key.text));
  const read = element.type === 'identifier' ? index.dataflow.readAt(element) : undefined;
  const bindings = read ? index.dataflow.reachingDefinitions(read) : [];
  const loop = bindings.length === 1 && bindings[0].kind === 'for' ? bindings[0].statement : undefined;
  const left = loop?.childForFieldName('left');
  if (!loop || !left) return undefined;
  const right = stripParens(loop.childForFieldName('right') ?? loop);
  const iterable = sameNode(left, bindings[0].node) ? right : enumerated(index, left, bindings[0].node, right);
  return iterable?.type === 'subscript' ? subscripted(iterable, (key) => key.type === 'slice') : iterable;
}

/**
 * `paths` when `target` is the element of `for i, target in enumerate(paths)`: `enumerate` pairs each
 * element with its position, so the loop walks the list as `for target in paths` does.
 */
function enumerated(index: SemanticIndex, left: Node, target: Node, right: Node): Node | undefined {
  const names = left.type === 'pattern_list' || left.type === 'tuple_pattern' ? left.namedChildren : [];
  if (names.length !== 2 || !sameNode(names[1], target) || right.type !== 'call') return undefined;
  const call = index.call(right);
  const list = call?.qname === 'builtins.enumerate' && !call.hasSplat && call.args.length >= 1 ? call.args[0] : undefined;
  return list ? stripParens(list) : undefined;
}

/** The object of a subscript by one key that `accepts` takes (`paths` for `paths[0]`). */
function subscripted(node: Node, accepts: (key: Node) => boolean): Node | undefined {
  const keys = node.childrenForFieldName('subscript');
  return keys.length === 1 && keys[0] && accepts(keys[0]) ? node.childForFieldName('value') ?? undefined : undefined;
}

/**
 * What a load restores, when its value goes straight into one place: the name or attribute it is
 * assigned to (`model` in `model = joblib.load(p)`), or the module whose `load_state_dict` takes it,
 * also through a name bound to the load and used only there (`params = torch.load(p)`, then
 * `self.load_state_dict(params)`).
 */
function restoredInto(index: SemanticIndex, site: Node): string[] {
  let node = site;
  // An arm of a conditional expression (`joblib.load(p) if p else load_default()`) goes where the expression goes.
  while (node.parent?.type === 'parenthesized_expression' || (node.parent?.type === 'conditional_expression' && !sameNode(node.parent.namedChild(1), node))) node = node.parent;
  const parent = node.parent;
  if (parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), node)) {
    const target = parent.childForFieldName('left');
    const only = target ? onlyUse(index, target) : undefined;
    const derived = only && parent.parent ? stateDictReceiver(only) ?? derivedInto(index, only, parent.parent) : oneModuleOfParts(index, target, parent.parent);
    // The name bound to the load is a place too: the two arms' `model`, whatever each computes with it
    // (`y_proba = model.predict_proba(X_test)` in one, `raw = model.predict(X_test)` in the other).
    return [...new Set([derived, target?.text].filter((place): place is string => !!place))];
  }
  const receiver = stateDictReceiver(node);
  return receiver ? [receiver] : [];
}

/**
 * `model.load_state_dict` for a loaded name read several times, each time by a key, when the parts it
 * gives go into one module's `load_state_dict` only, in the block of its load (`model.load_state_dict(checkpoint["state_dict"])`
 * beside `cfg = checkpoint["cfg"]` and `best_acc = checkpoint["best_acc"]`): the checkpoint restores
 * that module, its other reads being what the module is built from or scored by. Parts that go into
 * two modules (the model, then the optimizer) restore more than either: undefined.
 */
function oneModuleOfParts(index: SemanticIndex, target: Node | null, loadStatement: Node | null): string | undefined {
  const definition = target?.type === 'identifier' ? index.boundAt(target) : undefined;
  if (!definition || !loadStatement) return undefined;
  const modules = new Set<string>();
  for (const use of index.dataflow.usesOf(definition)) {
    // Read only by its keys: a name handed on whole (printed, passed to a function) may be kept for more.
    const up = use.node.parent;
    const part = up?.type === 'subscript' ? sameNode(up.childForFieldName('value'), use.node) : up?.type === 'attribute' && sameNode(up.childForFieldName('object'), use.node) && up.childForFieldName('attribute')?.text === 'get';
    if (!part) return undefined;
    const place = stateDictReceiver(use.node) ?? derivedInto(index, use.node, loadStatement);
    if (place?.endsWith('.load_state_dict')) modules.add(place);
  }
  return modules.size === 1 ? [...modules][0] : undefined;
}

/** The one read of the name `target` binds, when it has one. */
function onlyUse(index: SemanticIndex, target: Node): Node | undefined {
  const definition = target.type === 'identifier' ? index.boundAt(target) : undefined;
  const uses = definition ? index.dataflow.usesOf(definition) : [];
  return uses.length === 1 ? uses[0].node : undefined;
}

/**
 * The place a part read from a loaded name goes into, in the block of the load: the name assigned
 * `checkpoint["hyper_parameters"]["model"].state_dict()` (or `ckpt["model"]`; the module whose
 * `load_state_dict` takes that name when it is its one use), or the module whose `load_state_dict`
 * takes the part, the loaded name being the base of that chain of keys, attributes and method calls.
 */
function derivedInto(index: SemanticIndex, use: Node, loadStatement: Node): string | undefined {
  let chain = use;
  for (let up = chain.parent; up; up = chain.parent) {
    const base = up.type === 'subscript' ? up.childForFieldName('value') : up.type === 'attribute' ? up.childForFieldName('object') : up.type === 'call' ? up.childForFieldName('function') : null;
    if (!base || !sameNode(base, chain) || (up.type === 'call' && chain.type !== 'attribute')) break;
    chain = up;
  }
  if (sameNode(chain, use)) return undefined;
  const assignment = chain.parent;
  const statement = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), chain) ? assignment.parent : undefined;
  const target = assignment?.childForFieldName('left');
  const sameBlock = (at: Node | null | undefined) => !!at && !!loadStatement.parent && sameNode(at.parent, loadStatement.parent);
  if (statement && target && ['identifier', 'attribute'].includes(target.type)) {
    const next = onlyUse(index, target);
    return sameBlock(statement) ? (next ? stateDictReceiver(next) : undefined) ?? target.text : undefined;
  }
  const place = stateDictReceiver(chain);
  return place && sameBlock(chain.parent?.parent?.parent) ? place : undefined;
}

/** `model.load_state_dict` when `node` is the argument `model.load_state_dict(...)` takes. */
function stateDictReceiver(node: Node): string | undefined {
  const receiving = node.parent?.type === 'argument_list' ? node.parent.parent : undefined;
  const callee = receiving?.type === 'call' ? receiving.childForFieldName('function') : undefined;
  if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'load_state_dict') return `${callee.childForFieldName('object')?.text}.load_state_dict`;
  return undefined;
}

/** Two loads of which one run reaches one only: two arms of one `if`, conditional expression or `try`, or a branch that returns and the code after it. */
function oneOrTheOther(a: Node, b: Node): boolean {
  const [first, second] = a.startIndex <= b.startIndex ? [a, b] : [b, a];
  return inExclusiveArms(first, second) || inExpressionArms(first, second) || returnsBefore(first, second);
}

/** `first` in the value before `if`, `second` in the one after `else`, of one conditional expression. */
function inExpressionArms(first: Node, second: Node): boolean {
  for (let current = first.parent; current; current = current.parent) {
    if (current.type !== 'conditional_expression' || !isAncestorOf(current, second)) continue;
    const within = (arm: Node | null, node: Node) => !!arm && (sameNode(arm, node) || isAncestorOf(arm, node));
    return within(current.namedChild(0), first) && within(current.namedChild(2), second);
  }
  return false;
}

/**
 * Where a load's value goes: the load itself, or the one call the file makes of a function of the
 * file that returns the load (`def load_final_model(): return joblib.load(path)`, called only in
 * `model = joblib.load(p) if p else load_final_model()`): the helper restores what its call does.
 */
function loadSite(index: SemanticIndex, call: CallSite): Node {
  const fn = returnedFrom(call.node);
  const calls = fn ? index.dataflow.callsOf(fn) : [];
  const caller = calls.length === 1 ? calls[0].node.parent : undefined;
  return caller?.type === 'call' && sameNode(caller.childForFieldName('function'), calls[0].node) ? caller : call.node;
}

/**
 * The function whose result a load is, when the load is the whole value of a `return` (`return
 * joblib.load(tmp_path)`): whichever of its returns runs, the function hands back one model.
 */
function returnedFrom(node: Node): Node | undefined {
  const value = outermostParens(node);
  return value.parent?.type === 'return_statement' ? enclosingFunction(value) : undefined;
}

/** Alternatives looked at per restored place: a bound on a generated file's pairs. */
const MAX_ALTERNATIVES = 32;

/**
 * Loads of two files into one place, in two arms of one `if` or in a `try` and its handler (the
 * per-symbol model, or the general one when it is missing; the calibrated model, or the uncalibrated
 * one when loading it fails), or in a branch that returns and after it (a cache, else storage): one
 * thing restored from one of two files, so one finding.
 */

/**
 * The call of a function of the file that runs `call` as an element of a container: the load of the
 * function's parameter (`def _load_churn_model(path): model = joblib.load(path)`), when the one call
 * the file makes of it passes that parameter as an element (`"churn_model": _load_churn_model(base
 * / "churn_best.joblib")`): the helper restores that element.
 */
function helperElementCall(index: SemanticIndex, call: CallSite): Node | undefined {
  const path = filePath(index, call);
  const root = path ? stripParens(path) : undefined;
  const name = root?.type === 'identifier' ? root : root?.type === 'binary_operator' ? root.childForFieldName('left') : undefined;
  const passed = name?.type === 'identifier' ? index.passedArguments(name) : undefined;
  if (passed?.length !== 1) return undefined;
  const helper = passed[0].parent?.type === 'argument_list' ? passed[0].parent.parent : passed[0].parent?.type === 'keyword_argument' ? passed[0].parent.parent?.parent : undefined;
  return helper?.type === 'call' ? helper : undefined;
}

/**
 * Loads of other files made as the elements of one list, tuple or dictionary (`[torch.load(g),
 * torch.load(d), torch.load(g_opt)]`, `{"model": torch.load(m), "optimizer": torch.load(o)}`),
 * which restore one state at once: one finding, linked; so is a load of a helper's parameter that
 * the helper's one call makes an element of that container.
 */
function joinCompanions(index: SemanticIndex, groups: LoadGroups<GroupedLoad>, loads: { call: CallSite; key: string }[]): void {
  const byContainer = new Map<number | string, string[]>();
  const kinds = new Map<number | string, ContainerKind>();
  for (const { call, key } of loads) {
    const helper = elementOf(call.node) ? undefined : helperElementCall(index, call);
    const container = elementOf(helper ?? call.node);
    const entry = container ? undefined : entryWrittenInto(call.node);
    if (entry) {
      pushTo(byContainer, entry, key);
      kinds.set(entry, 'dictionary');
    }
    const appended = container || entry ? undefined : listAppendedTo(call.node);
    if (appended) {
      pushTo(byContainer, appended, key);
      kinds.set(appended, 'list');
    }
    if (!container) continue;
    pushTo(byContainer, container.id, key);
    // `return model, scaler` builds a tuple as `(model, scaler)` does.
    kinds.set(container.id, container.type === 'list' ? 'list' : container.type === 'dictionary' ? 'dictionary' : 'tuple');
  }
  for (const [id, keys] of byContainer) for (const key of keys.slice(1)) groups.together(keys[0], key, kinds.get(id)!);
}

/**
 * The dictionary a load is written into under a constant key (`cache["model"] = pickle.load(f)`,
 * then `cache["encoder"] = pickle.load(g)`), as one name or attribute in one function: its entries
 * restore one state, as the entries of a dictionary literal do. Undefined for any other load.
 */
function entryWrittenInto(node: Node): string | undefined {
  const value = outermostParens(node);
  const assignment = value.parent;
  if (assignment?.type !== 'assignment' || !sameNode(assignment.childForFieldName('right'), value)) return undefined;
  const target = assignment.childForFieldName('left');
  const object = target?.type === 'subscript' ? target.childForFieldName('value') : undefined;
  if (target?.childForFieldName('subscript')?.type !== 'string' || !object || (object.type !== 'identifier' && object.type !== 'attribute')) return undefined;
  return `${enclosingFunction(assignment)?.startIndex ?? -1}:${object.text}`;
}

/**
 * The list a load is appended to (`features.append(torch.load(a))`, then
 * `features.append(torch.load(b).numpy().reshape(-1, 1))`), as one name or attribute in one
 * function: its elements restore one state, as the elements of a list literal do. The appended
 * element may be the load or what a chain of its own methods, attributes or parts gives (`.numpy()`,
 * `["state"]`), which is still that file's content. Undefined for any other load.
 */
function listAppendedTo(node: Node): string | undefined {
  let value = outermostParens(node);
  for (;;) {
    const up = value.parent;
    if (up?.type === 'attribute' && sameNode(up.childForFieldName('object'), value)) value = up;
    else if (up?.type === 'call' && value.type === 'attribute' && sameNode(up.childForFieldName('function'), value)) value = outermostParens(up);
    else if (up?.type === 'subscript' && sameNode(up.childForFieldName('value'), value)) value = outermostParens(up);
    else break;
  }
  const args = value.parent;
  if (args?.type !== 'argument_list' || args.namedChildCount !== 1) return undefined;
  const append = args.parent?.type === 'call' ? args.parent.childForFieldName('function') : null;
  if (append?.type !== 'attribute' || append.childForFieldName('attribute')?.text !== 'append') return undefined;
  const object = append.childForFieldName('object');
  if (!object || (object.type !== 'identifier' && object.type !== 'attribute')) return undefined;
  return `${enclosingFunction(append)?.startIndex ?? -1}:append:${object.text}`;
}

function joinAlternatives(index: SemanticIndex, groups: LoadGroups<GroupedLoad>, loads: { call: CallSite; key: string }[]): void {
  const byPlace = new Map<string, { call: CallSite; key: string; site: Node }[]>();
  for (const load of loads) {
    const site = loadSite(index, load.call);
    for (const place of restoredInto(index, site)) pushTo(byPlace, place, { ...load, site });
    const fn = returnedFrom(load.call.node);
    if (fn) pushTo(byPlace, `result:${fn.startIndex}`, { ...load, site: load.call.node });
  }
  for (const same of byPlace.values()) {
    for (let i = 0; i < same.length && i < MAX_ALTERNATIVES; i++) {
      for (let j = i + 1; j < same.length && j < MAX_ALTERNATIVES; j++) {
        if (same[i].key !== same[j].key && oneOrTheOther(same[i].site, same[j].site)) groups.alternative(same[i].key, same[j].key);
      }
    }
  }
}

function listen(context: RuleContext): RuleListeners {
  const { index, doc } = context;
  // One file loaded in several places (both arms of a CPU/GPU `if`, by torch in one and by pickle in
  // the other) is one file to load safely.
  const fileLoads = new LoadGroups('file', 'unpickled too');
  // So are the files of one list: one loaded first and the rest in a loop.
  const torchListLoads = new LoadGroups('list of files', 'without `weights_only=True` too');
  let saves: Map<string, Node[]> | undefined;
  let checkpoints: Set<string> | undefined;
  let splitSaves: Map<string, Node[]> | undefined;
  let uploads: Map<string, Node[]> | undefined;
  let callbackSaves: Map<string, Node[]> | undefined;
  const pickleListLoads = new LoadGroups('list of files', 'unpickled too');
  const fileKeyed: { call: CallSite; key: string }[] = [];
  return {
    callees: CALLEES,
    call(call) {
      if (readsOwnSave(index, call, (saves ??= savesByFile(index, context.project)), context.project) || readsGlobbedOwnSave(index, call)) return;
      if (readsOwnCheckpoint(index, call, (checkpoints ??= checkpointFiles(index)))) return;
      if (readsSplitNameSave(index, call, (splitSaves ??= splitNameSaves(index)))) return;
      if (readsOwnUpload(index, call, (uploads ??= uploadsByFile(index)))) return;
      if (readsLightningCheckpoint(index, call) || readsIgniteCheckpoint(index, call) || readsLegacyTuneCheckpoint(index, call) || readsUpstreamArtifact(index, call)) return;
      if (readsCallbackSave(index, call, (callbackSaves ??= callbackSavesByFile(index)))) return;
      if (underTestsNewDirectory(index, filePath(index, call), call.node, context.testSetup?.newDirectoryFixtures)) return;
      // A test that the load fails for want of its file (`with pytest.raises(FileNotFoundError):`) reads nothing.
      if (builtWhereFailureExpected(index, call.node, MISSING_FILE_ERRORS)) return;
      // The empty path names no file: the load fails before it could unpickle anything.
      const path = filePath(index, call);
      if (path && index.dataflow.namesNoFile(path)) return;
      // A load under a literal `if False:` never runs (MLD505 reports the dead branch itself).
      if (inLiteralDeadBranch(call.node)) return;
      // The bytes an unpickler's own hook is handed come from the stream it is unpickling: that outer load is the one to judge.
      if (loadsUnpicklerHookBytes(index, call)) return;
      if (call.qname === 'torch.load') {
        if (call.hasSplat) return;
        // A network handed in place of a file (`torch.load(resnet18())`) reads no file: nothing is unpickled.
        const source = argument(call, 'f', 0);
        // A load handed no file at all (`torch.load()`, its path left out) raises a `TypeError` before it opens anything.
        if (!source) return;
        if (isTorchModule(index, source)) return;
        const weightsOnly = call.kwargs.get('weights_only');
        // Every PyTorch the project allows (2.6 and later) loads tensors only when not told otherwise.
        if (!weightsOnly && !unpicklerGiven(index, call) && tensorsOnlyByDefault(context.libraryFloors)) return;
        const value = weightsOnly ? index.literal(weightsOnly) : undefined;
        if (weightsOnly && !(value?.kind === 'bool' && !value.value)) return;
        if (!weightsOnly && (underCallersUnsafeChoice(index, call) || fallbackForOldTorch(index, call))) return;
        // Safe by default, unpickling only once the person running it says the file is trusted.
        if (behindTrustOptIn(index, call)) return;
        // A load given its own unpickler (`pickle_module=dill`) unpickles on every PyTorch version, 2.6 too,
        // and refuses `weights_only=True` outright: the quick fix would break it whatever the file holds.
        const ownUnpickler = unpicklerGiven(index, call);
        // On a PyTorch older than 1.13, which the project's requirements pin, the added argument makes every load raise.
        const tooOld = !weightsOnly && noWeightsOnlyArgument(context.libraryFloors);
        const edit = ownUnpickler || tooOld ? undefined : weightsOnly ? replaceNode(weightsOnly, 'True') : addKeywordArgument(doc, call, 'weights_only', 'True');
        const list = listKey(index, call, 'torch');
        const key = list ?? loadKey(index, call);
        if (!list) fileKeyed.push({ call, key });
        (list ? torchListLoads : fileLoads).add(key, {
          too: 'without `weights_only=True` too',
          node: call.callee,
          message: weightsOnly
            ? '`torch.load(..., weights_only=False)` unpickles arbitrary objects: a tampered file runs its code when loaded'
            : ownUnpickler
              ? '`torch.load` with its own `pickle_module` unpickles arbitrary objects on every PyTorch version (it cannot be combined with `weights_only=True`): a tampered file runs its code when loaded'
              : '`torch.load` without `weights_only=True` unpickles arbitrary objects (the default before PyTorch 2.6): a tampered file runs its code when loaded',
          ...(edit ? { fix: { title: 'Load tensors only: weights_only=True', edits: [edit] } } : {}),
        });
        return;
      }
      if (call.qname && PICKLE_LOADERS.has(call.qname) && !isRoundTrip(index, call) && loadsModel(index, call, saves!)) {
        const loader = call.qname.replace(/^sklearn\.externals\./, '');
        const list = listKey(index, call, 'pickle');
        const key = list ?? loadKey(index, call);
        if (!list) fileKeyed.push({ call, key });
        (list ? pickleListLoads : fileLoads).add(key, {
          node: call.callee,
          message: `\`${loader}\` restores what it loads by unpickling, which runs whatever code the file contains${underVersionCheck(call.node) || watchesVersionWarning(index, call.node) ? '' : '; and it silently depends on the exact library versions that saved it'}`,
        });
      }
    },
    finish() {
      joinAlternatives(index, fileLoads, fileKeyed);
      joinCompanions(index, fileLoads, fileKeyed);
      for (const groups of [fileLoads, torchListLoads, pickleListLoads]) groups.report(context);
    },
  };
}

export const unsafeModelDeserialization: Rule = {
  meta: {
    code: 'MLD908',
    name: 'unsafe-model-deserialization',
    category: 'ml-api-misuse',
    severity: 'warning',
    recommended: true,
    fix: { safety: 'unsafe', title: 'Load tensors only (weights_only=True)' },
    smell: { name: 'Unsafe model deserialization', feeds: 'unstable-data-dependencies' },
    docs: {
      summary: '`torch.load(...)` without `weights_only=True`, or a model restored with `pickle.load` / `joblib.load`.',
      why: 'A pickled model is a program: unpickling runs whatever code the file holds, so a downloaded or shared checkpoint can execute anything on the machine that loads it. It also ties the model to the exact library versions that wrote it — an unstable dependency (§3, Unstable Data Dependencies) that breaks on upgrade.',
      example: 'import torch, joblib\n\nstate = torch.load("checkpoint.pt")\nclf = joblib.load("model.joblib")',
      fix: 'Load tensors with `torch.load(path, weights_only=True)` and rebuild the module from code; store models in formats that hold data only (safetensors, ONNX, XGBoost/LightGBM native JSON) and load pickles only from sources you control. The quick fix, for `torch.load` only, adds `weights_only=True` (or flips `weights_only=False`). It is unsafe: a checkpoint that stores whole pickled objects will then refuse to load. A load given its own unpickler (`torch.load(p, pickle_module=dill)`) unpickles on every PyTorch version, 2.6 and later too, for PyTorch makes `weights_only` true by default only when no unpickler is given and refuses the two together: its message says so, and it gets no quick fix, which would make it fail whatever the file holds. Nor does a load in a project whose requirements allow only a PyTorch older than 1.13 (`torch==1.3.0`, `torch<1.13`, in every mention, also in a conda environment file: `pytorch=1.4.0` among the `dependencies` of an `environment.yml`, which `conda env create` installs, allows only 1.4.0 and its builds), which has no `weights_only` argument and hands it on to the unpickler, which raises: the load is still reported, for it unpickles whatever the file holds, and paying it off starts with the upgrade. One file loaded in several places (both arms of a CPU/GPU `if`, two cells of a notebook, `pickle.load` with a `joblib.load` fallback) is one finding, at its first load and linked to the others, and its fix changes every one of those loads. Which loader reads it does not matter: a file read by `pickle.load` or `joblib.load` in one place and by `torch.load` in another (a `.pkl` checkpoint read with pickle, any other with torch) is one file unpickled, and one finding; it has no quick fix, since `weights_only` exists only for `torch.load`. The same file means the same path value, also spelled another way (`p.absolute().as_posix()`, `str(p)`, `os.path.abspath(p)`, or printf-style formatting whose plain conversions write each argument as `str()` does: `prefix + "-%d" % (epoch + 1)` names the file a helper saved as `prefix + "-" + str(epoch)` when handed `epoch + 1`, so a load of it after that save reads a file the program saved itself, while a padded `%05d`, a `%r` or a mapping key `%(name)s` writes other text and names no file the analysis knows), or the same attribute chain or constant key read over the same bindings (`args.model` twice), also through a name bound to that read (`baseline = cfg["pretrained_path"]`, then `torch.load(baseline)` beside `torch.load(cfg["pretrained_path"])`), for the name holds what the read gives, and so through a parameter every call passes one value: `checkpoint_path = args.checkpoint_path` in two functions each called with the script\'s one parsed `args` (a tagging mode and a detection mode) names one file, the one `--checkpoint_path` gives; loads whose paths the analysis cannot tell to be the same (a parameter of two functions, also within the same text around it: `"./checkpoints/wres50_" + category + ".pth"` in `test(category)` and again in `visualize(category)`, neither called in the file or each called with its own value, may be handed two categories, while calls that all pass one value, `test(name)` and `visualize(name)` in one loop, make it one file, and so does a parameter of each that defaults to one value, `checkpoint_name="model"` in two methods called without it, which holds that default wherever no call gives it another; two different names) stay apart, and so do paths whose part a name holds from a call (`version = latest_version()`, then `f"models/model_{version}.pkl"`) read over two bindings: a reload\'s `new_version = latest_version()`, or the name bound again by a second call, may name another version of the file. A parameter a function hands on as it stands to another function (`evaluate(config, model)` inside `train(config)`) holds what every call of the outer function passes, when they pass one expression over the same bindings and the parameter is bound nowhere else (followed up through three functions): `torch.load(config["input_file"])` in `train` and again in `evaluate`, which `main` calls with the `config` it hands `train`, read one file and are one finding, and so are an attribute of parsed arguments (`args.weights`) and a path handed on the same way; an outer function called with another value, a parameter rebound before it is handed on, or a key the file writes into a dictionary (`config["input_file"] = ...`) keeps the loads apart. An attribute of `self` holds what the one assignment the file makes to an attribute of that name stored (`self.best_path = path` in `train`): read in another method of the class (`torch.load(self.best_path)` in `predict`), or after that assignment in the method that makes it, it names the file that value names where it was stored, so that load and a load of `path` in `train` are one finding, and so is a load through the parameter of a helper called once with it (`self._restore(self.best_path)`, then `torch.load(ckpt_path)` in `_restore`); a read before the assignment in its own method may run before anything is stored, and an attribute the file sets twice, or also on an object outside the class (`scorer.weights = ...`), may name two files: their loads stay apart. An attribute of that name that another class of the file sets on its own `self` (two model classes of one module, each keeping its `self.model_file`) is not a second assignment when neither class derives from the other: such a method runs only on instances of its own class, so it never changes what this class stored, and the loads of this class are still one finding. So does an attribute read from the object such an attribute holds (`self.args = args` in `__init__`, then `torch.load(self.args.weights)` in `load_model` and again in `load_optimizer`; `self.cfg.model.checkpoint`): both reads take the same attribute of the one object stored, so they read one file and are one finding, unless the file assigns an attribute of that name on any object (`self.args.weights = best_path`), sets attributes by `setattr` with that name or one known only at run time, or writes an object\'s attributes wholesale (`vars(args).update(overrides)`, `args.__dict__.update(...)`): the object may then hold another path by the second read, and the loads stay apart. The parameter of a function the file calls from one place only holds what that call passes: a load through it (`def detect_arch(run_dir): torch.load(run_dir / "global.pt")`, called once as `detect_arch(run_dir)`) and a load of `run_dir / "global.pt"` beside that call read one file, and are one finding; so do a load of the parameter as it stands (`def load_model(checkpoint_path): torch.load(checkpoint_path)`, called once as `load_model(args.checkpoint)`) and a load of `args.checkpoint` beside the call, for the parameter names the file its argument names there; that argument is read as a load written at the call would be, through the caller\'s own parameters when every call of the caller passes them one value (`sanity_check(model, args.pretrained)` in `main_worker(gpu, args)`, which `main` calls once, beside `torch.load(args.pretrained)` in `main_worker`: one finding), while a caller that rebinds the parameter before the call, or an argument that names another file, keeps the loads apart. So does a function the file calls from several places that all pass one expression over the same bindings (`extract_feature(shard_dir, 1)`, `extract_feature(shard_dir, 2)`): whichever call runs it, it reads the same file; two names, or one name bound again between the calls, may hold two paths, and their loads stay apart. A model restored into one place from one of two files — in the two arms of one `if`, in a `try` and its handler (the per-symbol model, or the general one when it is missing; the calibrated model, or the uncalibrated one when loading it fails), or in a branch that returns from its function once it has loaded and in the code after that branch, which runs only when the branch did not (the model read from a cache when the cache holds it, else from storage) — is one thing loaded: one finding, at the first load and linked to the other. The place may be the result of a function that returns each load (`if bucket: return joblib.load(tmp_path)`, then `return joblib.load(LOCAL_MODEL_PATH)`, also with the first `return` in a `try` whose handler falls through to the second): whichever runs, the function hands back one model, while loads returned by two functions, or by one function on paths that may both run, stay apart. So are the two values of one conditional expression (`model = joblib.load(model_path) if model_path else load_final_model()`), also when one of them is the one call the file makes of a function of the file that returns a load (`def load_final_model(): return joblib.load(next(MODELS_DIR.glob("*_final_model.pkl")))`): the helper restores into the place its call is assigned to, as a load written there would; a helper the file calls from two places stays apart. The place is the name a load is assigned to, or the module whose `load_state_dict` takes it, also through a name bound to the load and used only there (`params = torch.load(p)`, then `self.load_state_dict(params)`, beside `self.load_state_dict(torch.load(q))` in the other arm), also when that one use reads a part of it into the place in the same block (`checkpoint = torch.load(p)`, then `state = checkpoint["hyper_parameters"]["model"].state_dict()` or `model.load_state_dict(checkpoint["model"])`, beside `state = torch.load(q)` in the other arm): the part is what the load restores there, and the name a load is bound to stays its place as well, whatever each arm then computes with it (`model = joblib.load(p)`, then `y_proba = model.predict_proba(X_test)`, beside `model = joblib.load(q)`, then `raw = model.predict(X_test)`: one finding); a name read twice (the model, then the optimizer) or a part read into another place stays apart. A checkpoint read only by its keys, whose parts go into one module only, in the block of the load (`checkpoint = torch.load(p)`, then `model = Net(cfg=checkpoint["cfg"])`, `model.load_state_dict(checkpoint["state_dict"])` and `best_acc = checkpoint["best_acc"]`), restores that module, its other keys being what the module is built from or scored by: it and a load into the same module in another arm (`model.load_state_dict(state_dict)` after `state_dict = torch.load(q)`) are one finding, whatever names each arm binds; a checkpoint whose parts go into two modules (the model, and the scheduler through a name), one handed on whole as well (printed, passed to a function), or one whose part goes into the module only under an inner `if` stays apart. Two files loaded one after the other into one name, or into two names, stay apart. The files of one list are one finding too, whatever their names: one taken by a constant position (`ckpts[0]`, the first checkpoint of an average) and the others through a `for` loop over the list or a slice of it (`for c in ckpts[1:]`), also one that numbers them (`for i, c in enumerate(ckpts)`, which hands the loop the same elements with their positions), are loaded for one purpose and made safe together; so are the names at one position of the entries loops unpack from one list (`for name, path in model_files`, walked once to load every model and again as a fallback): each pass of either loop reads an entry of the same list, so the two loads read the same files; elements of two lists, a list rebound between the loops, names at two positions of the entries, or two entries of a dictionary, stay apart. So are the files of one state restored at once, each load an element of one list, tuple or dictionary (`[torch.load(f"{path}_generator.pt"), torch.load(f"{path}_discriminator.pt")]`, `{"model": torch.load(m), "optimizer": torch.load(o)}`): one finding, linked, whose message names the container as the code builds it (`return joblib.load(m), joblib.load(s)` builds a tuple, not a list); so are loads written into one dictionary under constant keys in one function (`_model_cache["model"] = pickle.load(f)`, then `_model_cache["city_encoder"] = pickle.load(g)`), the entries of a dictionary as a literal\'s are, while entries of two dictionaries, or written in two functions, stay apart; so are loads appended to one list in one function (`train_parts.append(torch.load("acf_train.pt").numpy())`, then `train_parts.append(torch.load("skew_train.pt").numpy())`, each under its own `if`, then concatenated), the elements of a list as a literal\'s are: the appended element is the file\'s content, also through a chain of its own methods or parts, and the list is built to restore one state, while appends to two lists, or in two functions, stay apart; so is an element restored by a function of the file that the file calls from that one place and that loads the parameter it is handed (`"churn_model": _load_churn_model(base / "churn_best.joblib")` beside `"scaler": joblib.load(base / "scaler.joblib")`, with `joblib.load(path)` in `_load_churn_model`): the helper only restores that element, as a load written there would; a helper called from two places, or that loads a path of its own, and the same loads in two statements stay apart.',
      fixed: 'state = torch.load("checkpoint.pt", weights_only=True)',
      nearMisses: '`torch.jit.load` and `torch.load(..., weights_only=True)` are fine, and so is `torch.load(..., weights_only=flag)` with a value the caller chooses; so is a plain `torch.load(p)` in a project whose requirements allow only PyTorch 2.6 or later (`torch==2.7.1` or `torch>=2.6`, also with the specifier in parentheses as PEP 508 allows and Poetry 2 writes, `torch (>=2.10.0,<3.0.0)`, in the nearest `requirements.txt` or requirements file named for a variant of it (`requirements_exact.txt`, `requirements-gpu.txt`: pip installs from any of them, so each is read), or in `pyproject.toml`\'s `[project]` dependencies, one of its extras, a dependency group (PEP 735 `[dependency-groups]`, which `uv sync --group` installs as it would an extra) or Poetry\'s table or one of its groups, or in a conda environment file (`environment.yml`, or one named for a variant of it, `environment-gpu.yaml`) whose `dependencies` name `pytorch>=2.6` or `pytorch=2.7.1` in conda\'s spelling, a bare version allowing every release that starts with it (`pytorch=2` allows 2.0, and sets no floor above it), or whose `pip:` list names torch as a requirements file does, at or above the file; every mention of torch in every one of them must set such a floor, so a `requirements-legacy.txt` that allows an older PyTorch keeps the load reported), where it loads tensors only by default, while `weights_only=False`, an unpickler of its own, or requirements that allow an older PyTorch (`torch>=2.1`, a bare `torch`, or no mention at all) are still reported; a load without the argument that runs only where that same choice is false (in `if not flag:` or the `else` of `if flag:`, a fallback for a PyTorch that has no such argument) unpickles only when the caller asked for it, and is left alone too. So is an unrestricted load of a file the same function (or module) also loads with `weights_only=True` — the fallback in the `except` handler when the safe load fails — that runs only under a test of a choice made at run time, an environment variable (`os.environ.get("TRUST_CKPT")`, `os.getenv`) or a parameter that defaults to `True` or `False` (`trust_file=False`), in the `if` around it or in an `if` before it that raises or returns: it unpickles only when the person running the program says the file is trusted; a fallback with no such test, or one behind a test of the file itself (its name, its size), is still reported. So is a load without the argument in an `except TypeError:` handler of a `try` whose body loads the same file with `weights_only=True`: that load raises `TypeError` only on a PyTorch too old to know the argument (a file it refuses raises `UnpicklingError`), so the fallback runs only where no safe load exists; a handler that also catches other errors (`except Exception:`, `except (TypeError, UnpicklingError):`), or that loads another file, is still reported. So is a load in the statement that ends a `with pytest.raises(FileNotFoundError):` or `with self.assertRaises(OSError):` block (also `IOError`): the test passes only when the file is missing, so nothing is read; a test that expects another error (`ValueError` from a corrupt file) may unpickle, and is still reported. So is a `torch.load` handed a network the program builds rather than a file (`torch.load(mobilenet_v3_large())`, `net = Net(); torch.load(net)`): it reads no file, and fails before it could unpickle anything. So is a load, inside a hook of the file\'s own unpickler class (`find_class` or `persistent_load` of a class deriving from `pickle.Unpickler` or `dill.Unpickler`), of the bytes the hook is handed, in a buffer (`return lambda b: torch.load(io.BytesIO(b), map_location="cpu")`, the usual way to read a GPU pickle on a CPU; also through a function the hook builds, or `pickle.loads` of its parameter): those bytes come from the stream the outer unpickling is already reading, which runs whatever that stream holds, so the inner load adds nothing to judge and `weights_only` on it protects nothing; the same load in a class that derives from no unpickler or in a method that is no hook, a hook that loads a file its parameter names (`torch.load(pid)`), or bytes read from elsewhere, is still reported. So is a load of the empty path (`model = torch.load("")`, `pickle.load(open(MODEL_PATH, "rb"))` with `MODEL_PATH = ""`, a placeholder left to fill in): it names no file, and fails before it could unpickle anything; a path with any part besides (`MODEL_PATH + "/net_10.pth"`) is a file, and is still reported. So is a `torch.load()` handed no file at all, neither by position nor as `f=` (a path left out when the script was edited): it raises a `TypeError` before it opens anything, while one whose file comes through a splat (`torch.load(*args)`) may name any file. So is a load under a literal `if False:` (or `if 0:`, or the `else` of `if True:`), which never runs, and so is one under a membership test in an empty list, tuple or dictionary written out in the condition (`if self._cur_task in []:`, the stages to resume from left empty), which is false whatever the left side holds: MLD505 reports the dead branch itself; a load under a flag the reader may flip (`if RESUME:` with `RESUME = False`), or a test in a named list that is empty (`if stage in RESUME_STAGES:`), in a non-empty one, or in a string (`"" in ""` is true) is still reported. `pickle.load` of data (no model in the file name, the variable, or the way the object is used afterwards) is not reported by this rule, the variable being the name the load is assigned to, the attribute it is stored in (`self.encoder = joblib.load(p)`) or the constant key of the entry it is stored in (`result["scaler"] = joblib.load(p)`), or else the collection it is stored in an entry of (`models[name] = pickle.load(f)`, whose name says what its entries are); nor are predictions, scores, results and a model\'s input arrays pickled by one step for the next, also under a name in which *model* only says whose they are (`model_preds`, `model_array = pickle.load(open("input_ModelArray.pkl", "rb"))`), or the records a pipeline keeps beside its models (`summary = pickle.load(open("models/training_summary.pkl", "rb"))`, a run\'s status, metrics, statistics of the data (`region_stats = joblib.load("models/region_crop_stats.joblib")`), also under the plural name of the statistic (`self.percentiles = joblib.load(f"{models_dir}/percentiles.joblib")`, the clipping bounds a serving app reads back; `quantiles`), while a singular `quantile_model` names a quantile regressor, or a statistic as the last word of the name loaded into or of the file\'s own name, also under a folder known only at run time (`residual_std = joblib.load(os.path.join(MODEL_DIR, "ridge_residual_std.pkl"))`, the spread a forecaster keeps to draw its intervals; `target_mean`, `price_stdev`, a variance; the most frequent or the middle value kept to fill a column\'s gaps as training did, `cityname_mode = joblib.load("models/dependencies/cityname_mode.joblib")`, `age_median`), or metadata so named (`hes_meta`, `meta_information.pickle` under a `FoundationModel/` folder, the tables a tokenizer is rebuilt from; `cohort_information`), for the last word of a name says what it is, and so is a history or a histogram under its short name (`hist = pickle.load(open(f"{model_name}.list", "rb"))` beside the weights, `loss_hist`), while a name that also names a model (`model_std`, `std_model`, a stacker\'s `meta_model`) or has the word before others (`hist_gb`, a histogram gradient-boosting model) is still reported, a training history, a report, metadata, information about the model such as the sizes it is rebuilt with, `model_info = pickle.load(open("models/model_info.pkl", "rb"))`, or one such size under its own name (`model_max_len`, `model_input_dims`, a length, size, dimension or shape); the arrays of a split as scikit-learn\'s convention names them (`X_train = pickle.load(open("models/X_train.pkl", "rb"))`, `y_test`, `train_x`), which a step pickles beside the models for the next; the configuration of the run that trained it, as the name the load is bound to or the file\'s own name says (`args = joblib.load("models/%s/args.pkl" % name)`, `config`, `cfg`, `hparams`), while a path only read out of a configuration (`pickle.load(open(config["model_path"], "rb"))`) still names a model\'s file; the names of the columns a model reads, `model_features = joblib.load("features.pkl")`, `feature_names`, `model_cols`, `feature_order`, `feature_list`, which a serving app keeps to order its input; the labels a classifier\'s outputs are named by (`labels = joblib.load(os.path.join(model_dir, "labels.joblib"))`), also as a dictionary between labels or classes and their indices (`label_mapping`, `class_to_idx`, `id2label`), which a serving app reads to name what the model predicts, while a `labels_encoder` is an encoder and `model_classes = dill.load(f)` may hold Python classes, which unpickling rebuilds; the vocabulary a text model\'s inputs are indexed by, a dictionary of words (`words_dict = pickle.load(f)` of `models/gru/tc_words_dict.p`, `vocab`, `word2idx`, `idx2word`), while a pickled `tokenizer` is an object with methods, and is still reported; the decision threshold chosen for it, `joblib.load("models/optimal_threshold.pkl")`; what explaining it worked out, `shap_values = pickle.load(open("models/rf_0/shap_values.dat", "rb"))`, attributions or feature importances, arrays that only describe it, while a pickled SHAP `explainer` keeps the model inside it and is still reported; the weights a computation gives features, classes or samples, `feature_weights = pickle.load(open("models/feature_weights.pkl", "rb"))`, `class_weights`, while `weights` alone may be a model\'s; a matrix, the last word of the name loaded into or of the file\'s own name (`weights_matrix = pickle.load(open("glove/weights_matrix.pickle", "rb"))`, the word vectors a data loader looks rows up in; `tfidf_matrix`, `similarity_matrices`), an array of numbers whatever words come before it; paths or names of files, the last word of the name loaded into or of the file\'s own name (`model_path_list = joblib.load(os.path.join(input_dir, "model_path_list.pkl"))`, the checkpoint names a training step pickled for inference to find; `ckpt_paths`, `best_model_path`, `model_filenames.pkl`), strings whatever words come before them, while `_list` after another word (`model_list`) is a list of models, and such strings used as a model are still reported; the outputs models computed, a plural `outputs` as the last word of the name loaded into or of the file\'s own name (`outputs = pickle.load(open("models/pkl/all-stacked-outputs.pkl", "rb"))`, the first-level models\' predictions a stacking step reads back; `model_outputs`), arrays whatever words come before it, while a singular `output` may name whatever a step wrote and a folder (`outputs/rf.pkl`) says nothing of the file; a table of rows, a frame or a plural `samples` as the last word of the name loaded into or of the file\'s own name (`model_df = pickle.load(open("model_df.pkl", "rb"))`, `results_frame`, `model_dataframe.pkl`, `new_model_SNR_test_samples`, the test rows a step pickled for the next), which holds rows whatever words come before it, while `model_data` may bundle a model with what it needs and is still reported; the distinct values of a column a pipeline keeps to rebuild its one-hot columns, `unique_genres = pickle.load(open("model_efa/unique_genres.pkl", "rb"))`), whatever directory the path names: a `models/` folder holds more than models. So is a file whose own name names no model but rows of data (`data`, `sample`, `df`, `frame`), kept in such a folder (`background = pickle.load(open("model/background_data.pkl", "rb"))`, the sample a SHAP explainer is given; `models/holdout_sample.joblib`): where only a folder of its path names a model, the file\'s own name says what it holds, also when the bytes come from a call handed the one path it reads (`pickle.loads(sess.run(reader, feed_dict={name: ckpt_dir + "/epoch.pkl"}))`, a counter kept in a `checkpoints` folder; a call that names two files is judged by all its text); a last word that names only the storage format of the name loaded into, `model_path_pickle`, leaves the word before it to say what it holds), while a file whose own name says nothing (`models/rf.pkl`) or also names a model (`models/model_data.joblib`), or a data file used as a model, is still reported. So is a dictionary of codes, the table an encoding step gives a column\'s values so that serving encodes its input as training did, when the name the load is bound to or the file\'s own name says so (`mappings = pickle.load(open("models/mappings.pkl", "rb"))`, `category_mapping`): it holds numbers and strings; so is a lookup table so named (`emp_lookup = pickle.load(open(MODELS_DIR / "emp_lookup.pkl", "rb"))`, the win rates counted for each state of a chase, which a predictor looks a state up in), a dictionary of values counted from the data, whatever folder keeps it; while a name that also names a model (`model_mapping`, which may map names to models, `model_lookup`), or such a file used as a model, is still reported. So is a load whose only model word is `model` after a word for a made thing, a phone\'s or a car\'s make and model, in the name it is bound to or the file\'s own name (`device_model = pickle.load(open("field_counts/device_model.pkl", "rb"))`, `car_models.pkl`): a column of the data (a click log\'s device model, a used-car table\'s model) whose values a program counts and pickles as it does every other column\'s, not a trained model; while a name or file with another model word (`car_price_model.pkl`, `device_model_clf`), a folder named for models, or such a table used as a model (`.predict`), is still reported. So is a file whose every save in the program writes a dictionary of records, no key or value of it naming a model or built from one (a resumable loop\'s progress, `joblib.dump({"results": rows, "next_idx": i + 1}, ckpt_file)`), whatever its name or the name it is read into says (`checkpoint_data = joblib.load(ckpt_file)`): it holds no model; one that also keeps a trained model, under any key, is still reported. A comment between the dictionary\'s entries (`"base_rate": 0.16,  # the leavers\' share`) is no entry of it: the dictionary holds what its entries hold. So is a loaded object only ever read by constant keys (`ckpt["rows"]`), every one of them a key of a dictionary of records the file itself saves: the progress one helper pickled, read back by another through a path parameter of its own (`def load_progress(progress_file)`), holds no model; a key that dictionary lacks, a saved dictionary that also keeps a model, or the object also used whole, is still reported. Nor is an object whose every use joins it into one array with others (`np.hstack((train_model1, train_model2))`, `np.concatenate`, `np.column_stack`): a stacker\'s first-level predictions, whatever their names or files say, since a model is never an array to join. Such a file used as a model (`summary.predict(X)`), or a loaded object also used otherwise, is still reported. A program that reads back a file it saved itself earlier in the same run (`torch.save(model, path)` then `torch.load(path)`; `pickle.dump(clf, open(p, "wb"))` then `pickle.load(open(p, "rb"))`, in a later cell of the notebook too; any save by which the program serializes an object it holds counts, a model\'s own `save` method into an in-memory buffer too (`model.save(buf)` then `torch.load(buf)`), also when the load reads a new buffer around that buffer\'s bytes (`pickle.dump(model, buf)` then `pickle.load(io.BytesIO(buf.getvalue()))`, also through a name bound to them, `model_bytes = buf.getvalue()`), while bytes copied into a file opened for writing (a download streamed to `open(p, "wb")`) may come from anywhere and are still reported; a FLAML search pickled by its own method, `automl.pickle(p)`, then `pickle.load(open(p, "rb"))`; a path known only at run time, written the same way over the same bindings, also through a name bound to it (`best = run_dir / "best.pt"` after saving to `run_dir / "best.pt"`), or read once through an object and once through its class (`net.WEIGHTS_DIR / "v3.pth"` of `net = CaptchaNet(...)` beside `CaptchaNet.WEIGHTS_DIR / "v3.pth"`), for Python finds an attribute on the class when the object has none of its own — while a name that may hold an object of another class, or an attribute the file sets on some object (`self.WEIGHTS_DIR = run_dir`), may name another folder —, or renamed the same way by pathlib (`args.out.with_suffix(".pth")` at the save and at the load, a round-trip check after an export; a last part known in full is renamed as pathlib does, so `(run_dir / "model.ckpt").with_suffix(".pt")` is `run_dir / "model.pt"`, while another suffix is another file), or turned into another by `str.replace` with constant arguments (`args.model_path.replace(".pth", "_best.pth")` at the save and at the load, the best epoch kept beside the final weights; a path known in full is replaced as Python does, while another replacement is another file), or built in a function from an attribute of the options its call hands it (`os.path.join(opt.experiment_root, "best_model.pth")` in `train(opt=options)`), which names after that call the folder the file gives `options.experiment_root` — set directly, or from a dictionary literal by a `setattr` loop (`for k, v in d.items(): setattr(options, k, v)`, a notebook\'s stand-in for parsed arguments) — or, when the file gives it no value or several, the same attribute read after the call (`os.path.join(args.out_dir, "final.pth")` after `export(args, net)`), while options filled from a file the program reads, or another folder, are still reported; a path taken from a list that only ever holds paths the run saved — each entry appended after the save of the path it records (`ckpts.append((step, acc, ckpt_path))` after `torch.save(model.state_dict(), ckpt_path)`), the list started empty and only sorted or sliced besides, also an entry of it kept in a second such list (`best.append(ckpts[-1])`), read as `ckpts[-1][2]`, or walked by a loop over it or a slice of it (`for p in snapshots[1:]`), which reads each entry in turn; its bindings and appends being those of that one variable, so that a list of the same name in another function (a test that lists a folder into its own `checkpoints`) is another list — names one of the files this run wrote, and so does a list an instance keeps (`self.cycle_ckpts`) that its class only starts empty and only appends to on `self`, each entry a path saved, or copied from a saved file, earlier in the appending method; while a list that also holds a path from elsewhere (a resumed run\'s file, an entry appended from outside the class), or one the program does not start empty, is still followed as before — the best epoch\'s weights saved to `os.path.join(args.save_dir, args.name)` in the training loop and loaded from it after the loop, or restored in a later pass of the loop from the other arm of the `if` that saved them (`if improved: torch.save(state, path)` then `elif patience == limit: state = torch.load(path)`), when no name in the path is bound inside the loop and nothing there tests whether the file exists; the best checkpoint restored earlier in a loop\'s body than it is saved, through a name the loop binds only after the load, each time in a statement that its own block follows with the save to that name (`model.load_state_dict(torch.load(best_file))` when training stalls, above `best_file = os.path.join(save_dir, tag)` and `torch.save(state, best_file)` where the loss improved), with nothing between binding and save that leaves the block and nothing bound to the name before the loop but a placeholder `None`: the load finds the name bound only over the loop\'s back edge, after the save ran, while a name also bound before the loop to a path from elsewhere (`best_file = args.resume`), a save under a condition of its own or after a `continue`, or a path the loop never binds (a constant `best.pt`, which the first pass reads from an earlier run) is still reported; the best epoch\'s checkpoint, saved in every pass under the loop variable by a statement of the loop\'s body itself (`torch.save(state, "{}.pkl".format(epoch))`, not under an `if`) and loaded after the loop through a name the loop sets only to that variable, after that save, and that before the loop holds nothing or the loop\'s first value (`best_epoch = epoch` when the loss improves, `best_epoch = 0` before `for epoch in range(n)`): whichever pass set the name saved that file, while a save only in some passes, or a start no pass saves (`best_epoch = -1`), is still reported; so is the file of the pass a list of per-pass scores picks by position, when a statement of the loop\'s own body appends one value to a list empty before the loop in every pass and saves that pass\'s file, and the load after the loop names it with the position plus the loop\'s first value for the loop variable and the element at that position for the value appended (Graph WaveNet\'s `his_loss.append(mvalid_loss)` and `torch.save(..., f"{args.save}_epoch_{epoch}_{round(mvalid_loss, 2)}.pth")` in `for epoch in range(1, n + 1)`, then `bestid = np.argmin(his_loss)` and `torch.load(f"{args.save}_epoch_{bestid + 1}_{round(his_loss[bestid], 2)}.pth")`): the element at a position is what that pass appended, so the path is the one it saved, while a save only in some passes, a position not shifted to the loop\'s start, a list that holds an earlier run\'s scores or is changed elsewhere, or a pass skipped before its append is still reported; the files a loop saved in every pass under its variable (`for fold in range(n): joblib.dump(clf, f"models/fold_{fold}.pkl")`, by a statement of its own body or of a `with` there, in a body with no `break` or `continue`), read back by a later loop over the same values, written alike over the same bindings (`for k in range(n): joblib.load(f"models/fold_{k}.pkl")`, the folds of an ensemble): each pass reads what the matching pass wrote, while an earlier loop that saves only in some passes, walks other values, or walks values a call may give anew (`kf.split(X)`) is still reported; the files a loop over a literal list of names reads in turn (`for name in ["RandomForest", "XGBoost"]: joblib.load(f"saved_models/{name}.joblib")`), when the file each name gives was saved before the loop — a comparison\'s models reloaded for their plots —, while a name whose file was never saved, or saved only after the loop, is still reported; the file an entry of a dictionary of names gives, picked by a key known only at run time (`best_file = model_file_map[best_name]` with `model_file_map = {"RandomForest": "random_forest.pkl", "XGBoost": "xgboost.pkl"}`, then `joblib.load(os.path.join(MODELS_DIR, best_file))`), when every value of the dictionary, bound once and not written into, gives a file saved before the load: whichever entry the key picks, it names one of the program\'s own files, while a dictionary with a name never saved, one written into before the pick, or a load before the saves, is still reported; through a helper whose path is its parameter — `def load_checkpoint(filepath): return torch.load(filepath)`, or a method: called on `self` or on an object the file builds from its class, or, a class or static method, through the class\'s name (`Probe.from_dump(path)` after `probe.dump(path)`), while a method of that name also called on an object of unknown class may be handed any file — when every call of it passes a path saved before that call, or a save helper called with the path before the load, also one that builds the path from its parameters (`def train(model, model_name, model_path): torch.save(best, model_path + model_name + ".pth")`, called as `train(model, model_name=model_name, model_path=model_path)` earlier in the body that then loads `model_path + model_name + ".pth"`), or called several times with other values, each call writing the file its own values name (`train(model, loader, experiment_name="tinyNetV2")` before `torch.load("models/best_tinyNetV2.pth")`; a name no call passed, or a load before the call, is still reported), also where the path comes down through functions of the file that hand their own parameters on, up to three (`meta_train(net, out_dir=run_dir)` calling `train_reptile(model, out_dir=out_dir)`, which saves to `os.path.join(out_dir, "best.pt")`, before `torch.load(os.path.join(run_dir, "best.pt"))`; a function in the chain that adds a part of its own, a time stamp, writes elsewhere), where a part stamped by a call (`model_name = model_name + datetime.now().strftime("%H%M")`) is one value over the one binding that holds it, while two names each bound by a call of their own may hold two stamps and stay apart; a file saved through a parameter and loaded through it later in the same run of its function, by the function itself or by a helper of the file it hands the parameter to first (`torch.save(net.state_dict(), snapshot)`, then `net.load_state_dict(torch.load(snapshot))` in each pass of a loop over the classes), whatever the calls pass — a random or timestamped name, or another path from each call: in one run of the function the parameter holds one path; a file a class\'s `__init__` saves and another of its methods loads from the same path (an LR finder that saves the initial weights when it is built and restores them after its range test), since a method runs on an instance only once its `__init__` has run (a static or class method needs no instance, and is still reported); a file saved by a function or method of the file whose first run, through the calls the program makes, comes before the load\'s — a helper the training loop calls, a method called on an object the file builds from its class or through `self` from another of its methods, `__call__` when the object itself is called (an early-stopping object whose `__call__` runs `self.save_checkpoint(model)` in the epoch loop, and `torch.load("checkpoint.pt")` after the loop), also when the object is handed to a function of the file that calls it there (`train_model(model, loader, early_stopping=stopper)`, whose epoch loop runs `early_stopping(val_loss, model)`): it saves during the call that hands it, to the path it was built with, each call to its own object\'s, also when a function of the file built the object and returned it, alone or in its tuple (`net, stopper = setup(args)`, where `setup(opts)` builds `EarlyStopping(path="net_" + opts.city + ".pt")`): the path is the one it was built with there, each parameter of that function filled in with the one value its calls pass (`args`), while a function called with two values, or that may return one of two objects, leaves the path unknown, while a path the function hands the method itself (`saver.save(net, os.path.join(out_dir, "last.pt"))`) is not known there — unless the two calls part into the two arms of one `if`; likewise in code nothing in the file runs, where each function or method nothing in the file calls is an entry another module or an entry point drives (a `main()`, a `Server.start()` that loops over rounds saving the best model, then calls `self.final_test()`, which loads it): a load every such entry reaches only after a call that saved the file reads what that run saved, while a load one entry reaches without that call before it (an `evaluate_only()` that only tests), or before it, or after a call that saves in a branch returning from the entry, may find an earlier run\'s file and is still reported; the file at a path attribute of an object the training loop called with the model in every pass, read into that same model after the loop (`self.early_stopping(val_loss, self.model)` in the loop, then `self.model.load_state_dict(torch.load(self.early_stopping.path))`), whatever the object\'s class: a checkpoint callback, often built in another module and handed in, that saves the best weights where its path says, while one handed another model, read inside the loop, or never called is still reported; in a test whose parameter names a pytest fixture of the same file, which pytest runs first and whose return or yield value the parameter holds, a file the fixture saved to the path it returns; in a test, a file under the test\'s own `tmp_path` (or `tmpdir`) parameter, the empty directory pytest makes for that one test, which only the test and the code it runs can have written (`train.main(out_dir=tmp_path)`, then `torch.load(tmp_path / "best.pt")`), and so for the same reason is a file under a directory the test made new for itself — `tempfile.mkdtemp()`, `with tempfile.TemporaryDirectory() as d`, or a folder created by a `mkdir` that fails when the folder exists (`run_dir.mkdir(parents=True)`, `os.makedirs(run_dir)`, run on no condition), also in a helper of the file that returns it alone or in a tuple, or a new directory a fixture of the file makes and hands the test a path under (`tmp_path_factory.mktemp("model_output")` or `tmpdir_factory.mktemp`, which make a new one at each call, or the fixture\'s own `tmp_path`, the one pytest gives the test), returned, yielded or in a tuple the test unpacks (`_, model_path = trained_model`), or by a fixture of a `conftest.py` that pytest loads before the module, asked for by a parameter of the test (`def test_round_trip(tiny_models):`, then `joblib.load(str(tiny_models / "yards" / "ridge_model.pkl"))`, where the conftest\'s `tiny_models(tmp_path_factory)` trains into `tmp_path_factory.mktemp("tiny_models")` and returns it), when every value that fixture returns or yields is such a directory or a path under it; so is a path under an attribute of an object built, in the test or by a fixture of the file it asks for, by a call given a keyword of that same name set to such a directory (`ctx.base_dir / "model.joblib"` for a fixture yielding `RunContext.start(base_dir=tmp_path)`), for the object keeps what it was given under that name, while another attribute, or a keyword set to a fixed folder, is still reported: pytest hands the test the fixture of the nearest conftest that defines the name, so one the module itself defines (any function of that name), a nearer conftest\'s fixture of a fixed folder, or a parameter of a helper that is neither a test nor a fixture keeps the load reported —, while a folder made with `exist_ok=True` or only when it is missing may be an old one and is still reported; in such a test, a path that a run reports back (`artifact.scaler_path` of `artifact = Trainer(config).run()`) when the run was told to write under such a directory, by a keyword that names its output location (`output_dir=tmp_path / "training"`, `save_path=`, `model_dir=`) given to a call of the chain, to the construction of an object handed to it (`default_args=dict(work_dir=tmp_dir)`) or in a helper of the file that builds the run and returns it, for what it made there is the test\'s own (a path spelled `f"{runner.work_dir}/epoch_2.pth"` lies under what it starts with, as `runner.work_dir / "epoch_2.pth"` does, and a path it reports under a constant key of the dictionary it returns, `res["model_path"]` of `res = run_one(models_dir=tmp / "models")`, is reported as `res.model_path` would be, while a key known only at run time may name any entry), while a location it is only told to read from (`data_dir=tmp_path`) says nothing of what it wrote; a path that a function of the file saved to and returned (`last = save_classifier(model, acc)` then `torch.load(last)`), while a helper that only names a path (`best_path(run_dir)`) saves nothing; a file saved, at a call made before the load, by a function of a project module the file imports (`from checkpoints import save_weights`, also through a relative or star import, or the module imported whole, also by name from its package, `from pkg.models import train` then `train.main(model_path=p)`, for the names a package gives may be its modules, and so from a folder with no `__init__.py`, `from nets import loop` of `nets/loop.py`, which Python 3 imports as a namespace package when it finds no module or regular package of that name) or by a method of a class of one, called on an object the file builds from it (`stopper = EarlyStopping(path="best.pt")`, then `stopper(val_loss, model)`, whose `__call__` reaches `self.save_checkpoint(...)`; also a class the file itself defines, an `EarlyStopping` a notebook writes in an earlier cell), the path read from the method\'s parameters — also those of a method of the class that calls it and hands it its own parameters unchanged at every such call (`__call__(self, val_loss, model, path)` calling `self.save_checkpoint(val_loss, model, path)`, which saves to `path + "/checkpoint.pth"`, so `stopper(loss, model, run_dir)` writes `run_dir + "/checkpoint.pth"`; a call that hands it anything else leaves the path unknown) — and from the attributes `__init__` sets from its own (`self.path = path`, also spelled another way, `self.filepath = Path(filepath)`, or a path `__init__` builds of them and of names its module imports, `self.ckpt_dir = os.path.join(CHECKPOINTS_PATH, "runs", dataset)`, which a caller that imports the same name from the same module and passes its own `dataset_name` loads as `os.path.join(CHECKPOINTS_PATH, "runs", dataset_name, ...)`; unless another method sets it again), also through an object `__init__` builds from such a class of its own module or of a project module it imports, one level down (a `Trainer(model, opt, ckpt_path)` that keeps `self.checkpoint = ModelCheckpoint(checkpoint_path)` and whose `fit` calls `self.checkpoint.save(model, epoch)`), when the path that object saves to is made of one parameter of the outer `__init__`: the trainer saves where it was told to, while an object built from a constant, or built again by another method, may save anywhere, also through another function of the module that it calls (`train(model, loader, path)` calling `save_model(model, os.path.join(path, "best_model.pt"))`), found beside the file, in a folder above it up to the project\'s root (`from src.utils import save_checkpoint`), under the root, or else in the one folder beside the file\'s own that has it (a notebook kept in `notebooks/` beside the `models/` it imports from), a package there too (`src/pkg/trainers/__init__.py` of a `src` layout, which an editable install puts on the path), a name a package\'s `__init__.py` imports from one of its modules (`from pkg.trainers.trainer import Trainer`) being that module\'s class or function, and read as it is on disk (a regular file of at most 1 MB, never a symlink): the path the function saves to is worked out over its parameters (`os.path.join(args.output_dir, checkpoint_prefix, "model.bin")`) and filled in with the call\'s arguments and the constant defaults (a part read from a name the module imports, `config.MODEL_SAVE_PATH` after `import config`, a settings module the project shares, holds what the calling file reads under the same import, which binds that name nowhere else: Python runs a module once per program, so both read one value; a file that imports it from elsewhere, or binds the name again, is still reported) — beside a splat (`train_tagger(config, serialization_dir=run_dir, **params)`) only with what the call names, a keyword argument, which the splat cannot give again since Python refuses a name given twice, or a position before the first `*` splat, while a parameter only a splat may give, its default too, is not known —, a part read as one entry of a settings object the call hands over (a `SimpleNamespace(...)` or `argparse.Namespace(...)` read as `config.BEST_MODEL_PATH`, also through the attribute `__init__` stores it in, `self.config.BEST_MODEL_PATH`, or a dictionary literal or `dict(...)` read as `cfg["save_path"]`), built in the call or bound once to a name, being the value the caller wrote for that entry (`trainer_cfg = SimpleNamespace(BEST_MODEL_PATH=cfg.best_model_path, ...)`, then `Trainer(model, optimizer, trainer_cfg).fit()` saves to `cfg.best_model_path`), while an object something writes into (`trainer_cfg.BEST_MODEL_PATH = other`), another entry of it, or an object the trainer was not handed says nothing of what it saved; an entry of a configuration the caller only holds in a name, read at run time (`config = load_config(args.config)`, then `InpaintingTrainer(model, config=config)`, whose `__init__` keeps `Path(config["checkpoint_dir"])`), is the entry a load reads through that name (`Path(config["checkpoint_dir"]) / "latest.pt"` after `trainer.train()`), whatever the file held, unless something writes that entry into the object after the call hands it over, or writes what it cannot tell (`config.update(overrides)`), while a write of another constant key (`config["start_epoch"] = epoch`) leaves it as it was, or, when the function returns the path it saved to, taken from the name its result is bound to (`checkpoint_path = save_checkpoint(model, out_dir)`, then `torch.load(checkpoint_path)`, that name otherwise holding only `None`, also through a plain copy of that name (`STATE_PATH = best_state_path`, then `torch.load(STATE_PATH)`, or the copy handed to the one call of a function of the file that loads its parameter), which holds what the name holds where it is copied, while a copy of a name bound again, or also, to a path from elsewhere (`ckpt = args.pretrained`) is still reported; also the name unpacked at the position of a tuple every return of the function gives the path it saved to in, `model_path, run_id = train_model(X, y)` after `joblib.dump(model, MODEL_PATH)` ... `return MODEL_PATH, run_id`, an early `return None, None` naming no file: and a project function that returns, in its own tuple, what it unpacked at that position from such a call (`model_path, run_id = train_model(X, y)`, then `return model_path, run_id`), which returns that path there too: a test that trains through the project\'s code and loads what that training returns reads the file just written, while another element of the tuple, or a tuple reworked before it is unpacked, may name any file; so is an entry of the record every return of such a function builds with the path it saved to, or with a name bound to a call of a project function that returns that path, under one keyword of a construction of a record class of its module (a dataclass, `NamedTuple`, attrs or pydantic class, or one whose `__init__` stores the parameter as it stands), read as an attribute, or under one constant key of a dictionary literal, read by that key, off the name the call is bound to after the call (`result = train_baseline(frame)`, then `joblib.load(result.model_path)`, where `train_baseline` returns `BaselineResult(variant=v, model_path=model_path, auc=auc)` after `model_path = _write_model(clf, models_dir=d)`, or `{"model_path": model_path}` after `joblib.dump(clf, model_path)`): another entry, an entry one return fills from elsewhere, a name bound again before the load, or an entry written after the call, may name any file), while a part the function works out itself (a time stamp) or a parameter it rebinds may name another file, so such a load is still reported, and so is the result of a function that only names a path; such a call made in a function of the file and handed the path whole, built over that function\'s own parameters (`save_checkpoint(model, optimizer, epoch, ckpt_path)` with `ckpt_path = os.path.join(args.ckpt_dir, run_id, "best.pth")` in `run_training(args, model, run_id)`), writes what each call of that function passes, as a save the file makes itself in that function does, so the load after `run_training(args, model, run_id)` of `os.path.join(args.ckpt_dir, run_id, "best.pth")` reads it, while a load of a run the calls did not pass (`args.base_run`) is still reported; and so, the other way round, does a load in a function of the file whose path is built over its parameters (`joblib.load(os.path.join(out_dir, "clf.joblib"))` in `verify_reload(out_dir)`, also through a keyword-only parameter, `def check(*, output_dir)`, which only `output_dir=` gives a value), when every call of that function comes after a save of the file its own values name (`verify_reload(out_dir)` just after `joblib.dump(clf, os.path.join(out_dir, "clf.joblib"))`): a round-trip check reads what its caller wrote, while a call made before the save, or handed a folder nothing saved into, is still reported; such a returned file handed on by a workflow of the file from the task that saved it to the task that loads it, also in a typed file that only carries its path (Flyte\'s `return JoblibSerializedFile(path=out)` after `joblib.dump(reg, out)`, then `score(model_file=fit(frame))`, read through `open(model_file, "rb")` or its local copy `model_file.download()`), when every call of the loading task passes such a result, and through a sub-workflow that returns it; a file the function of one task of an Airflow DAG of the file saves and the function of a task downstream of it loads (`train >> evaluate`, each a `PythonOperator(python_callable=...)`), when the file never calls the loading function itself: the scheduler starts a task only after the tasks upstream of it succeeded; a file a component of a Kubeflow pipeline of the file (a function under kfp\'s `@dsl.component`) loads from the path of its `Input[...]` artifact (`joblib.load(model_in.path)`), when every call in a `@dsl.pipeline` function of the file hands that artifact a task\'s `outputs["model_out"]` and the component that task runs saves to the path of its own `Output[...]` artifact of that name (`joblib.dump(reg, model_out.path)`): the platform starts a component only once the artifacts it is handed have been produced, while an artifact from an importer or a pipeline\'s input, or an output of the task nothing saves into, is still reported; a path kept in a dictionary literal of settings (or `dict(save_path=...)`) and read by a constant key, `torch.load(config["save_path"])` after the training function that dictionary was handed to (`trainer(model, config)`) saved the best weights to `config["save_path"]`, also through a name bound to the entry, names the file the entry holds — unless something writes into the dictionary before it is read; a copy through `pickle.loads(pickle.dumps(model))`, or through a name bound to the dumped bytes; files listed by a glob of the folder the program saved them into, by a pattern the saved names match, after the saves (`torch.save(shard, tmp_dir / f"part_{i:05d}.pt")`, then `for sp in sorted(tmp_dir.glob("part_*.pt")): torch.load(sp)`, also through `zip` and a progress bar): shards spilled to disk and merged; so is the one file picked out of such a listing (`best = max(list(ckpt_dir.glob("best_model_*.pt")), key=os.path.getctime)`, also `min(...)`, `next(...)` or a constant position, `files[-1]`), which is one of the files it lists, and a run-time part of the pattern may hold any text, as `*` does, so `glob(f"split{best}_round*.pt")` lists the per-round checkpoints the program saved as `f"split{k}_round{r}.pt"`; and so, as such a glob lists them, are the names `os.listdir` gives of that folder, joined back onto it under a test of their suffix or prefix the saved names pass (`for f in os.listdir(models_dir): if f.endswith(".joblib"): joblib.load(os.path.join(models_dir, f))` after `joblib.dump(best, f"{models_dir}/{name}.joblib")`), while a listing with no such test, which takes any file left there, a pattern the saved names do not match, one with no constant part (`glob(pattern)`), another folder, or a listing before the saves is still reported; a file read from the directory a training framework hands a checkpoint back in — Ray\'s `with result.checkpoint.as_directory() as d` after training, `get_checkpoint().as_directory()` to resume after a worker failure, `.to_directory()` — under a name the program itself saves into the directory it reports, `torch.save(state, os.path.join(tmp, "model.pt"))` with `Checkpoint.from_directory(tmp)`: the framework keeps and returns what the training reported; so, in Ray Tune\'s older function API, a file a trainable reads through its `checkpoint_dir` parameter under a name it saves itself inside `with tune.checkpoint_dir(step=epoch) as d`: Ray hands a resumed trial the directory of its last checkpoint through that parameter, while another name, another directory, or another function\'s parameter of that name is still reported; the file Lightning\'s `ModelCheckpoint` callback reports in `best_model_path` or `last_model_path`, read after a `fit` (`torch.load(checkpoint.best_model_path)` once `trainer.fit(system)` has run with the callback), or read through a parameter typed as that callback (`def load_best(module, checkpoint_cb: ModelCheckpoint)`), also through a name bound to the path: it sets those paths only when it saves a checkpoint of the training it watches, and they are empty before; so is the file an Ignite checkpoint handler (`ModelCheckpoint`, `Checkpoint`) reports in `last_checkpoint`, read after the handler was called (`saver(engine, to_save)`) or an engine it was attached to ran (`trainer.add_event_handler(Events.EPOCH_COMPLETED, saver)`, then `trainer.run(loader)`) between its construction and the load, also through a name bound to it: the attribute is `None` until the handler saves, and then names the file it saved, while the attribute read before the handler ran, or read off an object that is no such handler, is still reported; the file a checkpoint callback is handed as the path to save the best model to, read after a `fit` that ran once the callback was built (SchNetPack\'s `spk.train.ModelCheckpoint(model_path=p)`, which writes the whole inference model to `p`, then `torch.load(p)`), while another file beside it, or the same file read before the fit, is still reported; the file a save method is handed as a folder and a file name apart (`trainer.save(path="models_dir/", model_filename="model_1.pt")`, `learner.save_model("ckpts", file_name="best.pt")`), read after that save at the path that joins them (`torch.load("models_dir/model_1.pt")`, `os.path.join(folder, "best.pt")` over the same folder), since the method writes that name into that folder, while another name in the folder, a folder saved with no name given (the library\'s default file name, which the program never writes out), a run-time part worked out by a call written out again, or a load before the save is still reported; a relative path read after the program moved with the one constant `os.chdir("webapp")` of the file, which names the `webapp/...` file it saved before the move; a file the program saved and then moved or copied to another path (`os.rename`, `os.replace`, `shutil.move`, `shutil.copy`), read at that path after the move, also through a function of the file or of a project module that writes a temporary file and moves it onto the path it is given (an atomic save: `torch.save(value, tmp)`, then `os.replace(tmp, path)`, also after `path = Path(path)`, which only spells the same path another way), which saves to what each call passes — a moved file holds what its save wrote, while a file moved into place that nothing in the program saved (a download), or moved before its save (the previous run\'s checkpoint kept as a backup), is still reported; a file downloaded from the Hugging Face Hub, `hf_hub_download(repo, "net.pkl")`, that the program wrote into that repository under that name before the download — `HfApi().upload_file(path_or_fileobj=p, path_in_repo="net.pkl", repo_id=repo)`, or any writer given the same `repo_id=` and `path_in_repo=`, such as a training callback that uploads its checkpoint there) unpickles only what it pickled, with the library versions that pickled it: no foreign file, nothing to pin. A part of such a function\'s path that picks a parameter or a fallback name (`filename = save_name if save_name else "default.pth"`, `save_name or "default.pth"`, `"default.pth" if save_name is None else save_name`) names the parameter\'s file where the call gives it a value, and the fallback where the call leaves out a parameter that defaults to `None`, or passes `None`: `train_model(model, loader, save_name="transformer.pth")` saves `transformer.pth`, and `train_model(model, loader)` saves `default.pth`; a call through a splat (`**opts`), which may give the parameter, a parameter with no `None` default, or another test (`save_name == "x"`) leaves the fallback\'s file unknown, and a load of it is still reported. A part of such a path in one case (`f"{model_name.lower()}.pth"` with `model_name = model.__class__.__name__`, a checkpoint named after the class of the model it is handed) is the same text whenever it runs: it names the file a load after the call names with that part in the same case over the object the call was handed (`model_name = model.__class__.__name__.lower()`, then `torch.load(os.path.join(MODEL_DIR, f"{model_name}.pth"))` after `fit(model, loader)`), while another object (`baseline.__class__`), another case (`.upper()` of a part saved lowered), or a part computed by another call (`time.strftime("%H%M").lower()`) is still reported. So is a load that its own function makes after calling a method or function of the file that saves the path in every run of it, with no `if` or loop around the save there (`self._train_and_save()`, whose `try` pickles to `self.model_path`, then `pickle.load(open(Path(self.model_path), "rb"))`), the path read through an attribute of `self` that the file sets once, also spelled another way or through a name bound to it, as loads of one file are grouped: that call wrote the file the load reads; a method that saves only under a condition (`if not os.path.exists(self.model_path):`, or in one arm of an `if`) may leave an earlier run\'s file in place, and the load is still reported. A load that runs only where the library\'s version is the one that saved the file (`if sklearn.__version__ == SAVED_WITH:` around it, alone or joined by `and`), or under scikit-learn\'s version warning checked or made an error (`with warnings.catch_warnings(record=True)` around it in a function that looks for `InconsistentVersionWarning` among the caught warnings, or `warnings.simplefilter("error", InconsistentVersionWarning)` before it), depends on that version openly, not silently: it is still reported for unpickling, and its message leaves the version out. A file saved in another script, or only in one arm of an `if` whose other arm loads it (with no loop around the `if`, in an arm below the load\'s, in a loop whose pass tests whether the file exists or whose path is bound anew in each pass: a cache from an earlier run, another file), or in a `try` body whose `except` handler loads it, or in a branch that returns from its function before a load that follows the branch (`if not predict:` that trains, saves and `return`s), which runs only where the save did not, is still reported, as is a task also handed a file from elsewhere (a workflow\'s input, a typed file around a path nothing in the file saved), and so is a run-time path that may name another file: one with a part computed by a call (`time.strftime(...)`) written out again at the load, or one reached through a parameter of two functions. A part worked out only from the script\'s own location (`os.path.dirname(os.path.abspath(__file__))`, `Path(__file__).resolve().parent`) is the same at every evaluation: such a path written out again at the load, or bound to a name there (`best_path = os.path.join(os.path.dirname(__file__), "models", "best.pth")` after the loop that saved there), names the file the program saved, while `os.getcwd()`, which a `chdir` changes, or any other call may name another. So is a part worked out by pure path steps (`Path(...)`, `os.path.dirname(...)`, `.parent`, `str(...)`, a change of case, `.lower()` or `.upper()`) over a plain read, `models_dir = Path(config["model"]["path"]).parent`: it names the folder of what the read names, so `models_dir / name` in a loop over the literal names the program saved there reads its own files, while such a step over any other call (`Path(latest_run(config)).parent`) may name another run\'s folder. A name bound to such a path holds one value wherever that binding reaches (`path = tmp_path / f"{time.time()}.pt"`, then `torch.save(..., path)` and `torch.load(path)`): the same file; the same name bound again by a second call need not be. So is a path that reads such a name in a longer expression (`path + args.save` at the save and at the load, after `path = args.out + str(time.time()) + "/"`): it is worked out over that one binding, while a call written out again in the expression itself (`args.out + str(time.time()) + args.save` at both) may name another file. So too when a project function saves to a path built from its parameters and the call hands it such a name (`generate_results(clf, X, y, tmp, run_id)` after `tmp = mkdtemp() + "/"`, whose helper pickles to `"{0}{1}/model_{1}.pkl".format(out_root, run_id)`): the file it saves is worked out over the binding the argument reads, so a load that reads the same binding (`"{}/model_{}.pkl".format(outdir, run_id)` with `outdir = tmp + run_id`) names it, while another binding of the same call (`other = mkdtemp() + "/"`) or the call written out again in the argument or the load may name another folder. A placeholder `None` bound to the name (`best_path = None` before the loop that binds it to the best epoch\'s file and saves there) names no file: a load through the name reads, when it reads anything, what its other bindings name, so a name the loop binds only to paths it then saves holds the program\'s own file, while one whose other binding names a path from elsewhere (`resume_path = args.resume`) is still reported.',
    },
  },
  listen,
};
