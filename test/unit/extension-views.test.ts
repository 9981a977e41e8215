// Unit tests for the extension's pages and the server helpers behind its workspace features:
// the overview's HTML (strict CSP, nothing from the network, escaped names), the categories page,
// .gitignore matching, the start-up log, the hover's first sentence and the scope-ignore edits.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { categoriesMarkdown } from '../../client/src/categoriesPage';
import { overviewHtml } from '../../client/src/overviewHtml';
import { ProjectConfigCache } from '../../server/src/config/editorSettings';
import { buildDocument, scriptSource } from '../../server/src/documents/source';
import { firstSentence } from '../../server/src/features/hover';
import { scopeIgnoreEdit } from '../../server/src/features/scopeIgnores';
import { startupLines } from '../../server/src/features/startupLog';
import { GitignoreFilter, parseGitignore } from '../../server/src/features/workspaceFiles';
import { catalogue } from '../../server/src/features/workspaceScan';

describe('Debt Overview HTML', () => {
  const data = {
    catalogue: catalogue(),
    sections: [{ section: 8, title: '§8 Other Areas of ML-related Debt', count: 3 }],
    rules: [{ code: 'MLD802', name: 'missing-random-state', count: 3 }],
    files: [{ uri: 'file:///w/a%3Cb.py', label: 'src/<b>.py', count: 3 }],
    total: 3,
    fileCount: 1,
  };

  it('allows nothing but its own nonce\'d style and script, and names no network address', () => {
    const html = overviewHtml(data, 'NONCE123');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    assert.ok(csp);
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-NONCE123'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
    assert.doesNotMatch(html, /(src|href)=["']?https?:/i, 'nothing loaded from the network');
    for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? []) assert.match(tag, /nonce="NONCE123"/, tag);
    assert.doesNotMatch(html, /\sstyle=/, 'no inline style attribute: the policy blocks them');
  });

  it('escapes file names and explains the categories it shows', () => {
    const html = overviewHtml(data, 'n');
    assert.ok(html.includes('src/&lt;b&gt;.py'));
    assert.ok(!html.includes('<b>.py'));
    assert.match(html, /<h3>§8, Reproducibility Debt<\/h3><p>/);
  });
});

describe('Explain Debt Categories page', () => {
  it('has every section of the paper, every rule under its category, and a before/after', () => {
    const page = categoriesMarkdown(catalogue());
    for (let section = 2; section <= 8; section++) assert.match(page, new RegExp(`^## §${section} `, 'm'));
    for (const rule of catalogue().rules) assert.ok(page.includes(`\`${rule.code}\` ${rule.name}`), rule.code);
    assert.ok(/\*\*Before\*\* \(MLD802\):\n\n```python\n/.test(page) || /\*\*Before\*\* \(MLD8\d\d\)/.test(page));
    assert.match(page, /\*\*After:\*\*\n\n```python\n/);
  });
});

describe('.gitignore for Check Workspace', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mldebt-gitignore-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('matches names at any depth, anchored paths, folder-only patterns and nested files', () => {
    writeFileSync(path.join(root, '.gitignore'), '# comment\n*.tmp.py\n/build_out\nscratch/\n!keep.py\n');
    mkdirSync(path.join(root, 'pkg'));
    writeFileSync(path.join(root, 'pkg', '.gitignore'), 'local_*.py\n');
    const filter = new GitignoreFilter(root);
    const at = (relative: string) => filter.ignores(path.join(root, relative));
    assert.equal(at('a/b/c.tmp.py'), true);
    assert.equal(at('build_out/x.py'), true);
    assert.equal(at('src/build_out/x.py'), false, 'an anchored pattern matches at the top only');
    assert.equal(at('deep/scratch/x.py'), true);
    assert.equal(at('scratch.py'), false, 'a folder-only pattern leaves a file of that name');
    assert.equal(at('pkg/local_try.py'), true);
    assert.equal(at('local_try.py'), false, 'a nested .gitignore covers its own folder only');
    assert.equal(at('train.py'), false);
    assert.deepEqual(parseGitignore('!negated\n\n#c\n').length, 0);
  });
});

