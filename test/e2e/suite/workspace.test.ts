// The workspace features in a real VS Code: Check Workspace fills the Debt Explorer (counts that
// agree with the Problems panel, a click that opens the right notebook cell) and the status item;
// Fix All from its command; the cell-ignore quick fix; the offline rule page; the walkthrough's
// first step. Runs last (files load in name order), after the other suites made their copies.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../../client/src/debtExplorer';
import type { ExtensionApi } from '../../../client/src/extension';
import { apply, EXTENSION_ID, findingOn, openNotebook, openScript, ours, quickFix, until, waitForFindings } from './helpers';

function api(): ExtensionApi {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension?.isActive, 'the extension is active');
  return extension.exports;
}

function count(nodes: ExplorerNode[]): number {
  return nodes.reduce((n, node) => n + (node.kind === 'finding' ? 1 : node.findings.length), 0);
}

/** The explorer's finding nodes for one file, whatever section and rule they are under. */
function findingNodesOf(explorer: ExtensionApi['explorer'], fileName: string): Extract<ExplorerNode, { kind: 'finding' }>[] {
  const result: Extract<ExplorerNode, { kind: 'finding' }>[] = [];
  for (const section of explorer.getChildren()) {
    for (const rule of explorer.getChildren(section)) {
      for (const file of explorer.getChildren(rule)) {
        if (file.kind === 'file' && file.uri.endsWith(`/${fileName}`)) result.push(...(explorer.getChildren(file) as Extract<ExplorerNode, { kind: 'finding' }>[]));
      }
    }
  }
  return result;
}

const activeTabLabel = () => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '';

describe('workspace views: Debt Explorer, status item, Check Workspace', () => {
  it('Check Workspace lists every file\'s findings in the explorer, by section, with counts that add up', async () => {
    const { model, explorer } = api();
    await vscode.commands.executeCommand('mlDebt.checkWorkspace');
    await until('findings of a notebook that was never opened', () => (model.all().some((f) => f.uri.endsWith('/delivery_eta_correction.ipynb')) ? true : undefined));
    const sections = explorer.getChildren();
    assert.ok(sections.length >= 3, `several sections; got ${sections.map((s) => s.kind === 'section' && s.title)}`);
    assert.equal(count(sections), model.all().length, 'the section counts add up to every finding');
    for (const section of sections) assert.equal(count(explorer.getChildren(section)), count([section]), 'a section\'s rules add up to its count');
    const labels = sections.map((s) => explorer.getTreeItem(s).label as string);
    assert.ok(labels.some((l) => /^§8 Other Areas of ML-related Debt$/.test(l)), `§8 is a section; got ${labels.join(', ')}`);
  });

  it('counts a file\'s findings as the Problems panel does', async () => {
    const notebook = await openNotebook('sales_exploration.ipynb', 'api_counted.ipynb');
    await waitForFindings(notebook.cellAt(3).document.uri, ['MLD801']);
    const inProblems = () => notebook.getCells().reduce((n, cell) => n + ours(cell.document.uri).length, 0);
    await until('the explorer to agree with the Problems panel', () => (findingNodesOf(api().explorer, 'api_counted.ipynb').length === inProblems() ? true : undefined));
    assert.ok(inProblems() > 0);
  });

  it('a click on a finding opens its notebook at the right cell and line', async () => {
    const nodes = findingNodesOf(api().explorer, 'delivery_eta_correction.ipynb');
    const target = nodes.find((n) => (n.finding.cell ?? 0) > 0);
    assert.ok(target, 'a finding in a later cell of a notebook that is not open');
    const item = api().explorer.getTreeItem(target);
    assert.match(String(item.label), new RegExp(`^cell ${target.finding.cell! + 1}, line ${target.finding.line + 1}: `));
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await until('the notebook editor', () => (vscode.window.activeNotebookEditor?.notebook.uri.path.endsWith('/delivery_eta_correction.ipynb') ? vscode.window.activeNotebookEditor : undefined));
    assert.equal(editor.selection.start, target.finding.cell);
    const cellEditor = await until('the cell\'s editor', () => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.uri.toString() === editor.notebook.cellAt(target.finding.cell!).document.uri.toString() ? active : undefined;
    });
    assert.equal(cellEditor.selection.start.line, target.finding.line);
  });

  it('the status item counts the current file and the workspace, and reveals the explorer', async () => {
    const document = await openScript('train_churn.py', 'api_status.py');
    await waitForFindings(document.uri, ['MLD802']);
    const { status, model } = api();
    const here = ours(document.uri).length;
    await until('the status item to count this file', () => (status.item.text.includes(`${here} here · ${model.all().length} in workspace`) ? true : undefined));
    assert.equal(status.item.command && typeof status.item.command === 'object' ? status.item.command.command : status.item.command, 'mlDebt.showExplorer');
    const tooltip = status.item.tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /Top sections:\n- §/);
  });

  it('the recommended-only filter keeps warning-level rules only', async () => {
    const { explorer, model } = api();
    explorer.setFilter({ recommendedOnly: true });
    try {
      const shown = explorer.getChildren().flatMap((s) => explorer.getChildren(s)).map((r) => (r.kind === 'rule' ? r.code : ''));
      assert.ok(shown.length > 0);
      for (const code of shown) assert.equal(model.rule(code)?.recommended, true, `${code} is recommended`);
      assert.ok(count(explorer.getChildren()) < model.all().length, 'something is filtered out');
    } finally {
      explorer.setFilter({ recommendedOnly: false });
    }
  });
});

