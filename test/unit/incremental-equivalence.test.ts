// The language server analyses each version of an open document incrementally (the session keeps
// parse trees and syntax tables between versions and reuses what an edit left standing). This
// replays random edits — characters typed and deleted, lines split and joined, statements pasted,
// edits in notebook cells, cells added and removed — through one Session, and after each batch
// compares its findings with a fresh analysis of the final text: they must be identical. Some
// versions are given up after a few steps, as the server does when a newer version arrives.
// Seeded; a failure names the seed and the edit (EQUIVALENCE_SEED=N replays another seed).
import { strict as assert } from 'node:assert';
import { analyzeDocument } from '../../server/src/analyze';
import { defaultConfig, type AnalysisConfig } from '../../server/src/config/settings';
import { buildDocument, scriptSource, type DocumentSource } from '../../server/src/documents/source';
import { Session } from '../../server/src/session';
import type { PythonParser } from '../../server/src/parsing/parser';
import { generatedCells, generatedScript } from '../../bench/workload';
import { parser } from '../support/engine';
import { seededRandom as random } from '../support/random';

const SEED = Number(process.env.EQUIVALENCE_SEED ?? 20151207);
const EDITS_PER_DOCUMENT = 500;
/** Edits between two comparisons with a fresh analysis (the session analyses every version). */
const BATCH = 4;
const CONFIG: AnalysisConfig = { ...defaultConfig(), select: ['ALL'] };

type Rand = () => number;


const int = (rand: Rand, max: number): number => Math.floor(rand() * max);
const pick = <T>(rand: Rand, items: readonly T[]): T => items[int(rand, items.length)];

/** Statements pasted whole: each changes what some rule sees (a seed, a split, a path, a fit, a use before definition). */
const PASTED = [
  'np.random.seed(0)\n',
  'import torch\n',
  'X_a, X_b, y_a, y_b = train_test_split(features_1, labels_1)\n',
  'frame_0 = pd.read_csv("/home/me/data.csv")\n',
  'model_3.fit(X_tr_3, y_tr_3)\n',
  'scaler = StandardScaler().fit(features_1)\n',
  'def helper(frame):\n    return frame.dropna()\n',
  'for i in range(3):\n    noise = np.random.rand(i)\n',
  'if x == np.nan:\n    pass\n',
  'print(undefined_name)\n',
  '# model = train(data, lr=0.1)\n',
  'joblib.dump(model_3, "model.pkl")\n',
];
const TYPED = ['a', '1', ' ', '(', ')', ':', '"', '.', '_', '=', '#', '\t', 'x', ','];

interface Edit {
  describe: string;
  apply(text: string): string;
}

