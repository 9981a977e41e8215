"""Nightly fraud scoring: retrain on the ledger, score today's transactions, append them.

A job that looks harmless and closes a loop: the labels it writes tonight are the labels it
trains on tomorrow. Run `mldebt check examples/` to see it.
"""
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier

FEATURES = ["amount", "merchant_risk", "hour"]
LEDGER = "data/ledger.csv"

ledger = pd.read_csv(LEDGER)
chargebacks = pd.read_csv("data/chargebacks.csv")  # meant for a join nobody wrote

model = GradientBoostingClassifier(random_state=7)
model.fit(ledger[FEATURES], ledger["is_fraud"])

today = pd.read_csv("data/transactions_today.csv")
today["is_fraud"] = model.predict(today[FEATURES])
today.to_csv("data/scored_today.csv", index=False)

# Tomorrow's training data: yesterday's ledger plus today's model-labelled rows.
scored = pd.read_csv("data/scored_today.csv")
ledger = pd.concat([ledger, scored], ignore_index=True)
ledger.to_csv(LEDGER, index=False)
