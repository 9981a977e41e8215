// Fuzzes the engine as the language server runs it: scripts and notebooks with lone '\r', BOM,
// NUL, surrogate halves, 1 MB lines, 20k-deep nesting, truncated and malformed notebooks and
// non-Python kernels. Every case must analyse without an exception, within a bound of time, and
// every diagnostic must lie within its document (file or cell) in UTF-16 units.
//   npm run fuzz -- [cases] [seed]
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../../server/src/config/settings';
import { parseIpynb, NotebookFormatError } from '../../server/src/documents/ipynb';
import { scriptSource, type DocumentSource } from '../../server/src/documents/source';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { initParser } from '../../server/src/parsing/parser';
import { Session } from '../../server/src/session';
import { generatedScript } from '../../bench/workload';
import { seededRandom as random } from '../support/random';

const BUDGET_MS = 2000;
/** A case slower than this counts as a hang (the budget plus parsing and indexing). */
const HANG_MS = 15000;


type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const int = (rand: Rand, max: number): number => Math.floor(rand() * max);

const HOSTILE_PIECES = ['\r', '\r\n', '\n', '\uFEFF', '\u0000', '\uD800', '\uDC00', '\uD83D\uDE00', '\t', '\\', '"""', "'", '(', ')', '[', ']', '{', '}', ':', '#', '%', '!', '%%bash\n', '!pip install x\n', 'é', '\u2028', '\u000B', '\f'];

function mutate(rand: Rand, text: string): { text: string; kinds: string[] } {
  const kinds: string[] = [];
  let out = text;
  const edits = 1 + int(rand, 6);
  for (let e = 0; e < edits; e++) {
    const at = int(rand, out.length + 1);
    const choice = int(rand, 10);
    if (choice < 4) {
      const piece = pick(rand, HOSTILE_PIECES);
      out = out.slice(0, at) + piece + out.slice(at);
      kinds.push(JSON.stringify(piece));
    } else if (choice < 6) {
      out = out.slice(0, at) + out.slice(at + int(rand, 40));
      kinds.push('delete');
    } else if (choice < 7) {
      out = out.slice(0, at);
      kinds.push('truncate');
    } else if (choice < 8) {
      out = out.replace(/\n/g, pick(rand, ['\r', '\r\n', '\n\r']));
      kinds.push('line-endings');
    } else if (choice < 9) {
      out = '\uFEFF' + out;
      kinds.push('bom');
    } else {
      const lone = pick(rand, ['\uD800', '\uDBFF', '\uDC00', '\uDFFF']);
      out = out.slice(0, at) + lone + out.slice(at);
      kinds.push('surrogate');
    }
  }
  return { text: out, kinds };
}

function rareScript(rand: Rand): { text: string; kind: string } {
  const which = int(rand, 4);
  if (which === 0) return { text: `x = "${'a'.repeat(1024 * 1024)}"\nimport numpy as np\ny = np.random.rand(3)\n`, kind: '1MB-line' };
  if (which === 1) return { text: `x = ${'('.repeat(20000)}1${')'.repeat(20000)}\n`, kind: '20k-deep-parens' };
  if (which === 2) return { text: `x = ${'['.repeat(20000)}${']'.repeat(20000)}\nimport numpy as np\nnp.random.rand()\n`, kind: '20k-deep-lists' };
  let nested = '';
  for (let i = 0; i < 20000; i++) nested += `${' '.repeat(i % 80)}if x:\n`;
  return { text: `${nested}${' '.repeat(20000 % 80)}pass\n`, kind: '20k-deep-blocks' };
}

interface Case {
  source?: DocumentSource;
  /** Raw notebook JSON that may be rejected (a NotebookFormatError is an accepted outcome). */
  ipynb?: string;
  kind: string;
}

function notebookJson(rand: Rand, cells: string[]): string {
  const language = rand() < 0.15 ? pick(rand, ['r', 'julia', 'scala', 'javascript']) : 'python';
  const nb = {
    nbformat: 4,
    metadata: { kernelspec: { language, name: language }, language_info: { name: language } },
    cells: cells.map((text) => {
      const kind = rand() < 0.15 ? 'markdown' : 'code';
      const source: unknown = rand() < 0.5 ? text : text.split(/(?<=\n)/);
      const cell: Record<string, unknown> = { cell_type: kind, source, metadata: rand() < 0.1 ? { vscode: { languageId: pick(rand, ['r', 'python', 'sql']) } } : {} };
      if (kind === 'code') {
        cell.execution_count = rand() < 0.3 ? null : int(rand, 20);
        cell.outputs = rand() < 0.5 ? [] : [{ output_type: 'stream', text: 'x' }];
      }
      if (rand() < 0.02) cell.source = pick(rand, [42, null, { a: 1 }, [1, 2]]);
      return cell;
    }),
  };
  let json = JSON.stringify(nb);
  if (rand() < 0.1) json = json.slice(0, int(rand, json.length));
  else if (rand() < 0.05) json = pick(rand, ['{}', '[]', 'null', '{"cells": 3}', '{"cells": [null, 1, "x"]}', '\uFEFF{"cells": []}']);
  return json;
}

function makeCase(rand: Rand, index: number): Case {
  if (rand() < 0.004) {
    const rare = rareScript(rand);
    return rand() < 0.5 ? { source: scriptSource(`file:///fuzz/${index}.py`, rare.text), kind: rare.kind } : { ipynb: notebookJson(rand, [rare.text, 'y = 1\n']), kind: `notebook-${rare.kind}` };
  }
  if (rand() < 0.6) {
    const base = generatedScript(5 + int(rand, 80), int(rand, 1000));
    const { text, kinds } = mutate(rand, base);
    return { source: scriptSource(`file:///fuzz/${index}.py`, text), kind: `script ${kinds.join(' ')}` };
  }
  const cells = Array.from({ length: 1 + int(rand, 8) }, () => mutate(rand, generatedScript(3 + int(rand, 20), int(rand, 1000)).replace(/^(import|from) .*\n/gm, (m) => (rand() < 0.3 ? m : ''))).text);
  return { ipynb: notebookJson(rand, cells), kind: 'notebook' };
}

