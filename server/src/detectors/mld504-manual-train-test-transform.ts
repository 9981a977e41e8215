import type { Node } from 'web-tree-sitter';
import { nodeKey, stripParens } from '../semantics/nodes';
import type { CallSite } from '../semantics/types';
import { lastSegment } from './shared/libraries';
import { mayBeSameObject, sameObjectKey, shortText } from './shared/objects';
import { pushTo } from '../engine/collections';
import { predictingModel } from './shared/models';
import { inExclusiveArms } from './shared/runOrder';
import { transformerCalls, type TransformerCall } from './shared/transformers';
import type { RelatedDescriptor, Rule, RuleContext } from './types';

/** A preprocessing step done by hand: fitted on one data set, then applied to others. */
interface HandStep {
  fit: TransformerCall;
  /** The calls whose result is its output: the fit (for `fit_transform`) and every later transform. */
  outputs: CallSite[];
  /** The transforms of other data than the one it was fitted on (the test set, new data). */
  applied: TransformerCall[];
}

/** Classes meant for targets (`y`), which a feature pipeline does not hold. */
const TARGET_ENCODERS = new Set(['LabelEncoder', 'LabelBinarizer', 'MultiLabelBinarizer']);

const sameText = (a: Node, b: Node) => a.text.replace(/\s+/g, '') === b.text.replace(/\s+/g, '');

/**
 * Which transformer calls can be on one object: mayBeSameObject holds only between expressions of
 * one sameObjectKey, and sameText only between expressions of one stripped text. Comparing within
 * these groups keeps the rule linear in the number of transformer calls.
 */
const objectGroup = (transformer: Node) => sameObjectKey(transformer) ?? `=${transformer.text.replace(/\s+/g, '')}`;

/** Each transformer object fitted by hand, with its outputs and the other data it is applied to. */
function handSteps(context: RuleContext): HandStep[] {
  const { index } = context;
  const flow = index.dataflow;
  const calls = transformerCalls(index);
  const groups = new Map<string, TransformerCall[]>();
  for (const call of calls) pushTo(groups, objectGroup(call.transformer), call);
  const steps: HandStep[] = [];
  const stepsByGroup = new Map<string, HandStep[]>();
  for (const fit of calls) {
    if (fit.step !== 'fit' || !fit.data || fit.call.method === 'fit_resample' || TARGET_ENCODERS.has(lastSegment(fit.className))) continue;
    const group = objectGroup(fit.transformer);
    // A transformer refitted later (in a loop over columns, say), or re-created under the same name
    // for another experiment, is still one step.
    const again = (step: HandStep) => mayBeSameObject(flow, step.fit.transformer, fit.transformer)
      || (step.fit.className === fit.className && sameText(step.fit.transformer, fit.transformer));
    if (stepsByGroup.get(group)?.some(again)) continue;
    const later = groups.get(group)!.filter((call) => call.step === 'transform' && call.data && call.call.node.startIndex > fit.call.node.startIndex && mayBeSameObject(flow, call.transformer, fit.transformer));
    const applied = later.filter((call) => !sameText(call.data!, fit.data!));
    const outputs = [...(fit.call.method === 'fit' ? [] : [fit.call]), ...later.map((call) => call.call)];
    if (applied.length) {
      const step = { fit, outputs, applied };
      steps.push(step);
      pushTo(stepsByGroup, group, step);
    }
  }
  return steps;
}

/**
 * The calls a value is computed from, leaving out those behind a model's predictions: the inputs of
 * another model whose output it learns from, or that it maps back, are that model's own.
 */
function ownSources(context: RuleContext, value: Node | readonly Node[], predicts: (call: CallSite) => boolean): CallSite[] {
  const flow = context.index.dataflow;
  const sources = flow.lineage(value).calls;
  const behindModels = new Set(sources.filter(predicts).flatMap((call) => flow.lineage(call.args).calls));
  return sources.filter((call) => !behindModels.has(call));
}

/**
 * Whether each hand-made step scales the target: its inverse is applied to a model's predictions alone
 * (`sc_y.inverse_transform(model.predict(X_test))`), which come out in the target's units. A feature
 * pipeline does not hold it, even when a helper that windows a series takes both its output and
 * the features. A step inverted on predictions stacked with transformed data maps a whole table.
 */
