// mldebt: the command-line front door over the same engine as the language server.
//   mldebt check [PATH...] [options]   (see USAGE in args.ts)
//   mldebt rules            list the rules
//   mldebt explain CODE     print a rule's documentation
// Exit status: 0 no findings, 1 findings (or files that do not parse), 2 usage or I/O error.
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, type AnalysisResult } from '../analyze';
import { ProjectConfigCache } from '../config/editorSettings';
import { defaultConfig, effectiveSeverity, mergeConfig, type AnalysisConfig } from '../config/settings';
import { RULES } from '../analyze';
import { buildDocument } from '../documents/source';
import { initParser, type PythonParser } from '../parsing/parser';
import { skipReason } from '../engine/limits';
import { categoryLabel, ruleCitation, ruleDocsUrl } from '../taxonomy/explain';
import { VERSION } from '../version';
import { COMMANDS, parseCheckArgs, unknown, USAGE, UsageError, type CheckOptions } from './args';
import { BaselineMatcher, readBaseline, writeBaseline } from './baseline';
import { formatGithub, formatJunit } from './ci';
import { discoverFiles } from '../config/files';
import { fixFile, writeFix } from './fix';
import { formatJson, formatSarif, type Report, type ReportedFinding } from './formats';
import { formatHtml } from './html';
import { cellSourceSpans } from './notebookJson';
import { NotAnalysedError, readInput, sizeReason, type NotAnalysed } from './read';
import { reportFindings, syntaxError, type ReportedDocument } from './report';
import { projectRoot } from './root';
import { formatFindings, formatNotAnalysed, formatStatistics, formatSummary, style, type TextOptions } from './text';

/** The part of the configuration given on the command line (it wins over pyproject.toml). */
function flagConfig(options: CheckOptions): Partial<AnalysisConfig> {
  return { ignore: options.ignore, extendSelect: options.extendSelect, ...(options.select ? { select: options.select } : {}) };
}

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether standard output is a terminal, and how wide. */
  tty: boolean;
  columns?: number;
}

interface CheckedFile {
  findings: ReportedFinding[];
  problem?: NotAnalysed;
  /** Set when --fix or --diff changed the file. */
  fixed?: { count: number; diff: string };
  /** Set when the fixed file could not be written (an I/O error: exit 2). */
  writeError?: boolean;
}

const METAS = new Map(RULES.map((r) => [r.meta.code, r.meta]));

/** Analyses one file (after fixing it, with --fix or --diff); never throws for a bad file. */
function checkFile(parser: PythonParser, file: string, shown: string, config: AnalysisConfig, options: CheckOptions, output: Output): CheckedFile {
  let input;
  try {
    input = readInput(file, config.maxFileSize);
  } catch (error) {
    if (error instanceof NotAnalysedError) return { findings: [], problem: { file: shown, kind: error.kind, reason: error.message } };
    throw error;
  }
  const skip = skipReason(input.source, config.maxFileSize);
  if (skip) {
    // The engine's reason, except that a size is said in the unit that shows it (bytes when small).
    const size = input.source.cells.reduce((sum, cell) => sum + cell.text.length, 0);
    const tooLarge = size > config.maxFileSize;
    return { findings: [], problem: { file: shown, kind: tooLarge ? 'too-large' : 'binary', reason: tooLarge ? sizeReason(size, config.maxFileSize) : skip } };
  }
  let source = input.source;
  let raw = input.raw;
  let analysis: AnalysisResult;
  let fixed: CheckedFile['fixed'];
  if (options.fix || options.diff) {
    const result = fixFile(parser, input, shown, config, options.unsafeFixes);
    ({ source, analysis } = result);
    if (result.text !== undefined) {
      fixed = { count: result.applied.length, diff: result.diff };
      if (options.fix && result.notWritten) {
        output.err(`${shown}: ${result.notWritten}`);
        source = input.source;
        analysis = analyzeDocument(buildDocument(source), config, { parser });
        fixed = undefined;
      } else if (options.fix) {
        try {
          writeFix(input, result.text);
          raw = result.text;
        } catch (error) {
          output.err(`${shown}: cannot write the fixes: ${(error as Error).message}`);
          return { findings: reportFindings({ shown, doc: buildDocument(input.source), source: input.source, ...(input.spans ? { ipynb: { text: input.raw, spans: input.spans } } : {}) }, analyzeDocument(buildDocument(input.source), config, { parser }).findings, METAS), writeError: true };
        }
      }
    }
    if (options.diff) {
      // --diff changes nothing, and reports what the file holds now.
      source = input.source;
      analysis = analyzeDocument(buildDocument(source), config, { parser });
    }
  } else {
    analysis = analyzeDocument(buildDocument(source), config, { parser });
  }
  const doc = buildDocument(source);
  const reported: ReportedDocument = { shown, doc, source, ...(source.kind === 'notebook' ? { ipynb: { text: raw, spans: raw === input.raw ? input.spans ?? [] : cellSourceSpans(raw) } } : {}) };
  for (const error of analysis.errors) {
    // A rule stopped by the time budget did not fail: it ran out of time, and the message says which.
    if (error.kind === 'budget') output.err(`${shown}: ${error.message}`);
    else output.err(`${shown}: internal error in rule ${error.code} (the other rules ran): ${error.message.split('\n')[0]}`);
  }
  const problem = syntaxError(parser, reported, analysis);
  return { findings: reportFindings(reported, analysis.findings, METAS), ...(problem ? { problem } : {}), ...(fixed ? { fixed } : {}) };
}