/** Problems with a case's diagnostics: each must lie inside its file or cell, in UTF-16 units. */
function outOfRange(source: DocumentSource, diagnostics: Map<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; relatedInformation?: { location: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } } }[] }[]>): string[] {
  const texts = new Map(source.cells.map((cell) => [cell.uri, TextDocument.create(cell.uri, 'python', 1, cell.text)]));
  const problems: string[] = [];
  const check = (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, what: string) => {
    const doc = texts.get(uri);
    if (!doc) return problems.push(`${what} on unknown uri ${uri}`);
    for (const [end, at] of [['start', range.start], ['end', range.end]] as const) {
      if (at.line < 0 || at.character < 0 || at.line >= doc.lineCount) return problems.push(`${what} ${end} ${at.line}:${at.character} outside ${doc.lineCount} lines`);
      const lineEnd = doc.offsetAt({ line: at.line + 1, character: 0 });
      const lineStart = doc.offsetAt({ line: at.line, character: 0 });
      const line = doc.getText().slice(lineStart, lineEnd).replace(/\r\n$|\r$|\n$/, '');
      if (at.character > line.length) return problems.push(`${what} ${end} ${at.line}:${at.character} past the end of a ${line.length}-unit line`);
    }
    if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) problems.push(`${what} starts after it ends`);
    return undefined;
  };
  for (const [uri, list] of diagnostics) {
    for (const diagnostic of list) {
      check(uri, diagnostic.range, 'diagnostic');
      for (const related of diagnostic.relatedInformation ?? []) check(related.location.uri, related.location.range, 'related');
    }
  }
  return problems;
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? 1);
  const parser = await initParser();
  const session = new Session(parser);
  const rand = random(seed);
  const tally = { scripts: 0, notebooks: 0, rejectedNotebooks: 0, skipped: 0, budgetStops: 0, diagnostics: 0, withCr: 0, rare: 0 };
  const failures: string[] = [];
  let slowest = { ms: 0, kind: '' };
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const fuzzCase = makeCase(rand, i);
    const caseStarted = performance.now();
    try {
      let source = fuzzCase.source;
      if (fuzzCase.ipynb !== undefined) {
        tally.notebooks++;
        try {
          const notebook = parseIpynb(`file:///fuzz/${i}.ipynb`, fuzzCase.ipynb);
          source = { uri: `file:///fuzz/${i}.ipynb`, kind: 'notebook', version: 1, cells: notebook.cells };
        } catch (error) {
          if (!(error instanceof NotebookFormatError)) throw error;
          tally.rejectedNotebooks++;
        }
      } else tally.scripts++;
      if (!fuzzCase.kind.startsWith('script') && !fuzzCase.kind.startsWith('notebook')) tally.rare++;
      if (source) {
        if (source.cells.some((c) => /\r(?!\n)/.test(c.text))) tally.withCr++;
        const analysis = session.analyze(source, defaultConfig(), { budgetMs: BUDGET_MS });
        if (analysis.skipped) tally.skipped++;
        else {
          if (analysis.budgetStop) tally.budgetStops++;
          const failed = analysis.errors.filter((e) => e.kind !== 'budget');
          if (failed.length) throw new Error(`rule ${failed[0].code} threw: ${failed[0].message.split('\n')[0]}`);
          const diagnostics = toDiagnostics(analysis.doc, analysis.findings, { relatedInformation: true });
          for (const list of diagnostics.values()) tally.diagnostics += list.length;
          const problems = outOfRange(source, diagnostics);
          if (problems.length) throw new Error(problems.slice(0, 3).join('; '));
        }
        session.close(source.uri);
      }
    } catch (error) {
      const file = path.join(tmpdir(), `mldebt-fuzz-${seed}-${i}.json`);
      writeFileSync(file, JSON.stringify(fuzzCase));
      failures.push(`case ${i} (${fuzzCase.kind.slice(0, 60)}): ${(error as Error).message.slice(0, 300)} [saved to ${file}]`);
    }
    const ms = performance.now() - caseStarted;
    if (ms > slowest.ms) slowest = { ms, kind: fuzzCase.kind.slice(0, 40) };
    if (ms > HANG_MS) failures.push(`case ${i} (${fuzzCase.kind.slice(0, 60)}) took ${(ms / 1000).toFixed(1)} s`);
    if ((i + 1) % 1000 === 0) console.log(`${i + 1} cases, ${failures.length} failure(s), ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(`fuzz: ${total} cases (seed ${seed}): ${tally.scripts} scripts, ${tally.notebooks} notebooks (${tally.rejectedNotebooks} rejected as malformed), ${tally.rare} rare (1 MB lines, 20k-deep nesting), ${tally.withCr} with a lone \\r`);
  console.log(`  ${tally.skipped} skipped (binary or too large), ${tally.budgetStops} stopped by the ${BUDGET_MS} ms budget, ${tally.diagnostics} diagnostics checked in range`);
  console.log(`  slowest case ${(slowest.ms / 1000).toFixed(2)} s (${slowest.kind}); total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`  ${failures.length} failure(s)`);
  for (const failure of failures.slice(0, 20)) console.log(`  - ${failure}`);
  process.exitCode = failures.length ? 1 : 0;
}

void main();
