// Reads a configuration file only when it is a regular file of bounded size. A pyproject.toml
// in a repository may be a symlink to /dev/zero, a FIFO or a directory (git commits symlinks):
// reading those would exhaust memory or block the only thread forever.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { formatSize } from '../engine/limits';

/** Larger configuration files are not read: real pyproject.toml files are a few KB. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type ConfigFileRead = { text: string } | { problem: string };

/** What a path that is not a regular file is, in words ("a named pipe (FIFO)"). */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Human size: bytes, KB or MB, so that a small limit never reads "0.0 MB". */

function refusal(file: string, why: string): { problem: string } {
  return { problem: `${file} is ${why}; ML Debt Lens reads configuration only from regular files of at most ${formatSize(MAX_CONFIG_BYTES)}, so it uses the default settings` };
}

export function readConfigFile(file: string, maxBytes = MAX_CONFIG_BYTES): ConfigFileRead {
  let fd: number | undefined;
  try {
    // stat follows a symlink to what it points at; the open is non-blocking so that a FIFO
    // swapped in after the check cannot block, and fstat re-checks what was actually opened.
    const before = statSync(file);
    if (!before.isFile()) return refusal(file, kindOf(before));
    if (before.size > maxBytes) return refusal(file, formatSize(before.size));
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) return refusal(file, kindOf(opened));
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return refusal(file, `over ${formatSize(maxBytes)}`);
    return { text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { problem: `cannot read ${file}: ${(error as Error).message}; using the default settings` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
