// Hover: over a finding, a card that fits the hover widget — first the one-line why and the fix,
// then the paper's category with its section, the related places ("cell 6, line 4") and the link;
// over a rule code in a `# mldebt: ignore[...]` comment, the rule's summary instead.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { lineEndOffset, rangeContains, toLocalRange, toVirtualPosition } from '../documents/positions';
import type { Range, SourceDocument } from '../documents/types';
import type { Finding, RuleMeta } from '../engine/types';
import { ruleCitation, ruleDocsUrl } from '../taxonomy/explain';

/** The first sentence of a paragraph (a period followed by a space and a capital or the end). */
export function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s+[A-Z`(\u201c"]|\s*$)/.exec(text.trim());
  return (match ? match[0] : text).trim();
}

/** Where a place is, as a reader of the editor says it: "cell 6, line 4" or "line 12". */
export function placeLabel(doc: SourceDocument, range: Range): string | undefined {
  const local = toLocalRange(doc, range);
  if (!local) return undefined;
  const line = `line ${local.range.start.line + 1}`;
  return doc.kind === 'notebook' ? `cell ${local.segment.cellIndex + 1}, ${line}` : line;
}

/** The paper's category with its section (and, for an API-misuse smell, the category it feeds). */
function categoryLines(meta: RuleMeta): string[] {
  return ruleCitation(meta).map((line) => `${line}  `);
}

function fixLine(meta: RuleMeta): string {
  const quick = meta.fix ? ` Quick fix: *${meta.fix.title}*${meta.fix.safety === 'safe' && !meta.fix.sometimesSafe ? ' (safe)' : ''}.` : '';
  return `**Fix:** ${firstSentence(meta.docs.fix)}${quick}`;
}

/** The hover card of a finding: why, fix, category, related places, link. */
export function findingHoverMarkdown(doc: SourceDocument, finding: Finding, meta: RuleMeta): string {
  const lines = [
    `**${meta.code} ${meta.name}** — ${firstSentence(meta.docs.why)}`,
    '',
    fixLine(meta),
    '',
    ...categoryLines(meta),
  ];
  const related = finding.related.flatMap((item) => {
    const place = placeLabel(doc, item.range);
    return place ? [`${place}: ${item.message}`] : [];
  });
  if (related.length) lines.push('', `Related: ${related.join('; ')}`);
  lines.push('', `[${meta.code} documentation](${ruleDocsUrl(meta)})`);
  return lines.join('\n');
}

/** The hover of a rule named in a suppression comment: what it finds, and its category. */
export function ruleSummaryMarkdown(meta: RuleMeta): string {
  return [
    `**${meta.code} ${meta.name}** — ${meta.docs.summary}`,
    '',
    ...categoryLines(meta),
    '',
    `[${meta.code} documentation](${ruleDocsUrl(meta)})`,
  ].join('\n');
}

export function hoverAt(doc: SourceDocument, findings: readonly Finding[], rules: readonly RuleMeta[], uri: string, position: Position): Hover | null {
  const metas = new Map(rules.map((meta) => [meta.code, meta]));
  const shown = new Set<string>();
  const sections: string[] = [];
  for (const finding of findings) {
    const local = toLocalRange(doc, finding.range);
    if (!local || local.uri !== uri || !rangeContains(local.range, position) || shown.has(finding.code)) continue;
    const meta = metas.get(finding.code);
    if (!meta) continue;
    shown.add(finding.code);
    sections.push(findingHoverMarkdown(doc, finding, meta));
  }
  if (sections.length === 0) {
    const meta = suppressedRuleAt(doc, uri, position, rules);
    if (meta) sections.push(ruleSummaryMarkdown(meta));
  }
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
}

/** The rule named under the cursor inside `mldebt: ignore[...]`, if any. */
function suppressedRuleAt(doc: SourceDocument, uri: string, position: Position, rules: readonly RuleMeta[]): RuleMeta | undefined {
  const segment = doc.segments.find((s) => s.uri === uri);
  if (!segment) return undefined;
  const line = toVirtualPosition(segment, position).line;
  if (line >= doc.lineStarts.length) return undefined;
  const text = doc.original.slice(doc.lineStarts[line], lineEndOffset(doc, line));
  const directive = /mldebt:\s*ignore(?:-file|-cell)?\[([^\]]*)\]/i.exec(text);
  if (!directive) return undefined;
  const listStart = directive.index + directive[0].indexOf('[') + 1;
  let offset = listStart;
  for (const item of directive[1].split(',')) {
    const start = offset + (item.length - item.trimStart().length);
    const end = start + item.trim().length;
    if (position.character >= start && position.character <= end) {
      const key = item.trim().toLowerCase();
      return rules.find((meta) => meta.code.toLowerCase() === key || meta.name === key);
    }
    offset += item.length + 1;
  }
  return undefined;
}
