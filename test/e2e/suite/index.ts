// The entry point VS Code's extension host calls for an extension test run (extensionTestsPath):
// runs every *.test.js beside it with mocha and settles when they are done. The same file serves
// code-server (npm run test:e2e) and a desktop VS Code through @vscode/test-electron
// (npm run test:vscode).
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

export interface SuiteResults {
  passed: string[];
  failed: { title: string; error: string }[];
  pending: string[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false, reporter: 'spec' });
  // In code-server the host's console reaches the harness mixed with the workbench's own log
  // lines; the harness echoes the tagged ones.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(`[mocha] ${util.format(...args)}`);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));

  const results: SuiteResults = { passed: [], failed: [], pending: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The harness reads the outcome from this file (the environment reaches the host).
      const resultsFile = process.env.ML_DEBT_LENS_E2E_RESULTS;
      if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.passed.push(test.fullTitle()));
    runner.on('fail', (test, error: Error) => results.failed.push({ title: test.fullTitle(), error: String(error?.stack ?? error) }));
    runner.on('pending', (test) => results.pending.push(test.fullTitle()));
  });
}