describe('commands and quick fixes', () => {
  it('Fix All applies the safe fixes of the active file', async () => {
    const document = await openScript('train_churn.py', 'api_fix_all.py');
    await waitForFindings(document.uri, ['MLD701']);
    const applied = await vscode.commands.executeCommand<number>('mlDebt.fixAll');
    assert.ok(applied >= 1);
    assert.match(document.getText(), /at_risk = proba > DECISION_THRESHOLD/);
    await until('MLD701 to go', () => (findingOn(document.uri, 'MLD701') ? undefined : true));
    assert.ok(findingOn(document.uri, 'MLD802'), 'the unsafe seeding fix is not part of Fix All');
  });

  it('Ignore in this cell writes a cell directive and the finding goes', async () => {
    const notebook = await openNotebook('sales_exploration.ipynb', 'api_cell_ignore.ipynb');
    const cell = notebook.cellAt(3).document;
    const draw = (await waitForFindings(cell.uri, ['MLD801'])).get('MLD801')!;
    await apply(await quickFix(cell.uri, draw.range, /^MLD801: Ignore unseeded-randomness in this cell$/));
    assert.equal(cell.lineAt(0).text, '# mldebt: ignore-cell[MLD801]');
    await until('MLD801 to go from the cell', () => (findingOn(cell.uri, 'MLD801') ? undefined : true));
  });

  it('Show documentation opens the rule page shipped in the package', async () => {
    await vscode.commands.executeCommand('mlDebt.showRuleDocumentation', 'MLD802');
    await until('the rule page preview', () => (/MLD802-missing-random-state\.md/.test(activeTabLabel()) ? true : undefined));
    const extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    const page = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionPath, 'docs', 'rules', 'MLD802-missing-random-state.md'));
    assert.match(new TextDecoder().decode(page), /^# MLD802/);
  });

  it('Explain Debt Categories opens a page with every section', async () => {
    await vscode.commands.executeCommand('mlDebt.explainCategories');
    await until('the categories preview', () => (/ML debt categories/.test(activeTabLabel()) ? true : undefined));
  });

  it('the walkthrough opens, and its first step opens an example notebook with findings', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#mlDebt.gettingStarted`, false);
    await vscode.commands.executeCommand('mlDebt.openExample');
    const editor = await until('the example notebook', () => (vscode.window.activeNotebookEditor?.notebook.uri.path.endsWith('/example/model_comparison.ipynb') ? vscode.window.activeNotebookEditor : undefined));
    await until('findings in the example', () => (editor.notebook.getCells().some((c) => ours(c.document.uri).length > 0) ? true : undefined));
  });
});
