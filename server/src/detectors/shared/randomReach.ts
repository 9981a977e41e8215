// Does a random draw reach an ML result? A draw matters for reproducibility when its value ends
// up in training data, a split, a model or a metric; a row picked for display, plot data, a
// dummy input, a game move or a dice roll in a lesson changes no result. Followed forwards:
// through expressions, names, writes into objects, the parameters of the file's functions it is
// passed to, return values and loops, with a budget.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite, Definition } from '../../semantics/types';
import { isPreprocessorClass, trainingCall } from '../../semantics/training';
import { SELF_RETURNING } from '../../semantics/library/torch';
import { DASHBOARD_CLASSES, DASHBOARD_SHOW_METHODS, SILENT_SYNC_CALLBACKS } from '../../semantics/library/values';
import { mutatesReceiver, objectRoot } from '../../semantics/dataflow';
import { appliesGradients, appliesGradientsWhere, gradientUsed, isOptimizerName, moduleOrigin, TENSOR_FUNCTIONS } from '../../semantics/torch';
import { ancestors, comparesWithNone, enclosingFunction, enclosingLoops, isAncestorOf, methodClass, nodeKey, structureAncestors, topLevelStatement, FUNCTION_TYPES, LOOP_TYPES, sameNode, stripParens } from '../../semantics/nodes';
import { literalValue, stringValue, type LiteralValue } from '../../semantics/literals';
import { parameterName } from '../../semantics/definitions';
import { metricCall, metricKind } from './evaluation';
import { OUTPUT_METHODS } from './models';
import { isEstimatorConstructor, lastSegment, packageOf, randomStateKind } from './libraries';
import { oncePer } from '../../engine/collections';
import { mayCallOwn } from './objects';
import { isTestCaseClass } from './testCases';
import { isTestModule } from '../../documents/testModules';
import { builtWhereFailureExpected } from './inspection';
import { underTestsNewDirectory } from './testTempDirs';

/** Methods that learn from their arguments (or, for `backward`, from their receiver). */
export const LEARNING_METHODS = new Set(['fit', 'partial_fit', 'fit_transform', 'fit_resample', 'train', 'train_on_batch', 'fit_generator', 'train_step', 'backward', 'score', 'evaluate']);
/**
 * Constructors and functions that hold training data or model weights; `torch.nn.functional`,
 * Keras 3's `keras.ops` and the functions of Keras' backend are stateless math (`F.softmax(logits)`,
 * `ops.mean(x)`, `K.transpose(rules)`), so their values are followed on instead; the backend's
 * `variable`, `placeholder`, `zeros`, `ones`, `eye` and `random_*` make variables or draw.
 */
const DATA_OR_WEIGHTS = /^(torch\.nn\.(?!functional\.)|torch\.utils\.data\.|tensorflow\.(Variable|data\.|keras\.(?!ops\.|backend\.(?!(variable|placeholder|zeros|ones|eye|random_\w+)$)[a-z]\w*$))|keras\.(?!ops\.|backend\.(?!(variable|placeholder|zeros|ones|eye|random_\w+)$)[a-z]\w*$)|datasets\.)|(^|\.)(\w*Dataset|DataLoader|\w*Trainer|\w*Collator\w*)(\.|$)/;
/**
 * Containers of labelled arrays and open files that are named `Dataset` (xarray's, netCDF4's) hold
 * numbers as a pandas frame does, not training data: the draw is followed on through them.
 */
const ARRAY_CONTAINERS = /^(xarray|netCDF4)\.Dataset$/;
/**
 * Keras helpers that load or convert one value (`load_img`, `img_to_array`, `to_categorical`,
 * `pad_sequences`) hold no data set and no weights: the draw is followed on through their output.
 * Those that build a data set (`image_dataset_from_directory`) still count.
 */
const KERAS_VALUE_HELPERS = /^(tensorflow\.)?keras\.(utils|preprocessing)\.(\w+\.)*(?!\w*dataset)[a-z]\w*$/;
/** Keywords through which a function becomes part of a data pipeline or a trainer. */
const PIPELINE_KEYWORDS = new Set(['collate_fn', 'data_collator', 'transform', 'transforms', 'target_transform', 'preprocessing_function', 'compute_metrics', 'worker_init_fn']);
/**
 * Calls that use an example input only for its shape: tracing, export (each of PyTorch's exporters: the
 * TorchScript-based `torch.onnx.export`, the dynamo-based `torch.onnx.dynamo_export`, `torch.export`),
 * profiling, graph logging, a logged model's signature.
 */
const SHAPE_PROBES = /^(torch\.onnx\.(export|dynamo_export)|torch\.jit\.trace|torch\.export\.export|fvcore\.nn\.FlopCountAnalysis|thop\.profile|torchinfo\.summary|torchsummary\.summary|mlflow\.models\.(signature\.)?infer_signature)$/;
/** MLflow keeps `input_example=` beside a logged model to show its schema: the values train and score nothing. */
const isExampleInput = (call: CallSite, keyword: string | undefined) => keyword === 'input_example' && !!call.qname?.startsWith('mlflow.');
/** FLOP counters: what runs in their `with` block is counted, and the counts depend on shapes only. */
const FLOP_COUNTERS = /^(torch\.utils\.flop_counter\.FlopCounterMode|torchtnt\.utils\.flops\.FlopTensorDispatchMode)$/;
/** Checks that two computations agree: a metric whose value only meets one of them is under test. */
const AGREEMENT_CHECKS = /^(numpy\.(allclose|isclose|array_equal|testing\.\w+)|torch\.(allclose|isclose|equal|testing\.\w+)|math\.isclose|pytest\.approx|tensorflow\.debugging\.\w+)$/;
/** Waits (`time.sleep(backoff + random.uniform(0, 1))`, a retry's jitter): their length decides when code runs, not what it computes. */
const WAITS = /^(time|asyncio)\.sleep$/;
/** Calls that only show a value: it goes no further. */
const DISPLAY = /^(builtins\.(print|len|repr|str|format)|sys\.std(out|err)\.write|matplotlib\.|seaborn\.|plotly\.|adjustText\.|IPython\.|logging\.(debug|info|warning|warn|error|critical|exception|log)$)/;
/**
 * Methods named for a kind of chart (seaborn's and pandas' names): no model, data set or tensor has
 * one, so an object of unknown type called so (a plotting wrapper handed in, `fp.scatterplot(x, y)`)
 * draws. `plot` and `scatter` are left out: a tensor's `scatter` writes values.
 */
const CHART_METHODS = /^((scatter|line|bar|hist|kde|box|violin|strip|swarm|count|point|reg|resid|ecdf|rel|cat|pair|joint|lm)plot|heatmap|clustermap|imshow|matshow|pcolormesh)$/;
/**
 * A call that only shows what it is handed: a display function, a log line (`logging.info(...)`, a
 * logger's `logger.info(...)`: text for a person to read, as a print is), a method of a matplotlib
 * figure or axes (`axes[i, j].scatter(x, y)`), which draws as pyplot's functions do, or a method
 * named for a chart (CHART_METHODS).
 */
function shows(index: SemanticIndex, call: CallSite): boolean {
  if (call.qname) return DISPLAY.test(call.qname);
  if (!call.receiver) return index.isLoggerMethod(call);
  return index.isLoggerMethod(call) || index.dataflow.kindOf(call.receiver)?.kind === 'figure' || CHART_METHODS.test(call.method ?? '') || showsOnDashboard(index, call);
}

/**
 * `vis.image(img)` on `vis = visdom.Visdom()`, `writer.add_image("pred", img, epoch)` on a `SummaryWriter`,
 * also one kept on `self` (`self.writer = SummaryWriter(log_dir)`, every assignment of the class a
 * dashboard): a window or an event file for a person to look at.
 */
function showsOnDashboard(index: SemanticIndex, call: CallSite): boolean {
  if (!call.receiver || !DASHBOARD_SHOW_METHODS.test(call.method ?? '')) return false;
  const isDashboard = (value: Node) => DASHBOARD_CLASSES.test(index.constructedClass(value) ?? '');
  if (isDashboard(call.receiver)) return true;
  const stored = index.instanceAttributeValues(call.receiver);
  return stored.length > 0 && stored.every(isDashboard);
}
/** Methods of a class that make it a model or a data set: its state is weights or data. */
const MODEL_OR_DATA_METHODS = /^(forward|fit|train|predict|predict_proba|backward|__getitem__|__iter__|call|train_step|training_step)$/;
/** Class names that say the class prepares training data (`DataCollatorForMasking`, `PairDataset`). */
const DATA_CLASS_NAME = /(Collator|Dataset|DataModule|Sampler|DataLoader)/;
const CARRYING_PARENTS = new Set([
  'parenthesized_expression', 'binary_operator', 'unary_operator', 'boolean_operator', 'conditional_expression', 'list',
  'tuple', 'set', 'dictionary', 'pair', 'subscript', 'comparison_operator', 'slice', 'list_comprehension', 'generator_expression', 'set_comprehension',
  'dictionary_comprehension', 'list_splat', 'expression_list', 'await', 'for_in_clause', 'pattern_list',
  // An f-string's `{value}` carries the value into the text: it goes where the text goes (printed, logged, a path).
  'interpolation', 'string', 'concatenated_string',
]);
const BUDGET = 300;

/** Builtins that only hand on the items of what they are given, in another container or order. */
const ITERATING_BUILTINS: ReadonlySet<string> = new Set(['builtins.enumerate', 'builtins.zip', 'builtins.list', 'builtins.tuple', 'builtins.reversed', 'builtins.sorted', 'builtins.iter']);

/**
 * Calls whose value is computed from what they are handed and that train nothing: a model's output
 * for the rows (`model.predict(X_sample)`), NumPy's functions (`np.argmax(probs[i])`) and builtins
 * such as `enumerate` and `list`. What is drawn goes on in their value; one that only writes
 * (`np.save`) gives back `None`, which goes nowhere.
 */
function computesFrom(call: CallSite): boolean {
  if (call.qname) return call.qname.startsWith('numpy.') || ITERATING_BUILTINS.has(call.qname);
  return !!call.method && !!call.receiver && OUTPUT_METHODS.has(call.method);
}

/** `model.fit(...)`, `loss.backward()` on an object of unknown type; a library function such as `ImageOps.fit` is no learning. */
function isLearningMethod(call: CallSite): boolean {
  return !!call.method && !call.qname && LEARNING_METHODS.has(call.method);
}

/**
 * A backward pass, or PyTorch's `module.train()` with no argument (a mode switch), in a file that
 * runs backward passes itself but never applies the gradients (see appliesGradients): a
 * throughput or memory benchmark, whose results are durations; no weight changes. A known PyTorch
 * module's `train()` is a mode switch in any file (see isModuleModeSwitch).
 */
export function trainsNothing(index: SemanticIndex, call: CallSite): boolean {
  if (isModuleModeSwitch(index, call)) return true;
  // usesAModel never asks this of a timed step (it skips them), so the question does not recurse.
  if (timedOnlySteps(index)(call.node) && !usesAModel(index)) return true;
  if (call.method === 'backward' && call.receiver && holdsNoWeight(index, call.receiver)) return true;
  const modeSwitch = call.method === 'train' && call.args.length === 0 && call.kwargs.size === 0 && !call.hasSplat;
  if ((call.method !== 'backward' && !modeSwitch) || appliesGradients(index)) return false;
  return call.method === 'backward' || index.methodCalls('backward').length > 0;
}

/**
 * Whether a value is worked out only from constants and PyTorch's tensor functions (draws included),
 * through operators, their own methods and plain functions of the project handed nothing else (a
 * loss checked on random logits, `loss, ce = smoothed_loss(logits=torch.randn(...), labels=...)`):
 * no model, layer or optimizer is in its graph, so a backward pass on it fills only the gradients of
 * drawn tensors and moves no weight, whatever optimizers the file steps elsewhere. A drawn tensor an
 * optimizer is built over, or that is stepped down its gradient by hand, is a weight (see steppedAsWeight).
 */
function holdsNoWeight(index: SemanticIndex, expression: Node, depth = 0): boolean {
  if (depth > 8) return false;
  const node = stripParens(expression);
  const all = (nodes: readonly Node[]) => nodes.every((part) => holdsNoWeight(index, part, depth + 1));
  switch (node.type) {
    case 'integer': case 'float': case 'true': case 'false': case 'none': case 'string':
      return true;
    case 'unary_operator': case 'binary_operator': case 'list': case 'tuple':
      return all(node.namedChildren.filter((part): part is Node => !!part && part.type !== 'comment'));
    case 'identifier': {
      const definition = index.bindingAt(node);
      if (!definition || steppedAsWeight(index, definition)) return false;
      // `loss, ce = smoothed_loss(...)`: each part is worked out from what the call is handed.
      const unpacked = definition.kind === 'unpack' && definition.statement.type === 'assignment' ? definition.statement.childForFieldName('right') : undefined;
      const value = unpacked ?? index.valueOf(node);
      return !sameNode(value, node) && holdsNoWeight(index, value, depth + 1);
    }
    case 'call': {
      const call = index.call(node);
      if (!call || call.hasSplat) return false;
      const handed = call.kwargs.size ? [...call.args, ...call.kwargs.values()] : call.args;
      if (call.qname && TENSOR_FUNCTIONS.test(call.qname)) return all(handed);
      if (call.method && call.receiver && !call.qname) return holdsNoWeight(index, call.receiver, depth + 1) && all(handed);
      // A function of the project (not a class: a model is built by calling its class).
      const name = call.qname ? lastSegment(call.qname) : undefined;
      return !!name && /^[a-z_]/.test(name) && !KNOWN_PACKAGES.has(packageOf(call.qname!)) && handed.length > 0 && all(handed);
    }
    default:
      return false;
  }
}

/**
 * A tensor an optimizer is built over (`torch.optim.SGD([x], lr=0.1)`), or whose gradient is used for
 * more than a look (`w -= lr * w.grad`), is a weight that is stepped.
 */
function steppedAsWeight(index: SemanticIndex, definition: Definition): boolean {
  return index.dataflow.usesOf(definition).some((read) => {
    const parent = read.node.parent;
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.text === 'grad' && gradientUsed(index, parent)) return true;
    for (const around of ancestors(read.node, false)) {
      if (around.type.endsWith('statement') || around.type === 'block') return false;
      const qname = around.type === 'call' ? index.call(around)?.qname : undefined;
      if (qname && isOptimizerName(qname)) return true;
    }
    return false;
  });
}

/**
 * `net.train()` or `net.eval()` with no argument on an object the file builds as a PyTorch module (a
 * torch.nn layer, a class of the file deriving nn.Module, a torchvision model) whose class defines
 * no method of that name itself: it only sets the module's mode, so it is no evidence that anything
 * learns or is evaluated. A trainer's `train()` (`trainer.train()`, an object of unknown origin) is
 * not a module's and still counts.
 */
