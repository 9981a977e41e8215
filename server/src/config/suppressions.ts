// Suppression comments, and the edit that writes one.
//   # mldebt: ignore                 every rule, on this line
//   # mldebt: ignore[MLD802, MLD801] these rules (codes or names), on this line
//   # mldebt: ignore-cell[...]       the notebook cell it is in
//   # mldebt: ignore-file[...]       the whole file
import type { Node } from 'web-tree-sitter';
import type { Magic, SourceDocument, TextEdit } from '../documents/types';
import { lineEndOffset, lineText, segmentIndexAtLine } from '../documents/positions';
import type { Finding, RuleMeta } from '../engine/types';

// Case-insensitive, as Ruff's `# NOQA`: `# MLDEBT: IGNORE[mld802]` is the same directive.
const DIRECTIVE = /mldebt:\s*(ignore(?:-file|-cell)?)\b(?:\[([^\]]*)\])?/gi;
/** The cheap test in front of DIRECTIVE: whether a comment names the tool at all, in any case. */
const NAMES_TOOL = /mldebt/i;

type RuleSet = Set<string> | 'all';

export interface Suppressions {
  lines: Map<number, RuleSet>;
  /** The last line that holds a directive (-1 when none does). */
  lastLine: number;
  cells: Map<number, RuleSet>;
  file: RuleSet | undefined;
}

function add(target: RuleSet | undefined, rules: string | undefined): RuleSet {
  if (target === 'all' || rules === undefined || rules.trim() === '') return 'all';
  const set = target ?? new Set<string>();
  for (const rule of rules.split(',')) if (rule.trim()) set.add(rule.trim().toLowerCase());
  return set;
}

function covers(set: RuleSet | undefined, meta: Pick<RuleMeta, 'code' | 'name'>): boolean {
  return set === 'all' || (!!set && (set.has(meta.code.toLowerCase()) || set.has(meta.name.toLowerCase())));
}

interface CommentLike {
  text: string;
  line: number;
  endLine: number;
}

export function collectSuppressions(doc: SourceDocument, comments: readonly Node[]): Suppressions {
  const result: Suppressions = { lines: new Map(), lastLine: -1, cells: new Map(), file: undefined };
  const sources: CommentLike[] = [];
  // Only a comment that names mldebt can hold a directive: the lines of the others are not worked out.
  for (const c of comments) {
    const text = c.text;
    if (NAMES_TOOL.test(text)) sources.push({ text, line: c.startPosition.row, endLine: c.endPosition.row });
  }
  // IPython lines are blanked before parsing, so their comments are read from the magic text.
  for (const magic of doc.magics) sources.push({ text: magic.text, line: magic.range.start.line, endLine: magic.range.end.line });
  for (const source of sources) {
    if (!NAMES_TOOL.test(source.text)) continue;
    for (const match of source.text.matchAll(DIRECTIVE)) {
      const [, directive, rules] = match;
      const kind = directive.toLowerCase();
      if (kind === 'ignore-file') {
        result.file = add(result.file, rules);
      } else if (kind === 'ignore-cell') {
        const cell = segmentIndexAtLine(doc, source.line);
        result.cells.set(cell, add(result.cells.get(cell), rules));
      } else {
        // A directive in a multi-line magic (a %%bash cell body) covers all of its lines.
        for (let line = source.line; line <= source.endLine; line++) result.lines.set(line, add(result.lines.get(line), rules));
        result.lastLine = Math.max(result.lastLine, source.endLine);
      }
    }
  }
  return result;
}

/** Lines where a directive covers a finding: its first and last line, and its statement's last line. */
function directiveLines(finding: Pick<Finding, 'range'>, statementEndLine?: number): number[] {
  // Each line once, in this order, without a set per finding.
  const { start, end } = finding.range;
  const lines = [start.line];
  if (end.line !== start.line) lines.push(end.line);
  if (statementEndLine !== undefined && statementEndLine !== start.line && statementEndLine !== end.line) lines.push(statementEndLine);
  return lines;
}

