import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { DataFlow } from '../semantics/dataflow';
import { holdsData } from '../semantics/dataflow';
import { numberValue, stringValue } from '../semantics/literals';
import { sameNode } from '../semantics/nodes';
import type { CallSite } from '../semantics/types';
import { holdoutCall, metricCall, metricKind, scorerNames, THRESHOLD_FREE_SCORER } from './shared/evaluation';
import { lastSegment } from './shared/libraries';
import { shortText } from './shared/objects';
import { classifierClass, importsClassifierLibrary, OUTPUT_METHODS } from './shared/models';
import type { RelatedDescriptor, Rule, RuleContext, RuleListeners } from './types';

/** Classifiers that choose their decision threshold, which is then not fixed. */
const THRESHOLD_TUNERS = /^(TunedThresholdClassifierCV|FixedThresholdClassifier)$/;
/** Scorer names that judge labels at one threshold (the default of a classifier's `score` and of `cross_val_score`). */
const THRESHOLD_DEPENDENT_SCORER = /^(accuracy|balanced_accuracy|f1\w*|precision\w*|recall\w*|jaccard\w*|matthews_corrcoef)$/;

interface Evaluation {
  node: Node;
  metric: string;
  classifier: Node;
  /** The rows the classifier was evaluated on (the `X` of `predict(X)` or `score(X, y)`). */
  rows?: Node;
}

/** At most this many rows is a smoke test of the code, not an evaluation of the model. */
const SMOKE_ROWS = 20;

/** `X[:5]`, `X.iloc[:10]`, `X[3:8]`, `X.head()`, `X.sample(5)`: a handful of rows, directly or through a name. */
function fewRows(index: SemanticIndex, rows: Node | undefined): boolean {
  if (!rows) return false;
  const value = index.valueOf(rows);
  if (value.type === 'subscript') {
    const slice = value.childForFieldName('subscript');
    if (slice?.type !== 'slice') return false;
    const [start, end] = sliceBounds(slice);
    return end !== undefined && end - (start ?? 0) <= SMOKE_ROWS && end - (start ?? 0) > 0;
  }
  const call = value.type === 'call' ? index.call(value) : undefined;
  if (call?.method !== 'head' && call?.method !== 'sample') return false;
  const count = call.args[0] ?? call.kwargs.get('n');
  if (!count) return call.method === 'head';
  const n = numberValue(count);
  return n !== undefined && n <= SMOKE_ROWS;
}

/** The literal start and end of `a:b` (either may be absent). */
function sliceBounds(slice: Node): [number | undefined, number | undefined] {
  const parts: (Node | undefined)[] = [undefined, undefined];
  let position = 0;
  for (const child of slice.children) {
    if (!child) continue;
    if (child.type === ':') position++;
    else if (position < 2) parts[position] = child;
  }
  const start = parts[0] ? numberValue(parts[0]) : undefined;
  const end = parts[1] ? numberValue(parts[1]) : undefined;
  return [parts[0] && start === undefined ? Number.NaN : start, end];
}

/** Keywords that bound a tree's growth or smooth a neighbour vote; without them the probabilities are 0 or 1. */
const TREE_LIMITS = ['max_depth', 'max_leaf_nodes', 'min_samples_leaf', 'min_samples_split', 'ccp_alpha', 'min_impurity_decrease'];

/**
 * A fully grown single tree, or a one-neighbour vote: every leaf is pure, so its "probabilities"
 * are 0 or 1 and a threshold-free metric measures nothing a label metric does not.
 */
function hasOnlyHardScores(flow: DataFlow, classifier: Node): boolean {
  const className = lastSegment(classifierClass(flow, classifier) ?? '');
  const kind = flow.kindOf(classifier);
  const constructor = kind?.kind === 'model' && kind.origin.type === 'call' ? flow.index.call(kind.origin) : undefined;
  if (!constructor) return false;
  if (/^(DecisionTree|ExtraTree)Classifier$/.test(className)) return !TREE_LIMITS.some((limit) => constructor.kwargs.has(limit));
  if (className === 'KNeighborsClassifier') {
    const k = constructor.kwargs.get('n_neighbors') ?? constructor.args[0];
    return !!k && numberValue(k) === 1;
  }
  return false;
}

