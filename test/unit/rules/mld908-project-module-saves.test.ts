// MLD908 and the project's own modules: a load of the file that a function of an imported project
// module saved, at a call made before the load, reads the program's own save (AnalysisConfig.projectModules).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ProjectModuleCache } from '../../../server/src/config/projectModules';
import { allRulesConfig, py, run, type CellSpec } from '../../support/engine';
import type { ProjectModuleSource } from '../../../server/src/config/settings';

const projectModule = (name: string, text: string): ProjectModuleSource => ({ name, path: `/project/${name.replace(/^\.+/, '').replace(/\./g, '/')}.py`, text });

/** The lines of MLD908's findings in `code` with `modules` imported from the project. */
async function lines(code: string | (string | CellSpec)[], modules: ProjectModuleSource[]): Promise<number[]> {
  const { result } = await run(code, undefined, { ...allRulesConfig(), projectModules: modules });
  return result.findings.filter((f) => f.code === 'MLD908').map((f) => f.range.start.line + 1);
}

const CHECKPOINTS = projectModule('checkpoints', py`
  import os
  import time
  import torch

  def save_weights(net, path):
      torch.save(net.state_dict(), path)

  def save_best_model(model, args, checkpoint_prefix="checkpoint-best"):
      output_dir = os.path.join(args.output_dir, checkpoint_prefix)
      os.makedirs(output_dir, exist_ok=True)
      torch.save(model.state_dict(), os.path.join(output_dir, "model.bin"))

  def save_stamped(net, folder):
      torch.save(net.state_dict(), os.path.join(folder, time.strftime("%H%M%S") + ".pt"))

  def save_renamed(net, path):
      path = path + time.strftime("%H%M%S")
      torch.save(net.state_dict(), path)

  def log_path(net, path):
      print("would save to", path)

  def load_weights(net, path):
      net.load_state_dict(torch.load(path))

  def save_checkpoint(model, checkpoint_dir, filename="best.pth"):
      path = os.path.join(checkpoint_dir, time.strftime("%H%M") + "_" + filename)
      torch.save(model.state_dict(), path)
      return path

  def checkpoint_name(checkpoint_dir, filename="best.pth"):
      return os.path.join(checkpoint_dir, filename)
`);

const TRAINING = projectModule('training', py`
  import os
  import joblib
  from sklearn.ensemble import RandomForestClassifier

  MODEL_PATH = "models/churn_model.joblib"

  def train_model(X, y, C=1.0):
      model = fit_logistic(X, y, C)
      joblib.dump(model, MODEL_PATH)
      run_id = log_run(model)
      return MODEL_PATH, run_id

  def train_pair(X, y):
      out = os.path.join("models", "rf.joblib")
      clf = RandomForestClassifier(random_state=0).fit(X, y)
      joblib.dump(clf, out)
      return (clf.score(X, y), out)

  def train_maybe(X, y, out):
      if X is None:
          return None, None
      clf = RandomForestClassifier(random_state=0).fit(X, y)
      joblib.dump(clf, out)
      return out, {"acc": clf.score(X, y)}

  def train_beside(X, y, out):
      clf = RandomForestClassifier(random_state=0).fit(X, y)
      joblib.dump(clf, out)
      return "models/baseline_model.joblib", out
`);

const ATOMIC = projectModule('storage', py`
  import os
  import shutil
  from pathlib import Path
  import torch

  def atomic_torch_save(value, path):
      path = Path(path)
      temporary = path.with_name(f".{path.name}.tmp")
      torch.save(value, temporary)
      os.replace(temporary, path)

  def install_release(url, path):
      temporary = str(path) + ".part"
      shutil.copy(download(url), temporary)
      os.replace(temporary, path)

  def move_only(path):
      os.replace(str(path) + ".old", path)
`);

