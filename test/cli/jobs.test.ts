// `mldebt check --jobs N`: files checked in worker threads give byte for byte the output of one
// thread (stdout, stderr, exit status, fixed files), in every format and mode; a worker that dies
// costs only its file; small runs start no worker.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { mldebt, notebook, temporaryFolder, type Run } from './helpers';

const VALUES = 'import pandas as pd\ndf = pd.read_csv("a.csv")\nX = df.values\n';
/** Not valid UTF-8, with a fixable finding: --fix says on stderr that it did not write it. */
const NOT_UTF8 = Buffer.concat([Buffer.from('# \xff\xfe\n', 'latin1'), Buffer.from(VALUES)]);

/** Scripts, notebooks and files that cannot be analysed, in two projects, with things to say on stderr. */
function writeFixture(dir: string): void {
  const write = (name: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  };
  write('pyproject.toml', '[tool.mldebt]\ncolour = 1\n');
  // A long file first, so that a second worker finishes the files after it before it is done.
  const steps = Array.from({ length: 400 }, (_, i) => `step_${i} = split_${i % 7}.fit(X_train, y_train).score(X_test, y_test)\n`).join('');
  write('a_long.py', `from sklearn.model_selection import train_test_split\nimport numpy as np\nX_train, X_test = train_test_split(X)\nnoise = np.random.rand(3)\n${steps}`);
  write('b_nb.ipynb', notebook([{ source: '# Notes', type: 'markdown' }, { source: 'import numpy as np\n', count: 1 }, { source: 'x = np.random.rand(3)\n', count: 2 }]));
  write('c_syntax.py', 'from sklearn.model_selection import train_test_split\nX_tr, X_te = train_test_split(X)\ndef broken(:\n    pass\n');
  write('d_invalid.ipynb', '{"cells": [ {"cell_type": "code", ');
  write('e_blob.py', Buffer.from([0, 1, 2, 3, 0, 255]));
  write('f_values.py', VALUES);
  write('g_not_utf8.py', NOT_UTF8);
  for (let i = 0; i < 6; i++) write(`m_${i}.py`, `import numpy as np\nrows_${i} = np.random.randint(0, ${i + 2}, size=10)\n${VALUES}`);
  write('sub/pyproject.toml', '[tool.mldebt]\nmax-file-size = 300\nshade = 2\n');
  write('sub/big.py', 'x = 1\n'.repeat(60));
  write('sub/h_not_utf8.py', NOT_UTF8);
  write('sub/nb.ipynb', notebook([{ source: 'from sklearn.model_selection import train_test_split\nparts = train_test_split(rows)\n', count: 1 }]));
}

/** Workers for any run of two files or more, as a large run would get. */
const WORKERS_FOR_ALL = { env: { MLDEBT_WORKER_MIN_BYTES: '0' } };

/** The run without the timing line (the last line of stderr with --verbose), and that line. */
function withoutTiming(run: Run): { run: Run; timing: string } {
  const lines = run.stderr.split('\n');
  let at = lines.length - 1;
  while (at >= 0 && !lines[at].startsWith('Checked ')) at--;
  assert.ok(at >= 0, `a timing line in ${run.stderr}`);
  const timing = lines.splice(at, 1)[0];
  return { run: { ...run, stderr: lines.join('\n') }, timing };
}

