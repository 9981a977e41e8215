// mldebt: the command-line front door over the same engine as the language server.
//   mldebt check [PATH...] [options]   (see USAGE in args.ts)
//   mldebt rules            list the rules
//   mldebt explain CODE     print a rule's documentation
// Exit status: 0 no findings, 1 findings (or files that do not parse), 2 usage or I/O error.
import { ConftestCache } from '../config/conftests';
import { RequirementsCache } from '../config/requirements';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { RULES } from '../analyze';
import { ProjectConfigCache } from '../config/editorSettings';
import { discoverFiles } from '../config/files';
import { defaultConfig, effectiveSeverity, mergeConfig, type AnalysisConfig } from '../config/settings';
import { categoryLabel, ruleCitation, ruleDocsUrl } from '../taxonomy/explain';
import { VERSION } from '../version';
import { launcherScript } from '../engine/codeCache';
import { tuneTiering } from '../engine/tiering';
import { COMMANDS, parseCheckArgs, unknown, USAGE, UsageError, type CheckOptions } from './args';
import { BaselineMatcher, readBaseline, writeBaseline } from './baseline';
import { CACHE_FOLDER, ResultCache, type CacheStats } from './cache';
import type { FileOutcome, FileTask } from './checkFile';
import { formatGithub, formatJunit } from './ci';
import { formatJson, formatSarif, type Report, type ReportedFinding } from './formats';
import { formatHtml } from './html';
import { serveFiles, WORKER_ROLE } from './pool';
import { count, Progress, type Terminal } from './progress';
import { failedToCheck, type NotAnalysed } from './read';
import { projectRoot } from './root';
import { checkFiles } from './schedule';
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
  /** Standard error when it is a terminal: the progress bar and the timing line are for it. */
  terminal?: Terminal;
}

/** Where the result cache is: --cache-dir, else $MLDEBT_CACHE_DIR, else .mldebt_cache at the project root. */
function cacheFolder(options: CheckOptions, root: string, cwd: string): string {
  const chosen = options.cacheDir ?? process.env.MLDEBT_CACHE_DIR;
  return chosen ? path.resolve(cwd, chosen) : path.join(root, CACHE_FOLDER);
}

/** The line after a run: what was checked, how fast, how (threads, cache). */
function timingLine(run: { files: number; lines: number; ms: number; workers: number; cache?: CacheStats }): string {
  const seconds = run.ms / 1000;
  const threads = run.workers > 0 ? ` with ${run.workers} worker threads` : '';
  const damaged = run.cache?.damaged ? ` (${count(run.cache.damaged)} damaged ${run.cache.damaged === 1 ? 'entry' : 'entries'} rebuilt)` : '';
  const cached = run.cache ? `; ${count(run.cache.hits)} from the cache${damaged}` : '; cache not used';
  const files = `${count(run.files)} ${run.files === 1 ? 'file' : 'files'}`;
  return `Checked ${files} (${count(run.lines)} lines) in ${seconds.toFixed(seconds < 10 ? 2 : 1)} s${threads}, ${count(Math.round(run.lines / Math.max(seconds, 0.001)))} lines/s${cached}`;
}

function useColour(options: CheckOptions, output: Output): boolean {
  if (options.color !== 'auto') return options.color === 'always';
  return output.tty && !options.output && !process.env.NO_COLOR;
}

