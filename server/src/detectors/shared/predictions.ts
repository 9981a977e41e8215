// Recognising model output in an expression: `clf.predict_proba(X)[:, 1]`, `torch.sigmoid(logits)`,
// `net(x)`, or a variable every reaching binding of which holds one of those. The def-use layer's
// value kinds answer it (semantics/values.ts); anything unclear is not model output.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { ScoreKind } from '../../semantics/dataflow';
import type { CallSite } from '../../semantics/types';
import { classifierClass } from './models';

export type { ScoreKind };

/** What kind of model output `expression` holds, if it clearly holds one. */
export function modelOutputKind(index: SemanticIndex, expression: Node): ScoreKind | undefined {
  const kind = index.dataflow.kindOf(expression);
  return kind?.kind === 'predictions' ? kind.score : undefined;
}

/** Whether `expression` holds a classifier's hard labels (`clf.predict(X)`), which no threshold cuts. */
export function holdsClassLabels(index: SemanticIndex, expression: Node): boolean {
  const kind = index.dataflow.kindOf(expression);
  if (kind?.kind !== 'predictions' || kind.score !== 'prediction') return false;
  const call = index.call(kind.origin);
  return call?.method === 'predict' && !!call.receiver && !!classifierClass(index.dataflow, call.receiver);
}

/**
 * The prediction whose values the data of `expression` carries, if any: directly, through names,
 * through a prediction column (`df["pred"] = model.predict(X)`) or a frame built from one. Data
 * only selected by a model's output (`df[model.predict(X) == 1]`) or summarised from it (a
 * metric) does not carry it.
 */
export function modelOutputIn(index: SemanticIndex, expression: Node): CallSite | undefined {
  const flow = index.dataflow;
  return flow.lineage(expression, { values: true }).calls.find((call) => flow.kindOf(call.node)?.kind === 'predictions');
}
