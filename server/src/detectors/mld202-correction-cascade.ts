import type { Node } from 'web-tree-sitter';
import type { Lineage } from '../semantics/dataflow';
import { isAncestorOf, sameNode } from '../semantics/nodes';
import type { CallSite } from '../semantics/types';
import { metricCall } from './shared/evaluation';
import { enclosedBy, mayBeSameObject, ObjectSet, shortText } from './shared/objects';
import { predictingModel, trainingLabel, trainingOf } from './shared/models';
import type { RelatedDescriptor, Rule, RuleContext } from './types';

/** How a prediction call's output reaches the input (`column 'pred' of train`, `variable residual`), nearest to the prediction. */
function carrierOf(lineage: Lineage, prediction: Node): string | undefined {
  const holds = (container: Node): boolean => sameNode(container, prediction) || isAncestorOf(container, prediction);
  for (const mutation of lineage.mutations) {
    if (mutation.values.some(holds)) return mutation.keys.length ? `column '${mutation.keys[0]}' of ${mutation.target.name}` : mutation.target.name;
  }
  const definition = lineage.definitions.find((candidate) => holds(candidate.statement));
  return definition ? `variable ${definition.name}` : undefined;
}

/**
 * `y - first.predict(X)`: a residual. Fitting the next model to it is boosting written out by hand
 * (each model adds to the sum of the others), not a model learning from another one's output.
 */
function isResidual(prediction: Node): boolean {
  return enclosedBy(prediction, (node) => node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '-');
}

/**
 * The same, through names: `pred = pd.DataFrame(first.predict(X)).squeeze()`, then
 * `resid = y - pred` fitted by the next model. The prediction reaches the target only through a
 * subtraction from it somewhere along the way.
 */
function isResidualThroughNames(context: RuleContext, target: Node, lineage: Lineage, prediction: CallSite): boolean {
  const { index } = context;
  const subtracted = [target, ...lineage.definitions.flatMap((d) => (d.value ? [d.value] : [])), ...lineage.mutations.flatMap((m) => m.values)]
    .flatMap((value) => [value, ...index.nodesWithin('binary_operator', value)])
    .filter((node) => node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '-');
  return subtracted.some((node) => index.dataflow.lineage(node).calls.some((call) => sameNode(call.node, prediction.node)));
}

/** `roc_auc_score(y, model.predict_proba(X))`: what flows on is a score of the model, not its output. */
function insideMetric(context: RuleContext, prediction: Node): boolean {
  return enclosedBy(prediction, (node) => {
    const call = node.type === 'call' ? context.index.call(node) : undefined;
    return !!call && !!metricCall(call);
  });
}

/** What an input of a fit is to the model: its features, its target, or other training data. */
function roleOf(call: CallSite, input: Node, position: number): string {
  const keyword = [...call.kwargs].find(([, value]) => value === input)?.[0];
  if (keyword ? /^[xX]/.test(keyword) : position === 0) return 'input';
  if (keyword ? /^([yY]|label)/.test(keyword) : position === 1) return 'target';
  return keyword === 'sample_weight' ? 'sample weights' : 'training data';
}

interface Upstream {
  /** The model whose output is used (`base` in `base.predict(X)`). */
  model: Node;
  /** The prediction call. */
  prediction: CallSite;
  /** Where that model is trained. */
  fit: Node;
  via?: string;
}

function check(context: RuleContext): void {
  const flow = context.index.dataflow;
  for (const training of flow.trainingCalls) {
    const { call, model } = training;
    if (model && flow.kindOf(model)?.kind !== 'model') continue;
    const seen = new ObjectSet(flow);
    training.inputs.forEach((input, position) => {
      const role = roleOf(call, input, position);
      const lineage = flow.lineage(input);
      const upstreams: Upstream[] = [];
      for (const source of lineage.calls) {
        const upstream = predictingModel(context.index, source);
        // The same model learning from its own output is a feedback loop, not a cascade.
        if (!upstream || (model && mayBeSameObject(flow, upstream, model)) || seen.has(upstream)) continue;
        // A model trained in this file; a pretrained network used as a feature extractor is an upstream dependency, not a cascade.
        const fit = trainingOf(flow, upstream)?.call.node;
        if (!fit || (role === 'target' && (isResidual(source.node) || isResidualThroughNames(context, input, lineage, source))) || insideMetric(context, source.node)) continue;
        seen.add(upstream);
        upstreams.push({ model: upstream, prediction: source, fit, via: carrierOf(lineage, source.node) });
      }
      if (upstreams.length) report(context, training.model, call, input, role, upstreams);
    });
  }
}

