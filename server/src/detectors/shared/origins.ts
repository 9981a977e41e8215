// Which library produced a value: followed from the expression back through variables,
// subscripts, attribute access and method chains to the call that made it. `undefined` when the
// code does not show it (a parameter, a value of unknown origin): rules then stay silent.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { stripParens } from '../../semantics/nodes';
import { packageOf } from './libraries';

export type ValueKind = 'pandas' | 'numpy' | 'torch' | 'tensorflow' | 'list';

const KINDS: ReadonlySet<string> = new Set(['pandas', 'numpy', 'torch', 'tensorflow']);

/** Methods that turn a value of one library into another representation. */
const CONVERSIONS = new Map<string, ValueKind>([['numpy', 'numpy'], ['to_numpy', 'numpy'], ['tolist', 'list'], ['to_list', 'list']]);

/** The library (or plain list) a value comes from, when the code shows it. */
export function valueKind(index: SemanticIndex, expression: Node, depth = 0): ValueKind | undefined {
  if (depth > 10) return undefined;
  const node = stripParens(expression);
  switch (node.type) {
    case 'identifier': {
      const value = index.valueOf(node);
      return value === node ? undefined : valueKind(index, value, depth + 1);
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      return value ? valueKind(index, value, depth + 1) : undefined;
    }
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute')?.text;
      if (!object || index.qualify(node)) return undefined;
      const kind = valueKind(index, object, depth + 1);
      return attribute === 'values' && kind === 'pandas' ? 'numpy' : kind;
    }
    case 'call': {
      const call = index.call(node);
      if (!call) return undefined;
      if (call.qname) {
        const pkg = packageOf(call.qname);
        return KINDS.has(pkg) ? (pkg as ValueKind) : undefined;
      }
      if (call.method && call.receiver) return CONVERSIONS.get(call.method) ?? valueKind(index, call.receiver, depth + 1);
      // Calling a torch module gives a tensor.
      const module = index.constructedClass(call.callee);
      return module && index.classMatches(module, (q) => q.startsWith('torch.nn.')) ? 'torch' : undefined;
    }
    case 'list':
    case 'list_comprehension':
      return 'list';
    default:
      return undefined;
  }
}
