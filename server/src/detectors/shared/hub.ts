// Versions of things downloaded by name (datasets and models on the Hugging Face Hub): whether a
// name is a Hub name rather than a local path, and whether a `revision=` pins anything.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';

/** Downloads of one file or a whole repository from the Hub; `repo_type=` says what the repository holds. */
export const HUB_DOWNLOADS: ReadonlySet<string> = new Set(['huggingface_hub.hf_hub_download', 'huggingface_hub.snapshot_download']);

/**
 * What a Hub download's repository holds: `repo_type=` as written ("model" when absent, as
 * huggingface_hub takes it), or undefined when it is computed and cannot be known here.
 */
export function hubRepoType(index: SemanticIndex, call: CallSite): string | undefined {
  const value = call.kwargs.get('repo_type');
  if (!value || index.literal(value)?.kind === 'none') return 'model';
  const text = index.dataflow.stringOf(value);
  return text && !text.partial ? text.value : undefined;
}

const BRANCH_NAMES = /^(main|master|dev|develop|latest|head)$/i;

/**
 * A name on the Hub (`bert-base-uncased`, `org/name`), as opposed to a local folder or file. Hub
 * accounts are named with letters, digits and hyphens: a first part with an underscore
 * (`pretrained_models/bert-base-chinese`) is a folder.
 */
export function isHubName(value: string): boolean {
  return /^(?:[A-Za-z0-9][A-Za-z0-9.-]*\/[\w.-]+|[A-Za-z0-9][\w.-]*)$/.test(value) && !/\.(py|csv|json|jsonl|parquet|txt|arrow|zip|gz)$/i.test(value);
}

/**
 * What a `revision=` argument pins: nothing (absent or None), a branch that moves (`"main"`), or
 * a version (a commit, a tag, or a value computed elsewhere, which is given the benefit of doubt).
 */
/** How a load that pins nothing says so: it passes no `revision=`, or passes `revision=None`. */
export function noRevision(value: Node | undefined): string {
  return value ? `passes \`revision=${value.text}\`, which pins nothing` : 'has no `revision=`';
}

export function pinnedRevision(index: SemanticIndex, value: Node | undefined): 'pinned' | 'branch' | 'none' {
  if (!value) return 'none';
  const text = index.dataflow.stringOf(value);
  if (text && !text.partial && BRANCH_NAMES.test(text.value)) return 'branch';
  return index.literal(value)?.kind === 'none' ? 'none' : 'pinned';
}
