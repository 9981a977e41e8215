// A file's bytes as the text Python reads: UTF-8, or Latin-1 when a coding declaration says so,
// with the byte-order mark noted so a fix can write the file back as it was. Shared by every
// reader of files on disk (the CLI, the language server's workspace check).

export type Encoding = 'utf8' | 'latin1';

/** PEP 263: a coding declaration on one of the first two lines. */
function declaredEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 400).toString('latin1').split(/\r\n|\r|\n/).slice(0, 2);
  for (const line of head) {
    const match = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line);
    if (match) return match[1].toLowerCase().replace(/_/g, '-');
  }
  return undefined;
}

const LATIN1 = new Set(['latin-1', 'iso-8859-1', 'iso8859-1', 'l1', 'latin1']);

export function decode(bytes: Buffer): { text: string; encoding: Encoding; bom: boolean; roundTrips: boolean } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const encoding: Encoding = LATIN1.has(declaredEncoding(body) ?? '') ? 'latin1' : 'utf8';
  const text = body.toString(encoding);
  // Every byte is a Latin-1 character, and bytes that are not UTF-8 decode to U+FFFD: only a
  // text holding that character needs encoding again to compare.
  const roundTrips = encoding === 'latin1' || !text.includes('\uFFFD') || Buffer.from(text, encoding).equals(body);
  return { text, encoding, bom, roundTrips };
}

export function encode(file: { encoding: Encoding; bom: boolean }, text: string): Buffer {
  const body = Buffer.from(text, file.encoding);
  return file.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/**
 * The UTF-16 or UTF-32 encoding a byte-order mark announces. Such a file is text, not binary, but
 * Python reads a source file as UTF-8 (or an ASCII-compatible encoding it declares) and refuses
 * this one, as Jupyter refuses a notebook so encoded: it is named, not called binary.
 */
function wideEncoding(bytes: Buffer): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? 'UTF-32' : 'UTF-16';
  if (a === 0xfe && b === 0xff) return 'UTF-16';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32';
  return undefined;
}

/** Why the bytes are not read as Python at all (UTF-16 or UTF-32 text), or undefined. */
export function wideEncodingReason(bytes: Buffer, notebook: boolean): string | undefined {
  const wide = wideEncoding(bytes);
  return wide && `it is ${wide} text; ${notebook ? 'Jupyter reads notebooks' : 'Python reads source files'} as UTF-8`;
}

/**
 * A Git LFS pointer: the three lines (`version https://git-lfs.github.com/spec/v1`, `oid sha256:…`,
 * `size …`, under 1,024 bytes) that a clone made without Git LFS, or an archive of the repository,
 * holds in place of a file stored in LFS. It is no script and no notebook, broken or not: the file
 * itself was never fetched, so it is named as such rather than reported as a syntax error or as a
 * notebook that is not JSON. A file that only mentions the spec's address elsewhere is read as usual.
 */
const LFS_POINTER = /^version https:\/\/(git-lfs|hawser)\.github\.com\/spec\/v1\r?\noid sha256:[0-9a-f]{64}\r?\nsize \d+\r?\n?$/;

export function lfsPointerReason(bytes: Buffer): string | undefined {
  if (bytes.length >= 1024 || !LFS_POINTER.test(bytes.toString('latin1'))) return undefined;
  return 'it is a Git LFS pointer, not the file: its content was never fetched (`git lfs pull` brings it)';
}

/** Why a file's bytes are not read as Python at all (a wide encoding, a Git LFS pointer), or undefined. */
export function unreadableReason(bytes: Buffer, notebook: boolean): string | undefined {
  return wideEncodingReason(bytes, notebook) ?? lfsPointerReason(bytes);
}
