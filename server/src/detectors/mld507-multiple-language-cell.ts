import type { Magic, Range, Segment } from '../documents/types';
import { isPythonLanguage } from '../documents/build';
import { lineEndOffset } from '../documents/positions';
import type { SemanticIndex } from '../semantics';
import type { CallSite } from '../semantics/types';
import type { Node } from 'web-tree-sitter';
import { enclosingFunction, stripParens } from '../semantics/nodes';
import { shorten } from './shared/messages';
import { OTHER_LANGUAGE_PROGRAMS, pipelineSteps } from './shared/shell';
import type { CalleeSelection, Rule, RuleContext, RuleListeners } from './types';
import { pushTo } from '../engine/collections';

/** Cell magics whose body is another language, by the language's name. */
const LANGUAGE_CELL_MAGICS = new Map<string, string>([
  ['sql', 'SQL'], ['bigquery', 'SQL'], ['sparksql', 'SQL'], ['kql', 'KQL'], ['r', 'R'], ['julia', 'Julia'],
  ['octave', 'Octave'], ['matlab', 'MATLAB'], ['perl', 'Perl'], ['ruby', 'Ruby'], ['javascript', 'JavaScript'],
  ['js', 'JavaScript'], ['scala', 'Scala'], ['spark', 'Scala'],
]);
/** Cell magics whose body is shell: reported when it runs pipeline steps (see shared/shell.ts). */
const SHELL_CELL_MAGICS = new Set(['bash', 'sh', 'zsh', 'system', 'sx', 'cmd', 'powershell', 'pwsh']);
/** Line magics that run a line of another language. */
const LANGUAGE_LINE_MAGICS = new Map<string, string>([['sql', 'SQL'], ['r', 'R'], ['julia', 'Julia'], ['octave', 'Octave']]);
const SHELL_LINE_MAGICS = new Set(['sx', 'system']);
/** Cell languages that are not code run by the notebook. */
const NOT_RUN = new Set(['markdown', 'raw', 'plaintext', 'text']);

const SUBPROCESS_SHELL = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen']);
const ALWAYS_SHELL = new Set(['os.system', 'os.popen', 'subprocess.getoutput', 'subprocess.getstatusoutput']);
const SHELL_CALLS = [...SUBPROCESS_SHELL, ...ALWAYS_SHELL];

function firstLine(context: RuleContext, line: number): Range {
  const { doc } = context;
  return { start: { line, character: 0 }, end: { line, character: lineEndOffset(doc, line) - doc.lineStarts[line] } };
}

