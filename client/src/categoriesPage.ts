// The Explain Debt Categories page, in Markdown: every category of the paper with its section,
// what it means, how it shows in code (the rules that detect it) and a before/after from one of
// those rules' docs. No `vscode` import, so it is unit-tested.
import type { CatalogueResult } from '../../server/src/features/workspaceProtocol';

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