function report(context: RuleContext, model: Node | undefined, call: CallSite, input: Node, role: string, upstreams: Upstream[]): void {
  const [first] = upstreams;
  const name = shortText(first.model);
  // Two models bound to one name (`model` refitted in a later cell) are told apart by class and place.
  const homonym = !!model && shortText(model) === name;
  const learner = homonym ? `${trainingLabel(call)} (${describeModel(context, model, call.node)})` : trainingLabel(call);
  const source = `${name}.${first.prediction.method}${homonym ? ` (${describeModel(context, first.model, first.fit)})` : ''}`;
  const more = upstreams.length > 1 ? ` and ${upstreams.length - 1} more model${upstreams.length > 2 ? 's' : ''}` : '';
  const related: RelatedDescriptor[] = upstreams.flatMap((upstream) => [
    { node: upstream.prediction.node, message: `${shortText(upstream.model)} produces the output here` },
    { node: upstream.fit, message: `${shortText(upstream.model)} is trained here` },
  ]);
  context.report({
    node: input,
    message: `${learner} learns, as its ${role}, from the output of ${source}${first.via ? ` (via ${first.via})` : ''}${more}: a correction cascade — any change to ${homonym ? 'that first model' : name} silently changes what this model learns`,
    related,
  });
}

/** `RandomForestRegressor, trained in cell 2` (or `at line 14` in a script). */
function describeModel(context: RuleContext, model: Node, at: Node): string {
  const kind = context.index.dataflow.kindOf(model);
  const className = kind?.kind === 'model' ? kind.className.replace(/^local:/, '').split('.').pop() : undefined;
  const { doc, index } = context;
  const place = doc.kind === 'notebook' ? `cell ${doc.segments[index.segmentIndexOf(at)].cellIndex + 1}` : `line ${at.startPosition.row + 1}`;
  return `${className ? `${className}, ` : ''}trained in ${place}`;
}

export const correctionCascade: Rule = {
  meta: {
    code: 'MLD202',
    name: 'correction-cascade',
    category: 'correction-cascades',
    severity: 'warning',
    recommended: false,
    docs: {
      summary: "One model's `predict`/`predict_proba`/`decision_function` output — directly, or through a variable or a column — becomes the input or the target of another model's `fit`.",
      why: "Correction cascades (§2): a model trained on another model's output learns a correction on top of it, and the two are now one system that nobody designed as one. Improving the first model changes the second model's inputs, so an improvement upstream can make the whole worse; each new correction stacked on top makes the cascade harder to untangle and to improve.",
      example: 'from sklearn.ensemble import GradientBoostingRegressor\nfrom sklearn.linear_model import LinearRegression\n\nbase = GradientBoostingRegressor().fit(X_train, y_train)\ntrain["base_pred"] = base.predict(X_train)\ncorrector = LinearRegression().fit(train[["base_pred", "region"]], train["y"])',
      fix: "Let the first model learn the variant problem itself: add the features that distinguish it (`region` here) to the first model, or train a separate model for it from the raw features. If stacking is truly intended, make it one declared object (`StackingRegressor`), trained, versioned and evaluated as a whole, so that the dependency is visible.",
      nearMisses: "A second model trained on the same features is not a cascade, nor are scikit-learn's `StackingClassifier`/`VotingClassifier` and boosting (they combine models inside one estimator; boosting written out by hand, each model fitted to the residual `y - previous.predict(X)` of the ones before, is left alone too, also when the predictions pass through names, frames and reshapes on the way — `pd.DataFrame(...)`, `.stack()`, `.squeeze()` — before being subtracted from the target: a model that learns what the sum of the others still misses, on the same problem, is one additive model written out, while a cascade, in the paper\'s sense (§2), learns a correction for a slightly different problem from another model\'s output taken as its input or its target), nor a model refitted on its own output (self-training is a feedback loop), nor predictions used only in metrics (also when a metric of them steers a later choice) or written out. The upstream model must be recognisably a model (built by a known constructor in the file) and trained in the file (a frozen pretrained network used as a feature extractor is an upstream data dependency, not a learned correction); the prediction must reach the fit through names, columns written into a frame, unpacking or `train_test_split` — a column selection by name follows only the columns it selects.",
      notebooks: 'The prediction and the second fit may be in different cells; both sites are linked, with the first model\'s fit when it is found.',
    },
  },
  check,
};
