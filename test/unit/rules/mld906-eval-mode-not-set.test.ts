import { evalModeNotSet } from '../../../server/src/detectors/mld906-eval-mode-not-set';
import { py } from '../../support/engine';
import { ruleTests } from '../../support/ruleTester';

const TRAINED = py`
  import torch
  import torch.nn as nn
  model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 2))
  optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
  for x, y in loader:
      optimizer.zero_grad()
      loss_fn(model(x), y).backward()
      optimizer.step()
`;

/** A Hugging Face model switched to training and trained by a loop that calls it. */
const FINE_TUNED = py`
  import torch
  from transformers import AutoModelForSequenceClassification as Auto
  clf = Auto.from_pretrained("distilbert-base-uncased", revision="a1b2c3")
  clf.train()
  for batch in loader:
      clf(**batch).loss.backward()
`;

/** A model with no dropout or batch norm, trained by a loop that calls it. */
const LINEAR_TRAINED = py`
  import torch
  import torch.nn as nn
  linear = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
  opt = torch.optim.SGD(linear.parameters(), lr=0.1)
  for x, y in loader:
      opt.zero_grad()
      ((linear(x) - y) ** 2).mean().backward()
      opt.step()
`;

/** A recurrent model trained, then evaluated under no_grad without eval(); `layers` is what the GRU is given beyond its sizes. */
const RECURRENT_TRAINED = (layers: string) => py`
  import torch
  import torch.nn as nn
  rnn = nn.GRU(16, 32${layers}, batch_first=True)
  opt = torch.optim.Adam(rnn.parameters())
  for x, y in loader:
      opt.zero_grad()
      out, _ = rnn(x)
      ((out[:, -1] - y) ** 2).mean().backward()
      opt.step()
  with torch.no_grad():
      out, _ = rnn(x_test)
`;

/** A model whose layers come from a list the file does not show, trained by a loop that calls it. */
const SPLATTED = py`
  import torch
  import torch.nn as nn
  net = nn.Sequential(*layers)
  opt = torch.optim.SGD(net.parameters(), lr=0.1)
  for x, y in loader:
      opt.zero_grad()
      ((net(x) - y) ** 2).mean().backward()
      opt.step()
`;

/**
 * An RL agent whose layers pass through a weight-init helper of the file (`layer_init(nn.Linear(...))`),
 * acting under no_grad during each rollout and updated after it. `HELPER` is the helper's body.
 */
/** A link predictor: a plain encoder and a scoring module with no layers, trained together, then scored under no_grad. */
const LAYERLESS_PREDICTOR = (inForward: string): string => py`
  import itertools
  import torch
  import torch.nn as nn
  import dgl
  import dgl.function as fn

  class Encoder(nn.Module):
      def __init__(self, d_in, d_h):
          super().__init__()
          self.first = nn.Linear(d_in, d_h)
          self.second = nn.Linear(d_h, d_h)

      def forward(self, x):
          return self.second(torch.relu(self.first(x)))

  class DotScorer(nn.Module):
      def forward(self, g, h):${inForward}
          with g.local_scope():
              g.ndata["h"] = h
              g.apply_edges(fn.u_dot_v("h", "h", "score"))
              return g.edata["score"][:, 0]

  model = Encoder(16, 8)
  pred = DotScorer()
  optimizer = torch.optim.Adam(itertools.chain(model.parameters(), pred.parameters()), lr=0.01)
  for epoch in range(50):
      h = model(features)
      score = pred(train_g, h)
      loss = compute_loss(score)
      optimizer.zero_grad()
      loss.backward()
      optimizer.step()
  with torch.no_grad():
      score = pred(test_g, h)
      print(auc(score))
`;

/** A graph encoder of two graph-library layers, trained on link scores, then evaluated under no_grad (or, with `after`, used after training). */
const GRAPH_ENCODER = (imports: string, first: string, second: string, after = false): string => py`
  import torch
  import torch.nn as nn
  ${imports}

  class GraphEncoder(nn.Module):
      def __init__(self, d_in, d_h):
          super().__init__()
          self.first = ${first}
          self.second = ${second}

      def forward(self, g, x):
          h = torch.relu(self.first(g, x))
          return self.second(g, h)

  model = GraphEncoder(16, 8)
  optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
  for epoch in range(100):
      h = model(train_g, features)
      loss = link_loss(h, pos_g, neg_g)
      optimizer.zero_grad()
      loss.backward()
      optimizer.step()
` + (after ? py`
  h = model(full_graph, features)
  scores = dot_scores(neg_graph, h)
` : py`
  with torch.no_grad():
      h = model(graph, features)
      print(auc(h, test_pos_g, test_neg_g))
`);

/** A case where GRAPH_ENCODER's no_grad evaluation is reported; `known` when the file shows the mode-dependent layer. */
/** A packed-ensemble network of TorchUncertainty's layers, trained, then evaluated under no_grad (or used after training). */
const PACKED_NET = (imports: string, first: string, second: string, after = false): string => py`
  import torch
  import torch.nn as nn
  ${imports}

  class PackedNet(nn.Module):
      def __init__(self, m):
          super().__init__()
          self.first = ${first}
          self.pool = nn.MaxPool2d(2, 2)
          self.second = ${second}

      def forward(self, x):
          h = self.pool(torch.relu(self.first(x)))
          return self.second(h.flatten(1))

  net = PackedNet(4)
  optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
  for images, labels in trainloader:
      loss = criterion(net(images), labels.repeat(4))
      optimizer.zero_grad()
      loss.backward()
      optimizer.step()
` + (after ? py`
  logits = net(test_images)
  print(logits.softmax(-1).mean(0))
` : py`
  with torch.no_grad():
      logits = net(test_images)
      print(logits.softmax(-1).mean(0))
`);

const packedNoGradCase = (name: string, imports: string, first: string, second: string, known: boolean) => {
  const code = PACKED_NET(imports, first, second);
  const effect = known ? 'the dropout or batch-norm layers it has behave as in training' : 'any dropout or batch-norm layer it has behaves as in training';
  return {
    name,
    code,
    findings: [{ line: 24, message: new RegExp(`^\`net\` is evaluated under \`no_grad\` but is still in training mode: ${effect}`) }],
    safety: 'unsafe' as const,
    output: code.replace('\nwith torch.no_grad():', '\nnet.eval()\nwith torch.no_grad():'),
  };
};

const graphNoGradCase = (name: string, imports: string, first: string, second: string, known: boolean) => {
  const code = GRAPH_ENCODER(imports, first, second);
  const effect = known ? 'the dropout or batch-norm layers it has behave as in training' : 'any dropout or batch-norm layer it has behaves as in training';
  return {
    name,
    code,
    findings: [{ line: 24, message: new RegExp(`^\`model\` is evaluated under \`no_grad\` but is still in training mode: ${effect}`) }],
    safety: 'unsafe' as const,
    output: code.replace('\nwith torch.no_grad():', '\nmodel.eval()\nwith torch.no_grad():'),
  };
};

const agentWithInitHelper = (helper: string, layers: string): string => py`
  import numpy as np
  import torch
  import torch.nn as nn
  import torch.optim as optim
` + helper + py`
  class QNetwork(nn.Module):
      def __init__(self, n_obs, n_actions):
          super().__init__()
          self.network = nn.Sequential(
${layers}
          )
      def forward(self, x):
          return self.network(x)
  q_network = QNetwork(4, 2)
  optimizer = optim.Adam(q_network.parameters(), lr=2.5e-4)
  for iteration in range(100):
      for step in range(128):
          with torch.no_grad():
              q_values = q_network(next_obs)
              actions = torch.argmax(q_values, dim=1)
          next_obs = envs.step(actions)
      loss = ((q_network(b_obs) - b_returns) ** 2).mean()
      optimizer.zero_grad()
      loss.backward()
      optimizer.step()
`;

