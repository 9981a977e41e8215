// Generated ML code for benchmarks and stress tests: scripts and notebooks of a given size, in
// the shapes real training code has (imports, loading, preprocessing, a model, a loop, saving).
// Written for these benchmarks; no file of any real repository is copied.

const BLOCKS: ((i: number) => string)[] = [
  (i) => `frame_${i} = pd.read_csv(f"data/part_{${i}}.csv")\nframe_${i} = frame_${i}.dropna()\n`,
  (i) => `features_${i} = frame_${i % 7}[["a", "b", "c"]].to_numpy()\nlabels_${i} = frame_${i % 7}["y"].values\n`,
  (i) => `X_tr_${i}, X_te_${i}, y_tr_${i}, y_te_${i} = train_test_split(features_${i}, labels_${i}, test_size=0.2)\n`,
  (i) => `model_${i} = RandomForestClassifier(n_estimators=${100 + i}, max_depth=${3 + (i % 5)})\nmodel_${i}.fit(X_tr_${i}, y_tr_${i})\n`,
  (i) => `proba_${i} = model_${i}.predict_proba(X_te_${i})[:, 1]\nhits_${i} = proba_${i} > 0.5\n`,
  (i) => `def step_${i}(batch, net, opt):\n    opt.zero_grad()\n    loss = net(batch).sum()\n    loss.backward()\n    opt.step()\n    return float(loss)\n`,
  (i) => `if False:\n    old_${i} = np.random.rand(${i})\n# config_${i} = {"lr": 0.1}\nnoise_${i} = np.random.normal(size=${i + 1})\n`,
  (i) => `joblib.dump(model_${i % 11}, "models/model.pkl")\nprint(accuracy_score(y_te_${i % 11}, hits_${i % 11}))\n`,
];

const HEADER = 'import numpy as np\nimport pandas as pd\nimport joblib\nfrom sklearn.model_selection import train_test_split\nfrom sklearn.ensemble import RandomForestClassifier\nfrom sklearn.metrics import accuracy_score\n';

/** A script of about `lines` lines; `seed` varies names so no two scripts are the same text. */
export function generatedScript(lines: number, seed = 0): string {
  const parts = [HEADER];
  let count = HEADER.split('\n').length - 1;
  for (let i = 0; count < lines; i++) {
    const block = BLOCKS[(i + seed) % BLOCKS.length](i + seed * 1000);
    parts.push(block);
    count += block.split('\n').length - 1;
  }
  return parts.join('');
}

/** Code cells of a notebook: `cells` cells of about `linesPerCell` lines. */
export function generatedCells(cells: number, linesPerCell: number, seed = 0): string[] {
  const out = [HEADER];
  for (let c = 1; c < cells; c++) out.push(generatedScript(linesPerCell, seed * 100 + c).slice(HEADER.length));
  return out;
}
