import type { SemanticIndex } from '../semantics';
import type { DataFlow } from '../semantics/dataflow';
import type { Node } from 'web-tree-sitter';
import { columnList } from '../semantics/columns';
import { literalValue, stringValue } from '../semantics/literals';
import { firstAtOrAfter, isAncestorOf, runsBeforeEveryRun, sameNode, stripParens } from '../semantics/nodes';
import { isMaskExpression } from '../semantics/pandas';
import type { CallSite, Definition } from '../semantics/types';
import { estimatorArgument, hasHoldoutBehind, holdoutCall, holdoutsBehind, metricKind, SEARCH_CLASSES, type Holdout } from './shared/evaluation';
import { isEstimatorConstructor, isTreeModelClass, lastSegment } from './shared/libraries';
import { mayBeSameObject, sameObjectKey, shortText } from './shared/objects';
import { learnsStatistics, transformerCalls, type TransformerCall } from './shared/transformers';
import { keywordsWithLiterals, literalDictionaryEntries } from './shared/returnedValues';
import type { Rule, RuleContext } from './types';
import { definedOf, groupBy, oncePer, pushTo } from '../engine/collections';
import { trainingCall } from '../semantics/training';

/** `train_test_split`, `search.fit`, `KFold.split` (for `KFold(n_splits=5).split(X)`). */
function holdoutName(index: SemanticIndex, holdout: Holdout): string {
  const { call } = holdout;
  if (call.qname) return lastSegment(call.qname);
  const built = call.receiver && stripParens(call.receiver).type === 'call' ? index.constructedClass(call.receiver) : undefined;
  return built ? `${lastSegment(built)}.${call.method}` : shortText(call.callee);
}

/** Calls whose result picks rows: fold indices, a shuffled order, positions of a condition. */
const ROW_PICKERS = /(^|\.)(split|train_test_split|permutation|choice|where|nonzero|flatnonzero|argwhere|arange|sample)$/;

/**
 * `scaler.fit(df.loc[train_idx])`, `scaler.fit(X[train_idx])`, `X[:800]`, `df[df.year < 2020]`: the
 * transformer is fitted on rows the code chose (a training part), not on all of the data. Column
 * selections (`df[features]`, `df[["a", "b"]]`) keep every row and do not count.
 */
function selectsRows(index: SemanticIndex, data: Node, depth = 0): boolean {
  const node = unpackedValue(index, index.valueOf(stripParens(data)));
  const inner = keptValuesOf(index, node);
  if (inner) return depth < 4 && selectsRows(index, inner, depth + 1);
  if (node.type !== 'subscript') return false;
  const object = node.childForFieldName('value');
  const indexer = object?.type === 'attribute' ? object.childForFieldName('attribute')?.text : undefined;
  const keys = node.childrenForFieldName('subscript').filter((key): key is Node => !!key);
  const rows = keys[0];
  if (!rows) return false;
  if (rows.type === 'slice') return rows.namedChildren.length > 0;
  if (indexer === 'loc' || indexer === 'iloc') return stringValue(rows) === undefined && !columnList(index.dataflow, rows);
  return isMaskExpression(rows, index) || pickedRows(index, rows);
}

/** What `.values`, `.astype(...)`, `.copy()`, `.to_numpy()` or `.reshape(...)` is called on: they keep the values (and rows) they are given. */
function keptValuesOf(index: SemanticIndex, node: Node): Node | undefined {
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text === 'values' ? node.childForFieldName('object') ?? undefined : undefined;
  const call = node.type === 'call' ? index.call(node) : undefined;
  return call?.receiver && call.method && ['astype', 'copy', 'to_numpy', 'reshape'].includes(call.method) ? call.receiver : undefined;
}

/** Calls that join arrays or frames (or extend a list) into one run of rows, where a split may part what one element held. */
const ROW_JOINS = /^(numpy\.(concatenate|vstack|hstack|dstack|row_stack|column_stack)|pandas\.concat)$|(^|\.)extend$/;

/** Calls that walk an array or a frame by its columns. */
const COLUMN_WALKS = /(^|\.)(transpose|swapaxes|items|iteritems)$/;

/**
 * `[scaler.fit_transform(m) for m in mfccs]`, or the same in a `for` loop: a transformer fitted
 * anew on each element of a collection learns a statistic of that one element (one utterance's
 * frames, one image's pixels). When the elements reach the split as samples of their own
 * (`np.array(features)`), each lands whole on one side of it, and nothing of a held-out sample
 * reaches another. A split inside that loop splits each element's own rows, elements joined into
 * rows (`np.concatenate`, `pd.concat`) may be parted by the split, a walk over the columns (`X.T`,
 * `df.items()`) fits each feature on every row, and `partial_fit`, or the last
 * element's fit applied after the loop, carries one element's statistics to others: all still leak.
 */
