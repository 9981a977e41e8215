import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import { stringValue } from '../semantics/literals';
import { memoKey, stripParens } from '../semantics/nodes';
import { replaceNode } from './shared/edits';
import { isFrameOrSeries, pandasKind } from '../semantics/pandas';
import type { MemberDescriptor, Rule, RuleContext, RuleListeners } from './types';
import { shorten } from './shared/messages';

type Missing = 'nan' | 'nat' | 'na';

const NAN_CONSTANTS: Record<string, Missing> = {
  'numpy.nan': 'nan', 'numpy.NaN': 'nan', 'numpy.NAN': 'nan', 'math.nan': 'nan', 'torch.nan': 'nan',
  'pandas.NaT': 'nat', 'pandas.NA': 'na',
};
const FLOAT_NAN = /^\s*[+-]?nan\s*$/i;
const TENSOR_PACKAGES = ['torch', 'tensorflow', 'jax'];

/** Which missing-value marker `expression` is: `np.nan`, `float("nan")`, `pd.NaT`, `pd.NA`, or a name bound to one. */
function missingMarker(index: SemanticIndex, expression: Node): Missing | undefined {
  const node = index.valueOf(expression);
  if (node.type === 'identifier' || node.type === 'attribute') {
    const qname = index.qualify(node);
    return qname ? NAN_CONSTANTS[qname] : undefined;
  }
  if (node.type === 'call') {
    const call = index.call(node);
    const arg = call?.args[0];
    const text = arg ? stringValue(arg) : undefined;
    if (call?.qname && /^(builtins\.float|numpy\.float(16|32|64)?)$/.test(call.qname) && call.args.length === 1 && text !== undefined && FLOAT_NAN.test(text)) return 'nan';
  }
  return undefined;
}

/**
 * The NaN test to write instead, chosen conservatively: `pd.isna` when the operand is a pandas
 * object, or pandas is imported and no tensor library is (pd.isna handles scalars, arrays, None
 * and object columns); else `np.isnan` when NumPy is imported and no tensor library is; else
 * `math.isnan` for plain Python. A tensor library without pandas evidence gets no fix: the
 * operand may be a tensor, a NumPy array or a float, and each needs a different test.
 */
function nanTest(index: SemanticIndex, operand: Node, negated: boolean, marker: Missing): string | undefined {
  const pandas = index.moduleAlias('pandas');
  const tensors = index.importsAny(TENSOR_PACKAGES);
  const text = stripParens(operand).text;
  if (pandas && (isFrameOrSeries(pandasKind(index, operand)) || !tensors)) return `${pandas.local}.${negated ? 'notna' : 'isna'}(${text})`;
  if (marker !== 'nan' || tensors) return undefined;
  const numpy = index.moduleAlias('numpy');
  if (numpy) return `${negated ? '~' : ''}${numpy.local}.isnan(${text})`;
  const math = index.moduleAlias('math');
  if (math) return `${negated ? 'not ' : ''}${math.local}.isnan(${text})`;
  return undefined;
}

/**
 * A Spark column expression: a call of `pyspark.sql.functions` (`F.col("x")`, `F.lit(v)`), or a
 * method chain on one (`F.col("x").cast("double")`). Compared with `==` it builds a Spark SQL
 * condition, and Spark SQL treats NaN as equal to NaN: the comparison finds the NaN rows.
 */
function isSparkColumn(index: SemanticIndex, expression: Node): boolean {
  let node = stripParens(expression);
  while (node.type === 'call') {
    const qname = index.call(node)?.qname;
    if (qname?.startsWith('pyspark.sql.functions.')) return true;
    const callee = node.childForFieldName('function');
    const receiver = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
    if (!receiver) return false;
    node = stripParens(receiver);
  }
  return false;
}

/** Contexts where `not f(x)` can replace a comparison without parentheses. */
const NOT_SAFE_PARENTS = new Set(['expression_statement', 'assignment', 'return_statement', 'if_statement', 'elif_clause', 'while_statement', 'argument_list', 'keyword_argument', 'parenthesized_expression', 'boolean_operator', 'not_operator', 'assert_statement', 'conditional_expression', 'list', 'tuple', 'subscript']);

/** One comparison with a missing-value marker: the message it would carry alone, and the NaN test that replaces it. */
interface Comparison extends MemberDescriptor {
  node: Node;
  message: string;
  test?: string;
}

/**
 * The whole condition a comparison is an operand of: up through parentheses, `and`/`or`/`not` and
 * the element-wise `&`, `|`, `^`, `~` of a mask (`(df.a != NaT) & (df.b != NaT)`). Its comparisons
 * with NaN are one mistake in one test, fixed together.
 */
function wholeCondition(node: Node): Node {
  let current = node;
  for (let parent = current.parent; parent; parent = current.parent) {
    const operator = parent.childForFieldName('operator')?.text;
    const logical = parent.type === 'parenthesized_expression' || parent.type === 'boolean_operator' || parent.type === 'not_operator'
      || (parent.type === 'binary_operator' && (operator === '&' || operator === '|' || operator === '^'))
      || (parent.type === 'unary_operator' && operator === '~');
    if (!logical) break;
    current = parent;
  }
  return current;
}

