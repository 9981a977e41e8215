// One thing loaded several times (a dataset's train and test splits, a model's tokenizer and
// weights, one checkpoint loaded on the CPU or on the GPU) is one dependency to pin or one file to
// load safely: one finding at the first load, linked to the others. Shared by MLD301, MLD302 and
// MLD908, which group their loads the same way.
import type { Node } from 'web-tree-sitter';
import type { FixDescriptor, RuleContext } from '../types';
import { pushTo } from '../../engine/collections';

/** The containers whose elements are loads made together (see LoadGroups.together). */
export type ContainerKind = 'list' | 'tuple' | 'dictionary';

export interface GroupedLoad {
  node: Node;
  message: string;
  /** Other places of the same load (the other URLs one call reads), linked to its finding. */
  related?: { node: Node; message: string }[];
  /** The load's own fix. The group's finding applies those of all its loads at once, when each has one. */
  fix?: FixDescriptor;
  /** What this load shares with the first, when loads of several kinds share a group (see the constructor's `too`). */
  too?: string;
}

/** Collects loads by what they load, then reports each group once. */
export class LoadGroups<T extends GroupedLoad> {
  private readonly byKey = new Map<string, T[]>();
  /** Groups that load in another's place (see alternative) or beside it (see together), by the group they join. */
  private readonly joined = new Map<string, string>();
  /** How a group joined another: in its place, or beside it in one list, tuple or dictionary. */
  private readonly joinedAs = new Map<string, 'instead' | 'beside'>();
  /** The kind of container a group joined another's in (see together), to name it in the message. */
  private readonly joinedIn = new Map<string, ContainerKind>();

  /**
   * `what`: the noun of the loaded thing in the messages ("dataset", "name"); `too`: what the
   * other loads share with the first ("unpinned too").
   */
  constructor(private readonly what: string, private readonly too: string) {}

  add(key: string, load: T): void {
    pushTo(this.byKey, key, load);
  }

  /**
   * The loads of `b` load in the place of those of `a`, in another branch (a fallback when the first
   * is missing, the other arm of an `if`): one thing restored, so one finding, at the group loaded first.
   * Their paths may or may not name the same file; the message says neither.
   */
  alternative(a: string, b: string): void {
    this.join(a, b, 'instead');
  }

  /**
   * The loads of `b` are made with those of `a`, as elements of one list, tuple or dictionary (a
   * GAN's generator, discriminator and optimizer states restored at once): one habit, so one finding.
   */
  together(a: string, b: string, container: ContainerKind): void {
    this.join(a, b, 'beside', container);
  }

  private join(a: string, b: string, how: 'instead' | 'beside', container?: ContainerKind): void {
    const [rootA, rootB] = [this.root(a), this.root(b)];
    if (rootA === rootB) return;
    this.joined.set(rootB, rootA);
    this.joinedAs.set(rootB, how);
    if (container) this.joinedIn.set(rootB, container);
  }

  private root(key: string): string {
    let root = key;
    for (let next = this.joined.get(root); next !== undefined; next = this.joined.get(root)) root = next;
    return root;
  }

  report(context: RuleContext): void {
    const merged = new Map<string, { loads: T[]; how?: 'instead' | 'beside'; container?: ContainerKind }[]>();
    for (const [key, group] of this.byKey) pushTo(merged, this.root(key), { loads: group, how: this.joinedAs.get(key), container: this.joinedIn.get(key) });
    for (const groups of merged.values()) {
      groups.sort((x, y) => x.loads[0].node.startIndex - y.loads[0].node.startIndex);
      const [{ loads: [first, ...others] }, ...joinedGroups] = groups;
      // The group loaded first carries the finding, whichever way the others joined it.
      const instead = joinedGroups.filter((group) => group.how !== 'beside').flatMap((group) => group.loads);
      const besideGroups = joinedGroups.filter((group) => group.how === 'beside');
      const beside = besideGroups.flatMap((group) => group.loads);
      // The message names the container the loads were made in: a tuple or dictionary is no list.
      const kinds = new Set(besideGroups.map((group) => group.container ?? 'list'));
      const container = kinds.size === 1 ? `one ${[...kinds][0]}` : [...kinds].sort().map((kind) => `a ${kind}`).join(' and ');
      const n = others.length;
      const m = instead.length;
      const b = beside.length;
      const loads = [
        ...(n > 0 ? [`${n} other load${n > 1 ? 's' : ''} of this ${this.what}`] : []),
        ...(m > 0 ? [`${m > 1 ? `${m} loads in its place in branches other than its own` : 'a load in its place in another branch'}, linked`] : []),
        ...(b > 0 ? [`${b > 1 ? `${b} loads of other files` : 'a load of another file'} made with it in ${container}, linked`] : []),
      ];
      const more = loads.length > 0 ? ` (as ${n + m + b > 1 ? 'do' : 'does'} ${loads.join(', and ')})` : '';
      const group = [first, ...others, ...instead, ...beside];
      // A fix that left one load of the file as it was would not remove the finding.
      const fixes = group.every((load) => load.fix) ? group.map((load) => load.fix!) : [];
      context.report({
        node: first.node,
        message: first.message + more,
        related: [
          ...(first.related ?? []),
          ...others.map((other) => ({ node: other.node, message: `the same ${this.what} loaded here, ${other.too ?? this.too}` })),
          ...instead.map((other) => ({ node: other.node, message: `loaded here in its place, in another branch, ${other.too ?? this.too}` })),
          ...beside.map((other) => ({ node: other.node, message: `loaded here with it, ${other.too ?? this.too}` })),
        ],
        ...(fixes.length > 0 ? { fix: { ...fixes[0], edits: fixes.flatMap((fix) => fix.edits) } } : {}),
      });
    }
  }
}
