// Hostile and unlucky input at the command line (issue 13): exclude globs that would backtrack
// catastrophically as regular expressions, notebooks of other languages in a mixed repository,
// and a reader that closes the pipe early.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { compileGlob } from '../../server/src/config/files';
import { CLI, inFolder, mldebt, notebook } from './helpers';

describe('exclude globs', function () {
  this.timeout(30000);

  it('match as .gitignore does: *, ** and ?, at any depth without a slash', () => {
    const cases: [string, string, boolean][] = [
      ['*.py', 'a/b/train.py', true],
      ['legacy_*.py', 'src/legacy_v1.py', true],
      ['legacy_*.py', 'src/legacy/v1.py', false],
      ['notebooks/scratch/**', 'notebooks/scratch/a/b.ipynb', true],
      ['notebooks/scratch/**', 'other/notebooks/scratch/b.ipynb', false],
      ['a/**/b.py', 'a/b.py', true],
      ['a/**/b.py', 'a/x/y/b.py', true],
      ['a/*/b.py', 'a/x/y/b.py', false],
      ['data?.py', 'data1.py', true],
      ['data?.py', 'data10.py', false],
      ['build', 'pkg/build/gen.py', true],
      ['***x', 'sandbox/a.py', true],
    ];
    for (const [glob, file, expected] of cases) assert.equal(compileGlob(glob)(file), expected, `${glob} on ${file}`);
  });

  it('cost time linear in the path for 300 and 3,000 stars (a regular expression takes seconds)', () => {
    for (const stars of [300, 3000]) {
      const matches = compileGlob(`${'*'.repeat(stars)}x`);
      const alternating = compileGlob(`${'*a'.repeat(stars)}b`);
      const started = performance.now();
      for (let i = 0; i < 50; i++) {
        assert.equal(matches(`${'a'.repeat(200)}/${'y'.repeat(100)}.py`), false);
        assert.equal(alternating('a'.repeat(300)), false);
      }
      // Backtracking over 300 stars would not end in any time; a linear matcher takes well under a
      // second alone. The bound leaves room for a loaded machine running the whole suite (2.9 s seen).
      assert.ok(performance.now() - started < 10000, `${stars} stars: ${performance.now() - started} ms`);
    }
  });

  it('from pyproject.toml keep the CLI fast with 300 stars', () => {
    inFolder('glob', (dir) => {
    for (const folder of ['sandbox', 'keep']) mkdirSync(path.join(dir, folder));
    for (let i = 0; i < 20; i++) {
      writeFileSync(path.join(dir, 'sandbox', `s${i}.py`), 'import numpy as np\nnp.random.rand(3)\n');
      writeFileSync(path.join(dir, 'keep', `k${i}.py`), 'print(1)\n');
    }
    writeFileSync(path.join(dir, 'pyproject.toml'), `[tool.mldebt]\nexclude = ["${'*'.repeat(300)}x"]\n`);
    const started = performance.now();
    const run = mldebt(dir, ['check', '.']);
    assert.ok(performance.now() - started < 10000);
    assert.equal(run.stdout.trim(), 'No ML debt found in 20 files.', 'sandbox/ (ending in x) is excluded');
    });
  });
});

describe('mixed-language repositories', function () {
  this.timeout(30000);

  it('skip R and Julia notebooks and list them, without failing the check', () => {
    inFolder('mixed', (dir) => {
    writeFileSync(path.join(dir, 'train.py'), 'print(1)\n');
    writeFileSync(path.join(dir, 'stats.ipynb'), notebook([{ source: 'x <- runif(3)\n' }], 'R'));
    writeFileSync(path.join(dir, 'sim.ipynb'), notebook([{ source: 'x = rand(3)\n' }], 'julia'));
    const run = mldebt(dir, ['check', '.']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^ {2}sim\.ipynb: not a Python notebook \(kernel language: julia\)$/m);
    assert.match(run.stdout, /^ {2}stats\.ipynb: not a Python notebook \(kernel language: r\)$/m);
    assert.match(run.stdout, /^No ML debt found in 1 file; 2 files not analysed \(listed above\)\.$/m);
    const json = JSON.parse(mldebt(dir, ['check', '--format', 'json', '.']).stdout);
    assert.deepEqual(json.map((e: { file: string; name: string }) => `${e.file}:${e.name}`), ['sim.ipynb:not-python', 'stats.ipynb:not-python']);
    });
  });
});

