// The def-use layer (index.dataflow): reads and their bindings, reaching definitions, writes into
// objects, value kinds, path values, data I/O, training calls and lineage.
import { strict as assert } from 'node:assert';
import type { Node } from 'web-tree-sitter';
import { buildDocument } from '../../server/src/documents/source';
import { parseOnce } from '../../server/src/parsing/incremental';
import { SemanticIndex } from '../../server/src/semantics';
import type { DataFlow, NameRead } from '../../server/src/semantics/dataflow';
import { holdsData, samePath } from '../../server/src/semantics/dataflow';
import { notebookSource, parser, py, sourceOf } from '../support/engine';

async function flowOf(code: string | string[]): Promise<{ flow: DataFlow; index: SemanticIndex; dispose: () => void }> {
  const doc = buildDocument(Array.isArray(code) ? notebookSource(code) : sourceOf(code));
  const { parsed, dispose } = parseOnce(await parser(), doc);
  const index = new SemanticIndex(parsed);
  return { flow: index.dataflow, index, dispose };
}

/** The n-th read (0-based, -1 for the last) of `name`. */
function read(flow: DataFlow, name: string, n = 0): NameRead {
  const reads = flow.readsOf(name);
  const found = reads.at(n);
  assert.ok(found, `no read ${n} of ${name} (has ${reads.length})`);
  return found;
}

/** 1-based lines of the definitions reaching the n-th read of `name`. */
function reachingLines(flow: DataFlow, name: string, n = 0): number[] {
  return flow.reachingDefinitions(read(flow, name, n)).map((d) => d.node.startPosition.row + 1);
}

function callNode(index: SemanticIndex, text: string): Node {
  const call = index.calls.find((c) => c.node.text.startsWith(text));
  assert.ok(call, `no call ${text}`);
  return call.node;
}

describe('def-use layer: reads', () => {
  it('classifies identifiers: attribute names, keywords, imports and bindings are not reads', async () => {
    const { flow, dispose } = await flowOf(py`
      import numpy as np
      from sklearn.svm import SVC
      global counter
      def fit(X, y=None, *args, **kwargs):
          model = SVC(C=1.0)
          return model.fit(X, y)
      data = np.load("x.npy")
      fit(data.T, y=data)
    `);
    const names = flow.reads.map((r) => r.name);
    assert.deepEqual(names, ['SVC', 'model', 'X', 'y', 'np', 'fit', 'data', 'data']);
    dispose();
  });

  it('knows the binding of each read: locals, globals, comprehension variables, class bodies', async () => {
    const { flow, dispose } = await flowOf(py`
      x = 1
      def f(x):
          return x
      def g():
          global x
          x = 2
      squares = [x * x for x in range(3)]
      class C:
          x = 3
          y = x
          def m(self):
              return x
      print(x)
    `);
    const scopes = flow.readsOf('x').map((r) => (r.resolution.kind === 'local' ? r.resolution.definition.kind : r.resolution.kind));
    // f's parameter, the comprehension variable (twice), the class attribute, the module x from a method, the module x.
    assert.deepEqual(scopes, ['param', 'comprehension', 'comprehension', 'assign', 'assign', 'assign']);
    const line = (r: NameRead) => (r.resolution.kind === 'local' ? r.resolution.definition.node.startPosition.row + 1 : 0);
    // In effect by position: the class attribute, then the module binding made last (through `global`)...
    assert.deepEqual([3, 4, 5].map((n) => line(read(flow, 'x', n))), [9, 6, 6]);
    // ...but g may never run, so both module bindings can reach the last read.
    assert.deepEqual(reachingLines(flow, 'x', 5), [1, 6]);
    dispose();
  });

  it('marks reads in function bodies as deferred, but not defaults, decorators or class bodies', async () => {
    const { flow, dispose } = await flowOf(py`
      @register(NAME)
      def train(lr=LR):
          return fit(DATA, lr)
      class Config:
          rate = LR
      scores = list(map(lambda r: r * SCALE, rows))
    `);
    const deferred = (name: string) => read(flow, name).deferred;
    assert.equal(deferred('NAME'), false);
    assert.equal(deferred('LR'), false);
    assert.equal(deferred('DATA'), true);
    assert.equal(read(flow, 'LR', 1).deferred, false);
    assert.equal(deferred('SCALE'), true);
    assert.equal(deferred('r'), false, 'a lambda parameter is local to the lambda');
    assert.equal(read(flow, 'lr').resolution.kind, 'local', 'the parameter, not a global');
    dispose();
  });

  it('resolves a default value in the scope around the function', async () => {
    const { flow, dispose } = await flowOf(py`
      lr = 0.1
      def train(lr=lr):
          return lr
    `);
    const inDefault = read(flow, 'lr', 0);
    assert.equal(inDefault.resolution.kind === 'local' && inDefault.resolution.definition.kind, 'assign');
    const inBody = read(flow, 'lr', 1);
    assert.equal(inBody.resolution.kind === 'local' && inBody.resolution.definition.kind, 'param');
    dispose();
  });

  it('sees augmented targets and the objects of writes', async () => {
    const { flow, dispose } = await flowOf(py`
      total = 0
      total += 1
      df["a"] = 1
    `);
    assert.equal(read(flow, 'total').role, 'augmented');
    assert.equal(read(flow, 'df').role, 'mutated');
    dispose();
  });
});

