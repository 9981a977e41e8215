import { hardcodedHyperparameters } from '../../../server/src/detectors/mld601-hardcoded-hyperparameters';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(hardcodedHyperparameters, {
  valid: [
    {
      name: 'a training-arguments record the framework saves with the run, imported directly or through the package',
      code: py`
        import transformers
        from transformers import Seq2SeqTrainingArguments, TrainingArguments
        args = TrainingArguments("out", learning_rate=2e-5, num_train_epochs=3, weight_decay=0.01)
        s2s = Seq2SeqTrainingArguments(
            output_dir="s2s",
            per_device_train_batch_size=16,
            per_device_eval_batch_size=16,
        )
        again = transformers.TrainingArguments(output_dir="o", warmup_ratio=0.1, gradient_accumulation_steps=4)
      `,
    },
    {
      name: 'values from a config object or constants',
      code: py`
        from xgboost import XGBClassifier
        model = XGBClassifier(n_estimators=cfg.n_estimators, max_depth=MAX_DEPTH, learning_rate=cfg["lr"])
      `,
    },
    {
      name: 'one literal hyperparameter plus plumbing arguments',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        model = RandomForestClassifier(n_estimators=300, n_jobs=-1, verbose=1, random_state=0)
      `,
    },
    {
      name: 'calls that are not models (pandas, plotting)',
      code: py`
        import pandas as pd
        import matplotlib.pyplot as plt
        df = pd.read_csv("x.csv", nrows=1000, skiprows=2)
        plt.figure(figsize=(8, 6), dpi=100)
      `,
    },
    {
      name: 'sklearn fit has no hyperparameters',
      code: py`
        from sklearn.svm import SVC
        clf = SVC(C=C_VALUE, gamma="scale")
        clf.fit(X, y, sample_weight=w)
      `,
    },
    {
      name: 'a param grid is a search space, not a setting',
      code: py`
        from sklearn.model_selection import GridSearchCV
        grid = {"max_depth": [3, 5, 7], "n_estimators": [100, 200]}
        search = GridSearchCV(est, grid, cv=5)
      `,
    },
  ],
  invalid: [
    {
      name: 'the optimizer beside a training-arguments record is still scattered literals',
      code: py`
        import torch
        from transformers import TrainingArguments
        args = TrainingArguments("out", learning_rate=2e-5, num_train_epochs=3)
        opt = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
      `,
      findings: [{ line: 4, message: /^`AdamW` hard-codes lr=5e-5, weight_decay=0.01/ }],
      output: py`
        import torch
        from transformers import TrainingArguments
        args = TrainingArguments("out", learning_rate=2e-5, num_train_epochs=3)
        ADAM_W_PARAMS = {"lr": 5e-5, "weight_decay": 0.01}
        opt = torch.optim.AdamW(model.parameters(), **ADAM_W_PARAMS)
      `,
    },
    {
      name: 'one-line estimator: the literals move to a dict passed with **',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        model = RandomForestClassifier(n_estimators=200, max_depth=8, random_state=0)
      `,
      findings: [{ line: 2, column: 9, message: /n_estimators=200, max_depth=8/ }],
      safety: 'safe',
      output: py`
        from sklearn.ensemble import RandomForestClassifier
        RANDOM_FOREST_CLASSIFIER_PARAMS = {"n_estimators": 200, "max_depth": 8}
        model = RandomForestClassifier(random_state=0, **RANDOM_FOREST_CLASSIFIER_PARAMS)
      `,
    },
    {
      name: 'multi-line optimizer call keeps its layout and comments',
      code: py`
        import torch
        opt = torch.optim.AdamW(
            model.parameters(),
            lr=3e-4,  # tuned on val
            weight_decay=0.01,
        )
      `,
      findings: [{ line: 2 }],
      output: py`
        import torch
        ADAM_W_PARAMS = {"lr": 3e-4, "weight_decay": 0.01}
        opt = torch.optim.AdamW(
            model.parameters(),
            lr=ADAM_W_PARAMS["lr"],  # tuned on val
            weight_decay=ADAM_W_PARAMS["weight_decay"],
        )
      `,
    },
    {
      name: 'keras fit with epochs and batch_size',
      code: py`
        from tensorflow import keras
        history = model.fit(X, y, epochs=20, batch_size=64, validation_split=0.1)
      `,
      findings: [{ line: 2, message: /^`model\.fit\(\)` hard-codes epochs=20, batch_size=64:/ }],
      output: py`
        from tensorflow import keras
        FIT_PARAMS = {"epochs": 20, "batch_size": 64}
        history = model.fit(X, y, validation_split=0.1, **FIT_PARAMS)
      `,
    },
    {
      name: 'positional learning rate in torch.optim.SGD: reported, no fix',
      code: py`
        import torch.optim as optim
        sgd = optim.SGD(net.parameters(), 0.01, momentum=0.9)
      `,
      findings: [{ line: 2 }],
      noFix: true,
    },
    {
      name: 'tuple hyperparameters count (hidden_layer_sizes)',
      code: py`
        from sklearn.neural_network import MLPClassifier
        mlp = MLPClassifier(hidden_layer_sizes=(64, 32), alpha=1e-4)
      `,
      findings: [{ line: 2 }],
      output: py`
        from sklearn.neural_network import MLPClassifier
        MLP_CLASSIFIER_PARAMS = {"hidden_layer_sizes": (64, 32), "alpha": 1e-4}
        mlp = MLPClassifier(**MLP_CLASSIFIER_PARAMS)
      `,
    },
  ],
});
