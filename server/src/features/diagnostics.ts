// Findings -> LSP diagnostics, grouped by the cell (or file) URI they are published on.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { toLocalRange } from '../documents/positions';
import type { SourceDocument } from '../documents/types';
import type { Finding, Severity } from '../engine/types';
import { ruleDocsUrl } from '../taxonomy/explain';

export const DIAGNOSTIC_SOURCE = 'ml-debt';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for the code actions (they look the finding up again by it). */
export interface DiagnosticData {
  code: string;
  fixable: boolean;
  version: number;
}

export interface DiagnosticOptions {
  relatedInformation: boolean;
}

/**
 * One diagnostic list per URI the document publishes on: every Python cell of a notebook gets a
 * list, empty when clean, so that a cell that became clean is cleared.
 */
export function toDiagnostics(doc: SourceDocument, findings: readonly Finding[], options: DiagnosticOptions): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>();
  for (const segment of doc.segments) byUri.set(segment.uri, []);
  if (doc.kind === 'script') byUri.set(doc.uri, []);
  for (const finding of findings) {
    const local = toLocalRange(doc, finding.range);
    if (!local) continue;
    const data: DiagnosticData = { code: finding.code, fixable: !!finding.fix, version: doc.version };
    const diagnostic: Diagnostic = {
      range: local.range,
      severity: SEVERITY[finding.severity],
      source: DIAGNOSTIC_SOURCE,
      code: finding.code,
      codeDescription: { href: ruleDocsUrl(finding) },
      message: finding.message,
      data,
    };
    if (finding.tags.includes('unnecessary')) diagnostic.tags = [DiagnosticTag.Unnecessary];
    if (finding.tags.includes('deprecated')) diagnostic.tags = [...(diagnostic.tags ?? []), DiagnosticTag.Deprecated];
    if (options.relatedInformation && finding.related.length > 0) {
      const related: DiagnosticRelatedInformation[] = [];
      for (const item of finding.related) {
        const location = toLocalRange(doc, item.range);
        if (location) related.push({ location: { uri: location.uri, range: location.range }, message: item.message });
      }
      if (related.length) diagnostic.relatedInformation = related;
    }
    byUri.get(local.uri)?.push(diagnostic);
  }
  return byUri;
}
