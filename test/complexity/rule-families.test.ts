// Analysis time grows at most linearly in the size of a file, for every rule family: 5k, 10k
// and 20k generated lines of the family's own patterns (the code its rules look at), timed as
// the best of three runs (the machine is shared and noisy); each doubling may cost at most 2.5x.
// Not part of `npm test` (minutes of CPU): `npm run test:complexity`.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analyze';
import { defaultConfig } from '../../server/src/config/settings';
import { RULES } from '../../server/src/detectors';
import { buildDocument, type DocumentSource } from '../../server/src/documents/source';
import { parseOnce } from '../../server/src/parsing/incremental';
import { parser } from '../support/engine';
import { FAMILIES, notebookOf, scriptOf } from './families';

const SIZES = [5000, 10000, 20000];
const MAX_GROWTH = 2.5;
/** A run slower than this is already far from linear; the larger sizes are not tried. */
const GIVE_UP_MS = 30000;
/** Timer noise on short runs: a few ms are added to both sides of a ratio. */
const SLACK_MS = 5;

async function bestOfThree(source: DocumentSource, codes: Set<string>): Promise<{ ms: number; findings: number; stopped?: string }> {
  const python = await parser();
  const rules = RULES.filter((r) => codes.has(r.meta.code));
  let best = Infinity;
  let findings = 0;
  for (let run = 0; run < 3; run++) {
    const doc = buildDocument(source);
    const { parsed, dispose } = parseOnce(python, doc);
    const started = performance.now();
    // The analysis budget stops a rule that has used GIVE_UP_MS (a quarter of the budget).
    // Every rule of the family runs, the ones outside the recommended set too (MLD401...).
    const result = analyze(parsed, { ...defaultConfig(), select: ['ALL'] }, { parser: python, rules, budgetMs: 4 * GIVE_UP_MS });
    best = Math.min(best, performance.now() - started);
    findings = result.findings.length;
    dispose();
    if (result.budgetStop) return { ms: best, findings, stopped: result.budgetStop.stoppedRules.join(', ') };
    if (best > GIVE_UP_MS) break;
  }
  return { ms: best, findings };
}

async function growth(label: string, make: (lines: number) => DocumentSource, codes: Set<string>): Promise<void> {
  const times: number[] = [];
  const report: string[] = [];
  for (const size of SIZES) {
    const { ms, findings, stopped } = await bestOfThree(make(size), codes);
    if (stopped) {
      report.push(`${size / 1000}k lines: ${stopped} still running after ${GIVE_UP_MS / 1000} s`);
      break;
    }
    assert.ok(findings > 0, `${label}: the generated code must exercise the family's rules`);
    times.push(ms);
    report.push(`${size / 1000}k lines ${ms.toFixed(0)} ms (${findings} findings)`);
    if (ms > GIVE_UP_MS) break;
  }
  const ratios = times.slice(1).map((t, i) => (t + SLACK_MS) / (times[i] + SLACK_MS));
  console.log(`      ${label}: ${report.join(', ')}; growth per doubling ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')}`);
  assert.equal(times.length, SIZES.length, `${label}: gave up after ${report.join(', ')}`);
  for (const ratio of ratios) assert.ok(ratio <= MAX_GROWTH, `${label}: ${ratio.toFixed(2)}x per doubling (${report.join(', ')})`);
}

describe('analysis time per rule family grows linearly', function () {
  this.timeout(900000);
  for (const [label, family] of Object.entries(FAMILIES)) {
    const digit = label[0];
    const codes = new Set(RULES.map((r) => r.meta.code).filter((code) => code[3] === digit));
    it(label, () => growth(label, (lines) => scriptOf(family, lines), codes));
  }
  it('notebook rules (MLD507, MLD803, MLD804, MLD805, MLD801)', () => growth('notebook', notebookOf, new Set(RULES.filter((r) => r.meta.notebookOnly || ['MLD507', 'MLD803', 'MLD801'].includes(r.meta.code)).map((r) => r.meta.code))));
});