/**
 * Whether a directive covers a finding. `statementEnd` (the last line of the finding's statement)
 * may be given as a function: it is then asked only when a directive lies below the finding, since
 * finding a statement's end climbs the tree, and a rule that checks each of thousands of places in
 * one deep expression would climb it thousands of times.
 */
export function isSuppressed(suppressions: Suppressions, doc: SourceDocument, finding: Pick<Finding, 'range'>, meta: Pick<RuleMeta, 'code' | 'name'>, statementEnd?: number | (() => number | undefined)): boolean {
  if (covers(suppressions.file, meta)) return true;
  // Most files have no directive: no cell or line to look up.
  if (suppressions.cells.size > 0 && covers(suppressions.cells.get(segmentIndexAtLine(doc, finding.range.start.line)), meta)) return true;
  if (suppressions.lines.size === 0) return false;
  const { start, end } = finding.range;
  if (covers(suppressions.lines.get(start.line), meta) || covers(suppressions.lines.get(end.line), meta)) return true;
  if (typeof statementEnd !== 'function') return statementEnd !== undefined && covers(suppressions.lines.get(statementEnd), meta);
  if (!(suppressions.lastLine > end.line)) return false;
  const line = statementEnd();
  return line !== undefined && covers(suppressions.lines.get(line), meta);
}

/** Comment syntax for the body of a non-Python cell magic, where `#` may not be a comment. */
const CELL_MAGIC_COMMENT: Record<string, string> = {
  bash: '#', sh: '#', script: '#', perl: '#', ruby: '#', r: '#', writefile: '#', sql: '--', javascript: '//', js: '//',
};

/**
 * The edit that suppresses `code` for a finding: extends a directive already on the line, or
 * appends one. Lines whose end lies inside a string or after a `\` continuation cannot take a
 * comment; the finding's last line, then its statement's last line are tried next, and failing
 * all there is no edit.
 */
export function ignoreEdit(doc: SourceDocument, strings: readonly Node[], finding: Pick<Finding, 'range'>, code: string, statementEndLine?: number): TextEdit | undefined {
  const cellMagic = doc.magics.find((m) => m.kind === 'cell-magic' && m.range.start.line === finding.range.start.line && m.range.end.line > m.range.start.line);
  if (cellMagic) return cellMagicIgnore(doc, cellMagic, code);
  for (const line of directiveLines(finding, statementEndLine)) {
    const edit = lineIgnore(doc, strings, line, code);
    if (edit) return edit;
  }
  return undefined;
}

function lineIgnore(doc: SourceDocument, strings: readonly Node[], line: number, code: string): TextEdit | undefined {
  const original = doc.original.slice(doc.lineStarts[line], lineEndOffset(doc, line));
  const existing = /mldebt:\s*ignore\[([^\]]*)\]/i.exec(original);
  if (existing) {
    const codes = existing[1].split(',').map((c) => c.trim().toLowerCase());
    if (codes.includes(code.toLowerCase())) return undefined;
    const at = existing.index + existing[0].length - 1;
    const position = { line, character: at };
    return { range: { start: position, end: position }, newText: existing[1].trim() ? `, ${code}` : code };
  }
  if (/mldebt:\s*ignore(?![-\w[])/i.test(original)) return undefined;
  if (/\\\s*$/.test(lineText(doc, line))) return undefined;
  const end = lineEndOffset(doc, line);
  if (strings.some((s) => s.startIndex < end && end < s.endIndex)) return undefined;
  const position = { line, character: end - doc.lineStarts[line] };
  const separator = original.trim() === '' ? '' : '  ';
  return { range: { start: position, end: position }, newText: `${separator}# mldebt: ignore[${code}]` };
}

function cellMagicIgnore(doc: SourceDocument, magic: Magic, code: string): TextEdit | undefined {
  const comment = CELL_MAGIC_COMMENT[magic.name.toLowerCase()];
  if (!comment || /mldebt:\s*ignore/i.test(magic.text)) return undefined;
  const line = magic.range.start.line;
  const position = { line, character: lineEndOffset(doc, line) - doc.lineStarts[line] };
  return { range: { start: position, end: position }, newText: `\n${comment} mldebt: ignore[${code}]` };
}