function listen(context: RuleContext): RuleListeners {
  const conditions = new Map<number | string, Comparison[]>();
  return {
    comparison_operator: (node) => {
      const comparison = checkComparison(context, node);
      if (!comparison) return;
      const key = memoKey(wholeCondition(node));
      const members = conditions.get(key);
      if (members) members.push(comparison);
      else conditions.set(key, [comparison]);
    },
    finish: () => {
      for (const members of conditions.values()) {
        context.reportGroup({
          members,
          message: ([first, ...others]) => {
            if (others.length === 0) return first.message;
            const more = others.length > 1 ? `${others.length} other comparisons of this condition test` : '1 other comparison of this condition tests';
            return `${first.message} (${more} for a missing value the same way, linked)`;
          },
          fix: (left) => {
            if (!left.every((comparison) => comparison.test)) return undefined;
            const title = left.length > 1 ? `Test for missing values, in all ${left.length} comparisons` : `Test for missing values: ${shorten(left[0].test!, 50)}`;
            return { title, edits: left.map((comparison) => replaceNode(comparison.node, comparison.test!)) };
          },
        });
      }
    },
  };
}

function checkComparison(context: RuleContext, node: Node): Comparison | undefined {
  const { index } = context;
  const operands = node.namedChildren.filter((child): child is Node => !!child);
  const operator = node.childrenForFieldName('operators')[0]?.text;
  if (operands.length !== 2 || (operator !== '==' && operator !== '!=')) return undefined;
  const [left, right] = operands;
  const rightMarker = missingMarker(index, right);
  const leftMarker = rightMarker ? undefined : missingMarker(index, left);
  const marker = rightMarker ?? leftMarker;
  if (!marker) return undefined;
  const operand = rightMarker ? left : right;
  const markerNode = rightMarker ? right : left;
  // `np.nan == np.nan` is a demonstration, not a test of data.
  if (missingMarker(index, operand)) return undefined;
  if (marker === 'nan' && isSparkColumn(index, operand)) return undefined;
  const negated = operator === '!=';
  const kind = pandasKind(index, operand);
  const elementwise = isFrameOrSeries(kind);
  const shown = `${shorten(operand.text, 30)} ${operator} ${markerNode.text}`;
  let message: string;
  if (marker === 'na') {
    message = `\`${shown}\` does not test for missing values: comparisons with \`pd.NA\` return NA, never True or False`;
  } else {
    const outcome = negated ? 'True' : 'False';
    const what = marker === 'nat' ? 'NaT' : 'NaN';
    message = `\`${shown}\` is always ${outcome}${elementwise ? ' for every element' : ''}: ${what} is not equal to anything, not even itself`;
  }
  let test = nanTest(index, operand, negated, marker);
  if (test?.startsWith('not ') && !NOT_SAFE_PARENTS.has(node.parent?.type ?? '')) test = `(${test})`;
  return { node, message, related: `also compares with a missing-value marker: \`${shown}\``, ...(test ? { test } : {}) };
}

export const nanEquality: Rule = {
  meta: {
    code: 'MLD901',
    name: 'nan-equality',
    category: 'ml-api-misuse',
    severity: 'warning',
    recommended: true,
    fix: { safety: 'unsafe', title: 'Test with pd.isna / np.isnan' },
    smell: { name: 'NaN Equivalence Comparison Misused', feeds: 'data-testing-debt' },
    docs: {
      summary: 'A value is compared with NaN using `==` or `!=` (`x == np.nan`, `df[col] != float("nan")`, `s == pd.NaT`), which is always False (or always True); or with `pd.NA`, which returns NA.',
      why: 'NaN is not equal to anything, itself included, so `x == np.nan` never finds a missing value: a filter selects nothing, a check always passes, an imputation never runs — silently. It is exactly the kind of data check that fails without an error and leaves missing values to reach the model, feeding data testing debt (§8, Data Testing Debt). Zhang et al. list it as "NaN Equivalence Comparison Misused".',
      example: 'import numpy as np\nimport pandas as pd\n\ndf = pd.read_csv("patients.csv")\nmissing = df[df["age"] == np.nan]\nif value != float("nan"):\n    total += value',
      fix: 'Test for missing values with `pd.isna(x)` / `pd.notna(x)` (or `s.isna()` on a Series), `np.isnan(x)` for float arrays, `math.isnan(x)` for Python floats. The quick fix uses `pd.isna`/`pd.notna` when the operand is a pandas object, or when pandas is imported and no tensor library is; else `np.isnan`/`~np.isnan` when NumPy is imported (and no tensor library); else `math.isnan`. With a tensor library and no pandas evidence it offers no fix: the operand could be a tensor, an array or a float. It is unsafe: the code now finds the missing values it silently missed.',
      fixed: 'missing = df[pd.isna(df["age"])]\nif pd.notna(value):\n    total += value',
      nearMisses: '`x != x` (a NaN test), `np.isnan(x)`, `df.isna()`, comparisons with the string `"nan"`, `x is np.nan` and `np.nan == np.nan` written on purpose are left alone. So is a Spark column expression compared with NaN (`F.col("x") == np.nan`, `F.lit(v).cast("double") != float("nan")`): it builds a Spark SQL condition, and Spark SQL treats NaN as equal to NaN, so the condition does find the NaN rows. Several comparisons with NaN in one condition (`(df["start"] != pd.NaT) & (df["end"] != pd.NaT)`, `a == np.nan or b == np.nan`) are one mistake in one test, not one each: one finding, at the first, linked to the others, whose fix changes them all; comparisons in separate statements stay separate findings.',
    },
  },
  listen,
};
