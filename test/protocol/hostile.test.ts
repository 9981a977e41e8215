// Protocol behaviour under hostile or unlucky clients and workspaces: clients that refuse
// message requests, wrong-typed parameters, cancelled requests, configuration floods, a budget
// that runs out, line endings LSP knows.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver-protocol';
import { messageOf, TestClient } from '../support/lspClient';

const BIG = Array.from({ length: 1000 }, (_, i) => `df${i} = pd.read_csv("data_${i}.csv")\nmodel${i} = RandomForestClassifier(n_estimators=${i + 1})\n`).join('');

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as ResponseError<unknown>;
  }
  assert.fail('the request was answered, not refused');
}

// An unseeded draw that reaches a split: MLD801, a recommended rule, reports it.
const DRAW = 'import numpy as np\nfrom sklearn.model_selection import train_test_split\nx = np.random.rand(3)\ntrain_test_split(x, random_state=0)\n';

describe('language server under hostile input', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mld-proto-'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  function open(uri: string, text: string): Promise<void> {
    return client!.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  }

  it('sends one notification per configuration file, however many problems, to a client that rejects message requests', async () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `unknown_${i} = 1`).join('\n');
    writeFileSync(path.join(dir, 'pyproject.toml'), `[tool.mldebt]\n${keys}\nselect = ["NOPE999"]\n`);
    // No editor select: the project's (misspelt) select is the one in force.
    client = await TestClient.start({ workspaceFolder: dir, rejectShowMessageRequest: true, settings: { select: [] } });
    for (const name of ['a.py', 'b.py', 'c.py']) {
      const uri = `file://${dir}/${name}`;
      await open(uri, DRAW);
      const diagnostics = await client.waitFor(uri);
      assert.ok(diagnostics.some((d) => d.code === 'MLD801'), 'the misspelt select leaves the default rules running');
    }
    const popups = client.messages.filter((m) => m.message.includes('pyproject.toml'));
    assert.equal(popups.length, 1, popups.map((m) => m.message).join('\n'));
    assert.match(popups[0].message, /and 2001 more problem/);
    assert.ok(client.logs.filter((l) => l.includes('pyproject.toml')).length <= 25, 'details are capped in the output too');
    assert.ok(!client.logs.some((l) => /unhandled rejection/.test(l)), client.logs.filter((l) => /unhandled/.test(l)).join('\n'));
  });

  it('honours max-file-size from pyproject.toml and prints small sizes in bytes', async () => {
    writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.mldebt]\nmax-file-size = 100\n');
    client = await TestClient.start({ workspaceFolder: dir });
    const uri = `file://${dir}/big.py`;
    await open(uri, 'import numpy as np\n' + 'x = np.random.rand(3)\n'.repeat(20));
    assert.deepEqual(await client.waitFor(uri), []);
    const deadline = Date.now() + 5000;
    while (!client.messages.some((m) => m.message.includes('skipped')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.match(client.messages.find((m) => m.message.includes('skipped'))!.message, /it is 459 bytes, over the 100 bytes limit/);
  });

  it('answers wrong-typed parameters with InvalidParams and a message', async () => {
    client = await TestClient.start();
    const hover = await rejection(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 42 }, position: { line: 'x' } }));
    assert.equal(hover.code, -32602);
    assert.match(hover.message, /textDocument\.uri must be a string/);
    const action = await rejection(client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///x.py' }, range: { start: { line: 0, character: 0 }, end: null }, context: {} }));
    assert.equal(action.code, -32602);
    assert.match(action.message, /range must be/);
    const noContext = await rejection(client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///x.py' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
    assert.match(noContext.message, /context\.diagnostics must be a list/);
  });

  it('stops a cancelled hover and code action on a large file', async () => {
    client = await TestClient.start();
    const uri = 'file:///work/big.py';
    await open(uri, `import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\n${BIG}`);
    const hoverToken = new CancellationTokenSource();
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } }, hoverToken.token);
    hoverToken.cancel();
    assert.equal((await rejection(hover)).code, -32800);
    // An edit makes the next request wait for a new analysis, during which the cancel arrives.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }] });
    const actionToken = new CancellationTokenSource();
    const action = client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, context: { diagnostics: [] } }, actionToken.token);
    actionToken.cancel();
    assert.equal((await rejection(action)).code, -32800);
    const answered = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
    assert.notEqual(answered, undefined, 'an uncancelled request is still answered');
  });

  it('says which rule ran out of the time budget and keeps answering', async () => {
    client = await TestClient.start({ initializationOptions: { analysisBudgetMs: 1 } });
    const uri = 'file:///work/budget.py';
    await open(uri, `import pandas as pd\nfrom sklearn.ensemble import RandomForestClassifier\n${BIG.slice(0, 20000)}`);
    const diagnostics = await client.waitFor(uri);
    const stop = diagnostics.find((d) => /time budget/.test(messageOf(d)));
    assert.ok(stop, 'a diagnostic says the budget ran out');
    assert.match(messageOf(stop), /MLD\d{3}/);
    assert.deepEqual(stop.range.start, { line: 0, character: 0 });
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.notEqual(hover, undefined);
  });

  it('counts a lone \\r as a line break in published positions', async () => {
    client = await TestClient.start();
    const uri = 'file:///work/cr.py';
    await open(uri, 'import numpy as np\rx = np.random.rand(3)\rfrom sklearn.model_selection import train_test_split\rtrain_test_split(x, random_state=0)\r');
    const diagnostics = await client.waitFor(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.find((d) => d.code === 'MLD801')?.range.start, { line: 1, character: 4 });
  });
});