describe('def-use layer: reaching definitions', () => {
  it('a read on the right of its own assignment sees the previous binding', async () => {
    const { flow, dispose } = await flowOf(py`
      df = load()
      df = df.dropna()
      print(df)
    `);
    assert.deepEqual(reachingLines(flow, 'df', 0), [1]);
    assert.deepEqual(reachingLines(flow, 'df', 1), [2]);
    dispose();
  });

  it('keeps bindings that a branch may skip, and drops the ones replaced on every path', async () => {
    const { flow, dispose } = await flowOf(py`
      a = 1
      if cond:
          a = 2
      print(a)
      b = 1
      if cond:
          b = 2
      else:
          b = 3
      b = 4
      print(b)
      if cond:
          c = 1
          c = 2
      print(c)
    `);
    assert.deepEqual(reachingLines(flow, 'a'), [1, 3]);
    assert.deepEqual(reachingLines(flow, 'b'), [10]);
    assert.deepEqual(reachingLines(flow, 'c'), [14]);
    dispose();
  });

  it('a binding in a with body replaces the name for what follows the statement, as the body always runs', async () => {
    const { flow, dispose } = await flowOf(py`
      loss = 0.0
      with tf.GradientTape() as tape:
          loss = compute(batch)
      print(loss)
      with open(path) as handle:
          with lock:
              table = parse(handle)
      with lock:
          if fresh:
              table = refresh(table)
      print(table)
    `);
    assert.deepEqual(reachingLines(flow, 'loss'), [3]);
    assert.deepEqual(reachingLines(flow, 'table', -1), [7, 10]);
    dispose();
  });

  it('a with body under a context that swallows exceptions may end early: the earlier binding still reaches', async () => {
    const { flow, dispose } = await flowOf(py`
      value = 1
      with pytest.raises(ValueError):
          value = parse("x")
      print(value)
      cache = {}
      with contextlib.suppress(FileNotFoundError):
          cache = load(path)
      print(cache)
    `);
    assert.deepEqual(reachingLines(flow, 'value'), [1, 3]);
    assert.deepEqual(reachingLines(flow, 'cache'), [5, 7]);
    dispose();
  });

  it('follows loops: a binding later in the body reaches the next iteration', async () => {
    const { flow, dispose } = await flowOf(py`
      prev = None
      for row in rows:
          use(prev)
          prev = row
    `);
    assert.deepEqual(reachingLines(flow, 'prev'), [1, 4]);
    dispose();
  });

  it('loops: a binding in the body that replaces the name before the read on every path stops the next iteration\'s', async () => {
    const { flow, dispose } = await flowOf(py`
      for name in names:
          frame = base.copy()
          frame["x"] = 1
          frame = load(name)
          if name:
              last = frame
          last = 0
          check(last)
    `);
    // The read on line 3 sees only line 2 (line 4 of the last iteration is replaced by line 2 first);
    // the read of last on line 8 sees line 7 only; on line 6 a conditional binding does not stop line 7's.
    assert.deepEqual(reachingLines(flow, 'frame', 0), [2]);
    assert.deepEqual(reachingLines(flow, 'last', -1), [7]);
    dispose();
  });

  it('loops: a for loop binds its target before every run of its body; after the loop, and in its else, the earlier binding may still hold', async () => {
    const { flow, dispose } = await flowOf(py`
      y = draw()
      for name, y in splits:
          score(y)
          y = y + 1
      else:
          show(y)
      report(y)
    `);
    // In the body only the loop's target (line 2): the earlier line 1 and the body's own line 4 are
    // replaced by it before the read on every run. Zero runs leave line 1 for the else and after the loop.
    assert.deepEqual(reachingLines(flow, 'y', 0), [2]);
    assert.deepEqual(reachingLines(flow, 'y', 2), [1, 2, 4]);
    assert.deepEqual(reachingLines(flow, 'y', -1), [1, 2, 4]);
    dispose();
  });

  it('a function body sees every module binding; del removes a binding', async () => {
    const { flow, dispose } = await flowOf(py`
      model = A()
      def score():
          return model.x
      model = B()
      tmp = 1
      del tmp
      print(tmp)
    `);
    assert.deepEqual(reachingLines(flow, 'model'), [1, 4]);
    assert.deepEqual(reachingLines(flow, 'tmp'), []);
    dispose();
  });

  it('runs a notebook as one program, cell after cell', async () => {
    const { flow, index, dispose } = await flowOf(['x = 1', 'x = x + 1', 'print(x)']);
    const cells = (n: number) => flow.reachingDefinitions(read(flow, 'x', n)).map((d) => index.segmentIndexOf(d.node));
    assert.deepEqual(cells(0), [0]);
    assert.deepEqual(cells(1), [1]);
    dispose();
  });

  it('lists the uses of a definition', async () => {
    const { flow, index, dispose } = await flowOf(py`
      df = load()
      df.head()
      df = other()
      df.tail()
    `);
    const [first, second] = index.moduleDefinitionsOf('df');
    assert.deepEqual(flow.usesOf(first).map((r) => r.node.startPosition.row + 1), [2]);
    assert.deepEqual(flow.usesOf(second).map((r) => r.node.startPosition.row + 1), [4]);
    dispose();
  });
});

