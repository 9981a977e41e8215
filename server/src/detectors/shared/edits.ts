// Building blocks for fixes: small text edits computed from nodes, that keep the formatting and
// comments around them. Every rule builds its fix from these instead of splicing text by hand.
import type { Node } from 'web-tree-sitter';
import type { Position, SourceDocument, TextEdit } from '../../documents/types';
import { lineEndOffset, positionAt, segmentAtLine } from '../../documents/positions';
import type { SemanticIndex } from '../../semantics';
import type { CallSite } from '../../semantics/types';
import { indentationOf, nodeRange, topLevelStatement } from '../../semantics/nodes';

export function replaceNode(node: Node, newText: string): TextEdit {
  return { range: nodeRange(node), newText };
}

export function insertAt(position: Position, newText: string): TextEdit {
  return { range: { start: position, end: position }, newText };
}

function endOf(node: Node): Position {
  return { line: node.endPosition.row, character: node.endPosition.column };
}

function startOf(node: Node): Position {
  return { line: node.startPosition.row, character: node.startPosition.column };
}

/** Adds `name=value` as the last argument of a call (see appendArgument). */
export function addKeywordArgument(doc: SourceDocument, call: CallSite, name: string, value: string): TextEdit | undefined {
  return appendArgument(doc, call, `${name}=${value}`);
}

/**
 * Adds an argument at the end of a call. One-line calls get `, arg`; calls laid out one argument
 * per line get a new line with the same indentation, keeping a trailing comma if there was one.
 */
export function appendArgument(doc: SourceDocument, call: CallSite, keyword: string): TextEdit | undefined {
  const list = call.argumentList;
  if (!list || list.type !== 'argument_list') return undefined;
  const argumentsInList = list.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
  if (argumentsInList.length === 0) {
    const close = list.lastChild;
    if (!close || close.type !== ')') return undefined;
    return insertAt({ line: close.startPosition.row, character: close.startPosition.column }, keyword);
  }
  const last = argumentsInList[argumentsInList.length - 1];
  const afterLast = last.nextSibling;
  const trailingComma = afterLast?.type === ',' ? afterLast : undefined;
  const multiline = last.startPosition.row > list.startPosition.row;
  const indent = indentationOf(doc.text, last);
  const lastStartsLine = doc.text.slice(doc.text.lastIndexOf('\n', last.startIndex - 1) + 1, last.startIndex).trim() === '';
  if (multiline && lastStartsLine) {
    return trailingComma
      ? insertAt(endOf(trailingComma), `\n${indent}${keyword},`)
      : insertAt(endOf(last), `,\n${indent}${keyword}`);
  }
  return insertAt(endOf(last), `, ${keyword}`);
}

/** True when no binding or use of `name` exists anywhere in the document. */
export function isFreeName(index: SemanticIndex, name: string): boolean {
  return index.definitionsOf(name).length === 0 && !index.mentionsName(name);
}

/** `RandomForestClassifier` -> `RANDOM_FOREST_CLASSIFIER`, `train-set.v2` -> `TRAIN_SET_V2`: a constant's name. */
export function upperSnake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** `base`, or `base_2`, `base_3`... : the first name the document does not use. */
export function freshName(index: SemanticIndex, base: string): string {
  if (isFreeName(index, base)) return base;
  for (let n = 2; ; n++) if (isFreeName(index, `${base}_${n}`)) return `${base}_${n}`;
}

/**
 * Inserts module-level statement(s) on their own line(s) just before the module-level statement
 * that contains `node`, so the new names exist before they are used.
 */
export function insertBeforeTopLevelStatement(doc: SourceDocument, node: Node, statementText: string): TextEdit {
  const statement = topLevelStatement(node);
  const lineStart = doc.text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  return insertAt(positionAt(doc, lineStart), `${statementText}\n`);
}

/** Inserts line(s) right after a statement, at the statement's indentation. */
export function insertAfterStatement(doc: SourceDocument, statement: Node, linesText: string): TextEdit {
  const indent = indentationOf(doc.text, statement);
  const text = linesText.split('\n').map((line) => indent + line).join('\n');
  return insertAt(endOf(statement), `\n${text}`);
}

/**
 * Inserts line(s) on their own just before a statement, at its indentation. Undefined when the
 * statement does not start its line (`for b in data: loss.backward()`): the new line would land
 * outside the block the statement is in.
 */
export function insertBeforeStatement(doc: SourceDocument, statement: Node, linesText: string): TextEdit | undefined {
  const lineStart = doc.text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = doc.text.slice(lineStart, statement.startIndex);
  if (indent.trim() !== '') return undefined;
  const text = linesText.split('\n').map((line) => indent + line).join('\n');
  return insertAt(positionAt(doc, lineStart), `${text}\n`);
}

