// RuleTester: positives with the findings they must produce, near-miss negatives that must stay
// silent, and fixes checked end to end: the expected text, valid Python after, the finding gone,
// and nothing offered again for it.
import { strict as assert } from 'node:assert';
import type { Rule } from '../../server/src/detectors/types';
import { toLocalRange } from '../../server/src/documents/positions';
import { applyToSource } from '../../server/src/documents/source';
import { parseOnce } from '../../server/src/parsing/incremental';
import { parser, run, type CellSpec } from './engine';

export type Code = string | (string | CellSpec)[];

export interface ExpectedFinding {
  /** 1-based line, relative to the cell for notebooks. */
  line: number;
  /** 1-based column. */
  column?: number;
  /** Index of the cell in the test's cell list (notebooks). */
  cell?: number;
  message?: RegExp;
  /** Number of related locations expected. */
  related?: number;
}

export interface InvalidCase {
  name: string;
  code: Code;
  findings: ExpectedFinding[];
  /** The text after applying the fix of finding `fixIndex` (cell texts for a notebook). */
  output?: string | string[];
  fixIndex?: number;
  safety?: 'safe' | 'unsafe';
  /** The finding(s) must offer no fix. */
  noFix?: boolean;
}

export interface ValidCase {
  name: string;
  code: Code;
}

async function hasParseErrors(code: Code): Promise<boolean> {
  const { doc } = await run(code, []);
  const { parsed, dispose } = parseOnce(await parser(), doc);
  try {
    return parsed.trees.some((t) => t.tree.rootNode.hasError);
  } finally {
    dispose();
  }
}

function describeFindings(findings: { range: { start: { line: number; character: number } }; message: string }[]): string {
  return findings.map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n') || '  (none)';
}

export function ruleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const rules = [rule];
  describe(`${rule.meta.code} ${rule.meta.name}`, () => {
    it('has at least three near-miss negatives and one positive', () => {
      assert.ok(cases.valid.length >= 3, `${rule.meta.code} needs at least 3 near-miss negatives`);
      assert.ok(cases.invalid.length >= 1);
    });

    for (const testCase of cases.valid) {
      it(`stays silent: ${testCase.name}`, async () => {
        const { result } = await run(testCase.code, rules);
        assert.deepEqual(result.errors, []);
        assert.equal(result.findings.length, 0, `expected no findings, got:\n${describeFindings(result.findings)}`);
      });
    }

    for (const testCase of cases.invalid) {
      it(`reports: ${testCase.name}`, async () => {
        const { doc, source, result } = await run(testCase.code, rules);
        assert.deepEqual(result.errors, []);
        const findings = result.findings;
        assert.equal(findings.length, testCase.findings.length, `expected ${testCase.findings.length} finding(s), got:\n${describeFindings(findings)}`);
        testCase.findings.forEach((expected, i) => {
          const finding = findings[i];
          const local = toLocalRange(doc, finding.range)!;
          assert.equal(local.range.start.line + 1, expected.line, `finding ${i} line: ${finding.message}`);
          if (expected.column !== undefined) assert.equal(local.range.start.character + 1, expected.column, `finding ${i} column`);
          if (expected.cell !== undefined) assert.equal(local.uri, source.cells[expected.cell].uri, `finding ${i} cell`);
          if (expected.message) assert.match(finding.message, expected.message);
          if (expected.related !== undefined) assert.equal(finding.related.length, expected.related, `finding ${i} related locations`);
          assert.equal(finding.code, rule.meta.code);
          if (testCase.noFix) assert.equal(finding.fix, undefined, `finding ${i} must offer no fix`);
        });

        if (testCase.output === undefined) return;
        const target = findings[testCase.fixIndex ?? 0];
        assert.ok(target.fix, `finding ${testCase.fixIndex ?? 0} offers no fix`);
        if (testCase.safety) assert.equal(target.fix.safety, testCase.safety);
        const fixed = applyToSource(source, doc, target.fix.edits);
        assert.ok(fixed, 'the fix edits must apply within one cell and not overlap');
        const texts = fixed.cells.map((c) => c.text);
        const after: Code = typeof testCase.code === 'string' ? texts[0] : fixed.cells.map((c, i) => {
          const original = (testCase.code as (string | CellSpec)[])[i];
          return typeof original === 'string' ? c.text : { ...original, text: c.text };
        });
        assert.deepEqual(typeof testCase.code === 'string' ? texts[0] : texts, testCase.output);

        // Valid Python after the fix (when it was valid before).
        if (!(await hasParseErrors(testCase.code))) assert.equal(await hasParseErrors(after), false, 'the fix must leave valid Python');

        // The finding is gone, and the fix is not offered again.
        const rerun = await run(after, rules);
        const sameSpot = rerun.result.findings.filter((f) => f.message === target.message && f.range.start.line === target.range.start.line);
        assert.equal(sameSpot.length, 0, `the finding survived its fix:\n${describeFindings(rerun.result.findings)}`);
        assert.ok(rerun.result.findings.length < findings.length, 'the fix must remove its finding');
        const again = rerun.result.findings.find((f) => f.fix && f.fix.title === target.fix!.title && JSON.stringify(f.fix.edits) === JSON.stringify(target.fix!.edits));
        assert.equal(again, undefined, 'the same fix must not be offered again');
      });
    }
  });
}
