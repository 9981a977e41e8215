// Models in a file: where one is asked for its output, and where it is trained. A model bound by
// `model = Model().fit(X, y)` is trained by the call that built it.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { DataFlow, TrainingCall } from '../../semantics/dataflow';
import { sameNode, stripParens } from '../../semantics/nodes';
import type { CallSite } from '../../semantics/types';
import { estimatorArgument } from './evaluation';
import { lastSegment, packageOf } from './libraries';
import { assignedName, bindingsOf, mayBeSameObject, sameObjectKey, shortText } from './objects';
import { pushTo } from '../../engine/collections';

/** Methods that return a model's output for new data. */
export const OUTPUT_METHODS: ReadonlySet<string> = new Set(['predict', 'predict_proba', 'predict_log_proba', 'decision_function']);

/** The model a call asks for its output (`base` in `base.predict(X)`), when the receiver is clearly a model. */
export function predictingModel(index: SemanticIndex, call: CallSite): Node | undefined {
  if (!call.method || !OUTPUT_METHODS.has(call.method) || !call.receiver) return undefined;
  return index.dataflow.kindOf(call.receiver)?.kind === 'model' ? call.receiver : undefined;
}

/** The training calls of a document by the object they train and by the call itself, in document order. */
interface TrainingLookup {
  byObject: Map<string, TrainingCall[]>;
  byCall: Map<number, TrainingCall[]>;
  order: Map<TrainingCall, number>;
}

const trainingLookups = new WeakMap<DataFlow, TrainingLookup>();

function trainingLookup(flow: DataFlow): TrainingLookup {
  let lookup = trainingLookups.get(flow);
  if (lookup) return lookup;
  lookup = { byObject: new Map(), byCall: new Map(), order: new Map() };
  for (const training of flow.trainingCalls) {
    lookup.order.set(training, lookup.order.size);
    const key = training.model && sameObjectKey(training.model);
    if (key !== undefined) pushTo(lookup.byObject, key, training);
    const start = training.call.node.startIndex;
    pushTo(lookup.byCall, start, training);
  }
  trainingLookups.set(flow, lookup);
  return lookup;
}

/**
 * The training call of a model, if the file trains it: a fit on the same object, or the fit that
 * built it. Only the fits on the same name and path (or at the building call) are compared, so
 * that asking for every model of a long file stays linear.
 */
export function trainingOf(flow: DataFlow, model: Node): TrainingCall | undefined {
  const lookup = trainingLookup(flow);
  const built = bindingsOf(flow, model).flatMap((definition) => (definition.value ? [stripParens(definition.value)] : []));
  const key = sameObjectKey(model);
  const candidates = [...(key === undefined ? [] : lookup.byObject.get(key) ?? []), ...built.flatMap((value) => lookup.byCall.get(value.startIndex) ?? [])];
  candidates.sort((a, b) => lookup.order.get(a)! - lookup.order.get(b)!);
  return candidates.find((training) => (training.model && mayBeSameObject(flow, training.model, model)) || built.some((value) => sameNode(value, training.call.node)));
}

/** Where the models that only receive saved weights (`model.load_model(path)`, never trained here) are constructed. */
export function loadedModelOrigins(index: SemanticIndex): Set<number> {
  const origins = new Set<number>();
  for (const call of index.calls) {
    if (call.method !== 'load_model' || !call.receiver) continue;
    const kind = index.dataflow.kindOf(call.receiver);
    const origin = kind?.kind === 'model' ? kind.origin : builtJustBefore(call);
    if (origin && !trainingOf(index.dataflow, call.receiver)) origins.add(origin.startIndex);
  }
  return origins;
}

/**
 * The call bound to the load's receiver by the statement right before it (`self.model = CatBoostRegressor()`
 * above `self.model.load_model(path)`): the value kinds follow names, not attributes, so a shell
 * held by an attribute is known by that binding.
 */
