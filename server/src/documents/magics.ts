// IPython syntax in notebook cells (`%magic`, `%%cell_magic`, `!shell`, `obj?`, automagic
// `pip install`) is not Python. It is neutralised before parsing without moving anything:
// the text keeps its length and its line breaks, so parse positions are the user's positions.
import type { MagicKind } from './types';

/**
 * Cell magics whose body is still Python: the first line is neutralised, the rest is parsed.
 * Treescope's (Penzai's, Flax NNX's renderer) `%%autovisualize` and `%%with` run the body in the
 * kernel, under a visualiser or a context manager.
 */
const TRANSPARENT_CELL_MAGICS = new Set([
  'time', 'timeit', 'capture', 'prun', 'memit', 'mprun', 'debug', 'python', 'python3', 'pypy',
  'skip', 'ipytest', 'cython_inline', 'autoreload', 'tensorflow_version', 'autovisualize', 'with',
]);

/**
 * Shell commands that IPython runs without `!` when automagic is on (only unambiguous forms), also
 * with pip's general options before the subcommand (`pip -q install x`, `pip --timeout 60 install x`):
 * an option, then a name right before the subcommand, is no Python either. A word after an option
 * may be its value, unless it is a keyword that would make the line Python (`pip -q if install else 0`).
 */
const AUTOMAGIC = /^(\s*)((?:pip|pip3|conda|mamba)(?:\s+-{1,2}[A-Za-z][\w-]*(?:=\S+)?(?:\s+(?!(?:if|else|and|or|not|is|in|for|lambda|await)\b)[^\s-]\S*)?)*\s+(?:install|uninstall|list|show|freeze)\b.*)$/;
/**
 * Line magics and shell aliases that IPython also runs without `%` (automagic, on by default):
 * `cd data`, `ls models/`, `cat train.csv`, `matplotlib inline`, `load_ext autoreload`. Taken as
 * such only when what follows the word makes the line no Python (a name, a literal or a path
 * right after it: `ls data/` would be a syntax error); a line that parses as Python (`ls -la`,
 * `env = make_env()`, `cd /content`, `reset`) is left to the parser, which reads it either way.
 */
