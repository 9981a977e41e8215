// Teaching pages that work offline: a rule's page (docs/rules/*.md, shipped in the package) and
// the Explain Debt Categories page, both opened in the Markdown preview; and the example notebook
// the walkthrough opens, copied out of the package so the user's edits never touch it.
import * as vscode from 'vscode';
import type { CatalogueResult } from '../../server/src/features/workspaceProtocol';

export async function ruleDocsUri(extensionUri: vscode.Uri, code: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const page = entries.map(([name]) => name).find((name) => name.toUpperCase().startsWith(`${code.toUpperCase()}-`) && name.endsWith('.md'));
  return page ? vscode.Uri.joinPath(folder, page) : undefined;
}

export async function showRuleDocumentation(extensionUri: vscode.Uri, code?: string, codes: string[] = []): Promise<void> {
  const chosen = code ?? (await vscode.window.showQuickPick(codes, { placeHolder: 'Which rule?' }));
  if (!chosen) return;
  const page = await ruleDocsUri(extensionUri, chosen);
  if (!page) {
    void vscode.window.showWarningMessage(`ML Debt Lens has no page for ${chosen}.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

function fenced(code: string): string {
  return ['```python', code.trim(), '```'].join('\n');
}

/** Every category of the paper: its section, what it means, how it shows in code, its rules, a before/after. */
export function categoriesMarkdown(catalogue: CatalogueResult): string {
  const lines = [
    '# ML debt categories',
    '',
    'The categories of *Hidden Technical Debt in Machine Learning Systems* (Sculley et al., NeurIPS 2015) that ML Debt Lens makes visible, section by section, with the rules that detect each one.',
  ];
  const sections = [...new Set(catalogue.categories.map((c) => c.section))].sort((a, b) => (a || 99) - (b || 99));
  for (const section of sections) {
    const categories = catalogue.categories.filter((c) => c.section === section);
    lines.push('', section ? `## §${section} ${categories[0].sectionTitle}` : '## ML API misuse (Zhang, Cruz and van Deursen, CAIN 2022)');
    for (const category of categories) {
      const rules = catalogue.rules.filter((r) => r.categoryId === category.id);
      lines.push('', `### ${category.heading}`, '', `**What it means.** ${category.summary}`);
      if (rules.length === 0) {
        lines.push('', '*No rule detects this category in code yet: it lives in process and organisation more than in a file.*');
        continue;
      }
      lines.push('', '**How it shows in code, and the rules that detect it:**', '');
      for (const rule of rules) lines.push(`- \`${rule.code}\` ${rule.name}: ${rule.summary}`);
      const example = rules.find((r) => r.fixed) ?? rules[0];
      lines.push('', `**Before** (${example.code}):`, '', fenced(example.example));
      if (example.fixed) lines.push('', '**After:**', '', fenced(example.fixed));
    }
  }
  return lines.join('\n') + '\n';
}

export async function explainCategories(storage: vscode.Uri, catalogue: CatalogueResult | undefined): Promise<void> {
  if (!catalogue) {
    void vscode.window.showInformationMessage('ML Debt Lens is still starting; try again in a moment.');
    return;
  }
  await vscode.workspace.fs.createDirectory(storage);
  const page = vscode.Uri.joinPath(storage, 'ML debt categories.md');
  await vscode.workspace.fs.writeFile(page, new TextEncoder().encode(categoriesMarkdown(catalogue)));
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

/** Opens a copy of the example notebook shipped with the extension. */
export async function openExampleNotebook(extensionUri: vscode.Uri, storage: vscode.Uri): Promise<vscode.NotebookEditor> {
  const folder = vscode.Uri.joinPath(storage, 'example');
  await vscode.workspace.fs.createDirectory(folder);
  const copy = vscode.Uri.joinPath(folder, 'model_comparison.ipynb');
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'examples', 'model_comparison.ipynb'), copy, { overwrite: true });
  const notebook = await vscode.workspace.openNotebookDocument(copy);
  return vscode.window.showNotebookDocument(notebook);
}