/** The language of a `%%script <program>` cell or of a cell magic, if it is not Python or shell. */
function cellLanguage(magic: Magic): { language: string; shell: boolean } | undefined {
  const name = magic.name.toLowerCase();
  if (name === 'script') {
    const program = /^%%script\s+(\S+)/.exec(magic.text)?.[1]?.replace(/^.*\//, '') ?? '';
    if (/^(python|pypy)/.test(program)) return undefined;
    return { language: program || 'shell', shell: /^(ba|z|da)?sh$/.test(program) };
  }
  if (SHELL_CELL_MAGICS.has(name)) return { language: 'shell', shell: true };
  const language = LANGUAGE_CELL_MAGICS.get(name);
  return language ? { language, shell: false } : undefined;
}

/** Shell steps run by the body of a shell cell, one command per line. */
function shellBodySteps(magic: Magic): string[] {
  return magic.text.split('\n').slice(1).filter((line) => !/^\s*#/.test(line)).flatMap(pipelineSteps);
}

function quoted(steps: string[]): string {
  return [...new Set(steps)].map((step) => `\`${step}\``).join(', ');
}

/** SQL magics whose query can be only looked at. */
const SQL_MAGICS = new Set(['sql', 'bigquery', 'sparksql']);
const READ_ONLY_SQL = /^(select|with|show|describe|desc|explain|pragma)\b/i;
const WRITING_SQL = /\b(into|create|insert|update|delete|merge|drop|alter|truncate|replace|copy|grant)\b/i;

/**
 * A query whose result is only displayed looks at the data, as `!head` does: it is part of the
 * pipeline when it writes (`CREATE`, `INSERT`, `--destination_table`) or when its result is kept
 * (`%%bigquery df`, `%%sql rows <<`, `rows = %sql ...`).
 */
function onlyLooksAtData(header: string, body: string, assigned: boolean): boolean {
  if (assigned || /<<|--destination_table|--save\b|--persist\b/.test(header)) return false;
  const words = header.replace(/^%%?\w+/, '').trim().split(/\s+/).filter(Boolean);
  // A bare name after the magic (`%%bigquery df`) is the variable that receives the result.
  for (let i = 0; i < words.length; i++) {
    if (words[i].startsWith('-')) { if (!words[i].includes('=') && words[i + 1] && !words[i + 1].startsWith('-')) i++; continue; }
    if (/^[A-Za-z_]\w*$/.test(words[i])) return false;
  }
  const statements = body.replace(/--[^\n]*/g, '').split(';').map((part) => part.trim()).filter(Boolean);
  return statements.length > 0 && statements.every((statement) => READ_ONLY_SQL.test(statement) && !WRITING_SQL.test(statement));
}

/**
 * Lines in the handler of a failed import (`try: import x` / `except ImportError: !git clone ...`)
 * fetch the code the notebook itself needs: set-up of its environment, not a step of its pipeline.
 */
function importFallbackLines(context: RuleContext): (line: number, column: number) => boolean {
  const handlers: { start: number; end: number; column: number }[] = [];
  for (const clause of context.index.nodes('except_clause')) {
    const attempt = clause.parent;
    const body = attempt?.type === 'try_statement' ? attempt.childForFieldName('body') : null;
    if (!body || !body.namedChildren.some((c) => c?.type === 'import_statement' || c?.type === 'import_from_statement')) continue;
    const next = clause.nextNamedSibling ?? attempt!.nextNamedSibling;
    const segment = context.doc.segments[context.index.segmentIndexOf(clause)];
    const end = next ? next.startPosition.row - 1 : segment.startLine + segment.lineCount - 1;
    handlers.push({ start: clause.startPosition.row, end, column: clause.startPosition.column });
  }
  return (line, column) => handlers.some((h) => line > h.start && line <= h.end && column > h.column);
}

function cellOfAnotherLanguage(context: RuleContext, segment: Segment, magics: readonly Magic[]): void {
  if (!segment.isPython && !isPythonLanguage(segment.language) && !NOT_RUN.has(segment.language.toLowerCase())) {
    context.report({
      range: firstLine(context, segment.startLine),
      message: `This cell is written in ${segment.language} inside a Python notebook: the pipeline now spans two languages, each with its own tests, dependencies and ways to fail`,
    });
    return;
  }
  const magic = magics.find((m) => m.kind === 'cell-magic');
  const language = magic && segment.cellMagic ? cellLanguage(magic) : undefined;
  if (!magic || !language) return;
  if (language.shell) {
    const steps = shellBodySteps(magic);
    if (steps.length === 0) return;
    context.report({
      range: firstLine(context, magic.range.start.line),
      message: `This \`%%${magic.name}\` cell runs ${quoted(steps)} as shell commands: pipeline steps written in another language, outside Python's error handling, tests and dependency pins`,
    });
    return;
  }
  if (SQL_MAGICS.has(magic.name.toLowerCase())) {
    const [header, ...body] = magic.text.split('\n');
    if (onlyLooksAtData(header, body.join('\n'), false)) return;
  }
  context.report({
    range: firstLine(context, magic.range.start.line),
    message: `This cell is written in ${language.language} (\`%%${magic.name}\`) inside a Python notebook: the pipeline now spans two languages, each with its own tests, dependencies and ways to fail`,
  });
}

/** `!wget ...`, `%sql ...` lines of one cell: one finding on the first, the others related. */
/** The escapes and line magics of one cell (`magics`, the cell's own) that run another language. */
function linesOfAnotherLanguage(context: RuleContext, magics: readonly Magic[], inImportFallback: (line: number, column: number) => boolean): void {
  const found: { magic: Magic; what: string }[] = [];
  for (const magic of magics) {
    if (inImportFallback(magic.range.start.line, magic.range.start.character)) continue;
    const name = magic.name.toLowerCase();
    if (magic.kind === 'shell') {
      const steps = pipelineSteps(magic.text.replace(/^!+/, '').replace(/\\\n/g, ' '));
      if (steps.length) found.push({ magic, what: quoted(steps) });
    } else if (magic.kind === 'line-magic' && SHELL_LINE_MAGICS.has(name)) {
      const steps = pipelineSteps(magic.text.replace(/^%\w+\s*/, ''));
      if (steps.length) found.push({ magic, what: quoted(steps) });
    } else if (magic.kind === 'line-magic' && LANGUAGE_LINE_MAGICS.has(name)) {
      if (SQL_MAGICS.has(name) && onlyLooksAtData(magic.text.split(/\s/, 1)[0], magic.text.replace(/^%\w+\s*/, ''), assignedTo(context, magic))) continue;
      found.push({ magic, what: `${LANGUAGE_LINE_MAGICS.get(name)} (\`%${magic.name}\`)` });
    }
  }
  if (found.length === 0) return;
  const [first, ...rest] = found;
  context.report({
    range: first.magic.range,
    message: found.length === 1
      ? `\`${shorten(first.magic.text.split('\n')[0], 60)}\` runs ${first.what} outside Python: a pipeline step hidden in a notebook escape, beyond the reach of Python's error handling, tests and dependency pins`
      : `This cell runs ${found.length} commands outside Python (${[...new Set(found.map((f) => f.what))].join(', ')}): pipeline steps hidden in notebook escapes, beyond the reach of Python's error handling, tests and dependency pins`,
    related: rest.map((other) => ({ range: other.magic.range, message: `also runs ${other.what}` })),
  });
}

/** pytest's and unittest's naming of test modules: `test_batch.py`, `integration_test.py`, `tests/...`. */
const TEST_MODULE = /(^|\/)(tests\/|test_[^/]*\.py$|[^/]*_test\.py$)/;

/** A test runs the program it tests through the shell: that command is the harness, not a pipeline step. */
function inTestFunction(node: Node): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    if (/^test_?/i.test(fn.childForFieldName('name')?.text ?? '')) return true;
  }
  return false;
}

