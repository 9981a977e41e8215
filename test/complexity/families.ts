// Generated code for the complexity test: per rule family, a block of lines in the shapes its
// rules report (and their near misses), repeated with fresh names to any size.
import { scriptSource, type DocumentSource } from '../../server/src/documents/source';
import { notebookSource } from '../support/engine';

const HEADER = [
  'import os, pickle, joblib, subprocess',
  'import numpy as np',
  'import pandas as pd',
  'import torch',
  'from transformers import AutoModel',
  'from sklearn.model_selection import train_test_split',
  'from sklearn.ensemble import RandomForestClassifier',
  'from sklearn.linear_model import LogisticRegression',
  'from sklearn.preprocessing import StandardScaler',
  'from sklearn.metrics import accuracy_score',
  'from sklearn.svm import SVC',
];

/** Lines of block i of each family: the patterns its rules report, and their near misses. */
export const FAMILIES: Record<string, (i: number) => string[]> = {
  '2 boundaries (MLD2xx)': (i) => [
    `data_${i} = pd.read_csv("train.csv")`,
    `X_${i} = data_${i}.drop(columns=["y"])`,
    `m_${i} = RandomForestClassifier(random_state=0).fit(X_${i}, data_${i}["y"])`,
    `p_${i} = m_${i}.predict(X_${i})`,
    `LogisticRegression().fit(X_${i}, p_${i})`,
    `joblib.dump(m_${i}, "model.pkl")`,
  ],
  '3 data dependencies (MLD3xx)': (i) => [
    `df_${i} = pd.read_csv("a.csv")`,
    `web_${i} = pd.read_csv("https://example.org/data_${i}.csv")`,
    `enc_${i} = AutoModel.from_pretrained("bert-base-uncased")`,
    `print(web_${i}.shape)`,
  ],
  '4 feedback loops (MLD4xx)': (i) => [
    `hist_${i} = pd.read_csv("scores.csv")`,
    `clf_${i} = LogisticRegression().fit(hist_${i}[["a"]], hist_${i}["y"])`,
    `hist_${i}["y"] = clf_${i}.predict(hist_${i}[["a"]])`,
    `hist_${i}.to_csv("scores.csv")`,
  ],
  '5 anti-patterns (MLD5xx)': (i) => [
    `frame_${i} = pd.DataFrame(frame_${i - 1 < 0 ? 0 : i - 1}.values) if ${i} else pd.DataFrame()`,
    `scaled_${i} = StandardScaler().fit_transform(frame_${i})`,
    `a_${i}, b_${i} = train_test_split(scaled_${i}, random_state=0)`,
    `if False:`,
    `    frame_${i}.to_csv("tmp_${i}.csv")`,
    `# old_${i} = RandomForestClassifier(n_estimators=10)`,
    `# old_${i}.fit(X, y)`,
    `# print(old_${i}.score(X, y))`,
    `os.system("python train_${i}.py")`,
  ],
  '6 configuration (MLD6xx)': (i) => [
    `rf_${i} = RandomForestClassifier(n_estimators=${100 + i}, max_depth=7, random_state=0)`,
    `raw_${i} = pd.read_csv("/home/alice/data_${i}.csv")`,
    `s_${i} = train_test_split(raw_${i}, test_size=0.2, random_state=42)`,
    `svm_${i} = SVC()`,
  ],
  '7 external world (MLD7xx)': (i) => [
    `lr_${i} = LogisticRegression().fit(X, y)`,
    `score_${i} = lr_${i}.predict_proba(X)[:, 1]`,
    `flag_${i} = score_${i} > 0.5`,
    `print(accuracy_score(y, lr_${i}.predict(X)))`,
    `pickle.dump(lr_${i}, open("m_${i}.pkl", "wb"))`,
  ],
  '8 reproducibility (MLD8xx)': (i) => [
    `noise_${i} = np.random.rand(${i + 1})`,
    `tr_${i}, te_${i} = train_test_split(noise_${i})`,
    `load_${i} = pd.read_csv("d_${i}.csv")`,
    `RandomForestClassifier().fit(load_${i}[["a"]], load_${i}["y"])`,
    `subprocess.run("pip install pandas", shell=True)`,
  ],
  '9 ML API misuse (MLD9xx)': (i) => [
    `t_${i} = pd.read_csv("t.csv")`,
    `bad_${i} = t_${i}["a"] == np.nan`,
    `t_${i}["a"][t_${i}["b"] > 0] = 1`,
    `t_${i} = t_${i}.dropna(inplace=True)`,
    `arr_${i} = t_${i}.values`,
    `net_${i} = torch.load("w_${i}.pt")`,
    `out_${i} = net_${i}.forward(arr_${i})`,
  ],
};

