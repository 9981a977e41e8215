// How ML code holds data out and measures models: splits and cross-validation, metric calls (and
// whether a metric judges a classifier at one threshold), and the signs that a file evaluates
// its models at all. Shared by the rules about leakage, unevaluated models and threshold metrics.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { Lineage } from '../../semantics/dataflow';
import { innermostValue } from '../../semantics/definitions';
import { stringTemplate, stringValue } from '../../semantics/literals';
import { stripParens } from '../../semantics/nodes';
import { CRITERION_CLASSES, CRITERION_FUNCTIONS } from '../../semantics/library/torch';
import { noGradContext } from '../../semantics/torch';
import type { CallSite, Definition } from '../../semantics/types';
import { lastSegment, modelSelectionName, packageOf } from './libraries';
import { calledName } from './objects';

export interface Holdout {
  call: CallSite;
  kind: 'split' | 'cross-validation';
  /** The data that is split or cross-validated (features, targets). */
  data: Node[];
  /** The estimator cross-validated, for `cross_val_score(est, X, y)` and search objects. */
  estimator?: Node;
}

const CV_FUNCTIONS = new Set(['cross_val_score', 'cross_validate', 'cross_val_predict', 'learning_curve', 'validation_curve', 'permutation_test_score']);
/**
 * Hyperparameter searches that cross-validate every candidate: scikit-learn's, and the
 * scikit-learn-compatible ones of scikit-optimize (`BayesSearchCV`), Optuna and Tune.
 */
export const SEARCH_CLASSES = /^sklearn\.(model_selection|grid_search)\.(GridSearchCV|RandomizedSearchCV|HalvingGridSearchCV|HalvingRandomSearchCV)$|^(skopt|skopt\.searchcv|optuna\.integration|optuna_integration|tune_sklearn)\.\w*SearchCV$/;
const SPLITTER_CLASSES = /^sklearn\.model_selection\.(Repeated)?(Stratified)?(Group)?(KFold|ShuffleSplit)$|^sklearn\.model_selection\.(TimeSeriesSplit|LeaveOneOut|LeavePOut|LeaveOneGroupOut|LeavePGroupsOut|PredefinedSplit)$/;

/** The estimator a search or a cross-validation function is handed (`GridSearchCV(est, grid)`, `cross_val_score(est, X, y)`). */
export function estimatorArgument(call: CallSite): Node | undefined {
  return call.args[0] ?? call.kwargs.get('estimator');
}

/** A search's grid: the second argument or its keyword (`param_grid`, `param_distributions`, `search_spaces`). */
const GRID_KEYWORDS = ['param_grid', 'param_distributions', 'search_spaces'];

export function gridArgument(search: CallSite): Node | undefined {
  return search.args[1] ?? GRID_KEYWORDS.map((keyword) => search.kwargs.get(keyword)).find((value) => value !== undefined);
}

/**
 * A grid's dictionaries: the one it is, or each of the list it is, followed through names. A
 * dictionary may be written out (`{"max_depth": [3, 5]}`) or built by `dict(max_depth=[3, 5])`.
 */
export function dictionariesOf(index: SemanticIndex, given: Node | null | undefined): Node[] {
  const grid = given ? index.valueOf(given) : undefined;
  if (grid && keywordDictionaryKeys(index, grid)) return [grid];
  return grid?.type === 'dictionary' ? [grid] : grid?.type === 'list' ? grid.namedChildren.flatMap((child) => (child ? [index.valueOf(child)] : [])) : [];
}

/**
 * The keys of a dictionary built from keywords alone (`dict(class_weight=weights, max_depth=[3, 5])`):
 * each keyword is a key. Undefined for any other value, and for a `dict(...)` that also takes a
 * mapping, pairs or a splat, whose keys are not all written out.
 */
export function keywordDictionaryKeys(index: SemanticIndex, node: Node): string[] | undefined {
  const call = node.type === 'call' ? index.call(node) : undefined;
  return call?.qname === 'builtins.dict' && call.args.length === 0 && !call.hasSplat ? [...call.kwargs.keys()] : undefined;
}

