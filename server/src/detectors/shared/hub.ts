// Versions of things downloaded by name (datasets and models on the Hugging Face Hub): whether a
// name is a Hub name rather than a local path, and whether a `revision=` pins anything.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';

const BRANCH_NAMES = /^(main|master|dev|develop|latest|head)$/i;

/** A name on the Hub (`bert-base-uncased`, `org/name`), as opposed to a local folder or file. */
export function isHubName(value: string): boolean {
  return /^[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/.test(value) && !/\.(py|csv|json|jsonl|parquet|txt|arrow|zip|gz)$/i.test(value);
}

/**
 * What a `revision=` argument pins: nothing (absent or None), a branch that moves (`"main"`), or
 * a version (a commit, a tag, or a value computed elsewhere, which is given the benefit of doubt).
 */
export function pinnedRevision(index: SemanticIndex, value: Node | undefined): 'pinned' | 'branch' | 'none' {
  if (!value) return 'none';
  const text = index.dataflow.stringOf(value);
  if (text && !text.partial && BRANCH_NAMES.test(text.value)) return 'branch';
  return index.literal(value)?.kind === 'none' ? 'none' : 'pinned';
}
