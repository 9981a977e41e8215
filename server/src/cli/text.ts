// The text output of `mldebt check`, for people: findings grouped by file with their severity,
// each on one line that fits the terminal (messages in full with --verbose), the files that
// were not analysed and why, a summary by section of the paper and by rule, and what to do next.
import type { ReportedFinding } from './formats';
import { SECTIONS } from '../taxonomy/categories';
import type { NotAnalysed } from './read';
import { pushTo } from '../engine/collections';

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: string, text: string): string;
}

const ANSI = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const SEVERITY_COLOURS: Record<string, (t: string) => string> = { error: ANSI(31, 39), warning: ANSI(33, 39), information: ANSI(36, 39), hint: ANSI(2, 22) };

export function style(colour: boolean): Style {
  if (!colour) return { bold: (t) => t, dim: (t) => t, severity: (_s, t) => t };
  return { bold: ANSI(1, 22), dim: ANSI(2, 22), severity: (s, t) => (SEVERITY_COLOURS[s] ?? ((x: string) => x))(t) };
}

const SEVERITY_WORD: Record<string, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'];

export interface TextOptions {
  style: Style;
  /** Characters a line may take; messages are shortened to fit unless verbose. */
  width: number;
  verbose: boolean;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function shorten(text: string, room: number): string {
  if (text.length <= room) return text;
  if (room <= 1) return '…';
  // Cut at a word boundary when one is near, so the last word shown is a whole word.
  const cut = text.slice(0, room - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length - 15 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Greedy word wrap: lines of at most `width` characters, continued with `indent` spaces. */
function wrap(text: string, width: number, indent = 0): string {
  const lead = /^ */.exec(text)![0];
  const [first, ...words] = text.slice(lead.length).split(' ');
  const lines: string[] = [];
  let line = lead + first;
  for (const word of words) {
    if (line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else line += ` ${word}`;
  }
  return [...lines, line].join('\n');
}

function location(f: { cell?: number; line: number; column: number }): string {
  return `${f.cell !== undefined ? `cell ${f.cell}, ` : ''}${f.line}:${f.column}`;
}

/** Findings grouped by file, one line each: position, severity, code, message, [*] when fixable. */
export function formatFindings(findings: readonly ReportedFinding[], options: TextOptions): string {
  const { style: s } = options;
  const byFile = new Map<string, ReportedFinding[]>();
  for (const f of findings) pushTo(byFile, f.file, f);
  const blocks: string[] = [];
  for (const [file, list] of byFile) {
    const at = Math.max(...list.map((f) => location(f).length));
    const lines = [s.bold(file)];
    for (const f of list) {
      const mark = f.fix?.safety === 'safe' ? ' [*]' : '';
      const head = `  ${location(f).padEnd(at)}  ${(SEVERITY_WORD[f.severity] ?? f.severity).padEnd(7)}  ${f.code}  `;
      const message = options.verbose ? f.message : shorten(f.message, options.width - head.length - mark.length);
      lines.push(`  ${s.dim(location(f).padEnd(at))}  ${s.severity(f.severity, (SEVERITY_WORD[f.severity] ?? f.severity).padEnd(7))}  ${s.bold(f.code)}  ${message}${mark}`);
      if (options.verbose) {
        lines.push(`  ${' '.repeat(at)}  ${s.dim(`${f.name} · ${f.section}`)}`);
        for (const r of f.related) lines.push(`  ${' '.repeat(at)}  ${s.dim(`${location(r)}: ${r.message}`)}`);
      }
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

export function formatNotAnalysed(problems: readonly NotAnalysed[], options: TextOptions): string {
  if (problems.length === 0) return '';
  const lines = [options.style.bold(`Not analysed, or not in full (${plural(problems.length, 'file')}):`)];
  for (const p of problems) {
    lines.push(`  ${p.file}: ${options.verbose ? p.reason : shorten(p.reason, options.width - p.file.length - 4)}`);
  }
  return lines.join('\n');
}

export interface SummaryInput {
  findings: readonly ReportedFinding[];
  notAnalysed: readonly NotAnalysed[];
  files: number;
  /** Findings hidden because the baseline holds them, and baseline findings fixed since. */
  baseline?: { hidden: number; fixed: number };
  /** Set after --fix: how many fixes were applied in how many files. */
  fixed?: { fixes: number; files: number };
  /** The findings were printed as --statistics. */
  statistics?: boolean;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function severityCounts(findings: readonly ReportedFinding[]): string {
  const counts = countBy(findings, (f) => f.severity);
  return SEVERITY_ORDER.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${SEVERITY_WORD[s]}`).join(', ');
}

/** The summary: totals, debt by section of the paper and by rule, and the next step. */
export function formatSummary(input: SummaryInput, options: TextOptions): string {
  const { findings, notAnalysed } = input;
  const s = options.style;
  const lines: string[] = [];
  const para = (text: string, indent = 0) => wrap(text, options.width, indent);
  if (input.fixed) lines.push(`Fixed ${plural(input.fixed.fixes, 'finding')} in ${plural(input.fixed.files, 'file')}.`);
  const analysed = input.files - notAnalysed.filter((p) => p.kind !== 'syntax-error').length;
  const partly = notAnalysed.length - (input.files - analysed);
  const notChecked = [
    partly && `${plural(partly, 'file')} with syntax errors checked only in part`,
    input.files - analysed && `${plural(input.files - analysed, 'file')} not analysed`,
  ].filter(Boolean).map((t) => `; ${t}`).join('') + (notAnalysed.length ? ' (listed above)' : '');
  const filesWith = new Set(findings.map((f) => f.file)).size;
  if (findings.length === 0) lines.push(para(`${input.fixed ? 'No ML debt left' : 'No ML debt found'} in ${plural(analysed, 'file')}${notChecked}.`));
  else lines.push(s.bold(para(`Found ${plural(findings.length, 'finding')} (${severityCounts(findings)}) in ${filesWith} of ${plural(analysed, 'file')}${notChecked}.`)));
  if (input.baseline) {
    lines.push(para(`Baseline: ${plural(input.baseline.hidden, 'known finding')} not shown; ${plural(input.baseline.fixed, 'baseline finding')} fixed since.`));
  }
  if (findings.length === 0) return lines.join('\n');

  // One line per section of the paper, with the rules behind its count; --statistics names them.
  lines.push('', 'By section of the paper, with findings per rule:');
  const sectionOf = (f: ReportedFinding) => Number(/\u00a7(\d+)/.exec(f.section)?.[1] ?? 0);
  const sections = [...countBy(findings, (f) => String(sectionOf(f)))].sort(([a], [b]) => Number(a) - Number(b));
  for (const [n, count] of sections) {
    const title = `§${n} ${SECTIONS[Number(n)] ?? ''}`;
    const rules = [...countBy(findings.filter((f) => String(sectionOf(f)) === n), (f) => f.code)].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    const perRule = `: ${rules.map(([code, k]) => `${code} ${k}`).join(' · ')}`;
    const head = `  ${String(count).padStart(4)}  ${title}`;
    lines.push(`  ${String(count).padStart(4)}  ${s.bold(title)}${options.verbose ? perRule : shorten(perRule, options.width - head.length)}`);
  }

  const top = [...countBy(findings, (f) => f.code)].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0][0];
  const safe = findings.filter((f) => f.fix?.safety === 'safe').length;
  const unsafe = findings.filter((f) => f.fix && f.fix.safety !== 'safe').length;
  lines.push('', para(`Next: \`mldebt explain ${top}\` says why its debt matters and how to pay it off.`, 6));
  if (safe) lines.push(para(`      ${safe} marked [*] can be fixed with \`mldebt check --fix\`${unsafe ? ` (${unsafe} more with \`--unsafe-fixes\`)` : ''}.`, 6));
  else if (unsafe) lines.push(para(`      ${plural(unsafe, 'finding')} with an unsafe fix: \`mldebt check --diff --unsafe-fixes\` shows the changes.`, 6));
  if (!input.statistics) lines.push(para('      `--statistics` counts the findings per rule, with the rules\' names.', 6));
  if (!options.verbose && findings.some((f) => f.message.length > options.width / 2)) lines.push(para('      `--verbose` prints the messages in full, with related lines.', 6));
  return lines.join('\n');
}

/** `--statistics`: findings per rule, most frequent first, as Ruff prints them. */
export function formatStatistics(findings: readonly ReportedFinding[]): string {
  const rows = [...countBy(findings, (f) => f.code)].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const width = Math.max(1, ...rows.map(([, n]) => String(n).length));
  return rows.map(([code, n]) => {
    const sample = findings.find((f) => f.code === code)!;
    const fixable = findings.some((f) => f.code === code && f.fix?.safety === 'safe') ? '[*]' : '   ';
    return `${String(n).padStart(width)}\t${code}\t${fixable} ${sample.name}`;
  }).join('\n');
}
