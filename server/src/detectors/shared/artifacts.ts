// Models written to disk: `joblib.dump`, `pickle.dump`, `torch.save`, `save_model`, `.save(...)`,
// `save_pretrained`. Shared by the rules about unversioned artefacts and unevaluated models.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';
import { enclosingFunction, methodClass, sameNode, stripParens } from '../../semantics/nodes';
import { stringValue } from '../../semantics/literals';
import { isPreprocessorClass } from '../../semantics/training';
import type { CalleeSelection } from '../types';
import { ML_PACKAGES, modelSelectionName } from './libraries';
import { trainingOf } from './models';
import { bindingsOf } from './objects';
import { oncePer, pushTo } from '../../engine/collections';

export interface ModelSave {
  call: CallSite;
  /** The object written (`model`, `model.state_dict()`), when the call names it. */
  model?: Node;
  /** The file path expression. */
  path: Node;
}

const MODEL_EXTENSIONS = /\.(pkl|pickle|joblib|sav|pt|pth|ckpt|h5|hdf5|keras|onnx|safetensors|bin|model|ubj|cbm|xgb|lgb)$/i;
/** Methods by which an object writes itself: `model.save_model(path)`, `trainer._save(dir)`, `model.save(path)`. */
const RECEIVER_SAVES = new Set(['save_model', 'save_pretrained', '_save', 'save']);
const KERAS_SAVE = new Set(['keras.models.save_model', 'tensorflow.keras.models.save_model', 'keras.saving.save_model']);

/** Every callee `modelSave` can accept, for the rules that subscribe to them. */
export const MODEL_SAVE_CALLEES: CalleeSelection = {
  qualified: ['joblib.dump', 'sklearn.externals.joblib.dump', 'pickle.dump', 'dill.dump', 'cloudpickle.dump', 'torch.save', ...KERAS_SAVE],
  methods: RECEIVER_SAVES,
};

function save(call: CallSite, model: Node | undefined, path: Node | undefined): ModelSave | undefined {
  if (!path) return undefined;
  return model ? { call, model, path } : { call, path };
}

/** The model a call writes to disk, if it writes one. */
export function modelSave(index: SemanticIndex, call: CallSite): ModelSave | undefined {
  const q = call.qname;
  const first = call.args[0];
  if (q === 'joblib.dump' || q === 'sklearn.externals.joblib.dump') {
    const object = first ?? call.kwargs.get('value');
    return looksLikeModel(index, object) || isModelValue(index, object) ? save(call, object, savedPath(index, call)) : undefined;
  }
  if (q === 'pickle.dump' || q === 'dill.dump' || q === 'cloudpickle.dump') {
    return looksLikeModel(index, first) ? save(call, first, savedPath(index, call)) : undefined;
  }
  if (q === 'torch.save') {
    const object = first ?? call.kwargs.get('obj');
    return looksLikeTorchModel(index, object) ? save(call, object, savedPath(index, call)) : undefined;
  }
  if (q && KERAS_SAVE.has(q)) return save(call, first ?? call.kwargs.get('model'), savedPath(index, call));
  if (!q && call.receiver && call.method !== undefined && RECEIVER_SAVES.has(call.method) && index.importsAny(ML_PACKAGES)) {
    const path = first ?? call.kwargs.get('filepath') ?? call.kwargs.get('fname') ?? call.kwargs.get('save_directory');
    if (call.method === 'save_model' || call.method === 'save_pretrained' || (call.method === '_save' && isTrainer(index, call.receiver))) return save(call, call.receiver, path);
    // `.save(...)` is everywhere (images, figures); count it only with a model file name.
    if (call.method === 'save' && path && (index.importsAny(['tensorflow', 'keras']) || index.importsModule('torch'))) {
      const known = index.dataflow.exactPathOf(path);
      if (known && MODEL_EXTENSIONS.test(known.value)) return save(call, call.receiver, path);
    }
  }
  return undefined;
}

