// From the engine's findings to what the CLI reports: positions within the file or cell (and,
// for notebooks, within the .ipynb text), the fingerprint a baseline matches, and the first
// syntax error of a file that does not fully parse.
import type { Node, Point } from 'web-tree-sitter';
import type { AnalysisResult } from '../analyze';
import type { Finding, RuleMeta } from '../engine/types';
import { computeLineStarts, lineText, positionAt, toLocalRange } from '../documents/positions';
import type { DocumentSource } from '../documents/source';
import type { Position, SourceDocument } from '../documents/types';
import { parseOnce } from '../parsing/incremental';
import type { PythonParser } from '../parsing/parser';
import { categoryLabel } from '../taxonomy/explain';
import { fingerprints } from './baseline';
import type { ReportedFinding } from './formats';
import { offsetInSource, type SourceSpan } from './notebookJson';
import type { NotAnalysed } from './read';

/** The document of one file as the report needs it. */
export interface ReportedDocument {
  shown: string;
  doc: SourceDocument;
  source: DocumentSource;
  /** For notebooks: the .ipynb text and where each cell's source is in it. */
  ipynb?: { text: string; spans: readonly (SourceSpan | undefined)[] };
}

const splitLines = (text: string) => text.split(/\r\n|\r|\n/);

export function reportFindings(file: ReportedDocument, findings: readonly Finding[], metas: ReadonlyMap<string, RuleMeta>): ReportedFinding[] {
  const { doc, source } = file;
  const cellLines = new Map<number, string[]>();
  const linesOf = (cellIndex: number) => {
    let lines = cellLines.get(cellIndex);
    if (!lines) cellLines.set(cellIndex, (lines = splitLines(source.cells[cellIndex]?.text ?? '')));
    return lines;
  };
  const ipynbLineStarts = file.ipynb ? computeLineStarts(file.ipynb.text) : [];
  const inIpynb = (cellIndex: number, at: Position) => {
    const span = file.ipynb?.spans[cellIndex];
    if (!file.ipynb || !span) return undefined;
    const position = positionAt({ text: file.ipynb.text, lineStarts: ipynbLineStarts }, offsetInSource(file.ipynb.text, span, at.line, at.character));
    return { line: position.line + 1, column: position.character + 1 };
  };
  /** The code fingerprints of a finding's other places of the same cause, each in its own cell. */
  const memberFingerprints = (finding: Finding): { memberFingerprints?: string[] } => {
    const members = finding.related.flatMap((r) => {
      const at = r.member ? toLocalRange(doc, r.range) : undefined;
      return at ? [fingerprints(finding.code, linesOf(at.segment.cellIndex), at.range.start.line, at.range.end.line).codeFingerprint] : [];
    });
    return members.length > 0 ? { memberFingerprints: members.sort() } : {};
  };
  const reported: ReportedFinding[] = [];
  for (const finding of findings) {
    const meta = metas.get(finding.code)!;
    const local = toLocalRange(doc, finding.range);
    if (!local) continue;
    const cellIndex = local.segment.cellIndex;
    const cell = doc.kind === 'notebook' ? cellIndex + 1 : undefined;
    const start = cell !== undefined ? inIpynb(cellIndex, local.range.start) : undefined;
    const end = cell !== undefined ? inIpynb(cellIndex, local.range.end) : undefined;
    reported.push({
      file: file.shown,
      ...(cell !== undefined ? { cell } : {}),
      line: local.range.start.line + 1,
      column: local.range.start.character + 1,
      endLine: local.range.end.line + 1,
      endColumn: local.range.end.character + 1,
      ...(start && end ? { ipynb: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column } } : {}),
      code: finding.code,
      name: finding.name,
      category: meta.category,
      section: categoryLabel(meta),
      severity: finding.severity,
      message: finding.message,
      ...(finding.fix ? { fix: { title: finding.fix.title, safety: finding.fix.safety } } : {}),
      snippet: lineText({ text: doc.original, lineStarts: doc.lineStarts }, finding.range.start.line),
      related: finding.related.flatMap((r) => {
        const at = toLocalRange(doc, r.range);
        return at ? [{ ...(doc.kind === 'notebook' ? { cell: at.segment.cellIndex + 1 } : {}), line: at.range.start.line + 1, column: at.range.start.character + 1, message: r.message }] : [];
      }),
      ...fingerprints(finding.code, linesOf(cellIndex), local.range.start.line, local.range.end.line),
      ...memberFingerprints(finding),
    });
  }
  return reported;
}

