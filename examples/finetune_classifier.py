"""Fine-tune a small PyTorch classifier on precomputed embeddings."""
import torch
import torch.nn as nn

features = torch.load("cache/embeddings.pt")
labels = torch.randint(0, 2, (features.shape[0],))

net = nn.Sequential(nn.Linear(features.shape[1], 64), nn.ReLU(), nn.Linear(64, 1))
optimizer = torch.optim.AdamW(net.parameters(), lr=3e-4, weight_decay=0.01)
loss_fn = nn.BCEWithLogitsLoss()

for epoch in range(10):
    optimizer.zero_grad()
    logits = net(features).squeeze(1)
    loss = loss_fn(logits, labels.float())
    loss.backward()
    optimizer.step()

with torch.no_grad():
    net.eval()
    flagged = torch.sigmoid(net(features).squeeze(1)) >= 0.8

torch.save(net.state_dict(), "models/classifier.pt")
