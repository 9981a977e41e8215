"""Predict loan defaults: a script whose numbers look better than the model is.

Every step runs, and the printed score is real, but data flows where it should not: the scaler
sees the test rows, the features are "whatever columns the file has", the preprocessing is
redone by hand for each data set, and the classifier is judged at a single threshold. Run
`mldebt check examples/` to see each of these.
"""
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 7

loans = pd.read_csv("data/loans.csv")
applicants = pd.read_csv("data/new_applicants.csv")

# Everything but the label is a feature -- including whatever column the export adds next month.
X = loans.drop(columns=["defaulted", "loan_id"])
y = loans["defaulted"]

# Scaled before the split: the test rows shape the means and variances the model trains on.
X_scaled = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X_scaled, y, test_size=0.25, random_state=SEED)

# Two more steps done by hand, to be repeated identically on every new batch of applicants.
rescale = StandardScaler()
pca = PCA(n_components=8, random_state=SEED)
train_features = pca.fit_transform(rescale.fit_transform(X_train))
test_features = pca.transform(rescale.transform(X_test))

clf = LogisticRegression(max_iter=1000)
clf.fit(train_features, y_train)

predicted = clf.predict(test_features)
print("accuracy", accuracy_score(y_test, predicted))
print("f1", f1_score(y_test, predicted))

new_features = pca.transform(rescale.transform(applicants.drop(columns=["loan_id"])))
applicants["default_risk"] = clf.predict_proba(new_features)[:, 1]