/** Where two named children of `node` touch on one line with nothing between them (a missing newline). */
function missingSeparator(node: Node): Point | undefined {
  const children = node.namedChildren.filter((child): child is Node => !!child);
  for (let i = 1; i < children.length; i++) {
    const before = children[i - 1];
    const after = children[i];
    if (before.endIndex === after.startIndex && before.endPosition.row === after.startPosition.row) return after.startPosition;
  }
  return undefined;
}

/** Statements, definitions and comments: what an error node may hold whole before what went wrong. */
const WHOLE_STATEMENT = /(_statement|_definition|^comment)$/;

/**
 * The child of an error node after the whole, cleanly parsed statements it opens with; undefined
 * when it opens with something else (the error node starts where it went wrong).
 */
function afterParsedStatements(error: Node): Node | undefined {
  const children = error.children.filter((child): child is Node => !!child);
  const first = children.findIndex((child) => !WHOLE_STATEMENT.test(child.type) || child.hasError);
  return first > 0 ? children[first] : undefined;
}

/** The first syntax error of a file or notebook whose code does not all parse, if any. */
export function syntaxError(parser: PythonParser, file: ReportedDocument, analysis: AnalysisResult): NotAnalysed | undefined {
  const { doc } = file;
  const broken = doc.segments.filter((s) => s.isPython && !analysis.cleanSegments.has(s.uri));
  if (broken.length === 0) return undefined;
  const { parsed, dispose } = parseOnce(parser, doc);
  try {
    for (const { tree, segmentIndex } of parsed.trees) {
      if (!tree.rootNode.hasError) continue;
      let node = tree.rootNode;
      let at = node.startPosition;
      // Descend to the first node that is an error or a missing token.
      for (;;) {
        const child = node.children.find((c) => c && (c.hasError || c.isError || c.isMissing));
        if (!child) {
          // A missing hidden token (the newline between two statements, `print(x)s`) is no child:
          // it sits where a statement starts on the line another one ends on, with nothing between.
          if (!node.isError) at = missingSeparator(node) ?? node.startPosition;
          break;
        }
        // An error node that opens with whole statements parsed cleanly (tree-sitter wraps a module
        // it could not finish, from its first line) goes wrong where they end.
        const next = node.isError ? afterParsedStatements(node) : child;
        if (!next) break;
        node = next;
        at = node.startPosition;
        if (node.isMissing || !(node.hasError || node.isError)) break;
      }
      const local = toLocalRange(doc, { start: { line: at.row, character: at.column }, end: { line: at.row, character: at.column } });
      const segment = doc.segments[segmentIndex];
      const cell = doc.kind === 'notebook' ? segment.cellIndex + 1 : undefined;
      const line = (local?.range.start.line ?? 0) + 1;
      const column = (local?.range.start.character ?? 0) + 1;
      const where = `${cell !== undefined ? `cell ${cell}, ` : ''}${line}:${column}`;
      const more = broken.length > 1 ? ` (and ${broken.length - 1} more cell${broken.length > 2 ? 's' : ''})` : '';
      return { file: file.shown, kind: 'syntax-error', reason: `does not parse at ${where}${more} (a syntax error, or syntax the parser cannot read): the code that parses was checked, the rest was not`, ...(cell !== undefined ? { cell } : {}), line, column };
    }
  } finally {
    dispose();
  }
  return undefined;
}
