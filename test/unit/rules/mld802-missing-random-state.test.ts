import { strict as assert } from 'node:assert';
import { missingRandomState } from '../../../server/src/detectors/mld802-missing-random-state';
import type { Finding } from '../../../server/src/engine/types';
import { toLocalRange } from '../../../server/src/documents/positions';
import { applyToSource } from '../../../server/src/documents/source';
import { findingLinesIn, py, run } from '../../support/engine';
import { ruleTests, type ExpectedFinding } from '../../support/ruleTester';

/** Forests trained outside the statement a `pytest.raises` block expects to fail; `seed` is what the fix gives both. */
const RAISES_AFTER_TRAINING = (seed: string) => py`
  import pytest
  from sklearn.ensemble import RandomForestClassifier
  def test_rejects_narrow_input():
      model = RandomForestClassifier(n_estimators=10${seed}).fit(X, y)
      assert model.score(X, y) > 0.9
      with pytest.raises(ValueError):
          model.predict(X[:, :2])
  def test_refit_rejects_narrow_input():
      with pytest.raises(ValueError):
          other = RandomForestClassifier(n_estimators=10${seed}).fit(X, y)
          other.predict(X[:, :2])
      assert other.n_features_in_ == X.shape[1]
`;

/** Models whose answers reach something; `seedLine` and `seed` are what the first fix adds. */
const ANSWERS_REACH_SOMETHING = (seedLine: string, seed: string) => py`
  import numpy as np
  import matplotlib.pyplot as plt
  from sklearn.cluster import KMeans
  from sklearn.ensemble import RandomForestClassifier
  from sklearn.linear_model import SGDClassifier${seedLine}

  def fit_all(X, Y):
      models = []
      for k in range(Y.shape[1]):
          est = SGDClassifier(max_iter=3${seed})
          est.fit(X, Y[:, k])
          models.append(est)
      return models

  def save_scores(X, y, X_new):
      buffer = np.empty(len(X_new))
      model = RandomForestClassifier().fit(X, y)
      buffer[:] = model.predict(X_new)
      np.save("scores.npy", buffer)

  def show_clusters(points):
      labels = KMeans(n_clusters=3).fit_predict(points)
      plt.scatter(points[:, 0], points[:, 1], c=labels)

  forest = RandomForestClassifier(n_estimators=50)
  forest.fit(X_all, y_all)
`;

/** Entry functions the file never calls: one seeds only after building the forest, the other splits unseeded; `seedLine` and `seed` are what the first fix adds. */
const SEEDED_AFTER_IN_ENTRIES = (seedLine: string, seed: string) => py`
  import numpy as np
  from sklearn.ensemble import RandomForestClassifier
  from sklearn.model_selection import train_test_split${seedLine}

  def get_forest():
      return RandomForestClassifier(n_estimators=100${seed})

  def split(X, y):
      return train_test_split(X, y, test_size=0.25)

  def main():
      forest = get_forest()
      np.random.seed(1)
      parts = split(X, y)
      return forest.fit(parts[0], parts[2])

  def quick_check():
      return split(X[:100], y[:100])
`;

/** AdaBoost over stumps, best-split trees (also through a name), trees that subsample features, a forest; and AdaBoost's regressor. `seedLine` and `seed` are what the first fix adds (to the three that boost tie-only trees). */
/**
 * Bases a search grid sets that keep their own seed: one for a calibrator, one in a grid also given
 * to a calibrator's search besides a seeded AdaBoost's; and a base an unseeded AdaBoost's grid sets,
 * where the ensemble's missing seed is the finding. `seedLine` and `seed` are what the first fix adds.
 */
const GRID_BASES_KEEPING_THEIR_SEED = (seedLine: string, seed: string) => py`
  from sklearn.calibration import CalibratedClassifierCV
  from sklearn.ensemble import AdaBoostClassifier
  from sklearn.model_selection import GridSearchCV
  from sklearn.tree import DecisionTreeClassifier${seedLine}
  calibrated = GridSearchCV(CalibratedClassifierCV(), {"estimator": [DecisionTreeClassifier(max_depth=3${seed})]})
  shared_grid = {"estimator": [DecisionTreeClassifier(min_samples_leaf=4${seed})]}
  boosted = GridSearchCV(AdaBoostClassifier(random_state=0), shared_grid)
  selected = GridSearchCV(CalibratedClassifierCV(), shared_grid)
  unseeded = GridSearchCV(AdaBoostClassifier(), {"estimator": [DecisionTreeClassifier(max_depth=2)], "n_estimators": [50, 100]})
  for search in (calibrated, boosted, selected, unseeded):
      search.fit(X_train, y_train)
`;

const BOOSTED_TREES = (seedLine: string, seed: string) => py`
  from sklearn.ensemble import AdaBoostClassifier, AdaBoostRegressor, RandomForestClassifier
  from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor${seedLine}
  stumps = AdaBoostClassifier(n_estimators=200, learning_rate=0.5${seed}).fit(X, y)
  deeper = AdaBoostClassifier(DecisionTreeClassifier(max_depth=3, min_samples_leaf=5), n_estimators=50${seed}).fit(X, y)
  weak = DecisionTreeClassifier(criterion="entropy", max_depth=2)
  named = AdaBoostClassifier(estimator=weak, n_estimators=100${seed}).fit(X, y)
  subset = AdaBoostClassifier(DecisionTreeClassifier(max_features="sqrt")).fit(X, y)
  forest = AdaBoostClassifier(RandomForestClassifier(n_estimators=10)).fit(X, y)
  boosted = AdaBoostRegressor(DecisionTreeRegressor(max_depth=4)).fit(X, y)
`;

/** Resampled rows wrapped in frames that are written, trained on, or kept; `seedLine` and `seed` are what the first fix adds. */
const RESAMPLED_AND_KEPT = (seedLine: string, seed: string) => py`
  import pandas as pd
  from imblearn.over_sampling import ADASYN, RandomOverSampler, SMOTE
  from sklearn.linear_model import LogisticRegression${seedLine}
  X_bal, y_bal = ADASYN(n_neighbors=3${seed}).fit_resample(features, labels)
  balanced = pd.concat([pd.DataFrame(X_bal), pd.Series(y_bal, name="target")], axis=1)
  balanced.to_csv("balanced.csv", index=False)
  X_os, y_os = RandomOverSampler().fit_resample(features, labels)
  frame = pd.DataFrame(X_os).astype(float)
  LogisticRegression().fit(frame, y_os)
  X_sm, y_sm = SMOTE().fit_resample(features, labels)
  folds.append(pd.DataFrame(X_sm))
`;

/**
 * Rows drawn as examples whose model output goes on to a result: scored by a metric, handed to a
 * function of the project, or saved by NumPy; `seedLine` and `seed` are what the first fix adds.
 */
const PICKED_AND_USED = (seedLine: string, seed: string) => py`
  import numpy as np
  from sklearn.metrics import accuracy_score
  from sklearn.utils import resample, shuffle${seedLine}
  picked, picked_labels = resample(X_test, y_test, n_samples=12${seed})
  probs = net.predict(picked)
  print(accuracy_score(picked_labels, np.argmax(probs, axis=1)))
  rows = shuffle(X_val)[:8]
  log_predictions(np.argmax(clf.predict_proba(rows), axis=1))
  kept = resample(X_val, n_samples=4${seed})
  np.save("examples.npy", kept)
`;

/** Generated data sets: clustered after a plot, split, and trained on in a function of the file; `seedLine` and `firstArgs` are what the first fix adds. */
const GENERATED_AND_USED = (seedLine: string, firstArgs: string) => py`
  import matplotlib.pyplot as plt
  from sklearn.cluster import KMeans
  from sklearn.datasets import make_blobs, make_classification, make_moons
  from sklearn.ensemble import RandomForestClassifier
  from sklearn.model_selection import train_test_split${seedLine}

  def fit_forest(features, labels):
      return RandomForestClassifier(n_estimators=50, random_state=0).fit(features, labels)

  points, groups = make_blobs(n_samples=300, centers=4${firstArgs})
  plt.scatter(points[:, 0], points[:, 1], c=groups)
  km = KMeans(n_clusters=4, n_init=10, random_state=0).fit(points)
  X, y = make_classification(n_samples=500, n_features=8, random_state=None)
  X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
  moons, kinds = make_moons(n_samples=200, noise=0.3)
  forest = fit_forest(moons, labels=kinds)
`;

/**
 * A `setUp` on a class that is no test case, and a test case whose seed is in another test: neither
 * seeds the forests before they draw. `seedLine` and `seed` are what the fix adds (to both).
 */
const SET_UP_OUTSIDE_TESTS = (seedLine: string, seed: string) => py`
  import unittest
  import numpy as np
  from sklearn.ensemble import RandomForestRegressor${seedLine}

  class Experiment:
      def setUp(self):
          np.random.seed(0)

      def run(self, X, y):
          return RandomForestRegressor(n_estimators=20${seed}).fit(X, y)

  class TestForest(unittest.TestCase):
      def setUp(self):
          self.X = np.ones((10, 2))

      def test_seeded(self):
          np.random.seed(1)

      def test_fit(self):
          forest = RandomForestRegressor(n_estimators=5${seed}).fit(self.X, self.X[:, 0])
          self.assertGreater(forest.score(self.X, self.X[:, 0]), 0.5)
`;

/**
 * A Sacred experiment whose config gives a constant seed, and a helper building a forest that its
 * command calls; `outside` is what the module runs besides, `seedLine` and `seed` what the fix adds.
 */
const SACRED_HELPER = (outside: string, seedLine: string, seed: string) => py`
  from sacred import Experiment
  from sklearn.ensemble import RandomForestClassifier${seedLine}

  ex = Experiment("forest")

  @ex.config
  def cfg():
      seed = 45
      n_splits = 10

  def build():
      return RandomForestClassifier(${seed})
${outside}
  @ex.automain
  def run(n_splits):
      return cross_val_score(build(), X, y, cv=n_splits).mean()
`;

/** A Sacred command whose config sets `seed = None`; `seedLine` and `seed` are what the fix adds. */
const SACRED_NONE_SEED = (seedLine: string, seed: string) => py`
  from sacred import Experiment
  from sklearn.ensemble import RandomForestClassifier${seedLine}

  ex = Experiment("forest")

  @ex.config
  def cfg():
      n_estimators = 100
      seed = None

  @ex.automain
  def run(n_estimators):
      return RandomForestClassifier(n_estimators=n_estimators${seed}).fit(X, y).score(X_te, y_te)
`;

/** Parametrized and wrapped estimators that tests fit; `seedLine` and `seed` are what the first fix adds (to both forests). */
const FITTED_IN_TESTS = (seedLine: string, seed: string) => py`
  import pytest
  from sklearn.ensemble import RandomForestClassifier
  from sklearn.tree import DecisionTreeRegressor
  from mypkg.selection import ImportanceSelector${seedLine}

  @pytest.mark.parametrize("estimator", [RandomForestClassifier(${seed})])
  def test_fits(estimator):
      assert estimator.fit(X, y).score(X, y) > 0.5

  MODELS = [DecisionTreeRegressor(max_features=2)]

  @pytest.mark.parametrize("model", MODELS)
  def test_repr(model):
      assert "max_features" in repr(model)

  def test_all_fit():
      for model in MODELS:
          model.fit(X, y)

  def test_selects():
      selector = ImportanceSelector(estimator=RandomForestClassifier(max_depth=3${seed && `, ${seed}`}))
      selector.fit(X, y)
      assert selector.estimator.max_depth == 3
`;

/** A split repeated over a range (to average) and one inside a loop over models; the arguments are what the fixes add. */
const REPEATED_SPLITS = (repeated: string, perModel = '') => py`
  from sklearn.model_selection import train_test_split${repeated || perModel ? '\n  SEED = 42' : ''}
  scores = []
  for i in range(1000):
      X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25${repeated ? `, random_state=${repeated}` : ''})
      scores.append(clf.fit(X_tr, y_tr).score(X_te, y_te))
  print(sum(scores) / len(scores))

  for name, model in models.items():
      X_tr, X_te, y_tr, y_te = train_test_split(X, y${perModel ? `, random_state=${perModel}` : ''})
      print(name, model.fit(X_tr, y_tr).score(X_te, y_te))
`;

/**
 * Batch generators whose rows are reordered on their way out: the whole set reordered once a pass
 * (then cut into batches), a batch cut down after its reorder, rows gathered before the loop and
 * reordered whole in it, and a batch redrawn with replacement. `seedLine` and `seed` are what the
 * first fix adds (to the three shuffles).
 */
const REORDERED_BEYOND_ONE_BATCH = (seedLine: string, seed: (counter: string) => string) => py`
  import numpy as np
  from sklearn.utils import resample, shuffle${seedLine}

  def epoch_batches(samples, batch_size=32):
      while True:
          samples = shuffle(samples${seed('')})
          for start in range(0, len(samples), batch_size):
              images, angles = [], []
              for path, angle in samples[start:start + batch_size]:
                  images.append(load_image(path))
                  angles.append(angle)
              yield np.array(images), np.array(angles)

  def cut_batches(rows, batch_size=32):
      for start in range(0, len(rows), 4 * batch_size):
          images, angles = [], []
          for path, angle in rows[start:start + 4 * batch_size]:
              images.append(load_image(path))
              angles.append(angle)
          images, angles = shuffle(images, angles${seed(' + start')})
          yield np.array(images[:batch_size]), np.array(angles[:batch_size])

  def whole_set(images, angles):
      while True:
          images, angles = shuffle(images, angles${seed('')})
          yield images, angles

  def redrawn(rows, batch_size=32):
      for start in range(0, len(rows), batch_size):
          images, angles = [], []
          for path, angle in rows[start:start + batch_size]:
              images.append(load_image(path))
              angles.append(angle)
          yield resample(np.array(images), np.array(angles))
`;

/** A lesson's split whose parts are printed and then trained on, and one handed to a function the flow cannot follow; `seed` is what the fix adds to both. */
/** A library module's data set class that shuffles a buffer of rows and hands it on in batches. */
const LIBRARY_SHUFFLED_BUFFER = (seedLine: string, seed: string) => py`
  import pandas as pd${seedLine}


  class RatingsDataset(object):
      def release(self, buffer, size, with_ids, write_to=None):
          prepare = self.with_ids if with_ids else self.without_ids
          frame = pd.concat(buffer)
          frame = frame.sample(frame.shape[0]${seed})
          for batch in self.batches(frame, size):
              if batch.shape[0] == size:
                  if write_to:
                      batch.to_csv(write_to, mode="a", header=False, index=False)
                  yield prepare(batch)
              else:
                  return batch
`;

const SPLIT_SHOWN_THEN_USED = (seedLine: string, seed: string) => py`
  from sklearn.linear_model import LogisticRegression
  from sklearn.model_selection import train_test_split${seedLine}
  X_train, X_test, y_train, y_test = train_test_split(features, labels${seed})
  print(X_train.head(1))
  model = LogisticRegression().fit(X_train, y_train)
  X_a, X_b, y_a, y_b = train_test_split(features, labels${seed})
  print(X_a.shape)
  summary = describe_split(X_a, y_a)
`;

/**
 * A saved model scored on the test part of a split, and a split trained on by the project's own
 * function whose model's predictions are only printed; `seed` is what the fix adds to both.
 */
const PREDICTED_AND_SCORED = (seed: string) => py`
  import joblib
  from sklearn.metrics import accuracy_score
  from sklearn.model_selection import train_test_split${seed ? '\n  SEED = 42' : ''}
  model = joblib.load("model.joblib")
  X_train, X_test, y_train, y_test = train_test_split(X, y${seed})
  print(accuracy_score(y_test, model.predict(X_test)))
  tr_x, va_x, tr_y, va_y = train_test_split(X, y, test_size=0.1${seed})
  booster = fit_booster(params, tr_x, tr_y, va_x, va_y)
  print(booster.predict(X_test)[:5])
`;

/** Three forests (one in a loop over depths, one over several lines) and one k-means: two causes; `seedLine` and `seed` are what the forests' fix adds. */
const FORESTS_AND_CLUSTERS = (seedLine: string, seed: string) => py`
  from sklearn.cluster import KMeans
  from sklearn.ensemble import RandomForestClassifier${seedLine}
  baseline = RandomForestClassifier(n_estimators=50${seed && `, ${seed}`}).fit(X_train, y_train)
  groups = KMeans(n_clusters=5).fit_predict(X_train)
  for depth in (4, 8):
      deeper = RandomForestClassifier(max_depth=depth${seed && `, ${seed}`}).fit(X_train, y_train)
  final = RandomForestClassifier(
      n_estimators=500,
      min_samples_leaf=2,${seed && `\n      ${seed},`}
  ).fit(X_all, y_all)
`;

/** Three unseeded forests; `marks` are the comments at the end of each call's line. */
const THREE_FORESTS = (...marks: string[]) => py`
  from sklearn.ensemble import RandomForestRegressor
  short = RandomForestRegressor(n_estimators=10).fit(X, y)${marks[0] ?? ''}
  medium = RandomForestRegressor(n_estimators=100).fit(X, y)${marks[1] ?? ''}
  long = RandomForestRegressor(n_estimators=1000).fit(X, y)${marks[2] ?? ''}
`;

/** Tie-only trees one fit away from one column: two listed columns, a one-row reshape, cross-validated on more, fitted on more too, a column written in. `seedLine` and `seed` are what the first fix adds (to the three regressors). */
const ONE_COLUMN_NEAR_MISSES = (seedLine: string, seed: string) => py`
  import numpy as np
  import pandas as pd
  from sklearn.model_selection import cross_val_score
  from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor${seedLine}

  rentals = pd.read_csv("rentals.csv")
  pair = DecisionTreeRegressor(max_depth=3${seed}).fit(rentals[["rooms", "area"]], rentals["rent"])
  row = DecisionTreeRegressor(max_depth=None${seed}).fit(np.arange(8).reshape(1, -1), [1.0])
  rooms = rentals[["rooms"]]
  checked = DecisionTreeRegressor(max_depth=2${seed})
  checked.fit(rooms, rentals["rent"])
  print(cross_val_score(checked, rentals[["rooms", "area"]], rentals["rent"]))
  both = DecisionTreeClassifier()
  both.fit(rooms, rentals["cheap"])
  both.fit(rentals[["rooms", "area"]], rentals["cheap"])
  widened = rentals[["rooms"]].copy()
  widened["area"] = rentals["area"]
  grown = DecisionTreeClassifier(max_depth=2).fit(widened, rentals["cheap"])
`;

/**
 * Tie-only trees handed to searches: literal grids that set none of the parameters that make them
 * draw, then a grid that sets one, a grid from elsewhere and a nested key. `seedLine` and `seed`
 * are what the first fix adds.
 */
const SEARCHED_TREES = (seedLine: string, seed: string) => py`
  from sklearn.ensemble import AdaBoostClassifier, GradientBoostingRegressor
  from sklearn.model_selection import GridSearchCV
  from sklearn.tree import DecisionTreeClassifier
  from tuning import load_grid${seedLine}
  depth = GridSearchCV(DecisionTreeClassifier(criterion="entropy"${seed}), {"max_depth": [3, 5, 8], "min_samples_leaf": [1, 5]}, cv=5)
  boost = GridSearchCV(AdaBoostClassifier(), param_grid={"n_estimators": [50, 100], "learning_rate": [0.1, 1.0]})
  rate = GridSearchCV(estimator=GradientBoostingRegressor(), param_grid=[{"learning_rate": [0.05, 0.1]}, {"n_estimators": [100, 300]}])
  subset = GridSearchCV(DecisionTreeClassifier(), {"max_depth": [3, 5], "max_features": ["sqrt", None]})
  shared = GridSearchCV(GradientBoostingRegressor(), load_grid("gbr"))
  nested = GridSearchCV(AdaBoostClassifier(), {"estimator__max_features": [0.5, 1.0]})
  for search in (depth, boost, rate, subset, shared, nested):
      search.fit(X_train, y_train)
`;

/**
 * Grids that reach an estimator other than straight in the search's call, each setting a parameter
 * that makes it draw: through the name a tree is bound to, beside a tree in a tuple of candidates
 * a loop hands to a search, under the model's key in a dictionary of grids handed with the
 * dictionary of models to a project's helper. `seedLine` and `seed` are what the first fix adds.
 */
const GRIDS_WITH_DRAWING = (seedLine: string, seed: string) => py`
  from sklearn.ensemble import GradientBoostingRegressor
  from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
  from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
  from project.tuning import tune_all${seedLine}
  pruned = DecisionTreeClassifier(min_samples_leaf=3${seed})
  tree_grid = {"max_depth": [2, 4, 8], "splitter": ["best", "random"]}
  search = GridSearchCV(estimator=pruned, param_grid=tree_grid, cv=5).fit(X_train, y_train)
  candidates = [
      ("tree", DecisionTreeRegressor(), {"max_depth": [3, 6], "max_features": ["sqrt", 1.0]}),
  ]
  for label, estimator, grid in candidates:
      RandomizedSearchCV(estimator, grid, n_iter=4, random_state=0).fit(X_train, y_train)
  regressors = {"gbr": GradientBoostingRegressor(learning_rate=0.05)}
  grids = {"gbr": {"n_estimators": [100, 200], "subsample": [0.7, 1.0]}}
  report = tune_all(regressors, grids, X_train, y_train)
`;

/**
 * The same shapes with grids that set none of the parameters that make them draw (another model's
 * key may), and a dictionary of models handed on with no grids: each still draws only to break ties.
 */
const GRIDS_LEAVING_TIES = (seedLine: string, seed: string) => py`
  from sklearn.ensemble import AdaBoostClassifier, GradientBoostingRegressor
  from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
  from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
  from project.tuning import fit_all, tune_all${seedLine}
  pruned = DecisionTreeClassifier(min_samples_leaf=3${seed})
  depth_grid = {"max_depth": [2, 4, 8]}
  search = GridSearchCV(estimator=pruned, param_grid=depth_grid, cv=5).fit(X_train, y_train)
  candidates = [("tree", DecisionTreeRegressor(), {"max_depth": [3, 6]})]
  for label, estimator, grid in candidates:
      RandomizedSearchCV(estimator, grid, n_iter=4, random_state=0).fit(X_train, y_train)
  regressors = {"gbr": GradientBoostingRegressor(learning_rate=0.05)}
  grids = {"gbr": {"n_estimators": [100, 200]}, "forest": {"max_features": ["sqrt"]}}
  report = tune_all(regressors, grids, X_train, y_train)
  fitted = fit_all({"ada": AdaBoostClassifier(n_estimators=50)}, X_train, y_train)
`;

/** A data set built, and shuffled through its `__init__`'s helper, before the seed; `seedLine` and `seed` are what the fix adds. */
const EMAILS_BUILT_BEFORE_SEED = (seedLine: string, seed: string) => py`
  import numpy as np
  import pandas as pd
  from torch.utils.data import Dataset, DataLoader${seedLine}

  class SpamEmails(Dataset):
      def __init__(self, folder):
          self.frame = self.prepare(folder)

      def prepare(self, folder):
          return pd.read_csv(f"{folder}/emails.csv").sample(frac=1${seed})

      def __len__(self):
          return len(self.frame)

      def __getitem__(self, i):
          row = self.frame.iloc[i]
          return row["text"], row["label"]

  emails = SpamEmails("data/enron")
  np.random.seed(1234)
  loader = DataLoader(emails, batch_size=32)
  for texts, labels in loader:
      loss = model(texts, labels)
      loss.backward()
      optimizer.step()
`;

/** Objects built before the seed: three read only after it, one printed before it; and a split drawn before it. */
const BUILT_BEFORE_SEED_USED_AFTER = (seedLine: string, seed: string) => py`
  import numpy as np
  from imblearn.over_sampling import SMOTE
  from sklearn.ensemble import RandomForestClassifier
  from sklearn.model_selection import KFold, StratifiedKFold, cross_validate, train_test_split${seedLine}

  cv = StratifiedKFold(n_splits=5, shuffle=True)
  forest = RandomForestClassifier(n_estimators=100)
  sampler = SMOTE()
  early = KFold(n_splits=3, shuffle=True${seed})
  print(early)
  X_tr, X_te, y_tr, y_te = train_test_split(X, y)
  np.random.seed(66)
  for i in range(10):
      X_res, y_res = sampler.fit_resample(X_tr, y_tr)
      cross_validate(forest, X_res, y_res, cv=cv)
  cross_validate(forest, X_te, y_te, cv=early)
`;

/** A trainer whose `__init__` builds its forest through a method, built and fitted before the seed, then fitted again after it. */
const TRAINER_BUILT_BEFORE_SEED = (seedLine: string, seed: string) => py`
  import numpy as np
  from sklearn.ensemble import RandomForestClassifier${seedLine}

  class Trainer:
      def __init__(self, n_trees):
          self.model = self.make(n_trees)

      def make(self, n_trees):
          return RandomForestClassifier(n_estimators=n_trees${seed})

      def fit(self, X, y):
          return self.model.fit(X, y)

  trainer = Trainer(300)
  trainer.fit(X, y)
  np.random.seed(7)
  trainer.fit(X_more, y_more)
`;

/** A base whose `__init__` splits, and a subclass with an `__init__` of its own (not calling the base's) built after the seed. */
const OWN_INIT_SUBCLASS = (seedLine: string, seed: string) => py`
  import numpy as np
  from sklearn.linear_model import LogisticRegression
  from sklearn.model_selection import train_test_split${seedLine}

  class Splits:
      def __init__(self, X, y):
          self.X_train, self.X_test, self.y_train, self.y_test = train_test_split(X, y, test_size=0.3${seed})

  class FixedSplits(Splits):
      def __init__(self, X_train, X_test, y_train, y_test):
          self.X_train, self.X_test, self.y_train, self.y_test = X_train, X_test, y_train, y_test

      def score(self):
          model = LogisticRegression().fit(self.X_train, self.y_train)
          return model.score(self.X_test, self.y_test)

  np.random.seed(42)
  print(FixedSplits(X_tr, X_te, y_tr, y_te).score())
`;

/** An estimator logged to MLflow after it is fitted, and one logged as built in a file that reads a model back and fits it. */
const LOGGED_AND_FITTED = (constant: string, argument: string) => py`
  import mlflow
  from sklearn.ensemble import RandomForestClassifier${constant}
  trained = RandomForestClassifier(n_estimators=20${argument})
  trained.fit(X, y)
  mlflow.sklearn.log_model(trained, "trained")
  shell = RandomForestClassifier(max_depth=3${argument})
  with mlflow.start_run() as run:
      mlflow.sklearn.log_model(sk_model=shell, artifact_path=shell.__class__.__name__)
  loaded = mlflow.sklearn.load_model(f"runs:/{run.info.run_id}/RandomForestClassifier")
  loaded.fit(X, y)
`;

/** A library module's global template pickled by a function, and a local estimator pickled and handed to the project's tuner; `constant` is what the fix adds. */
const PICKLED_AND_HANDED_ON = (constant: string) => py`
  import joblib
  from sklearn.ensemble import RandomForestRegressor
  from sklearn.tree import DecisionTreeRegressor${constant}
  BASE = DecisionTreeRegressor(max_depth=5)
  def save_base(path):
      joblib.dump(BASE, path)
  def save_and_tune(path, X, y, tune):
      forest = RandomForestRegressor()
      joblib.dump(forest, path)
      return tune(forest, X, y)
`;

/** A positive written as a template of (seed constant, seed argument): the fix fills both in. */
const seededTemplateCase = (name: string, template: (constant: string, argument: string) => string, findings: ExpectedFinding[]) =>
  ({ name, code: template('', ''), findings, output: template('\n  SEED = 42', ', random_state=SEED') });

/** Seeds handed to scikit-learn under names it does not take; `split` is the keyword of the two splits (what the first fix writes). */
const SEED_UNDER_OTHER_NAMES = (split: string) => py`
  from sklearn.ensemble import RandomForestClassifier
  from sklearn.model_selection import KFold, train_test_split
  from sklearn.neural_network import MLPClassifier

  X_train_mel, X_test_mel, y_train, y_test = train_test_split(X_mel, y, test_size=0.2, ${split}=42)
  X_train_mfcc, X_test_mfcc, _, _ = train_test_split(X_mfcc, y, test_size=0.2, ${split}=42)
  forest = RandomForestClassifier(n_estimators=200, seed=0).fit(X_train_mel, y_train)
  mlp = MLPClassifier(hidden_layer_sizes=(64,), random_seed=1).fit(X_train_mfcc, y_train)
  for train_idx, test_idx in KFold(n_splits=5, shuffle=True, randomstate=3).split(X_mel):
      forest.fit(X_mel[train_idx], y[train_idx])
`;

/** A pandas sample handed its seed as `keyword`, before a split with none. */
const SAMPLED_UNDER_ANOTHER_NAME = (keyword: string) => py`
  import pandas as pd
  from sklearn.model_selection import train_test_split

  df = pd.read_csv("clips.csv")
  shuffled = df.sample(frac=1, ${keyword}=0)
  train, test = train_test_split(shuffled, test_size=0.25)
  model.fit(train[features], train.label)
`;

/**
 * A project's helper that copies `template` into each member of a voting ensemble, its copy kept as
 * `est` and set up by `seeding` (indented for the loop), then cross-validates the ensemble of a tree.
 */
const COPIED_TEMPLATE = (seeding: string, handed = 'make_resampled_ensemble(DecisionTreeClassifier(max_depth=4))') => py`
  import copy
  import pandas as pd
  from sklearn.base import clone
  from sklearn.ensemble import VotingClassifier
  from sklearn.model_selection import cross_val_score
  from sklearn.tree import DecisionTreeClassifier
  from imblearn.pipeline import make_pipeline
  from imblearn.under_sampling import RandomUnderSampler

  SEED = 42
  bank = pd.read_csv("bank.csv")
  X, y = bank.drop(columns="subscribed"), bank["subscribed"]

  def make_resampled_ensemble(template, n_members=10):
      members = []
      for i in range(n_members):
  ${seeding}
          members.append((f"member_{i}", make_pipeline(RandomUnderSampler(random_state=i), est)))
      return VotingClassifier(members, voting="soft")

  ensemble = ${handed}
  print(cross_val_score(ensemble, X, y, cv=5, scoring="roc_auc").mean())
`;

