// Code actions: per finding, its fix (a quick fix, preferred when safe) and "ignore on this
// line"; per file, Fix All for the safe fixes. Every edit is checked to leave Python that parses.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { AnalysisConfig } from '../config/settings';
import type { Finding } from '../engine/types';
import { localEdits, minimalEdit } from '../documents/edits';
import { rangesOverlap, toLocalRange } from '../documents/positions';
import type { DocumentSource } from '../documents/source';
import type { SourceDocument, TextEdit } from '../documents/types';
import type { PythonParser } from '../parsing/parser';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { checkedApply, fixAll } from './fixes';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mldebt`;
export const NOTEBOOK_FIX_ALL_KIND = `notebook.${CodeActionKind.SourceFixAll}.mldebt`;

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

export function codeActions(source: DocumentSource, doc: SourceDocument, findings: readonly Finding[], request: CodeActionRequest, options: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(request.only, CodeActionKind.QuickFix)) {
    for (const finding of findings) {
      const local = toLocalRange(doc, finding.range);
      if (!local || local.uri !== request.uri || !rangesOverlap(local.range, request.range)) continue;
      const diagnostic = matchingDiagnostic(request.diagnostics, finding, local.range);
      const diagnostics = diagnostic ? [diagnostic] : [];
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
      if (options.disableRuleComment && finding.ignoreEdit) {
        const byUri = localEdits(doc, [finding.ignoreEdit]);
        if (byUri) {
          actions.push({
            title: `${finding.code}: Ignore ${finding.name} on this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics,
            edit: workspaceEdit(byUri),
          });
        }
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

function fixAllAction(source: DocumentSource, options: CodeActionOptions, kind: string): CodeAction | undefined {
  const result = fixAll(options.parser, source, options.config);
  if (result.applied.length === 0) return undefined;
  const byUri = new Map<string, TextEdit[]>();
  result.source.cells.forEach((cell, i) => {
    const edit = minimalEdit(source.cells[i].text, cell.text);
    if (edit) byUri.set(cell.uri, [edit]);
  });
  return { title: `ML Debt Lens: fix all safe fixes (${result.applied.length})`, kind, edit: workspaceEdit(byUri) };
}
