// `[tool.mldebt]` in pyproject.toml: select, ignore, severity, exclude, max-file-size.
// Reading never throws: a broken file yields its problems as messages and no settings.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../analyze';
import type { RuleMeta } from '../engine/types';
import { readConfigFile } from './configFile';
import { SEVERITY_OVERRIDES, type AnalysisConfig, type SeverityOverride } from './settings';
import { closestRule, isKnownSelector } from './unknownRules';

// smol-toml ships a CommonJS build, but its type declarations are ESM-only.
const { parse: parseToml } = require('smol-toml') as typeof import('smol-toml', { with: { 'resolution-mode': 'import' } });

export interface ProjectConfig {
  config: Partial<AnalysisConfig>;
  /** Glob patterns of files the CLI skips. */
  exclude: string[];
  /** Problems found while reading, for the user: at most MAX_PROBLEMS, then one line for the rest. */
  problems: string[];
  /** How many problems there were in all. */
  problemCount: number;
  /** The file it came from, if any. */
  file?: string;
}

/** Problems listed one by one; a file with thousands of mistakes gets a count for the rest. */
export const MAX_PROBLEMS = 20;

const KNOWN_KEYS = new Set(['select', 'extend-select', 'ignore', 'severity', 'exclude', 'max-file-size']);
const RULE_METAS: readonly RuleMeta[] = RULES.map((rule) => rule.meta);

/** Collects problems; messages past the cap are counted, not built (locating one scans the text). */
class Problems {
  readonly list: string[] = [];
  count = 0;
  constructor(private readonly text: string, private readonly file?: string) {}

  add(message: string | (() => string), needle?: string): void {
    this.count++;
    if (this.count > MAX_PROBLEMS) return;
    const line = needle === undefined ? undefined : lineOf(this.text, needle);
    const where = this.file ? `${this.file}${line ? `:${line}` : ''}: ` : line ? `line ${line}: ` : '';
    this.list.push(where + (typeof message === 'string' ? message : message()));
  }

  finish(): { problems: string[]; problemCount: number } {
    const problems = [...this.list];
    if (this.count > MAX_PROBLEMS) problems.push(`${this.file ?? 'pyproject.toml'}: ${this.count - MAX_PROBLEMS} more problem(s) in [tool.mldebt] not listed`);
    return { problems, problemCount: this.count };
  }
}

/** The 1-based line where `needle` is written in [tool.mldebt] (as a string or as a key). */
function lineOf(text: string, needle: string): number | undefined {
  const section = Math.max(0, text.indexOf('tool.mldebt'));
  const candidates = [`"${needle}"`, `'${needle}'`].map((quoted) => text.indexOf(quoted, section)).filter((i) => i >= 0);
  if (candidates.length === 0) {
    const key = new RegExp(`(?:^|[\\s{,])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*=`, 'm');
    const match = key.exec(text.slice(section));
    if (match) candidates.push(section + match.index + 1);
  }
  if (candidates.length === 0) return undefined;
  const at = Math.min(...candidates);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function unknownRule(key: string, selector: string): () => string {
  return () => `[tool.mldebt] ${key} names "${selector}", which matches no rule; did you mean ${closestRule(selector, RULE_METAS)}? (it is left out)`;
}

function stringList(value: unknown, key: string, problems: Problems): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  problems.add(`[tool.mldebt] ${key} must be a list of strings`, key);
  return undefined;
}

/** The selectors that match a rule; the others are reported. */
function knownSelectors(selectors: string[], key: string, problems: Problems): string[] {
  return selectors.filter((selector) => {
    if (isKnownSelector(selector, RULE_METAS)) return true;
    problems.add(unknownRule(key, selector), selector);
    return false;
  });
}

export function parseProjectConfig(text: string, file?: string): ProjectConfig {
  const problems = new Problems(text, file);
  const done = (config: Partial<AnalysisConfig>, exclude: string[] = []): ProjectConfig => ({ config, exclude, ...problems.finish(), ...(file ? { file } : {}) });
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    problems.add(`not valid TOML: ${(error as Error).message.split('\n')[0]}; using the default settings`);
    return done({});
  }
  const tool = Object.hasOwn(data, 'tool') ? data.tool as Record<string, unknown> : undefined;
  const section = tool && typeof tool === 'object' && Object.hasOwn(tool, 'mldebt') ? tool.mldebt : undefined;
  if (section === undefined) return done({});
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    problems.add('[tool.mldebt] must be a table', 'mldebt');
    return done({});
  }
  const table = section as Record<string, unknown>;
  const value = (key: string): unknown => (Object.hasOwn(table, key) ? table[key] : undefined);
  const config: Partial<AnalysisConfig> = {};
  for (const key of Object.keys(table)) if (!KNOWN_KEYS.has(key)) problems.add(`[tool.mldebt] has an unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`, key);
  const select = stringList(value('select'), 'select', problems);
  if (select) {
    const known = knownSelectors(select, 'select', problems);
    // A select of nothing but misspellings would run no rule at all: keep the default set instead.
    if (known.length > 0 || select.length === 0) config.select = known;
    else problems.add('[tool.mldebt] select matches no rule, so the default rules run', 'select');
  }
  const extendSelect = stringList(value('extend-select'), 'extend-select', problems);
  if (extendSelect) config.extendSelect = knownSelectors(extendSelect, 'extend-select', problems);
  const ignore = stringList(value('ignore'), 'ignore', problems);
  if (ignore) config.ignore = knownSelectors(ignore, 'ignore', problems);
  const exclude = stringList(value('exclude'), 'exclude', problems) ?? [];
  const size = value('max-file-size');
  if (size !== undefined) {
    if (typeof size === 'number' && size > 0 && Number.isFinite(size)) config.maxFileSize = size;
    else problems.add('[tool.mldebt] max-file-size must be a positive number of bytes', 'max-file-size');
  }
  const severityTable = value('severity');
  if (severityTable !== undefined) {
    const severity: Record<string, SeverityOverride> = {};
    if (typeof severityTable === 'object' && severityTable !== null && !Array.isArray(severityTable)) {
      for (const [rule, level] of Object.entries(severityTable as Record<string, unknown>)) {
        if (!isKnownSelector(rule, RULE_METAS)) problems.add(unknownRule('severity', rule), rule);
        else if (typeof level === 'string' && (SEVERITY_OVERRIDES as readonly string[]).includes(level)) severity[rule] = level as SeverityOverride;
        else problems.add(`[tool.mldebt.severity] ${rule} must be one of ${SEVERITY_OVERRIDES.join(', ')}`, rule);
      }
    } else {
      problems.add('[tool.mldebt] severity must be a table of rule = "error" | "warning" | "information" | "hint" | "off"', 'severity');
    }
    config.severity = severity;
  }
  return done(config, exclude);
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
  const read = readConfigFile(file);
  if ('problem' in read) return { config: {}, exclude: [], problems: [read.problem], problemCount: 1, file };
  return parseProjectConfig(read.text, file);
}