describe('MLD908: saves by functions of the project modules a file imports', () => {
  it('a load of the file an imported helper saved before it reads the program\'s own save', async () => {
    const code = py`
      import torch
      from checkpoints import save_weights

      net = Net()
      save_weights(net, "best.pt")
      net.load_state_dict(torch.load("best.pt"))
    `;
    assert.deepEqual(await lines(code, []), [6], 'without the module the helper is unknown');
    assert.deepEqual(await lines(code, [CHECKPOINTS]), []);
  });

  it('follows a path built from an attribute of a parameter and a default, through a star import and a training function', async () => {
    const code = py`
      import os
      import torch
      from checkpoints import *

      def train(args, model):
          for epoch in range(args.epochs):
              fit_one_epoch(model)
          save_best_model(model, args, checkpoint_prefix="best_model")
          save_best_model(model, args)

      def main():
          args = parse_args()
          model = Model()
          train(args, model)
          model.load_state_dict(torch.load(os.path.join(args.output_dir, "best_model", "model.bin")))
          model.load_state_dict(torch.load(os.path.join(args.output_dir, "checkpoint-best/model.bin")))
    `;
    assert.deepEqual(await lines(code, []), [15, 16], 'without the module both loads are foreign');
    assert.deepEqual(await lines(code, [CHECKPOINTS]), []);
  });

  it('a save to a parameter or a fallback name writes the parameter where a call gives it, and the fallback where it leaves the parameter out', async () => {
    const trainer = (choice: string) => projectModule('trainer', py`
      import os
      import torch
      from settings import Config

      def train_model(model, loader, epochs=10, save_name=None):
          best = float("inf")
          for epoch in range(epochs):
              loss = model.fit_epoch(loader)
              if loss < best:
                  best = loss
                  filename = ${choice}
                  torch.save(model.state_dict(), os.path.join(Config.MODEL_DIR, filename))

      def fit_inline(model, loader, out_dir, name=None):
          model.fit_epoch(loader)
          torch.save(model.state_dict(), os.path.join(out_dir, name or "last.pth"))

      def fit_required(model, loader, save_name):
          model.fit_epoch(loader)
          torch.save(model.state_dict(), os.path.join("models", save_name if save_name else "required.pth"))
    `);
    const code = py`
      import os
      import torch
      from settings import Config
      from trainer import train_model, fit_inline, fit_required

      def named(model, loader):
          train_model(model, loader, save_name="transformer.pth")
          model.load_state_dict(torch.load(os.path.join(Config.MODEL_DIR, "transformer.pth"), weights_only=False))

      def unnamed(model, loader):
          train_model(model, loader, epochs=5)
          model.load_state_dict(torch.load(os.path.join(Config.MODEL_DIR, "default.pth"), weights_only=False))

      def inline(model, loader, out_dir):
          fit_inline(model, loader, out_dir)
          model.load_state_dict(torch.load(os.path.join(out_dir, "last.pth"), weights_only=False))
          fit_inline(model, loader, out_dir, "run2.pth")
          model.load_state_dict(torch.load(os.path.join(out_dir, "run2.pth"), weights_only=False))

      def given_none(model, loader, out_dir):
          fit_inline(model, loader, out_dir, name=None)
          model.load_state_dict(torch.load(os.path.join(out_dir, "last.pth"), weights_only=False))
    `;
    const foreign = py`
      import os
      import torch
      from settings import Config
      from trainer import train_model, fit_inline, fit_required

      def named_fallback(model, loader):
          train_model(model, loader, save_name="transformer.pth")
          model.load_state_dict(torch.load(os.path.join(Config.MODEL_DIR, "default.pth"), weights_only=False))

      def splat(model, loader, opts):
          train_model(model, loader, **opts)
          model.load_state_dict(torch.load(os.path.join(Config.MODEL_DIR, "default.pth"), weights_only=False))

      def given_name(model, loader, out_dir, name):
          fit_inline(model, loader, out_dir, name)
          model.load_state_dict(torch.load(os.path.join(out_dir, "last.pth"), weights_only=False))

      def required(model, loader, name):
          fit_required(model, loader, name)
          model.load_state_dict(torch.load(os.path.join("models", "required.pth"), weights_only=False))
    `;
    const settings = projectModule('settings', py`
      class Config:
          MODEL_DIR = "models"
    `);
    for (const choice of ['save_name if save_name else "default.pth"', 'save_name or "default.pth"', '"default.pth" if save_name is None else save_name', 'save_name if save_name is not None else "default.pth"', '"default.pth" if not save_name else save_name']) {
      // `out_dir` of `inline` and `out_dir` of `given_none` are parameters of two functions: their
      // `last.pth` loads may read two files, each its own finding.
      assert.deepEqual(await lines(code, [settings]), [8, 12, 16, 18, 22], 'without the trainer every load is foreign');
      assert.deepEqual(await lines(code, [settings, trainer(choice)]), [], choice);
      assert.deepEqual(await lines(foreign, [settings, trainer(choice)]), [8, 16, 20], choice);
    }
    // A test that does not choose between the parameter and the fallback keeps both saves unknown.
    assert.deepEqual(await lines(code, [settings, trainer('"default.pth" if save_name == "x" else save_name')]), [8, 12]);
  });

  it('a part of the saved path in one case (`name.lower()`) is the same text as that part lowered at the load', async () => {
    const trainer = projectModule('fitting', py`
      import os
      import time
      import torch

      def fit(model, loader, epochs=10):
          model_name = model.__class__.__name__
          best = float("inf")
          for epoch in range(epochs):
              loss = model.fit_epoch(loader)
              if loss < best:
                  best = loss
                  torch.save(model.state_dict(), os.path.join("models", f"{model_name.lower()}.pth"))

      def fit_tagged(model, loader, tag):
          model.fit_epoch(loader)
          torch.save(model.state_dict(), os.path.join("models", tag.upper() + "_final.pt"))

      def fit_stamped(model, loader):
          model.fit_epoch(loader)
          torch.save(model.state_dict(), os.path.join("models", time.strftime("%H%M").lower() + ".pt"))
    `);
    const code = py`
      import os
      import torch
      from fitting import fit, fit_tagged, fit_stamped

      def run(model, loader):
          fit(model, loader)
          model_name = model.__class__.__name__.lower()
          model.load_state_dict(torch.load(os.path.join("models", f"{model_name}.pth"), weights_only=False))

      def run_inline(net, loader):
          fit(net, loader, epochs=3)
          net.load_state_dict(torch.load(os.path.join("models", net.__class__.__name__.lower() + ".pth"), weights_only=False))

      def run_tagged(model, loader, args):
          fit_tagged(model, loader, args.tag)
          model.load_state_dict(torch.load(os.path.join("models", f"{args.tag.upper()}_final.pt"), weights_only=False))
    `;
    const foreign = py`
      import os
      import time
      import torch
      from fitting import fit, fit_tagged, fit_stamped

      def other_model(model, baseline, loader):
          fit(model, loader)
          baseline.load_state_dict(torch.load(os.path.join("models", f"{baseline.__class__.__name__.lower()}.pth"), weights_only=False))

      def other_case(model, loader):
          fit(model, loader)
          model.load_state_dict(torch.load(os.path.join("models", f"{model.__class__.__name__.upper()}.pth"), weights_only=False))

      def stamped(model, loader):
          fit_stamped(model, loader)
          model.load_state_dict(torch.load(os.path.join("models", time.strftime("%H%M").lower() + ".pt"), weights_only=False))
    `;
    assert.deepEqual(await lines(code, []), [8, 12, 16], 'without the module every load is foreign');
    assert.deepEqual(await lines(code, [trainer]), []);
    assert.deepEqual(await lines(foreign, [trainer]), [8, 12, 16]);
  });

  it('reads helpers of a module imported whole, under an alias, or relatively, and in a notebook', async () => {
    const io = projectModule('utils.io', py`
      import joblib, pickle

      def dump_model(model, path="model.joblib"):
          joblib.dump(model, path)

      def pickle_to(obj, path):
          with open(path, "wb") as f:
              pickle.dump(obj, f)
    `);
    const whole = py`
      import joblib
      import utils.io as uio

      uio.dump_model(clf)
      clf = joblib.load("model.joblib")
    `;
    assert.deepEqual(await lines(whole, []), [5]);
    assert.deepEqual(await lines(py`
      import joblib
      import utils.io as uio

      uio.dump_model(clf)
      clf = joblib.load("model.joblib")
    `, [io]), []);
    assert.deepEqual(await lines(py`
      import pickle
      from .io import pickle_to as save

      save(scaler, f"{out_dir}/scaler.pkl")
      with open(f"{out_dir}/scaler.pkl", "rb") as f:
          scaler = pickle.load(f)
    `, [{ ...io, name: '.io' }]), []);
    assert.deepEqual(await lines([
      'import joblib\nfrom utils.io import dump_model',
      'dump_model(clf, "models/clf.joblib")',
      'clf = joblib.load("models/clf.joblib")',
    ], [io]), []);
  });

  it('an entry of a record a project function returns, holding the path it saved to, names the program\'s own file', async () => {
    const STORAGE = projectModule('fraudlab.storage', py`
      import joblib

      def persist(obj, target):
          joblib.dump(obj, target)
          return target
    `);
    const baseline = (imports: ProjectModuleSource[]) => ({ ...projectModule('fraudlab.models.baseline', py`
      from dataclasses import dataclass
      from pathlib import Path
      from typing import NamedTuple
      import joblib
      from lightgbm import LGBMClassifier
      from fraudlab.storage import persist

      @dataclass(frozen=True)
      class FitSummary:
          variant: str
          model_path: Path
          auc: float
          report_path: Path

      class Outcome(NamedTuple):
          model_file: Path
          accuracy: float

      class Bundle:
          def __init__(self, checkpoint, notes):
              self.checkpoint = checkpoint
              self.notes = notes

      def _write_model(clf, *, models_dir, variant):
          target = models_dir / f"baseline_{variant}.joblib"
          joblib.dump(clf, target)
          return target

      def fit_baseline(frame, variant="random", settings=None):
          clf = LGBMClassifier(n_estimators=40).fit(frame.drop(columns="label"), frame["label"])
          model_path = _write_model(clf, models_dir=settings.models_dir, variant=variant)
          return FitSummary(variant=variant, model_path=model_path, auc=clf.best_score_, report_path=settings.report)

      def fit_direct(frame, out_dir):
          clf = LGBMClassifier(n_estimators=20).fit(frame.drop(columns="label"), frame["label"])
          model_path = out_dir / "direct.joblib"
          joblib.dump(clf, model_path)
          return {"variant": "direct", "model_path": model_path, "scaler_path": out_dir / "scaler.joblib"}

      def fit_stored(frame, out_dir):
          if frame is None:
              return None
          clf = LGBMClassifier().fit(frame.drop(columns="label"), frame["label"])
          stored = persist(clf, out_dir / "stored.joblib")
          return Outcome(model_file=stored, accuracy=0.0)

      def fit_bundle(frame, out_dir):
          clf = LGBMClassifier().fit(frame.drop(columns="label"), frame["label"])
          return Bundle(checkpoint=_write_model(clf, models_dir=out_dir, variant="bundle"), notes="")

      def fit_warm(frame, out_dir, warm_start=None):
          if warm_start is not None:
              return FitSummary(variant="warm", model_path=warm_start, auc=0.0, report_path=out_dir)
          clf = LGBMClassifier().fit(frame.drop(columns="label"), frame["label"])
          joblib.dump(clf, out_dir / "cold.joblib")
          return FitSummary(variant="cold", model_path=out_dir / "cold.joblib", auc=0.0, report_path=out_dir)
    `), imports });
    const code = py`
      import joblib
      from fraudlab.models.baseline import fit_baseline, fit_direct, fit_stored, fit_bundle, fit_warm

      def test_reload_matches(frame, settings):
          result = fit_baseline(frame, variant="random", settings=settings)
          reloaded = joblib.load(result.model_path)
          summary = fit_direct(frame, settings.models_dir)
          direct = joblib.load(summary["model_path"])
          outcome = fit_stored(frame, settings.models_dir)
          stored = joblib.load(outcome.model_file)
          bundle = fit_bundle(frame, settings.models_dir)
          bundled = joblib.load(bundle.checkpoint)
          assert (reloaded.predict(frame) == direct.predict(frame)).all() and stored.predict(frame).shape == bundled.predict(frame).shape

      def test_foreign(frame, settings):
          result = fit_baseline(frame, settings=settings)
          model = joblib.load(result.report_path)
          summary = fit_direct(frame, settings.models_dir)
          scaler_model = joblib.load(summary["scaler_path"])
          warm = fit_warm(frame, settings.models_dir, warm_start=settings.champion)
          champion = joblib.load(warm.model_path)
          return model.predict(frame), scaler_model, champion.predict(frame)

      def test_changed(frame, settings):
          result = fit_baseline(frame, settings=settings)
          if settings.reuse:
              result = settings.previous_summary()
          again = joblib.load(result.model_path)
          summary = fit_direct(frame, settings.models_dir)
          summary["model_path"] = settings.champion
          champion = joblib.load(summary["model_path"])
          return again.predict(frame), champion.predict(frame)

      def reload_stored(frame):
          early = joblib.load(OUTCOME.model_file)
          return early.predict(frame)

      FIRST = reload_stored(FRAME)
      OUTCOME = fit_stored(FRAME, SETTINGS.models_dir)
    `;
    assert.deepEqual(await lines(code, []), [6, 8, 10, 12, 17, 19, 21, 28, 31, 35], 'without the module every load is foreign');
    assert.deepEqual(await lines(code, [baseline([STORAGE])]), [17, 19, 21, 28, 31, 35]);
  });

  it('reads the functions of a module imported by name from its package (from pkg.models import train)', async () => {
    const train = projectModule('hr.models.train', py`
      import joblib
      from xgboost import XGBClassifier

      def main(raw_path, model_path, retrain_full=False):
          model = XGBClassifier().fit(*prepare(raw_path))
          joblib.dump(model, model_path)
    `);
    const code = py`
      import argparse
      import joblib
      from hr.models import evaluate, train

      def run():
          args = argparse.ArgumentParser().parse_args()
          train.main(raw_path=args.raw, model_path=args.model_path)
          evaluate.main(model_path=args.model_path)
          train.main(args.raw, args.prod_model_path, retrain_full=True)
          prod = joblib.load(args.prod_model_path)
          return prod, joblib.load(args.model_path)
    `;
    assert.deepEqual(await lines(code, []), [10, 11], 'without the module the function is unknown');
    assert.deepEqual(await lines(code, [train]), []);
    assert.deepEqual(await lines(py`
      import joblib
      from hr.models import (
          train,
      )

      train.main("data/raw.csv", "models/prod.pkl")
      model = joblib.load("models/prod.pkl")
    `, [train]), []);
    // A file the calls did not pass, or a load before the call, is still another file.
    assert.deepEqual(await lines(py`
      import joblib
      from hr.models import train

      early = joblib.load("models/prod.pkl")
      train.main("data/raw.csv", "models/prod.pkl")
      other = joblib.load("models/baseline.pkl")
    `, [train]), [4, 6]);
  });

  it('an atomic save, written to a temporary file and moved onto the path it is given, saves to that path', async () => {
    const code = py`
      import torch
      from pathlib import Path
      from storage import atomic_torch_save, install_release, move_only

      def train(model, out_dir, epochs):
          best = None
          for epoch in range(epochs):
              score = run_epoch(model)
              if best is None or score > best:
                  best = score
                  atomic_torch_save(model.state_dict(), Path(out_dir) / "best_model.pt")
          model.load_state_dict(torch.load(Path(out_dir) / "best_model.pt"))

      def warm_start(model, cache):
          install_release("https://example.org/r1.pt", cache / "release.pt")
          model.load_state_dict(torch.load(cache / "release.pt"))
          move_only(cache / "kept.pt")
          model.load_state_dict(torch.load(cache / "kept.pt"))
    `;
    assert.deepEqual(await lines(code, []), [12, 16, 18], 'without the module the helper is unknown');
    assert.deepEqual(await lines(code, [ATOMIC]), [16, 18], 'a download moved into place, or a move of nothing saved, is still reported');
  });

  it('still reports a load the helper did not save: another file, before the call, a stamped or rebuilt name, a helper that saves nothing', async () => {
    assert.deepEqual(await lines(py`
      import torch
      from checkpoints import save_weights, save_stamped, save_renamed, log_path, load_weights

      net = Net()
      net.load_state_dict(torch.load("warm.pt"))
      save_weights(net, "warm.pt")
      save_weights(net, "last.pt")
      net.load_state_dict(torch.load("best.pt"))
      save_stamped(net, "runs")
      net.load_state_dict(torch.load("runs/120000.pt"))
      save_renamed(net, "snap")
      net.load_state_dict(torch.load("snap"))
      log_path(net, "logged.pt")
      net.load_state_dict(torch.load("logged.pt"))
    `, [CHECKPOINTS]), [5, 8, 10, 12, 14]);
  });

  it('a name bound to what a helper returns, the path it saved to, holds the program\'s own file', async () => {
    const code = py`
      import torch
      from checkpoints import save_checkpoint, checkpoint_name

      def fit(model, cfg, loaders):
          best_f1, checkpoint_path = 0.0, None
          for epoch in range(cfg.epochs):
              f1 = run_epoch(model, loaders)
              if f1 > best_f1:
                  best_f1 = f1
                  checkpoint_path = save_checkpoint(model, cfg.checkpoint_dir, filename=f"{cfg.run}_best.pth")
          if checkpoint_path is not None:
              model.load_state_dict(torch.load(checkpoint_path, map_location="cpu"))
          named = checkpoint_name(cfg.checkpoint_dir)
          model.load_state_dict(torch.load(named))
          return model
    `;
    assert.deepEqual(await lines(code, []), [12, 14], 'without the module both loads are foreign');
    // The helper that only names a path saves nothing: its load stays reported.
    assert.deepEqual(await lines(code, [CHECKPOINTS]), [14]);
  });

  it('a name unpacked from the tuple a helper returns, at the position of the path it saved to, holds the program\'s own file', async () => {
    const code = py`
      import joblib
      from training import train_model, train_pair, train_maybe, train_beside

      def test_training_outputs(X, y):
          model_path, run_id = train_model(X, y, C=0.5)
          model = joblib.load(model_path)
          score, path = train_pair(X, y)
          clf_model = joblib.load(path)
          out, metrics = train_maybe(X, y, "models/m.joblib")
          best_model = joblib.load(out)
          assert model.predict(X).shape == clf_model.predict(X).shape == best_model.predict(X).shape

      def test_foreign(X, y):
          stale_model = joblib.load("models/churn_model.joblib")
          baseline, saved = train_beside(X, y, "models/o.joblib")
          base_model = joblib.load(baseline)
          run, model_path = train_model(X, y)[::-1]
          other_model = joblib.load(model_path)
          return stale_model, base_model, other_model
    `;
    assert.deepEqual(await lines(code, []), [6, 8, 10, 14, 16, 18], 'without the module every load is foreign');
    // A load before the call, an element the helper did not save to, or a tuple reworked before it is unpacked, is still reported.
    assert.deepEqual(await lines(code, [TRAINING]), [14, 16, 18]);
  });

  it('a project function that returns, in its tuple, what such a helper\'s tuple held at the saved path\'s position returns that path there too', async () => {
    const runner = (imports: ProjectModuleSource[]) => ({ ...projectModule('runner', py`
      from training import train_model, train_beside

      def run_training(X, y, C=1.0):
          if X is None:
              return None, None
          model_path, run_id = train_model(X, y, C=C)
          print(f"saved {model_path}")
          return model_path, run_id

      def run_baseline(X, y):
          baseline, saved = train_beside(X, y, "models/o.joblib")
          return baseline, saved

      def run_swapped(X, y):
          model_path, run_id = train_model(X, y)
          return run_id, model_path
    `), imports });
    const code = py`
      import unittest
      import joblib
      from runner import run_training, run_baseline, run_swapped

      class TestRunner(unittest.TestCase):
          def test_forwarded_paths(self):
              model_path, run_id = run_training(self.X, self.y, C=0.7)
              model = joblib.load(model_path)
              self.assertTrue(hasattr(model, "predict"))
              base, saved = run_baseline(self.X, self.y)
              base_model = joblib.load(base)
              self.assertIsNotNone(base_model)
              saved_model = joblib.load(saved)
              run_id, swapped_path = run_swapped(self.X, self.y)
              swapped_model = joblib.load(swapped_path)
              first, second = run_swapped(self.X, self.y)
              first_model = joblib.load(first)
              self.assertEqual(saved_model.n_features_in_, swapped_model.n_features_in_, first_model)
    `;
    assert.deepEqual(await lines(code, [runner([])]), [8, 11, 13, 15, 17], 'without the module it imports, the runner saves nothing');
    // What the helper's tuple held at another position (its own constant, the run id) is still reported.
    assert.deepEqual(await lines(code, [runner([TRAINING])]), [11, 17]);
  });

  it('a function of the file that hands the helper a path over its own parameters saves what its calls pass', async () => {
    const code = py`
      import os
      from pathlib import Path
      import torch
      from checkpoints import save_weights

      def fit(args, net, run_id):
          run_dir = os.path.join(args.ckpt_dir, run_id)
          for epoch in range(args.epochs):
              if step(net) > args.target:
                  best_path = os.path.join(run_dir, "best.pth")
                  save_weights(net, best_path)

      def export(net, out):
          save_weights(net, out / "last.pt")

      def tune(net, tag):
          save_weights(net, f"sweeps/{tag}.pt")

      def main(args, net):
          run_id = args.run_name
          fit(args, net, run_id)
          net.load_state_dict(torch.load(os.path.join(args.ckpt_dir, run_id, "best.pth")))
          folder = Path("exports") / args.run_name
          export(net, out=folder)
          net.load_state_dict(torch.load(folder / "last.pt"))
          tune(net, "small")
          tune(net, "large")
          net.load_state_dict(torch.load("sweeps/large.pt"))
    `;
    assert.deepEqual(await lines(code, []), [22, 25, 28], 'without the module all three loads are foreign');
    assert.deepEqual(await lines(code, [CHECKPOINTS]), []);
  });

  it('still reports a load of what such a function\'s calls did not pass, or before its call', async () => {
    assert.deepEqual(await lines(py`
      import os
      import torch
      from checkpoints import save_weights

      def fit(args, net, run_id):
          for epoch in range(args.epochs):
              save_weights(net, os.path.join(args.ckpt_dir, run_id, "best.pth"))

      def tune(net, tag):
          save_weights(net, f"sweeps/{tag}.pt")

      def main(args, net):
          net.load_state_dict(torch.load(os.path.join(args.ckpt_dir, args.run_name, "best.pth")))
          fit(args, net, args.run_name)
          net.load_state_dict(torch.load(os.path.join(args.ckpt_dir, args.base_run, "best.pth")))
          tune(net, "small")
          net.load_state_dict(torch.load("sweeps/large.pt"))
    `, [CHECKPOINTS]), [13, 15, 17]);
  });

  it('a method of an imported class saves to the path its construction gave (EarlyStopping, called or through a method)', async () => {
    const tools = projectModule('pytorchtools', py`
      import numpy as np
      import torch

      class EarlyStopping:
          def __init__(self, patience=7, verbose=False, delta=0, path="checkpoint.pt"):
              self.patience = patience
              self.path = path
              self.best_score = None

          def __call__(self, val_loss, model):
              score = -val_loss
              if self.best_score is None or score > self.best_score:
                  self.best_score = score
                  self.save_checkpoint(val_loss, model)

          def save_checkpoint(self, val_loss, model):
              torch.save(model.state_dict(), self.path)

      class Snapshotter:
          def __init__(self, folder):
              self.folder = folder

          def snapshot(self, model, tag):
              torch.save(model.state_dict(), f"{self.folder}/{tag}.pt")

      class Mover:
          def __init__(self, folder):
              self.folder = folder

          def move(self, folder):
              self.folder = folder

          def snapshot(self, model):
              torch.save(model.state_dict(), f"{self.folder}/last.pt")
    `);
    const code = py`
      import torch
      from pytorchtools import EarlyStopping, Snapshotter, Mover

      early_stopping = EarlyStopping(patience=5, path="best_model.pt")
      for epoch in range(50):
          val_loss = run_epoch(model)
          early_stopping(val_loss, model)
      model.load_state_dict(torch.load("best_model.pt"))
      defaulted = EarlyStopping(patience=3)
      defaulted.save_checkpoint(0.5, model)
      model.load_state_dict(torch.load("checkpoint.pt"))
      snaps = Snapshotter("runs")
      snaps.snapshot(model, "final")
      model.load_state_dict(torch.load("runs/final.pt"))
      model.load_state_dict(torch.load("runs/other.pt"))
      mover = Mover("runs")
      mover.snapshot(model)
      model.load_state_dict(torch.load("runs/last.pt"))
    `;
    assert.deepEqual(await lines(code, []), [8, 11, 14, 15, 18], 'without the module every load is foreign');
    // A file no call saved, and a folder the class may have been moved off, stay reported.
    assert.deepEqual(await lines(code, [tools]), [15, 18]);
  });

  it('a method reached from another that hands it its own parameters unchanged saves to what the outer call passes', async () => {
    const tools = projectModule('utils.tools', py`
      import torch

      class EarlyStopping:
          def __init__(self, patience=7, delta=0):
              self.patience = patience
              self.best_score = None

          def __call__(self, val_loss, model, path):
              score = -val_loss
              if self.best_score is None:
                  self.best_score = score
                  self.save_checkpoint(val_loss, model, path)
              elif score > self.best_score:
                  self.best_score = score
                  self.save_checkpoint(val_loss, model, path)

          def save_checkpoint(self, val_loss, model, path):
              torch.save(model.state_dict(), path + "/" + "checkpoint.pth")

      class Staged:
          def __call__(self, val_loss, model, path):
              self.save_checkpoint(val_loss, model, path + "_staged")

          def save_checkpoint(self, val_loss, model, path):
              torch.save(model.state_dict(), path + "/" + "checkpoint.pth")

      class Mixed:
          def __call__(self, val_loss, model, path, backup):
              self.save_checkpoint(val_loss, model, path)
              self.save_checkpoint(val_loss, model, backup)

          def save_checkpoint(self, val_loss, model, path):
              torch.save(model.state_dict(), path + "/" + "checkpoint.pth")
    `);
    const code = py`
      import os
      import torch
      from utils.tools import EarlyStopping, Staged, Mixed

      def train(model, args, setting):
          path = os.path.join(args.checkpoints, setting)
          early_stopping = EarlyStopping(patience=args.patience)
          for epoch in range(args.train_epochs):
              early_stopping(validate(model), model, path)
          best_model_path = path + "/" + "checkpoint.pth"
          model.load_state_dict(torch.load(best_model_path))
          model.load_state_dict(torch.load(os.path.join(args.checkpoints, "pretrained") + "/" + "checkpoint.pth"))

      def staged(model, args, setting):
          path = os.path.join(args.staging, setting)
          Staged()(validate(model), model, path)
          model.load_state_dict(torch.load(path + "/" + "checkpoint.pth"))

      def mixed(model, args, setting, backup):
          path = os.path.join(args.mixed, setting)
          Mixed()(validate(model), model, path, backup)
          model.load_state_dict(torch.load(path + "/" + "checkpoint.pth"))
    `;
    assert.deepEqual(await lines(code, []), [11, 12, 17, 22], 'without the module every load is foreign');
    // Another run's folder, a path changed on the way down, and a method handed two paths stay reported.
    assert.deepEqual(await lines(code, [tools]), [12, 17, 22]);
  });

  it('a saver built by a function of the file and returned to its caller saves where that function built it, over what its calls pass', async () => {
    const stopping = projectModule('stopping', py`
      import torch

      class Patience:
          def __init__(self, limit=5, path="patience.pt"):
              self.limit = limit
              self.path = path
              self.best = None

          def __call__(self, loss, net):
              if self.best is None or loss < self.best:
                  self.best = loss
                  self.keep(net)

          def keep(self, net):
              torch.save(net.state_dict(), self.path)
    `);
    const code = py`
      import os
      import torch
      from stopping import Patience

      def setup(opts, width):
          net = Net(width)
          stopper = Patience(limit=opts.limit, path="net_" + opts.city + ".pt")
          return net, stopper

      def make_stopper(settings):
          folder = os.path.join(settings.out_dir, "best")
          return Patience(path=os.path.join(folder, "weights.pt"))

      def fit(net, stopper, loader, epochs):
          for epoch in range(epochs):
              stopper(run_epoch(net, loader), net)

      def score(net, opts):
          net.load_state_dict(torch.load("net_" + opts.city + ".pt"))

      if __name__ == "__main__":
          args = parse()
          net, stopper = setup(args, 64)
          fit(net, stopper, loader, args.epochs)
          score(net, args)
          guard = make_stopper(args)
          for epoch in range(args.epochs):
              guard(run_epoch(net, loader), net)
          net.load_state_dict(torch.load(os.path.join(os.path.join(args.out_dir, "best"), "weights.pt")))
    `;
    assert.deepEqual(await lines(code, []), [19, 29], 'without the module every load is foreign');
    assert.deepEqual(await lines(code, [stopping]), []);
    // Built over another object than the load reads, built by two calls with two values, or one of two
    // savers the function may return: the file it saved may be another.
    const apart = py`
      import torch
      from stopping import Patience

      def setup(opts):
          return Net(), Patience(path="net_" + opts.city + ".pt")

      def pick(fast):
          if fast:
              return Patience(path="fast.pt")
          return Patience(path="slow.pt")

      def fit(net, stopper, loader):
          for epoch in range(10):
              stopper(run_epoch(net, loader), net)

      if __name__ == "__main__":
          args = parse()
          previous = parse_previous()
          net, stopper = setup(previous)
          fit(net, stopper, loader)
          net.load_state_dict(torch.load("net_" + args.city + ".pt"))
          other, second = setup(args)
          fit(other, second, loader)
          other.load_state_dict(torch.load("net_" + previous.city + ".pt"))
          chosen = pick(args.fast)
          fit(net, chosen, loader)
          net.load_state_dict(torch.load("fast.pt"))
    `;
    assert.deepEqual(await lines(apart, [stopping]), [21, 24, 27]);
  });

  it('a part read from a settings module both files import holds one value: the path a project function saved to', async () => {
    const train = projectModule('train', py`
      import os
      import joblib
      import torch
      import config

      def train_model(train_loader, val_loader):
          best = float("inf")
          for epoch in range(config.EPOCHS):
              loss = run_epoch(train_loader, val_loader)
              if loss < best:
                  best = loss
                  torch.save(model.state_dict(), config.MODEL_SAVE_PATH)

      def fit_scaler(rows):
          scaler = StandardScaler().fit(rows)
          joblib.dump(scaler, os.path.join(config.PARAM_DIR, "scaler.joblib"))
    `);
    const importsConfig = py`
      import os
      import joblib
      import torch
      import config
      from train import train_model, fit_scaler

      def run_pipeline(train_loader, val_loader, rows):
          model.load_state_dict(torch.load(config.MODEL_SAVE_PATH))
          run = train_model(train_loader, val_loader)
          model.load_state_dict(torch.load(config.MODEL_SAVE_PATH, map_location="cpu"))
          fit_scaler(rows)
          scaler = joblib.load(os.path.join(config.PARAM_DIR, "scaler.joblib"))
          other = joblib.load(os.path.join(config.PARAM_DIR, "encoder.joblib"))
    `;
    // The two loads of the model's file are one finding, at the first.
    assert.deepEqual(await lines(importsConfig, []), [8, 12, 13], 'without the module every load is foreign');
    // The load before the training call, and a file nothing saved, stay reported.
    assert.deepEqual(await lines(importsConfig, [train]), [8, 13]);
    // Another module under the same local name, or the name bound again, may hold another value.
    assert.deepEqual(await lines(py`
      import torch
      import settings as config
      from train import train_model

      train_model(train_loader, val_loader)
      model.load_state_dict(torch.load(config.MODEL_SAVE_PATH))
    `, [train]), [6]);
    assert.deepEqual(await lines(py`
      import torch
      import config
      from train import train_model

      config = load_overrides(config)
      train_model(train_loader, val_loader)
      model.load_state_dict(torch.load(config.MODEL_SAVE_PATH))
    `, [train]), [7]);
  });

  it('a class that saves through an object its __init__ builds from a saving class saves to the path it was built with', async () => {
    const callbacks = projectModule('mi.training.callbacks', py`
      from pathlib import Path
      import torch

      class ModelCheckpoint:
          def __init__(self, filepath):
              self.filepath = Path(filepath)
              self.filepath.parent.mkdir(parents=True, exist_ok=True)

          def save(self, model, epoch):
              torch.save({"epoch": epoch, "state_dict": model.state_dict()}, self.filepath)
    `);
    const trainer = {
      ...projectModule('mi.training.trainer', py`
        import torch
        from mi.training.callbacks import ModelCheckpoint

        class Trainer:
            def __init__(self, model, optimizer, checkpoint_path, patience=10):
                self.model = model
                self.optimizer = optimizer
                self.checkpoint = ModelCheckpoint(checkpoint_path)
                self.scratch = ModelCheckpoint("scratch/last.pt")

            def fit(self, loader, epochs=30):
                best = 0.0
                for epoch in range(epochs):
                    score = self._epoch(loader)
                    if score > best:
                        best = score
                        self.checkpoint.save(self.model, epoch)
                    self.scratch.save(self.model, epoch)

        class Resumable:
            def __init__(self, model, checkpoint_path):
                self.model = model
                self.checkpoint = ModelCheckpoint(checkpoint_path)

            def redirect(self, path):
                self.checkpoint = ModelCheckpoint(path)

            def fit(self, loader):
                self.checkpoint.save(self.model, 0)
      `),
      imports: [callbacks],
    };
    const code = py`
      import torch
      from mi.training.trainer import Trainer, Resumable
      from mi.training.callbacks import ModelCheckpoint

      trainer = Trainer(model, opt, ckpt_dir / "cnn_best.pt")
      trainer.fit(train_loader)
      state = torch.load(ckpt_dir / "cnn_best.pt", map_location="cpu")
      named = Trainer(model, opt, checkpoint_path=best_path, patience=5)
      named.fit(train_loader, epochs=25)
      model.load_state_dict(torch.load(best_path)["state_dict"])
      saver = ModelCheckpoint(out_path)
      saver.save(model, 3)
      restored = torch.load(out_path)
      early = torch.load(other_path)
      resumed = Resumable(model, resume_path)
      resumed.fit(train_loader)
      again = torch.load(resume_path)
    `;
    assert.deepEqual(await lines(code, []), [7, 10, 13, 14, 17], 'without the modules every load is foreign');
    // Without the module the trainer imports, what its object saves is not known.
    assert.deepEqual(await lines(code, [{ ...trainer, imports: undefined }, callbacks]), [7, 10, 14, 17]);
    // A file no call saved, and an object the class may rebuild on another path, stay reported.
    assert.deepEqual(await lines(code, [trainer, callbacks]), [14, 17]);
  });

  it('a class whose __init__ builds its folder from its parameters and an imported constant saves where a caller importing the same constant loads', async () => {
    const trainer = projectModule('.trainer', py`
      import os
      import torch
      from .settings import RUNS_ROOT
      from .paths import SCRATCH

      class Trainer:
          def __init__(self, model, tag, corpus):
              self.model = model
              self.tag = tag
              self.out_dir = os.path.join(RUNS_ROOT, "text", corpus)
              self.tmp_dir = os.path.join(SCRATCH, corpus)
              self.stamped = os.path.join(RUNS_ROOT, corpus, str(os.getpid()))

          def train(self, loader):
              for epoch in range(5):
                  torch.save(self.model.state_dict(), os.path.join(self.out_dir, f"{self.tag}.pt"))
                  torch.save(self.model.state_dict(), os.path.join(self.tmp_dir, "last.pt"))
                  torch.save(self.model.state_dict(), os.path.join(self.stamped, "best.pt"))
    `);
    const code = py`
      import os
      import torch
      from .settings import RUNS_ROOT
      from .other_settings import SCRATCH
      from .trainer import Trainer

      def run(model, loader, corpus_name):
          for variant in ("small", "large"):
              tag = f"{variant}_v1"
              trainer = Trainer(model, tag, corpus_name)
              trainer.train(loader)
              best = torch.load(os.path.join(RUNS_ROOT, "text", corpus_name, f"{tag}.pt"))
              other = torch.load(os.path.join(RUNS_ROOT, "text", "news", f"{tag}.pt"))
              last = torch.load(os.path.join(SCRATCH, corpus_name, "last.pt"))
              fixed = torch.load(os.path.join(RUNS_ROOT, corpus_name, "0", "best.pt"))
    `;
    assert.deepEqual(await lines(code, []), [12, 13, 14, 15], 'without the module every load is foreign');
    // Another corpus, a constant imported from another module, a part worked out by a call: not the file saved.
    assert.deepEqual(await lines(code, [trainer]), [13, 14, 15]);
  });

  it('a class that saves through an object of a class of its own module, built from a constant, saves nothing the caller names', async () => {
    const training = projectModule('training', py`
      import torch

      class Saver:
          def __init__(self, path):
              self.path = str(path)

          def __call__(self, model):
              torch.save(model.state_dict(), self.path)

      class Loop:
          def __init__(self, model, out):
              self.model = model
              self.saver = Saver(out)

          def run(self):
              self.saver(self.model)

      class Fixed:
          def __init__(self, model, out):
              self.model = model
              self.saver = Saver("runs/fixed.pt")

          def run(self):
              self.saver.__call__(self.model)
    `);
    const code = py`
      import torch
      from training import Loop, Fixed

      loop = Loop(net, "runs/loop.pt")
      loop.run()
      net.load_state_dict(torch.load("runs/loop.pt"))
      fixed = Fixed(net, "runs/mine.pt")
      fixed.run()
      net.load_state_dict(torch.load("runs/mine.pt"))
    `;
    assert.deepEqual(await lines(code, [training]), [9]);
  });

  it('follows a helper of the module that saves through another of its helpers (train -> save_model)', async () => {
    const utils = projectModule('common_utils', py`
      import os
      import torch

      def save_model(model, path):
          torch.save(model.state_dict(), path)

      def train(model, loader, epochs, path):
          best = float("inf")
          for epoch in range(epochs):
              loss = run_epoch(model, loader)
              save_model(model, os.path.join(path, "last_model.pt"))
              if loss < best:
                  best = loss
                  save_model(model, os.path.join(path, "best_model.pt"))

      def fit(model, loader, out_dir):
          train(model, loader, 10, out_dir)
    `);
    const code = [
      'import os\nimport torch\nfrom common_utils import train, fit',
      'train(model, loader, 20, device_path)',
      'checkpoint = torch.load(os.path.join(device_path, "best_model.pt"))\nmodel.load_state_dict(checkpoint)',
      'fit(model, loader, "runs/b")\nmodel.load_state_dict(torch.load("runs/b/last_model.pt"))',
      'model.load_state_dict(torch.load(os.path.join(device_path, "final_model.pt")))',
    ];
    assert.deepEqual(await lines(code, []), [5, 8, 9], 'without the module every load is foreign');
    assert.deepEqual(await lines(code, [utils]), [9], 'a file the helpers never save stays reported');
  });

  it('a part computed by a call that the arguments hold through one binding (tmpdir = mkdtemp() + "/") names one file at the save and the load', async () => {
    const results = projectModule('results', py`
      import joblib

      def export_model(out_root, run_id, model):
          pickle_file = "{0}{1}/model_{1}.pkl".format(out_root, run_id)
          joblib.dump({"model": model}, pickle_file)

      def generate_results(model, X, y, out_root, run_id):
          model.fit(X, y)
          export_model(out_root, run_id, model)
    `);
    const code = py`
      import joblib
      import time
      from tempfile import mkdtemp
      from results import generate_results, export_model

      def test_round_trip():
          tmp = mkdtemp() + "/"
          run_id = "a"
          outdir = tmp + run_id
          generate_results(clf, X, y, tmp, run_id)
          reloaded = joblib.load("{}/model_{}.pkl".format(outdir, run_id))
          assert reloaded["model"].predict(X) is not None

      def test_direct():
          root = os.path.join(mkdtemp(), "runs/")
          export_model(root, "b", clf)
          reloaded = joblib.load(root + "b/model_b.pkl")
          reloaded["model"].predict(X)

      def test_other_folder():
          tmp = mkdtemp() + "/"
          other = mkdtemp() + "/"
          generate_results(clf, X, y, tmp, "c")
          reloaded = joblib.load(other + "c/model_c.pkl")
          reloaded["model"].predict(X)

      def test_computed_at_the_call():
          generate_results(clf, X, y, mkdtemp() + "/", "d")
          reloaded = joblib.load(mkdtemp() + "/d/model_d.pkl")
          reloaded["model"].predict(X)

      def test_stamp_at_the_call():
          stamp = time.strftime("%H%M%S")
          generate_results(clf, X, y, "runs/" + stamp + "/", "e")
          reloaded = joblib.load("runs/" + time.strftime("%H%M%S") + "/e/model_e.pkl")
          reloaded["model"].predict(X)
    `;
    assert.deepEqual(await lines(code, []), [11, 17, 24, 29, 35], 'without the module every load is foreign');
    assert.deepEqual(await lines(code, [results]), [24, 29, 35], 'another folder, or a call written out again at the load, may name another file');
  });

  it('binds what a call names beside a splat: a keyword, or a position before the first `*` splat', async () => {
    const training = projectModule('tagging.train', py`
      import os
      import torch

      def fit_and_keep(model, loader, out_dir=None, silent=False, **fit_params):
          best = fit(model, loader, **fit_params)
          torch.save(best, f"{out_dir}/model.pt")

      def run_tagger(config, out_dir, tuning=False, **extra):
          model, loader = build(config)
          params = {"epochs": config.epochs, "lr": config.lr}
          if not tuning:
              fit_and_keep(model, loader, out_dir=out_dir, silent=True, **params)

      class Keeper:
          def __init__(self, path, patience=3):
              self.path = path

          def keep(self, model):
              torch.save(model.state_dict(), self.path)
    `);
    const code = py`
      import os
      import torch
      from checkpoints import save_weights, save_best_model
      from tagging.train import fit_and_keep, run_tagger, Keeper

      run_tagger(config, out_dir=run_dir, **overrides)
      tagger = torch.load(f"{run_dir}/model.pt")
      fit_and_keep(net, loader, *rest, out_dir="runs/b", **opts)
      net = torch.load("runs/b/model.pt")
      keeper = Keeper(path="kept.pt", **keeper_opts)
      keeper.keep(net)
      net.load_state_dict(torch.load("kept.pt"))
      save_weights(net, "w.pt", *more)
      net.load_state_dict(torch.load("w.pt"))
      save_weights(net, **where)
      net.load_state_dict(torch.load("best.pt"))
      save_weights(*head, "tail.pt")
      net.load_state_dict(torch.load("tail.pt"))
      save_best_model(net, args, **extra)
      net.load_state_dict(torch.load(os.path.join(args.output_dir, "checkpoint-best", "model.bin")))
    `;
    assert.deepEqual(await lines(code, []), [7, 9, 12, 14, 16, 18, 20], 'without the modules every load is foreign');
    // A path only a splat gives, one after a `*` splat, or a default a splat may replace stays reported.
    assert.deepEqual(await lines(code, [CHECKPOINTS, training]), [16, 18, 20]);
  });

  it('a path handed inside a settings object (a SimpleNamespace, argparse.Namespace or dict the caller builds) is the entry the class or function saves to', async () => {
    const fitting = projectModule('fitting', py`
      import os
      import torch

      class Fitter:
          def __init__(self, model, loader, optimizer, config):
              self.model = model
              self.loader = loader
              self.optimizer = optimizer
              self.config = config

          def fit(self):
              best = float("inf")
              for epoch in range(self.config.EPOCHS):
                  loss = run_epoch(self.model, self.loader, self.optimizer)
                  if loss < best:
                      best = loss
                      torch.save(self.model.state_dict(), self.config.BEST_PATH)

      class Runner:
          def __init__(self, model, settings):
              self.model = model
              self.best_file = settings.best_file
              self.folder = os.path.join(settings.out_dir, "weights")
              self.export_file = settings.export_file

          def run(self):
              torch.save(self.model, self.export_file)
              torch.save(self.model.state_dict(), self.best_file)
              torch.save(self.model.state_dict(), os.path.join(self.folder, "last.pt"))

      class DictTrainer:
          def __init__(self, model, hparams):
              self.model = model
              self.hparams = hparams

          def train(self):
              torch.save(self.model.state_dict(), self.hparams["save_path"])

      def train(model, loader, cfg):
          for epoch in range(cfg.epochs):
              run_epoch(model, loader)
          torch.save(model.state_dict(), cfg.ckpt_path)
    `);
    const code = py`
      import argparse
      import os
      from types import SimpleNamespace
      import torch
      from fitting import Fitter, Runner, DictTrainer, train

      def main(args, model, loader, optimizer):
          fit_cfg = SimpleNamespace(EPOCHS=args.epochs, BEST_PATH=args.best_path, LR=args.lr)
          fitter = Fitter(model, loader, optimizer, fit_cfg)
          fitter.fit()
          if os.path.exists(args.best_path):
              model.load_state_dict(torch.load(args.best_path, map_location="cpu"))
          runner = Runner(model, settings=argparse.Namespace(best_file=os.path.join(args.out, "best.pt"), out_dir=args.out, export_file=args.export))
          runner.run()
          exported = torch.load(args.export)
          model.load_state_dict(torch.load(os.path.join(args.out, "best.pt")))
          model.load_state_dict(torch.load(os.path.join(args.out, "weights", "last.pt")))
          trainer = DictTrainer(model, dict(save_path=args.dict_path, epochs=3))
          trainer.train()
          model.load_state_dict(torch.load(args.dict_path))
          train(model, loader, SimpleNamespace(epochs=5, ckpt_path="runs/final.pt"))
          model.load_state_dict(torch.load("runs/final.pt"))
    `;
    assert.deepEqual(await lines(code, []), [12, 15, 16, 17, 20, 22], 'without the module every load is foreign');
    assert.deepEqual(await lines(code, [fitting]), []);
  });

  it('still reports a settings object that names another file, an entry the class does not save to, a changed object, or one never handed over', async () => {
    const fitting = projectModule('fitting', py`
      import torch

      class Fitter:
          def __init__(self, model, config):
              self.model = model
              self.config = config

          def fit(self):
              torch.save(self.model.state_dict(), self.config.BEST_PATH)
    `);
    const code = py`
      from types import SimpleNamespace
      import torch
      from fitting import Fitter

      def main(args, model):
          other = SimpleNamespace(BEST_PATH="runs/other.pt")
          Fitter(model, other).fit()
          model.load_state_dict(torch.load("runs/mine.pt"))
          both = SimpleNamespace(BEST_PATH=args.best_path, EXPORT_PATH=args.export_path)
          Fitter(model, both).fit()
          model.load_state_dict(torch.load(args.export_path))
          changed = SimpleNamespace(BEST_PATH=args.best_path)
          fitter = Fitter(model, changed)
          changed.BEST_PATH = args.scratch_path
          fitter.fit()
          model.load_state_dict(torch.load(args.best_path))
          unused = SimpleNamespace(BEST_PATH=args.kept_path)
          Fitter(model, args).fit()
          model.load_state_dict(torch.load(args.kept_path))
    `;
    assert.deepEqual(await lines(code, [fitting]), [8, 11, 16, 19]);
  });

  it('an entry of a configuration read from a file, handed to a class that saves under it, is spelled through the name the caller holds it in', async () => {
    const trainers = projectModule('trainers', py`
      import os
      from pathlib import Path
      import torch

      class DenoiseTrainer:
          def __init__(self, model, config):
              self.model = model
              self.config = config
              self.checkpoint_dir = Path(config["checkpoint_dir"])

          def save_checkpoint(self, epoch):
              latest = self.checkpoint_dir / "latest.pt"
              torch.save({"epoch": epoch, "model": self.model.state_dict()}, latest)

          def train(self):
              for epoch in range(int(self.config["epochs"])):
                  self.save_checkpoint(epoch)

      class GanTrainer:
          def __init__(self, generator, cfg):
              self.generator = generator
              self.out_dir = os.path.join(cfg.output_dir, "weights")

          def fit(self, loader):
              torch.save(self.generator.state_dict(), os.path.join(self.out_dir, "generator.pth"))
    `);
    const code = py`
      import os
      from pathlib import Path
      import torch
      import yaml
      from omegaconf import OmegaConf
      from trainers import DenoiseTrainer, GanTrainer

      def load_config(path):
          with open(path) as f:
              return yaml.safe_load(f)

      def main(args, model, generator, loader):
          config = load_config(args.config)
          config["epochs"] = args.epochs
          trainer = DenoiseTrainer(model=model, config=config)
          config["start_epoch"] = 0
          trainer.train()
          state = torch.load(Path(config["checkpoint_dir"]) / "latest.pt", weights_only=False)
          cfg = OmegaConf.load("conf/inpaint.yaml")
          gan = GanTrainer(generator, cfg)
          gan.fit(loader)
          generator.load_state_dict(torch.load(os.path.join(cfg.output_dir, "weights", "generator.pth")))
    `;
    assert.deepEqual(await lines(code, []), [18, 22], 'without the module every load is foreign');
    assert.deepEqual(await lines(code, [trainers]), []);
    const near = py`
      from pathlib import Path
      import torch
      import yaml
      from trainers import DenoiseTrainer

      def main(args, model):
          config = yaml.safe_load(open(args.config))
          trainer = DenoiseTrainer(model, config)
          config["checkpoint_dir"] = args.scratch_dir
          trainer.train()
          moved = torch.load(Path(config["checkpoint_dir"]) / "latest.pt")
          other = yaml.safe_load(open(args.other))
          second = DenoiseTrainer(model, other)
          second.train()
          pretrained = torch.load(Path(other["pretrained_dir"]) / "latest.pt")
          third_cfg = yaml.safe_load(open(args.third))
          early = torch.load(Path(third_cfg["checkpoint_dir"]) / "latest.pt")
          third = DenoiseTrainer(model, third_cfg)
          third.train()
          fourth_cfg = yaml.safe_load(open(args.fourth))
          fourth = DenoiseTrainer(model, fourth_cfg)
          fourth_cfg.update(yaml.safe_load(open(args.overrides)))
          fourth.train()
          resumed = torch.load(Path(fourth_cfg["checkpoint_dir"]) / "latest.pt")
    `;
    // After the caller wrote into the entry, or into entries it cannot tell, another entry, before the training: not the file saved.
    assert.deepEqual(await lines(near, [trainers]), [11, 15, 17, 24]);
  });

  it('does not take a function of a module the file does not import for the helper', async () => {
    assert.deepEqual(await lines(py`
      import torch
      from training import save_weights

      save_weights(net, "best.pt")
      net.load_state_dict(torch.load("best.pt"))
    `, [CHECKPOINTS]), [5]);
  });
});

