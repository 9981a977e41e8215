import { unusedDataSource } from '../../../server/src/detectors/mld303-unused-data-source';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

/** A load under one constant test of a name, a binding under another constant test of it in a later if. */
const EXCLUSIVE_CONSTANT_ARMS = py`
  import numpy as np
  import pandas as pd
  if cfg.level == "word":
      vectors = np.load("emb/word_vectors.npy")
  train = pd.read_csv("train.csv")
  if cfg.level == "word":
      X = encode_words(train.text)
  elif cfg.level == "char":
      vectors = np.zeros((256, 32))
      X = encode_chars(train.text)
  def prepare(mode):
      if mode == "full":
          extra = pd.read_csv("extra.csv")
      print(mode)
      if (mode == "lite"):
          extra = None
  print(X.shape)
`;

/** Unused loads beside another file under another name, the same file read in another function, and a file read back after the program wrote it. */
const UNUSED_BESIDE_OTHER_READS = py`
  import pandas as pd

  def build_graph():
      edge_table = pd.read_csv("cora/edges.csv")
      edge_frame = pd.read_csv("cora/edges_clean.csv")
      return edge_frame

  def count_edges():
      edges = pd.read_csv("cora/edges.csv")
      return len(edges)

  nodes = pd.read_csv("cora/nodes.csv")
  fetch_nodes().to_csv("cora/nodes.csv")
  node_frame = pd.read_csv("cora/nodes.csv")
  papers = pd.read_excel("cora/meta.xlsx", sheet_name="papers")
  authors = pd.read_excel("cora/meta.xlsx", sheet_name="authors")
  print(build_graph(), count_edges(), node_frame.shape, authors.shape)
`;

/** Loads replaced after the tested name changes, and under a second test of the same constant. */
const REPLACED_AFTER_TESTS = py`
  import numpy as np
  if cfg.level == "word":
      vectors = np.load("emb/word_vectors.npy")
  cfg.level = "char"
  if cfg.level == "char":
      vectors = np.zeros((256, 32))
  print(cfg.level)
  def prepare(mode):
      if mode == "full":
          extra = np.load("extra.npy")
      if mode == "full":
          extra = None
`;

/** Loads of one name under tests of one query of the machine against different constants: one per run. */
const MACHINE_ARMS = py`
  import platform
  import socket
  import numpy as np
  import pandas as pd
  if platform.system() == "Windows":
      ic50 = pd.read_csv("P:/drug/ic50.csv")
      cells = pd.read_csv("P:/drug/cells.csv")
  if platform.system() == "Darwin":
      ic50 = pd.read_csv("/Users/me/drug/ic50.csv")
      cells = pd.read_csv("/Users/me/drug/cells.csv")
  print(cells.shape)
  def expression():
      if socket.gethostname() == "lab-gpu":
          expr = np.load("/scratch/expr.npy")
      if socket.gethostname() == "laptop":
          expr = np.load("expr_small.npy")
      return 0
`;

/** Loads under a call that may answer otherwise the second time, or under the same machine answer twice: replaced. */
const REPLACED_UNDER_QUERIES = py`
  import platform
  import pandas as pd
  if input("site? ") == "a":
      visits = pd.read_csv("site_a.csv")
  if input("site? ") == "b":
      visits = pd.read_csv("site_b.csv")
  if platform.system() == "Linux":
      genes = pd.read_csv("genes_v1.csv")
  if platform.system() == "Linux":
      genes = pd.read_csv("genes_v2.csv")
  print("loaded")
`;

