// What people and CI services read: colour only when asked or on a terminal, full messages with
// --verbose, the summary and next steps, --statistics, GitHub annotations, JUnit XML; files not
// analysed listed in every format; usage errors on one line with a suggestion.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, mldebt, notebook, temporaryFolder } from './helpers';

const TRAIN = 'import pandas as pd\nfrom sklearn.model_selection import train_test_split\ndf = pd.read_csv("a.csv")\nX = df.values\nX_tr, X_te = train_test_split(X)\n';

describe('mldebt check output', function () {
  this.timeout(30000);
  let dir: string;

  beforeEach(() => {
    dir = temporaryFolder('output');
    writeFileSync(path.join(dir, 'train.py'), TRAIN);
    // MLD904 (opt-in) gives these files a safe fix to count.
    writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.mldebt]\nselect = ["ALL"]\n');
    writeFileSync(path.join(dir, 'nb.ipynb'), notebook([{ source: 'import numpy as np\nfrom sklearn.model_selection import train_test_split\n' }, { source: 'x = np.random.rand(3)\ntrain_test_split(x, random_state=0)\n' }]));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('colours only with --color always, or on a terminal without NO_COLOR', () => {
    const ansi = /\u001b\[/;
    assert.doesNotMatch(mldebt(dir, ['check', '.']).stdout, ansi, 'not a terminal');
    assert.match(mldebt(dir, ['check', '--color', 'always', '.']).stdout, /\u001b\[33mwarning/);
    assert.doesNotMatch(mldebt(dir, ['check', '--color=never', '.']).stdout, ansi);
    assert.equal(mldebt(dir, ['check', '--color', 'sometimes', '.']).stderr, 'mldebt: --color must be never, always or auto, not "sometimes"; see `mldebt --help`\n');
  });

  it('colours on a terminal (script(1) gives it one), fits its width, and not with NO_COLOR set', function () {
    if (spawnSync('script', ['--version']).status !== 0) this.skip();
    const onTerminal = (env: Record<string, string>) => spawnSync('script', ['-qec', `stty cols 72; "${process.execPath}" "${CLI}" check train.py`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } }).stdout;
    const coloured = onTerminal({ NO_COLOR: '' });
    assert.match(coloured, /\u001b\[33mwarning\u001b\[39m/);
    const plain = coloured.replace(/\u001b\[\d+m/g, '').split(/\r?\n/);
    assert.ok(plain.every((line) => line.length <= 72), plain.join('\n'));
    assert.doesNotMatch(onTerminal({ NO_COLOR: '1' }), /\u001b\[/);
  });

  it('prints the full message and related lines with --verbose', () => {
    const short = mldebt(dir, ['check', 'train.py']).stdout;
    const full = mldebt(dir, ['check', '--verbose', 'train.py']).stdout;
    assert.match(short, /…/);
    assert.doesNotMatch(full, /…/);
    assert.match(full, /each run splits the data differently/);
    assert.match(full, /missing-random-state · §8, Reproducibility Debt/);
  });

  it('summarises by severity, by section of the paper and rule, and says what to do next', () => {
    const { stdout } = mldebt(dir, ['check', '.']);
    assert.match(stdout, /^Found 3 findings \(2 warning, 1 info\) in 2 of 2 files\.$/m);
    assert.match(stdout, /^ {5}1 {2}§5 ML-System Anti-Patterns: MLD904 1$/m);
    assert.match(stdout, /^ {5}2 {2}§8 Other Areas of ML-related Debt: MLD801 1 · MLD802 1$/m);
    assert.match(stdout, /^Next: `mldebt explain MLD801` says why/m);
    assert.match(stdout, /^ {6}1 marked \[\*\] can be fixed with `mldebt check --fix` \(2 more with `--unsafe-fixes`\)\.$/m);
  });

  it('counts findings per rule with --statistics', () => {
    const { stdout, status } = mldebt(dir, ['check', '--statistics', '.']);
    assert.equal(status, 1);
    assert.deepEqual(stdout.split('\n\n')[0].split('\n'), [
      '1\tMLD801\t    unseeded-randomness',
      '1\tMLD802\t    missing-random-state',
      '1\tMLD904\t[*] dataframe-values',
    ]);
  });

  it('writes GitHub workflow annotations, notebook findings at their line in the .ipynb', () => {
    const { stdout } = mldebt(dir, ['check', '--format', 'github', '--select', 'MLD801,MLD802', '.']);
    const lines = stdout.trim().split('\n');
    const line = readFileSync(path.join(dir, 'nb.ipynb'), 'utf8').split('\n').findIndex((l) => l.includes('x = np.random.rand(3)')) + 1;
    assert.equal(lines[0], `::warning file=nb.ipynb,line=${line},col=10,endLine=${line},endColumn=24,title=MLD801 unseeded-randomness::cell 2, line 1: \`np.random.rand\` draws from NumPy's global random generator, which this notebook never seeds: the results built on it change from run to run`);
    assert.match(lines[1], /^::warning file=train\.py,line=5,col=14,endLine=5,endColumn=30,title=MLD802 missing-random-state::`train_test_split` is called/);
  });

  it('writes JUnit XML: a test case per file, a failure per finding', () => {
    writeFileSync(path.join(dir, 'clean.py'), 'print(1)\n');
    const { stdout } = mldebt(dir, ['check', '--format', 'junit', '--select', 'MLD802', '.']);
    assert.match(stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="mldebt" tests="3" failures="1" errors="0" skipped="0">/);
    assert.match(stdout, /<testcase classname="clean\.py" name="clean\.py" file="clean\.py"\/>/);
    assert.match(stdout, /<testcase classname="train\.py" name="MLD802 missing-random-state at 5:14" file="train\.py" line="5"><failure type="MLD802" message="`train_test_split` is called without `random_state`/);
  });

  it('lists every file it did not analyse, with the reason, in every format', () => {
    writeFileSync(path.join(dir, 'broken.py'), 'def f(:\n    pass\n');
    // No newline between two statements: tree-sitter's missing token is hidden, yet the place is known.
    writeFileSync(path.join(dir, 'joined.py'), 'x = 1\nprint(model)s\n');
    // An `else` with no `if`: tree-sitter wraps the module from its first line in one error node,
    // yet the definitions before it parse, and the place is where they end.
    writeFileSync(path.join(dir, 'orphan.py'), 'import os\n\n\ndef scale(x):\n    return x / 2\n\n\nclass Step:\n    pass\n\nelse:\n    pass\n');
    writeFileSync(path.join(dir, 'bad.ipynb'), '{"cells": 3}');
    writeFileSync(path.join(dir, 'old.ipynb'), '{"nbformat": 2, "nbformat_minor": 0, "worksheets": [{"cells": []}]}');
    writeFileSync(path.join(dir, 'blob.py'), Buffer.from([0, 159, 146, 150]));
    writeFileSync(path.join(dir, 'r.ipynb'), notebook([{ source: 'x <- 1\n' }], 'R'));
    const reasons = {
      'broken.py': /does not parse at 1:7 \(a syntax error, or syntax the parser cannot read\)/,
      'joined.py': /does not parse at 2:13/,
      'orphan.py': /does not parse at 11:1 /,
      'bad.ipynb': /not a Jupyter notebook: no "cells" list/,
      'old.ipynb': /a notebook in nbformat 2, which is not read \(nbformat 3 and 4 are\)/,
      'blob.py': /binary file/,
      'r.ipynb': /not a Python notebook \(kernel language: r\)/,
    };
    for (const format of ['text', 'json', 'sarif', 'html', 'github', 'junit']) {
      const run = mldebt(dir, ['check', '--format', format, '--ignore', 'ALL', '.']);
      const { status } = run;
      // JSON and SARIF spread an entry over lines: one line per entry, file then message.
      const stdout = format === 'json'
        ? JSON.parse(run.stdout).map((e: { file: string; code: null; message: string }) => `${e.file}: ${e.code === null ? e.message : ''}`).join('\n')
        : format === 'sarif' ? JSON.parse(run.stdout).runs[0].invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text).join('\n') : run.stdout.replace(/&quot;/g, '"');
      assert.equal(status, 1, `${format}: files that do not parse fail the check`);
      for (const [file, reason] of Object.entries(reasons)) {
        assert.match(stdout, new RegExp(`${file.replace('.', '\\.')}[^\\n]*?${reason.source}`), `${format} lists ${file}`);
      }
    }
    const text = mldebt(dir, ['check', '--ignore', 'ALL', '.']).stdout;
    assert.ok(text.split('\n').every((line) => line.length <= 100), 'the summary wraps at 100 columns');
    assert.match(text.replace(/\n(?!\n)/g, ' '), /No ML debt found in 5 files; 3 files with syntax errors checked only in part; 4 files not analysed \(listed above\)\./);
  });
});

describe('mldebt usage errors', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = temporaryFolder('usage');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const usageError = (args: string[], message: string) => {
    const run = mldebt(dir, args);
    assert.deepEqual([run.status, run.stdout, run.stderr], [2, '', `mldebt: ${message}; see \`mldebt --help\`\n`], args.join(' '));
  };

  it('prints the usage on standard error and exits 2 when called with no arguments', () => {
    const run = mldebt(dir, []);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^Usage: mldebt check/);
  });

  it('says what is wrong in one line, with the closest option, command or rule', () => {
    usageError(['check', '--formt', 'json'], 'unknown option "--formt" (did you mean --format?)');
    usageError(['check', '--unsafe'], 'unknown option "--unsafe" (did you mean --unsafe-fixes?)');
    usageError(['check', '--format', 'sarf'], '--format must be text, json, sarif, html, github or junit, not "sarf" (did you mean sarif?)');
    usageError(['chek', '.'], 'unknown command "chek" (did you mean check?)');
    usageError(['check', '--select', 'MLD8O2'], 'unknown rule "MLD8O2" (did you mean MLD802?)');
    usageError(['explain', 'missing-random-stat'], 'unknown rule "missing-random-stat" (did you mean missing-random-state?)');
    usageError(['check', '--fix', '--diff'], '--fix and --diff exclude each other (--diff shows what --fix would do)');
    usageError(['check', '--unsafe-fixes'], '--unsafe-fixes needs --fix or --diff');
  });

  it('rejects extra arguments', () => {
    usageError(['rules', 'extra'], 'rules takes no arguments (got "extra")');
    usageError(['explain', 'MLD802', 'MLD801'], 'explain takes one rule code (got 2 arguments)');
    usageError(['--version', 'x'], '--version takes no arguments (got "x")');
  });
});
