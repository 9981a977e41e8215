// A Python script in a real VS Code: hover, a safe quick fix, "ignore on this line" and Fix All,
// all through the public API on examples/train_churn.py.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { apply, findingOn, hoverText, openScript, quickFix, until, waitForFindings } from './helpers';

describe('a Python script (examples/train_churn.py)', () => {
  it('explains a finding in its hover, citing the paper section', async () => {
    const document = await openScript('train_churn.py', 'api_hover.py');
    const split = (await waitForFindings(document.uri, ['MLD802'])).get('MLD802')!;
    const text = await hoverText(document.uri, split.range.start);
    assert.match(text, /\*\*MLD802 missing-random-state\*\* — /);
    assert.match(text, /\*\*Fix:\*\* /);
    assert.match(text, /§8, Reproducibility Debt/);
    assert.ok(text.indexOf('**Fix:**') < text.indexOf('§8, Reproducibility Debt'), 'the fix comes before the category');
  });

  it('applies the safe MLD701 fix: the threshold becomes a named constant and the finding goes', async () => {
    const document = await openScript('train_churn.py', 'api_quickfix.py');
    const threshold = (await waitForFindings(document.uri, ['MLD701'])).get('MLD701')!;
    assert.equal(document.lineAt(threshold.range.start.line).text, 'at_risk = proba > 0.35');
    const fix = await quickFix(document.uri, threshold.range, /^MLD701: Extract 0\.35 to a named constant DECISION_THRESHOLD$/);
    assert.equal(fix.isPreferred, true, 'a safe fix is the preferred one');
    await apply(fix);

    assert.equal(document.lineAt(29).text, 'DECISION_THRESHOLD = 0.35');
    assert.equal(document.lineAt(30).text, 'at_risk = proba > DECISION_THRESHOLD');
    await until('MLD701 to disappear', () => (findingOn(document.uri, 'MLD701') ? undefined : true));
    assert.ok(findingOn(document.uri, 'MLD802'), 'other findings stay');
    assert.equal(await document.save(), true);
    const onDisk = Buffer.from(await vscode.workspace.fs.readFile(document.uri)).toString('utf8');
    assert.match(onDisk, /\nDECISION_THRESHOLD = 0\.35\nat_risk = proba > DECISION_THRESHOLD\n/);
  });

  it('"ignore on this line" writes the suppression comment and the finding goes', async () => {
    const document = await openScript('train_churn.py', 'api_ignore.py');
    const split = (await waitForFindings(document.uri, ['MLD802'])).get('MLD802')!;
    const line = split.range.start.line;
    const ignore = await quickFix(document.uri, split.range, /^MLD802: Ignore missing-random-state on this line$/);
    assert.notEqual(ignore.isPreferred, true);
    await apply(ignore);

    assert.match(document.lineAt(line).text, /train_test_split\(X, y, test_size=0\.2, stratify=y\)\s+# mldebt: ignore\[MLD802\]$/);
    await until('MLD802 to disappear from that line', () => (findingOn(document.uri, 'MLD802', line) ? undefined : true));
    assert.ok(findingOn(document.uri, 'MLD802', 21), 'the RandomForestClassifier finding two lines below stays');
  });

  it('offers Fix All for the safe fixes of the file', async () => {
    const document = await openScript('train_churn.py', 'api_fixall.py');
    await waitForFindings(document.uri, ['MLD701']);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.mldebt');
    const fixAll = actions.find((a) => /fix all safe fixes/.test(a.title));
    assert.ok(fixAll, `Fix All among: ${actions.map((a) => a.title).join(' | ')}`);
    await apply(fixAll);
    await until('MLD701 to disappear', () => (findingOn(document.uri, 'MLD701') ? undefined : true));
    assert.ok(findingOn(document.uri, 'MLD801'), 'unsafe fixes (seeding) are not part of Fix All');
  });
});
