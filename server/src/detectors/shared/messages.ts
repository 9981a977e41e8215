// Code quoted in messages and fix titles: on one line, and cut when it is long, so that a finding
// names the line's own expression without pasting a whole statement into the Problems panel.

/** `text` on one line, cut to `max` characters with `...` when longer. */
export function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 3)}...`;
}
