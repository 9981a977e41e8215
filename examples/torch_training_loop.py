"""Train a small classifier on pre-extracted image features, then score the held-out set.

The loop runs without an error and the loss even goes down; run `mldebt check examples/` to
see what it gets wrong.
"""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(7)


class Classifier(nn.Module):
    def __init__(self, n_features, n_classes):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(n_features, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.3))
        self.head = nn.Linear(128, n_classes)

    def forward(self, x):
        return self.head(self.encoder.forward(x))


features = torch.load("cache/train_features.pt", weights_only=True)
labels = torch.load("cache/train_labels.pt", weights_only=True)
loader = DataLoader(TensorDataset(features, labels), batch_size=64, shuffle=True)

model = Classifier(features.shape[1], 10)
optimizer = torch.optim.AdamW(model.parameters())
loss_fn = nn.CrossEntropyLoss()

for epoch in range(20):
    model.train()
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

test_features = torch.load("cache/test_features.pt", weights_only=True)
with torch.no_grad():
    predicted = model(test_features).argmax(dim=1)
print("predicted classes:", predicted.bincount())
