import { inplaceReturnsNone } from '../../../server/src/detectors/mld903-inplace-returns-none';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(inplaceReturnsNone, {
  valid: [
    {
      name: 'inplace=True on its own line, and assignment without inplace',
      code: py`
        import pandas as pd
        df = pd.read_csv("train.csv")
        df.dropna(inplace=True)
        df.sort_values("date", inplace=True, ascending=False)
        df = df.fillna(0)
        clean = df.drop_duplicates(inplace=False)
      `,
    },
    {
      name: "torch's inplace arguments return the tensor",
      code: py`
        import pandas as pd
        import torch.nn as nn
        import torch.nn.functional as F
        act = nn.ReLU(inplace=True)
        h = F.relu(x, inplace=True)
        h = F.dropout(h, p=0.1, inplace=True)
      `,
    },
    {
      name: 'a polars frame, an unknown flag, and a file without pandas',
      code: py`
        import pandas as pd
        import polars as pl
        lf = pl.read_csv("a.csv")
        lf = lf.drop_nulls().fill_nan(0)
        out = lf.sort("a")
        frame = frame.dropna(inplace=flag)
      `,
    },
    {
      name: 'no pandas import: a method of the same name elsewhere',
      code: py`
        import mylib
        table = mylib.Table("t")
        table = table.rename("u", inplace=True)
      `,
    },
  ],
  invalid: [
    {
      name: 'df = df.dropna(inplace=True): the fix drops inplace=True',
      code: py`
        import pandas as pd
        df = pd.read_csv("train.csv")
        df = df.dropna(inplace=True)
      `,
      findings: [{ line: 3, column: 16, message: /`df\.dropna\(\.\.\., inplace=True\)` modifies `df` and returns None: `df` is now None/, related: 1 }],
      safety: 'unsafe',
      output: py`
        import pandas as pd
        df = pd.read_csv("train.csv")
        df = df.dropna()
      `,
    },
    {
      name: 'a column assigned from fillna, and inplace=True first among several arguments',
      code: py`
        import pandas as pd
        df = pd.read_csv("train.csv")
        df["age"] = df["age"].fillna(df["age"].median(), inplace=True)
        clean = df.sort_values(inplace=True, by="date", ascending=False)
      `,
      findings: [{ line: 3, message: /`df\["age"\]` is now None/ }, { line: 4, message: /`clean` is now None/ }],
      fixIndex: 1,
      output: py`
        import pandas as pd
        df = pd.read_csv("train.csv")
        df["age"] = df["age"].fillna(df["age"].median(), inplace=True)
        clean = df.sort_values(by="date", ascending=False)
      `,
    },
    {
      name: 'a multi-line call keeps its layout; returned and chained results',
      code: py`
        import pandas as pd
        def prepare(frame):
            frame = frame.rename(
                columns={"A": "a"},
                inplace=True,
            )
            return frame.reset_index(drop=True, inplace=True)
        out = prepare(x).set_index("id", inplace=True).head()
      `,
      findings: [{ line: 5, column: 9 }, { line: 7, message: /gives back None instead of the frame/ }, { line: 8, message: /AttributeError/ }],
      output: py`
        import pandas as pd
        def prepare(frame):
            frame = frame.rename(
                columns={"A": "a"},
            )
            return frame.reset_index(drop=True, inplace=True)
        out = prepare(x).set_index("id", inplace=True).head()
      `,
    },
    {
      name: 'the only argument, in a notebook with a constant flag',
      code: ['import pandas as pd\nINPLACE = True\n', 'data = pd.read_json("d.json")\ndata = data.drop_duplicates(inplace=INPLACE)\n'],
      findings: [{ cell: 1, line: 2, column: 29 }],
      output: ['import pandas as pd\nINPLACE = True\n', 'data = pd.read_json("d.json")\ndata = data.drop_duplicates()\n'],
    },
  ],
});
