// A lexical test that rejects text which cannot parse as Python, before tree-sitter is asked.
// MLD506 asks whether each comment line parses, and most comment lines are prose: tree-sitter's
// error recovery on a sentence costs up to tens of milliseconds (over the corpus, prose lines
// cost a quarter of the whole parse). A sentence is found out by its first two words: two names
// side by side, with only spaces between them, are never Python (`model = load` parses,
// `load the model` does not). Keywords and soft keywords are not names here (`print x`,
// `match x:`, `type X = int`, `not x`, `x if y else z` are Python), nor is anything inside a
// string or after `#`. The test is one-sided: when it is unsure (an unclosed quote, a letter
// beyond ASCII, an f-string) it says nothing and the parser decides, so every answer stays the
// parser's.

/** Every word the Python grammar spells out: keywords, soft keywords, Python 2's print and exec. */
const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', '_', '__future__', 'and', 'as', 'assert', 'async', 'await', 'break', 'case',
  'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'exec', 'finally', 'for', 'from', 'global',
  'if', 'import', 'in', 'is', 'lambda', 'match', 'nonlocal', 'not', 'or', 'pass', 'print', 'raise',
  'return', 'try', 'type', 'while', 'with', 'yield',
]);

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const SPACE = 32, TAB = 9, FORM_FEED = 12, NEWLINE = 10, HASH = 35, BACKSLASH = 92, DOUBLE_QUOTE = 34, QUOTE = 39, BACKQUOTE = 96, DOT = 46;

/**
 * True when `text` surely does not parse as Python: outside strings and comments, two names
 * (ASCII identifiers that are not keywords) follow each other with only spaces or tabs between
 * them. False means "unknown", not "parses".
 */
export function surelyNotPython(text: string): boolean {
  const n = text.length;
  /** The last token was a name, and only spaces or tabs followed it. */
  let afterName = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === FORM_FEED) {
      i++;
    } else if (c === HASH) {
      while (i < n && text.charCodeAt(i) !== NEWLINE) i++;
      afterName = false;
    } else if (isLetter(c)) {
      let j = i + 1;
      while (j < n && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
      const next = j < n ? text.charCodeAt(j) : -1;
      const word = text.slice(i, j);
      // An f-string (or t-string) may hold strings in the same quotes inside its braces (PEP 701),
      // which the string scan below would end early: the parser decides.
      if ((next === DOUBLE_QUOTE || next === QUOTE) && /[fFtT]/.test(word)) return false;
      // A string's prefix (`rb'...`), or a name that goes on beyond ASCII: not judged.
      const name = next !== DOUBLE_QUOTE && next !== QUOTE && next < 128 && !KEYWORDS.has(word);
      if (name && afterName) return true;
      afterName = name;
      i = j;
    } else if (isDigit(c)) {
      // A number with its exponent, suffix, hex digits or underscores (`1e5`, `0x1f`, `10j`).
      i++;
      while (i < n && (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === DOT)) i++;
      afterName = false;
    } else if (c === DOUBLE_QUOTE || c === QUOTE || c === BACKQUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) return false; // an unclosed string: the parser decides
      afterName = false;
      i = end;
    } else {
      afterName = false;
      i++;
    }
  }
  return false;
}

/**
 * The offset after the string literal that opens at `start`, or -1 when it is not closed on its
 * line. The grammar takes Python 2's backquotes (`` `x` ``) for strings too: never triple, and a
 * backslash does not escape a backquote, so one holding a backslash is left to the parser.
 */
function stringEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  const triple = quote !== BACKQUOTE && text.charCodeAt(start + 1) === quote && text.charCodeAt(start + 2) === quote;
  for (let j = start + (triple ? 3 : 1); j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH && quote === BACKQUOTE) return -1;
    if (c === BACKSLASH) j++;
    else if (c === NEWLINE && !triple) return -1;
    else if (c === quote && (!triple || (text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote))) return j + (triple ? 3 : 1);
  }
  return -1;
}
