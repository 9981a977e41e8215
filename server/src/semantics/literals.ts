// The values of literal expressions, as far as they can be known without running anything.
import type { Node } from 'web-tree-sitter';
import { up, isAncestorOf, stripParens } from './nodes';

export type LiteralValue =
  | { kind: 'number'; value: number; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' };

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** The prefix letters of a string literal, lower-cased (`rb`, `f`, ``). */
export function stringPrefix(node: Node): string {
  const start = node.type === 'string' ? node.child(0) : null;
  return (start?.text ?? '').replace(/['"]+$/, '').toLowerCase();
}

export function isFString(node: Node): boolean {
  return node.type === 'string' && stringPrefix(node).includes('f');
}

/** True when the string has `{...}` interpolations (an f-string with parts computed at run time). */
export function hasInterpolation(node: Node): boolean {
  if (node.type === 'concatenated_string') return node.namedChildren.some((child) => !!child && hasInterpolation(child));
  return node.type === 'string' && node.namedChildren.some((child) => child?.type === 'interpolation');
}

/** The value of a string literal with no interpolation (implicit concatenation included). */
export function stringValue(input: Node): string | undefined {
  const node = stripParens(input);
  if (node.type === 'concatenated_string') {
    let out = '';
    for (const part of node.namedChildren) {
      const value = part ? stringValue(part) : undefined;
      if (value === undefined) return undefined;
      out += value;
    }
    return out;
  }
  if (node.type !== 'string') return undefined;
  const raw = stringPrefix(node).includes('r');
  let out = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content') out += contentValue(child, raw);
    else if (child.type === 'escape_sequence') out += raw ? child.text : decodeEscape(child.text);
  }
  return out;
}

/** The constant text parts of a string, interpolations replaced by `{}` (`f"out/{run}.csv"` -> `out/{}.csv`). */
export function stringTemplate(input: Node): string | undefined {
  return stringParts(input)?.map((part) => (typeof part === 'string' ? part : '{}')).join('');
}

/**
 * A string literal as its parts in order: constant text, and the expression of each f-string
 * interpolation (`f"out/{run}.csv"` -> `['out/', <run>, '.csv']`). Implicit concatenation included.
 */
export function stringParts(input: Node): (string | Node)[] | undefined {
  const node = stripParens(input);
  if (node.type === 'concatenated_string') {
    const parts: (string | Node)[] = [];
    for (const child of node.namedChildren) {
      const inner = child ? stringParts(child) : undefined;
      if (!inner) return undefined;
      parts.push(...inner);
    }
    return parts;
  }
  if (node.type !== 'string') return undefined;
  const raw = stringPrefix(node).includes('r');
  const parts: (string | Node)[] = [];
  let text = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') {
      const expression = child.childForFieldName('expression') ?? child.namedChild(0);
      if (!expression) return undefined;
      if (text) parts.push(text);
      text = '';
      parts.push(expression);
    } else if (child.type === 'string_content') text += contentValue(child, raw);
    else if (child.type === 'escape_sequence') text += raw ? child.text : decodeEscape(child.text);
    else if (child.type === 'escape_interpolation') text += child.text.slice(0, 1);
  }
  if (text) parts.push(text);
  return parts;
}

/**
 * What a run of a string's text holds. tree-sitter-python nests the escape sequences (`\\`, `\n`)
 * and an f-string's doubled braces inside the content node, whose text spells them as written:
 * `"C:\\Users"` holds `C:\Users`, the path Python opens; a raw string keeps its backslashes.
 */
function contentValue(content: Node, raw: boolean): string {
  if (content.namedChildCount === 0) return content.text;
  const text = content.text;
  let out = '';
  let at = 0;
  for (const child of content.namedChildren) {
    if (child?.type !== 'escape_sequence' && child?.type !== 'escape_interpolation') continue;
    const start = child.startIndex - content.startIndex;
    const value = child.type === 'escape_interpolation' ? child.text.slice(0, 1) : raw ? child.text : decodeEscape(child.text);
    out += text.slice(at, start) + value;
    at = start + child.text.length;
  }
  return out + text.slice(at);
}

