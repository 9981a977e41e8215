import type { Node } from 'web-tree-sitter';
import { lineText, segmentIndexAtLine } from '../documents/positions';
import { deleteLines } from './shared/edits';
import { cutAtToken } from './shared/messages';
import type { SourceDocument } from '../documents/types';
import type { Rule, RuleContext, RuleListeners } from './types';

const MIN_LINES = 3;
/** Blocks longer than this are documentation or data, not a commented-out experiment. */
const MAX_LINES = 200;

/**
 * Comment lines that are never code, and that end a run of code: tool directives, type comments,
 * doctest examples, cell markers, dividers, shell and package-manager commands, shebangs.
 */
const NOT_CODE = [
  /^(type|noqa|mldebt|pylint|pyright|mypy|fmt|isort|ruff|flake8|pragma|nosec|coverage)\b\s*:?/i,
  /^(>>>|\.\.\.)(\s|$)/,
  /^%%|^In\s*\[\s*\d*\s*\]\s*:?$|^\+(\s|$)|^-\s*$/,
  /^[-=*#~_+.<>|\\/]{3,}/,
  /^[!$%]/,
  /^(pip3?|conda|mamba|apt(-get)?|brew|npm|export|set|source|cd|sudo|python3?|bash|sh|git|wget|curl)\s/i,
  /-\*-.*-\*-/,
];

/** Line shapes that only code has: imports, definitions, compound statements, assignments, calls. */
const CODE_SHAPES = [
  /^(import\s+[\w.]+|from\s+[\w.]+\s+import\s)/,
  /^(def|class)\s+\w+\s*[(:]/,
  /^(for|while|if|elif|with|async\s+for|async\s+with)\s.*:$/,
  /^(else|try|finally)\s*:$|^except\b.*:$/,
  /^(return|raise|yield|del|assert|global|nonlocal)\b/,
  /^@[\w.]+/,
  /^[A-Za-z_][\w.]*(\[[^\]]*\])*(\s*,\s*[A-Za-z_][\w.]*(\[[^\]]*\])*)*\s*([-+*/%@&|^]|\/\/|\*\*|>>|<<)?=(?!=)/,
  /^[A-Za-z_][\w.]*(\[[^\]]*\])*(\.[A-Za-z_]\w*|\([^()]*\))*\s*\(.*\)\s*[;]?$/,
];

interface CommentLine {
  line: number;
  /** The comment text without its `#` marks. */
  text: string;
  node: Node;
}

