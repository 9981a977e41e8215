import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { DataFlow, TrainingCall } from '../semantics/dataflow';
import type { CallSite } from '../semantics/types';
import { nodeKey, stripParens } from '../semantics/nodes';
import { holdoutCall } from './shared/evaluation';
import { ML_PACKAGES } from './shared/libraries';
import { columnChoice } from './shared/featureColumns';
import { trainingLabel } from './shared/models';
import { shortText } from './shared/objects';
import type { CalleeSelection, RelatedDescriptor, Rule, RuleContext, RuleListeners } from './types';

interface Training {
  /** The call that trains (`model.fit(...)`, `cross_val_score(...)`). */
  call: Node;
  label: string;
  features: Node;
}

/** The feature matrix of a fit (the model's training calls): its first input. */
function fitTraining(flow: DataFlow, training: TrainingCall): Training | undefined {
  const { call, model } = training;
  const features = call.args[0] ?? call.kwargs.get('X') ?? call.kwargs.get('x') ?? training.inputs[0];
  // A fit on one input of unknown origin may be a preprocessing step, not a model.
  const known = !model || flow.kindOf(model)?.kind === 'model';
  return features && (known || training.inputs.length >= 2) ? { call: call.node, label: trainingLabel(call), features } : undefined;
}

/** The feature matrix of a cross-validation (`cross_val_score(model, X, y)`): its data. */
function crossValidationTraining(index: SemanticIndex, call: CallSite): Training | undefined {
  const holdout = holdoutCall(index, call);
  return holdout?.kind === 'cross-validation' && holdout.estimator && holdout.data[0] && call.qname ? { call: call.node, label: shortText(call.callee), features: holdout.data[0] } : undefined;
}

/** `df[FEATURES].join(df.target)`: the listed columns plus one named column, which the drop then removes. */
function isListedPlusTarget(context: RuleContext, frame: Node): boolean {
  const { index } = context;
  const call = index.call(stripParens(index.valueOf(frame)));
  const added = call?.args.length === 1 && call.kwargs.size === 0 ? stripParens(call.args[0]) : undefined;
  const oneColumn = added?.type === 'attribute' || (added?.type === 'subscript' && added.childForFieldName('subscript')?.type === 'string');
  return call?.method === 'join' && !!call.receiver && oneColumn && columnChoice(index.dataflow, call.receiver)?.kind === 'listed';
}

function report(context: RuleContext, trainings: readonly Training[]): void {
  const flow = context.index.dataflow;
  const reported = new Map<string, { node: Node; message: string; related: RelatedDescriptor[] }>();
  for (const training of trainings) {
    const choice = columnChoice(flow, training.features);
    if (choice?.kind !== 'all-but') continue;
    // Columns listed before the drop (`df = df[FEATURES + ["y"]]`) are an explicit feature set.
    if (columnChoice(flow, choice.frame)?.kind === 'listed' || isListedPlusTarget(context, choice.frame)) continue;
    const key = nodeKey(choice.node);
    const related = { node: training.call, message: `${training.label} trains on it here` };
    const existing = reported.get(key);
    if (existing) {
      existing.related.push(related);
      continue;
    }
    reported.set(key, {
      node: choice.node,
      message: `The features of ${training.label} are ${choice.description}: any column added to the data upstream silently becomes a feature; list the features by name`,
      related: [related],
    });
  }
  for (const finding of reported.values()) context.report(finding);
}

/**
 * The cross-validations (named as callees: the functions of `sklearn.model_selection`) are
 * gathered by the call listener; the fits are the model's training calls. The findings wait for
 * finish, since one drop is one finding linked to every training on it.
 */
/** The cross-validations: every function of scikit-learn's model selection. */
const CALLEES: CalleeSelection = { modules: ['sklearn.model_selection'] };

function listen(context: RuleContext): RuleListeners | undefined {
  const { index } = context;
  // Nothing can train (the model's training calls and scikit-learn's cross-validations need an ML import).
  if (!index.importsAny(ML_PACKAGES)) return undefined;
  const crossValidations: Training[] = [];
  return {
    callees: CALLEES,
    call(call) {
      const training = crossValidationTraining(index, call);
      if (training) crossValidations.push(training);
    },
    finish() {
      const flow = index.dataflow;
      const fits = flow.trainingCalls.flatMap((training) => fitTraining(flow, training) ?? []);
      report(context, [...fits, ...crossValidations]);
    },
  };
}

export const implicitFeatureSet: Rule = {
  meta: {
    code: 'MLD201',
    name: 'implicit-feature-set',
    category: 'entanglement',
    severity: 'information',
    recommended: false,
    docs: {
      summary: 'The feature matrix a model is trained on is "every column but the target": `df.drop(columns=["y"])`, `df.drop("y", axis=1)`, `df.iloc[:, :-1]`, `df.loc[:, df.columns != "y"]`, `y = df.pop("y")`.',
      why: 'Entanglement (§2): a model mixes all of its inputs, so changing anything changes everything (CACE). When the feature set is "whatever columns the data has", a column added, renamed or reordered upstream — an id, a timestamp, a leaked label, a feature meant for another model — silently enters the model and shifts how every other feature is used. Nobody decided it, nothing in the code shows it, and the model that is retrained is not the one that was reviewed.',
      example: 'import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n\ncustomers = pd.read_csv("customers.csv")\nX = customers.drop(columns=["churned"])\ny = customers["churned"]\nmodel = LogisticRegression().fit(X, y)',
      fix: 'Name the features: keep a list (in the code or in configuration) and select it, `X = customers[FEATURES]`. A new column then becomes a feature only when someone adds it to the list, and the list is what reviews, experiments and monitoring refer to.',
      fixed: 'FEATURES = ["tenure", "monthly_charges", "contract", "support_calls"]\ncustomers = pd.read_csv("customers.csv")\nX = customers[FEATURES]\ny = customers["churned"]\nmodel = LogisticRegression().fit(X, y)',
      nearMisses: 'A feature matrix selected by name (`df[FEATURES]`, `df[["a", "b"]]`, `df.loc[:, FEATURES]`, `usecols=` at load), including after a drop (`df.drop(columns=["id"])[FEATURES]`) or before one (`df = df[FEATURES + ["y"]]` then `df.drop(columns=["y"])`), is explicit. Position ranges closed at both ends (`df.iloc[:, 2:8]`), row filters and row drops (`df.drop(index=...)`, `df.loc[mask]`), frames whose origin is unknown (a function argument, a mix of bindings) and fits on a single input of unknown type (often a preprocessing step) are left alone. The matrix is followed back through names, `.values`/`.to_numpy()`, `np.array`, scalers and encoders, and `train_test_split`.',
      notebooks: 'The drop and the fit may sit in different cells; the finding is on the drop, linked to every fit that trains on it.',
    },
  },
  listen,
};
