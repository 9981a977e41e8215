// Helpers for the API-level end-to-end tests: bounded polling instead of sleeps, our diagnostics
// only, and a private copy of an example for each test so that no test sees another's edits.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { until } from '../poll';

export { until };

export const EXTENSION_ID = 'ml-debt-lens.ml-debt-lens';
export const DIAGNOSTIC_SOURCE = 'ml-debt';

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

export function findingOn(uri: vscode.Uri, code: string, line?: number): vscode.Diagnostic | undefined {
  return ours(uri).find((d) => codeOf(d) === code && (line === undefined || d.range.start.line === line));
}

/** Waits until `uri` has a finding of each code, and returns them by code. */
export async function waitForFindings(uri: vscode.Uri, codes: string[]): Promise<Map<string, vscode.Diagnostic>> {
  try {
    return await until(`${codes.join(', ')} on ${uri.path}`, () => {
      const found = new Map(codes.map((code) => [code, findingOn(uri, code)] as const));
      return [...found.values()].every(Boolean) ? (found as Map<string, vscode.Diagnostic>) : undefined;
    });
  } catch (error) {
    const present = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}:${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`);
    throw new Error(`${(error as Error).message}; present: ${present.join(', ') || 'none'}`);
  }
}

/** Copies examples/<example> (the workspace is a fresh copy of examples/) to a file of its own. */
export async function privateCopy(example: string, name: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace (a copy of examples/) is open');
  const target = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(folder.uri, example), target, { overwrite: true });
  return target;
}

export async function openScript(example: string, name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(await privateCopy(example, name));
  await vscode.window.showTextDocument(document);
  return document;
}

export async function openNotebook(example: string, name: string): Promise<vscode.NotebookDocument> {
  const notebook = await vscode.workspace.openNotebookDocument(await privateCopy(example, name));
  await vscode.window.showNotebookDocument(notebook);
  return notebook;
}

export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

export async function quickFix(uri: vscode.Uri, range: vscode.Range, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await quickFixes(uri, range);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `a quick fix matching ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

export async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `${action.title} carries an edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `${action.title} applied`);
}

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}
