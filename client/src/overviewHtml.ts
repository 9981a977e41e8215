// The Debt Overview page's HTML: the workspace's debt by section and by rule as bar charts, the
// files that carry most, and each category that occurs, explained. Pure HTML and CSS bars plus one
// tiny nonce'd script that asks the extension to open a file: the Content-Security-Policy allows
// nothing else, and nothing is loaded from the network. No `vscode` import, so it is unit-tested.
import type { CatalogueResult } from '../../server/src/features/workspaceProtocol';

export interface OverviewData {
  catalogue: CatalogueResult | undefined;
  sections: { section: number; title: string; count: number }[];
  rules: { code: string; name: string; count: number }[];
  files: { uri: string; label: string; count: number }[];
  total: number;
  fileCount: number;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

function bars(rows: { label: string; count: number; attrs?: string }[]): string {
  const max = Math.max(1, ...rows.map((r) => r.count));
  // <progress> draws the bar: an inline style attribute would break the Content-Security-Policy.
  return `<table class="bars">${rows.map((r) => `<tr><td class="label"${r.attrs ?? ''}>${escapeHtml(r.label)}</td><td class="bar"><progress max="${max}" value="${r.count}">${r.count}</progress></td><td class="count">${r.count}</td></tr>`).join('')}</table>`;
}

export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'; connect-src 'none'`;
}

export function overviewHtml(data: OverviewData, nonce: string): string {
  const catalogue = data.catalogue;
  const present = new Set(data.rules.map((r) => catalogue?.rules.find((x) => x.code === r.code)?.categoryId).filter(Boolean));
  const categories = (catalogue?.categories ?? []).filter((c) => present.has(c.id));
  const body = data.total === 0
    ? '<p>No findings yet. Open Python files or notebooks, or run <b>ML Debt Lens: Check Workspace</b>.</p>'
    : `<p>${data.total} findings in ${data.fileCount} files.</p>
<h2>By section of the paper</h2>${bars(data.sections.map((s) => ({ label: s.title, count: s.count })))}
<h2>By rule</h2>${bars(data.rules.map((r) => ({ label: `${r.code} ${r.name}`, count: r.count })))}
<h2>Files that carry most</h2>${bars(data.files.map((f) => ({ label: f.label, count: f.count, attrs: ` data-uri="${escapeHtml(f.uri)}" role="link" tabindex="0"` })))}
<h2>The categories found here</h2>${categories.map((c) => `<h3>${c.section ? `§${c.section}, ` : ''}${escapeHtml(c.heading)}</h3><p>${escapeHtml(c.summary)}</p>`).join('')}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Debt Overview</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; max-width: 60em; }
h2 { border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .2em; }
table.bars { border-collapse: collapse; width: 100%; }
table.bars td { padding: 2px 6px; }
td.label { white-space: nowrap; width: 1%; }
td.label[data-uri] { cursor: pointer; color: var(--vscode-textLink-foreground); }
td.bar progress { width: 100%; height: 0.9em; accent-color: var(--vscode-charts-orange, #d18616); }
td.count { text-align: right; width: 3em; font-variant-numeric: tabular-nums; }
</style></head>
<body>
<h1>Debt Overview</h1>
<p>Technical debt of ML code, after Sculley et al., <i>Hidden Technical Debt in Machine Learning Systems</i> (NeurIPS 2015).</p>
${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const cell of document.querySelectorAll('[data-uri]')) {
  const open = () => vscode.postMessage({ type: 'open', uri: cell.getAttribute('data-uri') });
  cell.addEventListener('click', open);
  cell.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
}
</script>
</body></html>`;
}
