// mldebt-lsp run by hand: --version and --help answer, and a missing transport is a usage message
// (exit 2) rather than vscode-languageserver's stack trace. Both commands of the package run as npm
// links them: the file itself, executed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { VERSION } from '../../server/src/version';

const SERVER = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

function run(...args: string[]) {
  return spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', timeout: 20000, input: '' });
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the package\'s commands', () => {
  const bins = Object.entries((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin);

  it('lists both commands', () => {
    assert.deepEqual(bins.map(([name]) => name).sort(), ['mldebt', 'mldebt-lsp']);
  });

  for (const [name, file] of bins) {
    it(`runs ${name} as an executable file, through its #! line`, function () {
      if (process.platform === 'win32') this.skip(); // npm writes a .cmd wrapper there
      const script = path.join(ROOT, file);
      assert.equal(readFileSync(script, 'utf8').split('\n', 1)[0], '#!/usr/bin/env node');
      chmodSync(script, 0o755); // as npm does when it links the command
      const result = spawnSync(script, ['--version'], { encoding: 'utf8', timeout: 20000 });
      assert.equal(result.stderr, '');
      assert.equal(result.status, 0);
      assert.equal(result.stdout.trim(), VERSION);
    });
  }
});

describe('mldebt-lsp command line', () => {
  it('prints its version', () => {
    const result = run('--version');
    assert.equal(result.status, 0);
    assert.equal(result.stdout.trim(), VERSION);
  });

  it('prints its usage with --help, naming every transport', () => {
    const result = run('--help');
    assert.equal(result.status, 0);
    for (const flag of ['--stdio', '--node-ipc', '--socket=PORT', '--pipe=NAME']) assert.ok(result.stdout.includes(flag), flag);
  });

  it('without a transport says which flags to use and exits 2, without a stack trace', () => {
    const result = run();
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^mldebt-lsp: no transport given/);
    assert.doesNotMatch(result.stderr, /\bat .*\.js:\d+/);
  });

  it('still serves over stdio (end of input ends it)', () => {
    const result = run('--stdio');
    assert.equal(result.stderr, '');
    assert.notEqual(result.status, 2);
  });
});
