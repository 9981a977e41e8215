// Which files `mldebt check PATH...` analyses: .py and .ipynb files under the given paths,
// skipping virtual environments, caches, VCS folders and the project's `exclude` globs.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  '.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', 'env', '.env', '__pycache__', '.ipynb_checkpoints',
  'site-packages', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'build', 'dist', '.eggs',
]);

export const ANALYSED_EXTENSIONS: ReadonlySet<string> = new Set(['.py', '.ipynb']);

/** A glob (`*`, `**`, `?`) as a regular expression over '/'-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else {
        pattern += '[^/]*';
      }
    } else if (ch === '?') {
      pattern += '[^/]';
    } else {
      pattern += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  // A pattern without a slash matches at any depth, as in .gitignore.
  return new RegExp(glob.includes('/') ? `^${pattern}(?:/.*)?$` : `(?:^|/)${pattern}(?:/.*)?$`);
}

export interface Discovery {
  files: string[];
  /** Paths that do not exist or cannot be read. */
  errors: { path: string; message: string }[];
}

export function discoverFiles(inputs: readonly string[], exclude: readonly string[] = [], base = process.cwd()): Discovery {
  const excluded = exclude.map(globToRegExp);
  const isExcluded = (file: string) => {
    const relative = path.relative(base, file).split(path.sep).join('/');
    return excluded.some((re) => re.test(relative));
  };
  const files: string[] = [];
  const errors: Discovery['errors'] = [];
  const seen = new Set<string>();
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
      if (!explicit && (!ANALYSED_EXTENSIONS.has(path.extname(target)) || isExcluded(target))) return;
      files.push(target);
    }
  };
  for (const input of inputs) visit(path.resolve(base, input), true);
  return { files, errors };
}
