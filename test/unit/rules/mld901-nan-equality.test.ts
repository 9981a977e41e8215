import { nanEquality } from '../../../server/src/detectors/mld901-nan-equality';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(nanEquality, {
  valid: [
    {
      name: 'real NaN tests: isna, isnan, x != x',
      code: py`
        import numpy as np
        import pandas as pd
        df = pd.read_csv("patients.csv")
        missing = df[df["age"].isna()]
        bad = np.isnan(values)
        is_nan = value != value
      `,
    },
    {
      name: 'the string "nan", nanmin, nan_to_num, and identity checks',
      code: py`
        import numpy as np
        labels = df[df["label"] == "nan"]
        best = d == np.nanmin(d)
        score == np.nan_to_num(np.inf)
        if x is np.nan:
            pass
      `,
    },
    {
      name: 'np.nan == np.nan written on purpose, and a local nan that is not NaN',
      code: py`
        import numpy as np
        print(np.nan == np.nan)
        def check(nan):
            return x == nan
      `,
    },
    {
      name: 'a Spark column expression compared with NaN is a Spark SQL condition, where NaN equals NaN',
      code: py`
        import numpy as np
        from pyspark.sql import functions as F
        flagged = sdf.withColumn("gap", F.when(F.col("reading") == np.nan, 1).otherwise(0))
        kept = sdf.filter(F.col("reading").cast("double") != float("nan"))
        ratio = F.when(F.lit(divisor) == np.nan, np.nan).otherwise(F.lit(total) / divisor)
      `,
    },
    {
      name: 'ordering comparisons and float("inf")',
      code: py`
        import math
        if x < float("nan") or y == float("inf") or z >= math.nan:
            pass
      `,
    },
  ],
  invalid: [
    {
      name: 'a Python value collected from Spark compared with NaN is a Python comparison',
      code: py`
        import math
        from pyspark.sql import functions as F
        mean_reading = sdf.select(F.mean("reading")).first()[0]
        if mean_reading == float("nan"):
            mean_reading = 0.0
      `,
      findings: [{ line: 4, message: /`mean_reading == float\("nan"\)` is always False/ }],
      output: py`
        import math
        from pyspark.sql import functions as F
        mean_reading = sdf.select(F.mean("reading")).first()[0]
        if math.isnan(mean_reading):
            mean_reading = 0.0
      `,
    },
    {
      name: 'a column compared with np.nan: pd.isna',
      code: py`
        import numpy as np
        import pandas as pd
        df = pd.read_csv("patients.csv")
        missing = df[df["age"] == np.nan]
      `,
      findings: [{ line: 4, column: 14, message: /`df\["age"\] == np\.nan` is always False for every element/ }],
      safety: 'unsafe',
      output: py`
        import numpy as np
        import pandas as pd
        df = pd.read_csv("patients.csv")
        missing = df[pd.isna(df["age"])]
      `,
    },
    {
      name: 'float("nan") on the left, != : pd.notna with the file\'s alias',
      code: py`
        import pandas as pandas_lib
        def total(values):
            out = 0
            for v in values:
                if float("NaN") != v:
                    out += v
            return out
      `,
      findings: [{ line: 5, column: 12, message: /is always True/ }],
      output: py`
        import pandas as pandas_lib
        def total(values):
            out = 0
            for v in values:
                if pandas_lib.notna(v):
                    out += v
            return out
      `,
    },
    {
      name: 'from numpy import nan, without pandas: ~np.isnan',
      code: py`
        import numpy as np
        from numpy import nan
        mask = arr != nan
      `,
      findings: [{ line: 3, column: 8 }],
      output: py`
        import numpy as np
        from numpy import nan
        mask = ~np.isnan(arr)
      `,
    },
    {
      name: 'math.nan in plain Python, inside an expression: parenthesised not',
      code: py`
        import math
        count = sum([1 for x in xs if x == math.nan]) + (y != math.nan) * 2
      `,
      findings: [{ line: 2, column: 31 }, { line: 2, column: 50 }],
      fixIndex: 1,
      output: py`
        import math
        count = sum([1 for x in xs if x == math.nan]) + (not math.isnan(y)) * 2
      `,
    },
    {
      name: 'a NaN constant, pd.NaT and pd.NA',
      code: py`
        import pandas as pd
        MISSING = float("nan")
        a = value == MISSING
        b = ts == pd.NaT
        c = s == pd.NA
      `,
      findings: [{ line: 3, message: /always False/ }, { line: 4, message: /NaT is not equal/ }, { line: 5, message: /return NA/ }],
      fixIndex: 2,
      output: py`
        import pandas as pd
        MISSING = float("nan")
        a = value == MISSING
        b = ts == pd.NaT
        c = pd.isna(s)
      `,
    },
    {
      name: 'a row mask of several comparisons with pd.NaT joined by & is one mistake: one finding, the fix changes them all',
      code: py`
        import pandas as pd
        events = pd.read_csv("events.csv", parse_dates=["onset", "offset"])
        complete = events[(
            (events["onset"] != pd.NaT) &
            (events["peak"] != pd.NaT) &
            ~(events["offset"] == pd.NaT)
        )]
      `,
      findings: [{ line: 4, related: 2, message: /^`events\["onset"\] != pd\.NaT` is always True for every element: NaT is not equal to anything, not even itself \(2 other comparisons of this condition test for a missing value the same way, linked\)$/ }],
      output: py`
        import pandas as pd
        events = pd.read_csv("events.csv", parse_dates=["onset", "offset"])
        complete = events[(
            (pd.notna(events["onset"])) &
            (pd.notna(events["peak"])) &
            ~(pd.isna(events["offset"]))
        )]
      `,
    },
    {
      name: 'comparisons joined by or and and in one if test are one finding',
      code: py`
        import math
        def usable(loss, acc):
            if loss == math.nan or (acc != float("nan") and acc < 0.5):
                return False
            return True
      `,
      findings: [{ line: 3, related: 1, message: /\(1 other comparison of this condition tests for a missing value the same way, linked\)$/ }],
      output: py`
        import math
        def usable(loss, acc):
            if math.isnan(loss) or (not math.isnan(acc) and acc < 0.5):
                return False
            return True
      `,
    },
    {
      name: 'comparisons in separate statements, or only added together, stay separate findings',
      code: py`
        import numpy as np
        import pandas as pd
        frame = pd.read_csv("beats.csv")
        no_rr = frame[frame["rr"] == np.nan]
        no_qt = frame[frame["qt"] == np.nan]
        gaps = (frame["rr"] == np.nan) + (frame["qt"] == np.nan)
      `,
      findings: [{ line: 4, related: 0 }, { line: 5, related: 0 }, { line: 6, column: 9, related: 0 }, { line: 6, column: 35, related: 0 }],
      fixIndex: 3,
      output: py`
        import numpy as np
        import pandas as pd
        frame = pd.read_csv("beats.csv")
        no_rr = frame[frame["rr"] == np.nan]
        no_qt = frame[frame["qt"] == np.nan]
        gaps = (frame["rr"] == np.nan) + (pd.isna(frame["qt"]))
      `,
    },
    {
      name: 'a torch file without pandas evidence: reported without a fix',
      code: py`
        import numpy as np
        import torch
        if loss.item() == np.nan:
            print("diverged")
      `,
      findings: [{ line: 3 }],
      noFix: true,
    },
  ],
});