const LAYER_INIT = py`
  def layer_init(layer, std=np.sqrt(2), bias_const=0.0):
      torch.nn.init.orthogonal_(layer.weight, std)
      torch.nn.init.constant_(layer.bias, bias_const)
      return layer
`;

/** The same kind of helper under another name and shape: a docstring, a guarded bias, a `nn.init` alias. */
const XAVIER_INIT = py`
  def init_weights(m, gain=1.0):
      """Xavier weights, zero bias."""
      nn.init.xavier_uniform_(m.weight, gain=gain)
      if m.bias is not None:
          nn.init.zeros_(m.bias)
      return m
`;

/** An init helper that hands back a new container holding the layer and a dropout. */
const WRAPPING_INIT = py`
  def layer_init(layer, std=np.sqrt(2)):
      torch.nn.init.orthogonal_(layer.weight, std)
      return nn.Sequential(layer, nn.Dropout(0.1))
`;

/** The rollout block, and the fix's edit of it: evaluation mode for the block, training mode back before the update. */
const ROLLOUT = '        with torch.no_grad():\n            q_values = q_network(next_obs)\n            actions = torch.argmax(q_values, dim=1)\n';
const EVAL_ROLLOUT = '        q_network.eval()\n' + ROLLOUT + '        q_network.train()\n';

const PLAIN_INIT_LAYERS = [
  '              layer_init(nn.Linear(n_obs, 64)),',
  '              nn.LayerNorm(64),',
  '              nn.ReLU(),',
  '              layer_init(nn.Linear(64, n_actions), std=0.01),',
].join('\n');

/**
 * An agent whose layers are splatted from a list sized by an environment that a factory of the
 * file builds; `LAYERS` is how the list is filled.
 */
const agentSizedByEnv = (factory: string, layers: string): string => py`
  import gymnasium as gym
  import torch
  import torch.nn as nn
` + factory + py`
  envs = gym.vector.SyncVectorEnv([make_env("CartPole-v1", i) for i in range(4)])
  n_obs = envs.single_observation_space.shape[0]
${layers}
  agent = nn.Sequential(*layers)
  optimizer = torch.optim.Adam(agent.parameters(), lr=1e-3)
  for update in range(10):
      for step in range(128):
          with torch.no_grad():
              logits = agent(next_obs)
          next_obs = envs.step(logits.argmax(dim=1))
      loss = agent(b_obs).mean()
      optimizer.zero_grad()
      loss.backward()
      optimizer.step()
`;

const ENV_FACTORY = py`
  def make_env(env_id, seed):
      def thunk():
          env = gym.make(env_id)
          env = gym.wrappers.RecordEpisodeStatistics(env)
          env.action_space.seed(seed)
          return env
      return thunk
`;

const PLAIN_SIZED_LAYERS = [
  '  layers = [nn.Linear(n_obs, 64), nn.Tanh()]',
  '  layers += [nn.Linear(64, envs.single_action_space.n)]',
].join('\n');

/** A training loop over TRAINED's model that validates every 100 steps (VALIDATION, under its `if`). */
const STEP_LOOP = py`
  for step, (x, y) in enumerate(loader):
      model.train()
      optimizer.zero_grad()
      loss_fn(model(x), y).backward()
      optimizer.step()
      if step % 100 == 0:
`;
const VALIDATION = '        with torch.no_grad():\n            val_loss = loss_fn(model(X_val), y_val)\n';

/** A model with dropout whose output shape is checked under no_grad before it is trained. */
const SHAPE_CHECK = (show: string) => py`
  import torch
  from torch import nn
  class Net(nn.Module):
      def __init__(self):
          super().__init__()
          self.drop = nn.Dropout(0.1)
          self.fc = nn.Linear(4, 2)
      def forward(self, x):
          return self.fc(self.drop(x))
  model = Net()
  with torch.no_grad():
      output = model(torch.zeros(3, 4))
  ${show}
  optimizer = torch.optim.Adam(model.parameters())
  for x, y in loader:
      optimizer.zero_grad()
      loss_fn(model(x), y).backward()
      optimizer.step()
`;

/** A model switched to training mode, then trained by a helper of the file that takes no arguments, then validated. */
const TRAINED_BY_HELPER = py`
  import torch
  import torch.nn as nn
  model = nn.Sequential(nn.Linear(20, 64), nn.Dropout(0.5), nn.Linear(64, 2))
  optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
  def train_epoch():
      for x, y in loader:
          optimizer.zero_grad()
          loss_fn(model(x), y).backward()
          optimizer.step()
  model.train()
  train_epoch()
  with torch.no_grad():
      acc = (model(xv).argmax(1) == yv).float().mean()
`;

/**
 * A small encoder whose class body builds only plain layers but calls functions of the file that build no
 * module: a sinusoidal position table for `nn.Embedding.from_pretrained`, a padding mask and a gelu.
 * `extra` is added to `__init__`; the model is trained by a loop and then used for predictions.
 */
const ENCODER_WITH_HELPERS = (helpers: string, extra = '') => py`
  import numpy as np
  import torch
  import torch.nn as nn

  def position_table(n_pos, dim):
      angles = np.array([[p / np.power(10000, 2 * (i // 2) / dim) for i in range(dim)] for p in range(n_pos)])
      angles[:, 0::2] = np.sin(angles[:, 0::2])
      angles[:, 1::2] = np.cos(angles[:, 1::2])
      return torch.FloatTensor(angles)

  def padding_mask(tokens):
      return tokens.eq(0).unsqueeze(-1)

  def gelu(x):
      return x * 0.5 * (1.0 + torch.erf(x / 1.41421))
` + helpers + py`

  class TinyEncoder(nn.Module):
      def __init__(self, vocab, dim, max_len):
          super().__init__()
          self.tok = nn.Embedding(vocab, dim)
          self.pos = nn.Embedding.from_pretrained(position_table(max_len, dim), freeze=True)
          self.ff = nn.Linear(dim, dim)
          self.norm = nn.LayerNorm(dim)
          self.out = nn.Linear(dim, vocab)${extra}

      def forward(self, tokens, positions):
          h = self.tok(tokens) + self.pos(positions)
          h = self.norm(h + gelu(self.ff(h)))
          return self.out(h).masked_fill(padding_mask(tokens), 0.0)

  model = TinyEncoder(100, 16, 12)
  criterion = nn.CrossEntropyLoss()
  optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
  for epoch in range(20):
      optimizer.zero_grad()
      loss = criterion(model(tokens, positions).view(-1, 100), targets.view(-1))
      loss.backward()
      optimizer.step()

  predicted = model(tokens, positions).argmax(-1)
  print(predicted)
`;

/** A pretrained model bound to a second name by `.half()`, neither name ever switched to evaluation. */
const HALF_ALIAS = py`
  import torch
  import torchvision

  net = torchvision.models.resnet18(weights="DEFAULT").to("cuda")
  net_fp16 = net.half()
  with torch.no_grad():
      logits = net_fp16(batch)
  print(logits.argmax(1))
`;

/** A small CNN with batch norm, trained, then used in three places with no switch between them. */
const TRAINED_THEN_EVALUATED_THRICE = py`
  import torch
  import torch.nn as nn

  net = nn.Sequential(nn.Conv2d(3, 16, 3), nn.BatchNorm2d(16), nn.ReLU(), nn.Flatten(), nn.LazyLinear(10))
  optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
  for epoch in range(2):
      for images, labels in trainloader:
          optimizer.zero_grad()
          loss = nn.functional.cross_entropy(net(images), labels)
          loss.backward()
          optimizer.step()

  images, labels = next(iter(testloader))
  images = images.to("cpu")
  labels = labels.to("cpu")
  outputs = net(images)
  with torch.no_grad():
      for images, labels in testloader:
          predicted = net(images).argmax(1)
  with torch.no_grad():
      for images, labels in testloader:
          scores = net(images)
`;

