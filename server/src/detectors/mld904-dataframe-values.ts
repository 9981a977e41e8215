import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import { replaceNode } from './shared/edits';
import { isFrameOrSeries, pandasKind } from '../semantics/pandas';
import type { Rule, RuleContext, RuleListeners } from './types';
import { shorten } from './shared/messages';

const KIND_LABEL = { frame: 'DataFrame', series: 'Series', pandas: 'DataFrame or Series' } as const;

/** Builtins that turn an array into Python values: an extension array and a NumPy array give the same ones. */
const TO_PYTHON_VALUES = new Set(['builtins.list', 'builtins.tuple', 'builtins.set', 'builtins.sorted']);

/** `s.values.tolist()`, `list(s.values)`: the array is at once turned into Python values, whichever array it was. */
function atOnceToPythonValues(index: SemanticIndex, values: Node): boolean {
  const parent = values.parent;
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.text === 'tolist') return parent.parent?.type === 'call';
  const call = parent?.type === 'argument_list' && parent.namedChildren.length === 1 && parent.parent ? index.call(parent.parent) : undefined;
  return !!call?.qname && TO_PYTHON_VALUES.has(call.qname);
}

function listen(context: RuleContext): RuleListeners {
  const { index } = context;
  return { attribute(node) {
    // Every attribute of the file comes here: its name's length is told before its text is sliced.
    const name = node.childForFieldName('attribute');
    if (!name || name.endIndex - name.startIndex !== 'values'.length || name.text !== 'values') return;
    const object = node.childForFieldName('object');
    if (!object) return;
    // `d.values()` is a method call (dicts, ...), and `x.values = ...` an assignment.
    const parent = node.parent;
    if (parent?.type === 'call' && parent.childForFieldName('function')?.startIndex === node.startIndex) return;
    if (parent?.type === 'assignment' && parent.childForFieldName('left')?.startIndex === node.startIndex) return;
    if (atOnceToPythonValues(index, node)) return;
    const kind = pandasKind(index, object);
    // The engine's kind is unknown where the bindings of a name disagree (`df = {...}` on one
    // branch, `df = pd.read_csv(p)` on the other): neither the message nor a fix could be trusted.
    if (!isFrameOrSeries(kind)) return;
    const text = shorten(object.text);
    context.report({
      node: name,
      message: kind === 'frame'
        ? `\`${text}.values\` converts a pandas DataFrame through \`.values\`, which pandas no longer recommends; \`.to_numpy()\` is the explicit conversion`
        : `\`${text}.values\` on a pandas ${KIND_LABEL[kind]} returns a NumPy array or a pandas extension array depending on the dtype; \`.to_numpy()\` always returns a NumPy array`,
      fix: {
        title: 'Use .to_numpy()',
        edits: [replaceNode(name, 'to_numpy()')],
        // A frame's `.values` and `.to_numpy()` are the same array; a series' differ for
        // categorical, nullable and timezone-aware dtypes.
        safety: kind === 'frame' ? 'safe' : 'unsafe',
      },
    });
  } };
}

export const dataframeValues: Rule = {
  meta: {
    code: 'MLD904',
    name: 'dataframe-values',
    category: 'ml-api-misuse',
    severity: 'information',
    recommended: false,
    fix: { safety: 'safe', title: 'Use .to_numpy()', sometimesSafe: true },
    smell: { name: 'Dataframe Conversion API Misused', feeds: 'glue-code' },
    docs: {
      summary: '`.values` on a pandas DataFrame or Series, where `.to_numpy()` says what comes back.',
      why: 'Glue code (§5, Glue Code) converts between representations, and `.values` makes the conversion ambiguous: for a Series it returns a NumPy array for numeric columns but a pandas extension array (Categorical, IntegerArray, DatetimeArray...) for others, so the data handed to NumPy or a model changes type when a column\'s dtype changes upstream. pandas recommends `.to_numpy()` (or `.array`), which always return what their name says (Zhang et al., "Dataframe Conversion API Misused").',
      example: 'import pandas as pd\n\ndf = pd.read_csv("train.csv")\nX = df[["age", "income"]].values\ny = df["churned"].values',
      fix: 'Call `.to_numpy()` (add `dtype=` when the model needs a specific type), or `.array` when a pandas array is wanted. The quick fix rewrites `.values` to `.to_numpy()`. On a DataFrame it is safe: both return the same array. On a Series it is marked unsafe: for categorical, nullable-integer or timezone-aware columns `.to_numpy()` returns a NumPy array where `.values` returned a pandas array.',
      fixed: 'X = df[["age", "income"]].to_numpy()\ny = df["churned"].to_numpy()',
      nearMisses: 'Only objects the file shows to be pandas are reported: the result of a pandas reader or constructor, a column, row selection or method chain of one, or a parameter annotated `pd.DataFrame`. `dict.values()` (a call), polars and Spark frames, NumPy structured arrays, named tuples, `df.columns.values` (an Index) and objects of unknown origin are left alone, as are files that do not import pandas. A name bound differently on different paths (`df = {...}` on one branch, `df = pd.read_csv(p)` on the other) holds no one kind, and is left alone too: a fix that is right on one path would break the other. A row selection by a name of unknown value (`df.loc[rows]`) may give a DataFrame or a Series, and is reported as either, with the fix marked unsafe; a list, slice or mask of rows gives a DataFrame. A conversion whose result is at once turned into Python values (`s.values.tolist()`, `list(s.values)`, `sorted(...)`) gives the same values from either array, so it is left alone too.',
    },
  },
  listen,
};
