// `mldebt check --fix`, `--unsafe-fixes` and `--diff` on copies of scripts and notebooks: the
// bytes outside the edits stay as they were (encoding, BOM, line endings, final newline, the
// notebook's outputs, metadata and JSON layout), fixes apply in passes, and a second run is a no-op.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { mldebt, notebook, temporaryFolder } from './helpers';

const VALUES = 'import pandas as pd\ndf = pd.read_csv("a.csv")\nX = df.values\n';

describe('mldebt check --fix / --diff', function () {
  this.timeout(30000);
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const write = (name: string, content: string | Buffer) => writeFileSync(file(name), content);
  const read = (name: string) => readFileSync(file(name));

  beforeEach(() => {
    dir = temporaryFolder('fix');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies a safe fix and changes nothing else in the file', () => {
    write('a.py', VALUES);
    const run = mldebt(dir, ['check', '--fix', '--select', 'MLD904', 'a.py']);
    assert.equal(read('a.py').toString(), VALUES.replace('df.values', 'df.to_numpy()'));
    assert.equal(run.status, 0, 'nothing is left to report');
    assert.match(run.stdout, /^Fixed 1 finding in 1 file\.$/m);
  });

  it('keeps the byte-order mark, CRLF line endings and a missing final newline', () => {
    const crlf = '\ufeff' + VALUES.trimEnd().replace(/\n/g, '\r\n');
    write('crlf.py', Buffer.from(crlf, 'utf8'));
    mldebt(dir, ['check', '--fix', '--select', 'MLD904', 'crlf.py']);
    assert.deepEqual(read('crlf.py'), Buffer.from(crlf.replace('df.values', 'df.to_numpy()'), 'utf8'));
  });

  it('writes the lines a fix inserts with the file\'s CRLF endings', () => {
    write('paths.py', 'import pandas as pd\r\ndf = pd.read_csv("/home/ana/data/train.csv")\r\nprint(df)\r\n');
    mldebt(dir, ['check', '--fix', '--select', 'MLD602', 'paths.py']);
    const after = read('paths.py').toString();
    assert.notEqual(after, 'import pandas as pd\r\ndf = pd.read_csv("/home/ana/data/train.csv")\r\nprint(df)\r\n', 'the fix applied');
    assert.doesNotMatch(after, /[^\r]\n/, 'no bare LF in a CRLF file');
    assert.ok(after.endsWith('print(df)\r\n'));
  });

  it('writes the lines a fix inserts with the file\'s lone CR endings (classic Mac OS)', () => {
    const before = 'import numpy as np\rimport pandas as pd\rfrom sklearn.linear_model import LogisticRegression\rdf = pd.read_csv("/home/ana/data/train.csv")\rnoise = np.random.rand(3)\rLogisticRegression().fit(df[["a"]] * noise[0], df["y"])\r';
    write('mac.py', before);
    mldebt(dir, ['check', '--fix', '--unsafe-fixes', '--select', 'MLD602,MLD801', 'mac.py']);
    const after = read('mac.py').toString();
    assert.ok(after.split('\r').length > before.split('\r').length, 'the fixes inserted lines');
    assert.doesNotMatch(after, /\n/, 'no LF in a file whose lines end in a lone CR');
    assert.ok(after.endsWith('df["y"])\r'));
    const again = mldebt(dir, ['check', '--select', 'MLD602,MLD801', '--format', 'json', 'mac.py']);
    assert.deepEqual(JSON.parse(again.stdout), [], 'the fixed file has no finding left');
  });

  it('keeps a Latin-1 file Latin-1, and leaves a file that is not valid UTF-8 untouched', () => {
    const latin1 = Buffer.from('# -*- coding: latin-1 -*-\n# donn\xe9es\n' + VALUES, 'latin1');
    write('latin.py', latin1);
    const broken = Buffer.concat([Buffer.from('# \xff\xfe\n', 'latin1'), Buffer.from(VALUES)]);
    write('broken.py', broken);
    const run = mldebt(dir, ['check', '--fix', '--select', 'MLD904', 'latin.py', 'broken.py']);
    assert.deepEqual(read('latin.py'), Buffer.from('# -*- coding: latin-1 -*-\n# donn\xe9es\n' + VALUES.replace('df.values', 'df.to_numpy()'), 'latin1'));
    assert.deepEqual(read('broken.py'), broken);
    assert.match(run.stderr, /broken\.py: not written: the file is not valid UTF-8/);
    assert.equal(run.status, 1, 'the finding that was not fixed is still reported');
  });

  it('writes atomically: the file keeps its mode and no temporary file is left', () => {
    write('a.py', VALUES);
    chmodSync(file('a.py'), 0o751);
    mldebt(dir, ['check', '--fix', '--select', 'MLD904', 'a.py']);
    assert.equal(statSync(file('a.py')).mode & 0o777, 0o751);
    assert.deepEqual(readdirSync(dir), ['a.py']);
  });

  it('says so and exits 2 when a fixed file cannot be written, reporting its findings', function () {
    write('a.py', VALUES);
    // A folder no one may add a file to: read-only, and for root (CI) immutable.
    const root = process.getuid?.() === 0;
    if (root && spawnSync('chattr', ['+i', dir]).status !== 0) this.skip();
    if (!root) chmodSync(dir, 0o555);
    try {
      const run = mldebt(dir, ['check', '--fix', '--select', 'MLD904', 'a.py']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^a\.py: cannot write the fixes: (EACCES|EPERM)/m);
      assert.match(run.stdout, /MLD904/);
      assert.equal(read('a.py').toString(), VALUES);
    } finally {
      if (root) spawnSync('chattr', ['-i', dir]);
      else chmodSync(dir, 0o755);
    }
  });

  it('applies fixes in passes until none is left, and a second --fix changes nothing', () => {
    const source = 'import pandas as pd\ndf = pd.read_csv("a.csv")\nX = df.values\nold = pd.read_csv("b.csv")\nW = old.values\nZ = df.values\n';
    write('many.py', source);
    mldebt(dir, ['check', '--fix', '--select', 'MLD904', 'many.py']);
    const once = read('many.py');
    assert.equal(once.toString(), source.replace(/\.values/g, '.to_numpy()'), 'all three, though one rule fixes one finding per pass');
    const again = mldebt(dir, ['check', '--fix', '--select', 'MLD904', 'many.py']);
    assert.deepEqual(read('many.py'), once);
    assert.match(again.stdout, /^Fixed 0 findings in 0 files\.$/m);
  });

  it('changes only code-cell sources in a notebook: outputs, metadata and layout stay byte for byte', () => {
    const before = notebook([
      { source: '# Data\nSome *markdown* with df.values\n', type: 'markdown' },
      { source: 'import pandas as pd\ndf = pd.read_csv("a.csv")\n', count: 1, outputs: true },
      { source: 'X = df.values\nprint("caf\u00e9")', count: 2, outputs: true },
    ]);
    write('nb.ipynb', before);
    const run = mldebt(dir, ['check', '--fix', '--select', 'MLD904', 'nb.ipynb']);
    assert.equal(run.status, 0);
    assert.equal(read('nb.ipynb').toString(), before.replace('"X = df.values\\n"', '"X = df.to_numpy()\\n"'));
  });

  it('keeps a notebook whose sources are single strings, indented by two, in that form', () => {
    const cells = [
      { cell_type: 'code', execution_count: 1, metadata: { tags: ['x'] }, outputs: [], source: VALUES },
      { cell_type: 'code', execution_count: 2, metadata: {}, outputs: [{ output_type: 'execute_result', data: { 'text/plain': ['1'] }, metadata: {}, execution_count: 2 }], source: 'print(1)' },
    ];
    const before = JSON.stringify({ cells, metadata: { kernelspec: { language: 'python', name: 'python3' } }, nbformat: 4, nbformat_minor: 4 }, null, 2);
    write('two.ipynb', before);
    mldebt(dir, ['check', '--fix', '--select', 'MLD904', 'two.ipynb']);
    assert.equal(read('two.ipynb').toString(), before.replace('X = df.values\\n', 'X = df.to_numpy()\\n'));
  });

  it('fixes an nbformat 3 notebook in its code cells\' "input", leaving the rest byte for byte', () => {
    const cells = [
      { cell_type: 'heading', level: 1, metadata: {}, source: ['Patents'] },
      { cell_type: 'code', collapsed: false, input: ['import pandas as pd\n', 'df = pd.read_csv("a.csv")'], language: 'python', metadata: {}, outputs: [], prompt_number: 1 },
      { cell_type: 'code', collapsed: false, input: ['X = df.values\n', 'X.shape'], language: 'python', metadata: {}, outputs: [{ metadata: {}, output_type: 'pyout', prompt_number: 2, text: ['(3, 2)'] }], prompt_number: 2 },
    ];
    const before = JSON.stringify({ metadata: { name: '' }, nbformat: 3, nbformat_minor: 0, worksheets: [{ cells, metadata: {} }] }, null, 1);
    write('v3.ipynb', before);
    const run = mldebt(dir, ['check', '--fix', '--select', 'MLD904', 'v3.ipynb']);
    assert.equal(run.status, 0, run.stdout);
    assert.equal(read('v3.ipynb').toString(), before.replace('"X = df.values\\n"', '"X = df.to_numpy()\\n"'));
  });

  it('--unsafe-fixes applies the fixes that change behaviour too; --fix alone does not', () => {
    const source = 'import numpy as np\nfrom sklearn.model_selection import train_test_split\nx = np.random.rand(3)\ntrain_test_split(x, random_state=0)\n';
    write('r.py', source);
    mldebt(dir, ['check', '--fix', '--select', 'MLD801', 'r.py']);
    assert.equal(read('r.py').toString(), source, 'seeding is an unsafe fix');
    mldebt(dir, ['check', '--fix', '--unsafe-fixes', '--select', 'MLD801', 'r.py']);
    assert.notEqual(read('r.py').toString(), source);
    assert.equal(mldebt(dir, ['check', '--select', 'MLD801', 'r.py']).status, 0, 'the unsafe fix removed its finding');
  });

  it('--diff prints a unified diff that git applies, changes nothing, and exits 1', () => {
    write('a.py', VALUES);
    spawnSync('git', ['init', '-q'], { cwd: dir });
    const run = mldebt(dir, ['check', '--diff', '--select', 'MLD904', 'a.py']);
    assert.equal(run.status, 1);
    assert.equal(read('a.py').toString(), VALUES, '--diff writes nothing');
    assert.equal(run.stdout, '--- a/a.py\n+++ b/a.py\n@@ -1,3 +1,3 @@\n import pandas as pd\n df = pd.read_csv("a.csv")\n-X = df.values\n+X = df.to_numpy()\n');
    assert.match(run.stderr, /Would fix 1 finding\(s\) in 1 file\(s\)/);
    const apply = spawnSync('git', ['apply', '-'], { cwd: dir, input: run.stdout, encoding: 'utf8' });
    assert.equal(apply.status, 0, apply.stderr);
    assert.equal(read('a.py').toString(), VALUES.replace('df.values', 'df.to_numpy()'));
    const clean = mldebt(dir, ['check', '--diff', '--select', 'MLD904', 'a.py']);
    assert.deepEqual([clean.status, clean.stdout], [0, '']);
  });

  it('--diff shows a notebook\'s changes cell by cell', () => {
    write('nb.ipynb', notebook([{ source: 'import pandas as pd\n' }, { source: 'df = pd.read_csv("a.csv")\nX = df.values\n' }]));
    const run = mldebt(dir, ['check', '--diff', '--select', 'MLD904', 'nb.ipynb']);
    assert.equal(run.stdout, '--- a/nb.ipynb:cell 2\n+++ b/nb.ipynb:cell 2\n@@ -1,2 +1,2 @@\n df = pd.read_csv("a.csv")\n-X = df.values\n+X = df.to_numpy()\n');
  });
});
