// The work `mldebt check` does on one file (after fixing it, with --fix or --diff): the same on
// the main thread (--jobs 1, small runs) and in a worker thread. It prints nothing: what it has to
// say on standard error is returned, so that the run prints it in the order the files were found.
import { analyzeDocument, RULES, type AnalysisResult } from '../analyze';
import { markWarm } from '../engine/codeCache';
import { ProjectModuleCache, type ModuleStamp } from '../config/projectModules';
import type { AnalysisConfig } from '../config/settings';
import { buildDocument, sourceText } from '../documents/source';
import { skipReason } from '../engine/limits';
import type { PythonParser } from '../parsing/parser';
import { contentHash } from './cache';
import { fixFile, writeFix } from './fix';
import type { ReportedFinding } from './formats';
import { cellSourceSpans } from './notebookJson';
import { inputFromBytes, NotAnalysedError, readContent, sizeReason, type FileStamp, type NotAnalysed } from './read';
import { reportFindings, syntaxError, type ReportedDocument } from './report';

/** One file to check, as the run hands it to the main thread or a worker (structured-cloneable). */
export interface FileTask {
  file: string;
  /** The project's root: the project modules a file imports are also looked for under it. */
  root: string;
  /** The path as reported (relative to the working folder). */
  shown: string;
  config: AnalysisConfig;
  fix: boolean;
  diff: boolean;
  unsafeFixes: boolean;
  /** The run keeps results in the cache: only then does an outcome carry its content's hash. */
  cache: boolean;
}

export interface CheckedFile {
  findings: ReportedFinding[];
  problem?: NotAnalysed;
  /** Set when --fix or --diff changed the file. */
  fixed?: { count: number; diff: string };
  /** Set when the fixed file could not be written (an I/O error: exit 2). */
  writeError?: boolean;
}

export interface FileOutcome {
  checked: CheckedFile;
  /** What the file has to say on standard error (time budget, internal errors, fixes not written). */
  messages: string[];
  /** Lines of Python analysed, for the summary line. */
  lines: number;
  /** The bytes analysed (their SHA-256, and the file's stamp before they were read), set only when the outcome depends on them alone and may be cached. */
  content?: { hash: string; stamp: FileStamp; deps?: ModuleDependency[] };
}

/** A project module file the outcome depends on (its stamp as it was read: see config/projectModules.ts). */
export interface ModuleDependency {
  file: string;
  stamp: ModuleStamp;
}

/** This thread's reads of project modules: the files of one folder import the same helpers. */
const projectModules = new ProjectModuleCache();

const METAS = new Map(RULES.map((r) => [r.meta.code, r.meta]));

/** The outcome for a file that could not be read (or was too large to read). */
export function notAnalysedOutcome(shown: string, error: NotAnalysedError): FileOutcome {
  return { checked: { findings: [], problem: { file: shown, kind: error.kind, reason: error.message } }, messages: [], lines: 0 };
}

/** The outcome for a file whose analysis failed with an exception or took its worker down. */
export function crashedOutcome(shown: string, reason: string): FileOutcome {
  return { checked: { findings: [], problem: { file: shown, kind: 'crashed', reason } }, messages: [], lines: 0 };
}