function targetScaling(context: RuleContext, steps: readonly HandStep[]): (step: HandStep) => boolean {
  const { index } = context;
  // Worked out once per document: the inverse applications, and whether each maps predictions alone.
  const inverses = index.calls.filter((call) => call.method === 'inverse_transform' && !!call.receiver && !!call.args[0]);
  if (!inverses.length) return () => false;
  const stepOutputs = new Set(steps.flatMap((other) => other.outputs));
  // Also the output of a model built by a helper (`net = build_lstm(...)`, then `net.predict(X)`).
  const predicts = (call: CallSite) => !!predictingModel(index, call) || index.dataflow.kindOf(call.node)?.kind === 'predictions';
  const alone = new Map<CallSite, boolean>();
  const predictionsAlone = (inverse: CallSite) => {
    let known = alone.get(inverse);
    if (known === undefined) {
      const sources = ownSources(context, inverse.args[0], predicts);
      known = sources.some(predicts) && !sources.some((source) => stepOutputs.has(source));
      alone.set(inverse, known);
    }
    return known;
  };
  return (step) => inverses.some((call) => mayBeSameObject(index.dataflow, call.receiver!, step.fit.transformer) && predictionsAlone(call));
}

function check(context: RuleContext): void {
  const flow = context.index.dataflow;
  const handMade = handSteps(context);
  const scalesTarget = targetScaling(context, handMade);
  const steps = handMade.filter((step) => !scalesTarget(step));
  if (steps.length < 2) return;
  // The steps chained or combined into the features of one model are one pipeline, made by hand;
  // pipelines that share a step (two models on the same hand-made features) are one finding.
  const pipelines: { steps: Set<HandStep>; trainings: Node[] }[] = [];
  for (const training of flow.trainingCalls) {
    const features = training.inputs[0];
    if (!features) continue;
    // Own sources are a subset of the whole lineage: most trainings are settled by it alone.
    const feedingFrom = (sources: ReadonlySet<CallSite>) => steps.filter((step) => step.outputs.some((output) => sources.has(output)));
    if (feedingFrom(new Set(flow.lineage(features).calls)).length < 2) continue;
    // Steps that feed other models, whose predictions this one learns from, belong to those models.
    const feeding = feedingFrom(new Set(ownSources(context, features, (call) => !!predictingModel(context.index, call))));
    if (feeding.length < 2) continue;
    for (const together of runningTogether(feeding)) {
      if (together.length < 2) continue;
      const joined = pipelines.filter((pipeline) => together.some((step) => pipeline.steps.has(step)));
      const merged = { steps: new Set([...together, ...joined.flatMap((pipeline) => [...pipeline.steps])]), trainings: [...new Set([...joined.flatMap((pipeline) => pipeline.trainings), training.call.node])] };
      pipelines.splice(0, pipelines.length, ...pipelines.filter((pipeline) => !joined.includes(pipeline)), merged);
    }
  }
  for (const pipeline of pipelines) {
    // In the order they run: `pca.fit_transform(scaler.fit_transform(X))` fits the scaler first.
    const ordered = [...pipeline.steps].sort((a, b) => a.fit.call.node.endIndex - b.fit.call.node.endIndex);
    report(context, ordered, pipeline.trainings);
  }
}

/**
 * The steps that can run in one run of the program, in groups: steps in two arms of one `if` (a
 * function's `if mode == "pca": ... elif mode == "kpca": ...`) are alternatives, never a chain, so
 * each arm's steps go with the steps outside that `if`, not with another arm's.
 */
function runningTogether(steps: readonly HandStep[]): HandStep[][] {
  const together = (a: HandStep, b: HandStep) => !inExclusiveArms(a.fit.call.node, b.fit.call.node);
  const groups: HandStep[][] = [];
  steps.forEach((step, i) => {
    const fitting = groups.filter((group) => group.every((member) => together(member, step)));
    for (const group of fitting) group.push(step);
    if (fitting.length === 0) groups.push([...steps.slice(0, i).filter((earlier) => together(earlier, step)), step]);
  });
  return groups;
}

