// `[tool.mldebt]` in pyproject.toml: select, ignore, severity, exclude, max-file-size.
// Reading never throws: a broken file yields its problems as messages and no settings.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SEVERITY_OVERRIDES, type AnalysisConfig, type SeverityOverride } from './settings';

// smol-toml ships a CommonJS build, but its type declarations are ESM-only.
const { parse: parseToml } = require('smol-toml') as typeof import('smol-toml', { with: { 'resolution-mode': 'import' } });

export interface ProjectConfig {
  config: Partial<AnalysisConfig>;
  /** Glob patterns of files the CLI skips. */
  exclude: string[];
  /** Problems found while reading, for the user. */
  problems: string[];
  /** The file it came from, if any. */
  file?: string;
}

const KNOWN_KEYS = new Set(['select', 'ignore', 'severity', 'exclude', 'max-file-size']);

function stringList(value: unknown, key: string, problems: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  problems.push(`[tool.mldebt] ${key} must be a list of strings`);
  return undefined;
}

export function parseProjectConfig(text: string, file?: string): ProjectConfig {
  const result: ProjectConfig = { config: {}, exclude: [], problems: [] };
  if (file) result.file = file;
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    result.problems.push(`${file ?? 'pyproject.toml'} is not valid TOML: ${(error as Error).message.split('\n')[0]}`);
    return result;
  }
  const tool = data.tool as Record<string, unknown> | undefined;
  const section = tool?.mldebt;
  if (section === undefined) return result;
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    result.problems.push('[tool.mldebt] must be a table');
    return result;
  }
  const table = section as Record<string, unknown>;
  for (const key of Object.keys(table)) if (!KNOWN_KEYS.has(key)) result.problems.push(`[tool.mldebt] has an unknown key "${key}"`);
  const select = stringList(table.select, 'select', result.problems);
  if (select) result.config.select = select;
  const ignore = stringList(table.ignore, 'ignore', result.problems);
  if (ignore) result.config.ignore = ignore;
  result.exclude = stringList(table.exclude, 'exclude', result.problems) ?? [];
  if (table['max-file-size'] !== undefined) {
    const size = table['max-file-size'];
    if (typeof size === 'number' && size > 0) result.config.maxFileSize = size;
    else result.problems.push('[tool.mldebt] max-file-size must be a positive number of bytes');
  }
  if (table.severity !== undefined) {
    const severity: Record<string, SeverityOverride> = {};
    if (typeof table.severity === 'object' && table.severity !== null && !Array.isArray(table.severity)) {
      for (const [rule, value] of Object.entries(table.severity as Record<string, unknown>)) {
        if (typeof value === 'string' && (SEVERITY_OVERRIDES as readonly string[]).includes(value)) severity[rule] = value as SeverityOverride;
        else result.problems.push(`[tool.mldebt.severity] ${rule} must be one of ${SEVERITY_OVERRIDES.join(', ')}`);
      }
    } else {
      result.problems.push('[tool.mldebt] severity must be a table of rule = "error" | "warning" | "information" | "hint" | "off"');
    }
    result.config.severity = severity;
  }
  return result;
}

/** The nearest pyproject.toml at or above `directory` (stopping at `stopAt` when given). */
export function findPyproject(directory: string, stopAt?: string): string | undefined {
  let current = path.resolve(directory);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    const candidate = path.join(current, 'pyproject.toml');
    if (existsSync(candidate)) return candidate;
    if (current === stop) return undefined;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export function loadProjectConfig(file: string): ProjectConfig {
  try {
    return parseProjectConfig(readFileSync(file, 'utf8'), file);
  } catch (error) {
    return { config: {}, exclude: [], problems: [`cannot read ${file}: ${(error as Error).message}`], file };
  }
}
