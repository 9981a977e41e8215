import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import { enclosingFunction, enclosingLoops, enclosingStatement, LOOP_TYPES, nodeKey, stripParens, up } from '../semantics/nodes';
import { insertBeforeStatement } from './shared/edits';
import { isTorchOptimizer } from '../semantics/torch';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';
import { shorten } from './shared/messages';
import { bindingsOf } from './shared/objects';
import { literalValue } from '../semantics/literals';

const GRAD_SCALERS = new Set(['torch.cuda.amp.GradScaler', 'torch.amp.GradScaler', 'torch.cpu.amp.GradScaler', 'torch.amp.grad_scaler.GradScaler']);

/** The optimizer an optimizer step updates: `opt.step()`, or `scaler.step(opt)` with AMP. */
function steppedOptimizer(index: SemanticIndex, call: CallSite): Node | undefined {
  if (call.method !== 'step' || !call.receiver) return undefined;
  if (isTorchOptimizer(index, call.receiver)) return call.receiver;
  const scaler = index.constructedClass(stripParens(call.receiver));
  const optimizer = call.args[0];
  return scaler && GRAD_SCALERS.has(scaler) && optimizer && isTorchOptimizer(index, optimizer) ? optimizer : undefined;
}

function isBackward(call: CallSite): boolean {
  return call.method === 'backward' || call.qname === 'torch.autograd.backward';
}

/**
 * True when the backward pass is asked of a name that holds only a constant wherever it reaches
 * the call (`loss = 0` or `loss = None`, and nothing computed into it): an exercise's slot for the
 * loss left empty. Neither has a `backward`, so no gradient is computed, let alone accumulated.
 */
function backwardOfConstant(index: SemanticIndex, call: CallSite): boolean {
  const tensor = call.qname === 'torch.autograd.backward' ? call.args[0] : call.receiver;
  if (!tensor || stripParens(tensor).type !== 'identifier') return false;
  const bindings = bindingsOf(index.dataflow, tensor);
  return bindings.length > 0 && bindings.every((binding) => binding.kind === 'assign' && !!binding.value && literalValue(binding.value) !== undefined);
}

/**
 * Where gradients are cleared: `zero_grad()` calls, `p.grad = None`, `p.grad.zero_()`, and calls to
 * the file's own functions that clear them (`reset_gradients()`).
 */
interface Clearing {
  /** The loops around a clearing, at any depth (by nodeKey): found once, not asked per loop of each clearing. */
  loops: Set<string>;
  functions: Set<string>;
}

/** The loops around each clearing and the functions holding one: what `clearsInside` asks of every loop. */
function clearingOf(nodes: readonly Node[]): Clearing {
  const loops = new Set<string>();
  for (const node of nodes) for (let outer = up(node, true); outer; outer = up(outer, true)) if (LOOP_TYPES.has(outer.type)) loops.add(nodeKey(outer));
  return { loops, functions: clearingFunctions(nodes) };
}

function clearsGradients(call: CallSite): boolean {
  const receiver = call.receiver ? stripParens(call.receiver) : undefined;
  const onGrad = receiver?.type === 'attribute' && /^(grad|data)$/.test(receiver.childForFieldName('attribute')?.text ?? '') && /\.grad(\.data)?$/.test(receiver.text);
  return call.method === 'zero_grad' || (call.method === 'zero_' && onGrad);
}

/** The calls the listener acts on: backward passes, clearings of gradients and optimizer steps. */
export function isGradientCall(call: CallSite): boolean {
  return isBackward(call) || clearsGradients(call) || call.method === 'step';
}

/** The calls isGradientCall accepts, for the engine to look up: most calls of a training script are none of these. */
export const GRADIENT_CALLEES: CalleeSelection = { methods: ['backward', 'zero_grad', 'zero_', 'step'], qualified: ['torch.autograd.backward'] };

function assignsGradient(assignment: Node): boolean {
  const left = assignment.childForFieldName('left');
  return left?.type === 'attribute' && left.childForFieldName('attribute')?.text === 'grad';
}

/** The functions of the file holding a clearing, by name. */
function clearingFunctions(nodes: readonly Node[]): Set<string> {
  const functions = new Set<string>();
  for (const node of nodes) {
    const name = enclosingFunction(node)?.childForFieldName('name')?.text;
    if (name) functions.add(name);
  }
  return functions;
}

function clearsInside(index: SemanticIndex, loop: Node, clearing: Clearing): boolean {
  if (clearing.loops.has(nodeKey(loop))) return true;
  return index.callsWithin(loop).some((call) => clearing.functions.has(call.method ?? call.callee.text));
}

function listen(context: RuleContext): RuleListeners | undefined {
  const { index } = context;
  if (!index.importsModule('torch')) return undefined;
  // Each loop around an optimizer step, with the first step it runs (keyed by the loop's node).
  const stepsByLoop = new Map<string, { call: CallSite; optimizer: Node }>();
  const cleared: Node[] = [];
  const backwards: CallSite[] = [];
  return {
    callees: GRADIENT_CALLEES,
    call(call) {
      if (isBackward(call)) backwards.push(call);
      if (clearsGradients(call)) cleared.push(call.node);
      const optimizer = steppedOptimizer(index, call);
      if (!optimizer) return;
      for (const loop of enclosingLoops(call.node)) if (!stepsByLoop.has(nodeKey(loop))) stepsByLoop.set(nodeKey(loop), { call, optimizer });
    },
    assignment(assignment) {
      if (assignsGradient(assignment)) cleared.push(assignment);
    },
    finish() {
      if (stepsByLoop.size === 0) return;
      const passes = backwards.filter((call) => !backwardOfConstant(index, call));
      report(context, stepsByLoop, passes, clearingOf(cleared));
    },
  };
}