/** `rows = %sql SELECT ...`: the line keeps the magic's result. */
function assignedTo(context: RuleContext, magic: Magic): boolean {
  const { doc } = context;
  const lineStart = doc.lineStarts[magic.range.start.line];
  return /[\w\]]\s*=\s*$/.test(doc.original.slice(lineStart, lineStart + magic.range.start.character));
}

/** The pipeline steps a `os.system` / `subprocess(..., shell=True)` call runs, if it shows them. */
function scriptShellSteps(index: SemanticIndex, call: CallSite): string[] {
  const q = call.qname ?? '';
  const command = call.args[0] ?? call.kwargs.get('args') ?? call.kwargs.get('command') ?? call.kwargs.get('cmd');
  if (!command) return [];
  const shell = ALWAYS_SHELL.has(q) || (SUBPROCESS_SHELL.has(q) && call.kwargs.get('shell')?.type === 'true');
  if (shell) {
    const text = index.dataflow.stringOf(command);
    return text ? pipelineSteps(text.value) : [];
  }
  if (!SUBPROCESS_SHELL.has(q)) return [];
  // `subprocess.run(["bash", "prepare.sh"])`: another language's interpreter, without a shell.
  const argv = stripParens(index.valueOf(command));
  const program = argv.type === 'list' || argv.type === 'tuple' ? argv.namedChild(0) : null;
  const name = program ? index.dataflow.stringOf(program)?.value.replace(/^.*\//, '') : undefined;
  if (!name) return [];
  return OTHER_LANGUAGE_PROGRAMS.has(name) || /\.(sh|R|jl)$/.test(name) ? [name] : [];
}

const SHELL_CALLEES: CalleeSelection = { qualified: SHELL_CALLS };

function listen(context: RuleContext): RuleListeners {
  const { doc, index } = context;
  if (doc.kind === 'notebook' && doc.segments.some((s) => isPythonLanguage(s.language))) {
    const inImportFallback = importFallbackLines(context);
    // Each cell's magics, found once: scanning every magic for every cell was quadratic.
    const magicsOf = new Map<number, Magic[]>();
    for (const magic of doc.magics) pushTo(magicsOf, magic.segmentIndex, magic);
    doc.segments.forEach((segment, i) => {
      const magics = magicsOf.get(i) ?? [];
      cellOfAnotherLanguage(context, segment, magics);
      linesOfAnotherLanguage(context, magics, inImportFallback);
    });
  }
  const testModule = doc.kind === 'script' && TEST_MODULE.test(doc.uri);
  return { callees: SHELL_CALLEES, call(call) {
    // Only shell and subprocess calls can run a step; the enclosing test function is looked for on those alone.
    if (!call.qname || !(ALWAYS_SHELL.has(call.qname) || SUBPROCESS_SHELL.has(call.qname))) return;
    if (testModule || inTestFunction(call.node)) return;
    const steps = scriptShellSteps(index, call);
    if (steps.length === 0) return;
    context.report({
      node: call.callee,
      message: `\`${call.callee.text}\` runs ${quoted(steps)} through the shell: a pipeline step written in another language, outside Python's error handling, tests and dependency pins`,
    });
  } };
}

export const multipleLanguageCell: Rule = {
  meta: {
    code: 'MLD507',
    name: 'multiple-language-cell',
    category: 'common-smells',
    severity: 'information',
    recommended: false,
    docs: {
      summary: 'Notebook cells or lines in another language — `%%bash`, `%%sh`, `%%sql`, `%%R`, `%%javascript` cells, `%sql` lines, cells whose language is not Python — and `!cmd` shell escapes that run pipeline steps (`!wget`, `!unzip`, `!python train.py`, `!kaggle datasets download`...); in scripts, `os.system(...)`, `subprocess(..., shell=True)` and other-language interpreters run as pipeline steps.',
      why: 'Common smells, the multiple-language smell (§5): a pipeline split across Python, shell, SQL and R is harder to test, to hand over and to reproduce — each language brings its own dependencies, error handling and failure modes, and the steps in shell escapes run outside everything Python offers (exceptions, tests, pinned requirements). The data a notebook trains on often comes from a `!wget` and a `!unzip` that nobody re-runs the same way twice.',
      example: '!wget -q https://example.org/data/train.zip\n!unzip -o train.zip -d data\n!python preprocess.py --out data/clean.csv\n\nimport pandas as pd\ndf = pd.read_csv("data/clean.csv")',
      fix: 'Move pipeline steps into Python (`urllib`/`requests` or `pooch` to download with a checksum, `zipfile` to unpack, importing the preprocessing function instead of running a script), or into one declared pipeline (a Makefile, DVC, a workflow tool) that the notebook only consumes. There is no automatic fix.',
      fixed: 'import zipfile\nimport pooch\n\narchive = pooch.retrieve("https://example.org/data/train.zip", known_hash="sha256:...")\nzipfile.ZipFile(archive).extractall("data")',
      nearMisses: 'Shell lines that only look around or set up the environment are left alone: `!ls`, `!cat`, `!head`, `!nvidia-smi`, `!pip install` (MLD803\'s business), `!mkdir`, `!cp`, `!mv`, `!rm`, `!echo`, `python -m pip`, `python --version`, and set-up subcommands (`kaggle config`, `aws configure`, `huggingface-cli login`, `accelerate config`). A `%%bash` cell of only such commands is not reported. Steps are: running Python scripts or modules, shell scripts and other languages\' interpreters, downloads (`wget`, `curl`, `gdown`, `kaggle`, `gsutil`, `aws s3`...), unpacking (`unzip`, `tar`...), `git clone`/`pull`, `dvc`, text processing (`sed`, `awk`), training launchers (`torchrun`, `accelerate launch`, `yolo`). Presentation magics (`%%html`, `%%latex`, `%%markdown`, `%%capture`, `%%writefile`) are not another language of the pipeline; a notebook whose kernel is not Python is not mixing languages. A shell command computed at run time (`os.system(cmd)`) is not guessed at. A test runs the program it tests: shell commands in a test function (`def test_...`) or a test module (`test_*.py`, `*_test.py`, under `tests/`) are the harness, not pipeline steps. Commands that create a place for data (`gsutil mb`, `bq mk`, `aws s3 mb`, `gcloud storage buckets create`) set up the environment like `!mkdir`. Shell lines in the handler of a failed import (`try: import helpers` / `except ImportError: !git clone ...`) fetch the notebook\'s own code: set-up, not a pipeline step. A SQL cell or `%sql` line that only reads (`SELECT`, `WITH`, `SHOW`, `DESCRIBE`, `EXPLAIN`) and whose result is only displayed looks at the data like `!head`; it is reported when it writes (`CREATE`, `INSERT`, `--destination_table`) or keeps its result (`%%bigquery df`, `%%sql rows <<`, `rows = %sql ...`).',
      notebooks: 'One finding per cell: on the `%%` line of a cell magic, or on the first pipeline line of a cell with `!` escapes, with the other lines of the cell linked. In the editor, cells whose language is not Python (a SQL or R cell in a Python notebook) are reported too.',
    },
  },
  listen,
};
