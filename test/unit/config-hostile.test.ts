// pyproject.toml as a hostile or unlucky repository has it: not a regular file, huge, deeply
// nested, mistyped, misspelt. Each gives a clear message and analysis goes on with the defaults,
// in bounded time.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_EDITOR_SETTINGS, documentConfig, ProjectConfigCache } from '../../server/src/config/editorSettings';
import { formatSize, skipReason } from '../../server/src/engine/limits';
import { loadProjectConfig, MAX_PROBLEMS, parseProjectConfig } from '../../server/src/config/pyproject';
import { defaultConfig, effectiveSeverity, mergeConfig } from '../../server/src/config/settings';
import { RULES } from '../../server/src/detectors';
import { scriptSource } from '../../server/src/documents/source';

function activeRules(project: ReturnType<typeof parseProjectConfig>): string[] {
  const config = mergeConfig(defaultConfig(), project.config);
  return RULES.map((r) => r.meta).filter((meta) => effectiveSeverity(config, meta) !== 'off').map((meta) => meta.code);
}

/** The rules that run with no configuration: the recommended set. */
const DEFAULT_RULES = RULES.filter((r) => r.meta.recommended).map((r) => r.meta.code);

describe('hostile pyproject.toml', function () {
  this.timeout(20000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mld-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Loads the file and checks the outcome is the defaults, with one message, quickly. */
  function loadsDefaults(file: string, message: RegExp): void {
    const started = performance.now();
    const project = loadProjectConfig(file);
    assert.ok(performance.now() - started < 2000, 'bounded time');
    assert.deepEqual(project.config, {});
    assert.equal(project.problems.length, 1, project.problems.join('\n'));
    assert.match(project.problems[0], message);
    assert.match(project.problems[0], /default settings/);
  }

  it('refuses a symlink to a device instead of reading it forever', () => {
    const file = path.join(dir, 'pyproject.toml');
    symlinkSync('/dev/zero', file);
    loadsDefaults(file, /is a device; .*only from regular files/);
  });

  it('refuses a FIFO instead of blocking on it', () => {
    const file = path.join(dir, 'pyproject.toml');
    execFileSync('mkfifo', [file]);
    loadsDefaults(file, /named pipe/);
  });

  it('refuses a directory named pyproject.toml', () => {
    const file = path.join(dir, 'pyproject.toml');
    mkdirSync(file);
    loadsDefaults(file, /is a directory/);
  });

  it('refuses a 50 MB file without reading it', () => {
    const file = path.join(dir, 'pyproject.toml');
    writeFileSync(file, '[tool.mldebt]\n');
    truncateSync(file, 50 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    loadsDefaults(file, /50 MB; .*at most 1 MB/);
    assert.ok(process.memoryUsage().rss - before < 20 * 1024 * 1024, 'bounded memory');
  });

  it('reports 100k-deep tables as a problem, quickly', () => {
    for (const text of [`[tool.mldebt]\nx = ${'{a='.repeat(100_000)}1${'}'.repeat(100_000)}\n`, `[tool.mldebt]\nselect = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`]) {
      const started = performance.now();
      const project = parseProjectConfig(text, 'pyproject.toml');
      assert.ok(performance.now() - started < 2000);
      assert.ok(project.problems.length >= 1);
      assert.deepEqual(activeRules(project), DEFAULT_RULES);
    }
  });

  it('reports wrong types and keeps the defaults for them', () => {
    const project = parseProjectConfig('[tool.mldebt]\nselect = 3\nignore = [1, 2]\nseverity = "loud"\nmax-file-size = "big"\nexclude = {a = 1}\n', 'p.toml');
    assert.equal(project.problems.length, 5);
    assert.deepEqual(activeRules(project), DEFAULT_RULES);
    assert.ok(project.problems.every((p) => p.startsWith('p.toml:')), 'each problem names its file and line');
  });

  it('names an unknown code with its file, its line and the closest real code', () => {
    const project = parseProjectConfig('[project]\nname = "x"\n\n[tool.mldebt]\nselect = ["NOPE999"]\nignore = ["MLD8O2"]\n[tool.mldebt.severity]\nmissing-random-stat = "error"\n', '/w/pyproject.toml');
    assert.equal(project.problems.length, 4, project.problems.join('\n'));
    assert.match(project.problems[0], /^\/w\/pyproject\.toml:5: .*select names "NOPE999", which matches no rule; did you mean MLD\d{3}\?/);
    assert.match(project.problems[1], /select matches no rule, so the default rules run/);
    assert.match(project.problems[2], /^\/w\/pyproject\.toml:6: .*"MLD8O2".*did you mean MLD802\?/);
    assert.match(project.problems[3], /^\/w\/pyproject\.toml:8: .*"missing-random-stat".*did you mean missing-random-state\?/);
    assert.deepEqual(activeRules(project), DEFAULT_RULES, 'a misspelt select never empties the rule set');
  });

  it('keeps the known codes of a select that also has a misspelt one', () => {
    const project = parseProjectConfig('[tool.mldebt]\nselect = ["MLD802", "MLD80Z"]\n');
    assert.deepEqual(activeRules(project), ['MLD802']);
    assert.equal(project.problems.length, 1);
  });

  it('treats __proto__ keys as unknown keys, not as prototypes', () => {
    const project = parseProjectConfig('[tool.mldebt]\n__proto__ = {select = []}\nconstructor = 1\n[tool.mldebt.severity]\n__proto__ = "off"\nconstructor = "off"\nMLD802 = "error"\n');
    assert.equal(project.problems.length, 4, project.problems.join('\n'));
    assert.equal(Object.getPrototypeOf(project.config.severity), Object.prototype);
    assert.deepEqual(Object.keys(project.config.severity!), ['MLD802']);
    assert.deepEqual(activeRules(project), DEFAULT_RULES);
  });

  it('lists at most MAX_PROBLEMS problems and counts the rest', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `key${i} = 1`).join('\n');
    const started = performance.now();
    const project = parseProjectConfig(`[tool.mldebt]\n${keys}\nselect = [${Array.from({ length: 2000 }, (_, i) => `"X${i}"`).join(', ')}]\n`, 'p.toml');
    assert.ok(performance.now() - started < 2000);
    assert.equal(project.problems.length, MAX_PROBLEMS + 1);
    assert.equal(project.problemCount, 4001);
    assert.match(project.problems[MAX_PROBLEMS], /3981 more problem\(s\)/);
  });
});

