// File reads and writes that are part of a cache or a check rather than of the data's way
// through a pipeline: `if os.path.exists(p): load else: compute and save`, `try: load except
// FileNotFoundError`, `assert pd.read_csv(p).shape == ...`.
import type { Node } from 'web-tree-sitter';
import { ancestors, conditionOf } from '../../semantics/nodes';

/**
 * Conditions that check whether a file is there: the write and read are a cache, not a hop. The
 * check may be the project's own helper named for it (`file_exists(p)`, `blob_exists(uri)`), as
 * pipelines that run on a bucket or on disk write.
 */
const EXISTENCE_CHECK = /(?:\b|_)(exists|isfile|is_file|isdir|is_dir|glob|listdir|iterdir)\b/;
const MISSING_FILE_HANDLER = /^except\b[^:]*\b(FileNotFoundError|OSError|IOError|EnvironmentError|Exception|BaseException)\b|^except\s*:/;

/**
 * True when the site is part of a cache (`if os.path.exists(p): read else: compute; write`,
 * `try: read except FileNotFoundError: ...`) or of a check (`assert pd.read_csv(p).shape == ...`).
 */
export function isCacheOrCheck(site: Node): boolean {
  for (const current of ancestors(site, true)) {
    if (current.type === 'assert_statement') return true;
    const condition = conditionOf(current);
    if (condition && EXISTENCE_CHECK.test(condition.text)) return true;
    if (current.type === 'try_statement' && current.namedChildren.some((child) => child?.type === 'except_clause' && MISSING_FILE_HANDLER.test(child.text))) return true;
  }
  return false;
}

/**
 * True when the site is in the body of a `try` that handles an exception: a load there whose value
 * is never used is a probe (does the file exist, parse, have this encoding?), and the handler says
 * what happens when it does not.
 */
export function isProbedInTry(site: Node): boolean {
  for (const current of ancestors(site, true)) {
    if (current.type === 'function_definition' || current.type === 'class_definition') return false;
    if (current.type !== 'try_statement') continue;
    const body = current.childForFieldName('body');
    if (body && body.startIndex <= site.startIndex && site.endIndex <= body.endIndex && current.namedChildren.some((c) => c?.type === 'except_clause')) return true;
  }
  return false;
}
