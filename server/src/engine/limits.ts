// Which documents the engine declines to analyse (binary files, files over the size limit), so
// that every front door — the language server and the CLI — skips the same files with the same words.
import type { DocumentSource } from '../documents/source';

/** A size as people read it: bytes when small, then KB and MB ("120 bytes", "4.5 KB", "5 MB"). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/** Why a document is not analysed, or undefined when it is fine to analyse. */
export function skipReason(source: DocumentSource, maxFileSize: number): string | undefined {
  let size = 0;
  for (const cell of source.cells) {
    size += cell.text.length;
    if (cell.text.includes('\u0000')) return 'it looks like a binary file (it contains NUL characters)';
  }
  if (size > maxFileSize) {
    return `it is ${formatSize(size)}, over the ${formatSize(maxFileSize)} limit (setting mlDebt.maxFileSizeMB, or max-file-size in [tool.mldebt])`;
  }
  return undefined;
}
