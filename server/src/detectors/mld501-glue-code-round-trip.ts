import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { argument } from '../semantics/calls';
import { stripParens } from '../semantics/nodes';
import { stringValue } from '../semantics/literals';
import { valueLibrary, type ValueLibrary } from '../semantics/origins';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';

type Library = 'numpy' | 'torch' | 'pandas' | 'tensorflow';

/** Constructors that build one library's container from another representation. */
const CONSTRUCTORS = new Map<string, Library>([
  ['numpy.array', 'numpy'], ['numpy.asarray', 'numpy'], ['numpy.asanyarray', 'numpy'],
  ['torch.tensor', 'torch'], ['torch.as_tensor', 'torch'], ['torch.from_numpy', 'torch'], ['torch.Tensor', 'torch'],
  ['torch.FloatTensor', 'torch'], ['torch.LongTensor', 'torch'],
  ['pandas.DataFrame', 'pandas'], ['pandas.Series', 'pandas'],
  ['tensorflow.convert_to_tensor', 'tensorflow'], ['tensorflow.constant', 'tensorflow'],
]);

/** Tensor methods only PyTorch has: a `.numpy()` after them is a torch tensor's. */
const TORCH_ONLY_METHODS = new Set(['cpu', 'detach', 'cuda']);
const TENSOR_PASS_THROUGH = new Set(['cpu', 'detach', 'cuda', 'clone', 'contiguous', 'float', 'double', 'long', 'int', 'half', 'squeeze', 'to']);
const OTHER_FRAME_LIBRARIES = ['polars', 'pyspark', 'xarray', 'modin', 'cudf', 'dask'];

interface Export {
  /** How the value leaves its library: `.tolist()`, `.numpy()`, `.to_numpy()` or `.values`. */
  via: 'tolist' | 'numpy' | 'to_numpy' | 'values';
  /** The object being converted. */
  source: Node;
}

function exported(expression: Node | undefined, index: SemanticIndex): Export | undefined {
  if (!expression) return undefined;
  const node = stripParens(expression);
  if (node.type === 'attribute' && node.childForFieldName('attribute')?.text === 'values') {
    const object = node.childForFieldName('object');
    return object ? { via: 'values', source: object } : undefined;
  }
  if (node.type !== 'call') return undefined;
  const call = index.call(node);
  if (!call?.receiver || call.args.length > 0 || call.kwargs.size > 0) return undefined;
  if (call.method === 'tolist' || call.method === 'to_list') return { via: 'tolist', source: call.receiver };
  if (call.method === 'numpy' || call.method === 'to_numpy') return { via: call.method, source: call.receiver };
  return undefined;
}

/** `t.detach().cpu()`: true when the chain uses a method only torch tensors have. */
function hasTorchOnlyMethod(index: SemanticIndex, expression: Node): boolean {
  let node = stripParens(expression);
  for (let depth = 0; depth < 8 && node.type === 'call'; depth++) {
    const call = index.call(node);
    if (!call?.method || !call.receiver || !TENSOR_PASS_THROUGH.has(call.method)) return false;
    if (TORCH_ONLY_METHODS.has(call.method)) return true;
    node = stripParens(call.receiver);
  }
  return false;
}

/** The library of a converted value; an unknown origin counts only in a file that uses `library` alone. */
function sourceIs(index: SemanticIndex, source: Node, library: Library, rivals: readonly string[]): boolean {
  const kind: ValueLibrary | undefined = valueLibrary(index, source);
  if (kind) return kind === library;
  return index.importsModule(library === 'tensorflow' ? 'tensorflow' : library) && !index.importsAny(rivals);
}

/**
 * True when the rebuilt frame gets no labels, or only the source's own (`columns=df.columns`):
 * new labels make the call a relabelling, roundabout but purposeful.
 */
function keepsOwnLabels(call: CallSite, source: Node): boolean {
  for (const [keyword, value] of call.kwargs) {
    if (keyword === 'dtype' || keyword === 'copy') continue;
    if ((keyword !== 'index' && keyword !== 'columns') || stripParens(value).text !== `${stripParens(source).text}.${keyword}`) return false;
  }
  return call.args.length === 1;
}

