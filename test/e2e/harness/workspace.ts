// Paths of the repository and of a harness run: every run gets a fresh folder under .e2e/runs/
// (gitignored) holding its copy of examples/, its VS Code profiles, logs and screenshots.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file is compiled to out/test/e2e/harness/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

const KEEP_RUNS = 5;

export function packagedVsix(): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${path.basename(vsix)} is missing: run npm run package first`);
  return vsix;
}

/** A new run folder under .e2e/<kind>/, after removing all but the last few older ones. */
export function newRunDir(kind: string): string {
  const parent = path.join(ROOT, '.e2e', kind);
  mkdirSync(parent, { recursive: true });
  const older = readdirSync(parent).sort();
  for (const name of older.slice(0, Math.max(0, older.length - KEEP_RUNS + 1))) rmSync(path.join(parent, name), { recursive: true, force: true });
  const dir = path.join(parent, new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A fresh copy of examples/ to open as the workspace (tests edit their files). */
export function copyExamples(target: string): string {
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'examples'), target, { recursive: true });
  return target;
}
