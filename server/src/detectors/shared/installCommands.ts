// Package-install command lines (`pip install ...`, `python -m pip install ...`, `uv pip install`,
// `conda install ...`) split into their requirements, each classified as pinned or not. A shell
// word is parsed the way a POSIX shell would (quotes, `&&`, `;`, comments, redirections); what
// cannot be known statically (`{var}`, `$VAR`, a requirements file) counts as pinned.

import type { Magic, Range, Segment, SourceDocument } from '../../documents/types';
import { alwaysImportable } from '../../semantics/library/standardLibrary';

export type RequirementStatus = 'pinned' | 'unpinned' | 'range' | 'branch' | 'unknown';

export interface Requirement {
  /** The requirement as written, unquoted (`numpy>=1.20`, `git+https://github.com/o/r`). */
  spec: string;
  status: RequirementStatus;
  /**
   * A version bound written unquoted after the name (`numpy>=1.20` in `!pip install numpy>=1.20`):
   * the shell reads it as a redirection of pip's output (`>`) or input (`<`), so pip never sees it.
   */
  redirectedBound?: string;
}

export interface InstallCommand {
  /** The installer as written: pip (also `python -m pip`, `uv pip`), conda (also mamba), or OpenMMLab's `mim`, which installs through pip. */
  tool: 'pip' | 'conda' | 'mim';
  requirements: Requirement[];
  /**
   * The versions are decided elsewhere for everything the command installs: a constraints file
   * (`-c`), or `--no-index` (only local wheels and `--find-links` sources).
   */
  constrained: boolean;
}

/**
 * Packaging tools themselves (the installers `pip`, `uv`, `conda`, `mamba`, the build tools, a
 * package remover): upgrading them does not change what the analysis computes. `ninja` only runs
 * the compile commands PyTorch's extension builder writes for it; the compiler and flags are theirs.
 */
const TOOLING = new Set([
  'pip', 'setuptools', 'wheel', 'ninja', 'python', 'conda', 'mamba', 'uv', 'pip-autoremove', 'pip3-autoremove',
  // Clients that only fetch files from a storage service (`!pip install kaggle`, then `!kaggle
  // datasets download -d owner/set`): the files are the ones the command names, whichever release
  // of the client fetches them, so its version changes how the data arrives, not what the code computes.
  'kaggle', 'kagglehub', 'gdown', 'awscli', 'gsutil',
  // Clients that only open a tunnel to a server the notebook runs (`!pip install pyngrok`, then
  // `ngrok.connect(8000)` in front of a demo API): their version changes how the server is reached
  // from outside, not what it serves.
  'pyngrok', 'ngrok', 'flask-ngrok',
  // The notebook's own front end and its widget layer (`!pip install --upgrade jupyter jupyterlab
  // ipywidgets`, so that a progress bar draws): they show the cells and their outputs, and their
  // version changes how results are displayed, not what the code computes.
  'jupyter', 'jupyterlab', 'notebook', 'nbclassic', 'ipywidgets', 'widgetsnbextension', 'jupyterlab-widgets',
  'jupyterlab_widgets',
]);
const BRANCHES = /^(main|master|develop|dev|devel|trunk|head|latest|nightly|stable)$/i;

const PIP_VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f',
  '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--upgrade-strategy', '--platform', '--python-version',
  '--implementation', '--abi', '--only-binary', '--no-binary', '--progress-bar', '--log', '--cache-dir', '--timeout',
  '--retries', '--trusted-host', '--proxy', '--cert', '--client-cert', '--exists-action', '--config-settings', '-C',
  '--global-option', '--install-option', '--report', '--root-user-action', '--python', '-p', '--use-feature',
  '--use-deprecated', '--index', '--default-index', '--group', '--extra', '--resolution', '--prerelease',
  // uv pip's own options that take a value (`--index-strategy unsafe-best-match` names no package).
  '--requirements', '--constraints', '--overrides', '--build-constraints', '--index-strategy', '--keyring-provider',
  '--link-mode', '--python-platform', '--fork-strategy', '--exclude-newer', '--reinstall-package', '--upgrade-package',
  '--refresh-package', '--no-build-isolation-package', '--allow-insecure-host', '--torch-backend', '--config-file',
  '--directory', '--project', '--color',
]);
const CONDA_VALUE_OPTIONS = new Set(['-c', '--channel', '-n', '--name', '-p', '--prefix', '--file', '--solver', '--repodata-fn', '--subdir', '--platform']);