function useColour(options: CheckOptions, output: Output): boolean {
  if (options.color !== 'auto') return options.color === 'always';
  return output.tty && !options.output && !process.env.NO_COLOR;
}

async function check(options: CheckOptions, output: Output): Promise<number> {
  const { err } = output;
  const cwd = process.cwd();
  const projects = new ProjectConfigCache();
  const rootProject = projects.forFile(path.join(cwd, 'pyproject.toml'));
  const discovery = discoverFiles(options.paths, rootProject?.exclude ?? []);
  if (discovery.errors.length > 0) {
    // A path that is not there is an error, and only that: no report of the others.
    for (const error of discovery.errors) err(`mldebt: ${path.relative(cwd, error.path) || error.path}: ${error.message}`);
    return 2;
  }
  const baseline = options.baseline ? new BaselineMatcher(readBaseline(options.baseline)) : undefined;
  const parser = await initParser();
  const root = projectRoot(cwd, discovery.files);
  const rootRelative = (shown: string) => path.relative(root, path.resolve(cwd, shown)).split(path.sep).join('/');
  const reportedProblems = new Set<string>();
  const findings: ReportedFinding[] = [];
  const notAnalysed: NotAnalysed[] = [];
  const shownFiles: string[] = [];
  const diffs: string[] = [];
  let fixes = 0;
  let fixedFiles = 0;
  let hidden = 0;
  let writeErrors = 0;
  for (const file of discovery.files) {
    const shown = path.relative(cwd, file) || path.basename(file);
    shownFiles.push(shown);
    const project = projects.forFile(file);
    for (const problem of project?.problems ?? []) {
      if (!reportedProblems.has(problem)) err(`warning: ${problem}`);
      reportedProblems.add(problem);
    }
    const config = mergeConfig(mergeConfig(defaultConfig(), project?.config ?? {}), flagConfig(options));
    const checked = checkFile(parser, file, shown, config, options, output);
    if (checked.problem) notAnalysed.push(checked.problem);
    if (checked.writeError) writeErrors++;
    if (checked.fixed) {
      fixes += checked.fixed.count;
      fixedFiles++;
      diffs.push(checked.fixed.diff);
    }
    if (baseline) {
      const { fresh, known } = baseline.filter(rootRelative(shown), checked.findings);
      findings.push(...fresh);
      hidden += known;
    } else findings.push(...checked.findings);
  }

  if (options.writeBaseline) {
    writeBaseline(options.writeBaseline, findings.map((f) => ({ file: rootRelative(f.file), code: f.code, fingerprint: f.fingerprint, codeFingerprint: f.codeFingerprint, snippet: (f.snippet ?? '').trim() })));
    err(`Wrote ${findings.length} finding(s) of ${shownFiles.length} file(s) to the baseline ${options.writeBaseline}; \`mldebt check --baseline ${options.writeBaseline}\` reports only new ones.`);
    if (notAnalysed.length) err(formatNotAnalysed(notAnalysed, { style: style(false), width: 1000, verbose: true }));
    return notAnalysed.some((p) => p.kind === 'unreadable') ? 2 : 0;
  }

  if (options.diff) {
    const diff = diffs.join('');
    if (diff) output.out(diff.replace(/\n$/, ''));
    err(fixes ? `Would fix ${fixes} finding(s) in ${fixedFiles} file(s); run with --fix to apply.` : 'Nothing to fix.');
    if (notAnalysed.length) err(formatNotAnalysed(notAnalysed, { style: style(false), width: 1000, verbose: true }));
    return notAnalysed.some((p) => p.kind === 'unreadable') ? 2 : fixes > 0 ? 1 : 0;
  }

  // Files of the baseline that were checked now, or that are gone: their missing entries were fixed.
  const checkedNow = new Set(shownFiles.map(rootRelative));
  const fixedSince = baseline?.fixedSince((file) => checkedNow.has(file) || !existsSync(path.join(root, file))) ?? 0;

  const activeRules = RULES.map((r) => r.meta).filter((meta) => effectiveSeverity(mergeConfig(defaultConfig(), flagConfig(options)), meta) !== 'off');
  const report: Report = { findings, notAnalysed, files: shownFiles, rules: activeRules, version: VERSION, root, rootRelative };
  let text: string;
  if (options.format === 'json') text = formatJson(report);
  else if (options.format === 'sarif') text = formatSarif(report);
  else if (options.format === 'github') text = formatGithub(report);
  else if (options.format === 'junit') text = formatJunit(report);
  else if (options.format === 'html') text = formatHtml(findings, activeRules, { version: VERSION, files: shownFiles.length - notAnalysed.filter((p) => p.kind !== 'syntax-error').length, notAnalysed });
  else {
    const textOptions: TextOptions = { style: style(useColour(options, output)), width: Math.max(60, output.tty && output.columns ? output.columns : 100), verbose: options.verbose };
    const summary = formatSummary({
      findings,
      notAnalysed,
      files: shownFiles.length,
      ...(baseline ? { baseline: { hidden, fixed: fixedSince } } : {}),
      ...(options.fix ? { fixed: { fixes, files: fixedFiles } } : {}),
      statistics: options.statistics,
    }, textOptions);
    const body = options.statistics ? formatStatistics(findings) : formatFindings(findings, textOptions);
    text = [body, formatNotAnalysed(notAnalysed, textOptions), summary].filter(Boolean).join('\n\n');
  }
  if (options.output) writeFileSync(options.output, text + '\n');
  else if (text) output.out(text);
  if (writeErrors > 0 || notAnalysed.some((p) => p.kind === 'unreadable')) return 2;
  const failing = findings.length > 0 || notAnalysed.some((p) => p.kind === 'syntax-error' || p.kind === 'invalid-notebook');
  return failing && !options.exitZero ? 1 : 0;
}