function isModuleModeSwitch(index: SemanticIndex, call: CallSite): boolean {
  if ((call.method !== 'train' && call.method !== 'eval') || call.args.length > 0 || call.kwargs.size > 0 || call.hasSplat || !call.receiver) return false;
  const origin = moduleOrigin(index, call.receiver);
  return !!origin && !origin.annotated && !definesOwnMethod(index, origin.className, call.method);
}

/** A class of the file (or a local base of it) that defines `method` itself: its `train()` may learn. */
function definesOwnMethod(index: SemanticIndex, className: string | undefined, method: string, seen = new Set<string>()): boolean {
  if (!className?.startsWith('local:') || seen.has(className)) return false;
  seen.add(className);
  const local = index.classes.get(className.slice('local:'.length));
  return !!local && (methodNames(local.node).includes(method) || local.bases.some((base) => definesOwnMethod(index, base, method, seen)));
}

/** A model's own metric (`model.score(X, y)`, Keras' `model.evaluate(X, y)`): it scores, as a metric function does. */
function isModelMetricMethod(call: CallSite): boolean {
  return isLearningMethod(call) && (call.method === 'score' || call.method === 'evaluate');
}

/** Libraries with no learning of their own: `gaussian_kde(xy).evaluate(grid)` trains nothing. */
const NON_LEARNING_PACKAGES = /^(scipy|numpy|pandas|matplotlib)\./;

/**
 * The receiver of `fit`/`evaluate` is no model: a scaler or encoder (fitting one learns a
 * preprocessing step, and its output is followed on to the model), also a class of the file built
 * on scikit-learn's `TransformerMixin` with no method to predict with (a hand-written feature
 * selector), or an object of a library that has no learning (scipy, NumPy, pandas).
 */
function receiverIsNoModel(index: SemanticIndex, call: CallSite): boolean {
  const made = call.receiver ? index.constructedClass(call.receiver) : undefined;
  return !!made && (NON_LEARNING_PACKAGES.test(made) || isPreprocessorClass(index, made));
}

/**
 * statsmodels' `fit()` leaves its model as it was and hands the fitted results back: one whose
 * results are dropped (`ARIMA(noise, order=(2, 1, 2)).fit()` on a line of its own, run once to warm
 * the library up) keeps nothing it learned. scikit-learn's and Keras' `fit` learn into the model
 * itself, so a dropped result says nothing there, unless the model is built in the same statement of
 * a function (`lgb.LGBMClassifier(device="gpu", n_estimators=1).fit(X, y)`, a probe of whether the GPU
 * build works): no name holds it, and what it learned is gone with it; or is held by a name nothing
 * else reads (probeNobodyReads). A fit handed `callbacks=`, or in a
 * file that turns on autologging, may write what it learns, and still counts.
 */
function fitThrownAway(index: SemanticIndex, call: CallSite): boolean {
  if (call.method !== 'fit' || !call.receiver || call.node.parent?.type !== 'expression_statement') return false;
  if (index.constructedClass(call.receiver)?.startsWith('statsmodels.')) return true;
  if (autologs(index)) return false;
  if (fitOnlyTimed(index, call)) return true;
  if (call.kwargs.has('callbacks')) return false;
  // In a function only: at a notebook's top level the statement's value is the cell's output, kept in `_`.
  const receiver = stripParens(call.receiver);
  const built = receiver.type === 'call' && enclosingFunction(call.node) ? index.call(receiver) : undefined;
  return (!!built?.qname && isEstimatorConstructor(built.qname)) || probeNobodyReads(index, receiver);
}

/**
 * A Keras `fit` run only to be timed (a synthetic-data throughput benchmark): told `verbose=0`, so it
 * prints no loss, its history dropped, its model read nowhere after it, in a file that writes and
 * scores nothing, and handed only callbacks that show nothing of what it learns: classes of the file
 * that read neither the `logs` they are handed nor `self.model` (a timer noting when each epoch
 * starts and ends), or callbacks that only keep distributed workers in step (SILENT_SYNC_CALLBACKS).
 * What it learned and measured goes nowhere; the durations printed do not depend on what was drawn.
 */
function fitOnlyTimed(index: SemanticIndex, call: CallSite): boolean {
  const verbose = call.kwargs.get('verbose');
  const quiet = verbose ? index.literal(verbose) : undefined;
  if (!quiet || !((quiet.kind === 'number' && quiet.value === 0) || (quiet.kind === 'bool' && !quiet.value))) return false;
  const receiver = call.receiver ? stripParens(call.receiver) : undefined;
  if (receiver?.type !== 'identifier') return false;
  if (index.dataflow.readsOf(receiver.text).some((read) => read.deferred || read.node.startIndex >= call.node.endIndex)) return false;
  if (writesOrScores(index)) return false;
  const handed = call.kwargs.get('callbacks');
  if (!handed) return true;
  const callbacks = callbackElements(index, stripParens(handed));
  return !!callbacks && callbacks.every((callback) => {
    const made = index.constructedClass(callback);
    if (!made) return false;
    if (SILENT_SYNC_CALLBACKS.test(made)) return true;
    const local = made.startsWith('local:') ? index.classes.get(made.slice('local:'.length)) : undefined;
    return !!local && !index.dataflow.readsWithin(local.node).some((read) => read.name === 'logs')
      && !index.nodesWithin('attribute', local.node).some((attribute) => attribute.text === 'self.model');
  });
}

/**
 * The callbacks a list holds: the elements of a list literal, or of the one list literal a
 * module-level name is bound to, with what `name.append(...)` adds to it; undefined when the list
 * is built otherwise (a comprehension, a call, bound twice), which may hold anything.
 */
function callbackElements(index: SemanticIndex, list: Node): Node[] | undefined {
  const elements = (literal: Node) => (literal.namedChildren as Node[]).filter((element) => element.type !== 'comment');
  if (list.type === 'list') return elements(list);
  if (list.type !== 'identifier') return undefined;
  const definitions = index.definitionsOf(list.text);
  const value = definitions.length === 1 && definitions[0].kind === 'assign' ? definitions[0].value : undefined;
  if (value?.type !== 'list') return undefined;
  const added: Node[] = [];
  for (const call of index.methodCalls('append')) {
    if (call.receiver?.type === 'identifier' && call.receiver.text === list.text) added.push(...call.args);
  }
  for (const method of ['extend', 'insert', '__setitem__']) {
    if (index.methodCalls(method).some((call) => call.receiver?.type === 'identifier' && call.receiver.text === list.text)) return undefined;
  }
  return [...elements(value), ...added];
}

/** The file writes a file or computes a metric: something a run keeps or reports besides durations. */
const writesOrScores = oncePer((index: SemanticIndex): boolean =>
  index.dataflow.io.some((io) => io.direction === 'write') || index.calls.some((call) => !!metricCall(call)));

/**
 * `probe = xgb.XGBClassifier(tree_method="gpu_hist")`, then `probe.fit(noise, labels)` to see whether
 * the GPU build works, the name read nowhere else: what the fit learned stays in a name no code
 * reads. The name must be a function's or a notebook's, where every read of it is in sight; a
 * script's top-level name may be imported by another module.
 */
function probeNobodyReads(index: SemanticIndex, receiver: Node): boolean {
  if (receiver.type !== 'identifier' || (!enclosingFunction(receiver) && index.doc.kind !== 'notebook')) return false;
  const read = index.dataflow.readAt(receiver);
  const definitions = read ? index.dataflow.reachingDefinitions(read) : [];
  return definitions.length > 0 && definitions.every((definition) => {
    const built = definition.kind === 'assign' && definition.value?.type === 'call' ? index.call(definition.value) : undefined;
    return !!built?.qname && isEstimatorConstructor(built.qname) && index.dataflow.usesOf(definition).every((use) => sameNode(use.node, receiver));
  });
}

/** Whether the file turns on a tracker's autologging (`mlflow.autolog()`, `mlflow.sklearn.autolog()`), which records every fit. */
const autologs = oncePer((index: SemanticIndex): boolean => index.calls.some((call) => !!call.qname && /(^|\.)autolog$/.test(call.qname)));

/**
 * An n-gram language model's `score` (kenlm's `Model.score(sentence)`, NLTK's `lm.score(word,
 * context)`): the probability the model gives a text, its answer for one input as `predict` is, not a
 * measure of the model against labels. Its `fit` (NLTK's) still learns.
 */
function scoresText(index: SemanticIndex, call: CallSite): boolean {
  const made = call.method === 'score' && call.receiver ? index.constructedClass(call.receiver) : undefined;
  return !!made && LANGUAGE_MODELS.test(made);
}
const LANGUAGE_MODELS = /^(kenlm|nltk\.lm)\./;

/**
 * A function's parameter called as a function (`score = metric(y_true, y_pred)` in a helper) holds what
 * the calls of the function pass for it: when a call passes a metric of a metrics library
 * (`metric=mean_absolute_error`, also through a name bound to it, or through a parameter of the caller
 * that a call of the caller passes such a metric), the helper computes that metric of what it is handed
 * on that call, so the data reach a result there. A parameter no call is known to fill with a metric (a
 * callback, a print function, one left to its default or filled through a splat) is not read as one.
 */
function callsPassedMetric(index: SemanticIndex, callee: Node, depth = 0): boolean {
  if (callee.type !== 'identifier' || depth > 3) return false;
  return (index.passedArguments(callee) ?? []).some((argument) => {
    const value = index.valueOf(argument);
    const qname = index.qualify(value);
    if (qname) return !!metricKind(qname);
    return value.type === 'identifier' && callsPassedMetric(index, value, depth + 1);
  });
}

/** The names a target pattern binds, through nested tuples and lists (`(a, b)` in `i, (a, b)`). */
function patternNames(parts: readonly (Node | null)[]): Node[] {
  return parts.flatMap((part) => (!part ? [] : part.type === 'identifier' ? [part] : part.type === 'tuple_pattern' || part.type === 'list_pattern' || part.type === 'pattern_list' ? patternNames(part.namedChildren) : []));
}

/** A call that learns, splits, scores or builds a model or data set from what it is given. */
function isResultSink(index: SemanticIndex, call: CallSite): boolean {
  if (!call.qname && callsPassedMetric(index, call.callee)) return true;
  if (call.qname) {
    if (randomStateKind(call.qname) || isEstimatorConstructor(call.qname) || metricCall(call)) return true;
    if (DATA_OR_WEIGHTS.test(call.qname) && !KERAS_VALUE_HELPERS.test(call.qname) && !ARRAY_CONTAINERS.test(call.qname)) return usesAModel(index);
    if (/^sklearn\.model_selection\./.test(call.qname)) return true;
  }
  if (fitThrownAway(index, call)) return false;
  return (isLearningMethod(call) && !receiverIsNoModel(index, call) && !scoresText(index, call) && !trainsNothing(index, call)) || !!trainingCall(index.dataflow, call);
}

/** The class a node is in, if it is in one. */
function enclosingClass(node: Node): Node | undefined {
  for (const owner of structureAncestors(node)) if (owner.type === 'class_definition') return owner;
  return undefined;
}

/** The methods a class defines (decorated or not). */
function methodNames(owner: Node): string[] {
  return (owner.childForFieldName('body')?.namedChildren ?? []).flatMap((child) => {
    const def = child?.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    return def?.type === 'function_definition' ? [def.childForFieldName('name')?.text ?? ''] : [];
  });
}

/**
 * Of those methods, the ones a program calls itself (`agent.train(batch)`, `clf.fit(X, y)`), where
 * `forward`, `__getitem__` or Keras' `call` are run by a framework on any object it is handed.
 */
const PROGRAM_RUN_METHODS = /^(fit|train|predict|predict_proba|backward|train_step)$/;

/**
 * The file's classes that an object of, or the class itself, is handed to a call (`run_episodes(agent)`,
 * `cross_val_score(MyEstimator(), X, y)`, `Trainer(self)` in a method): the callee may run any of their methods.
 * A library's write (`pickle.dump(model, f)`, `joblib.dump`, `torch.save`) only stores the object: its
 * methods run in whatever program loads the file, which is the one to seed them.
 */
const handedOnClasses = oncePer((index: SemanticIndex): Set<string> => {
  const names = new Set<string>();
  for (const call of index.calls) {
    if (call.qname && index.dataflow.dataIOAt(call.node)?.direction === 'write') continue;
    for (const value of call.kwargs.size ? [...call.args, ...call.kwargs.values()] : call.args) {
      const made = index.constructedClass(value);
      if (made?.startsWith('local:')) names.add(made.slice('local:'.length));
      if (value.type !== 'identifier') continue;
      // The class itself (`make_agent(DQNAgent)`), or `self` inside one of its methods (`Trainer(self)`).
      const own = value.text === 'self' ? enclosingClass(value)?.childForFieldName('name')?.text : value.text;
      if (own && index.classes.has(own)) names.add(own);
    }
  }
  return names;
});

/**
 * A class whose methods make it a model or a data set (by its methods, or by its base class). A
 * method only a program calls counts where it may run: an agent class whose `train` a script that
 * only plays the loaded agent never calls, nor hands the agent on, learns nothing there. In a
 * library module (no program of its own) the modules that import the class run its methods.
 */
function isModelOrDataClass(index: SemanticIndex, owner: Node): boolean {
  if (index.classBases(owner).some((base) => /^(torch|tensorflow|keras|lightning|pytorch_lightning)\./.test(base))) return true;
  const className = owner.childForFieldName('name')?.text ?? '';
  const mayRun = (name: string) => !PROGRAM_RUN_METHODS.test(name) || !index.isEntryPoint || handedOnClasses(index).has(className) || index.calls.some((call) => mayCallOwn(call, name));
  return DATA_CLASS_NAME.test(className) || methodNames(owner).some((name) => MODEL_OR_DATA_METHODS.test(name) && mayRun(name));
}

/**
 * The class around `node` is a model or data class in a file that uses a model (see usesAModel):
 * a lesson's layer whose output is only printed, or a data set only pushed through a model to show
 * the sizes it gives, holds no result.
 */
function classHoldsResult(index: SemanticIndex, node: Node): boolean {
  const owner = enclosingClass(node);
  return !!owner && isModelOrDataClass(index, owner) && usesAModel(index);
}

/** Functions named for training or evaluating (`train(model, loader)`, `fit_model(X, y)`, `d2l.train_ch3(...)`), wherever they come from. */
const TRAINING_NAMES = /(^|_)(train|fit|finetune|fine_tune|evaluate|eval)(_|$|\d|ch\d)/i;
/**
 * Optimisation outside PyTorch: TensorFlow's and Keras' optimizers (`tf.train.AdamOptimizer(lr).minimize(cost)`,
 * `opt.apply_gradients(...)`, `model.compile(optimizer=...)`), gradient tapes and JAX's gradients and optax.
 */
const OTHER_OPTIMIZATION = /(^|\.)(\w*Optimizer|optimizers?\.\w+|GradientTape)$|^(jax\.(grad|value_and_grad)|optax\.\w+)$/;
const OPTIMIZING_METHODS = new Set(['minimize', 'apply_gradients', 'compile', 'gradient']);