/** The file a library save writes, as the I/O catalogue reads it (the file a file object was opened on, for a pickle). */
function savedPath(index: SemanticIndex, call: CallSite): Node | undefined {
  return index.dataflow.dataIOAt(call.node)?.path;
}

/**
 * Names of what a pipeline pickles between steps (predictions, probabilities, out-of-fold scores,
 * results, images, a model's input arrays), and of the records it keeps beside its models (a run's
 * status, a summary, metrics, statistics of the data under a plural statistic's name (`percentiles`,
 * `quantiles`; a singular `quantile_model` is a quantile regressor), a training history, a report,
 * metadata, information about the model such as its input sizes (`model_max_len`, `model_input_dims`), the names of the columns a model reads (also their order, `feature_order`), the decision threshold chosen for
 * it, the weights a computation gives features, classes or samples, the distinct values of a column
 * kept to rebuild its one-hot columns, the labels a classifier's outputs are named by (also a dictionary
 * between labels and their indices, `label_mapping`, `class_to_idx`, `id2label`), the vocabulary
 * a text model's inputs are indexed by (`words_dict`, `word2idx`, `vocab`), a dictionary of words, the arrays
 * of a split as scikit-learn's convention names them (`X_train`, `y_test`, `train_x`), while a
 * pickled `tokenizer` is an object with methods, a `labels_encoder` is an encoder and `model_classes` may hold Python classes), and
 * what explaining a model computed (`shap_values`, attributions, feature importances: arrays, while a
 * pickled SHAP `explainer` holds the model): in `model_preds` or `model_info`,
 * "model" only says whose they are. `predictor` is a model.
 */
export const DATA_WORDS = /pred(?!ictor)|sigmoid|probs|proba|probabilit|logit|(^|[^a-z])oof|embedding|arrays?|shap_?values?|(^|[^a-z])(attributions?|importances?)([^a-z]|$)|(^|[^a-z])(results?|scores?|status|stats|statistics|percentiles|quantiles|summary|summaries|metrics?|history|report|metadata|info|len|lengths?|sizes?|dims?|dimensions?|shapes?|features|columns|cols|names|(feature|column|col)s?_?(order|list)|thresholds?|(feature|class|sample)_?weights?|unique)([^a-z]|$)|(^|[^a-z])labels(?![_-]?(encoder|binarizer))([^a-z]|$)|(^|[^a-z])(label|class)(es|s)?_?(map(ping)?s?|dict|2idx|2id|to_?(idx|id|index))([^a-z]|$)|(idx|id|index)_?(2|to)_?(label|class)(es|s)?([^a-z]|$)|(^|[^a-z])vocab(ular(y|ies))?s?([^a-z]|$)|words?_?(dict|index|2idx|2id|to_?idx)|(idx|id)_?(2|to)_?words?|(^|[^a-z])[xy]_?(train|test|val|valid|validation|dev|tr|te)\d*([^a-z]|$)|(^|[^a-z])(train|test|val|valid)_?[xy]([^a-z]|$)|^(images?|imgs?|masks?)\d*$/i;

function looksLikeModel(index: SemanticIndex, object: Node | undefined): boolean {
  if (!object) return false;
  const constructed = index.constructedClass(object);
  if (constructed && /^(sklearn|xgboost|lightgbm|catboost|torch|tensorflow|keras|transformers)\./.test(constructed)) return true;
  const node = stripParens(object);
  if (!/model|clf|classifier|regressor|estimator|pipeline|pipe\b|booster/i.test(node.text)) return false;
  // A variable or attribute whose own name says it only holds something about a model (`model_info`,
  // `self.model_history`) holds no model; an entry taken out of a container (`runs["model"]`) has no such name.
  const name = node.type === 'identifier' ? node : node.type === 'attribute' ? node.childForFieldName('attribute') : undefined;
  return !name || !DATA_WORDS.test(name.text);
}

