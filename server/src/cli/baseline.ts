// Baselines (`--write-baseline FILE`, `--baseline FILE`): adopt the checker on code that already
// carries debt and report only what is new. A finding is matched by rule, file and a fingerprint
// of its code and the lines around it in its own cell or file, never by line number or cell
// number, so that it survives lines inserted and cells added above it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const normalize = (line: string) => line.trim().replace(/\s+/g, ' ');

/**
 * A fingerprint of a finding: its rule, the code it flags (up to three lines) and the nearest
 * non-blank line before and after it within its file or cell.
 */
export function fingerprint(code: string, lines: readonly string[], startLine: number, endLine: number): string {
  const flagged = lines.slice(startLine, Math.min(endLine, startLine + 2) + 1).map(normalize);
  let before = '';
  for (let l = startLine - 1; l >= 0 && !before; l--) before = normalize(lines[l]);
  let after = '';
  for (let l = endLine + 1; l < lines.length && !after; l++) after = normalize(lines[l]);
  return createHash('sha256').update([code, before, ...flagged, after].join('\n')).digest('hex').slice(0, 16);
}

export interface BaselineEntry {
  file: string;
  code: string;
  fingerprint: string;
  /** The flagged line, for whoever reviews the baseline in a diff; not used to match. */
  snippet: string;
}

interface BaselineFile {
  description: string;
  version: 1;
  findings: BaselineEntry[];
}

const DESCRIPTION = 'Findings of mldebt check accepted as they are; `mldebt check --baseline FILE` reports only findings not listed here.';

export function writeBaseline(file: string, entries: readonly BaselineEntry[]): void {
  const sorted = [...entries].sort((a, b) => a.file.localeCompare(b.file) || a.code.localeCompare(b.code) || a.fingerprint.localeCompare(b.fingerprint) || a.snippet.localeCompare(b.snippet));
  const content: BaselineFile = { description: DESCRIPTION, version: 1, findings: sorted.map((e) => ({ file: e.file, code: e.code, fingerprint: e.fingerprint, snippet: e.snippet })) };
  writeFileSync(file, JSON.stringify(content, null, 2) + '\n');
}

export function readBaseline(file: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the baseline ${file}: ${(error as Error).message}`);
  }
  const findings = (data as Partial<BaselineFile> | null)?.findings;
  if (!Array.isArray(findings) || findings.some((e) => typeof e?.file !== 'string' || typeof e?.code !== 'string' || typeof e?.fingerprint !== 'string')) {
    throw new Error(`${file} is not an mldebt baseline (written by --write-baseline)`);
  }
  return findings;
}

/** Splits findings into new ones and those in the baseline; counts baseline entries now gone. */
export class BaselineMatcher {
  private readonly remaining = new Map<string, number>();
  private readonly files = new Set<string>();

  constructor(entries: readonly BaselineEntry[]) {
    for (const e of entries) {
      const key = `${e.file}\u0000${e.code}\u0000${e.fingerprint}`;
      this.remaining.set(key, (this.remaining.get(key) ?? 0) + 1);
      this.files.add(e.file);
    }
  }

  /** True when the finding is in the baseline (each entry matches one finding). */
  take(file: string, code: string, print: string): boolean {
    const key = `${file}\u0000${code}\u0000${print}`;
    const left = this.remaining.get(key) ?? 0;
    if (left === 0) return false;
    this.remaining.set(key, left - 1);
    return true;
  }

  /** Baseline findings not seen again in the files that were checked: fixed since. */
  fixedSince(checkedFiles: ReadonlySet<string>): number {
    let fixed = 0;
    for (const [key, left] of this.remaining) if (checkedFiles.has(key.split('\u0000')[0])) fixed += left;
    return fixed;
  }
}