describe('start-up log', () => {
  it('names the pyproject.toml in effect and reports a broken one with its path as a warning', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mldebt-startup-'));
    try {
      const lines = startupLines([root], new ProjectConfigCache());
      assert.match(lines.info[0], /^ML Debt Lens server \d+\.\d+\.\d+ started/);
      assert.match(lines.info[1], /no pyproject\.toml in effect/);
      writeFileSync(path.join(root, 'pyproject.toml'), '[tool.mldebt\nignore = 1\n');
      const broken = startupLines([root], new ProjectConfigCache());
      assert.match(broken.info[1], new RegExp(`settings from ${path.join(root, 'pyproject.toml').replace(/[.\\/]/g, '\\$&')}`));
      assert.equal(broken.warnings.length, 1);
      assert.ok(broken.warnings[0].includes(path.join(root, 'pyproject.toml')), broken.warnings[0]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('hover helpers and scope ignores', () => {
  it('takes the first sentence, not a cut at an abbreviation or a code span', () => {
    assert.equal(firstSentence('Reproducibility debt (§8): runs differ. Nobody can compare them.'), 'Reproducibility debt (§8): runs differ.');
    assert.equal(firstSentence('Call `model.eval()` first, e.g. before scoring. Then train.'), 'Call `model.eval()` first, e.g. before scoring.');
  });

  it('keeps a shebang and an encoding line first, and writes no cell directive in a script', () => {
    const doc = buildDocument(scriptSource('file:///a.py', '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nx = 1\n'));
    assert.deepEqual(scopeIgnoreEdit(doc, 2, 'MLD802', 'file'), { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '# mldebt: ignore-file[MLD802]\n' });
    assert.equal(scopeIgnoreEdit(doc, 2, 'MLD802', 'cell'), undefined);
  });

  it('offers nothing when a bare directive already covers every rule, and none above a cell magic', () => {
    const covered = buildDocument(scriptSource('file:///a.py', '# mldebt: ignore-file\nx = 1\n'));
    assert.equal(scopeIgnoreEdit(covered, 1, 'MLD802', 'file'), undefined);
    const notebook = buildDocument({ uri: 'file:///n.ipynb', kind: 'notebook', version: 1, cells: [{ uri: 'c1', kind: 'code', language: 'python', text: '%%bash\nls\n' }] });
    assert.equal(scopeIgnoreEdit(notebook, 1, 'MLD507', 'cell'), undefined);
  });
});

describe('manifest strings', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

  /** Every string under a key users read (titles, names, descriptions), with its path. */
  function visible(value: unknown, at: string, out: [string, string][] = []): [string, string][] {
    if (Array.isArray(value)) value.forEach((v, i) => visible(v, `${at}[${i}]`, out));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'string' && /^(title|name|description|markdownDescription|contextualTitle|contents|displayName|category)$/.test(key)) out.push([`${at}.${key}`, v]);
        else if (key === 'enumDescriptions' && Array.isArray(v)) v.forEach((d, i) => out.push([`${at}.${key}[${i}]`, d]));
        else visible(v, `${at}.${key}`, out);
      }
    }
    return out;
  }

  it('takes every user-visible string from package.nls.json, and every key exists', () => {
    const strings = visible(manifest.contributes, 'contributes');
    strings.push(['displayName', manifest.displayName], ['description', manifest.description]);
    assert.ok(strings.length > 50);
    for (const [where, text] of strings) {
      const key = /^%(.+)%$/.exec(text)?.[1];
      assert.ok(key, `${where} is a %key%: ${text}`);
      assert.ok(nls[key], `${where}: ${key} is in package.nls.json`);
    }
    assert.equal(nls.displayName, 'ML Debt Lens');
    assert.equal(nls['configuration.title'], 'ML Debt Lens');
  });

  it('has a walkthrough of 4 to 6 steps whose media ship in the package', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough.steps.length >= 4 && walkthrough.steps.length <= 6);
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    assert.ok(ignore.includes('!client/walkthrough/*.md'));
    for (const step of walkthrough.steps) assert.ok(existsSync(path.join(root, step.media.markdown)), step.media.markdown);
  });
});
