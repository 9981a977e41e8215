// Recognising model output in an expression: `clf.predict_proba(X)[:, 1]`, `torch.sigmoid(logits)`,
// `net(x)`, or a variable every reaching binding of which holds one of those. The def-use layer's
// value kinds answer it (semantics/values.ts); anything unclear is not model output.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { ScoreKind } from '../../semantics/dataflow';

export type { ScoreKind };

/** What kind of model output `expression` holds, if it clearly holds one. */
export function modelOutputKind(index: SemanticIndex, expression: Node): ScoreKind | undefined {
  const kind = index.dataflow.kindOf(expression);
  return kind?.kind === 'predictions' ? kind.score : undefined;
}
