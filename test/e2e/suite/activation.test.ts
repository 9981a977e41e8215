// Runs first (files load in name order): the extension activates on a Python file and its findings
// reach VS Code's diagnostics, with our codes, positions, severity and documentation links.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openScript, until, waitForFindings } from './helpers';

describe('activation (examples/train_churn.py)', () => {
  it('activates the extension and publishes findings with our codes', async () => {
    const document = await openScript('train_churn.py', 'api_activation.py');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await until('the extension to activate', () => extension.isActive || undefined);
    const installedIn = process.env.ML_DEBT_LENS_E2E_EXTENSIONS_DIR;
    if (installedIn) {
      assert.ok(path.resolve(extension.extensionPath).startsWith(path.resolve(installedIn)), `runs the installed .vsix (${extension.extensionPath})`);
    }

    const findings = await waitForFindings(document.uri, ['MLD801', 'MLD802', 'MLD701']);
    const split = findings.get('MLD802')!;
    assert.deepEqual([split.range.start.line, split.range.start.character], [19, 35]);
    assert.match(split.message, /`train_test_split` is called without `random_state`/);
    assert.equal(split.severity, vscode.DiagnosticSeverity.Warning);
    const target = typeof split.code === 'object' ? split.code.target.toString() : '';
    assert.match(target, /docs\/rules\/MLD802-missing-random-state\.md$/);
    assert.deepEqual(findings.get('MLD801')!.range.start, new vscode.Position(15, 50));
  });
});
