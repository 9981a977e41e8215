// Timestamped progress lines, so a slow step in a CI log shows where the time went.
export function log(message: string): void {
  console.log(`[e2e ${new Date().toISOString().slice(11, 23)}] ${message}`);
}
