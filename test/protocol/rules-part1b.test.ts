// Protocol tests for the library-call, literal and notebook-line rules (part 1b): for each rule,
// over real JSON-RPC, the finding is published on the right document, its hover cites the
// papers, and its quick fix (when it has one) applies and makes the finding go away.
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { applyLspEdits, useTestClient } from '../support/lspClient';
import { parsesCleanly, py } from '../support/engine';

const SMELLS = /Zhang, Cruz and van Deursen, \*Code Smells for Machine Learning Applications\*, CAIN 2022/;

interface RuleCase {
  code: string;
  /** A script's text, or a notebook's code cells. */
  script?: string;
  cells?: string[];
  /** The cell the finding is in (notebooks). */
  cell?: number;
  citation: RegExp[];
  /** The text of the fixed document (or cell), when the rule has a fix. */
  fixed?: string;
  safe?: boolean;
}

const CASES: RuleCase[] = [
  {
    code: 'MLD803',
    cells: ['!pip install transformers datasets\n', 'import transformers\n'],
    cell: 0,
    citation: [/Sculley et al\., \*Hidden Technical Debt in Machine Learning Systems\*, NeurIPS 2015, §8, Reproducibility Debt/],
  },
  {
    code: 'MLD901',
    cells: ['import numpy as np\nimport pandas as pd\n', 'df = pd.read_csv("a.csv")\nmissing = df[df["age"] == np.nan]\n'],
    cell: 1,
    citation: [SMELLS, /NaN Equivalence Comparison Misused/, /Feeds Sculley et al\., .*§8, Data Testing Debt/],
    fixed: 'df = pd.read_csv("a.csv")\nmissing = df[pd.isna(df["age"])]\n',
  },
  {
    code: 'MLD902',
    script: py`
      import pandas as pd
      df = pd.read_csv("houses.csv")
      df["price"][df["price"] < 0] = 0
    `,
    citation: [SMELLS, /Chain Indexing/, /§8, Data Testing Debt/],
    fixed: py`
      import pandas as pd
      df = pd.read_csv("houses.csv")
      df.loc[df["price"] < 0, "price"] = 0
    `,
  },
  {
    code: 'MLD903',
    script: py`
      import pandas as pd
      df = pd.read_csv("train.csv")
      df = df.dropna(inplace=True)
    `,
    citation: [SMELLS, /In-Place APIs Misused/, /§5, Pipeline Jungles/],
    fixed: py`
      import pandas as pd
      df = pd.read_csv("train.csv")
      df = df.dropna()
    `,
  },
  {
    code: 'MLD904',
    script: py`
      import pandas as pd
      X = pd.read_csv("train.csv")[["a", "b"]].values
    `,
    citation: [SMELLS, /Dataframe Conversion API Misused/, /§5, Glue Code/],
    fixed: py`
      import pandas as pd
      X = pd.read_csv("train.csv")[["a", "b"]].to_numpy()
    `,
    safe: true,
  },
  {
    code: 'MLD905',
    script: py`
      import torch
      opt = torch.optim.SGD(model.parameters(), lr=0.1)
      for x, y in loader:
          loss_fn(model(x), y).backward()
          opt.step()
    `,
    citation: [SMELLS, /Gradients Not Cleared before Backward Propagation/, /§7, Monitoring and Testing/],
    fixed: py`
      import torch
      opt = torch.optim.SGD(model.parameters(), lr=0.1)
      for x, y in loader:
          opt.zero_grad()
          loss_fn(model(x), y).backward()
          opt.step()
    `,
  },
  {
    code: 'MLD906',
    script: py`
      import torch
      import torch.nn as nn
      net = nn.Sequential(nn.Linear(8, 8), nn.Dropout(0.5))
      net.load_state_dict(torch.load("net.pt", weights_only=True))
      with torch.no_grad():
          out = net(x)
    `,
    citation: [SMELLS, /Training \/ Evaluation Mode Improper Toggling/, /§8, Reproducibility Debt/],
    fixed: py`
      import torch
      import torch.nn as nn
      net = nn.Sequential(nn.Linear(8, 8), nn.Dropout(0.5))
      net.load_state_dict(torch.load("net.pt", weights_only=True))
      net.eval()
      with torch.no_grad():
          out = net(x)
    `,
  },
  {
    code: 'MLD907',
    script: py`
      import torch.nn as nn
      net = nn.Linear(4, 2)
      y = net.forward(x)
    `,
    citation: [SMELLS, /PyTorch Call Method Misused/, /§5, Abstraction Debt/],
    fixed: py`
      import torch.nn as nn
      net = nn.Linear(4, 2)
      y = net(x)
    `,
  },
];

const NB = 'file:///work/project/part1b.ipynb';
const cellUri = (n: number) => `vscode-notebook-cell:/work/project/part1b.ipynb#W${n}sZmlsZQ==`;

describe('rules part 1b over LSP: finding, hover, fix', function () {
  this.timeout(30000);
  const client = useTestClient();

  /** Opens the case's document; returns the URI its finding is published on and that text. */
  async function open(c: RuleCase): Promise<{ uri: string; text: string }> {
    if (c.script !== undefined) {
      const uri = `file:///work/project/${c.code.toLowerCase()}.py`;
      await client().connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: c.script } });
      return { uri, text: c.script };
    }
    const cells = c.cells!;
    await client().connection.sendNotification('notebookDocument/didOpen', {
      notebookDocument: { uri: NB, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((_, i) => ({ kind: 2, document: cellUri(i) })) },
      cellTextDocuments: cells.map((text, i) => ({ uri: cellUri(i), languageId: 'python', version: 1, text })),
    });
    return { uri: cellUri(c.cell!), text: cells[c.cell!] };
  }

  async function replace(c: RuleCase, uri: string, text: string): Promise<void> {
    if (c.script !== undefined) {
      await client().connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
      return;
    }
    await client().connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version: 2 },
      change: { cells: { textContent: [{ document: { uri, version: 2 }, changes: [{ text }] }] } },
    });
  }

  for (const c of CASES) {
    it(`${c.code}: publishes the finding, hovers with the citation${c.fixed ? ', and its fix removes it' : ', and offers no fix'}`, async () => {
      const { uri, text } = await open(c);
      const diagnostics = await client().waitFor(uri, (d) => d.some((x) => x.code === c.code));
      const finding = diagnostics.find((d) => d.code === c.code)!;
      assert.equal(finding.source, 'ml-debt');

      const hover: Hover = await client().connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: finding.range.start });
      const markdown = (hover.contents as MarkupContent).value;
      assert.match(markdown, new RegExp(`${c.code} `));
      for (const citation of c.citation) assert.match(markdown, citation);

      const actions: CodeAction[] = await client().connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: finding.range, context: { diagnostics: [finding] satisfies Diagnostic[], only: ['quickfix'] },
      });
      const fix = actions.find((a) => a.title.startsWith(`${c.code}: `) && !/: Ignore /.test(a.title) && !a.command);
      if (!c.fixed) {
        assert.equal(fix, undefined, 'the rule has no fix');
        return;
      }
      assert.ok(fix, `a fix for ${c.code}; got ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(/\(unsafe: changes behaviour\)$/.test(fix.title), !c.safe, fix.title);
      assert.deepEqual(Object.keys(fix.edit!.changes!), [uri]);
      const fixed = applyLspEdits(text, fix.edit!.changes![uri]);
      assert.equal(fixed, c.fixed);
      assert.ok(await parsesCleanly(fixed));
      await replace(c, uri, fixed);
      await client().waitFor(uri, (d) => !d.some((x) => x.code === c.code));
    });
  }
});
