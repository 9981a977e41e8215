// Protocol tests for what the VS Code extension builds on: code actions limited to the request's
// diagnostics, the cell and file ignore actions, the documentation action, the hover layout and
// the ignore-comment hover, Fix All on request, and Check Workspace with its exclusions.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type CodeAction, type Diagnostic, type Hover, type MarkupContent, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { CheckWorkspaceResult, FileFindings } from '../../server/src/features/workspaceProtocol';
import { applyLspEdits, TestClient, useTestClient } from '../support/lspClient';
import { py } from '../support/engine';

const SCRIPT_URI = 'file:///work/project/train.py';
// One line with two findings of different rules on the same call.
const TWO_ON_ONE_LINE = py`
  from sklearn.ensemble import RandomForestClassifier

  clf = RandomForestClassifier()
`;

const NB = 'file:///work/project/draws.ipynb';
const cell = (n: number) => `vscode-notebook-cell:/work/project/draws.ipynb#W${n}sZmlsZQ==`;
const CELLS = [
  { uri: cell(0), text: '# Noise', kind: 1, languageId: 'markdown' },
  { uri: cell(1), text: 'import numpy as np\nfrom sklearn.model_selection import train_test_split\n', kind: 2, languageId: 'python' },
  { uri: cell(2), text: 'noise = np.random.normal(0, 1, 10)\ntrain_test_split(noise, random_state=0)\n', kind: 2, languageId: 'python' },
];

async function openNotebook(client: TestClient): Promise<void> {
  await client.connection.sendNotification('notebookDocument/didOpen', {
    notebookDocument: { uri: NB, notebookType: 'jupyter-notebook', version: 1, cells: CELLS.map((c) => ({ kind: c.kind, document: c.uri })) },
    cellTextDocuments: CELLS.map((c) => ({ uri: c.uri, languageId: c.languageId, version: 1, text: c.text })),
  });
}

function quickFixes(client: TestClient, uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only: ['quickfix'] } });
}