/** A call that may judge a classifier by its labels: a label metric, `score` or cross-validation. */
function judgesLabels(index: SemanticIndex, call: CallSite, labelMetric: (qname: string) => boolean): boolean {
  return (call.qname !== undefined && labelMetric(call.qname)) || call.method === 'score' || holdoutCall(index, call)?.kind === 'cross-validation';
}

/** The classifiers whose hard labels feed a threshold-dependent metric among `calls` (see judgesLabels), with the metric. */
function thresholdEvaluations(flow: DataFlow, calls: readonly CallSite[]): Evaluation[] {
  const found: Evaluation[] = [];
  const classifierOutput = (source: CallSite) => !!source.method && OUTPUT_METHODS.has(source.method) && !!source.receiver && !!classifierClass(flow, source.receiver);
  for (const call of calls) {
    const metric = metricCall(call);
    if (metric?.kind === 'threshold-dependent') {
      const inputs = [...call.args, ...call.kwargs.values()];
      // Most label metrics have no classifier's output behind them: that is asked with early exit,
      // and the lineage built only for those that have.
      if (!flow.lineageHas(inputs, { call: classifierOutput }, 'classifier output')) continue;
      for (const source of flow.lineage(inputs).calls) {
        if (classifierOutput(source)) found.push({ node: call.node, metric: metric.name, classifier: source.receiver!, rows: source.args[0] });
      }
      continue;
    }
    const scored = scoredClassifier(flow, call);
    if (scored) found.push(scored);
  }
  return found;
}

/** `clf.score(X, y)` (accuracy) and cross-validation scored by accuracy (the default) or another label metric. */
function scoredClassifier(flow: DataFlow, call: CallSite): Evaluation | undefined {
  const { index } = flow;
  if (call.method === 'score' && call.receiver && call.args.length >= 2 && classifierClass(flow, call.receiver)) return { node: call.node, metric: `${shortText(call.receiver)}.score (accuracy)`, classifier: call.receiver, rows: call.args[0] };
  const holdout = holdoutCall(index, call);
  if (holdout?.kind !== 'cross-validation' || !holdout.estimator || !classifierClass(flow, holdout.estimator)) return undefined;
  const scoring = call.kwargs.get('scoring') ?? (holdout.call.method === 'fit' ? index.originCall(holdout.estimator)?.kwargs.get('scoring') : undefined);
  const name = scoring ? stringValue(scoring) : 'accuracy';
  return name && THRESHOLD_DEPENDENT_SCORER.test(name) ? { node: call.node, metric: `${shortText(call.callee)} (${name})`, classifier: holdout.estimator } : undefined;
}

/** True when the file measures scores anywhere: a ranking or probability metric, curve or scorer. */
function judgesScores(index: SemanticIndex, qnames: readonly string[]): boolean {
  if (qnames.some((q) => metricKind(q) === 'threshold-free' || THRESHOLD_TUNERS.test(lastSegment(q)))) return true;
  return scorerNames(index).some((name) => THRESHOLD_FREE_SCORER.test(name));
}

/** Data sets of more than two classes, by loader or name: on them a label is an argmax, not a cut at a threshold. */
const MULTICLASS_LOADERS = /^sklearn\.datasets\.(load_iris|load_digits|load_wine|fetch_20newsgroups\w*|fetch_covtype|fetch_lfw_people|fetch_olivetti_faces|fetch_rcv1)$|\.datasets\.(mnist|fashion_mnist|cifar10|cifar100|reuters)\.load_data$|^torchvision\.datasets\./;
const MULTICLASS_NAMES = /mnist|cifar|iris|digits|wine|newsgroups|covtype|letter|fruit/i;
const MULTICLASS_ESTIMATORS = /^sklearn\.multiclass\.|(\.|^)to_categorical$/;
/** Keywords that give the number of classes (`num_class=7` for XGBoost and LightGBM, `num_labels=4` for a Hub model). */
const CLASS_COUNT_KEYWORDS = ['n_classes', 'centers', 'num_class', 'num_classes', 'num_labels'];
/** Objectives and losses of more than two classes (`multi:softprob`, `multiclass`, `categorical_crossentropy`). */
const MULTICLASS_OBJECTIVE = /^multi|softmax|softprob|categorical_crossentropy|MultiClass/i;
const OBJECTIVE_KEYWORDS = ['objective', 'loss', 'loss_function'];

