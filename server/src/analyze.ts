// analyze(document, config) -> findings: the one entry point the language server and the CLI
// share. Parse trees -> semantic index -> every enabled rule -> suppressions and severities.
import type { SourceDocument } from './documents/types';
import type { DocumentSource } from './documents/source';
import { collectSuppressions, ignoreEdit, isSuppressed } from './config/suppressions';
import { effectiveSeverity, type AnalysisConfig } from './config/settings';
import { RULES } from './detectors';
import type { Rule, RuleContext } from './detectors/types';
import type { Finding, RuleMeta } from './engine/types';
import type { ParsedDocument } from './parsing/incremental';
import { parseOnce } from './parsing/incremental';
import type { PythonParser } from './parsing/parser';
import { SemanticIndex } from './semantics';
import { enclosingStatement, nodeRange } from './semantics/nodes';

/** The registry of rules, for the front doors (the CLI lists and explains them). */
export { RULES };

export interface RuleError {
  code: string;
  message: string;
}

export interface AnalysisResult {
  findings: Finding[];
  /** URIs of the segments (file or cells) that parse without syntax errors. */
  cleanSegments: Set<string>;
  /** Rules that threw; the others still ran. */
  errors: RuleError[];
  timings: { indexMs: number; rulesMs: number };
}

/** The last analysis of an open document, as the session keeps it and the features read it. */
export interface Analysis {
  source: DocumentSource;
  doc: SourceDocument;
  findings: Finding[];
  errors: RuleError[];
  config: AnalysisConfig;
  /** URIs of the segments that parse without syntax errors. */
  cleanSegments: Set<string>;
  /** Why the document was not analysed (too large, binary), if it was not. */
  skipped?: string;
  durationMs: number;
}

export interface AnalyzeOptions {
  parser: PythonParser;
  rules?: readonly Rule[];
}

export function analyze(parsed: ParsedDocument, config: AnalysisConfig, options: AnalyzeOptions): AnalysisResult {
  const { doc } = parsed;
  const started = performance.now();
  const index = new SemanticIndex(parsed);
  const indexed = performance.now();
  const suppressions = collectSuppressions(doc, index.nodes('comment'));
  // A suppression comment cannot go at the end of a line that ends inside a string.
  const multilineStrings = index.nodes('string').filter((s) => s.startPosition.row !== s.endPosition.row);
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  const snippetCache = new Map<string, boolean>();
  const parsesAsPython = (snippet: string): boolean => {
    let ok = snippetCache.get(snippet);
    if (ok === undefined) {
      const tree = options.parser.parse(snippet);
      ok = !tree.rootNode.hasError;
      tree.delete();
      snippetCache.set(snippet, ok);
    }
    return ok;
  };

  for (const rule of options.rules ?? RULES) {
    const severity = effectiveSeverity(config, rule.meta);
    if (severity === 'off') continue;
    if (rule.meta.notebookOnly && doc.kind !== 'notebook') continue;
    const context: RuleContext = {
      doc,
      index,
      meta: rule.meta,
      parsesAsPython,
      report(descriptor) {
        const range = descriptor.range ?? (descriptor.node ? nodeRange(descriptor.node) : undefined);
        if (!range) throw new Error(`${rule.meta.code} reported a finding without a node or range`);
        const finding: Finding = {
          code: rule.meta.code,
          name: rule.meta.name,
          category: rule.meta.category,
          severity,
          message: descriptor.message,
          range,
          tags: rule.meta.tags ?? [],
          related: (descriptor.related ?? []).flatMap((r) => {
            const relatedRange = r.range ?? (r.node ? nodeRange(r.node) : undefined);
            return relatedRange ? [{ range: relatedRange, message: r.message }] : [];
          }),
        };
        if (descriptor.fix) {
          if (!rule.meta.fix) throw new Error(`${rule.meta.code} offered a fix but declares none`);
          finding.fix = { title: descriptor.fix.title, edits: descriptor.fix.edits, safety: descriptor.fix.safety ?? rule.meta.fix.safety };
        }
        const statementEnd = descriptor.node ? enclosingStatement(descriptor.node).endPosition.row : undefined;
        if (isSuppressed(suppressions, doc, finding, rule.meta, statementEnd)) return;
        const edit = ignoreEdit(doc, multilineStrings, finding, rule.meta.code, statementEnd);
        if (edit) finding.ignoreEdit = edit;
        findings.push(finding);
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      errors.push({ code: rule.meta.code, message: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
  const cleanSegments = new Set(parsed.trees.filter((t) => !t.tree.rootNode.hasError).map((t) => doc.segments[t.segmentIndex].uri));
  return { findings, errors, cleanSegments, timings: { indexMs: indexed - started, rulesMs: performance.now() - indexed } };
}

/** Parses and analyses a document that is not kept open (CLI, tests). */
export function analyzeDocument(doc: SourceDocument, config: AnalysisConfig, options: AnalyzeOptions): AnalysisResult {
  const { parsed, dispose } = parseOnce(options.parser, doc);
  try {
    return analyze(parsed, config, options);
  } finally {
    dispose();
  }
}

export function ruleByCode(code: string, rules: readonly Rule[] = RULES): RuleMeta | undefined {
  return rules.find((rule) => rule.meta.code === code)?.meta;
}