describe('Git LFS pointers in place of files', function () {
  this.timeout(30000);
  const pointer = (size: number) => `version https://git-lfs.github.com/spec/v1\noid sha256:${'ab12'.repeat(16)}\nsize ${size}\n`;

  it('are named as pointers, neither broken notebooks nor syntax errors, and do not fail the check', () => {
    inFolder('lfs', (dir) => {
    writeFileSync(path.join(dir, 'tour.ipynb'), pointer(8248));
    writeFileSync(path.join(dir, 'export.py'), pointer(1934));
    writeFileSync(path.join(dir, 'crlf.ipynb'), pointer(77).replace(/\n/g, '\r\n'));
    const run = mldebt(dir, ['check', '.']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    for (const name of ['tour.ipynb', 'export.py', 'crlf.ipynb']) {
      assert.match(run.stdout, new RegExp(`^ {2}${name.replace('.', '\\.')}: it is a Git LFS pointer, not the file`, 'm'));
    }
    const json = JSON.parse(mldebt(dir, ['check', '--format', 'json', '.']).stdout);
    assert.deepEqual(json.map((e: { file: string; name: string }) => `${e.file}:${e.name}`).sort(), ['crlf.ipynb:not-python', 'export.py:not-python', 'tour.ipynb:not-python']);
    });
  });

  it('leave a notebook that is not JSON, or a script that only quotes a pointer, reported or read as before', () => {
    inFolder('lfs-near', (dir) => {
    // A pointer's first line followed by anything else is not a pointer: still not notebook JSON.
    writeFileSync(path.join(dir, 'half.ipynb'), 'version https://git-lfs.github.com/spec/v1\n{"cells": []}\n');
    writeFileSync(path.join(dir, 'quote.py'), `POINTER = """${pointer(10)}"""\nimport torch\nstate = torch.load("weights.pt")\n`);
    // Followed by more lines, the pointer's text is not the whole file: a syntax error as Python reads it.
    writeFileSync(path.join(dir, 'longer.py'), `${pointer(10)}print(1)\n`);
    const json = JSON.parse(mldebt(dir, ['check', '--format', 'json', '--exit-zero', '.']).stdout);
    const kinds = json.map((e: { file: string; name: string }) => `${e.file}:${e.name}`).sort();
    assert.ok(kinds.includes('half.ipynb:invalid-notebook'), kinds.join(', '));
    assert.ok(kinds.some((k: string) => k.startsWith('longer.py:') && k !== 'longer.py:not-python'), kinds.join(', '));
    assert.ok(kinds.includes('quote.py:unsafe-model-deserialization'), kinds.join(', '));
    });
  });
});

describe('text in UTF-16 or UTF-32', function () {
  this.timeout(30000);

  it('is named as such, not called binary, and does not fail the check', () => {
    inFolder('wide', (dir) => {
    const code = 'import numpy as np\nnp.random.rand(3)\n';
    writeFileSync(path.join(dir, 'le16.py'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(code, 'utf16le')]));
    writeFileSync(path.join(dir, 'le32.py'), Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from([...code].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))]));
    writeFileSync(path.join(dir, 'nb.ipynb'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(notebook([{ source: 'x = 1\n' }]), 'utf16le')]));
    writeFileSync(path.join(dir, 'nul.py'), 'import os\u0000\nprint(1)\n');
    const run = mldebt(dir, ['check', '.']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^ {2}le16\.py: it is UTF-16 text; Python reads source files as UTF-8$/m);
    assert.match(run.stdout, /^ {2}le32\.py: it is UTF-32 text; Python reads source files as UTF-8$/m);
    assert.match(run.stdout, /^ {2}nb\.ipynb: it is UTF-16 text; Jupyter reads notebooks as UTF-8$/m);
    // A NUL in UTF-8 text is still what it was: a binary file.
    assert.match(run.stdout, /^ {2}nul\.py: it looks like a binary file/m);
    });
  });
});

describe('a closed pipe', function () {
  this.timeout(60000);

  it('ends the CLI quietly (mldebt check big.py --format html | head -c 100)', () => {
    inFolder('epipe', (dir) => {
    const lines = ['import pandas as pd', 'df = pd.read_csv("a.csv")'];
    for (let i = 0; i < 3000; i++) lines.push(`x${i} = df.values`);
    writeFileSync(path.join(dir, 'big.py'), lines.join('\n') + '\n');
    for (const format of ['html', 'text', 'json']) {
      const run = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check big.py --format ${format} 2>err.txt | head -c 100; echo " status=$?"`], { cwd: dir, encoding: 'utf8' });
      assert.equal(readFileSync(path.join(dir, 'err.txt'), 'utf8'), '', `${format}: nothing on standard error`);
      assert.match(run.stdout, / status=0$/m);
    }
    });
  });
});
