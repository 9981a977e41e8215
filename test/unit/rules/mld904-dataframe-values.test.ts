import { dataframeValues } from '../../../server/src/detectors/mld904-dataframe-values';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(dataframeValues, {
  valid: [
    {
      name: 'dict.values() is a method call, not the attribute',
      code: py`
        import pandas as pd
        scores = {"a": 1, "b": 2}
        total = sum(scores.values())
        frame = pd.DataFrame(scores, index=[0])
        cols = frame.columns.values
      `,
    },
    {
      name: 'polars and Spark frames',
      code: py`
        import pandas as pd
        import polars as pl
        from pyspark.sql import SparkSession
        lazy = pl.read_csv("train.csv")
        x = lazy.values
        spark = SparkSession.builder.getOrCreate()
        sdf = spark.read.csv("train.csv")
        y = sdf.values
      `,
    },
    {
      name: 'a NumPy structured array, a named tuple and an object of unknown origin',
      code: py`
        import numpy as np
        import pandas as pd
        from collections import namedtuple
        rec = np.zeros(3, dtype=[("values", "f8")])
        v = rec["values"]
        Row = namedtuple("Row", ["values", "label"])
        r = Row([1, 2], 0)
        print(r.values, load_table("t").values)
      `,
    },
    {
      name: 'a file that does not import pandas',
      code: py`
        import modin_like as pd
        df = pd.read_csv("train.csv")
        X = df.values
      `,
    },
    {
      name: 'a scalar from a Series reduction, chunked readers and a dict of sheets',
      code: py`
        import pandas as pd
        df = pd.read_csv("train.csv")
        m = df["price"].mean()
        for chunk in pd.read_csv("big.csv", chunksize=1000):
            print(chunk.shape)
        reader = pd.read_csv("big.csv", chunksize=1000)
        sheets = pd.read_excel("book.xlsx", sheet_name=None)
        print(reader.values, sheets.values, df.shape)
      `,
    },
    {
      name: 'a parameter that one call fills with something else',
      code: py`
        import pandas as pd
        def first(rows):
            return rows.values[0]
        first(pd.read_csv("a.csv"))
        first(load_rows())
      `,
    },
    {
      name: 'a name rebound to a NumPy array before .values is read',
      code: py`
        import pandas as pd
        from sklearn.preprocessing import StandardScaler
        X = pd.read_csv("train.csv")
        X = StandardScaler().fit_transform(X)
        print(X.values)
      `,
    },
    {
      name: 'bindings that disagree about what the name holds: a dict on one path, a frame on the other',
      code: py`
        import pandas as pd
        if flag:
            df = {"a": 1}
        else:
            df = pd.read_csv(p)
        X = df.values
        first = df["a"].values
      `,
    },
    {
      name: 'values turned at once into Python values: a list of rows, counts for a bar chart, sorted labels',
      code: py`
        import pandas as pd
        df = pd.read_csv("bikes.csv")
        X = df[["temp", "hum"]].values.tolist()
        counts = df["quality"].value_counts()
        bars = (list(counts.index), list(counts.values))
        labels = sorted(df["label"].values)
        rows = [pd.read_csv(p).values.tolist() for p in paths]
      `,
    },
  ],
  invalid: [
    {
      name: 'values kept as an array, or the list of a computed array, are still reported',
      code: py`
        import pandas as pd
        df = pd.read_csv("bikes.csv")
        X = df[["temp", "hum"]].values
        total = list(df["cnt"].values + 1)
      `,
      findings: [{ line: 3, column: 25 }, { line: 4, column: 24 }],
      safety: 'safe',
      output: py`
        import pandas as pd
        df = pd.read_csv("bikes.csv")
        X = df[["temp", "hum"]].to_numpy()
        total = list(df["cnt"].values + 1)
      `,
    },
    {
      name: 'a column and a column selection of a frame read with pandas (notebook cells)',
      code: [
        'import pandas as pd\ndf = pd.read_csv("train.csv")\n',
        'X = df[["age", "income"]].values\ny = df["churned"].values\n',
      ],
      findings: [
        { cell: 1, line: 1, column: 27, message: /`df\[\["age", "income"\]\]\.values` converts a pandas DataFrame/ },
        { cell: 1, line: 2, column: 19, message: /`df\["churned"\]\.values` on a pandas Series/ },
      ],
      safety: 'safe',
      output: [
        'import pandas as pd\ndf = pd.read_csv("train.csv")\n',
        'X = df[["age", "income"]].to_numpy()\ny = df["churned"].values\n',
      ],
    },
    {
      name: 'a Series is fixed too, but as unsafe (extension dtypes differ)',
      code: py`
        import pandas as pd
        df = pd.read_csv("train.csv")
        y = df["churned"].values
      `,
      findings: [{ line: 3, column: 19 }],
      safety: 'unsafe',
      output: py`
        import pandas as pd
        df = pd.read_csv("train.csv")
        y = df["churned"].to_numpy()
      `,
    },
    {
      name: 'aliases, method chains, column attributes, iloc and a self-referencing reassignment',
      code: py`
        from pandas import read_parquet as rp, get_dummies
        frame = rp("features.parquet")
        frame = frame.dropna().reset_index(drop=True)
        a = frame.iloc[:, :-1].values
        b = frame.age.values
        c = get_dummies(frame["city"]).values
        d = (frame["a"] - frame["b"]).values
      `,
      findings: [{ line: 4, column: 24 }, { line: 5, column: 15 }, { line: 6, column: 32 }, { line: 7, column: 31 }],
      safety: 'safe',
      output: py`
        from pandas import read_parquet as rp, get_dummies
        frame = rp("features.parquet")
        frame = frame.dropna().reset_index(drop=True)
        a = frame.iloc[:, :-1].to_numpy()
        b = frame.age.values
        c = get_dummies(frame["city"]).values
        d = (frame["a"] - frame["b"]).values
      `,
    },
    {
      name: 'row selections by .loc: a list of labels gives a DataFrame, a name of unknown value either',
      code: py`
        import pandas as pd
        df = pd.read_csv("train.csv")
        keep = ["r1", "r2"]
        A = df.loc[keep].values
        B = df.loc[["r1", "r2"]].values
        C = df.loc[rows].values
        D = df.loc[0].values
      `,
      findings: [
        { line: 4, message: /converts a pandas DataFrame/ },
        { line: 5, message: /converts a pandas DataFrame/ },
        { line: 6, message: /on a pandas DataFrame or Series/ },
        { line: 7, message: /on a pandas Series/ },
      ],
      fixIndex: 2,
      safety: 'unsafe',
      output: py`
        import pandas as pd
        df = pd.read_csv("train.csv")
        keep = ["r1", "r2"]
        A = df.loc[keep].values
        B = df.loc[["r1", "r2"]].values
        C = df.loc[rows].to_numpy()
        D = df.loc[0].values
      `,
    },
    {
      name: 'a parameter that every call fills with a frame',
      code: py`
        import pandas as pd
        def to_matrix(frame, cols):
            return frame[cols].values
        train = pd.read_csv("train.csv")
        X = to_matrix(train, ["a", "b"])
        X_test = to_matrix(pd.read_csv("test.csv"), ["a", "b"])
      `,
      findings: [{ line: 3, column: 24, message: /pandas DataFrame or Series/ }],
      safety: 'unsafe',
      output: py`
        import pandas as pd
        def to_matrix(frame, cols):
            return frame[cols].to_numpy()
        train = pd.read_csv("train.csv")
        X = to_matrix(train, ["a", "b"])
        X_test = to_matrix(pd.read_csv("test.csv"), ["a", "b"])
      `,
    },
    {
      name: 'a frame handed to a recursive helper: the frame itself is still known where it is read',
      code: py`
        import pandas as pd
        def walk(df, node):
            if node is None:
                return df.values
            left = walk(df, node.left)
            right = walk(df, node.right)
            return left | right
        frame = pd.read_csv("a.csv")
        walk(frame, tree)
        matrix = frame.values
      `,
      // Inside the helper the recursive calls hand on a parameter whose kind is being asked: unknown there.
      findings: [{ line: 10, column: 16, message: /converts a pandas DataFrame/ }],
      safety: 'safe',
      output: py`
        import pandas as pd
        def walk(df, node):
            if node is None:
                return df.values
            left = walk(df, node.left)
            right = walk(df, node.right)
            return left | right
        frame = pd.read_csv("a.csv")
        walk(frame, tree)
        matrix = frame.to_numpy()
      `,
    },
    {
      name: 'a parameter annotated pd.DataFrame',
      code: py`
        import pandas as pd
        def features(df: pd.DataFrame):
            return df.values
      `,
      findings: [{ line: 3, column: 15, message: /pandas DataFrame/ }],
      output: py`
        import pandas as pd
        def features(df: pd.DataFrame):
            return df.to_numpy()
      `,
    },
  ],
});