/**
 * Whether the file does something with a model that a seed would make repeatable: trains one (a
 * fit, a training call, a backward pass whose gradients it applies), scores one (a metric),
 * writes a file (weights, predictions, a data set), or calls a function named for training or
 * evaluating. In a file with none of these (a lesson that builds layers and prints what they
 * give, a demo that pushes a data set through a model to show the sizes), the weights and the data
 * it draws reach no result.
 */
const usesAModel = oncePer((index: SemanticIndex): boolean => {
  const unbuilt = unbuiltClasses(index);
  const timed = timedOnlySteps(index);
  const runs = (node: Node) => !unbuilt.some((owner) => isAncestorOf(owner, node)) && !timed(node);
  if (appliesGradientsWhere(index, runs) || index.dataflow.io.some((io) => io.direction === 'write' && runs(io.call.node))) return true;
  return index.calls.some((call) => {
    if (!runs(call.node)) return false;
    if (isLearningMethod(call)) return !trainsNothing(index, call);
    // `net.eval()` sets a mode; it evaluates nothing.
    if (isModuleModeSwitch(index, call)) return false;
    const name = call.qname ? lastSegment(call.qname) : call.method ?? call.callee.text;
    return TRAINING_NAMES.test(name) || (!!call.method && OPTIMIZING_METHODS.has(call.method)) || OTHER_OPTIMIZATION.test(call.qname ?? '')
      || !!metricCall(call) || !!trainingCall(index.dataflow, call) || handsAway(index, call);
  });
});

/** The standard library's timers: what they are handed runs only to be timed, and they give back durations. */
const TIMERS = /^timeit\.(timeit|repeat|Timer)$/;

/**
 * A throughput benchmark's training step: functions of the file run only as the callable a timer
 * times (`timeit.timeit(benchmark_step, number=10)`, `timeit.repeat`, `timeit.Timer(step)`, or a
 * lambda handed to one). When every optimizer step of the file runs in such a function, the weights
 * it moves are never read for a result: the timer gives back how long the steps took, which does
 * not depend on what was drawn. Then the steps there, and the optimizers built outside them for
 * those steps, do not count as training (the predicate answers true for them); a step anywhere else,
 * or a training call, keeps them counted, and a file that writes or scores still uses its model.
 */
const timedOnlySteps = oncePer((index: SemanticIndex): ((node: Node) => boolean) => {
  const never = () => false;
  // What each timer is handed: a function's name, or a lambda (`lambda: benchmark_step(state)`).
  const handed: Node[] = [];
  for (const call of index.calls) {
    if (!call.qname || !TIMERS.test(call.qname)) continue;
    const argument = call.args[0] ?? call.kwargs.get('stmt');
    const target = argument ? stripParens(argument) : undefined;
    if (target?.type === 'lambda' || target?.type === 'identifier') handed.push(target);
  }
  const bodies = handed.filter((target) => target.type === 'lambda');
  const inHanded = (node: Node) => handed.some((target) => sameNode(target, node) || isAncestorOf(target, node));
  for (const name of new Set(handed.flatMap((target) => target.type === 'identifier' ? [target.text] : index.dataflow.readsWithin(target).map((read) => read.name)))) {
    const definitions = index.moduleDefinitionsOf(name);
    if (definitions.length !== 1 || definitions[0].kind !== 'def') continue;
    // Named only where a timer is handed it, or in the lambda a timer is handed: run nowhere else.
    if (index.dataflow.readsOf(name).every((read) => inHanded(read.node))) bodies.push(definitions[0].statement);
  }
  // A Keras `fit` run only to be timed by its callbacks is such a step too (see fitOnlyTimed).
  for (const fit of index.methodCalls('fit')) if (fit.node.parent?.type === 'expression_statement' && fitOnlyTimed(index, fit)) bodies.push(fit.node);
  if (bodies.length === 0) return never;
  const inTimed = (node: Node) => bodies.some((body) => sameNode(body, node) || isAncestorOf(body, node));
  const stepsOutside = index.calls.some((call) => {
    if (inTimed(call.node)) return false;
    const name = call.method ?? (call.qname ? lastSegment(call.qname) : undefined);
    return (!!name && /(^|_)step$/.test(name) && !!call.method) || (isLearningMethod(call) && call.method !== 'train') || !!trainingCall(index.dataflow, call);
  });
  if (stepsOutside) return never;
  return (node: Node) => {
    if (inTimed(node)) return true;
    const call = node.type === 'call' ? index.call(node) : undefined;
    return (!!call?.qname && (isOptimizerName(call.qname) || OTHER_OPTIMIZATION.test(call.qname))) || call?.method === 'compile';
  };
});

/**
 * Framework bases that build or register no subclass themselves: a PyTorch module, a Keras layer or
 * model is built only where the code names it (unittest's discovery or a registry decorator would not be).
 */
const LAYER_BASES = /^(torch\.nn\.(modules\.module\.)?Module|tensorflow\.Module|(tensorflow\.(compat\.v\d\.)?)?keras\.((layers|models|engine)\.)?(Layer|Model))$/;
/** Loaders that unpickle: they rebuild an object of the program's own class by its name, which no line of the file reads. */
const UNPICKLERS = /^(torch\.load|_?pickle\.(loads?|Unpickler)|joblib\.load|dill\.loads?|cloudpickle\.loads?|pandas\.read_pickle)$/;

/** The file unpickles (a `torch.load` told `weights_only=True` rebuilds tensors only). */
const unpickles = oncePer((index: SemanticIndex): boolean => index.calls.some((call) => {
  if (!call.qname || !UNPICKLERS.test(call.qname)) return false;
  const weightsOnly = call.qname === 'torch.load' ? call.kwargs.get('weights_only') : undefined;
  const value = weightsOnly ? literalValue(weightsOnly) : undefined;
  return !(value?.kind === 'bool' && value.value);
}));

/**
 * A class built only on such bases, every one of them known (`class Block(nn.Module)`,
 * `class Fuzzy(tf.keras.layers.Layer)`); a metaclass (`metaclass=Registry`) may register it.
 */
export function onLayerBasesOnly(node: Node, bases: readonly string[]): boolean {
  const written = node.childForFieldName('superclasses')?.namedChildren ?? [];
  return written.length > 0 && written.length === bases.length && written.every((base) => base?.type !== 'keyword_argument')
    && bases.every((base) => LAYER_BASES.test(base));
}

/**
 * Classes of a file run as a program whose name the file never reads outside their own body, or
 * outside such classes: nothing here builds them, so their methods never run in this file (a
 * trainer class kept for the scripts that import it, a stub layer only its unused model builds). Those are plain classes (no base class, no decorator, not a pytest `Test...`
 * class), and classes built only on a PyTorch module or a Keras layer or model, which build none of
 * their subclasses, where the file unpickles nothing (unpickling rebuilds a module of `__main__` by
 * its name). Another base or a decorator may build or register a class without naming it
 * (unittest's discovery, a framework's registry), so those still count.
 */
const unbuiltClasses = oncePer((index: SemanticIndex): Node[] => {
  // A library module's classes are built by the modules that import it: their code runs there.
  if (!index.isEntryPoint) return [];
  const idle = [...index.classes.values()].filter(({ name, node, bases }) => node.parent?.type === 'module' && !name.startsWith('Test')
    && (/^(\(\s*(object\s*)?\))?$/.test(node.childForFieldName('superclasses')?.text ?? '')
      || (onLayerBasesOnly(node, bases) && !unpickles(index))));
  if (idle.length === 0) return [];
  // A class named only inside itself, or inside such classes (a stub layer built only in the
  // `__init__` of a model class nothing builds), is never built either: grown to a fixed point,
  // each name looked up by the top-level statement that holds it.
  const unbuilt = new Set<number>();
  const names = idle.map(({ name }) => index.identifiersNamed(name));
  for (let grew = true; grew;) {
    grew = false;
    idle.forEach(({ node }, k) => {
      if (unbuilt.has(node.startIndex)) return;
      if (names[k].every((id) => isAncestorOf(node, id) || unbuilt.has(topLevelStatement(id).startIndex))) {
        unbuilt.add(node.startIndex);
        grew = true;
      }
    });
  }
  return idle.filter(({ node }) => unbuilt.has(node.startIndex)).map(({ node }) => node);
});

/** Packages whose functions the model knows: what they do with a data set or a model is not training unless a rule above says so. */
const KNOWN_PACKAGES = new Set(['builtins', 'torch', 'torchvision', 'tensorflow', 'keras', 'numpy', 'pandas', 'sklearn', 'scipy', 'matplotlib', 'seaborn', 'plotly', 'IPython', 'PIL', 'cv2', 'math', 'random', 'os', 'sys', 'time', 'json', 'pickle', 'collections', 'itertools', 'functools', 'tqdm', 'logging', 'warnings', 'copy']);

/**
 * A data set, loader or model handed to a function the file does not define and no table knows
 * (a project's `helpers.compare_init_weights(models, train_loader)`): it may well train there.
 */
function handsAway(index: SemanticIndex, call: CallSite): boolean {
  // A method of an object of the file (`self.layers.append(nn.Linear(4, 4))`) keeps the value in the file's hands.
  if (!call.qname || KNOWN_PACKAGES.has(packageOf(call.qname))) return false;
  const values = call.kwargs.size ? [...call.args, ...call.kwargs.values()] : call.args;
  return values.some((value) => {
    const made = index.constructedClass(value);
    return !!made && DATA_OR_WEIGHTS.test(made);
  });
}

/** A loop or function around `node` whose body learns: the draw is part of a training step. */
function inTrainingStep(index: SemanticIndex, node: Node): boolean {
  const fn = enclosingFunction(node);
  for (const around of structureAncestors(node)) {
    if (fn && !sameNode(around, fn) && !LOOP_TYPES.has(around.type)) continue;
    if (!LOOP_TYPES.has(around.type) && !FUNCTION_TYPES.has(around.type)) continue;
    const learns = (call: CallSite) => (isLearningMethod(call) && call.method !== 'score' && !trainsNothing(index, call)) || !!trainingCall(index.dataflow, call);
    if (index.callsWithin(around).some((call) => learns(call) && !fitThrownAway(index, call))) return true;
    if (FUNCTION_TYPES.has(around.type)) return false;
  }
  return false;
}

/** The reads a binding of `target` (an identifier) reaches. */
export function usesOfTarget(index: SemanticIndex, target: Node): Node[] {
  const definition = index.boundAt(target);
  return definition ? index.dataflow.usesOf(definition).map((read) => read.node) : [];
}

/** The reads after `site` of the value a name holds there (`idx` after `np.random.shuffle(idx)`). */
function readsAfter(index: SemanticIndex, identifier: Node, site: Node): Node[] {
  const flow = index.dataflow;
  const read = flow.readAt(identifier);
  if (!read) return [];
  const definitions = flow.reachingDefinitions(read);
  // A name bound nowhere in the file (a notebook's input, a global): its later reads in the same scope.
  const reads = definitions.length > 0
    ? definitions.flatMap((d) => flow.usesOf(d))
    : flow.readsOf(identifier.text).filter((r) => enclosingFunction(r.node)?.startIndex === enclosingFunction(identifier)?.startIndex);
  // In a loop that does not bind the name again (a list kept across passes), the next pass reads
  // what this one left: a read earlier in the same loop body comes after too.
  const loops = enclosingLoops(site).filter((loop) => definitions.length > 0 && definitions.every((d) => !isAncestorOf(loop, d.node)));
  return reads.map((r) => r.node).filter((n) => n.startIndex >= site.endIndex || (!isAncestorOf(site, n) && loops.some((loop) => isAncestorOf(loop, n))));
}

/** Where the value of a function's return goes: its call sites, or the calls it is handed to. */
function returnSites(index: SemanticIndex, fn: Node): Node[] {
  const name = fn.type === 'function_definition' ? fn.childForFieldName('name') : undefined;
  if (!name) return [];
  const definition = index.boundAt(name);
  if (!definition) return [];
  return index.dataflow.usesOf(definition).map((read) => read.node).filter((ref) => !sameNode(ref, name)).map((ref) => {
    const parent = ref.parent;
    return parent?.type === 'call' && sameNode(parent.childForFieldName('function'), ref) ? parent : ref;
  });
}

/** Whether `fn` hands a value back (`return x`, `yield x`, a lambda's body): otherwise its callers get `None`. */
function givesBackValue(index: SemanticIndex, fn: Node): boolean {
  if (fn.type === 'lambda') return true;
  const { returns, yields } = index.functionExits(fn);
  return yields.length > 0 || returns.some((ret) => ret.namedChildren.length > 0);
}

/**
 * Where a function that draws passes its numbers on. One that hands back a value passes them to
 * its call sites and to whatever it is handed to (a trainer's collator); one that returns nothing
 * passes them only through what it writes, so it counts only where it is itself a data pipeline's
 * hook (`collate_fn=augment`): a tuner's objective that reports a drawn number is no result.
 */
function functionSites(index: SemanticIndex, fn: Node): Node[] | 'pipeline' {
  const sites = returnSites(index, fn);
  if (givesBackValue(index, fn)) return sites;
  const hook = sites.some((site) => site.type !== 'call' && site.parent?.type === 'keyword_argument' && PIPELINE_KEYWORDS.has(site.parent.childForFieldName('name')?.text ?? ''));
  return hook ? 'pipeline' : [];
}

/**
 * A metric (a metrics library's, or a model's own `score`/`evaluate`) whose value only meets a
 * check of agreement (`np.allclose(true_mse, my_mse)`, an `assert`), or is printed beside one, is
 * a test of an implementation on random inputs: any numbers would do.
 */
function metricOnlyChecked(index: SemanticIndex, metric: Node): boolean {
  const queue: Node[] = [metric];
  // Keyed by the whole node: `model.evaluate(x, y)[1]` starts where its call does.
  const seen = new Set<string>();
  let checks = 0;
  for (let steps = 0; queue.length > 0; steps++) {
    const node = queue.shift()!;
    if (steps >= 50 || seen.has(nodeKey(node))) return false;
    seen.add(nodeKey(node));
    const parent = node.parent;
    if (!parent) return false;
    if ([...ancestors(parent, true)].some((around) => around.type === 'assert_statement')) { checks++; continue; }
    if (CARRYING_PARENTS.has(parent.type) || parent.type === 'not_operator') { queue.push(parent); continue; }
    if (parent.type === 'argument_list') {
      const call = parent.parent?.type === 'call' ? index.call(parent.parent) : undefined;
      if (call?.qname && AGREEMENT_CHECKS.test(call.qname)) { checks++; continue; }
      // Printed beside the check (the failure message of a test) shows it and goes no further.
      if (call && shows(index, call)) continue;
      if (!call?.qname || !/^(numpy\.(array|asarray|float\w*)|builtins\.(float|round|abs))$/.test(call.qname)) return false;
      queue.push(parent.parent!);
      continue;
    }
    if (parent.type === 'assignment' && sameNode(parent.childForFieldName('right'), node)) {
      const target = parent.childForFieldName('left');
      if (target?.type !== 'identifier') return false;
      const uses = usesOfTarget(index, target);
      if (uses.length === 0) return false;
      queue.push(...uses);
      continue;
    }
    return false;
  }
  return checks > 0;
}

