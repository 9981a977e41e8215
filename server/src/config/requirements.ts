// The lowest version of a library the project's requirements allow (`torch==2.7.1`,
// `torch>=2.6,<3`): behaviour a library changed at a version (PyTorch 2.6 made `torch.load` load
// tensors only by default) is known for every install the project allows. Read from the nearest
// folder, at or above the file and within the project's root, that holds a requirements file —
// `requirements.txt`, or one named for a variant of it (`requirements_exact.txt`,
// `requirements-gpu.txt`), which pip installs from just the same — or a `pyproject.toml`
// (`[project] dependencies` and optional dependencies, PEP 735 `[dependency-groups]`, Poetry's
// `[tool.poetry.dependencies]` and its groups' tables), or a conda environment file
// (`environment.yml`: `pytorch=1.4.0` in its `dependencies`, `torch==1.4.0` in their `pip:` list): the
// lowest floor of every mention in every one of them, none when one mention sets no lower bound.
// Only regular files of bounded size are read, as for configuration.
import { readdirSync } from 'node:fs';
import { lstatIfPresent } from './stat';
import * as path from 'node:path';
import { readConfigFile } from './configFile';
import { atLeast, versionParts, type LibraryFloors, type VersionCeiling } from '../engine/versions';

// smol-toml ships a CommonJS build, but its type declarations are ESM-only.
const { parse: parseToml } = require('smol-toml') as typeof import('smol-toml', { with: { 'resolution-mode': 'import' } });

/** The libraries whose lowest allowed version a rule asks for. */
const LIBRARIES = ['torch'] as const;

/**
 * The lowest version a requirement specifier allows (`==2.7.1`, `>=2.6,<3`, `~=2.6.0`, Poetry's
 * `^2.6`); undefined when it sets no lower bound (`<3`, `!=2.5`, none at all). `>2.5` allows 2.5.1,
 * so an exclusive bound is its own version: the floor is never above what is allowed.
 */
export function specifierFloor(specifier: string): string | undefined {
  let floor: string | undefined;
  for (const part of specifier.split(',')) {
    const match = /^\s*(===|==|>=|~=|>|\^|~)\s*([\w.+!*-]+)\s*$/.exec(part) ?? /^\s*()(\d[\w.+!-]*)\s*$/.exec(part);
    if (!match || match[2].includes('*') || !versionParts(match[2])) continue;
    if (!floor || atLeast(match[2], floor)) floor = match[2];
  }
  return floor;
}

/**
 * The highest version a requirement specifier allows (`==1.3.0`, `<=1.12.1`, `>=1.0,<1.13`);
 * undefined when it sets no upper bound (`>=1.3`, `~=1.3`, a wildcard `==1.*`, none at all).
 */
export function specifierCeiling(specifier: string): VersionCeiling | undefined {
  let ceiling: VersionCeiling | undefined;
  for (const part of specifier.split(',')) {
    const match = /^\s*(===|==|<=|<)\s*([\w.+!*-]+)\s*$/.exec(part) ?? /^\s*()(\d[\w.+!-]*)\s*$/.exec(part);
    if (!match || match[2].includes('*') || !versionParts(match[2])) continue;
    const found = { version: match[2], exclusive: match[1] === '<' };
    const lower = !ceiling || !atLeast(found.version, ceiling.version) || (found.exclusive && atLeast(ceiling.version, found.version));
    if (lower) ceiling = found;
  }
  return ceiling;
}

/**
 * A requirement line's name and specifier (`torch[cuda]>=2.6 ; python_version>"3.8"` -> torch, >=2.6).
 * PEP 508 also lets the specifier stand in parentheses (`torch (>=2.10.0,<3.0.0)`, as Poetry 2 writes
 * `[project]` dependencies): they enclose the same specifier.
 */
function requirement(line: string): { name: string; specifier: string } | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;#@]*)/.exec(line);
  if (!match) return undefined;
  const specifier = match[2].trim();
  const enclosed = /^\(([^()]*)\)$/.exec(specifier);
  return { name: match[1].toLowerCase().replace(/[._]/g, '-'), specifier: enclosed ? enclosed[1].trim() : specifier };
}

/** The floor and ceiling each mention of a library sets, per library: undefined for a mention with no such bound. */
type Mentions = Map<(typeof LIBRARIES)[number], { floor: string | undefined; ceiling: VersionCeiling | undefined }[]>;

function mention(mentions: Mentions, library: (typeof LIBRARIES)[number], specifier: string): void {
  const list = mentions.get(library) ?? [];
  list.push({ floor: specifierFloor(specifier), ceiling: specifierCeiling(specifier) });
  mentions.set(library, list);
}

