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
