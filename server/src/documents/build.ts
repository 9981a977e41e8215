// Builds SourceDocuments: a script as it is, a notebook as its code cells joined in order.
import { neutraliseCell, type NeutralisedCell } from './magics';
import { computeLineStarts, normaliseLoneCarriageReturns } from './positions';
import type { CellInput, Magic, Segment, SourceDocument } from './types';

export function scriptDocument(uri: string, text: string, version = 0): SourceDocument {
  const lineStarts = computeLineStarts(text);
  const segment: Segment = {
    uri, cellIndex: 0, startLine: 0, lineCount: lineStarts.length, startOffset: 0, endOffset: text.length,
    language: 'python', isPython: true,
  };
  return { uri, kind: 'script', version, original: text, text: normaliseLoneCarriageReturns(text), segments: [segment], magics: [], lineStarts };
}

export function isPythonLanguage(language: string): boolean {
  return language === 'python' || language === 'ipython' || language === 'python3';
}

/**
 * A Python cell's neutralised text and line count, remembered by its text: the language server
 * builds every version of an edited notebook again, and all its cells but one are as they were.
 * Bounded by characters (a cell's text and its neutralised copy), oldest first out; a cell seen
 * once (the CLI) costs a lookup.
 */
const preparedCells = new Map<string, { neutral: NeutralisedCell; lineCount: number }>();
const PREPARED_CHARACTERS = 16 * 1024 * 1024;
let preparedCharacters = 0;

function preparedCell(text: string): { neutral: NeutralisedCell; lineCount: number } {
  let prepared = preparedCells.get(text);
  if (prepared) {
    preparedCells.delete(text); // most recently used last
    preparedCells.set(text, prepared);
    return prepared;
  }
  // Lone carriage returns are already line breaks here, so the neutralised text counts the lines.
  prepared = { neutral: neutraliseCell(text), lineCount: computeLineStarts(text).length };
  const size = 2 * text.length;
  if (size > PREPARED_CHARACTERS / 16) return prepared;
  for (const [oldest] of preparedCells) {
    if (preparedCharacters + size <= PREPARED_CHARACTERS) break;
    preparedCells.delete(oldest);
    preparedCharacters -= 2 * oldest.length;
  }
  preparedCells.set(text, prepared);
  preparedCharacters += size;
  return prepared;
}

/**
 * Joins a notebook's code cells (markdown and raw cells are left out) into one virtual source,
 * each cell followed by '\n'. Cells in another language stay in, blanked, so that their position
 * is known to rules that report on them.
 */
export function notebookDocument(uri: string, cells: CellInput[], version = 0): SourceDocument {
  const originalParts: string[] = [];
  const textParts: string[] = [];
  const segments: Segment[] = [];
  const magics: Magic[] = [];
  let offset = 0;
  let line = 0;
  const markdown: { cellIndex: number; text: string }[] = [];
  cells.forEach((cell, cellIndex) => {
    if (cell.kind !== 'code' && cell.language === 'markdown') markdown.push({ cellIndex, text: cell.text });
    if (cell.kind !== 'code') return;
    const python = isPythonLanguage(cell.language);
    const lines = normaliseLoneCarriageReturns(cell.text);
    const { neutral, lineCount } = python ? preparedCell(lines) : { neutral: { text: lines.replace(/[^\r\n]/g, ' '), magics: [], isPython: false }, lineCount: computeLineStarts(cell.text).length };
    const segmentIndex = segments.length;
    const segment: Segment = {
      uri: cell.uri, cellIndex, startLine: line, lineCount, startOffset: offset, endOffset: offset + cell.text.length,
      language: cell.language, isPython: python && neutral.isPython,
    };
    if ('cellMagic' in neutral && neutral.cellMagic) segment.cellMagic = neutral.cellMagic;
    if (cell.executionOrder !== undefined) segment.executionOrder = cell.executionOrder;
    if (cell.countFromResult) segment.countFromResult = true;
    if (cell.hasOutputs !== undefined) segment.hasOutputs = cell.hasOutputs;
    if (cell.raised) segment.raised = true;
    if (cell.ranAt !== undefined) segment.ranAt = cell.ranAt;
    segments.push(segment);
    for (const m of neutral.magics) {
      magics.push({
        kind: m.kind, name: m.name, text: m.text, segmentIndex,
        range: { start: { line: line + m.line, character: m.column }, end: { line: line + m.endLine, character: m.endColumn } },
      });
    }
    originalParts.push(cell.text, '\n');
    textParts.push(neutral.text, '\n');
    offset += cell.text.length + 1;
    line += lineCount;
  });
  const text = textParts.join('');
  return {
    uri, kind: 'notebook', version, original: originalParts.join(''), text, segments, magics,
    lineStarts: computeLineStarts(text), markdown,
  };
}