ruleTests(missingRandomState, {
  valid: [
    {
      name: 'a combined sampler handed its over-sampler runs it with that sampler\'s own seed, and never reads its own',
      code: py`
        from imblearn.combine import SMOTEENN, SMOTETomek
        from imblearn.over_sampling import SMOTE, BorderlineSMOTE
        from imblearn.under_sampling import EditedNearestNeighbours, TomekLinks
        from sklearn.linear_model import LogisticRegression
        def get_sampler(strategy, seed):
            if strategy == "smote_enn":
                return SMOTEENN(smote=SMOTE(sampling_strategy=0.5, random_state=seed), enn=EditedNearestNeighbours(sampling_strategy="majority"))
            oversampler = BorderlineSMOTE(random_state=seed)
            return SMOTETomek(sampling_strategy="auto", smote=oversampler, tomek=TomekLinks(sampling_strategy="majority"))
        X_res, y_res = get_sampler("smote_enn", 0).fit_resample(X, y)
        clf = LogisticRegression().fit(X_res, y_res)
      `,
    },
    {
      name: 'a search whose grid is built by dict() from keywords and names the seed seeds the tree it is handed',
      code: py`
        from sklearn.model_selection import GridSearchCV
        from sklearn.tree import DecisionTreeClassifier
        param_grid = dict(max_depth=[2, 4], random_state=[0])
        GridSearchCV(DecisionTreeClassifier(), param_grid, cv=5).fit(X, y)
      `,
    },
    {
      name: 'a template handed to a function of the file that clones it and seeds each copy, after asking whether it takes a seed',
      code: COPIED_TEMPLATE('        est = clone(template)\n        if hasattr(est, "random_state"):\n            est.random_state = i'),
    },
    {
      name: 'a template deep-copied and seeded by set_params, handed through a name used only so',
      code: COPIED_TEMPLATE('        est = copy.deepcopy(template)\n        est.set_params(random_state=i)', 'make_resampled_ensemble(tree)').replace('ensemble = make_resampled_ensemble(tree)', 'tree = DecisionTreeClassifier(max_depth=4)\nensemble = make_resampled_ensemble(tree)'),
    },
    {
      name: 'the boosting libraries take their seed as `seed` or `random_seed` themselves: handed so, they are seeded',
      code: py`
        from catboost import CatBoostClassifier
        from lightgbm import LGBMClassifier
        from xgboost import XGBClassifier

        cat = CatBoostClassifier(iterations=300, random_seed=7).fit(X, y)
        gbm = LGBMClassifier(subsample=0.8, subsample_freq=1, seed=7).fit(X, y)
        xgb = XGBClassifier(subsample=0.8, seed=7).fit(X, y)
      `,
    },
    {
      name: 'a Sacred command runs after Sacred seeds NumPy with the constant seed its config gives: the forest its helper builds draws the same each run',
      code: SACRED_HELPER('', '', ''),
    },
    {
      name: 'a Sacred main or command whose seed is added to the config as a constant (keyword or dictionary), the experiment built through the module',
      code: py`
        import sacred
        from sklearn.ensemble import ExtraTreesRegressor
        from sklearn.model_selection import train_test_split

        ex = sacred.Experiment("trees")
        ex.add_config({"seed": 3, "depth": 4})

        @ex.main
        def train(depth):
            X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2)
            model = ExtraTreesRegressor(max_depth=depth).fit(X_tr, y_tr)
            ex.log_scalar("r2", model.score(X_te, y_te))

        @ex.command(unobserved=True)
        def quick():
            ExtraTreesRegressor(n_estimators=5).fit(X, y).score(X, y)

        if __name__ == "__main__":
            ex.run_commandline()
      `,
    },
    {
      name: 'a split drawn only where the file that keeps it is missing, and saved there by the same arm: later runs read it back',
      code: py`
        import os
        import numpy as np
        import pandas as pd
        from sklearn.model_selection import train_test_split

        def split_indices(y, path):
            try:
                saved = np.load(path)
                train_idx, test_idx = saved["train_idx"], saved["test_idx"]
            except FileNotFoundError:
                train_idx, test_idx = train_test_split(np.arange(len(y)), test_size=0.2, shuffle=True, stratify=y)
                np.savez(path, train_idx=train_idx, test_idx=test_idx)
            return train_idx, test_idx

        if not os.path.exists("data/train.csv"):
            train, test = train_test_split(pd.read_csv("data/all.csv"), test_size=0.25)
            train.to_csv("data/train.csv", index=False)
            test.to_csv("data/test.csv", index=False)
        train = pd.read_csv("data/train.csv")
      `,
    },
    {
      name: 'LightGBM steps each given their own seed draw the same on every run: bagging with bagging_seed, a feature fraction with feature_fraction_seed',
      code: py`
        import lightgbm as lgb
        bagged = lgb.LGBMRegressor(bagging_fraction=0.5, bagging_freq=2, bagging_seed=5, feature_fraction=1.0, random_state=None)
        both = lgb.LGBMClassifier(subsample=0.8, subsample_freq=1, colsample_bytree=0.7, bagging_seed=SEED, feature_fraction_seed=SEED)
        bagged.fit(X, y)
        both.fit(X, y)
      `,
    },
    {
      name: 'rows a generator gathers afresh in each pass, reordered and yielded as that pass\'s batch: the order within one batch changes no training step',
      code: py`
        import numpy as np
        import sklearn
        from sklearn.utils import shuffle

        def batches(rows, batch_size=64):
            while True:
                for start in range(0, len(rows), batch_size):
                    images, angles = [], []
                    for path, angle in rows[start:start + batch_size]:
                        images.append(load_image(path))
                        angles.append(angle)
                    images, angles = shuffle(images, angles)
                    yield np.array(images), np.array(angles)

        def template_generator(samples, batch_size=32):
            while 1:
                for offset in range(0, len(samples), batch_size):
                    images = []
                    angles = []
                    for sample in samples[offset:offset + batch_size]:
                        images.append(load_image(sample[0]))
                        angles.append(float(sample[3]))
                    X_train = np.array(images)
                    y_train = np.array(angles)
                    yield sklearn.utils.shuffle(X_train, y_train)

        class Pipeline:
            def weighted(self, frame, batch_size=64):
                while True:
                    for offset in range(0, len(frame), batch_size):
                        X, y, w = [], [], []
                        for j in range(offset, min(len(frame), offset + batch_size)):
                            X.append(self.read(frame["center"][j]))
                            y.append(frame["steering"][j])
                            w.append(self.weight(frame["steering"][j]))
                        X, y, w = shuffle(X, y, w)
                        yield X, y, w
      `,
    },
    {
      name: 'random_state passed by keyword, from a constant',
      code: py`
        from sklearn.model_selection import train_test_split
        SEED = 0
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=SEED)
      `,
    },
    {
      name: 'a best-split tree trained only on one listed column of a frame has no features to order: every run grows the same tree, also handed to a plotting function that only predicts',
      code: py`
        import pandas as pd
        import matplotlib.pyplot as plt
        from sklearn.tree import DecisionTreeRegressor

        def draw_fit(points, target, model):
            plt.scatter(points, target)
            plt.plot(points, model.predict(points))

        rentals = pd.read_csv("rentals.csv")
        rooms = rentals[["rooms"]].values
        rent = rentals["rent"].values
        reg = DecisionTreeRegressor(max_depth=3)
        reg.fit(rooms, rent)
        draw_fit(rooms, rent, reg)
        print(reg.get_depth())
      `,
    },
    {
      name: 'tie-only trees and boosting fitted on a vector made a column (reshape, [:, None], np.newaxis), its rows or its training split draw nothing that matters',
      code: py`
        import numpy as np
        from sklearn.ensemble import AdaBoostClassifier, GradientBoostingRegressor
        from sklearn.model_selection import train_test_split
        from sklearn.tree import DecisionTreeRegressor

        hours = np.linspace(0, 24, 300).reshape(-1, 1)
        load = np.sin(hours).ravel()
        h_train, h_test, l_train, l_test = train_test_split(hours, load, test_size=0.25, random_state=3)
        stump = DecisionTreeRegressor(max_depth=1).fit(h_train[:100], l_train[:100])
        boost = GradientBoostingRegressor(n_estimators=40)
        boost.fit(h_train, l_train)
        print(boost.score(h_test, l_test))
        days = np.arange(30)
        deep = DecisionTreeRegressor()
        deep.fit(days[:, None], np.log1p(days))
        wide = DecisionTreeRegressor(max_depth=2).fit(days[:, np.newaxis], days % 7)
        flags = AdaBoostClassifier(n_estimators=20).fit(days.reshape((30, 1)), days > 15)
      `,
    },
    {
      name: 'AdaBoost over a scikit-learn estimator that draws nothing (a liblinear logistic regression, naive Bayes, also through a name) boosts the same models on every run',
      code: py`
        from sklearn.ensemble import AdaBoostClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.naive_bayes import GaussianNB

        C_BEST = 0.3

        def boosted_logit(X, y):
            model = AdaBoostClassifier(
                n_estimators=5,
                estimator=LogisticRegression(solver="liblinear", C=C_BEST),
            )
            return model.fit(X, y)

        nb = GaussianNB(var_smoothing=1e-8)
        votes = AdaBoostClassifier(nb, n_estimators=30).fit(X_train, y_train)
        print(votes.score(X_test, y_test))
      `,
    },
    {
      name: 'KFold without shuffle is deterministic',
      code: py`
        from sklearn.model_selection import KFold, StratifiedKFold
        cv = KFold(n_splits=5)
        skf = StratifiedKFold(n_splits=5, shuffle=False)
      `,
    },
    {
      name: 'train_test_split with shuffle=False',
      code: py`
        from sklearn.model_selection import train_test_split
        train, test = train_test_split(df, test_size=0.1, shuffle=False)
      `,
    },
    {
      name: 'parameters passed through **params may hold the seed',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        params = {"n_estimators": 100, "random_state": 1}
        model = RandomForestClassifier(**params)
      `,
    },
    {
      name: 'deterministic estimators',
      code: py`
        from sklearn.linear_model import LinearRegression, LogisticRegression
        from sklearn.svm import SVC
        models = [LinearRegression(), LogisticRegression(max_iter=1000), SVC()]
      `,
    },
    {
      name: 'a local function named like sklearn\'s is not sklearn',
      code: py`
        def train_test_split(df, frac):
            return df[: int(len(df) * frac)], df[int(len(df) * frac):]
        train, test = train_test_split(df, 0.8)
      `,
    },
    {
      name: 'base estimators a search grid sets on a seeding ensemble, which reseeds them: inline, through a named grid, in a list of grids',
      code: py`
        from sklearn.ensemble import AdaBoostClassifier, BaggingRegressor
        from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
        from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor, ExtraTreeRegressor
        boost = GridSearchCV(AdaBoostClassifier(random_state=0), {"estimator": [DecisionTreeClassifier(max_depth=2), DecisionTreeClassifier(max_depth=4)], "n_estimators": [50, 100]})
        bag_grid = {"base_estimator": [DecisionTreeRegressor(), ExtraTreeRegressor()], "max_samples": [0.5, 1.0]}
        bagging = RandomizedSearchCV(BaggingRegressor(random_state=7), param_distributions=bag_grid, n_iter=4, random_state=0)
        ada = AdaBoostClassifier(random_state=1)
        grids = [{"estimator": [DecisionTreeClassifier(min_samples_leaf=5)]}, {"learning_rate": [0.1, 1.0]}]
        layered = GridSearchCV(ada, grids)
        for search in (boost, bagging, layered):
            search.fit(X_train, y_train)
      `,
    },
    {
      name: 'a base estimator seeded by its ensemble',
      code: py`
        from sklearn.ensemble import BaggingClassifier, AdaBoostClassifier
        from sklearn.tree import DecisionTreeClassifier
        bag = BaggingClassifier(DecisionTreeClassifier(), n_estimators=500, random_state=42)
        ada = AdaBoostClassifier(estimator=DecisionTreeClassifier(max_depth=1), random_state=0)
      `,
    },
    {
      name: 'models fitted only to time the fits or watch memory, their answers dropped or written into an array nobody reads',
      code: py`
        import resource
        import time
        import tracemalloc
        import numpy as np
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.linear_model import SGDClassifier, SGDRegressor

        def time_fits(X, Y, n_labels):
            models = []
            start = time.perf_counter()
            for k in range(n_labels):
                est = SGDClassifier(max_iter=3)
                est.fit(X, Y[:, k])
                models.append(est)
            elapsed = time.perf_counter() - start
            _ = np.column_stack([est.predict(X) for est in models])
            print(f"{n_labels} fits in {elapsed:.1f}s")

        def profile_streaming(chunks, X_check, n_out):
            learners = [SGDRegressor(max_iter=1) for _ in range(n_out)]
            for X, Y in chunks:
                for k, learner in enumerate(learners):
                    learner.partial_fit(X, Y[:, k])
            buffer = np.empty((len(X_check), n_out))
            for k, learner in enumerate(learners):
                buffer[:, k] = learner.predict(X_check)
            print("peak RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)

        def check_memory(X, y):
            tracemalloc.start()
            forest = RandomForestClassifier(n_estimators=20).fit(X, y)
            _ = forest.predict_proba(X)
            print(tracemalloc.get_traced_memory()[1])
      `,
    },
    {
      name: 'a split whose parts only train and feed models fitted to time the fits, their scores and predictions dropped',
      code: py`
        import time
        from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
        from sklearn.linear_model import SGDClassifier
        from sklearn.model_selection import train_test_split

        def time_warm_start(X, y):
            X_fit, X_hold, y_fit, y_hold = train_test_split(X, y, test_size=0.25)
            grower = RandomForestClassifier(n_estimators=0, warm_start=True, random_state=3)
            tic = time.time()
            for _ in range(20):
                grower.n_estimators += 5
                grower.fit(X_fit, y_fit)
                _ = grower.score(X_hold, y_hold)
            print("grown in", time.time() - tic)

        def time_keywords(features, target):
            (a_tr, a_te, b_tr, b_te) = train_test_split(features, target)
            learner = SGDClassifier(max_iter=5, random_state=1)
            t0 = time.perf_counter()
            learner.fit(a_tr, b_tr)
            learner.predict(a_te)
            learner.score(a_te, b_te)
            return time.perf_counter() - t0

        def time_batch(X, y):
            Xa, Xb, ya, yb = train_test_split(X, y)
            extra = ExtraTreesClassifier(n_estimators=50, random_state=0)
            start = time.time()
            extra.fit(Xa, ya)
            _ = extra.predict_proba(Xb)
            print(f"{time.time() - start:.2f}s")
      `,
    },
    {
      name: 'notebook cells that log an unfitted forest to MLflow to show the model registry, named after its class',
      code: [
        'import mlflow\nfrom sklearn.ensemble import RandomForestClassifier\n',
        'rfc = RandomForestClassifier(n_estimators=1)\nwith mlflow.start_run(run_name="logging-model") as run:\n    mlflow.sklearn.log_model(sk_model=rfc, artifact_path=rfc.__class__.__name__)\n',
        'rfc = RandomForestClassifier()\nwith mlflow.start_run():\n    mlflow.sklearn.log_model(rfc, "model", registered_model_name="demo-registry")\nprint(rfc)\n',
      ],
    },
    {
      name: 'a function that registers dummy versions of a model, each an unfitted estimator logged as it was built',
      code: py`
        import mlflow
        from sklearn.ensemble import GradientBoostingClassifier
        def register_versions(name, n_versions):
            for i in range(1, n_versions):
                with mlflow.start_run(run_name=f"classifier_{i}"):
                    placeholder = GradientBoostingClassifier()
                    mlflow.sklearn.save_model(placeholder, f"versions/{i}")
                    mlflow.sklearn.log_model(placeholder, "model", registered_model_name=name)
      `,
    },
    {
      name: 'a script that pickles unfitted templates as they were built, directly or through a local name',
      code: py`
        import joblib
        import pickle
        from sklearn.tree import DecisionTreeClassifier
        from sklearn.ensemble import ExtraTreesRegressor
        joblib.dump(ExtraTreesRegressor(n_estimators=50), "templates/extra_trees.joblib")
        def write_template(path):
            template = DecisionTreeClassifier(max_depth=4)
            with open(path, "wb") as f:
                pickle.dump(template, f)
        write_template("templates/tree.pkl")
      `,
    },
    {
      name: 'a script whose top-level loop builds a search per cell, fits a pipeline instead, and pickles the search as built',
      code: py`
        import pickle
        import numpy as np
        import pandas as pd
        from sklearn.gaussian_process import GaussianProcessRegressor
        from sklearn.model_selection import RandomizedSearchCV
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import StandardScaler
        for cell in ["A1", "B2"]:
            frame = pd.read_csv("cycles_" + cell + ".csv")
            X = np.array(frame.drop(["capacity"], axis=1))
            y = np.array(frame["capacity"])
            pipe = Pipeline([("scale", StandardScaler()), ("gp", GaussianProcessRegressor(normalize_y=True))])
            search = RandomizedSearchCV(pipe, param_distributions={"gp__alpha": [0.01, 0.1, 1.0, 10.0]}, n_iter=2, cv=5)
            pipe.fit(X, y)
            pickle.dump(search, open("search_" + cell + ".sav", "wb"))
      `,
    },
    {
      name: 'a script that writes an unfitted template inside a top-level with block, or in a try whose handler reports the failure',
      code: py`
        import pickle
        import joblib
        from sklearn.ensemble import RandomForestRegressor, ExtraTreesRegressor
        template = RandomForestRegressor(n_estimators=300)
        with open("templates/forest.pkl", "wb") as handle:
            pickle.dump(template, handle)
        try:
            joblib.dump(ExtraTreesRegressor(n_estimators=100), "templates/extra.joblib")
        except OSError as error:
            print("could not write the template:", error)
      `,
    },
    {
      name: 'a notebook cell that only shows an estimator',
      code: ['from sklearn.cluster import KMeans\n', 'KMeans()\n'],
    },
    {
      name: 'an estimator built only for its type, in a check of what a learner passed in',
      code: py`
        from sklearn.tree import DecisionTreeRegressor
        def check(model):
            assert type(model) == type(DecisionTreeRegressor()), "expected a tree"
            assert isinstance(model, type(DecisionTreeRegressor()))
      `,
    },
    {
      name: 'estimators only printed or asked for their parameters, directly or through a name',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.cluster import KMeans
        print(RandomForestClassifier())
        defaults = KMeans().get_params()
        shown = RandomForestClassifier(n_estimators=10)
        print(shown)
      `,
    },
    {
      name: 'seed keyword spelled seed= (xgboost) or random_seed= (catboost)',
      code: py`
        import xgboost as xgb
        from catboost import CatBoostClassifier
        m1 = xgb.XGBClassifier(seed=3)
        m2 = CatBoostClassifier(random_seed=3, verbose=0)
      `,
    },
    {
      name: 'an estimator built only to receive saved weights',
      code: py`
        import xgboost
        from catboost import CatBoostRegressor
        restored = xgboost.XGBClassifier()
        restored.load_model(checkpoint_path)
        scorer = CatBoostRegressor()
        scorer.load_model("model.cbm")
        print(scorer.predict(X_new))
      `,
    },
    {
      name: 'an estimator held by an attribute, built and filled by load_model in the next statement (a comment between), while training builds its own',
      code: py`
        from catboost import CatBoostClassifier, CatBoostRegressor

        class DemandModel:
            def __init__(self, depth=6):
                self.depth = depth
                self.regressor = None

            def train(self, frame, target):
                self.regressor = CatBoostRegressor(depth=self.depth, random_seed=11, verbose=0)
                self.regressor.fit(frame, target)

            def restore(self, checkpoint):
                self.regressor = CatBoostRegressor()
                # the saved trees bring their own settings
                self.regressor.load_model(checkpoint)
                return self

        class StockoutFlag:
            @classmethod
            def from_file(cls, path):
                flag = cls()
                flag.clf = CatBoostClassifier()
                flag.clf.load_model(path, format="cbm")
                return flag
      `,
    },
    {
      name: 'an estimator whose learned attributes are set from saved values right after it is built, in a method and at module level',
      code: py`
        import numpy as np
        from sklearn.linear_model import SGDClassifier, SGDRegressor

        class LinearBaseline:
            def train(self, X, y):
                self.model = SGDRegressor(random_state=0)
                self.model.partial_fit(X, y)

            def restore(self, coef, intercept) -> None:
                self.model: SGDRegressor = SGDRegressor()  # type: ignore
                self.model.coef_ = coef
                self.model.intercept_ = intercept

            def predict(self, X):
                return self.model.predict(X)

        saved = np.load("linear_head.npz")
        head = SGDClassifier(loss="log_loss")
        head.coef_ = saved["coef"]
        head.intercept_ = saved["intercept"]
        head.classes_ = np.array([0, 1])
        print(head.predict(X_new))
      `,
    },
    {
      name: 'NearMiss selects samples by distance, with no randomness to seed',
      code: py`
        from imblearn.under_sampling import NearMiss
        from imblearn.pipeline import make_pipeline
        undersamplers = [NearMiss(version=v) for v in (1, 2, 3)]
        pipe = make_pipeline(NearMiss(version=2), clf)
      `,
    },
    {
      name: 'NumPy seeded earlier in the script: scikit-learn draws from the seeded global generator',
      code: py`
        import numpy as np
        from sklearn.model_selection import train_test_split
        from sklearn.ensemble import RandomForestClassifier
        np.random.seed(42)
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2)
        model = RandomForestClassifier(n_estimators=100, random_state=None).fit(X_tr, y_tr)
      `,
    },
    {
      name: 'NumPy seeded in an earlier notebook cell (or by a seeding helper)',
      code: ['import numpy as np\nfrom sklearn.cluster import KMeans\nnp.random.seed(0)\n', 'km = KMeans(n_clusters=4)\nlabels = km.fit_predict(X)\n'],
    },
    {
      name: 'NumPy seeded inside a data simulator that a loader calls before the split runs (notebook)',
      code: [
        py`
          import numpy as np
          from sklearn.linear_model import Ridge
          from sklearn.model_selection import train_test_split

          def simulate(n, seed=0):
              if seed is not None:
                  np.random.seed(seed)
              X = np.random.normal(size=(n, 3))
              y = X[:, 0] + np.random.normal(size=n)
              return X, y

          def make_dataset():
              return simulate(5000)

          def fit_model(X, y):
              X_tr, X_te, y_tr, y_te = train_test_split(X, y)
              return Ridge().fit(X_tr, y_tr).score(X_te, y_te)
        `,
        py`
          X, y = make_dataset()
          print(fit_model(X, y))
        `,
      ],
    },
    {
      name: 'NumPy seeded inside a function the script calls before clustering at module level',
      code: py`
        import numpy as np
        from sklearn.cluster import KMeans

        def prepare_points():
            np.random.seed(7)
            return np.random.rand(200, 2)

        points = prepare_points()
        labels = KMeans(n_clusters=3).fit_predict(points)
        print(labels[:10])
      `,
    },
    {
      name: 'a splitter in a search objective the entry function defines after seeding NumPy, handed to an optimiser',
      code: py`
        import numpy as np
        from sklearn.model_selection import KFold
        from skopt import gp_minimize
        from skopt.utils import use_named_args

        def tune(cfg, images, labels):
            seed_value = 100
            np.random.seed(seed_value)
            if cfg.search:
                @use_named_args(cfg.space)
                def objective(**params):
                    folds = KFold(n_splits=cfg.k, shuffle=True)
                    scores = [fit_fold(images[a], labels[a], images[b], labels[b], params) for a, b in folds.split(images)]
                    return -np.mean(scores)
                return gp_minimize(objective, cfg.space, n_calls=20)
      `,
    },
    {
      name: 'a forest built in an Optuna objective that the seeding function defines, two closures deep',
      code: py`
        import numpy as np
        import optuna
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import cross_val_score

        def search(X, y):
            np.random.seed(7)

            def make_objective(metric):
                def objective(trial):
                    depth = trial.suggest_int("depth", 2, 12)
                    forest = RandomForestClassifier(max_depth=depth)
                    return cross_val_score(forest, X, y, scoring=metric).mean()
                return objective

            study = optuna.create_study(direction="maximize")
            study.optimize(make_objective("roc_auc"), n_trials=30)
            return study.best_params
      `,
    },
    {
      name: 'NumPy seeded in the entry function before it calls the helper that builds the clusterer',
      code: py`
        import argparse
        import numpy as np
        from sklearn.cluster import MiniBatchKMeans

        def build_model(n_clusters):
            return MiniBatchKMeans(n_clusters=n_clusters, batch_size=1024)

        def learn(features, n_clusters, seed):
            np.random.seed(seed)
            model = build_model(n_clusters)
            model.fit(features)
            return model

        if __name__ == "__main__":
            parser = argparse.ArgumentParser()
            parser.add_argument("--seed", type=int, default=0)
            args = parser.parse_args()
            learn(np.load("feats.npy"), 100, args.seed)
      `,
    },
    {
      name: 'NumPy seeded, through a helper, by a main() the package entry point runs, before it calls the helper that builds the forest',
      code: py`
        import argparse
        from sklearn.ensemble import RandomForestClassifier
        from .utils.setup import seed_random_generators

        def init(random_seed):
            seed_random_generators(random_seed)

        def get_models():
            return [RandomForestClassifier(n_estimators=500, max_depth=12)]

        def main():
            parser = argparse.ArgumentParser()
            parser.add_argument("--random-seed", type=int, default=7)
            args = parser.parse_args()
            init(args.random_seed)
            for model in get_models():
                model.fit(X, y)
      `,
    },
    {
      name: 'NumPy seeded in a data set\'s __init__ before it calls the method that shuffles the frame, the data set built by the script',
      code: py`
        import numpy as np
        import pandas as pd
        from torch.utils.data import Dataset, DataLoader

        class SpamEmails(Dataset):
            def __init__(self, folder):
                np.random.seed(1234)
                self.frame = self.prepare(folder)

            def prepare(self, folder):
                ham = pd.read_csv(f"{folder}/ham.csv")
                spam = pd.read_csv(f"{folder}/spam.csv")
                return pd.concat((ham, spam), axis=0).sample(frac=1)

            def __len__(self):
                return len(self.frame)

            def __getitem__(self, i):
                row = self.frame.iloc[i]
                return row["text"], row["label"]

        loader = DataLoader(SpamEmails("data/enron"), batch_size=32)
        for texts, labels in loader:
            loss = model(texts, labels)
            loss.backward()
            optimizer.step()
      `,
    },
    {
      name: 'NumPy seeded under __main__ before the script builds the experiment whose __init__ splits and builds the forest through a method',
      code: py`
        import numpy as np
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import train_test_split

        class Experiment:
            def __init__(self, X, y):
                self.parts = train_test_split(X, y, test_size=0.2)
                self.model = self.build()

            def build(self):
                return RandomForestClassifier(n_estimators=200)

            def run(self):
                X_tr, X_te, y_tr, y_te = self.parts
                return self.model.fit(X_tr, y_tr).score(X_te, y_te)

        if __name__ == "__main__":
            np.random.seed(0)
            print(Experiment(X, y).run())
      `,
    },
    {
      name: 'NumPy seeded before the script builds a subclass that keeps its base\'s __init__, which splits',
      code: py`
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import train_test_split

        class Splits:
            def __init__(self, X, y):
                self.X_train, self.X_test, self.y_train, self.y_test = train_test_split(X, y, test_size=0.3)

        class SpamSplits(Splits):
            def score(self):
                model = LogisticRegression().fit(self.X_train, self.y_train)
                return model.score(self.X_test, self.y_test)

        np.random.seed(42)
        print(SpamSplits(X, y).score())
      `,
    },
    {
      name: 'NumPy seeded by an uncalled main() before it builds the trainer whose __init__ builds the forest through a method',
      code: py`
        import numpy as np
        from sklearn.ensemble import RandomForestClassifier

        class Trainer:
            def __init__(self, n_trees):
                self.model = self.make(n_trees)

            def make(self, n_trees):
                return RandomForestClassifier(n_estimators=n_trees)

            def fit(self, X, y):
                return self.model.fit(X, y)

        def main():
            np.random.seed(7)
            trainer = Trainer(300)
            trainer.fit(X, y)
      `,
    },
    {
      name: 'NumPy seeded at the start of a test function before it calls the helper that builds the network',
      code: py`
        import numpy as np
        from sklearn.neural_network import MLPClassifier

        def make_classifier(hidden):
            return MLPClassifier(hidden_layer_sizes=(hidden,), max_iter=50)

        def test_classifier_learns_xor():
            np.random.seed(0)
            clf = make_classifier(16).fit(X_xor, y_xor)
            assert clf.score(X_xor, y_xor) > 0.9
      `,
    },
    {
      name: 'NumPy seeded in the __main__ block before it calls the helper, defined above, that builds the forests',
      code: py`
        import numpy as np
        import pandas as pd
        from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
        from sklearn.model_selection import StratifiedKFold

        def stack_models(features, labels):
            folds = list(StratifiedKFold(4).split(features, labels))
            members = [
                RandomForestClassifier(n_estimators=200, n_jobs=-1),
                ExtraTreesClassifier(n_estimators=200, criterion="entropy"),
            ]
            for member in members:
                for train, _ in folds:
                    member.fit(features[train], labels[train])
            return members

        if __name__ == "__main__":
            np.random.seed(2024)
            table = pd.read_csv("molecules.csv")
            stack_models(table.drop(columns="active").values, table["active"].values)
      `,
    },
    {
      name: 'NumPy seeded in a later notebook cell that then calls the function an earlier cell defined',
      code: [
        py`
          import numpy as np
          from sklearn.model_selection import ShuffleSplit

          def resample_scores(model, X, y):
              scores = []
              for train, test in ShuffleSplit(n_splits=20, test_size=0.1).split(X):
                  scores.append(model.fit(X[train], y[train]).score(X[test], y[test]))
              return scores
        `,
        py`
          np.random.seed(7)
          print(np.mean(resample_scores(ridge, X, y)))
        `,
      ],
    },
    {
      name: 'a unittest case seeding NumPy in setUpClass: every test method draws from the seeded generator',
      code: py`
        import unittest
        import numpy as np
        from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor

        class TestUpliftLearners(unittest.TestCase):
            @classmethod
            def setUpClass(cls):
                np.random.seed(123)
                cls.X = np.random.normal(size=(200, 4))
                cls.y = cls.X[:, 0] + np.random.normal(size=200)

            def test_boosting(self):
                model = GradientBoostingRegressor(subsample=0.8).fit(self.X, self.y)
                self.assertGreater(model.score(self.X, self.y), 0.5)

            def test_forest(self):
                forest = RandomForestRegressor(n_estimators=20)
                forest.fit(self.X, self.y)
      `,
    },
    {
      name: 'a test case whose set-up calls a simulator method that seeds, and a pytest class seeding in setup_method',
      code: py`
        import unittest
        import numpy as np
        from sklearn.model_selection import KFold, train_test_split
        from sklearn.ensemble import RandomForestClassifier

        def draw_effects(n):
            np.random.seed(7)
            return np.random.binomial(1, 0.5, size=n)

        class TestSearch(unittest.TestCase):
            @classmethod
            def _simulate(cls, n=100):
                X = np.random.uniform(size=(n, 3))
                return X, draw_effects(n)

            @classmethod
            def setUpClass(cls):
                cls.X, cls.a = cls._simulate()

            def test_folds(self):
                for train, test in KFold(n_splits=3, shuffle=True).split(self.X):
                    RandomForestClassifier(n_estimators=10).fit(self.X[train], self.a[train])

        class TestSplits:
            def setup_method(self):
                np.random.seed(0)

            def test_split(self):
                X_tr, X_te = train_test_split(np.arange(20))
                assert len(X_te) == 5
      `,
    },
    {
      name: 'a mixture or k-means of one component, only fitted and asked for answers, ends every start at the same fit',
      code: py`
        import numpy as np
        from sklearn.cluster import KMeans
        from sklearn.mixture import BayesianGaussianMixture, GaussianMixture
        gmm = GaussianMixture(n_components=1, covariance_type="full")
        gmm.fit(train_set)
        scores = gmm.score_samples(test_set)
        threshold = np.percentile(scores, 5)
        density = GaussianMixture()
        density.fit(X_normal)
        print(density.means_, density.predict(X))
        bgm = BayesianGaussianMixture(1)
        bgm.fit(X)
        log_density = bgm.score(X)
        km = KMeans(n_clusters=1)
        labels = km.fit_predict(X)
      `,
    },
    {
      name: 'a model of one component fitted in the same expression, whose fit returns it, and only asked for answers',
      code: py`
        import matplotlib.pyplot as plt
        from sklearn.cluster import KMeans
        from sklearn.mixture import GaussianMixture
        for i, cov_type in enumerate(["diag", "spherical", "full"]):
            model = GaussianMixture(1, covariance_type=cov_type).fit(X)
            plt.scatter(X[:, 0], X[:, 1], c=model.predict(X))
            print(model.means_)
        centre = KMeans(n_clusters=1, n_init=10).fit(points).cluster_centers_[0]
        refit = GaussianMixture(n_components=1)
        refit = refit.fit(train_rows)
        density = refit.score_samples(test_rows)
        GaussianMixture().fit(X)
      `,
    },
    {
      name: 'k-means started from given centres draws nothing',
      code: py`
        from sklearn.cluster import KMeans
        start = X[:3, :]
        km = KMeans(n_clusters=3, init=start, n_init=1, max_iter=2).fit(X)
        print(km.cluster_centers_)
      `,
    },
    {
      name: 'XGBoost and LightGBM with no row or column subsampling are deterministic',
      code: py`
        import xgboost as xgb
        import lightgbm as lgb
        a = xgb.XGBClassifier(n_estimators=200, max_depth=4, subsample=1.0)
        b = lgb.LGBMRegressor(num_leaves=31, subsample=0.8)
        a.fit(X, y)
        b.fit(X, y)
      `,
    },
    {
      name: 'pandas rows sampled only to be shown, a seeded sample, and samples that are not pandas',
      code: py`
        import random
        import pandas as pd
        import torch
        df = pd.read_csv("train.csv")
        df.sample(5)
        print(df.sample(3))
        train = df.sample(frac=0.8, random_state=1)
        picks = random.sample(range(100), 10)
        z = torch.distributions.Normal(0, 1).sample()
        model.fit(train, picks)
      `,
    },
    {
      name: 'rows shuffled or redrawn only to be looked at: one random review printed, a redrawn sample printed',
      code: [
        'import pandas as pd\nfrom sklearn.utils import resample, shuffle\nreviews = pd.read_csv("reviews.csv")\n',
        'example = shuffle(reviews).iloc[0]\nprint("Text: " + example["body"])\nprint("Stars:", example["stars"])\n',
        'print(resample(reviews, n_samples=3))\n',
      ],
    },
    {
      name: 'data reshuffled, redrawn, generated or split with the value dropped: scikit-learn returns new arrays and leaves its arguments as they were',
      code: py`
        from sklearn.datasets import make_classification
        from sklearn.model_selection import train_test_split
        from sklearn.utils import resample, shuffle

        def train(model, data, labels, epochs):
            for epoch in range(epochs):
                shuffle(data, labels)
                for start in range(0, len(data), 32):
                    model.train_on_batch(data[start:start + 32], labels[start:start + 32])

        def bootstrap_score(model, X, y):
            resample(X, y, n_samples=len(X))
            return model.score(X, y)

        if __name__ == "__main__":
            make_classification(n_samples=200)
            train_test_split(X, y, test_size=0.2)
            train(net, X, y, 10)
      `,
    },
    {
      name: 'a shuffle dropped as the last line of a notebook cell is only shown',
      code: ['import pandas as pd\nfrom sklearn.utils import shuffle\nreviews = pd.read_csv("reviews.csv")\n', 'shuffle(reviews)\n', 'clf.fit(reviews[["len"]], reviews["stars"])\n'],
    },
    {
      name: 'examples drawn only to be shown with what a trained model predicts for them: probabilities plotted, labels looked up through a mask, predictions printed beside the labels',
      code: [
        'import numpy as np\nimport pandas as pd\nimport matplotlib.pyplot as plt\nfrom sklearn.utils import resample\nfrom tensorflow import keras\n',
        'net = keras.models.load_model("signs.keras")\nnames = pd.read_csv("signnames.csv")\n',
        'picked, picked_labels = resample(X_test, y_test, n_samples=9)\nprobs = net.predict(picked)\nfor k in range(9):\n    plt.subplot(3, 3, k + 1)\n    plt.imshow(picked[k])\n    best = np.argsort(probs[k])[-3:]\n    plt.barh(range(3), probs[k][best])\n    plt.title(names[names["ClassId"] == picked_labels[k]]["SignName"].values[0])\nplt.show()\n',
      ],
    },
    {
      name: 'a validation sample reordered to eyeball a saved model, and a split whose parts are printed or plotted against the model\'s scores',
      code: py`
        import joblib
        import numpy as np
        import matplotlib.pyplot as plt
        from sklearn.model_selection import train_test_split
        from sklearn.utils import shuffle
        clf = joblib.load("forest.joblib")
        rows, labels = shuffle(X_val, y_val)
        print(np.round(clf.predict_proba(rows[:5]), 2), labels[:5])
        print(clf.predict(rows[:5]) == labels[:5])
        X_a, X_b, y_a, y_b = train_test_split(X, y, test_size=0.1)
        print(X_a.shape, y_a[:5], y_b[:5])
        plt.scatter(X_b[:, 0], clf.decision_function(X_b))
      `,
    },
    {
      name: 'generated rows handed to a helper whose called parameter every call fills with a plotting function, or unpacked from a generator\'s windows into a nested loop pattern and only plotted, reach no result (round 681)',
      code: py`
        import matplotlib.pyplot as plt
        from sklearn.datasets import make_regression

        def show_batches(rows, targets, horizon, draw):
            for start in range(0, len(rows), horizon):
                draw(rows[start:start + horizon, 0], targets[start:start + horizon])

        def windows(rows, size, step):
            for start in range(0, len(rows) - size, step):
                yield rows[start:start + size], rows[start + size:start + size + step]

        X_demo, y_demo = make_regression(n_samples=20, n_features=2)
        show_batches(X_demo, y_demo, 5, draw=plt.scatter)

        X_series, y_series = make_regression(n_samples=40, n_features=2)
        for k, (past, ahead) in enumerate(windows(X_series, 20, 5)):
            plt.plot(past[:, 0])
            plt.plot(ahead[:, 0])
        plt.show()
      `,
    },
    {
      name: 'data sets generated only to be plotted, described or printed reach no result',
      code: [
        'import numpy as np\nimport pandas as pd\nimport matplotlib.pyplot as plt\nfrom sklearn.datasets import make_blobs, make_moons\n',
        'points, groups = make_blobs(n_samples=300, centers=4, cluster_std=0.6, random_state=None)\nframe = pd.DataFrame(points, columns=["a", "b"])\nframe["group"] = groups\nframe.describe()\n',
        'plt.scatter(frame["a"], frame["b"], c=frame["group"])\nplt.show()\n',
        'curve = make_moons(n_samples=80, noise=0.1)\ntrend = np.polyfit(curve[0][:, 0], curve[0][:, 1], 2)\nplt.plot(curve[0][:, 0], np.polyval(trend, curve[0][:, 0]), "r-")\n',
        'def show_groups(xy, labels, title):\n    plt.scatter(xy[:, 0], xy[:, 1], c=labels)\n    plt.title(title)\n\nring, side = make_moons(n_samples=120, noise=0.05)\nshow_groups(ring, side, title="two moons")\n',
      ],
    },
    {
      name: 't-SNE and MDS maps only plotted, directly or through the columns of a frame that is only plotted, are pictures',
      code: [
        'import matplotlib.pyplot as plt\nimport seaborn as sns\nfrom sklearn.manifold import MDS, TSNE\n',
        'emb = TSNE(n_components=2, perplexity=30).fit_transform(features)\nplt.scatter(emb[:, 0], emb[:, 1], c=labels)\nplt.show()\n',
        'tsne = TSNE(n_components=2, perplexity=40)\nmapped = tsne.fit_transform(features)\ndf["tsne-one"] = mapped[:, 0]\ndf["tsne-two"] = mapped[:, 1]\nsns.scatterplot(x="tsne-one", y="tsne-two", hue="label", data=df)\n',
        'coords = MDS(n_components=2).fit_transform(distances)\nfor (x, y), name in zip(coords, names):\n    plt.annotate(name, (x, y))\n',
      ],
    },
    {
      name: 'a t-SNE map of a trained network\'s hidden layer, only plotted in the main function that trains it, is a picture',
      code: py`
        import matplotlib.pyplot as plt
        import numpy as np
        from sklearn.manifold import TSNE
        from sklearn.neural_network import MLPClassifier

        def main():
            X = np.load("features.npy")
            y = np.load("labels.npy")
            clf = MLPClassifier(hidden_layer_sizes=(32,), random_state=0).fit(X, y)
            hidden = np.maximum(0, X @ clf.coefs_[0] + clf.intercepts_[0])
            points = TSNE(n_components=2).fit_transform(hidden)
            plt.scatter(points[:, 0], points[:, 1], c=y)
            plt.show()

        if __name__ == "__main__":
            main()
      `,
    },
    {
      name: 't-SNE maps drawn on elements of the axes grid pyplot makes, in a loop that also fits a PCA, are pictures',
      code: py`
        import matplotlib.pyplot as plt
        from sklearn.decomposition import PCA
        from sklearn.manifold import TSNE

        fig, grid = plt.subplots(2, len(perplexities))
        for row, layer in enumerate(layers):
            for col, perplexity in enumerate(perplexities):
                reduced = PCA(n_components=50).fit_transform(activations[layer])
                emb = TSNE(n_components=2, perplexity=perplexity).fit_transform(reduced)
                grid[row][col].scatter([emb[i, 0] for i in range(n_shown)], [emb[i, 1] for i in range(n_shown)], c=labels[:n_shown])
                grid[row, col].set_title(f"{layer} - {perplexity}")
      `,
    },
    {
      name: 't-SNE maps drawn on a subplot added to a figure, and on its twin, are pictures',
      code: py`
        import matplotlib.pyplot as plt
        from sklearn.manifold import TSNE

        board = plt.figure(figsize=(12, 4))
        for k, name in enumerate(encoders):
            ax = board.add_subplot(1, len(encoders), k + 1)
            points = TSNE(n_components=2).fit_transform(encoders[name].transform(X))
            ax.scatter(points[:, 0], points[:, 1], s=4)
            ax.twinx().plot(points[:, 0])
      `,
    },
    {
      name: 't-SNE maps drawn on axes unpacked from pyplot\'s figure, and annotated on the current axes, are pictures',
      code: py`
        import matplotlib.pyplot as plt
        from sklearn.manifold import TSNE

        fig, (left, right) = plt.subplots(1, 2)
        for metric in ("euclidean", "cosine"):
            coords = TSNE(n_components=2, metric=metric).fit_transform(features)
            right.scatter(coords[:, 0], coords[:, 1])
            plt.gca().annotate(metric, coords[0])
      `,
    },
    {
      name: 'a t-SNE map handed to a function of the file that only plots it and returns the figure it made is a picture, also through a second helper and when the caller returns or saves the figure',
      code: [
        py`
          import matplotlib.pyplot as plt
          import numpy as np
          from sklearn.manifold import TSNE

          def latent_figure(y_true, z_embedded, name=""):
              fig, ax = plt.subplots()
              for unique in np.unique(y_true):
                  ax.plot(z_embedded[y_true == unique][:, 0], z_embedded[y_true == unique][:, 1], ".")
              ax.set_title("Latent space {}".format(name))
              return fig

          def latent_tsne_figure(y_true, z):
              z_embedded = TSNE(n_components=2).fit_transform(z.cpu().numpy())
              return latent_figure(y_true, z_embedded, name="(t-SNE)")
        `,
        py`
          import matplotlib.pyplot as plt
          from sklearn.manifold import TSNE

          def draw_points(points, colours):
              fig, ax = plt.subplots(figsize=(6, 6))
              ax.scatter(points[:, 0], points[:, 1], c=colours, s=3)
              return fig, ax

          def map_features(points, colours, title):
              fig, ax = draw_points(points, colours)
              ax.set_title(title)
              return fig

          def report(features, labels):
              coords = TSNE(n_components=2, perplexity=25).fit_transform(features)
              fig = map_features(coords, labels, "defect embeddings")
              fig.savefig("tsne.png")
              plt.close(fig)
        `,
        py`
          import matplotlib.pyplot as plt
          from sklearn.manifold import TSNE

          def plot_map(xy, names):
              ax = plt.gca()
              for (x, y), name in zip(xy, names):
                  ax.annotate(name, (x, y))
              return ax

          def map_parts(features, names):
              return plot_map(TSNE(n_components=2).fit_transform(features), names)

          ax = map_parts(features, part_names)
          ax.figure.savefig("map.png")
        `,
      ],
    },
    {
      name: 't-SNE maps drawn through a chart-named method of a plotting object handed in (scatterplot, heatmap), their labels placed at the median of each class, are pictures',
      code: py`
        import numpy as np
        import pandas as pd
        import matplotlib.pyplot as plt
        from sklearn.manifold import TSNE

        def tsne_panel(features, labels, canvas, slot=0):
            coords = TSNE(n_components=2, learning_rate=10).fit_transform(features)
            frame = pd.DataFrame({"x": coords[:, 0], "y": coords[:, 1], "label": labels})
            for label in np.unique(labels):
                part = frame.loc[frame["label"] == label]
                plt.text(part["x"].median(), part["y"].median(), label)
                canvas.scatterplot(part["x"], part["y"], slot, label=label, s=1.5)

        def distance_panel(features, board):
            board.heatmap(TSNE(n_components=2).fit_transform(features) @ features.T)
      `,
    },
    {
      name: 't-SNE maps drawn through a parameter of a helper that every call hands pyplot\'s axes (unpacked from plt.subplots, or a figure\'s add_subplot passed by keyword) are pictures',
      code: [
        py`
          import matplotlib.pyplot as plt
          import numpy as np
          from sklearn.manifold import TSNE

          def imscatter(x, y, ax, thumbs):
              for i in range(len(x)):
                  ax.imshow(thumbs[i], extent=(x[i], x[i] + 1, y[i], y[i] + 1))
              ax.update_datalim(np.column_stack([x, y]))
              ax.autoscale()

          def embedding_figure(features, thumbs):
              emb = TSNE(n_components=2).fit_transform(features)
              fig, ax = plt.subplots()
              imscatter(emb[:, 0], emb[:, 1], ax, thumbs)
              return fig
        `,
        py`
          import matplotlib.pyplot as plt
          from sklearn.manifold import TSNE

          def plot_embedding(points, labels, ax):
              ax.scatter(points[:, 0], points[:, 1], c=labels, s=4)
              ax.set_title("t-SNE of patch features")

          def embedding_page(features, labels):
              fig = plt.figure(figsize=(8, 8))
              plot_embedding(TSNE(n_components=2).fit_transform(features), labels, ax=fig.add_subplot(1, 1, 1))
              return fig
        `,
      ],
    },
    {
      name: 'alternatives listed in a lesson and rebound before any use train nothing',
      code: py`
        from sklearn.linear_model import SGDClassifier, Perceptron
        ppn = SGDClassifier(loss="perceptron")
        lr = SGDClassifier(loss="log_loss")
        ppn = Perceptron(eta0=0.1, random_state=1)
        ppn.fit(X_train, y_train)
        print(ppn.score(X_test, y_test))
      `,
    },
    {
      name: 'estimators put in a dict or a list that the script never reads train nothing',
      code: py`
        from sklearn.ensemble import AdaBoostClassifier, GradientBoostingClassifier, RandomForestClassifier
        from sklearn.linear_model import LogisticRegression
        model_dict = {
            "ada": AdaBoostClassifier(algorithm="SAMME"),
            "gb": GradientBoostingClassifier(),
        }
        candidates = [("rf", RandomForestClassifier(n_estimators=50))]
        clf = LogisticRegression(max_iter=500)
        clf.fit(X_train, y_train)
      `,
    },
    {
      name: 'a forest handed to a seeded Boruta selector, which sets its seed on the forest before each round (directly, by keyword, through a name)',
      code: py`
        from boruta import BorutaPy
        from sklearn.ensemble import RandomForestClassifier, ExtraTreesRegressor
        rf = RandomForestClassifier(n_jobs=-1, class_weight="balanced", max_depth=5)
        selector = BorutaPy(rf, n_estimators="auto", random_state=1)
        selector.fit(X, y)
        boruta = BorutaPy(estimator=ExtraTreesRegressor(max_depth=7), perc=90, random_state=SEED)
        kept = boruta.fit_transform(X_num, target)
      `,
    },
    {
      name: 'base trees handed to imbalanced-ensemble\'s ensembles, which seed each copy they train (by keyword, through a name)',
      code: py`
        import imbalanced_ensemble.ensemble as imb
        from imbens.ensemble import UnderBaggingClassifier
        from sklearn.tree import DecisionTreeClassifier
        estimator = DecisionTreeClassifier(splitter="random", ccp_alpha=0.01)
        cascade = imb.BalanceCascadeClassifier(random_state=7, n_estimators=20, estimator=estimator)
        spe = imb.SelfPacedEnsembleClassifier(estimator=DecisionTreeClassifier(criterion="entropy"), random_state=7)
        bag = UnderBaggingClassifier(estimator=DecisionTreeClassifier(max_depth=4), random_state=7)
        for clf in (cascade, spe, bag):
            clf.fit(X_train, y_train)
      `,
    },
    {
      name: 'trees held by adapt\'s importance-weighting objects that are only asked for weights (through a name, in two arms of an if, by keyword, chained, the tree through a name)',
      code: py`
        import numpy as np
        from sklearn.tree import DecisionTreeRegressor

        def kmm_weighted(source_x, target_x):
            from adapt.instance_based import KMM
            model_kmm = KMM(DecisionTreeRegressor(max_depth=6), Xt=target_x, kernel="rbf", gamma=1.0, verbose=0, random_state=0)
            weights = model_kmm.fit_weights(source_x, target_x)
            return source_x * np.asarray(weights).reshape(-1, 1)

        def adapt_weights(method, source_x, target_x):
            from adapt.instance_based import KLIEP, NearestNeighborsWeighting
            if method == "kliep":
                weight_model = KLIEP(DecisionTreeRegressor(max_depth=6), Xt=target_x, kernel="rbf", random_state=0)
            else:
                weight_model = NearestNeighborsWeighting(estimator=DecisionTreeRegressor(max_depth=6), Xt=target_x, n_neighbors=6)
            return weight_model.fit_weights(source_x, target_x)

        def rulsif_weights(source_x, target_x, new_x):
            import adapt.instance_based as ib
            first = ib.RULSIF(DecisionTreeRegressor(), Xt=target_x).fit_weights(source_x, target_x)
            tree = DecisionTreeRegressor(max_depth=4)
            ulsif = ib.ULSIF(tree, Xt=target_x)
            ulsif.fit_weights(source_x, target_x)
            return first, ulsif.predict_weights(new_x)
      `,
    },
    {
      name: 'a base tree handed to a seeding ensemble through a name',
      code: py`
        from sklearn.tree import DecisionTreeClassifier
        from sklearn.ensemble import BaggingClassifier
        tree = DecisionTreeClassifier()
        bag = BaggingClassifier(tree, n_estimators=100, max_samples=0.8, random_state=1)
        bag.fit(X, y)
      `,
    },
    {
      name: 'a tree handed to a grid search whose grid sets random_state (a name bound to the grid, or a list of grids that all set it)',
      code: py`
        from sklearn import model_selection, tree
        param_grid = {
            'criterion': ['gini', 'entropy'],
            #'splitter': ['best', 'random'],
            'max_depth': [2, 4, 6, 8, 10, None],
            'random_state': [0],
        }
        tune_model = model_selection.GridSearchCV(tree.DecisionTreeClassifier(), param_grid=param_grid, scoring='roc_auc', cv=5)
        grids = [{'max_depth': [2, 4], 'random_state': [0]}, {'max_features': ['sqrt'], 'random_state': [0]}]
        other = model_selection.GridSearchCV(tree.DecisionTreeRegressor(), grids)
      `,
    },
    {
      name: 'a helper of the file returns a candidate with the grid built beside it that sets the seed, and every call hands the pair to one search',
      code: py`
        import numpy as np
        from sklearn.ensemble import IsolationForest, RandomForestClassifier
        from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
        from sklearn.neighbors import LocalOutlierFactor

        def candidate(kind):
            if kind == "lof":
                detector = LocalOutlierFactor()
                space = {"n_neighbors": [5, 10], "novelty": [True]}
            elif kind == "forest":
                detector = IsolationForest()
                space = {"n_estimators": [100, 200], "contamination": list(np.arange(0.1, 0.3, 0.1)), "random_state": [7]}
            else:
                raise ValueError(kind)
            return detector, space

        def tree_and_space():
            model = RandomForestClassifier(n_jobs=-1)
            params = dict(n_estimators=[100, 300], max_depth=[4, None], random_state=[0])
            return params, model

        for kind in ["lof", "forest"]:
            detector, space = candidate(kind)
            search = GridSearchCV(detector, space, scoring=score_outliers, cv=folds)
            search.fit(embeddings)

        params, model = tree_and_space()
        tuned = RandomizedSearchCV(estimator=model, param_distributions=params, n_iter=3, random_state=0).fit(X, y)
      `,
    },
    {
      name: 'an estimator bound to a name that is only handed to searches whose grids set the seed (a cell of its own, a keyword estimator, a randomized search)',
      code: [
        py`
          from catboost import CatBoostClassifier
          from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
          from sklearn.ensemble import ExtraTreesRegressor
          booster = CatBoostClassifier(verbose=0)
        `,
        py`
          tuned = GridSearchCV(booster, {"depth": [4, 6], "random_state": [7]}, cv=5).fit(X, y)
          forest = ExtraTreesRegressor()
          drawn = RandomizedSearchCV(estimator=forest, param_distributions={"n_estimators": [100, 300], "random_state": [1]}, n_iter=2)
        `,
      ],
    },
    {
      name: 'an estimator whose name is handed only to seeding searches and ensembles, and otherwise only asked for answers or shown: the clones are trained, not the object',
      code: [
        py`
          from sklearn import ensemble, metrics, model_selection, tree
          dt = tree.DecisionTreeClassifier()
          grid = {"max_depth": [2, 4], "min_samples_leaf": [1, 3], "random_state": [123]}
          tuned = model_selection.GridSearchCV(estimator=dt, param_grid=grid, scoring="accuracy").fit(X_train, y_train)
          y_pred = dt.predict(X_valid)
          print(metrics.accuracy_score(y_valid, y_pred))
          boosted = ensemble.AdaBoostClassifier(base_estimator=dt, n_estimators=25, random_state=123).fit(X_train, y_train)
        `,
        py`
          from sklearn.ensemble import BaggingClassifier, ExtraTreesClassifier
          base = ExtraTreesClassifier(n_estimators=50)
          bag = BaggingClassifier(base, n_estimators=10, random_state=0).fit(X, y)
          print(base)
          proba = base.predict_proba(X_test)
          log_proba = base.predict_log_proba(X_test)
        `,
      ],
    },
    {
      name: 'estimators in a dictionary searched one by one with the grid under the same key, every grid setting the seed',
      code: py`
        from sklearn.ensemble import BaggingClassifier, ExtraTreesClassifier
        from sklearn.model_selection import GridSearchCV
        candidates = {"bag": BaggingClassifier(), "extra": ExtraTreesClassifier()}
        spaces = {"bag": dict(n_estimators=[20, 40], random_state=[3]), "extra": [{"max_depth": [4], "random_state": [3]}]}
        for key in candidates.keys():
            search = GridSearchCV(estimator=candidates[key], param_grid=spaces[key], cv=3)
            search.fit(X, y)
      `,
    },
    {
      name: 'a lesson splitting only to print the shapes and the first rows, then splitting again with a seed to train',
      code: py`
        from sklearn.model_selection import train_test_split
        from sklearn.neighbors import KNeighborsClassifier
        X_train, X_test, y_train, y_test = train_test_split(features, labels)
        print(features.shape)
        print(X_train.shape, X_test.shape)
        print(len(y_train), len(y_test))
        # without random_state every run picks other rows
        X_train, X_test, y_train, y_test = train_test_split(features, labels)
        print(X_train.head(1))
        print(y_test.head(1))
        X_train, X_test, y_train, y_test = train_test_split(features, labels, random_state=7)
        knn = KNeighborsClassifier(n_neighbors=3).fit(X_train, y_train)
        print(knn.score(X_test, y_test))
      `,
    },
    {
      name: 'notebook cells showing a split as a cell value, and Python 2 print statements of its rows',
      code: [
        'from sklearn.model_selection import train_test_split\nparts = train_test_split(X, y)\n',
        'parts[0].shape, parts[1].shape\n',
        'X_tr, X_te, y_tr, y_te = train_test_split(X, y)\nprint X_tr.head(1)\nprint y_te.head(1), y_tr.shape\n',
        'X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=0)\nmodel.fit(X_tr, y_tr)\n',
      ],
    },
    {
      name: 'samplers whose resampled data are only counted per class: sampling_strategy sets the counts, whichever rows are drawn',
      code: py`
        from collections import Counter
        import numpy as np
        from imblearn.over_sampling import RandomOverSampler, SMOTE
        from imblearn.under_sampling import RandomUnderSampler
        rus = RandomUnderSampler(sampling_strategy=0.8)
        X_res, y_res = rus.fit_resample(binary_X, binary_y)
        ax = y_res.value_counts().plot.pie(autopct=autopct)
        ros = RandomOverSampler(sampling_strategy="not majority")
        X_res, y_res = ros.fit_resample(X, y)
        print(sorted(Counter(y_res).items()), X_res.shape)
        X_sm, y_sm = SMOTE().fit_resample(X, y)
        print(np.bincount(y_sm))
      `,
    },
    {
      name: 'samplers whose resampled rows reach nothing: wrapped in frames that are dropped or rebound, relabelled in place, never read, or left on a line in a function',
      code: py`
        import pandas as pd
        from imblearn.combine import SMOTETomek
        from imblearn.over_sampling import ADASYN, BorderlineSMOTE, RandomOverSampler, SVMSMOTE
        from sklearn.linear_model import LogisticRegression
        X_bal, y_bal = ADASYN().fit_resample(features, labels)
        target = pd.Series(y_bal, name="target")
        balanced = pd.concat([pd.DataFrame(X_bal), target], axis=1)
        balanced["target"].astype("category")
        balanced = raw[raw["target"] == 1]
        LogisticRegression().fit(balanced.drop(columns="target"), balanced["target"])
        ros = RandomOverSampler(sampling_strategy="minority")
        X_os, y_os = ros.fit_resample(features, labels)
        y_os = pd.DataFrame(y_os)
        y_os.columns = ["label"]
        X_tmp, y_tmp = BorderlineSMOTE(k_neighbors=3).fit_resample(features, labels)
        X_mix, y_mix = SMOTETomek().fit_resample(features, labels)
        def explore(X, y):
            X_r, y_r = SVMSMOTE().fit_resample(X, y)
            pd.DataFrame(X_r).head()
      `,
    },
    {
      name: 'in a notebook, resampled rows dropped in a function, or never read',
      code: [
        'import pandas as pd\nfrom imblearn.over_sampling import SMOTE\n',
        'def peek(X, y):\n    X_s, y_s = SMOTE().fit_resample(X, y)\n    pd.DataFrame(X_s).head()\n',
        'X_unused, y_unused = SMOTE(k_neighbors=2).fit_resample(X, y)\n',
      ],
    },
    {
      name: 'a forest seeded through its attribute right after it is built, before it is handed on',
      code: py`
        from sklearn.ensemble import RandomForestRegressor
        SEED = 7
        forest = RandomForestRegressor(n_estimators=200, max_features="sqrt")
        forest.random_state = SEED
        wrapped = Wrapper(forest)
        wrapped.fit(train_set)
      `,
    },
    {
      name: 'an estimator seeded with set_params after another parameter is set on it',
      code: py`
        from sklearn.cluster import MiniBatchKMeans
        km = MiniBatchKMeans(n_clusters=8, batch_size=256)
        km.verbose = 1
        km.set_params(random_state=3)
        km.fit(features)
      `,
    },
    {
      name: 'an estimator handed to a constructor whose argument check the test expects to fail (pytest.raises, assertRaises ... as ctx)',
      code: py`
        import unittest
        import pytest
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.tree import DecisionTreeRegressor
        from mypkg.selection import ImportanceSelector

        @pytest.mark.parametrize("bad", [-1, 1.5, "all"])
        def test_rejects_threshold(bad):
            with pytest.raises(ValueError, match="threshold"):
                ImportanceSelector(estimator=RandomForestClassifier(), threshold=bad)

        class SelectorTest(unittest.TestCase):
            def test_rejects_folds(self):
                with self.assertRaises(ValueError) as ctx:
                    selector = ImportanceSelector(DecisionTreeRegressor(max_depth=2), cv=1)
                self.assertIn("cv", str(ctx.exception))
      `,
    },
    {
      name: 'estimators listed to pytest.mark.parametrize whose tests only compare, read back or expect a failure',
      code: py`
        import pytest
        from sklearn.ensemble import RandomForestClassifier, ExtraTreesRegressor
        from sklearn.tree import DecisionTreeRegressor
        from mypkg.selection import ImportanceSelector, ProbeSelector

        CASES = [
            (RandomForestClassifier(), "roc_auc", 3),
            (DecisionTreeRegressor(), "r2", 5),
            pytest.param(ExtraTreesRegressor(), "r2", 2, id="extra"),
        ]

        @pytest.mark.parametrize("estimator, scoring, cv", CASES)
        def test_stores_arguments(estimator, scoring, cv):
            selector = ImportanceSelector(estimator=estimator, scoring=scoring, cv=cv)
            assert selector.estimator == estimator
            assert selector.scoring == scoring and selector.cv == cv

        @pytest.mark.parametrize(["estimator"], [RandomForestClassifier(max_depth=2)])
        def test_repr(estimator):
            assert "max_depth=2" in repr(estimator)

        @pytest.mark.parametrize("estimator", [RandomForestClassifier(), pytest.param(DecisionTreeRegressor(), id="tree")])
        def test_rejects_bad_threshold(estimator):
            with pytest.raises(ValueError):
                ProbeSelector(estimator, threshold=-1)
            assert isinstance(estimator, object)
      `,
    },
    {
      name: 'an estimator handed to a wrapper whose test only reads the wrapper\'s parameters back',
      code: py`
        from sklearn.tree import DecisionTreeRegressor
        from mypkg.selection import ProbeSelector

        def test_collective_flag():
            selector = ProbeSelector(estimator=DecisionTreeRegressor(), collective=True)
            assert selector.collective is True
      `,
    },
    {
      name: 'an estimator only handed to a predicate of its kind (scikit-learn\'s is_regressor, is_classifier, or a library\'s is_clusterer), also through a wrapper (round 688)',
      code: py`
        from sklearn.base import is_classifier, is_regressor
        from sklearn.cluster import KMeans
        from sklearn.decomposition import PCA
        from sklearn.ensemble import GradientBoostingClassifier, RandomForestRegressor
        from sklearn.pipeline import Pipeline
        from vizkit.utils.kinds import is_clusterer
        from inspectkit import PermutationScorer

        def test_kind():
            scorer = PermutationScorer(RandomForestRegressor(), cv=3)
            assert is_regressor(scorer)
            assert is_classifier(Pipeline([("scale", PCA()), ("gb", GradientBoostingClassifier())]))

        def test_clusterer_kind():
            model = Pipeline([("reduce", PCA()), ("km", KMeans())])
            assert is_clusterer(model)
      `,
    },
    {
      name: 'an estimator handed to a wrapper class of the notebook whose __init__ only stores it and calls its bases\' __init__, the wrapper only printed or shown (round 688)',
      code: [
        'from sklearn.cluster import KMeans\nfrom vizkit.base import Visualizer, Wrapper\n',
        'class Outer(Visualizer, Wrapper):\n    def __init__(self, estimator):\n        self.estimator = estimator\n        Wrapper.__init__(self, self.estimator)\n        Visualizer.__init__(self, ax=None)\n',
        'class Inner(Outer):\n    def __init__(self, estimator, k=4):\n        super(Inner, self).__init__(estimator)\n        self.k = k\n',
        'class Plain(Wrapper):\n    pass\n',
        'o = Outer(KMeans())\nprint(o.estimator)\nprint(o.n_clusters)\n',
        'Inner(KMeans(), k=9)\n',
        'p = Plain(KMeans(n_clusters=3))\np.get_params()\n',
      ],
    },
    {
      name: 'generated rows handed only to a call in the statement that ends a pytest.raises or assertRaises block: it never completes (round 688)',
      code: py`
        import unittest
        import pytest
        from sklearn.datasets import make_classification, make_regression
        from sklearn.svm import LinearSVC
        from vizkit.classifier import CurveViz
        from selectkit import RelevanceSelector

        def test_rejects_continuous_target():
            X, y = make_regression()
            with pytest.raises(ValueError, match="target type"):
                viz = CurveViz(LinearSVC())
                viz.fit(X, y)

        @pytest.mark.parametrize("k", [1.5, -1])
        def test_rejects_k(k):
            X, y = make_classification(n_features=4)
            with pytest.raises(ValueError):
                _ = RelevanceSelector(k=k).fit(X, y)

        class SelectorTest(unittest.TestCase):
            def test_rejects_kind(self):
                X, y = make_classification(n_features=6)
                with self.assertRaises(ValueError):
                    RelevanceSelector(kind="bad").fit(X, y)
      `,
    },
    {
      name: 'scvi-tools seed setting assigned in an earlier notebook cell seeds NumPy before the clustering',
      code: ['import scvi\nfrom sklearn.cluster import KMeans\n', 'scvi.settings.seed = 0\n', 'km = KMeans(n_clusters=8)\nclusters = km.fit_predict(latent)\n'],
    },
    {
      name: 'a study handed a lambda calling the objective runs it only after the main function seeded NumPy (round 619)',
      code: py`
        import numpy as np
        import optuna
        from sklearn.linear_model import Ridge
        from sklearn.model_selection import KFold

        def objective(trial, names, k_folds):
            kfold = KFold(n_splits=k_folds, shuffle=True)
            scores = []
            for tr, va in kfold.split(names):
                model = Ridge(alpha=trial.suggest_float("alpha", 0.1, 10.0)).fit(X[tr], y[tr])
                scores.append(model.score(X[va], y[va]))
            return sum(scores) / k_folds

        def tune(names, n_trials):
            study = optuna.create_study(direction="minimize")
            study.optimize(lambda trial: objective(trial, names, 5), n_trials=n_trials)
            return study.best_params

        def main():
            np.random.seed(7)
            tune(list(range(40)), 10)

        if __name__ == "__main__":
            main()
      `,
    },
    {
      name: 'an objective handed by name, also as a keyword, runs no earlier than the search it is handed to (round 619)',
      code: py`
        import random
        import numpy as np
        from hyperopt import fmin, tpe
        import optuna
        from sklearn.ensemble import RandomForestRegressor

        def objective(trial):
            model = RandomForestRegressor(n_estimators=trial.suggest_int("n", 10, 50))
            model.fit(X_train, y_train)
            return model.score(X_val, y_val)

        def loss(params):
            return -RandomForestRegressor(**params).fit(X_train, y_train).score(X_val, y_val)

        random.seed(0)
        np.random.seed(0)
        optuna.create_study().optimize(objective, n_trials=20)
        best = fmin(fn=loss, space=space, algo=tpe.suggest, max_evals=20)
      `,
    },
    {
      name: 'an objective wrapped in functools.partial and handed to the study after the seed (round 619)',
      code: py`
        import functools
        import numpy as np
        import optuna
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold, cross_val_score

        def objective(trial, X, y):
            cv = StratifiedKFold(n_splits=5, shuffle=True)
            return cross_val_score(LogisticRegression(C=trial.suggest_float("C", 0.01, 10.0)), X, y, cv=cv).mean()

        def run(X, y):
            np.random.seed(42)
            study = optuna.create_study()
            study.optimize(functools.partial(objective, X=X, y=y), n_trials=5)

        run(X_all, y_all)
      `,
    },
  ],
  invalid: [
    {
      name: 'an estimator handed to a kind predicate the file defines itself, or fitted after the question, is still reported (round 688)',
      code: py`
        from sklearn.base import is_regressor
        from sklearn.ensemble import RandomForestRegressor, ExtraTreesClassifier
        from inspectkit import PermutationScorer

        def is_classifier(est):
            est.fit(X, y)
            return est.score(X, y) > 0.5

        def test_kind():
            scorer = PermutationScorer(RandomForestRegressor(), cv=3)
            assert is_regressor(scorer)
            scorer.fit(X, y)
            assert scorer.score(X, y) > 0.5
            assert is_classifier(ExtraTreesClassifier())
      `,
      findings: [{ line: 10 }, { line: 14 }],
      output: py`
        from sklearn.base import is_regressor
        from sklearn.ensemble import RandomForestRegressor, ExtraTreesClassifier
        from inspectkit import PermutationScorer
        SEED = 42

        def is_classifier(est):
            est.fit(X, y)
            return est.score(X, y) > 0.5

        def test_kind():
            scorer = PermutationScorer(RandomForestRegressor(random_state=SEED), cv=3)
            assert is_regressor(scorer)
            scorer.fit(X, y)
            assert scorer.score(X, y) > 0.5
            assert is_classifier(ExtraTreesClassifier())
      `,
    },
    {
      name: 'an estimator handed to a class of the file whose __init__ fits it, or whose base of the file does, is still reported (round 688)',
      code: [
        'from sklearn.cluster import KMeans\nfrom sklearn.ensemble import RandomForestClassifier\n',
        'class Trainer:\n    def __init__(self, estimator):\n        self.estimator = estimator.fit(X, y)\n',
        'class Child(Trainer):\n    def __init__(self, estimator):\n        super().__init__(estimator)\n',
        't = Trainer(RandomForestClassifier())\nprint(t.estimator)\n',
        'c = Child(KMeans())\nprint(c)\n',
      ],
      findings: [{ line: 1, cell: 3 }, { line: 1, cell: 4 }],
      output: [
        'from sklearn.cluster import KMeans\nfrom sklearn.ensemble import RandomForestClassifier\nSEED = 42\n',
        'class Trainer:\n    def __init__(self, estimator):\n        self.estimator = estimator.fit(X, y)\n',
        'class Child(Trainer):\n    def __init__(self, estimator):\n        super().__init__(estimator)\n',
        't = Trainer(RandomForestClassifier(random_state=SEED))\nprint(t.estimator)\n',
        'c = Child(KMeans())\nprint(c)\n',
      ],
    },
    {
      name: 'generated rows also trained on outside the failing statement, or handed to a call that is not the last of its raises block, are still reported (round 688)',
      code: py`
        import pytest
        from sklearn.datasets import make_classification, make_regression
        from selectkit import RelevanceSelector

        def test_selects_then_rejects():
            X, y = make_classification(n_features=6)
            selector = RelevanceSelector(k=2).fit(X, y)
            assert selector.score(X, y) > 0.7
            with pytest.raises(ValueError):
                selector.transform(X[:, :2])

        def test_fit_then_rejects():
            X, y = make_regression()
            with pytest.raises(ValueError):
                model = RelevanceSelector(k=2).fit(X, y)
                model.transform(X[:, :1])
            assert model.score(X, y) > 0.1
      `,
      findings: [{ line: 6 }, { line: 13 }],
      output: py`
        import pytest
        from sklearn.datasets import make_classification, make_regression
        from selectkit import RelevanceSelector
        SEED = 42

        def test_selects_then_rejects():
            X, y = make_classification(n_features=6, random_state=SEED)
            selector = RelevanceSelector(k=2).fit(X, y)
            assert selector.score(X, y) > 0.7
            with pytest.raises(ValueError):
                selector.transform(X[:, :2])

        def test_fit_then_rejects():
            X, y = make_regression()
            with pytest.raises(ValueError):
                model = RelevanceSelector(k=2).fit(X, y)
                model.transform(X[:, :1])
            assert model.score(X, y) > 0.1
      `,
    },
    {
      name: 'generated test rows a helper predicts in batches and scores with the metric its caller passes (by a name bound to it, or handed on through another helper\'s parameter) reach a result (round 681)',
      code: py`
        import numpy as np
        import pandas as pd
        from sklearn.datasets import make_regression
        from sklearn.linear_model import LinearRegression
        from sklearn.metrics import mean_absolute_error

        def evaluate(y_true, y_pred, metric):
            if len(y_true) == 0:
                return {"metric": None}
            return {"metric": metric(y_true, y_pred)}

        def score_batches(model, test, horizon, metric):
            test = test.reset_index(drop=True)
            scores = []
            for number, batch in test.groupby(np.arange(len(test)) // horizon):
                preds = model.predict(batch[["a", "b"]])
                scores.append(evaluate(y_true=batch["y"], y_pred=preds, metric=metric))
            return scores

        model = LinearRegression().fit(np.ones((4, 2)), np.ones(4))
        X_test, y_test = make_regression(n_samples=20, n_features=2)
        test = pd.DataFrame(X_test, columns=["a", "b"])
        test["y"] = y_test
        metric = mean_absolute_error
        print(score_batches(model, test, 2, metric=metric))
      `,
      findings: [{ line: 21 }],
      output: py`
        import numpy as np
        import pandas as pd
        from sklearn.datasets import make_regression
        from sklearn.linear_model import LinearRegression
        from sklearn.metrics import mean_absolute_error
        SEED = 42

        def evaluate(y_true, y_pred, metric):
            if len(y_true) == 0:
                return {"metric": None}
            return {"metric": metric(y_true, y_pred)}

        def score_batches(model, test, horizon, metric):
            test = test.reset_index(drop=True)
            scores = []
            for number, batch in test.groupby(np.arange(len(test)) // horizon):
                preds = model.predict(batch[["a", "b"]])
                scores.append(evaluate(y_true=batch["y"], y_pred=preds, metric=metric))
            return scores

        model = LinearRegression().fit(np.ones((4, 2)), np.ones(4))
        X_test, y_test = make_regression(n_samples=20, n_features=2, random_state=SEED)
        test = pd.DataFrame(X_test, columns=["a", "b"])
        test["y"] = y_test
        metric = mean_absolute_error
        print(score_batches(model, test, 2, metric=metric))
      `,
    },
    {
      name: 'generated rows cut into windows by a generator of the file and unpacked into a nested loop pattern are fitted and scored: they reach a result (round 681)',
      code: py`
        import pandas as pd
        from sklearn.datasets import make_regression
        from sklearn.linear_model import LinearRegression

        def windows(df, size, step):
            i = 0
            while i * step + size < len(df):
                yield df[i * step : i * step + size], df[i * step + size : (i + 1) * step + size]
                i += 1

        model = LinearRegression()
        X, y = make_regression(n_samples=40, n_features=2)
        frame = pd.DataFrame(X, columns=["a", "b"])
        frame["y"] = y
        for k, (fit_rows, next_rows) in enumerate(windows(frame, 20, 5)):
            model.fit(fit_rows[["a", "b"]], fit_rows["y"])
            print(k, model.score(next_rows[["a", "b"]], next_rows["y"]))
      `,
      findings: [{ line: 12 }],
      output: py`
        import pandas as pd
        from sklearn.datasets import make_regression
        from sklearn.linear_model import LinearRegression
        SEED = 42

        def windows(df, size, step):
            i = 0
            while i * step + size < len(df):
                yield df[i * step : i * step + size], df[i * step + size : (i + 1) * step + size]
                i += 1

        model = LinearRegression()
        X, y = make_regression(n_samples=40, n_features=2, random_state=SEED)
        frame = pd.DataFrame(X, columns=["a", "b"])
        frame["y"] = y
        for k, (fit_rows, next_rows) in enumerate(windows(frame, 20, 5)):
            model.fit(fit_rows[["a", "b"]], fit_rows["y"])
            print(k, model.score(next_rows[["a", "b"]], next_rows["y"]))
      `,
    },
    {
      name: 'a callback handed to the study before the seed, or seeded only in PyTorch, still draws afresh (round 619)',
      code: py`
        import numpy as np
        import optuna
        import torch
        from sklearn.linear_model import Ridge
        from sklearn.model_selection import KFold, cross_val_score

        def objective(trial, names):
            kfold = KFold(n_splits=5, shuffle=True)
            return cross_val_score(Ridge(), X, y, cv=kfold).mean()

        def tune(names):
            study = optuna.create_study()
            study.optimize(lambda trial: objective(trial, names), n_trials=3)

        def main():
            torch.manual_seed(0)
            tune(list(range(40)))
            np.random.seed(0)

        if __name__ == "__main__":
            main()
      `,
      findings: [{ line: 8 }],
      output: py`
        import numpy as np
        import optuna
        import torch
        from sklearn.linear_model import Ridge
        from sklearn.model_selection import KFold, cross_val_score
        SEED = 42

        def objective(trial, names):
            kfold = KFold(n_splits=5, shuffle=True, random_state=SEED)
            return cross_val_score(Ridge(), X, y, cv=kfold).mean()

        def tune(names):
            study = optuna.create_study()
            study.optimize(lambda trial: objective(trial, names), n_trials=3)

        def main():
            torch.manual_seed(0)
            tune(list(range(40)))
            np.random.seed(0)

        if __name__ == "__main__":
            main()
      `,
    },
    {
      name: 'an objective handed by name to a search that runs before the seed still draws afresh (round 619)',
      code: py`
        import numpy as np
        import optuna
        from sklearn.ensemble import RandomForestRegressor

        def objective(trial):
            model = RandomForestRegressor(n_estimators=trial.suggest_int("n", 10, 50))
            return model.fit(X_train, y_train).score(X_val, y_val)

        optuna.create_study().optimize(objective, n_trials=20)
        np.random.seed(0)
      `,
      findings: [{ line: 6 }],
      output: py`
        import numpy as np
        import optuna
        from sklearn.ensemble import RandomForestRegressor
        SEED = 42

        def objective(trial):
            model = RandomForestRegressor(n_estimators=trial.suggest_int("n", 10, 50), random_state=SEED)
            return model.fit(X_train, y_train).score(X_val, y_val)

        optuna.create_study().optimize(objective, n_trials=20)
        np.random.seed(0)
      `,
    },
    {
      name: 'splits whose parts reach a printed score, a model handed back, a top-level model or a call no table knows still draw afresh',
      code: py`
        import time
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import train_test_split

        def time_and_report(X, y):
            X_fit, X_hold, y_fit, y_hold = train_test_split(X, y)
            rf = RandomForestClassifier(random_state=0)
            tic = time.time()
            rf.fit(X_fit, y_fit)
            print(rf.score(X_hold, y_hold), time.time() - tic)

        def time_and_keep(X, y):
            Xa, Xb, ya, yb = train_test_split(X, y)
            rf = RandomForestClassifier(random_state=0)
            rf.fit(Xa, ya)
            _ = rf.predict(Xb)
            return rf

        def time_and_log(X, y, log):
            Xa, Xb, ya, yb = train_test_split(X, y)
            rf = RandomForestClassifier(random_state=0)
            rf.fit(Xa, ya)
            log(Xb)

        X_tr, X_te, y_tr, y_te = train_test_split(X, y)
        top = RandomForestClassifier(random_state=0)
        top.fit(X_tr, y_tr)
        _ = top.score(X_te, y_te)
      `,
      findings: [
        { line: 6, related: 3, message: /^`train_test_split` is called without `random_state` here and at 3 other places: each run splits the data differently$/ },
      ],
      output: py`
        import time
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import train_test_split
        SEED = 42

        def time_and_report(X, y):
            X_fit, X_hold, y_fit, y_hold = train_test_split(X, y, random_state=SEED)
            rf = RandomForestClassifier(random_state=0)
            tic = time.time()
            rf.fit(X_fit, y_fit)
            print(rf.score(X_hold, y_hold), time.time() - tic)

        def time_and_keep(X, y):
            Xa, Xb, ya, yb = train_test_split(X, y, random_state=SEED)
            rf = RandomForestClassifier(random_state=0)
            rf.fit(Xa, ya)
            _ = rf.predict(Xb)
            return rf

        def time_and_log(X, y, log):
            Xa, Xb, ya, yb = train_test_split(X, y, random_state=SEED)
            rf = RandomForestClassifier(random_state=0)
            rf.fit(Xa, ya)
            log(Xb)

        X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=SEED)
        top = RandomForestClassifier(random_state=0)
        top.fit(X_tr, y_tr)
        _ = top.score(X_te, y_te)
      `,
    },
    {
      name: 'a helper\'s candidate whose own grid leaves the seed out, fitted by the caller before the search, or searched over another grid still draws afresh',
      code: py`
        from sklearn.ensemble import IsolationForest, RandomForestClassifier
        from sklearn.model_selection import GridSearchCV

        def candidate(kind):
            if kind == "forest":
                detector = IsolationForest()
                space = {"n_estimators": [100, 200]}
            else:
                detector = IsolationForest(random_state=0)
                space = {"n_estimators": [50], "random_state": [3]}
            return detector, space

        def tree_and_space():
            model = RandomForestClassifier()
            params = {"max_depth": [4, None], "random_state": [0]}
            return model, params

        def boosted_and_space():
            model = RandomForestClassifier(max_depth=3)
            params = {"n_estimators": [10, 20], "random_state": [0]}
            return model, params

        detector, space = candidate("forest")
        GridSearchCV(detector, space).fit(embeddings)
        model, params = tree_and_space()
        model.fit(X, y)
        GridSearchCV(model, params).fit(X, y)
        other, _ = boosted_and_space()
        GridSearchCV(other, {"n_estimators": [10, 20]}).fit(X, y)
      `,
      findings: [
        // The candidate whose own grid leaves the seed out (another branch's grid cannot seed it).
        { line: 6, message: /^`IsolationForest` is called without `random_state`: each run gives a different result$/ },
        // One fitted by the caller before its search, one searched over a grid other than the one returned with it: one cause, linked.
        { line: 14, related: 1, message: /^`RandomForestClassifier` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.ensemble import IsolationForest, RandomForestClassifier
        from sklearn.model_selection import GridSearchCV
        SEED = 42

        def candidate(kind):
            if kind == "forest":
                detector = IsolationForest(random_state=SEED)
                space = {"n_estimators": [100, 200]}
            else:
                detector = IsolationForest(random_state=0)
                space = {"n_estimators": [50], "random_state": [3]}
            return detector, space

        def tree_and_space():
            model = RandomForestClassifier()
            params = {"max_depth": [4, None], "random_state": [0]}
            return model, params

        def boosted_and_space():
            model = RandomForestClassifier(max_depth=3)
            params = {"n_estimators": [10, 20], "random_state": [0]}
            return model, params

        detector, space = candidate("forest")
        GridSearchCV(detector, space).fit(embeddings)
        model, params = tree_and_space()
        model.fit(X, y)
        GridSearchCV(model, params).fit(X, y)
        other, _ = boosted_and_space()
        GridSearchCV(other, {"n_estimators": [10, 20]}).fit(X, y)
      `,
    },
    {
      name: 'a combined sampler given no over-sampler, or smote=None, builds its SMOTE from its own seed; an unseeded over-sampler handed to one is reported itself',
      code: py`
        from imblearn.combine import SMOTEENN, SMOTETomek
        from imblearn.over_sampling import SMOTE
        from imblearn.under_sampling import TomekLinks
        from sklearn.linear_model import LogisticRegression
        for sampler in (SMOTETomek(tomek=TomekLinks(sampling_strategy="majority")), SMOTEENN(smote=None), SMOTEENN(smote=SMOTE(k_neighbors=3))):
            X_res, y_res = sampler.fit_resample(X, y)
            LogisticRegression().fit(X_res, y_res)
      `,
      findings: [
        // The two samplers compared side by side in one tuple are one cause, linked; the over-sampler handed to the third is its own.
        { line: 5, related: 1, message: /^`SMOTETomek` is called without `random_state`: each run gives a different result; `SMOTEENN`, listed with it, is built without a seed too \(linked\)$/ },
        { line: 5, message: /^`SMOTE` is called without `random_state`: each run gives a different result$/ },
      ],
      output: py`
        from imblearn.combine import SMOTEENN, SMOTETomek
        from imblearn.over_sampling import SMOTE
        from imblearn.under_sampling import TomekLinks
        from sklearn.linear_model import LogisticRegression
        SEED = 42
        for sampler in (SMOTETomek(tomek=TomekLinks(sampling_strategy="majority"), random_state=SEED), SMOTEENN(smote=None, random_state=SEED), SMOTEENN(smote=SMOTE(k_neighbors=3))):
            X_res, y_res = sampler.fit_resample(X, y)
            LogisticRegression().fit(X_res, y_res)
      `,
    },
    {
      name: 'a tie-only tree searched over a grid built by dict() from keywords that set nothing that makes it draw keeps the ties message, through names and a pipeline step too',
      code: py`
        from sklearn.model_selection import GridSearchCV
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import StandardScaler
        from sklearn.tree import DecisionTreeClassifier
        model = DecisionTreeClassifier()
        balance = [{0: 100, 1: 1}, {0: 1, 1: 1}, {0: 1, 1: 100}]
        param_grid = dict(class_weight=balance)
        grid = GridSearchCV(estimator=model, param_grid=param_grid, cv=5, scoring="roc_auc").fit(X, y)
        pipe = Pipeline([("scale", StandardScaler()), ("clf", DecisionTreeClassifier(criterion="entropy"))])
        GridSearchCV(pipe, dict(clf__max_depth=[2, 4], scale__with_mean=[True, False])).fit(X, y)
      `,
      findings: [
        { line: 5, message: /^`DecisionTreeClassifier` is called without `random_state` here and at 1 other place: it tries the features in a random order at each split, so where two splits score the same, runs grow different trees$/, related: 1 },
      ],
      output: py`
        from sklearn.model_selection import GridSearchCV
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import StandardScaler
        from sklearn.tree import DecisionTreeClassifier
        SEED = 42
        model = DecisionTreeClassifier(random_state=SEED)
        balance = [{0: 100, 1: 1}, {0: 1, 1: 1}, {0: 1, 1: 100}]
        param_grid = dict(class_weight=balance)
        grid = GridSearchCV(estimator=model, param_grid=param_grid, cv=5, scoring="roc_auc").fit(X, y)
        pipe = Pipeline([("scale", StandardScaler()), ("clf", DecisionTreeClassifier(criterion="entropy", random_state=SEED))])
        GridSearchCV(pipe, dict(clf__max_depth=[2, 4], scale__with_mean=[True, False])).fit(X, y)
      `,
    },
    {
      name: 'a grid built by dict() that sets what makes a tree draw, or that also takes a mapping or a splat whose keys are not written out, gives no ties message',
      code: py`
        from sklearn.model_selection import GridSearchCV
        from sklearn.tree import DecisionTreeClassifier
        from tuning import BASE_GRID
        GridSearchCV(DecisionTreeClassifier(), dict(max_depth=[3, 5], max_features=["sqrt", None])).fit(X, y)
        GridSearchCV(DecisionTreeClassifier(max_depth=3), dict(BASE_GRID, min_samples_leaf=[1, 5])).fit(X, y)
        GridSearchCV(DecisionTreeClassifier(min_samples_leaf=2), dict(**BASE_GRID)).fit(X, y)
      `,
      findings: [
        { line: 4, message: /^`DecisionTreeClassifier` is called without `random_state` here and at 2 other places: each run gives a different result$/, related: 2 },
      ],
      output: py`
        from sklearn.model_selection import GridSearchCV
        from sklearn.tree import DecisionTreeClassifier
        from tuning import BASE_GRID
        SEED = 42
        GridSearchCV(DecisionTreeClassifier(random_state=SEED), dict(max_depth=[3, 5], max_features=["sqrt", None])).fit(X, y)
        GridSearchCV(DecisionTreeClassifier(max_depth=3, random_state=SEED), dict(BASE_GRID, min_samples_leaf=[1, 5])).fit(X, y)
        GridSearchCV(DecisionTreeClassifier(min_samples_leaf=2, random_state=SEED), dict(**BASE_GRID)).fit(X, y)
      `,
    },
    {
      name: 'a template cloned by a function of the file that never seeds the copies',
      code: COPIED_TEMPLATE('        est = clone(template)\n        est.max_depth = 3'),
      findings: [{ line: 22, message: /^`DecisionTreeClassifier` is called without `random_state`/ }],
      output: COPIED_TEMPLATE('        est = clone(template)\n        est.max_depth = 3', 'make_resampled_ensemble(DecisionTreeClassifier(max_depth=4, random_state=SEED))'),
    },
    {
      name: 'a template cloned and seeded, but also fitted itself by the function',
      code: COPIED_TEMPLATE('        est = clone(template)\n        est.random_state = i\n        template.fit(X, y)'),
      findings: [{ line: 23, message: /^`DecisionTreeClassifier` is called without `random_state`/ }],
      output: COPIED_TEMPLATE('        est = clone(template)\n        est.random_state = i\n        template.fit(X, y)', 'make_resampled_ensemble(DecisionTreeClassifier(max_depth=4, random_state=SEED))'),
    },
    {
      name: 'a copy seeded only after it is fitted',
      code: COPIED_TEMPLATE('        est = clone(template).fit(X, y)\n        est.random_state = i'),
      findings: [{ line: 22, message: /^`DecisionTreeClassifier` is called without `random_state`/ }],
      output: COPIED_TEMPLATE('        est = clone(template).fit(X, y)\n        est.random_state = i', 'make_resampled_ensemble(DecisionTreeClassifier(max_depth=4, random_state=SEED))'),
    },
    {
      name: 'a seed handed to scikit-learn under a name it does not take (`random=`, `seed=`, `random_seed=`, `randomstate=`): the call raises a TypeError, and the message says so',
      code: SEED_UNDER_OTHER_NAMES('random'),
      findings: [
        { line: 5, message: /^`train_test_split` is handed its seed as `random=` here and at 1 other place, a keyword it does not take: the call raises a TypeError before it draws anything; the seed belongs in `random_state`$/, related: 1 },
        { line: 7, message: /^`RandomForestClassifier` is handed its seed as `seed=`, a keyword it does not take: the call raises a TypeError/ },
        { line: 8, message: /^`MLPClassifier` is handed its seed as `random_seed=`/ },
        { line: 9, message: /^`KFold` is handed its seed as `randomstate=`/ },
      ],
      output: SEED_UNDER_OTHER_NAMES('random_state'),
    },
    {
      name: 'a pandas sample handed `seed=` raises too; beside it, a split with no seed at all keeps the missing-seed message',
      code: SAMPLED_UNDER_ANOTHER_NAME('seed'),
      findings: [
        { line: 5, message: /^`df.sample` is handed its seed as `seed=`, a keyword it does not take/ },
        { line: 6, message: /^`train_test_split` is called without `random_state`: each run splits the data differently/ },
      ],
      output: SAMPLED_UNDER_ANOTHER_NAME('random_state'),
    },
    {
      name: 'a Sacred experiment whose config sets the seed to None: Sacred draws one anew each run',
      code: SACRED_NONE_SEED('', ''),
      findings: [{ line: 13, message: /^`RandomForestClassifier` is called without `random_state`/ }],
      output: SACRED_NONE_SEED('\n  SEED = 42', ', random_state=SEED'),
    },
    {
      name: 'a Sacred config seed does not seed a helper the module also calls before any command runs',
      code: SACRED_HELPER('\n  baseline = build().fit(X, y).score(X_te, y_te)\n', '', ''),
      findings: [{ line: 12, message: /^`RandomForestClassifier` is called without `random_state`/ }],
      output: SACRED_HELPER('\n  baseline = build().fit(X, y).score(X_te, y_te)\n', '\n  SEED = 42', 'random_state=SEED'),
    },
    {
      name: 'a split saved inside a try whose handler catches any error: no cache, it is drawn on every call',
      code: py`
        from sklearn.model_selection import train_test_split

        def split_data(df, train_path, test_path):
            try:
                train, test = train_test_split(df, test_size=0.2)
                train.to_csv(train_path, index=False)
                test.to_csv(test_path, index=False)
            except Exception as e:
                raise RuntimeError(e) from e
      `,
      findings: [{ line: 5, message: /^`train_test_split` is called without `random_state`: each run splits the data differently/ }],
      output: py`
        from sklearn.model_selection import train_test_split
        SEED = 42

        def split_data(df, train_path, test_path):
            try:
                train, test = train_test_split(df, test_size=0.2, random_state=SEED)
                train.to_csv(train_path, index=False)
                test.to_csv(test_path, index=False)
            except Exception as e:
                raise RuntimeError(e) from e
      `,
    },
    {
      name: 'a split saved on every run (no cache around it), or drawn where a file is missing but not what is saved there: drawn again each run',
      code: py`
        import json
        import os
        import numpy as np
        from sklearn.model_selection import train_test_split

        train_idx, test_idx = train_test_split(np.arange(len(y)), test_size=0.2)
        np.savez("split_idx.npz", train_idx=train_idx, test_idx=test_idx)
        if not os.path.exists("stats.json"):
            X_tr, X_te = train_test_split(X, test_size=0.3)
            json.dump({"rows": len(X)}, open("stats.json", "w"))
            fit_and_report(X_tr, X_te)
      `,
      findings: [{ line: 6, related: 1, message: /^`train_test_split` is called without `random_state` here and at 1 other place: each run splits the data differently/ }],
      output: py`
        import json
        import os
        import numpy as np
        from sklearn.model_selection import train_test_split
        SEED = 42

        train_idx, test_idx = train_test_split(np.arange(len(y)), test_size=0.2, random_state=SEED)
        np.savez("split_idx.npz", train_idx=train_idx, test_idx=test_idx)
        if not os.path.exists("stats.json"):
            X_tr, X_te = train_test_split(X, test_size=0.3, random_state=SEED)
            json.dump({"rows": len(X)}, open("stats.json", "w"))
            fit_and_report(X_tr, X_te)
      `,
    },
    {
      name: 'models whose answers reach something: returned, saved, plotted, or kept in a script\'s module-level name another module may import',
      code: ANSWERS_REACH_SOMETHING('', ''),
      findings: [
        { line: 10, message: /^`SGDClassifier`/ },
        { line: 17, related: 1, message: /^`RandomForestClassifier` is called without `random_state` here and at 1 other place/ },
        { line: 22, message: /^`KMeans`/ },
      ],
      output: ANSWERS_REACH_SOMETHING('\n  SEED = 42', ', random_state=SEED + k'),
    },
    {
      name: 'trees an adapt object trains (its fit, also after asking for weights) or a project class only named like it holds still draw',
      code: py`
        from adapt.instance_based import KMM, KLIEP
        from sklearn.tree import DecisionTreeRegressor
        from reweight import Reweighter
        kmm = KMM(DecisionTreeRegressor(max_depth=6), Xt=target_x)
        kmm.fit(source_x, source_y)
        kliep = KLIEP(DecisionTreeRegressor(max_depth=3), Xt=target_x)
        weights = kliep.fit_weights(source_x, target_x)
        kliep.fit(source_x, source_y)
        own = Reweighter(DecisionTreeRegressor(max_depth=5)).fit_weights(source_x, target_x)
      `,
      findings: [
        { line: 4, related: 2, message: /^`DecisionTreeRegressor` is called without `random_state` here and at 2 other places: it tries the features in a random order/ },
      ],
      output: py`
        from adapt.instance_based import KMM, KLIEP
        from sklearn.tree import DecisionTreeRegressor
        from reweight import Reweighter
        SEED = 42
        kmm = KMM(DecisionTreeRegressor(max_depth=6, random_state=SEED), Xt=target_x)
        kmm.fit(source_x, source_y)
        kliep = KLIEP(DecisionTreeRegressor(max_depth=3, random_state=SEED), Xt=target_x)
        weights = kliep.fit_weights(source_x, target_x)
        kliep.fit(source_x, source_y)
        own = Reweighter(DecisionTreeRegressor(max_depth=5, random_state=SEED)).fit_weights(source_x, target_x)
      `,
    },
    {
      name: 'a forest handed to a Boruta selector given no seed, or None, still draws unseeded',
      code: py`
        from boruta import BorutaPy
        from sklearn.ensemble import RandomForestClassifier, ExtraTreesRegressor
        rf = RandomForestClassifier(n_jobs=-1, max_depth=5)
        BorutaPy(rf, n_estimators="auto").fit(X, y)
        et = ExtraTreesRegressor(max_depth=7)
        BorutaPy(estimator=et, random_state=None).fit(X_num, target)
      `,
      findings: [{ line: 3, message: /^`RandomForestClassifier`/ }, { line: 5, message: /^`ExtraTreesRegressor`/ }],
      output: py`
        from boruta import BorutaPy
        from sklearn.ensemble import RandomForestClassifier, ExtraTreesRegressor
        SEED = 42
        rf = RandomForestClassifier(n_jobs=-1, max_depth=5, random_state=SEED)
        BorutaPy(rf, n_estimators="auto").fit(X, y)
        et = ExtraTreesRegressor(max_depth=7)
        BorutaPy(estimator=et, random_state=None).fit(X_num, target)
      `,
    },
    {
      name: 'batch generators that reorder more than one batch: the whole set each pass, a batch cut down after its reorder, rows gathered before the loop; and a batch redrawn with replacement',
      code: REORDERED_BEYOND_ONE_BATCH('', () => ''),
      findings: [
        { line: 6, related: 2, message: /^`shuffle` is called without `random_state` here and at 2 other places: each run gives a different result$/ },
        { line: 34, message: /^`resample` is called without `random_state`/ },
      ],
      output: REORDERED_BEYOND_ONE_BATCH('\n  SEED = 42', (counter) => `, random_state=SEED${counter}`),
    },
    {
      name: 'data reshuffled each epoch into the names the loop trains on, or a dropped shuffle beside a kept resample: what is kept is reported',
      code: py`
        from sklearn.utils import resample, shuffle

        def train(model, data, labels, epochs):
            for epoch in range(epochs):
                data, labels = shuffle(data, labels)
                for start in range(0, len(data), 32):
                    model.train_on_batch(data[start:start + 32], labels[start:start + 32])

        def bootstrap_score(model, X, y):
            shuffle(X, y)
            Xb, yb = resample(X, y)
            return model.score(Xb, yb)
      `,
      findings: [
        { line: 5, message: /^\`shuffle\` is called without \`random_state\`: each run gives a different result$/ },
        { line: 11, message: /^\`resample\` is called without \`random_state\`/ },
      ],
      output: py`
        from sklearn.utils import resample, shuffle
        SEED = 42

        def train(model, data, labels, epochs):
            for epoch in range(epochs):
                data, labels = shuffle(data, labels, random_state=SEED + epoch)
                for start in range(0, len(data), 32):
                    model.train_on_batch(data[start:start + 32], labels[start:start + 32])

        def bootstrap_score(model, X, y):
            shuffle(X, y)
            Xb, yb = resample(X, y)
            return model.score(Xb, yb)
      `,
    },
    {
      name: 'rows shuffled and then trained on, or handed to a function of the project, may be on their way to training',
      code: [
        'import pandas as pd\nfrom sklearn.utils import shuffle\nreviews = pd.read_csv("reviews.csv")\n',
        'subset = shuffle(reviews).iloc[:500]\nprint(subset.iloc[0]["body"])\nclf.fit(vectorizer.fit_transform(subset["body"]), subset["stars"])\n',
        'batch = shuffle(reviews)\nprint(batch.shape)\ntrain_sentiment(batch)\n',
      ],
      findings: [
        { cell: 1, line: 1, related: 1, message: /^`shuffle` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
      ],
      output: [
        'import pandas as pd\nfrom sklearn.utils import shuffle\nSEED = 42\nreviews = pd.read_csv("reviews.csv")\n',
        'subset = shuffle(reviews, random_state=SEED).iloc[:500]\nprint(subset.iloc[0]["body"])\nclf.fit(vectorizer.fit_transform(subset["body"]), subset["stars"])\n',
        'batch = shuffle(reviews, random_state=SEED)\nprint(batch.shape)\ntrain_sentiment(batch)\n',
      ],
    },
    {
      name: 'a forest built and trained under %time: IPython runs the statement, so it is read as Python',
      code: ['from sklearn.ensemble import RandomForestClassifier\n', '%time forest = RandomForestClassifier(n_estimators=300).fit(X_train, y_train)\n', 'print(forest.score(X_test, y_test))\n'],
      findings: [{ cell: 1, line: 1, message: /^`RandomForestClassifier` is called without `random_state`/ }],
      output: ['from sklearn.ensemble import RandomForestClassifier\nSEED = 42\n', '%time forest = RandomForestClassifier(n_estimators=300, random_state=SEED).fit(X_train, y_train)\n', 'print(forest.score(X_test, y_test))\n'],
    },
    {
      name: 'learned attributes set as a warm start and then trained further: the training still draws',
      code: py`
        from sklearn.linear_model import SGDRegressor
        warm = SGDRegressor()
        warm.coef_ = previous_coef
        warm.intercept_ = previous_intercept
        warm.partial_fit(X, y)
      `,
      findings: [{ line: 2, message: /^`SGDRegressor` is called without `random_state`/ }],
      output: py`
        from sklearn.linear_model import SGDRegressor
        SEED = 42
        warm = SGDRegressor(random_state=SEED)
        warm.coef_ = previous_coef
        warm.intercept_ = previous_intercept
        warm.partial_fit(X, y)
      `,
    },
    {
      name: 'an attribute shell filled by load_model and then trained further through the same attribute: the training still draws',
      code: py`
        from catboost import CatBoostRegressor

        class DemandModel:
            def refresh(self, checkpoint, frame, target):
                self.regressor = CatBoostRegressor()
                self.regressor.load_model(checkpoint)
                self.regressor.fit(frame, target, init_model=checkpoint)
      `,
      findings: [{ line: 5, message: /^`CatBoostRegressor` is built without `random_state`/ }],
      output: py`
        from catboost import CatBoostRegressor
        SEED = 42

        class DemandModel:
            def refresh(self, checkpoint, frame, target):
                self.regressor = CatBoostRegressor(random_state=SEED)
                self.regressor.load_model(checkpoint)
                self.regressor.fit(frame, target, init_model=checkpoint)
      `,
    },
    {
      name: 'scvi-tools seed setting assigned only after the clustering: the clustering drew afresh',
      code: ['import scvi\nfrom sklearn.cluster import KMeans\n', 'km = KMeans(n_clusters=8)\nclusters = km.fit_predict(latent)\n', 'scvi.settings.seed = 0\n'],
      findings: [{ cell: 1, line: 1 }],
      output: ['import scvi\nfrom sklearn.cluster import KMeans\nSEED = 42\n', 'km = KMeans(n_clusters=8, random_state=SEED)\nclusters = km.fit_predict(latent)\n', 'scvi.settings.seed = 0\n'],
    },
    {
      name: 'estimators in a dict the script loops over and fits, and in a list one of whose elements it fits',
      code: py`
        from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
        models = {"gb": GradientBoostingClassifier(subsample=0.8)}
        for name, model in models.items():
            model.fit(X_train, y_train)
        forests = [RandomForestClassifier(n_estimators=50)]
        forests[0].fit(X_train, y_train)
      `,
      findings: [
        { line: 2, message: /^\`GradientBoostingClassifier\` is called without \`random_state\`/ },
        { line: 5, message: /^\`RandomForestClassifier\` is called without \`random_state\`/ },
      ],
      output: py`
        from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
        SEED = 42
        models = {"gb": GradientBoostingClassifier(subsample=0.8, random_state=SEED)}
        for name, model in models.items():
            model.fit(X_train, y_train)
        forests = [RandomForestClassifier(n_estimators=50)]
        forests[0].fit(X_train, y_train)
      `,
    },
    {
      name: 'a data set class of a library module that shuffles a buffer of rows and hands them on in batches: the importers build the class, so its draw reaches their data',
      code: LIBRARY_SHUFFLED_BUFFER('', ''),
      findings: [{ line: 8, message: /^\`frame\.sample\` is called without \`random_state\`/ }],
      output: LIBRARY_SHUFFLED_BUFFER('\n  SEED = 42', ', random_state=SEED'),
    },
    {
      name: 'parametrized estimators a test fits, or a list of them something else trains, or a wrapper the test fits',
      code: FITTED_IN_TESTS('', ''),
      findings: [
        { line: 6, related: 1, message: /^\`RandomForestClassifier\` is called without \`random_state\` here and at 1 other place:/ },
        { line: 10, related: 0, message: /^\`DecisionTreeRegressor\` is called without \`random_state\`:/ },
      ],
      output: FITTED_IN_TESTS('\n  SEED = 42', 'random_state=SEED'),
    },
    seededTemplateCase('a split printed and then trained on, and one only printed besides being handed to a function of the project', SPLIT_SHOWN_THEN_USED, [
        { line: 3, related: 1, message: /^`train_test_split` is called without `random_state` here and at 1 other place: each run splits the data differently$/ },
    ]),
    {
      name: 'a split whose test rows a saved model predicts and is scored on, and one handed to a training function of the project',
      code: PREDICTED_AND_SCORED(''),
      findings: [
        { line: 5, related: 1, message: /^`train_test_split` is called without `random_state` here and at 1 other place: each run splits the data differently$/ },
      ],
      output: PREDICTED_AND_SCORED(', random_state=SEED'),
    },
    {
      name: 'a split repeated in a range loop to average the scores, and one inside a loop over models: the fix seeds each repeat differently and gives every model the same split',
      code: REPEATED_SPLITS(''),
      findings: [{ line: 4, related: 1, message: /^\`train_test_split\` is called without \`random_state\` here and at 1 other place:/ }],
      output: REPEATED_SPLITS('SEED + i', 'SEED'),
    },
    {
      name: 'a seed set only after the forest is fitted, or set to None, seeds nothing that ran',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        first = RandomForestClassifier(n_estimators=50)
        first.fit(X, y)
        first.random_state = 0
        second = RandomForestClassifier(n_estimators=50)
        second.random_state = None
        second.fit(X, y)
      `,
      findings: [
        { line: 2, related: 1, message: /^\`RandomForestClassifier\` is called without \`random_state\` here and at 1 other place: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.ensemble import RandomForestClassifier
        SEED = 42
        first = RandomForestClassifier(n_estimators=50, random_state=SEED)
        first.fit(X, y)
        first.random_state = 0
        second = RandomForestClassifier(n_estimators=50, random_state=SEED)
        second.random_state = None
        second.fit(X, y)
      `,
    },
    seededTemplateCase('examples drawn and predicted, with the predictions scored, handed to a function of the project, or the rows saved', PICKED_AND_USED, [
      { line: 4, related: 1, message: /^`resample` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
      { line: 7, message: /^`shuffle` is called without `random_state`: each run gives a different result$/ },
    ]),
    seededTemplateCase('resampled rows wrapped in a frame that is then written, trained on, or kept in a list', RESAMPLED_AND_KEPT, [
      { line: 4, message: /^`ADASYN` is called without `random_state`: each run gives a different result$/ },
      { line: 7, message: /^`RandomOverSampler` is called without `random_state`/ },
      { line: 10, message: /^`SMOTE` is called without `random_state`/ },
    ]),
    {
      name: 'a notebook cell that shows the frame built from resampled rows as its value',
      code: [
        'import pandas as pd\nfrom imblearn.over_sampling import SMOTE\n',
        'X_s, y_s = SMOTE().fit_resample(X, y)\nbalanced = pd.concat([pd.DataFrame(X_s), pd.Series(y_s)], axis=1)\nbalanced.head()\n',
      ],
      findings: [{ cell: 1, line: 1, message: /^`SMOTE` is called without `random_state`/ }],
      output: [
        'import pandas as pd\nfrom imblearn.over_sampling import SMOTE\nSEED = 42\n',
        'X_s, y_s = SMOTE(random_state=SEED).fit_resample(X, y)\nbalanced = pd.concat([pd.DataFrame(X_s), pd.Series(y_s)], axis=1)\nbalanced.head()\n',
      ],
    },
    {
      name: 'a sampler whose resampled data are trained on after being counted, and one that cleans after over-sampling',
      code: py`
        from collections import Counter
        from imblearn.combine import SMOTEENN
        from imblearn.under_sampling import RandomUnderSampler
        from sklearn.linear_model import LogisticRegression
        rus = RandomUnderSampler(sampling_strategy=0.8)
        X_res, y_res = rus.fit_resample(X, y)
        print(Counter(y_res))
        clf = LogisticRegression().fit(X_res, y_res)
        X_c, y_c = SMOTEENN().fit_resample(X, y)
        print(Counter(y_c))
      `,
      findings: [
        { line: 5, message: /^`RandomUnderSampler` is called without `random_state`: each run gives a different result$/ },
        { line: 9, message: /^`SMOTEENN` is called without `random_state`/ },
      ],
      output: py`
        from collections import Counter
        from imblearn.combine import SMOTEENN
        from imblearn.under_sampling import RandomUnderSampler
        from sklearn.linear_model import LogisticRegression
        SEED = 42
        rus = RandomUnderSampler(sampling_strategy=0.8, random_state=SEED)
        X_res, y_res = rus.fit_resample(X, y)
        print(Counter(y_res))
        clf = LogisticRegression().fit(X_res, y_res)
        X_c, y_c = SMOTEENN().fit_resample(X, y)
        print(Counter(y_c))
      `,
    },
    {
      name: 'a module-level estimator in a library module may be imported and trained elsewhere; a tree also trained on its own is reported',
      code: py`
        from sklearn.ensemble import RandomForestClassifier, BaggingClassifier
        from sklearn.tree import DecisionTreeClassifier
        DEFAULT_MODEL = RandomForestClassifier(n_estimators=50)
        def build():
            tree = DecisionTreeClassifier(max_features="sqrt")
            tree.fit(X, y)
            return BaggingClassifier(tree, random_state=1)
      `,
      findings: [{ line: 3, message: /RandomForestClassifier/ }, { line: 5, message: /DecisionTreeClassifier/ }],
      output: py`
        from sklearn.ensemble import RandomForestClassifier, BaggingClassifier
        from sklearn.tree import DecisionTreeClassifier
        SEED = 42
        DEFAULT_MODEL = RandomForestClassifier(n_estimators=50, random_state=SEED)
        def build():
            tree = DecisionTreeClassifier(max_features="sqrt")
            tree.fit(X, y)
            return BaggingClassifier(tree, random_state=1)
      `,
    },
    seededTemplateCase('a tie-only tree on two listed columns, on a one-row reshape, also handed to cross-validation, fitted on more columns too, or on one column widened in place still draws to order its features', ONE_COLUMN_NEAR_MISSES, [
        { line: 7, related: 2, message: /^`DecisionTreeRegressor` is called without `random_state` here and at 2 other places: it tries the features in a random order/ },
        { line: 13, related: 1, message: /^`DecisionTreeClassifier` is called without `random_state` here and at 1 other place: it tries the features in a random order/ },
    ]),
    {
      name: 'a best-split tree over every feature draws only to break ties, and the message says so; a random splitter or a feature subset draws always',
      code: py`
        from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
        tree = DecisionTreeClassifier(max_depth=4).fit(X, y)
        reg = DecisionTreeRegressor(max_depth=3, random_state=None).fit(X, y)
        sub = DecisionTreeClassifier(max_features="sqrt").fit(X, y)
        rnd = DecisionTreeRegressor(splitter="random").fit(X, y)
      `,
      findings: [
        { line: 2, message: /^`DecisionTreeClassifier` is called without `random_state`: it tries the features in a random order at each split, so where two splits score the same, runs grow different trees$/ },
        { line: 3, message: /^`DecisionTreeRegressor\(\.\.\., random_state=None\)` draws a new seed on every run: it tries the features/ },
        { line: 4, message: /^`DecisionTreeClassifier` is called without `random_state`: each run gives a different result$/ },
        { line: 5, message: /^`DecisionTreeRegressor` is called without `random_state`: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
        SEED = 42
        tree = DecisionTreeClassifier(max_depth=4, random_state=SEED).fit(X, y)
        reg = DecisionTreeRegressor(max_depth=3, random_state=None).fit(X, y)
        sub = DecisionTreeClassifier(max_features="sqrt").fit(X, y)
        rnd = DecisionTreeRegressor(splitter="random").fit(X, y)
      `,
    },
    {
      name: 'gradient boosting without subsampling or early stopping grows best-split trees: the message says ties; with them it draws always',
      code: py`
        from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor
        from sklearn.model_selection import RandomizedSearchCV
        gbm = GradientBoostingClassifier(n_estimators=10, max_depth=6, verbose=2).fit(data, label)
        full = GradientBoostingRegressor(subsample=1.0, max_features=None).fit(X, y)
        bag = GradientBoostingRegressor(subsample=0.8).fit(X, y)
        early = GradientBoostingClassifier(n_iter_no_change=5).fit(X, y)
        searched = RandomizedSearchCV(GradientBoostingClassifier(), {"subsample": [0.5, 1.0]}, random_state=0)
      `,
      findings: [
        { line: 3, message: /^`GradientBoostingClassifier` is called without `random_state`: it tries the features in a random order at each split, so where two splits score the same, runs grow different trees$/ },
        { line: 4, message: /^`GradientBoostingRegressor` is called without `random_state`: it tries the features in a random order/ },
        { line: 5, message: /^`GradientBoostingRegressor` is called without `random_state`: each run gives a different result$/ },
        { line: 6, related: 1, message: /^`GradientBoostingClassifier` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor
        from sklearn.model_selection import RandomizedSearchCV
        SEED = 42
        gbm = GradientBoostingClassifier(n_estimators=10, max_depth=6, verbose=2, random_state=SEED).fit(data, label)
        full = GradientBoostingRegressor(subsample=1.0, max_features=None).fit(X, y)
        bag = GradientBoostingRegressor(subsample=0.8).fit(X, y)
        early = GradientBoostingClassifier(n_iter_no_change=5).fit(X, y)
        searched = RandomizedSearchCV(GradientBoostingClassifier(), {"subsample": [0.5, 1.0]}, random_state=0)
      `,
    },
    {
      name: 'a step of a pipeline handed to a search runs with what the grid sets under the step\'s name: subsampled or given a feature subset there it draws always; a grid of the other steps leaves it drawing only to break ties',
      code: py`
        from sklearn.decomposition import PCA
        from sklearn.ensemble import GradientBoostingClassifier
        from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
        from sklearn.pipeline import Pipeline, make_pipeline
        from sklearn.preprocessing import StandardScaler
        clf = GradientBoostingClassifier()
        pipe = Pipeline([("pre", StandardScaler()), ("clf", clf)])
        RandomizedSearchCV(pipe, {"clf__subsample": [0.5, 1.0], "clf__max_depth": [2, 3]}, random_state=0).fit(X, y)
        tuned = GridSearchCV(Pipeline(steps=[("dim", PCA(n_components=5)), ("gbm", GradientBoostingClassifier(max_depth=3))]), {"dim__n_components": [5, 10], "gbm__learning_rate": [0.1]})
        tuned.fit(X, y)
        made = GridSearchCV(make_pipeline(StandardScaler(), GradientBoostingClassifier()), [{"gradientboostingclassifier__max_features": ["sqrt"]}])
        made.fit(X, y)
      `,
      findings: [
        { line: 6, related: 1, message: /^`GradientBoostingClassifier` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
        { line: 9, message: /^`GradientBoostingClassifier` is called without `random_state`: it tries the features in a random order at each split, so where two splits score the same, runs grow different trees$/ },
      ],
      output: py`
        from sklearn.decomposition import PCA
        from sklearn.ensemble import GradientBoostingClassifier
        from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
        from sklearn.pipeline import Pipeline, make_pipeline
        from sklearn.preprocessing import StandardScaler
        SEED = 42
        clf = GradientBoostingClassifier(random_state=SEED)
        pipe = Pipeline([("pre", StandardScaler()), ("clf", clf)])
        RandomizedSearchCV(pipe, {"clf__subsample": [0.5, 1.0], "clf__max_depth": [2, 3]}, random_state=0).fit(X, y)
        tuned = GridSearchCV(Pipeline(steps=[("dim", PCA(n_components=5)), ("gbm", GradientBoostingClassifier(max_depth=3))]), {"dim__n_components": [5, 10], "gbm__learning_rate": [0.1]})
        tuned.fit(X, y)
        made = GridSearchCV(make_pipeline(StandardScaler(), GradientBoostingClassifier(random_state=SEED)), [{"gradientboostingclassifier__max_features": ["sqrt"]}])
        made.fit(X, y)
      `,
    },
    {
      name: 'a forest without bootstrap that tries every feature at each split grows best-split trees: the message says ties; bagged rows, a feature subset or a grid that may set one draws always',
      code: py`
        from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
        from sklearn.model_selection import GridSearchCV
        full = RandomForestRegressor(n_estimators=300, bootstrap=False).fit(X, y)
        every = RandomForestClassifier(bootstrap=False, max_features=None, n_jobs=-1).fit(X, y)
        old = RandomForestRegressor(bootstrap=False, max_features="auto", max_depth=10).fit(X, y)
        bagged = RandomForestRegressor(max_depth=10).fit(X, y)
        sqrt = RandomForestClassifier(bootstrap=False).fit(X, y)
        one = RandomForestRegressor(bootstrap=False, max_features=1).fit(X, y)
        searched = GridSearchCV(RandomForestRegressor(bootstrap=False), {"max_features": [0.5, 1.0]}).fit(X, y)
      `,
      findings: [
        { line: 3, related: 1, message: /^`RandomForestRegressor` is called without `random_state` here and at 1 other place: it tries the features in a random order at each split, so where two splits score the same, runs grow different trees$/ },
        { line: 4, message: /^`RandomForestClassifier` is called without `random_state`: it tries the features in a random order/ },
        { line: 6, related: 2, message: /^`RandomForestRegressor` is called without `random_state` here and at 2 other places: each run gives a different result$/ },
        { line: 7, message: /^`RandomForestClassifier` is called without `random_state`: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
        from sklearn.model_selection import GridSearchCV
        SEED = 42
        full = RandomForestRegressor(n_estimators=300, bootstrap=False, random_state=SEED).fit(X, y)
        every = RandomForestClassifier(bootstrap=False, max_features=None, n_jobs=-1).fit(X, y)
        old = RandomForestRegressor(bootstrap=False, max_features="auto", max_depth=10, random_state=SEED).fit(X, y)
        bagged = RandomForestRegressor(max_depth=10).fit(X, y)
        sqrt = RandomForestClassifier(bootstrap=False).fit(X, y)
        one = RandomForestRegressor(bootstrap=False, max_features=1).fit(X, y)
        searched = GridSearchCV(RandomForestRegressor(bootstrap=False), {"max_features": [0.5, 1.0]}).fit(X, y)
      `,
    },
    {
      name: 'AdaBoost over an estimator that nests another (whose seed AdaBoost sets), or over a class of the project, still draws',
      code: py`
        from sklearn.ensemble import AdaBoostClassifier
        from sklearn.linear_model import SGDClassifier
        from sklearn.multiclass import OneVsRestClassifier
        from mylib.learners import WeakLearner

        ovr = AdaBoostClassifier(OneVsRestClassifier(SGDClassifier(random_state=0))).fit(X, y)
        own = AdaBoostClassifier(WeakLearner(depth=2)).fit(X, y)
      `,
      findings: [
        { line: 6, related: 1, message: /^`AdaBoostClassifier` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.ensemble import AdaBoostClassifier
        from sklearn.linear_model import SGDClassifier
        from sklearn.multiclass import OneVsRestClassifier
        from mylib.learners import WeakLearner
        SEED = 42

        ovr = AdaBoostClassifier(OneVsRestClassifier(SGDClassifier(random_state=0)), random_state=SEED).fit(X, y)
        own = AdaBoostClassifier(WeakLearner(depth=2), random_state=SEED).fit(X, y)
      `,
    },
    seededTemplateCase('a base a grid sets on a calibrator keeps its own seed, also where the grid goes to a seeded AdaBoost too; an unseeded AdaBoost is the finding, not the base its grid sets', GRID_BASES_KEEPING_THEIR_SEED, [
        { line: 5, related: 1, message: /^`DecisionTreeClassifier` is called without `random_state` here and at 1 other place: it tries the features/ },
        { line: 9, message: /^`AdaBoostClassifier` is called without `random_state`: each run gives a different result$/ },
    ]),
    seededTemplateCase('AdaBoost over stumps or best-split trees only seeds its trees: the message says ties; over trees that subsample features, a forest, or as a regressor it draws', BOOSTED_TREES, [
        { line: 3, related: 2, message: /^`AdaBoostClassifier` is called without `random_state` here and at 2 other places: it seeds the trees it boosts, which try the features in a random order at each split, so where two splits score the same, runs grow different trees$/ },
        { line: 7, related: 1, message: /^`AdaBoostClassifier` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
        { line: 9, message: /^`AdaBoostRegressor` is called without `random_state`: each run gives a different result$/ },
    ]),
    {
      name: 'histogram gradient boosting draws only on large data, and its message says so; a feature subset or forced early stopping draws always',
      code: py`
        from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
        clf = HistGradientBoostingClassifier(max_iter=200).fit(X, y)
        reg = HistGradientBoostingRegressor(early_stopping=False).fit(X, y)
        sub = HistGradientBoostingClassifier(max_features=0.5).fit(X, y)
        stop = HistGradientBoostingRegressor(early_stopping=True).fit(X, y)
      `,
      findings: [
        { line: 2, message: /^`HistGradientBoostingClassifier` is called without `random_state`: on more than 10,000 rows it stops early on a random validation split \(and above 200,000 it bins a random sample\), so runs on such data differ$/ },
        { line: 3, message: /^`HistGradientBoostingRegressor` is called without `random_state`: on more than 200,000 rows it bins a random sample of them, so runs on such data differ$/ },
        { line: 4, message: /^`HistGradientBoostingClassifier` is called without `random_state`: each run gives a different result$/ },
        { line: 5, message: /^`HistGradientBoostingRegressor` is called without `random_state`: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
        SEED = 42
        clf = HistGradientBoostingClassifier(max_iter=200, random_state=SEED).fit(X, y)
        reg = HistGradientBoostingRegressor(early_stopping=False).fit(X, y)
        sub = HistGradientBoostingClassifier(max_features=0.5).fit(X, y)
        stop = HistGradientBoostingRegressor(early_stopping=True).fit(X, y)
      `,
    },
    {
      name: 'a t-SNE map drawn on an axes grid and also clustered and scored in the same loop is data',
      code: py`
        import matplotlib.pyplot as plt
        from sklearn.cluster import KMeans
        from sklearn.manifold import TSNE
        from sklearn.metrics import silhouette_score

        fig, grid = plt.subplots(1, len(layers))
        for col, layer in enumerate(layers):
            emb = TSNE(n_components=2).fit_transform(activations[layer])
            groups = KMeans(n_clusters=5, random_state=0).fit_predict(emb)
            grid[col].scatter(emb[:, 0], emb[:, 1], c=groups)
            scores[layer] = silhouette_score(emb, groups)
      `,
      findings: [{ line: 8, message: /^`TSNE` is called without `random_state`: each run gives a different result$/ }],
      output: py`
        import matplotlib.pyplot as plt
        from sklearn.cluster import KMeans
        from sklearn.manifold import TSNE
        from sklearn.metrics import silhouette_score
        SEED = 42

        fig, grid = plt.subplots(1, len(layers))
        for col, layer in enumerate(layers):
            emb = TSNE(n_components=2, random_state=SEED).fit_transform(activations[layer])
            groups = KMeans(n_clusters=5, random_state=0).fit_predict(emb)
            grid[col].scatter(emb[:, 0], emb[:, 1], c=groups)
            scores[layer] = silhouette_score(emb, groups)
      `,
    },
    {
      name: 'a t-SNE map a function of the file plots and also hands back is followed on from its call: clustered or trained on there, it is data',
      code: py`
        import matplotlib.pyplot as plt
        import numpy as np
        from sklearn.manifold import TSNE
        from sklearn.metrics import silhouette_score

        def show_and_keep(points):
            fig, ax = plt.subplots()
            ax.scatter(points[:, 0], points[:, 1])
            return fig, points

        def with_ids(points):
            plt.scatter(points[:, 0], points[:, 1])
            return np.column_stack([points, np.arange(len(points))])

        fig, kept = show_and_keep(TSNE(n_components=2).fit_transform(X))
        print(silhouette_score(kept, labels))
        clf.fit(with_ids(TSNE(n_components=3).fit_transform(X)), y)
      `,
      findings: [
        { line: 15, related: 1, message: /^`TSNE` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
      ],
      output: py`
        import matplotlib.pyplot as plt
        import numpy as np
        from sklearn.manifold import TSNE
        from sklearn.metrics import silhouette_score
        SEED = 42

        def show_and_keep(points):
            fig, ax = plt.subplots()
            ax.scatter(points[:, 0], points[:, 1])
            return fig, points

        def with_ids(points):
            plt.scatter(points[:, 0], points[:, 1])
            return np.column_stack([points, np.arange(len(points))])

        fig, kept = show_and_keep(TSNE(n_components=2, random_state=SEED).fit_transform(X))
        print(silhouette_score(kept, labels))
        clf.fit(with_ids(TSNE(n_components=3, random_state=SEED).fit_transform(X)), y)
      `,
    },
    {
      name: 'a t-SNE map handed twice to one helper is followed back from each call: plotted through the first, trained on through the second',
      code: py`
        import matplotlib.pyplot as plt
        from sklearn.linear_model import LogisticRegression
        from sklearn.manifold import TSNE

        def first_two(z):
            return z[:, :2]

        emb = TSNE(n_components=3).fit_transform(X)
        plt.scatter(*first_two(emb).T)
        clf = LogisticRegression().fit(first_two(emb), y)
      `,
      findings: [{ line: 8, message: /^`TSNE` is called without `random_state`: each run gives a different result$/ }],
      output: py`
        import matplotlib.pyplot as plt
        from sklearn.linear_model import LogisticRegression
        from sklearn.manifold import TSNE
        SEED = 42

        def first_two(z):
            return z[:, :2]

        emb = TSNE(n_components=3, random_state=SEED).fit_transform(X)
        plt.scatter(*first_two(emb).T)
        clf = LogisticRegression().fit(first_two(emb), y)
      `,
    },
    {
      name: 'a t-SNE map drawn through a helper\'s parameter that one call hands axes and another an object of unknown kind may be kept: it is data',
      code: py`
        import matplotlib.pyplot as plt
        from sklearn.manifold import TSNE

        def draw(xy, target):
            target.scatter(xy[:, 0], xy[:, 1])

        def both(features, store):
            emb = TSNE(n_components=2).fit_transform(features)
            fig, ax = plt.subplots()
            draw(emb, ax)
            draw(emb, store)
            return fig
      `,
      findings: [{ line: 8, message: /^`TSNE` is called without `random_state`: each run gives a different result$/ }],
      output: py`
        import matplotlib.pyplot as plt
        from sklearn.manifold import TSNE
        SEED = 42

        def draw(xy, target):
            target.scatter(xy[:, 0], xy[:, 1])

        def both(features, store):
            emb = TSNE(n_components=2, random_state=SEED).fit_transform(features)
            fig, ax = plt.subplots()
            draw(emb, ax)
            draw(emb, store)
            return fig
      `,
    },
    {
      name: 'a t-SNE map that is clustered and scored, or trained on, is data',
      code: py`
        from sklearn.cluster import KMeans
        from sklearn.linear_model import LogisticRegression
        from sklearn.manifold import TSNE
        from sklearn.metrics import silhouette_score
        emb = TSNE(n_components=2).fit_transform(X)
        labels = KMeans(n_clusters=4, random_state=0).fit_predict(emb)
        print(silhouette_score(emb, labels))
        clf = LogisticRegression().fit(TSNE(n_components=3).fit_transform(X), y)
      `,
      findings: [
        { line: 5, related: 1, message: /^`TSNE` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.cluster import KMeans
        from sklearn.linear_model import LogisticRegression
        from sklearn.manifold import TSNE
        from sklearn.metrics import silhouette_score
        SEED = 42
        emb = TSNE(n_components=2, random_state=SEED).fit_transform(X)
        labels = KMeans(n_clusters=4, random_state=0).fit_predict(emb)
        print(silhouette_score(emb, labels))
        clf = LogisticRegression().fit(TSNE(n_components=3, random_state=SEED).fit_transform(X), y)
      `,
    },
    seededTemplateCase('generated data sets that are clustered, split, or handed to a function of the file that trains on them', GENERATED_AND_USED, [
        { line: 10, message: /^`make_blobs` is called without `random_state`: each run gives a different result$/ },
        { line: 13, message: /^`make_classification\(\.\.\., random_state=None\)` draws a new random seed on every run/ },
        { line: 15, message: /^`make_moons` is called without `random_state`/ },
    ]),
    {
      name: 'an estimator handed to a seeding search through its name but also fitted directly: the direct fit draws unseeded',
      code: py`
        from sklearn.ensemble import ExtraTreesRegressor
        from sklearn.model_selection import GridSearchCV
        forest = ExtraTreesRegressor()
        baseline = forest.fit(X, y)
        tuned = GridSearchCV(forest, {"max_depth": [3, 6], "random_state": [1]}).fit(X, y)
      `,
      findings: [{ line: 3, message: /^`ExtraTreesRegressor` is called without `random_state`/ }],
      output: py`
        from sklearn.ensemble import ExtraTreesRegressor
        from sklearn.model_selection import GridSearchCV
        SEED = 42
        forest = ExtraTreesRegressor(random_state=SEED)
        baseline = forest.fit(X, y)
        tuned = GridSearchCV(forest, {"max_depth": [3, 6], "random_state": [1]}).fit(X, y)
      `,
    },
    {
      name: 'an estimator handed to a seeding search and asked for answers, but also cross-validated through its name: the cross-validation trains it unseeded',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import GridSearchCV, cross_val_score
        rf = RandomForestClassifier()
        GridSearchCV(rf, {"n_estimators": [100, 200], "random_state": [0]}).fit(X, y)
        preds = rf.predict(X_test)
        scores = cross_val_score(rf, X, y, cv=5)
      `,
      findings: [{ line: 3, message: /^`RandomForestClassifier` is called without `random_state`/ }],
      output: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.model_selection import GridSearchCV, cross_val_score
        SEED = 42
        rf = RandomForestClassifier(random_state=SEED)
        GridSearchCV(rf, {"n_estimators": [100, 200], "random_state": [0]}).fit(X, y)
        preds = rf.predict(X_test)
        scores = cross_val_score(rf, X, y, cv=5)
      `,
    },
    {
      name: 'an estimator handed to a seeding search and printed, but also put in a pipeline that is fitted: the pipeline trains it unseeded',
      code: py`
        from sklearn.ensemble import GradientBoostingClassifier
        from sklearn.model_selection import GridSearchCV
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        gb = GradientBoostingClassifier(subsample=0.8)
        GridSearchCV(gb, {"max_depth": [2, 3], "random_state": [0]}).fit(X, y)
        print(gb.predict_proba(X_test))
        pipe = make_pipeline(StandardScaler(), gb).fit(X, y)
      `,
      findings: [{ line: 5, message: /^`GradientBoostingClassifier` is called without `random_state`/ }],
      output: py`
        from sklearn.ensemble import GradientBoostingClassifier
        from sklearn.model_selection import GridSearchCV
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        SEED = 42
        gb = GradientBoostingClassifier(subsample=0.8, random_state=SEED)
        GridSearchCV(gb, {"max_depth": [2, 3], "random_state": [0]}).fit(X, y)
        print(gb.predict_proba(X_test))
        pipe = make_pipeline(StandardScaler(), gb).fit(X, y)
      `,
    },
    {
      name: 'estimators in a dictionary searched by key where one of the grids leaves the seed out: the search may hand it any of them',
      code: py`
        from sklearn.ensemble import BaggingClassifier
        from sklearn.model_selection import GridSearchCV
        candidates = {"bag": BaggingClassifier()}
        spaces = {"bag": dict(n_estimators=[20, 40]), "extra": {"max_depth": [4], "random_state": [3]}}
        for key in candidates.keys():
            GridSearchCV(candidates[key], spaces[key]).fit(X, y)
      `,
      findings: [{ line: 3, message: /^\`BaggingClassifier\` is called without \`random_state\`/ }],
      output: py`
        from sklearn.ensemble import BaggingClassifier
        from sklearn.model_selection import GridSearchCV
        SEED = 42
        candidates = {"bag": BaggingClassifier(random_state=SEED)}
        spaces = {"bag": dict(n_estimators=[20, 40]), "extra": {"max_depth": [4], "random_state": [3]}}
        for key in candidates.keys():
            GridSearchCV(candidates[key], spaces[key]).fit(X, y)
      `,
    },
    {
      name: 'a search grid that leaves the seed out, or sets it in only one of its dictionaries, seeds nothing',
      code: py`
        from sklearn.model_selection import GridSearchCV
        from sklearn.tree import DecisionTreeClassifier
        grid = {'max_depth': [2, 4], 'criterion': ['gini']}
        a = GridSearchCV(DecisionTreeClassifier(), grid)
        b = GridSearchCV(DecisionTreeClassifier(), [{'max_depth': [2], 'random_state': [0]}, {'max_depth': [4]}])
      `,
      findings: [{ line: 4, related: 1, message: /^`DecisionTreeClassifier` is called without `random_state` here and at 1 other place:/ }],
      output: py`
        from sklearn.model_selection import GridSearchCV
        from sklearn.tree import DecisionTreeClassifier
        SEED = 42
        grid = {'max_depth': [2, 4], 'criterion': ['gini']}
        a = GridSearchCV(DecisionTreeClassifier(random_state=SEED), grid)
        b = GridSearchCV(DecisionTreeClassifier(random_state=SEED), [{'max_depth': [2], 'random_state': [0]}, {'max_depth': [4]}])
      `,
    },
    seededTemplateCase('a tie-only tree handed to a search whose literal grid sets none of the parameters that make it draw keeps the ties message; one that may set them draws', SEARCHED_TREES, [
        { line: 5, message: /^`DecisionTreeClassifier` is called without `random_state`: it tries the features in a random order at each split, so where two splits score the same, runs grow different trees$/ },
        { line: 6, message: /^`AdaBoostClassifier` is called without `random_state`: it seeds the trees it boosts, which try the features/ },
        { line: 7, message: /^`GradientBoostingRegressor` is called without `random_state`: it tries the features in a random order at each split/ },
        { line: 8, message: /^`DecisionTreeClassifier` is called without `random_state`: each run gives a different result$/ },
        { line: 9, message: /^`GradientBoostingRegressor` is called without `random_state`: each run gives a different result$/ },
        { line: 10, message: /^`AdaBoostClassifier` is called without `random_state`: each run gives a different result$/ },
    ]),
    seededTemplateCase('a grid that reaches a tree through its name, beside it in a tuple of candidates, or under its key beside a dictionary of models sets what makes it draw: no ties message', GRIDS_WITH_DRAWING, [
        { line: 5, message: /^`DecisionTreeClassifier` is called without `random_state`: each run gives a different result$/ },
        { line: 9, message: /^`DecisionTreeRegressor` is called without `random_state`: each run gives a different result$/ },
        { line: 13, message: /^`GradientBoostingRegressor` is called without `random_state`: each run gives a different result$/ },
    ]),
    seededTemplateCase('grids reaching trees those ways that set nothing that makes them draw, and models handed on without grids, keep the ties message', GRIDS_LEAVING_TIES, [
        { line: 5, message: /^`DecisionTreeClassifier` is called without `random_state`: it tries the features in a random order at each split, so where two splits score the same, runs grow different trees$/ },
        { line: 8, message: /^`DecisionTreeRegressor` is called without `random_state`: it tries the features in a random order at each split/ },
        { line: 11, message: /^`GradientBoostingRegressor` is called without `random_state`: it tries the features in a random order at each split/ },
        { line: 14, message: /^`AdaBoostClassifier` is called without `random_state`: it seeds the trees it boosts, which try the features/ },
    ]),
    seededTemplateCase('an estimator logged to MLflow and also fitted, or logged as built in a notebook that reads a model back and fits it', LOGGED_AND_FITTED,
      [{ line: 3, message: /^`RandomForestClassifier` is called without `random_state` here and at 1 other place/, related: 1 }]),
    {
      name: 'an unfitted estimator pickled and also handed to a function of the project, or kept in a library module\'s global',
      code: PICKLED_AND_HANDED_ON(''),
      findings: [
        { line: 4, message: /^`DecisionTreeRegressor` is called without `random_state`/ },
        { line: 8, message: /^`RandomForestRegressor` is called without `random_state`/ },
      ],
      output: PICKLED_AND_HANDED_ON('\n  SEED = 42').replace('max_depth=5)', 'max_depth=5, random_state=SEED)'),
    },
    {
      name: 'a top-level loop that fits the search it pickles, and a module of definitions whose template a function pickles',
      code: py`
        import pickle
        from sklearn.ensemble import RandomForestRegressor
        from sklearn.model_selection import RandomizedSearchCV
        for cell in ["A1", "B2"]:
            search = RandomizedSearchCV(RandomForestRegressor(n_estimators=50, random_state=0), {"max_depth": [2, 4, 6, 8]}, n_iter=2, random_state=0)
            shell = RandomizedSearchCV(RandomForestRegressor(n_estimators=50, random_state=0), {"max_depth": [2, 4, 6, 8]}, n_iter=2)
            shell.fit(X[cell], y[cell])
            with open("search_" + cell + ".sav", "wb") as handle:
                pickle.dump(shell, handle)
      `,
      findings: [{ line: 6, message: /^`RandomizedSearchCV` is called without `random_state`/ }],
      output: py`
        import pickle
        from sklearn.ensemble import RandomForestRegressor
        from sklearn.model_selection import RandomizedSearchCV
        SEED = 42
        for cell in ["A1", "B2"]:
            search = RandomizedSearchCV(RandomForestRegressor(n_estimators=50, random_state=0), {"max_depth": [2, 4, 6, 8]}, n_iter=2, random_state=0)
            shell = RandomizedSearchCV(RandomForestRegressor(n_estimators=50, random_state=0), {"max_depth": [2, 4, 6, 8]}, n_iter=2, random_state=SEED)
            shell.fit(X[cell], y[cell])
            with open("search_" + cell + ".sav", "wb") as handle:
                pickle.dump(shell, handle)
      `,
    },
    {
      name: 'a module of definitions only, whose loop at the top level binds templates and calls nothing, keeps its globals reported',
      code: py`
        import joblib
        from sklearn.ensemble import RandomForestRegressor
        TEMPLATES = {}
        for depth in (3, 5):
            TEMPLATES[depth] = RandomForestRegressor(max_depth=depth)
        def save_templates(folder):
            for depth, template in TEMPLATES.items():
                joblib.dump(template, f"{folder}/forest_{depth}.joblib")
      `,
      findings: [{ line: 5, message: /^`RandomForestRegressor` is called without `random_state`/ }],
      output: py`
        import joblib
        from sklearn.ensemble import RandomForestRegressor
        SEED = 42
        TEMPLATES = {}
        for depth in (3, 5):
            TEMPLATES[depth] = RandomForestRegressor(max_depth=depth, random_state=SEED)
        def save_templates(folder):
            for depth, template in TEMPLATES.items():
                joblib.dump(template, f"{folder}/forest_{depth}.joblib")
      `,
    },
    {
      name: 'an estimator printed and then trained is a model like any other',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        model = RandomForestClassifier(n_estimators=10)
        print(model)
        model.fit(X, y)
      `,
      findings: [{ line: 2, message: /RandomForestClassifier/ }],
      output: py`
        from sklearn.ensemble import RandomForestClassifier
        SEED = 42
        model = RandomForestClassifier(n_estimators=10, random_state=SEED)
        print(model)
        model.fit(X, y)
      `,
    },
    {
      name: 'train_test_split through an alias, fix reuses the seed constant',
      code: py`
        from sklearn.model_selection import train_test_split as tts
        SEED = 13
        X_tr, X_te, y_tr, y_te = tts(X, y, test_size=0.2)
      `,
      findings: [{ line: 3, column: 26, message: /train_test_split.*random_state/ }],
      safety: 'unsafe',
      output: py`
        from sklearn.model_selection import train_test_split as tts
        SEED = 13
        X_tr, X_te, y_tr, y_te = tts(X, y, test_size=0.2, random_state=SEED)
      `,
    },
    {
      name: 'estimator through a module alias, no seed constant: one is defined after the imports',
      code: py`
        import sklearn.ensemble as ens
        clf = ens.RandomForestClassifier(n_estimators=50)
      `,
      findings: [{ line: 2, message: /RandomForestClassifier/ }],
      output: py`
        import sklearn.ensemble as ens
        SEED = 42
        clf = ens.RandomForestClassifier(n_estimators=50, random_state=SEED)
      `,
    },
    {
      name: 'shuffling KFold, multi-line call with trailing comma keeps its layout',
      code: py`
        from sklearn.model_selection import KFold
        cv = KFold(
            n_splits=5,
            shuffle=True,
        )
      `,
      findings: [{ line: 2 }],
      output: py`
        from sklearn.model_selection import KFold
        SEED = 42
        cv = KFold(
            n_splits=5,
            shuffle=True,
            random_state=SEED,
        )
      `,
    },
    {
      name: 'random_state=None is replaced',
      code: py`
        from sklearn.cluster import KMeans
        km = KMeans(n_clusters=3, random_state=None)
      `,
      findings: [{ line: 2, message: /random_state=None/ }],
      output: py`
        from sklearn.cluster import KMeans
        SEED = 42
        km = KMeans(n_clusters=3, random_state=SEED)
      `,
    },
    {
      name: 'empty argument list and a fully qualified call',
      code: py`
        import sklearn
        m = sklearn.neural_network.MLPClassifier()
      `,
      findings: [{ line: 2 }],
      output: py`
        import sklearn
        SEED = 42
        m = sklearn.neural_network.MLPClassifier(random_state=SEED)
      `,
    },
    {
      name: 'boosting libraries that subsample rely on the implicit default seed',
      code: py`
        import lightgbm as lgb
        import xgboost as xgb
        a = lgb.LGBMClassifier(num_leaves=31, colsample_bytree=0.7)
        b = lgb.LGBMClassifier(subsample=0.8, subsample_freq=1)
        c = xgb.XGBRegressor(subsample=frac)
        d = xgb.XGBRFClassifier(n_estimators=100)
      `,
      findings: [{ line: 3, related: 1, message: /^`LGBMClassifier` is built without `random_state` here and at 1 other place: it relies on the library's implicit default seed/ }, { line: 5 }, { line: 6 }],
      output: py`
        import lightgbm as lgb
        import xgboost as xgb
        SEED = 42
        a = lgb.LGBMClassifier(num_leaves=31, colsample_bytree=0.7, random_state=SEED)
        b = lgb.LGBMClassifier(subsample=0.8, subsample_freq=1, random_state=SEED)
        c = xgb.XGBRegressor(subsample=frac)
        d = xgb.XGBRFClassifier(n_estimators=100)
      `,
    },
    {
      name: 'random_state=None on a boosting library keeps its fixed default seed, and the message does not say each run draws a new one',
      code: py`
        import lightgbm as lgb
        model = lgb.LGBMRegressor(bagging_fraction=0.5, bagging_freq=2, feature_fraction=0.5, random_state=None)
        model.fit(X, y)
      `,
      findings: [{ line: 2, message: /^`LGBMRegressor\(\.\.\., random_state=None\)` is given no seed: None leaves the library's implicit default seed, which is not recorded with the experiment$/ }],
      output: py`
        import lightgbm as lgb
        SEED = 42
        model = lgb.LGBMRegressor(bagging_fraction=0.5, bagging_freq=2, feature_fraction=0.5, random_state=SEED)
        model.fit(X, y)
      `,
    },
    {
      name: 'a LightGBM step left to the implicit seed is still reported beside one seeded on its own',
      code: py`
        import lightgbm as lgb
        model = lgb.LGBMRegressor(bagging_seed=42, subsample=0.8, subsample_freq=5, colsample_bytree=0.2)
        model.fit(X, y)
      `,
      findings: [{ line: 2, message: /^`LGBMRegressor` is built without `random_state`: it relies on the library's implicit default seed/ }],
      output: py`
        import lightgbm as lgb
        SEED = 42
        model = lgb.LGBMRegressor(bagging_seed=42, subsample=0.8, subsample_freq=5, colsample_bytree=0.2, random_state=SEED)
        model.fit(X, y)
      `,
    },
    {
      name: 'a model trained, saved and loaded back: its training still needs the seed (CatBoost randomises by default)',
      code: ['from catboost import CatBoostClassifier\nmodel = CatBoostClassifier(iterations=10)\nmodel.fit(train_pool)\nmodel.save_model("m.cbm")\n', 'model.load_model("m.cbm")\n'],
      findings: [{ cell: 0, line: 2, message: /CatBoostClassifier/ }],
      output: ['from catboost import CatBoostClassifier\nSEED = 42\nmodel = CatBoostClassifier(iterations=10, random_state=SEED)\nmodel.fit(train_pool)\nmodel.save_model("m.cbm")\n', 'model.load_model("m.cbm")\n'],
    },
    {
      name: 'imbalanced-learn samplers draw a fresh seed, like scikit-learn',
      code: py`
        from imblearn.under_sampling import RandomUnderSampler
        X_res, y_res = RandomUnderSampler(sampling_strategy=0.5).fit_resample(X, y)
      `,
      findings: [{ line: 2, column: 16, message: /^`RandomUnderSampler` is called without `random_state`: each run gives a different result$/ }],
      output: py`
        from imblearn.under_sampling import RandomUnderSampler
        SEED = 42
        X_res, y_res = RandomUnderSampler(sampling_strategy=0.5, random_state=SEED).fit_resample(X, y)
      `,
    },
    {
      name: 'notebook: the seed constant from an earlier cell is reused',
      code: ['import numpy as np\nfrom sklearn.model_selection import ShuffleSplit\nRANDOM_STATE = 5\n', 'ss = ShuffleSplit(n_splits=3)\nscores = cross_val_score(model, X, y, cv=ss)\n'],
      findings: [{ cell: 1, line: 1 }],
      output: ['import numpy as np\nfrom sklearn.model_selection import ShuffleSplit\nRANDOM_STATE = 5\n', 'ss = ShuffleSplit(n_splits=3, random_state=RANDOM_STATE)\nscores = cross_val_score(model, X, y, cv=ss)\n'],
    },
    {
      name: 'notebook without a seed constant: it goes into the first code cell',
      code: ['import pandas as pd\nfrom sklearn.model_selection import train_test_split\n', 'df = pd.read_csv("data.csv")\n', 'train, test = train_test_split(df, test_size=0.2)\n'],
      findings: [{ cell: 2, line: 1 }],
      output: ['import pandas as pd\nfrom sklearn.model_selection import train_test_split\nSEED = 42\n', 'df = pd.read_csv("data.csv")\n', 'train, test = train_test_split(df, test_size=0.2, random_state=SEED)\n'],
    },
    {
      name: 'notebook whose first cell is a %%capture install cell: the constant goes into the next code cell',
      code: ['%%capture\n!pip install scikit-learn\n', 'from sklearn.cluster import KMeans\n', 'km = KMeans(n_clusters=2)\nlabels = km.fit_predict(X)\n'],
      findings: [{ cell: 2, line: 1 }],
      output: ['%%capture\n!pip install scikit-learn\n', 'from sklearn.cluster import KMeans\nSEED = 42\n', 'km = KMeans(n_clusters=2, random_state=SEED)\nlabels = km.fit_predict(X)\n'],
    },
    {
      name: 'NumPy seeded only after the split: the split still draws afresh',
      code: py`
        import numpy as np
        from sklearn.model_selection import train_test_split
        X_tr, X_te = train_test_split(X)
        np.random.seed(0)
      `,
      findings: [{ line: 3, message: /each run splits the data differently/ }],
      output: py`
        import numpy as np
        from sklearn.model_selection import train_test_split
        SEED = 42
        X_tr, X_te = train_test_split(X, random_state=SEED)
        np.random.seed(0)
      `,
    },
    {
      name: 'NumPy seeded in a function the script calls only after the split: the split draws afresh',
      code: py`
        import numpy as np
        from sklearn.model_selection import train_test_split

        def reset_noise():
            np.random.seed(0)

        def split(X, y):
            return train_test_split(X, y, test_size=0.25)

        parts = split(X, y)
        reset_noise()
      `,
      findings: [{ line: 8, message: /each run splits the data differently/ }],
      output: py`
        import numpy as np
        from sklearn.model_selection import train_test_split
        SEED = 42

        def reset_noise():
            np.random.seed(0)

        def split(X, y):
            return train_test_split(X, y, test_size=0.25, random_state=SEED)

        parts = split(X, y)
        reset_noise()
      `,
    },
    {
      name: 'NumPy seeded at module level between two calls of the helper: its first run draws afresh',
      code: py`
        import numpy as np
        from sklearn.ensemble import RandomForestRegressor

        def fit_forest(X, y):
            return RandomForestRegressor(n_estimators=50).fit(X, y)

        baseline = fit_forest(X_old, y_old)
        np.random.seed(0)
        current = fit_forest(X_new, y_new)
      `,
      findings: [{ line: 5, message: /each run gives a different result/ }],
      output: py`
        import numpy as np
        from sklearn.ensemble import RandomForestRegressor
        SEED = 42

        def fit_forest(X, y):
            return RandomForestRegressor(n_estimators=50, random_state=SEED).fit(X, y)

        baseline = fit_forest(X_old, y_old)
        np.random.seed(0)
        current = fit_forest(X_new, y_new)
      `,
    },
    {
      name: 'a search objective defined in a function that seeds NumPy only under a flag, or only after the definition',
      code: py`
        import numpy as np
        from sklearn.model_selection import KFold, ShuffleSplit
        from skopt import gp_minimize

        def tune(cfg, images):
            if cfg.deterministic:
                np.random.seed(100)
            def objective(params):
                folds = KFold(n_splits=5, shuffle=True)
                return score_folds(folds.split(images), params)
            return gp_minimize(objective, cfg.space)

        def tune_late(cfg, images):
            def objective(params):
                splits = ShuffleSplit(n_splits=3)
                return score_folds(splits.split(images), params)
            np.random.seed(100)
            return gp_minimize(objective, cfg.space)
      `,
      findings: [
        { line: 9, message: /`KFold` is called without `random_state`/ },
        { line: 15, message: /`ShuffleSplit` is called without `random_state`/ },
      ],
      output: py`
        import numpy as np
        from sklearn.model_selection import KFold, ShuffleSplit
        from skopt import gp_minimize
        SEED = 42

        def tune(cfg, images):
            if cfg.deterministic:
                np.random.seed(100)
            def objective(params):
                folds = KFold(n_splits=5, shuffle=True, random_state=SEED)
                return score_folds(folds.split(images), params)
            return gp_minimize(objective, cfg.space)

        def tune_late(cfg, images):
            def objective(params):
                splits = ShuffleSplit(n_splits=3)
                return score_folds(splits.split(images), params)
            np.random.seed(100)
            return gp_minimize(objective, cfg.space)
      `,
    },
    {
      name: 'NumPy seeded in the entry function only after it has called the helper that splits',
      code: py`
        import numpy as np
        from sklearn.model_selection import train_test_split

        def split(X, y):
            return train_test_split(X, y, test_size=0.2)

        def run(X, y, seed):
            parts = split(X, y)
            np.random.seed(seed)
            return parts

        run(X, y, 0)
      `,
      findings: [{ line: 5, message: /each run splits the data differently/ }],
      output: py`
        import numpy as np
        from sklearn.model_selection import train_test_split
        SEED = 42

        def split(X, y):
            return train_test_split(X, y, test_size=0.2, random_state=SEED)

        def run(X, y, seed):
            parts = split(X, y)
            np.random.seed(seed)
            return parts

        run(X, y, 0)
      `,
    },
    {
      name: 'an uncalled main() that seeds only after building the forest, and a second entry that calls the helper unseeded',
      code: SEEDED_AFTER_IN_ENTRIES('', ''),
      findings: [
        { line: 6, message: /each run gives a different result/ },
        { line: 9, message: /each run splits the data differently/ },
      ],
      output: SEEDED_AFTER_IN_ENTRIES('\n  SEED = 42', ', random_state=SEED'),
    },
    seededTemplateCase('a data set built before NumPy is seeded runs its __init__, and the method that shuffles, unseeded', EMAILS_BUILT_BEFORE_SEED, [
      { line: 10, message: /^`pd\.read_csv\(f"\{folder\}\/emails\.csv"\)\.sample` is called without `random_state`: each run puts the rows in a different order$/ },
    ]),
    seededTemplateCase('a splitter, a forest and a sampler built before the seed and read only after it draw from the seeded generator; one read before it, and a split, do not', BUILT_BEFORE_SEED_USED_AFTER, [
      { line: 9, message: /^`KFold` is called without `random_state`: each run splits the data differently$/ },
      { line: 11, message: /each run splits the data differently/ },
    ]),
    seededTemplateCase('a trainer built and fitted before NumPy is seeded trains its forest unseeded, whatever runs after the seed', TRAINER_BUILT_BEFORE_SEED, [
      { line: 9, message: /each run gives a different result/ },
    ]),
    seededTemplateCase('a subclass with an __init__ of its own does not run its base\'s: building it after the seed leaves the base\'s split unseeded', OWN_INIT_SUBCLASS, [
      { line: 7, message: /each run splits the data differently/ },
    ]),
    {
      name: 'a simulator seeding NumPy with a parameter that defaults to None, called without one, seeds nothing',
      code: py`
        import numpy as np
        from sklearn.model_selection import train_test_split

        def simulate(n, seed=None):
            np.random.seed(seed)
            return np.random.normal(size=(n, 3)), np.random.normal(size=n)

        X, y = simulate(1000)
        X_tr, X_te, y_tr, y_te = train_test_split(X, y)
      `,
      findings: [{ line: 9, message: /each run splits the data differently/ }],
      output: py`
        import numpy as np
        from sklearn.model_selection import train_test_split
        SEED = 42

        def simulate(n, seed=None):
            np.random.seed(seed)
            return np.random.normal(size=(n, 3)), np.random.normal(size=n)

        X, y = simulate(1000)
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=SEED)
      `,
    },
    seededTemplateCase('a setUp on a class that is not a test case, and a test case whose seed is in another test, seed nothing before the draws', SET_UP_OUTSIDE_TESTS, [
        { line: 10, related: 1, message: /^`RandomForestRegressor` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
    ]),
    {
      name: 'randomized searches whose list grid fits in n_iter try every candidate; a larger grid or a distribution samples',
      code: py`
        from scipy.stats import loguniform
        from sklearn.linear_model import Lasso, LogisticRegression
        from sklearn.model_selection import RandomizedSearchCV
        whole = RandomizedSearchCV(LogisticRegression(), {"C": [1, 10]})
        both = RandomizedSearchCV(Lasso(), [{"alpha": (0.1, 1)}, {"alpha": [10], "fit_intercept": [True, False]}], n_iter=4)
        some = RandomizedSearchCV(Lasso(), {"alpha": [0.01, 0.1, 1]}, n_iter=2)
        drawn = RandomizedSearchCV(LogisticRegression(), {"C": loguniform(1e-3, 1e2)})
        for search in (whole, both, some, drawn):
            search.fit(X, y)
      `,
      findings: [
        { line: 4, message: /^`RandomizedSearchCV` is called without `random_state`: its grid lists 2 candidates, no more than `n_iter`, so every run tries them all, only in another order, which picks a different best only where two score the same$/ },
        { line: 5, message: /: its grid lists 4 candidates, no more than `n_iter`/ },
        { line: 6, related: 1, message: /^`RandomizedSearchCV` is called without `random_state` here and at 1 other place: each run gives a different result$/ },
      ],
      output: py`
        from scipy.stats import loguniform
        from sklearn.linear_model import Lasso, LogisticRegression
        from sklearn.model_selection import RandomizedSearchCV
        SEED = 42
        whole = RandomizedSearchCV(LogisticRegression(), {"C": [1, 10]}, random_state=SEED)
        both = RandomizedSearchCV(Lasso(), [{"alpha": (0.1, 1)}, {"alpha": [10], "fit_intercept": [True, False]}], n_iter=4)
        some = RandomizedSearchCV(Lasso(), {"alpha": [0.01, 0.1, 1]}, n_iter=2)
        drawn = RandomizedSearchCV(LogisticRegression(), {"C": loguniform(1e-3, 1e2)})
        for search in (whole, both, some, drawn):
            search.fit(X, y)
      `,
    },
    {
      name: 'a mixture of one component asked to draw rows, reset, handed on or fitted by another count still draws',
      code: py`
        from sklearn.cluster import KMeans, MiniBatchKMeans
        from sklearn.mixture import GaussianMixture
        from sklearn.model_selection import GridSearchCV
        gen = GaussianMixture(n_components=1)
        gen.fit(X)
        synthetic = gen.sample(500)
        reset = GaussianMixture(n_components=1)
        reset.set_params(n_components=3)
        reset.fit(X)
        searched = GaussianMixture()
        search = GridSearchCV(searched, {"n_components": [1, 2, 4]}).fit(X)
        two = GaussianMixture(n_components=2)
        two.fit(X)
        streamed = MiniBatchKMeans(n_clusters=1)
        streamed.fit(X)
        eight = KMeans()
        eight.fit(X)
        chained = GaussianMixture(1).fit(X)
        more = chained.sample(10)
      `,
      findings: [
        { line: 4, related: 4, message: /^`GaussianMixture` is called without `random_state` here and at 4 other places: each run gives a different result$/ },
        { line: 14, message: /^`MiniBatchKMeans` is called without `random_state`/ },
        { line: 16, message: /^`KMeans` is called without `random_state`/ },
      ],
      output: py`
        from sklearn.cluster import KMeans, MiniBatchKMeans
        from sklearn.mixture import GaussianMixture
        from sklearn.model_selection import GridSearchCV
        SEED = 42
        gen = GaussianMixture(n_components=1, random_state=SEED)
        gen.fit(X)
        synthetic = gen.sample(500)
        reset = GaussianMixture(n_components=1, random_state=SEED)
        reset.set_params(n_components=3)
        reset.fit(X)
        searched = GaussianMixture(random_state=SEED)
        search = GridSearchCV(searched, {"n_components": [1, 2, 4]}).fit(X)
        two = GaussianMixture(n_components=2, random_state=SEED)
        two.fit(X)
        streamed = MiniBatchKMeans(n_clusters=1)
        streamed.fit(X)
        eight = KMeans()
        eight.fit(X)
        chained = GaussianMixture(1, random_state=SEED).fit(X)
        more = chained.sample(10)
      `,
    },
    {
      name: 'a model of one component fitted in the same expression and then handed on, or asked to draw, still draws',
      code: py`
        from sklearn.mixture import GaussianMixture
        fitted = GaussianMixture(1).fit(X)
        registry.append(fitted)
        drawn = GaussianMixture(1).fit(X).sample(50)
      `,
      findings: [{ line: 2, related: 1, message: /^`GaussianMixture` is called without `random_state` here and at 1 other place: each run gives a different result$/ }],
      output: py`
        from sklearn.mixture import GaussianMixture
        SEED = 42
        fitted = GaussianMixture(1, random_state=SEED).fit(X)
        registry.append(fitted)
        drawn = GaussianMixture(1, random_state=SEED).fit(X).sample(50)
      `,
    },
    {
      name: 'models compared side by side in one dictionary are one missing seed: one finding at the first, the others linked, one fix for all',
      code: py`
        from sklearn.ensemble import AdaBoostClassifier, RandomForestClassifier
        from sklearn.svm import SVC
        from sklearn.tree import DecisionTreeClassifier
        classifiers = {
            "SVM": SVC(),
            "Decision Tree": DecisionTreeClassifier(),
            "Random Forest": RandomForestClassifier(),
            "AdaBoost": AdaBoostClassifier(),
        }
        for name, clf in classifiers.items():
            clf.fit(X_train, y_train)
            print(name, clf.score(X_test, y_test))
      `,
      findings: [{ line: 6, related: 2, message: /^`DecisionTreeClassifier` is called without `random_state`: it tries the features in a random order at each split, so where two splits score the same, runs grow different trees; `RandomForestClassifier` and `AdaBoostClassifier`, listed with it, are built without a seed too \(linked\)$/ }],
      output: py`
        from sklearn.ensemble import AdaBoostClassifier, RandomForestClassifier
        from sklearn.svm import SVC
        from sklearn.tree import DecisionTreeClassifier
        SEED = 42
        classifiers = {
            "SVM": SVC(),
            "Decision Tree": DecisionTreeClassifier(random_state=SEED),
            "Random Forest": RandomForestClassifier(random_state=SEED),
            "AdaBoost": AdaBoostClassifier(random_state=SEED),
        }
        for name, clf in classifiers.items():
            clf.fit(X_train, y_train)
            print(name, clf.score(X_test, y_test))
      `,
    },
    {
      name: 'named models listed as pairs are one cause too; the same class built again elsewhere joins them; a model built on its own line stays its own finding',
      code: py`
        from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
        from sklearn.linear_model import SGDClassifier
        from sklearn.model_selection import cross_val_score
        models = [("forest", RandomForestClassifier(n_estimators=50)), ("sgd", SGDClassifier())]
        for name, model in models:
            print(name, cross_val_score(model, X, y).mean())
        final = RandomForestClassifier(n_estimators=200).fit(X, y)
        booster = GradientBoostingClassifier(subsample=0.8)
        booster.fit(X, y)
      `,
      findings: [
        { line: 4, related: 2, message: /^`RandomForestClassifier` is called without `random_state` here and at 1 other place: each run gives a different result; `SGDClassifier`, listed with it, is built without a seed too \(linked\)$/ },
        { line: 8, related: 0, message: /^`GradientBoostingClassifier` is called without `random_state`: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
        from sklearn.linear_model import SGDClassifier
        from sklearn.model_selection import cross_val_score
        SEED = 42
        models = [("forest", RandomForestClassifier(n_estimators=50, random_state=SEED)), ("sgd", SGDClassifier(random_state=SEED))]
        for name, model in models:
            print(name, cross_val_score(model, X, y).mean())
        final = RandomForestClassifier(n_estimators=200, random_state=SEED).fit(X, y)
        booster = GradientBoostingClassifier(subsample=0.8)
        booster.fit(X, y)
      `,
    },
    {
      name: 'models each in its own record of model and grid, listed in one dictionary or list for a search loop, are one comparison too',
      code: py`
        from sklearn.ensemble import AdaBoostRegressor, BaggingRegressor, ExtraTreesRegressor, RandomForestRegressor
        from sklearn.linear_model import LinearRegression
        from sklearn.model_selection import GridSearchCV
        candidates = {
            "Linear": {"model": LinearRegression(), "params": {"fit_intercept": [True, False]}},
            "Forest": {
                "model": RandomForestRegressor(),
                "params": {"n_estimators": [50, 100]},
            },
            "AdaBoost": {"model": AdaBoostRegressor(), "params": {"n_estimators": [50, 100]}},
        }
        for name, spec in candidates.items():
            GridSearchCV(spec["model"], spec["params"], cv=5).fit(X, y)
        searched = [
            {"name": "extra", "estimator": ExtraTreesRegressor(), "grid": {"max_depth": [3, 5]}},
            ("bagging", BaggingRegressor(n_estimators=20), {"max_samples": [0.5]}),
        ]
        for item in searched:
            print(item)
      `,
      findings: [
        { line: 7, related: 1, message: /^`RandomForestRegressor` is called without `random_state`: each run gives a different result; `AdaBoostRegressor`, listed with it, is built without a seed too \(linked\)$/ },
        { line: 15, related: 1, message: /^`ExtraTreesRegressor` is called without `random_state`: each run gives a different result; `BaggingRegressor`, listed with it, is built without a seed too \(linked\)$/ },
      ],
      output: py`
        from sklearn.ensemble import AdaBoostRegressor, BaggingRegressor, ExtraTreesRegressor, RandomForestRegressor
        from sklearn.linear_model import LinearRegression
        from sklearn.model_selection import GridSearchCV
        SEED = 42
        candidates = {
            "Linear": {"model": LinearRegression(), "params": {"fit_intercept": [True, False]}},
            "Forest": {
                "model": RandomForestRegressor(random_state=SEED),
                "params": {"n_estimators": [50, 100]},
            },
            "AdaBoost": {"model": AdaBoostRegressor(random_state=SEED), "params": {"n_estimators": [50, 100]}},
        }
        for name, spec in candidates.items():
            GridSearchCV(spec["model"], spec["params"], cv=5).fit(X, y)
        searched = [
            {"name": "extra", "estimator": ExtraTreesRegressor(), "grid": {"max_depth": [3, 5]}},
            ("bagging", BaggingRegressor(n_estimators=20), {"max_samples": [0.5]}),
        ]
        for item in searched:
            print(item)
      `,
    },
    {
      name: 'records of models bound to names of their own are not one literal: each unseeded model is its own finding',
      code: py`
        from sklearn.ensemble import AdaBoostRegressor, RandomForestRegressor
        forest_spec = {"model": RandomForestRegressor(), "params": {"n_estimators": [50, 100]}}
        boost_spec = {"model": AdaBoostRegressor(), "params": {"n_estimators": [50, 100]}}
        for spec in (forest_spec, boost_spec):
            spec["model"].fit(X, y)
      `,
      findings: [
        { line: 2, related: 0, message: /^`RandomForestRegressor` is called without `random_state`: each run gives a different result$/ },
        { line: 3, related: 0, message: /^`AdaBoostRegressor` is called without `random_state`: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.ensemble import AdaBoostRegressor, RandomForestRegressor
        SEED = 42
        forest_spec = {"model": RandomForestRegressor(random_state=SEED), "params": {"n_estimators": [50, 100]}}
        boost_spec = {"model": AdaBoostRegressor(), "params": {"n_estimators": [50, 100]}}
        for spec in (forest_spec, boost_spec):
            spec["model"].fit(X, y)
      `,
    },
    {
      name: 'a model of the list left out by its suppression comment leaves the others one finding, whose message no longer names it',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.tree import DecisionTreeClassifier
        models = [
            RandomForestClassifier(),  # mldebt: ignore[MLD802]
            DecisionTreeClassifier(max_features=2),
        ]
        for model in models:
            model.fit(X, y)
      `,
      findings: [{ line: 5, related: 0, message: /^`DecisionTreeClassifier` is called without `random_state`: each run gives a different result$/ }],
      output: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.tree import DecisionTreeClassifier
        SEED = 42
        models = [
            RandomForestClassifier(),  # mldebt: ignore[MLD802]
            DecisionTreeClassifier(max_features=2, random_state=SEED),
        ]
        for model in models:
            model.fit(X, y)
      `,
    },
    {
      name: 'estimators bound to one name in the arms of one if are one missing seed: whichever is built is the model',
      code: py`
        from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
        from sklearn.linear_model import SGDClassifier
        from sklearn.tree import DecisionTreeClassifier
        def train(model_type, X, y):
            if model_type == "sgd":
                model = SGDClassifier()
            elif model_type == "rf":
                model = RandomForestClassifier()
            else:
                model = DecisionTreeClassifier(max_features=3)
            return model.fit(X, y)
        def baseline(X, y):
            model = ExtraTreesClassifier(n_estimators=10)
            return model.fit(X, y)
      `,
      findings: [
        { line: 6, related: 2, message: /^`SGDClassifier` is called without `random_state`: each run gives a different result; `RandomForestClassifier` and `DecisionTreeClassifier`, built in its place in another branch, are built without a seed too \(linked\)$/ },
        { line: 13, related: 0, message: /^`ExtraTreesClassifier` is called without `random_state`: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
        from sklearn.linear_model import SGDClassifier
        from sklearn.tree import DecisionTreeClassifier
        SEED = 42
        def train(model_type, X, y):
            if model_type == "sgd":
                model = SGDClassifier(random_state=SEED)
            elif model_type == "rf":
                model = RandomForestClassifier(random_state=SEED)
            else:
                model = DecisionTreeClassifier(max_features=3, random_state=SEED)
            return model.fit(X, y)
        def baseline(X, y):
            model = ExtraTreesClassifier(n_estimators=10)
            return model.fit(X, y)
      `,
    },
    {
      name: 'estimators returned by one factory function are one missing seed: each return ends the call; another function\'s return stays apart',
      code: py`
        from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor, RandomForestRegressor
        from sklearn.linear_model import LogisticRegression
        def get_model(model_type, n_estimators=100, max_depth=3):
            if model_type == "log_reg":
                return LogisticRegression(max_iter=1000)
            if model_type == "gb_reg":
                return GradientBoostingRegressor(n_estimators=n_estimators, max_depth=max_depth)
            if model_type == "gb_cls":
                return GradientBoostingClassifier(n_estimators=n_estimators, max_depth=max_depth)
            raise NotImplementedError(model_type)
        def baseline():
            return RandomForestRegressor(n_estimators=50)
        outcome = get_model("gb_reg").fit(X, y)
        propensity = get_model("gb_cls").fit(X, t)
        base = baseline().fit(X, y)
        print(outcome.score(X_test, y_test), propensity.score(X_test, t_test), base.score(X_test, y_test))
      `,
      findings: [
        { line: 7, related: 1, message: /^`GradientBoostingRegressor` is called without `random_state`: it tries the features in a random order at each split, so where two splits score the same, runs grow different trees; `GradientBoostingClassifier`, built in its place in another branch, is built without a seed too \(linked\)$/ },
        { line: 12, related: 0, message: /^`RandomForestRegressor` is called without `random_state`/ },
      ],
      output: py`
        from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor, RandomForestRegressor
        from sklearn.linear_model import LogisticRegression
        SEED = 42
        def get_model(model_type, n_estimators=100, max_depth=3):
            if model_type == "log_reg":
                return LogisticRegression(max_iter=1000)
            if model_type == "gb_reg":
                return GradientBoostingRegressor(n_estimators=n_estimators, max_depth=max_depth, random_state=SEED)
            if model_type == "gb_cls":
                return GradientBoostingClassifier(n_estimators=n_estimators, max_depth=max_depth, random_state=SEED)
            raise NotImplementedError(model_type)
        def baseline():
            return RandomForestRegressor(n_estimators=50)
        outcome = get_model("gb_reg").fit(X, y)
        propensity = get_model("gb_cls").fit(X, t)
        base = baseline().fit(X, y)
        print(outcome.score(X_test, y_test), propensity.score(X_test, t_test), base.score(X_test, y_test))
      `,
    },
    {
      name: 'estimators bound to one name one after the other, not in exclusive arms, stay apart',
      code: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.linear_model import SGDClassifier
        model = SGDClassifier()
        model.fit(X, y)
        print(model.score(X_test, y_test))
        model = RandomForestClassifier()
        model.fit(X, y)
      `,
      findings: [
        { line: 3, related: 0, message: /^`SGDClassifier` is called without `random_state`: each run gives a different result$/ },
        { line: 6, related: 0, message: /^`RandomForestClassifier` is called without `random_state`: each run gives a different result$/ },
      ],
      output: py`
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.linear_model import SGDClassifier
        SEED = 42
        model = SGDClassifier(random_state=SEED)
        model.fit(X, y)
        print(model.score(X_test, y_test))
        model = RandomForestClassifier()
        model.fit(X, y)
      `,
    },
    {
      name: 'k-means with a named initialisation still draws its starting centres',
      code: py`
        from sklearn.cluster import KMeans
        km = KMeans(n_clusters=3, init="k-means++")
      `,
      findings: [{ line: 2, message: /^`KMeans` is called without `random_state`: each run gives a different result$/ }],
      output: py`
        from sklearn.cluster import KMeans
        SEED = 42
        km = KMeans(n_clusters=3, init="k-means++", random_state=SEED)
      `,
    },
    {
      name: 'a whole-frame shuffle (frac=1) before a split by position keeps every row: the message says it reorders them',
      code: py`
        import pandas as pd
        df = pd.read_csv("rows.csv")
        df = df.sample(frac=1).reset_index(drop=True)
        train, test = df.iloc[:800], df.iloc[800:]
        model.fit(train[features], train["y"])
      `,
      findings: [{ line: 3, column: 6, message: /^`df\.sample` is called without `random_state`: each run puts the rows in a different order$/ }],
      output: py`
        import pandas as pd
        SEED = 42
        df = pd.read_csv("rows.csv")
        df = df.sample(frac=1, random_state=SEED).reset_index(drop=True)
        train, test = df.iloc[:800], df.iloc[800:]
        model.fit(train[features], train["y"])
      `,
    },
    {
      name: 'a pandas sample that becomes training data',
      code: py`
        import pandas as pd
        df = pd.read_csv("rows.csv")
        train = df.sample(frac=0.8)
        test = df.drop(train.index)
        model.fit(train[features], train["y"])
      `,
      findings: [{ line: 3, column: 9, message: /^`df\.sample` is called without `random_state`: each run draws different rows$/ }],
      output: py`
        import pandas as pd
        SEED = 42
        df = pd.read_csv("rows.csv")
        train = df.sample(frac=0.8, random_state=SEED)
        test = df.drop(train.index)
        model.fit(train[features], train["y"])
      `,
    },
    {
      name: 'a forest trained before the block, and one trained in a statement that completes before the statement the test expects to fail, are still reported',
      code: RAISES_AFTER_TRAINING(''),
      findings: [{ line: 4, message: /^`RandomForestClassifier` is called without `random_state` here and at 1 other place: each run gives a different result$/, related: 1 }],
      output: RAISES_AFTER_TRAINING(', random_state=SEED').replace('import RandomForestClassifier\n', 'import RandomForestClassifier\nSEED = 42\n'),
    },
    {
      name: 'three forests and a k-means in one file: one finding per cause, the forests\' at the first with the other two related, and its fix seeds all three',
      code: FORESTS_AND_CLUSTERS('', ''),
      findings: [
        { line: 3, column: 12, related: 2, message: /^`RandomForestClassifier` is called without `random_state` here and at 2 other places: each run gives a different result$/ },
        { line: 4, related: 0, message: /^`KMeans` is called without `random_state`: each run gives a different result$/ },
      ],
      output: FORESTS_AND_CLUSTERS('\n  SEED = 42', 'random_state=SEED'),
    },
    {
      name: 'CatBoost built in two cells of a notebook: one finding in the first, the other cell related; the fix seeds both',
      code: [
        'from catboost import CatBoostClassifier\n',
        'clf = CatBoostClassifier(iterations=100)\nclf.fit(X, y)\n',
        'other = CatBoostClassifier(depth=6)\nother.fit(X2, y2)\n',
      ],
      findings: [{ cell: 1, line: 1, related: 1, message: /^`CatBoostClassifier` is built without `random_state` here and at 1 other place: it relies on the library's implicit default seed/ }],
      output: [
        'from catboost import CatBoostClassifier\nSEED = 42\n',
        'clf = CatBoostClassifier(iterations=100, random_state=SEED)\nclf.fit(X, y)\n',
        'other = CatBoostClassifier(depth=6, random_state=SEED)\nother.fit(X2, y2)\n',
      ],
    },
  ],
});

/** The findings as [line, related lines...], 1-based, in the document's virtual source. */
const places = (findings: readonly Finding[]) => findings.map((f) => [f.range.start.line + 1, ...f.related.map((r) => r.range.start.line + 1)]);

/** The text after the fix of the only finding. */
async function fixed(code: string): Promise<string> {
  const { doc, source, result } = await run(code, [missingRandomState]);
  assert.equal(result.findings.length, 1);
  return applyToSource(source, doc, result.findings[0].fix!.edits)!.cells[0].text;
}

describe('MLD802: one missing seed is one finding, suppressed call by call', () => {
  it('counts the other calls in its message and names each in a related location', async () => {
    const { result } = await run(THREE_FORESTS(), [missingRandomState]);
    assert.deepEqual(places(result.findings), [[2, 3, 4]]);
    assert.equal(result.findings[0].message, '`RandomForestRegressor` is called without `random_state` here and at 2 other places: each run gives a different result');
    assert.deepEqual(result.findings[0].related.map((r) => r.message), Array(2).fill('`RandomForestRegressor` is also called without `random_state` here'));
    assert.equal(result.findings[0].fix?.title, 'Set random_state=SEED in all 3 calls');
  });

  it('leaves out a call whose line is suppressed: from the count, the related locations and the fix', async () => {
    const code = THREE_FORESTS('', '  # mldebt: ignore[MLD802]');
    const { result } = await run(code, [missingRandomState]);
    assert.deepEqual(places(result.findings), [[2, 4]]);
    assert.match(result.findings[0].message, / here and at 1 other place: /);
    assert.equal(await fixed(code), py`
      from sklearn.ensemble import RandomForestRegressor
      SEED = 42
      short = RandomForestRegressor(n_estimators=10, random_state=SEED).fit(X, y)
      medium = RandomForestRegressor(n_estimators=100).fit(X, y)  # mldebt: ignore[MLD802]
      long = RandomForestRegressor(n_estimators=1000, random_state=SEED).fit(X, y)
    `);
  });

  it('moves to the next call when the first is suppressed, and its own ignore edit goes on that call\'s line', async () => {
    const code = THREE_FORESTS('  # mldebt: ignore[missing-random-state]');
    const { result } = await run(code, [missingRandomState]);
    assert.deepEqual(places(result.findings), [[3, 4]]);
    assert.match(result.findings[0].message, /^`RandomForestRegressor` is called without `random_state` here and at 1 other place: /);
    assert.equal(result.findings[0].ignoreEdit?.range.start.line, 2);
    const after = await fixed(code);
    assert.equal(after, py`
      from sklearn.ensemble import RandomForestRegressor
      SEED = 42
      short = RandomForestRegressor(n_estimators=10).fit(X, y)  # mldebt: ignore[missing-random-state]
      medium = RandomForestRegressor(n_estimators=100, random_state=SEED).fit(X, y)
      long = RandomForestRegressor(n_estimators=1000, random_state=SEED).fit(X, y)
    `);
    assert.deepEqual((await run(after, [missingRandomState])).result.findings, []);
  });

  it('says nothing of the count when one call is left, and reports nothing when every call is suppressed', async () => {
    const one = await run(THREE_FORESTS('  # mldebt: ignore', '', '  # mldebt: ignore[MLD802]'), [missingRandomState]);
    assert.deepEqual(places(one.result.findings), [[3]]);
    assert.equal(one.result.findings[0].message, '`RandomForestRegressor` is called without `random_state`: each run gives a different result');
    assert.equal(one.result.findings[0].fix?.title, 'Set random_state=SEED');
    const none = await run(THREE_FORESTS('  # mldebt: ignore[MLD802]', '  # mldebt: ignore[MLD802]', '  # mldebt: ignore[MLD802]'), [missingRandomState]);
    assert.deepEqual(none.result.findings, []);
    const file = await run(`# mldebt: ignore-file[MLD802]\n${THREE_FORESTS()}`, [missingRandomState]);
    assert.deepEqual(file.result.findings, []);
  });

  it('suppresses a call over several lines by a directive on its statement\'s last line, as a finding of its own', async () => {
    const { result } = await run(FORESTS_AND_CLUSTERS('', '').replace('.fit(X_all, y_all)', '.fit(X_all, y_all)  # mldebt: ignore[MLD802]'), [missingRandomState]);
    assert.deepEqual(places(result.findings), [[3, 6], [4]]);
  });

  it('in a notebook, a cell ignored moves the finding to the call in another cell, and the fix leaves the ignored cell alone', async () => {
    const cells = ['from catboost import CatBoostClassifier\n', '# mldebt: ignore-cell[MLD802]\nclf = CatBoostClassifier(iterations=100)\nclf.fit(X, y)\n', 'other = CatBoostClassifier(depth=6)\nother.fit(X2, y2)\n'];
    const { doc, source, result } = await run(cells, [missingRandomState]);
    assert.equal(result.findings.length, 1);
    const [finding] = result.findings;
    assert.equal(toLocalRange(doc, finding.range)?.uri, source.cells[2].uri);
    assert.deepEqual(finding.related, []);
    assert.match(finding.message, /^`CatBoostClassifier` is built without `random_state`: /);
    const after = applyToSource(source, doc, finding.fix!.edits)!;
    assert.deepEqual(after.cells.map((c) => c.text), ['from catboost import CatBoostClassifier\nSEED = 42\n', cells[1], 'other = CatBoostClassifier(depth=6, random_state=SEED)\nother.fit(X2, y2)\n']);
  });

  it('links a call in a later cell to the finding in an earlier one', async () => {
    const { doc, source, result } = await run(['from catboost import CatBoostClassifier\n', 'clf = CatBoostClassifier(iterations=100).fit(X, y)\n', 'other = CatBoostClassifier(depth=6).fit(X, y)\n'], [missingRandomState]);
    assert.deepEqual(result.findings.map((f) => [toLocalRange(doc, f.range)?.uri, ...f.related.map((r) => toLocalRange(doc, r.range)?.uri)]), [[source.cells[1].uri, source.cells[2].uri]]);
    assert.equal(result.findings[0].related[0].message, '`CatBoostClassifier` is also built without `random_state` here');
  });
});

/** Smoke tests: models whose fits and outputs a test asks only whether they exist, of what type, or their shape. */
const SMOKE_TESTS = py`
  import unittest
  from sklearn import ensemble
  from sklearn.ensemble import GradientBoostingClassifier, RandomForestRegressor
  from src.models.evaluation import evaluate_classifier
  from src.train import train_model

  class TestModels:
      def test_evaluation_split(self):
          model = ensemble.RandomForestClassifier()
          x_train, x_test, y_train, y_test = load_split()
          metrics, trained = evaluate_classifier(model, 0, x_train, y_train, x_test, y_test, fit=True)
          assert metrics is not None
          assert trained is not None
          assert metrics["accuracy"] is not None

  def test_predict_shape():
      reg = RandomForestRegressor(n_estimators=5)
      reg.fit(X, y)
      preds = reg.predict(X)
      assert preds.shape == (len(X),)

  class TestTrain(unittest.TestCase):
      def test_returns_model(self):
          trained = train_model(GradientBoostingClassifier(subsample=0.5), X, y)
          self.assertIsNotNone(trained)
          self.assertIsInstance(trained, GradientBoostingClassifier)

      def test_predictions_exist(self):
          preds = RandomForestRegressor(n_estimators=3).fit(X, y).predict(X)
          assert isinstance(preds, object)
          self.assertEqual(len(preds), len(X))
`;

/** Smoke tests that share a helper of the test module: it builds the data and folds (or the model) they only run a search on, or ask the shape of. */
const HELPER_SMOKE_TESTS = py`
      from sklearn.datasets import make_classification, make_regression
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.model_selection import KFold, StratifiedKFold
      from src.tuning import tune_model

      def make_data_and_folds(classification=True):
          if classification:
              x, y = make_classification(n_samples=256, n_features=8)
              kf = StratifiedKFold(n_splits=3, shuffle=True)
          else:
              x, y = make_regression(n_samples=256, n_features=8)
              kf = KFold(n_splits=3, shuffle=True)
          cv = []
          for train_idx, test_idx in kf.split(x, y):
              cv.append((train_idx, test_idx))
          return x, y, cv

      def run_search(task, x, y, cv):
          best_params, features = tune_model(task=task, x_data=x, y_data=y, cv=cv, n_trials=8)

      def make_model():
          return RandomForestClassifier(n_estimators=10)

      def test_classification():
          x, y, cv = make_data_and_folds()
          run_search("classification", x, y, cv)

      def test_regression():
          x, y, cv = make_data_and_folds(classification=False)
          run_search("regression", x, y, cv)

      def test_fold_count():
          x, y, cv = make_data_and_folds()
          assert len(cv) == 3

      def test_model_predicts():
          preds = make_model().fit(X, y).predict(X)
          assert preds.shape == (len(X),)

      def test_inline_folds():
          x, y = make_classification(n_samples=64)
          splitter = KFold(n_splits=4, shuffle=True)
          best_params, features = tune_model(task="classification", x_data=x, y_data=y, cv=list(splitter.split(x)))
          assert best_params is not None
`;

describe('MLD802 in a test whose outcome no draw can change', () => {
  it('leaves alone models a collected test only asks whether they exist, their type or their shape, also through the project\'s helpers', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_models.py', SMOKE_TESTS, missingRandomState), []);
  });

  it('still reports a test that checks what the model learned: a score or agreement against a threshold', async () => {
    const code = py`
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.cluster import KMeans
      def test_accuracy():
          clf = RandomForestClassifier(n_estimators=5).fit(X, y)
          assert clf.score(X, y) > 0.9
      def test_agreement():
          preds = KMeans(n_clusters=2).fit(X).predict(X)
          assert (preds == y).mean() > 0.5
    `;
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_models.py', code, missingRandomState), [4, 7]);
  });

  it('still reports the same smoke test outside a test module, and a helper of the test module that code other than its tests calls', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/scripts/check_models.py', SMOKE_TESTS, missingRandomState), [9, 17, 24]);
    const helper = py`
      from sklearn.ensemble import RandomForestRegressor
      def make_model():
          return RandomForestRegressor()
      def test_model_exists():
          assert make_model() is not None
      def testing_pipeline(data):
          model = RandomForestRegressor().fit(data.X, data.y)
          return model.predict(data.X)
      MODELS = [make_model()]
    `;
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_models.py', helper, missingRandomState), [3]);
  });

  it('leaves alone data a collected test generates only to train models whose answers it asks their shape, type or existence', async () => {
    const code = py`
      import numpy as np
      import lightgbm as lgb
      import xgboost as xgb
      from sklearn.datasets import make_classification, make_regression, make_blobs
      from sklearn.linear_model import Ridge

      def test_booster_output_shape():
          X, y = make_classification(n_samples=200, n_features=4)
          train_set = lgb.Dataset(X, label=y)
          booster = lgb.train({"objective": "binary"}, train_set, num_boost_round=2)
          assert booster.predict(X).shape == (200,)
          assert booster.predict(X, pred_leaf=True).shape == (200, 2)

      def test_dmatrix_round_trip():
          features, target = make_regression(n_samples=50)
          dtrain = xgb.DMatrix(features, target)
          bst = xgb.train({}, dtrain, num_boost_round=3)
          preds = bst.predict(dtrain)
          assert len(preds) == 50

      class TestWrapper:
          def test_fit_predict_types(self):
              X, y = make_blobs(n_samples=30)
              model = Ridge()
              model.fit(X, y)
              out = model.predict(X)
              assert isinstance(out, np.ndarray)
              assert out is not None

          def test_fit_only(self):
              X, y = make_regression(n_samples=30)
              Ridge().fit(X, y)

          def test_chained(self):
              X, y = make_blobs(n_samples=30)
              preds = Ridge().fit(X, y).predict(X)
              assert len(preds) == X.shape[0]

          def test_frees_model(self):
              X, y = make_regression(n_samples=30)
              model = Ridge()
              preds = model.fit(X, y).predict(X)
              assert isinstance(preds, np.ndarray)
              del model

          def test_params_kept(self):
              model = Ridge(alpha=0.5)
              before = model.get_params()
              X, y = make_classification(n_samples=30)
              model.fit(X, y)
              assert model.get_params() == before
    `;
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_wrappers.py', code, missingRandomState), []);
  });

  it('still reports generated data whose model a test scores, whose rows it prints, or outside a test module', async () => {
    const code = py`
      import lightgbm as lgb
      from sklearn.datasets import make_blobs, make_classification, make_friedman1, make_regression
      from sklearn.linear_model import Ridge

      def test_booster_accuracy():
          X, y = make_classification(n_samples=200, n_features=4)
          booster = lgb.train({"objective": "binary"}, lgb.Dataset(X, label=y), num_boost_round=2)
          assert ((booster.predict(X) > 0.5) == y).mean() > 0.8

      def test_ridge_score():
          X, y = make_regression(n_samples=30)
          model = Ridge().fit(X, y)
          assert model.score(X, y) > 0.5

      def test_factory_model():
          X, y = make_friedman1(n_samples=30)
          make_model().fit(X, y)
          assert shared_model().predict(X[:1]).shape == (1,)

      def test_prints_rows():
          X, y = make_blobs(n_samples=30)
          print(X[:3])
          assert Ridge().fit(X, y).predict(X).shape == (30,)
    `;
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_wrappers.py', code, missingRandomState), [6, 11, 16, 21]);
    const shapesOutside = py`
      import lightgbm as lgb
      from sklearn.datasets import make_classification
      def test_shape():
          X, y = make_classification(n_samples=200)
          assert lgb.train({}, lgb.Dataset(X, label=y)).predict(X).shape == (200,)
    `;
    assert.deepEqual(await findingLinesIn('file:///proj/scripts/check_shapes.py', shapesOutside, missingRandomState), [4]);
  });

  it('leaves alone folds and models a helper of the test module builds when only smoke tests call it', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/src/tests/test_models.py', HELPER_SMOKE_TESTS, missingRandomState), []);
  });

  it('still reports folds a helper builds when a test checks a score on them, the helper is called outside the tests, or the file is no test module', async () => {
    const scored = py`
      from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score
      from sklearn.linear_model import LogisticRegression

      def make_folds():
          return KFold(n_splits=5, shuffle=True)

      def make_cv(x, y):
          return list(StratifiedKFold(n_splits=3, shuffle=True).split(x, y))

      def test_score():
          scores = cross_val_score(LogisticRegression(), X, y, cv=make_folds())
          assert scores.mean() > 0.8

      def test_fold_count():
          assert len(make_cv(X, y)) == 3

      DEFAULT_CV = make_cv(X, y)
    `;
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_cv.py', scored, missingRandomState), [5, 8]);
    const fixture = py`
      import pytest
      from sklearn.model_selection import KFold

      @pytest.fixture
      def folds():
          return KFold(n_splits=5, shuffle=True)

      def test_fold_count(folds):
          assert folds.get_n_splits() == 5
    `;
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_cv.py', fixture, missingRandomState), [6]);
    // The two splitters bound to `kf` in the arms of one `if` are one finding: whichever is built is the folds.
    assert.deepEqual(await findingLinesIn('file:///proj/src/check_models.py', HELPER_SMOKE_TESTS, missingRandomState), [9, 22]);
  });
});

describe('MLD802: estimators handed to a function of the file that seeds before it fits', () => {
  /** Models built in a dictionary (or a forest by its name), then handed to `helper`, the first function that seeds. */
  const handed = (helper: string, body: string, call: string) => py`
    import numpy as np
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression

    models = {"Logistic Regression": LogisticRegression(), "Random Forest": RandomForestClassifier()}
    forest = RandomForestClassifier(n_estimators=50)

    def ${helper}(models, X, y):
${body}
    ${call}
  `;
  const SEEDS_FIRST = '        np.random.seed(42)\n        return {name: model.fit(X, y).score(X, y) for name, model in models.items()}';
  const NO_SEED = '        return {name: model.fit(X, y).score(X, y) for name, model in models.items()}';

  it('leaves alone models in a dictionary, and a forest by its name, that every read hands to such a function', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/compare.py', handed('fit_and_score', SEEDS_FIRST, 'scores = fit_and_score(models=models, X=X_tr, y=y_tr)\n    print(fit_and_score(forest, X_tr, y_tr))'), missingRandomState), []);
  });

  it('still reports them when the function seeds nothing, or the dictionary is also used before any seed', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/compare.py', handed('fit_all', NO_SEED, 'scores = fit_all(models, X_tr, y_tr)\n    print(fit_all(forest, X_tr, y_tr))'), missingRandomState), [5]);
    assert.deepEqual(await findingLinesIn('file:///proj/compare.py', handed('fit_and_score', SEEDS_FIRST, 'models["Random Forest"].fit(X_tr, y_tr)\n    scores = fit_and_score(models, X_tr, y_tr)\n    print(fit_and_score(forest, X_tr, y_tr))'), missingRandomState), [5]);
  });
});

describe('MLD802 in a test that saves the model into its own temporary folder', () => {
  it('judges the model where the test loads the file back, and leaves alone a test that only checks the loaded model\'s type, attributes or output shape', async () => {
    const code = py`
      import joblib
      import pickle
      import pytest
      from sklearn.pipeline import Pipeline
      from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
      from sklearn.preprocessing import StandardScaler
      from app import load_pipeline

      def test_round_trip(tmp_path):
          pipeline = Pipeline([("scaler", StandardScaler()), ("rf", RandomForestClassifier())])
          pipeline.fit([[0, 0], [1, 1]], [0, 1])
          path = tmp_path / "pipeline.joblib"
          path_str = str(path)
          joblib.dump(pipeline, path_str)
          loaded = load_pipeline(path)
          probabilities = loaded.predict_proba([[0, 0]])
          assert isinstance(loaded, Pipeline)
          assert hasattr(loaded, "predict_proba")
          assert probabilities.shape == (1, 2)

      def test_without_predict_proba(tmp_path):
          pipeline = Pipeline([("scaler", StandardScaler()), ("rf", RandomForestRegressor())])
          path = tmp_path / "pipeline.joblib"
          joblib.dump(pipeline, path)
          with pytest.raises(TypeError):
              load_pipeline(path)

      def test_only_fits():
          RandomForestRegressor(n_estimators=3).fit([[0], [1]], [0, 1])

      def test_legacy_tmpdir(tmpdir):
          model = RandomForestClassifier(n_estimators=2).fit([[0], [1]], [0, 1])
          joblib.dump(model, tmpdir / "m.joblib")
          assert joblib.load(tmpdir / "m.joblib") is not None
    `;
    assert.deepEqual(await findingLinesIn('file:///proj/tests/integration/test_backend.py', code, missingRandomState), []);
  });

  it('still reports a test that scores the model it loads back, one that saves elsewhere, and a save into a temporary folder outside a test', async () => {
    const header = 'import joblib\nfrom sklearn.ensemble import RandomForestClassifier\nfrom app import load_pipeline\n';
    const scored = 'def test_loaded_scores(tmp_path):\n    model = RandomForestClassifier().fit(X, y)\n    path = tmp_path / "model.joblib"\n    joblib.dump(model, path)\n    assert load_pipeline(path).score(X, y) > 0.9\n';
    const elsewhere = 'def test_saves_to_models(tmp_path):\n    model = RandomForestClassifier().fit(X, y)\n    joblib.dump(model, "models/model.joblib")\n    assert model is not None\n';
    const notATest = 'def save_for_test(tmp_path):\n    model = RandomForestClassifier().fit(X, y)\n    joblib.dump(model, tmp_path / "model.joblib")\n';
    for (const body of [scored, elsewhere, notATest]) {
      assert.deepEqual(await findingLinesIn('file:///proj/tests/test_backend.py', header + body, missingRandomState), [5], body);
    }
  });
});

describe('MLD802: a call left unseeded only where the caller gave no seed', () => {
  it('leaves alone the arm a seed parameter holding None runs, beside the arm that hands it on as the seed', async () => {
    const code = py`
      from sklearn.utils import shuffle
      from sklearn.model_selection import train_test_split, KFold
      def do_shuffle(X, y, seed=None):
          if seed is not None:
              return shuffle(X, y, random_state=seed)
          else:
              return shuffle(X, y)
      def split(X, y, seed=None):
          if seed is None:
              return train_test_split(X, y, test_size=0.2)
          return train_test_split(X, y, test_size=0.2, random_state=seed)
      def split_inline(X, y, seed=None):
          return train_test_split(X, y) if seed is None else train_test_split(X, y, random_state=seed)
      def folds(n, seed=None):
          if seed is None:
              cv = KFold(n_splits=n, shuffle=True)
          else:
              cv = KFold(n_splits=n, shuffle=True, random_state=seed)
          return cv
    `;
    assert.deepEqual(await findingLinesIn('file:///proj/utils.py', code, missingRandomState), []);
  });

  it('still reports it where the other arm seeds otherwise, calls another function, runs after it, or the test is of no parameter', async () => {
    const code = py`
      from sklearn.utils import shuffle
      from sklearn.model_selection import train_test_split
      SEED = options.random_state
      def constant_other_arm(X, y, seed=None):
          if seed is not None:
              return shuffle(X, y, random_state=1)
          else:
              return shuffle(X, y)
      def nothing_else(X, y, seed=None):
          if seed is None:
              return shuffle(X, y)
          print(seed)
      def other_callee(X, y, seed=None):
          if seed is None:
              return train_test_split(X, y)
          return shuffle(X, y, random_state=seed)
      def arm_falls_through(X, y, seed=None):
          if seed is None:
              X, y = shuffle(X, y)
          return shuffle(X, y, random_state=seed)
      def rebound(X, y, seed=None):
          seed = seed or 3
          if seed is None:
              return shuffle(X, y)
          return shuffle(X, y, random_state=seed)
      if SEED is None:
          X, y = shuffle(X, y)
      else:
          X, y = shuffle(X, y, random_state=SEED)
    `;
    const { result } = await run(code, [missingRandomState]);
    assert.deepEqual(result.findings.map((f) => [f.range.start.line + 1, ...f.related.map((r) => r.range.start.line + 1)]), [[8, 11, 19, 24, 27], [15]]);
  });
});

describe('MLD802: a global seed set by the project\'s imported helper handed only the seed', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/cv_tabnet.py', code, missingRandomState);
  const script = (imports: string, seeding: string) => py`
    from sklearn.model_selection import KFold, train_test_split
    ${imports}
    seed = 2021
    ${seeding}
    kf = KFold(n_splits=5, shuffle=True)
    for train_idx, val_idx in kf.split(X, y):
        model.fit(X[train_idx], y[train_idx])
        print(model.score(X[val_idx], y[val_idx]))
  `;

  it('takes the split as seeded after `deterministic(seed)` from the project\'s utils', async () => {
    assert.deepEqual(await lines(script('from utils import deterministic', 'deterministic(seed)')), []);
    assert.deepEqual(await lines(script('from .setup import fix_all', 'fix_all(cfg.seed)')), []);
  });

  it('still reports the split after a call that keeps the helper\'s value or hands it more than the seed', async () => {
    assert.deepEqual(await lines(script('from utils import deterministic', 'rng = deterministic(seed)')), [5]);
    assert.deepEqual(await lines(script('from utils import log_params', 'log_params(params, seed)')), [5]);
    assert.deepEqual(await lines(script('', 'print(seed)')), [5]);
  });
});

describe('MLD802: rows sampled only through a transformer class of the file, then shown', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/explore.py', code, missingRandomState);
  /** A script with a hand-written `TransformerMixin` selector (`extra` adds methods), a sample put through it, then `after`. */
  const script = (extra: string, through: string, after: string) => py`
    import dtale
    import pandas as pd
    from sklearn.base import TransformerMixin

    class FeatureSelector(TransformerMixin):
        def fit(self, X, y=None):
            self.keep = [c for c in X.columns if X[c].nunique() > 1]
            return self
        def transform(self, X):
            return X[self.keep]
        ${extra}

    df = pd.read_csv("accidents.csv")
    sample = df.sample(100000).copy()
    ${through}
    ${after}
  `;

  it('leaves the sample alone when the selector only reshapes it for a look', async () => {
    assert.deepEqual(await lines(script('', 'sample = FeatureSelector().fit_transform(sample)', 'dtale.show(sample[:1000])')), []);
    assert.deepEqual(await lines(script('', 'fs = FeatureSelector()\nfs.fit(sample)', 'print(fs.transform(sample).head())')), []);
  });

  it('still reports it when the class predicts, or what it gives is fitted', async () => {
    assert.deepEqual(await lines(script('def predict(self, X):\n        return X.iloc[:, 0] > 0', 'sample = FeatureSelector().fit_transform(sample)', 'dtale.show(sample[:1000])')), [15]);
    assert.deepEqual(await lines(script('', 'sample = FeatureSelector().fit_transform(sample)', 'model.fit(sample.drop(columns="y"), sample["y"])')), [14]);
  });
});

describe('MLD802: a base estimator in the keyword arguments of an ensemble that seeds it', () => {
  const lines = (code: string) => findingLinesIn('file:///proj/models.py', code, missingRandomState);

  it('leaves the base alone when its ensemble gets it with a seed, as a record of class and arguments or splatted into the call', async () => {
    assert.deepEqual(await lines(py`
      from sklearn.ensemble import AdaBoostClassifier, BaggingClassifier
      from sklearn.tree import DecisionTreeClassifier
      from imblearn.ensemble import BalancedBaggingClassifier

      def build(name, random_state=42):
          table = {
              "ada": {"model_class": AdaBoostClassifier,
                      "model_args": {"estimator": DecisionTreeClassifier(max_depth=1), "random_state": random_state}},
              "balanced": {"cls": BalancedBaggingClassifier,
                           "kwargs": dict(estimator=DecisionTreeClassifier(min_samples_leaf=3), random_state=random_state, n_jobs=-1)},
          }
          config = table[name]
          return config["model_class"](**config["model_args"]) if "model_class" in config else config["cls"](**config["kwargs"])

      boosted = AdaBoostClassifier(**{"estimator": DecisionTreeClassifier(max_depth=2), "n_estimators": 50, "random_state": 0})
      bag_args = dict(estimator=DecisionTreeClassifier(), n_estimators=200, random_state=7)
      bagged = BaggingClassifier(**bag_args)
      bagged_again = BaggingClassifier(**bag_args, n_jobs=4)
    `), []);
  });

  it('still reports the base when the arguments give no seed, give None, or go to something that keeps its seed', async () => {
    assert.deepEqual(await lines(py`
      from sklearn.ensemble import AdaBoostClassifier, BaggingClassifier
      from sklearn.calibration import CalibratedClassifierCV
      from sklearn.tree import DecisionTreeClassifier

      table = {
          "ada": {"model_class": AdaBoostClassifier, "model_args": {"estimator": DecisionTreeClassifier(max_depth=1)}},
          "ada_none": {"model_class": AdaBoostClassifier, "model_args": {"estimator": DecisionTreeClassifier(max_depth=3), "random_state": None}},
          "calibrated": {"model_class": CalibratedClassifierCV, "model_args": {"estimator": DecisionTreeClassifier(), "random_state": 0}},
      }
      config = table[name]
      model = config["model_class"](**config["model_args"]).fit(X, y)
      bag_args = dict(estimator=DecisionTreeClassifier(max_features="sqrt"), random_state=7)
      bagged = BaggingClassifier(**bag_args)
      bag_args["estimator"].fit(X, y)
    `), [6, 12]);
  });
});

describe('MLD802 and estimators a test only names in its message (round 686)', () => {
  const code = (fitted: string) => py`
    import pytest
    from sklearn.tree import DecisionTreeClassifier, ExtraTreeClassifier
    from mypkg.selection import ProbeSelector

    @pytest.mark.parametrize("tree", [ExtraTreeClassifier(), DecisionTreeClassifier()])
    def test_refuses_single_trees(tree, data):
        msg = f"The estimator {tree} has no n_estimators"
        X, y = data
        selector = ProbeSelector(tree)
${fitted}
        assert str(record.value) == msg
  `;
  const EXPECTS_FAILURE = '        with pytest.raises(ValueError) as record:\n            selector.fit(X, y)';
  const FITS = '        record = selector.fit(X, y)';

  it('leaves alone an estimator written into an f-string, as its repr, and wrapped in a selector whose fit the test expects to fail', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_selector.py', code(EXPECTS_FAILURE), missingRandomState), []);
  });

  it('still reports it when the selector is fitted outside the block that expects the failure', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_selector.py', code(FITS), missingRandomState), [5]);
  });
});

describe('MLD802 and the names of a parametrize decorator (round 687)', () => {
  const code = (names: string, fails: boolean) => py`
    import numpy as np
    import pytest
    from sklearn.linear_model import Perceptron
    from mypkg.des import MetaSelector

    @pytest.mark.parametrize(${names}, [Perceptron()])
    def test_meta_model_needs_probabilities(pool, model):
        X = np.random.rand(10, 2)
        y = np.array([0] * 5 + [1] * 5)
${fails ? '        with pytest.raises(ValueError):\n            MetaSelector(pool, model).fit(X, y)' : '        assert MetaSelector(pool, model).fit(X, y).score(X, y) > 0.5'}
  `;

  it('reads a name list with a trailing comma as pytest does, the one name "model"', async () => {
    for (const names of ['"model,"', '"model, "', '"model"']) {
      assert.deepEqual(await findingLinesIn('file:///proj/tests/test_meta.py', code(names, true), missingRandomState), [], names);
    }
  });

  it('still reports the estimator when the test fits it and checks what it learned', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_meta.py', code('"model,"', false), missingRandomState), [6]);
  });
});

describe('MLD802 and an estimator inside the base a seeding ensemble is handed (round 687)', () => {
  const code = (ensemble: string) => py`
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import BaggingClassifier, RandomForestClassifier
    from sklearn.linear_model import Perceptron

    def pool(X, y, rng):
        model = CalibratedClassifierCV(Perceptron(max_iter=100), cv=5)
        bag = ${ensemble}
        return bag.fit(X, y)

    print(pool(X, y, 42).score(X, y))
  `;

  it('leaves alone a Perceptron inside a calibrator that a bagging ensemble takes as its base, through a name or straight', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/pools.py', code('BaggingClassifier(model, n_estimators=10, random_state=rng)'), missingRandomState), []);
    assert.deepEqual(await findingLinesIn('file:///proj/pools.py', code('BaggingClassifier(CalibratedClassifierCV(Perceptron(max_iter=100)), random_state=rng)').replace('    model = CalibratedClassifierCV(Perceptron(max_iter=100), cv=5)\n', ''), missingRandomState), []);
  });

  it('still reports it when the wrapper goes anywhere but a seeding ensemble, and the ensemble that gives no seed', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/pools.py', code('model'), missingRandomState), [6]);
    assert.deepEqual(await findingLinesIn('file:///proj/pools.py', code('BaggingClassifier(model, n_estimators=10)'), missingRandomState), [7]);
  });
});

describe('MLD802 and a tree fitted on the one column a function of the file returns (round 691)', () => {
  const code = (returned: string) => [
    'import numpy as np\nfrom sklearn import metrics, tree\n',
    `def distance_to_shapelet(data, shapelet):\n    data = np.asarray(data)\n    X = np.empty(len(data))\n    for i in range(len(data)):\n        X[i] = np.abs(data[i] - shapelet).min()\n    return ${returned}\n`,
    'clf = tree.DecisionTreeClassifier()\nfor shapelet in shapelets:\n    X_train = distance_to_shapelet(train, shapelet)\n    clf.fit(X_train, y_train)\n    print(metrics.accuracy_score(y_test, clf.predict(distance_to_shapelet(test, shapelet))))\n',
  ];

  it('leaves alone a tree whose every fit takes a helper\'s one-column result (X.reshape(-1, 1)): no order of features to draw', async () => {
    const { result } = await run(code('X.reshape(-1, 1)'), [missingRandomState]);
    assert.deepEqual(result.findings.map((f) => f.code), []);
  });

  it('still reports it when the helper returns more than one column, or one column only on some paths', async () => {
    for (const returned of ['np.column_stack([X, X ** 2])', 'X.reshape(-1, 1) if len(X) > 1 else np.column_stack([X, X])']) {
      const { result } = await run(code(returned), [missingRandomState]);
      assert.deepEqual(result.findings.map((f) => f.code), ['MLD802'], returned);
    }
  });
});

describe('MLD802 and estimators a seeding ensemble takes through a test\'s parameter or a pipeline (round 693)', () => {
  const TESTS = py`
    import pytest
    from sklearn.cluster import KMeans
    from sklearn.feature_selection import SelectKBest
    from sklearn.linear_model import Perceptron
    from sklearn.pipeline import make_pipeline
    from sklearn.tree import DecisionTreeClassifier
    from imblearn.ensemble import BalancedBaggingClassifier
    from imblearn.under_sampling import ClusterCentroids

    @pytest.mark.parametrize("estimator", [None, Perceptron(max_iter=1000), DecisionTreeClassifier()])
    def test_bagging_accepts(estimator):
        bag = BalancedBaggingClassifier(estimator=estimator, random_state=0).fit(X, y)
        if hasattr(estimator, "decision_function"):
            bag.decision_function(X)
        assert bag.score(X, y) > 0.5

    @pytest.mark.parametrize("sampler, n", [(ClusterCentroids(estimator=KMeans(n_init=1)), 15)])
    def test_bagging_samplers(sampler, n):
        bag = BalancedBaggingClassifier(sampler=sampler, n_estimators=2, random_state=0).fit(X, y)
        assert len(bag.estimators_) == n

    def test_pipeline_base():
        bag = BalancedBaggingClassifier(make_pipeline(SelectKBest(k=1), DecisionTreeClassifier()), random_state=0)
        assert bag.fit(X, y).score(X, y) > 0.5
  `;

  it('leaves alone an estimator the test hands to a seeding ensemble through its parametrized parameter, or inside a pipeline or a sampler the ensemble takes', async () => {
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_bagging.py', TESTS, missingRandomState), []);
  });

  it('still reports one the test also fits itself', async () => {
    const fitted = TESTS.replace('    if hasattr(estimator, "decision_function"):', '    if estimator is not None:\n        assert estimator.fit(X, y).score(X, y) > 0.5\n    if hasattr(estimator, "decision_function"):');
    assert.notEqual(fitted, TESTS);
    assert.deepEqual(await findingLinesIn('file:///proj/tests/test_bagging.py', fitted, missingRandomState), [10]);
  });
});
