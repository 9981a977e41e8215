// mldebt-lsp run by hand: --version and --help answer, and a missing transport is a usage message
// (exit 2) rather than vscode-languageserver's stack trace.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { VERSION } from '../../server/src/version';

const SERVER = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

function run(...args: string[]) {
  return spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', timeout: 20000, input: '' });
}

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
