// The library checker of the value-kind engine that says which library produced a value (pandas,
// NumPy, torch, TensorFlow, or a plain list): followed from the expression back through variables
// (every binding that reaches the read must agree, values.ts' bindingKinds), subscripts, attribute
// access and method chains to the call that made it. `undefined` when the code does not show it
// (a parameter, a value of unknown origin, bindings that disagree): rules then stay silent.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from './index';
import { packageOf } from './library/packages';
import { stripParens } from './nodes';
import { bindingKinds, type CheckerMemo } from './values';

export type ValueLibrary = 'pandas' | 'numpy' | 'torch' | 'tensorflow' | 'list';

const KINDS: ReadonlySet<string> = new Set(['pandas', 'numpy', 'torch', 'tensorflow']);

/** Methods that turn a value of one library into another representation. */
const CONVERSIONS = new Map<string, ValueLibrary>([['numpy', 'numpy'], ['to_numpy', 'numpy'], ['tolist', 'list'], ['to_list', 'list']]);

const remembered: CheckerMemo<ValueLibrary> = new WeakMap();

/** The library (or plain list) a value comes from, when the code shows it. */
export function valueLibrary(index: SemanticIndex, expression: Node, depth = 0): ValueLibrary | undefined {
  if (depth > 10) return undefined;
  const node = stripParens(expression);
  switch (node.type) {
    case 'identifier': {
      const kinds = bindingKinds(index, node, remembered, (value) => valueLibrary(index, value, depth + 1), () => undefined);
      if (kinds) return kinds.every((kind) => kind === kinds[0]) ? kinds[0] : undefined;
      const value = index.valueOf(node);
      return value === node ? undefined : valueLibrary(index, value, depth + 1);
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      return value ? valueLibrary(index, value, depth + 1) : undefined;
    }
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute')?.text;
      if (!object || index.qualify(node)) return undefined;
      const kind = valueLibrary(index, object, depth + 1);
      return attribute === 'values' && kind === 'pandas' ? 'numpy' : kind;
    }
    case 'call': {
      const call = index.call(node);
      if (!call) return undefined;
      if (call.qname) {
        const pkg = packageOf(call.qname);
        return KINDS.has(pkg) ? (pkg as ValueLibrary) : undefined;
      }
      if (call.method && call.receiver) return CONVERSIONS.get(call.method) ?? valueLibrary(index, call.receiver, depth + 1);
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
