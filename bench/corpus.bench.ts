// Benchmark on real code: for every .py and .ipynb file under a folder, the bare tree-sitter parse
// of its Python (each notebook cell as the analysis parses it), parse + semantic index, + the
// def-use layer, and the full analysis with every rule; each step once per file, the steps
// interleaved file by file so that a change of machine load touches them alike. Prints the CPU
// and wall totals of each step and its ratio to the bare parse. Run: npm run bench:corpus -- DIR
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { analyzeDocument } from '../server/src/analyze';
import { discoverFiles } from '../server/src/config/files';
import { defaultConfig } from '../server/src/config/settings';
import { parseIpynb } from '../server/src/documents/ipynb';
import { buildDocument, scriptSource, type DocumentSource } from '../server/src/documents/source';
import type { SourceDocument } from '../server/src/documents/types';
import { skipReason } from '../server/src/engine/limits';
import { parseOnce } from '../server/src/parsing/incremental';
import { initParser, type PythonParser } from '../server/src/parsing/parser';
import { SemanticIndex } from '../server/src/semantics';

function readDocument(file: string): DocumentSource | undefined {
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  if (path.extname(file) !== '.ipynb') return scriptSource(uri, text);
  try {
    const notebook = parseIpynb(uri, text);
    if (!['python', 'python3', 'ipython'].includes(notebook.language)) return undefined;
    return { uri, kind: 'notebook', version: 0, cells: notebook.cells };
  } catch {
    return undefined; // not a notebook the CLI would analyse either
  }
}

interface Totals {
  cpu: number;
  wall: number;
}

function timed(totals: Totals, run: () => void): void {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  run();
  totals.wall += performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  totals.cpu += (used.user + used.system) / 1000;
}

export function benchmarkFolder(parser: PythonParser, folder: string): void {
  const config = defaultConfig();
  const docs: SourceDocument[] = [];
  for (const file of discoverFiles([folder]).files) {
    const source = readDocument(file);
    if (source && !skipReason(source, config.maxFileSize)) docs.push(buildDocument(source));
  }
  const lines = docs.reduce((sum, doc) => sum + doc.lineStarts.length, 0);
  const steps: [string, (doc: SourceDocument) => void][] = [
    ['bare tree-sitter parse', (doc) => parseOnce(parser, doc).dispose()],
    ['parse + semantic index', (doc) => {
      const { parsed, dispose } = parseOnce(parser, doc);
      new SemanticIndex(parsed);
      dispose();
    }],
    ['parse + index + def-use layer', (doc) => {
      const { parsed, dispose } = parseOnce(parser, doc);
      void new SemanticIndex(parsed).dataflow;
      dispose();
    }],
    ['full analysis, all rules', (doc) => void analyzeDocument(doc, config, { parser })],
  ];
  const totals = steps.map((): Totals => ({ cpu: 0, wall: 0 }));
  // One warm-up pass over a few files, so that the first file does not pay for compilation.
  for (const doc of docs.slice(0, 20)) for (const [, run] of steps) run(doc);
  for (const doc of docs) steps.forEach(([, run], i) => timed(totals[i], () => run(doc)));

  const width = Math.max(...steps.map(([label]) => label.length));
  const s = (ms: number) => (ms / 1000).toFixed(2).padStart(8);
  const x = (value: number) => `${value.toFixed(2).padStart(6)}x`;
  console.log(`${folder}: ${docs.length} files, ${lines} lines; each step once per file; seconds.`);
  console.log(`${'step'.padEnd(width)}      CPU     wall | CPU / bare  wall / bare`);
  steps.forEach(([label], i) => {
    const t = totals[i];
    console.log(`${label.padEnd(width)} ${s(t.cpu)} ${s(t.wall)} |    ${x(t.cpu / totals[0].cpu)}      ${x(t.wall / totals[0].wall)}`);
  });
}

if (require.main === module) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: npm run bench:corpus -- DIR');
    process.exitCode = 2;
  } else {
    initParser().then((parser) => benchmarkFolder(parser, path.resolve(folder)), (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