function fitsEachSample(index: SemanticIndex, fit: TransformerCall, applied: readonly TransformerCall[], holdout: Holdout): boolean {
  if (fit.call.method !== 'fit_transform') return false;
  let data = stripParens(fit.data!);
  for (let inner = keptValuesOf(index, data); inner; inner = keptValuesOf(index, data)) data = stripParens(inner);
  const element = data.type === 'identifier' ? index.bindingAt(data) : undefined;
  if (element?.kind !== 'for' && element?.kind !== 'comprehension') return false;
  // The comprehension itself, or the `for` statement whose body runs the fit.
  const loop = element.kind === 'for' ? element.statement : element.statement.parent;
  if (!loop || !isAncestorOf(loop, fit.call.node) || isAncestorOf(loop, holdout.call.node)) return false;
  if (applied.some((step) => !isAncestorOf(loop, step.call.node))) return false;
  // A walk over the columns (`X.T`, `df.items()`) fits each feature on every row: a leak.
  const walked = (element.kind === 'for' ? loop : element.statement).childForFieldName('right');
  const columns = !walked || [walked, ...index.nodesWithin('attribute', walked)].some((node) => node.type === 'attribute' && node.childForFieldName('attribute')?.text === 'T')
    || index.callsWithin(walked).some((call) => COLUMN_WALKS.test(call.qname ?? call.method ?? ''));
  return !columns && !index.dataflow.lineageHas(holdout.data, { call: (call) => ROW_JOINS.test(call.qname ?? call.method ?? '') });
}

/** `X_train, X_test = X[:800], X[800:]`: the element a name takes from a parallel assignment (the name itself otherwise). */
function unpackedValue(index: SemanticIndex, node: Node): Node {
  const definition = node.type === 'identifier' ? index.bindingAt(node) : undefined;
  const statement = definition?.kind === 'unpack' ? definition.statement : undefined;
  const left = statement?.type === 'assignment' ? statement.childForFieldName('left') : undefined;
  const right = statement?.childForFieldName('right');
  if (!left || right?.type !== 'expression_list') return node;
  const targets = left.namedChildren;
  const at = targets.findIndex((target) => !!target && target.startIndex === definition!.node.startIndex);
  const values = right.namedChildren;
  return at >= 0 && targets.length === values.length && values[at] ? values[at]! : node;
}

/** A name holding row positions: a loop over fold indices (`for train_idx, _ in kf.split(X)`) or a call that picks rows. */
function pickedRows(index: SemanticIndex, rows: Node): boolean {
  const node = stripParens(rows);
  const origin = node.type === 'identifier' ? index.bindingAt(node) : undefined;
  const statement = origin?.statement;
  const source = origin?.kind === 'assign' || origin?.kind === 'walrus' ? origin.value
    : statement?.type === 'for_statement' ? statement.childForFieldName('right') ?? undefined
      : statement ?? node;
  if (!source) return false;
  return index.callsWithin(source).some((call) => ROW_PICKERS.test(call.qname ?? call.method ?? ''));
}

/** Scalers that map each feature by an increasing affine function, `(x - a) / b`: every feature keeps its order. */
const ORDER_KEEPING_SCALERS = /^sklearn\.preprocessing\.(StandardScaler|MinMaxScaler|MaxAbsScaler|RobustScaler)$/;
/** Libraries whose models are trained by loops written by hand, which no fit call shows. */
const HAND_TRAINED = ['torch', 'tensorflow', 'keras', 'jax', 'flax', 'lightning', 'pytorch_lightning', 'fastai', 'transformers', 'timm'];

/**
 * Settings that keep a tree model one: no linear booster (`booster="gblinear"`), linear leaves or
 * initial model. Undefined settings (unpacked from elsewhere than a literal of the file) may pick any of those.
 */
function settingsKeepTrees(settings: ReadonlyMap<string, Node> | undefined): boolean {
  if (!settings || settings.has('init') || settings.has('linear_tree')) return false;
  const booster = settings.get('booster');
  return !booster || ['gbtree', 'dart'].includes(stringValue(booster) ?? '');
}

/** A tree model built with settings that keep it one (settingsKeepTrees); settings unpacked from a dictionary literal of the file are read as keywords. */
function keepsTrees(index: SemanticIndex, call: CallSite): boolean {
  return settingsKeepTrees(call.hasSplat ? keywordsWithLiterals(index, call) : call.kwargs);
}

/** Functional trainers of boosted trees, which take their settings as a dictionary (first, or `params=`). */
const FUNCTIONAL_BOOSTERS = new Set(['xgboost.train', 'lightgbm.train']);

/**
 * `xgb.train(params, dtrain)` or `lgb.train(params, train_set)` whose settings are a dictionary
 * literal of the file that keeps the booster a tree (settingsKeepTrees): it trains a tree model as
 * `XGBClassifier(**params)` does. Settings from anywhere else may pick a linear booster.
 */
function trainsTreesFunctionally(index: SemanticIndex, call: CallSite): boolean {
  if (!call.qname || !FUNCTIONAL_BOOSTERS.has(call.qname)) return false;
  const settings = call.args[0] ?? call.kwargs.get('params');
  return !!settings && settingsKeepTrees(literalDictionaryEntries(index, settings));
}

/** The class of the model a fit or a cross-validation works on, and the call that built it; for a search, of its estimator. */
function modelBuild(index: SemanticIndex, model: Node): { className?: string; construction?: CallSite } {
  const className = index.constructedClass(model);
  if (!className || !SEARCH_CLASSES.test(className)) return { className, construction: index.originCall(model) };
  const search = index.originCall(model);
  const estimator = search ? estimatorArgument(search) : undefined;
  return estimator ? { className: index.constructedClass(estimator), construction: index.originCall(estimator) } : {};
}

/** Least squares with no penalty: scikit-learn's `LinearRegression`, statsmodels' `OLS`. */
const LEAST_SQUARES = /^sklearn\.linear_model\.(\w+\.)*LinearRegression$/;
const STATSMODELS_OLS = /^statsmodels\.(\w+\.)*OLS$/;
const ADD_CONSTANT = /^statsmodels\.(\w+\.)*add_constant$/;