/** A call that splits data into training and held-out parts, or cross-validates on it. */
export function holdoutCall(index: SemanticIndex, call: CallSite): Holdout | undefined {
  const q = modelSelectionName(call.qname);
  if (q === 'sklearn.model_selection.train_test_split') return { call, kind: 'split', data: call.args };
  if (q?.startsWith('sklearn.model_selection.') && CV_FUNCTIONS.has(lastSegment(q))) {
    const estimator = estimatorArgument(call);
    const data = [call.args[1] ?? call.kwargs.get('X'), call.args[2] ?? call.kwargs.get('y')].filter((n): n is Node => !!n);
    return estimator ? { call, kind: 'cross-validation', data, estimator } : { call, kind: 'cross-validation', data };
  }
  if (!call.receiver || q || (call.method !== 'fit' && call.method !== 'split')) return undefined;
  const className = index.constructedClass(call.receiver);
  if (!className) return undefined;
  if (call.method === 'fit' && SEARCH_CLASSES.test(className)) return { call, kind: 'cross-validation', data: call.args, estimator: call.receiver };
  if (call.method === 'split' && SPLITTER_CLASSES.test(className)) return { call, kind: 'cross-validation', data: call.args };
  return undefined;
}

/**
 * The splits and cross-validations a value's data went through: those among the calls of its
 * lineage, and those whose result was unpacked into a name it reads (`X_tr, X_te = train_test_split(X)`
 * reaches `X_tr` element by element, so the split call itself is not among the calls).
 */
export function holdoutsBehind(index: SemanticIndex, lineage: Lineage): Holdout[] {
  const found: Holdout[] = [];
  for (const call of lineage.calls) {
    const holdout = holdoutCall(index, call);
    if (holdout) found.push(holdout);
  }
  for (const definition of lineage.definitions) {
    const holdout = unpackedHoldout(index, definition);
    if (holdout && !found.some((other) => other.call === holdout.call)) found.push(holdout);
  }
  return found;
}

/** `X_tr, X_te = train_test_split(X)`: the split or cross-validation a name is unpacked from. */
function unpackedHoldout(index: SemanticIndex, definition: Definition): Holdout | undefined {
  if (definition.kind !== 'unpack') return undefined;
  const value = innermostValue(definition.statement);
  const call = value && stripParens(value).type === 'call' ? index.call(stripParens(value)) : undefined;
  return call ? holdoutCall(index, call) : undefined;
}

/**
 * Whether `holdoutsBehind(index, lineage(data))` finds any, with the same answer, asked on the
 * data flow's steps with early exit: a lineage per fit was quadratic where each frame is built
 * from the previous one.
 */
export function hasHoldoutBehind(index: SemanticIndex, data: Node): boolean {
  const test = { call: (call: CallSite) => !!holdoutCall(index, call), definition: (definition: Definition) => !!unpackedHoldout(index, definition) };
  return index.dataflow.lineageHas(data, test, 'holdout behind');
}

export type MetricKind = 'threshold-dependent' | 'threshold-free' | 'other';

/** Metrics that score hard labels, that is, the classifier at one decision threshold. */
const THRESHOLD_DEPENDENT = new Set([
  'accuracy_score', 'balanced_accuracy_score', 'f1_score', 'fbeta_score', 'precision_score', 'recall_score',
  'precision_recall_fscore_support', 'classification_report', 'confusion_matrix', 'multilabel_confusion_matrix',
  'jaccard_score', 'matthews_corrcoef', 'cohen_kappa_score', 'hamming_loss', 'zero_one_loss',
]);
/** Metrics (and curves) that judge scores or probabilities over every threshold. */
const THRESHOLD_FREE = /roc|auc|average_precision|log_?loss|brier|precision_recall_curve|det_curve|calibration|top_k_accuracy|ndcg|label_ranking|coverage_error|cross_?entropy/i;
/** Scorer names (`scoring=`, `eval_metric=`, `metrics=`) that are threshold-free. */
export const THRESHOLD_FREE_SCORER = /^(neg_)?(roc_auc\w*|average_precision|log_loss|brier_score|auc|aucpr|pr_auc|logloss|binary_logloss|multi_logloss|mlogloss|cross_entropy|binary_crossentropy|categorical_crossentropy)$/i;
const METRIC_MODULES = /^(sklearn\.metrics|torchmetrics|(tensorflow\.)?keras\.metrics|evaluate)\./;
/**
 * Metrics of generated text against reference texts, which captioning, translation and summarising
 * models are measured by: NLTK's `nltk.translate` scores (`sentence_bleu`, `corpus_bleu`,
 * `meteor_score`, `corpus_gleu`, `sentence_chrf`...), sacreBLEU's and torchtext's. Only functions
 * named for such a score count: `SmoothingFunction()` of the same module only configures one.
 */
