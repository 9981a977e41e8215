"""Train the churn model and write tomorrow's scores.

A typical first production script: it works, and it carries most of the debt the
paper describes. Run `mldebt check examples/` to see it.
"""
import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

USE_CALIBRATION = False

customers = pd.read_csv("data/customers.csv")
customers["tenure_noise"] = customers["tenure"] + np.random.normal(0, 0.5, len(customers))

X = customers.drop(columns=["churned"])
y = customers["churned"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)

model = RandomForestClassifier(n_estimators=400, max_depth=12, min_samples_leaf=3)
model.fit(X_train, y_train)

if USE_CALIBRATION:
    from sklearn.calibration import CalibratedClassifierCV
    model = CalibratedClassifierCV(model, cv=3).fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
at_risk = proba > 0.35
print("accuracy", accuracy_score(y_test, at_risk), "| to call:", X_test.index[at_risk].tolist())

if False:
    # the old logistic baseline, kept "just in case"
    from sklearn.linear_model import LogisticRegression
    model = LogisticRegression().fit(X_train, y_train)

joblib.dump(model, "models/churn.pkl")
