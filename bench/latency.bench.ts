// Edit -> diagnostics latency through the real language server: spawns `node dist/server.js
// --stdio` with an independent LSP client, opens a generated 5,000-line script and a 300-cell
// notebook, types single characters at human spacing (bursts of keystrokes 60-250 ms apart, then
// a pause) and times, for every keystroke, how long until a publishDiagnostics shows that
// version or a newer one: debounce, parse, analysis and publication included. The typing goes
// into a path string (`pd.read_csv("/data/run_<typed>.csv")`), so the MLD602 message names the
// text the analysis saw: that identifies the version in scripts and notebook cells alike. It
// also reports a stale publication (an older version published after a newer one was seen).
// Each target is typed into twice: with the rules a user gets by default (the recommended set)
// and with every rule selected (the costliest configuration).
// Prints p50/p95, their ratio to a bare parse of the same text timed in this process around the
// run (the machine is shared: the ratio moves less with its load than milliseconds do) and the
// machine's load; asserts nothing.
//   npm run bench:latency [-- keystrokes [other/dist/server.js]] [--warm N] [--node-defaults |
//   --compare-node-defaults]   (the second server runs alternately, script and notebook in turn, so
//   both builds see the same load; --warm types N keystrokes first, at the same spacing, that are not
//   measured: a fresh server's first analyses run before V8 has optimised the engine, which an
//   editor's long-lived server has done by then; the servers start with the VS Code client's Node
//   flags unless told otherwise, see serverVariants.ts)
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { TestClient, messageOf } from '../test/support/lspClient';
import { generateScript } from './defuse.bench';
import { seededRandom as random } from '../test/support/random';
import { initParser, type PythonParser } from '../server/src/parsing/parser';
import { SERVER_FLAGS, serverVariants, type ServerVariant } from './serverVariants';

const WARM_FLAG = process.argv.indexOf('--warm');
/** Keystrokes typed before the measured ones and not measured (see the header). */
const WARMUP = WARM_FLAG >= 0 ? Number(process.argv[WARM_FLAG + 1]) : 0;
const POSITIONAL = process.argv.slice(2).filter((arg, i, args) => arg !== '--warm' && args[i - 1] !== '--warm' && !SERVER_FLAGS.includes(arg));
const KEYSTROKES = Number(POSITIONAL[0] ?? 60);
const OTHER_SERVER = POSITIONAL[1];
/** Keystrokes per burst of typing; a pause follows each burst. */
const BURST = 6;
const SCRIPT_LINES = 5000;
const NOTEBOOK_CELLS = 300;
const MARKER = 'marker_frame = pd.read_csv("/data/run_.csv")';
/** Column of the insertion point inside MARKER: just before `.csv`. */
const TYPE_AT = MARKER.indexOf('.csv"');
const TYPED = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** The editor settings each target is typed under: an empty `select` is the default (recommended) set. */
const RULE_SETS = [
  { label: 'default rules', settings: { select: [] } },
  { label: 'every rule', settings: { select: ['ALL'] } },
];


/** Splits the generated script into its blocks (each starts at a blank line before top-level code). */
function blocksOf(text: string): string[] {
  return text.split(/\n(?=\n[^\s])/).map((block) => block.replace(/^\n/, '')).filter((block) => block.trim());
}

