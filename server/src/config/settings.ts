// What a run is configured with, from any source (VS Code settings, pyproject.toml, CLI flags),
// and how a rule's selection and severity follow from it.
import type { RuleMeta, Severity } from '../engine/types';
import type { LibraryFloors } from '../engine/versions';

export type SeverityOverride = Severity | 'off';

export const SEVERITY_OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface AnalysisConfig {
  /** Rules to run (codes, code prefixes such as `MLD8`, names, or `ALL`); undefined runs the recommended set. */
  select?: string[];
  /** Rules to run besides `select` (or besides the recommended set), in the same forms. */
  extendSelect?: string[];
  /** Rules not to run, in the same forms. */
  ignore: string[];
  /** Severity per rule (code, prefix or name); `off` disables the rule. */
  severity: Record<string, SeverityOverride>;
  /** Files larger than this many bytes are not analysed. */
  maxFileSize: number;
  /**
   * The `conftest.py` files pytest loads before a test module (`test_*.py`, `*_test.py`), from the
   * project's root down to the module's folder: what they seed before its tests run (at import, in
   * an autouse fixture, or in a fixture a test asks for) counts as seeded. Read by the front door
   * (CLI, language server) for test modules only; part of the configuration, so the result cache
   * and the server's reuse of an analysis see a change to them.
   */
  conftests?: ConftestSource[];
  /**
   * The project's own modules the file imports (`from utils import save_checkpoint`), found beside
   * it or under the project's root: what their functions save is the program's own (see
   * config/projectModules.ts). Read by the front door only for files that load a serialized object.
   */
  projectModules?: ProjectModuleSource[];
  /**
   * The lowest version of each library the project's requirements allow (`requirements.txt` and its
   * variants, `requirements_exact.txt`; `pyproject.toml`), found by the front door at or above the file (see config/requirements.ts):
   * a rule about behaviour a library changed at a version knows which side every install is on.
   */
  libraryFloors?: LibraryFloors;
}

export interface ConftestSource {
  path: string;
  text: string;
}

export interface ProjectModuleSource {
  path: string;
  /** The module as the file imports it: dotted, with a relative import's leading dots (`utils.io`, `.helpers`). */
  name: string;
  text: string;
  /** The project modules this module imports, by their names there (one level down; theirs are not read). */
  imports?: ProjectModuleSource[];
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export function defaultConfig(): AnalysisConfig {
  return { ignore: [], severity: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

/** How well `selector` matches a rule: 3 exact code or name, 2 code prefix, 1 ALL, 0 no match. */
function matchStrength(selector: string, meta: RuleMeta): number {
  const s = selector.trim();
  if (s.toUpperCase() === meta.code || s === meta.name) return 3;
  if (s.toUpperCase() === 'ALL') return 1;
  if (/^MLD\d{0,2}$/i.test(s) && meta.code.startsWith(s.toUpperCase())) return 2;
  return 0;
}

/** Whether a selector (code, prefix such as `MLD8`, name, or `ALL`) matches the rule. */
export function selectorMatches(selector: string, meta: RuleMeta): boolean {
  return matchStrength(selector, meta) > 0;
}

function strongest(selectors: readonly string[], meta: RuleMeta): number {
  return selectors.reduce((best, s) => Math.max(best, matchStrength(s, meta)), 0);
}

/** The severity a rule runs with, or 'off'. The most specific setting wins (code > prefix > ALL). */
export function effectiveSeverity(config: AnalysisConfig, meta: RuleMeta): SeverityOverride {
  const base = config.select === undefined ? (meta.recommended ? 1 : 0) : strongest(config.select, meta);
  const selected = Math.max(base, strongest(config.extendSelect ?? [], meta));
  const ignored = strongest(config.ignore, meta);
  if (selected === 0 || ignored >= selected) return 'off';
  let best = 0;
  let severity: SeverityOverride = meta.severity;
  for (const [key, value] of Object.entries(config.severity)) {
    const strength = matchStrength(key, meta);
    if (strength > best && SEVERITY_OVERRIDES.includes(value)) {
      best = strength;
      severity = value;
    }
  }
  return severity;
}

/** Layers `override` on `base`: lists add up, severities of the override win. */
export function mergeConfig(base: AnalysisConfig, override: Partial<AnalysisConfig>): AnalysisConfig {
  const merged: AnalysisConfig = {
    ignore: [...base.ignore, ...(override.ignore ?? [])],
    severity: { ...base.severity, ...(override.severity ?? {}) },
    maxFileSize: override.maxFileSize ?? base.maxFileSize,
  };
  const select = override.select ?? base.select;
  if (select) merged.select = [...select];
  const extendSelect = [...(base.extendSelect ?? []), ...(override.extendSelect ?? [])];
  if (extendSelect.length) merged.extendSelect = extendSelect;
  const conftests = override.conftests ?? base.conftests;
  if (conftests?.length) merged.conftests = conftests;
  const libraryFloors = override.libraryFloors ?? base.libraryFloors;
  if (libraryFloors) merged.libraryFloors = libraryFloors;
  const projectModules = override.projectModules ?? base.projectModules;
  if (projectModules?.length) merged.projectModules = projectModules;
  return merged;
}
