// Headless Chromium (Debian's, driven by playwright-core; no browser download) showing the
// workbench, and the API suite run inside code-server's extension host through that page.
import { appendFileSync } from 'node:fs';
import * as util from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { log } from './log';
import type { Tools } from './tools';

export const VIEWPORT = { width: 1400, height: 900 };

export function launchBrowser(tools: Tools): Promise<Browser> {
  return chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser, consoleLog: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.on('console', (message) => appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.message}\n`));
  return page;
}

export interface ApiSuiteOptions {
  /** The folder the workbench opens. */
  folder: string;
  /** An extension folder the test host loads in development mode (VS Code runs tests only then). */
  developmentPath: string;
  /** The compiled mocha entry point exporting run(). */
  testsPath: string;
  consoleLog: string;
  screenshot: string;
  timeoutMs: number;
}

/**
 * Runs a test suite in code-server's extension host: the workbench takes extensionDevelopmentPath
 * and extensionTestsPath from the URL's payload (only with the smoke-test driver on), runs the
 * suite, and reports the host's exit code through window.codeAutomationExit. Returns that code,
 * or 2 if it never came.
 */
export async function runApiSuite(browser: Browser, server: CodeServer, options: ApiSuiteOptions): Promise<number> {
  const page = await newPage(browser, options.consoleLog);
  let exited!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
  await page.exposeFunction('codeAutomationLog', (_level: string, args: unknown[]) => {
    // The extension host's console arrives mixed with workbench log lines; the suite tags its own.
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    appendFileSync(options.consoleLog, `${line}\n`);
    const tagged = line.indexOf('[mocha]');
    const text = tagged >= 0 ? line.slice(tagged + 8).replace(/\s+$/, '') : '';
    if (text) console.log(`  | ${text}`);
  });
  const started = Date.now();
  await page.goto(server.workbenchUrl(options.folder, [
    ['extensionDevelopmentPath', server.remoteUri(options.developmentPath)],
    ['extensionTestsPath', server.remoteUri(options.testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]), { waitUntil: 'domcontentloaded' });
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([exitCode, new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), options.timeoutMs)))]);
  clearTimeout(timer);
  if (code === -1) {
    log(`the test extension host did not exit within ${options.timeoutMs / 1000}s`);
    await page.screenshot({ path: options.screenshot }).catch(() => undefined);
    await page.close();
    return 2;
  }
  log(`codeAutomationExit(${code}) ${Date.now() - started}ms after navigation`);
  if (code !== 0) await page.screenshot({ path: options.screenshot }).catch(() => undefined);
  await page.close();
  return code;
}
