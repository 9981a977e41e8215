// Objects built only to be looked at: shown as a notebook cell's value, printed, asked for their
// type or parameters, or never used at all; or built in the statement a test expects to raise.
// Such an object trains nothing and draws nothing, so rules about how a model is configured or
// seeded leave it alone.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { enclosingFunction, enclosingStatement, sameNode } from '../../semantics/nodes';

/** Calls that only show an object: its repr, its type, its parameters. */
export const SHOWING_FUNCTIONS = new Set(['builtins.print', 'builtins.repr', 'builtins.str', 'builtins.help', 'builtins.type', 'builtins.vars', 'builtins.dir', 'IPython.display.display']);
const SHOWING_METHODS = new Set(['get_params', '__repr__', '_repr_html_', 'get_metadata_routing']);

/**
 * True when the estimator built at `node` is only looked at, never trained: a notebook line that
 * shows it (`KMeans()` as a cell's last expression), `print(SVC())`, `SVC().get_params()`, or a
 * name every use of which is one of those, or that is never read (a lesson listing alternatives
 * that are rebound before any use). Its defaults are on display, not in a model.
 */
export function onlyInspected(index: SemanticIndex, node: Node, depth = 0): boolean {
  let current = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case 'parenthesized_expression':
        continue;
      case 'expression_statement':
        return true;
      case 'attribute':
        return sameNode(parent.childForFieldName('object'), current) && SHOWING_METHODS.has(parent.childForFieldName('attribute')?.text ?? '');
      case 'argument_list': {
        const qname = parent.parent ? index.call(parent.parent)?.qname : undefined;
        return !!qname && (SHOWING_FUNCTIONS.has(qname) || qname === 'display');
      }
      case 'assignment': {
        const target = parent.childForFieldName('left');
        if (depth > 2 || target?.type !== 'identifier' || !sameNode(parent.childForFieldName('right'), current)) return false;
        const definition = index.definitionsOf(target.text).find((d) => sameNode(d.node, target));
        const uses = definition ? index.dataflow.usesOf(definition) : [];
        // Never read at all: in a script, a notebook or a function nothing else can reach it (a
        // library module's global may be imported elsewhere).
        if (uses.length === 0) return !!definition && (index.isEntryPoint || !!enclosingFunction(parent));
        return uses.every((use) => use.role === 'load' && onlyInspected(index, use.node, depth + 1));
      }
      default:
        return false;
    }
  }
  return false;
}

/** Context managers that pass only when their block raises: pytest's and unittest's. */
const EXPECTS_RAISE_FUNCTIONS = new Set(['pytest.raises']);
const EXPECTS_RAISE_METHODS = new Set(['assertRaises', 'assertRaisesRegex', 'assertRaisesRegexp']);

/**
 * True when `node` lies in the simple statement that ends a `with pytest.raises(...):` or
 * `with self.assertRaises(...):` block. The test passes only if that statement never completes
 * (it raises, or an earlier one did), so nothing it builds is bound or used afterwards: an
 * estimator handed to a constructor whose argument check the test expects to fail trains nothing.
 * Statements before the last one may complete and bind names read below the block, so they count.
 */
export function builtWhereFailureExpected(index: SemanticIndex, node: Node): boolean {
  const statement = enclosingStatement(node);
  if (statement.type !== 'expression_statement') return false;
  const block = statement.parent;
  const withStatement = block?.type === 'block' ? block.parent : undefined;
  if (withStatement?.type !== 'with_statement' || !sameNode(block!.lastNamedChild, statement)) return false;
  const items = withStatement.namedChildren.find((child) => child?.type === 'with_clause')?.namedChildren ?? [];
  return items.some((item) => {
    let value = item?.type === 'with_item' ? item.childForFieldName('value') : null;
    if (value?.type === 'as_pattern') value = value.namedChild(0);
    const call = value?.type === 'call' ? index.call(value) : undefined;
    return !!call && ((!!call.qname && EXPECTS_RAISE_FUNCTIONS.has(call.qname)) || (!!call.method && EXPECTS_RAISE_METHODS.has(call.method)));
  });
}
