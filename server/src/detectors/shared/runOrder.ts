// Whether a write of a file runs before a read of it in one run of the program: the question of
// an intermediate file hop (MLD502) and of a program reading back what it saved itself (MLD908).
import type { Node } from 'web-tree-sitter';
import type { DataFlow } from '../../semantics/dataflow';
import { enclosingFunction, isAncestorOf, sameNode } from '../../semantics/nodes';

/** True when the two sites are in two arms of one `if`: a write in one and a read in the other is a cache behind a flag. */
function inExclusiveArms(a: Node, b: Node): boolean {
  for (let current = a.parent; current; current = current.parent) {
    if (current.type !== 'if_statement' || !isAncestorOf(current, b)) continue;
    const arm = (node: Node) => current!.namedChildren.find((child) => !!child && isAncestorOf(child, node));
    return !sameNode(arm(a), arm(b));
  }
  return false;
}

/**
 * True when the write runs before the read in one run of the program: in the same function (or
 * both at module level) and written first; or one of them in a function the module calls, and the
 * write's run comes first (`df.to_csv(p)` at module level, then a call of `train()` that reads p).
 */
export function writtenBeforeRead(flow: DataFlow, write: Node, read: Node): boolean {
  if (inExclusiveArms(write, read)) return false;
  const fw = enclosingFunction(write);
  const fr = enclosingFunction(read);
  if (fw === undefined ? fr === undefined : sameNode(fw, fr)) return write.endIndex <= read.startIndex;
  const reads = flow.runsAt(read);
  return flow.runsAt(write).some((w) => reads.some((r) => w < r));
}
