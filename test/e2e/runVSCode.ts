// npm run test:vscode — the same API suite as npm run test:e2e (test/e2e/suite), run the standard
// way in a desktop VS Code through @vscode/test-electron, with this folder as the extension under
// development. It downloads VS Code (VSCODE_VERSION, default stable) unless VSCODE_EXECUTABLE names
// an installed one; on Linux without a display run it under xvfb-run. Where VS Code cannot be
// downloaded, VSCODE_EXECUTABLE=test/e2e/code-shim runs it in code-server instead.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyExamples, newRunDir, ROOT } from './harness/workspace';

async function main(): Promise<number> {
  const dir = newRunDir('vscode');
  const workspace = copyExamples(path.join(dir, 'workspace'));
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(dir, 'user-data'), '--extensions-dir', path.join(dir, 'extensions')],
      extensionTestsEnv: { ML_DEBT_LENS_E2E_RESULTS: path.join(dir, 'results.json') },
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: path.resolve(process.env.VSCODE_EXECUTABLE) } : { version: process.env.VSCODE_VERSION ?? 'stable' }),
    });
    return 0;
  } catch (error) {
    console.error(`VS Code tests failed: ${error instanceof Error ? error.message : String(error)} (run folder ${dir})`);
    return 1;
  }
}

main().then((code) => process.exit(code));
