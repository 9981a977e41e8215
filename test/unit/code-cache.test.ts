// V8's code cache of the bundles (engine/codeCache.ts): where it lives on each platform, that its
// file name follows the bundle's bytes, and that a short or damaged file is never handed to V8.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { codeCacheDirectory, codeCacheFile, pruneCodeCaches, readCodeCache, writeCodeCache } from '../../server/src/engine/codeCache';

describe('code cache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'mldebt-code-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lives in the user\'s cache folder of each platform, or where MLDEBT_CODE_CACHE_DIR says, and nowhere when turned off', () => {
    const home = () => '/home/ana';
    assert.equal(codeCacheDirectory({}, 'linux', home), '/home/ana/.cache/mldebt/code-cache');
    assert.equal(codeCacheDirectory({ XDG_CACHE_HOME: '/var/cache/ana' }, 'linux', home), '/var/cache/ana/mldebt/code-cache');
    assert.equal(codeCacheDirectory({}, 'darwin', home), '/home/ana/Library/Caches/mldebt/code-cache');
    assert.equal(codeCacheDirectory({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32', home), path.join('C:\\Users\\ana\\AppData\\Local', 'mldebt', 'code-cache'));
    assert.equal(codeCacheDirectory({}, 'win32', home), undefined);
    assert.equal(codeCacheDirectory({ MLDEBT_CODE_CACHE_DIR: '/opt/cc' }, 'linux', home), '/opt/cc');
    assert.equal(codeCacheDirectory({ MLDEBT_CODE_CACHE: 'off', MLDEBT_CODE_CACHE_DIR: '/opt/cc' }, 'linux', home), undefined);
    assert.equal(codeCacheDirectory({}, 'linux', () => ''), undefined);
  });

  it('names the file after the bundle\'s bytes, so an edit of the same length gets another file', () => {
    const a = codeCacheFile(dir, '/x/dist/cli-main.js', Buffer.from('var a = 1;'));
    const b = codeCacheFile(dir, '/x/dist/cli-main.js', Buffer.from('var b = 1;'));
    assert.notEqual(a, b);
    assert.equal(a, codeCacheFile(dir, '/y/dist/cli-main.js', Buffer.from('var a = 1;')));
    assert.match(path.basename(a), /^cli-main-[0-9a-f]{24}\.v8cache$/);
  });

  it('reads back what it wrote, and refuses a missing, truncated or damaged file', () => {
    const file = path.join(dir, 'nested', 'cli-main-0.v8cache');
    assert.equal(readCodeCache(file), undefined);
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    writeCodeCache(file, data);
    assert.deepEqual(readCodeCache(file), data);
    assert.deepEqual(readdirSync(path.dirname(file)), ['cli-main-0.v8cache'], 'no temporary file is left');
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 1));
    assert.equal(readCodeCache(file), undefined, 'truncated');
    const damaged = Buffer.from(whole);
    damaged[damaged.length - 10] ^= 0xff;
    writeFileSync(file, damaged);
    assert.equal(readCodeCache(file), undefined, 'one byte changed');
    writeFileSync(file, whole.subarray(0, 12));
    assert.equal(readCodeCache(file), undefined, 'shorter than its digest');
  });

  it('keeps nothing, and does not throw, when the folder cannot be written', () => {
    const blocked = path.join(dir, 'a-file');
    writeFileSync(blocked, '');
    const file = path.join(blocked, 'cli-main-0.v8cache');
    writeCodeCache(file, Buffer.from('data'));
    assert.equal(readCodeCache(file), undefined);
  });

  it('keeps the three newest caches of each bundle, and clears temporary files that killed runs left', () => {
    const at = (name: string, minutesAgo: number) => {
      writeFileSync(path.join(dir, name), 'x');
      const when = new Date(Date.now() - minutesAgo * 60000);
      utimesSync(path.join(dir, name), when, when);
    };
    at('cli-main-aaaa.v8cache', 50);
    at('cli-main-bbbb.v8cache', 40);
    at('cli-main-cccc.v8cache', 30);
    at('server-main-dddd.v8cache', 90);
    at('cli-main-eeee.v8cache.12-0.tmp', 120);
    at('cli-main-ffff.v8cache.13-0.tmp', 1);
    at('notes.txt', 500);
    writeCodeCache(path.join(dir, 'cli-main-0123.v8cache'), Buffer.from('new build'));
    assert.deepEqual(readdirSync(dir).sort(), ['cli-main-0123.v8cache', 'cli-main-bbbb.v8cache', 'cli-main-cccc.v8cache', 'cli-main-ffff.v8cache.13-0.tmp', 'notes.txt', 'server-main-dddd.v8cache']);
    pruneCodeCaches(path.join(dir, 'server-main-dddd.v8cache'));
    assert.equal(readdirSync(dir).length, 6, 'nothing of another bundle goes');
  });
});
