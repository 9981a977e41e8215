// When the language server analyses an edited document, and whether it finishes an analysis that
// a newer version overtook. Pure timing policy: server.ts keeps the clocks and applies it.

/**
 * Changes of one document closer together than this are one burst of typing (or an editor's
 * several change notifications for one action): the analysis waits this long after the last of
 * them. Short enough not to be seen.
 */
export const TYPING_PAUSE_MS = 30;

/**
 * How long to wait before analysing a document changed at `now`, whose previous change came at
 * `previousChange` (undefined: none since it was opened). A change after a quiet spell is
 * analysed at once; only while changes keep arriving does the analysis wait for a pause. An
 * analysis started too early costs little: a change that arrives during it is read between its
 * slices and overtakes it (see finishOvertaken).
 */
export function typingPause(previousChange: number | undefined, now: number): number {
  return previousChange !== undefined && now - previousChange < TYPING_PAUSE_MS ? TYPING_PAUSE_MS : 0;
}

/**
 * Whether an analysis overtaken by a newer version of its document is finished (and published)
 * rather than given up: when it has run at least half as long as the document's last complete
 * analysis (`expectedMs`), so what is left is at most what is done. Given up, its keystroke waits
 * for the next whole analysis; finished, it is answered sooner, and the newer version follows
 * at once. Without a previous duration the analysis is given up.
 */
export function finishOvertaken(elapsedMs: number, expectedMs: number | undefined): boolean {
  return expectedMs !== undefined && elapsedMs * 2 >= expectedMs;
}