/**
 * Removes one argument of a call with the comma that separates it from its neighbour, keeping
 * the layout of the others (a trailing comma stays). Undefined when a comment sits in the span
 * that would be deleted.
 */
export function removeArgument(call: CallSite, argument: Node): TextEdit | undefined {
  const list = call.argumentList;
  if (!list || list.type !== 'argument_list') return undefined;
  const items = list.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
  const at = items.findIndex((item) => item.startIndex === argument.startIndex && item.endIndex === argument.endIndex);
  if (at < 0) return undefined;
  let from: Node | undefined;
  let to: Node | undefined;
  let range;
  if (at > 0) {
    // `f(a, inplace=True)` -> `f(a)`: from the end of the previous argument.
    from = items[at - 1];
    range = { start: endOf(from), end: endOf(argument) };
  } else if (items.length > 1) {
    // `f(inplace=True, a)` -> `f(a)`: up to the next argument.
    to = items[1];
    range = { start: startOf(argument), end: startOf(to) };
  } else {
    const comma = argument.nextSibling?.type === ',' ? argument.nextSibling : argument;
    range = { start: startOf(argument), end: endOf(comma) };
  }
  const startIndex = from ? from.endIndex : argument.startIndex;
  const endIndex = to ? to.startIndex : argument.endIndex;
  const comments = list.namedChildren.some((child) => child?.type === 'comment' && child.startIndex >= startIndex && child.endIndex <= endIndex);
  return comments ? undefined : { range, newText: '' };
}

/**
 * A module-level constant to reuse: the first one whose name matches `pattern`, whose value is a
 * number, and which is defined before `before` in document order.
 */
export function constantBefore(index: SemanticIndex, pattern: RegExp, before: Node): string | undefined {
  for (const constant of index.constants.values()) {
    if (pattern.test(constant.name) && constant.value.kind === 'number' && constant.definition.node.startIndex < before.startIndex) return constant.name;
  }
  return undefined;
}

/** Python source for a string value, in double quotes (JSON escapes are valid Python escapes). */
export function pythonString(value: string): string {
  return JSON.stringify(value);
}

/**
 * Deletes whole lines [startLine, endLine] of the virtual source without crossing into the next
 * notebook cell: the line break removed is the one after the block, or before it at a cell's end.
 */
export function deleteLines(doc: SourceDocument, startLine: number, endLine: number): TextEdit {
  const segment = segmentAtLine(doc, startLine)!;
  const lastLine = segment.startLine + segment.lineCount - 1;
  const lineEnd = (line: number): Position => ({ line, character: lineEndOffset(doc, line) - doc.lineStarts[line] });
  if (endLine < lastLine) return { range: { start: { line: startLine, character: 0 }, end: { line: endLine + 1, character: 0 } }, newText: '' };
  if (startLine > segment.startLine) return { range: { start: lineEnd(startLine - 1), end: lineEnd(endLine) }, newText: '' };
  return { range: { start: { line: startLine, character: 0 }, end: lineEnd(endLine) }, newText: '' };
}

/** Deletes a statement's lines, or leaves `pass` when it is alone in its block. */
export function removeStatement(doc: SourceDocument, statement: Node): TextEdit {
  const block = statement.parent;
  const siblings = block?.type === 'block' ? block.namedChildren.filter((c) => c && c.type !== 'comment') : [];
  if (block?.type === 'block' && siblings.length === 1) {
    return { range: nodeRange(statement), newText: 'pass' };
  }
  return deleteLines(doc, statement.startPosition.row, statement.endPosition.row);
}

/** True when no other statement shares a line with `statement` (`a = 1; b = 2` share one), so whole lines can go. */
export function ownsItsLines(statement: Node): boolean {
  const previous = statement.previousNamedSibling;
  const next = statement.nextNamedSibling;
  return (!previous || previous.type === 'comment' || previous.endPosition.row < statement.startPosition.row)
    && (!next || next.type === 'comment' || next.startPosition.row > statement.endPosition.row);
}

/**
 * The lines of `text` with the indentation `remove` taken off each, or undefined when a
 * non-blank line is not indented that much (then dedenting would change the code's meaning).
 */
export function dedentLines(text: string, remove: string): string | undefined {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') out.push(line.replace(/^[ \t]*/, ''));
    else if (line.startsWith(remove)) out.push(line.slice(remove.length));
    else return undefined;
  }
  return out.join('\n');
}
