// The hooks of .pre-commit-hooks.yaml run by Debian's pre-commit on a temporary repository, as a
// project that installed ml-debt-lens would use them. .ci/run installs pre-commit; without it
// (a developer's machine) the test is skipped, except in CI, where it fails.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { temporaryFolder } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function run(cwd: string, command: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, PRE_COMMIT_HOME: path.join(cwd, '..', 'cache'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

describe('.pre-commit-hooks.yaml with pre-commit', function () {
  this.timeout(120000);
  let dir: string;

  before(function () {
    if (spawnSync('pre-commit', ['--version']).status !== 0) {
      if (process.env.CI) throw new Error('pre-commit is not installed (.ci/run installs it with apt-get)');
      this.skip();
    }
  });

  beforeEach(() => {
    dir = temporaryFolder('pre-commit');
    // The hook repository: this repository's hook definitions, committed.
    const hooks = path.join(dir, 'hooks');
    mkdirSync(hooks);
    copyFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), path.join(hooks, '.pre-commit-hooks.yaml'));
    run(hooks, 'git', ['init', '-q']);
    run(hooks, 'git', ['add', '.']);
    run(hooks, 'git', ['commit', '-qm', 'hooks']);
    const rev = run(hooks, 'git', ['rev-parse', 'HEAD']).stdout.trim();
    // A project with ml-debt-lens installed as npm installs a dependency (linked to this build).
    const project = path.join(dir, 'project');
    mkdirSync(path.join(project, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'project', version: '1.0.0', private: true, devDependencies: { 'ml-debt-lens': '*' } }));
    symlinkSync(ROOT, path.join(project, 'node_modules', 'ml-debt-lens'));
    symlinkSync('../ml-debt-lens/dist/cli.js', path.join(project, 'node_modules', '.bin', 'mldebt'));
    chmodSync(path.join(ROOT, 'dist', 'cli.js'), 0o755); // as npm does to the bins it links
    writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks: [{ id: mldebt }, { id: mldebt-fix, stages: [manual] }]\n`);
    writeFileSync(path.join(project, 'clean.py'), 'print("hello")\n');
    // MLD904 (opt-in) is the finding with a safe fix that mldebt-fix applies.
    writeFileSync(path.join(project, 'pyproject.toml'), '[tool.mldebt]\nselect = ["ALL"]\n');
    writeFileSync(path.join(project, 'notes.txt'), 'np.random.rand(3)\n');
    run(project, 'git', ['init', '-q']);
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes clean files, fails on debt in the staged files, and fixes with mldebt-fix', () => {
    const project = path.join(dir, 'project');
    run(project, 'git', ['add', '.']);
    const clean = run(project, 'pre-commit', ['run']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /mldebt \(ML technical debt\)\.+Passed/);

    writeFileSync(path.join(project, 'train.py'), 'import pandas as pd\ndf = pd.read_csv("a.csv")\nX = df.values\n');
    run(project, 'git', ['add', 'train.py']);
    const debt = run(project, 'pre-commit', ['run']);
    assert.equal(debt.status, 1, debt.stdout + debt.stderr);
    assert.match(debt.stdout, /mldebt \(ML technical debt\)\.+Failed/);
    assert.match(debt.stdout, /train\.py\n {2}3:\d+ {2}info {5}MLD904/);

    const fix = run(project, 'pre-commit', ['run', '--hook-stage', 'manual', 'mldebt-fix', '--files', 'train.py']);
    assert.match(fix.stdout, /files were modified by this hook/, fix.stdout + fix.stderr);
    assert.match(readFileSync(path.join(project, 'train.py'), 'utf8'), /X = df\.to_numpy\(\)/);
  });
});
