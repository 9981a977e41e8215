// File paths given to I/O calls: their value when it is known statically, and the string literal
// to edit when a fix rewrites them.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { isExact } from '../../semantics/dataflow';
import { stripParens } from '../../semantics/nodes';

export interface StaticPath {
  /** The path as far as it is known: literal parts joined with '/'. */
  value: string;
  /** The string literal holding the file name, when the whole path is one literal (here or in a constant). */
  literal?: Node;
}

/**
 * The value of a path expression when it is fully known: literals, variables bound to them,
 * `os.path.join(...)`, `Path(...)`, `a / "b"`, `"a" + "b"`, f-strings whose parts are known (the
 * def-use layer's path values). Anything computed at run time makes the path unknown.
 */
export function staticPath(index: SemanticIndex, expression: Node): StaticPath | undefined {
  const value = index.dataflow.pathOf(expression);
  if (!isExact(value)) return undefined;
  return value.literal ? { value: value.template, literal: value.literal } : { value: value.template };
}

/** The path a file object was opened on: `open(path, 'wb')` directly or via `with ... as f`. */
export function openedPath(index: SemanticIndex, fileExpression: Node): Node | undefined {
  const node = stripParens(fileExpression);
  let call = node.type === 'call' ? index.call(node) : undefined;
  if (!call && node.type === 'identifier') {
    const definition = index.definitionFor(node);
    if (definition?.value?.type === 'call') call = index.call(definition.value);
  }
  if (!call) return undefined;
  if (call.qname === 'builtins.open' || call.qname === 'io.open') return call.args[0] ?? call.kwargs.get('file');
  if (call.method === 'open' && call.receiver) return call.receiver; // Path("m.pkl").open("wb")
  return undefined;
}
