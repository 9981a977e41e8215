import { unsafeModelDeserialization } from '../../../server/src/detectors/mld908-unsafe-model-deserialization';
import { strict as assert } from 'node:assert';
import { allRulesConfig, findingLinesIn, parser, py } from '../../support/engine';
import { analyzeDocument } from '../../../server/src/analyze';
import { buildDocument, scriptSource } from '../../../server/src/documents/source';
import { ruleTests } from '../../support/ruleTester';

/** Loads of foreign files beside the program's own saves: a downloading fixture, a path worked out again, a helper that only names a path. */
const FOREIGN_BESIDE_OWN = py`
  import os, time
  import pytest
  import torch

  @pytest.fixture
  def released_path():
      return fetch_weights("tiny-v2")

  def test_release(released_path):
      net = TinyNet()
      net.load_state_dict(torch.load(released_path))

  def export_and_reload(net, out_dir):
      path = os.path.join(out_dir, time.strftime("%H%M%S"))
      torch.save(net.state_dict(), path)
      path = os.path.join(out_dir, time.strftime("%H%M%S"))
      net.load_state_dict(torch.load(path))

  def best_path(run_dir):
      return os.path.join(run_dir, "best.pt")

  def reload_best(net, run_dir):
      ckpt = best_path(run_dir)
      net.load_state_dict(torch.load(ckpt))
`;

/** A path stored once in an attribute of self (in the method that loads it, or in `__init__` or `setup`), read through the attribute in other methods. */
const STORED_IN_ATTRIBUTE = py`
  import os
  import pickle
  import joblib
  import torch

  class SeqTrainer:
      def fit(self, resume=False):
          path = os.path.join("runs", f"{self.name}_best.pt")
          if resume:
              state = torch.load(path)
              self.net.load_state_dict(state["net"])
          self.best_path = path
          for epoch in range(self.epochs):
              if self.step() < self.best:
                  torch.save({"net": self.net.state_dict()}, path)

      def score(self, batches):
          state = torch.load(self.best_path, map_location="cpu")
          self.net.load_state_dict(state["net"])
          return [self.net(b) for b in batches]

  class Scorer:
      def __init__(self, model_file):
          self.model_file = model_file
          with open(model_file, "rb") as fh:
              model = pickle.load(fh)
          self.classes = model.classes_

      def reload(self):
          with open(self.model_file, "rb") as fh:
              model = pickle.load(fh)
          return model

      def clone(self):
          with open(self.model_file, "rb") as fh:
              model = pickle.load(fh)
          return model

  class ChurnService:
      def setup(self):
          self.artifact = os.path.join(self.model_dir, "churn_rf.joblib")

      def predict(self, rows):
          clf = joblib.load(self.artifact)
          return clf.predict(rows)

      def explain(self, rows):
          clf = joblib.load(self.artifact)
          return clf.feature_importances_
`;

/**
 * Options kept whole in an attribute of self by its one assignment (`self.args = args` in `__init__`)
 * and a path read from them in two methods: the weights restored into the model and, from the same
 * file, the optimizer state; a nested settings object read the same way.
 */
const OPTIONS_IN_ATTRIBUTE = py`
  import pickle
  import torch

  class Processor:
      def __init__(self, args):
          self.args = args
          self.load_model()
          self.load_optimizer()

      def load_model(self):
          if self.args.weights.endswith(".pkl"):
              with open(self.args.weights, "rb") as f:
                  weights = pickle.load(f)
          else:
              weights = torch.load(self.args.weights)
          self.model.load_state_dict(weights)

      def load_optimizer(self):
          ckpt = torch.load(self.args.weights)
          self.optimizer.load_state_dict(ckpt["optimizer"])

  class Evaluator:
      def __init__(self, cfg):
          self.cfg = cfg

      def restore(self, net):
          net.load_state_dict(torch.load(self.cfg.model.checkpoint, map_location="cpu"))

      def resume_epoch(self):
          return torch.load(self.cfg.model.checkpoint)["epoch"]
`;

/**
 * The same reads where the object may hold another path by the second one: the file assigns the
 * attribute read from it, sets attributes by a name known only at run time, writes the object's
 * attributes wholesale, or sets the attribute of self twice. One file each: a file with any of these
 * keeps every such pair apart.
 */
const OPTIONS_REWRITTEN = [
  py`
    import torch

    class Finetuner:
        def __init__(self, args):
            self.args = args

        def load_model(self):
            self.model.load_state_dict(torch.load(self.args.weights))

        def load_best(self):
            self.args.weights = self.best_path
            self.model.load_state_dict(torch.load(self.args.weights))
  `,
  py`
    import torch

    class Resumer:
        def __init__(self, opt, overrides):
            self.opt = opt
            for key, value in overrides.items():
                setattr(self.opt, key, value)

        def restore(self, net):
            net.load_state_dict(torch.load(self.opt.resume))

        def resume_epoch(self):
            return torch.load(self.opt.resume)["epoch"]
  `,
  py`
    import torch

    class Tester:
        def __init__(self, hp, extra):
            self.hp = hp
            vars(self.hp).update(extra)

        def evaluate(self, net, loader):
            net.load_state_dict(torch.load(self.hp.ckpt))
            return [net(x).argmax(1) for x in loader]

        def steps_done(self):
            return torch.load(self.hp.ckpt)["step"]
  `,
  py`
    from argparse import Namespace
    import torch
    import yaml

    class Swapper:
        def __init__(self, conf):
            self.conf = conf

        def reload_config(self, path):
            with open(path) as fh:
                self.conf = Namespace(**yaml.safe_load(fh))

        def restore(self, net):
            net.load_state_dict(torch.load(self.conf.snapshot))

        def start_step(self):
            return torch.load(self.conf.snapshot)["step"]
  `,
];

/** Weights streamed from remote storage into a file the program opens for writing, then loaded. */
const STREAMED_WEIGHTS = py`
  import requests
  import torch

  LOCAL_WEIGHTS = "/tmp/detector.pt"
  with requests.get(WEIGHTS_URL, stream=True) as response, open(LOCAL_WEIGHTS, "wb") as out:
      for chunk in response.iter_content(chunk_size=1 << 20):
          out.write(chunk)
  detector = build_detector()
  detector.load_state_dict(torch.load(LOCAL_WEIGHTS, map_location="cpu"))
`;

/** A checkpoint an early-stopping object saves, loaded before the loop that calls it and in the other arm of an `if`, after calls of another class's method of the same name. */
const EARLY_STOPPING_ELSEWHERE = py`
  import sys
  import torch

  class EarlyStopping:
      def __call__(self, val_loss, model):
          self.save_checkpoint(model)

      def save_checkpoint(self, model):
          torch.save(model.state_dict(), "checkpoint.pt")

  class Reporter:
      def save_checkpoint(self, model):
          print(model)

  def resume(model):
      model.load_state_dict(torch.load("checkpoint.pt"))
      stopper = EarlyStopping()
      for epoch in range(100):
          stopper(validate(model), model)
      return model

  def serve(reporter, model):
      reporter.save_checkpoint(model)
      Reporter().save_checkpoint(model)
      return torch.load("checkpoint.pt")

  if sys.argv[1] == "train":
      resume(build_model())
  else:
      serve(Reporter(), build_model())
`;

/**
 * Saves and loads through one parameter of a function, its calls passing paths worked out by a call
 * (a random or timestamped name) or two different paths: a snapshot reloaded in each pass of a loop,
 * the best weights a helper saves reloaded after it, a model rewound in one call.
 */
const SAVED_THROUGH_PARAMETER = py`
  import time
  import uuid
  import torch

  def per_class_scores(net, classes, snapshot):
      torch.save(net.state_dict(), snapshot)
      scores = []
      for label in classes:
          net.load_state_dict(torch.load(snapshot))
          scores.append(fit_one_vs_rest(net, label))
      return scores

  def early_stop_fit(net, loader, best_file):
      best = float("inf")
      for epoch in range(20):
          loss = run_epoch(net, loader)
          if loss < best:
              best = loss
              torch.save(net.state_dict(), best_file)

  def fit_and_restore(net, loader, best_file):
      early_stop_fit(net, loader, best_file)
      net.load_state_dict(torch.load(best_file))
      return net

  def rewind(net, where):
      torch.save(net, where)
      probe(net)
      return torch.load(where)

  stamp = time.strftime("%Y%m%d-%H%M%S")
  per_class_scores(model, ["cat", "dog"], f"scratch/init-{uuid.uuid4().hex}.pt")
  fit_and_restore(model, train_loader, "runs/best-{}.pt".format(stamp))
  rewind(model, "scratch/a.pt")
  rewind(model, "scratch/b.pt")
`;

/** Near them, loads through a parameter the function has not saved to first: a resume before the save, another parameter. */
const LOADED_THROUGH_PARAMETER = py`
  import uuid
  import torch

  def resume_then_train(net, loader, ckpt):
      net.load_state_dict(torch.load(ckpt))
      train(net, loader)
      torch.save(net.state_dict(), ckpt)

  def warm_start(net, init_file, out_file):
      torch.save(net.state_dict(), out_file)
      net.load_state_dict(torch.load(init_file))

  resume_then_train(model, loader, f"runs/{uuid.uuid4().hex}.pt")
  warm_start(model, f"init/{uuid.uuid4().hex}.pt", "out/start.pt")
`;

/**
 * Round-trip checks: a helper reads back, under a folder its parameter names, the file its only
 * caller saved there just before (by position, keyword-only after `*`, and through a caller further up).
 */
const RELOADED_UNDER_PASSED_FOLDER = py`
  import os
  from pathlib import Path
  import joblib
  import torch
  from sklearn.linear_model import LogisticRegression

  def verify_reload(out_dir, X):
      clf = joblib.load(os.path.join(out_dir, "clf.joblib"))
      return clf.predict(X)

  def fit_and_check(X, y, out_dir):
      clf = LogisticRegression().fit(X, y)
      joblib.dump(clf, os.path.join(out_dir, "clf.joblib"))
      return verify_reload(out_dir, X)

  def reload_equivalent(*, output_dir, tolerance=1e-9):
      run_dir = Path(output_dir)
      model = joblib.load(run_dir / "model.joblib")
      return model

  def train_classifier(*, features, labels, output_dir):
      run_dir = Path(output_dir)
      model = LogisticRegression().fit(features, labels)
      model_path = run_dir / "model.joblib"
      joblib.dump(model, model_path)
      return reload_equivalent(output_dir=run_dir, tolerance=1e-12)

  def restore_best(net, run_dir):
      net.load_state_dict(torch.load(f"{run_dir}/best.pt"))

  def train_net(net, loader, run_dir):
      for epoch in range(10):
          step(net, loader)
          torch.save(net.state_dict(), f"{run_dir}/best.pt")
      restore_best(net, run_dir)

  def main(args):
      train_net(make_net(), make_loader(), args.run_dir)
      train_classifier(features=feats, labels=labels, output_dir=args.out)
`;

/** Near them: the helper run before the save, also handed a folder nothing saved into, or reading a file the save did not write. */
const RELOADED_UNDER_OTHER_FOLDER = py`
  import os
  from pathlib import Path
  import joblib

  def verify_reload(out_dir):
      return joblib.load(os.path.join(out_dir, "clf.joblib"))

  def fit_and_check(clf, X, y, out_dir, baseline_dir):
      verify_reload(out_dir)
      clf.fit(X, y)
      joblib.dump(clf, os.path.join(out_dir, "clf.joblib"))
      verify_reload(out_dir)
      verify_reload(baseline_dir)

  def load_scaler(*, output_dir):
      return joblib.load(Path(output_dir) / "scaler.joblib")

  def train_classifier(*, model, output_dir):
      joblib.dump(model, Path(output_dir) / "model.joblib")
      return load_scaler(output_dir=output_dir)
`;

/** `code` with its `torch.load(path)` made safe, as the quick fix makes it. */
const weightsOnly = (code: string, path: string) => code.replace(`torch.load(${path})`, `torch.load(${path}, weights_only=True)`);

/** A cache tested in every pass of an epoch loop: the load may find what an earlier run left. */
const CACHE_IN_LOOP = py`
  import os, torch

  for epoch in range(epochs):
      if not os.path.exists(features_file):
          features = build(examples)
          torch.save(features, features_file)
      else:
          features = torch.load(features_file)
      fit_epoch(model, features)
`;

/** Save and load in two arms of an `if` in a loop whose path is bound anew in each pass: each pass names another file. */
const PATH_BOUND_PER_PASS = py`
  import torch

  for name in subjects:
      path = f"checkpoints/{name}.pt"
      if retrain:
          net = fit(name)
          torch.save(net.state_dict(), path)
      else:
          net.load_state_dict(torch.load(path))
`;

/** A load in the arm above the save's, in a loop: the first pass may load before anything was saved. */
const LOAD_ARM_ABOVE_SAVE = py`
  import torch

  for epoch in range(epochs):
      if resume:
          net.load_state_dict(torch.load(ckpt_path))
      else:
          fit_epoch(net, loader)
          torch.save(net.state_dict(), ckpt_path)
`;

/** A file a class's `__init__` saves, loaded where that constructor need not have run: a static method, another class; and a save in a method other than `__init__`. */
const SAVED_BY_CONSTRUCTOR_ELSEWHERE = py`
  import torch

  SNAPSHOT = "scratch/start.pt"

  class Rewinder:
      def __init__(self, net):
          self.net = net
          torch.save(net.state_dict(), SNAPSHOT)

      @staticmethod
      def restore(net):
          net.load_state_dict(torch.load(SNAPSHOT))

  class Evaluator:
      def score(self, net, loader):
          net.load_state_dict(torch.load(SNAPSHOT))
          return evaluate(net, loader)

  class Trainer:
      def keep_best(self):
          torch.save(self.net.state_dict(), "scratch/best.pt")

      def restore_best(self):
          self.net.load_state_dict(torch.load("scratch/best.pt"))
`;

/** The first checkpoint of a list loaded to start an average and the rest in a loop over a slice; the last model of a list and every one of them. */
const FILES_OF_ONE_LIST = py`
  import pickle
  import torch

  def average(ckpt_paths, out_path):
      state = torch.load(ckpt_paths[0], map_location="cpu")
      for path in ckpt_paths[1:]:
          extra = torch.load(path, map_location="cpu")
          for k in state:
              state[k] += extra[k]
      torch.save(state, out_path)

  def vote(args, X):
      final = pickle.load(open(args.models[-1], "rb"))
      votes = [final.predict(X)]
      for model_file in args.models:
          clf = pickle.load(open(model_file, "rb"))
          votes.append(clf.predict(X))
      return votes
`;

/** The files of one list walked by loops that number them with `enumerate`: after the first by position, and in the arms of an `if` beside a plain loop. */
const NUMBERED_LIST = py`
  import torch

  def average(ckpt_paths):
      state = torch.load(ckpt_paths[0], map_location="cpu")
      for n, path in enumerate(ckpt_paths[1:], start=2):
          extra = torch.load(path, map_location="cpu")
          for k in state:
              state[k] += (extra[k] - state[k]) / n
      return state

  def score(members, mode, X):
      if mode == "predict":
          for i, member in enumerate(members):
              net = torch.load(member)
              print(i, net(X))
      elif mode == "soft":
          for member in members:
              net = torch.load(member)
              print(net(X))
      elif mode == "check":
          for i, member in enumerate(members, 1):
              net = torch.load(member)
              print(i, net(X))
`;

/** Numbered loops over two lists, and over pairs zipped from both: different files. */
const NUMBERED_TWO_LISTS = py`
  import torch

  def distil(students, teachers, X):
      for i, s in enumerate(students):
          student = torch.load(s)
      for teacher_path in teachers:
          teacher = torch.load(teacher_path)
      for j, (s, t) in enumerate(zip(students, teachers)):
          pair = torch.load(s)
`;

/** Loops over two lists of pairs, over one list rebound between them, and over one list loading the name at two positions of its entries. */
const PAIRS_LOOPS = py`
  import torch

  def compare(pairs, other_pairs):
      for tag, ckpt in pairs:
          a = torch.load(ckpt)
      for tag, ckpt in other_pairs:
          b = torch.load(ckpt)
      for ckpt, backup in pairs:
          c = torch.load(ckpt)
      pairs = refreshed(pairs)
      for tag, ckpt in pairs:
          d = torch.load(ckpt)
`;

/** A script's start: the version of the model to serve, read from a file by a helper and held in `version` (7 lines). */
const LATEST_VERSION = py`
  import joblib

  def latest_version():
      with open("models/LATEST") as f:
          return f.read().strip()

  version = latest_version()
`;

/** A helper called from one place that loads, through its parameter, a file its caller loads again: pathlib, os.path.join, a name rebound from the parameter. */
const HELPER_CALLED_ONCE = py`
  import argparse, os
  from pathlib import Path
  import torch


  def sniff_arch(run_dir):
      state = torch.load(run_dir / "global.pt", map_location="cpu")
      return "vib" if "mu_head.weight" in state else "plain"


  def has_whitening(folder):
      root = Path(folder)
      return "P" in torch.load(root / "whiten.pt")


  def count_heads(ckpt):
      return len(torch.load(os.path.join(ckpt, "server.pt")))


  def main():
      args = argparse.ArgumentParser().parse_args()
      run_dir = Path(args.run)
      arch = sniff_arch(run_dir)
      whiten = has_whitening(args.run)
      heads = count_heads(args.ckpt)
      net = build(arch, whiten, heads)
      net.load_state_dict(torch.load(run_dir / "global.pt", map_location="cuda"))
      net.whitening = torch.load(Path(args.run) / "whiten.pt")
      net.head.load_state_dict(torch.load(Path(args.ckpt) / "server.pt"))
`;

/** Helpers called from one place that load their parameter as it stands, a file their caller loads again: an attribute of parsed arguments, a constant key, the caller's own parameter. */
const HELPER_LOADS_ITS_PARAMETER = py`
  import torch


  def load_net(checkpoint_path, device):
      ckpt = torch.load(checkpoint_path, map_location=device)
      return build(ckpt["config"]), ckpt["state"]


  def read_stats(stats_file):
      return torch.load(stats_file)["mean"]


  def peek(weights):
      return sorted(torch.load(weights))


  def predict(args, cfg):
      net, state = load_net(args.checkpoint, "cpu")
      dice = torch.load(args.checkpoint, map_location="cpu").get("val_dice")
      keys = peek(cfg["weights"])
      head = torch.load(cfg["weights"])["head"]
      return net, dice, keys, head


  def summarize(stats_path):
      mean = read_stats(stats_path)
      std = torch.load(stats_path)["std"]
      return mean, std
`;

/** Functions that load through a parameter their callers hand on from their own parameter, every call of the outer function passing one value: a settings entry, an attribute of parsed arguments, the path itself. */
const PARAMETER_HANDED_ON = py`
  import torch


  def evaluate(config, model=None):
      if model is None:
          model = config["model"]
          if config["input_file"]:
              model.load_state_dict(torch.load(config["input_file"], map_location="cpu"))
      return model.eval()


  def train(config):
      model = config["model"]
      if config["input_file"]:
          model.load_state_dict(torch.load(config["input_file"]))
      fit(model)
      evaluate(config, model)


  def restore(opts):
      return torch.load(opts.weights)


  def finetune(args):
      state = torch.load(args.weights, map_location="cpu")
      restore(args)
      return state


  def load_state(path):
      return torch.load(path)


  def resume(ckpt):
      first = torch.load(ckpt, map_location="cpu")
      load_state(ckpt)
      return first


  def main():
      config = build_config()
      config["model"] = make_model()
      if config["type"] == "train":
          train(config)
      else:
          evaluate(config)
      args = parse_args()
      finetune(args)
      restore(args)
      resume(args.ckpt)
      load_state(args.ckpt)
`;

/** The same hand-on where the values may differ: the outer function given another dictionary, an entry written into, a parameter rebound before it is handed on. */
const PARAMETER_HANDED_ON_APART = py`
  import torch


  def evaluate(config):
      return torch.load(config["input_file"], map_location="cpu")


  def train(config):
      state = torch.load(config["input_file"])
      evaluate(config)
      return state


  def score(opts):
      return torch.load(opts["weights"])


  def tune(opts):
      state = torch.load(opts["weights"], map_location="cpu")
      score(opts)
      return state


  def restore(opts):
      return torch.load(opts.weights)


  def finetune(args):
      args = with_defaults(args)
      state = torch.load(args.weights, map_location="cpu")
      restore(args)
      return state


  def main(config, other):
      train(other)
      evaluate(config)
      opts = load_opts()
      opts["weights"] = pick_weights()
      tune(opts)
      score(opts)
      args = parse_args()
      finetune(args)
      restore(args)
`;

/** A helper called once with a path its caller reads over the caller's own parameter, the caller called once itself: a load of the same expression beside that call reads the same file (a sanity check of pretrained weights, a joined path). */
const PASSED_THROUGH_ONCE_CALLED_CALLER = py`
  import os
  import torch


  def compare_weights(state_dict, reference_path):
      reference = torch.load(reference_path, map_location="cpu")
      return all((state_dict[k] == reference[k]).all() for k in state_dict)


  def peek(weights):
      return sorted(torch.load(weights))


  def first_batch_norms(checkpoint):
      return torch.load(checkpoint)["bn"]


  def worker(rank, args):
      model = build(args.arch)
      state = torch.load(args.pretrained, map_location="cpu")
      model.load_state_dict(state["state_dict"])
      for epoch in range(args.epochs):
          train_one_epoch(model)
          if epoch == 0:
              compare_weights(model.state_dict(), args.pretrained)


  def evaluate(model, cfg):
      model.load_state_dict(torch.load(cfg["weights"]))
      return peek(cfg["weights"])


  def probe(opts):
      norms = first_batch_norms(os.path.join(opts.run_dir, "last.pt"))
      return norms, torch.load(os.path.join(opts.run_dir, "last.pt"))["head"]


  def main():
      args = parse_args()
      worker(0, args)
      evaluate(build(args.arch), load_config(args.config))
      probe(args)
`;

/** The same shapes where the file may differ: the caller's parameter rebound before the helper's call, a joined path naming another file. */
const PASSED_THROUGH_ONCE_CALLED_CALLER_APART = py`
  import os
  import torch


  def compare_weights(state_dict, reference_path):
      reference = torch.load(reference_path, map_location="cpu")
      return all((state_dict[k] == reference[k]).all() for k in state_dict)


  def first_batch_norms(checkpoint):
      return torch.load(checkpoint)["bn"]


  def worker(rank, args):
      model = build(args.arch)
      state = torch.load(args.pretrained, map_location="cpu")
      model.load_state_dict(state["state_dict"])
      args = with_defaults(args)
      for epoch in range(args.epochs):
          train_one_epoch(model)
          if epoch == 0:
              compare_weights(model.state_dict(), args.pretrained)


  def probe(opts):
      norms = first_batch_norms(os.path.join(opts.run_dir, "best.pt"))
      return norms, torch.load(os.path.join(opts.run_dir, "last.pt"))["head"]


  def main():
      args = parse_args()
      worker(0, args)
      probe(args)
`;

/** Helpers that load their parameter as it stands but may read another file: called with two values, a parameter rebound from itself, a name bound again after the call. */
const HELPER_PARAMETER_APART = py`
  import torch


  def load_net(checkpoint_path):
      return torch.load(checkpoint_path, map_location="cpu")


  def peek(path):
      path = path.replace(".pt", "_ema.pt")
      return torch.load(path)


  def load_once(ckpt_file):
      return torch.load(ckpt_file)


  def compare(args):
      load_net(args.student)
      load_net(args.teacher)
      teacher = torch.load(args.teacher)
      peek(args.student)
      ema = torch.load(args.student)
      ckpt = args.resume
      load_once(ckpt)
      ckpt = args.init
      init = torch.load(ckpt)
      return teacher, ema, init
`;

/** Loads through helpers that may name another file: called from two places, a parameter rebound in a loop, an argument worked out by a call. */
const ALIASED_PASSED_ATTRIBUTE = py`
  import argparse
  import torch


  def tag(args, model):
      checkpoint_path = args.checkpoint_path
      checkpoint = torch.load(checkpoint_path, map_location="cpu")
      model.load_state_dict(checkpoint["model"])


  def detect(args, model):
      ckpt = args.checkpoint_path
      model.load_state_dict(torch.load(ckpt, map_location="cpu")["model"])


  def embed(cfg, encoder):
      weights = cfg["encoder_weights"]
      encoder.load_state_dict(torch.load(weights, map_location="cpu"))


  def finetune(cfg, encoder):
      encoder.load_state_dict(torch.load(cfg["encoder_weights"], map_location="cpu"))


  if __name__ == "__main__":
      parser = argparse.ArgumentParser()
      parser.add_argument("--mode")
      parser.add_argument("--checkpoint_path")
      args = parser.parse_args()
      cfg = {"encoder_weights": "encoder.pt"}
      if args.mode == "tag":
          tag(args, torch.nn.Linear(2, 2))
      elif args.mode == "detect":
          detect(args, torch.nn.Linear(2, 2))
      elif args.mode == "embed":
          embed(cfg, torch.nn.Linear(2, 2))
      else:
          finetune(cfg, torch.nn.Linear(2, 2))
`;

const ALIASED_PASSED_ATTRIBUTE_APART = py`
  import argparse
  import torch


  def tag(args, model):
      checkpoint_path = args.checkpoint_path
      if args.fallback:
          checkpoint_path = args.fallback_path
      model.load_state_dict(torch.load(checkpoint_path, map_location="cpu"))


  def detect(args, model):
      checkpoint_path = args.checkpoint_path
      model.load_state_dict(torch.load(checkpoint_path, map_location="cpu"))


  def score(opts, model):
      checkpoint_path = opts.checkpoint_path
      model.load_state_dict(torch.load(checkpoint_path, map_location="cpu"))


  if __name__ == "__main__":
      parser = argparse.ArgumentParser()
      parser.add_argument("--checkpoint_path")
      parser.add_argument("--fallback", action="store_true")
      parser.add_argument("--fallback_path")
      args = parser.parse_args()
      warm_args = parser.parse_args(["--checkpoint_path", "warm.pt"])
      net = torch.nn.Linear(2, 2)
      tag(args, net)
      detect(args, net)
      score(args, net)
      score(warm_args, net)
`;

const HELPERS_APART = py`
  from pathlib import Path
  import torch


  def sniff_arch(run_dir):
      return torch.load(run_dir / "global.pt", map_location="cpu")


  def first_round(run_dir, rounds):
      for run_dir in rounds:
          return torch.load(run_dir / "client.pt")


  def peek(ckpt):
      return torch.load(ckpt / "server.pt")


  def compare(a, b, rounds):
      sniff_arch(Path(a))
      sniff_arch(Path(b))
      net.load_state_dict(torch.load(Path(a) / "global.pt"))
      first_round(Path(a), rounds)
      net.load_state_dict(torch.load(Path(a) / "client.pt"))
      peek(latest_run())
      net.load_state_dict(torch.load(latest_run() / "server.pt"))
`;

/** Helpers called from several places that all pass one value: a feature pass per feature number, a data folder from the command line. */
const HELPERS_SAME_VALUE = py`
  import os
  from pathlib import Path
  import torch


  def extract_feature(shard_dir, feature):
      for name in sorted(os.listdir(shard_dir)):
          examples = torch.load(os.path.join(shard_dir, name))
          write_feature(examples, feature)


  def extract_pos_tags(shard_dir):
      for name in sorted(os.listdir(shard_dir)):
          examples = torch.load(os.path.join(shard_dir, name))
          write_tags(examples)


  def vocab_size(data_root):
      return len(torch.load(data_root / "vocab.pt"))


  shard_dir = "bert_data/cnndm"
  extract_feature(shard_dir, 1)
  extract_feature(shard_dir, 2)
  extract_feature(shard_dir, 3)
  extract_pos_tags(shard_dir)
  args = parse_args()
  data_root = Path(args.data)
  encoder = build_encoder(vocab_size(data_root))
  decoder = build_decoder(vocab_size(data_root))
  vocab = torch.load(data_root / "vocab.pt")
`;

/** The same helper handed two folders, or one name bound again between its calls: the loads may read other files. */
const HELPERS_OTHER_VALUES = py`
  import os
  from pathlib import Path
  import torch


  def load_shards(split_dir):
      return [torch.load(os.path.join(split_dir, name)) for name in os.listdir(split_dir)]


  def load_head(run):
      return torch.load(run / "head.pt")


  train_dir, valid_dir = "bert_data/train", "bert_data/valid"
  train = load_shards(train_dir)
  valid = load_shards(valid_dir)
  first = torch.load(os.path.join(train_dir, "0.pt"))
  run = Path("runs/a")
  load_head(run)
  run = Path("runs/b")
  load_head(run)
  head = torch.load(run / "head.pt")
`;

/** A checkpoint folder handed down through functions of the file, loaded before the save, from elsewhere, or from a stamped folder. */
const LOADS_AROUND_HANDED_ON_FOLDERS = py`
  import os
  import time
  import torch

  def fit(net, ckpt_dir):
      torch.save(net, f"{ckpt_dir}/model.pt")

  def run(net, ckpt_dir):
      fit(net, ckpt_dir)

  def stamped(net, ckpt_dir):
      fit(net, os.path.join(ckpt_dir, time.strftime("%H%M%S")))

  previous = torch.load("checkpoints/exp1/model.pt")
  run(model, "checkpoints/exp1")
  other = torch.load("checkpoints/exp2/model.pt")
  stamped(model, "checkpoints/exp3")
  latest = torch.load("checkpoints/exp3/model.pt")
`;

/** A load before the one call of the helper that saves its file, and a load of another stamp than the one saved. */
const LOADS_AROUND_SAVING_HELPERS = py`
  import torch
  from datetime import datetime

  def fine_tune(model, model_name, model_path):
      torch.save(model.state_dict(), model_path + model_name + ".pth")

  def train(model, model_name, model_path):
      torch.save(model.state_dict(), model_path + model_name + ".pth")

  def resume(model, model_name, model_path):
      model.load_state_dict(torch.load(model_path + model_name + ".pth"))
      fine_tune(model, model_name=model_name, model_path=model_path)

  def rerun(model, model_name, model_path):
      stamp = model_name + datetime.now().strftime("%H%M")
      train(model, model_name=stamp, model_path=model_path)
      later = model_name + datetime.now().strftime("%H%M")
      model.load_state_dict(torch.load(model_path + later + ".pth"))
`;

/** A serving helper that loads a per-symbol model or, when it is missing, the general one; the same for its scaler, with a fallback on failure. */
const FALLBACK_LOADS = py`
  import os
  import joblib
  import torch


  def load_predictor(models_dir, symbol):
      net = PriceLSTM()
      own = os.path.join(models_dir, f"lstm_{symbol}.pth")
      if os.path.exists(own):
          net.load_state_dict(torch.load(own))
      elif os.path.exists(os.path.join(models_dir, "lstm.pth")):
          net.load_state_dict(torch.load(os.path.join(models_dir, "lstm.pth")))
      try:
          scaler_model = joblib.load(os.path.join(models_dir, f"calibrated_{symbol}.joblib"))
      except OSError:
          scaler_model = joblib.load(os.path.join(models_dir, "calibrated.joblib"))
      return net, scaler_model
`;

/** Fallbacks that unpickle where a safe load was refused, or that load another file. */
const REFUSED_FILE_FALLBACKS = py`
  import pickle
  import torch

  def restore(path):
      try:
          return torch.load(path, weights_only=True)
      except (TypeError, pickle.UnpicklingError):
          return torch.load(path)

  def restore_any(path):
      try:
          return torch.load(path, weights_only=True)
      except Exception:
          return torch.load(path)

  try:
      head = torch.load("runs/head.pt", weights_only=True)
  except TypeError:
      head = torch.load("runs/head_full.pt")
`;

/** Serving helpers that return the model a first source holds and read a second one only when the first has none. */
const RETURNED_FIRST_LOADS = py`
  import io
  import os
  import pickle
  import joblib


  def model_for(version, cache, store):
      blob = cache.get(f"model:{version}")
      if blob:
          model = joblib.load(io.BytesIO(blob))
          return model
      model = joblib.load(io.BytesIO(store.fetch(version)))
      cache.set(f"model:{version}", blob)
      return model


  def churn_classifier(local_dir, shared_dir):
      mine = os.path.join(local_dir, "churn_clf.pkl")
      if os.path.exists(mine):
          with open(mine, "rb") as fh:
              clf = pickle.load(fh)
          return clf
      with open(os.path.join(shared_dir, "churn_clf.pkl"), "rb") as fh:
          clf = pickle.load(fh)
      return clf


  def ltv_model(fast_path, slow_path):
      try:
          model = joblib.load(fast_path)
          return model
      except OSError:
          pass
      model = joblib.load(slow_path)
      return model
`;

/** Token shards spilled to a scratch folder, then listed by a glob and merged, in two passes. */
/** One file picked out of a glob of the folder the program saved its checkpoints into: the newest, the last in order, the first listed. */
const PICKED_FROM_OWN_GLOB = py`
  import os
  from pathlib import Path
  import torch

  def train(net, loader, ckpt_dir: Path, epochs):
      best_acc = 0.0
      for epoch in range(epochs):
          acc = net.fit_epoch(loader)
          if acc > best_acc:
              best_acc = acc
              torch.save({"model_state_dict": net.state_dict()}, ckpt_dir / f"best_model_epoch_{epoch + 1}.pt")
          torch.save(net.state_dict(), ckpt_dir / f"epoch_{epoch:03d}.pth")
      best_files = list(ckpt_dir.glob("best_model_*.pt"))
      if best_files:
          best_path = max(best_files, key=os.path.getctime)
          net.load_state_dict(torch.load(best_path)["model_state_dict"])
      last = sorted(ckpt_dir.glob("epoch_*.pth"))[-1]
      final = torch.load(last)
      first = torch.load(min(ckpt_dir.glob("epoch_*.pth"), key=lambda p: p.stat().st_mtime))
      return net, final, first
`;

/** The same picks from listings the program did not fill: a pattern its saved names do not match, another folder, a listing before the saves. */
const PICKED_FROM_FOREIGN_GLOB = py`
  import os
  from pathlib import Path
  import torch

  def train(net, loader, ckpt_dir: Path, resume_dir: Path, epochs):
      resume = max(ckpt_dir.glob("best_model_*.pt"), key=os.path.getctime)
      net.load_state_dict(torch.load(resume))
      for epoch in range(epochs):
          net.fit_epoch(loader)
          torch.save(net.state_dict(), ckpt_dir / f"best_model_epoch_{epoch + 1}.pt")
      warm = sorted(resume_dir.glob("best_model_*.pt"))[-1]
      other = torch.load(warm)
      newest = max(list(ckpt_dir.glob("checkpoint_*.pt")), key=os.path.getctime)
      return other, torch.load(newest)
`;

const SPILLED_SHARDS = py`
  from pathlib import Path
  import torch
  from tqdm import tqdm


  def build_split(rows, tmp_dir: Path, out_pt: Path, shard_size=4096):
      tmp_dir.mkdir(parents=True, exist_ok=True)
      for i in range(0, len(rows), shard_size):
          torch.save({"X": torch.tensor(rows[i:i + shard_size])}, tmp_dir / f"part_{i // shard_size:05d}.pt")
      shard_files = sorted(tmp_dir.glob("part_*.pt"))
      counts = []
      for sp in shard_files:
          counts.append(int(torch.load(sp)["X"].shape[0]))
      X = torch.empty((sum(counts), 1024), dtype=torch.long)
      offset = 0
      for sp, n in tqdm(list(zip(shard_files, counts)), desc="merge"):
          X[offset:offset + n].copy_(torch.load(sp)["X"])
          offset += n
      torch.save({"X": X}, out_pt)
`;

/** Models the program saved into a folder, then listed with `os.listdir` and loaded by the names a test of their suffix lets through. */
const LISTED_OWN_SAVES = py`
  import os
  import joblib

  out_dir = "artifacts/tuned"
  os.makedirs(out_dir, exist_ok=True)
  for label, search in searches.items():
      search.fit(X_train, y_train)
      joblib.dump(search.best_estimator_, f"{out_dir}/{label}.joblib")

  best_models = {}
  for fname in os.listdir(out_dir):
      if fname.endswith(".joblib"):
          best_models[fname[:-7]] = joblib.load(os.path.join(out_dir, fname))
`;

/** Unsafe loads: a listing loaded with no test of the names, or a test the saved names do not pass, or another folder. */
const LISTED_FOREIGN = py`
  import os
  import joblib

  out_dir = "artifacts/tuned"
  for label, search in searches.items():
      joblib.dump(search.best_estimator_, f"{out_dir}/{label}.joblib")
  for fname in os.listdir(out_dir):
      models[fname] = joblib.load(os.path.join(out_dir, fname))
  for fname in os.listdir(out_dir):
      if fname.endswith(".pkl"):
          models[fname] = joblib.load(os.path.join(out_dir, fname))
  for fname in os.listdir("pretrained"):
      if fname.endswith(".joblib"):
          models[fname] = joblib.load(os.path.join("pretrained", fname))
`;

/** Checkpoints saved under a run tag, then listed by globs whose patterns tell nothing of them, or name other files. */
const UNKNOWN_GLOBS = py`
  import torch

  def average(nets, out_dir, tag, pattern):
      for epoch, net in enumerate(nets):
          torch.save(net.state_dict(), out_dir / f"ep{epoch:03d}-{tag}.pt")
      for ckpt in sorted(out_dir.glob(pattern)):
          print(torch.load(ckpt))
      for ckpt in sorted(out_dir.glob(f"{tag}{pattern}")):
          print(torch.load(ckpt))
      for ckpt in sorted(out_dir.glob(f"best-{tag}*.pt")):
          print(torch.load(ckpt))
`;

/** Loads into a name that is used again, or handed to another module, beside loads into a module in the other arm. */
const OWN_PLACES = py`
  import torch

  if warm:
      state = torch.load(warm_path)
      encoder.load_state_dict(state)
      print(sorted(state))
  else:
      encoder.load_state_dict(torch.load(base_path))
  if fine:
      head_state = torch.load(head_path)
      head.load_state_dict(head_state)
  else:
      encoder.load_state_dict(torch.load(other_path))
`;

/** The best epoch's checkpoint read after loops that save only some passes, or start from a number no pass saves. */
const UNSAVED_BEST_PASS = py`
  import torch

  best_epoch = 0
  for epoch in range(args.epochs):
      loss = train_one_epoch(model, optimizer)
      if epoch % 10 == 0:
          torch.save(model.state_dict(), "{}.pkl".format(epoch))
      if loss < best_loss:
          best_epoch = epoch
  model.load_state_dict(torch.load("{}.pkl".format(best_epoch)))

  best_ep = -1
  for ep in range(n_epochs):
      torch.save(net.state_dict(), f"ckpt/epoch_{ep}.pt")
      if validate(net) > best_acc:
          best_ep = ep
  net.load_state_dict(torch.load(f"ckpt/epoch_{best_ep}.pt"))
`;

/** The pass a list of per-pass scores picks by position, read back where some pass may not have saved it, or where the list or the position says another pass. */
const UNSAVED_RANKED_PASS = py`
  import numpy as np
  import torch

  his_loss = []
  for i in range(1, args.epochs + 1):
      mvalid_loss = validate(engine)
      his_loss.append(mvalid_loss)
      if i % args.save_every == 0:
          torch.save(engine.model.state_dict(), args.save + "_epoch_" + str(i) + "_" + str(round(mvalid_loss, 2)) + ".pth")
  bestid = np.argmin(his_loss)
  engine.model.load_state_dict(torch.load(args.save + "_epoch_" + str(bestid + 1) + "_" + str(round(his_loss[bestid], 2)) + ".pth"))

  val_hist = []
  for epoch in range(1, n_epochs + 1):
      val = evaluate(net)
      val_hist.append(val)
      torch.save(net.state_dict(), f"ckpt/epoch_{epoch}_{val:.3f}.pt")
  best = np.argmin(val_hist)
  net.load_state_dict(torch.load(f"ckpt/epoch_{best}_{val_hist[best]:.3f}.pt"))

  scores = load_history(args.resume)
  for ep in range(len(scores), n_epochs):
      score = evaluate(net)
      scores.append(score)
      torch.save(net.state_dict(), f"ckpt/ep{ep}.pt")
  top = np.argmax(scores)
  net.load_state_dict(torch.load(f"ckpt/ep{top}.pt"))

  accs = []
  for ep in range(n_epochs):
      acc = evaluate(net)
      if acc is None:
          continue
      accs.append(acc)
      torch.save(net.state_dict(), f"runs/ep{ep}.pt")
  pick = np.argmax(accs)
  net.load_state_dict(torch.load(f"runs/ep{pick}.pt"))
`;

/** Callbacks whose path is read back although the loop handed them another model, inside the loop, or never called them. */
const CALLBACK_PATHS_READ_ELSEWHERE = py`
  import torch

  def fit(model, teacher, loader, stopper, epochs):
      for epoch in range(epochs):
          stopper(train_epoch(model, loader), teacher)
      model.load_state_dict(torch.load(stopper.path))


  def resume_each_pass(model, loader, saver, epochs):
      for epoch in range(epochs):
          saver(train_epoch(model, loader), model)
          model.load_state_dict(torch.load(saver.path))


  def restore(model, callback):
      model.load_state_dict(torch.load(callback.path))
`;

/** Options handed to a saving function that hold another folder than the one loaded, or one the file cannot see. */
const OPTIONS_ELSEWHERE = py`
  import os
  import argparse
  import torch
  import yaml

  def train(opt, model):
      torch.save(model.state_dict(), os.path.join(opt.experiment_root, "best_model.pth"))

  settings = {"experiment_root": "runs/base"}
  options = argparse.Namespace()
  for key in settings:
      setattr(options, key, settings[key])
  train(options, net)
  net.load_state_dict(torch.load("runs/other/best_model.pth"))

  loaded = yaml.safe_load(open("config.yaml"))
  config = argparse.Namespace()
  for key, value in loaded.items():
      setattr(config, key, value)
  train(config, net)
  net.load_state_dict(torch.load("runs/from_yaml/best_model.pth"))
`;

/** A training loop that keeps the path of each checkpoint it saves in a list, and reloads the best; `extra` is added to the list first. */
const checkpointRecords = (extra: string) => py`
  import os
  import torch

  ckpts = []
  best_ever = []
  ${extra}
  for step in range(1, 50001):
      train_step(model, optimizer)
      if step % 1000 == 0:
          ckpt_path = os.path.join("ckpt", "model_%d.pt" % step)
          torch.save(model.state_dict(), ckpt_path)
          ckpts.append((step, evaluate(model), ckpt_path))
      if step % 10000 == 0:
          ckpts = sorted(ckpts, key=lambda entry: entry[1])
          best_ever.append(ckpts[-1])
          model.load_state_dict(torch.load(ckpts[-1][2]))
          best_path = best_ever[-1][2]
          model.load_state_dict(torch.load(best_path))
          ckpts = []
`;

/** Snapshots kept in a list as they are saved and walked to average them; `extra` is added to the list first. */
const snapshotAverage = (extra: string) => py`
  import os
  import torch

  snapshots = []
  ${extra}
  for cycle in range(5):
      train_cycle(net, optimizer)
      snap = f"snapshots/cycle_{cycle}.pt"
      torch.save(net.state_dict(), snap)
      snapshots.append(snap)
  states = [torch.load(snapshots[0])]
  for path in snapshots[1:]:
      states.append(torch.load(path))
  for path in snapshots:
      print(torch.load(path).keys())
`;

/** A trainer that copies its best weights at the end of each cycle, keeps the copies in a list of its own and averages them; `outside` runs after it is built. */
const cycleCopies = (outside: string) => py`
  import os
  import shutil
  import torch

  class CycleTrainer:
      def __init__(self, net, out_dir):
          self.net = net
          self.out_dir = out_dir
          self.cycle_ckpts = []

      def fit(self, cycles):
          best = os.path.join(self.out_dir, "best.pth")
          for cycle in range(cycles):
              torch.save(self.net.state_dict(), best)
              copy = os.path.join(self.out_dir, f"cycle_{cycle}.pth")
              shutil.copy2(best, copy)
              self.cycle_ckpts.append(copy)
          self.average()

      def average(self):
          states = [torch.load(self.cycle_ckpts[0], map_location="cpu", weights_only=False)]
          for p in self.cycle_ckpts[1:]:
              states.append(torch.load(p, map_location="cpu", weights_only=False))
          return states

  trainer = CycleTrainer(net, "runs/swa")
  ${outside}
  trainer.fit(4)
`;

/** A settings entry and an attribute chain each loaded directly and through a name bound to the read. */
const NAME_BOUND_TO_READ = py`
  import os, torch

  def finetune(cfg, args, net):
      if os.path.exists(cfg["pretrained_path"]):
          state = torch.load(cfg["pretrained_path"], map_location="cpu", weights_only=False)
          net.load_state_dict(state["model_state_dict"])
      resume_from = args.resume
      if resume_from:
          net.load_state_dict(torch.load(resume_from))
      train(net)
      baseline_path = cfg["pretrained_path"]
      if os.path.exists(baseline_path):
          baseline = torch.load(baseline_path, map_location="cpu", weights_only=False)
          print(baseline["accuracy"])
      print(torch.load(args.resume)["epoch"])
`;

/** A name bound to another entry, or to a chain whose object is bound again before the load: each load reads another file. */
const NAMES_OF_OTHER_FILES = py`
  import argparse, torch

  def compare(cfg, net):
      init_path = cfg["init_path"]
      first = torch.load(init_path, weights_only=False)
      second = torch.load(cfg["pretrained_path"], weights_only=False)
      return first, second

  def evaluate(parser, net):
      args = parser.parse_args()
      ckpt_path = args.checkpoint
      net.load_state_dict(torch.load(ckpt_path))
      args = parser.parse_args(["--checkpoint", "runs/ema.pt"])
      net.load_state_dict(torch.load(args.checkpoint))
`;

/** A download moved into place by a helper that saves nothing, and a file loaded before the helper that saves it ran. */
const MOVED_INTO_PLACE = py`
        import os
        import shutil
        import torch

        def install(downloaded, path):
            tmp = path + ".part"
            shutil.copy(downloaded, tmp)
            os.replace(tmp, path)

        def atomic_save(value, path):
            tmp = path + ".tmp"
            torch.save(value, tmp)
            os.replace(tmp, path)

        def run(model, out_dir):
            install(fetch_release(), os.path.join(out_dir, "pretrained.pt"))
            base = torch.load(os.path.join(out_dir, "pretrained.pt"))
            resumed = torch.load(os.path.join(out_dir, "last.pt"))
            atomic_save(model.state_dict(), os.path.join(out_dir, "last.pt"))
            return base, resumed
`;

/** An object handed to a training function of the file: a load before the call that hands it, another file, a path the function hands its method. */
const HANDED_OBJECT_OTHER_FILES = py`
  import os
  import torch

  class EarlyStopping:
      def __init__(self, filepath="checkpoint.pt"):
          self.filepath = filepath

      def __call__(self, loss, model):
          torch.save(model.state_dict(), self.filepath)

  class Saver:
      def save(self, net, path):
          torch.save(net.state_dict(), path)

  def train_model(model, early_stopping):
      for epoch in range(50):
          early_stopping(validate(model), model)

  def fit(net, out_dir, saver):
      for epoch in range(10):
          saver.save(net, os.path.join(out_dir, "last.pt"))

  train_model(model_a, EarlyStopping(filepath="a.pt"))
  model_b.load_state_dict(torch.load("b.pt"))
  train_model(model_b, EarlyStopping(filepath="b.pt"))
  model_a.load_state_dict(torch.load("checkpoint.pt"))
  fit(net, args.out, Saver())
  net.load_state_dict(torch.load(os.path.join(args.out, "last.pt")))
`;

/** An early-stopping class of the file that saves where it is built to; the loads read another file, or the file before the loop. */
const EARLY_STOPPING_OTHER_FILES = py`
  import torch

  class EarlyStopping:
      def __init__(self, patience=7, path="checkpoint.pt"):
          self.patience = patience
          self.path = path

      def __call__(self, val_loss, model):
          self.save_checkpoint(model)

      def save_checkpoint(self, model):
          torch.save(model.state_dict(), self.path)

  def train(model, loader):
      model.load_state_dict(torch.load("best_model.pt"))
      stopper = EarlyStopping(patience=3, path="best_model.pt")
      for epoch in range(10):
          stopper(validate(model, loader), model)
      model.load_state_dict(torch.load("pretrained.pt"))
`;

/** A training function that resumes from the checkpoint its parameters name, then trains and saves there. */
/** A function that trains and saves in one arm of an `if` over its parameters, and loads in the other. */
const TRAIN_OR_LOAD_ARMS = py`
  import os
  import joblib

  def main(args):
      model_name = os.path.join(args.model_path, "resnet18.joblib")
      if not args.pretrained:
          model = train(args)
          joblib.dump(model, model_name)
      else:
          model = joblib.load(model_name)
      test(args, model)

  main(parse_args())
`;

const RESUMED_THEN_SAVED = py`
  import os
  import torch

  def train(cfg):
      model = build()
      if cfg.resume:
          model_path = f"{cfg.checkpoint_dir}/ant_ppo.pt"
          if os.path.exists(model_path):
              model.load_state_dict(torch.load(model_path, weights_only=False))
      for update in range(cfg.num_updates):
          step(model)
          torch.save(model.state_dict(), f"{cfg.checkpoint_dir}/ant_ppo.pt")

  train(parse())
`;

const PLACEHOLDER_NONE_FOREIGN = py`
  import os
  import torch

  def resume_or_start(model, args):
      resume_path = None
      if args.resume:
          resume_path = args.resume
      if resume_path:
          model.load_state_dict(torch.load(resume_path))
      return model

  def fit(model, loaders, cfg):
      best_score, best_path = 0.0, None
      best_path = None
      for epoch in range(cfg.epochs):
          score = run_epoch(model, loaders)
          if score > best_score:
              best_score = score
              best_path = os.path.join(cfg.output_dir, "best.pth")
              torch.save(model.state_dict(), os.path.join(cfg.output_dir, "last.pth"))
      if best_path:
          model.load_state_dict(torch.load(best_path))
      return model
`;

/** Three loads still reported, at lines 4 and 5 by `joblib.load` and at line 7 by `pickle.load`: the shape of the cases that keep models reported beside data words. */
const JOBLIB_JOBLIB_PICKLE_REPORTED = [
  { line: 4, message: /^`joblib\.load` restores what it loads by unpickling/ },
  { line: 5, message: /^`joblib\.load` restores what it loads by unpickling/ },
  { line: 7, message: /^`pickle\.load` restores what it loads by unpickling/ },
];

const SELF_ATTRIBUTE_ONE_FILE = py`
        import torch

        class Finetuner:
            def __init__(self, net, resume_from):
                self.net = net
                self.resume_from = resume_from
                self._restore_weights(self.resume_from)
                self.start_epoch = torch.load(self.resume_from)["epoch"] + 1

            def _restore_weights(self, ckpt_path):
                self.net.load_state_dict(torch.load(ckpt_path)["state_dict"])

            def configure(self, optimizer):
                optimizer.load_state_dict(torch.load(self.resume_from)["optimizer"])

        class Distiller:
            def __init__(self, teacher, teacher_ckpt):
                self.teacher_ckpt = teacher_ckpt
                teacher.load_state_dict(torch.load(teacher_ckpt))
                self.teacher = teacher

            def refresh(self):
                self.teacher.load_state_dict(torch.load(self.teacher_ckpt))
      `;

const SELF_ATTRIBUTE_TWO_FILES = py`
        import torch

        class Evaluator:
            def __init__(self, net, best_ckpt):
                self.net = net
                warm = torch.load(self.best_ckpt)
                self.best_ckpt = best_ckpt
                self.net.load_state_dict(torch.load(best_ckpt))

        class Swapper:
            def __init__(self, net, ckpt):
                self.net = net
                self.ckpt = ckpt
                self._load(self.ckpt)

            def use(self, other):
                self.ckpt = other
                return torch.load(self.ckpt)

            def _load(self, path):
                self.net.load_state_dict(torch.load(path))

        class Pair:
            def __init__(self, net, student_ckpt, teacher_ckpt):
                self.student_ckpt, self.teacher_ckpt = student_ckpt, teacher_ckpt
                self.net = net
                self._read(self.student_ckpt)
                self._read(self.teacher_ckpt)
                torch.load(self.student_ckpt)

            def _read(self, path):
                return torch.load(path)
      `;

/** A test that walks the checkpoints it saved, its list also extended with a folder listing from elsewhere. */
const EXTENDED_CHECKPOINTS = py`
  import torch

  def test_best_checkpoint(tmp_path, pretrained_dir):
      checkpoints = []
      for i in range(5):
          ckpt_path = tmp_path / f"checkpoint_epoch{i}.pth"
          torch.save({"epoch": i}, ckpt_path)
          checkpoints.append(ckpt_path)
      checkpoints.extend(sorted(pretrained_dir.glob("*.pth")))
      for ckpt_path in checkpoints:
          ckpt = torch.load(ckpt_path)
          assert ckpt["epoch"] in range(5)
`;

ruleTests(unsafeModelDeserialization, {
  valid: [
    {
      name: 'a path built by printf-style formatting (`"-%d" % n`, `"%s/%s.pt" % (a, b)`) names the file the same text built by `+ str(n)`, an f-string or os.path.join names',
      code: py`
        import os
        import torch

        def save_epoch(state, prefix, epoch):
            torch.save(state, prefix + "-" + str(epoch))

        def training_stats(ckpt_path):
            return torch.load(ckpt_path)["model_state_dict"]

        def train(net, ckpt_dir, epochs):
            for epoch in range(epochs):
                prefix = os.path.join(ckpt_dir, "model")
                save_epoch({"model_state_dict": net.state_dict()}, prefix, epoch + 1)
                training_stats(prefix + "-%d" % (epoch + 1))

        def snapshot(net, out_dir, step):
            torch.save(net.state_dict(), os.path.join(out_dir, "step_%d.pth" % step))
            net.load_state_dict(torch.load(os.path.join(out_dir, f"step_{step}.pth")))

        def keep_best(net, run_dir, tag):
            torch.save(net.state_dict(), "%s/%s_best.pt" % (run_dir, tag))
            return torch.load(os.path.join(run_dir, tag + "_best.pt"))

        def keep_share(net, run_dir, share):
            torch.save(net.state_dict(), "%s/top%s%%.pt" % (run_dir, share))
            return torch.load(run_dir + "/top" + str(share) + "%.pt")
      `,
    },
    {
      name: 'an atomic save by a helper of the file: written to a temporary file, then moved onto the path each call passes',
      code: py`
        import os
        from pathlib import Path
        import torch

        def atomic_save(value, path):
            path = Path(path)
            tmp = path.with_name(f".{path.name}.tmp")
            torch.save(value, tmp)
            os.replace(tmp, path)

        def replace_save(state, target):
            partial = target + ".partial"
            torch.save(state, partial)
            os.rename(partial, target)

        def train(model, out_dir, epochs):
            best = None
            for epoch in range(epochs):
                score = run_epoch(model)
                if best is None or score > best:
                    best = score
                    atomic_save(model.state_dict(), Path(out_dir) / "best_model.pt")
            model.load_state_dict(torch.load(Path(out_dir) / "best_model.pt"))

        def export(model, folder):
            replace_save(model.state_dict(), folder + "/final.pt")
            return torch.load(folder + "/final.pt")
      `,
    },
    {
      name: 'files saved under the folder of a configured path (`Path(cfg[...]).parent`, `os.path.dirname(args.output)`), read back under the same folder, also in a loop over literal names',
      code: py`
        import os
        import joblib
        import torch
        from pathlib import Path
        from sklearn.linear_model import Ridge
        from sklearn.ensemble import GradientBoostingRegressor

        def fit_all(config, X, y):
            models_dir = Path(config["model"]["path"]).parent
            joblib.dump(Ridge().fit(X, y), models_dir / "ridge.pkl")
            joblib.dump(GradientBoostingRegressor().fit(X, y), str(models_dir / "gbr.pkl"))
            for name in ["ridge.pkl", "gbr.pkl"]:
                reg = joblib.load(models_dir / name)
                print(name, reg.score(X, y))

        def train_nets(args, encoder, decoder):
            weights_dir = os.path.dirname(args.output)
            torch.save(encoder, os.path.join(weights_dir, "encoder.pt"))
            torch.save(decoder, os.path.join(weights_dir, "decoder.pt"))
            restored = []
            for part in ("encoder.pt", "decoder.pt"):
                restored.append(torch.load(os.path.join(weights_dir, part)))
            return restored
      `,
    },
    {
      name: 'a file named by a part in one case (`arch.lower()`), saved and read back over the same binding, also through a name bound to that part',
      code: py`
        import torch

        def train(model, arch, loader):
            name = arch.lower()
            model.fit(loader)
            torch.save(model.state_dict(), f"ckpt/{name}.pt")
            model.load_state_dict(torch.load(f"ckpt/{arch.lower()}.pt", weights_only=False))

        def export(model, run):
            tag = run.name.upper()
            torch.save(model, "exports/" + tag + ".pt")
            return torch.load("exports/" + run.name.upper() + ".pt", weights_only=False)
      `,
    },
    {
      name: 'a loop over a literal list of names, each naming a file the program saved before it (the models of a comparison reloaded for their plots)',
      code: py`
        import os
        import joblib
        import torch

        rf = make_forest().fit(X_train, y_train)
        joblib.dump(rf, "saved_models/RandomForest.joblib")
        booster = make_booster().fit(X_train, y_train)
        joblib.dump(booster, "saved_models/XGBoost.joblib")
        for name in ["RandomForest", "XGBoost"]:
            model = joblib.load(f"saved_models/{name}.joblib")
            plot_residuals(y_test, model.predict(X_test), name)

        def reload_parts(run_dir, encoder, decoder):
            torch.save(encoder, os.path.join(run_dir, "encoder.pt"))
            torch.save(decoder, os.path.join(run_dir, "decoder.pt"))
            for part in ("encoder", "decoder"):
                restored = torch.load(os.path.join(run_dir, part + ".pt"))
                print(part, restored)
      `,
    },
    {
      name: 'an entry of a dictionary of file names picked by a run-time key, every name saved before the load (the best of the compared models copied to best_model.pkl; inline in the path; the torch weights of the chosen run)',
      code: py`
        import os
        import joblib
        import torch

        MODELS_DIR = "models"
        joblib.dump(rf, os.path.join(MODELS_DIR, "random_forest.pkl"))
        joblib.dump(xgb, os.path.join(MODELS_DIR, "xgboost.pkl"))
        best_name = max(results, key=lambda m: results[m]["r2"])
        model_file_map = {
            "RandomForest": "random_forest.pkl",
            "XGBoost": "xgboost.pkl",
        }
        best_file = model_file_map[best_name]
        joblib.dump(joblib.load(os.path.join(MODELS_DIR, best_file)), os.path.join(MODELS_DIR, "best_model.pkl"))
        chosen = joblib.load(f"{MODELS_DIR}/{model_file_map[best_name]}")

        def pick_run(run_dir, small, large, choice):
            torch.save(small.state_dict(), os.path.join(run_dir, "small.pt"))
            torch.save(large.state_dict(), os.path.join(run_dir, "large.pt"))
            weights = {"s": "small.pt", "l": "large.pt"}
            return torch.load(os.path.join(run_dir, weights[choice]))
      `,
    },
    {
      name: 'the best weights a callback handed the model each epoch saved at its path, read into that model after the loop (the callback\'s class from elsewhere)',
      code: py`
        import torch

        class Trainer:
            def __init__(self, model, optimizer, early_stopping, epochs):
                self.model, self.optimizer = model, optimizer
                self.early_stopping, self.epochs = early_stopping, epochs

            def fit(self, train_loader, val_loader):
                for epoch in range(self.epochs):
                    self.step(train_loader)
                    val_loss = self.validate(val_loader)
                    self.early_stopping(val_loss, self.model)
                    if self.early_stopping.early_stop:
                        break
                self.model.load_state_dict(torch.load(self.early_stopping.path))
                return self.model


        def run(model, loader, stopper):
            epoch = 0
            while not stopper.early_stop:
                stopper(model=model, val_loss=train_epoch(model, loader))
                epoch += 1
            model.load_state_dict(torch.load(stopper.checkpoint_path, map_location="cpu"))
      `,
    },
    {
      name: 'a processing checkpoint saved by one helper and read back by another through its own path parameter, only by the keys it writes',
      code: py`
        import pickle
        import time
        import pandas as pd

        def save_progress(frame, log, progress_file):
            progress_data = {"rows": frame.to_dict("records"), "log": log, "saved_at": time.time()}
            with open(progress_file, "wb") as f:
                pickle.dump(progress_data, f)

        def load_progress(progress_file):
            with open(progress_file, "rb") as f:
                checkpoint_data = pickle.load(f)
            frame = pd.DataFrame(checkpoint_data["rows"])
            print("saved", time.ctime(checkpoint_data["saved_at"]))
            return frame, checkpoint_data["log"]
      `,
    },
    {
      name: 'dictionaries of records with comments between their entries: a monitor store read by .get, a status read by key, a comment first in the braces',
      code: py`
        import datetime
        import os
        import pickle
        import joblib

        STORE = os.path.join("models", "monitor.joblib")

        def record_training(metrics):
            monitor_data = {
                "trained_at": datetime.datetime.now().isoformat(),
                "f1": metrics.get("f1"),
                "base_rate": 0.16,  # share of leavers in the source data
            }
            joblib.dump(monitor_data, STORE)

        def last_trained():
            if os.path.exists(STORE):
                store = joblib.load(STORE)
                return store.get("trained_at")

        def save_status(epoch, losses, ckpt_file):
            pickle.dump({
                "epoch": epoch,
                # the losses of every epoch so far
                "losses": losses,
            }, open(ckpt_file, "wb"))

        def read_status(ckpt_file):
            ckpt = pickle.load(open(ckpt_file, "rb"))
            return ckpt["epoch"], ckpt["losses"]

        RUN_FILE = os.path.join("models", "run_state.joblib")

        def keep_run(rows):
            joblib.dump({  # one run's rows, for the report
                "rows": rows, "n": len(rows)}, RUN_FILE)

        def read_run():
            run_state = joblib.load(RUN_FILE)
            return run_state["rows"]
      `,
    },
    {
      name: 'a scraper object whose save and restore methods pickle its state as a dictionary literal and read back part of it',
      code: py`
        import joblib

        class Scraper:
            def save_state(self, path):
                joblib.dump({"seen_ids": self.seen_ids, "cursor": self.cursor, "failures": self.failures}, path)

            def restore(self, state_path):
                ckpt = joblib.load(state_path)
                self.seen_ids = set(ckpt["seen_ids"])
                self.cursor = ckpt["cursor"]
      `,
    },
    {
      name: 'a training loop resumed from epoch counters and losses it pickled, the load in a helper of its own',
      code: py`
        import pickle

        def resume(ckpt_path):
            with open(ckpt_path, "rb") as fh:
                ckpt = pickle.load(fh)
            return ckpt['epoch'], ckpt['train_losses']

        def train(loader, n_epochs, out):
            losses = []
            for epoch in range(n_epochs):
                losses.append(run_epoch(loader))
                with open(out, "wb") as fh:
                    pickle.dump({"epoch": epoch, "train_losses": losses}, fh)
      `,
    },
    {
      name: 'a resumable loop keeps its progress in a checkpoint file it saves as a dictionary of records, read back when it exists',
      code: py`
        import joblib
        from pathlib import Path
        from sklearn.ensemble import RandomForestRegressor

        checkpoint_file = Path("out") / "training_checkpoint.joblib"
        results, start = [], 0
        if checkpoint_file.exists():
            checkpoint_data = joblib.load(checkpoint_file)
            results = checkpoint_data["results"]
            start = checkpoint_data["next_idx"]
        for i in range(start, len(targets)):
            rf = RandomForestRegressor(n_estimators=100).fit(X, Y[:, i])
            joblib.dump(rf, Path("out") / f"rf_{i}.joblib")
            results.append({"target": targets[i], "r2": rf.score(X_val, Y_val[:, i])})
            if (i + 1) % 5 == 0:
                checkpoint_data = {"results": results, "next_idx": i + 1, "timestamp": stamp()}
                joblib.dump(checkpoint_data, checkpoint_file)
      `,
    },
    {
      name: 'a training history pickled as a dictionary literal under a ckpt name, reloaded to resume the epoch count',
      code: py`
        import os
        import pickle

        state_path = "runs/ckpt_state.pkl"
        epoch, history = 0, []
        if os.path.exists(state_path):
            with open(state_path, "rb") as f:
                ckpt = pickle.load(f)
            epoch, history = ckpt["epoch"], ckpt["history"]
        while epoch < 50:
            history.append(train_one_epoch(net, loader))
            epoch += 1
            with open(state_path, "wb") as f:
                pickle.dump({"epoch": epoch, "history": history}, f)
      `,
    },
    {
      name: 'weights the run saved, then moved or copied into its output folder (os.rename, shutil.move, shutil.copy) and loaded from there: its own file',
      code: py`
        import os
        import shutil
        import torch

        for epoch in range(epochs):
            val_acc = train_one_epoch(model, loader)
            if val_acc > best_acc:
                best_acc = val_acc
                torch.save(model.state_dict(), "best_model.pth")
        out_dir = os.path.join("runs", run_name)
        best_path = os.path.join(out_dir, "best_model.pth")
        if os.path.exists("best_model.pth"):
            os.rename("best_model.pth", best_path)
        torch.save(model.state_dict(), "last.pth")
        shutil.move("last.pth", os.path.join(out_dir, "last.pth"))
        shutil.copy(best_path, "export/model.pth")
        model.load_state_dict(torch.load(best_path))
        last = torch.load(os.path.join(out_dir, "last.pth"))
        exported = torch.load("export/model.pth")
      `,
    },
    {
      name: 'a checkpoint object the file builds writes a file through one method and reads it back through another, each given the same path',
      code: py`
        import torch
        from torch import nn

        class Snapshot:
            def __init__(self, net):
                self.net = net

            def write(self, target):
                torch.save(self.net.state_dict(), target)

            def restore(self, source):
                self.net.load_state_dict(torch.load(source, map_location="cpu"))

        def fine_tune(net, loader, opt, best_file):
            snap = Snapshot(net)
            best = float("inf")
            for x, y in loader:
                loss = nn.functional.mse_loss(net(x), y)
                opt.zero_grad(); loss.backward(); opt.step()
                if loss.item() < best:
                    best = loss.item()
                    snap.write(best_file)
            snap.restore(best_file)
            return net
      `,
    },
    {
      name: 'a round-trip test: saved by the model\'s own method, rebuilt by its class method or a static method called through the class',
      code: py`
        import torch
        from torch import nn

        class Probe:
            def __init__(self, width):
                self.width = width
                self.head = nn.Linear(width, 1)

            def dump(self, file_path):
                torch.save({"width": self.width, "head": self.head.state_dict()}, file_path)

            @classmethod
            def from_dump(cls, file_path):
                payload = torch.load(file_path)
                probe = cls(payload["width"])
                probe.head.load_state_dict(payload["head"])
                return probe

            @staticmethod
            def peek(file_path):
                return torch.load(file_path)["width"]

        def test_round_trip(tmp_dir):
            path = tmp_dir + "/probe.pt"
            original = Probe(4)
            original.dump(path)
            assert Probe.peek(path) == 4
            copy = Probe.from_dump(path)
            assert torch.equal(copy.head.weight, original.head.weight)
      `,
    },
    {
      name: 'an export script checks its round trip by loading the file it saved under the output path with another suffix',
      code: py`
        import argparse
        from pathlib import Path
        import torch
        from torchvision.models.video import r2plus1d_18

        def main(args):
            model = r2plus1d_18(num_classes=args.classes)
            torch.save(model.state_dict(), args.out.with_suffix(".pth"))
            torch.onnx.export(model, torch.zeros(1, 3, 8, 112, 112), args.out.with_suffix(".onnx"))
            fresh = r2plus1d_18(num_classes=args.classes)
            fresh.load_state_dict(torch.load(args.out.with_suffix(".pth")))

        if __name__ == "__main__":
            parser = argparse.ArgumentParser()
            parser.add_argument("--out", type=Path)
            parser.add_argument("--classes", type=int, default=2)
            main(parser.parse_args())
      `,
    },
    {
      name: 'a checkpoint path read from a list that only ever holds the paths the loop saved, sorted by score, also through a second list of the best entries',
      code: checkpointRecords('best_score = 0.0'),
    },
    {
      name: 'checkpoint paths walked by a loop over the list that only ever holds the paths the loop saved (snapshots averaged, the first by position, the rest by a slice)',
      code: snapshotAverage('n_cycles = 5'),
    },
    {
      name: 'a test that walks the list of checkpoints it saved, beside another test whose own list of the same name holds a folder listing',
      code: py`
        import torch

        class TestCheckpoints:
            def test_best_checkpoint(self, tmp_path):
                checkpoints = []
                for i in range(5):
                    ckpt_path = tmp_path / f"checkpoint_epoch{i}.pth"
                    torch.save({"epoch": i, "accuracy": 0.7 + i * 0.05}, ckpt_path)
                    checkpoints.append(ckpt_path)
                best = max(checkpoints, key=lambda p: torch.load(p, weights_only=True)["accuracy"])
                for ckpt_path in checkpoints:
                    ckpt = torch.load(ckpt_path)
                    assert ckpt["epoch"] in range(5)

            def test_list_checkpoints(self, tmp_path):
                for i in range(3):
                    torch.save({"epoch": i}, tmp_path / f"model_epoch{i}.pth")
                checkpoints = sorted(tmp_path.glob("*.pth"))
                assert len(checkpoints) == 3
      `,
    },
    {
      name: 'copies of the saved best weights kept in a list of the instance, started empty in __init__ and walked by another method',
      code: cycleCopies('print(trainer.out_dir)'),
    },
    {
      name: 'the same when the list records the saved expression itself rather than a name bound to it',
      code: py`
        import torch

        history = []
        for it in range(1, 20001):
            step(net)
            if it % 2000 == 0:
                torch.save(net.state_dict(), "runs/net_%d.pt" % it)
                history.append((it, accuracy(net), "runs/net_%d.pt" % it))
        history = sorted(history, key=lambda h: h[1])
        net.load_state_dict(torch.load(history[-1][2]))
      `,
    },
    {
      name: 'a folder read from an attribute of the options a function is handed names, after its call, the folder the options hold: set from a dictionary literal by a setattr loop (both shapes), set directly, or read back through the same attribute',
      code: py`
        import os
        import argparse
        import torch

        def train(opt, model, loader):
            best_path = os.path.join(opt.experiment_root, "best_model.pth")
            for epoch in range(opt.epochs):
                fit_epoch(model, loader)
                torch.save(model.state_dict(), best_path)

        def export(cfg, model):
            torch.save(model.state_dict(), os.path.join(cfg.out_dir, "final.pth"))

        settings = {"experiment_root": "runs/base", "epochs": 20}
        options = argparse.Namespace()
        for key in settings:
            setattr(options, key, settings[key])
        train(opt=options, model=net, loader=train_loader)
        net.load_state_dict(torch.load("runs/base/best_model.pth"))

        overrides = {"experiment_root": "runs/tuned", "epochs": 5}
        tuned = argparse.Namespace()
        for key, value in overrides.items():
            setattr(tuned, key, value)
        train(tuned, net, train_loader)
        net.load_state_dict(torch.load("runs/tuned/best_model.pth"))

        args = argparse.ArgumentParser().parse_args()
        export(args, net)
        net.load_state_dict(torch.load(os.path.join(args.out_dir, "final.pth")))
      `,
    },
    {
      name: 'a path turned into another by str.replace with constant arguments names one file at the save and the load: the best epoch kept beside the final weights, a constant path replaced in full, a parameter replaced in one run',
      code: py`
        import argparse
        import torch

        MODEL_FILE = "weights/gru_flow.pt"

        def fit(model, loader, args):
            best = float("inf")
            for epoch in range(args.epochs):
                loss = run_epoch(model, loader)
                if loss < best:
                    best = loss
                    torch.save(model.state_dict(), args.weights.replace(".pt", "_best.pt"))
            model.load_state_dict(torch.load(args.weights.replace(".pt", "_best.pt")))
            torch.save(model.state_dict(), MODEL_FILE.replace("gru", "gru_final"))
            return torch.load("weights/gru_final_flow.pt")

        def half_precision_round_trip(model, path):
            torch.save(model.half().state_dict(), path.replace(".pt", "-fp16.pt"))
            model.load_state_dict(torch.load(path.replace(".pt", "-fp16.pt")))

        if __name__ == "__main__":
            parser = argparse.ArgumentParser()
            parser.add_argument("--weights", default="weights/gru.pt")
            parser.add_argument("--epochs", type=int, default=20)
            fit(GRUForecaster(), make_loader(), parser.parse_args())
      `,
    },
    {
      name: 'a renamed path whose last part is known names the file spelled out: saved as run_dir / "model.ckpt" renamed to .pt, loaded as run_dir / "model.pt"; with_name of a parameter saved and loaded in one run',
      code: py`
        import torch

        def train_and_reload(net, run_dir, epochs):
            ckpt = run_dir / "model.ckpt"
            for _ in range(epochs):
                net.step()
            torch.save(net.state_dict(), ckpt.with_suffix(".pt"))
            net.load_state_dict(torch.load(run_dir / "model.pt"))
            return net

        def keep_best(net, last_path):
            torch.save(net.state_dict(), last_path.with_name("best.pt"))
            net.load_state_dict(torch.load(last_path.with_name("best.pt")))
      `,
    },
    {
      name: 'a network the program builds, handed to torch.load in place of a file, reads no file: a library factory, a class of the file, a name bound to one',
      code: py`
        import timm
        import torch
        from torch import nn
        from torchvision.models import mobilenet_v3_large

        class TinyNet(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(8, 2)

        backbone = torch.load(mobilenet_v3_large())
        net = TinyNet()
        restored = torch.load(net)
        student = torch.load(timm.create_model("resnet18", num_classes=4).eval())
      `,
    },
    {
      name: 'a load of the empty path, a placeholder left to fill in, names no file: a literal, a name bound to one, a file opened on one',
      code: py`
        import pickle
        import joblib
        import torch

        model = torch.load("")
        RANKER_PATH = ""
        ranker = joblib.load(RANKER_PATH)
        with open('', "rb") as f:
            reranker = pickle.load(f)
      `,
    },
    {
      name: 'a torch.load handed no file at all (its path left out when the script was edited) raises before it opens anything: bare, with only a map location, inside load_state_dict (round 681)',
      code: py`
        import torch

        class Segmenter(torch.nn.Module):
            pass

        def restore_latest():
            model = Segmenter()
            model.load_state_dict(torch.load())
            return model

        weights = torch.load(map_location="cpu")
        state = torch.load(weights_only=False)
      `,
    },
    {
      name: 'loads under a literal `if False:`, `if 0:` or in the `else` of `if True:` never run (MLD505 reports the dead branch)',
      code: py`
        import torch

        if False:
            swa = build_model()
            for f in sorted(snapshot_files("runs")):
                swa.load_state_dict(torch.load(f, map_location="cpu"))
        if 0:
            teacher = torch.load("teacher.pt")
        if True:
            model = build_model()
        else:
            model = torch.load("old_model.pt")
      `,
    },
    {
      name: 'a resume load under a membership test in an empty list, tuple or dict written out never runs (the list of stages to resume is empty)',
      code: py`
        import torch

        class Learner:
            def incremental_train(self, stage):
                if stage in []:
                    self.net.load_state_dict(torch.load(f"stage_{stage}.pkl")["model_state_dict"])
                if (self.task_id in ()):
                    self.net = torch.load("resume.pt")
                if self.task_id in { }:
                    self.head.load_state_dict(torch.load("head.pt"))

        def warm_start(net, task):
            if not task not in []:
                net.load_state_dict(torch.load("warm.pt"))
            if task not in []:
                pass
            else:
                net.load_state_dict(torch.load("never.pt"))
      `,
    },
    {
      name: 'a training function saves the best model under the name each call passes; a load after a call of that name reads its save',
      code: py`
        import os
        import torch

        def train(model, loader, experiment_name):
            for epoch in range(3):
                torch.save({"model": model}, os.path.join("models", "best_" + experiment_name + ".pth"))

        experiment_name = "tinyNet"
        train(model_a, loader, experiment_name=experiment_name)
        experiment_name = "tinyNetV2"
        train(model_b, loader, experiment_name)
        best = torch.load(f"models/best_{experiment_name}.pth")["model"]
      `,
    },
    {
      name: 'a folder handed down through a dispatching function to the one that saves the best weights; the caller loads from that folder after the call',
      code: py`
        import os
        import torch

        def train_reptile(model, out_dir):
            best_path = os.path.join(out_dir, "best_meta_init.pt")
            for epoch in range(3):
                torch.save({"model_state_dict": model.state_dict()}, best_path)

        def meta_train(model, method, out_dir):
            if method == "reptile":
                return train_reptile(model, out_dir=out_dir)
            return train_reptile(model, out_dir)

        for fold in range(5):
            run_dir = os.path.join("runs", f"fold_{fold}")
            meta_train(net, "reptile", out_dir=run_dir)
            net.load_state_dict(torch.load(os.path.join(run_dir, "best_meta_init.pt"))["model_state_dict"])
      `,
    },
    {
      name: 'a checkpoint folder handed down through three functions of the file; the script loads the whole model saved there after the outermost call',
      code: py`
        import torch

        def fit(net, ckpt_dir):
            torch.save(net, f"{ckpt_dir}/model.pt")

        def run(net, ckpt_dir):
            fit(net, ckpt_dir)

        def experiment(net, ckpt_dir):
            run(net, ckpt_dir=ckpt_dir)

        experiment(model, "checkpoints/exp1")
        model = torch.load("checkpoints/exp1/model.pt")
      `,
    },
    {
      name: 'a training helper saves the best weights to the path its one call passes, stamped with the time; the caller loads that path after the call',
      code: py`
        import torch
        from datetime import datetime

        def train(model, loader, model_name="experiment", model_path="models/"):
            best = model.state_dict()
            torch.save(best, model_path + model_name + ".pth")

        def run_experiment(model, loader, model_name, model_path):
            model_name = model_name + datetime.now().strftime("%m%d%Y_%H%M")
            train(model, loader, model_name=model_name, model_path=model_path)
            model.load_state_dict(torch.load(model_path + model_name + ".pth"))
            return model
      `,
    },
    {
      name: 'the weights a computation gives features, classes or samples are numbers, not a model',
      code: py`
        import pickle
        import joblib
        feature_weights = pickle.load(open("models/feature_weights.pkl", "rb"))
        class_weights = joblib.load("artifacts/class_weights.joblib")
        score = sum(feature_weights[name] * row[name] for name in feature_weights)
        loss = nn.CrossEntropyLoss(weight=torch.tensor(class_weights))
      `,
    },
    {
      name: 'the distinct values of a column kept to rebuild its one-hot columns are data, under a models folder too',
      code: py`
        import pickle
        with open("model_efa/unique_genres.pkl", "rb") as f:
            unique_genres = pickle.load(f)
        row = {genre: int(genre in movie["genres"]) for genre in unique_genres}
      `,
    },
    {
      name: 'the vocabulary a text model indexes its inputs by is a dictionary of words, under a path built from a model variable too',
      code: py`
        import os
        import pickle
        import joblib
        root, model = "models/CNNRNN/", "gru_slim/"
        with open(root + model + "tc_words_dict.p", "rb") as f:
            words_dict = pickle.load(f)
        vocab = pickle.load(open("models/lstm/vocab.pkl", "rb"))
        word2idx = joblib.load(os.path.join("checkpoints", "word2idx.joblib"))
        with open(os.path.join(root, model, "idx2word.pkl"), "rb") as f:
            lookup = pickle.load(f)
        ids = [words_dict.get(w, 0) for w in text.split()] + [vocab[w] for w in extra] + [word2idx[w] for w in more]
      `,
    },
    {
      name: 'a file saved through a parameter and loaded through it later in the same run of the function, directly or by a helper handed it, whatever its calls pass',
      code: SAVED_THROUGH_PARAMETER,
    },
    {
      name: 'a helper reads back, under the folder its parameter names, the file its caller saved there just before (a round-trip check), also keyword-only and through a caller further up',
      code: RELOADED_UNDER_PASSED_FOLDER,
    },
    {
      name: 'shards the program saved into a folder, listed by a glob of their names and merged, also through zip and a progress bar',
      code: SPILLED_SHARDS,
    },
    {
      name: 'models the program saved into a folder, listed by os.listdir and loaded under a test of a suffix or prefix the saved names pass, also sorted through a name',
      code: LISTED_OWN_SAVES,
    },
    {
      name: 'an os.listdir listing tested by the prefix the program saved its checkpoints under, walked through a sorted name bound to it',
      code: py`
        import os
        import torch

        def average(nets, ckpt_dir):
            for epoch, net in enumerate(nets):
                torch.save(net.state_dict(), os.path.join(ckpt_dir, f"epoch_{epoch}.pt"))
            names = sorted(os.listdir(ckpt_dir))
            states = []
            for name in names:
                if name.startswith("epoch_"):
                    states.append(torch.load(os.path.join(ckpt_dir, name)))
            return states
      `,
    },
    {
      name: 'a glob pattern with a run-time part (the best split, a run tag) lists the checkpoints the program saved under names its constant parts match',
      code: py`
        from pathlib import Path
        import torch

        ROUND_DIR = Path("runs/rounds")
        ROUND_DIR.mkdir(parents=True, exist_ok=True)

        def fit_split(k, net, rounds):
            for r in range(rounds):
                net.step()
                torch.save({"weights": net.state_dict(), "f1": net.f1()}, ROUND_DIR / f"split{k}_round{r}.pt")
            return net.f1()

        scores = [fit_split(k, build_net(), 4) for k in range(3)]
        best = max(range(3), key=lambda k: scores[k])
        rounds = list(ROUND_DIR.glob(f"split{best}_round*.pt"))
        for ckpt in rounds:
            print(torch.load(ckpt)["f1"])

        def average(nets, out_dir, tag):
            for epoch, net in enumerate(nets):
                torch.save(net.state_dict(), out_dir / f"ep{epoch:03d}-{tag}.pt")
            total = None
            for ckpt in sorted(out_dir.glob(f"ep*-{tag}.pt")):
                weights = torch.load(ckpt)
                total = weights if total is None else {k: total[k] + weights[k] for k in weights}
            return total
      `,
    },
    {
      name: 'one file picked out of a glob of the folder the program saved into (the newest by max, the last of a sorted listing, the first by min) is one of its own saves',
      code: PICKED_FROM_OWN_GLOB,
    },
    {
      name: 'a model that saves itself into an in-memory buffer and is loaded back from it, and a trainer that saves its model to the path a test then loads, are the program\'s own saves',
      code: py`
        import io
        import joblib
        import torch

        def roundtrip(topic_model):
            with io.BytesIO() as buffer:
                topic_model.save(buffer)
                buffer.seek(0)
                return torch.load(buffer, weights_only=False)

        def test_saved_pipeline(trainer, features, tmp_path):
            model_path = tmp_path / "model.pkl"
            trainer.save_model(model_path)
            loaded_model = joblib.load(model_path)
            assert loaded_model.predict(features) is not None
      `,
    },
    {
      name: 'a FLAML search pickled by its own pickle method and loaded back from that file is the program\'s own save',
      code: [
        'import pickle\nfrom flaml import AutoML\nsearch = AutoML()\nsearch.fit(X_train, y_train, task="classification", time_budget=60)\n',
        'search.pickle("search.pkl")\n\nwith open("search.pkl", "rb") as f:\n    search = pickle.load(f)\n',
        'predicted = search.predict(X_val)\n',
      ],
    },
    {
      name: 'a run directory a call worked out, or the command line\'s, held in one name: weights saved under it and loaded through another name built from it, or written out again, are the program\'s own',
      code: py`
        import os
        import torch

        def train(cfg, model, opt):
            run_dir = make_run_dir(cfg)
            for epoch in range(cfg.epochs):
                score = fit_epoch(model, opt)
                if score > best_score:
                    torch.save({"model": model.state_dict()}, run_dir / "best.pt")
            best_path = run_dir / "best.pt"
            model.load_state_dict(torch.load(best_path)["model"])
            last = os.path.join(cfg.out_dir, cfg.name)
            torch.save(model.state_dict(), last)
            model.load_state_dict(torch.load(os.path.join(cfg.out_dir, cfg.name)))
            return model
      `,
    },
    {
      name: 'a test loads the file a fixture of the same file saved and returned (or yielded), a name holds the path a call worked out, and a helper returns the path it saved',
      code: py`
        import os, time
        import pytest
        import torch

        @pytest.fixture(scope="module")
        def weights_path(tmp_path_factory):
            path = tmp_path_factory.mktemp("models") / "tiny.pt"
            torch.save(TinyNet().state_dict(), path)
            return path

        @pytest.fixture
        def checkpoint(tmp_path):
            target = tmp_path / f"ckpt_{time.time()}.pt"
            torch.save({"model": TinyNet().state_dict()}, target)
            yield target

        def test_roundtrip(weights_path):
            net = TinyNet()
            net.load_state_dict(torch.load(weights_path))
            assert net(torch.zeros(1, 4)).shape == (1, 2)

        def test_resume(checkpoint):
            net = TinyNet()
            net.load_state_dict(torch.load(checkpoint)["model"])

        def export_and_reload(net, out_dir):
            path = os.path.join(out_dir, time.strftime("%H%M%S"))
            torch.save(net.state_dict(), path)
            net.load_state_dict(torch.load(path))

        def save_classifier(classifier, acc):
            filename = f"classifier_{acc:.4f}.pt"
            torch.save(classifier.state_dict(), filename)
            return filename

        def train_then_reload(classifier, acc):
            last_saved = save_classifier(classifier, acc)
            classifier.load_state_dict(torch.load(last_saved))
      `,
    },
    {
      name: 'weights_only=True and torch.jit.load',
      code: py`
        import torch
        state = torch.load("model.pt", weights_only=True, map_location="cpu")
        scripted = torch.jit.load("model.ts")
      `,
    },
    {
      name: 'pickle of data, not a model',
      code: py`
        import pickle
        with open("features.pkl", "rb") as f:
            features = pickle.load(f)
        print(features.shape)
      `,
    },
    {
      name: 'predictions and scores pickled by an earlier step, under a path that mentions models or checkpoints',
      code: py`
        import joblib, pickle
        RUN = "ensemble_of_12models"
        blend_a = pickle.load(open(RUN + "_test_probs.pkl", "rb"))
        val_preds = pickle.load(open("checkpoints/fold3_model_out.pkl", "rb"))
        masks = pickle.load(open(stage + "_unet_model.p", "rb"))
        history = joblib.load(LOG_DIR + "score_" + model_name + ".joblib")
        final = (blend_a + val_preds) / 2
      `,
    },
    {
      name: 'a model\'s input arrays and outputs, under names in which "model" only says whose they are',
      code: py`
        import pickle
        from pathlib import Path

        run_dir = Path("runs") / "lstm_forecast"
        with (run_dir / "input_ModelArray.pkl").open("rb") as f:
            model_array = pickle.load(f)
        model_preds = pickle.load(open(run_dir / "test_outputs.pkl", "rb"))
        explained = {}
        explained["forcing"] = pickle.load(open(run_dir / "explain" / "input_ModelArray.pkl", "rb"))
        print(model_array.x.shape, model_preds.mean(), len(explained))
      `,
    },
    {
      name: 'records stored as an attribute or as entries of a collection whose name says they are data, a model word before it only saying whose they are',
      code: py`
        import pickle

        class Report:
            def __init__(self, folder):
                self.model_stats = pickle.load(open(f"{folder}/s.pkl", "rb"))
                self.label_mapping = pickle.load(open(f"{folder}/m.pkl", "rb"))
                self.results = {}
                for run in ("a", "b"):
                    self.results[run] = pickle.load(open(f"{folder}/{run}.pkl", "rb"))

        model_scores = {}
        for run in ("a", "b"):
            model_scores[run] = pickle.load(open(f"{run}.pkl", "rb"))
        bundle = {}
        bundle["metrics"] = pickle.load(open("models/run.pkl", "rb"))
        print(model_scores, bundle)
      `,
    },
    {
      name: 'a table of rows under a name whose last word is a frame, a model word before it only saying whose rows they are',
      code: py`
        import joblib
        import pickle

        with open("model_df.pkl", "rb") as f:
            model_df = pickle.load(f)
        print(model_df.head())
        results_frame = joblib.load("models/rf_results_frame.joblib")
        scored = pickle.load(open("artifacts/xgb_model_dataframe.pkl", "rb"))
        print(results_frame.describe(), scored.shape)
      `,
    },
    {
      name: 'rows drawn for a step under a file name whose last word is a plural samples, a model word before it only saying whose rows they are',
      code: py`
        import pickle

        with open("new_model_SNR_test_samples", "rb") as file:
            test_data = pickle.load(file)
        gen_samples = pickle.load(open("outputs/vae_model_samples.pkl", "rb"))
        for key in test_data.keys():
            print(key, len(test_data[key]), gen_samples.shape)
      `,
    },
    {
      name: 'first-level outputs named after their models, only joined into a stacker\'s feature matrix',
      code: py`
        import numpy as np
        import pickle
        from sklearn.linear_model import LogisticRegression

        def blend(labels):
            fit_lstm = pickle.load(open("stage1/fit_lstm_model.pkl", "rb"))
            fit_cnn_model = pickle.load(open("stage1/fit_cnn_model.pkl", "rb"))
            with open("stage1/holdout_cnn_model.pkl", "rb") as f:
                holdout_cnn_model = pickle.load(f)
            holdout_lstm = pickle.load(open("stage1/holdout_lstm_model.pkl", "rb"))
            stacked = np.concatenate([fit_lstm, fit_cnn_model], axis=1)
            meta = LogisticRegression().fit(stacked, labels)
            return meta.predict(np.column_stack((holdout_lstm, holdout_cnn_model)))
      `,
    },
    {
      name: 'records kept beside the models: a run summary, a status, metrics, under a models directory',
      code: py`
        import joblib, pickle
        from pathlib import Path

        MODEL_DIR = Path("models")

        def best_auc():
            summary_path = MODEL_DIR / "training_summary.pkl"
            if summary_path.exists():
                with open(summary_path, "rb") as f:
                    summary = pickle.load(f)
                return summary.get("best_auc")
            return None

        status = joblib.load("models/pipeline_status.pkl")
        metrics = pickle.load(open(MODEL_DIR / "rf_metrics.pkl", "rb"))
        print(status["finished"], metrics["f1"], best_auc())
      `,
    },
    {
      name: 'the column list a serving app reads beside its model, under names in which "model" only says whose columns they are',
      code: py`
        import joblib
        from pathlib import Path

        ARTIFACTS = Path("artifacts")
        MODEL_COLS_FILE = ARTIFACTS / "schema" / "input_cols.pkl"
        model_features = joblib.load(ARTIFACTS / "schema" / "feature_list.pkl")
        expected_cols = joblib.load(MODEL_COLS_FILE)
        frame = incoming.reindex(columns=model_features, fill_value=0)
        assert set(expected_cols) <= set(frame.columns)
        feature_order = joblib.load("models/feature_order.pkl")
        column_order = joblib.load(ARTIFACTS / "column_order.joblib")
        feature_list = joblib.load(ARTIFACTS / "api_inputs.pkl")
        row = frame[feature_order][feature_list]
      `,
    },
    {
      name: 'a decision threshold and a column list kept in a models directory',
      code: py`
        import joblib, pickle

        cutoff = joblib.load("artifacts/models/best_threshold.pkl")
        with open("models/train_columns.pkl", "rb") as fh:
            feature_names = pickle.load(fh)
        flagged = churn_scores[feature_names[0]] >= cutoff
      `,
    },
    {
      name: 'information about a model kept beside it (its input sizes, read by key to rebuild it), under names and files in which "model" only says whose it is',
      code: py`
        import pickle
        import joblib
        import torch

        with open("models/model_info.pkl", "rb") as f:
            model_info = pickle.load(f)
        net = QNet(model_info["obs_dim"], model_info["n_actions"])
        net.load_state_dict(torch.load("models/qnet.pt", weights_only=True))

        class Runner:
            def __init__(self, run_dir):
                self.model_info = joblib.load(run_dir / "model_info.joblib")

        info = pickle.load(open("checkpoints/model_run_info.pkl", "rb"))
        print(info["episodes"])
      `,
    },
    {
      name: 'the arrays of a split, named as scikit-learn names them, pickled beside the models by the step that made them: data, under a models folder too',
      code: py`
        import pickle
        import joblib

        with open("../../models/merged/X_train.pkl", "rb") as f:
            X_train = pickle.load(f)
        with open("../../models/merged/y_train.pkl", "rb") as f:
            y_train = pickle.load(f)
        X_test, y_test = joblib.load("models/X_test.joblib"), joblib.load("models/y_test.joblib")
        train_x = pickle.load(open("artifacts/model_inputs/train_x.pkl", "rb"))
        clf.fit(X_train, y_train)
        print(clf.score(X_test, y_test), len(train_x))
      `,
    },
    {
      name: 'a size the model is rebuilt with (a length, a dimension, a shape), kept beside its weights under a name in which "model" only says whose it is',
      code: py`
        import pickle
        import joblib
        import torch

        with open("spectra_fft_length.pkl", "rb") as f:
            model_max_fft_length = pickle.load(f)
        model_input_dims = joblib.load("artifacts/input_dims.joblib")
        model_window_shape = pickle.load(open("artifacts/window.pkl", "rb"))
        net = SpectraNet(4 + model_max_fft_length, model_input_dims["hidden"], model_window_shape)
        net.load_state_dict(torch.load("artifacts/spectra_net.pt", weights_only=True))
      `,
    },
    {
      name: 'what explaining a model worked out (SHAP values, attributions, feature importances), kept in a folder or file named for the model, by the name loaded into',
      code: py`
        import os
        import pickle
        import joblib
        import numpy as np

        with open(os.path.join("models/D3/model_0/reg_dnn_0.00", "shap_values_87.dat"), "rb") as fh:
            shap_values = pickle.load(fh)
        ranking = np.argsort(np.abs(shap_values).mean(axis=0))[::-1]
        model_shap_values = joblib.load("checkpoints/xgb_model_shap.joblib")
        rf_feature_importances = joblib.load("models/rf_model.importances.joblib")
        ig_attributions = pickle.load(open("models/gnn_model_ig.pkl", "rb"))
        print(model_shap_values[:, ranking[:10]], rf_feature_importances[:5], ig_attributions.sum())
      `,
    },
    {
      name: 'statistics of the data kept beside the models (per-region crop statistics, feature statistics), by the name loaded into or the file name',
      code: py`
        import os
        import joblib

        MODEL_DIR = "models"
        region_stats = joblib.load(os.path.join(MODEL_DIR, "region_crop_stats.joblib"))
        print(region_stats["north"]["rice"])
        norms = joblib.load("models/feature_statistics.pkl")
        scaled = (X - norms["mean"]) / norms["std"]
      `,
    },
    {
      name: 'a statistic named by the last word of the name loaded into or of the file\'s own name (a residual spread kept to draw prediction intervals, a target mean to undo centring), under a models folder known only at run time',
      code: py`
        import os
        import pickle
        import joblib

        MODEL_DIR = os.path.join(os.path.dirname(__file__), "saved_models")

        class RidgeForecaster:
            def load(self):
                self.residual_std = joblib.load(os.path.join(MODEL_DIR, "ridge_residual_std.pkl"))
                self.y_variance = joblib.load(os.path.join(MODEL_DIR, "ridge_target_variance.pkl"))

            def interval(self, pred):
                return pred - 1.96 * self.residual_std, pred + 1.96 * self.residual_std

        with open(os.path.join(MODEL_DIR, "xgb_target_mean.pkl"), "rb") as f:
            centre = pickle.load(f)
        spread = joblib.load(os.path.join(MODEL_DIR, "lstm_price_stdev.joblib"))
        price_std = joblib.load(os.path.join(MODEL_DIR, "lstm_scale.pkl"))
        forecast = raw * spread * price_std + centre
      `,
    },
    {
      name: 'the most frequent or the middle value of a column, kept beside the models to fill its gaps at test time, by the name loaded into or the file\'s own name',
      code: py`
        import os
        import pickle
        import joblib
        import pandas as pd

        DEPS = os.path.join("models", "regression", "dependencies")
        data = pd.read_csv("data/test.csv")
        cityname_mode = joblib.load(r'models\\classification\\dependencies\\cityname_mode.joblib')
        data["cityname"].fillna(cityname_mode, inplace=True)
        fill = joblib.load(os.path.join(DEPS, "bedrooms_median.joblib"))
        data["bedrooms"] = data["bedrooms"].fillna(fill)
        with open("saved_models/imputation/fuel_modes.pkl", "rb") as f:
            modes = pickle.load(f)
        age_median = joblib.load(f"{DEPS}/age_median.pkl")
      `,
    },
    {
      name: 'the make and model of a phone or a car, a column of the data whose values were counted and pickled like every other column, by the name loaded into or the file\'s own name',
      code: py`
        import pickle
        import joblib
        import pandas as pd

        with open("field_counts/site_id.pkl", "rb") as f:
            site_id = pickle.load(f)
        with open("field_counts/device_model.pkl", "rb") as f:
            device_model = pickle.load(f)
        rare = {k for k, n in device_model.items() if n < 10}

        phone_model = pickle.load(open("vocab/phone_model.pkl", "rb"))
        codes = joblib.load("encodings/car_models.joblib")
        vehicle_model_counts = joblib.load("stats/vehicle-model.joblib")
        frame = pd.read_csv("cars.csv")
        frame["car_model"] = frame["car_model"].map(codes)
      `,
    },
    {
      name: 'a training history abbreviated as the last word of the name loaded into (`hist`, `loss_hist`), pickled beside the weights it belongs to',
      code: py`
        import pickle
        import torch

        def restore(model_ft, model_name):
            model_ft.load_state_dict(torch.load(f"{model_name}.pth", weights_only=True))
            hist = pickle.load(open(f"{model_name}.list", "rb"))
            with open(f"runs/{model_name}/losses.pkl", "rb") as f:
                loss_hist = pickle.load(f)
            return model_ft, hist, loss_hist
      `,
    },
    {
      name: 'metadata named by the last word of the name loaded into or of the file\'s own name (the tables a tokenizer is rebuilt from, a data set\'s description), under a folder that names a model',
      code: py`
        import os
        import pickle
        import joblib

        PRETRAIN_DIR = "/data/FoundationModel/pretrain_hes"
        with open(os.path.join(PRETRAIN_DIR, "meta_information.pickle"), "rb") as f:
            hes_meta = pickle.load(f)
        tokenizer = EventTokenizer(hes_meta)

        meta = pickle.load(open(os.path.join(PRETRAIN_DIR, "model_tables_v2.pickle"), "rb"))
        print(list(meta.keys()))

        cohort_information = joblib.load("models/cohort_information.joblib")
        gp_meta = joblib.load(os.path.join("saved_models", "gp_metainfo.pkl"))
      `,
    },
    {
      name: 'statistics of the data under the plural name of the statistic (clipping percentiles a serving class reads back, quantiles of an anomaly score), by the name loaded into or the file name',
      code: py`
        import os
        import pickle
        import joblib

        MODEL_DIR = "models"

        class FlowScorer:
            def __init__(self, models_dir):
                self.percentiles = joblib.load(f"{models_dir}/percentiles.joblib")

            def clip(self, x):
                return np.clip(x, self.percentiles["p01"], self.percentiles["p99"])

        with open("models/error_quantiles.pkl", "rb") as f:
            quantiles = pickle.load(f)
        alarm = errors > quantiles[0.99]
        bounds = joblib.load(os.path.join(MODEL_DIR, "flow_percentiles.joblib"))
        X = X.clip(bounds["low"], bounds["high"], axis=1)
      `,
    },
    {
      name: 'rows of data kept in a folder named for models (an explainer\'s background sample, a held-out sample, a reference frame for drift checks), by the file\'s own name',
      code: py`
        import os
        import pickle
        import joblib

        MODEL_DIR = "models"
        background_path = "model/background_data.pkl"
        with open(background_path, "rb") as f:
            background = pickle.load(f)
        explainer = shap.KernelExplainer(predict_fn, background)
        X_holdout = joblib.load(os.path.join(MODEL_DIR, "holdout_sample.joblib"))
        reference = pickle.load(open("checkpoints/reference_df.pkl", "rb"))
        drift = compare(reference, current)
      `,
    },
    {
      name: 'bytes a call produced from the one path it was handed (a TensorFlow reader run on a file name), by that file\'s own name: counters, a path and a helper kept in a checkpoints folder, the path loaded into a name whose last word is only the format',
      code: py`
        import pickle

        def resume(self, sess, checkpoints_path="checkpoints"):
            model_path_pickle = pickle.loads(sess.run(self.file_bytes, feed_dict={self.name_file: checkpoints_path + "/model_path.pkl"}))
            saver.restore(sess, model_path_pickle)
            ut = pickle.loads(sess.run(self.file_bytes, feed_dict={self.name_file: checkpoints_path + "/utils.pkl"}))
            ep = pickle.loads(sess.run(self.file_bytes, feed_dict={self.name_file: f"{checkpoints_path}/epoch.pkl"}))
            i = pickle.loads(sess.run(self.file_bytes, feed_dict={self.name_file: checkpoints_path + '/iteration.pkl'})) + 1
            return ut, ep, i
      `,
    },
    {
      name: 'a matrix named by the last word of the name loaded into or of the file\'s own name (the word vectors a reading-comprehension data set looks rows up in, a TF-IDF matrix, similarity matrices), also after a model word',
      code: py`
        import os
        import pickle
        import joblib
        import numpy as np

        class PassageDataset:
            def __init__(self, rows, word_to_idx, weights_matrix):
                self.rows, self.word_to_idx, self.weights_matrix = rows, word_to_idx, weights_matrix

            def __getitem__(self, i):
                ids = [self.word_to_idx.get(w, 0) for w in self.rows[i].split()]
                return np.stack([self.weights_matrix[j, :] for j in ids])

        with open("glove/weights_matrix.pickle", "rb") as handle:
            weights_matrix = pickle.load(handle)
        train_set = PassageDataset(rows, word_to_idx, weights_matrix)

        vectors = joblib.load(os.path.join("models", "bert_weights_matrix.joblib"))
        doc_matrix = pickle.load(open("model/tfidf_matrix.pkl", "rb"))
        with open("checkpoints/passage_similarity_matrices.pkl", "rb") as f:
            sims = pickle.load(f)
        best = np.argmax(sims[0] @ doc_matrix.T, axis=1) + vectors.shape[0]
      `,
    },
    {
      name: 'paths or names of files as the last word of the name loaded into or of the file\'s own name (the checkpoint names a training step pickled for inference), also after a model word',
      code: py`
        import os
        import pickle
        import joblib
        import torch

        def infer(input_dir, net):
            model_path_list = joblib.load(os.path.join(input_dir, "model_path_list.pkl"))
            preds = []
            for fold, model_path in enumerate(model_path_list):
                net.load_state_dict(torch.load(os.path.join(input_dir, model_path), weights_only=True))
                preds.append(net(batch))
            return preds

        with open("checkpoints/ckpt_paths.pkl", "rb") as f:
            ckpt_paths = pickle.load(f)
        best_model_path = pickle.load(open("models/best_model_path.pkl", "rb"))
        fold_files = joblib.load("models/model_filenames.pkl")
        ckpt_name_list = joblib.load(os.path.join("models", "fold_fname_list.joblib"))
        print(ckpt_paths, best_model_path, fold_files, ckpt_name_list)
      `,
    },
    {
      name: 'the outputs models computed, a plural outputs as the last word of the name loaded into or of the file\'s own name, read back by a stacking or plotting step, also after a model word',
      code: py`
        import os
        import pickle
        import joblib
        import numpy as np

        outputs = pickle.load(open("models/pkl/all-stacked-outputs.pkl", "rb"))
        true_labels = outputs["true_labels"]["cnn"]["test"]
        stacked = np.array([outputs["cnn"][name]["test"] for name in sorted(outputs["cnn"])])

        data = pickle.load(open("models/pkl/all-stacked-outputs.pkl", "rb"))
        for name in data["acc"]:
            print(name, data["acc"][name])

        model_outputs = joblib.load(os.path.join("checkpoints", "val_outputs.joblib"))
        with open("models/ensemble_outputs.pickle", "rb") as f:
            member_outputs = pickle.load(f)
        avg = (model_outputs + member_outputs) / 2
      `,
    },
    {
      name: 'the labels a serving function reads back beside its model, by the name loaded into or the file name',
      code: py`
        import os
        import joblib

        def load_components(model_dir="model"):
            thresholds = joblib.load(os.path.join(model_dir, "thresholds.joblib"))
            labels = joblib.load(os.path.join(model_dir, "labels.joblib"))
            return thresholds, labels

        names = [labels[i] for i in predicted]
        emotion_labels = joblib.load("artifacts/emotion_labels.joblib")
      `,
    },
    {
      name: 'a dictionary between labels or classes and their indices, read back to name what a model predicts, by the name loaded into or the file name',
      code: py`
        import os
        import pickle
        import joblib

        MODEL_DIR = "models"
        label_mapping = joblib.load("models/label_mapping.pkl")
        idx_to_label = {v: k for k, v in label_mapping.items()}
        with open("checkpoints/cnn/class_to_idx.pkl", "rb") as f:
            class_to_idx = pickle.load(f)
        lookup = joblib.load(os.path.join(MODEL_DIR, "id2label.joblib"))

        class Service:
            def __init__(self, model_dir):
                self.label_map = pickle.load(open(os.path.join(model_dir, "label_map.pkl"), "rb"))
                self.id_to_class = joblib.load(os.path.join(model_dir, "model_id_to_class.joblib"))
      `,
    },
    {
      name: 'a dictionary of codes an encoding step gave the columns\' values, kept beside the models for serving, by the file\'s own name or the name loaded into',
      code: py`
        import os
        import pickle
        import joblib

        MODEL_DIR = "models"

        def load_encoding():
            path = "models/mappings.pkl"
            if os.path.exists(path):
                with open(path, "rb") as f:
                    return pickle.load(f)
            return None

        category_mapping = joblib.load("artifacts/model/category_mapping.joblib")
        df["cap_shape"] = df["cap_shape"].map(category_mapping["cap_shape"])

        class Encoder:
            def __init__(self):
                with open(os.path.join(MODEL_DIR, "value_mappings.pkl"), "rb") as fh:
                    self.value_mappings = pickle.load(fh)
      `,
    },
    {
      name: 'a lookup table counted from the data, kept in a models folder, by the name loaded into or the file\'s own name',
      code: py`
        import pickle
        from pathlib import Path
        import joblib

        MODELS_DIR = Path("../models")

        with open(MODELS_DIR / "emp_lookup.pkl", "rb") as f:
            emp_lookup = pickle.load(f)
        print("entries:", len(emp_lookup))

        class WinProbService:
            def __init__(self, models_dir):
                self.table = joblib.load(f"{models_dir}/venue_par_lookup.joblib")
                self.lookups = pickle.load(open(Path(models_dir) / "tables.pkl", "rb"))

        def chase_prob(runs, balls, wkts):
            key = (runs, balls, wkts)
            return emp_lookup[key] if key in emp_lookup else None
      `,
    },
    {
      name: 'a test that a load fails for want of its file (pytest.raises or assertRaises with FileNotFoundError, OSError, IOError): the load reads nothing',
      code: py`
        import unittest
        import joblib
        import pytest
        import torch

        def test_missing_model():
            with pytest.raises(FileNotFoundError):
                joblib.load("models/nonexistent_model.pkl")

        class TestLoading(unittest.TestCase):
            def test_missing_checkpoint(self):
                with self.assertRaises(OSError):
                    torch.load("checkpoints/missing.pt")
                with self.assertRaises(IOError):
                    model = joblib.load("models/gone.joblib")
      `,
    },
    {
      name: 'the configuration of the run that trained a model, kept beside it, by the name it is loaded into or its own file name',
      code: py`
        import pickle
        import joblib
        from keras.models import load_model

        args = joblib.load("models/%s/args.pkl" % run_name)
        for key in vars(args):
            print(key, getattr(args, key))
        net = load_model("models/%s/model.hdf5" % args.name)

        model_config = pickle.load(open(os.path.join(out_dir, "model_config.pkl"), "rb"))
        encoder = build_encoder(model_config["hidden"], model_config["layers"])
        with open("checkpoints/hparams.pkl", "rb") as fh:
            saved = pickle.load(fh)
        lr = saved["lr"]
      `,
    },
    {
      name: 'a pickle round trip of a model trained in this process',
      code: py`
        import pickle
        from sklearn.tree import DecisionTreeRegressor
        model = DecisionTreeRegressor(random_state=0).fit(X, y)
        restored = pickle.loads(pickle.dumps(model))
        assert (restored.predict(X) == model.predict(X)).all()
        pks = pickle.dumps(model)
        model_copy = pickle.loads(pks)
        model_copy.predict(X)
      `,
    },
    {
      name: 'a transformer pickled into an in-memory buffer and read back through a new buffer around that buffer\'s bytes is the program\'s own save',
      code: py`
        import pickle
        from io import BytesIO
        import joblib
        import numpy as np
        from sklearn.decomposition import PCA

        def test_whitener_pickles():
            X = np.arange(40, dtype=float).reshape(10, 4)
            whitener = PCA(n_components=2, whiten=True).fit(X)
            stream = BytesIO()
            pickle.dump(whitener, stream)
            whitener2 = pickle.load(BytesIO(stream.getvalue()))
            np.testing.assert_allclose(whitener.transform(X), whitener2.transform(X))

        def round_trip(model, sample):
            buffer = BytesIO()
            joblib.dump(model, buffer)
            model_bytes = buffer.getvalue()
            restored = joblib.load(BytesIO(model_bytes))
            return model.predict_proba(sample), restored.predict_proba(sample)
      `,
    },
    {
      name: 'a tutorial pickles the model it trained and reads the same file back to compare',
      code: py`
        import pickle
        import xgboost as xgb
        clf = xgb.XGBRegressor(n_estimators=10).fit(X, y)
        pickle.dump(clf, open("best_calif.pkl", "wb"))
        clf2 = pickle.load(open("best_calif.pkl", "rb"))
        print(np.allclose(clf.predict(X), clf2.predict(X)))
      `,
    },
    {
      name: 'a whole module saved with torch.save and loaded back from the same path',
      code: py`
        import torch
        path = "iris_classifier.pt"
        torch.save(model, path)
        model_new = torch.load(path)
        model_new.eval()
      `,
    },
    {
      name: 'a state dict saved into a temporary directory and restored from it',
      code: py`
        import tempfile, torch
        with tempfile.TemporaryDirectory() as tmpdir:
            torch.save(probe.state_dict(), tmpdir + "/linear_probe.bin")
            restored.load_state_dict(torch.load(tmpdir + "/linear_probe.bin"))
      `,
    },
    {
      name: 'a checkpoint saved, then read back through a helper whose every call passes its path',
      code: py`
        import torch
        from torch import nn

        model = nn.Sequential(nn.Linear(784, 10))
        checkpoint = {"input_size": 784, "output_size": 10, "state_dict": model.state_dict()}
        torch.save(checkpoint, "checkpoint.pth")


        def load_checkpoint(filepath):
            checkpoint = torch.load(filepath)
            model = nn.Sequential(nn.Linear(checkpoint["input_size"], checkpoint["output_size"]))
            model.load_state_dict(checkpoint["state_dict"])
            return model


        model = load_checkpoint("checkpoint.pth")
      `,
    },
    {
      name: 'a notebook whose settings dictionary is handed to the training function, which saves the best weights under its save_path, loaded back from the same entry',
      code: [
        'import torch\nfrom torch import nn\n\nsettings = {"epochs": 5, "lr": 1e-3, "save_path": "./models/best.ckpt"}\n',
        'def fit(net, loader, settings):\n    opt = torch.optim.Adam(net.parameters(), lr=settings["lr"])\n    target = settings["save_path"]\n    best = float("inf")\n    for epoch in range(settings["epochs"]):\n        loss = run_epoch(net, loader, opt)\n        if loss < best:\n            best = loss\n            torch.save(net.state_dict(), target)\n',
        'net = nn.Linear(16, 4)\nfit(net, train_loader, settings)\n',
        'final = nn.Linear(16, 4)\nfinal.load_state_dict(torch.load(settings["save_path"]))\n',
      ],
    },
    {
      name: 'the same settings built with dict(...): its keywords are the entries read by a constant key',
      code: [
        'import torch\nfrom torch import nn\n\nsettings = dict(epochs=5, save_path="./models/best.ckpt")\n',
        'def fit(net, settings):\n    for epoch in range(settings["epochs"]):\n        torch.save(net.state_dict(), settings["save_path"])\n',
        'net = nn.Linear(16, 4)\nfit(net, settings)\nnet.load_state_dict(torch.load(settings["save_path"]))\n',
      ],
    },
    {
      name: 'weights written by a save helper called with the path, then loaded from it',
      code: py`
        import torch


        def save(model, path):
            torch.save(model.state_dict(), path)


        save(model, "weights/final.pt")
        model.load_state_dict(torch.load("weights/final.pt"))
      `,
    },
    {
      name: 'the best weights saved in the epoch loop to a path named by the command line, restored after the loop',
      code: py`
        import os
        import torch


        def run(args, net, loaders):
            opt = torch.optim.Adam(net.parameters(), lr=args.lr)
            best_f1 = 0
            for epoch in range(args.max_epoch):
                fit_one_epoch(net, opt, loaders["train"])
                f1 = score(net, loaders["valid"])
                if f1 > best_f1:
                    best_f1 = f1
                    torch.save(net.state_dict(), os.path.join(args.save_dir, args.name))
            net.load_state_dict(torch.load(os.path.join(args.save_dir, args.name), weights_only=False))
            return score(net, loaders["test"])
      `,
    },
    {
      name: 'the best checkpoint saved in one arm of the validation `if` and restored from the other when patience runs out: an earlier pass of the loop saved it',
      code: py`
        import torch


        def train(args, model, optimizer, batches, valid):
            save_to = args["--save-to"]
            history, patience, trials = [], 0, 0
            while True:
                for batch in batches():
                    optimizer.zero_grad()
                    model(batch).backward()
                    optimizer.step()
                score = -perplexity(model, valid)
                improved = not history or score > max(history)
                history.append(score)
                if improved:
                    patience = 0
                    model.save(save_to)
                    torch.save(optimizer.state_dict(), save_to + ".optim")
                elif patience < int(args["--patience"]):
                    patience += 1
                    if patience == int(args["--patience"]):
                        trials += 1
                        state = torch.load(save_to, map_location=lambda storage, loc: storage)
                        model.load_state_dict(state["state_dict"])
                        optimizer.load_state_dict(torch.load(save_to + ".optim"))
                        patience = 0
      `,
    },
    {
      name: 'the best checkpoint reloaded when training stalls, earlier in the loop body than the save, through a name the loop binds only right before saving to it: only a later pass, after that save, reaches the load',
      code: py`
        import os
        from datetime import date
        import torch

        def fit(model, optimiser, loader, save_dir, epochs, tag):
            best_loss = float("inf")
            stalled = 0
            for epoch in range(epochs):
                if stalled >= 3:
                    model.load_state_dict(torch.load(best_file), strict=False)
                    stalled = 0
                loss = run_epoch(model, optimiser, loader)
                if loss < best_loss:
                    best_loss = loss
                    state = {"epoch": epoch + 1, "state_dict": model.state_dict()}
                    best_file = os.path.join(save_dir, f"{date.today().isoformat()}_{tag}")
                    torch.save(state, best_file)
                else:
                    stalled += 1
      `,
    },
    {
      name: 'a placeholder None before a while loop, the snapshot path bound in the loop and saved after a printout, and restored at the top of a later pass',
      code: py`
        import torch

        snapshot = None
        step, best = 0, None
        while step < max_steps:
            if snapshot is not None and diverged(history):
                unet.load_state_dict(torch.load(snapshot, map_location="cpu"))
            dice = train_round(unet, loader)
            if best is None or dice > best:
                best = dice
                snapshot = f"{ckpt_dir}/round_{step}.pt"
                print("new best", dice)
                torch.save(unet.state_dict(), snapshot)
            step += 1
      `,
    },
    {
      name: 'a model pickled each round under a name the round binds just before the dump, and read back at the start of a later round when the score drops',
      code: py`
        import joblib

        for rnd in range(n_rounds):
            if rnd > 0 and scores[-1] < scores[0]:
                clf = joblib.load(kept)
            clf.partial_fit(X_chunks[rnd], y_chunks[rnd], classes=classes)
            scores.append(clf.score(X_val, y_val))
            kept = "snapshots/clf_round%d.joblib" % rnd
            joblib.dump(clf, kept)
      `,
    },
    {
      name: 'a whole model written through a file object opened on the command line path, read back through another',
      code: py`
        import argparse
        import torch

        parser = argparse.ArgumentParser()
        parser.add_argument("--save", default="model.pt")
        args = parser.parse_args()
        best_val = None
        for epoch in range(1, args.epochs + 1):
            train_epoch(model)
            val = evaluate(model, val_data)
            if best_val is None or val < best_val:
                with open(args.save, "wb") as f:
                    torch.save(model, f)
                best_val = val
        with open(args.save, "rb") as f:
            model = torch.load(f)
      `,
    },
    {
      name: 'a notebook: the training function returns the best state it saved, a later cell copies that name and hands the copy to the one call of a test function that loads it',
      code: [
        'import torch\n',
        'def train(net, loader, epochs):\n    best_state_path = None\n    for epoch in range(epochs):\n        path = f"state_{epoch}"\n        torch.save(net.state_dict(), path)\n        best_state_path = path\n    return best_state_path\n',
        'best_state_path = train(net, train_loader, 5)\n',
        'def test(net, state_path, loader):\n    net.load_state_dict(torch.load(state_path))\n',
        'STATE_PATH = best_state_path\ntest(net, STATE_PATH, test_loader)\n',
      ],
    },
    {
      name: 'a notebook: the vectorizer and model dumped in one cell, loaded back from the same file in a later cell',
      code: [
        'import pickle\n',
        'with open("model.bin", "wb") as f_out:\n    pickle.dump((dv, model), f_out)\n',
        'with open("model.bin", "rb") as f_in:\n    (dv, model) = pickle.load(f_in)\n',
        'model.predict_proba(dv.transform([customer]))\n',
      ],
    },
    {
      name: 'a notebook saves under the weights folder a class keeps as a class attribute, through the trained instance, and a later cell loads it through the class',
      code: [
        'import torch\nfrom recognizers import LineRecognizer\n',
        'recognizer = LineRecognizer(alphabet_size=80)\nfit_ctc(recognizer, train_loader)\ntorch.save(recognizer.state_dict(), recognizer.CHECKPOINTS / "line_v2.pt")\n',
        'fresh = LineRecognizer(alphabet_size=80)\nfresh.load_state_dict(torch.load(LineRecognizer.CHECKPOINTS / "line_v2.pt", map_location="cpu"))\n',
      ],
    },
    {
      name: 'a notebook saves the model under its app folder, moves into that folder with os.chdir, and loads it back by the path relative to it',
      code: [
        'import os\nimport pickle\nfrom sklearn.linear_model import SGDClassifier\n',
        'clf = SGDClassifier(loss="log_loss", random_state=1).fit(X, y)\nos.makedirs(os.path.join("webapp", "store"), exist_ok=True)\npickle.dump(clf, open(os.path.join("webapp", "store", "clf.pkl"), "wb"))\n',
        'os.chdir("webapp")\n',
        'clf = pickle.load(open(os.path.join("store", "clf.pkl"), "rb"))\nprint(clf.predict(X[:3]))\n',
        'here = "."\nclf = pickle.load(open(os.path.join(here, "store", "clf.pkl"), "rb"))\n',
      ],
    },
    {
      name: 'a file the notebook uploads to its Hub repository, or a callback writes there during fit, downloaded back by the same repository and name',
      code: [
        'import pickle\nimport torch\nfrom huggingface_hub import HfApi, hf_hub_download\nfrom tabnets.callbacks import HubCheckpoint, TrainEnd\n',
        'REPO_ID = "jdoe/churn-net-demo"\nsaver = HubCheckpoint(HfApi(), repo_id=REPO_ID, path_in_repo="model.pkl")\nnet.fit(X_train, y_train, callbacks=[TrainEnd(f_pickle=saver)])\n',
        'path = hf_hub_download(REPO_ID, "model.pkl")\nwith open(path, "rb") as f:\n    model_restored = pickle.load(f)\n',
        'torch.save(encoder.state_dict(), "encoder.pt")\nHfApi().upload_file(path_or_fileobj="encoder.pt", path_in_repo="encoder.pt", repo_id="jdoe/encoders", repo_type="dataset")\n',
        'local = hf_hub_download(repo_id="jdoe/encoders", filename="encoder.pt", repo_type="dataset")\nencoder.load_state_dict(torch.load(local, map_location="cpu"))\n',
      ],
    },
    {
      name: 'a checkpoint the training reports, read back from the result after fit and to resume after a failure',
      code: [
        'import os, tempfile\nimport torch\nfrom ray import train\nfrom ray.train import Checkpoint\nfrom ray.train.torch import TorchTrainer\n',
        [
          'def train_loop(config):',
          '    net, opt, start = make_net(), make_opt(), 0',
          '    resume = train.get_checkpoint()',
          '    if resume:',
          '        with resume.as_directory() as folder:',
          '            net.load_state_dict(torch.load(os.path.join(folder, "weights.pt")))',
          '            start = torch.load(os.path.join(folder, "progress.pt"))["epoch"] + 1',
          '    for epoch in range(start, config["epochs"]):',
          '        fit_one_epoch(net, opt)',
          '        with tempfile.TemporaryDirectory() as scratch:',
          '            torch.save(net.state_dict(), os.path.join(scratch, "weights.pt"))',
          '            torch.save({"epoch": epoch}, os.path.join(scratch, "progress.pt"))',
          '            train.report({"epoch": epoch}, checkpoint=Checkpoint.from_directory(scratch))',
          '',
        ].join('\n'),
        'outcome = TorchTrainer(train_loop, train_loop_config={"epochs": 3}).fit()\n',
        'with outcome.checkpoint.as_directory() as kept:\n    weights_file = os.path.join(kept, "weights.pt")\n    net = make_net()\n    net.load_state_dict(torch.load(weights_file, map_location="cpu"))\n',
      ],
    },
    {
      name: 'the best checkpoint Lightning\'s callback saved during fit, read back to export the separation model',
      code: py`
        import os
        import torch
        import pytorch_lightning as pl
        from pytorch_lightning.callbacks import EarlyStopping, ModelCheckpoint

        def main(conf, system):
            out_dir = conf["out_dir"]
            saver = ModelCheckpoint(os.path.join(out_dir, "ckpts/"), monitor="val_loss", mode="min", save_top_k=3)
            callbacks = [saver]
            if conf["early_stop"]:
                callbacks.append(EarlyStopping(monitor="val_loss", patience=10))
            trainer = pl.Trainer(max_epochs=conf["epochs"], callbacks=callbacks)
            trainer.fit(system)

            best = torch.load(saver.best_model_path)
            system.load_state_dict(best["state_dict"])
            last = torch.load(saver.last_model_path, map_location="cpu")
            torch.save(system.model.state_dict(), os.path.join(out_dir, "separator.pth"))
      `,
    },
    {
      name: 'the best checkpoint of a Lightning callback handed to a helper as a parameter typed ModelCheckpoint, also through a name bound to its path',
      code: py`
        from pathlib import Path
        import lightning as L
        import torch
        from lightning.pytorch.callbacks import ModelCheckpoint

        def load_best_checkpoint(module: L.LightningModule, checkpoint_cb: ModelCheckpoint) -> None:
            best_path = checkpoint_cb.best_model_path
            if best_path and Path(best_path).is_file():
                checkpoint = torch.load(best_path, map_location="cpu", weights_only=False)
                module.load_state_dict(checkpoint["state_dict"])

        def last_weights(cb: ModelCheckpoint):
            return torch.load(cb.last_model_path)
      `,
    },
    {
      name: 'the inference model SchNetPack\'s checkpoint callback was told to save, read back after the fit it watched (by keyword and by position)',
      code: py`
        import os
        import torch
        import pytorch_lightning as pl
        import schnetpack as spk
        from schnetpack.train import ModelCheckpoint

        qm9tut = "./qm9tut"
        callbacks = [spk.train.ModelCheckpoint(model_path=os.path.join(qm9tut, "best_inference_model"), save_top_k=1, monitor="val_loss")]
        trainer = pl.Trainer(callbacks=callbacks, default_root_dir=qm9tut, max_epochs=3)
        trainer.fit(task, datamodule=qm9data)
        best_model = torch.load(os.path.join(qm9tut, "best_inference_model"))

        def train_forces(task, data, workdir):
            saver = ModelCheckpoint(f"{workdir}/force_model", monitor="val_loss")
            pl.Trainer(callbacks=[saver], max_epochs=5).fit(task, datamodule=data)
            return torch.load(f"{workdir}/force_model", map_location="cpu")
      `,
    },
    {
      name: 'a tuner\'s best checkpoint fetched with to_directory, saved under a run folder the trial reports',
      code: py`
        import os
        import torch
        from ray import train, tune
        from ray.train import Checkpoint

        def trial(config):
            net, opt = build(config)
            for epoch in range(10):
                step(net, opt)
                torch.save((net.state_dict(), opt.state_dict()), f"{config['out']}/run/state.pt")
                train.report({"loss": 0.1}, checkpoint=Checkpoint.from_directory(f"{config['out']}/run/"))

        best = tune.Tuner(trial).fit().get_best_result("loss", "min")
        net_state, opt_state = torch.load(os.path.join(best.checkpoint.to_directory(), "state.pt"))
      `,
    },
    {
      name: 'a local load() that is not torch',
      code: py`
        def load(path):
            return open(path).read()
        cfg = load("config.yaml")
      `,
    },
    {
      name: 'torch.load with a splat of options',
      code: py`
        import torch
        opts = {"weights_only": True}
        sd = torch.load(path, **opts)
      `,
    },
    {
      name: 'a fallback for a PyTorch without weights_only, taken only when the caller chose weights_only=False',
      code: py`
        import torch

        def load_state(path, map_location="cpu", weights_only=True):
            try:
                return torch.load(path, map_location=map_location, weights_only=weights_only)
            except TypeError:
                if not weights_only:
                    return torch.load(path, map_location=map_location)
                raise RuntimeError("this PyTorch cannot load tensors only; pass weights_only=False for a trusted file")
      `,
    },
    {
      name: 'an unrestricted load after a safe one failed, only once the user opted in: an environment variable, os.getenv, a true/false parameter, a module-level fallback',
      code: py`
        import os
        from os import environ
        import torch

        def restore(ckpt_file, device="cpu"):
            try:
                state = torch.load(ckpt_file, map_location=device, weights_only=True)
            except Exception as err:
                if os.environ.get("ALLOW_FULL_UNPICKLE", "0") != "1":
                    raise RuntimeError(f"{ckpt_file} holds more than tensors; set ALLOW_FULL_UNPICKLE=1 if you trust it") from err
                state = torch.load(ckpt_file, map_location=device, weights_only=False)
            return state

        def load_detector(weights):
            try:
                return torch.load(weights, weights_only=True)
            except RuntimeError:
                if os.getenv("TRUST_WEIGHTS"):
                    return torch.load(weights, weights_only=False)
                raise

        def load_head(path, trust_file=False):
            try:
                return torch.load(path, weights_only=True)
            except Exception:
                if not trust_file:
                    return None
                return torch.load(path)

        try:
            backbone = torch.load("runs/backbone.pt", weights_only=True)
        except Exception:
            if "UNSAFE_CHECKPOINTS" not in environ:
                raise
            backbone = torch.load("runs/backbone.pt", weights_only=False)
      `,
    },
    {
      name: 'a load without the argument in an except TypeError handler after a weights_only=True load of the same file: the fallback for a PyTorch too old to know the argument',
      code: py`
        import torch

        class Enhancer:
            def __init__(self, weights, device="cpu"):
                try:
                    ckpt = torch.load(weights, map_location="cpu", weights_only=True)
                except TypeError:
                    ckpt = torch.load(weights, map_location="cpu")
                self.net = DenoiseNet().to(device)
                self.net.load_state_dict(ckpt.get("state_dict", ckpt))

        def read_head(path):
            try:
                return torch.load(path, weights_only=True)
            except TypeError as err:
                print(f"old torch ({err}): loading without weights_only")
                return torch.load(path)

        try:
            encoder_state = torch.load("runs/encoder.pt", weights_only=True)
        except TypeError:  # torch < 1.13
            encoder_state = torch.load("runs/encoder.pt", map_location="cpu")
      `,
    },
    {
      name: 'the else of the weights-only flag, and a flag compared with False',
      code: py`
        import torch

        def restore(path, tensors_only=True):
            if hasattr(torch.serialization, "add_safe_globals"):
                return torch.load(path, map_location="cpu", weights_only=tensors_only)
            if tensors_only:
                raise RuntimeError("upgrade PyTorch to load tensors only")
            else:
                return torch.load(path, map_location="cpu")

        def restore_legacy(path, tensors_only=True):
            if tensors_only is False:
                return torch.load(path)
            return torch.load(path, weights_only=tensors_only)
      `,
    },
    {
      name: 'json and yaml are data formats',
      code: py`
        import json
        params = json.load(open("params.json"))
      `,
    },
    {
      name: 'a task hands the model file it saved, wrapped in a typed file, to the task of the same workflow that loads it, and a check reads it back directly',
      code: py`
        import joblib
        import pandas as pd
        from flytekit import task, workflow
        from flytekit.types.file import JoblibSerializedFile
        from sklearn.linear_model import Ridge

        @task
        def fit_ridge(frame: pd.DataFrame) -> JoblibSerializedFile:
            reg = Ridge(alpha=0.5).fit(frame[["x"]], frame["y"])
            out = "/tmp/ridge.joblib"
            joblib.dump(reg, out)
            return JoblibSerializedFile(path=out)

        @task
        def score_ridge(model_file: JoblibSerializedFile, frame: pd.DataFrame) -> float:
            with open(model_file, "rb") as fh:
                reg = joblib.load(fh)
            return reg.score(frame[["x"]], frame["y"])

        @workflow
        def ridge_flow(frame: pd.DataFrame) -> float:
            packed = fit_ridge(frame=frame)
            return score_ridge(model_file=packed, frame=frame)

        if __name__ == "__main__":
            sample = pd.DataFrame({"x": [0.0, 1.0, 2.0], "y": [1.0, 2.0, 3.0]})
            reg = joblib.load(fit_ridge(frame=sample))
            print(reg.predict(sample[["x"]]))
      `,
    },
    {
      name: 'best weights saved in the epoch loop of a task, returned as a file through a sub-workflow and read back from its local copy by the next task',
      code: py`
        from pathlib import Path
        import torch
        from flytekit import task, workflow
        from flytekit.types.file import FlyteFile

        @task
        def train_net(epochs: int) -> FlyteFile:
            net = TinyNet()
            best = float("inf")
            weights = Path("out") / "net.pt"
            for epoch in range(epochs):
                loss = run_epoch(net)
                if loss < best:
                    best = loss
                    torch.save(net.state_dict(), weights)
            return FlyteFile(path=weights)

        @workflow
        def training(epochs: int) -> FlyteFile:
            trained = train_net(epochs=epochs)
            return trained

        @task
        def check(weights: FlyteFile) -> float:
            net = TinyNet()
            net.load_state_dict(torch.load(weights.download()))
            return evaluate(net)

        @workflow
        def full(epochs: int = 3) -> float:
            result = training(epochs=epochs)
            return check(weights=result)
      `,
    },
    {
      name: 'a file a class\'s __init__ saves and another of its methods loads back: an LR finder, a weight reset, a pickled base model copied',
      code: py`
        import pickle
        import torch

        class Settings:
            out_dir = "runs/tcn"

        SNAPSHOT = "scratch/start.pt"

        class LearningRateFinder:
            def __init__(self, net, optimizer):
                self.net = net
                self.optimizer = optimizer
                torch.save(net.state_dict(), f"{Settings.out_dir}/initial_weights.pt")

            def sweep(self, loader, steps=100):
                losses = [self.step(batch) for _, batch in zip(range(steps), loader)]
                self.net.load_state_dict(torch.load(f"{Settings.out_dir}/initial_weights.pt"))
                return losses

        class Rewinder:
            def __init__(self, net):
                self.net = net
                torch.save(net.state_dict(), SNAPSHOT)

            @torch.no_grad()
            def rewind(self):
                self.net.load_state_dict(torch.load(SNAPSHOT, map_location="cpu"))

        class Bagger:
            def __init__(self, base_model, n):
                self.n = n
                with open("scratch/base_model.pkl", "wb") as f:
                    pickle.dump(base_model, f)

            def fresh_model(self):
                with open("scratch/base_model.pkl", "rb") as f:
                    model = pickle.load(f)
                return model
      `,
    },
    {
      name: 'the best epoch\'s file, through a name that holds a placeholder `None` until the loop binds it to a path and saves there (directly, or through a helper that returns the path it saved to)',
      code: py`
        import os
        import joblib
        import torch

        def fit_text_model(model, loaders, cfg):
            best_f1, best_path = 0.0, None
            best_path = None
            for epoch in range(cfg.epochs):
                f1 = run_epoch(model, loaders)
                if f1 > best_f1:
                    best_f1 = f1
                    best_path = os.path.join(cfg.output_dir, "best_text_model.pth")
                    torch.save({"model_state_dict": model.state_dict(), "epoch": epoch}, best_path)
            if best_path:
                model.load_state_dict(torch.load(best_path)["model_state_dict"])
            return model

        def store(model, cfg, tag):
            target = os.path.join(cfg.ckpt_dir, f"{tag}.pt")
            torch.save({"model_state_dict": model.state_dict()}, target)
            return target

        def fit_audio_model(model, loaders, cfg):
            best_auc, best_ckpt = 0.0, None
            best_ckpt = None
            for epoch in range(cfg.epochs):
                auc = run_epoch(model, loaders)
                if auc > best_auc:
                    best_auc = auc
                    best_ckpt = store(model, cfg, "best")
            if best_ckpt is not None and os.path.exists(best_ckpt):
                state = torch.load(best_ckpt, map_location="cpu")
                model.load_state_dict(state["model_state_dict"])
            return model

        def fit_forest(make_forest, folds, out_dir):
            best_score, best_model_file = 0.0, None
            for X_tr, y_tr, X_va, y_va in folds:
                forest = make_forest().fit(X_tr, y_tr)
                score = forest.score(X_va, y_va)
                if score > best_score:
                    best_score = score
                    best_model_file = os.path.join(out_dir, "forest_model.joblib")
                    joblib.dump(forest, best_model_file)
            return joblib.load(best_model_file)
      `,
    },
    {
      name: 'a file saved by an early-stopping object the program calls in its epoch loop, through `__call__` and `self.save_checkpoint`, loaded after the loop',
      code: py`
        import sys
        import torch

        class EarlyStopping:
            def __init__(self, patience=7):
                self.patience = patience
                self.best = None
                self.counter = 0
                self.early_stop = False

            def __call__(self, val_loss, model):
                if self.best is None or val_loss < self.best:
                    self.best = val_loss
                    self.save_checkpoint(model)
                    self.counter = 0
                else:
                    self.counter += 1
                    self.early_stop = self.counter >= self.patience

            def save_checkpoint(self, model):
                torch.save(model.state_dict(), "checkpoint.pt")

        def main():
            model = build_model()
            stopper = EarlyStopping(patience=5)
            for epoch in range(100):
                train_one_epoch(model)
                stopper(validate(model), model)
                if stopper.early_stop:
                    break
            model.load_state_dict(torch.load("checkpoint.pt"))
            return test(model)

        if __name__ == "__main__":
            sys.exit(main())
      `,
    },
    {
      name: 'an early-stopping or checkpoint object handed to a training function of the file that calls it each epoch (by keyword, by position, built in the call), its file loaded after that call',
      code: py`
        import torch

        class EarlyStopping:
            def __init__(self, patience=7, delta=1e-4, filepath="checkpoint.pt"):
                self.patience = patience
                self.filepath = filepath
                self.best_loss = float("inf")

            def __call__(self, loss, model):
                if loss < self.best_loss:
                    self.best_loss = loss
                    torch.save(model.state_dict(), self.filepath)
                    return False
                return True

        class Checkpointer:
            def __init__(self, path):
                self.path = path

            def save(self, net):
                torch.save(net.state_dict(), self.path)

        def train_model(model, train_loader, val_loader, optimizer, early_stopping, num_epochs=200):
            for epoch in range(num_epochs):
                train_one_epoch(model, train_loader, optimizer)
                if early_stopping(validate(model, val_loader), model):
                    break
            return model

        def fit(net, loader, saver):
            for epoch in range(10):
                step(net, loader)
                saver.save(net)

        model = CarPriceNet()
        early_stopping = EarlyStopping(patience=10, filepath="../models/neural_net.pt")
        history = train_model(model=model, train_loader=tl, val_loader=vl, optimizer=opt, early_stopping=early_stopping)
        model.load_state_dict(torch.load("../models/neural_net.pt"))

        def main():
            net = Net()
            fit(net, loader, Checkpointer(path="ckpt/best.pt"))
            net.load_state_dict(torch.load("ckpt/best.pt"))
      `,
    },
    {
      name: 'a file saved by an early-stopping class of the file, to the path its construction gave or under the folder each call hands down to `save_checkpoint`, loaded after the loop',
      code: py`
        import os
        import torch

        class EarlyStopping:
            def __init__(self, patience=7, path="checkpoint.pt"):
                self.patience = patience
                self.path = path
                self.best = None

            def __call__(self, val_loss, model):
                if self.best is None or val_loss < self.best:
                    self.best = val_loss
                    self.save_checkpoint(model)

            def save_checkpoint(self, model):
                torch.save(model.state_dict(), self.path)

        class FolderStopping:
            def __init__(self, patience=7):
                self.patience = patience
                self.best = None

            def __call__(self, val_loss, model, path):
                if self.best is None or val_loss < self.best:
                    self.best = val_loss
                    self.save_checkpoint(val_loss, model, path)

            def save_checkpoint(self, val_loss, model, path):
                torch.save(model.state_dict(), path + "/" + "checkpoint.pth")

        def train(model, loader, args, setting):
            stopper = EarlyStopping(patience=3, path=os.path.join(args.out_dir, "best_model.pt"))
            for epoch in range(args.epochs):
                stopper(validate(model, loader), model)
            model.load_state_dict(torch.load(os.path.join(args.out_dir, "best_model.pt")))

        def train_folder(model, loader, args, setting):
            path = os.path.join(args.checkpoints, setting)
            early_stopping = FolderStopping(patience=args.patience)
            for epoch in range(args.epochs):
                early_stopping(validate(model, loader), model, path)
            best_model_path = path + "/" + "checkpoint.pth"
            model.load_state_dict(torch.load(best_model_path))
      `,
    },
    {
      name: 'a file saved by a helper the training function calls, or by a method called on an instance (at module level, or from another method through self), loaded afterwards',
      code: py`
        import os
        import joblib
        import torch
        from sklearn.ensemble import RandomForestRegressor

        OUT_DIR = "runs/unet"
        MODEL_FILE = "artifacts/band_gap_rf.joblib"

        def save_best(net):
            torch.save(net.state_dict(), os.path.join(OUT_DIR, "best.pt"))

        def fit(net, loader, epochs):
            best = float("inf")
            for epoch in range(epochs):
                loss = run_epoch(net, loader)
                if loss < best:
                    best = loss
                    save_best(net)
            net.load_state_dict(torch.load(os.path.join(OUT_DIR, "best.pt")))
            return net

        class BandGapTrainer:
            def __init__(self, n_estimators=300):
                self.model = RandomForestRegressor(n_estimators=n_estimators, random_state=0)

            def fit(self, X, y):
                self.model.fit(X, y)
                self.persist()
                return self

            def persist(self):
                joblib.dump(self.model, MODEL_FILE)

        class BestKeeper:
            def update(self, net, score):
                torch.save(net, "scratch/best_net.pt")

        unet = fit(make_unet(), train_loader, 30)
        trainer = BandGapTrainer()
        trainer.fit(X_train, y_train)
        model = joblib.load(MODEL_FILE)
        print(model.score(X_test, y_test))
        keeper = BestKeeper()
        for epoch in range(20):
            keeper.update(unet, evaluate(unet))
        best_net = torch.load("scratch/best_net.pt")
      `,
    },
    {
      name: 'the checkpoint of the pass a list of per-pass scores picks by position (Graph WaveNet\'s `bestid = np.argmin(his_loss)`), each pass having saved its own file under its number and score: a pass saved it',
      code: py`
        import numpy as np
        import torch

        his_loss = []
        for epoch in range(1, args.epochs + 1):
            mvalid_loss = np.mean(run_validation(engine))
            his_loss.append(mvalid_loss)
            ckpt_path = f"{args.save}_epoch_{epoch}_{round(mvalid_loss, 2):.2f}.pth"
            torch.save(engine.model.state_dict(), ckpt_path)
        bestid = np.argmin(his_loss)
        best_path = f"{args.save}_epoch_{bestid + 1}_{round(his_loss[bestid], 2):.2f}.pth"
        engine.model.load_state_dict(torch.load(best_path))

        def train(engine, args):
            his_loss = []
            for i in range(1, args.epochs+1):
                mvalid_loss = np.mean(valid_losses(engine))
                his_loss.append(mvalid_loss)
                torch.save(engine.model.state_dict(), args.save+"_epoch_"+str(i)+"_"+str(round(mvalid_loss,2))+".pth")
            bestid = np.argmin(his_loss)
            engine.model.load_state_dict(torch.load(args.save+"_epoch_"+str(bestid+1)+"_"+str(round(his_loss[bestid],2))+".pth"))

        def fit(net, epochs):
            val_accs = []
            for ep in range(epochs):
                acc = evaluate(net)
                val_accs.append(acc)
                torch.save(net.state_dict(), f"ckpt/epoch_{ep}.pt")
            best = np.argmax(val_accs)
            net.load_state_dict(torch.load(f"ckpt/epoch_{best}.pt"))
            return net
      `,
    },
    {
      name: 'a checkpoint saved in every pass under the epoch number, loaded after the loop under the number of the best epoch the loop kept: a pass saved it',
      code: py`
        import os
        import torch

        best_loss = float("inf")
        best_epoch = 0
        for epoch in range(args.epochs):
            loss = train_one_epoch(model, optimizer)
            torch.save(model.state_dict(), "{}.pkl".format(epoch))
            if loss < best_loss:
                best_loss = loss
                best_epoch = epoch
        model.load_state_dict(torch.load("{}.pkl".format(best_epoch)))

        def fit(net, loader, out_dir, epochs):
            best_acc = 0.0
            best_ep = 1
            for ep in range(1, epochs + 1):
                acc = run_epoch(net, loader)
                torch.save(net.state_dict(), f"{out_dir}/epoch_{ep}.pt")
                if acc > best_acc:
                    best_acc = acc
                    if acc > 0.5:
                        best_ep = ep
            net.load_state_dict(torch.load(f"{out_dir}/epoch_{best_ep}.pt"))
            return net

        def finetune(net, ckpt_dir, n_epochs):
            best = None
            for step in range(n_epochs):
                score = validate(net)
                torch.save(net, os.path.join(ckpt_dir, f"model_{step}.pth"))
                if best is None or score > best:
                    best = score
                    chosen = step
            return torch.load(os.path.join(ckpt_dir, f"model_{chosen}.pth"))
      `,
    },
    {
      name: 'the files an earlier loop saved in every pass, read back by a later loop over the same values under its own variable (an ensemble of folds or seeds)',
      code: py`
        import datetime
        import os
        import pickle
        import time
        import joblib
        import torch

        def train_ensemble(args, ensemble_size):
            stamp = datetime.date.today().strftime("%Y%m%d")
            out_dir = args.out_dir or os.path.join("checkpoints", f"gnn_{stamp}")
            for run_idx in range(ensemble_size):
                net = build_model()
                save_path = os.path.join(out_dir, f"model_{run_idx}.pth")
                if os.path.exists(save_path):
                    print("overwriting", save_path)
                net = fit(net)
                torch.save(net.state_dict(), save_path)
            members = []
            for run_idx in range(ensemble_size):
                member = build_model()
                member.load_state_dict(torch.load(os.path.join(out_dir, f"model_{run_idx}.pth")))
                members.append(member)
            return members

        N_FOLDS = 5
        for fold in range(N_FOLDS):
            clf = make_classifier().fit(X[folds != fold], y[folds != fold])
            joblib.dump(clf, f"models/fold_{fold}.pkl")
        fold_models = [None] * N_FOLDS
        for k in range(N_FOLDS):
            fold_models[k] = joblib.load(f"models/fold_{k}.pkl")

        def seeds_then_average(seeds):
            run_dir = f"runs/{time.strftime('%H%M%S')}"
            for seed in seeds:
                model = train_with_seed(seed)
                with open(os.path.join(run_dir, f"seed_{seed}.pkl"), "wb") as handle:
                    pickle.dump(model, handle)
            for s in seeds:
                path = os.path.join(run_dir, f"seed_{s}.pkl")
                with open(path, "rb") as handle:
                    model = pickle.load(handle)
                averaged.append(model.predict(X_test))
      `,
    },
    {
      name: 'a longer path that reads a name bound once to a path with a time stamp in it, at the save and at the load: a folder string, os.path.join, a sliced stamp',
      code: py`
        import argparse
        import os
        import pickle
        import sys
        import time
        import torch

        parser = argparse.ArgumentParser()
        parser.add_argument("--out", default="./runs/")
        parser.add_argument("--save", default="model.pt")
        args = parser.parse_args()

        path = args.out + str(time.time()) + "/"
        best = None
        for epoch in range(args.epochs):
            loss = train_epoch(model)
            if best is None or loss < best:
                with open(path + args.save, "wb") as f:
                    torch.save(model, f)
                best = loss
        with open(path + args.save, "rb") as f:
            model = torch.load(f)

        def run(args, model):
            stamp = time.strftime("%Y%m%d-%H%M%S")
            ckpt_dir = os.path.join(args.out, stamp)
            for epoch in range(args.epochs):
                train_epoch(model)
                torch.save(model, os.path.join(ckpt_dir, args.name))
            return torch.load(os.path.join(ckpt_dir, args.name))

        OUT_ROOT = os.environ["OUT_ROOT"]
        MODEL_FILE = sys.argv[1]
        exec_time = time.time()
        run_dir = OUT_ROOT + str(exec_time)[-3:] + "/"
        clf.fit(X_train, y_train)
        pickle.dump(clf, open(run_dir + MODEL_FILE, "wb"))
        clf = pickle.load(open(run_dir + MODEL_FILE, "rb"))
      `,
    },
  ],
  invalid: [
    {
      name: 'a torch.load given its file by keyword, by position beside a map location, or as an empty-looking path built at run time still reads a file, and is reported (round 681)',
      code: py`
        import torch

        a = torch.load(f="segmenter.pth")
        b = torch.load(snapshot_dir() + "/last.pth", map_location="cpu")
        c = torch.load(f"{run_name}.pt")
      `,
      findings: [{ line: 3 }, { line: 4 }, { line: 5 }],
      output: py`
        import torch

        a = torch.load(f="segmenter.pth", weights_only=True)
        b = torch.load(snapshot_dir() + "/last.pth", map_location="cpu")
        c = torch.load(f"{run_name}.pt")
      `,
    },
    {
      name: 'printf-style formatting that writes other text than the argument (padded, `%r`, a mapping key) or formats another value names another file, and is reported',
      code: py`
        import os
        import torch

        def padded(net, out_dir, epoch):
            torch.save(net.state_dict(), os.path.join(out_dir, "ep%05d.pt" % epoch))
            return torch.load(os.path.join(out_dir, "ep" + str(epoch) + ".pt"))

        def shifted(net, run_dir, step):
            torch.save(net.state_dict(), os.path.join(run_dir, "it%d.pt" % (step + 1)))
            return torch.load(os.path.join(run_dir, "it%d.pt" % step))

        def quoted(net, save_dir, name):
            torch.save(net.state_dict(), os.path.join(save_dir, name + ".pt"))
            return torch.load(os.path.join(save_dir, "%r.pt" % name))

        def keyed(net, out_dir, tag):
            torch.save(net.state_dict(), os.path.join(out_dir, tag + ".pt"))
            return torch.load(os.path.join(out_dir, "%(tag)s.pt" % {"tag": tag}))
      `,
      findings: [{ line: 6 }, { line: 10 }, { line: 14 }, { line: 18 }],
      output: py`
        import os
        import torch

        def padded(net, out_dir, epoch):
            torch.save(net.state_dict(), os.path.join(out_dir, "ep%05d.pt" % epoch))
            return torch.load(os.path.join(out_dir, "ep" + str(epoch) + ".pt"), weights_only=True)

        def shifted(net, run_dir, step):
            torch.save(net.state_dict(), os.path.join(run_dir, "it%d.pt" % (step + 1)))
            return torch.load(os.path.join(run_dir, "it%d.pt" % step))

        def quoted(net, save_dir, name):
            torch.save(net.state_dict(), os.path.join(save_dir, name + ".pt"))
            return torch.load(os.path.join(save_dir, "%r.pt" % name))

        def keyed(net, out_dir, tag):
            torch.save(net.state_dict(), os.path.join(out_dir, tag + ".pt"))
            return torch.load(os.path.join(out_dir, "%(tag)s.pt" % {"tag": tag}))
      `,
    },
    {
      name: 'a load under a membership test in a non-empty list, a named list, a string or a call still runs, and is reported',
      code: py`
        import torch

        RESUME_STAGES = []

        def incremental_train(net, stage, stages_to_resume):
            if stage in [0]:
                net.load_state_dict(torch.load(f"stage_{stage}.pkl"))
            if stage in RESUME_STAGES:
                net.load_state_dict(torch.load("resume.pkl"))
            if "" in "":
                net.load_state_dict(torch.load("empty_string.pkl"))
            if stage in list():
                net.load_state_dict(torch.load("from_call.pkl"))
            if stage not in []:
                net.load_state_dict(torch.load("always.pkl"))
            if stage in [] or stage in stages_to_resume:
                net.load_state_dict(torch.load("either.pkl"))
      `,
      findings: [{ line: 7 }, { line: 9 }, { line: 11 }, { line: 13 }, { line: 15 }, { line: 17 }],
      output: py`
        import torch

        RESUME_STAGES = []

        def incremental_train(net, stage, stages_to_resume):
            if stage in [0]:
                net.load_state_dict(torch.load(f"stage_{stage}.pkl", weights_only=True))
            if stage in RESUME_STAGES:
                net.load_state_dict(torch.load("resume.pkl"))
            if "" in "":
                net.load_state_dict(torch.load("empty_string.pkl"))
            if stage in list():
                net.load_state_dict(torch.load("from_call.pkl"))
            if stage not in []:
                net.load_state_dict(torch.load("always.pkl"))
            if stage in [] or stage in stages_to_resume:
                net.load_state_dict(torch.load("either.pkl"))
      `,
    },
    {
      name: 'a load earlier in the loop than the save, through a name also bound before the loop to a path from elsewhere, or saved only under its own condition, or with a continue between binding and save: the first pass, or a pass that skipped the save, may read another file',
      code: py`
        import os
        import torch

        def resume_fit(model, args, epochs):
            best_file = args.resume
            for epoch in range(epochs):
                if epoch % 5 == 4:
                    model.load_state_dict(torch.load(best_file))
                loss = run_epoch(model)
                best_file = os.path.join(args.out, f"e{epoch}.pt")
                torch.save(model.state_dict(), best_file)

        def guarded_fit(model, out, epochs):
            for epoch in range(epochs):
                if epoch > 0 and stalled(model):
                    model.load_state_dict(torch.load(kept))
                kept = os.path.join(out, f"e{epoch}.pt")
                if improved(model):
                    torch.save(model.state_dict(), kept)

        def skipping_fit(model, folder, epochs):
            for epoch in range(epochs):
                if epoch > 0 and stalled(model):
                    model.load_state_dict(torch.load(kept))
                kept = os.path.join(folder, f"last{epoch}.pt")
                if nan_loss(model):
                    continue
                torch.save(model.state_dict(), kept)

        def constant_fit(model, epochs):
            for epoch in range(epochs):
                if stalled(model):
                    model.load_state_dict(torch.load("best.pt"))
                torch.save(model.state_dict(), "best.pt")
      `,
      findings: [{ line: 8 }, { line: 16 }, { line: 24 }, { line: 33 }],
      safety: 'unsafe',
      output: py`
        import os
        import torch

        def resume_fit(model, args, epochs):
            best_file = args.resume
            for epoch in range(epochs):
                if epoch % 5 == 4:
                    model.load_state_dict(torch.load(best_file, weights_only=True))
                loss = run_epoch(model)
                best_file = os.path.join(args.out, f"e{epoch}.pt")
                torch.save(model.state_dict(), best_file)

        def guarded_fit(model, out, epochs):
            for epoch in range(epochs):
                if epoch > 0 and stalled(model):
                    model.load_state_dict(torch.load(kept))
                kept = os.path.join(out, f"e{epoch}.pt")
                if improved(model):
                    torch.save(model.state_dict(), kept)

        def skipping_fit(model, folder, epochs):
            for epoch in range(epochs):
                if epoch > 0 and stalled(model):
                    model.load_state_dict(torch.load(kept))
                kept = os.path.join(folder, f"last{epoch}.pt")
                if nan_loss(model):
                    continue
                torch.save(model.state_dict(), kept)

        def constant_fit(model, epochs):
            for epoch in range(epochs):
                if stalled(model):
                    model.load_state_dict(torch.load("best.pt"))
                torch.save(model.state_dict(), "best.pt")
      `,
    },
    {
      name: 'a file saved under a part in one case and read back under the part in another case, or under another name in that case',
      code: py`
        import joblib

        def train(model, arch, X, y):
            joblib.dump(model.fit(X, y), f"ckpt/{arch.lower()}.joblib")
            return joblib.load(f"ckpt/{arch.upper()}.joblib")

        def warm_start(model, arch, base_arch):
            joblib.dump(model, f"ckpt/{arch.lower()}.joblib")
            return joblib.load(f"ckpt/{base_arch.lower()}.joblib")
      `,
      findings: [{ line: 5 }, { line: 9 }],
    },
    {
      name: 'a time stamp written out again in the longer path at the load may name another file: still reported',
      code: py`
        import time
        import torch

        torch.save(model, args.out + str(time.time()) + args.save)
        model = torch.load(args.out + str(time.time()) + args.save)
      `,
      findings: [{ line: 5 }],
      safety: 'unsafe',
      output: py`
        import time
        import torch

        torch.save(model, args.out + str(time.time()) + args.save)
        model = torch.load(args.out + str(time.time()) + args.save, weights_only=True)
      `,
    },
    {
      name: 'the name of a stamped folder bound again by a second call before the longer path is loaded may name another file: still reported',
      code: py`
        import time
        import torch

        path = args.out + str(time.time()) + "/"
        torch.save(model, path + args.save)
        path = args.out + str(time.time()) + "/"
        model = torch.load(path + args.save)
      `,
      findings: [{ line: 7 }],
      safety: 'unsafe',
      output: py`
        import time
        import torch

        path = args.out + str(time.time()) + "/"
        torch.save(model, path + args.save)
        path = args.out + str(time.time()) + "/"
        model = torch.load(path + args.save, weights_only=True)
      `,
    },
    {
      name: 'a path with a part besides an empty placeholder names a file and is still reported',
      code: py`
        import torch
        MODEL_DIR = ""
        model = torch.load(MODEL_DIR + "/ranker_10.pth")
      `,
      findings: [{ line: 3, message: /^`torch\.load` without `weights_only=True` unpickles arbitrary objects/ }],
      output: py`
        import torch
        MODEL_DIR = ""
        model = torch.load(MODEL_DIR + "/ranker_10.pth", weights_only=True)
      `,
    },
    {
      name: 'a load under a flag the reader may flip (`if RESUME:` with `RESUME = False`), or in the `if True:` arm, still runs where the flag says: still reported',
      code: py`
        import torch
        RESUME = False
        if RESUME:
            model = torch.load("last.pt")
        if True:
            teacher = torch.load("teacher.pt")
      `,
      findings: [{ line: 4 }, { line: 6 }],
      safety: 'unsafe',
      output: py`
        import torch
        RESUME = False
        if RESUME:
            model = torch.load("last.pt", weights_only=True)
        if True:
            teacher = torch.load("teacher.pt")
      `,
    },
    {
      name: 'a function whose parameters name the file, saved in one arm of an if and loaded in the other: the load reads an earlier run\'s file',
      code: TRAIN_OR_LOAD_ARMS,
      findings: [{ line: 10, message: /^`joblib\.load` restores what it loads by unpickling/ }],
    },
    {
      name: 'a training function that resumes from the checkpoint its parameters name and saves there later in the same run: the load reads the last run\'s file',
      code: RESUMED_THEN_SAVED,
      findings: [{ line: 9, message: /^`torch\.load\(\.\.\., weights_only=False\)` unpickles arbitrary objects/ }],
      safety: 'unsafe',
      output: RESUMED_THEN_SAVED.replace('weights_only=False', 'weights_only=True'),
    },
    {
      name: 'an object handed to a training function of the file: a file loaded before the call that hands it, another file than it was built with, or a path the function hands its method are still reported',
      code: HANDED_OBJECT_OTHER_FILES,
      findings: [
        { line: 24, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 26, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 28, message: /^`torch\.load` without `weights_only=True`/ },
      ],
      safety: 'unsafe',
      output: HANDED_OBJECT_OTHER_FILES.replace('torch.load("b.pt")', 'torch.load("b.pt", weights_only=True)'),
    },
    {
      name: 'a file an early-stopping class of the file never saved (another path than its construction gave, or read before the loop) is still reported',
      code: EARLY_STOPPING_OTHER_FILES,
      findings: [{ line: 15 }, { line: 19 }],
      safety: 'unsafe',
      output: EARLY_STOPPING_OTHER_FILES.replace('torch.load("best_model.pt")', 'torch.load("best_model.pt", weights_only=True)'),
    },
    {
      name: 'a folder worked out by a call that may give another value (`Path(latest_run(config)).parent`), saved under and read back in a loop over literal names: may be another run\'s files',
      code: py`
        import joblib
        from pathlib import Path
        from sklearn.linear_model import Ridge
        from sklearn.ensemble import GradientBoostingRegressor

        def fit_all(config, X, y):
            models_dir = Path(latest_run(config)).parent
            joblib.dump(Ridge().fit(X, y), models_dir / "ridge.pkl")
            joblib.dump(GradientBoostingRegressor().fit(X, y), str(models_dir / "gbr.pkl"))
            for name in ["ridge.pkl", "gbr.pkl"]:
                reg = joblib.load(models_dir / name)
                print(name, reg.score(X, y))
      `,
      findings: [{ line: 11, column: 15 }],
    },
    {
      name: 'a name that holds a placeholder `None` or a path nothing in the program saved (a run to resume, a path bound beside a save to another file) is still reported',
      code: PLACEHOLDER_NONE_FOREIGN,
      findings: [
        { line: 9, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 22, message: /^`torch\.load` without `weights_only=True`/ },
      ],
      safety: 'unsafe',
      output: PLACEHOLDER_NONE_FOREIGN.replace('torch.load(resume_path)', 'torch.load(resume_path, weights_only=True)'),
    },
    {
      name: 'a callback\'s path is still reported when the loop handed it another model, when it is read before the loop ends, or when the callback was never called',
      code: CALLBACK_PATHS_READ_ELSEWHERE,
      findings: [
        { line: 6, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 12, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 16, message: /^`torch\.load` without `weights_only=True`/ },
      ],
      safety: 'unsafe',
      output: CALLBACK_PATHS_READ_ELSEWHERE.replace('torch.load(stopper.path)', 'torch.load(stopper.path, weights_only=True)'),
    },
    {
      name: 'loads given their own unpickler (dill by keyword, pickle by position, with weights_only=False) unpickle on every PyTorch version and offer no fix that would make them raise',
      code: py`
        import dill
        import pickle
        import torch

        def resume(trainer, ckpt_file, device):
            state = torch.load(ckpt_file, map_location=torch.device(device), pickle_module=dill)
            trainer.model.load_state_dict(state["model_state_dict"])

        def rebuild(structure_file):
            return torch.load(structure_file, "cpu", pickle)["model"]

        def legacy(path):
            return torch.load(path, pickle_module=pickle, weights_only=False)
      `,
      findings: [
        { line: 6, message: /^`torch\.load` with its own `pickle_module` unpickles arbitrary objects on every PyTorch version \(it cannot be combined with `weights_only=True`\)/ },
        { line: 10, message: /^`torch\.load` with its own `pickle_module` unpickles arbitrary objects on every PyTorch version/ },
        { line: 13, message: /^`torch\.load\(\.\.\., weights_only=False\)` unpickles arbitrary objects/ },
      ],
      noFix: true,
    },
    {
      name: 'a load whose pickle_module is None uses the default unpickler: the version note and the weights_only fix still hold',
      code: py`
        import torch

        def resume(trainer, ckpt_file):
            state = torch.load(ckpt_file, map_location="cpu", pickle_module=None)
            trainer.model.load_state_dict(state["model_state_dict"])
      `,
      findings: [{ line: 4, message: /^`torch\.load` without `weights_only=True` unpickles arbitrary objects \(the default before PyTorch 2\.6\)/ }],
      safety: 'unsafe',
      output: py`
        import torch

        def resume(trainer, ckpt_file):
            state = torch.load(ckpt_file, map_location="cpu", pickle_module=None, weights_only=True)
            trainer.model.load_state_dict(state["model_state_dict"])
      `,
    },
    {
      name: 'the best epoch\'s number read after a loop that saves only some passes, or that starts from a number no pass saves, may name a file of an earlier run',
      code: UNSAVED_BEST_PASS,
      output: UNSAVED_BEST_PASS.replace('torch.load("{}.pkl".format(best_epoch))', 'torch.load("{}.pkl".format(best_epoch), weights_only=True)'),
      findings: [
        { line: 10, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 17, message: /^`torch\.load` without `weights_only=True`/ },
      ],
    },
    {
      name: 'the pass a list of per-pass scores picks, read where only some passes save, the position not shifted to the loop\'s start, the list holding an earlier run\'s scores, or a pass skipped before its append, may name a file of an earlier run',
      code: UNSAVED_RANKED_PASS,
      output: UNSAVED_RANKED_PASS.replace('torch.load(args.save + "_epoch_" + str(bestid + 1) + "_" + str(round(his_loss[bestid], 2)) + ".pth")', 'torch.load(args.save + "_epoch_" + str(bestid + 1) + "_" + str(round(his_loss[bestid], 2)) + ".pth", weights_only=True)'),
      findings: [
        { line: 11, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 19, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 27, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 37, message: /^`torch\.load` without `weights_only=True`/ },
      ],
    },
    {
      name: 'a file moved into place by a helper that saved nothing (a download), or loaded before the helper ran, still unpickles',
      code: MOVED_INTO_PLACE,
      findings: [
        { line: 17, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 18, message: /^`torch\.load` without `weights_only=True`/ },
      ],
      output: MOVED_INTO_PLACE.replace('torch.load(os.path.join(out_dir, "pretrained.pt"))', 'torch.load(os.path.join(out_dir, "pretrained.pt"), weights_only=True)'),
    },
    {
      name: 'a loop over a literal list of names when one of them was never saved, or is saved only after the loop, still unpickles',
      code: py`
        import pickle
        import joblib

        joblib.dump(rf, "models/rf.pkl")
        for name in ["rf", "svm"]:
            print(joblib.load(f"models/{name}.pkl"))

        for kind in ["knn", "tree"]:
            print(pickle.load(open(f"models/{kind}.pkl", "rb")))
        pickle.dump(knn, open("models/knn.pkl", "wb"))
        pickle.dump(tree, open("models/tree.pkl", "wb"))
      `,
      findings: [
        { line: 6, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 9, message: /^`pickle\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a later loop reads files an earlier loop saved only in some passes, over other values, or in a loop that may skip the save',
      code: py`
        import joblib

        N_FOLDS = 5
        for fold in range(N_FOLDS):
            clf = make_classifier().fit(X[folds != fold], y[folds != fold])
            if clf.score(X_val, y_val) > 0.8:
                joblib.dump(clf, f"models/fold_{fold}.pkl")
        for k in range(N_FOLDS):
            print(joblib.load(f"models/fold_{k}.pkl"))

        for fold in range(N_FOLDS):
            joblib.dump(make_classifier(), f"models/extra_{fold}.pkl")
        for k in range(N_FOLDS + 1):
            print(joblib.load(f"models/extra_{k}.pkl"))

        for fold in range(N_FOLDS):
            clf = make_classifier()
            if fold in skipped:
                continue
            joblib.dump(clf, f"models/kept_{fold}.pkl")
        for k in range(N_FOLDS):
            print(joblib.load(f"models/kept_{k}.pkl"))
      `,
      findings: [
        { line: 9, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 14, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 22, message: /^`joblib\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a checkpoint read by a key its saved records do not have, or whose saved dictionary holds a model, or handed on whole, still unpickles',
      code: py`
        import pickle
        from sklearn.linear_model import Ridge

        def save_progress(log, progress_file):
            pickle.dump({"epoch": 3, "log": log}, open(progress_file, "wb"))

        def load_net(progress_file):
            checkpoint_data = pickle.load(open(progress_file, "rb"))
            return checkpoint_data["net"]

        def save_fit(X, y, out):
            pickle.dump({"epoch": 3, "best": Ridge().fit(X, y)}, open(out, "wb"))

        def load_fit(path):
            ckpt = pickle.load(open(path, "rb"))
            return ckpt["best"]

        def load_all(path):
            ckpt = pickle.load(open(path, "rb"))
            print(ckpt["epoch"])
            return ckpt
      `,
      findings: [
        { line: 8, message: /^`pickle\.load` restores what it loads by unpickling/ },
        { line: 15, message: /^`pickle\.load` restores what it loads by unpickling/ },
        { line: 19, message: /^`pickle\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a resumable loop whose checkpoint dictionary also holds the trained models still unpickles models',
      code: py`
        import joblib
        from pathlib import Path
        from sklearn.ensemble import RandomForestRegressor

        checkpoint_file = Path("out") / "training_checkpoint.joblib"
        fitted, start = {}, 0
        if checkpoint_file.exists():
            checkpoint_data = joblib.load(checkpoint_file)
            fitted = checkpoint_data["fitted"]
            start = checkpoint_data["next_idx"]
        for i in range(start, len(targets)):
            fitted[targets[i]] = RandomForestRegressor(n_estimators=100).fit(X, Y[:, i])
            joblib.dump({"fitted": fitted, "next_idx": i + 1}, checkpoint_file)
      `,
      findings: [{ line: 8, message: /^`joblib\.load` restores what it loads by unpickling/ }],
    },
    {
      name: 'a checkpoint dictionary holding a fitted regressor under a neutral key still unpickles a model',
      code: py`
        import os
        import pickle
        from sklearn.linear_model import Ridge

        path = "runs/ckpt_state.pkl"
        if os.path.exists(path):
            ckpt = pickle.load(open(path, "rb"))
        reg = Ridge(alpha=1.0).fit(X, y)
        pickle.dump({"epoch": 3, "best": reg}, open(path, "wb"))
      `,
      findings: [{ line: 7, message: /^`pickle\.load` restores what it loads by unpickling/ }],
    },
    {
      name: 'a commented dictionary that also keeps a fitted model still unpickles a model',
      code: py`
        import datetime
        import os
        import joblib
        from sklearn.linear_model import LogisticRegression

        STORE = os.path.join("models", "monitor.joblib")

        def record_training(X, y):
            monitor_data = {
                "trained_at": datetime.datetime.now().isoformat(),
                "fitted": LogisticRegression().fit(X, y),  # kept for the next run
            }
            joblib.dump(monitor_data, STORE)

        def last_trained():
            if os.path.exists(STORE):
                store = joblib.load(STORE)
                return store.get("trained_at")
      `,
      findings: [{ line: 17, message: /^`joblib\.load` restores what it loads by unpickling/ }],
    },
    {
      name: 'a class method also handed a file nothing saved, and a restore also called on an object of unknown class, are still reported',
      code: py`
        import torch
        from torch import nn

        class Probe:
            def __init__(self, width):
                self.head = nn.Linear(width, 1)

            def dump(self, file_path):
                torch.save(self.head.state_dict(), file_path)

            def restore(self, file_path):
                self.head.load_state_dict(torch.load(file_path))

            @classmethod
            def from_dump(cls, file_path):
                probe = cls(4)
                probe.head.load_state_dict(torch.load(file_path))
                return probe

        def compare(path, other):
            mine = Probe(4)
            mine.dump(path)
            mine.restore(path)
            other.restore("downloads/probe.pt")
            return Probe.from_dump(path), Probe.from_dump("downloads/probe.pt")
      `,
      findings: [
        { line: 12, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 17, message: /^`torch\.load` without `weights_only=True`/ },
      ],
      safety: 'unsafe',
      output: py`
        import torch
        from torch import nn

        class Probe:
            def __init__(self, width):
                self.head = nn.Linear(width, 1)

            def dump(self, file_path):
                torch.save(self.head.state_dict(), file_path)

            def restore(self, file_path):
                self.head.load_state_dict(torch.load(file_path, weights_only=True))

            @classmethod
            def from_dump(cls, file_path):
                probe = cls(4)
                probe.head.load_state_dict(torch.load(file_path))
                return probe

        def compare(path, other):
            mine = Probe(4)
            mine.dump(path)
            mine.restore(path)
            other.restore("downloads/probe.pt")
            return Probe.from_dump(path), Probe.from_dump("downloads/probe.pt")
      `,
    },
    {
      name: 'a walked list of checkpoint paths that also holds a path from elsewhere is still reported',
      code: snapshotAverage('snapshots.append(os.environ["WARM_START"])'),
      findings: [{ line: 11, message: /^`torch\.load` without `weights_only=True`/ }],
      safety: 'unsafe',
      output: snapshotAverage('snapshots.append(os.environ["WARM_START"])').replace(/torch\.load\((snapshots\[0\]|path)\)/g, 'torch.load($1, weights_only=True)'),
    },
    {
      name: 'an instance list that code outside the class also appends to is still reported',
      code: cycleCopies('trainer.cycle_ckpts.append("downloads/pretrained.pth")'),
      findings: [{ line: 21, message: /^`torch\.load\(\.\.\., weights_only=False\)`/ }],
      safety: 'unsafe',
      output: cycleCopies('trainer.cycle_ckpts.append("downloads/pretrained.pth")').replaceAll('weights_only=False', 'weights_only=True'),
    },
    {
      name: 'an instance list the class starts with a path from elsewhere is still reported',
      code: cycleCopies('print(trainer.out_dir)').replace('self.cycle_ckpts = []', 'self.cycle_ckpts = [os.path.join(out_dir, "init.pth")]'),
      findings: [{ line: 21, message: /^`torch\.load\(\.\.\., weights_only=False\)`/ }],
      safety: 'unsafe',
      output: cycleCopies('print(trainer.out_dir)').replace('self.cycle_ckpts = []', 'self.cycle_ckpts = [os.path.join(out_dir, "init.pth")]').replaceAll('weights_only=False', 'weights_only=True'),
    },
    {
      name: 'the same test whose own list is also extended with a folder listing holds paths from elsewhere: still reported',
      code: EXTENDED_CHECKPOINTS,
      findings: [{ line: 11, message: /^`torch\.load` without `weights_only=True`/ }],
      safety: 'unsafe',
      output: EXTENDED_CHECKPOINTS.replace('torch.load(ckpt_path)', 'torch.load(ckpt_path, weights_only=True)'),
    },
    {
      name: 'a list of checkpoint paths that also holds a path from elsewhere (the file of a resumed run) is still reported',
      code: checkpointRecords('ckpts.append((0, 0.0, os.environ["RESUME_FROM"]))'),
      findings: [
        { line: 16, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 18, message: /^`torch\.load` without `weights_only=True`/ },
      ],
      safety: 'unsafe',
      output: checkpointRecords('ckpts.append((0, 0.0, os.environ["RESUME_FROM"]))').replace('torch.load(ckpts[-1][2])', 'torch.load(ckpts[-1][2], weights_only=True)'),
    },
    {
      name: 'the options handed to the saving function hold another folder than the one loaded, or one the file cannot see: still reported',
      code: OPTIONS_ELSEWHERE,
      findings: [
        { line: 14, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 21, message: /^`torch\.load` without `weights_only=True`/ },
      ],
      safety: 'unsafe',
      output: OPTIONS_ELSEWHERE.replace('torch.load("runs/other/best_model.pth")', 'torch.load("runs/other/best_model.pth", weights_only=True)'),
    },
    {
      name: 'another replacement of the saved path is another file: the best epoch saved, the last one loaded',
      code: py`
        import torch

        def reload(model, path):
            torch.save(model.state_dict(), path.replace(".pt", "_best.pt"))
            model.load_state_dict(torch.load(path.replace(".pt", "_last.pt")))
      `,
      findings: [{ line: 5, message: /^`torch\.load` without `weights_only=True`/ }],
      safety: 'unsafe',
      output: py`
        import torch

        def reload(model, path):
            torch.save(model.state_dict(), path.replace(".pt", "_best.pt"))
            model.load_state_dict(torch.load(path.replace(".pt", "_last.pt"), weights_only=True))
      `,
    },
    {
      name: 'another renaming of the saved path is another file: saved with .pth, loaded with .pt',
      code: py`
        import torch

        def export(model, out):
            torch.save(model.state_dict(), out.with_suffix(".pth"))
            model.load_state_dict(torch.load(out.with_suffix(".pt")))
      `,
      findings: [{ line: 5, message: /^`torch\.load` without `weights_only=True`/ }],
      safety: 'unsafe',
      output: py`
        import torch

        def export(model, out):
            torch.save(model.state_dict(), out.with_suffix(".pth"))
            model.load_state_dict(torch.load(out.with_suffix(".pt"), weights_only=True))
      `,
    },
    {
      name: 'a network built beside the load is not what it reads: the file the weights come from is still unpickled',
      code: py`
        import torch
        from torchvision.models import mobilenet_v3_large

        net = mobilenet_v3_large()
        net.load_state_dict(torch.load("mobilenet_v3.pt"))
      `,
      findings: [{ line: 5, message: /^`torch\.load` without `weights_only=True`/ }],
      safety: 'unsafe',
      output: py`
        import torch
        from torchvision.models import mobilenet_v3_large

        net = mobilenet_v3_large()
        net.load_state_dict(torch.load("mobilenet_v3.pt", weights_only=True))
      `,
    },
    {
      name: 'a load of a name no call of the saving function passed, or before the call that saves it, reads a file from elsewhere',
      code: py`
        import os
        import torch

        def train(model, loader, experiment_name):
            torch.save({"model": model}, os.path.join("models", "best_" + experiment_name + ".pth"))

        previous = torch.load("models/best_tinyNet.pth")["model"]
        train(model_a, loader, experiment_name="tinyNet")
        ssl = torch.load("models/best_tinyNet_ssl.pth")["model"]
      `,
      findings: [{ line: 7, message: /^`torch\.load` without `weights_only=True`/ }, { line: 9, message: /^`torch\.load` without `weights_only=True`/ }],
      safety: 'unsafe',
      output: py`
        import os
        import torch

        def train(model, loader, experiment_name):
            torch.save({"model": model}, os.path.join("models", "best_" + experiment_name + ".pth"))

        previous = torch.load("models/best_tinyNet.pth", weights_only=True)["model"]
        train(model_a, loader, experiment_name="tinyNet")
        ssl = torch.load("models/best_tinyNet_ssl.pth")["model"]
      `,
    },
    {
      name: 'a folder handed down through functions of the file is read before the outermost call, from another folder, or where a function in the chain added a time stamp',
      code: LOADS_AROUND_HANDED_ON_FOLDERS,
      findings: [{ line: 14 }, { line: 16 }, { line: 18 }],
      safety: 'unsafe',
      output: LOADS_AROUND_HANDED_ON_FOLDERS.replace('torch.load("checkpoints/exp1/model.pt")', 'torch.load("checkpoints/exp1/model.pt", weights_only=True)'),
    },
    {
      name: 'a helper that saves only after the caller loaded, or a caller that loads another stamp, reads a file from elsewhere',
      code: LOADS_AROUND_SAVING_HELPERS,
      findings: [{ line: 11 }, { line: 18 }],
      safety: 'unsafe',
      output: LOADS_AROUND_SAVING_HELPERS.replace('torch.load(model_path + model_name + ".pth")', 'torch.load(model_path + model_name + ".pth", weights_only=True)'),
    },
    {
      name: 'weights with no word of features, classes or samples before them may be a model\'s',
      code: py`
        import pickle
        weights = pickle.load(open("models/weights.pkl", "rb"))
        net.set_weights(weights)
      `,
      findings: [{ line: 2, message: /^`pickle\.load` restores what it loads by unpickling/ }],
    },
    {
      name: 'a load through a parameter before the function saves to it, or through another parameter than the save\'s',
      code: LOADED_THROUGH_PARAMETER,
      findings: [{ line: 5, message: /^`torch\.load` without `weights_only=True`/ }, { line: 11, message: /^`torch\.load` without `weights_only=True`/ }],
      safety: 'unsafe',
      output: weightsOnly(LOADED_THROUGH_PARAMETER, 'ckpt'),
    },
    {
      name: 'an os.listdir listing of the folder the program saved into, loaded with no test of the names, or a test the saved names do not pass, or a listing of another folder',
      code: LISTED_FOREIGN,
      findings: [
        // The two listings of one folder walk the same files: one finding, linked to the load under the `.pkl` test.
        { line: 8, message: /^`joblib\.load` restores what it loads by unpickling.*\(as does 1 other load of this file\)$/ },
        { line: 14, message: /^`joblib\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a glob whose pattern the saved names do not match, or of another folder, lists files the program did not save',
      code: SPILLED_SHARDS.replace('tmp_dir.glob("part_*.pt")', 'tmp_dir.glob("model_*.pt")'),
      findings: [{ line: 13, message: /^`torch\.load` without `weights_only=True`/ }, { line: 17, message: /^`torch\.load` without `weights_only=True`/ }],
      safety: 'unsafe',
      output: SPILLED_SHARDS.replace('tmp_dir.glob("part_*.pt")', 'tmp_dir.glob("model_*.pt")').replace('torch.load(sp)', 'torch.load(sp, weights_only=True)'),
    },
    {
      name: 'one file picked out of a glob before the saves, of another folder, or by a pattern the saved names do not match, may be any file',
      code: PICKED_FROM_FOREIGN_GLOB,
      findings: [
        { line: 7, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 12, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 14, message: /^`torch\.load` without `weights_only=True`/ },
      ],
      safety: 'unsafe',
      output: PICKED_FROM_FOREIGN_GLOB.replace('torch.load(resume)', 'torch.load(resume, weights_only=True)'),
    },
    {
      name: 'a glob pattern known only at run time, or whose constant parts the saved names do not match, lists files the program may not have saved',
      code: UNKNOWN_GLOBS,
      findings: [
        { line: 7, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 9, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 11, message: /^`torch\.load` without `weights_only=True`/ },
      ],
      safety: 'unsafe',
      output: UNKNOWN_GLOBS.replace('torch.load(ckpt)', 'torch.load(ckpt, weights_only=True)'),
    },
    {
      name: 'shards listed by a glob before the program saves any',
      code: py`
        import torch

        def merge(tmp_dir, rows):
            merged = []
            for sp in sorted(tmp_dir.glob("part_*.pt")):
                merged.append(torch.load(sp))
            torch.save(rows, tmp_dir / "part_00000.pt")
            return merged
      `,
      findings: [{ line: 6, message: /^`torch\.load` without `weights_only=True`/ }],
      safety: 'unsafe',
      output: py`
        import torch

        def merge(tmp_dir, rows):
            merged = []
            for sp in sorted(tmp_dir.glob("part_*.pt")):
                merged.append(torch.load(sp, weights_only=True))
            torch.save(rows, tmp_dir / "part_00000.pt")
            return merged
      `,
    },
    {
      name: 'a model loaded from one of two files, in the arms of one if or in a try and its handler, is one finding per model, linked',
      code: FALLBACK_LOADS,
      findings: [
        { line: 10, message: /^`torch\.load` without `weights_only=True`.*\(as does a load in its place in another branch, linked\)$/, related: 1 },
        { line: 14, message: /^`joblib\.load` restores what it loads by unpickling.*\(as does a load in its place in another branch, linked\)$/, related: 1 },
      ],
      safety: 'unsafe',
      output: FALLBACK_LOADS.replace('torch.load(own)', 'torch.load(own, weights_only=True)').replace('torch.load(os.path.join(models_dir, "lstm.pth"))', 'torch.load(os.path.join(models_dir, "lstm.pth"), weights_only=True)'),
    },
    {
      name: 'a model restored into one name by the two arms of a conditional expression, one through a helper called only there, is one finding, linked; a helper called twice stays apart',
      code: py`
        import joblib
        from pathlib import Path

        MODELS = Path("artifacts/models")

        def load_final_model():
            final_model_path = next(MODELS.glob("*_final_model.pkl"))
            return joblib.load(final_model_path)

        def run_evaluation(model_path=None):
            model = joblib.load(model_path) if model_path else load_final_model()
            return model

        def serve(kind):
            ranker_model = joblib.load(f"ranker_model_{kind}.pkl") if kind else (joblib.load("ranker_model.pkl"))
            return ranker_model

        def load_default_model():
            return joblib.load("default_model.pkl")

        def predict(model_file):
            model = joblib.load(model_file) if model_file else load_default_model()
            return model

        def warm_up():
            return load_default_model()
      `,
      findings: [
        { line: 8, message: /^`joblib\.load` restores what it loads by unpickling.*\(as does a load in its place in another branch, linked\)$/, related: 1 },
        { line: 15, message: /^`joblib\.load` restores what it loads by unpickling.*\(as does a load in its place in another branch, linked\)$/, related: 1 },
        { line: 19, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 22, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
      ],
    },
    {
      name: 'a model returned from a first source, else read from a second after the branch that returns, is one finding per model, linked',
      code: RETURNED_FIRST_LOADS,
      findings: [
        { line: 10, message: /^`joblib\.load` restores what it loads by unpickling.*\(as does a load in its place in another branch, linked\)$/, related: 1 },
        { line: 21, message: /^`pickle\.load` restores what it loads by unpickling.*\(as does a load in its place in another branch, linked\)$/, related: 1 },
        { line: 30, message: /^`joblib\.load` restores what it loads by unpickling.*\(as does a load in its place in another branch, linked\)$/, related: 1 },
      ],
    },
    {
      name: 'a branch that loads a model and goes on, and a second load after it, are two loads one after the other: two findings',
      code: py`
        import io
        import joblib


        def model_for(version, cache, store):
            blob = cache.get(f"model:{version}")
            if blob:
                model = joblib.load(io.BytesIO(blob))
                log_loaded(model)
            model = joblib.load(io.BytesIO(store.fetch(version)))
            return model
      `,
      findings: [
        { line: 8, message: /^`joblib\.load` restores what it loads by unpickling.*versions that saved it$/ },
        { line: 10, message: /^`joblib\.load` restores what it loads by unpickling.*versions that saved it$/ },
      ],
    },
    {
      name: 'a function that returns a model from a first source, else returns one read from a second, restores one model: one finding, linked',
      code: py`
        import os
        import joblib

        BUCKET = os.environ.get("MODEL_BUCKET")

        def fetch_uplift_model():
            if BUCKET:
                return joblib.load(download(BUCKET, "/tmp/uplift_model.pkl"))
            return joblib.load(os.path.join(os.path.dirname(__file__), "uplift_model.pkl"))

        def fetch_churn_model(remote):
            if remote:
                try:
                    return joblib.load(download(remote, "/tmp/churn_model.pkl"))
                except Exception as err:
                    print(f"remote load failed: {err}")
            try:
                return joblib.load("models/churn_model.pkl")
            except Exception:
                return None

        def restore_model(model_path):
            try:
                return joblib.load(model_path)
            except OSError as err:
                print(f"falling back: {err}")
            return joblib.load("models/fallback_model.joblib")

        uplift_model = fetch_uplift_model()
        churn_model = fetch_churn_model(os.environ.get("CHURN_URL"))
        print(uplift_model.predict(X), fetch_uplift_model().predict(X), churn_model.predict(X))
        print(restore_model(os.environ["MODEL_PATH"]).predict(X))
      `,
      findings: [8, 14, 24].map((line) => ({ line, message: /^`joblib\.load` restores what it loads by unpickling.*\(as does a load in its place in another branch, linked\)$/, related: 1 })),
    },
    {
      name: 'loads returned by two functions, or a load that goes on to a second returned load, stay apart: one finding each',
      code: py`
        import joblib

        def load_propensity_model():
            return joblib.load("models/propensity_model.pkl")

        def load_clv_model():
            return joblib.load("models/clv_model.pkl")

        def refreshed_model(cache_path):
            if cache_path:
                model = joblib.load(cache_path)
                log_loaded(model)
            return joblib.load("models/latest_model.pkl")

        print(load_propensity_model().predict(X), load_clv_model().predict(X), refreshed_model(None).predict(X))
      `,
      findings: [4, 7, 11, 13].map((line) => ({ line, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ })),
    },
    {
      name: 'one file read by pickle in one arm and by torch in the other (a .pkl checkpoint or any other) is one finding, linked',
      code: py`
        import pickle
        import torch

        class Runner:
            def load_weights(self):
                if self.cfg.weights.endswith(".pkl"):
                    with open(self.cfg.weights, "rb") as f:
                        weights = pickle.load(f)
                else:
                    weights = torch.load(self.cfg.weights, map_location="cpu")
                self.net.load_state_dict(weights)
      `,
      findings: [{ line: 8, message: /^`pickle\.load` restores .*\(as does 1 other load of this file\)$/, related: 1 }],
    },
    {
      name: 'a path stored once in an attribute of self and loaded through it in other methods is the file that value names: one finding, linked',
      code: STORED_IN_ATTRIBUTE,
      output: STORED_IN_ATTRIBUTE.replace('torch.load(path)', 'torch.load(path, weights_only=True)')
        .replace('torch.load(self.best_path, map_location="cpu")', 'torch.load(self.best_path, map_location="cpu", weights_only=True)'),
      findings: [
        { line: 10, message: /^`torch\.load` without `weights_only=True`.*\(as does 1 other load of this file\)$/, related: 1 },
        { line: 26, message: /^`pickle\.load` restores .*\(as do 2 other loads of this file\)$/, related: 2 },
        { line: 44, message: /^`joblib\.load` restores .*\(as does 1 other load of this file\)$/, related: 1 },
      ],
    },
    {
      name: 'a path read from options an attribute of self holds by its one assignment, in two methods, is one file: one finding, linked',
      code: OPTIONS_IN_ATTRIBUTE,
      fixIndex: 1,
      output: OPTIONS_IN_ATTRIBUTE.replace('torch.load(self.cfg.model.checkpoint, map_location="cpu")', 'torch.load(self.cfg.model.checkpoint, map_location="cpu", weights_only=True)')
        .replace('torch.load(self.cfg.model.checkpoint)[', 'torch.load(self.cfg.model.checkpoint, weights_only=True)['),
      findings: [
        { line: 13, message: /^`pickle\.load` restores .*\(as do 2 other loads of this file\)$/, related: 2 },
        { line: 27, message: /^`torch\.load` without `weights_only=True`.*\(as does 1 other load of this file\)$/, related: 1 },
      ],
    },
    ...OPTIONS_REWRITTEN.map((code, i) => ({
      name: `a path read from options whose attribute may hold another path by the second read stays apart in two methods (${['the attribute assigned', 'setattr by a run-time name', 'vars(...).update', 'the attribute of self set twice'][i]})`,
      code,
      output: code.replace(/torch\.load\((self\.\w+\.\w+)\)/, 'torch.load($1, weights_only=True)'),
      findings: [[8, 12], [10, 13], [9, 13], [14, 17]][i].map((line) => ({ line, message: /^`torch\.load` without `weights_only=True`[^(]*\(the default[^(]*$/ })),
    })),
    {
      name: 'an attribute of self that the file sets in two places, or also on an object outside the class, may name two files: its loads stay apart',
      code: py`
        import os
        import joblib

        class ChurnService:
            def __init__(self, model_dir):
                self.model_dir = model_dir
                self.artifact = os.path.join(model_dir, "churn_rf.joblib")

            def use_version(self, tag):
                self.artifact, self.tag = os.path.join(self.model_dir, f"churn_{tag}.joblib"), tag

            def churn_risk(self, rows):
                booster = joblib.load(self.artifact)
                return booster.predict_proba(rows)[:, 1]

            def importances(self):
                booster = joblib.load(self.artifact)
                return dict(zip(self.columns, booster.feature_importances_))

        class RegionScorer:
            def setup(self):
                self.weights = os.path.join(self.model_dir, "region_gb.joblib")

            def predict(self, rows):
                return joblib.load(self.weights).predict(rows)

            def explain(self, rows):
                return joblib.load(self.weights).feature_importances_

        scorer = RegionScorer()
        scorer.weights = "models/region_gb_v2.joblib"
      `,
      findings: [
        { line: 13, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 17, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 25, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 28, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
      ],
    },
    {
      name: 'an attribute of self that two unrelated classes of the file each set once on their own self (also siblings of one base that sets nothing) names one file per class: one finding per class, linked',
      code: py`
        import pickle
        import joblib
        from sklearn.base import BaseEstimator

        class SpamFilter:
            def __init__(self, folder):
                self.model_file = folder + "/spam_svm.pkl"

            def score(self, docs):
                return joblib.load(self.model_file).score(docs)

            def predict(self, docs):
                return joblib.load(self.model_file).predict(docs)

        class TopicTagger(BaseEstimator):
            def __init__(self, folder):
                self.model_file = folder + "/tagger_lr.pkl"

            def tag(self, docs):
                with open(self.model_file, "rb") as fh:
                    model = pickle.load(fh)
                return model.predict(docs)

            def proba(self, docs):
                with open(self.model_file, "rb") as fh:
                    model = pickle.load(fh)
                return model.predict_proba(docs)

        class Detector:
            threshold = 0.5

        class ToxicityDetector(Detector):
            def setup(self):
                self.model_file = "models/toxicity_lgb.pkl"

            def flag(self, docs):
                return joblib.load(self.model_file).predict(docs)

            def rank(self, docs):
                return joblib.load(self.model_file).predict_proba(docs)

        class ReviewDetector(Detector):
            def setup(self):
                self.model_file = "models/fake_review_rf.pkl"

            def flag(self, docs):
                return joblib.load(self.model_file).predict(docs)
      `,
      findings: [
        { line: 10, message: /^`joblib\.load` restores .*\(as does 1 other load of this file\)$/, related: 1 },
        { line: 21, message: /^`pickle\.load` restores .*\(as does 1 other load of this file\)$/, related: 1 },
        { line: 37, message: /^`joblib\.load` restores .*\(as does 1 other load of this file\)$/, related: 1 },
        { line: 47, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
      ],
    },
    {
      name: 'an attribute of self that a base or a subclass of the class also sets, or that is also set on an instance from outside, may name two files: its loads stay apart',
      code: py`
        import joblib

        class Classifier:
            def __init__(self, folder):
                self.model_file = folder + "/base.pkl"

            def predict(self, docs):
                return joblib.load(self.model_file).predict(docs)

            def score(self, docs, y):
                return joblib.load(self.model_file).score(docs, y)

        class HashtagRecommender(Classifier):
            def use_fine_tuned(self):
                self.model_file = "models/hashtags_ft.pkl"

        class Clusterer:
            def __init__(self):
                self.model_path = "models/lda.pkl"

            def topics(self, docs):
                return joblib.load(self.model_path).transform(docs)

            def words(self):
                return joblib.load(self.model_path).components_

        class Embedder:
            def __init__(self):
                self.model_path = "models/embedder.pkl"

        clusterer = Clusterer()
        clusterer.model_path = "models/lda_v2.pkl"
      `,
      findings: [
        { line: 8, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 11, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 22, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 25, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
      ],
    },
    {
      name: 'an attribute of self read after its one assignment in the same method, or handed from there to a helper called once, names the file stored in it: one finding per file',
      code: SELF_ATTRIBUTE_ONE_FILE,
      output: SELF_ATTRIBUTE_ONE_FILE.replace(/torch\.load\((self\.resume_from|ckpt_path)\)/g, 'torch.load($1, weights_only=True)'),
      findings: [
        { line: 8, message: /\(as do 2 other loads of this file\)$/, related: 2 },
        { line: 19, message: /\(as does 1 other load of this file\)$/, related: 1 },
      ],
    },
    {
      name: 'an attribute read before its assignment in that method, one the file sets twice, and a helper called with two attributes stay apart',
      code: SELF_ATTRIBUTE_TWO_FILES,
      output: SELF_ATTRIBUTE_TWO_FILES.replace('torch.load(self.best_ckpt)', 'torch.load(self.best_ckpt, weights_only=True)'),
      findings: [
        { line: 6, message: /loaded$/ },
        { line: 8, message: /loaded$/ },
        { line: 18, message: /loaded$/ },
        { line: 21, message: /loaded$/ },
        { line: 29, message: /loaded$/ },
        { line: 32, message: /loaded$/ },
      ],
    },
    {
      name: 'one file tried with joblib first and torch as the fallback, or read by both one after the other, is one finding per file; another file stays apart',
      code: py`
        import joblib
        import pickle
        import torch

        def restore(model_path):
            try:
                return joblib.load(model_path)
            except Exception:
                return torch.load(model_path, map_location="cpu")

        def inspect(ckpt, model_path):
            raw = pickle.load(open(ckpt, "rb"))
            state = torch.load(ckpt)
            model = pickle.load(open(model_path, "rb"))
            return raw, state, model
      `,
      findings: [
        { line: 7, message: /^`joblib\.load` restores .*\(as does 1 other load of this file\)$/, related: 1 },
        { line: 12, message: /^`pickle\.load` restores .*\(as does 1 other load of this file\)$/, related: 1 },
        { line: 14, message: /^`pickle\.load` restores what it loads by unpickling[^(]*$/ },
      ],
    },
    {
      name: 'a model loaded from one of three files in the arms of an if chain counts the loads in its place without saying they share one branch',
      code: py`
        import torch

        if style == "classic":
            net.load_state_dict(torch.load("classic.pth"))
        elif style == "glove":
            if retrain:
                net.load_state_dict(torch.load("glove-base.pth"))
            else:
                net.load_state_dict(torch.load("glove-best.pth"))
      `,
      findings: [{ line: 4, message: /\(as do 2 loads in its place in branches other than its own, linked\)$/, related: 2 }],
      safety: 'unsafe',
      output: py`
        import torch

        if style == "classic":
            net.load_state_dict(torch.load("classic.pth", weights_only=True))
        elif style == "glove":
            if retrain:
                net.load_state_dict(torch.load("glove-base.pth", weights_only=True))
            else:
                net.load_state_dict(torch.load("glove-best.pth", weights_only=True))
      `,
    },
    {
      name: 'a module restored from one of two files, one through a name bound to the load and handed only to its load_state_dict: one finding',
      code: py`
        import torch
        from torch import nn

        class Detector(nn.Module):
            def load_weights(self, path, epoch=-1, device="cpu"):
                if epoch < 0:
                    params = torch.load(path, map_location=device)
                    self.load_state_dict(params)
                else:
                    self.load_state_dict(torch.load(f"{path}/model{epoch}.pth", map_location=device))
      `,
      findings: [{ line: 7, message: /\(as does a load in its place in another branch, linked\)$/, related: 1 }],
      safety: 'unsafe',
      output: py`
        import torch
        from torch import nn

        class Detector(nn.Module):
            def load_weights(self, path, epoch=-1, device="cpu"):
                if epoch < 0:
                    params = torch.load(path, map_location=device, weights_only=True)
                    self.load_state_dict(params)
                else:
                    self.load_state_dict(torch.load(f"{path}/model{epoch}.pth", map_location=device, weights_only=True))
      `,
    },
    {
      name: 'a model restored into one place from one of two files, one through a name bound to the load and read only for a part of it (keys, an attribute, a method): one finding',
      code: py`
        import torch

        if params["DOWNLOAD"]:
            state = torch.load(download_dir / "best_model.pt", map_location="cpu")
        else:
            checkpoint = torch.load(params["MODEL_DIR"], map_location="cpu")
            state = checkpoint["hyper_parameters"]["model"].state_dict()
        model.load_state_dict(state)
      `,
      findings: [
        { line: 4, message: /\(as does a load in its place in another branch, linked\)$/, related: 1 },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        if params["DOWNLOAD"]:
            state = torch.load(download_dir / "best_model.pt", map_location="cpu", weights_only=True)
        else:
            checkpoint = torch.load(params["MODEL_DIR"], map_location="cpu", weights_only=True)
            state = checkpoint["hyper_parameters"]["model"].state_dict()
        model.load_state_dict(state)
      `,
    },
    {
      name: 'a model restored into one name from one of two files, each arm predicting with it through a method handed the rows (predict_proba in one, predict in the other): one finding',
      code: py`
        import os
        import joblib

        if os.path.exists(calibrated_path):
            model = joblib.load(calibrated_path)
            y_proba = model.predict_proba(X_test)[:, 1]
        else:
            model = joblib.load(raw_path)
            raw_preds = model.predict(X_test)
            y_proba = expit(raw_preds)
      `,
      findings: [
        { line: 5, message: /\(as does a load in its place in another branch, linked\)$/, related: 1 },
      ],
    },
    {
      name: 'a model restored into one name from a cache in a branch that returns its scores, else from storage and predicting into a name: one finding',
      code: py`
        import os
        import pickle
        import joblib

        def score_validation(cache_path, store_path):
            if os.path.exists(cache_path):
                clf = joblib.load(cache_path)
                return clf.decision_function(X_val)
            clf = pickle.load(open(store_path, "rb"))
            labels = clf.predict(X_val)
            return labels
      `,
      findings: [
        { line: 7, message: /\(as does a load in its place in another branch, linked\)$/, related: 1 },
      ],
    },
    {
      name: 'the tuned model or the baseline loaded into two names, each scoring into one name in a try and its handler: one finding, through the scores',
      code: py`
        import pickle

        try:
            tuned = pickle.load(open("models/tuned_rf.pkl", "rb"))
            val_scores = tuned.decision_function(X_val)
        except FileNotFoundError:
            baseline = pickle.load(open("models/baseline_rf.pkl", "rb"))
            val_scores = baseline.predict_proba(X_val)[:, 1]
      `,
      findings: [
        { line: 4, message: /\(as does a load in its place in another branch, linked\)$/, related: 1 },
      ],
    },
    {
      name: 'two models loaded into two names in the arms of an if, each predicting into a name of its own: two findings',
      code: py`
        import joblib

        if use_calibrated:
            calibrated = joblib.load("models/calibrated.joblib")
            proba = calibrated.predict_proba(X_test)
        else:
            booster = joblib.load("models/raw_booster.joblib")
            margins = booster.predict(X_test)
      `,
      findings: [
        { line: 4, message: /^`joblib\.load` restores what it loads by unpickling.*saved it$/ },
        { line: 7, message: /^`joblib\.load` restores what it loads by unpickling.*saved it$/ },
      ],
    },
    {
      name: 'a module restored from one of two files, one through a name bound to the load whose one key its load_state_dict takes: one finding',
      code: py`
        import torch

        if args.resume:
            ckpt = torch.load(args.resume, map_location=device)
            detector.load_state_dict(ckpt["model"])
        else:
            detector.load_state_dict(torch.load(args.weights, map_location=device))
      `,
      findings: [
        { line: 4, message: /\(as does a load in its place in another branch, linked\)$/, related: 1 },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        if args.resume:
            ckpt = torch.load(args.resume, map_location=device, weights_only=True)
            detector.load_state_dict(ckpt["model"])
        else:
            detector.load_state_dict(torch.load(args.weights, map_location=device, weights_only=True))
      `,
    },
    {
      name: 'the best weights, or the last when they are missing, one read through a method of the loaded name: one finding',
      code: py`
        import torch

        try:
            saved = torch.load(best_path)
            weights = saved.get("model_state")
        except FileNotFoundError:
            weights = torch.load(last_path)
      `,
      findings: [
        { line: 4, message: /\(as does a load in its place in another branch, linked\)$/, related: 1 },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        try:
            saved = torch.load(best_path, weights_only=True)
            weights = saved.get("model_state")
        except FileNotFoundError:
            weights = torch.load(last_path, weights_only=True)
      `,
    },
    {
      name: 'a model restored by one of three flags, two checkpoints also read for the config the model is built from or the best score: one finding',
      code: py`
        import torch

        if args.prune_refine:
            checkpoint = torch.load(args.prune_refine)
            model = Net(cfg=checkpoint["cfg"])
            model.load_state_dict(checkpoint["state_dict"])
        elif args.refine:
            state_dict = torch.load(args.refine)
            model = Net()
            model.load_state_dict(state_dict)
        elif args.resume:
            checkpoint = torch.load(args.resume)
            model = Net()
            model.load_state_dict(checkpoint["state_dict"])
            best_acc = checkpoint["best_acc"]
      `,
      findings: [
        { line: 4, message: /\(as do 2 loads in its place in branches other than its own, linked\)$/, related: 2 },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        if args.prune_refine:
            checkpoint = torch.load(args.prune_refine, weights_only=True)
            model = Net(cfg=checkpoint["cfg"])
            model.load_state_dict(checkpoint["state_dict"])
        elif args.refine:
            state_dict = torch.load(args.refine, weights_only=True)
            model = Net()
            model.load_state_dict(state_dict)
        elif args.resume:
            checkpoint = torch.load(args.resume, weights_only=True)
            model = Net()
            model.load_state_dict(checkpoint["state_dict"])
            best_acc = checkpoint["best_acc"]
      `,
    },
    {
      name: 'a resumed checkpoint whose weights go into the module through a name and whose epoch is read, or the plain weights in the other arm: one finding',
      code: py`
        import torch

        if args.resume:
            ckpt = torch.load(args.resume, map_location="cpu")
            weights = ckpt["model"]
            net.load_state_dict(weights)
            start_epoch = ckpt["epoch"] + 1
        else:
            net.load_state_dict(torch.load(args.init, map_location="cpu"))
      `,
      findings: [
        { line: 4, message: /\(as does a load in its place in another branch, linked\)$/, related: 1 },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        if args.resume:
            ckpt = torch.load(args.resume, map_location="cpu", weights_only=True)
            weights = ckpt["model"]
            net.load_state_dict(weights)
            start_epoch = ckpt["epoch"] + 1
        else:
            net.load_state_dict(torch.load(args.init, map_location="cpu", weights_only=True))
      `,
    },
    {
      name: 'a teacher restored from a checkpoint read by .get for its weights and its accuracy, or from plain weights in the other arm: one finding',
      code: py`
        import torch

        if args.teacher_ckpt:
            saved = torch.load(args.teacher_ckpt)
            teacher.load_state_dict(saved.get("state_dict"))
            print("teacher accuracy", saved.get("acc"))
        else:
            teacher.load_state_dict(torch.load(args.teacher_weights))
      `,
      findings: [
        { line: 4, message: /\(as does a load in its place in another branch, linked\)$/, related: 1 },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        if args.teacher_ckpt:
            saved = torch.load(args.teacher_ckpt, weights_only=True)
            teacher.load_state_dict(saved.get("state_dict"))
            print("teacher accuracy", saved.get("acc"))
        else:
            teacher.load_state_dict(torch.load(args.teacher_weights, weights_only=True))
      `,
    },
    {
      name: 'a checkpoint whose parts go into the model and, through a name, into the scheduler, beside the plain weights in the other arm: each load its own finding',
      code: py`
        import torch

        if args.resume:
            ckpt = torch.load(args.resume)
            model.load_state_dict(ckpt["model"])
            sched_state = ckpt["scheduler"]
            scheduler.load_state_dict(sched_state)
        else:
            model.load_state_dict(torch.load(args.weights))
      `,
      findings: [
        { line: 4, message: /runs its code when loaded$/ },
        { line: 9, message: /runs its code when loaded$/ },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        if args.resume:
            ckpt = torch.load(args.resume, weights_only=True)
            model.load_state_dict(ckpt["model"])
            sched_state = ckpt["scheduler"]
            scheduler.load_state_dict(sched_state)
        else:
            model.load_state_dict(torch.load(args.weights))
      `,
    },
    {
      name: 'a checkpoint read for its weights and its epoch, then other weights loaded into the same model after it, not instead of it: each load its own finding',
      code: py`
        import torch

        ckpt = torch.load(args.resume)
        model.load_state_dict(ckpt["state_dict"])
        start_epoch = ckpt["epoch"]
        model.load_state_dict(torch.load(args.override))
      `,
      findings: [
        { line: 3, message: /runs its code when loaded$/ },
        { line: 6, message: /runs its code when loaded$/ },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        ckpt = torch.load(args.resume, weights_only=True)
        model.load_state_dict(ckpt["state_dict"])
        start_epoch = ckpt["epoch"]
        model.load_state_dict(torch.load(args.override))
      `,
    },
    {
      name: 'a checkpoint whose weights go into the model only inside an inner if, beside the plain weights in the other arm: each load its own finding',
      code: py`
        import torch

        if args.resume:
            ckpt = torch.load(args.resume)
            if ckpt["arch"] == args.arch:
                model.load_state_dict(ckpt["state_dict"])
            start_epoch = ckpt["epoch"]
        else:
            model.load_state_dict(torch.load(args.weights))
      `,
      findings: [
        { line: 4, message: /runs its code when loaded$/ },
        { line: 9, message: /runs its code when loaded$/ },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        if args.resume:
            ckpt = torch.load(args.resume, weights_only=True)
            if ckpt["arch"] == args.arch:
                model.load_state_dict(ckpt["state_dict"])
            start_epoch = ckpt["epoch"]
        else:
            model.load_state_dict(torch.load(args.weights))
      `,
    },
    {
      name: 'the loaded name read twice (the model, then the optimizer) beside a load into the module in the other arm: each load its own finding',
      code: py`
        import torch

        if args.resume:
            ckpt = torch.load(args.resume, map_location=device)
            detector.load_state_dict(ckpt["model"])
            optimizer.load_state_dict(ckpt["optimizer"])
        else:
            detector.load_state_dict(torch.load(args.weights, map_location=device))
      `,
      findings: [
        { line: 4, message: /runs its code when loaded$/ },
        { line: 8, message: /runs its code when loaded$/ },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        if args.resume:
            ckpt = torch.load(args.resume, map_location=device, weights_only=True)
            detector.load_state_dict(ckpt["model"])
            optimizer.load_state_dict(ckpt["optimizer"])
        else:
            detector.load_state_dict(torch.load(args.weights, map_location=device))
      `,
    },
    {
      name: 'a part of a load read into another name than the other arm loads into: each load its own finding',
      code: py`
        import torch

        if use_head:
            parts = torch.load(head_path)
            head = parts["head"]
        else:
            state = torch.load(full_path)
      `,
      findings: [
        { line: 4, message: /runs its code when loaded$/ },
        { line: 7, message: /runs its code when loaded$/ },
      ],
      safety: 'unsafe',
      output: py`
        import torch

        if use_head:
            parts = torch.load(head_path, weights_only=True)
            head = parts["head"]
        else:
            state = torch.load(full_path)
      `,
    },
    {
      name: 'a file moved into place that the program did not save, or moved before its save: a download unpacked into a folder, a backup of the previous run',
      code: py`
        import os
        import shutil
        import torch

        urllib.request.urlretrieve(WEIGHTS_URL, "download.pth")
        shutil.move("download.pth", "weights/pretrained.pth")
        backbone.load_state_dict(torch.load("weights/pretrained.pth"))
        os.rename("checkpoint.pth", "checkpoint.prev.pth")
        torch.save(model.state_dict(), "checkpoint.pth")
        previous = torch.load("checkpoint.prev.pth")
      `,
      findings: [
        { line: 7, message: /without `weights_only=True`.*runs its code when loaded$/ },
        { line: 10, message: /without `weights_only=True`.*runs its code when loaded$/ },
      ],
      safety: 'unsafe',
      output: py`
        import os
        import shutil
        import torch

        urllib.request.urlretrieve(WEIGHTS_URL, "download.pth")
        shutil.move("download.pth", "weights/pretrained.pth")
        backbone.load_state_dict(torch.load("weights/pretrained.pth", weights_only=True))
        os.rename("checkpoint.pth", "checkpoint.prev.pth")
        torch.save(model.state_dict(), "checkpoint.pth")
        previous = torch.load("checkpoint.prev.pth")
      `,
    },
    {
      name: 'a load a test expects to fail for another reason, or that runs before the statement expected to fail, and a model named for statistics that is used as one',
      code: py`
        import joblib
        import pytest

        def test_corrupt_model():
            with pytest.raises(ValueError):
                joblib.load("tests/data/corrupt_model.pkl")

        def test_second_load_missing():
            with pytest.raises(FileNotFoundError):
                model = joblib.load("models/model.pkl")
                joblib.load("models/missing.pkl")

        stats_model = joblib.load("models/stats_model.pkl")
        stats_model.predict(X)
      `,
      findings: [
        { line: 6, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 10, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 13, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
      ],
    },
    {
      name: 'the files of one training state restored in one list or dictionary are one finding; loads in two statements stay apart',
      code: py`
        import torch

        def load(self, path):
            state_dicts = [
                torch.load(f"{path}_generator.pt", map_location=self.device),
                torch.load(f"{path}_discriminator.pt", map_location=self.device),
                torch.load(f"{path}_generator_optimizer.pt", map_location=self.device),
            ]
            return state_dicts

        def resume(ckpt_dir):
            return {"model": torch.load(f"{ckpt_dir}/model.pt"), "optimizer": torch.load(f"{ckpt_dir}/optim.pt")}

        def two_statements(run_dir):
            model_state = torch.load(f"{run_dir}/best.pt")
            optimizer_state = torch.load(f"{run_dir}/adam.pt")
            return model_state, optimizer_state
      `,
      findings: [
        { line: 5, message: /\(as do 2 loads of other files made with it in one list, linked\)$/, related: 2 },
        { line: 12, message: /\(as does a load of another file made with it in one dictionary, linked\)$/, related: 1 },
        { line: 15, message: /runs its code when loaded$/ },
        { line: 16, message: /runs its code when loaded$/ },
      ],
      output: py`
        import torch

        def load(self, path):
            state_dicts = [
                torch.load(f"{path}_generator.pt", map_location=self.device, weights_only=True),
                torch.load(f"{path}_discriminator.pt", map_location=self.device, weights_only=True),
                torch.load(f"{path}_generator_optimizer.pt", map_location=self.device, weights_only=True),
            ]
            return state_dicts

        def resume(ckpt_dir):
            return {"model": torch.load(f"{ckpt_dir}/model.pt"), "optimizer": torch.load(f"{ckpt_dir}/optim.pt")}

        def two_statements(run_dir):
            model_state = torch.load(f"{run_dir}/best.pt")
            optimizer_state = torch.load(f"{run_dir}/adam.pt")
            return model_state, optimizer_state
      `,
    },
    {
      name: 'the message names the container the loads of one state are made in: a returned pair or a parenthesised tuple is a tuple, a bracketed one a list',
      code: py`
        import os
        import pickle
        import joblib

        MODEL_PATH = "models/kmeans.pkl"
        SCALER_PATH = "models/scaler.pkl"

        def load_local_model():
            if os.path.exists(MODEL_PATH) and os.path.exists(SCALER_PATH):
                return joblib.load(MODEL_PATH), joblib.load(SCALER_PATH)
            return None, None

        def load_pair(folder):
            pair = (pickle.load(open(f"{folder}/iforest_model.pkl", "rb")), pickle.load(open(f"{folder}/autoencoder_model.pkl", "rb")))
            return pair

        def load_listed(folder):
            return [joblib.load(f"{folder}/dbscan_model.pkl"), joblib.load(f"{folder}/pca_model.pkl")]

        def load_twice():
            first = (joblib.load("models/iso_model.pkl"), joblib.load("models/svm_model.pkl"))
            second = [joblib.load("models/iso_model.pkl"), joblib.load("models/lof_model.pkl")]
            return first, second
      `,
      findings: [
        { line: 10, message: /\(as does a load of another file made with it in one tuple, linked\)$/, related: 1 },
        { line: 14, message: /\(as does a load of another file made with it in one tuple, linked\)$/, related: 1 },
        { line: 18, message: /\(as does a load of another file made with it in one list, linked\)$/, related: 1 },
        { line: 21, message: /\(as do 1 other load of this file, and 2 loads of other files made with it in a list and a tuple, linked\)$/, related: 3 },
      ],
    },
    {
      name: 'an artifact bundle whose one entry a helper called from there alone restores is one finding; a helper called twice, or loading its own path, stays apart',
      code: py`
        import joblib
        from pathlib import Path


        def load_artifacts(base: Path):
            return {
                "scaler": joblib.load(base / "scaler.joblib"),
                "churn_model": _load_churn_model(base / "churn_best.joblib"),
                "ltv_model": joblib.load(base / "ltv_model.joblib"),
            }


        def _load_churn_model(path: Path):
            model = joblib.load(path)
            if not hasattr(model, "multi_class"):
                model.multi_class = "auto"
            return model


        def load_pair(folder):
            return [_restore(folder / "a_model.pkl"), joblib.load(folder / "b_model.pkl")]


        def load_other(folder):
            spare = _restore(folder / "c_model.pkl")
            return spare


        def _restore(model_path):
            return joblib.load(model_path)


        def load_bundle(folder):
            return (joblib.load(folder / "encoder.pkl"), _default_model(folder))


        def _default_model(folder):
            return joblib.load("models/default_model.pkl")
      `,
      findings: [
        { line: 7, message: /\(as do 2 loads of other files made with it in one dictionary, linked\)$/, related: 2 },
        { line: 21, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 30, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 34, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 38, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
      ],
    },
    {
      name: 'an app\'s loader writing each artifact into an entry of one cache dictionary restores one state: one finding; two dictionaries, or one written in two functions, stay apart',
      code: py`
        import pickle
        from pathlib import Path

        ml_path = Path(__file__).parent / "ml"
        _model_cache = {"model": None}


        def load_models():
            with open(ml_path / "best_house_price_model.pkl", "rb") as f:
                _model_cache["model"] = pickle.load(f)
            try:
                with open(ml_path / "property_type_encoder.pkl", "rb") as f:
                    _model_cache["property_type_encoder"] = pickle.load(f)
            except FileNotFoundError:
                _model_cache["property_type_encoder"] = None
            with open(ml_path / "city_encoder.pkl", "rb") as f:
                _model_cache["city_encoder"] = pickle.load(f)
            return _model_cache


        def load_other(state, spare):
            with open(ml_path / "ranker_model.pkl", "rb") as f:
                state["model"] = pickle.load(f)
            with open(ml_path / "scaler_model.pkl", "rb") as f:
                spare["model"] = pickle.load(f)


        def load_again():
            with open(ml_path / "backup_model.pkl", "rb") as f:
                _model_cache["model"] = pickle.load(f)
      `,
      findings: [
        { line: 10, message: /\(as do 2 loads of other files made with it in one dictionary, linked\)$/, related: 2 },
        { line: 23, message: /^`pickle\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 25, message: /^`pickle\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 30, message: /^`pickle\.load` restores what it loads by unpickling[^(]*$/ },
      ],
    },
    {
      name: 'feature files appended one by one to one list in one function (under their own ifs, through the load\'s own methods) restore one state: one finding per list; two lists, or two functions, stay apart',
      code: py`
        import numpy as np
        import torch
        import joblib


        def stack_features(base, test, wanted):
            base_parts = [base]
            test_parts = [test]
            if "acf" in wanted:
                base_parts.append(torch.load("feats/acf_base.pt").numpy().reshape(-1, 1))
                test_parts.append(torch.load("feats/acf_test.pt").numpy().reshape(-1, 1))
            if "skew" in wanted:
                base_parts.append(torch.load("feats/skew_base.pt").numpy().reshape(-1, 1))
                test_parts.append(torch.load("feats/skew_test.pt").numpy().reshape(-1, 1))
            if "hurst" in wanted:
                base_parts.append((torch.load("feats/hurst_base.pt")).numpy())
            return np.concatenate(base_parts, axis=1), np.concatenate(test_parts, axis=1)


        class Ensemble:
            def __init__(self, folder):
                self.members = []
                self.members.append(joblib.load(f"{folder}/forest_model.joblib"))
                self.members.append(joblib.load(f"{folder}/boosted_model.joblib"))

            def extend(self, folder):
                self.members.append(joblib.load(f"{folder}/extra_model.joblib"))


        def restore_pair():
            states = []
            states.append(torch.load("gen.pt")["state_dict"])
            states.append(torch.load("disc.pt")["state_dict"])
            return states
      `,
      findings: [
        { line: 10, message: /\(as do 2 loads of other files made with it in one list, linked\)$/, related: 2 },
        { line: 11, message: /\(as does a load of another file made with it in one list, linked\)$/, related: 1 },
        { line: 23, message: /\(as does a load of another file made with it in one list, linked\)$/, related: 1 },
        { line: 27, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 32, message: /\(as does a load of another file made with it in one list, linked\)$/, related: 1 },
      ],
      output: py`
        import numpy as np
        import torch
        import joblib


        def stack_features(base, test, wanted):
            base_parts = [base]
            test_parts = [test]
            if "acf" in wanted:
                base_parts.append(torch.load("feats/acf_base.pt", weights_only=True).numpy().reshape(-1, 1))
                test_parts.append(torch.load("feats/acf_test.pt").numpy().reshape(-1, 1))
            if "skew" in wanted:
                base_parts.append(torch.load("feats/skew_base.pt", weights_only=True).numpy().reshape(-1, 1))
                test_parts.append(torch.load("feats/skew_test.pt").numpy().reshape(-1, 1))
            if "hurst" in wanted:
                base_parts.append((torch.load("feats/hurst_base.pt", weights_only=True)).numpy())
            return np.concatenate(base_parts, axis=1), np.concatenate(test_parts, axis=1)


        class Ensemble:
            def __init__(self, folder):
                self.members = []
                self.members.append(joblib.load(f"{folder}/forest_model.joblib"))
                self.members.append(joblib.load(f"{folder}/boosted_model.joblib"))

            def extend(self, folder):
                self.members.append(joblib.load(f"{folder}/extra_model.joblib"))


        def restore_pair():
            states = []
            states.append(torch.load("gen.pt")["state_dict"])
            states.append(torch.load("disc.pt")["state_dict"])
            return states
      `,
    },
    {
      name: 'in a folder named for models, a file whose own name says nothing of what it holds, one that names a model beside its data, and a data file used as a model are still models',
      code: py`
        import pickle
        import joblib

        forest = joblib.load("models/rf.pkl")
        bundle = joblib.load("models/model_data.joblib")
        with open("model/background_data.pkl", "rb") as f:
            background = pickle.load(f)
        scores = background.predict_proba(X)
      `,
      findings: JOBLIB_JOBLIB_PICKLE_REPORTED,
    },
    {
      name: 'a singular sample after a model word, and a file of samples used as a model, are still models',
      code: py`
        import pickle

        model_sample = pickle.load(open("models/model_sample.pkl", "rb"))
        drawn = pickle.load(open("gan_model_samples.pkl", "rb"))
        scores = drawn.predict(X)
      `,
      findings: [{ line: 3 }, { line: 4 }],
    },
    {
      name: 'bytes a call produced from a file whose own name names a model, or from a call that names two files (which one is read is not known), or loaded into a name that says model before its format word, are still models',
      code: py`
        import pickle

        def resume(self, sess, checkpoints_path="checkpoints"):
            net = pickle.loads(sess.run(self.file_bytes, feed_dict={self.name_file: checkpoints_path + "/best_model.pkl"}))
            either = pickle.loads(sess.run(self.file_bytes, feed_dict={self.name_file: pick(checkpoints_path + "/a.pkl", checkpoints_path + "/b.pkl")}))
            model_pickle = pickle.loads(sess.run(self.file_bytes, feed_dict={self.name_file: checkpoints_path + "/net.pkl"}))
            return net, either, model_pickle
      `,
      findings: [
        { line: 4, message: /^`pickle\.loads` restores what it loads by unpickling/ },
        { line: 5, message: /^`pickle\.loads` restores what it loads by unpickling/ },
        { line: 6, message: /^`pickle\.loads` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a mapping or lookup that also names a model, a mapping or lookup file used as a model, and a pickled mapper object are still models',
      code: py`
        import pickle
        import joblib

        model_mapping = joblib.load("models/model_mapping.pkl")
        mapping = joblib.load("models/mapping.pkl")
        y_hat = mapping.predict(X)
        mapper = pickle.load(open("models/mapper.pkl", "rb"))
        model_lookup = joblib.load("models/model_lookup.pkl")
        lookup = joblib.load("models/lookup.pkl")
        y_hat = lookup.predict(X)
        knn = pickle.load(open("models/emp_lookup_knn_model.pkl", "rb"))
      `,
      findings: [
        ...JOBLIB_JOBLIB_PICKLE_REPORTED,
        { line: 8, message: /^`joblib\.load` restores/ },
        { line: 9, message: /^`joblib\.load` restores/ },
        { line: 11, message: /^`pickle\.load` restores/ },
      ],
    },
    {
      name: 'a stacker\'s meta-model, a meta-learner named by its file, and a metadata file used as a model are still models',
      code: py`
        import pickle
        import joblib

        meta_model = joblib.load("models/meta_model.pkl")
        learner = joblib.load("stacking/meta_learner_model.joblib")
        with open("saved/hes_meta.pkl", "rb") as f:
            hes_meta = pickle.load(f)
        risk = hes_meta.predict_proba(X)[:, 1]
      `,
      findings: JOBLIB_JOBLIB_PICKLE_REPORTED,
    },
    {
      name: 'a name that ends in a statistic but also names a model, a model named after the statistic it predicts, and a statistic file used as a model are still models',
      code: py`
        import os
        import joblib

        MODEL_DIR = os.path.join(os.path.dirname(__file__), "saved_models")
        model_std = joblib.load(os.path.join(MODEL_DIR, "xgb_std.pkl"))
        std_model = joblib.load(os.path.join(MODEL_DIR, "std_model.pkl"))
        spread = joblib.load(os.path.join(MODEL_DIR, "mean_regressor.pkl"))
        mean = joblib.load("models/mean.pkl")
        y_hat = mean.predict(X)
        hist_gb = joblib.load(os.path.join(MODEL_DIR, "hist_gb.pkl"))
      `,
      findings: [
        { line: 5, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 6, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 7, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 8, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 10, message: /^`joblib\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a make-and-model name beside another model word, a model named after the cars it prices, a table of car models used as a model, and a trained model in a models folder are still models',
      code: py`
        import pickle
        import joblib

        device_model_clf = joblib.load("artifacts/device_model_clf.joblib")
        model = pickle.load(open("car_model.pkl", "rb"))
        prices = joblib.load("car_price_model.pkl")
        car_model = joblib.load("cars/car_model_v2.pkl")
        y_hat = car_model.predict(X)
        table = joblib.load("models/phone_model.pkl")
        car_modeling = joblib.load("out/car_modeling.pkl")
      `,
      findings: [
        { line: 4, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 5, message: /^`pickle\.load` restores what it loads by unpickling/ },
        { line: 6, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 7, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 9, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 10, message: /^`joblib\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a mode or median that also names a model, a model named after the median it predicts, and a mode file used as a model are still models',
      code: py`
        import os
        import joblib

        DEPS = os.path.join("models", "dependencies")
        model_mode = joblib.load(os.path.join(DEPS, "city_mode.joblib"))
        median_model = joblib.load("models/median_model.pkl")
        q50 = joblib.load("models/median_regressor.joblib")
        city_mode = joblib.load(os.path.join(DEPS, "city_mode.joblib"))
        y_hat = city_mode.predict(X)
      `,
      findings: [
        { line: 5, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 6, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 7, message: /^`joblib\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a quantile regressor named in the singular, a percentiles file used as a model, a label encoder and pickled model classes are still models',
      code: py`
        import dill
        import joblib

        quantile_model = joblib.load("models/quantile_gbr.pkl")
        percentiles = joblib.load("models/percentiles.joblib")
        upper = percentiles.predict(X)
        label_encoder = joblib.load("models/label_encoder.joblib")
        le = joblib.load("models/labels_encoder.pkl")
        with open("models/model_classes.pkl", "rb") as f:
            model_classes = dill.load(f)
        agent = model_classes["MetaAgent"](env)
      `,
      findings: [
        { line: 4, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 5, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 7, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 8, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 10, message: /^`dill\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a matrix factorization model, weights under no array name, and a matrix used as a model are still models',
      code: py`
        import pickle
        import joblib

        matrix_model = joblib.load("models/matrix_factorization.pkl")
        weights = pickle.load(open("glove/weights.pickle", "rb"))
        with open("models/ranker_matrix.pkl", "rb") as f:
            score_matrix = pickle.load(f)
        ranked = score_matrix.predict(X)
      `,
      findings: [
        { line: 4, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 5, message: /^`pickle\.load` restores what it loads by unpickling/ },
        { line: 7, message: /^`pickle\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a list of models, a path word before a model word, and paths used as a model are still models',
      code: py`
        import pickle
        import joblib

        def ensemble_predict(X, model_dir):
            model_list = joblib.load(f"{model_dir}/model_list.pkl")
            return sum(m.predict(X) for m in model_list) / len(model_list)

        path_model = pickle.load(open("models/path_model.pkl", "rb"))
        ensemble_paths = pickle.load(open("models/ensemble_paths.pkl", "rb"))
        scores = ensemble_paths.predict(X)
      `,
      findings: [
        { line: 5, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 8, message: /^`pickle\.load` restores what it loads by unpickling/ },
        { line: 9, message: /^`pickle\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a singular output, a model under an outputs folder, a model word after outputs, and outputs used as a model are still models',
      code: py`
        import pickle
        import joblib

        def predict_meta(X_meta):
            with open("models/stacked_outputs.pkl", "rb") as f:
                stacked_outputs = pickle.load(f)
            return stacked_outputs.predict(X_meta)

        output = pickle.load(open("models/output.pkl", "rb"))
        clf = joblib.load("outputs/rf.pkl")
        outputs_model = pickle.load(open("models/outputs_model.pkl", "rb"))
      `,
      findings: [
        { line: 6, message: /^`pickle\.load` restores what it loads by unpickling/ },
        { line: 9, message: /^`pickle\.load` restores what it loads by unpickling/ },
        { line: 10, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 11, message: /^`pickle\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a label encoder and a model named beside a label mapping are still models',
      code: py`
        import pickle
        import joblib
        label_encoder = joblib.load("models/label_encoder.pkl")
        model = pickle.load(open("models/label_map_model.pkl", "rb"))
        labels = label_encoder.inverse_transform(model.predict(X))
      `,
      findings: [
        { line: 3, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 4, message: /^`pickle\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a pickled tokenizer, a model named beside a vocabulary, and a model kept under a vocabulary folder are still models',
      code: py`
        import pickle
        tokenizer = pickle.load(open("models/lstm/tokenizer.pkl", "rb"))
        model = pickle.load(open("models/vocab_model.pkl", "rb"))
        clf = pickle.load(open("vocab/clf.pkl", "rb"))
      `,
      findings: [
        { line: 2, message: /^`pickle\.load` restores what it loads by unpickling/ },
        { line: 3, message: /^`pickle\.load` restores what it loads by unpickling/ },
        { line: 4, message: /^`pickle\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a name bound to a load and used beyond one load_state_dict, or handed to another module, is a place of its own: each load is its own finding',
      code: OWN_PLACES,
      findings: [
        { line: 4, message: /without `weights_only=True`.*runs its code when loaded$/ },
        { line: 8, message: /without `weights_only=True`.*runs its code when loaded$/ },
        { line: 10, message: /without `weights_only=True`.*runs its code when loaded$/ },
        { line: 13, message: /without `weights_only=True`.*runs its code when loaded$/ },
      ],
      safety: 'unsafe',
      output: OWN_PLACES.replace('torch.load(warm_path)', 'torch.load(warm_path, weights_only=True)'),
    },
    {
      name: 'a file loaded in two arms of an if chain and another file in a third names both in one finding',
      code: py`
        import torch

        args = parser.parse_args()
        if "tascj" in args.detector:
            detector.load_state_dict(torch.load(args.detector))
        elif args.detector != "none":
            detector.load_state_dict(torch.load(args.detector))
        elif args.mlm != "none":
            detector.load_state_dict(torch.load(args.mlm))
      `,
      findings: [{ line: 5, message: /\(as do 1 other load of this file, and a load in its place in another branch, linked\)$/, related: 2 }],
      safety: 'unsafe',
      output: py`
        import torch

        args = parser.parse_args()
        if "tascj" in args.detector:
            detector.load_state_dict(torch.load(args.detector, weights_only=True))
        elif args.detector != "none":
            detector.load_state_dict(torch.load(args.detector, weights_only=True))
        elif args.mlm != "none":
            detector.load_state_dict(torch.load(args.mlm, weights_only=True))
      `,
    },
    {
      name: 'two files loaded one after the other into one name, or into two names in the arms of one if, stay two findings',
      code: py`
        import joblib

        model = joblib.load("models/forest.joblib")
        report(model, X_val)
        model = joblib.load("models/boosting.joblib")
        report(model, X_val)
        if use_calibrated:
            calibrated = joblib.load("models/calibrated.joblib")
        else:
            raw = joblib.load("models/raw.joblib")
      `,
      findings: [
        { line: 3, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 5, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 8, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
        { line: 10, message: /^`joblib\.load` restores what it loads by unpickling[^(]*$/ },
      ],
    },
    {
      name: 'a file an early-stopping object saves, loaded before the loop that calls it, or in the other arm of an `if`, after a call of another class\'s method of the same name: an earlier run\'s file',
      code: EARLY_STOPPING_ELSEWHERE,
      findings: [{ line: 16, message: /without `weights_only=True`.*\(as does 1 other load of this file\)/, related: 1 }],
      safety: 'unsafe',
      output: EARLY_STOPPING_ELSEWHERE.replaceAll('torch.load("checkpoint.pt")', 'torch.load("checkpoint.pt", weights_only=True)'),
    },
    {
      name: 'the file __init__ saves loaded by a static method, by another class, or saved by a method other than __init__, may be read before it is written',
      code: SAVED_BY_CONSTRUCTOR_ELSEWHERE,
      findings: [
        { line: 12, message: /without `weights_only=True`.*\(as does 1 other load of this file\)/, related: 1 },
        { line: 24, message: /without `weights_only=True`/ },
      ],
      safety: 'unsafe',
      output: SAVED_BY_CONSTRUCTOR_ELSEWHERE.replaceAll('torch.load(SNAPSHOT)', 'torch.load(SNAPSHOT, weights_only=True)'),
    },
    {
      name: 'a model joined into an array and also used as a model, or used only otherwise, is still a model',
      code: py`
        import numpy as np
        import pickle

        cnn_model = pickle.load(open("stage1/cnn_model.pkl", "rb"))
        weights = np.hstack((cnn_model, np.ones(3)))
        scores = cnn_model.predict(X_val)
        lstm_model = pickle.load(open("stage1/lstm_model.pkl", "rb"))
        report(lstm_model, X_val)
      `,
      findings: [
        { line: 4, message: /^`pickle\.load` restores what it loads by unpickling/ },
        { line: 7, message: /^`pickle\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'a FLAML search pickled to one file does not make a load of another file its own',
      code: py`
        import pickle
        from flaml import AutoML
        search = AutoML()
        search.fit(X_train, y_train, task="classification", time_budget=60)
        search.pickle("search.pkl")
        with open("shared/search.pkl", "rb") as f:
            search = pickle.load(f)
        search.predict(X_val)
      `,
      findings: [{ line: 7, message: /^`pickle\.load` restores what it loads by unpickling/ }],
    },
    {
      name: 'an in-memory buffer filled with downloaded bytes, or a new buffer around bytes from elsewhere, still holds a foreign pickle',
      code: py`
        import io
        import pickle
        import requests

        cache = io.BytesIO()
        cache.write(requests.get(MODEL_URL).content)
        model = pickle.load(io.BytesIO(cache.getvalue()))
        model.predict(X)
        clf = pickle.load(io.BytesIO(requests.get(CLF_URL).content))
        clf.predict(X)
        raw = cache.getvalue()
        scaler = pickle.load(io.BytesIO(raw))
        scaler.transform(X)
      `,
      findings: [
        { line: 7, related: 1, message: /^`pickle\.load` restores what it loads by unpickling.*\(as does 1 other load of this file\)$/ },
        { line: 9, message: /^`pickle\.load` restores what it loads by unpickling/ },
      ],
    },
    {
      name: 'weights streamed from remote storage into a file the program opened for writing are still a foreign file when loaded',
      code: STREAMED_WEIGHTS,
      findings: [{ line: 9, message: /^`torch\.load` without `weights_only=True`/ }],
      output: STREAMED_WEIGHTS.replace('map_location="cpu")', 'map_location="cpu", weights_only=True)'),
    },
    {
      name: 'a task fed a model file from outside the workflow, once beside its own save, and a typed file around a path nothing saved',
      code: py`
        import joblib
        from flytekit import task, workflow
        from flytekit.types.file import JoblibSerializedFile

        @task
        def fit_ridge(frame: pd.DataFrame) -> JoblibSerializedFile:
            reg = Ridge(alpha=0.5).fit(frame[["x"]], frame["y"])
            joblib.dump(reg, "ridge.joblib")
            return JoblibSerializedFile(path="ridge.joblib")

        @task
        def score_ridge(model_file: JoblibSerializedFile, frame: pd.DataFrame) -> float:
            reg = joblib.load(model_file)
            return reg.score(frame[["x"]], frame["y"])

        @task
        def released() -> JoblibSerializedFile:
            return JoblibSerializedFile(path=fetch("s3://models/ridge-v3.joblib"))

        @task
        def predict_with(model_file: JoblibSerializedFile, frame: pd.DataFrame) -> list:
            model = joblib.load(model_file)
            return list(model.predict(frame[["x"]]))

        @workflow
        def compare(frame: pd.DataFrame, baseline: JoblibSerializedFile) -> float:
            mine = score_ridge(model_file=fit_ridge(frame=frame), frame=frame)
            theirs = score_ridge(model_file=baseline, frame=frame)
            return predict_with(model_file=released(), frame=frame)
      `,
      findings: [{ line: 13, message: /`joblib.load` restores/ }, { line: 22, message: /`joblib.load` restores/ }],
    },
    {
      name: 'a fixture that downloads what the test loads, a path worked out again by a call after the save, and a helper that only names a path',
      code: FOREIGN_BESIDE_OWN,
      findings: [{ line: 11, message: /without `weights_only=True`/ }, { line: 17, message: /without `weights_only=True`/ }, { line: 24, message: /without `weights_only=True`/ }],
      output: FOREIGN_BESIDE_OWN.replace('torch.load(released_path)', 'torch.load(released_path, weights_only=True)'),
    },
    {
      name: 'torch.load without weights_only: the fix adds it',
      code: py`
        import torch
        state = torch.load("checkpoint.pt", map_location="cpu")
      `,
      findings: [{ line: 2, column: 9, message: /without `weights_only=True`/ }],
      safety: 'unsafe',
      output: py`
        import torch
        state = torch.load("checkpoint.pt", map_location="cpu", weights_only=True)
      `,
    },
    {
      name: 'a fallback that drops the caller\'s weights-only choice, and a flag that is not the weights-only choice',
      code: py`
        import torch

        def load_state(path, weights_only=True):
            try:
                return torch.load(path, weights_only=weights_only)
            except TypeError:
                return torch.load(path)

        def load_weights(path, use_safetensors=True):
            if not use_safetensors:
                return torch.load(path)
            return load_file(path)
      `,
      findings: [{ line: 7, message: /without `weights_only=True`/ }, { line: 11, message: /without `weights_only=True`/ }],
      output: py`
        import torch

        def load_state(path, weights_only=True):
            try:
                return torch.load(path, weights_only=weights_only)
            except TypeError:
                return torch.load(path, weights_only=True)

        def load_weights(path, use_safetensors=True):
            if not use_safetensors:
                return torch.load(path)
            return load_file(path)
      `,
    },
    {
      name: 'a fallback in a handler that also catches a refused file, or in an except TypeError handler that loads another file, still unpickles',
      code: REFUSED_FILE_FALLBACKS,
      safety: 'unsafe',
      output: REFUSED_FILE_FALLBACKS.replace('torch.load(path)', 'torch.load(path, weights_only=True)'),
      findings: [
        { line: 8, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 14, message: /^`torch\.load` without `weights_only=True`/ },
        { line: 19, message: /^`torch\.load` without `weights_only=True`/ },
      ],
    },
    {
      name: 'an unrestricted fallback with no opt-in, behind a test of the file itself, or opted into with no safe load of that file',
      code: py`
        import os
        import torch

        def restore(ckpt_file):
            try:
                return torch.load(ckpt_file, weights_only=True)
            except Exception:
                return torch.load(ckpt_file, weights_only=False)

        def load_detector(weights):
            try:
                return torch.load(weights, weights_only=True)
            except RuntimeError:
                if not str(weights).endswith(".pt"):
                    raise
                return torch.load(weights, weights_only=False)

        def load_legacy(path, other):
            safe = torch.load(other, weights_only=True)
            if os.environ.get("LEGACY_FORMAT"):
                return torch.load(path, weights_only=False)
            return safe
      `,
      findings: [{ line: 8, message: /weights_only=False/ }, { line: 16, message: /weights_only=False/ }, { line: 21, message: /weights_only=False/ }],
      output: py`
        import os
        import torch

        def restore(ckpt_file):
            try:
                return torch.load(ckpt_file, weights_only=True)
            except Exception:
                return torch.load(ckpt_file, weights_only=True)

        def load_detector(weights):
            try:
                return torch.load(weights, weights_only=True)
            except RuntimeError:
                if not str(weights).endswith(".pt"):
                    raise
                return torch.load(weights, weights_only=False)

        def load_legacy(path, other):
            safe = torch.load(other, weights_only=True)
            if os.environ.get("LEGACY_FORMAT"):
                return torch.load(path, weights_only=False)
            return safe
      `,
    },
    {
      name: 'weights_only=False explicitly',
      code: py`
        import torch as T
        ckpt = T.load(path, weights_only=False)
      `,
      findings: [{ line: 2, message: /weights_only=False/ }],
      output: py`
        import torch as T
        ckpt = T.load(path, weights_only=True)
      `,
    },
    {
      name: 'joblib.load of a model file, pickle.load into a model name',
      code: py`
        import joblib, pickle
        clf = joblib.load("artifacts/clf.joblib")
        with open(PATH, "rb") as f:
            model = pickle.load(f)
      `,
      findings: [{ line: 2, message: /joblib\.load/ }, { line: 4, message: /pickle\.load/ }],
      noFix: true,
    },
    {
      name: 'a pickled SHAP explainer keeps the model inside it, and a model beside its SHAP values is still a model',
      code: py`
        import pickle
        import joblib

        explainer = joblib.load("models/xgb_shap_explainer.pkl")
        shap_values = explainer.shap_values(X_test)
        with open("models/D3/model_0/reg_dnn_0.00/model.pkl", "rb") as fh:
            dnn = pickle.load(fh)
      `,
      findings: [{ line: 4, message: /joblib\.load/ }, { line: 7, message: /pickle\.load/ }],
      noFix: true,
    },
    {
      name: 'a downloaded model loaded only when the installed library is the version that saved it: unpickling, but no silent version dependency',
      code: py`
        import joblib
        import sklearn
        from urllib.request import urlopen
        from sklearn.ensemble import GradientBoostingClassifier

        SAVED_WITH = "1.3.2"
        WEIGHTS_URL = "https://example.org/models/churn_gbc.joblib"

        def fitted_model(download=True):
            if download and (sklearn.__version__ == SAVED_WITH):
                with urlopen(WEIGHTS_URL) as stream:
                    model = joblib.load(stream)
            else:
                model = GradientBoostingClassifier(random_state=0).fit(*training_rows())
            return model

        def legacy_model(path):
            if sklearn.__version__.startswith("0."):
                raise RuntimeError("too old")
            elif sklearn.__version__ == SAVED_WITH:
                model = joblib.load(path)
                return model
            return None
      `,
      findings: [
        { line: 12, message: /^`joblib\.load` restores what it loads by unpickling, which runs whatever code the file contains$/ },
        { line: 21, message: /^`joblib\.load` restores what it loads by unpickling, which runs whatever code the file contains$/ },
      ],
      noFix: true,
    },
    {
      name: 'scikit-learn\'s version warning caught around the load and raised, or made an error before it: unpickling, but no silent version dependency; a warning filter for another category still is',
      code: py`
        import warnings
        import joblib
        from sklearn.exceptions import InconsistentVersionWarning

        def load_pipeline(path):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", InconsistentVersionWarning)
                model = joblib.load(path)
            for warning in caught:
                if isinstance(warning.message, InconsistentVersionWarning):
                    raise RuntimeError("saved with another scikit-learn")
            return model

        def load_strict(path):
            warnings.simplefilter("error", InconsistentVersionWarning)
            model = joblib.load(path)
            return model

        def load_quiet(path):
            with warnings.catch_warnings(record=True):
                # InconsistentVersionWarning is silenced here, not checked
                warnings.simplefilter("ignore")
                model = joblib.load(path)
            return model
      `,
      findings: [
        { line: 8, message: /^`joblib\.load` restores what it loads by unpickling, which runs whatever code the file contains$/ },
        { line: 16, message: /^`joblib\.load` restores what it loads by unpickling, which runs whatever code the file contains$/ },
        { line: 23, message: /silently depends on the exact library versions/ },
      ],
    },
    {
      name: 'a version test that does not hold around the load (a lower bound, an `or`, the other branch) still leaves it silent',
      code: py`
        import joblib
        import sklearn

        def restore(path, force=False):
            if sklearn.__version__ >= "1.3":
                clf = joblib.load(path)
            if force or sklearn.__version__ == "1.3.2":
                model = joblib.load(path + ".bak")
            if sklearn.__version__ == "1.3.2":
                print("same version")
            else:
                estimator = joblib.load(path + ".old")
            return clf, model, estimator
      `,
      findings: [
        { line: 6, message: /silently depends on the exact library versions/ },
        { line: 8, message: /silently depends on the exact library versions/ },
        { line: 12, message: /silently depends on the exact library versions/ },
      ],
      noFix: true,
    },
    {
      name: 'the loaded object is used as a model',
      code: py`
        import pickle
        obj = pickle.load(open("thing.bin", "rb"))
        y = obj.predict(X)
      `,
      findings: [{ line: 2 }],
    },
    {
      name: 'a load stored as an attribute or as an entry of a collection, whose name says it holds a model, an encoder or models',
      code: py`
        import joblib
        import pickle

        class Predictor:
            def __init__(self, folder):
                self.encoder = joblib.load(f"{folder}/enc.pkl")
                self.models = {}
                for name in ("svm", "forest"):
                    with open(f"{folder}/{name}.pkl", "rb") as f:
                        self.models[name] = pickle.load(f)

        ensemble = {}
        for name in ("a.pkl", "b.pkl"):
            with open(name, "rb") as f:
                ensemble[name] = pickle.load(f)
        models = {}
        for name in ("a.pkl", "b.pkl"):
            with open(name, "rb") as f:
                models[name] = pickle.load(f)
        result = {}
        result["scaler"] = joblib.load("artifacts/s.joblib")
      `,
      findings: [{ line: 6, message: /joblib\.load/ }, { line: 10, message: /pickle\.load/ }, { line: 19, message: /pickle\.load/ }, { line: 21, message: /joblib\.load/ }],
      noFix: true,
    },
    {
      name: 'a model under a models directory, and a file named for a summary that is used as a model',
      code: py`
        import joblib, pickle
        bundle = pickle.load(open("models/churn_v3.pkl", "rb"))
        summary = joblib.load("models/summary.joblib")
        y = summary.predict(X)
      `,
      findings: [{ line: 2, message: /pickle\.load/ }, { line: 3, message: /joblib\.load/ }],
      noFix: true,
    },
    {
      name: 'a model beside its column list in a models directory, and a file named for features that is used as a model',
      code: py`
        import joblib
        pipeline = joblib.load("models/churn_pipeline.pkl")
        model_features = joblib.load("models/features.pkl")
        features_selector = joblib.load("models/features_selector.pkl")
        reduced = features_selector.transform(frame[model_features])
      `,
      findings: [{ line: 2, message: /joblib\.load/ }, { line: 4, message: /joblib\.load/ }],
      noFix: true,
    },
    {
      name: 'a model file whose path is read out of a configuration, or a configuration used as a model, is still reported',
      code: py`
        import pickle
        import joblib
        clf = pickle.load(open(config["model_path"], "rb"))
        estimator = joblib.load(os.path.join(args.out_dir, "estimator.joblib"))
        cfg = joblib.load("models/cfg.joblib")
        labels = cfg.predict(X)
      `,
      findings: [{ line: 3 }, { line: 4 }, { line: 5 }],
    },
    {
      name: 'a name that says model and data, or information about a model, is still reported when the object is used as a model, and a model named so, also from a file named for information',
      code: py`
        import pickle, joblib
        model_array = pickle.load(open("bundle.pkl", "rb"))
        y = model_array.predict(X)
        model = pickle.load(open("lstm_array_v2.pkl", "rb"))
        model_info = pickle.load(open("models/model_info.pkl", "rb"))
        actions = model_info.predict(states)
        policy_model = pickle.load(open("models/run_info.pkl", "rb"))
        model_df = pickle.load(open("model_df.pkl", "rb"))
        prices = model_df.predict(X)
        model_data = joblib.load("models/model_data.joblib")
        frame_model = pickle.load(open("frames/frame_model.pkl", "rb"))
      `,
      findings: [{ line: 2 }, { line: 4 }, { line: 5 }, { line: 7 }, { line: 8 }, { line: 10 }, { line: 11 }],
    },
    {
      name: 'used as a model even though its file is named after probabilities',
      code: py`
        import joblib
        calibrator = joblib.load("proba_calibration.joblib")
        calibrated = calibrator.transform(raw_scores)
      `,
      findings: [{ line: 2 }],
    },
    {
      name: 'a cache: loaded when it exists, saved otherwise (an earlier run may have written it)',
      code: py`
        import os, torch
        if os.path.exists(cached_features_file):
            features = torch.load(cached_features_file)
        else:
            features = build(examples)
            torch.save(features, cached_features_file)
      `,
      findings: [{ line: 3, message: /without `weights_only=True`/ }],
      output: py`
        import os, torch
        if os.path.exists(cached_features_file):
            features = torch.load(cached_features_file, weights_only=True)
        else:
            features = build(examples)
            torch.save(features, cached_features_file)
      `,
    },
    {
      name: 'a cache tested in every pass of a loop: its other arm may read what an earlier run left',
      code: CACHE_IN_LOOP,
      findings: [{ line: 8, message: /without \`weights_only=True\`/ }],
      output: weightsOnly(CACHE_IN_LOOP, 'features_file'),
    },
    {
      name: 'arms of an `if` in a loop whose path is bound in the loop: each pass names another file',
      code: PATH_BOUND_PER_PASS,
      findings: [{ line: 9, message: /without \`weights_only=True\`/ }],
      output: weightsOnly(PATH_BOUND_PER_PASS, 'path'),
    },
    {
      name: 'a load in the `if` arm above the save in the `else` arm of a loop: the first pass may read an earlier run\'s file',
      code: LOAD_ARM_ABOVE_SAVE,
      findings: [{ line: 5, message: /without \`weights_only=True\`/ }],
      output: weightsOnly(LOAD_ARM_ABOVE_SAVE, 'ckpt_path'),
    },
    {
      name: 'a settings entry other than the one the training function saves to is a file from elsewhere',
      code: [
        'import torch\nfrom torch import nn\n\nsettings = {"save_path": "./models/best.ckpt", "teacher_path": "./downloads/teacher.ckpt"}\n',
        'def fit(net, settings):\n    torch.save(net.state_dict(), settings["save_path"])\n',
        'net = nn.Linear(16, 4)\nfit(net, settings)\nteacher = nn.Linear(16, 4)\nteacher.load_state_dict(torch.load(settings["teacher_path"]))\n',
      ],
      findings: [{ cell: 2, line: 4, message: /without `weights_only=True`/ }],
      safety: 'unsafe',
      output: [
        'import torch\nfrom torch import nn\n\nsettings = {"save_path": "./models/best.ckpt", "teacher_path": "./downloads/teacher.ckpt"}\n',
        'def fit(net, settings):\n    torch.save(net.state_dict(), settings["save_path"])\n',
        'net = nn.Linear(16, 4)\nfit(net, settings)\nteacher = nn.Linear(16, 4)\nteacher.load_state_dict(torch.load(settings["teacher_path"], weights_only=True))\n',
      ],
    },
    {
      name: 'a settings entry written over before the load may name another file than the one saved',
      code: [
        'import torch\nfrom torch import nn\n\nsettings = {"save_path": "./models/best.ckpt"}\n',
        'def fit(net, settings):\n    torch.save(net.state_dict(), settings["save_path"])\n',
        'net = nn.Linear(16, 4)\nfit(net, settings)\nsettings["save_path"] = "./shared/other.ckpt"\nnet.load_state_dict(torch.load(settings["save_path"]))\n',
      ],
      findings: [{ cell: 2, line: 4, message: /without `weights_only=True`/ }],
      safety: 'unsafe',
      output: [
        'import torch\nfrom torch import nn\n\nsettings = {"save_path": "./models/best.ckpt"}\n',
        'def fit(net, settings):\n    torch.save(net.state_dict(), settings["save_path"])\n',
        'net = nn.Linear(16, 4)\nfit(net, settings)\nsettings["save_path"] = "./shared/other.ckpt"\nnet.load_state_dict(torch.load(settings["save_path"], weights_only=True))\n',
      ],
    },
    {
      name: 'a load helper called once on the saved file and once on a file from elsewhere',
      code: [
        'import torch\n\ndef load_checkpoint(filepath):\n    return torch.load(filepath)\n',
        'torch.save(model.state_dict(), "checkpoint.pth")\nmodel.load_state_dict(load_checkpoint("checkpoint.pth"))\npretrained = load_checkpoint("downloaded/resnet.pth")\n',
      ],
      findings: [{ cell: 0, line: 4, message: /without `weights_only=True`/ }],
      safety: 'unsafe',
      output: [
        'import torch\n\ndef load_checkpoint(filepath):\n    return torch.load(filepath, weights_only=True)\n',
        'torch.save(model.state_dict(), "checkpoint.pth")\nmodel.load_state_dict(load_checkpoint("checkpoint.pth"))\npretrained = load_checkpoint("downloaded/resnet.pth")\n',
      ],
    },
    {
      name: 'a helper reading under a passed folder, called before the save, or also on a folder nothing saved into, or reading a file the save did not write',
      code: RELOADED_UNDER_OTHER_FOLDER,
      findings: [
        { line: 6, message: /^`joblib\.load` restores what it loads by unpickling/ },
        { line: 16, message: /^`joblib\.load` restores what it loads by unpickling/ },
      ],
      noFix: true,
    },
    {
      name: 'a load helper called before the file is saved (a resume from an earlier run)',
      code: py`
        import torch
        def restore(path):
            return torch.load(path)
        net.load_state_dict(restore("net.pt"))
        torch.save(net.state_dict(), "net.pt")
      `,
      findings: [{ line: 3, message: /without `weights_only=True`/ }],
      safety: 'unsafe',
      output: py`
        import torch
        def restore(path):
            return torch.load(path, weights_only=True)
        net.load_state_dict(restore("net.pt"))
        torch.save(net.state_dict(), "net.pt")
      `,
    },
    {
      name: 'one checkpoint loaded in both arms of a CPU/GPU branch: one finding, whose fix makes both loads safe',
      code: py`
        import torch
        CKPT = "weights/best.pt"
        if torch.cuda.is_available():
            state = torch.load(CKPT)
        else:
            state = torch.load(CKPT, map_location="cpu")
        model.load_state_dict(state)
      `,
      findings: [{ line: 4, message: /without `weights_only=True`.*\(as does 1 other load of this file\)/, related: 1 }],
      safety: 'unsafe',
      output: py`
        import torch
        CKPT = "weights/best.pt"
        if torch.cuda.is_available():
            state = torch.load(CKPT, weights_only=True)
        else:
            state = torch.load(CKPT, map_location="cpu", weights_only=True)
        model.load_state_dict(state)
      `,
    },
    {
      name: 'one path text built over the parameter of two functions no call settles (a joined name, an f-string, an attribute of parsed arguments) may name two files: each load is its own finding',
      code: py`
        import os
        import torch
        def test(category):
            ckpt_path = "./checkpoints/" + "wres50_" + category + ".pth"
            ckpt = torch.load(ckpt_path)
            return ckpt["decoder"]
        def visualize(category):
            ckpt_path = "./checkpoints/" + "wres50_" + category + ".pth"
            ckpt = torch.load(ckpt_path)
            return ckpt["bn"]
        def export(name):
            return torch.load(f"weights/{name}_student.pt")
        def score(name):
            return torch.load(f"weights/{name}_student.pt")
        def evaluate(args):
            return torch.load(os.path.join(args.save_dir, "best.pt"))
        def sweep(args):
            return torch.load(os.path.join(args.save_dir, "best.pt"))
      `,
      findings: [5, 9, 12, 14, 16, 18].map((line) => ({ line, related: 0 })),
      safety: 'unsafe',
      output: py`
        import os
        import torch
        def test(category):
            ckpt_path = "./checkpoints/" + "wres50_" + category + ".pth"
            ckpt = torch.load(ckpt_path, weights_only=True)
            return ckpt["decoder"]
        def visualize(category):
            ckpt_path = "./checkpoints/" + "wres50_" + category + ".pth"
            ckpt = torch.load(ckpt_path)
            return ckpt["bn"]
        def export(name):
            return torch.load(f"weights/{name}_student.pt")
        def score(name):
            return torch.load(f"weights/{name}_student.pt")
        def evaluate(args):
            return torch.load(os.path.join(args.save_dir, "best.pt"))
        def sweep(args):
            return torch.load(os.path.join(args.save_dir, "best.pt"))
      `,
    },
    {
      name: 'the same path text over one parameter in one function, over parameters every call of the two functions passes one value, or over parameters left at one default, is one file: one finding each',
      code: py`
        import os
        import torch
        def restore(category, device):
            if device == "cpu":
                state = torch.load("./checkpoints/wres50_" + category + ".pth", map_location="cpu")
            else:
                state = torch.load("./checkpoints/wres50_" + category + ".pth")
            return state
        def test(category):
            return torch.load(f"weights/{category}_student.pt")["auroc"]
        def visualize(category):
            return torch.load(f"weights/{category}_student.pt")["maps"]
        for name in ["bottle", "cable"]:
            test(name)
            visualize(name)
        class Runner:
            def resume(self, checkpoint_name="model"):
                return torch.load(os.path.join(self.checkpoint_dir, checkpoint_name + ".pth"))["net"]
            def resume_optimizer(self, checkpoint_name="model"):
                return torch.load(os.path.join(self.checkpoint_dir, checkpoint_name + ".pth"))["optimizer"]
      `,
      findings: [{ line: 5, related: 1 }, { line: 10, related: 1 }, { line: 18, related: 1 }],
      safety: 'unsafe',
      output: py`
        import os
        import torch
        def restore(category, device):
            if device == "cpu":
                state = torch.load("./checkpoints/wres50_" + category + ".pth", map_location="cpu", weights_only=True)
            else:
                state = torch.load("./checkpoints/wres50_" + category + ".pth", weights_only=True)
            return state
        def test(category):
            return torch.load(f"weights/{category}_student.pt")["auroc"]
        def visualize(category):
            return torch.load(f"weights/{category}_student.pt")["maps"]
        for name in ["bottle", "cable"]:
            test(name)
            visualize(name)
        class Runner:
            def resume(self, checkpoint_name="model"):
                return torch.load(os.path.join(self.checkpoint_dir, checkpoint_name + ".pth"))["net"]
            def resume_optimizer(self, checkpoint_name="model"):
                return torch.load(os.path.join(self.checkpoint_dir, checkpoint_name + ".pth"))["optimizer"]
      `,
    },
    {
      name: 'two different checkpoints, and one path from a parameter in two functions: each load is its own finding',
      code: py`
        import torch
        generator.load_state_dict(torch.load("saved/generator.pth"))
        critic.load_state_dict(torch.load("saved/critic.pth"))
        def restore_encoder(path):
            return torch.load(path, map_location="cpu")
        def restore_decoder(path):
            return torch.load(path, map_location="cpu")
      `,
      findings: [{ line: 2, related: 0 }, { line: 3, related: 0 }, { line: 5, related: 0 }, { line: 7, related: 0 }],
      safety: 'unsafe',
      output: py`
        import torch
        generator.load_state_dict(torch.load("saved/generator.pth", weights_only=True))
        critic.load_state_dict(torch.load("saved/critic.pth"))
        def restore_encoder(path):
            return torch.load(path, map_location="cpu")
        def restore_decoder(path):
            return torch.load(path, map_location="cpu")
      `,
    },
    {
      name: 'one checkpoint loaded in two cells: the fix makes both loads safe',
      code: [
        'import torch\nstate = torch.load("runs/last.ckpt")\n',
        'state = torch.load("runs/last.ckpt", map_location="cpu")\n',
      ],
      findings: [{ cell: 0, line: 2, related: 1 }],
      output: [
        'import torch\nstate = torch.load("runs/last.ckpt", weights_only=True)\n',
        'state = torch.load("runs/last.ckpt", map_location="cpu", weights_only=True)\n',
      ],
    },
    {
      name: 'one checkpoint named by the command line, loaded in both arms of a device check: one finding',
      code: py`
        import argparse, torch
        parser = argparse.ArgumentParser()
        parser.add_argument("--model")
        args = parser.parse_args()
        if args.cpu:
            state = torch.load(args.model, map_location="cpu")
        else:
            state = torch.load(args.model)
        net.load_state_dict(state)
      `,
      findings: [{ line: 6, related: 1 }],
      output: py`
        import argparse, torch
        parser = argparse.ArgumentParser()
        parser.add_argument("--model")
        args = parser.parse_args()
        if args.cpu:
            state = torch.load(args.model, map_location="cpu", weights_only=True)
        else:
            state = torch.load(args.model, weights_only=True)
        net.load_state_dict(state)
      `,
    },
    {
      name: 'a name bound to a settings entry or an attribute chain names the file that read names: one finding with the loads of the read itself',
      code: NAME_BOUND_TO_READ,
      findings: [
        { line: 5, message: /\(as does 1 other load of this file\)/, related: 1 },
        { line: 9, message: /\(as does 1 other load of this file\)/, related: 1 },
      ],
      output: NAME_BOUND_TO_READ.replace(/weights_only=False/g, 'weights_only=True'),
    },
    {
      name: 'a name bound to another entry, or to the chain before its object is bound again, names another file: the loads stay apart',
      code: NAMES_OF_OTHER_FILES,
      findings: [
        { line: 5, related: 0 },
        { line: 6, related: 0 },
        { line: 12, related: 0 },
        { line: 14, related: 0 },
      ],
      output: NAMES_OF_OTHER_FILES.replace('weights_only=False', 'weights_only=True'),
    },
    {
      name: 'one checkpoint path converted to a string in both arms of a distributed check: one finding; two converted paths stay apart',
      code: py`
        import torch
        import torch.distributed as dist

        def resume(net, opt, run_dir, tag):
            if dist.is_initialized():
                weights = run_dir / f"{tag}_weights.pt"
                net.load_state_dict(torch.load(weights.absolute().as_posix(), map_location="cpu"))
            else:
                weights = run_dir / f"{tag}_weights.pt"
                net.load_state_dict(torch.load(weights.absolute().as_posix()))
            opt.load_state_dict(torch.load(str((run_dir / "optim.pt").resolve())))
            opt.load_state_dict(torch.load((run_dir / "optim_old.pt").resolve().as_posix()))
      `,
      findings: [
        { line: 7, message: /\(as does 1 other load of this file\)/, related: 1 },
        { line: 11, related: 0 },
        { line: 12, related: 0 },
      ],
      safety: 'unsafe',
      output: py`
        import torch
        import torch.distributed as dist

        def resume(net, opt, run_dir, tag):
            if dist.is_initialized():
                weights = run_dir / f"{tag}_weights.pt"
                net.load_state_dict(torch.load(weights.absolute().as_posix(), map_location="cpu", weights_only=True))
            else:
                weights = run_dir / f"{tag}_weights.pt"
                net.load_state_dict(torch.load(weights.absolute().as_posix(), weights_only=True))
            opt.load_state_dict(torch.load(str((run_dir / "optim.pt").resolve())))
            opt.load_state_dict(torch.load((run_dir / "optim_old.pt").resolve().as_posix()))
      `,
    },
    {
      name: 'one model file read with pickle, and with joblib when that fails: one finding',
      code: py`
        import pickle, joblib
        MODEL_PATH = "artifacts/model.pkl"
        try:
            model = pickle.load(open(MODEL_PATH, "rb"))
        except Exception:
            model = joblib.load(MODEL_PATH)
        print(model.predict(X_new))
      `,
      findings: [{ line: 4, message: /pickle\.load.*\(as does 1 other load of this file\)/, related: 1 }],
      noFix: true,
    },
    {
      name: 'the files of one list, one by its position and the others in a loop over the list or a slice of it: one finding per list, whose fix makes each load safe',
      code: FILES_OF_ONE_LIST,
      findings: [
        { line: 5, message: /without `weights_only=True`.*\(as does 1 other load of this list of files\)/, related: 1 },
        { line: 13, message: /^`pickle\.load` restores.*\(as does 1 other load of this list of files\)/, related: 1 },
      ],
      safety: 'unsafe',
      output: FILES_OF_ONE_LIST.replace(/map_location="cpu"\)/g, 'map_location="cpu", weights_only=True)'),
    },
    {
      name: 'elements of two lists, and two entries of one dictionary, are different files: each load is its own finding',
      code: py`
        import torch

        def distil(cfg, students, teachers):
            student = torch.load(students[0])
            for teacher_path in teachers:
                teacher = torch.load(teacher_path)
            base = torch.load(cfg["base"])
            head = torch.load(cfg["head"])
      `,
      findings: [{ line: 4, related: 0 }, { line: 6, related: 0 }, { line: 7, related: 0 }, { line: 8, related: 0 }],
      output: py`
        import torch

        def distil(cfg, students, teachers):
            student = torch.load(students[0], weights_only=True)
            for teacher_path in teachers:
                teacher = torch.load(teacher_path)
            base = torch.load(cfg["base"])
            head = torch.load(cfg["head"])
      `,
    },
    {
      name: 'a loop that numbers the files of a list with enumerate walks that list: one taken first and the rest numbered, or numbered and plain loops over it in the arms of an if, are one finding per list',
      code: NUMBERED_LIST,
      findings: [
        { line: 4, message: /\(as does 1 other load of this list of files\)$/, related: 1 },
        { line: 14, message: /\(as do 2 other loads of this list of files\)$/, related: 2 },
      ],
      safety: 'unsafe',
      output: NUMBERED_LIST.replace(/map_location="cpu"\)/g, 'map_location="cpu", weights_only=True)'),
    },
    {
      name: 'numbered loops over two lists, or over pairs zipped from two lists, read different files: each load is its own finding',
      code: NUMBERED_TWO_LISTS,
      findings: [{ line: 5, related: 0 }, { line: 7, related: 0 }, { line: 9, related: 0 }],
      output: NUMBERED_TWO_LISTS.replace('torch.load(s)', 'torch.load(s, weights_only=True)'),
    },
    {
      name: 'an entry of a dictionary of file names is still reported when one name was never saved, the dictionary is written into before the pick, or the load runs before the saves',
      code: py`
        import os
        import joblib

        joblib.dump(rf, os.path.join("models", "random_forest.pkl"))
        files = {"RandomForest": "random_forest.pkl", "SVM": "svm.pkl"}
        first = joblib.load(os.path.join("models", files[best]))
        joblib.dump(svm, os.path.join("models", "svm_v2.pkl"))
        pkls = {"RandomForest": "random_forest.pkl"}
        pkls["SVM"] = "svm_old.pkl"
        second = joblib.load(os.path.join("models", pkls[best]))
        early_files = {"a": "early_a.pkl", "b": "early_b.pkl"}
        early = joblib.load(os.path.join("models", early_files[best]))
        joblib.dump(a, os.path.join("models", "early_a.pkl"))
        joblib.dump(b, os.path.join("models", "early_b.pkl"))
      `,
      findings: [{ line: 6 }, { line: 10 }, { line: 12 }],
    },
    {
      name: 'loops that unpack the entries of one list of pairs and load the name at the same position read the same files: a first pass and a fallback pass over the pairs are one finding',
      code: py`
        import joblib
        from pathlib import Path

        def load_models(models_path: Path):
            model_files = [
                ("Logistic Regression", models_path / "logistic_regression.pkl"),
                ("SVM Linear", models_path / "svm_linear.pkl"),
            ]
            models = {}
            for name, path in model_files:
                if path.exists():
                    try:
                        models[name] = joblib.load(path)
                    except Exception:
                        pass
            if not models:
                for wanted in ["SVM Linear"]:
                    for name, path in model_files:
                        if name == wanted:
                            models[name] = joblib.load(path)
            return models
      `,
      findings: [{ line: 13, message: /\(as does 1 other load of this list of files\)$/, related: 1 }],
    },
    {
      name: 'loops over two lists of pairs, over one list rebound between them, or loading names at two positions of the entries stay apart',
      code: PAIRS_LOOPS,
      findings: [{ line: 5, related: 0 }, { line: 7, related: 0 }, { line: 9, related: 0 }, { line: 12, related: 0 }],
      output: PAIRS_LOOPS.replace('a = torch.load(ckpt)', 'a = torch.load(ckpt, weights_only=True)'),
    },
    {
      name: 'a part of a path that a name holds from a call is one file only over that binding: the version read at start and the one a reload reads again, or a name bound again by a second call, name different files',
      code: LATEST_VERSION + py`
        model = joblib.load(f"models/model_{version}.pkl")

        def reload_latest():
            global model, version
            new_version = latest_version()
            if new_version != version:
                model = joblib.load(f"models/model_{new_version}.pkl")
                version = new_version

        def compare_runs(run_dir):
            stamp = latest_version()
            before = joblib.load(f"{run_dir}/clf_{stamp}.pkl")
            stamp = latest_version()
            after = joblib.load(f"{run_dir}/clf_{stamp}.pkl")
            return before.score(X, y), after.score(X, y)
      `,
      findings: [{ line: 8, related: 0 }, { line: 14, related: 0 }, { line: 19, related: 0 }, { line: 21, related: 0 }],
    },
    {
      name: 'a name that holds a call\'s value over one binding names one file: two loads of the version read once are one finding; the one saved before is the program\'s own',
      code: LATEST_VERSION + py`
        if use_gpu:
            model = joblib.load(f"models/model_{version}.pkl")
        else:
            model = joblib.load(f"models/model_{version}.pkl", mmap_mode="r")
        tag = latest_version()
        joblib.dump(model, f"backup/model_{tag}.pkl")
        restored = joblib.load(f"backup/model_{tag}.pkl")
        print(restored.predict(X[:5]))
      `,
      findings: [{ line: 9, message: /\(as does 1 other load of this file\)/, related: 1 }],
    },
    {
      name: 'two files named by the command line (a student and its teacher): two findings',
      code: py`
        import argparse, torch
        args = argparse.ArgumentParser().parse_args()
        student.load_state_dict(torch.load(args.model))
        teacher.load_state_dict(torch.load(args.teacher))
      `,
      findings: [{ line: 3, related: 0 }, { line: 4, related: 0 }],
      output: py`
        import argparse, torch
        args = argparse.ArgumentParser().parse_args()
        student.load_state_dict(torch.load(args.model, weights_only=True))
        teacher.load_state_dict(torch.load(args.teacher))
      `,
    },
    {
      name: 'after os.chdir a relative path names a file under the new folder: one not saved there, or a move made only after the load, reads a file from elsewhere',
      code: [
        'import os\nimport pickle\n',
        'pickle.dump(clf, open(os.path.join("webapp", "store", "clf.pkl"), "wb"))\nrestored = pickle.load(open(os.path.join("store", "clf.pkl"), "rb"))\n',
        'os.chdir("webapp")\n',
        'other = pickle.load(open(os.path.join("store", "model_v0.pkl"), "rb"))\n',
      ],
      findings: [{ cell: 1, line: 2, message: /pickle\.load/ }, { cell: 3, line: 1, message: /pickle\.load/ }],
      noFix: true,
    },
    {
      name: 'a Hub download of another file, of another repository type, or made before the upload is still a file from elsewhere',
      code: [
        'import pickle\nimport torch\nfrom huggingface_hub import HfApi, hf_hub_download\n',
        'early = hf_hub_download("jdoe/churn-net-demo", "model.pkl")\nmodel_old = pickle.load(open(early, "rb"))\n',
        'HfApi().upload_file(path_or_fileobj="model.pkl", path_in_repo="model.pkl", repo_id="jdoe/churn-net-demo")\n',
        'other = hf_hub_download("jdoe/churn-net-demo", "model_v0.pkl")\nmodel_v0 = pickle.load(open(other, "rb"))\n',
        'as_data = hf_hub_download("jdoe/churn-net-demo", "model.pkl", repo_type="dataset")\nmodel_data = pickle.load(open(as_data, "rb"))\n',
      ],
      findings: [
        { cell: 1, line: 2, message: /pickle\.load/ },
        { cell: 3, line: 2, message: /pickle\.load/ },
        { cell: 4, line: 2, message: /pickle\.load/ },
      ],
      noFix: true,
    },
    {
      name: 'one pickled model loaded in two cells',
      code: [
        'import pickle\nMODEL_FILE = "artifacts/model.pkl"\nclf = pickle.load(open(MODEL_FILE, "rb"))\n',
        'clf = pickle.load(open(MODEL_FILE, "rb"))\nprint(clf.predict(X_new))\n',
      ],
      findings: [{ cell: 0, line: 3, message: /pickle\.load.*\(as does 1 other load of this file\)/, related: 1 }],
      noFix: true,
    },
    {
      name: 'a helper called from one place loads, through its parameter, the file its caller loads again: one finding (pathlib, os.path.join, a name rebound from the parameter)',
      code: HELPER_CALLED_ONCE,
      findings: [
        { line: 7, message: /\(as does 1 other load of this file\)/, related: 1 },
        { line: 13, message: /\(as does 1 other load of this file\)/, related: 1 },
        { line: 17, message: /\(as does 1 other load of this file\)/, related: 1 },
      ],
      safety: 'unsafe',
      output: HELPER_CALLED_ONCE.replace('map_location="cpu")', 'map_location="cpu", weights_only=True)').replace('map_location="cuda")', 'map_location="cuda", weights_only=True)'),
    },
    {
      name: 'a helper called from one place loads its parameter as it stands, the file its caller loads again (args.checkpoint, cfg["weights"], the caller\'s own parameter): one finding per file',
      code: HELPER_LOADS_ITS_PARAMETER,
      findings: [
        { line: 5, message: /\(as does 1 other load of this file\)/, related: 1 },
        { line: 10, message: /\(as does 1 other load of this file\)/, related: 1 },
        { line: 14, message: /\(as does 1 other load of this file\)/, related: 1 },
      ],
      safety: 'unsafe',
      output: HELPER_LOADS_ITS_PARAMETER.replace('map_location=device)', 'map_location=device, weights_only=True)').replace('torch.load(args.checkpoint, map_location="cpu")', 'torch.load(args.checkpoint, map_location="cpu", weights_only=True)'),
    },
    {
      name: 'a function loading through a parameter its caller hands on from its own parameter, every call of the caller passing one value, reads the file the caller loads: one finding per file (a settings entry, an attribute, the path itself)',
      code: PARAMETER_HANDED_ON,
      findings: [8, 21, 31].map((line) => ({ line, message: /\(as does 1 other load of this file\)/, related: 1 })),
      safety: 'unsafe',
      output: PARAMETER_HANDED_ON.replace('torch.load(config["input_file"], map_location="cpu")', 'torch.load(config["input_file"], map_location="cpu", weights_only=True)').replace('torch.load(config["input_file"]))', 'torch.load(config["input_file"], weights_only=True))'),
    },
    {
      name: 'a parameter handed on where the values may differ (the caller given another dictionary, the entry written into, the parameter rebound) keeps each load its own finding',
      code: PARAMETER_HANDED_ON_APART,
      findings: [{ line: 5, related: 0 }, { line: 9, related: 0 }, { line: 15, related: 0 }, { line: 19, related: 0 }, { line: 25, related: 0 }, { line: 30, related: 0 }],
      safety: 'unsafe',
      output: PARAMETER_HANDED_ON_APART.replace('map_location="cpu")', 'map_location="cpu", weights_only=True)'),
    },
    {
      name: 'a helper called once with a path the caller reads over its own parameter, the caller itself called once, reads the file the caller loads beside the call: one finding per file (an attribute of parsed arguments, a joined path)',
      code: PASSED_THROUGH_ONCE_CALLED_CALLER,
      findings: [6, 11, 15].map((line) => ({ line, message: /\(as does 1 other load of this file\)/, related: 1 })),
      safety: 'unsafe',
      output: PASSED_THROUGH_ONCE_CALLED_CALLER.replace(/map_location="cpu"\)/g, 'map_location="cpu", weights_only=True)'),
    },
    {
      name: 'the same helper calls where the caller rebinds its parameter before the call, or the joined path names another file, keep each load its own finding',
      code: PASSED_THROUGH_ONCE_CALLED_CALLER_APART,
      findings: [{ line: 6, related: 0 }, { line: 11, related: 0 }, { line: 16, related: 0 }, { line: 27, related: 0 }],
      safety: 'unsafe',
      output: PASSED_THROUGH_ONCE_CALLED_CALLER_APART.replace('torch.load(reference_path, map_location="cpu")', 'torch.load(reference_path, map_location="cpu", weights_only=True)'),
    },
    {
      name: 'a helper loading its parameter as it stands, called with two values, rebinding it, or passed a name bound again before the other load, may read another file: each load is its own finding',
      code: HELPER_PARAMETER_APART,
      findings: [{ line: 5, related: 0 }, { line: 10, related: 0 }, { line: 14, related: 0 }, { line: 20, related: 0 }, { line: 22, related: 0 }, { line: 26, related: 0 }],
      safety: 'unsafe',
      output: HELPER_PARAMETER_APART.replace('map_location="cpu")', 'map_location="cpu", weights_only=True)'),
    },
    {
      name: 'helpers called from several places that all pass one name over one binding read one file: one finding per file (feature passes over one shard folder, a data folder from the command line)',
      code: HELPERS_SAME_VALUE,
      findings: [
        { line: 8, message: /\(as does 1 other load of this file\)/, related: 1 },
        { line: 19, message: /\(as does 1 other load of this file\)/, related: 1 },
      ],
      safety: 'unsafe',
      output: HELPERS_SAME_VALUE.replace(/torch\.load\(os\.path\.join\(shard_dir, name\)\)/g, 'torch.load(os.path.join(shard_dir, name), weights_only=True)'),
    },
    {
      name: 'a helper handed two folders, or one name bound again between its calls, may read other files: each load is its own finding',
      code: HELPERS_OTHER_VALUES,
      findings: [{ line: 7, related: 0 }, { line: 11, related: 0 }, { line: 17, related: 0 }, { line: 22, related: 0 }],
      safety: 'unsafe',
      output: HELPERS_OTHER_VALUES.replace('torch.load(os.path.join(split_dir, name))', 'torch.load(os.path.join(split_dir, name), weights_only=True)'),
    },
    {
      name: 'a helper called from two places, a parameter rebound in a loop, or an argument worked out by a call may name another file: each load is its own finding',
      code: HELPERS_APART,
      findings: [{ line: 6, related: 0 }, { line: 11, related: 0 }, { line: 15, related: 0 }, { line: 21, related: 0 }, { line: 23, related: 0 }, { line: 25, related: 0 }],
      safety: 'unsafe',
      output: HELPERS_APART.replace('map_location="cpu")', 'map_location="cpu", weights_only=True)'),
    },
    {
      name: 'a local name bound once to an attribute or constant entry of a parameter every call passes one value reads the file that read names: one finding per file (two modes of one script reading the parsed checkpoint path)',
      code: ALIASED_PASSED_ATTRIBUTE,
      findings: [
        { line: 7, message: /\(as does 1 other load of this file\)/, related: 1 },
        { line: 18, message: /\(as does 1 other load of this file\)/, related: 1 },
      ],
      safety: 'unsafe',
      output: ALIASED_PASSED_ATTRIBUTE.replace('torch.load(checkpoint_path, map_location="cpu")', 'torch.load(checkpoint_path, map_location="cpu", weights_only=True)').replace('torch.load(ckpt, map_location="cpu")', 'torch.load(ckpt, map_location="cpu", weights_only=True)'),
    },
    {
      name: 'the same local name bound again in one function, or the parameter passed two parsed objects, may name another file: each load is its own finding',
      code: ALIASED_PASSED_ATTRIBUTE_APART,
      findings: [{ line: 9, related: 0 }, { line: 14, related: 0 }, { line: 19, related: 0 }],
      safety: 'unsafe',
      output: ALIASED_PASSED_ATTRIBUTE_APART.replace('torch.load(checkpoint_path, map_location="cpu"))\n\n\ndef detect', 'torch.load(checkpoint_path, map_location="cpu", weights_only=True))\n\n\ndef detect'),
    },
    {
      name: 'run-time paths that may name another file: a part computed by a call, another attribute, a parameter of two functions',
      code: py`
        import os, time
        import torch


        def train(args, net):
            torch.save(net.state_dict(), args.model_path)
            torch.save(net.state_dict(), os.path.join(args.out, time.strftime("%H%M%S")))
            net.load_state_dict(torch.load(os.path.join(args.out, time.strftime("%H%M%S"))))
            net.load_state_dict(torch.load(args.resume))


        def test(args, net):
            net.load_state_dict(torch.load(args.model_path))
      `,
      findings: [{ line: 8, related: 0 }, { line: 9, related: 0 }, { line: 13, related: 0 }],
      safety: 'unsafe',
      output: py`
        import os, time
        import torch


        def train(args, net):
            torch.save(net.state_dict(), args.model_path)
            torch.save(net.state_dict(), os.path.join(args.out, time.strftime("%H%M%S")))
            net.load_state_dict(torch.load(os.path.join(args.out, time.strftime("%H%M%S")), weights_only=True))
            net.load_state_dict(torch.load(args.resume))


        def test(args, net):
            net.load_state_dict(torch.load(args.model_path))
      `,
    },
    {
      name: 'a checkpoint callback\'s model path read before the fit, another file beside it, or a folder handed to a callback that keeps no model path',
      code: py`
        import os
        import torch
        import pytorch_lightning as pl
        import schnetpack as spk
        from pytorch_lightning.callbacks import ModelCheckpoint

        workdir = "./qm9tut"
        saver = spk.train.ModelCheckpoint(model_path=os.path.join(workdir, "best_inference_model"))
        warm = torch.load(os.path.join(workdir, "best_inference_model"))
        keeper = ModelCheckpoint(dirpath=os.path.join(workdir, "ckpts"), filename="best")
        pl.Trainer(callbacks=[saver, keeper]).fit(task, datamodule=data)
        pretrained = torch.load(os.path.join(workdir, "pretrained_model"))
        best = torch.load(os.path.join(workdir, "ckpts", "best.ckpt"))
      `,
      findings: [
        { line: 9, message: /without `weights_only=True`/ },
        { line: 12, message: /without `weights_only=True`/ },
        { line: 13, message: /without `weights_only=True`/ },
      ],
      output: py`
        import os
        import torch
        import pytorch_lightning as pl
        import schnetpack as spk
        from pytorch_lightning.callbacks import ModelCheckpoint

        workdir = "./qm9tut"
        saver = spk.train.ModelCheckpoint(model_path=os.path.join(workdir, "best_inference_model"))
        warm = torch.load(os.path.join(workdir, "best_inference_model"), weights_only=True)
        keeper = ModelCheckpoint(dirpath=os.path.join(workdir, "ckpts"), filename="best")
        pl.Trainer(callbacks=[saver, keeper]).fit(task, datamodule=data)
        pretrained = torch.load(os.path.join(workdir, "pretrained_model"))
        best = torch.load(os.path.join(workdir, "ckpts", "best.ckpt"))
      `,
    },
    {
      name: 'a best_model_path of a parameter not typed as a Lightning callback (untyped, or another class) may name any file',
      code: py`
        import torch
        from registry import ModelRegistry

        def restore(module, checkpoint_cb):
            module.load_state_dict(torch.load(checkpoint_cb.best_model_path))

        def fetch(registry: ModelRegistry):
            return torch.load(registry.best_model_path)
      `,
      findings: [{ line: 5, message: /without `weights_only=True`/ }, { line: 8, message: /without `weights_only=True`/ }],
      safety: 'unsafe',
      output: py`
        import torch
        from registry import ModelRegistry

        def restore(module, checkpoint_cb):
            module.load_state_dict(torch.load(checkpoint_cb.best_model_path, weights_only=True))

        def fetch(registry: ModelRegistry):
            return torch.load(registry.best_model_path)
      `,
    },
    {
      name: 'a best_model_path read before fit, or from an object that is no Lightning callback, may name any file',
      code: py`
        import torch
        from pytorch_lightning.callbacks import ModelCheckpoint

        saver = ModelCheckpoint("ckpts/", monitor="val_loss")
        warm = torch.load(saver.best_model_path)
        trainer.fit(system)
        other = torch.load(registry.best_model_path)
      `,
      findings: [{ line: 5, message: /without `weights_only=True`/ }, { line: 7, message: /without `weights_only=True`/ }],
      output: py`
        import torch
        from pytorch_lightning.callbacks import ModelCheckpoint

        saver = ModelCheckpoint("ckpts/", monitor="val_loss")
        warm = torch.load(saver.best_model_path, weights_only=True)
        trainer.fit(system)
        other = torch.load(registry.best_model_path)
      `,
    },
    {
      name: 'a checkpoint folder read for a file the program never saves into it, and a saved name read from a folder that is no checkpoint',
      code: py`
        import os, torch
        from ray.train import Checkpoint

        def loop(config):
            torch.save(net.state_dict(), os.path.join(scratch, "weights.pt"))
            report(checkpoint=Checkpoint.from_directory(scratch))

        with outcome.checkpoint.as_directory() as kept:
            teacher = torch.load(os.path.join(kept, "teacher.pt"))
        student = torch.load(os.path.join(args.folder, "weights.pt"))
      `,
      findings: [{ line: 9, message: /without `weights_only=True`/ }, { line: 10, message: /without `weights_only=True`/ }],
      output: py`
        import os, torch
        from ray.train import Checkpoint

        def loop(config):
            torch.save(net.state_dict(), os.path.join(scratch, "weights.pt"))
            report(checkpoint=Checkpoint.from_directory(scratch))

        with outcome.checkpoint.as_directory() as kept:
            teacher = torch.load(os.path.join(kept, "teacher.pt"), weights_only=True)
        student = torch.load(os.path.join(args.folder, "weights.pt"))
      `,
    },
    {
      name: 'saved under one file, a different file loaded',
      code: py`
        import pickle
        pickle.dump(model, open("model_v1.pkl", "wb"))
        model = pickle.load(open("model_v0.pkl", "rb"))
      `,
      findings: [{ line: 3, message: /pickle\.load/ }],
    },
  ],
});

/** A test runs a training entry point into its own `tmp_path` and reads back what it wrote. */
const TEST_READS_ITS_TMP_PATH = py`
  import os
  import pickle
  import torch
  from trainer import cli

  def test_training_writes_best_checkpoint(tmp_path, monkeypatch):
      run_dir = tmp_path / "runs" / "smoke"
      cli.main(["--out", str(run_dir), "--epochs", "1"])
      best = run_dir / "best.pt"
      assert best.exists()
      payload = torch.load(best, map_location="cpu", weights_only=False)
      assert payload["epoch"] == 0

  def test_export_pickles_the_encoder(tmpdir):
      cli.export(str(tmpdir))
      with open(os.path.join(tmpdir, "encoder.pkl"), "rb") as handle:
          encoder_model = pickle.load(handle)
      assert encoder_model.vocab_size > 0
`;

describe('MLD908: files under a test\'s own tmp_path', () => {
  const findingsIn = (uri: string, code: string) => findingLinesIn(uri, code, unsafeModelDeserialization);

  it('leaves a test that reads back what it (or the code it runs) wrote under its tmp_path or tmpdir', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/test_cli.py', TEST_READS_ITS_TMP_PATH), []);
  });

  it('still reports the same loads outside a pytest test module, and a path under another directory', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/smoke_cli.py', TEST_READS_ITS_TMP_PATH), [11, 17]);
    const elsewhere = TEST_READS_ITS_TMP_PATH.replace('best = run_dir / "best.pt"', 'best = shared_dir / "best.pt"');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_cli.py', elsewhere), [11]);
  });

  it('still reports a tmp_path that is not the test function\'s own parameter', async () => {
    const helper = TEST_READS_ITS_TMP_PATH.replace('def test_training_writes_best_checkpoint(tmp_path, monkeypatch):', 'def check_training(monkeypatch):');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_cli.py', helper), [11]);
  });
});

/**
 * Fixtures that train into a directory pytest made new (`tmp_path_factory.mktemp`, `tmpdir_factory.mktemp`,
 * the fixture's own `tmp_path`) and hand the path to the tests: returned alone or in a tuple the test
 * unpacks, yielded, built with `/` or `os.path.join`.
 */
const FIXTURES_TRAIN_INTO_NEW_DIRECTORIES = py`
  import os
  import pickle
  import joblib
  import pytest
  import torch
  from churn.training import train_model, fit_scorer

  @pytest.fixture(scope="module")
  def trained_model(frame, tmp_path_factory):
      out_dir = tmp_path_factory.mktemp("model_output")
      model_path = str(out_dir / "churn_model.pkl")
      model = train_model(frame, model_output_path=model_path)
      return model, model_path

  @pytest.fixture(scope="session")
  def scorer_file(tmpdir_factory):
      folder = tmpdir_factory.mktemp("scorer")
      path = os.path.join(str(folder), "scorer_model.pkl")
      fit_scorer(save_path=path)
      yield path

  @pytest.fixture
  def checkpoint(tmp_path):
      target = tmp_path / "net.pt"
      fit_net(epochs=1, checkpoint_path=target)
      return target

  def test_model_reloads(trained_model):
      _, model_path = trained_model
      loaded_model = joblib.load(model_path)
      assert hasattr(loaded_model, "predict")

  def test_scorer_reloads(scorer_file):
      with open(scorer_file, "rb") as handle:
          scorer_model = pickle.load(handle)
      assert scorer_model is not None

  def test_checkpoint_reloads(checkpoint):
      state = torch.load(checkpoint, map_location="cpu")
      assert "weight" in state
`;

describe('MLD908: files a fixture of the test module trained into a directory pytest made new', () => {
  const findingsIn = (uri: string, code: string) => findingLinesIn(uri, code, unsafeModelDeserialization);

  it('leaves tests that load the path such a fixture returns, yields or hands over in a tuple', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/test_training.py', FIXTURES_TRAIN_INTO_NEW_DIRECTORIES), []);
  });

  it('still reports a fixture path in a fixed folder, a mktemp of something other than pytest\'s factory, and the loads outside a test module', async () => {
    const fixed = FIXTURES_TRAIN_INTO_NEW_DIRECTORIES.replace('model_path = str(out_dir / "churn_model.pkl")', 'model_path = str(MODELS_DIR / "churn_model.pkl")');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_training.py', fixed), [30]);
    const other = FIXTURES_TRAIN_INTO_NEW_DIRECTORIES.replace('folder = tmpdir_factory.mktemp("scorer")', 'folder = workspace.mktemp("scorer")');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_training.py', other), [35]);
    assert.deepEqual(await findingsIn('file:///proj/tests/training_smoke.py', FIXTURES_TRAIN_INTO_NEW_DIRECTORIES), [30, 35, 39]);
  });
});

/**
 * Tests that load a file under an attribute of an object built with that same keyword set to a
 * directory pytest made new: a run context a fixture starts (and yields), a settings object built
 * in the test itself.
 */
const ATTRIBUTE_KEPT_FROM_CONSTRUCTION = py`
  import joblib
  import pytest
  import torch
  from shop.runs import RunContext, Settings, refit

  @pytest.fixture
  def run(tmp_path):
      context = RunContext.start(mode="offline", base_dir=tmp_path)
      yield context
      context.close()

  def test_refit_writes_a_model(run, frame):
      refit(frame, run)
      model = joblib.load(run.base_dir / "models" / "demand.joblib")
      assert model is not None

  def test_settings_built_here(tmp_path):
      cfg = Settings(weights_dir=tmp_path / "w")
      refit(None, cfg)
      state = torch.load(cfg.weights_dir / "last.pt")
      assert state
`;

describe('MLD908: a file under an attribute an object keeps from the keyword it was built with, set to a new directory', () => {
  const findingsIn = (uri: string, code: string) => findingLinesIn(uri, code, unsafeModelDeserialization);

  it('leaves loads under such an attribute of a fixture\'s object or one built in the test', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/test_refit.py', ATTRIBUTE_KEPT_FROM_CONSTRUCTION), []);
  });

  it('still reports another attribute than the keyword, a keyword set to a fixed folder, and the same loads outside a test module', async () => {
    const other = ATTRIBUTE_KEPT_FROM_CONSTRUCTION.replace('run.base_dir / "models"', 'run.cache_dir / "models"');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_refit.py', other), [14]);
    const fixed = ATTRIBUTE_KEPT_FROM_CONSTRUCTION.replace('Settings(weights_dir=tmp_path / "w")', 'Settings(weights_dir=WEIGHTS / "w")');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_refit.py', fixed), [20]);
    assert.deepEqual(await findingsIn('file:///proj/tests/refit_smoke.py', ATTRIBUTE_KEPT_FROM_CONSTRUCTION), [14, 20]);
  });
});

/**
 * Tests that run a training pipeline told to write under the test's tmp_path, then load a path the
 * run reports back: through a config object, directly to the call, or through a trainer held in a name.
 */
const TEST_READS_ITS_RUNS_REPORT = py`
  import tempfile
  import joblib
  import torch
  from pipeline import Trainer, TrainConfig, Evaluator

  def test_pipeline_writes_scaler(tmp_path, features):
      config = TrainConfig(n_estimators=10, output_dir=tmp_path / "training")
      artifact = Trainer(config, features).run()
      scalers = joblib.load(artifact.scaler_path)
      assert "amount" in scalers

  def test_trainer_in_a_name(tmp_path):
      trainer = Trainer(TrainConfig(save_path=str(tmp_path / "m")))
      report = trainer.fit()
      state = torch.load(report.checkpoint, map_location="cpu")
      assert "epoch" in state

  def test_evaluator_told_directly(tmp_path):
      result = Evaluator(model_dir=tmp_path).evaluate()
      model = joblib.load(result.model_file)
      assert model.predict([[0.0]]) is not None

  def _runner_without_hooks(max_epochs):
      work = tempfile.mkdtemp()
      return build_runner(dict(type="EpochBasedRunner"), default_args=dict(model=Net(), work_dir=work, max_epochs=max_epochs))

  def _build_runner(max_epochs=1):
      runner = _runner_without_hooks(max_epochs)
      runner.register_checkpoint_hook(dict(interval=1))
      return runner

  def test_checkpoint_hook_saves_each_epoch():
      runner = _build_runner(max_epochs=2)
      runner.run(loaders, [("train", 1)])
      checkpoint = torch.load(f"{runner.work_dir}/epoch_2.pth")
      assert "state_dict" in checkpoint
`;

describe('MLD908: paths a run told to write under the test\'s tmp_path reports', () => {
  const findingsIn = (uri: string, code: string) => findingLinesIn(uri, code, unsafeModelDeserialization);

  it('leaves a test that loads what a run it sent under its tmp_path (or a new directory) reports having written, also a run built by helpers of the file', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/test_pipeline.py', TEST_READS_ITS_RUNS_REPORT), []);
  });

  it('still reports the loads outside a test module, for output sent elsewhere, or a location given under another name', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/pipeline_smoke.py', TEST_READS_ITS_RUNS_REPORT), [9, 15, 20, 35]);
    const elsewhere = TEST_READS_ITS_RUNS_REPORT.replace('output_dir=tmp_path / "training"', 'output_dir=SHARED / "training"');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_pipeline.py', elsewhere), [9]);
    // A location the run reads from, not one it writes to.
    const input = TEST_READS_ITS_RUNS_REPORT.replace('Evaluator(model_dir=tmp_path)', 'Evaluator(data_dir=tmp_path)');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_pipeline.py', input), [20]);
    // A work directory that may hold an earlier run's files.
    const shared = TEST_READS_ITS_RUNS_REPORT.replace('work = tempfile.mkdtemp()', 'work = "runs/shared"');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_pipeline.py', shared), [35]);
  });
});

/**
 * Tests whose run returns a dictionary of what it wrote (`res["model_path"]`), told to write under
 * a new directory: a `tempfile` directory rebound as a `Path`, pytest's `tmp_path`, a name bound to the entry.
 */
const TEST_READS_ITS_RUNS_DICTIONARY = py`
  import pickle
  import tempfile
  from pathlib import Path

  import joblib
  import torch
  from src.train import run_one, fit_and_export

  def test_saved_regressor_predicts(frame):
      with tempfile.TemporaryDirectory() as tmp:
          tmp = Path(tmp)
          res = run_one(model_name="ridge", X=frame, models_dir=tmp / "models", seed=0)
          model = joblib.load(Path(res["model_path"]))
          assert model.predict(frame).shape == (len(frame),)

  def test_best_checkpoint_restores(tmp_path):
      outputs = fit_and_export(epochs=1, output_dir=tmp_path)
      state = torch.load(outputs["best_checkpoint"], map_location="cpu")
      assert "model_state_dict" in state

  def test_pickled_pipeline(tmp_path):
      report = run_one(model_name="lasso", save_path=str(tmp_path / "run"))
      pipeline_file = report["pipeline_file"]
      with open(pipeline_file, "rb") as handle:
          pipeline = pickle.load(handle)
      assert pipeline is not None
`;

describe('MLD908: entries of the dictionary a run told to write under a new directory returns', () => {
  const findingsIn = (uri: string, code: string) => findingLinesIn(uri, code, unsafeModelDeserialization);

  it('leaves a test that loads the path its run reports under a constant key, as it leaves one reported as an attribute', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/test_train.py', TEST_READS_ITS_RUNS_DICTIONARY), []);
  });

  it('still reports such a load outside a test module, for output sent to a folder that may be old, or under a key known only at run time', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/train_smoke.py', TEST_READS_ITS_RUNS_DICTIONARY), [13, 18, 25]);
    const shared = TEST_READS_ITS_RUNS_DICTIONARY.replace('models_dir=tmp / "models"', 'models_dir=Path("models")');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_train.py', shared), [13]);
    const input = TEST_READS_ITS_RUNS_DICTIONARY.replace('output_dir=tmp_path', 'data_dir=tmp_path');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_train.py', input), [18]);
    const chosen = TEST_READS_ITS_RUNS_DICTIONARY.replace('outputs["best_checkpoint"]', 'outputs[which]');
    assert.deepEqual(await findingsIn('file:///proj/tests/test_train.py', chosen), [18]);
  });
});

/**
 * Tests that make a new directory for themselves without pytest's `tmp_path`: `tempfile`'s
 * directories, and a run folder created by a `mkdir` that fails when it exists, made in a helper
 * that returns it (alone or in a tuple) or in the test itself.
 */
const TEST_READS_ITS_NEW_DIRECTORY = py`
  import os
  import pickle
  import shutil
  import tempfile
  import uuid
  from pathlib import Path

  import torch
  from trainer import cli, export_encoder

  def new_run_dir():
      run_dir = Path("artifacts") / f"smoke_{uuid.uuid4().hex}"
      run_dir.mkdir(parents=True)
      return run_dir

  def build_workspace():
      root = new_run_dir()
      rows = root / "rows.csv"
      rows.write_text("x,y\\n1,0\\n")
      return root, rows

  def test_checkpoint_in_temporary_directory():
      with tempfile.TemporaryDirectory() as out:
          cli.main(["--out", out, "--epochs", "1"])
          state = torch.load(os.path.join(out, "best.pt"), map_location="cpu")
          assert "model_state_dict" in state

  def test_encoder_in_mkdtemp():
      out = tempfile.mkdtemp()
      export_encoder(out)
      with open(os.path.join(out, "encoder_model.pkl"), "rb") as handle:
          encoder_model = pickle.load(handle)
      assert encoder_model.vocab_size > 0
      shutil.rmtree(out)

  def test_checkpoint_in_new_workspace():
      root, rows = build_workspace()
      checkpoints = root / "checkpoints"
      cli.main(["--data", str(rows), "--checkpoints", str(checkpoints)])
      best = checkpoints / "best.pt"
      payload = torch.load(best, map_location="cpu")
      assert payload["epoch"] == 0

  def test_checkpoint_in_made_dir():
      work = os.path.join("runs", uuid.uuid4().hex)
      os.makedirs(work)
      cli.main(["--out", work])
      assert torch.load(os.path.join(work, "last.pt"))["epoch"] == 0
`;

describe('MLD908: files under a directory a test made new for itself', () => {
  const findingsIn = (uri: string, code: string) => findingLinesIn(uri, code, unsafeModelDeserialization);
  const TEST = 'file:///proj/tests/test_training.py';

  it('leaves loads under tempfile\'s directories and under a folder a strict mkdir created, also through helpers and a returned tuple', async () => {
    assert.deepEqual(await findingsIn(TEST, TEST_READS_ITS_NEW_DIRECTORY), []);
  });

  it('still reports the same loads outside a pytest test module', async () => {
    assert.deepEqual(await findingsIn('file:///proj/tests/smoke_training.py', TEST_READS_ITS_NEW_DIRECTORY), [25, 32, 41, 48]);
  });

  it('still reports a folder that may already have been there: mkdir told exist_ok=True, or run only if it is missing', async () => {
    const existOk = TEST_READS_ITS_NEW_DIRECTORY.replace('run_dir.mkdir(parents=True)', 'run_dir.mkdir(parents=True, exist_ok=True)');
    assert.deepEqual(await findingsIn(TEST, existOk), [41]);
    const guarded = TEST_READS_ITS_NEW_DIRECTORY.replace('    os.makedirs(work)', '    if not os.path.isdir(work):\n        os.makedirs(work)');
    assert.deepEqual(await findingsIn(TEST, guarded), [49]);
  });

  it('still reports a file beside the new directory rather than in it', async () => {
    const elsewhere = TEST_READS_ITS_NEW_DIRECTORY.replace('os.path.join(out, "encoder_model.pkl")', 'os.path.join(os.environ["MODEL_DIR"], "encoder_model.pkl")');
    assert.deepEqual(await findingsIn(TEST, elsewhere), [32]);
  });
});

/** An Airflow DAG whose training task saves the model that its evaluation and scoring tasks load. */
const AIRFLOW_DAG = py`
  from datetime import datetime
  import joblib
  import pandas as pd
  from airflow import DAG
  from airflow.operators.python import PythonOperator
  from xgboost import XGBClassifier

  def train_model():
      frame = pd.read_parquet("/tmp/pipeline/features.parquet")
      model = XGBClassifier(random_state=0).fit(frame.drop(columns="label"), frame["label"])
      joblib.dump(model, "/tmp/pipeline/model.pkl")

  def evaluate_model():
      model = joblib.load("/tmp/pipeline/model.pkl")
      print(model.score(*holdout()))

  def score_batch():
      model = joblib.load("/tmp/pipeline/model.pkl")
      model.predict(pd.read_parquet("/tmp/pipeline/batch.parquet"))

  with DAG(dag_id="fraud", start_date=datetime(2024, 1, 1), schedule="@daily") as dag:
      train = PythonOperator(task_id="train", python_callable=train_model)
      evaluate = PythonOperator(task_id="evaluate", python_callable=evaluate_model)
      score = PythonOperator(task_id="score", python_callable=score_batch)
      train >> evaluate
      score << evaluate
`;

describe('MLD908: a model saved by an upstream Airflow task', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/dags/fraud.py', code, unsafeModelDeserialization);

  it('leaves the loads of tasks downstream of the task that saved the file, through >> and <<', async () => {
    assert.deepEqual(await lines(AIRFLOW_DAG), []);
  });

  it('still reports a load in a task upstream of the save, and a loading function the file also calls itself', async () => {
    assert.deepEqual(await lines(AIRFLOW_DAG.replace('train >> evaluate', 'evaluate >> train')), [14]);
    assert.deepEqual(await lines(`${AIRFLOW_DAG}\nif __name__ == "__main__":\n    score_batch()\n`), [18]);
  });
});

/** A Kubeflow pipeline whose training component writes the model artifact that its evaluation and export components load. */
const KFP_PIPELINE = py`
  import pickle
  from kfp import dsl, compiler
  from kfp.dsl import Dataset, Input, Metrics, Model, Output

  @dsl.component(base_image="python:3.11", packages_to_install=["xgboost", "joblib"])
  def train(features: Input[Dataset], model_out: Output[Model], metrics: Output[Metrics], depth: int = 6):
      import joblib
      import pandas as pd
      from xgboost import XGBRegressor
      frame = pd.read_csv(features.path)
      reg = XGBRegressor(max_depth=depth, random_state=0).fit(frame.drop(columns="pm25"), frame["pm25"])
      joblib.dump(reg, model_out.path)
      metrics.log_metric("rows", len(frame))

  @dsl.component(base_image="python:3.11")
  def evaluate(features: Input[Dataset], model_in: Input[Model], report: Output[Metrics]):
      import joblib
      import pandas as pd
      reg = joblib.load(model_in.path)
      frame = pd.read_csv(features.path)
      report.log_metric("r2", reg.score(frame.drop(columns="pm25"), frame["pm25"]))

  @dsl.component
  def export(trained: Input[Model], onnx_out: Output[Model]):
      with open(trained.path, "rb") as f:
          model = pickle.load(f)
      to_onnx(model, onnx_out.path)

  @dsl.pipeline(name="pm25")
  def pipeline(data: Input[Dataset], depth: int = 6):
      fit_task = train(features=data, depth=depth)
      evaluate(features=data, model_in=fit_task.outputs["model_out"])
      export(trained=fit_task.outputs['model_out'])

  if __name__ == "__main__":
      compiler.Compiler().compile(pipeline_func=pipeline, package_path="pm25.yaml")
`;

describe('MLD908: a model artifact written by an upstream Kubeflow component', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/pipelines/pm25.py', code, unsafeModelDeserialization);

  it('leaves the loads of Input[Model] artifacts every call wires to the Output[Model] a component wrote (joblib, pickle through open)', async () => {
    assert.deepEqual(await lines(KFP_PIPELINE), []);
    const bare = KFP_PIPELINE.replace('from kfp.dsl import Dataset', 'from kfp.dsl import component, Dataset').replace('@dsl.component\ndef export', '@component()\ndef export');
    assert.ok(bare.includes('@component()'));
    assert.deepEqual(await lines(bare), []);
  });

  it('still reports an input wired to an output nothing saved into, to an artifact from outside, and another file in the component', async () => {
    assert.deepEqual(await lines(KFP_PIPELINE.replace('model_in=fit_task.outputs["model_out"]', 'model_in=fit_task.outputs["metrics"]')), [19]);
    assert.deepEqual(await lines(KFP_PIPELINE.replace("export(trained=fit_task.outputs['model_out'])", "export(trained=dsl.importer(artifact_uri=uri, artifact_class=Model).output)")), [26]);
    assert.deepEqual(await lines(KFP_PIPELINE.replace('reg = joblib.load(model_in.path)', 'reg = joblib.load("models/baseline.pkl")')), [19]);
  });
});

/** Ray Tune's legacy function API: a trainable resumes from the checkpoint it saved, handed back through its `checkpoint_dir` parameter. */
const LEGACY_TUNE_TRAINABLE = py`
  import os
  import pickle
  import torch
  from ray import tune
  import ray.tune

  def train_classifier(config, checkpoint_dir=None, data_dir=None):
      net, opt = build_net(config), build_opt(config)
      if checkpoint_dir:
          net_state, opt_state = torch.load(os.path.join(checkpoint_dir, "checkpoint"))
          net.load_state_dict(net_state)
          opt.load_state_dict(opt_state)
      for epoch in range(10):
          run_epoch(net, opt)
          with tune.checkpoint_dir(epoch) as checkpoint_dir:
              path = os.path.join(checkpoint_dir, "checkpoint")
              torch.save((net.state_dict(), opt.state_dict()), path)
          tune.report(loss=evaluate(net))

  def train_boosted(config, checkpoint_dir=None):
      start = 0
      if checkpoint_dir:
          with open(os.path.join(checkpoint_dir, "state.pkl"), "rb") as f:
              booster = pickle.load(f)
      for step in range(start, 100):
          booster = boost_once(config)
          with ray.tune.checkpoint_dir(step=step) as saved_dir:
              with open(os.path.join(saved_dir, "state.pkl"), "wb") as f:
                  pickle.dump(booster, f)
          tune.report(score=booster.best_score)
`;

describe('MLD908: a Ray Tune trainable resuming from its own checkpoint (legacy function API)', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/tune_search.py', code, unsafeModelDeserialization);

  it('leaves the load through the checkpoint_dir parameter of a file the trainable saves there', async () => {
    assert.deepEqual(await lines(LEGACY_TUNE_TRAINABLE), []);
  });

  it('still reports another file, a directory not opened by tune.checkpoint_dir, and another function\'s parameter', async () => {
    assert.deepEqual(await lines(LEGACY_TUNE_TRAINABLE.replace('"checkpoint"))\n', '"best.pt"))\n')), [10]);
    assert.deepEqual(await lines(LEGACY_TUNE_TRAINABLE.replace('ray.tune.checkpoint_dir(step=step)', 'tempfile.TemporaryDirectory()')), [24]);
    const helper = 'def restore(net, checkpoint_dir):\n    net.load_state_dict(torch.load(os.path.join(checkpoint_dir, "checkpoint")))\n';
    assert.deepEqual(await lines(`${LEGACY_TUNE_TRAINABLE}\n${helper}`), [33]);
  });
});

/** Weights saved under a class attribute read through an instance, and loaded through the class (or the other way round). */
const CLASS_ATTRIBUTE_PATHS = py`
  import os
  import torch
  from torch import nn
  from ocr.models import CaptchaNet

  class PlateReader(nn.Module):
      CKPT_DIR = "weights/plates"
      CKPT_FILE = "weights/plates/final.pt"

  net = CaptchaNet(num_chars=37)
  train_ctc(net, loader)
  torch.save(net.state_dict(), net.WEIGHTS_DIR / "captcha_v3.pth")
  torch.save(net.state_dict(), os.path.join(PlateReader.CKPT_DIR, "best.pt"))

  reader = PlateReader()
  torch.save(reader.state_dict(), reader.CKPT_FILE)

  restored = CaptchaNet(num_chars=37)
  restored.load_state_dict(torch.load(CaptchaNet.WEIGHTS_DIR / "captcha_v3.pth"))
  second = PlateReader()
  second.load_state_dict(torch.load(os.path.join(second.CKPT_DIR, "best.pt")))
  second.load_state_dict(torch.load(PlateReader.CKPT_FILE))
`;

describe('MLD908: a class attribute path read through an instance and through its class', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/train_ocr.py', code, unsafeModelDeserialization);

  it('leaves loads through the class of files saved through an instance of it, and the other way round', async () => {
    assert.deepEqual(await lines(CLASS_ATTRIBUTE_PATHS), []);
  });

  it('still reports when the name may hold another class, or when the file sets that attribute on an object', async () => {
    const other = CLASS_ATTRIBUTE_PATHS.replace('net = CaptchaNet(num_chars=37)', 'net = PlateNet(num_chars=37)');
    assert.deepEqual(await lines(other), [19]);
    const either = CLASS_ATTRIBUTE_PATHS.replace('reader = PlateReader()', 'reader = PlateReader() if plates else CaptchaNet(num_chars=37)');
    assert.deepEqual(await lines(either), [22]);
    const ownDir = CLASS_ATTRIBUTE_PATHS.replace('CKPT_DIR = "weights/plates"', 'CKPT_DIR = "weights/plates"\n    def __init__(self, run_dir="runs"):\n        super().__init__()\n        self.CKPT_DIR = run_dir');
    assert.deepEqual(await lines(ownDir), [24]);
    const moved = CLASS_ATTRIBUTE_PATHS.replace('train_ctc(net, loader)', 'net.WEIGHTS_DIR = args.out_dir');
    assert.deepEqual(await lines(moved), [19]);
  });
});

/** The best weights kept under the script's own folder, saved in the loop and read back through a name bound to the same path. */
const UNDER_SCRIPT_FOLDER = py`
  import os
  import time
  from pathlib import Path
  import joblib
  import torch

  class BeatTrainer:
      def fit(self, loaders, epochs=30):
          best_f1 = 0.0
          for epoch in range(epochs):
              f1 = self.run_epoch(loaders)
              if f1 > best_f1:
                  best_f1 = f1
                  torch.save({"state": self.net.state_dict()}, os.path.join(os.path.dirname(os.path.dirname(__file__)), "weights", "best_f1.pth"))
          best_path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "weights", "best_f1.pth")
          if os.path.exists(best_path):
              self.net.load_state_dict(torch.load(best_path)["state"])

  def export_and_check(net):
      torch.save(net.state_dict(), Path(__file__).resolve().parent / "exported" / "emg_cnn.pt")
      exported = Path(__file__).resolve().parent / "exported" / "emg_cnn.pt"
      net.load_state_dict(torch.load(exported))

  def fit_forest(clf, X, y):
      clf.fit(X, y)
      joblib.dump(clf, os.path.join(os.path.dirname(os.path.abspath(__file__)), "forest.joblib"))
      model_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "forest.joblib")
      return joblib.load(model_file)
`;

describe('MLD908: a path under the script\'s own folder, bound to a name at the load', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/train_beats.py', code, unsafeModelDeserialization);

  it('leaves loads through a name bound to the path the program saved under os.path.dirname(__file__) or Path(__file__).parent', async () => {
    assert.deepEqual(await lines(UNDER_SCRIPT_FOLDER), []);
  });

  it('still reports such a path with a part another call stamps, or under the working directory, which may change', async () => {
    const stamped = UNDER_SCRIPT_FOLDER.replaceAll('"forest.joblib"', 'time.strftime("%H%M") + ".joblib"');
    assert.deepEqual(await lines(stamped), [28]);
    const cwd = UNDER_SCRIPT_FOLDER.replaceAll('Path(__file__).resolve().parent', 'Path(os.getcwd())');
    assert.deepEqual(await lines(cwd), [22]);
  });
});

/**
 * A save in a branch that returns from its function, and a load after that branch: the load runs
 * only in the runs that skipped the save (a `--predict` flag), so it reads an earlier run's file.
 */
const SAVE_BRANCH_RETURNS = py`
  import torch

  def fit(net, loader, weights_path):
      for epoch in range(10):
          step(net, loader)
      torch.save(net.state_dict(), weights_path)

  def run_cnn(net, loader, predict=False):
      if not predict:
          fit(net, loader, "models/cnn_v1.pth")
          return
      net.load_state_dict(torch.load("models/cnn_v1.pth"))

  def run_densenet(net, loader, mode="train"):
      if mode == "train":
          step(net, loader)
          torch.save(net.state_dict(), "models/densenet.pth")
          print("saved")
          return None
      net.load_state_dict(torch.load("models/densenet.pth", map_location="cpu"))
`;

describe('MLD908: a save in a branch that returns before the load', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/train.py', code, unsafeModelDeserialization);

  it('reports the load after a branch that saves and returns, through the file\'s own helper or by itself', async () => {
    assert.deepEqual(await lines(SAVE_BRANCH_RETURNS), [12, 20]);
  });

  it('still leaves a load after a branch that saves and goes on, or returns only under a test of its own', async () => {
    const goesOn = SAVE_BRANCH_RETURNS.replace(/^ +return( None)?\n/gm, '');
    assert.deepEqual(await lines(goesOn), []);
    const maybe = SAVE_BRANCH_RETURNS.replace(/^( +)(return( None)?\n)/gm, '$1if dry_run:\n$1    $2');
    assert.deepEqual(await lines(maybe), []);
  });
});

/**
 * A class another module drives: a method nothing in the file calls (the entry) runs a method that
 * saves the best model, then one that loads it back. Each entry's body runs its calls in order.
 */
const DRIVEN_SERVER = py`
  import os
  import torch

  class Server:
      def __init__(self, model, exp_folder):
          self.model = model
          self.exp_folder = exp_folder
          self.best = 0.0

      def start(self, rounds):
          for r in range(rounds):
              self.one_round(r)
          self.final_test()

      def one_round(self, r):
          score = self.evaluate()
          if score > self.best:
              self.best = score
              self.save_state(os.path.join(self.exp_folder, "best_model.pth"))

      def save_state(self, save_path):
          torch.save({"model": self.model.state_dict()}, save_path)

      def final_test(self):
          state = torch.load(os.path.join(self.exp_folder, "best_model.pth"))["model"]
          self.model.load_state_dict(state)

  class Trainer:
      def __init__(self, model, out_dir):
          self.model = model
          self.out_dir = out_dir

      def train(self, epochs):
          best = 0.0
          for epoch in range(epochs):
              acc = self.step()
              if acc > best:
                  best = acc
                  torch.save(self.model.state_dict(), os.path.join(self.out_dir, "best.pt"))

      def test(self):
          self.model.load_state_dict(torch.load(os.path.join(self.out_dir, "best.pt")))

  def main(model):
      trainer = Trainer(model, "runs/exp")
      trainer.train(10)
      trainer.test()
`;

describe('MLD908: a method another module drives, which saves before it loads back', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/fl/server.py', code, unsafeModelDeserialization);
  /** The example with one passage replaced, which must be there. */
  const changed = (from: string, to: string) => {
    assert.ok(DRIVEN_SERVER.includes(from), from);
    return DRIVEN_SERVER.replace(from, to);
  };

  it('leaves a load reached from an uncalled method or function only after a call that saved the file', async () => {
    assert.deepEqual(await lines(DRIVEN_SERVER), []);
  });

  it('still reports a load another entry reaches without the save, or reaches first', async () => {
    // A second entry of Server that tests without training.
    const second = changed('    def one_round(self, r):', '    def evaluate_only(self):\n        self.final_test()\n\n    def one_round(self, r):');
    assert.deepEqual(await lines(second), [28]);
    const resumeFirst = changed('    trainer.train(10)\n    trainer.test()', '    trainer.test()\n    trainer.train(10)');
    assert.deepEqual(await lines(resumeFirst), [42]);
  });

  it('still reports a load in the other arm of an if, after a save that returns, and a method nothing calls', async () => {
    const arms = changed('    trainer.train(10)\n    trainer.test()', '    if mode == "train":\n        trainer.train(10)\n    else:\n        trainer.test()');
    assert.deepEqual(await lines(arms), [42]);
    const returns = changed('    trainer.train(10)\n    trainer.test()', '    if mode == "train":\n        trainer.train(10)\n        return\n    trainer.test()');
    assert.deepEqual(await lines(returns), [42]);
    const uncalled = changed('    trainer.train(10)\n    trainer.test()', '    trainer.train(10)');
    assert.deepEqual(await lines(uncalled), [42]);
  });
});

/** A predictor that trains and saves through a method of its own when its model file is missing, then loads it. */
const SAVED_BY_OWN_METHOD = py`
  import pickle
  from pathlib import Path
  import joblib

  class Predictor:
      def __init__(self, model_path="../models/best.pkl"):
          self.model_path = model_path
          self.model = None

      def load_model(self):
          model_file = Path(self.model_path)
          if not model_file.exists():
              self._train_and_save()
              if model_file.exists():
                  with open(model_file, "rb") as f:
                      self.model = pickle.load(f)
          else:
              with open(model_file, "rb") as f:
                  self.model = pickle.load(f)

      def refresh(self):
          self._train_and_save()
          self.model = joblib.load(str(self.model_path))

      def _train_and_save(self):
          try:
              model = fit_best(load_rows())
              with open(self.model_path, "wb") as f:
                  pickle.dump(model, f)
          except ImportError:
              self._save_fallback()

      def _save_fallback(self):
          with open(self.model_path, "wb") as f:
              pickle.dump(MeanModel(), f)
`;

describe('MLD908: a file a method of the class saved, through the attribute set once', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/serve/predictor.py', code, unsafeModelDeserialization);
  const changed = (from: string, to: string) => {
    assert.ok(SAVED_BY_OWN_METHOD.includes(from), from);
    return SAVED_BY_OWN_METHOD.replace(from, to);
  };

  it('leaves loads that run after a call of the method that saved self.<attribute>, also through Path(...), str(...) or a name bound to it', async () => {
    // Only the else arm, where the file was there before this run, reads a file from elsewhere.
    assert.deepEqual(await lines(SAVED_BY_OWN_METHOD), [19]);
  });

  it('still reports the loads when the attribute may name another file, or the save comes after the load', async () => {
    const setTwice = changed('    def refresh(self):\n', '    def retarget(self, p):\n        self.model_path = p\n\n    def refresh(self):\n');
    assert.deepEqual(await lines(setTwice), [16, 26]);
    const loadFirst = changed('        self._train_and_save()\n        self.model = joblib.load(str(self.model_path))', '        self.model = joblib.load(str(self.model_path))\n        self._train_and_save()');
    const conditional = changed('            with open(self.model_path, "wb") as f:\n                pickle.dump(model, f)', '            if should_keep(model):\n                with open(self.model_path, "wb") as f:\n                    pickle.dump(model, f)');
    assert.deepEqual(await lines(conditional), [16], 'a save under a condition may leave an earlier run\'s file: the three loads, one finding');
    // The refresh now reads what the file held before: one file with the else arm's load, one finding.
    assert.deepEqual(await lines(loadFirst), [19]);
    const withoutElse = loadFirst.replace(/ {8}else:\n {12}with open\(model_file, "rb"\) as f:\n {16}self.model = pickle.load\(f\)\n/, '');
    assert.notEqual(withoutElse, loadFirst);
    assert.deepEqual(await lines(withoutElse), [19], 'the refresh load, now on line 19');
  });
});

/**
 * Fixtures of a conftest.py that train into a directory pytest made new and hand the tests a path
 * there: the test asks for them by name and loads what the suite itself saved (round 572).
 */
describe('MLD908: files a conftest.py fixture saved under a directory pytest made new', () => {
  const CONFTEST = py`
    import os
    import joblib
    import pytest
    import torch
    from pathlib import Path

    @pytest.fixture(scope="session")
    def tiny_models(tmp_path_factory):
        model_dir = tmp_path_factory.mktemp("tiny_models")
        for target in ("yards", "touchdowns"):
            (model_dir / target).mkdir(exist_ok=True)
            joblib.dump(fit_ridge(target), str(model_dir / target / "ridge_model.pkl"))
        return model_dir

    @pytest.fixture
    def net_checkpoint(tmp_path):
        target = tmp_path / "net.pt"
        torch.save(TinyNet(), target)
        return target

    @pytest.fixture(scope="session")
    def scorer_file(tmpdir_factory):
        folder = tmpdir_factory.mktemp("scorer")
        path = os.path.join(str(folder), "scorer.pkl")
        fit_scorer(save_path=path)
        yield path

    @pytest.fixture
    def released_models():
        return Path("models") / "release"
  `;
  const TESTS = py`
    import pickle
    import joblib
    import torch

    def test_ridge_round_trip(tiny_models):
        ridge = joblib.load(str(tiny_models / "yards" / "ridge_model.pkl"))
        assert ridge.predict([[0.0] * 8]).shape == (1,)

    def test_checkpoint_reloads(net_checkpoint):
        net = torch.load(net_checkpoint, map_location="cpu")
        assert net is not None

    def test_scorer_reloads(scorer_file):
        with open(scorer_file, "rb") as handle:
            scorer_model = pickle.load(handle)
        assert scorer_model is not None

    def test_release_loads(released_models):
        release_model = joblib.load(released_models / "ridge_model.pkl")
        assert release_model is not None
  `;
  const conftest = (text: string, path = '/proj/tests/conftest.py') => ({ path, text });
  const findingsIn = async (code: string, conftests: { path: string; text: string }[] | undefined, uri = 'file:///proj/tests/test_models.py') => {
    const doc = buildDocument(scriptSource(uri, code));
    const config = { ...allRulesConfig(), ...(conftests ? { conftests } : {}) };
    return analyzeDocument(doc, config, { parser: await parser(), rules: [unsafeModelDeserialization] }).findings.map((f) => f.range.start.line + 1);
  };

  it('leaves a test that loads under a new directory a conftest fixture returns, yields or builds from its tmp_path', async () => {
    assert.deepEqual(await findingsIn(TESTS, undefined), [6, 10, 15, 19], 'without the conftest every load reads a file from elsewhere');
    assert.deepEqual(await findingsIn(TESTS, [conftest(CONFTEST)]), [19], 'the fixture of a fixed folder is still reported');
  });

  it('still reports where the test module or a nearer conftest shadows the fixture, or a helper that is no test takes the name', async () => {
    const shadowed = TESTS.replace('import torch\n', 'import torch\n\ndef tiny_models():\n    return MODELS_DIR\n');
    assert.deepEqual(await findingsIn(shadowed, [conftest(CONFTEST)]), [9, 22]);
    const nearer = conftest(py`
      import pytest

      @pytest.fixture
      def net_checkpoint():
          return "checkpoints/net.pt"
    `, '/proj/tests/unit/conftest.py');
    assert.deepEqual(await findingsIn(TESTS, [conftest(CONFTEST), nearer], 'file:///proj/tests/unit/test_models.py'), [10, 19]);
    const helper = TESTS.replace('def test_checkpoint_reloads(net_checkpoint):', 'def reload_checkpoint(net_checkpoint):');
    assert.deepEqual(await findingsIn(helper, [conftest(CONFTEST)]), [10, 19]);
  });

  it('still reports a load outside a test module', async () => {
    assert.deepEqual(await findingsIn(TESTS, [conftest(CONFTEST)], 'file:///proj/src/models.py'), [6, 10, 15, 19]);
  });
});

/** Loads inside the hooks of a file's own unpickler class, of the bytes the unpickling hands them. */
const UNPICKLER_HOOK_LOADS = py`
  import io
  import pickle
  import pickle as pkl
  from pickle import Unpickler
  import dill
  import torch

  class GpuToCpu(pickle.Unpickler):
      def find_class(self, module, name):
          if module == "torch.storage" and name == "_load_from_bytes":
              return lambda b: torch.load(io.BytesIO(b), map_location="cpu")
          return super().find_class(module, name)

  class Remap(pkl.Unpickler):
      def find_class(self, module, name):
          if name == "_load_from_bytes":
              def restore(data):
                  return torch.load(io.BytesIO(data), map_location=torch.device("cpu"))
              return restore
          return super().find_class(module, name)

  class Embedded(Unpickler):
      def persistent_load(self, saved_id):
          return torch.load(io.BytesIO(saved_id))

  class DillCpu(dill.Unpickler):
      def persistent_load(self, blob):
          return pickle.loads(blob)

  with open("attrs.pkl", "rb") as handle:
      attrs = GpuToCpu(handle).load()
`;

describe('MLD908: loads inside an unpickler\'s own hooks', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/utils.py', code, unsafeModelDeserialization);

  it('leaves a load of the bytes a find_class or persistent_load hook is handed, in a buffer, through a lambda or a nested function', async () => {
    assert.deepEqual(await findingsIn(UNPICKLER_HOOK_LOADS), []);
  });

  it('still reports the same load in a class that derives from no unpickler, or in a method that is no hook', async () => {
    const plain = UNPICKLER_HOOK_LOADS.replace('class GpuToCpu(pickle.Unpickler):', 'class GpuToCpu:');
    assert.deepEqual(await findingsIn(plain), [11]);
    const notHook = UNPICKLER_HOOK_LOADS.replace('def persistent_load(self, saved_id):', 'def restore_blob(self, saved_id):');
    assert.deepEqual(await findingsIn(notHook), [24]);
  });

  it('still reports a hook that loads a file its parameter names, or bytes read from elsewhere', async () => {
    const path = UNPICKLER_HOOK_LOADS.replace('return torch.load(io.BytesIO(saved_id))', 'return torch.load(saved_id)');
    assert.deepEqual(await findingsIn(path), [24]);
    const file = UNPICKLER_HOOK_LOADS.replace('return torch.load(io.BytesIO(saved_id))', 'return torch.load(io.BytesIO(open("side.pt", "rb").read()))');
    assert.deepEqual(await findingsIn(file), [24]);
    const rebound = UNPICKLER_HOOK_LOADS.replace('return lambda b: torch.load(io.BytesIO(b), map_location="cpu")', 'b = open(module, "rb").read()\n            return torch.load(io.BytesIO(b), map_location="cpu")');
    assert.deepEqual(await findingsIn(rebound), [12]);
  });
});

/**
 * A name that copies another as it stands (`STATE_PATH = best_state_path`) holds what that name holds
 * where it is copied: when that is the path a function of the file returns after saving there, a load
 * through the copy reads the program's own file.
 */
describe('MLD908: a plain copy of a name bound to the path a function of the file saved and returned', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/train_cnn.py', code, unsafeModelDeserialization);

  const COPIED_THEN_HANDED_TO_ONE_CALL = py`
    import torch

    def train(net, loader, epochs):
        best_state_path = None
        for epoch in range(epochs):
            score = run_epoch(net, loader)
            path = f"model_state_{epoch}_{round(score, 2)}"
            torch.save(net.state_dict(), path)
            best_state_path = path
        return best_state_path

    def evaluate(net, state_path, loader):
        net.load_state_dict(torch.load(state_path))
        return score(net, loader)

    best_state_path = train(net, train_loader, 10)
    STATE_PATH = best_state_path
    evaluate(net, STATE_PATH, test_loader)
  `;

  const COPIED_THEN_LOADED = py`
    import os
    import joblib

    def save_checkpoint(model, out_dir):
        target = os.path.join(out_dir, "clf.joblib")
        joblib.dump(model, target)
        return target

    ckpt = save_checkpoint(clf, "runs/a")
    final_ckpt = ckpt
    restored = joblib.load(final_ckpt)
  `;

  const COPIED_TWICE_IN_PARENS = py`
    import pickle

    def fit_and_store(model, X, y):
        model.fit(X, y)
        with open("ranker.pkl", "wb") as fh:
            pickle.dump(model, fh)
        return "ranker.pkl"

    stored = fit_and_store(ranker, X, y)
    chosen = (stored)
    to_serve = chosen
    with open(to_serve, "rb") as fh:
        served = pickle.load(fh)
  `;

  it('leaves a load through a copy of the name a saving function\'s returned path is bound to', async () => {
    assert.deepEqual(await findingsIn(COPIED_THEN_HANDED_TO_ONE_CALL), []);
    assert.deepEqual(await findingsIn(COPIED_THEN_LOADED), []);
    assert.deepEqual(await findingsIn(COPIED_TWICE_IN_PARENS), []);
  });

  it('still reports a copy of a name that a helper only naming a path is bound to', async () => {
    const named = COPIED_THEN_LOADED.replace('    joblib.dump(model, target)\n', '');
    assert.deepEqual(await findingsIn(named), [10]);
  });

  it('still reports a copy of a name bound again to a foreign path before the copy, or a copy bound elsewhere too', async () => {
    const rebound = COPIED_THEN_LOADED.replace('final_ckpt = ckpt', 'ckpt = args.pretrained\nfinal_ckpt = ckpt');
    assert.deepEqual(await findingsIn(rebound), [12]);
    const either = COPIED_THEN_LOADED.replace('final_ckpt = ckpt', 'final_ckpt = ckpt\nif args.resume:\n    final_ckpt = args.resume');
    assert.deepEqual(await findingsIn(either), [13]);
    const foreign = COPIED_THEN_HANDED_TO_ONE_CALL.replace('STATE_PATH = best_state_path', 'STATE_PATH = os.environ["STATE_PATH"]');
    assert.deepEqual(await findingsIn(foreign), [13]);
  });
});

describe('MLD908: a file a save method wrote, handed its folder and its file name apart', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/fit_tabular.py', code, unsafeModelDeserialization);

  const FOLDER_AND_NAME_KEYWORDS = py`
    import torch

    learner = TabularLearner(net, objective="binary")
    learner.fit(X_tab=X, target=y, n_epochs=3)
    learner.save(path="weights_dir/", save_state_dict=True, model_filename="tab_net.pt")

    fresh = build_net()
    fresh.load_state_dict(torch.load("weights_dir/tab_net.pt"))
  `;

  const FOLDER_FROM_A_PARAMETER = py`
    import os
    import torch

    def test_reload_keeps_optimizer(tmp_folder):
        learner = TabularLearner(build_net(), objective="regression")
        learner.fit(X_tab=X, target=y, n_epochs=1)
        learner.save(path=tmp_folder, save_optimizer=True, model_filename="with_optim.pt")
        restored = torch.load(os.path.join(tmp_folder, "with_optim.pt"), weights_only=False)
        assert "optimizer" in restored
  `;

  const POSITIONAL_FOLDER = py`
    import torch

    pretrainer.pretrain(X_tab, n_epochs=5)
    pretrainer.save_model("encoder_weights", file_name="encoder.pt")
    encoder = torch.load("encoder_weights/encoder.pt")
  `;

  it('leaves a load of the folder and name a save method was handed apart, after that save', async () => {
    assert.deepEqual(await findingsIn(FOLDER_AND_NAME_KEYWORDS), []);
    assert.deepEqual(await findingsIn(FOLDER_FROM_A_PARAMETER), []);
    assert.deepEqual(await findingsIn(POSITIONAL_FOLDER), []);
  });

  it('still reports a load before the save, of another name in the folder, or of a folder saved without a name', async () => {
    const before = POSITIONAL_FOLDER.replace('encoder = torch.load("encoder_weights/encoder.pt")\n', '').replace('pretrainer.pretrain(X_tab, n_epochs=5)\n', 'encoder = torch.load("encoder_weights/encoder.pt")\npretrainer.pretrain(X_tab, n_epochs=5)\n');
    assert.deepEqual(await findingsIn(before), [3]);
    const other = FOLDER_AND_NAME_KEYWORDS.replace('torch.load("weights_dir/tab_net.pt")', 'torch.load("weights_dir/released.pt")');
    assert.deepEqual(await findingsIn(other), [8]);
    const unnamed = FOLDER_AND_NAME_KEYWORDS.replace(', model_filename="tab_net.pt")', ')');
    assert.deepEqual(await findingsIn(unnamed), [8]);
    const otherFolder = FOLDER_FROM_A_PARAMETER.replace('os.path.join(tmp_folder, "with_optim.pt")', 'os.path.join(other_folder, "with_optim.pt")');
    assert.deepEqual(await findingsIn(otherFolder), [8]);
  });
});

describe('MLD908: the file an Ignite checkpoint handler reports it saved last', () => {
  const findingsIn = (code: string) => findingLinesIn('file:///proj/test_resume.py', code, unsafeModelDeserialization);

  const HANDLER_CALLED = py`
    import torch
    from ignite.engine import Engine
    from ignite.handlers import ModelCheckpoint

    def test_restores_weights(tmp_dir):
        saver = ModelCheckpoint(tmp_dir, "run", require_empty=False)
        engine = Engine(lambda e, b: None)
        net = SmallNet()
        saver(engine, {"net": net})
        state = torch.load(saver.last_checkpoint)
        assert state.keys() == net.state_dict().keys()
  `;

  const ATTACHED_THEN_RUN = py`
    import torch
    from ignite.engine import Events, create_supervised_trainer
    from ignite.handlers import Checkpoint, DiskSaver

    trainer = create_supervised_trainer(net, optimizer, loss_fn)
    keeper = Checkpoint({"net": net, "opt": optimizer}, DiskSaver("ckpts", require_empty=False), n_saved=1)
    trainer.add_event_handler(Events.EPOCH_COMPLETED, keeper)
    trainer.run(train_loader, max_epochs=3)
    latest = keeper.last_checkpoint
    restored = torch.load(latest, map_location="cpu")
  `;

  it('leaves a load of last_checkpoint after the handler was called or its engine ran', async () => {
    assert.deepEqual(await findingsIn(HANDLER_CALLED), []);
    assert.deepEqual(await findingsIn(ATTACHED_THEN_RUN), []);
  });

  it('still reports last_checkpoint read before the handler ran, or of an object that is no Ignite handler', async () => {
    const before = HANDLER_CALLED.replace('    saver(engine, {"net": net})\n', '');
    assert.deepEqual(await findingsIn(before), [9]);
    const notRun = ATTACHED_THEN_RUN.replace('trainer.run(train_loader, max_epochs=3)\n', '');
    assert.deepEqual(await findingsIn(notRun), [9]);
    const notAttached = ATTACHED_THEN_RUN.replace('trainer.add_event_handler(Events.EPOCH_COMPLETED, keeper)', 'trainer.add_event_handler(Events.EPOCH_COMPLETED, log_metrics)');
    assert.deepEqual(await findingsIn(notAttached), [10]);
    const other = HANDLER_CALLED.replace('saver = ModelCheckpoint(tmp_dir, "run", require_empty=False)', 'saver = load_registry(tmp_dir)');
    assert.deepEqual(await findingsIn(other), [10]);
  });
});