/**
 * A value the file builds or trains as a model (`est = LocalForest(...)`, a name a `fit` trains),
 * for `joblib.dump`, which writes any object: the state of a simulation or the indices a Monte
 * Carlo script keeps beside its results are not models.
 */
function isModelValue(index: SemanticIndex, object: Node | undefined): boolean {
  return !!object && (index.dataflow.kindOf(object)?.kind === 'model' || !!trainingOf(index.dataflow, object));
}

/**
 * `torch.save` writes any object; count models, state dicts and checkpoints (`{"model": ...}`),
 * not the datasets and tensors it also serialises (`torch.save(train_dataset, "train.pt")`).
 */
function looksLikeTorchModel(index: SemanticIndex, object: Node | undefined): boolean {
  if (!object) return false;
  const node = stripParens(object);
  if (node.type === 'dictionary' || (node.type === 'call' && index.call(node)?.method === 'state_dict')) return true;
  if (tensorTakenOut(node)) return false;
  if (index.dataflow.kindOf(node)?.kind === 'model') return true;
  return looksLikeModel(index, node) || /state|checkpoint|ckpt|weights|net\b/i.test(node.text);
}

/** Attributes and methods that only a tensor answers: a parameter's values, its gradient, a detached copy. */
const TENSOR_ATTRIBUTES = new Set(['weight', 'bias', 'data', 'grad']);
const TENSOR_METHODS = new Set(['detach', 'numpy', 'tolist']);
/** Methods that move or convert a tensor and give back a tensor (or, on a module, the module). */
const TENSOR_MOVES = new Set(['cpu', 'cuda', 'to', 'clone', 'contiguous', 'float', 'half', 'double', 'bfloat16']);

/**
 * A tensor taken out of a model (`model.embedding.weight.data.cpu()`, `net.fc.bias.detach()`):
 * one parameter's values, saved as a feature table or for analysis, not a model that could be
 * loaded and run. Read from the outside in: through the calls that only move a tensor, to an
 * attribute or a method only a tensor has. Only that end of the chain counts: a model reached
 * through an object called `data` (`self.data.model`) is still a model.
 */
function tensorTakenOut(node: Node): boolean {
  let current = node;
  while (current.type === 'call') {
    const callee = current.childForFieldName('function');
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : '';
    if (TENSOR_METHODS.has(method)) return true;
    const object = callee?.childForFieldName('object');
    if (!TENSOR_MOVES.has(method) || !object) return false;
    current = object;
  }
  return current.type === 'attribute' && TENSOR_ATTRIBUTES.has(current.childForFieldName('attribute')?.text ?? '');
}

/** A Hugging Face `Trainer` (or a subclass): `trainer._save(dir)` writes its model. */
function isTrainer(index: SemanticIndex, receiver: Node): boolean {
  const constructed = index.constructedClass(receiver);
  return constructed ? /Trainer$/.test(constructed) : /(^|_)trainer$/i.test(stripParens(receiver).text);
}

/**
 * What a save writes, when it is not a model: a companion that ships beside one (a tokenizer,
 * processor, feature extractor or config), or data and preprocessing (a data frame, an array,
 * the rows of a split, a fitted scaler or encoder).
 */
export type NonModel = 'companion' | 'data';

const COMPANION_CLASS = /(Tokenizer|TokenizerFast|Processor|FeatureExtractor|Config)(\.from_pretrained)?$/;
const COMPANION_NAME = /(tokenizer|processor|feature_extractor|config)$/i;
const DATA_KINDS = new Set(['frame', 'array', 'dataset', 'predictions']);

export function nonModelSaved(index: SemanticIndex, saved: ModelSave): NonModel | undefined {
  if (!saved.model) return undefined;
  const object = stripParens(saved.model);
  const constructed = index.constructedClass(object);
  if (constructed ? COMPANION_CLASS.test(constructed) : COMPANION_NAME.test(object.text)) return 'companion';
  if (isPreprocessor(index, object)) return 'data';
  const kind = index.dataflow.kindOf(object);
  if (kind && DATA_KINDS.has(kind.kind)) return 'data';
  return isSplitOutput(index, object) ? 'data' : undefined;
}

