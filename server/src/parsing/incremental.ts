// Keeps the parse trees of one open document and re-parses incrementally: the new text is
// compared with the previous one, the changed span becomes one tree-sitter Edit applied to every
// tree, and tree-sitter re-parses only what the edit touched. A notebook has one tree per Python
// cell, each parsed over the whole virtual source but restricted to its cell (includedRanges), so
// a half-typed cell cannot swallow the cells after it and positions stay virtual.
import type { Edit, Point, Range as TsRange, Tree } from 'web-tree-sitter';
import { changedSpan } from '../documents/edits';
import type { Segment, SourceDocument } from '../documents/types';
import type { PythonParser } from './parser';
import { scriptChunks, type Chunk } from './chunks';

export interface ParsedSegment {
  segmentIndex: number;
  tree: Tree;
  /** Where the tree's text starts, when the tree is one chunk of its segment (a long script in the language server). */
  chunkStart?: number;
}

export interface ParsedDocument {
  doc: SourceDocument;
  /** One tree per Python segment, in document order. */
  trees: ParsedSegment[];
  /**
   * Set when the trees were parsed incrementally from the previous version this parser parsed:
   * the edit between the two texts (none when the text is the same). Absent on a first parse.
   */
  change?: { edit: Edit | undefined; after: number };
  /** Counts the versions this parser parsed: `change.after` names the one the edit starts from. */
  generation: number;
}

function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** The tree-sitter edit that turns `before` into `after`. */
export function diffEdit(before: string, after: string): Edit | undefined {
  const span = changedSpan(before, after);
  if (!span) return undefined;
  return {
    startIndex: span.start,
    oldEndIndex: span.oldEnd,
    newEndIndex: span.newEnd,
    startPosition: pointAt(before, span.start),
    oldEndPosition: pointAt(before, span.oldEnd),
    newEndPosition: pointAt(after, span.newEnd),
  } as Edit;
}

function segmentRange(doc: SourceDocument, segment: Segment): TsRange {
  const endLine = segment.startLine + segment.lineCount - 1;
  return {
    startIndex: segment.startOffset,
    endIndex: segment.endOffset,
    startPosition: { row: segment.startLine, column: 0 },
    endPosition: { row: endLine, column: segment.endOffset - doc.lineStarts[endLine] },
  };
}

/** Where a cell's text was in the previous version, to know whether its tree still stands. */
interface CellState {
  start: number;
  text: string;
}

/**
 * True when the cell's tree, after the edit, still describes the cell exactly: the cell's text
 * is unchanged and the edit moved it to where it now is. (The single diff span may attribute a
 * change to a neighbouring position when text repeats, so both are checked.)
 */
function treeStands(previous: CellState | undefined, segment: Segment, text: string, edit: Edit | undefined): boolean {
  if (!previous || previous.text !== text) return false;
  if (!edit) return previous.start === segment.startOffset;
  const end = previous.start + previous.text.length;
  if (end < edit.startIndex) return previous.start === segment.startOffset;
  if (previous.start >= edit.oldEndIndex) return previous.start + edit.newEndIndex - edit.oldEndIndex === segment.startOffset;
  return false;
}

/**
 * Points a tree's text source at a new version of the document. web-tree-sitter keeps the input
 * of the parse as `textCallback` (not in its typings); when that changes, the tree is re-parsed.
 */
function retarget(tree: Tree, text: string): boolean {
  const holder = tree as unknown as { textCallback?: unknown };
  if (typeof holder.textCallback !== 'function') return false;
  holder.textCallback = (index: number) => text.slice(index);
  return true;
}

/** The range of lines [startLine, endLine) of the text, for a chunk's includedRanges. */
function linesRange(doc: SourceDocument, chunk: Chunk): TsRange {
  const { lineStarts, text } = doc;
  if (chunk.endLine < lineStarts.length) {
    return {
      startIndex: lineStarts[chunk.startLine],
      endIndex: lineStarts[chunk.endLine],
      startPosition: { row: chunk.startLine, column: 0 },
      endPosition: { row: chunk.endLine, column: 0 },
    };
  }
  const last = lineStarts.length - 1;
  return {
    startIndex: lineStarts[chunk.startLine],
    endIndex: text.length,
    startPosition: { row: chunk.startLine, column: 0 },
    endPosition: { row: last, column: text.length - lineStarts[last] },
  };
}

/** The key of a chunk's tree among a script's trees (the whole file's tree is keyed by its URI). */
const chunkKey = (start: number) => `chunk@${start}`;

export class IncrementalParser {
  private text: string | undefined;
  private trees = new Map<string, Tree>();
  private cells = new Map<string, CellState>();
  private generation = 0;

  /**
   * `chunkedFrom`: parse scripts of at least this many lines in chunks (chunks.ts), so that an
   * edit re-parses one chunk; the language server sets it. Undefined: one tree per script.
   */
  constructor(private readonly parser: PythonParser, private readonly chunkedFrom?: number) {}

