// Where each cell's "source" sits in the text of an .ipynb file, so that a fix can rewrite only
// the sources of the cells it changed (outputs, metadata and nbformat's layout stay byte for
// byte), and so that a position in a cell can be located in the file itself (SARIF, GitHub).
import { pushTo } from '../engine/collections';

/** The raw JSON string tokens of one cell's source, in order: one, or one per line. */
export interface SourceSpan {
  /** Offsets of the whole value (the string, or the array with its brackets). */
  start: number;
  end: number;
  form: 'string' | 'array';
  /** Offsets of each string token, quotes included. */
  strings: { start: number; end: number }[];
}

interface JsonNode {
  start: number;
  end: number;
  type: 'object' | 'array' | 'string' | 'other';
  entries?: { key: string; value: JsonNode }[];
  items?: JsonNode[];
}

/** A scanner for JSON already known to be valid (JSON.parse accepted it). */
function scan(text: string, at: number): JsonNode {
  const skip = (i: number) => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    return i;
  };
  // The engine's search finds the quotes: an output's base64 image is one string of megabytes.
  const stringEnd = (i: number) => {
    for (let j = text.indexOf('"', i + 1); j !== -1; j = text.indexOf('"', j + 1)) {
      let backslashes = 0;
      while (text.charCodeAt(j - 1 - backslashes) === 92 /* \\ */) backslashes++;
      if (backslashes % 2 === 0) return j + 1; // not escaped
    }
    return text.length;
  };
  const value = (i: number): JsonNode => {
    i = skip(i);
    const ch = text[i];
    if (ch === '"') return { start: i, end: stringEnd(i), type: 'string' };
    if (ch === '{') {
      const entries: JsonNode['entries'] = [];
      let j = skip(i + 1);
      while (text[j] !== '}') {
        const keyEnd = stringEnd(j);
        const key = JSON.parse(text.slice(j, keyEnd)) as string;
        const node = value(skip(keyEnd) + 1);
        entries.push({ key, value: node });
        j = skip(node.end);
        if (text[j] === ',') j = skip(j + 1);
      }
      return { start: i, end: j + 1, type: 'object', entries };
    }
    if (ch === '[') {
      const items: JsonNode[] = [];
      let j = skip(i + 1);
      while (text[j] !== ']') {
        const node = value(j);
        items.push(node);
        j = skip(node.end);
        if (text[j] === ',') j = skip(j + 1);
      }
      return { start: i, end: j + 1, type: 'array', items };
    }
    let j = i;
    while (j < text.length && !',]} \n\r\t'.includes(text[j])) j++;
    return { start: i, end: j, type: 'other' };
  };
  return value(at);
}

/** The value of an object's entry `key`. */
function entry(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.entries?.find((e) => e.key === key)?.value;
}

/**
 * The source span of every cell, by position in the notebook's cells: its "cells" list, or in
 * nbformat 3 the cells of its "worksheets" in order, where a code cell keeps its source in "input".
 */
export function cellSourceSpans(text: string): (SourceSpan | undefined)[] {
  const root = scan(text, 0);
  const cells = entry(root, 'cells')?.items ?? (entry(root, 'worksheets')?.items ?? []).flatMap((sheet) => entry(sheet, 'cells')?.items ?? []);
  return cells.map((cell) => {
    const source = entry(cell, 'source') ?? entry(cell, 'input');
    if (!source) return undefined;
    if (source.type === 'string') return { start: source.start, end: source.end, form: 'string', strings: [{ start: source.start, end: source.end }] };
    if (source.type !== 'array') return undefined;
    return { start: source.start, end: source.end, form: 'array', strings: (source.items ?? []).filter((i) => i.type === 'string').map((i) => ({ start: i.start, end: i.end })) };
  });
}

/** The offset in the file of a position (0-based line and UTF-16 column) in a cell's source. */
export function offsetInSource(text: string, span: SourceSpan, line: number, character: number): number {
  let l = 0;
  let c = 0;
  for (const token of span.strings) {
    for (let i = token.start + 1; i < token.end - 1;) {
      if (l === line && c === character) return i;
      const width = text[i] !== '\\' ? 1 : text[i + 1] === 'u' ? 6 : 2;
      if (width === 2 && text[i + 1] === 'n') {
        l++;
        c = 0;
      } else c++;
      i += width;
    }
  }
  const last = span.strings.at(-1);
  return last ? last.end - 1 : span.start;
}

/** The lines of a cell's source as nbformat stores them: each but the last keeps its '\n'. */
function sourceLines(source: string): string[] {
  const lines = source.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

function jsonString(value: string, asciiOnly: boolean): string {
  const json = JSON.stringify(value);
  return asciiOnly ? json.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/**
 * The notebook's text with new sources for some cells (by index; undefined keeps a cell). A
 * changed cell keeps its form (one string or a list of lines), the whitespace between its lines,
 * and the raw text of every line it still has, so the file changes only where the code did.
 */
export function replaceSources(text: string, spans: readonly (SourceSpan | undefined)[], sources: readonly (string | undefined)[]): string {
  const asciiOnly = !/[^\x00-\x7f]/.test(text);
  const replacements: { start: number; end: number; text: string }[] = [];
  sources.forEach((source, index) => {
    const span = spans[index];
    if (source === undefined || !span) return;
    if (span.form === 'string') {
      replacements.push({ start: span.start, end: span.end, text: jsonString(source, asciiOnly) });
      return;
    }
    // Raw tokens of the old lines, by their decoded text, to be reused for lines that stay.
    const old = new Map<string, string[]>();
    for (const token of span.strings) {
      const raw = text.slice(token.start, token.end);
      const decoded = JSON.parse(raw) as string;
      pushTo(old, decoded, raw);
    }
    const tokens = sourceLines(source).map((line) => old.get(line)?.shift() ?? jsonString(line, asciiOnly));
    const first = span.strings[0];
    const last = span.strings.at(-1);
    let open: string;
    let between: string;
    let close: string;
    if (first && last) {
      open = text.slice(span.start + 1, first.start);
      close = text.slice(last.end, span.end - 1);
      between = span.strings.length > 1 ? text.slice(first.end, span.strings[1].start) : `,${open}`;
    } else {
      // An empty list: indent the lines one level deeper than the "source" key, as nbformat does.
      const lineStart = text.lastIndexOf('\n', span.start) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
      open = `\n${indent} `;
      between = `,${open}`;
      close = `\n${indent}`;
    }
    replacements.push({ start: span.start, end: span.end, text: tokens.length ? `[${open}${tokens.join(between)}${close}]` : '[]' });
  });
  let result = '';
  let at = 0;
  for (const r of replacements.sort((a, b) => a.start - b.start)) {
    result += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return result + text.slice(at);
}
