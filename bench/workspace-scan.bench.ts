// Check Workspace on a large workspace, and what the user typing in an open file feels meanwhile.
// Links the first N .py/.ipynb files of a folder (sorted) into a temporary workspace, starts the
// bundled server on it, opens an example script, and measures:
//   - the scan: files, findings and wall time of mlDebt/checkWorkspace;
//   - typing: from a didChange to the diagnostics of that version (includes the 200 ms debounce),
//     and hover round trips, both without a scan (baseline) and while the scan runs (100 edits,
//     GAP_MS apart, default 500).
//   npm run bench:scan -- FOLDER 2000   (the first 2000 .py/.ipynb files under FOLDER)
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { discoverFiles } from '../server/src/config/files';
import type { CheckWorkspaceResult } from '../server/src/features/workspaceProtocol';
import { TestClient } from '../test/support/lspClient';

const ROOT = path.resolve(__dirname, '..', '..');

function stats(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  return `${label}: median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (n=${samples.length})`;
}

async function typingSamples(client: TestClient, uri: string, text: string, firstVersion: number, until: () => boolean, max: number, gapMs = 0): Promise<{ edits: number[]; hovers: number[]; version: number }> {
  const edits: number[] = [];
  const hovers: number[] = [];
  let version = firstVersion;
  const lines = text.split('\n').length;
  while (edits.length < max && until()) {
    version++;
    const started = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } }, text: version % 2 ? '#' : '' }],
    });
    client.reset(uri);
    await client.waitFor(uri, () => true, 60_000);
    edits.push(performance.now() - started);
    const hoverStart = performance.now();
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    hovers.push(performance.now() - hoverStart);
    if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return { edits, hovers, version };
}

async function main(): Promise<void> {
  const source = path.resolve(process.argv[2] ?? path.join(ROOT, 'examples'));
  const count = Number(process.argv[3] ?? 2000);
  const files = discoverFiles([source], [], source).files.slice(0, count);
  const workspace = mkdtempSync(path.join(tmpdir(), 'mldebt-scan-bench-'));
  files.forEach((file, i) => symlinkSync(file, path.join(workspace, `${String(i).padStart(5, '0')}-${path.basename(file)}`)));
  const client = await TestClient.start({ workspaceFolder: workspace });
  try {
    const scriptPath = path.join(ROOT, 'examples', 'train_churn.py');
    const text = readFileSync(scriptPath, 'utf8');
    const uri = pathToFileURL(path.join(tmpdir(), 'mldebt-open-file.py')).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    await client.waitFor(uri, (d) => d.length > 0, 30_000);

    const baseline = await typingSamples(client, uri, text, 1, () => true, 20);
    // First the scan alone, then again while the user types: an edit, a pause to read (gapMs), and
    // so on; the scan gives way to the open file's analyses, so typing slows it down.
    const alone: CheckWorkspaceResult = await client.connection.sendRequest('mlDebt/checkWorkspace', { exclude: [] });
    let scanning = true;
    const scan = client.connection.sendRequest<CheckWorkspaceResult>('mlDebt/checkWorkspace', { exclude: [] }).finally(() => (scanning = false));
    const during = await typingSamples(client, uri, text, baseline.version, () => scanning, 100, Number(process.env.GAP_MS ?? 500));
    const typed = await scan;
    const perFile = (r: CheckWorkspaceResult) => `${(r.durationMs / 1000).toFixed(1)} s, ${(r.durationMs / r.analysed).toFixed(1)} ms per file`;
    console.log(`workspace: ${files.length} files linked from ${source}`);
    console.log(`scan alone: ${alone.analysed} of ${alone.files} files analysed, ${alone.findings} findings, ${perFile(alone)}`);
    console.log(`scan while typing (${during.edits.length} edits): ${perFile(typed)}`);
    console.log(stats('edit -> diagnostics, no scan     ', baseline.edits));
    console.log(stats('edit -> diagnostics, during scan ', during.edits));
    console.log(stats('hover round trip, no scan        ', baseline.hovers));
    console.log(stats('hover round trip, during scan    ', during.hovers));
  } finally {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
