// The status bar item: findings in the current file and in the workspace, the top sections in
// the tooltip; a click reveals the Debt Explorer.
import * as vscode from 'vscode';
import { activeDocumentUri } from './debtExplorer';
import type { FindingsModel } from './findingsModel';

export class DebtStatusItem implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('mlDebt.findings', vscode.StatusBarAlignment.Left, 50);
  private subscriptions: vscode.Disposable[] = [];

  constructor(private readonly model: FindingsModel) {
    this.item.name = 'ML Debt Lens findings';
    this.item.command = { title: 'Show Debt Explorer', command: 'mlDebt.showExplorer' };
    this.subscriptions.push(
      model.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeActiveNotebookEditor(() => this.update()),
    );
    this.update();
    this.item.show();
  }

  update(): void {
    const uri = activeDocumentUri();
    const here = uri ? this.model.countIn(uri) : 0;
    const total = this.model.all().length;
    this.item.text = `$(debug-breakpoint-log) ${uri ? `${here} here · ` : ''}${total} in workspace`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**ML Debt Lens**\n\n`);
    if (uri) tooltip.appendMarkdown(`This file: ${here} finding${here === 1 ? '' : 's'}\n\n`);
    tooltip.appendMarkdown(`Workspace: ${total} finding${total === 1 ? '' : 's'} in ${this.model.fileCount()} file${this.model.fileCount() === 1 ? '' : 's'} (open files, and all files after *Check Workspace*)\n\n`);
    const top = this.model.sections().slice(0, 3);
    if (top.length) tooltip.appendMarkdown(`Top sections:\n${top.map((s) => `- ${s.title}: ${s.count}`).join('\n')}\n\n`);
    tooltip.appendMarkdown('Click to open the Debt Explorer.');
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
