import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { outermostParens, stripParens } from '../semantics/nodes';
import { removeArgument } from './shared/edits';
import { importsPandas, pandasKind } from '../semantics/pandas';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';

/** pandas methods that return None when called with `inplace=True`. */
const INPLACE_METHODS = new Set([
  'dropna', 'fillna', 'drop', 'rename', 'reset_index', 'set_index', 'sort_values', 'sort_index', 'replace',
  'drop_duplicates', 'query', 'eval', 'where', 'mask', 'interpolate', 'ffill', 'bfill', 'clip', 'rename_axis',
  'set_axis', 'backfill', 'pad', 'set_names', 'set_levels', 'set_codes', 'remove_categories',
  'add_categories', 'rename_categories', 'reorder_categories', 'set_categories', 'remove_unused_categories',
]);

/**
 * How the None result is used: assigned to a name or an item, returned, or called on. Undefined
 * for a bare statement (`df.dropna(inplace=True)`), which is the correct use.
 */
function resultUse(call: CallSite): { kind: 'assign' | 'return' | 'chain'; target?: Node } | undefined {
  const node = outermostParens(call.node);
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'assignment' && parent.childForFieldName('right')?.startIndex === node.startIndex) {
    const target = parent.childForFieldName('left');
    return target ? { kind: 'assign', target } : undefined;
  }
  if (parent.type === 'return_statement') return { kind: 'return' };
  if (parent.type === 'attribute' && parent.childForFieldName('object')?.startIndex === node.startIndex) return { kind: 'chain' };
  return undefined;
}

/**
 * Evidence that the receiver is pandas: the file shows it, or the file imports pandas and the
 * receiver's origin is unknown (no other library in sight builds it). A receiver built by a call
 * to another library (`pl.read_csv`) is not pandas.
 */
function isPandasReceiver(index: SemanticIndex, receiver: Node): boolean {
  if (pandasKind(index, receiver)) return true;
  if (!importsPandas(index)) return false;
  const origin = index.originCall(stripParens(receiver));
  return !origin || origin.qname === undefined;
}

const INPLACE_CALLEES: CalleeSelection = { methods: INPLACE_METHODS };

function listen(context: RuleContext): RuleListeners {
  return { callees: INPLACE_CALLEES, call: (call) => checkCall(context, call) };
}

function checkCall(context: RuleContext, call: CallSite): void {
  const { index } = context;
  if (!call.method || !call.receiver || !INPLACE_METHODS.has(call.method) || call.hasSplat) return;
  const inplace = call.kwargs.get('inplace');
  const value = inplace ? index.literal(inplace) : undefined;
  if (!inplace || value?.kind !== 'bool' || !value.value) return;
  const use = resultUse(call);
  if (!use || !isPandasReceiver(index, call.receiver)) return;
  const short = call.receiver.text.length <= 30;
  const shown = `${short ? call.receiver.text : ''}.${call.method}(..., inplace=True)`;
  let message: string;
  if (use.kind === 'assign') {
    const target = use.target!.text;
    message = `\`${shown}\` modifies ${short ? `\`${call.receiver.text}\`` : 'the object it is called on'} and returns None: ${target.length > 30 ? 'the assigned target' : `\`${target}\``} is now None`;
  } else if (use.kind === 'return') {
    message = `\`${shown}\` returns None, so this \`return\` gives back None instead of the frame`;
  } else {
    message = `\`${shown}\` returns None: the chained call fails with AttributeError`;
  }
  const edit = removeArgument(call, call.keywordNodes.get('inplace')!);
  context.report({
    node: call.keywordNodes.get('inplace')!,
    message,
    related: [{ node: call.node, message: `\`${call.method}\` with inplace=True returns None` }],
    ...(edit ? { fix: { title: 'Drop inplace=True and keep the returned frame', edits: [edit] } } : {}),
  });
}

export const inplaceReturnsNone: Rule = {
  meta: {
    code: 'MLD903',
    name: 'inplace-returns-none',
    category: 'ml-api-misuse',
    severity: 'warning',
    recommended: true,
    fix: { safety: 'unsafe', title: 'Drop inplace=True' },
    smell: { name: 'In-Place APIs Misused', feeds: 'pipeline-jungles' },
    docs: {
      summary: 'The result of a pandas call made with `inplace=True` is assigned, returned or chained (`df = df.dropna(inplace=True)`): with `inplace=True` pandas returns None.',
      why: 'A data preparation step that reads as "clean the frame and keep it" actually throws the frame away: the variable becomes None and the pipeline breaks a few cells later, far from the cause — or, when the result goes to a different name, the original frame is changed behind the back of every other reader of it. Preparation code whose effect differs from how it reads is what makes pipeline jungles (§5, Pipeline Jungles) hard to reason about. Zhang et al. list it as "In-Place APIs Misused".',
      example: 'import pandas as pd\n\ndf = pd.read_csv("train.csv")\ndf = df.dropna(inplace=True)\ndf = df.sort_values("date", inplace=True)',
      fix: 'Use one style: either assign the returned frame (`df = df.dropna()`), or call the method on its own line with `inplace=True` and no assignment. pandas recommends the first. The quick fix removes `inplace=True` and keeps the assignment. It is unsafe: the original object is no longer modified, which other names referring to it may have relied on.',
      fixed: 'df = df.dropna()\ndf = df.sort_values("date")',
      nearMisses: '`df.dropna(inplace=True)` as a statement of its own is correct. `inplace=False`, `inplace=flag` (not known to be True), torch\'s `inplace=True` arguments (`nn.ReLU(inplace=True)`, `F.relu(x, inplace=True)`, which return the tensor), and receivers built by another library (polars, Spark) are left alone; files that do not import pandas are not checked.',
    },
  },
  listen,
};
