// File paths given to I/O calls: their value when it is known statically, and the string literal
// to edit when a fix rewrites them.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { stringValue } from '../../semantics/literals';
import { stripParens } from '../../semantics/nodes';

export interface StaticPath {
  /** The path as far as it is known: literal parts joined with '/'. */
  value: string;
  /** The string literal holding the file name, when the whole path is one literal (here or in a constant). */
  literal?: Node;
}

const JOIN_FUNCTIONS = new Set(['os.path.join', 'posixpath.join', 'ntpath.join']);
const PATH_CONSTRUCTORS = new Set(['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.WindowsPath']);

/**
 * The value of a path expression built only from literals and module constants: a string,
 * `os.path.join(...)`, `Path(...)`, `a / "b"` on paths, `"a" + "b"`. Anything computed at run time
 * (a variable, an f-string interpolation, a call) makes the path unknown.
 */
export function staticPath(index: SemanticIndex, expression: Node, depth = 0): StaticPath | undefined {
  if (depth > 6) return undefined;
  const node = stripParens(expression);
  if (node.type === 'string' || node.type === 'concatenated_string') {
    const value = stringValue(node);
    return value === undefined ? undefined : { value, literal: node };
  }
  if (node.type === 'identifier') {
    const constant = index.constantAt(node);
    if (!constant || constant.value.kind !== 'string') return undefined;
    const value = constant.definition.value;
    return value ? staticPath(index, value, depth + 1) : undefined;
  }
  if (node.type === 'call') {
    const call = index.call(node);
    if (!call?.qname || call.hasSplat || call.kwargs.size > 0) return undefined;
    if (!JOIN_FUNCTIONS.has(call.qname) && !PATH_CONSTRUCTORS.has(call.qname)) return undefined;
    return joinParts(call.args.map((arg) => staticPath(index, arg, depth + 1)));
  }
  if (node.type === 'binary_operator') {
    const operator = node.childForFieldName('operator')?.text;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right || (operator !== '/' && operator !== '+')) return undefined;
    const parts = [staticPath(index, left, depth + 1), staticPath(index, right, depth + 1)];
    if (operator === '/') return joinParts(parts);
    if (parts.some((p) => !p)) return undefined;
    return { value: parts.map((p) => p!.value).join('') };
  }
  return undefined;
}

function joinParts(parts: (StaticPath | undefined)[]): StaticPath | undefined {
  if (parts.length === 0 || parts.some((p) => !p)) return undefined;
  const known = parts as StaticPath[];
  const result: StaticPath = { value: known.map((p) => p.value).join('/').replace(/\/{2,}/g, '/') };
  const last = known[known.length - 1];
  if (last.literal) result.literal = last.literal;
  return result;
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
