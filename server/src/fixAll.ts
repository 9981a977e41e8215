// Fix safety checks and fix-all, shared by the code actions and the CLI. A fix is offered only if
// applying it leaves Python that parses no worse than before; fix-all applies safe fixes in
// passes, re-analysing between passes until nothing safe is left. A pass takes one fix per rule
// among those that write outside what they report (two may both introduce the same new name),
// and every fix that only rewrites its finding's own line in place.
import type { AnalysisConfig } from './config/settings';
import { analyzeDocument, type AnalysisResult } from './analyze';
import type { Finding } from './engine/types';
import { editsOverlap } from './documents/edits';
import { rangeContains } from './documents/positions';
import { applyToSource, buildDocument, type DocumentSource } from './documents/source';
import type { SourceDocument, TextEdit } from './documents/types';
import { parseOnce, segmentParses } from './parsing/incremental';
import type { PythonParser } from './parsing/parser';

/** Segments (by URI) whose code parses without errors. */
export function cleanSegments(parser: PythonParser, doc: SourceDocument): Set<string> {
  const { parsed, dispose } = parseOnce(parser, doc);
  try {
    return new Set(parsed.trees.filter((t) => !t.tree.rootNode.hasError).map((t) => doc.segments[t.segmentIndex].uri));
  } finally {
    dispose();
  }
}

/**
 * The source after the edits, if they apply cleanly and break no cell (or file) that parsed
 * before; undefined otherwise. `cleanBefore` (known from the analysis) spares a parse; only the
 * cells the edits change are parsed again.
 */
export function checkedApply(parser: PythonParser, source: DocumentSource, doc: SourceDocument, edits: readonly TextEdit[], cleanBefore?: ReadonlySet<string>): DocumentSource | undefined {
  const next = applyToSource(source, doc, edits);
  if (!next) return undefined;
  const before = cleanBefore ?? cleanSegments(parser, doc);
  const nextDoc = buildDocument(next);
  const changed = new Set(next.cells.filter((cell, i) => cell.text !== source.cells[i].text).map((cell) => cell.uri));
  for (const segment of nextDoc.segments) {
    if (before.has(segment.uri) && changed.has(segment.uri) && !segmentParses(parser, nextDoc, segment)) return undefined;
  }
  return next;
}

export interface FixAllResult {
  source: DocumentSource;
  applied: Finding[];
  /** The analysis of the final source (what is left to report), when `options.remaining` asks. */
  remaining?: AnalysisResult;
}

/** Names a fix's new text binds at the start of a line: `SEED = 42`, `import numpy as np`, `from x import y`, `def helper`. */
function definedNames(edits: readonly TextEdit[]): Set<string> {
  const names = new Set<string>();
  for (const { newText } of edits) {
    for (const line of newText.split(/\r?\n|\r/)) {
      const assigned = /^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=]*)?=(?!=)/.exec(line) ?? /^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z_]\w*)/.exec(line);
      if (assigned) names.add(assigned[1]);
      const imported = /^[ \t]*(?:from[ \t]+\S+[ \t]+)?import[ \t]+(.+)$/.exec(line);
      if (imported) for (const part of imported[1].replace(/[()]/g, '').split(',')) {
        const words = part.trim().split(/[ \t]+/);
        const name = words[words.length - 1]?.split('.')[0];
        if (name) names.add(name);
      }
    }
  }
  return names;
}

/**
 * Two fixes of one pass conflict when their edits overlap or insert at the same point (the order
 * of the insertions is not defined), or when both define the same name, wherever each puts it: two
 * rules' seed fixes each writing `SEED = 42`, one after the imports, one before the first seed it
 * extracts, would leave the constant defined twice. The later one waits for the next pass, where
 * it sees what the first wrote.
 */
function conflict(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  const inserts = (edit: TextEdit) => edit.range.start.line === edit.range.end.line && edit.range.start.character === edit.range.end.character;
  const samePoint = (x: TextEdit, y: TextEdit) => x.range.start.line === y.range.start.line && x.range.start.character === y.range.start.character;
  if (editsOverlap(a, b) || a.some((x) => inserts(x) && b.some((y) => inserts(y) && samePoint(x, y)))) return true;
  const defined = definedNames(a);
  return defined.size > 0 && [...definedNames(b)].some((name) => defined.has(name));
}

/**
 * A fix that only rewrites, within one line, the text its finding reports (`.values` into
 * `.to_numpy()`): it defines no name elsewhere, so any number of one rule's such fixes can share
 * a pass. A file with sixty of them is fixed in one run, not left half done after the last pass.
 */
function rewritesInPlace(finding: Finding): boolean {
  return finding.fix!.edits.every((edit) => edit.range.start.line === edit.range.end.line && !/[\r\n]/.test(edit.newText)
    && rangeContains(finding.range, edit.range.start) && rangeContains(finding.range, edit.range.end));
}

/** Identifies a fix across passes, where positions move but the message and new text do not. */
function fixKey(finding: Finding): string {
  return `${finding.code}|${finding.message}|${finding.fix?.edits.map((e) => e.newText).join('|')}`;
}

export function fixAll(parser: PythonParser, source: DocumentSource, config: AnalysisConfig, options: { includeUnsafe?: boolean; maxPasses?: number; remaining?: boolean } = {}): FixAllResult {
  let current = source;
  const applied: Finding[] = [];
  const rejected = new Set<string>();
  // The analysis of `current`, kept so that the CLI reports what is left without analysing again.
  let latest: { of: DocumentSource; result: AnalysisResult } | undefined;
  for (let pass = 0; pass < (options.maxPasses ?? 50); pass++) {
    const doc = buildDocument(current);
    const analysis = analyzeDocument(doc, config, { parser });
    latest = { of: current, result: analysis };
    const { findings, cleanSegments: clean } = analysis;
    const candidates: Finding[] = [];
    const seenRules = new Set<string>();
    for (const finding of findings) {
      const fix = finding.fix;
      if (!fix || (fix.safety !== 'safe' && !options.includeUnsafe) || rejected.has(fixKey(finding))) continue;
      const inPlace = rewritesInPlace(finding);
      if ((!inPlace && seenRules.has(finding.code)) || candidates.some((other) => conflict(other.fix!.edits, fix.edits))) continue;
      candidates.push(finding);
      if (!inPlace) seenRules.add(finding.code);
    }
    if (candidates.length === 0) break;
    let accepted = candidates;
    let next = checkedApply(parser, current, doc, candidates.flatMap((f) => f.fix!.edits), clean);
    if (!next) {
      // Find the fixes that cannot be applied cleanly; they are left for the user.
      accepted = [];
      for (const candidate of candidates) {
        const attempt = checkedApply(parser, current, doc, [...accepted, candidate].flatMap((f) => f.fix!.edits), clean);
        if (attempt) {
          accepted.push(candidate);
          next = attempt;
        } else {
          rejected.add(fixKey(candidate));
        }
      }
    }
    if (next && accepted.length > 0) {
      applied.push(...accepted);
      current = next;
    }
  }
  if (!options.remaining) return { source: current, applied };
  const remaining = latest?.of === current ? latest.result : analyzeDocument(buildDocument(current), config, { parser });
  return { source: current, applied, remaining };
}
