// Analysis time grows at most linearly in the size of a file: 5k, 10k and 20k generated lines of
// each rule family's patterns (the code its rules look at), analysed by every rule (a rule can be
// quadratic on another family's shapes: MLD702 asked for every call per save). Each size is timed
// in CPU time, the best of three runs (the machine is shared and noisy; wall time under load
// doubled a 5k run now and then); 20k lines may cost at most 2.5x per doubling over 5k lines.
// Not part of `npm test` (minutes of CPU): `npm run test:complexity`, which CI runs.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analyze';
import { defaultConfig } from '../../server/src/config/settings';
import { RULES } from '../../server/src/detectors';
import { buildDocument, type DocumentSource } from '../../server/src/documents/source';
import { parseOnce } from '../../server/src/parsing/incremental';
import { parser } from '../support/engine';
import { checkHelpersOf, deepExpressionOf, FAMILIES, recursiveHelperOf, modelDictionaryOf, notebookOf, observingCellsOf, recordHopsOf, scriptOf, trainingLoopsOf, uncountedCellsOf } from './families';

const SIZES = [5000, 10000, 20000];
const MAX_GROWTH = 2.5;
/** A run slower than this is already far from linear; the larger sizes are not tried. */
const GIVE_UP_MS = 30000;
/** Timer noise on short runs: a few ms are added to both sides of a ratio. */
const SLACK_MS = 5;

async function bestOfThree(source: DocumentSource): Promise<{ ms: number; findings: number; stopped?: string }> {
  const python = await parser();
  const rules = RULES;
  let best = Infinity;
  let findings = 0;
  for (let run = 0; run < 3; run++) {
    const doc = buildDocument(source);
    const { parsed, dispose } = parseOnce(python, doc);
    const started = process.cpuUsage();
    // The analysis budget stops a rule that has used GIVE_UP_MS (a quarter of the budget).
    // Every rule runs, the ones outside the recommended set too (MLD401...).
    const result = analyze(parsed, { ...defaultConfig(), select: ['ALL'] }, { parser: python, rules, budgetMs: 4 * GIVE_UP_MS });
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
    findings = result.findings.length;
    dispose();
    if (result.budgetStop) return { ms: best, findings, stopped: result.budgetStop.stoppedRules.join(', ') };
    if (best > GIVE_UP_MS) break;
  }
  return { ms: best, findings };
}

async function growth(label: string, make: (lines: number) => DocumentSource): Promise<void> {
  const times: number[] = [];
  const report: string[] = [];
  for (const size of SIZES) {
    const { ms, findings, stopped } = await bestOfThree(make(size));
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
  console.log(`      ${label}: ${report.join(', ')}; growth per doubling ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')} (CPU)`);
  assert.equal(times.length, SIZES.length, `${label}: gave up after ${report.join(', ')}`);
  const overall = (times[times.length - 1] + SLACK_MS) / (times[0] + SLACK_MS);
  assert.ok(overall <= MAX_GROWTH ** (SIZES.length - 1), `${label}: ${overall.toFixed(2)}x from ${SIZES[0] / 1000}k to ${SIZES[SIZES.length - 1] / 1000}k lines (${report.join(', ')})`);
}

describe('analysis time per rule family grows linearly', function () {
  this.timeout(900000);
  // A family measured again before it fails: on a shared machine one fast small run (a 5k run at
  // 130 ms CPU where 190 ms is usual) can make linear growth look steeper; a quadratic fails every time.
  this.retries(2);
  for (const [label, family] of Object.entries(FAMILIES)) it(label, () => growth(label, (lines) => scriptOf(family, lines)));
  it('notebook (out-of-order cells, use before define, shell cells)', () => growth('notebook', notebookOf));
  it('thousands of cells that only observe, run in reverse order', () => growth('observing cells', observingCellsOf));
  it('thousands of printouts whose counts were lost, each read by the counted cell below it', () => growth('uncounted cells', uncountedCellsOf));
  it('one expression thousands of operators deep', () => growth('deep expression', deepExpressionOf));
  it('one dictionary and one tuple of thousands of models, the dictionary handed with their grids', () => growth('models in containers', modelDictionaryOf));
  it('thousands of record files written and read back', () => growth('record files read back', recordHopsOf));
  it('thousands of helpers that check the frame they are given', () => growth('check helpers', checkHelpersOf));
  it('thousands of training loops, each network evaluated after its loop', () => growth('training loops', trainingLoopsOf));
  it('one recursive helper handing its frame on to itself at thousands of calls', () => growth('recursive helper', recursiveHelperOf));
});
