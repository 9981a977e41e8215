// Benchmark: what the analysis of a large ML script costs, beside the bare tree-sitter parse.
// It generates a realistic 5,000-line training script deterministically (a seeded generator
// picks among blocks real scripts are made of: loading, cleaning, features, models, a torch
// network, plots, outputs written and read back), then prints the median and 95th percentile of
// 30 runs after warm-up for: the bare parse; parse + semantic index; parse + index + the def-use
// layer; the full analysis with every rule; and a one-character edit re-parsed incrementally and
// re-analysed. The same again on a 20,000-line script (fewer runs); then the growth from 5k to 20k
// lines from analyses of the two sizes in turn (linear growth means 20k lines cost about 4x what
// 5k lines cost). It prints figures and asserts nothing. Run: npm run bench
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { tuneTiering } from '../server/src/engine/tiering';
import { analyze, analyzeDocument } from '../server/src/analyze';
import { defaultConfig } from '../server/src/config/settings';
import { scriptDocument } from '../server/src/documents/build';
import { IncrementalParser, parseOnce } from '../server/src/parsing/incremental';
import { initParser, type PythonParser } from '../server/src/parsing/parser';
import { SemanticIndex } from '../server/src/semantics';
import { seededRandom as random } from '../test/support/random';

const TARGET_LINES = 5000;
/** Script sizes measured, with the number of runs of each step. */
const SIZES: { lines: number; runs: number }[] = [{ lines: 5000, runs: 30 }, { lines: 20000, runs: 10 }];
const WARM_UP = 3;
/** Pairs of analyses (one of each size) for the growth figure. */
const GROWTH_PAIRS = 12;

const HEADER = `"""Generated benchmark script: a long, realistic training pipeline."""
import os
import json
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split, KFold
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.ensemble import RandomForestClassifier, GradientBoostingRegressor
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score, f1_score

DATA_DIR = "data"
OUT_DIR = os.path.join("outputs", "run")
SEED = 42
np.random.seed(SEED)
torch.manual_seed(SEED)
`;

const BLOCKS: ((i: number) => string)[] = [
  (i) => `
raw_${i} = pd.read_csv(os.path.join(DATA_DIR, "part_${i}.csv"))
raw_${i} = raw_${i}.dropna(subset=["target"]).reset_index(drop=True)
raw_${i}["ratio_${i}"] = raw_${i}["a"] / (raw_${i}["b"] + 1)
raw_${i}["log_${i}"] = np.log1p(raw_${i}["c"].clip(lower=0))
raw_${i} = raw_${i}[raw_${i}["ratio_${i}"] < 10]
print(raw_${i}.shape, raw_${i}.describe())
`,
  (i) => `
def make_features_${i}(frame, columns=None, scale=1.0):
    """Adds rolling and lag features."""
    columns = columns or [c for c in frame.columns if c.startswith("f")]
    out = frame.copy()
    for col in columns:
        out[f"{col}_lag1"] = out[col].shift(1) * scale
        out[f"{col}_roll3"] = out[col].rolling(3).mean()
        if out[col].dtype == "object":
            out[col] = out[col].astype("category").cat.codes
    totals = {name: out[name].sum() for name in columns}
    return out, totals
`,
  (i) => `
features_${i}, totals_${i} = make_features_${i % 7 === 0 ? i : i - (i % 7)}(raw_${i - (i % 7)}) if ${i % 7} == 0 else (None, None)
X_${i} = raw_${i - (i % 7)}.drop(columns=["target"])
y_${i} = raw_${i - (i % 7)}["target"]
X_train_${i}, X_test_${i}, y_train_${i}, y_test_${i} = train_test_split(X_${i}, y_${i}, test_size=0.2, random_state=SEED)
scaler_${i} = StandardScaler()
X_train_${i} = scaler_${i}.fit_transform(X_train_${i})
X_test_${i} = scaler_${i}.transform(X_test_${i})
clf_${i} = RandomForestClassifier(n_estimators=200, max_depth=8, random_state=SEED)
clf_${i}.fit(X_train_${i}, y_train_${i})
proba_${i} = clf_${i}.predict_proba(X_test_${i})[:, 1]
pred_${i} = (proba_${i} > 0.5).astype(int)
print("acc", accuracy_score(y_test_${i}, pred_${i}), "auc", roc_auc_score(y_test_${i}, proba_${i}))
`,
  (i) => `
class Net${i}(nn.Module):
    def __init__(self, n_in, n_hidden=64):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 1))

    def forward(self, x):
        return self.layers(x).squeeze(-1)


net_${i} = Net${i}(16)
optimizer_${i} = torch.optim.Adam(net_${i}.parameters(), lr=1e-3)
loss_fn_${i} = nn.BCEWithLogitsLoss()
for epoch in range(10):
    for xb, yb in loader:
        optimizer_${i}.zero_grad()
        loss = loss_fn_${i}(net_${i}(xb), yb)
        loss.backward()
        optimizer_${i}.step()
    history.append(loss.item())
`,
  (i) => `
fig, ax = plt.subplots(1, 2, figsize=(10, 4))
ax[0].plot(history, label="loss ${i}")
ax[1].hist([v for v in history if v < 1.0], bins=20)
ax[0].legend()
plt.tight_layout()
plt.savefig(os.path.join(OUT_DIR, "loss_${i}.png"))
`,
  (i) => `
scores_${i} = pd.DataFrame({"id": range(len(proba_${i - (i % 7)})), "score": proba_${i - (i % 7)}})
scores_${i}.to_csv(f"{OUT_DIR}/scores_${i}.csv", index=False)
reloaded_${i} = pd.read_csv(f"{OUT_DIR}/scores_${i}.csv")
summary_${i} = {"mean": float(reloaded_${i}["score"].mean()), "n": int(len(reloaded_${i}))}
with open(os.path.join(OUT_DIR, "summary_${i}.json"), "w") as fh:
    json.dump(summary_${i}, fh)
`,
  (i) => `
def evaluate_${i}(model, X, y, threshold=0.5):
    results = []
    kfold = KFold(n_splits=5, shuffle=True, random_state=SEED)
    for train_idx, valid_idx in kfold.split(X):
        model.fit(X[train_idx], y[train_idx])
        p = model.predict_proba(X[valid_idx])[:, 1]
        results.append(f1_score(y[valid_idx], p > threshold))
    return np.mean(results), np.std(results)


mean_${i}, std_${i} = evaluate_${i}(LogisticRegression(max_iter=500), np.asarray(X_train_${i - (i % 7) + 2}), np.asarray(y_train_${i - (i % 7) + 2}))
`,
];

