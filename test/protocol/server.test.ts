// Protocol tests: the bundled server (dist/server.js --stdio) driven over real JSON-RPC.
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyLspEdits, messageOf, useTestClient } from '../support/lspClient';
import { parsesCleanly, py } from '../support/engine';
import { SERVER_EXEC_ARGV } from '../../server/src/engine/heap';

const SCRIPT_URI = 'file:///work/project/train.py';

const SCRIPT = py`
  import numpy as np
  from sklearn.model_selection import train_test_split
  from sklearn.ensemble import RandomForestClassifier

  X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
  clf = RandomForestClassifier(n_estimators=100, random_state=0)
  proba = clf.predict_proba(X_test)[:, 1]
  labels = proba > 0.5
`;

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

describe('language server over stdio', function () {
  this.timeout(30000);
  const client = useTestClient();

  function open(uri: string, text: string, version = 1): Promise<void> {
    return client().connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
  }

  async function quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
  }

  it('runs with the Node flags the VS Code client starts it with, and names them in its first log line', async () => {
    const firstLine = () => client().logs.find((line) => line.includes('ML Debt Lens server'));
    for (let waited = 0; !firstLine() && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.match(firstLine() ?? '', /started \(Node v\d+[^,]*, (.*)\)$/);
    assert.equal(/, (.*)\)$/.exec(firstLine()!)![1], SERVER_EXEC_ARGV.join(' '));
  });

  it('publishes diagnostics with our source, code, docs link and message', async () => {
    await open(SCRIPT_URI, SCRIPT);
    const diagnostics = await client().waitFor(SCRIPT_URI, (d) => d.length > 0);
    assert.deepEqual(codes(diagnostics), ['MLD701', 'MLD802']);
    const split = diagnostics.find((d) => d.code === 'MLD802')!;
    assert.equal(split.source, 'ml-debt');
    assert.match(split.codeDescription!.href, /docs\/rules\/MLD802-missing-random-state\.md$/);
    assert.match(messageOf(split), /train_test_split.*random_state/);
    assert.deepEqual(split.range, { start: { line: 4, character: 35 }, end: { line: 4, character: 51 } });
  });

  it('follows incremental edits', async () => {
    await open(SCRIPT_URI, SCRIPT);
    await client().waitFor(SCRIPT_URI, (d) => d.length === 2);
    // Add `, random_state=1` before the closing parenthesis of train_test_split.
    const line = SCRIPT.split('\n')[4];
    const at = line.lastIndexOf(')');
    await client().connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: SCRIPT_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: at }, end: { line: 4, character: at } }, text: ', random_state=1' }],
    });
    const after = await client().waitFor(SCRIPT_URI, (d) => d.length === 1);
    assert.deepEqual(codes(after), ['MLD701']);
  });

  it('hovers with the paper category and section', async () => {
    await open(SCRIPT_URI, SCRIPT);
    const diagnostics = await client().waitFor(SCRIPT_URI, (d) => d.length > 0);
    const threshold = diagnostics.find((d) => d.code === 'MLD701')!;
    const hover: Hover = await client().connection.sendRequest('textDocument/hover', { textDocument: { uri: SCRIPT_URI }, position: threshold.range.start });
    const markdown = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(markdown, /MLD701 fixed-decision-threshold/);
    assert.match(markdown, /Sculley et al\., \*Hidden Technical Debt in Machine Learning Systems\*, NeurIPS 2015, §7, Fixed Thresholds in Dynamic Systems/);
    // The card fits the hover: the one-line why and the fix come first, the citation after them.
    const order = [/^\*\*MLD701 fixed-decision-threshold\*\* — /, /\*\*Fix:\*\*/, /Sculley et al\./, /\[MLD701 documentation\]/].map((re) => markdown.search(re));
    assert.deepEqual([...order].sort((a, b) => a - b), order, `in order: why, fix, category, link; got ${order}`);
    assert.ok(order.every((at) => at >= 0));
    assert.doesNotMatch(markdown, /command:/);
    const nothing = await client().connection.sendRequest('textDocument/hover', { textDocument: { uri: SCRIPT_URI }, position: { line: 0, character: 0 } });
    assert.equal(nothing, null);
  });

  it('offers a fix whose edit removes the finding and leaves valid Python', async () => {
    await open(SCRIPT_URI, SCRIPT);
    const diagnostics = await client().waitFor(SCRIPT_URI, (d) => d.length === 2);
    const threshold = diagnostics.find((d) => d.code === 'MLD701')!;
    const actions = await quickFixes(SCRIPT_URI, threshold);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(fix, 'the preferred fix');
    assert.match(fix.title, /^MLD701: Extract 0\.5 to a named constant DECISION_THRESHOLD$/);
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['MLD701']);
    const fixed = applyLspEdits(SCRIPT, fix.edit!.changes![SCRIPT_URI]);
    assert.match(fixed, /DECISION_THRESHOLD = 0\.5\nlabels = proba > DECISION_THRESHOLD/);
    assert.ok(await parsesCleanly(fixed));
    await client().connection.sendNotification('textDocument/didChange', { textDocument: { uri: SCRIPT_URI, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client().waitFor(SCRIPT_URI, (d) => !d.some((x) => x.code === 'MLD701'));
    assert.deepEqual(codes(after), ['MLD802']);
  });

  it('ignore on this line writes the suppression comment, and it is honoured', async () => {
    await open(SCRIPT_URI, SCRIPT);
    const diagnostics = await client().waitFor(SCRIPT_URI, (d) => d.length === 2);
    const split = diagnostics.find((d) => d.code === 'MLD802')!;
    const actions = await quickFixes(SCRIPT_URI, split);
    assert.deepEqual(actions.map((a) => a.title), [
      'MLD802: Set random_state=SEED (unsafe: changes behaviour)',
      'MLD802: Ignore missing-random-state on this line',
      'MLD802: Ignore missing-random-state in this file',
      'MLD802: Show documentation for missing-random-state',
    ]);
    assert.deepEqual(actions.map((a) => !!a.isPreferred), [true, false, false, false], 'the rule\'s fix is the main action');
    const ignore = actions[1];
    const fixed = applyLspEdits(SCRIPT, ignore.edit!.changes![SCRIPT_URI]);
    assert.match(fixed.split('\n')[4], /test_size=0\.2\)  # mldebt: ignore\[MLD802\]$/);
    await client().connection.sendNotification('textDocument/didChange', { textDocument: { uri: SCRIPT_URI, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client().waitFor(SCRIPT_URI, (d) => d.length === 1);
    assert.deepEqual(codes(after), ['MLD701']);
  });

  it('fix all applies the safe fixes only', async () => {
    await open(SCRIPT_URI, SCRIPT);
    await client().waitFor(SCRIPT_URI, (d) => d.length === 2);
    const actions: CodeAction[] = await client().connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: SCRIPT_URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.mldebt');
    const fixed = applyLspEdits(SCRIPT, actions[0].edit!.changes![SCRIPT_URI]);
    assert.match(fixed, /DECISION_THRESHOLD/);
    assert.doesNotMatch(fixed, /random_state=SEED/, 'unsafe fixes are never part of fix all');
  });

  it('stays up on bad input: syntax errors, half-typed code, binary junk, huge files', async () => {
    await open('file:///w/broken.py', 'import numpy as np\nx = np.random.rand(\ndef (:\n');
    await client().waitFor('file:///w/broken.py');
    await open('file:///w/junk.py', '\u0000\u0001\u0002binary\u0000');
    await client().waitFor('file:///w/junk.py', (d) => d.length === 0);
    await open('file:///w/huge.py', 'x = 1\n'.repeat(1_000_000));
    await client().waitFor('file:///w/huge.py', (d) => d.length === 0);
    await open(SCRIPT_URI, SCRIPT);
    assert.equal((await client().waitFor(SCRIPT_URI, (d) => d.length === 2)).length, 2);
    assert.ok(client().messages.some((m) => /skipped junk\.py: it looks like a binary file/.test(m.message)));
    assert.ok(client().messages.some((m) => /skipped huge\.py: it is 5\.7 MB, over the 5 MB limit/.test(m.message)));
    assert.equal(client().exited, false);
  });

  it('clears diagnostics when a document closes', async () => {
    await open(SCRIPT_URI, SCRIPT);
    await client().waitFor(SCRIPT_URI, (d) => d.length === 2);
    await client().connection.sendNotification('textDocument/didClose', { textDocument: { uri: SCRIPT_URI } });
    await client().waitFor(SCRIPT_URI, (d) => d.length === 0);
  });
});

describe('language server settings', function () {
  this.timeout(30000);
  const client = useTestClient({ settings: { severity: { MLD802: 'error', 'fixed-decision-threshold': 'off' } } });

  it('applies severity settings, "off" included', async () => {
    await client().connection.sendNotification('textDocument/didOpen', { textDocument: { uri: SCRIPT_URI, languageId: 'python', version: 1, text: SCRIPT } });
    const diagnostics = await client().waitFor(SCRIPT_URI, (d) => d.length > 0);
    assert.deepEqual(codes(diagnostics), ['MLD802']);
    assert.equal(diagnostics[0].severity, 1);
    client().setSettings({ enable: false });
    await client().connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client().waitFor(SCRIPT_URI, (d) => d.length === 0);
  });

  it('analyses a document shown in an editor before the others waiting', async () => {
    // A long script keeps the server busy while three more arrive; the last of them is shown.
    const long = Array.from({ length: 400 }, (_, i) => SCRIPT.replace(/\b(X_train|X_test|y_train|y_test|clf|proba|labels)\b/g, `$1_${i}`)).join('\n');
    const [first, hidden1, hidden2, shown] = ['long', 'a', 'b', 'shown'].map((name) => `file:///work/project/${name}.py`);
    await client().connection.sendNotification('mlDebt/visibleDocuments', { uris: [shown] });
    const order: string[] = [];
    client().onPublish.push(({ uri }) => { if (!order.includes(uri)) order.push(uri); });
    const open = (uri: string, text: string) => client().connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    await open(first, long);
    for (const uri of [hidden1, hidden2, shown]) await open(uri, SCRIPT);
    await Promise.all([first, hidden1, hidden2, shown].map((uri) => client().waitFor(uri, (d) => d.length > 0, 20000)));
    assert.deepEqual(order, [first, shown, hidden1, hidden2]);
  });
});