/** Notebook-only rules (out-of-order cells, use before define, shell cells) get a notebook. */
export function notebookOf(lines: number): DocumentSource {
  const cells: { text: string; executionOrder: number }[] = [{ text: `${HEADER.join('\n')}\n`, executionOrder: 1 }];
  for (let i = 0, count = HEADER.length; count < lines; i++, count += 5) {
    cells.push({ text: `!pip install pkg${i}\nv_${i} = later_${i} + 1\nx_${i} = np.random.rand(3)\nprint(v_${i})\n`, executionOrder: (i * 7919) % 1000 });
    cells.push({ text: `later_${i} = ${i}\n`, executionOrder: i + 2 });
  }
  return notebookSource(cells);
}

/**
 * Thousands of cells that only observe (a summary computed, a printout, a helper defined and
 * called) run in reverse order, each below a cell that ran after it: which of them commute with the
 * cells above them is asked of a bounded number, never by a scan of the notebook per cell.
 */
export function observingCellsOf(lines: number): DocumentSource {
  const cells: { text: string; executionOrder: number }[] = [{ text: `${HEADER.join('\n')}\nframe = pd.read_csv("rows.csv")\n`, executionOrder: 1 }];
  const count = Math.max(1, Math.floor((lines - HEADER.length - 1) / 4));
  for (let i = 0; i < count; i++) {
    cells.push({ text: `def summary_${i}(f):\n    return f["c${i}"].mean()\nstat_${i} = summary_${i}(frame)\nprint(stat_${i}, frame.shape)\n`, executionOrder: count + 2 - i });
  }
  return notebookSource(cells);
}

/**
 * Thousands of printouts whose counts were lost, each the only cell that binds the name the counted
 * cell below it reads: whether each ran in order is answered from one tally of binders and readers
 * and one pass for the neighbours that ran, never by a scan of the notebook per cell.
 */
export function uncountedCellsOf(lines: number): DocumentSource {
  const cells: { text: string; executionOrder?: number; hasOutputs?: boolean }[] = [{ text: `${HEADER.join('\n')}\n`, executionOrder: 1, hasOutputs: false }];
  const count = Math.max(1, Math.floor((lines - HEADER.length) / 2));
  for (let i = 0; i < count; i++) {
    cells.push({ text: `part_${i} = np.arange(${i + 3})\n`, hasOutputs: true });
    cells.push({ text: `print(part_${i}.sum())\n`, executionOrder: 2 * i + 3, hasOutputs: true });
  }
  // A last printout of a value another cell binds, that nothing reads: still reported, so the rule
  // is seen to run (a printout of text written out shows what a run now would show, and is not).
  cells.push({ text: 'print(part_0.sum() + 1)\n', hasOutputs: true });
  return notebookSource(cells);
}

/**
 * One expression thousands of operators deep: a sum of draws, one term per line, trained on.
 * Questions about what encloses a draw (its function, class, loops) must not climb the sum.
 */
export function deepExpressionOf(lines: number): DocumentSource {
  const terms = Array.from({ length: Math.max(1, lines - HEADER.length - 3) }, (_, i) => `    ${i ? '+ ' : ''}np.random.rand(3) * ${i}`);
  return scriptSource('file:///deep.py', `${[...HEADER, 'total = (', ...terms, ')', 'RandomForestClassifier().fit(total.reshape(-1, 1), y)'].join('\n')}\n`);
}

/**
 * One dictionary of thousands of models handed, with a dictionary of their grids under the same
 * keys, to a project's helper, and one tuple of thousands of models: each model's grid is looked
 * up by its key, and what a tuple carries is read once, never by a scan per model.
 */
export function modelDictionaryOf(lines: number): DocumentSource {
  const count = Math.max(1, Math.floor((lines - HEADER.length - 9) / 3));
  const keys = Array.from({ length: count }, (_, i) => `"m${i}"`);
  return scriptSource('file:///models.py', `${[
    ...HEADER,
    'from sklearn.tree import DecisionTreeClassifier',
    'models = {',
    ...keys.map((key) => `    ${key}: DecisionTreeClassifier(),`),
    '}',
    'grids = {',
    ...keys.map((key, i) => `    ${key}: {"max_depth": [2, ${i + 3}]${i % 2 ? ', "max_features": ["sqrt"]' : ''}},`),
    '}',
    'report = evaluate_models(models, grids)',
    'candidates = (',
    ...keys.map((_, i) => `    DecisionTreeClassifier(max_depth=${i + 1}),`),
    ')',
    'fitted = fit_all(candidates)',
  ].join('\n')}\n`);
}

