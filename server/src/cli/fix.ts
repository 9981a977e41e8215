// `mldebt check --fix` and `--diff`: the engine's fix-all (the editor's Fix All) applied to a
// file's text, written back the way the file was written: same encoding and byte-order mark,
// same line endings and final newline, and in notebooks only the code-cell sources changed.
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import * as path from 'node:path';
import type { AnalysisResult } from '../analyze';
import type { AnalysisConfig } from '../config/settings';
import type { DocumentSource } from '../documents/source';
import type { Finding } from '../engine/types';
import { fixAll } from '../fixAll';
import type { PythonParser } from '../parsing/parser';
import { unifiedDiff } from './diff';
import { replaceSources } from './notebookJson';
import { encode, type InputFile } from './read';

export interface FileFix {
  /** The document after the fixes, and its analysis: what is left to report. */
  source: DocumentSource;
  analysis: AnalysisResult;
  /** The new text of the file (decoded), or undefined when no fix applied. */
  text?: string;
  applied: Finding[];
  /** What changed, as a unified diff (per cell for notebooks). */
  diff: string;
  /** Why the fixes were not written, when they could not be. */
  notWritten?: string;
}

/**
 * The line terminator `text` uses: '\r\n' when it has no bare '\n' (Windows), a lone '\r' when it
 * has no '\n' at all (classic Mac OS, which Python and LSP also read as line breaks), else '\n'.
 */
function lineEndingOf(text: string): '\n' | '\r\n' | '\r' {
  if (text.includes('\r\n') && !/(^|[^\r])\n/.test(text)) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

/** `after` with the line endings and final newline of `before`, where the fixes changed them. */
export function keepLineEndings(before: string, after: string): string {
  const eol = lineEndingOf(before);
  // The fixes write '\n'; one that lands after a '\r' makes a '\r\n', a single break as before.
  let text = eol === '\n' ? after : after.replace(/\r\n|\n/g, eol);
  const endsWithNewline = (s: string) => s.endsWith('\n') || s.endsWith('\r');
  if (before !== '' && !endsWithNewline(before)) text = text.replace(/(\r\n|\n|\r)$/, '');
  else if (endsWithNewline(before) && !endsWithNewline(text) && text !== '') text += eol;
  return text;
}

export function fixFile(parser: PythonParser, input: InputFile, shown: string, config: AnalysisConfig, includeUnsafe: boolean): FileFix {
  const result = fixAll(parser, input.source, config, { includeUnsafe, remaining: true });
  const after = { source: result.source, analysis: result.remaining! };
  if (result.applied.length === 0) return { ...after, applied: [], diff: '' };
  let text: string;
  let diff: string;
  if (input.source.kind === 'script') {
    text = keepLineEndings(input.raw, result.source.cells[0].text);
    diff = unifiedDiff(input.raw, text, `a/${shown}`, `b/${shown}`);
  } else {
    const sources = result.source.cells.map((cell, i) => (cell.text !== input.source.cells[i].text ? keepLineEndings(input.source.cells[i].text, cell.text) : undefined));
    text = replaceSources(input.raw, input.spans ?? [], sources);
    diff = sources.map((after, i) => (after === undefined ? '' : unifiedDiff(input.source.cells[i].text, after, `a/${shown}:cell ${i + 1}`, `b/${shown}:cell ${i + 1}`))).join('');
  }
  if (text === input.raw) return { ...after, applied: [], diff: '' };
  const notWritten = !input.roundTrips
    ? `not written: the file is not valid ${input.encoding === 'utf8' ? 'UTF-8' : 'Latin-1'}, and writing it back would change bytes the fixes did not touch`
    : input.encoding === 'latin1' && /[^\u0000-\u00ff]/.test(text)
      ? 'not written: the fixes add characters that Latin-1 (the file\'s declared encoding) cannot hold'
      : undefined;
  return { ...after, text, applied: result.applied, diff, ...(notWritten ? { notWritten } : {}) };
}

/**
 * Writes a file so that a reader sees the old or the new content, never half of it: into a
 * temporary file beside it (same folder, so the same file system), flushed, then renamed over
 * it. The file keeps its mode; a symbolic link keeps pointing where it did.
 */
export function writeAtomically(file: string, data: Buffer): void {
  const target = realpathSync(file);
  const mode = statSync(target).mode & 0o7777;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.mldebt-${process.pid}-${Date.now().toString(36)}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(temporary);
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}

export function writeFix(input: InputFile, text: string): void {
  writeAtomically(input.path, encode(input, text));
}
