import { glueCodeRoundTrip } from '../../../server/src/detectors/mld501-glue-code-round-trip';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(glueCodeRoundTrip, {
  valid: [
    {
      name: 'one conversion is not a round trip',
      code: py`
        import numpy as np
        import pandas as pd
        import torch
        df = pd.read_csv("train.csv")
        X = torch.tensor(df.values, dtype=torch.float32)
        arr = np.array(df)
        scaled = pd.DataFrame(scaler.transform(df), columns=df.columns)
      `,
    },
    {
      name: 'stacking or expanding a column of lists is the idiomatic way',
      code: py`
        import numpy as np
        import pandas as pd
        df = pd.read_parquet("emb.parquet")
        matrix = np.array(df["embedding"].tolist())
        expanded = pd.DataFrame(df["json"].tolist())
      `,
    },
    {
      name: 'values of unknown origin next to polars or xarray are not assumed to be pandas',
      code: py`
        import pandas as pd
        import xarray as xr
        frame = pd.DataFrame(data_array.values)
        col = ds["t2m"].values.tolist()
      `,
    },
    {
      name: 'a name that holds a NumPy array on one path and a tensor on the other is of no one library',
      code: py`
        import numpy as np
        import torch
        if cached:
            scores = np.load("scores.npy")
        else:
            scores = torch.load("scores.pt")
        values = np.asarray(scores.tolist())
      `,
    },
    {
      name: 'a TensorFlow tensor converted for torch is a boundary, not a round trip',
      code: py`
        import tensorflow as tf
        import torch
        t = torch.tensor(tf_output.numpy())
      `,
    },
    {
      name: 'rebuilding a frame with new labels is a relabelling',
      code: py`
        import pandas as pd
        visits = pd.read_csv("visits.csv")
        series = pd.Series(visits.count.values, index=pd.date_range("2024-01-01", periods=10))
        renamed = pd.DataFrame(visits.values, columns=["a", "b"])
      `,
    },
  ],
  invalid: [
    {
      name: 'pd.DataFrame(df.values) and the same with the frame\'s own columns',
      code: py`
        import pandas as pd
        df = pd.read_csv("train.csv").dropna()
        copy = pd.DataFrame(df.values)
        same = pd.DataFrame(df.to_numpy(), columns=df.columns)
      `,
      findings: [
        { line: 3, column: 8, message: /`pd\.DataFrame\(df\.values\)` turns pandas data into a NumPy array and straight back/ },
        { line: 4, column: 8 },
      ],
      noFix: true,
    },
    {
      name: 'np.array(arr.tolist()) on a NumPy array, and a tensor through a list',
      code: py`
        import numpy as np
        import torch
        a = np.random.default_rng(0).normal(size=10)
        b = np.array(a.tolist())
        t = torch.randn(3)
        c = np.asarray(t.tolist())
      `,
      findings: [
        { line: 4, message: /copies an array into a Python list and back into an array/ },
        { line: 6, message: /converts a tensor to a Python list and then to an array: `\.numpy\(\)`/ },
      ],
    },
    {
      name: 'torch.tensor(t.detach().cpu().numpy()) of a module output',
      code: py`
        import torch
        from torch import nn
        class Net(nn.Module):
            def forward(self, x):
                return x
        net = Net()
        logits = torch.tensor(net(x).detach().cpu().numpy())
        again = torch.from_numpy(logits.numpy())
      `,
      findings: [
        { line: 7, column: 10, message: /converts a tensor to NumPy and straight back to a tensor/ },
        { line: 8, column: 9 },
      ],
    },
    {
      name: 'a column converted twice, with a module alias',
      code: py`
        import pandas as pd
        labels = pd.read_csv("labels.csv")
        breeds = labels["breed"].values.tolist()
        ids = labels["id"].to_numpy().tolist()
      `,
      findings: [
        { line: 3, column: 10, message: /converts the column twice, pandas to NumPy to list: `labels\["breed"\]\.tolist\(\)`/ },
        { line: 4, column: 7 },
      ],
    },
    {
      name: 'tf.convert_to_tensor of a tensor\'s numpy(), in a notebook',
      code: [
        'import tensorflow as tf\n',
        'x = tf.ones((2, 2))\ny = tf.convert_to_tensor(x.numpy())\n',
      ],
      findings: [{ cell: 1, line: 2, column: 5, message: /`tf\.convert_to_tensor\(x\.numpy\(\)\)`/ }],
    },
  ],
});
