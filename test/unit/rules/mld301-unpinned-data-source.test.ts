import { unpinnedDataSource } from '../../../server/src/detectors/mld301-unpinned-data-source';
import { ruleTests } from '../../support/ruleTester';
import { strict as assert } from 'node:assert';
import { allRulesConfig, py, run } from '../../support/engine';
import type { ProjectModuleSource } from '../../../server/src/config/settings';

ruleTests(unpinnedDataSource, {
  valid: [
    {
      name: 'an outer SELECT * over derived tables that list their own columns (a subquery, a join of two, a comma list) takes no new column',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        scores = pd.read_sql_query("""
        select * from (
          select p.pid, p.visit, p.score, q.grade from (clinic.scores p natural join clinic.grades q)) pq
        natural join (select pid, visit, age from clinic.visits) v
        """, conn)
        joined = pd.read_sql("SELECT * FROM (SELECT pid, label FROM labels) l, (SELECT pid, dose FROM doses) d WHERE l.pid = d.pid", conn)
        LogisticRegression().fit(scores[["score", "age"]], scores.grade)
        LogisticRegression().fit(joined[["dose"]], joined.label)
      `,
    },
    {
      name: 'an integrity check: the live table only compared with the CSV it was loaded from, and its size printed',
      code: py`
        import pandas as pd
        from sqlalchemy import create_engine
        from lightgbm import LGBMClassifier
        def check_warehouse(url, model):
            assert isinstance(model, LGBMClassifier)
            warehouse = pd.read_sql_query('SELECT * FROM "students"', create_engine(url))
            print(f"warehouse holds {warehouse.shape[0]} rows")
            frozen = pd.read_csv("data/raw/students.csv")
            assert warehouse.shape == frozen.shape, f"shapes differ: {warehouse.shape} vs {frozen.shape}"
            if not warehouse.describe().equals(frozen.describe()):
                print("summary statistics differ")
      `,
    },
    {
      name: 'integrity checks of other shapes: equals in either direction, assert_frame_equal, len and the column set, a raise',
      code: py`
        import logging
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        log = logging.getLogger(__name__)
        clf = LogisticRegression()
        snapshot = pd.read_parquet("snapshots/staff.parquet")
        live = pd.read_sql("SELECT * FROM staff", engine)
        log.info("read %d live rows", len(live))
        if len(live) != len(snapshot) or set(live.columns) != set(snapshot.columns):
            raise ValueError(f"staff table drifted: {live.shape}")
        pd.testing.assert_frame_equal(live.sort_index(axis=1), snapshot.sort_index(axis=1))
        scores = pd.read_sql_query("select * from scores", engine)
        assert snapshot.equals(scores)
      `,
    },
    {
      name: 'a dataset folder whose first part has an underscore is local: Hub accounts are letters, digits and hyphens',
      code: py`
        from datasets import load_dataset
        train = load_dataset("shared_data/conll2003-fixed", split="train")
      `,
    },
    {
      name: 'a pandas walkthrough that imports sklearn only to score',
      code: py`
        import pandas as pd
        from sklearn import metrics
        cars = pd.read_csv("https://example.org/course/cars.csv", na_values=["?"])
        cars["hp"] = cars["hp"].fillna(cars["hp"].median())
        print(metrics.mean_absolute_error(cars["mpg"], cars["mpg"].rolling(3).mean().bfill()))
      `,
    },
    {
      name: 'URLs pinned to a commit, a release, a date or a DOI',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        a = pd.read_csv("https://raw.githubusercontent.com/acme/data/3f9c2ab/churn.csv")
        b = pd.read_csv("https://github.com/acme/data/releases/download/v1.2/churn.csv")
        c = pd.read_parquet("https://d37ci6vzurychx.cloudfront.net/trip-data/yellow_tripdata_2023-01.parquet")
        d = pd.read_csv("https://zenodo.org/records/7065436/files/train.csv")
      `,
    },
    {
      name: 'a dashboard whose ML imports nothing reads: a SELECT * for a dropdown is no training data',
      code: py`
        import os
        import pandas as pd
        import plotly.express as px
        from sqlalchemy import create_engine
        from sklearn.cluster import KMeans
        from sklearn.preprocessing import StandardScaler
        from mlxtend.preprocessing import TransactionEncoder
        engine = create_engine(os.environ["DATABASE_URL"])
        with engine.connect() as conn:
            regions = pd.read_sql_query("SELECT * FROM regions", conn)
        figure = px.bar(regions, x="region", y="stores")
      `,
    },
    {
      name: 'notebook: an estimator imported in the first cell and never used, a URL read and plotted below',
      code: [
        'import pandas as pd\nimport torch\nfrom sklearn.linear_model import LinearRegression\n',
        'sales = pd.read_csv("https://raw.githubusercontent.com/acme/retail/main/weekly_sales.csv")\n',
        'sales.groupby("store")["revenue"].sum().plot(kind="bar")\n',
      ],
    },
    {
      name: 'a report script whose booster import only sits in a function-level import nothing reads',
      code: py`
        import pandas as pd

        def campaign_report(engine):
            import xgboost as xgb
            campaigns = pd.read_sql("SELECT * FROM campaigns", engine)
            return campaigns.groupby("channel")["spend"].sum()
      `,
    },
    {
      name: 'a URL read in an exploration notebook that trains nothing',
      code: [
        'import pandas as pd\nimport matplotlib.pyplot as plt\n',
        'df = pd.read_csv("https://raw.githubusercontent.com/acme/data/main/sales.csv")\ndf.plot()\n',
      ],
    },
    {
      name: 'local files, explicit-column and snapshot queries',
      code: py`
        import pandas as pd
        import torch
        train = pd.read_csv("data/train.csv")
        users = pd.read_sql("SELECT id, age, plan FROM users", engine)
        events = pd.read_sql_query("SELECT * FROM events FOR SYSTEM_TIME AS OF '2024-01-01'", engine)
      `,
    },
    {
      name: 'datasets pinned by revision, version or id; file builders; local folders',
      code: py`
        from datasets import load_dataset
        from sklearn.datasets import fetch_openml
        import tensorflow_datasets as tfds
        imdb = load_dataset("stanfordnlp/imdb", revision="e6281661ce1c48d982bc483cf8a173c1bbeb5d31")
        local = load_dataset("csv", data_files={"train": "train.csv"})
        folder = load_dataset("./data/reviews")
        titanic = fetch_openml("titanic", version=1)
        mnist = fetch_openml(data_id=554)
        ds = tfds.load("mnist:3.0.1")
      `,
    },
    {
      name: 'TFDS builders told their version by keyword, by a builder config that carries one, or through builder_kwargs',
      code: py`
        import tensorflow as tf
        import tensorflow_datasets as tfds

        pair_config = tfds.translate.wmt.WmtConfig(
            version="1.0.0",
            language_pair=("de", "en"),
            subsets={tfds.Split.TRAIN: ["europarl_v9"], tfds.Split.VALIDATION: ["newstest2018"]},
        )
        translation = tfds.builder("wmt_translate", config=pair_config)
        translation.download_and_prepare()
        pairs = translation.as_dataset(split="train", as_supervised=True)
        cifar = tfds.builder("cifar10", version="3.0.2")
        reviews = tfds.load("imdb_reviews", split="train", builder_kwargs={"version": "1.0.0"})
        model = tf.keras.Sequential([tf.keras.layers.Dense(2)])
      `,
    },
    {
      name: 'a TFDS builder the file writes itself, loaded by the name TFDS gives its class',
      code: py`
        import os
        import tensorflow as tf
        import tensorflow_datasets as tfds

        class ClinicScans(tfds.core.GeneratorBasedBuilder):
            VERSION = tfds.core.Version("1.0.0")
            def _info(self):
                return tfds.core.DatasetInfo(builder=self, features=tfds.features.FeaturesDict({"image": tfds.features.Image()}))
            def _split_generators(self, dl_manager):
                return {"train": self._generate_examples(os.path.join("scans", "train"))}
            def _generate_examples(self, folder):
                for name in os.listdir(folder):
                    yield name, {"image": os.path.join(folder, name)}

        scans = tfds.load("clinic_scans", split="train")
        model = tf.keras.Sequential([tf.keras.layers.Dense(2)])
        model.fit(scans.batch(32), epochs=3)
      `,
    },
    {
      name: 'notebook: a builder imported by name that sets its own name, in one cell, built and loaded in another',
      code: [
        'import tensorflow as tf\nimport tensorflow_datasets as tfds\nfrom tensorflow_datasets.core import GeneratorBasedBuilder\n',
        'class SketchPairs(GeneratorBasedBuilder):\n    name = "sketch_pairs_v2"\n    VERSION = tfds.core.Version("2.0.0")\n',
        'builder = tfds.builder("sketch_pairs_v2")\nbuilder.download_and_prepare()\npairs = tfds.load(name="sketch_pairs_v2", split="train")\n',
      ],
    },
    {
      name: 'a dataset this notebook builds and pushes, loaded back from the account it was pushed to',
      code: [
        'from datasets import Dataset, load_dataset\nfrom transformers import AutoTokenizer\n',
        'issues = Dataset.from_pandas(frame)\nissues.push_to_hub("github-issues")\n',
        'remote = load_dataset("course-author/github-issues", split="train")\n',
      ],
    },
    {
      name: 'a dataset repository the script creates and uploads its files to, loaded back by that name',
      code: py`
        from datasets import load_dataset
        from huggingface_hub import HfApi, create_repo
        create_repo("jdoe/support-tickets", repo_type="dataset", exist_ok=True)
        HfApi().upload_file(path_or_fileobj="tickets.csv", path_in_repo="tickets.csv", repo_id="jdoe/support-tickets", repo_type="dataset")
        tickets = load_dataset("jdoe/support-tickets", split="train")
      `,
    },
    {
      name: 'Hub downloads of a model or a Space, of a pinned dataset, or of a repository type computed at run time',
      code: py`
        from huggingface_hub import hf_hub_download
        weights = hf_hub_download(repo_id="acme/detector", filename="model.safetensors")
        app = hf_hub_download(repo_id="acme/demo", filename="app.py", repo_type="space")
        table = hf_hub_download(repo_id="acme/churn-tables", filename="train.parquet", repo_type="dataset", revision="9b1c2d4e5f60718293a4b5c6d7e8f90112233445")
        def fetch(kind):
            return hf_hub_download(repo_id="acme/churn-tables", filename="train.parquet", repo_type=kind)
      `,
    },
    {
      name: 'a dataset name computed at run time or passed with **kwargs',
      code: py`
        from datasets import load_dataset
        def get(name, **kwargs):
            return load_dataset(name), load_dataset("glue", **kwargs)
      `,
    },
    {
      name: 'a database file on local disk is not a live table',
      code: py`
        import sqlite3
        import duckdb
        import pandas as pd
        from sqlalchemy import create_engine
        from sklearn.linear_model import LogisticRegression
        conn = sqlite3.connect("data/shop.db")
        orders = pd.read_sql("SELECT * FROM orders", conn)
        engine = create_engine("sqlite:///data/shop.db")
        users = pd.read_sql_table("users", engine)
        visits = pd.read_sql_query("SELECT * FROM visits", con="sqlite:///visits.db")
        clicks = pd.read_sql("SELECT * FROM clicks", duckdb.connect("clicks.duckdb"))
      `,
    },
  ],
  invalid: [
    {
      name: 'a SELECT * whose FROM names a table beside a subquery, or a SELECT * inside the subquery, still takes every new column',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        a = pd.read_sql("select * from (select pid, label from labels) l natural join doses", conn)
        b = pd.read_sql("select pid, label from (select * from labels) l", conn)
        LogisticRegression().fit(a[["dose"]], a.label)
        LogisticRegression().fit(b[["pid"]], b.label)
      `,
      findings: [
        { line: 3, message: /SELECT \*` from a live table/ },
        { line: 4, message: /SELECT \*` from a live table/ },
      ],
    },
    {
      name: 'a SELECT * whose rows end at a fixed date still takes every new column, and the message says only that; a lower bound alone leaves new rows coming',
      code: py`
        import pandas as pd
        from sqlalchemy import create_engine
        from sklearn.linear_model import Ridge
        engine = create_engine("postgresql://reader@db/cars")
        day = pd.read_sql("SELECT * FROM listings WHERE scraped_at::date = '2026-01-18'", engine)
        half = pd.read_sql("SELECT * FROM sales WHERE sold_on BETWEEN '2024-01-01' AND '2024-06-30'", engine)
        recent = pd.read_sql("SELECT * FROM visits WHERE seen >= '2024-01-01'", engine)
        Ridge().fit(pd.concat([day, half, recent])[["km"]], pd.concat([day, half, recent])["price"])
      `,
      findings: [
        { line: 5, message: /^`pd\.read_sql` trains on `SELECT \*` from a live table: its rows end at a fixed date, but every new column changes the training data between runs/ },
        { line: 6, message: /: its rows end at a fixed date, but every new column changes the training data/ },
        { line: 7, message: /: new rows and new columns change the training data between runs/ },
      ],
    },
    {
      name: 'revision=None passes a revision that pins nothing, and the message says so',
      code: py`
        from datasets import load_dataset
        ds = load_dataset("imdb", split="train", revision=None)
      `,
      findings: [{ line: 2, message: /^`load_dataset\("imdb"\)` passes `revision=None`, which pins nothing: the dataset can be updated/ }],
    },
    {
      name: 'files read from one branch of one repository are pinned by one commit: one finding, linked; another repository is another',
      code: py`
        import pandas as pd
        from sklearn.svm import SVC
        BASE = "https://raw.githubusercontent.com/acme/course-data/main/svc_data"
        X_1 = pd.read_csv(f"{BASE}/X_1.csv", header=None)
        y_1 = pd.read_csv("https://raw.githubusercontent.com/acme/course-data/main/svc_data/y_1.csv", header=None)
        X_2 = pd.read_csv("https://raw.githubusercontent.com/acme/course-data/main/svc_data/X_2.csv", header=None)
        extra = pd.read_csv("https://huggingface.co/datasets/acme/extra/resolve/main/rows.csv")
        dev = pd.read_csv("https://raw.githubusercontent.com/acme/course-data/dev/svc_data/X_1.csv", header=None)
        SVC().fit(X_1, y_1.values.ravel())
      `,
      findings: [
        { line: 4, message: /^`pd\.read_csv` reads data from the URL "https:\/\/raw\.githubusercontent\.com\/acme\/course-data\/main\/svc_data\/X_1\.csv".* \(as do 2 other loads of this repository branch\)$/, related: 2 },
        { line: 7, message: /huggingface\.co\/datasets\/acme\/extra\/resolve\/main\/rows\.csv/ },
        { line: 8, message: /course-data\/dev\// },
      ],
      noFix: true,
    },
    {
      name: 'the split files of one dataset served side by side are one dependency: one finding, linked; other files of the folder, and another host, are their own',
      code: py`
        import pandas as pd
        from tensorflow.keras.models import Sequential
        SITE = "https://files.example.edu/course/data/"
        houses = pd.read_csv(SITE + "houses_train.csv")
        houses_submit = pd.read_csv(SITE + "houses_test.csv", na_values=["?"])
        zips = pd.read_csv(SITE + "zips.csv")
        timetable = pd.read_csv(SITE + "trains.csv")
        results = pd.read_csv(SITE + "tests.csv")
        readings = pd.read_csv("https://dev.example.net/data/readings.csv")
        mirrored = pd.read_csv("https://mirror.example.com/course/data/houses_test.csv")
        model = Sequential()
      `,
      findings: [
        { line: 4, message: /^`pd\.read_csv` reads data from the URL "https:\/\/files\.example\.edu\/course\/data\/houses_train\.csv", which serves .* \(as does 1 other load of this dataset\)$/, related: 1 },
        { line: 6, message: /zips\.csv", which serves whatever is there on the day it runs: nothing pins the version this code reads$/ },
        { line: 7, message: /trains\.csv", which serves whatever is there on the day it runs: nothing pins the version this code reads$/ },
        { line: 8, message: /tests\.csv", which serves whatever is there on the day it runs: nothing pins the version this code reads$/ },
        { line: 9, message: /readings\.csv", which serves whatever is there on the day it runs: nothing pins the version this code reads$/ },
        { line: 10, message: /mirror\.example\.com\/course\/data\/houses_test\.csv", which serves whatever is there on the day it runs: nothing pins the version this code reads$/ },
      ],
    },
    {
      name: 'UCI names a training part by the dataset with the extension .data beside its .test (statlog: .trn, .tst): one dataset, one finding; the folder\'s other files, another dataset\'s test file and another host stay their own',
      code: py`
        import numpy as np
        import pandas as pd
        from sklearn.naive_bayes import GaussianNB
        X = np.genfromtxt("https://archive.example.edu/ml/census/census.data", usecols=(0, 4, 10), delimiter=",")
        y = np.genfromtxt("https://archive.example.edu/ml/census/census.data", usecols=14, dtype=str, delimiter=",")
        X_test = np.loadtxt("https://archive.example.edu/ml/census/census.test", usecols=(0, 4, 10), delimiter=",", skiprows=1)
        codes = pd.read_csv("https://archive.example.edu/ml/census/census.names", sep=":")
        other = pd.read_csv("https://archive.example.edu/ml/census/incomes.test")
        mirrored = pd.read_csv("https://mirror.example.org/ml/census/census.test")
        sat = np.loadtxt("https://archive.example.edu/ml/statlog/satimage/sat.trn")
        sat_test = np.loadtxt("https://archive.example.edu/ml/statlog/satimage/sat.tst")
        GaussianNB().fit(X, y)
      `,
      findings: [
        { line: 4, message: /^`np\.genfromtxt` reads data from the URL "https:\/\/archive\.example\.edu\/ml\/census\/census\.data", which serves .* \(as do 2 other loads of this dataset\)$/, related: 2 },
        { line: 7, message: /census\.names", which serves whatever is there on the day it runs: nothing pins the version this code reads$/ },
        { line: 8, message: /incomes\.test", which serves whatever is there on the day it runs: nothing pins the version this code reads$/ },
        { line: 9, message: /mirror\.example\.org\/ml\/census\/census\.test", which serves whatever is there on the day it runs: nothing pins the version this code reads$/ },
        { line: 10, message: /sat\.trn", which serves .* \(as does 1 other load of this dataset\)$/, related: 1 },
      ],
    },
    {
      name: 'notebook: a .data file and its .test beside it in two cells are one dataset: one finding, linked',
      code: [
        'import numpy as np\nfrom sklearn.linear_model import LogisticRegression\n',
        'X_train = np.genfromtxt("https://archive.example.edu/ml/census/census.data", usecols=(0, 4), delimiter=",")\ny_train = np.genfromtxt("https://archive.example.edu/ml/census/census.data", usecols=14, dtype=str, delimiter=",")\n',
        'X_test = np.genfromtxt("https://archive.example.edu/ml/census/census.test", usecols=(0, 4), delimiter=",", skip_header=1)\n',
        'clf = LogisticRegression().fit(X_train, y_train)\n',
      ],
      findings: [
        { cell: 1, line: 1, message: /census\.data", which serves .* \(as do 2 other loads of this dataset\)$/, related: 2 },
      ],
    },
    {
      name: 'notebook: split folders of one dataset in two cells, the training split read again: one finding, linked',
      code: [
        'import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\n',
        'train = pd.read_csv("https://data.example.org/shapes/train/shapes.csv")\n',
        'test = pd.read_csv("https://data.example.org/shapes/test/shapes.csv")\nagain = pd.read_csv("https://data.example.org/shapes/train/shapes.csv")\n',
        'forest = RandomForestClassifier(random_state=0).fit(train.drop(columns="label"), train["label"])\n',
      ],
      findings: [
        { cell: 1, line: 1, message: /shapes\/train\/shapes\.csv", which serves .* \(as do 2 other loads of this dataset\)$/, related: 2 },
      ],
    },
    {
      name: 'TFDS builders handed a config that names no version are still unpinned',
      code: py`
        import tensorflow as tf
        import tensorflow_datasets as tfds

        pair_config = tfds.translate.wmt.WmtConfig(
            language_pair=("de", "en"),
            subsets={tfds.Split.TRAIN: ["europarl_v9"]},
        )
        translation = tfds.builder("wmt_translate", config=pair_config)
        news = tfds.builder("wmt19_translate", config="zh-en")
        model = tf.keras.Sequential([tf.keras.layers.Dense(2)])
      `,
      findings: [
        { line: 8, message: /^`tfds\.builder\("wmt_translate"\)` has no version in the name/ },
        { line: 9, message: /^`tfds\.builder\("wmt19_translate"\)` has no version in the name/ },
      ],
    },
    {
      name: 'beside a builder of its own, a published TFDS dataset, and a model class that shares its name, are still unpinned',
      code: py`
        import tensorflow as tf
        import tensorflow_datasets as tfds

        class LeafPhotos(tfds.core.GeneratorBasedBuilder):
            VERSION = tfds.core.Version("1.0.0")

        class Cassava(tf.keras.Model):
            pass

        leaves = tfds.load("leaf_photos", split="train")
        extra = tfds.load("cassava", split="train")
        model = Cassava()
        model.fit(leaves.concatenate(extra).batch(32), epochs=3)
      `,
      findings: [{ line: 11, message: /^`tfds\.load\("cassava"\)` has no version in the name/ }],
    },
    {
      name: 'one dataset loaded in two functions (train and test splits) is one dependency: one finding, linked',
      code: py`
        import tensorflow_datasets as tfds
        from datasets import load_dataset
        def train_input():
            return tfds.load(name="mnist", split="train")
        def eval_input():
            return tfds.load("mnist", split="test")
        reviews = load_dataset("imdb", split="train")
        other = load_dataset("ag_news", split="train")
      `,
      findings: [
        { line: 4, message: /^`tfds.load\("mnist"\)` has no version in the name .* \(as does 1 other load of this dataset\)$/, related: 1 },
        { line: 7, message: /^`load_dataset\("imdb"\)` has no `revision=`/ },
        { line: 8, message: /^`load_dataset\("ag_news"\)` has no `revision=`/ },
      ],
    },
    {
      name: 'two configs of one TFDS builder loaded side by side (interactions and item catalogue): one dependency, one finding',
      code: py`
        import tensorflow_datasets as tfds
        import tensorflow_recommenders as tfrs

        plays = tfds.load("music_plays/10k-listens", split="train")
        tracks = tfds.load("music_plays/10k-tracks", split="train")
        model = tfrs.Model()
      `,
      findings: [
        { line: 4, message: /^`tfds\.load\("music_plays\/10k-listens"\)` has no version in the name .* \(as does 1 other load of this dataset\)$/, related: 1 },
      ],
    },
    {
      name: 'a TFDS builder config named in the path and another given in builder_kwargs, in two functions: one finding',
      code: py`
        import tensorflow_datasets as tfds

        def interactions():
            return tfds.load(name="shop_events/clicks", split="train")

        def catalogue():
            return tfds.load("shop_events", split="train", builder_kwargs={"config": "items"})
      `,
      findings: [{ line: 4, message: /^`tfds\.load\("shop_events\/clicks"\)` has no version in the name .* \(as does 1 other load of this dataset\)$/, related: 1 }],
    },
    {
      name: 'TFDS configs of three builders stay three dependencies, and a pinned config leaves its sibling reported alone',
      code: py`
        import tensorflow_datasets as tfds

        ratings = tfds.load("movie_lens/100k-ratings", split="train")
        reviews = tfds.load("imdb_reviews/plain_text", split="train")
        movies = tfds.load("movie_lens_v2/100k-movies", split="train")
        users = tfds.load("shop_events/users:1.0.0", split="train")
        clicks = tfds.load("shop_events/clicks", split="train")
      `,
      findings: [
        { line: 3, message: /^`tfds\.load\("movie_lens\/100k-ratings"\)` has no version in the name \(".*:1\.2\.3"\): a new release of the dataset changes the data this code reads$/, related: 0 },
        { line: 4, message: /^`tfds\.load\("imdb_reviews\/plain_text"\)` has no version in the name \(".*:1\.2\.3"\): a new release of the dataset changes the data this code reads$/, related: 0 },
        { line: 5, message: /^`tfds\.load\("movie_lens_v2\/100k-movies"\)` has no version in the name \(".*:1\.2\.3"\): a new release of the dataset changes the data this code reads$/, related: 0 },
        { line: 7, message: /^`tfds\.load\("shop_events\/clicks"\)` has no version in the name \(".*:1\.2\.3"\): a new release of the dataset changes the data this code reads$/, related: 0 },
      ],
    },
    {
      name: 'a dataset repository downloaded file by file from the Hub, and loaded as well: one dependency',
      code: py`
        from huggingface_hub import hf_hub_download, snapshot_download
        from datasets import load_dataset
        train_file = hf_hub_download(repo_id="acme/churn-tables", filename="train.parquet", repo_type="dataset")
        test_file = hf_hub_download("acme/churn-tables", "test.parquet", repo_type="dataset")
        folder = snapshot_download(repo_id="acme/speech-clips", repo_type="dataset")
        extra = load_dataset("acme/churn-tables", split="validation")
      `,
      findings: [
        { line: 3, message: /^`hf_hub_download\("acme\/churn-tables"\)` has no `revision=`: the dataset can be updated on the Hub .* \(as do 2 other loads of this dataset\)$/, related: 2 },
        { line: 5, message: /^`snapshot_download\("acme\/speech-clips"\)` has no `revision=`/ },
      ],
    },
    {
      name: 'read_csv of a raw GitHub URL on a branch, through a variable',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        DATA_URL = "https://raw.githubusercontent.com/acme/data/master/churn.csv"
        df = pd.read_csv(DATA_URL)
        RandomForestClassifier(random_state=0).fit(df.drop(columns="churn"), df["churn"])
      `,
      findings: [{ line: 4, column: 18, message: /`pd\.read_csv` reads data from the URL "https:\/\/raw\.githubusercontent\.com\/acme\/data\/master\/churn\.csv"/ }],
      noFix: true,
    },
    {
      name: 'a database server is a live table, also beside a local file',
      code: py`
        import sqlite3
        import pandas as pd
        from sqlalchemy import create_engine
        from sklearn.linear_model import LogisticRegression
        warehouse = create_engine("postgresql://analytics@db.internal/shop")
        orders = pd.read_sql("SELECT * FROM orders", warehouse)
        cached = pd.read_sql("SELECT * FROM orders", sqlite3.connect("cache.db"))
        LogisticRegression().fit(orders.drop(columns="churned"), orders["churned"])
      `,
      findings: [{ line: 6, column: 22, message: /trains on `SELECT \*` from a live table: new rows and new columns change the training data/ }],
    },
    {
      name: 'SELECT * through read_sql, and a whole table through read_sql_table',
      code: py`
        import pandas as pd
        from xgboost import XGBClassifier
        users = pd.read_sql("select * from users where active", engine)
        events = pd.read_sql_table("events", engine)
        booster = XGBClassifier(n_estimators=50)
      `,
      findings: [
        { line: 3, column: 21, message: /`pd\.read_sql` reads `SELECT \*` from a live table: new rows and new columns change the data this code reads/ },
        { line: 4, column: 28, message: /`pd\.read_sql_table` reads the whole live table "events": every new row or column changes the data this code reads/ },
      ],
    },
    {
      name: 'one query on one connection read again in a later cell is one table to pin; another query, or the same on another connection, is its own',
      code: [
        'import pandas as pd\nfrom sqlalchemy import create_engine\nfrom sklearn.ensemble import RandomForestClassifier\nengine = create_engine(WAREHOUSE_URL)\nstaff = pd.read_sql("SELECT * FROM staff;", engine)\n',
        'staff = pd.read_sql("""select *\n   from staff""", engine)\nRandomForestClassifier(random_state=0).fit(staff.drop(columns="left"), staff["left"])\n',
        'teams = pd.read_sql("SELECT * FROM teams", engine)\nbackup = pd.read_sql("SELECT * FROM staff", replica)\n',
      ],
      findings: [
        { cell: 0, line: 5, message: /^`pd\.read_sql` reads `SELECT \*` from a live table: .* \(as does 1 other load of this query\)$/, related: 1 },
        { cell: 2, line: 1, message: /^`pd\.read_sql` reads `SELECT \*` from a live table: new rows and new columns change the data this code reads/ },
        { cell: 2, line: 2, message: /^`pd\.read_sql` reads `SELECT \*`/ },
      ],
    },
    {
      name: 'load_dataset without revision, or on a branch; keyword and aliased import',
      code: py`
        from datasets import load_dataset as ld
        squad = ld("squad")
        glue = ld(path="nyu-mll/glue", name="mrpc", revision="main")
      `,
      findings: [
        { line: 2, message: /`ld\("squad"\)` has no `revision=`/ },
        { line: 3, message: /follows the branch "main"/ },
      ],
    },
    {
      name: 'URLs built from a base address with + or an f-string are known strings too',
      code: py`
        from sklearn.linear_model import LogisticRegression
        import pandas as pd
        BASE = "https://files.example.org/shop/"
        orders = pd.read_csv(BASE + "orders.csv")
        stores = pd.read_csv(f"{BASE}stores.csv")
        LogisticRegression().fit(orders[["basket"]], orders["returned"])
      `,
      findings: [
        { line: 4, column: 22, message: /reads data from the URL "https:\/\/files\.example\.org\/shop\/orders\.csv"/ },
        { line: 5, column: 22, message: /reads data from the URL "https:\/\/files\.example\.org\/shop\/stores\.csv"/ },
      ],
    },
    {
      name: 'a zero-shot evaluation notebook that trains nothing: the unversioned tfds loads are reported as data read, not training data',
      code: [
        'import numpy as np\nimport tensorflow_datasets as tfds\nfrom encoders import load_pretrained_encoder\n',
        'samples = [ex["image"] for _, ex in zip(range(4), tfds.load("imagenette", split="train"))]\n',
        'builder = tfds.builder("cifar100")\nbuilder.download_and_prepare()\ntest_split = builder.as_dataset("test")\n',
        'encoder = load_pretrained_encoder("checkpoints/encoder.npz")\naccuracy = np.mean([encoder.classify(ex["image"]) == ex["label"] for ex in tfds.as_numpy(test_split)])\n',
      ],
      findings: [
        { cell: 1, line: 1, message: /^`tfds\.load\("imagenette"\)` has no version in the name \("imagenette:1\.2\.3"\): a new release of the dataset changes the data this code reads$/ },
        { cell: 2, line: 1, message: /^`tfds\.builder\("cifar100"\)` has no version in the name \("cifar100:1\.2\.3"\): a new release of the dataset changes the data this code reads$/ },
      ],
    },
    {
      name: 'fetch_openml by name, tfds.load without a version, data_files on a URL',
      code: py`
        import sklearn.datasets as skd
        import tensorflow_datasets as tfds
        from datasets import load_dataset
        titanic = skd.fetch_openml("titanic", as_frame=True)
        ds = tfds.load("imdb_reviews", split="train")
        remote = load_dataset("csv", data_files={"train": "https://example.org/train.csv"})
      `,
      findings: [
        { line: 4, message: /`skd\.fetch_openml\("titanic"\)` has no `version=`/ },
        { line: 5, message: /`tfds\.load\("imdb_reviews"\)` has no version/ },
        { line: 6, message: /reads data from the URL "https:\/\/example\.org\/train\.csv"/ },
      ],
    },
    {
      name: 'one load of several split URLs is one finding; the same file read again in another cell joins it',
      code: [
        'from datasets import load_dataset\nfrom transformers import AutoTokenizer\nBASE = "https://mirror.example.org/corpus/"\n',
        'files = {"train": BASE + "train.jsonl.zst", "validation": BASE + "val.jsonl.zst", "test": BASE + "test.jsonl.zst"}\ncorpus = load_dataset("json", data_files=files)\n',
        'streamed = load_dataset("json", data_files=files, streaming=True)\n',
        'pubmed = load_dataset("json", data_files="https://mirror.example.org/pubmed.jsonl.zst")\n',
        'tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")\n',
      ],
      findings: [
        { cell: 1, line: 1, message: /^`load_dataset` reads data from the URL "https:\/\/mirror\.example\.org\/corpus\/train\.jsonl\.zst" and 2 other URLs, which serve whatever .*\(as does 1 other load of this URL\)$/, related: 3 },
        { cell: 3, line: 1, message: /^`load_dataset` reads data from the URL "https:\/\/mirror\.example\.org\/pubmed\.jsonl\.zst", which serves whatever is there/, related: 0 },
      ],
    },
    {
      name: 'a downloaded dataset pushed again under its repository part is a copy: its download stays reported, while a dataset the file builds and pushes is its own',
      code: py`
        from datasets import Dataset, load_dataset
        from transformers import AutoTokenizer
        squad = load_dataset("rajpurkar/squad")
        squad.push_to_hub("acme-ml/squad")
        tickets = Dataset.from_pandas(frame)
        tickets.push_to_hub("support-tickets")
        remote = load_dataset("course-author/support-tickets", split="train")
      `,
      findings: [{ line: 3, message: /^`load_dataset\("rajpurkar\/squad"\)` has no `revision=`/ }],
    },
    {
      name: 'a Hub dataset next to one the file pushes itself stays reported',
      code: py`
        from datasets import load_dataset
        from transformers import AutoTokenizer
        issues.push_to_hub("github-issues")
        reviews = load_dataset("course-author/amazon-reviews", split="train")
      `,
      findings: [{ line: 4, message: /^`load_dataset\("course-author\/amazon-reviews"\)` has no `revision=`/ }],
    },
    {
      name: 'the same dashboard once its clustering import is read: the table it clusters is training data, another query is data read',
      code: py`
        import os
        import pandas as pd
        from sqlalchemy import create_engine
        from sklearn.cluster import KMeans
        engine = create_engine(os.environ["DATABASE_URL"])
        with engine.connect() as conn:
            customers = pd.read_sql_query("SELECT * FROM customers", conn)
            regions = pd.read_sql_query("SELECT * FROM regions", conn)
        segmenter = KMeans(n_clusters=4, n_init=10).fit(customers[["recency", "frequency", "monetary"]])
      `,
      findings: [
        { line: 7, message: /trains on `SELECT \*` from a live table: new rows and new columns change the training data/ },
        { line: 8, message: /reads `SELECT \*` from a live table: new rows and new columns change the data this code reads/ },
      ],
    },
    {
      name: 'a live table compared with its CSV copy but also trained on, compared with another live read, or only with a constant',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        frozen = pd.read_csv("data/raw/students.csv")
        live = pd.read_sql("SELECT * FROM students", engine)
        assert live.shape == frozen.shape
        RandomForestClassifier(random_state=0).fit(live.drop(columns="dropout"), live["dropout"])
        replica = pd.read_sql("SELECT * FROM students", replica_engine)
        primary = pd.read_sql("SELECT * FROM students_v2", engine)
        assert primary.shape == replica.shape
        fresh = pd.read_sql("SELECT * FROM courses", engine)
        assert len(fresh) > 0, "no courses"
        remote = pd.read_csv("https://example.org/exports/teachers.csv")
        teachers = pd.read_sql("SELECT * FROM teachers", engine)
        assert teachers.equals(remote)
      `,
      findings: [
        { line: 4, message: /^`pd\.read_sql` trains on `SELECT \*`/ },
        { line: 7, message: /reads `SELECT \*`/ },
        { line: 8, message: /reads `SELECT \*`/ },
        { line: 10, message: /reads `SELECT \*`/ },
        { line: 12, message: /example\.org\/exports\/teachers\.csv/ },
        { line: 13, message: /reads `SELECT \*`/ },
      ],
    },
    {
      name: 'an import read only inside a function still shows the file trains',
      code: py`
        import pandas as pd
        from sklearn.ensemble import GradientBoostingRegressor
        regions = pd.read_sql("SELECT * FROM regions", engine)
        def fit_uplift(frame):
            return GradientBoostingRegressor().fit(frame[["spend"]], frame["lift"])
      `,
      findings: [{ line: 3, message: /reads `SELECT \*` from a live table/ }],
    },
    {
      name: 'notebook: the URL read in one cell, the model in another',
      code: [
        'import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\n',
        '%%time\ndf = pd.read_json("http://example.org/api/export.json")\n',
        'clf = LogisticRegression().fit(df[["x"]], df["y"])\n',
      ],
      findings: [{ cell: 1, line: 2, column: 19 }],
    },
  ],
});

describe('MLD301 and TFDS builders of the project (AnalysisConfig.projectModules)', () => {
  const builderModule = (name: string, text: string): ProjectModuleSource => ({ name, path: `/project/data_loading/${name}.py`, text });
  const lines = async (code: string, modules: ProjectModuleSource[]): Promise<number[]> => {
    const { result } = await run(code, undefined, { ...allRulesConfig(), projectModules: modules });
    return result.findings.filter((f) => f.code === 'MLD301').map((f) => f.range.start.line + 1);
  };
  const LOADER = py`
    import tensorflow as tf
    import tensorflow_datasets as tfds
    portraits = tfds.load("portraits_anime", split="train", as_supervised=True)
    model = tf.keras.Sequential([tf.keras.layers.Dense(2)])
    model.fit(portraits.batch(8), epochs=1)
  `;

  it('leaves alone a dataset the module named after it builds, also as the Builder class of the tfds new layout', async () => {
    const named = builderModule('portraits_anime', 'import tensorflow_datasets as tfds\nclass PortraitsAnime(tfds.core.GeneratorBasedBuilder):\n    VERSION = tfds.core.Version("1.0.0")\n');
    assert.deepEqual(await lines(LOADER, [named]), []);
    const layout: ProjectModuleSource = { name: 'portraits_anime', path: '/project/portraits_anime/portraits_anime_dataset_builder.py', text: 'import tensorflow_datasets as tfds\nclass Builder(tfds.core.GeneratorBasedBuilder):\n    pass\n' };
    assert.deepEqual(await lines(LOADER, [layout]), []);
  });

  it('still reports the load when the module named after the dataset defines no builder of that name', async () => {
    const other = builderModule('portraits_anime', 'import tensorflow_datasets as tfds\nclass PortraitsPhoto(tfds.core.GeneratorBasedBuilder):\n    pass\nclass PortraitsAnime:\n    pass\n');
    assert.deepEqual(await lines(LOADER, [other]), [3]);
  });
});
