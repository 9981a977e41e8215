import { correctionCascade } from '../../../server/src/detectors/mld202-correction-cascade';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(correctionCascade, {
  valid: [
    {
      name: 'a second model trained on the same features',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        from sklearn.ensemble import RandomForestClassifier
        df = pd.read_csv("d.csv")
        FEATURES = ["a", "b"]
        first = LogisticRegression().fit(df[FEATURES], df["y"])
        df["first_pred"] = first.predict(df[FEATURES])
        second = RandomForestClassifier(random_state=0)
        second.fit(df[FEATURES], df["y"])
      `,
    },
    {
      name: 'scikit-learn stacking and voting estimators',
      code: py`
        from sklearn.ensemble import StackingClassifier, VotingClassifier, RandomForestClassifier
        from sklearn.linear_model import LogisticRegression
        stack = StackingClassifier([("rf", RandomForestClassifier())], final_estimator=LogisticRegression())
        stack.fit(X_train, y_train)
        vote = VotingClassifier([("rf", RandomForestClassifier()), ("lr", LogisticRegression())])
        vote.fit(X_train, y_train)
      `,
    },
    {
      name: 'boosting written out by hand: each tree fitted to the residuals',
      code: py`
        from sklearn.tree import DecisionTreeRegressor
        tree1 = DecisionTreeRegressor(max_depth=2)
        tree1.fit(X, y)
        y2 = y - tree1.predict(X)
        tree2 = DecisionTreeRegressor(max_depth=2)
        tree2.fit(X, y2)
      `,
    },
    {
      name: 'predictions used only for metrics and written out',
      code: py`
        import pandas as pd
        from sklearn.metrics import mean_absolute_error
        from sklearn.linear_model import Ridge
        from sklearn.ensemble import GradientBoostingRegressor
        ridge = Ridge().fit(X_train, y_train)
        pred = ridge.predict(X_test)
        print(mean_absolute_error(y_test, pred))
        pd.DataFrame({"pred": pred}).to_csv("preds.csv")
        gbr = GradientBoostingRegressor(random_state=0).fit(X_train, y_train)
      `,
    },
    {
      name: 'a model refitted on its own pseudo-labels (a feedback loop, not a cascade)',
      code: py`
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        clf = LogisticRegression()
        clf.fit(X_labeled, y_labeled)
        pseudo = clf.predict(X_unlabeled)
        clf.fit(np.vstack([X_labeled, X_unlabeled]), np.concatenate([y_labeled, pseudo]))
      `,
    },
    {
      name: 'a frozen pretrained network used as a feature extractor',
      code: py`
        from tensorflow.keras.applications import Xception
        from sklearn.linear_model import LogisticRegression
        backbone = Xception(weights="imagenet", include_top=False, pooling="avg")
        features = backbone.predict(images)
        LogisticRegression(max_iter=1000).fit(features, labels)
      `,
    },
    {
      name: 'predict on an object that is not known to be a model',
      code: py`
        from sklearn.linear_model import LinearRegression
        helper = load_helper()
        helper.fit(X, y)
        hint = helper.predict(X)
        LinearRegression().fit(hint.reshape(-1, 1), y)
      `,
    },
    {
      name: "a model's validation score steering which features the next model gets",
      code: py`
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import roc_auc_score
        probe = LogisticRegression().fit(X_train[["a"]], y_train)
        auc = roc_auc_score(y_valid, probe.predict_proba(X_valid[["a"]])[:, 1])
        columns = ["a", "b"] if auc > 0.6 else ["b"]
        LogisticRegression().fit(X_train[columns], y_train)
      `,
    },
    {
      name: 'boosting by hand through a frame: predictions wrapped in pd.DataFrame, then subtracted',
      code: py`
        import pandas as pd
        from sklearn.tree import DecisionTreeRegressor
        first = DecisionTreeRegressor(max_depth=3).fit(X, y_frame)
        pred_frame = pd.DataFrame(first.predict(X), columns=["y"])
        residual = y_frame - pred_frame
        second = DecisionTreeRegressor(max_depth=3).fit(X, residual)
      `,
    },
    {
      name: 'boosting by hand through reshapes: .stack() and .squeeze() before the subtraction',
      code: py`
        import pandas as pd
        from sklearn.linear_model import Ridge
        from sklearn.ensemble import RandomForestRegressor
        base = Ridge().fit(X, y)
        stacked = pd.DataFrame(base.predict(X)).stack()
        leftover = y.values - stacked.values
        booster = RandomForestRegressor(random_state=0).fit(X, leftover)
        flat = pd.DataFrame(booster.predict(X)).squeeze()
        third = Ridge().fit(X, (y - stacked.values - flat).to_numpy())
      `,
    },
  ],
  invalid: [
    {
      name: "one model's prediction written into a column, read by another model's fit",
      code: py`
        import pandas as pd
        from sklearn.ensemble import GradientBoostingRegressor
        from sklearn.linear_model import LinearRegression
        train = pd.read_csv("train.csv")
        base = GradientBoostingRegressor(random_state=0)
        base.fit(train[["a", "b"]], train["y"])
        train["base_pred"] = base.predict(train[["a", "b"]])
        corrector = LinearRegression()
        corrector.fit(train[["base_pred", "region"]], train["y"])
      `,
      findings: [{ line: 9, column: 15, message: /corrector\.fit learns, as its input, from the output of base\.predict \(via column 'base_pred' of train\)/, related: 2 }],
      noFix: true,
    },
    {
      name: 'another model trained to reproduce a first model (its target)',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.tree import DecisionTreeClassifier
        teacher = RandomForestClassifier(random_state=0).fit(X, y)
        soft_labels = teacher.predict_proba(X)[:, 1] > 0.5
        student = DecisionTreeClassifier(max_depth=3)
        student.fit(X, soft_labels)
      `,
      findings: [{ line: 6, column: 16, message: /as its target, from the output of teacher\.predict_proba \(via variable soft_labels\)/ }],
    },
    {
      name: 'out-of-fold predictions of two models stacked by hand, through train_test_split',
      code: py`
        import numpy as np
        from sklearn.model_selection import train_test_split
        from sklearn.linear_model import Ridge, LinearRegression
        from sklearn.neighbors import KNeighborsRegressor
        ridge = Ridge().fit(X_a, y_a)
        knn = KNeighborsRegressor().fit(X_a, y_a)
        blend = np.column_stack([ridge.predict(X_b), knn.predict(X_b)])
        B_train, B_test, t_train, t_test = train_test_split(blend, y_b, random_state=0)
        meta = LinearRegression()
        meta.fit(B_train, t_train)
      `,
      findings: [{ line: 10, message: /from the output of ridge\.predict \(via variable blend\) and 1 more model/, related: 4 }],
    },
    {
      name: 'xgboost trained functionally on a frame with a prediction column',
      code: py`
        import pandas as pd
        import xgboost as xgb
        from sklearn.cluster import KMeans
        df = pd.read_csv("d.csv")
        km = KMeans(n_clusters=8, random_state=0)
        km.fit(df[["lat", "lon"]])
        df["cluster"] = km.predict(df[["lat", "lon"]])
        dtrain = xgb.DMatrix(df[["cluster", "price"]], label=df["y"])
        booster = xgb.train({"max_depth": 3}, dtrain)
      `,
      findings: [{ line: 9, column: 39, message: /xgb\.train learns, as its input, from the output of km\.predict \(via column 'cluster' of df\)/ }],
    },
    {
      name: 'notebook: the first model in one cell, the second in another',
      code: [
        'import pandas as pd\nfrom sklearn.linear_model import LogisticRegression, LinearRegression\ndf = pd.read_csv("d.csv")\n',
        'p_model = LogisticRegression().fit(df[["a"]], df["bought"])\ndf["p_buy"] = p_model.predict_proba(df[["a"]])[:, 1]\n',
        'spend = LinearRegression()\nspend.fit(df[["p_buy", "b"]], df["spend"])\n',
      ],
      findings: [{ cell: 2, line: 2, column: 11, related: 2 }],
    },
    {
      name: 'notebook: two models bound to one name are told apart by class and cell',
      code: [
        'import pandas as pd\nfrom sklearn.ensemble import RandomForestRegressor\nfrom sklearn.linear_model import LinearRegression\n',
        'model = RandomForestRegressor(random_state=0).fit(train[["a", "b"]], train["y"])\ntrain["rf"] = model.predict(train[["a", "b"]])\n',
        'model = LinearRegression()\nmodel.fit(train[["rf", "region"]], train["y"])\n',
      ],
      findings: [{ cell: 2, line: 2, message: /^model\.fit \(LinearRegression, trained in cell 3\) learns, as its input, from the output of model\.predict \(RandomForestRegressor, trained in cell 2\)/ }],
    },
  ],
});