const AUTOMAGIC_WORDS = /^(\s*)((?:cd|ls|ll|pwd|cat|mkdir|rmdir|rm|cp|mv|less|more|man|ldir|lf|lk|lx|pushd|popd|dhist|bookmark|matplotlib|pylab|load_ext|reload_ext|unload_ext|autoreload|aimport|tensorflow_version|who|whos|who_ls|reset|history|env|set_env|alias|unalias|rehashx)[ \t]+(?![ \t,&^|*/+\-=%<>!(\[:;@#)\]}]|\.(?=[A-Za-z_])|(?:is|not|in|and|or|if|else|for|as)\b).+)$/;
/**
 * `%name ...`, `%%name ...` where a logical line starts. No Python line starts with `%` (it is
 * only a binary operator), so `% matplotlib inline`, with blanks between the escape and the name,
 * is IPython syntax too (as is `% % capture`), not a syntax error that would leave the cell unchecked. Its name stays
 * empty: IPython before 7 ran `%matplotlib inline`, later ones call a magic named '' and fail, so
 * what the line does (`% pip install x`) depends on the version and is not claimed.
 */
const LINE_MAGIC = /^(\s*)(%{1,2}[A-Za-z_][\w.-]*.*|%[ \t]+\S.*)$/;
const SHELL = /^(\s*)(!.*)$/;
/**
 * `?obj`, `?? obj` (IPython allows a space after the prefix), `obj?`, `obj??`, a search with
 * wildcards (`torch.*Tensor?`, `np.*load*?`) and `?` alone (IPython's overview): help, no Python.
 */
const HELP = /^(\s*)(\?{1,2}\s*[A-Za-z_*][\w.*]*\s*|[A-Za-z_*][\w.*]*\s*\?{1,2}\s*|\?{1,2}\s*)$/;
/**
 * `%time <statement>`: IPython runs the statement in the notebook's namespace (its assignments
 * stay) and prints how long it took; a compound statement, a shell escape or another magic is no
 * Python statement and keeps its stand-in. Not `%timeit`, which runs its statement in a namespace
 * of its own, many times.
 */
const TIMED_STATEMENT = /^(%time\s+)(?!(?:for|while|if|with|def|class|try|async)\b|[!%?])\S/;
/** `files = !ls`, `[path] = !ls -td runs/*`, `out = %timeit -o f()`: the right-hand side is IPython syntax. */
const ASSIGNED = /^(\s*(?:[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*|\[\s*[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*,?\s*\]|\(\s*[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*,?\s*\))\s*=\s*)([!%].*)$/;
/**
 * Code pasted from the Python shell: when a cell's first line (or second, after a blank one)
 * starts with the `>>>` prompt, IPython strips `>>> ` and `... ` from every line that starts
 * with one before it runs the cell.
 */
const CLASSIC_FIRST = /^>>>( |$)/;
const CLASSIC_PROMPT = /^(?:>>>|\.\.\.)(?: |$)/;

export interface LocalMagic {
  kind: MagicKind;
  name: string;
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface NeutralisedCell {
  text: string;
  magics: LocalMagic[];
  /** Set when the first line is a cell magic (`%%bash` -> 'bash'). */
  cellMagic?: string;
  /** False when the cell body is in another language and was blanked whole. */
  isPython: boolean;
}

/** Replaces every character but line breaks by a space. */
export function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/**
 * A stand-in for IPython syntax of the same length that is a valid Python expression in both
 * statement and assignment position: `...` padded, or `0` when the span is shorter than three.
 */
function placeholder(length: number): string {
  if (length >= 3) return '...' + ' '.repeat(length - 3);
  return '0' + ' '.repeat(Math.max(0, length - 1));
}

function magicName(kind: MagicKind, text: string): string {
  if (kind === 'shell') return /^!+\s*([\w.-]*)/.exec(text)?.[1] ?? '';
  if (kind === 'line-magic' || kind === 'cell-magic') return /^%{1,2}([\w.-]+)/.exec(text)?.[1] ?? '';
  if (kind === 'automagic') return /^(\w+)/.exec(text)?.[1] ?? '';
  return '?';
}

export function neutraliseCell(source: string): NeutralisedCell {
  const lines = source.split('\n');
  const magics: LocalMagic[] = [];
  const first = lines[0] ?? '';
  const cellMagicMatch = /^\s*%%([A-Za-z_][\w.-]*)/.exec(first);
  if (cellMagicMatch) {
    const name = cellMagicMatch[1];
    const trimmedFirst = first.replace(/\r$/, '');
    const column = trimmedFirst.indexOf('%%');
    const isPython = TRANSPARENT_CELL_MAGICS.has(name);
    magics.push({
      kind: 'cell-magic', name, text: isPython ? trimmedFirst.slice(column) : source.slice(column).replace(/\s+$/, ''),
      line: 0, column, endLine: isPython ? 0 : lines.length - 1,
      endColumn: isPython ? trimmedFirst.length : lines[lines.length - 1].replace(/\r$/, '').length,
    });
    if (!isPython) return { text: blank(source), magics, cellMagic: name, isPython: false };
    lines[0] = blank(first);
    neutraliseLines(lines, 1, magics);
    return { text: lines.join('\n'), magics, cellMagic: name, isPython: true };
  }
  if (CLASSIC_FIRST.test(lines[0]) || (lines[0].trim() === '' && CLASSIC_FIRST.test(lines[1] ?? ''))) {
    // The prompts become blanks: the code keeps its columns, indented alike under them.
    for (let i = 0; i < lines.length; i++) {
      const prompt = CLASSIC_PROMPT.exec(lines[i]);
      if (prompt) lines[i] = ' '.repeat(prompt[0].length) + lines[i].slice(prompt[0].length);
    }
  }
  neutraliseLines(lines, 0, magics);
  return { text: lines.join('\n'), magics, isPython: true };
}

function neutraliseLines(lines: string[], from: number, magics: LocalMagic[]): void {
  const original = [...lines];
  let open: OpenState = { depth: 0, continued: false };
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i];
    const cr = raw.endsWith('\r') ? '\r' : '';
    const line = cr ? raw.slice(0, -1) : raw;
    // IPython reads its syntax only where a logical line starts: a line inside a string, open
    // brackets or after a backslash continues Python (`print("loss %f"\n      % loss)`, `!= b)`).
    if (open.string === undefined && open.depth === 0 && !open.continued) {
      const hit = matchMagic(line);
      const timed = hit?.kind === 'line-magic' ? TIMED_STATEMENT.exec(hit.body) : null;
      if (hit && timed) {
        // `%time model.fit(X, y)` runs its statement in the notebook: it stays Python, behind a
        // stand-in for `%time` that keeps it a statement of its own (`0;   model.fit(X, y)`).
        lines[i] = hit.prefix + '0;' + ' '.repeat(timed[1].length - 2) + hit.body.slice(timed[1].length) + cr;
        magics.push({ kind: 'line-magic', name: 'time', text: hit.body, line: i, column: hit.prefix.length, endLine: i, endColumn: hit.prefix.length + hit.body.length });
        open = trackOpen(line, open);
        continue;
      }
      if (hit) {
        const { prefix, body, kind } = hit;
        let endLine = i;
        let text = body;
        // Padded to the line's length: offsets after it (the next cells) must not move.
        lines[i] = (prefix + placeholder(body.length)).padEnd(line.length) + cr;
        // A trailing backslash continues a magic or shell line onto the next line.
        while (original[endLine].replace(/\r$/, '').endsWith('\\') && endLine + 1 < lines.length) {
          endLine++;
          text += '\n' + original[endLine].replace(/\r$/, '');
          lines[endLine] = blank(original[endLine]);
        }
        magics.push({
          kind, name: magicName(kind, body), text, line: i, column: prefix.length, endLine,
          endColumn: endLine === i ? prefix.length + body.length : original[endLine].replace(/\r$/, '').length,
        });
        i = endLine;
        continue;
      }
    }
    open = trackOpen(line, open);
  }
}

function matchMagic(line: string): { prefix: string; body: string; kind: MagicKind } | undefined {
  if (/^\s*#/.test(line) || line.trim() === '') return undefined;
  let m = LINE_MAGIC.exec(line);
  if (m) return { prefix: m[1], body: m[2], kind: 'line-magic' };
  m = SHELL.exec(line);
  if (m) return { prefix: m[1], body: m[2], kind: 'shell' };
  m = ASSIGNED.exec(line);
  if (m) return { prefix: m[1], body: m[2], kind: m[2].startsWith('!') ? 'shell' : 'line-magic' };
  m = AUTOMAGIC.exec(line) ?? AUTOMAGIC_WORDS.exec(line);
  if (m) return { prefix: m[1], body: m[2], kind: 'automagic' };
  m = HELP.exec(line);
  if (m) return { prefix: m[1], body: m[2].trimEnd(), kind: 'help' };
  return undefined;
}

/** What a line leaves open for the next: a triple-quoted string, brackets, a backslash continuation. */
interface OpenState {
  string?: string;
  depth: number;
  continued: boolean;
}

/**
 * Follows triple-quoted strings and brackets across lines, so that a line inside a docstring or
 * inside an open bracket that happens to start with `!` or `%` is left alone. Single-quoted
 * strings cannot span lines, so they only need skipping within the line.
 */
function trackOpen(line: string, state: OpenState): OpenState {
  let open = state.string;
  let depth = state.depth;
  let i = 0;
  while (i < line.length) {
    if (open) {
      const close = line.indexOf(open, i);
      if (close < 0) return { string: open, depth, continued: false };
      i = close + 3;
      open = undefined;
      continue;
    }
    const ch = line[i];
    if (ch === '#') return { depth, continued: false };
    if (ch === '"' || ch === "'") {
      if (line.startsWith(ch.repeat(3), i)) {
        open = ch.repeat(3);
        i += 3;
        continue;
      }
      i++;
      while (i < line.length && line[i] !== ch) i += line[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    i++;
  }
  return open ? { string: open, depth, continued: false } : { depth, continued: line.endsWith('\\') };
}