/** Splits a command line into shell words; `&&`, `||`, `;` and `|` become their own words. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  const flush = () => {
    if (word !== '' || quoted) words.push(word);
    word = '';
    quoted = false;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'" || ch === '"') {
      const close = line.indexOf(ch, i + 1);
      const end = close < 0 ? line.length : close;
      word += line.slice(i + 1, end);
      quoted = true;
      i = end;
    } else if (ch === '\\' && i + 1 < line.length) {
      if (line[i + 1] !== '\n') word += line[i + 1];
      i++;
    } else if (/\s/.test(ch)) {
      flush();
    } else if (ch === '#' && word === '' && !quoted) {
      break; // a comment
    } else if (ch === '&' && ((line[i + 1] === '>' && word === '') || word.endsWith('>'))) {
      word += ch; // `&>file`, `2>&1`: redirections
    } else if (ch === '>' || ch === '<') {
      // An unquoted `>` or `<` starts a redirection and ends the word before it (unless that word is
      // the descriptor, `2>`, or the operator itself, `>>`): `pip install numpy>=1.20` installs any
      // numpy and writes pip's output to a file named `=1.20`.
      if (!/^(\d*|&|.*[<>])$/.test(word) || quoted) flush();
      word += ch;
    } else if (ch === ';' || ch === '|' || ch === '&') {
      flush();
      const two = line.slice(i, i + 2);
      const operator = two === '&&' || two === '||' ? two : ch;
      words.push(operator);
      i += operator.length - 1;
    } else {
      word += ch;
    }
  }
  flush();
  return words;
}

const SEPARATORS = new Set(['&&', '||', ';', '|', '&']);

/** The install commands in one command line. */
export function installCommands(line: string): InstallCommand[] {
  // A command needs the word `install`; only quotes and backslashes can build it from other
  // characters, so a line with neither and without the word has none (most magics and commands).
  if (!line.includes('install') && !/['"\\]/.test(line)) return [];
  const commands: InstallCommand[] = [];
  let previous: string[] | undefined;
  for (const { words, after } of shellCommandsWithOperators(line)) {
    const command = parseCommand(words);
    // `python -c "import pickle" || pip install pickle` installs only when the import fails, which
    // it never does for a module of the standard library.
    if (command && !(after === '||' && previous && importsOnlyStandardLibrary(previous))) commands.push(command);
    previous = words;
  }
  return commands;
}

/** `python -c "import os, json; import pickle"`: a check that imports only modules every Python ships. */
function importsOnlyStandardLibrary(words: readonly string[]): boolean {
  const at = programIndex(words);
  if (!/^python[\d.]*$/.test((words[at] ?? '').replace(/^.*\//, '')) || words[at + 1] !== '-c' || words.length !== at + 3) return false;
  const statements = words[at + 2].split(';').map((statement) => statement.trim()).filter(Boolean);
  return statements.length > 0 && statements.every((statement) => {
    const names = /^import\s+([\w.]+(?:\s*,\s*[\w.]+)*)$/.exec(statement)?.[1];
    return !!names && names.split(',').every((name) => alwaysImportable(name.trim()));
  });
}

/** The commands of one command line with the operator that joins each to the one before (`&&`, `||`, `;`, `|`, `&`). */
function shellCommandsWithOperators(line: string): { words: string[]; after?: string }[] {
  const words = shellWords(line);
  const commands: { words: string[]; after?: string }[] = [];
  let start = 0;
  let operator: string | undefined;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && !SEPARATORS.has(words[i])) continue;
    if (i > start) commands.push({ words: words.slice(start, i), after: operator });
    operator = words[i];
    start = i + 1;
  }
  return commands;
}

/** The commands of one command line, each as its words: `&&`, `||`, `;`, `|` and `&` separate them. */
function shellCommands(line: string): string[][] {
  return shellCommandsWithOperators(line).map((command) => command.words);
}

/** Options of pip and conda written before the subcommand that take a value (`--timeout 60`); the others take none (`-q`, `--no-cache-dir`). */
const GENERAL_OPTIONS_WITH_VALUE = new Set(['--proxy', '--timeout', '--retries', '--cache-dir', '--log', '--python', '--cert', '--client-cert', '--trusted-host', '--exists-action', '--keyring-provider', '--use-feature', '--use-deprecated']);

/** Where a command's program is: `sudo` and environment assignments (`DEBIAN_FRONTEND=noninteractive`) come before it. */
function programIndex(words: readonly string[]): number {
  let i = 0;
  while (i < words.length && (words[i] === 'sudo' || /^\w+=/.test(words[i]))) i++;
  return i;
}

function parseCommand(input: string[]): InstallCommand | undefined {
  const { words, bounds } = withoutRedirections(input);
  let i = programIndex(words);
  const program = (words[i] ?? '').replace(/^.*\//, '');
  let tool: InstallCommand['tool'] | undefined;
  if (/^pip[\d.]*$/.test(program)) [tool, i] = ['pip', i + 1];
  else if (/^(python[\d.]*|py|\{sys\.executable\}|\$\{?\w+\}?)$/.test(program) && words[i + 1] === '-m' && /^pip[\d.]*$/.test(words[i + 2] ?? '')) [tool, i] = ['pip', i + 3];
  else if (program === 'uv' && words[i + 1] === 'pip') [tool, i] = ['pip', i + 2];
  else if (/^(conda|mamba|micromamba)$/.test(program)) [tool, i] = ['conda', i + 1];
  // OpenMMLab's `mim install mmcv` hands pip its requirements, with the index of builds that matches the installed PyTorch.
  else if (program === 'mim') [tool, i] = ['mim', i + 1];
  else if (/^(python[\d.]*|py)$/.test(program) && words[i + 1] === '-m' && words[i + 2] === 'mim') [tool, i] = ['mim', i + 3];
  if (!tool) return undefined;
  // General options may come before the subcommand: `pip -q install x`, `pip --timeout 60 install x`.
  while (i < words.length && words[i].startsWith('-')) i += GENERAL_OPTIONS_WITH_VALUE.has(words[i]) ? 2 : 1;
  if (words[i] !== 'install') return undefined;
  const args = words.slice(i + 1);
  // A second IPython escape among the arguments (`!pip install a==1 !pip install b`, two commands
  // whose line break was lost) is no requirement: the installer reads every requirement before it
  // installs any, refuses the whole line, and installs nothing.
  if (args.some((arg) => /^[!%]/.test(arg))) return { tool, requirements: [], constrained: false };
  const command = tool === 'conda' ? parseConda(args) : parsePip(args, tool);
  for (const requirement of command.requirements) {
    const at = args.indexOf(requirement.spec);
    const bound = at < 0 ? undefined : bounds[i + 1 + at];
    if (bound !== undefined && requirement.status === 'unpinned') requirement.redirectedBound = bound;
  }
  return command;
}

/** `>=1.20`, `<2`, `>1.0`: a redirection whose target reads as a version, written against the name before it. */
const VERSION_REDIRECT = /^([<>])(=?\d[\w.*]*)$/;

/**
 * Drops `> file`, `2>&1`, `>/dev/null`, `&>log`; keeps, for the word before it, a redirection
 * that is a version bound the shell took for one (`numpy>=1.20` unquoted).
 */
function withoutRedirections(input: string[]): { words: string[]; bounds: (string | undefined)[] } {
  const words: string[] = [];
  const bounds: (string | undefined)[] = [];
  for (let i = 0; i < input.length; i++) {
    const redirect = /^(\d*>>?|&>>?|\d*<)(.*)$/.exec(input[i]);
    if (!redirect) {
      words.push(input[i]);
      bounds.push(undefined);
      continue;
    }
    if (VERSION_REDIRECT.test(input[i]) && words.length > 0) bounds[words.length - 1] = input[i];
    if (redirect[2] === '') i++; // the target is the next word
  }
  return { words, bounds };
}

/**
 * The option a word sets and its inline value: `--index-url=URL`, `-rreq.txt`, and bundled short
 * flags (`-qU`, `-qr req.txt`, where the first letter that takes a value ends the bundle).
 */
function optionOf(word: string, valueOptions: ReadonlySet<string>): { option?: string; inline?: string } {
  if (word.startsWith('--')) {
    const at = word.indexOf('=');
    return at < 0 ? { option: word } : { option: word.slice(0, at), inline: word.slice(at + 1) };
  }
  for (let i = 1; i < word.length; i++) {
    const option = `-${word[i]}`;
    if (valueOptions.has(option)) return i + 1 < word.length ? { option, inline: word.slice(i + 1) } : { option };
  }
  return {};
}

function parsePip(args: string[], tool: 'pip' | 'mim'): InstallCommand {
  const requirements: Requirement[] = [];
  let constrained = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('-')) {
      const { option, inline } = optionOf(arg, PIP_VALUE_OPTIONS);
      if (option === '--no-index') constrained = true;
      if (!option || !PIP_VALUE_OPTIONS.has(option)) continue; // a flag: -U, -q, --no-deps, --user...
      const value = inline ?? args[++i];
      if (option === '-c' || option === '--constraint' || option === '--constraints') constrained = true;
      // `-e` takes a local project or a VCS URL, never a name from an index: `-e audio-utils` is the
      // folder of that name (a clone beside the notebook), pinned as any local path is.
      if ((option === '-e' || option === '--editable') && value !== undefined) requirements.push(classifyEditable(value));
      continue;
    }
    // PEP 508 direct reference written as three words: `name @ url`.
    if (args[i + 1] === '@' && args[i + 2] !== undefined) {
      requirements.push({ spec: `${arg} @ ${args[i + 2]}`, status: classifyLocation(args[i + 2]) });
      i += 2;
      continue;
    }
    requirements.push(classifyPip(arg));
  }
  // pip resolves one version of a distribution per command: `datasets[s3]` beside
  // `datasets[audio]==1.16.1` installs 1.16.1, so a bare requirement adds extras to the version
  // another requirement of the command pins or bounds, and that one is judged instead.
  const versioned = new Set(requirements.filter((r) => r.status === 'pinned' || r.status === 'range').map((r) => distributionOf(r.spec)));
  versioned.delete(undefined);
  const judged = requirements.filter((r) => !(r.status === 'unpinned' && versioned.has(distributionOf(r.spec))));
  return { tool, requirements: judged.filter((r) => !TOOLING.has(nameOf(r.spec))), constrained };
}

/** The distribution a requirement names, normalised as pip compares them (`Datasets[s3]` is `datasets`); none for a URL or path. */
function distributionOf(spec: string): string | undefined {
  if (isLocationLike(spec)) return undefined;
  return /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)?.[0].toLowerCase().replace(/[-_.]+/g, '-');
}

function nameOf(spec: string): string {
  return (/^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec.replace(/^[\w.-]+::/, ''))?.[0] ?? '').toLowerCase();
}