const TEXT_METRIC = /^(nltk\.translate(\.\w+)?|sacrebleu(\.\w+)*|torchtext\.data\.metrics)\.\w*(bleu|meteor|gleu|nist|chrf|ribes)\w*$/i;

export interface Metric {
  call: CallSite;
  /** The function's name (`accuracy_score`). */
  name: string;
  kind: MetricKind;
}

/** A call that computes a metric from a metrics library (`sklearn.metrics.f1_score`, `torchmetrics.AUROC`). */
export function metricCall(call: CallSite): Metric | undefined {
  const kind = call.qname ? metricKind(call.qname) : undefined;
  return kind && { call, name: lastSegment(call.qname!), kind };
}

/** The kind of the metric a function of a metrics library computes (by qualified name), if it is one. */
export function metricKind(qname: string): MetricKind | undefined {
  if (TEXT_METRIC.test(qname)) return 'other';
  if (!METRIC_MODULES.test(qname)) return undefined;
  const name = lastSegment(qname);
  return THRESHOLD_DEPENDENT.has(name) ? 'threshold-dependent' : THRESHOLD_FREE.test(name) ? 'threshold-free' : 'other';
}

/** Keywords of fit and trainer calls that evaluate on held-out data while training. */
const EVALUATING_KEYWORDS = new Set(['validation', 'validation_data', 'validation_split', 'eval_set', 'valid_sets', 'evals', 'early_stopping_rounds']);
/**
 * A keyword that hands held-out data by name (`val_loader=`, `valid_dataset=`, `eval_dataloader=`,
 * Lightning's `val_dataloaders=`): a trainer is given validation data to evaluate on, whatever its
 * class (a project's own `Trainer(model, train_loader, val_loader=val_loader)` too).
 */
const DATA_NAME_END = '_?(loaders?|dataloaders?|data|dataset|ds|dl|generator|gen|iter)$';
const HELD_OUT_DATA_KEYWORD = new RegExp(`^(val|valid|validation|eval|dev|holdout)${DATA_NAME_END}`);
/** The name of the training half of a split (`train_dl`, `trainloader`), as `HELD_OUT_DATA_KEYWORD` names the held-out half. */
const TRAINING_DATA_NAME = new RegExp(`^(train|training)${DATA_NAME_END}`);
/**
 * A call named for training (`Trainer(...)`, `fit`, `train_model`, a `Learner`) handed the training data and
 * held-out data together, by their names and in any position (`Trainer(train_dl, val_dl, model, epochs, opt)`,
 * `fit(net, trainloader, validloader)`): the held-out half is there beside the training half to be evaluated
 * on while it trains, as under a keyword. Other calls given both (`normalize(train_data, val_data)`) only
 * prepare them.
 */
const TRAINING_CALL = /train|fit|learn/i;
function handsTrainingAndHeldOut(call: CallSite): boolean {
  if (!TRAINING_CALL.test(calledName(call) ?? '')) return false;
  const names = [...call.args, ...call.kwargs.values()].map((arg) => (arg.type === 'attribute' ? arg.childForFieldName('attribute') : arg)?.text ?? '');
  return names.some((name) => TRAINING_DATA_NAME.test(name)) && names.some((name) => HELD_OUT_DATA_KEYWORD.test(name));
}
/**
 * skorch's nets (`NeuralNetClassifier(Module)`): left at their default `train_split` (`ValidSplit(5)`),
 * each fit holds out a fifth of the data and scores it every epoch (`valid_loss`, and `valid_acc` for
 * a classifier); `train_split=None` trains on everything and scores nothing held out.
 */
