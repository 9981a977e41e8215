// The result cache of `mldebt check`, as Ruff's and ESLint's: a file's findings are kept under a
// key made of everything they depend on (the build of the tool, the file's path and effective
// configuration, its bytes), so a second run over unchanged files reads them instead of
// analysing. One entry per source file, overwritten when the file or its configuration changes,
// so the cache grows with the project and no further. A file whose stamp (size, modification
// time, inode) is the one its entry recorded is not read again. An entry is written to a
// temporary file and renamed, so concurrent runs never see half of one; it carries a checksum
// and is checked on every read, and one that is damaged or foreign is analysed again and
// rewritten, never trusted.
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, type BigIntStats } from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { defaultWasmPaths } from '../parsing/parser';
import { VERSION } from '../version';
import type { CheckedFile, FileOutcome, FileTask, ModuleDependency } from './checkFile';
import { moduleStamp, type ModuleStamp } from '../config/projectModules';
import { readContent, type FileStamp } from './read';

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

/** What an entry records of the file it was made from: its stamp and hash, and the project modules it imported. */
type EntryStamp = FileStamp & { hash: string; deps?: ModuleDependency[] };

function validDependencies(deps: unknown): boolean {
  return deps === undefined || (Array.isArray(deps) && deps.every((dep) => dep && typeof dep.file === 'string' && typeof dep.stamp === 'string'));
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
  /** The project modules' stamps as this run found them: many files import the same modules. */
  private readonly moduleStamps = new Map<string, ModuleStamp>();

  /** Opens the cache in `dir`, creating it; a place that cannot be written is one warning, and the run goes on reading what is there. */
  constructor(readonly dir: string, private readonly warn: (message: string) => void) {
    this.entries = path.join(dir, `v${FORMAT}`);
    this.writable = this.prepare();
  }

  private moduleStamp(file: string): ModuleStamp {
    let stamp = this.moduleStamps.get(file);
    if (stamp === undefined) this.moduleStamps.set(file, (stamp = moduleStamp(file)));
    return stamp;
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

  /**
   * The cached result of a file, if its entry holds one for the file's bytes, configuration and
   * the tool's build; and the file's size, for the work left when there is none. The file is read
   * and hashed unless its stamp (size, modification time, inode) is the one its entry recorded,
   * taken when the file had not changed for a while: as git trusts its index, so that a warm run
   * reads only the entries. Throws NotAnalysedError when the file cannot be read.
   */
  lookup(task: FileTask): { result?: CachedResult; size: number } {
    const entry = this.readEntry(task);
    let hash: string | undefined;
    let size = 0;
    try {
      const stat = statSync(task.file, { bigint: true });
      size = Number(stat.size);
      if (entry && provesUnchanged(entry.stamp, stat)) hash = entry.stamp.hash;
    } catch {
      // readContent (here or when the file is checked) says why the file cannot be read
    }
    // Without an entry it is a miss whatever the bytes: the file is read once, when it is checked.
    if (!entry) return { size };
    if (hash === undefined) {
      const { bytes } = readContent(task.file, task.config.maxFileSize);
      hash = contentHash(bytes);
      size = bytes.length;
    }
    if (entry.key !== this.keyOf(task, hash)) return { size }; // the file, its configuration or the tool changed
    // A project module the file imports changed, appeared or went.
    if (entry.stamp.deps?.some((dep) => this.moduleStamp(dep.file) !== dep.stamp)) return { size };
    let value: unknown;
    try {
      value = JSON.parse(entry.body);
    } catch {
      value = undefined;
    }
    if (!isResult(value, task.shown)) {
      this.stats.damaged++;
      return { size };
    }
    this.stats.hits++;
    return { result: value, size };
  }

  /** A file's entry, checked against its checksum; undefined when there is none or it is damaged (counted). */
  private readEntry(task: FileTask): { key: string; stamp: EntryStamp; body: string } | undefined {
    let text: string;
    try {
      text = readFileSync(this.entryPath(task.file), 'utf8');
    } catch {
      return undefined;
    }
    // An entry: the magic line, the file, the key, the file's stamp and hash, the checksum of the
    // stamp and the result, then the result.
    const header: string[] = [];
    let at = 0;
    while (header.length < 5) {
      const end = text.indexOf('\n', at);
      if (end === -1) break;
      header.push(text.slice(at, end));
      at = end + 1;
    }
    const body = text.slice(at);
    let stamp: EntryStamp | undefined;
    if (header.length === 5 && header[0] === MAGIC && header[1] === JSON.stringify(task.file) && header[4] === sha256(`${header[3]}\n${body}`)) {
      try {
        stamp = JSON.parse(header[3]);
      } catch {
        stamp = undefined;
      }
    }
    if (!stamp || typeof stamp.hash !== 'string' || !validDependencies(stamp.deps)) {
      this.stats.damaged++;
      return undefined;
    }
    return { key: header[2], stamp, body };
  }

  /** Keeps a file's result, replacing the file's previous entry. */
  write(task: FileTask, outcome: FileOutcome): void {
    if (!this.writable || !outcome.content) return;
    const result: CachedResult = { findings: outcome.checked.findings, ...(outcome.checked.problem ? { problem: outcome.checked.problem } : {}), lines: outcome.lines };
    const body = JSON.stringify(result);
    const stamp = JSON.stringify({ ...outcome.content.stamp, hash: outcome.content.hash, ...(outcome.content.deps ? { deps: outcome.content.deps } : {}) });
    const entry = this.entryPath(task.file);
    const temporary = `${entry}.${process.pid}-${threadId}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      writeFileSync(temporary, `${MAGIC}\n${JSON.stringify(task.file)}\n${this.keyOf(task, outcome.content.hash)}\n${stamp}\n${sha256(`${stamp}\n${body}`)}\n${body}`, { flag: 'wx' });
      renameSync(temporary, entry);
    } catch (error) {
      removeQuietly(temporary);
      this.writeFailure ??= (error as Error).message;
    }
  }

  /**
   * Removes the entries of files that no longer exist (deleted or renamed) and the temporary files
   * of runs killed mid-write, at most once a day, so that the cache follows the project instead of
   * growing with its history. Which files a run checked does not matter: an entry goes only when its
   * file is gone. Returns how many entries went.
   */
  prune(now = Date.now()): number {
    if (!this.writable) return 0;
    const marker = `${this.entries}.${PRUNE_MARKER}`;
    try {
      if (now - statSync(marker).mtimeMs < PRUNE_EVERY_MS) return 0;
    } catch {
      // never pruned
    }
    let removed = 0;
    try {
      writeFileSync(marker, '');
      for (const name of readdirSync(this.entries)) {
        const full = path.join(this.entries, name);
        if (name.endsWith('.tmp') ? isOlderThan(full, now, ABANDONED_WRITE_MS) : name.endsWith('.entry') && isOrphan(full)) {
          removeQuietly(full);
          if (name.endsWith('.entry')) removed++;
        }
      }
    } catch {
      // a cache that cannot be listed is pruned by a later run
    }
    return removed;
  }

  /** Says, once, that some results could not be saved (e.g. the disk is full). */
  reportFailures(): void {
    if (this.writeFailure) this.warn(`warning: some results could not be saved in the cache ${this.dir} (${this.writeFailure})`);
  }
}

/**
 * A file changed within this long before its stamp was taken may change again without its stamp
 * changing (a coarse clock, two writes of the same size): its stamp proves nothing, it is read.
 */
const RACY_MS = 2000;

function provesUnchanged(stamp: FileStamp, stat: BigIntStats): boolean {
  return stamp.size === String(stat.size) && stamp.mtimeNs === String(stat.mtimeNs) && stamp.ino === String(stat.ino)
    && Number(stat.mtimeNs / 1_000_000n) < stamp.takenAt - RACY_MS;
}

/** How often a run looks for entries whose files are gone. */
const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;
/** Beside the entries' folder, the file whose modification time records the last pruning. */
const PRUNE_MARKER = 'pruned';
/** A temporary file this old belongs to a run that died before renaming it. */
const ABANDONED_WRITE_MS = 60 * 60 * 1000;
/** Enough of an entry to hold its magic line and its file's path. */
const HEADER_BYTES = 8192;

/** True when an entry names a file that no longer exists; an entry that cannot be read is left to the lookup that meets it. */
function isOrphan(entry: string): boolean {
  const buffer = Buffer.alloc(HEADER_BYTES);
  let length = 0;
  try {
    const fd = openSync(entry, 'r');
    try {
      length = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  const [magic, fileLine] = buffer.subarray(0, length).toString('utf8').split('\n', 2);
  if (magic !== MAGIC || fileLine === undefined) return false;
  let file: unknown;
  try {
    file = JSON.parse(fileLine);
  } catch {
    return false;
  }
  return typeof file === 'string' && path.isAbsolute(file) && !existsSync(file);
}

function isOlderThan(file: string, now: number, ms: number): boolean {
  try {
    return now - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // a concurrent run removed it first
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