/** A pip requirement: a name with specifiers, a URL, a VCS reference or a local path. */
export function classifyPip(spec: string): Requirement {
  if (/[{}$]/.test(spec)) return { spec, status: 'unknown' };
  // A requirements file named without `-r` (`pip install requirements.txt`): pip does not read the
  // file but looks for a package of that name, and there is none to choose a release of (PyPI
  // forbids `requirements.txt`; the few such names taken abort their own install to catch the slip).
  if (/^[\w.-]+\.txt$/i.test(spec)) return { spec, status: 'unknown' };
  const direct = /^([A-Za-z0-9][\w.-]*(?:\[[^\]]*\])?)\s*@\s*(\S.*)$/.exec(spec);
  if (direct) return { spec, status: classifyLocation(direct[2]) };
  if (isLocationLike(spec)) return { spec, status: classifyLocation(spec) };
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*)/.exec(spec);
  if (!match) return { spec, status: 'unknown' };
  return { spec, status: classifySpecifiers(match[3]) };
}

/** The value of pip's `-e`: a VCS URL (pinned unless it follows a branch) or a local folder. */
function classifyEditable(spec: string): Requirement {
  return { spec, status: classifyLocation(spec) };
}

function isLocationLike(spec: string): boolean {
  return /^(\.|\/|~|[a-z]+\+|[a-z]+:\/\/|file:)/i.test(spec) || /\.(whl|zip|tar\.gz|tgz|tar\.bz2)$/i.test(spec);
}

