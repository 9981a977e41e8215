// Stands in for the VS Code executable that @vscode/test-electron launches (test/e2e/code-shim
// calls this): it reads the Electron command line (--extensionDevelopmentPath, --extensionTestsPath,
// the workspace folder) and runs that suite in code-server instead, exiting with the suite's code.
// This lets npm run test:vscode run on machines that cannot download VS Code.
import * as path from 'node:path';
import { launchBrowser, runApiSuite } from './browser';
import { CodeServer, QUIET_SETTINGS, Session } from './codeServer';
import { ensureTools } from './tools';
import { newRunDir } from './workspace';

interface ElectronArgs {
  developmentPaths: string[];
  testsPath?: string;
  folder?: string;
}

/** Both `--flag=value` and `--flag value`; unknown flags (--no-sandbox, --user-data-dir...) are ignored. */
export function parseElectronArgs(argv: string[]): ElectronArgs {
  const parsed: ElectronArgs = { developmentPaths: [] };
  const valued = new Set(['--extensionDevelopmentPath', '--extensionTestsPath', '--user-data-dir', '--extensions-dir', '--locale']);
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? (valued.has(flag) ? argv[++i] : undefined);
    if (flag === '--extensionDevelopmentPath' && value) parsed.developmentPaths.push(path.resolve(value));
    else if (flag === '--extensionTestsPath' && value) parsed.testsPath = path.resolve(value);
    else if (!flag.startsWith('-')) parsed.folder = path.resolve(flag);
  }
  return parsed;
}

async function main(): Promise<number> {
  const args = parseElectronArgs(process.argv.slice(2));
  if (!args.testsPath || args.developmentPaths.length !== 1 || !args.folder) {
    console.error('code-shim: expected one --extensionDevelopmentPath, --extensionTestsPath and a workspace folder');
    return 2;
  }
  const tools = ensureTools({ browser: true });
  const session = new Session(newRunDir('shim'));
  session.writeSettings(QUIET_SETTINGS);
  const server = await CodeServer.start(tools, session, { workspace: args.folder, smokeTestDriver: true });
  const browser = await launchBrowser(tools);
  try {
    return await runApiSuite(browser, server, {
      folder: args.folder,
      developmentPath: args.developmentPaths[0],
      testsPath: args.testsPath,
      consoleLog: path.join(session.dir, 'browser-console.log'),
      screenshot: path.join(session.dir, 'FAILED-api.png'),
      timeoutMs: 300_000,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(`code-shim: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(2);
});
