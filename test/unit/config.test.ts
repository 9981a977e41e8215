import { strict as assert } from 'node:assert';
import { parseProjectConfig } from '../../server/src/config/pyproject';
import { defaultConfig, effectiveSeverity, mergeConfig } from '../../server/src/config/settings';
import { readEditorSettings } from '../../server/src/config/editorSettings';
import { missingRandomState } from '../../server/src/detectors/mld802-missing-random-state';
import { unseededRandomness } from '../../server/src/detectors/mld801-unseeded-randomness';
import { RULES } from '../../server/src/detectors';
import { py, run } from '../support/engine';
import { applyToSource } from '../../server/src/documents/source';

const meta = missingRandomState.meta;

describe('configuration', () => {
  it('picks the most specific severity: code, then prefix, then ALL', () => {
    const config = mergeConfig(defaultConfig(), { severity: { ALL: 'hint', MLD8: 'error', MLD802: 'information' } });
    assert.equal(effectiveSeverity(config, meta), 'information');
    assert.equal(effectiveSeverity(config, unseededRandomness.meta), 'error');
    assert.equal(effectiveSeverity(mergeConfig(defaultConfig(), { severity: { 'missing-random-state': 'off' } }), meta), 'off');
  });

  it('selects and ignores by code, prefix and name', () => {
    assert.equal(effectiveSeverity(mergeConfig(defaultConfig(), { select: ['MLD7'] }), meta), 'off');
    assert.equal(effectiveSeverity(mergeConfig(defaultConfig(), { select: ['MLD8'], ignore: ['MLD802'] }), meta), 'off');
    assert.equal(effectiveSeverity(mergeConfig(defaultConfig(), { select: ['MLD802'], ignore: ['MLD8'] }), meta), 'warning', 'a code beats a prefix');
    assert.equal(effectiveSeverity(mergeConfig(defaultConfig(), { ignore: ['ALL'] }), meta), 'off');
  });

  it('runs the recommended rules by default; opt-in rules run when selected, by ALL, code or extend-select', () => {
    const optIn = RULES.find((rule) => !rule.meta.recommended)!.meta;
    assert.ok(meta.recommended, 'MLD802 is recommended');
    assert.equal(effectiveSeverity(defaultConfig(), meta), 'warning');
    assert.equal(effectiveSeverity(defaultConfig(), optIn), 'off', `${optIn.code} is opt-in`);
    assert.equal(effectiveSeverity(mergeConfig(defaultConfig(), { select: ['ALL'] }), optIn), optIn.severity);
    assert.equal(effectiveSeverity(mergeConfig(defaultConfig(), { select: [optIn.code] }), optIn), optIn.severity);
    assert.equal(effectiveSeverity(mergeConfig(defaultConfig(), { select: [optIn.code] }), meta), 'off', 'select replaces the default set');
    const extended = mergeConfig(defaultConfig(), { extendSelect: [optIn.code] });
    assert.equal(effectiveSeverity(extended, optIn), optIn.severity);
    assert.equal(effectiveSeverity(extended, meta), 'warning', 'extend-select keeps the default set');
    assert.equal(effectiveSeverity(mergeConfig(extended, { ignore: [optIn.code] }), optIn), 'off');
    const project = parseProjectConfig(`[tool.mldebt]\nextend-select = ["${optIn.code}", "MLD99"]\n`);
    assert.deepEqual(project.config.extendSelect, [optIn.code]);
    assert.match(project.problems.join('\n'), /MLD99/, 'an unknown code in extend-select is reported');
  });

  it('reads [tool.mldebt] and reports its problems instead of throwing', () => {
    const good = parseProjectConfig('[tool.mldebt]\nselect = ["MLD8"]\nignore = ["MLD801"]\nexclude = ["scratch/**"]\n[tool.mldebt.severity]\nMLD802 = "error"\n');
    assert.deepEqual(good.problems, []);
    assert.deepEqual(good.config.select, ['MLD8']);
    assert.deepEqual(good.exclude, ['scratch/**']);
    assert.deepEqual(good.config.severity, { MLD802: 'error' });
    const bad = parseProjectConfig('[tool.mldebt]\nselect = "MLD8"\ncolour = 1\n[tool.mldebt.severity]\nMLD802 = "loud"\n');
    assert.equal(bad.problems.length, 3);
    const broken = parseProjectConfig('[tool.mldebt\n');
    assert.match(broken.problems[0], /not valid TOML/);
    assert.deepEqual(parseProjectConfig('[project]\nname = "x"\n').config, {});
  });

  it('validates editor settings', () => {
    const settings = readEditorSettings({ enable: 'yes', run: 'onSave', severity: { MLD802: 'error', MLD801: 'loud' }, maxFileSizeMB: -1, codeAction: { disableRuleComment: { enable: false } } });
    assert.equal(settings.enable, true);
    assert.equal(settings.run, 'onSave');
    assert.deepEqual(settings.severity, { MLD802: 'error' });
    assert.equal(settings.maxFileSizeMB, 5);
    assert.equal(settings.disableRuleComment, false);
  });
});

