"""Nightly retraining of the support-ticket router.

Written in a hurry two years ago and extended ever since: it pulls the data from wherever it
happened to live, shells out for the steps nobody ported, and keeps the old model "just in case".
Run `mldebt check examples/legacy_pipeline.py` to see what that costs.
"""
import os

import numpy as np
import pandas as pd
import torch
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score, train_test_split
from transformers import AutoModel, AutoTokenizer

# Refresh the ticket export before training (the R script owns the cleaning rules).
os.system("Rscript scripts/clean_tickets.R --out data/tickets.csv")

tickets = pd.read_csv("https://raw.githubusercontent.com/acme-support/exports/main/tickets.csv")
labels = pd.read_csv("/home/dana/projects/router/data/labels.csv")
frame = pd.DataFrame(tickets.values, columns=tickets.columns)
queues = labels["queue"].values.tolist()

tokenizer = AutoTokenizer.from_pretrained("distilbert-base-uncased")
encoder = AutoModel.from_pretrained("distilbert-base-uncased")


def embed(texts):
    batch = tokenizer(texts, padding=True, truncation=True, max_length=128, return_tensors="pt")
    with torch.no_grad():
        hidden = encoder(**batch).last_hidden_state[:, 0]
    return torch.tensor(hidden.numpy())


features = embed(frame["text"].tolist()).numpy()
X_train, X_test, y_train, y_test = train_test_split(features, queues, test_size=0.2, random_state=7)

baseline = LogisticRegression()
print("baseline", cross_val_score(baseline, X_train, y_train, cv=5).mean())

router = GradientBoostingClassifier(n_estimators=400, random_state=7)
router.fit(X_train, y_train)
print("router", router.score(X_test, y_test))

# router = LogisticRegression(C=0.3, max_iter=2000)
# router.fit(X_train, y_train)
# print("old router", router.score(X_test, y_test))

np.save("/home/dana/projects/router/artifacts/test_features.npy", X_test)
