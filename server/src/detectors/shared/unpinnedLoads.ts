// One name loaded several times (a dataset's train and test splits, a model's tokenizer and
// weights) is one dependency to pin: one finding at the first load, linked to the others. Shared
// by MLD301 and MLD302, which group their loads the same way.
import type { Node } from 'web-tree-sitter';
import type { RuleContext } from '../types';
import { pushTo } from '../../engine/collections';

export interface UnpinnedLoad {
  node: Node;
  message: string;
  /** Other places of the same load (the other URLs one call reads), linked to its finding. */
  related?: { node: Node; message: string }[];
}

/** Collects loads by what they load, then reports each group once. */
export class UnpinnedLoads<T extends UnpinnedLoad> {
  private readonly byKey = new Map<string, T[]>();

  /** `what`: the noun of the loaded thing in the messages ("dataset", "name"). */
  constructor(private readonly what: string) {}

  add(key: string, load: T): void {
    pushTo(this.byKey, key, load);
  }

  report(context: RuleContext): void {
    for (const [first, ...others] of this.byKey.values()) {
      const n = others.length;
      const more = n > 0 ? ` (as ${n > 1 ? 'do' : 'does'} ${n} other load${n > 1 ? 's' : ''} of this ${this.what})` : '';
      context.report({
        node: first.node,
        message: first.message + more,
        related: [
          ...(first.related ?? []),
          ...others.map((other) => ({ node: other.node, message: `the same ${this.what} loaded here, unpinned too` })),
        ],
      });
    }
  }
}
