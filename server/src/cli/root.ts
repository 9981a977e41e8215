// The project root that SARIF URIs and baseline paths are relative to: the git work tree the
// working folder is in (or the working folder) when every checked file is inside it; otherwise
// the git work tree of the checked files, or the deepest folder they share.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

function gitRoot(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const inside = (dir: string, file: string) => {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
};

export function projectRoot(cwd: string, files: readonly string[]): string {
  const here = gitRoot(cwd) ?? cwd;
  if (files.every((f) => inside(here, f))) return here;
  const theirs = files.length ? gitRoot(path.dirname(files[0])) : undefined;
  if (theirs && files.every((f) => inside(theirs, f))) return theirs;
  let common = path.dirname(files[0]);
  while (!files.every((f) => inside(common, f))) common = path.dirname(common);
  return common;
}
