import { strict as assert } from 'node:assert';
import { unseededRandomness } from '../../../server/src/detectors/mld801-unseeded-randomness';
import { applyToSource } from '../../../server/src/documents/source';
import { allRulesConfig, findingLinesIn, py, run } from '../../support/engine';
import type { ProjectModuleSource } from '../../../server/src/config/settings';
import { ruleTests } from '../../support/ruleTester';

/** A notebook cell that trains a small network on `features`: draws that reach it shape a result. */
const TRAINING_CELL = 'X = torch.from_numpy(features.astype(np.float32))\nmodel = nn.Linear(X.shape[1], 1)\nopt = torch.optim.SGD(model.parameters(), lr=0.1)\nfor epoch in range(10):\n    loss = model(X).pow(2).mean()\n    loss.backward()\n    opt.step()\n    opt.zero_grad()\nprint(loss.item())\n';

const MLFLOW_EXAMPLE_TRAINED = py`
  import mlflow
  import numpy as np
  from sklearn.linear_model import Ridge
  X, y = np.random.rand(200, 5), np.random.rand(200)
  model = Ridge().fit(X, y)
  mlflow.sklearn.log_model(model, "ridge", input_example=X[:2])
`;
/** What the seed fix makes of `code`: the seed constant and `seeding` right after the import line that ends its opening imports. */
const seededAfter = (code: string, lastImport: string, seeding: string) => code.replace(`${lastImport}\n`, `${lastImport}\nSEED = 42\n${seeding}\n`);
/** A positive whose one finding is fixed by seeding the library right after the file's last import. */
const seededCase = (name: string, code: string, line: number, message: RegExp, lastImport: string, seeding: string) =>
  ({ name, code, findings: [{ line, message }], output: seededAfter(code, lastImport, seeding) });

/** Orders drawn where their file is there, written to another file, or not written at all: drawn on every run. */
const DRAWN_ORDERS_NOT_KEPT = py`
  import json
  import os
  import numpy as np
  data = json.load(open("train.json"))
  if os.path.exists("random_order.json"):
      random_order = list(range(len(data)))
      np.random.shuffle(random_order)
      json.dump(random_order, open("random_order.json", "w"))
  if not os.path.exists("perm.json"):
      perm = np.random.permutation(len(data)).tolist()
      json.dump(perm, open("other.json", "w"))
  if not os.path.exists("held.npy"):
      held = np.random.choice(len(data), 100, replace=False)
  train = [data[j] for i, j in enumerate(random_order) if i % 10 and j not in held and j in perm]
  model.fit(train)
`;

