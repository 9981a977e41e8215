// The conftest.py files pytest loads before a test module, read for the CLI and the language
// server alike: what they seed before the tests run is part of the module's analysis
// (AnalysisConfig.conftests). Only regular files of at most 1 MB are read, as for pyproject.toml.
import { lstatSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decode, wideEncodingReason } from '../documents/encoding';
import { isTestModule } from '../documents/testModules';
import type { ConftestSource } from './settings';

const MAX_CONFTEST_BYTES = 1024 * 1024;


/** The conftest files of folders, by folder; a folder's entry is checked against the file's change time. */
export class ConftestCache {
  private readonly byFolder = new Map<string, { mtimeMs: number; source: ConftestSource }>();

  /**
   * The conftest.py files pytest loads before the tests of `file`: those of `root` and of every
   * folder from it down to the file's own, outermost first. A file outside `root` gets its own
   * folder's only. Empty for a file that is not a test module.
   */
  forFile(file: string, root: string): ConftestSource[] {
    if (!isTestModule(file)) return [];
    const folders: string[] = [];
    const relative = path.relative(root, path.dirname(file));
    const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
    for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
      folders.unshift(folder);
      if (!inside || folder === root || path.dirname(folder) === folder) break;
    }
    return folders.flatMap((folder) => this.read(folder) ?? []);
  }

  private read(folder: string): ConftestSource | undefined {
    const file = path.join(folder, 'conftest.py');
    let stat;
    try {
      stat = lstatSync(file);
    } catch {
      return undefined;
    }
    // A symlink, a device or a huge file is not read: the analysis never stalls on one.
    if (!stat.isFile() || stat.size > MAX_CONFTEST_BYTES) return undefined;
    const known = this.byFolder.get(folder);
    if (known && known.mtimeMs === stat.mtimeMs) return known.source;
    try {
      const bytes = readFileSync(file);
      if (wideEncodingReason(bytes, false)) return undefined;
      const source = { path: file, text: decode(bytes).text };
      this.byFolder.set(folder, { mtimeMs: stat.mtimeMs, source });
      return source;
    } catch {
      return undefined;
    }
  }

  clear(): void {
    this.byFolder.clear();
  }
}
