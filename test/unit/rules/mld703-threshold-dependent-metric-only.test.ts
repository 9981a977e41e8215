import { thresholdDependentMetricOnly } from '../../../server/src/detectors/mld703-threshold-dependent-metric-only';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(thresholdDependentMetricOnly, {
  valid: [
    {
      name: 'roc_auc_score anywhere in the file',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
        clf = RandomForestClassifier(random_state=0).fit(X_train, y_train)
        print(accuracy_score(y_test, clf.predict(X_test)), f1_score(y_test, clf.predict(X_test)))
        print(roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
      `,
    },
    {
      name: 'a regressor is not a classifier',
      code: py`
        from sklearn.ensemble import RandomForestRegressor
        from sklearn.metrics import r2_score
        reg = RandomForestRegressor(random_state=0).fit(X_train, y_train)
        print(reg.score(X_test, y_test), r2_score(y_test, reg.predict(X_test)))
      `,
    },
    {
      name: 'cross-validation scored by ROC-AUC',
      code: py`
        from sklearn.model_selection import cross_val_score
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import accuracy_score
        clf = LogisticRegression()
        print(cross_val_score(clf, X, y, scoring="roc_auc").mean())
        clf.fit(X_train, y_train)
        print(accuracy_score(y_test, clf.predict(X_test)))
      `,
    },
    {
      name: 'a task of more than two classes (digits)',
      code: py`
        from sklearn.datasets import load_digits
        from sklearn.svm import SVC
        from sklearn.metrics import accuracy_score
        digits = load_digits()
        clf = SVC().fit(digits.data[:1000], digits.target[:1000])
        print(accuracy_score(digits.target[1000:], clf.predict(digits.data[1000:])))
      `,
    },
    {
      name: 'macro-averaged F1 says several classes',
      code: py`
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import f1_score
        clf = LogisticRegression().fit(X_train, y_train)
        print(f1_score(y_test, clf.predict(X_test), average="macro"))
      `,
    },
    {
      name: 'a report whose class names come from the label column says several classes',
      code: py`
        import pandas as pd
        from sklearn.svm import LinearSVC
        from sklearn.metrics import classification_report
        tickets = pd.read_csv("tickets.csv")
        clf = LinearSVC().fit(X_train, y_train)
        print(classification_report(y_test, clf.predict(X_test), target_names=tickets["queue"].unique()))
      `,
    },
    {
      name: 'the fruits teaching set (four kinds of fruit) scored by accuracy',
      code: py`
        import pandas as pd
        from sklearn.neighbors import KNeighborsClassifier
        fruit = pd.read_table("fruit_data_with_colors.txt")
        knn = KNeighborsClassifier(n_neighbors=5).fit(X_train, y_train)
        print(knn.score(X_test, y_test))
      `,
    },
    {
      name: 'a classifier of unknown class (from a dict of models)',
      code: py`
        from sklearn.metrics import accuracy_score
        for name, model in models.items():
            model.fit(X_train, y_train)
            print(name, accuracy_score(y_test, model.predict(X_test)))
      `,
    },
    {
      name: 'a threshold tuned on validation data',
      code: py`
        from sklearn.model_selection import TunedThresholdClassifierCV
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import f1_score
        clf = TunedThresholdClassifierCV(LogisticRegression(), scoring="f1").fit(X_train, y_train)
        print(f1_score(y_test, clf.predict(X_test)))
      `,
    },
    {
      name: 'xgboost evaluated with logloss while training',
      code: py`
        import xgboost as xgb
        from sklearn.metrics import accuracy_score
        clf = xgb.XGBClassifier(eval_metric="logloss")
        clf.fit(X_train, y_train, eval_set=[(X_val, y_val)])
        print(accuracy_score(y_test, clf.predict(X_test)))
      `,
    },
    {
      name: 'class count known from a booster parameter dict (seven cover types)',
      code: py`
        import xgboost as xgb
        from sklearn.metrics import accuracy_score
        from xgboost import XGBClassifier
        params = {"objective": "multi:softprob", "num_class": 7}
        clf = XGBClassifier(**params).fit(X_train, y_train)
        print(accuracy_score(y_test, clf.predict(X_test)))
      `,
    },
    {
      name: 'class count known from a keyword or a multi-class objective',
      code: py`
        from lightgbm import LGBMClassifier
        from sklearn.metrics import f1_score
        clf = LGBMClassifier(objective="multiclass", n_estimators=50).fit(X_train, y_train)
        print(f1_score(y_test, clf.predict(X_test)))
      `,
    },
    {
      name: 'class count known from the labels a metric lists, or from a range',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.metrics import confusion_matrix
        clf = RandomForestClassifier(random_state=0).fit(X_train, y_train)
        print(confusion_matrix(y_test, clf.predict(X_test), labels=range(4)))
      `,
    },
    {
      name: 'target cut into four quantile bins (four price ranges)',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        df["price_range"] = pd.qcut(df["price"], 4, labels=False)
        clf = LogisticRegression().fit(X_train, y_train)
        print(clf.score(X_test, y_test))
      `,
    },
    {
      name: 'a fully grown decision tree and a one-neighbour vote score only 0 or 1',
      code: py`
        from sklearn.tree import DecisionTreeClassifier
        from sklearn.neighbors import KNeighborsClassifier
        tree = DecisionTreeClassifier(random_state=0).fit(X_train, y_train)
        print(tree.score(X_test, y_test))
        nn = KNeighborsClassifier(n_neighbors=1).fit(X_train, y_train)
        print(nn.score(X_test, y_test))
      `,
    },
    {
      name: 'a smoke test on a handful of rows is not an evaluation',
      code: py`
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import accuracy_score
        clf = LogisticRegression().fit(X_train, y_train)
        print(clf.score(X_test[:5], y_test[:5]))
        sample = X_test.head()
        print(accuracy_score(y_test[:5], clf.predict(sample)))
        print(accuracy_score(y_test[:10], clf.predict(X_test.iloc[:10])))
      `,
    },
  ],
  invalid: [
    {
      name: 'a report naming its two classes is still a binary task',
      code: py`
        from sklearn.ensemble import GradientBoostingClassifier
        from sklearn.metrics import classification_report
        gb = GradientBoostingClassifier(random_state=0).fit(X_train, y_train)
        print(classification_report(y_test, gb.predict(X_test), target_names=["stays", "churns"]))
      `,
      findings: [{ line: 4, message: /gb \(GradientBoostingClassifier\) is evaluated only with classification_report/ }],
    },
    {
      name: 'accuracy and F1 of a random forest',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.metrics import accuracy_score, f1_score
        clf = RandomForestClassifier(random_state=0).fit(X_train, y_train)
        y_pred = clf.predict(X_test)
        print(accuracy_score(y_test, y_pred))
        print(f1_score(y_test, y_pred))
      `,
      findings: [{ line: 5, column: 7, message: /^clf \(RandomForestClassifier\) is evaluated only with accuracy_score, f1_score: label metrics at one fixed threshold/, related: 1 }],
      noFix: true,
    },
    {
      name: 'a thresholded probability, a confusion matrix and clf.score',
      code: py`
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import confusion_matrix
        model = LogisticRegression(max_iter=1000)
        model.fit(X_train, y_train)
        proba = model.predict_proba(X_val)[:, 1]
        print(confusion_matrix(y_val, proba >= 0.5))
        print(model.score(X_val, y_val))
      `,
      findings: [{ line: 6, column: 7, message: /model \(LogisticRegression\) is evaluated only with confusion_matrix, model\.score \(accuracy\)/, related: 1 }],
    },
    {
      name: 'several classifiers compared by cross-validated accuracy',
      code: py`
        from sklearn.model_selection import cross_val_score
        from sklearn.tree import DecisionTreeClassifier
        from sklearn.neighbors import KNeighborsClassifier
        tree = DecisionTreeClassifier(max_depth=3)
        knn = KNeighborsClassifier()
        print(cross_val_score(tree, X, y, cv=5).mean())
        print(cross_val_score(knn, X, y, cv=5, scoring="accuracy").mean())
      `,
      findings: [{ line: 6, message: /^The classifiers \(DecisionTreeClassifier, KNeighborsClassifier\) are evaluated only with cross_val_score \(accuracy\)/, related: 1 }],
    },
    {
      name: 'a grid search inside a pipeline, scored by F1',
      code: py`
        from sklearn.model_selection import GridSearchCV
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        from sklearn.svm import SVC
        search = GridSearchCV(make_pipeline(StandardScaler(), SVC()), {"svc__C": [1, 10]}, scoring="f1")
        search.fit(X_train, y_train)
      `,
      findings: [{ line: 6, message: /search \(SVC\) is evaluated only with search\.fit \(f1\)/ }],
    },
    {
      name: 'notebook: trained in one cell, judged by accuracy in another',
      code: [
        'from sklearn.naive_bayes import GaussianNB\nfrom sklearn.metrics import accuracy_score, classification_report\nnb = GaussianNB().fit(X_train, y_train)\n',
        'print(classification_report(y_test, nb.predict(X_test)))\n',
        'acc = accuracy_score(y_test, nb.predict(X_test))\n',
      ],
      findings: [{ cell: 1, line: 1, column: 7, related: 1 }],
    },
    {
      name: 'a depth-limited tree and a smoke test beside a real evaluation are still reported',
      code: py`
        from sklearn.tree import DecisionTreeClassifier
        tree = DecisionTreeClassifier(max_depth=4, random_state=0).fit(X_train, y_train)
        print(tree.score(X_test[:5], y_test[:5]))
        print(tree.score(X_test, y_test))
      `,
      findings: [{ line: 4, message: /^tree \(DecisionTreeClassifier\) is evaluated only with tree\.score \(accuracy\)/ }],
    },
  ],
});
