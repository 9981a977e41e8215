// Reads a file for `mldebt check`: its bytes decoded as Python would (UTF-8, or Latin-1 when a
// coding declaration says so), the byte-order mark and line endings noted so a fix can write the
// file back as it was, and the reason when the file cannot be analysed.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NotebookFormatError, parseIpynb } from '../documents/ipynb';
import { isPythonLanguage } from '../documents/build';
import { scriptSource, type DocumentSource } from '../documents/source';
import { cellSourceSpans, type SourceSpan } from './notebookJson';
import { formatSize } from '../engine/limits';
import { decode, unreadableReason, type Encoding } from '../documents/encoding';

export { encode } from '../documents/encoding';

/** Why a file was not analysed: reported in every format and counted in the summary. */
export type NotAnalysedKind = 'syntax-error' | 'invalid-notebook' | 'not-python' | 'too-large' | 'binary' | 'unreadable' | 'crashed';

export interface NotAnalysed {
  file: string;
  kind: NotAnalysedKind;
  reason: string;
  /** 1-based position of the first syntax error, and its cell for notebooks. */
  cell?: number;
  line?: number;
  column?: number;
}

/** The tool could not do its work on the file (it could not read it, or its analysis crashed): exit 2. */
export const failedToCheck = (p: NotAnalysed): boolean => p.kind === 'unreadable' || p.kind === 'crashed';

/** Reported as an error, not a note, by the CI formats. */
export const isErrorProblem = (p: NotAnalysed): boolean => p.kind === 'syntax-error' || p.kind === 'invalid-notebook' || failedToCheck(p);

export interface InputFile {
  path: string;
  source: DocumentSource;
  /** The file's text as decoded (the BOM removed); for notebooks, the JSON. */
  raw: string;
  encoding: Encoding;
  bom: boolean;
  /** Whether the decoded text gives back the same bytes; fixes are written only then. */
  roundTrips: boolean;
  spans?: (SourceSpan | undefined)[];
}

export class NotAnalysedError extends Error {
  constructor(readonly kind: NotAnalysedKind, message: string) {
    super(message);
  }
}

/**
 * What identifies a version of a file without reading it, taken before its bytes are read: a
 * later run may take its stamp as proof the bytes did not change (the result cache does).
 */
export interface FileStamp {
  size: string;
  mtimeNs: string;
  ino: string;
  /** When the stamp was taken (ms since the epoch). */
  takenAt: number;
}

export function stampOf(stat: import('node:fs').BigIntStats, takenAt: number): FileStamp {
  return { size: String(stat.size), mtimeNs: String(stat.mtimeNs), ino: String(stat.ino), takenAt };
}

/**
 * The bytes of a file to check, and its stamp; throws NotAnalysedError when it cannot be read.
 * Reads nothing huge: a script over the limit in bytes is over it in characters too; a
 * notebook's outputs may be large while its code is not, so it gets room to be looked at.
 */
export function readContent(file: string, maxFileSize: number): { bytes: Buffer; stamp: FileStamp } {
  try {
    const takenAt = Date.now();
    const stat = statSync(file, { bigint: true });
    const size = Number(stat.size);
    const cap = path.extname(file) === '.ipynb' ? Math.max(50 * 1024 * 1024, 10 * maxFileSize) : 4 * maxFileSize;
    if (size > cap) throw new NotAnalysedError('too-large', sizeReason(size, maxFileSize));
    return { bytes: readFileSync(file), stamp: stampOf(stat, takenAt) };
  } catch (error) {
    if (error instanceof NotAnalysedError) throw error;
    throw new NotAnalysedError('unreadable', `cannot read: ${(error as Error).message}`);
  }
}

/** A script or notebook from the bytes read from `file`; throws NotAnalysedError with the reason it cannot be analysed. */
export function inputFromBytes(file: string, bytes: Buffer): InputFile {
  const unreadable = unreadableReason(bytes, path.extname(file) === '.ipynb');
  if (unreadable) throw new NotAnalysedError('not-python', unreadable);
  const { text, encoding, bom, roundTrips } = decode(bytes);
  const uri = pathToFileURL(file).href;
  if (path.extname(file) !== '.ipynb') return { path: file, source: scriptSource(uri, text), raw: text, encoding, bom, roundTrips };
  let notebook;
  try {
    notebook = parseIpynb(uri, text);
  } catch (error) {
    if (error instanceof NotebookFormatError) throw new NotAnalysedError('invalid-notebook', error.message);
    throw error;
  }
  if (!isPythonLanguage(notebook.language)) throw new NotAnalysedError('not-python', `not a Python notebook (kernel language: ${notebook.language})`);
  const source: DocumentSource = { uri, kind: 'notebook', version: 0, cells: notebook.cells };
  return { path: file, source, raw: text, encoding, bom, roundTrips, spans: cellSourceSpans(text) };
}


export function sizeReason(size: number, limit: number): string {
  return `it is ${formatSize(size)}, over the ${formatSize(limit)} limit (max-file-size in [tool.mldebt])`;
}
