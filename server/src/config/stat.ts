// The project's files are mostly looked for, not found: a module's candidate paths, a folder's
// pyproject.toml. `lstatSync` throws for a missing file, and building that exception (its stack)
// cost more than the lookup itself: a warm `mldebt check` of 1,241 files spent most of its time there.
import { lstatSync, type Stats } from 'node:fs';

/** The file's own facts (a link is not followed), or undefined when it is missing or cannot be read. */
export function lstatIfPresent(file: string): Stats | undefined {
  try {
    return lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined; // not a folder on the way (ENOTDIR), no permission
  }
}
