// Which object an expression stands for, as far as its bindings tell: two reads of `model` see the
// same object when a binding that reaches one also reaches the other. Rules use it to tell "the
// same model" (self-training, a loop over folds) from "another model" (a cascade).
import type { Node } from 'web-tree-sitter';
import { objectRoot, type DataFlow } from '../../semantics/dataflow';
import type { CallSite, Definition } from '../../semantics/types';
import { sameNode, stripParens } from '../../semantics/nodes';
import { cutAtToken } from './messages';
import { pushTo } from '../../engine/collections';

/** The bindings the name holding `expression` can have here (`model` in `model.fit`); empty when it is not held by a name. */
export function bindingsOf(flow: DataFlow, expression: Node): readonly Definition[] {
  const root = objectRoot(expression);
  if (!root) return [];
  const read = flow.readAt(root);
  if (read) return flow.reachingDefinitions(read);
  // A name where it is bound (`scaler` in `scaler = StandardScaler().fit(X)`) holds that binding.
  return flow.index.definitionsOf(root.text).filter((definition) => definition.node.startIndex === root.startIndex);
}

/** What follows the name in an object's path (`.model` in `self.model`, `["rf"]` in `models["rf"]`). */
export function pathAfterName(expression: Node): string {
  const node = stripParens(expression);
  const root = objectRoot(node);
  return root ? node.text.slice(root.endIndex - node.startIndex).replace(/\s+/g, '') : node.text;
}

/**
 * A key two expressions share whenever mayBeSameObject holds for them (the root name and the
 * path after it); undefined for an expression held by no name, which matches nothing.
 */
export function sameObjectKey(expression: Node): string | undefined {
  const root = objectRoot(stripParens(expression));
  return root ? `${root.text}${pathAfterName(expression)}` : undefined;
}

/**
 * True when two expressions may hold the same object: the same path from names that share a
 * binding, or from the same name bound nowhere in the file (a global given from outside).
 */
export function mayBeSameObject(flow: DataFlow, a: Node, b: Node): boolean {
  if (pathAfterName(a) !== pathAfterName(b)) return false;
  const ours = bindingsOf(flow, a);
  const theirs = bindingsOf(flow, b);
  if (ours.length === 0 && theirs.length === 0) {
    const [x, y] = [objectRoot(a), objectRoot(b)];
    return !!x && !!y && x.text === y.text && flow.index.definitionsOf(x.text).length === 0;
  }
  return ours.some((definition) => theirs.includes(definition));
}

/**
 * A set of objects up to mayBeSameObject: an object is in it when it may be the same object as
 * one added. Compared only within one sameObjectKey, so a set of many models stays linear.
 */
export class ObjectSet {
  private readonly byKey = new Map<string, Node[]>();

  constructor(private readonly flow: DataFlow) {}

  has(expression: Node): boolean {
    const key = sameObjectKey(expression);
    return key !== undefined && (this.byKey.get(key) ?? []).some((other) => mayBeSameObject(this.flow, other, expression));
  }

  add(expression: Node): void {
    const key = sameObjectKey(expression);
    if (key !== undefined) pushTo(this.byKey, key, expression);
  }
}

/** The name an expression's value is bound to when it is the whole right side of `name = expression`. */
export function assignedName(expression: Node): Node | undefined {
  const parent = expression.parent;
  const left = parent?.type === 'assignment' && parent.childForFieldName('right')?.startIndex === expression.startIndex ? parent.childForFieldName('left') : null;
  return left?.type === 'identifier' ? left : undefined;
}

/** The name a call calls: the method (`evaluate` in `trainer.evaluate()`) or the function (`evaluate(model)`). */
export function calledName(call: CallSite): string | undefined {
  return call.method ?? (call.callee.type === 'identifier' ? call.callee.text : undefined);
}

/**
 * Whether `call` may run a function or method of the file named `name`: a call by that name that
 * does not go through an import or a builtin. `torch.save(...)` and `np.save(...)` are the
 * libraries' own, so they never run the file's `def save(self, path)`.
 */
export function mayCallOwn(call: CallSite, name: string): boolean {
  return !call.qname && calledName(call) === name;
}

/** True when an expression around `node`, within its statement, passes `test`. */
export function enclosedBy(node: Node, test: (around: Node) => boolean): boolean {
  for (let around = node.parent; around && around.type !== 'expression_statement' && around.type !== 'block'; around = around.parent) {
    if (test(around)) return true;
  }
  return false;
}

/** A short name for an expression in a message: its text when it is short and on one line. */
export function shortText(node: Node, max = 40): string {
  return cutAtToken(node.text.replace(/\s+/g, ' '), max, '…');
}

/** The list, tuple or dictionary `node` is an element of (also as a dictionary entry's value). */
export function elementOf(node: Node): Node | undefined {
  const parent = node.parent;
  const container = parent?.type === 'pair' && sameNode(parent.childForFieldName('value'), node) ? parent.parent : parent;
  return container && ['list', 'tuple', 'expression_list', 'dictionary'].includes(container.type) ? container : undefined;
}