/**
 * A least-squares fit with an intercept: `LinearRegression()` (its intercept is fitted unless told
 * `fit_intercept=False`; a positional argument or a splat may say so), or statsmodels' `OLS` on a
 * design matrix `add_constant` built (in the call, or through the name it was bound to). An
 * increasing straight-line map of a feature, `(x - a) / b`, is undone by that feature's coefficient
 * and the intercept, so the fitted function of the raw values, its predictions and its held-out
 * score are the same whatever rows the scaler saw. A penalty (`Ridge`, `Lasso`, `LogisticRegression`)
 * weighs the coefficients by the scale, and no intercept leaves the shift in: both keep the finding.
 */
function fitsWithIntercept(index: SemanticIndex, className: string, construction: CallSite | undefined): boolean {
  if (!construction || construction.hasSplat) return false;
  if (LEAST_SQUARES.test(className)) {
    const intercept = construction.kwargs.get('fit_intercept');
    const value = intercept ? literalValue(intercept) : undefined;
    return construction.args.length === 0 && (!intercept || (value?.kind === 'bool' && value.value));
  }
  if (!STATSMODELS_OLS.test(className)) return false;
  const design = construction.kwargs.get('exog') ?? construction.args[1];
  return !!design && ADD_CONSTANT.test(index.originCall(design)?.qname ?? '');
}

/**
 * A model whose predictions a scaler fitted on every row does not change: a tree model built with
 * settings that keep it one (see keepsTrees; read where the build is the call itself), or a
 * least-squares fit with an intercept (see fitsWithIntercept).
 */
function scaleBlind(index: SemanticIndex, className: string, construction: CallSite | undefined, built: boolean): boolean {
  if (isTreeModelClass(className)) return !built || !construction || keepsTrees(index, construction);
  return fitsWithIntercept(index, className, construction);
}

/**
 * Whether every model among the calls (built, trained or cross-validated by them) is blind to how
 * each feature was scaled, and there is one: trees split on the order of each feature's values
 * only, and least squares with an intercept undoes a straight-line map of a feature by its
 * coefficient, so a scaler fitted on every row gives the same predictions and the same held-out
 * score as one fitted on the training rows. A model whose class the file does not show, or a
 * functional trainer given settings that may pick a linear booster (see trainsTreesFunctionally), answer no.
 */
function onlyScaleBlindAmong(index: SemanticIndex, calls: readonly CallSite[]): boolean {
  let models = 0;
  for (const call of calls) {
    if (trainsTreesFunctionally(index, call)) {
      models++;
      continue;
    }
    if (call.qname && (isEstimatorConstructor(call.qname) || STATSMODELS_OLS.test(call.qname))) {
      if (!scaleBlind(index, call.qname, call, true)) return false;
      models++;
      continue;
    }
    const training = trainingCall(index.dataflow, call);
    const model = holdoutCall(index, call)?.estimator ?? training?.model;
    if (model) {
      const { className, construction } = modelBuild(index, model);
      if (!className || !scaleBlind(index, className, construction, false)) return false;
      models++;
    } else if (training) return false;
  }
  return models > 0;
}

/** Every model of the file is blind to the scaling (see onlyScaleBlindAmong); a deep-learning library's training loops call no fit, and answer no. */
const trainsOnlyScaleBlind = oncePer((index: SemanticIndex): boolean => !index.importsAny(HAND_TRAINED) && onlyScaleBlindAmong(index, index.calls));

/** A model's methods that take the rows of a split: training it, predicting or scoring with it. */
const MODEL_METHODS = new Set(['fit', 'fit_predict', 'predict', 'predict_proba', 'predict_log_proba', 'decision_function', 'score']);
/** Methods of the data that give part of it or the same values in another form: what they return is still the part. */
const PART_METHODS = new Set(['isin', 'to_numpy', 'reshape', 'ravel', 'flatten', 'astype', 'copy', 'reset_index', 'drop', 'dropna', 'squeeze', 'tolist', 'unique', 'min', 'max']);
/** Attributes of the data that give its values, or facts about it (its shape, its row labels). */
const PART_ATTRIBUTES = new Set(['values', 'T', 'shape', 'size', 'dtype', 'dtypes', 'columns', 'index']);
/** Functions that only show or measure what they are given: a metric, a print, a plot. */
const SHOWS = /^(builtins\.(print|len)|IPython\.display\.display|matplotlib\.|seaborn\.)/;
/** Functions that give the values they are handed as an array. */
const AS_ARRAY = /^numpy\.(array|asarray|ravel|squeeze)$/;
/** How many names bound from a split's parts the walk follows. */
const MAX_PART_NAMES = 32;

type PartUse = 'model' | 'shown' | Definition[];

/** The names an assignment's left side binds (`X_tr, X_te = ...`, `train_df = ...`); undefined for an attribute or item written. */
function boundNames(index: SemanticIndex, left: Node | null): Definition[] | undefined {
  if (left?.type === 'identifier') {
    const definition = index.boundAt(left);
    return definition ? [definition] : undefined;
  }
  if (left?.type !== 'pattern_list' && left?.type !== 'tuple_pattern') return undefined;
  const names: Definition[] = [];
  for (const part of left.namedChildren) {
    const bound = part ? boundNames(index, part) : undefined;
    if (!bound) return undefined;
    names.push(...bound);
  }
  return names;
}