function short(node: Node): string {
  const text = node.text.replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What a constructor call of `library` round-trips, as a message, if it does. */
function roundTrip(index: SemanticIndex, call: CallSite, library: Library): string | undefined {
  const inner = exported(argument(call, 'data', 0), index);
  if (!inner) return undefined;
  const shown = `\`${short(call.node)}\``;
  switch (library) {
    case 'numpy': {
      if (inner.via !== 'tolist' || exported(inner.source, index)) return undefined; // `.values.tolist()` stacks a column of arrays
      const kind = valueLibrary(index, inner.source);
      if (kind === 'numpy') return `${shown} copies an array into a Python list and back into an array: the detour is pure glue (and slow); use the array itself or \`.copy()\``;
      if (kind === 'torch') return `${shown} converts a tensor to a Python list and then to an array: \`.numpy()\` does it in one step`;
      return undefined;
    }
    case 'torch': {
      if (inner.via === 'numpy' && (hasTorchOnlyMethod(index, inner.source) || sourceIs(index, inner.source, 'torch', ['tensorflow', 'keras', 'jax']))) {
        return `${shown} converts a tensor to NumPy and straight back to a tensor: the round trip copies the data and detaches it from the graph; keep the tensor (\`.detach().clone()\` if a copy is wanted)`;
      }
      if (inner.via === 'tolist' && !exported(inner.source, index)) {
        const kind = valueLibrary(index, inner.source);
        if (kind === 'torch') return `${shown} converts a tensor to a Python list and back to a tensor: keep the tensor (\`.clone()\` if a copy is wanted)`;
        if (kind === 'numpy') return `${shown} converts an array to a Python list and then to a tensor: \`torch.from_numpy\` does it in one step`;
      }
      return undefined;
    }
    case 'pandas': {
      if ((inner.via !== 'values' && inner.via !== 'to_numpy') || !sourceIs(index, inner.source, 'pandas', OTHER_FRAME_LIBRARIES)) return undefined;
      if (!keepsOwnLabels(call, inner.source)) return undefined;
      return `${shown} turns pandas data into a NumPy array and straight back into pandas, dropping its index, column names and dtypes on the way: glue code that a \`.copy()\`, \`.reset_index()\` or \`.set_axis()\` says directly`;
    }
    case 'tensorflow': {
      if (inner.via !== 'numpy' || !sourceIs(index, inner.source, 'tensorflow', ['torch', 'jax'])) return undefined;
      return `${shown} converts a tensor to NumPy and straight back to a tensor: the round trip copies the data for nothing`;
    }
  }
}

/** `df["col"].values.tolist()`: a column converted twice where `.tolist()` converts once. */
function doubleConversion(index: SemanticIndex, call: CallSite): string | undefined {
  if ((call.method !== 'tolist' && call.method !== 'to_list') || !call.receiver || call.args.length > 0) return undefined;
  const inner = exported(call.receiver, index);
  if (!inner || (inner.via !== 'values' && inner.via !== 'to_numpy')) return undefined;
  const column = stripParens(inner.source);
  const key = column.type === 'subscript' ? column.childForFieldName('subscript') : null;
  if (!key || stringValue(key) === undefined || !sourceIs(index, column, 'pandas', OTHER_FRAME_LIBRARIES)) return undefined;
  return `\`${short(call.node)}\` converts the column twice, pandas to NumPy to list: \`${short(column)}.tolist()\` gives the same list in one step`;
}

/** The constructors of a round trip's container, and the list conversions. */
const CALLEES: CalleeSelection = { qualified: [...CONSTRUCTORS.keys()], methods: ['tolist', 'to_list'] };

function listen(context: RuleContext): RuleListeners {
  const { index } = context;
  // A round trip is met before the calls in its argument (document order): those are not reported again.
  const reported = new Set<number>();
  return {
    callees: CALLEES,
    call(call) {
      const library = call.qname ? CONSTRUCTORS.get(call.qname) : undefined;
      const message = library ? roundTrip(index, call, library) : undefined;
      if (message) {
        reported.add(call.node.startIndex);
        context.report({ node: call.node, message });
        return;
      }
      const double = doubleConversion(index, call);
      const argumentOf = call.node.parent?.parent;
      if (double && !(argumentOf && reported.has(argumentOf.startIndex))) context.report({ node: call.node, message: double });
    },
  };
}

export const glueCodeRoundTrip: Rule = {
  meta: {
    code: 'MLD501',
    name: 'glue-code-round-trip',
    category: 'glue-code',
    severity: 'information',
    recommended: false,
    docs: {
      summary: 'Data converted from one representation to another and straight back: `pd.DataFrame(df.values)`, `np.array(arr.tolist())`, `torch.tensor(t.numpy())`, `tf.convert_to_tensor(t.numpy())`, or a column converted twice (`df["y"].values.tolist()`).',
      why: 'Glue code (§5): the paper warns that ML systems grow a mass of supporting code whose only job is to shuttle data in and out of general-purpose packages, and that this glue freezes the system around each package\'s quirks. Round trips are the purest form of it: they copy the data, silently drop what the original carried (a frame\'s index, column names and dtypes; a tensor\'s device and autograd graph), and make the pipeline harder to change or move to another package.',
      example: 'import numpy as np\nimport pandas as pd\nimport torch\n\nfeatures = pd.DataFrame(df.values, columns=df.columns)\nlogits = torch.tensor(model(x).detach().numpy())\nlabels = df["label"].values.tolist()',
      fix: 'Keep data in one representation for as long as possible, and convert once, at a boundary you name: `df.copy()` or `df.reset_index(drop=True)` instead of rebuilding a frame, `t.detach().clone()` instead of a NumPy round trip, `df["label"].tolist()` instead of two conversions. Better still, wrap the package behind one small interface so that conversions live in one place. There is no automatic fix: which of the dropped properties mattered is a judgement call.',
      fixed: 'features = df.copy()\nlogits = model(x).detach().clone()\nlabels = df["label"].tolist()',
      nearMisses: 'One conversion is not a round trip: `torch.tensor(df.values)`, `np.array(df)`, `pd.DataFrame(scaler.transform(X))`. A name bound to values of different libraries on different paths (an array read from a cache on one branch, a tensor on the other) is of no one library, and is left alone. A frame rebuilt with new labels (`pd.Series(s.values, index=dates)`) is a roundabout relabelling, not reported. `np.array(df["embedding"].tolist())` and `pd.DataFrame(df["json"].tolist())` stack or expand a column of lists and are the idiomatic way to do so. Values of unknown origin are not assumed to be pandas or torch objects: `.values` and `.numpy()` count only when the file shows where the value came from or uses that one library alone (not alongside polars, Spark, xarray, TensorFlow or JAX).',
    },
  },
  listen,
};
