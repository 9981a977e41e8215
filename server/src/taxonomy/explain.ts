// The teaching text of a rule — its citation, why it is debt, how to pay it off — in Markdown,
// shared by the hover, the docs pages and the reports so that they never disagree.
import type { RuleMeta } from '../engine/types';
import { category, citation, SMELLS_PAPER } from './categories';

export const REPOSITORY_URL = 'https://github.com/ml-debt-lens/ml-debt-lens';

export function ruleDocsPath(meta: Pick<RuleMeta, 'code' | 'name'>): string {
  return `docs/rules/${meta.code}-${meta.name}.md`;
}

export function ruleDocsUrl(meta: Pick<RuleMeta, 'code' | 'name'>): string {
  return `${REPOSITORY_URL}/blob/main/${ruleDocsPath(meta)}`;
}

/** The paper reference(s) for a rule, as Markdown lines. */
export function ruleCitation(meta: RuleMeta): string[] {
  if (meta.category !== 'ml-api-misuse') return [citation(meta.category)];
  const lines = [`${SMELLS_PAPER.authors}, *${SMELLS_PAPER.title}*, ${SMELLS_PAPER.venue}${meta.smell ? ` — “${meta.smell.name}”` : ''}`];
  if (meta.smell) lines.push(`Feeds ${citation(meta.smell.feeds)}`);
  return lines;
}

/** A short label of the debt category (`§8, Reproducibility Debt`, or the smell's feed). */
export function categoryLabel(meta: RuleMeta): string {
  const c = category(meta.category === 'ml-api-misuse' && meta.smell ? meta.smell.feeds : meta.category);
  return `§${c.section}, ${c.heading}`;
}

export function fixSafetyText(meta: RuleMeta): string {
  if (!meta.fix) return 'No automatic fix: the hover explains how to pay the debt off.';
  if (meta.fix.sometimesSafe) return `Quick fix: ${meta.fix.title} — safe in the simple case, unsafe otherwise (see the docs).`;
  return meta.fix.safety === 'safe'
    ? `Quick fix: ${meta.fix.title} — safe (the program computes exactly what it did), included in Fix All.`
    : `Quick fix: ${meta.fix.title} — unsafe (it changes what the program does, or removes code a person may want to keep: review it); offered one at a time, never in Fix All.`;
}

/** The hover for a finding of `meta`. */
export function hoverMarkdown(meta: RuleMeta): string {
  return [
    `**ML Debt Lens · ${meta.code} ${meta.name}**`,
    '',
    ...ruleCitation(meta).map((line) => `${line}  `),
    '',
    `**Why this is debt.** ${meta.docs.why}`,
    '',
    `**How to pay it off.** ${meta.docs.fix}`,
    '',
    `[${meta.code} documentation](${ruleDocsUrl(meta)})`,
  ].join('\n');
}
