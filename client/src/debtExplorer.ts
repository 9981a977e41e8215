// The Debt Explorer: the workspace's findings by the paper's section, then rule, then file, then
// finding, each with its count. A finding opens its place (in the right notebook cell). The
// toolbar filters to recommended rules or to the current file, and refreshes (Check Workspace).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { groupBy, type FindingsModel, type Located } from './findingsModel';
import { placeLabel } from './openFinding';

export type ExplorerNode =
  | { kind: 'section'; section: number; title: string; findings: Located[] }
  | { kind: 'rule'; code: string; findings: Located[] }
  | { kind: 'file'; code: string; uri: string; findings: Located[] }
  | { kind: 'finding'; finding: Located };

export interface ExplorerFilter {
  recommendedOnly: boolean;
  currentFileOnly: boolean;
}

/** The document of the active editor or notebook, as the server names it (the notebook, not a cell). */
export function activeDocumentUri(): string | undefined {
  const notebook = vscode.window.activeNotebookEditor?.notebook;
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.uri.scheme !== 'vscode-notebook-cell') return editor.document.uri.toString();
  return notebook?.uri.toString();
}

export class DebtExplorer implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly filter: ExplorerFilter = { recommendedOnly: false, currentFileOnly: false };
  private subscriptions: vscode.Disposable[] = [];

  constructor(private readonly model: FindingsModel) {
    this.subscriptions.push(model.onDidChange(() => this.refresh()));
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.filter.currentFileOnly && this.refresh()));
    this.subscriptions.push(vscode.window.onDidChangeActiveNotebookEditor(() => this.filter.currentFileOnly && this.refresh()));
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  setFilter(change: Partial<ExplorerFilter>): void {
    Object.assign(this.filter, change);
    void vscode.commands.executeCommand('setContext', 'mlDebt.explorer.recommendedOnly', this.filter.recommendedOnly);
    void vscode.commands.executeCommand('setContext', 'mlDebt.explorer.currentFileOnly', this.filter.currentFileOnly);
    this.refresh();
  }

  private visible(): Located[] {
    const uri = this.filter.currentFileOnly ? activeDocumentUri() : undefined;
    if (this.filter.currentFileOnly && !uri) return [];
    return this.model.all({ recommendedOnly: this.filter.recommendedOnly, ...(uri ? { uri } : {}) });
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] {
    if (!node) {
      const bySection = groupBy(this.visible(), (f) => this.model.sectionOf(f.code));
      return this.model.sections(this.visible()).map((s) => ({ kind: 'section', section: s.section, title: s.title, findings: bySection.get(s.section) ?? [] }));
    }
    if (node.kind === 'section') {
      return [...groupBy(node.findings, (f) => f.code)].sort(([a], [b]) => a.localeCompare(b)).map(([code, findings]) => ({ kind: 'rule', code, findings }));
    }
    if (node.kind === 'rule') {
      return [...groupBy(node.findings, (f) => f.uri)]
        .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
        .map(([uri, findings]) => ({ kind: 'file', code: node.code, uri, findings }));
    }
    if (node.kind === 'file') {
      return [...node.findings].sort((a, b) => (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line).map((finding) => ({ kind: 'finding', finding }));
    }
    return [];
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'section': {
        const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.findings.length}`;
        item.id = `section:${node.section}`;
        item.contextValue = 'section';
        return item;
      }
      case 'rule': {
        const rule = this.model.rule(node.code);
        const item = new vscode.TreeItem(`${node.code} ${rule?.name ?? ''}`.trim(), collapsed);
        item.description = `${node.findings.length}`;
        item.tooltip = rule ? `${rule.summary}\n${rule.categoryLabel}` : undefined;
        item.id = `rule:${node.code}`;
        item.contextValue = 'rule';
        return item;
      }
      case 'file': {
        const uri = vscode.Uri.parse(node.uri);
        const item = new vscode.TreeItem(uri, collapsed);
        item.label = path.basename(uri.fsPath);
        const folder = path.dirname(vscode.workspace.asRelativePath(uri, false));
        item.description = folder === '.' ? `${node.findings.length}` : `${node.findings.length} · ${folder}`;
        item.id = `file:${node.code}:${node.uri}`;
        item.contextValue = 'file';
        return item;
      }
      case 'finding': {
        const f = node.finding;
        const item = new vscode.TreeItem(`${placeLabel(f)}: ${f.message}`, vscode.TreeItemCollapsibleState.None);
        item.tooltip = f.message;
        item.id = `finding:${f.uri}:${f.code}:${f.cell ?? ''}:${f.line}:${f.character}`;
        item.iconPath = new vscode.ThemeIcon(f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info');
        item.command = { title: 'Open', command: 'mlDebt.openFinding', arguments: [f] };
        item.contextValue = 'finding';
        return item;
      }
    }
  }

  dispose(): void {
    this.emitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
