// Applying text edits, and moving edits from the virtual source to the cell (or file) they touch.
import { computeLineStarts, lineEndOffset, offsetAt, positionAt, segmentAtLine } from './positions';
import type { Range, Segment, SourceDocument, TextEdit } from './types';

export class OverlappingEditsError extends Error {}

/** Applies non-overlapping edits to `text` (positions relative to `text`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const doc = { text, lineStarts: computeLineStarts(text) };
  const spans = edits
    .map((edit) => ({ start: offsetAt(doc, edit.range.start), end: offsetAt(doc, edit.range.end), text: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) throw new OverlappingEditsError('edits overlap');
    out += text.slice(cursor, span.start) + span.text;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  const before = (x: Range, y: Range) => x.end.line < y.start.line || (x.end.line === y.start.line && x.end.character <= y.start.character);
  return a.some((x) => b.some((y) => !(before(x.range, y.range) || before(y.range, x.range))));
}

export interface LocalEdit {
  uri: string;
  segment: Segment;
  edit: TextEdit;
}

/**
 * The edit in the coordinates of the one cell (or file) it falls in. An edit that would cross a
 * cell boundary, or touch the joining line break between cells, has no local form.
 */
export function toLocalEdit(doc: SourceDocument, edit: TextEdit): LocalEdit | undefined {
  const segment = segmentAtLine(doc, edit.range.start.line);
  if (!segment) return undefined;
  const lastLine = segment.startLine + segment.lineCount - 1;
  const { end } = edit.range;
  if (end.line > lastLine) return undefined;
  if (end.line === lastLine && end.character > lineEndOffset(doc, lastLine) - doc.lineStarts[lastLine]) return undefined;
  const shift = (line: number) => line - segment.startLine;
  return {
    uri: segment.uri,
    segment,
    edit: {
      newText: edit.newText,
      range: {
        start: { line: shift(edit.range.start.line), character: edit.range.start.character },
        end: { line: shift(end.line), character: end.character },
      },
    },
  };
}

/** Groups edits by the cell (or file) they touch; undefined when any edit has no local form. */
export function localEdits(doc: SourceDocument, edits: readonly TextEdit[]): Map<string, TextEdit[]> | undefined {
  const byUri = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const local = toLocalEdit(doc, edit);
    if (!local) return undefined;
    const list = byUri.get(local.uri) ?? [];
    list.push(local.edit);
    byUri.set(local.uri, list);
  }
  return byUri;
}

/** The text of one segment (cell) as the user wrote it. */
export function segmentText(doc: SourceDocument, segment: Segment): string {
  return doc.original.slice(segment.startOffset, segment.endOffset);
}

export interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The one span that turns `before` into `after`, keeping their common prefix and suffix. */
export function changedSpan(before: string, after: string): ChangedSpan | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** The smallest single edit that turns `before` into `after` (positions in `before`). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  const span = changedSpan(before, after);
  if (!span) return undefined;
  const doc = { text: before, lineStarts: computeLineStarts(before) };
  return {
    range: { start: positionAt(doc, span.start), end: positionAt(doc, span.oldEnd) },
    newText: after.slice(span.start, span.newEnd),
  };
}
