// Every rule's published example is real: the example on its page is reported by the rule, and
// the fixed example is not. A page whose example the rule misses teaches a pattern we do not find.
import { strict as assert } from 'node:assert';
import { RULES } from '../../server/src/detectors';
import type { Rule } from '../../server/src/detectors/types';
import { run, type CellSpec } from '../support/engine';

/**
 * How a docs example is run. Notebook examples mark their cells with `# cell N` lines, or give one
 * cell per line as `# [N] code`, N being the saved execution count; an example with IPython
 * syntax (`!cmd`, `%magic`) or a notebook-only rule's example is one notebook cell.
 */
export function exampleCode(example: string, rule: Rule): string | CellSpec[] {
  const lines = example.split('\n');
  if (lines.some((l) => /^# \[\d+\] /.test(l))) {
    return lines.map((l) => {
      const m = /^# \[(\d+)\] (.*)$/.exec(l);
      return m ? { text: `${m[2]}\n`, executionOrder: Number(m[1]), hasOutputs: true } : { text: `${l}\n` };
    });
  }
  if (lines.some((l) => /^# cell \d+\s*$/.test(l))) {
    const cells: CellSpec[] = [];
    for (const line of lines) {
      if (/^# cell \d+\s*$/.test(line)) cells.push({ text: '' });
      else if (cells.length) cells[cells.length - 1].text += `${line}\n`;
    }
    return cells;
  }
  const notebookSyntax = lines.some((l) => /^\s*[!%]/.test(l));
  return rule.meta.notebookOnly || notebookSyntax ? [{ text: `${example}\n` }] : `${example}\n`;
}

describe('rule docs examples', () => {
  for (const rule of RULES) {
    const { code } = rule.meta;
    it(`${code}: the example is reported`, async () => {
      const { result } = await run(exampleCode(rule.meta.docs.example, rule), [rule]);
      assert.deepEqual(result.errors, []);
      assert.ok(result.findings.length > 0, `${code}'s docs example is not reported by ${code}`);
    });
    const { fixed } = rule.meta.docs;
    if (fixed === undefined) continue;
    it(`${code}: the fixed example is not reported`, async () => {
      const { result } = await run(exampleCode(fixed, rule), [rule]);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.findings.map((f) => f.message), [], `${code}'s fixed example is still reported`);
    });
  }
});