describe('MLD908: saves by modules of a package folder with no __init__.py (a namespace package)', () => {
  let dir: string;
  const write = (text: string, ...parts: string[]) => {
    mkdirSync(path.dirname(path.join(dir, ...parts)), { recursive: true });
    writeFileSync(path.join(dir, ...parts), text);
  };
  /** The lines of MLD908's findings in `code`, kept as `scripts/run.py`, with the modules it imports found on disk. */
  const linesOnDisk = (code: string) => lines(code, new ProjectModuleCache().forSource(path.join(dir, 'scripts', 'run.py'), dir, code).sources);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mld908-namespace-'));
    // A training helper kept in a folder of its own, never made a regular package.
    write(py`
      import torch

      def fit(net, loader, weights_name, epochs=20):
          best = float("inf")
          for epoch in range(epochs):
              loss = step(net, loader)
              if loss < best:
                  best = loss
                  torch.save(net.state_dict(), f"checkpoints/{weights_name}")
    `, 'training', 'loop.py');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a load of the file a module of the folder saved, passed by position or by keyword, reads the program\'s own save', async () => {
    assert.deepEqual(await linesOnDisk(py`
      import torch
      from training import loop

      loop.fit(net, train_loader, "xray_cnn.pth", epochs=5)
      net.load_state_dict(torch.load("checkpoints/xray_cnn.pth"))
    `), []);
    assert.deepEqual(await linesOnDisk(py`
      import torch
      from training import loop as trainer

      def run(net, loader):
          trainer.fit(net=net, loader=loader, weights_name="densenet_cbam.pth")
          net.load_state_dict(torch.load("checkpoints/densenet_cbam.pth", map_location="cpu"))
    `), []);
  });

  it('a class a package\'s __init__.py imports from one of its modules, in a src layout beside the scripts, saves what that module\'s class saves', async () => {
    write('from inpaint.training.trainer import MaskedTrainer\n', 'src', 'inpaint', 'training', '__init__.py');
    write('from .engine import Engine as FastEngine\n', 'src', 'inpaint', 'engines', '__init__.py');
    const trainer = py`
      from pathlib import Path
      import torch

      class MaskedTrainer:
          def __init__(self, net, run_dir):
              self.net = net
              self.run_dir = Path(run_dir)

          def fit(self, loader):
              for epoch in range(10):
                  torch.save(self.net.state_dict(), self.run_dir / "last.pt")
    `;
    write(trainer, 'src', 'inpaint', 'training', 'trainer.py');
    write(trainer.replace('MaskedTrainer', 'Engine'), 'src', 'inpaint', 'engines', 'engine.py');
    assert.deepEqual(await linesOnDisk(py`
      import torch
      from inpaint.training import MaskedTrainer
      from inpaint.engines import FastEngine

      def main(net, loader, out):
          trainer = MaskedTrainer(net, out)
          trainer.fit(loader)
          net.load_state_dict(torch.load(out / "last.pt"))
          engine = FastEngine(net, "runs/fast")
          engine.fit(loader)
          net.load_state_dict(torch.load("runs/fast/last.pt"))
          net.load_state_dict(torch.load("runs/slow/last.pt"))
    `), [12]);
  });

  it('still reports another file, and a module of a regular package of the same name nearer the script, which Python imports instead', async () => {
    assert.deepEqual(await linesOnDisk(py`
      import torch
      from training import loop

      loop.fit(net, train_loader, "xray_cnn.pth")
      net.load_state_dict(torch.load("checkpoints/pretrained_cnn.pth"))
    `), [5]);
    write('', 'scripts', 'training', '__init__.py');
    write('def fit(net, loader, weights_name, epochs=20):\n    print("would save", weights_name)\n', 'scripts', 'training', 'loop.py');
    assert.deepEqual(await linesOnDisk(py`
      import torch
      from training import loop

      loop.fit(net, train_loader, "xray_cnn.pth")
      net.load_state_dict(torch.load("checkpoints/xray_cnn.pth"))
    `), [5]);
  });
});