const SKORCH_NET = /^skorch(\.\w+)*\.NeuralNet(Classifier|BinaryClassifier|Regressor)?$/;
function skorchNetValidates(call: CallSite): boolean {
  if (!call.qname || !SKORCH_NET.test(call.qname)) return false;
  const split = call.kwargs.get('train_split');
  return split ? split.type !== 'none' && split.type !== 'false' : !call.argumentList?.namedChildren.some((arg) => arg?.type === 'dictionary_splat');
}
/** Functional trainers and the position of their evaluation sets (`xgb.train(params, dtrain, 100, watchlist)`). */
const EVALS_POSITION: Record<string, number> = { 'xgboost.train': 3, 'lightgbm.train': 3, 'xgboost.cv': -1, 'lightgbm.cv': -1 };
/**
 * A function or class of any library's `metrics` module (`causalml.metrics.plot_qini`,
 * `sklift.metrics.uplift_at_k`, `sksurv.metrics.concordance_index_censored`, `seqeval.metrics.f1_score`):
 * a sign of evaluation, whatever the library, though only the metric modules named above are read
 * for the kind of metric they compute.
 */
const ANY_METRICS_MODULE = /^\w+(\.\w+)*\.metrics\.\w+$/;
/** Libraries whose only business is analysing a model's predictions on held-out examples (the What-If Tool, TFMA, Deepchecks, Evidently, Yellowbrick). */
const MODEL_ANALYSIS_PACKAGES = new Set(['witwidget', 'tensorflow_model_analysis', 'deepchecks', 'evidently', 'yellowbrick']);
/**
 * Methods and functions whose name says they evaluate (`model.evaluate`, `trainer.validate`, a local
 * `evaluate_model`), or name the metric they compute (`lda.perplexity(X)`, a language or topic
 * model's measure, as scikit-learn's `LatentDirichletAllocation.perplexity`; `gmm.bic(X)` and
 * `gmm.aic(X)`, the information criteria a Gaussian mixture's number of components is chosen by;
 * lifelines' `concordance_index(T, -risk, E)`, the survival model's ranking measure).
 */
const EVALUATING_NAME = /^(score|evaluate|evaluation|eval|validate|validation|test|perplexity|bic|aic|concordance_index|compute_metrics?|calc(ulate)?_metrics?|get_metrics?|print_metrics?)(_\w+)?$|_(evaluate|evaluation|validate|validation|metrics?|accuracy|score|perplexity)$/i;
/** A helper private to its module (`_evaluate_agent`) is named by what follows its leading underscores. */
const namedForEvaluating = (name: string) => EVALUATING_NAME.test(name.replace(/^_+/, ''));
/**
 * Functions named for the metric they compute, handed the truth and the predictions (a project's
 * `accuracy(y_test, pred)`, `f1(y_test, pred)`), and learning curves, which score the model on held-out
 * data at each training size (mlxtend's `plot_learning_curves`, a project's `learning_curves`). Whole
 * names only: `mse_loss` is a training loss.
 */
const METRIC_NAME = /^(accuracy|precision|recall|f1|f1_?score|rmse|mae|mape|r2|bleu|meteor|rouge|cider)$/i;
const LEARNING_CURVE_NAME = /^(plot_)?learning_curves?$/i;
/**
 * A call of a function by its bare name (`accuracy(y, pred)`, defined or imported, also by a star
 * import), not of an object: `self.r2(h, t)` or `r2 = Block(...)`, then `r2(h, t)`, runs a layer that
 * only shares a metric's name.
 */
function callsFunction(index: SemanticIndex, call: CallSite): boolean {
  if (call.callee.type !== 'identifier') return false;
  const binding = index.bindingAt(call.callee);
  return !binding || binding.kind === 'def' || binding.kind === 'import';
}
/** A PyTorch criterion: `F.mse_loss(...)`, `F.cross_entropy(...)`, or a call of an `nn.MSELoss()` the file built. */
export function isCriterion(index: SemanticIndex, call: CallSite): boolean {
  if (call.qname) return CRITERION_FUNCTIONS.test(call.qname);
  const criterion = index.constructedClass(call.callee);
  return !!criterion && CRITERION_CLASSES.test(criterion);
}

/**
 * Names bound to an evaluation result: a held-out loss or score (`val_loss`, `test_acc`, `evaluation_metrics`,
 * `score_valid`) or a metric by its name (`accuracy`, `rmse`, `correct`). A bare `loss` is the
 * training loss, not an evaluation.
 */