function namesMulticlassObjective(objective: Node | undefined): boolean {
  const text = objective ? stringValue(objective) : undefined;
  return text !== undefined && MULTICLASS_OBJECTIVE.test(text);
}

/** Keywords that list the classes of a metric or a display (`labels=[1, 2, 3]`, `display_labels=`). */
const CLASS_LIST_KEYWORDS = ['labels', 'classes', 'display_labels'];

/**
 * True when the file shows a task of more than two classes: a known multi-class data set (loaded, or
 * named in a load), a multi-class averaging (`average="macro"`), `multi_class=`, one-vs-rest
 * wrappers, or more than two classes generated. Accuracy is then the usual summary, and the
 * threshold of a binary decision is not what it hides.
 */
function isMulticlass(index: SemanticIndex, qnames: readonly string[]): boolean {
  if (paramsNameMulticlass(index) || qnames.some((q) => MULTICLASS_LOADERS.test(q) || MULTICLASS_ESTIMATORS.test(q))) return true;
  const loads = new Set(index.dataflow.io.filter((io) => io.direction === 'read' && holdsData(io)).map((io) => io.call));
  const loaders = new Set(qnames.filter((q) => /fetch_openml|load_dataset$/.test(q)));
  return index.calls.some((call) => {
    // Every call of the file is asked: the questions of keywords only of calls that have some, and
    // the name of a data set only of loads.
    const q = call.qname ?? '';
    if (call.kwargs.size > 0 && keywordsNameMulticlass(index, call, q)) return true;
    if (q === 'pandas.qcut' && moreThanTwo(call.args[1] ?? call.kwargs.get('q'))) return true;
    if (!loads.has(call) && !loaders.has(q)) return false;
    const name = call.args[0] ? stringValue(call.args[0]) : undefined;
    return name !== undefined && MULTICLASS_NAMES.test(name);
  });
}

/** The keywords of one call that show more than two classes (`multi_class=`, `average="macro"`, `num_class=7`...). */
function keywordsNameMulticlass(index: SemanticIndex, call: CallSite, q: string): boolean {
  if (call.kwargs.has('multi_class')) return true;
  const average = call.kwargs.get('average');
  if (average && stringValue(average) !== 'binary') return true;
  if (namesMoreThanTwoClasses(index, call.kwargs.get('target_names'))) return true;
  if (CLASS_COUNT_KEYWORDS.some((keyword) => moreThanTwo(call.kwargs.get(keyword)))) return true;
  if (OBJECTIVE_KEYWORDS.some((keyword) => namesMulticlassObjective(call.kwargs.get(keyword)))) return true;
  // Most calls list no classes: what the call is, is asked only of those that do.
  if (!CLASS_LIST_KEYWORDS.some((keyword) => call.kwargs.has(keyword))) return false;
  const listsClasses = !!metricCall(call) || /^pandas\.(q?cut)$/.test(q) || /ConfusionMatrixDisplay/.test(q);
  return listsClasses && CLASS_LIST_KEYWORDS.some((keyword) => countOf(index, call.kwargs.get(keyword)) > 2);
}

/** A parameter dict for a booster: `{"objective": "multi:softprob", "num_class": 7}`. */
function paramsNameMulticlass(index: SemanticIndex): boolean {
  return index.nodes('string').some((key) => {
    if (key.parent?.type !== 'pair' || !/num_class|objective/.test(key.text) || !sameNode(key.parent.childForFieldName('key'), key)) return false;
    const name = stringValue(key);
    const value = key.parent.childForFieldName('value') ?? undefined;
    return (name === 'num_class' && moreThanTwo(value)) || (name === 'objective' && namesMulticlassObjective(value));
  });
}

