// Shared test helpers for running the engine on code written inline in tests.
import { analyzeDocument, type AnalysisResult } from '../../server/src/analyze';
import { defaultConfig, type AnalysisConfig } from '../../server/src/config/settings';
import type { Rule } from '../../server/src/detectors/types';
import { buildDocument, scriptSource, type DocumentSource } from '../../server/src/documents/source';
import type { CellInput, SourceDocument } from '../../server/src/documents/types';
import { initParser, type PythonParser } from '../../server/src/parsing/parser';

/** Strips the common indentation of a template literal and its first and last blank lines. */
export function py(strings: TemplateStringsArray | string, ...values: unknown[]): string {
  const raw = typeof strings === 'string' ? strings : strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n') + '\n';
}

export function parser(): Promise<PythonParser> {
  return initParser();
}

/** True when `text` parses as Python without errors. */
export async function parsesCleanly(text: string): Promise<boolean> {
  const tree = (await parser()).parse(text);
  const ok = !tree.rootNode.hasError;
  tree.delete();
  return ok;
}

export interface CellSpec {
  text: string;
  kind?: 'code' | 'markup';
  language?: string;
  executionOrder?: number;
  countFromResult?: boolean;
  hasOutputs?: boolean;
  raised?: boolean;
  ranAt?: number;
}

export function notebookSource(cells: (string | CellSpec)[], uri = 'file:///test/notebook.ipynb'): DocumentSource {
  return {
    uri,
    kind: 'notebook',
    version: 1,
    cells: cells.map((cell, i): CellInput => {
      const spec = typeof cell === 'string' ? { text: cell } : cell;
      const input: CellInput = { uri: `${uri}#cell${i}`, kind: spec.kind ?? 'code', language: spec.language ?? (spec.kind === 'markup' ? 'markdown' : 'python'), text: spec.text };
      if (spec.executionOrder !== undefined) input.executionOrder = spec.executionOrder;
      if (spec.countFromResult) input.countFromResult = true;
      if (spec.hasOutputs !== undefined) input.hasOutputs = spec.hasOutputs;
      if (spec.raised) input.raised = true;
      if (spec.ranAt !== undefined) input.ranAt = spec.ranAt;
      return input;
    }),
  };
}

export function sourceOf(code: string | (string | CellSpec)[]): DocumentSource {
  return typeof code === 'string' ? scriptSource('file:///test/script.py', code) : notebookSource(code);
}

/** Rule tests run every rule they name, recommended or opt-in. */
export function allRulesConfig(): AnalysisConfig {
  return { ...defaultConfig(), select: ['ALL'] };
}

export async function run(code: string | (string | CellSpec)[], rules?: readonly Rule[], config: AnalysisConfig = allRulesConfig()): Promise<{ doc: SourceDocument; source: DocumentSource; result: AnalysisResult }> {
  const source = sourceOf(code);
  const doc = buildDocument(source);
  const result = analyzeDocument(doc, config, { parser: await parser(), ...(rules ? { rules } : {}) });
  return { doc, source, result };
}

/** The 1-based lines of the findings one rule reports in a script at `uri` (the file name decides what the file is: a pytest module, a DAG). */
export async function findingLinesIn(uri: string, code: string, rule: Rule): Promise<number[]> {
  const doc = buildDocument(scriptSource(uri, code));
  return analyzeDocument(doc, allRulesConfig(), { parser: await parser(), rules: [rule] }).findings.map((f) => f.range.start.line + 1);
}
