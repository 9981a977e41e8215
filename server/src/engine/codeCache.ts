// Start-up without compiling the bundle again. Node compiles a 1.6 MB bundle from source on every
// start (about 140 ms of a one-file `mldebt check`, and again in each worker thread and each
// language server), then compiles each function the first time it runs. V8 can save what it has
// compiled as a code cache and take it back on the next start; Node 20 offers that only through
// `vm.Script` (Node 22's module.enableCompileCache is not in VS Code's extension host).
//
// The launchers (dist/cli.js, dist/server.js: launch/) run the engine's bundle through
// `runBundle`. The cache is saved once the bundle has done real work (`markWarm`: a document
// analysed), so that it holds the engine's functions, not only the start-up path; it is saved
// only when no cache was taken at start, so a good one is written once per build and machine.
//
// What is trusted: the cache lives in the user's own cache folder (never the workspace), under a
// name that holds a hash of the bundle's text, Node's version and the machine's architecture.
// V8 rejects data made for another V8, other flags or a source of another length, but not one of
// the same length, hence the hash. A file carries its own digest: a truncated or damaged file is
// not handed to V8, and the next warm run writes it again. (SHA-1 is a checksum here, five times
// faster than SHA-256 on a megabyte; the folder is the user's own.) Writes go to a temporary file renamed
// into place, so concurrent runs never read half a file.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';
import { isMainThread, threadId } from 'node:worker_threads';

const HOOK = Symbol.for('mldebt.codeCache');
const DIGEST = 'sha1';
const DIGEST_BYTES = 20;

/** What a launcher leaves for the bundle it runs (a global symbol: the two are separate bundles). */
interface Hook {
  /** The launcher's own file: the script worker threads start, so that they use the cache too. */
  launcher: string;
  warm(): void;
}

function hook(): Hook | undefined {
  return (globalThis as { [HOOK]?: Hook })[HOOK];
}

/** Tells the launcher that the engine has done real work, so a cache made now is worth keeping. */
export function markWarm(): void {
  hook()?.warm();
}

/** The launcher this bundle was started by, if any (worker threads should start it, not the bundle). */
export function launcherScript(): string | undefined {
  return hook()?.launcher;
}

/**
 * Where code caches live: `MLDEBT_CODE_CACHE_DIR` if set (the VS Code client sets its global
 * storage), else the platform's per-user cache folder; none when `MLDEBT_CODE_CACHE=off`.
 */
export function codeCacheDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string | undefined {
  if (env.MLDEBT_CODE_CACHE === 'off') return undefined;
  if (env.MLDEBT_CODE_CACHE_DIR) return env.MLDEBT_CODE_CACHE_DIR;
  if (platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'mldebt', 'code-cache') : undefined;
  const user = home();
  if (!user) return undefined;
  if (platform === 'darwin') return path.join(user, 'Library', 'Caches', 'mldebt', 'code-cache');
  return path.join(env.XDG_CACHE_HOME || path.join(user, '.cache'), 'mldebt', 'code-cache');
}

/** The cache file of one bundle text under this Node (V8's own checks do not see same-length edits). */
export function codeCacheFile(directory: string, bundle: string, bytes: Uint8Array): string {
  const key = createHash(DIGEST).update(process.version).update(process.arch).update(bytes).digest('hex').slice(0, 24);
  return path.join(directory, `${path.basename(bundle, '.js')}-${key}.v8cache`);
}

/** The cached data in `file` if its digest holds; undefined for a missing, short or damaged file. */
export function readCodeCache(file: string): Buffer | undefined {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return undefined;
  }
  if (content.length <= DIGEST_BYTES) return undefined;
  const data = content.subarray(DIGEST_BYTES);
  return createHash(DIGEST).update(data).digest().equals(content.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/** Caches kept per bundle: a few builds side by side (a global and a project's install), not every build ever run. */
const KEPT_PER_BUNDLE = 3;
/** A temporary file this old was left by a run that was killed while writing. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** Writes `data` with its digest, atomically; a cache that cannot be written is simply not kept. */
export function writeCodeCache(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, Buffer.concat([createHash(DIGEST).update(data).digest(), data]), { mode: 0o600 });
    renameSync(temporary, file);
    pruneCodeCaches(file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // the folder itself could not be made
    }
  }
}

/**
 * Removes the oldest caches of the bundle `kept` is for beyond KEPT_PER_BUNDLE (each build of the
 * bundle writes its own file), and temporary files of killed runs. A cache still in use that goes
 * is written again by its next warm run.
 */
export function pruneCodeCaches(kept: string, now = Date.now()): void {
  const directory = path.dirname(kept);
  const bundle = path.basename(kept).replace(/-[0-9a-f]+\.v8cache$/, '');
  const caches: { file: string; mtimeMs: number }[] = [];
  for (const name of readdirSync(directory)) {
    const file = path.join(directory, name);
    const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) continue;
    if (name.endsWith('.tmp')) {
      if (now - mtimeMs > STALE_TEMPORARY_MS) rmSync(file, { force: true });
    } else if (file !== kept && name.startsWith(`${bundle}-`) && name.endsWith('.v8cache')) {
      caches.push({ file, mtimeMs });
    }
  }
  caches.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { file } of caches.slice(KEPT_PER_BUNDLE - 1)) rmSync(file, { force: true });
}

/**
 * When a cache not taken at start is saved: the CLI's main thread at exit (its report code has
 * run by then), a worker thread or the language server as soon as the first document is done.
 */
export type SaveMoment = 'at-exit' | 'when-warm';

/**
 * Runs the CommonJS bundle `bundle` as the program's main module, from its code cache when one
 * fits. `launcher` is the calling launcher's own file.
 */
export function runBundle(launcher: string, bundle: string, moment: SaveMoment): void {
  const bytes = readFileSync(bundle);
  const text = bytes.toString('utf8');
  // A wrapped script may not start with a hashbang; keep the line so positions do not move.
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const directory = codeCacheDirectory();
  const file = directory === undefined ? undefined : codeCacheFile(directory, bundle, bytes);
  const cachedData = file === undefined ? undefined : readCodeCache(file);
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const taken = cachedData !== undefined && !script.cachedDataRejected;

  let warm = false;
  const save = (): void => {
    if (file !== undefined) writeCodeCache(file, script.createCachedData());
  };
  const state: Hook = {
    launcher,
    warm() {
      if (warm || taken || file === undefined) return;
      warm = true;
      if (moment === 'at-exit' && isMainThread) process.once('exit', save);
      else setImmediate(save).unref();
    },
  };
  (globalThis as { [HOOK]?: Hook })[HOOK] = state;

  const main = new Module(bundle, undefined);
  main.filename = bundle;
  main.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(path.dirname(bundle));
  const require = createRequire(bundle);
  // The bundle is the program: `require.main === module` holds in it as when Node runs it directly.
  Object.defineProperty(require, 'main', { value: main, configurable: true, enumerable: true, writable: true });
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(main.exports, main.exports, require, main, bundle, path.dirname(bundle));
}