/** Questions about a tensor, array or data set whose answer does not depend on the values drawn into it (`element_spec`: a tf.data set's shapes and types). */
const SHAPE_ATTRIBUTES = new Set(['shape', 'size', 'numel', 'dim', 'ndim', 'ndimension', 'dtype', 'device', 'element_spec']);

/**
 * How far a draw's value goes: to a result, only into shape questions (and waits, whose answer does
 * not depend on the numbers either), only into what is shown (printed, plotted; shape questions too),
 * or somewhere unknown.
 */
type Reach = 'result' | 'shape-only' | 'shown' | 'unknown' | 'nowhere';

/** A function of the file a followed value entered through a parameter: the call that handed it in, and the entry that call was followed under. */
interface Entry {
  fn: Node;
  call: Node;
  outer?: Entry;
}

/** How followDraw follows (see there). */
interface FollowOptions {
  depth?: number;
  onlyArgumentsShown?: boolean;
  gradientLeaf?: boolean;
  /** The values followed are a model: its own fit is no result, only what is then asked of it. */
  model?: boolean;
  /** With `model`: a test's model, whose outputs asked only whether they exist or their shape give no result. */
  inTest?: boolean;
  /**
   * With `model` and `inTest`: the values followed are data a test generated, which reach a result only
   * through the models they train: handed to a model's `fit` (or a boosting library's data set or
   * trainer), they go where that model goes; handed to its answers, they go where the answers go.
   */
  feedsModels?: boolean;
}

/** A boosting library's training-data container or trainer: what it returns carries the rows it is handed. */
const MODEL_FEEDS = /^(xgboost\.(DMatrix|QuantileDMatrix|train)|lightgbm\.(Dataset|train)|catboost\.Pool)$/;
/** The methods of a model that take rows to train on or to answer for. */
const FEEDING_METHODS = /^(fit|partial_fit|fit_transform|fit_predict|predict|predict_proba|predict_log_proba|decision_function|transform|score)$/;

/** Data sets and loaders: they hold the drawn numbers, which matter only if the data set is used. */
const DATA_SETS = /^(torch\.utils\.data\.|tensorflow\.data\.|datasets\.)|(^|\.)(\w*Dataset|DataLoader)(\.|$)/;

/**
 * True when the value drawn at `draw` (a call) reaches training data, a split, a model or a
 * metric; `inPlace` names the argument a draw shuffles in place (`np.random.shuffle(idx)`).
 * A draw inside a model or data class, or in a training step, is taken to shape it, unless all
 * its value is ever asked is a shape: `torch.rand(1, *shape)` pushed through the layers to learn
 * the size of their output (`.size(1)`, `.shape`, `.numel()`) gives the same size whatever is drawn.
 */
export function drawReachesResult(index: SemanticIndex, draw: Node, inPlace?: Node): boolean {
  if (drawsIdentifier(index, draw) || drawsRunNumber(index, draw) || armsNoCallTakes(index).some((arm) => isAncestorOf(arm, draw))) return false;
  // A method of a plain class the program never names again never runs here, whatever it trains.
  if (unbuiltClasses(index).some((owner) => isAncestorOf(owner, draw))) return false;
  if (inTrainingModeArm(index, draw) && neverTrainsModules(index)) return false;
  if (summaryExampleInput(draw) || weightsReplacedOnBuild(index, draw)) return false;
  const leaf = lessonLeaf(index, draw);
  if (leaf && followDraw(index, [leaf], { gradientLeaf: true }) === 'shown') return false;
  const reach = followDraw(index, inPlace?.type === 'identifier' ? readsAfter(index, inPlace, draw) : [draw]);
  if (reach === 'result') return true;
  if (reach === 'shape-only' || reach === 'shown' || reach === 'nowhere') return false;
  // Where the value went is not all known: what a function draws may shape what it returns or
  // hands on, so follow where the function goes (called, or handed to a trainer as its collator).
  const fn = enclosingFunction(draw);
  const sites = fn ? functionSites(index, fn) : [];
  if (sites === 'pipeline' || (sites.length > 0 && followDraw(index, sites) === 'result')) return true;
  // A model class's sampler hands what it draws to its callers alone: samples they only show are a look at the model.
  const callers = fn ? samplerCalls(index, fn) : [];
  if (callers.length > 0 && followDraw(index, callers) === 'shown') return false;
  if (dataSetOnlyLookedAt(index, draw)) return false;
  return classHoldsResult(index, draw) || inTrainingStep(index, draw);
}

/**
 * A draw in a data set class of the file (no model methods) whose every build in the file is only
 * looked at (`d = PointCloudSet(root)`, `print(len(d))`, `points, labels = d[0]`, `print(points.size())`:
 * a module's demo of its items) reaches no result there; the scripts that import the class and
 * train on it are the ones to seed. A class named other than by its builds, or built nowhere in the file, is not judged so.
 */
function dataSetOnlyLookedAt(index: SemanticIndex, draw: Node): boolean {
  const owner = enclosingClass(draw);
  const builds = owner && isDataSetClass(index, owner) ? classBuilds(index, owner) : undefined;
  if (!builds) return false;
  const reach = followDraw(index, builds);
  return reach === 'shown' || reach === 'shape-only' || reach === 'nowhere';
}

/** The calls that build a class of the file, when it is named nowhere else (handed on, subclassed): undefined otherwise. */
function classBuilds(index: SemanticIndex, owner: Node): Node[] | undefined {
  const name = owner.childForFieldName('name')?.text;
  if (!name) return undefined;
  const mentions = index.identifiersNamed(name).filter((id) => !isAncestorOf(owner, id));
  const builds = mentions.map((id) => (id.parent?.type === 'call' && sameNode(id.parent.childForFieldName('function'), id) ? id.parent : undefined));
  return builds.length > 0 && builds.every((build) => !!build) ? builds as Node[] : undefined;
}

/** The methods through which a data set hands out its items: a loader calls them, the file need not. */
const ITEM_METHODS = new Set(['__getitem__', '__iter__', '__next__']);

/**
 * Where the value an item method of a data set class of the file returns goes: where the data set
 * goes, through the calls that build it (a loader that is trained on, a demo that only shows it).
 */
function dataSetItemsGo(index: SemanticIndex, fn: Node): Node[] | undefined {
  const owner = methodClass(fn);
  const name = fn.childForFieldName('name')?.text;
  return owner && name && ITEM_METHODS.has(name) && isDataSetClass(index, owner) ? classBuilds(index, owner) : undefined;
}

/** A class that holds data and learns nothing: a data set's base or name, and no model method. */
function isDataSetClass(index: SemanticIndex, owner: Node): boolean {
  const className = owner.childForFieldName('name')?.text ?? '';
  const dataBase = index.classBases(owner).some((base) => DATA_SETS.test(base));
  return (dataBase || DATA_CLASS_NAME.test(className)) && !methodNames(owner).some((method) => method !== '__getitem__' && method !== '__iter__' && MODEL_OR_DATA_METHODS.test(method));
}

/** Where a drawn tensor becomes a module's state, which `load_state_dict` overwrites: a parameter or a buffer. */
const STATE_MAKERS = /^torch\.nn\.(Parameter|parameter\.Parameter)$/;

/**
 * Weights drawn in `__init__` of a model class of the file (`nn.Parameter(torch.randn(n, d))`, a
 * registered buffer) are overwritten when every build of the class is bound to a name whose next use,
 * in the same block, is a strict `load_state_dict` on it, or is a submodule of a model class built
 * only so: a script that builds the network only to load trained weights into it keeps none of the
 * numbers drawn. A class named anywhere else (handed on, subclassed, built and trained) may keep them.
 */
function weightsReplacedOnBuild(index: SemanticIndex, draw: Node): boolean {
  const init = enclosingFunction(draw);
  const owner = init ? methodClass(init) : undefined;
  return !!owner && init?.childForFieldName('name')?.text === '__init__' && becomesModuleState(index, draw) && everyBuildLoaded(index, owner, new Set<string>());
}

/** Containers whose modules are registered as submodules of the module they are assigned to. */
const MODULE_CONTAINERS = /^torch\.nn\.(Sequential|ModuleList|ModuleDict)$/;

/** Every build of the model class `owner` has its weights replaced by a load (see weightsReplacedOnBuild). */
function everyBuildLoaded(index: SemanticIndex, owner: Node, seen: Set<string>): boolean {
  const name = owner.childForFieldName('name')?.text;
  // `seen` holds the classes on the way here: a class built inside itself is never loaded so.
  if (!name || seen.has(name) || seen.size > 4) return false;
  const mentions = index.identifiersNamed(name).filter((id) => !isAncestorOf(owner, id));
  const inside = new Set([...seen, name]);
  return mentions.length > 0 && mentions.every((id) => {
    const built = id.parent?.type === 'call' && sameNode(id.parent.childForFieldName('function'), id) ? id.parent : undefined;
    if (!built) return false;
    if (loadedOnBuild(index, built)) return true;
    const parent = submoduleOf(index, built);
    return !!parent && everyBuildLoaded(index, parent, inside);
  });
}

/** The model class whose `__init__` registers `built` as a submodule: `self.block = Block()`, also inside `nn.Sequential(...)`. */
function submoduleOf(index: SemanticIndex, built: Node): Node | undefined {
  let value = built;
  for (;;) {
    const holder = value.parent?.type === 'list' ? value.parent.parent : value.parent;
    const container = holder?.type === 'argument_list' && holder.parent ? index.call(holder.parent) : undefined;
    if (!container?.qname || !MODULE_CONTAINERS.test(container.qname)) break;
    value = container.node;
  }
  const assignment = value.parent;
  const target = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), value) ? assignment.childForFieldName('left') : undefined;
  if (target?.type !== 'attribute' || target.childForFieldName('object')?.text !== 'self') return undefined;
  const init = enclosingFunction(value);
  return init?.childForFieldName('name')?.text === '__init__' ? methodClass(init) : undefined;
}

/** `nn.Parameter(torch.randn(1, 1, d) * 0.02)` or `self.register_buffer("noise", torch.rand(d))`: the draw, through arithmetic only, is the state's value. */
function becomesModuleState(index: SemanticIndex, draw: Node): boolean {
  let node = draw;
  while (node.parent && (node.parent.type === 'binary_operator' || node.parent.type === 'parenthesized_expression' || node.parent.type === 'unary_operator')) node = node.parent;
  const call = node.parent?.type === 'argument_list' && node.parent.parent ? index.call(node.parent.parent) : undefined;
  if (!call) return false;
  if (call.method === 'register_buffer') return call.receiver?.text === 'self' && sameNode(call.args[1], node) && !call.kwargs.has('persistent');
  return !!call.qname && STATE_MAKERS.test(call.qname) && sameNode(call.args[0], node);
}

/**
 * `net = Net(...).to(device)` and, next in the same block, `net.load_state_dict(weights)` (strict):
 * every weight the build gave the module is replaced before anything reads it.
 */
export function loadedOnBuild(index: SemanticIndex, built: Node): boolean {
  let value = built;
  // Calls that hand the module back (`.to(device)`, `.eval()`) leave the same module.
  for (;;) {
    const site = value.parent?.type === 'attribute' && value.parent.parent ? index.call(value.parent.parent) : undefined;
    if (!site?.method || !SELF_RETURNING.has(site.method) || !sameNode(site.receiver, value)) break;
    value = site.node;
  }
  const assignment = value.parent;
  const target = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), value) ? assignment.childForFieldName('left') : undefined;
  const statement = assignment?.parent;
  if (target?.type !== 'identifier' || statement?.type !== 'expression_statement' || !statement.parent) return false;
  const first = usesOfTarget(index, target).sort((a, b) => a.startIndex - b.startIndex)[0];
  const load = first?.parent?.type === 'attribute' ? index.call(first.parent.parent ?? first) : undefined;
  if (load?.method !== 'load_state_dict' || !sameNode(load.receiver, first)) return false;
  const strict = load.kwargs.get('strict');
  const strictValue = strict ? literalValue(strict) : undefined;
  if (strict && !(strictValue?.kind === 'bool' && strictValue.value)) return false;
  const loadStatement = [...ancestors(load.node, false)].find((node) => sameNode(node.parent, statement.parent));
  return loadStatement?.type === 'expression_statement' && loadStatement.startIndex > statement.startIndex;
}

/**
 * A draw stored as a Lightning module's `example_input_array` (`self.example_input_array =
 * torch.randn(1, 3, 64, 64)`): Lightning pushes it through the model only to print the sizes of
 * the layers' outputs in its summary and to log the graph, so what is drawn reaches no result.
 */
function summaryExampleInput(draw: Node): boolean {
  let node = draw;
  while (node.parent && (node.parent.type === 'parenthesized_expression' || (node.parent.type === 'attribute' && /^\.(to|cuda|float|half)$/.test(node.parent.text.slice(node.text.length))))) node = node.parent.type === 'attribute' && node.parent.parent?.type === 'call' ? node.parent.parent : node.parent;
  const assignment = node.parent?.type === 'assignment' && node.parent.childForFieldName('right')?.id === node.id ? node.parent : undefined;
  return assignment?.childForFieldName('left')?.text === 'self.example_input_array';
}

/**
 * A draw in the arm of a module's method that runs only in training mode (`if self.training:`,
 * the `else` of `if not self.training:`, `x if self.training else y`): a VAE's reparameterisation
 * noise, a dropout written by hand.
 */
function inTrainingModeArm(index: SemanticIndex, draw: Node): boolean {
  return trainingModeArms(index).some(({ test, arm }) => {
    if (!sameNode(arm, draw) && !isAncestorOf(arm, draw)) return false;
    // The test guards the draw only where no function lies between them (one defined in the arm runs later).
    const scope = enclosingFunction(test);
    return scope ? sameNode(scope, enclosingFunction(draw)) : !enclosingFunction(draw);
  });
}

/**
 * The arms that run only in training mode (`if self.training:`, the `else` of `if not self.training:`,
 * either arm of a conditional expression), each with the test that guards it. Found once per
 * document: a climb from every draw made a draw deep in one long expression cost its depth.
 */
const trainingModeArms = oncePer((index: SemanticIndex): { test: Node; arm: Node }[] =>
  (['if_statement', 'conditional_expression'] as const).flatMap((type) => index.nodes(type)).flatMap((node) => {
    const isIf = node.type === 'if_statement';
    const condition = isIf ? node.childForFieldName('condition') : node.namedChild(1);
    const test = condition ? stripParens(condition) : undefined;
    if (!test) return [];
    const negated = test.type === 'not_operator';
    const tested = negated ? stripParens(test.childForFieldName('argument') ?? test) : test;
    if (!/^self\.training$/.test(tested.text)) return [];
    const trueArm = isIf ? node.childForFieldName('consequence') : node.namedChild(0);
    const falseArm = isIf ? node.childForFieldName('alternative') : node.namedChild(2);
    const arm = negated ? falseArm : trueArm;
    return arm ? [{ test: node, arm }] : [];
  }));