async function check(options: CheckOptions, output: Output): Promise<number> {
  const started = performance.now();
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
  const root = projectRoot(cwd, discovery.files);
  const rootRelative = (shown: string) => path.relative(root, path.resolve(cwd, shown)).split(path.sep).join('/');
  const reportedProblems = new Set<string>();
  const tasks: FileTask[] = [];
  const conftests = new ConftestCache();
  const requirements = new RequirementsCache();
  /** Warnings about a file's pyproject.toml, printed before the file's own messages the first time. */
  const warningsBefore: string[][] = [];
  for (const file of discovery.files) {
    const shown = path.relative(cwd, file) || path.basename(file);
    const project = projects.forFile(file);
    const warnings = (project?.problems ?? []).filter((problem) => !reportedProblems.has(problem));
    for (const problem of warnings) reportedProblems.add(problem);
    warningsBefore.push(warnings.map((problem) => `warning: ${problem}`));
    const config = mergeConfig(mergeConfig(defaultConfig(), project?.config ?? {}), flagConfig(options));
    const conftestSources = conftests.forFile(file, root);
    if (conftestSources.length) config.conftests = conftestSources;
    const floors = requirements.forFile(file, root);
    if (floors) config.libraryFloors = floors;
    tasks.push({ file, root, shown, config, fix: options.fix, diff: options.diff, unsafeFixes: options.unsafeFixes, cache: options.cache });
  }

  // --fix and --diff change files (or show how): they always analyse.
  const cache = options.cache && !options.fix && !options.diff && tasks.length > 0 ? new ResultCache(cacheFolder(options, root, cwd), err) : undefined;
  const progress = output.terminal ? new Progress(output.terminal, tasks.length) : undefined;
  const outcomes: FileOutcome[] = new Array(tasks.length);
  let printed = 0;
  const { workers } = await checkFiles(tasks, {
    jobs: options.jobs ?? availableParallelism(),
    cache,
    workerScript: launcherScript() ?? __filename,
    onOutcome: (index, outcome) => {
      outcomes[index] = outcome;
      progress?.advance(outcome.lines);
      // Messages in the order the files were found, whichever thread finished first.
      for (; printed < outcomes.length && outcomes[printed]; printed++) {
        for (const line of [...warningsBefore[printed], ...outcomes[printed].messages]) {
          progress?.clear();
          err(line);
        }
      }
    },
  });
  progress?.stop();
  cache?.reportFailures();
  cache?.prune();

  const findings: ReportedFinding[] = [];
  const notAnalysed: NotAnalysed[] = [];
  const shownFiles = tasks.map((task) => task.shown);
  const diffs: string[] = [];
  let fixes = 0;
  let fixedFiles = 0;
  let hidden = 0;
  let writeErrors = 0;
  outcomes.forEach(({ checked }, index) => {
    if (checked.problem) notAnalysed.push(checked.problem);
    if (checked.writeError) writeErrors++;
    if (checked.fixed) {
      fixes += checked.fixed.count;
      fixedFiles++;
      diffs.push(checked.fixed.diff);
    }
    if (baseline) {
      const { fresh, known } = baseline.filter(rootRelative(shownFiles[index]), checked.findings);
      findings.push(...fresh);
      hidden += known;
    } else findings.push(...checked.findings);
  });
  const status = printReport();
  if (output.terminal || options.verbose) {
    const lines = outcomes.reduce((sum, outcome) => sum + outcome.lines, 0);
    err(timingLine({ files: tasks.length, lines, ms: performance.now() - started, workers, cache: cache?.stats }));
  }
  return status;

  function printReport(): number {
    if (options.writeBaseline) {
      writeBaseline(options.writeBaseline, findings.map((f) => ({ file: rootRelative(f.file), code: f.code, fingerprint: f.fingerprint, codeFingerprint: f.codeFingerprint, snippet: (f.snippet ?? '').trim(), ...(f.memberFingerprints ? { members: f.memberFingerprints } : {}) })));
      err(`Wrote ${findings.length} finding(s) of ${shownFiles.length} file(s) to the baseline ${options.writeBaseline}; \`mldebt check --baseline ${options.writeBaseline}\` reports only new ones.`);
      if (notAnalysed.length) err(formatNotAnalysed(notAnalysed, { style: style(false), width: 1000, verbose: true }));
      return notAnalysed.some(failedToCheck) ? 2 : 0;
    }

    if (options.diff) {
      const diff = diffs.join('');
      if (diff) output.out(diff.replace(/\n$/, ''));
      err(fixes ? `Would fix ${fixes} finding(s) in ${fixedFiles} file(s); run with --fix to apply.` : 'Nothing to fix.');
      if (notAnalysed.length) err(formatNotAnalysed(notAnalysed, { style: style(false), width: 1000, verbose: true }));
      return notAnalysed.some(failedToCheck) ? 2 : fixes > 0 ? 1 : 0;
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
    if (writeErrors > 0 || notAnalysed.some(failedToCheck)) return 2;
    const failing = findings.length > 0 || notAnalysed.some((p) => p.kind === 'syntax-error' || p.kind === 'invalid-notebook');
    return failing && !options.exitZero ? 1 : 0;
  }
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

/** Standard error as a terminal (for the progress bar), or undefined when it is not one. */
function stderrTerminal(): Terminal | undefined {
  return process.stderr.isTTY ? { write: (text) => process.stderr.write(text), columns: process.stderr.columns } : undefined;
}

/** Runs a command; `terminal` is standard error when it is a terminal (null: it is not). */
export async function main(argv: string[], out = (t: string) => { process.stdout.write(t + '\n'); }, err = (t: string) => { process.stderr.write(t + '\n'); }, terminal: Terminal | null = stderrTerminal() ?? null): Promise<number> {
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
      return await check(parseCheckArgs(rest), { out, err, tty: process.stdout.isTTY === true, columns: process.stdout.columns, ...(terminal ? { terminal } : {}) });
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

if (!isMainThread && workerData?.role === WORKER_ROLE) {
  // The CLI started as a worker of `check --jobs`: it checks the files it is sent.
  serveFiles(parentPort!);
} else if (require.main === module) {
  tuneTiering();
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