function moreThanTwo(count: Node | undefined): boolean {
  const n = count ? numberValue(count) : undefined;
  return n !== undefined && n > 2;
}

/** How many items a literal list, tuple or `range(n)` holds; 0 when not known. */
function countOf(index: SemanticIndex, items: Node | undefined): number {
  if (!items) return 0;
  const value = index.valueOf(items);
  if (['list', 'tuple'].includes(value.type)) return value.namedChildren.filter((child) => child?.type !== 'comment').length;
  const call = value.type === 'call' ? index.call(value) : undefined;
  if (call?.qname !== 'builtins.range' || call.args.length === 0) return 0;
  const [first, second] = call.args.map((arg) => numberValue(arg));
  return call.args.length === 1 ? first ?? 0 : second !== undefined && first !== undefined ? second - first : 0;
}

/**
 * `classification_report(..., target_names=df["product"].unique())`: class names are listed for a
 * report of many classes; only a list written out with two names says the task is binary.
 */
function namesMoreThanTwoClasses(index: SemanticIndex, names: Node | undefined): boolean {
  if (!names) return false;
  const value = index.valueOf(names);
  return !['list', 'tuple'].includes(value.type) || value.namedChildren.filter((child) => child?.type !== 'comment').length > 2;
}

/**
 * Every call's qualified name is gathered (a threshold-free metric, a tuner or a sign of more than
 * two classes anywhere acquits the file) with the calls that may judge labels; the verdict is the
 * file's, in finish. Without a library whose classifiers are known, no object is one: nothing to do.
 */
function listen(context: RuleContext): RuleListeners | undefined {
  const { index } = context;
  if (!importsClassifierLibrary(index)) return undefined;
  const qnameSet = new Set<string>();
  const candidates: CallSite[] = [];
  // Whether a function is a label metric depends on its name alone: asked once per name.
  const labelMetrics = new Map<string, boolean>();
  const labelMetric = (qname: string) => {
    let is = labelMetrics.get(qname);
    if (is === undefined) labelMetrics.set(qname, (is = metricKind(qname) === 'threshold-dependent'));
    return is;
  };
  return { call(call) {
    if (call.qname !== undefined) qnameSet.add(call.qname);
    if (judgesLabels(index, call, labelMetric)) candidates.push(call);
  }, finish() {
    // The cheapest questions first: a threshold-free metric anywhere, then whether any classifier is
    // judged by its labels at all (most files judge none), then the signs of more than two classes,
    // which read every call again but only in the few files that get this far.
    const qnames = [...qnameSet];
    if (judgesScores(index, qnames)) return;
    if (candidates.length === 0 || isMulticlass(index, qnames)) return;
    const flow = index.dataflow;
    const evaluations = thresholdEvaluations(flow, candidates).filter((e) => !fewRows(index, e.rows) && !hasOnlyHardScores(flow, e.classifier));
    if (evaluations.length === 0) return;
    // One finding for the file: a single threshold-free metric anywhere pays the debt off.
    const [first, ...rest] = evaluations;
    const classes = [...new Set(evaluations.map((e) => lastSegment(classifierClass(flow, e.classifier)!)))];
    const objects = new Set(evaluations.map((e) => e.classifier.text));
    const metrics = [...new Set(evaluations.map((e) => e.metric))];
    const list = (items: string[]) => (items.length > 3 ? `${items.slice(0, 3).join(', ')} and ${items.length - 3} more` : items.join(', '));
    const subject = objects.size === 1 ? `${shortText(first.classifier, 24)} (${classes[0]}) is`
      : classes.length === 1 ? `The ${classes[0]} classifiers are` : `The classifiers (${list(classes)}) are`;
    const related: RelatedDescriptor[] = rest.filter((e) => e.node !== first.node).slice(0, 20).map((e) => ({ node: e.node, message: `${e.metric}: also labels at one threshold` }));
    context.report({
      node: first.node,
      message: `${subject} evaluated only with ${list(metrics)}: label metrics at one fixed threshold; no ROC-AUC, average precision or log-loss measures the scores`,
      related,
    });
  } };
}