/**
 * The file never puts a module into training mode nor trains one: no training call or backward
 * pass, no gradient applied, no `.train()` switch. A module it builds and only serves then runs its
 * training-mode arms only if it is used without `.eval()`, which MLD906 reports: one cause, one finding.
 */
const neverTrainsModules = oncePer((index: SemanticIndex): boolean =>
  !appliesGradients(index) && index.methodCalls('backward').length === 0
  && !index.calls.some((call) => isLearningMethod(call) || !!trainingCall(index.dataflow, call)));

/** `param == "normal"` (either way round): the parameter read and the string it is tested to equal. */
function testedString(condition: Node | null): { name: Node; value: string } | undefined {
  const test = condition ? stripParens(condition) : undefined;
  if (test?.type !== 'comparison_operator' || test.namedChildCount !== 2 || test.childrenForFieldName('operators').map((o) => o?.text).join() !== '==') return undefined;
  const [left, right] = test.namedChildren as Node[];
  const [name, constant] = left.type === 'identifier' || left.type === 'attribute' ? [left, right] : [right, left];
  const value = name.type === 'identifier' || name.type === 'attribute' ? literalValue(constant) : undefined;
  return value?.kind === 'string' ? { name, value: value.value } : undefined;
}

/**
 * The values the file's calls give the parameter that `read` holds: the parameter itself
 * (`shuffle`), or an attribute that the class's `__init__` sets from one of its parameters and
 * nothing else in the file assigns (`self.shuffle = shuffle`, read as `self.shuffle` in
 * `__getitem__`), which holds what each construction of the class passed.
 */
function valuesGivenTo(index: SemanticIndex, read: Node): Node[] | undefined {
  if (read.type === 'identifier') return index.valuesGiven(read);
  const name = read.type === 'attribute' ? read.childForFieldName('attribute')?.text : undefined;
  const values = name ? index.instanceAttributeValues(read) : [];
  const source = values.length === 1 && values[0].type === 'identifier' ? values[0] : undefined;
  const setter = source ? enclosingFunction(source) : undefined;
  if (!source || setter?.childForFieldName('name')?.text !== '__init__') return undefined;
  // Set from outside (`loader.shuffle = True`) or again elsewhere, it may hold another value.
  return attributeAssignments(index).get(name!) === 1 ? index.valuesGiven(source) : undefined;
}

/**
 * How many assignments of the file set an attribute of each name (`x.shuffle = ...`), on any object:
 * also as one target of several (`self.a, self.b = ...`) or augmented (`self.path += ".pt"`).
 */
export const attributeAssignments = oncePer((index: SemanticIndex): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const assignment of [...index.nodes('assignment'), ...index.nodes('augmented_assignment')]) {
    const left = assignment.childForFieldName('left');
    const targets = left?.type === 'pattern_list' || left?.type === 'tuple_pattern' ? left.namedChildren : [left];
    for (const target of targets) {
      const name = target?.type === 'attribute' ? target.childForFieldName('attribute')?.text : undefined;
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return counts;
});

/**
 * How many assignments of the file set an attribute `name` that an instance of the class `cls` may
 * hold: attributeAssignments, less those made on `self` (a method's first parameter) in a method of a
 * class of the file that neither is `cls` nor derives from it nor is one of its bases. Such a
 * method runs only on instances of its own class, so its `self.<name> = ...` never reaches an
 * instance of an unrelated class that sets an attribute of the same name; an assignment on any other
 * object (`scorer.weights = ...`) may, and still counts.
 */
export function attributeAssignmentsReaching(index: SemanticIndex, name: string, cls: Node): number {
  const related = (other: Node): boolean => sameNode(other, cls) || derivesFrom(index, cls, other) || derivesFrom(index, other, cls);
  let count = 0;
  for (const assignment of [...index.nodes('assignment'), ...index.nodes('augmented_assignment')]) {
    const left = assignment.childForFieldName('left');
    const targets = left?.type === 'pattern_list' || left?.type === 'tuple_pattern' ? left.namedChildren : [left];
    for (const target of targets) {
      if (target?.type !== 'attribute' || target.childForFieldName('attribute')?.text !== name) continue;
      const other = selfClassOf(target);
      if (!other || related(other)) count++;
    }
  }
  return count;
}

/** The class statement `cls` names `base` among its bases, directly or through classes of the file (`class B(A)`, `class C(B)`). */
function derivesFrom(index: SemanticIndex, cls: Node, base: Node, seen = new Set<string>()): boolean {
  for (const superclass of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    const name = superclass?.type === 'identifier' ? superclass.text : undefined;
    const local = name && !seen.has(name) ? index.classes.get(name)?.node : undefined;
    if (!local) continue;
    seen.add(name!);
    if (sameNode(local, base) || derivesFrom(index, local, base, seen)) return true;
  }
  return false;
}

/** The class of the method whose first parameter `attribute`'s object is (`self.x` in a method), or undefined. */
function selfClassOf(attribute: Node): Node | undefined {
  const object = attribute.childForFieldName('object');
  const method = object?.type === 'identifier' ? enclosingFunction(attribute) : undefined;
  if (method?.type !== 'function_definition' || method.childForFieldName('parameters')?.namedChild(0)?.text !== object!.text) return undefined;
  return methodClass(method);
}

/**
 * The arms of an `if` or `elif` that tests a parameter of its function (or an attribute `__init__`
 * sets from one, see valuesGivenTo) against a string (`if mode == "normal":`) when every call of the file gives that parameter another constant, or
 * leaves a default that differs (`Denoiser(waveglow)` with `mode="zeros"`), or that tests a
 * parameter's truth (`if shuffle:`) when every call gives it a false constant, or that tests a data
 * set's index to lie outside it (indexOutOfRange): they never run here.
 * Worked out once per document, so that a draw deep in an expression is not walked up once per draw.
 */
const armsNoCallTakes = oncePer((index: SemanticIndex): Node[] => (['if_statement', 'elif_clause'] as const).flatMap((type) => index.nodes(type))
  .flatMap((node) => {
    const consequence = node.childForFieldName('consequence');
    const condition = node.childForFieldName('condition');
    if (consequence && condition && indexOutOfRange(index, node, condition)) return [consequence];
    const tested = consequence ? testedString(condition) : undefined;
    if (tested) {
      const given = valuesGivenTo(index, tested.name);
      // A literal of another kind (`None`, a number) never equals a string.
      return given?.every((value) => {
        const literal = index.literal(value);
        return !!literal && (literal.kind !== 'string' || literal.value !== tested.value);
      }) ? [consequence!] : [];
    }
    // `if shuffle:` (or `if self.shuffle:`) where every call gives `shuffle=False` (or leaves a false default): never taken.
    const flag = consequence && condition ? stripParens(condition) : undefined;
    const given = flag ? valuesGivenTo(index, flag) : undefined;
    return given?.every((value) => isFalsy(index.literal(value))) ? [consequence!] : [];
  }));

/**
 * The test of an `if` in a data set's `__getitem__` that holds only for an index outside the data
 * set (`index not in range(0, len(self.files))`, `idx >= len(self)`, `idx < 0 or idx >= self.__len__()`),
 * the length being `len(self)`, `self.__len__()` or what the class's `__len__` returns: a sampler
 * asks only for indices below `__len__`, so the arm (a random stand-in sample) never runs.
 */
function indexOutOfRange(index: SemanticIndex, ifNode: Node, condition: Node): boolean {
  const fn = enclosingFunction(ifNode);
  if (fn?.type !== 'function_definition' || fn.childForFieldName('name')?.text !== '__getitem__') return false;
  const parameters = fn.childForFieldName('parameters')?.namedChildren ?? [];
  const parameter = parameters[1] ? parameterName(parameters[1])?.text : undefined;
  const body = fn.childForFieldName('body');
  if (!parameter || !body) return false;
  // Rebound outside the arm (`idx = idx % n`), it may no longer hold what the sampler asked for.
  const arm = ifNode.childForFieldName('consequence');
  const rebinds = (type: 'assignment' | 'augmented_assignment') => index.nodesWithin(type, body).some((a) => a.childForFieldName('left')?.text === parameter && !(arm && isAncestorOf(arm, a)));
  if (rebinds('assignment') || rebinds('augmented_assignment')) return false;
  const lengths = datasetLengths(fn);
  const isLength = (node: Node | null | undefined): boolean => !!node && lengths.has(compact(stripParens(node).text));
  const isIndex = (node: Node | null | undefined): boolean => node?.type === 'identifier' && node.text === parameter;
  const outside = (test: Node): boolean => {
    test = stripParens(test);
    if (test.type === 'boolean_operator' && test.childForFieldName('operator')?.text === 'or') {
      const [left, right] = [test.childForFieldName('left'), test.childForFieldName('right')];
      return !!left && !!right && ((belowZero(left) && outside(right)) || (outside(left) && belowZero(right)));
    }
    if (test.type !== 'comparison_operator' || test.namedChildCount !== 2) return false;
    const operator = test.childrenForFieldName('operators').map((o) => o?.text).join(' ');
    const [left, right] = test.namedChildren as Node[];
    if (operator === 'not in') return isIndex(left) && rangeOfLength(right);
    return (operator === '>=' && isIndex(left) && isLength(right)) || (operator === '<=' && isLength(left) && isIndex(right));
  };
  const belowZero = (test: Node): boolean => {
    test = stripParens(test);
    const [left, right] = test.type === 'comparison_operator' && test.namedChildCount === 2 ? (test.namedChildren as Node[]) : [];
    const operator = test.type === 'comparison_operator' ? test.childrenForFieldName('operators').map((o) => o?.text).join(' ') : '';
    return operator === '<' && isIndex(left) && right?.text === '0';
  };
  // `range(len(x))` or `range(0, len(x))`.
  const rangeOfLength = (node: Node): boolean => {
    const args = node.type === 'call' && node.childForFieldName('function')?.text === 'range' ? node.childForFieldName('arguments')?.namedChildren ?? [] : [];
    return (args.length === 1 && isLength(args[0])) || (args.length === 2 && args[0]?.text === '0' && isLength(args[1]));
  };
  return outside(condition);
}

/** How a data set class's length is spelt in its methods: `len(self)`, `self.__len__()`, and what its `__len__` returns. */
function datasetLengths(method: Node): Set<string> {
  const lengths = new Set(['len(self)', 'self.__len__()']);
  const holder = method.parent?.type === 'decorated_definition' ? method.parent : method;
  for (const member of holder.parent?.type === 'block' ? holder.parent.namedChildren : []) {
    if (member?.type !== 'function_definition' || member.childForFieldName('name')?.text !== '__len__') continue;
    const statements = member.childForFieldName('body')?.namedChildren.filter((s) => s?.type !== 'comment' && s?.type !== 'expression_statement') ?? [];
    const value = statements.length === 1 && statements[0]?.type === 'return_statement' ? statements[0].namedChild(0) : undefined;
    if (value) lengths.add(compact(stripParens(value).text));
  }
  return lengths;
}

/** Code text without its blanks, so `len( self.files )` and `len(self.files)` compare equal. */
function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A constant Python takes as false: `False`, `None`, `0`, `""`. */
function isFalsy(literal: LiteralValue | undefined): boolean {
  if (!literal) return false;
  return literal.kind === 'none' || (literal.kind === 'bool' && !literal.value) || (literal.kind === 'number' && literal.value === 0) || (literal.kind === 'string' && literal.value === '');
}

/** Methods a framework runs while it builds, trains or feeds a model: a draw there shapes it. */
const FRAMEWORK_METHODS = /^(__init__|__call__|build|reset_parameters|init_weights|_init_weights|on_\w+)$/;

/**
 * The calls of a method of the file's classes (`sampler.generate_one_step(chars)`), when the method
 * returns a value and is one the file itself calls, not one a framework runs (`forward`, `call`,
 * `__getitem__`, `__init__`...): a sampler, whose draws go only where its callers take what it returns.
 */
function samplerCalls(index: SemanticIndex, fn: Node): Node[] {
  const name = fn.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  if (!name || holder.parent?.parent?.type !== 'class_definition' || MODEL_OR_DATA_METHODS.test(name) || FRAMEWORK_METHODS.test(name)) return [];
  if (!givesBackValue(index, fn)) return [];
  return index.methodCalls(name).filter((call) => !isAncestorOf(fn, call.node)).map((call) => call.node);
}

/**
 * The value a lesson on tensors or autograd follows from a draw, when the draw makes a leaf bound to
 * a name once, in no loop or function: the draw itself for `x = torch.randn(2, 2, requires_grad=True)`
 * (a leaf tensor autograd differentiates to), the variable for `w = tf.Variable(tf.random.normal((3, 2)))`
 * (TensorFlow's leaf, which a `GradientTape` differentiates to).
 */
function lessonLeaf(index: SemanticIndex, draw: Node): Node | undefined {
  const call = index.call(draw);
  const flag = call?.kwargs.get('requires_grad');
  const value = flag ? literalValue(flag) : undefined;
  const leaf = call?.qname?.startsWith('torch.') && value?.kind === 'bool' && value.value ? draw : tensorflowVariableOf(index, draw);
  const binding = leaf?.parent;
  return leaf && binding?.type === 'assignment' && sameNode(binding.childForFieldName('right'), leaf)
    && binding.childForFieldName('left')?.type === 'identifier' && !enclosingFunction(leaf) && runsOnce(index, leaf) ? leaf : undefined;
}

/** The `tf.Variable(...)` call whose initial value is `draw` (`tf.Variable(tf.random.normal(s))`, `initial_value=`). */
function tensorflowVariableOf(index: SemanticIndex, draw: Node): Node | undefined {
  const argument = draw.parent?.type === 'keyword_argument' ? draw.parent : draw;
  const list = argument.parent;
  const variable = list?.type === 'argument_list' ? list.parent : undefined;
  const call = variable?.type === 'call' ? index.call(variable) : undefined;
  if (call?.qname !== 'tensorflow.Variable') return undefined;
  const initial = call.args[0] ?? call.kwargs.get('initial_value');
  return initial && sameNode(initial, draw) ? variable! : undefined;
}

/** A `GradientTape`'s own methods: watching a tensor or differentiating to it changes no value. */
function tapeCall(index: SemanticIndex, call: CallSite): 'gradient' | 'watch' | undefined {
  const kind = call.method === 'gradient' || call.method === 'jacobian' ? 'gradient' : call.method === 'watch' ? 'watch' : undefined;
  return kind && call.receiver && tapeObject(index, call.receiver) ? kind : undefined;
}

/** `tape` in `with tf.GradientTape() as tape:` (or bound by `tape = tf.GradientTape()`). */
function tapeObject(index: SemanticIndex, receiver: Node): boolean {
  if (index.constructedClass(receiver) === 'tensorflow.GradientTape') return true;
  const binding = receiver.type === 'identifier' ? index.bindingAt(receiver) : undefined;
  return binding?.kind === 'with' && binding.value?.type === 'call' && index.call(binding.value)?.qname === 'tensorflow.GradientTape';
}