describe('def-use layer: values', () => {
  it('knows frames by library, so pandas-only rules can stay silent on polars and Spark', async () => {
    const { flow, index, dispose } = await flowOf(py`
      import pandas as pd
      import polars as pl
      from pyspark.sql import SparkSession
      spark = SparkSession.builder.getOrCreate()
      a = pd.read_csv("a.csv").dropna()
      b = pl.read_parquet("b.parquet")
      c = spark.read.parquet("c.parquet")
      d = {"k": 1}
      e = c.toPandas()
      print(a, b, c, d, e)
    `);
    const library = (name: string) => {
      const kind = flow.kindOf(read(flow, name, -1).node);
      return kind?.kind === 'frame' ? kind.library : kind?.kind;
    };
    assert.deepEqual(['a', 'b', 'c', 'd', 'e'].map(library), ['pandas', 'polars', 'spark', undefined, 'pandas']);
    assert.equal(index.calls.length > 0, true);
    dispose();
  });

  it('knows models and predictions, through variables, unpacking and train_test_split', async () => {
    const { flow, dispose } = await flowOf(py`
      import torch.nn as nn
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.model_selection import train_test_split
      import pandas as pd
      class Net(nn.Module):
          pass
      df = pd.read_csv("d.csv")
      X_tr, X_te, y_tr, y_te = train_test_split(df, df.y)
      clf = RandomForestClassifier().fit(X_tr, y_tr)
      proba = clf.predict_proba(X_te)[:, 1]
      net = Net()
      logits = net(X_te)
      loss_fn = nn.CrossEntropyLoss()
      loss = loss_fn(logits, y_te)
      print(proba, logits, loss, X_tr)
    `);
    const kind = (name: string) => flow.kindOf(read(flow, name, -1).node);
    assert.deepEqual(kind('clf'), { kind: 'model', className: 'sklearn.ensemble.RandomForestClassifier', origin: kind('clf')!.origin });
    assert.equal(kind('proba')?.kind === 'predictions' && kind('proba')?.kind, 'predictions');
    assert.equal(kind('net')?.kind === 'model' && (kind('net') as { className: string }).className, 'local:Net');
    assert.equal(kind('logits')?.kind, 'predictions');
    assert.equal(kind('loss'), undefined, 'a loss is not a model, so its output is not a prediction');
    assert.equal(kind('X_tr')?.kind, 'frame');
    dispose();
  });

  it('is unknown when the bindings that reach a read disagree', async () => {
    const { flow, dispose } = await flowOf(py`
      import pandas as pd
      df = pd.read_csv("a.csv")
      if cond:
          df = make_frame()
      print(df)
    `);
    assert.equal(flow.kindOf(read(flow, 'df', -1).node), undefined);
    dispose();
  });
});

