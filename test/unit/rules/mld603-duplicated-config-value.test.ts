import { duplicatedConfigValue } from '../../../server/src/detectors/mld603-duplicated-config-value';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(duplicatedConfigValue, {
  valid: [
    {
      name: 'values already named, and different values',
      code: py`
        from sklearn.model_selection import train_test_split
        from sklearn.ensemble import RandomForestClassifier
        SEED = 42
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=SEED)
        model = RandomForestClassifier(random_state=SEED)
        X_a, X_b = train_test_split(X_tr, test_size=0.25)
      `,
    },
    {
      name: 'the same hyperparameter value in two different models, or outside models',
      code: py`
        import matplotlib.pyplot as plt
        from sklearn.tree import DecisionTreeClassifier
        from xgboost import XGBClassifier
        tree = DecisionTreeClassifier(max_depth=5)
        boost = XGBClassifier(max_depth=5)
        plt.scatter(x, y, alpha=0.5)
        plt.scatter(x, z, alpha=0.5)
      `,
    },
    {
      name: 'flags and plumbing repeated, and 32 versus 32.0',
      code: py`
        from torch.utils.data import DataLoader
        train = DataLoader(train_ds, batch_size=32, shuffle=True, num_workers=4)
        val = DataLoader(val_ds, batch_size=32.0, shuffle=True, num_workers=4)
      `,
    },
    {
      name: 'one call run many times by a loop is one site',
      code: py`
        from sklearn.model_selection import KFold
        for i in range(5):
            folds = KFold(n_splits=5, shuffle=True, random_state=i)
            other = KFold(n_splits=10)
      `,
    },
    {
      name: 'one seeding step for each library on adjacent lines',
      code: py`
        import random
        import numpy as np
        import torch
        random.seed(7); np.random.seed(7)
        torch.manual_seed(7)
        model = build()
      `,
    },
    {
      name: 'the chunk size of batched dataset preprocessing',
      code: py`
        from datasets import load_dataset
        raw = load_dataset("imdb", revision="main")
        tokenized = raw.map(tokenize_rows, batched=True, batch_size=500)
        grouped = tokenized.map(pack_blocks, batched=True, batch_size=500)
      `,
    },
    {
      name: 'lists are not shared between calls',
      code: py`
        from sklearn.neural_network import MLPClassifier
        a = MLPClassifier(hidden_layer_sizes=[64, 32])
        b = MLPClassifier(hidden_layer_sizes=[64, 32])
      `,
    },
    {
      name: 'the same epochs for two networks trained on unrelated data',
      code: py`
        import numpy as np
        from tensorflow import keras
        digits = np.load("digits.npz")
        cnn = keras.Sequential([keras.layers.Dense(10)])
        cnn.fit(digits["x"], digits["y"], epochs=10)
        prices = np.load("prices.npz")
        rnn = keras.Sequential([keras.layers.Dense(1)])
        rnn.fit(prices["x"], prices["y"], epochs=10)
      `,
    },
    {
      name: 'the same test_size in splits of unrelated data, and a validation split carved from a training split',
      code: py`
        import pandas as pd
        from sklearn.model_selection import train_test_split
        houses = pd.read_csv("houses.csv")
        h_tr, h_te = train_test_split(houses, test_size=0.2)
        reviews = pd.read_csv("reviews.csv")
        r_tr, r_te = train_test_split(reviews, test_size=0.2)
        r_fit, r_val = train_test_split(r_tr, test_size=0.2)
      `,
    },
  ],
  invalid: [
    {
      name: 'random_state=42 three times: one SEED constant replaces all of them',
      code: py`
        from sklearn.model_selection import train_test_split, KFold
        from sklearn.ensemble import RandomForestClassifier

        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=42)
        model = RandomForestClassifier(n_estimators=300, random_state=42)
        cv = KFold(5, shuffle=True, random_state=42)
      `,
      findings: [
        { line: 5, column: 63, related: 2, message: /^The seed 42 is written again here \(`random_state=42`\) and 1 more time: change it in one place/ },
      ],
      safety: 'safe',
      output: py`
        from sklearn.model_selection import train_test_split, KFold
        from sklearn.ensemble import RandomForestClassifier

        SEED = 42
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=SEED)
        model = RandomForestClassifier(n_estimators=300, random_state=SEED)
        cv = KFold(5, shuffle=True, random_state=SEED)
      `,
    },
    {
      name: 'seeding calls and a seed keyword share one seed; an existing SEED with another value is not reused',
      code: py`
        import numpy as np
        import torch
        SEED = 0
        np.random.seed(1234)
        torch.manual_seed(1234)
        split = dataset.train_test_split(test_size=0.1, seed=1234)
      `,
      findings: [
        { line: 5, related: 2, message: /The seed 1234 is written again here \(`torch\.manual_seed\(1234\)`\) and 1 more time/ },
      ],
      output: py`
        import numpy as np
        import torch
        SEED = 0
        SEED_2 = 1234
        np.random.seed(SEED_2)
        torch.manual_seed(SEED_2)
        split = dataset.train_test_split(test_size=0.1, seed=SEED_2)
      `,
    },
    {
      name: 'one batch size in the train and eval loaders, reusing a BATCH_SIZE constant that holds it',
      code: py`
        from torch.utils.data import DataLoader
        BATCH_SIZE = 64
        train = DataLoader(train_ds, batch_size=64, shuffle=True)
        val = DataLoader(val_ds, batch_size=64)
      `,
      findings: [{ line: 4, column: 37, message: /^`batch_size=64` is written again here \(in `DataLoader`\): change it in one place/ }],
      output: py`
        from torch.utils.data import DataLoader
        BATCH_SIZE = 64
        train = DataLoader(train_ds, batch_size=BATCH_SIZE, shuffle=True)
        val = DataLoader(val_ds, batch_size=BATCH_SIZE)
      `,
    },
    {
      name: 'a model hyperparameter repeated by the same constructor, a tuple size across cells',
      code: [
        'from xgboost import XGBClassifier\nfrom tensorflow import keras\nbase = XGBClassifier(learning_rate=0.05)\n',
        'gen = keras.preprocessing.image.ImageDataGenerator()\ntrain = gen.flow_from_directory("train", target_size=(150, 150))\n',
        'final = XGBClassifier(learning_rate=0.05, n_estimators=500)\nval = gen.flow_from_directory("val", target_size=(150,150))\n',
      ],
      findings: [
        { cell: 2, line: 1, message: /^`learning_rate=0\.05` is written again here \(in `XGBClassifier`\)/ },
        { cell: 2, line: 2, message: /^`target_size=\(150, 150\)` is written again here/ },
      ],
      fixIndex: 1,
      output: [
        'from xgboost import XGBClassifier\nfrom tensorflow import keras\nbase = XGBClassifier(learning_rate=0.05)\n',
        'gen = keras.preprocessing.image.ImageDataGenerator()\nTARGET_SIZE = (150, 150)\ntrain = gen.flow_from_directory("train", target_size=TARGET_SIZE)\n',
        'final = XGBClassifier(learning_rate=0.05, n_estimators=500)\nval = gen.flow_from_directory("val", target_size=TARGET_SIZE)\n',
      ],
    },
    {
      name: 'one split call copied for the same data: one finding for both of its settings',
      code: py`
        import pandas as pd
        from sklearn.model_selection import train_test_split
        df = pd.read_csv("data.csv")
        X_tr, X_te, y_tr, y_te = train_test_split(df[features], df["y"], test_size=0.25, random_state=7)
        a_tr, a_te = train_test_split(df[features], test_size=0.25, random_state=7)
      `,
      findings: [{ line: 5, message: /^`test_size=0\.25, random_state=7` are written again here \(in `train_test_split`\)/, related: 1 }],
      output: py`
        import pandas as pd
        from sklearn.model_selection import train_test_split
        df = pd.read_csv("data.csv")
        TEST_SIZE = 0.25
        SEED = 7
        X_tr, X_te, y_tr, y_te = train_test_split(df[features], df["y"], test_size=TEST_SIZE, random_state=SEED)
        a_tr, a_te = train_test_split(df[features], test_size=TEST_SIZE, random_state=SEED)
      `,
    },
    {
      name: 'the same epochs for two networks trained on the same data',
      code: py`
        import numpy as np
        from tensorflow import keras
        data = np.load("d.npz")
        small = keras.Sequential([keras.layers.Dense(1)])
        small.fit(data["x"], data["y"], epochs=20)
        wide = keras.Sequential([keras.layers.Dense(64), keras.layers.Dense(1)])
        wide.fit(data["x"], data["y"], epochs=20)
      `,
      findings: [{ line: 7, message: /^`epochs=20` is written again here \(in `wide\.fit`\)/, related: 1 }],
      output: py`
        import numpy as np
        from tensorflow import keras
        data = np.load("d.npz")
        small = keras.Sequential([keras.layers.Dense(1)])
        EPOCHS = 20
        small.fit(data["x"], data["y"], epochs=EPOCHS)
        wide = keras.Sequential([keras.layers.Dense(64), keras.layers.Dense(1)])
        wide.fit(data["x"], data["y"], epochs=EPOCHS)
      `,
    },
  ],
});
