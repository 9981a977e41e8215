import { implicitFeatureSet } from '../../../server/src/detectors/mld201-implicit-feature-set';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

ruleTests(implicitFeatureSet, {
  valid: [
    {
      name: 'chosen columns joined to the target, then the target dropped again',
      code: py`
        import pandas as pd
        from sklearn.ensemble import ExtraTreesRegressor
        houses = pd.read_csv("houses.csv")
        kept = ["rooms", "area", "age"]
        subset = houses[kept].join(houses.price)
        model = ExtraTreesRegressor(random_state=1)
        model.fit(subset.drop("price", axis=1), subset.price)
      `,
    },
    {
      name: 'features selected by an explicit list constant',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        FEATURES = ["tenure", "monthly_charges", "contract"]
        df = pd.read_csv("customers.csv")
        X = df[FEATURES]
        y = df["churned"]
        LogisticRegression().fit(X, y)
      `,
    },
    {
      name: 'id and target dropped, then the features listed',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        FEATURES = ["age", "income"]
        train = pd.read_csv("train.csv")
        X = train.drop(columns=["id", "target"])[FEATURES]
        RandomForestClassifier(random_state=0).fit(X, train["target"])
      `,
    },
    {
      name: 'columns listed before the target is dropped',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestRegressor
        COLUMNS = ["rooms", "area", "price"]
        houses = pd.read_csv("houses.csv")[COLUMNS]
        model = RandomForestRegressor(random_state=0)
        model.fit(houses.drop(columns=["price"]), houses["price"])
      `,
    },
    {
      name: 'columns named at load time',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LinearRegression
        df = pd.read_csv("sales.csv", usecols=["visits", "price", "sold"])
        LinearRegression().fit(df.drop("sold", axis=1), df["sold"])
      `,
    },
    {
      name: 'rows dropped and filtered, columns listed',
      code: py`
        import pandas as pd
        from sklearn.svm import SVC
        df = pd.read_csv("d.csv")
        df = df.drop(index=[0, 1])
        clean = df[df["age"] > 0]
        SVC().fit(clean[["age", "score"]], clean["label"])
      `,
    },
    {
      name: 'a closed range of positions names the columns',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LinearRegression
        data = pd.read_csv("d.csv")
        LinearRegression().fit(data.iloc[:, 2:5], data.iloc[:, 5])
      `,
    },
    {
      name: 'a scaler fitted on a drop (one input, unknown class) is not a model',
      code: py`
        import pandas as pd
        from sklearn.preprocessing import StandardScaler
        df = pd.read_csv("d.csv")
        scaler = make_scaler()
        scaler.fit(df.drop(columns=["y"]))
      `,
    },
    {
      name: 'columns chosen by a rule of their own (a name prefix)',
      code: py`
        import pandas as pd
        from sklearn.linear_model import Ridge
        df = pd.read_csv("d.csv")
        feats = [c for c in df.columns if c.startswith("num_")]
        Ridge().fit(df[feats], df["y"])
      `,
    },
    {
      name: 'a frame of unknown origin with a column list of unknown origin',
      code: py`
        from sklearn.linear_model import Ridge
        def train(frame, cols):
            Ridge().fit(frame[cols], frame["y"])
      `,
    },
  ],
  invalid: [
    {
      // The first fit follows the chain past the search's depth limit; the second, nearer the
      // drop, must still find it: an answer the limit cut is not remembered for later fits.
      name: 'a chain of copies followed past the depth limit by one fit and to its end by a later one',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        df = pd.read_csv("d.csv")
        X0 = df.drop(columns=["y"])
        X1 = X0.copy()
        X2 = X1.copy()
        X3 = X2.copy()
        X4 = X3.copy()
        X5 = X4.copy()
        X6 = X5.copy()
        X7 = X6.copy()
        X8 = X7.copy()
        X9 = X8.copy()
        LogisticRegression().fit(X9, df["y"])
        LogisticRegression().fit(X2, df["y"])
      `,
      findings: [{ line: 4, column: 6, message: /LogisticRegression\(\)\.fit are every column of df except 'y'/, related: 1 }],
      noFix: true,
    },
    {
      name: 'drop(columns=...) through train_test_split',
      code: py`
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import train_test_split
        customers = pd.read_csv("customers.csv")
        X = customers.drop(columns=["churned", "customer_id"])
        y = customers["churned"]
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        model = RandomForestClassifier(random_state=0)
        model.fit(X_train, y_train)
      `,
      findings: [{ line: 5, column: 5, message: /model\.fit are every column of customers except 'churned', 'customer_id'/, related: 1 }],
      noFix: true,
    },
    {
      name: "drop('y', axis=1) and a scaler in between",
      code: py`
        import pandas as pd
        from sklearn.preprocessing import StandardScaler
        from sklearn.linear_model import LogisticRegression
        df = pd.read_csv("d.csv")
        X = StandardScaler().fit_transform(df.drop("label", axis=1))
        LogisticRegression().fit(X, df["label"])
      `,
      findings: [{ line: 5, column: 36, message: /every column of df except 'label'/ }],
    },
    {
      name: 'iloc[:, :-1].values',
      code: py`
        import pandas as pd
        from sklearn.tree import DecisionTreeClassifier
        dataset = pd.read_csv("data.csv")
        X = dataset.iloc[:, :-1].values
        y = dataset.iloc[:, -1].values
        DecisionTreeClassifier(random_state=0).fit(X, y)
      `,
      findings: [{ line: 4, column: 5, message: /every column of dataset but the last/ }],
    },
    {
      name: "loc[:, df.columns != 'y'] and a comprehension over the columns",
      code: py`
        import pandas as pd
        from sklearn.linear_model import Ridge
        df = pd.read_csv("d.csv")
        Ridge().fit(df.loc[:, df.columns != "y"], df["y"])
        cols = [c for c in df.columns if c not in ("y", "id")]
        Ridge().fit(df[cols], df["y"])
      `,
      findings: [
        { line: 4, column: 13, message: /every column of df except 'y'/ },
        { line: 6, column: 13, message: /every column of df except 'y', 'id'/ },
      ],
    },
    {
      name: 'y = df.pop(...) leaves everything else as features',
      code: py`
        import pandas as pd
        import xgboost as xgb
        df = pd.read_csv("d.csv")
        y = df.pop("target")
        xgb.XGBClassifier().fit(df, y)
      `,
      findings: [{ line: 4, column: 5, message: /every column of df except 'target'/ }],
    },
    {
      name: 'a column list built from all columns minus a removed one',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        df = pd.read_csv("d.csv")
        features = list(df.columns)
        features.remove("converted")
        LogisticRegression().fit(df[features], df["converted"])
      `,
      findings: [{ line: 6, column: 26, message: /except 'converted'/ }],
    },
    {
      name: 'one drop feeding two models is one finding linked to both',
      code: py`
        import pandas as pd
        from sklearn.linear_model import LinearRegression
        from sklearn.ensemble import RandomForestRegressor
        df = pd.read_csv("d.csv")
        X = df.drop(["price"], axis="columns")
        LinearRegression().fit(X, df.price)
        RandomForestRegressor(random_state=0).fit(X, df.price)
      `,
      findings: [{ line: 5, related: 2 }],
    },
    {
      name: 'notebook: the drop and the fit in different cells',
      code: [
        'import pandas as pd\nfrom sklearn.svm import SVR\ndf = pd.read_csv("d.csv")\n',
        'X = df.drop(columns="target")\n',
        'SVR().fit(X, df["target"])\n',
      ],
      findings: [{ cell: 1, line: 1, column: 5, related: 1 }],
    },
  ],
});
