import { strict as assert } from 'node:assert';
import { longestIncreasing, notebookOutOfOrder } from '../../../server/src/detectors/mld804-notebook-out-of-order';
import { parseIpynb } from '../../../server/src/documents/ipynb';
import { py, run, type CellSpec } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

type SavedOutput = { output_type: 'execute_result'; execution_count: number | null } | { output_type: 'stream' | 'display_data' | 'error' };

/** Code cells as an .ipynb file holds them (each its own count, null when cleared, and its outputs), read back from disk. */
function onDisk(cells: { source: string; count: number | null; outputs: SavedOutput[]; ranAt?: number }[]): CellSpec[] {
  const json = JSON.stringify({
    metadata: { kernelspec: { name: 'python3', language: 'python' } },
    cells: cells.map((c) => ({ cell_type: 'code', source: c.source, execution_count: c.count, outputs: c.outputs,
      // Colab keeps each cell's run time in its metadata.
      metadata: c.ranAt === undefined ? {} : { executionInfo: { status: 'ok', timestamp: c.ranAt, elapsed: 40 } } })),
  });
  return parseIpynb('file:///t.ipynb', json).cells.map((c) => ({ text: c.text, kind: c.kind, executionOrder: c.executionOrder, countFromResult: c.countFromResult, hasOutputs: c.hasOutputs, raised: c.raised, ...(c.ranAt === undefined ? {} : { ranAt: c.ranAt }) }));
}

/** Milliseconds since the epoch of a day of February 2023 at noon, as Colab saves a cell's run time. */
const day = (d: number): number => Date.UTC(2023, 1, d, 12);

/**
 * A fine-tuning notebook from Colab: the label map shown as [52] sits above the evaluation that kept [30],
 * with the run times Colab saved for each (`labelsDay`, `evalDay`).
 */
const colabEvaluation = (labelsDay: number | undefined, evalDay: number | undefined) => onDisk([
  { source: 'from transformers import AutoModelForSequenceClassification\nimport numpy as np\n', count: 1, outputs: [], ranAt: day(10) },
  { source: 'tuned = AutoModelForSequenceClassification.from_pretrained("finbert_tuned")\n', count: 2, outputs: [printed], ranAt: day(10) },
  { source: 'tuned.config.id2label\n', count: 52, outputs: [result(52)], ranAt: labelsDay },
  { source: 'preds = np.array(trainer.predict(test_set).predictions).argmax(-1)\n', count: 29, outputs: [printed], ranAt: evalDay },
  { source: 'scores = classification_report(test_set["label"], preds)\nscores\n', count: 30, outputs: [result(30)], ranAt: evalDay },
]);
const result = (n: number | null): SavedOutput => ({ output_type: 'execute_result', execution_count: n });
const printed: SavedOutput = { output_type: 'stream' };
const drawn: SavedOutput = { output_type: 'display_data' };
const raised: SavedOutput = { output_type: 'error' };

/** A notebook whose second cell, run in an earlier session, shares its count with the code cell below it. */
const sharesCountWithBelow = (cell: string) => [
  { text: 'import torch\n', executionOrder: 1 },
  { text: cell, executionOrder: 2 },
  { text: 'def read_lines(path):\n    with open(path) as f:\n        return [line.split() for line in f]\n\ntrain = read_lines("data/train.txt")\n', executionOrder: 2 },
  { text: 'vocab = {w for line in train for w in line}\n', executionOrder: 3 },
];

/** A notebook whose second cell was re-run after the cells below it. */
const reRunAfterBelow = (cell: string) => [
  { text: 'import pandas as pd\n', executionOrder: 1 },
  { text: cell, executionOrder: 8 },
  { text: 'df = pd.read_csv("train.csv")\n', executionOrder: 2 },
  { text: 'df.describe()\n', executionOrder: 3 },
];

/** A Keras notebook whose model cell ([5]) ran after the `check` cell ([3]) below it, `setUp` added to the imports cell. */
const deviceCheckBelowModel = (check: string, setUp = '') => [
  { text: `import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\n${setUp}`, executionOrder: 1 },
  { text: 'data = np.load("features.npz")\nx_train, y_train = data["x_train"], data["y_train"]\n', executionOrder: 2 },
  { text: 'model = keras.Sequential([keras.layers.Conv2D(8, 3, activation="relu", input_shape=x_train[0].shape), keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")])\n', executionOrder: 5 },
  { text: check, executionOrder: 3, hasOutputs: true },
  { text: 'model.compile(optimizer="adam", loss="categorical_crossentropy")\nmodel.fit(x_train, y_train, epochs=10)\n', executionOrder: 6, hasOutputs: true },
];

/** A notebook whose third and fourth cells ran in swapped order ([6] above [5]), then `more` cells. */
const SWAPPED_PAIR = (more: { text: string; executionOrder: number }[]) => [
  { text: 'import pandas as pd\n', executionOrder: 1 },
  { text: 'df = pd.read_csv("scores.csv")\n', executionOrder: 2 },
  { text: 'df["z"] = (df.score - df.score.mean()) / df.score.std()\n', executionOrder: 6 },
  { text: 'df = df.dropna(subset=["score"])\n', executionOrder: 5 },
  { text: 'top = df.nlargest(5, "z")\n', executionOrder: 3 },
  { text: 'print(len(top), len(df))\n', executionOrder: 4 },
  ...more,
];

/** A notebook whose helpers cell was re-run (edited) after the `below` cell, which ran early; a cell further down calls both. */
const helpersReRunAbove = (below: string, helpers = 'def load_frame(path):\n    return pd.read_csv(path)\n\ndef split(df):\n    return train_test_split(df, test_size=0.2, random_state=0)\n') => [
  { text: 'import pandas as pd\nfrom sklearn.model_selection import train_test_split\n', executionOrder: 1 },
  { text: helpers, executionOrder: 17 },
  { text: below, executionOrder: 7 },
  { text: 'acc = run_knn(3)\nprint(acc)\n', executionOrder: 18 },
];

/** The helpers of helpersReRunAbove, after `setting` at the cell's top. */
const HELPERS_AFTER = (setting: string) => `${setting}\ndef load_frame(path):\n    return pd.read_csv(path)\n\ndef split(df):\n    return train_test_split(df, test_size=0.2, random_state=0)\n`;
/** A cell below the helpers that reads the data itself and calls none of them. */
const READS_ROWS = 'rows = pd.read_csv("flows.csv")\nprint(rows.shape)\n';

/** A notebook that trains a classifier, then ran the `above` cell ([6]) after the `below` cell ([5]) under it. */
const reportsSwapped = (above: string, below: string) => [
  { text: 'import pickle\nimport numpy as np\nimport matplotlib.pyplot as plt\nimport seaborn as sns\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import classification_report, roc_auc_score\nfrom splits import X, X_train, X_test, y_train, y_test\n', executionOrder: 1 },
  { text: 'clf = LogisticRegression(random_state=0)\nclf.fit(X_train, y_train)\n', executionOrder: 2 },
  { text: above, executionOrder: 6 },
  { text: below, executionOrder: 5 },
];

/** A notebook that loads a frame, then ran the `above` cell ([6]) after the `below` cell ([5]) under it. */
const framePrintoutsSwapped = (above: string, below: string) => [
  { text: 'import pandas as pd\nimport matplotlib.pyplot as plt\nframe = pd.read_csv("people.csv")\n', executionOrder: 1 },
  { text: 'frame.describe()\n', executionOrder: 2 },
  { text: above, executionOrder: 6 },
  { text: below, executionOrder: 5 },
];
const FRAME_PRINTOUT_RAN_LATE = [{ cell: 2, line: 1, message: /ran as \[6\], after cell 4 \(\[5\]\) below it/ }];
/** A Spark DataFrame read in the first cell; the `above` cell ([6]) ran after the `below` one ([5]) under it. */
const sparkPrintoutsSwapped = (above: string, below: string) => [
  { text: 'from pyspark.sql import SparkSession\nfrom pyspark.sql.functions import dayofmonth, hour, col, rand\nspark = SparkSession.builder.getOrCreate()\ndf = spark.read.csv("prices.csv", header=True, inferSchema=True)\n', executionOrder: 1 },
  { text: 'df.printSchema()\n', executionOrder: 2 },
  { text: above, executionOrder: 6 },
  { text: below, executionOrder: 5 },
];

/**
 * Result tables read back from files: the `above` cell ([6]) ran after the `below` one ([5]), each
 * keeping its table; the first cell is `header` (pandas imported unless told), `later` cells run after.
 */
const savedTablesSwapped = (above: string, below: string, { header = 'import pandas as pd\n', later = [] }: { header?: string; later?: string[] } = {}) => [
  { text: header, executionOrder: 1 },
  { text: above, executionOrder: 6, hasOutputs: true },
  { text: below, executionOrder: 5, hasOutputs: true },
  ...later.map((text, i) => ({ text, executionOrder: 7 + i })),
];
const SAVED_TABLE_RAN_LATE = [{ cell: 1, line: 1, message: /ran as \[6\], after cell 3 \(\[5\]\) below it/ }];
/** Two tuning results, each read by its path and styled in its own cell. */
const BEST_PARAMS = 'best = pd.read_csv("../results/tuning/best_params.csv", index_col=0)\nbest.style.format(precision=3)\n';
const FOLD_REPORT = 'report = pd.read_csv("../results/tuning/fold_report.csv", index_col=0)\nreport.style.format("{:.3f}")\n';

/** A notebook whose first cell is `header`, with an `above` cell ([6]) that ran after a printed summary ([5], the row count unless told) below it. */
const summaryRunFirst = (header: string, above: string, below = 'print("rows:", len(frame))\n') => [
  { text: header, executionOrder: 1 },
  { text: 'frame.describe()\n', executionOrder: 2 },
  { text: above, executionOrder: 6 },
  { text: below, executionOrder: 5 },
];

/** A loop printing each label ([6]) that ran after the `below` cell ([5]) under it, which binds `label` too. */
const labelLoopsSwapped = (below: string) => [
  { text: 'import pandas as pd\nframe = pd.read_csv("tweets.csv")\n', executionOrder: 1 },
  { text: 'for label in frame["label"].unique():\n    print(label)\n', executionOrder: 6 },
  { text: below, executionOrder: 5 },
];
const LABEL_LOOP_RAN_LATE = [{ cell: 1, line: 1, message: /ran as \[6\], after cell 3 \(\[5\]\) below it/ }];

/**
 * Training curves read from a log: the `above` plot ([6]) ran after the `below` one ([5]), with their
 * outputs; the imports cell ran as `importsCount` (1 unless told), the log is read by `load`.
 */
const curvesSwapped = (above: string, below: string, { importsCount = 1, load = 'history = pd.read_csv("history.csv")\n', belowOutputs = [drawn] }: { importsCount?: number; load?: string; belowOutputs?: SavedOutput[] } = {}) => onDisk([
  { source: 'import pandas as pd\nimport numpy as np\nimport matplotlib.pyplot as plt\nimport seaborn as sns\n', count: importsCount, outputs: [] },
  { source: load, count: 2, outputs: [] },
  { source: above, count: 6, outputs: [drawn] },
  { source: below, count: 5, outputs: belowOutputs },
]);
const CURVE_RAN_LATE = [{ cell: 2, line: 1, message: /ran as \[6\], after cell 4 \(\[5\]\) below it/ }];
/** A loss curve in a figure of its own, its axis formatted as percentages by a formatter the cell imports. */
const LOSS_CURVE = 'from matplotlib.ticker import PercentFormatter\nplt.figure(figsize=(8, 5))\nplt.plot(history["epoch"], history["val_loss"] * 100)\nplt.gca().yaxis.set_major_formatter(PercentFormatter())\nplt.show()\n';
/** An IoU curve in a figure of its own that formats its axis with the formatter the loss curve's cell imports. */
const IOU_CURVE = 'plt.figure(figsize=(8, 5))\nplt.plot(history["epoch"], history["val_iou"])\nplt.gca().yaxis.set_major_formatter(PercentFormatter(xmax=1.0))\nplt.show()\n';

/** reportsSwapped in a notebook whose imports cell first sets `backend` (`%matplotlib widget`), which may keep figures open between cells. */
const reportsSwappedWith = (backend: string, above: string, below: string) => reportsSwapped(above, below).map((cell, i) => (i === 0 ? { ...cell, text: `${backend}\n${cell.text}` } : cell));

/** The finding of reportsSwapped when the two cells do not commute. */
const REPORT_RAN_LATE = [{ cell: 2, line: 1, message: /ran as \[6\], after cell 4 \(\[5\]\) below it/ }];

/** A cell showing the figure `file` with the `Image` the imports cell binds by `imported`, run ([9]) after the cell below it that saves loss.png ([2]). */
const figureShownLate = (imported: string, file: string) => [
  { text: `import matplotlib.pyplot as plt\n${imported}`, executionOrder: 1 },
  { text: `Image(filename="${file}")\n`, executionOrder: 9, hasOutputs: true },
  { text: 'plt.plot([1, 2, 3])\nplt.savefig("loss.png")\n', executionOrder: 2, hasOutputs: true },
];
const FIGURE_SHOWN_LATE = [{ cell: 1, line: 1, message: /^This cell ran as \[9\], after cell 3 \(\[2\]\) below it/ }];

/**
 * A schematic plot ([6]) that ran after the cell below it ([5]), which draws its data (`draw`) and
 * plots it in a figure of its own; the first cell imports and makes a generator.
 */
const seededDataPlotBelow = (draw: string) => [
  { text: 'import numpy as np\nimport matplotlib.pyplot as plt\nfrom sklearn.datasets import make_blobs\nfrom sklearn.model_selection import train_test_split\nrng = np.random.RandomState(0)\n', executionOrder: 1 },
  { text: 'x = np.linspace(0, 1, 100)\nfig, ax = plt.subplots(figsize=(8, 6))\nax.plot(x, -(x - 0.5) ** 2)\nax.xaxis.set_major_formatter(plt.NullFormatter())\n', executionOrder: 6 },
  { text: `${draw}fig, ax = plt.subplots()\nfor label, color in enumerate(["red", "blue"]):\n    P = np.exp(-0.5 * X[y == label] ** 2).prod(1)\n    Pm = np.ma.masked_array(P, P < 0.03)\n    ax.scatter(X_tr[:, 0], X_tr[:, 1], c=color.title())\n`, executionOrder: 5 },
];
const SCHEMATIC_RAN_LATE = [{ cell: 1, line: 1, message: /ran as \[6\], after cell 3 \(\[5\]\) below it/ }];

/** A printout of tensors built from constants ([6]) that ran after the `below` cell ([5]) under it; the first cell imports PyTorch and makes a tensor. */
const tensorPrintoutsSwapped = (below: string) => [
  { text: 'import torch\nbase = torch.zeros(1)\n', executionOrder: 1 },
  { text: 'grid = torch.linspace(0, 1, 5)\nprint(torch.stack([grid, grid]).unsqueeze(0).permute(2, 1, 0).shape, torch.softmax(grid, dim=0))\n', executionOrder: 6 },
  { text: below, executionOrder: 5 },
];
const TENSOR_PRINTOUT_RAN_LATE = [{ cell: 1, line: 1, message: /ran as \[6\], after cell 3 \(\[5\]\) below it/ }];

/** An evaluation cell that only prints what the model predicts. */
const EVALUATION = 'y_pred = clf.predict(X_test)\ny_proba = clf.predict_proba(X_test)[:, 1]\nprint("ROC AUC:", roc_auc_score(y_test, y_proba))\nprint(classification_report(y_test, y_pred))\n';

/**
 * A notebook of summary statistics whose computing cells ran first and printing cells after: the
 * carriers' table (`carriers`, the fourth cell) ran as [3], before the printout of the delay
 * statistics above it ([5]), which is reported as run after it when the two do not commute.
 */
const statsComputedFirst = (carriers = 'carriers = flights.groupby("carrier").agg({"DEP_DELAY": "mean"}).sort_values("DEP_DELAY")\ncarriers["DEP_DELAY"] *= 60\ncarriers.columns = ["Delay (s)"]\n') => [
  { text: 'import pandas as pd\nimport requests\nflights = pd.read_csv("flights.csv")\n', executionOrder: 1 },
  { text: 'delay_stats = {"mean": flights["DEP_DELAY"].mean(), "late": (flights["DEP_DELAY"] > 15).mean() * 100}\n', executionOrder: 2 },
  { text: 'table = pd.DataFrame(list(delay_stats.items()), columns=["Metric", "Value"])\nprint(table.to_string(index=False))\nfor stat, value in delay_stats.items():\n    if value > 1:\n        print(f"{stat}: {value:.2f}")\n    else:\n        print(stat, value)\n', executionOrder: 5 },
  { text: carriers, executionOrder: 3 },
  { text: 'print(carriers.head(10).to_string())\n', executionOrder: 6 },
];

/** The finding of statsComputedFirst when the carriers' cell does not commute with the printout above it. */
const STATS_RAN_EARLY = [{ cell: 2, line: 1, message: /ran as \[5\], after cell 4 \(\[3\]\) below it/ }];

/** The finding of helpersReRunAbove when the cell below does not commute with the helpers. */
/** A cell run as [10], a printing cell with no count, and a cell run as `belowCount` (12 unless told) with its outputs. */
const middleUncounted = (above: string, middle: string, below: string, belowCount = 12, belowOutputs: SavedOutput[] = [printed]) => onDisk([
  { source: above, count: 10, outputs: [] },
  { source: middle, count: null, outputs: [printed] },
  { source: below, count: belowCount, outputs: belowOutputs },
]);
/** A model trained and a report made in two cells whose counts were lost between [6] and the plot below them, which ran as [9]. */
const trainedAndReported = (plot: string, report: SavedOutput[] = [printed]) => onDisk([
  { source: 'import numpy as np\nfrom sklearn.metrics import confusion_matrix\n', count: 5, outputs: [] },
  { source: 'X_train, X_test, y_train, y_test = load_split()\nprint(len(X_train))\n', count: 6, outputs: [printed] },
  { source: 'model = fit_model(X_train, y_train)\ny_pred = model.predict(X_test)\nprint("test accuracy", (y_pred == y_test).mean())\n', count: null, outputs: [printed] },
  { source: 'cm = confusion_matrix(y_test, y_pred)\nprint(cm)\n', count: null, outputs: report },
  { source: plot, count: 9, outputs: [drawn] },
]);

/** A trainer set up in a cell whose count was lost, below a set-up cell that uses `globals()` as given. */
const trainerBelowGlobals = (setUp: string) => onDisk([
  { source: `import os\n${setUp}`, count: 3, outputs: [printed] },
  { source: 'model = build_model()\nprint("model ready")\n', count: 4, outputs: [printed] },
  { source: 'trainer = Trainer(model=model, args=args)\nprint("trainer ready")\n', count: null, outputs: [printed] },
  { source: 'result = trainer.train()\nprint(result)\n', count: 6, outputs: [printed] },
]);

const UNCOUNTED_MIDDLE = [{ cell: 1, line: 1, message: /^This cell has saved outputs but no execution count/ }];

const HELPERS_RAN_LATE = [{ cell: 1, line: 1, message: /ran as \[17\], after cell 3 \(\[7\]\) below it/ }];

/** A notebook whose top cell of imports and helpers was edited and run again ([9]) after the `below` cell ([2]) under it; the cells further down call the helpers. */
const topHelpersReRun = (top: string, below = 'ratings = pd.read_csv("ratings.dat", sep="::", names=["uid", "mid", "rating"])\nratings.head()\n') => [
  { text: top, executionOrder: 9 },
  { text: below, executionOrder: 2 },
  { text: 'model = make_model(ratings.uid.nunique(), ratings.mid.nunique())\n', executionOrder: 10 },
  { text: 'model.fit([ratings.uid, ratings.mid], ratings.rating, epochs=3)\n', executionOrder: 11 },
];
const TOP_HELPERS = 'import pandas as pd\nimport tensorflow as tf\nfrom collections import namedtuple\n\nFeat = namedtuple("Feat", ["name", "size"])\n\ndef make_model(users, items):\n    u = tf.keras.layers.Input(shape=(1,))\n    i = tf.keras.layers.Input(shape=(1,))\n    dot = tf.keras.layers.Dot(axes=1)([tf.keras.layers.Embedding(users, 8)(u), tf.keras.layers.Embedding(items, 8)(i)])\n    return tf.keras.Model([u, i], dot)\n';
/** A notebook whose two cells of classes (`upper` above `lower`) ran swapped: the upper one run again ([6]) after the lower ([4]); a cell below uses both. */
const classCellsSwapped = (upper: string, lower: string) => [
  { text: 'import pandas as pd\n', executionOrder: 1 },
  { text: upper, executionOrder: 6 },
  { text: lower, executionOrder: 4 },
  { text: 'cars = pd.read_csv("cars.csv")\nevaluator = ModelEvaluator(ModelPipeline("price").fit(cars))\nprint(evaluator.evaluate(cars))\n', executionOrder: 7 },
];
const PIPELINE_CLASS = 'from sklearn.metrics import mean_absolute_error, r2_score\nfrom sklearn.pipeline import Pipeline\n\nclass ModelPipeline:\n    def __init__(self, target):\n        self.target = target\n\n    def fit(self, df):\n        return self\n\n    def score(self, y, p):\n        return r2_score(y, p)\n';
const EVALUATOR_CLASS = 'from sklearn.metrics import mean_absolute_error, r2_score\n\nclass ModelEvaluator:\n    def __init__(self, pipeline):\n        self.pipeline = pipeline\n\n    def evaluate(self, df):\n        p = self.pipeline.predict(df)\n        return mean_absolute_error(df.price, p), r2_score(df.price, p)\n';
const PIPELINE_RAN_LATE = [{ cell: 1, line: 1, message: /ran as \[6\], after cell 3 \(\[4\]\) below it/ }];
/** A notebook whose cell of functions ([2]) ran before the cell of imports and constants above it was run again ([19]). */
const constantsReRunAbove = (functions: string, constants = 'import torch\nMODEL_NAME = "sd-2-1"\n') => [
  { text: constants, executionOrder: 19 },
  { text: functions, executionOrder: 2 },
  { text: 'pipe = load_pipe(MODEL_NAME)\nprint(pipe)\n', executionOrder: 20 },
];
const TOP_HELPERS_RAN_LATE = [{ cell: 0, line: 1, message: /ran as \[9\], after cell 2 \(\[2\]\) below it/ }];
/**
 * A landmark notebook whose loader cell ([4]: constants written out and a function that reads them when
 * called) ran before the settings cell ([5]) and the imports cell ([6]) above it; the cell below calls the loader.
 */
const loaderRanFirst = (loader: string, settings = 'import os\nDATA_DIR = "/data/landmarks"\nOUT_DIR = os.path.join(DATA_DIR, "features")\nos.makedirs(OUT_DIR, exist_ok=True)\nwith open(os.path.join(OUT_DIR, "README.txt"), "w") as f:\n    f.write("hand and lip landmarks")\n') => [
  { text: settings, executionOrder: 5 },
  { text: 'import numpy as np\nimport pandas as pd\n', executionOrder: 6 },
  { text: loader, executionOrder: 4 },
  { text: 'frames = read_landmarks(os.path.join(DATA_DIR, "clip.parquet"))\nprint(frames.shape)\n', executionOrder: 7 },
];
const LANDMARK_LOADER = 'def read_landmarks(path):\n    table = pd.read_parquet(path, columns=COORDS)\n    n = len(table) // POINTS_PER_FRAME\n    return table.values.reshape(n, POINTS_PER_FRAME, len(COORDS)).astype(np.float32)\n';
const SETTINGS_RAN_LATE = [{ cell: 0, line: 1, message: /ran as \[5\], after cell 3 \(\[4\]\) below it/ }];

/**
 * A pose tutorial saved from a session in which its video loop ([90]) ran after the helpers and the
 * skeleton's edges defined below it, `shown` a cell between them that kept its value as [77].
 */
const poseLoopAboveHelpers = (shown: string) => onDisk([
  { source: 'import cv2\nimport numpy as np\n', count: 3, outputs: [] },
  { source: 'cap = cv2.VideoCapture("clip.mp4")\nwhile cap.isOpened():\n    ok, frame = cap.read()\n    if not ok:\n        break\n    keypoints = detect(frame)\n    draw_skeleton(frame, keypoints, EDGES)\n    cv2.imshow("pose", frame)\ncap.release()\n', count: 90, outputs: [] },
  { source: shown, count: 77, outputs: [result(77)] },
  { source: 'def detect(frame):\n    return np.zeros((17, 3))\n', count: 47, outputs: [] },
  { source: 'def draw_skeleton(frame, keypoints, edges):\n    for a, b in edges:\n        cv2.line(frame, tuple(keypoints[a][:2].astype(int)), tuple(keypoints[b][:2].astype(int)), (0, 255, 0), 2)\n', count: 45, outputs: [] },
  { source: 'EDGES = [(0, 1), (0, 2), (1, 3), (2, 4)]\n', count: 44, outputs: [] },
]);