/** An inference script whose model class draws its initial weights; `build` makes and loads the network in `main`. */
const patchClassifierScript = (build: string) => py`
  import pandas as pd
  import torch
  from torch import nn

  class PatchClassifier(nn.Module):
      def __init__(self, dim, classes):
          super(PatchClassifier, self).__init__()
          self.cls_token = nn.Parameter(torch.randn(1, 1, dim))
          self.pos = nn.Parameter(torch.randn(1, 17, dim) * 0.02)
          self.register_buffer("mask_token", torch.randn(dim))
          self.head = nn.Linear(dim, classes)

      def forward(self, x):
          x = torch.cat([self.cls_token.expand(x.size(0), -1, -1), x], dim=1) + self.pos
          return self.head(x[:, 0])

  def main(weights, patches):
${build.replace(/^/gm, '  ')}
      probs = net(torch.load(patches, weights_only=True)).softmax(-1)
      pd.DataFrame(probs.detach().numpy()).to_csv("predictions.csv", index=False)

  if __name__ == "__main__":
      main("weights/vit.pt", "patches.pt")
`;
/** The positive of patchClassifierScript: its first draw, fixed by seeding PyTorch after the imports. */
const patchClassifierCase = (name: string, build: string) => seededCase(name, patchClassifierScript(build), 8,
  /^`torch\.randn` \(and 2 other draws\) draws from PyTorch's global random generator/, 'from torch import nn', 'torch.manual_seed(SEED)');

/**
 * A distillation set-up that pushes one random probe through the teacher and the student to learn
 * their feature maps' sizes, then trains; `sizes` (indented for `main`) builds the heads from them.
 */
const featureProbeScript = (sizes: string) => py`
  import torch
  from torch import nn

  def main(teacher, student, loader):
      probe = torch.randn(2, 3, 32, 32)
      teacher.eval()
      student.eval()
      feat_t, _ = teacher(probe, is_feat=True)
      feat_s, _ = student(probe, is_feat=True)
${sizes.replace(/^/gm, '      ')}
      opt = torch.optim.SGD(list(student.parameters()) + list(heads.parameters()), lr=0.05)
      for x, y in loader:
          loss = distill_loss(student, teacher, heads, x, y)
          loss.backward()
          opt.step()
          opt.zero_grad()

  if __name__ == "__main__":
      main(load_teacher("teacher.pth"), build_student(), make_loader())
`;

/** A script that fits a ridge model on `use`, a comprehension over the rows of a NumPy draw (`noise`). */
const drawnRowsScript = (use: string) => py`
  import numpy as np
  from sklearn.linear_model import Ridge

  noise = np.random.rand(100, 4)
${use.replace(/^/gm, '  ')}
`;

/** A data set module whose items are resampled and jittered at random; `demo` is its `__main__` block. */
const pointCloudModule = (demo: string) => py`
  import json
  import sys
  import numpy as np
  import torch
  import torch.utils.data as data

  class PointCloudSet(data.Dataset):
      def __init__(self, root, npoints=1024):
          self.files = sorted(json.load(open(f"{root}/index.json")))
          self.npoints = npoints

      def __getitem__(self, index):
          cloud = np.loadtxt(self.files[index]).astype(np.float32)
          choice = np.random.choice(len(cloud), self.npoints, replace=True)
          cloud = cloud[choice] + np.random.normal(0, 0.02, size=(self.npoints, 3))
          return torch.from_numpy(cloud), index % 40

      def __len__(self):
          return len(self.files)

  def write_index(root):
      with open(f"{root}/classes.txt", "w") as f:
          f.write(",".join(sorted(json.load(open(f"{root}/index.json")))))

  if __name__ == "__main__":
${demo.replace(/^/gm, '      ')}
`;

/**
 * A loader module built on a loader library's base class: its batch method draws the patches; the
 * `__main__` block unpacks the data (a write) and builds the loaders, which it never iterates.
 */
const PATCH_LOADER_MODULE = py`
  import numpy as np
  from batchgenerators.dataloading import SlimDataLoaderBase

  def unpack(folder):
      for name in ["a", "b"]:
          np.save(f"{folder}/{name}.npy", np.load(f"{folder}/{name}.npz")["data"])

  class PatchDataLoader(SlimDataLoaderBase):
      def __init__(self, data, patch_size, batch_size):
          super().__init__(data, batch_size, None)
          self.patch_size = patch_size
          self.keys = list(data)

      def generate_train_batch(self):
          keys = np.random.choice(self.keys, self.batch_size, True)
          return {"keys": keys}

  if __name__ == "__main__":
      unpack("/data/task02")
      loader = PatchDataLoader({"a": 1, "b": 2}, (32, 32, 32), 2)
      loader = PatchDataLoader({"a": 1, "b": 2}, (64, 64, 64), 2)
      loader_2d = PatchDataLoader({"a": 1, "b": 2}, (64, 64), 12)
`;

/** A preprocessing module (split, scale, encode, resample); `main` is its `__main__` block. */
const preprocessingModule = (main: string) => py`
  import numpy as np
  import pandas as pd
  from sklearn.model_selection import train_test_split
  from sklearn.preprocessing import StandardScaler, LabelEncoder
  from sklearn.linear_model import LogisticRegression
  from imblearn.over_sampling import SMOTE, ADASYN

  def split(frame, target):
      return train_test_split(frame.drop(columns=[target]), frame[target], stratify=frame[target], random_state=0)

  def scale(X_train, X_test):
      scaler = StandardScaler()
      return scaler, scaler.fit_transform(X_train), scaler.transform(X_test)

  def balance(X, y, method="smote"):
      if method == "smote":
          sampler = SMOTE(random_state=0)
      else:
          sampler = ADASYN(random_state=0)
      return sampler.fit_resample(X, y)

  def encode(y):
      return LabelEncoder().fit_transform(y)
`.concat('\n', main);

/** A detection data set module whose draws pick each batch's training scale; `demo` is its `__main__` block. */
const detectionDataset = (demo: string) => py`
  import random
  import cv2
  import numpy as np
  from torch.utils.data import Dataset, DataLoader

  class BoxDataset(Dataset):
      def __init__(self, items, multiscale=True):
          self.items, self.multiscale = items, multiscale

      def __len__(self):
          return len(self.items)

      def __getitem__(self, index):
          path, boxes = self.items[index]
          size = random.choice([320, 416, 512]) if self.multiscale else 416
          image = cv2.resize(cv2.imread(path), (size, size))
          return {"image": image.astype(np.float32) / 255, "boxes": boxes}
`.concat('\n', demo);

/** An unseeded generator as the fallback for a state the program loaded itself: no caller chose it. */
const LOADED_STATE_FALLBACK = py`
  import numpy as np

  class Trainer:
      def __init__(self, state_file):
          saved = load_state(state_file)
          if saved is None:
              self.rng = np.random.RandomState()
          else:
              self.rng = saved

      def fit(self, X, y):
          order = self.rng.permutation(len(X))
          self.model.fit(X[order], y[order])

  Trainer("state.pkl").fit(X, y)
`;

/** Weights drawn, then updated by hand from their gradients (which are also printed): trained. */
const HAND_UPDATED_WEIGHTS = py`
  import torch
  w = torch.randn(3, 1, requires_grad=True)
  for x, y in batches:
      loss = ((x @ w - y) ** 2).mean()
      loss.backward()
      print(w.grad)
      with torch.no_grad():
          w -= 0.1 * w.grad
          w.grad.zero_()
`;

/** A layer class with drawn weights, handed to a training function the file imports. */
const LAYER_TRAINED_ELSEWHERE = py`
  import torch
  from torch import nn
  from helpers import train_model
  class Scale(nn.Module):
      def __init__(self):
          super().__init__()
          self.w = nn.Parameter(torch.randn(4))
      def forward(self, x):
          return x * self.w
  train_model(Scale(), loader)
`;

/** A data set of draws, trained on by a loop that steps an optimizer. */
const RANDOM_DATASET_TRAINED = py`
  import torch
  from torch import nn
  from torch.utils.data import DataLoader, TensorDataset
  data = torch.randn(100, 5)
  model = nn.Linear(5, 1)
  opt = torch.optim.SGD(model.parameters(), lr=0.1)
  for (batch,) in DataLoader(TensorDataset(data), batch_size=10):
      loss = model(batch).pow(2).mean()
      opt.zero_grad()
      loss.backward()
      opt.step()
`;

/** Keypoint sequences jittered by a module function that a data set's `__getitem__` calls; `use` is what the script does with the data set. */
const jitteredKeypoints = (use: string) => py`
  import random
  import numpy as np
  import torch
  from torch.utils.data import Dataset, DataLoader

  def jitter(seq):
      if random.random() < 0.5:
          seq = seq + 0.01
      return seq

  class KeypointDataset(Dataset):
      def __init__(self, paths):
          self.paths = paths

      def __len__(self):
          return len(self.paths)

      def __getitem__(self, idx):
          seq = jitter(np.load(self.paths[idx]))
          return torch.tensor(seq, dtype=torch.float32)

  dataset = KeypointDataset(paths)
` + use;

/** A device probe that fits a throwaway booster on drawn rows, then the real fit; `probe` is the probe's statement. */
const gpuProbe = (probe: string) => py`
  import numpy as np
  import lightgbm as lgb
  import pandas as pd

  def pick_device():
      try:
          ${probe}
          return "gpu"
      except Exception:
          return "cpu"

  frame = pd.read_csv("stars.csv")
  model = lgb.LGBMClassifier(device=pick_device(), random_state=0).fit(frame.drop(columns="cls"), frame["cls"])
  print(model.score(frame.drop(columns="cls"), frame["cls"]))
`;

/** Indices shuffled for a sampler; the loader goes to a function of the project's own module, where it may train. */
const LOADER_TO_PROJECT_HELPER = py`
  import numpy as np
  import torch
  from torch.utils.data.sampler import SubsetRandomSampler
  import helpers
  indices = list(range(len(train_data)))
  np.random.shuffle(indices)
  loader = torch.utils.data.DataLoader(train_data, batch_size=64, sampler=SubsetRandomSampler(indices[1000:]))
  helpers.compare_init_weights(models, loader)
`;

/** Rows split by a random mask (a comparison of draws with the training share), one part trained on. */
const MASK_SPLIT_TRAINED = py`
  import numpy as np
  import pandas as pd
  from sklearn.linear_model import Ridge
  frame = pd.read_csv("houses.csv")
  in_train = np.random.rand(len(frame)) < 0.8
  fitted = Ridge().fit(frame[in_train][["rooms"]], frame[in_train]["price"])
  print(fitted.score(frame[~in_train][["rooms"]], frame[~in_train]["price"]))
`;

/** Random features held in an xarray Dataset, then fitted: the container does not stop the flow. */
const XARRAY_TRAINED = py`
  import numpy as np
  import xarray as xr
  from sklearn.linear_model import Ridge
  features = np.random.rand(300, 4)
  table = xr.Dataset({"x": (("sample", "feature"), features)})
  model = Ridge().fit(table["x"].values, target)
`;

/** A script that loads its .env file and then trains at top level: a program, not a library. */
const DOTENV_SCRIPT = py`
  import dotenv
  import numpy as np
  from sklearn.linear_model import LogisticRegression

  dotenv.load_dotenv()

  points = np.random.rand(200, 2)
  model = LogisticRegression().fit(points, points[:, 0] > 0.5)
  print(model.coef_)
`;

/** A script that fixes the numeric locale and then trains: a program, not a library. */
const LOCALE_SCRIPT = py`
  import locale
  import numpy as np
  from sklearn.linear_model import LogisticRegression

  locale.setlocale(locale.LC_NUMERIC, "C")

  points = np.random.rand(200, 2)
  model = LogisticRegression().fit(points, points[:, 0] > 0.5)
  print(model.coef_)
`;

/** A script that extends the import path and then trains at top level: a program, not a library. */
const SYS_PATH_EXTEND_SCRIPT = py`
  import sys
  import numpy as np
  from sklearn.linear_model import LogisticRegression

  sys.path.extend(["../src"])

  points = np.random.rand(200, 2)
  model = LogisticRegression().fit(points, points[:, 0] > 0.5)
  print(model.coef_)
`;

/** A script that installs python-future's import aliases and then trains at top level: a program, not a library. */
const FUTURE_ALIASES_SCRIPT = py`
  import numpy as np
  from future import standard_library
  from sklearn.linear_model import LogisticRegression

  standard_library.install_aliases()

  points = np.random.rand(200, 2)
  model = LogisticRegression().fit(points, points[:, 0] > 0.5)
  print(model.coef_)
`;

/** Noise drawn at the top level and handed to the file's own functions: one fits it (by position and by keyword), one only plots it. */
const NOISE_THROUGH_OWN_FUNCTIONS = py`
  import numpy as np
  import matplotlib.pyplot as plt
  from sklearn.linear_model import Ridge

  def fit_curve(features, targets, alpha=1.0):
      return Ridge(alpha=alpha).fit(features.reshape(-1, 1), targets)

  def show_curve(xs, ys):
      plt.scatter(xs, ys, s=8)
      plt.show()

  grid = np.linspace(0, 1, 100)
  jitter = np.random.normal(scale=0.1, size=100)
  show_curve(grid, np.sin(grid) + jitter)
  model = fit_curve(grid, targets=np.sin(grid) + jitter)
  print(model.coef_)
`;

/** The same noise only plotted through the file's own function: it reaches no result. */
const NOISE_ONLY_PLOTTED = NOISE_THROUGH_OWN_FUNCTIONS.replace(/\nmodel = fit_curve[^\n]*\nprint\(model\.coef_\)/, '');

/** Skips itself without triton, then trains at module level: the skip guard does not make it a library. */
const TRITON_TRAINING_SCRIPT = py`
  import pytest
  import torch

  pytest.importorskip("triton")
  inputs = torch.randn(256, 16)
  net = torch.nn.Linear(16, 1)
  opt = torch.optim.SGD(net.parameters(), lr=0.1)
  for step in range(50):
      loss = net(inputs).pow(2).mean()
      opt.zero_grad()
      loss.backward()
      opt.step()
`;

/** A replayed sensor data set trained on: the drawn latency is slept on and also kept as a feature of the sample. */
const JITTER_KEPT_IN_SAMPLE = py`
  import random
  import time

  import torch
  from torch.utils.data import Dataset

  class SensorReplay(Dataset):
      def __init__(self, frames, max_latency=0.02):
          self.frames, self.max_latency = frames, max_latency

      def __getitem__(self, i):
          latency = random.uniform(0.0, self.max_latency)
          time.sleep(latency)
          return torch.cat([self.frames[i], torch.tensor([latency])])

      def __len__(self):
          return len(self.frames)

  if __name__ == "__main__":
      net = torch.nn.Linear(8, 1)
      opt = torch.optim.Adam(net.parameters())
      for batch in torch.utils.data.DataLoader(SensorReplay(torch.load("frames.pt", weights_only=True)), batch_size=8):
          loss = net(batch).pow(2).mean()
          opt.zero_grad()
          loss.backward()
          opt.step()
`;

/** Allow-lists its state class for `torch.load(weights_only=True)`, then trains at top level: a program. */
const ALLOW_LISTED_TRAINING_SCRIPT = py`
  import torch
  from mylab.state import RunState

  torch.serialization.add_safe_globals([RunState])
  net = torch.nn.Linear(8, 1)
  inputs = torch.randn(128, 8)
  opt = torch.optim.Adam(net.parameters())
  for step in range(20):
      loss = net(inputs).abs().mean()
      opt.zero_grad()
      loss.backward()
      opt.step()
  torch.save({"net": net.state_dict(), "state": RunState(step)}, "run.pt")
`;

/** A script that picks tensorly's backend and then trains: a program, not a library. */
const BACKEND_SCRIPT = py`
  import torch
  import tensorly as tl

  tl.set_backend("pytorch")
  coords = torch.rand(512, 2)
  targets = torch.sin(coords[:, :1])
  net = torch.nn.Sequential(torch.nn.Linear(2, 32), torch.nn.Tanh(), torch.nn.Linear(32, 1))
  opt = torch.optim.Adam(net.parameters())
  for step in range(100):
      loss = torch.nn.functional.mse_loss(net(coords), targets)
      opt.zero_grad()
      loss.backward()
      opt.step()
`;

/** Training helpers whose only top-level call switches TensorFlow to graph mode: a library; its importer seeds. */
const GRAPH_MODE_HELPERS = py`
  import numpy as np
  import tensorflow as tf

  tf.compat.v1.disable_eager_execution()


  def fit_epochs(model, features, labels, epochs=5, batch_size=32):
      order = np.arange(len(features))
      for _ in range(epochs):
          np.random.shuffle(order)
          model.fit(features[order], labels[order], batch_size=batch_size, epochs=1, verbose=0)
      return model
`;

/** The same helpers with a `__main__` block that fine-tunes a saved model and writes it: a program. */
const GRAPH_MODE_FINE_TUNING = `${GRAPH_MODE_HELPERS}

if __name__ == "__main__":
    data = np.load("features.npz")
    fit_epochs(tf.keras.models.load_model("base.keras"), data["x"], data["y"]).save("tuned.keras")
`;

/**
 * A module of hand-written estimators on torch (a k-means that draws its first centroids, a PCA);
 * `main` is its `__main__` block.
 */
const estimatorModule = (main: string) => py`
  import numpy as np
  import torch

  class KMeans:
      def __init__(self, k, steps=50):
          self.k, self.steps = k, steps

      def fit(self, X):
          X = torch.as_tensor(X, dtype=torch.float32)
          centers = X[torch.randint(0, len(X), (self.k,))]
          for _ in range(self.steps):
              assign = torch.cdist(X, centers).argmin(dim=1)
              centers = torch.stack([X[assign == c].mean(dim=0) for c in range(self.k)])
          self.centers = centers
          return self

      def predict(self, X):
          return torch.cdist(torch.as_tensor(X, dtype=torch.float32), self.centers).argmin(dim=1)

  class PCA:
      def __init__(self, n_components):
          self.n_components = n_components

      def fit_transform(self, X):
          X = X - X.mean(dim=0)
          _, vectors = torch.linalg.eigh(X.T @ X)
          return X @ vectors[:, -self.n_components:]
`.concat('\n', main);

/** A module class of the file with a `train` method of its own: `policy.train()` runs that method, which learns. */
const POLICY_OWN_TRAIN = py`
  import torch
  from torch import nn
  from mylab.envs import rollout

  class Policy(nn.Module):
      def __init__(self):
          super().__init__()
          self.w = nn.Parameter(torch.randn(4, 2))

      def forward(self, state):
          return state @ self.w

      def train(self, episodes=100):
          for _ in range(episodes):
              self.learn_from(rollout(self))

  policy = Policy()
  policy.train()
`;

/**
 * A DQN agent class with an epsilon-greedy `act` and its own `train` step, defined in the script;
 * `run` is the `__main__` block that uses it.
 */
const kerasAgent = (run: string) => py`
  import random
  import numpy as np
  import gym
  from tensorflow import keras

  class DQNAgent:
      def __init__(self, n_obs, n_actions, epsilon=1.0):
          self.n_actions, self.epsilon = n_actions, epsilon
          self.q = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(n_actions)])
          self.q.compile(optimizer="adam", loss="mse")

      def act(self, obs):
          if random.random() < self.epsilon:
              return random.randrange(self.n_actions)
          return int(np.argmax(self.q.predict(obs[None], verbose=0)[0]))

      def train(self, states, targets):
          return self.q.train_on_batch(states, targets)
` + run;

/** A library module (definitions only) whose client class trains with a generator it builds; `seed` is what the fix gives it. */
const federatedClientModule = (seed: string, seedLine: string) => py`
  import numpy as np${seedLine}


  class FederatedClient:
      def __init__(self, name, model, local_epochs=1):
          self.name = name
          self.model = model
          self.local_epochs = local_epochs
          self.rng = np.random.default_rng(${seed})

      def train(self, X, y):
          for _ in range(self.local_epochs):
              order = self.rng.permutation(len(X))
              self.model.partial_fit(X[order], y[order], classes=[0, 1])
          return self.model.coef_
`;

/** A training loop that samples a drawn number of held-out states and saves their mean Q value on a later pass; `seedLines` is what the fix adds. */
const HELD_OUT_STATES = (seedLines: string) => py`
  import random
  import numpy as np${seedLines}

  mean_q = []
  held_out = []
  for episode in range(1000):
      if episode % 100 == 0 and mean_q:
          np.savetxt(f"mean_q_{episode}.txt", mean_q)
          del mean_q[:]
      if len(held_out) < 50:
          for _ in range(random.randint(1, 5)):
              held_out.append(env.sample_state())
      else:
          agent.train(replay.batch(32))
          mean_q.append(np.mean([agent.max_q(s) for s in held_out]))
`;

/** A REINFORCE policy class whose own `fit` steps an optimizer, and whose `act` samples with NumPy; `run` uses it. */
const torchPolicy = (run: string) => py`
  import numpy as np
  import torch

  class SoftmaxPolicy:
      def __init__(self, n_obs, n_actions):
          self.net = torch.nn.Linear(n_obs, n_actions)
          self.opt = torch.optim.SGD(self.net.parameters(), lr=0.01)

      def probs(self, obs):
          return torch.softmax(self.net(torch.as_tensor(obs, dtype=torch.float32)), -1).detach().numpy()

      def act(self, obs):
          p = self.probs(obs)
          return int(np.random.choice(len(p), p=p))

      def fit(self, log_probs, returns):
          loss = -(torch.stack(log_probs) * torch.as_tensor(returns)).sum()
          self.opt.zero_grad()
          loss.backward()
          self.opt.step()
` + run;

/**
 * A stand-in scorer class whose `predict_proba` draws its scores, kept until a real model is trained;
 * `run` is the `__main__` block that builds it and does something with it.
 */
const standInScorer = (run: string) => py`
  import pickle
  import joblib
  import numpy as np

  class PlaceholderScorer:
      def __init__(self, n_features):
          self.n_features = n_features

      def predict_proba(self, X):
          p = np.random.uniform(0.0, 0.05, len(X))
          return np.column_stack([1 - p, p])

` + run;

/** The mode switch before a loop that steps an optimizer: the drawn weights are trained. */
const AFFINE_TRAINED = py`
  import torch
  from torch import nn

  class Affine(nn.Module):
      def __init__(self, n_in, n_out):
          super().__init__()
          self.weight = nn.Parameter(torch.randn(n_out, n_in))

      def forward(self, x):
          return x @ self.weight.t()

  net = Affine(6, 2)
  opt = torch.optim.SGD(net.parameters(), lr=0.1)
  net.train()
  for x, y in loader:
      loss = (net(x) - y).pow(2).mean()
      opt.zero_grad()
      loss.backward()
      opt.step()
`;

/** A throughput benchmark of a layer: forward and backward passes timed, no gradient ever applied. */
const TIMED_BACKWARD = py`
  import time
  import torch
  from mylab.layers import FusedLinear

  layer = FusedLinear(4096, 4096).cuda()
  x = torch.randn(64, 4096, device="cuda", requires_grad=True)
  for _ in range(3):
      layer(x).sum().backward()
  torch.cuda.synchronize()
  start = time.perf_counter()
  for _ in range(100):
      layer(x).sum().backward()
  torch.cuda.synchronize()
  print(f"{(time.perf_counter() - start) / 100 * 1e3:.3f} ms per step")
`;

/** The benchmark clearing the gradients between timed passes: cleared, they are still applied to nothing. */
const TIMED_BACKWARD_CLEARED = py`
  import time
  import torch
  from mylab.layers import FusedLinear

  layer = FusedLinear(2048, 2048).cuda()
  x = torch.randn(32, 2048, device="cuda")
  start = time.perf_counter()
  for _ in range(50):
      for p in layer.parameters():
          if p.grad is not None:
              p.grad.zero_()
      layer(x).sum().backward()
  x.grad = None
  torch.cuda.synchronize()
  print(f"{50 * 32 / (time.perf_counter() - start):.0f} rows/s")
`;

/** The same loop that, besides clearing them, descends along the gradients: the layer trains. */
const TIMED_CLEARED_THEN_UPDATED = TIMED_BACKWARD_CLEARED.replace(
  '    layer(x).sum().backward()\n',
  '    layer(x).sum().backward()\n    with torch.no_grad():\n        for p in layer.parameters():\n            p -= 1e-3 * p.grad\n',
);

/** The same benchmark whose model does train: an optimizer applies the gradients. */
const TIMED_TRAINING_STEP = py`
  import time
  import torch
  from mylab.layers import FusedLinear

  layer = FusedLinear(4096, 4096).cuda()
  opt = torch.optim.SGD(layer.parameters(), lr=0.01)
  x = torch.randn(64, 4096, device="cuda")
  start = time.perf_counter()
  for _ in range(100):
      opt.zero_grad()
      layer(x).sum().backward()
      opt.step()
  print(f"{(time.perf_counter() - start) / 100 * 1e3:.3f} ms per step")
  torch.save(layer.state_dict(), "layer.pt")
`;

/** A throughput benchmark whose training step runs only as the function a timer times: it reports images per second. */
const TIMEIT_STEP = py`
  import timeit
  import numpy as np
  import torch
  import torch.nn.functional as F
  from torchvision import models

  model = models.resnet18().cuda()
  opt = torch.optim.SGD(model.parameters(), lr=0.01)
  images = torch.randn(32, 3, 224, 224).cuda()
  labels = torch.randint(0, 1000, (32,)).cuda()


  def train_step():
      opt.zero_grad()
      F.cross_entropy(model(images), labels).backward()
      opt.step()


  timeit.timeit(train_step, number=5)
  rates = [32 * 10 / timeit.timeit(train_step, number=10) for _ in range(5)]
  print(f"{np.mean(rates):.1f} img/sec")
`;

/** The same benchmark through a lambda, a wrapped optimizer, `timeit.repeat` and a `Timer` built on the step. */
const TIMEIT_LAMBDA_STEP = py`
  import timeit
  import tensorflow as tf
  import torch
  from mylab.dist import DistributedOptimizer
  from mylab.models import TinyNet

  net = TinyNet()
  opt = DistributedOptimizer(torch.optim.Adam(net.parameters()), named_parameters=net.named_parameters())
  batch = torch.rand(16, 128)


  def step(scale):
      opt.zero_grad()
      (net(batch).pow(2).mean() * scale).backward()
      opt.step()


  warm = timeit.repeat(lambda: step(1.0), number=3, repeat=2)
  timer = timeit.Timer(stmt=lambda: step(1.0))
  print(min(timer.repeat(number=20, repeat=3)) / 20, "s per step")
`;

/** A timed training step whose function also runs outside the timer: the weights it moves are trained. */
const TIMEIT_STEP_ALSO_CALLED = TIMEIT_STEP.replace('timeit.timeit(train_step, number=5)\n', 'for _ in range(100):\n    train_step()\n');

/** A timed training step in a file that then saves the model it trained. */
const TIMEIT_STEP_THEN_SAVED = `${TIMEIT_STEP}torch.save(model.state_dict(), "resnet18.pt")\n`;

/** A timed training step beside an optimizer stepped in a loop of its own (a warm-up fine-tune outside the timer). */
const TIMEIT_STEP_AND_LOOP = TIMEIT_STEP.replace('timeit.timeit(train_step, number=5)\n', 'for _ in range(100):\n    opt.zero_grad()\n    F.cross_entropy(model(images), labels).backward()\n    opt.step()\n');

/** A Keras throughput benchmark: a quiet fit on drawn data, timed by a callback of the file that reads no logs, then only the rate printed. */
const KERAS_TIMED_FIT = py`
  import time
  import numpy as np
  import tensorflow as tf
  import horovod.tensorflow.keras as hvd

  hvd.init()
  model = tf.keras.applications.ResNet50(weights=None)
  images = tf.random.uniform([32, 224, 224, 3])
  labels = tf.random.uniform([32, 1], minval=0, maxval=999, dtype=tf.int64)
  data = tf.data.Dataset.from_tensor_slices((images, labels)).repeat().batch(32)
  model.compile(loss="sparse_categorical_crossentropy", optimizer=hvd.DistributedOptimizer(tf.optimizers.SGD(0.01)))


  class EpochTimer(tf.keras.callbacks.Callback):
      def on_train_begin(self, logs=None):
          self.rates = []

      def on_epoch_begin(self, epoch, logs=None):
          self.start = time.perf_counter()

      def on_epoch_end(self, epoch, logs=None):
          self.rates.append(32 * 10 / (time.perf_counter() - self.start))


  timer = EpochTimer()
  callbacks = [
      # keep the workers in step
      hvd.callbacks.BroadcastGlobalVariablesCallback(0),
      hvd.callbacks.MetricAverageCallback(),
  ]
  callbacks.append(timer)
  model.fit(data, steps_per_epoch=10, epochs=5, callbacks=callbacks, verbose=0)
  print(f"{np.mean(timer.rates[1:]):.1f} img/sec")
`;

/** A quiet Keras fit with no callbacks, timed around the call: only the duration is printed. */
const KERAS_FIT_TIMED_AROUND = py`
  import time
  import tensorflow as tf

  net = tf.keras.Sequential([tf.keras.layers.Dense(256, activation="relu"), tf.keras.layers.Dense(10)])
  net.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
  x = tf.random.normal([4096, 512])
  y = tf.random.uniform([4096], maxval=10, dtype=tf.int32)
  start = time.perf_counter()
  net.fit(x, y, batch_size=256, epochs=3, verbose=False)
  print(f"{3 * 4096 / (time.perf_counter() - start):.0f} samples/s")
`;

/** The same benchmark whose timer also prints the loss it is handed: what was learned is shown. */
const KERAS_TIMED_FIT_LOGS_READ = KERAS_TIMED_FIT.replace(
  '        self.rates.append(32 * 10 / (time.perf_counter() - self.start))\n',
  '        self.rates.append(32 * 10 / (time.perf_counter() - self.start))\n        print(epoch, logs["loss"])\n',
);

/** The quiet fit left at its default verbosity: Keras prints the loss of every epoch. */
const KERAS_FIT_VERBOSE = KERAS_FIT_TIMED_AROUND.replace('verbose=False', 'shuffle=True');

/** The quiet fit whose model is scored afterwards. */
const KERAS_FIT_THEN_EVALUATED = `${KERAS_FIT_TIMED_AROUND}print(net.evaluate(x, y, verbose=0))\n`;

/** The benchmark handed a TensorBoard callback as well, which writes the loss of every epoch. */
const KERAS_TIMED_FIT_TENSORBOARD = KERAS_TIMED_FIT.replace('callbacks.append(timer)\n', 'callbacks.append(timer)\ncallbacks.append(tf.keras.callbacks.TensorBoard("logs"))\n');

/** A gradient check: one backward pass on a random batch, each part asked, through the script's own helper, whether a gradient reached it. */
const GRADIENT_CHECK_HELPER = py`
  import torch
  from torch import nn
  from mylab.models import DualHeadNet

  PASSED, FAILED = 0, 0


  def report(name, ok):
      global PASSED, FAILED
      if ok:
          PASSED += 1
          print(f"  [ok] {name}")
      else:
          FAILED += 1
          print(f"  [FAIL] {name}")


  net = DualHeadNet(num_classes=5)
  x = torch.randn(6, 3, 32, 32)
  y = torch.randint(0, 5, (6,))
  loss = nn.functional.cross_entropy(net(x), y)
  loss.backward()
  report("encoder receives a gradient", any(p.grad.abs().sum() > 0 for p in net.encoder.parameters()))
  report("head receives a gradient", any(p.grad.abs().sum() > 0 for p in net.head.parameters()))
  print(f"{PASSED} passed, {FAILED} failed")
`;

/** Gradient norms taken as numbers (`.item()`) to find layers no gradient reaches, and the exit status set by them. */
const GRADIENT_NORMS_CHECK = py`
  import sys
  import torch
  from mylab.models import StyleEncoder

  enc = StyleEncoder(width=64)
  batch = torch.rand(4, 3, 64, 64)
  enc(batch).pow(2).mean().backward()
  norms = {name: p.grad.norm().item() for name, p in enc.named_parameters() if p.grad is not None}
  dead = [name for name, value in norms.items() if value == 0.0]
  for name in dead:
      print("no gradient reaches", name)
  sys.exit(1 if dead else 0)
`;

/** Layers collected by whether their gradient is non-zero, and listed. */
const GRADIENT_REACH_LIST = py`
  import torch
  from mylab.models import ProtoNet

  net = ProtoNet(dim=128)
  support = torch.randn(10, 128)
  net(support).logsumexp(dim=1).mean().backward()
  reached = []
  for name, p in net.named_parameters():
      if p.grad is not None and (p.grad.abs().max() > 0):
          reached.append(name)
  print("layers with gradients:", ", ".join(reached))
`;

/** The same test of each gradient, then a step down the gradient tensor itself, scaled by its norm: the weights move. */
const GRADIENT_TESTED_THEN_APPLIED = py`
  import torch
  from mylab.models import ProtoNet

  net = ProtoNet(dim=128)
  support = torch.randn(10, 128)
  for step in range(20):
      net(support).logsumexp(dim=1).mean().backward()
      with torch.no_grad():
          for p in net.parameters():
              if p.grad is not None and p.grad.abs().max() > 0:
                  p -= 0.01 * p.grad / p.grad.norm().item()
  torch.save(net.state_dict(), "proto.pt")
`;

/** Gradients applied by hand: reading `.grad` is how the weights change. */
const MANUAL_SGD = py`
  import torch
  from torch import nn

  net = nn.Linear(3, 1)
  X = torch.randn(100, 3)
  for _ in range(200):
      loss = net(X).square().mean()
      loss.backward()
      with torch.no_grad():
          for p in net.parameters():
              p -= 0.1 * p.grad
  print(net.weight)
`;

/** A real training step measured by a FLOP counter: the optimizer steps on what was drawn. */
const FLOP_COUNTED_STEP = py`
  import torch
  from torch.utils.flop_counter import FlopCounterMode
  from mylab.models import UNet1d

  net = UNet1d(channels=32, depth=4)
  opt = torch.optim.SGD(net.parameters(), lr=0.1)
  signal = torch.randn(8, 1, 256)
  with FlopCounterMode(display=False) as counter:
      loss = net(signal).square().mean()
      loss.backward()
      opt.step()
  torch.save(net.state_dict(), "unet.pt")
`;

const HELPER_MAPPED_BEFORE_TRAINER = py`
  import random
  from transformers import Trainer, TrainingArguments

  def reorder(parts):
      return random.sample(parts, k=len(parts))

  def collate(batch):
      return processor(text=[" ; ".join(reorder(row["boxes"])) for row in batch], return_tensors="pt")

  train_ds = raw_ds.map(lambda row: {"boxes": reorder(row["boxes"])})
  trainer = Trainer(model=model, args=TrainingArguments("out"), train_dataset=train_ds, data_collator=collate)
  trainer.train()
`;

/** Rows drawn at random and scored by a model whose score is asserted and also kept among the run's metrics. */
const MODEL_SCORE_REPORTED = py`
  import numpy as np

  held_x = np.random.rand(40, 3)
  held_y = held_x @ np.array([1.0, 2.0, 3.0])
  r2 = model.score(held_x, held_y)
  assert r2 > 0.5
  metrics["held_out_r2"] = r2
`;

const CAPTCHA_TEXTS = py`
  import random
  import string

  ALPHABET = string.ascii_uppercase + string.digits

  def captcha_text():
      return "".join(random.choices(ALPHABET, k=5))

  texts = [captcha_text() for _ in range(10000)]
  loss = model(render(texts)).sum()
  loss.backward()
  opt.step()
`;

const LETTERS_ONLY = py`
  import random
  import string
  import torch
  word = "".join(random.choices(string.ascii_lowercase, k=12))
  loss = model(torch.tensor([ord(c) for c in word])).sum()
  loss.backward()
  opt.step()
`;

const MONAI_DETERMINISM_OFF = py`
  import torch
  from monai.utils import set_determinism

  set_determinism(seed=None)
  for images in loader:
      noise = torch.randn_like(images)
      loss = ((net(images + noise) - images) ** 2).mean()
      loss.backward()
      opt.step()
`;

const COLOSSAL_SEED_NONE = py`
  import colossalai
  import torch

  colossalai.launch_from_torch("configs/train.py", seed=None)
  for latents in loader:
      noise = torch.randn_like(latents)
      loss = ((unet(latents + noise) - noise) ** 2).mean()
      loss.backward()
      optimizer.step()
      optimizer.zero_grad()
`;

const SCVI_SEED_NONE = py`
  import numpy as np
  import scvi

  scvi.settings.seed = None
  genes = np.random.choice(all_genes, 200, replace=False)
  model = scvi.model.SCVI(adata[:, genes].copy())
  model.train(max_epochs=50)
`;

const ARGS_SEED_ATTRIBUTE = py`
  import argparse
  import torch

  args = argparse.ArgumentParser().parse_args()
  args.seed = 42
  theta = torch.nn.Parameter(torch.randn(100))
  opt = torch.optim.Adam([theta])
  for x in loader:
      loss = nb_loss(x, theta)
      loss.backward()
      opt.step()
`;

const MAIN_CALLS_TRAINING = py`
  import random
  import torch
  from torch.utils.data import Dataset

  class Pairs(Dataset):
      def __init__(self, rows):
          self.rows = rows

      def __getitem__(self, index):
          text = "" if random.random() < 0.1 else self.rows[index]
          return text

  def main():
      loader = torch.utils.data.DataLoader(Pairs(load_rows()), batch_size=8)
      for batch in loader:
          loss = model(batch)
          loss.backward()
          opt.step()

  if __name__ == "__main__":
      main()
`;

const MAIN_DRIVES_TRAINER = py`
  import random
  import torch
  from torch.utils.data import Dataset

  class Crops(Dataset):
      def __init__(self, images):
          self.images = images

      def __getitem__(self, index):
          top = random.randint(0, 32)
          return self.images[index][top:top + 224]

  class Trainer:
      def __init__(self, model, loader):
          self.model, self.loader = model, loader

      def train_epoch(self):
          for batch in self.loader:
              loss = self.model(batch).mean()
              loss.backward()
              opt.step()

  def main():
      loader = torch.utils.data.DataLoader(Crops(load_images()), batch_size=8)
      trainer = Trainer(build_model(), loader)
      for epoch in range(10):
          trainer.train_epoch()

  if __name__ == "__main__":
      main()
`;

const CLI_TOOL = py`
  import random
  import typer

  app = typer.Typer()

  @app.command()
  def main(shuffle: bool = False):
      docs = load_docs()
      if shuffle:
          random.shuffle(docs)
      folds = list(chunk(docs, 10))
      for fold in folds:
          parser.fit(fold)

  if __name__ == "__main__":
      app()
`;

const LOGS_AND_TRAINS = py`
  import logging
  import numpy as np

  logger = logging.getLogger(__name__)
  logger.setLevel(logging.INFO)

  def train(network, features, targets):
      for step in range(100):
          batch = np.random.choice(len(features), size=128)
          network.train(features[batch], targets[batch])

  train(net, X, y)
`;

const SHUFFLED_BEFORE_TRAINER = py`
  import random
  from datasets import Dataset
  from trl import SFTConfig, SFTTrainer
  random.shuffle(rows)
  def augment(example):
      example["text"] = random.choice(templates).format(**example)
      return example
  trainer = SFTTrainer(model=model, args=SFTConfig(output_dir="out"), train_dataset=Dataset.from_list(rows).map(augment))
  trainer.train()
`;

/** A model module whose `__main__` block builds the model; `withMain` appends the rest of the block. */
const DENOISER_MODULE = py`
  import torch
  from torch import nn

  class FourierEmbedding(nn.Module):
      def __init__(self, dim):
          super().__init__()
          self.freqs = nn.Parameter(torch.randn(dim // 2), requires_grad=False)

      def forward(self, t):
          angles = t[:, None] * self.freqs[None, :] * 6.283
          return torch.cat((angles.sin(), angles.cos()), dim=-1)

  class Denoiser(nn.Module):
      def __init__(self, dim):
          super().__init__()
          self.embed = FourierEmbedding(dim)
          self.proj = nn.Linear(dim, dim)

      def forward(self, x, t):
          return self.proj(x + self.embed(t))

      def loss(self, x):
          t = torch.rand(x.shape[0])
          noise = torch.randn_like(x)
          return ((self(x + noise, t) - noise) ** 2).mean()

  if __name__ == "__main__":
      model = Denoiser(dim=32)
`;
const withMain = (body: string) => DENOISER_MODULE + py(body).replace(/^(?=.)/gm, '    ');

const ONE_BACKWARD_CHECK = withMain(`
  batch = torch.randn(4, 32)
  loss = model.loss(batch)
  loss.backward()
  sample = model(torch.randn(4, 32), torch.ones(4))
  sample.shape
`);

const ONE_BACKWARD_THEN_STEP = withMain(`
  optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
  loss = model.loss(torch.randn(4, 32))
  loss.backward()
  optimizer.step()
`);

const BACKWARD_IN_LOOP = withMain(`
  batch = torch.randn(4, 32)
  for step in range(1000):
      loss = model.loss(batch)
      loss.backward()
      with torch.no_grad():
          for p in model.parameters():
              p -= 1e-3 * p.grad
`);

/** A model file's smoke test: one backward pass on a drawn batch, the gradient norm only printed. */
const ONE_BACKWARD_GRADIENT_READ = withMain(`
  loss = model.loss(torch.randn(4, 32))
  loss.backward()
  print(model.proj.weight.grad.norm())
`);

/**
 * A notebook of checks on a translation project's training code: a loss from the project checked on
 * drawn logits and labels (one backward pass, its gradient only asserted on), then a scheduler
 * checked by stepping an optimizer over a layer built from constants.
 */
const LOSS_CHECK_NOTEBOOK = [
  py`
    import torch
    from src.training.losses import smoothed_cross_entropy
    from src.training.optim import build_optimizer, build_scheduler
  `,
  py`
    logits = torch.randn(2, 5, 12, requires_grad=True)
    labels = torch.randint(0, 12, (2, 5))
    labels[0, 2] = -100
    loss, nll = smoothed_cross_entropy(logits=logits, labels=labels, label_smoothing=0.1)
    assert loss.dim() == 0 and torch.isfinite(nll)
    loss.backward()
    assert logits.grad is not None
    print("loss check passed")
  `,
  py`
    layer = torch.nn.Linear(8, 4)
    optimizer = build_optimizer(layer, {"lr": 1e-3})
    scheduler = build_scheduler(optimizer, warmup_steps=2, total_steps=6)
    for _ in range(6):
        optimizer.step()
        scheduler.step()
    assert optimizer.param_groups[0]["lr"] >= 0
  `,
];

/** A training script that first checks PyTorch's own loss on drawn logits (operators and a functional loss, one backward pass). */
const functionalLossCheck = (check: string) => py`
  import torch
  import torch.nn.functional as F
  from corpus import load_pairs

`.concat('\n', check, '\n', py`
  model = torch.nn.Linear(16, 16)
  opt = torch.optim.Adam(model.parameters(), lr=3e-4)
  for src, tgt in load_pairs("train.en", "train.de"):
      opt.zero_grad()
      F.cross_entropy(model(src), tgt).backward()
      opt.step()
  torch.save(model.state_dict(), "nmt.pt")
`);

/** The check above with drawn logits, scaled by a temperature, and labels. */
const FUNCTIONAL_LOSS_CHECK = functionalLossCheck(py`
  logits = torch.randn(4, 16, requires_grad=True)
  target = torch.randint(0, 16, (4,))
  check = F.cross_entropy(logits / 0.7, target, label_smoothing=0.1).mean()
  check.backward()
  assert torch.isfinite(logits.grad).all()
`);

/** The same draws pushed through the model before the loss: the model's weights are in the graph. */
const MODEL_LOSS_CHECK = functionalLossCheck(py`
  inputs = torch.randn(4, 16)
  target = torch.randint(0, 16, (4,))
  check = F.cross_entropy(model_under_test(inputs), target)
  check.backward()
`).replace('from corpus import load_pairs\n', 'from corpus import load_pairs\nmodel_under_test = torch.nn.Linear(16, 16)\n');

/** A drawn tensor an optimizer is built over, stepped down a loss the project computes from it alone. */
const DRAWN_TENSOR_OPTIMIZED = py`
  import torch
  from src.training.losses import prior_penalty

  codes = torch.randn(32, 8, requires_grad=True)
  opt = torch.optim.SGD([codes], lr=0.1)
  penalty = prior_penalty(codes)
  penalty.backward()
  opt.step()
  torch.save(codes, "codes.pt")
`;

/** A project's loss handed the model along with a drawn batch: the model's weights are in the graph. */
const MODEL_HANDED_TO_LOSS = py`
  import torch
  from src.training.losses import sequence_loss

  model = torch.nn.Embedding(100, 32)
  opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
  batch = torch.randint(0, 100, (8, 20))
  loss = sequence_loss(model, batch)
  loss.backward()
  opt.step()
`;

/** A lesson on autograd: a drawn leaf tensor, one backward pass on what it gives, its gradient printed beside the formula. */
const AUTOGRAD_LESSON = [
  py`
    import torch
    from torch import nn, optim
  `,
  py`
    w = torch.rand(3, requires_grad=True)
    out = (w * 3).pow(2).sum()
    out
  `,
  py`
    out.backward()
    print(w.grad)
    print(18 * w)
  `,
  py`
    net = nn.Linear(3, 1)
    opt = optim.SGD(net.parameters(), lr=0.1)
  `,
];

/** The lesson's import cell once the seed fix has run. */
const SEEDED_LESSON_IMPORTS = 'import torch\nfrom torch import nn, optim\nSEED = 42\ntorch.manual_seed(SEED)\n';

/** A positive on a lesson notebook: one finding, on the draw that opens cell `cell`, fixed by seeding PyTorch in the import cell. */
const seededLesson = (name: string, code: string[], cell: number, message: RegExp) =>
  ({ name, code, findings: [{ cell, line: 1, message }], output: [SEEDED_LESSON_IMPORTS, ...code.slice(1)] });

/** The lesson's leaf handed to an optimizer: it is a weight, stepped with the gradient. */
const LESSON_LEAF_STEPPED = AUTOGRAD_LESSON.map((cell, i) => i === 3 ? py`
  opt = optim.SGD([w], lr=0.1)
  opt.step()
` : cell);

/** The lesson's leaf updated by hand with its gradient after the backward pass: one step of gradient descent. */
const LESSON_LEAF_UPDATED = AUTOGRAD_LESSON.map((cell, i) => i === 2 ? py`
  out.backward()
  with torch.no_grad():
      w -= 0.1 * w.grad
  print(w)
` : cell);

/**
 * A lesson's leaf doubled until its norm passes a bound, in a notebook that trains a model further
 * down: the `while` test only decides how often the block reworks the value it tests.
 */
const LESSON_LEAF_DOUBLED = [
  py`
    import torch
    from torch import nn, optim
  `,
  py`
    a = torch.randn(4, requires_grad=True)
    b = a * 3
    while b.data.norm() < 500:
        b = b * 3
    b
  `,
  py`
    weights = torch.tensor([1.0, 0.5, 0.25, 0.125])
    b.backward(weights)
    print(a.grad)
  `,
  py`
    clf = nn.Linear(4, 2)
    sgd = optim.SGD(clf.parameters(), lr=0.01)
    sgd.step()
  `,
];

/** The same lesson with an `if`/`else` on the value's sign, both arms rebinding it with PyTorch's functions. */
const LESSON_LEAF_BRANCHED = LESSON_LEAF_DOUBLED.map((cell, i) => i === 1 ? py`
  a = torch.randn(4, requires_grad=True)
  b = a.sum()
  if b > 0:
      b = torch.exp(b)
  else:
      # keep the sign for the printout
      b = -torch.exp(-b)
  print(b)
` : cell);

/** The doubling loop also steps the optimizer: the drawn value decides how many steps train the model. */
const LESSON_LOOP_STEPS = [
  LESSON_LEAF_DOUBLED[0],
  py`
    clf = nn.Linear(4, 2)
    sgd = optim.SGD(clf.parameters(), lr=0.01)
  `,
  py`
    a = torch.randn(4, requires_grad=True)
    b = a * 3
    while b.data.norm() < 500:
        b = b * 3
        sgd.step()
    b
  `,
  LESSON_LEAF_DOUBLED[2],
];

/** The loop counts its rounds in a name the test does not read: the count carries the draw on. */
const LESSON_LOOP_COUNTED = LESSON_LEAF_DOUBLED.map((cell, i) => i === 1 ? py`
  a = torch.randn(4, requires_grad=True)
  b = a * 3
  rounds = 0
  while b.data.norm() < 500:
      b = b * 3
      rounds = rounds + 1
  epochs = rounds
` : cell);

/**
 * Drawn values shown under the name `y`, which the evaluation loop below binds again as its target:
 * in the loop's body `y` is each split's labels, never the draw.
 */
const DRAW_NAME_REBOUND_BY_LOOP = py`
  import numpy as np
  from sklearn.linear_model import LogisticRegression
  from sklearn.metrics import roc_auc_score

  y = np.random.normal(size=5) * 2
  print(y.round(2))

  clf = LogisticRegression().fit(X_train, y_train)
  scores = {}
  for part, X, y in [("train", X_train, y_train), ("test", X_test, y_test)]:
      scores[part] = roc_auc_score(y, clf.predict_proba(X)[:, 1])
`;

/** The same loop binding only the split's name and rows: `y` in its body is still the draw, scored and kept. */
const DRAW_SCORED_IN_LOOP = DRAW_NAME_REBOUND_BY_LOOP
  .replace('for part, X, y in [("train", X_train, y_train), ("test", X_test, y_test)]:', 'for part, X in [("train", X_train), ("test", X_test)]:');

/**
 * Gradient descent on drawn weights, the loss a parenthesised expression reduced by a method:
 * `((features @ w - target) ** 2).mean()` is a different value from the `(...) ** 2` inside it,
 * and where it goes (the backward pass in the loop) is followed.
 */
const DESCENT_ON_DRAWN_WEIGHTS = py`
  import torch
  w = torch.randn(4, requires_grad=True)
  for step in range(100):
      loss = ((features @ w - target) ** 2).mean()
      loss.backward()
      with torch.no_grad():
          w -= 0.05 * w.grad
          w.grad.zero_()
  print(w)
`;

/** A drawn input pushed through a freshly built model for one backward pass; its gradient only printed. */
const LEAF_THROUGH_MODEL = py`
  import torch
  from mylab.nets import Classifier
  net = Classifier()
  x = torch.randn(8, 3, requires_grad=True)
  net(x).sum().backward()
  print(x.grad.abs().mean())
`;

/** A TensorFlow lesson on gradients: a variable drawn once, differentiated to by a tape, its gradients only looked at. */
const TF_TAPE_LESSON = py`
  import tensorflow as tf

  kernel = tf.Variable(tf.random.normal((4, 2)), name="kernel")
  bias = tf.Variable(tf.zeros(2), name="bias")
  inputs = tf.constant([[0.5, -1.0, 2.0, 1.5]])

  with tf.GradientTape() as tape:
      outputs = tf.nn.tanh(inputs @ kernel + bias)
      objective = tf.reduce_sum(outputs ** 2)

  [d_kernel, d_bias] = tape.gradient(objective, [kernel, bias])
  print(d_kernel.shape, d_bias.numpy())
`;

/**
 * A notebook on tapes: the drawn variable's lesson, then a layer's gradients on a loss bound again
 * in the next tape's `with` body, which always runs: the lesson's loss does not reach that gradient.
 */
const TF_TAPE_CELLS = [
  py`
    import tensorflow as tf
    inputs = tf.constant([[1.0, 2.0, 3.0]])
  `,
  py`
    kernel = tf.Variable(tf.random.normal((3, 2)))
    with tf.GradientTape(persistent=True) as tape:
        out = inputs @ kernel
        loss = tf.reduce_mean(out ** 2)
  `,
  py`
    d_kernel = tape.gradient(loss, kernel)
    print(d_kernel)
  `,
  py`
    dense = tf.keras.layers.Dense(2)
    with tf.GradientTape() as tape:
        out = dense(inputs)
        loss = tf.reduce_mean(out ** 2)
    grads = tape.gradient(loss, dense.trainable_variables)
    for var, g in zip(dense.trainable_variables, grads):
        print(var.name, g.shape)
  `,
];

/** A notebook lesson on variables: one drawn, shown, then given other values by its own methods. */
const TF_VARIABLE_LESSON = [
  py`
    import tensorflow as tf
  `,
  py`
    state = tf.Variable(initial_value=tf.random.uniform(shape=(2, 3)))
    print(state)
  `,
  py`
    state.assign(tf.fill((2, 3), 0.5))
    state[1, 2].assign(4.0)
    state.assign_add(tf.ones((2, 3)))
    state
  `,
];

/** A guide that later trains a Keras model on fixed data: the file uses a model, so a drawn variable is judged by where it goes. */
const KERAS_MODEL_LATER = py`
  model = tf.keras.Sequential([tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)])
  model.compile(optimizer="adam", loss="mse")
  model.fit(tf.ones((16, 3)), tf.zeros((16, 1)), epochs=2)
`;

/** A lesson on looking up rows of a drawn table by hashed tokens (TensorFlow's own functions, then a print), before a model is trained. */
const TF_LOOKUP_LESSON = py`
  import tensorflow as tf

  words = tf.ragged.constant([["red", "apple"], ["sky"], ["a", "long", "quiet", "night"]])
  table = tf.Variable(tf.random.truncated_normal([256, 8], stddev=0.3))
  ids = tf.strings.to_hash_bucket_fast(words, 256)
  vectors = tf.nn.embedding_lookup(table, ids)
  print(tf.reduce_mean(vectors, axis=1))
` + KERAS_MODEL_LATER;

/** The tape lesson's variable stepped down its gradient: one step of gradient descent trains it. */
const TF_TAPE_LESSON_STEPPED = TF_TAPE_LESSON.replace('print(d_kernel.shape, d_bias.numpy())', 'kernel.assign_sub(0.1 * d_kernel)\nprint(kernel.numpy())');

/** The tape lesson's gradients handed to an optimizer with the variables: it applies them. */
const TF_TAPE_LESSON_OPTIMIZED = TF_TAPE_LESSON.replace('print(d_kernel.shape, d_bias.numpy())', 'opt = tf.keras.optimizers.SGD(0.1)\nopt.apply_gradients(zip([d_kernel, d_bias], [kernel, bias]))');

/** A notebook that first shows a drawn variable, then trains drawn weights by hand: the finding is on the trained weights. */
const TF_LESSON_THEN_TRAINED = [
  ...TF_VARIABLE_LESSON,
  py`
    features = tf.constant([[1.0, 2.0], [2.0, 0.5], [0.0, 1.0]])
    labels = tf.constant([[1.0], [0.0], [1.0]])
    weights = tf.Variable(tf.random.uniform((2, 1)))

    def step(x, y, w):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(x @ w - y))
        w.assign_sub(0.1 * tape.gradient(loss, w))
        return loss

    for epoch in range(20):
        print(step(features, labels, weights))
  `,
];

/**
 * A character model trained an epoch at a time; after each epoch a drawn seed text is continued and
 * written out: the draw is in the training loop, but all it reaches is the screen.
 */
const SAMPLED_AFTER_EACH_EPOCH = py`
  import random
  import sys
  import numpy as np
  from tensorflow import keras

  corpus = open("poems.txt").read()
  alphabet = sorted(set(corpus))
  position = {ch: i for i, ch in enumerate(alphabet)}
  window = 30
  inputs = np.load("windows.npy")
  targets = np.load("next_chars.npy")
  net = keras.Sequential([keras.layers.GRU(96), keras.layers.Dense(len(alphabet), activation="softmax")])
  net.compile(loss="categorical_crossentropy", optimizer="rmsprop")

  for epoch in range(30):
      net.fit(inputs, targets, batch_size=256, epochs=1)
      offset = random.randint(0, len(corpus) - window - 1)
      prompt = corpus[offset: offset + window]
      sys.stdout.write(prompt)
      for _ in range(200):
          onehot = np.zeros((1, window, len(alphabet)))
          for t, ch in enumerate(prompt):
              onehot[0, t, position[ch]] = 1.0
          probs = net.predict(onehot, verbose=0)[0]
          ch = alphabet[int(np.argmax(probs))]
          prompt += ch
          prompt = prompt[1:]
          sys.stdout.write(ch)
      print()
`;

/** The same loop weighting one drawn row in each epoch's fit: the drawn position, written into the weights, is trained on. */
const DRAWN_ROW_WEIGHTED = SAMPLED_AFTER_EACH_EPOCH.replace(
  '    net.fit(inputs, targets, batch_size=256, epochs=1)\n',
  '    weights = np.ones(len(inputs))\n    weights[random.randint(0, len(inputs) - 1)] = 5.0\n    net.fit(inputs, targets, sample_weight=weights, batch_size=256, epochs=1)\n',
);

/**
 * A model module whose model samples each next token (`sample`), with `helper` (a class for the
 * scripts that import the module) and a `main` that reads the sizes from the command line, pushes
 * random ids through the model and prints the shapes it gives; `use` is added to `main`.
 */
const samplingModule = (helper: string, use = '') => py`
  import argparse
  import torch
  import torch.nn as nn
  import torch.nn.functional as F


  class CharModel(nn.Module):
      def __init__(self, vocab, width):
          super().__init__()
          self.embed = nn.Embedding(vocab, width)
          self.head = nn.Linear(width, vocab)

      def forward(self, ids):
          return self.head(self.embed(ids))

      def sample(self, ids, steps=20, temperature=1.0):
          for _ in range(steps):
              logits = self.forward(ids)[:, -1, :] / temperature
              choice = torch.multinomial(F.softmax(logits, dim=-1), num_samples=1)
              ids = torch.cat((ids, choice), dim=1)
          return ids

` + helper + py`


  def main():
      parser = argparse.ArgumentParser()
      parser.add_argument("--vocab", type=int, default=256)
      args = parser.parse_args()
      model = CharModel(args.vocab, 64)
      ids = torch.randint(0, args.vocab, (2, 8))
      print(model(ids).shape)
      print(model.sample(ids, steps=5).shape)
` + use + py`


  if __name__ == "__main__":
      main()
`;
/** A trainer class that steps an optimizer; `bases` is its base-class list. */
const charTrainer = (bases = '') => py`
  class CharTrainer${bases}:
      def __init__(self, model, lr=3e-4):
          self.model = model
          self.optimizer = torch.optim.AdamW(model.parameters(), lr=lr)

      def step(self, ids, targets):
          self.optimizer.zero_grad()
          loss = F.cross_entropy(self.model(ids).flatten(0, 1), targets.flatten())
          loss.backward()
          self.optimizer.step()
          return loss.item()
`;
/** The finding on the token `samplingModule` samples, linked to its random ids. */
const SAMPLED_TOKEN_MESSAGE = /^`torch\.multinomial` \(and 1 other draw\) draws from PyTorch's global random generator/;
/** A class that only writes the model's weights. */
const CHECKPOINT_KEEPER = py`
  class CheckpointKeeper:
      def __init__(self, model, folder):
          self.model = model
          self.folder = folder

      def keep(self, name):
          torch.save(self.model.state_dict(), f"{self.folder}/{name}.pt")
`;

/**
 * A training script whose `MixupTrainer` draws in its own training loop; `bases` is its base-class
 * list and `main` the code that runs (it builds a model and prints its output shape).
 */
const mixupTrainerScript = (bases: string, main: string) => py`
  import numpy as np
  import torch
  from torch import nn

  class MixupTrainer${bases}:
      def __init__(self, model, loader, alpha=0.4):
          self.model = model
          self.loader = loader
          self.alpha = alpha
          self.optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

      def fit(self, epochs):
          for _ in range(epochs):
              for x, y in self.loader:
                  lam = np.random.beta(self.alpha, self.alpha)
                  index = torch.randperm(x.size(0))
                  x = lam * x + (1 - lam) * x[index]
                  loss = nn.functional.mse_loss(self.model(x), y)
                  self.optimizer.zero_grad()
                  loss.backward()
                  self.optimizer.step()

  model = nn.Linear(8, 1)
` + main;
/** The mixup trainer built and fitted by the script. */
const MIXUP_TRAINED = mixupTrainerScript('', 'MixupTrainer(model, torch.utils.data.DataLoader(torch.load("pairs.pt", weights_only=True))).fit(3)\n');
/** The mixup trainer with a base class, never named again. */
const MIXUP_BASED = mixupTrainerScript('(BaseTrainer)', 'print(model(torch.zeros(1, 8)).shape)\n');
/**
 * A Keras script that samples the rule centres of a fuzzy rule layer at its top level and trains a
 * network; `network` binds `x`, the network's hidden layer built on `inputs` (the rule layer, or not).
 */
const fuzzyRulesScript = (network: string) => py`
  import random
  from itertools import product

  import numpy as np
  import tensorflow as tf
  import tensorflow.keras.backend as K

  rules = list(product([-1.0, 0.0, 1.0], repeat=4))
  picked = random.sample(rules, 20)
  centres = K.transpose(picked)

  class RuleLayer(tf.keras.layers.Layer):
      def __init__(self, width):
          super(RuleLayer, self).__init__()
          self.width = width

      def build(self, input_shape):
          self.mu = centres * 3.0

      def call(self, inputs):
          return K.exp(-K.sum(K.square(K.expand_dims(inputs, -1) - self.mu), axis=-2))

  X = np.load("features.npy")
  y = np.load("labels.npy")
  inputs = tf.keras.Input(shape=(4,))
` + network + py`
  model = tf.keras.Model(inputs, tf.keras.layers.Dense(3, activation="softmax")(x))
  model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
  model.fit(X, y, epochs=5)
`;
/** The rule script whose network uses only dense layers: the rule layer is never built. */
const FUZZY_RULES_UNUSED = fuzzyRulesScript('x = tf.keras.layers.Dense(16, activation="relu")(inputs)\n');
/** The rule script whose network is built on the rule layer. */
const FUZZY_RULES_USED = fuzzyRulesScript('x = RuleLayer(20)(inputs)\n');
/**
 * A PyTorch script with a module class `declaration` declares (its weights, and the noise its
 * forward adds, drawn), and `tail` that trains or loads the network it scores.
 */
const noisyHeadScript = (declaration: string, tail: string) => py`
  import numpy as np
  import torch
  from torch import nn
  from sklearn.metrics import r2_score

` + declaration + py`
      def __init__(self, width):
          super(NoisyHead, self).__init__()
          self.scale = nn.Parameter(torch.randn(width) * 0.1)

      def forward(self, x):
          return x * self.scale + 0.01 * torch.randn_like(x)

  X = torch.from_numpy(np.load("X.npy"))
  y = torch.from_numpy(np.load("y.npy"))
` + tail;
/** A model class that builds the NoisyHead in its `__init__`, named nowhere outside its own body unless a tail builds it. */
const UNBUILT_WRAPPER = py`
  class Wrapper(nn.Module):
      def __init__(self):
          super().__init__()
          self.head = NoisyHead(8)

      def forward(self, x):
          return self.head(x)

`;
/** Training a network of built-in layers and saving its weights. */
const TRAINED_SEQUENTIAL = py`
  model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
  opt = torch.optim.Adam(model.parameters(), lr=1e-3)
  for epoch in range(10):
      loss = nn.functional.mse_loss(model(X), y)
      opt.zero_grad()
      loss.backward()
      opt.step()
  torch.save(model.state_dict(), "model.pt")
`;
/** Loading a whole pickled network and scoring it. */
const UNPICKLED_SCORED = py`
  model = torch.load("model.pt")
  print(r2_score(y.numpy(), model(X).detach().numpy()))
`;
/** A Keras script that trains a network and works drawn numbers through Keras' backend; `use` is what it does with them. */
const kerasBackendScript = (use: string) => py`
  import numpy as np
  import tensorflow as tf
  from tensorflow.keras import backend as K

  X = np.load("features.npy")
  y = np.load("labels.npy")
  model = tf.keras.Sequential([tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)])
  model.compile(optimizer="adam", loss="mse")
` + use;
/** A module-level mixing weight that a trainer method reads as a global and the script plots; `tail` ends the script. */
const globalMixScript = (tail: string) => py`
  import numpy as np
  import matplotlib.pyplot as plt

  class BatchStepper:
      def step(self, model, batch):
          model.train_on_batch(batch * mix, batch)

  batch = np.load("batch.npy")
  mix = np.random.beta(0.4, 0.4)
  plt.imshow(batch[0] * mix)
` + tail;
/** The global mixing weight's script when it also steps a model with the class. */
const GLOBAL_MIX_STEPPED = globalMixScript('BatchStepper().step(build_model(), batch)\n');
/**
 * A script that builds a vocoder's bias remover, whose `__init__` draws its probe only in the arm
 * for `"noise" == probe_kind`, and saves it: `construction` builds it.
 */
const biasRemoverScript = (construction: string) => py`
  import torch
  from synth import build_acoustic_model

  class BiasRemover(torch.nn.Module):
      def __init__(self, vocoder, probe_kind="silence"):
          super(BiasRemover, self).__init__()
          if probe_kind == "silence":
              probe = torch.zeros((1, 80, 64))
          elif "noise" == probe_kind:
              probe = torch.randn((1, 80, 64))
          else:
              raise ValueError(probe_kind)
          with torch.no_grad():
              self.register_buffer("bias", vocoder.infer(probe, sigma=0.0))

      def forward(self, audio, strength=0.1):
          return audio - self.bias * strength

  vocoder = torch.load("vocoder.pt", weights_only=True)
  remover = ${construction}
  torch.save(remover.state_dict(), "remover.pt")
`;

/** The bias remover script as the quick fix seeds it. */
const seededBiasRemover = (construction: string) => biasRemoverScript(construction)
  .replace('from synth import build_acoustic_model\n', 'from synth import build_acoustic_model\nSEED = 42\ntorch.manual_seed(SEED)\n');

/** A module of training helpers whose top level only styles the plots drawn later. */
const STYLED_HELPERS = py`
  import numpy as np
  import matplotlib.pyplot as plt
  import seaborn as sns
  from sklearn.linear_model import Ridge

  plt.style.use("ggplot")
  sns.set_style("whitegrid")
  plt.rcParams.update({"figure.figsize": (10, 4)})

  def batch_generator(x, y, batch_size=128):
      index = np.arange(len(x))
      while True:
          np.random.shuffle(index)
          for start in range(0, len(x), batch_size):
              rows = index[start:start + batch_size]
              yield x[rows], y[rows]

  def fit_on_sample(x, y):
      order = np.random.permutation(len(x))[:1000]
      return Ridge().fit(x[order], y[order])
`;
/** The same module with a plot drawn at its top level: a script. */
const STYLED_PLOTTING = STYLED_HELPERS.replace('plt.rcParams.update({"figure.figsize": (10, 4)})', 'plt.plot(np.load("loss.npy"))');

/** A batch generator that shuffles under `if shuffle:`, whose flag defaults to `shuffleDefault`, used by `calls`. */
const batchesScript = (shuffleDefault: string, calls: string) => `import random
from tensorflow import keras

def batches(samples, batch_size, shuffle=${shuffleDefault}):
    if shuffle:
        random.shuffle(samples)
    for start in range(0, len(samples), batch_size):
        yield samples[start:start + batch_size]

model = keras.models.load_model("cnn.keras")
${calls}
`;

/**
 * A tile data set whose `__getitem__` runs `guard` first (a stand-in sample drawn at random for an
 * index it cannot serve), then trained on through a loader.
 */
const tileScript = (guard: string, length = 'len(self.tiles)') => `import random
import numpy as np
import torch
from torch.utils.data import Dataset, DataLoader

class TileSet(Dataset):
    def __init__(self, tiles, labels):
        self.tiles, self.labels = tiles, labels

    def __len__(self):
        return ${length}

    def __getitem__(self, index):
${guard}
        return torch.from_numpy(self.tiles[index]), self.labels[index]

net = torch.nn.Linear(64, 2)
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
for x, y in DataLoader(TileSet(np.load("tiles.npy"), np.load("labels.npy")), batch_size=32, shuffle=False):
    optimizer.zero_grad()
    torch.nn.functional.cross_entropy(net(x), y).backward()
    optimizer.step()
torch.save(net.state_dict(), "tiles.pt")
`;

/**
 * A keypoint data set whose augmentations run under flags `__init__` keeps on the instance (`self.mirror`,
 * `self.crop == "random"`), built by `builds`, then trained on; `after` runs below the builds.
 */
const keypointScript = (builds: string, after = '') => `import random
import numpy as np
import torch
from torch.utils.data import Dataset, DataLoader

class KeypointSet(Dataset):
    def __init__(self, path, mirror=False, crop="center"):
        self.data = np.load(path)
        self.mirror = mirror
        self.crop = crop

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        x = self.data[i]
        if self.mirror:
            if random.random() > 0.5:
                x = x[:, ::-1]
        if self.crop == "random":
            start = random.randint(0, 8)
            x = x[start:start + 24]
        return torch.from_numpy(x.copy())

net = torch.nn.Linear(2, 1)
optimizer = torch.optim.Adam(net.parameters())
${builds}
${after}for batch in DataLoader(train_set, batch_size=16):
    optimizer.zero_grad()
    net(batch).mean().backward()
    optimizer.step()
torch.save(net.state_dict(), "keypoints.pt")
`;

/** A positive on a mixup trainer script: its NumPy and PyTorch draws, one finding each, fixed by seeding NumPy after the imports. */
const mixupCase = (name: string, code: string) => ({
  name,
  code,
  output: seededAfter(code, 'from torch import nn', 'np.random.seed(SEED)'),
  findings: [
    { line: 15, message: /^`np\.random\.beta` draws from NumPy's global random generator/ },
    { line: 16, message: /^`torch\.randperm` draws from PyTorch's global random generator/ },
  ],
});

/** A DQN agent module whose only top-level call registers the Atari environments with Gymnasium. */
const registeredAgent = `import random

import ale_py
import gymnasium as gym
import torch
from torch import nn

gym.register_envs(ale_py)


class DQNAgent(nn.Module):
    def __init__(self, n_actions, epsilon=0.1):
        super().__init__()
        self.q_net = nn.Linear(128, n_actions)
        self.opt = torch.optim.Adam(self.q_net.parameters(), lr=1e-4)
        self.n_actions, self.epsilon, self.memory = n_actions, epsilon, []

    def act(self, state):
        if random.random() < self.epsilon:
            return random.randrange(self.n_actions)
        with torch.no_grad():
            return int(self.q_net(state).argmax())

    def learn(self, batch_size=32):
        states, actions, targets = zip(*random.sample(self.memory, batch_size))
        q = self.q_net(torch.stack(states)).gather(1, torch.tensor(actions).unsqueeze(1))
        loss = nn.functional.smooth_l1_loss(q.squeeze(1), torch.tensor(targets))
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;

/** The same module, then trained at its top level: a program. */
const registeredAgentRun = registeredAgent + `

agent = DQNAgent(6)
env = gym.make("ALE/Pong-v5")
for episode in range(100):
    state, _ = env.reset()
    agent.learn()
print("trained", len(agent.memory))
`;

/** torch-pruning's quick start: a pruner built on example inputs, its step, and a forward and backward test; `after` follows. */
const PRUNING_DEMO = (after: string) => py`
  import torch
  import torchvision
  import torch_pruning as tp

  model = torchvision.models.resnet18(weights="IMAGENET1K_V1")
  imp = tp.importance.GroupNormImportance(p=2)
  pruner = tp.pruner.GroupNormPruner(model, example_inputs=torch.randn(1, 3, 224, 224), importance=imp, pruning_ratio=0.5)
  base_macs, base_params = tp.utils.count_ops_and_params(model, torch.randn(1, 3, 224, 224))
  pruner.step()
  macs, params = tp.utils.count_ops_and_params(model, torch.randn(1, 3, 224, 224))
  print(f"MACs {base_macs / 1e9:.2f}G -> {macs / 1e9:.2f}G")
  output = model(torch.randn(1, 3, 224, 224))
  loss = torch.nn.functional.cross_entropy(output, torch.randint(0, 1000, (1,)))
  loss.backward()
  print(output.shape)${after}
`;

/**
 * A k-means written from scratch whose `init_centroids` runs `first`, then picks the starting
 * centroids with `pick`; the script fits it on a file's points and prints the centroids.
 */
const scratchKMeansScript = (first: string, pick = 'np.random.choice(X.shape[0], self.k, replace=False)', top = '') => py`
  import random
  from random import randrange
  import numpy as np
  import pandas as pd
  ${top}

  class KMeans:
      def __init__(self, k):
          self.k = k

      def init_centroids(self, X):
          ${first}
          self.centroids = X[${pick}]

      def fit(self, X):
          self.init_centroids(X)
          return self

  X = pd.read_csv("points.csv").values
  print(KMeans(3).fit(X).centroids)
`;

ruleTests(unseededRandomness, {
  valid: [
    {
      name: 'rows drawn only for a fit in the statement that ends a pytest.raises or assertRaises block: it never completes (round 688)',
      code: py`
        import unittest
        import numpy as np
        import pytest
        from sklearn.linear_model import Ridge

        X = np.random.rand(5, 3)
        with pytest.raises(ValueError):
            Ridge().fit(X, np.ones(4))

        class RidgeCheck(unittest.TestCase):
            def check_rejects_nan(self):
                rows = np.random.randn(6, 2)
                rows[0, 0] = np.nan
                with self.assertRaises(ValueError):
                    model = Ridge(alpha=2.0).fit(rows, np.ones(6))

        RidgeCheck().check_rejects_nan()
      `,
    },
    {
      name: 'an order drawn only where the file that keeps it is missing, and written there: shuffled in place and dumped, permuted and saved through a handle, a split drawn in the handler of a missing file',
      code: py`
        import json
        import os
        import numpy as np
        data = json.load(open("train.json"))
        if not os.path.exists("random_order.json"):
            random_order = list(range(len(data)))
            np.random.shuffle(random_order)
            json.dump(random_order, open("random_order.json", "w"), indent=4)
        else:
            random_order = json.load(open("random_order.json"))
        if os.path.isfile("perm.json"):
            perm = json.load(open("perm.json"))
        else:
            perm = np.random.permutation(len(data)).tolist()
            with open("perm.json", "w") as f:
                json.dump(perm, f)
        try:
            held = np.load("held.npy")
        except FileNotFoundError:
            held = np.random.choice(len(data), 100, replace=False)
            np.save("held.npy", held)
        train = [data[j] for i, j in enumerate(random_order) if i % 10 and j not in held and j in perm]
        model.fit(train)
      `,
    },
    {
      name: 'a random probe whose feature maps are only asked their sizes, one by one in comprehensions, to build the heads that train',
      code: featureProbeScript('s_n = [f.shape[1] for f in feat_s[1:-1]]\nt_n = [f.shape[1] for f in feat_t[1:-1]]\nheads = nn.ModuleList([nn.Conv2d(s, t, 1) for s, t in zip(s_n, t_n)])'),
    },
    {
      name: 'a random probe whose feature widths are summed by a generator expression that reads only their sizes',
      code: featureProbeScript('width = sum(f.size(1) for f in feat_s)\nheads = nn.Linear(width, feat_t[-1].size(1))'),
    },
    {
      name: 'a random probe whose paired feature maps give a comprehension of their shapes only, through zip and a tuple target',
      code: featureProbeScript('pairs = [(s.shape, t.shape) for s, t in zip(feat_s, feat_t)]\nheads = nn.ModuleList([Connector(a, b) for a, b in pairs])'),
    },
    {
      name: 'drawn rows whose comprehension keeps only each row\'s length: the setting fitted is the same whatever is drawn',
      code: drawnRowsScript('widths = [row.shape[0] for row in noise]\nmodel = Ridge(alpha=float(max(widths))).fit(X, y)'),
    },
    {
      name: 'a draw from the random module handed only to a NumPy generator dropped on its own line, in a script that seeds NumPy',
      code: scratchKMeansScript('np.random.RandomState(randrange(0, 10000))', undefined, 'np.random.seed(0)'),
    },
    {
      name: 'draws handed only to default_rng or random.Random, dropped, beside seeded global generators',
      code: scratchKMeansScript('np.random.default_rng(random.randint(0, 99)); random.Random(np.random.randint(99))', undefined, 'np.random.seed(0); random.seed(0)'),
    },
    {
      name: 'a draw in a Sacred command, or in a helper only the command calls, after Sacred seeds NumPy and Python with the constant seed its config gives',
      code: py`
        import random
        import numpy as np
        from sacred import Experiment
        from sacred.observers import FileStorageObserver

        ex = Experiment("noise")
        ex.observers.append(FileStorageObserver("logs"))

        @ex.config
        def cfg():
            seed = 7

        def jitter(y):
            return y + np.random.normal(scale=0.1, size=len(y))

        @ex.automain
        def run():
            random.shuffle(rows)
            model.fit(X, jitter(y))
            ex.log_scalar("score", model.score(X_te, y_te))
      `,
    },
    {
      name: 'a booster built and fitted in one statement on drawn rows, its value dropped (a probe of the GPU build): what it learned is gone with it',
      code: gpuProbe('lgb.LGBMClassifier(device="gpu", n_estimators=1).fit(np.random.rand(80, 4), np.random.randint(0, 2, 80))'),
    },
    {
      name: 'the probe bound to a name that nothing else reads, then fitted on drawn rows: what it learned stays in a name no code reads',
      code: gpuProbe('probe = lgb.LGBMClassifier(device="gpu", n_estimators=1)\n          probe.fit(np.random.rand(80, 4), np.random.randint(0, 2, 80))'),
    },
    {
      name: 'a notebook that probes the GPU build of XGBoost in a try at its top level, the probe read nowhere else, then trains on loaded rows with a seed',
      code: [
        'import numpy as np\nimport pandas as pd\nimport xgboost as xgb\n',
        'try:\n    xgb_probe = xgb.XGBClassifier(tree_method="gpu_hist")\n    xgb_probe.fit(np.random.rand(10, 9), np.random.randint(0, 2, 10))\n    device = "gpu"\nexcept Exception:\n    device = "cpu"\n',
        'train = pd.read_csv("train.csv")\nclf = xgb.XGBClassifier(random_state=0).fit(train.drop(columns="y"), train.y)\n',
      ],
    },
    {
      name: 'the same jittering data set only printed item by item (a data-loading demo): its items go nowhere a seed would repeat',
      code: jitteredKeypoints('for i in range(3):\n    print(dataset[i].shape)\n'),
    },
    {
      name: 'a lesson cell summing drawn tensors with torch.add and padding drawn numbers with np.append, only printed, in a notebook that also trains: the module is not an object the values go into',
      code: [
        'import numpy as np\nimport torch\nimport torch.nn as nn\n',
        'x = torch.rand(2, 2)\ny = torch.rand(2, 2)\nz = torch.add(x, y)\nprint(z)\nnoise = np.random.normal(size=3)\nprint(np.append(noise, 0.0))\n',
        TRAINING_CELL,
      ],
    },
    {
      name: 'a data set module whose __main__ demo only prints the length and items of the sets it builds, beside a file it writes',
      code: pointCloudModule('write_index(sys.argv[1])\nd = PointCloudSet(sys.argv[1])\nprint(len(d))\npoints, label = d[0]\nprint(points.size(), label)\nprint(PointCloudSet(sys.argv[1], npoints=256)[3])'),
    },
    {
      name: 'a data set module whose __main__ block writes its index and builds sets it never uses again (one rebound, one never read)',
      code: pointCloudModule('write_index(sys.argv[1])\nd = PointCloudSet(sys.argv[1])\nd = PointCloudSet(sys.argv[1], npoints=256)'),
    },
    {
      name: 'a patch loader built on a loader library\'s base, drawing in its batch method, that the module\'s __main__ block only builds after unpacking the data',
      code: PATCH_LOADER_MODULE,
    },
    {
      name: 'weights drawn in __init__ of a model that every build loads trained weights into, next, with a strict load_state_dict: parameters, scaled ones and a registered buffer',
      code: patchClassifierScript('    net = PatchClassifier(64, 10).to("cpu")\n    net.load_state_dict(torch.load(weights, map_location="cpu", weights_only=True))\n    net.eval()'),
    },
    {
      name: 'the same for a layer that draws its weights and is built only inside such a model, directly or in a Sequential',
      code: py`
        import numpy as np
        import torch
        from torch import nn
        from sklearn.metrics import accuracy_score

        class FourierLayer(nn.Module):
            def __init__(self, channels, modes):
                super().__init__()
                self.kernel = nn.Parameter(torch.rand(channels, channels, modes) / channels)

            def forward(self, x):
                return torch.einsum("bcm,com->bom", x, self.kernel)

        class Operator(nn.Module):
            def __init__(self, channels=8, modes=12):
                super().__init__()
                self.first = FourierLayer(channels, modes)
                self.rest = nn.Sequential(FourierLayer(channels, modes), nn.GELU(), FourierLayer(channels, modes))

            def forward(self, x):
                return self.rest(self.first(x))

        model = Operator()
        model.load_state_dict(torch.load("operator.pt", weights_only=True), strict=True)
        labels = np.load("labels.npy")
        print(accuracy_score(labels, model(torch.load("fields.pt", weights_only=True)).argmax(1).numpy()))
      `,
    },
    {
      name: 'a stand-in drawn in __getitem__ only for an index outside range(len(...)) of what __len__ measures never runs: a sampler asks only for indices below __len__',
      code: tileScript('        if index not in range(0, len(self.tiles)):\n            return self.__getitem__(np.random.randint(0, self.__len__()))'),
    },
    {
      name: 'the same guard spelt idx >= len(self), with the stand-in index rebound inside the arm',
      code: tileScript('        if index >= len(self):\n            index = random.randrange(len(self.tiles))'),
    },
    {
      name: 'the same guard spelt index < 0 or index >= self.__len__()',
      code: tileScript('        if index < 0 or index >= self.__len__():\n            return self[random.randint(0, len(self) - 1)]'),
    },
    {
      name: 'a shuffle under `if shuffle:` in a generator every call of which passes shuffle=False (or leaves its false default) never runs',
      code: batchesScript('False', 'model.fit(batches(train_samples, 32, shuffle=False), epochs=3)\nprint(model.evaluate(batches(val_samples, 32)))'),
    },
    {
      name: 'draws under flags __init__ keeps on the instance (if self.mirror:, if self.crop == "random":) that every construction leaves off never run',
      code: keypointScript('train_set = KeypointSet("train.npy")\nval_set = KeypointSet("val.npy", mirror=False, crop="center")'),
    },
    {
      name: 'random.seed given its seed as a=: a fixed seed',
      code: py`
        import random
        from sklearn.ensemble import RandomForestClassifier
        random.seed(a=7)
        slices = random.sample(range(40, 60), 4)
        RandomForestClassifier(random_state=0).fit(volumes[:, slices], labels)
      `,
    },
    {
      name: 'a draw in an arm that tests a parameter for a string no call of the script gives it (the constructor\'s default, other schemes passed): the arm never runs',
      code: biasRemoverScript('BiasRemover(vocoder)'),
    },
    {
      name: 'the same arm when the script\'s constructions pass other values, by position or keyword (another string, None)',
      code: biasRemoverScript('BiasRemover(vocoder, "silence") if live else BiasRemover(vocoder, probe_kind=None)'),
    },
    {
      name: 'an estimator module whose __main__ block fits its own k-means on placeholder rows it draws and prints the centers: a trial',
      code: estimatorModule(py`
        if __name__ == "__main__":
            data = np.random.rand(100, 2)
            model = KMeans(3)
            model.fit(data)
            print(model.centers, model.predict(data))
      `),
    },
    {
      name: 'the same module\'s PCA fitted on a batch drawn in the call, and its k-means on a drawn tensor with a constant keyword',
      code: estimatorModule(py`
        if __name__ == "__main__":
            print(PCA(n_components=2).fit_transform(torch.randn(200, 5)).shape)
            points = torch.rand(64, 3)
            km = KMeans(k=4)
            km.fit(X=points)
            print(km.centers)
      `),
    },
    {
      name: 'a preprocessing module whose __main__ block scales drawn rows and prints their shapes: a fitted scaler is no model',
      code: preprocessingModule(py`
        if __name__ == "__main__":
            frame = pd.DataFrame({"bytes": np.random.rand(100) * 1000, "label": ["ok"] * 90 + ["attack"] * 10})
            X_train, X_test, y_train, y_test = split(frame, "label")
            scaler, X_train_s, X_test_s = scale(X_train, X_test)
            print(X_train_s.shape, X_test_s.shape, scaler.mean_)
      `),
    },
    {
      name: 'a preprocessing module whose __main__ block resamples drawn rows with whichever sampler a parameter picks and encodes the labels: resampling learns no model',
      code: preprocessingModule(py`
        if __name__ == "__main__":
            X = np.random.randn(60, 4)
            y = np.random.choice(["benign", "dos"], 60, p=[0.8, 0.2])
            X_bal, y_bal = balance(X, y, method="adasyn")
            print(pd.Series(encode(y_bal)).value_counts())
      `),
    },
    {
      name: 'a data set module whose __main__ block draws the boxes of one batch and writes the picture to look at',
      code: detectionDataset(py`
        if __name__ == "__main__":
            loader = DataLoader(BoxDataset(load_items("val.txt")), batch_size=2)
            for step, batch in enumerate(loader):
                for i, (image, boxes) in enumerate(zip(batch["image"], batch["boxes"])):
                    image = (image.numpy() * 255).astype(np.uint8).copy()
                    for x1, y1, x2, y2 in boxes.int().tolist():
                        cv2.rectangle(image, (x1, y1), (x2, y2), (0, 0, 255))
                    image = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
                    cv2.imwrite(f"preview/step{step}_{i}.jpg", image)
                break
      `),
    },
    {
      name: 'a data set module whose __main__ block writes one sample with its class name and keypoints drawn on it',
      code: detectionDataset(py`
        def preview(dataset, out):
            sample = dataset[0]
            canvas = (sample["image"] * 255).astype(np.uint8)
            cv2.putText(canvas, "person", (5, 20), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (0, 255, 0), 1)
            for x, y in sample["boxes"]:
                cv2.circle(canvas, (int(x), int(y)), 3, (255, 0, 0), 2)
            cv2.imwrite(out, canvas)

        if __name__ == "__main__":
            preview(BoxDataset(load_items("train.txt")), "sample.png")
      `),
    },
    {
      name: 'a data set module whose __main__ block outlines the boxes of a sample and saves that one picture',
      code: detectionDataset(py`
        if __name__ == "__main__":
            item = BoxDataset(load_items("train.txt"))[3]
            shown = (item["image"] * 255).astype(np.uint8)
            cv2.polylines(shown, [np.array(item["boxes"], dtype=np.int32)], True, (0, 255, 255), thickness=2)
            cv2.imwrite("check.jpg", shown)
      `),
    },
    {
      name: 'an autograd lesson checks a gradient against its formula inside print: looking at a gradient applies none',
      code: [
        'import torch\n',
        'def f(a):\n    b = a * 2\n    while b.norm().item() < 1000:\n        b = b * 2\n    return b\n',
        'a = torch.randn(size=(1,))\na.requires_grad = True\nd = f(a)\nd.backward()\n',
        'print(a.grad == (d / a))\nprint((a.grad - d / a).norm().item() == 0)\na.grad\n',
      ],
    },
    {
      name: 'a data-parallel demo pushes a data set of draws through a model only to print the sizes it gives',
      code: py`
        import torch
        from torch import nn
        from torch.utils.data import Dataset, DataLoader

        class NoiseRows(Dataset):
            def __init__(self, width, count):
                self.count = count
                self.rows = torch.randn(count, width)
            def __getitem__(self, i):
                return self.rows[i]
            def __len__(self):
                return self.count

        class Probe(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(5, 2)
            def forward(self, x):
                y = self.fc(x)
                print("inside:", x.size(), y.size())
                return y

        device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        model = nn.DataParallel(Probe())
        model.to(device)
        for rows in DataLoader(NoiseRows(5, 100), batch_size=30, shuffle=True):
            batch = rows.to(device)
            out = model(batch)
            print("outside:", batch.size(), out.size())
      `,
    },
    { name: 'a drawn input pushed through a fresh model for one backward pass, whose input gradient is only printed, trains nothing', code: LEAF_THROUGH_MODEL },
    { name: 'a __main__ block that only prints the gradient norm of its one backward pass applies no gradient', code: ONE_BACKWARD_GRADIENT_READ },
    {
      name: 'a seed text drawn after each epoch of a training loop, continued by the model and only written out, trains nothing',
      code: SAMPLED_AFTER_EACH_EPOCH,
    },
    {
      name: 'a TensorFlow lesson on gradients: a drawn variable differentiated to by a tape, its gradients only printed',
      code: TF_TAPE_LESSON,
    },
    {
      name: 'a tape lesson\'s loss, bound again in the next tape\'s with body, does not reach that tape\'s gradients',
      code: TF_TAPE_CELLS,
    },
    {
      name: 'a notebook lesson on TensorFlow variables: a drawn variable shown, then given other values by its own assign methods, before a model is trained',
      code: [...TF_VARIABLE_LESSON, KERAS_MODEL_LATER],
    },
    {
      name: 'rows of a drawn TensorFlow table looked up and averaged by TensorFlow\'s own functions, only printed, in a file that also trains a model',
      code: TF_LOOKUP_LESSON,
    },
    {
      name: 'noise handed only to a function of the file that plots it reaches no result',
      code: NOISE_ONLY_PLOTTED,
    },
    {
      name: 'a notebook lesson on autograd: a drawn leaf tensor, one backward pass, its gradient only printed',
      code: AUTOGRAD_LESSON,
    },
    {
      name: 'a project loss checked on drawn logits and labels, one backward pass asserted on, in a notebook that steps an optimizer elsewhere',
      code: LOSS_CHECK_NOTEBOOK,
    },
    {
      name: 'PyTorch\'s functional loss checked on drawn logits through operators and its own methods, before a script that trains on loaded pairs',
      code: FUNCTIONAL_LOSS_CHECK,
    },
    {
      name: 'a lesson\'s leaf reworked in a while loop whose test reads only that value, in a notebook that trains a model below',
      code: LESSON_LEAF_DOUBLED,
    },
    {
      name: 'a lesson\'s leaf tested by an if whose two arms only rebind the tested value with PyTorch\'s functions',
      code: LESSON_LEAF_BRANCHED,
    },
    {
      name: 'a drawn value shown under a name that a later for loop binds again: its body reads the loop\'s labels, not the draw',
      code: DRAW_NAME_REBOUND_BY_LOOP,
    },
    {
      name: 'a script showing a sigmoid\'s gradient on a drawn leaf tensor through PyTorch\'s own functions',
      code: py`
        import torch
        a = torch.randn(4, requires_grad=True)
        b = torch.sigmoid(a).mean()
        b.backward()
        print(a.grad, torch.sigmoid(a) * (1 - torch.sigmoid(a)) / 4)
      `,
    },
    {
      name: 'a random input pushed through the layers only to learn the size of their output',
      code: py`
        import torch
        import torch.nn as nn
        class Net(nn.Module):
            def __init__(self, shape=(3, 32, 32)):
                super().__init__()
                self.conv = nn.Conv2d(3, 8, 3)
                self.fc = nn.Linear(self._flat_size(shape), 10)
            def _flat_size(self, shape):
                probe = torch.rand(1, *shape)
                features = self._features(probe)
                return features.data.view(1, -1).size(1)
            def _features(self, x):
                return self.conv(x)
            def forward(self, x):
                return self.fc(self._features(x).flatten(1))
        print(Net())
      `,
    },
    {
      name: 'lists shuffled in place after they were joined, then only counted to build their labels',
      code: py`
        from random import shuffle
        import joblib
        import pandas as pd
        from sklearn.model_selection import train_test_split
        def prepare(pos_docs, neg_docs):
            corpus = pos_docs + neg_docs
            shuffle(pos_docs)
            shuffle(neg_docs)
            pos_labels = [1 for _ in pos_docs]
            neg_labels = [0 for doc in neg_docs]
            frame = pd.DataFrame({"text": corpus, "label": pos_labels + neg_labels})
            return train_test_split(frame["text"], frame["label"], test_size=0.2, random_state=0)
        joblib.dump(prepare(load("pos"), load("neg")), "split.pkl")
      `,
    },
    {
      name: 'numpy seeded after the import',
      code: py`
        import numpy as np
        np.random.seed(0)
        noise = np.random.normal(0, 1, 100)
      `,
    },
    {
      name: 'draws that pass their own op-level seed or generator',
      code: py`
        import tensorflow as tf
        import torch
        jitter = tf.random.uniform([8], minval=-0.1, maxval=0.1, seed=11)
        g = torch.Generator().manual_seed(3)
        init = torch.randn(4, 4, generator=g)
      `,
    },
    {
      name: 'draws from an explicit seeded generator',
      code: py`
        import numpy as np
        rng = np.random.default_rng(7)
        idx = rng.permutation(10)
        x = rng.normal(size=3)
      `,
    },
    {
      name: 'seeded through the project\'s own helper',
      code: py`
        import random
        import numpy as np
        from utils import set_seed
        set_seed(42)
        random.shuffle(items)
        np.random.rand(3)
      `,
    },
    {
      name: 'seeded through transformers.set_seed and lightning',
      code: py`
        import torch, random
        from transformers import set_seed
        set_seed(1)
        x = torch.randn(4, 4)
        random.choice(labels)
      `,
    },
    {
      name: 'library module: draws inside functions, no top-level work',
      code: py`
        import numpy as np

        def augment(batch):
            return batch + np.random.normal(0, 0.1, batch.shape)
      `,
    },
    {
      name: 'library module whose only top-level calls set up logging and warnings: the importer seeds',
      code: py`
        import logging
        import warnings
        import numpy as np
        import torch
        from torch import nn

        logger = logging.getLogger(__name__)
        logger.setLevel(logging.INFO)
        warnings.filterwarnings("ignore", category=FutureWarning)

        class Resampler(nn.Module):
            def __init__(self, dim, num_queries):
                super().__init__()
                self.latents = nn.Parameter(torch.randn(1, num_queries, dim) / dim ** 0.5)

        def sample_posterior(params, n):
            noise = np.random.normal(0, params["sigma"], n)
            return params["trend"] + noise
      `,
    },
    {
      name: 'library module whose one top-level call loads a .env file: the notebook that imports its batch loader seeds',
      code: py`
        import os

        import dotenv
        import numpy as np

        dotenv.load_dotenv(dotenv.find_dotenv())


        def clip_path(clip_dir, clip_id):
            return os.path.join(clip_dir, f"{clip_id:06d}.wav")


        def make_batches(clip_dir, labels, reader):

            class ClipBatches:

                def __init__(self, ids, batch_size=8):
                    self.ids = np.array(ids)
                    self.batch_size = batch_size
                    self.start = 0
                    self.X = np.empty((batch_size, *reader.shape))
                    self.Y = np.empty((batch_size, labels.shape[1]))

                def __iter__(self):
                    return self

                def __next__(self):
                    if self.start == 0:
                        np.random.shuffle(self.ids)
                    chosen = np.array(self.ids[self.start:self.start + self.batch_size])
                    self.start = (self.start + self.batch_size) % self.ids.size
                    for n, clip_id in enumerate(chosen):
                        self.X[n] = reader.read(clip_path(clip_dir, clip_id))
                        self.Y[n] = labels.loc[clip_id]
                    return self.X[:len(chosen)], self.Y[:len(chosen)]

            return ClipBatches


        def save_clip(audio_bytes, path):
            with open(path, "wb") as f:
                f.write(audio_bytes)
      `,
    },
    {
      name: 'library module that only caps the BLAS threads with os.environ.setdefault at its top level: the script that imports its embedding plot seeds',
      code: py`
        import os
        import numpy as np

        os.environ.setdefault("MKL_NUM_THREADS", "2")


        def embed_2d(features, labels, limit=5000):
            from sklearn.manifold import TSNE
            if len(labels) > limit:
                keep = np.random.choice(len(labels), limit, replace=False)
                features, labels = features[keep], labels[keep]
            return TSNE(n_components=2).fit_transform(features), labels
      `,
    },
    {
      name: 'library module that sets its visible GPUs with os.environ.update and quiets TensorFlow with os.putenv: the script that imports its epoch loop seeds',
      code: py`
        import os
        import random

        os.environ.update({"CUDA_VISIBLE_DEVICES": "0"})
        os.putenv("TF_CPP_MIN_LOG_LEVEL", "2")

        import torch


        def train_epoch(model, optimizer, clips, loss_fn):
            random.shuffle(clips)
            for video, label in clips:
                optimizer.zero_grad()
                loss = loss_fn(model(torch.as_tensor(video)), label)
                loss.backward()
                optimizer.step()
      `,
    },
    {
      name: 'library module whose one top-level call installs python-future\'s import aliases: the notebook that imports its trainer seeds',
      code: py`
        from __future__ import print_function, division
        from future import standard_library
        standard_library.install_aliases()
        from builtins import object

        import numpy as np


        class MinibatchTrainer(object):
            def __init__(self, net, features, labels, batch=64, lr=1e-2):
                self.net, self.features, self.labels = net, features, labels
                self.batch, self.lr = batch, lr

            def step(self):
                rows = np.random.choice(self.features.shape[0], self.batch)
                loss, grads = self.net.loss(self.features[rows], self.labels[rows])
                for name, grad in grads.items():
                    self.net.params[name] -= self.lr * grad
                return loss

            def train(self, steps):
                return [self.step() for _ in range(steps)]
      `,
    },
    {
      name: 'library module whose one top-level call fixes the numeric locale: the importer seeds',
      code: py`
        import locale

        import numpy as np

        locale.setlocale(locale.LC_NUMERIC, "C")

        FLOAT_CAP = np.finfo(np.float32).max


        class Embedder:
            def fit(self, data):
                self.metric_returns_gradient = self._probe_metric(data)
                self.embedding_ = np.zeros((len(data), 2))
                return self

            def _probe_metric(self, data):
                a, b = data[np.random.randint(0, data.shape[0], 2)]
                out = self.metric(a, b)
                return hasattr(out, "__iter__") and len(out) == 2
      `,
    },
    {
      name: 'data set and training-step module whose one top-level call extends the import path: the training script that imports it seeds',
      code: py`
        import random
        import sys

        import numpy as np
        from torch.utils.data import Dataset

        sys.path.extend(["..", "../.."])

        MIRROR = np.array([0, 2, 1, 4, 3])


        class PoseClips(Dataset):
            def __init__(self, clips, labels, flip_p=0.5):
                self.clips = clips
                self.labels = labels
                self.flip_p = flip_p

            def __len__(self):
                return len(self.labels)

            def __getitem__(self, i):
                clip = np.array(self.clips[i])
                if random.random() < self.flip_p:
                    clip = clip[:, :, MIRROR]
                    clip[0] = -clip[0]
                return clip, self.labels[i]


        def train_one_epoch(model, loader, optimizer, loss_fn):
            model.train()
            for clips, labels in loader:
                optimizer.zero_grad()
                loss = loss_fn(model(clips), labels)
                loss.backward()
                optimizer.step()
      `,
    },
    {
      name: 'layer module whose only top-level calls pick tensorly\'s backend: the importer seeds',
      code: py`
        import torch
        from torch import nn
        import tensorly as tl
        from tensorly.plugins import use_opt_einsum

        tl.set_backend("pytorch")
        use_opt_einsum("optimal")
        LETTERS = "abcdefgh"

        class FourierMix(nn.Module):
            def __init__(self, channels, modes, scale=0.02):
                super().__init__()
                self.kernel = nn.Parameter(scale * torch.randn(channels, channels, modes, dtype=torch.cfloat))
                self.shift = nn.Parameter(scale * torch.randn(channels, 1))

            def forward(self, x):
                spectrum = torch.fft.rfft(x)
                mixed = tl.tenalg.einsum(f"b{LETTERS[0]}m,{LETTERS[0]}om->bom", spectrum[..., :self.kernel.shape[-1]], self.kernel)
                return torch.fft.irfft(mixed, n=x.shape[-1]) + self.shift
      `,
    },
    {
      name: 'pytest module that picks an einsum backend at import and draws inputs in its test functions',
      code: py`
        import pytest
        import torch
        from tensorly import tenalg

        from ..blocks import SpectralBlock

        tenalg.set_backend("einsum")

        @pytest.mark.parametrize("width", [8, 16])
        def test_block_backward(width):
            block = SpectralBlock(width, modes=4)
            signal = torch.randn(2, width, 32, requires_grad=True)
            out = block(signal)
            assert out.shape == signal.shape
            out.sum().backward()
            assert signal.grad is not None
      `,
    },
    {
      name: 'tf.test module whose only top-level call selects the 1.x behaviour, its tests training on drawn inputs',
      code: py`
        import numpy as np
        import tensorflow.compat.v1 as tf

        from chords.models import chord_rnn

        tf.disable_v2_behavior()


        class ChordRnnTest(tf.test.TestCase):

          def testTrainingLowersLoss(self):
            steps = np.random.randint(0, 24, size=(4, 16))
            with self.session() as sess:
              loss = chord_rnn.sequence_loss(tf.one_hot(steps, 24), hidden=32)
              train_op = tf.train.AdamOptimizer(0.01).minimize(loss)
              sess.run(tf.global_variables_initializer())
              before = sess.run(loss)
              for _ in range(20):
                sess.run(train_op)
              self.assertLess(sess.run(loss), before)


        if __name__ == "__main__":
          tf.test.main()
      `,
    },
    { name: 'training helpers whose only top-level call switches TensorFlow to graph mode: the importer seeds', code: GRAPH_MODE_HELPERS },
    {
      name: 'unittest module whose only top-level call generates its parametrized cases (PyTorch common_utils)',
      code: py`
        import unittest

        import torch
        from torch.testing._internal import common_utils

        from mylib.quant import quantize_weight


        class TestPackedLinear(common_utils.TestCase):
            @common_utils.parametrize("bits", [4, 8])
            def test_matches_reference(self, bits):
                weight = torch.randn(64, 32)
                x = torch.randn(8, 32, requires_grad=True)
                ref = x @ weight.t()
                out = x @ quantize_weight(weight, bits).t()
                out.sum().backward()
                self.assertGreater(torch.cosine_similarity(ref.flatten(), out.flatten(), dim=0), 0.99)


        common_utils.instantiate_parametrized_tests(TestPackedLinear)

        if __name__ == "__main__":
            unittest.main()
      `,
    },
    {
      name: 'device-type test module: instantiate_device_type_tests at top level, run_tests under __main__',
      code: py`
        import torch
        from torch.testing._internal.common_device_type import instantiate_device_type_tests
        from torch.testing._internal.common_utils import TestCase, run_tests


        class TestScaledMatmul(TestCase):
            def test_grad_flows(self, device):
                a = torch.randn(16, 16, device=device, requires_grad=True)
                b = torch.randn(16, 16, device=device)
                (a @ b).pow(2).mean().backward()
                self.assertIsNotNone(a.grad)


        instantiate_device_type_tests(TestScaledMatmul, globals(), only_for=("cpu", "cuda"))

        if __name__ == "__main__":
            run_tests()
      `,
    },
    {
      name: 'pytest module that skips itself without triton and draws inputs in its test functions',
      code: py`
        import pytest
        import torch

        pytest.importorskip("triton", reason="Triton kernels are tested here")

        from mylib.kernels import grouped_mm


        def test_grouped_mm_backward():
            a = torch.randn(32, 16, requires_grad=True)
            b = torch.randn(4, 16, 8, requires_grad=True)
            out = grouped_mm(a, b, offsets=torch.tensor([8, 16, 24, 32]))
            out.sum().backward()
            assert a.grad is not None and b.grad is not None
      `,
    },
    {
      name: 'agent module whose only top-level call registers the Atari environments with Gymnasium: still a library',
      code: registeredAgent,
    },
    {
      name: 'custom environment module that registers itself by entry point (also through classic gym): still a library',
      code: py`
        import gym
        import numpy as np
        from gym.envs.registration import register
        from sklearn.linear_model import LinearRegression


        class CliffWalk(gym.Env):
            def reset(self):
                self.pos = np.random.randint(0, 4)
                return self.pos

            def step(self, action):
                slip = np.random.rand() < 0.1
                self.pos = max(0, self.pos + (0 if slip else action))
                return self.pos, -1.0, self.pos == 11, {}


        def fit_value(features, returns):
            order = np.random.permutation(len(returns))
            return LinearRegression().fit(features[order], returns[order])


        register(id="CliffWalk-v1", entry_point="cliff:CliffWalk")
        gym.envs.register(id="CliffWalkLong-v1", entry_point="cliff:CliffWalk", max_episode_steps=500)
      `,
    },
    {
      name: 'optimizer-state module that only allow-lists its class for safe torch.load at import: still a library',
      code: py`
        import torch
        from torch.serialization import add_safe_globals


        class QuantState:
            def __init__(self, codes, scale):
                self.codes, self.scale = codes, scale


        add_safe_globals([QuantState])


        def warm_start(model, batches, steps=10):
            opt = torch.optim.SGD(model.parameters(), lr=0.01)
            for _ in range(steps):
                noise = torch.randn_like(batches[0]) * 0.01
                loss = model(batches[0] + noise).pow(2).mean()
                opt.zero_grad()
                loss.backward()
                opt.step()
            return model
      `,
    },
    {
      name: 'sampler module that allow-lists NumPy types for safe loading and whose __main__ only prints one sample',
      code: py`
        import numpy as np
        import torch
        from torch import nn

        torch.serialization.add_safe_globals([np.ndarray, np.dtype, np.float32])


        class TrajectoryHead(nn.Module):
            def __init__(self, width=64):
                super().__init__()
                self.mix = nn.Parameter(torch.randn(width, 2))

            def forward(self, h):
                return h @ self.mix


        class Sampler:
            def __init__(self, weights_path):
                self.head = TrajectoryHead()
                self.head.load_state_dict(torch.load(weights_path, weights_only=True))

            @torch.no_grad()
            def sample(self, n):
                h = torch.randn(n, 64)
                return self.head(h)


        if __name__ == "__main__":
            sampler = Sampler("head.pt")
            points = sampler.sample(4)
            print("shape", points.shape)
            for i, (x, y) in enumerate(points):
                print(i, float(x), float(y))
      `,
    },
    {
      name: 'plotting helpers module that only picks a headless matplotlib backend at import',
      code: py`
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import numpy as np
        from sklearn.linear_model import Ridge

        def fit_and_plot(x, y, path):
            order = np.random.permutation(len(x))
            model = Ridge().fit(x[order], y[order])
            plt.scatter(y, model.predict(x))
            plt.savefig(path)
      `,
    },
    {
      name: 'a helpers module whose top level only sets the look of plots (matplotlib style and rcParams, seaborn theme): a library',
      code: STYLED_HELPERS,
    },
    {
      name: 'a benchmark that times forward and backward passes and never applies the gradients: nothing trains',
      code: TIMED_BACKWARD,
    },
    {
      name: 'a benchmark that only clears the gradients between timed passes applies none: nothing trains',
      code: TIMED_BACKWARD_CLEARED,
    },
    {
      name: 'a training step run only as the function timeit times, in a file that writes and scores nothing: it reports only durations',
      code: TIMEIT_STEP,
    },
    {
      name: 'a training step run only through lambdas handed to timeit.repeat and a timeit.Timer, with a wrapped optimizer: only durations',
      code: TIMEIT_LAMBDA_STEP,
    },
    {
      name: 'a quiet Keras fit on drawn data timed by a callback of the file that reads no logs, beside Horovod\'s synchronising callbacks: only durations',
      code: KERAS_TIMED_FIT,
    },
    {
      name: 'a quiet Keras fit with no callbacks, its model read nowhere after it, timed around the call: only durations',
      code: KERAS_FIT_TIMED_AROUND,
    },
    {
      name: 'gradients only worked into truth values for the script\'s own check helper (any(p.grad.abs().sum() > 0 ...)): nothing trains',
      code: GRADIENT_CHECK_HELPER,
    },
    {
      name: 'gradient norms taken as numbers with .item() to find dead layers and set the exit status: nothing trains',
      code: GRADIENT_NORMS_CHECK,
    },
    {
      name: 'layers listed by whether their gradient is non-zero, in a loop: nothing trains',
      code: GRADIENT_REACH_LIST,
    },
    {
      name: 'a notebook measuring the throughput of a model in training mode, with a dummy loss and no optimizer',
      code: [
        py`
          import time
          import torch
          from mylab.gpt import GPTModel
        `,
        py`
          for batch_size in [8, 16, 32]:
              tokens = torch.randint(0, 50257, (batch_size, 1024), device="cuda")
              model = GPTModel(n_layers=12).bfloat16().to("cuda")
              model.train()
              torch.cuda.synchronize()
              start = time.time()
              output = model(tokens)
              loss = output.sum()
              loss.backward()
              torch.cuda.synchronize()
              print(f"batch {batch_size}: {batch_size * 1024 / (time.time() - start):.0f} tokens/s")
        `,
      ],
    },
    {
      name: 'a random input pushed forward and backward only under a FLOP counter: the counts depend on shapes',
      code: py`
        import torch
        from torch.utils.flop_counter import FlopCounterMode
        from mylab.models import UNet1d

        net = UNet1d(channels=32, depth=4)
        probe = torch.randn(8, 1, 256)
        with FlopCounterMode(display=False) as counter:
            out = net(probe).square().mean()
            out.backward()
        print(f"train step costs {counter.get_total_flops() / 1e9:.2f} GFLOPs")
      `,
    },
    {
      name: 'library module that logs through a library logger at import',
      code: py`
        import torch
        from torch import nn
        from diffusers.utils import logging

        logger = logging.get_logger(__name__)
        try:
            import xformers
        except ImportError:
            xformers = None
        logger.warning("xformers is not installed; attention will be slower")

        class Projection(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(dim, dim))
      `,
    },
    {
      name: 'a model module whose __main__ block only builds the model and checks the shape of its output',
      code: py`
        import torch
        from torch import nn

        class MPConv(nn.Module):
            def __init__(self, dim_in, dim_out, kernel_size):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(dim_out, dim_in, kernel_size, kernel_size))

            def forward(self, x):
                return nn.functional.conv2d(x, self.weight, padding="same")

        class Unet(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.conv = MPConv(3, dim, 3)

            def forward(self, x):
                return self.conv(x)

        if __name__ == "__main__":
            unet = Unet(dim=64)
            images = torch.randn(2, 3, 64, 64)
            out = unet(images)
            assert out.shape == (2, 64, 64, 64)
      `,
    },
    {
      name: 'a data set module whose __main__ block only prints one example',
      code: py`
        import random
        import numpy as np
        from torch.utils.data import Dataset

        class LandmarkDataset(Dataset):
            def __init__(self, rows):
                self.rows = rows

            def __getitem__(self, index):
                image = self.rows[index]
                if random.random() > 0.5:
                    image = np.fliplr(image)
                return image

        def check():
            dataset = LandmarkDataset([np.zeros((4, 4))])
            print(dataset[0].shape)

        if __name__ == "__main__":
            check()
      `,
    },
    {
      name: 'a model module whose __main__ block backpropagates once to check that gradients flow, and steps nothing',
      code: ONE_BACKWARD_CHECK,
    },
    {
      name: 'a local object called random is not the module',
      code: py`
        class Sampler:
            def choice(self, x):
                return x[0]
        random = Sampler()
        random.choice([1, 2])
      `,
    },
    // libzero's and delu's reproducibility helpers seed Python's, NumPy's and PyTorch's generators.
    ...([
      ['libzero\'s improve_reproducibility', 'import zero', 'zero.improve_reproducibility(C.seed)'],
      ['libzero\'s older set_randomness', 'import zero', 'zero.set_randomness(args["seed"])'],
      ['delu\'s improve_reproducibility', 'import delu', 'delu.improve_reproducibility(seed)'],
      ['delu\'s random.seed', 'import delu', 'delu.random.seed(seed)'],
    ] as const).map(([how, imports, call]) => ({
      name: `${how} seeds torch, numpy and random for a training script's draws`,
      code: `import numpy as np\nimport torch\n${imports}\n${call}\n` + py`
        X = torch.randn(1000, 8)
        idx = np.random.choice(len(X), 100)
        model = torch.nn.Linear(8, 1)
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        for _ in range(10):
            loss = model(X[idx]).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
      `,
    })),
    {
      name: 'MONAI set_determinism seeds torch, numpy and random (with its default seed when given none)',
      code: py`
        import random
        import numpy as np
        import torch
        import monai
        from monai.utils import set_determinism

        set_determinism(seed=0)
        random.shuffle(train_files)
        for images in monai.data.DataLoader(train_files, batch_size=4):
            noise = torch.randn_like(images)
            mask = np.random.rand(*images.shape) > 0.5
            loss = ((net(images + noise) - images) ** 2 * mask).mean()
            loss.backward()
      `,
    },
    {
      name: 'MONAI set_determinism called through the package, without a seed',
      code: py`
        import torch
        import monai

        monai.utils.set_determinism()
        for images in loader:
            loss = ((net(images + torch.randn_like(images)) - images) ** 2).mean()
            loss.backward()
      `,
    },
    {
      name: 'ColossalAI launch_from_torch seeds random, NumPy and PyTorch (1024 when given no seed)',
      code: py`
        import colossalai
        import torch
        import torch.nn.functional as F
        from mylab.diffusion import build_unet, make_loader


        def main():
            colossalai.launch_from_torch(config={})
            unet = build_unet()
            optimizer = torch.optim.AdamW(unet.parameters(), lr=1e-4)
            for latents in make_loader("data/"):
                noise = torch.randn_like(latents)
                steps = torch.randint(0, 1000, (latents.shape[0],))
                loss = F.mse_loss(unet(latents + noise, steps), noise)
                loss.backward()
                optimizer.step()
                optimizer.zero_grad()


        if __name__ == "__main__":
            main()
      `,
    },
    {
      name: 'ColossalAI launcher imported by name, config passed first and the seed by keyword',
      code: py`
        import argparse

        import numpy as np
        import torch
        from colossalai import launch_from_torch
        from torch.utils.data import Dataset


        class CropDataset(Dataset):
            def __init__(self, images, size):
                self.images, self.size = images, size

            def __len__(self):
                return len(self.images)

            def __getitem__(self, i):
                image = self.images[i]
                top = np.random.randint(0, image.shape[1] - self.size + 1)
                return image[:, top:top + self.size]


        if __name__ == "__main__":
            parser = argparse.ArgumentParser()
            parser.add_argument("--seed", type=int, default=7)
            args = parser.parse_args()
            launch_from_torch("configs/train.py", seed=args.seed)
            loader = torch.utils.data.DataLoader(CropDataset(torch.load("images.pt", weights_only=True), 64), batch_size=8)
            for batch in loader:
                print(batch.shape)
      `,
    },
    {
      name: 'keras set_random_seed seeds numpy, random and tensorflow',
      code: py`
        import numpy as np
        import tensorflow as tf
        tf.keras.utils.set_random_seed(3)
        w = tf.random.normal((3, 3))
        x = np.random.rand(2)
      `,
    },
    {
      name: 'an unseeded generator or drawn seed only as the fallback when the caller passed none',
      code: py`
        import random
        import numpy as np

        def sample_configs(space, n, rng=None):
            if rng is None:
                if USE_ENV_SEED:
                    rng = np.random.default_rng(ENV_SEED)
                else:
                    rng = np.random.default_rng()
            return [space.draw(rng) for _ in range(n)]

        args = parse_args()
        args.seed = args.seed or random.randint(0, 2**31 - 1)
        if args.seed is None:
            args.seed = random.randrange(10_000)
        configs = sample_configs(SPACE, 20, np.random.default_rng(args.seed))
      `,
    },
    {
      name: 'an unseeded generator stored in an attribute under `if <parameter> is None:`, the fallback when the caller passed none',
      code: py`
        import numpy as np
        import torch

        class ImplicitRanker:
            def __init__(self, n_items, dim=32, seed=None):
                self.net = ItemTower(n_items, dim)
                self.opt = torch.optim.SGD(self.net.parameters(), lr=0.05)
                if seed is None:
                    self.sampler = np.random.RandomState()
                elif isinstance(seed, np.random.RandomState):
                    self.sampler = seed
                else:
                    self.sampler = np.random.RandomState(seed)

            def fit(self, pairs, epochs=5):
                for _ in range(epochs):
                    negatives = self.sampler.randint(0, len(pairs), len(pairs))
                    loss = self.net.bpr(pairs, negatives)
                    self.opt.zero_grad()
                    loss.backward()
                    self.opt.step()

        def resample(frame, n, rng=None):
            if rng is None:
                gen = np.random.default_rng()
            else:
                gen = rng
            return frame.iloc[gen.integers(0, len(frame), n)]

        ranker = ImplicitRanker(5000)
        ranker.fit(resample(interactions, 10_000))
      `,
    },
    {
      name: 'an unseeded generator kept from a parameter with `or`, as the fallback when the caller passed none',
      code: py`
        import numpy as np
        import torch

        class MatrixFactorizer:
            def __init__(self, n_users, n_items, dim=16, random_state=None):
                self.net = DotProduct(n_users, n_items, dim)
                self.opt = torch.optim.Adam(self.net.parameters(), lr=1e-2)
                self._rng = random_state or np.random.RandomState()

            def fit(self, users, items, ratings):
                order = self._rng.permutation(len(users))
                for u, i, r in batches(users[order], items[order], ratings[order]):
                    loss = ((self.net(u, i) - r) ** 2).mean()
                    self.opt.zero_grad()
                    loss.backward()
                    self.opt.step()

        def bootstrap_scores(model, X, y, n=100, rng=None):
            gen = rng or np.random.default_rng()
            picks = [gen.integers(0, len(X), len(X)) for _ in range(n)]
            return [model.fit(X[p], y[p]).score(X, y) for p in picks]

        model = MatrixFactorizer(943, 1682)
        model.fit(users, items, ratings)
      `,
    },
    {
      name: 'dummy inputs that only give a shape to export, tracing and profiling',
      code: py`
        import torch
        from fvcore.nn import FlopCountAnalysis
        from torch.utils.tensorboard import SummaryWriter
        torch.onnx.export(net, torch.randn(1, 3, 224, 224), "net.onnx")
        example = torch.rand(1, 3, 64, 64).to(device)
        traced = torch.jit.trace(net, example)
        flops = FlopCountAnalysis(net, inputs=(torch.randn(1, 784).to(device),)).total()
        SummaryWriter("runs").add_graph(net, torch.rand(1, 784))
      `,
    },
    {
      name: 'an example input a model\'s own method hands to the dynamo-based ONNX exporter only gives a shape',
      code: py`
        import torch
        class Detector(torch.nn.Module):
            def forward(self, x):
                return self.head(x)
            def export(self, name):
                sample = torch.rand((1, 3, 224, 224), dtype=torch.float32)
                program = torch.onnx.dynamo_export(self, sample)
                program.save(f"exports/{name}.onnx")
        det = Detector()
        torch.optim.Adam(det.parameters()).step()
        det.export("detector")
      `,
    },
    {
      name: 'images picked at random into a loader whose batch only goes to the notebook\'s own plotting helper',
      code: py`
        import numpy as np
        import torch
        import torchvision
        import matplotlib.pyplot as plt

        def show_grid(images, title=None):
            images = images.numpy().transpose((1, 2, 0))
            plt.imshow(np.clip(images, 0, 1))
            if title is not None:
                plt.title(title)

        model.fit(train_loader)
        hits = np.where(predictions == targets)[0]
        chosen = np.random.permutation(hits)[:8]
        picked = torch.utils.data.DataLoader([valid_set[k] for k in chosen], batch_size=8)
        for batch in picked:
            images, labels = batch
        show_grid(torchvision.utils.make_grid(images), title=[t.item() for t in labels])
      `,
    },
    {
      name: 'rows picked at random only to be shown',
      code: py`
        import random
        import numpy as np
        i = random.randint(0, len(dataset) - 1)
        print("text:", dataset[i]["text"])
        picks = np.random.choice(len(df), 5)
        display(df.iloc[picks])
      `,
    },
    {
      name: 'a test picture picked at random each epoch only to be drawn in visdom windows, with the model\'s prediction for it',
      code: py`
        import random
        import torch
        import visdom
        board = visdom.Visdom(env="counting")
        net = CountNet()
        opt = torch.optim.Adam(net.parameters())
        for epoch in range(50):
            for picture, target in train_loader:
                loss = ((net(picture) - target) ** 2).sum()
                opt.zero_grad()
                loss.backward()
                opt.step()
            k = random.randint(0, len(holdout) - 1)
            picture, target = holdout[k]
            board.image(picture, win="picture")
            board.heatmap(target, win="target")
            guess = net(picture.unsqueeze(0)).detach().cpu().numpy()
            board.image(guess / guess.max() * 255, opts=dict(title="guess " + str(guess.sum())))
      `,
    },
    {
      name: 'a validation sample chosen at random after each epoch, written to TensorBoard as pictures and its predicted count as a scalar',
      code: py`
        import random
        import torch
        from torch.utils.tensorboard import SummaryWriter
        writer = SummaryWriter("runs/density")
        model = DensityNet()
        optimizer = torch.optim.SGD(model.parameters(), lr=1e-5)
        for epoch in range(100):
            for batch, dmap in loader:
                loss = criterion(model(batch), dmap)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            sample, dmap = random.choice(val_items)
            writer.add_image("val/input", sample, epoch)
            pred = model(sample.unsqueeze(0)).detach()
            writer.add_image("val/pred", pred[0] / pred.max(), epoch)
            writer.add_scalar("val/pred_count", pred.sum().item(), epoch)
      `,
    },
    {
      name: 'a trainer class whose writer (tensorboardX, kept on self) shows a few random validation pictures after training',
      code: py`
        import numpy as np
        import torch
        from tensorboardX import SummaryWriter
        class Trainer:
            def __init__(self, model, log_dir):
                self.model = model
                self.opt = torch.optim.Adam(model.parameters())
                self.writer = SummaryWriter(log_dir)
            def fit(self, loader, val_set, epochs):
                for step in range(epochs):
                    for x, y in loader:
                        loss = ((self.model(x) - y) ** 2).mean()
                        self.opt.zero_grad()
                        loss.backward()
                        self.opt.step()
                    picks = np.random.choice(len(val_set), 4, replace=False)
                    for j in picks:
                        image, _ = val_set[j]
                        self.writer.add_image(f"val/{j}", image, step)
                        self.writer.add_scalar("val/count", self.model(image[None]).sum().item(), step)
        Trainer(model, "runs/a").fit(train_loader, val_set, 10)
      `,
    },
    {
      name: 'a random test row sent to a deployed endpoint',
      code: py`
        import numpy as np
        row = X_test[np.random.randint(len(X_test))]
        response = requests.post(url, json={"instances": [row.tolist()]})
        print(response.json())
      `,
    },
    {
      name: 'plot data and a histogram of random numbers',
      code: py`
        import numpy as np
        import matplotlib.pyplot as plt
        xs = np.random.normal(size=1000)
        plt.hist(xs, bins=30)
        plt.scatter(np.random.rand(50), np.random.rand(50))
      `,
    },
    {
      name: 'a script that only plays a loaded agent: the class defines train, but nothing here calls it or hands the agent on',
      code: kerasAgent(py`
        if __name__ == "__main__":
            env = gym.make("CartPole-v1")
            agent = DQNAgent(4, env.action_space.n, epsilon=0.05)
            agent.q.load_weights("dqn_cartpole.weights.h5")
            for episode in range(20):
                obs, done, total = env.reset(), False, 0.0
                while not done:
                    obs, reward, done, _ = env.step(agent.act(obs))
                    total += reward
                print(f"episode {episode}: return {total}")
      `),
    },
    {
      name: 'a stand-in scorer only pickled for the serving app: pickle.dump runs none of its methods, so its draws run in the app that loads it',
      code: standInScorer(py`
        if __name__ == "__main__":
            scorer = PlaceholderScorer(30)
            with open("models/scorer.pkl", "wb") as f:
                pickle.dump(scorer, f)
            print("stand-in saved")
      `),
    },
    {
      name: 'a stand-in scorer built inside joblib.dump in a main function: the write only stores it',
      code: standInScorer(py`
        def main(out_dir):
            joblib.dump(PlaceholderScorer(n_features=30), f"{out_dir}/fraud_model.joblib")


        if __name__ == "__main__":
            main("artifacts")
      `),
    },
    {
      name: 'a stand-in scorer written by keyword to a file object with dill: the write only stores it',
      code: standInScorer(py`
        import dill

        if __name__ == "__main__":
            stub = PlaceholderScorer(12)
            with open("stub.dill", "wb") as fh:
                dill.dump(obj=stub, file=fh)
      `),
    },
    {
      name: 'a policy class with its own fit, only rolled out and shown: episode lengths printed, fit never called',
      code: torchPolicy(py`
        policy = SoftmaxPolicy(4, 2)
        policy.net.load_state_dict(torch.load("policy.pt", weights_only=True))
        lengths = []
        for _ in range(10):
            obs, steps, done = env.reset(), 0, False
            while not done:
                obs, _, done, _ = env.step(policy.act(obs))
                steps += 1
            lengths.append(steps)
        print("mean episode length", sum(lengths) / len(lengths))
      `),
    },
    {
      name: 'a game agent choosing moves and a dice roll in a lesson',
      code: py`
        import random
        import numpy as np
        state = env.reset()
        while True:
            action = np.random.choice(env.nA)
            state, reward, done, info = env.step(action)
            if done:
                break
        roll = random.randint(1, 6)
        print("You rolled", roll)
      `,
    },
    {
      name: 'a streaming data set whose shard fetch retries with a jittered sleep: the draw only sets a wait',
      code: py`
        import argparse
        import random
        import time

        import requests
        import torch
        from torch.utils.data import IterableDataset, DataLoader


        class RemoteShardDataset(IterableDataset):
            def __init__(self, urls, retries=5):
                self.urls, self.retries = urls, retries

            def _fetch(self, url):
                for attempt in range(self.retries):
                    try:
                        return requests.get(url, timeout=30).json()
                    except requests.RequestException:
                        time.sleep(0.5 * 2 ** attempt + random.uniform(0, 1))
                raise RuntimeError(url)

            def __iter__(self):
                for url in self.urls:
                    for row in self._fetch(url):
                        yield torch.tensor(row["x"]), torch.tensor(row["y"])


        if __name__ == "__main__":
            parser = argparse.ArgumentParser()
            parser.add_argument("urls", nargs="+")
            args = parser.parse_args()
            net = torch.nn.Linear(16, 1)
            opt = torch.optim.SGD(net.parameters(), lr=0.01)
            torch.manual_seed(0)
            for x, y in DataLoader(RemoteShardDataset(args.urls), batch_size=32):
                loss = torch.nn.functional.mse_loss(net(x), y)
                opt.zero_grad()
                loss.backward()
                opt.step()
      `,
    },
    {
      name: 'a training loop that backs off between reward-judge calls with a drawn delay named first',
      code: py`
        import argparse
        import random
        import time

        from mylab.rl import JudgeClient, Policy


        def train(policy, judge, batches):
            for prompts in batches:
                answers = policy.generate(prompts)
                for attempt in range(5):
                    try:
                        rewards = judge.rate(prompts, answers)
                        break
                    except TimeoutError:
                        delay = min(30.0, 2 ** attempt) + random.random()
                        time.sleep(delay)
                policy.train_step(prompts, answers, rewards)


        if __name__ == "__main__":
            parser = argparse.ArgumentParser()
            parser.add_argument("--judge-url")
            args = parser.parse_args()
            train(Policy.from_checkpoint("sft"), JudgeClient(args.judge_url), Policy.prompt_batches())
      `,
    },
    {
      name: 'a demo that draws a seed for image generation next to a library function named fit',
      code: py`
        import random
        from PIL import ImageOps

        def generate(image, steps):
            seed = random.randint(0, 100000)
            image = ImageOps.fit(image, (512, 512))
            return [seed, pipe(image, num_inference_steps=steps)]

        print(generate(example, 20))
      `,
    },
    {
      name: 'a random tensor only used to check the output shape of a forward pass',
      code: py`
        import torch
        x = torch.rand([1, 3, 64, 64])
        out = model(x)
        print(out.shape)
      `,
    },
    {
      name: 'random inputs that only test an implementation against a library metric',
      code: py`
        import numpy as np
        from sklearn.metrics import mean_squared_error, accuracy_score
        for n in [1, 10, 1000]:
            a, b = np.random.random(n), np.random.randint(100, size=n)
            true_mse = np.array(mean_squared_error(a, b))
            if not np.allclose(true_mse, my_mse(a, b)):
                print("wrong for", n)
        y = np.random.randint(0, 2, 50)
        assert accuracy_score(y, y) == 1.0
      `,
    },
    {
      name: 'held-out rows drawn at module level whose model scores (score) only meet an assert in a test',
      code: py`
        import numpy as np
        from sklearn.linear_model import Ridge

        HELD_X = np.random.rand(40, 3)
        HELD_Y = np.random.rand(40)

        def test_reloaded_model_scores_the_same(tmp_path):
            original = build_fitted(Ridge)
            reloaded = round_trip(original, tmp_path / "ridge.joblib")
            assert reloaded.score(HELD_X, HELD_Y) == original.score(HELD_X, HELD_Y)
      `,
    },
    {
      name: 'random validation arrays whose Keras evaluate() value is bound and only compared in an assert',
      code: py`
        import numpy as np

        VAL_X = np.random.random((64, 8))
        VAL_Y = np.random.randint(0, 2, size=(64, 1))

        def test_best_model_matches_its_trial():
            search = run_search(build_classifier)
            best = search.best_models(1)[0]
            val_accuracy = best.evaluate(VAL_X, VAL_Y)[1]
            assert val_accuracy == search.best_trial().score
      `,
    },
    {
      name: 'a tuner objective that only reports drawn numbers (it returns nothing), handed to a tuner that runs it',
      code: py`
        import numpy as np
        from ray import tune
        from ray.air import session
        def objective(config):
            for i in range(30):
                loss = config["mean"] + config["sd"] * np.random.randn()
                session.report({"loss": loss})
        tuner = tune.Tuner(objective, param_space={"mean": tune.grid_search([1, 2])})
        results = tuner.fit()
        print(results.get_best_result(metric="loss", mode="min").config)
      `,
    },
    {
      name: 'a CTC beam search tried on drawn frame probabilities, its hypotheses scored by a kenlm language model and printed',
      code: py`
        import kenlm
        import numpy as np

        lm = kenlm.Model("models/glosses.binary")

        def beam_search(probs, vocab, width=5, alpha=0.5):
            beam = [("", 0.0)]
            for t in range(probs.shape[0]):
                candidates = {}
                for hyp, score in beam:
                    for i, gloss in enumerate(vocab):
                        new_hyp = (hyp + " " + gloss).strip()
                        total = score + np.log(probs[t, i]) + alpha * lm.score(new_hyp)
                        candidates[new_hyp] = max(candidates.get(new_hyp, -np.inf), total)
                beam = sorted(candidates.items(), key=lambda kv: kv[1], reverse=True)[:width]
            return beam[0][0]

        vocab = ["", "HELLO", "THANKS", "YOU"]
        probs = np.random.rand(20, len(vocab))
        probs = probs / probs.sum(axis=1, keepdims=True)
        print(beam_search(probs, vocab))
      `,
    },
    {
      name: 'words drawn from a vocabulary and scored by a fitted NLTK language model, the probabilities printed',
      code: py`
        import random
        from nltk.lm import Laplace
        from nltk.lm.preprocessing import padded_everygram_pipeline

        train, vocab = padded_everygram_pipeline(2, corpus)
        lm = Laplace(2)
        lm.fit(train, vocab)
        for _ in range(5):
            word = random.choice(list(lm.vocab))
            print(word, lm.score(word, ["the"]), lm.logscore(word, ["the"]))
      `,
    },
    {
      name: 'a sentence built from a drawn gloss order, its log-probability under a kenlm model kept in a list and printed',
      code: py`
        import kenlm
        import numpy as np

        model = kenlm.LanguageModel("lm/3gram.arpa")
        glosses = np.array(["I", "GO", "HOME", "NOW"])
        scores = []
        for _ in range(10):
            order = np.random.permutation(len(glosses))
            scores.append(model.score(" ".join(glosses[order]), bos=True, eos=True))
        print(max(scores))
      `,
    },
    {
      name: 'a kernel density estimate of random points, evaluated on a grid to be plotted',
      code: py`
        import numpy as np
        import matplotlib.pyplot as plt
        from scipy.stats import gaussian_kde
        x, y = np.random.multivariate_normal([0, 0], [[1, 1], [1, 2]], 10000).T
        kde = gaussian_kde(np.vstack([x, y]))
        Z = kde.evaluate(np.vstack([gx.ravel(), gy.ravel()]))
        plt.imshow(Z.reshape(gx.shape))
      `,
    },
    {
      name: 'noisy images pushed through keras.ops (stateless math) only to title a plot',
      code: py`
        import keras
        import matplotlib.pyplot as plt
        import numpy as np

        images = np.load("digits.npy")
        noisy = images + np.random.normal(0, 0.3, images.shape)
        error = keras.ops.mean(keras.ops.square(noisy - images))
        plt.imshow(noisy[0])
        plt.title(f"noise error {float(error):.3f}")
        plt.show()
      `,
    },
    {
      name: 'text sampled from a trained model through softmax, only to be shown',
      code: py`
        import numpy as np
        import torch
        import torch.nn.functional as F
        def generate_sample(char_rnn, seed_phrase, max_length=100, temperature=1.0):
            x = torch.tensor([[token_to_id[t] for t in seed_phrase]])
            hid = char_rnn.initial_state(1)
            for _ in range(max_length - len(seed_phrase)):
                hid, logp_next = char_rnn(x[:, -1], hid)
                p_next = F.softmax(logp_next / temperature, dim=-1).data.numpy()[0]
                next_ix = np.random.choice(num_tokens, p=p_next)
                x = torch.cat([x, torch.tensor([[next_ix]])], dim=1)
            return "".join(tokens[i] for i in x.data.numpy()[0])
        print(generate_sample(model, " hello"))
      `,
    },
    {
      name: 'an example input logged with an MLflow model, or given to infer_signature, only shows its schema',
      code: py`
        import mlflow
        import numpy as np
        from mlflow.models import infer_signature

        class DemandModel(BaseForecaster):
            def fit(self, history):
                self.wrapper = build_wrapper(history)
                return self

            def register(self, name):
                example = np.random.rand(1, 52)
                signature = infer_signature(np.random.rand(4, 52))
                mlflow.pyfunc.log_model("model", python_model=self.wrapper, input_example=example, signature=signature, registered_model_name=name)

        mlflow.set_experiment("/forecasts")
        DemandModel().fit(history).register("demand")
      `,
    },
    {
      name: 'a dummy input exported at the end of a training function only gives a shape',
      code: py`
        import torch
        def train(net, loader, optimizer):
            for x, y in loader:
                loss = criterion(net(x), y)
                loss.backward()
                optimizer.step()
            dummy = torch.randn(1, 3, 224, 224).to(device)
            torch.onnx.export(net, dummy, "net.onnx")
        class Net(torch.nn.Module):
            def forward(self, x):
                return self.fc(x)
            def log_graph(self, writer):
                writer.add_graph(self, torch.rand(1, 784))
        train(Net(), loader, opt)
      `,
    },
    {
      name: 'a synthetic frame for a wrangling lesson, rescaled by a scaler and printed',
      code: py`
        import random
        import numpy as np
        import pandas as pd
        from sklearn import preprocessing
        df = pd.DataFrame({"price": np.abs(np.random.randn(1000) + 1) * 2000, "kind": [random.choice("abc") for _ in range(1000)]})
        scaler = preprocessing.MinMaxScaler()
        scaled = scaler.fit_transform(df["price"].values.reshape(-1, 1))
        print(scaled[:5])
      `,
    },
    {
      name: 'a dummy generator fed to a data set whose batches are only printed (a data-loading demo)',
      code: py`
        import random
        import numpy as np
        import tensorflow as tf
        def generate_features():
            yield np.random.uniform(size=4), random.randint(0, 10)
        data = tf.data.Dataset.from_generator(generate_features, output_types=(tf.float32, tf.int32))
        data = data.repeat().shuffle(buffer_size=100).batch(4)
        for batch_x, batch_y in data.take(1):
            print(batch_x, batch_y)
        print("the pipeline works")
      `,
    },
    {
      name: 'a data-loading demo that enumerates a data set of random rows, prints each batch shape and stops after a few (the counter is no drawn value)',
      code: [
        'import numpy as np\nimport tensorflow as tf\nnoise = np.random.uniform(-1, 1, size=(500, 8))\npipeline = tf.data.Dataset.from_tensor_slices(noise)\n',
        'for n, rows in enumerate(pipeline.batch(50)):\n    print(n, rows.shape)\n    if n >= 2:\n        break\n',
      ],
    },
    {
      name: 'a guide builds data sets from random tensors only to show their element_spec, their value in a cell, and their shapes',
      code: [
        'import numpy as np\nimport tensorflow as tf\n',
        'dataset1 = tf.data.Dataset.from_tensor_slices(tf.random.uniform([4, 10]))\ndataset1.element_spec\n',
        'dataset2 = tf.data.Dataset.from_tensor_slices((tf.random.uniform([4]), tf.random.uniform([4, 100], maxval=100, dtype=tf.int32)))\ndataset2\n',
        'dataset3 = tf.data.Dataset.zip((dataset1, dataset2))\ndataset3\n',
        'for a, (b, c) in dataset3:\n    print(a.shape, b.shape, c.shape)\n',
        'def gen_series():\n    i = 0\n    while True:\n        size = np.random.randint(0, 10)\n        yield i, np.random.normal(size=(size,))\n        i += 1\n',
        'ds_series = tf.data.Dataset.from_generator(gen_series, output_types=(tf.int32, tf.float32), output_shapes=((), (None,)))\nds_series\n',
      ],
    },
    {
      name: 'a reward function handed to a TRL trainer draws while it trains, after its constructor seeded NumPy',
      code: py`
        import numpy as np
        from trl import GRPOConfig, GRPOTrainer
        def correctness_reward(completions, **kwargs):
            A = np.random.uniform(-10, 10, size=(8, 8))
            scores = []
            for completion in completions:
                scores.append(score_matmul(completion, A))
            return scores
        trainer = GRPOTrainer(model=model, reward_funcs=[correctness_reward], args=GRPOConfig(output_dir="out"), train_dataset=dataset)
        trainer.train()
      `,
    },
    {
      name: 'a callback handed to the file\'s own subclass of Trainer, whose __init__ hands construction on to it, draws while it trains',
      code: py`
        import random
        from torch.utils.data import Subset
        from transformers import Trainer, TrainerCallback, TrainingArguments
        class WeightedLossTrainer(Trainer):
            def __init__(self, *args, class_weights=None, **kwargs):
                super().__init__(*args, **kwargs)
                self.class_weights = class_weights
        class TrainingAccuracyCallback(TrainerCallback):
            def __init__(self, dataset, size):
                self.dataset = dataset
                self.size = size
            def on_step_end(self, args, state, control, **kwargs):
                indices = random.sample(range(len(self.dataset)), self.size)
                state.log_history.append({"train_accuracy": accuracy(Subset(self.dataset, indices))})
        accuracy_callback = TrainingAccuracyCallback(train_ds, 1000)
        trainer = WeightedLossTrainer(model=model, args=TrainingArguments("out"), train_dataset=train_ds, callbacks=[accuracy_callback], class_weights=weights)
        trainer.train()
      `,
    },
    {
      name: 'a collator instance handed to a Trainer draws its masks while it trains',
      code: py`
        import random
        import torch
        from transformers import Trainer, TrainingArguments
        class SpanMaskingCollator:
            def __init__(self, tokenizer):
                self.tokenizer = tokenizer
            def __call__(self, features):
                batch = self.tokenizer.pad(features, return_tensors="pt")
                start = random.randint(0, 8)
                batch["labels"] = batch["input_ids"].clone()
                batch["input_ids"][:, start:start + 4] = self.tokenizer.mask_token_id
                return batch
        collator = SpanMaskingCollator(tokenizer)
        trainer = Trainer(model=model, args=TrainingArguments("out"), train_dataset=train_ds, data_collator=collator)
        trainer.train()
      `,
    },
    {
      name: 'a helper that only the collator handed to a Trainer calls draws while it trains',
      code: py`
        import random
        from transformers import Trainer, TrainingArguments

        def shuffle_objects(target):
            objects = target.split(" ; ")
            random.shuffle(objects)
            return " ; ".join(objects)

        def collate(batch):
            images, labels = zip(*batch)
            targets = [shuffle_objects(label["suffix"]) for label in labels]
            return processor(images=images, text=targets, return_tensors="pt", padding="longest")

        trainer = Trainer(model=model, args=TrainingArguments("out"), train_dataset=train_ds, data_collator=collate)
        trainer.train()
      `,
    },
    {
      name: 'a helper two calls below the collator handed to a Trainer draws while it trains',
      code: py`
        import numpy as np
        from transformers import Trainer, TrainingArguments

        def noisy(values):
            return values + np.random.normal(0, 0.01, values.shape)

        def jitter(features):
            return [noisy(f["pixels"]) for f in features]

        def collate(features):
            return {"pixel_values": np.stack(jitter(features))}

        trainer = Trainer(model=model, args=TrainingArguments("out"), train_dataset=train_ds, data_collator=collate)
        trainer.train()
      `,
    },
    {
      name: 'draws below the trainer, and a helper first called after it, run once it has seeded PyTorch',
      code: py`
        import torch
        from transformers import Trainer, TrainingArguments
        def noisy_batch():
            return torch.randn(8, 16)
        trainer = Trainer(model=model, args=TrainingArguments("out"), train_dataset=train_ds)
        trainer.train()
        loss = model(noisy_batch()).sum()
        loss.backward()
        probe = model(torch.randn(4, 16)).mean()
        probe.backward()
      `,
    },
    {
      name: 'test images picked at random, loaded with Keras helpers, predicted and shown',
      code: py`
        import os
        import numpy as np
        import matplotlib.pyplot as plt
        from tensorflow.keras.preprocessing import image
        file_names = np.random.choice(os.listdir(test_dir), 50)
        for name in file_names:
            img = image.img_to_array(image.load_img(os.path.join(test_dir, name), target_size=(240, 240)))
            probabilities = model.predict(img[None] / 255)
            plt.imshow(img.astype("uint8"))
            plt.title(f"{name}: {probabilities.max():.2f}")
            plt.show()
      `,
    },
    {
      name: 'a random test image handed to a loading helper that the evaluation loop also calls: what the helper returns goes back to the demo\'s call only',
      code: py`
        import os
        import random
        import numpy as np
        from keras.models import load_model
        from keras.preprocessing import image
        from sklearn.metrics import accuracy_score

        def load_image(path):
            pixels = image.img_to_array(image.load_img(path, target_size=(32, 32)))
            return np.expand_dims(pixels, axis=0)

        def evaluate(net, folder):
            names = sorted(os.listdir(folder))
            preds = [net.predict(load_image(os.path.join(folder, n))).argmax() for n in names]
            return accuracy_score([int(n.split("_")[0]) for n in names], preds)

        net = load_model("type_classifier.h5")
        pick = os.path.join("sprites/test", random.choice(os.listdir("sprites/test")))
        print(pick, net.predict(load_image(pick)).argmax())
        print("accuracy", evaluate(net, "sprites/test"))
      `,
    },
    {
      name: 'a random frame handed to a transform helper that the training loop also calls, the preview only plotted',
      code: py`
        import numpy as np
        import torch
        import matplotlib.pyplot as plt

        def to_tensor(frames):
            return torch.from_numpy(frames.astype(np.float32) / 127.5 - 1.0).permute(0, 3, 1, 2)

        frames = np.load("sprites.npy")
        preview = to_tensor(frames[np.random.randint(len(frames))][None])
        plt.imshow(preview[0].permute(1, 2, 0) * 0.5 + 0.5)
        plt.show()
        for epoch in range(20):
            for batch in np.array_split(frames, 100):
                loss = critic(to_tensor(batch)).mean()
                loss.backward()
                opt.step()
      `,
    },
    {
      name: 'a random row handed to a scaling helper whose other call feeds the fit: the drawn row is only printed',
      code: py`
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        def scaled(rows, mean, std):
            return (rows - mean) / std

        X, y = np.load("stats.npy"), np.load("legendary.npy")
        mean, std = X.mean(axis=0), X.std(axis=0)
        clf = LogisticRegression().fit(scaled(X, mean, std), y)
        row = X[np.random.randint(len(X))]
        print(row, clf.predict_proba(scaled(row[None], mean, std)))
      `,
    },
    {
      name: 'a random grid put in an xarray Dataset to check a climatology, plotted, and dummy fields written to netCDF',
      code: py`
        import numpy as np
        import pandas as pd
        import xarray as xr
        import matplotlib.pyplot as plt

        months = pd.date_range("1990-01-31", "2009-12-31", freq="M")
        noise = np.random.randn(len(months), 12, 16)
        field = xr.Dataset({"rain": (("time", "lat", "lon"), noise)}, coords={"time": months})
        running = field.groupby("time.year").cumsum("time")
        normal = running.groupby("time.month").mean("time")
        normal["rain"].mean(["lat", "lon"]).plot()
        plt.show()

        def write_dummy(path, shape):
            cells = np.random.randint(0, 100, size=shape)
            grid = xr.Dataset({"vhi": (("lat", "lon"), cells)})
            grid.to_netcdf(path)
            return grid

        dummy = write_dummy("dummy_vhi.nc", (30, 30))
        print(dummy)
      `,
    },
    {
      name: 'a job name drawn once from letters and digits names a run, whichever job, pipeline or data set it reaches',
      code: py`
        import random
        import string

        import google.cloud.aiplatform as aip


        # Generate a uuid of a specifed length(default=8)
        def generate_uuid(length: int = 8) -> str:
            return "".join(random.choices(string.ascii_lowercase + string.digits, k=length))


        UUID = generate_uuid()
        DISPLAY_NAME = "flowers_" + UUID
        job = aip.PipelineJob(display_name=DISPLAY_NAME, template_path="pipeline.yaml", pipeline_root=PIPELINE_ROOT)
        job.run()
        details = job.gca_resource.job_detail.task_details
        dataset = aip.ImageDataset(details[0].outputs["dataset"].artifacts[0].metadata["resourceName"])
        dataset.delete()
      `,
    },
    {
      name: 'digits alone joined once and added to a literal prefix name a tuning job, though the name reaches the fit',
      code: py`
        import random
        import string
        from sagemaker.tuner import HyperparameterTuner

        tuner = HyperparameterTuner(estimator, "validation:auc", ranges, max_jobs=10)
        tuning_job_name = "unified-hpo-" + "".join(random.choices(string.digits, k=5))
        tuner.fit(inputs, job_name=tuning_job_name)
      `,
    },
    {
      name: 'digits alone joined once by a generator expression inside an f-string name the log folder a Keras fit writes to',
      code: py`
        import random
        import string
        from tensorflow import keras

        run_dir = f"logs/sweep-{''.join(random.choice(string.digits) for _ in range(6))}"
        model.fit(X, y, epochs=3, callbacks=[keras.callbacks.TensorBoard(log_dir=run_dir)])
      `,
    },
    {
      name: 'digits alone sampled once and added to a prefix held by a constant name a training job',
      code: py`
        import random
        import string

        PREFIX = "xgb-job-"
        job = PREFIX + "".join(random.sample(string.digits, 4))
        estimator.fit({"train": train_uri}, job_name=job)
      `,
    },
    {
      name: 'a pruning demo: example inputs for the pruner, a pruner step (no optimizer), then a forward and backward test whose gradients nothing applies',
      code: PRUNING_DEMO(''),
    },
    {
      name: 'a whole number drawn once to name a run, only written into text: the log folder, the video and model paths, a printout',
      code: py`
        import random
        import torch
        from torch.utils.tensorboard import SummaryWriter

        class Trainer:
            def __init__(self, model, loader):
                self.model = model
                self.loader = loader
                self.training_id = random.randint(0, 1000)
                print(f"Training ID: {self.training_id}")
                self.writer = SummaryWriter(f"./results/tensorboard/dqn_{self.training_id}")

            def train_loop(self, epochs):
                optimizer = torch.optim.Adam(self.model.parameters())
                for epoch in range(epochs):
                    for x, y in self.loader:
                        loss = torch.nn.functional.mse_loss(self.model(x), y)
                        optimizer.zero_grad()
                        loss.backward()
                        optimizer.step()
                torch.save(self.model.state_dict(), "./results/models/run_%d/model.pt" % self.training_id)

        if __name__ == "__main__":
            Trainer(build_model(), build_loader()).train_loop(10)
      `,
    },
    {
      name: 'a run number drawn once at module level, put into names with str(), % and .format',
      code: py`
        import random
        import numpy as np
        from sklearn.linear_model import Ridge

        run_id = random.randrange(100000)
        out_dir = "runs/" + str(run_id)
        X, y = np.load("X.npy"), np.load("y.npy")
        model = Ridge(alpha=1.0).fit(X, y)
        np.save("{}/coef.npy".format(out_dir), model.coef_)
        print("run %d done" % run_id, "run {}".format(run_id))
      `,
    },
    {
      name: 'a run suffix of hex digits joined from a generator, in a notebook',
      code: [
        'import random, string\nimport torch\n',
        'suffix = "".join(random.choice(string.hexdigits) for _ in range(6))\nrun_dir = f"runs/cnn-{suffix}"\n',
        'for x, y in loader:\n    loss = model(x, log_dir=run_dir).sum()\n    loss.backward()\n',
      ],
    },
    {
      name: 'scvi-tools seeded by assigning its seed setting in an earlier cell (its setter seeds NumPy, random and torch)',
      code: [
        'import numpy as np\nimport scvi\nfrom scvi.external import GIMVI\n',
        'scvi.settings.seed = 0\nprint("Last run with scvi-tools version:", scvi.__version__)\n',
        'train_idx = np.random.choice(range(n_genes), n_train_genes, replace=False)\npartial = spatial[:, seq_genes[train_idx]].copy()\nmodel = GIMVI(seq, partial)\nmodel.train(max_epochs=200)\n',
      ],
    },
    {
      name: 'the scvi-tools settings object imported by name and seeded in a script, torch draws after it',
      code: py`
        import torch
        from scvi import settings

        settings.seed = 7
        log_theta = torch.nn.Parameter(torch.randn(2000))
        opt = torch.optim.Adam([log_theta], lr=1e-3)
        for counts in loader:
            loss = nb_nll(counts, log_theta.exp())
            loss.backward()
            opt.step()
      `,
    },
    {
      name: 'a lesson that builds custom layers from drawn weights and only prints what they give trains and scores nothing',
      code: [
        'import torch\nfrom torch import nn\n',
        'class ListDense(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.params = nn.ParameterList([nn.Parameter(torch.randn(4, 4)) for _ in range(3)])\n    def forward(self, x):\n        for p in self.params:\n            x = torch.mm(x, p)\n        return x\n',
        'net = ListDense()\nprint(net(torch.ones(1, 4)))\n',
        'layer = nn.Linear(8, 3)\ny = layer(torch.rand(2, 8))\ny.mean().item()\n',
      ],
    },
    {
      name: 'a lesson that switches its module to training mode and back, only to print its parameters, trains nothing',
      code: py`
        import torch
        from torch import nn

        class Affine(nn.Module):
            def __init__(self, n_in, n_out):
                super().__init__()
                self.weight = nn.Parameter(torch.randn(n_out, n_in))
                self.bias = nn.Parameter(torch.zeros(n_out))

            def forward(self, x):
                return x @ self.weight.t() + self.bias

        block = nn.Sequential(Affine(6, 4), nn.ReLU(), nn.Linear(4, 2))
        block.train()
        for name, p in block.named_parameters():
            print(name, p.shape)
        block.eval()
      `,
    },
    {
      name: 'a notebook that switches a model with drawn weights to evaluation mode and prints what it gives evaluates nothing',
      code: [
        'import torch\nimport torch.nn as nn\n',
        'class Scorer(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.proj = nn.Parameter(torch.randn(8, 1))\n        self.drop = nn.Dropout(0.1)\n\n    def forward(self, x):\n        return self.drop(x) @ self.proj\n',
        'scorer = Scorer()\nscorer.eval()\nwith torch.no_grad():\n    print(scorer(torch.ones(3, 8)))\n',
      ],
    },
    {
      name: 'a module whose __main__ block switches a layer to training mode and checks its output shape only tries it out',
      code: py`
        import torch
        from torch import nn

        class NoisyGate(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.scale = nn.Parameter(torch.randn(dim) * 0.02)

            def forward(self, x):
                if self.training:
                    x = x + torch.randn_like(x) * self.scale
                return torch.sigmoid(x)

        if __name__ == "__main__":
            gate = NoisyGate(16)
            gate.train()
            y = gate(torch.randn(2, 16))
            assert y.shape == (2, 16)
      `,
    },
    {
      name: 'a lesson on parameters runs a backward pass and only prints the gradients it gets',
      code: [
        'import torch\nfrom torch import nn\nnet = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))\nX = torch.rand(2, 4)\nY = net(X).sum()\n',
        'weight = net[0].weight\nprint(weight.grad)\nY.backward()\nprint(f"after: {weight.grad}")\n',
        'weight.grad\n',
      ],
    },
    {
      name: 'a model module whose trainer class nothing in the file builds: its main only prints the shapes of a forward pass and of sampled text',
      code: samplingModule(charTrainer()),
    },
    {
      name: 'a model module whose checkpoint class nothing in the file builds: the write in its method never runs here',
      code: samplingModule(CHECKPOINT_KEEPER),
    },
    {
      name: 'a script whose mixup trainer class nothing builds: the draws in its training loop never run here, for NumPy or PyTorch',
      code: mixupTrainerScript('', 'print(model(torch.zeros(1, 8)).shape)\n'),
    },
    {
      name: 'the same trainer declared with an explicit object base, the plain class it still is',
      code: mixupTrainerScript('(object)', 'print(model(torch.zeros(1, 8)).shape)\n'),
    },
    {
      name: 'a drawn weight only plotted, whose one other read is in a method of a class nothing builds: that read never runs',
      code: globalMixScript(''),
    },
    {
      name: 'fuzzy rules sampled at the top level and read only in the build() of a Keras layer class the network never uses: the class is named nowhere outside its body, and K.transpose is math',
      code: FUZZY_RULES_UNUSED,
    },
    {
      name: 'a PyTorch module class a training script never names outside its body (super(NoisyHead, self) is inside it): its drawn weights and noise never run',
      code: noisyHeadScript('class NoisyHead(nn.Module):\n', TRAINED_SEQUENTIAL),
    },
    {
      name: 'a PyTorch module class built only in the __init__ of a model class the script never names outside its body: neither is ever built, so the draws never run',
      code: noisyHeadScript('class NoisyHead(nn.Module):\n', UNBUILT_WRAPPER + TRAINED_SEQUENTIAL),
    },
    {
      name: 'the same unused module class on torch.nn.Module spelled out, in a script that loads only tensors (weights_only=True rebuilds no class)',
      code: noisyHeadScript('class NoisyHead(torch.nn.Module):\n', TRAINED_SEQUENTIAL.replace('for epoch', 'model.load_state_dict(torch.load("warm.pt", weights_only=True))\nfor epoch')),
    },
    {
      name: 'drawn numbers worked through Keras\' backend math (K.softmax, K.eval) and only printed, in a file that trains: the backend\'s functions hold no weights',
      code: kerasBackendScript('model.fit(X, y, epochs=3)\nweights = K.eval(K.softmax(np.random.rand(5)))\nprint(weights)\n'),
    },
    {
      name: 'notebook: a cell keeps an epoch-shuffling trainer class nothing below builds, while the cells below only look at a batch',
      code: [
        'import numpy as np\nimport matplotlib.pyplot as plt\nimages = np.load("batch.npy")\n',
        'class EpochTrainer:\n    def run(self, model, X, y, epochs=5):\n        for _ in range(epochs):\n            order = np.random.permutation(len(X))\n            model.train_on_batch(X[order], y[order])\n',
        'plt.imshow(images[0])\nplt.show()\n',
      ],
    },
  ],
  invalid: [
    {
      name: 'rows drawn for a fit that is scored before a raises block, or handed to a statement of the block that is not its last, are still reported (round 688)',
      code: py`
        import numpy as np
        import pytest
        from sklearn.linear_model import Ridge

        X = np.random.rand(5, 3)
        model = Ridge().fit(X, np.ones(5))
        print(model.score(X, np.ones(5)))
        with pytest.raises(ValueError):
            model.predict(X[:, :2])
        rows = np.random.randn(6, 2)
        with pytest.raises(ValueError):
            other = Ridge().fit(rows, np.ones(5))
            print(other.coef_)
      `,
      findings: [{ line: 5, related: 1 }],
      output: py`
        import numpy as np
        import pytest
        from sklearn.linear_model import Ridge
        SEED = 42
        np.random.seed(SEED)

        X = np.random.rand(5, 3)
        model = Ridge().fit(X, np.ones(5))
        print(model.score(X, np.ones(5)))
        with pytest.raises(ValueError):
            model.predict(X[:, :2])
        rows = np.random.randn(6, 2)
        with pytest.raises(ValueError):
            other = Ridge().fit(rows, np.ones(5))
            print(other.coef_)
      `,
    },
    seededCase('an order drawn where its file is there, written to another file, or not written at all is drawn on every run', DRAWN_ORDERS_NOT_KEPT, 7,
      /^`np\.random\.shuffle` \(and 2 other draws\) draws from NumPy's global random generator, which this script never seeds/, 'import numpy as np', 'np.random.seed(SEED)'),
    seededCase('a random probe whose feature maps the comprehension keeps (their means) to start trained parameters: the values reach the training',
      featureProbeScript('anchors = [f.mean(dim=(2, 3)) for f in feat_t]\nheads = nn.ParameterList([nn.Parameter(a.clone()) for a in anchors])'),
      5, /^`torch\.randn` draws from PyTorch's global random generator/, 'from torch import nn', 'torch.manual_seed(SEED)'),
    seededCase('drawn rows flattened by a comprehension with two for clauses, then fitted',
      drawnRowsScript('flat = [v for row in noise for v in row]\nmodel = Ridge().fit(np.array(flat).reshape(-1, 1), targets)'),
      4, /^`np\.random\.rand` draws from NumPy's global random generator/, 'from sklearn.linear_model import Ridge', 'np.random.seed(SEED)'),
    seededCase('drawn rows picked by a comprehension\'s filter: how many labels it gives depends on the draw, and they are fitted',
      drawnRowsScript('labels = [1.0 for row in noise if row.sum() > 2]\nmodel = Ridge().fit(X[:len(labels)], labels)'),
      4, /^`np\.random\.rand` draws from NumPy's global random generator/, 'from sklearn.linear_model import Ridge', 'np.random.seed(SEED)'),
    {
      name: 'still reported when the file\'s subclass of Trainer builds itself without the trainer\'s constructor, or the draw comes before it is built',
      code: py`
        import random
        from transformers import Trainer, TrainingArguments
        class BareTrainer(Trainer):
            def __init__(self, model, args):
                self.model = model
                self.args = args
        def collate(batch):
            random.shuffle(batch)
            return default_collate(batch)
        trainer = BareTrainer(model, TrainingArguments("out"))
        loader = DataLoader(train_ds, collate_fn=collate)
        fit(model, loader)
      `,
      findings: [{ line: 8, message: /^`random\.shuffle` draws from the `random` module's global random generator, which this script never seeds/ }],
      output: py`
        import random
        from transformers import Trainer, TrainingArguments
        SEED = 42
        random.seed(SEED)
        class BareTrainer(Trainer):
            def __init__(self, model, args):
                self.model = model
                self.args = args
        def collate(batch):
            random.shuffle(batch)
            return default_collate(batch)
        trainer = BareTrainer(model, TrainingArguments("out"))
        loader = DataLoader(train_ds, collate_fn=collate)
        fit(model, loader)
      `,
    },
    {
      name: 'a picture picked at random is drawn in visdom and also added to the training set: the draw reaches the training',
      code: py`
        import random
        import visdom
        board = visdom.Visdom()
        k = random.randint(0, len(pool) - 1)
        board.image(pool[k], win="picked")
        train_set.append(pool[k])
        model.fit(train_set)
      `,
      findings: [{ line: 4, message: /^`random\.randint` draws from the `random` module's global random generator, which this script never seeds/ }],
      output: py`
        import random
        import visdom
        SEED = 42
        random.seed(SEED)
        board = visdom.Visdom()
        k = random.randint(0, len(pool) - 1)
        board.image(pool[k], win="picked")
        train_set.append(pool[k])
        model.fit(train_set)
      `,
    },
    {
      name: 'a drawn tensor handed to a TensorBoard writer\'s add_graph, and also trained on: only the writer\'s showing methods show',
      code: py`
        import torch
        from torch.utils.tensorboard import SummaryWriter
        writer = SummaryWriter()
        x = torch.randn(64, 8)
        writer.add_image("inputs", x[None], 0)
        loss = net(x).pow(2).mean()
        loss.backward()
        opt.step()
      `,
      findings: [{ line: 4, message: /^`torch\.randn` draws from PyTorch's global random generator/ }],
      output: py`
        import torch
        from torch.utils.tensorboard import SummaryWriter
        SEED = 42
        torch.manual_seed(SEED)
        writer = SummaryWriter()
        x = torch.randn(64, 8)
        writer.add_image("inputs", x[None], 0)
        loss = net(x).pow(2).mean()
        loss.backward()
        opt.step()
      `,
    },
    {
      name: 'the index drawn for a TensorBoard picture also picks the row left out of the rows fitted: the draw reaches the fit',
      code: py`
        import random
        from torch.utils.tensorboard import SummaryWriter
        writer = SummaryWriter("runs/b")
        k = random.randrange(len(rows))
        writer.add_image("held out", rows[k], 0)
        model.fit(rows[:k] + rows[k + 1:])
      `,
      findings: [{ line: 4, message: /^`random\.randrange` draws from the `random` module's global random generator/ }],
      output: py`
        import random
        from torch.utils.tensorboard import SummaryWriter
        SEED = 42
        random.seed(SEED)
        writer = SummaryWriter("runs/b")
        k = random.randrange(len(rows))
        writer.add_image("held out", rows[k], 0)
        model.fit(rows[:k] + rows[k + 1:])
      `,
    },
    seededCase('a dropped generator seeded by a draw seeds nothing: the global draw after it is still reported',
      scratchKMeansScript('np.random.RandomState(randrange(0, 10000))'),
      13, /^`np\.random\.choice` draws from NumPy's global random generator/, 'import pandas as pd', 'np.random.seed(SEED)'),
    seededCase('a generator seeded by a draw and kept, then drawn from for the centroids',
      scratchKMeansScript('rng = np.random.RandomState(randrange(0, 10000))', 'rng.choice(X.shape[0], self.k, replace=False)'),
      12, /^`randrange` draws from the `random` module's global random generator/, 'import pandas as pd', 'random.seed(SEED)'),
    seededCase('a draw in a Sacred command the script calls itself: a plain call, which Sacred does not seed', py`
        import numpy as np
        from sacred import Experiment

        ex = Experiment("noise")

        @ex.config
        def cfg():
            seed = 7

        @ex.main
        def run():
            model.fit(X, y + np.random.normal(scale=0.1, size=len(y)))
            ex.log_scalar("score", model.score(X_te, y_te))

        if __name__ == "__main__":
            run()
      `, 12, /^`np\.random\.normal` draws from NumPy's global random generator/, 'from sacred import Experiment', 'np.random.seed(SEED)'),
    seededCase('an NLTK language model fitted on sentences shuffled by the random module, then scored: the fit learns from the draw', py`
      import random
      from nltk.lm import MLE
      from nltk.lm.preprocessing import padded_everygram_pipeline

      sentences = [line.split() for line in open("glosses.txt")]
      random.shuffle(sentences)
      train, vocab = padded_everygram_pipeline(2, sentences[:800])
      lm = MLE(2)
      lm.fit(train, vocab)
      print(lm.score("HOME", ["GO"]))
    `, 6, /^`random\.shuffle` draws from the `random` module's global random generator/, 'from nltk.lm.preprocessing import padded_everygram_pipeline', 'random.seed(SEED)'),
    seededCase('test rows drawn at random and scored by a classifier\'s own score, beside a kenlm model loaded for decoding: the classifier\'s score is a metric', py`
      import kenlm
      import numpy as np
      from sklearn.linear_model import LogisticRegression

      lm = kenlm.Model("models/glosses.binary")
      X, y = np.load("X.npy"), np.load("y.npy")
      clf = LogisticRegression(max_iter=500).fit(X[:800], y[:800])
      idx = np.random.choice(np.arange(800, len(X)), 100, replace=False)
      print(clf.score(X[idx], y[idx]))
    `, 8, /^`np\.random\.choice` draws from NumPy's global random generator/, 'from sklearn.linear_model import LogisticRegression', 'np.random.seed(SEED)'),
    seededCase('the same demo that then fine-tunes with an optimizer step: the draws reach the weights', PRUNING_DEMO('\n  optimizer = torch.optim.SGD(model.parameters(), lr=0.01)\n  optimizer.step()'), 12, /^`torch\.randn` \(and 4 other draws\) draws from PyTorch's global random generator/, 'import torch_pruning as tp', 'torch.manual_seed(SEED)'),
    seededCase('a drawn number that also picks the rows trained on, beside the name it gives the run, is still reported', py`
      import random
      import numpy as np
      from sklearn.linear_model import Ridge

      run_id = random.randint(0, 1000)
      X, y = np.load("X.npy"), np.load("y.npy")
      model = Ridge().fit(X[run_id:], y[run_id:])
      np.save(f"runs/{run_id}/coef.npy", model.coef_)
    `, 5, /^`random\.randint` draws from the `random` module's global random generator/, 'from sklearn.linear_model import Ridge', 'random.seed(SEED)'),
    seededCase('a number drawn in every pass of a loop and written into each label is data, and is still reported', py`
      import random
      import pandas as pd
      from sklearn.tree import DecisionTreeClassifier

      rows = []
      for i in range(100):
          tag = random.randint(0, 3)
          rows.append({"x": i, "label": f"group_{tag}"})
      frame = pd.DataFrame(rows)
      model = DecisionTreeClassifier(random_state=0).fit(frame[["x"]], frame["label"])
    `, 7, /^`random\.randint` draws from the `random` module's global random generator/, 'from sklearn.tree import DecisionTreeClassifier', 'random.seed(SEED)'),
    {
      name: 'drawn noise appended into a list the training reads is kept by the list: still reported',
      code: [
        'import numpy as np\nimport torch\nimport torch.nn as nn\nrows = []\n',
        'noise = np.random.normal(size=3)\nrows.append(noise)\nfeatures = np.stack(rows)\n',
        TRAINING_CELL,
      ],
      findings: [{ cell: 1, line: 1, message: /np\.random\.normal/ }],
      output: [
        'import numpy as np\nimport torch\nimport torch.nn as nn\nSEED = 42\nnp.random.seed(SEED)\nrows = []\n',
        'noise = np.random.normal(size=3)\nrows.append(noise)\nfeatures = np.stack(rows)\n',
        TRAINING_CELL,
      ],
    },
    seededCase('an estimator module whose __main__ block fits its own k-means on embeddings it loads: a program', estimatorModule(py`
      if __name__ == "__main__":
          model = KMeans(3).fit(np.load("embeddings.npy"))
          print(model.centers)
    `), 10, /^`torch\.randint` draws from PyTorch's global random generator/, 'import torch', 'torch.manual_seed(SEED)'),
    (() => {
      const code = estimatorModule(py`
        if __name__ == "__main__":
            noise = np.random.rand(100, 2)
            model = KMeans(3)
            model.fit(noise, np.load("labels.npy"))
            print(model.centers)
      `);
      return {
        name: 'the same k-means fitted on drawn rows beside labels it loads: the block works on real data, a program',
        code,
        findings: [{ line: 10, message: /^`torch\.randint` draws from PyTorch's global random generator/ }, { line: 30, message: /^`np\.random\.rand` draws from NumPy's global random generator/ }],
        output: code.replace('import torch\n', 'import torch\nSEED = 42\ntorch.manual_seed(SEED)\n'),
      };
    })(),
    (() => {
      const code = preprocessingModule(py`
        if __name__ == "__main__":
            X = np.random.randn(60, 4)
            y = np.random.choice(["benign", "dos"], 60, p=[0.8, 0.2])
            X_bal, y_bal = balance(X, y)
            clf = LogisticRegression().fit(X_bal, encode(y_bal))
            print(clf.coef_)
      `);
      return {
        name: 'a preprocessing module whose __main__ block also fits a classifier on the drawn rows it resampled: a program',
        code,
        findings: [{ line: 26, message: /^`np\.random\.randn` \(and 1 other draw\) draws from NumPy's global random generator/ }],
        output: seededAfter(code, 'from imblearn.over_sampling import SMOTE, ADASYN', 'np.random.seed(SEED)'),
      };
    })(),
    {
      name: 'a drawn count of loop passes whose body fills a list that a later pass of the outer loop saves: the draw reaches the file',
      code: HELD_OUT_STATES(''),
      findings: [{ line: 11, message: /^`random\.randint` draws from the `random` module's global random generator/ }],
      output: HELD_OUT_STATES('\n  SEED = 42\n  random.seed(SEED)'),
    },
    {
      name: 'a library module\'s client class that trains with an unseeded generator of its own: the modules that import it run its train, and cannot seed that generator',
      code: federatedClientModule('', ''),
      findings: [{ line: 9, message: /^`default_rng\(\)` without a seed takes fresh entropy/ }],
      output: federatedClientModule('SEED', '\n  SEED = 42'),
    },
    {
      name: 'an agent module that registers the Atari environments and then trains at its top level is a program: still reported',
      code: registeredAgentRun,
      findings: [{ line: 19, message: /^`random\.random` \(and 2 other draws\) draws from the `random` module's global random generator/ }],
      output: registeredAgentRun.replace('from torch import nn\n', 'from torch import nn\nSEED = 42\nrandom.seed(SEED)\n'),
    },
    {
      name: 'the patch loader module whose __main__ block trains on batches of the loader it builds is still reported',
      code: PATCH_LOADER_MODULE.replace('loader_2d = PatchDataLoader({"a": 1, "b": 2}, (64, 64), 12)', 'for batch in loader:\n        train_step(batch)'),
      findings: [{ line: 15, message: /^`np\.random\.choice` draws from NumPy's global random generator/ }],
      output: PATCH_LOADER_MODULE.replace('loader_2d = PatchDataLoader({"a": 1, "b": 2}, (64, 64), 12)', 'for batch in loader:\n        train_step(batch)').replace('from batchgenerators.dataloading import SlimDataLoaderBase\n', 'from batchgenerators.dataloading import SlimDataLoaderBase\nSEED = 42\nnp.random.seed(SEED)\n'),
    },
    {
      name: 'the same data set module whose __main__ block trains on the set it builds is still reported',
      code: pointCloudModule('write_index(sys.argv[1])\nd = PointCloudSet(sys.argv[1])\nprint(len(d))\ntrain_classifier(torch.utils.data.DataLoader(d, batch_size=32))'),
      findings: [{ line: 14, message: /^`np\.random\.choice` \(and 1 other draw\) draws from NumPy's global random generator/ }],
      output: pointCloudModule('write_index(sys.argv[1])\nd = PointCloudSet(sys.argv[1])\nprint(len(d))\ntrain_classifier(torch.utils.data.DataLoader(d, batch_size=32))').replace('import torch.utils.data as data\n', 'import torch.utils.data as data\nSEED = 42\nnp.random.seed(SEED)\n'),
    },
    patchClassifierCase('weights drawn in __init__ are still reported when the load may not replace them all (strict=False)',
      '    net = PatchClassifier(64, 10)\n    net.load_state_dict(torch.load(weights, weights_only=True), strict=False)'),
    patchClassifierCase('weights drawn in __init__ are still reported when the load runs only under a condition',
      '    net = PatchClassifier(64, 10)\n    if weights is not None:\n        net.load_state_dict(torch.load(weights, weights_only=True))'),
    patchClassifierCase('weights drawn in __init__ are still reported when the drawn weights are saved before the load',
      '    net = PatchClassifier(64, 10)\n    torch.save(net.state_dict(), "init.pt")\n    net.load_state_dict(torch.load(weights, weights_only=True))'),
    seededCase(
      'a drawn tensor kept as a plain attribute is no state load_state_dict replaces: still reported',
      py`
        import torch
        from torch import nn

        class RandomFeatures(nn.Module):
            def __init__(self, dim, features):
                super().__init__()
                self.projection = torch.randn(dim, features)
                self.head = nn.Linear(features, 1)

            def forward(self, x):
                return self.head(torch.cos(x @ self.projection))

        net = RandomFeatures(16, 256)
        net.load_state_dict(torch.load("head.pt", weights_only=True))
        torch.save(net(torch.load("inputs.pt", weights_only=True)), "scores.pt")
      `,
      7, /^`torch\.randn` draws from PyTorch's global random generator/, 'from torch import nn', 'torch.manual_seed(SEED)',
    ),
    seededCase(
      'a random pick handed to the same loading helper is still reported when what the helper gives back at that call is trained on',
      py`
        import os
        import random
        import numpy as np
        from keras.preprocessing import image

        def load_image(path):
            pixels = image.img_to_array(image.load_img(path, target_size=(32, 32)))
            return np.expand_dims(pixels, axis=0)

        def evaluate(net, names):
            return [net.predict(load_image(n)).argmax() for n in names]

        extra = load_image(random.choice(os.listdir("sprites/train")))
        net.fit(np.concatenate([base_images, extra]), np.append(base_labels, 0))
        print(evaluate(net, ["a.png"]))
      `,
      13, /^`random\.choice` draws from the `random` module's global random generator/, 'from keras.preprocessing import image', 'random.seed(SEED)',
    ),
    seededCase(
      'a helper that draws itself (jitter in a transform) is still reported through each of its calls, one of them the training step',
      py`
        import numpy as np
        import torch

        def to_tensor(frame):
            frame = frame + np.random.normal(0, 2.0, frame.shape)
            return torch.from_numpy(frame.astype(np.float32) / 127.5 - 1.0).permute(0, 3, 1, 2)

        print(to_tensor(np.zeros((1, 8, 8, 3))).shape)
        for frames in np.array_split(np.load("sprites.npy"), 100):
            loss = critic(to_tensor(frames)).mean()
            loss.backward()
            opt.step()
      `,
      5, /^`np\.random\.normal` draws from NumPy's global random generator/, 'import torch', 'np.random.seed(SEED)',
    ),
    seededCase(
      'the same agent script that trains: train is called on the replayed batch, so the exploration reaches the weights',
      kerasAgent(py`
        if __name__ == "__main__":
            env = gym.make("CartPole-v1")
            agent = DQNAgent(4, env.action_space.n)
            for episode in range(200):
                obs, done = env.reset(), False
                while not done:
                    action = agent.act(obs)
                    nxt, reward, done, _ = env.step(action)
                    target = agent.q.predict(obs[None], verbose=0)
                    target[0, action] = reward
                    agent.train(obs[None], target)
                    obs = nxt
      `),
      13, /^`random\.random` \(and 1 other draw\) draws from the `random` module's global random generator/, 'from tensorflow import keras', 'random.seed(SEED)',
    ),
    seededCase(
      'the same policy handed to a project helper that may fit it there: still reported',
      torchPolicy(py`
        from rl_utils import run_reinforce
        policy = SoftmaxPolicy(4, 2)
        run_reinforce(policy, env, episodes=500)
      `),
      14, /^`np\.random\.choice` draws from NumPy's global random generator/, 'import torch', 'np.random.seed(SEED)',
    ),
    seededCase(
      'the same stand-in scorer pickled and also handed to a project helper, which may score with it: still reported',
      standInScorer(py`
        from fraud_checks import smoke_test

        if __name__ == "__main__":
            scorer = PlaceholderScorer(30)
            smoke_test(scorer, n_rows=100)
            with open("models/scorer.pkl", "wb") as f:
                pickle.dump(scorer, f)
      `),
      10, /^`np\.random\.uniform` draws from NumPy's global random generator/, 'import numpy as np', 'np.random.seed(SEED)',
    ),
    seededCase(
      'a stand-in drawn in __getitem__ when a tile fails to load is still reported: that arm runs whenever a file is bad',
      tileScript('        try:\n            tile = self.tiles[index]\n        except IndexError:\n            return self[random.randint(0, len(self) - 1)]'),
      17, /^`random\.randint` draws from the `random` module's global random generator/, 'from torch.utils.data import Dataset, DataLoader', 'random.seed(SEED)',
    ),
    seededCase(
      'a stand-in drawn for an index past a list other than the one __len__ measures is still reported: that list may be the shorter',
      tileScript('        if index >= len(self.tiles):\n            return self.__getitem__(np.random.randint(0, len(self.tiles)))', 'len(self.labels)'),
      15, /^`np\.random\.randint` draws from NumPy's global random generator/, 'from torch.utils.data import Dataset, DataLoader', 'np.random.seed(SEED)',
    ),
    seededCase(
      'a stand-in drawn for an index the method reworked before the test is still reported: it is no longer the index a sampler asked for',
      tileScript('        index = index * 2\n        if index >= len(self):\n            index = random.randrange(len(self.tiles))'),
      16, /^`random\.randrange` draws from the `random` module's global random generator/, 'from torch.utils.data import Dataset, DataLoader', 'random.seed(SEED)',
    ),
    seededCase(
      'an environment setting at the top level does not hide the training run the module also starts there',
      py`
        import os
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        os.environ.setdefault("OMP_NUM_THREADS", "1")


        def fit_subsample(features, labels, limit=500):
            keep = np.random.choice(len(labels), limit, replace=False)
            return LogisticRegression().fit(features[keep], labels[keep])


        print(fit_subsample(np.load("feats.npy"), np.load("labels.npy")).coef_)
      `,
      9, /^`np\.random\.choice` draws from NumPy's global random generator/, 'from sklearn.linear_model import LogisticRegression', 'np.random.seed(SEED)',
    ),
    {
      name: 'draws under flags __init__ keeps on the instance are still reported when a construction turns one on, or the attribute is set again outside the class',
      code: keypointScript('train_set = KeypointSet("train.npy", crop="random")'),
      findings: [{ line: 21, message: /^`random\.randint` \(and 1 other draw\) draws from the `random` module's global random generator/ }],
      output: keypointScript('train_set = KeypointSet("train.npy", crop="random")').replace('from torch.utils.data import Dataset, DataLoader\n', 'from torch.utils.data import Dataset, DataLoader\nSEED = 42\nrandom.seed(SEED)\n'),
    },
    {
      name: 'a draw under a flag __init__ keeps on the instance is still reported when the file sets the attribute again from outside',
      code: keypointScript('train_set = KeypointSet("train.npy")', 'train_set.mirror = True\n'),
      findings: [{ line: 18, message: /^`random\.random` \(and 1 other draw\) draws from the `random` module's global random generator/ }],
      output: keypointScript('train_set = KeypointSet("train.npy")', 'train_set.mirror = True\n').replace('from torch.utils.data import Dataset, DataLoader\n', 'from torch.utils.data import Dataset, DataLoader\nSEED = 42\nrandom.seed(SEED)\n'),
    },
    {
      name: 'a shuffle under `if shuffle:` is still reported when a call leaves its true default or passes a name',
      code: batchesScript('True', 'model.fit(batches(train_samples, 32), epochs=3)\nmodel.predict(batches(val_samples, 32, shuffle=False))'),
      findings: [{ line: 6, message: /^`random\.shuffle` draws from the `random` module's global random generator, which this script never seeds/ }],
      output: batchesScript('True', 'model.fit(batches(train_samples, 32), epochs=3)\nmodel.predict(batches(val_samples, 32, shuffle=False))').replace('from tensorflow import keras\n', 'from tensorflow import keras\nSEED = 42\nrandom.seed(SEED)\n'),
    },
    seededCase(
      'the same helpers module that also draws a plot at its top level runs there: a script, whose draws are followed',
      STYLED_PLOTTING, 19, /`np\.random\.permutation` \(and 1 other draw\)/, 'from sklearn.linear_model import Ridge', 'np.random.seed(SEED)',
    ),
    {
      name: 'a file that seeds only from the operating system is told so, and offered no seed after the import, which its reseed would undo',
      code: py`
        import random
        from sklearn.ensemble import RandomForestClassifier
        def pick_slices(centre, k):
            random.seed(a=None, version=2)
            return random.sample(range(centre - 5, centre + 6), k)
        slices = pick_slices(50, 4)
        RandomForestClassifier(random_state=0).fit(volumes[:, slices], labels)
      `,
      findings: [{ line: 5, message: /^`random\.sample` draws from the `random` module's global random generator, which this script seeds only from the operating system \(`random\.seed\(a=None, version=2\)`, no fixed seed\): the results built on it change from run to run$/ }],
    },
    {
      name: 'a draw in an arm that tests a parameter for the string a call gives it',
      code: biasRemoverScript('BiasRemover(vocoder, probe_kind="noise")'),
      findings: [{ line: 10, message: /^`torch\.randn` draws from PyTorch's global random generator/ }],
      output: seededBiasRemover('BiasRemover(vocoder, probe_kind="noise")'),
    },
    {
      name: 'a draw in an arm that tests a parameter for a string a call may give it: a name, not a literal',
      code: biasRemoverScript('BiasRemover(vocoder, PROBE_KIND)'),
      findings: [{ line: 10, message: /^`torch\.randn` draws from PyTorch's global random generator/ }],
      output: seededBiasRemover('BiasRemover(vocoder, PROBE_KIND)'),
    },
    {
      name: 'a data set module whose __main__ block fills the boxes of each sample into a mask and writes it is a program: the masks are data',
      code: detectionDataset(py`
        if __name__ == "__main__":
            dataset = BoxDataset(load_items("train.txt"))
            for i in range(len(dataset)):
                sample = dataset[i]
                mask = np.zeros(sample["image"].shape[:2], dtype=np.uint8)
                for x1, y1, x2, y2 in sample["boxes"]:
                    cv2.rectangle(mask, (x1, y1), (x2, y2), 255, -1)
                cv2.imwrite(f"masks/{i}.png", mask)
      `),
      findings: [{ line: 15, message: /^`random\.choice` draws from the `random` module's global random generator/ }],
      output: detectionDataset(py`
        if __name__ == "__main__":
            dataset = BoxDataset(load_items("train.txt"))
            for i in range(len(dataset)):
                sample = dataset[i]
                mask = np.zeros(sample["image"].shape[:2], dtype=np.uint8)
                for x1, y1, x2, y2 in sample["boxes"]:
                    cv2.rectangle(mask, (x1, y1), (x2, y2), 255, -1)
                cv2.imwrite(f"masks/{i}.png", mask)
      `).replace('from torch.utils.data import Dataset, DataLoader\n', 'from torch.utils.data import Dataset, DataLoader\nSEED = 42\nrandom.seed(SEED)\n'),
    },
    {
      name: 'a data set module whose __main__ block writes each sample unmarked is a program: the images written are data',
      code: detectionDataset(py`
        if __name__ == "__main__":
            dataset = BoxDataset(load_items("train.txt"))
            for i in range(len(dataset)):
                image = (dataset[i]["image"] * 255).astype(np.uint8)
                cv2.rectangle(dataset[i]["image"], (0, 0), (8, 8), (0, 0, 255))
                cv2.imwrite(f"resized/{i}.jpg", image)
      `),
      findings: [{ line: 15, message: /^`random\.choice` draws from the `random` module's global random generator/ }],
      output: detectionDataset(py`
        if __name__ == "__main__":
            dataset = BoxDataset(load_items("train.txt"))
            for i in range(len(dataset)):
                image = (dataset[i]["image"] * 255).astype(np.uint8)
                cv2.rectangle(dataset[i]["image"], (0, 0), (8, 8), (0, 0, 255))
                cv2.imwrite(f"resized/{i}.jpg", image)
      `).replace('from torch.utils.data import Dataset, DataLoader\n', 'from torch.utils.data import Dataset, DataLoader\nSEED = 42\nrandom.seed(SEED)\n'),
    },
    seededCase(
      'the same model module whose main builds the trainer class and steps it: the file trains',
      samplingModule(charTrainer(), '    CharTrainer(model).step(ids, ids)\n'),
      19, SAMPLED_TOKEN_MESSAGE, 'import torch.nn.functional as F', 'torch.manual_seed(SEED)',
    ),
    {
      name: 'the same drawn weight when the script builds the class and steps it: the read runs and trains',
      code: GLOBAL_MIX_STEPPED,
      output: seededAfter(GLOBAL_MIX_STEPPED, 'import matplotlib.pyplot as plt', 'np.random.seed(SEED)'),
      findings: [{ line: 9, message: /^`np\.random\.beta` draws from NumPy's global random generator/ }],
    },
    mixupCase('the mixup trainer class built and fitted by the script: its draws shape the training, one finding per library', MIXUP_TRAINED),
    seededCase(
      'the same fuzzy rule layer built into the network: the sampled rules shape what is trained',
      FUZZY_RULES_USED, 9, /^`random\.sample` draws from the `random` module's global random generator/, 'import tensorflow.keras.backend as K', 'random.seed(SEED)',
    ),
    seededCase(
      'the unused module class in a script that unpickles a whole network: unpickling rebuilds the module by its class\'s name, and its forward draws noise into the score',
      noisyHeadScript('class NoisyHead(nn.Module):\n', UNPICKLED_SCORED), 9, /^`torch\.randn` \(and 1 other draw\) draws from PyTorch's global random generator/, 'from sklearn.metrics import r2_score', 'torch.manual_seed(SEED)',
    ),
    seededCase(
      'the unused module class with a metaclass beside its base, which may register it: still counts',
      noisyHeadScript('class NoisyHead(nn.Module, metaclass=AutoRegister):\n', TRAINED_SEQUENTIAL), 9, /^`torch\.randn` \(and 1 other draw\) draws from PyTorch's global random generator/, 'from sklearn.metrics import r2_score', 'torch.manual_seed(SEED)',
    ),
    seededCase(
      'the module class built only in the __init__ of a model class the script builds: both run, still counts',
      noisyHeadScript('class NoisyHead(nn.Module):\n', UNBUILT_WRAPPER + TRAINED_SEQUENTIAL + 'print(Wrapper()(X).shape)\n'), 9, /^`torch\.randn` \(and 1 other draw\) draws from PyTorch's global random generator/, 'from sklearn.metrics import r2_score', 'torch.manual_seed(SEED)',
    ),
    seededCase(
      'the unused module class named once outside its body (handed to a registry): still counts',
      noisyHeadScript('class NoisyHead(nn.Module):\n', TRAINED_SEQUENTIAL + 'HEADS = {"noisy": NoisyHead}\n'), 9, /^`torch\.randn` \(and 1 other draw\) draws from PyTorch's global random generator/, 'from sklearn.metrics import r2_score', 'torch.manual_seed(SEED)',
    ),
    seededCase(
      'drawn numbers worked through Keras\' backend math and trained on: still reported',
      kerasBackendScript('model.fit(K.eval(K.softmax(np.random.rand(100, 4))), y, epochs=3)\n'), 9, /^`np\.random\.rand` draws from NumPy's global random generator/, 'from tensorflow.keras import backend as K', 'np.random.seed(SEED)',
    ),
    seededCase(
      'drawn numbers made a Keras variable by the backend (K.variable) in a file that trains: a weight, still reported',
      kerasBackendScript('model.fit(X, y, epochs=3)\nbias = K.variable(np.random.rand(4))\nprint(bias)\n'), 10, /^`np\.random\.rand` draws from NumPy's global random generator/, 'from tensorflow.keras import backend as K', 'np.random.seed(SEED)',
    ),
    mixupCase('the mixup trainer class with a base class, which may build it unnamed, still draws in training', MIXUP_BASED),
    seededCase(
      'a trainer class with a base class, which may build or register it without the file naming it, still trains',
      samplingModule(charTrainer('(BaseTrainer)')),
      19, SAMPLED_TOKEN_MESSAGE, 'import torch.nn.functional as F', 'torch.manual_seed(SEED)',
    ),
    seededCase('a module class of the file that defines its own train() is trained by calling it, with no argument too', POLICY_OWN_TRAIN, 8, /^`torch\.randn` draws from PyTorch's global random generator/, 'from mylab.envs import rollout', 'torch.manual_seed(SEED)'),
    seededCase('a module put in training mode and then trained by an optimizer on its drawn weights is still reported', AFFINE_TRAINED, 7, /^`torch\.randn` draws from PyTorch's global random generator/, 'from torch import nn', 'torch.manual_seed(SEED)'),
    seededCase('indices shuffled for a sampler whose loader is handed to a project helper (it may train there)', LOADER_TO_PROJECT_HELPER, 6, /`np\.random\.shuffle` draws from NumPy's global random generator/, 'import helpers', 'np.random.seed(SEED)'),
    seededCase('rows split by comparing draws with the training share, one part trained on: the comparison carries the draw', MASK_SPLIT_TRAINED, 5, /^`np\.random\.rand` draws from NumPy's global random generator/, 'from sklearn.linear_model import Ridge', 'np.random.seed(SEED)'),
    seededCase(
      'a draw in a function that a data set\'s __getitem__ calls goes where the data set goes: a loader the script trains on',
      jitteredKeypoints('model = torch.nn.Linear(34, 1)\nopt = torch.optim.SGD(model.parameters(), lr=0.1)\nfor x in DataLoader(dataset, batch_size=8, shuffle=True):\n    loss = model(x).mean()\n    opt.zero_grad()\n    loss.backward()\n    opt.step()\nprint(loss.item())\n'),
      7, /^`random\.random` draws from the `random` module's global random generator/, 'from torch.utils.data import Dataset, DataLoader', 'random.seed(SEED)',
    ),
    seededCase(
      'the same probe whose fit is handed callbacks, which may write what it learns, is still followed',
      gpuProbe('lgb.LGBMClassifier(device="gpu", n_estimators=1).fit(np.random.rand(80, 4), np.random.randint(0, 2, 80), callbacks=[lgb.log_evaluation(1)])'),
      7, /^`np\.random\.rand` \(and 1 other draw\) draws from NumPy's global random generator/, 'import pandas as pd', 'np.random.seed(SEED)',
    ),
    {
      name: 'the notebook\'s probe asked for predictions in a later cell keeps what it learned: still followed',
      code: [
        'import numpy as np\nimport pandas as pd\nimport xgboost as xgb\n',
        'try:\n    xgb_probe = xgb.XGBClassifier(tree_method="gpu_hist")\n    xgb_probe.fit(np.random.rand(10, 9), np.random.randint(0, 2, 10))\nexcept Exception:\n    pass\n',
        'train = pd.read_csv("train.csv")\nprint(xgb_probe.predict(train.drop(columns="y")))\n',
      ],
      findings: [{ cell: 1, line: 3, message: /^`np\.random\.rand` \(and 1 other draw\) draws from NumPy's global random generator/ }],
      output: [
        'import numpy as np\nimport pandas as pd\nimport xgboost as xgb\nSEED = 42\nnp.random.seed(SEED)\n',
        'try:\n    xgb_probe = xgb.XGBClassifier(tree_method="gpu_hist")\n    xgb_probe.fit(np.random.rand(10, 9), np.random.randint(0, 2, 10))\nexcept Exception:\n    pass\n',
        'train = pd.read_csv("train.csv")\nprint(xgb_probe.predict(train.drop(columns="y")))\n',
      ],
    },
    seededCase(
      'a script\'s top-level probe, whose name another module may import, is still followed',
      py`
        import numpy as np
        import xgboost as xgb
        probe = xgb.XGBClassifier(tree_method="gpu_hist")
        probe.fit(np.random.rand(10, 9), np.random.randint(0, 2, 10))
      `,
      4, /^`np\.random\.rand` \(and 1 other draw\) draws from NumPy's global random generator/, 'import xgboost as xgb', 'np.random.seed(SEED)',
    ),
    seededCase(
      'the same probe that keeps the booster in a name and saves it is still followed',
      gpuProbe('probe = lgb.LGBMClassifier(device="gpu", n_estimators=1)\n          probe.fit(np.random.rand(80, 4), np.random.randint(0, 2, 80))\n          joblib.dump(probe, "probe.pkl")'),
      8, /^`np\.random\.rand` \(and 1 other draw\) draws from NumPy's global random generator/, 'import pandas as pd', 'np.random.seed(SEED)',
    ),
    seededCase('a data set of draws that a model is trained on is data, in a file that steps an optimizer', RANDOM_DATASET_TRAINED, 4, /`torch\.randn` draws from PyTorch's global random generator/, 'from torch.utils.data import DataLoader, TensorDataset', 'torch.manual_seed(SEED)'),
    seededCase('drawn weights updated by hand from their gradients are trained, even when the gradients are also printed', HAND_UPDATED_WEIGHTS, 2, /`torch\.randn` draws from PyTorch's global random generator/, 'import torch', 'torch.manual_seed(SEED)'),
    seededCase('a model class with drawn weights, handed to a training function the file imports', LAYER_TRAINED_ELSEWHERE, 7, /`torch\.randn` draws from PyTorch's global random generator/, 'from helpers import train_model', 'torch.manual_seed(SEED)'),
    {
      name: 'a drawn row position written into the sample weights of each epoch\'s fit is trained on',
      code: DRAWN_ROW_WEIGHTED,
      findings: [{ line: 17, message: /^`random\.randint` \(and 1 other draw\) draws from the `random` module's global random generator/ }],
      output: seededAfter(DRAWN_ROW_WEIGHTED, 'from tensorflow import keras', 'random.seed(SEED)'),
    },
    seededCase('a lesson\'s drawn TensorFlow variable stepped down its gradient is trained', TF_TAPE_LESSON_STEPPED, 3, /^`tf\.random\.normal` draws from TensorFlow's global random generator/, 'import tensorflow as tf', 'tf.random.set_seed(SEED)'),
    seededCase('a lesson\'s drawn TensorFlow variable whose gradients an optimizer applies is trained', TF_TAPE_LESSON_OPTIMIZED, 3, /^`tf\.random\.normal` draws from TensorFlow's global random generator/, 'import tensorflow as tf', 'tf.random.set_seed(SEED)'),
    {
      name: 'a notebook that shows a drawn variable and then trains drawn weights is reported at the trained weights',
      code: TF_LESSON_THEN_TRAINED,
      findings: [{ cell: 3, line: 3, message: /^`tf\.random\.uniform` \(and 1 other draw\) draws from TensorFlow's global random generator/ }],
      output: ['import tensorflow as tf\nSEED = 42\ntf.random.set_seed(SEED)\n', ...TF_LESSON_THEN_TRAINED.slice(1)],
    },
    {
      name: 'noise added through keras.ops to the images a model then trains on',
      code: py`
        import keras
        import numpy as np

        images = np.load("digits.npy")
        noisy = keras.ops.clip(images + np.random.normal(0, 0.3, images.shape), 0.0, 1.0)
        autoencoder.fit(noisy, images, epochs=5)
      `,
      findings: [{ line: 5, message: /^`np\.random\.normal` draws from NumPy's global random generator/ }],
      output: py`
        import keras
        import numpy as np
        SEED = 42
        np.random.seed(SEED)

        images = np.load("digits.npy")
        noisy = keras.ops.clip(images + np.random.normal(0, 0.3, images.shape), 0.0, 1.0)
        autoencoder.fit(noisy, images, epochs=5)
      `,
    },
    seededLesson('a lesson\'s drawn leaf tensor handed to an optimizer that steps it is a weight, even after one backward pass', LESSON_LEAF_STEPPED, 1, /^`torch\.rand` draws from PyTorch's global random generator/),
    seededCase(
      'drawn inputs pushed through a model before the checked loss: its weights are in the graph the backward pass fills',
      MODEL_LOSS_CHECK, 7, /^`torch\.randn` \(and 1 other draw\) draws from PyTorch's global random generator/, 'from corpus import load_pairs', 'torch.manual_seed(SEED)',
    ),
    seededCase(
      'a drawn tensor an optimizer is built over is a weight, whatever computes its loss',
      DRAWN_TENSOR_OPTIMIZED, 4, /^`torch\.randn` draws from PyTorch's global random generator/, 'from src.training.losses import prior_penalty', 'torch.manual_seed(SEED)',
    ),
    seededCase(
      'a project loss handed the model with a drawn batch: the model is in the graph',
      MODEL_HANDED_TO_LOSS, 6, /^`torch\.randint` draws from PyTorch's global random generator/, 'from src.training.losses import sequence_loss', 'torch.manual_seed(SEED)',
    ),
    seededLesson('a lesson\'s drawn leaf tensor updated with its gradient after the backward pass is trained', LESSON_LEAF_UPDATED, 1, /^`torch\.rand` draws from PyTorch's global random generator/),
    seededLesson('a lesson\'s leaf tested by a loop that also steps an optimizer decides how long the model trains', LESSON_LOOP_STEPS, 2, /^`torch\.randn` draws from PyTorch's global random generator/),
    seededLesson('a lesson\'s leaf tested by a loop that counts its rounds in another name carries the draw on', LESSON_LOOP_COUNTED, 1, /^`torch\.randn` draws from PyTorch's global random generator/),
    seededCase('a drawn value a for loop does not bind again is scored in its body and kept', DRAW_SCORED_IN_LOOP, 5, /^`np\.random\.normal` draws from NumPy's global random generator/, 'from sklearn.metrics import roc_auc_score', 'np.random.seed(SEED)'),
    seededCase('drawn weights descended by hand, the loss a reduced parenthesised expression, are trained', DESCENT_ON_DRAWN_WEIGHTS, 2, /^`torch\.randn` draws from PyTorch's global random generator/, 'import torch', 'torch.manual_seed(SEED)'),
    seededCase('a timed Keras fit whose timer callback also prints the loss it is handed shows what was learned', KERAS_TIMED_FIT_LOGS_READ, 8, /^`tf\.random\.uniform` \(and 1 other draw\) draws from TensorFlow's global random generator/, 'import horovod.tensorflow.keras as hvd', 'tf.random.set_seed(SEED)'),
    seededCase('a Keras fit left at its default verbosity prints the loss of every epoch', KERAS_FIT_VERBOSE, 6, /^`tf\.random\.normal` \(and 1 other draw\) draws from TensorFlow's global random generator/, 'import tensorflow as tf', 'tf.random.set_seed(SEED)'),
    seededCase('a quiet Keras fit whose model is evaluated afterwards is scored', KERAS_FIT_THEN_EVALUATED, 6, /^`tf\.random\.normal` \(and 1 other draw\) draws from TensorFlow's global random generator/, 'import tensorflow as tf', 'tf.random.set_seed(SEED)'),
    seededCase('a timed Keras fit handed a TensorBoard callback too writes the loss of every epoch', KERAS_TIMED_FIT_TENSORBOARD, 8, /^`tf\.random\.uniform` \(and 1 other draw\) draws from TensorFlow's global random generator/, 'import horovod.tensorflow.keras as hvd', 'tf.random.set_seed(SEED)'),
    seededCase('a step timed by timeit that the script also calls in a loop of its own trains the model', TIMEIT_STEP_ALSO_CALLED, 9, /`torch\.randn` \(and 1 other draw\) draws from PyTorch's global random generator/, 'from torchvision import models', 'torch.manual_seed(SEED)'),
    seededCase('a step timed by timeit in a script that then saves the model it trained', TIMEIT_STEP_THEN_SAVED, 9, /`torch\.randn` \(and 1 other draw\) draws from PyTorch's global random generator/, 'from torchvision import models', 'torch.manual_seed(SEED)'),
    seededCase('a step timed by timeit beside an optimizer stepped in a loop outside the timer trains the model', TIMEIT_STEP_AND_LOOP, 9, /`torch\.randn` \(and 1 other draw\) draws from PyTorch's global random generator/, 'from torchvision import models', 'torch.manual_seed(SEED)'),
    seededCase('a timed training step whose optimizer applies the gradients trains the model it saves', TIMED_TRAINING_STEP, 7, /`torch\.randn` draws from PyTorch's global random generator/, 'from mylab.layers import FusedLinear', 'torch.manual_seed(SEED)'),
    seededCase('gradients cleared between passes and also applied by hand train the layer', TIMED_CLEARED_THEN_UPDATED, 6, /`torch\.randn` draws from PyTorch's global random generator/, 'from mylab.layers import FusedLinear', 'torch.manual_seed(SEED)'),
    seededCase('gradients applied by hand through .grad train the weights', MANUAL_SGD, 5, /`torch\.randn` draws from PyTorch's global random generator/, 'from torch import nn', 'torch.manual_seed(SEED)'),
    seededCase('a gradient tested for being non-zero and then stepped down by hand trains the weights', GRADIENT_TESTED_THEN_APPLIED, 5, /`torch\.randn` draws from PyTorch's global random generator/, 'from mylab.models import ProtoNet', 'torch.manual_seed(SEED)'),
    seededCase('noise handed to a function of the file that fits it reaches a result through its parameter', NOISE_THROUGH_OWN_FUNCTIONS, 13, /`np\.random\.normal` draws from NumPy's global random generator/, 'from sklearn.linear_model import Ridge', 'np.random.seed(SEED)'),
    seededCase('noise handed to a function of the file that plots it and returns it with the image comes back at the call, and is trained on there', py`
      import matplotlib.pyplot as plt
      import numpy as np
      from tensorflow import keras

      def show_noisy(image, noise):
          noisy = image + noise
          plt.imshow(noisy[0], cmap="gray")
          return noisy

      clean = np.load("tiles.npy")
      noisy = show_noisy(clean, np.random.normal(0, 0.1, clean.shape))
      model = keras.Sequential([keras.layers.Dense(64)])
      model.compile(optimizer="adam", loss="mse")
      model.fit(noisy, clean, epochs=5)
    `, 11, /`np\.random\.normal` draws from NumPy's global random generator/, 'from tensorflow import keras', 'np.random.seed(SEED)'),
    seededCase('rows drawn, trained on and then logged as the MLflow input example are still a training draw', MLFLOW_EXAMPLE_TRAINED, 4, /`np\.random\.rand` \(and 1 other draw\) draws from NumPy's global random generator/, 'from sklearn.linear_model import Ridge', 'np.random.seed(SEED)'),
    seededCase('a drawn delay that is also written into each sample is data, not only a wait', JITTER_KEPT_IN_SAMPLE, 12, /`random\.uniform` draws from the `random` module's global random generator/, 'from torch.utils.data import Dataset', 'random.seed(SEED)'),
    seededCase('scvi-tools seed setting assigned None sets no seed', SCVI_SEED_NONE, 5, /`np\.random\.choice` draws from NumPy's global random generator/, 'import scvi', 'np.random.seed(SEED)'),
    seededCase('a seed written on the file\'s own object (args.seed = 42) seeds no library', ARGS_SEED_ATTRIBUTE, 6, /`torch\.randn` draws from PyTorch's global random generator/, 'import torch', 'torch.manual_seed(SEED)'),
    seededCase('a script that loads its .env file and also trains at top level is a program', DOTENV_SCRIPT, 7, /`np\.random\.rand` draws from NumPy's global random generator/, 'from sklearn.linear_model import LogisticRegression', 'np.random.seed(SEED)'),
    seededCase('a script that installs python-future\'s import aliases and also trains at top level is a program', FUTURE_ALIASES_SCRIPT, 7, /`np\.random\.rand` draws from NumPy's global random generator/, 'from sklearn.linear_model import LogisticRegression', 'np.random.seed(SEED)'),
    seededCase('a script that extends the import path and also trains at top level is a program', SYS_PATH_EXTEND_SCRIPT, 7, /`np\.random\.rand` draws from NumPy's global random generator/, 'from sklearn.linear_model import LogisticRegression', 'np.random.seed(SEED)'),
    seededCase('a script that fixes the numeric locale and also trains at top level is a program', LOCALE_SCRIPT, 7, /`np\.random\.rand` draws from NumPy's global random generator/, 'from sklearn.linear_model import LogisticRegression', 'np.random.seed(SEED)'),
    seededCase('a script that picks tensorly\'s backend and then trains at top level is a program', BACKEND_SCRIPT, 5, /`torch\.rand` draws from PyTorch's global random generator/, 'import tensorly as tl', 'torch.manual_seed(SEED)'),
    seededCase('graph-mode training helpers whose __main__ block fine-tunes and saves a model are a program', GRAPH_MODE_FINE_TUNING, 10, /`np\.random\.shuffle` draws from NumPy's global random generator/, 'import tensorflow as tf', 'np.random.seed(SEED)'),
    seededCase('a script that allow-lists a class for safe loading and then trains at top level is a program', ALLOW_LISTED_TRAINING_SCRIPT, 6, /`torch\.randn` draws from PyTorch's global random generator/, 'from mylab.state import RunState', 'torch.manual_seed(SEED)'),
    seededCase('a module that skips without triton and then trains at its top level is a program', TRITON_TRAINING_SCRIPT, 5, /`torch\.randn` draws from PyTorch's global random generator/, 'import torch', 'torch.manual_seed(SEED)'),
    seededCase('a training step run under a FLOP counter still trains on the draw', FLOP_COUNTED_STEP, 7, /`torch\.randn` draws from PyTorch's global random generator/, 'from mylab.models import UNet1d', 'torch.manual_seed(SEED)'),
    seededCase('a ColossalAI launcher given seed=None seeds nothing (its first argument is the config, not a seed)', COLOSSAL_SEED_NONE, 6, /`torch\.randn_like` draws from PyTorch's global random generator/, 'import torch', 'torch.manual_seed(SEED)'),
    seededCase('MONAI set_determinism(seed=None) switches determinism off and seeds nothing', MONAI_DETERMINISM_OFF, 6, /`torch\.randn_like` draws from PyTorch's global random generator/, 'from monai.utils import set_determinism', 'torch.manual_seed(SEED)'),
    seededCase('strings of letters and digits drawn over and over (a captcha per image) are data', CAPTCHA_TEXTS, 7, /`random\.choices` draws from the `random` module's global random generator/, 'import string', 'random.seed(SEED)'),
    seededCase('a word of letters alone drawn once and trained on is data', LETTERS_ONLY, 4, /`random\.choices` draws from the `random` module's global random generator/, 'import torch', 'random.seed(SEED)'),
    seededCase('digits alone joined once and kept bare, then trained on, are data', py`
      import random
      import string
      import numpy as np
      code = "".join(random.choices(string.digits, k=8))
      model.fit(np.array([[int(c) for c in code]]), [1])
    `, 4, /`random\.choices` draws from the `random` module's global random generator/, 'import numpy as np', 'random.seed(SEED)'),
    seededCase('digits joined into a prefixed string in every pass of a loop, then trained on, are data', py`
      import random
      import string
      ids = []
      for _ in range(1000):
          ids.append("user-" + "".join(random.choices(string.digits, k=5)))
      model.fit(vectorizer.fit_transform(ids), labels)
    `, 5, /`random\.choices` draws from the `random` module's global random generator/, 'import string', 'random.seed(SEED)'),
    seededCase('digits joined once into text that is then parsed back to a number and trained on are data', py`
      import random
      import string
      import numpy as np
      tag = "7" + "".join(random.choices(string.digits, k=3))
      model.fit(np.array([[int(tag)]]), [1])
    `, 4, /`random\.choices` draws from the `random` module's global random generator/, 'import numpy as np', 'random.seed(SEED)'),
    seededCase('a model\'s own score on drawn rows that is kept among the metrics, not only asserted, is a result', MODEL_SCORE_REPORTED, 3, /`np\.random\.rand` draws from NumPy's global random generator/, 'import numpy as np', 'np.random.seed(SEED)'),
    {
      name: 'labels drawn at random and one-hot encoded by a Keras helper are still trained on',
      code: py`
        import numpy as np
        from tensorflow import keras
        y = keras.utils.to_categorical(np.random.randint(0, 10, size=1000), num_classes=10)
        model.fit(x, y, epochs=3)
      `,
      findings: [{ line: 3, message: /`np\.random\.randint` draws from NumPy's global random generator/ }],
      output: py`
        import numpy as np
        from tensorflow import keras
        SEED = 42
        np.random.seed(SEED)
        y = keras.utils.to_categorical(np.random.randint(0, 10, size=1000), num_classes=10)
        model.fit(x, y, epochs=3)
      `,
    },
    seededCase('draws kept in an xarray Dataset whose arrays are then trained on are still reported', XARRAY_TRAINED, 4, /`np\.random\.rand` draws from NumPy's global random generator/, 'from sklearn.linear_model import Ridge', 'np.random.seed(SEED)'),
    seededCase('rows shuffled before the trainer is built, and an augmentation mapped in its arguments, are not seeded by it', SHUFFLED_BEFORE_TRAINER, 4, /`random\.shuffle` \(and 1 other draw\) draws from the `random` module's global random generator, which this script seeds only as it builds `SFTTrainer`/, 'from trl import SFTConfig, SFTTrainer', 'random.seed(SEED)'),
    {
      name: 'a data set shown as a cell value is still reported when it is trained on, or handed to a call on a line of its own',
      code: [
        'import numpy as np\nimport tensorflow as tf\n',
        'ds = tf.data.Dataset.from_tensor_slices(tf.random.normal([64, 3]))\nds\n',
        'model.fit(ds.batch(8), epochs=2)\n',
        'examples = tf.data.Dataset.from_tensor_slices(np.random.rand(200, 3))\nexamples\n',
        'run_training(examples)\n',
      ],
      findings: [{ cell: 1, line: 1, message: /tf\.random\.normal/ }, { cell: 3, line: 1, message: /np\.random\.rand/ }],
      output: [
        'import numpy as np\nimport tensorflow as tf\nSEED = 42\ntf.random.set_seed(SEED)\n',
        'ds = tf.data.Dataset.from_tensor_slices(tf.random.normal([64, 3]))\nds\n',
        'model.fit(ds.batch(8), epochs=2)\n',
        'examples = tf.data.Dataset.from_tensor_slices(np.random.rand(200, 3))\nexamples\n',
        'run_training(examples)\n',
      ],
    },
    {
      name: 'a data set of random rows enumerated with a counter and trained on batch by batch is still reported',
      code: [
        'import numpy as np\nimport tensorflow as tf\nnoise = np.random.uniform(-1, 1, size=(500, 8))\npipeline = tf.data.Dataset.from_tensor_slices((noise, targets))\n',
        'for n, (xb, yb) in enumerate(pipeline.batch(50)):\n    loss = net.train_on_batch(xb, yb)\n    if n >= 2:\n        break\n',
      ],
      findings: [{ cell: 0, line: 3, message: /np\.random\.uniform/ }],
      output: [
        'import numpy as np\nimport tensorflow as tf\nSEED = 42\nnp.random.seed(SEED)\nnoise = np.random.uniform(-1, 1, size=(500, 8))\npipeline = tf.data.Dataset.from_tensor_slices((noise, targets))\n',
        'for n, (xb, yb) in enumerate(pipeline.batch(50)):\n    loss = net.train_on_batch(xb, yb)\n    if n >= 2:\n        break\n',
      ],
    },
    {
      name: 'a data set of random data that is trained on, or handed on where it cannot be followed, is still reported',
      code: py`
        import numpy as np
        import torch
        import tensorflow as tf
        data = tf.data.Dataset.from_tensor_slices((np.random.rand(100, 4), labels)).batch(8)
        for x, y in data.take(1):
            print(x)
        model.fit(data, epochs=3)
        loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 3)), batch_size=8)
        run_experiment(loader)
      `,
      findings: [{ line: 4, message: /np\.random\.rand/ }, { line: 8, message: /torch\.randn/ }],
      output: py`
        import numpy as np
        import torch
        import tensorflow as tf
        SEED = 42
        np.random.seed(SEED)
        data = tf.data.Dataset.from_tensor_slices((np.random.rand(100, 4), labels)).batch(8)
        for x, y in data.take(1):
            print(x)
        model.fit(data, epochs=3)
        loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(64, 3)), batch_size=8)
        run_experiment(loader)
      `,
    },
    {
      name: 'random features rescaled by a scaler and then trained on are still training data',
      code: py`
        import numpy as np
        from sklearn.preprocessing import StandardScaler
        from sklearn.linear_model import LogisticRegression
        scaler = StandardScaler()
        X = scaler.fit_transform(np.random.randn(200, 3))
        LogisticRegression().fit(X, y)
      `,
      findings: [{ line: 5, message: /np\.random\.randn/ }],
      output: py`
        import numpy as np
        from sklearn.preprocessing import StandardScaler
        from sklearn.linear_model import LogisticRegression
        SEED = 42
        np.random.seed(SEED)
        scaler = StandardScaler()
        X = scaler.fit_transform(np.random.randn(200, 3))
        LogisticRegression().fit(X, y)
      `,
    },
    {
      name: 'a function that returns nothing but writes its draws into the batch is a collator hook',
      code: py`
        import numpy as np
        from torch.utils.data import DataLoader
        def jitter(batch):
            batch["x"] += np.random.normal(0, 0.1, batch["x"].shape)
        loader = DataLoader(ds, batch_size=32, collate_fn=jitter)
        fit(model, loader)
      `,
      findings: [{ line: 4, message: /np\.random\.normal/ }],
      output: py`
        import numpy as np
        from torch.utils.data import DataLoader
        SEED = 42
        np.random.seed(SEED)
        def jitter(batch):
            batch["x"] += np.random.normal(0, 0.1, batch["x"].shape)
        loader = DataLoader(ds, batch_size=32, collate_fn=jitter)
        fit(model, loader)
      `,
    },
    {
      name: 'noise passed through a stateless functional layer still reaches the loss; a printed random-baseline metric is a result',
      code: py`
        import numpy as np
        import torch
        import torch.nn.functional as F
        from sklearn.metrics import accuracy_score
        x = F.relu(inputs + torch.randn(inputs.shape))
        loss = F.cross_entropy(net(x), targets)
        loss.backward()
        opt.step()
        baseline = accuracy_score(y_test, np.random.randint(0, 2, len(y_test)))
        print(baseline)
      `,
      findings: [{ line: 5, message: /torch\.randn/ }, { line: 9, message: /np\.random\.randint/ }],
      output: py`
        import numpy as np
        import torch
        import torch.nn.functional as F
        from sklearn.metrics import accuracy_score
        SEED = 42
        torch.manual_seed(SEED)
        x = F.relu(inputs + torch.randn(inputs.shape))
        loss = F.cross_entropy(net(x), targets)
        loss.backward()
        opt.step()
        baseline = accuracy_score(y_test, np.random.randint(0, 2, len(y_test)))
        print(baseline)
      `,
    },
    {
      name: 'a draw in a model class whose values are used (noise added in forward) is still reported, even beside a shape question',
      code: py`
        import torch
        import torch.nn as nn
        class Noisy(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(4, 2)
            def forward(self, x):
                noise = torch.randn(x.shape)
                print(noise.shape)
                return self.fc(x + noise)
        model = Noisy()
        torch.optim.SGD(model.parameters(), lr=0.1).step()
      `,
      findings: [{ line: 8, message: /torch\.randn/ }],
      output: py`
        import torch
        import torch.nn as nn
        SEED = 42
        torch.manual_seed(SEED)
        class Noisy(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(4, 2)
            def forward(self, x):
                noise = torch.randn(x.shape)
                print(noise.shape)
                return self.fc(x + noise)
        model = Noisy()
        torch.optim.SGD(model.parameters(), lr=0.1).step()
      `,
    },
    {
      name: 'a drawn channel subset that the fit keeps is reported, after an export sample that gives only a shape',
      code: py`
        import torch
        class Extractor(torch.nn.Module):
            def forward(self, x):
                return self.body(x)
            def export(self):
                sample = torch.rand((1, 3, 224, 224))
                torch.onnx.dynamo_export(self, sample).save("extractor.onnx")
            def fit(self, loader):
                for batch in loader:
                    feats = self.body(batch)
                    if self.keep is None:
                        self.keep = torch.randperm(feats.shape[1])[:100]
                    self.bank.append(feats[:, self.keep])
                torch.save(self.bank, "bank.pt")
        ext = Extractor()
        ext.fit(loader)
      `,
      findings: [{ line: 12, related: 1, message: /^\`torch\.randperm\` \(and 1 other draw\) draws from PyTorch's global random generator/ }],
      output: py`
        import torch
        SEED = 42
        torch.manual_seed(SEED)
        class Extractor(torch.nn.Module):
            def forward(self, x):
                return self.body(x)
            def export(self):
                sample = torch.rand((1, 3, 224, 224))
                torch.onnx.dynamo_export(self, sample).save("extractor.onnx")
            def fit(self, loader):
                for batch in loader:
                    feats = self.body(batch)
                    if self.keep is None:
                        self.keep = torch.randperm(feats.shape[1])[:100]
                    self.bank.append(feats[:, self.keep])
                torch.save(self.bank, "bank.pt")
        ext = Extractor()
        ext.fit(loader)
      `,
    },
    {
      name: 'a random tensor handed to the dynamo exporter and also trained on is real data',
      code: py`
        import torch
        probe = torch.randn(8, 16)
        program = torch.onnx.dynamo_export(net, probe)
        loss = criterion(net(probe), target)
        loss.backward()
        opt.step()
      `,
      findings: [{ line: 2, column: 9, message: /^\`torch\.randn\` draws from PyTorch's global random generator/ }],
      output: py`
        import torch
        SEED = 42
        torch.manual_seed(SEED)
        probe = torch.randn(8, 16)
        program = torch.onnx.dynamo_export(net, probe)
        loss = criterion(net(probe), target)
        loss.backward()
        opt.step()
      `,
    },
    {
      name: 'a random tensor traced and also used to train is real data',
      code: py`
        import torch
        probe = torch.randn(8, 16)
        traced = torch.jit.trace(net, probe)
        loss = criterion(net(probe), target)
        loss.backward()
        opt.step()
      `,
      findings: [{ line: 2, column: 9, message: /^\`torch\.randn\` draws from PyTorch's global random generator/ }],
      output: py`
        import torch
        SEED = 42
        torch.manual_seed(SEED)
        probe = torch.randn(8, 16)
        traced = torch.jit.trace(net, probe)
        loss = criterion(net(probe), target)
        loss.backward()
        opt.step()
      `,
    },
    {
      name: 'synthetic training data; the fix seeds after the seed constant that follows the import',
      code: py`
        import numpy as np
        SEED = 1
        X = np.random.rand(100, 1)
        y = 4 + 3 * X + np.random.randn(100, 1)
        model.fit(X, y)
      `,
      findings: [{ line: 3, column: 5, message: /\(and 1 other draw\).*NumPy's global random generator.*never seeds/, related: 1 }],
      safety: 'unsafe',
      output: py`
        import numpy as np
        SEED = 1
        np.random.seed(SEED)
        X = np.random.rand(100, 1)
        y = 4 + 3 * X + np.random.randn(100, 1)
        model.fit(X, y)
      `,
    },
    {
      name: 'seed constant defined before the import is reused; a shuffled index splits the data',
      code: py`
        SEED = 3
        import numpy as np
        idx = np.random.permutation(len(X))
        X_train, X_test = X[idx[:800]], X[idx[800:]]
        clf.fit(X_train, y[idx[:800]])
      `,
      findings: [{ line: 3, related: 0 }],
      output: py`
        SEED = 3
        import numpy as np
        np.random.seed(SEED)
        idx = np.random.permutation(len(X))
        X_train, X_test = X[idx[:800]], X[idx[800:]]
        clf.fit(X_train, y[idx[:800]])
      `,
    },
    {
      name: 'from-import of a draw function and an in-place shuffle of training rows',
      code: py`
        import random
        from numpy.random import randn
        from torch.utils.data import DataLoader
        random.shuffle(rows)
        train_loader = DataLoader(rows, batch_size=32)
        noise = randn(5)
        model.fit(noise, labels)
      `,
      findings: [{ line: 4, message: /the `random` module's global random generator/ }, { line: 6, message: /NumPy's/ }],
      output: py`
        import random
        from numpy.random import randn
        from torch.utils.data import DataLoader
        SEED = 42
        random.seed(SEED)
        random.shuffle(rows)
        train_loader = DataLoader(rows, batch_size=32)
        noise = randn(5)
        model.fit(noise, labels)
      `,
    },
    {
      name: 'a shuffled list whose items a comprehension reads, or that is joined after the shuffle, is still training data',
      code: py`
        from random import shuffle
        import joblib
        import pandas as pd
        from sklearn.model_selection import train_test_split
        def prepare(pos_docs, neg_docs):
            shuffle(pos_docs)
            cleaned = [doc.lower() for doc in pos_docs]
            frame = pd.DataFrame({"text": cleaned})
            return train_test_split(frame, test_size=0.2, random_state=0)
        def join(pos_docs, neg_docs):
            shuffle(neg_docs)
            corpus = pos_docs + neg_docs
            labels = [1 for _ in pos_docs] + [0 for _ in neg_docs]
            return train_test_split(corpus, labels, test_size=0.2, random_state=0)
        joblib.dump(prepare(load("pos"), load("neg")), "parts.pkl")
        joblib.dump(join(load("pos"), load("neg")), "rows.pkl")
      `,
      findings: [{ line: 6, message: /`shuffle` \(and 1 other draw\) draws from the `random` module's global random generator/, related: 1 }],
    },
    {
      name: 'seeding only PyTorch\'s CUDA generators leaves NumPy unseeded',
      code: py`
        import numpy as np
        import torch
        torch.cuda.manual_seed_all(0)
        X = np.random.rand(100, 4)
        model.fit(X, y)
      `,
      findings: [{ line: 4, message: /NumPy's global random generator/ }],
      output: py`
        import numpy as np
        import torch
        SEED = 42
        np.random.seed(SEED)
        torch.cuda.manual_seed_all(0)
        X = np.random.rand(100, 4)
        model.fit(X, y)
      `,
    },
    {
      name: 'numpy draw without a module alias offers no fix',
      code: py`
        from numpy.random import randn
        z = randn(5)
        model.fit(z.reshape(-1, 1), y)
      `,
      findings: [{ line: 2 }],
      noFix: true,
    },
    seededCase(
      'a draw handed to a helper of the file that fits in its body, or that hands the rows back after a None check',
      py`
        import numpy as np

        def fit_on(rows):
            model.fit(rows, y[: len(rows)])

        def labelled(rows, title=None):
            if title is not None:
                print(title)
            return rows

        fit_on(X[np.random.permutation(len(X))])
        clf.fit(labelled(X[np.random.choice(len(X), 50)], title="subsample"), y[:50])
      `,
      11, /\(and 1 other draw\)/, 'import numpy as np', 'np.random.seed(SEED)',
    ),
    seededCase(
      'a draw under `if <parameter> is None:` whose parameter is no seed (a batch offset), not a fallback',
      py`
        import numpy as np
        import torch

        def next_batch(X, y, size=32, start=None):
            if start is None:
                rows = np.random.randint(0, len(X), size=size)
            else:
                rows = range(start, min(start + size, len(X)))
            return torch.tensor(X[rows]), torch.tensor(y[rows])

        def train(net, X, y, epochs=3):
            opt = torch.optim.Adam(net.parameters())
            for _ in range(epochs):
                xb, yb = next_batch(X, y)
                loss = ((net(xb) - yb) ** 2).mean()
                opt.zero_grad()
                loss.backward()
                opt.step()

        train(net, X, y)
      `,
      6, /`np\.random\.randint` draws from NumPy's global random generator/, 'import torch', 'np.random.seed(SEED)',
    ),
    {
      name: 'an unseeded generator under `if <loaded value> is None:`, which the caller did not choose',
      code: LOADED_STATE_FALLBACK,
      findings: [{ line: 7, message: /`RandomState\(\)` without a seed/ }],
      output: LOADED_STATE_FALLBACK.replace('import numpy as np\n', 'import numpy as np\nSEED = 42\n').replace('RandomState()', 'RandomState(SEED)'),
    },
    {
      name: 'an unseeded generator behind `or` of a value the program loaded, not a parameter',
      code: py`
        import numpy as np

        saved = load_state("rng.pkl")
        rng = saved or np.random.RandomState()
        order = rng.permutation(len(X))
        model.fit(X[order], y[order])
      `,
      findings: [{ line: 4, message: /`RandomState\(\)` without a seed/ }],
      output: py`
        import numpy as np
        SEED = 42

        saved = load_state("rng.pkl")
        rng = saved or np.random.RandomState(SEED)
        order = rng.permutation(len(X))
        model.fit(X[order], y[order])
      `,
    },
    {
      name: 'weights drawn in a hand-written network, and default_rng() feeding a split',
      code: py`
        import torch
        import numpy as np
        from sklearn.model_selection import train_test_split

        class Net:
            def __init__(self):
                self.w = torch.randn(3, 3)

            def forward(self, x):
                return x @ self.w

        rng = np.random.default_rng()
        X_tr, X_te = train_test_split(X, random_state=rng.integers(1000))
        print(len(X_tr))
        print(Net().forward(X_te))
      `,
      findings: [{ line: 7, message: /PyTorch/ }, { line: 12, message: /default_rng\(\)` without a seed/ }],
      fixIndex: 1,
      output: py`
        import torch
        import numpy as np
        from sklearn.model_selection import train_test_split
        SEED = 42

        class Net:
            def __init__(self):
                self.w = torch.randn(3, 3)

            def forward(self, x):
                return x @ self.w

        rng = np.random.default_rng(SEED)
        X_tr, X_te = train_test_split(X, random_state=rng.integers(1000))
        print(len(X_tr))
        print(Net().forward(X_te))
      `,
    },
    {
      name: 'notebook: the seed constant and the seeding line go into the import cell',
      code: ['import numpy as np\n', 'X = np.random.randn(100, 2)\n', 'km = KMeans(3).fit(X)\n'],
      findings: [{ cell: 1, line: 1 }],
      output: ['import numpy as np\nSEED = 42\nnp.random.seed(SEED)\n', 'X = np.random.randn(100, 2)\n', 'km = KMeans(3).fit(X)\n'],
    },
    seededCase('a __main__ block whose one backward pass is followed by an optimizer step trains', ONE_BACKWARD_THEN_STEP, 7, /^`torch\.randn`/, 'from torch import nn', 'torch.manual_seed(SEED)'),
    seededCase('a __main__ block that backpropagates in a loop and applies the gradients trains', BACKWARD_IN_LOOP, 7, /^`torch\.randn`/, 'from torch import nn', 'torch.manual_seed(SEED)'),
    seededCase('a __main__ block that calls the file\'s own training function is a program', MAIN_CALLS_TRAINING, 10, /^`random\.random` draws from the `random` module's global random generator/, 'from torch.utils.data import Dataset', 'random.seed(SEED)'),
    seededCase('a __main__ block whose function trains through a method of the file\'s own trainer class is a program', MAIN_DRIVES_TRAINER, 10, /^`random\.randint` draws from the `random` module's global random generator/, 'from torch.utils.data import Dataset', 'random.seed(SEED)'),
    seededCase('a command-line tool is a program even when its __main__ block only calls the app', CLI_TOOL, 10, /^`random\.shuffle` draws from the `random` module's global random generator/, 'import typer', 'random.seed(SEED)'),
    {
      name: 'a module that logs and also runs its training at top level is a program',
      code: LOGS_AND_TRAINS,
      findings: [{ line: 9 }],
      output: seededAfter(LOGS_AND_TRAINS, 'import numpy as np', 'np.random.seed(SEED)'),
    },
    {
      name: 'script with top-level work: a draw inside a training step counts',
      code: py`
        import numpy as np

        def train(network, features, targets):
            for step in range(100):
                batch = np.random.choice(len(features), size=128)
                network.train(features[batch], targets[batch])

        train(net, X, y)
      `,
      findings: [{ line: 5 }],
      output: py`
        import numpy as np
        SEED = 42
        np.random.seed(SEED)

        def train(network, features, targets):
            for step in range(100):
                batch = np.random.choice(len(features), size=128)
                network.train(features[batch], targets[batch])

        train(net, X, y)
      `,
    },
    {
      name: 'a helper the collator calls, also mapped over the rows before the trainer is built',
      code: HELPER_MAPPED_BEFORE_TRAINER,
      findings: [{ line: 5 }],
      output: seededAfter(HELPER_MAPPED_BEFORE_TRAINER, 'from transformers import Trainer, TrainingArguments', 'random.seed(SEED)'),
    },
    {
      name: 'a masking collator handed to the trainer',
      code: py`
        import numpy as np

        def mask_words(features):
            for feature in features:
                mask = np.random.binomial(1, 0.2, (len(feature["ids"]),))
                feature["labels"] = np.where(mask, feature["ids"], -100)
            return features

        trainer = Trainer(model=model, train_dataset=ds, data_collator=mask_words)
        trainer.train()
      `,
      findings: [{ line: 5 }],
      output: py`
        import numpy as np
        SEED = 42
        np.random.seed(SEED)

        def mask_words(features):
            for feature in features:
                mask = np.random.binomial(1, 0.2, (len(feature["ids"]),))
                feature["labels"] = np.where(mask, feature["ids"], -100)
            return features

        trainer = Trainer(model=model, train_dataset=ds, data_collator=mask_words)
        trainer.train()
      `,
    },
  ],
});

/** A preview drawn only to be printed, then features and coefficients drawn and fitted; `marks` end the three draws' lines. */
const PREVIEW_THEN_TRAINED = (...marks: string[]) => py`
  import numpy as np
  from sklearn.linear_model import Ridge
  preview = np.random.rand(5)${marks[0] ?? ''}
  print(preview)
  X = np.random.normal(size=(100, 3))${marks[1] ?? ''}
  y = X @ np.random.rand(3)${marks[2] ?? ''}
  model = Ridge().fit(X, y)
`;

describe('MLD801: one unseeded library is one finding, suppressed draw by draw', () => {
  const places = async (code: string) => (await run(code, [unseededRandomness])).result.findings.map((f) => [f.message.slice(0, f.message.indexOf(' draws from')), f.range.start.line + 1, ...f.related.map((r) => r.range.start.line + 1)]);

  it('is placed at the first draw that reaches a result, the others related', async () => {
    assert.deepEqual(await places(PREVIEW_THEN_TRAINED()), [['`np.random.normal` (and 2 other draws)', 5, 3, 6]]);
  });

  it('leaves a suppressed draw out of its count and related locations', async () => {
    assert.deepEqual(await places(PREVIEW_THEN_TRAINED('  # mldebt: ignore[MLD801]')), [['`np.random.normal` (and 1 other draw)', 5, 6]]);
  });

  it('moves to the next draw that reaches a result when the first is suppressed, and its fix still seeds the library', async () => {
    const code = PREVIEW_THEN_TRAINED('', '  # mldebt: ignore[MLD801]');
    assert.deepEqual(await places(code), [['`np.random.rand` (and 1 other draw)', 6, 3]]);
    const { doc, source, result } = await run(code, [unseededRandomness]);
    assert.match(applyToSource(source, doc, result.findings[0].fix!.edits)!.cells[0].text, /^from sklearn\.linear_model import Ridge\nSEED = 42\nnp\.random\.seed\(SEED\)$/m);
  });

  it('reports nothing when every draw that reaches a result is suppressed, though a draw only printed is left', async () => {
    assert.deepEqual(await places(PREVIEW_THEN_TRAINED('', '  # mldebt: ignore[MLD801]', '  # mldebt: ignore')), []);
  });
});

/** Shared inputs drawn above the tests that push them through a layer and backward. */
const HOISTED_TEST_INPUTS = py`
  import pytest
  import torch
  from mylib.layers import GatedResidual

  features = torch.rand(16, 4)
  edges = torch.randint(0, 16, (2, 40))

  @pytest.mark.parametrize("width", [8, 32])
  def test_forward_keeps_nodes(width):
      block = GatedResidual(4, width)
      assert block(features, edges).shape == (16, width)

  def test_backward_reaches_inputs():
      block = GatedResidual(4, 8)
      x = features.clone().requires_grad_()
      block(x, edges).mean().backward()
      x.data -= 0.1 * x.grad
      assert torch.isfinite(x).all()
`;

/** Training data drawn at import, shared by unittest cases that fit to it; the `__main__` block only runs the tests. */
const UNITTEST_SHARED_DATA = py`
  import math
  import unittest

  import torch

  xs = torch.rand(200, 1)
  ys = torch.sin(xs * 2 * math.pi) + 0.05 * torch.randn(200, 1)


  class SineRegressionTest(unittest.TestCase):
      def test_fit_reaches_small_error(self):
          net = torch.nn.Sequential(torch.nn.Linear(1, 32), torch.nn.Tanh(), torch.nn.Linear(32, 1))
          opt = torch.optim.Adam(net.parameters(), lr=0.01)
          for _ in range(300):
              opt.zero_grad()
              loss = (net(xs) - ys).pow(2).mean()
              loss.backward()
              opt.step()
          self.assertLess(loss.item(), 0.05)


  if __name__ == "__main__":
      unittest.main()
`;

/** A test class whose one step trains on drawn labels; the module seeds NumPy (not PyTorch) and picks the tensor type at import. */
const SEEDED_TEST_CLASS = py`
  import numpy as np
  import torch
  import torch.nn.functional as F
  from mylib.quant import QuantMLP

  np.random.seed(2024)
  torch.set_default_tensor_type("torch.cuda.FloatTensor")


  class TestQuantMLP:
      def test_one_step(self):
          model = QuantMLP(8, 4)
          opt = torch.optim.SGD(model.parameters(), lr=0.1)
          loss = F.cross_entropy(model(torch.zeros(16, 8)), torch.randint(4, (16,)))
          loss.backward()
          opt.step()
          assert loss.dtype == torch.float32
`;

/**
 * A layer's pytest module, also runnable directly: each test draws its input, one checks that gradients
 * reach the weights and the input by asserting on them; the `__main__` block only calls the tests.
 */
const GRADIENT_FLOW_TESTS = py`
  import torch
  from mylib.layers import Highway


  def test_shape():
      layer = Highway(12)
      x = torch.randn(3, 12)
      assert layer(x).shape == (3, 12)


  def test_gradients_reach_weights():
      layer = Highway(12)
      x = torch.randn(5, 12, requires_grad=True)
      layer(x).pow(2).sum().backward()
      assert layer.gate.weight.grad is not None, "gate got no gradient"
      assert not torch.all(layer.gate.weight.grad == 0), "gate gradient is zero"
      assert torch.isfinite(x.grad).all()


  if __name__ == "__main__":
      test_shape()
      test_gradients_reach_weights()
      print("all passed")
`;

/**
 * A test module with a stand-in model whose forward pass draws its logits, test classes that score
 * what it gives, and a `__main__` block that builds a suite of those classes and runs it.
 */
const HAND_BUILT_SUITE = py`
  import unittest

  import numpy as np
  import torch
  from sklearn.metrics import f1_score
  from mylib.extract import ClauseExtractor


  class FakeEncoder(torch.nn.Module):
      def forward(self, input_ids):
          return {"logits": torch.randn(input_ids.size(0), 4)}


  class TestExtractor(unittest.TestCase):
      def test_predictions_are_labels(self):
          extractor = ClauseExtractor(FakeEncoder())
          labels = extractor.predict(torch.ones(3, 16, dtype=torch.long))
          self.assertEqual(len(labels), 3)


  class TestScores(unittest.TestCase):
      def test_f1_in_range(self):
          logits = FakeEncoder()(torch.ones(8, 16, dtype=torch.long))["logits"]
          score = f1_score(np.zeros(8), logits.argmax(1).numpy(), average="micro")
          self.assertGreaterEqual(score, 0)


  def build_suite():
      suite = unittest.TestSuite()
      for case in [TestExtractor, TestScores]:
          suite.addTests(unittest.TestLoader().loadTestsFromTestCase(case))
      return suite


  if __name__ == "__main__":
      result = unittest.TextTestRunner(verbosity=2).run(build_suite())
      print(f"{result.testsRun} tests, {len(result.failures)} failures")
`;

describe('MLD801: a Lightning module\'s example input for its summary', () => {
  const MODULE = py`
    import torch
    import torch.nn as nn
    import lightning as L


    class Denoiser(L.LightningModule):
        def __init__(self, example_input_array=(1, 1, 16000)):
            super().__init__()
            self.net = nn.Conv1d(1, 1, 9, padding=4)
            self.example_input_array = torch.randn(*example_input_array)

        def forward(self, x):
            return self.net(x)

        def training_step(self, batch, batch_idx):
            noisy, clean = batch
            return nn.functional.mse_loss(self(noisy), clean)

        def configure_optimizers(self):
            return torch.optim.Adam(self.parameters(), lr=1e-3)


    L.Trainer(max_epochs=5, deterministic=True).fit(Denoiser(), train_loader)
  `;
  const lines = (code: string) => findingLinesIn('file:///proj/train_denoiser.py', code, unseededRandomness);

  it('leaves the dummy input Lightning only pushes through the model to print its summary', async () => {
    assert.deepEqual(await lines(MODULE), []);
  });

  it('still reports the same draw kept as noise the forward pass adds', async () => {
    const noisy = MODULE.replace('self.example_input_array = torch.randn(*example_input_array)', 'self.noise = torch.randn(*example_input_array)').replace('return self.net(x)', 'return self.net(x + self.noise)');
    assert.notEqual(noisy, MODULE);
    assert.deepEqual(await lines(noisy), [10]);
  });
});

describe('MLD801: a draw in a training-mode arm of a module a file only serves', () => {
  const SERVE = py`
    import torch
    import torch.nn as nn
    import pandas as pd


    class RatingVAE(nn.Module):
        def __init__(self, n_users, n_items, dim=32):
            super().__init__()
            self.users = nn.Embedding(n_users, dim)
            self.items = nn.Embedding(n_items, dim)
            self.mu = nn.Linear(2 * dim, dim)
            self.logvar = nn.Linear(2 * dim, dim)
            self.decoder = nn.Linear(dim, 1)

        def reparameterize(self, mu, logvar):
            if self.training:
                std = torch.exp(0.5 * logvar)
                eps = torch.randn_like(std)
                return mu + eps * std
            return mu

        def forward(self, users, items):
            h = torch.cat([self.users(users), self.items(items)], dim=1)
            z = self.reparameterize(self.mu(h), self.logvar(h))
            noisy = h + torch.randn_like(h) * 0.1 if self.training else h
            return torch.sigmoid(self.decoder(z)) + noisy.mean() * 0


    model = RatingVAE(1000, 500)
    model.load_state_dict(torch.load("models/vae.pt", weights_only=True))
    model.eval()
    with torch.no_grad():
        scores = model(torch.arange(10), torch.arange(10))
    pd.DataFrame({"score": scores.squeeze(1).numpy()}).to_csv("recommendations.csv", index=False)
  `;
  const lines = (code: string) => findingLinesIn('file:///proj/app/serve.py', code, unseededRandomness);

  it('leaves the noise a VAE draws only in training mode, in a file that never trains or switches a module to training', async () => {
    assert.deepEqual(await lines(SERVE), []);
  });

  it('still reports it where the file fine-tunes the module, or switches it to training mode', async () => {
    const tuned = SERVE.replace('model.eval()\n', 'opt = torch.optim.Adam(model.parameters())\nfor users, items, y in loader:\n    loss = ((model(users, items) - y) ** 2).mean()\n    opt.zero_grad()\n    loss.backward()\n    opt.step()\nmodel.eval()\n');
    assert.notEqual(tuned, SERVE);
    assert.deepEqual(await lines(tuned), [18]);
    const switched = SERVE.replace('model.eval()\n', 'model.train()\n');
    assert.notEqual(switched, SERVE);
    assert.deepEqual(await lines(switched), [18]);
  });

  it('reads the guard by its arm: the else of a negated test is guarded, the negated arm and a function defined in the arm are not', async () => {
    const negated = SERVE.replace('        if self.training:\n            std = torch.exp(0.5 * logvar)\n            eps = torch.randn_like(std)\n            return mu + eps * std\n        return mu\n',
      '        if not self.training:\n            return mu\n        else:\n            std = torch.exp(0.5 * logvar)\n            return mu + torch.randn_like(std) * std\n');
    assert.notEqual(negated, SERVE);
    assert.deepEqual(await lines(negated), []);
    // Noise drawn at evaluation (test-time augmentation) runs in this file: still followed.
    const atEval = SERVE.replace('        if self.training:\n', '        if not self.training:\n');
    assert.notEqual(atEval, SERVE);
    assert.deepEqual(await lines(atEval), [18]);
    // A function defined in the arm may be handed on and called in any mode: its draw is not taken as guarded.
    const deferred = SERVE.replace('            eps = torch.randn_like(std)\n            return mu + eps * std\n',
      '            def sample():\n                return mu + torch.randn_like(std) * std\n            return sample()\n');
    assert.notEqual(deferred, SERVE);
    assert.deepEqual(await lines(deferred), [19]);
  });
});

describe('MLD801: a smoke test that clears gradients but never applies them', () => {
  const SMOKE = py`
    import torch
    import torch.nn as nn
    import matplotlib.pyplot as plt
    from torchvision import datasets, transforms
    from torch.utils.data import DataLoader

    class TinyUNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(1, 1, 3, padding=1)

        def forward(self, x, t):
            return self.conv(x) + t.float().view(-1, 1, 1, 1) / 1000

    def check_model():
        loader = DataLoader(datasets.MNIST(root="./data", train=False, download=True, transform=transforms.ToTensor()), batch_size=8)
        model = TinyUNet()
        for i, (images, labels) in enumerate(loader):
            if i >= 2:
                break
            t = torch.randint(0, 1000, (images.size(0),))
            noisy = torch.randn_like(images)
            loss = nn.MSELoss()(model(noisy, t), images)
            model.zero_grad()
            loss.backward()
            print(f"Loss: {loss.item()}")
        plt.imshow(model(noisy, t)[0, 0].detach())
        plt.savefig("output_image.png")

    if __name__ == "__main__":
        check_model()
  `;

  it('leaves a module whose __main__ only pushes draws through a model, backpropagates and clears the gradients', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/src/unet.py', SMOKE, unseededRandomness), []);
  });

  it('still reports it once an optimizer steps the weights', async () => {
    const trained = SMOKE.replace('    model = TinyUNet()\n', '    model = TinyUNet()\n    opt = torch.optim.SGD(model.parameters(), lr=0.1)\n').replace('        loss.backward()\n', '        loss.backward()\n        opt.step()\n');
    assert.notEqual(trained, SMOKE);
    assert.deepEqual(await findingLinesIn('file:///proj/src/unet.py', trained, unseededRandomness), [22]);
  });
});

describe('MLD801: draws at the top level of a pytest test module', () => {
  const findingsIn = (uri: string, code: string) => findingLinesIn(uri, code, unseededRandomness);

  it('leaves inputs shared by the tests of a module that runs nothing at import (test_*.py, *_test.py)', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/test_gated_residual.py', HOISTED_TEST_INPUTS), []);
    assert.deepEqual(await findingsIn('file:///proj/tests/gated_residual_test.py', HOISTED_TEST_INPUTS), []);
  });

  it('still reports the same draws in a module pytest does not collect', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/gated_residual_check.py', HOISTED_TEST_INPUTS), [5]);
  });

  it('still reports a test module that runs a call at its top level', async () => {
    const code = HOISTED_TEST_INPUTS.replace('edges = torch.randint', 'torch.set_num_threads(1)\nedges = torch.randint');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_gated_residual.py', code), [5]);
  });

  it('leaves a test module whose top level only seeds NumPy and sets the default tensor type, its test methods drawing their own inputs', async () => {
    const onlySeeds = SEEDED_TEST_CLASS.replace('torch.set_default_tensor_type("torch.cuda.FloatTensor")\n', '');
    const onlyTensorType = SEEDED_TEST_CLASS.replace('np.random.seed(2024)\n', '');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_quant_mlp.py', SEEDED_TEST_CLASS), []);
    assert.deepEqual(await findingsIn('file:///proj/tests/quant_mlp_test.py', onlySeeds), []);
    assert.deepEqual(await findingsIn('file:///proj/tests/test_quant_mlp.py', onlyTensorType), []);
  });

  it('still reports the same draws in a module of another name, which its top-level seed makes a script', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/quant_mlp_check.py', SEEDED_TEST_CLASS), [14]);
  });

  it('still reports a test-named smoke script that trains in a loop at its top level', async () => {
    const code = py`
      import torch
      from mylib.models import Recognizer

      model = Recognizer(num_classes=10, input_dim=40)
      optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)

      for step in range(10):
          inputs = torch.rand(2, 300, 40)
          loss = model(inputs).logsumexp(-1).mean()
          loss.backward()
          optimizer.step()
          print(loss.item())
    `;
    assert.deepEqual(await findingsIn('file:///proj/test/test_recognizer.py', code), [8]);
  });

  it('leaves a unittest module whose __main__ block only runs its tests, though the tests train on the shared draws', async () => {
    assert.deepEqual(await findingsIn('file:///proj/test/examples/test_sine_regression.py', UNITTEST_SHARED_DATA), []);
    assert.deepEqual(await findingsIn('file:///proj/test/examples/sine_regression_test.py', UNITTEST_SHARED_DATA.replace('unittest.main()', 'pytest.main([__file__])')), []);
  });

  it('leaves a pytest module whose __main__ block only calls its own test functions, though they train on drawn inputs', async () => {
    const code = py`
      import torch
      from mylib.trainer import train_step
      from mylib.models import UNet

      def test_loss_falls_on_one_batch():
          model = UNet(channels=16)
          optimizer = torch.optim.AdamW(model.parameters(), lr=2e-4)
          x_0 = torch.randn(4, 3, 16, 16)
          losses = []
          for _ in range(50):
              loss = model(x_0).pow(2).mean()
              optimizer.zero_grad()
              loss.backward()
              optimizer.step()
              losses.append(loss.item())
          assert sum(losses[-10:]) < sum(losses[:10])

      def test_round_trip(tmp_path):
          model = UNet(channels=16)
          out = model(torch.randn(2, 3, 16, 16), torch.randint(0, 100, (2,)))
          assert out.shape == (2, 3, 16, 16)

      if __name__ == "__main__":
          print("===== TRAINER TEST =====")
          test_loss_falls_on_one_batch()
          print("ALL TESTS PASSED")
    `;
    assert.deepEqual(await findingsIn('file:///proj/tests/test_trainer.py', code), []);
    // Under a name pytest does not collect, the block runs a training program.
    assert.deepEqual(await findingsIn('file:///proj/tests/trainer_smoke.py', code), [8]);
    // A block that also trains by itself is a program.
    const training = code.replace('    print("ALL TESTS PASSED")', '    model = UNet(channels=16)\n    model.fit(torch.randn(4, 3, 16, 16))\n    print("ALL TESTS PASSED")');
    assert.notEqual(training, code);
    assert.deepEqual(await findingsIn('file:///proj/tests/test_trainer.py', training), [8]);
  });

  it('still reports the same unittest module under a name pytest does not collect', async () => {
    assert.deepEqual(await findingsIn('file:///proj/examples/sine_regression.py', UNITTEST_SHARED_DATA), [6]);
  });

  it('still reports a test module whose __main__ block runs a program', async () => {
    const code = HOISTED_TEST_INPUTS + py`
      if __name__ == "__main__":
          from mylib.train import fit
          fit(GatedResidual(4, 8), features, edges, epochs=10)
    `;
    assert.deepEqual(await findingsIn('file:///proj/tests/test_gated_residual.py', code), [5]);
  });

  it('leaves a test module whose __main__ block runs its tests, one of which only asserts that gradients flow', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/test_highway.py', GRADIENT_FLOW_TESTS), []);
  });

  it('leaves a test module whose __main__ block builds a suite of its own test classes and runs it, though the tests score drawn logits', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/test_extractor.py', HAND_BUILT_SUITE), []);
    const mainOnly = HAND_BUILT_SUITE.replace('result = unittest.TextTestRunner(verbosity=2).run(build_suite())', 'result = unittest.main(exit=False).result');
    assert.notEqual(mainOnly, HAND_BUILT_SUITE);
    assert.deepEqual(await findingsIn('file:///proj/tests/test_extractor.py', mainOnly), []);
  });

  it('still reports the suite when its __main__ block also scores the stand-in model itself', async () => {
    const code = HAND_BUILT_SUITE.replace('    print(f"{result.testsRun}', '    logits = FakeEncoder()(torch.ones(8, 16, dtype=torch.long))["logits"]\n    print(f1_score(np.zeros(8), logits.argmax(1).numpy(), average="micro"))\n    print(f"{result.testsRun}');
    assert.notEqual(code, HAND_BUILT_SUITE);
    assert.deepEqual(await findingsIn('file:///proj/tests/test_extractor.py', code), [11]);
  });

  it('still reports the suite when a helper the block calls, not a test class, scores the drawn logits', async () => {
    const code = HAND_BUILT_SUITE.replace('class TestScores(unittest.TestCase):\n    def test_f1_in_range(self):', 'class ScoreCheck:\n    def test_f1_in_range(self):').replace('for case in [TestExtractor, TestScores]:', 'ScoreCheck().test_f1_in_range()\n    for case in [TestExtractor]:');
    assert.notEqual(code, HAND_BUILT_SUITE);
    assert.deepEqual(await findingsIn('file:///proj/tests/test_extractor.py', code), [11]);
  });

  it('still reports the same checks under a name pytest does not collect when one steps the weights down the gradient it checked', async () => {
    const code = GRADIENT_FLOW_TESTS.replace('    assert torch.isfinite(x.grad).all()\n', '    assert torch.isfinite(x.grad).all()\n    with torch.no_grad():\n        layer.gate.weight -= 0.1 * layer.gate.weight.grad\n');
    assert.notEqual(code, GRADIENT_FLOW_TESTS);
    assert.deepEqual(await findingsIn('file:///proj/tests/highway_check.py', code), [13]);
    // As a pytest module, its block runs the tests pytest runs: their draws are test inputs.
    assert.deepEqual(await findingsIn('file:///proj/tests/test_highway.py', code), []);
  });

  it('still reports a gradient written into a weight by a bare tensor function, under a name pytest does not collect', async () => {
    const code = GRADIENT_FLOW_TESTS.replace('    assert torch.isfinite(x.grad).all()\n', '    torch.add(layer.gate.weight.data, layer.gate.weight.grad, alpha=-0.1, out=layer.gate.weight.data)\n');
    assert.notEqual(code, GRADIENT_FLOW_TESTS);
    assert.deepEqual(await findingsIn('file:///proj/tests/highway_check.py', code), [13]);
  });
});

/** A character model trained in the file, and a Keras sampler class that draws the next character of generated text. */
const KERAS_SAMPLER = py`
  import tensorflow as tf

  model = build_char_model(vocab_size=65)
  model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
  model.fit(dataset, epochs=10)


  class OneStep(tf.keras.Model):
      def __init__(self, model, temperature=1.0):
          super().__init__()
          self.model = model
          self.temperature = temperature

      def generate_one_step(self, inputs, states=None):
          logits, states = self.model(inputs, states=states, return_state=True)
          logits = logits[:, -1, :] / self.temperature
          predicted = tf.random.categorical(logits, num_samples=1)
          return tf.squeeze(predicted, axis=-1), states


  sampler = OneStep(model)
  states = None
  next_char = tf.constant([1])
  generated = [next_char]
  for _ in range(200):
      next_char, states = sampler.generate_one_step(next_char, states=states)
      generated.append(next_char)
  print(tf.strings.join(generated)[0].numpy())
`;

describe('MLD801: samples a model class draws for its callers, and values kept in a list', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/char_rnn.py', code, unseededRandomness);

  it('leaves a Keras sampler method whose generated characters are only collected and printed', async () => {
    assert.deepEqual(await findingsIn(KERAS_SAMPLER), []);
  });

  it('still reports the sampler when what it generates is trained on', async () => {
    const code = KERAS_SAMPLER.replace('print(tf.strings.join(generated)[0].numpy())', 'model.fit(tf.stack(generated), epochs=1)');
    assert.notEqual(code, KERAS_SAMPLER);
    assert.deepEqual(await findingsIn(code), [17]);
  });

  it('reports speakers drawn in a shuffle and appended to the training lists, and leaves a shuffle whose picks are only printed', async () => {
    const code = py`
      import random
      import numpy as np
      from sklearn.mixture import GaussianMixture

      people = load_speakers()
      random.shuffle(people)
      X_train, y_train = [], []
      for name, features in people[:20]:
          X_train.append(features)
          y_train.append(name)
      gmm = GaussianMixture(4, random_state=0).fit(np.vstack(X_train))
    `;
    assert.deepEqual(await findingsIn(code), [6]);
    const shown = code.replace('gmm = GaussianMixture(4, random_state=0).fit(np.vstack(X_train))', 'print(y_train, len(X_train))');
    assert.notEqual(shown, code);
    assert.deepEqual(await findingsIn(shown), []);
  });
});

/** A character model with its own sampling method, trained in an epoch loop that shows a sample after each epoch. */
const GRU_SAMPLER = py`
  import logging
  import torch
  import torch.nn as nn

  logger = logging.getLogger(__name__)


  class CharGRU(nn.Module):
      def __init__(self, vocab):
          super().__init__()
          self.embed = nn.Embedding(vocab, 64)
          self.gru = nn.GRU(64, 128, batch_first=True)
          self.head = nn.Linear(128, vocab)

      def forward(self, ids, state=None):
          out, state = self.gru(self.embed(ids), state)
          return self.head(out), state

      def sample(self, vocab, seed_text, length=80):
          ids = torch.tensor([vocab.encode(seed_text)])
          out = ids
          state = None
          with torch.no_grad():
              for _ in range(length):
                  logits, state = self(ids, state)
                  ids = torch.multinomial(torch.softmax(logits[:, -1] / 0.8, dim=-1), 1)
                  out = torch.cat([out, ids], dim=1)
          return vocab.decode(out[0].tolist())


  def train(model, loader, vocab, epochs=5):
      opt = torch.optim.Adam(model.parameters(), lr=1e-3)
      for epoch in range(epochs):
          for x, y in loader:
              logits, _ = model(x)
              loss = nn.functional.cross_entropy(logits.transpose(1, 2), y)
              opt.zero_grad()
              loss.backward()
              opt.step()
          text = model.sample(vocab, "the ")
          print(f"epoch {epoch}: loss {loss.item():.3f} | {text}")


  if __name__ == "__main__":
      train(CharGRU(96), build_loader(), build_vocab())
`;

describe('MLD801: drawn values formatted into a message that is only printed or logged', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/train_char.py', code, unseededRandomness);
  const showLine = '        print(f"epoch {epoch}: loss {loss.item():.3f} | {text}")';

  it('leaves a model sampler whose text is put into an f-string and printed after each epoch', async () => {
    assert.deepEqual(await findingsIn(GRU_SAMPLER), []);
  });

  it('leaves the same sample logged through a module logger, or through logging itself with %-style arguments', async () => {
    const logged = GRU_SAMPLER.replace(showLine, '        logger.info(f"epoch {epoch} sample: {text!r}")');
    const moduleLogging = GRU_SAMPLER.replace(showLine, '        logging.info("epoch %d sample: %s", epoch, text)');
    assert.notEqual(logged, GRU_SAMPLER);
    assert.notEqual(moduleLogging, GRU_SAMPLER);
    assert.deepEqual(await findingsIn(logged), []);
    assert.deepEqual(await findingsIn(moduleLogging), []);
  });

  it('leaves a validation line picked at random in the training loop and only logged', async () => {
    const code = py`
      import logging
      import random
      import torch

      log = logging.getLogger("train")
      opt = torch.optim.SGD(model.parameters(), lr=0.1)
      for epoch in range(10):
          for x, y in loader:
              opt.zero_grad()
              loss_fn(model(x), y).backward()
              opt.step()
          pick = random.randrange(len(val_texts))
          log.info(f"epoch {epoch} example: {val_texts[pick]} -> {translate(model, val_texts[pick])}")
    `;
    assert.deepEqual(await findingsIn(code), []);
  });

  it('still reports the sampler when its text, logged too, is added to the training texts', async () => {
    const kept = GRU_SAMPLER.replace(showLine, `${showLine}
        loader.dataset.texts.append(text)
        loader = build_loader(loader.dataset.texts)`);
    assert.notEqual(kept, GRU_SAMPLER);
    assert.deepEqual(await findingsIn(kept), [26]);
  });

  it('still reports a drawn position formatted into the name of the file the training rows are written to', async () => {
    const code = py`
      import random
      import torch

      opt = torch.optim.SGD(model.parameters(), lr=0.1)
      for epoch in range(10):
          start = random.randrange(1000)
          rows = corpus[start:start + 64]
          torch.save(rows, f"shards/rows_{start}.pt")
          for x, y in make_batches(rows):
              opt.zero_grad()
              loss_fn(model(x), y).backward()
              opt.step()
    `;
    assert.deepEqual(await findingsIn(code), [6]);
  });
});

/** A count-based name model whose sampler stops at the end mark it draws, and prints each name. */
const NAME_SAMPLER = py`
  import torch

  class BigramNames:
      def train(self, names):
          self.counts = torch.ones((27, 27))
          for name in names:
              for a, b in zip("." + name, name + "."):
                  self.counts[index(a), index(b)] += 1

      def show_samples(self, n):
          for _ in range(n):
              letters = []
              ix = 0
              while True:
                  probs = self.counts[ix] / self.counts[ix].sum()
                  ix = torch.multinomial(probs, num_samples=1).item()
                  if ix == 0:
                      break
                  letters.append(letter(ix))
              print("".join(letters).title())

  model = BigramNames()
  model.train(open("names.txt").read().split())
  model.show_samples(10)
`;

describe('MLD801: a drawn value that only stops or skips the loop it is drawn in', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/names.py', code, unseededRandomness);

  it('leaves a model class\'s sampler that stops at a drawn end mark and only prints what it drew', async () => {
    assert.deepEqual(await findingsIn(NAME_SAMPLER), []);
  });

  it('leaves text sampled after each epoch that skips a drawn padding token and stops at a drawn newline', async () => {
    const code = py`
      import numpy as np

      for epoch in range(20):
          model.fit(x, y, batch_size=128, epochs=1)
          sentence = seed_text
          for _ in range(400):
              preds = model.predict(encode(sentence[-40:]), verbose=0)[0]
              next_index = np.random.choice(len(chars), p=preds)
              if next_index == pad_index:
                  continue
              if chars[next_index] == "\\n":
                  break
              sentence += chars[next_index]
          print("epoch", epoch, sentence)
    `;
    assert.deepEqual(await findingsIn(code), []);
  });

  it('still reports a drawn stop in a loop that trains, or a sampler whose names are trained on', async () => {
    const earlyStop = py`
      import random

      for step in range(1000):
          loss = model.train_on_batch(xb, yb)
          if random.random() < 0.01:
              break
    `;
    assert.deepEqual(await findingsIn(earlyStop), [5]);
    const keptNames = NAME_SAMPLER.replace('print("".join(letters).title())', 'self.train(["".join(letters)])');
    assert.notEqual(keptNames, NAME_SAMPLER);
    assert.deepEqual(await findingsIn(keptNames), [16]);
    // A loop that writes what it makes leaves the draw unknown, and the model class's draw is reported.
    const written = NAME_SAMPLER.replace('print("".join(letters).title())', 'out.write("".join(letters))');
    assert.deepEqual(await findingsIn(written), [16]);
  });
});

/** Entity embeddings reduced to 2-D and plotted, a random few of the points labelled; `labelled` is the body of the draw's `if`. */
const labelledEmbeddingPlot = (labelled: string) => py`
  import numpy as np
  import pandas as pd
  from matplotlib import pyplot as plt
  from adjustText import adjust_text
  from sklearn.decomposition import PCA

  def plot_entities(model, entities):
      points = PCA(n_components=2).fit_transform(model.get_embeddings(entities))
      frame = pd.DataFrame({"name": entities, "x": points[:, 0], "y": points[:, 1]})
      plt.scatter(frame["x"], frame["y"])
      texts = []
      for _, row in frame.iterrows():
          if np.random.uniform() < 0.01:
  ${labelled}
      adjust_text(texts)
      plt.savefig("entities.png")

  if __name__ == "__main__":
      plot_entities(load_model("transe.pkl"), load_entities())
`;

describe('MLD801: a drawn value that only decides whether a body of plain statements runs', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/plot_entities.py', code, unseededRandomness);

  it('leaves a random few points labelled on a plot of fitted embeddings, placed by adjust_text or drawn on the axes', async () => {
    assert.deepEqual(await findingsIn(labelledEmbeddingPlot('            texts.append(plt.text(row["x"], row["y"], row["name"]))')), []);
    const annotated = py`
      import random
      import matplotlib.pyplot as plt
      from sklearn.manifold import TSNE

      coords = TSNE(n_components=2).fit_transform(relation_vectors)
      fig, ax = plt.subplots()
      ax.scatter(coords[:, 0], coords[:, 1])
      for name, (x, y) in zip(relation_names, coords):
          if random.random() < 0.2:
              ax.annotate(name, (x, y))
      fig.savefig("relations.png")
    `;
    assert.deepEqual(await findingsIn(annotated), []);
  });

  it('leaves a training loop that prints a randomly chosen batch now and then', async () => {
    const code = py`
      import random

      for epoch in range(50):
          for heads, relations, tails in loader:
              loss = model.train_step(heads, relations, tails)
              if random.random() < 0.001:
                  print("sample triple", heads[0], relations[0], tails[0], float(loss))
    `;
    assert.deepEqual(await findingsIn(code), []);
  });

  it('still reports a guarded body that reworks training data, fills a list that is trained on, or returns', async () => {
    const flipped = py`
      import random

      for epoch in range(10):
          for image, label in pairs:
              if random.random() < 0.5:
                  image = image[:, ::-1]
              model.train_on_batch(image, label)
    `;
    assert.deepEqual(await findingsIn(flipped), [5]);
    const kept = labelledEmbeddingPlot('            texts.append(row["name"])').replace('adjust_text(texts)', 'model.fit(texts)');
    assert.deepEqual(await findingsIn(kept), [13]);
    const returned = py`
      import random
      from torch.utils.data import Dataset

      class Triples(Dataset):
          def __len__(self):
              return len(self.rows)

          def __getitem__(self, i):
              h, r, t = self.rows[i]
              if random.random() < 0.5:
                  return t, self.inverse[r], h
              return h, r, t

      train(model, DataLoader(Triples(rows), batch_size=64))
    `;
    assert.deepEqual(await findingsIn(returned), [10]);
  });
});

/** An OCR training script whose data set, chosen by a setting, is built in one arm of an `if` or the other and handed to a Trainer. */
const CHOSEN_DATASET_TRAINER = py`
  import random
  from torch.utils.data import Dataset
  from transformers import Seq2SeqTrainer, Seq2SeqTrainingArguments

  class LineImages(Dataset):
      def __init__(self, rows):
          self.rows = rows

      def __len__(self):
          return len(self.rows)

      def __getitem__(self, idx):
          image, text = self.rows[idx]
          if image is None:
              return self[random.randint(0, len(self.rows) - 1)]
          return {"pixel_values": image, "labels": text}

  class ShardedLineImages(LineImages):
      pass

  if SOURCE == "folder":
      train_ds = LineImages(rows)
  else:
      train_ds = ShardedLineImages(rows)

  def main():
      trainer = Seq2SeqTrainer(model=model, args=Seq2SeqTrainingArguments("out"), train_dataset=train_ds)
      trainer.train()

  main()
`;

describe('MLD801: a data set or collator handed to a trainer under a name bound in several places', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/train_ocr.py', code, unseededRandomness);

  it('leaves a data set built in either arm of an if, whose item draws run while the trainer trains', async () => {
    assert.deepEqual(await findingsIn(CHOSEN_DATASET_TRAINER), []);
  });

  it('leaves a data set bound in a try and its except handler, handed to the trainer below', async () => {
    const code = CHOSEN_DATASET_TRAINER.replace(
      'if SOURCE == "folder":\n    train_ds = LineImages(rows)\nelse:\n    train_ds = ShardedLineImages(rows)',
      'try:\n    train_ds = ShardedLineImages(load_shards())\nexcept FileNotFoundError:\n    train_ds = LineImages(rows)',
    );
    assert.notEqual(code, CHOSEN_DATASET_TRAINER);
    assert.deepEqual(await findingsIn(code), []);
  });

  it('leaves a collator class chosen by a flag, through a name bound again from the chosen one', async () => {
    const code = py`
      import random
      from transformers import Trainer, TrainingArguments

      class SpanMaskingCollator:
          def __init__(self, tokenizer):
              self.tokenizer = tokenizer

          def __call__(self, features):
              batch = self.tokenizer.pad(features, return_tensors="pt")
              start = random.randint(0, 8)
              batch["labels"] = batch["input_ids"].clone()
              batch["input_ids"][:, start:start + 4] = self.tokenizer.mask_token_id
              return batch

      class WholeWordCollator(SpanMaskingCollator):
          pass

      if args.whole_words:
          chosen = WholeWordCollator(tokenizer)
      else:
          chosen = SpanMaskingCollator(tokenizer)
      collator = chosen
      trainer = Trainer(model=model, args=TrainingArguments("out"), train_dataset=train_ds, data_collator=collator)
      trainer.train()
    `;
    assert.deepEqual(await findingsIn(code), []);
  });

  it('still reports a data set of either arm that shuffles its rows when built, before the trainer seeds', async () => {
    const code = CHOSEN_DATASET_TRAINER.replace('        self.rows = rows\n', '        self.rows = rows\n        random.shuffle(self.rows)\n');
    assert.notEqual(code, CHOSEN_DATASET_TRAINER);
    assert.deepEqual(await findingsIn(code), [8]);
  });
});

describe('MLD801: a statsmodels fit whose results are dropped', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/forecast.py', code, unseededRandomness);

  it('leaves a warm-up model fitted on noise on a line of its own and never used again', async () => {
    const code = py`
      import numpy as np
      import pandas as pd
      from statsmodels.tsa.arima.model import ARIMA

      # Fit once on noise so that the first real forecast does not pay the start-up cost
      warm = ARIMA(pd.Series(np.random.normal(size=200)), order=(1, 1, 1))
      warm.fit()

      def forecast_day(history):
          return ARIMA(history, order=(2, 1, 2)).fit().forecast(steps=24)

      scores = [mean_absolute_error(load[d], forecast_day(load[:d])) for d in days]
    `;
    assert.deepEqual(await findingsIn(code), []);
  });

  it('leaves a chained statsmodels fit on drawn rows whose result is dropped, also in a loop', async () => {
    const chained = py`
      import numpy as np
      import statsmodels.api as sm

      sm.OLS(np.random.rand(40), np.ones((40, 2))).fit()
      results = sm.OLS(load, features).fit()
      print(results.summary())
    `;
    assert.deepEqual(await findingsIn(chained), []);
    const looped = py`
      import random
      from statsmodels.tsa.statespace.sarimax import SARIMAX

      for order in [(1, 0, 0), (2, 1, 1)]:
          SARIMAX([random.gauss(0, 1) for _ in range(96)], order=order).fit(disp=False)
    `;
    assert.deepEqual(await findingsIn(looped), []);
  });

  it('still reports a statsmodels fit on drawn data whose results are kept, and a scikit-learn fit on a line of its own', async () => {
    const kept = py`
      import numpy as np
      from statsmodels.tsa.arima.model import ARIMA

      series = np.cumsum(np.random.normal(size=300))
      fitted = ARIMA(series, order=(1, 1, 1)).fit()
      fitted.forecast(steps=12).to_csv("forecast.csv")
    `;
    assert.deepEqual(await findingsIn(kept), [4]);
    const inPlace = py`
      import numpy as np
      from sklearn.linear_model import Ridge

      lags = np.random.normal(size=(200, 3))
      model = Ridge()
      model.fit(lags, target)
    `;
    assert.deepEqual(await findingsIn(inPlace), [4]);
  });
});

describe('MLD801: a draw bound to a name that no code reads', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/train_folds.py', code, unseededRandomness);

  it('leaves a draw whose only use was commented out, in a helper whose result is trained on', async () => {
    const code = py`
      import random
      import numpy as np
      from sklearn.linear_model import LogisticRegression

      def pick_fold(done, k):
          while True:
              choice = random.randint(0, 4)
              fold = k  # choice
              if fold not in done:
                  done.append(fold)
                  return fold

      X, y = np.load("X.npy"), np.load("y.npy")
      fold = pick_fold([], 2)
      LogisticRegression().fit(X[fold::5], y[fold::5])
    `;
    assert.deepEqual(await findingsIn(code), []);
  });

  it('leaves unread noise drawn in a training loop, and an unpacked draw whose names are both unread', async () => {
    const loop = py`
      import torch

      def train(model, loader, opt):
          for x, y in loader:
              noise = torch.randn_like(x)
              loss = torch.nn.functional.cross_entropy(model(x), y)
              opt.zero_grad()
              loss.backward()
              opt.step()

      if __name__ == "__main__":
          train(build_model(), make_loader(), make_opt())
    `;
    assert.deepEqual(await findingsIn(loop), []);
    const unpacked = py`
      import numpy as np
      from sklearn.ensemble import RandomForestClassifier

      def features(frame):
          low, high = np.random.uniform(0, 1, size=2)
          return frame[["age", "dose"]].to_numpy()

      RandomForestClassifier(random_state=0).fit(features(train_df), train_df["label"])
    `;
    assert.deepEqual(await findingsIn(unpacked), []);
  });

  it('still reports the draw once its name is read, and moves the finding past an unread draw to one that reaches the fit', async () => {
    const used = py`
      import random
      import numpy as np
      from sklearn.linear_model import LogisticRegression

      def pick_fold(done, k):
          while True:
              choice = random.randint(0, 4)
              fold = choice
              if fold not in done:
                  done.append(fold)
                  return fold

      X, y = np.load("X.npy"), np.load("y.npy")
      fold = pick_fold([], 2)
      LogisticRegression().fit(X[fold::5], y[fold::5])
    `;
    assert.deepEqual(await findingsIn(used), [7]);
    const next = py`
      import numpy as np
      from sklearn.ensemble import RandomForestClassifier

      def features(frame):
          low, high = np.random.uniform(0, 1, size=2)
          jitter = np.random.normal(0, 0.01, size=len(frame))
          return frame[["age", "dose"]].to_numpy() + jitter[:, None]

      RandomForestClassifier(random_state=0).fit(features(train_df), train_df["label"])
    `;
    assert.deepEqual(await findingsIn(next), [6]);
  });
});

describe('MLD801: a __main__ smoke test that gathers the gradients of its one backward pass only to check them', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/denoiser.py', code, unseededRandomness);

  it('leaves gradients gathered into a list that is only asserted finite and counted in a print', async () => {
    const code = withMain(`
      model.train()
      out = model(torch.randn(2, 32), torch.ones(2))
      assert out.shape == (2, 32), out.shape
      out.mean().backward()
      grads = [p.grad for p in model.parameters() if p.grad is not None]
      assert grads and all(torch.isfinite(g).all() for g in grads), "non-finite gradients"
      print(f"backward ok: {len(grads)} tensors")
    `);
    assert.deepEqual(await findingsIn(code), []);
  });

  it('leaves gradient norms gathered into a list that is only printed', async () => {
    const code = withMain(`
      loss = model.loss(torch.randn(4, 32))
      loss.backward()
      norms = [p.grad.norm() for p in model.parameters()]
      print(norms)
    `);
    assert.deepEqual(await findingsIn(code), []);
  });

  it('still reports gathered gradients that are stepped into the weights by hand', async () => {
    const code = withMain(`
      loss = model.loss(torch.randn(4, 32))
      loss.backward()
      grads = [p.grad for p in model.parameters()]
      with torch.no_grad():
          for p, g in zip(model.parameters(), grads):
              p -= 1e-3 * g
    `);
    assert.notDeepEqual(await findingsIn(code), []);
  });
});

describe('MLD801: the message of a draw made before a Hugging Face trainer seeds its library', () => {
  const messages = async (code: string | string[]) => (await run(code, [unseededRandomness])).result.findings.map((f) => f.message);

  it('names the trainer a notebook builds in a later cell instead of saying it never seeds NumPy', async () => {
    const [message, ...rest] = await messages([
      'import numpy as np\nimport datasets\nfrom transformers import Trainer, TrainingArguments\n',
      'features = np.random.rand(16, 40).tolist()\nds = datasets.Dataset.from_dict({"input_features": features, "labels": list(range(16))})\n',
      'trainer = Trainer(model=model, args=TrainingArguments("out", max_steps=20), train_dataset=ds)\ntrainer.train()\n',
    ]);
    assert.equal(rest.length, 0);
    assert.match(message, /^`np\.random\.rand` draws from NumPy's global random generator, which this notebook seeds only as it builds `Trainer` \(a Hugging Face trainer seeds it from `args\.seed`\), and this draw is not sure to come after that: /);
    assert.doesNotMatch(message, /never seeds/);
  });

  it('speaks of several draws of a script whose Seq2SeqTrainer is built below them', async () => {
    const [message] = await messages(py`
      import random
      from transformers import Seq2SeqTrainer, Seq2SeqTrainingArguments

      random.shuffle(pairs)
      noisy = [(random.choice(fillers) + " " + src, tgt) for src, tgt in pairs]
      trainer = Seq2SeqTrainer(model=model, args=Seq2SeqTrainingArguments("out"), train_dataset=to_dataset(noisy))
      trainer.train()
    `);
    assert.match(message, /^`random\.shuffle` \(and 1 other draw\) draws .*seeds only as it builds `Seq2SeqTrainer` .*, and these draws are not sure to come after that: /);
  });

  it('names TRL\'s trainer when the draw is in a helper called before it is built', async () => {
    const [message] = await messages(py`
      import torch
      from trl import SFTConfig, SFTTrainer

      def jittered(rows):
          return [r + 0.01 * torch.randn(r.shape) for r in rows]

      train_rows = jittered(raw_rows)
      trainer = SFTTrainer(model=model, args=SFTConfig(output_dir="out"), train_dataset=make_dataset(train_rows))
      trainer.train()
    `);
    assert.match(message, /`torch\.randn` draws from PyTorch's global random generator, which this script seeds only as it builds `SFTTrainer`/);
  });

  it('still says never seeds where the only trainer is the project\'s own class', async () => {
    const [message] = await messages(py`
      import numpy as np
      from trainer_utils import Trainer

      features = np.random.rand(16, 40)
      Trainer(model, features, labels).train()
    `);
    assert.match(message, /^`np\.random\.rand` draws from NumPy's global random generator, which this script never seeds: /);
  });
});

describe('MLD801: a file that builds Lightning\'s LightningCLI, which seeds the generators as it is built', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/recsys/train_cli.py', code, unseededRandomness);
  const messages = async (code: string) => (await run(code, [unseededRandomness])).result.findings.map((f) => f.message);
  /** A Lightning module whose weights and validation tie-breaks are drawn, and a data module that shuffles; `cli` builds the tool, which trains them. */
  const cliScript = (cli: string, imports = 'from lightning.pytorch.cli import LightningCLI', main = '    cli_main()') => py`
    import random
    import torch
    import lightning as L
    ${imports}

    class TwoTower(L.LightningModule):
        def __init__(self, n_users: int = 100, n_items: int = 500, dim: int = 32):
            super().__init__()
            self.users = torch.nn.Parameter(torch.randn(n_users, dim) * 0.01)
            self.items = torch.nn.Parameter(torch.randn(n_items, dim) * 0.01)

        def training_step(self, batch, _):
            u, i = batch
            neg = torch.randint(0, self.items.shape[0], i.shape)
            pos = (self.users[u] * self.items[i]).sum(-1)
            return -torch.nn.functional.logsigmoid(pos - (self.users[u] * self.items[neg]).sum(-1)).mean()

        def validation_step(self, batch, _):
            scores = self.users[batch[0]] @ self.items.T + 1e-6 * torch.rand(self.items.shape[0])
            self.log("val/hit", (scores.argmax(-1) == batch[1]).float().mean())

        def configure_optimizers(self):
            return torch.optim.Adam(self.parameters(), lr=1e-3)

    class Interactions(L.LightningDataModule):
        def setup(self, stage=None):
            pairs = [(u, i) for u in range(100) for i in range(5)]
            random.shuffle(pairs)
            self.train_pairs = torch.tensor(pairs[:400])
            self.val_pairs = torch.tensor(pairs[400:])

        def train_dataloader(self):
            return torch.utils.data.DataLoader(self.train_pairs.unbind(1), batch_size=64)

        def val_dataloader(self):
            return torch.utils.data.DataLoader(self.val_pairs.unbind(1), batch_size=64)

    def cli_main():
        cli = ${cli}
        cli.trainer.fit(cli.model, datamodule=cli.datamodule)

    if __name__ == "__main__":
    ${main}
  `;

  it('leaves the draws of the module and data classes handed to the tool with its default seed', async () => {
    assert.deepEqual(await findingsIn(cliScript('LightningCLI(TwoTower, Interactions, save_config_kwargs={"overwrite": True}, run=False)')), []);
  });

  it('leaves them where the tool is given a seed, with no config saved', async () => {
    assert.deepEqual(await findingsIn(cliScript('LightningCLI(TwoTower, Interactions, seed_everything_default=1234, save_config_callback=None, run=False)')), []);
  });

  it('leaves them where the classes are handed by keyword, through pytorch_lightning\'s copy of the tool', async () => {
    assert.deepEqual(await findingsIn(cliScript('LightningCLI(model_class=TwoTower, datamodule_class=Interactions, run=False)', 'from pytorch_lightning.cli import LightningCLI')), []);
  });

  it('leaves them where the tool is a subclass of the file that only adds hooks', async () => {
    const code = cliScript('RecsysCLI(TwoTower, Interactions, run=False)', 'from lightning.pytorch.cli import LightningCLI\n\n    class RecsysCLI(LightningCLI):\n        def add_arguments_to_parser(self, parser):\n            parser.link_arguments("data.n_items", "model.n_items")');
    assert.deepEqual(await findingsIn(code), []);
  });

  it('leaves a permutation drawn below the tool built with run=False, in the same function', async () => {
    const code = cliScript('LightningCLI(TwoTower, Interactions, run=False)\n        order = torch.randperm(400)\n        cli.datamodule.setup()\n        cli.trainer.validate(cli.model, dataloaders=torch.utils.data.DataLoader(cli.datamodule.train_pairs[order].unbind(1), batch_size=64))');
    assert.deepEqual(await findingsIn(code), []);
  });

  it('still reports the draws where the tool is told not to seed', async () => {
    const lines = await findingsIn(cliScript('LightningCLI(TwoTower, Interactions, seed_everything_default=False, run=False)'));
    assert.equal(lines.length, 2);
    const [torchMessage] = (await messages(cliScript('LightningCLI(TwoTower, Interactions, seed_everything_default=False, run=False)'))).filter((m) => m.includes('PyTorch'));
    assert.match(torchMessage, /which this script never seeds: /);
  });

  it('still reports them where the default seed is drawn and no config keeps it', async () => {
    assert.equal((await findingsIn(cliScript('LightningCLI(TwoTower, Interactions, save_config_callback=None, run=False)'))).length, 2);
  });

  it('still reports them where a splat may pass seed_everything_default=False', async () => {
    assert.equal((await findingsIn(cliScript('LightningCLI(TwoTower, Interactions, run=False, **cli_kwargs)'))).length, 2);
  });

  it('still reports them through the 1.x utilities copy of the tool, which seeded nothing unless told', async () => {
    assert.equal((await findingsIn(cliScript('LightningCLI(TwoTower, Interactions, run=False)', 'from pytorch_lightning.utilities.cli import LightningCLI'))).length, 2);
  });

  it('still reports a draw of the module where a smoke test builds it and calls its methods before the tool, naming the tool', async () => {
    const main = '    model = TwoTower()\n        data = Interactions()\n        data.setup()\n        model.validation_step(next(iter(data.val_dataloader())), 0)\n        cli_main()';
    const code = cliScript('LightningCLI(TwoTower, Interactions, run=False)', undefined, main);
    assert.notDeepEqual(await findingsIn(code), []);
    const found = await messages(code);
    assert.ok(found.length > 0);
    for (const message of found) {
      assert.match(message, /seeds only as it builds `LightningCLI` \(Lightning's CLI seeds it through `seed_everything`\), and (this draw is|these draws are) not sure to come after that: /);
    }
  });
});

describe('MLD801: a __main__ block that builds a model whose own save method nothing calls', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/tagger_model.py', code, unseededRandomness);
  /** A tagger module: a model class drawing its embeddings and transitions, with its own `save` and `load`; `main` is what its block runs. */
  const taggerModule = (main: string, extra = '') => py`
    import json
    import numpy as np
    import torch
    import torch.nn as nn

    class Tagger(nn.Module):
        def __init__(self, words, tags, dim=50):
            super(Tagger, self).__init__()
            table = np.zeros((len(words), dim))
            for i in range(len(words)):
                table[i] = np.random.randn(dim)
            self.embedding = nn.Embedding.from_pretrained(torch.Tensor(table), freeze=False)
            self.lstm = nn.LSTM(dim, dim, bidirectional=True)
            self.emit = nn.Linear(dim * 2, len(tags))
            self.transition = nn.Parameter(torch.randn(len(tags), len(tags)))
            self.words, self.tags = words, tags

        def forward(self, ids):
            out, _ = self.lstm(self.embedding(ids))
            return self.emit(out)

        def save(self, path):
            torch.save({"words": self.words, "tags": self.tags, "state": self.state_dict()}, path)

        @staticmethod
        def load(path):
            params = torch.load(path, weights_only=True)
            model = Tagger(params["words"], params["tags"])
            model.load_state_dict(params["state"])
            return model
${extra}
    def main():
        words = json.load(open("vocab/words.json"))
        tags = json.load(open("vocab/tags.json"))
${main.replace(/^/gm, '        ')}

    if __name__ == "__main__":
        main()
  `;

  it('leaves a model built and printed, its save method named only by the library call inside it', async () => {
    assert.deepEqual(await findingsIn(taggerModule('model = Tagger(words, tags)\nprint(model)\nprint(model.embedding)')), []);
  });

  it('leaves a model built and checked for the shape of one forward pass', async () => {
    assert.deepEqual(await findingsIn(taggerModule('model = Tagger(words, tags)\nout = model(torch.tensor([[1, 2, 3]]))\nassert out.shape[-1] == len(tags)')), []);
  });

  it('leaves a model switched to evaluation mode and run once, its vocabulary writer named nowhere', async () => {
    const code = taggerModule('model = Tagger(words, tags)\nmodel.eval()\nwith torch.no_grad():\n    print(model(torch.tensor([[4, 5]])).argmax(-1))')
      .replace('    def save(self, path):', '    def write_vocab(self, path):\n        with open(path, "w") as f:\n            json.dump(self.words, f)\n\n    def save(self, path):');
    assert.deepEqual(await findingsIn(code), []);
  });

  it('still reports the draws where the block calls the model\'s save method', async () => {
    assert.notDeepEqual(await findingsIn(taggerModule('model = Tagger(words, tags)\nprint(model)\nmodel.save("./model.pth")')), []);
  });

  it('still reports them where the class writes its vocabulary from __init__ through a private method', async () => {
    const code = taggerModule('model = Tagger(words, tags)\nprint(model)')
      .replace('        self.words, self.tags = words, tags', '        self.words, self.tags = words, tags\n        self._dump_vocab("vocab/used.json")')
      .replace('    def save(self, path):', '    def _dump_vocab(self, path):\n        with open(path, "w") as f:\n            json.dump(self.words, f)\n\n    def save(self, path):');
    assert.notDeepEqual(await findingsIn(code), []);
  });

  it('still follows the whole class when it has a base the file does not know, which may call any method', async () => {
    const code = taggerModule('model = Tagger(words, tags)\nprint(model)')
      .replace('import torch.nn as nn', 'import torch.nn as nn\nfrom registry import Registered')
      .replace('class Tagger(nn.Module):', 'class Tagger(nn.Module, Registered):');
    assert.notDeepEqual(await findingsIn(code), []);
  });
});

describe('MLD801: the project\'s imported helper handed only the seed, on a line of its own, seeds', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/train_tabular.py', code, unseededRandomness);
  /** A script that calls `seeding` after its imports, then knocks random cells out of the features it fits on. */
  const script = (imports: string, seeding: string) => py`
    import random
    import numpy as np
    ${imports}
    SEED = 2021
    ${seeding}
    for col in random.sample(list(range(X.shape[1])), 8):
        X[np.random.randint(0, len(X)), col] = np.nan
    model.fit(X, y)
  `;

  it('takes a helper named for no seed, imported from a module beside the script, as seeding everything', async () => {
    assert.deepEqual(await lines(script('from utils import deterministic', 'deterministic(SEED)')), []);
    assert.deepEqual(await lines(script('from .common import make_reproducible', 'make_reproducible(SEED)')), []);
    assert.deepEqual(await lines(script('from helpers import *', 'fix_randomness(args.seed)')), []);
    assert.deepEqual(await lines(script('from utils import deterministic', 'deterministic(seed=SEED)')), []);
  });

  it('still reports both libraries when the helper\'s value is kept, it is handed more than the seed, it is a method, a built-in or a function of the file', async () => {
    assert.deepEqual(await lines(script('from utils import deterministic', 'state = deterministic(SEED)')), [6, 7]);
    assert.deepEqual(await lines(script('from utils import run_experiment', 'run_experiment(config, SEED)')), [6, 7]);
    assert.deepEqual(await lines(script('from utils import Tracker\ntracker = Tracker()', 'tracker.log(SEED)')), [7, 8]);
    assert.deepEqual(await lines(script('', 'print(SEED)')), [6, 7]);
    assert.deepEqual(await lines(script('def report(value):\n    print(value)', 'report(SEED)')), [7, 8]);
    assert.deepEqual(await lines(script('from utils import deterministic', 'deterministic(epochs)')), [6, 7]);
  });
});

describe('MLD801: rows drawn only through a transformer class of the file, then shown', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/explore.py', code, unseededRandomness);
  const script = (extra: string, after: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.base import TransformerMixin

    class WeatherEncoder(TransformerMixin):
        def fit(self, X, y=None):
            self.columns = sorted(X["weather"].unique())
            return self
        def transform(self, X):
            return pd.get_dummies(X["weather"]).reindex(columns=self.columns, fill_value=0)
        ${extra}

    df = pd.read_csv("accidents.csv")
    rows = df.iloc[np.random.choice(len(df), 1000)]
    encoded = WeatherEncoder().fit_transform(rows)
    ${after}
  `;

  it('leaves a draw alone when the encoder it goes through only feeds a printout', async () => {
    assert.deepEqual(await lines(script('', 'print(encoded.sum())')), []);
  });

  it('still reports it when the class predicts, or the encoded rows are fitted', async () => {
    assert.deepEqual(await lines(script('def predict(self, X):\n        return self.transform(X).sum(axis=1) > 1', 'print(encoded.sum())')), [15]);
    assert.deepEqual(await lines(script('', 'model.fit(encoded, rows["severity"])')), [14]);
  });
});

describe('MLD801: a whole number drawn right inside the text that names a run', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/finetune.py', code, unseededRandomness);

  it('leaves a run folder named in an f-string by a number drawn there and handed to the trainer, in a __main__ block', async () => {
    assert.deepEqual(await lines(py`
      import os
      import numpy as np
      import pytorch_lightning as pl

      if __name__ == "__main__":
          model = GalaxyClassifier()
          save_dir = os.path.join("results", f"finetune_{np.random.randint(1e8)}")
          trainer = pl.Trainer(default_root_dir=save_dir, max_epochs=10)
          trainer.fit(model, datamodule)
          trainer.predict(model, datamodule, ckpt_path=os.path.join(save_dir, "best.ckpt"))
    `), []);
  });

  it('leaves a result file named by .format, %, str() and + around a number drawn there, in a main called once', async () => {
    assert.deepEqual(await lines(py`
      import json
      import random
      from sklearn.linear_model import Ridge

      def main(size):
          X, y = load(size)
          score = Ridge().fit(X, y).score(X, y)
          with open("result_{}_{}.json".format(size, random.randint(0, 10000)), "w") as f:
              json.dump({"r2": score}, f)
          print("run %d finished" % random.randrange(1000))
          log_path = "logs/run_" + str(random.randint(0, 99)) + ".txt"
          open(log_path, "w").write(str(score))

      main(5000)
    `), []);
  });

  it('still reports a number drawn inside text that names each of many samples, or one used as a seed', async () => {
    assert.deepEqual(await lines(py`
      import numpy as np
      from sklearn.linear_model import LogisticRegression

      rows = []
      for i in range(100):
          rows.append(f"{np.random.randint(10)}")
      LogisticRegression().fit(encode(rows), labels)
    `), [6]);
    assert.deepEqual(await lines(py`
      import numpy as np
      import lightgbm as lgb

      if __name__ == "__main__":
          params = {"seed": np.random.randint(9999)}
          print(f"run {params['seed']}")
          lgb.train(params, lgb.Dataset(X, y))
    `), [5]);
  });
});

describe('MLD801: a seeding helper of a project module the file imports (AnalysisConfig.projectModules)', () => {
  const module = (name: string, text: string): ProjectModuleSource => ({ name, path: `/project/${name.replace(/^\.+/, '').replace(/\./g, '/')}.py`, text });
  const lines = async (code: string, modules: ProjectModuleSource[]) => {
    const { result } = await run(code, undefined, { ...allRulesConfig(), projectModules: modules });
    return result.findings.filter((f) => f.code === 'MLD801').map((f) => f.range.start.line + 1);
  };
  const SCRIPTS = module('scripts', py`
    import random
    import numpy as np
    import torch

    def set_deterministic_mode(seed=1234):
        torch.manual_seed(seed)
        torch.backends.cudnn.deterministic = True
        np.random.seed(seed)
        random.seed(seed)

    def _fix_all(seed):
        np.random.seed(seed)
        torch.manual_seed(seed)

    def init_env():
        _fix_all(7)

    def fix_randomness(seed=None):
        np.random.seed(seed)

    def torch_only():
        torch.manual_seed(0)

    def fast_mode():
        torch.backends.cudnn.benchmark = True
  `);
  const draws = (importLine: string, call: string) => py`
    import numpy as np
    import torch
    ${importLine}

    class Clips(torch.utils.data.Dataset):
        def __getitem__(self, i):
            start = np.random.choice(np.arange(10))
            return torch.from_numpy(np.arange(start, start + 4))

    def main():
        ${call}
        model = torch.nn.Linear(4, 1)
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        for x in torch.utils.data.DataLoader(Clips(), shuffle=True):
            loss = model(x.float()).mean()
            loss.backward()
            opt.step()

    if __name__ == "__main__":
        main()
  `;

  it('is silent when a helper imported from the project seeds the library, whatever the helper is named', async () => {
    assert.deepEqual(await lines(draws('from scripts import set_deterministic_mode', 'set_deterministic_mode()'), [SCRIPTS]), []);
    assert.deepEqual(await lines(draws('import scripts', 'scripts.set_deterministic_mode()'), [SCRIPTS]), []);
    assert.deepEqual(await lines(draws('from .scripts import set_deterministic_mode', 'set_deterministic_mode()'), [module('.scripts', SCRIPTS.text)]), []);
  });

  it('is silent when the helper seeds through another function of its module, or when importing the module seeds', async () => {
    assert.deepEqual(await lines(draws('from scripts import init_env', 'init_env()'), [SCRIPTS]), []);
    const setup = module('setup_env', 'import numpy as np\nnp.random.seed(0)\n');
    assert.deepEqual(await lines(draws('import setup_env', 'pass'), [setup]), []);
  });

  it('is silent when a helper whose seed defaults to None is given one', async () => {
    assert.deepEqual(await lines(draws('from scripts import fix_randomness', 'fix_randomness(0)'), [SCRIPTS]), []);
    assert.deepEqual(await lines(draws('from scripts import fix_randomness', 'fix_randomness(seed=0)'), [SCRIPTS]), []);
  });

  it('still reports when the helper seeds another library, seeds nothing, or is called without the seed it needs', async () => {
    assert.deepEqual(await lines(draws('from scripts import torch_only', 'torch_only()'), [SCRIPTS]), [7]);
    assert.deepEqual(await lines(draws('from scripts import fast_mode', 'fast_mode()'), [SCRIPTS]), [7]);
    assert.deepEqual(await lines(draws('from scripts import fix_randomness', 'fix_randomness()'), [SCRIPTS]), [7]);
  });

  it('still reports when the seeding helper is imported but never called, or the module is not the project\'s', async () => {
    assert.deepEqual(await lines(draws('from scripts import set_deterministic_mode', 'pass'), [SCRIPTS]), [7]);
    assert.deepEqual(await lines(draws('from scripts import set_deterministic_mode', 'set_deterministic_mode()'), []), [7]);
  });
});
