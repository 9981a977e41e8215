import type { Node } from 'web-tree-sitter';
import { numberValue } from '../semantics/literals';
import { enclosingFunction, sameNode } from '../semantics/nodes';
import { freshName, insertBeforeTopLevelStatement, replaceNode } from './shared/edits';
import { holdsClassLabels, modelOutputKind, type ScoreKind } from './shared/predictions';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { metricCall } from './shared/evaluation';
import type { Rule, RuleContext, RuleListeners } from './types';

const ORDER_OPERATORS = new Set(['<', '>', '<=', '>=']);
const THRESHOLD_NAME = /^(DECISION_)?THRESHOLD(_\d+)?$/;

function isThresholdLiteral(kind: ScoreKind, value: number): boolean {
  // Probabilities and predictions are cut inside (0, 1); decision scores anywhere but their natural 0.
  return kind === 'decision' ? value !== 0 : value > 0 && value < 1;
}

/** Calls that keep a cut's values per element: conversions and reductions over an axis. */
const KEEPING_METHODS = new Set(['float', 'int', 'long', 'double', 'bool', 'astype', 'type', 'to', 'cpu', 'detach', 'numpy', 'squeeze', 'flatten', 'ravel', 'reshape', 'view', 'repeat', 'any', 'all']);
/** Plotting calls: a cut drawn on a figure (a decision region, a contour) shows the model, it decides nothing. */
const PLOTTING_PACKAGES = /^(matplotlib|seaborn|plotly)\./;
const PLOTTING_METHODS = new Set(['plot', 'scatter', 'contour', 'contourf', 'imshow', 'matshow', 'pcolormesh', 'fill_between', 'hist', 'bar', 'barh', 'heatmap']);
const KEEPING_FUNCTIONS = new Set(['builtins.int', 'builtins.float', 'builtins.bool']);
/** Reductions that turn a per-element agreement into one number (an error rate, an intersection size). */
const REDUCING = /^(sum|mean|count_nonzero|nansum|nanmean)$/;
const MAX_NAME_HOPS = 3;
function isPlotting(index: SemanticIndex, call: CallSite): boolean {
  if (call.qname) return PLOTTING_PACKAGES.test(call.qname);
  return !!call.method && PLOTTING_METHODS.has(call.method) && index.importsAny(['matplotlib', 'seaborn', 'plotly']);
}

/** A function whose name says it computes a metric (`accuracy`, `compute_mean_iou`, `eval_metrics`). */
const METRIC_FUNCTION = /(^|_)(accuracy|acc|iou|miou|dice|jaccard|error_rate|metrics?|evaluate|evaluation)(_|$)/i;

/** Inside a function that computes a metric, a cut scores predictions; it decides nothing. */
function inMetricFunction(node: Node): boolean {
  const fn = enclosingFunction(node);
  const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
  return !!name && METRIC_FUNCTION.test(name);
}

/**
 * Whether the cut's result is only scored against something else, never acted on: compared with
 * labels (`(p > 0.5) != y`), passed to a metric (`accuracy_score(y, p > 0.5)`) or a plotting call, or combined with
 * another mask and reduced (`(pred & truth).sum()`, a hand-written IoU), directly, through
 * conversions, or through a name all of whose uses are such.
 */
function onlyScored(index: SemanticIndex, cut: Node, hops = 0): boolean {
  let current = cut;
  let combined = false;
  for (let parent = current.parent; parent; current = parent, parent = current.parent) {
    switch (parent.type) {
      case 'parenthesized_expression':
      case 'keyword_argument':
        continue;
      case 'comparison_operator':
        return parent.childrenForFieldName('operators').some((o) => o?.text === '==' || o?.text === '!=');
      case 'binary_operator': {
        if (!['&', '|', '^'].includes(parent.childForFieldName('operator')?.text ?? '')) return false;
        combined = true;
        continue;
      }
      case 'attribute': {
        const method = parent.childForFieldName('attribute')?.text ?? '';
        const call = parent.parent;
        if (call?.type !== 'call' || !sameNode(parent.childForFieldName('object'), current)) return false;
        if (combined && REDUCING.test(method)) return true;
        if (!KEEPING_METHODS.has(method)) return false;
        parent = call;
        continue;
      }
      case 'argument_list': {
        const site = parent.parent ? index.call(parent.parent) : undefined;
        if (!site) return false;
        if (metricCall(site) || isPlotting(index, site)) return true;
        const last = site.qname?.split('.').pop() ?? '';
        if (combined && REDUCING.test(last)) return true;
        if (!site.qname || !KEEPING_FUNCTIONS.has(site.qname)) return false;
        parent = site.node;
        continue;
      }
      case 'assignment': {
        const target = parent.childForFieldName('left');
        if (hops >= MAX_NAME_HOPS || target?.type !== 'identifier' || !sameNode(parent.childForFieldName('right'), current)) return false;
        const definition = index.boundAt(target);
        const uses = definition ? index.dataflow.usesOf(definition) : [];
        return uses.length > 0 && uses.every((use) => use.role === 'load' && onlyScored(index, use.node, hops + 1));
      }
      default:
        return false;
    }
  }
  return false;
}