describe('configuration of a document', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mld-doc-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('does not read a pyproject.toml above a file that is outside every workspace folder', () => {
    writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.mldebt]\nignore = ["ALL"]\n');
    mkdirSync(path.join(dir, 'far', 'below'), { recursive: true });
    const uri = pathToFileURL(path.join(dir, 'far', 'below', 'x.py')).href;
    const { config, project } = documentConfig(uri, DEFAULT_EDITOR_SETTINGS, new ProjectConfigCache());
    assert.equal(project, undefined);
    assert.deepEqual(config.ignore, []);
    writeFileSync(path.join(dir, 'far', 'below', 'pyproject.toml'), '[tool.mldebt]\nignore = ["MLD8"]\n');
    assert.deepEqual(documentConfig(uri, DEFAULT_EDITOR_SETTINGS, new ProjectConfigCache()).config.ignore, ['MLD8'], 'its own folder counts');
  });

  it('stops at the workspace folder', () => {
    writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.mldebt]\nignore = ["ALL"]\n');
    mkdirSync(path.join(dir, 'ws', 'src'), { recursive: true });
    const uri = pathToFileURL(path.join(dir, 'ws', 'src', 'x.py')).href;
    assert.deepEqual(documentConfig(uri, DEFAULT_EDITOR_SETTINGS, new ProjectConfigCache(), path.join(dir, 'ws')).config.ignore, []);
    assert.deepEqual(documentConfig(uri, DEFAULT_EDITOR_SETTINGS, new ProjectConfigCache(), dir).config.ignore, ['ALL']);
  });

  it('honours max-file-size from pyproject.toml over the editor default', () => {
    writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.mldebt]\nmax-file-size = 100\n');
    const uri = pathToFileURL(path.join(dir, 'x.py')).href;
    const { config } = documentConfig(uri, DEFAULT_EDITOR_SETTINGS, new ProjectConfigCache(), dir);
    assert.equal(config.maxFileSize, 100);
    assert.equal(skipReason(scriptSource(uri, 'x = 1\n'.repeat(50)), config.maxFileSize), 'it is 300 bytes, over the 100 bytes limit (setting mlDebt.maxFileSizeMB, or max-file-size in [tool.mldebt])');
  });

  it('prints small sizes in bytes or KB, never "0.0 MB"', () => {
    assert.equal(formatSize(1), '1 byte');
    assert.equal(formatSize(2048), '2 KB');
    assert.equal(formatSize(5 * 1024 * 1024), '5 MB');
  });
});