describe('extension features over LSP', function () {
  this.timeout(30000);
  const client = useTestClient();

  const open = (uri: string, text: string) => client().connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });

  it('answers code actions only for the diagnostics in the request (the LSP contract)', async () => {
    await open(SCRIPT_URI, TWO_ON_ONE_LINE);
    const diagnostics = await client().waitFor(SCRIPT_URI, (d) => d.length >= 2);
    const codes = new Set(diagnostics.map((d) => String(d.code)));
    assert.ok(codes.has('MLD604') && codes.has('MLD802'), `two rules on one call; got ${[...codes]}`);
    const implicit = diagnostics.find((d) => d.code === 'MLD604')!;
    const wholeLine = { start: { line: 2, character: 0 }, end: { line: 2, character: 40 } };
    const actions = await quickFixes(client(), SCRIPT_URI, wholeLine, [implicit]);
    assert.ok(actions.length > 0);
    assert.deepEqual(actions.filter((a) => !a.title.startsWith('MLD604:')).map((a) => a.title), [], 'no action for the other finding on the range');
    assert.deepEqual(await quickFixes(client(), SCRIPT_URI, wholeLine, []), [], 'no diagnostics asked about, no quick fixes');
  });

  it('offers the rule documentation as a command action, once per rule', async () => {
    await open(SCRIPT_URI, TWO_ON_ONE_LINE);
    const diagnostics = await client().waitFor(SCRIPT_URI, (d) => d.length >= 2);
    const split = diagnostics.find((d) => d.code === 'MLD802')!;
    const actions = await quickFixes(client(), SCRIPT_URI, split.range, [split]);
    const docs = actions.filter((a) => a.command);
    assert.equal(docs.length, 1);
    assert.equal(docs[0].title, 'MLD802: Show documentation for missing-random-state');
    assert.deepEqual(docs[0].command, { title: 'Show documentation for MLD802', command: 'mlDebt.showRuleDocumentation', arguments: ['MLD802'] });
  });

  it('ignores a rule in this cell with a directive on the cell\'s first line, which is honoured', async () => {
    await openNotebook(client());
    const [draw] = (await client().waitFor(cell(2), (d) => d.some((x) => x.code === 'MLD801'))).filter((d) => d.code === 'MLD801');
    const actions = await quickFixes(client(), cell(2), draw.range, [draw]);
    const inCell = actions.find((a) => a.title === 'MLD801: Ignore unseeded-randomness in this cell');
    assert.ok(inCell, `got ${actions.map((a) => a.title).join(', ')}`);
    const edits = inCell.edit!.changes![cell(2)];
    assert.deepEqual(edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# mldebt: ignore-cell[MLD801]\n' }]);
    assert.deepEqual(Object.keys(inCell.edit!.changes!), [cell(2)], 'only the finding\'s cell changes');
    await client().connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 2 },
      change: { cells: { textContent: [{ document: { uri: cell(2), version: 2 }, changes: edits.map((e) => ({ range: e.range, text: e.newText })) }] } },
    });
    await client().waitFor(cell(2), (d) => !d.some((x) => x.code === 'MLD801'));
    const again = await quickFixes(client(), cell(2), draw.range, []);
    assert.deepEqual(again, []);
  });

  it('ignores a rule in this file: in a notebook, at the top of its first code cell; a second rule extends the directive', async () => {
    await openNotebook(client());
    const [draw] = (await client().waitFor(cell(2), (d) => d.some((x) => x.code === 'MLD801'))).filter((d) => d.code === 'MLD801');
    const actions = await quickFixes(client(), cell(2), draw.range, [draw]);
    const inFile = actions.find((a) => a.title === 'MLD801: Ignore unseeded-randomness in this file');
    assert.ok(inFile);
    assert.deepEqual(inFile.edit!.changes, { [cell(1)]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# mldebt: ignore-file[MLD801]\n' }] });

    // In a script, an existing file directive is extended, not repeated.
    const text = `# mldebt: ignore-file[MLD604]\n${TWO_ON_ONE_LINE}`;
    await open(SCRIPT_URI, text);
    const diagnostics = await client().waitFor(SCRIPT_URI, (d) => d.some((x) => x.code === 'MLD802'));
    assert.ok(!diagnostics.some((d) => d.code === 'MLD604'), 'the directive is honoured');
    const split = diagnostics.find((d) => d.code === 'MLD802')!;
    const fileIgnore = (await quickFixes(client(), SCRIPT_URI, split.range, [split])).find((a) => a.title.endsWith('in this file'))!;
    const fixed = applyLspEdits(text, fileIgnore.edit!.changes![SCRIPT_URI]);
    assert.equal(fixed.split('\n')[0], '# mldebt: ignore-file[MLD604, MLD802]');
    assert.equal(fixed.split('\n').slice(1).join('\n'), text.split('\n').slice(1).join('\n'), 'nothing else changes');
    assert.ok(!(await quickFixes(client(), SCRIPT_URI, split.range, [split])).some((a) => a.title.endsWith('in this cell')), 'no cell action in a script');
  });

  it('hovers a related place as "cell N, line M"', async () => {
    await client().connection.sendNotification('notebookDocument/didOpen', {
      notebookDocument: { uri: NB, notebookType: 'jupyter-notebook', version: 1, cells: [{ kind: 2, document: cell(1) }, { kind: 2, document: cell(2) }] },
      cellTextDocuments: [
        { uri: cell(1), languageId: 'python', version: 1, text: 'import pandas as pd\nprint(total)\n' },
        { uri: cell(2), languageId: 'python', version: 1, text: 'x = 1\ntotal = 3\n' },
      ],
    });
    const [late] = (await client().waitFor(cell(1), (d) => d.some((x) => x.code === 'MLD805'))).filter((d) => d.code === 'MLD805');
    const hover: Hover = await client().connection.sendRequest('textDocument/hover', { textDocument: { uri: cell(1) }, position: late.range.start });
    assert.match((hover.contents as MarkupContent).value, /Related: cell 2, line 2: /);
  });

  it('hovers a rule code inside an ignore comment with that rule\'s summary', async () => {
    const text = 'x = 1  # mldebt: ignore[MLD604, MLD802]\n';
    await open(SCRIPT_URI, text);
    await client().waitFor(SCRIPT_URI);
    const at = (character: number): Promise<Hover | null> => client().connection.sendRequest('textDocument/hover', { textDocument: { uri: SCRIPT_URI }, position: { line: 0, character } });
    const hover = await at(text.indexOf('MLD802') + 2);
    const markdown = (hover!.contents as MarkupContent).value;
    assert.match(markdown, /^\*\*MLD802 missing-random-state\*\* — A random splitter or estimator/);
    assert.match(markdown, /§8, Reproducibility Debt/);
    assert.equal(await at(2), null, 'nothing outside the comment');
  });

  it('answers Fix All for a file with the safe fixes only', async () => {
    const text = py`
      proba = model.predict_proba(X)[:, 1]
      labels = proba > 0.5
      from sklearn.model_selection import train_test_split
      parts = train_test_split(X, y)
    `;
    await open(SCRIPT_URI, text);
    await client().waitFor(SCRIPT_URI, (d) => d.some((x) => x.code === 'MLD701'));
    const result: { edit: WorkspaceEdit; applied: number } = await client().connection.sendRequest('mlDebt/fixAll', { uri: SCRIPT_URI });
    assert.equal(result.applied, 1);
    const fixed = applyLspEdits(text, result.edit.changes![SCRIPT_URI]);
    assert.match(fixed, /labels = proba > DECISION_THRESHOLD/);
    assert.doesNotMatch(fixed, /random_state/, 'the unsafe seeding fix is not applied');
  });
});

