// The pandas checker of the value-kind engine: "is this expression a pandas object, and which?" —
// answered only from evidence in the file: a pandas reader or constructor, a column or row
// selection of such a frame, a method chain on it, a parameter annotated `pd.DataFrame`. Anything
// else (a dict, a polars or Spark frame, a NumPy array, an object of unknown origin) is not pandas.
// A name is followed as the engine follows it (values.ts): through every binding that can reach
// the read, and where they disagree the kind is unknown. The API it knows is library/pandas.ts.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from './index';
import { stripParens } from './nodes';
import { bindingKinds, type CheckerMemo } from './values';
import {
  ARGUMENT_KIND_FUNCTIONS, FRAME_ATTRIBUTES, FRAME_FUNCTIONS, FRAME_METHODS, GROUPING_METHODS, MASK_METHODS, OTHER_METHODS,
  PANDAS_MODULES, PANDAS_RESULT_METHODS, READERS, REDUCTIONS, SAME_KIND_METHODS, SERIES_REDUCTIONS_TO_SERIES,
} from './library/pandas';

/**
 * `frame` and `series` are known; `pandas` is a DataFrame or a Series; `index` an Index;
 * `grouped` a GroupBy or window (rolling, resample...); `accessor` `.str` / `.dt` / `.cat`.
 */
export type PandasKind = 'frame' | 'series' | 'pandas' | 'index' | 'grouped' | 'accessor';

const MAX_DEPTH = 12;



function isPandasQname(qname: string | undefined): qname is string {
  return !!qname && PANDAS_MODULES.some((prefix) => qname.startsWith(prefix));
}

function pandasName(qname: string): string {
  const prefix = PANDAS_MODULES.find((p) => qname.startsWith(p))!;
  return qname.slice(prefix.length);
}

/** True for a DataFrame, a Series, or one of the two. */
export function isFrameOrSeries(kind: PandasKind | undefined): kind is 'frame' | 'series' | 'pandas' {
  return kind === 'frame' || kind === 'series' || kind === 'pandas';
}

/** True when the file imports pandas (or a drop-in with its API). */
export function importsPandas(index: SemanticIndex): boolean {
  return index.importsModule('pandas') || index.importsModule('modin.pandas');
}

/** What kind of pandas object `expression` is, when the file shows it; undefined when unsure. */
export function pandasKind(index: SemanticIndex, expression: Node): PandasKind | undefined {
  if (!importsPandas(index)) return undefined;
  return kindOf(index, expression, 0);
}

function kindOf(index: SemanticIndex, expression: Node, depth: number): PandasKind | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = stripParens(expression);
  const next = (child: Node | null | undefined) => (child ? kindOf(index, child, depth + 1) : undefined);
  switch (node.type) {
    case 'identifier':
      return nameKind(index, node, depth);
    case 'call':
      return callKind(index, node, depth);
    case 'subscript':
      return subscriptKind(index, node, depth);
    case 'attribute': {
      const object = node.childForFieldName('object');
      const name = node.childForFieldName('attribute')?.text ?? '';
      return attributeKind(next(object), name);
    }
    case 'binary_operator': {
      if (node.childForFieldName('operator')?.text === '@') return undefined;
      return widest(next(node.childForFieldName('left')), next(node.childForFieldName('right')));
    }
    case 'comparison_operator': {
      const operands = node.namedChildren.filter((child) => !!child);
      return operands.length === 2 ? widest(next(operands[0]), next(operands[1])) : undefined;
    }
    case 'unary_operator': {
      const kind = next(node.childForFieldName('argument'));
      return isFrameOrSeries(kind) ? kind : undefined;
    }
    default:
      return undefined;
  }
}

const remembered: CheckerMemo<PandasKind> = new WeakMap();

/**
 * A name: the kind every binding that can reach the read gives it (values.ts' bindingKinds) — one
 * kind, or "pandas" when each is a frame or a series; unknown when any is something else or
 * unclear (`df = {...}` on one branch, `df = pd.read_csv(p)` on the other). A parameter: what every
 * call passes, or its annotation.
 */
function nameKind(index: SemanticIndex, node: Node, depth: number): PandasKind | undefined {
  const kinds = bindingKinds(index, node, remembered, (value) => kindOf(index, value, depth + 1), () => parameterKind(index, node, depth));
  return kinds ? agreed(kinds) : parameterKind(index, index.valueOf(node), depth);
}

function agreed(kinds: (PandasKind | undefined)[]): PandasKind | undefined {
  if (kinds.length === 0) return undefined;
  if (kinds.every((kind) => kind === kinds[0])) return kinds[0];
  return kinds.every(isFrameOrSeries) ? 'pandas' : undefined;
}

