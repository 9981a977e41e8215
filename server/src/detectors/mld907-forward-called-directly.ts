import type { Node } from 'web-tree-sitter';
import { enclosingFunction, stripParens } from '../semantics/nodes';
import { pushTo } from '../engine/collections';
import { replaceNode } from './shared/edits';
import { moduleOrigin } from '../semantics/torch';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';
import { shorten } from './shared/messages';

/** `self` (the first parameter of a method) or `super()` / `super(Cls, self)`: a module calling its own or its parent's forward. */
function isOwnForward(receiver: Node): boolean {
  const node = stripParens(receiver);
  if (node.type === 'call') return node.childForFieldName('function')?.text === 'super';
  if (node.type !== 'identifier') return false;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'function_definition') return current.childForFieldName('parameters')?.namedChild(0)?.text === node.text;
  }
  return false;
}

const CALLEES: CalleeSelection = { methods: ['forward'] };

interface DirectCall {
  node: Node;
  related: string;
  message: string;
  edit: ReturnType<typeof replaceNode>;
  shown: string;
}

/**
 * The direct `.forward` calls of one function (or of the top level) are one finding: one habit of
 * calling modules, linked at each place, and one fix that calls every one of them.
 */
function listen(context: RuleContext): RuleListeners {
  const { index } = context;
  const byScope = new Map<number, DirectCall[]>();
  return {
    callees: CALLEES,
    call(call) {
      if (!call.receiver || isOwnForward(call.receiver)) return;
      if (!moduleOrigin(index, call.receiver)) return;
      const receiver = call.receiver.text;
      const args = call.argumentList?.text ?? '(...)';
      const shown = shorten(`${receiver}${args}`, 50);
      const scope = enclosingFunction(call.node)?.startIndex ?? -1;
      pushTo(byScope, scope, {
        node: call.callee,
        related: `\`${shorten(receiver)}.forward(...)\` skips the module's \`__call__\` too`,
        message: `\`${shorten(receiver)}.forward(...)\` skips the module's \`__call__\`, so its forward and backward hooks do not run: call \`${shown}\``,
        edit: replaceNode(call.callee, receiver),
        shown,
      });
    },
    finish() {
      for (const calls of byScope.values()) {
        context.reportGroup({
          members: calls,
          message: ([first, ...others]) => others.length === 0 ? first.message
            : `${first.message} (as ${others.length === 1 ? 'does' : 'do'} ${others.length} other direct \`.forward\` call${others.length > 1 ? 's' : ''} ${enclosingFunction(first.node) ? 'in this function' : 'at the top level'}, linked)`,
          fix: (members) => ({
            title: members.length === 1 ? `Call the module: ${members[0].shown}` : `Call the modules instead of .forward (${members.length} calls)`,
            edits: members.map((member) => member.edit),
          }),
        });
      }
    },
  };
}

export const forwardCalledDirectly: Rule = {
  meta: {
    code: 'MLD907',
    name: 'forward-called-directly',
    category: 'ml-api-misuse',
    severity: 'warning',
    recommended: true,
    fix: { safety: 'unsafe', title: 'Call the module instead of .forward' },
    smell: { name: 'PyTorch Call Method Misused', feeds: 'abstraction-debt' },
    docs: {
      summary: '`model.forward(x)` is called on a PyTorch `nn.Module` instead of `model(x)`.',
      why: 'A module\'s `__call__` runs its forward *and* the hooks registered on it: forward pre-hooks and hooks, backward hooks, and what libraries build on them (pruning masks, quantization observers, weight norm, activation capture, FSDP and DataParallel wrappers). Calling `.forward` directly silently skips all of them, so the same model computes differently depending on how it is called. It breaks the module abstraction the rest of the system relies on — abstraction debt (§5, Abstraction Debt). Zhang et al. list it as "PyTorch Call Method Misused".',
      example: 'import torch.nn as nn\n\nclass Classifier(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.encoder = nn.Sequential(nn.Linear(32, 16), nn.ReLU())\n\n    def forward(self, x):\n        return self.encoder.forward(x)',
      fix: 'Call the module itself: `self.encoder(x)`. The quick fix rewrites `m.forward(args)` to `m(args)`. It is unsafe: hooks registered on the module now run, which is the point but changes what is computed when there are any.',
      fixed: '    def forward(self, x):\n        return self.encoder(x)',
      nearMisses: '`super().forward(x)` and `self.forward(x)` inside the module\'s own class are how a module extends or reuses its own forward and are left alone. `.forward` on objects that the file does not show to be torch modules (built by an unknown function, or from another library) is not reported, nor `model.forward` passed without a call (`torch.jit.trace(model.forward, ...)`). A module built and handed back by a function of the file is one the file shows when every `return` of that function gives a module: a function called by its name (`self.features = make_layers(cfg)` returning `nn.Sequential(*layers)`) or a method of the class called on `self` (`self.stage_1 = self.block(...)`, which fills an `nn.Sequential` and returns it); a function that may return something else (`None`, a library\'s object), a generator, or a method called on another object is not followed. The direct calls of one function (or of the top level of a script or notebook) are one habit, so one finding: at the first, linked to the others, whose fix calls every one of those modules.',
    },
  },
  listen,
};
