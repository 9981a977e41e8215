// Output formats of `mldebt check` for machines: JSON (an array of findings, and of the files that
// were not analysed, with `code: null`, as Ruff reports syntax errors) and SARIF 2.1.0 (for
// code-scanning services).
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../engine/types';
import { category } from '../taxonomy/categories';
import { categoryLabel, fixSafetyText, REPOSITORY_URL, ruleCitation, ruleDocsUrl } from '../taxonomy/explain';
import { isErrorProblem, type NotAnalysed } from './read';

/** A finding as the CLI reports it: 1-based, relative to its file (and cell, for notebooks). */
export interface ReportedFinding {
  /** The path as shown to the user (relative to the working folder). */
  file: string;
  /** 1-based position of the cell in the notebook (markdown cells counted), for notebooks. */
  cell?: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** For notebooks: the same range located in the .ipynb file's own text (1-based). */
  ipynb?: { line: number; column: number; endLine: number; endColumn: number };
  code: string;
  name: string;
  category: string;
  section: string;
  severity: string;
  message: string;
  fix?: { title: string; safety: string };
  related: { cell?: number; line: number; column: number; message: string }[];
  /** The text of the finding's first line. */
  snippet?: string;
  /** Match the finding across edits elsewhere in the file (see baseline.ts). */
  fingerprint: string;
  codeFingerprint: string;
  /** For a finding of one cause at several places: the code fingerprint of each other place, sorted (see baseline.ts). */
  memberFingerprints?: string[];
}

/** What a report is made of: findings, files not analysed, and where paths are relative to. */
export interface Report {
  findings: ReportedFinding[];
  notAnalysed: NotAnalysed[];
  /** Every file looked at (shown paths), analysed or not. */
  files: string[];
  /** Rules that ran. */
  rules: RuleMeta[];
  version: string;
  /** Absolute folder that SARIF URIs are relative to (%SRCROOT%). */
  root: string;
  /** A shown path relative to the root, '/'-separated. */
  rootRelative(file: string): string;
}

export function formatJson(report: Report): string {
  const problems = report.notAnalysed.map((p) => ({
    file: p.file,
    ...(p.cell !== undefined ? { cell: p.cell } : {}),
    line: p.line ?? 1,
    column: p.column ?? 1,
    code: null,
    name: p.kind,
    severity: isErrorProblem(p) ? 'error' : 'information',
    message: p.reason,
  }));
  return JSON.stringify([...report.findings, ...problems], null, 2);
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function sarifRule(meta: RuleMeta) {
  const section = categoryLabel(meta);
  const citation = ruleCitation(meta);
  return {
    id: meta.code,
    name: meta.name,
    shortDescription: { text: meta.docs.summary },
    fullDescription: { text: meta.docs.why },
    help: {
      text: `${meta.docs.summary}\n\nWhy it is debt (${section}): ${meta.docs.why}\n\nFix: ${meta.docs.fix}\n\n${fixSafetyText(meta)}\n\n${citation.join('\n').replace(/\*/g, '')}`,
      markdown: `**${meta.code} ${meta.name}** — ${section}\n\n${meta.docs.summary}\n\n**Why it is debt.** ${meta.docs.why}\n\n**Fix.** ${meta.docs.fix}\n\n${fixSafetyText(meta)}\n\n${citation.join('  \n')}\n\n[Documentation](${ruleDocsUrl(meta)})`,
    },
    helpUri: ruleDocsUrl(meta),
    defaultConfiguration: { level: SARIF_LEVEL[meta.severity] ?? 'warning' },
    properties: { category: category(meta.category).heading, section, tags: ['ml-technical-debt', `paper-section-${/\u00a7(\d+)/.exec(section)?.[1] ?? ''}`] },
  };
}

export function formatSarif(report: Report): string {
  const ruleIndex = new Map(report.rules.map((meta, i) => [meta.code, i]));
  const artifact = (file: string) => ({ uri: report.rootRelative(file).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'ML Debt Lens', informationUri: REPOSITORY_URL, version: report.version, rules: report.rules.map(sarifRule) } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.root).href.replace(/\/?$/, '/') } },
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: report.notAnalysed.map((p) => ({
          level: isErrorProblem(p) ? 'error' : 'note',
          message: { text: `${p.file}: not analysed: ${p.reason}` },
          descriptor: { id: p.kind },
          locations: [{ physicalLocation: { artifactLocation: artifact(p.file), ...(p.line !== undefined && p.cell === undefined ? { region: { startLine: p.line, startColumn: p.column ?? 1 } } : {}) } }],
        })),
      }],
      results: report.findings.map((f) => {
        // A notebook finding is located in the .ipynb file itself; the cell and the position
        // within it are in the properties (and in the message, for people).
        const at = f.ipynb ?? f;
        return {
          ruleId: f.code,
          ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
          level: SARIF_LEVEL[f.severity] ?? 'warning',
          message: { text: f.cell !== undefined ? `cell ${f.cell}, line ${f.line}: ${f.message}` : f.message },
          locations: [{
            physicalLocation: {
              artifactLocation: artifact(f.file),
              region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
            },
            ...(f.cell !== undefined ? { properties: { cell: f.cell, cellLine: f.line, cellColumn: f.column, cellEndLine: f.endLine, cellEndColumn: f.endColumn } } : {}),
          }],
          partialFingerprints: { 'mldebtFingerprint/v1': f.fingerprint, 'mldebtCodeFingerprint/v1': f.codeFingerprint },
          properties: { section: f.section, ...(f.cell !== undefined ? { cell: f.cell } : {}), ...(f.fix ? { fix: f.fix.safety } : {}) },
        };
      }),
    }],
  };
  return JSON.stringify(sarif, null, 2);
}
