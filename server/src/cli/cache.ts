// The result cache of `mldebt check`, as Ruff's and ESLint's: a file's findings are kept under a
// key made of everything they depend on (the build of the tool, the file's path and effective
// configuration, its bytes), so a second run over unchanged files reads them instead of
// analysing. One entry per source file, overwritten when the file or its configuration changes,
// so the cache grows with the project and no further. An entry is written to a temporary file
// and renamed, so concurrent runs never see half of one; it carries a checksum and is checked on
// every read, and one that is damaged or foreign is analysed again and rewritten, never trusted.
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { defaultWasmPaths } from '../parsing/parser';
import { VERSION } from '../version';
import type { CheckedFile, FileOutcome, FileTask } from './checkFile';

export const CACHE_FOLDER = '.mldebt_cache';
/** The layout of an entry; a change of it makes every older entry a miss (and is its folder's name). */
const FORMAT = 1;
const MAGIC = `mldebt-cache ${FORMAT}`;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export const contentHash = (bytes: Buffer): string => sha256(bytes);

/** JSON with every object's keys sorted, so that equal configurations give equal keys. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The build that computes the results: the version, and the bytes of the running code and of the
 * WebAssembly grammar, so that a rebuilt engine (a rule changed, the version not yet) never reads
 * what another build found.
 */
function buildIdentity(): string {
  const hash = createHash('sha256').update(`${VERSION}\0${FORMAT}\0`);
  const wasm = defaultWasmPaths();
  for (const file of [__filename, wasm.runtime, wasm.grammar]) {
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update(`missing ${file}`);
    }
  }
  return hash.digest('hex');
}

/** What an entry keeps of a file's outcome. */
export type CachedResult = Pick<CheckedFile, 'findings' | 'problem'> & { lines: number };

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown) => typeof v === 'string';

/** Whether a parsed entry has the shape of a result for the file shown as `shown`. */
function isResult(value: unknown, shown: string): value is CachedResult {
  const v = value as Partial<CachedResult> | null;
  if (!v || typeof v !== 'object' || !Array.isArray(v.findings) || !isNumber(v.lines)) return false;
  const problemOk = v.problem === undefined || (v.problem.file === shown && isString(v.problem.kind) && isString(v.problem.reason));
  return problemOk && v.findings.every((f) => f && f.file === shown && isString(f.code) && isString(f.message) && isString(f.severity) && isString(f.fingerprint)
    && [f.line, f.column, f.endLine, f.endColumn].every(isNumber) && Array.isArray(f.related));
}

export interface CacheStats {
  /** Files whose result was read from the cache. */
  hits: number;
  /** Entries found damaged or foreign: their files were analysed again and the entries rewritten. */
  damaged: number;
}

export class ResultCache {
  readonly stats: CacheStats = { hits: 0, damaged: 0 };
  private readonly entries: string;
  private build?: string;
  private writable: boolean;
  private writeFailure?: string;

  /** Opens the cache in `dir`, creating it; a place that cannot be written is one warning, and the run goes on reading what is there. */
  constructor(readonly dir: string, private readonly warn: (message: string) => void) {
    this.entries = path.join(dir, `v${FORMAT}`);
    this.writable = this.prepare();
  }

  private prepare(): boolean {
    try {
      mkdirSync(this.entries, { recursive: true });
      // As Ruff does: the cache ignores itself in git, and says it is a cache to backup tools.
      writeIfMissing(path.join(this.dir, '.gitignore'), '# Automatically created by mldebt.\n*\n');
      writeIfMissing(path.join(this.dir, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by mldebt.\n# For information about cache directory tags, see https://bford.info/cachedir/\n');
      accessSync(this.entries, constants.W_OK);
      return true;
    } catch (error) {
      this.warn(`warning: cannot write the cache in ${this.dir} (${(error as Error).message}); checking without saving results`);
      return false;
    }
  }

  /** The key of a file's result: what the result depends on. */
  keyOf(task: FileTask, content: string): string {
    this.build ??= buildIdentity();
    return sha256(stableJson([this.build, task.file, task.shown, task.config, task.fix, task.diff, task.unsafeFixes, content]));
  }

  private entryPath(file: string): string {
    return path.join(this.entries, `${sha256(file).slice(0, 32)}.entry`);
  }

  /** The cached result of `file` under `key`, or undefined (no entry, a stale one, or a damaged one). */
  read(task: FileTask, key: string): CachedResult | undefined {
    let text: string;
    try {
      text = readFileSync(this.entryPath(task.file), 'utf8');
    } catch {
      return undefined;
    }
    // An entry: the magic line, the file, the key, the checksum of the result, then the result.
    const header: string[] = [];
    let at = 0;
    while (header.length < 4) {
      const end = text.indexOf('\n', at);
      if (end === -1) break;
      header.push(text.slice(at, end));
      at = end + 1;
    }
    const body = text.slice(at);
    if (header.length < 4 || header[0] !== MAGIC || header[1] !== JSON.stringify(task.file) || header[3] !== sha256(body)) {
      this.stats.damaged++;
      return undefined;
    }
    if (header[2] !== key) return undefined; // the file, its configuration or the tool changed
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      value = undefined;
    }
    if (!isResult(value, task.shown)) {
      this.stats.damaged++;
      return undefined;
    }
    this.stats.hits++;
    return value;
  }

  /** Keeps a file's result under `key`, replacing the file's previous entry. */
  write(task: FileTask, key: string, outcome: FileOutcome): void {
    if (!this.writable) return;
    const result: CachedResult = { findings: outcome.checked.findings, ...(outcome.checked.problem ? { problem: outcome.checked.problem } : {}), lines: outcome.lines };
    const body = JSON.stringify(result);
    const entry = this.entryPath(task.file);
    const temporary = `${entry}.${process.pid}-${threadId}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      writeFileSync(temporary, `${MAGIC}\n${JSON.stringify(task.file)}\n${key}\n${sha256(body)}\n${body}`, { flag: 'wx' });
      renameSync(temporary, entry);
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // nothing was written
      }
      this.writeFailure ??= (error as Error).message;
    }
  }

  /** Says, once, that some results could not be saved (e.g. the disk is full). */
  reportFailures(): void {
    if (this.writeFailure) this.warn(`warning: some results could not be saved in the cache ${this.dir} (${this.writeFailure})`);
  }
}

function writeIfMissing(file: string, content: string): void {
  try {
    writeFileSync(file, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** An outcome from a cached result. */
export function cachedOutcome(result: CachedResult): FileOutcome {
  return { checked: { findings: result.findings, ...(result.problem ? { problem: result.problem } : {}) }, messages: [], lines: result.lines };
}
