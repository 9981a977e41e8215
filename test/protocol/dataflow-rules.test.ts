// Protocol tests for the rules that follow data through a file (MLD201, MLD202, MLD503, MLD504,
// MLD702, MLD703, MLD810): each one's diagnostic, its hover with the paper's section, and the
// related information that links the other sites of the pattern — across cells in a notebook.
import { strict as assert } from 'node:assert';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { messageOf, TestClient, useTestClient } from '../support/lspClient';
import { py } from '../support/engine';

const SCRIPT_URI = 'file:///work/project/loans.py';
const SCRIPT = py`
  import pandas as pd
  from sklearn.decomposition import PCA
  from sklearn.linear_model import LogisticRegression
  from sklearn.metrics import accuracy_score
  from sklearn.model_selection import train_test_split
  from sklearn.preprocessing import StandardScaler

  loans = pd.read_csv("loans.csv")
  X = loans.drop(columns=["defaulted"])
  X_scaled = StandardScaler().fit_transform(X)
  X_train, X_test, y_train, y_test = train_test_split(X_scaled, loans["defaulted"], random_state=0)
  rescale = StandardScaler()
  pca = PCA(n_components=4, random_state=0)
  train_features = pca.fit_transform(rescale.fit_transform(X_train))
  test_features = pca.transform(rescale.transform(X_test))
  clf = LogisticRegression().fit(train_features, y_train)
  print(accuracy_score(y_test, clf.predict(test_features)))
`;

const NB = 'file:///work/project/eta.ipynb';
const cell = (n: number) => `vscode-notebook-cell:/work/project/eta.ipynb#W${n}sZmlsZQ==`;
const CELLS = [
  'import joblib\nimport pandas as pd\nfrom sklearn.ensemble import GradientBoostingRegressor\nfrom sklearn.linear_model import LinearRegression\n',
  'orders = pd.read_csv("orders.csv")\nassert orders["minutes"].gt(0).all()\neta = GradientBoostingRegressor(random_state=0).fit(orders[["km"]], orders["minutes"])\n',
  'orders["eta"] = eta.predict(orders[["km"]])\nfix = LinearRegression().fit(orders[["eta", "rain"]], orders["minutes"])\n',
  'joblib.dump(fix, "fix.joblib")\n',
];

/** Hover at a diagnostic's start: the rule's heading and the paper's section. */
async function hoverText(client: TestClient, uri: string, diagnostic: Diagnostic): Promise<string> {
  const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start });
  return (hover.contents as MarkupContent).value;
}

describe('data-flow rules over LSP', function () {
  this.timeout(30000);
  const client = useTestClient();

  it('reports MLD201, MLD503, MLD504, MLD703 and MLD810 on a script, with hovers and related sites', async () => {
    await client().connection.sendNotification('textDocument/didOpen', { textDocument: { uri: SCRIPT_URI, languageId: 'python', version: 1, text: SCRIPT } });
    const expected: Record<string, { line: number; hover: RegExp; message: RegExp; related: RegExp }> = {
      MLD201: { line: 8, hover: /MLD201 implicit-feature-set[\s\S]*§2, Entanglement/, message: /every column of loans except 'defaulted'/, related: /trains on it here/ },
      MLD503: { line: 9, hover: /MLD503 preprocessing-before-split[\s\S]*§5, Pipeline Jungles/, message: /StandardScaler is fitted on all of X before train_test_split/, related: /split here, after the fit/ },
      MLD504: { line: 13, hover: /MLD504 manual-train-test-transform[\s\S]*§5, Pipeline Jungles/, message: /StandardScaler \(rescale\) and PCA \(pca\)/, related: /re-applied to X_test here/ },
      MLD703: { line: 16, hover: /MLD703 threshold-dependent-metric-only[\s\S]*§7, Fixed Thresholds in Dynamic Systems/, message: /clf \(LogisticRegression\) is evaluated only with accuracy_score/, related: /^$/ },
      MLD810: { line: 7, hover: /MLD810 unvalidated-input-data[\s\S]*§8, Data Testing Debt/, message: /pd\.read_csv\("loans\.csv"\) is fed to clf\.fit/, related: /trained on it here/ },
    };
    const diagnostics = await client().waitFor(SCRIPT_URI, (d) => Object.keys(expected).every((code) => d.some((x) => x.code === code)));
    for (const [code, want] of Object.entries(expected)) {
      const diagnostic = diagnostics.find((d) => d.code === code)!;
      assert.equal(diagnostic.range.start.line, want.line, `${code} line`);
      assert.match(messageOf(diagnostic), want.message);
      assert.match(diagnostic.codeDescription!.href, new RegExp(`docs/rules/${code}-`));
      assert.match(await hoverText(client(), SCRIPT_URI, diagnostic), want.hover);
      if (code === 'MLD703') continue; // one label metric only: nothing else to link
      assert.ok(diagnostic.relatedInformation?.length, `${code} links the other sites`);
      assert.ok(diagnostic.relatedInformation!.every((r) => r.location.uri === SCRIPT_URI));
      assert.ok(diagnostic.relatedInformation!.some((r) => want.related.test(r.message)), `${code}: ${diagnostic.relatedInformation!.map((r) => r.message).join(' | ')}`);
    }
  });

  it('reports MLD202 and MLD702 in a notebook, linking sites in other cells', async () => {
    await client().connection.sendNotification('notebookDocument/didOpen', {
      notebookDocument: { uri: NB, notebookType: 'jupyter-notebook', version: 1, cells: CELLS.map((_, i) => ({ kind: 2, document: cell(i) })) },
      cellTextDocuments: CELLS.map((text, i) => ({ uri: cell(i), languageId: 'python', version: 1, text })),
    });
    const cascade = (await client().waitFor(cell(2), (d) => d.some((x) => x.code === 'MLD202'))).find((d) => d.code === 'MLD202')!;
    assert.match(messageOf(cascade), /fix\.fit learns, as its input, from the output of eta\.predict \(via column 'eta' of orders\)/);
    assert.match(await hoverText(client(), cell(2), cascade), /MLD202 correction-cascade[\s\S]*§2, Correction Cascades/);
    const links = cascade.relatedInformation!.map((r) => `${r.location.uri} ${r.location.range.start.line} ${r.message}`);
    assert.deepEqual(links, [
      `${cell(2)} 0 eta produces the output here`,
      `${cell(1)} 2 eta is trained here`,
    ]);

    const saved = (await client().waitFor(cell(3), (d) => d.some((x) => x.code === 'MLD702'))).find((d) => d.code === 'MLD702')!;
    assert.match(messageOf(saved), /fix is saved to "fix\.joblib", but this notebook computes no held-out metric for it/);
    assert.match(await hoverText(client(), cell(3), saved), /MLD702 model-saved-without-evaluation[\s\S]*§7, Monitoring and Testing/);
    assert.equal(saved.relatedInformation?.[0].location.uri, cell(2), 'the fit in the cell above');
    assert.equal(saved.relatedInformation?.[0].message, 'fix is trained here');
  });
});
