// The Debt Overview webview panel: one per window, re-rendered when the findings change.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { groupBy, type FindingsModel } from './findingsModel';
import { overviewHtml, type OverviewData } from './overviewHtml';

export function overviewData(model: FindingsModel): OverviewData {
  const all = model.all();
  const rules = [...groupBy(all, (f) => f.code)].map(([code, list]) => ({ code, name: model.rule(code)?.name ?? '', count: list.length })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const files = [...groupBy(all, (f) => f.uri)]
    .map(([uri, list]) => ({ uri, label: vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false) || path.basename(uri), count: list.length }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 10);
  return { catalogue: model.catalogue, sections: model.sections(all), rules, files, total: all.length, fileCount: model.fileCount() };
}

export class DebtOverview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private subscription: vscode.Disposable;

  constructor(private readonly model: FindingsModel) {
    this.subscription = model.onDidChange(() => this.render());
  }

  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    // No local resources and no network: everything is inline, under a nonce.
    this.panel = vscode.window.createWebviewPanel('mlDebt.overview', 'Debt Overview', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    this.panel.onDidDispose(() => (this.panel = undefined));
    this.panel.webview.onDidReceiveMessage((message: { type?: string; uri?: string }) => {
      if (message?.type === 'open' && typeof message.uri === 'string') void vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(message.uri));
    });
    this.render();
    return this.panel;
  }

  private render(): void {
    if (this.panel) this.panel.webview.html = overviewHtml(overviewData(this.model), randomBytes(16).toString('base64'));
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
