// Bounded waiting on a condition, shared by the suite (inside VS Code) and the harness (driving
// the browser): end-to-end tests never sleep for a fixed time.

/**
 * Calls `probe` every 100 ms until it returns a value other than undefined, and returns that value.
 * A probe that throws counts as "not yet" (a DOM node may be replaced while read); after
 * `timeoutMs` it fails, naming what it waited for and the probe's last error.
 */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${lastError ? ` (${String(lastError)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
