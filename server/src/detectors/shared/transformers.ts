// Preprocessing steps fitted and applied by hand: scikit-learn scalers, encoders, imputers,
// selectors and decompositions, category_encoders, and imbalanced-learn resamplers, with the data
// each call fits on or transforms. Shared by the rules about leakage and hand-made pipelines.
import type { Node } from 'web-tree-sitter';
import { inLiteralDeadBranch } from '../../semantics/literals';
import type { SemanticIndex } from '../../semantics';
import { isTransformerClass } from '../../semantics/dataflow';
import type { CallSite } from '../../semantics/types';
import { lastSegment } from './libraries';
import { assignedName, bindingsOf } from './objects';
import { definedOf, oncePer } from '../../engine/collections';

export interface TransformerCall {
  call: CallSite;
  /** The transformer: the receiver (`scaler`), the constructor call in `StandardScaler().fit_transform(X)`, or the name in `scaler = StandardScaler().fit(X)`. */
  transformer: Node;
  /** Its qualified class (`sklearn.preprocessing.StandardScaler`). */
  className: string;
  /** `fit` learns from the data (fit, fit_transform, fit_resample); `transform` applies what was learnt. */
  step: 'fit' | 'transform';
  /** The data fitted on or transformed. */
  data?: Node;
}

const FIT_METHODS = new Set(['fit', 'fit_transform', 'partial_fit']);
const RESAMPLERS = /^imblearn\.(over_sampling|under_sampling|combine)\.\w+$/;

/**
 * Classes that learn only the set of categories or nothing at all from the data they are fitted on.
 * category_encoders' binary and base-N encoders write the ordinal code of each category in digits,
 * and its hashing encoder hashes values: none of them learns a statistic of the rows.
 */
const NO_STATISTICS = new Set([
  'LabelEncoder', 'LabelBinarizer', 'MultiLabelBinarizer', 'OneHotEncoder', 'OrdinalEncoder', 'DictVectorizer',
  'BinaryEncoder', 'BaseNEncoder', 'HashingEncoder',
  'HashingVectorizer', 'FeatureHasher', 'FunctionTransformer', 'Binarizer', 'Normalizer', 'PolynomialFeatures',
]);
/** CountVectorizer keeps every word it sees unless told to cut by frequency. */
const FREQUENCY_CUTS = ['max_features', 'min_df', 'max_df'];

function isPreprocessingClass(className: string): boolean {
  return isTransformerClass(className) || className.startsWith('category_encoders.');
}

/** The class of the transformer a call is made on, if it is a preprocessing class of these libraries. */
function transformerClass(index: SemanticIndex, receiver: Node, depth = 0): string | undefined {
  // `scaler = StandardScaler().fit(X)`: fit returns the transformer itself.
  const origin = index.originCall(receiver);
  if (origin?.method === 'fit' && origin.receiver && depth < 3) return transformerClass(index, origin.receiver, depth + 1);
  const className = index.constructedClass(receiver);
  return className && (isPreprocessingClass(className) || RESAMPLERS.test(className)) ? className : undefined;
}

/** The name a fitted transformer is kept under, for `scaler = StandardScaler().fit(X)`; else the receiver. */
function heldBy(call: CallSite, receiver: Node): Node {
  return (call.method === 'fit' ? assignedName(call.node) : undefined) ?? receiver;
}

/** A method call named like a fit or a transform: what transformerCall asks before the model. */
function fitsOrTransforms(call: CallSite): boolean {
  const { method } = call;
  return !!method && !call.qname && (FIT_METHODS.has(method) || method === 'fit_resample' || method === 'transform');
}

/** The fit or transform a call performs on a preprocessing step, if it is one. */
export function transformerCall(index: SemanticIndex, call: CallSite): TransformerCall | undefined {
  const { method, receiver } = call;
  if (!receiver || !fitsOrTransforms(call)) return undefined;
  const isFit = FIT_METHODS.has(method!) || method === 'fit_resample';
  const className = transformerClass(index, receiver);
  if (!className || (method === 'fit_resample') !== RESAMPLERS.test(className)) return undefined;
  const data = call.args[0] ?? call.kwargs.get('X') ?? call.kwargs.get('raw_documents');
  const found: TransformerCall = { call, transformer: heldBy(call, receiver), className, step: isFit ? 'fit' : 'transform' };
  if (data) found.data = data;
  return found;
}

/**
 * A fit or transform of a preprocessing step or resampler: one transformerCall finds, or one made on
 * a name whose every binding builds such a step (`sampler = BorderlineSMOTE(...)` in one arm of an
 * `if`, `sampler = SMOTEENN(...)` in the other). Whichever runs, it learns no model.
 */
export function fitsPreprocessingOnly(index: SemanticIndex, call: CallSite): boolean {
  if (transformerCall(index, call)) return true;
  if (!fitsOrTransforms(call) || call.receiver?.type !== 'identifier') return false;
  const classes = bindingsOf(index.dataflow, call.receiver).map((definition) => definition.value && index.constructedClass(definition.value));
  return classes.length > 0 && classes.every((className) => !!className && (isPreprocessingClass(className) || RESAMPLERS.test(className)));
}

/**
 * Every fit and transform of a preprocessing step in the document, in document order: found once
 * per index (MLD503 and MLD504 both ask). One under a literal `if False:` never runs, and fits nothing.
 */
export const transformerCalls: (index: SemanticIndex) => readonly TransformerCall[] = oncePer((index: SemanticIndex) =>
  definedOf(index.calls, (call) => (!fitsOrTransforms(call) || inLiteralDeadBranch(call.node) ? undefined : transformerCall(index, call))));

