// A Jupyter notebook in a real VS Code (examples/sales_exploration.ipynb): it opens in the notebook
// editor, its Python cells are analysed as one program, findings land on the right cell, and a
// fix in one cell edits another.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { apply, findingOn, hoverText, openNotebook, ours, quickFix, until, waitForFindings } from './helpers';

const IMPORTS = 1;
const DRAW = 3;
const RAN_BEFORE = 4;

describe('a Jupyter notebook (examples/sales_exploration.ipynb)', () => {
  it('opens in the notebook editor; a cell shows its findings and markdown cells none', async () => {
    const notebook = await openNotebook('sales_exploration.ipynb', 'api_cells.ipynb');
    assert.equal(notebook.notebookType, 'jupyter-notebook');
    const draw = notebook.cellAt(DRAW).document;
    assert.equal(draw.languageId, 'python');
    assert.match(draw.lineAt(0).text, /^bootstrap = np\.random\.choice/);

    const findings = await waitForFindings(draw.uri, ['MLD801', 'MLD802', 'MLD804']);
    assert.deepEqual(findings.get('MLD801')!.range.start, new vscode.Position(0, 12));
    assert.match(findings.get('MLD801')!.message, /`np\.random\.choice` draws from NumPy's global random generator, which this notebook never seeds/);
    assert.deepEqual(findings.get('MLD802')!.range.start, new vscode.Position(1, 35));
    assert.deepEqual(ours(notebook.cellAt(0).document.uri), [], 'the markdown cell is not analysed');
  });

  it('links a cell run out of order to the cell below it that ran first (MLD804)', async () => {
    const notebook = await openNotebook('sales_exploration.ipynb', 'api_order.ipynb');
    const order = (await waitForFindings(notebook.cellAt(DRAW).document.uri, ['MLD804'])).get('MLD804')!;
    assert.match(order.message, /ran as \[7\], after cell \d \(\[4\]\) below it/);
    const related = order.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri.toString(), notebook.cellAt(RAN_BEFORE).document.uri.toString());
  });

  it('explains a cell finding in its hover', async () => {
    const notebook = await openNotebook('sales_exploration.ipynb', 'api_hover.ipynb');
    const uri = notebook.cellAt(DRAW).document.uri;
    const draw = (await waitForFindings(uri, ['MLD801'])).get('MLD801')!;
    const text = await hoverText(uri, draw.range.start);
    assert.match(text, /MLD801 unseeded-randomness/);
    assert.match(text, /§8, Reproducibility Debt/);
  });

  it('seeds NumPy in the import cell: the fix edits another cell and clears the finding', async () => {
    const notebook = await openNotebook('sales_exploration.ipynb', 'api_seed.ipynb');
    const uri = notebook.cellAt(DRAW).document.uri;
    const draw = (await waitForFindings(uri, ['MLD801'])).get('MLD801')!;
    const seed = await quickFix(uri, draw.range, /^MLD801: Seed NumPy after its import: np\.random\.seed\(SEED\) \(unsafe: changes behaviour\)$/);
    assert.equal(seed.isPreferred, true, 'the rule\'s own fix is the main action, even when unsafe (it says so in its title)');
    assert.deepEqual(seed.edit!.entries().map(([target]) => target.toString()), [notebook.cellAt(IMPORTS).document.uri.toString()]);
    await apply(seed);

    assert.equal(notebook.cellAt(IMPORTS).document.getText(), 'import numpy as np\nimport pandas as pd\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.model_selection import train_test_split\nSEED = 42\nnp.random.seed(SEED)');
    await until('MLD801 to disappear from the drawing cell', () => (findingOn(uri, 'MLD801') ? undefined : true));
    assert.ok(findingOn(uri, 'MLD804'), 'the other findings of that cell stay');
    // scikit-learn's unseeded split draws from NumPy's generator, which the fix has just seeded.
    await until('MLD802 to go once NumPy is seeded', () => (findingOn(uri, 'MLD802') ? undefined : true));
  });
});
