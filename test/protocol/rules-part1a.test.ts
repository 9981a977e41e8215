// Protocol tests for the library-call, literal and notebook-line rules (MLD301, MLD302, MLD501,
// MLD506, MLD507, MLD602, MLD603, MLD604): for each, over real JSON-RPC, the finding is published
// on the right line, its hover cites the paper's section, code actions are offered, and where the
// rule has a fix, applying it makes the finding go away.
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyLspEdits, messageOf, useTestClient } from '../support/lspClient';
import { py } from '../support/engine';

interface RuleCase {
  code: string;
  /** The citation the hover must carry. */
  section: RegExp;
  /** A script, or the Python cells of a notebook. */
  script?: string;
  cells?: string[];
  /** Zero-based line of the finding (in its cell for notebooks) and a message it must match. */
  line: number;
  message: RegExp;
  /** The title of the rule's quick fix, when it has one. */
  fix?: RegExp;
  /** The diagnostic is shown faded as unnecessary code. */
  unnecessary?: boolean;
}

const CASES: RuleCase[] = [
  {
    code: 'MLD301', section: /§3, Unstable Data Dependencies/, line: 2, message: /reads data from the URL/,
    script: py`
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      df = pd.read_csv("https://raw.githubusercontent.com/acme/data/main/churn.csv")
      clf = LogisticRegression().fit(df.drop(columns="churn"), df["churn"])
    `,
  },
  {
    code: 'MLD302', section: /§3, Unstable Data Dependencies/, line: 1, message: /has no `revision=`/,
    script: py`
      from transformers import AutoModel
      model = AutoModel.from_pretrained("bert-base-uncased")
    `,
  },
  {
    code: 'MLD501', section: /§5, Glue Code/, line: 2, message: /into a NumPy array and straight back/,
    script: py`
      import pandas as pd
      df = pd.read_csv("train.csv")
      copy = pd.DataFrame(df.values)
    `,
  },
  {
    code: 'MLD506', section: /§5, Dead Experimental Codepaths/, line: 1, message: /3 lines of commented-out code/, fix: /Delete the commented-out code/, unnecessary: true,
    script: py`
      model = make_model()
      # model = old_model()
      # model.fit(X, y)
      # print(model.score(X, y))
      model.fit(X, y)
    `,
  },
  {
    code: 'MLD507', section: /§5, Common Smells/, line: 0, message: /runs 2 commands outside Python/,
    cells: ['import pandas as pd\n', '!wget -q https://example.org/train.zip\n!unzip -o train.zip -d data\n'],
  },
  {
    code: 'MLD602', section: /§6, Configuration Debt/, line: 2, message: /an absolute path that exists only on one machine/, fix: /Extract the path into the constant TRAIN_CSV_PATH/,
    script: py`
      import pandas as pd

      train = pd.read_csv("/home/ana/data/train.csv")
    `,
  },
  {
    code: 'MLD603', section: /§6, Configuration Debt/, line: 3, message: /The seed 42 is written again here/, fix: /Extract SEED = 42 for all 2 occurrences/,
    script: py`
      from sklearn.model_selection import train_test_split
      from sklearn.ensemble import RandomForestClassifier
      X_tr, X_te, y_tr, y_te = train_test_split(X, y, random_state=42)
      model = RandomForestClassifier(n_estimators=100, random_state=42)
    `,
  },
  {
    code: 'MLD604', section: /§6, Configuration Debt/, line: 1, message: /is built with no arguments/,
    script: py`
      from sklearn.svm import SVC
      clf = SVC()
    `,
  },
];

const NB = 'file:///work/project/rules.ipynb';
const cellUri = (n: number) => `vscode-notebook-cell:/work/project/rules.ipynb#W${n}cmVs`;

describe('rules part 1a over LSP', function () {
  this.timeout(30000);
  const client = useTestClient();

  /** Opens the case's script or notebook; returns the URI its finding is published on and that text. */
  async function open(testCase: RuleCase, index: number): Promise<{ uri: string; text: string }> {
    if (testCase.script !== undefined) {
      const uri = `file:///work/project/rule_${index}.py`;
      await client().connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: testCase.script } });
      return { uri, text: testCase.script };
    }
    const cells = testCase.cells!;
    await client().connection.sendNotification('notebookDocument/didOpen', {
      notebookDocument: { uri: NB, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((_, i) => ({ kind: 2, document: cellUri(i) })) },
      cellTextDocuments: cells.map((text, i) => ({ uri: cellUri(i), languageId: 'python', version: 1, text })),
    });
    return { uri: cellUri(cells.length - 1), text: cells[cells.length - 1] };
  }

  CASES.forEach((testCase, index) => {
    it(`${testCase.code}: finding, hover${testCase.fix ? ', fix' : ''} and code actions`, async () => {
      const { uri, text } = await open(testCase, index);
      const ours = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === testCase.code);
      const [diagnostic] = ours(await client().waitFor(uri, (d) => ours(d).length > 0));
      assert.equal(diagnostic.range.start.line, testCase.line);
      assert.match(messageOf(diagnostic), testCase.message);
      assert.equal(diagnostic.source, 'ml-debt');
      if (testCase.unnecessary) assert.deepEqual(diagnostic.tags, [1]);

      const hover: Hover = await client().connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start });
      const markdown = (hover.contents as MarkupContent).value;
      assert.match(markdown, new RegExp(`${testCase.code} `));
      assert.match(markdown, testCase.section);

      const actions: CodeAction[] = await client().connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      assert.ok(actions.some((a) => a.title.startsWith(`${testCase.code}: Ignore`)), 'the ignore-on-this-line action');
      // The rule's own fix: not an ignore comment, and not the documentation action (a command).
      const fixes = actions.filter((a) => a.title.startsWith(`${testCase.code}: `) && !a.title.includes(': Ignore') && !a.command);
      if (!testCase.fix) {
        assert.deepEqual(fixes, [], 'this rule offers no fix');
        return;
      }
      assert.equal(fixes.length, 1);
      assert.match(fixes[0].title, testCase.fix);
      const fixed = applyLspEdits(text, fixes[0].edit!.changes![uri]);
      await client().connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
      await client().waitFor(uri, (d) => ours(d).length === 0);
    });
  });
});
