import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import { ancestor, nodeKey, stripParens } from '../semantics/nodes';
import { replaceNode } from './shared/edits';
import { isColumnAttribute, isFrameOrSeries, isMaskExpression, pandasKind } from '../semantics/pandas';
import type { MemberDescriptor, Rule, RuleContext, RuleListeners } from './types';
import { pushTo } from '../engine/collections';
import { shorten } from './shared/messages';

type Accessor = '[]' | 'loc' | 'iloc' | 'attribute';

/** One level of selection: `base[key]`, `base.loc[key]`, or the column attribute `base.name`. */
interface Selection {
  accessor: Accessor;
  base: Node;
  /** The keys inside the brackets (one per axis), or the column name for an attribute. */
  keys: Node[];
}

/** The selection `node` makes, if it is one. */
function selection(node: Node): Selection | undefined {
  const n = stripParens(node);
  if (n.type === 'subscript') {
    const value = n.childForFieldName('value');
    if (!value) return undefined;
    const keys = n.childrenForFieldName('subscript').filter((k): k is Node => !!k);
    const v = stripParens(value);
    const indexer = v.type === 'attribute' ? v.childForFieldName('attribute')?.text : undefined;
    const object = v.type === 'attribute' ? v.childForFieldName('object') : null;
    if (object && (indexer === 'loc' || indexer === 'iloc')) return { accessor: indexer, base: object, keys };
    return { accessor: '[]', base: value, keys };
  }
  if (n.type === 'attribute') {
    const object = n.childForFieldName('object');
    const name = n.childForFieldName('attribute');
    if (object && name && isColumnAttribute(name.text)) return { accessor: 'attribute', base: object, keys: [name] };
  }
  return undefined;
}

function isColumnKey(index: SemanticIndex, key: Node): boolean {
  const k = stripParens(key);
  if (k.type === 'string' || k.type === 'concatenated_string') return true;
  if (k.type === 'list') return k.namedChildren.length > 0 && k.namedChildren.every((item) => item?.type === 'string');
  return index.literal(k)?.kind === 'string';
}

/** `df.loc[rows, cols]` for the chain, when which key selects rows and which columns is unambiguous. */
function locRewrite(index: SemanticIndex, inner: Selection, outer: Selection): string | undefined {
  if (inner.keys.length !== 1 || outer.keys.length !== 1 || outer.accessor === 'attribute') return undefined;
  const [innerKey] = inner.keys;
  const [outerKey] = outer.keys;
  if (stripParens(innerKey).type === 'tuple' || stripParens(outerKey).type === 'tuple') return undefined;
  let rows: string | undefined;
  let columns: string | undefined;
  const column = inner.accessor === 'attribute' ? JSON.stringify(innerKey.text) : innerKey.text;
  if ((inner.accessor === '[]' && isColumnKey(index, innerKey)) || inner.accessor === 'attribute') {
    // df["a"][mask], df.a[mask], df["a"].loc[labels]
    if (outer.accessor === 'loc' || (outer.accessor === '[]' && isMaskExpression(outerKey, index))) [rows, columns] = [outerKey.text, column];
  } else if (outer.accessor === '[]' && isColumnKey(index, outerKey)) {
    // df[mask]["a"], df.loc[labels]["a"]
    if (inner.accessor === 'loc' || (inner.accessor === '[]' && isMaskExpression(innerKey, index))) [rows, columns] = [innerKey.text, outerKey.text];
  }
  return rows !== undefined && columns !== undefined ? `${inner.base.text}.loc[${rows}, ${columns}]` : undefined;
}

/** One chained write: the target, what it names in the message, and its one-step form when known. */
interface ChainedWrite extends MemberDescriptor {
  node: Node;
  /** The frame written into, as written, and the form of the chain (`stats` through `[]` then `[]`). */
  frame: string;
  base: string;
  intermediate: string;
  rewrite?: string;
}

/**
 * The chained writes of one frame through one form of chain in one loop, function or module
 * (`stats["mean"][i] = ...` and `stats["std"][i] = ...` in one loop body, also across the arms of
 * an `if`/`elif` or `try`/`except` inside it) are one habit of writing, fixed together: one finding
 * at the first, linked to the others. Writes in another loop or function, into another frame, or
 * through another form (`df.iloc[0]["a"]` beside `df["b"][i]`) stay apart.
 */
function listen(context: RuleContext): RuleListeners {
  const groups = new Map<string, (ChainedWrite & { scope: string })[]>();
  const check = (statement: Node) => {
    const write = chainedWrite(context.index, statement);
    if (write) {
      const scope = writingScope(statement);
      pushTo(groups, `${nodeKey(scope)}\u0000${write.frame}`, { ...write, scope: SCOPE_WORDS[scope.type] ?? 'here' });
    }
  };
  return {
    assignment: check,
    augmented_assignment: check,
    finish() {
      for (const members of groups.values()) {
        context.reportGroup({
          members,
          message: ([first, ...others]) => {
            const more = others.length > 0 ? ` (as ${others.length > 1 ? `do ${others.length} other writes` : 'does 1 other write'} into it through the same kind of selection ${first.scope}, linked)` : '';
            return `Chained assignment: this writes into ${first.intermediate}, which may be a copy, so ${first.base} may not change (under pandas copy-on-write it never does)${more}`;
          },
          fix: (left) => (left.every((write) => write.rewrite)
            ? { title: left.length > 1 ? `Assign in one step, in all ${left.length} writes` : `Assign in one step: ${shorten(left[0].rewrite!, 60)}`, edits: left.map((write) => replaceNode(write.node, write.rewrite!)) }
            : undefined),
        });
      }
    },
  };
}

