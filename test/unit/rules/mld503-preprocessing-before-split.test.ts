import { preprocessingBeforeSplit } from '../../../server/src/detectors/mld503-preprocessing-before-split';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

/**
 * A script that scales every row before the split, then fits `linear` (the linear model built on the
 * split, `lin`) beside a statsmodels fit of all rows and a random forest, and scores both on the test rows.
 */
const linearBaselineScript = (linear: string, full = 'sm.OLS(y, X_design).fit()') => py`
  import numpy as np
  import statsmodels.api as sm
  from sklearn.ensemble import RandomForestRegressor
  from sklearn.linear_model import LinearRegression, Ridge
  from sklearn.metrics import r2_score
  from sklearn.model_selection import train_test_split
  from sklearn.preprocessing import StandardScaler

  X = np.load("traits.npy")
  y = np.load("growth.npy")
  X = StandardScaler().fit_transform(X)
  X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
  X_design = sm.add_constant(X)
  full = ${full}
  print(full.rsquared)
  lin = ${linear}
  lin.fit(X_train, y_train)
  forest = RandomForestRegressor(n_estimators=100, random_state=42).fit(X_train, y_train)
  print(r2_score(y_test, lin.predict(X_test)), r2_score(y_test, forest.predict(X_test)))
`;
/** A script that min-max scales every row, then fits `fit` (a statsmodels or scikit-learn fit bound to `ols`) on the split and scores it. */
const olsOnSplitScript = (fit: string, predict: string) => py`
  import numpy as np
  import statsmodels.api as sm
  from sklearn.metrics import r2_score
  from sklearn.model_selection import train_test_split
  from sklearn.preprocessing import MinMaxScaler

  X = MinMaxScaler().fit_transform(np.load("X.npy"))
  y = np.load("y.npy")
  X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
  ols = ${fit}
  print(r2_score(y_test, ${predict}))
`;

/**
 * A notebook-like script: a min-max scaler fitted on every row, a split of the engines whose rows
 * reach a random forest (and whatever `extra` does with them), then an LSTM trained in PyTorch on a
 * frame read again and split again.
 */
const forestThenLstmScript = (extra = '') => py`
  import numpy as np
  import pandas as pd
  import matplotlib.pyplot as plt
  import torch
  from torch import nn
  from torch.utils.data import DataLoader, TensorDataset
  from sklearn.ensemble import RandomForestRegressor
  from sklearn.linear_model import LogisticRegression
  from sklearn.metrics import mean_absolute_error, mean_squared_error
  from sklearn.model_selection import train_test_split
  from sklearn.preprocessing import MinMaxScaler, StandardScaler

  df = pd.read_csv("train_FD001.csv")
  sensors = ["s2", "s3", "s4"]
  df[sensors] = MinMaxScaler().fit_transform(df[sensors])
  engine_ids = df["engine_id"].unique()
  train_ids, val_ids = train_test_split(engine_ids, test_size=0.2, random_state=42)
  train_df = df[df["engine_id"].isin(train_ids)]
  val_df = df[df["engine_id"].isin(val_ids)]
  X_train, y_train = train_df[sensors], train_df["RUL"]
  X_val, y_val = val_df[sensors], val_df["RUL"]
  print(f"train rows: {X_train.shape[0]}, val rows: {len(X_val)}")
  rf = RandomForestRegressor(n_estimators=100, max_depth=10, random_state=42)
  rf.fit(X_train, y_train)
  y_pred = rf.predict(X_val)
  print(mean_absolute_error(y_val, y_pred), np.sqrt(mean_squared_error(y_val.values, y_pred)))
  plt.scatter(y_val, y_pred)
  plt.plot([y_val.min(), y_val.max()], [y_val.min(), y_val.max()], "--r")
  ${extra}
  seq = pd.read_csv("train_FD001.csv")
  X = np.stack([seq[sensors].values[i:i + 30] for i in range(len(seq) - 30)])
  y = seq["RUL"].values[30:]
  X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, random_state=42)
  loader = DataLoader(TensorDataset(torch.tensor(X_train), torch.tensor(y_train)), batch_size=64, shuffle=True)
  lstm = nn.LSTM(3, 64, batch_first=True)
  optimizer = torch.optim.Adam(lstm.parameters())
  for xb, yb in loader:
      optimizer.zero_grad()
      out, _ = lstm(xb.float())
      loss = ((out[:, -1, 0] - yb.float()) ** 2).mean()
      loss.backward()
      optimizer.step()
`;

/**
 * A robust scaler fitted on every row, then stratified folds in which XGBoost's functional trainer
 * (`xgb.train`) learns from the scaled rows with the settings `settings` builds as `params`.
 */
const functionalBoosterScript = (settings: string) => py`
  import json
  import numpy as np
  import xgboost as xgb
  from sklearn.model_selection import StratifiedKFold
  from sklearn.preprocessing import RobustScaler

  def train_with_cv(X, y, kind="gbtree"):
      X_scaled = RobustScaler().fit_transform(X)
      ${settings}
      aucs = []
      for train_idx, val_idx in StratifiedKFold(n_splits=3, shuffle=True, random_state=0).split(X_scaled, y):
          dtrain = xgb.DMatrix(X_scaled[train_idx], label=y[train_idx])
          dval = xgb.DMatrix(X_scaled[val_idx], label=y[val_idx])
          booster = xgb.train(params, dtrain, num_boost_round=300, evals=[(dval, "val")])
          aucs.append(booster.best_score)
      return np.mean(aucs)
`;

/** The finding of functionalBoosterScript's scaler. */
const boosterScalerFinding = { line: 8, message: /^RobustScaler is fitted on all of X before StratifiedKFold\.split/ };

/** The finding of forestThenLstmScript's scaler, when a part of its split reaches more than the forest. */
const forestScalerFinding = { line: 15, message: /^MinMaxScaler is fitted on all of df\[sensors\] before train_test_split/ };

/**
 * A script that fits a bag-of-words vectorizer built as `vectorizer` on every comment, splits the
 * counts and scores a logistic regression on the held-out part.
 */
const vectorizerScript = (vectorizer: string) => py`
  import pandas as pd
  from sklearn.feature_extraction.text import CountVectorizer
  from sklearn.linear_model import LogisticRegression
  from sklearn.model_selection import train_test_split

  tickets = pd.read_csv("tickets.csv")
  comments = list(tickets["comment"].map(str) + tickets["user"])
  vect = ${vectorizer}
  X = vect.fit_transform(comments)
  X_train, X_test, y_train, y_test = train_test_split(X, tickets["target"], random_state=42)
  clf = LogisticRegression(class_weight="balanced").fit(X_train, y_train)
  print(clf.score(X_test, y_test))
`;

/** The finding of vectorizerScript's fit. */
const vectorizerFinding = { line: 9, message: /^CountVectorizer is fitted on all of comments before train_test_split/ };

/**
 * A lesson that fits a vectorizer chained to its constructor and kept under `vect`, splits and
 * scores, then rebinds `vect` to a vectorizer with `second` and does the same again.
 */
const reboundVectorizerScript = (second: string) => py`
  import pandas as pd
  from sklearn.feature_extraction.text import CountVectorizer
  from sklearn.linear_model import LogisticRegression
  from sklearn.model_selection import train_test_split

  reviews = pd.read_csv("reviews.csv")
  text_train = list(reviews["text"])
  y = list(reviews["label"])
  vect = CountVectorizer().fit(text_train)
  X = vect.transform(text_train)
  X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=42)
  print(LogisticRegression().fit(X_train, y_train).score(X_test, y_test))
  vect = CountVectorizer(${second}).fit(text_train)
  X = vect.transform(text_train)
  X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=42)
  print(LogisticRegression().fit(X_train, y_train).score(X_test, y_test))
`;

/** The finding of reboundVectorizerScript: the second vectorizer's fit, the first having no cut-offs. */
const reboundVectorizerFinding = { line: 13, message: /^CountVectorizer is fitted on all of text_train before train_test_split/ };

