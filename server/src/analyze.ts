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
import type { SyntaxTables } from './semantics/walk';
import { enclosingStatement, nodeRange } from './semantics/nodes';
import { Budget, budgeted, BudgetExceeded, type BudgetStop } from './engine/budget';

/** The registry of rules, for the front doors (the CLI lists and explains them). */
export { RULES };

export interface RuleError {
  code: string;
  message: string;
  /** 'budget' when the rule did not fail but ran out of time (or did not run for lack of it). */
  kind?: 'budget';
}

export interface AnalysisResult {
  findings: Finding[];
  /** URIs of the segments (file or cells) that parse without syntax errors. */
  cleanSegments: Set<string>;
  /** Rules that threw; the others still ran. */
  errors: RuleError[];
  timings: { indexMs: number; rulesMs: number };
  /** Set when the time budget ran out: which rule it stopped and which did not run. */
  budgetStop?: BudgetStop;
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
  /** Set when the time budget stopped the analysis before every rule finished. */
  budgetStop?: BudgetStop;
  durationMs: number;
  /** Where durationMs went (language server): see AnalysisPhases. */
  phases?: AnalysisPhases;
}

/** An analysis' wall time by phase; `pausedMs` is the time it spent paused between steps (other events ran). */
export interface AnalysisPhases {
  parseMs: number;
  indexMs: number;
  rulesMs: number;
  pausedMs: number;
}

export interface AnalyzeOptions {
  parser: PythonParser;
  rules?: readonly Rule[];
  /** Time budget of the whole analysis in ms (see budget.ts); none when undefined. */
  budgetMs?: number;
  /** The syntax tables of the document's previous version (language server), reused where the edit left them standing. */
  tables?: SyntaxTables;
}

/** The budget of a file analysed by the CLI, where nobody waits on the thread. */
export const CLI_BUDGET_MS = 60_000;

export function analyze(parsed: ParsedDocument, config: AnalysisConfig, options: AnalyzeOptions): AnalysisResult {
  return runSteps(analysisSteps(parsed, config, options));
}

/** Runs an analysis given as steps to its end, on this thread, without pausing. */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The analysis as steps: it pauses (yields) after the index and after each rule, so the language
 * server can read new messages between them and give up an analysis a newer version overtook.
 * Run to its end, it is exactly `analyze`.
 */
export function* analysisSteps(parsed: ParsedDocument, config: AnalysisConfig, options: AnalyzeOptions): Generator<void, AnalysisResult, void> {
  const { doc } = parsed;
  const started = performance.now();
  const budget = options.budgetMs === undefined ? undefined : new Budget(options.budgetMs);
  let budgetStop: BudgetStop | undefined;
  const model = new SemanticIndex(parsed, options.tables);
  const index = budget ? budgeted(model, budget) : model;
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
    yield;
    const severity = effectiveSeverity(config, rule.meta);
    if (severity === 'off') continue;
    if (rule.meta.notebookOnly && doc.kind !== 'notebook') continue;
    if (budget?.expired()) {
      budgetStop ??= { budgetMs: budget.budgetMs, stoppedRules: [], notRun: [] };
      budgetStop.notRun.push(rule.meta.code);
      continue;
    }
    budget?.startRule();
    const findingsBefore = findings.length;
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
      if (error instanceof BudgetExceeded) {
        // A rule stopped half-way may have reported what the rest of its check would refute.
        findings.length = findingsBefore;
        budgetStop ??= { budgetMs: error.budgetMs, stoppedRules: [], notRun: [] };
        budgetStop.stoppedRules.push(rule.meta.code);
        continue;
      }
      errors.push({ code: rule.meta.code, message: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
  const cleanSegments = new Set(parsed.trees.filter((t) => !t.tree.rootNode.hasError).map((t) => doc.segments[t.segmentIndex].uri));
  if (budgetStop) errors.push({ code: budgetStop.stoppedRules[0] ?? budgetStop.notRun[0], message: describeBudgetStop(budgetStop), kind: 'budget' });
  return { findings, errors, cleanSegments, timings: { indexMs: indexed - started, rulesMs: performance.now() - indexed }, ...(budgetStop ? { budgetStop } : {}) };
}

/** One sentence naming the rule that ran out of time and the rules that did not run. */
export function describeBudgetStop(stop: BudgetStop): string {
  const seconds = stop.budgetMs >= 1000 ? `${Number((stop.budgetMs / 1000).toFixed(1))} s` : `${stop.budgetMs} ms`;
  const rules = stop.stoppedRules.join(', ');
  const stopped = stop.stoppedRules.length
    ? `${rules} ran out of ${stop.stoppedRules.length === 1 ? 'its' : 'their'} share of the ${seconds} time budget for this file and ${stop.stoppedRules.length === 1 ? 'was' : 'were'} stopped (${stop.stoppedRules.length === 1 ? 'its' : 'their'} findings are missing)`
    : `the ${seconds} time budget for this file ran out before ${stop.notRun[0]} started`;
  const notRun = stop.notRun.length ? `; ${stop.notRun.length} rule(s) did not run: ${stop.notRun.join(', ')}` : '';
  return `${stopped}${notRun}. The other findings are complete.`;
}

/** Parses and analyses a document that is not kept open (CLI, tests). */
export function analyzeDocument(doc: SourceDocument, config: AnalysisConfig, options: AnalyzeOptions): AnalysisResult {
  const { parsed, dispose } = parseOnce(options.parser, doc);
  try {
    return analyze(parsed, config, { budgetMs: CLI_BUDGET_MS, ...options });
  } finally {
    dispose();
  }
}

export function ruleByCode(code: string, rules: readonly Rule[] = RULES): RuleMeta | undefined {
  return rules.find((rule) => rule.meta.code === code)?.meta;
}
