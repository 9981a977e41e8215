// The first lines of the output channel: which server runs, and which pyproject.toml configures
// each workspace folder; a broken one is reported with its path at warning level, since the user
// otherwise sees only that their settings are not applied.
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { ProjectConfigCache } from '../config/editorSettings';
import { VERSION } from '../version';

/** The lines to log: info lines and warning lines. */
export function startupLines(roots: readonly string[], projects: ProjectConfigCache): { info: string[]; warnings: string[] } {
  // Node's flags too: a young generation the starter did not size (see engine/heap.ts) shows here.
  const flags = process.execArgv.length ? `, ${process.execArgv.join(' ')}` : '';
  const info = [`ML Debt Lens server ${VERSION} started (Node ${process.version}${flags})`];
  const warnings: string[] = [];
  if (roots.length === 0) info.push('No workspace folder: settings come from the editor only.');
  for (const root of roots) {
    // A file inside the folder finds the pyproject.toml that files at its top level use.
    const project = projects.forFile(path.join(root, '__probe__.py'), root);
    if (!project?.file) {
      info.push(`${root}: no pyproject.toml in effect; default rules and the editor's mlDebt.* settings apply.`);
      continue;
    }
    info.push(`${root}: settings from ${project.file} [tool.mldebt]`);
    // One line per file however many problems it has: the details are logged, capped, when a file is analysed.
    const [first, ...rest] = project.problems;
    if (first) warnings.push(`${first.includes(project.file) ? first : `${project.file}: ${first}`}${rest.length ? ` (and ${rest.length} more)` : ''}`);
  }
  return { info, warnings };
}

export function logStartup(connection: Connection, roots: readonly string[], projects: ProjectConfigCache): void {
  const { info, warnings } = startupLines(roots, projects);
  for (const line of info) connection.console.info(`[ml-debt-lens] ${line}`);
  for (const line of warnings) connection.console.warn(`[ml-debt-lens] ${line}`);
}
