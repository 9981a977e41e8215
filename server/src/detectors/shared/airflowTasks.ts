// The order of the tasks of an Airflow DAG written in the file: `PythonOperator(task_id=...,
// python_callable=fn)` bound to names, and the dependencies set between those names with `>>`,
// `<<`, `set_downstream` and `set_upstream`. The scheduler starts a task only once every task
// upstream of it has succeeded, so a task downstream of another runs after it in the same DAG run.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import { isAncestorOf, stripParens } from '../../semantics/nodes';

/** Airflow's operators that run a Python function of the file (`PythonOperator`, `BranchPythonOperator`, ...). */
const PYTHON_OPERATOR = /^airflow\..*\.\w*PythonOperator$|^airflow\..*\.ShortCircuitOperator$/;

interface DagOrder {
  /** The function each task runs, by the name the task is bound to. */
  callables: Map<string, Node>;
  /** The tasks directly downstream of each task, by name. */
  downstream: Map<string, Set<string>>;
}

const orders = new WeakMap<SemanticIndex, DagOrder>();

function dagOrder(index: SemanticIndex): DagOrder {
  let order = orders.get(index);
  if (order) return order;
  order = { callables: new Map(), downstream: new Map() };
  orders.set(index, order);
  if (!index.importedPackages.has('airflow')) return order;
  for (const call of index.calls) {
    const callable = call.qname && PYTHON_OPERATOR.test(call.qname) ? call.kwargs.get('python_callable') : undefined;
    const assignment = call.node.parent;
    const target = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
    const fn = callable && stripParens(callable).type === 'identifier' ? index.definitionFor(stripParens(callable)) : undefined;
    if (target?.type === 'identifier' && fn?.kind === 'def' && fn.statement) order.callables.set(target.text, fn.statement);
  }
  if (order.callables.size < 2) return order;
  const edge = (from: readonly string[], to: readonly string[]) => {
    for (const a of from) for (const b of to) {
      let next = order!.downstream.get(a);
      if (!next) order!.downstream.set(a, (next = new Set()));
      next.add(b);
    }
  };
  // `a >> b` and `a << b` return `b`: a chain `a >> b >> c` sets a before b, then b before c.
  const tasks = (expression: Node): string[] => {
    const node = stripParens(expression);
    if (node.type === 'identifier') return order!.callables.has(node.text) ? [node.text] : [];
    if (node.type === 'list' || node.type === 'tuple') return node.namedChildren.flatMap((item) => (item ? tasks(item) : []));
    if (node.type !== 'binary_operator') return [];
    const operator = node.childForFieldName('operator')?.text;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right || (operator !== '>>' && operator !== '<<')) return [];
    const [before, after] = [tasks(left), tasks(right)];
    if (operator === '>>') edge(before, after);
    else edge(after, before);
    return after;
  };
  for (const statement of index.nodes('expression_statement')) {
    const expression = statement.namedChild(0);
    if (expression?.type === 'binary_operator') tasks(expression);
  }
  for (const method of ['set_downstream', 'set_upstream'] as const) {
    for (const call of index.methodCalls(method)) {
      const [self, other] = [call.receiver ? tasks(call.receiver) : [], call.args[0] ? tasks(call.args[0]) : []];
      if (method === 'set_downstream') edge(self, other);
      else edge(other, self);
    }
  }
  return order;
}

/**
 * True when `write` is in the function a task of an Airflow DAG of the file runs, and `read` in the
 * function of a task downstream of it, which the file never calls itself: in every DAG run the
 * read comes after the write.
 */
export function writtenByUpstreamTask(index: SemanticIndex, write: Node, read: Node): boolean {
  const { callables, downstream } = dagOrder(index);
  if (downstream.size === 0) return false;
  const holding = (site: Node) => [...callables].filter(([, fn]) => isAncestorOf(fn, site)).map(([task]) => task);
  const readers = new Set(holding(read));
  if (readers.size === 0 || [...readers].some((task) => index.dataflow.callsOf(callables.get(task)!).length > 0)) return false;
  const seen = new Set<string>();
  const queue = holding(write);
  while (queue.length > 0) {
    for (const next of downstream.get(queue.pop()!) ?? []) {
      if (readers.has(next)) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}