/** A parameter (or a name with no binding in the file): the kinds passed at every call, or its annotation. */
function parameterKind(index: SemanticIndex, node: Node, depth: number): PandasKind | undefined {
  if (node.type !== 'identifier') return kindOf(index, node, depth + 1);
  const passed = index.passedArguments(node)?.map((argument) => kindOf(index, argument, depth + 1));
  if (passed) return agreed(passed);
  return annotatedKind(index, node);
}

/** Arithmetic between a pandas object and anything keeps the widest pandas kind. */
function widest(a: PandasKind | undefined, b: PandasKind | undefined): PandasKind | undefined {
  const kinds = [a, b].filter(isFrameOrSeries);
  if (kinds.includes('frame')) return 'frame';
  if (kinds.includes('pandas')) return 'pandas';
  return kinds.length ? 'series' : undefined;
}

/** A parameter annotated `pd.DataFrame` / `pd.Series` (or the same as a string). */
function annotatedKind(index: SemanticIndex, identifier: Node): PandasKind | undefined {
  const annotation = index.parameterAnnotation(identifier);
  if (!annotation) return undefined;
  const text = annotation.type === 'string' ? annotation.text.slice(1, -1) : annotation.text;
  const qname = annotation.type === 'string' ? text.replace(/^(pd|pandas)\./, 'pandas.') : index.qualify(annotation);
  if (qname === 'pandas.DataFrame' || qname === 'pandas.core.frame.DataFrame') return 'frame';
  if (qname === 'pandas.Series' || qname === 'pandas.core.series.Series') return 'series';
  return undefined;
}

function callKind(index: SemanticIndex, node: Node, depth: number): PandasKind | undefined {
  const call = index.call(node);
  if (!call) return undefined;
  if (isPandasQname(call.qname)) return functionKind(index, pandasName(call.qname), call.args, call.kwargs, depth);
  if (!call.method || !call.receiver) return undefined;
  const receiver = kindOf(index, call.receiver, depth + 1);
  return receiver ? methodKind(receiver, call.method) : undefined;
}

function functionKind(index: SemanticIndex, name: string, args: Node[], kwargs: ReadonlyMap<string, Node>, depth: number): PandasKind | undefined {
  if (READERS.has(name)) return readerKind(index, name, kwargs);
  if (FRAME_FUNCTIONS.has(name)) return 'frame';
  if (name === 'Series') return 'series';
  if (name === 'concat') return 'pandas';
  if (name === 'Index' || name.endsWith('Index') || name === 'date_range') return 'index';
  if (ARGUMENT_KIND_FUNCTIONS.has(name) && args[0]) {
    const kind = kindOf(index, args[0], depth + 1);
    return isFrameOrSeries(kind) ? (name === 'cut' || name === 'qcut' ? 'series' : kind) : undefined;
  }
  return undefined;
}

/** A reader returns a frame, unless it is asked for chunks or several sheets. */
function readerKind(index: SemanticIndex, name: string, kwargs: ReadonlyMap<string, Node>): PandasKind | undefined {
  if (kwargs.has('chunksize') || kwargs.has('iterator')) return undefined;
  const sheet = kwargs.get('sheet_name');
  if (name === 'read_excel' && sheet) {
    const value = index.literal(sheet);
    if (value?.kind !== 'string' && value?.kind !== 'number') return undefined;
  }
  return 'frame';
}

function methodKind(receiver: PandasKind, method: string): PandasKind | undefined {
  if (receiver === 'accessor') return method === 'cat' ? undefined : 'pandas';
  if (receiver === 'grouped') return REDUCTIONS.has(method) || PANDAS_RESULT_METHODS.has(method) || SAME_KIND_METHODS.has(method) ? 'pandas' : undefined;
  if (receiver === 'index') return undefined;
  if (GROUPING_METHODS.has(method)) return 'grouped';
  if (SAME_KIND_METHODS.has(method)) return receiver;
  if (receiver === 'frame' && FRAME_METHODS.has(method)) return 'frame';
  if (receiver === 'series' && method === 'map') return 'series';
  if (PANDAS_RESULT_METHODS.has(method)) return method === 'to_frame' ? 'frame' : 'pandas';
  if (REDUCTIONS.has(method)) {
    if (receiver === 'frame') return method === 'describe' || method === 'corr' || method === 'cov' ? 'frame' : 'pandas';
    if (receiver === 'series' && SERIES_REDUCTIONS_TO_SERIES.has(method)) return 'series';
  }
  return undefined;
}

function attributeKind(object: PandasKind | undefined, name: string): PandasKind | undefined {
  if (!object) return undefined;
  if (object === 'accessor') return 'series'; // s.dt.year, s.cat.codes
  if (object === 'grouped' || object === 'index') return undefined;
  if (name === 'T') return object;
  if (name === 'index' || name === 'columns') return name === 'columns' && object === 'series' ? undefined : 'index';
  if (object === 'series') return name === 'str' || name === 'dt' || name === 'cat' ? 'accessor' : undefined;
  if (name === 'dtypes') return 'series';
  // Any other attribute of a frame that is not one of its own is a column: `df.age`.
  if (object === 'frame' && isColumnAttribute(name)) return 'series';
  return undefined;
}