/** The typed text a diagnostic of the marker line shows, or undefined when it shows none. */
function seenTyped(messages: string[]): string | undefined {
  for (const message of messages) {
    const match = /"\/data\/run_([a-z0-9]*)\.csv"/.exec(message);
    if (match) return match[1];
  }
  return undefined;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

interface Result {
  label: string;
  latencies: number[];
  /** The same for the last keystroke of each burst: how long the eye waits once typing stops. */
  afterPause: number[];
  /** Wall time of each analysis, as the server logs it (parse, index, rules). */
  analyses: number[];
  /** The same by phase, as the server logs it: parse, index, rules, paused between slices. */
  phases: number[][];
  stale: number;
  published: number;
}

interface Target {
  label: string;
  /** The whole text (a notebook's cells joined), for the bare parse the latencies are compared with. */
  text: string;
  /** The URI whose diagnostics show the marker. */
  diagnosticsUri: string;
  open(client: TestClient): Promise<void>;
  /** Sends the insertion of `char` at column `column` of the marker line, as document version `version`. */
  type(client: TestClient, version: number, column: number, char: string): Promise<void>;
}

async function measure(target: Target, settings: Record<string, unknown>, variant: ServerVariant): Promise<Result> {
  const client = await TestClient.start({ settings, server: variant.server, execArgv: variant.execArgv });
  const sent: { typed: string; at: number }[] = [];
  const latencies = new Map<number, number>();
  let longestSeen = -1;
  let stale = 0;
  let published = 0;
  client.onPublish.push((params) => {
    if (params.uri !== target.diagnosticsUri) return;
    const typed = seenTyped(params.diagnostics.map(messageOf));
    if (typed === undefined) return;
    published++;
    const now = performance.now();
    if (typed.length < longestSeen) stale++;
    longestSeen = Math.max(longestSeen, typed.length);
    // This publication answers every keystroke up to the one that produced `typed`.
    for (let i = 0; i < sent.length; i++) {
      if (i + 1 <= typed.length && !latencies.has(i)) latencies.set(i, now - sent[i].at);
    }
  });
  await target.open(client);
  await client.waitFor(target.diagnosticsUri, (d) => seenTyped(d.map(messageOf)) === '', 60000);
  const next = random(11);
  let version = 1;
  let typed = '';
  let logsBefore = 0;
  for (let k = 0; k < WARMUP + KEYSTROKES; k++) {
    if (k === WARMUP && WARMUP > 0) {
      // The warm-up's last analysis is published before the measured typing starts.
      await client.waitFor(target.diagnosticsUri, (d) => seenTyped(d.map(messageOf)) === typed, 60000);
      logsBefore = client.logs.length;
    }
    const char = TYPED[k % TYPED.length];
    const column = TYPE_AT + typed.length;
    typed += char;
    version++;
    sent.push({ typed, at: performance.now() });
    await target.type(client, version, column, char);
    // Bursts of about six keystrokes 60-250 ms apart, then a pause while the eye reads.
    const pause = (k + 1) % BURST === 0 ? 1200 : 60 + next() * 190;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  await client.waitFor(target.diagnosticsUri, (d) => seenTyped(d.map(messageOf)) === typed, 60000);
  const logged = client.logs.slice(logsBefore).flatMap((line) => {
    // Builds before the phases were logged give the total only, and so does a version whose text
    // was analysed already (the session takes the last analysis).
    const match = / finding\(s\) in ([0-9.]+) ms(?: \(parse ([0-9.]+), index ([0-9.]+), rules ([0-9.]+), paused ([0-9.]+) ms\))?/.exec(line);
    return match ? [match.slice(1).map(Number)] : [];
  }).slice(WARMUP > 0 ? 0 : 1);
  const analyses = logged.map(([total]) => total);
  const phases = logged.map(([, ...parts]) => parts).filter((parts) => !parts.some(Number.isNaN));
  await client.stop();
  const measured = [...latencies].filter(([k]) => k >= WARMUP);
  const afterPause = measured.filter(([k]) => (k + 1) % BURST === 0).map(([, ms]) => ms);
  const label = WARMUP > 0 ? `${target.label}, after ${WARMUP} unmeasured keystrokes` : target.label;
  return { label, latencies: measured.map(([, ms]) => ms), afterPause, analyses, phases, stale, published };
}

function scriptTarget(): Target {
  const lines = generateScript(SCRIPT_LINES).split('\n');
  const markerLine = Math.floor(lines.length / 2);
  lines.splice(markerLine, 0, MARKER);
  const text = lines.join('\n');
  const uri = 'file:///bench/latency_script.py';
  return {
    label: `script, ${lines.length} lines, edit at line ${markerLine + 1}`,
    text,
    diagnosticsUri: uri,
    async open(client) {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    },
    async type(client, version, column, char) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: markerLine, character: column }, end: { line: markerLine, character: column } }, text: char }],
      });
    },
  };
}

