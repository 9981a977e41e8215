// Code quoted in messages and fix titles: on one line, and cut when it is long, so that a finding
// names the line's own expression without pasting a whole statement into the Problems panel.

/**
 * `flat` cut to `max` characters (ellipsis included) at a token boundary: an identifier or a
 * number is never cut in the middle ("orig_destination_d…" would name something that does not
 * exist). A first token longer than `max` is kept whole.
 */
export function cutAtToken(flat: string, max: number, ellipsis: string): string {
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, Math.max(1, max - ellipsis.length));
  if (/\w$/.test(cut) && /^\w/.test(flat.slice(cut.length))) {
    const shorter = cut.replace(/\w+$/, '');
    cut = shorter.trim() ? shorter : /^\W*\w+/.exec(flat)![0];
  }
  cut = cut.trimEnd();
  return cut.length >= flat.length ? flat : `${cut}${ellipsis}`;
}

/** `text` on one line, cut to `max` characters with `...` when longer. */
export function shorten(text: string, max = 40): string {
  return cutAtToken(text.replace(/\s+/g, ' '), max, '...');
}
