import { predictionFeedbackLoop } from '../../../server/src/detectors/mld401-prediction-feedback-loop';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(predictionFeedbackLoop, {
  valid: [
    {
      name: 'predictions written to a submission that is never read back',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        train = pd.read_csv("train.csv")
        test = pd.read_csv("test.csv")
        model = RandomForestClassifier(random_state=0).fit(train[FEATURES], train.target)
        sub = pd.DataFrame({"id": test.id, "target": model.predict(test[FEATURES])})
        sub.to_csv("submission.csv", index=False)
      `,
    },
    {
      name: 'predictions read back for a report, not for training',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        df = pd.read_csv("train.csv")
        clf = LogisticRegression().fit(df[["a"]], df.y)
        pd.DataFrame({"p": clf.predict_proba(df[["a"]])[:, 1]}).to_csv("scores.csv")
        scores = pd.read_csv("scores.csv")
        print(scores.describe())
      `,
    },
    {
      name: 'training data written and read back without model output in it',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LinearRegression
        raw = pd.read_csv("raw.csv")
        raw.dropna().to_csv("clean.csv")
        clean = pd.read_csv("clean.csv")
        LinearRegression().fit(clean[["x"]], clean.y)
      `,
    },
    {
      name: 'a prediction column written to another file than the one trained on',
      code: [
        'import pandas as pd\nfrom xgboost import XGBClassifier\nhist = pd.read_parquet("labelled.parquet")\nmodel = XGBClassifier()\nmodel.fit(hist[COLS], hist.label)\n',
        'new = pd.read_parquet("incoming.parquet")\nnew["label"] = model.predict(new[COLS])\nnew.to_parquet("scored.parquet")\n',
      ],
    },
    {
      name: 'no model library: a predict method on something else',
      code: py`
        import pandas as pd
        df = pd.read_csv("d.csv")
        df["y"] = oracle.predict(df)
        df.to_csv("d.csv")
        fitter.fit(pd.read_csv("d.csv"))
      `,
    },
    {
      name: 'features of a frozen network cached on disk: loaded when present, else predicted and saved',
      code: py`
        import os
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from tensorflow.keras.applications import ResNet50
        backbone = ResNet50(include_top=False, pooling="avg")
        if os.path.exists("train_feats.npy"):
            feats = np.load(open("train_feats.npy", "rb"))
        else:
            feats = backbone.predict(images)
            np.save(open("train_feats.npy", "wb"), feats)
        head = LogisticRegression(max_iter=1000).fit(feats, labels)
      `,
    },
  ],
  invalid: [
    {
      name: 'predictions written into the training file: read, train, predict, write',
      code: py`
        import pandas as pd
        from sklearn.ensemble import GradientBoostingClassifier
        history = pd.read_csv("transactions.csv")
        model = GradientBoostingClassifier(random_state=0)
        model.fit(history[FEATURES], history["is_fraud"])
        history["is_fraud"] = model.predict(history[FEATURES])
        history.to_csv("transactions.csv", index=False)
      `,
      findings: [{ line: 3, column: 11, message: /^The training data read here from "transactions.csv" is written with model output \(`model.predict`\) in line 7: the model learns from its own predictions/, related: 2 }],
      noFix: true,
    },
    {
      name: 'pseudo-labels across notebook cells, through concat and a split',
      code: [
        'import pandas as pd\nfrom sklearn.model_selection import train_test_split\nfrom lightgbm import LGBMClassifier\nlabelled = pd.read_csv("labelled.csv")\nclf = LGBMClassifier(random_state=1).fit(labelled[COLS], labelled.y)\n',
        'unlabelled = pd.read_csv("pool.csv")\nunlabelled["y"] = clf.predict(unlabelled[COLS])\nunlabelled.to_csv("pseudo.csv", index=False)\n',
        'pseudo = pd.read_csv("pseudo.csv")\nfull = pd.concat([labelled, pseudo])\nX_tr, X_va, y_tr, y_va = train_test_split(full[COLS], full.y, random_state=1)\nclf.fit(X_tr, y_tr)\n',
      ],
      findings: [{ cell: 2, line: 1, column: 10, message: /read here from "pseudo.csv" is written with model output \(`clf.predict`\) in cell 2/, related: 2 }],
    },
    {
      name: 'a table: scores written with to_sql and selected back as training data',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        data = pd.read_sql("SELECT * FROM customers JOIN scores USING (id)", con)
        model = LogisticRegression().fit(data[COLS], data.churned)
        scores = pd.DataFrame({"id": data.id, "score": model.predict_proba(data[COLS])[:, 1]})
        scores.to_sql("scores", con, if_exists="replace")
      `,
      findings: [{ line: 3, message: /from table `scores` is written with model output \(`model.predict_proba`\) in line 6/ }],
    },
  ],
});
