// `mldebt check --format html`: one self-contained page (no scripts, no external assets) that a
// team can publish from CI — the debt by paper section, every finding with its line, and what
// each rule's debt is and how to pay it off.
import type { RuleMeta } from '../engine/types';
import { SECTIONS } from '../taxonomy/categories';
import { categoryLabel, fixSafetyText, ruleCitation, ruleDocsUrl } from '../taxonomy/explain';
import type { ReportedFinding } from './formats';
import type { NotAnalysed } from './read';
import { pushTo } from '../engine/collections';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The little Markdown the rule docs use: `code`, **bold**, *emphasis*, [links](https://...). */
export function inlineMarkdown(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*\s][^*]*)\*/g, '<em>$1</em>')
    .replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>');
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:16px 0 4px}
.muted{color:#5b6472}.card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:12px 16px;margin:8px 0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceff3;vertical-align:top}
code,pre{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}pre{margin:4px 0 0;padding:6px 8px;background:#f3f4f6;border-radius:4px;white-space:pre-wrap}
.sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600}
.error{background:#fde2e1;color:#9b1c1c}.warning{background:#fdf0d5;color:#8a5300}.information{background:#e0ecff;color:#1e4fa3}.hint{background:#eceff3;color:#4b5563}
.bar{height:8px;background:#5b7ee5;border-radius:4px}a{color:#2450b8}
`;

function severityBadge(severity: string): string {
  return `<span class="sev ${escapeHtml(severity)}">${escapeHtml(severity)}</span>`;
}

export function formatHtml(findings: readonly ReportedFinding[], rules: readonly RuleMeta[], info: { version: string; files: number; notAnalysed?: readonly NotAnalysed[] }): string {
  const metas = new Map(rules.map((m) => [m.code, m]));
  const bySection = new Map<string, number>();
  for (const f of findings) bySection.set(f.section, (bySection.get(f.section) ?? 0) + 1);
  const most = Math.max(1, ...bySection.values());
  const byFile = new Map<string, ReportedFinding[]>();
  for (const f of findings) pushTo(byFile, f.file, f);
  const usedRules = [...new Set(findings.map((f) => f.code))].sort().map((code) => metas.get(code)).filter((m): m is RuleMeta => !!m);

  const sectionRows = [...bySection.entries()].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true })).map(([section, count]) => {
    const number = Number(/\u00a7(\d)/.exec(section)?.[1]);
    const title = SECTIONS[number] ? ` <span class="muted">(${escapeHtml(SECTIONS[number])})</span>` : '';
    return `<tr><td>${escapeHtml(section)}${title}</td><td>${count}</td><td style="width:40%"><div class="bar" style="width:${Math.round((count / most) * 100)}%"></div></td></tr>`;
  }).join('');

  const fileSections = [...byFile.entries()].map(([file, list]) => `
<div class="card"><h3>${escapeHtml(file)} <span class="muted">(${list.length})</span></h3>
<table>${list.map((f) => `<tr><td style="white-space:nowrap">${f.cell !== undefined ? `cell ${f.cell}, ` : ''}${f.line}:${f.column}</td>
<td>${severityBadge(f.severity)} <a href="#${f.code}">${f.code}</a> ${escapeHtml(f.name)}<br>${inlineMarkdown(f.message)}${f.snippet ? `<pre>${escapeHtml(f.snippet)}</pre>` : ''}${f.fix ? `<div class="muted">Quick fix (${escapeHtml(f.fix.safety)}): ${escapeHtml(f.fix.title)}</div>` : ''}</td></tr>`).join('')}</table></div>`).join('');

  const glossary = usedRules.map((meta) => `
<div class="card" id="${meta.code}"><h3>${meta.code} ${escapeHtml(meta.name)} <span class="muted">— ${escapeHtml(categoryLabel(meta))}</span></h3>
<div class="muted">${ruleCitation(meta).map(inlineMarkdown).join('<br>')}</div>
<p><strong>Why this is debt.</strong> ${inlineMarkdown(meta.docs.why)}</p>
<p><strong>How to pay it off.</strong> ${inlineMarkdown(meta.docs.fix)}</p>
<p class="muted">${inlineMarkdown(fixSafetyText(meta))} <a href="${escapeHtml(ruleDocsUrl(meta))}">Rule documentation</a></p></div>`).join('');

  const problems = info.notAnalysed ?? [];
  const notAnalysed = problems.length === 0 ? '' : `<h2>Not analysed (${problems.length} file${problems.length === 1 ? '' : 's'})</h2><div class="card"><table>${problems.map((p) => `<tr><td>${escapeHtml(p.file)}</td><td>${escapeHtml(p.reason)}</td></tr>`).join('')}</table></div>`;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>ML Debt Lens report</title><style>${STYLE}</style></head>
<body><main>
<h1>ML Debt Lens report</h1>
<div class="muted">${findings.length} finding(s) in ${byFile.size} of ${info.files} file(s) · ML Debt Lens ${escapeHtml(info.version)} · categories from Sculley et al., <em>Hidden Technical Debt in Machine Learning Systems</em>, NeurIPS 2015</div>
${findings.length === 0 ? `<div class="card">No ML debt found${problems.length ? ' in the files analysed' : ''}.</div>` : `<h2>Debt by section of the paper</h2><div class="card"><table>${sectionRows}</table></div>
<h2>Findings</h2>${fileSections}
<h2>The rules behind these findings</h2>${glossary}`}
${notAnalysed}
</main></body></html>
`;
}
