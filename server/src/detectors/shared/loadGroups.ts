// One thing loaded several times (a dataset's train and test splits, a model's tokenizer and
// weights, one checkpoint loaded on the CPU or on the GPU) is one dependency to pin or one file to
// load safely: one finding at the first load, linked to the others. Shared by MLD301, MLD302 and
// MLD908, which group their loads the same way.
import type { Node } from 'web-tree-sitter';
import type { FixDescriptor, RuleContext } from '../types';
import { pushTo } from '../../engine/collections';

export interface GroupedLoad {
  node: Node;
  message: string;
  /** Other places of the same load (the other URLs one call reads), linked to its finding. */
  related?: { node: Node; message: string }[];
  /** The load's own fix. The group's finding applies those of all its loads at once, when each has one. */
  fix?: FixDescriptor;
}

/** Collects loads by what they load, then reports each group once. */
export class LoadGroups<T extends GroupedLoad> {
  private readonly byKey = new Map<string, T[]>();

  /**
   * `what`: the noun of the loaded thing in the messages ("dataset", "name"); `too`: what the
   * other loads share with the first ("unpinned too").
   */
  constructor(private readonly what: string, private readonly too: string) {}

  add(key: string, load: T): void {
    pushTo(this.byKey, key, load);
  }

  report(context: RuleContext): void {
    for (const group of this.byKey.values()) {
      const [first, ...others] = group;
      const n = others.length;
      const more = n > 0 ? ` (as ${n > 1 ? 'do' : 'does'} ${n} other load${n > 1 ? 's' : ''} of this ${this.what})` : '';
      // A fix that left one load of the file as it was would not remove the finding.
      const fixes = group.every((load) => load.fix) ? group.map((load) => load.fix!) : [];
      context.report({
        node: first.node,
        message: first.message + more,
        related: [
          ...(first.related ?? []),
          ...others.map((other) => ({ node: other.node, message: `the same ${this.what} loaded here, ${this.too}` })),
        ],
        ...(fixes.length > 0 ? { fix: { ...fixes[0], edits: fixes.flatMap((fix) => fix.edits) } } : {}),
      });
    }
  }
}