ruleTests(unusedDataSource, {
  valid: [
    {
      name: 'Spark queries whose rows are shown in the same statement, the shown result bound to a name never read: the data was used',
      code: 'from pyspark.sql import SparkSession\nspark1 = SparkSession.builder.getOrCreate()\nspark1.read.csv("stock.csv", header=True).createOrReplaceTempView("stock")\ncount_greater_500 = spark1.sql("SELECT COUNT(Close) FROM stock WHERE Close > 500").show()\navg_1 = spark1.sql("SELECT AVG(Open) FROM stock").show()\n',
    },
    {
      name: 'a load in the statement that does not parse, a line still being written at the end of a script: the code was not checked',
      code: 'import pandas as pd\nprices = pd.read_csv("prices.csv")\nprint(prices.tail())\nfilings = pd.read_csv("filings/index.tsv", delimiter=)\n',
    },
    {
      name: 'a notebook cell whose load is missing a comma between its arguments: that statement does not parse',
      code: [
        'import pandas as pd\nheadlines = pd.read_csv("news.csv")\nprint(headlines.shape)\n',
        'abstracts = pd.read_json("abstracts.jsonl", lines=True orient="records")\n',
      ],
    },
    {
      name: 'a load in a function body whose statement does not parse: not judged either',
      code: 'import numpy as np\n\ndef embed(texts):\n    vectors = np.load("glove.npy", mmap_mode=)\n\nprint(embed)\n',
    },
    {
      name: 'a bundled data set loaded again, the same call or in another form of the same rows (return_X_y, as_frame), into a name that is used',
      code: [
        'from sklearn.datasets import load_breast_cancer, fetch_openml\nfrom sklearn.decomposition import PCA\ncancer = load_breast_cancer()\n(X_cancer, y_cancer) = load_breast_cancer(return_X_y=True)\n',
        'cancer = load_breast_cancer()\nprint(list(cancer.feature_names))\nmnist = fetch_openml("mnist_784", as_frame=False)\ndigits = fetch_openml("mnist_784")\n',
        'PCA(2).fit(X_cancer)\nprint(digits.data.shape)\n',
      ],
    },
    {
      name: 'a bundled data set loaded again into a name that is used, in a program that also writes files of its own',
      code: [
        'import pandas as pd\nfrom sklearn.datasets import load_diabetes\nraw = load_diabetes(as_frame=True)\nX, y = load_diabetes(return_X_y=True)\n',
        'pd.DataFrame(X).to_csv("features.csv", index=False)\nsummary = pd.read_csv("summary.csv")\nprint(summary.head(), y.mean())\n',
      ],
    },
    {
      name: 'a load named among the options of a raw Colab form field: the form may write it into the code',
      code: [
        'import pandas as pd\nsts_dev = pd.read_table("sts-dev.csv")\nsts_test = pd.read_table("sts-test.csv")\n',
        'sts_data = sts_dev #@param ["sts_dev", "sts_test"] {type:"raw"}\nprint(sts_data.shape)\n',
      ],
    },
    {
      name: 'an exercise notebook whose loads are left for the reader\'s code: an answer cell asking for it, the rest of the load\'s cell, a drawing in an empty answer cell, nbgrader\'s placeholder',
      code: [
        'import numpy as np\nimport pandas as pd\nimport datasets\n',
        'X_train = np.load("embeddings/train.npy")\ny_train = np.load("embeddings/train_labels.npy")\n',
        '# YOUR CODE HERE\n',
        'imdb_test = datasets.load_dataset("imdb", split="test")\n\n# <a whole lot of your code here, split it as you see fit>\n',
        'y = np.load("y.npy")\n',
        '#  (*・ω・)ﾉ\n',
        'holdout = pd.read_csv("holdout.csv")\n',
        '# YOUR CODE HERE\nraise NotImplementedError()\n',
      ],
    },
    {
      name: 'reads of the empty path, a template cell left to fill in, directly or through a name: no file, nothing loaded',
      code: [
        'import pandas as pd\n',
        'train_data = pd.read_csv("")\n',
        'DATA_PATH = ""\ntest_df = pd.read_parquet(DATA_PATH)\n',
      ],
    },
    {
      name: 'a notebook cell that loads saved predictions below the cells that score them, with nothing binding those names before them: the scoring cells ran after it, out of order',
      code: [
        'import numpy as np\nfrom sklearn.metrics import accuracy_score\n',
        'models = [preds_svm, preds_xgb]\nprint(accuracy_score(y_test, preds_svm))\n',
        'print(f"xgb: {accuracy_score(y_test, preds_xgb):.3f}")\n',
        'preds_svm = np.load("out/svm_pred.npy")\npreds_xgb = np.load("out/xgb_pred.npy")\n',
      ],
    },
    {
      name: 'script sections that each reload their inputs: a label file loaded again before its first use is still read',
      code: py`
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        # --- trained on clip features, tested on clip features ---
        x_train = np.loadtxt("features/x_clip_train.txt")
        y_train = np.loadtxt("features/y_train.txt")
        x_test = np.loadtxt("features/x_clip_test.txt")
        y_test = np.loadtxt("features/y_test.txt")
        clf = LogisticRegression().fit(x_train, y_train)
        print(clf.score(x_test, y_test))

        # --- trained on frame features, tested on frame features ---
        x_train = np.loadtxt("features/x_frame_train.txt")
        y_train = np.loadtxt("features/y_train.txt")
        x_test = np.loadtxt("features/x_frame_test.txt")
        y_test = np.loadtxt("features/y_test.txt")
        x_val = np.loadtxt("features/x_clip_test.txt")
        x_val = np.loadtxt("features/x_clip_test.txt")
        clf = LogisticRegression().fit(x_train, y_train)
        print(clf.score(x_test, y_test), clf.score(x_val, y_test))
      `,
    },
    {
      name: 'the same caption file read again through a chain, in a later cell, spelled another way',
      code: [
        'import os\nimport pandas as pd\nDATA = "flickr8k"\ncaptions = pd.read_csv(os.path.join(DATA, "captions.txt"))\n',
        'captions = pd.read_csv(f"{DATA}/captions.txt").dropna()\nvocab = sorted(set(" ".join(captions.caption).split()))\n',
      ],
    },
    {
      name: 'a run directory given at run time: the predictions file read twice through the parameter is one file',
      code: py`
        import os
        import numpy as np

        def evaluate(run_dir, labels):
            preds = np.load(os.path.join(run_dir, "preds.npy"))
            preds = np.load(os.path.join(run_dir, "preds.npy"), mmap_mode="r")
            return (preds.argmax(1) == labels).mean()

        print(evaluate(RUN, LABELS))
      `,
    },
    {
      name: 'an edge list read into a name left unused, and read again under another name that builds the graph',
      code: py`
        import networkx as nx
        import pandas as pd

        EDGES = "citeseer/edges.csv"
        edge_table = pd.read_csv(EDGES, header=None, names=["src", "dst"])
        edge_frame = pd.read_csv(EDGES, header=None, names=["u", "v"])
        graph = nx.from_pandas_edgelist(edge_frame, "u", "v")
        print(graph.number_of_nodes())
      `,
    },
    {
      name: 'in a function, the used load of the node features comes first and a second, unused read of them follows',
      code: py`
        import os
        import numpy as np

        def load_split(root):
            feats = np.load(os.path.join(root, "node_feats.npy"))
            labels = np.load(os.path.join(root, "labels.npy"))
            raw_feats = np.load(os.path.join(root, "node_feats.npy"), mmap_mode="r")
            return feats, labels

        print(load_split("ogbn-arxiv"))
      `,
    },
    {
      name: 'a notebook: the adjacency matrix loaded in one cell into a name used below, and again into another name in a later cell',
      code: [
        'import numpy as np\nadjacency = np.load("processed/adjacency.npy")\n',
        'print(adjacency.sum(axis=1))\n',
        'adj_raw = np.load("processed/adjacency.npy")\n',
      ],
    },
    {
      name: 'a header read off an open file only to move past it: the next read of the handle starts after it',
      code: py`
        import numpy as np

        def load_conv_weights(net, weights_file):
            handle = open(weights_file, "rb")
            # major, minor, revision, images seen: skipped, the floats after them are the weights
            skipped = np.fromfile(handle, dtype=np.int32, count=5)
            flat = np.fromfile(handle, dtype=np.float32)
            handle.close()
            net.assign(flat)

        load_conv_weights(model, "yolo.weights")
      `,
    },
    {
      name: 'arrays saved one after another into one file: reading the first is how the second is reached',
      code: py`
        import numpy as np
        with open("features_and_labels.npy", "rb") as stream:
            feature_names = np.load(stream)
            features = np.load(stream)
            labels = np.load(stream)
        clf.fit(features, labels)
      `,
    },
    {
      name: 'a fixed-size preamble skipped before the rest is read by the handle itself',
      code: py`
        import numpy as np
        from sklearn.cluster import KMeans

        def read_embeddings(path):
            with open(path, "rb") as src:
                dims = np.fromfile(src, dtype=np.int64, count=2)
                payload = src.read()
            return np.frombuffer(payload, dtype=np.float32).reshape(-1, 128)

        KMeans(8).fit(read_embeddings("vectors.bin"))
      `,
    },
    {
      name: 'a load timed between two clock reads is a measurement: how long it takes is what the code reports',
      code: [
        'import time\nimport pandas as pd\n',
        [
          '# how long does each library take to read the file?',
          'start = time.time()',
          'frame = pd.read_csv("games.csv")',
          'stop = time.time()',
          'print("pandas: {:.2f}s".format(stop - start))',
          '',
          'import polars as pl',
          'start = time.perf_counter()',
          'frame = pl.read_csv("games.csv")',
          'print(f"polars: {time.perf_counter() - start:.2f}s")',
        ].join('\n') + '\n',
        'frame = pd.DataFrame({"a": [1, 2]})\nframe.shape\n',
      ],
    },
    {
      name: 'a timed load inside a benchmark function, clock from timeit',
      code: py`
        from timeit import default_timer as timer
        import numpy as np
        def bench(path):
            t0 = timer()
            arr = np.load(path)
            elapsed = timer() - t0
            return elapsed
        print(bench("big.npy"))
      `,
    },
    {
      name: 'a load in a try that handles the failure is a probe: does the file read with this encoding?',
      code: py`
        import pandas as pd
        def check_saved(names):
            for name in names:
                try:
                    frame = pd.read_csv("../working/" + name)
                except UnicodeDecodeError:
                    raise AssertionError("the file was saved with the wrong encoding")
      `,
    },
    {
      name: 'a loop that says which file it is at and reads it, keeping nothing, checks that each file parses',
      code: py`
        import pandas as pd
        def reread_failures(failed):
            for entry in failed[1:]:
                print(entry[0])
                path = "good_data/" + entry[0]
                frame = pd.read_csv(path, sep=";", encoding="utf-8")
      `,
    },
    {
      name: 'a parse check with a log line per file, reading the loop name itself',
      code: py`
        import logging
        import pandas as pd
        logger = logging.getLogger(__name__)
        def check_shards(shards):
            for shard in shards:
                logger.info("reading %s", shard)
                table = pd.read_parquet(shard, engine="pyarrow")
      `,
    },
    {
      name: 'a parse check whose path, joined from the loop name, is printed before the read',
      code: py`
        import os
        import numpy as np
        def check_features(folder, names):
            for fname in names:
                full = os.path.join(folder, fname)
                print("checking", full)
                arr = np.load(full)
      `,
    },
    {
      name: 'a notebook cell showing that a read fails, whose name is bound again later',
      code: [
        'import pandas as pd\ntry:\n    items = pd.read_json("items.json")\nexcept ValueError as error:\n    print("ValueError:", error)\n',
        'with open("items.json") as f:\n    items = pd.read_json("[" + ",".join(f) + "]")\nitems.shape\n',
      ],
    },
    {
      name: 'a conversion step: the chain reads, prepares and writes the frame out through a function given to pipe; the name holds only what the write returns',
      code: py`
        import pandas as pd
        from sklearn.utils import shuffle
        from config import RAW_DIR, PREPARED_DIR, SEED

        def as_categories(frame):
            for column in frame.select_dtypes("object"):
                frame[column] = frame[column].astype("category")
            return frame

        def main():
            prepared = (
                pd.read_csv(RAW_DIR / "rentals.csv")
                .pipe(shuffle, random_state=SEED)
                .pipe(as_categories)
                .pipe(lambda rentals: rentals.to_parquet(PREPARED_DIR / "rentals.parquet"))
            )

        if __name__ == "__main__":
            main()
      `,
    },
    {
      name: 'a conversion step: the chain ends in the writer',
      code: py`
        import pandas as pd

        def csv_to_feather(source, target):
            written = pd.read_csv(source, parse_dates=["datetime"]).drop_duplicates().reset_index(drop=True).to_feather(target)

        csv_to_feather("data/train.csv", "data/train.feather")
      `,
    },
    {
      name: 'a chained assignment whose other name is used: the load feeds that name',
      code: py`
        import pandas as pd
        raw = frame = pd.read_csv("data.csv")
        print(frame.shape)
        original = features = pd.read_parquet("f.parquet").dropna()
        print(original.columns)
      `,
    },
    {
      name: 'a file the program wrote and reads back: a round trip, not outside data',
      code: py`
        import pandas as pd
        import numpy as np
        scores = pd.DataFrame({"a": [1, 2]})
        scores.to_csv("out/scores.csv", index=False)
        check = pd.read_csv("out/scores.csv")
        np.save("cache/emb.npy", np.zeros(3))
        emb_again = np.load("cache/emb.npy")
      `,
    },
    {
      name: 'a read-back through the very path a save wrote, known only at run time: a round trip',
      code: py`
        import os
        import numpy as np
        import pandas as pd

        def store_windows(windows, out_dir, subject):
            target = os.path.join(out_dir, subject + ".npz")
            np.savez(target, windows=windows)
            restored = np.load(target)["windows"]

        def cache_features(frame, path):
            frame.to_parquet(path)
            check = pd.read_parquet(path)

        def dump_scores(scores, run_dir, tag):
            dest = os.path.join(run_dir, f"{tag}-scores.csv")
            scores.to_csv(dest, index=False)
            written = pd.read_csv(dest)
      `,
    },
    {
      name: 'a read-back of files written under a run-time name, listed in a data_files mapping',
      code: [
        'from datasets import load_dataset\nparts = load_dataset("imdb")\nfor split, part in parts.items():\n    part.to_json(f"reviews-{split}.jsonl")\n',
        'files = {"train": "reviews-train.jsonl", "test": "reviews-test.jsonl"}\nreloaded = load_dataset("json", data_files=files)\n',
      ],
    },
    {
      name: 'used later, in an f-string, through a write into it, and in a loop',
      code: py`
        import pandas as pd
        train = pd.read_csv("train.csv")
        print(f"{len(train)} rows")
        meta = pd.read_json("meta.json")
        meta["seen"] = True
        prev = None
        for path in paths:
            if prev is not None:
                compare(prev)
            prev = pd.read_parquet(path)
      `,
    },
    {
      name: 'a module-level dataset used only inside a function',
      code: py`
        import numpy as np
        EMBEDDINGS = np.load("emb.npy")
        def lookup(i):
            return EMBEDDINGS[i]
        print(lookup(3))
      `,
    },
    {
      name: 'assigned to _ on purpose (warming a cache, checking a file reads)',
      code: py`
        from datasets import load_dataset
        _ = load_dataset("imdb")
        print("cached")
      `,
    },
    {
      name: 'a module that only defines things exports its module-level data',
      code: py`
        import pandas as pd
        LOOKUP = pd.read_csv("lookup.csv")
        def enrich(df):
            return df
      `,
    },
    {
      name: 'names used by SQL strings, query strings and magics',
      code: [
        'import duckdb\nimport pandas as pd\nsales = pd.read_csv("sales.csv")\nlimits = pd.read_csv("limits.csv")\nregions = pd.read_csv("regions.csv")\n',
        'top = duckdb.sql("SELECT * FROM sales ORDER BY amount").df()\nbig = top.query("amount > @limits")\n%store regions\n',
      ],
    },
    {
      name: 'a notebook converted to a script: the use is in the code string IPython runs',
      code: py`
        import pandas as pd
        test = pd.read_csv("test.csv")
        get_ipython().run_cell_magic("time", "", "x_test = encode(test.text.values)\\n")
      `,
    },
    {
      name: 'unpacking with one name used; a load in another notebook cell used below',
      code: [
        'from sklearn.datasets import load_iris\nX, y = load_iris(return_X_y=True)\nprint(X.shape)\n',
        'import pandas as pd\ndf = pd.read_csv("a.csv")\n',
        'df.describe()\n',
      ],
    },
    {
      name: 'a download step: the data set is built to fetch its files, and the folder is uploaded next',
      code: py`
        import torchvision
        import sagemaker
        session = sagemaker.Session()
        trainset = torchvision.datasets.CIFAR10("data", download=True, transform=transform)
        print("Uploading data...")
        inputs = session.upload_data(path="data", bucket=bucket, key_prefix="cifar10")
      `,
    },
    {
      name: 'a download step in a notebook: the files under the root are split by hand in a later cell',
      code: [
        'import pathlib\nimport torchvision.datasets as datasets\ndata_dir = pathlib.Path("../data")\n',
        'train_data = datasets.Food101(root=data_dir, split="train", download=True)\ntest_data = datasets.Food101(root=data_dir, split="test", download=True)\nclasses = train_data.classes\n',
        'images = data_dir / "food-101" / "images"\nsubset = sorted(images.glob("pizza/*.jpg"))[:100]\n',
      ],
    },
    {
      name: 'not a data load: json config, pickled models, images',
      code: py`
        import json, joblib
        cfg = json.load(open("cfg.json"))
        model = joblib.load("model.pkl")
        print("ok")
      `,
    },
    {
      name: 'an exercise notebook whose features and target are left blank after the load (`X = `, `y = `): the blanks are where the data would be read',
      code: [
        'from sklearn.datasets import load_wine\nfrom sklearn.linear_model import LogisticRegression\n\n# Load the wine dataset\nwine_data = load_wine()\n\n# TODO: set the features and the target\nX = \ny = \n\nclf = LogisticRegression(max_iter=500).fit(X, y)\n',
      ],
    },
    {
      name: 'a script whose one blank, with a comment after its `=`, is followed by a call on the next line',
      code: 'import pandas as pd\nreviews = pd.read_csv("reviews.csv")\nprint("loaded")\ntexts =    # your code here\nprint(len(texts))\n',
    },
    {
      name: 'a notebook that loads in one cell and leaves the split blank in a later cell',
      code: [
        'import numpy as np\nsignals = np.load("ecg_signals.npy")\n',
        '# Exercise: keep the first 800 rows for training\ntrain_signals =\ntest_signals =\n\nprint(train_signals.shape, test_signals.shape)\n',
      ],
    },
  ],
  invalid: [
    {
      name: 'a blank assignment only above the load leaves the unused load reported',
      code: 'import pandas as pd\nlabels =\nprint("fill in the labels first")\ntrain = pd.read_csv("train.csv")\nprint("ready")\n',
      findings: [{ line: 4, message: /^`train` is loaded from "train\.csv" by `pd\.read_csv` but never used/ }],
      output: 'import pandas as pd\nlabels =\nprint("fill in the labels first")\nprint("ready")\n',
    },
    {
      name: 'values carried to the next line by a backslash or an open bracket are no blanks: the unused load is still reported',
      code: 'import pandas as pd\nholdout = pd.read_csv("holdout.csv")\ntotal = \\\n    3 + 4\ncols = [\n    "age", "income"]\nprint(total, cols)\n',
      findings: [{ line: 2, message: /^`holdout` is loaded from "holdout\.csv" by `pd\.read_csv` but never used/ }],
      output: 'import pandas as pd\ntotal = \\\n    3 + 4\ncols = [\n    "age", "income"]\nprint(total, cols)\n',
    },
    {
      name: 'a Spark query bound before its rows are shown, the name never read again, is still an unused load',
      code: 'from pyspark.sql import SparkSession\nspark1 = SparkSession.builder.getOrCreate()\nresult = spark1.sql("SELECT COUNT(Close) FROM stock WHERE Close > 500")\nprint("done")\n',
      findings: [{ line: 3, message: /^`result` is loaded by `spark1\.sql` but never used/ }],
      output: 'from pyspark.sql import SparkSession\nspark1 = SparkSession.builder.getOrCreate()\nprint("done")\n',
    },
    {
      name: 'a complete unused load in a script whose other statement does not parse is still reported',
      code: 'import pandas as pd\nclauses = pd.read_csv("clauses.csv")\nlabels = pd.read_csv("labels.csv")\nprint(clauses.head(n=))\n',
      findings: [{ line: 3, message: /^`labels` is loaded from "labels\.csv" by `pd\.read_csv` but never used/ }],
      output: 'import pandas as pd\nclauses = pd.read_csv("clauses.csv")\nprint(clauses.head(n=))\n',
    },
    {
      name: 'a complete unused load in a notebook cell beside a cell that does not parse is still reported',
      code: [
        'import pandas as pd\ncorpus = pd.read_parquet("rulings.parquet")\nextra = pd.read_parquet("extra.parquet")\n',
        'print(corpus.verdict.value_counts(normalize=)\n',
      ],
      findings: [{ cell: 0, line: 3, message: /^`extra` is loaded from "extra\.parquet" by `pd\.read_parquet` but never used/ }],
      output: [
        'import pandas as pd\ncorpus = pd.read_parquet("rulings.parquet")\n',
        'print(corpus.verdict.value_counts(normalize=)\n',
      ],
    },
    {
      name: 'a path with a part besides an empty folder names a file, and its unused load is still reported',
      code: 'import pandas as pd\nDATA_DIR = ""\ntrain = pd.read_csv(DATA_DIR + "/train.csv")\nprint("ready")\n',
      findings: [{ line: 3, message: /^`train` is loaded from .* by `pd\.read_csv` but never used/ }],
      output: 'import pandas as pd\nDATA_DIR = ""\nprint("ready")\n',
    },
    {
      name: 'a load below a cell that binds the name itself before reading it is still unused (a function above that reads the other name when called uses that load)',
      code: [
        'import numpy as np\nfrom sklearn.metrics import accuracy_score\n',
        'preds_svm = svm.predict(X_test)\nprint(accuracy_score(y_test, preds_svm))\ndef report():\n    return accuracy_score(y_test, preds_xgb)\n',
        'preds_svm = np.load("out/svm_pred.npy")\npreds_xgb = np.load("out/xgb_pred.npy")\n',
      ],
      findings: [
        { cell: 2, line: 1, message: /^`preds_svm` is loaded from "out\/svm_pred\.npy" by `np\.load` but never used/ },
      ],
      output: [
        'import numpy as np\nfrom sklearn.metrics import accuracy_score\n',
        'preds_svm = svm.predict(X_test)\nprint(accuracy_score(y_test, preds_svm))\ndef report():\n    return accuracy_score(y_test, preds_xgb)\n',
        'preds_xgb = np.load("out/xgb_pred.npy")\n',
      ],
    },
    {
      name: 'a header read off a handle that is then only closed, or rewound before the next read, is still an unused load',
      code: py`
        import numpy as np

        def load_flat(path, other):
            fp = open(path, "rb")
            header = np.fromfile(fp, dtype=np.int32, count=5)
            fp.close()
            return np.fromfile(other, dtype=np.float32)

        def load_again(path):
            fp = open(path, "rb")
            header = np.fromfile(fp, dtype=np.int32, count=5)
            fp.seek(0)
            return np.fromfile(fp, dtype=np.float32)

        model.assign(load_flat("a.weights", "b.weights"), load_again("c.weights"))
      `,
      findings: [
        { line: 5, message: /^`header` is loaded from `path` by `np.fromfile` but never used$/ },
        { line: 11, message: /^`header` is loaded from `path` by `np.fromfile` but never used$/ },
      ],
      output: py`
        import numpy as np

        def load_flat(path, other):
            fp = open(path, "rb")
            fp.close()
            return np.fromfile(other, dtype=np.float32)

        def load_again(path):
            fp = open(path, "rb")
            header = np.fromfile(fp, dtype=np.int32, count=5)
            fp.seek(0)
            return np.fromfile(fp, dtype=np.float32)

        model.assign(load_flat("a.weights", "b.weights"), load_again("c.weights"))
      `,
    },
    {
      name: 'a clock read only before the load (a start time logged) does not time it: the unused load is reported',
      code: py`
        import time
        import pandas as pd
        started = time.time()
        print("run started at", started)
        extra = pd.read_csv("extra.csv")
        main = pd.read_csv("main.csv")
        print(main.shape)
      `,
      findings: [{ line: 5, message: /^`extra` is loaded from "extra.csv"/ }],
      output: py`
        import time
        import pandas as pd
        started = time.time()
        print("run started at", started)
        main = pd.read_csv("main.csv")
        print(main.shape)
      `,
    },
    {
      name: 'clock reads in another block (a loop body) do not time a load outside it',
      code: py`
        import time
        import pandas as pd
        print("loading")
        for step in range(3):
            t = time.time()
        extra = pd.read_csv("extra.csv")
        for step in range(3):
            t = time.time()
      `,
      findings: [{ line: 6, message: /^`extra` is loaded from "extra.csv"/ }],
      output: py`
        import time
        import pandas as pd
        print("loading")
        for step in range(3):
            t = time.time()
        for step in range(3):
            t = time.time()
      `,
    },
    {
      name: 'a try without a handler (try/finally) is no probe: the unused load is reported',
      code: py`
        import pandas as pd
        print("loading")
        try:
            extra = pd.read_parquet("extra.parquet")
        finally:
            print("done")
      `,
      findings: [{ line: 4, message: /^`extra` is loaded from "extra.parquet"/ }],
      output: py`
        import pandas as pd
        print("loading")
        try:
            pass
        finally:
            print("done")
      `,
    },
    {
      name: 'the handler\'s own load is not in the try body: unused there, it is reported',
      code: py`
        import pandas as pd
        print("loading")
        try:
            rows = pd.read_csv("rows.csv")
            print(rows.shape)
        except FileNotFoundError:
            backup = pd.read_csv("backup.csv")
      `,
      findings: [{ line: 7, message: /^`backup` is loaded from "backup.csv"/ }],
      output: py`
        import pandas as pd
        print("loading")
        try:
            rows = pd.read_csv("rows.csv")
            print(rows.shape)
        except FileNotFoundError:
            pass
      `,
    },
    {
      name: 'a chained assignment is one load: reported once, naming every name, when none is used',
      code: py`
        import pandas as pd
        raw = frame = pd.read_csv("data.csv")
        print("done")
      `,
      findings: [{ line: 2, column: 1, message: /^`raw`, `frame` are loaded from "data.csv" by `pd.read_csv` but never used$/ }],
      noFix: true,
    },
    {
      name: 'a file written only after the read is outside data at the time of the read',
      code: py`
        import pandas as pd
        old = pd.read_csv("scores.csv")
        pd.DataFrame({"a": [1]}).to_csv("scores.csv")
      `,
      findings: [{ line: 2, column: 1, message: /^`old` is loaded from "scores.csv"/ }],
      output: py`
        import pandas as pd
        pd.DataFrame({"a": [1]}).to_csv("scores.csv")
      `,
    },
    {
      name: 'a written file of another name does not hide an unused read',
      code: py`
        import pandas as pd
        pd.DataFrame({"a": [1]}).to_csv(f"scores-{1}.csv")
        other = pd.read_csv("labels.csv")
      `,
      findings: [{ line: 3, column: 1, message: /^`other` is loaded from "labels.csv"/ }],
      output: py`
        import pandas as pd
        pd.DataFrame({"a": [1]}).to_csv(f"scores-{1}.csv")
      `,
    },
    {
      name: 'a run-time path read before the save that writes it is still outside data at the time of the read',
      code: py`
        import pandas as pd
        def refresh(scores, path):
            previous = pd.read_csv(path)
            scores.to_csv(path)
      `,
      findings: [{ line: 3, column: 5, message: /^`previous` is loaded from `path`/ }],
      output: py`
        import pandas as pd
        def refresh(scores, path):
            scores.to_csv(path)
      `,
    },
    {
      name: 'a save under one run-time path does not hide an unused read of another',
      code: py`
        import pandas as pd
        def merge(scores, target, source):
            scores.to_csv(target)
            stale = pd.read_csv(source)
      `,
      findings: [{ line: 4, column: 5, message: /^`stale` is loaded from `source`/ }],
      output: py`
        import pandas as pd
        def merge(scores, target, source):
            scores.to_csv(target)
      `,
    },
    {
      name: 'a name bound again to another file between the save and the read is still outside data',
      code: py`
        import pandas as pd
        def rebuild(scores, run_dir, tag):
            out = f"{run_dir}/{tag}"
            scores.to_csv(out)
            out = f"{run_dir}/raw/{tag}"
            raw = pd.read_csv(out)
      `,
      findings: [{ line: 6, column: 5, message: /^`raw` is loaded from `out`/ }],
      output: py`
        import pandas as pd
        def rebuild(scores, run_dir, tag):
            out = f"{run_dir}/{tag}"
            scores.to_csv(out)
            out = f"{run_dir}/raw/{tag}"
      `,
    },
    {
      name: 'a test split downloaded and never used, its root named only by the loads and before them',
      code: py`
        import os
        import torchvision
        DATA = "data/cifar"
        os.makedirs(DATA, exist_ok=True)
        train_set = torchvision.datasets.CIFAR10(root=DATA, train=True, download=True, transform=t)
        test_set = torchvision.datasets.CIFAR10(root=DATA, train=False, download=True, transform=t)
        loader = DataLoader(train_set, batch_size=64)
      `,
      findings: [{ line: 6, column: 1, message: /^`test_set` is loaded from "data\/cifar" by `torchvision\.datasets\.CIFAR10` but never used$/ }],
      output: py`
        import os
        import torchvision
        DATA = "data/cifar"
        os.makedirs(DATA, exist_ok=True)
        train_set = torchvision.datasets.CIFAR10(root=DATA, train=True, download=True, transform=t)
        loader = DataLoader(train_set, batch_size=64)
      `,
    },
    {
      name: 'a test set loaded and never used: the load is removed',
      code: py`
        import pandas as pd
        train = pd.read_csv("data/train.csv")
        test = pd.read_csv("data/test.csv")
        model.fit(train.drop(columns="y"), train.y)
      `,
      findings: [{ line: 3, column: 1, message: /^`test` is loaded from "data\/test.csv" by `pd.read_csv` but never used$/ }],
      safety: 'unsafe',
      output: py`
        import pandas as pd
        train = pd.read_csv("data/train.csv")
        model.fit(train.drop(columns="y"), train.y)
      `,
    },
    {
      name: 'a load replaced before any use, linked to the binding that replaces it',
      code: py`
        import os
        import numpy as np
        X = np.load(os.path.join("cache", "X_v1.npy"))
        X = np.load(os.path.join("cache", "X_v2.npy"))
        print(X.mean())
      `,
      findings: [{ line: 3, message: /`X` is loaded from "cache\/X_v1.npy" by `np.load` but never used: it is replaced in line 4 before any use/, related: 1 }],
      output: py`
        import os
        import numpy as np
        X = np.load(os.path.join("cache", "X_v2.npy"))
        print(X.mean())
      `,
    },
    {
      name: 'a binding under a test of the same name against another constant, in a later if, never runs after the load: no replacement to name',
      code: EXCLUSIVE_CONSTANT_ARMS,
      findings: [
        { line: 4, message: /^`vectors` is loaded from "emb\/word_vectors\.npy" by `np\.load` but never used$/ },
        { line: 13, message: /^`extra` is loaded from "extra\.csv" by `pd\.read_csv` but never used$/ },
      ],
      output: EXCLUSIVE_CONSTANT_ARMS.replace('vectors = np.load("emb/word_vectors.npy")', 'pass'),
    },
    {
      name: 'a binding after the tested name changes, or under a test of the same constant, still replaces the load',
      code: REPLACED_AFTER_TESTS,
      findings: [
        { line: 3, message: /^`vectors` is loaded from "emb\/word_vectors\.npy" by `np\.load` but never used: it is replaced in line 6 before any use$/, related: 1 },
        { line: 10, message: /^`extra` is loaded from "extra\.npy" by `np\.load` but never used: it is replaced in line 12 before any use$/, related: 1 },
      ],
      output: REPLACED_AFTER_TESTS.replace('vectors = np.load("emb/word_vectors.npy")', 'pass'),
    },
    {
      name: 'one name loaded under tests of one query of the machine (`platform.system()`, `socket.gethostname()`) against different constants, never used: one run takes one arm, one finding',
      code: MACHINE_ARMS,
      findings: [
        { line: 6, message: /^`ic50` is loaded from "P:\/drug\/ic50\.csv" by `pd\.read_csv` but never used \(nor in the other branch that loads it, linked\)$/, related: 1 },
        { line: 14, message: /^`expr` is loaded from "\/scratch\/expr\.npy" by `np\.load` but never used \(nor in the other branch that loads it, linked\)$/, related: 1 },
      ],
      output: MACHINE_ARMS.replace('    ic50 = pd.read_csv("P:/drug/ic50.csv")\n', '').replace('    ic50 = pd.read_csv("/Users/me/drug/ic50.csv")\n', ''),
    },
    {
      name: 'a load under `input() == ...` (which may answer otherwise the second time), or under the same answer of the machine twice, is still replaced',
      code: REPLACED_UNDER_QUERIES,
      findings: [
        { line: 4, message: /^`visits` is loaded from "site_a\.csv" by `pd\.read_csv` but never used: it is replaced in line 6 before any use$/, related: 1 },
        { line: 6, message: /^`visits` is loaded from "site_b\.csv" by `pd\.read_csv` but never used$/ },
        { line: 8, message: /^`genes` is loaded from "genes_v1\.csv" by `pd\.read_csv` but never used: it is replaced in line 10 before any use$/, related: 1 },
        { line: 10, message: /^`genes` is loaded from "genes_v2\.csv" by `pd\.read_csv` but never used$/ },
      ],
      output: REPLACED_UNDER_QUERIES.replace('    visits = pd.read_csv("site_a.csv")', '    pass'),
    },
    {
      name: 'a reload of another file, or of the file after the program rewrote it, still leaves the first read unused',
      code: py`
        import pandas as pd
        import numpy as np
        labels = np.loadtxt("features/y_train_avg.txt")
        labels = np.loadtxt("features/y_train_max.txt")
        frames = pd.read_csv("frames.csv")
        extract_frames("videos/").to_csv("frames.csv")
        frames = pd.read_csv("frames.csv")
        print(labels.shape, frames.shape)
      `,
      findings: [
        { line: 3, message: /^`labels` is loaded from "features\/y_train_avg\.txt" by `np\.loadtxt` but never used: it is replaced in line 4 before any use$/, related: 1 },
        { line: 5, message: /^`frames` is loaded from "frames\.csv" by `pd\.read_csv` but never used: it is replaced in line 7 before any use$/, related: 1 },
      ],
      fixIndex: 1,
      output: py`
        import pandas as pd
        import numpy as np
        labels = np.loadtxt("features/y_train_avg.txt")
        labels = np.loadtxt("features/y_train_max.txt")
        extract_frames("videos/").to_csv("frames.csv")
        frames = pd.read_csv("frames.csv")
        print(labels.shape, frames.shape)
      `,
    },
    {
      name: 'another file under another name, the same file used only in another function, or read back after the program wrote it: still unused',
      code: UNUSED_BESIDE_OTHER_READS,
      findings: [
        { line: 4, message: /^`edge_table` is loaded from "cora\/edges\.csv" by `pd\.read_csv` but never used$/ },
        { line: 12, message: /^`nodes` is loaded from "cora\/nodes\.csv" by `pd\.read_csv` but never used$/ },
        { line: 15, message: /^`papers` is loaded from "cora\/meta\.xlsx" by `pd\.read_excel` but never used$/ },
      ],
      fixIndex: 0,
      output: UNUSED_BESIDE_OTHER_READS.replace('    edge_table = pd.read_csv("cora/edges.csv")\n', ''),
    },
    {
      name: 'a file loaded twice into one name and never used: one unused dependency, at the last load, the earlier linked; the fix removes both',
      code: py`
        import pandas as pd
        def main():
            annotations = pd.read_json("annotations/captions_train2014.json")
            annotations = pd.read_json("annotations/captions_train2014.json")
            print("done")
        main()
      `,
      findings: [
        { line: 4, message: /^`annotations` is loaded from "annotations\/captions_train2014\.json" by `pd\.read_json` but never used \(nor is the earlier load of the same file it replaces, linked\)$/, related: 1 },
      ],
      output: py`
        import pandas as pd
        def main():
            print("done")
        main()
      `,
    },
    {
      name: 'notebook cells that reload their inputs, none used: one finding per name at the last load; a load of another file in between stays its own',
      code: [
        'import pandas as pd\nprn_df = pd.read_csv("prn_df.csv")\nroc_df = pd.read_csv("roc_df.csv")\n',
        'print(roc_df.shape)\n',
        'prn_df = pd.read_csv("prn_df.csv")\nroc_df = pd.read_csv("roc_df.csv")\nprint(roc_df.mean())\n',
        'prn_df = pd.read_csv("prn_df.csv")\nhold = pd.read_csv("hold_v1.csv")\nhold = pd.read_csv("hold_v2.csv")\n',
      ],
      findings: [
        { cell: 3, line: 1, message: /^`prn_df` is loaded from "prn_df\.csv" by `pd\.read_csv` but never used \(nor are the 2 earlier loads of the same file it replaces, linked\)$/, related: 2 },
        { cell: 3, line: 2, message: /^`hold` is loaded from "hold_v1\.csv" by `pd\.read_csv` but never used: it is replaced in cell 4 before any use$/, related: 1 },
        { cell: 3, line: 3, message: /^`hold` is loaded from "hold_v2\.csv" by `pd\.read_csv` but never used$/ },
      ],
      output: [
        'import pandas as pd\nroc_df = pd.read_csv("roc_df.csv")\n',
        'print(roc_df.shape)\n',
        'roc_df = pd.read_csv("roc_df.csv")\nprint(roc_df.mean())\n',
        'hold = pd.read_csv("hold_v1.csv")\nhold = pd.read_csv("hold_v2.csv")\n',
      ],
    },
    {
      name: 'a load in one arm of an if is not replaced by the load in the other arm; a binding after the if replaces both; one unused name loaded in both arms is one finding',
      code: [
        'import pandas as pd\nif QUICK_RUN:\n    reference = pd.read_csv("reference_sample.csv")\nelse:\n    reference = pd.read_csv("reference_full.csv")\n',
        'if QUICK_RUN:\n    queries = pd.read_csv("queries_sample.csv")\nelse:\n    queries = pd.read_csv("queries_full.csv")\nqueries = pd.read_parquet("queries_clean.parquet")\nprint(queries.shape)\n',
      ],
      findings: [
        { cell: 0, line: 3, message: /`reference` is loaded from "reference_sample\.csv" by `pd\.read_csv` but never used \(nor in the other branch of the `if` that loads it, linked\)$/, related: 1 },
        { cell: 1, line: 2, message: /`queries` is loaded from "queries_sample\.csv" by `pd\.read_csv` but never used: it is replaced in cell 2 before any use \(nor in the other branch of the `if` that loads it, linked\)$/, related: 2 },
      ],
      fixIndex: 0,
      output: [
        'import pandas as pd\nif QUICK_RUN:\n    pass\nelse:\n    pass\n',
        'if QUICK_RUN:\n    queries = pd.read_csv("queries_sample.csv")\nelse:\n    queries = pd.read_csv("queries_full.csv")\nqueries = pd.read_parquet("queries_clean.parquet")\nprint(queries.shape)\n',
      ],
    },
    {
      name: 'two names loaded in the two arms of an if, or one name loaded twice in one arm, stay apart',
      code: py`
        import pandas as pd
        for day in days:
            vector = pd.read_csv(f"vectors/{day}.csv")
            if korean:
                counts = pd.read_csv(f"counts/kr_{day}.csv")
            else:
                lengths = pd.read_csv(f"lengths/{day}.csv")
                lengths = pd.read_csv(f"lengths/{day}_v2.csv")
            table[day] = vector
        print(table)
      `,
      findings: [
        { line: 5, message: /^`counts` is loaded from .* but never used$/, related: 0 },
        { line: 7, message: /^`lengths` is loaded from .* but never used: it is replaced in line 8 before any use$/, related: 1 },
        { line: 8, message: /^`lengths` is loaded from .* but never used$/, related: 0 },
      ],
      output: py`
        import pandas as pd
        for day in days:
            vector = pd.read_csv(f"vectors/{day}.csv")
            if korean:
                pass
            else:
                lengths = pd.read_csv(f"lengths/{day}.csv")
                lengths = pd.read_csv(f"lengths/{day}_v2.csv")
            table[day] = vector
        print(table)
      `,
    },
    {
      name: 'a load deleted before any use',
      code: py`
        import pandas as pd
        orders = pd.read_csv("orders.csv")
        del orders
        print("done")
      `,
      findings: [{ line: 2, message: /`orders` is loaded from "orders.csv" by `pd.read_csv` but never used: it is deleted in line 3 before any use/, related: 1 }],
      // Removing the load alone would leave `del orders` failing on an unbound name.
      noFix: true,
    },
    {
      name: 'alone in a block: the load becomes pass',
      code: py`
        import pandas as pd
        if DEBUG:
            sample = pd.read_csv("sample.csv")
        run()
      `,
      findings: [{ line: 3, column: 5 }],
      output: py`
        import pandas as pd
        if DEBUG:
            pass
        run()
      `,
    },
    {
      name: 'a load with no answer blank below it: a heading in a comment cell, code put aside in a comment, a shell or magic line, a blank only above the load',
      code: [
        'import pandas as pd\n# YOUR CODE HERE\n',
        'extra = pd.read_csv("extra.csv")\n',
        '# Model training\n',
        '# extra.head()\n',
        '!pygmentize train.py\n',
        '%%time\n# fit later\n',
      ],
      findings: [{ cell: 1, line: 1, message: /^`extra` is loaded from "extra\.csv" by `pd\.read_csv` but never used$/ }],
      output: ['import pandas as pd\n# YOUR CODE HERE\n', '', '# Model training\n', '# extra.head()\n', '!pygmentize train.py\n', '%%time\n# fit later\n'],
    },
    {
      name: 'a form field of another type gives a string, not code: the load it names is still unused',
      code: [
        'import pandas as pd\nsts_dev = pd.read_table("sts-dev.csv")\nsts_test = pd.read_table("sts-test.csv")\n',
        'split_name = "sts_dev" #@param ["sts_dev", "sts_test"] {type:"string"}\nprint(split_name, sts_dev.shape)\n',
      ],
      findings: [{ cell: 0, line: 3, message: /^`sts_test` is loaded from "sts-test\.csv" by `pd\.read_table` but never used$/ }],
      output: ['import pandas as pd\nsts_dev = pd.read_table("sts-dev.csv")\n', 'split_name = "sts_dev" #@param ["sts_dev", "sts_test"] {type:"string"}\nprint(split_name, sts_dev.shape)\n'],
    },
    {
      name: 'bundled data sets that are not the same rows: another loader, or the same loader asked for another data set',
      code: [
        'from sklearn.datasets import load_iris, load_wine, fetch_openml\niris = load_iris()\nwine = load_wine()\nfashion = fetch_openml("Fashion-MNIST")\nmnist = fetch_openml("mnist_784")\n',
        'print(wine.data.shape, mnist.data.shape)\n',
      ],
      findings: [
        { cell: 0, line: 2, message: /^`iris` is loaded by `load_iris` but never used$/ },
        { cell: 0, line: 4, message: /^`fashion` is loaded by `fetch_openml` but never used$/ },
      ],
      output: ['from sklearn.datasets import load_iris, load_wine, fetch_openml\nwine = load_wine()\nfashion = fetch_openml("Fashion-MNIST")\nmnist = fetch_openml("mnist_784")\n', 'print(wine.data.shape, mnist.data.shape)\n'],
    },
    {
      name: 'another bundled data set left unused in a program that writes files and uses a bundled one: still reported',
      code: [
        'import pandas as pd\nfrom sklearn.datasets import load_iris, load_wine\niris = load_iris(as_frame=True)\nwine = load_wine(as_frame=True)\n',
        'wine.frame.to_csv("wine.csv", index=False)\nprices = pd.read_csv("prices.csv")\nprint(prices.shape)\n',
      ],
      findings: [{ cell: 0, line: 3, message: /^`iris` is loaded by `load_iris` but never used$/ }],
      output: ['import pandas as pd\nfrom sklearn.datasets import load_iris, load_wine\nwine = load_wine(as_frame=True)\n', 'wine.frame.to_csv("wine.csv", index=False)\nprices = pd.read_csv("prices.csv")\nprint(prices.shape)\n'],
    },
    {
      name: 'a load whose name is bound again before the answer blank below: the reader\'s code there sees only the second',
      code: ['import pandas as pd\n', 'lookup = pd.read_csv("lookup.csv")\nlookup = pd.read_csv("lookup_v2.csv")\n', '# your code here\n'],
      findings: [{ cell: 1, line: 1, message: /^`lookup` is loaded from "lookup\.csv" by `pd\.read_csv` but never used: it is replaced in cell 2 before any use$/ }],
      output: ['import pandas as pd\n', 'lookup = pd.read_csv("lookup_v2.csv")\n', '# your code here\n'],
    },
    {
      name: 'in a notebook cell of its own',
      code: [
        'import polars as pl\ntrain = pl.read_parquet("train.parquet")\n',
        'holdout = pl.read_parquet("holdout.parquet")',
        'print(train.shape)\n',
      ],
      findings: [{ cell: 1, line: 1, message: /`holdout` is loaded from "holdout.parquet"/ }],
      output: ['import polars as pl\ntrain = pl.read_parquet("train.parquet")\n', '', 'print(train.shape)\n'],
    },
    {
      name: 'a chain that hands the frame to functions but writes nothing out still leaves the load unused',
      code: py`
        import pandas as pd

        def main():
            holdout = (
                pd.read_csv("data/holdout.csv")
                .pipe(lambda frame: frame.dropna())
                .pipe(add_calendar_features)
            )
            results = pd.read_csv("data/train.csv").pipe(lambda frame: frame.to_parquet("data/train.parquet"))
            print("converted")

        main()
      `,
      findings: [{ line: 4, message: /^`holdout` is loaded from "data\/holdout\.csv" by `pd\.read_csv` but never used$/ }],
      noFix: true,
    },
    {
      name: 'no fix when the load does more than read: a chain, a call with effects, unpacking',
      code: py`
        import pandas as pd
        from tensorflow.keras.datasets import mnist
        def prepare():
            extra = pd.read_csv("extra.csv").dropna()
            raw = pd.read_csv(download_latest())
            (X_train, y_train), (X_test, y_test) = mnist.load_data()
            return 1
        prepare()
      `,
      findings: [
        { line: 4, message: /`extra` is loaded from "extra.csv"/ },
        { line: 5, message: /`raw` is loaded from `download_latest\(\)` by `pd.read_csv`/ },
        { line: 6, message: /`X_train`, `y_train`, `X_test`, `y_test` are loaded by `mnist.load_data`/ },
      ],
      noFix: true,
    },
    {
      name: 'a loop that reads each file with no notice of which it is at: the unused load is reported',
      code: py`
        import pandas as pd
        def load_all(files):
            for f in files:
                frame = pd.read_csv(f)
      `,
      findings: [{ line: 4, message: /^`frame` is loaded from `f` by `pd.read_csv` but never used/ }],
      output: py`
        import pandas as pd
        def load_all(files):
            for f in files:
                pass
      `,
    },
    {
      name: 'a loop that prints each name but reads one fixed file: no pass changes the path, so it is reported',
      code: py`
        import pandas as pd
        def load_all(files):
            for f in files:
                print(f)
                frame = pd.read_csv("prices.csv")
      `,
      findings: [{ line: 5, message: /^`frame` is loaded from "prices.csv"/ }],
      output: py`
        import pandas as pd
        def load_all(files):
            for f in files:
                print(f)
      `,
    },
    {
      name: 'a loop that also does other work with each pass is no parse check',
      code: py`
        import pandas as pd
        def count_files(files):
            count = 0
            for f in files:
                print(f)
                frame = pd.read_csv(f)
                count += 1
            return count
      `,
      findings: [{ line: 6, message: /^`frame` is loaded from `f`/ }],
      output: py`
        import pandas as pd
        def count_files(files):
            count = 0
            for f in files:
                print(f)
                count += 1
            return count
      `,
    },
    {
      name: 'a loop whose path name is read after it keeps that path: no parse check',
      code: py`
        import pandas as pd
        def last_path(files):
            for f in files:
                print(f)
                path = "raw/" + f
                raw = pd.read_csv(path)
            return path
      `,
      findings: [{ line: 6, message: /^`raw` is loaded from/ }],
      output: py`
        import pandas as pd
        def last_path(files):
            for f in files:
                print(f)
                path = "raw/" + f
            return path
      `,
    },
  ],
});
