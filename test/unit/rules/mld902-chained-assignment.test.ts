import { chainedAssignment } from '../../../server/src/detectors/mld902-chained-assignment';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(chainedAssignment, {
  valid: [
    {
      name: 'single-step assignments and chained reads',
      code: py`
        import pandas as pd
        df = pd.read_csv("houses.csv")
        df.loc[df["price"] < 0, "price"] = 0
        df["rooms"] = df["rooms"].clip(upper=10)
        df.at[0, "price"] = 1
        first = df["price"][0]
      `,
    },
    {
      name: 'dicts, nested lists and NumPy arrays',
      code: py`
        import numpy as np
        import pandas as pd
        results = {}
        results["rf"] = {}
        results["rf"]["auc"] = 0.91
        grid = [[0] * 3 for _ in range(3)]
        grid[1][2] = 5
        arr = np.zeros((3, 3))
        arr[0][1] = 1.0
        arr[arr > 0][0] = 2.0
      `,
    },
    {
      name: 'objects of unknown origin and a frame attribute that is not a column',
      code: py`
        import pandas as pd
        frames = load_all()
        frames["train"]["label"] = 0
        self_df = get_frame()
        self_df["a"][0] = 1
        df = pd.DataFrame({"a": [1, 2]})
        df.columns.values[0] = "b"
      `,
    },
    {
      name: 'a file without pandas',
      code: py`
        df = read_table("x")
        df["a"][df["a"] < 0] = 0
      `,
    },
  ],
  invalid: [
    {
      name: 'column then mask: rewritten to .loc[mask, column]',
      code: py`
        import pandas as pd
        df = pd.read_csv("houses.csv")
        df["price"][df["price"] < 0] = 0
      `,
      findings: [{ line: 3, column: 1, message: /Chained assignment: this writes into `df\["price"\]`, which may be a copy, so `df` may not change/ }],
      safety: 'unsafe',
      output: py`
        import pandas as pd
        df = pd.read_csv("houses.csv")
        df.loc[df["price"] < 0, "price"] = 0
      `,
    },
    {
      name: 'mask then column, with a mask variable and an augmented assignment',
      code: py`
        import pandas as pd
        df = pd.read_csv("houses.csv")
        big = (df["rooms"] > 10) & ~df["rooms"].isna()
        df[big]["rooms"] += 1
      `,
      findings: [{ line: 4, message: /writes into `df\[big\]`/ }],
      output: py`
        import pandas as pd
        df = pd.read_csv("houses.csv")
        big = (df["rooms"] > 10) & ~df["rooms"].isna()
        df.loc[big, "rooms"] += 1
      `,
    },
    {
      name: 'a column attribute and a .loc row then a column, in notebook cells',
      code: ['import pandas as pd\ntrain = pd.read_csv("titanic.csv")\n', 'train.Embarked[train.Embarked.isnull()] = "S"\ntrain.loc[3]["Age"] = 30\n'],
      findings: [{ cell: 1, line: 1 }, { cell: 1, line: 2 }],
      output: ['import pandas as pd\ntrain = pd.read_csv("titanic.csv")\n', 'train.loc[train.Embarked.isnull(), "Embarked"] = "S"\ntrain.loc[3]["Age"] = 30\n'],
    },
    {
      name: 'column then .loc labels',
      code: py`
        import pandas as pd
        df = pd.read_csv("houses.csv")
        df["price"].loc[idx] = 0
      `,
      findings: [{ line: 3 }],
      output: py`
        import pandas as pd
        df = pd.read_csv("houses.csv")
        df.loc[idx, "price"] = 0
      `,
    },
    {
      name: 'the writes of one frame through one form of chain in one scope are one finding, linked, in a loop or after it; another frame or form is another',
      code: py`
        import pandas as pd
        stats = pd.DataFrame(index=range(len(X)))
        other = pd.DataFrame(index=range(len(X)))
        for i in range(len(X)):
            stats["mean"][i] = X.iloc[i, :].mean()
            stats["std"][i] = X.iloc[i, :].std()
            stats["max"][i] = X.iloc[i, :].max()
            other["mean"][i] = X.iloc[i, :].mean()
            stats.iloc[i]["min"] = X.iloc[i, :].min()
        stats["total"][0] = 0
      `,
      findings: [
        { line: 5, related: 3, message: /^Chained assignment: this writes into `stats\["mean"\]`, which may be a copy, so `stats` may not change \(under pandas copy-on-write it never does\) \(as do 3 other writes into it through the same kind of selection at the top level, linked\)$/ },
        { line: 8, message: /`other\["mean"\]`.*never does\)$/ },
        { line: 9, message: /`stats\.iloc\[i\]`/ },
      ],
      noFix: true,
    },
    {
      name: 'the loops of one scope and the arms of their if/elif chains and try/except blocks are one place: one finding for the frame and form',
      code: py`
        import numpy as np
        import pandas as pd
        doses = pd.read_csv("doses.csv")
        for i in doses.index:
            parts = doses["raw"][i].split()
            if len(parts) > 2:
                doses["low"][i] = float(parts[0])
            elif len(parts) == 2:
                doses["low"][i] = float(parts[1])
            else:
                doses["low"][i] = np.nan
        for i in doses.index:
            try:
                doses["unit"][i] = doses["raw"][i].split()[-1]
            except IndexError:
                doses["unit"][i] = ""
                doses["flag"][i] = 1
            for j in range(3):
                doses["rep"][j] = j
      `,
      findings: [
        { line: 7, related: 6, message: /\(as do 6 other writes into it through the same kind of selection at the top level, linked\)$/ },
      ],
      noFix: true,
    },
    {
      name: 'a function that writes one frame in a search loop of one arm and once in the other arm repeats one habit',
      code: py`
        import pandas as pd
        def score(model, grid, X, y):
            table = pd.DataFrame(columns=["auc", "f1"])
            if grid:
                for i, params in enumerate(grid):
                    model.set_params(**params).fit(X, y)
                    table["auc"][i] = auc_of(model, X, y)
            else:
                table["auc"][0] = auc_of(model, X, y)
            return table
      `,
      findings: [{ line: 7, related: 1, message: /\(as does 1 other write into it through the same kind of selection in this function, linked\)$/ }],
      noFix: true,
    },
    {
      name: 'the arms of an if in one function are one place; the same writes in another function are another',
      code: py`
        import pandas as pd
        def clip_scores(frame: pd.DataFrame, strict):
            if strict:
                frame["score"][frame["score"] < 0] = 0
            else:
                with open("log.txt", "w") as log:
                    frame["score"][frame["score"] > 1] = 1
        def fill(frame: pd.DataFrame):
            frame["score"][frame["score"].isna()] = 0
      `,
      findings: [
        { line: 4, related: 1, message: /in this function, linked\)$/ },
        { line: 9, message: /never does\)$/ },
      ],
      output: py`
        import pandas as pd
        def clip_scores(frame: pd.DataFrame, strict):
            if strict:
                frame.loc[frame["score"] < 0, "score"] = 0
            else:
                with open("log.txt", "w") as log:
                    frame.loc[frame["score"] > 1, "score"] = 1
        def fill(frame: pd.DataFrame):
            frame["score"][frame["score"].isna()] = 0
      `,
    },
    {
      name: 'writes of one frame through one form, each with a one-step form, are fixed together',
      code: py`
        import pandas as pd
        df = pd.read_csv("houses.csv")
        df["price"][df["price"] < 0] = 0
        df["rooms"][df["rooms"] > 10] = 10
      `,
      findings: [{ line: 3, related: 1, message: /\(as does 1 other write into it through the same kind of selection at the top level, linked\)$/ }],
      output: py`
        import pandas as pd
        df = pd.read_csv("houses.csv")
        df.loc[df["price"] < 0, "price"] = 0
        df.loc[df["rooms"] > 10, "rooms"] = 10
      `,
    },
    {
      name: 'ambiguous roles are reported without a fix',
      code: py`
        import pandas as pd
        df = pd.read_csv("houses.csv")
        for i in range(len(df)):
            df["price"][i] = i
        df.iloc[0]["price"] = 1
        df[col][row] = 2
      `,
      findings: [{ line: 4, related: 1 }, { line: 5 }],
      noFix: true,
    },
  ],
});
