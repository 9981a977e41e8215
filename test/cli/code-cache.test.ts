// The commands start from V8's code cache of their bundles (engine/codeCache.ts): a run that
// analysed something leaves one cache file, later runs take it (and leave it alone), a damaged
// file is replaced, and the output never depends on any of it.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TestClient } from '../support/lspClient';
import { CLI, mldebt, temporaryFolder } from './helpers';

const SCRIPT = 'from sklearn.model_selection import train_test_split\nX_tr, X_te = train_test_split(X)\n';

describe('code cache of the bundles', function () {
  this.timeout(60000);
  let dir: string;
  let cache: string;
  beforeEach(() => {
    dir = temporaryFolder('code-cache');
    cache = temporaryFolder('code-cache-store');
    for (let i = 0; i < 4; i++) writeFileSync(path.join(dir, `s${i}.py`), SCRIPT);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });
  // Without the results cache (.mldebt_cache), which would spare later runs the analysis itself.
  const run = (args: string[], env: NodeJS.ProcessEnv = { MLDEBT_CODE_CACHE_DIR: cache }) => mldebt(dir, [...args, '--no-cache'], { env });
  const files = () => readdirSync(cache);

  it('is written by a run that analysed a file, taken by the next runs, and changes no output', () => {
    const uncached = run(['check', 's0.py', '--format', 'json'], { MLDEBT_CODE_CACHE: 'off', MLDEBT_CODE_CACHE_DIR: cache });
    assert.deepEqual(files(), [], 'MLDEBT_CODE_CACHE=off keeps none');
    assert.equal(mldebt(dir, ['--version'], { env: { MLDEBT_CODE_CACHE_DIR: cache } }).status, 0);
    assert.deepEqual(files(), [], 'a run that analysed nothing keeps none');
    const first = run(['check', 's0.py', '--format', 'json']);
    assert.equal(JSON.parse(first.stdout)[0].code, 'MLD802');
    assert.equal(first.stdout, uncached.stdout);
    assert.equal(first.stderr, uncached.stderr);
    const [file] = files();
    assert.match(file, /^cli-main-[0-9a-f]{24}\.v8cache$/);
    const written = statSync(path.join(cache, file));
    const second = run(['check', 's0.py', '--format', 'json']);
    assert.equal(second.stdout, uncached.stdout);
    assert.deepEqual(files(), [file]);
    assert.equal(statSync(path.join(cache, file)).mtimeMs, written.mtimeMs, 'V8 took the cache: the run did not write it again');
  });

  it('serves worker threads too (`--jobs 2`), with the output of one thread', () => {
    const one = run(['check', '.', '--format', 'json', '--jobs', '1']);
    const two = run(['check', '.', '--format', 'json', '--jobs', '2']);
    assert.equal(two.stdout, one.stdout);
    assert.equal(JSON.parse(two.stdout).length, 4);
    assert.deepEqual(files().length, 1);
    assert.equal(run(['check', '.', '--format', 'json', '--jobs', '2']).stdout, one.stdout);
  });

  it('replaces a damaged cache file, and still reports the same', () => {
    const first = run(['check', 's0.py', '--format', 'json']);
    const [file] = files();
    const whole = readFileSync(path.join(cache, file));
    whole[whole.length - 100] ^= 0xff;
    writeFileSync(path.join(cache, file), whole);
    assert.equal(run(['check', 's0.py', '--format', 'json']).stdout, first.stdout);
    assert.notDeepEqual(readFileSync(path.join(cache, file)), whole, 'written again');
    writeFileSync(path.join(cache, file), 'not a cache');
    assert.equal(run(['check', 's0.py', '--format', 'json']).stdout, first.stdout);
  });

  it('keeps the bundles ASCII, which V8 holds at one byte per character (half the text to read, hash and compile)', () => {
    for (const bundle of ['cli.js', 'cli-main.js', 'server.js', 'server-main.js']) {
      const bytes = readFileSync(path.join(path.dirname(CLI), bundle));
      const at = bytes.findIndex((b) => b > 0x7f);
      assert.equal(at, -1, `${bundle} has a non-ASCII byte near: ${bytes.subarray(Math.max(0, at - 60), at + 10).toString()}`);
    }
  });

  it('is written by the language server once it has analysed a document', async () => {
    const client = await TestClient.start({ env: { MLDEBT_CODE_CACHE_DIR: cache } });
    try {
      const uri = 'file:///cache/train.py';
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: SCRIPT } });
      await client.waitFor(uri, (d) => d.length > 0);
      const deadline = Date.now() + 10000;
      // Until the temporary file it is written to has been renamed into place.
      const written = () => files().filter((f) => !f.endsWith('.tmp'));
      while (written().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(written().map((f) => f.replace(/-[0-9a-f]{24}\./, '-*.')), ['server-main-*.v8cache']);
    } finally {
      await client.stop();
    }
  });
});
