import { manualTrainTestTransform } from '../../../server/src/detectors/mld504-manual-train-test-transform';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

/** A function that picks one reduction by its mode, each fitted in its own arm of an `if`; `before` runs first in every mode. */
const ALTERNATIVE_REDUCTIONS = (before: string) => py`
  from sklearn.decomposition import PCA, KernelPCA
  from sklearn.feature_selection import SelectKBest
  from sklearn.preprocessing import StandardScaler
  from sklearn.svm import SVC

  def reduce_and_fit(X_train, X_test, y_train, mode="pca"):${before}
      if mode == "pca":
          pca = PCA(n_components=20).fit(X_train)
          X_train, X_test = pca.transform(X_train), pca.transform(X_test)
      elif mode == "kpca":
          kpca = KernelPCA(n_components=20).fit(X_train)
          X_train, X_test = kpca.transform(X_train), kpca.transform(X_test)
      elif mode == "best":
          best = SelectKBest(k=20).fit(X_train, y_train)
          X_train, X_test = best.transform(X_train), best.transform(X_test)
      return SVC().fit(X_train, y_train).score(X_test, y_test)
`;

ruleTests(manualTrainTestTransform, {
  valid: [
    {
      name: 'one reduction chosen by a mode, each in its own arm of an if, then one model: alternatives, never two steps in a row',
      code: ALTERNATIVE_REDUCTIONS(''),
    },
    {
      name: 'a single scaler fitted on train and applied to test',
      code: py`
        from sklearn.preprocessing import StandardScaler
        from sklearn.linear_model import LogisticRegression
        scaler = StandardScaler()
        X_train = scaler.fit_transform(X_train)
        X_test = scaler.transform(X_test)
        LogisticRegression().fit(X_train, y_train)
      `,
    },
    {
      name: 'the steps inside a Pipeline',
      code: py`
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        from sklearn.decomposition import PCA
        from sklearn.linear_model import LogisticRegression
        model = make_pipeline(StandardScaler(), PCA(n_components=5), LogisticRegression())
        model.fit(X_train, y_train)
        y_pred = model.predict(X_test)
      `,
    },
    {
      name: 'the same vectorizer re-created for two separate experiments',
      code: py`
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        dv = DictVectorizer(sparse=False)
        X_train = dv.fit_transform(train_dicts)
        X_val = dv.transform(val_dicts)
        LogisticRegression().fit(X_train, y_train)
        dv = DictVectorizer(sparse=False)
        X_train_small = dv.fit_transform(small_train_dicts)
        X_val_small = dv.transform(small_val_dicts)
        LogisticRegression().fit(X_train_small, y_train)
      `,
    },
    {
      name: 'two steps only ever applied to the data they were fitted on',
      code: py`
        from sklearn.preprocessing import StandardScaler
        from sklearn.decomposition import PCA
        from sklearn.cluster import KMeans
        scaled = StandardScaler().fit_transform(X)
        reduced = PCA(n_components=2).fit_transform(scaled)
        KMeans(n_clusters=3, random_state=0).fit(reduced)
      `,
    },
    {
      name: 'a feature scaler and a target scaler inverted on the predictions, both handed to a windowing helper, the network built by a helper too',
      code: py`
        import numpy as np
        from sklearn.preprocessing import MinMaxScaler
        from tensorflow import keras
        def windows(X, y, n=24):
            xs, ys = [], []
            for i in range(n, len(X)):
                xs.append(X[i - n:i])
                ys.append(y[i])
            return np.array(xs), np.array(ys)
        x_scaler = MinMaxScaler()
        y_scaler = MinMaxScaler()
        Xtr = x_scaler.fit_transform(X_train)
        Xte = x_scaler.transform(X_test)
        ytr = y_scaler.fit_transform(y_train.reshape(-1, 1)).ravel()
        yte = y_scaler.transform(y_test.reshape(-1, 1)).ravel()
        Xw_tr, yw_tr = windows(Xtr, ytr)
        Xw_te, yw_te = windows(Xte, yte)
        def build_net():
            net = keras.Sequential([keras.layers.LSTM(32), keras.layers.Dense(1)])
            net.compile(optimizer="adam", loss="mse")
            return net
        net = build_net()
        net.fit(Xw_tr, yw_tr, epochs=10)
        scaled_pred = net.predict(Xw_te)
        pred = y_scaler.inverse_transform(scaled_pred).ravel()
      `,
    },
    {
      name: 'a target scaler inverted on the predictions, its output paired with the features in one tf.data dataset',
      code: py`
        import tensorflow as tf
        from sklearn.preprocessing import StandardScaler
        feat_scaler = StandardScaler().fit(X_tr)
        target_scaler = StandardScaler().fit(y_tr.reshape(-1, 1))
        train_ds = tf.data.Dataset.from_tensor_slices((feat_scaler.transform(X_tr), target_scaler.transform(y_tr.reshape(-1, 1)))).batch(64)
        y_val_scaled = target_scaler.transform(y_val.reshape(-1, 1))
        mlp = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
        mlp.compile(optimizer="adam", loss="mse")
        mlp.fit(train_ds, epochs=20)
        y_hat = target_scaler.inverse_transform(mlp.predict(feat_scaler.transform(X_val)))
      `,
    },
    {
      name: 'a feature scaler and a target label encoder',
      code: py`
        from sklearn.preprocessing import StandardScaler, LabelEncoder
        from sklearn.svm import SVC
        scaler = StandardScaler()
        encoder = LabelEncoder()
        X_train = scaler.fit_transform(X_train)
        X_test = scaler.transform(X_test)
        y_train = encoder.fit_transform(y_train)
        y_test = encoder.transform(y_test)
        SVC().fit(X_train, y_train)
      `,
    },
    {
      name: 'the second step of a hand-made chain is switched off with a literal if False',
      code: py`
        from sklearn.preprocessing import StandardScaler
        from sklearn.decomposition import PCA
        from sklearn.linear_model import LogisticRegression
        sc = StandardScaler()
        x = sc.fit_transform(x)
        x_test = sc.transform(x_test)
        if False:
            pca = PCA(n_components=16)
            x = pca.fit_transform(x)
            x_test = pca.transform(x_test)
        LogisticRegression().fit(x, y)
      `,
    },
  ],
  invalid: [
    {
      name: 'a scaler every run fits before the reduction its mode picks: one finding, two steps in a row whichever arm runs',
      code: ALTERNATIVE_REDUCTIONS('\n    scaler = StandardScaler().fit(X_train)\n    X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)'),
      findings: [{ line: 7, message: /^StandardScaler \(scaler\), PCA \(pca\), KernelPCA \(kpca\) and SelectKBest \(best\) are each fitted on one data set and re-applied by hand to others \(X_test\): every data set the model sees must repeat 2 steps in the same order, where one Pipeline would hold them and the model as one object$/ }],
    },
    {
      name: 'a vectoriser fitted on the training and test texts together, then applied to each: the message claims no training-only fit',
      code: py`
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.decomposition import TruncatedSVD
        from sklearn.svm import SVC
        tfidf = TfidfVectorizer(min_df=3)
        tfidf.fit(list(X_train) + list(X_test))
        train_tfidf = tfidf.transform(X_train)
        test_tfidf = tfidf.transform(X_test)
        svd = TruncatedSVD(n_components=120)
        train_svd = svd.fit_transform(train_tfidf)
        test_svd = svd.transform(test_tfidf)
        clf = SVC(C=1.0)
        clf.fit(train_svd, y_train)
      `,
      findings: [{ line: 5, message: /^TfidfVectorizer \(tfidf\) and TruncatedSVD \(svd\) are each fitted on one data set and re-applied by hand to others \(X_train, X_test\): /, related: 5 }],
    },
    {
      name: 'a scaler and a PCA chained by hand',
      code: py`
        from sklearn.preprocessing import StandardScaler
        from sklearn.decomposition import PCA
        from sklearn.linear_model import LogisticRegression
        scaler = StandardScaler()
        pca = PCA(n_components=10)
        X_train = pca.fit_transform(scaler.fit_transform(X_train))
        X_test = pca.transform(scaler.transform(X_test))
        LogisticRegression().fit(X_train, y_train)
      `,
      findings: [{ line: 6, column: 29, message: /StandardScaler \(scaler\) and PCA \(pca\) are each fitted on one data set and re-applied by hand to others \(X_test\): every data set the model sees must repeat 2 steps/, related: 4 }],
      noFix: true,
    },
    {
      name: 'an imputer and an encoder on columns of the same frames, combined into one matrix',
      code: py`
        import numpy as np
        import pandas as pd
        from sklearn.impute import SimpleImputer
        from sklearn.preprocessing import OneHotEncoder
        from sklearn.ensemble import RandomForestClassifier
        train = pd.read_csv("train.csv")
        test = pd.read_csv("test.csv")
        imputer = SimpleImputer(strategy="median")
        encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
        num_train = imputer.fit_transform(train[["age", "fare"]])
        cat_train = encoder.fit_transform(train[["port"]])
        num_test = imputer.transform(test[["age", "fare"]])
        cat_test = encoder.transform(test[["port"]])
        model = RandomForestClassifier(random_state=0)
        model.fit(np.hstack([num_train, cat_train]), train["survived"])
      `,
      findings: [{ line: 10, column: 13, message: /SimpleImputer \(imputer\) and OneHotEncoder \(encoder\) are each fitted/, related: 4 }],
    },
    {
      name: 'a binner and a scaler written back into the train and test frames',
      code: py`
        import pandas as pd
        from sklearn.preprocessing import KBinsDiscretizer, StandardScaler
        from sklearn.linear_model import LogisticRegression
        train = pd.read_csv("train.csv")
        test = pd.read_csv("test.csv")
        binner = KBinsDiscretizer(n_bins=5, encode="ordinal")
        scaler = StandardScaler()
        train[["age_bin"]] = binner.fit_transform(train[["age"]])
        test[["age_bin"]] = binner.transform(test[["age"]])
        train[["income"]] = scaler.fit_transform(train[["income"]])
        test[["income"]] = scaler.transform(test[["income"]])
        LogisticRegression().fit(train[["age_bin", "income"]], train["label"])
      `,
      findings: [{ line: 8, column: 22, message: /KBinsDiscretizer \(binner\) and StandardScaler \(scaler\) are each fitted on one data set and re-applied by hand to others \(test\[\["age"\]\], test\[\["income"\]\]\)/, related: 4 }],
    },
    {
      name: 'two feature steps beside a target scaler inverted on the predictions: the feature steps are reported',
      code: py`
        from sklearn.impute import SimpleImputer
        from sklearn.preprocessing import StandardScaler
        from sklearn.linear_model import Ridge
        imputer = SimpleImputer()
        scaler = StandardScaler()
        y_scaler = StandardScaler()
        X_tr = scaler.fit_transform(imputer.fit_transform(X_train))
        X_te = scaler.transform(imputer.transform(X_test))
        reg = Ridge().fit(X_tr, y_scaler.fit_transform(y_train.reshape(-1, 1)).ravel())
        y_pred = y_scaler.inverse_transform(reg.predict(X_te).reshape(-1, 1))
      `,
      findings: [{ line: 7, column: 29, message: /^SimpleImputer \(imputer\) and StandardScaler \(scaler\) are each fitted/ }],
    },
    {
      name: 'a scaler of the whole table inverted on the predictions stacked with the scaled test columns still feeds the features',
      code: py`
        import numpy as np
        from sklearn.preprocessing import MinMaxScaler
        from sklearn.decomposition import PCA
        from sklearn.svm import SVR
        scaler = MinMaxScaler()
        train_s = scaler.fit_transform(train_table)
        test_s = scaler.transform(test_table)
        pca = PCA(n_components=5)
        Z_train = pca.fit_transform(train_s[:, 1:])
        Z_test = pca.transform(test_s[:, 1:])
        svr = SVR().fit(Z_train, train_s[:, 0])
        pred = svr.predict(Z_test)
        restored = scaler.inverse_transform(np.column_stack([pred, test_s[:, 1:]]))
      `,
      findings: [{ line: 6, column: 11, message: /^MinMaxScaler \(scaler\) and PCA \(pca\) are each fitted/ }],
    },
    {
      name: 'two models trained on the same hand-made features: one finding, both fits linked',
      code: py`
        from sklearn.impute import SimpleImputer
        from sklearn.preprocessing import StandardScaler
        from sklearn.linear_model import LogisticRegression
        from sklearn.ensemble import RandomForestClassifier
        imputer = SimpleImputer()
        scaler = StandardScaler()
        train_ready = scaler.fit_transform(imputer.fit_transform(X_train))
        test_ready = scaler.transform(imputer.transform(X_test))
        LogisticRegression().fit(train_ready, y_train)
        RandomForestClassifier(random_state=0).fit(train_ready, y_train)
      `,
      findings: [{ line: 7, column: 36, message: /SimpleImputer \(imputer\) and StandardScaler \(scaler\)/, related: 5 }],
    },
    {
      name: 'notebook: fits and transforms spread over cells',
      code: [
        'from sklearn.preprocessing import MinMaxScaler\nfrom sklearn.feature_selection import VarianceThreshold\nfrom sklearn.svm import SVR\n',
        'mm = MinMaxScaler().fit(X_train)\nvt = VarianceThreshold(0.01).fit(mm.transform(X_train))\n',
        'X_test_ready = vt.transform(mm.transform(X_test))\n',
        'SVR().fit(vt.transform(mm.transform(X_train)), y_train)\n',
      ],
      findings: [{ cell: 1, line: 1, column: 6, related: 4 }],
    },
  ],
});