ruleTests(preprocessingBeforeSplit, {
  valid: [
    {
      name: 'a transformer fitted on all the rows only to show its output, then fitted again on each fold\'s training rows before it transforms that fold\'s held-out rows',
      code: py`
        import pandas as pd
        from sklearn.model_selection import StratifiedKFold
        from sklearn.preprocessing import StandardScaler
        preprocess = StandardScaler()
        print(pd.DataFrame(preprocess.fit_transform(X)).head())
        skfold = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        for train_ids, valid_ids in skfold.split(X, y):
            X_train = preprocess.fit_transform(X.iloc[train_ids])
            X_valid = preprocess.transform(X.iloc[valid_ids])
            model.fit(X_train, y.iloc[train_ids])
            print(model.score(X_valid, y.iloc[valid_ids]))
        scaler = StandardScaler().fit(X)
        print(scaler.mean_)
        for fold_train, fold_valid in skfold.split(X, y):
            scaler.fit(X.iloc[fold_train])
            # the fold's own statistics
            scores = model.fit(scaler.transform(X.iloc[fold_train]), y.iloc[fold_train]).score(scaler.transform(X.iloc[fold_valid]), y.iloc[fold_valid])
      `,
    },
    {
      name: 'a PCA fitted on the training part of the old cross_validation module\'s train_test_split',
      code: py`
        from sklearn.decomposition import PCA
        from sklearn.cross_validation import train_test_split
        from sklearn.linear_model import LogisticRegression
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0)
        pca = PCA(n_components=10).fit(X_tr)
        print(LogisticRegression().fit(pca.transform(X_tr), y_tr).score(pca.transform(X_te), y_te))
      `,
    },
    {
      name: 'a CountVectorizer whose frequency cut-offs are given the values that cut nothing (the defaults), before the split',
      code: vectorizerScript('CountVectorizer(ngram_range=(1, 2), stop_words="english", min_df=1)'),
    },
    {
      name: 'a CountVectorizer told max_df=1.0, min_df=0 or max_features=None, before the split',
      code: vectorizerScript('CountVectorizer(max_df=1.0, min_df=0, max_features=None)'),
    },
    {
      name: 'a CountVectorizer told min_df=0.0, before the split',
      code: vectorizerScript('CountVectorizer(min_df=0.0, lowercase=True)'),
    },
    {
      name: 'a scaler before the folds, when every fold trains XGBoost\'s functional trainer with a settings literal of the file that keeps a tree booster',
      code: functionalBoosterScript('params = {"objective": "binary:logistic", "max_depth": 6, "tree_method": "hist", "booster": "gbtree"}'),
    },
    {
      name: 'a scaler before a split whose rows LightGBM\'s functional trainer learns from, its settings a literal handed as params=',
      code: py`
        import lightgbm as lgb
        import numpy as np
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import MinMaxScaler

        X = MinMaxScaler().fit_transform(np.load("delays.npy"))
        y = np.load("late.npy")
        X_tr, X_va, y_tr, y_va = train_test_split(X, y, test_size=0.25, random_state=3)
        gbm = lgb.train(params={"objective": "binary", "num_leaves": 63}, train_set=lgb.Dataset(X_tr, y_tr), valid_sets=[lgb.Dataset(X_va, y_va)])
        print(gbm.best_score)
      `,
    },
    {
      name: 'a scaler before a split whose parts reach only a random forest, also through rows selected by the split ids, prints, plots and metrics: the LSTM of the file learns from data read and split again',
      code: forestThenLstmScript(),
    },
    {
      name: 'a scaler before a split whose parts a gradient-boosting model alone is trained and scored on, in a file that also builds a Keras model on other data',
      code: py`
        import numpy as np
        from keras import layers, models
        from sklearn.metrics import accuracy_score
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        from xgboost import XGBClassifier

        X = StandardScaler().fit_transform(np.load("flows.npy"))
        y = np.load("labels.npy")
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, stratify=y, random_state=1)
        booster = XGBClassifier(n_estimators=200)
        booster.fit(X_tr, y_tr, eval_set=[(X_te, y_te)])
        print("accuracy", accuracy_score(y_te, booster.predict(X_te)))

        images = np.load("images.npy") / 255.0
        net = models.Sequential([layers.Flatten(), layers.Dense(10, activation="softmax")])
        net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        net.fit(images, np.load("digits.npy"), epochs=3, validation_split=0.1)
      `,
    },
    {
      name: 'a scaler fitted anew on each sample (one clip, one image, one signal), the samples then stacked and split',
      code: py`
        import numpy as np
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import MinMaxScaler, StandardScaler

        def per_clip(clips, labels):
            scaler = StandardScaler()
            frames = [scaler.fit_transform(clip) for clip in clips]
            X = np.array([np.pad(f, ((0, 300 - len(f)), (0, 0))) for f in frames])
            return train_test_split(X, labels, test_size=0.2, random_state=0)

        def per_image(images, labels):
            scaled = []
            for i, img in enumerate(images):
                scaled.append(MinMaxScaler().fit_transform(img.reshape(-1, 1)).reshape(48, 48))
            return train_test_split(np.stack(scaled), labels, random_state=0)

        def per_signal(signals, y):
            X = np.asarray([StandardScaler().fit_transform(s.astype("float32")) for s in signals])
            return train_test_split(X, y, stratify=y, random_state=0)
      `,
    },
    {
      name: 'the scaler is fitted on the training split only',
      code: py`
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        scaler = StandardScaler()
        X_train = scaler.fit_transform(X_train)
        X_test = scaler.transform(X_test)
      `,
    },
    {
      name: 'the scaler inside a Pipeline passed to cross_val_score',
      code: py`
        from sklearn.model_selection import cross_val_score
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        from sklearn.linear_model import LogisticRegression
        pipe = make_pipeline(StandardScaler(), LogisticRegression())
        scores = cross_val_score(pipe, X, y, cv=5)
      `,
    },
    {
      name: 'an encoder that learns only the categories, before the split',
      code: py`
        import pandas as pd
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import OneHotEncoder, LabelEncoder
        df = pd.read_csv("d.csv")
        encoded = OneHotEncoder(handle_unknown="ignore").fit_transform(df[["city"]])
        labels = LabelEncoder().fit_transform(df["label"])
        X_train, X_test, y_train, y_test = train_test_split(encoded, labels, random_state=0)
      `,
    },
    {
      name: 'category_encoders binary, base-N and hashing encoders learn only the categories, before the split',
      code: py`
        import category_encoders as ce
        import pandas as pd
        from category_encoders import BaseNEncoder
        from sklearn.model_selection import train_test_split
        from sklearn.ensemble import GradientBoostingRegressor

        def weekly(df, cat_cols, num_cols):
            enc = ce.BinaryEncoder(cols=cat_cols, drop_invariant=False)
            X = pd.concat([df[num_cols], enc.fit_transform(df[cat_cols])], axis=1)
            X_tr, X_te, y_tr, y_te = train_test_split(X, df["units"], test_size=0.2, random_state=3)
            return GradientBoostingRegressor().fit(X_tr, y_tr).score(X_te, y_te)

        def by_region(frame):
            codes = BaseNEncoder(cols=["region"], base=3).fit_transform(frame[["region"]])
            return train_test_split(codes, frame["demand"], random_state=0)

        def hashed(frame):
            hashed_items = ce.HashingEncoder(cols=["sku"], n_components=16).fit_transform(frame[["sku"]])
            return train_test_split(hashed_items, frame["sold"], shuffle=False)
      `,
    },
    {
      name: 'preprocessing whose output never reaches the split',
      code: py`
        import pandas as pd
        from sklearn.decomposition import PCA
        from sklearn.model_selection import train_test_split
        df = pd.read_csv("d.csv")
        coords = PCA(n_components=2).fit_transform(df[["a", "b", "c"]])
        X_train, X_test = train_test_split(df[["a", "b"]], random_state=0)
      `,
    },
    {
      name: 'a split before the fit, in notebook order',
      code: [
        'from sklearn.model_selection import train_test_split\nfrom sklearn.impute import SimpleImputer\nX_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)\n',
        'imputer = SimpleImputer().fit(X_tr)\nX_tr = imputer.transform(X_tr)\nX_te = imputer.transform(X_te)\n',
      ],
    },
    {
      name: 'a ColumnTransformer whose only steps one-hot encode and pass the rest through, before the split',
      code: py`
        from sklearn.compose import ColumnTransformer
        from sklearn.preprocessing import OneHotEncoder
        from sklearn.model_selection import train_test_split
        encode = ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore"), ["make", "colour"])], remainder="passthrough")
        features = encode.fit_transform(cars)
        X_train, X_test, y_train, y_test = train_test_split(features, price, test_size=0.25, random_state=1)
      `,
    },
    {
      name: 'fitted on training rows chosen by fold indices, by .loc and by position',
      code: py`
        import numpy as np
        from sklearn.model_selection import KFold, cross_val_score
        from sklearn.preprocessing import StandardScaler
        from sklearn.linear_model import Ridge
        for train_idx, valid_idx in KFold(n_splits=5, shuffle=True, random_state=0).split(X):
            scaler = StandardScaler().fit(X[train_idx])
            coder = StandardScaler().fit(df.loc[train_idx, numeric])
        order = np.random.permutation(len(df))
        train_rows = order[:800]
        scaler = StandardScaler().fit(df.iloc[train_rows].values)
        head = StandardScaler().fit_transform(X[:800])
        print(cross_val_score(Ridge(), head, y[:800], cv=5))
      `,
    },
    {
      name: 'fitted on the rows of a period selected by a mask',
      code: py`
        from sklearn.preprocessing import MinMaxScaler
        from sklearn.model_selection import train_test_split
        scaler = MinMaxScaler().fit(sales[sales["year"] < 2020])
        X_train, X_test = train_test_split(scaler.transform(sales), random_state=0)
      `,
    },
    {
      name: 'a split by position written as one parallel assignment',
      code: py`
        from sklearn.model_selection import cross_val_score
        from sklearn.preprocessing import StandardScaler
        from sklearn.linear_model import SGDClassifier
        X_train, X_test, y_train, y_test = X[:60000], X[60000:], y[:60000], y[60000:]
        X_train_scaled = StandardScaler().fit_transform(X_train.astype("float64"))
        print(cross_val_score(SGDClassifier(random_state=0), X_train_scaled, y_train, cv=3))
      `,
    },
    {
      name: 'scaling switched off with a literal if False, the option a stacking script keeps beside the one it uses',
      code: py`
        from sklearn.decomposition import PCA
        from sklearn.model_selection import GroupKFold
        from sklearn.preprocessing import StandardScaler
        if False:
            sc = StandardScaler()
            x = sc.fit_transform(x)
            x_test = sc.transform(x_test)
        for fold, (train_index, valid_index) in enumerate(GroupKFold(n_splits=4).split(x, y, groups=image_ids)):
            model.fit(x[train_index], y[train_index])
      `,
    },
    {
      name: 'a scaler fitted on every row, when the only model is a random forest: trees read only the order of values',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        df = pd.read_csv("cancer.csv")
        X = df.drop(columns="diagnosis")
        scaler = StandardScaler()
        scaler.fit(X)
        X = scaler.transform(X)
        X_train, X_test, y_train, y_test = train_test_split(X, df["diagnosis"], random_state=0)
        model = RandomForestClassifier(n_estimators=10, random_state=42)
        model.fit(X_train, y_train)
        print(model.score(X_test, y_test))
      `,
    },
    {
      name: 'a scaler fitted on every row before the split, then a least-squares baseline with an intercept and a random forest scored on the test rows, beside statsmodels OLS of all rows on add_constant: no prediction changes',
      code: linearBaselineScript('LinearRegression()'),
    },
    {
      name: 'the same baseline told fit_intercept=True in so many words',
      code: linearBaselineScript('LinearRegression(fit_intercept=True, n_jobs=-1)'),
    },
    {
      name: 'a min-max scaler before the split, then statsmodels OLS on add_constant of the training rows, scored on add_constant of the test rows',
      code: olsOnSplitScript('sm.OLS(y_train, sm.add_constant(X_train)).fit()', 'ols.predict(sm.add_constant(X_test))'),
    },
    {
      name: 'a robust scaler before cross-validating a least-squares regression with its default intercept',
      code: py`
        from sklearn.linear_model import LinearRegression
        from sklearn.model_selection import cross_val_score
        from sklearn.preprocessing import RobustScaler
        X_scaled = RobustScaler().fit_transform(X)
        scores = cross_val_score(LinearRegression(), X_scaled, y, cv=5)
      `,
    },
    {
      name: 'a min-max scaler before the split, then XGBoost and LightGBM (and a search over a tree model)',
      code: py`
        import xgboost as xgb
        from lightgbm import LGBMClassifier
        from sklearn.model_selection import GridSearchCV, train_test_split
        from sklearn.preprocessing import MinMaxScaler
        X = MinMaxScaler().fit_transform(X)
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        booster = xgb.XGBClassifier(random_state=0)
        booster.fit(X_train, y_train)
        search = GridSearchCV(LGBMClassifier(random_state=0), {"num_leaves": [15, 31]})
        search.fit(X_train, y_train)
      `,
    },
    {
      name: 'a scaler before cross-validating a gradient-boosting model',
      code: py`
        from sklearn.ensemble import GradientBoostingRegressor
        from sklearn.model_selection import cross_val_score
        from sklearn.preprocessing import RobustScaler
        X_scaled = RobustScaler().fit_transform(X)
        scores = cross_val_score(GradientBoostingRegressor(random_state=0), X_scaled, y, cv=5)
      `,
    },
    {
      name: 'a scaler before the folds, when the tree model in the loop takes its settings unpacked from a dictionary literal of the file (an Optuna objective, a LightGBM grid, a forest with its own keywords too)',
      code: py`
        import numpy as np
        import lightgbm as lgb
        from sklearn.ensemble import RandomForestRegressor
        from sklearn.metrics import mean_squared_error
        from sklearn.model_selection import KFold, TimeSeriesSplit
        from sklearn.preprocessing import MinMaxScaler, RobustScaler
        from xgboost import XGBRegressor

        def tune(X, y, trial):
            X_s = RobustScaler().fit_transform(X)
            params = {
                "n_estimators": trial.suggest_int("n_estimators", 100, 500),
                "max_depth": trial.suggest_int("max_depth", 3, 8),
                "booster": "gbtree",
            }
            errs = []
            for tr, va in TimeSeriesSplit(n_splits=3).split(X_s):
                m = XGBRegressor(**params)
                m.fit(X_s[tr], y[tr])
                errs.append(mean_squared_error(y[va], m.predict(X_s[va])))
            return float(np.mean(errs))

        def grid(X, y):
            X_s = MinMaxScaler().fit_transform(X)
            cfg = dict(num_leaves=31)
            lgb_cfg = {"num_leaves": 63, "learning_rate": 0.05}
            for tr, va in KFold(n_splits=5).split(X_s):
                gbm = lgb.LGBMRegressor(**lgb_cfg)
                gbm.fit(X_s[tr], y[tr])
                forest = RandomForestRegressor(random_state=0, **{"n_estimators": 300})
                forest.fit(X_s[tr], y[tr])
                print(gbm.score(X_s[va], y[va]), forest.score(X_s[va], y[va]))
      `,
    },
    {
      name: 'a scaler before the split, when the tree model takes the best settings of a search whose grid is literal dictionaries that tune no booster (straight, through a name, a list of grids, a random search)',
      code: py`
        import pandas as pd
        from sklearn.ensemble import GradientBoostingRegressor, RandomForestClassifier
        from sklearn.metrics import mean_squared_error
        from sklearn.model_selection import GridSearchCV, RandomizedSearchCV, train_test_split
        from sklearn.preprocessing import MinMaxScaler, StandardScaler
        from xgboost import XGBClassifier

        def turbine(frame):
            frame = pd.DataFrame(StandardScaler().fit_transform(frame), columns=frame.columns)
            train_df, val_df = train_test_split(frame, test_size=0.2, random_state=42)
            X_tr, y_tr = train_df.drop("power", axis=1), train_df["power"]
            X_va, y_va = val_df.drop("power", axis=1), val_df["power"]
            grid = {"n_estimators": [100, 200], "max_depth": [3, 4], "learning_rate": [0.05, 0.1]}
            search = GridSearchCV(estimator=GradientBoostingRegressor(random_state=0), param_grid=grid, cv=3)
            search.fit(X_tr, y_tr)
            best = search.best_params_
            gbr = GradientBoostingRegressor(**best, random_state=1)
            gbr.fit(X_tr, y_tr)
            print(mean_squared_error(y_va, gbr.predict(X_va)))

        def churn(X, y):
            X = MinMaxScaler().fit_transform(X)
            X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
            rs = RandomizedSearchCV(RandomForestClassifier(random_state=0), [{"max_depth": [4, 8]}, {"min_samples_leaf": [1, 5]}], n_iter=4, random_state=0)
            rs.fit(X_tr, y_tr)
            forest = RandomForestClassifier(**rs.best_params_, random_state=0).fit(X_tr, y_tr)
            gs = GridSearchCV(XGBClassifier(random_state=0), {"max_depth": [3, 6], "subsample": [0.8, 1.0]})
            gs.fit(X_tr, y_tr)
            boosted = XGBClassifier(random_state=0, **gs.best_params_).fit(X_tr, y_tr)
            print(forest.score(X_te, y_te), boosted.score(X_te, y_te))
      `,
    },
    {
      name: 'a scaler before the folds, when every model trained in the loop over the folds, or handed to the cross-validation, is a tree model: other models of the file learn from other data',
      code: py`
        import numpy as np
        from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import roc_auc_score
        from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import MinMaxScaler, StandardScaler

        def weighted_forest(X, y, weights):
            X_s = StandardScaler().fit_transform(np.nan_to_num(X))
            aucs = []
            for tr, te in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(X_s, y):
                forest = RandomForestClassifier(200, random_state=0)
                forest.fit(X_s[tr], y[tr], sample_weight=weights[tr])
                aucs.append(roc_auc_score(y[te], forest.predict_proba(X_s[te])[:, 1]))
            return np.mean(aucs)

        def boosted(X, y):
            booster = GradientBoostingClassifier(random_state=0)
            scaled = MinMaxScaler().fit_transform(X)
            for fold, (tr, te) in enumerate(KFold(n_splits=4).split(scaled)):
                booster.fit(scaled[tr], y[tr])
                print(fold, booster.score(scaled[te], y[te]))

        def forest_cv(X, y):
            X_all = StandardScaler().fit_transform(X)
            return cross_val_score(RandomForestClassifier(random_state=0), X_all, y, cv=5)

        def linear_baseline(X, y):
            return cross_val_score(make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), X, y, cv=5)
      `,
    },
    {
      name: 'an imputer that fills every gap with a constant learns nothing of the rows: fitted on all of them before a split or cross-validation',
      code: py`
        import pandas as pd
        from sklearn.compose import ColumnTransformer
        from sklearn.impute import SimpleImputer
        from sklearn.linear_model import Ridge, LogisticRegression
        from sklearn.model_selection import cross_val_score, train_test_split
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import OneHotEncoder

        def zero_filled(frame, target):
            filler = SimpleImputer(strategy="constant", fill_value=0.0)
            filler.fit(frame)
            X = pd.DataFrame(filler.transform(frame), columns=frame.columns)
            return cross_val_score(Ridge(), X, target, cv=5)

        def categories(df, y):
            prep = ColumnTransformer([("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="unknown"), OneHotEncoder()), ["carrier", "origin"])])
            X = prep.fit_transform(df)
            X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
            return LogisticRegression().fit(X_tr, y_tr).score(X_te, y_te)

        def no_flags(rows, labels):
            X = SimpleImputer(add_indicator=False, strategy="constant").fit_transform(rows)
            return cross_val_score(LogisticRegression(), X, labels, cv=3)
      `,
    },
    {
      name: 'a column written into the frame after the feature list was taken from its columns is not among the features the split gets',
      code: py`
        import numpy as np
        import pandas as pd
        from sklearn.cluster import KMeans
        from sklearn.decomposition import PCA
        from sklearn.linear_model import Ridge
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler

        df = pd.read_csv("plant.csv")
        target_col = "yield"
        numeric_cols = df.select_dtypes(include=[np.number]).columns.tolist()
        feature_cols = [col for col in numeric_cols if col != target_col]
        X_pca = PCA(n_components=5).fit_transform(StandardScaler().fit_transform(df[numeric_cols]))
        df["cluster"] = KMeans(n_clusters=3, random_state=0).fit_predict(X_pca)
        X = df[feature_cols].fillna(df[feature_cols].median())
        X_train, X_test, y_train, y_test = train_test_split(X, df[target_col], test_size=0.2, random_state=42)

        def segments(frame):
            features = list(frame.columns)
            frame["segment"] = KMeans(n_clusters=4, random_state=0).fit_predict(StandardScaler().fit_transform(frame))
            return train_test_split(frame[features], frame["label"], random_state=0)
      `,
    },
  ],
  invalid: [
    {
      name: 'still reported when the refit runs only in some folds',
      code: py`
        from sklearn.model_selection import KFold
        from sklearn.preprocessing import StandardScaler
        preprocess = StandardScaler()
        preprocess.fit(X)
        for k, (train_ids, valid_ids) in enumerate(KFold(n_splits=5, shuffle=True, random_state=0).split(X)):
            if k == 0:
                preprocess.fit(X[train_ids])
            X_valid = preprocess.transform(X[valid_ids])
            model.fit(preprocess.transform(X[train_ids]), y[train_ids])
            print(model.score(X_valid, y[valid_ids]))
      `,
      findings: [{ line: 4, message: /^StandardScaler is fitted on all of X before /}],
    },
    {
      name: 'still reported when the fold transforms its held-out rows before it refits',
      code: py`
        from sklearn.model_selection import KFold
        from sklearn.preprocessing import StandardScaler
        preprocess = StandardScaler().fit(X)
        for train_ids, valid_ids in KFold(n_splits=5, shuffle=True, random_state=0).split(X):
            X_valid = preprocess.transform(X[valid_ids])
            X_train = preprocess.fit_transform(X[train_ids])
            model.fit(X_train, y[train_ids])
            print(model.score(X_valid, y[valid_ids]))
      `,
      findings: [{ line: 3, message: /^StandardScaler is fitted on all of X before /}],
    },
    {
      name: 'a median imputer fitted on every row before a search from scikit-learn\'s old grid_search module: its folds hold out every row in turn',
      code: py`
        from sklearn.preprocessing import Imputer
        from sklearn.grid_search import GridSearchCV
        from sklearn.svm import SVR
        fill = Imputer(strategy="median")
        X_all = fill.fit_transform(X_raw)
        search = GridSearchCV(SVR(), {"C": [1, 10]}, cv=4)
        search.fit(X_all, y)
      `,
      findings: [{ line: 5, message: /^Imputer is fitted on all of X_raw before search\.fit/ }],
    },
    {
      name: 'a PCA fitted on every row before the old cross_validation module\'s train_test_split',
      code: py`
        from sklearn.decomposition import PCA
        from sklearn.cross_validation import train_test_split
        from sklearn.linear_model import LogisticRegression
        Z = PCA(n_components=10).fit_transform(X)
        Z_tr, Z_te, y_tr, y_te = train_test_split(Z, y, test_size=0.25, random_state=0)
        print(LogisticRegression().fit(Z_tr, y_tr).score(Z_te, y_te))
      `,
      findings: [{ line: 4, message: /^PCA is fitted on all of X before train_test_split/ }],
    },
    {
      name: 'a CountVectorizer that drops words held by fewer than two rows, before the split',
      code: vectorizerScript('CountVectorizer(ngram_range=(1, 2), min_df=2)'),
      findings: [vectorizerFinding],
    },
    {
      name: 'a CountVectorizer told min_df=1.0 (words in every row) or max_df=1 (words in at most one), before the split',
      code: vectorizerScript('CountVectorizer(min_df=1.0, max_df=1)'),
      findings: [vectorizerFinding],
    },
    {
      name: 'a CountVectorizer keeping the most frequent words, before the split',
      code: vectorizerScript('CountVectorizer(max_features=5000)'),
      findings: [vectorizerFinding],
    },
    {
      name: 'a CountVectorizer given its settings from elsewhere, before the split',
      code: vectorizerScript('CountVectorizer(min_df=settings.min_df)'),
      findings: [vectorizerFinding],
    },
    {
      name: 'a name bound to a vectorizer without cut-offs, fitted as it is built, then rebound to one with min_df=2: only the second is reported',
      code: reboundVectorizerScript('min_df=2'),
      findings: [reboundVectorizerFinding],
    },
    {
      name: 'a name rebound to a vectorizer keeping the most frequent words: only the second is reported',
      code: reboundVectorizerScript('max_features=1000, stop_words="english"'),
      findings: [reboundVectorizerFinding],
    },
    {
      name: 'the folds of XGBoost\'s functional trainer told to boost a linear model',
      code: functionalBoosterScript('params = {"objective": "binary:logistic", "booster": "gblinear"}'),
      findings: [boosterScalerFinding],
    },
    {
      name: 'the folds of XGBoost\'s functional trainer, its settings read from a file',
      code: functionalBoosterScript('params = json.load(open("xgb.json"))'),
      findings: [boosterScalerFinding],
    },
    {
      name: 'the folds of XGBoost\'s functional trainer, its settings literal changed before the folds',
      code: functionalBoosterScript('params = {"max_depth": 6}\n      params["booster"] = kind'),
      findings: [boosterScalerFinding],
    },
    {
      name: 'the same split whose training rows also go to a penalised linear model',
      code: forestThenLstmScript('logit = LogisticRegression().fit(X_train, y_train > 50)'),
      findings: [forestScalerFinding],
    },
    {
      name: 'the same split whose training rows are written to a file (another program may train on them)',
      code: forestThenLstmScript('train_df.to_csv("train_rows.csv")'),
      findings: [forestScalerFinding],
    },
    {
      name: 'the same split whose rows are handed to a function of the file, or to a tensor for the network',
      code: forestThenLstmScript('def fit_net(a, b):\n    return a, b\nfit_net(X_train, y_train)'),
      findings: [forestScalerFinding],
    },
    {
      name: 'the same split whose validation rows become a tensor the LSTM is scored on',
      code: forestThenLstmScript('held_out = torch.tensor(X_val.values)'),
      findings: [forestScalerFinding],
    },
    {
      name: 'the same baseline made a ridge regression, whose penalty weighs the coefficients by the scale',
      code: linearBaselineScript('Ridge(alpha=1.0)'),
      findings: [{ line: 11, message: /^StandardScaler is fitted on all of X before train_test_split/ }],
    },
    {
      name: 'the same baseline told fit_intercept=False: the shift a scaler fitted on every row takes away stays in the fit',
      code: linearBaselineScript('LinearRegression(fit_intercept=False)'),
      findings: [{ line: 11, message: /^StandardScaler is fitted on all of X before train_test_split/ }],
    },
    {
      name: 'the same baseline whose statsmodels fit of all rows has no constant in its design',
      code: linearBaselineScript('LinearRegression()', 'sm.OLS(y, X).fit()'),
      findings: [{ line: 11, message: /^StandardScaler is fitted on all of X before train_test_split/ }],
    },
    {
      name: 'statsmodels OLS on the bare training rows (no add_constant): no intercept takes up the shift',
      code: olsOnSplitScript('sm.OLS(y_train, X_train).fit()', 'ols.predict(X_test)'),
      findings: [{ line: 7, message: /^MinMaxScaler is fitted on all of np\.load\("X\.npy"\) before train_test_split/ }],
    },
    {
      name: 'a least-squares regression given its settings by a splat, which may turn its intercept off',
      code: py`
        from sklearn.linear_model import LinearRegression
        from sklearn.model_selection import cross_val_score
        from sklearn.preprocessing import RobustScaler
        X_scaled = RobustScaler().fit_transform(X)
        scores = cross_val_score(LinearRegression(**settings), X_scaled, y, cv=5)
      `,
      findings: [{ line: 4, message: /^RobustScaler is fitted on all of X before cross_val_score/ }],
    },
    {
      name: 'a feature list taken from the columns after the fitted column was written, or a column the frame already had overwritten after the list was taken, carries the fit',
      code: py`
        import pandas as pd
        from sklearn.cluster import KMeans
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler

        def listed_after(df):
            df["cluster"] = KMeans(n_clusters=3, random_state=0).fit_predict(StandardScaler().fit_transform(df[["a", "b"]]))
            features = [c for c in df.columns if c != "y"]
            return train_test_split(df[features], df["y"], random_state=0)

        def overwritten(df):
            features = [c for c in df.columns if c != "y"]
            df["age"] = StandardScaler().fit_transform(df[["age"]])
            return train_test_split(df[features], df["y"], random_state=0)
      `,
      findings: [
        { line: 7, column: 70, message: /^StandardScaler is fitted on all of df\[\["a", "b"\]\] before train_test_split/ },
        { line: 13, column: 17, message: /^StandardScaler is fitted on all of df\[\["age"\]\] before train_test_split/ },
      ],
    },
    {
      name: 'a category_encoders target encoder learns the target mean of each category from every row, before the split',
      code: py`
        import category_encoders as ce
        import pandas as pd
        from sklearn.model_selection import train_test_split

        def weekly(df, cat_cols):
            enc = ce.TargetEncoder(cols=cat_cols)
            X = enc.fit_transform(df[cat_cols], df["units"])
            return train_test_split(X, df["units"], test_size=0.2, random_state=3)
      `,
      findings: [{ line: 7, column: 9, message: /^TargetEncoder is fitted on all of df\[cat_cols\] before train_test_split/ }],
    },
    {
      name: 'an imputer that also adds missing-value indicators, or fills with a statistic, learns from every row before the cross-validation',
      code: py`
        from sklearn.impute import SimpleImputer
        from sklearn.linear_model import Ridge
        from sklearn.model_selection import cross_val_score

        def flagged(frame, target):
            X = SimpleImputer(strategy="constant", fill_value=0.0, add_indicator=True).fit_transform(frame)
            return cross_val_score(Ridge(), X, target, cv=5)

        def mean_filled(frame, target):
            X = SimpleImputer(strategy="mean").fit_transform(frame)
            return cross_val_score(Ridge(), X, target, cv=5)
      `,
      findings: [
        { line: 6, column: 9, message: /^SimpleImputer is fitted on all of frame before cross_val_score/ },
        { line: 10, column: 9, message: /^SimpleImputer is fitted on all of frame before cross_val_score/ },
      ],
    },
    {
      name: 'labels joined from two groups, zeros for one and ones for the other, are a target like any: the fit before the cross-validation leaks',
      code: py`
        import numpy as np
        from sklearn.impute import SimpleImputer
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import cross_val_score

        def fit_both(X_a, X_b, y_a, y_b):
            X = SimpleImputer(strategy="median").fit_transform(np.vstack([X_a, X_b]))
            y = np.concatenate([y_a, y_b])
            return cross_val_score(LogisticRegression(), X, y, cv=3)

        def fit_half(X_a, X_b, n):
            X = SimpleImputer().fit_transform(np.vstack([X_a, X_b]))
            y = np.concatenate([np.zeros(n), y_b])
            return cross_val_score(LogisticRegression(), X, y, cv=3)

        def healthy_vs_patient(healthy, patients):
            X = SimpleImputer(strategy="mean").fit_transform(np.vstack([healthy, patients]))
            y = np.concatenate([np.zeros(len(healthy)), np.ones(len(patients))])
            return cross_val_score(LogisticRegression(), X, y, cv=5)
      `,
      findings: [
        { line: 7, column: 9, message: /^SimpleImputer is fitted on all of np.vstack\(\[X_a, X_b\]\) before cross_val_score/, related: 1 },
        { line: 12, column: 9, message: /^SimpleImputer is fitted on all of np.vstack\(\[X_a, X_b\]\) before cross_val_score/, related: 1 },
        { line: 17, column: 9, message: /^SimpleImputer is fitted on all of np.vstack\(\[healthy, patients\]\) before cross_val_score/, related: 1 },
      ],
    },
    {
      name: 'a fit per element that still leaks: elements joined into rows, a split inside the loop, the last fit applied to all, partial_fit',
      code: py`
        import numpy as np
        import pandas as pd
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler

        def per_subject(recordings, y):
            X = np.concatenate([StandardScaler().fit_transform(r) for r in recordings])
            return train_test_split(X, y, random_state=0)

        def per_frame(frames, y):
            X = pd.concat([pd.DataFrame(StandardScaler().fit_transform(f)) for f in frames])
            return train_test_split(X, y, random_state=0)

        def each_dataset(datasets):
            for X, y in datasets:
                X_s = StandardScaler().fit_transform(X)
                print(train_test_split(X_s, y, random_state=0))

        def last_fit(chunks, X, y):
            scaler = StandardScaler()
            for chunk in chunks:
                scaler.fit_transform(chunk)
            return train_test_split(scaler.transform(X), y, random_state=0)

        def streamed(batches, X, y):
            scaler = StandardScaler()
            for batch in batches:
                scaler.partial_fit(batch)
            return train_test_split(scaler.transform(X), y, random_state=0)

        def per_feature(X, y):
            cols = np.array([StandardScaler().fit_transform(c.reshape(-1, 1)).ravel() for c in X.T]).T
            return train_test_split(cols, y, random_state=0)

        def per_column(df, y):
            out = pd.DataFrame({name: StandardScaler().fit_transform(col.to_numpy().reshape(-1, 1)).ravel() for name, col in df.items()})
            return train_test_split(out, y, random_state=0)
      `,
      findings: [{ line: 7 }, { line: 11 }, { line: 16 }, { line: 22 }, { line: 28 }, { line: 32 }, { line: 36 }],
    },
    {
      name: 'a scaler before the folds, when the loop over the folds also trains a linear model, or hands the rows to a function of the file',
      code: py`
        import numpy as np
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
        from sklearn.preprocessing import StandardScaler

        def fit_candidate(X, y):
            return LogisticRegression(max_iter=1000).fit(X, y)

        def ensemble(X, y):
            X_s = StandardScaler().fit_transform(X)
            for tr, te in StratifiedKFold(n_splits=5).split(X_s, y):
                forest = RandomForestClassifier(random_state=0).fit(X_s[tr], y[tr])
                linear = LogisticRegression(max_iter=1000).fit(X_s[tr], y[tr])
                print(forest.score(X_s[te], y[te]), linear.score(X_s[te], y[te]))

        def through_helper(X, y):
            X_s = StandardScaler().fit_transform(X)
            for tr, te in StratifiedKFold(n_splits=5).split(X_s, y):
                forest = RandomForestClassifier(random_state=0).fit(X_s[tr], y[tr])
                print(forest.score(X_s[te], y[te]), fit_candidate(X_s[tr], y[tr]).score(X_s[te], y[te]))
      `,
      findings: [
        { line: 11, message: /^StandardScaler is fitted on all of X before StratifiedKFold\.split/ },
        { line: 18, message: /^StandardScaler is fitted on all of X before StratifiedKFold\.split/ },
      ],
    },
    {
      name: 'a scaler before the split, with a tree model beside a model that reads the values themselves',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.neighbors import KNeighborsClassifier
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        X = StandardScaler().fit_transform(X)
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        RandomForestClassifier(random_state=0).fit(X_train, y_train)
        KNeighborsClassifier().fit(X_train, y_train)
      `,
      findings: [{ line: 5, message: /^StandardScaler is fitted on all of X before train_test_split/ }],
    },
    {
      name: 'a scaler then a PCA before the split feed a tree model: the PCA learns its directions from every row',
      code: py`
        from sklearn.decomposition import PCA
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        X = StandardScaler().fit_transform(X)
        X = PCA(n_components=5).fit_transform(X)
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        RandomForestClassifier(random_state=0).fit(X_train, y_train)
      `,
      findings: [{ line: 5, message: /\(and so is 1 other step, linked\)/ }],
    },
    {
      name: 'a scaler before the folds, when the unpacked settings pick a linear booster or linear leaves, come from elsewhere, or are changed after the literal',
      code: py`
        import json
        import lightgbm as lgb
        from sklearn.model_selection import KFold
        from sklearn.preprocessing import StandardScaler
        from xgboost import XGBRegressor

        def linear(X, y):
            X_s = StandardScaler().fit_transform(X)
            params = {"booster": "gblinear", "n_estimators": 200}
            for tr, va in KFold(n_splits=5).split(X_s):
                XGBRegressor(**params).fit(X_s[tr], y[tr])

        def leaves(X, y):
            X_s = StandardScaler().fit_transform(X)
            for tr, va in KFold(n_splits=5).split(X_s):
                lgb.LGBMRegressor(**{"linear_tree": True}).fit(X_s[tr], y[tr])

        def loaded(X, y, path):
            X_s = StandardScaler().fit_transform(X)
            params = json.load(open(path))
            for tr, va in KFold(n_splits=5).split(X_s):
                XGBRegressor(**params).fit(X_s[tr], y[tr])

        def changed(X, y, kind):
            X_s = StandardScaler().fit_transform(X)
            params = {"n_estimators": 200}
            params["booster"] = kind
            for tr, va in KFold(n_splits=5).split(X_s):
                XGBRegressor(**params).fit(X_s[tr], y[tr])
      `,
      findings: [
        { line: 8, message: /^StandardScaler is fitted on all of X before KFold\.split/ },
        { line: 14, message: /^StandardScaler is fitted on all of X before KFold\.split/ },
        { line: 19, message: /^StandardScaler is fitted on all of X before KFold\.split/ },
        { line: 25, message: /^StandardScaler is fitted on all of X before KFold\.split/ },
      ],
    },
    {
      name: 'a scaler before the split, when the best settings a tree model takes come from a search whose grid tunes the booster or an initial model, is not a literal, or is written into before the search',
      code: py`
        import json
        from sklearn.ensemble import GradientBoostingRegressor
        from sklearn.model_selection import GridSearchCV, train_test_split
        from sklearn.preprocessing import StandardScaler
        from xgboost import XGBRegressor

        def booster(X, y):
            X = StandardScaler().fit_transform(X)
            X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
            gs = GridSearchCV(XGBRegressor(random_state=0), {"booster": ["gbtree", "gblinear"], "max_depth": [3, 6]})
            gs.fit(X_tr, y_tr)
            print(XGBRegressor(**gs.best_params_, random_state=0).fit(X_tr, y_tr).score(X_te, y_te))

        def initial(X, y, base):
            X = StandardScaler().fit_transform(X)
            X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
            gs = GridSearchCV(GradientBoostingRegressor(random_state=0), [{"max_depth": [3]}, {"init": [base, "zero"]}])
            gs.fit(X_tr, y_tr)
            print(GradientBoostingRegressor(**gs.best_params_, random_state=0).fit(X_tr, y_tr).score(X_te, y_te))

        def loaded(X, y, path):
            X = StandardScaler().fit_transform(X)
            X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
            gs = GridSearchCV(XGBRegressor(random_state=0), json.load(open(path)))
            gs.fit(X_tr, y_tr)
            print(XGBRegressor(**gs.best_params_, random_state=0).fit(X_tr, y_tr).score(X_te, y_te))

        def widened(X, y, kinds):
            X = StandardScaler().fit_transform(X)
            X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
            grid = {"max_depth": [3, 6]}
            grid["booster"] = kinds
            gs = GridSearchCV(XGBRegressor(random_state=0), grid)
            gs.fit(X_tr, y_tr)
            print(XGBRegressor(**gs.best_params_, random_state=0).fit(X_tr, y_tr).score(X_te, y_te))
      `,
      findings: [
        { line: 8, message: /^StandardScaler is fitted on all of X before train_test_split/ },
        { line: 15, message: /^StandardScaler is fitted on all of X before train_test_split/ },
        { line: 22, message: /^StandardScaler is fitted on all of X before train_test_split/ },
        { line: 29, message: /^StandardScaler is fitted on all of X before train_test_split/ },
      ],
    },
    {
      name: 'a scaler before the split, when the boosting model is linear (`booster="gblinear"`)',
      code: [
        'import xgboost as xgb\nfrom sklearn.model_selection import train_test_split\nfrom sklearn.preprocessing import StandardScaler\nX = StandardScaler().fit_transform(X)\nX_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)\nxgb.XGBRegressor(booster="gblinear", random_state=0).fit(X_tr, y_tr)\n',
      ],
      findings: [{ line: 4, message: /^StandardScaler is fitted/ }],
    },
    {
      name: 'a scaler before the split; the model is handed in, so its kind is unknown',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import MinMaxScaler
        def evaluate(model, X, y):
            X = MinMaxScaler().fit_transform(X)
            X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
            model.fit(X_train, y_train)
            return model.score(X_test, y_test)
        evaluate(RandomForestClassifier(random_state=0), X, y)
      `,
      findings: [{ line: 5, message: /^MinMaxScaler is fitted/ }],
    },
    {
      name: 'a scaler before the split, then a tree model and a Keras network',
      code: py`
        from tensorflow import keras
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        X = StandardScaler().fit_transform(X)
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        RandomForestClassifier(random_state=0).fit(X_train, y_train)
        net = keras.Sequential([keras.layers.Dense(1)])
        net.fit(X_train, y_train)
      `,
      findings: [{ line: 5, message: /^StandardScaler is fitted/ }],
    },
    {
      name: 'a scaler per column before one split is one cause: one finding, linked to the other fits and the split',
      code: py`
        import numpy as np
        from sklearn.preprocessing import MinMaxScaler
        from sklearn.model_selection import train_test_split
        encoder = MinMaxScaler()
        f_00 = encoder.fit_transform(np.array(train["f_00"]).reshape(-1, 1))
        f_01 = encoder.fit_transform(np.array(train["f_01"]).reshape(-1, 1))
        f_02 = encoder.fit_transform(np.array(train["f_02"]).reshape(-1, 1))
        X = np.hstack([f_00, f_01, f_02])
        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
      `,
      findings: [{ line: 5, message: /^MinMaxScaler is fitted on all of np\.array\(train\["f_00"\]\).* before train_test_split \(and so are 2 other steps, linked\): what they learn from the test rows leaks into training/, related: 3 }],
    },
    {
      name: 'a ColumnTransformer with a scaling pipeline among its steps, then train_test_split',
      code: py`
        from sklearn.compose import ColumnTransformer
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import OneHotEncoder, StandardScaler
        from sklearn.impute import SimpleImputer
        from sklearn.model_selection import train_test_split
        numeric = Pipeline([("fill", SimpleImputer()), ("scale", StandardScaler())])
        prep = ColumnTransformer([("num", numeric, ["km", "age"]), ("cat", OneHotEncoder(), ["make"])])
        features = prep.fit_transform(cars)
        X_train, X_test, y_train, y_test = train_test_split(features, price, random_state=1)
      `,
      findings: [{ line: 8, message: /ColumnTransformer is fitted on all of cars before train_test_split/ }],
    },
    {
      name: 'a column selection keeps every row: still fitted on all of the data',
      code: py`
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        features = ["age", "income"]
        scaled = StandardScaler().fit_transform(df[features])
        every = StandardScaler().fit_transform(df.loc[:, features])
        X_train, X_test = train_test_split(scaled, random_state=0)
        A_train, A_test = train_test_split(every, random_state=0)
      `,
      findings: [{ line: 4, message: /fitted on all of df\[features\]/ }, { line: 5, message: /fitted on all of df\.loc\[:, features\]/ }],
    },
    {
      name: 'fit_transform on everything, then train_test_split',
      code: py`
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        X = StandardScaler().fit_transform(X)
        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
      `,
      findings: [{ line: 3, column: 5, message: /StandardScaler is fitted on all of X before train_test_split/, related: 1 }],
      noFix: true,
    },
    {
      name: 'an imputer written into the frame, then cross-validation',
      code: py`
        import pandas as pd
        from sklearn.impute import SimpleImputer
        from sklearn.model_selection import cross_val_score
        from sklearn.ensemble import RandomForestRegressor
        df = pd.read_csv("d.csv")
        imputer = SimpleImputer(strategy="median")
        df[["age"]] = imputer.fit_transform(df[["age"]])
        scores = cross_val_score(RandomForestRegressor(random_state=0), df[["age", "income"]], df["y"], cv=5)
      `,
      findings: [{ line: 7, column: 15, message: /SimpleImputer is fitted on all of df\[\["age"\]\] before cross_val_score: what it learns from every fold's held-out rows leaks/ }],
    },
    {
      name: 'fit, split the same data, then transform a part',
      code: py`
        from sklearn.preprocessing import MinMaxScaler
        from sklearn.model_selection import train_test_split
        scaler = MinMaxScaler()
        scaler.fit(X)
        X_train, X_test = train_test_split(X, random_state=0)
        X_train = scaler.transform(X_train)
      `,
      findings: [{ line: 4, column: 1, message: /MinMaxScaler is fitted on all of X before train_test_split/ }],
    },
    {
      name: 'feature selection with the labels, then a grid search',
      code: py`
        from sklearn.feature_selection import SelectKBest, f_classif
        from sklearn.model_selection import GridSearchCV
        from sklearn.svm import SVC
        X_sel = SelectKBest(f_classif, k=10).fit_transform(X, y)
        search = GridSearchCV(SVC(), {"C": [0.1, 1, 10]}, cv=5)
        search.fit(X_sel, y)
      `,
      findings: [{ line: 4, message: /SelectKBest is fitted on all of X before search\.fit/ }],
    },
    {
      name: 'oversampling before the split',
      code: py`
        from imblearn.over_sampling import SMOTE
        from sklearn.model_selection import train_test_split
        X_res, y_res = SMOTE(random_state=0).fit_resample(X, y)
        X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, random_state=0)
      `,
      findings: [{ line: 3, message: /SMOTE is fitted on all of X before train_test_split/ }],
    },
    {
      name: 'random under-sampling before the split: no leak, the test rows are thinned',
      code: py`
        from imblearn.under_sampling import RandomUnderSampler
        from sklearn.model_selection import train_test_split
        sampler = RandomUnderSampler(sampling_strategy="majority", random_state=1)
        X_bal, y_bal = sampler.fit_resample(features, labels)
        X_tr, X_te, y_tr, y_te = train_test_split(X_bal, y_bal, test_size=0.25, random_state=1)
      `,
      findings: [{ line: 4, message: /^RandomUnderSampler drops rows from all of features before train_test_split: it learns nothing from the test rows, but thins them too, so the held-out score is measured on a class balance the real data does not have$/ }],
    },
    {
      name: 'random under-sampling before a grid search: the held-out folds are thinned',
      code: py`
        from imblearn.under_sampling import RandomUnderSampler
        from sklearn.model_selection import GridSearchCV
        from sklearn.linear_model import LogisticRegression
        X_bal, y_bal = RandomUnderSampler(random_state=7).fit_resample(X_all, y_all)
        search = GridSearchCV(LogisticRegression(max_iter=500), {"C": [0.1, 1.0]}, cv=4, scoring="balanced_accuracy")
        search.fit(X_bal, y_bal)
      `,
      findings: [{ line: 4, message: /^RandomUnderSampler drops rows from all of X_all before search\.fit: it learns nothing from every fold's held-out rows, but thins them too/ }],
    },
    {
      name: 'random over-sampling before the split copies rows to both sides: still a leak',
      code: py`
        from imblearn.over_sampling import RandomOverSampler
        from sklearn.model_selection import train_test_split
        X_up, y_up = RandomOverSampler(random_state=3).fit_resample(features, labels)
        X_tr, X_te, y_tr, y_te = train_test_split(X_up, y_up, random_state=3)
      `,
      findings: [{ line: 3, message: /RandomOverSampler is fitted on all of features before train_test_split: what it learns from the test rows leaks into training/ }],
    },
    {
      name: 'under-sampling after a scaler fitted on all rows: the scaler leaks, one finding at the first',
      code: py`
        from imblearn.under_sampling import RandomUnderSampler
        from sklearn.preprocessing import StandardScaler
        from sklearn.model_selection import train_test_split
        scaled = StandardScaler().fit_transform(features)
        X_bal, y_bal = RandomUnderSampler(random_state=2).fit_resample(scaled, labels)
        X_tr, X_te, y_tr, y_te = train_test_split(X_bal, y_bal, random_state=2)
      `,
      findings: [{ line: 4, message: /^StandardScaler is fitted on all of features before train_test_split: what it learns from the test rows leaks/, related: 2 }],
    },
    {
      name: 'under-sampling first, then a scaler and a PCA fitted on all rows: the finding is the scaler\'s, the under-sampler linked for what it does',
      code: py`
        from imblearn.under_sampling import RandomUnderSampler
        from sklearn.decomposition import PCA
        from sklearn.preprocessing import StandardScaler
        from sklearn.model_selection import train_test_split
        X, y = RandomUnderSampler(random_state=42).fit_resample(X, y)
        scaler = StandardScaler()
        scaler.fit(X)
        X = scaler.transform(X)
        pca = PCA(n_components=10)
        X = pca.fit_transform(X)
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)
      `,
      findings: [{
        line: 7,
        message: /^StandardScaler is fitted on all of X before train_test_split \(and so is 1 other step, linked\): what they learn from the test rows leaks/,
        related: 3,
      }],
    },
    {
      name: 'notebook: the fit in one cell, the split two cells later',
      code: [
        'from sklearn.preprocessing import RobustScaler\nfrom sklearn.model_selection import train_test_split\n',
        'scaled = RobustScaler().fit_transform(features)\n',
        'X_tr, X_te, y_tr, y_te = train_test_split(scaled, target, random_state=0)\n',
      ],
      findings: [{ cell: 1, line: 1, column: 10, related: 1 }],
    },
  ],
});

/**
 * A script that fits a scaler on `fitted`, scales `searched` with it and tunes an SVR on the scaled
 * rows with `cv` (a PredefinedSplit whose held-out fold is the validation rows, unless told otherwise).
 */
const predefinedFoldScript = (fitted: string, searched: string, cv = 'PredefinedSplit(test_fold=fold)') => py`
  import numpy as np
  from sklearn.model_selection import GridSearchCV, PredefinedSplit
  from sklearn.preprocessing import StandardScaler
  from sklearn.svm import SVR

  X_fit = np.load("soil_train.npy")
  X_val = np.load("soil_valid.npy")
  X_dev = np.vstack([X_fit, X_val])
  y_dev = np.load("yield_dev.npy")
  fold = np.concatenate([np.full(len(X_fit), -1), np.zeros(len(X_val))])
  scaler = StandardScaler()
  scaler.fit(${fitted})
  X_scaled = scaler.transform(${searched})
  search = GridSearchCV(SVR(), {"C": [0.1, 1.0, 10.0]}, cv=${cv})
  search.fit(X_scaled, y_dev)
`;

ruleTests(preprocessingBeforeSplit, {
  valid: [
    {
      name: 'a scaler fitted on the training part, applied to training and validation rows that a PredefinedSplit search holds the validation rows of out',
      code: predefinedFoldScript('X_fit', 'X_dev'),
    },
    {
      name: 'a scaler fitted on a training dictionary\'s rows in a helper, the PredefinedSplit handed down through two functions',
      code: py`
        import numpy as np
        import pandas as pd
        from sklearn.linear_model import Ridge
        from sklearn.model_selection import GridSearchCV, PredefinedSplit
        from sklearn.preprocessing import MinMaxScaler

        def tune_ridge(dev, train, test, splitter):
            scaler = MinMaxScaler()
            scaler.fit(train["X"])
            X_dev = scaler.transform(dev["X"])
            search = GridSearchCV(Ridge(), {"alpha": [0.01, 0.1, 1.0]}, cv=splitter)
            search.fit(X_dev, dev["y"])
            return search.predict(scaler.transform(test["X"]))

        def run_year(dev_df, train_df, test_df, splitter):
            cols = ["ndvi", "rain", "temp"]
            dev = {"X": dev_df[cols].values, "y": dev_df["yield"].values}
            train = {"X": train_df[cols].values, "y": train_df["yield"].values}
            test = {"X": test_df[cols].values, "y": test_df["yield"].values}
            return tune_ridge(dev, train, test, splitter)

        frame = pd.read_csv("counties.csv")
        train_df = frame[frame.year < 2014]
        valid_df = frame[frame.year == 2014]
        dev_df = pd.concat([train_df, valid_df])
        splitter = PredefinedSplit(test_fold=[-1] * len(train_df) + [0] * len(valid_df))
        print(run_year(dev_df, train_df, frame[frame.year == 2015], splitter))
      `,
    },
    {
      name: 'cross_val_score with a PredefinedSplit, the scaler fitted on the training part only',
      code: py`
        import numpy as np
        from sklearn.linear_model import Lasso
        from sklearn.model_selection import PredefinedSplit, cross_val_score
        from sklearn.preprocessing import RobustScaler

        X_train = np.load("train.npy")
        X_dev = np.load("dev.npy")
        y_dev = np.load("y_dev.npy")
        robust = RobustScaler().fit(X_train)
        scores = cross_val_score(Lasso(alpha=0.1), robust.transform(X_dev), y_dev, cv=PredefinedSplit(np.load("fold.npy")))
        print(scores)
      `,
    },
    {
      name: 'the folds of a PredefinedSplit walked by hand, the scaler fitted on the training part only',
      code: py`
        import numpy as np
        from sklearn.linear_model import Ridge
        from sklearn.model_selection import PredefinedSplit
        from sklearn.preprocessing import StandardScaler

        X_part = np.load("part.npy")
        X_dev = np.load("dev.npy")
        y_dev = np.load("y_dev.npy")
        scaler = StandardScaler().fit(X_part)
        X_s = scaler.transform(X_dev)
        holdout = PredefinedSplit(test_fold=np.load("fold.npy"))
        for tr, va in holdout.split(X_s):
            print(Ridge().fit(X_s[tr], y_dev[tr]).score(X_s[va], y_dev[va]))
      `,
    },
  ],
  invalid: [
    {
      name: 'a scaler fitted on the training and validation rows joined, before a PredefinedSplit search: it saw the held-out rows',
      code: predefinedFoldScript('np.vstack([X_fit, X_val])', 'X_dev'),
      findings: [{ line: 12, message: /^StandardScaler is fitted on all of np\.vstack\(\[X_fit, X_val\]\) before search\.fit/ }],
    },
    {
      name: 'a scaler fitted on the very rows a PredefinedSplit search cross-validates',
      code: predefinedFoldScript('X_dev', 'X_dev'),
      findings: [{ line: 12, message: /^StandardScaler is fitted on all of X_dev before search\.fit/ }],
    },
    {
      name: 'a scaler fitted on the training part, then a search over five folds: every row is held out in turn',
      code: predefinedFoldScript('X_fit', 'X_dev', '5'),
      findings: [{ line: 12, message: /^StandardScaler is fitted on all of X_fit before search\.fit/ }],
    },
    {
      name: 'a fit_transform of the rows a PredefinedSplit cross_val_score walks',
      code: py`
        import numpy as np
        from sklearn.linear_model import Lasso
        from sklearn.model_selection import PredefinedSplit, cross_val_score
        from sklearn.preprocessing import RobustScaler

        X_dev = np.load("dev.npy")
        y_dev = np.load("y_dev.npy")
        X_s = RobustScaler().fit_transform(X_dev)
        print(cross_val_score(Lasso(alpha=0.1), X_s, y_dev, cv=PredefinedSplit(np.load("fold.npy"))))
      `,
      findings: [{ line: 8, message: /^RobustScaler is fitted on all of X_dev before cross_val_score/ }],
    },
    {
      name: 'a splitter parameter that one call hands a KFold: not every call hands a PredefinedSplit',
      code: py`
        import numpy as np
        from sklearn.linear_model import Ridge
        from sklearn.model_selection import GridSearchCV, KFold, PredefinedSplit
        from sklearn.preprocessing import MinMaxScaler

        def tune(X_fit, X_dev, y_dev, splitter):
            scaler = MinMaxScaler().fit(X_fit)
            search = GridSearchCV(Ridge(), {"alpha": [0.1, 1.0]}, cv=splitter)
            search.fit(scaler.transform(X_dev), y_dev)
            return search

        tune(np.load("a.npy"), np.load("b.npy"), np.load("y.npy"), PredefinedSplit(np.load("fold.npy")))
        tune(np.load("a.npy"), np.load("b.npy"), np.load("y.npy"), KFold(5, shuffle=True, random_state=0))
      `,
      findings: [{ line: 7, message: /^MinMaxScaler is fitted on all of X_fit before search\.fit/ }],
    },
  ],
});
