// The workspace's findings as the client knows them: one entry per file (a script or a whole
// notebook), replaced whenever the server reports that file again. The Debt Explorer, the status
// bar and the Debt Overview all read this one model.
import * as vscode from 'vscode';
import type { CatalogueResult, FileFindings, FindingSummary, RuleSummary } from '../../server/src/features/workspaceProtocol';

export interface Located extends FindingSummary {
  uri: string;
}

export interface SectionCount {
  section: number;
  title: string;
  count: number;
}

/** "§8 Other Areas of ML-related Debt"; the API-misuse smells (section 0) come from another paper. */
export function sectionTitle(section: number, catalogue: CatalogueResult | undefined): string {
  if (section === 0) return 'ML API misuse (Zhang et al., CAIN 2022)';
  const title = catalogue?.categories.find((c) => c.section === section)?.sectionTitle;
  return title ? `§${section} ${title}` : `§${section}`;
}

export class FindingsModel implements vscode.Disposable {
  private files = new Map<string, FileFindings>();
  private rules = new Map<string, RuleSummary>();
  private emitter = new vscode.EventEmitter<void>();
  /** Fires at most every 200 ms: a workspace check reports thousands of files in a row. */
  readonly onDidChange = this.emitter.event;
  private pending: NodeJS.Timeout | undefined;
  catalogue: CatalogueResult | undefined;

  setCatalogue(catalogue: CatalogueResult): void {
    this.catalogue = catalogue;
    this.rules = new Map(catalogue.rules.map((rule) => [rule.code, rule]));
    this.emitter.fire();
  }

  rule(code: string): RuleSummary | undefined {
    return this.rules.get(code);
  }

  update(params: FileFindings): void {
    // A closed file with no findings left is simply not listed.
    if (params.findings.length === 0) this.files.delete(params.uri);
    else this.files.set(params.uri, params);
    this.changed();
  }

  clear(): void {
    this.files.clear();
    this.changed();
  }

  private changed(): void {
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.emitter.fire();
    }, 200);
  }

  /** Every finding, optionally only those of recommended rules or of one file. */
  all(filter: { recommendedOnly?: boolean; uri?: string } = {}): Located[] {
    const result: Located[] = [];
    for (const [uri, file] of this.files) {
      if (filter.uri && filter.uri !== uri) continue;
      for (const finding of file.findings) {
        if (filter.recommendedOnly && !this.rules.get(finding.code)?.recommended) continue;
        result.push({ ...finding, uri });
      }
    }
    return result;
  }

  countIn(uri: string): number {
    return this.files.get(uri)?.findings.length ?? 0;
  }

  fileCount(): number {
    return this.files.size;
  }

  sectionOf(code: string): number {
    return this.rules.get(code)?.section ?? Number(code.slice(3, 4));
  }

  /** Sections by number of findings, most first. */
  sections(findings: readonly Located[] = this.all()): SectionCount[] {
    const counts = new Map<number, number>();
    for (const finding of findings) counts.set(this.sectionOf(finding.code), (counts.get(this.sectionOf(finding.code)) ?? 0) + 1);
    return [...counts].map(([section, count]) => ({ section, title: sectionTitle(section, this.catalogue), count })).sort((a, b) => b.count - a.count || a.section - b.section);
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.emitter.dispose();
  }
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