/** A URL, VCS reference or path: pinned unless it follows a branch. */
function classifyLocation(location: string): RequirementStatus {
  if (/[{}$]/.test(location)) return 'unknown';
  const vcs = /^(git|hg|svn|bzr)\+[a-z]+:\/\/(.*)$/i.exec(location);
  if (vcs) {
    // The revision follows the last `@` of the path (an `@` in `git@github.com` is the user).
    const afterHost = vcs[2].slice(vcs[2].indexOf('/') + 1).replace(/#.*$/, '');
    const at = afterHost.lastIndexOf('@');
    if (at < 0) return 'branch';
    return BRANCHES.test(afterHost.slice(at + 1)) ? 'branch' : 'pinned';
  }
  if (/^https?:\/\//i.test(location) && /\/(archive|zipball|tarball)\/(refs\/heads\/)?(main|master|develop|dev|head)(\.zip|\.tar\.gz)?$/i.test(location)) return 'branch';
  return 'pinned';
}

/**
 * Version specifiers: `==`, `===` and `~=` pin (a release or a compatible series), as do a lower
 * and an upper bound together (`>=2.0,<2.1`), and an inclusive cap on a release (`<=8.3.40`): the
 * installer takes the newest release that satisfies it, and no release made later can be newer than
 * the cap yet within it, so every run installs the cap itself (a `!=` beside it may exclude the cap,
 * and leaves it open). A bound on one side only is a range; nothing at all is unpinned.
 */
function classifySpecifiers(text: string): RequirementStatus {
  const specifiers = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (specifiers.length === 0) return 'unpinned';
  const ops = specifiers.map((s) => /^(===|==|~=|>=|<=|!=|>|<|=)/.exec(s)?.[1]);
  if (ops.some((op) => op === '==' || op === '===' || op === '~=' || op === '=')) return 'pinned';
  const cap = specifiers.some((s) => /^<=\s*v?\d+(\.\d+)*$/.test(s));
  if (cap && !ops.includes('!=')) return 'pinned';
  const lower = ops.some((op) => op === '>=' || op === '>');
  const upper = ops.some((op) => op === '<=' || op === '<');
  if (lower && upper) return 'pinned';
  return lower || upper ? 'range' : 'unknown';
}

function parseConda(args: string[]): InstallCommand {
  const requirements: Requirement[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('-')) {
      const { option, inline } = optionOf(arg, CONDA_VALUE_OPTIONS);
      if (option && CONDA_VALUE_OPTIONS.has(option) && inline === undefined) i++;
      continue;
    }
    requirements.push(classifyConda(arg));
  }
  return { tool: 'conda', requirements: requirements.filter((r) => !TOOLING.has(nameOf(r.spec))), constrained: false };
}

/** A conda spec: `name`, `name=1.2`, `name==1.2`, `name>=1.2`, `channel::name=1.2`, `name 1.2`. */
export function classifyConda(spec: string): Requirement {
  if (/[{}$]/.test(spec)) return { spec, status: 'unknown' };
  if (isLocationLike(spec)) return { spec, status: 'pinned' };
  const match = /^(?:[\w.-]+::)?([A-Za-z0-9_][\w.-]*)\s*(.*)$/.exec(spec);
  if (!match) return { spec, status: 'unknown' };
  const rest = match[2].trim();
  if (rest.startsWith('[')) return { spec, status: 'unknown' };
  if (/^\d/.test(rest)) return { spec, status: 'pinned' }; // "numpy 1.26"
  return { spec, status: classifySpecifiers(rest) };
}

/** Line magics that run a shell command: `%pip install x`, `%system pip install x`. */
export const TOOL_MAGICS = new Set(['pip', 'conda', 'mamba', 'micromamba', 'uv']);
const SYSTEM_MAGICS = new Set(['system', 'sx', 'sc']);
const SHELL_CELL_MAGICS = new Set(['bash', 'sh', 'script']);

/** The shell command a line magic or `!` escape runs, if it runs one. */
export function magicCommand(magic: Magic): string | undefined {
  const text = magic.text.replace(/\\\r?\n/g, ' ');
  if (magic.kind === 'shell') return text.replace(/^!+/, '');
  if (magic.kind === 'automagic') return text;
  if (magic.kind !== 'line-magic') return undefined;
  const body = text.replace(/^%+/, '');
  if (TOOL_MAGICS.has(magic.name)) return body;
  if (SYSTEM_MAGICS.has(magic.name)) return body.slice(magic.name.length);
  return undefined;
}

/** Each body line of a `%%bash` / `%%sh` / `%%script bash` cell, with its range. */
export function shellCellLines(magic: Magic): { command: string; range: Range }[] {
  if (magic.kind !== 'cell-magic' || !SHELL_CELL_MAGICS.has(magic.name)) return [];
  const lines = magic.text.split('\n');
  if (magic.name === 'script' && !/^%%script\s+(ba|z)?sh\b/.test(lines[0])) return [];
  return lines.slice(1).map((line, i) => {
    const row = magic.range.start.line + i + 1;
    return { command: line.replace(/\r$/, ''), range: { start: { line: row, character: 0 }, end: { line: row, character: line.replace(/\r$/, '').length } } };
  });
}

/** A shell line that runs nothing: blank, or a comment. */
function runsNothing(line: string): boolean {
  const text = line.trim();
  return text === '' || text.startsWith('#');
}

/**
 * Shell programs that only put files in place: fetch (`wget`, `curl`, `git clone`, Google Drive's
 * `gdown`, `aria2c`), unpack (`unzip`, `tar`, `gunzip`), copy or make a folder. What they leave is on disk, which a restart of
 * the kernel keeps, and fetching or copying the same files again leaves the same files.
 */
const FILE_SET_UP = /^(wget|curl|unzip|tar|gunzip|cp|mkdir|cd|gdown|aria2c)$/;

/**
 * A dataset download through a hosting service's own command-line client: Kaggle's `kaggle
 * datasets download -d owner/name` or `kaggle competitions download -c titanic`, the Hugging Face
 * client's `huggingface-cli download` (`hf download`). Like `wget`, it only puts files on disk; the
 * client's other subcommands (`kaggle competitions submit`, `kaggle kernels push`, `hf upload`)
 * send something away or read what the notebook wrote, and are not set-up.
 */
function downloadsOnly(program: string, args: readonly string[]): boolean {
  const words = args.filter((word) => !word.startsWith('-'));
  if (program === 'kaggle') return (words[0] === 'datasets' || words[0] === 'competitions') && words[1] === 'download';
  if (program === 'huggingface-cli' || program === 'hf') return words[0] === 'download';
  return false;
}

/**
 * git subcommands that record the work in version control or look at it (`git add .`, `git commit
 * -m ...`, `git push`): they leave every file of the working tree as it was. `pull`, `checkout`,
 * `reset` and the like change files, and are not among them.
 */
const VERSION_CONTROL_RECORDS = /^(add|commit|push|status|log|diff|show|config|remote|init)$/;

/**
 * A system package manager's install, or the refresh of its index that an install needs
 * (`apt-get update; apt-get install -y graphviz`, `brew install libomp`): like a pip install, it
 * changes the machine, not the kernel's variables.
 */
const SYSTEM_INSTALLER = /^(apt|apt-get|yum|dnf|apk|brew)$/;
const SYSTEM_INSTALL_VERB = /^(install|update|add)$/;

/**
 * Whether a shell line only sets the environment up: every command on it a package install (pip,
 * conda or the system's), a command that fetches, unpacks or copies files
 * (`git clone URL && pip install -e ./repo`), or one that records the work in git (`git commit`).
 */
function setsUpOnly(line: string): boolean {
  if (installCommands(line).length > 0) return true;
  const commands = shellCommands(line);
  return commands.length > 0 && commands.every((command) => {
    const at = programIndex(command);
    const program = (command[at] ?? '').replace(/^.*\//, '');
    return FILE_SET_UP.test(program) || downloadsOnly(program, command.slice(at + 1)) || (program === 'git' && (command.includes('clone') || VERSION_CONTROL_RECORDS.test(command.slice(at + 1).find((word) => !word.startsWith('-')) ?? '')))
      || (SYSTEM_INSTALLER.test(program) && SYSTEM_INSTALL_VERB.test(command.slice(at + 1).find((word) => !word.startsWith('-')) ?? ''));
  });
}

/**
 * Whether a line magic or shell escape only installs packages (`!pip install -Uqq fastbook`,
 * `%conda install -y faiss`, its log sent to /dev/null): it writes into the environment, not to a
 * file a cell reads by name. A fetch, a copy or an output redirected to a file writes files.
 */
export function magicInstallsOnly(magic: Magic): boolean {
  const command = magicCommand(magic);
  if (command === undefined || /\d?>/.test(command.replace(/\d?>>?\s*\/dev\/null|\d?>&\d/g, ''))) return false;
  const commands = shellCommands(command);
  return commands.length > 0 && commands.every((words) => parseCommand(words) !== undefined);
}

/**
 * Whether a magic only sets the environment up (setsUpOnly): a `!pip install`, `%pip` or `!wget`
 * line, or a `%%bash` body whose every command line installs, fetches, unpacks or copies files.
 */
export function magicSetsUpOnly(magic: Magic): boolean {
  const command = magicCommand(magic);
  if (command !== undefined) return setsUpOnly(command);
  const body = shellCellLines(magic);
  return body.some((line) => setsUpOnly(line.command)) && body.every((line) => runsNothing(line.command) || setsUpOnly(line.command) || stepsAroundSetUp(line.command));
}

/** The words of a shell script's conditionals and loops, alone on a line or ending one (`then`, `fi`, `done`). */
const SHELL_CONTROL = /^(if|then|else|elif|fi|for|while|do|done)$/;
/** Commands that only print or move between folders: what a fetch script shows and where it works. */
const PRINTS_OR_STEERS = /^(echo|printf|ls|pwd|pushd|popd|cd|true)$/;
/** An archive a fetch script deletes once unpacked. */
const ARCHIVE = /\.(zip|tar|tgz|tar\.gz|tar\.bz2|tar\.xz|gz|7z)$/;

/**
 * A line of a `%%bash` fetch script that sets nothing up itself but only steers it: a conditional
 * around the fetch (`if [ -d "20news-bydate-train" ]`, `then`, `else`, `fi`), a print or a listing
 * (`echo "already downloaded"`, `ls data/`), a move between folders (`pushd data`, `popd`), or the
 * removal of the archive it unpacked (`rm 20news-bydate.tar.gz`). Anything else is code of its own.
 */
function stepsAroundSetUp(line: string): boolean {
  const words = shellWords(line.trim().replace(/;\s*(then|do)$/, ''));
  const [first, ...rest] = words;
  if (first === undefined) return true;
  if (SHELL_CONTROL.test(first)) return first === 'if' || first === 'elif' || first === 'while' ? rest[0] === '[' || rest[0] === 'test' : rest.length === 0;
  if (PRINTS_OR_STEERS.test(first)) return !words.some((word) => /^[>|]|^\d?>/.test(word));
  if (first === 'rm') return rest.length > 0 && rest.every((word) => word.startsWith('-') || ARCHIVE.test(word));
  return false;
}

/**
 * The notebook cells (indices into `doc.segments`) that only set the environment up: every line
 * blank, a comment, a pip or conda install, or a command that fetches, unpacks or copies files
 * (setsUpOnly), run through a shell escape, a `%pip`-style magic or the body of a `%%bash` cell
 * (under `%%capture`, which only hides the output, too). Such a cell changes the environment and
 * the files on disk, not the kernel's variables. At least one line installs or fetches something.
 */
export function setUpOnlyCells(doc: SourceDocument): Set<number> {
  const covered = new Set<number>();
  const settingUp = new Set<number>();
  for (const magic of doc.magics) {
    if (magicSetsUpOnly(magic)) settingUp.add(magic.segmentIndex);
    else if (magic.kind !== 'cell-magic' || magic.name !== 'capture') continue;
    for (let line = magic.range.start.line; line <= magic.range.end.line; line++) covered.add(line);
  }
  // `import sys` for an install into the kernel's own Python (`!{sys.executable} -m pip install x`)
  // only serves that line: the cell still only sets up.
  const usesInterpreter = new Set(doc.magics.filter((magic) => settingUp.has(magic.segmentIndex) && INTERPRETER.test(magic.text)).map((magic) => magic.segmentIndex));
  // A test of where the notebook runs (`IN_COLAB = "google.colab" in sys.modules`, then `if
  // IN_COLAB:`) reads a fact of the machine, the same in every session, so the install it guards is
  // still only an install.
  const flags = colabFlags(doc);
  // `%matplotlib inline` picks the backend a notebook's kernel draws with by default anyway: a
  // session that never ran it draws the same, so it leaves a set-up cell a set-up cell.
  const backendLines = doc.magics.filter((magic) => magic.name === 'matplotlib' && (magic.kind === 'line-magic' || magic.kind === 'automagic') && /^%?matplotlib\s+inline\s*$/.test(magic.text.trim()))
    .map((magic) => magic.range.start.line);
  const cells = new Set<number>();
  for (const segmentIndex of settingUp) {
    const segment = doc.segments[segmentIndex];
    const skip = new Set([...covered, ...placeGuardLines(doc, segment, flags), ...backendLines]);
    if (usesInterpreter.has(segmentIndex)) for (const line of importSysLines(doc, segment)) skip.add(line);
    if (cellRunsNothing(doc, segment, skip)) cells.add(segmentIndex);
  }
  return cells;
}

/** `"google.colab" in sys.modules`: whether the kernel runs in Colab, a fact of the machine. */
const IN_COLAB_TEST = String.raw`(['"])google\.colab\1\s+in\s+sys\.modules`;
const COMMENT_TAIL = String.raw`\s*(#.*)?$`;
const FLAG_ASSIGNMENT = new RegExp(String.raw`^\s*([A-Za-z_]\w*)\s*=\s*` + IN_COLAB_TEST.replace('\\1', '\\2') + COMMENT_TAIL);

/** A line of the notebook's own text, without its line break. */
function lineText(doc: SourceDocument, line: number): string {
  return doc.original.slice(doc.lineStarts[line], doc.lineStarts[line + 1] ?? doc.original.length).replace(/(\r\n|\r|\n)$/, '');
}

/**
 * The names a notebook binds only to whether it runs in Colab (`IN_COLAB = "google.colab" in
 * sys.modules`): a name also bound another way anywhere (`IN_COLAB = False`, a loop variable, an
 * import, a keyword argument of that name) may hold the notebook's own choice, and is no such flag.
 */
function colabFlags(doc: SourceDocument): Set<string> {
  const flags = new Set<string>();
  const lines = doc.lineStarts.map((_, line) => lineText(doc, line));
  for (const text of lines) {
    const match = FLAG_ASSIGNMENT.exec(text);
    if (match) flags.add(match[1]);
  }
  for (const name of [...flags]) {
    const word = new RegExp(String.raw`(^|[^\w.])${name}\b`);
    const otherwise = new RegExp(String.raw`(^|[^\w.])${name}\s*(:=|[-+*/%&|^@]=)|\b(as|def|class|import|global|nonlocal)\s+${name}\b|\bfor\s+[^:]*(^|[^\w.])${name}\b[^:]*\bin\b`);
    const binds = (text: string): boolean => {
      const code = text.replace(/#.*$/, '');
      const target = /^([^=#]*?)(?<![=!<>+\-*/%&|^:@])=(?!=)/.exec(code);
      return (target !== null && word.test(target[1])) || otherwise.test(code);
    };
    if (lines.some((text) => !FLAG_ASSIGNMENT.test(text) && binds(text))) flags.delete(name);
  }
  return flags;
}

/**
 * The lines of a cell that only test where the notebook runs, around the installs they guard:
 * `import sys`, a Colab flag bound (colabFlags), `if IN_COLAB:` (or `if not IN_COLAB:`, `else:`,
 * `if "google.colab" in sys.modules:`), and `try:` / `import google.colab` / `except ImportError:`
 * / `pass`. None of them binds a value a session could see differently.
 */
function placeGuardLines(doc: SourceDocument, segment: Segment, flags: ReadonlySet<string>): number[] {
  const lines: number[] = [];
  let testsPlace = false;
  for (let line = segment.startLine; line < segment.startLine + segment.lineCount; line++) {
    const text = lineText(doc, line);
    const flag = FLAG_ASSIGNMENT.exec(text);
    const test = /^\s*(el)?if\s+(not\s+)?(.+?)\s*:\s*(#.*)?$/.exec(text);
    const colabTest = new RegExp('^' + IN_COLAB_TEST + '$');
    if ((flag && flags.has(flag[1])) || (test !== null && (flags.has(test[3]) || colabTest.test(test[3]))) || /^\s*import\s+google\.colab\s*(#.*)?$/.test(text)) testsPlace = true;
    const guard = (flag && flags.has(flag[1]))
      || /^\s*import\s+sys\s*(#.*)?$/.test(text)
      || /^\s*(try|else)\s*:\s*(#.*)?$/.test(text)
      || /^\s*import\s+google\.colab\s*(#.*)?$/.test(text)
      || /^\s*except\s+\(?\s*(ImportError|ModuleNotFoundError)(\s*,\s*(ImportError|ModuleNotFoundError))*\s*\)?(\s+as\s+\w+)?\s*:\s*(#.*)?$/.test(text)
      || /^\s*pass\s*(#.*)?$/.test(text)
      || (test !== null && (flags.has(test[3]) || colabTest.test(test[3])));
    if (guard) lines.push(line);
  }
  // Without a test of where the notebook runs, the cell has no such guard (`try:` alone, `import sys`
  // alone beside an install: those are judged as before).
  return testsPlace ? lines : [];
}

/** The kernel's interpreter named in a shell line: `{sys.executable}`. */
const INTERPRETER = /\{sys\.executable\}/;

/** The lines of a cell that only `import sys`. */
function importSysLines(doc: SourceDocument, segment: Segment): number[] {
  const lines: number[] = [];
  for (let line = segment.startLine; line < segment.startLine + segment.lineCount; line++) {
    if (/^\s*import\s+sys\s*(#.*)?$/.test(lineText(doc, line))) lines.push(line);
  }
  return lines;
}

/**
 * Whether every line of a cell, apart from the lines in `skip`, runs nothing: blank or a comment
 * (as read in the cell's own text, where a `!pip` line is still a command).
 */
export function cellRunsNothing(doc: SourceDocument, segment: Segment, skip: ReadonlySet<number> = new Set()): boolean {
  for (let line = segment.startLine; line < segment.startLine + segment.lineCount; line++) {
    if (skip.has(line)) continue;
    if (!runsNothing(lineText(doc, line))) return false;
  }
  return true;
}
