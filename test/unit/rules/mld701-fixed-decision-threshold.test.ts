import { fixedDecisionThreshold } from '../../../server/src/detectors/mld701-fixed-decision-threshold';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(fixedDecisionThreshold, {
  valid: [
    {
      name: 'comparisons of data, not model output',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        df = pd.read_csv("x.csv")
        adults = df[df.age > 0.5]
        if loss < 0.01:
            stop = True
      `,
    },
    {
      name: 'threshold already named',
      code: py`
        from sklearn.linear_model import LogisticRegression
        THRESHOLD = 0.4
        proba = clf.predict_proba(X)[:, 1]
        y_hat = proba > THRESHOLD
      `,
    },
    {
      name: 'decision_function compared with its natural 0',
      code: py`
        from sklearn.svm import LinearSVC
        scores = svm.decision_function(X)
        labels = scores > 0
      `,
    },
    {
      name: 'no ML library imported: predict_proba on an unknown object',
      code: py`
        import numpy as np
        p = thing.predict_proba(x)
        flag = p > 0.5
      `,
    },
    {
      name: 'a variable re-bound to something else before the comparison',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        p = clf.predict_proba(X)[:, 1]
        p = df["ratio"]
        mask = p > 0.5
      `,
    },
    {
      name: 'equality, not a threshold',
      code: py`
        from sklearn.linear_model import LogisticRegression
        same = clf.predict(X) == y
      `,
    },
    {
      name: 'hard labels from a classifier compared with 0.5: the model already cut them',
      code: py`
        import numpy as np
        from xgboost import XGBClassifier
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        from sklearn.svm import SVC
        booster_clf = XGBClassifier(n_estimators=10).fit(X_tr, y_tr)
        labels = booster_clf.predict(X_te)
        error = np.mean((labels > 0.5) != y_te)
        svm = make_pipeline(StandardScaler(), SVC())
        svm.fit(X_tr, y_tr)
        flagged = svm.predict(X_te) >= 0.5
      `,
    },
    {
      name: 'metric computation: an inline error rate over a booster\'s scores',
      code: py`
        import numpy as np
        import xgboost as xgb
        bst = xgb.train(params, dtrain, num_boost_round=20)
        preds = bst.predict(dtest)
        error = np.mean((preds > 0.5) != y_test)
        errors = sum(1 for i in range(len(preds)) if int(preds[i] > 0.5) != labels[i])
      `,
    },
    {
      name: 'metric computation: a cut passed straight to a metric, by position or keyword',
      code: py`
        from sklearn.metrics import accuracy_score, confusion_matrix
        proba = clf.predict_proba(X_val)[:, 1]
        accuracy_score(y_val, proba >= 0.5)
        confusion_matrix(y_true=y_val, y_pred=(proba > 0.3).astype(int))
      `,
    },
    {
      name: 'metric computation: accuracy by hand in a torch loop',
      code: py`
        import torch
        for xb, yb in loader:
            pred = model(xb)[:, 0]
            is_correct = ((pred >= 0.5).float() == yb).float()
            hits += is_correct.sum()
      `,
    },
    {
      name: 'metric computation: a named cut whose every use scores it',
      code: py`
        from sklearn.metrics import f1_score
        proba = clf.predict_proba(X_val)[:, 1]
        decision = proba >= 0.5
        (y_val == decision).mean()
        f1_score(y_val, decision)
      `,
    },
    {
      name: 'metric computation: a hand-written IoU of a cut mask with the true mask',
      code: py`
        import torch
        mask = torch.sigmoid(logits) > 0.5
        intersection = (mask & truth).sum()
        union = torch.sum(mask | truth)
        iou = intersection / union
      `,
    },
    {
      name: 'metric computation: inside a function that computes a metric',
      code: py`
        import torch

        def compute_mean_iou(pred_masks, gt_masks):
            pred_union = (pred_masks.sigmoid() > 0.5).any(dim=0)

        def accuracy(model, x, y):
            with torch.no_grad():
                hard = (torch.sigmoid(model(x)) >= 0.5).float()
            return hard
      `,
    },
    {
      name: 'a cut only drawn: a decision region on a figure',
      code: py`
        import matplotlib.pyplot as plt
        from sklearn.svm import SVC
        dec = svm.decision_function(grid)
        region = (dec > -0.8).reshape(1, -1).repeat(10, axis=0)
        fig, ax = plt.subplots()
        ax.contourf(xx, yy, region, alpha=0.4)
        plt.imshow(clf.predict_proba(grid)[:, 1].reshape(20, 20) > 0.5)
      `,
    },
  ],
  invalid: [
    {
      name: 'a booster trained with xgb.train predicts scores, not labels: its cut labels are the submission',
      code: py`
        import xgboost as xgb
        bst = xgb.train(params, dtrain, num_boost_round=20)
        preds = bst.predict(dtest)
        labels = (preds > 0.5).astype(int)
        submission["target"] = labels
      `,
      findings: [{ line: 4, column: 19, message: /^Model outputs are cut at the fixed threshold 0\.5/ }],
      output: py`
        import xgboost as xgb
        bst = xgb.train(params, dtrain, num_boost_round=20)
        preds = bst.predict(dtest)
        DECISION_THRESHOLD = 0.5
        labels = (preds > DECISION_THRESHOLD).astype(int)
        submission["target"] = labels
      `,
    },
    {
      name: 'a cut scored by a metric and also kept as the decision: the decision use counts',
      code: py`
        from sklearn.metrics import accuracy_score
        proba = clf.predict_proba(X_val)[:, 1]
        decision = proba >= 0.6
        print(accuracy_score(y_val, decision))
        df_val["send_offer"] = decision
      `,
      findings: [{ line: 3, column: 21 }],
      output: py`
        from sklearn.metrics import accuracy_score
        proba = clf.predict_proba(X_val)[:, 1]
        DECISION_THRESHOLD = 0.6
        decision = proba >= DECISION_THRESHOLD
        print(accuracy_score(y_val, decision))
        df_val["send_offer"] = decision
      `,
    },
    {
      name: 'predict_proba through a variable and a subscript, with astype',
      code: py`
        from sklearn.linear_model import LogisticRegression
        proba = clf.predict_proba(X_test)[:, 1]
        y_pred = (proba > 0.35).astype(int)
      `,
      findings: [{ line: 3, column: 19, message: /probabilities are cut at the fixed threshold 0\.35/ }],
      safety: 'safe',
      output: py`
        from sklearn.linear_model import LogisticRegression
        proba = clf.predict_proba(X_test)[:, 1]
        DECISION_THRESHOLD = 0.35
        y_pred = (proba > DECISION_THRESHOLD).astype(int)
      `,
    },
    {
      name: 'np.where on a direct call, literal on the left',
      code: py`
        import numpy as np
        import xgboost as xgb
        labels = np.where(0.7 <= model.predict_proba(X)[:, 1], 1, 0)
      `,
      findings: [{ line: 3 }],
      output: py`
        import numpy as np
        import xgboost as xgb
        DECISION_THRESHOLD = 0.7
        labels = np.where(DECISION_THRESHOLD <= model.predict_proba(X)[:, 1], 1, 0)
      `,
    },
    {
      name: 'torch sigmoid inside a function: the constant goes before the function',
      code: py`
        import torch

        def decide(logits):
            return torch.sigmoid(logits) > 0.5
      `,
      findings: [{ line: 4 }],
      output: py`
        import torch

        DECISION_THRESHOLD = 0.5
        def decide(logits):
            return torch.sigmoid(logits) > DECISION_THRESHOLD
      `,
    },
    {
      name: 'an existing constant with the same value is reused; another name is not clobbered',
      code: py`
        import tensorflow as tf
        DECISION_THRESHOLD = 0.9
        pred = model.predict(x).ravel()
        hits = pred >= 0.9
        misses = pred < 0.2
      `,
      findings: [{ line: 4 }, { line: 5 }],
      fixIndex: 1,
      output: py`
        import tensorflow as tf
        DECISION_THRESHOLD = 0.9
        pred = model.predict(x).ravel()
        hits = pred >= 0.9
        DECISION_THRESHOLD_2 = 0.2
        misses = pred < DECISION_THRESHOLD_2
      `,
    },
    {
      name: 'notebook: the score comes from an earlier cell',
      code: ['from sklearn.ensemble import RandomForestClassifier\nscores = rf.predict_proba(X)\n', 'positive = scores[:, 1] > 0.6\n'],
      findings: [{ cell: 1, line: 1, column: 27 }],
      output: ['from sklearn.ensemble import RandomForestClassifier\nscores = rf.predict_proba(X)\n', 'DECISION_THRESHOLD = 0.6\npositive = scores[:, 1] > DECISION_THRESHOLD\n'],
    },
  ],
});