function listRules(): string {
  const rows = RULES.map((r) => r.meta).map((meta) => `${meta.code}  ${meta.name.padEnd(34)} ${categoryLabel(meta).padEnd(44)} ${(meta.recommended ? 'default' : 'opt-in').padEnd(8)} ${meta.severity.padEnd(11)} ${meta.fix ? `fix: ${meta.fix.safety}` : ''}`.trimEnd());
  const optIn = RULES.filter((r) => !r.meta.recommended).length;
  return [...rows, '', `"default" rules run unless deselected; the ${optIn} "opt-in" rules run with --select ALL, their code, or --extend-select.`].join('\n');
}

function explain(code: string): string {
  const meta = RULES.map((r) => r.meta).find((m) => m.code === code.toUpperCase() || m.name === code);
  if (!meta) throw unknown('rule', code, RULES.flatMap((r) => [r.meta.code, r.meta.name]));
  return [
    `${meta.code} ${meta.name}`,
    ...ruleCitation(meta).map((line) => line.replace(/\*/g, '')),
    '',
    meta.docs.summary,
    '',
    `Why it is debt: ${meta.docs.why}`,
    '',
    'Example:',
    meta.docs.example.replace(/^/gm, '    '),
    '',
    `Fix: ${meta.docs.fix}`,
    '',
    `Docs: ${ruleDocsUrl(meta)}`,
  ].join('\n');
}

function noArguments(command: string, rest: readonly string[]): void {
  if (rest.length > 0) throw new UsageError(`${command} takes no arguments (got "${rest[0]}")`);
}

export async function main(argv: string[], out = (t: string) => { process.stdout.write(t + '\n'); }, err = (t: string) => { process.stderr.write(t + '\n'); }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command) {
      err(USAGE);
      return 2;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      noArguments(command, rest);
      out(USAGE);
      return 0;
    }
    if (command === '--version') {
      noArguments(command, rest);
      out(VERSION);
      return 0;
    }
    if (command === 'rules') {
      noArguments(command, rest);
      out(listRules());
      return 0;
    }
    if (command === 'explain') {
      if (rest.length !== 1) throw new UsageError(rest.length ? `explain takes one rule code (got ${rest.length} arguments)` : 'explain needs a rule code, e.g. mldebt explain MLD802');
      out(explain(rest[0]));
      return 0;
    }
    if (command === 'check') {
      if (rest.includes('-h') || rest.includes('--help')) {
        out(USAGE);
        return 0;
      }
      return await check(parseCheckArgs(rest), { out, err, tty: process.stdout.isTTY === true, columns: process.stdout.columns });
    }
    throw command.startsWith('-') ? unknown('option', command, ['--help', '--version']) : unknown('command', command, COMMANDS);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`mldebt: ${error.message}; see \`mldebt --help\``);
      return 2;
    }
    err(`mldebt: error: ${(error as Error).message}`);
    return 2;
  }
}

/** A reader that closes the pipe (`mldebt check | head`) ends the CLI quietly, as Unix tools do. */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

if (require.main === module) {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