/** The same network evaluated, trained again, and evaluated again: two trainings, two evaluations. */
const TRAINED_EVALUATED_RETRAINED = py`
  import torch
  import torch.nn as nn

  net = nn.Sequential(nn.Linear(8, 16), nn.Dropout(0.2), nn.Linear(16, 1))
  optimizer = torch.optim.Adam(net.parameters())

  def fit(epochs):
      for _ in range(epochs):
          optimizer.zero_grad()
          nn.functional.mse_loss(net(x_train), y_train).backward()
          optimizer.step()

  fit(5)
  with torch.no_grad():
      val = net(x_val)
  print(val.mean())
  net.train()
  for _ in range(5):
      optimizer.zero_grad()
      nn.functional.mse_loss(net(x_more), y_more).backward()
      optimizer.step()
  with torch.no_grad():
      again = net(x_val)
`;

/** A model a function of the file builds and returns, restored and evaluated without `.eval()`. */
const BUILT_BY_HELPER = (build: string) => py`
        import torch
        import torch.nn as nn

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(4, 2)
                self.drop = nn.Dropout(0.5)
            def forward(self, x):
                return self.fc(self.drop(x))

        def build():
            ${build}

        model = build()
        model.load_state_dict(torch.load("m.pt", weights_only=True))
        with torch.no_grad():
            preds = model(torch.randn(3, 4))
`;

/** A DQN with batch norm whose epsilon-greedy acting helper runs a no-grad pass; `act` is the helper's body (indented), `loop` the episode loop. */
const DQN_AGENT = (act: string, loop: string) => py`
  import math
  import random
  import numpy as np
  import torch
  import torch.nn as nn
  policy_net = nn.Sequential(nn.Conv2d(1, 16, 5), nn.BatchNorm2d(16), nn.ReLU(), nn.Flatten(), nn.LazyLinear(2))
  optimizer = torch.optim.RMSprop(policy_net.parameters())
  def select_action(state):
` + act + py`
  def optimize_model():
      if len(memory) < 128:
          return
      batch = memory.sample(128)
      loss = nn.functional.smooth_l1_loss(policy_net(batch.state).gather(1, batch.action), batch.target)
      optimizer.zero_grad()
      loss.backward()
      optimizer.step()
` + loop + '\n';

const EPSILON_ACT = `    sample = random.random()
    if sample > eps_threshold:
        with torch.no_grad():
            return policy_net(state).max(1)[1].view(1, 1)
    else:
        return torch.tensor([[random.randrange(2)]])\n`;

const EPISODE_LOOP = `for episode in range(50):
    state = env.reset()
    for t in range(500):
        action = select_action(state)
        next_state, reward, done = env.step(action.item())
        memory.push(state, action, next_state, reward)
        state = next_state
        optimize_model()
        if done:
            break`;

/**
 * A critic whose trunk a builder function of the file makes (`HELPER`, called as `call` in the
 * class body), trained, then evaluated once under no_grad after its training loop.
 */
const criticWithBuiltTrunk = (helper: string, call: string): string => py`
  import torch
  import torch.nn as nn
  import torchvision
` + helper + py`
  class Critic(nn.Module):
      def __init__(self):
          super().__init__()
          self.trunk = ${call}
          self.out = nn.Linear(512, 1)

      def forward(self, x):
          return self.out(self.trunk(x))

  critic = Critic()
  opt = torch.optim.Adam(critic.parameters(), lr=1e-4)
  for step in range(1000):
      loss = (critic(obs) - returns).pow(2).mean()
      opt.zero_grad()
      loss.backward()
      opt.step()
  with torch.no_grad():
      print(critic(test_obs).mean())
`;

/** The fix's edit of `criticWithBuiltTrunk`: evaluation mode before the evaluation. */
const evalCritic = (code: string): string => code.replace('with torch.no_grad():\n    print(critic', 'critic.eval()\nwith torch.no_grad():\n    print(critic');

const CONV_TRUNK = py`
  def conv_trunk(channels):
      return nn.Sequential(
          nn.Conv2d(channels, 32, kernel_size=8, stride=4), nn.LeakyReLU(),
          nn.Conv2d(32, 64, kernel_size=4, stride=2), nn.LeakyReLU(),
          nn.Flatten(),
      )
`;

const MLP_TRUNK = py`
  def mlp(sizes, act=nn.Tanh):
      layers = []
      for i in range(len(sizes) - 1):
          layers.append(nn.Linear(sizes[i], sizes[i + 1]))
          layers.append(act())
      return nn.Sequential(*layers)
`;

const NESTED_TRUNK = py`
  def block(n_in, n_out):
      return nn.Sequential(nn.Linear(n_in, n_out), nn.ELU())

  def trunk(n_in):
      net = nn.Sequential(block(n_in, 256), block(256, 512))
      return net
`;

const DROPOUT_TRUNK = py`
  def conv_trunk(channels):
      return nn.Sequential(nn.Conv2d(channels, 32, 8, 4), nn.ReLU(), nn.Dropout(0.2), nn.Flatten())
`;

const NORMED_MLP = py`
  def mlp(sizes):
      layers = []
      for i in range(len(sizes) - 1):
          layers.append(nn.Linear(sizes[i], sizes[i + 1]))
          layers.append(nn.BatchNorm1d(sizes[i + 1]))
      return nn.Sequential(*layers)
`;

const PRETRAINED_TRUNK = py`
  def backbone():
      net = torchvision.models.resnet18(weights="IMAGENET1K_V1")
      net.fc = nn.Identity()
      return net
`;

