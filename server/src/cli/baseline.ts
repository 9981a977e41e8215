// Baselines (`--write-baseline FILE`, `--baseline FILE`): adopt the checker on code that already
// carries debt and report only what is new. A finding is matched by rule, file and a fingerprint
// of its code and the lines around it in its own cell or file, never by line number or cell
// number, so that it survives lines inserted and cells added above it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { pushTo } from '../engine/collections';

const normalize = (line: string) => line.trim().replace(/\s+/g, ' ');

const hash = (parts: readonly string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);

export interface Fingerprints {
  /** The rule, the code it flags (up to three lines) and the nearest non-blank line before and after it in its file or cell. */
  fingerprint: string;
  /** The rule and the code it flags only: matches when the neighbouring lines were edited. */
  codeFingerprint: string;
}

export function fingerprints(code: string, lines: readonly string[], startLine: number, endLine: number): Fingerprints {
  const flagged = lines.slice(startLine, Math.min(endLine, startLine + 2) + 1).map(normalize);
  let before = '';
  for (let l = startLine - 1; l >= 0 && !before; l--) before = normalize(lines[l]);
  let after = '';
  for (let l = endLine + 1; l < lines.length && !after; l++) after = normalize(lines[l]);
  return { fingerprint: hash([code, before, ...flagged, after]), codeFingerprint: hash([code, ...flagged]) };
}

export interface BaselineEntry extends Fingerprints {
  file: string;
  code: string;
  /** The flagged line, for whoever reviews the baseline in a diff; not used to match. */
  snippet: string;
  /** A finding of one cause at several places (MLD802's unseeded calls of one class): the code fingerprints of its other places. */
  members?: string[];
}

interface BaselineFile {
  description: string;
  version: 1;
  findings: BaselineEntry[];
}

const DESCRIPTION = 'Findings of mldebt check accepted as they are; `mldebt check --baseline FILE` reports only findings not listed here.';

export function writeBaseline(file: string, entries: readonly BaselineEntry[]): void {
  const sorted = [...entries].sort((a, b) => a.file.localeCompare(b.file) || a.code.localeCompare(b.code) || a.fingerprint.localeCompare(b.fingerprint) || a.snippet.localeCompare(b.snippet));
  const content: BaselineFile = { description: DESCRIPTION, version: 1, findings: sorted.map((e) => ({ file: e.file, code: e.code, fingerprint: e.fingerprint, codeFingerprint: e.codeFingerprint, snippet: e.snippet, ...(e.members?.length ? { members: [...e.members].sort() } : {}) })) };
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
  if (!Array.isArray(findings) || findings.some((e) => typeof e?.file !== 'string' || typeof e?.code !== 'string' || typeof e?.fingerprint !== 'string' || typeof e?.codeFingerprint !== 'string' || (e.members !== undefined && !(Array.isArray(e.members) && e.members.every((m: unknown) => typeof m === 'string'))))) {
    throw new Error(`${file} is not an mldebt baseline (written by --write-baseline)`);
  }
  return findings;
}

/**
 * Whether an entry accepts every other place of a finding's cause: a place added since (a new
 * unseeded call joining an accepted group) is new debt, and makes the finding new. A place fixed
 * since leaves the finding accepted. An entry written before findings were grouped lists none,
 * and accepts the finding as it is.
 */
function coversMembers(entry: BaselineEntry, members: readonly string[] | undefined): boolean {
  if (!members?.length || entry.members === undefined) return true;
  const accepted = [...entry.members];
  return members.every((member) => {
    const at = accepted.indexOf(member);
    if (at === -1) return false;
    accepted.splice(at, 1);
    return true;
  });
}

/**
 * Splits the findings of a file into new ones and those in the baseline. A finding matches an
 * entry with the same code and neighbours first; what is left matches by code alone, so that an
 * edit next to a finding does not make it new. Each entry matches one finding, and only if it
 * accepts each other place of the finding's cause (coversMembers).
 */
export class BaselineMatcher {
  private readonly byFile = new Map<string, BaselineEntry[]>();

  constructor(entries: readonly BaselineEntry[]) {
    for (const e of entries) pushTo(this.byFile, e.file, e);
  }

  /** The findings of `file` that are not in the baseline, and how many were. */
  filter<F extends Fingerprints & { code: string; memberFingerprints?: string[] }>(file: string, findings: readonly F[]): { fresh: F[]; known: number } {
    const left = this.byFile.get(file) ?? [];
    const unmatched = new Set(findings);
    for (const key of ['fingerprint', 'codeFingerprint'] as const) {
      for (const finding of unmatched) {
        const at = left.findIndex((e) => e.code === finding.code && e[key] === finding[key] && coversMembers(e, finding.memberFingerprints));
        if (at === -1) continue;
        left.splice(at, 1);
        unmatched.delete(finding);
      }
    }
    return { fresh: findings.filter((f) => unmatched.has(f)), known: findings.length - unmatched.size };
  }

  /** Baseline findings not seen again in the files that were checked: fixed since. */
  fixedSince(checked: (file: string) => boolean): number {
    let fixed = 0;
    for (const [file, left] of this.byFile) if (checked(file)) fixed += left.length;
    return fixed;
  }
}