/** True when `frame.<name>` reads a column: the name is not an attribute or method of frames. */
export function isColumnAttribute(name: string): boolean {
  return !FRAME_ATTRIBUTES.has(name) && !isPandasMethodName(name);
}

/** True for the name of a frame or series method (an attribute with such a name is not a column). */
function isPandasMethodName(name: string): boolean {
  return SAME_KIND_METHODS.has(name) || PANDAS_RESULT_METHODS.has(name) || REDUCTIONS.has(name) || GROUPING_METHODS.has(name)
    || OTHER_METHODS.has(name) || /^(to|from)_/.test(name);
}

/** Row or column selections: `df["a"]` is a series, `df[["a", "b"]]` and `df[mask]` frames. */
function subscriptKind(index: SemanticIndex, node: Node, depth: number): PandasKind | undefined {
  const value = node.childForFieldName('value');
  if (!value) return undefined;
  const keys = node.childrenForFieldName('subscript').filter((k): k is Node => !!k);
  const indexer = indexerOf(value);
  if (indexer) return indexerKind(index, kindOf(index, indexer.object, depth + 1), keys);
  const object = kindOf(index, value, depth + 1);
  if (object === 'grouped') return 'grouped'; // df.groupby("a")["b"]
  if (!isFrameOrSeries(object) || keys.length !== 1) return undefined;
  const key = stripParens(keys[0]);
  if (object === 'frame') {
    if (key.type === 'string') return 'series';
    if (key.type === 'list' || key.type === 'slice' || isMaskExpression(key, index)) return 'frame';
    return 'pandas';
  }
  return key.type === 'slice' || isMaskExpression(key, index) ? object : undefined;
}

/** `df.loc` / `df.iloc` as the value of a subscript. */
function indexerOf(value: Node): { object: Node; name: 'loc' | 'iloc' } | undefined {
  const node = stripParens(value);
  if (node.type !== 'attribute') return undefined;
  const name = node.childForFieldName('attribute')?.text;
  const object = node.childForFieldName('object');
  return object && (name === 'loc' || name === 'iloc') ? { object, name } : undefined;
}

/**
 * `.loc[rows]`, `.iloc[rows, cols]`: a frame when every axis picks many (a list, slice or mask,
 * also through a name), a series when one axis picks a single literal label or position; a key
 * of unknown value (`df.loc[rows]`) may be either, so the answer is only "pandas".
 */
function indexerKind(index: SemanticIndex, object: PandasKind | undefined, keys: Node[]): PandasKind | undefined {
  if (!isFrameOrSeries(object)) return undefined;
  const picks = keys.map((key) => axisPick(index, key));
  if (object !== 'frame') return keys.length === 1 && picks[0] === 'many' ? object : undefined;
  if (keys.length === 1) return picks[0] === 'many' ? 'frame' : picks[0] === 'one' ? 'series' : 'pandas';
  if (keys.length !== 2) return undefined;
  const [rows, cols] = picks;
  if (rows === 'many' && cols === 'many') return 'frame';
  if ((rows === 'many' && cols === 'one') || (rows === 'one' && cols === 'many')) return 'series';
  return rows === 'one' || cols === 'one' ? undefined : 'pandas';
}

/** How many labels an indexer key picks on its axis: many, one literal, or unknown. */
function axisPick(index: SemanticIndex, key: Node): 'many' | 'one' | 'unknown' {
  const k = stripParens(key);
  if (k.type === 'slice' || k.type === 'list' || isMaskExpression(k, index)) return 'many';
  if (['string', 'integer', 'float', 'true', 'false'].includes(k.type) || (k.type === 'unary_operator' && k.namedChildren[0]?.type === 'integer')) return 'one';
  const value = k.type === 'identifier' ? index.valueOf(k) : k;
  return value !== k && (value.type === 'list' || value.type === 'slice') ? 'many' : 'unknown';
}

/**
 * A boolean selection: a comparison, `~m`, `a & b`, `x.isin(...)`, `x.isna()`, `x.str.contains(...)`,
 * or (given the index) a name assigned one of those.
 */
export function isMaskExpression(expression: Node, index?: SemanticIndex): boolean {
  const node = stripParens(expression);
  switch (node.type) {
    case 'identifier': {
      const value = index?.valueOf(node);
      return !!value && value !== node && isMaskExpression(value);
    }
    case 'comparison_operator':
      return node.namedChildren.length === 2;
    case 'unary_operator':
      return node.childForFieldName('operator')?.text === '~';
    case 'binary_operator': {
      const operator = node.childForFieldName('operator')?.text ?? '';
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      return ['&', '|', '^'].includes(operator) && !!left && !!right && isMaskExpression(left, index) && isMaskExpression(right, index);
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
      return !!method && MASK_METHODS.has(method);
    }
    default:
      return false;
  }
}