const EVALUATION_RESULT = /^(val|valid|validation|test|eval|evaluation|dev|holdout)_?(loss|acc|accuracy|score|f1|auc|mae|mse|rmse|r2|error|correct|metrics?)$|^(loss|acc|accuracy|score|f1|auc|mae|mse|rmse|r2|error|correct|metrics?)_(val|valid|validation|test|eval|evaluation|dev|holdout)$|^(acc|accuracy|f1|auc|mae|mse|rmse|r2|correct)$/i;
/** Calls that report a result (`print`, loggers, experiment trackers), whose text then says what it is. */
const REPORTING = /^(print|info|log|log_metric|log_metrics|add_scalar|add_scalars|write|set_postfix)$/;
/**
 * Words of a report's text: held-out data or its phase (`"val_loss"`, `"Running validation..."`,
 * `"Testing, epoch %d"`), a metric (`"average precision"`), and what a result is (a loss, score or error).
 */
const REPORTED_HELD_OUT = /\b(test|testing|valid|validation|validating|val|eval|evaluation|evaluating|holdout)\b/i;
const REPORTED_METRIC = /\b(accuracy|acc|auc|f1|rmse|mae|r2|precision|recall|bleu|meteor|rouge|cider)\b/i;
const REPORTED_RESULT = /\b(loss|losses|score|scores|error|errors|metrics?)\b/i;
/** Methods of a LightningModule that the trainer runs on held-out data. */
const EVALUATION_HOOKS = new Set(['validation_step', 'test_step', 'validation_epoch_end', 'on_validation_epoch_end']);

/**
 * The first sign that the file evaluates a model, or undefined: a metric call, cross-validation
 * or a search, `score`/`evaluate`/`validate` calls (and functions so named), a model-analysis tool
 * (the What-If Tool, TFMA, Deepchecks...), validation data given
 * to a fit or trainer (or early stopping, which needs some), a callback monitoring a held-out result, `xgb.cv`/`lgb.cv`, a LightningModule's validation hooks, or a name bound to a result such as
 * `val_loss` or `accuracy`, or a loss computed with gradients off. Generous on purpose: any sign silences the rules that need none.
 */