function report(context: RuleContext, steps: HandStep[], trainings: Node[]): void {
  const [first] = steps;
  const names = steps.map((step) => `${lastSegment(step.fit.className)} (${shortText(step.fit.transformer)})`);
  const related: RelatedDescriptor[] = [];
  for (const step of steps) {
    if (step !== first) related.push({ node: step.fit.call.node, message: `${shortText(step.fit.transformer)} is fitted here` });
    for (const applied of step.applied) related.push({ node: applied.call.node, message: `${shortText(step.fit.transformer)} is re-applied to ${shortText(applied.data!)} here` });
  }
  for (const training of trainings) related.push({ node: training, message: 'a model is trained on their output here' });
  // The data sets themselves, not the intermediate results of the other steps (`scaler.transform(X_test)`).
  // Also through a name (`test_tfidf = tfidf.transform(X_test)`, then `svd.transform(test_tfidf)`).
  const outputs = new Set(steps.flatMap((step) => step.outputs.map((call) => nodeKey(call.node))));
  const flow = context.index.dataflow;
  const intermediate = (data: Node) => outputs.has(nodeKey(stripParens(data))) || flow.lineage(data).calls.some((call) => outputs.has(nodeKey(call.node)));
  const data = (keep: (data: Node) => boolean) => [...new Set(steps.flatMap((step) => step.applied.filter((applied) => keep(applied.data!)).map((applied) => shortText(applied.data!, 30))))];
  const sources = data((applied) => !intermediate(applied));
  const others = sources.length > 0 ? sources : data(() => true);
  const shown = others.length > 3 ? [...others.slice(0, 3), '…'] : others;
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  context.report({
    node: first.fit.call.node,
    message: `${listed} are each fitted on one data set and re-applied by hand to others (${shown.join(', ')}): every data set the model sees must repeat ${Math.max(...runningTogether(steps).map((group) => group.length))} steps in the same order, where one Pipeline would hold them and the model as one object`,
    related,
  });
}

export const manualTrainTestTransform: Rule = {
  meta: {
    code: 'MLD504',
    name: 'manual-train-test-transform',
    category: 'pipeline-jungles',
    severity: 'information',
    recommended: true,
    docs: {
      summary: 'Two or more preprocessing steps (scalers, encoders, imputers, selectors, decompositions) are each fitted on the training data and applied to the test data by hand, call by call, instead of through a `Pipeline`.',
      why: 'Pipeline jungles (§5): each hand-made step is one more thing that must be repeated, in the same order and with the same fitted object, on the test set, in cross-validation, and in production. Steps get skipped, reordered or refitted on the wrong data; the preprocessing that serves the model drifts away from the one it was trained with; and the preprocessing cannot be tuned, cross-validated or saved together with the model.',
      example: 'from sklearn.decomposition import PCA\nfrom sklearn.preprocessing import StandardScaler\n\nscaler = StandardScaler()\npca = PCA(n_components=10)\nX_train = pca.fit_transform(scaler.fit_transform(X_train))\nX_test = pca.transform(scaler.transform(X_test))\nmodel.fit(X_train, y_train)',
      fix: 'Make the steps and the model one object: `model = make_pipeline(StandardScaler(), PCA(n_components=10), LogisticRegression())`, then `model.fit(X_train, y_train)` and `model.predict(X_test)`. Columns that need different steps go through a `ColumnTransformer` inside the pipeline. The pipeline can then be cross-validated, tuned and saved as one artefact.',
      fixed: 'from sklearn.decomposition import PCA\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.pipeline import make_pipeline\nfrom sklearn.preprocessing import StandardScaler\n\nmodel = make_pipeline(StandardScaler(), PCA(n_components=10), LogisticRegression())\nmodel.fit(X_train, y_train)\ny_pred = model.predict(X_test)',
      nearMisses: 'Steps count together only when their outputs feed the features of the same model (chained, or combined column by column); one hand-made step per model (a single scaler, or the same vectorizer re-created for each experiment) is left alone. Steps in two arms of one `if` (a function that picks one reduction by its mode, `if mode == "pca": ...` / `elif mode == "kpca": ...`) never run together: each arm\'s steps count with the steps outside that `if`, so one step per arm is no pipeline made by hand, and the count of steps the message gives is the longest run of them one run makes. So are steps inside a `Pipeline` or `ColumnTransformer`, steps only ever applied to the data they were fitted on (`fit_transform(X)` with no later `transform` of other data), target encoders (`LabelEncoder`, `LabelBinarizer`: a feature pipeline does not hold them) and target scalers, whose `inverse_transform` maps a model\'s predictions alone back to the target\'s units (`sc_y.inverse_transform(model.predict(X_test))`): a feature pipeline does not hold them either (scikit-learn\'s `TransformedTargetRegressor` does), even when a helper that windows a series or a `tf.data` dataset takes their output together with the features; a scaler inverted on predictions stacked with scaled test columns maps the whole table and still counts, resamplers (never applied to test data), and objects whose class is not a known preprocessing class. A transformer refitted in a loop counts once. Steps under a literal `if False:` never run, and are not counted.',
      notebooks: 'The finding is on the first step\'s fit; every later fit and every re-application, in any cell, is linked.',
    },
  },
  check,
};
