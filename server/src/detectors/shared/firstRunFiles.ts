// Draws made once, where the file that keeps what they drew is missing: the arm that runs then
// draws and writes the file, and every later run reads it back (`if not os.path.exists(p):` a
// shuffled order dumped to p, else the order loaded; `try: np.load(p)` / `except
// FileNotFoundError:` a split drawn and saved). MLD801 and MLD802 leave such draws alone.
import type { Node } from 'web-tree-sitter';
import type { SemanticIndex } from '../../semantics';
import type { DataIO } from '../../semantics/dataflow';
import { isAncestorOf, sameNode, stripParens } from '../../semantics/nodes';
import { oncePer } from '../../engine/collections';
import { FILE_TEST } from './caches';
import { fileKey } from './runOrder';

/** An error that only a missing file raises, in an `except` clause (`FileNotFoundError`, `IOError`...). */
const MISSING_FILE_ERROR = /^except\s*\(?\s*(FileNotFoundError|OSError|IOError|EnvironmentError)\b/;

/**
 * A draw made only where the file that keeps it is missing, and written there by the same arm
 * after it (`try: idx = np.load(p)` / `except FileNotFoundError: tr, te = train_test_split(...)`,
 * then `np.savez(p, train_idx=tr, test_idx=te)`; `if not os.path.exists(p): order = ...`, then
 * `json.dump(order, open(p, "w"))`): what it drew is written as it is, a name its statement binds
 * or, for a draw that shuffles in place, the name it shuffles (`inPlace`). It is drawn once, and
 * every later run reads the file back. A `try` whose handler catches any error (`except
 * Exception:`) is no cache: it runs on every call.
 */
export function keptFromFirstRun(index: SemanticIndex, draw: Node, inPlace?: Node): boolean {
  // The arms are gathered once per file, and a draw is placed among them by position: walking up
  // from every draw of one expression thousands of operators deep would be quadratic.
  const arms = keptArms(index);
  if (arms.length === 0) return false;
  const within = (outer: Node, node: Node) => outer.startIndex <= node.startIndex && node.endIndex <= outer.endIndex;
  const found = arms.find(({ arm }) => within(arm, draw));
  // The arm must be the draw's nearest block: a draw in a loop or `if` inside it may run again.
  if (!found || index.nodes('block').some((block) => !sameNode(block, found.arm) && within(found.arm, block) && within(block, draw))) return false;
  const { arm, kept } = found;
  const flow = index.dataflow;
  const shuffled = inPlace && stripParens(inPlace).type === 'identifier' ? stripParens(inPlace).text : undefined;
  return flow.io.some((io) => {
    if (io.direction !== 'write' || !io.path || !isAncestorOf(arm, io.call.node) || io.call.node.startIndex < draw.endIndex) return false;
    const key = fileKey(flow, io.path);
    if (key === undefined || !kept.includes(key)) return false;
    return writtenValues(index, io).some((value) => flow.readsWithin(value).some((read) => read.name === shuffled
      || flow.reachingDefinitions(read).some((definition) => isAncestorOf(definition.statement, draw))));
  });
}

/** The blocks run only where a file is missing, with the keys of those files (keptFiles), once per file. */
const keptArms = oncePer((index: SemanticIndex): { arm: Node; kept: string[] }[] => index.nodes('block').flatMap((arm) => {
  const owner = arm.parent?.type;
  if (owner !== 'except_clause' && owner !== 'if_statement' && owner !== 'else_clause') return [];
  const kept = keptFiles(index, arm);
  return kept.length > 0 ? [{ arm, kept }] : [];
}));

/**
 * What a write puts in its file: its own arguments besides the path, or, for a handle opened for
 * writing, what the calls it is handed write (`json.dump(order, open(p, "w"))`, and
 * `with open(p, "w") as f: json.dump(order, f)`).
 */
function writtenValues(index: SemanticIndex, io: DataIO): Node[] {
  const own = [...(io.call.receiver ? [io.call.receiver] : []), ...io.call.args, ...io.call.kwargs.values()].filter((value) => !io.paths.some((path) => sameNode(path, value)));
  const handedTo = (handle: Node) => {
    const call = handle.parent?.type === 'argument_list' ? handle.parent.parent : undefined;
    const site = call?.type === 'call' ? index.call(call) : undefined;
    return site ? [...site.args, ...site.kwargs.values()].filter((value) => !sameNode(value, handle)) : [];
  };
  const opened = [...handedTo(io.call.node)];
  const item = io.call.node.parent?.type === 'as_pattern' ? io.call.node.parent : undefined;
  const alias = item?.childForFieldName('alias')?.namedChild(0) ?? undefined;
  const body = item?.parent?.parent?.type === 'with_clause' ? item.parent.parent.parent?.childForFieldName('body') : undefined;
  if (alias?.type === 'identifier' && body) {
    for (const read of index.dataflow.readsWithin(body)) if (read.name === alias.text) opened.push(...handedTo(read.node));
  }
  return [...own, ...opened];
}

/**
 * The keys of the files an arm is run for when they are missing: the files the `try` reads, for the
 * handler of a missing file; the file tested, for the body of `if not os.path.exists(p):` or the
 * `else` of `if os.path.exists(p):`.
 */
function keptFiles(index: SemanticIndex, arm: Node): string[] {
  const flow = index.dataflow;
  const keys = (paths: Node[]) => paths.flatMap((path) => fileKey(flow, path) ?? []);
  const owner = arm.parent;
  if (owner?.type === 'except_clause' && MISSING_FILE_ERROR.test(owner.text) && owner.parent?.type === 'try_statement') {
    const body = owner.parent.childForFieldName('body');
    return body ? keys(flow.io.filter((io) => io.direction === 'read' && !!io.path && isAncestorOf(body, io.call.node)).map((io) => io.path!)) : [];
  }
  const statement = owner?.type === 'else_clause' ? owner.parent : owner;
  if (statement?.type !== 'if_statement') return [];
  let condition = statement.childForFieldName('condition');
  const negated = condition?.type === 'not_operator';
  if (negated) condition = condition!.childForFieldName('argument');
  // The body runs where the file is missing under `not`, the `else` where it is missing otherwise.
  if (!condition || negated !== (owner?.type === 'if_statement')) return [];
  const test = condition.type === 'call' ? index.call(condition) : undefined;
  const callee = test?.callee.text ?? '';
  const tested = !test || !FILE_TEST.test(callee) ? undefined : test.receiver && !test.qname ? test.receiver : test.args[0];
  return tested ? keys([tested]) : [];
}
