// mldebt: the command-line front door over the same engine as the language server.
//   mldebt check [PATH...] [--format text|json|sarif|html] [--select CODES] [--ignore CODES]
//                [--output FILE] [--exit-zero]
//   mldebt rules            list the rules
//   mldebt explain CODE     print a rule's documentation
// Exit status: 0 no findings, 1 findings, 2 usage or I/O error.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeDocument } from '../analyze';
import { ProjectConfigCache } from '../config/editorSettings';
import { defaultConfig, effectiveSeverity, mergeConfig, type AnalysisConfig } from '../config/settings';
import { RULES } from '../analyze';
import type { RuleMeta } from '../engine/types';
import { lineText, toLocalRange } from '../documents/positions';
import { NotebookFormatError, parseIpynb } from '../documents/ipynb';
import { buildDocument, scriptSource, type DocumentSource } from '../documents/source';
import type { SourceDocument } from '../documents/types';
import { initParser, type PythonParser } from '../parsing/parser';
import { skipReason } from '../engine/limits';
import { categoryLabel, ruleCitation, ruleDocsUrl } from '../taxonomy/explain';
import { VERSION } from '../version';
import { discoverFiles } from './files';
import { formatJson, formatSarif, formatText, type ReportedFinding } from './formats';
import { formatHtml } from './html';

const USAGE = `Usage: mldebt check [PATH...] [options]
       mldebt rules
       mldebt explain CODE

Finds the hidden technical debt of ML code (Sculley et al., NeurIPS 2015) in
Python scripts (.py) and Jupyter notebooks (.ipynb).

Options for check:
  --format text|json|sarif|html
                             output format (default: text); html is a self-contained report page
  --select CODES             only these rules (comma-separated codes, prefixes like MLD8, or names)
  --ignore CODES             skip these rules
  --output FILE              write the report to FILE instead of standard output
  --exit-zero                exit 0 even when there are findings
  -h, --help                 show this help
  --version                  show the version

Exit status: 0 no findings, 1 findings, 2 usage or I/O error.`;

class UsageError extends Error {}

interface CheckOptions {
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'html';
  select?: string[];
  ignore: string[];
  output?: string;
  exitZero: boolean;
}