/** The gradients a tape hands back are only looked at, or bound to names never read: none changes a weight. */
function gradientOnlyLookedAt(index: SemanticIndex, gradient: Node): boolean {
  const binding = gradient.parent;
  const target = binding?.type === 'assignment' && sameNode(binding.childForFieldName('right'), gradient) ? binding.childForFieldName('left') : undefined;
  const names = target?.type === 'identifier' ? [target] : target?.namedChildren ?? [];
  if (names.length > 0 && names.every((name) => name?.type === 'identifier' && usesOfTarget(index, name).length === 0)) return true;
  return onlyLookedAt(index, gradient);
}


/** The `string` module's alphabets, by what they hold. */
const ALPHABETS: Record<string, { letters: boolean; digits: boolean }> = {
  'string.ascii_letters': { letters: true, digits: false },
  'string.ascii_lowercase': { letters: true, digits: false },
  'string.ascii_uppercase': { letters: true, digits: false },
  'string.digits': { letters: false, digits: true },
  'string.octdigits': { letters: false, digits: true },
  'string.hexdigits': { letters: true, digits: true },
};

/** Which kinds of characters a population of characters holds (`string.ascii_lowercase + string.digits`, `"abc123"`); undefined when it is not known to be characters. */
function alphabetOf(index: SemanticIndex, expression: Node, depth = 0): { letters: boolean; digits: boolean } | undefined {
  if (depth > 4) return undefined;
  const node = stripParens(index.valueOf(expression));
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+') {
    const [left, right] = [node.childForFieldName('left'), node.childForFieldName('right')].map((side) => side ? alphabetOf(index, side, depth + 1) : undefined);
    return left && right ? { letters: left.letters || right.letters, digits: left.digits || right.digits } : undefined;
  }
  if (node.type === 'string') {
    const text = stringValue(node);
    return text && /^[A-Za-z0-9]+$/.test(text) ? { letters: /[A-Za-z]/.test(text), digits: /\d/.test(text) } : undefined;
  }
  return ALPHABETS[index.qualify(node) ?? ''];
}

/** What lies between a draw and the `join` that takes it: `"".join(random.choice(s) for _ in range(8))`. */
const JOINED_THROUGH = new Set(['argument_list', 'generator_expression', 'list_comprehension', 'parenthesized_expression']);

/** Draws of characters: `random.choices(population, k=8)`, `random.choice(seq)`, `random.sample(population, 8)`. */
const CHARACTER_DRAWS = new Set(['random.choice', 'random.choices', 'random.sample']);

/** Loops and comprehensions: what runs in them runs many times. */
const REPEATING = new Set([...LOOP_TYPES, 'list_comprehension', 'generator_expression', 'set_comprehension', 'dictionary_comprehension']);

/** Whether `node` runs once per run: in no loop or comprehension, and, in a function, called only from outside any. */
function runsOnce(index: SemanticIndex, node: Node, depth = 0): boolean {
  for (const around of ancestors(node, false)) {
    if (REPEATING.has(around.type)) return false;
    if (FUNCTION_TYPES.has(around.type)) {
      const sites = returnSites(index, around);
      return depth < 3 && sites.length === 1 && sites[0].type === 'call' && runsOnce(index, sites[0], depth + 1);
    }
  }
  return true;
}

/**
 * `"".join(random.choices(string.ascii_lowercase + string.digits, k=8))`, drawn once: letters and
 * digits joined into one string make a name (a job's, a run's, a bucket's suffix), not numbers any
 * model learns from, wherever the name goes. Digits alone are such a name where the joined string is
 * written into text there (`"hpo-" + "".join(random.choices(string.digits, k=5))`); bare, they may
 * be a number the program computes with. Letters alone may be synthetic text, and strings drawn
 * over and over (a captcha per image) may be data: all stay followed.
 */
function drawsIdentifier(index: SemanticIndex, draw: Node): boolean {
  const call = index.call(draw);
  if (!call?.qname || !CHARACTER_DRAWS.has(call.qname)) return false;
  const population = call.args[0] ?? call.kwargs.get('population') ?? call.kwargs.get('seq');
  const alphabet = population ? alphabetOf(index, population) : undefined;
  if (!alphabet?.digits) return false;
  let node = draw;
  while (node.parent && JOINED_THROUGH.has(node.parent.type)) node = node.parent;
  const joining = node.parent?.type === 'call' ? index.call(node.parent) : undefined;
  if (!(joining?.method === 'join' && !!joining.receiver && stripParens(joining.receiver).type === 'string' && runsOnce(index, joining.node))) return false;
  // Digits alone are a number spelled out: a name only where the joined string is written into
  // text right there (`"hpo-" + "".join(random.choices(string.digits, k=5))`), as a run number is.
  return alphabet.letters || joinedIntoText(index, joining.node);
}

/**
 * `"job-" + joined` (either side, the other a string or a name bound to one) or `f"runs/sweep-{joined}"`,
 * the text around holding something besides digits: a name with a numeric suffix. `"7" + joined`
 * is still a number, which `int(...)` may read back.
 */
function joinedIntoText(index: SemanticIndex, joined: Node): boolean {
  let node = joined;
  while (node.parent?.type === 'parenthesized_expression') node = node.parent;
  const parent = node.parent;
  if (parent?.type === 'binary_operator' && parent.childForFieldName('operator')?.text === '+') {
    const other = sameNode(parent.childForFieldName('left'), node) ? parent.childForFieldName('right') : parent.childForFieldName('left');
    const text = other ? stripParens(index.valueOf(other)) : undefined;
    return text?.type === 'string' && /[^\d]/.test(stringValue(text) ?? '');
  }
  const fstring = parent?.type === 'interpolation' ? parent.parent : undefined;
  if (fstring?.type !== 'string') return false;
  const literal = fstring.namedChildren.filter((part) => part?.type === 'string_content').map((part) => part!.text).join('');
  return /[^\d]/.test(literal);
}

/** Draws of one whole number. */
const NUMBER_DRAWS = new Set(['random.randint', 'random.randrange', 'numpy.random.randint']);

/**
 * `self.training_id = random.randint(0, 1000)`, drawn once, every use of which writes it into text
 * (an f-string, `str(...)`, `%` or `.format` formatting) or prints it: a number that names a run's
 * folders and logs, which changes what they are called and nothing that is computed; so does one
 * drawn right inside such text, bound to no name. A number also used otherwise (a seed, an index,
 * arithmetic), or drawn over and over, stays followed.
 */
function drawsRunNumber(index: SemanticIndex, draw: Node): boolean {
  const call = index.call(draw);
  const assignment = draw.parent;
  const target = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('right'), draw) ? assignment.childForFieldName('left') : null;
  if (!call?.qname || !NUMBER_DRAWS.has(call.qname) || !drawnOnce(index, draw)) return false;
  // Written straight into text where it is drawn (`f"results/finetune_{np.random.randint(1e8)}"`,
  // `"{}_{}.json".format(size, np.random.randint(10000))`): the same number through no name.
  if (!target) return writtenIntoText(index, draw);
  let reads: Node[];
  if (target.type === 'identifier') {
    reads = usesOfTarget(index, target);
  } else {
    // An attribute of `self` the class sets only here: every `self.<name>` of the class reads it.
    const attribute = target.type === 'attribute' && target.childForFieldName('object')?.text === 'self' ? target.childForFieldName('attribute')?.text : undefined;
    const owner = enclosingClass(draw);
    if (!attribute || !owner) return false;
    const spelled = index.nodesWithin('attribute', owner).filter((node) => node.text === `self.${attribute}`);
    if (spelled.some((node) => node.parent?.type === 'assignment' && sameNode(node.parent.childForFieldName('left'), node) && !sameNode(node, target))) return false;
    reads = spelled.filter((node) => !sameNode(node, target));
  }
  return reads.length > 0 && reads.every((read) => writtenIntoText(index, read));
}

/** Whether `draw` runs once per run: see runsOnce; in `__init__`, for a class every build of which runs once. */
function drawnOnce(index: SemanticIndex, draw: Node): boolean {
  const fn = enclosingFunction(draw);
  const owner = fn?.childForFieldName('name')?.text === '__init__' ? enclosingClass(fn) : undefined;
  if (!owner) return runsOnce(index, draw);
  for (const around of ancestors(draw, false)) {
    if (sameNode(around, fn)) break;
    if (REPEATING.has(around.type)) return false;
  }
  const builds = classBuilds(index, owner);
  return !!builds && builds.every((build) => runsOnce(index, build));
}

/** A read that is written into text or printed as it is: `f"run_{id}"`, `str(id)`, `"%d" % id`, `"{}".format(id)`, `print(id)`. */
function writtenIntoText(index: SemanticIndex, read: Node): boolean {
  const parent = read.parent;
  if (parent?.type === 'interpolation') return true;
  if (parent?.type === 'binary_operator' && parent.childForFieldName('operator')?.text === '%' && stripParens(parent.childForFieldName('left') ?? parent).type === 'string') return true;
  const holder = parent?.type === 'tuple' && parent.parent?.type === 'binary_operator' && parent.parent.childForFieldName('operator')?.text === '%' ? parent.parent : undefined;
  if (holder && stripParens(holder.childForFieldName('left') ?? holder).type === 'string') return true;
  const callNode = parent?.type === 'argument_list' ? parent.parent : undefined;
  const call = callNode?.type === 'call' ? index.call(callNode) : undefined;
  if (!call) return false;
  if (call.qname === 'builtins.str' || call.qname === 'builtins.print') return true;
  return call.method === 'format' && !!call.receiver && stripParens(call.receiver).type === 'string';
}

/**
 * Whether all that is ever asked of the value of `expression` (a call) is its shape (`out.shape`,
 * `len(out)`, `out.size(1)`): the same answer whatever the numbers in it.
 */
export function onlyAskedShape(index: SemanticIndex, expression: Node): boolean {
  return followDraw(index, [expression]) === 'shape-only';
}

/**
 * Whether every use of the value of `expression` (a call) is known and only looks at it: shown
 * (printed, plotted, a notebook cell's value), asked its shape, or asked through its own methods
 * (`X_train.head(1)`). Handed to any other call, it may be trained on there (a library's own
 * `train(params, data)`), so it is not only looked at.
 */
export function onlyLookedAt(index: SemanticIndex, expression: Node): boolean {
  const reach = followDraw(index, [expression], { onlyArgumentsShown: true });
  return reach === 'shown' || reach === 'shape-only';
}

/**
 * Constructors of a new random generator: they keep what they are given (a seed) in the object they
 * return and change nothing else, the global generators included.
 */
const GENERATOR_BUILDS = new Set([
  'numpy.random.RandomState', 'numpy.random.default_rng', 'numpy.random.Generator', 'numpy.random.SeedSequence',
  'numpy.random.MT19937', 'numpy.random.PCG64', 'numpy.random.Philox', 'numpy.random.SFC64', 'random.Random',
]);

/** `np.random.RandomState(seed)` on a line of its own: a generator built and dropped, which keeps its seed from everything. */
function buildsGeneratorOnly(index: SemanticIndex, node: Node): boolean {
  const qname = index.call(node)?.qname;
  return !!qname && GENERATOR_BUILDS.has(qname);
}

/**
 * Where the values that start at `start` go (see Reach). A value handed to a call that is no known
 * sink is followed on through the call's value, unless `onlyArgumentsShown`: then it is lost there.
 * `gradientLeaf` follows a drawn leaf tensor (see drawnAsGradientLeaf) as a lesson on autograd uses
 * it: one backward pass run once on what it gives leaves a gradient and changes no weight, so it
 * only shows; its gradient (`x.grad`) must only be looked at, and the tensor handed to nothing but
 * PyTorch's tensor functions and displays (a model, a layer or an optimizer may make it a weight).
 */
