// Unified diffs (`mldebt check --diff`): the changed lines with three lines of context, the
// format `patch` and `git apply` read.

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Line operations turning `a` into `b`: common ends trimmed, then a longest common subsequence. */
function lineOps(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const ops: Op[] = a.slice(0, prefix).map((line) => ({ kind: ' ', line }));
  if (midA.length * midB.length > 4_000_000) {
    // Too big a change to align line by line: show it as one replacement.
    ops.push(...midA.map((line): Op => ({ kind: '-', line })), ...midB.map((line): Op => ({ kind: '+', line })));
  } else {
    const n = midA.length;
    const m = midB.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: ' ', line: midA[i++] });
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: midA[i++] });
      else ops.push({ kind: '+', line: midB[j++] });
    }
  }
  ops.push(...a.slice(a.length - suffix).map((line): Op => ({ kind: ' ', line })));
  return ops;
}

/** Lines with their endings kept, so that a change of line ending or final newline shows. */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

function hunkRange(start: number, count: number): string {
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

/** The unified diff from `before` to `after` ('' when they are equal), with 3 lines of context. */
export function unifiedDiff(before: string, after: string, fromName: string, toName: string, context = 3): string {
  if (before === after) return '';
  const ops = lineOps(splitLines(before), splitLines(after));
  const out = [`--- ${fromName}`, `+++ ${toName}`];
  const changed = ops.map((op, index) => (op.kind !== ' ' ? index : -1)).filter((index) => index >= 0);
  let k = 0;
  while (k < changed.length) {
    // One hunk: changes closer than twice the context share their context lines.
    let last = k;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * context) last++;
    const from = Math.max(0, changed[k] - context);
    const to = Math.min(ops.length, changed[last] + context + 1);
    let oldStart = 1;
    let newStart = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== '+') oldStart++;
      if (op.kind !== '-') newStart++;
    }
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${hunkRange(oldStart, oldCount)} +${hunkRange(newStart, newCount)} @@`);
    for (const op of hunk) {
      const body = op.line.replace(/\r?\n$/, '');
      out.push(op.kind + body + (op.line.endsWith('\r\n') ? '\r' : ''));
      if (!op.line.endsWith('\n')) out.push('\\ No newline at end of file');
    }
    k = last + 1;
  }
  return out.join('\n') + '\n';
}