/** The code a comment would be without its `#`: `#  x = 1` -> ` x = 1` (one space is the marker's). */
function uncomment(comment: string): string {
  return comment.replace(/^#+/, '').replace(/^ /, '').replace(/\s+$/, '');
}

/** `# logits.shape = (batch, num_classes)`: a note of a tensor's shape, which reads like an assignment. */
const SHAPE_NOTE = /^[A-Za-z_][\w.]*\.shape\s*=\s*[([]/;

function isCodeShaped(line: string): boolean {
  const trimmed = line.trim();
  return !SHAPE_NOTE.test(trimmed) && CODE_SHAPES.some((shape) => shape.test(trimmed));
}

/**
 * Groups full-line comments, given in document order, into blocks of one cell: consecutive lines,
 * and lines separated only by blank lines, so that a function commented out paragraph by
 * paragraph is one block (one finding whose count and range are the whole commented region).
 * `closed` gets each block once the next comment (or `end`) shows that it is complete.
 */
function commentBlocks(doc: SourceDocument, closed: (block: CommentLine[]) => void): { add(node: Node): void; end(): void } {
  let current: CommentLine[] = [];
  let previousLine = -2;
  const blankBetween = (from: number, to: number) => {
    for (let l = from + 1; l < to; l++) if (lineText(doc, l).trim() !== '') return false;
    return true;
  };
  return {
    add(node) {
      const line = node.startPosition.row;
      if (lineText(doc, line).slice(0, node.startPosition.column).trim() !== '') return; // trailing comment
      const sameBlock = previousLine >= 0 && line > previousLine && blankBetween(previousLine, line)
        && segmentIndexAtLine(doc, line) === segmentIndexAtLine(doc, previousLine);
      if (!sameBlock && current.length) closed(current);
      if (!sameBlock) current = [];
      current.push({ line, text: uncomment(node.text), node });
      previousLine = line;
    },
    end() {
      if (current.length) closed(current);
    },
  };
}

/** `#   'da', 'de', 'en'`: values listed under a prose line, which parse as a tuple but do nothing. */
const LITERAL = String.raw`('[^']*'|"[^"]*"|[-+]?\d[\w.]*)`;
// Every item but the last is followed by a comma, so the match is linear (no backtracking over `1 2 3`).
const LITERAL_LIST = new RegExp(String.raw`^${LITERAL}(\s*,\s*${LITERAL})+\s*,?$`);

const DOC_INTRO = /\b(usage|examples?|e\.g\.|for instance|such as|like so|like this|as follows|synopsis|how to)\b/i;
/** A markdown code fence in a comment (a notebook's markdown cell in a script): what it encloses is an example. */
const FENCE = /^(```|~~~)/;
/** An intro that says the code below is a kept remnant ("The old training loop:"), which stays reported. */
const REMNANT_INTRO = /\b(old|older|previous(ly)?|legacy|deprecated|unused|obsolete|no longer|disabled?|original|former|earlier|used to|backup|temp(orary)?|hack)\b/i;
/** Prose that offers code to the reader as an opt-in: "uncomment to train on a GPU", "optional", "if you want". */
const OPT_IN = /\b(un-?comment|opt-?in|optional(ly)?|if you (want|wish|need|would like|prefer)|you (can|could|may)|to enable|in case you)\b/i;

interface Run {
  lines: CommentLine[];
  /** The run is shown as an example or offered as an opt-in: it follows a prose line ending in a colon, "Usage", or "uncomment to...". */
  example: boolean;
}

function indentOf(comment: CommentLine): number {
  return /^\s*/.exec(comment.text)![0].length;
}

/**
 * Splits a block into runs that may be code: a line that is never code, or prose (a line that
 * does not parse, opens nothing and continues nothing), ends a run. Inside brackets and in
 * indented bodies every line continues the statement above it.
 */
function candidateRuns(context: RuleContext, block: CommentLine[]): Run[] {
  const runs: Run[] = [];
  let lines: CommentLine[] = [];
  let intro: CommentLine | undefined;
  /** The prose paragraph just above the run: "you can also...", "the same as below, like this". */
  let paragraph = '';
  let depth = 0;
  const baseIndent = Math.min(...block.filter((c) => c.text.trim()).map(indentOf));
  const close = (next: CommentLine | undefined) => {
    if (lines.length) {
      const code = lines.filter((c) => c.text.trim());
      const introduced = !!intro && ((intro.text.trim().endsWith(':') && !REMNANT_INTRO.test(intro.text))
        || Math.min(...code.map(indentOf)) > indentOf(intro));
      const offered = (DOC_INTRO.test(paragraph) || OPT_IN.test(paragraph)) && !REMNANT_INTRO.test(paragraph);
      // `# max_samples=1000,  # optional: ...`, `# # (uncomment for the full output)`: the commented
      // code says itself that it is an option.
      const selfOffered = lines.some((c) => { const note = /#.*$/.exec(c.text); return !!note && OPT_IN.test(note[0]); });
      runs.push({ lines, example: introduced || offered || selfOffered || inFence });
      paragraph = '';
    }
    lines = [];
    intro = next;
    depth = 0;
  };
  // A blank line (commented or not) ends a prose paragraph: only the one just above a run says what it is.
  let freshParagraph = false;
  let inFence = false;
  let previousLine = -1;
  const addProse = (text: string) => {
    paragraph = freshParagraph ? text : `${paragraph} ${text}`;
    freshParagraph = false;
  };
  for (const comment of block) {
    const text = comment.text.trim();
    if (lines.length === 0 && (text === '' || (previousLine >= 0 && comment.line > previousLine + 1))) freshParagraph = true;
    previousLine = comment.line;
    // Blank comment lines and comments inside the commented code (`# # note`) neither end a run
    // nor count as code.
    if (text === '' || text.startsWith('#')) {
      if (lines.length) lines.push(comment);
      // `# # The above is equivalent to the following:` above a run is its prose intro, commented once more.
      else if (text.startsWith('#') && !context.parsesAsPython(uncomment(text))) {
        addProse(uncomment(text));
        if (text.endsWith(':')) intro = comment;
      }
      continue;
    }
    // Never code (a shell command, a divider, a cell marker): it ends a run but leaves the prose above in force.
    if (NOT_CODE.some((pattern) => pattern.test(text))) {
      close(intro);
      continue;
    }
    const continues = depth > 0 || indentOf(comment) > baseIndent || /^[)\]}.]|^(else|elif|except|finally)\b/.test(text);
    // A decorator line opens the definition below it: it belongs to the commented code.
    const opens = /[([{,\\:]$/.test(text) || /^@[\w.]+(\(.*\))?$/.test(text);
    const listing = lines.length === 0 && LITERAL_LIST.test(text);
    const prose = listing || (!continues && !opens && !context.parsesAsPython(text));
    const colonProse = !continues && text.endsWith(':') && !context.parsesAsPython(`${text}\n    pass`) && !/^(else|try|finally)\s*:$/.test(text);
    if (prose || colonProse) {
      close(colonProse ? comment : undefined);
      if (FENCE.test(text)) inFence = !inFence;
      addProse(text);
      continue;
    }
    lines.push(comment);
    depth = Math.max(0, depth + bracketBalance(text));
  }
  close(undefined);
  return runs;
}

/** Opened minus closed brackets, ignoring those inside string literals. */
function bracketBalance(text: string): number {
  let balance = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') break;
    else if ('([{'.includes(ch)) balance++;
    else if (')]}'.includes(ch)) balance--;
  }
  return balance;
}

/** The run's lines as a snippet of Python, with the common indentation removed. */
function snippet(run: CommentLine[]): string {
  const indent = Math.min(...run.filter((c) => c.text.trim()).map(indentOf));
  return run.map((c) => c.text.slice(Math.min(indent, indentOf(c)))).join('\n');
}

/**
 * A run is commented-out code when it has at least three lines, parses as Python statements, and
 * at least half of its statement lines have a shape only code has (so that a list of words, or
 * `TODO: fix` read as an annotation, is not code).
 */
function isCommentedOutCode(context: RuleContext, run: CommentLine[]): boolean {
  const lines = run.filter((c) => c.text.trim() && !c.text.trim().startsWith('#'));
  if (lines.length < MIN_LINES || !context.parsesAsPython(snippet(run))) return false;
  const indent = Math.min(...lines.map(indentOf));
  const statements = lines.filter((c) => indentOf(c) === indent);
  const shaped = statements.filter((c) => isCodeShaped(c.text)).length;
  return shaped > 0 && shaped * 2 >= statements.length;
}

/** The run without the blank and nested-comment lines at either end. */
function trimBlank(run: CommentLine[]): CommentLine[] {
  const neutral = (c: CommentLine) => !c.text.trim() || c.text.trim().startsWith('#');
  let start = 0;
  let end = run.length;
  while (start < end && neutral(run[start])) start++;
  while (end > start && neutral(run[end - 1])) end--;
  return run.slice(start, end);
}

/** `# /// script` ... `# ///`: inline script metadata (PEP 723), TOML that can look like Python. */
function isScriptMetadata(block: CommentLine[]): boolean {
  return block.some((c) => /^\/\/\/ [a-z]/.test(c.text.trim()));
}

/**
 * A notebook cell made only of comments, under a markdown cell that tells the reader to uncomment
 * it: an opt-in snippet the notebook offers (a paid API, a long download), not a dead experiment.
 */
function offeredByMarkdown(context: RuleContext, line: number): boolean {
  const { doc } = context;
  if (!doc.markdown?.length) return false;
  const segment = doc.segments[segmentIndexAtLine(doc, line)];
  if (!segment) return false;
  for (let l = segment.startLine; l < segment.startLine + segment.lineCount; l++) {
    const text = lineText(doc, l).trim();
    if (text && !text.startsWith('#')) return false;
  }
  const above = doc.markdown.filter((m) => m.cellIndex < segment.cellIndex).at(-1);
  const codeBetween = above && doc.segments.some((s) => s.cellIndex > above.cellIndex && s.cellIndex < segment.cellIndex);
  return !!above && !codeBetween && OPT_IN.test(above.text);
}

/** Reports the commented-out code in one block of comment lines. */
function checkBlock(context: RuleContext, block: CommentLine[]): void {
  if (block.length < MIN_LINES || block.length > MAX_LINES || isScriptMetadata(block)) return;
  // A run is code only with a line of a shape only code has (isCommentedOutCode): a block of
  // prose has none, and is not split into runs, each line parsed.
  if (!block.some((c) => isCodeShaped(c.text))) return;
  if (offeredByMarkdown(context, block[0].line)) return;
  for (const { lines, example } of candidateRuns(context, block)) {
    const run = trimBlank(lines);
    // Code shown under "Usage:" or "Example:", or offered with "uncomment to...", is documentation, not a dead experiment.
    if (example || !isCommentedOutCode(context, run)) continue;
    const first = run[0];
    const last = run[run.length - 1];
    context.report({
      range: { start: { line: first.line, character: first.node.startPosition.column }, end: { line: last.line, character: last.node.endPosition.column } },
      message: `${run.length} lines of commented-out code (\`${cutAtToken(first.text.trim(), 40, '…')}\`...): a dead experiment kept as comments, which rots as the code around it changes`,
      fix: { title: 'Delete the commented-out code', edits: [deleteLines(context.doc, first.line, last.line)] },
    });
  }
}

/** Each block of comments is judged as soon as the next comment (or the end of the file) closes it. */
function listen(context: RuleContext): RuleListeners | undefined {
  if (context.index.nodes('comment').length < MIN_LINES) return undefined;
  const blocks = commentBlocks(context.doc, (block) => checkBlock(context, block));
  return { comment: blocks.add, finish: blocks.end };
}

export const commentedOutCode: Rule = {
  meta: {
    code: 'MLD506',
    name: 'commented-out-code',
    category: 'dead-experimental-codepaths',
    severity: 'hint',
    recommended: false,
    tags: ['unnecessary'],
    fix: { safety: 'unsafe', title: 'Delete the commented-out code' },
    docs: {
      summary: 'Three or more consecutive comment lines that are Python statements: an old model, a disabled preprocessing step, a previous training loop kept "just in case".',
      why: 'Dead experimental codepaths (§5): every experiment that is commented out instead of deleted stays in the file, where it rots — the names it uses are renamed, the data it expects changes — while readers still have to work out whether it matters. Piled up, such remnants hide what the code really does, and uncommenting one brings back code nobody has run in months. Version control already keeps the history.',
      example: 'model = LGBMClassifier(n_estimators=300)\n# model = RandomForestClassifier(n_estimators=200)\n# model.fit(X_train, y_train)\n# print(model.score(X_test, y_test))\nmodel.fit(X_train, y_train)',
      fix: 'Delete the block and rely on version control (a commit message or a branch) to keep the experiment; or, if it is a real alternative, make it an option that is tested. The quick fix deletes the commented lines. It is unsafe only in the sense that it removes text a human may want to keep: the program runs the same.',
      fixed: 'model = LGBMClassifier(n_estimators=300)\nmodel.fit(X_train, y_train)',
      nearMisses: 'Prose comments, license headers, inline script metadata (`# /// script`), type comments (`# type: ...`), doctest examples (`# >>> ...`) and code shown as an example or offered as an opt-in (under a prose comment ending in a colon at any indentation, unless that line calls the code old, previous, legacy, disabled or the like, after a prose paragraph that shows it ("Usage", "Example", "like this", a fenced ```` ```python ```` block of a markdown comment) or offers it ("uncomment to...", "optional", "if you want", "you can", "in case you get this error"), also when that prose is itself commented once more (`# # equivalent to the following:`); only the prose paragraph just above the code counts, up to a blank line or a cell marker, or whose own lines say `# optional`; a notebook cell of only comments under a markdown cell that tells the reader to uncomment it), commented shell and configuration lines (`# pip install x`, `# export X=1`, `# key: value`), dividers, `# %%` and `# In[3]:` cell markers, suppression and `noqa` comments are left alone, as are one or two commented lines and comments after code on the same line. Comment paragraphs separated only by blank lines are one commented region: one finding, whose count is its commented lines and whose range covers all of them. A run must parse as Python and at least half of its lines must have a shape only code has (a call, an assignment, an import, `def`, `for`, `if`...): a list of words or `TODO: fix` parses but is not code.',
    },
  },
  listen,
};