/** A fitted preprocessor (a scaler, an encoder), by the class that built or fitted it, or in every binding of its name. */
function isPreprocessor(index: SemanticIndex, object: Node): boolean {
  const stored = storedInInit(index, object);
  if (stored) return isPreprocessor(index, stored);
  const kind = index.dataflow.kindOf(object);
  const className = kind?.kind === 'model' ? kind.className : index.constructedClass(object) ?? fittedClass(index, object);
  if (className && PIPELINES.has(className)) return endsInPreprocessor(index, object, PIPELINES.get(className)!);
  return className ? isPreprocessorClass(index, className) : preprocessorInEveryBinding(index, object);
}

/**
 * What `self.pipeline` holds when the file's one assignment to an attribute of that name, on any
 * object, is `self.pipeline = Pipeline([...])` in `__init__` of the class whose method reads it: every
 * instance holds what its construction stored. An attribute set anywhere else too, or by `setattr`,
 * may hold something else by the time it is read.
 */
function storedInInit(index: SemanticIndex, object: Node): Node | undefined {
  const name = object.type === 'attribute' && object.childForFieldName('object')?.text === 'self' ? object.childForFieldName('attribute')?.text : undefined;
  const method = name ? enclosingFunction(object) : undefined;
  const cls = method && methodClass(method);
  if (!name || !cls || callsSetattr(index)) return undefined;
  // A placeholder `None` or a copy read back from a file (`self.pipeline = joblib.load(path)`) builds nothing.
  const stores = (attributeStores(index).get(name) ?? []).filter((node) => !buildsNothing(index, node));
  const [store] = stores;
  const init = store && enclosingFunction(store);
  const assignment = store?.parent;
  if (stores.length !== 1 || store.childForFieldName('object')?.text !== 'self' || assignment?.type !== 'assignment') return undefined;
  if (!init || init.childForFieldName('name')?.text !== '__init__' || methodClass(init)?.startIndex !== cls.startIndex) return undefined;
  return assignment.childForFieldName('right') ?? undefined;
}

/** Whether the file calls `setattr`: worked out once per document, not once per save asked about. */
const callsSetattr = oncePer((index: SemanticIndex): boolean => index.nodes('call').some((call) => call.childForFieldName('function')?.text === 'setattr'));

/** The targets that write each attribute name, on any object (isStoreTarget), listed once per document. */
const attributeStores = oncePer((index: SemanticIndex): Map<string, Node[]> => {
  const stores = new Map<string, Node[]>();
  for (const node of index.nodes('attribute')) {
    const name = node.childForFieldName('attribute')?.text;
    if (name && isStoreTarget(node)) pushTo(stores, name, node);
  }
  return stores;
});

/** `self.pipeline = None`, or `= loaded` where `loaded = joblib.load(path)`: the attribute stored holds nothing built here. */
function buildsNothing(index: SemanticIndex, target: Node): boolean {
  const assignment = target.parent;
  const right = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('left'), target) ? assignment.childForFieldName('right') : undefined;
  const value = right ? stripParens(index.valueOf(right)) : undefined;
  return !!value && (value.type === 'none' || (value.type === 'call' && index.dataflow.dataIOAt(value)?.direction === 'read'));
}

/** The attribute is written: the target of an assignment (also inside a tuple of targets), a loop or a `del`. */
function isStoreTarget(node: Node): boolean {
  let target: Node = node;
  while (target.parent && (target.parent.type === 'pattern_list' || target.parent.type === 'tuple_pattern' || target.parent.type === 'list_pattern')) target = target.parent;
  const parent = target.parent;
  if (!parent) return false;
  if (parent.type === 'assignment' || parent.type === 'augmented_assignment' || parent.type === 'for_statement') return parent.childForFieldName('left')?.startIndex === target.startIndex;
  return parent.type === 'delete_statement';
}

