// The registry, the docs, the settings schema and the tests agree; the architecture holds.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { generatedFiles, staleRulePages } from '../../docs/generate';
import { RULES } from '../../server/src/detectors';
import { CATEGORIES, SECTIONS } from '../../server/src/taxonomy/categories';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('rule registry', () => {
  const metas = RULES.map((rule) => rule.meta);

  it('has unique, well-formed codes and names, sorted by code', () => {
    assert.equal(new Set(metas.map((m) => m.code)).size, metas.length);
    assert.equal(new Set(metas.map((m) => m.name)).size, metas.length);
    for (const meta of metas) {
      assert.match(meta.code, /^MLD[2-9]\d\d$/);
      assert.match(meta.name, /^[a-z]+(-[a-z0-9]+)*$/);
    }
    assert.deepEqual(metas.map((m) => m.code), [...metas.map((m) => m.code)].sort());
  });

  it('groups codes by the paper section of their category', () => {
    for (const meta of metas) {
      const section = Number(meta.code[3]);
      const category = CATEGORIES.get(meta.category)!;
      if (section === 9) {
        assert.equal(meta.category, 'ml-api-misuse', meta.code);
        assert.ok(meta.smell, `${meta.code} names its smell and the debt it feeds`);
      } else {
        assert.equal(category.section, section, `${meta.code} is in §${section} but its category is in §${category.section}`);
      }
    }
  });

  it('has at least one rule of its own category in every section of the paper from §2 to §8', () => {
    const covered = new Set(metas.map((meta) => CATEGORIES.get(meta.category)!.section));
    for (let section = 2; section <= 8; section++) assert.ok(covered.has(section), `no rule makes §${section} (${SECTIONS[section]}) visible`);
  });

  it('gives every rule exactly one entry: listeners for the traversal, or a whole-document check', () => {
    for (const rule of RULES) assert.equal(Number(typeof rule.listen === 'function') + Number(typeof rule.check === 'function'), 1, rule.meta.code);
  });

  it('keeps one file per rule, named after it, and one test file per rule', () => {
    for (const meta of metas) {
      const base = `${meta.code.toLowerCase()}-${meta.name}`;
      assert.ok(existsSync(path.join(ROOT, 'server', 'src', 'detectors', `${base}.ts`)), `server/src/detectors/${base}.ts`);
      assert.ok(existsSync(path.join(ROOT, 'test', 'unit', 'rules', `${base}.test.ts`)), `test/unit/rules/${base}.test.ts`);
    }
  });

  it('documents every rule fully, and fix safety matches the declared fix', () => {
    for (const meta of metas) {
      for (const field of ['summary', 'why', 'example', 'fix'] as const) assert.ok(meta.docs[field].length > 20, `${meta.code} docs.${field}`);
      assert.match(meta.docs.why, /§\d/, `${meta.code} cites the paper's section in its explanation`);
    }
  });

  it('has generated docs pages, README table and severity setting up to date (npm run docs)', () => {
    for (const [file, content] of generatedFiles()) {
      assert.ok(existsSync(file), `${path.relative(ROOT, file)} is missing`);
      assert.equal(readFileSync(file, 'utf8'), content, `${path.relative(ROOT, file)} is stale: run npm run docs`);
    }
    assert.deepEqual(staleRulePages(), []);
  });
});

describe('architecture', () => {
  it('keeps vscode out of the server', () => {
    for (const file of files(path.join(ROOT, 'server', 'src'))) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, path.relative(ROOT, file));
    }
  });

  it('keeps LSP types out of the engine (only server.ts and features/ use them)', () => {
    for (const file of files(path.join(ROOT, 'server', 'src'))) {
      const relative = path.relative(path.join(ROOT, 'server', 'src'), file);
      if (relative === 'server.ts' || relative.startsWith('features')) continue;
      assert.doesNotMatch(readFileSync(file, 'utf8'), /from ['"]vscode-languageserver/, relative);
    }
  });

  it('never executes workspace code or reaches the network from the server', () => {
    for (const file of files(path.join(ROOT, 'server', 'src'))) {
      // JavaScript's global eval, not a method named eval (rules talk about PyTorch's `model.eval()`).
      assert.doesNotMatch(readFileSync(file, 'utf8'), /child_process|node:http|node:https|node:net|\bfetch\(|(?<![.\w])eval\(|new Function\(/, path.relative(ROOT, file));
    }
  });
});