describe('MLD908: the PyTorch versions the project\'s requirements allow', () => {
  const code = py`
    import pickle
    import dill
    import torch

    state = torch.load("best.pt", map_location="cpu")
    legacy = torch.load("old.pt", weights_only=False)
    custom = torch.load("custom.pt", pickle_module=dill)
    clf = pickle.load(open("clf.pkl", "rb"))
  `;
  const linesWith = async (torch?: string) => {
    const { result } = await run(code, undefined, { ...allRulesConfig(), ...(torch ? { libraryFloors: { torch } } : {}) });
    return result.findings.filter((f) => f.code === 'MLD908').map((f) => f.range.start.line + 1);
  };

  it('leaves a plain torch.load alone when every allowed PyTorch loads tensors only by default (2.6 and later)', async () => {
    assert.deepEqual(await linesWith(), [5, 6, 7, 8]);
    assert.deepEqual(await linesWith('2.7.1'), [6, 7, 8]);
    assert.deepEqual(await linesWith('2.6'), [6, 7, 8]);
  });

  it('still reports it when the requirements allow an older PyTorch', async () => {
    assert.deepEqual(await linesWith('2.5.1'), [5, 6, 7, 8]);
  });
});

describe('MLD908: a project pinned to a PyTorch older than weights_only (1.13)', () => {
  const shapes = py`
    import torch

    class TempNet(torch.nn.Module):
        def load(self, path):
            snapshot = torch.load(path, map_location="cpu")
            self.load_state_dict(snapshot.pop("model_state", snapshot))

    net = TempNet()
    net.load_state_dict(torch.load("runs/best.pt"))
    legacy = torch.load("old.pt", weights_only=False)
  `;
  type Ceiling = { version: string; exclusive: boolean };
  const findings = async (ceiling?: Ceiling, floor?: string) => {
    const libraryFloors = ceiling || floor ? { ...(floor ? { torch: floor } : {}), ...(ceiling ? { ceilings: { torch: ceiling } } : {}) } : undefined;
    const { result } = await run(shapes, undefined, { ...allRulesConfig(), ...(libraryFloors ? { libraryFloors } : {}) });
    return result.findings.filter((f) => f.code === 'MLD908').map((f) => ({ line: f.range.start.line + 1, fix: f.fix !== undefined }));
  };

  it('still reports every load but offers no weights_only=True where the pinned PyTorch has no such argument', async () => {
    const expected = [
      { line: 5, fix: false },
      { line: 9, fix: false },
      { line: 10, fix: true },
    ];
    assert.deepEqual(await findings({ version: '1.3.0', exclusive: false }, '1.3.0'), expected, 'torch==1.3.0');
    assert.deepEqual(await findings({ version: '1.13', exclusive: true }), expected, 'torch<1.13');
    assert.deepEqual(await findings({ version: '1.12.1', exclusive: false }, '1.4'), expected, 'torch>=1.4,<=1.12.1');
  });

  it('keeps the quick fix where the requirements allow a PyTorch that has the argument', async () => {
    const all = [
      { line: 5, fix: true },
      { line: 9, fix: true },
      { line: 10, fix: true },
    ];
    assert.deepEqual(await findings(), all, 'no requirement');
    assert.deepEqual(await findings({ version: '1.13.0', exclusive: false }, '1.13.0'), all, 'torch==1.13.0');
    assert.deepEqual(await findings({ version: '2.0', exclusive: true }, '1.3'), all, 'torch>=1.3,<2.0 also allows 1.13');
    assert.deepEqual(await findings(undefined, '1.3.0'), all, 'torch>=1.3.0, no ceiling');
  });
});