describe('mldebt check --jobs', function () {
  this.timeout(60000);
  let dir: string;

  beforeEach(() => {
    dir = temporaryFolder('jobs');
    writeFixture(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const modes: [string, string[]][] = [
    ['text', ['--verbose']],
    ['json', ['--format', 'json']],
    ['sarif', ['--format', 'sarif']],
    ['github', ['--format', 'github']],
    ['diff', ['--diff']],
  ];
  for (const [name, args] of modes) {
    it(`prints exactly what one thread prints: ${name}`, () => {
      const one = withoutTiming(mldebt(dir, ['check', '.', '--select', 'ALL', '--no-cache', '--verbose', '--jobs', '1', ...args], WORKERS_FOR_ALL));
      const two = withoutTiming(mldebt(dir, ['check', '.', '--select', 'ALL', '--no-cache', '--verbose', '--jobs', '2', ...args], WORKERS_FOR_ALL));
      assert.doesNotMatch(one.timing, /worker/, '--jobs 1 starts no worker');
      assert.match(two.timing, /with 2 worker threads/);
      assert.match(two.timing, /^Checked 16 files \(/);
      assert.deepEqual(two.run, one.run);
      assert.match(one.run.stderr, /^warning: .*unknown key "colour"[^]*warning: .*unknown key "shade"/, 'pyproject warnings in the order of their files');
      if (name !== 'diff') assert.match(one.run.stdout, /c_syntax\.py/);
    });
  }

  it('fixes the same files the same way, with the same messages in the same order', () => {
    const other = temporaryFolder('jobs-fix');
    try {
      cpSync(dir, other, { recursive: true });
      const one = withoutTiming(mldebt(dir, ['check', '.', '--select', 'ALL', '--fix', '--verbose', '--jobs', '1'], WORKERS_FOR_ALL));
      const two = withoutTiming(mldebt(other, ['check', '.', '--select', 'ALL', '--fix', '--verbose', '--jobs', '2'], WORKERS_FOR_ALL));
      assert.match(two.timing, /with 2 worker threads/);
      // The warnings name the pyproject.toml by its full path, which differs between the folders.
      assert.deepEqual({ ...two.run, stderr: two.run.stderr.replaceAll(other, dir) }, one.run);
      assert.match(one.run.stderr, /^g_not_utf8\.py: not written[^]*^sub\/h_not_utf8\.py: not written/m);
      assert.match(one.run.stdout, /^Fixed \d+ findings? in \d+ files?\.$/m);
      const files = (root: string) => readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()
        .filter((name) => statSync(path.join(root, name)).isFile())
        .map((name) => [name, readFileSync(path.join(root, name)).toString('base64')]);
      assert.deepEqual(files(other), files(dir));
      assert.equal(readFileSync(path.join(other, 'f_values.py'), 'utf8'), VALUES.replace('df.values', 'df.to_numpy()'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('writes the same baseline, and reports the same new findings against it', () => {
    mldebt(dir, ['check', '.', '--select', 'ALL', '--write-baseline', 'one.json', '--jobs', '1']);
    mldebt(dir, ['check', '.', '--select', 'ALL', '--write-baseline', 'two.json', '--jobs', '2'], WORKERS_FOR_ALL);
    assert.equal(readFileSync(path.join(dir, 'two.json'), 'utf8'), readFileSync(path.join(dir, 'one.json'), 'utf8'));
    writeFileSync(path.join(dir, 'new.py'), 'from sklearn.model_selection import train_test_split\nparts = train_test_split(rows)\n');
    const one = mldebt(dir, ['check', '.', '--select', 'ALL', '--baseline', 'one.json', '--jobs', '1']);
    const two = mldebt(dir, ['check', '.', '--select', 'ALL', '--baseline', 'one.json', '--jobs', '2'], WORKERS_FOR_ALL);
    assert.deepEqual(two, one);
    assert.match(one.stdout, /^new\.py$/m);
    assert.doesNotMatch(one.stdout, /^a_long\.py$/m, 'known findings are not shown');
  });

  it('reports the file of a worker that died as not analysed, and checks all the others', () => {
    const reference = mldebt(dir, ['check', '.', '--format', 'json', '--no-cache', '--jobs', '1']);
    const run = mldebt(dir, ['check', '.', '--format', 'json', '--no-cache', '--jobs', '2'], { env: { MLDEBT_WORKER_MIN_BYTES: '0', MLDEBT_TEST_WORKER_EXIT_ON: 'm_2.py' } });
    assert.equal(run.status, 2, 'a file the tool could not check fails the run');
    const entries = JSON.parse(run.stdout) as { file: string; code: string | null; name: string; message: string }[];
    const lost = entries.filter((e) => e.file === 'm_2.py');
    assert.deepEqual(lost.map((e) => [e.code, e.name]), [[null, 'crashed']]);
    assert.match(lost[0].message, /^the worker thread checking it stopped \(exit code 70\); the other files were checked$/);
    const others = (text: string) => (JSON.parse(text) as { file: string }[]).filter((e) => e.file !== 'm_2.py');
    assert.deepEqual(others(run.stdout), others(reference.stdout));
  });

  it('starts no worker for a small run, whatever --jobs says', () => {
    const one = mldebt(dir, ['check', 'f_values.py', '--verbose', '--jobs', '8']);
    assert.match(one.stderr, /^Checked 1 file \(\d+ lines\) in [\d.]+ s, [\d,]+ lines\/s; 0 from the cache$/m);
    const few = mldebt(dir, ['check', '.', '--verbose', '--jobs', '8']);
    assert.doesNotMatch(few.stderr, /worker/, 'a few small files are not worth a worker');
  });

  it('rejects a --jobs that is not a whole number of at least 1', () => {
    for (const value of ['0', '-1', '1.5', 'many']) {
      const run = mldebt(dir, ['check', '.', `--jobs=${value}`]);
      assert.deepEqual([run.status, run.stderr], [2, `mldebt: --jobs must be a whole number of at least 1, not "${value}"; see \`mldebt --help\`\n`]);
    }
  });
});
