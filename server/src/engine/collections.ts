// Small collection helpers the engine's layers share.

/**
 * Appends `value` to the list `map` keeps under `key`. Grouping by copying the list per item
 * (`map.set(k, [...(map.get(k) ?? []), v])`) is quadratic in the size of a group; this is not.
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The items grouped by their key, in order within a group; items without a key are left out. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) pushTo(groups, key, item);
  }
  return groups;
}

/**
 * The items grouped so that two items sharing a key, directly or through other items, are in one
 * group: the groups in the order of their first item, each in the order of the items. Near-linear
 * (union-find with path halving over the keys).
 */
export function groupConnected<T, K>(items: readonly T[], keysOf: (item: T) => readonly K[]): T[][] {
  const parent = new Map<K, K>();
  const root = (key: K): K => {
    let current = key;
    for (let up = parent.get(current)!; up !== current; up = parent.get(current)!) {
      const grand = parent.get(up)!;
      parent.set(current, grand);
      current = grand;
    }
    return current;
  };
  const itemKeys = items.map(keysOf);
  for (const keys of itemKeys) {
    for (const key of keys) if (!parent.has(key)) parent.set(key, key);
    for (const key of keys.slice(1)) parent.set(root(key), root(keys[0]));
  }
  const groups = new Map<K | T, T[]>();
  items.forEach((item, i) => pushTo(groups, itemKeys[i].length > 0 ? root(itemKeys[i][0]) : item, item));
  return [...groups.values()];
}

/**
 * The answers of `answer` for `items` that are not undefined, in order: for the scans of every
 * call of a document that keep a few (`flatMap((call) => f(call) ?? [])` made an empty list per
 * call, and flatMap's generic path cost twenty times a loop).
 */
export function definedOf<T, U>(items: readonly T[], answer: (item: T) => U | undefined): U[] {
  const kept: U[] = [];
  for (let i = 0; i < items.length; i++) {
    const value = answer(items[i]);
    if (value !== undefined) kept.push(value);
  }
  return kept;
}

/**
 * `compute`, answered once per key object (a document's index, a call) and forgotten with it: for
 * the questions about a whole document that rules ask per call, per draw or per finding.
 */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const answers = new WeakMap<K, V>();
  return (key) => {
    if (answers.has(key)) return answers.get(key)!;
    const answer = compute(key);
    answers.set(key, answer);
    return answer;
  };
}
