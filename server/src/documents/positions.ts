// Offset <-> position conversion and cell mapping for the virtual source.
import type { Position, Range, Segment, SourceDocument } from './types';

/**
 * Offsets of the line starts. Lines break on '\n', '\r\n' and a lone '\r', as in LSP and Python.
 */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Without '\r', the engine's own search finds the line ends: a notebook's JSON holds outputs
  // (base64 images) whose lines run to megabytes, which a loop over every character crawls through.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 /* \n */ || (code === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/**
 * The text with every lone '\r' turned into '\n': same length and same line starts, but
 * tree-sitter (which counts rows on '\n' only) and line-based scanners then see the lines
 * that Python, LSP and the editor see.
 */
export function normaliseLoneCarriageReturns(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The line holding an offset (clamped to the text), by binary search: positionAt's line, without building the position. */
export function lineAt(doc: Pick<SourceDocument, 'lineStarts' | 'text'>, offset: number): number {
  const starts = doc.lineStarts;
  const clamped = Math.max(0, Math.min(offset, doc.text.length));
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= clamped) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function positionAt(doc: Pick<SourceDocument, 'lineStarts' | 'text'>, offset: number): Position {
  const starts = doc.lineStarts;
  const clamped = Math.max(0, Math.min(offset, doc.text.length));
  const low = lineAt(doc, clamped);
  // Between the '\r' and '\n' of a '\r\n' is the end of the line, as LSP counts it.
  const insideCrLf = clamped > starts[low] && doc.text.charCodeAt(clamped - 1) === 13 && doc.text.charCodeAt(clamped) === 10;
  return { line: low, character: clamped - starts[low] - (insideCrLf ? 1 : 0) };
}

export function offsetAt(doc: Pick<SourceDocument, 'lineStarts' | 'text'>, position: Position): number {
  const starts = doc.lineStarts;
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return doc.text.length;
  const lineStart = starts[position.line];
  const lineEnd = lineEndOffset(doc, position.line);
  return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

/** Offset of the end of `line`, before its line terminator ('\n', '\r\n' or '\r'). */
export function lineEndOffset(doc: Pick<SourceDocument, 'lineStarts' | 'text'>, line: number): number {
  const starts = doc.lineStarts;
  let end = line + 1 < starts.length ? starts[line + 1] - 1 : doc.text.length;
  if (end > starts[line] && doc.text.charCodeAt(end - 1) === 13 /* \r */) end--;
  return end;
}

export function lineText(doc: Pick<SourceDocument, 'lineStarts' | 'text'>, line: number): string {
  return doc.text.slice(doc.lineStarts[line], lineEndOffset(doc, line));
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** The segment holding a virtual line, or undefined for a line past the end. */
export function segmentAtLine(doc: Pick<SourceDocument, 'segments'>, line: number): Segment | undefined {
  const index = segmentIndexAtLine(doc, line);
  return index < 0 ? undefined : doc.segments[index];
}

/** The position of the segment holding a virtual line, by binary search; -1 for a line past the end. */
export function segmentIndexAtLine(doc: Pick<SourceDocument, 'segments'>, line: number): number {
  const segments = doc.segments;
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid];
    if (line < segment.startLine) high = mid - 1;
    else if (line >= segment.startLine + segment.lineCount) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** A virtual range as the editor sees it: the cell (or file) URI and a range local to it. */
export interface LocalRange {
  uri: string;
  range: Range;
  segment: Segment;
}

/** The position moved back to the end of its line if it lies past it (on a '\r' of '\r\n'). */
function withinLine(doc: SourceDocument, position: Position): Position {
  const length = lineEndOffset(doc, position.line) - doc.lineStarts[position.line];
  return position.character > length ? { line: position.line, character: length } : position;
}

/**
 * Maps a virtual range to its segment. A range that runs past the end of its segment is clamped
 * to the segment's last character, so a finding never spills into the next cell; a position past
 * the end of its line (a node that ends on the '\r' of a '\r\n') is clamped to the line's end.
 */
export function toLocalRange(doc: SourceDocument, range: Range): LocalRange | undefined {
  const segment = segmentAtLine(doc, range.start.line);
  if (!segment) return undefined;
  const lastLine = segment.startLine + segment.lineCount - 1;
  let end = range.end;
  if (end.line > lastLine) {
    end = { line: lastLine, character: lineEndOffset(doc, lastLine) - doc.lineStarts[lastLine] };
  }
  const start = withinLine(doc, range.start);
  end = withinLine(doc, end);
  return {
    uri: segment.uri,
    segment,
    range: {
      start: { line: start.line - segment.startLine, character: start.character },
      end: { line: end.line - segment.startLine, character: end.character },
    },
  };
}

/** The inverse of toLocalRange for a position inside a given segment. */
export function toVirtualPosition(segment: Segment, position: Position): Position {
  return { line: position.line + segment.startLine, character: position.character };
}

export function toVirtualRange(segment: Segment, range: Range): Range {
  return { start: toVirtualPosition(segment, range.start), end: toVirtualPosition(segment, range.end) };
}
