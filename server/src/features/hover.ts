// Hover: over a finding, the rule with the paper's category and section, why it is debt and how
// to pay it off; over a rule code in a `# mldebt: ignore[...]` comment, the same for that rule.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { lineEndOffset, rangeContains, toLocalRange, toVirtualPosition } from '../documents/positions';
import type { SourceDocument } from '../documents/types';
import type { Finding, RuleMeta } from '../engine/types';
import { hoverMarkdown } from '../taxonomy/explain';

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
    sections.push(hoverMarkdown(meta));
  }
  if (sections.length === 0) {
    const meta = suppressedRuleAt(doc, uri, position, rules);
    if (meta) sections.push(hoverMarkdown(meta));
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
