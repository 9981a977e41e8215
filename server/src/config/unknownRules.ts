// Rule selectors (codes, prefixes, names) that match no rule. A misspelt code in `select` would
// otherwise select nothing and silence every rule without a word; each one is reported with the
// closest real code or name.
import type { RuleMeta } from '../engine/types';
import { selectorMatches } from './settings';

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

export function isKnownSelector(selector: string, rules: readonly RuleMeta[]): boolean {
  return rules.some((meta) => selectorMatches(selector, meta));
}

/** The real code or name nearest to a selector that matches no rule. */
export function closestRule(selector: string, rules: readonly RuleMeta[]): string {
  const probe = selector.trim().slice(0, 64);
  const looksLikeCode = /^[a-z]*\d/i.test(probe);
  let best = '';
  let bestDistance = Infinity;
  for (const meta of rules) {
    const candidate = looksLikeCode ? meta.code : meta.name;
    const distance = editDistance(looksLikeCode ? probe.toUpperCase() : probe.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