/** Analyses one file (after fixing it, with --fix or --diff); never throws for a bad file. */
export function checkFile(parser: PythonParser, task: FileTask): FileOutcome {
  const { file, shown } = task;
  let config = task.config;
  const cacheable = task.cache && !task.fix && !task.diff;
  let read: ReturnType<typeof readContent> | undefined;
  let input;
  try {
    read = readContent(file, config.maxFileSize);
    input = inputFromBytes(file, read.bytes);
  } catch (error) {
    if (error instanceof NotAnalysedError) {
      // An invalid or non-Python notebook is so because of its bytes: that may be cached.
      const outcome = notAnalysedOutcome(shown, error);
      const fromBytes = read && cacheable && (error.kind === 'invalid-notebook' || error.kind === 'not-python');
      return fromBytes ? { ...outcome, content: { hash: contentHash(read!.bytes), stamp: read!.stamp } } : outcome;
    }
    throw error;
  }
  const skip = skipReason(input.source, config.maxFileSize);
  if (skip) {
    // The engine's reason, except that a size is said in the unit that shows it (bytes when small).
    const size = input.source.cells.reduce((sum, cell) => sum + cell.text.length, 0);
    const tooLarge = size > config.maxFileSize;
    const problem: NotAnalysed = { file: shown, kind: tooLarge ? 'too-large' : 'binary', reason: tooLarge ? sizeReason(size, config.maxFileSize) : skip };
    return { checked: { findings: [], problem }, messages: [], lines: 0, ...(cacheable ? { content: { hash: contentHash(read.bytes), stamp: read.stamp } } : {}) };
  }
  // The project modules it imports: the outcome depends on them too, and the cache checks them again.
  const modules = projectModules.forSource(file, task.root, sourceText(input.source));
  if (modules.sources.length) config = { ...config, projectModules: modules.sources };
  const deps = modules.consulted.length ? { deps: modules.consulted } : {};
  const messages: string[] = [];
  // The document of the source last analysed, kept for the report: building it (neutralising
  // magics, line starts) again cost as much as reading the notebook's JSON.
  let analysed: { source: typeof input.source; doc: ReturnType<typeof buildDocument> } | undefined;
  const analyse = (source: typeof input.source) => {
    analysed = { source, doc: buildDocument(source) };
    return analyzeDocument(analysed.doc, config, { parser });
  };
  let source = input.source;
  let raw = input.raw;
  let analysis: AnalysisResult;
  let fixed: CheckedFile['fixed'];
  if (task.fix || task.diff) {
    const result = fixFile(parser, input, shown, config, task.unsafeFixes);
    ({ source, analysis } = result);
    if (result.text !== undefined) {
      fixed = { count: result.applied.length, diff: result.diff };
      if (task.fix && result.notWritten) {
        messages.push(`${shown}: ${result.notWritten}`);
        source = input.source;
        analysis = analyse(source);
        fixed = undefined;
      } else if (task.fix) {
        try {
          writeFix(input, result.text);
          raw = result.text;
        } catch (error) {
          messages.push(`${shown}: cannot write the fixes: ${(error as Error).message}`);
          const doc = buildDocument(input.source);
          const reported = { shown, doc, source: input.source, ...(input.spans ? { ipynb: { text: input.raw, spans: input.spans } } : {}) };
          return { checked: { findings: reportFindings(reported, analyse(input.source).findings, METAS), writeError: true }, messages, lines: doc.lineStarts.length };
        }
      }
    }
    if (task.diff) {
      // --diff changes nothing, and reports what the file holds now.
      source = input.source;
      analysis = analyse(source);
    }
  } else {
    analysis = analyse(source);
  }
  const doc = analysed?.source === source ? analysed.doc : buildDocument(source);
  const reported: ReportedDocument = { shown, doc, source, ...(source.kind === 'notebook' ? { ipynb: { text: raw, spans: raw === input.raw ? input.spans ?? [] : cellSourceSpans(raw) } } : {}) };
  for (const error of analysis.errors) {
    // A rule stopped by the time budget did not fail: it ran out of time, and the message says which.
    if (error.kind === 'budget') messages.push(`${shown}: ${error.message}`);
    else messages.push(`${shown}: internal error in rule ${error.code} (the other rules ran): ${error.message.split('\n')[0]}`);
  }
  const problem = syntaxError(parser, reported, analysis);
  const checked: CheckedFile = { findings: reportFindings(reported, analysis.findings, METAS), ...(problem ? { problem } : {}), ...(fixed ? { fixed } : {}) };
  // A rule stopped by the budget or by an error left the outcome incomplete: it is not kept.
  const keep = cacheable && analysis.errors.length === 0;
  markWarm();
  return { checked, messages, lines: doc.lineStarts.length, ...(keep ? { content: { hash: contentHash(read.bytes), stamp: read.stamp, ...deps } } : {}) };
}
