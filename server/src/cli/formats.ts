// Output formats of `mldebt check`: text (one line per finding), JSON (an array of findings) and
// SARIF 2.1.0 (for code-scanning services).
import * as path from 'node:path';
import type { RuleMeta } from '../engine/types';
import { category } from '../taxonomy/categories';
import { categoryLabel, REPOSITORY_URL, ruleDocsUrl } from '../taxonomy/explain';

/** A finding as the CLI reports it: 1-based, relative to its file (and cell, for notebooks). */
export interface ReportedFinding {
  file: string;
  /** 1-based position of the cell in the notebook (markdown cells counted), for notebooks. */
  cell?: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
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
}

export function formatText(findings: readonly ReportedFinding[]): string {
  return findings.map((f) => `${f.file}:${f.cell !== undefined ? `cell ${f.cell}:` : ''}${f.line}:${f.column}: ${f.code} ${f.name} ${f.message}`).join('\n');
}

export function formatJson(findings: readonly ReportedFinding[]): string {
  return JSON.stringify(findings, null, 2);
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(findings: readonly ReportedFinding[], rules: readonly RuleMeta[], version: string, base: string): string {
  const ruleIndex = new Map(rules.map((meta, i) => [meta.code, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ML Debt Lens',
          informationUri: REPOSITORY_URL,
          version,
          rules: rules.map((meta) => ({
            id: meta.code,
            name: meta.name,
            shortDescription: { text: meta.docs.summary },
            fullDescription: { text: meta.docs.why },
            help: { text: meta.docs.fix },
            helpUri: ruleDocsUrl(meta),
            defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
            properties: { category: category(meta.category).heading, section: categoryLabel(meta), tags: ['ml-technical-debt'] },
          })),
        },
      },
      results: findings.map((f) => ({
        ruleId: f.code,
        ruleIndex: ruleIndex.get(f.code) ?? -1,
        level: SARIF_LEVEL[f.severity] ?? 'warning',
        message: { text: f.cell !== undefined ? `cell ${f.cell}: ${f.message}` : f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: path.relative(base, f.file).split(path.sep).join('/') },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
          ...(f.cell !== undefined ? { properties: { cell: f.cell } } : {}),
        }],
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2);
}