export function evaluationEvidence(index: SemanticIndex): Node | undefined {
  for (const call of index.calls) {
    if (metricCall(call) || holdoutCall(index, call)?.kind === 'cross-validation') return call.node;
    // A search is built to cross-validate its candidates, also when the object its fit is called on
    // is not traced back to it (`(pipe if grid is None else GridSearchCV(pipe, grid)).fit(X, y)`).
    if (call.qname && (SEARCH_CLASSES.test(call.qname) || ANY_METRICS_MODULE.test(call.qname))) return call.node;
    // `validation=None` or `validation=False` gives the fit nothing to evaluate on.
    for (const [keyword, value] of call.kwargs) if ((EVALUATING_KEYWORDS.has(keyword) || HELD_OUT_DATA_KEYWORD.test(keyword)) && value.type !== 'none' && value.type !== 'false') return call.node;
    // `EarlyStopping(monitor="val_loss")`, `ModelCheckpoint(monitor="val_f1")`: the trainer can only watch a
    // held-out result that its fit computes, also when the validation step lives in another file.
    const monitored = call.kwargs.get('monitor');
    const watched = monitored ? stringValue(index.valueOf(monitored))?.replace(/_/g, ' ') : undefined;
    if (watched && REPORTED_HELD_OUT.test(watched)) return call.node;
    const evals = call.qname ? EVALS_POSITION[call.qname] : undefined;
    if (evals !== undefined && (evals < 0 || call.args.length > evals)) return call.node;
    if (handsTrainingAndHeldOut(call)) return call.node;
    if (skorchNetValidates(call)) return call.node;
    if (call.qname && MODEL_ANALYSIS_PACKAGES.has(packageOf(call.qname))) return call.node;
    const name = calledName(call);
    // `print` is a builtin that reports; other builtins (`eval`, `compile`) only share a name with evaluation.
    if (name && REPORTING.test(name) && call.argumentList && reportsResult(index, call, call.argumentList)) return call.node;
    if (call.qname?.startsWith('builtins.')) continue;
    if (name && namedForEvaluating(name)) return call.node;
    if (name && ((METRIC_NAME.test(name) && call.args.length >= 2 && callsFunction(index, call)) || LEARNING_CURVE_NAME.test(name))) return call.node;
    // A loss computed with gradients off (`with torch.no_grad(): err = criterion(model(x_val), y_val)`):
    // nothing can flow back from it, so it measures the model rather than trains it, whatever its names.
    if (isCriterion(index, call) && noGradContext(index, call.node)) return call.node;
    // `(pred == y).mean()`, `pred.eq(y)`: accuracy computed by hand.
    if (call.method === 'eq' && call.receiver && /predict|argmax/.test(call.receiver.text)) return call.node;
  }
  // `km.inertia_`: the within-cluster sum of squares a fitted k-means keeps, the number the elbow
  // method plots to choose the number of clusters, and the one its `score(X)` returns negated. Read
  // anywhere but as the target of an assignment, it is the clustering measured.
  if (index.mentionsName('inertia_')) {
    for (const attribute of index.nodes('attribute')) {
      if (attribute.childForFieldName('attribute')?.text !== 'inertia_') continue;
      const parent = attribute.parent;
      if (parent?.type === 'assignment' && parent.childForFieldName('left')?.startIndex === attribute.startIndex) continue;
      return attribute;
    }
  }
  for (const comparison of index.nodes('comparison_operator')) {
    if (comparison.childrenForFieldName('operators').some((o) => o?.text === '==') && /\.predict\(|argmax\(/.test(comparison.text)) return comparison;
  }
  for (const definition of index.definitions) {
    if (definition.kind === 'def' && namedForEvaluating(definition.name) && registeredAsHandler(index, definition.statement, definition.name)) return definition.node;
    if ((definition.kind === 'def' && EVALUATION_HOOKS.has(definition.name)) || (definition.kind !== 'def' && definition.kind !== 'param' && definition.kind !== 'import' && EVALUATION_RESULT.test(definition.name))) return definition.node;
  }
  return undefined;
}

/**
 * A function of the file the training engine runs on an event, never called by its name: decorated
 * with an engine's `on(...)` (ignite's `@trainer.on(Events.EPOCH_COMPLETED)`) or handed by name to
 * its `add_event_handler(event, validate)`. Named for evaluation, it evaluates as a call of it would.
 */
function registeredAsHandler(index: SemanticIndex, fn: Node, name: string): boolean {
  const decorated = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  for (const decorator of decorated?.namedChildren ?? []) {
    if (decorator?.type !== 'decorator') continue;
    const call = decorator.namedChild(0)?.type === 'call' ? index.call(decorator.namedChild(0)!) : undefined;
    if (call?.method === 'on' && call.receiver) return true;
  }
  return index.calls.some((call) => call.method === 'add_event_handler' && call.args.some((arg) => arg.type === 'identifier' && arg.text === name && index.definitionFor(arg)?.statement === fn));
}

/**
 * True when a string among the arguments names a held-out result (`"test accuracy:"`, `{"val_loss": ...}`).
 * A logger or tracker records the run's phases, so held-out data named there is enough
 * (`logger.info("Running validation...")`); `print` also describes data (`"test data size"`,
 * `"Valid moves"`), so what it prints must be a metric, or a loss, score or error of held-out data.
 */
function reportsResult(index: SemanticIndex, call: CallSite, argumentList: Node): boolean {
  const printed = call.qname === 'builtins.print';
  return index.nodesWithin('string', argumentList).some((string) => {
    const text = (stringTemplate(string) ?? '').replace(/_/g, ' ');
    return REPORTED_METRIC.test(text) || (REPORTED_HELD_OUT.test(text) && (!printed || REPORTED_RESULT.test(text)));
  });
}

const SCORER_KEYWORDS = ['scoring', 'eval_metric', 'metric', 'metrics'];

/** String values given to scorer keywords anywhere (`scoring="roc_auc"`, `eval_metric="auc"`, `metrics=["AUC"]`). */
export function scorerNames(index: SemanticIndex): string[] {
  const names: string[] = [];
  for (const call of index.calls) {
    if (call.kwargs.size === 0) continue;
    for (const keyword of SCORER_KEYWORDS) {
      const value = call.kwargs.get(keyword);
      if (!value) continue;
      const items = value.type === 'list' || value.type === 'tuple' ? value.namedChildren : [value];
      for (const item of items) {
        const text = item ? stringValue(item) : undefined;
        if (text !== undefined) names.push(text);
      }
    }
  }
  return names;
}
