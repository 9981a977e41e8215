// MLD303 must stay linear in the number of loads: a generated script of 10,000 loads once held
// the server's only thread for minutes. Time is compared as growth (10k lines against 2.5k), not
// as an absolute figure, so that a busy machine slows both sizes alike.
import * as assert from 'assert';
import { unusedDataSource } from '../../../server/src/detectors/mld303-unused-data-source';
import { run } from '../../support/engine';

/** The fastest of a few runs: noise from other processes only ever adds time. */
async function fastest(code: string, runs = 2): Promise<{ ms: number; findings: number }> {
  let best = Infinity;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const { result } = await run(code, [unusedDataSource]);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    findings = result.findings.length;
  }
  return { ms: best, findings };
}

const shapes: { name: string; generate: (lines: number) => string }[] = [
  // A module with no call at module level: every load asks whether the file is a program.
  { name: 'the same load repeated, in a module of definitions only', generate: (n) => 'import pandas as pd\n' + 'df = pd.read_csv("a.csv")\n'.repeat(n) },
  // A program: every load but the last is reported, replaced by the next.
  { name: 'the same load repeated, in a program', generate: (n) => 'import pandas as pd\nprint("start")\n' + 'df = pd.read_csv("a.csv")\n'.repeat(n) },
];

describe('MLD303 unused-data-source: analysis time grows linearly', function () {
  this.timeout(120000);
  for (const shape of shapes) {
    it(shape.name, async () => {
      await fastest(shape.generate(100), 1); // warm up the parser and the JIT
      const small = await fastest(shape.generate(2500));
      const large = await fastest(shape.generate(10000));
      const growth = large.ms / Math.max(small.ms, 1);
      // Four times the lines: linear work grows about 4x, quadratic work 16x.
      assert.ok(growth < 9, `10k lines took ${large.ms.toFixed(0)} ms, 2.5k took ${small.ms.toFixed(0)} ms: ${growth.toFixed(1)}x for 4x the lines`);
      assert.ok(large.findings >= small.findings);
    });
  }
});