function decodeEscape(text: string): string {
  const simple = SIMPLE_ESCAPES[text.slice(1)];
  if (simple !== undefined) return simple;
  const hex = /^\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))$/.exec(text);
  if (hex) return String.fromCodePoint(parseInt(hex[1] ?? hex[2] ?? hex[3], 16));
  if (text === '\\\n' || text === '\\\r\n') return '';
  return text;
}

export function numberValue(input: Node): number | undefined {
  const node = stripParens(input);
  if (node.type === 'integer' || node.type === 'float') {
    const text = node.text.replace(/_/g, '').toLowerCase();
    if (/[jJ]$/.test(text)) return undefined;
    const value = /^0[xob]/.test(text) ? Number(text) : Number.parseFloat(text);
    return Number.isFinite(value) ? value : undefined;
  }
  if (node.type === 'unary_operator') {
    const operand = node.childForFieldName('argument');
    const operator = node.childForFieldName('operator')?.text ?? node.child(0)?.text;
    const value = operand ? numberValue(operand) : undefined;
    if (value === undefined) return undefined;
    return operator === '-' ? -value : operator === '+' ? value : undefined;
  }
  return undefined;
}

export function literalValue(input: Node): LiteralValue | undefined {
  const node = stripParens(input);
  switch (node.type) {
    case 'true':
      return { kind: 'bool', value: true };
    case 'false':
      return { kind: 'bool', value: false };
    case 'none':
      return { kind: 'none' };
    case 'string':
    case 'concatenated_string': {
      const value = stringValue(node);
      return value === undefined ? undefined : { kind: 'string', value };
    }
    default: {
      const value = numberValue(node);
      return value === undefined ? undefined : { kind: 'number', value, text: node.text };
    }
  }
}

export function isNumberLiteral(node: Node): boolean {
  return numberValue(node) !== undefined;
}

/** Python truthiness of a literal, when it is one. */
export function truthiness(value: LiteralValue): boolean {
  switch (value.kind) {
    case 'bool':
      return value.value;
    case 'none':
      return false;
    case 'number':
      return value.value !== 0;
    case 'string':
      return value.value.length > 0;
  }
}

/** An empty list, tuple or dictionary written out (`[]`, `()`, `{}`): a membership test in it is always false. */
function isEmptyContainerLiteral(input: Node): boolean {
  const node = stripParens(input);
  return (node.type === 'list' || node.type === 'tuple' || node.type === 'dictionary') && node.namedChildCount === 0;
}

/**
 * The truth a condition always has when the code itself decides it: a literal (`False`, `0`,
 * `"spam"`), `not` of one, or a membership test in an empty container written out (`task in []`
 * is always false, `task not in ()` always true, whatever `task` holds: a switch edited in the
 * code, as `if False:` is). A name bound to a literal (`SAVE = False`) is not followed.
 */
export function constantTruth(input: Node): boolean | undefined {
  const node = stripParens(input);
  if (node.type === 'not_operator') {
    const argument = node.childForFieldName('argument');
    const inner = argument ? constantTruth(argument) : undefined;
    return inner === undefined ? undefined : !inner;
  }
  if (node.type === 'comparison_operator') {
    const operands = node.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
    const operators = node.childrenForFieldName('operators').map((operator) => operator?.text.replace(/\s+/g, ' '));
    if (operands.length !== 2 || operators.length !== 1 || !isEmptyContainerLiteral(operands[1])) return undefined;
    return operators[0] === 'in' ? false : operators[0] === 'not in' ? true : undefined;
  }
  const value = literalValue(node);
  return value ? truthiness(value) : undefined;
}

/**
 * Whether `node` is in a branch that never runs because the code itself decides its condition
 * (`constantTruth`): under `if False:` / `if 0:` / `if task in []:`, or in the `elif` / `else` of
 * `if True:`. A flag (`SAVE = False`) is a switch the reader may flip, and is not followed.
 */
export function inLiteralDeadBranch(node: Node): boolean {
  for (let current = up(node, true); current; current = up(current, true)) {
    if (current.type !== 'if_statement') continue;
    const condition = current.childForFieldName('condition');
    const truth = condition ? constantTruth(condition) : undefined;
    if (truth === undefined) continue;
    const branches = truth ? current.childrenForFieldName('alternative') : [current.childForFieldName('consequence')];
    if (branches.some((branch) => !!branch && isAncestorOf(branch, node))) return true;
  }
  return false;
}