function notebookTarget(): Target {
  const blocks = blocksOf(generateScript(SCRIPT_LINES));
  const header = blocks.shift()!;
  const perCell = Math.max(1, Math.floor(blocks.length / (NOTEBOOK_CELLS - 1)));
  const cells = [header];
  for (let c = 0; c < NOTEBOOK_CELLS - 1; c++) cells.push(blocks.slice(c * perCell, (c + 1) * perCell).join('\n\n') || 'pass');
  const edited = Math.floor(NOTEBOOK_CELLS / 2);
  cells[edited] = `${cells[edited]}\n${MARKER}`;
  const markerLine = cells[edited].split('\n').length - 1;
  const nb = 'file:///bench/latency_notebook.ipynb';
  const cellUri = (i: number) => `vscode-notebook-cell:/bench/latency_notebook.ipynb#C${i}`;
  const lineCount = cells.reduce((n, cell) => n + cell.split('\n').length, 0);
  return {
    label: `notebook, ${cells.length} cells, ${lineCount} lines, edit in cell ${edited + 1}`,
    text: cells.join('\n'),
    diagnosticsUri: cellUri(edited),
    async open(client) {
      await client.connection.sendNotification('notebookDocument/didOpen', {
        notebookDocument: { uri: nb, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((_, i) => ({ kind: 2, document: cellUri(i) })) },
        cellTextDocuments: cells.map((text, i) => ({ uri: cellUri(i), languageId: 'python', version: 1, text })),
      });
    },
    async type(client, version, column, char) {
      await client.connection.sendNotification('notebookDocument/didChange', {
        notebookDocument: { uri: nb, version },
        change: {
          cells: {
            textContent: [{
              document: { uri: cellUri(edited), version },
              changes: [{ range: { start: { line: markerLine, character: column }, end: { line: markerLine, character: column } }, text: char }],
            }],
          },
        },
      });
    },
  };
}

/** The median time of a full parse of `text` from scratch, in ms. */
function bareParse(parser: PythonParser, text: string): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    parser.parse(text).delete();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
}

function report(result: Result, loadBefore: number[], parseMs: number): void {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  console.log(`${result.label}`);
  console.log(`  edit -> publishDiagnostics: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, ` +
    `max ${sorted[sorted.length - 1].toFixed(0)} ms (n=${sorted.length} keystrokes, ${result.published} publications, ${result.stale} stale)`);
  console.log(`  bare parse of the whole text ${parseMs.toFixed(1)} ms (median of 5 before and after): p50 ${(p50 / parseMs).toFixed(2)}x, p95 ${(p95 / parseMs).toFixed(2)}x`);
  const pauses = [...result.afterPause].sort((a, b) => a - b);
  if (pauses.length) console.log(`  last keystroke of a burst -> publishDiagnostics: p50 ${percentile(pauses, 0.5).toFixed(0)} ms, p95 ${percentile(pauses, 0.95).toFixed(0)} ms (n=${pauses.length})`);
  const analyses = [...result.analyses].sort((a, b) => a - b);
  if (analyses.length) {
    console.log(`  the server's analysis of an edit (wall): p50 ${percentile(analyses, 0.5).toFixed(0)} ms, p95 ${percentile(analyses, 0.95).toFixed(0)} ms (n=${analyses.length})`);
    const median = (phase: number) => percentile(result.phases.map((parts) => parts[phase]).sort((a, b) => a - b), 0.5).toFixed(1);
    if (result.phases.length) {
      console.log(`    medians of the ${result.phases.length} that ran: parse ${median(0)} ms, index ${median(1)} ms, rules ${median(2)} ms, paused between slices ${median(3)} ms`);
    }
  }
  console.log(`  load average (1/5/15 min) before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${load}; ${os.cpus().length} cores`);
}

async function main(): Promise<void> {
  const parser = await initParser();
  const variants = serverVariants(OTHER_SERVER);
  for (const target of [scriptTarget(), notebookTarget()]) {
    for (const rules of RULE_SETS) {
      for (const variant of variants) {
        const loadBefore = os.loadavg();
        const parseBefore = bareParse(parser, target.text);
        const result = await measure(target, rules.settings, variant);
        const parseMs = (parseBefore + bareParse(parser, target.text)) / 2;
        result.label += `, ${rules.label}`;
        if (variants.length > 1) result.label += ` [${variant.label}]`;
        report(result, loadBefore, parseMs);
      }
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
