// Reading the project modules a file imports (config/projectModules.ts): where a module is looked
// for, which files are never read, and what the CLI cache is told to check again.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { moduleStamp, ProjectModuleCache } from '../../server/src/config/projectModules';

describe('project modules a file imports', () => {
  let dir: string;
  const file = (...parts: string[]) => path.join(dir, ...parts);
  const write = (text: string, ...parts: string[]) => {
    mkdirSync(path.dirname(file(...parts)), { recursive: true });
    writeFileSync(file(...parts), text);
  };
  const names = (text: string, at = file('src', 'train.py')) => new ProjectModuleCache().forSource(at, dir, text).sources.map((s) => `${s.name} ${path.relative(dir, s.path)}`);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mld-modules-'));
    write('def save(m, p): pass\n', 'src', 'helpers.py');
    write('def save(m, p): pass\n', 'src', 'pkg', '__init__.py');
    write('def save(m, p): pass\n', 'src', 'pkg', 'io.py');
    write('def save(m, p): pass\n', 'common', 'store.py');
    write('def save(m, p): pass\n', 'shared.py');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds modules beside the file, under the root, as packages, and relative to the file', () => {
    const text = 'import torch, pkg.io as pio\nfrom helpers import save\nfrom common.store import save\nfrom .pkg import io\nfrom ..shared import save\nimport numpy as np\ntorch.load("m.pt")\n';
    assert.deepEqual(names(text), ['helpers src/helpers.py', 'common.store common/store.py', '.pkg src/pkg/__init__.py', '..shared shared.py', 'pkg.io src/pkg/io.py']);
  });

  it('finds the modules a from-import takes from a package, beside its __init__.py, in one line or in parentheses', () => {
    write('def main(m, p): pass\n', 'src', 'pkg', 'train.py');
    write('', 'src', 'pkg', 'steps', '__init__.py');
    write('def fit(m, p): pass\n', 'src', 'pkg', 'steps', 'fit.py');
    const text = 'import joblib\nfrom pkg import io, train as tr, save  # save is the package\'s function\nfrom pkg.steps import (\n    fit,\n)\njoblib.load(p)\n';
    assert.deepEqual(names(text), ['pkg src/pkg/__init__.py', 'pkg.io src/pkg/io.py', 'pkg.train src/pkg/train.py', 'pkg.steps src/pkg/steps/__init__.py', 'pkg.steps.fit src/pkg/steps/fit.py']);
  });

  it('finds the modules a from-import takes from a folder with no __init__.py, only when no module or package of its name is found', () => {
    write('def fit(m, p): pass\n', 'nets', 'loop.py');
    write('def fit(m, p): pass\n', 'nets', 'cbam', '__init__.py');
    const text = 'import torch\nfrom nets import loop, cbam, fit  # fit is no module\ntorch.load(p)\n';
    assert.deepEqual(names(text, file('scripts', 'run.py')), ['nets.loop nets/loop.py', 'nets.cbam nets/cbam/__init__.py']);
    // A regular package of the name nearer the file wins, as it does in Python: the folder is not looked in.
    write('', 'scripts', 'nets', '__init__.py');
    assert.deepEqual(names(text, file('scripts', 'run.py')), ['nets scripts/nets/__init__.py']);
    // A name with no folder anywhere (a library's): the folders are consulted, not each name in them.
    const found = new ProjectModuleCache().forSource(file('scripts', 'run.py'), dir, 'from skimage import io, transform\ntorch.load(p)\n');
    assert.ok(found.consulted.some((c) => c.file === file('skimage') && c.stamp === 'absent'), 'a folder appearing is a change');
    assert.ok(!found.consulted.some((c) => c.file.endsWith('io.py') || c.file.endsWith('transform.py')));
  });

  it('looks for no module among the names a from-import takes from a module file', () => {
    write('def save(m, p): pass\n', 'src', 'helpers', 'save.py');
    const found = new ProjectModuleCache().forSource(file('src', 'train.py'), dir, 'from helpers import save\ntorch.load(p)\n');
    assert.deepEqual(found.sources.map((s) => s.name), ['helpers']);
    assert.ok(!found.consulted.some((c) => c.file === file('src', 'helpers', 'save.py')));
  });

  it('finds the module TFDS names after a dataset loaded by a bare name, beside the file or in the layout tfds new makes', () => {
    write('class PortraitsNaruto: pass\n', 'src', 'portraits_naruto.py');
    write('class Builder: pass\n', 'clinic_scans', 'clinic_scans_dataset_builder.py');
    write('', 'clinic_scans', '__init__.py');
    const text = 'import tensorflow_datasets as tfds\na = tfds.load("portraits_naruto", split="train")\nb = tfds.builder(name="clinic_scans")\nc = tfds.load("mnist:3.0.1")\n';
    assert.deepEqual(names(text), ['portraits_naruto src/portraits_naruto.py', 'clinic_scans clinic_scans/clinic_scans_dataset_builder.py']);
  });

  it('finds a package imported from a folder above the file, up to the root', () => {
    write('def save(m, p): pass\n', 'src', 'deep', 'train.py');
    const text = 'from src.helpers import save\nimport numpy as np\ntorch.load(p)\n';
    assert.deepEqual(names(text, file('src', 'deep', 'train.py')), ['src.helpers src/helpers.py']);
  });

  it('finds a module in the one folder beside the file\'s own that has it, as for notebooks kept apart from their code', () => {
    write('def train(m, p): pass\n', 'models', 'common_utils.py');
    const text = 'from common_utils import train\nimport torch\ntorch.load(p)\n';
    const found = new ProjectModuleCache().forSource(file('notebooks', 'run.ipynb'), dir, text);
    assert.deepEqual(found.sources.map((s) => path.relative(dir, s.path)), ['models/common_utils.py']);
    assert.ok(found.consulted.some((c) => c.file === dir && c.stamp.startsWith('folder:')), 'the folder looked through is a dependency');
    // Two folders that both have it: which one the notebook meant is not known.
    write('def train(m, p): pass\n', 'legacy', 'common_utils.py');
    assert.deepEqual(new ProjectModuleCache().forSource(file('notebooks', 'run.ipynb'), dir, text).sources, []);
  });

  it('finds a package in the one folder beside the file\'s own that has it, as in a src layout an editable install puts on the path', () => {
    write('from restore.trainers.loop import Trainer\n', 'code', 'restore', 'trainers', '__init__.py');
    write('class Trainer: pass\n', 'code', 'restore', 'trainers', 'loop.py');
    write('def unet(): pass\n', 'code', 'restore', 'nets.py');
    const text = 'from restore.trainers import Trainer\nfrom restore.nets import unet\nimport torch\ntorch.load(p)\n';
    const found = new ProjectModuleCache().forSource(file('scripts', 'train.py'), dir, text);
    assert.deepEqual(found.sources.map((s) => `${s.name} ${path.relative(dir, s.path)}`), ['restore.trainers code/restore/trainers/__init__.py', 'restore.nets code/restore/nets.py']);
    assert.deepEqual(found.sources[0].imports?.map((s) => `${s.name} ${path.relative(dir, s.path)}`), ['restore.trainers.loop code/restore/trainers/loop.py']);
    // A module and a package of that name in two folders: which one is meant is not known.
    write('class Trainer: pass\n', 'legacy', 'restore', 'trainers.py');
    assert.deepEqual(new ProjectModuleCache().forSource(file('scripts', 'train.py'), dir, text).sources.map((s) => s.name), ['restore.nets']);
  });

  it('finds a package of a src layout in a folder above the file, for a test two folders down', () => {
    write('def train_baseline(frame): pass\n', 'src', 'fraudlab', 'models', 'baseline.py');
    write('', 'src', 'fraudlab', '__init__.py');
    const text = 'from fraudlab.models.baseline import train_baseline\nimport joblib\njoblib.load(p)\n';
    const found = new ProjectModuleCache().forSource(file('tests', 'integration', 'test_baseline.py'), dir, text);
    assert.deepEqual(found.sources.map((s) => `${s.name} ${path.relative(dir, s.path)}`), ['fraudlab.models.baseline src/fraudlab/models/baseline.py']);
    // A module of that name found on the way up comes first, as the folder the test runs from would.
    write('def train_baseline(frame): pass\n', 'tests', 'fraudlab', 'models', 'baseline.py');
    assert.deepEqual(new ProjectModuleCache().forSource(file('tests', 'integration', 'test_baseline.py'), dir, text).sources.map((s) => path.relative(dir, s.path)), ['tests/fraudlab/models/baseline.py']);
  });

  it('reads the project modules an imported module imports, one level down, as that module finds them', () => {
    write('from pkg.io import save\nfrom .helpers import save\nimport shared\n', 'src', 'trainer.py');
    const found = new ProjectModuleCache().forSource(file('src', 'train.py'), dir, 'from trainer import Trainer\ntorch.load(p)\n');
    assert.deepEqual(found.sources.map((s) => s.name), ['trainer']);
    assert.deepEqual(found.sources[0].imports?.map((s) => `${s.name} ${path.relative(dir, s.path)}`), ['pkg.io src/pkg/io.py', '.helpers src/helpers.py', 'shared shared.py']);
    assert.ok(found.consulted.some((c) => c.file === file('src', 'pkg', 'io.py')), 'a module read one level down is a dependency too');
    // Their own imports are not read.
    write('from common.store import save\n', 'shared.py');
    assert.equal(new ProjectModuleCache().forSource(file('src', 'train.py'), dir, 'from trainer import Trainer\ntorch.load(p)\n').sources[0].imports?.[2].imports, undefined);
  });

  it('reads nothing for a file that loads nothing serialized and draws no random numbers', () => {
    assert.deepEqual(names('from helpers import save\nsave(model, "m.pt")\n'), []);
    assert.deepEqual(names('from helpers import save\nsave(model, "m.pt", random_state=0)\n'), []);
  });

  it('reads the modules of a file that draws random numbers, for the helpers that seed them', () => {
    assert.deepEqual(names('from helpers import fix\nfix()\nidx = np.random.choice(10)\n'), ['helpers src/helpers.py']);
    assert.deepEqual(names('from helpers import fix\nfix()\nx = torch.randn(3)\n'), ['helpers src/helpers.py']);
  });

  it('never reads a symlink, a huge file or one in a wide encoding, nor the file itself', () => {
    rmSync(file('src', 'helpers.py'));
    symlinkSync(file('shared.py'), file('src', 'helpers.py'));
    write('', 'src', 'big.py');
    truncateSync(file('src', 'big.py'), 2 * 1024 * 1024);
    writeFileSync(file('src', 'wide.py'), Buffer.from('\ufeffdef save(m, p): pass\n', 'utf16le'));
    write('import pickle\nfrom train import x\npickle.load(f)\n', 'src', 'train.py');
    const text = 'from helpers import save\nfrom big import save\nfrom wide import save\nfrom train import x\npickle.load(f)\n';
    const found = new ProjectModuleCache().forSource(file('src', 'train.py'), dir, text);
    assert.deepEqual(found.sources, []);
    assert.equal(moduleStamp(file('src', 'helpers.py')), 'unread');
    assert.ok(found.consulted.some((c) => c.file === file('src', 'big.py') && c.stamp === 'unread'));
  });

  it('records every file consulted, so that a module appearing where it would win is a change', () => {
    const found = new ProjectModuleCache().forSource(file('src', 'train.py'), dir, 'from shared import save\ntorch.load(p)\n');
    // Looked for beside the file first (absent), then found under the root.
    assert.deepEqual(found.consulted.map((c) => [path.relative(dir, c.file), c.stamp.length === 64 ? 'hash' : c.stamp]), [
      ['src/shared.py', 'absent'], ['src/shared/__init__.py', 'absent'], ['shared.py', 'hash'],
    ]);
  });
});
