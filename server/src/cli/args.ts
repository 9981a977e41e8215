// The command line of `mldebt`: commands, options and the one-line usage errors (with a "did you
// mean" suggestion) that point to --help instead of printing the whole usage.
import { RULES } from '../analyze';
import { closest } from './suggest';

export const USAGE = `Usage: mldebt check [PATH...] [options]
       mldebt rules
       mldebt explain CODE

Finds the hidden technical debt of ML code (Sculley et al., NeurIPS 2015) in
Python scripts (.py) and Jupyter notebooks (.ipynb).

Options for check:
  --format FORMAT            text (default), json, sarif, html, github (workflow
                             annotations) or junit (XML for CI dashboards)
  --select CODES             only these rules (comma-separated codes, prefixes like MLD8,
                             names, or ALL); default: the recommended rules
  --extend-select CODES      these rules besides the selected ones (e.g. opt-in rules)
  --ignore CODES             skip these rules
  --fix                      apply the safe fixes to the files
  --unsafe-fixes             with --fix or --diff, apply the unsafe fixes too
  --diff                     print what --fix would change as a unified diff; change nothing
  --baseline FILE            report only findings that are not in the baseline FILE
  --write-baseline FILE      record today's findings in FILE (JSON) and exit 0
  --statistics               print the number of findings per rule
  --verbose                  print messages in full instead of shortened to the terminal width
  --color WHEN               never, always or auto (default: auto: on a terminal, unless NO_COLOR is set)
  --output FILE              write the report to FILE instead of standard output
  --exit-zero                exit 0 even when there are findings
  --jobs N                   check files in up to N worker threads (default: one per CPU;
                             a run with little to analyse stays on one thread)
  --no-cache                 neither read nor write the result cache
  --cache-dir DIR            keep the result cache in DIR (default: $MLDEBT_CACHE_DIR, else
                             .mldebt_cache at the project root)
  -h, --help                 show this help
  --version                  show the version

The cache keeps each file's results under its bytes, its configuration and the tool's build,
so a second run reads unchanged files instead of analysing them; --fix and --diff never use it.
When standard error is a terminal it shows a progress bar for runs over a second, then a line
with the files, lines, time and lines/s (--verbose prints that line on any standard error).

Exit status: 0 no findings, 1 findings (or files that do not parse), 2 usage or I/O error.`;

export class UsageError extends Error {}

export const FORMATS = ['text', 'json', 'sarif', 'html', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];
const COLORS = ['never', 'always', 'auto'] as const;
export type ColorWhen = (typeof COLORS)[number];

export interface CheckOptions {
  paths: string[];
  format: Format;
  select?: string[];
  extendSelect: string[];
  ignore: string[];
  output?: string;
  exitZero: boolean;
  fix: boolean;
  unsafeFixes: boolean;
  diff: boolean;
  baseline?: string;
  writeBaseline?: string;
  statistics: boolean;
  verbose: boolean;
  color: ColorWhen;
  /** The most worker threads; undefined: one per CPU. */
  jobs?: number;
  /** Whether to read and write the result cache. */
  cache: boolean;
  cacheDir?: string;
}

const VALUE_OPTIONS = ['--format', '--select', '--extend-select', '--ignore', '--output', '--baseline', '--write-baseline', '--color', '--jobs', '--cache-dir'];
const FLAG_OPTIONS = ['--exit-zero', '--fix', '--unsafe-fixes', '--diff', '--statistics', '--verbose', '--no-cache', '--help', '--version'];
export const COMMANDS = ['check', 'rules', 'explain', 'help'];

/** A usage error for an unknown word, with the closest known one when it is a plausible typo. */
export function unknown(what: string, word: string, candidates: readonly string[]): UsageError {
  const suggestion = closest(word, candidates);
  return new UsageError(`unknown ${what} "${word}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const suggestion = closest(value, allowed);
  throw new UsageError(`${flag} must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, not "${value}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
}

function positiveInteger(flag: string, value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && Number.isSafeInteger(n))) throw new UsageError(`${flag} must be a whole number of at least 1, not "${value}"`);
  return n;
}

function checkSelector(selector: string): void {
  const upper = selector.toUpperCase();
  if (upper === 'ALL' || RULES.some((r) => r.meta.code.startsWith(upper) || r.meta.name === selector)) return;
  throw unknown('rule', selector, RULES.flatMap((r) => [r.meta.code, r.meta.name]));
}

export function parseCheckArgs(args: readonly string[]): CheckOptions {
  const options: CheckOptions = {
    paths: [], format: 'text', extendSelect: [], ignore: [], exitZero: false, fix: false, unsafeFixes: false, diff: false, statistics: false, verbose: false, color: 'auto', cache: true,
  };
  let onlyPaths = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (!VALUE_OPTIONS.includes(flag) && !FLAG_OPTIONS.includes(flag)) throw unknown('option', flag, [...VALUE_OPTIONS, ...FLAG_OPTIONS]);
    if (FLAG_OPTIONS.includes(flag) && inline !== undefined) throw new UsageError(`${flag} takes no value`);
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const codes = () => value().split(',').map((s) => s.trim()).filter(Boolean);
    switch (flag) {
      case '--format': options.format = oneOf(flag, value(), FORMATS); break;
      case '--color': options.color = oneOf(flag, value(), COLORS); break;
      case '--select': options.select = [...(options.select ?? []), ...codes()]; break;
      case '--extend-select': options.extendSelect.push(...codes()); break;
      case '--ignore': options.ignore.push(...codes()); break;
      case '--output': options.output = value(); break;
      case '--baseline': options.baseline = value(); break;
      case '--write-baseline': options.writeBaseline = value(); break;
      case '--exit-zero': options.exitZero = true; break;
      case '--fix': options.fix = true; break;
      case '--unsafe-fixes': options.unsafeFixes = true; break;
      case '--diff': options.diff = true; break;
      case '--statistics': options.statistics = true; break;
      case '--verbose': options.verbose = true; break;
      case '--jobs': options.jobs = positiveInteger(flag, value()); break;
      case '--no-cache': options.cache = false; break;
      case '--cache-dir': options.cacheDir = value(); break;
      default: throw new UsageError(`${flag} is not an option of check`);
    }
  }
  for (const selector of [...(options.select ?? []), ...options.extendSelect, ...options.ignore]) checkSelector(selector);
  if (options.fix && options.diff) throw new UsageError('--fix and --diff exclude each other (--diff shows what --fix would do)');
  if (options.unsafeFixes && !options.fix && !options.diff) throw new UsageError('--unsafe-fixes needs --fix or --diff');
  if (options.baseline && options.writeBaseline) throw new UsageError('--baseline and --write-baseline exclude each other');
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}