describe('Check Workspace over LSP', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  const findings = new Map<string, FileFindings>();
  const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  const UNSEEDED_SPLIT = 'from sklearn.model_selection import train_test_split\nparts = train_test_split(X, y)\n';

  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'mldebt-scan-'));
    const write = (relative: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), text);
    };
    write('train.py', UNSEEDED_SPLIT);
    write('open_in_editor.py', UNSEEDED_SPLIT);
    write('generated/copy.py', UNSEEDED_SPLIT);
    write('.gitignore', '# build output\ngenerated/\n');
    write('scratch/try.py', UNSEEDED_SPLIT);
    write('vendored/lib.py', UNSEEDED_SPLIT);
    write('pyproject.toml', '[tool.mldebt]\nexclude = ["vendored/**"]\n');
    write('explore.ipynb', JSON.stringify({
      nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: 'python' } },
      cells: [{ cell_type: 'markdown', metadata: {}, source: ['# Split'] }, { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: UNSEEDED_SPLIT }],
    }));
    findings.clear();
    client = await TestClient.start({ workspaceFolder: root });
    client.connection.onNotification('mlDebt/findings', (params: unknown) => {
      findings.set((params as FileFindings).uri, params as FileFindings);
    });
  });

  afterEach(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('analyses the workspace\'s files on disk, honouring .gitignore, [tool.mldebt] exclude and the editor\'s globs; open files keep the editor\'s text', async () => {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('open_in_editor.py'), languageId: 'python', version: 1, text: 'x = 1\n' } });
    await client.waitFor(uriOf('open_in_editor.py'));
    const result: CheckWorkspaceResult = await client.connection.sendRequest('mlDebt/checkWorkspace', { exclude: ['scratch/**'] });
    assert.equal(result.cancelled, false);
    assert.equal(result.files, 3, 'train.py, explore.ipynb, open_in_editor.py');
    assert.equal(result.analysed, 2, 'the open file is not read from disk');
    assert.deepEqual((await client.waitFor(uriOf('train.py'))).map((d) => d.code), ['MLD802']);
    const notebook = findings.get(uriOf('explore.ipynb'));
    assert.equal(notebook?.origin, 'disk');
    assert.deepEqual(notebook?.findings.map((f) => [f.code, f.cell, f.line]), [['MLD802', 1, 1]], 'cell 2 (index 1), line 2');
    for (const skipped of ['generated/copy.py', 'scratch/try.py', 'vendored/lib.py']) assert.equal(findings.has(uriOf(skipped)), false, `${skipped} is excluded`);
    assert.deepEqual(findings.get(uriOf('open_in_editor.py'))?.findings, [], 'the editor\'s clean text, not the file on disk');
    assert.equal(client.diagnostics.has(uriOf('explore.ipynb')), false, 'a closed notebook\'s findings go to the views only');
  });

  it('reads files on disk as the CLI does: a byte-order mark is no character of the code, UTF-16 text is not read', async () => {
    // One line, so a mark read as a character would move the finding's column.
    const oneLine = 'from sklearn.model_selection import train_test_split; parts = train_test_split(X, y)\n';
    writeFileSync(path.join(root, 'plain.py'), oneLine);
    writeFileSync(path.join(root, 'marked.py'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(oneLine)]));
    writeFileSync(path.join(root, 'wide.py'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(oneLine, 'utf16le')]));
    await client.connection.sendRequest('mlDebt/checkWorkspace', { exclude: [] });
    const plain = await client.waitFor(uriOf('plain.py'), (d) => d.length === 1);
    const marked = await client.waitFor(uriOf('marked.py'), (d) => d.length === 1);
    assert.deepEqual(marked.map((d) => [d.code, d.range.start]), plain.map((d) => [d.code, d.range.start]));
    assert.equal(client.diagnostics.has(uriOf('wide.py')), false, 'UTF-16 text is not read as Python');
  });

  it('reads a test module\'s conftest.py: its seed counts in the editor, and a change on disk is seen', async () => {
    const test = 'from sklearn.ensemble import RandomForestClassifier\n\ndef test_forest(X, y):\n    assert RandomForestClassifier().fit(X, y).score(X, y) > 0.9\n';
    mkdirSync(path.join(root, 'tests'));
    writeFileSync(path.join(root, 'tests', 'conftest.py'), 'import numpy as np\nnp.random.seed(0)\n');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('tests/test_forest.py'), languageId: 'python', version: 1, text: test } });
    const seeds = (diagnostics: { code?: unknown }[]) => diagnostics.filter((d) => d.code === 'MLD802').length;
    assert.equal(seeds(await client.waitFor(uriOf('tests/test_forest.py'))), 0);
    writeFileSync(path.join(root, 'tests', 'conftest.py'), 'import numpy as np\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('tests/conftest.py'), type: 2 }] });
    assert.equal(seeds(await client.waitFor(uriOf('tests/test_forest.py'), (d) => seeds(d) > 0)), 1);
  });

  it('reads the project modules an open file imports: a helper\'s save is the program\'s own, as the helper is on disk at each analysis', async () => {
    writeFileSync(path.join(root, 'store.py'), 'import torch\n\ndef save_weights(net, path):\n    torch.save(net.state_dict(), path)\n');
    const text = 'import torch\nfrom store import save_weights\n\nsave_weights(net, "best.pt")\nnet.load_state_dict(torch.load("best.pt"))\n';
    const uri = uriOf('reload.py');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const loads = (diagnostics: { code?: unknown }[]) => diagnostics.filter((d) => d.code === 'MLD908').length;
    assert.equal(loads(await client.waitFor(uri)), 0);
    // The helper no longer saves: the next analysis of the file reads it again.
    writeFileSync(path.join(root, 'store.py'), 'def save_weights(net, path):\n    print(path)\n');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\n` }] });
    assert.equal(loads(await client.waitFor(uri, (d) => loads(d) > 0)), 1);
  });

  it('stops when cancelled, reporting how far it got', async () => {
    for (let i = 0; i < 150; i++) writeFileSync(path.join(root, `many_${i}.py`), UNSEEDED_SPLIT);
    const source = new CancellationTokenSource();
    client.connection.onNotification('mlDebt/scanProgress', (params: unknown) => {
      if ((params as { done: number }).done > 0) source.cancel();
    });
    const result: CheckWorkspaceResult = await client.connection.sendRequest('mlDebt/checkWorkspace', { exclude: [] }, source.token);
    assert.equal(result.cancelled, true);
    assert.ok(result.analysed > 0 && result.analysed < result.files, `${result.analysed} of ${result.files}`);
  });

  it('keeps results current when a file changes on disk after the check', async () => {
    await client.connection.sendRequest('mlDebt/checkWorkspace', { exclude: [] });
    await client.waitFor(uriOf('train.py'), (d) => d.length === 1);
    writeFileSync(path.join(root, 'train.py'), UNSEEDED_SPLIT.replace('(X, y)', '(X, y, random_state=0)'));
    await client.connection.sendNotification('mlDebt/filesChanged', { changed: [uriOf('train.py')], deleted: [] });
    await client.waitFor(uriOf('train.py'), (d) => d.length === 0);
    // The views' notification follows the diagnostics.
    for (let i = 0; i < 50 && findings.get(uriOf('train.py'))?.findings.length; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(findings.get(uriOf('train.py'))?.findings, []);

    // A new file is analysed, one in an excluded folder is not.
    writeFileSync(path.join(root, 'added.py'), UNSEEDED_SPLIT);
    writeFileSync(path.join(root, 'generated', 'added.py'), UNSEEDED_SPLIT);
    await client.connection.sendNotification('mlDebt/filesChanged', { changed: [uriOf('generated/added.py'), uriOf('added.py')], deleted: [] });
    await client.waitFor(uriOf('added.py'), (d) => d.length === 1);
    assert.equal(client.diagnostics.has(uriOf('generated/added.py')), false, 'the .gitignore still applies');
  });
});
