// The result cache of `mldebt check`: a second run reads unchanged files from .mldebt_cache (the
// timing line of --verbose counts them) and prints what a run without the cache prints; a change
// of content, configuration or build is a miss; a damaged entry is found, analysed again and
// rewritten; --no-cache, --fix and --diff leave no cache; concurrent runs are both right.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CLI, mldebt, notebook, temporaryFolder, type Run } from './helpers';
import { stableJson } from '../../server/src/cli/cache';
import { checkFile } from '../../server/src/cli/checkFile';
import { defaultConfig } from '../../server/src/config/settings';
import { parser } from '../support/engine';

const SPLIT = 'from sklearn.model_selection import train_test_split\nX_tr, X_te = train_test_split(X)\n';

/** The number of files read from the cache, from the timing line. */
function fromCache(run: Run): number {
  const match = /; ([\d,]+) from the cache/.exec(run.stderr);
  assert.ok(match, `a timing line with the cache in: ${run.stderr}`);
  return Number(match[1].replace(/,/g, ''));
}

const withoutTiming = (run: Run): Run => ({ ...run, stderr: run.stderr.replace(/^Checked .*\n/m, '') });

describe('mldebt check: conftest.py seeds of test modules', function () {
  this.timeout(60000);

  it('count for test modules below them, and a change to a conftest is a cache miss', () => {
    const dir = temporaryFolder('conftest');
    try {
      mkdirSync(path.join(dir, 'tests', 'unit'), { recursive: true });
      writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "demo"\n');
      const test = 'from sklearn.ensemble import RandomForestClassifier\n\ndef test_forest(data):\n    assert RandomForestClassifier().fit(*data).score(*data) > 0.9\n';
      writeFileSync(path.join(dir, 'tests', 'unit', 'test_forest.py'), test);
      // Not a test module: pytest's conftest does not run before it.
      writeFileSync(path.join(dir, 'tests', 'unit', 'forest_helpers.py'), 'from sklearn.ensemble import RandomForestClassifier\nmodel = RandomForestClassifier().fit(X, y)\n');
      writeFileSync(path.join(dir, 'tests', 'conftest.py'), 'import numpy as np\nnp.random.seed(0)\n');
      const codes = () => JSON.parse(mldebt(dir, ['check', '.', '--format', 'json']).stdout).map((f: { file: string; code: string }) => `${f.file}:${f.code}`);
      assert.deepEqual(codes(), ['tests/unit/forest_helpers.py:MLD802']);
      // The seed gone from the conftest: the cached result of the unchanged test module is not used.
      writeFileSync(path.join(dir, 'tests', 'conftest.py'), 'import numpy as np\n');
      assert.deepEqual(codes(), ['tests/unit/forest_helpers.py:MLD802', 'tests/unit/test_forest.py:MLD802']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mldebt check: project modules a file imports', function () {
  this.timeout(60000);

  it('count a helper\'s save as the program\'s own, and a change to the helper is a cache miss', () => {
    const dir = temporaryFolder('modules');
    try {
      mkdirSync(path.join(dir, 'src'), { recursive: true });
      writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "demo"\n');
      const saving = 'import torch\n\ndef save_weights(net, path):\n    torch.save(net.state_dict(), path)\n';
      writeFileSync(path.join(dir, 'src', 'checkpoints.py'), saving);
      const train = 'import torch\nfrom checkpoints import save_weights\n\nnet = Net()\nsave_weights(net, "best.pt")\nnet.load_state_dict(torch.load("best.pt"))\n';
      writeFileSync(path.join(dir, 'src', 'train.py'), train);
      const codes = () => JSON.parse(mldebt(dir, ['check', '.', '--format', 'json']).stdout).map((f: { file: string; code: string }) => `${f.file}:${f.code}`);
      assert.deepEqual(codes(), []);
      // The helper now only logs: the unchanged script's cached result is not used, and its load is foreign.
      writeFileSync(path.join(dir, 'src', 'checkpoints.py'), 'def save_weights(net, path):\n    print(path)\n');
      assert.deepEqual(codes(), ['src/train.py:MLD908']);
      // A symlinked module is never read.
      rmSync(path.join(dir, 'src', 'checkpoints.py'));
      writeFileSync(path.join(dir, 'elsewhere.py'), saving);
      symlinkSync(path.join(dir, 'elsewhere.py'), path.join(dir, 'src', 'checkpoints.py'));
      assert.deepEqual(codes(), ['src/train.py:MLD908']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mldebt check: the PyTorch the project requires', function () {
  this.timeout(60000);

  /** The findings (`file:code`) of a folder holding `files`, then of the same folder once `changes` are written. */
  function findingsBeforeAndAfter(name: string, files: Record<string, string>, changes: Record<string, string>): [string[], string[]] {
    const dir = temporaryFolder(name);
    try {
      const codes = () => JSON.parse(mldebt(dir, ['check', '.', '--format', 'json']).stdout).map((f: { file: string; code: string }) => `${f.file}:${f.code}`);
      for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
      const before = codes();
      for (const [file, text] of Object.entries(changes)) writeFileSync(path.join(dir, file), text);
      return [before, codes()];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('leaves torch.load alone where the requirements allow only PyTorch 2.6 or later, and a change to them is a cache miss', () => {
    const found = findingsBeforeAndAfter(
      'requirements',
      { 'requirements.txt': 'numpy\ntorch==2.7.1\n', 'infer.py': 'import torch\nnet.load_state_dict(torch.load("weights.pt"))\n' },
      { 'requirements.txt': 'numpy\ntorch>=2.1\n' },
    );
    assert.deepEqual(found, [[], ['infer.py:MLD908']]);
  });

  it('reads a requirements file named for a variant (requirements_exact.txt), and a variant added later is a cache miss', () => {
    const found = findingsBeforeAndAfter(
      'requirements-variant',
      {
        'requirements_exact.txt': 'numpy==2.3.4\ntorch==2.10.0\n',
        'eval.py': 'import torch\nckpt = torch.load(ckpt_path, map_location="cpu")\nmodel.load_state_dict(ckpt["model_state_dict"])\n',
      },
      { 'requirements-colab.txt': 'torch>=2.1\n' },
    );
    assert.deepEqual(found, [[], ['eval.py:MLD908']]);
  });

  it('reads a PEP 735 dependency group of pyproject.toml as the project\'s requirements, and a group that allows an older PyTorch keeps the load reported', () => {
    const found = findingsBeforeAndAfter(
      'requirements-group',
      {
        'pyproject.toml': '[project]\nname = "course"\ndependencies = ["ruff>=0.14"]\n\n[dependency-groups]\nexercises = ["numpy>=2", "torch>=2.9.1"]\n',
        'data.py': 'import torch\ntest_images = torch.load("data/processed/test_images.pt")\n',
      },
      { 'pyproject.toml': '[project]\nname = "course"\n\n[dependency-groups]\nexercises = ["torch>=2.9.1"]\ncolab = ["torch>=2.1"]\n' },
    );
    assert.deepEqual(found, [[], ['data.py:MLD908']]);
  });

  it('reads a conda environment.yml as the project\'s requirements: a pin below 1.13 keeps the load reported with no quick fix, and a change to it is a cache miss', () => {
    const dir = temporaryFolder('requirements-conda');
    try {
      const findings = () => JSON.parse(mldebt(dir, ['check', '.', '--format', 'json']).stdout).map((f: { file: string; code: string; fix?: unknown }) => `${f.file}:${f.code}:${f.fix ? 'fix' : 'no fix'}`);
      mkdirSync(path.join(dir, 'notebooks'));
      writeFileSync(path.join(dir, 'notebooks', 'infer.py'), 'import torch\nnet.load_state_dict(torch.load("weights.pt"))\n');
      // No requirements at all: the load is reported, with the quick fix.
      assert.deepEqual(findings(), ['notebooks/infer.py:MLD908:fix']);
      // conda's `pytorch=1.4.0` allows only 1.4.0, whose torch.load has no weights_only.
      writeFileSync(path.join(dir, 'environment.yml'), 'name: detect\nchannels:\n  - pytorch\ndependencies:\n  - python=3.6.9\n  - pytorch=1.4.0\n  - pip:\n    - tqdm\n');
      assert.deepEqual(findings(), ['notebooks/infer.py:MLD908:no fix']);
      // An environment that installs PyTorch 2.6 or later loads tensors only by default.
      writeFileSync(path.join(dir, 'environment.yml'), 'name: detect\ndependencies:\n  - pytorch>=2.6\n');
      assert.deepEqual(findings(), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mldebt check: the result cache', function () {
  this.timeout(60000);
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const check = (...args: string[]) => mldebt(dir, ['check', '.', '--format', 'json', '--verbose', ...args]);
  const entries = () => readdirSync(file('.mldebt_cache/v1')).map((name) => file(`.mldebt_cache/v1/${name}`));

  beforeEach(() => {
    dir = temporaryFolder('cache');
    writeFileSync(file('train.py'), SPLIT);
    writeFileSync(file('clean.py'), 'print("hello")\n');
    writeFileSync(file('nb.ipynb'), notebook([{ source: 'import numpy as np\nx = np.random.rand(3)\n', count: 1 }]));
    writeFileSync(file('broken.ipynb'), '{"cells": [');
    writeFileSync(file('syntax.py'), `${SPLIT}def f(:\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a second run from the cache, with the same output as a run without it', () => {
    const reference = withoutTiming(check('--no-cache'));
    const first = check();
    assert.equal(fromCache(first), 0);
    const second = check();
    assert.equal(fromCache(second), 5, 'every file, those not analysed included');
    assert.deepEqual(withoutTiming(first), reference);
    assert.deepEqual(withoutTiming(second), reference);
    assert.equal(second.status, 1);
    assert.equal(entries().length, 5, 'one entry per file');
  });

  it('keeps a .gitignore that ignores the cache, and a CACHEDIR.TAG', () => {
    check();
    assert.equal(readFileSync(file('.mldebt_cache/.gitignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).join(), '*');
    assert.match(readFileSync(file('.mldebt_cache/CACHEDIR.TAG'), 'utf8'), /^Signature: 8a477f597d28d172789f06886806bc55\n/);
  });

  it('analyses again a file whose content changed, and overwrites its entry', () => {
    check();
    writeFileSync(file('clean.py'), SPLIT);
    const run = check();
    assert.equal(fromCache(run), 4);
    assert.ok(JSON.parse(run.stdout).some((f: { file: string; code: string }) => f.file === 'clean.py' && f.code === 'MLD802'));
    assert.equal(entries().length, 5, 'the file\'s old entry was replaced, not kept beside the new one');
    assert.equal(fromCache(check()), 5);
  });

  it('reads a file again when it changed right around the last run, even with its size and time restored', () => {
    // A modification time in whole milliseconds, so that it can be set back exactly; ahead of the
    // clock, so that it stays "right around the run" however long a loaded machine takes to start it.
    const now = new Date(Date.now() + 10_000);
    utimesSync(file('clean.py'), now, now);
    check();
    // Same size, same modification time, other content: only a file that had been still for a
    // while before the run is trusted by its stamp; this one changed just before.
    writeFileSync(file('clean.py'), 'print("HELLO")\n');
    utimesSync(file('clean.py'), now, now);
    writeFileSync(file('train.py'), SPLIT.replace('X_tr, X_te', 'X_a, X_b'));
    const run = check();
    assert.equal(fromCache(run), 3);
    assert.deepEqual(withoutTiming(run), withoutTiming(check('--no-cache')));
  });

  it('removes, once a day, the entries of files that are gone and the temporary files a killed run left', () => {
    check();
    const marker = file('.mldebt_cache/v1.pruned');
    assert.ok(existsSync(marker), 'the first run records that it pruned');
    const entryOf = (name: string) => entries().find((entry) => readFileSync(entry, 'utf8').split('\n')[1] === JSON.stringify(file(name)));
    assert.ok(entryOf('train.py'));
    rmSync(file('train.py'));
    const abandoned = file('.mldebt_cache/v1/left-by-a-killed-run.entry.1-0-x.tmp');
    const recent = file('.mldebt_cache/v1/being-written.entry.2-0-y.tmp');
    writeFileSync(abandoned, 'half');
    writeFileSync(recent, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
    check();
    assert.ok(entryOf('train.py'), 'within a day of the last pruning, entries stay');
    const twoDaysAgo = new Date(Date.now() - 2 * 86400_000);
    utimesSync(marker, twoDaysAgo, twoDaysAgo);
    // A run over one other file prunes too: an entry goes because its file is gone, not because this run skipped it.
    mldebt(dir, ['check', 'clean.py', '--format', 'json']);
    assert.equal(entryOf('train.py'), undefined, 'the entry of the deleted file is gone');
    assert.equal(entries().filter((entry) => entry.endsWith('.entry')).length, 4, 'the entries of the files that remain stay');
    assert.ok(!existsSync(abandoned), 'an hour-old temporary file is removed');
    assert.ok(existsSync(recent), 'a fresh temporary file may belong to a run under way: it stays');
    assert.equal(fromCache(check()), 4);
  });

  it('analyses again when the configuration changes, from pyproject.toml or the command line', () => {
    check();
    assert.equal(fromCache(check('--select', 'ALL')), 0);
    assert.equal(fromCache(check('--select', 'ALL')), 5);
    writeFileSync(file('pyproject.toml'), '[tool.mldebt]\nignore = ["MLD802"]\n');
    const run = check('--select', 'ALL');
    assert.equal(fromCache(run), 0);
    assert.ok(!JSON.parse(run.stdout).some((f: { code: string }) => f.code === 'MLD802'), 'the new configuration applies');
  });

  it('analyses again after the tool is rebuilt (the build is part of the key)', () => {
    check();
    // The same CLI with one more byte: another build, as after a change of a rule.
    const build = temporaryFolder('cache-build');
    try {
      mkdirSync(path.join(build, 'dist'));
      mkdirSync(path.join(build, 'grammars'));
      copyFileSync(CLI, path.join(build, 'dist', 'cli.js'));
      writeFileSync(path.join(build, 'dist', 'cli-main.js'), `${readFileSync(path.join(path.dirname(CLI), 'cli-main.js'), 'utf8')}\n// another build\n`);
      copyFileSync(path.join(path.dirname(CLI), 'web-tree-sitter.wasm'), path.join(build, 'dist', 'web-tree-sitter.wasm'));
      copyFileSync(path.join(path.dirname(CLI), '..', 'grammars', 'tree-sitter-python.wasm'), path.join(build, 'grammars', 'tree-sitter-python.wasm'));
      const rebuilt = runWith(path.join(build, 'dist', 'cli.js'), dir, ['check', '.', '--format', 'json', '--verbose']);
      assert.equal(fromCache(rebuilt), 0);
      assert.deepEqual(withoutTiming(rebuilt), withoutTiming(check('--no-cache')));
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
  });

  it('finds damaged entries (truncated, altered, foreign, of another shape), analyses those files again and rewrites them', () => {
    const reference = withoutTiming(check());
    const [truncated, altered, foreign, shaped] = entries();
    const text = (entry: string) => readFileSync(entry, 'utf8');
    writeFileSync(truncated, text(truncated).slice(0, -5));
    writeFileSync(altered, text(altered).replace(/"lines":\d+/, '"lines":12345'));
    // Another file's entry copied over this one: it names the other file.
    writeFileSync(foreign, text(shaped));
    // A well-formed entry (right checksum) whose result is not a result.
    const [magic, name, key, stamp] = text(shaped).split('\n');
    const body = '{"findings":"none","lines":1}';
    writeFileSync(shaped, `${magic}\n${name}\n${key}\n${stamp}\n${createHash('sha256').update(`${stamp}\n${body}`).digest('hex')}\n${body}`);
    const run = check();
    assert.match(run.stderr, /; 1 from the cache \(4 damaged entries rebuilt\)$/m);
    assert.deepEqual(withoutTiming(run), reference, 'the output is as if there were no cache');
    assert.match(check().stderr, /; 5 from the cache$/m, 'the entries were rewritten');
  });

  it('--no-cache neither reads nor writes it; --fix and --diff do not use it', () => {
    check('--no-cache');
    mldebt(dir, ['check', '.', '--diff']);
    mldebt(dir, ['check', '.', '--fix']);
    assert.equal(existsSync(file('.mldebt_cache')), false);
    check();
    writeFileSync(entries()[0], 'garbage');
    assert.match(check('--no-cache').stderr, /; cache not used$/m);
  });

  it('goes where --cache-dir or MLDEBT_CACHE_DIR says, --cache-dir first', () => {
    mldebt(dir, ['check', '.', '--cache-dir', 'elsewhere']);
    assert.equal(readdirSync(file('elsewhere/v1')).length, 5);
    mldebt(dir, ['check', '.'], { env: { MLDEBT_CACHE_DIR: file('from-env') } });
    assert.equal(readdirSync(file('from-env/v1')).length, 5);
    mldebt(dir, ['check', '.', '--cache-dir', 'flag'], { env: { MLDEBT_CACHE_DIR: file('not-this') } });
    assert.equal(existsSync(file('not-this')), false);
    assert.equal(existsSync(file('flag/v1')), true);
    assert.equal(existsSync(file('.mldebt_cache')), false);
  });

  it('warns in one line and checks all the same when the cache cannot be written', () => {
    writeFileSync(file('not-a-folder'), '');
    const reference = withoutTiming(check('--no-cache'));
    const run = check('--cache-dir', 'not-a-folder/cache');
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning:'));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^warning: cannot write the cache in .*not-a-folder\/cache \(ENOTDIR.*\); checking without saving results$/);
    assert.deepEqual({ ...withoutTiming(run), stderr: withoutTiming(run).stderr.replace(`${warnings[0]}\n`, '') }, reference);
  });

  it('gives two runs at once, on the same cache, both the right output', async () => {
    const reference = withoutTiming(check('--no-cache', '--select', 'ALL'));
    const both = await Promise.all([0, 1].map(() => runAsync(dir, ['check', '.', '--format', 'json', '--verbose', '--select', 'ALL'])));
    for (const run of both) assert.deepEqual(withoutTiming(run), reference);
    assert.equal(fromCache(check('--select', 'ALL')), 5);
    assert.ok(!readdirSync(file('.mldebt_cache/v1')).some((name) => name.endsWith('.tmp')), 'no temporary file is left');
  });

  it('keys configurations by content, not by the order of their keys', () => {
    assert.equal(stableJson({ b: [1, { y: 2, x: 1 }], a: 'z' }), stableJson({ a: 'z', b: [1, { x: 1, y: 2 }] }));
    assert.notEqual(stableJson({ a: ['MLD8'] }), stableJson({ a: ['MLD9'] }));
  });

  it('hashes what a file held only for a run that keeps a cache', async () => {
    const task = { file: file('train.py'), root: dir, shown: 'train.py', config: defaultConfig(), fix: false, diff: false, unsafeFixes: false };
    const withCache = checkFile(await parser(), { ...task, cache: true });
    assert.equal(withCache.content?.hash, createHash('sha256').update(readFileSync(file('train.py'))).digest('hex'));
    const withoutCache = checkFile(await parser(), { ...task, cache: false });
    assert.equal(withoutCache.content, undefined);
    assert.deepEqual(withoutCache.checked, withCache.checked);
  });
});

function runWith(cli: string, cwd: string, args: readonly string[]): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function runAsync(cwd: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}
