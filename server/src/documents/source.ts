// A document as a list of cells — one cell for a script — so that fixes can be applied to the
// user's text and the document rebuilt, the same way for scripts and notebooks.
import { scriptDocument, notebookDocument } from './build';
import { applyEdits, localEdits } from './edits';
import type { CellInput, DocumentKind, SourceDocument, TextEdit } from './types';

export interface DocumentSource {
  uri: string;
  kind: DocumentKind;
  version: number;
  cells: CellInput[];
}

/** The text of every cell of a document, one after the other: what a scan of its imports reads. */
export function sourceText(source: DocumentSource): string {
  return source.cells.map((cell) => cell.text).join('\n');
}

export function scriptSource(uri: string, text: string, version = 0): DocumentSource {
  return { uri, kind: 'script', version, cells: [{ uri, kind: 'code', language: 'python', text }] };
}

export function buildDocument(source: DocumentSource): SourceDocument {
  return source.kind === 'script'
    ? scriptDocument(source.uri, source.cells[0]?.text ?? '', source.version)
    : notebookDocument(source.uri, source.cells, source.version);
}

/**
 * The source after applying virtual-source edits computed on `doc` (built from `source`).
 * Undefined when an edit crosses a cell boundary or edits overlap.
 */
export function applyToSource(source: DocumentSource, doc: SourceDocument, edits: readonly TextEdit[]): DocumentSource | undefined {
  const byUri = localEdits(doc, edits);
  if (!byUri) return undefined;
  try {
    const cells = source.cells.map((cell) => {
      const cellEdits = byUri.get(cell.uri);
      return cellEdits ? { ...cell, text: applyEdits(cell.text, cellEdits) } : cell;
    });
    return { ...source, version: source.version + 1, cells };
  } catch {
    return undefined;
  }
}
