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
