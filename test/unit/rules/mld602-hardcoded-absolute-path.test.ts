import { strict as assert } from 'node:assert';
import { commonFolder, hardcodedAbsolutePath, machineFolder, pathConstantName } from '../../../server/src/detectors/mld602-hardcoded-absolute-path';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

/** A test that returns, and a loop that continues, where their file is missing; `constantLine` and `folder` are what the fix writes. */
const EXITS_WHEN_MISSING = (constantLine: string, folder: string) => py`
  from pathlib import Path
  import os
  import numpy as np
${constantLine}
  def test_predict_on_recorded_beats():
      data_dir = Path(${folder})
      if not (data_dir / "beats.npy").exists():
          print("skipped: no recorded beats")
          return
      beats = np.load(data_dir / "beats.npy")
      assert beats.ndim == 2

  def load_subjects(subjects):
      epochs = []
      for subject in subjects:
          path = f"/home/lab/sleep/{subject}-epo.npy"
          if not os.path.isfile(path):
              continue
          epochs.append(np.load(path))
      return epochs
`;

/** Earlier tests of the file that raise, exit or only warn where it is missing; `constantLine` and `weights` are what the first fix writes. */
const EXITS_THAT_BREAK = (constantLine: string, weights: string) => py`
  import os
  import sys
  import numpy as np
${constantLine}
  def load_model_weights():
      if not os.path.exists("/home/ana/ckpt/weights.npy"):
          raise FileNotFoundError("train first")
      return np.load(${weights})

  def load_stats():
      if not os.path.exists("/home/bo/stats/mean.npy"):
          print("warning: stats missing")
      return np.load("/home/bo/stats/mean.npy")

  def load_cache():
      if not os.path.exists("/home/cy/cache/feats.npy"):
          sys.exit(1)
      return np.load("/home/cy/cache/feats.npy")
`;

describe('MLD602 constant names', () => {
  it('names the constant after the file or folder', () => {
    assert.equal(pathConstantName('/home/ana/data/train.csv'), 'TRAIN_CSV_PATH');
    assert.equal(pathConstantName('/content/drive/MyDrive/data'), 'DATA_DIR');
    assert.equal(pathConstantName('C:\\Users\\bo\\models\\'), 'MODELS_DIR');
    assert.equal(pathConstantName('/mnt/images/*.jpg'), 'IMAGES_GLOB');
    assert.equal(pathConstantName('/mnt/2024'), 'PATH_2024_DIR');
  });
});

describe('MLD602 folders', () => {
  it('takes the machine-specific root and the part after it as the folder a path assumes', () => {
    assert.equal(machineFolder('/home/ana/projects/churn/train.csv'), '/home/ana');
    assert.equal(machineFolder('C:/Users/ana/kaggle/input/train.csv'), 'C:/Users/ana');
    assert.equal(machineFolder('c:\\users\\bo\\data.csv'), 'c:\\users\\bo');
    assert.equal(machineFolder('D:\\kaggle\\input\\train.csv'), 'D:\\kaggle');
    assert.equal(machineFolder('/content/drive/MyDrive/data/x.csv'), '/content/drive/MyDrive');
    assert.equal(machineFolder('/mnt/data'), '/mnt/data');
  });
  it('finds the longest folder paths share, in whole parts', () => {
    assert.equal(commonFolder(['/home/ana/data/a.csv', '/home/ana/data/b.csv']), '/home/ana/data');
    assert.equal(commonFolder(['/home/ana/data/run1.csv', '/home/ana/data/run10.csv']), '/home/ana/data');
    assert.equal(commonFolder(['/home/ana/data', '/home/ana/data/b.csv']), '/home/ana/data');
    assert.equal(commonFolder(['/home/ana/data/a.csv', '/home/ana/data/a.csv']), '/home/ana/data/a.csv');
    assert.equal(commonFolder(['C:\\Users\\bo\\a.csv', 'C:\\Users\\bo\\m\\b.pkl']), 'C:\\Users\\bo');
  });
});

/** Absolute paths read only where a test found them, each guard telling the person running the program when it did not (a print, a log line, a warning). */
const GUARDED_READS = py`
  import json, logging, os, warnings
  from pathlib import Path
  import pandas as pd
  log = logging.getLogger(__name__)
  def main():
      raw_file = Path("/home/omar/project/raw/questions.json")
      if not raw_file.exists():
          print(f"Error: {raw_file} not found.")
          return
      with open(raw_file) as f:
          return json.load(f)
  def load_runs(names):
      runs = []
      for name in names:
          run = f"D:/ltr/runs/{name}.tsv"
          if not os.path.isfile(run):
              log.warning("no run file for %s", name)
              continue
          runs.append(pd.read_csv(run, sep="\t"))
      return runs
  if os.path.exists("/mnt/ssd/qrels.csv"):
      qrels = pd.read_csv("/mnt/ssd/qrels.csv")
  else:
      warnings.warn("qrels missing: evaluation skipped")
      qrels = None
`;

