// Which files `mldebt check PATH...` analyses: .py and .ipynb files under the given paths,
// skipping virtual environments, caches, VCS folders, macOS's AppleDouble metadata files and the
// project's `exclude` globs.
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { kindOf } from './configFile';

/**
 * Folders a walk never enters unless named: environments and installed packages, caches, VCS data,
 * build output, and the copies editors keep of earlier saves (Jupyter's `.ipynb_checkpoints`, the
 * Local History extension's `.history`), whose findings only repeat the file's own.
 */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  '.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', 'env', '.env', '__pycache__', '.ipynb_checkpoints', '.history',
  'site-packages', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.mldebt_cache', 'build', 'dist', '.eggs',
]);

export const ANALYSED_EXTENSIONS: ReadonlySet<string> = new Set(['.py', '.ipynb']);

/** The four bytes an AppleDouble file begins with (big-endian 0x00051607). */
const APPLE_DOUBLE_MAGIC = [0x00, 0x05, 0x16, 0x07];

/**
 * `._train.ipynb` beside `train.ipynb`: the AppleDouble companion macOS writes when it copies a file
 * onto a volume or into an archive that cannot keep its metadata. It holds that metadata (binary,
 * headed by the AppleDouble magic number), not code, so a walk passes it over rather than report it
 * as a broken notebook; a file of such a name that does not begin with the magic number is read.
 */
function isAppleDouble(file: string): boolean {
  if (!path.basename(file).startsWith('._')) return false;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(APPLE_DOUBLE_MAGIC.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && APPLE_DOUBLE_MAGIC.every((byte, i) => head[i] === byte);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * One step of a compiled glob: a literal character, `?` (one character but '/'), `*` (a run
 * without '/'), `**` (any run). `skipTo` is where an empty match of a run goes: the next step, or past the slash of a
 * `**` followed by a slash, which may match no folder at all.
 */
interface GlobStep {
  kind: 'char' | 'one' | 'star' | 'globstar';
  char?: string;
  skipTo?: number;
}

function compileSteps(glob: string): GlobStep[] {
  const steps: GlobStep[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '?') steps.push({ kind: 'one' });
    else if (ch !== '*') steps.push({ kind: 'char', char: ch });
    else {
      // A run of stars is one step: `***` means what `**` means, and no run costs more than one.
      let end = i;
      while (glob[end + 1] === '*') end++;
      const run = end - i + 1;
      i = end;
      if (run === 1) steps.push({ kind: 'star', skipTo: steps.length + 1 });
      else if (glob[i + 1] === '/') {
        steps.push({ kind: 'globstar', skipTo: steps.length + 2 }, { kind: 'char', char: '/' });
        i++;
      } else steps.push({ kind: 'globstar', skipTo: steps.length + 1 });
    }
  }
  return steps;
}

/**
 * A glob (`*`, `**`, `?`) as a test of '/'-separated relative paths. A glob without a slash
 * matches at any depth, as in .gitignore, and a match of a folder matches what is inside it.
 * The test simulates the pattern as a set of states over the path (time: path length times
 * pattern length) instead of compiling a regular expression, so no glob can backtrack.
 */
export function compileGlob(glob: string): (relativePath: string) => boolean {
  const steps = compileSteps(glob);
  const anyDepth = !glob.includes('/');
  const end = steps.length;
  // The active states as a list, with the position that last added each one to skip repeats.
  const seenAt = new Int32Array(end + 1).fill(-1);
  const add = (states: number[], state: number, at: number) => {
    if (seenAt[state] === at) return;
    seenAt[state] = at;
    states.push(state);
    const skip = steps[state]?.skipTo;
    if (skip !== undefined) add(states, skip, at);
  };
  return (text: string) => {
    seenAt.fill(-1);
    let states: number[] = [];
    add(states, 0, 0);
    for (let i = 0; ; i++) {
      if (seenAt[end] === i && (i === text.length || text[i] === '/')) return true;
      if (i === text.length) return false;
      const ch = text[i];
      const next: number[] = [];
      for (const state of states) {
        const step = steps[state];
        if (!step) continue;
        if (step.kind === 'char' ? step.char === ch : step.kind === 'globstar' || ch !== '/') add(next, step.kind === 'star' || step.kind === 'globstar' ? state : state + 1, i + 1);
      }
      if (anyDepth && ch === '/') add(next, 0, i + 1);
      if (next.length === 0) {
        if (!anyDepth) return false;
        // Nothing matches here; a new match can start only after the next '/'.
        const slash = text.indexOf('/', i + 1);
        if (slash === -1) return false;
        i = slash - 1;
      }
      states = next;
    }
  };
}

export interface Discovery {
  files: string[];
  /** Paths that do not exist or cannot be read. */
  errors: { path: string; message: string }[];
}

export function discoverFiles(inputs: readonly string[], exclude: readonly string[] = [], base = process.cwd()): Discovery {
  const excluded = exclude.map(compileGlob);
  const isExcluded = (file: string) => {
    const relative = path.relative(base, file).split(path.sep).join('/');
    return excluded.some((matches) => matches(relative));
  };
  const files: string[] = [];
  const errors: Discovery['errors'] = [];
  const seen = new Set<string>();
  /** The real paths of the inputs: a link found inside one is followed only to what one of them holds. */
  const roots = inputs.flatMap((input) => {
    try {
      return [realpathSync(path.resolve(base, input))];
    } catch {
      return [];
    }
  });
  const inRoots = (real: string) => roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  const visit = (target: string, explicit: boolean) => {
    let stat;
    try {
      stat = statSync(target);
    } catch (error) {
      if (explicit) errors.push({ path: target, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message });
      return;
    }
    let real: string;
    try {
      real = realpathSync(target);
    } catch {
      real = target;
    }
    // A link in the project to a file or folder outside it (`data -> /mnt/share`, a planted
    // `notes.py -> ~/.ssh/config`): not the project's code, and never to be read into a report.
    if (!explicit && !inRoots(real)) return;
    if (seen.has(real)) return;
    seen.add(real);
    if (stat.isDirectory()) {
      if (!explicit && (SKIPPED_DIRECTORIES.has(path.basename(target)) || isExcluded(target))) return;
      let entries: string[];
      try {
        entries = readdirSync(target).sort();
      } catch (error) {
        errors.push({ path: target, message: (error as Error).message });
        return;
      }
      for (const entry of entries) visit(path.join(target, entry), false);
    } else if (stat.isFile()) {
      if (!explicit && (!ANALYSED_EXTENSIONS.has(path.extname(target)) || isExcluded(target) || isAppleDouble(target))) return;
      files.push(target);
    } else if (explicit) {
      // Named on the command line, a pipe or device is an error, not a silent "0 files" (found in a folder, it is passed over).
      errors.push({ path: target, message: `${kindOf(stat)}, not a file or folder to check` });
    }
  };
  for (const input of inputs) visit(path.resolve(base, input), true);
  return { files, errors };
}
