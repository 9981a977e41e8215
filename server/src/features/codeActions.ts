// Code actions: for each finding behind one of the request's diagnostics (never others on the
// range: the LSP contract), its fix (preferred), "ignore" on the line, in the cell and in the
// file, and its documentation; per file, Fix All for the safe fixes. Every edit is checked to leave Python that parses.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { AnalysisConfig } from '../config/settings';
import type { Finding } from '../engine/types';
import { localEdits, minimalEdit } from '../documents/edits';
import { rangesOverlap, toLocalRange } from '../documents/positions';
import type { DocumentSource } from '../documents/source';
import type { SourceDocument, TextEdit } from '../documents/types';
import type { PythonParser } from '../parsing/parser';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { checkedApply, fixAll } from '../fixAll';
import { scopeIgnoreEdit } from './scopeIgnores';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mldebt`;
export const NOTEBOOK_FIX_ALL_KIND = `notebook.${CodeActionKind.SourceFixAll}.mldebt`;
/** The client command that opens a rule's page shipped in the extension. */
export const SHOW_RULE_DOCS_COMMAND = 'mlDebt.showRuleDocumentation';

export interface CodeActionRequest {
  uri: string;
  range: Range;
  diagnostics: readonly Diagnostic[];
  only?: readonly string[];
}

export interface CodeActionOptions {
  parser: PythonParser;
  config: AnalysisConfig;
  disableRuleComment: boolean;
  /** URIs of the segments that parse cleanly now (from the analysis). */
  cleanSegments?: ReadonlySet<string>;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(requested + '.'));
}

function workspaceEdit(byUri: Map<string, TextEdit[]>): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const [uri, edits] of byUri) changes[uri] = edits;
  return { changes };
}

function matchingDiagnostic(diagnostics: readonly Diagnostic[], finding: Finding, range: Range): Diagnostic | undefined {
  return diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && d.code === finding.code && rangesOverlap(d.range, range));
}

/** The findings a request asks about: those behind one of `context.diagnostics` (the LSP contract). */
function requestedFindings(doc: SourceDocument, findings: readonly Finding[], request: CodeActionRequest): { finding: Finding; range: Range; diagnostic: Diagnostic }[] {
  const result: { finding: Finding; range: Range; diagnostic: Diagnostic }[] = [];
  for (const finding of findings) {
    const local = toLocalRange(doc, finding.range);
    if (!local || local.uri !== request.uri) continue;
    const diagnostic = matchingDiagnostic(request.diagnostics, finding, local.range);
    if (diagnostic) result.push({ finding, range: local.range, diagnostic });
  }
  return result;
}

function ignoreAction(doc: SourceDocument, finding: Finding, diagnostic: Diagnostic, edit: TextEdit | undefined, where: string): CodeAction | undefined {
  const byUri = edit ? localEdits(doc, [edit]) : undefined;
  if (!byUri) return undefined;
  return { title: `${finding.code}: Ignore ${finding.name} ${where}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(byUri) };
}

export function codeActions(source: DocumentSource, doc: SourceDocument, findings: readonly Finding[], request: CodeActionRequest, options: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(request.only, CodeActionKind.QuickFix)) {
    const documented = new Set<string>();
    for (const { finding, diagnostic } of requestedFindings(doc, findings, request)) {
      const diagnostics = [diagnostic];
      if (finding.fix) {
        const byUri = localEdits(doc, finding.fix.edits);
        if (byUri && checkedApply(options.parser, source, doc, finding.fix.edits, options.cleanSegments)) {
          actions.push({
            title: `${finding.code}: ${finding.fix.title}${finding.fix.safety === 'unsafe' ? ' (unsafe: changes behaviour)' : ''}`,
            kind: CodeActionKind.QuickFix,
            diagnostics,
            // The rule's own fix is the main action for its finding ("ignore" is the alternative).
            isPreferred: true,
            edit: workspaceEdit(byUri),
          });
        }
      }
      if (options.disableRuleComment) {
        const line = finding.range.start.line;
        for (const action of [
          finding.ignoreEdit ? ignoreAction(doc, finding, diagnostic, finding.ignoreEdit, 'on this line') : undefined,
          ignoreAction(doc, finding, diagnostic, scopeIgnoreEdit(doc, line, finding.code, 'cell'), 'in this cell'),
          ignoreAction(doc, finding, diagnostic, scopeIgnoreEdit(doc, line, finding.code, 'file'), 'in this file'),
        ]) if (action) actions.push(action);
      }
      if (!documented.has(finding.code)) {
        documented.add(finding.code);
        actions.push({
          title: `${finding.code}: Show documentation for ${finding.name}`,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          command: { title: `Show documentation for ${finding.code}`, command: SHOW_RULE_DOCS_COMMAND, arguments: [finding.code] },
        });
      }
    }
  }
  // A cell asks for source.fixAll on its own (VS Code asks every cell in parallel): answering
  // there would apply the notebook's edits once per cell, so notebooks only answer the
  // notebook-level kind.
  const fixAllKind = doc.kind === 'notebook' ? NOTEBOOK_FIX_ALL_KIND : FIX_ALL_KIND;
  if (request.only && wants(request.only, fixAllKind) && !(doc.kind === 'notebook' && !request.only.some((k) => k.startsWith('notebook')))) {
    const action = fixAllAction(source, options, fixAllKind);
    if (action) actions.push(action);
  }
  return actions;
}

/** Every safe fix of the document as one edit over its cells (or file), with how many were applied. */
export function fixAllEdit(source: DocumentSource, options: Pick<CodeActionOptions, 'parser' | 'config'>): { edit: WorkspaceEdit; applied: number } {
  const result = fixAll(options.parser, source, options.config);
  const byUri = new Map<string, TextEdit[]>();
  result.source.cells.forEach((cell, i) => {
    const edit = minimalEdit(source.cells[i].text, cell.text);
    if (edit) byUri.set(cell.uri, [edit]);
  });
  return { edit: workspaceEdit(byUri), applied: result.applied.length };
}

function fixAllAction(source: DocumentSource, options: CodeActionOptions, kind: string): CodeAction | undefined {
  const { edit, applied } = fixAllEdit(source, options);
  if (applied === 0) return undefined;
  return { title: `ML Debt Lens: fix all safe fixes (${applied})`, kind, edit };
}