/**
 * Where one use of a split's part ends: trained on or scored by a model blind to the scaling
 * ('model'), shown or measured ('shown'), or bound to names that hold part of it in turn;
 * undefined for anything else (a model of another kind, a loop, a function of the file, a file
 * written), which may carry the leak on.
 */
function partUse(index: SemanticIndex, node: Node): PartUse | undefined {
  let current = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case 'parenthesized_expression':
      case 'subscript':
      case 'comparison_operator':
      case 'boolean_operator':
      case 'binary_operator':
      case 'unary_operator':
      case 'list':
      case 'tuple':
      case 'expression_list':
      case 'interpolation':
      case 'string':
        continue;
      case 'expression_statement':
        return 'shown';
      case 'assignment':
        return sameNode(parent.childForFieldName('right'), current) ? boundNames(index, parent.childForFieldName('left')) : undefined;
      case 'attribute': {
        if (!sameNode(parent.childForFieldName('object'), current)) return undefined;
        const name = parent.childForFieldName('attribute')?.text ?? '';
        if (PART_ATTRIBUTES.has(name)) continue;
        const call = parent.parent;
        if (call?.type !== 'call' || !sameNode(call.childForFieldName('function'), parent) || !PART_METHODS.has(name)) return undefined;
        parent = call;
        continue;
      }
      case 'keyword_argument':
        if (!sameNode(parent.childForFieldName('value'), current)) return undefined;
        continue;
      case 'argument_list': {
        const call = parent.parent ? index.call(parent.parent) : undefined;
        if (!call) return undefined;
        if (call.callee.type === 'attribute') {
          const method = call.callee.childForFieldName('attribute')?.text ?? '';
          const receiver = call.callee.childForFieldName('object');
          if (MODEL_METHODS.has(method) && receiver) {
            const { className, construction } = modelBuild(index, receiver);
            return className && construction && scaleBlind(index, className, construction, true) ? 'model' : undefined;
          }
          if (method === 'isin') {
            parent = call.node;
            continue;
          }
        }
        if (call.qname && (SHOWS.test(call.qname) || metricKind(call.qname))) return 'shown';
        if (call.qname && AS_ARRAY.test(call.qname)) {
          parent = call.node;
          continue;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }
  return undefined;
}

/**
 * Every use of what a split gives (`train_ids, val_ids = train_test_split(engine_ids)`), and of the
 * names made from it (`train_df = frame[frame.engine.isin(train_ids)]`, `X_train = train_df[cols]`),
 * ends in a model blind to the scaling, trained or scored on it, or in a print, plot or metric: the
 * held-out score of that split is a tree model's, whatever models the file trains on other data.
 */
function partsReachOnlyScaleBlind(index: SemanticIndex, holdout: Holdout): boolean {
  if (holdout.kind !== 'split') return false;
  const statement = holdout.call.node.parent;
  if (statement?.type !== 'assignment' || !sameNode(statement.childForFieldName('right'), holdout.call.node)) return false;
  const pending = boundNames(index, statement.childForFieldName('left'));
  if (!pending) return false;
  const seen = new Set<Definition>();
  let models = 0;
  for (let definition = pending.pop(); definition; definition = pending.pop()) {
    if (seen.has(definition)) continue;
    seen.add(definition);
    if (seen.size > MAX_PART_NAMES) return false;
    for (const use of index.dataflow.usesOf(definition)) {
      const ends = use.role === 'load' ? partUse(index, use.node) : undefined;
      if (!ends) return false;
      if (ends === 'model') models++;
      else if (ends !== 'shown') pending.push(...ends);
    }
  }
  return models > 0;
}

/**
 * Every model the held-out score is taken from is blind to the scaling: the estimator a cross-validation or
 * search is handed, or the models built and trained in the body of the loop that walks the folds
 * (`for tr, te in skf.split(X_s, y): rf.fit(X_s[tr], y[tr])`), whatever other models the file
 * trains on other data. A loop body that calls a function of the file, which may train another
 * model, answers no.
 */
function scoresOnlyScaleBlind(index: SemanticIndex, holdout: Holdout): boolean {
  if (partsReachOnlyScaleBlind(index, holdout)) return true;
  if (index.importsAny(HAND_TRAINED)) return false;
  if (holdout.estimator) return onlyScaleBlindAmong(index, [holdout.call]);
  let loop = holdout.call.node.parent;
  while (loop && loop.type !== 'for_statement' && loop.type !== 'block') loop = loop.parent;
  // The loop whose header (not whose body) holds the split: the loop that walks its folds.
  const body = loop?.type === 'for_statement' ? loop.childForFieldName('body') : undefined;
  if (!body || isAncestorOf(body, holdout.call.node)) return false;
  const calls = index.callsWithin(body);
  const callsOwnFunction = calls.some((call) => call.callee.type === 'identifier' && index.bindingAt(call.callee)?.kind === 'def');
  return !callsOwnFunction && onlyScaleBlindAmong(index, calls);
}

/**
 * Scalers fitted on every row before the split that feed only such models change no prediction
 * (see onlyScaleBlindAmong). Any other step that learns a statistic (an imputer's means, a PCA's
 * directions, SMOTE's neighbours) learns it from the scaled values of every row, and is reported.
 */
function leaksNothingIntoScaleBlind(index: SemanticIndex, fits: readonly TransformerCall[], holdout: Holdout): boolean {
  if (!fits.every((fit) => ORDER_KEEPING_SCALERS.test(fit.className))) return false;
  const others = transformerCalls(index).some((step) => step.step === 'fit' && !ORDER_KEEPING_SCALERS.test(step.className) && learnsStatistics(index, step));
  return !others && (trainsOnlyScaleBlind(index) || scoresOnlyScaleBlind(index, holdout));
}

/**
 * Random under-sampling keeps or drops each row by its class alone, never by its values: nothing of
 * the held-out rows reaches training. Done before the split, it thins the held-out rows as well, so
 * the score is taken on a class balance the real data does not have: that is what its message says.
 */
const RANDOM_UNDER_SAMPLER = /^imblearn\.under_sampling\.RandomUnderSampler$/;

/** How many functions a splitter handed on as a parameter is followed up through. */
const MAX_SPLITTER_DEPTH = 3;

/**
 * Whether `node` holds a `PredefinedSplit` wherever it is read: built there, or a parameter (its
 * only binding) that every call of its function hands one, followed up through three functions
 * (`cv=predefined_split` in a helper that `main` calls with `PredefinedSplit(test_fold=fold)`).
 */
function holdsPredefinedSplit(index: SemanticIndex, node: Node, depth = 0): boolean {
  const value = index.valueOf(node);
  if (index.constructedClass(value) === 'sklearn.model_selection.PredefinedSplit') return true;
  if (value.type !== 'identifier' || depth >= MAX_SPLITTER_DEPTH) return false;
  const binding = index.bindingAt(value);
  const passed = binding?.kind === 'param' && index.isOnlyBinding(binding) ? index.passedArguments(value) : undefined;
  return !!passed && passed.every((argument) => holdsPredefinedSplit(index, argument, depth + 1));
}

/**
 * The splitter a cross-validation walks: `cv=` of a search's construction (`GridSearchCV(est, grid, cv=ps)`,
 * then `.fit`) or of a cross-validation function, or the object whose `.split` is called.
 */
function splitterOf(index: SemanticIndex, holdout: Holdout): Node | undefined {
  if (holdout.kind !== 'cross-validation') return undefined;
  const { call } = holdout;
  if (call.method === 'split' && !call.qname) return call.receiver ?? undefined;
  if (call.qname) return call.kwargs.get('cv');
  return call.receiver ? index.originCall(call.receiver)?.kwargs.get('cv') : undefined;
}

/**
 * A `PredefinedSplit` holds out the rows its `test_fold` marks: a validation part the code set
 * aside itself, as a split written by hand does. A transformer fitted on other data than the data
 * cross-validated (`scaler.fit(train["X"])`, then `search.fit(scaler.transform(train_valid["X"]), ...)`
 * with `cv=PredefinedSplit(fold)`) is fitted on a part of the code's choosing, its training part,
 * and is applied to the rest: nothing of the held-out rows reaches it. Fitted on the very data
 * cross-validated (its `fit_transform`, or a transform of the data it was fitted on), or on parts
 * joined into one (`np.vstack`, `pd.concat`: the validation part may be among them), it saw the
 * held-out rows, and is still reported; so is any other splitter, whose folds hold out every row in turn.
 */
function fittedOnPredefinedTrainingPart(index: SemanticIndex, fit: TransformerCall, applied: readonly TransformerCall[], holdout: Holdout): boolean {
  const splitter = splitterOf(index, holdout);
  if (!splitter || !holdsPredefinedSplit(index, splitter)) return false;
  const flow = index.dataflow;
  const fitted = fit.data!;
  if (holdout.data.some((data) => mayBeSameObject(flow, data, fitted))) return false;
  if (fit.call.method !== 'fit' && flow.lineageHas(holdout.data, { call: (call) => call === fit.call })) return false;
  if (flow.lineageHas([fitted], { call: (call) => ROW_JOINS.test(call.qname ?? call.method ?? '') })) return false;
  const feeding = applied.filter((step) => flow.lineageHas(holdout.data, { call: (call) => call === step.call }));
  return feeding.length > 0 && feeding.every((step) => !!step.data && !mayBeSameObject(flow, step.data, fitted));
}

function check(context: RuleContext): void {
  const { index } = context;
  const flow = index.dataflow;
  const holdouts = definedOf(index.calls, (call) => holdoutCall(index, call));
  if (holdouts.length === 0) return;
  const steps = transformerCalls(index);
  const leaks = new Map<Holdout, TransformerCall[]>();
  const feeds = (holdout: Holdout, outputs: readonly CallSite[]): boolean => flow.lineageHas(holdout.data, { call: (call) => outputs.includes(call) });
  // Looked up, not scanned per fit: a scan of every step and every later split per fit is quadratic.
  const transformsBy = groupBy(steps.filter((step) => step.step === 'transform'), (step) => sameObjectKey(step.transformer));
  const fitsBy = groupBy(steps.filter((step) => step.step === 'fit'), (step) => sameObjectKey(step.transformer));
  const splitting = holdoutsByData(holdouts);
  let firstHolding: Map<CallSite, number> | undefined;
  for (const fit of steps) {
    if (fit.step !== 'fit' || !fit.data || !learnsStatistics(index, fit)) continue;
    // Fitted on data that was already split (a training part): that is the right way round.
    if (hasHoldoutBehind(index, fit.data) || selectsRows(index, fit.data)) continue;
    const start = fit.call.node.startIndex;
    const later = (step: TransformerCall) => step.call.node.startIndex > start && mayBeSameObject(flow, step.transformer, fit.transformer);
    const transformerKey = sameObjectKey(fit.transformer);
    // A transform that a refit of the same object always precedes (`preprocess.fit_transform(X_train)`
    // then `preprocess.transform(X_valid)` in each fold) applies what that refit learned, not this fit.
    const refits = (transformerKey === undefined ? [] : fitsBy.get(transformerKey) ?? []).filter((step) => step !== fit && later(step));
    const applied = (transformerKey === undefined ? [] : transformsBy.get(transformerKey) ?? []).filter(later)
      .filter((step) => !refits.some((refit) => refit.call.node.startIndex < step.call.node.startIndex && runsBeforeEveryRun(refit.call.node, step.call.node)));
    // Its output: the fit_transform itself, and what the fitted transformer transforms afterwards.
    const outputs = [...(fit.call.method === 'fit' ? [] : [fit.call]), ...applied.map((step) => step.call)];
    const leaksInto = (h: Holdout) => feeds(h, outputs) || splitsFittedDataThenTransforms(flow, h, fit, applied);
    // The splits to try, in order: the first whose data holds an output (one shared walk for all
    // splits), and those that split the fitted data itself. A split before the fit holding an
    // output (a loop) hides the later ones from that walk: then every later split is tried.
    const after = firstAtOrAfter(holdouts, (h) => h.call.node.startIndex, start + 1);
    firstHolding ??= flow.callsBehindFirst(holdouts.map((h) => h.data));
    const fed = outputs.map((output) => firstHolding!.get(output)).filter((position): position is number => position !== undefined);
    const candidates = fed.some((position) => position < after)
      ? holdouts.slice(after)
      : [...new Set([...fed, ...(splitting.get(sameObjectKey(fit.data)) ?? [])])].filter((position) => position >= after).sort((a, b) => a - b).map((position) => holdouts[position]);
    const holdout = candidates.find((h) => leaksInto(h) && !fittedOnPredefinedTrainingPart(index, fit, applied, h));
    if (holdout && !fitsEachSample(index, fit, applied, holdout)) pushTo(leaks, holdout, fit);
  }
  // Steps fitted on all the data before one split are one cause with one remedy (split first, or
  // a Pipeline): one finding per split, at the first such fit, linked to the others.
  for (const [holdout, fits] of leaks) {
    if (leaksNothingIntoScaleBlind(index, fits, holdout)) continue;
    // An under-sampler learns nothing: beside steps that do, the finding is theirs, led by the first
    // of them, and the under-sampler is linked for what it does; alone, its message says what it does.
    const learners = fits.filter((step) => !RANDOM_UNDER_SAMPLER.test(step.className));
    const samplers = fits.filter((step) => RANDOM_UNDER_SAMPLER.test(step.className));
    const [fit, ...others] = learners.length > 0 ? learners : samplers;
    const name = lastSegment(fit.className);
    const held = holdout.kind === 'split' ? 'the test rows' : "every fold's held-out rows";
    const more = others.length > 0 ? ` (and so ${others.length > 1 ? `are ${others.length} other steps` : 'is 1 other step'}, linked)` : '';
    const message = learners.length === 0
      ? `${name} drops rows from all of ${shortText(fit.data!)} before ${holdoutName(index, holdout)}: it learns nothing from ${held}, but thins them too, so the held-out score is measured on a class balance the real data does not have`
      : `${name} is fitted on all of ${shortText(fit.data!)} before ${holdoutName(index, holdout)}${more}: what ${others.length > 0 ? 'they learn' : 'it learns'} from ${held} leaks into training and inflates the held-out score`;
    context.report({
      node: fit.call.node,
      message,
      related: [
        ...others.map((other) => ({ node: other.call.node, message: `${lastSegment(other.className)} is also fitted on all of ${shortText(other.data!)} before the split` })),
        ...(learners.length > 0 ? samplers : []).map((sampler) => ({ node: sampler.call.node, message: `${lastSegment(sampler.className)} also drops rows from all of ${shortText(sampler.data!)} before the split, which thins the held-out rows too` })),
        { node: holdout.call.node, message: holdout.kind === 'split' ? 'the data is split here, after the fit' : 'cross-validation here, after the fit' },
      ],
    });
  }
}

/** The positions of the splits by the object key of each data they split (sameObjectKey). */
function holdoutsByData(holdouts: readonly Holdout[]): Map<string | undefined, number[]> {
  const positions = new Map<string | undefined, number[]>();
  holdouts.forEach((holdout, position) => {
    for (const key of new Set(holdout.data.map(sameObjectKey))) if (key !== undefined) pushTo(positions, key, position);
  });
  return positions;
}

/**
 * `scaler.fit(X)`, then `train_test_split(X, ...)`, then `scaler.transform(X_train)`: the split
 * takes the very data the transformer was fitted on, and the fitted transformer is applied to a part.
 */
function splitsFittedDataThenTransforms(flow: DataFlow, holdout: Holdout, fit: TransformerCall, applied: readonly TransformerCall[]): boolean {
  if (!holdout.data.some((data) => mayBeSameObject(flow, data, fit.data!))) return false;
  return applied.some((step) => step.data && holdoutsBehind(flow.index, flow.lineage(step.data)).some((behind) => behind.call === holdout.call));
}

export const preprocessingBeforeSplit: Rule = {
  meta: {
    code: 'MLD503',
    name: 'preprocessing-before-split',
    category: 'pipeline-jungles',
    severity: 'warning',
    recommended: true,
    docs: {
      summary: 'A scaler, imputer, selector, decomposition, frequency-based encoder or resampler is fitted on the whole data set before `train_test_split` or cross-validation.',
      why: "Pipeline jungles (§5), and the leakage they hide: preprocessing done by hand, outside the model, ends up in the wrong place. Fitted before the split, a scaler learns means and variances that include the test rows, an imputer fills gaps with statistics of the test rows, a selector picks features with the test labels, and SMOTE makes synthetic rows from neighbours that land in the test set. The held-out score is then optimistic, and the model that ships is not the one that was measured — the preprocessing step and the model are one system that the code does not treat as one.",
      example: 'from sklearn.model_selection import train_test_split\nfrom sklearn.preprocessing import StandardScaler\n\nX = StandardScaler().fit_transform(X)\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)',
      fix: 'Split first, then fit preprocessing on the training part only, and apply it to the test part. Better, put the steps and the model in one `Pipeline` (`make_pipeline(StandardScaler(), LogisticRegression())`) and pass that to `fit`, `cross_val_score` or `GridSearchCV`: every fold then fits the preprocessing on its own training rows.',
      fixed: 'from sklearn.linear_model import LogisticRegression\nfrom sklearn.model_selection import train_test_split\nfrom sklearn.pipeline import make_pipeline\nfrom sklearn.preprocessing import StandardScaler\n\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)\nmodel = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)',
      nearMisses: 'A transformer fitted on the training part of a split (its data comes from `train_test_split`, or from a split written by hand: rows selected by position `X[:800]`, by a mask `df[df.year < 2020]`, or by indices from a splitter or a shuffle `df.loc[train_idx]`, `X[train_idx]` — it is fitted on those rows, not on all of the data; a column selection such as `df[features]` or `df.loc[:, cols]` keeps every row and still counts as all), a transformer inside a `Pipeline` passed to `cross_val_score`, and preprocessing whose output never reaches a split or cross-validation are left alone. A column selection follows only the columns it names, also through a name bound to a column\'s name (`df[target_col]` with `target_col = "yield"`) or a list of names taken from the frame\'s own columns (`feature_cols = [c for c in df.select_dtypes("number").columns if c != target_col]`): a column written into the frame after that list was taken (`df["cluster"] = KMeans(3).fit_predict(pca_of_scaled_rows)`, for a plot) is not in it, so what was fitted on every row to make that column does not reach `df[feature_cols]`; a list taken after the write, or a column the file reads from the frame before writing it again (`df["age"] = StandardScaler().fit_transform(df[["age"]])`, which the frame already had), still carries the fit. Encoders that learn only the set of categories (`OneHotEncoder`, `OrdinalEncoder`, `LabelEncoder`, `LabelBinarizer`, and category_encoders\' `BinaryEncoder` and `BaseNEncoder`, which write each category\'s ordinal code in digits), stateless steps (`FunctionTransformer`, `Normalizer`, `Binarizer`, `PolynomialFeatures`, `HashingVectorizer`, category_encoders\' `HashingEncoder`) and `CountVectorizer` without frequency cut-offs learn no statistic of the rows, so fitting them on all the data leaks nothing and is not reported. A cut-off given the value that cuts nothing, its default (`min_df=1`, `max_df=1.0`, `max_features=None`), is no cut-off, while `min_df=2`, `min_df=1.0` (words in every document) and `max_df=1` (words in at most one) cut by how many rows hold a word. The step judged is the one the fit is called on: `vect = CountVectorizer().fit(text)` fits a vectorizer without cut-offs even where the same name is bound elsewhere in the file to one with them (`vect = CountVectorizer(min_df=2).fit(text)`), which is still reported. So is a `SimpleImputer(strategy="constant")`: it fills every gap with its `fill_value` and keeps every column, whatever rows it saw; one that also adds missing-value indicators (`add_indicator=True`) learns which columns have gaps, and another strategy learns a mean, a median or the most frequent value, so both are still reported. A step under a literal `if False:` never runs and fits nothing. Several steps fitted on all the data before one split (a scaler per column, a scaler then a PCA) are one cause with one remedy — split first, or put them in a `Pipeline` — so they give one finding, at the first, linked to the others. A `PredefinedSplit` holds out the rows its `test_fold` marks, a validation part the code set aside itself, as a split written by hand does: a transformer fitted on other data than the data cross-validated (`scaler.fit(train["X"])`, then `search.fit(scaler.transform(train_valid["X"]), y)` with `cv=PredefinedSplit(test_fold=fold)`, also with the splitter handed down through the parameters of up to three functions that every call hands one) is fitted on the training part and applied to the rest, and is left alone; one fitted on the very data cross-validated (its `fit_transform`, or a `transform` of the data it was fitted on) or on parts joined into one (`np.vstack([X_train, X_val])`, `pd.concat`, which may hold the validation rows), or a search over any other splitter (`cv=5`, a `KFold`), whose folds hold out every row in turn, is still reported.\n\nA transformer fitted anew on each sample, by `fit_transform` on the variable of a loop or comprehension over the samples (`[scaler.fit_transform(m) for m in mfccs]`: one clip\'s frames, one image\'s pixels), learns only that sample, and when the samples reach the split as samples (`np.array(features)`, `np.stack`) each lands whole on one side: nothing of a held-out sample reaches another, and nothing is reported. Elements joined into rows (`np.concatenate`, `pd.concat`, `extend`: a subject\'s recording the split may part), a walk over the columns (`for col in X.T`, `df.items()`: each feature fitted on every row), a split inside that loop, `partial_fit`, and a fitted transformer applied after the loop are still reported.\n\nRandom under-sampling (`RandomUnderSampler`) keeps or drops each row by its class alone and learns nothing of the rows it keeps: done before the split, it leaks no held-out row into training, and its message does not say it does. It is still reported, with a message that says what it does: it thins the held-out rows too, so the score is measured on a class balance the real data does not have. Beside steps fitted before the same split that do learn from the rows (a scaler, a PCA), the finding is theirs, at the first of them, and the under-sampler is linked to it for what it does: it learns nothing to leak. Over-sampling copies or blends rows that then land on both sides of the split, and keeps the leakage message.\n\nScaling leaks nothing into tree models. A scaler (`StandardScaler`, `MinMaxScaler`, `MaxAbsScaler`, `RobustScaler`) maps each feature by an increasing straight line, and a tree, a random forest or a gradient-boosting model (scikit-learn\'s, XGBoost, LightGBM, CatBoost) splits on the order of a feature\'s values only: a scaler fitted on every row gives the same splits, predictions and held-out score as one fitted on the training rows. So when every step fitted before the split is such a scaler and every model the file builds, trains or cross-validates is a tree model, nothing is reported; nor when every model the held-out score is taken from is one — the estimator handed to the cross-validation or search, or the models built and trained in the body of the loop that walks the folds (`for tr, te in skf.split(X_s, y): rf.fit(X_s[tr], y[tr])`), or, for a split, the models its parts reach: every use of what it gives, and of the names made from that (rows selected by the split\'s ids, `X_train = train_df[cols]`), is such a model trained, predicting or scored on them, a print, a plot or a metric (`train_ids, val_ids = train_test_split(engine_ids)`, then only `rf.fit(X_train, y_train)` and `mean_absolute_error(y_val, rf.predict(X_val))`, in a notebook whose LSTM learns from a frame read and split again) —, whatever the file\'s other functions and cells train on other data. A loop over the folds that also trains another kind of model, or hands the rows to a function of the file, keeps the finding, and so does a part of a split handed to another model, to a function of the file, to a tensor, a loop or a file. Settings unpacked from a dictionary literal of the file (`XGBRegressor(**params)` with `params = {"max_depth": ...}` built before it, as an Optuna objective does) are read as the model\'s keywords, and so are the best settings of a search whose grid is made of such literals (`GradientBoostingRegressor(**grid.best_params_, random_state=1)` after `grid = GridSearchCV(GradientBoostingRegressor(), {"max_depth": [3, 4]})`, also through a name bound to them): they hold only the keys the grid tunes, so a grid that tunes no booster, linear leaves or initial model leaves the tree model one, while one that does (`{"booster": ["gbtree", "gblinear"]}`) may pick a linear model; settings unpacked from anything else (a file, a parameter), or from a literal that something writes into before the call, may pick a linear booster. XGBoost\'s and LightGBM\'s functional trainers (`xgb.train(params, dtrain)`, `lgb.train(params=..., train_set=...)`) train such a model when their settings are a dictionary literal of the file that nothing writes into and that picks no linear booster or linear leaves, as `XGBClassifier(**params)` does. A model the file does not show the class of, a linear booster (`booster="gblinear"`), linear leaves, a functional trainer given settings from anywhere else (a file, a parameter, a literal changed before the call), a deep-learning library, or another step that learns from the scaled values (a PCA, an imputer, SMOTE) keeps the finding.\n\nNor does scaling leak into least squares with an intercept: `LinearRegression()`, or statsmodels\' `OLS` on a design matrix `add_constant` built (`sm.OLS(y, sm.add_constant(X)).fit()`, also through the name it was bound to). A straight-line map of a feature, `(x - a) / b`, is undone by that feature\'s coefficient and the intercept, so the fitted function of the raw values, its predictions and its held-out score are the same whatever rows the scaler saw: such a model counts as a tree model does above, beside trees or alone (a linear baseline and a random forest both scored on the split). A penalty weighs the coefficients by the scale (`Ridge`, `Lasso`, `LogisticRegression`, whose default is penalised), and a fit with no intercept (`fit_intercept=False`, an `OLS` on the bare features) keeps the shift in: both keep the finding, as does a `LinearRegression` given a positional argument or a splat, which may turn its intercept off. A transformer fitted on all the rows and fitted again, on each fold\'s or part\'s own training rows, before every later transform of it (`preprocess.fit_transform(X)` only shown, then in each fold `preprocess.fit_transform(X_train)` and `preprocess.transform(X_valid)`) applies only what the refit learned: the first fit\'s statistics reach no held-out row, and only its own output, where it feeds the split, leaks; a refit under a condition (the first fold only), or one after the held-out rows are transformed, leaves the first fit applied, and is still reported. The splits and searches of scikit-learn\'s modules before 0.18 (`sklearn.cross_validation`, `sklearn.grid_search`) hold out rows as `sklearn.model_selection`\'s do, and are read as theirs.',
      notebooks: 'The notebook is one program from top to bottom: a fit in one cell and the split in a later cell are linked.',
    },
  },
  check,
};
