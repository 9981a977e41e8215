// Which files Check Workspace analyses: the .py and .ipynb files under each workspace folder that
// `mldebt check` would take (same discovery, same skipped folders), less what the user excluded:
// the editor's globs (files.exclude, mlDebt.exclude), `exclude` in [tool.mldebt] and .gitignore.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { compileGlob, discoverFiles } from '../config/files';
import type { ProjectConfigCache } from '../config/editorSettings';

interface IgnoreRule {
  matches: (relativePath: string) => boolean;
  directoryOnly: boolean;
}

/**
 * The patterns of one .gitignore as tests of paths relative to its folder.
 * Negations (`!pattern`) are not supported: a file they would re-include stays ignored.
 */
export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.replace(/\/+$/, '');
    // A leading or inner slash anchors the pattern to the .gitignore's folder.
    const anchored = line.includes('/');
    line = line.replace(/^\//, '');
    if (!line) continue;
    // Anchored patterns are matched against '/' + the relative path, which anchors them at its start.
    rules.push({ matches: compileGlob(anchored ? `/${line}` : line), directoryOnly });
  }
  return rules;
}

/** Whether `file` is ignored by a .gitignore in one of its folders up to `root`. */
export class GitignoreFilter {
  private byFolder = new Map<string, IgnoreRule[]>();

  constructor(private readonly root: string) {}

  private rulesOf(folder: string): IgnoreRule[] {
    let rules = this.byFolder.get(folder);
    if (!rules) {
      const file = path.join(folder, '.gitignore');
      rules = existsSync(file) ? parseGitignore(readFileSync(file, 'utf8')) : [];
      this.byFolder.set(folder, rules);
    }
    return rules;
  }

  ignores(file: string): boolean {
    for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
      const relative = path.relative(folder, file).split(path.sep).join('/');
      for (const rule of this.rulesOf(folder)) {
        // A directory-only rule matches a folder on the way, never the file's own name.
        const target = rule.directoryOnly ? path.posix.dirname(relative) : relative;
        if (target !== '.' && (rule.matches(target) || rule.matches(`/${target}`))) return true;
      }
      if (folder === this.root || folder === path.dirname(folder) || !folder.startsWith(this.root)) return false;
    }
  }
}

/** The files of one workspace folder that Check Workspace analyses, sorted. */
export function workspaceFiles(root: string, editorExclude: readonly string[], projects: ProjectConfigCache): string[] {
  const project = projects.forFile(path.join(root, 'pyproject.toml'), root);
  const exclude = [...editorExclude.map((glob) => glob.replace(/^\.\//, '')), ...(project?.exclude ?? [])];
  const gitignore = new GitignoreFilter(root);
  return discoverFiles([root], exclude, root).files.filter((file) => !gitignore.ignores(file));
}
