import type { Node } from 'web-tree-sitter';
import { numberValue } from '../semantics/literals';
import { freshName, insertBeforeTopLevelStatement, replaceNode } from './shared/edits';
import { holdsClassLabels, modelOutputKind, type ScoreKind } from './shared/predictions';
import type { Rule, RuleContext } from './types';

const ORDER_OPERATORS = new Set(['<', '>', '<=', '>=']);
const THRESHOLD_NAME = /^(DECISION_)?THRESHOLD(_\d+)?$/;

function isThresholdLiteral(kind: ScoreKind, value: number): boolean {
  // Probabilities and predictions are cut inside (0, 1); decision scores anywhere but their natural 0.
  return kind === 'decision' ? value !== 0 : value > 0 && value < 1;
}

function check(context: RuleContext): void {
  const { index, doc } = context;
  for (const comparison of index.nodes('comparison_operator')) {
    const operands = comparison.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const operators = comparison.childrenForFieldName('operators').map((o) => o?.text ?? '');
    for (let i = 0; i < operators.length && i + 1 < operands.length; i++) {
      if (!ORDER_OPERATORS.has(operators[i])) continue;
      const pair = [operands[i], operands[i + 1]];
      for (const [literal, other] of [[pair[1], pair[0]], [pair[0], pair[1]]]) {
        const value = numberValue(literal);
        if (value === undefined) continue;
        const kind = modelOutputKind(index, other);
        if (!kind || !isThresholdLiteral(kind, value) || holdsClassLabels(index, other)) continue;
        const existing = [...index.constants.values()].find((c) => THRESHOLD_NAME.test(c.name) && c.value.kind === 'number' && c.value.value === value && c.definition.node.startIndex < comparison.startIndex);
        const name = existing?.name ?? freshName(index, 'DECISION_THRESHOLD');
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
  }
}

export const fixedDecisionThreshold: Rule = {
  meta: {
    code: 'MLD701',
    name: 'fixed-decision-threshold',
    category: 'fixed-thresholds',
    severity: 'warning',
    fix: { safety: 'safe', title: 'Extract the threshold to a named constant' },
    docs: {
      summary: 'Model scores or probabilities are compared with a literal number (`proba > 0.5`, `np.where(pred >= 0.7, 1, 0)`).',
      why: 'Fixed thresholds in dynamic systems (§7): a threshold chosen by hand encodes one trade-off between precision and recall for one model on one data distribution. After retraining, recalibration or drift it silently means something else, and a literal buried in code is neither visible nor reviewed when that happens.',
      example: "proba = clf.predict_proba(X_test)[:, 1]\ny_pred = (proba > 0.35).astype(int)",
      fix: 'Give the threshold a name and one home, and choose it on held-out data (for example with `sklearn.model_selection.TunedThresholdClassifierCV` or a precision/recall curve), storing it with the model version. The quick fix extracts the literal to a module-level `DECISION_THRESHOLD` constant defined just before the statement that uses it (or reuses one with the same value). It is safe: the program computes exactly what it did.',
      fixed: "DECISION_THRESHOLD = 0.35\nproba = clf.predict_proba(X_test)[:, 1]\ny_pred = (proba > DECISION_THRESHOLD).astype(int)",
      nearMisses: 'Only values that come from a model are considered: `predict_proba`, `decision_function`, `predict`, `sigmoid`/`softmax` outputs, directly or through variables, subscripts and conversions. Comparisons of other numbers (`loss < 0.01`, `df.age > 0.5`), of hard labels from a classifier (`clf.predict(X) > 0.5`, already cut by the model), comparisons with a named constant, and `decision_function(X) > 0` (its natural cut) are left alone. Nothing fires in a file that imports no ML library.',
    },
  },
  check,
};