ruleTests(evalModeNotSet, {
  valid: [
    {
      name: 'a module whose trunk a builder function of the file makes from plain layers only: a Sequential written out',
      code: criticWithBuiltTrunk(CONV_TRUNK, 'conv_trunk(4)'),
    },
    {
      name: 'a module whose trunk a builder function of the file makes from plain layers only: a list filled in a loop, the activation a default class',
      code: criticWithBuiltTrunk(MLP_TRUNK, 'mlp([64, 256, 512])'),
    },
    {
      name: 'a module whose trunk a builder function of the file makes from plain layers only: builders nested, the result bound before it is returned',
      code: criticWithBuiltTrunk(NESTED_TRUNK, 'trunk(64)'),
    },
    {
      name: 'a graph encoder of DGL HeteroGraphConv over SAGEConv layers with no feat_drop, used after training: no dropout, no norm',
      code: GRAPH_ENCODER('import dgl.nn.pytorch as dglnn',
        'dglnn.HeteroGraphConv({"rates": dglnn.SAGEConv((20, 21), d_h, "mean"), "rated_by": dglnn.SAGEConv((21, 20), d_h, "mean")})',
        'dglnn.HeteroGraphConv({"rates": dglnn.SAGEConv(d_h, d_h, "mean"), "rated_by": dglnn.SAGEConv(d_h, d_h, "mean")})', true),
    },
    {
      name: 'DGL GraphConv layers (no dropout argument at all), evaluated under no_grad',
      code: GRAPH_ENCODER('from dgl.nn import GraphConv', 'GraphConv(d_in, d_h, norm="both")', 'GraphConv(d_h, d_h, activation=torch.relu)'),
    },
    {
      name: 'DGL SAGEConv with feat_drop=0.0 and GATConv with zero drops, imported from dgl.nn.pytorch.conv',
      code: GRAPH_ENCODER('from dgl.nn.pytorch.conv import SAGEConv, GATConv', 'SAGEConv(d_in, d_h, "pool", feat_drop=0.0)', 'GATConv(d_h, d_h, 1, 0.0, 0.0, residual=True)'),
    },
    {
      name: 'PyTorch Geometric GCNConv and SAGEConv, which carry no dropout',
      code: GRAPH_ENCODER('from torch_geometric.nn import GCNConv, SAGEConv', 'GCNConv(d_in, d_h)', 'SAGEConv(d_h, d_h, aggr="max", normalize=True)'),
    },
    {
      name: 'a packed ensemble of TorchUncertainty layers (grouped convolutions and linear maps) used after training: no dropout, no batch norm (round 681)',
      code: PACKED_NET('from torch_uncertainty.layers import PackedConv2d, PackedLinear', 'PackedConv2d(3, 6, 5, alpha=2, num_estimators=m, first=True)', 'PackedLinear(6 * 14 * 14, 10 * m, alpha=2, num_estimators=m, last=True)', true),
    },
    {
      name: 'packed layers imported from torch_uncertainty.layers.packed, a packed layer norm and attention with dropout=0.0, evaluated under no_grad (round 681)',
      code: PACKED_NET('from torch_uncertainty.layers.packed import PackedConv1d, PackedLayerNorm, PackedMultiheadAttention', 'nn.Sequential(PackedConv1d(3, 6, 3, alpha=2, num_estimators=m), PackedLayerNorm(6, m, alpha=2))', 'PackedMultiheadAttention(16, 2, 2, m, 1, 0.0)'),
    },
    {
      name: 'a model a function of the file builds from plain layers only, restored and evaluated',
      code: BUILT_BY_HELPER('return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))'),
    },
    {
      name: 'Monte-Carlo dropout: an explicit train() after training, then repeated no-grad passes sampled with dropout on, in a notebook',
      code: [
        'import torch\nimport torch.nn as nn\nregressor = nn.Sequential(nn.Linear(1, 32), nn.ReLU(), nn.Dropout(0.2), nn.Linear(32, 1))\nopt = torch.optim.SGD(regressor.parameters(), lr=0.01)\n',
        'for step in range(500):\n    opt.zero_grad()\n    nn.functional.mse_loss(regressor(xs), ys).backward()\n    opt.step()\n',
        'regressor.eval()\nwith torch.no_grad():\n    mean_curve = regressor(grid)\n',
        '# sample predictions with dropout kept on\nregressor.train()\ndraws = []\nwith torch.no_grad():\n    for _ in range(50):\n        draws.append(regressor(grid).squeeze())\nspread = torch.stack(draws).std(0)\n',
      ],
    },
    {
      name: 'Monte-Carlo dropout in a script: train(True) right before a comprehension of no-grad passes',
      code: TRAINED + py`
        model.train(True)
        with torch.no_grad():
            samples = torch.stack([model(X_test).softmax(-1) for _ in range(30)])
        uncertainty = samples.var(0).sum(-1)
      `,
    },
    {
      name: 'a forward pass whose output is only asked its shape (a sanity check before training), in a script and in a notebook',
      code: SHAPE_CHECK('print(output.shape)'),
    },
    {
      name: 'notebook: the output shape shown as a cell value',
      code: [
        'import torch\nimport torch.nn as nn\nmodel = nn.Sequential(nn.Linear(20, 64), nn.Dropout(0.5), nn.Linear(64, 2))\n',
        'with torch.no_grad():\n    output = model(torch.zeros(8, 20))\noutput.shape\n',
        'optimizer = torch.optim.Adam(model.parameters())\nfor x, y in loader:\n    optimizer.zero_grad()\n    loss_fn(model(x), y).backward()\n    optimizer.step()\n',
      ],
    },
    {
      name: 'eval() before the no_grad block, and train(False)',
      code: TRAINED + py`
        model.eval()
        with torch.no_grad():
            preds = model(X_test)
        model.train()
        for x, y in loader:
            loss_fn(model(x), y).backward()
        model.train(False)
        with torch.inference_mode():
            more = model(X_more)
      `,
    },
    {
      name: 'a module switched to evaluation before, or after, it is bound to a second name by a self-returning call (.half(), .cpu(), a plain alias) is one module in evaluation mode',
      code: [
        'import torch\nimport torchvision\nnet = torchvision.models.resnet18(weights="DEFAULT").to("cuda").eval()\n',
        'net_fp16 = net.half()\nbatch = torch.rand(8, 3, 224, 224, device="cuda").half()\n',
        'with torch.no_grad():\n    logits = net_fp16(batch)\nprint(logits.argmax(1))\n',
        'student = torchvision.models.mobilenet_v3_small()\nstudent.load_state_dict(torch.load("student.pt", weights_only=True))\nstudent_cpu = student.cpu()\nteacher_view = student_cpu\nstudent.eval()\n',
        'with torch.no_grad():\n    print(student_cpu(torch.zeros(1, 3, 224, 224)).softmax(-1), teacher_view(torch.ones(1, 3, 224, 224)).max())\n',
      ],
    },
    {
      name: 'a module bound from a function\'s parameter by a self-returning call is not the module a global of the same name holds',
      code: py`
        import torch
        import torch.nn as nn

        net = nn.Sequential(nn.Linear(4, 8), nn.Dropout(0.1), nn.Linear(8, 1))
        opt = torch.optim.SGD(net.parameters(), lr=0.1)

        def timed_forward(net: nn.Module, x: torch.Tensor) -> torch.Tensor:
            fast = net.half()
            with torch.no_grad():
                return fast(x.half())
      `,
    },
    {
      name: 'a module never trained nor loaded',
      code: py`
        import torch
        import torch.nn as nn
        probe = nn.Sequential(nn.Linear(4, 8), nn.Dropout(0.2))
        with torch.no_grad():
            print(probe(torch.zeros(1, 4)).shape)
      `,
    },
    {
      name: 'train(False) chained onto the constructor, and train(mode=False) later',
      code: py`
        import torch
        import torchvision
        net = torchvision.models.resnet18(weights="IMAGENET1K_V1").train(False).to(device)
        with torch.no_grad():
            probs = torch.softmax(net(batch), dim=-1)
        head = torch.nn.Sequential(torch.nn.Linear(512, 10), torch.nn.Dropout(0.1))
        head.load_state_dict(torch.load("head.pt", weights_only=True))
        head.train(mode=False)
        with torch.no_grad():
            logits = head(feats)
      `,
    },
    {
      name: 'eval mode set by a method of the model class, by apply(), or over a tuple of modules',
      code: TRAINED + py`
        class Head(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Sequential(nn.Linear(64, 2), nn.Dropout(0.3))
            def freeze(self):
                self.eval()
                return self
        head = Head()
        head.load_state_dict(torch.load("head.pt", weights_only=True))
        head.freeze()
        with torch.no_grad():
            scores = head(feats)
        model.apply(lambda layer: layer.eval())
        with torch.no_grad():
            preds = model(X_test)
        encoder = nn.Sequential(nn.Linear(8, 4), nn.Dropout(0.1))
        encoder.load_state_dict(torch.load("enc.pt", weights_only=True))
        for part in (encoder, head):
            part.eval()
        with torch.no_grad():
            codes = encoder(X_test)
      `,
    },
    {
      name: 'a no-grad forward pass on every training step: GAN fakes for the discriminator, a running training accuracy',
      code: py`
        import torch
        import torch.nn as nn
        gen = nn.Sequential(nn.Linear(16, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 784))
        disc = nn.Sequential(nn.Linear(784, 64), nn.Dropout(0.3), nn.Linear(64, 1))
        opt_g = torch.optim.Adam(gen.parameters())
        opt_d = torch.optim.Adam(disc.parameters())
        for real in loader:
            noise = torch.randn(real.size(0), 16)
            with torch.no_grad():
                fake = gen(noise)
            opt_d.zero_grad()
            (bce(disc(real), ones) + bce(disc(fake), zeros)).backward()
            opt_d.step()
            opt_g.zero_grad()
            bce(disc(gen(noise)), ones).backward()
            opt_g.step()
            with torch.no_grad():
                running_acc = (disc(real) > 0).float().mean()
      `,
    },
    {
      name: 'an agent acting on every training step through its own helper, epsilon-greedy on a draw bound to a name',
      code: DQN_AGENT(EPSILON_ACT, EPISODE_LOOP),
    },
    {
      name: 'epsilon-greedy tested on the draw itself, the pass in the else arm, and the update behind an if in the loop',
      code: DQN_AGENT(`    if np.random.rand() < epsilon:
        return random.randrange(2)
    with torch.no_grad():
        q = policy_net(state)
    return int(q.argmax())\n`, `for step in range(10000):
    action = select_action(state)
    state, reward, done = env.step(action)
    if step > 1000:
        optimize_model()`),
    },
    {
      name: 'the acting pass inline in the step loop, under an epsilon-greedy if, with the backward pass inline too',
      code: py`
        import random
        import torch
        import torch.nn as nn
        q_net = nn.Sequential(nn.Linear(4, 64), nn.Dropout(0.1), nn.Linear(64, 2))
        opt = torch.optim.Adam(q_net.parameters())
        for step in range(10000):
            if random.random() < eps:
                action = env.action_space.sample()
            else:
                with torch.no_grad():
                    action = q_net(obs).argmax().item()
            obs, reward, done = env.step(action)
            loss = loss_fn(q_net(batch_obs), batch_targets)
            opt.zero_grad()
            loss.backward()
            opt.step()
      `,
    },
    {
      name: 'after a loop that fits other tensors by hand, not this module',
      code: py`
        import torch
        import torch.nn as nn
        w = torch.zeros(1, requires_grad=True)
        for step in range(100):
            loss = ((w * xs - ys) ** 2).mean()
            loss.backward()
        regressor = nn.Sequential(nn.Linear(784, 1), nn.Dropout(0.1))
        opt = torch.optim.SGD(regressor.parameters(), lr=0.01)
        first = regressor(x_batch)
      `,
    },
    {
      name: 'eval() inside a helper of the file, or a helper that gets the model',
      code: TRAINED + py`
        def evaluate(m, data):
            m.eval()
            return [m(x) for x in data]
        scores = evaluate(model, val_loader)
        with torch.no_grad():
            preds = model(X_test)
      `,
    },
    {
      name: 'eval() later in the loop that wraps the evaluation (it holds from the second epoch on)',
      code: TRAINED + py`
        for epoch in range(10):
            with torch.no_grad():
                val = model(X_val)
            model.train()
            for x, y in loader:
                loss_fn(model(x), y).backward()
            model.eval()
      `,
    },
    {
      name: 'from_pretrained models start in eval mode; Lightning manages modes itself',
      code: py`
        import torch
        from transformers import AutoModelForSequenceClassification
        clf = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", revision="a1b2c3")
        opt = torch.optim.AdamW(clf.parameters())
        with torch.no_grad():
            logits = clf(**batch).logits
      `,
    },
    {
      name: 'notebook: the name rebound by a from_pretrained load after its training loop (the fine-tuned model pulled back from the Hub)',
      code: [
        'import torch\nfrom transformers import AutoModelForImageClassification\nclassifier = AutoModelForImageClassification.from_pretrained("org/vit-small", revision="9f8e7d6")\nopt = torch.optim.AdamW(classifier.parameters(), lr=3e-5)\n',
        'classifier.train()\nfor batch in train_loader:\n    opt.zero_grad()\n    classifier(**batch).loss.backward()\n    opt.step()\n',
        'classifier.push_to_hub("me/vit-small-flowers")\n',
        'classifier = AutoModelForImageClassification.from_pretrained("me/vit-small-flowers", revision="0a1b2c3").to(device)\n',
        'with torch.no_grad():\n    scores = classifier(pixel_values=pixels).logits.softmax(-1)\n',
      ],
    },
    {
      name: 'a script that reloads its fine-tuned model with from_pretrained after training, then predicts',
      code: FINE_TUNED + py`
        clf.save_pretrained("out/clf")
        clf = Auto.from_pretrained("out/clf")
        preds = clf(**val_batch).logits.argmax(-1)
      `,
    },
    {
      name: 'a Lightning file',
      code: py`
        import torch
        import torch.nn as nn
        import lightning as L
        net = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.1))
        net.load_state_dict(torch.load("w.pt", weights_only=True))
        with torch.no_grad():
            y = net(x)
      `,
    },
    {
      name: 'a model the file shows whole with no dropout or batch norm: the same in both modes',
      code: LINEAR_TRAINED + py`
        print(linear(x_test))
        with torch.inference_mode():
            preds = linear(x_other)
      `,
    },
    {
      name: 'a one-layer recurrent model given dropout, which it applies only between stacked layers: the same in both modes',
      code: RECURRENT_TRAINED(', dropout=0.3') + RECURRENT_TRAINED(', num_layers=1, dropout=0.3').replace(/^import[^\n]*\n/gm, ''),
    },
    {
      name: 'a local autoencoder of convolutions only, evaluated under inference_mode after training',
      code: py`
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        class ConvAutoencoder(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv = nn.Conv2d(1, 16, 3, padding=1)
                self.pool = nn.MaxPool2d(2, 2)
                self.up = nn.ConvTranspose2d(16, 1, 2, stride=2)
            def forward(self, x):
                x = self.pool(F.relu(self.conv(x)))
                return torch.sigmoid(self.up(x))
        model = ConvAutoencoder()
        optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
        for images, _ in loader:
            optimizer.zero_grad()
            criterion(model(images), images).backward()
            optimizer.step()
        with torch.inference_mode():
            output = model(test_images)
      `,
    },
    {
      name: 'layers appended to a list and splatted into Sequential; a local class calling nn.Sigmoid()(x)',
      code: py`
        import numpy as np
        import torch
        import torch.nn as nn
        x_train = torch.from_numpy(np.load("x.npy"))
        layers = []
        size = x_train.shape[1]
        for width in [8, 4]:
            layers.append(nn.Linear(size, width))
            layers.append(nn.ReLU())
            size = width
        layers.append(nn.Linear(size, 1))
        model = nn.Sequential(*layers)
        class Small(nn.Module):
            def __init__(self):
                super().__init__()
                self.layer = nn.Linear(4, 2)
            def forward(self, x):
                return nn.Softmax(dim=1)(nn.Sigmoid()(self.layer(x)))
        small = Small()
        opt = torch.optim.SGD([*model.parameters(), *small.parameters()], lr=0.1)
        for x, y in loader:
            opt.zero_grad()
            (loss_fn(model(x), y) + loss_fn(small(x), y)).backward()
            opt.step()
        with torch.no_grad():
            print(model(x_test), small(x_test))
      `,
    },
    {
      name: 'layers passed through a weight-init helper of the file that returns the layer it is given (layer_init(nn.Linear(...)))',
      code: agentWithInitHelper(LAYER_INIT, PLAIN_INIT_LAYERS),
    },
    {
      name: 'the same, through a helper of another name and body (init_weights(nn.Linear(...)) with a docstring and a guarded bias)',
      code: agentWithInitHelper(XAVIER_INIT, PLAIN_INIT_LAYERS.replaceAll('layer_init(', 'init_weights(')),
    },
    {
      name: 'a splatted list of plain layers sized by an environment that a factory of the file builds',
      code: agentSizedByEnv(ENV_FACTORY, PLAIN_SIZED_LAYERS),
    },
    {
      name: 'a local class of plain layers that calls functions of the file building no module (position table, mask, gelu)',
      code: ENCODER_WITH_HELPERS(''),
    },
    {
      name: 'a scoring module with no layers whose forward calls a graph library, trained beside a plain encoder, then evaluated under no_grad',
      code: LAYERLESS_PREDICTOR(''),
    },
  ],
  invalid: [
    {
      name: 'a module whose trunk builder makes a dropout layer',
      code: criticWithBuiltTrunk(DROPOUT_TRUNK, 'conv_trunk(4)'),
      output: evalCritic(criticWithBuiltTrunk(DROPOUT_TRUNK, 'conv_trunk(4)')),
      findings: [{ line: 23, message: /^`critic` is evaluated under `no_grad` but is still in training mode/ }],
    },
    {
      name: 'a module whose trunk builder fills its list with batch norm',
      code: criticWithBuiltTrunk(NORMED_MLP, 'mlp([64, 256, 512])'),
      output: evalCritic(criticWithBuiltTrunk(NORMED_MLP, 'mlp([64, 256, 512])')),
      findings: [{ line: 27, message: /^`critic` is evaluated under `no_grad` but is still in training mode/ }],
    },
    {
      name: 'a module whose trunk builder hands back a library model',
      code: criticWithBuiltTrunk(PRETRAINED_TRUNK, 'backbone()'),
      output: evalCritic(criticWithBuiltTrunk(PRETRAINED_TRUNK, 'backbone()')),
      findings: [{ line: 25, message: /^`critic` is evaluated under `no_grad` but is still in training mode/ }],
    },
    packedNoGradCase('a packed attention layer given a positional dropout rate drops out in training mode (round 681)', 'from torch_uncertainty.layers import PackedConv2d, PackedMultiheadAttention', 'PackedConv2d(3, 6, 5, alpha=2, num_estimators=m)', 'PackedMultiheadAttention(16, 2, 2, m, 1, 0.1)', true),
    packedNoGradCase('packed layers beside a dropout layer of torch.nn (round 681)', 'from torch_uncertainty.layers import PackedConv2d, PackedLinear', 'PackedConv2d(3, 6, 5, alpha=2, num_estimators=m)', 'nn.Sequential(nn.Dropout(0.2), PackedLinear(6 * 14 * 14, 10 * m, alpha=2, num_estimators=m))', true),
    packedNoGradCase('a packed transformer encoder layer, not known to the model, may hold dropout (round 681)', 'from torch_uncertainty.layers import PackedConv2d, PackedTransformerEncoderLayer', 'PackedConv2d(3, 6, 5, alpha=2, num_estimators=m)', 'PackedTransformerEncoderLayer(16, 2, alpha=2, num_estimators=m)', false),
    graphNoGradCase('a DGL SAGEConv given feat_drop: it drops features in training mode', 'import dgl.nn.pytorch as dglnn', 'dglnn.SAGEConv(d_in, d_h, "mean", feat_drop=0.5)', 'dglnn.SAGEConv(d_h, d_h, "mean")', true),
    {
      name: 'a HeteroGraphConv holding a SAGEConv with positional feat_drop, used after training',
      code: GRAPH_ENCODER('import dgl.nn.pytorch as dglnn', 'dglnn.HeteroGraphConv({"rates": dglnn.SAGEConv(d_in, d_h, "mean", 0.3)})', 'dglnn.GraphConv(d_h, d_h)', true),
      findings: [{ line: 23, message: /^`model` is used after training while still in training mode: the dropout or batch-norm layers it has behave as in training/ }],
      safety: 'unsafe',
      output: GRAPH_ENCODER('import dgl.nn.pytorch as dglnn', 'dglnn.HeteroGraphConv({"rates": dglnn.SAGEConv(d_in, d_h, "mean", 0.3)})', 'dglnn.GraphConv(d_h, d_h)', true).replace('\nh = model(full_graph', '\nmodel.eval()\nh = model(full_graph'),
    },
    graphNoGradCase('a DGL SAGEConv handed a batch-norm module as its norm', 'from dgl.nn import SAGEConv', 'SAGEConv(d_in, d_h, "mean", norm=nn.BatchNorm1d(d_h))', 'SAGEConv(d_h, d_h, "mean")', true),
    graphNoGradCase('a PyG GATConv with a positional dropout rate', 'from torch_geometric.nn import GATConv', 'GATConv(d_in, d_h, 1, True, 0.2, 0.6)', 'GATConv(d_h, d_h)', true),
    graphNoGradCase('a GATConv whose drop rate is a name: any dropout it has behaves as in training', 'import dgl.nn.pytorch as dglnn', 'dglnn.GATConv(d_in, d_h, 2, feat_drop=drop)', 'dglnn.GraphConv(d_h, d_h)', false),
    graphNoGradCase('a graph layer the model does not know (DGL GINConv): still reported', 'import dgl.nn.pytorch as dglnn', 'dglnn.GINConv(nn.Linear(d_in, d_h), "sum")', 'dglnn.GraphConv(d_h, d_h)', false),
    {
      name: 'a model a function of the file builds and returns (a class with dropout), restored and evaluated under no_grad',
      code: BUILT_BY_HELPER('return Net()'),
      findings: [{ line: 18, message: /^`model` is evaluated under `no_grad` but is still in training mode: the dropout or batch-norm layers it has behave as in training/ }],
      safety: 'unsafe',
      output: BUILT_BY_HELPER('return Net()').replace('\nwith torch.no_grad():', '\nmodel.eval()\nwith torch.no_grad():'),
    },
    {
      name: 'one module left in training mode and evaluated in three places after training is one cause: one finding, the later uses linked',
      code: TRAINED_THEN_EVALUATED_THRICE,
      findings: [{ line: 16, message: /^`net` is used after training while still in training mode: the dropout or batch-norm layers it has behave as in training; call `net.eval\(\)` first \(as are 2 later uses of it, linked\)$/, related: 2 }],
      safety: 'unsafe',
      output: TRAINED_THEN_EVALUATED_THRICE.replace('\noutputs = net(images)', '\nnet.eval()\noutputs = net(images)'),
    },
    {
      name: 'a module trained again between two evaluations: each evaluation after its own training is its own finding',
      code: TRAINED_EVALUATED_RETRAINED,
      findings: [
        { line: 15, message: /^`net` is evaluated under `no_grad` but is still in training mode.*first$/ },
        { line: 23, message: /^`net` is evaluated under `no_grad` but is still in training mode.*first$/ },
      ],
      safety: 'unsafe',
      output: TRAINED_EVALUATED_RETRAINED.replace('\nwith torch.no_grad():\n    val = net(x_val)', '\nnet.eval()\nwith torch.no_grad():\n    val = net(x_val)'),
    },
    {
      name: 'the same scoring module told the mode in forward (neighbours sampled only while training): still reported',
      code: LAYERLESS_PREDICTOR('\n          edges = dgl.sampling.sample_neighbors(g, g.nodes(), 5, training=self.training)'),
      output: LAYERLESS_PREDICTOR('\n          edges = dgl.sampling.sample_neighbors(g, g.nodes(), 5, training=self.training)').replace('\nwith torch.no_grad():', '\npred.eval()\nwith torch.no_grad():'),
      findings: [{ line: 35, message: /^`pred` is evaluated under `no_grad` but is still in training mode/ }],
    },
    {
      name: 'a scoring module that keeps a layer its forward builds',
      code: LAYERLESS_PREDICTOR('\n          self.scale = dgl.nn.EdgeWeightNorm(norm="both")'),
      output: LAYERLESS_PREDICTOR('\n          self.scale = dgl.nn.EdgeWeightNorm(norm="both")').replace('\nwith torch.no_grad():', '\npred.eval()\nwith torch.no_grad():'),
      findings: [{ line: 35, message: /^`pred` is evaluated under `no_grad` but is still in training mode/ }],
    },
    {
      name: 'the same encoder with a layer from a function of the file that builds a module',
      code: ENCODER_WITH_HELPERS(py`

        def regulariser(p):
            return nn.Dropout(p)
      `, '\n          self.drop = regulariser(0.1)'),
      findings: [{ line: 44, message: /^`model` is used after training while still in training mode: any dropout or batch-norm layer it has behaves/ }],
      safety: 'unsafe',
      output: ENCODER_WITH_HELPERS(py`

        def regulariser(p):
            return nn.Dropout(p)
      `, '\n          self.drop = regulariser(0.1)').replace('\npredicted = model(', '\nmodel.eval()\npredicted = model('),
    },
    {
      name: 'a pretrained model never switched to evaluation, used under a second name from .half()',
      code: HALF_ALIAS,
      findings: [{ line: 7, message: /^`net_fp16` is evaluated under `no_grad` but is still in training mode/ }],
      output: HALF_ALIAS.replace('with torch.no_grad():', 'net_fp16.eval()\nwith torch.no_grad():'),
    },
    {
      name: 'a stacked recurrent model with dropout between its layers (by keyword, or the third argument)',
      code: RECURRENT_TRAINED(', num_layers=2, dropout=0.3'),
      findings: [{ line: 11, message: /^`rnn` is evaluated under `no_grad` but is still in training mode/ }],
      safety: 'unsafe',
      output: RECURRENT_TRAINED(', num_layers=2, dropout=0.3').replace('\nwith torch.no_grad():', '\nrnn.eval()\nwith torch.no_grad():'),
    },
    {
      name: 'train() before a training helper of the file called with no arguments, then no-grad validation',
      code: TRAINED_BY_HELPER,
      findings: [{ line: 13, column: 12, message: /`model` is evaluated under `no_grad` but is still in training mode/ }],
      output: TRAINED_BY_HELPER.replace('with torch.no_grad():', 'model.eval()\nwith torch.no_grad():'),
    },
    {
      name: 'train() before a loop whose step validates under an if before the backward pass',
      code: TRAINED + py`
        model.train()
        for step, (x, y) in enumerate(loader):
            if step % 100 == 0:
                with torch.no_grad():
                    val = loss_fn(model(xv), yv)
            optimizer.zero_grad()
            loss_fn(model(x), y).backward()
            optimizer.step()
      `,
      findings: [{ line: 13, column: 27 }],
      output: TRAINED + py`
        model.train()
        for step, (x, y) in enumerate(loader):
            if step % 100 == 0:
                model.eval()
                with torch.no_grad():
                    val = loss_fn(model(xv), yv)
                model.train()
            optimizer.zero_grad()
            loss_fn(model(x), y).backward()
            optimizer.step()
      `,
    },
    {
      name: 'a splatted list that a function of the file fills with layers it does not show as plain',
      code: agentSizedByEnv(ENV_FACTORY + py`
        def mlp_block(n_in, n_out):
            return [nn.Linear(n_in, n_out), nn.Dropout(0.1)]
      `, '  layers = mlp_block(n_obs, 64)'),
      output: agentSizedByEnv(ENV_FACTORY + py`
        def mlp_block(n_in, n_out):
            return [nn.Linear(n_in, n_out), nn.Dropout(0.1)]
      `, '  layers = mlp_block(n_obs, 64)').replace('        with torch.no_grad():\n            logits = agent(next_obs)\n', '        agent.eval()\n        with torch.no_grad():\n            logits = agent(next_obs)\n        agent.train()\n'),
      findings: [{ line: 21, message: /^`agent` is evaluated under `no_grad` but is still in training mode: any dropout or batch-norm layer it has behaves/ }],
    },
    {
      name: 'an init helper that hands back the layer wrapped with dropout',
      code: agentWithInitHelper(WRAPPING_INIT, PLAIN_INIT_LAYERS),
      output: agentWithInitHelper(WRAPPING_INIT, PLAIN_INIT_LAYERS).replace(ROLLOUT, EVAL_ROLLOUT),
      findings: [{ line: 24, message: /^`q_network` is evaluated under `no_grad` but is still in training mode: any dropout or batch-norm layer it has/ }],
    },
    {
      name: 'a dropout layer passed through the weight-init helper',
      code: agentWithInitHelper(LAYER_INIT, PLAIN_INIT_LAYERS + '\n              layer_init(nn.Dropout(0.1)),'),
      output: agentWithInitHelper(LAYER_INIT, PLAIN_INIT_LAYERS + '\n              layer_init(nn.Dropout(0.1)),').replace(ROLLOUT, EVAL_ROLLOUT),
      findings: [{ line: 26, message: /^`q_network` is evaluated under `no_grad` but is still in training mode: the dropout or batch-norm layers it has behave as in training/ }],
    },
    {
      name: 'a forward pass before training whose output values are printed',
      code: SHAPE_CHECK('print(output)'),
      findings: [{ line: 12, message: /`model` is evaluated under `no_grad` but is still in training mode/ }],
      safety: 'unsafe',
      output: SHAPE_CHECK('print(output)').replace('model = Net()\n', 'model = Net()\nmodel.eval()\n'),
    },
    {
      name: 'evaluated under no_grad after training: model.eval() goes before the block',
      code: TRAINED + py`
        with torch.no_grad():
            preds = model(X_test).argmax(1)
      `,
      findings: [{ line: 10, column: 13, message: /`model` is evaluated under `no_grad` but is still in training mode/ }],
      safety: 'unsafe',
      output: TRAINED + py`
        model.eval()
        with torch.no_grad():
            preds = model(X_test).argmax(1)
      `,
    },
    {
      name: 'validation inside the epoch loop after model.train(), with a local class with batch norm',
      code: py`
        import torch
        from torch import nn
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.body = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8))
            def forward(self, x):
                return self.body(x)
        net = Net().cuda()
        opt = torch.optim.SGD(net.parameters(), lr=0.1)
        for epoch in range(3):
            net.train()
            for x, y in loader:
                opt.zero_grad()
                crit(net(x), y).backward()
                opt.step()
            with torch.no_grad():
                acc = (net(xv).argmax(1) == yv).float().mean()
      `,
      findings: [{ line: 18, column: 16 }],
      output: py`
        import torch
        from torch import nn
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.body = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8))
            def forward(self, x):
                return self.body(x)
        net = Net().cuda()
        opt = torch.optim.SGD(net.parameters(), lr=0.1)
        for epoch in range(3):
            net.train()
            for x, y in loader:
                opt.zero_grad()
                crit(net(x), y).backward()
                opt.step()
            net.eval()
            with torch.no_grad():
                acc = (net(xv).argmax(1) == yv).float().mean()
      `,
    },
    {
      name: 'the acting helper also called after training, to watch the agent play: that call evaluates',
      code: DQN_AGENT(EPSILON_ACT, `${EPISODE_LOOP}
for t in range(500):
    state, reward, done = env.step(select_action(state).item())`),
      findings: [{ line: 12, column: 20 }],
      output: DQN_AGENT(EPSILON_ACT.replace('        with', '        policy_net.eval()\n        with'), `${EPISODE_LOOP}
for t in range(500):
    state, reward, done = env.step(select_action(state).item())`),
    },
    {
      name: 'the acting helper called only under a periodic if in the training loop',
      code: DQN_AGENT(EPSILON_ACT, `for step in range(10000):
    optimize_model()
    if step % 1000 == 0:
        action = select_action(state)`),
      findings: [{ line: 12, column: 20 }],
      output: DQN_AGENT(EPSILON_ACT.replace('        with', '        policy_net.eval()\n        with'), `for step in range(10000):
    optimize_model()
    if step % 1000 == 0:
        action = select_action(state)`),
    },
    {
      name: 'a no-grad pass under an if that tests something other than a draw, in an agent step loop',
      code: py`
        import random
        import torch
        import torch.nn as nn
        q_net = nn.Sequential(nn.Linear(4, 64), nn.Dropout(0.1), nn.Linear(64, 2))
        opt = torch.optim.Adam(q_net.parameters())
        for step in range(10000):
            if step % 500 == 0:
                with torch.no_grad():
                    score = q_net(eval_obs).max().item()
            loss = loss_fn(q_net(batch_obs), batch_targets)
            opt.zero_grad()
            loss.backward()
            opt.step()
      `,
      findings: [{ line: 9, column: 21 }],
      output: py`
        import random
        import torch
        import torch.nn as nn
        q_net = nn.Sequential(nn.Linear(4, 64), nn.Dropout(0.1), nn.Linear(64, 2))
        opt = torch.optim.Adam(q_net.parameters())
        for step in range(10000):
            if step % 500 == 0:
                q_net.eval()
                with torch.no_grad():
                    score = q_net(eval_obs).max().item()
                q_net.train()
            loss = loss_fn(q_net(batch_obs), batch_targets)
            opt.zero_grad()
            loss.backward()
            opt.step()
      `,
    },
    {
      name: 'periodic validation under an if inside the training loop',
      code: `${TRAINED}${STEP_LOOP}${VALIDATION}`,
      findings: [{ line: 16, column: 32 }],
      output: `${TRAINED}${STEP_LOOP}        model.eval()\n${VALIDATION}`,
    },
    {
      name: 'validation at the top of an epoch, before its training steps: the .train() that opens the epoch does not cover the steps after the block, so the fix switches back',
      code: TRAINED + py`
        for epoch in range(20):
            model.train()
            if epoch % 5 == 0:
                with torch.no_grad():
                    val_loss = loss_fn(model(X_val), y_val)
            for x, y in loader:
                optimizer.zero_grad()
                loss_fn(model(x), y).backward()
                optimizer.step()
      `,
      findings: [{ line: 13, column: 32 }],
      output: TRAINED + py`
        for epoch in range(20):
            model.train()
            if epoch % 5 == 0:
                model.eval()
                with torch.no_grad():
                    val_loss = loss_fn(model(X_val), y_val)
                model.train()
            for x, y in loader:
                optimizer.zero_grad()
                loss_fn(model(x), y).backward()
                optimizer.step()
      `,
    },
    {
      name: 'a frozen teacher (loaded, never trained) called under no_grad on every distillation step',
      code: TRAINED + py`
        teacher = nn.Sequential(nn.Linear(20, 256), nn.Dropout(0.5), nn.Linear(256, 2))
        teacher.load_state_dict(torch.load("teacher.pt", weights_only=True))
        for x, y in loader:
            with torch.no_grad():
                soft = teacher(x).softmax(-1)
            optimizer.zero_grad()
            kl(model(x).log_softmax(-1), soft).backward()
            optimizer.step()
      `,
      findings: [{ line: 13, column: 16, message: /`teacher` is evaluated under `no_grad`/ }],
      output: TRAINED + py`
        teacher = nn.Sequential(nn.Linear(20, 256), nn.Dropout(0.5), nn.Linear(256, 2))
        teacher.load_state_dict(torch.load("teacher.pt", weights_only=True))
        for x, y in loader:
            teacher.eval()
            with torch.no_grad():
                soft = teacher(x).softmax(-1)
            optimizer.zero_grad()
            kl(model(x).log_softmax(-1), soft).backward()
            optimizer.step()
      `,
    },
    {
      name: 'a @torch.no_grad() function: eval() goes after its docstring',
      code: TRAINED + py`
        @torch.no_grad()
        def predict(batch):
            """Class indices for a batch."""
            return model(batch).argmax(1)
      `,
      findings: [{ line: 12, column: 12 }],
      output: TRAINED + py`
        @torch.no_grad()
        def predict(batch):
            """Class indices for a batch."""
            model.eval()
            return model(batch).argmax(1)
      `,
    },
    {
      name: 'used after the training loop without no_grad',
      code: TRAINED + py`
        y_pred = model(X_test).detach().numpy()
      `,
      findings: [{ line: 9, column: 10, message: /used after training while still in training mode/ }],
      output: TRAINED + py`
        model.eval()
        y_pred = model(X_test).detach().numpy()
      `,
    },
    {
      name: 'layers the file does not show (a splatted list): any dropout or batch norm it has behaves as in training',
      code: SPLATTED + py`
        print(net(x_test))
        print(net(x_other))
      `,
      findings: [{ line: 9, column: 7, message: /^`net` is used after training while still in training mode: any dropout or batch-norm layer it has behaves as in training; call `net\.eval\(\)` first$/ }],
      output: SPLATTED + py`
        net.eval()
        print(net(x_test))
        print(net(x_other))
      `,
    },
    {
      name: 'a from_pretrained model switched to training with .train()',
      code: FINE_TUNED + py`
        with torch.no_grad():
            logits = clf(**val_batch).logits
      `,
      findings: [{ line: 8, column: 14 }],
      output: FINE_TUNED + py`
        clf.eval()
        with torch.no_grad():
            logits = clf(**val_batch).logits
      `,
    },
    {
      name: 'a name rebound after training to a freshly built module restored from a checkpoint (training mode again)',
      code: TRAINED + py`
        model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 2))
        model.load_state_dict(torch.load("best.pt", weights_only=True))
        with torch.no_grad():
            preds = model(X_test)
      `,
      findings: [{ line: 12, column: 13, message: /^`model` is evaluated under `no_grad` but is still in training mode/ }],
      output: TRAINED + py`
        model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 2))
        model.load_state_dict(torch.load("best.pt", weights_only=True))
        model.eval()
        with torch.no_grad():
            preds = model(X_test)
      `,
    },
    {
      name: 'a from_pretrained reload switched to training and trained again before the evaluation',
      code: FINE_TUNED + py`
        clf = Auto.from_pretrained("out/clf")
        clf.train()
        for batch in more_batches:
            clf(**batch).loss.backward()
        with torch.no_grad():
            logits = clf(**val_batch).logits
      `,
      findings: [{ line: 12, column: 14 }],
      output: FINE_TUNED + py`
        clf = Auto.from_pretrained("out/clf")
        clf.train()
        for batch in more_batches:
            clf(**batch).loss.backward()
        clf.eval()
        with torch.no_grad():
            logits = clf(**val_batch).logits
      `,
    },
    {
      name: 'a torchvision model with pretrained weights, and a checkpoint restored in another cell',
      code: [
        'import torch\nimport torchvision\nbackbone = torchvision.models.resnet50(weights="IMAGENET1K_V2")\n',
        'with torch.inference_mode():\n    feats = backbone(images)\n',
        'import torch.nn as nn\nhead = nn.Sequential(nn.Linear(2048, 10), nn.Dropout(0.3))\nhead.load_state_dict(torch.load("head.pt", weights_only=True))\nwith torch.no_grad():\n    logits = head(feats)\n',
      ],
      findings: [{ cell: 1, line: 2, column: 13, message: /^`backbone` is evaluated under `inference_mode` but/ }, { cell: 2, line: 5, column: 14, message: /under `no_grad`/ }],
      output: [
        'import torch\nimport torchvision\nbackbone = torchvision.models.resnet50(weights="IMAGENET1K_V2")\n',
        'backbone.eval()\nwith torch.inference_mode():\n    feats = backbone(images)\n',
        'import torch.nn as nn\nhead = nn.Sequential(nn.Linear(2048, 10), nn.Dropout(0.3))\nhead.load_state_dict(torch.load("head.pt", weights_only=True))\nwith torch.no_grad():\n    logits = head(feats)\n',
      ],
    },
  ],
});