describe('suppression comments', () => {
  const code = py`
    from sklearn.model_selection import train_test_split
    a = train_test_split(X)  # mldebt: ignore[MLD802]
    b = train_test_split(X)  # mldebt: ignore[missing-random-state, MLD801]
    c = train_test_split(X)  # mldebt: ignore
    d = train_test_split(X)  # mldebt: ignore[MLD801]
    e = train_test_split(X)  # noqa
  `;

  // The five splits are one missing seed: one finding, whose places are the calls no directive covers.
  it('honours codes, names and bare ignores on the line', async () => {
    const { result } = await run(code, [missingRandomState]);
    assert.deepEqual(result.findings.map((f) => [f.range.start.line + 1, ...f.related.map((r) => r.range.start.line + 1)]), [[5, 6]]);
  });

  it('writes or extends the directive', async () => {
    const { source, doc, result } = await run(code, [missingRandomState]);
    assert.deepEqual(result.findings.map((f) => f.ignoreEdit?.newText), [', MLD802']);
    // Once written, the finding moves to the next call left, whose line gets a new directive.
    const ignored = applyToSource(source, doc, [result.findings[0].ignoreEdit!])!;
    const next = await run(ignored.cells[0].text, [missingRandomState]);
    assert.deepEqual(next.result.findings.map((f) => [f.range.start.line + 1, f.ignoreEdit?.newText]), [[6, '  # mldebt: ignore[MLD802]']]);
  });

  it('reads a directive in any case, as the rule codes and names in it', async () => {
    const { result } = await run(py`
      from sklearn.model_selection import train_test_split
      a = train_test_split(X)  # MLDEBT: IGNORE[mld802]
      b = train_test_split(X)  # MlDebt: Ignore
      c = train_test_split(X)  # Mldebt: ignore[Missing-Random-State]
      d = train_test_split(X)  # MLDEBT: IGNORE[MLD801]
    `, [missingRandomState]);
    assert.deepEqual(result.findings.map((f) => f.range.start.line + 1), [5]);
    const file = await run(`# MLDEBT: IGNORE-FILE\n${code}`, [missingRandomState]);
    assert.equal(file.result.findings.length, 0);
  });

  it('honours file- and cell-level directives', async () => {
    const file = await run(`# mldebt: ignore-file[MLD802]\n${code}`, [missingRandomState]);
    assert.equal(file.result.findings.length, 0);
    const cells = await run(['from sklearn.model_selection import train_test_split\n', '# mldebt: ignore-cell\na = train_test_split(X)\n', 'b = train_test_split(X)\n'], [missingRandomState]);
    assert.equal(cells.result.findings.length, 1);
  });

  it('does not write a comment inside a multi-line string or after a continuation', async () => {
    const { result } = await run(py`
      from sklearn.model_selection import train_test_split
      a = train_test_split(X, y, test_size=0.2) if f("""
      """) else train_test_split(y)
    `, [missingRandomState]);
    assert.equal(result.findings[0].ignoreEdit?.range.start.line, 2, 'moved to the last line of the statement');
    assert.equal(result.findings[0].ignoreEdit?.newText, '  # mldebt: ignore[MLD802]');
  });

  it('every rule of the registry runs on an empty and on a broken file without error', async () => {
    for (const text of ['', 'def f(:\n  x = (\n', '\t\t!!!', 'import numpy as np\nnp.random.']) {
      const { result } = await run(text, RULES);
      assert.deepEqual(result.errors, []);
    }
  });
});
