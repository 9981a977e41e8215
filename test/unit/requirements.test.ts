// The lowest library versions a project's requirements allow (config/requirements.ts): specifiers,
// where they are read from, and files that are never read.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RequirementsCache, specifierCeiling, specifierFloor } from '../../server/src/config/requirements';
import type { LibraryFloors } from '../../server/src/engine/versions';
import { atLeast } from '../../server/src/engine/versions';

/** The lowest versions alone, as the floors' assertions compare them (the ceilings have tests of their own). */
function floorOnly(floors: LibraryFloors | undefined): LibraryFloors | undefined {
  if (!floors) return undefined;
  const { ceilings: _ceilings, ...rest } = floors;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

describe('project requirements: lowest allowed versions', () => {
  it('reads the upper bound of a specifier, and none where it sets none', () => {
    assert.deepEqual(specifierCeiling('==1.3.0'), { version: '1.3.0', exclusive: false });
    assert.deepEqual(specifierCeiling('>=1.0,<1.13'), { version: '1.13', exclusive: true });
    assert.deepEqual(specifierCeiling('<=1.12.1, <2'), { version: '1.12.1', exclusive: false });
    assert.deepEqual(specifierCeiling('<1.13,<=1.13'), { version: '1.13', exclusive: true }, 'the lower of two bounds at one version');
    assert.equal(specifierCeiling('>=1.3'), undefined);
    assert.equal(specifierCeiling('==1.*'), undefined, 'a wildcard allows every release of the series');
    assert.equal(specifierCeiling('~=1.3'), undefined);
    assert.equal(specifierCeiling(''), undefined);
  });

  it('reads the lower bound of a specifier, and none where it sets none', () => {
    assert.equal(specifierFloor('==2.7.1'), '2.7.1');
    assert.equal(specifierFloor('>=2.6,<3'), '2.6');
    assert.equal(specifierFloor('<3, >=2.6.0'), '2.6.0');
    assert.equal(specifierFloor('~=2.6.0'), '2.6.0');
    assert.equal(specifierFloor('^2.6'), '2.6');
    assert.equal(specifierFloor('==2.6.0+cu124'), '2.6.0+cu124');
    assert.equal(specifierFloor('>2.5'), '2.5', 'an exclusive bound allows versions just above it');
    assert.equal(specifierFloor('<3'), undefined);
    assert.equal(specifierFloor('!=2.5'), undefined);
    assert.equal(specifierFloor(''), undefined);
    assert.equal(specifierFloor('==2.*'), undefined);
    assert.ok(atLeast('2.6.0+cu124', '2.6') && atLeast('2.10', '2.6') && !atLeast('2.5.1', '2.6') && !atLeast('main', '2.6'));
  });

  describe('where they are read from', () => {
    let dir: string;
    const file = (...parts: string[]) => path.join(dir, ...parts);
    const write = (text: string, ...parts: string[]) => {
      mkdirSync(path.dirname(file(...parts)), { recursive: true });
      writeFileSync(file(...parts), text);
    };
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'mld-requirements-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reads the highest version every mention allows, and none where one mention sets no upper bound', () => {
      write('torch==1.3.0\nnumpy\n', 'old', 'requirements.txt');
      assert.deepEqual(new RequirementsCache().forFile(file('old', 'x.py'), dir), { torch: '1.3.0', ceilings: { torch: { version: '1.3.0', exclusive: false } } });
      write('torch==1.3.0\n', 'mixed', 'requirements.txt');
      write('torch>=2.0\n', 'mixed', 'requirements-gpu.txt');
      assert.deepEqual(new RequirementsCache().forFile(file('mixed', 'x.py'), dir), { torch: '1.3.0' }, 'another file allows any newer version');
      write('torch==1.3.0\n', 'two', 'requirements.txt');
      write('torch<1.13\n', 'two', 'requirements-cpu.txt');
      assert.deepEqual(new RequirementsCache().forFile(file('two', 'x.py'), dir), { ceilings: { torch: { version: '1.13', exclusive: true } } }, 'the highest of the two ceilings, and no floor');
    });

    it('takes the nearest folder with a requirements file, within the root', () => {
      write('numpy\ntorch[cuda]==2.7.1 ; python_version >= "3.9"  # pinned\n', 'requirements.txt');
      write('', 'src', 'train.py');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('src', 'train.py'), dir)), { torch: '2.7.1' });
      // A nearer pyproject.toml without torch: nothing is known, and nothing above it is asked.
      write('[project]\nname = "app"\ndependencies = ["numpy>=1.26"]\n', 'src', 'pyproject.toml');
      assert.equal(floorOnly(new RequirementsCache().forFile(file('src', 'train.py'), dir)), undefined);
    });

    it('reads [project] dependencies, its extras and Poetry\'s table; the lowest floor of every mention counts, and none if one has none', () => {
      write('[project]\nname = "app"\ndependencies = ["torch>=2.6,<3"]\n', 'a', 'pyproject.toml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('a', 'x.py'), dir)), { torch: '2.6' });
      write('[tool.poetry.dependencies]\npython = "^3.10"\ntorch = { version = "^2.7", source = "pytorch" }\n', 'b', 'pyproject.toml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('b', 'x.py'), dir)), { torch: '2.7' });
      write('torch==2.4.1\n', 'a', 'requirements.txt');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('a', 'x.py'), dir)), { torch: '2.4.1' });
      write('[project]\nname = "app"\n[project.optional-dependencies]\ncpu = ["torch==2.7.1"]\ncuda = ["torch==2.7.1+cu126"]\n', 'c', 'pyproject.toml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('c', 'x.py'), dir)), { torch: '2.7.1' });
      write('[project]\nname = "app"\ndependencies = ["torch"]\n[project.optional-dependencies]\ncpu = ["torch==2.7.1"]\n', 'd2', 'pyproject.toml');
      assert.equal(floorOnly(new RequirementsCache().forFile(file('d2', 'x.py'), dir)), undefined, 'an unpinned mention allows any version');
    });

    it('reads PEP 735 dependency groups and Poetry\'s groups as it reads extras: any may be the one installed', () => {
      // A course or uv project keeps its libraries in a named group, none in [project] dependencies.
      write('[project]\nname = "course"\ndependencies = ["ruff>=0.14"]\n[dependency-groups]\nexercises = ["numpy>=2", "torch>=2.9.1", "torchvision>=0.24"]\n', 'g1', 'pyproject.toml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('g1', 'lab', 'train.py'), dir)), { torch: '2.9.1' });
      // A group that includes another (`{include-group = ...}`) and a table that is no requirement.
      write('[dependency-groups]\ntrain = ["torch==2.7.1"]\ndev = [{include-group = "train"}, "pytest"]\n', 'g2', 'pyproject.toml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('g2', 'x.py'), dir)), { torch: '2.7.1' });
      // Poetry's groups: `[tool.poetry.group.<name>.dependencies]`, string or table entries.
      write('[tool.poetry.dependencies]\npython = "^3.11"\n[tool.poetry.group.ml.dependencies]\ntorch = { version = "^2.6", source = "pytorch" }\n', 'g3', 'pyproject.toml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('g3', 'x.py'), dir)), { torch: '2.6' });
      // Every mention still counts: a group that allows an older PyTorch, or a bare name in one, lowers or removes the floor.
      write('[project]\nname = "app"\ndependencies = ["torch>=2.6"]\n[dependency-groups]\nlegacy = ["torch>=2.1"]\n', 'g4', 'pyproject.toml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('g4', 'x.py'), dir)), { torch: '2.1' });
      write('[dependency-groups]\ngpu = ["torch>=2.6"]\ncpu = ["torch"]\n', 'g5', 'pyproject.toml');
      assert.equal(floorOnly(new RequirementsCache().forFile(file('g5', 'x.py'), dir)), undefined, 'an unpinned mention allows any version');
      write('[tool.poetry.dependencies]\ntorch = "^2.7"\n[tool.poetry.group.old.dependencies]\ntorch = "1.13.1"\n', 'g6', 'pyproject.toml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('g6', 'x.py'), dir)), { torch: '1.13.1' });
      // A group without torch says nothing of it.
      write('[dependency-groups]\ndocs = ["mkdocs>=1.6"]\n', 'g7', 'pyproject.toml');
      assert.equal(floorOnly(new RequirementsCache().forFile(file('g7', 'x.py'), dir)), undefined);
    });

    it('reads a specifier PEP 508 puts in parentheses, as Poetry 2 writes [project] dependencies', () => {
      write('[project]\nname = "app"\ndependencies = ["numpy (>=1.26)", "torch (>=2.10.0,<3.0.0)"]\n', 'p', 'pyproject.toml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('p', 'x.py'), dir)), { torch: '2.10.0' });
      write('torch (==2.7.1) ; sys_platform == "linux"\n', 'q', 'requirements.txt');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('q', 'x.py'), dir)), { torch: '2.7.1' });
      // Parentheses around a bound that sets no floor still set none.
      write('[project]\nname = "app"\ndependencies = ["torch (<3)"]\n', 'r', 'pyproject.toml');
      assert.equal(floorOnly(new RequirementsCache().forFile(file('r', 'x.py'), dir)), undefined);
    });

    it('reads requirements files named for a variant of requirements.txt, each of them, the lowest floor counting', () => {
      // The only requirements file of a project, pinned exactly.
      write('numpy==2.3.4\ntorch==2.10.0\ntorchaudio==2.10.0\n', 'exact', 'requirements_exact.txt');
      write('', 'exact', 'plots', 'har_plots.py');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('exact', 'plots', 'har_plots.py'), dir)), { torch: '2.10.0' });
      // Torch pinned only in the GPU variant, beside a requirements.txt that names no torch.
      write('numpy\npandas\n', 'gpu', 'requirements.txt');
      write('-r requirements.txt\ntorch==2.7.1+cu126\n', 'gpu', 'requirements-gpu.txt');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('gpu', 'train.py'), dir)), { torch: '2.7.1+cu126' });
      write('torch>=2.6\n', 'dotted', 'requirements.cpu.txt');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('dotted', 'x.py'), dir)), { torch: '2.6' });
      // A variant that allows an older PyTorch, or any, lowers the floor or removes it.
      write('torch==2.7.1\n', 'legacy', 'requirements.txt');
      write('torch>=2.1\n', 'legacy', 'requirements-legacy.txt');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('legacy', 'x.py'), dir)), { torch: '2.1' });
      write('torch==2.7.1\n', 'bare', 'requirements.txt');
      write('pytest\ntorch\n', 'bare', 'requirements_dev.txt');
      assert.equal(floorOnly(new RequirementsCache().forFile(file('bare', 'x.py'), dir)), undefined);
      // Other files of the folder are no requirements files.
      write('torch==2.7.1\n', 'other', 'requirements.in');
      write('torch==2.7.1\n', 'other', 'requirementstxt.md');
      write('torch==2.7.1\n', 'other', 'myrequirements.txt');
      assert.equal(floorOnly(new RequirementsCache().forFile(file('other', 'x.py'), dir)), undefined);
    });

    it('reads a conda environment file: conda\'s spelling in its dependencies, pip\'s in their pip: list', () => {
      // A research repository's environment: conda's `=` pins a release and every build of it.
      write('name: detect\nchannels:\n  - pytorch\n  - conda-forge\ndependencies:\n  - python=3.6.9\n  - pip\n  - pytorch=1.4.0\n  - torchvision\n  - pip:\n    - tensorboardx==2.0\n', 'env', 'environment.yml');
      write('', 'env', 'notebook', 'look.py');
      assert.deepEqual(new RequirementsCache().forFile(file('env', 'notebook', 'look.py'), dir), { torch: '1.4.0', ceilings: { torch: { version: '1.4.1', exclusive: true } } });
      // `conda env export`'s name=version=build, a space-separated version and build, a channel before the name.
      write('dependencies:\n- pytorch=2.7.1=py3.12_cuda12.6_cudnn9_0\n', 'export', 'environment.yaml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('export', 'x.py'), dir)), { torch: '2.7.1' });
      write('dependencies:\n  - "pytorch::pytorch 2.6.0 py3.11_cpu_0"  # from the pytorch channel\n', 'spaced', 'environment-cpu.yml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('spaced', 'x.py'), dir)), { torch: '2.6.0' });
      write('dependencies:\n  - pytorch>=2.6,<3\n', 'ranged', 'environment.yml');
      assert.deepEqual(new RequirementsCache().forFile(file('ranged', 'x.py'), dir), { torch: '2.6', ceilings: { torch: { version: '3', exclusive: true } } });
      // torch installed by pip from the environment's pip: list.
      write('dependencies:\n  - python=3.11\n  - pip:\n    - torch==2.7.1\n    - timm\n', 'pip', 'environment.yml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('pip', 'x.py'), dir)), { torch: '2.7.1' });
    });

    it('reads a bare conda version as every release that starts with it, and sets no bound it cannot read', () => {
      // `pytorch=1` allows 1.13 as well: no ceiling below 1.13, and the floor 1.
      write('dependencies:\n  - pytorch=1\n', 'major', 'environment.yml');
      assert.deepEqual(new RequirementsCache().forFile(file('major', 'x.py'), dir), { torch: '1', ceilings: { torch: { version: '2', exclusive: true } } });
      write('dependencies:\n  - pytorch=2.*\n', 'star', 'environment.yml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('star', 'x.py'), dir)), { torch: '2' });
      // A bare name, a choice of versions or the bracket form sets no bound: the floor goes.
      write('dependencies:\n  - pytorch\n', 'bare', 'environment.yml');
      assert.equal(new RequirementsCache().forFile(file('bare', 'x.py'), dir), undefined);
      write('dependencies:\n  - pytorch 1.4|2.6\n', 'either', 'environment.yml');
      assert.equal(new RequirementsCache().forFile(file('either', 'x.py'), dir), undefined);
      write("dependencies:\n  - pytorch[version='>=2.6']\n", 'bracket', 'environment.yml');
      assert.equal(new RequirementsCache().forFile(file('bracket', 'x.py'), dir), undefined);
      // Every mention counts: a pip line that allows any torch beside conda's pin removes the floor.
      write('dependencies:\n  - pytorch=2.7.1\n  - pip:\n    - torch\n', 'both', 'environment.yml');
      assert.equal(floorOnly(new RequirementsCache().forFile(file('both', 'x.py'), dir)), undefined);
    });

    it('reads only the dependencies of a conda environment file, and only conda\'s name for PyTorch', () => {
      // A channel named pytorch, another key's list, a commented-out pin and the CUDA companion package are no mention.
      write('name: env\nchannels:\n  - pytorch\ndependencies:\n  - numpy=1.26\n  # - pytorch=1.4.0\n  - pytorch-cuda=11.8\nvariables:\n  - pytorch=1.4.0\n', 'none', 'environment.yml');
      assert.equal(new RequirementsCache().forFile(file('none', 'x.py'), dir), undefined);
      // An environment file beside requirements.txt: both count, and the lowest floor wins.
      write('torch==2.7.1\n', 'mixed', 'requirements.txt');
      write('dependencies:\n  - pytorch=2.6.0\n', 'mixed', 'environment.yml');
      assert.deepEqual(floorOnly(new RequirementsCache().forFile(file('mixed', 'x.py'), dir)), { torch: '2.6.0' });
      // Other YAML files of the folder are no environment files.
      write('dependencies:\n  - pytorch=2.7.1\n', 'other', 'config.yml');
      write('dependencies:\n  - pytorch=2.7.1\n', 'other', 'my_environment.yml');
      assert.equal(new RequirementsCache().forFile(file('other', 'x.py'), dir), undefined);
    });

    it('never reads a directory, a device or a broken file, and sees a change', () => {
      mkdirSync(file('d', 'requirements.txt'), { recursive: true });
      assert.equal(floorOnly(new RequirementsCache().forFile(file('d', 'x.py'), dir)), undefined);
      write('', 'e', 'placeholder');
      symlinkSync('/dev/zero', file('e', 'requirements.txt'));
      assert.equal(floorOnly(new RequirementsCache().forFile(file('e', 'x.py'), dir)), undefined);
      write('[project\ndependencies = ["torch==2.7"', 'f', 'pyproject.toml');
      assert.equal(floorOnly(new RequirementsCache().forFile(file('f', 'x.py'), dir)), undefined);
      const cache = new RequirementsCache();
      write('torch==2.5.1\n', 'g', 'requirements.txt');
      assert.deepEqual(floorOnly(cache.forFile(file('g', 'x.py'), dir)), { torch: '2.5.1' });
      write('torch==2.6.0\n', 'g', 'requirements.txt');
      assert.deepEqual(floorOnly(cache.forFile(file('g', 'x.py'), dir)), { torch: '2.6.0' });
      // A variant added to a folder already read is seen too.
      write('torch>=2.0\n', 'g', 'requirements-old.txt');
      assert.deepEqual(floorOnly(cache.forFile(file('g', 'x.py'), dir)), { torch: '2.0' });
    });
  });
});