ruleTests(notebookOutOfOrder, {
  valid: [
    {
      name: 'two result tables read in swapped order, one of them a file a cell below writes after both ran: the other reads a file no cell writes and fits any order',
      code: savedTablesSwapped(BEST_PARAMS, FOLD_REPORT, { later: ['folds = pd.DataFrame({"fold": [1, 2], "auc": [0.81, 0.83]})\nfolds.to_csv("../results/tuning/fold_report.csv")\n'] }),
    },
    {
      name: 'two result tables read in swapped order, one file also handed by name to a helper after both ran: the other reads a file no cell names and fits any order',
      code: savedTablesSwapped(BEST_PARAMS, FOLD_REPORT, { later: ['export_table(report, "fold_report.csv")\n'] }),
    },
    {
      name: 'an install with its confirmation, and a printout of text written out, that keep their outputs without a count above cells run in order: they show what a run now would show',
      code: onDisk([
        { source: '!pip install -q xgboost\nprint("xgboost installed successfully")\n', count: null, outputs: [printed] },
        { source: 'print("Step 2: training")\n', count: null, outputs: [printed] },
        { source: 'import pandas as pd\nrides = pd.read_csv("rides.csv")\n', count: 1, outputs: [] },
        { source: 'print(rides.groupby("hour").size().idxmax())\n', count: 2, outputs: [printed] },
      ]),
    },
    {
      name: 'a drive mount and an imports cell that keep their logs without a count, above cells run in order: the log of a cell that only imports is no result',
      code: onDisk([
        { source: '# Mount the Google Drive\nfrom google.colab import drive\ndrive.mount("/content/drive")\n', count: null, outputs: [printed] },
        { source: 'import tensorflow as tf\nimport pandas as pd\n%matplotlib inline\n', count: null, outputs: [printed] },
        { source: 'rides = pd.read_csv("/content/drive/MyDrive/rides.csv")\n', count: 1, outputs: [] },
        { source: 'print(rides.groupby("hour").size().idxmax())\n', count: 2, outputs: [printed] },
      ]),
    },
    {
      name: 'a cell below that pickles the model, run before the evaluation printout above it: writing a file changes nothing the printout reads',
      code: reportsSwapped(EVALUATION, 'import pickle\nwith open("models/clf.pkl", "wb") as f:\n    pickle.dump(clf, f)\n'),
    },
    {
      name: 'a cell that defines a function counting the test rows found among the training rows and prints the count, run after the evaluation below it',
      code: reportsSwapped('import numpy as np\n\ndef count_matching_rows(test, train):\n    """Rows of test also in train."""\n    count = 0\n    for row in test:\n        count += np.count_nonzero(np.all(train == row, axis=1))\n    return count\n\nmatching = count_matching_rows(X_test, X_train)\nprint(matching)\n', EVALUATION),
    },
    {
      name: 'summary statistics computed before the printouts of the cells above them: a table the cell builds from a grouping and relabels, dictionary items printed in a loop',
      code: statsComputedFirst(),
    },
    {
      name: 'an evaluation printout and a feature-importance plot below it run in swapped order: neither changes what the other reads',
      code: reportsSwapped(EVALUATION, 'importance = clf.coef_[0]\nfeat_names = X.columns\nsns.barplot(x=importance, y=feat_names)\nplt.title("Feature importance")\nplt.show()\n'),
    },
    {
      name: 'a plot of the class counts and a report printed below it, swapped: both only read the split and the model',
      code: reportsSwapped('classes = np.unique(y_test)\ncounts = [np.sum(y_test == c) for c in classes]\nplt.bar(classes, counts)\nplt.show()\n', 'print(classification_report(y_test, clf.predict(X_test)))\n'),
    },
    {
      name: 'a summary printed above pandas plots of the same frame, run after them: a frame\'s plot, hist, boxplot and plot accessor draw and leave the frame as it was',
      code: reportsSwapped('print(X_test["age"].mean(), X_test.shape)\n', 'X_test[["age", "income"]].plot(figsize=(12, 6))\nplt.title("Inputs")\nplt.show()\n'),
    },
    {
      name: 'the same with a histogram and a bar chart through the plot accessor below the summary',
      code: reportsSwapped('print(X_test["age"].describe())\n', 'X_test["age"].hist(bins=30)\nX_test["segment"].value_counts().plot.bar()\nX_test[["age", "income"]].boxplot()\nplt.show()\n'),
    },
    {
      name: 'a chart of the top words of each class, built with a vectorizer the cell fits, above a printed summary run before it',
      code: summaryRunFirst(
        'import pandas as pd\nimport matplotlib.pyplot as plt\nimport seaborn as sns\nfrom sklearn.feature_extraction.text import CountVectorizer\nframe = pd.read_csv("tweets.csv")\n',
        'labels = frame["label"].unique()\nfig, axes = plt.subplots(1, len(labels))\nfor k, label in enumerate(labels):\n    cv = CountVectorizer(max_features=50)\n    counts = cv.fit_transform(frame[frame["label"] == label]["text"])\n    totals = counts.toarray().sum(axis=0)\n    freq = pd.DataFrame(sorted([(totals[i], w) for w, i in cv.vocabulary_.items()], reverse=True))\n    freq.columns = ["frequency", "word"]\n    sns.barplot(x=freq["frequency"][:10], y=freq["word"][:10], ax=axes[k])\n    axes[k].set_title(f"Top words - {label}")\nplt.show()\n',
        'print("rows:", len(frame))\nfor label, count in frame["label"].value_counts().items():\n    print(f"{label}: {count / len(frame) * 100:.2f}%")\nprint(f"mean length: {frame[\'length\'].mean():.2f}")\n',
      ),
    },
    {
      name: 'a schematic plot run after the plot below it, which draws its data with scikit-learn given a seed written out and shapes it with NumPy\'s array methods, its masked arrays and a string\'s case',
      code: seededDataPlotBelow('X, y = make_blobs(100, 2, centers=2, random_state=2)\nX_tr, X_te = train_test_split(X, random_state=0)\n'),
    },
    {
      name: 'two printouts of tensors built from constants, run in swapped order: PyTorch\'s builders and a tensor\'s views make new tensors and change nothing',
      code: tensorPrintoutsSwapped('t = torch.arange(10).repeat(2)\nprint(t.view(2, 10).sum(dim=1).numpy(), t.size(), t.dim())\n'),
    },
    {
      name: 'two plots run in swapped order, each opening its own figure first (plt.figure with a size, then seaborn and pyplot): neither draws into the other\'s figure',
      code: reportsSwapped('plt.figure(figsize=(10, 6))\nsns.histplot(clf.predict_proba(X_test)[:, 1], bins=20)\nplt.title("Scores")\nplt.show()\n', 'counts = np.bincount(y_test)\nplt.figure(figsize=(6, 4))\nplt.bar(range(len(counts)), counts)\nplt.xlabel("class")\nplt.show()\n'),
    },
    {
      name: 'two plots in figures of their own that save them to files named in full, none by both (a literal, a folder constant and a name, the figure\'s own savefig): each file holds what its cell drew',
      code: reportsSwapped('plt.figure()\nplt.hist(X_test["age"])\nplt.savefig("../images/q4_plot1.png")\n', 'fig, ax = plt.subplots()\nax.hist(X_test["income"])\nfig.savefig(FIGURES + "/q4_plot2.png")\nplt.savefig(fname="../images/q4_plot2.pdf")\n').map((cell, i) => (i === 0 ? { ...cell, text: `FIGURES = "../images"\n${cell.text}` } : cell)),
    },
    {
      name: 'pyplot reached through pylab (matplotlib.pylab, or pylab itself): a plot that saves its own file, run before cells that only show a frame and write another file, draws as pyplot does',
      code: [
        { text: 'import matplotlib.pylab as plt\nimport pandas as pd\n', executionOrder: 1 },
        { text: 'indices, ratios = zip(*sorted(load_pairs()))\n', executionOrder: 2 },
        { text: 'df = pd.DataFrame(data={"model_index": indices, "wins": ratios})\ndf\n', executionOrder: 5 },
        { text: 'df.to_csv("final.csv", index=None)\n', executionOrder: 6 },
        { text: 'plt.plot(indices, ratios)\nplt.xlabel("Model index")\nplt.savefig("final-short.png")\n', executionOrder: 3 },
      ],
    },
    {
      name: 'the same with plain pylab, the plot in a figure of its own',
      code: [
        { text: 'import pylab\nimport pandas as pd\n', executionOrder: 1 },
        { text: 'indices, ratios = zip(*sorted(load_pairs()))\n', executionOrder: 2 },
        { text: 'df = pd.DataFrame(data={"model_index": indices, "wins": ratios})\ndf\n', executionOrder: 5 },
        { text: 'pylab.figure()\npylab.plot(indices, ratios)\npylab.savefig("final-short.png")\n', executionOrder: 3 },
      ],
    },
    {
      name: 'a frame and a model written by two swapped cells into two files named in full',
      code: reportsSwapped('np.savetxt("out/scores.txt", clf.predict_proba(X_test)[:, 1])\n', 'joblib.dump(clf, "out/model.joblib")\n').map((cell, i) => (i === 0 ? { ...cell, text: `import joblib\n${cell.text}` } : cell)),
    },
    {
      name: 'two curves in figures of their own run in swapped order, the lower one formatting its axis with a formatter the upper one imports: the import binds the one class whenever it ran',
      code: curvesSwapped(LOSS_CURVE, IOU_CURVE),
    },
    {
      name: 'the same with the imports cell at the top run again after both: it binds again the modules the curves found bound',
      code: curvesSwapped(LOSS_CURVE, IOU_CURVE, { importsCount: 9 }),
    },
    {
      name: 'two curves that each import a tick locator from the same place, one titled through the axes seaborn returns: the locator is built for the cell\'s own figure',
      code: curvesSwapped(
        'from matplotlib.ticker import MaxNLocator\nfig, ax = plt.subplots()\nsns.lineplot(x=history["epoch"], y=history["dice"]).set_title("Dice")\nplt.gca().xaxis.set_major_locator(MaxNLocator(integer=True))\nplt.show()\n',
        'from matplotlib.ticker import MaxNLocator\nplt.figure()\nplt.plot(history["epoch"], history["lr"])\nplt.gca().xaxis.set_major_locator(MaxNLocator(integer=True))\nplt.show()\n',
      ),
    },
    {
      name: 'the same with figures opened by plt.subplots (grid shape by position), drawing through the axes, and a selection by isin before the figure',
      code: reportsSwapped('fig, axes = plt.subplots(1, 2, figsize=(12, 4))\naxes[0].hist(X_test["age"], bins=30)\naxes[1].hist(X_test["income"], bins=30)\nplt.show()\n', 'adults = X_test[X_test["segment"].isin(["a", "b"])]\nfig2, ax = plt.subplots()\nadults["age"].plot(ax=ax)\nplt.show()\n'),
    },
    {
      name: 'the range of a column shown as a tuple, below a count of its values run after it: a tuple of values shown is one value shown',
      code: framePrintoutsSwapped('frame.segment.value_counts()\n', 'frame.age.min(), frame.age.max()\n'),
    },
    {
      name: 'the same tuple below a histogram of the column, run after it',
      code: framePrintoutsSwapped('frame.age.hist()\nplt.show()\n', 'frame.age.min(), frame.age.max(), len(frame)\n'),
    },
    {
      name: 'a summary shown with IPython\'s display above the table below it, swapped: display shows a value and changes nothing',
      code: framePrintoutsSwapped('display(frame.describe())\n', 'frame.segment.value_counts()\n'),
    },
    // pandas' printed summary (`info`) reads the frame, prints and returns None: it changes nothing.
    {
      name: 'a frame\'s printed summary (info) above a count of one column\'s values, swapped: info only prints',
      code: framePrintoutsSwapped('frame.info()\n', 'frame["segment"].value_counts()\n'),
    },
    {
      name: 'the summary with its options written as keywords, below a histogram run after it',
      code: framePrintoutsSwapped('frame.age.hist()\nplt.show()\n', 'frame.info(verbose=True, show_counts=True)\n'),
    },
    {
      name: 'the summary of a selection of columns printed beside its shape, swapped with a describe',
      code: framePrintoutsSwapped('print(frame.shape)\nframe[["age", "income"]].info(memory_usage="deep")\n', 'frame.describe()\n'),
    },
    // A cell that draws from or seeds a shared generator, swapped with one that never touches it:
    // neither sees nor changes what the other computes.
    ...([
      ['PyTorch seeded below a printout of tensors built from constants', tensorPrintoutsSwapped('torch.manual_seed(0)\nprint(torch.arange(3))\n')],
      ['noise drawn from PyTorch\'s generator below such a printout', tensorPrintoutsSwapped('noise = torch.randn(3)\nprint(noise)\n')],
      ['an assert on a draw below an evaluation printout', reportsSwapped(EVALUATION, 'assert np.random.rand() < 2\n')],
      ['rows picked from NumPy\'s global generator below an evaluation printout', reportsSwapped(EVALUATION, 'picked = np.random.choice(len(y_test), 5)\nprint(picked)\n')],
      ['bootstrap means of the labels drawn below a histogram of other sums', reportsSwapped('sums = [int(v) for v in y_test[:50]]\npd_sums = np.cumsum(sums)\nplt.hist(pd_sums, bins=30)\nplt.title("public LB sum")\nplt.show()\n', 'li_mean = [np.mean(np.random.choice(y_test, replace=False, size=100)) for i in range(500)]\n')],
    ] as const).map(([what, code]) => ({ name: `${what}, swapped: one touches the shared generator, the other never does`, code })),
    {
      name: 'sums and means of labels drawn in two cells from NumPy\'s global generator, which nothing in the notebook seeds, swapped: new numbers in every session, whatever the order',
      code: reportsSwapped('li_sum = [np.sum(np.random.choice(y_test, replace=False, size=100)) for i in range(500)]\n', 'li_mean = [np.mean(np.random.choice(y_test, replace=False, size=100)) for i in range(500)]\n'),
    },
    {
      name: 'the same draws looped under tqdm\'s progress bars (tqdm from tqdm, trange from tqdm.auto): a bar hands the items on as they are',
      code: reportsSwapped('from tqdm import tqdm\nli_sum = [np.sum(np.random.choice(y_test, size=100)) for i in tqdm(range(500))]\n', 'from tqdm.auto import trange\nli_mean = [np.mean(np.random.choice(y_test, size=100)) for i in trange(500)]\n'),
    },
    // The inline backend (Jupyter's, VS Code's and Colab's default) closes every figure a cell opened when the cell ends.
    {
      name: 'two cells that both draw with pandas\' plotting methods share the current figure, under the inline backend (the default): no cell draws into another\'s figure',
      code: reportsSwapped('X_test["age"].plot()\n', 'X_test["income"].hist()\nplt.show()\n'),
    },
    {
      name: 'two cells that both plot draw into the one current figure, under `%matplotlib inline`: no cell draws into another\'s figure',
      code: reportsSwappedWith('%matplotlib inline', 'sns.histplot(clf.predict_proba(X_test)[:, 1])\n', 'plt.title("Scores")\nplt.show()\n'),
    },
    {
      name: 'only one of two swapped plots opens its own figure: the other draws into the current figure, which may be the first one\'s, under the inline backend (the default): no cell draws into another\'s figure',
      code: reportsSwapped('plt.figure(figsize=(10, 6))\nsns.histplot(clf.predict_proba(X_test)[:, 1])\nplt.show()\n', 'plt.title("Scores")\nplt.plot(np.sort(X_test["age"]))\nplt.show()\n'),
    },
    {
      name: 'a figure reopened by its number (plt.figure(1), num=) is the one another cell drew, under `%matplotlib inline`: no cell draws into another\'s figure',
      code: reportsSwappedWith('%matplotlib inline', 'plt.figure(1)\nplt.plot(np.sort(X_test["age"]))\nplt.show()\n', 'fig, ax = plt.subplots(num=1)\nax.hist(X_test["income"])\nplt.show()\n'),
    },
    {
      name: 'a plot drawn before the cell opens its figure, or a figure opened only under an if, goes into the current one, under the inline backend (the default): no cell draws into another\'s figure',
      code: reportsSwapped('sns.histplot(X_test["age"])\nplt.figure()\nplt.plot(np.sort(X_test["age"]))\nplt.show()\n', 'if len(X_test) > 10:\n    plt.figure()\nplt.hist(X_test["income"])\nplt.show()\n'),
    },
    // Spark's DataFrame queries make new DataFrames; show() and collect() only run them.
    {
      name: 'two Spark queries printed with show(), swapped: each makes a new DataFrame and prints it',
      code: sparkPrintoutsSwapped('df.select(dayofmonth(df["Date"])).show()\n', 'df.select(hour(df["Date"])).show()\n'),
    },
    {
      name: 'Spark ML stages built in a cell (an indexer and an encoder, which store their parameters) and a printout of the DataFrame, swapped',
      code: sparkPrintoutsSwapped('df.select("Close").show()\n', 'from pyspark.ml.feature import StringIndexer, OneHotEncoder\nsex_indexer = StringIndexer(inputCol="Sex", outputCol="SexIndex")\nsex_encoder = OneHotEncoder(inputCol="SexIndex", outputCol="SexVec")\n'),
    },
    {
      name: 'a filtered Spark count and a grouped average collected, swapped',
      code: sparkPrintoutsSwapped('df.filter((df["Close"] < 200) & ~(df["Open"] < 200)).show()\n', 'rows = df.groupBy("Year").agg({"Close": "mean"}).orderBy("Year").collect()\nprint(rows[:3])\n'),
    },
    // pandas' per-group results and reshapes make a new frame or series and leave the frame as it was.
    ...([
      ['the difference from the previous row of each group', 'frame.groupby("user_id")["age"].transform("diff")\n'],
      ['each row\'s previous value and rank within its group', 'frame.assign(prev=frame.groupby("user_id")["age"].shift(1), r=frame["age"].rank())\n'],
      ['the rows whose id is duplicated, and the frame melted long', 'print(frame[frame.duplicated("user_id", keep=False)])\nframe.melt(id_vars=["user_id"]).head()\n'],
    ] as const).map(([what, cell]) => ({
      name: `${what}, shown above a selection of columns, swapped: the frame is left as it was`,
      code: framePrintoutsSwapped('frame[["user_id", "age", "segment"]]\n', cell),
    })),
    {
      name: 'display imported from IPython, showing a rounded copy, above a printout, swapped',
      code: framePrintoutsSwapped('from IPython.display import display, Markdown\nrounded = frame.round(3)\ndisplay(Markdown("## Summary"))\ndisplay(rounded)\n', 'print(frame.age.mean())\n'),
    },
    {
      name: 'a styled table (a highlight helper handed to the Styler that `.style` makes, then formatted) above the plain table, swapped',
      code: framePrintoutsSwapped('def highlight(row):\n    return ["font-weight: bold" if v == row.max() else "" for v in row]\n\nrounded = frame.round(3)\nstyled = rounded.style.apply(highlight, axis=1).format("{:.3f}")\ndisplay(styled)\n', 'frame\n'),
    },
    {
      name: 'a highlight helper that maps each row with a lambda and reads an index level, handed to the Styler, above the plain table, swapped',
      code: framePrintoutsSwapped('def highlight(row):\n    base = row.loc[row.index.get_level_values("model") == "naive"]\n    worse = row.apply(lambda x: any(x > base))\n    return ["color: orange" if w else "" for w in worse]\n\ndisplay(frame.round(3).style.apply(highlight, axis=1))\n', 'frame\n'),
    },
    {
      name: 'a column mapped with a builtin and with the cell\'s own function, printed above a summary, swapped',
      code: framePrintoutsSwapped('def bucket(age):\n    return "old" if age > 60 else "young"\n\nprint(frame.age.map(bucket).value_counts())\nprint(frame.name.map(len).mean())\n', 'frame.age.min(), frame.age.max()\n'),
    },
    {
      name: 'a box plot whose cell styles the axis and the legend it made (`ax.yaxis.grid`, `legend.get_frame().set_alpha`), above a printout, swapped',
      code: framePrintoutsSwapped('fig, ax = plt.subplots(figsize=(10, 6))\nframe.boxplot(column="age", by="segment", ax=ax)\nax.yaxis.grid(True, linestyle="-")\nax.xaxis.grid(False)\nlegend = plt.legend(loc="upper center")\nlegend.get_frame().set_alpha(0.0)\nplt.show()\n', 'frame.segment.value_counts()\n'),
    },
    {
      name: 'a Styler made straight from the loaded frame, shown as the cell\'s value, above a printout, swapped',
      code: framePrintoutsSwapped('frame.style.background_gradient(cmap="Blues")\n', 'frame.age.min(), frame.age.max()\n'),
    },
    {
      name: 'a sanity check that asserts on the split above a printout of the class counts, swapped: an assert reads and binds nothing',
      code: reportsSwapped('assert len(X_test) == len(y_test)\nassert set(np.unique(y_test)) <= {0, 1}, "labels"\n', 'print(np.bincount(y_test), len(X_test))\n'),
    },
    {
      name: 'a check of the predictions in an if, below a printout of the report, swapped',
      code: reportsSwapped(EVALUATION, 'preds = clf.predict(X_test)\nif len(preds):\n    assert preds.min() >= 0\nprint(preds[:5])\n'),
    },
    {
      name: 'two result tables, each read from a file by its path and styled, run in swapped order: nothing in the notebook writes either file',
      code: savedTablesSwapped(BEST_PARAMS, FOLD_REPORT),
    },
    {
      name: 'two score tables that each bind the same table and style names for their own use, swapped, under `%matplotlib inline`',
      code: savedTablesSwapped(
        'tbl = pd.read_csv("metrics/cv_scores.csv")\nheader = {"selector": "th", "props": "font-weight: bold;"}\nshown = tbl.style.format("{:.2f}")\nshown.set_table_styles([header])\n',
        'tbl = pd.read_csv("metrics/test_scores.csv")\nheader = {"selector": "th", "props": "color: grey;"}\nshown = tbl.style.format("{:.2f}")\nshown.set_table_styles([header])\n',
        { header: 'import pandas as pd\n%matplotlib inline\n' },
      ),
    },
    {
      name: 'a JSON summary and a Parquet file of predictions read and shown in swapped order, a later cell writing another file by its full path',
      code: savedTablesSwapped(
        'summary = pd.read_json("eval/summary.json")\nprint(summary.T.to_string())\n',
        'preds = pd.read_parquet("eval/predictions.parquet")\npreds.label.value_counts()\n',
        { later: ['merged = pd.read_csv("eval/holdout.csv")\nmerged.to_csv("eval/merged.csv", index=False)\n'] },
      ),
    },
    {
      name: 'predictions unpacked into two names above a printout of the coefficients, swapped',
      code: reportsSwapped('y_pred, y_proba = clf.predict(X_test), clf.predict_proba(X_test)[:, 1]\nprint(round(roc_auc_score(y_test, y_proba), 3), len(y_pred))\n', 'coef = clf.coef_\nprint(dict(zip(X.columns, coef[0])))\n'),
    },
    {
      name: 'a cell that only defines a classifier function, run before the helpers cell above it was re-run: its body reads the helpers when called',
      code: helpersReRunAbove('from sklearn.neighbors import KNeighborsClassifier\n\ndef run_knn(n):\n    train, test = split(load_frame("flows.csv"))\n    clf = KNeighborsClassifier(n_neighbors=n).fit(train.drop(columns="label"), train.label)\n    return clf.score(test.drop(columns="label"), test.label)\n'),
    },
    {
      name: 'a helpers cell that also silences FutureWarnings, re-run after a cell below it that calls none of its helpers: a warnings filter changes nothing a cell computes',
      code: helpersReRunAbove(READS_ROWS, HELPERS_AFTER('import warnings\nwarnings.simplefilter(action="ignore", category=FutureWarning)\n')),
    },
    {
      name: 'a helpers cell that also ignores all warnings and shows every column, re-run after a cell below that counts the labels',
      code: helpersReRunAbove('labels = pd.read_csv("flows.csv")["label"]\ncounts = labels.value_counts()\nprint(counts)\n', HELPERS_AFTER('import warnings\nwarnings.filterwarnings("ignore")\npd.set_option("display.max_columns", None)\n')),
    },
    {
      name: 'a cell of a scaler class that also sets NumPy\'s print options, re-run after a cell below that describes the data',
      code: helpersReRunAbove('rows = pd.read_csv("flows.csv")\nrows.describe()\n', 'import numpy as np\nnp.set_printoptions(precision=3, suppress=True)\n\nclass Scaler:\n    def fit(self, x):\n        self.mu = np.mean(x)\n        return self\n'),
    },
    {
      name: 'a cell that only defines a model class with its methods and a docstring, run early: methods read the helpers when called',
      code: helpersReRunAbove('"""The detector."""\nclass Detector:\n    threshold = 0.5\n\n    def fit(self, path):\n        self.train, self.test = split(load_frame(path))\n        return self\n\ndef run_knn(n):\n    return Detector().fit("flows.csv").threshold * n\n'),
    },
    {
      name: 'a top cell of imports, a named tuple and helpers, run again after the cell below it that reads only its imports: a top-to-bottom run gives the same state',
      code: topHelpersReRun(TOP_HELPERS),
    },
    {
      name: 'a top cell of helpers that prints a confirmation written out in full, run again after the cell below it',
      code: topHelpersReRun(`${TOP_HELPERS}\nprint("✅ Helpers ready")\nprint("model: " "dot product", "of two embeddings")\n`),
    },
    {
      name: 'a loader cell whose constants are written out as a number and a tuple of strings, run before the settings cell above it that shares no name with it',
      code: loaderRanFirst(`POINTS_PER_FRAME = 543  # landmarks per frame\nCOORDS = ("x", "y", "z")\n\n${LANDMARK_LOADER}`),
    },
    {
      name: 'the same with a list of indices over several lines, a dictionary of settings, a negative number, None and a docstring beside the function',
      code: loaderRanFirst(`"Landmark loading."\nPOINTS_PER_FRAME = 543\nCOORDS = ["x", "y", "z"]\nLIPS = [\n    61, 185, 40, 39,  # outer\n    78, 191, 80, 81,\n]\nFILL = {"nan": 0.0, "clip": (-1.5, 1.5)}\nOFFSET = -0.5\nMAX_FRAMES = None\n\n${LANDMARK_LOADER}`),
    },
    {
      name: 'a top cell of helpers with constants written out, run again after the cell below it that reads only its imports',
      code: topHelpersReRun(`${TOP_HELPERS}\nEMBED_DIM = 8\nRATING_RANGE = (1, 5)\n`),
    },
    {
      name: 'a top cell of helpers with a typing.NamedTuple class, run again after the data cell below it',
      code: topHelpersReRun('import pandas as pd\nfrom typing import NamedTuple\n\nclass Split(NamedTuple):\n    train: pd.DataFrame\n    test: pd.DataFrame\n\nPair = NamedTuple("Pair", [("a", int), ("b", int)])\n\ndef make_model(users, items):\n    return (users, items)\n'),
    },
    {
      name: 'two cells of classes that import the same metrics, the upper run again after the lower: each import binds the one same function',
      code: classCellsSwapped(PIPELINE_CLASS, EVALUATOR_CLASS),
    },
    {
      name: 'the same with whole modules imported alike in both cells (`import numpy as np`, `import sklearn.metrics as skm`)',
      code: classCellsSwapped('import numpy as np\nimport sklearn.metrics as skm\n\nclass ModelPipeline:\n    def __init__(self, target):\n        self.target = target\n\n    def fit(self, df):\n        return self\n', 'import numpy as np\nimport sklearn.metrics as skm\n\nclass ModelEvaluator:\n    def __init__(self, pipeline):\n        self.pipeline = pipeline\n\n    def evaluate(self, df):\n        return np.sqrt(skm.mean_squared_error(df.price, self.pipeline.predict(df)))\n'),
    },
    {
      name: 'a cell of functions that imports pandas as the first cell does, run before the helpers above it that read `pd` when called',
      code: helpersReRunAbove('import pandas as pd\n\ndef run_knn(n):\n    return len(pd.concat(split(load_frame("flows.csv")))) * n\n'),
    },
    {
      name: 'a cell of functions whose default reads a module the cell above imports (`dtype=torch.float32`), run before that cell ran again: the import binds the one same module',
      code: constantsReRunAbove('def load_pipe(name, dtype=torch.float32, device="cuda"):\n    return (name, dtype, device)\n'),
    },
    {
      name: 'a decorated function whose decorator the defining cell imports itself, run early',
      code: helpersReRunAbove('from functools import lru_cache\n\n@lru_cache(maxsize=None)\ndef run_knn(n):\n    return len(split(load_frame("flows.csv"))[0]) * n\n'),
    },
    {
      name: 'a notebook that keeps no output in any cell: constants bound after the imports below them, nothing shown, so no saved result came from that run',
      code: onDisk([
        { source: 'import numpy as np\nhorizon_years = 10\neval_times = 365.25 * np.arange(1, horizon_years + 1)\n', count: 6, outputs: [] },
        { source: 'import pandas as pd\nfrom lifelines import CoxPHFitter\n', count: 4, outputs: [] },
        { source: 'cohort = pd.read_csv("cohort.csv")\n', count: 7, outputs: [] },
        { source: 'cph = CoxPHFitter(penalizer=0.1)\ncph.fit(cohort, duration_col="time", event_col="event")\n', count: null, outputs: [] },
      ]),
    },
    {
      name: 'a template whose outputs were cleared but two cells kept the same count: nothing saved comes from either session',
      code: onDisk([
        { source: 'import torch\n', count: 1, outputs: [] },
        { source: 'hparams = {"lr": 1e-3, "epochs": 20}\n', count: 1, outputs: [] },
        { source: 'net = torch.nn.Linear(8, 1)\nopt = torch.optim.Adam(net.parameters(), lr=hparams["lr"])\n', count: 2, outputs: [] },
        { source: 'net.weight.shape\n', count: 12, outputs: [] },
      ]),
    },
    {
      name: 'a pose tutorial whose one kept output is a constant worked out by hand (`32*12`): the video loop ran after the helpers below it, but no saved result came from that run',
      code: poseLoopAboveHelpers('32*12\n'),
    },
    {
      name: 'a face-embedding notebook whose only outputs are a printed note and the version of a module another cell imports, the embedding cells sharing a count',
      code: onDisk([
        { source: 'import tensorflow as tf\nimport numpy as np\n', count: 1, outputs: [] },
        { source: 'tf.__version__\n', count: 2, outputs: [result(2)] },
        { source: 'encoder = tf.keras.models.load_model("facenet_keras.h5")\n', count: 7, outputs: [] },
        { source: 'faces = np.load("aligned_faces.npy")\nembeddings = encoder.predict(faces)\n', count: 7, outputs: [] },
        { source: 'print("Embeddings ready")\n', count: 4, outputs: [printed] },
      ]),
    },
    {
      name: 'a skeleton action-recognition notebook whose only output is a help page of a builtin, the model run before the cell above it that loads the skeletons',
      code: onDisk([
        { source: 'import torch\n', count: 1, outputs: [] },
        { source: 'skeletons = torch.load("ntu_xsub_train.pt", weights_only=True)\n', count: 6, outputs: [] },
        { source: 'model = torch.nn.GRU(75, 128, batch_first=True)\nout, _ = model(skeletons)\n', count: 5, outputs: [] },
        { source: 'help(len)\n', count: 7, outputs: [printed] },
      ]),
    },
    {
      name: 'a lesson whose outputs were stripped, one cell re-run after the cells below it',
      code: onDisk([
        { source: 'import pandas as pd\n', count: 3, outputs: [] },
        { source: 'def churn_rate(df):\n    return df["churned"].mean()\n', count: 30, outputs: [] },
        { source: 'customers = pd.read_csv("customers.csv")\n', count: 25, outputs: [] },
        { source: 'churn_rate(customers)\n', count: 26, outputs: [] },
      ]),
    },
    {
      name: 'cells whose own counts a tool cleared, but whose results keep theirs, in top-to-bottom order',
      code: onDisk([
        { source: 'import pandas as pd\n', count: 3, outputs: [] },
        { source: 'df = pd.read_csv("sensors.csv")\ndf.shape\n', count: null, outputs: [result(4)] },
        { source: 'df.describe()\n', count: null, outputs: [printed, result(6)] },
        { source: 'df.groupby("unit")["cycle"].max()\n', count: 9, outputs: [result(9)] },
      ]),
    },
    {
      name: 'a tool cleared every cell\'s own count: results keep theirs, in order, and the printouts keep none, which is not asked of such a notebook',
      code: onDisk([
        { source: 'import numpy as np\n', count: null, outputs: [] },
        { source: 'print(np.__version__)\n', count: null, outputs: [printed] },
        { source: 'x = np.linspace(0, 1, 5)\nx\n', count: null, outputs: [result(3)] },
        { source: 'print(x.mean())\n', count: null, outputs: [printed] },
        { source: 'x.std()\n', count: null, outputs: [result(5)] },
      ]),
    },
    {
      name: 'a tool cleared the own counts of the cells below some point: a plot between two results that keep counts with a number free between them ran in that run',
      code: onDisk([
        { source: 'import pandas as pd\nimport matplotlib.pyplot as plt\n', count: 1, outputs: [] },
        { source: 'rides = pd.read_csv("rides.csv")\nrides.shape\n', count: 2, outputs: [result(2)] },
        { source: 'by_hour = rides.groupby("hour").size()\nby_hour.head()\n', count: null, outputs: [result(3)] },
        { source: 'by_hour.plot(kind="bar")\nplt.show()\n', count: null, outputs: [drawn] },
        { source: 'by_hour.idxmax()\n', count: null, outputs: [result(5)] },
      ]),
    },
    {
      name: 'a tool cleared the own counts of the last cells: a printout below the last result that keeps a count, with nothing run below it',
      code: onDisk([
        { source: 'import numpy as np\n', count: 1, outputs: [] },
        { source: 'scores = np.loadtxt("folds.txt")\nscores.mean()\n', count: null, outputs: [result(2)] },
        { source: 'best = scores.argmax()\n', count: null, outputs: [] },
        { source: 'print("best fold", best)\n', count: null, outputs: [printed] },
        { source: '# scores.std()\n', count: null, outputs: [] },
      ]),
    },
    {
      name: 'a trainer set up in a cell whose count was lost, with a number free for it, and trained by the cell below it in the same run',
      code: onDisk([
        { source: 'from transformers import Trainer, TrainingArguments\n', count: 9, outputs: [] },
        { source: 'model = build_model()\nprint("model ready")\n', count: 10, outputs: [printed] },
        { source: 'args = TrainingArguments(output_dir="out", num_train_epochs=2)\ntrainer = Trainer(model=model, args=args)\nprint("trainer ready")\n', count: null, outputs: [printed] },
        { source: 'result = trainer.train()\nprint(result)\n', count: 12, outputs: [printed] },
      ]),
    },
    {
      name: 'helpers defined in a cell whose count was lost, called through a function of the notebook by a cell below that ran in the same run',
      code: middleUncounted(
        'def process_split(rows, out_path):\n    encoded = [encode_sample(r) for r in rows]\n    save_rows(encoded, out_path)\n    return len(encoded)\n',
        'image_dir = "data/images"\n\ndef encode_sample(sample):\n    image = Image.open(os.path.join(image_dir, sample["file"]))\n    return processor(image, sample["words"], boxes=sample["boxes"])\n\nprint("functions defined")\n',
        'n_train = process_split(train_rows, "out/train")\nprint(n_train)\n',
      ),
    },
    {
      name: 'a value bound in a cell whose count was lost, read two calls deep by a cell below that ran in the same run',
      code: middleUncounted(
        'def encode(words, boxes):\n    return tokenizer(words, boxes=boxes, truncation=True)\n\ndef build_batches(docs):\n    return [encode(d.words, d.boxes) for d in docs]\n',
        'tokenizer = LayoutLMv3TokenizerFast.from_pretrained(CHECKPOINT)\nprint("tokenizer ready")\n',
        'batches = build_batches(val_docs)\nprint(len(batches))\n',
      ),
    },
    {
      name: 'a folder bound in a cell whose count was lost, read by a loader function that a cell below calls in the same run',
      code: middleUncounted(
        'def load_receipt(name):\n    with open(f"{receipt_dir}/{name}.json") as f:\n        return json.load(f)\n',
        'receipt_dir = "sroie/train/entities"\nprint(receipt_dir)\n',
        'first = load_receipt("X00016469612")\nprint(first["total"])\n',
      ),
    },
    {
      name: 'a split computed in a cell whose count was lost, read by a cell further down that ran later in the same run',
      code: onDisk([
        { source: 'import pandas as pd\nfrom sklearn.model_selection import train_test_split\n', count: 1, outputs: [] },
        { source: 'df = pd.read_csv("reviews.csv")\ndf.shape\n', count: 2, outputs: [result(2)] },
        { source: 'train_df, test_df = train_test_split(df, test_size=0.2, random_state=0)\nprint(len(train_df))\n', count: null, outputs: [printed] },
        { source: 'df.head()\n', count: 5, outputs: [result(5)] },
        { source: 'print(test_df.label.value_counts())\n', count: 6, outputs: [printed] },
      ]),
    },
    {
      name: 'a tokenizer loaded in a cell whose count was lost, used by the cell below it in the same run, after an install cell',
      code: onDisk([
        { source: '!pip install -q transformers==4.44.2\n', count: 1, outputs: [printed] },
        { source: 'from transformers import AutoTokenizer\n', count: 2, outputs: [] },
        { source: 'tok = AutoTokenizer.from_pretrained("./tokenizer")\nprint(tok)\n', count: null, outputs: [printed] },
        { source: 'ids = tok("hello world")["input_ids"]\nids\n', count: 4, outputs: [result(4)] },
      ]),
    },
    {
      name: 'two cells in a row whose counts were lost below a clone cell, each read by a cell further down that ran later, with a number free for each',
      code: onDisk([
        { source: '!git clone https://github.com/course/gan-lab.git\n', count: 2, outputs: [printed] },
        { source: 'import numpy as np\nfrom gan_lab.data import splits\nprint("imports ok")\n', count: null, outputs: [printed] },
        { source: 'train_ds, val_ds = splits(seed=42)\nprint(len(train_ds), len(val_ds))\n', count: null, outputs: [printed] },
        { source: 'idx = np.random.default_rng(0).choice(len(train_ds), 16)\nshow_grid(train_ds, idx)\n', count: 5, outputs: [drawn] },
      ]),
    },
    {
      name: 'a training cell and the report that reads its predictions both lost their counts, with a number free for each, and the plot that ran later reads the report\'s matrix: both ran in order',
      code: trainedAndReported('plot_matrix(cm / cm.sum(axis=1, keepdims=True))\n'),
    },
    {
      name: 'a trainer set up in a cell whose count was lost, below a set-up cell that only asks globals() whether __file__ is bound',
      code: trainerBelowGlobals('here = os.path.dirname(os.path.abspath(__file__)) if "__file__" in globals() else os.getcwd()\nprint(here)\n'),
    },
    {
      name: 'a trainer set up in a cell whose count was lost, below a set-up cell that runs a shell escape: a subshell binds none of the kernel\'s names',
      code: trainerBelowGlobals('!nvidia-smi\n'),
    },
    {
      name: 'the same below a shell escape that lists a folder, among Python lines',
      code: trainerBelowGlobals('print(os.getcwd())\n!ls -la ../data/raw\nDATA = "../data/raw"\n'),
    },
    {
      name: 'the same below a shell escape whose output is assigned: the name written out is the one bound',
      code: trainerBelowGlobals('gpus = !nvidia-smi -L\nprint(gpus)\n'),
    },
    {
      name: 'the same below a shell escape that fills in a variable',
      code: trainerBelowGlobals('root = os.getcwd()\n!du -sh {root}/data\n'),
    },
    {
      name: 'the same below a cell that sets the plotting backend and moves to the project folder: those magics bind no variable',
      code: trainerBelowGlobals('%matplotlib inline\n%cd ..\n%config InlineBackend.figure_format = "retina"\n'),
    },
    {
      name: 'the same, asked with not in and in parentheses',
      code: trainerBelowGlobals('if "__file__" not in (globals()):\n    here = os.getcwd()\nprint(here)\n'),
    },
    {
      name: 'a noise schedule built in a cell whose count was lost, just below an install cell, and sampled by the cell below it',
      code: onDisk([
        { source: '!pip install -q diffusers==0.30.0\n', count: 1, outputs: [printed] },
        { source: 'from diffusers import DDPMScheduler\nscheduler = DDPMScheduler(num_train_timesteps=1000)\nprint(scheduler)\n', count: null, outputs: [printed] },
        { source: 'print(scheduler.betas[:5])\n', count: 3, outputs: [printed] },
      ]),
    },
    {
      name: 'the imports cell at the top, its count lost and its log kept, read by the configuration cell below it that ran as [2]: [1] is free for it',
      code: onDisk([
        { source: 'import sys\nfrom pathlib import Path\nimport pandas as pd\nfrom glucose.columns import ColumnNames\nsys.path.append(str(Path.cwd().parent))\nprint("Device: cpu")\n', count: null, outputs: [printed] },
        { source: 'TARGET = ColumnNames.BG\nprint(TARGET)\n', count: 2, outputs: [printed] },
        { source: 'frame = pd.read_csv("patients.csv")\nprint(frame[TARGET].mean())\n', count: 3, outputs: [printed] },
      ]),
    },
    {
      name: 'two cells at the top whose counts were lost, each read by a cell below that ran later, with [1] and [2] free for them',
      code: onDisk([
        { source: 'import numpy as np\nprint("numpy", np.__version__)\n', count: null, outputs: [printed] },
        { source: 'rng = np.random.default_rng(0)\nprint(rng)\n', count: null, outputs: [printed] },
        { source: 'sample = rng.normal(size=8)\nprint(np.round(sample, 2))\n', count: 3, outputs: [printed] },
      ]),
    },
    {
      name: 'counts increase top to bottom, with gaps',
      code: [{ text: 'import pandas as pd\n', executionOrder: 1 }, { text: 'df = pd.read_csv("a.csv")\n', executionOrder: 4 }, { text: 'df.head()\n', executionOrder: 9 }],
    },
    {
      name: 'a never-executed notebook',
      code: [{ text: 'import numpy as np\n' }, { text: 'x = np.zeros(3)\n' }],
    },
    {
      name: 'markdown and empty cells between executed ones',
      code: [{ text: 'a = 1\n', executionOrder: 1 }, { text: '# Title\n', kind: 'markup' }, { text: '', executionOrder: 7 }, { text: 'b = a\n', executionOrder: 2 }],
    },
    {
      name: 'a script is never a notebook',
      code: py`
        x = 1
      `,
    },
    {
      name: 'every cell saved with the placeholder count 0',
      code: [{ text: 'import numpy as np\n', executionOrder: 0 }, { text: 'x = np.ones(4)\n', executionOrder: 0 }, { text: 'print(x)\n', executionOrder: 0 }],
    },
    {
      name: 'placeholder 0 counts on cells around ones that ran in order',
      code: [{ text: 'a = 1\n', executionOrder: 1 }, { text: 'b = 2\n', executionOrder: 0 }, { text: 'c = a + b\n', executionOrder: 2 }],
    },
    {
      name: 'unexecuted cells without outputs at the end',
      code: [{ text: 'a = 1\n', executionOrder: 1 }, { text: 'b = 2\n' }],
    },
    {
      name: 'a cell of commented-out download commands that ran in an earlier session shares a count with a code cell below',
      code: sharesCountWithBelow('# uncomment to fetch the corpus\n#!wget https://example.org/ptb/train.txt\n#!wget https://example.org/ptb/valid.txt\n'),
    },
    {
      name: 'a cell that only shows something (the page styled from its CSS file) re-run after the cells below it',
      code: reRunAfterBelow('from IPython.core.display import HTML\n\ndef css_styling():\n    styles = open("../styles/custom.css", "r").read()\n    return HTML(styles)\n\ncss_styling()\n'),
    },
    {
      name: 'a cell that only prints the version of a module the first cell imports, re-run after the cells below it',
      code: reRunAfterBelow('print(pd.__version__)\n'),
    },
    {
      name: 'a cell that only shows the documentation of a function another cell imports (help, its __doc__), re-run after the cells below it',
      code: [
        { text: 'import pandas as pd\nfrom mlxtend.evaluate import permutation_test\n', executionOrder: 1 },
        { text: 'help(permutation_test)\nprint(permutation_test.__doc__)\n', executionOrder: 5, hasOutputs: true },
        { text: 'df = pd.read_csv("scores.csv")\n', executionOrder: 3 },
        { text: 'p = permutation_test(df.a, df.b, seed=0)\n', executionOrder: 4 },
      ],
    },
    {
      name: 'cells that only show module versions, as a cell\'s value or in a formatted print, share counts with code cells below',
      code: [
        { text: 'import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\n', executionOrder: 1 },
        { text: 'tf.__version__\n', executionOrder: 2, hasOutputs: true },
        { text: 'print(f"keras {keras.__version__}, numpy {np.__version__}")\n', executionOrder: 3, hasOutputs: true },
        { text: 'x = np.load("x.npy")\n', executionOrder: 2 },
        { text: 'model = keras.Sequential([keras.layers.Dense(1)])\n', executionOrder: 3 },
      ],
    },
    {
      name: 'a cell that imports sys only to print the interpreter it runs on, run before the cell above it',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'df = pd.read_csv("sales.csv")\n', executionOrder: 3, hasOutputs: true },
        { text: 'import sys\nprint(sys.executable)\n', executionOrder: 2, hasOutputs: true },
      ],
    },
    {
      name: 'a cell that imports sys only to show the Python version and platform, re-run after the cells below it',
      code: reRunAfterBelow('import sys\nprint(f"Python {sys.version} on {sys.platform}")\nsys.version_info[:2]\n'),
    },
    {
      name: 'a cell that only lists the physical GPUs through the TensorFlow another cell imports, run before the model cell above it',
      code: deviceCheckBelowModel('tf.config.list_physical_devices()\n'),
    },
    {
      name: 'a GPU check through the experimental listing, counted and printed, run before the model cell above it',
      code: deviceCheckBelowModel('gpus = tf.config.experimental.list_physical_devices("GPU")\nprint(f"{len(gpus)} GPU(s):", gpus)\nprint("built with CUDA:", tf.test.is_built_with_cuda())\n'),
    },
    {
      name: 'a cell that only asks the torch another cell imports whether CUDA is there and how many devices, sharing a count with a code cell below',
      code: sharesCountWithBelow('print(torch.cuda.is_available())\ntorch.cuda.device_count()\n'),
    },
    {
      name: 'a GPU check through cuda imported from torch by the first cell, re-run after the cells below it',
      code: [
        { text: 'import pandas as pd\nfrom torch import cuda\n', executionOrder: 1 },
        { text: 'if cuda.is_available():\n    print("GPU x", cuda.device_count())\nelse:\n    print("CPU only")\n', executionOrder: 8, hasOutputs: true },
        { text: 'df = pd.read_csv("train.csv")\n', executionOrder: 2 },
        { text: 'df.describe()\n', executionOrder: 3, hasOutputs: true },
      ],
    },
    {
      name: 'a cell that imports sys beside IPython\'s display to show where the kernel\'s Python lives, sharing a count with a code cell below',
      code: sharesCountWithBelow('import sys\nfrom IPython.display import Markdown\nMarkdown(f"kernel: `{sys.prefix}`")\n'),
    },
    {
      name: 'a cell that only shows a figure shares a count with a code cell below',
      code: sharesCountWithBelow('from IPython.display import Image\nImage(filename="figures/architecture.png")\n'),
    },
    {
      name: 'a figure shown with the `Image` the imports cell takes from IPython\'s display, its path in a name of its own, re-run after the evaluation below it',
      code: [
        { text: 'from src.evaluator import ModelEvaluator\nfrom IPython.display import Image\n', executionOrder: 1 },
        { text: 'curve_path = "../images/train_val_accuracy.jpeg"\nImage(filename=curve_path)\n', executionOrder: 9, hasOutputs: true },
        { text: 'evaluator = ModelEvaluator("../models/tuned")\nevaluator.evaluate(test_data)\n', executionOrder: 2, hasOutputs: true },
      ],
    },
    {
      name: 'a cell that only prints the workflow file the next cell loads, re-run alone in a later session: its count is shared with the imports',
      code: [
        { text: 'import yaml\nfrom datetime import datetime\n', executionOrder: 1 },
        { text: 'run_date = datetime(2021, 6, 1)\n', executionOrder: 2 },
        { text: '# the workflow we submit below\n!cat crop_workflow.yaml\n', executionOrder: 1, hasOutputs: true },
        { text: 'with open("crop_workflow.yaml") as f:\n    spec = yaml.safe_load(f)\nspec["name"]\n', executionOrder: 4, hasOutputs: true },
      ],
    },
    {
      name: 'cells that only print files no cell writes, re-run after the cells below them: head with its count option, pygmentize, a quoted path',
      code: [
        { text: '!head -n 3 train.csv\n', executionOrder: 7, hasOutputs: true },
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: '!pygmentize "features/make_features.py"\n', executionOrder: 8, hasOutputs: true },
        { text: 'df = pd.read_csv("train.csv")\n', executionOrder: 2 },
        { text: 'df.describe()\n', executionOrder: 3, hasOutputs: true },
      ],
    },
    {
      name: 'cells that only list what a folder holds, re-run after the cells below them: a glob in the last part, a folder with options, the working folder',
      code: [
        { text: 'import pandas as pd\nimport seaborn as sns\n%matplotlib inline\n', executionOrder: 1 },
        { text: '!ls ../results/sweep3*\n', executionOrder: 9, hasOutputs: true },
        { text: 'runs = pd.concat({"lr=1e-3": pd.read_csv("../results/sweep3-lr1e-3.csv"), "lr=1e-4": pd.read_csv("../results/sweep3-lr1e-4.csv")})\n', executionOrder: 2 },
        { text: '!ls -lh checkpoints/\n', executionOrder: 10, hasOutputs: true },
        { text: 'runs.groupby(level=0).reward.mean()\n', executionOrder: 3, hasOutputs: true },
        { text: '!ls\n', executionOrder: 11, hasOutputs: true },
      ],
    },
    {
      name: 'a cell of imports re-run after the cells below it (an import added to the top cell): plain imports, from-imports with comments, %matplotlib inline',
      code: reRunAfterBelow('# plotting\nimport numpy as np\nfrom sklearn.metrics import f1_score, roc_auc_score\n%matplotlib inline\nimport matplotlib.pyplot as plt\n'),
    },
    {
      name: 'a cell of imports that also picks how values print, re-run after the cells below it: pandas display options set both ways, NumPy print options',
      code: reRunAfterBelow('\nimport numpy as np\nimport pandas as pd\n\npd.options.display.max_colwidth = 0\npd.set_option("display.max_columns", None)\nnp.set_printoptions(precision=3, suppress=True)\n'),
    },
    {
      name: 'a cell of imports that also picks the style figures are drawn in, re-run after the cells below it: a seaborn theme with a font scale',
      code: reRunAfterBelow('import os\nimport pandas as pd\nimport matplotlib.pyplot as plt\nimport seaborn as sns\nsns.set(font_scale=1.2, style="whitegrid")\n'),
    },
    {
      name: 'a cell of imports that sets seaborn\'s theme, context and palette and a matplotlib style sheet, re-run after the cells below it',
      code: reRunAfterBelow('import seaborn as sns\nfrom matplotlib import pyplot as plt\nsns.set_theme(style="ticks")\nsns.set_context("talk")\nsns.set_palette("colorblind")\nplt.style.use("ggplot")\n'),
    },
    {
      name: 'a cell of helpers that also sets a seaborn style, re-run after the cells below it that call none of its helpers',
      code: reRunAfterBelow('import seaborn as sns\nsns.set_style("darkgrid")\n\ndef plot_sensor(frame, column):\n    return sns.lineplot(data=frame, x="cycle", y=column)\n'),
    },
    {
      name: 'a cell of imports that also silences warnings, re-run after the cells below it: filterwarnings("ignore") between the imports',
      code: reRunAfterBelow('import warnings\nwarnings.filterwarnings("ignore")\nimport pandas as pd\nfrom sklearn.svm import SVC\n'),
    },
    {
      name: 'a cell of imports that silences one category of warnings, or picks how often they show, re-run after the cells below it',
      code: reRunAfterBelow('import warnings\nfrom warnings import simplefilter\nwarnings.filterwarnings("ignore", category=FutureWarning)\nsimplefilter(action="once")\nimport numpy as np\n'),
    },
    {
      name: 'imports beside the project folder they come from put on the import path (sys.path.append, insert), re-run after the cells below it',
      code: reRunAfterBelow('import sys\nimport os\nsys.path.append("../src")\nsys.path.insert(0, os.path.abspath(".."))\nfrom abstraction import equity_distribution\nimport numpy as np\n'),
    },
    {
      name: 'imports of optional modules beside what stands in for them (a stand-in function or class, another import, a flag), re-run after the cells below it',
      code: reRunAfterBelow('import json\nfrom pathlib import Path\ntry:\n    from tqdm.auto import tqdm\nexcept Exception:\n    class _Bar:\n        def __init__(self, it, **kw):\n            self.it = it\n    def tqdm(it, **kw):\n        return _Bar(it, **kw)\n'),
    },
    {
      name: 'an optional import whose handler imports a fallback module or binds a flag, re-run after the cells below it',
      code: reRunAfterBelow('import numpy as np\ntry:\n    import shap\n    HAS_SHAP = True\nexcept (ImportError, ModuleNotFoundError):\n    shap = None\n    HAS_SHAP = False\ntry:\n    import ujson as json\nexcept ImportError:  # plain json is enough\n    import json\n'),
    },
    {
      name: 'a closing cell that only reports the environment with watermark, run before the cells above it were run again (%load_ext and a comment)',
      code: [
        { text: 'import numpy as np\nimport matplotlib.pyplot as plt\n', executionOrder: 1 },
        { text: 'rng = np.random.default_rng(1)\nsamples = rng.gamma(2.0, 1.0, size=1000)\n', executionOrder: 8 },
        { text: 'plt.hist(samples, bins=40)\nplt.show()\n', executionOrder: 9, hasOutputs: true },
        { text: 'print(np.mean(samples))\n', executionOrder: 10, hasOutputs: true },
        { text: '# versions used\n%load_ext watermark\n%watermark -n -u -v -iv -p pytensor\n', executionOrder: 5, hasOutputs: true },
      ],
    },
    {
      name: 'the same report reloaded through automagic, at the end and run before the cells above it',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'df = pd.read_csv("train.csv")\n', executionOrder: 4 },
        { text: 'df.describe()\n', executionOrder: 5, hasOutputs: true },
        { text: 'reload_ext watermark\n%watermark -v -iv\n', executionOrder: 2, hasOutputs: true },
      ],
    },
    {
      name: 'a cell that only sets up autoreload, re-run after the cells below it (its log says the extension is already loaded)',
      code: reRunAfterBelow('%load_ext autoreload\n%autoreload 2\n'),
    },
    {
      name: 'autoreload set up beside imports of the project\'s own modules, re-run after the cells below it: %reload_ext, %aimport, a comment',
      code: reRunAfterBelow('# pick up edits to src/ without restarting\n%reload_ext autoreload\n%autoreload 1\n%aimport src.anchors\nimport torch\nfrom src.anchors import make_anchors\n'),
    },
    {
      name: 'autoreload set up beside a black formatter extension, re-run after the cells below it',
      code: reRunAfterBelow('%load_ext autoreload\n%autoreload 2\n%load_ext lab_black\n'),
    },
    {
      name: 'a formatter extension loaded alone beside the imports (nb_black), re-run after the cells below it',
      code: reRunAfterBelow('%load_ext nb_black\nimport numpy as np\nimport matplotlib.pyplot as plt\n'),
    },
    {
      name: 'jupyter_black reloaded as automagic in a cell inserted mid-notebook and run last',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'calls = pd.read_csv("annotations/calls.csv")\n', executionOrder: 2 },
        { text: '# keep the cells formatted\nreload_ext jupyter_black\n', executionOrder: 6 },
        { text: 'calls["duration"] = calls.end - calls.start\n', executionOrder: 3 },
        { text: 'calls.duration.describe()\n', executionOrder: 4, hasOutputs: true },
      ],
    },
    {
      name: 'autoreload set up as automagic with the imports, in a cell inserted mid-notebook and run last',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'boxes = pd.read_csv("annotations/train_boxes.csv")\n', executionOrder: 2 },
        { text: 'load_ext autoreload\nautoreload 2\nfrom utils.boxes import xyxy_to_xywh\n', executionOrder: 6 },
        { text: 'boxes["area"] = (boxes.x2 - boxes.x1) * (boxes.y2 - boxes.y1)\n', executionOrder: 3 },
        { text: 'boxes.area.describe()\n', executionOrder: 4, hasOutputs: true },
      ],
    },
    {
      name: 'a cell of imports inserted mid-notebook and run last, after cells below it that need none of its names',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'df = pd.read_csv("calls.csv", parse_dates=["ts"])\n', executionOrder: 2 },
        { text: 'from __future__ import annotations\nimport warnings\nfrom statsmodels.tsa.arima.model import ARIMA\n', executionOrder: 7 },
        { text: 'daily = df.set_index("ts").resample("D").size()\n', executionOrder: 3 },
        { text: 'daily.plot()\n', executionOrder: 4, hasOutputs: true },
      ],
    },
    {
      name: 'a cell that imports and prints the versions it imported, re-run after the cells below it: print(), labels, an f-string, a bare value',
      code: reRunAfterBelow('import tensorflow as tf\nimport sklearn\nprint(tf.__version__)\nprint("scikit-learn", sklearn.__version__)\nprint(f"TF {tf.__version__}")\ntf.__version__\n'),
    },
    {
      name: 'Python 2\'s print statement of an imported version, in a cell re-run after the cells below it',
      code: reRunAfterBelow('import sklearn\nprint sklearn.__version__\n'),
    },
    {
      name: 'a cell that only mounts Colab\'s drive, re-run after the cells below it (the mount outlives the kernel)',
      code: reRunAfterBelow('from google.colab import drive\ndrive.mount("/content/drive")\n'),
    },
    {
      name: 'Colab\'s drive mounted again by force beside imports and a comment, re-run after the cells below it',
      code: reRunAfterBelow('# the data lives in Drive\nimport numpy as np\nfrom google.colab import drive\ndrive.mount("/content/gdrive", force_remount=True)\n'),
    },
    {
      name: 'a cell that only gets the Spark session from its builder, beside its import, re-run after the cells below it (getOrCreate hands back the session they used)',
      code: reRunAfterBelow('from pyspark.sql import SparkSession\nspark = SparkSession.builder.appName("eda").getOrCreate()\n'),
    },
    {
      name: 'the Spark session got with settings written out, its import in the cell above, re-run after the cells that read it',
      code: [
        { text: 'import pandas as pd\nfrom pyspark.sql import SparkSession\n', executionOrder: 1 },
        { text: 'spark = SparkSession.builder.master("local[*]").appName("Viz").config("spark.sql.shuffle.partitions", 8).getOrCreate()\n', executionOrder: 16 },
        { text: 'shots = spark.read.csv("data/events.csv", sep=";", inferSchema=True, header=True)\n', executionOrder: 3 },
        { text: 'shots.show(5)\n', executionOrder: 4, hasOutputs: true },
      ],
    },
    {
      name: 'the Spark session got through the module path with Hive support, re-run after the cells below it',
      code: reRunAfterBelow('import pyspark.sql\nsession = pyspark.sql.SparkSession.builder.enableHiveSupport().getOrCreate()\n'),
    },
    {
      name: 'Colab\'s drive mounted through the package it belongs to, re-run after the cells below it',
      code: reRunAfterBelow('from google import colab\ncolab.drive.mount("/content/drive")\n'),
    },
    {
      name: 'a cell of plain imports at the end, run before the cells above it, whose names and modules no other cell uses: a leftover from-import, a comment and a plain import, an aliased import',
      code: [
        { text: 'OPENAI_MODEL = "gpt-4o-mini"\n', executionOrder: 1 },
        { text: '!pip install -q llama-index==0.12.2\n', executionOrder: 2, hasOutputs: true },
        { text: '%%writefile ingest.py\nfrom llama_index.core import SimpleDirectoryReader\ndocs = SimpleDirectoryReader("data").load_data()\nprint(len(docs))\n', executionOrder: 6, hasOutputs: true },
        { text: '!python -m ingest\n', executionOrder: 8, hasOutputs: true },
        { text: 'from llama_index.llms.openai import OpenAI\n', executionOrder: 3 },
      ],
    },
    {
      name: 'imports with a comment, and an aliased import, left at the end and run before the cells above it, none of whose names another cell reads',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'scores = pd.read_csv("retrieval_scores.csv")\n', executionOrder: 4 },
        { text: 'scores.describe()\n', executionOrder: 5, hasOutputs: true },
        { text: '# for the next experiment\nimport faiss\nfrom sentence_transformers import SentenceTransformer as ST\n', executionOrder: 2 },
      ],
    },
    {
      name: 'a cell of plain imports run before the cell above it, which reads none of its names, and used only by cells below that ran after it',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'frame = pd.read_parquet("meters.parquet")\n', executionOrder: 2 },
        { text: 'train = frame[frame.day < cutoff]\nprint(len(train))\n', executionOrder: 6, hasOutputs: true },
        { text: 'import torch\n', executionOrder: 4 },
        { text: 'device = "cuda" if torch.cuda.is_available() else "cpu"\nmodel = fit(train, device)\n', executionOrder: 8, hasOutputs: true },
      ],
    },
    {
      name: 'from-imports with aliases run before two cells above them that read none of their names, used by a cell below that ran last',
      code: [
        { text: 'import numpy as np\n', executionOrder: 1 },
        { text: 'load = np.load("load.npy")\n', executionOrder: 5 },
        { text: 'print(load.mean())\n', executionOrder: 6, hasOutputs: true },
        { text: 'from sklearn.ensemble import GradientBoostingRegressor as GBR\nfrom sklearn.metrics import mean_absolute_error\n', executionOrder: 3 },
        { text: 'gbr = GBR(random_state=0).fit(X, load)\nprint(mean_absolute_error(load, gbr.predict(X)))\n', executionOrder: 7, hasOutputs: true },
      ],
    },
    {
      name: 'a note-only cell re-run after the cells below it',
      code: reRunAfterBelow('# TODO: try a larger learning rate\n\n# model = build(lr=0.1)\n'),
    },
    {
      name: 'an install cell that ran in an earlier session: every other cell ran top to bottom from [1]',
      code: [
        { text: '# dependencies\n!pip install -q datasets==2.19.0 \\\n    peft==0.11.1\n', executionOrder: 1, hasOutputs: true },
        { text: 'from datasets import load_dataset\n', executionOrder: 1 },
        { text: 'ds = load_dataset("json", data_files="pairs.jsonl")\nds\n', executionOrder: 2, hasOutputs: true },
      ],
    },
    {
      name: 'an install-or-check cell that also picks the inline plotting backend, run in an earlier session or after the cells below: %matplotlib inline is the default backend anyway',
      code: [
        { text: '!python -c "import monai" || pip install -q "monai-weekly[tqdm]"\n!python -c "import matplotlib" || pip install -q matplotlib\n%matplotlib inline\n', executionOrder: 1 },
        { text: 'import torch\nfrom monai.networks.nets import UNet\n', executionOrder: 1, hasOutputs: true },
        { text: 'net = UNet(2, 1, 1, (4, 8), (2,))\nprint(net)\n', executionOrder: 2, hasOutputs: true },
        { text: '%matplotlib inline\n!pip install -q seaborn==0.13.2\n', executionOrder: 5 },
        { text: 'print(torch.__version__)\n', executionOrder: 3, hasOutputs: true },
      ],
    },
    {
      name: 'install cells re-run after the cells below them: under %%capture with %pip lines, a %%bash body, an install without a count but with its log',
      code: [
        { text: '%%capture\n%pip install torch==2.3.0\n%pip install transformers==4.41.2\n', executionOrder: 9 },
        { text: '%%bash\npip install sentencepiece==0.2.0\n', executionOrder: 8, hasOutputs: true },
        { text: 'import torch\n', executionOrder: 1 },
        { text: '!pip install accelerate==0.30.1\n', hasOutputs: true },
        { text: 'x = torch.ones(2)\nx\n', executionOrder: 2, hasOutputs: true },
      ],
    },
    {
      name: 'an install into the kernel\'s own Python with the import of sys it needs (!{sys.executable} -m pip), run in an earlier session and re-run after the cells below',
      code: [
        { text: 'import sys\n!{sys.executable} -m pip install timm==0.9.16 --force-reinstall\n', executionOrder: 5 },
        { text: 'import sys  # the kernel\'s python\n!{sys.executable} -m pip install -q einops==0.8.0\n', executionOrder: 9 },
        { text: 'import torch\n', executionOrder: 1 },
        { text: 'x = torch.ones(2)\nx\n', executionOrder: 5, hasOutputs: true },
      ],
    },
    {
      name: 'install cells written as automagic with pip\'s general options before the subcommand (-q, --quiet, --timeout 120): an earlier session, and a re-run after the cells below',
      code: [
        { text: 'pip -q install xformers bitsandbytes\n', executionOrder: 3, hasOutputs: true },
        { text: 'pip --quiet --disable-pip-version-check install -U peft==0.11.1\n', executionOrder: 7 },
        { text: 'pip --timeout 120 install -r requirements.txt\n', executionOrder: 1, hasOutputs: true },
        { text: 'import torch\n', executionOrder: 1 },
        { text: 'x = torch.ones(2)\nx\n', executionOrder: 2, hasOutputs: true },
      ],
    },
    {
      name: 'an install guarded by a Colab flag bound in the same cell ran in an earlier session: the cells below ran top to bottom from [1]',
      code: [
        { text: 'import sys\nIN_COLAB = "google.colab" in sys.modules\nif IN_COLAB:\n    !pip install -q uv\n    !uv pip install --system rdkit lightgbm scikit-learn\n', executionOrder: 1 },
        { text: 'import pandas as pd\nfrom rdkit import Chem\n', executionOrder: 1 },
        { text: 'df = pd.read_csv("solubility.csv")\ndf["mol"] = df.SMILES.apply(Chem.MolFromSmiles)\n', executionOrder: 2 },
        { text: 'df.head()\n', executionOrder: 3, hasOutputs: true },
      ],
    },
    {
      name: 'a %%capture install under a flag bound by the cell above, re-run after the cells below; the flag read again by a later cell',
      code: [
        { text: 'import sys\non_colab = \'google.colab\' in sys.modules  # set up the packages only there\n', executionOrder: 1 },
        { text: '%%capture\nif on_colab:\n    !pip install mols2grid==2.0.0 useful_rdkit_utils==0.90\n', executionOrder: 7 },
        { text: 'import pandas as pd\n', executionOrder: 2 },
        { text: 'if on_colab:\n    print("running on Colab")\nassays = pd.read_csv("assays.csv")\n', executionOrder: 3, hasOutputs: true },
        { text: 'assays.describe()\n', executionOrder: 4, hasOutputs: true },
      ],
    },
    {
      name: 'installs guarded by the test written out, and by a try of importing google.colab, share their counts with the cells below',
      code: [
        { text: 'import sys\nif "google.colab" in sys.modules:\n    %pip install -q deepchem==2.8.0\nelse:\n    pass  # a local environment has it\n', executionOrder: 2 },
        { text: 'try:\n    import google.colab\n    !pip install -q torch-geometric==2.5.3\nexcept ImportError:\n    pass\n', executionOrder: 3 },
        { text: 'import torch\n', executionOrder: 1 },
        { text: 'x = torch.ones(3)\n', executionOrder: 2 },
        { text: 'x.sum()\n', executionOrder: 3, hasOutputs: true },
      ],
    },
    {
      name: 'an install cell that also prints a confirmation, re-run after the cells below it',
      code: reRunAfterBelow('# Install required packages\n%pip install seaborn missingno --quiet\n\nprint("Packages installed successfully!")\n'),
    },
    {
      name: 'an install cell that clears its log and prints a note shares its count with a code cell below',
      code: sharesCountWithBelow('!pip install -q xgboost==2.0.3\nfrom IPython.display import clear_output\nclear_output()\nprint("xgboost ready")\n'),
    },
    {
      name: 'a download cell that prints where the files went, run again after the cells below it',
      code: reRunAfterBelow('!wget -q https://example.org/bank-additional.zip\n!unzip -o bank-additional.zip\nprint("data in", "bank-additional/")\n'),
    },
    {
      name: 'cells that add, commit and push the notebook to git, run in an earlier session: they leave every file the cells above read as it was',
      code: [
        { text: 'import pandas as pd\ndf = pd.read_csv("water.csv")\n', executionOrder: 9 },
        { text: 'df.describe()\n', executionOrder: 10, hasOutputs: true },
        { text: 'df.corr()\n', executionOrder: 11, hasOutputs: true },
        { text: '!git add .\n', executionOrder: 7 },
        { text: '!git commit -m "Added the EDA notebook"\n', executionOrder: 8, hasOutputs: true },
        { text: '!git status && git push origin main\n', executionOrder: 9, hasOutputs: true },
      ],
    },
    {
      name: 'set-up cells that clone, copy and fetch files in an earlier session: the cells below ran top to bottom from [1]',
      code: [
        { text: '!git clone https://github.com/someone/speech-tools.git\n', executionOrder: 1, hasOutputs: true },
        { text: '!git clone https://github.com/someone/audio-utils\n!pip install -e audio-utils\n', executionOrder: 2, hasOutputs: true },
        { text: '!cp -r speech-tools/* .\n', executionOrder: 3 },
        { text: 'import json\nconfig = {"epochs": 3}\n', executionOrder: 1 },
        { text: 'with open("config.json", "w") as f:\n    json.dump(config, f)\n', executionOrder: 2 },
      ],
    },
    {
      name: 'a download cell re-run after the cell that reads it: wget and unzip under %%bash, mkdir and curl joined by &&',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: '%%bash\nwget -q https://example.org/reviews.zip\nunzip -o reviews.zip\n', executionOrder: 9, hasOutputs: true },
        { text: '!mkdir -p data && curl -L https://example.org/labels.csv -o data/labels.csv\n', executionOrder: 10 },
        { text: 'df = pd.read_csv("reviews.csv")\n', executionOrder: 2 },
        { text: 'df.describe()\n', executionOrder: 3, hasOutputs: true },
      ],
    },
    {
      name: 'dataset downloads through a data host\'s own client, run again after the cells that read them: Kaggle\'s datasets and competitions, the Hub\'s client, gdown',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: '!kaggle datasets download -d someone/spoken-digits\n!unzip -q spoken-digits.zip -d data\n', executionOrder: 9, hasOutputs: true },
        { text: '!kaggle competitions download -c house-prices -p data && unzip -o data/house-prices.zip -d data\n', executionOrder: 10, hasOutputs: true },
        { text: '%%bash\nhuggingface-cli download someone/clips --repo-type dataset --local-dir data/clips\ngdown --id 1AbCdEf -O data/labels.csv\n', executionOrder: 11, hasOutputs: true },
        { text: 'df = pd.read_csv("data/train.csv")\n', executionOrder: 2 },
        { text: 'df.describe()\n', executionOrder: 3, hasOutputs: true },
      ],
    },
    {
      name: 'a Kaggle download that keeps its log without a count above cells run in order: it only put the archive on disk, as the unzip below it did',
      code: onDisk([
        { source: '%pip install -q kaggle==1.6.17\n', count: 1, outputs: [printed] },
        { source: '! kaggle datasets download -d someone/spoken-digits\n', count: null, outputs: [printed] },
        { source: '!unzip -q spoken-digits.zip -d .\n', count: null, outputs: [printed] },
        { source: 'import pandas as pd\nclips = pd.read_csv("recordings/index.csv")\n', count: 2, outputs: [] },
        { source: 'print(clips.speaker.value_counts())\n', count: 3, outputs: [printed] },
      ]),
    },
    {
      name: 'a gdown fetch shares its count with a code cell below',
      code: sharesCountWithBelow('!gdown --id 1AbCdEf -O data/train.txt\n'),
    },
    {
      name: 'a cell that refreshes apt\'s index and installs system and pip packages shares its count with a code cell below',
      code: sharesCountWithBelow('!pip install -U pip\n!apt-get update; apt-get install -y graphviz graphviz-dev\n!pip install pygraphviz==1.11\n'),
    },
    {
      name: 'system installs through sudo, an environment assignment and Homebrew, run again after the cells below them',
      code: reRunAfterBelow('!sudo apt install -y ffmpeg\n!DEBIAN_FRONTEND=noninteractive apt-get -qq install libsndfile1\n!brew install libomp\n'),
    },
    {
      name: 'a %%bash body that refreshes the index and installs a system package, run again after the cells below it',
      code: reRunAfterBelow('%%bash\napt-get -y update\napt-get install -y tesseract-ocr\n'),
    },
    {
      name: 'a clone command commented out after it ran keeps the clone\'s log without a count: the cell runs nothing now',
      code: [
        { text: '%cd /content/drive/MyDrive\n', executionOrder: 1, hasOutputs: true },
        { text: '# !git clone https://github.com/someone/vessel-unet.git\n', hasOutputs: true },
        { text: 'import torch\nnet = torch.nn.Conv2d(3, 2, 3)\n', executionOrder: 2 },
      ],
    },
    {
      name: 'outputs without a count on cells left holding a note, a commented-out training call, or nothing at all',
      code: [
        { text: 'import torch\nmodel = torch.nn.Linear(4, 1)\n', executionOrder: 1 },
        { text: '# trainer.fit(model, train_loader)\n# print(history)\n', hasOutputs: true },
        { text: '# TODO: try a Dice + BCE loss next\n', hasOutputs: true },
        { text: '\n', hasOutputs: true },
        { text: 'print(sum(p.numel() for p in model.parameters()))\n', executionOrder: 2, hasOutputs: true },
      ],
    },
  ],
  invalid: [
    {
      name: 'the skeleton notebook whose only output is help about the model another cell builds: a read of that cell, so compared',
      code: onDisk([
        { source: 'import torch\n', count: 1, outputs: [] },
        { source: 'skeletons = torch.load("ntu_xsub_train.pt", weights_only=True)\n', count: 6, outputs: [] },
        { source: 'model = torch.nn.GRU(75, 128, batch_first=True)\nout, _ = model(skeletons)\n', count: 5, outputs: [] },
        { source: 'help(model)\n', count: 7, outputs: [printed] },
      ]),
      findings: [{ cell: 1, line: 1, message: /ran as \[6\]/ }],
    },
    {
      name: 'the pose tutorial whose kept output reads the keypoints the video loop bound: a saved result of the out-of-order run',
      code: poseLoopAboveHelpers('keypoints.shape\n'),
      findings: [{ cell: 1, line: 1, message: /ran as \[90\]/ }],
    },
    {
      name: 'a face-embedding notebook whose printed note sits beside a printout of the embeddings another cell computed',
      code: onDisk([
        { source: 'import tensorflow as tf\nimport numpy as np\n', count: 1, outputs: [] },
        { source: 'tf.__version__\n', count: 2, outputs: [result(2)] },
        { source: 'encoder = tf.keras.models.load_model("facenet_keras.h5")\n', count: 7, outputs: [] },
        { source: 'faces = np.load("aligned_faces.npy")\nembeddings = encoder.predict(faces)\n', count: 7, outputs: [] },
        { source: 'print("Embeddings ready", embeddings.shape)\n', count: 4, outputs: [printed] },
      ]),
      findings: [{ cell: 2, line: 1, message: /same execution count \[7\]/ }],
    },
    {
      name: 'Colab run times that put a cell with the higher count before the cell below it: two kernel sessions, and the message names no order within one run',
      code: colabEvaluation(day(10), day(13)),
      findings: [{ cell: 2, line: 1, related: 1, message: /^This cell ran as \[52\] in another kernel session than cell 5 \(\[30\]\) below it \(the run times the notebook saved put this cell before it\): the saved results do not come from one run/ }],
    },
    {
      name: 'Colab run times that put a cell with the lower count after the cell above it: two kernel sessions',
      code: onDisk([
        { source: 'import pandas as pd\n', count: 1, outputs: [], ranAt: day(9) },
        { source: 'news = pd.read_csv("headlines.csv")\nnews.head()\n', count: 50, outputs: [result(50)], ranAt: day(9) },
        { source: 'news["label"] = news.sentiment.map({"negative": 0, "neutral": 1, "positive": 2})\nnews.label.mean()\n', count: 51, outputs: [result(51)], ranAt: day(9) },
        { source: 'news.label.value_counts()\n', count: 5, outputs: [result(5)], ranAt: day(20) },
      ]),
      findings: [{ cell: 3, line: 1, message: /^This cell ran as \[5\] in another kernel session than cell 3 \(\[51\]\) above it \(the run times the notebook saved put this cell after it\)/ }],
    },
    {
      name: 'Colab run times that agree with the counts, or a cell with no saved run time, keep the order the counts tell',
      code: colabEvaluation(day(14), day(13)),
      findings: [{ cell: 2, line: 1, message: /^This cell ran as \[52\], after cell 5 \(\[30\]\) below it: the saved results come from an out-of-order run/ }],
    },
    {
      name: 'a cell with no saved run time beside cells that have one: the counts decide',
      code: colabEvaluation(undefined, day(13)),
      findings: [{ cell: 2, line: 1, message: /^This cell ran as \[52\], after cell 5 \(\[30\]\) below it/ }],
    },
    {
      name: 'a result table read after the cell below it wrote that file: which table it showed depends on the order',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: FOLD_REPORT, executionOrder: 6, hasOutputs: true },
        { text: 'folds = pd.DataFrame({"fold": [1, 2], "auc": [0.81, 0.83]})\nfolds.to_csv("../results/tuning/fold_report.csv")\n', executionOrder: 5 },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[6\], after cell 3 \(\[5\]\) below it/ }],
    },
    {
      name: 'two result tables read in swapped order in a notebook that runs a script by a shell command, which may write them',
      code: savedTablesSwapped(BEST_PARAMS, FOLD_REPORT, { later: ['!python tune.py --out ../results/tuning\n'] }),
      findings: SAVED_TABLE_RAN_LATE,
    },
    {
      name: 'two result tables read in swapped order in a notebook that writes a file whose path is not known in full',
      code: savedTablesSwapped(BEST_PARAMS, FOLD_REPORT, { later: ['out_dir = input("folder: ")\nbest.to_csv(out_dir + "/params.csv")\n'] }),
      findings: SAVED_TABLE_RAN_LATE,
    },
    {
      name: 'two result tables read by relative paths in swapped order in a notebook that changes its working folder',
      code: savedTablesSwapped(BEST_PARAMS, FOLD_REPORT, { header: 'import os\nimport pandas as pd\nos.chdir("notebooks")\n' }),
      findings: SAVED_TABLE_RAN_LATE,
    },
    {
      name: 'a result table read after a helper below it was handed that file\'s name: compared',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: FOLD_REPORT, executionOrder: 6, hasOutputs: true },
        { text: 'export_table(report, "fold_report.csv")\n', executionOrder: 5 },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[6\], after cell 3 \(\[5\]\) below it/ }],
    },
    {
      name: 'a printout of a frame another cell builds keeps its outputs without a count reported, beside an install and its confirmation that do not',
      code: onDisk([
        { source: '!pip install -q xgboost\nprint("xgboost installed successfully")\n', count: null, outputs: [printed] },
        { source: 'import pandas as pd\nrides = pd.read_csv("rides.csv")\n', count: 1, outputs: [] },
        { source: 'print(rides.shape)\n', count: null, outputs: [printed] },
        { source: 'print(rides.groupby("hour").size().idxmax())\n', count: 2, outputs: [printed] },
      ]),
      findings: [{ cell: 2, line: 1, related: 0, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'still compared when the cell below changes a tensor of another cell in place',
      code: tensorPrintoutsSwapped('base.add_(1)\nprint(base.item())\n'),
      findings: TENSOR_PRINTOUT_RAN_LATE,
    },
    {
      name: 'still compared when the data below is drawn with no seed, or from a generator another cell holds',
      code: seededDataPlotBelow('X, y = make_blobs(100, 2, centers=2)\nX_tr, X_te = train_test_split(X, random_state=0)\n'),
      findings: SCHEMATIC_RAN_LATE,
    },
    {
      name: 'still compared when the split below is handed a generator another cell holds',
      code: seededDataPlotBelow('X, y = make_blobs(100, 2, centers=2, random_state=2)\nX_tr, X_te = train_test_split(X, random_state=rng)\n'),
      findings: SCHEMATIC_RAN_LATE,
    },
    {
      name: 'a tuple statement that also binds a name by a walrus, read by the cell above: compared',
      code: framePrintoutsSwapped('print(top)\n', 'frame.age.min(), (top := frame.age.max())\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'the axis of a figure another name holds, styled through it: no object the cell made, compared',
      code: framePrintoutsSwapped('ax = shared_axes\nax.yaxis.grid(True)\nax.get_legend().set_visible(False)\n', 'frame.segment.value_counts()\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'rows handed by `apply` to another object\'s method, which may change that object: compared',
      code: framePrintoutsSwapped('display(frame.apply(tracker.update, axis=1))\n', 'frame.segment.value_counts()\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'a displayed table the cell below it changes in place: display shows the frame as it was when it ran, compared',
      code: framePrintoutsSwapped('display(frame.head())\n', 'frame.dropna(inplace=True)\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'a frame\'s summary the cell below it changes in place: info printed the frame as it was, compared',
      code: framePrintoutsSwapped('frame.info()\n', 'frame.drop(columns=["age"], inplace=True)\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'a summary written into a file (buf=): a file written, compared with the cell below that writes it too',
      code: framePrintoutsSwapped('frame.info(buf=open("summary.txt", "w"))\n', 'frame.to_csv("summary.txt")\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'a logger\'s info with a message by position: not a frame\'s summary, compared',
      code: framePrintoutsSwapped('log.info("rows: %d", len(frame))\n', 'frame.segment.value_counts()\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'a styled table of a copy the cell below it binds: it reads that cell\'s name, compared',
      code: framePrintoutsSwapped('display(rounded.style.format("{:.3f}"))\n', 'rounded = frame.round(3)\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'a method of a frame\'s attribute other than `.style` (the index sorted in place) is no Styler: compared',
      code: framePrintoutsSwapped('display(frame.describe())\nframe.columns.to_series().sort_values()\nframe.attrs.update(source="people.csv")\n', 'frame.segment.value_counts()\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'two cells that both draw from NumPy\'s global generator, which the notebook seeds, swapped: each took the numbers the other would have had, compared',
      code: reportsSwapped('np.random.seed(0)\nnoise = np.random.normal(size=5)\nprint(noise)\n', 'picked = np.random.choice(len(y_test), 5)\nprint(picked)\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a loop under a progress bar that also calls another object\'s method (a model fitted in each step): compared',
      code: reportsSwapped('from tqdm import tqdm\nfor i in tqdm(range(3)):\n    clf.fit(X_train, y_train)\n', 'print(clf.predict(X_test)[:5])\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a draw from the random module above a cell that seeds it, swapped: the draw came after the seed, compared',
      code: reportsSwapped('import random\nprint(random.random())\n', 'random.seed(0)\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'PyTorch\'s generator drawn above a cell that seeds it: compared',
      code: [
        { text: 'import torch\nbase = torch.zeros(1)\n', executionOrder: 1 },
        { text: 'print(torch.rand(2))\n', executionOrder: 6 },
        { text: 'torch.manual_seed(0)\n', executionOrder: 5 },
      ],
      findings: TENSOR_PRINTOUT_RAN_LATE,
    },
    {
      name: 'a per-group difference written into the frame the cell above shows: a write into another cell\'s frame, compared',
      code: framePrintoutsSwapped('frame[["user_id", "age", "age_diff"]]\n', 'frame["age_diff"] = frame.groupby("user_id")["age"].transform("diff")\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'duplicates dropped in place below a table: compared',
      code: framePrintoutsSwapped('frame.segment.value_counts()\n', 'frame.drop_duplicates("user_id", inplace=True)\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'a tuple shown beside a call that changes the frame in place: compared',
      code: framePrintoutsSwapped('frame.segment.value_counts()\n', 'frame.age.min(), frame.dropna(inplace=True)\n'),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'two cells that both write files may write the same one: compared',
      code: reportsSwapped('import joblib\njoblib.dump(clf, "clf.joblib")\n', 'import pickle\nwith open("clf.pkl", "wb") as f:\n    pickle.dump(clf, f)\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a cell below whose function adds to another cell\'s object: compared',
      code: reportsSwapped(EVALUATION, 'def remember(x):\n    X_train.append(x)\n\nremember(1)\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a chart built with a model that draws from NumPy\'s generator (a forest\'s importances) above a printed summary run before it: compared',
      code: summaryRunFirst(
        'import pandas as pd\nimport matplotlib.pyplot as plt\nfrom sklearn.ensemble import RandomForestClassifier\nframe = pd.read_csv("people.csv")\n',
        'forest = RandomForestClassifier(n_estimators=50)\nforest.fit(frame[["age", "income"]], frame["label"])\nplt.bar(["age", "income"], forest.feature_importances_)\nplt.show()\n',
      ),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'a printed summary run before a cell above it that fits a vectorizer the first cells built: compared',
      code: summaryRunFirst(
        'import pandas as pd\nfrom sklearn.feature_extraction.text import CountVectorizer\nframe = pd.read_csv("people.csv")\ncv = CountVectorizer()\n',
        'counts = CountVectorizer(binary=True).fit_transform(frame["text"])\nprint(counts.shape)\ncv.fit(frame["text"])\n',
      ),
      findings: FRAME_PRINTOUT_RAN_LATE,
    },
    {
      name: 'two printouts that loop over the same variable name, when a later cell reads what the last loop left in it, or one reads it before its loop: compared',
      code: [...labelLoopsSwapped('for label, count in frame["label"].value_counts().items():\n    print(label, count)\n'), { text: 'print("last label:", label)\n', executionOrder: 7 }],
      findings: LABEL_LOOP_RAN_LATE,
    },
    {
      name: 'the same two loops when the lower one prints the name before it binds it: compared',
      code: labelLoopsSwapped('print(label)\nfor label, count in frame["label"].value_counts().items():\n    print(label, count)\n'),
      findings: LABEL_LOOP_RAN_LATE,
    },
    {
      name: 'a cell below that reads a pickled file back: compared',
      code: reportsSwapped(EVALUATION, 'import pickle\nwith open("models/clf.pkl", "rb") as f:\n    restored = pickle.load(f)\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'the same statistics when the table cell also drops rows of the loaded frame in place',
      code: statsComputedFirst('flights.dropna(inplace=True)\ncarriers = flights.groupby("carrier").size()\n'),
      findings: STATS_RAN_EARLY,
    },
    {
      name: 'the same statistics when the table cell writes a column into the loaded frame',
      code: statsComputedFirst('flights["late"] = flights["DEP_DELAY"] > 15\ncarriers = flights.groupby("carrier").size()\n'),
      findings: STATS_RAN_EARLY,
    },
    {
      name: 'the same statistics when the table is another name for the loaded frame, then written into',
      code: statsComputedFirst('carriers = flights\ncarriers["late"] = 1\n'),
      findings: STATS_RAN_EARLY,
    },
    {
      name: 'the same statistics when the table cell binds again the dictionary the printout above reads',
      code: statsComputedFirst('delay_stats = {"mean": 0}\ncarriers = flights.groupby("carrier").size()\n'),
      findings: STATS_RAN_EARLY,
    },
    {
      name: 'the same statistics when the table cell fetches a page (a module function, not a reading method)',
      code: statsComputedFirst('carriers = requests.get("https://example.org/carriers.json").json()\n'),
      findings: STATS_RAN_EARLY,
    },
    {
      name: 'a report that prints predictions the cell below it made: top to bottom, the report would read the older ones',
      code: reportsSwapped('print(classification_report(y_test, y_pred))\n', 'y_pred = clf.predict(X_test)\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'two cells that both draw with pandas\' plotting methods share the current figure, with figures kept open between cells (%matplotlib widget): compared',
      code: reportsSwappedWith('%matplotlib widget', 'X_test["age"].plot()\n', 'X_test["income"].hist()\nplt.show()\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'an assert on predictions the cell below it makes reads a name that cell binds: compared',
      code: reportsSwapped('assert len(y_pred) == len(y_test)\n', 'y_pred = clf.predict(X_test)\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'two cells that both plot draw into the one current figure, with figures kept open between cells (%matplotlib widget): compared',
      code: reportsSwappedWith('%matplotlib widget', 'sns.histplot(clf.predict_proba(X_test)[:, 1])\n', 'plt.title("Scores")\nplt.show()\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'only one of two swapped plots opens its own figure: the other draws into the current figure, which may be the first one\'s, with figures kept open between cells (%matplotlib widget): compared',
      code: reportsSwappedWith('%matplotlib widget', 'plt.figure(figsize=(10, 6))\nsns.histplot(clf.predict_proba(X_test)[:, 1])\nplt.show()\n', 'plt.title("Scores")\nplt.plot(np.sort(X_test["age"]))\nplt.show()\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a formatter name the log cell binds by a def as well as by the upper curve\'s import may hold either: compared',
      code: curvesSwapped(LOSS_CURVE, IOU_CURVE, { load: 'history = pd.read_csv("history.csv")\n\ndef PercentFormatter(xmax=100.0):\n    return lambda v, _: f"{v / xmax:.0%}"\n' }),
      findings: CURVE_RAN_LATE,
    },
    {
      name: 'a formatter name imported from two places (the project\'s plot style and matplotlib) may hold either class: compared',
      code: curvesSwapped(LOSS_CURVE, IOU_CURVE, { load: 'from plot_style import PercentFormatter\nhistory = pd.read_csv("history.csv")\n' }),
      findings: CURVE_RAN_LATE,
    },
    {
      name: 'the lower curve saved an error: it may have found the formatter unbound, which a top-to-bottom run would not: compared',
      code: curvesSwapped(LOSS_CURVE, IOU_CURVE, { belowOutputs: [raised] }),
      findings: CURVE_RAN_LATE,
    },
    {
      name: 'the imports cell run again after both does not excuse a curve that reads what the upper one computes',
      code: curvesSwapped('best = history["val_iou"].idxmax()\nplt.figure()\nplt.plot(history["epoch"], history["val_iou"])\nplt.show()\n', 'plt.figure()\nplt.axvline(history["epoch"][best])\nplt.show()\n', { importsCount: 9 }),
      findings: [{ cell: 2, line: 1, message: /ran as \[6\], after cell 4 \(\[5\]\) below it/ }],
    },
    {
      name: 'a matplotlib setting changed beside the curve (rcParams) changes what every later figure looks like: compared',
      code: curvesSwapped('import matplotlib as mpl\nmpl.rcParams.update({"font.size": 14})\nplt.figure()\nplt.plot(history["epoch"], history["val_loss"])\nplt.show()\n', IOU_CURVE.replace('PercentFormatter(xmax=1.0)', '"{x:.0%}"')),
      findings: CURVE_RAN_LATE,
    },
    {
      name: 'a figure reopened by its number (plt.figure(1), num=) is the one another cell drew, with figures kept open between cells (%matplotlib widget): compared',
      code: reportsSwappedWith('%matplotlib widget', 'plt.figure(1)\nplt.plot(np.sort(X_test["age"]))\nplt.show()\n', 'fig, ax = plt.subplots(num=1)\nax.hist(X_test["income"])\nplt.show()\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a plot drawn before the cell opens its figure, or a figure opened only under an if, goes into the current one, with figures kept open between cells (%matplotlib widget): compared',
      code: reportsSwappedWith('%matplotlib widget', 'sns.histplot(X_test["age"])\nplt.figure()\nplt.plot(np.sort(X_test["age"]))\nplt.show()\n', 'if len(X_test) > 10:\n    plt.figure()\nplt.hist(X_test["income"])\nplt.show()\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a Spark query with a random column below a printout that reads the same DataFrame: rand() draws, compared',
      code: sparkPrintoutsSwapped('df.select("Close").show()\n', 'df.select(rand(seed=None)).show()\n'),
      findings: [{ cell: 2, line: 1, message: /ran as \[6\], after cell 4 \(\[5\]\) below it/ }],
    },
    {
      name: 'a Spark column added by reassigning the DataFrame below a printout of it: the name is bound again, compared',
      code: sparkPrintoutsSwapped('df.select("Close").show()\n', 'df = df.withColumn("Year", col("Date").substr(1, 4))\n'),
      findings: [{ cell: 2, line: 1, message: /ran as \[6\], after cell 4 \(\[5\]\) below it/ }],
    },
    {
      name: 'two cells that draw into the current figure where the inline backend is told to keep figures open: compared',
      code: reportsSwappedWith('%config InlineBackend.close_figures = False', 'sns.histplot(clf.predict_proba(X_test)[:, 1])\n', 'plt.title("Scores")\nplt.show()\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'two cells that draw into the current figure where the notebook chooses pyplot\'s backend in code: compared',
      code: reportsSwappedWith('import matplotlib\nmatplotlib.use("Agg")', 'X_test["age"].plot()\n', 'X_test["income"].hist()\nplt.savefig("hist.png")\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'two plots in their own figures that both save a figure may write the same file: compared',
      code: reportsSwapped('plt.figure()\nplt.hist(X_test["age"])\nplt.savefig("figures/dist.png")\n', 'fig, ax = plt.subplots()\nax.hist(X_test["income"])\nplt.savefig("figures/dist.png")\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'two plots saved to one file spelled two ways, or one to a path known only at run time: compared',
      code: reportsSwapped('plt.figure()\nplt.hist(X_test["age"])\nplt.savefig("figures/dist.png")\n', 'fig, ax = plt.subplots()\nax.hist(X_test["income"])\nfig.savefig(FIGURES + "/dist.png")\n').map((cell, i) => (i === 0 ? { ...cell, text: `FIGURES = "figures"\n${cell.text}` } : cell)),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a plot saved to a path known only at run time may be the file the other cell saves: compared',
      code: reportsSwapped('plt.figure()\nplt.hist(X_test["age"])\nplt.savefig("figures/dist.png")\n', 'fig, ax = plt.subplots()\nax.hist(X_test["income"])\nfig.savefig(input("save to: "))\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a watermark report that shares its count with a result came from another session than that result: compared',
      code: [
        { text: 'import numpy as np\n', executionOrder: 1 },
        { text: 'samples = np.random.default_rng(1).normal(size=100)\nprint(samples.mean())\n', executionOrder: 5, hasOutputs: true },
        { text: '%load_ext watermark\n%watermark -v -iv\n', executionOrder: 5, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /same execution count \[5\] as cell 3/ }],
    },
    {
      name: 'a watermark cell that also moves the kernel or loads another extension, run first: compared',
      code: [
        { text: 'import numpy as np\n', executionOrder: 2 },
        { text: 'samples = np.random.default_rng(1).normal(size=100)\n', executionOrder: 3 },
        { text: '%load_ext tensorboard\n%load_ext watermark\n%watermark -v\n', executionOrder: 1, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[3\], after cell 3 \(\[1\]\) below it/ }],
    },
    {
      name: 'a cell below that writes a column into the test frame changes what the evaluation above reads',
      code: reportsSwapped(EVALUATION, 'X_test["score"] = clf.predict_proba(X_test)[:, 1]\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a cell below that refits or reconfigures the model through a method: compared',
      code: reportsSwapped(EVALUATION, 'clf.set_params(C=0.1)\nprint(clf.get_params())\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a cell below that extends a list in place with an augmented assignment: compared',
      code: reportsSwapped('print(scores)\n', 'scores += [roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1])]\n'),
      findings: REPORT_RAN_LATE,
    },
    {
      name: 'a report that also ran after a cell below it is out of order against that cell as well: compared',
      code: [...reportsSwapped(EVALUATION, 'print(clf.coef_)\n'), { text: 'clf.fit(X_test, y_test)\n', executionOrder: 4 }],
      findings: [{ cell: 2, line: 1, message: /ran as \[6\]/ }],
    },
    {
      name: 'a helpers cell that turns warnings into errors, re-run after a cell below it: a warning then stops a cell, so the filter is compared',
      code: helpersReRunAbove(READS_ROWS, HELPERS_AFTER('import warnings\nwarnings.filterwarnings("error")\n')),
      findings: HELPERS_RAN_LATE,
    },
    {
      name: 'a helpers cell that also sets a pandas option other than a display option, re-run after a cell below it: compared',
      code: helpersReRunAbove(READS_ROWS, HELPERS_AFTER('pd.set_option("mode.copy_on_write", True)\n')),
      findings: HELPERS_RAN_LATE,
    },
    {
      name: 'a helpers cell that silences warnings, re-run after a cell below it that calls one of its helpers: compared',
      code: helpersReRunAbove('frame = load_frame("flows.csv")\nprint(frame.shape)\n', HELPERS_AFTER('import warnings\nwarnings.simplefilter("ignore")\n')),
      findings: HELPERS_RAN_LATE,
    },
    {
      name: 'a defining cell that calls a helper at its top level ran with the helpers as they were before the re-run: compared',
      code: helpersReRunAbove('def run_knn(n):\n    return n\n\nframe = load_frame("flows.csv")\n'),
      findings: HELPERS_RAN_LATE,
    },
    {
      name: 'a defining cell whose default argument reads a name the helpers cell binds: the default was taken from the old cell',
      code: helpersReRunAbove('def run_knn(n, path=DATA_PATH):\n    return len(split(load_frame(path))[0]) * n\n', 'DATA_PATH = "flows_v2.csv"\n\ndef load_frame(path):\n    return pd.read_csv(path)\n\ndef split(df):\n    return train_test_split(df, test_size=0.2, random_state=0)\n'),
      findings: HELPERS_RAN_LATE,
    },
    {
      name: 'a defining cell that redefines a helper of the cell above: the re-run above restored the other definition',
      code: helpersReRunAbove('def load_frame(path):\n    return pd.read_parquet(path)\n\ndef run_knn(n):\n    return len(split(load_frame("flows.csv"))[0]) * n\n'),
      findings: HELPERS_RAN_LATE,
    },
    {
      name: 'a defining cell whose function the helpers cell above calls: top to bottom, the helpers would run first',
      code: helpersReRunAbove('def run_knn(n):\n    return n\n', 'def load_frame(path):\n    return pd.read_csv(path)\n\nbaseline = run_knn(1)\n'),
      findings: HELPERS_RAN_LATE,
    },
    {
      name: 'a top cell of helpers run again after a cell below it that calls one of them: that cell ran with the definition the edit replaced',
      code: topHelpersReRun(TOP_HELPERS, 'ratings = pd.read_csv("ratings.csv")\nbaseline = make_model(10, 10)\n'),
      findings: TOP_HELPERS_RAN_LATE,
    },
    {
      name: 'a top cell of helpers that prints a value filled in, or prints to a file: it reads or writes something, compared',
      code: topHelpersReRun(`${TOP_HELPERS}\nprint(f"✅ Helpers ready for {len(ratings)} ratings")\n`),
      findings: TOP_HELPERS_RAN_LATE,
    },
    {
      name: 'the same with the confirmation written to a log file',
      code: topHelpersReRun(`${TOP_HELPERS}\nprint("✅ Helpers ready", file=log)\n`),
      findings: TOP_HELPERS_RAN_LATE,
    },
    {
      name: 'a top cell whose named tuple the cell below reads: compared',
      code: topHelpersReRun(TOP_HELPERS, 'ratings = pd.read_csv("ratings.csv")\nfeats = [Feat(c, ratings[c].nunique()) for c in ratings.columns]\n'),
      findings: TOP_HELPERS_RAN_LATE,
    },
    {
      name: 'a loader cell whose constant is worked out from a name the settings cell binds: it reads that cell, compared',
      code: loaderRanFirst(`POINTS_PER_FRAME = 543\nCOORDS = ("x", "y", "z")\nCACHE_DIR = os.path.join(DATA_DIR, "cache")\n\n${LANDMARK_LOADER}`),
      findings: SETTINGS_RAN_LATE,
    },
    {
      name: 'a loader cell whose constant fills in a name (an f-string): compared',
      code: loaderRanFirst(`POINTS_PER_FRAME = 543\nCOORDS = ("x", "y", "z")\nTAG = f"{DATA_DIR}-v1"\n\n${LANDMARK_LOADER}`),
      findings: SETTINGS_RAN_LATE,
    },
    {
      name: 'the same with a list that holds a name, or a constant bound by a call',
      code: loaderRanFirst(`POINTS_PER_FRAME = len(range(543))\nCOORDS = ["x", "y", DEPTH]\n\n${LANDMARK_LOADER}`),
      findings: SETTINGS_RAN_LATE,
    },
    {
      name: 'a loader cell whose written-out constant the settings cell above binds too: whichever ran last decides its value, compared',
      code: loaderRanFirst(`POINTS_PER_FRAME = 543\nCOORDS = ("x", "y", "z")\n\n${LANDMARK_LOADER}`, 'import os\nDATA_DIR = "/data/landmarks"\nPOINTS_PER_FRAME = 468\n'),
      findings: SETTINGS_RAN_LATE,
    },
    {
      name: 'a loader cell whose written-out constant the settings cell above reads: compared',
      code: loaderRanFirst(`POINTS_PER_FRAME = 543\nCOORDS = ("x", "y", "z")\n\n${LANDMARK_LOADER}`, 'import os\nDATA_DIR = "/data/landmarks"\nprint(POINTS_PER_FRAME)\n'),
      findings: SETTINGS_RAN_LATE,
    },
    {
      name: 'a top cell of helpers that also binds a value by a call that makes no class: it runs code, compared',
      code: topHelpersReRun(TOP_HELPERS.replace('namedtuple("Feat", ["name", "size"])', 'pd.read_csv("features.csv")')),
      findings: TOP_HELPERS_RAN_LATE,
    },
    {
      name: 'a top cell of helpers run again after a cell below that binds a name it binds too (its own `pd`): compared',
      code: topHelpersReRun(TOP_HELPERS, 'import polars as pd\nratings = pd.read_csv("ratings.csv")\n'),
      findings: TOP_HELPERS_RAN_LATE,
    },
    {
      name: 'two cells of classes, the lower one binding a metric by a def of its own that the upper imports: the name may hold either, compared',
      code: classCellsSwapped(PIPELINE_CLASS, EVALUATOR_CLASS.replace('from sklearn.metrics import mean_absolute_error, r2_score\n', 'from sklearn.metrics import mean_absolute_error\n\ndef r2_score(y, p):\n    return 1 - ((y - p) ** 2).sum() / ((y - y.mean()) ** 2).sum()\n')),
      findings: PIPELINE_RAN_LATE,
    },
    {
      name: 'two cells of classes that import one name from two places: compared',
      code: classCellsSwapped(PIPELINE_CLASS, EVALUATOR_CLASS.replace('from sklearn.metrics import mean_absolute_error, r2_score', 'from sklearn.metrics import mean_absolute_error\nfrom project.metrics import r2_score')),
      findings: PIPELINE_RAN_LATE,
    },
    {
      name: 'two cells of classes that import the same metrics but define one same class: compared',
      code: classCellsSwapped(PIPELINE_CLASS, EVALUATOR_CLASS.replace('class ModelEvaluator', 'class ModelPipeline')),
      findings: PIPELINE_RAN_LATE,
    },
    {
      name: 'two cells of classes that import the same metrics, the lower one having saved an error: compared',
      code: onDisk([
        { source: 'import pandas as pd\n', count: 1, outputs: [] },
        { source: PIPELINE_CLASS, count: 6, outputs: [] },
        { source: EVALUATOR_CLASS, count: 4, outputs: [raised] },
        { source: 'cars = pd.read_csv("cars.csv")\nevaluator = ModelEvaluator(ModelPipeline("price").fit(cars))\nprint(evaluator.evaluate(cars))\n', count: 7, outputs: [printed] },
      ]),
      findings: PIPELINE_RAN_LATE,
    },
    {
      name: 'a cell of functions whose default reads a constant the cell above sets (`dtype=DTYPE`), run before that cell ran again: the default may be the old value, compared',
      code: constantsReRunAbove('def load_pipe(name, dtype=DTYPE):\n    return (name, dtype)\n', 'import torch\nMODEL_NAME = "sd-2-1"\nDTYPE = torch.float16\n'),
      findings: [{ cell: 0, line: 1, message: /ran as \[19\], after cell 2 \(\[2\]\) below it/ }],
    },
    {
      name: 'a defining cell beside a magic is compared: what the magic binds is beyond sight',
      code: helpersReRunAbove('%run knn_utils.py\ndef run_knn(n):\n    return n\n'),
      findings: HELPERS_RAN_LATE,
    },
    {
      name: 'an optional import whose handler runs code, catches another error, or has a finally that runs code, re-run after the cells below it, is compared',
      code: reRunAfterBelow('import pandas as pd\ntry:\n    import lightgbm as lgb\nexcept ImportError:\n    frame = pd.read_csv("train.csv")\n'),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/, related: 1 }],
    },
    {
      name: 'an optional import caught as another error, or with a finally that runs code, re-run after the cells below it, is compared',
      code: reRunAfterBelow('try:\n    from helpers import load\nexcept NameError:\n    load = None\nfinally:\n    print("ready")\n'),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/, related: 1 }],
    },
    {
      name: 'imports beside a change of the working folder or a read of data, re-run after the cells below it, are compared',
      code: reRunAfterBelow('import os, sys\nsys.path.append("../src")\nos.chdir("../data")\n'),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/, related: 1 }],
    },
    {
      name: 'the same cells out of order, one keeping a printout: a saved result may come from that run',
      code: onDisk([
        { source: 'import numpy as np\nhorizon_years = 10\neval_times = 365.25 * np.arange(1, horizon_years + 1)\n', count: 6, outputs: [] },
        { source: 'import pandas as pd\nfrom lifelines import CoxPHFitter\nPENALIZER = 0.1\n', count: 4, outputs: [] },
        { source: 'cohort = pd.read_csv("cohort.csv")\nprint(len(cohort))\n', count: 7, outputs: [printed] },
      ]),
      findings: [{ cell: 0, line: 1, message: /^This cell ran as \[6\], after cell 2 \(\[4\]\) below it: the saved results come from an out-of-order run$/ }],
    },
    {
      name: 'cells out of order whose outputs are not known (the editor does not say) are still compared',
      code: [
        { text: 'import numpy as np\nhorizon_years = 10\n', executionOrder: 6 },
        { text: 'import pandas as pd\nPENALIZER = 0.1\n', executionOrder: 4 },
        { text: 'cohort = pd.read_csv("cohort.csv")\n', executionOrder: 7 },
      ],
      findings: [{ cell: 0, line: 1, message: /ran as \[6\], after cell 2 \(\[4\]\) below it/ }],
    },
    {
      name: 'a git cell that also pulls, which changes the files the cells read, is compared',
      code: [
        { text: 'import pandas as pd\ndf = pd.read_csv("water.csv")\n', executionOrder: 9 },
        { text: 'df.describe()\n', executionOrder: 10, hasOutputs: true },
        { text: '!git add .\n!git commit -m "wip"\n!git pull origin main\n', executionOrder: 9, hasOutputs: true },
      ],
      findings: [{ cell: 2, line: 1, message: /same execution count \[9\] as cell 1/ }],
    },
    {
      name: 'a clone cell that also moves the kernel into the folder, and a shell cell that trains, are compared',
      code: [
        { text: '!git clone https://github.com/someone/speech-tools.git\n%cd speech-tools\n', executionOrder: 1 },
        { text: 'import json\n', executionOrder: 1 },
        { text: 'cfg = json.load(open("config.json"))\n', executionOrder: 2 },
      ],
      findings: [{ cell: 0, line: 1, message: /same execution count \[1\] as cell 2/, related: 1 }],
    },
    {
      name: 'a shell cell that runs the training script after the cell that reads its output is out of order',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: '!wget -q https://example.org/clips.zip && python train.py --epochs 3\n', executionOrder: 7, hasOutputs: true },
        { text: 'log = pd.read_csv("runs/log.csv")\n', executionOrder: 2 },
        { text: 'log.tail()\n', executionOrder: 3, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[7\], after cell 3 \(\[2\]\) below it/, related: 1 }],
    },
    {
      name: 'a Kaggle submission run after the cell that writes the file it uploads is compared: only the client\'s downloads set files up',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: '!kaggle competitions submit -c house-prices -f submission.csv -m "baseline"\n', executionOrder: 7, hasOutputs: true },
        { text: 'preds = pd.DataFrame({"Id": [1, 2], "SalePrice": [1.0, 2.0]})\npreds.to_csv("submission.csv", index=False)\n', executionOrder: 2 },
        { text: 'preds.head()\n', executionOrder: 3, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[7\], after cell 3 \(\[2\]\) below it/, related: 1 }],
    },
    {
      name: 'a Kaggle download that also runs the preparation script keeps its log without a count: its output is a result',
      code: onDisk([
        { source: '!kaggle datasets download -d someone/spoken-digits && python prepare.py --out data\n', count: null, outputs: [printed] },
        { source: 'import pandas as pd\nclips = pd.read_csv("data/index.csv")\n', count: 1, outputs: [] },
        { source: 'print(clips.speaker.value_counts())\n', count: 2, outputs: [printed] },
      ]),
      findings: [{ cell: 0, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'a shell cell that lists the system packages, or installs them and runs the training script, is compared',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: '!apt list --installed\n', executionOrder: 8, hasOutputs: true },
        { text: '!apt-get install -y graphviz && python train.py\n', executionOrder: 9, hasOutputs: true },
        { text: 'log = pd.read_csv("runs/log.csv")\n', executionOrder: 2 },
        { text: 'log.tail()\n', executionOrder: 3, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 4 \(\[2\]\) below it/, related: 2 }],
    },
    {
      name: 'an install cell that also picks another backend (%matplotlib widget, which a session without it draws differently) is compared',
      code: [{ text: '!pip install -q ipympl==0.9.4\n%matplotlib widget\n', executionOrder: 1 }, { text: 'import matplotlib.pyplot as plt\n', executionOrder: 1 }, { text: 'plt.plot([1, 2])\n', executionOrder: 2 }],
      findings: [{ cell: 0, line: 1, message: /same execution count \[1\] as cell 2/, related: 1 }],
    },
    {
      name: 'a cell that installs and also imports is not only an install: its count is compared',
      code: [{ text: '!pip install pandas==2.2.2\nimport pandas as pd\n', executionOrder: 1 }, { text: 'df = pd.read_csv("a.csv")\n', executionOrder: 1 }, { text: 'df.head()\n', executionOrder: 2 }],
      findings: [{ cell: 0, line: 1, message: /same execution count \[1\] as cell 2/, related: 1 }],
    },
    {
      name: 'a Colab-guarded install that also fetches and imports a helper module in its guarded body is compared',
      code: sharesCountWithBelow('import sys\nIN_COLAB = "google.colab" in sys.modules\nif IN_COLAB:\n    !pip install -q wget\n    import wget\n    wget.download("https://example.org/helpers.py")\n'),
      findings: [{ cell: 1, line: 1, message: /same execution count \[2\] as cell 3/, related: 1 }],
    },
    {
      name: 'an install guarded by a flag the notebook also sets by its own choice in another cell is compared',
      code: [
        { text: 'import sys\nIN_COLAB = "google.colab" in sys.modules\nif IN_COLAB:\n    !pip install -q rdkit\n', executionOrder: 1 },
        { text: 'IN_COLAB = False  # pretend to run locally\nimport pandas as pd\n', executionOrder: 1 },
        { text: 'df = pd.read_csv("tox21.csv")\n', executionOrder: 2 },
      ],
      findings: [{ cell: 0, line: 1, message: /same execution count \[1\] as cell 2/, related: 1 }],
    },
    {
      name: 'an install guarded by a test of a file on disk (not of where the notebook runs), which a cell may change, is compared',
      code: [
        { text: 'import os\nif not os.path.exists("env/ready"):\n    !pip install -q rdkit\n', executionOrder: 1 },
        { text: 'import pandas as pd\ndf = pd.read_csv("bbbp.csv")\n', executionOrder: 1 },
        { text: 'df.head()\n', executionOrder: 2, hasOutputs: true },
      ],
      findings: [{ cell: 0, line: 1, message: /same execution count \[1\] as cell 2/, related: 1 }],
    },
    {
      name: 'an install cell that also prints a frame another cell builds is compared: what it shows depends on when it ran',
      code: reRunAfterBelow('!pip install -q catboost==1.2.5\nprint("rows:", len(df))\n'),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/, related: 1 }],
    },
    {
      name: 'an install cell that also sets an option of a library another cell imports is compared',
      code: reRunAfterBelow('%pip install -q imbalanced-learn==0.12.3\npd.set_option("display.max_columns", 50)\nprint("ready")\n'),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\]/, related: 1 }],
    },
    {
      name: 'an automagic install with a general option that also imports is compared',
      code: [{ text: 'pip -q install lightgbm==4.3.0\nimport lightgbm as lgb\n', executionOrder: 1 }, { text: 'booster = lgb.Booster(model_file="model.txt")\n', executionOrder: 1 }, { text: 'booster.num_trees()\n', executionOrder: 2 }],
      findings: [{ cell: 0, line: 1, message: /same execution count \[1\] as cell 2/, related: 1 }],
    },
    {
      name: 'a notebook run in two sessions, each opened by an install cell: the other cells still do not fit one run',
      code: [
        { text: '!pip install -q autotrain-advanced==0.8.8\n', executionOrder: 1 }, { text: 'import pandas as pd\ndf = pd.read_csv("train.csv")\n', executionOrder: 2 },
        { text: 'df.head()\n', executionOrder: 3 }, { text: '!pip install -q peft==0.11.1\n', executionOrder: 1 },
        { text: 'from peft import PeftModel\n', executionOrder: 2 }, { text: 'model = PeftModel.from_pretrained(base, "me/adapter")\n', executionOrder: 3 },
      ],
      findings: [{ cell: 1, line: 1, message: /same execution count \[2\] as cell 5/, related: 2 }],
    },
    {
      name: 'two cells in a row with outputs but no count between consecutive-but-one counts: one number free for two cells',
      code: onDisk([
        { source: '!git clone https://github.com/course/gan-lab.git\n', count: 2, outputs: [printed] },
        { source: 'import numpy as np\nfrom gan_lab.data import splits\nprint("imports ok")\n', count: null, outputs: [printed] },
        { source: 'train_ds, val_ds = splits(seed=42)\nprint(len(train_ds), len(val_ds))\n', count: null, outputs: [printed] },
        { source: 'idx = np.random.default_rng(0).choice(len(train_ds), 16)\nshow_grid(train_ds, idx)\n', count: 4, outputs: [drawn] },
      ]),
      findings: [{ cell: 1, line: 1, message: /saved outputs but no execution count/, related: 1 }],
    },
    {
      name: 'a cell with outputs but no count right below an install cell, whose reader ran with the next count: no number free for it',
      code: onDisk([
        { source: '!pip install -q diffusers==0.30.0\n', count: 1, outputs: [printed] },
        { source: 'from diffusers import DDPMScheduler\nscheduler = DDPMScheduler(num_train_timesteps=1000)\nprint(scheduler)\n', count: null, outputs: [printed] },
        { source: 'print(scheduler.betas[:5])\n', count: 2, outputs: [printed] },
      ]),
      findings: [{ cell: 1, line: 1, message: /saved outputs but no execution count/ }],
    },
    {
      name: 'outputs without a count below an install cell that is the only cell with a count',
      code: [{ text: '!pip install -q accelerate==0.30.1\n', executionOrder: 1, hasOutputs: true }, { text: 'import torch\nprint(torch.cuda.is_available())\n', hasOutputs: true }],
      findings: [{ cell: 1, line: 1, message: /saved outputs but no execution count/ }],
    },
    {
      name: 'outputs saved with execution count 0 (written by some tools for a cell not run): the message gives that count',
      code: [{ text: 'import numpy as np\n', executionOrder: 1 }, { text: 'plt.plot(np.arange(3))\n', executionOrder: 0, hasOutputs: true }, { text: 'x = 2\n', executionOrder: 2 }],
      findings: [{ cell: 1, line: 1, message: /^This cell has saved outputs but execution count 0, which no run gives: the notebook records no run/ }],
    },
    {
      name: 'one cell re-run at the end: only that cell is out of order',
      code: [{ text: 'import pandas as pd\n', executionOrder: 1 }, { text: 'df = pd.read_csv("a.csv")\n', executionOrder: 9 }, { text: 'model.fit(df)\n', executionOrder: 3 }, { text: 'score = model.score(df)\n', executionOrder: 4 }],
      findings: [{ cell: 1, line: 1, message: /ran as \[9\], after cell 3 \(\[3\]\) below it/, related: 1 }],
    },
    {
      name: 'a commented cell that also runs a line is compared: its count is shared with the cell below',
      code: sharesCountWithBelow('# fetch the corpus\n#!wget https://example.org/ptb/train.txt\n%cd data\n'),
      findings: [{ cell: 1, line: 1, message: /same execution count \[2\] as cell 3/, related: 1 }],
    },
    {
      name: 'a cell whose only code follows its comments is compared: re-run after the cells below it',
      code: reRunAfterBelow('# learning rate to try next\n# lr = 0.1\npd.options.display.precision = 2\n'),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    },
    {
      name: 'a cell that puts a folder on sys.path and also prints, or prints what a cell may change in sys, is compared',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'import sys\nsys.path.append("../src")\nprint(sys.executable)\n', executionOrder: 7, hasOutputs: true },
        { text: 'import sys\nprint(sys.path)\n', executionOrder: 8, hasOutputs: true },
        { text: 'from features import add_lags\n', executionOrder: 2 },
        { text: 'df = add_lags(pd.read_csv("sales.csv"))\n', executionOrder: 3 },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[7\], after cell 4 \(\[2\]\) below it.*1 other cell/, related: 2 }],
    },
    ...[
      ['the imports cell sets CUDA_VISIBLE_DEVICES', 'tf.config.list_physical_devices("GPU")\n', 'import os\nos.environ["CUDA_VISIBLE_DEVICES"] = "1"\n'],
      ['the imports cell sets the environment with os.environ.update', 'tf.config.list_physical_devices("GPU")\n', 'import os\nos.environ.update({"CUDA_VISIBLE_DEVICES": "0"})\n'],
      ['the imports cell sets the environment with %env', 'tf.config.list_physical_devices("GPU")\n', '%env CUDA_VISIBLE_DEVICES=0\n'],
      ['the cell lists the logical devices, which the program chooses', 'tf.config.list_logical_devices("GPU")\n', ''],
      ['the cell also sets memory growth on the GPUs it lists', 'gpus = tf.config.list_physical_devices("GPU")\ntf.config.experimental.set_memory_growth(gpus[0], True)\n', ''],
      ['the cell lists the devices and prints the model above', 'print(tf.config.list_physical_devices("GPU"))\nmodel.summary()\n', ''],
    ].map(([what, check, setUp]) => ({
      name: `a GPU check run before the model cell above it is compared when ${what}`,
      code: deviceCheckBelowModel(check, setUp),
      findings: [{ cell: 2, line: 1, message: /ran as \[5\], after cell 4 \(\[3\]\) below it/ }],
    })),
    {
      name: 'a device chosen from the GPU check, read by the cells below, is compared: shares its count with a code cell below',
      code: [
        { text: 'import torch\n', executionOrder: 1 },
        { text: 'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")\n', executionOrder: 2 },
        { text: 'x = torch.zeros(3, device=device)\n', executionOrder: 2 },
        { text: 'print(x.sum())\n', executionOrder: 3, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /same execution count \[2\] as cell 3/ }],
    },
    {
      name: 'a cell that prints a module\'s setting, or a version a cell sets, is compared: another cell may change what it shows',
      code: [
        { text: 'import pandas as pd\nimport tensorflow as tf\n', executionOrder: 1 },
        { text: 'print(pd.options.display.max_rows, tf.__version__)\n', executionOrder: 9, hasOutputs: true },
        { text: 'pd.options.display.max_rows = 20\n', executionOrder: 2 },
        { text: '__version__ = "0.3"\n', executionOrder: 3 },
        { text: 'print(__version__)\n', executionOrder: 8, hasOutputs: true },
        { text: 'df = pd.read_csv("train.csv")\ntf.random.set_seed(0)\n', executionOrder: 4 },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[9\], after cell 3 \(\[2\]\) below it.*1 other cell/, related: 2 }],
    },
    {
      name: 'a cell of imports that also seeds, sets a path, or runs another magic is compared: re-run after the cells below it',
      code: reRunAfterBelow('import numpy as np\nnp.random.seed(0)\n'),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    },
    {
      name: 'an install cell that imports sys for another use, or imports another module beside an install into the kernel\'s Python, is compared',
      code: [
        { text: 'import sys\nsys.path.append("src")\n!{sys.executable} -m pip install timm==0.9.16\n', executionOrder: 7 },
        { text: 'import torch\n', executionOrder: 1 },
        { text: 'x = torch.ones(2)\nx\n', executionOrder: 2, hasOutputs: true },
        { text: 'import os\n!{sys.executable} -m pip install einops==0.8.0\n', executionOrder: 8 },
      ],
      findings: [{ cell: 0, line: 1, message: /ran as \[7\], after cell 2 \(\[1\]\) below it/, related: 1 }],
    },
    {
      name: 'a cell of imports that also sets an option other than display, an option through a name, turns warnings into errors or filters them by an action held in a name, is compared: it may change what cells compute, or stop one',
      code: [
        { text: 'import pandas as pd\nimport warnings\n', executionOrder: 1 },
        { text: 'import numpy as np\npd.set_option("mode.copy_on_write", True)\n', executionOrder: 6 },
        { text: 'import numpy as np\npd.set_option(OPTION, 10)\n', executionOrder: 7 },
        { text: 'import numpy as np\nwarnings.filterwarnings("error", category=RuntimeWarning)\n', executionOrder: 8 },
        { text: 'import numpy as np\nwarnings.simplefilter(ACTION)\n', executionOrder: 9 },
        { text: 'df = pd.read_csv("train.csv")\n', executionOrder: 2 },
        { text: 'df.head()\n', executionOrder: 3, hasOutputs: true },
        { text: 'df = df.dropna()\n', executionOrder: 4 },
        { text: 'X, y = df.drop(columns="y"), df.y\n', executionOrder: 5 },
        { text: 'model.fit(X, y)\n', executionOrder: 10 },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[6\], after cell 6 \(\[2\]\) below it.*3 other cells/, related: 4 }],
    },
    ...[
      ['unmounts it', 'from google.colab import drive\ndrive.mount("/content/drive")\ndrive.flush_and_unmount()\n'],
      ['moves into it', 'from google.colab import drive\ndrive.mount("/content/drive")\n%cd /content/drive/MyDrive/rentals\n'],
      ['reads from it', 'from google.colab import drive\ndrive.mount("/content/drive")\nrent = pd.read_csv("/content/drive/MyDrive/rent.csv")\n'],
    ].map(([what, cell]) => ({
      name: `a cell that mounts Colab's drive and also ${what} is compared: re-run after the cells below it`,
      code: reRunAfterBelow(cell),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    })),
    ...[
      ['a setting read from another cell', 'from pyspark.sql import SparkSession\nspark = SparkSession.builder.config("spark.driver.memory", MEMORY).getOrCreate()\n'],
      ['a read of data beside it', 'from pyspark.sql import SparkSession\nspark = SparkSession.builder.appName("eda").getOrCreate()\nraw = spark.read.parquet("matches.parquet")\n'],
      ['a builder of another library', 'from mylib import Session\nspark = Session.builder.appName("eda").getOrCreate()\n'],
    ].map(([what, cell]) => ({
      name: `a cell that gets the Spark session with ${what} is compared: re-run after the cells below it`,
      code: reRunAfterBelow(cell),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    })),
    {
      name: 'a cell that only gets the Spark session is compared in a notebook that stops it: got again, it is a new session',
      code: [...reRunAfterBelow('from pyspark.sql import SparkSession\nspark = SparkSession.builder.appName("eda").getOrCreate()\n'), { text: 'spark.stop()\n', executionOrder: 9 }],
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    },
    {
      name: 'a cell that only gets the Spark session and shares its count with the cell below is compared: the count marks a second session',
      code: sharesCountWithBelow('from pyspark.sql import SparkSession\nspark = SparkSession.builder.appName("eda").getOrCreate()\n'),
      findings: [{ cell: 1, line: 1, message: /same execution count \[2\] as cell 3/, related: 1 }],
    },
    {
      name: 'a cell that only mounts Colab\'s drive and shares its count with the cell below is compared: the count marks a second session',
      code: sharesCountWithBelow('from google.colab import drive\ndrive.mount("/content/drive")\n'),
      findings: [{ cell: 1, line: 1, message: /same execution count \[2\] as cell 3/, related: 1 }],
    },
    {
      name: 'a cell of imports at the end, run before the cells above it, is compared when a cell above reads one of its names',
      code: [
        { text: 'scores = pd.read_csv("retrieval_scores.csv")\n', executionOrder: 4 },
        { text: 'scores.describe()\n', executionOrder: 5, hasOutputs: true },
        { text: 'import pandas as pd\nimport faiss\n', executionOrder: 2 },
      ],
      findings: [{ cell: 2, line: 1, message: /ran as \[2\], before cell 2 \(\[5\]\) above it/ }],
    },
    ...[
      ['imports a submodule of a package another cell imports, which finds it there as an attribute', 'import sklearn.model_selection\n'],
      ['imports a package under another name that a cell above reads', 'import faiss as pd\n'],
      ['sits beside a magic', '%matplotlib inline\nimport seaborn as sns\n'],
    ].map(([what, cell]) => ({
      name: `a cell of imports at the end, run before the cells above it, is compared when it ${what}`,
      code: [
        { text: 'import sklearn\nimport pandas as pd\n', executionOrder: 1 },
        { text: 'df = pd.read_csv("train.csv")\n', executionOrder: 3 },
        { text: 'X_tr, X_te = sklearn.model_selection.train_test_split(df)\n', executionOrder: 4 },
        { text: 'X_tr.shape\n', executionOrder: 5, hasOutputs: true },
        { text: cell, executionOrder: 2 },
      ],
      findings: [{ cell: 4, line: 1, message: /ran as \[2\], before cell 4 \(\[5\]\) above it/ }],
    })),
    {
      name: 'a cell of plain imports run before the cell above it is compared when a cell below that reads its name ran before it',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'frame = pd.read_parquet("meters.parquet")\nprint(len(frame))\n', executionOrder: 6, hasOutputs: true },
        { text: 'import torch\n', executionOrder: 4 },
        { text: 'weights = torch.tensor(frame.values)\nprint(weights.sum())\n', executionOrder: 3, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[6\], after cell 4 \(\[3\]\) below it/, related: 1 }],
    },
    {
      name: 'a cell of plain imports run before the cell above it is compared when that cell imports the same package',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'import torch\ntorch.set_num_threads(2)\nframe = pd.read_parquet("meters.parquet")\nprint(len(frame))\n', executionOrder: 6, hasOutputs: true },
        { text: 'import torch.nn.functional as F\n', executionOrder: 4 },
        { text: 'print(F.relu(torch.ones(2)))\n', executionOrder: 8, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[6\], after cell 3 \(\[4\]\) below it/ }],
    },
    {
      name: 'a cell of plain imports no other cell uses is compared when it shares its count with another cell',
      code: sharesCountWithBelow('import faiss\n'),
      findings: [{ cell: 1, line: 1, message: /same execution count \[2\] as cell 3/, related: 1 }],
    },
    {
      name: 'a cell of imports with a constant, or with a %cd magic, is compared',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'from pathlib import Path\nDATA = Path("data/2019")\n', executionOrder: 6 },
        { text: '%cd /content/drive/MyDrive/crime\nimport geopandas as gpd\n', executionOrder: 7 },
        { text: 'df = pd.read_csv(DATA / "incidents.csv")\n', executionOrder: 2 },
        { text: 'df.head()\n', executionOrder: 3, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[6\], after cell 4 \(\[2\]\) below it.*1 other cell/, related: 2 }],
    },
    ...[
      ['what a call returns', 'import torch\nprint(torch.__version__, torch.cuda.is_available())\n'],
      ['a value another cell computes', 'import numpy as np\nprint(np.__version__, df.shape)\n'],
      ['a version the notebook sets, not a module\'s', 'import xgboost as xgb\n__version__ = "2"\nprint(__version__)\n'],
    ].map(([what, cell]) => ({
      name: `an import cell that also prints ${what} is compared: re-run after the cells below it`,
      code: reRunAfterBelow(cell),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    })),
    ...[
      ['loads a dataset beside the theme', 'import seaborn as sns\nsns.set_theme()\ntips = sns.load_dataset("tips")\n'],
      ['seeds NumPy beside the style sheet', 'import numpy as np\nimport matplotlib.pyplot as plt\nplt.style.use("seaborn-v0_8")\nnp.random.seed(7)\n'],
    ].map(([what, cell]) => ({
      name: `an import cell with a plot style that also ${what} is compared: re-run after the cells below it`,
      code: reRunAfterBelow(cell),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    })),
    ...[
      ['beside another extension', '%load_ext lab_black\n%load_ext cudf.pandas\n'],
      ['beside a constant', '%load_ext nb_black\nSAMPLE_RATE = 32000\n'],
      ['of a name that only starts like one', '%load_ext lab_black_tools\n'],
    ].map(([what, cell]) => ({
      name: `a formatter extension ${what} is compared: re-run after the cells below it`,
      code: reRunAfterBelow(cell),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    })),
    {
      name: 'autoreload set up beside another extension, or beside a change of the working folder, is compared: re-run after the cells below it',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: '%load_ext autoreload\n%autoreload 2\n%load_ext cudf.pandas\n', executionOrder: 6 },
        { text: '%load_ext autoreload\n%autoreload 2\nimport os\nos.chdir("..")\n', executionOrder: 7 },
        { text: 'boxes = pd.read_csv("annotations/train_boxes.csv")\n', executionOrder: 2 },
        { text: 'boxes.head()\n', executionOrder: 3, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[6\], after cell 4 \(\[2\]\) below it.*1 other cell/, related: 2 }],
    },
    {
      name: 'cells that look self-contained but change or read what other cells see: an import that sets the environment, a read of a frame',
      code: reRunAfterBelow('import os\nos.environ["DATA_DIR"] = "/tmp/data"\n'),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    },
    {
      name: 'a figure shown with an `Image` another cell imports from elsewhere than IPython\'s display, or that a cell below saves: compared',
      code: figureShownLate('from viewer import Image\n', 'curve.png'),
      findings: FIGURE_SHOWN_LATE,
    },
    {
      name: 'a figure shown with the `Image` the imports cell takes from IPython\'s display, of the file the cell below saves: compared',
      code: figureShownLate('from IPython.display import Image\n', 'loss.png'),
      findings: FIGURE_SHOWN_LATE,
    },
    {
      name: 'a cell that shows a file another cell writes is compared: it ran before the cell that writes it',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'df = pd.read_csv("train.csv")\n', executionOrder: 2 },
        { text: 'df.describe().to_csv("out/summary.csv")\n', executionOrder: 5 },
        { text: 'from IPython.display import FileLink\nFileLink("out/summary.csv")\n', executionOrder: 4 },
      ],
      findings: [{ cell: 2, line: 1, message: /^This cell ran as \[5\], after cell 4 \(\[4\]\) below it/ }],
    },
    {
      name: 'a print of a file another cell writes is compared: `!cat` of a file `%%writefile` writes, `!head` of a file a Python cell saves',
      code: [
        { text: '%%writefile serve.py\nimport joblib\nmodel = joblib.load("model.joblib")\n', executionOrder: 1 },
        { text: '!cat serve.py\n', executionOrder: 6, hasOutputs: true },
        { text: 'import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n', executionOrder: 2 },
        { text: 'df = pd.read_csv("raw.csv")\ndf.dropna().to_csv("clean.csv")\n', executionOrder: 3 },
        { text: '!head clean.csv\n', executionOrder: 9, hasOutputs: true },
        { text: 'clf = LogisticRegression().fit(df[["x"]], df.y)\n', executionOrder: 4 },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[6\], after cell 3 \(\[2\]\) below it.*1 other cell/, related: 2 }],
    },
    {
      name: 'prints that do more or name their file at run time are compared: a file another shell line downloads, a path filled in, a pipe, a redirection',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: '!head -n 5 labels.csv\n', executionOrder: 12, hasOutputs: true },
        { text: '!wget -q -O labels.csv https://example.org/labels.csv\n', executionOrder: 2 },
        { text: 'cfg_path = "configs/base.yaml"\n', executionOrder: 3 },
        { text: '!cat {cfg_path}\n', executionOrder: 11, hasOutputs: true },
        { text: '!cat params.yaml | grep lr\n', executionOrder: 10, hasOutputs: true },
        { text: '!cat params.yaml > params_used.yaml\n', executionOrder: 9 },
        { text: 'labels = pd.read_csv("labels.csv")\n', executionOrder: 4 },
      ],
      // The download is set-up (left out of the comparison), but it writes the file printed: the print is compared.
      findings: [{ cell: 1, line: 1, message: /ran as \[12\], after cell 5 \(\[11\]\) below it.*2 other cells/, related: 3 }],
    },
    {
      name: 'a listing is compared where something may write what it lists: a file the notebook saves, a shell line that runs a script, a path filled in, a pipe',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: '!ls runs/\n', executionOrder: 12, hasOutputs: true },
        { text: 'df = pd.read_csv("episodes.csv")\ndf.to_csv("runs/episodes_clean.csv")\n', executionOrder: 2 },
        { text: '!ls {out_dir}\n', executionOrder: 11, hasOutputs: true },
        { text: '!ls ckpt | wc -l\n', executionOrder: 10, hasOutputs: true },
        { text: 'df.describe()\n', executionOrder: 3, hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[12\], after cell 3 \(\[2\]\) below it.*2 other cells/, related: 3 }],
    },
    {
      name: 'a listing of the folder a training script run from the notebook fills is compared',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: '!ls checkpoints/\n', executionOrder: 8, hasOutputs: true },
        { text: '!python train_ppo.py --out checkpoints/\n', executionOrder: 2, hasOutputs: true },
        { text: 'log = pd.read_csv("progress.csv")\n', executionOrder: 3 },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    },
    {
      name: 'a listing whose glob matches a file another cell hands to its own helper to save is compared',
      code: [
        { text: 'import numpy as np\n', executionOrder: 1 },
        { text: '!ls eval_*.npy\n', executionOrder: 7, hasOutputs: true },
        { text: 'def keep(arr, name):\n    np.save(name, arr)\n\nkeep(np.zeros(3), "eval_returns.npy")\n', executionOrder: 2 },
        { text: 'returns = np.ones(3)\n', executionOrder: 3 },
      ],
      findings: [{ cell: 1, line: 1, message: /ran as \[7\], after cell 3 \(\[2\]\) below it/ }],
    },
    {
      name: 'a print of a file named elsewhere other than as a read is compared: handed to a helper that saves it, or printed again further down (an app logs to it)',
      code: [
        { text: 'import numpy as np\n', executionOrder: 1 },
        { text: 'def save_split(frame, name):\n    frame.to_csv(name, index=False)\n\nsave_split(valid_df, "split-valid.csv")\n', executionOrder: 2 },
        { text: '!head -3 split-valid.csv\n', executionOrder: 7, hasOutputs: true },
        { text: 'scores = np.zeros(len(valid_df))\n', executionOrder: 3 },
        { text: '!cat flags/log.csv\n', executionOrder: 9, hasOutputs: true },
        { text: 'demo.launch()\n', executionOrder: 4 },
        { text: '!cat flags/log.csv\n', executionOrder: 10, hasOutputs: true },
      ],
      findings: [{ cell: 2, line: 1, message: /ran as \[7\], after cell 4 \(\[3\]\) below it.*1 other cell/, related: 2 }],
    },
    {
      name: 'a cell that asks help about a function another cell defines, or about a value another cell computes, is compared: either may change',
      code: [
        { text: 'import pandas as pd\n', executionOrder: 1 },
        { text: 'def score(a, b):\n    """Mean gap."""\n    return (a - b).mean()\n', executionOrder: 2 },
        { text: 'help(score)\nhelp(df)\n', executionOrder: 9, hasOutputs: true },
        { text: 'df = pd.read_csv("scores.csv")\n', executionOrder: 3 },
      ],
      findings: [{ cell: 2, line: 1, message: /ran as \[9\], after cell 4 \(\[3\]\) below it/ }],
    },
    {
      name: 'a cell that prints a frame another cell builds is compared: re-run after the cells below it',
      code: reRunAfterBelow('print(df.shape)\n'),
      findings: [{ cell: 1, line: 1, message: /ran as \[8\], after cell 3 \(\[2\]\) below it/ }],
    },
    {
      name: 'a cell run before the one above it',
      code: [{ text: 'a = 1\n', executionOrder: 5 }, { text: 'b = 2\n', executionOrder: 6 }, { text: 'c = a + b\n', executionOrder: 2 }, { text: 'd = c\n', executionOrder: 7 }],
      findings: [{ cell: 2, line: 1, message: /ran as \[2\], before cell 2 \(\[6\]\) above it/ }],
    },
    {
      name: 'two cells share an execution count',
      code: [{ text: 'a = 1\n', executionOrder: 1 }, { text: 'b = a\n', executionOrder: 2 }, { text: 'c = b\n', executionOrder: 2 }, { text: 'd = c\n', executionOrder: 3 }],
      findings: [{ cell: 1, line: 1, message: /same execution count \[2\] as cell 3/, related: 1 }],
    },
    {
      name: 'two cells share a count and both sit outside the in-order run: one finding, linked to the other',
      code: [
        { text: 'a = 1\n', executionOrder: 1 }, { text: 'b = a\n', executionOrder: 9 }, { text: 'c = 2\n', executionOrder: 2 },
        { text: 'd = c\n', executionOrder: 3 }, { text: 'e = d\n', executionOrder: 9 }, { text: 'f = e\n', executionOrder: 4 },
      ],
      findings: [{ cell: 1, line: 1, message: /same execution count \[9\] as cell 5:/, related: 1 }],
    },
    {
      name: 'several cells keep outputs without a count: one cause, one finding linked to the others',
      code: [{ text: 'a = 1\n', executionOrder: 1 }, { text: 'print(a)\n', hasOutputs: true }, { text: 'b = 2\n', executionOrder: 2 }, { text: 'print(b)\n', hasOutputs: true }, { text: 'print(a, b)\n', hasOutputs: true }],
      findings: [{ cell: 1, line: 1, message: /^This cell has saved outputs but no execution count: .*\(2 other cells of this notebook, linked, do not fit one top-to-bottom run either\)$/, related: 2 }],
    },
    {
      name: 'a session run in many orders is one finding for the notebook, at its first symptom, linked to every other',
      code: [
        { text: 'import numpy as np\n', executionOrder: 1 }, { text: 'x = np.arange(10)\n', executionOrder: 14 },
        { text: 'y = x * 2\n', executionOrder: 3 }, { text: 'z = y + 1\n', executionOrder: 4 },
        { text: 'print(z)\n', executionOrder: 4 }, { text: 'w = z - 1\n', executionOrder: 11 },
        { text: 'v = w\n', executionOrder: 6 }, { text: 'print(v)\n', hasOutputs: true }, { text: 'u = v\n', executionOrder: 12 },
      ],
      findings: [{ cell: 1, line: 1, message: /^This cell ran as \[14\], after cell 3 \(\[3\]\) below it: .*\(3 other cells of this notebook, linked, do not fit one top-to-bottom run either\)$/, related: 4 }],
    },
    {
      name: 'two cells run in swapped order are one inversion: the cell the message names is not linked again as another cell out of order',
      code: SWAPPED_PAIR([]),
      findings: [{ cell: 2, line: 1, message: /^This cell ran as \[6\], after cell 4 \(\[5\]\) below it: the saved results come from an out-of-order run$/, related: 1 }],
    },
    {
      name: 'a swapped pair and a third cell re-run later: the third is still counted and linked',
      code: SWAPPED_PAIR([{ text: 'ranked = top.sort_values("z")\n', executionOrder: 9 }, { text: 'ranked.to_csv("top.csv")\n', executionOrder: 8 }]),
      findings: [{ cell: 2, line: 1, message: /^This cell ran as \[6\], after cell 4 \(\[5\]\) below it: .*\(1 other cell of this notebook, linked, does not fit one top-to-bottom run either\)$/, related: 2 }],
    },
    {
      name: 'three cells re-run late, the last of them first ([30] [31] [29]): the [29] cell the message names is linked once, not again as run before the [31] one',
      code: [
        { text: 'import pandas as pd\nfrom sklearn.preprocessing import StandardScaler\n', executionOrder: 1 },
        { text: 'train = pd.read_csv("data/train.csv")\ntest = pd.read_csv("data/test.csv")\n', executionOrder: 2 },
        { text: 'COLS = train.columns[:2].tolist()\n\ndef scale(frame, cols):\n    scaler = StandardScaler().fit(frame[cols])\n    return scaler.transform(frame[cols])\n', executionOrder: 30 },
        { text: 'x_train = scale(tr, COLS)\n', executionOrder: 31 },
        { text: 'tr = train.copy()\nte = test.copy()\n', executionOrder: 29 },
        { text: 'print(train.shape, test.shape)\n', executionOrder: 3 },
        { text: 'train["age"].describe()\n', executionOrder: 4 },
        { text: 'x_test = scale(te, ["age", "size"])\n', executionOrder: 40 },
        { text: 'print(x_test.mean())\n', executionOrder: 39 },
      ],
      findings: [{ cell: 2, line: 1, message: /^This cell ran as \[30\], after cell 5 \(\[29\]\) below it: .*\(2 other cells of this notebook, linked, do not fit one top-to-bottom run either\)$/, related: 3 }],
    },
    {
      name: 'a result that keeps its count gives the cell that count, compared like any other; a printout with no count anywhere is still reported',
      code: onDisk([
        { source: 'import pandas as pd\n', count: 1, outputs: [] },
        { source: 'df = pd.read_csv("meter.csv")\ndf.head()\n', count: null, outputs: [result(9)] },
        { source: 'df = df.dropna()\n', count: 2, outputs: [] },
        { source: 'print(df.shape)\n', count: null, outputs: [printed] },
        { source: 'df.tail()\n', count: 3, outputs: [result(3)] },
      ]),
      findings: [{ cell: 1, line: 1, message: /^This cell ran as \[9\], after cell 3 \(\[2\]\) below it: .*\(1 other cell of this notebook, linked, does not fit/, related: 2 }],
    },
    {
      name: 'a tool cleared every cell\'s own count, and the counts the results keep are out of order',
      code: onDisk([
        { source: 'import pandas as pd\n', count: null, outputs: [] },
        { source: 'df = pd.read_csv("vibration.csv")\ndf.shape\n', count: null, outputs: [result(7)] },
        { source: 'df = df[df.rpm > 0]\nlen(df)\n', count: null, outputs: [result(4)] },
        { source: 'df.describe()\n', count: null, outputs: [result(5)] },
      ]),
      findings: [{ cell: 1, line: 1, message: /^This cell ran as \[7\], after cell 3 \(\[4\]\) below it: the saved results come from an out-of-order run$/ }],
    },
    {
      name: 'a drive mount that also reads from the drive keeps its outputs without a count reported',
      code: onDisk([
        { source: 'import numpy as np\n', count: 1, outputs: [] },
        { source: 'from google.colab import drive\ndrive.mount("/content/drive")\nimport pandas as pd\nrides = pd.read_csv("/content/drive/MyDrive/rides.csv")\nrides.head()\n', count: null, outputs: [printed, result(null)] },
        { source: 'by_hour = rides.groupby("hour").size()\n', count: 2, outputs: [] },
        { source: 'print(by_hour.idxmax())\n', count: 3, outputs: [printed] },
      ]),
      findings: [{ cell: 1, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'a plot with no count below a cell that keeps its own count: nothing shows a tool cleared it',
      code: onDisk([
        { source: 'import pandas as pd\n', count: 1, outputs: [] },
        { source: 'rides = pd.read_csv("rides.csv")\nby_hour = rides.groupby("hour").size()\n', count: 2, outputs: [] },
        { source: 'by_hour.plot(kind="bar")\n', count: null, outputs: [drawn] },
        { source: 'by_hour.idxmax()\n', count: null, outputs: [result(4)] },
      ]),
      findings: [{ cell: 2, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'a printout with no count between two cleared results whose counts leave no number free for it',
      code: onDisk([
        { source: 'import numpy as np\n', count: 1, outputs: [] },
        { source: 'w = np.load("weights.npy")\nw.shape\n', count: null, outputs: [result(2)] },
        { source: 'print(w.sum())\n', count: null, outputs: [printed] },
        { source: 'w.max()\n', count: null, outputs: [result(3)] },
      ]),
      findings: [{ cell: 2, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'a training cell read only by a report that lost its count too, when no cell that ran reads the report, or the report saved an error',
      code: trainedAndReported('plot_history(history_frame)\n'),
      findings: [{ cell: 2, line: 1, message: /^This cell has saved outputs but no execution count/, related: 1 }],
    },
    {
      name: 'a training cell whose only reader is a count-less report that saved an error: the predictions may have been missing when it ran',
      code: trainedAndReported('plot_matrix(cm)\n', [printed, raised]),
      findings: [{ cell: 2, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'a trainer set up in a cell whose count was lost, below a cell that binds names through globals() or asks it of a name worked out at run time: the reader may have used those',
      code: trainerBelowGlobals('for key, value in settings.items():\n    globals()[key] = value\n'),
      findings: [{ cell: 2, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'a trainer set up in a cell whose count was lost, below a cell that runs a script into the kernel\'s namespace: the reader may have used what it bound',
      code: trainerBelowGlobals('%run helpers.py\n'),
      findings: [{ cell: 2, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'the same below a cell that restores stored variables, or a double shell escape, which binds IPython\'s output names',
      code: trainerBelowGlobals('%store -r\n!!ls data\n'),
      findings: [{ cell: 2, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'the same below %pylab, which imports NumPy\'s and pyplot\'s names into the kernel',
      code: trainerBelowGlobals('%pylab inline\n'),
      findings: [{ cell: 2, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'the same below a double shell escape alone',
      code: trainerBelowGlobals('!!nvidia-smi\n'),
      findings: [{ cell: 2, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'globals() asked of a name held in a variable hides which name it reads',
      code: trainerBelowGlobals('name = "trainer"\nprint(name in globals())\n'),
      findings: [{ cell: 2, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'a trainer set up in a cell with no count between consecutive counts: no number is free for it, so it ran out of order or elsewhere',
      code: middleUncounted('model = build_model()\nprint("model ready")\n', 'trainer = Trainer(model=model, args=args)\nprint("trainer ready")\n', 'result = trainer.train()\n', 11),
      findings: UNCOUNTED_MIDDLE,
    },
    {
      name: 'a trainer set up in a cell with no count that another cell also sets up: the reader may have used the other one',
      code: middleUncounted('model = build_model()\ntrainer = Trainer(model=model)\n', 'trainer = Trainer(model=model, args=args)\nprint("trainer ready")\n', 'result = trainer.train()\n'),
      findings: UNCOUNTED_MIDDLE,
    },
    {
      name: 'a trainer set up in a cell with no count whose reader saved an error: the name may have been missing when it ran',
      code: middleUncounted('model = build_model()\n', 'trainer = Trainer(model=model, args=args)\nprint("trainer ready")\n', 'result = trainer.train()\n', 12, [raised]),
      findings: UNCOUNTED_MIDDLE,
    },
    {
      name: 'a printout with no count that binds nothing a cell below reads, with a number free for it',
      code: middleUncounted('model = build_model()\n', 'print(model)\n', 'result = model.fit(X, y)\n'),
      findings: UNCOUNTED_MIDDLE,
    },
    {
      name: 'a cell with no count whose helper is called only by a function another cell defines and no cell that ran calls',
      code: middleUncounted(
        'def process_split(rows):\n    return [encode_sample(r) for r in rows]\n',
        'def encode_sample(sample):\n    return processor(sample["image"], sample["words"])\n\nprint("functions defined")\n',
        'def run_all():\n    return process_split(train_rows)\n',
      ),
      findings: UNCOUNTED_MIDDLE,
    },
    {
      name: 'a cell with no count whose name a called function reads only as its own parameter of that name',
      code: middleUncounted(
        'def process_split(rows, encode_sample):\n    return [encode_sample(r) for r in rows]\n',
        'def encode_sample(sample):\n    return processor(sample["image"], sample["words"])\n\nprint("functions defined")\n',
        'encoded = process_split(train_rows, str)\nprint(len(encoded))\n',
      ),
      findings: UNCOUNTED_MIDDLE,
    },
    {
      name: 'a cell with no count whose name a called function reads only in a function nested in it, which the call does not run',
      code: middleUncounted(
        'def make_encoder(max_len):\n    def encode(words):\n        return tokenizer(words, max_length=max_len)\n    return encode\n',
        'tokenizer = LayoutLMv3TokenizerFast.from_pretrained(CHECKPOINT)\nprint("tokenizer ready")\n',
        'encode = make_encoder(512)\nprint(encode)\n',
      ),
      findings: UNCOUNTED_MIDDLE,
    },
    {
      name: 'a cell with no count whose name is read only inside a function below, not as that cell runs',
      code: middleUncounted('model = build_model()\n', 'trainer = Trainer(model=model)\nprint("trainer ready")\n', 'def fit():\n    return trainer.train()\n'),
      findings: UNCOUNTED_MIDDLE,
    },
    {
      name: 'the imports cell at the top with no count, read by a cell below that ran as [1]: no number is free for it',
      code: onDisk([
        { source: 'import pandas as pd\nfrom glucose.columns import ColumnNames\nprint("ready")\n', count: null, outputs: [printed] },
        { source: 'TARGET = ColumnNames.BG\nprint(TARGET)\n', count: 1, outputs: [printed] },
      ]),
      findings: [{ cell: 0, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'two cells at the top with no count above a cell that ran as [2]: one number is free, not two',
      code: onDisk([
        { source: 'import numpy as np\nprint("numpy", np.__version__)\n', count: null, outputs: [printed] },
        { source: 'rng = np.random.default_rng(0)\nprint(rng)\n', count: null, outputs: [printed] },
        { source: 'sample = rng.normal(size=8)\nprint(sample)\n', count: 2, outputs: [printed] },
      ]),
      // The imports cell's log is no result, but the cell still ran before the generator's: [1] is theirs to share.
      findings: [{ cell: 1, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'a result saved with no count either leaves the cell without one',
      code: onDisk([
        { source: 'x = 1\n', count: 1, outputs: [] },
        { source: 'x + 1\n', count: null, outputs: [result(null)] },
      ]),
      findings: [{ cell: 1, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'outputs saved on a cell with no execution count: not said to be from an earlier session, since a cell still running when the notebook was saved has none either',
      code: [{ text: 'a = 1\n', executionOrder: 1 }, { text: 'print(a)\n', hasOutputs: true }],
      findings: [{ cell: 1, line: 1, message: /^This cell has saved outputs but no execution count: the notebook records no run that produced them; they may be left from an earlier session, or from a run not finished when it was saved$/ }],
    },
    {
      name: 'outputs without a count on a cell whose comment sits above one line it still runs',
      code: [
        { text: 'import torch\nmodel = torch.nn.Linear(4, 1)\n', executionOrder: 1 },
        { text: '# quick check of the head\nprint(model.weight.shape)\n', hasOutputs: true },
      ],
      findings: [{ cell: 1, line: 1, message: /^This cell has saved outputs but no execution count/ }],
    },
    {
      name: 'a commented-out clone cell with its log is passed over, and the finding is the cell below it re-run after the rest',
      code: [
        { text: '%cd /content/drive/MyDrive\n', executionOrder: 1, hasOutputs: true },
        { text: '# !git clone https://github.com/someone/vessel-unet.git\n', hasOutputs: true },
        { text: '%cd vessel-unet\n', executionOrder: 5, hasOutputs: true },
        { text: 'import torch\n', executionOrder: 2 },
        { text: 'net = torch.nn.Conv2d(3, 2, 3)\n', executionOrder: 3 },
      ],
      findings: [{ cell: 2, line: 1, message: /^This cell ran as \[5\], after cell 4 \(\[2\]\) below it: the saved results come from an out-of-order run$/ }],
    },
  ],
});

describe('MLD804 longest increasing run', () => {
  it('keeps the longest strictly increasing subsequence', () => {
    assert.deepEqual([...longestIncreasing([1, 9, 3, 4])].sort(), [0, 2, 3]);
    assert.deepEqual([...longestIncreasing([])], []);
    assert.equal(longestIncreasing([5, 4, 3]).size, 1);
  });

  it('uses the cell index in notebook order, markdown cells counted', async () => {
    const { result } = await run([{ text: '# intro', kind: 'markup' }, { text: 'a = 1\n', executionOrder: 2 }, { text: 'b = a + 1\n', executionOrder: 1 }], [notebookOutOfOrder]);
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0].message, /cell 2|cell 3/);
  });
});

describe('MLD804 restarts the notebook prescribes', () => {
  const install = { text: '!pip install --upgrade google-cloud-storage==2.10.0\n', executionOrder: 1, hasOutputs: true };
  const afterRestart = [
    { text: 'import os\nfrom google.cloud import storage\n', executionOrder: 1 },
    { text: 'client = storage.Client(project=os.environ["PROJECT"])\n', executionOrder: 2 },
    { text: 'buckets = list(client.list_buckets())\nprint(len(buckets))\n', executionOrder: 3, hasOutputs: true },
  ];
  const findings = async (cells: Parameters<typeof run>[0]) => (await run(cells, [notebookOutOfOrder])).result.findings;

  it('reads counts that begin again below a markdown cell telling the reader to restart the kernel as a new session', async () => {
    assert.deepEqual(await findings([install, { text: '**Restart** the kernel before proceeding further (Kernel > Restart Kernel).', kind: 'markup' }, ...afterRestart]), []);
    assert.deepEqual(await findings([install, { text: '### Restart the kernel\nAfter you install the packages, restart the kernel so it can find them.', kind: 'markup' }, ...afterRestart]), []);
  });

  it('reads counts that begin again below a markdown cell telling the reader to restart the Jupyter server as a new session', async () => {
    // A server that stops ends every kernel it started: the counts below begin a new session.
    const versionCheck = { text: 'import pandas as pd\nprint(pd.__version__)\n', executionOrder: 2, hasOutputs: true };
    for (const text of [
      'Now, restart Jupyter Lab.\nClose this window, then open the notebook again from a terminal.',
      'Once the build is done, **restart JupyterLab** so the new extension loads.',
      'Stop and restart the Jupyter server (Ctrl+C in its terminal, then `jupyter notebook`).',
      'After the install finishes you must restart your Jupyter notebook server.',
    ]) assert.deepEqual(await findings([install, versionCheck, { text, kind: 'markup' }, ...afterRestart]), [], text);
  });

  it('still reports the same counts when the prose restarts only a window, tab or extension of Jupyter, or says no restart is needed', async () => {
    const versionCheck = { text: 'import pandas as pd\nprint(pd.__version__)\n', executionOrder: 2, hasOutputs: true };
    for (const text of [
      'If the widgets do not render, restart the JupyterLab window (the kernel keeps running).',
      'Reload the page or restart the Jupyter Lab tab to see the plot.',
      'You do not need to restart Jupyter Lab after this step.',
      'Jupyter Lab keeps running; restart the jupyter extension manager if the sidebar is empty.',
    ]) assert.equal((await findings([install, versionCheck, { text, kind: 'markup' }, ...afterRestart])).length, 1, text);
  });

  it('reads counts that begin again below a cell that shuts the kernel down to restart it as a new session', async () => {
    const restartCell = { text: 'import IPython\n\napp = IPython.Application.instance()\napp.kernel.do_shutdown(True)\n', executionOrder: 2 };
    assert.deepEqual(await findings([install, restartCell, ...afterRestart]), []);
  });

  it('reads counts that begin again below a cell that kills its own kernel as a new session', async () => {
    const killCell = { text: '!pip install -U accelerate\nimport os\nos.kill(os.getpid(), 9)\n', executionOrder: 2 };
    assert.deepEqual(await findings([install, killCell, ...afterRestart]), []);
    const byName = { text: 'import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n', executionOrder: 2 };
    assert.deepEqual(await findings([install, byName, ...afterRestart]), []);
  });

  it('reads counts that begin again below a cell that ends its kernel with IPython\'s exit as a new session', async () => {
    // The install-then-restart idiom: `exit(0)` or `quit()` at the cell's own level ends the kernel and Colab starts a new one.
    for (const text of [
      '!pip install detectron2 -f https://example.org/wheels/index.html\nimport torch\nprint(torch.__version__)\nexit(0)\n',
      'import torch\nassert torch.__version__.startswith("2.1")\nquit()\n',
      'import os\nprint(os.listdir("."))\nexit(keep_kernel=False)\n',
    ]) assert.deepEqual(await findings([install, { text, executionOrder: 2 }, ...afterRestart]), [], text);
  });

  it('still reports a shared count when the exit keeps the kernel, may not run, or is not IPython\'s', async () => {
    for (const text of [
      // A true `keep_kernel` (the first argument) leaves the kernel alive.
      'import torch\nprint(torch.__version__)\nexit(1)\n',
      'import torch\nprint(torch.__version__)\nexit(keep_kernel=True)\n',
      // A guard under an `if`, or in a function the cell only defines, may never run.
      'import torch\nif not torch.cuda.is_available():\n    exit(0)\nprint(torch.__version__)\n',
      'import torch\ndef main():\n    print(torch.__version__)\n    exit()\n',
      // IPython catches `sys.exit`'s SystemExit: the kernel lives on.
      'import sys, torch\nprint(torch.__version__)\nsys.exit(0)\n',
    ]) assert.equal((await findings([install, { text, executionOrder: 2, hasOutputs: true }, ...afterRestart])).length, 1, text);
  });

  it('does not report the outputs a cell keeps without a count when it shut its own kernel down', async () => {
    // The kernel dies before the cell finishes, so no count is written: the log is from the run that restarted.
    const logged = { executionOrder: undefined, hasOutputs: true };
    for (const text of [
      '!pip install -U transformers\nimport os\nos.kill(os.getpid(), 9)\n',
      '%pip install -q peft\nimport os\nos._exit(0)\n',
      '!pip install datasets\nimport IPython\nIPython.Application.instance().kernel.do_shutdown(True)\n',
    ]) assert.deepEqual(await findings([{ text, ...logged }, ...afterRestart]), [], text);
  });

  it('still reports outputs without a count in a cell that signals itself without ending, or ends another process', async () => {
    const logged = { executionOrder: undefined, hasOutputs: true };
    const interrupt = { text: '!pip install -U transformers\nimport os, signal\nos.kill(os.getpid(), signal.SIGINT)\n', ...logged };
    const other = { text: 'import os\nos.kill(server_pid, 9)\nprint("stopped")\n', ...logged };
    for (const cell of [interrupt, other]) {
      const out = await findings([cell, ...afterRestart]);
      assert.equal(out.length, 1, cell.text);
      assert.match(out[0].message, /no execution count/);
    }
    // A cell below the restart that keeps outputs without a count is still reported.
    const kill = { text: 'import os\nos.kill(os.getpid(), 9)\n', ...logged };
    const [first, second, third] = afterRestart;
    const out = await findings([kill, first, second, { ...third, executionOrder: undefined }]);
    assert.equal(out.length, 1);
    assert.match(out[0].message, /no execution count/);
  });

  it('still reports the same counts with no restart prescribed, or with prose that says none is needed', async () => {
    // The first session must run more than installs (those change no kernel state, and are not compared).
    const versionCheck = { text: 'import pandas as pd\nprint(pd.__version__)\n', executionOrder: 2, hasOutputs: true };
    assert.equal((await findings([install, versionCheck, ...afterRestart])).length, 1);
    const noNeed = { text: 'You can run the rest of this notebook without restarting the kernel.', kind: 'markup' as const };
    assert.equal((await findings([install, versionCheck, noNeed, ...afterRestart])).length, 1);
    const shutdownOnly = { text: 'import IPython\nIPython.Application.instance().kernel.do_shutdown(False)\n', executionOrder: 2 };
    assert.equal((await findings([install, shutdownOnly, ...afterRestart])).length, 1);
  });

  it('still reports cells out of order within the session after the restart', async () => {
    const [first, second, third] = afterRestart;
    const out = await findings([install, { text: 'Restart the kernel to use the updated packages.', kind: 'markup' }, first, { ...second, executionOrder: 7 }, third]);
    assert.equal(out.length, 1);
    assert.match(out[0].message, /ran as \[7\], before cell 5 \(\[3\]\) below it|ran as \[7\]/);
  });
});

describe('MLD804 R cells that share no value with the Python cells', () => {
  // Each step shown in R and in Python, saved from one run of the R cells and one of the Python cells.
  const setUp = { text: '%load_ext rpy2.ipython\nimport pandas as pd\nimport statsmodels.formula.api as smf\n', executionOrder: 1 };
  const rRead = { text: '%%R -w 8 -h 5 -u in\nlibrary(ggplot2)\nsales <- read.csv("data/sales.csv")\nqplot(price, units, data = sales)\n', executionOrder: 2, hasOutputs: true };
  const pyRead = { text: 'sales = pd.read_csv("data/sales.csv")\nsales.plot.scatter("price", "units")\n', executionOrder: 2, hasOutputs: true };
  const rFit = { text: '%%R\nfit <- lm(units ~ price, data = sales)\nsummary(fit)\n', executionOrder: 3, hasOutputs: true };
  const pyFit = { text: 'fit = smf.ols("units ~ price", data=sales).fit()\nprint(fit.summary())\n', executionOrder: 3, hasOutputs: true };
  const findings = async (cells: Parameters<typeof run>[0]) => (await run(cells, [notebookOutOfOrder])).result.findings;

  it('compares the R cells\' counts and the Python cells\' counts each among themselves', async () => {
    assert.deepEqual(await findings([setUp, rRead, pyRead, rFit, pyFit]), []);
  });

  it('still compares them with each other when a cell moves a value between R and Python', async () => {
    const rFitFromPython = { ...rFit, text: '%%R -i sales\nfit <- lm(units ~ price, data = sales)\nsummary(fit)\n' };
    const out = await findings([setUp, rRead, pyRead, rFitFromPython, pyFit]);
    assert.equal(out.length, 1);
    assert.match(out[0].message, /same execution count \[2\] as cell 3/);
    const pushed = { ...pyFit, text: '%Rpush sales\nfit = smf.ols("units ~ price", data=sales).fit()\n' };
    assert.equal((await findings([setUp, rRead, pyRead, rFit, pushed])).length, 1);
    const robjects = { ...setUp, text: '%load_ext rpy2.ipython\nimport pandas as pd\nimport rpy2.robjects as ro\n' };
    assert.equal((await findings([robjects, rRead, pyRead, rFit, pyFit])).length, 1);
  });

  it('still reports Python cells out of order among the Python cells, and R cells among the R cells', async () => {
    const pyLate = await findings([setUp, rRead, { ...pyRead, executionOrder: 7 }, rFit, pyFit]);
    assert.equal(pyLate.length, 1);
    assert.match(pyLate[0].message, /ran as \[7\], after cell 5 \(\[3\]\) below it/);
    const rLate = await findings([setUp, { ...rRead, executionOrder: 9 }, pyRead, rFit, pyFit]);
    assert.equal(rLate.length, 1);
    assert.match(rLate[0].message, /ran as \[9\], after cell 4 \(\[3\]\) below it/);
  });
});

describe('MLD804: a cell that reads no other cell\'s value and gives none fits any order', () => {
  const findings = async (cells: Parameters<typeof run>[0]) => (await run(cells, [notebookOutOfOrder])).result.findings;
  const cells = (late: string, below = 'text_string = "- Kosolola na libota"\n', after = 're.sub(r"^\\W_-\\s", "", text_string)\n') => [
    { text: 'import re\nimport math\nimport pandas as pd\n', executionOrder: 1, hasOutputs: false },
    { text: late, executionOrder: 9, hasOutputs: true },
    { text: below, executionOrder: 2, hasOutputs: true },
    { text: after, executionOrder: 3, hasOutputs: true },
    // A cell that makes a folder: no observation, so only the late cell's own footprint tells whether the two commute.
    { text: 'import os\nos.makedirs("runs", exist_ok=True)\nlabels = ["oui", "non"]\n', executionOrder: 4, hasOutputs: true },
  ];

  it('is silent when a cell run late only works out values written in it, with pure functions of the modules it imports', async () => {
    assert.deepEqual(await findings(cells('sample_text = "REPONSE 1: Mama moko."\nre.sub(r"REPONSE \\d+: ", "", sample_text)\n')), []);
    assert.deepEqual(await findings(cells('radius = 2.5\nprint(math.pi * radius ** 2, math.sqrt(radius))\n')), []);
    assert.deepEqual(await findings(cells('pattern = re.compile(r"\\d+")\npattern_words = ["a1", "b22"]\n[w for w in pattern_words if re.search(r"\\d", w)]\n')), []);
  });

  it('still reports a late cell that reads a value another cell makes, or binds one another cell reads', async () => {
    const readsFrame = await findings(cells('labels[0].upper()\n'));
    assert.equal(readsFrame.length, 1);
    assert.match(readsFrame[0].message, /ran as \[9\], after cell 5 \(\[4\]\) below it/);
    // Reads `text_string`, which the cell below binds.
    assert.equal((await findings(cells('sample_text = text_string.upper()\nsample_text\n'))).length, 1);
    // Binds `text_string`, which a cell below reads.
    assert.equal((await findings(cells('text_string = "REPONSE 2"\nre.sub(r"REPONSE ", "", text_string)\n'))).length, 1);
  });

  it('is silent when the late cell reads a file no cell writes, beside writes whose names differ only before another suffix', async () => {
    const notebook = (write: string) => [
      { text: 'import pandas as pd\nimport soundfile as sf\nimport numpy as np\n', executionOrder: 1, hasOutputs: false },
      { text: 'src = pd.read_parquet("../data/motifs.parquet")\nprint(src)\n', executionOrder: 15, hasOutputs: true },
      { text: `tile_path = "../data/tiles"\nchirp = np.zeros(32000)\nfor i in range(10):\n    ${write}\n`, executionOrder: 2, hasOutputs: false },
      { text: 'print(tile_path)\n', executionOrder: 3, hasOutputs: true },
    ];
    assert.deepEqual(await findings(notebook('np.save(f"{tile_path}/{i}.npy", chirp)')), []);
    assert.deepEqual(await findings(notebook('sf.write(f"{tile_path}/{i}.ogg", chirp, 32000)')), []);
    assert.equal((await findings(notebook('pd.DataFrame({"x": chirp}).to_parquet(f"{tile_path}/{i}.parquet")'))).length, 1);
  });

  it('is silent when the late cell imports a module itself that other cells import alike, and still compared for a submodule import', async () => {
    const notebook = (own: string) => [
      { text: 'import pandas as pd\nimport sklearn\n', executionOrder: 1, hasOutputs: false },
      { text: `${own}\nsrc = pd.read_parquet("../data/motifs.parquet")\nprint(src)\n`, executionOrder: 15, hasOutputs: true },
      { text: 'frame = pd.DataFrame({"x": [1, 2]})\nprint(frame)\n', executionOrder: 2, hasOutputs: true },
      { text: 'parts = sklearn.model_selection.train_test_split(frame)\n', executionOrder: 3, hasOutputs: false },
    ];
    assert.deepEqual(await findings(notebook('import pandas as pd')), []);
    assert.equal((await findings(notebook('import pandas as pd\nimport sklearn.model_selection'))).length, 1);
  });

  it('still reports a late cell when another cell changes how the whole process behaves (warnings made errors, a pandas option)', async () => {
    const withSetting = (setting: string) => [...cells('sample_text = "REPONSE 1: Mama moko."\nre.sub(r"REPONSE \\d+: ", "", sample_text)\n'), { text: setting, executionOrder: 11, hasOutputs: false }];
    assert.equal((await findings(withSetting('import warnings\nwarnings.filterwarnings("error")\n'))).length, 1);
    assert.equal((await findings(withSetting('import pandas as pd\npd.set_option("mode.copy_on_write", True)\n'))).length, 1);
    assert.deepEqual(await findings(withSetting('import warnings\nwarnings.filterwarnings("ignore")\n')), []);
  });

  it('still reports a late cell that writes a file, draws from a generator, or calls a function another cell defines', async () => {
    assert.equal((await findings(cells('rows = [1, 2]\npd.DataFrame({"r": rows}).to_csv("rows.csv")\n', undefined, 'pd.read_csv("rows.csv").shape\n'))).length, 1);
    assert.equal((await findings(cells('import numpy as np\nnp.random.seed(0)\nnp.random.rand(3)\n'))).length, 1);
    assert.equal((await findings(cells('clean("REPONSE 1")\n', 'def clean(text):\n    return text.strip()\n'))).length, 1);
  });
});

describe('MLD804: frames read through the Path fastai hands on from pathlib', () => {
  const findings = async (cells: Parameters<typeof run>[0]) => (await run(cells, [notebookOutOfOrder])).result.findings;
  const notebook = (pathImport: string) => [
    { text: `import pandas as pd\n${pathImport}\n`, executionOrder: 15, hasOutputs: false },
    { text: 'path = Path("../input/house-prices")\n', executionOrder: 16, hasOutputs: false },
    { text: 'train_df = pd.read_csv(path/"train.csv")\n', executionOrder: 23, hasOutputs: false },
    { text: 'train_df.head()\n', executionOrder: 24, hasOutputs: true },
    { text: 'submission_df = pd.read_csv(path/"sample_submission.csv")\n', executionOrder: 21, hasOutputs: false },
    { text: 'submission_df.head()\n', executionOrder: 22, hasOutputs: true },
  ];

  it('is silent when the sample submission was read and shown before the training frame above it: the two files are apart', async () => {
    assert.deepEqual(await findings(notebook('from fastai.tabular.all import Path')), []);
    assert.deepEqual(await findings(notebook('from pathlib import Path')), []);
  });

  it('still reports it when the path comes from a Path class of another library, which may name any file', async () => {
    assert.equal((await findings(notebook('from mylib.storage import Path'))).length, 1);
  });

  it('is silent beside a cell that only installs packages, which writes into the environment, not the files read', async () => {
    const withInstall = (install: string) => [...notebook('from fastai.tabular.all import Path'), { text: install, executionOrder: 50, hasOutputs: true }];
    assert.deepEqual(await findings(withInstall('!pip install dtreeviz -qqq\n')), []);
    assert.deepEqual(await findings(withInstall('%pip install -Uqq fastbook >/dev/null 2>&1\n')), []);
  });

  it('still reports it beside a shell line that may write files: a fetch, or an install whose log goes to a file', async () => {
    const withShell = (line: string) => [...notebook('from fastai.tabular.all import Path'), { text: line, executionOrder: 50, hasOutputs: true }];
    assert.equal((await findings(withShell('!wget -q https://example.org/house-prices.zip && unzip -o house-prices.zip\n'))).length, 1);
    assert.equal((await findings(withShell('!pip install dtreeviz > ../input/house-prices/sample_submission.csv\n'))).length, 1);
  });
});

describe('MLD804: a drawing of a model\'s layers into an image file', () => {
  const findings = async (cells: Parameters<typeof run>[0]) => (await run(cells, [notebookOutOfOrder])).result.findings;
  const notebook = (plot: string, below: string) => [
    { text: 'import numpy as np\nfrom tensorflow.keras.models import load_model\nfrom tensorflow.keras.utils import plot_model\nfrom sklearn.metrics import f1_score\n', executionOrder: 1, hasOutputs: false },
    { text: 'X_test = np.load("x_test.npy")\nY_test = np.load("y_test.npy")\n', executionOrder: 2, hasOutputs: false },
    { text: 'model = load_model("cnn_paper_mitbih.h5")\n', executionOrder: 3, hasOutputs: false },
    { text: plot, executionOrder: 9, hasOutputs: true },
    { text: below, executionOrder: 4, hasOutputs: true },
  ];
  const EVALUATION = 'pred_test = np.argmax(model.predict(X_test), axis=-1)\nprint("Test f1 score :", f1_score(Y_test, pred_test, average="macro"))\n';

  it('is silent when it ran after a cell below that only evaluates the model: the drawing changes nothing the evaluation reads', async () => {
    assert.deepEqual(await findings(notebook('img = plot_model(model, to_file="cnn_paper.png", show_shapes=True)\n', EVALUATION)), []);
    assert.deepEqual(await findings(notebook('plot_model(model, "cnn_paper.png")\n', EVALUATION)), []);
  });

  it('still reports it when the cell below trains the model it draws, or writes the same image', async () => {
    assert.equal((await findings(notebook('img = plot_model(model, to_file="cnn_paper.png")\n', 'model.fit(X_test, Y_test, epochs=1)\n'))).length, 1);
    assert.equal((await findings(notebook('img = plot_model(model, to_file="cnn_paper.png")\n', 'plot_model(model, to_file="cnn_paper.png", show_shapes=True)\n'))).length, 1);
  });
});

describe('MLD804: IPython\'s player of samples held in memory', () => {
  const findings = async (cells: Parameters<typeof run>[0]) => (await run(cells, [notebookOutOfOrder])).result.findings;
  const notebook = (player: string) => [
    { text: 'import numpy as np\nimport matplotlib.pyplot as plt\nimport IPython.display as ipd\n', executionOrder: 1, hasOutputs: false },
    { text: 'data = np.load("clip.npy")\nmp = np.abs(data[:1000])\n', executionOrder: 2, hasOutputs: false },
    { text: 'plt.plot(mp)\n', executionOrder: 9, hasOutputs: true },
    { text: 'motif = int(np.argmin(mp))\nmotif\n', executionOrder: 3, hasOutputs: true },
    { text: `for start in [motif, 10]:\n    print(start)\n    ${player}\n`, executionOrder: 4, hasOutputs: true },
  ];

  it('is silent when a cell that plays slices of an array ran before the plot above it', async () => {
    assert.deepEqual(await findings(notebook('ipd.display(ipd.Audio(data[start : start + 500], rate=32000))')), []);
  });

  it('still reports a player handed a file, which another cell may write', async () => {
    assert.equal((await findings(notebook('ipd.display(ipd.Audio("clip.wav", rate=32000))'))).length, 1);
    assert.equal((await findings(notebook('ipd.display(ipd.Audio(filename="clip.wav"))'))).length, 1);
  });
});

describe('MLD804: a cell that keeps no output and leaves nothing a cell that ran uses', () => {
  const findings = async (cells: Parameters<typeof run>[0]) => (await run(cells, [notebookOutOfOrder])).result.findings;
  const notebook = (plot: { text: string; hasOutputs: boolean }, helpers: { text: string; hasOutputs: boolean }, retrain = 'model = get_model()\nmodel.fit(X_train, y_train, epochs=3)\n') => [
    { text: 'import numpy as np\nfrom tensorflow.keras.models import load_model\nfrom tensorflow.keras.utils import plot_model\n', executionOrder: 1, hasOutputs: false },
    { text: 'X_train, y_train = np.load("x.npy"), np.load("y.npy")\nX_test, Y_test = np.load("xt.npy"), np.load("yt.npy")\n', executionOrder: 2, hasOutputs: false },
    { text: 'model = load_model("baseline_cnn_ptbdb.h5")\n', executionOrder: 3, hasOutputs: false },
    { text: plot.text, executionOrder: 7, hasOutputs: plot.hasOutputs },
    { text: helpers.text, executionOrder: 7, hasOutputs: helpers.hasOutputs },
    { text: retrain, executionOrder: undefined, hasOutputs: false },
    { text: 'pred = model.predict(X_test)\nprint((pred.argmax(-1) == Y_test).mean())\n', executionOrder: 4, hasOutputs: true },
  ];
  const PLOT = 'img = plot_model(model, to_file="baseline_cnn.png", show_shapes=True)\n';
  const HELPERS = 'def get_model():\n    return make_cnn(n_class=1)\n';

  it('is silent when the cells sharing a count keep no output, and no cell that ran reads what they bind', async () => {
    assert.deepEqual(await findings(notebook({ text: PLOT, hasOutputs: false }, { text: HELPERS, hasOutputs: false })), []);
  });

  it('still reports them when both keep outputs, or a cell that ran calls what the other defines', async () => {
    assert.equal((await findings(notebook({ text: PLOT, hasOutputs: true }, { text: `${HELPERS}print("helpers ready")\n`, hasOutputs: true }))).length, 1);
    const calledHelpers = notebook({ text: PLOT, hasOutputs: false }, { text: HELPERS, hasOutputs: false }).map((cell) => (cell.executionOrder === undefined ? { ...cell, executionOrder: 8 } : cell));
    assert.equal((await findings(calledHelpers)).length, 1);
  });

  it('still reports an output-less cell of imports whose names a cell that ran uses', async () => {
    const cells = [
      { text: 'import pandas as pd\nfrom consensus_utils import load_labels\n', executionOrder: 1, hasOutputs: false },
      { text: 'frame = load_labels("labels.csv")\n', executionOrder: 4, hasOutputs: false },
      { text: 'frame\n', executionOrder: 5, hasOutputs: true },
      { text: 'from consensus_utils import label_overrides\n', executionOrder: 5, hasOutputs: false },
      { text: 'label_overrides(frame)\n', executionOrder: 6, hasOutputs: true },
    ];
    assert.equal((await findings(cells)).length, 1);
  });

  it('still reports an output-less cell that calls a method of another cell\'s object, which may act outside the kernel (a deployed endpoint)', async () => {
    const loadTest = { text: 'for i in range(500):\n    model.predict(X_test[:1])\n', hasOutputs: false };
    assert.equal((await findings(notebook(loadTest, { text: `${HELPERS}print("helpers ready")\n`, hasOutputs: true }))).length, 1);
  });
});

describe('MLD804: a %%bash fetch script with its conditionals, prints and moves between folders', () => {
  const findings = async (cells: Parameters<typeof run>[0]) => (await run(cells, [notebookOutOfOrder])).result.findings;
  const script = (extra: string) => `%%bash\n\nmkdir -p data\npushd data\nif [ -d "20news-bydate-train" ]\nthen\n  echo "The data has already been downloaded..."\nelse\n  wget http://example.org/20news-bydate.tar.gz\n  tar xfv 20news-bydate.tar.gz\n  rm 20news-bydate.tar.gz\nfi\necho "Lets take a look at the groups..."\nls 20news-bydate-train/\n${extra}popd\n`;
  const notebook = (fetch: string) => [
    { text: fetch, executionOrder: 17, hasOutputs: true },
    { text: '!ls -lah data/20news-bydate-train/sci.space | tail -n 5\n', executionOrder: 2, hasOutputs: true },
    { text: 'from glob import glob\nfiles = glob("data/20news-bydate-train/*/*")\nlen(files)\n', executionOrder: 3, hasOutputs: true },
  ];

  it('is silent when the script only fetches and unpacks, around conditionals, prints, listings and the removal of its archive', async () => {
    assert.deepEqual(await findings(notebook(script(''))), []);
  });

  it('still reports it when the script also runs a program, deletes more than its archive, or prints into a file', async () => {
    assert.equal((await findings(notebook(script('python prepare.py\n')))).length, 1);
    assert.equal((await findings(notebook(script('rm -rf 20news-bydate-test\n')))).length, 1);
    assert.equal((await findings(notebook(script('echo "split=1" > config.txt\n')))).length, 1);
  });
});

describe('MLD804: an output-less cell that only builds torchvision transforms or a quiet scikit-learn class no cell that ran uses', () => {
  const findings = async (cells: Parameters<typeof run>[0]) => (await run(cells, [notebookOutOfOrder])).result.findings;
  // The second cell ran after the four below it; the evaluation cell keeps the one saved output.
  const notebook = (late: { text: string; hasOutputs: boolean }, evaluation = 'for p in paths:\n    print(model(TF.to_tensor(Image.open(p))).sum())\n') => [
    { text: 'import os\nimport torch\nimport torchvision.transforms.functional as TF\nfrom PIL import Image\nfrom sklearn.preprocessing import StandardScaler\nfrom net import CountNet\n', executionOrder: 1, hasOutputs: false },
    { text: late.text, executionOrder: 10, hasOutputs: late.hasOutputs },
    { text: 'root = "/data/crowd/test"\n', executionOrder: 3, hasOutputs: false },
    { text: 'paths = [os.path.join(root, f) for f in os.listdir(root)]\n', executionOrder: 4, hasOutputs: false },
    { text: 'model = CountNet()\nmodel.load_state_dict(torch.load("best.pth", weights_only=True))\n', executionOrder: 5, hasOutputs: false },
    { text: evaluation, executionOrder: 6, hasOutputs: true },
  ];
  const PIPELINE = 'from torchvision import transforms\nnormalize = transforms.Compose([\n    transforms.ToTensor(),\n    transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),\n])\n';
  const AUGMENT = 'from torchvision.transforms import v2\naugment = v2.Compose([v2.RandomResizedCrop(224), v2.RandomHorizontalFlip(p=0.5)])\n';
  const SCALER = 'scaler = StandardScaler(with_mean=False)\n';

  it('is silent when that cell builds a transform pipeline whose name no cell that ran reads (its use commented out)', async () => {
    assert.deepEqual(await findings(notebook({ text: PIPELINE, hasOutputs: false })), []);
  });

  it('is silent when the transforms built are random ones: building them draws nothing, calling them would', async () => {
    assert.deepEqual(await findings(notebook({ text: AUGMENT, hasOutputs: false })), []);
  });

  it('is silent when the cell builds a scikit-learn class that draws no random numbers, bound to a name nothing reads', async () => {
    assert.deepEqual(await findings(notebook({ text: SCALER, hasOutputs: false })), []);
  });

  it('still reports the cell when the evaluation that ran reads the pipeline it built', async () => {
    const reads = 'for p in paths:\n    print(model(normalize(Image.open(p)).unsqueeze(0)).sum())\n';
    assert.equal((await findings(notebook({ text: PIPELINE, hasOutputs: false }, reads))).length, 1);
  });

  it('still reports it when it keeps an output that shows another cell\'s image through the pipeline, or also builds a data set over another cell\'s folder', async () => {
    assert.equal((await findings(notebook({ text: `${PIPELINE}normalize(Image.open(paths[0])).shape\n`, hasOutputs: true }))).length, 1);
    assert.equal((await findings(notebook({ text: `${PIPELINE}from torchvision import datasets\nholdout = datasets.ImageFolder(root, normalize)\n`, hasOutputs: false }))).length, 1);
  });
});