function followDraw(index: SemanticIndex, start: Node[], how: FollowOptions = {}): Reach {
  const { depth = 0, onlyArgumentsShown = false, gradientLeaf = false, model = false, inTest = false, feedsModels = false } = how;
  const seen = new Set<string>();
  // Each value carries the function it entered through a parameter, if any (`via`, with the call
  // that handed it in and the entry it was followed under there): what that function returns goes
  // back to that call, not to its other calls, and only when the value reaches a `return`.
  const queue: { node: Node; via?: Entry }[] = start.map((node) => ({ node }));
  let via: Entry | undefined;
  const push = (...nodes: Node[]) => { for (const node of nodes) queue.push({ node, via }); };
  // The classes never built that the followed values do not start in (see unbuiltClasses).
  const idle = unbuiltClasses(index).filter((owner) => !start.some((node) => isAncestorOf(owner, node)));
  let steps = 0;
  let shapes = 0;
  let shown = 0;
  let lost = queue.length === 0;
  while (queue.length > 0) {
    if (steps++ >= BUDGET) return 'unknown';
    // A model is asked only whether it reaches nothing: once anything is lost, shown or measured, it does not.
    if (model && (lost || shown > 0 || (shapes > 0 && !inTest))) return 'unknown';
    const item = queue.shift()!;
    const node = item.node;
    via = item.via;
    const parent = node.parent;
    if (!parent) { lost = true; continue; }
    // Keyed by the whole span: `(z ** 2).sum()` and the `z ** 2` inside it are different values.
    const key = `${node.startIndex}:${node.endIndex}:${via?.call.startIndex ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A read in a method of a class the program never builds never runs: the value goes nowhere there.
    if (idle.some((owner) => isAncestorOf(owner, node))) continue;
    if (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), node) && SHAPE_ATTRIBUTES.has(parent.childForFieldName('attribute')?.text ?? '')) {
      shapes++;
      continue;
    }
    if (gradientLeaf && parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), node) && parent.childForFieldName('attribute')?.text === 'grad') {
      if (!onlyLookedAt(index, parent)) return 'result';
      shown++;
      continue;
    }
    // A value on its own line goes nowhere: a notebook shows it as the cell's value, a script drops
    // it. A call there is another matter: it may keep its arguments (`rows.append(x)`, `writer.write(x)`).
    if (parent.type === 'expression_statement' && (node.type !== 'call' || buildsGeneratorOnly(index, node))) {
      shown++;
      continue;
    }
    // `title is not None` asks whether a value was given, not what was drawn: the same answer whatever is drawn.
    if (parent.type === 'comparison_operator' && comparesWithNone(parent)) {
      shapes++;
      continue;
    }
    // Python 2's `print X_train.head(1)` shows what it is given, as `print(...)` does.
    if (parent.type === 'print_statement') {
      shown++;
      continue;
    }
    // `[1 for _ in rows]` reads only how many rows there are, as `len(rows)` does.
    if (parent.type === 'for_in_clause' && sameNode(parent.childForFieldName('right'), node) && onlyCounts(index, parent)) {
      shapes++;
      continue;
    }
    // `[f.shape[1] for f in feats]` hands the comprehension only what its body makes of each element:
    // the value goes where the loop's names are read there, and a filter on them (`if f.sum() > 0`)
    // picks the elements by what was drawn, so the comprehension carries it then.
    if (parent.type === 'for_in_clause' && sameNode(parent.childForFieldName('right'), node) && COMPREHENSIONS.has(parent.parent?.type ?? '')) {
      const comprehension = parent.parent!;
      for (const read of comprehensionReads(index, parent)) {
        if (insideFilter(read, comprehension)) push(comprehension);
        else push(read);
      }
      continue;
    }
    if (CARRYING_PARENTS.has(parent.type) || (parent.type === 'attribute' && sameNode(parent.childForFieldName('object'), node))) {
      push(parent);
      continue;
    }
    if (parent.type === 'call' || parent.type === 'argument_list' || parent.type === 'keyword_argument') {
      const callNode = parent.type === 'call' ? parent : parent.type === 'argument_list' ? parent.parent : parent.parent?.parent;
      const call = callNode?.type === 'call' ? index.call(callNode) : undefined;
      if (!call || !callNode) { lost = true; continue; }
      // Handed to a call in the statement that ends a `with pytest.raises(...):` block (`viz.fit(X, y)`
      // in a test that expects the fit to refuse a continuous target): the statement never completes,
      // so nothing made from the value is kept or read after it, whatever the call is.
      if (builtWhereFailureExpected(index, callNode)) continue;
      const keyword = parent.type === 'keyword_argument' ? parent.childForFieldName('name')?.text : undefined;
      if (keyword && PIPELINE_KEYWORDS.has(keyword)) return 'result';
      if (isExampleInput(call, keyword)) { shapes++; continue; }
      // A forward or backward pass under a FLOP counter is counted, and the count depends on shapes only.
      if (underFlopCounter(index, callNode)) { shapes++; continue; }
      if (gradientLeaf) {
        if (parent.type === 'call' && call.method === 'backward' && !enclosingFunction(callNode) && runsOnce(index, callNode)) { shown++; continue; }
        // A tape watching the leaf changes nothing; its gradient, only looked at, changes no weight.
        const tape = parent.type === 'call' ? undefined : tapeCall(index, call);
        if (tape === 'watch') { shown++; continue; }
        if (tape === 'gradient') {
          if (!gradientOnlyLookedAt(index, callNode)) return 'result';
          shown++;
          continue;
        }
        // A TensorFlow variable given new values by its own methods (`v.assign(tf.ones((3, 1)))`): what
        // is given is followed where it comes from (a tape's gradient, above).
        if (parent.type === 'call' && /^assign(_add|_sub)?$/.test(call.method ?? '') && callNode.parent?.type === 'expression_statement') { shown++; continue; }
        if (parent.type !== 'call' && !((call.qname && TENSOR_FUNCTIONS.test(call.qname)) || shows(index, call))) return 'result';
      }
      // A test asking a model its parameters (`model.get_params()`) reads what it was built with, not what it learned.
      if (model && inTest && parent.type === 'call' && call.receiver && call.method === 'get_params') { shapes++; continue; }
      if (model) {
        // A model's own fit changes only the model, followed already by its name; fit returns the
        // model, and what it outputs carries what it learned. Either dropped on its own line goes nowhere.
        // Its own score is an answer too: followed, it is a result only where something reads it.
        if (parent.type === 'call' && call.receiver && (MODEL_ANSWERS.test(call.method ?? '') || OUTPUT_METHODS.has(call.method ?? '') || isModelMetricMethod(call)) && !reportsAsItFits(call)) {
          // A notebook keeps a top-level statement's value as the cell's output, in `_`.
          if (callNode.parent?.type !== 'expression_statement' || (index.doc.kind === 'notebook' && !enclosingFunction(callNode))) push(callNode);
          continue;
        }
        // Wrapped in another estimator (`OneVsRestClassifier(SGDClassifier())`), it goes where the wrapper goes.
        if (parent.type !== 'call' && call.qname && isEstimatorConstructor(call.qname)) {
          push(callNode);
          continue;
        }
      }
      // A test's generated rows handed to a model train it or are answered for: the model, from the
      // call on, and the answers go on (a score is a result only where something reads it).
      if (feedsModels && parent.type !== 'call') {
        if (call.receiver && FEEDING_METHODS.test(call.method ?? '')) {
          // A model built in the same expression (`Ridge().fit(X, y)`) is read nowhere else.
          const built = call.receiver.type === 'call' && /^[A-Z]/.test(lastSegment(call.receiver.childForFieldName('function')?.text ?? ''));
          if (/fit/.test(call.method ?? '') && !built) {
            const root = objectRoot(call.receiver);
            if (root?.type !== 'identifier' || root.text === 'self') { lost = true; continue; }
            push(...readsAfter(index, root, callNode));
          }
          if (callNode.parent?.type !== 'expression_statement') push(callNode);
          continue;
        }
        if (call.qname && MODEL_FEEDS.test(call.qname)) { push(callNode); continue; }
      }
      // In a test, a value asked whether it exists or of what type (`self.assertIsNotNone(trained)`,
      // `isinstance(preds, np.ndarray)`) gives the same answer whatever the model learned.
      if (inTest && parent.type === 'argument_list' && sameNode(parent.namedChildren[0], node) && asksExistenceOrType(call)) { shapes++; continue; }
      // A throwaway fit (statsmodels' dropped results, a probe's model built and fitted in one statement) keeps nothing.
      if (fitThrownAway(index, call)) { shown++; continue; }
      // In a test, a model saved into the test's temporary folder goes only where the test loads that file back.
      if (inTest && model) {
        const loads = loadsFromTestTempFolder(index, callNode);
        if (loads) { push(...loads); continue; }
      }
      if (isResultSink(index, call)) {
        if ((metricCall(call) || isModelMetricMethod(call)) && metricOnlyChecked(index, callNode)) { lost = true; continue; }
        // A data set built only to show its batches (a data-loading demo) trains nothing.
        if (call.qname && DATA_SETS.test(call.qname) && depth < 2) {
          const onward = followDraw(index, [callNode], { depth: depth + 1, onlyArgumentsShown });
          if (onward === 'shown' || onward === 'shape-only') { shown++; continue; }
        }
        return 'result';
      }
      // `len(x)`, and an example input handed to export, tracing or profiling, only give a shape; a
      // wait's length, like a shape, gives the same results whatever is drawn.
      if (call.qname === 'builtins.len' || (parent.type !== 'call' && (!!call.qname && (SHAPE_PROBES.test(call.qname) || WAITS.test(call.qname)) || call.method === 'add_graph'))) { shapes++; continue; }
      if (shows(index, call)) { shown++; continue; }
      // `rows.append(x)` keeps the value in `rows`: it goes where `rows` is read after the call. A call
      // whose value is used (pandas' `frame.append(other)` returns a new frame) passes it on there too.
      if (parent.type !== 'call' && mutatesReceiver(call) && call.receiver) {
        const root = objectRoot(call.receiver);
        if (root?.type === 'identifier' && root.text !== 'self') {
          if (model && readOutside(index, root)) lost = true;
          push(...readsAfter(index, root, callNode));
          if (callNode.parent?.type !== 'expression_statement') push(callNode);
          continue;
        }
      }
      if (onlyArgumentsShown && parent.type !== 'call') {
        if (computesFrom(call)) push(callNode);
        else lost = true;
        continue;
      }
      // Handed to a function of the file, the value goes where its parameter goes in the body
      // (`fit_model(X, y)` fits it there), and on through what the call returns when it reaches a
      // `return` there (see the return statement below): a helper that only plots it and returns
      // the figure it made hands back no drawn value. One that hands nothing back (a notebook's
      // `imshow(grid, title=...)` helper) gives its caller `None`.
      const parameter = parent.type === 'call' ? undefined : index.parameterFor(call, node);
      const fn = parameter ? enclosingFunction(parameter) : undefined;
      if (parameter && fn) {
        const entry: Entry = { fn, call: callNode, outer: via };
        for (const use of usesOfTarget(index, parameter)) queue.push({ node: use, via: entry });
        // A generator's `yield` and a lambda's body are not followed: what they hand back may carry it.
        if (fn.type !== 'lambda' && index.functionExits(fn).yields.length === 0) continue;
      }
      push(callNode);
      continue;
    }
    // A drawn position written into an array (`onehot[0, t, index[ch]] = 1.`): the array carries the draw.
    if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && sameNode(parent.childForFieldName('left'), node) && node.type === 'subscript') {
      const root = objectRoot(node);
      if (root?.type !== 'identifier') { lost = true; continue; }
      push(...readsAfter(index, root, parent));
      continue;
    }
    // `text += ch` keeps what `text` held: it goes on in the name's new binding. A lesson's leaf updated
    // so (`w -= lr * w.grad`) is a step of descent, and stays unknown.
    // A model's setting changed in place (`forest.n_estimators += 10` before a warm-started fit):
    // the model itself is followed by its name, and the setting is no answer it gives.
    if (model && (parent.type === 'assignment' || parent.type === 'augmented_assignment') && sameNode(parent.childForFieldName('left'), node) && node.type === 'attribute') continue;
    if (!gradientLeaf && parent.type === 'augmented_assignment' && sameNode(parent.childForFieldName('left'), node) && node.type === 'identifier') {
      push(...usesOfTarget(index, node));
      continue;
    }
    if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && sameNode(parent.childForFieldName('right'), node)) {
      const target = parent.childForFieldName('left');
      if (!target) { lost = true; continue; }
      const before = queue.length;
      for (const id of target.type === 'identifier' ? [target] : target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern' ? target.namedChildren : []) {
        if (id?.type !== 'identifier') continue;
        // A model kept in a top-level name may be read where this file cannot see.
        if (model && readOutside(index, id)) lost = true;
        push(...usesOfTarget(index, id));
      }
      const root = objectRoot(target);
      if (root && root.type === 'identifier' && !sameNode(root, target)) {
        if (root.text === 'self' && classHoldsResult(index, parent)) return 'result';
        push(...readsAfter(index, root, parent));
      }
      // A name no code reads (`rint = random.randint(0, 5)` left behind when its use was commented
      // out) takes the value nowhere: where it went is all known.
      if (queue.length === before && !readByNobody(index, target)) lost = true;
      continue;
    }
    if (parent.type === 'return_statement') {
      const fn = enclosingFunction(parent);
      // Entered through a parameter, the value comes back at the call that handed it in, and is
      // followed on from there as it was followed before it entered.
      if (fn && via && sameNode(fn, via.fn)) {
        queue.push({ node: via.call, via: via.outer });
        continue;
      }
      const sites = fn ? returnSites(index, fn) : [];
      // A data set's items, returned to the loader that calls the method, go where the data set goes.
      const items = sites.length === 0 && fn ? dataSetItemsGo(index, fn) : undefined;
      if (sites.length === 0 && !items) lost = true;
      push(...sites, ...(items ?? []));
      continue;
    }
    // A test that only stops or skips its loop (`if ix == 0: break`, the end mark a name sampler
    // draws) decides how many times the loop runs: the draw goes where what the loop makes goes. One
    // that only decides whether a body of plain statements runs (`if random.random() < 0.01:` around a
    // label drawn on a plot) goes where what that body makes goes; a body that makes nothing read
    // after it only showed something.
    const tested = parent.type === 'if_statement' && sameNode(parent.childForFieldName('condition'), node) ? parent : undefined;
    const loop = tested && loopItOnlyLeaves(tested);
    const guarded = !loop && tested ? plainGuardedBody(tested) : undefined;
    if (loop || guarded) {
      const made = loop ? blockMakes(index, loop.childForFieldName('body'), loop) : blockMakes(index, guarded!, tested!);
      if (made === 'result') return 'result';
      if (!made) { lost = true; continue; }
      if (guarded && made.length === 0) shown++;
      push(...made);
      continue;
    }
    // A lesson's test on its own values decides only how far its block reworks them (see testReworksOnlyItsValues).
    if (gradientLeaf && testReworksOnlyItsValues(index, node)) {
      shown++;
      continue;
    }
    if (parent.type === 'for_statement' && sameNode(parent.childForFieldName('right'), node)) {
      const left = parent.childForFieldName('left');
      // `for i, batch in enumerate(ds)`: the counter `i` carries nothing drawn, only the batch does.
      const counted = node.type === 'call' && index.call(node)?.qname === 'builtins.enumerate' && left?.type !== 'identifier';
      // A nested pattern (`for i, (train_rows, test_rows) in enumerate(windows(frame))`) unpacks each item
      // further: every name in it takes a part of what the loop hands over.
      for (const id of left?.type === 'identifier' ? [left] : patternNames(left?.namedChildren.slice(counted ? 1 : 0) ?? [])) push(...usesOfTarget(index, id));
      // `for _ in range(random.randint(1, 5)):` runs its body a drawn number of times: the draw goes
      // where what the body makes goes, as a test that only stops the loop does.
      if (node.type === 'call' && index.call(node)?.qname === 'builtins.range') {
        const made = blockMakes(index, parent.childForFieldName('body'), parent);
        if (made === 'result') return 'result';
        if (!made) lost = true;
        else push(...made);
      }
      continue;
    }
    lost = true;
  }
  if (lost) return 'unknown';
  return shown > 0 ? 'shown' : shapes > 0 ? 'shape-only' : 'nowhere';
}

/** What a fit may take besides the rows and targets without reporting anything as it trains. */
const QUIET_FIT_KEYWORDS = new Set(['classes', 'sample_weight']);

/** A fit told to print or score as it trains (`eval_set=`, `verbose=`, callbacks): its log is a result. */
function reportsAsItFits(call: CallSite): boolean {
  return call.hasSplat || call.args.length > 3 || [...call.kwargs.keys()].some((keyword) => !QUIET_FIT_KEYWORDS.has(keyword));
}

/** A model's methods that train it in place (returning it) or give as output what it learned, as predict does. */
const MODEL_ANSWERS = /^(fit|partial_fit|fit_transform|fit_predict|transform)$/;

/**
 * Every name `target` binds is read by no code at all: `_`, or a name bound in a function (not
 * declared global there) with no use. A top-level name may be read outside the file (readOutside).
 */
function readByNobody(index: SemanticIndex, target: Node): boolean {
  if (target.type === 'subscript') return onlyWrittenInto(index, target);
  const names = target.type === 'identifier' ? [target] : target.type === 'pattern_list' || target.type === 'tuple_pattern' ? target.namedChildren : [];
  return names.length > 0 && names.every((name) => {
    if (name?.type !== 'identifier') return false;
    if (name.text === '_') return true;
    const definition = index.boundAt(name);
    if (!definition || index.dataflow.usesOf(definition).length > 0) return false;
    return !readOutside(index, name);
  });
}

/**
 * `probs[i] = p` into an array of a function or notebook that is only ever written into, never
 * read (`probs = np.zeros(n)`, then only `probs[...] = ...`).
 */
function onlyWrittenInto(index: SemanticIndex, target: Node): boolean {
  const root = objectRoot(target);
  if (root?.type !== 'identifier' || !sameNode(target.childForFieldName('value'), root) || readOutside(index, root)) return false;
  const read = index.dataflow.readAt(root);
  const definitions = read ? index.dataflow.reachingDefinitions(read) : [];
  return definitions.length > 0 && definitions.every((definition) => index.dataflow.usesOf(definition).every(({ node }) => {
    const write = node.parent;
    return write?.type === 'subscript' && sameNode(write.childForFieldName('value'), node) && write.parent?.type === 'assignment' && sameNode(write.parent.childForFieldName('left'), write);
  }));
}

/**
 * A name (bound or read at `name`) of the top level, not `_`: another module may import it from a
 * script, and the user may read it in a cell of their own in a notebook. One a script binds in its
 * `__main__` block exists only when the script runs as the program, which no module imports.
 */
function readOutside(index: SemanticIndex, name: Node): boolean {
  if (name.text === '_') return false;
  const bound = index.boundAt(name);
  const read = bound ? undefined : index.dataflow.readAt(name);
  const definitions = bound ? [bound] : read ? index.dataflow.reachingDefinitions(read) : [];
  const mainOnly = (node: Node) => index.doc.kind === 'script' && index.mainGuards.some((guard) => isAncestorOf(guard, node));
  return definitions.length === 0 || definitions.some((definition) => !FUNCTION_TYPES.has(definition.scope.type) && !mainOnly(definition.node));
}

/**
 * Whether what the model built by `construction` (an estimator's constructor call) learns reaches
 * no result: its own fits are followed past, and every answer it gives afterwards (`predict`,
 * `predict_proba`, itself when returned) is dropped or unread. A script that fits models only to
 * time the fit or watch its memory is such. Shown (a clustering plotted), asked a size (cluster
 * sizes depend on the draw), saved, scored, handed to a call no table knows, or lost track of, it
 * reaches one.
 */
export function modelReachesNoResult(index: SemanticIndex, construction: Node): boolean {
  // Kept at the top level, it may be read outside the file (readOutside): only a function's models are followed.
  if (!enclosingFunction(construction)) return false;
  // Handed to a call that neither computes from it nor is known, it may be written or plotted there.
  const reach = followDraw(index, [construction], { model: true, onlyArgumentsShown: true });
  return reach === 'nowhere';
}

/**
 * Whether the model built by `construction` in a test that pytest collects (a `test...` function of
 * a test module, or such a method of its test class) reaches only checks that hold whatever it
 * learned: its fits and what it outputs, also through the project's functions it is handed to
 * (`metrics, trained = evaluate_classifier(model, X, y, fit=True)`), are asked only whether they
 * exist (`assert metrics is not None`) or their shape. The test passes or fails alike on every run.
 */
export function modelOnlyCheckedToExist(index: SemanticIndex, construction: Node): boolean {
  if (!isTestModule(index.doc.uri) || !runsOnlyInCollectedTests(index, construction)) return false;
  const reach = followDraw(index, [construction], { model: true, inTest: true });
  return reach === 'shape-only' || reach === 'nowhere';
}

/**
 * Data a generator drew (`make_classification(...)`) in a test pytest collects, which reach only models
 * whose fits and answers the test asks only whether they exist, of what type, or their shape (see
 * modelOnlyCheckedToExist): the test passes or fails alike whatever rows are drawn.
 */
export function dataOnlyFeedsSmokeTest(index: SemanticIndex, draw: Node): boolean {
  if (!isTestModule(index.doc.uri) || !runsOnlyInCollectedTests(index, draw)) return false;
  const reach = followDraw(index, [draw], { model: true, inTest: true, feedsModels: true });
  return reach === 'shape-only' || reach === 'nowhere';
}

const MAX_PATH_ALIASES = 4;

/**
 * The local names a path expression is made from, through what each was bound to
 * (`path_str = str(path)`, `path = tmp_path / "m.joblib"`: `path_str`, `path`, `tmp_path`).
 */
function pathNames(index: SemanticIndex, expression: Node, names = new Set<string>(), depth = 0): Set<string> {
  for (const id of [expression, ...expression.descendantsOfType('identifier')]) {
    if (id?.type !== 'identifier' || names.has(id.text) || !index.bindingAt(id)) continue;
    const parent = id.parent;
    if (parent?.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), id)) continue;
    if (parent?.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), id)) continue;
    names.add(id.text);
    const value = depth < MAX_PATH_ALIASES ? index.bindingAt(id)?.value : undefined;
    if (value) pathNames(index, value, names, depth + 1);
  }
  return names;
}

/**
 * A save, in a test, under a folder the test made new for itself (pytest's `tmp_path`, see
 * underTestsNewDirectory): the file lasts only for the test, so what was saved goes where the test
 * loads it back. The loads are the later calls of the test handed the same path, or a name it was
 * made from other than the test's parameters (`load_pipeline(path)` after `joblib.dump(model,
 * str(path))`). Undefined for any other call, or a save elsewhere.
 */
function loadsFromTestTempFolder(index: SemanticIndex, callNode: Node): Node[] | undefined {
  const save = index.dataflow.dataIOAt(callNode);
  const test = enclosingFunction(callNode);
  if (save?.direction !== 'write' || save.what !== 'model' || !save.path || !test || !underTestsNewDirectory(index, save.path, callNode)) return undefined;
  const saved = pathNames(index, save.path);
  // An argument that is the saved path, or is made from one of the names the path was made from (`str(path)`).
  const shared = (argument: Node) => argument.text === save.path!.text
    || [argument, ...argument.descendantsOfType('identifier')].some((id) => id?.type === 'identifier' && saved.has(id.text) && index.bindingAt(id)?.kind !== 'param');
  const loads: Node[] = [];
  for (const call of index.calls) {
    if (call.node.startIndex <= callNode.endIndex || !sameNode(enclosingFunction(call.node), test)) continue;
    // A load in the statement a `pytest.raises` block expects to fail never completes: what it loads goes nowhere.
    if ([...call.args, ...call.kwargs.values()].some(shared) && !builtWhereFailureExpected(index, call.node)) loads.push(call.node);
  }
  return loads;
}

/** `isinstance(x, T)` or `hasattr(x, name)`, or unittest's assertion that its first argument exists or has a type. */
function asksExistenceOrType(call: CallSite): boolean {
  if (call.qname === 'builtins.isinstance' || call.qname === 'builtins.hasattr') return true;
  return call.receiver?.text === 'self' && /^assert(IsNotNone|IsNone|IsInstance|NotIsInstance)$/.test(call.method ?? '');
}

/**
 * Whether `node` runs only in tests pytest collects: it is in one, or in a plain top-level function
 * of the test module (no decorator: not a fixture) that only such tests call (a helper that makes the
 * data and folds they share). pytest imports a test module to run its tests, and the project's code
 * imports none, so such a helper runs only there, and what it returns goes back to those tests.
 */
function runsOnlyInCollectedTests(index: SemanticIndex, node: Node): boolean {
  if (inCollectedTest(index, node)) return true;
  const fn = enclosingFunction(node);
  if (fn?.type !== 'function_definition' || fn.parent?.type !== 'module') return false;
  const sites = returnSites(index, fn);
  return sites.length > 0 && sites.every((site) => site.type === 'call' && inCollectedTest(index, site));
}

/** A function pytest collects: named `test...`, at the top level or in a test class of the file. */
function inCollectedTest(index: SemanticIndex, node: Node): boolean {
  const fn = enclosingFunction(node);
  if (!fn || !/^test/.test(fn.childForFieldName('name')?.text ?? '')) return false;
  const owner = methodClass(fn);
  if (owner) return isTestCaseClass(index, owner.childForFieldName('name')?.text ?? '') && !enclosingFunction(owner);
  return !enclosingFunction(fn) && !enclosingClass(fn);
}

/** Statements that only leave or skip a loop, or do nothing. */
const LEAVING = new Set(['break_statement', 'continue_statement', 'pass_statement', 'comment']);

/** The loop an `if` with no `else` can only stop or skip (its body is `break` or `continue`). */
function loopItOnlyLeaves(statement: Node): Node | undefined {
  const body = statement.childForFieldName('consequence');
  if (!body || statement.childForFieldName('alternative') || !body.namedChildren.every((s) => !!s && LEAVING.has(s.type))) return undefined;
  return enclosingLoops(statement)[0];
}

/** Statements that only call, bind or do nothing: a body of them hands nothing on but what it binds and fills. */
const PLAIN_STATEMENTS = new Set(['expression_statement', 'pass_statement', 'comment']);

/** The body of an `if` with no other arm whose statements are all plain (no `return`, `yield`, nested block). */
function plainGuardedBody(statement: Node): Node | undefined {
  const body = statement.childForFieldName('consequence');
  if (!body || statement.childForFieldName('alternative')) return undefined;
  const plain = body.namedChildren.every((s) => !!s && PLAIN_STATEMENTS.has(s.type) && !s.namedChildren.some((inner) => inner?.type === 'yield'));
  return plain ? body : undefined;
}

/**
 * What a loop (or a guarded body) makes, for a test that decides how many times it runs: the names
 * it binds, followed through their uses, and the lists it fills (`name.append(ch)`), followed after
 * `after`; a call there that trains, splits or builds data is a result. Any other call whose value
 * it drops (a write, an optimizer's step) or object it changes (`self.w[i] = ...`) leaves it unknown.
 */
function blockMakes(index: SemanticIndex, body: Node | null, after: Node): Node[] | 'result' | undefined {
  if (!body) return undefined;
  const made: Node[] = [];
  for (const call of index.callsWithin(body)) {
    if (isResultSink(index, call)) return 'result';
    if (call.node.parent?.type !== 'expression_statement' || shows(index, call)) continue;
    const root = mutatesReceiver(call) && call.receiver ? objectRoot(call.receiver) : undefined;
    if (root?.type !== 'identifier' || root.text === 'self') return undefined;
    made.push(...readsAfter(index, root, after));
  }
  for (const binding of [...index.nodesWithin('assignment', body), ...index.nodesWithin('augmented_assignment', body)]) {
    const target = binding.childForFieldName('left');
    const names = target?.type === 'identifier' ? [target] : target?.type === 'pattern_list' || target?.type === 'tuple_pattern' ? target.namedChildren : [target];
    for (const name of names) {
      if (name?.type !== 'identifier') return undefined;
      made.push(...usesOfTarget(index, name));
    }
  }
  return made;
}

/** What a tested value passes through on its way to the `if` or `while` that tests it. */
const TEST_PARTS = new Set(['comparison_operator', 'boolean_operator', 'not_operator', 'parenthesized_expression']);

/**
 * Whether `node` is read by the test of an `if` or `while` (through comparisons, `and`, `or`, `not`)
 * whose every arm only rebinds names the test reads, with operators and PyTorch's tensor functions
 * (`while y.data.norm() < 1000: y = y * 2`): the test decides how far those values are reworked, and
 * they are followed on from the names rebound. An arm that calls anything else, or binds another
 * name, may carry the test's outcome elsewhere.
 */
function testReworksOnlyItsValues(index: SemanticIndex, node: Node): boolean {
  let test = node;
  while (test.parent && TEST_PARTS.has(test.parent.type)) test = test.parent;
  const statement = test.parent;
  if (!statement || (statement.type !== 'if_statement' && statement.type !== 'while_statement') || !sameNode(statement.childForFieldName('condition'), test)) return false;
  const tested = new Set(index.nodesWithin('identifier', test)
    .filter((id) => !(id.parent?.type === 'attribute' && sameNode(id.parent.childForFieldName('attribute'), id)))
    .map((id) => id.text));
  return statement.namedChildren.every((arm) => !arm || sameNode(arm, test) || armReworksOnly(index, arm, tested));
}

/** An arm (the body, or an `else`) whose statements only rebind `tested` names, calling nothing but tensor functions and displays. */
function armReworksOnly(index: SemanticIndex, arm: Node, tested: ReadonlySet<string>): boolean {
  const block = arm.type === 'block' ? arm : arm.type === 'else_clause' ? arm.childForFieldName('body') : null;
  if (!block || !index.callsWithin(block).every((call) => (!!call.qname && TENSOR_FUNCTIONS.test(call.qname)) || shows(index, call))) return false;
  return block.namedChildren.every((statement) => {
    if (!statement || statement.type === 'comment' || statement.type === 'pass_statement') return true;
    const inner = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
    if (inner?.type === 'call') return true;
    const target = inner?.type === 'assignment' || inner?.type === 'augmented_assignment' ? inner.childForFieldName('left') : null;
    return target?.type === 'identifier' && tested.has(target.text);
  });
}

/**
 * True when `node` runs in the body of a FLOP counter's `with` block (`with FlopCounterMode(model):`)
 * that steps no optimizer: a forward or backward pass there is counted, and no weight changes.
 */
function underFlopCounter(index: SemanticIndex, node: Node): boolean {
  for (const around of ancestors(node, false)) {
    if (FUNCTION_TYPES.has(around.type)) return false;
    const body = around.type === 'with_statement' ? around.childForFieldName('body') : null;
    const clause = around.namedChildren.find((child) => child?.type === 'with_clause');
    if (!body || !clause || !isAncestorOf(body, node)) continue;
    if (index.callsWithin(clause).some((call) => !!call.qname && FLOP_COUNTERS.test(call.qname))
      && !index.callsWithin(body).some((call) => call.method === 'step')) return true;
  }
  return false;
}

/**
 * Whether a comprehension's `for` clause only counts its iterable: no loop variable it binds is
 * read in the comprehension (`[1 for _ in rows]`, `sum(1 for _ in rows)`).
 */
function onlyCounts(index: SemanticIndex, clause: Node): boolean {
  const comprehension = clause.parent;
  const left = clause.childForFieldName('left');
  if (!comprehension || !left) return false;
  const bound = new Set(index.nodesWithin('identifier', left).map((id) => id.text));
  return !index.nodesWithin('identifier', comprehension).some((id) => bound.has(id.text) && !(id.startIndex >= left.startIndex && id.endIndex <= left.endIndex));
}

const COMPREHENSIONS: ReadonlySet<string> = new Set(['list_comprehension', 'generator_expression', 'set_comprehension', 'dictionary_comprehension']);

/**
 * The reads, inside a comprehension, of the names one of its `for` clauses binds: the identifiers of
 * that name outside the clause's own targets, leaving out attribute names (`x.f`) and keywords (`g(f=1)`).
 */
function comprehensionReads(index: SemanticIndex, clause: Node): Node[] {
  const comprehension = clause.parent;
  const left = clause.childForFieldName('left');
  if (!comprehension || !left) return [];
  const bound = new Set(index.nodesWithin('identifier', left).map((id) => id.text));
  return index.nodesWithin('identifier', comprehension).filter((id) => {
    if (!bound.has(id.text) || (id.startIndex >= left.startIndex && id.endIndex <= left.endIndex)) return false;
    const up = id.parent;
    if (up?.type === 'attribute' && sameNode(up.childForFieldName('attribute'), id)) return false;
    if (up?.type === 'keyword_argument' && sameNode(up.childForFieldName('name'), id)) return false;
    return true;
  });
}

/** Whether `node` lies in an `if` clause of `comprehension` (a filter on its elements). */
function insideFilter(node: Node, comprehension: Node): boolean {
  for (let up = node.parent; up && !sameNode(up, comprehension); up = up.parent) if (up.type === 'if_clause' && sameNode(up.parent, comprehension)) return true;
  return false;
}