describe('def-use layer: paths', () => {
  it('evaluates path variables, joins and f-strings, with holes for run-time parts', async () => {
    const { flow, index, dispose } = await flowOf(py`
      import os
      from pathlib import Path
      DATA = "data"
      OUT = os.path.join(DATA, "clean.csv")
      def f(run, base):
          a = open(OUT)
          b = open(Path(DATA) / "clean.csv")
          c = open(f"{DATA}/clean.csv")
          d = open(f"{base}/preds_{run}.csv")
          e = open("{}/preds_{}.csv".format(base, run))
          g = open(base)
          h = open((Path(DATA) / "clean.csv").absolute().as_posix())
          i = open(os.path.abspath(OUT))
          j = open((Path(DATA) / "clean.csv").with_suffix(".tsv"))
    `);
    const path = (text: string) => flow.pathOf(index.calls.find((c) => c.node.text === text)!.args[0]);
    assert.deepEqual([path('open(OUT)').template, path('open(OUT)').holes], ['data/clean.csv', []]);
    assert.equal(path('open(Path(DATA) / "clean.csv")').template, 'data/clean.csv');
    assert.equal(path('open(f"{DATA}/clean.csv")').template, 'data/clean.csv');
    const d = path('open(f"{base}/preds_{run}.csv")');
    assert.deepEqual([d.template, d.holes], ['{}/preds_{}.csv', ['base', 'run']]);
    assert.ok(samePath(d, path('open("{}/preds_{}.csv".format(base, run))')));
    assert.ok(samePath(path('open(OUT)'), path('open(f"{DATA}/clean.csv")')));
    assert.ok(!samePath(d, path('open(base)')));
    assert.ok(samePath(path('open(base)'), path('open(base)')));
    // Spelled another way (absolute, as a string), a path names the same file; with another suffix it does not.
    assert.equal(path('open((Path(DATA) / "clean.csv").absolute().as_posix())').template, 'data/clean.csv');
    assert.equal(path('open(os.path.abspath(OUT))').template, 'data/clean.csv');
    assert.notEqual(path('open((Path(DATA) / "clean.csv").with_suffix(".tsv"))').template, 'data/clean.csv');
    dispose();
  });

  it('takes the Path that fastai and fastcore hand on from pathlib as pathlib\'s, and no other library\'s Path', async () => {
    const { flow, index, dispose } = await flowOf(py`
      from fastai.tabular.all import Path
      import mylib
      path = Path("../input/house-prices")
      a = open(path / "train.csv")
      b = open(mylib.Path("data") / "train.csv")
    `);
    const path = (text: string) => flow.pathOf(index.calls.find((c) => c.node.text === text)!.args[0]);
    assert.equal(path('open(path / "train.csv")').template, '../input/house-prices/train.csv');
    assert.notEqual(path('open(mylib.Path("data") / "train.csv")').template, 'data/train.csv');
    dispose();
  });

  it('keeps the literal of a path bound once, for fixes that rename the file', async () => {
    const { flow, index, dispose } = await flowOf(py`
      CKPT = "weights/best.pt"
      save(model, CKPT)
    `);
    const value = flow.pathOf(index.calls[0].args[1]);
    assert.equal(value.literal?.text, '"weights/best.pt"');
    dispose();
  });
});