const SCOPE_WORDS: Readonly<Record<string, string>> = {
  function_definition: 'in this function', lambda: 'in this function', class_definition: 'in this class', module: 'at the top level',
};

/** The scopes whose writes are one habit: a function, a class body, the module. */
const WRITING_SCOPES: ReadonlySet<string> = new Set(['function_definition', 'lambda', 'class_definition']);

/**
 * The function, class or module that runs `statement`. Its loops and the arms of an `if`, `try` or
 * `with` inside it are not a scope of their own: a function that writes one frame through the same
 * kind of chain in a loop of one arm and in another arm (`scores["auc"][i] = ...` while searching,
 * `scores["auc"][0] = ...` otherwise) repeats one habit, not several.
 */
function writingScope(statement: Node): Node {
  const around = ancestor(statement, WRITING_SCOPES);
  if (around) return around;
  let current = statement;
  while (current.parent) current = current.parent;
  return current;
}

function chainedWrite(index: SemanticIndex, statement: Node): ChainedWrite | undefined {
  const left = statement.childForFieldName('left');
  if (!left || stripParens(left).type !== 'subscript') return undefined;
  const outer = selection(left)!;
  const inner = selection(outer.base);
  if (!inner) return undefined;
  const baseKind = pandasKind(index, inner.base);
  // A column attribute (`df.age[...]`) exists on frames only.
  if (inner.accessor === 'attribute' ? baseKind !== 'frame' : !isFrameOrSeries(baseKind)) return undefined;
  const base = inner.base.text.length > 30 ? 'the frame' : `\`${inner.base.text}\``;
  const intermediate = outer.base.text.length > 40 ? 'an intermediate selection' : `\`${outer.base.text}\``;
  const rewrite = baseKind === 'frame' ? locRewrite(index, inner, outer) : undefined;
  return { node: left, frame: `${inner.base.text}\u0000${inner.accessor}\u0000${outer.accessor}`, base, intermediate, rewrite, related: `also writes into ${intermediate} through a selection` };
}

export const chainedAssignment: Rule = {
  meta: {
    code: 'MLD902',
    name: 'chained-assignment',
    category: 'ml-api-misuse',
    severity: 'warning',
    recommended: true,
    fix: { safety: 'unsafe', title: 'Assign through one .loc[rows, columns]' },
    smell: { name: 'Chain Indexing', feeds: 'data-testing-debt' },
    docs: {
      summary: 'A value is assigned through two chained selections of a pandas object (`df["a"][mask] = v`, `df[mask]["a"] = v`, `df.loc[i]["a"] = v`), which writes into an intermediate object that may be a copy.',
      why: 'Whether `df["a"][mask] = 0` changes `df` depends on whether pandas returned a view or a copy for the first selection — an implementation detail that differs between selections, dtypes and pandas versions; under copy-on-write (the default from pandas 3.0) it never does. The cleaning step silently does nothing and the model trains on data the code says was fixed: only a test of the data itself would notice, which is why the smell feeds data testing debt (§8, Data Testing Debt). Zhang et al. list it as "Chain Indexing".',
      example: 'import pandas as pd\n\ndf = pd.read_csv("houses.csv")\ndf["price"][df["price"] < 0] = 0\ndf[df["rooms"] > 10]["rooms"] = 10',
      fix: 'Select rows and columns in one `.loc[rows, columns]` assignment. The quick fix writes `df.loc[mask, "a"] = v` when the roles are unambiguous — one key is a column label (a string, a list of strings or a string constant) and the other a boolean mask or a `.loc` label — and reports without a fix otherwise (a positional `[i]`, an `.iloc` mixed with labels). It is unsafe: the assignment now takes effect where it silently may not have.',
      fixed: 'df.loc[df["price"] < 0, "price"] = 0\ndf.loc[df["rooms"] > 10, "rooms"] = 10',
      nearMisses: 'Only objects the file shows to be pandas are reported: `d["a"][0] = v` on a dict or list, `arr[i][j] = v` on a NumPy array, and chains on objects of unknown origin are left alone, as are single-step assignments (`df.loc[mask, "a"] = v`, `df["a"] = ...`) and chained reads. The chained writes of one frame through one form of chain in one function, class body or module (`stats["mean"][i] = ...`, `stats["std"][i] = ...` in a loop, `stats["total"][0] = 0` after it) are one habit of writing: one finding at the first, linked to the others, whose fix writes each in one step when every one has a one-step form. Its loops and the arms of an `if`/`elif`/`else` or a `try`/`except` are part of it, not places of their own: a parsing loop that writes `df["low"][i]` in each arm of its `elif` chain, or a function that fills `scores["auc"][i]` in a search loop of one arm and `scores["auc"][0]` in the other, repeats the same habit once, and is one finding. Writes into another frame, in another function, or through another form (`stats.iloc[i]["min"]` beside `stats["mean"][i]`) are findings of their own.',
    },
  },
  listen,
};
