// The open documents of one language-server session: their text, their incremental parse state
// and their last analysis. Knows nothing of LSP; server.ts feeds it and publishes what it returns.
import { analysisSteps, runSteps, type Analysis } from './analyze';
import type { AnalysisConfig } from './config/settings';
import { buildDocument, type DocumentSource } from './documents/source';
import { skipReason } from './engine/limits';
import { IncrementalParser } from './parsing/incremental';
import { CHUNKED_MIN_LINES } from './parsing/chunks';
import type { PythonParser } from './parsing/parser';
import { SyntaxTables } from './semantics/walk';

// The last analysis of a document is the analysis layer's type; the session only keeps it.
export type { Analysis } from './analyze';

export interface SessionOptions {
  /** Time budget of one analysis of one document, in ms. */
  budgetMs?: number;
}


/**
 * How many documents keep their parse trees between analyses. A tree makes the next parse of an
 * edited document incremental, but it holds WebAssembly memory (which never shrinks once grown)
 * and the JS-side caches built on it; only the documents being edited gain from it. With 200
 * documents open, keeping every tree grew the server past 500 MB; the others re-parse from
 * scratch on their next edit (milliseconds for a file of a few hundred lines).
 */
export const KEPT_TREES = 8;

/** What the session keeps of a document between versions: its parse trees and their syntax tables. */
class DocumentState {
  readonly parser: IncrementalParser;
  readonly tables = new SyntaxTables();
  /**
   * True while an analysis of the document is under way. The server runs analyses in slices, so
   * other documents' analyses (and their evictions) and a close can come in between: the trees
   * an unfinished analysis reads are freed only once it ends.
   */
  busy = false;
  private released = false;

  constructor(parser: PythonParser, chunkedFrom: number) {
    this.parser = new IncrementalParser(parser, chunkedFrom);
  }

  /** Frees the trees now, or when the analysis under way ends. */
  dispose(): void {
    this.released = true;
    if (!this.busy) this.parser.dispose();
  }

  /** The analysis under way ended (finished, failed or given up). */
  settle(): void {
    this.busy = false;
    if (this.released) this.parser.dispose();
  }
}

/**
 * Whether `latest` is already the analysis of `source` under `config`: the same cells, the same
 * configuration, and a complete run (no rule failed or ran out of time, which a second run might
 * not repeat). The analysis is a function of these alone, whatever the version number.
 */
function sameAnalysis(latest: Analysis, source: DocumentSource, config: AnalysisConfig): boolean {
  if (latest.skipped || latest.budgetStop || latest.errors.length > 0) return false;
  const before = latest.source;
  return before.kind === source.kind && before.cells.length === source.cells.length &&
    before.cells.every((cell, i) => sameFields(cell, source.cells[i])) && JSON.stringify(latest.config) === JSON.stringify(config);
}

function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export class Session {
  /** Parse state of the documents analysed most recently, oldest first. */
  private parsers = new Map<string, DocumentState>();
  private analyses = new Map<string, Analysis>();

  /** `chunkedFrom`: scripts of at least this many lines are parsed in chunks (parsing/chunks.ts). */
  constructor(private readonly parser: PythonParser, private readonly keptTrees = KEPT_TREES, private readonly chunkedFrom = CHUNKED_MIN_LINES) {}

  /** How many documents hold parse trees now (for tests). */
  get treesHeld(): number {
    return this.parsers.size;
  }

  /** Marks the document as just analysed and frees the trees of the least recently analysed. */
  private keep(uri: string, incremental: DocumentState): void {
    this.parsers.delete(uri);
    this.parsers.set(uri, incremental);
    for (const [oldest, parser] of this.parsers) {
      if (this.parsers.size <= this.keptTrees) break;
      if (parser.busy) continue;
      parser.dispose();
      this.parsers.delete(oldest);
    }
  }

  analyze(source: DocumentSource, config: AnalysisConfig, options: SessionOptions = {}): Analysis {
    return runSteps(this.analysisSteps(source, config, options, false));
  }

  /**
   * The analysis of a new version as steps (see analysisSteps in analyze.ts). A caller may stop
   * before the end when a newer version arrives: the parse state has then moved to this version
   * (the next parse is incremental from it) and `latest` is still the previous analysis.
   * `pauses` false runs the steps through without yielding (and so without pauses to time).
   */
  *analysisSteps(source: DocumentSource, config: AnalysisConfig, options: SessionOptions = {}, pauses = true): Generator<void, Analysis, void> {
    const started = performance.now();
    const doc = buildDocument(source);
    const reason = skipReason(source, config.maxFileSize);
    if (reason) {
      this.parsers.get(source.uri)?.dispose();
      this.parsers.delete(source.uri);
      const skipped: Analysis = { source, doc, findings: [], errors: [], config, cleanSegments: new Set(), skipped: reason, durationMs: 0 };
      this.analyses.set(source.uri, skipped);
      return skipped;
    }
    const latest = this.analyses.get(source.uri);
    if (latest && sameAnalysis(latest, source, config)) {
      // A save, or an edit undone before it was analysed: the text is the one analysed last.
      const { phases: _, ...same } = latest;
      const analysis: Analysis = { ...same, source, doc, durationMs: performance.now() - started };
      this.analyses.set(source.uri, analysis);
      return analysis;
    }
    let incremental = this.parsers.get(source.uri);
    if (!incremental) {
      incremental = new DocumentState(this.parser, this.chunkedFrom);
      this.parsers.set(source.uri, incremental);
    }
    incremental.busy = true;
    try {
      const parsed = incremental.parser.update(doc);
      const parseMs = performance.now() - started;
      const steps = analysisSteps(parsed, config, { parser: this.parser, tables: incremental.tables, ...options });
      // The steps are passed on one by one (not yield*) to time the pauses between them.
      let pausedMs = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) {
        // Run to its end at once (`analyze`), nothing pauses: a collection or a descheduling between
        // two steps is analysis time, not a pause.
        if (!pauses) continue;
        const paused = performance.now();
        yield;
        pausedMs += performance.now() - paused;
      }
      const result = step.value;
      this.keep(source.uri, incremental);
      const durationMs = performance.now() - started;
      const phases = { parseMs, indexMs: result.timings.indexMs, rulesMs: durationMs - parseMs - result.timings.indexMs - pausedMs, pausedMs };
      const analysis: Analysis = {
        source, doc, findings: result.findings, errors: result.errors, config, cleanSegments: result.cleanSegments, durationMs, phases,
        ...(result.budgetStop ? { budgetStop: result.budgetStop } : {}),
      };
      this.analyses.set(source.uri, analysis);
      return analysis;
    } catch (error) {
      // A failed parse leaves no state behind: the next version starts from scratch.
      incremental.dispose();
      this.parsers.delete(source.uri);
      throw error;
    } finally {
      incremental.settle();
    }
  }

  latest(uri: string): Analysis | undefined {
    return this.analyses.get(uri);
  }

  close(uri: string): void {
    this.parsers.get(uri)?.dispose();
    this.parsers.delete(uri);
    this.analyses.delete(uri);
  }
}