function mentionsInLines(lines: Iterable<string>, mentions: Mentions): void {
  for (const line of lines) {
    const found = requirement(line.replace(/#.*$/, ''));
    const library = LIBRARIES.find((name) => name === found?.name);
    if (found && library) mention(mentions, library, found.specifier);
  }
}

function mentionsInPyproject(text: string, mentions: Mentions): void {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch {
    return; // reported by the configuration reader, if it has [tool.mldebt]
  }
  const table = (value: unknown): Record<string, unknown> | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const project = table(data.project);
  mentionsInLines(strings(project?.dependencies), mentions);
  // An extra that installs the library (`torch-cuda = ["torch==2.7.1"]`) may be the one installed.
  for (const group of Object.values(table(project?.['optional-dependencies']) ?? {})) mentionsInLines(strings(group), mentions);
  // A dependency group (PEP 735 `[dependency-groups]`, `exercises = ["torch>=2.9"]`, which `uv sync --group`
  // and `pip install --group` install) may be the one installed, as an extra may; an `{include-group = ...}`
  // entry names another group, itself read here.
  for (const group of Object.values(table(data['dependency-groups']) ?? {})) mentionsInLines(strings(group), mentions);
  const poetryTool = table(table(data.tool)?.poetry);
  // Poetry's main table, and each of its groups (`[tool.poetry.group.train.dependencies]`) likewise.
  const poetryTables = [table(poetryTool?.dependencies), ...Object.values(table(poetryTool?.group) ?? {}).map((group) => table(table(group)?.dependencies))];
  for (const poetry of poetryTables) {
    for (const library of LIBRARIES) {
      const entry = poetry?.[library];
      if (entry === undefined) continue;
      const specifier = typeof entry === 'string' ? entry : typeof table(entry)?.version === 'string' ? (table(entry)!.version as string) : '';
      mention(mentions, library, specifier);
    }
  }
}

/** Each library's name as conda packages it (`pytorch`, on the pytorch and conda-forge channels). */
const CONDA_NAMES: Record<(typeof LIBRARIES)[number], string> = { torch: 'pytorch' };

/**
 * A conda version as a specifier of pip's. A bare version (`pytorch=1.4.0`, `pytorch 1.4`, `1.4.*`) is
 * fuzzy in conda: it allows every release that starts with it (`1.4.0` allows 1.4.0.post1, `1.4`
 * allows 1.4.2), so it is the range up to the next release of its last part (`>=1.4,<1.5`); an
 * operator (`==1.4.0`, `>=1.4,<1.13`) means what it means to pip. A choice (`1.4|2.6`) or a form not
 * known here sets no bound.
 */
function condaSpecifier(version: string): string {
  if (version.includes('|')) return '';
  if (/^(===|==|>=|<=|~=|!=|<|>)/.test(version)) return version.replace(/^==([^=,]+)=.*$/, '==$1');
  const fuzzy = /^(\d+(?:\.\d+)*)(?:\.?\*)?$/.exec(version);
  if (!fuzzy) return '';
  const parts = fuzzy[1].split('.').map(Number);
  const next = [...parts.slice(0, -1), parts[parts.length - 1] + 1].join('.');
  return `>=${fuzzy[1]},<${next}`;
}

/**
 * The mentions of a conda environment file (`environment.yml`): the entries of its `dependencies`
 * list in conda's spelling (`pytorch=1.4.0`, `pytorch 1.4.0 py3.7_cuda10.1_0`, `pytorch=1.4.0=py3.7_0`
 * as `conda env export` writes it, `pytorch>=2.6`, after a channel `pytorch::pytorch=2.6`), and the
 * lines of its `pip:` list in pip's. A list written inline (`dependencies: [...]`) is not read.
 */
function mentionsInCondaEnvironment(text: string, mentions: Mentions): void {
  let inDependencies = false;
  let pipIndent: number | undefined;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '');
    if (line.trim() === '') continue;
    if (/^[A-Za-z_][\w-]*\s*:/.test(line)) {
      inDependencies = /^dependencies\s*:\s*$/.test(line);
      pipIndent = undefined;
      continue;
    }
    const item = /^(\s*)-\s*(.*?)\s*$/.exec(line);
    if (!inDependencies || !item) continue;
    const indent = item[1].length;
    const entry = item[2].replace(/^(['"])(.*)\1$/, '$2');
    if (pipIndent !== undefined && indent > pipIndent) {
      mentionsInLines([entry], mentions);
      continue;
    }
    pipIndent = /^pip\s*:$/.test(entry) ? indent : undefined;
    const spec = /^(?:[^\s:]+::)?([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$/.exec(entry);
    const library = spec && LIBRARIES.find((name) => CONDA_NAMES[name] === spec[1].toLowerCase());
    if (!spec || !library) continue;
    // `name=version=build` and `name version build`: the version is the part before the build.
    const rest = spec[2].includes('[') ? '' : spec[2].startsWith('=') && !spec[2].startsWith('==') ? spec[2].slice(1).split('=')[0] : spec[2].split(/\s+/)[0];
    mention(mentions, library, condaSpecifier(rest.trim()));
  }
}

/**
 * The lowest version every mention allows: none when one mention sets no lower bound; and the
 * highest any mention allows: none when one mention sets no upper bound.
 */
function floorsOf(mentions: Mentions): LibraryFloors | undefined {
  const floors: LibraryFloors = {};
  for (const [library, found] of mentions) {
    const lows = found.map((entry) => entry.floor);
    if (!lows.some((floor) => floor === undefined)) floors[library] = (lows as string[]).reduce((lowest, floor) => (atLeast(floor, lowest) ? lowest : floor));
    const highs = found.map((entry) => entry.ceiling);
    if (highs.length > 0 && !highs.some((ceiling) => ceiling === undefined)) {
      const highest = (highs as VersionCeiling[]).reduce((top, ceiling) =>
        atLeast(ceiling.version, top.version) && !(ceiling.exclusive && !top.exclusive && atLeast(top.version, ceiling.version)) ? ceiling : top,
      );
      floors.ceilings = { ...floors.ceilings, [library]: highest };
    }
  }
  return Object.keys(floors).length > 0 ? floors : undefined;
}

/**
 * A requirements file of pip's: `requirements.txt`, or one named for a variant of it
 * (`requirements_exact.txt`, `requirements-gpu.txt`, `requirements.dev.txt`): any may be the one a
 * project installs from, so each is read and the lowest floor of all counts.
 */
const REQUIREMENTS_FILE = /^requirements(?:[-_.].*)?\.txt$/;

/**
 * A conda environment file (`environment.yml`, or one named for a variant of it, `environment-gpu.yaml`):
 * `conda env create -f` installs its `dependencies`, so it pins the project's libraries as a
 * requirements file does.
 */
const CONDA_ENVIRONMENT_FILE = /^environment(?:[-_.].*)?\.ya?ml$/;

/** A folder's requirements files (sorted names), by folder, checked against the folder's change time. */
type Listing = { stamp: number; names: string[] };

/** The library floors of folders, by folder; an entry is checked against its files' change times. */
export class RequirementsCache {
  private readonly byFolder = new Map<string, { stamp: string; floors: LibraryFloors | undefined }>();
  private readonly listings = new Map<string, Listing>();

  /**
   * The floors the requirements nearest to `file` set: those of the first folder, from the file's
   * own up to `root`, that has a requirements file (undefined when none has, or it names none of
   * the libraries).
   */
  forFile(file: string, root: string): LibraryFloors | undefined {
    const relative = path.relative(root, path.dirname(file));
    const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
    for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
      const found = this.read(folder);
      if (found !== null) return found;
      if (!inside || folder === root || path.dirname(folder) === folder) return undefined;
    }
  }

  /**
   * The names of the folder's requirements files: listed once, and again only when the folder
   * changed (adding or removing a file changes its time), so that checking every file of a large
   * folder reads the folder once.
   */
  private requirementNames(folder: string): string[] {
    const stamp = lstatIfPresent(folder)?.mtimeMs;
    if (stamp === undefined) return [];
    const known = this.listings.get(folder);
    if (known && known.stamp === stamp) return known.names;
    let names: string[];
    try {
      names = readdirSync(folder).filter((name) => REQUIREMENTS_FILE.test(name) || CONDA_ENVIRONMENT_FILE.test(name)).sort();
    } catch {
      names = [];
    }
    if (this.listings.size >= 256) this.listings.clear();
    this.listings.set(folder, { stamp, names });
    return names;
  }

  /** The folder's floors; null when it has no requirements file, so that the search goes on above it. */
  private read(folder: string): LibraryFloors | undefined | null {
    const names = ['pyproject.toml', ...this.requirementNames(folder)];
    const present = names.map((name) => path.join(folder, name)).map((file) => {
      const stat = lstatIfPresent(file);
      return stat && { file, stamp: `${stat.mtimeMs}:${stat.size}` };
    });
    if (present.every((entry) => entry === undefined)) return null;
    const stamp = names.map((name, i) => `${name}=${present[i]?.stamp ?? '-'}`).join('|');
    const known = this.byFolder.get(folder);
    if (known && known.stamp === stamp) return known.floors;
    const mentions: Mentions = new Map();
    const [pyproject, ...requirementsFiles] = present;
    const text = (entry: { file: string } | undefined) => {
      const read = entry ? readConfigFile(entry.file) : undefined;
      return read && 'text' in read ? read.text : undefined;
    };
    const pyprojectText = text(pyproject);
    if (pyprojectText !== undefined) mentionsInPyproject(pyprojectText, mentions);
    for (const requirementsFile of requirementsFiles) {
      const requirementsText = text(requirementsFile);
      if (requirementsText === undefined) continue;
      if (CONDA_ENVIRONMENT_FILE.test(path.basename(requirementsFile!.file))) mentionsInCondaEnvironment(requirementsText, mentions);
      else mentionsInLines(requirementsText.split(/\r\n|\r|\n/), mentions);
    }
    const result = floorsOf(mentions);
    if (this.byFolder.size >= 256) this.byFolder.clear();
    this.byFolder.set(folder, { stamp, floors: result });
    return result;
  }

  clear(): void {
    this.byFolder.clear();
    this.listings.clear();
  }
}