function parseCheckArgs(args: string[]): CheckOptions {
  const options: CheckOptions = { paths: [], format: 'text', ignore: [], exitZero: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const codes = () => value().split(',').map((s) => s.trim()).filter(Boolean);
    switch (flag) {
      case '--format': {
        const format = value();
        if (format !== 'text' && format !== 'json' && format !== 'sarif' && format !== 'html') throw new UsageError(`unknown format "${format}" (text, json, sarif or html)`);
        options.format = format;
        break;
      }
      case '--select': options.select = [...(options.select ?? []), ...codes()]; break;
      case '--ignore': options.ignore.push(...codes()); break;
      case '--output': options.output = value(); break;
      case '--exit-zero': options.exitZero = true; break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        options.paths.push(arg);
    }
  }
  for (const selector of [...(options.select ?? []), ...options.ignore]) {
    const known = selector.toUpperCase() === 'ALL' || RULES.some((r) => r.meta.code.startsWith(selector.toUpperCase()) || r.meta.name === selector);
    if (!known) throw new UsageError(`no rule matches "${selector}" (see mldebt rules)`);
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

/** The part of the configuration given on the command line (it wins over pyproject.toml). */
function flagConfig(options: CheckOptions): Partial<AnalysisConfig> {
  return { ignore: options.ignore, ...(options.select ? { select: options.select } : {}) };
}

/** Reads a file into a document source; throws with a user-facing message on failure. */
function readSource(file: string): DocumentSource {
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  if (path.extname(file) !== '.ipynb') return scriptSource(uri, text);
  const notebook = parseIpynb(uri, text);
  if (!['python', 'python3', 'ipython'].includes(notebook.language)) throw new NotebookFormatError(`not a Python notebook (language: ${notebook.language})`);
  return { uri, kind: 'notebook', version: 0, cells: notebook.cells };
}

function report(file: string, doc: SourceDocument, finding: ReturnType<typeof analyzeDocument>['findings'][number], meta: RuleMeta): ReportedFinding | undefined {
  const local = toLocalRange(doc, finding.range);
  if (!local) return undefined;
  const cell = doc.kind === 'notebook' ? local.segment.cellIndex + 1 : undefined;
  return {
    file,
    ...(cell !== undefined ? { cell } : {}),
    line: local.range.start.line + 1,
    column: local.range.start.character + 1,
    endLine: local.range.end.line + 1,
    endColumn: local.range.end.character + 1,
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
  };
}

async function check(options: CheckOptions, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const parser: PythonParser = await initParser();
  const projects = new ProjectConfigCache();
  const rootProject = projects.forFile(path.join(process.cwd(), 'pyproject.toml'));
  const discovery = discoverFiles(options.paths, rootProject?.exclude ?? []);
  let failed = discovery.errors.length > 0;
  for (const error of discovery.errors) err(`${error.path}: error: ${error.message}`);
  const metas = new Map(RULES.map((r) => [r.meta.code, r.meta]));
  const findings: ReportedFinding[] = [];
  const reportedProblems = new Set<string>();
  let analysed = 0;
  let skipped = 0;
  for (const file of discovery.files) {
    const shown = path.relative(process.cwd(), file) || file;
    const project = projects.forFile(file);
    for (const problem of project?.problems ?? []) {
      if (!reportedProblems.has(problem)) err(`warning: ${problem}`);
      reportedProblems.add(problem);
    }
    const config = mergeConfig(mergeConfig(defaultConfig(), project?.config ?? {}), flagConfig(options));
    let source: DocumentSource;
    try {
      source = readSource(file);
    } catch (error) {
      err(`${shown}: error: ${error instanceof NotebookFormatError ? error.message : `cannot read: ${(error as Error).message}`}`);
      failed = true;
      continue;
    }
    const skip = skipReason(source, config.maxFileSize);
    if (skip) {
      err(`${shown}: skipped: ${skip}`);
      skipped++;
      continue;
    }
    analysed++;
    const doc = buildDocument(source);
    const result = analyzeDocument(doc, config, { parser });
    for (const error of result.errors) err(`${shown}: internal error in rule ${error.code} (the other rules ran): ${error.message.split('\n')[0]}`);
    for (const finding of result.findings) {
      const reported = report(shown, doc, finding, metas.get(finding.code)!);
      if (reported) findings.push(reported);
    }
  }
  const activeRules = RULES.map((r) => r.meta).filter((meta) => effectiveSeverity(mergeConfig(defaultConfig(), flagConfig(options)), meta) !== 'off');
  let text: string;
  if (options.format === 'json') text = formatJson(findings);
  else if (options.format === 'sarif') text = formatSarif(findings, activeRules, VERSION, process.cwd());
  else if (options.format === 'html') text = formatHtml(findings, activeRules, { version: VERSION, files: analysed });
  else {
    const files = new Set(findings.map((f) => f.file)).size;
    const unreadable = discovery.files.length - analysed - skipped;
    const notChecked = [skipped && `${skipped} skipped`, unreadable && `${unreadable} unreadable`].filter(Boolean).join(', ');
    const summary = (findings.length === 0
      ? `No ML debt found in ${analysed} file(s)`
      : `Found ${findings.length} finding(s) in ${files} of ${analysed} file(s)`) + (notChecked ? ` (${notChecked}).` : '.');
    text = (findings.length ? formatText(findings) + '\n' : '') + summary;
  }
  if (options.output) writeFileSync(options.output, text + '\n');
  else out(text);
  if (failed) return 2;
  return findings.length > 0 && !options.exitZero ? 1 : 0;
}

function listRules(): string {
  const rows = RULES.map((r) => r.meta).map((meta) => `${meta.code}  ${meta.name.padEnd(34)} ${categoryLabel(meta).padEnd(44)} ${meta.severity.padEnd(11)} ${meta.fix ? `fix: ${meta.fix.safety}` : ''}`);
  return rows.join('\n');
}

function explain(code: string): string | undefined {
  const meta = RULES.map((r) => r.meta).find((m) => m.code === code.toUpperCase() || m.name === code);
  if (!meta) return undefined;
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

export async function main(argv: string[], out = (t: string) => process.stdout.write(t + '\n'), err = (t: string) => process.stderr.write(t + '\n')): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      out(USAGE);
      return command ? 0 : 2;
    }
    if (command === '--version') {
      out(VERSION);
      return 0;
    }
    if (command === 'rules') {
      out(listRules());
      return 0;
    }
    if (command === 'explain') {
      const text = rest[0] ? explain(rest[0]) : undefined;
      if (!text) throw new UsageError(rest[0] ? `no rule ${rest[0]} (see mldebt rules)` : 'explain needs a rule code');
      out(text);
      return 0;
    }
    if (command === 'check') {
      if (rest.includes('-h') || rest.includes('--help')) {
        out(USAGE);
        return 0;
      }
      return await check(parseCheckArgs(rest), out, err);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`mldebt: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    err(`mldebt: error: ${(error as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