/**
 * True when fitting the transformer learns statistics of the data (means, variances, quantiles,
 * components, selected features, frequencies, resampled rows), as opposed to only the set of
 * categories (`OneHotEncoder`, `LabelEncoder`) or nothing (`FunctionTransformer`). A
 * `ColumnTransformer` or `Pipeline` learns what its steps learn.
 */
export function learnsStatistics(index: SemanticIndex, fit: TransformerCall): boolean {
  // The object fitted is the call's receiver: for `vect = CountVectorizer().fit(text)` the name it is
  // kept under may be bound elsewhere to another step (`vect = CountVectorizer(min_df=2).fit(text)`).
  return stepLearns(index, fit.call.receiver ?? fit.transformer, 0);
}

/** Composites built from steps given to their constructor, and where each step sits in its tuple. */
const COMPOSITES: Record<string, { keyword?: string; tupleIndex?: number }> = {
  ColumnTransformer: { keyword: 'transformers', tupleIndex: 1 },
  make_column_transformer: { tupleIndex: 0 },
  Pipeline: { keyword: 'steps', tupleIndex: 1 },
  make_pipeline: {},
  FeatureUnion: { keyword: 'transformer_list', tupleIndex: 1 },
  make_union: {},
};
const MAX_NESTING = 4;

/** Does fitting this step learn statistics? Unknown steps are assumed to. */
function stepLearns(index: SemanticIndex, step: Node, depth: number): boolean {
  // 'drop' and 'passthrough' learn nothing.
  if (index.literal(step)?.kind === 'string') return false;
  const constructor = constructorOf(index, step);
  const className = constructor?.qname;
  if (!constructor || !className) return true;
  const name = lastSegment(className);
  if (className.startsWith('sklearn.') && name in COMPOSITES) {
    const steps = depth < MAX_NESTING ? compositeSteps(index, constructor, COMPOSITES[name]) : undefined;
    return !steps || steps.some((inner) => stepLearns(index, inner, depth + 1));
  }
  if (NO_STATISTICS.has(name)) return false;
  if (name === 'CountVectorizer') return constructor.hasSplat || FREQUENCY_CUTS.some((keyword) => cutsByFrequency(index, keyword, constructor.kwargs.get(keyword)));
  if (name === 'SimpleImputer') return !fillsConstant(index, constructor);
  return true;
}

/**
 * Does this frequency keyword of a `CountVectorizer` cut words? One given the value that cuts nothing
 * (`min_df=1` or `0`, `min_df=0.0`, `max_df=1.0`, `max_features=None`: the defaults) keeps every word,
 * as leaving it out does; `min_df=1.0` (words in every document), `max_df=1` (words in at most one)
 * and any value the index cannot read still cut.
 */
function cutsByFrequency(index: SemanticIndex, keyword: string, value: Node | undefined): boolean {
  if (!value) return false;
  const literal = index.literal(value);
  if (keyword === 'max_features') return literal?.kind !== 'none';
  if (literal?.kind !== 'number') return true;
  const isFloat = /[.eE]/.test(literal.text);
  if (keyword === 'min_df') return isFloat ? literal.value !== 0 : literal.value > 1;
  return !(isFloat && literal.value === 1);
}

/**
 * `SimpleImputer(strategy="constant")` fills every gap with its `fill_value` and keeps every column,
 * whatever rows it is fitted on; an indicator (`add_indicator=True`) learns which columns have gaps.
 */
function fillsConstant(index: SemanticIndex, constructor: CallSite): boolean {
  if (constructor.hasSplat) return false;
  const literalOf = (node: Node | undefined) => (node ? index.literal(node) : undefined);
  const strategy = literalOf(constructor.kwargs.get('strategy') ?? constructor.args[1]);
  const indicator = constructor.kwargs.get('add_indicator');
  const flagged = literalOf(indicator);
  const noIndicator = !indicator || (flagged?.kind === 'bool' && !flagged.value);
  return strategy?.kind === 'string' && strategy.value === 'constant' && noIndicator;
}

/** The constructor call behind a transformer, through `t = Scaler().fit(X)`. */
function constructorOf(index: SemanticIndex, transformer: Node): CallSite | undefined {
  let origin = index.originCall(transformer);
  for (let depth = 0; origin?.method === 'fit' && origin.receiver && depth < 3; depth++) origin = index.originCall(origin.receiver);
  return origin;
}

/**
 * The steps of a composite's constructor call (`ColumnTransformer([('num', StandardScaler(), cols)])`,
 * `make_pipeline(SimpleImputer(), StandardScaler())`), plus an estimator `remainder`; undefined
 * when the list of steps is not written out where the index can see it.
 */
function compositeSteps(index: SemanticIndex, constructor: CallSite, shape: { keyword?: string; tupleIndex?: number }): Node[] | undefined {
  if (constructor.hasSplat) return undefined;
  const remainder = constructor.kwargs.get('remainder');
  const extra = remainder ? [remainder] : [];
  if (shape.keyword === undefined && shape.tupleIndex === undefined) return [...constructor.args, ...extra];
  const entries = shape.keyword ? elementsOf(index, constructor.args[0] ?? constructor.kwargs.get(shape.keyword)) : constructor.args;
  if (!entries) return undefined;
  const steps: Node[] = [];
  for (const entry of entries) {
    const step = elementsOf(index, entry)?.[shape.tupleIndex!];
    if (!step) return undefined;
    steps.push(step);
  }
  return [...steps, ...extra];
}

/** The elements of a list or tuple written out, directly or through a variable. */
function elementsOf(index: SemanticIndex, node: Node | undefined): Node[] | undefined {
  const value = node ? index.valueOf(node) : undefined;
  if (!value || !['list', 'tuple'].includes(value.type)) return undefined;
  return value.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
}