function listen(context: RuleContext): RuleListeners {
  const { index, doc } = context;
  // Asked once per check, not per finding: the constants that already name a threshold, and the name a new one gets.
  const thresholdConstants = [...index.constants.values()].filter((c) => THRESHOLD_NAME.test(c.name) && c.value.kind === 'number');
  let freshThresholdName: string | undefined;
  return { comparison_operator(comparison) {
    const operands = comparison.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const operators = comparison.childrenForFieldName('operators').map((o) => o?.text ?? '');
    for (let i = 0; i < operators.length && i + 1 < operands.length; i++) {
      if (!ORDER_OPERATORS.has(operators[i])) continue;
      const pair = [operands[i], operands[i + 1]];
      for (const [literal, other] of [[pair[1], pair[0]], [pair[0], pair[1]]]) {
        const value = numberValue(literal);
        // 0 is a threshold of no kind of output: the output's kind is not asked.
        if (value === undefined || value === 0) continue;
        const kind = modelOutputKind(index, other);
        if (!kind || !isThresholdLiteral(kind, value) || holdsClassLabels(index, other) || onlyScored(index, comparison) || inMetricFunction(comparison)) continue;
        const existing = thresholdConstants.find((c) => c.value.kind === 'number' && c.value.value === value && c.definition.node.startIndex < comparison.startIndex);
        const name = existing?.name ?? (freshThresholdName ??= freshName(index, 'DECISION_THRESHOLD'));
        const edits = existing
          ? [replaceNode(literal, name)]
          : [insertBeforeTopLevelStatement(doc, comparison, `${name} = ${literal.text}`), replaceNode(literal, name)];
        context.report({
          node: literal,
          message: `Model ${kind === 'decision' ? 'scores are' : kind === 'probability' ? 'probabilities are' : 'outputs are'} cut at the fixed threshold ${literal.text}; it goes stale when the model or the data change`,
          fix: { title: existing ? `Use ${name}` : `Extract ${literal.text} to a named constant ${name}`, edits },
        });
        break;
      }
    }
  } };
}

export const fixedDecisionThreshold: Rule = {
  meta: {
    code: 'MLD701',
    name: 'fixed-decision-threshold',
    category: 'fixed-thresholds',
    severity: 'warning',
    recommended: false,
    fix: { safety: 'safe', title: 'Extract the threshold to a named constant' },
    docs: {
      summary: 'Model scores or probabilities are compared with a literal number (`proba > 0.5`, `np.where(pred >= 0.7, 1, 0)`).',
      why: 'Fixed thresholds in dynamic systems (§7): a threshold chosen by hand encodes one trade-off between precision and recall for one model on one data distribution. After retraining, recalibration or drift it silently means something else, and a literal buried in code is neither visible nor reviewed when that happens.',
      example: "from sklearn.linear_model import LogisticRegression\n\nclf = LogisticRegression().fit(X_train, y_train)\nproba = clf.predict_proba(X_test)[:, 1]\ny_pred = (proba > 0.35).astype(int)",
      fix: 'Give the threshold a name and one home, and choose it on held-out data (for example with `sklearn.model_selection.TunedThresholdClassifierCV` or a precision/recall curve), storing it with the model version. The quick fix extracts the literal to a module-level `DECISION_THRESHOLD` constant defined just before the statement that uses it (or reuses one with the same value). It is safe: the program computes exactly what it did.',
      fixed: "from sklearn.linear_model import LogisticRegression\n\nclf = LogisticRegression().fit(X_train, y_train)\nDECISION_THRESHOLD = 0.35\nproba = clf.predict_proba(X_test)[:, 1]\ny_pred = (proba > DECISION_THRESHOLD).astype(int)",
      nearMisses: 'Only values that come from a model are considered: `predict_proba`, `decision_function`, `predict`, `sigmoid`/`softmax` outputs, directly or through variables, subscripts and conversions. Comparisons of other numbers (`loss < 0.01`, `df.age > 0.5`), of hard labels from a classifier (`clf.predict(X) > 0.5`, already cut by the model), comparisons with a named constant, and `decision_function(X) > 0` (its natural cut) are left alone. Nothing fires in a file that imports no ML library. A cut that only scores the model is not a decision: when its result is compared with labels (`np.mean((p > 0.5) != y)`, accuracy counted by hand), passed to a metric (`accuracy_score(y, p >= 0.5)`) or only drawn (`ax.contourf(xx, yy, proba > 0.5)`), combined with a true mask and summed (a hand-written IoU), directly or through a name every use of which is such, or written inside a function whose name says it computes a metric (`accuracy`, `compute_mean_iou`), it is left alone; a cut also kept as the decision (written to a column, returned, saved) is still reported.',
    },
  },
  listen,
};