export function generateScript(lines = TARGET_LINES, seed = 2015): string {
  const next = random(seed);
  const parts = [HEADER];
  let count = HEADER.split('\n').length;
  for (let i = 0; count < lines; i++) {
    // Blocks come in their natural order, with a random one thrown in now and then.
    const block = next() < 0.8 ? BLOCKS[i % BLOCKS.length] : BLOCKS[Math.floor(next() * BLOCKS.length)];
    const text = block(i);
    parts.push(text);
    count += text.split('\n').length - 1;
  }
  return parts.join('');
}

interface Figures {
  median: number;
  p95: number;
  /** The same, in CPU time of this process: steadier than wall time on a busy machine. */
  cpuMedian: number;
  cpuP95: number;
}

function percentiles(values: number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

function measure(run: () => void, runs: number): Figures {
  for (let i = 0; i < WARM_UP; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const w = percentiles(wall);
  const c = percentiles(cpu);
  return { median: w.median, p95: w.p95, cpuMedian: c.median, cpuP95: c.p95 };
}

function benchmark(parser: PythonParser, targetLines: number, runs: number): Figures {
  const text = generateScript(targetLines);
  const doc = scriptDocument('file:///bench/generated.py', text);
  // Every rule, opt-in ones included: the budget is for the whole analysis.
  const config = { ...defaultConfig(), select: ['ALL'] };
  const lines = text.split('\n').length;

  const bare = measure(() => parser.parse(text).delete(), runs);
  const indexed = measure(() => {
    const { parsed, dispose } = parseOnce(parser, doc);
    new SemanticIndex(parsed);
    dispose();
  }, runs);
  const withFlow = measure(() => {
    const { parsed, dispose } = parseOnce(parser, doc);
    void new SemanticIndex(parsed).dataflow;
    dispose();
  }, runs);
  const allReaching = measure(() => {
    const { parsed, dispose } = parseOnce(parser, doc);
    const flow = new SemanticIndex(parsed).dataflow;
    for (const read of flow.reads) flow.reachingDefinitions(read);
    dispose();
  }, runs);
  let findings = 0;
  const full = measure(() => {
    findings = analyzeDocument(doc, config, { parser }).findings.length;
  }, runs);

  // A one-character edit in the middle of the file, typed and then deleted, alternately.
  const incremental = new IncrementalParser(parser);
  incremental.update(doc);
  const middle = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  const edited = [text.slice(0, middle) + '#' + text.slice(middle), text];
  let version = 0;
  const edit = measure(() => {
    version++;
    const next = scriptDocument(doc.uri, edited[version % 2], version);
    analyze(incremental.update(next), config, { parser });
  }, runs);
  incremental.dispose();

  const rows: [string, Figures][] = [
    ['bare tree-sitter parse', bare],
    ['parse + semantic index', indexed],
    ['parse + index + def-use layer', withFlow],
    ['  ... + reaching definitions of every read', allReaching],
    [`full analysis, all rules (${findings} findings)`, full],
    ['1-char edit: incremental re-parse + re-analysis', edit],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const ms = (value: number) => value.toFixed(1).padStart(8);
  console.log(`Generated script: ${lines} lines, ${text.length} characters. ${runs} runs after ${WARM_UP} warm-up runs; milliseconds.`);
  console.log(`${'step'.padEnd(width)}  wall median      p95 | CPU median      p95 | CPU / bare parse`);
  for (const [label, f] of rows) {
    console.log(`${label.padEnd(width)}     ${ms(f.median)} ${ms(f.p95)} |  ${ms(f.cpuMedian)} ${ms(f.cpuP95)} | ${(f.cpuMedian / bare.cpuMedian).toFixed(1).padStart(5)}x`);
  }
  console.log('');
  return full;
}

/**
 * Growth, 5k -> 20k lines, measured in pairs: one analysis of each size in turn, so that a change
 * of load during the run (the machine is shared) weighs on both sizes alike. The bare parse of
 * the same texts is paired the same way: its own growth is the floor.
 */
function pairedGrowth(parser: PythonParser, pairs: number): { analysis: number; analysisTotal: number; parse: number; wall: number } {
  const config = { ...defaultConfig(), select: ['ALL'] };
  const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]].map(({ lines }) => scriptDocument('file:///bench/generated.py', generateScript(lines)));
  const cpu = { small: [] as number[], large: [] as number[], parseSmall: [] as number[], parseLarge: [] as number[] };
  const wall = { small: [] as number[], large: [] as number[] };
  const time = (run: () => void, cpuOut: number[], wallOut?: number[]) => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wallOut?.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpuOut.push((used.user + used.system) / 1000);
  };
  for (let i = 0; i < pairs; i++) {
    time(() => analyzeDocument(small, config, { parser }), cpu.small, wall.small);
    time(() => analyzeDocument(large, config, { parser }), cpu.large, wall.large);
    time(() => parser.parse(small.text).delete(), cpu.parseSmall);
    time(() => parser.parse(large.text).delete(), cpu.parseLarge);
  }
  const median = (values: number[]) => percentiles(values).median;
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  return {
    analysis: median(cpu.large) / median(cpu.small),
    // A major collection falls in some analyses and not others, more often in the larger: the
    // medians leave out most of the small ones' share, the totals count every analysis's.
    analysisTotal: total(cpu.large) / total(cpu.small),
    parse: median(cpu.parseLarge) / median(cpu.parseSmall),
    wall: median(wall.large) / median(wall.small),
  };
}

function benchmarkSizes(parser: PythonParser): void {
  for (const { lines, runs } of SIZES) benchmark(parser, lines, runs);
  const factor = SIZES[SIZES.length - 1].lines / SIZES[0].lines;
  const growth = pairedGrowth(parser, GROWTH_PAIRS);
  console.log(`Growth of the full analysis, ${SIZES[0].lines} -> ${SIZES[SIZES.length - 1].lines} lines (${factor}x the text), ${GROWTH_PAIRS} pairs: ` +
    `CPU ${growth.analysis.toFixed(2)}x by medians, ${growth.analysisTotal.toFixed(2)}x by totals; wall ${growth.wall.toFixed(2)}x by medians ` +
    `(linear: <= ${(factor * 1.1).toFixed(1)}x); the bare parse of the same texts ${growth.parse.toFixed(2)}x.`);
  console.log(`Load average (1/5/15 min) at the end: ${os.loadavg().map((value) => value.toFixed(2)).join(' ')} on ${os.availableParallelism()} cores.`);
}

if (require.main === module) {
  // V8 optimises the engine as it does in the CLI and the language server (engine/tiering.ts).
  tuneTiering();
  initParser().then(benchmarkSizes, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
