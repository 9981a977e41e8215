// The edits behind "Ignore … in this cell" and "Ignore … in this file": a `# mldebt: ignore-cell[CODE]`
// comment on the first line of the cell, or `# mldebt: ignore-file[CODE]` at the top of the file
// (in a notebook, of its first code cell). A directive already there is extended rather than
// repeated; one that already covers the rule (or every rule) means there is nothing to offer.
import type { Segment, SourceDocument, TextEdit } from '../documents/types';
import { lineEndOffset } from '../documents/positions';

export type IgnoreScope = 'cell' | 'file';

function lineOf(doc: SourceDocument, line: number): string {
  return doc.original.slice(doc.lineStarts[line], lineEndOffset(doc, line));
}

/** A directive of `scope` on `line` that names rules, or covers every rule when bare. */
function directiveOn(text: string, scope: IgnoreScope): { listEnd: number; codes: string[] } | 'all' | undefined {
  const match = new RegExp(`mldebt:\\s*ignore-${scope}\\b(\\[([^\\]]*)\\])?`, 'i').exec(text);
  if (!match) return undefined;
  if (match[1] === undefined || match[2].trim() === '') return 'all';
  return { listEnd: match.index + match[0].length - 1, codes: match[2].split(',').map((c) => c.trim().toLowerCase()) };
}

/** Lines a directive may sit on before the code (a shebang and an encoding line stay first). */
function headerLines(doc: SourceDocument, segment: Segment): number {
  let line = segment.startLine;
  const last = segment.startLine + segment.lineCount;
  while (line < last && line < segment.startLine + 2 && /^(#!|#.*coding[:=])/.test(lineOf(doc, line))) line++;
  return line;
}

function insertionAt(doc: SourceDocument, segment: Segment, scope: IgnoreScope, code: string): TextEdit | undefined {
  // A cell magic (`%%bash`) must stay on the cell's first line, and its body is not Python.
  if (segment.cellMagic) return undefined;
  const line = scope === 'file' && doc.kind === 'script' ? headerLines(doc, segment) : segment.startLine;
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `# mldebt: ignore-${scope}[${code}]\n` };
}

/** Lines of the segment, or of the whole document for a file directive. */
function searchedLines(doc: SourceDocument, segment: Segment, scope: IgnoreScope): number[] {
  const spans = scope === 'cell' ? [segment] : doc.segments;
  return spans.flatMap((s) => Array.from({ length: s.lineCount }, (_, i) => s.startLine + i));
}

/**
 * The edit, in virtual-source coordinates, that ignores `code` for the cell holding `line` (or the
 * whole file); undefined when a directive already covers it or none can be written.
 */
export function scopeIgnoreEdit(doc: SourceDocument, line: number, code: string, scope: IgnoreScope): TextEdit | undefined {
  const segment = doc.segments.find((s) => line >= s.startLine && line < s.startLine + s.lineCount);
  if (!segment) return undefined;
  if (scope === 'cell' && doc.kind !== 'notebook') return undefined;
  for (const at of searchedLines(doc, segment, scope)) {
    const directive = directiveOn(lineOf(doc, at), scope);
    if (directive === 'all') return undefined;
    if (!directive) continue;
    if (directive.codes.includes(code.toLowerCase())) return undefined;
    const position = { line: at, character: directive.listEnd };
    return { range: { start: position, end: position }, newText: directive.codes.length ? `, ${code}` : code };
  }
  const target = scope === 'file' ? doc.segments.find((s) => s.isPython && !s.cellMagic) ?? segment : segment;
  return insertionAt(doc, target, scope, code);
}
