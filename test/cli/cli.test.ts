// The bundled CLI (dist/cli.js) on files written to a temporary folder.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

function mldebt(cwd: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function notebook(cells: { source: string; count?: number; outputs?: boolean; type?: string }[]): string {
  return JSON.stringify({
    metadata: { kernelspec: { language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5,
    cells: cells.map((c) => ({
      cell_type: c.type ?? 'code',
      source: c.source,
      metadata: {},
      ...(c.type === 'markdown' ? {} : { execution_count: c.count ?? null, outputs: c.outputs ? [{ output_type: 'stream', name: 'stdout', text: 'x' }] : [] }),
    })),
  });
}

describe('mldebt CLI', function () {
  this.timeout(20000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mldebt-cli-'));
    writeFileSync(path.join(dir, 'train.py'), 'from sklearn.model_selection import train_test_split\nX_tr, X_te = train_test_split(X)\n');
    writeFileSync(path.join(dir, 'clean.py'), 'print("hello")\n');
    writeFileSync(path.join(dir, 'nb.ipynb'), notebook([
      { source: '# Title', type: 'markdown' },
      { source: 'import numpy as np\n', count: 1 },
      { source: '%matplotlib inline\nx = np.random.rand(3)\nmodel.fit(x.reshape(-1, 1), y)\n', count: 2 },
    ]));
    mkdirSync(path.join(dir, '.venv'));
    writeFileSync(path.join(dir, '.venv', 'lib.py'), 'from sklearn.model_selection import train_test_split\ntrain_test_split(X)\n');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints findings grouped by file, with severity, and exits 1 on findings', () => {
    const { status, stdout } = mldebt(dir, 'check', '.');
    assert.equal(status, 1);
    const [nb, train] = stdout.split('\n\n');
    assert.deepEqual(nb.split('\n'), [
      'nb.ipynb',
      '  cell 3, 2:5  warning  MLD801  `np.random.rand` draws from NumPy\'s global random generator, which…',
    ]);
    assert.deepEqual(train.split('\n'), [
      'train.py',
      '  2:14  warning  MLD802  `train_test_split` is called without `random_state`: each run splits the…',
    ]);
    assert.ok(stdout.split('\n').every((line) => line.length <= 100), 'lines fit in 100 columns when not on a terminal');
    assert.match(stdout, /^Found 2 findings \(2 warning\) in 2 of 3 files\.$/m, 'virtual environments are skipped');
  });

  it('exits 0 on clean files, and with --exit-zero', () => {
    assert.equal(mldebt(dir, 'check', 'clean.py').status, 0);
    assert.equal(mldebt(dir, 'check', 'clean.py').stdout, 'No ML debt found in 1 file.\n');
    assert.equal(mldebt(dir, 'check', 'train.py', '--exit-zero').status, 0);
  });

  it('prints JSON findings with 1-based positions and the notebook cell', () => {
    const { status, stdout } = mldebt(dir, 'check', '--format', 'json', '.');
    assert.equal(status, 1);
    const findings = JSON.parse(stdout);
    const nb = findings.find((f: { file: string }) => f.file === 'nb.ipynb');
    assert.deepEqual(
      { cell: nb.cell, line: nb.line, column: nb.column, endLine: nb.endLine, endColumn: nb.endColumn, code: nb.code, name: nb.name, category: nb.category, severity: nb.severity },
      { cell: 3, line: 2, column: 5, endLine: 2, endColumn: 19, code: 'MLD801', name: 'unseeded-randomness', category: 'reproducibility-debt', severity: 'warning' },
    );
    assert.equal(nb.section, '§8, Reproducibility Debt');
    assert.equal(nb.fix.safety, 'unsafe');
  });

  it('writes SARIF 2.1.0 with rules and results', () => {
    const out = path.join(dir, 'out.sarif');
    assert.equal(mldebt(dir, 'check', '--format=sarif', '--output', out, 'train.py').status, 1);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'ML Debt Lens');
    assert.ok(run.tool.driver.rules.some((r: { id: string; helpUri: string }) => r.id === 'MLD802' && /MLD802-missing-random-state\.md$/.test(r.helpUri)));
    assert.equal(run.results.length, 1);
    assert.deepEqual(run.results[0].locations[0].physicalLocation, { artifactLocation: { uri: 'train.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 14, endLine: 2, endColumn: 30 } });
  });

  it('writes a self-contained HTML report that escapes the code it quotes', () => {
    writeFileSync(path.join(dir, 'xss.py'), 'from sklearn.model_selection import train_test_split\na = train_test_split(X, "</pre><script>alert(1)</script>")\n');
    const out = path.join(dir, 'report.html');
    assert.equal(mldebt(dir, 'check', '--format', 'html', '--output', out, 'xss.py', 'nb.ipynb').status, 1);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /2 finding\(s\) in 2 of 2 file\(s\)/);
    assert.match(html, /§8, Reproducibility Debt/);
    assert.match(html, /id="MLD802"/);
    assert.match(html, /&lt;\/pre&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(html, /<link|src="http/);
  });

  it('selects and ignores rules', () => {
    assert.equal(mldebt(dir, 'check', '--select', 'MLD801', 'train.py').status, 0);
    assert.equal(mldebt(dir, 'check', '--ignore', 'missing-random-state', 'train.py').status, 0);
    assert.equal(mldebt(dir, 'check', '--select', 'MLD8', 'train.py').status, 1);
  });

  it('reads [tool.mldebt] from pyproject.toml, and reports its problems', () => {
    writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.mldebt]\nignore = ["MLD801"]\nexclude = ["clean.py"]\ncolour = 1\n[tool.mldebt.severity]\nMLD802 = "error"\n');
    const { stdout, stderr } = mldebt(dir, 'check', '--format', 'json', '.');
    const findings = JSON.parse(stdout);
    assert.deepEqual(findings.map((f: { code: string; severity: string }) => `${f.code}:${f.severity}`), ['MLD802:error']);
    assert.match(stderr, /unknown key "colour"/);
  });

  it('lists a broken notebook as not analysed, checks the other files, and exits 1', () => {
    writeFileSync(path.join(dir, 'broken.ipynb'), '{"cells": [ {"cell_type": "code", ');
    const { status, stdout } = mldebt(dir, 'check', '.');
    assert.equal(status, 1);
    assert.match(stdout, /^ {2}broken\.ipynb: not valid notebook JSON/m);
    assert.match(stdout, /^train\.py\n {2}2:14 {2}warning {2}MLD802/m);
    assert.match(stdout, /in 2 of 3 files; 1 file not analysed \(listed above\)\.$/m, 'the summary counts the files it could not read');
  });

  it('lists binary and oversized files as not analysed, sizes in bytes when small', () => {
    writeFileSync(path.join(dir, 'blob.py'), Buffer.from([0, 1, 2, 3, 0, 255]));
    writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.mldebt]\nmax-file-size = 40\n');
    writeFileSync(path.join(dir, 'big.py'), 'x = 1\n'.repeat(20));
    const { stdout, status } = mldebt(dir, 'check', '.');
    assert.equal(status, 0, 'files skipped by policy do not fail the check');
    assert.match(stdout, /^No ML debt found in 1 file; 4 files not analysed \(listed above\)\.$/m, 'skipped files are not counted as checked');
    assert.match(stdout, /^ {2}blob\.py: it looks like a binary file/m);
    assert.match(stdout, /^ {2}big\.py: it is 120 bytes, over the 40 bytes limit/m);
  });

  it('exits 2 on usage errors and missing paths', () => {
    assert.equal(mldebt(dir, 'check', '--format', 'xml').status, 2);
    assert.equal(mldebt(dir, 'check', '--bogus').status, 2);
    assert.equal(mldebt(dir, 'check', '--select', 'MLD999').status, 2);
    const missing = mldebt(dir, 'check', 'nope.py');
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'mldebt: nope.py: no such file or directory\n');
    assert.equal(missing.stdout, '', 'a missing path is an error only, never also a report');
    assert.equal(mldebt(dir).status, 2);
  });

  it('exits 2 on a named path that is a pipe or a device, and passes over one found in a folder', () => {
    mkdirSync(path.join(dir, 'special'));
    spawnSync('mkfifo', [path.join(dir, 'special', 'pipe.py')]);
    symlinkSync('/dev/zero', path.join(dir, 'special', 'zero.py'));
    writeFileSync(path.join(dir, 'special', 'ok.py'), 'x = 1\n');
    const named = mldebt(dir, 'check', 'special/pipe.py', 'special/zero.py');
    assert.equal(named.status, 2);
    assert.equal(named.stderr, 'mldebt: special/pipe.py: a named pipe (FIFO), not a file or folder to check\nmldebt: special/zero.py: a device, not a file or folder to check\n');
    const folder = mldebt(dir, 'check', 'special');
    assert.equal(folder.status, 0, 'found in a folder, a pipe is not read and not an error');
    assert.match(folder.stdout, /in 1 file\.$/m);
  });

  it('lists and explains rules', () => {
    const rules = mldebt(dir, 'rules');
    assert.equal(rules.status, 0);
    assert.match(rules.stdout, /MLD802 {2}missing-random-state/);
    assert.match(rules.stdout, /^MLD802 {2}missing-random-state .* default  warning/m, 'a recommended rule runs by default');
    assert.match(rules.stdout, /^MLD601 {2}hardcoded-hyperparameters .* opt-in {3}information/m, 'an opinionated rule is opt-in');
    const explain = mldebt(dir, 'explain', 'mld802');
    assert.match(explain.stdout, /§8, Reproducibility Debt/);
    assert.equal(mldebt(dir, 'explain', 'MLD000').status, 2);
  });
});
