// Where a long script can be cut into pieces that parse on their own. tree-sitter re-parses an
// edited file in time proportional to its count of top-level statements (about 20 ms for a
// 5,000-line script: a third of a full parse, whatever the edit), so the language server parses
// a long script as a row of chunks, each a run of whole top-level statements, and an edit
// re-parses only the chunk it falls in (see IncrementalParser).
//
// The cuts depend on the text alone, so a fresh parse and an incremental one cut alike; and on
// each cut's own line, not on the cuts before it, so an edit moves no cut but its neighbours'.
// A chunk of valid code parses to exactly the statements of the whole file's tree. The scan below
// is a light lexer (strings, brackets, comments, line continuations); when it is wrong, the
// chunks do not parse cleanly and the caller parses the whole file instead.

/** A run of whole lines of the text, parsed as one tree. */
export interface Chunk {
  startLine: number;
  /** Line after the chunk's last (the next chunk's first), or the line count for the last chunk. */
  endLine: number;
}

/** Scripts shorter than this are one tree: their incremental parse costs a few milliseconds. */
export const CHUNKED_MIN_LINES = 1000;
/** A chunk holds at least this many lines, unless it is the last. */
const MIN_CHUNK_LINES = 40;
/** A cut is forced after this many lines without one (the cut lines' hashes decide the others). */
const MAX_CHUNK_LINES = 400;
/** A statement line cuts when the low bits of its hash are zero: one line in four. */
const CUT_MASK = 3;

const CONTINUATIONS = /^(else|elif|except|finally)\b/;
const IMPORTS = /^(import|from)\b/;

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const TAB = 9;
const FORM_FEED = 12;
const HASH = 35;
const AT = 64;
const BACKSLASH = 92;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/**
 * The lines where a top-level statement starts: at column 0, outside any string, bracket or
 * continued line, not a clause that continues a compound statement (`else:`), and not the
 * definition a decorator line before it belongs to.
 */
export function statementLines(text: string): number[] {
  const lines: number[] = [];
  let quote = 0;
  let triple = false;
  let depth = 0;
  let continued = false;
  let afterDecorator = false;
  for (let line = 0, i = 0; i < text.length; line++) {
    const first = text.charCodeAt(i);
    if (quote === 0 && depth === 0 && !continued && !isBlank(first) && first !== HASH && !CONTINUATIONS.test(text.slice(i, i + 8))) {
      if (!afterDecorator) lines.push(line);
      afterDecorator = first === AT;
    }
    continued = false;
    let j = i;
    for (; j < text.length; j++) {
      const ch = text.charCodeAt(j);
      if (ch === NEWLINE) break;
      if (quote !== 0) {
        if (ch === BACKSLASH) {
          const lineBreak = lineBreakAt(text, j + 1);
          if (lineBreak > 0) {
            continued = true;
            j += lineBreak;
            break;
          }
          j++;
        } else if (ch === quote) {
          if (!triple) quote = 0;
          else if (text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote) {
            quote = 0;
            j += 2;
          }
        }
      } else if (ch === HASH) {
        j = text.indexOf('\n', j);
        if (j < 0) j = text.length;
        break;
      } else if (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) {
        quote = ch;
        triple = text.charCodeAt(j + 1) === ch && text.charCodeAt(j + 2) === ch;
        if (triple) j += 2;
      } else if (ch === 40 || ch === 91 || ch === 123) { // ( [ {
        depth++;
      } else if (ch === 41 || ch === 93 || ch === 125) { // ) ] }
        if (depth > 0) depth--;
      } else if (ch === BACKSLASH && lineBreakAt(text, j + 1) > 0) {
        continued = true;
        j += lineBreakAt(text, j + 1);
        break;
      }
    }
    // A one-line string left open ends with its line (a syntax error the parse will show).
    if (quote !== 0 && !triple && !continued) quote = 0;
    i = j + 1;
  }
  return lines;
}

/** The length of the line break at `at` (`\n` or `\r\n`), 0 when there is none. */
function lineBreakAt(text: string, at: number): number {
  const ch = text.charCodeAt(at);
  if (ch === NEWLINE) return 1;
  return ch === CARRIAGE_RETURN && text.charCodeAt(at + 1) === NEWLINE ? 2 : 0;
}

function isBlank(ch: number): boolean {
  return ch === SPACE || ch === TAB || ch === NEWLINE || ch === CARRIAGE_RETURN || ch === FORM_FEED;
}

function lineHash(text: string, from: number): number {
  let hash = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === NEWLINE) break;
    hash = (hash * 31 + ch) | 0;
  }
  return hash;
}

/**
 * The chunks of a script, or one chunk for a short one. A cut goes before a statement line whose
 * hash picks it, once the chunk has its minimum length, or at the maximum length. No cut goes
 * before an import: the file's opening imports stay in its first chunk, where fixes that add a
 * setting after them look.
 */
export function scriptChunks(text: string, lineStarts: readonly number[], minLines = CHUNKED_MIN_LINES): Chunk[] {
  const lineCount = lineStarts.length;
  if (lineCount < minLines) return [{ startLine: 0, endLine: lineCount }];
  const chunks: Chunk[] = [];
  let startLine = 0;
  for (const line of statementLines(text)) {
    const length = line - startLine;
    if (length < MIN_CHUNK_LINES) continue;
    const offset = lineStarts[line];
    if (IMPORTS.test(text.slice(offset, offset + 6))) continue;
    if (length >= MAX_CHUNK_LINES || (lineHash(text, offset) & CUT_MASK) === 0) {
      chunks.push({ startLine, endLine: line });
      startLine = line;
    }
  }
  chunks.push({ startLine, endLine: lineCount });
  return chunks;
}
