// The editor's `mlDebt.*` settings as the server receives them (from VS Code's
// workspace/configuration, or from any LSP client's didChangeConfiguration / initializationOptions),
// validated, and layered with pyproject.toml into the configuration a document is analysed with.
import type { ConftestCache } from './conftests';
import type { RequirementsCache } from './requirements';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { statSync } from 'node:fs';
import { findPyproject, loadProjectConfig, type ProjectConfig } from './pyproject';
import { defaultConfig, mergeConfig, SEVERITY_OVERRIDES, type AnalysisConfig, type SeverityOverride } from './settings';

export interface EditorSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  severity: Record<string, SeverityOverride>;
  /** Rules to run instead of the recommended set; empty keeps the project's or the default set. */
  select: string[];
  /** Rules to run besides the selected ones. */
  extendSelect: string[];
  ignore: string[];
  maxFileSizeMB: number;
  disableRuleComment: boolean;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  enable: true,
  run: 'onType',
  severity: {},
  select: [],
  extendSelect: [],
  ignore: [],
  maxFileSizeMB: 5,
  disableRuleComment: true,
};

/** Reads whatever the client sent; anything missing or malformed falls back to the default. */
export function readEditorSettings(raw: unknown): EditorSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const settings: EditorSettings = { ...DEFAULT_EDITOR_SETTINGS, severity: {}, select: [], extendSelect: [], ignore: [] };
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  if (typeof s.enable === 'boolean') settings.enable = s.enable;
  if (s.run === 'onType' || s.run === 'onSave') settings.run = s.run;
  if (s.severity && typeof s.severity === 'object') {
    for (const [rule, value] of Object.entries(s.severity as Record<string, unknown>)) {
      if (typeof value === 'string' && (SEVERITY_OVERRIDES as readonly string[]).includes(value)) settings.severity[rule] = value as SeverityOverride;
    }
  }
  settings.select = strings(s.select);
  settings.extendSelect = strings(s.extendSelect);
  settings.ignore = strings(s.ignore);
  if (typeof s.maxFileSizeMB === 'number' && s.maxFileSizeMB > 0) settings.maxFileSizeMB = s.maxFileSizeMB;
  const codeAction = s.codeAction as { disableRuleComment?: { enable?: unknown } } | undefined;
  if (typeof codeAction?.disableRuleComment?.enable === 'boolean') settings.disableRuleComment = codeAction.disableRuleComment.enable;
  return settings;
}

/** pyproject.toml files read so far, re-read when their modification time changes. */
export class ProjectConfigCache {
  private cache = new Map<string, { mtimeMs: number; config: ProjectConfig }>();

  forFile(filePath: string, stopAt?: string): ProjectConfig | undefined {
    const file = findPyproject(path.dirname(filePath), stopAt);
    if (!file) return undefined;
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.config;
    const config = loadProjectConfig(file);
    this.cache.set(file, { mtimeMs, config });
    return config;
  }

  clear(): void {
    this.cache.clear();
  }
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri.replace(/#.*$/, ''));
  } catch {
    return undefined;
  }
}

/**
 * The analysis configuration of a document: defaults, then the project's pyproject.toml, then the
 * editor settings (the user's explicit per-rule choices win; the project's max-file-size wins).
 */
export function documentConfig(uri: string, editor: EditorSettings, projects: ProjectConfigCache, workspaceRoot?: string, conftests?: ConftestCache, requirements?: RequirementsCache): { config: AnalysisConfig; project?: ProjectConfig } {
  let config = defaultConfig();
  const filePath = filePathOf(uri);
  // The search for pyproject.toml stays inside the workspace folder; a file outside any folder
  // reads only its own folder's, never one far above it.
  const project = filePath ? projects.forFile(filePath, workspaceRoot ?? path.dirname(filePath)) : undefined;
  if (project) config = mergeConfig(config, project.config);
  // The project's max-file-size is a decision about its files; the editor's limit (5 MB unless
  // the user changed it) applies where the project says nothing.
  const maxFileSize = project?.config.maxFileSize ?? editor.maxFileSizeMB * 1024 * 1024;
  config = mergeConfig(config, {
    ignore: editor.ignore,
    severity: editor.severity,
    extendSelect: editor.extendSelect,
    maxFileSize,
    ...(editor.select.length ? { select: editor.select } : {}),
  });
  // A test module's conftest files, within the workspace folder as pyproject.toml's search is.
  const conftestSources = filePath && conftests ? conftests.forFile(filePath, workspaceRoot ?? path.dirname(filePath)) : [];
  if (conftestSources.length) config.conftests = conftestSources;
  // The project's requirements, within the workspace folder too.
  const floors = filePath && requirements ? requirements.forFile(filePath, workspaceRoot ?? path.dirname(filePath)) : undefined;
  if (floors) config.libraryFloors = floors;
  return project ? { config, project } : { config };
}