  /** Parses the new version; trees handed out by the previous call are deleted. */
  update(doc: SourceDocument): ParsedDocument {
    const incremental = this.text !== undefined;
    const edit = this.text === undefined ? undefined : diffEdit(this.text, doc.text);
    if (edit) for (const tree of this.trees.values()) tree.edit(edit);
    const next = new Map<string, Tree>();
    const nextCells = new Map<string, CellState>();
    let parsed: ParsedSegment[] = [];
    try {
      const chunks = this.chunkedFrom !== undefined && doc.kind === 'script' ? scriptChunks(doc.text, doc.lineStarts, this.chunkedFrom) : undefined;
      if (chunks && chunks.length > 1) parsed = this.parseChunks(doc, chunks, edit, next, nextCells);
      else doc.segments.forEach((segment, segmentIndex) => {
        if (!segment.isPython) return;
        const old = this.trees.get(segment.uri);
        const text = doc.text.slice(segment.startOffset, segment.endOffset);
        nextCells.set(segment.uri, { start: segment.startOffset, text });
        // A notebook cell the edit did not touch keeps its tree: no parse at all, only its text
        // source is pointed at the new document (node.text reads through it).
        if (old && doc.kind === 'notebook' && treeStands(this.cells.get(segment.uri), segment, text, edit) && retarget(old, doc.text)) {
          this.trees.delete(segment.uri);
          next.set(segment.uri, old);
          parsed.push({ segmentIndex, tree: old });
          return;
        }
        const range = doc.kind === 'notebook' ? segmentRange(doc, segment) : undefined;
        const tree = this.parser.parse(doc.text, old, range);
        next.set(segment.uri, tree);
        parsed.push({ segmentIndex, tree });
      });
    } catch (error) {
      for (const tree of next.values()) tree.delete();
      this.dispose();
      throw error;
    }
    for (const tree of this.trees.values()) tree.delete();
    this.trees = next;
    this.cells = nextCells;
    this.text = doc.text;
    const after = this.generation++;
    return { doc, trees: parsed, generation: this.generation, ...(incremental ? { change: { edit, after } } : {}) };
  }

  /**
   * A long script, chunk by chunk: a chunk whose text the edit did not touch keeps its tree (moved
   * by the edit), the others are parsed on their own. When a chunk does not parse cleanly (code
   * being typed, or a cut the scan misplaced), the version is parsed whole instead, from the
   * whole-file tree of an earlier such version when there is one (it is kept, and edited with
   * every version, for the next): the trees are then exactly a fresh parse's.
   */
  private parseChunks(doc: SourceDocument, chunks: readonly Chunk[], edit: Edit | undefined, next: Map<string, Tree>, nextCells: Map<string, CellState>): ParsedSegment[] {
    const standing = this.standingChunks(edit);
    const trees: ParsedSegment[] = [];
    let clean = true;
    for (const chunk of chunks) {
      const range = linesRange(doc, chunk);
      const start = range.startIndex;
      const text = doc.text.slice(start, range.endIndex);
      const oldKey = standing.get(start);
      const old = oldKey !== undefined && this.cells.get(oldKey)?.text === text ? this.trees.get(oldKey) : undefined;
      let tree: Tree;
      if (old && retarget(old, doc.text)) {
        this.trees.delete(oldKey!);
        tree = old;
      } else {
        tree = this.parser.parse(doc.text, null, range);
      }
      next.set(chunkKey(start), tree);
      nextCells.set(chunkKey(start), { start, text });
      trees.push({ segmentIndex: 0, tree, chunkStart: start });
      if (tree.rootNode.hasError) clean = false;
    }
    const uri = doc.segments[0].uri;
    const whole = this.trees.get(uri);
    if (clean) {
      if (whole) {
        this.trees.delete(uri);
        next.set(uri, whole);
      }
      return trees;
    }
    const tree = this.parser.parse(doc.text, whole);
    next.set(uri, tree);
    return [{ segmentIndex: 0, tree }];
  }

  /**
   * The chunks of the previous version that the edit left whole, by where they start now: the
   * edit ended before the chunk began, or began after it ended (an edit touching its first or
   * last character re-parses it).
   */
  private standingChunks(edit: Edit | undefined): Map<number, string> {
    const standing = new Map<number, string>();
    for (const [key, { start, text }] of this.cells) {
      if (!key.startsWith('chunk@')) continue;
      const end = start + text.length;
      if (!edit || end < edit.startIndex) standing.set(start, key);
      else if (start > edit.oldEndIndex) standing.set(start + edit.newEndIndex - edit.oldEndIndex, key);
    }
    return standing;
  }

  dispose(): void {
    for (const tree of this.trees.values()) tree.delete();
    this.trees.clear();
    this.cells.clear();
    this.text = undefined;
  }
}

/** Whether one segment (a script, or a notebook cell) parses without syntax errors. */
export function segmentParses(parser: PythonParser, doc: SourceDocument, segment: Segment): boolean {
  if (!segment.isPython) return true;
  const tree = parser.parse(doc.text, null, doc.kind === 'notebook' ? segmentRange(doc, segment) : undefined);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

/** Parses a document once, for callers that keep no state between versions (CLI, tests). */
export function parseOnce(parser: PythonParser, doc: SourceDocument): { parsed: ParsedDocument; dispose: () => void } {
  const incremental = new IncrementalParser(parser);
  const parsed = incremental.update(doc);
  return { parsed, dispose: () => incremental.dispose() };
}
