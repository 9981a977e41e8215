// Baselines: `--write-baseline FILE` records today's findings in a sorted, reviewable JSON file;
// `--baseline FILE` reports only new ones, matching by rule, file and a fingerprint of the code
// and its neighbours, so inserted lines and added cells above do not make old findings new.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { mldebt, notebook, temporaryFolder } from './helpers';

const SCRIPT = [
  'import numpy as np',
  'from sklearn.model_selection import train_test_split',
  'noise = np.random.rand(3)',
  'X_tr, X_te = train_test_split(X + noise)',
  '',
].join('\n');

// The draws reach a split: an unseeded draw that feeds nothing is not reported.
const CELLS = [{ source: 'import numpy as np\nfrom sklearn.model_selection import train_test_split\n' }, { source: 'a = np.random.rand(3)\ntrain_test_split(a, random_state=0)\n' }];

describe('mldebt check --baseline', function () {
  this.timeout(30000);
  let dir: string;
  const write = (name: string, content: string) => writeFileSync(path.join(dir, name), content);

  beforeEach(() => {
    dir = temporaryFolder('baseline');
    write('train.py', SCRIPT);
    write('nb.ipynb', notebook(CELLS));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the findings sorted, without line numbers, and exits 0', () => {
    const run = mldebt(dir, ['check', '--write-baseline', 'baseline.json', '.']);
    assert.equal(run.status, 0);
    assert.match(run.stderr, /Wrote 3 finding\(s\) of 2 file\(s\) to the baseline baseline\.json/);
    const data = JSON.parse(readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
    assert.deepEqual(data.findings.map((f: { file: string; code: string }) => `${f.file} ${f.code}`), ['nb.ipynb MLD801', 'train.py MLD801', 'train.py MLD802']);
    assert.deepEqual(Object.keys(data.findings[0]), ['file', 'code', 'fingerprint', 'codeFingerprint', 'snippet']);
    assert.equal(data.findings[1].snippet, 'noise = np.random.rand(3)');
  });

  it('reports nothing old after lines are inserted above and a cell is added', () => {
    mldebt(dir, ['check', '--write-baseline', 'baseline.json', '.']);
    const recorded = readFileSync(path.join(dir, 'baseline.json'), 'utf8');
    write('train.py', '"""A training script."""\n# set-up\n\nimport os\n' + SCRIPT);
    write('nb.ipynb', notebook([{ source: '# Notes', type: 'markdown' }, { source: 'import os\nprint(os.getcwd())\n' }, ...CELLS]));
    const run = mldebt(dir, ['check', '--baseline', 'baseline.json', '.']);
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /^No ML debt found in 2 files\.\nBaseline: 3 known findings not shown; 0 baseline findings fixed since\.$/m);
    mldebt(dir, ['check', '--write-baseline', 'baseline.json', '.']);
    assert.equal(readFileSync(path.join(dir, 'baseline.json'), 'utf8'), recorded, 'the baseline file does not churn on unrelated edits');
  });

  it('reports only the new finding, and counts the baseline findings fixed since', () => {
    mldebt(dir, ['check', '--write-baseline', 'baseline.json', '.']);
    write('train.py', SCRIPT.replace('noise = np.random.rand(3)\n', '') + 'from sklearn.ensemble import RandomForestClassifier\nclf = RandomForestClassifier(n_estimators=10)\n');
    const run = mldebt(dir, ['check', '--baseline', 'baseline.json', '--format', 'json', '.']);
    assert.equal(run.status, 1);
    assert.deepEqual(JSON.parse(run.stdout).map((f: { code: string; line: number }) => `${f.code}:${f.line}`), ['MLD802:5']);
    const text = mldebt(dir, ['check', '--baseline', 'baseline.json', '.']);
    assert.match(text.stdout, /^Baseline: 2 known findings not shown; 1 baseline finding fixed since\.$/m);
  });

  // Each comparison with NaN is a finding of its own (the calls of one unseeded split would be one).
  it('tells one of two identical lines from the other by count', () => {
    const head = 'import numpy as np\n';
    write('twice.py', `${head}m = x == np.nan\nm = x == np.nan\n`);
    mldebt(dir, ['check', '--write-baseline', 'baseline.json', 'twice.py']);
    write('twice.py', `${head}m = x == np.nan\nm = x == np.nan\nb = 1\nm = x == np.nan\n`);
    const run = mldebt(dir, ['check', '--baseline', 'baseline.json', '--format', 'json', 'twice.py']);
    assert.equal(JSON.parse(run.stdout).length, 1, 'a third copy is new');
  });

  // One cause at several places (the unseeded calls of one estimator class) is one finding, but
  // each place is accepted: a place added since is new debt; a place fixed since is not.
  it('reports a grouped finding again when a new place joins it, and not when one leaves', () => {
    const head = 'from sklearn.ensemble import RandomForestClassifier\n';
    const calls = (names: string[]) => names.map((n) => `${n} = RandomForestClassifier(n_estimators=10)\n${n}.fit(X, y)\n`).join('');
    write('forests.py', head + calls(['a', 'b']));
    mldebt(dir, ['check', '--write-baseline', 'baseline.json', 'forests.py']);
    const entry = JSON.parse(readFileSync(path.join(dir, 'baseline.json'), 'utf8')).findings[0];
    assert.equal(entry.members.length, 1, 'the other call of the group is recorded');
    write('forests.py', head + calls(['a', 'b', 'c']));
    const grown = mldebt(dir, ['check', '--baseline', 'baseline.json', '--format', 'json', 'forests.py']);
    assert.equal(grown.status, 1);
    assert.deepEqual(JSON.parse(grown.stdout).map((f: { code: string; line: number; message: string }) => `${f.code}:${f.line}`), ['MLD802:2']);
    write('forests.py', head + calls(['a']));
    assert.equal(mldebt(dir, ['check', '--baseline', 'baseline.json', 'forests.py']).status, 0, 'a fixed place leaves the finding accepted');
    write('forests.py', '# header\n' + head + calls(['a', 'b']));
    assert.equal(mldebt(dir, ['check', '--baseline', 'baseline.json', 'forests.py']).status, 0, 'the same places, moved, are accepted');
  });

  it('says so when the baseline file is missing or not a baseline', () => {
    const missing = mldebt(dir, ['check', '--baseline', 'nope.json', '.']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^mldebt: error: cannot read the baseline nope\.json/);
    write('other.json', '[1, 2]');
    assert.match(mldebt(dir, ['check', '--baseline', 'other.json', '.']).stderr, /other\.json is not an mldebt baseline/);
  });
});