export const thresholdDependentMetricOnly: Rule = {
  meta: {
    code: 'MLD703',
    name: 'threshold-dependent-metric-only',
    category: 'fixed-thresholds',
    severity: 'information',
    recommended: false,
    docs: {
      summary: 'A classifier that outputs scores or probabilities is evaluated only with metrics of its hard labels (accuracy, F1, precision, recall, a confusion matrix, `clf.score`), never with ROC-AUC, average precision or log-loss.',
      why: 'Fixed thresholds in dynamic systems (§7): `predict` cuts the scores at a default threshold (0.5, or 0 for a decision function) that nobody chose. Metrics of the labels measure the model at that one threshold only; they change when the class balance drifts or the threshold is tuned, and they cannot tell a model with good scores and a bad threshold from a bad model. Threshold-free metrics measure the scores themselves, which is what monitoring should track over time.',
      example: 'from sklearn.ensemble import RandomForestClassifier\nfrom sklearn.metrics import accuracy_score, f1_score\n\nclf = RandomForestClassifier(random_state=0).fit(X_train, y_train)\nprint(accuracy_score(y_test, clf.predict(X_test)))\nprint(f1_score(y_test, clf.predict(X_test)))',
      fix: 'Evaluate the scores as well: `roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1])`, `average_precision_score(...)` (better for rare positives) or `log_loss(...)` (calibration), and choose the decision threshold from them on validation data (for example with `TunedThresholdClassifierCV`).',
      fixed: 'from sklearn.ensemble import RandomForestClassifier\nfrom sklearn.metrics import average_precision_score, f1_score, roc_auc_score\n\nclf = RandomForestClassifier(random_state=0).fit(X_train, y_train)\nproba = clf.predict_proba(X_test)[:, 1]\nprint(roc_auc_score(y_test, proba), average_precision_score(y_test, proba))\nprint(f1_score(y_test, clf.predict(X_test)))',
      nearMisses: 'Tasks of more than two classes are left alone — a known multi-class data set (iris, digits, MNIST, CIFAR, 20 newsgroups, the fruits teaching set... loaded or named in a load), `average="macro"`/`"weighted"`, `multi_class=`, one-vs-rest wrappers, class names given to a report (`target_names=`) other than a list of two, a class count above two given in code (`num_class=7` in a booster\'s parameters, `num_classes=`, `num_labels=`), a multi-class objective (`multi:softprob`, `multiclass`, `categorical_crossentropy`), more than two classes listed to a metric or display (`labels=range(4)`) or a target binned into more than two (`pd.qcut(price, 4)`) — since there a label is an argmax, not a cut at a threshold. A file that computes a threshold-free metric anywhere — `roc_auc_score`, `average_precision_score`, `log_loss`, `brier_score_loss`, ROC or precision-recall curves and their displays, `scoring="roc_auc"`/`"neg_log_loss"`, an `eval_metric` of `"auc"` or `"logloss"` — is left alone, as are regressors, clusterers and classifiers whose class is not known from a constructor in the file (a model from a dict or a function), Keras and PyTorch models (their output shape is not known from the code), `DummyClassifier` baselines, and `TunedThresholdClassifierCV`, which chooses its threshold. A metric counts for a classifier when the classifier\'s `predict` output reaches it. Two kinds of evaluation are not counted: a smoke test on a handful of rows (at most 20: `X_test[:5]`, `X.head()`, `X.iloc[:10]`, `X.sample(5)`), which checks that the code runs, not how good the model is; and classifiers whose scores are only 0 or 1 — a fully grown `DecisionTreeClassifier`/`ExtraTreeClassifier` (no `max_depth`, `min_samples_leaf`... limit) or `KNeighborsClassifier(n_neighbors=1)` — for which a threshold-free metric measures nothing more than the labels do.',
      notebooks: 'One finding per file, on the first label metric, with the other label metrics linked (in any cell): a single threshold-free metric anywhere pays the debt off.',
    },
  },
  listen,
};
