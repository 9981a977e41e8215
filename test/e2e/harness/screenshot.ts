// npm run screenshot — regenerates docs/screenshot.png (the README's picture: a finding in
// train_churn.py and its hover) with the same code-server, .vsix and gestures as the UI checks.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, newPage } from './browser';
import { startWithExtension } from './codeServer';
import { log } from './log';
import { ensureTools } from './tools';
import { hoverScriptFinding, Workbench } from './ui';
import { newRunDir, packagedVsix, ROOT } from './workspace';

async function main(): Promise<void> {
  const tools = ensureTools({ browser: true });
  const dir = newRunDir('screenshot');
  const target = path.join(ROOT, 'docs', 'screenshot.png');
  const { server, workspace } = await startWithExtension(tools, dir, packagedVsix());
  const browser = await launchBrowser(tools);
  try {
    const workbench = new Workbench(await newPage(browser, path.join(dir, 'browser-console.log')), workspace);
    await workbench.open(server);
    await hoverScriptFinding(workbench, target);
  } finally {
    await browser.close();
    await server.stop();
  }
  log(`wrote ${path.relative(ROOT, target)} (${Math.round(statSync(target).size / 1024)} KB)`);
}

main().catch((error: unknown) => {
  console.error(`npm run screenshot: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