/** One random edit of one text: typing, deleting, splitting or joining lines, pasting a statement. */
function randomEdit(rand: Rand, text: string): Edit {
  const at = int(rand, text.length + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const choice = rand();
  if (choice < 0.35) {
    const typed = pick(rand, TYPED);
    return { describe: `type ${JSON.stringify(typed)} at ${at}`, apply: (t) => t.slice(0, at) + typed + t.slice(at) };
  }
  if (choice < 0.6) {
    const length = 1 + int(rand, 12);
    return { describe: `delete ${length} at ${at}`, apply: (t) => t.slice(0, at) + t.slice(at + length) };
  }
  if (choice < 0.72) {
    const indent = ' '.repeat(4 * int(rand, 2));
    return { describe: `split the line at ${at}`, apply: (t) => `${t.slice(0, at)}\n${indent}${t.slice(at)}` };
  }
  if (choice < 0.8) {
    const end = text.indexOf('\n', at);
    return { describe: `join the line after ${at}`, apply: (t) => (end < 0 ? t : t.slice(0, end) + t.slice(end + 1)) };
  }
  const pasted = pick(rand, PASTED);
  return { describe: `paste ${JSON.stringify(pasted)} at ${lineStart}`, apply: (t) => t.slice(0, lineStart) + pasted + t.slice(lineStart) };
}

/**
 * One random edit that leaves valid code valid: a digit after a letter, a digit or `_` changed
 * (`model_3` to `model_7`, `0.25` to `0.75`), or a comment line put before a line at column 0.
 */
function validEdit(rand: Rand, text: string): Edit {
  if (rand() < 0.7) {
    const digits = [...text.matchAll(/(?<=[A-Za-z0-9_])[0-9]/g)].map((match) => match.index!);
    const at = pick(rand, digits);
    const digit = String(int(rand, 10));
    return { describe: `change the digit at ${at} to ${digit}`, apply: (t) => t.slice(0, at) + digit + t.slice(at + 1) };
  }
  const starts = [...text.matchAll(/^(?=[A-Za-z_])/gm)].map((match) => match.index!);
  const at = pick(rand, starts);
  return { describe: `comment before the line at ${at}`, apply: (t) => `${t.slice(0, at)}# note\n${t.slice(at)}` };
}

/** One random edit of a notebook: an edit in one cell, or a cell added or removed. */
function randomNotebookEdit(rand: Rand, source: DocumentSource, counter: { next: number }): { describe: string; source: DocumentSource } {
  const cells = [...source.cells];
  const choice = rand();
  if (choice < 0.08 && cells.length > 2) {
    const index = int(rand, cells.length);
    cells.splice(index, 1);
    return { describe: `remove cell ${index}`, source: { ...source, version: source.version + 1, cells } };
  }
  if (choice < 0.16) {
    const index = int(rand, cells.length + 1);
    const markup = rand() < 0.2;
    cells.splice(index, 0, {
      uri: `${source.uri}#added${counter.next++}`,
      kind: markup ? 'markup' : 'code',
      language: markup ? 'markdown' : 'python',
      text: markup ? '# notes' : pick(rand, PASTED),
    });
    return { describe: `add a cell at ${index}`, source: { ...source, version: source.version + 1, cells } };
  }
  const index = int(rand, cells.length);
  const edit = randomEdit(rand, cells[index].text);
  cells[index] = { ...cells[index], text: edit.apply(cells[index].text) };
  return { describe: `cell ${index}: ${edit.describe}`, source: { ...source, version: source.version + 1, cells } };
}

/** What a client sees of an analysis: findings (ranges, messages, fixes, related), clean segments, failures. */
function observable(analysis: { findings: unknown[]; cleanSegments: Set<string>; errors: { code: string; message: string }[] }): string {
  return JSON.stringify({ findings: analysis.findings, clean: [...analysis.cleanSegments].sort(), errors: analysis.errors.map((e) => e.code) });
}

/** Compares, and tells whether the text parsed cleanly (a long script is then parsed in chunks). */
function assertSameAsFresh(session: Session, source: DocumentSource, python: PythonParser, context: () => string): boolean {
  const incremental = session.analyze(source, CONFIG);
  const fresh = analyzeDocument(buildDocument(source), CONFIG, { parser: python });
  const got = observable(incremental);
  const expected = observable(fresh);
  if (got !== expected) {
    assert.equal(got, expected, `incremental analysis differs from a fresh one (seed ${SEED}; replay with EQUIVALENCE_SEED=${SEED}) after ${context()}`);
  }
  return fresh.cleanSegments.size === source.cells.filter((cell) => cell.kind === 'code').length;
}

/**
 * Analyses `first` and then `EDITS_PER_DOCUMENT` versions made by `edit` through one session,
 * comparing with a fresh analysis every BATCH edits. Some versions in between are given up after
 * a few steps, as the server gives up an analysis a newer version overtook. Returns how many of
 * the compared versions parsed cleanly.
 */
async function replay(rand: Rand, first: DocumentSource, edit: (source: DocumentSource) => { describe: string; source: DocumentSource }, chunkedFrom?: number): Promise<number> {
  const python = await parser();
  const session = new Session(python, undefined, chunkedFrom);
  let source = first;
  const recent: string[] = [];
  let clean = assertSameAsFresh(session, source, python, () => 'the first version') ? 1 : 0;
  for (let i = 1; i <= EDITS_PER_DOCUMENT; i++) {
    const next = edit(source);
    source = next.source;
    recent.push(next.describe);
    if (i % BATCH === 0) {
      if (assertSameAsFresh(session, source, python, () => `edit ${i}: ${recent.join('; ')}`)) clean++;
      recent.length = 0;
    } else if (rand() < 0.3) {
      const steps = session.analysisSteps(source, CONFIG);
      for (let left = int(rand, 8); left >= 0 && !steps.next().done; left--);
      steps.return(undefined as never);
      recent.push('(given up)');
    } else {
      session.analyze(source, CONFIG);
    }
  }
  return clean;
}

describe('incremental analysis is a fresh analysis', function () {
  this.timeout(60000);

  it(`replays ${EDITS_PER_DOCUMENT} random edits of a script and compares every ${BATCH}`, async () => {
    const rand = random(SEED);
    await replay(rand, scriptSource('file:///equivalence/script.py', generatedScript(80, 3), 1), (source) => {
      const edit = randomEdit(rand, source.cells[0].text);
      return { describe: edit.describe, source: scriptSource(source.uri, edit.apply(source.cells[0].text), source.version + 1) };
    });
  });

  it(`replays ${EDITS_PER_DOCUMENT} random edits of a long script parsed in chunks and compares every ${BATCH}`, async () => {
    const rand = random(SEED + 2);
    // About 400 lines, chunked from 100 (the server chunks from 1,000): several chunks, each edit re-parses one.
    // Half the versions come from a clean text edited in ways that keep it valid, so the session
    // goes back and forth between chunks and the whole-file tree the broken versions need.
    let base = generatedScript(400, 5);
    const clean = await replay(rand, scriptSource('file:///equivalence/long.py', base, 1), (source) => {
      if (rand() < 0.5) {
        const edit = validEdit(rand, base);
        base = edit.apply(base);
        return { describe: `(from the last valid text) ${edit.describe}`, source: scriptSource(source.uri, base, source.version + 1) };
      }
      const edit = randomEdit(rand, source.cells[0].text);
      return { describe: edit.describe, source: scriptSource(source.uri, edit.apply(source.cells[0].text), source.version + 1) };
    }, 100);
    assert.ok(clean >= 30, `${clean} of ${EDITS_PER_DOCUMENT / BATCH + 1} compared versions parsed cleanly`);
  });

  it(`replays ${EDITS_PER_DOCUMENT} random edits of a notebook (cells edited, added, removed) and compares every ${BATCH}`, async () => {
    const rand = random(SEED + 1);
    const uri = 'file:///equivalence/notebook.ipynb';
    const cells = generatedCells(14, 5, 2).map((text, i) => ({ uri: `${uri}#cell${i}`, kind: 'code' as const, language: 'python', text }));
    const counter = { next: 0 };
    await replay(rand, { uri, kind: 'notebook', version: 1, cells }, (source) => randomNotebookEdit(rand, source, counter));
  });
});