/** Pipelines, by how their steps are given: a list of (name, step) pairs, or the steps as arguments. */
const PIPELINES: ReadonlyMap<string, 'pairs' | 'arguments'> = new Map([
  ['sklearn.pipeline.Pipeline', 'pairs'],
  ['imblearn.pipeline.Pipeline', 'pairs'],
  ['sklearn.pipeline.make_pipeline', 'arguments'],
  ['imblearn.pipeline.make_pipeline', 'arguments'],
]);

/**
 * A pipeline whose last step is a preprocessor (`Pipeline(steps=[("rows", RowCleaner()), ("encode",
 * FunctionTransformer(encode))])`, `make_pipeline(SimpleImputer(), StandardScaler())`) or
 * `"passthrough"`: a pipeline predicts through its last step only, so one that ends in a transformer
 * only transforms. Steps the file does not write out (a list built elsewhere, a splat) say nothing.
 */
function endsInPreprocessor(index: SemanticIndex, object: Node, form: 'pairs' | 'arguments'): boolean {
  let call = index.originCall(object);
  if (call?.method === 'fit' && call.receiver) call = index.originCall(call.receiver);
  if (!call || call.hasSplat) return false;
  let last: Node | undefined;
  if (form === 'arguments') last = call.args.at(-1);
  else {
    const given = call.kwargs.get('steps') ?? call.args[0];
    const steps = given ? stripParens(index.valueOf(given)) : undefined;
    const pair = steps?.type === 'list' ? steps.namedChildren.filter((item) => item?.type !== 'comment').at(-1) : undefined;
    last = pair?.type === 'tuple' ? pair.namedChildren.filter((item) => item?.type !== 'comment')[1] ?? undefined : undefined;
  }
  if (!last) return false;
  if (stringValue(last) === 'passthrough') return true;
  const className = index.constructedClass(last);
  return !!className && isPreprocessorClass(index, className);
}

/**
 * A model the file builds or trains, not a fitted preprocessor: what a saved dictionary keeps the
 * model itself under, beside the companions it ships with (`{"model": model, "features": cols}`).
 */
export function isBuiltModel(index: SemanticIndex, node: Node): boolean {
  const object = stripParens(node);
  return isModelValue(index, object) && !isPreprocessor(index, object);
}

/** The class of `Scaler().fit(X)`: fitting returns the estimator it was called on. */
function fittedClass(index: SemanticIndex, object: Node): string | undefined {
  const call = index.originCall(object);
  return call?.method === 'fit' && call.receiver ? index.constructedClass(call.receiver) : undefined;
}

/**
 * A name whose every binding that reaches the save and builds an object builds a preprocessor
 * (`scaler = StandardScaler()` in one branch, `scaler = MinMaxScaler()` in the other): no one
 * class, but a scaler whichever runs. A placeholder `None` or a copy read back from a file (a cache
 * of an earlier run) builds nothing, so it does not make the name a model.
 */
function preprocessorInEveryBinding(index: SemanticIndex, object: Node): boolean {
  const bindings = object.type === 'identifier' ? bindingsOf(index.dataflow, object) : [];
  const built = bindings.flatMap((definition) => {
    const value = definition.value && stripParens(definition.value);
    if (!value || value.type === 'none' || (value.type === 'call' && index.dataflow.dataIOAt(value)?.direction === 'read')) return [];
    return [index.constructedClass(value) ?? fittedClass(index, value)];
  });
  return built.length > 0 && built.every((className) => !!className && isPreprocessorClass(index, className));
}

/** A name bound by unpacking a split (`X_train, X_test, y_train, y_test = train_test_split(...)`): rows, not a model. */
function isSplitOutput(index: SemanticIndex, object: Node): boolean {
  if (object.type !== 'identifier') return false;
  const definition = index.bindingAt(object);
  return definition?.kind === 'unpack' && index.callsWithin(definition.statement).some((call) => modelSelectionName(call.qname) === 'sklearn.model_selection.train_test_split');
}