describe('def-use layer: data in and out, training, lineage', () => {
  it('lists loads and saves with their files and tables', async () => {
    const { flow, dispose } = await flowOf(py`
      import numpy as np
      import pandas as pd
      df = pd.read_csv("in.csv")
      df.to_csv("out.csv", index=False)
      np.save("arr.npy", df.values)
      df.to_sql("scores", con)
      back = pd.read_sql("SELECT id, score FROM scores WHERE x > 1", con)
    `);
    assert.deepEqual(flow.io.map((io) => `${io.direction} ${io.library} ${io.holds}`), [
      'read pandas frame', 'write pandas frame', 'write numpy array', 'write pandas frame', 'read pandas frame',
    ]);
    assert.equal(flow.io[1].data?.text, 'df');
    assert.equal(flow.io[2].data?.text, 'df.values');
    assert.deepEqual(flow.tablesOf(flow.io[4]), ['scores']);
    assert.ok(flow.sameLocation(flow.io[3], flow.io[4]));
    assert.ok(!flow.sameLocation(flow.io[0], flow.io[1]));
    dispose();
  });

  it('takes the file of a handle opened in the call (np.load(open(path, "rb"))) as its path', async () => {
    const { flow, dispose } = await flowOf(py`
      import numpy as np
      np.save(open(FEATURES, "wb"), feats)
      feats = np.load(open(FEATURES, "rb"))
    `);
    const held = flow.io.filter(holdsData);
    assert.deepEqual(held.map((io) => io.path?.text), ['FEATURES', 'FEATURES']);
    assert.ok(flow.sameLocation(held[0], held[1]));
    // The handles themselves are file I/O of the one catalogue, with the direction their mode gives.
    assert.deepEqual(flow.io.filter((io) => !holdsData(io)).map((io) => `${io.direction} ${io.label}`), ['write open', 'read open']);
    dispose();
  });

  it('takes the file of a handle bound to a name (with open(...) as f, f = Path(...).open()) as its path', async () => {
    const { flow, dispose } = await flowOf(py`
      import pickle
      from pathlib import Path
      with open("clf.pkl", "wb") as out:
          pickle.dump(clf, out)
      handle = Path("clf.pkl").open("rb")
      clf = pickle.load(handle)
    `);
    const pickles = flow.io.filter((io) => io.library === 'pickle');
    assert.deepEqual(pickles.map((io) => `${io.direction} ${io.what} ${io.path?.text}`), ['write model "clf.pkl"', 'read model Path("clf.pkl")']);
    assert.ok(flow.sameLocation(pickles[0], pickles[1]));
    dispose();
  });

  it('catalogues a method that does I/O only on objects of some classes by the class its object was built from', async () => {
    const { flow, dispose } = await flowOf(py`
      from flaml import AutoML
      search = AutoML()
      search.pickle("search.pkl")
      jar = Jar()
      jar.pickle("cucumbers")
    `);
    assert.deepEqual(flow.io.map((io) => `${io.direction} ${io.library} ${io.path?.text}`), ['write flaml "search.pkl"']);
    dispose();
  });

  it('catalogues model and raw-file I/O beside data, with every argument that names the file', async () => {
    const { flow, dispose } = await flowOf(py`
      import joblib
      import datasets
      from pyspark.sql import SparkSession
      spark = SparkSession.builder.getOrCreate()
      clf = joblib.load("models/clf.joblib")
      ds = datasets.load_dataset("csv", data_files="train.csv", data_dir="raw")
      events = spark.read.parquet("lake/events")
      clf.save_pretrained("out/clf")
    `);
    assert.deepEqual(flow.io.map((io) => `${io.direction} ${io.what} ${io.library} ${io.holds ?? '-'} ${io.paths.map((p) => p.text).join(',')}`), [
      'read model joblib - "models/clf.joblib"',
      'read data datasets dataset "train.csv","raw"',
      'read data spark frame "lake/events"',
      'write model transformers - "out/clf"',
    ]);
    dispose();
  });

  it('finds training calls and the data they train on', async () => {
    const { flow, dispose } = await flowOf(py`
      import xgboost as xgb
      from sklearn.preprocessing import StandardScaler
      from sklearn.linear_model import LogisticRegression
      scaler = StandardScaler().fit(X)
      clf = LogisticRegression()
      clf.fit(X, y, sample_weight=w)
      booster = xgb.train(params, dtrain, num_boost_round=10)
    `);
    assert.deepEqual(flow.trainingCalls.map((t) => [t.model?.text, t.inputs.map((i) => i.text)]), [
      ['clf', ['X', 'y', 'w']],
      [undefined, ['dtrain']],
    ]);
    dispose();
  });

  it('follows data back through names, unpacking, writes into objects and columns', async () => {
    const { flow, index, dispose } = await flowOf(py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from sklearn.linear_model import LinearRegression
      base = LinearRegression()
      train = pd.read_csv("train.csv")
      extra = pd.read_csv("extra.csv")
      train["pred"] = base.predict(train[["a"]])
      train["b"] = extra["b"]
      X_tr, X_te, y_tr, y_te = train_test_split(train[["a", "pred"]], train["y"])
      meta = LinearRegression()
      meta.fit(X_tr, y_tr)
    `);
    const [fit] = flow.trainingCalls;
    const [features, target] = fit.inputs;
    const callsIn = (node: Node) => flow.lineage(node).calls.map((c) => c.node.text.split('(')[0]);
    // The model behind the prediction is part of where the data came from.
    assert.deepEqual(callsIn(features), ['LinearRegression', 'pd.read_csv', 'base.predict']);
    assert.deepEqual(callsIn(target), ['pd.read_csv'], 'the target column is not the prediction column');
    assert.ok(!callsIn(features).includes('extra'), 'column b is not selected');
    assert.equal(index.calls.length > 0, true);
    assert.ok(callNode(index, 'base.predict'));
    dispose();
  });

  it('in values mode, skips what only selects or summarises the data', async () => {
    const { flow, dispose } = await flowOf(py`
      import pandas as pd
      from sklearn.metrics import accuracy_score
      from sklearn.ensemble import IsolationForest
      df = pd.read_csv("d.csv")
      iso = IsolationForest()
      inliers = df[iso.fit_predict(df) == 1]
      report = pd.DataFrame({"acc": [accuracy_score(df.y, iso.predict(df))]})
      scored = df.assign(score=iso.decision_function(df))
      print(inliers, report, scored)
    `);
    const carried = (name: string) => flow.lineage(read(flow, name, -1).node, { values: true }).calls.map((c) => c.node.text.split('(')[0]);
    assert.deepEqual(carried('inliers'), ['pd.read_csv'], 'rows selected by the model carry no model output');
    assert.deepEqual(carried('report'), ['pd.DataFrame'], 'a metric summarises the predictions');
    assert.deepEqual(carried('scored'), ['pd.read_csv', 'IsolationForest', 'df.assign', 'iso.decision_function']);
    assert.ok(flow.lineage(read(flow, 'inliers', -1).node).calls.some((c) => c.method === 'fit_predict'), 'the full lineage keeps what selected them');
    dispose();
  });

  it('follows data through a file written earlier in the document and read back', async () => {
    const { flow, dispose } = await flowOf(py`
      import pandas as pd
      scores = pd.DataFrame({"p": model.predict(X)})
      scores.to_csv("scores.csv")
      back = pd.read_csv("scores.csv")
      other = pd.read_csv("other.csv")
      print(back, other)
    `);
    const calls = (name: string) => flow.lineage(read(flow, name, -1).node).calls.map((c) => c.node.text.split('(')[0]);
    assert.deepEqual(calls('back'), ['pd.DataFrame', 'model.predict', 'pd.read_csv']);
    assert.deepEqual(calls('other'), ['pd.read_csv']);
    dispose();
  });

  it('does not carry what the program wrote into a module\'s attributes into a call of another of its functions', async () => {
    const { flow, dispose } = await flowOf(py`
      import streamlit as st
      import mycache
      from helpers import store
      from sklearn.preprocessing import StandardScaler
      st.session_state.scaled = StandardScaler().fit_transform(X)
      feature = st.selectbox("feature", columns)
      mycache.table = load_table()
      again = mycache.table
      picked = mycache.pick(3)
      store.rows = load_rows()
      kept = store.snapshot()
      print(feature, again, picked, kept)
    `);
    const calls = (name: string) => flow.lineage(read(flow, name, -1).node).calls.map((c) => c.node.text.split('(')[0]);
    // A widget is handed its label and options, not the scaled table kept in the session state.
    assert.deepEqual(calls('feature'), ['st.selectbox']);
    assert.deepEqual(calls('picked'), ['mycache.pick']);
    // The attribute written is read back; an object a from-import binds may hold what was written into it.
    assert.deepEqual(calls('again'), ['load_table']);
    assert.deepEqual(calls('kept'), ['load_rows', 'store.snapshot']);
    dispose();
  });

  it('follows appends into a list', async () => {
    const { flow, dispose } = await flowOf(py`
      import pandas as pd
      frames = []
      for f in files:
          frames.append(pd.read_csv(f))
      df = pd.concat(frames)
    `);
    const concat = flow.lineage(read(flow, 'frames', -1).node).calls.map((c) => c.node.text.split('(')[0]);
    assert.deepEqual(concat, ['pd.read_csv']);
    dispose();
  });

  it('answers lineageHas as its lineage does, the size limit included, with and without a remembered question', async () => {
    // Each value built from the previous one: the split is behind every later value, but further
    // than the lineage's limit from the last ones, where the lineage (so lineageHas) misses it.
    const chain = ['x0 = split(data)', ...Array.from({ length: 4100 }, (_, i) => `x${i + 1} = grow(x${i})`), 'use(x4100)'];
    const { flow, dispose } = await flowOf(chain.join('\n'));
    const isSplit = { call: (call: { callee: Node }) => call.callee.text === 'split' };
    const asked = [1, 100, 3990, 4005, 4100].map((i) => read(flow, `x${i}`, -1).node);
    const expected = asked.map((node) => flow.lineage(node).calls.some((call) => call.callee.text === 'split'));
    assert.deepEqual(expected, [true, true, true, false, false]);
    assert.deepEqual(asked.map((node) => flow.lineageHas(node, isSplit)), expected);
    assert.deepEqual(asked.map((node) => flow.lineageHas(node, isSplit, 'split behind')), expected);
    assert.deepEqual(asked.map((node) => flow.lineageHas(node, { call: (call) => call.callee.text === 'nowhere' }, 'nowhere behind')), [false, false, false, false, false]);
    dispose();
  });

  it('separate lineage walks share one budget per document, which real code stays far below', async () => {
    // Each value built from the previous one, every one followed back on its own: the walks add
    // up quadratically, past the budget of this short text (a base and a step per two characters).
    const chain = ['x0 = split(data)', ...Array.from({ length: 400 }, (_, i) => `x${i + 1} = grow(x${i})`)];
    const code = chain.join('\n');
    const { flow, dispose } = await flowOf(code);
    const walked = Array.from({ length: 400 }, (_, i) => flow.lineage(read(flow, `x${i}`, -1).node));
    assert.ok(!walked[100].truncated && walked[100].calls.some((call) => call.callee.text === 'split'));
    assert.ok(walked[399].truncated, 'the last walks run out of the budget');
    assert.ok(!walked[399].calls.some((call) => call.callee.text === 'split'));
    dispose();
    // The same lineage asked first in a fresh document is whole.
    const fresh = await flowOf(code);
    const alone = fresh.flow.lineage(read(fresh.flow, 'x399', -1).node);
    assert.ok(!alone.truncated && alone.calls.some((call) => call.callee.text === 'split'));
    fresh.dispose();
  });

  it('a file is saved before a load when a save ends before it, not when the save holds the load', async () => {
    const { flow, dispose } = await flowOf(py`
      import pandas as pd
      pd.read_csv("state.csv").dropna().to_csv("state.csv")
      df.to_csv("out.csv")
      back = pd.read_csv("out.csv")
      again = pd.read_csv("state.csv")
    `);
    const load = (path: string, n: number) => flow.io.filter((io) => io.direction === 'read' && io.call.node.text.includes(path))[n];
    assert.equal(flow.savedBefore(load('state.csv', 0)), false);
    assert.equal(flow.savedBefore(load('out.csv', 0)), true);
    assert.equal(flow.savedBefore(load('state.csv', 1)), true);
    assert.equal(flow.savesAt(load('state.csv', 0)), flow.savesAt(load('state.csv', 1)), 'one list per location');
    dispose();
  });
});