/**
 * Each loop with a backward pass and an optimizer step but no clearing, once, at the backward pass
 * whose gradients its first step applies: the last one before that step in the loop (a loop that
 * steps two optimizers, each after its own backward pass), else the loop's first.
 */
function report(context: RuleContext, stepsByLoop: ReadonlyMap<string, { call: CallSite; optimizer: Node }>, backwards: readonly CallSite[], clearing: Clearing): void {
  const { index, doc } = context;
  // The innermost loop that runs both the backward pass and a step.
  const loopOf = (backward: CallSite) => enclosingLoops(backward.node).find((l) => stepsByLoop.has(nodeKey(l)));
  const reported = new Set<string>();
  for (const first of backwards) {
    const loop = loopOf(first);
    const key = loop ? nodeKey(loop) : undefined;
    if (!loop || !key || reported.has(key)) continue;
    reported.add(key);
    if (clearsInside(index, loop, clearing)) continue;
    const step = stepsByLoop.get(key)!;
    const backward = backwards.filter((b) => b.node.endIndex <= step.call.node.startIndex && nodeKey(loopOf(b) ?? b.node) === key).pop() ?? first;
    const optimizer = step.optimizer.text;
    const edit = insertBeforeStatement(doc, enclosingStatement(backward.node), `${optimizer}.zero_grad()`);
    context.report({
      node: backward.node,
      message: `\`${shorten(backward.node.text)}\` adds to the gradients of the previous iteration: this loop calls \`${shorten(step.call.node.text)}\` but never \`${shorten(optimizer)}.zero_grad()\``,
      related: [{ node: step.call.node, message: 'the optimizer step that applies the accumulated gradients' }],
      ...(edit ? { fix: { title: `Clear the gradients first: ${optimizer}.zero_grad()`, edits: [edit] } } : {}),
    });
  }
}

export const missingZeroGrad: Rule = {
  meta: {
    code: 'MLD905',
    name: 'missing-zero-grad',
    category: 'ml-api-misuse',
    severity: 'warning',
    recommended: true,
    fix: { safety: 'unsafe', title: 'Insert optimizer.zero_grad() before the backward pass' },
    smell: { name: 'Gradients Not Cleared before Backward Propagation', feeds: 'monitoring-and-testing' },
    docs: {
      summary: 'A PyTorch training loop calls `loss.backward()` and `optimizer.step()` but never clears the gradients (`optimizer.zero_grad()`, `model.zero_grad()`) in the loop.',
      why: 'PyTorch adds each backward pass to the gradients already stored in the parameters. Without clearing them, every step applies the sum of all gradients since the loop started: the effective learning rate grows, training diverges or converges somewhere else, and nothing raises an error. The model is simply worse, and only evaluation and monitoring of its quality reveal it (§7, Monitoring and Testing). Zhang et al. list it as "Gradients Not Cleared before Backward Propagation".',
      example: 'import torch\n\noptimizer = torch.optim.SGD(model.parameters(), lr=0.01)\nfor x, y in loader:\n    loss = loss_fn(model(x), y)\n    loss.backward()\n    optimizer.step()',
      fix: 'Clear the gradients once per optimizer step: `optimizer.zero_grad()` before the backward pass (or after the step). For gradient accumulation, clear them every N steps, when you step. The finding and the quick fix are at the backward pass whose gradients the step applies: the last one before the step in the loop (a loop that also trains a reference model with an optimizer of its own has two). The quick fix inserts `optimizer.zero_grad()` just before the statement with that backward pass. It is unsafe: training changes (it becomes correct).',
      fixed: 'for x, y in loader:\n    loss = loss_fn(model(x), y)\n    optimizer.zero_grad()\n    loss.backward()\n    optimizer.step()',
      nearMisses: 'Loops that clear gradients anywhere inside them are fine: `optimizer.zero_grad(set_to_none=True)`, `model.zero_grad()`, `p.grad = None`, `p.grad.zero_()`, a helper of the file that does one of these, or gradient accumulation that clears every N steps. A backward pass in a closure passed to `optimizer.step(closure)` (LBFGS) is not in the loop. Optimizers the file does not build from `torch.optim` (or transformers, timm, bitsandbytes) are not assumed, nor is a name that holds one on some paths only (`opt = restore(...)` on one branch), and learning-rate schedulers\' `step()` is not an optimizer step. A backward pass asked of a name that holds only a constant where it is called (`loss = 0` or `loss = None`, with nothing computed into it: an exercise whose slot for the loss is still empty) computes no gradient at all, since neither a number nor None has a `backward`, and is not reported; a loss that starts at 0 and has batch losses added to it (`loss += loss_fn(out, y)`) is a tensor, and is.',
    },
  },
  listen,
};
