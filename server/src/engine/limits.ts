// Which documents the engine declines to analyse (binary files, files over the size limit), so
// that every front door — the language server and the CLI — skips the same files with the same words.
import type { DocumentSource } from '../documents/source';

/** Why a document is not analysed, or undefined when it is fine to analyse. */
export function skipReason(source: DocumentSource, maxFileSize: number): string | undefined {
  let size = 0;
  for (const cell of source.cells) {
    size += cell.text.length;
    if (cell.text.includes('\u0000')) return 'it looks like a binary file (it contains NUL characters)';
  }
  if (size > maxFileSize) {
    return `it is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${(maxFileSize / 1024 / 1024).toFixed(1)} MB limit (setting mlDebt.maxFileSizeMB, or max-file-size in [tool.mldebt])`;
  }
  return undefined;
}
