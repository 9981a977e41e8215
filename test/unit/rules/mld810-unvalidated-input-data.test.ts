import { unvalidatedInputData } from '../../../server/src/detectors/mld810-unvalidated-input-data';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(unvalidatedInputData, {
  valid: [
    {
      name: 'asserts on the loaded data',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        train = pd.read_csv("train.csv")
        assert train["label"].isin([0, 1]).all()
        LogisticRegression().fit(train[["a", "b"]], train["label"])
      `,
    },
    {
      name: 'a missing-value check on a frame derived from the load',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestRegressor
        raw = pd.read_csv("houses.csv")
        houses = raw.dropna(subset=["price"])
        print(houses.isna().sum())
        RandomForestRegressor(random_state=0).fit(houses[["rooms"]], houses["price"])
      `,
    },
    {
      name: 'a pandera schema (validation library imported)',
      code: py`
        import pandas as pd
        import pandera as pa
        from sklearn.linear_model import Ridge
        schema = pa.DataFrameSchema({"x": pa.Column(float), "y": pa.Column(float)})
        df = schema.validate(pd.read_csv("d.csv"))
        Ridge().fit(df[["x"]], df["y"])
      `,
    },
    {
      name: 'a toy data set from sklearn.datasets',
      code: py`
        from sklearn.datasets import load_iris
        from sklearn.tree import DecisionTreeClassifier
        X, y = load_iris(return_X_y=True)
        DecisionTreeClassifier(random_state=0).fit(X, y)
      `,
    },
    {
      name: 'a schema given to the reader',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LinearRegression
        df = pd.read_csv("d.csv", dtype={"x": "float64", "y": "float64"})
        LinearRegression().fit(df[["x"]], df["y"])
      `,
    },
    {
      name: 'notebook: info() in an exploration cell after the load',
      code: [
        'import pandas as pd\nfrom sklearn.svm import SVC\ndf = pd.read_csv("d.csv")\n',
        'df.info()\n',
        'SVC().fit(df[["a"]], df["label"])\n',
      ],
    },
    {
      name: 'an if ... raise on the data',
      code: py`
        import numpy as np
        from sklearn.linear_model import Ridge
        data = np.load("features.npy")
        if np.isnan(data).any():
            raise ValueError("features contain NaN")
        Ridge().fit(data[:, :3], data[:, 3])
      `,
    },
    {
      name: 'a missing-value report in a helper the data is passed to',
      code: py`
        import pandas as pd
        import xgboost as xgb
        def missing_table(frame):
            counts = frame.isnull().sum()
            return counts[counts > 0]
        train = pd.read_csv("train.csv")
        print(missing_table(train))
        xgb.XGBRegressor().fit(train[["a", "b"]], train["y"])
      `,
    },
    {
      name: 'data loaded but never trained on',
      code: py`
        import pandas as pd
        from sklearn.linear_model import Ridge
        report = pd.read_csv("report.csv")
        print(report.head())
        Ridge().fit(X, y)
      `,
    },
    {
      name: 'the training file checked, a test file concatenated for preprocessing',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        train = pd.read_csv("train.csv")
        test = pd.read_csv("test.csv")
        train.describe()
        full = pd.concat([train, test])
        full["a"] = full["a"].fillna(0)
        LogisticRegression().fit(full[:len(train)][["a"]], train["label"])
      `,
    },
    {
      name: 'a cache of features the notebook computes itself, loaded when the file exists',
      code: py`
        import os
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        CACHE = "embeddings_train.npy"
        if os.path.exists(CACHE):
            emb = np.load(CACHE)
        else:
            emb = encoder.predict(images)
            np.save(CACHE, emb)
        LogisticRegression(max_iter=500).fit(emb, labels)
      `,
    },
    {
      name: 'arrays this script computed, saved and read back (an intermediate file) are not outside input',
      code: py`
        import numpy as np
        import pandas as pd
        from sklearn.datasets import fetch_openml
        X, y = fetch_openml("mnist_784", version=1, return_X_y=True)
        X_train = ((X / 255.0) - 0.5) * 2
        np.savez_compressed("mnist_scaled.npz", X_train=X_train, y_train=y)
        mnist = np.load("mnist_scaled.npz")
        nn.fit(mnist["X_train"], mnist["y_train"])
        features = compute_features(frames)
        features.to_csv("features.csv", index=False)
        df = pd.read_csv("features.csv")
        model.fit(df.drop(columns="target"), df["target"])
      `,
    },
  ],
  invalid: [
    {
      name: 'a file downloaded and written as raw bytes, then read, is still outside input',
      code: py`
        import requests
        import pandas as pd
        import lightgbm as lgb
        train = requests.get("https://example.org/regression.train")
        open("regression.train", "wb").write(train.content)
        df_train = pd.read_csv("regression.train", header=None, sep="\\t")
        gbm = lgb.train(params, lgb.Dataset(df_train.drop(0, axis=1), df_train[0]))
      `,
      findings: [{ line: 6, message: /regression\.train/ }],
      noFix: true,
    },
    {
      name: 'a CSV read and fed to fit with no check',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        train = pd.read_csv("data/train.csv")
        model = RandomForestClassifier(random_state=0)
        model.fit(train[["a", "b"]], train["label"])
      `,
      findings: [{ line: 3, column: 9, message: /The data loaded by pd\.read_csv\("data\/train\.csv"\) is fed to model\.fit without any check in this script/, related: 1 }],
      noFix: true,
    },
    {
      name: 'head() and shape are not checks; a merged table is linked',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LinearRegression
        sales = pd.read_csv("sales.csv")
        stores = pd.read_csv("stores.csv")
        print(sales.head(), sales.shape)
        data = sales.merge(stores, on="store_id")
        LinearRegression().fit(data[["size", "promo"]], data["sales"])
      `,
      findings: [{ line: 3, column: 9, message: /pd\.read_csv\("sales\.csv"\) is fed to LinearRegression\(\)\.fit/, related: 2 }],
    },
    {
      name: 'a check of another frame does not count',
      code: py`
        import pandas as pd
        from sklearn.model_selection import cross_val_score
        from sklearn.linear_model import LogisticRegression
        train = pd.read_csv("train.csv")
        submission = pd.read_csv("sample_submission.csv")
        assert len(submission) > 0
        print(cross_val_score(LogisticRegression(), train[["a"]], train["y"]))
      `,
      findings: [{ line: 4, message: /is fed to cross_val_score without any check/ }],
    },
    {
      name: 'a polars frame converted for scikit-learn',
      code: py`
        import polars as pl
        from sklearn.linear_model import LinearRegression
        trips = pl.read_parquet("trips.parquet").drop_nulls()
        LinearRegression().fit(trips.select(["km", "stops"]).to_numpy(), trips["minutes"].to_numpy())
      `,
      findings: [{ line: 3, column: 9, message: /pl\.read_parquet\("trips\.parquet"\) is fed to LinearRegression\(\)\.fit/ }],
    },
    {
      name: 'notebook: loaded in one cell, trained on in another',
      code: [
        'import numpy as np\nimport lightgbm as lgb\n',
        'X = np.load("X.npy")\ny = np.load("y.npy")\n',
        'booster = lgb.train({"objective": "binary"}, lgb.Dataset(X, label=y))\n',
      ],
      findings: [{ cell: 1, line: 1, column: 5, message: /np\.load\("X\.npy"\) is fed to lgb\.train without any check in this notebook/, related: 2 }],
    },
  ],
});