function builtJustBefore(load: CallSite): Node | undefined {
  const statement = load.node.parent;
  const key = load.receiver && sameObjectKey(load.receiver);
  if (statement?.type !== 'expression_statement' || key === undefined) return undefined;
  let previous = statement.previousNamedSibling;
  while (previous?.type === 'comment') previous = previous.previousNamedSibling;
  const binding = previous?.type === 'expression_statement' ? previous.namedChild(0) : null;
  const left = binding?.type === 'assignment' ? binding.childForFieldName('left') : null;
  const right = binding?.childForFieldName('right');
  const value = right && stripParens(right);
  return left && sameObjectKey(left) === key && value?.type === 'call' ? value : undefined;
}

/**
 * `est = SGDRegressor()` (or `self.model = ...`) followed at once by statements that set its learned
 * attributes from saved values (scikit-learn's trailing-underscore names: `est.coef_ = coef`,
 * `est.intercept_ = b`), and never trained through that binding: a model restored, not trained, as
 * a shell that `load_model` fills is. `construction` is the call that builds it.
 */
export function restoredFromValues(flow: DataFlow, construction: Node): boolean {
  const assignment = construction.parent;
  const target = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), construction) ? assignment.childForFieldName('left') : null;
  const line = assignment?.parent;
  const key = target && (target.type === 'identifier' || target.type === 'attribute') ? sameObjectKey(target) : undefined;
  if (!target || key === undefined || line?.type !== 'expression_statement') return false;
  let restored = false;
  for (let next = line.nextNamedSibling; next?.type === 'expression_statement' || next?.type === 'comment'; next = next.nextNamedSibling) {
    if (next.type === 'comment') continue;
    const set = next.namedChild(0);
    const left = set?.type === 'assignment' ? set.childForFieldName('left') : null;
    const object = left?.type === 'attribute' ? left.childForFieldName('object') : null;
    if (!object || sameObjectKey(object) !== key || !/^[a-z]\w*_$/.test(left?.childForFieldName('attribute')?.text ?? '')) break;
    restored = true;
  }
  return restored && !trainingOf(flow, target);
}

/** How to name a training call in a message: `clf.fit`, also for `clf = LogisticRegression().fit(X, y)`. */
export function trainingLabel(call: CallSite): string {
  const bound = assignedName(call.node);
  if (call.method && call.receiver && stripParens(call.receiver).type === 'call' && bound) return `${bound.text}.${call.method}`;
  return shortText(call.callee);
}

/** scikit-learn-style classifiers: they all give scores (`predict_proba` or `decision_function`). */
const CLASSIFIER = /(Classifier|ClassifierCV|^LogisticRegression(CV)?|^SVC|^NuSVC|^LinearSVC|NB|^(Linear|Quadratic)DiscriminantAnalysis)$/;
const CLASSIFIER_PACKAGES = new Set(['sklearn', 'xgboost', 'lightgbm', 'catboost', 'imblearn']);

/** False when the file imports none of the libraries whose classifiers `classifierClass` knows: then no object is one. */
export function importsClassifierLibrary(index: SemanticIndex): boolean {
  return index.importsAny(CLASSIFIER_PACKAGES);
}

/** The class of a classifier object, looking through `make_pipeline(...)`, `Pipeline([...])` and `GridSearchCV(est)`. */
export function classifierClass(flow: DataFlow, expression: Node, depth = 0): string | undefined {
  const kind = flow.kindOf(expression);
  if (kind?.kind !== 'model' || depth > 3) return undefined;
  const name = lastSegment(kind.className);
  if (CLASSIFIER_PACKAGES.has(packageOf(kind.className)) && CLASSIFIER.test(name) && !/^(Stacking|Voting|Dummy)/.test(name)) return kind.className;
  const call = kind.origin.type === 'call' ? flow.index.call(kind.origin) : undefined;
  if (!call) return undefined;
  const inner = name === 'make_pipeline' ? call.args[call.args.length - 1]
    : name === 'Pipeline' ? lastStep(call.args[0] ?? call.kwargs.get('steps'))
      : /SearchCV$/.test(name) ? estimatorArgument(call)
        : undefined;
  return inner ? classifierClass(flow, inner, depth + 1) : undefined;
}

function lastStep(steps: Node | undefined): Node | undefined {
  const last = steps?.type === 'list' ? steps.namedChildren[steps.namedChildren.length - 1] : undefined;
  return last?.type === 'tuple' ? last.namedChildren[1] ?? undefined : undefined;
}