ruleTests(hardcodedAbsolutePath, {
  valid: [
    {
      name: 'the root home in a notebook written for Colab, which runs as root: the Kaggle key written where the client looks, a cache read beside an import of google.colab',
      code: [
        'import json\nimport pandas as pd\ndf = pd.read_csv("/content/sample_data/california_housing_train.csv")\n',
        'with open("/root/.kaggle/kaggle.json", "w") as fp:\n    fp.write(json.dumps({"username": USER, "key": KEY}))\n',
      ],
    },
    {
      name: 'a cache under the root home in a notebook that mounts Drive through google.colab',
      code: ['from google.colab import drive\nimport numpy as np\n', 'emb = np.load("/root/.cache/embeddings.npy")\n'],
    },
    {
      name: 'relative paths, URLs, home-relative and /tmp paths',
      code: py`
        import pandas as pd
        train = pd.read_csv("data/train.csv")
        extra = pd.read_csv("https://example.org/extra.csv")
        cache = pd.read_parquet("~/cache/features.parquet")
        pd.DataFrame().to_csv("/tmp/scratch.csv")
      `,
    },
    {
      name: 'Kaggle and Colab platform paths are the same on every machine of the platform',
      code: py`
        import pandas as pd
        train = pd.read_csv("/kaggle/input/titanic/train.csv")
        sample = pd.read_csv("/content/sample_data/california_housing_train.csv")
      `,
    },
    {
      name: "the home of Jupyter's Docker images (/home/jovyan) is the same in every JupyterHub or Binder container",
      code: py`
        import numpy as np
        import os
        data = np.load("/home/jovyan/data/encoding/responses.npz")
        weights = np.load(os.path.join("/home/jovyan", "shared", "ridge_weights.npy"))
        np.save("/home/jovyan/work/ridge_scores.npy", scores)
      `,
    },
    {
      name: "Anyscale's storage mounts are the same on every node of every cluster",
      code: py`
        import pandas as pd
        from torchvision.datasets import MNIST
        ratings = pd.read_csv("/mnt/cluster_storage/movielens/ratings.csv")
        digits = MNIST(root="/mnt/local_storage/mnist", train=True, download=True)
        ratings.to_parquet(f"/mnt/shared_storage/{run_name}/ratings.parquet")
        ratings.to_csv("/mnt/user_storage/exports/ratings.csv")
      `,
    },
    {
      name: "a volume a Modal function declares: paths under its mount are the same in every container that runs the function",
      code: py`
        import json
        import os
        import modal
        import torch
        from pathlib import Path
        app = modal.App("bangla-train")
        volume = modal.Volume.from_name("datasets")
        @app.function(gpu="A10G", volumes={"/root/datasets": volume})
        def convert():
            base = Path("/root/datasets")
            with open(base / "best" / "config.json") as f:
                config = json.load(f)
            state = torch.load("/root/datasets/best/weights.pt", weights_only=True)
            torch.save(state, os.path.join("/root/datasets", "hf", "weights.pt"))
      `,
    },
    {
      name: 'an AWS Lambda function reads the file system mounted for it under /mnt, at cold start and in its handler',
      code: py`
        import json
        import joblib
        import pandas as pd
        model = joblib.load("/mnt/efs/models/churn.joblib")
        def predict(rows):
            return model.predict(rows)
        def lambda_handler(event, context):
            rows = pd.DataFrame(json.loads(event["body"]))
            pd.DataFrame({"p": predict(rows)}).to_csv("/mnt/models/preds.csv")
            return {"statusCode": 200}
      `,
    },
    {
      name: 'a volume mounted for every method of a Modal class, with a trailing separator',
      code: py`
        import modal
        import joblib
        app = modal.App("serve")
        @app.cls(volumes={"/mnt/weights/": modal.Volume.from_name("w")})
        class Model:
            @modal.enter()
            def load(self):
                self.clf = joblib.load("/mnt/weights/clf.joblib")
            @modal.method()
            def export(self, rows):
                rows.to_csv(f"/mnt/weights/preds/{self.run}.csv")
      `,
    },
    {
      name: 'absolute paths outside data and model I/O (sys.path, chdir, logging, comments)',
      code: py`
        import os
        import sys
        sys.path.append("/home/ana/projects/lib")
        os.chdir("/content/drive/MyDrive/project")
        print("results are in /home/ana/results")
        # df = pd.read_csv("/home/ana/data.csv")
      `,
    },
    {
      name: 'a path already named at module level',
      code: py`
        import pandas as pd
        DATA_DIR = "/mnt/data/churn"
        train = pd.read_csv(DATA_DIR + "/train.csv")
        test = pd.read_csv(f"{DATA_DIR}/test.csv")
      `,
    },
    {
      name: "an author's absolute fallback, read only when the relative config is missing, into the same name",
      code: py`
        import json

        def load_config():
            try:
                with open("config.json", "r") as f:
                    config = json.load(f)
            except FileNotFoundError:
                with open(r"C:\\Users\\ana\\thesis\\config.json", "r") as f:
                    config = json.load(f)
            return config
      `,
    },
    {
      name: 'the fallback held by local names, inside a nested try whose own handler gives up',
      code: py`
        import json

        def main():
            relative_path = "settings.json"
            fallback_path = "/home/ana/project/settings.json"
            try:
                with open(relative_path) as handle:
                    settings = json.load(handle)
            except FileNotFoundError:
                try:
                    with open(fallback_path) as handle:
                        settings = json.load(handle)
                except FileNotFoundError:
                    settings = {}
            return settings
      `,
    },
    {
      name: "the machine's copy tried first, the project's relative copy read when it is missing",
      code: py`
        import pandas as pd
        try:
            reviews = pd.read_csv("/Users/bo/datasets/reviews.csv")
        except OSError:
            reviews = pd.read_csv("data/reviews.csv")
      `,
    },
    {
      name: 'a docstring that mentions a path',
      code: py`
        import torch
        def save(model, path):
            """Save to a path such as /home/ana/models/m.pt."""
            torch.save(model.state_dict(), path)
      `,
    },
    {
      name: 'Spark: relative and /tmp paths, table names and options are not machine-specific file paths',
      code: py`
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.getOrCreate()
        events = spark.read.parquet("data/events.parquet")
        spark.read.option("header", "true").csv("/tmp/scratch.csv")
        events.write.mode("overwrite").saveAsTable("home.events")
        spark.conf.set("spark.local.dir", "/mnt/spark-scratch")
      `,
    },
    {
      name: 'a read chain on an unknown object in a file that does not import pyspark',
      code: py`
        def load(source):
            return source.read.parquet("/home/ana/in.parquet")
      `,
    },
  ],
  invalid: [
    {
      name: 'the root home in a notebook with no sign of Colab, or in a script that mentions /content: one machine\'s root account',
      code: ['import numpy as np\n', 'emb = np.load("/root/qa_datasets/emb.npy")\n'],
      findings: [{ cell: 1, line: 1, message: /^`np\.load` reads "\/root\/qa_datasets\/emb\.npy", an absolute path/ }],
      output: ['import numpy as np\n', 'EMB_NPY_PATH = "/root/qa_datasets/emb.npy"\nemb = np.load(EMB_NPY_PATH)\n'],
    },
    {
      name: 'a script that works in /content and reads under /root is not a Colab notebook',
      code: py`
        import numpy as np
        OUT = "/content/out"
        emb = np.load("/root/qa_datasets/emb.npy")
      `,
      findings: [{ line: 3, message: /^`np\.load` reads "\/root\/qa_datasets\/emb\.npy", an absolute path/ }],
      output: py`
        import numpy as np
        OUT = "/content/out"
        EMB_NPY_PATH = "/root/qa_datasets/emb.npy"
        emb = np.load(EMB_NPY_PATH)
      `,
    },
    {
      name: 'bert4keras\' own open is Python\'s open with a default encoding: the absolute path it reads is still one machine\'s',
      code: py`
        import json
        from bert4keras.snippets import open
        schemas = [json.loads(line) for line in open("/root/kg/datasets/all_50_schemas")]
      `,
      findings: [{ line: 3, message: /^`open` reads "\/root\/kg\/datasets\/all_50_schemas", an absolute path/ }],
      output: py`
        import json
        from bert4keras.snippets import open
        ALL_50_SCHEMAS_DIR = "/root/kg/datasets/all_50_schemas"
        schemas = [json.loads(line) for line in open(ALL_50_SCHEMAS_DIR)]
      `,
    },
    {
      name: "another user's home on a hub is still one machine's account, beside the Jupyter images' home",
      code: py`
        import numpy as np
        shared = np.load("/home/jovyan/data/encoding/responses.npz")
        mine = np.load("/home/jdoe/data/encoding/responses.npz")
      `,
      findings: [{ line: 3, message: /^`np\.load` reads "\/home\/jdoe\/data\/encoding\/responses\.npz", an absolute path/ }],
      output: py`
        import numpy as np
        shared = np.load("/home/jovyan/data/encoding/responses.npz")
        RESPONSES_NPZ_PATH = "/home/jdoe/data/encoding/responses.npz"
        mine = np.load(RESPONSES_NPZ_PATH)
      `,
    },
    {
      name: 'one path read and written by several calls is one finding, linked to the other uses, and the fix names it once',
      code: py`
        import pandas as pd
        labels = pd.read_csv("C:/Users/ana/kaggle/input/labels.csv")
        more = pd.read_csv("C:/Users/ana/kaggle/input/labels.csv", usecols=["id"])
        labels.to_csv("C:/Users/ana/kaggle/input/labels.csv")
      `,
      findings: [
        { line: 2, message: /^`pd\.read_csv` reads "C:\/Users\/ana\/kaggle\/input\/labels\.csv" \(2 other calls of this file use it too, linked\), an absolute path/, related: 2 },
      ],
      output: py`
        import pandas as pd
        LABELS_CSV_PATH = "C:/Users/ana/kaggle/input/labels.csv"
        labels = pd.read_csv(LABELS_CSV_PATH)
        more = pd.read_csv(LABELS_CSV_PATH, usecols=["id"])
        labels.to_csv(LABELS_CSV_PATH)
      `,
    },
    {
      name: 'paths under one machine-specific folder are one finding; the fix names the folder they share and builds each path from it',
      code: py`
        import pandas as pd
        train = pd.read_csv("C:/Users/ana/kaggle/input/train.csv")
        test = pd.read_csv("C:/Users/ana/kaggle/input/test.csv")
        for fold in range(5):
            preds.to_csv("C:/Users/ana/kaggle/submissions/fold_{}.csv".format(fold))
      `,
      findings: [
        { line: 2, message: /^`pd\.read_csv` reads "C:\/Users\/ana\/kaggle\/input\/train\.csv" \(2 other calls of this file also read or write files under "C:\/Users\/ana\/kaggle", linked\), an absolute path/, related: 2 },
      ],
      output: py`
        import pandas as pd
        KAGGLE_DIR = "C:/Users/ana/kaggle"
        train = pd.read_csv(f"{KAGGLE_DIR}/input/train.csv")
        test = pd.read_csv(f"{KAGGLE_DIR}/input/test.csv")
        for fold in range(5):
            preds.to_csv(f"{KAGGLE_DIR}/submissions/fold_{{}}.csv".format(fold))
      `,
    },
    {
      name: 'Windows raw strings under one user folder: the folder becomes a raw constant and each path a raw f-string',
      code: py`
        import joblib
        import pandas as pd
        df = pd.read_csv(r"C:\\Users\\bo\\data\\sales.csv")
        joblib.dump(model, r"C:\\Users\\bo\\models\\rf.pkl")
      `,
      findings: [{ line: 3, message: /under "C:\\Users\\bo", linked\)/, related: 1 }],
      output: py`
        import joblib
        import pandas as pd
        BO_DIR = r"C:\\Users\\bo"
        df = pd.read_csv(rf"{BO_DIR}\\data\\sales.csv")
        joblib.dump(model, rf"{BO_DIR}\\models\\rf.pkl")
      `,
    },
    {
      name: 'paths under one folder written with escape sequences: one finding, and no fix, since the text does not spell the folder as it is',
      code: py`
        import pandas as pd
        a = pd.read_csv("C:\\\\Users\\\\bo\\\\a.csv")
        b = pd.read_csv("C:\\\\Users\\\\bo\\\\b.csv")
      `,
      findings: [{ line: 2, related: 1 }],
      noFix: true,
    },
    {
      name: 'one Windows path, once with escaped backslashes and once as a raw string: one path Python opens, one finding quoting it as it is',
      code: py`
        import pandas as pd
        df = pd.read_csv("C:\\\\Users\\\\ahmed\\\\tweets.csv")
        again = pd.read_csv(r"C:\\Users\\ahmed\\tweets.csv")
      `,
      findings: [{ line: 2, message: /^`pd\.read_csv` reads "C:\\Users\\ahmed\\tweets\.csv" \(1 other call of this file uses it too, linked\)/, related: 1 }],
      output: py`
        import pandas as pd
        TWEETS_CSV_PATH = "C:\\\\Users\\\\ahmed\\\\tweets.csv"
        df = pd.read_csv(TWEETS_CSV_PATH)
        again = pd.read_csv(TWEETS_CSV_PATH)
      `,
    },
    {
      name: 'a Windows folder written with `/` in one path and with `\\` in another is one folder: one finding, and one constant for both',
      code: py`
        import pandas as pd
        train = pd.read_csv("C:/Users/ana/thesis/data/train.csv")
        preds.to_csv(r"C:\\Users\\ana\\thesis\\out\\preds.csv", index=False)
      `,
      findings: [{ line: 2, message: /under "C:\/Users\/ana\/thesis", linked\)/, related: 1 }],
      output: py`
        import pandas as pd
        THESIS_DIR = "C:/Users/ana/thesis"
        train = pd.read_csv(f"{THESIS_DIR}/data/train.csv")
        preds.to_csv(rf"{THESIS_DIR}\\out\\preds.csv", index=False)
      `,
    },
    {
      name: 'one Windows file written with `/` and read back with `\\`: one path, one finding',
      code: py`
        import pandas as pd
        merged.to_csv("C:/Users/ana/pubchem/merged.csv", index=False)
        merged = pd.read_csv(r"C:\\Users\\ana\\pubchem\\merged.csv")
      `,
      findings: [{ line: 2, message: /^`\.to_csv\(\)` writes "C:\/Users\/ana\/pubchem\/merged\.csv" \(1 other call of this file uses it too, linked\)/, related: 1 }],
      output: py`
        import pandas as pd
        MERGED_CSV_PATH = "C:/Users/ana/pubchem/merged.csv"
        merged.to_csv(MERGED_CSV_PATH, index=False)
        merged = pd.read_csv(MERGED_CSV_PATH)
      `,
    },
    {
      name: 'a folder on another drive, escaped backslashes in a function and slashes at the top level: one finding',
      code: py`
        import numpy as np
        def load_features(name):
            return np.load("D:\\\\projects\\\\solubility\\\\" + name + ".npy")
        labels = np.load("D:/projects/solubility/labels.npy")
      `,
      findings: [{ line: 3, related: 1 }],
    },
    {
      name: 'two Windows users\' folders, one written with `/` and one with `\\`, stay two findings',
      code: py`
        import pandas as pd
        a = pd.read_csv("C:/Users/ana/data.csv")
        b = pd.read_csv(r"C:\\Users\\bo\\data.csv")
      `,
      findings: [{ line: 2, related: 0 }, { line: 3, related: 0 }],
      output: py`
        import pandas as pd
        DATA_CSV_PATH = "C:/Users/ana/data.csv"
        a = pd.read_csv(DATA_CSV_PATH)
        b = pd.read_csv(r"C:\\Users\\bo\\data.csv")
      `,
    },
    {
      name: 'a user\'s folder at the root of the current Windows drive, its backslashes escaped',
      code: py`
        import pandas as pd
        liver = pd.read_csv("\\\\Users\\\\ana\\\\OneDrive\\\\Desktop\\\\liver_train.csv")
      `,
      findings: [{ line: 2, message: /^`pd\.read_csv` reads "\\Users\\ana\\OneDrive\\Desktop\\liver_train\.csv", an absolute path/ }],
      output: py`
        import pandas as pd
        LIVER_TRAIN_CSV_PATH = "\\\\Users\\\\ana\\\\OneDrive\\\\Desktop\\\\liver_train.csv"
        liver = pd.read_csv(LIVER_TRAIN_CSV_PATH)
      `,
    },
    {
      name: 'the same two spellings in two cells of a notebook, and in f-strings: one finding each',
      code: [
        'import pandas as pd\ndf = pd.read_csv("C:\\\\Users\\\\ahmed\\\\tweets.csv")\n',
        'df = pd.read_csv(r"C:\\Users\\ahmed\\tweets.csv")\nfor y in years:\n    pd.read_csv(f"D:\\\\runs\\\\{y}.csv").to_csv(rf"D:\\runs\\{y}.csv")\n',
      ],
      findings: [
        { cell: 0, line: 2, message: /reads "C:\\Users\\ahmed\\tweets\.csv" \(1 other call/, related: 1 },
        { cell: 1, line: 3, message: /"D:\\runs\\\{\}\.csv" \(1 other call/, related: 1 },
      ],
      output: [
        'import pandas as pd\nTWEETS_CSV_PATH = "C:\\\\Users\\\\ahmed\\\\tweets.csv"\ndf = pd.read_csv(TWEETS_CSV_PATH)\n',
        'df = pd.read_csv(TWEETS_CSV_PATH)\nfor y in years:\n    pd.read_csv(f"D:\\\\runs\\\\{y}.csv").to_csv(rf"D:\\runs\\{y}.csv")\n',
      ],
    },
    {
      name: 'a Modal function reads its mounted volume, but not a folder beside the mount, nor from the local entrypoint that runs outside the container',
      code: py`
        import modal
        import pandas as pd
        app = modal.App("fake-news")
        @app.function(volumes={"/root/data": modal.Volume.from_name("data")})
        def train():
            train = pd.read_csv("/root/data/train.csv")
            extra = pd.read_csv("/root/database/extra.csv")
        @app.local_entrypoint()
        def main():
            local = pd.read_csv("/root/data/train.csv")
      `,
      findings: [
        { line: 7, message: /^`pd\.read_csv` reads "\/root\/database\/extra\.csv", an absolute path/ },
        { line: 10, message: /^`pd\.read_csv` reads "\/root\/data\/train\.csv", an absolute path/ },
      ],
      output: py`
        import modal
        import pandas as pd
        app = modal.App("fake-news")
        EXTRA_CSV_PATH = "/root/database/extra.csv"
        @app.function(volumes={"/root/data": modal.Volume.from_name("data")})
        def train():
            train = pd.read_csv("/root/data/train.csv")
            extra = pd.read_csv(EXTRA_CSV_PATH)
        @app.local_entrypoint()
        def main():
            local = pd.read_csv("/root/data/train.csv")
      `,
    },
    {
      name: 'a /mnt path is still one machine\'s mount in a file whose (event, context) function is a method or a nested function',
      code: py`
        import joblib
        class Service:
            def handler(self, event, context):
                return joblib.load("/mnt/data/model.joblib")
        def make():
            def handler(event, context):
                return joblib.load("/mnt/data/scaler.joblib")
            return handler
      `,
      findings: [{ line: 4, message: /"\/mnt\/data\/model\.joblib"/, related: 1 }],
      output: py`
        import joblib
        DATA_DIR = "/mnt/data"
        class Service:
            def handler(self, event, context):
                return joblib.load(f"{DATA_DIR}/model.joblib")
        def make():
            def handler(event, context):
                return joblib.load(f"{DATA_DIR}/scaler.joblib")
            return handler
      `,
    },
    {
      name: 'a home folder in a Lambda function is still one machine\'s',
      code: py`
        import joblib
        def handler(event, context):
            return joblib.load("/home/ana/models/scaler.joblib")
      `,
      findings: [{ line: 3, message: /"\/home\/ana\/models\/scaler\.joblib"/ }],
      output: py`
        import joblib
        SCALER_JOBLIB_PATH = "/home/ana/models/scaler.joblib"
        def handler(event, context):
            return joblib.load(SCALER_JOBLIB_PATH)
      `,
    },
    {
      name: 'a read in the handler of a missing cache is no fallback for it: another call into another name',
      code: py`
        import joblib
        import pandas as pd
        try:
            model = joblib.load("model.pkl")
        except FileNotFoundError:
            train = pd.read_csv("/home/ana/data/train.csv")
      `,
      findings: [{ line: 6, message: /"\/home\/ana\/data\/train.csv"/ }],
      output: py`
        import joblib
        import pandas as pd
        TRAIN_CSV_PATH = "/home/ana/data/train.csv"
        try:
            model = joblib.load("model.pkl")
        except FileNotFoundError:
            train = pd.read_csv(TRAIN_CSV_PATH)
      `,
    },
    {
      name: 'alternatives that are both absolute, or a handler for a malformed file, still tie the code to one machine',
      code: py`
        import json
        try:
            config = json.load(open("/home/ana/config.json"))
        except FileNotFoundError:
            config = json.load(open("D:/shared/config.json"))
        try:
            labels = json.load(open("labels.json"))
        except json.JSONDecodeError:
            labels = json.load(open("/Users/bo/labels.json"))
      `,
      findings: [{ line: 3 }, { line: 5 }, { line: 9 }],
      output: py`
        import json
        CONFIG_JSON_PATH = "/home/ana/config.json"
        try:
            config = json.load(open(CONFIG_JSON_PATH))
        except FileNotFoundError:
            config = json.load(open("D:/shared/config.json"))
        try:
            labels = json.load(open("labels.json"))
        except json.JSONDecodeError:
            labels = json.load(open("/Users/bo/labels.json"))
      `,
    },
    {
      name: 'paths under different machine-specific folders are separate findings',
      code: py`
        import pandas as pd
        a = pd.read_csv("/home/ana/data/a.csv")
        b = pd.read_csv("/home/bo/data/b.csv")
        c = pd.read_csv("/mnt/data/c.csv")
        d = pd.read_csv("/mnt/models/d.csv")
        e = pd.read_csv("C:/Users/cy/e.csv")
        f = pd.read_csv("C:/Users/di/f.csv")
      `,
      findings: [{ line: 2 }, { line: 3 }, { line: 4 }, { line: 5 }, { line: 6 }, { line: 7 }],
      output: py`
        import pandas as pd
        A_CSV_PATH = "/home/ana/data/a.csv"
        a = pd.read_csv(A_CSV_PATH)
        b = pd.read_csv("/home/bo/data/b.csv")
        c = pd.read_csv("/mnt/data/c.csv")
        d = pd.read_csv("/mnt/models/d.csv")
        e = pd.read_csv("C:/Users/cy/e.csv")
        f = pd.read_csv("C:/Users/di/f.csv")
      `,
    },
    {
      name: 'one path used in two cells: one finding; an ignore comment on the first use moves it to the next, which the fix alone names',
      code: [
        'import pandas as pd\nraw = pd.read_csv("/home/ana/data/raw.csv")  # mldebt: ignore[MLD602]\n',
        'again = pd.read_csv("/home/ana/data/raw.csv")\nagain.to_parquet("/home/ana/data/raw.csv")\n',
      ],
      findings: [{ cell: 1, line: 1, message: /^`pd\.read_csv` reads "\/home\/ana\/data\/raw\.csv" \(1 other call of this file uses it too, linked\)/, related: 1 }],
      output: [
        'import pandas as pd\nraw = pd.read_csv("/home/ana/data/raw.csv")  # mldebt: ignore[MLD602]\n',
        'RAW_CSV_PATH = "/home/ana/data/raw.csv"\nagain = pd.read_csv(RAW_CSV_PATH)\nagain.to_parquet(RAW_CSV_PATH)\n',
      ],
    },
    {
      name: 'one path, once as a plain literal and once in an f-string: one finding, and no fix, since the f-string would stay',
      code: py`
        import pandas as pd
        df = pd.read_csv("/home/ana/data/{}.csv".format("raw"))
        df2 = pd.read_csv(f"/home/ana/data/{'raw'}.csv")
      `,
      findings: [{ line: 2, message: /reads "\/home\/ana\/data\/\{\}\.csv" \(1 other call of this file uses it too, linked\)/ }],
    },
    {
      name: 'read_csv of a home directory: extracted into a module-level constant',
      code: py`
        import pandas as pd

        train = pd.read_csv("/home/ana/projects/churn/data/train.csv")
      `,
      findings: [{ line: 3, column: 21, message: /`pd\.read_csv` reads "\/home\/ana\/projects\/churn\/data\/train\.csv", an absolute path/ }],
      safety: 'safe',
      output: py`
        import pandas as pd

        TRAIN_CSV_PATH = "/home/ana/projects/churn/data/train.csv"
        train = pd.read_csv(TRAIN_CSV_PATH)
      `,
    },
    {
      name: 'torch.save to a Google Drive folder, inside a function: the constant goes before the def',
      code: py`
        import torch

        def checkpoint(model):
            torch.save(model.state_dict(), '/content/drive/MyDrive/ckpt/model.pt')
      `,
      findings: [{ line: 4, message: /`torch\.save` writes "\/content\/drive\/MyDrive\/ckpt\/model\.pt"/ }],
      output: py`
        import torch

        MODEL_PT_PATH = '/content/drive/MyDrive/ckpt/model.pt'
        def checkpoint(model):
            torch.save(model.state_dict(), MODEL_PT_PATH)
      `,
    },
    {
      name: 'a mount of one machine named like a platform mount is still reported',
      code: py`
        import pandas as pd
        ratings = pd.read_csv("/mnt/storage/cluster_storage/ratings.csv")
        ratings.to_csv("/mnt/cluster_storage2/ratings.csv")
      `,
      findings: [
        { line: 2, message: /`pd\.read_csv` reads "\/mnt\/storage\/cluster_storage\/ratings\.csv"/ },
        { line: 3, message: /`\.to_csv\(\)` writes "\/mnt\/cluster_storage2\/ratings\.csv"/ },
      ],
      output: py`
        import pandas as pd
        RATINGS_CSV_PATH = "/mnt/storage/cluster_storage/ratings.csv"
        ratings = pd.read_csv(RATINGS_CSV_PATH)
        ratings.to_csv("/mnt/cluster_storage2/ratings.csv")
      `,
    },
    {
      name: 'Windows raw string through os.path.join, and a frame written to a mount',
      code: py`
        import os
        import pandas as pd
        df = pd.read_excel(os.path.join(r"C:\\Users\\bo\\Desktop", "sales.xlsx"))
        df.to_parquet("/mnt/shared/out/sales.parquet")
      `,
      findings: [
        { line: 3, column: 33, message: /`pd\.read_excel` reads a file under "C:\\Users\\bo\\Desktop", an absolute path/ },
        { line: 4, column: 15, message: /`\.to_parquet\(\)` writes/ },
      ],
      output: py`
        import os
        import pandas as pd
        DESKTOP_DIR = r"C:\\Users\\bo\\Desktop"
        df = pd.read_excel(os.path.join(DESKTOP_DIR, "sales.xlsx"))
        df.to_parquet("/mnt/shared/out/sales.parquet")
      `,
    },
    {
      name: 'spark.read.parquet of a home directory: the catalogue knows Spark readers',
      code: py`
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.getOrCreate()
        events = spark.read.parquet("/home/ana/in.parquet")
      `,
      findings: [{ line: 3, column: 29, message: /`\.parquet\(\)` reads "\/home\/ana\/in\.parquet", an absolute path/ }],
      output: py`
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.getOrCreate()
        IN_PARQUET_PATH = "/home/ana/in.parquet"
        events = spark.read.parquet(IN_PARQUET_PATH)
      `,
    },
    {
      name: 'a Spark write chain to a mounted volume',
      code: py`
        import pyspark.sql.functions as F
        def publish(frame):
            frame.write.mode("overwrite").format("parquet").save("/mnt/lake/scores")
      `,
      findings: [{ line: 3, message: /`\.save\(\)` writes "\/mnt\/lake\/scores"/ }],
      output: py`
        import pyspark.sql.functions as F
        SCORES_DIR = "/mnt/lake/scores"
        def publish(frame):
            frame.write.mode("overwrite").format("parquet").save(SCORES_DIR)
      `,
    },
    {
      name: 'a folder written with its trailing separator and joined to a file name by + is a file under it in the message',
      code: py`
        def check_paths():
            input_path = "/media/jo/disk/TrainSet/"
            input_file = input_path + "train_paths.txt"
            with open(input_file) as reader:
                return reader.readlines()
      `,
      findings: [{ line: 2, column: 18, message: /^`open` reads a file under "\/media\/jo\/disk\/TrainSet\/", an absolute path/ }],
      output: py`
        TRAIN_SET_DIR = "/media/jo/disk/TrainSet"
        def check_paths():
            input_path = f"{TRAIN_SET_DIR}/"
            input_file = input_path + "train_paths.txt"
            with open(input_file) as reader:
                return reader.readlines()
      `,
    },
    {
      name: 'the same folder opened as it is names the folder itself',
      code: py`
        import os

        def list_set():
            input_path = "/media/jo/disk/TrainSet/"
            return os.listdir(input_path), open(input_path).read()
      `,
      findings: [{ line: 4, column: 18, message: /^`open` reads "\/media\/jo\/disk\/TrainSet\/", an absolute path/ }],
      output: py`
        import os

        TRAIN_SET_DIR = "/media/jo/disk/TrainSet"
        def list_set():
            input_path = f"{TRAIN_SET_DIR}/"
            return os.listdir(input_path), open(input_path).read()
      `,
    },
    {
      name: 'a local root filled into an f-string or str.format is followed to its literal',
      code: py`
        import pandas as pd

        def load(user):
            root = "/home/ana/data"
            train = pd.read_csv(f"{root}/train.csv")
            return train, pd.read_csv("/Users/{}/test.csv".format(user))
      `,
      findings: [
        { line: 4, column: 12, message: /`pd\.read_csv` reads a file under "\/home\/ana\/data", an absolute path/ },
        { line: 6, column: 31, message: /reads "\/Users\/\{\}\/test\.csv"/ },
      ],
      output: py`
        import pandas as pd

        DATA_DIR = "/home/ana/data"
        def load(user):
            root = DATA_DIR
            train = pd.read_csv(f"{root}/train.csv")
            return train, pd.read_csv("/Users/{}/test.csv".format(user))
      `,
    },
    {
      name: 'a local variable in a function is followed to its literal',
      code: py`
        import joblib

        def load():
            path = "/Users/bo/models/rf.joblib"
            return joblib.load(path)
      `,
      findings: [{ line: 4, column: 12 }],
      output: py`
        import joblib

        RF_JOBLIB_PATH = "/Users/bo/models/rf.joblib"
        def load():
            path = RF_JOBLIB_PATH
            return joblib.load(path)
      `,
    },
    {
      name: 'reuses a constant that already holds the path',
      code: py`
        import numpy as np
        EMBEDDINGS = "/mnt/data/emb.npy"
        vectors = np.load("/mnt/data/emb.npy")
      `,
      findings: [{ line: 3 }],
      output: py`
        import numpy as np
        EMBEDDINGS = "/mnt/data/emb.npy"
        vectors = np.load(EMBEDDINGS)
      `,
    },
    {
      name: 'a read that runs only where a test found its file is skipped elsewhere: the message does not say the code breaks',
      code: py`
        import json, os
        if os.path.exists("/home/lab/background.json"):
            backgrounds = json.load(open("/home/lab/background.json"))
        else:
            backgrounds = None
      `,
      findings: [{ line: 3, message: /^`open` reads "\/home\/lab\/background\.json", an absolute path that exists only on one machine: anywhere else the code silently goes on without it and the location cannot be configured$/ }],
      output: py`
        import json, os
        BACKGROUND_JSON_PATH = "/home/lab/background.json"
        if os.path.exists("/home/lab/background.json"):
            backgrounds = json.load(open(BACKGROUND_JSON_PATH))
        else:
            backgrounds = None
      `,
    },
    {
      name: 'the test may be Path(...).is_file() joined by and, an elif, or a conditional expression',
      code: py`
        import os
        from pathlib import Path
        import tensorflow as tf
        import joblib
        def build(use_teacher, fallback):
            teacher = tf.keras.models.load_model("D:/thesis/models/teacher.h5") if os.path.isfile("D:/thesis/models/teacher.h5") else None
            if fallback:
                scaler = None
            elif use_teacher and Path("/mnt/shared/scaler.pkl").is_file():
                scaler = joblib.load("/mnt/shared/scaler.pkl")
            return teacher, scaler
      `,
      findings: [
        { line: 6, message: /"D:\/thesis\/models\/teacher\.h5", an absolute path that exists only on one machine: anywhere else the code silently goes on without it/ },
        { line: 10, message: /"\/mnt\/shared\/scaler\.pkl", an absolute path that exists only on one machine: anywhere else the code silently goes on without it/ },
      ],
      output: py`
        import os
        from pathlib import Path
        import tensorflow as tf
        import joblib
        TEACHER_H5_PATH = "D:/thesis/models/teacher.h5"
        def build(use_teacher, fallback):
            teacher = tf.keras.models.load_model(TEACHER_H5_PATH) if os.path.isfile("D:/thesis/models/teacher.h5") else None
            if fallback:
                scaler = None
            elif use_teacher and Path("/mnt/shared/scaler.pkl").is_file():
                scaler = joblib.load("/mnt/shared/scaler.pkl")
            return teacher, scaler
      `,
    },
    {
      name: 'a read after an earlier test that returns, or continues the loop, where the file is missing is skipped elsewhere',
      code: EXITS_WHEN_MISSING('', 'r"E:\\ecg\\processed"'),
      findings: [
        // That test prints why it skips itself: not silent.
        { line: 6, message: /^`np\.load` reads a file under "E:\\ecg\\processed", an absolute path that exists only on one machine: anywhere else the code reports it missing and goes on without it/ },
        { line: 16, message: /"\/home\/lab\/sleep\/\{\}-epo\.npy", an absolute path that exists only on one machine: anywhere else the code silently goes on without it/ },
      ],
      output: EXITS_WHEN_MISSING('\n  PROCESSED_DIR = r"E:\\ecg\\processed"', 'PROCESSED_DIR'),
    },
    {
      name: 'a test whose branch for the missing file prints, logs or warns before going on does not skip it silently',
      code: GUARDED_READS,
      findings: [
        { line: 6, message: /^`open` reads "\/home\/omar\/project\/raw\/questions\.json", an absolute path that exists only on one machine: anywhere else the code reports it missing and goes on without it and the location cannot be configured$/ },
        { line: 15, message: /"D:\/ltr\/runs\/\{\}\.tsv", an absolute path that exists only on one machine: anywhere else the code reports it missing and goes on without it/ },
        { line: 22, message: /"\/mnt\/ssd\/qrels\.csv", an absolute path that exists only on one machine: anywhere else the code reports it missing and goes on without it/ },
      ],
      output: GUARDED_READS.replace('log = logging.getLogger(__name__)\n', 'log = logging.getLogger(__name__)\nQUESTIONS_JSON_PATH = "/home/omar/project/raw/questions.json"\n')
        .replace('Path("/home/omar/project/raw/questions.json")', 'Path(QUESTIONS_JSON_PATH)'),
    },
    {
      name: 'a test whose branch for the missing file only cleans up or sets a default still skips it silently',
      code: py`
        import os, shutil
        import pandas as pd
        def main(tmp_dir):
            if not os.path.exists("/home/omar/project/features.parquet"):
                shutil.rmtree(tmp_dir)
                return
            return pd.read_parquet("/home/omar/project/features.parquet")
        if os.path.exists("/mnt/ssd/qrels.csv"):
            qrels = pd.read_csv("/mnt/ssd/qrels.csv")
        else:
            qrels = None
      `,
      findings: [
        { line: 7, message: /"\/home\/omar\/project\/features\.parquet", an absolute path that exists only on one machine: anywhere else the code silently goes on without it/ },
        { line: 9, message: /"\/mnt\/ssd\/qrels\.csv", an absolute path that exists only on one machine: anywhere else the code silently goes on without it/ },
      ],
      output: py`
        import os, shutil
        import pandas as pd
        FEATURES_PARQUET_PATH = "/home/omar/project/features.parquet"
        def main(tmp_dir):
            if not os.path.exists("/home/omar/project/features.parquet"):
                shutil.rmtree(tmp_dir)
                return
            return pd.read_parquet(FEATURES_PARQUET_PATH)
        if os.path.exists("/mnt/ssd/qrels.csv"):
            qrels = pd.read_csv("/mnt/ssd/qrels.csv")
        else:
            qrels = None
      `,
    },
    {
      name: 'an earlier test that raises, exits or only warns where the file is missing does not skip the read: the code still breaks elsewhere',
      code: EXITS_THAT_BREAK('', '"/home/ana/ckpt/weights.npy"'),
      findings: [
        { line: 8, message: /"\/home\/ana\/ckpt\/weights\.npy", an absolute path that exists only on one machine: the code breaks anywhere else/ },
        { line: 13, message: /"\/home\/bo\/stats\/mean\.npy", an absolute path that exists only on one machine: the code breaks anywhere else/ },
        { line: 18, message: /"\/home\/cy\/cache\/feats\.npy", an absolute path that exists only on one machine: the code breaks anywhere else/ },
      ],
      output: EXITS_THAT_BREAK('\n  WEIGHTS_NPY_PATH = "/home/ana/ckpt/weights.npy"', 'WEIGHTS_NPY_PATH'),
    },
    {
      name: 'a test of another file guards nothing about this one: the code still breaks elsewhere',
      code: py`
        import os
        import pandas as pd
        if os.path.exists("/home/ana/data/ready.flag"):
            train = pd.read_csv("/home/ana/data/train.csv")
      `,
      findings: [{ line: 4, message: /"\/home\/ana\/data\/train\.csv", an absolute path that exists only on one machine: the code breaks anywhere else/ }],
      output: py`
        import os
        import pandas as pd
        TRAIN_CSV_PATH = "/home/ana/data/train.csv"
        if os.path.exists("/home/ana/data/ready.flag"):
            train = pd.read_csv(TRAIN_CSV_PATH)
      `,
    },
    {
      name: 'a read under a negated test runs where the file is missing: the code still breaks elsewhere',
      code: py`
        import os
        import pandas as pd
        if not os.path.exists("/home/bo/cache/feats.parquet"):
            feats = pd.read_parquet("/home/bo/cache/feats.parquet")
      `,
      findings: [{ line: 4, message: /"\/home\/bo\/cache\/feats\.parquet", an absolute path that exists only on one machine: the code breaks anywhere else/ }],
      output: py`
        import os
        import pandas as pd
        FEATS_PARQUET_PATH = "/home/bo/cache/feats.parquet"
        if not os.path.exists("/home/bo/cache/feats.parquet"):
            feats = pd.read_parquet(FEATS_PARQUET_PATH)
      `,
    },
    {
      name: 'a read in the else branch of the test runs where the file is missing: the code still breaks elsewhere',
      code: py`
        import os
        import pandas as pd
        labels = None if os.path.isfile("/mnt/labels/v1.csv") else pd.read_csv("/mnt/labels/v1.csv")
      `,
      findings: [{ line: 3, message: /"\/mnt\/labels\/v1\.csv", an absolute path that exists only on one machine: the code breaks anywhere else/ }],
      output: py`
        import os
        import pandas as pd
        V1_CSV_PATH = "/mnt/labels/v1.csv"
        labels = None if os.path.isfile("/mnt/labels/v1.csv") else pd.read_csv(V1_CSV_PATH)
      `,
    },
    {
      name: 'the same file also read outside the test: the code still breaks elsewhere',
      code: py`
        import os
        import pandas as pd
        if os.path.exists("/media/disk/extra.csv"):
            extra = pd.read_csv("/media/disk/extra.csv")
        more = pd.read_csv("/media/disk/extra.csv")
      `,
      findings: [{ line: 4, message: /"\/media\/disk\/extra\.csv" \(1 other call of this file uses it too, linked\), an absolute path that exists only on one machine: the code breaks anywhere else/, related: 1 }],
      output: py`
        import os
        import pandas as pd
        EXTRA_CSV_PATH = "/media/disk/extra.csv"
        if os.path.exists("/media/disk/extra.csv"):
            extra = pd.read_csv(EXTRA_CSV_PATH)
        more = pd.read_csv(EXTRA_CSV_PATH)
      `,
    },
    {
      name: 'an f-string path is reported without a fix',
      code: py`
        from transformers import AutoModel
        for fold in range(5):
            model = AutoModel.from_pretrained(f"/home/ana/runs/fold{fold}")
      `,
      findings: [{ line: 3, message: /"\/home\/ana\/runs\/fold\{\}"/ }],
      noFix: true,
    },
    {
      name: 'notebook: the constant is inserted in the cell of the statement',
      code: [
        'import pandas as pd\n',
        'from google.colab import drive\ndrive.mount("/content/drive")\ntrain = pd.read_csv("/content/drive/MyDrive/train.csv")\n',
      ],
      findings: [{ cell: 1, line: 3, column: 21 }],
      output: [
        'import pandas as pd\n',
        'from google.colab import drive\ndrive.mount("/content/drive")\nTRAIN_CSV_PATH = "/content/drive/MyDrive/train.csv"\ntrain = pd.read_csv(TRAIN_CSV_PATH)\n',
      ],
    },
  ],
});