/**
 * One recursive helper that hands the frame it is given on to itself at thousands of calls, and
 * reads `.values` of it: the kind of a parameter is asked once, not again at every call at every
 * level of the recursion (exponential in the calls).
 */
export function recursiveHelperOf(lines: number): DocumentSource {
  const calls = Math.max(1, lines - HEADER.length - 8);
  return scriptSource('file:///recursive.py', `${[
    ...HEADER,
    'def walk(df, node):',
    '    if node is None:',
    '        return df.values',
    ...Array.from({ length: calls }, (_, i) => `    part_${i} = walk(df, node.children[${i}])`),
    '    return node',
    'frame = pd.read_csv("a.csv")',
    'walk(frame, tree)',
    'matrix = frame.values',
  ].join('\n')}\n`);
}

export function scriptOf(family: (i: number) => string[], lines: number): DocumentSource {
  const out = [...HEADER];
  for (let i = 0; out.length < lines; i++) out.push(...family(i));
  return scriptSource('file:///complexity.py', `${out.join('\n')}\n`);
}


/**
 * Thousands of files named for a training record (`val_scores_1.csv`), each written and read back
 * for training: every read asks whether a model is saved beside its file, which is looked up per
 * function, never by a scan of every write of the file per read.
 */
export function recordHopsOf(lines: number): DocumentSource {
  const count = Math.max(1, Math.floor((lines - HEADER.length) / 3));
  const hops = Array.from({ length: count }, (_, i) => [
    `pd.read_csv("in_${i}.csv").dropna().to_csv("run/val_scores_${i}.csv")`,
    `back_${i} = pd.read_csv("run/val_scores_${i}.csv")`,
    `LogisticRegression().fit(back_${i}[["a"]], back_${i}["y"])`,
  ]).flat();
  return scriptSource('file:///records.py', `${[...HEADER, ...hops].join('\n')}\n`);
}

/**
 * Thousands of helpers that check the frame they are given, each called once: what a check inside
 * a helper reads is found at the helper's calls, looked up by its name, never by a scan of every
 * call of the file per check.
 */
export function checkHelpersOf(lines: number): DocumentSource {
  const count = Math.max(1, Math.floor((lines - HEADER.length - 2) / 2));
  const helpers = Array.from({ length: count }, (_, i) => [
    `def report_${i}(frame): return frame.isnull().sum() + frame.describe().size`,
    `report_${i}(pd.read_csv("d_${i}.csv"))`,
  ]).flat();
  const training = ['data = pd.read_csv("train.csv")', 'LogisticRegression().fit(data[["a"]], data["y"])'];
  return scriptSource('file:///checks.py', `${[...HEADER, ...helpers, ...training].join('\n')}\n`);
}

/**
 * Thousands of training loops, each with its network evaluated under `no_grad` right after it, and
 * the same names (`loss`, `xb`, `epoch`) bound again in every block: which loops train a module and
 * which clear gradients is found once per document, and a read's reaching bindings by binary search,
 * never by asking every loop per forward pass or scanning every later binding of the name per read.
 */
export function trainingLoopsOf(lines: number): DocumentSource {
  const net = ['import torch.nn as nn', 'class Net(nn.Module):', '    def __init__(self):', '        super().__init__()', '        self.body = nn.Sequential(nn.Linear(8, 8), nn.Dropout(0.2), nn.Linear(8, 1))', '    def forward(self, x):', '        return self.body(x)'];
  const count = Math.max(1, Math.floor((lines - HEADER.length - net.length) / 12));
  const blocks = Array.from({ length: count }, (_, i) => [
    `net_${i} = Net()`,
    `opt_${i} = torch.optim.SGD(net_${i}.parameters(), lr=0.01)`,
    'for epoch in range(3):',
    '    for xb, yb in loader:',
    `        opt_${i}.zero_grad()`,
    `        loss = loss_fn(net_${i}(xb), yb)`,
    '        loss.backward()',
    `        opt_${i}.step()`,
    '    print(epoch, loss.item())',
    'with torch.no_grad():',
    `    preds_${i} = net_${i}(x_val)`,
    `print(preds_${i}.mean(), loss)`,
  ]).flat();
  return scriptSource('file:///loops.py', `${[...HEADER, ...net, ...blocks].join('\n')}\n`);
}
