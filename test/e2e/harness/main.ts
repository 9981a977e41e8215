// npm run test:e2e — ML Debt Lens in a real VS Code (code-server in headless Chromium), with the
// packaged .vsix installed. Two phases, each with its own code-server, profile and copy of
// examples/: the API suite (test/e2e/suite, mocha inside VS Code's extension host), then the UI
// checks (Playwright in the workbench). Exit 0 when everything passed, 1 when a check failed,
// 2 when the harness itself could not run. A failure leaves screenshots and logs in the run folder.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { SuiteResults } from '../suite/index';
import { launchBrowser, runApiSuite } from './browser';
import { CodeServer, installExtension, QUIET_SETTINGS, Session } from './codeServer';
import { log } from './log';
import { type PhaseResult, runUiChecks } from './ui';
import { ensureTools, type Tools } from './tools';
import { copyExamples, newRunDir, packagedVsix, ROOT } from './workspace';

async function apiPhase(tools: Tools, browser: Browser, runDir: string, vsix: string): Promise<PhaseResult> {
  const session = new Session(path.join(runDir, 'api'));
  session.writeSettings(QUIET_SETTINGS);
  installExtension(tools, session, vsix);
  const workspace = copyExamples(path.join(session.dir, 'workspace'));
  const resultsFile = path.join(session.dir, 'results.json');
  const server = await CodeServer.start(tools, session, {
    workspace,
    smokeTestDriver: true,
    env: { ML_DEBT_LENS_E2E_RESULTS: resultsFile, ML_DEBT_LENS_E2E_EXTENSIONS_DIR: session.extensions },
  });
  let code: number;
  try {
    code = await runApiSuite(browser, server, {
      folder: workspace,
      developmentPath: path.join(ROOT, 'test', 'e2e', 'host'),
      testsPath: path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js'),
      consoleLog: path.join(session.dir, 'browser-console.log'),
      screenshot: path.join(session.dir, 'FAILED-api.png'),
      timeoutMs: 300_000,
    });
  } finally {
    await server.stop();
  }
  const results: SuiteResults = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { passed: [], failed: [], pending: [] };
  if (code !== 0 && results.failed.length === 0) results.failed.push({ title: 'API suite', error: `the extension host exited with ${code} (see ${session.dir})` });
  return { name: 'API', dir: session.dir, passed: results.passed, failed: results.failed };
}

function report(phases: PhaseResult[]): number {
  const passed = phases.reduce((n, p) => n + p.passed.length, 0);
  const failed = phases.flatMap((p) => p.failed.map((f) => ({ ...f, phase: p })));
  for (const phase of phases) log(`${phase.name}: ${phase.passed.length} passed, ${phase.failed.length} failed`);
  for (const failure of failed) {
    console.log(`\nFAILED [${failure.phase.name}] ${failure.title}\n${failure.error}`);
  }
  const withFailures = new Set(failed.map((f) => f.phase));
  for (const phase of withFailures) {
    console.log(`\nArtifacts (screenshots, code-server and browser logs): ${phase.dir}`);
    const serverLog = path.join(phase.dir, 'code-server.log');
    if (existsSync(serverLog)) console.log(`--- last lines of ${serverLog}\n${readFileSync(serverLog, 'utf8').split('\n').slice(-40).join('\n')}`);
  }
  console.log(`\n${passed} passed, ${failed.length} failed`);
  return failed.length === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  const started = Date.now();
  const tools = ensureTools({ browser: true });
  const vsix = packagedVsix();
  const runDir = newRunDir('runs');
  log(`run folder ${runDir}`);
  const browser = await launchBrowser(tools);
  const phases: PhaseResult[] = [];
  try {
    // `--only api` or `--only ui` runs one phase (handy while working on it).
    const only = process.argv[process.argv.indexOf('--only') + 1];
    if (only !== 'ui') phases.push(await apiPhase(tools, browser, runDir, vsix));
    if (only !== 'api') phases.push(await runUiChecks(tools, browser, runDir, vsix));
  } finally {
    await browser.close();
  }
  const code = report(phases);
  log(`end-to-end run took ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`e2e harness error: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(2);
  },
);
