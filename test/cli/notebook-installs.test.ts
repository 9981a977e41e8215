// MLD803 on .ipynb files read by the CLI: install lines in shell escapes, line magics and
// %%bash cells are found at the right cell and line, one finding per notebook and tool.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

describe('mldebt check on notebook install lines', function () {
  this.timeout(20000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mldebt-installs-'));
    const cells = [
      { cell_type: 'markdown', metadata: {}, source: ['# Setup\n'] },
      { cell_type: 'code', execution_count: 1, metadata: {}, outputs: [], source: ['import sys\n', '!pip install -q transformers==4.44.2 datasets\n'] },
      { cell_type: 'code', execution_count: 2, metadata: {}, outputs: [], source: ['%%bash\n', 'cd /tmp\n', 'pip install optuna\n'] },
      { cell_type: 'code', execution_count: 3, metadata: {}, outputs: [], source: ['%pip install -r requirements.txt\n', '%conda install -y lightgbm=4.5.0\n'] },
    ];
    writeFileSync(path.join(dir, 'setup.ipynb'), JSON.stringify({ metadata: {}, nbformat: 4, nbformat_minor: 5, cells }));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the notebook\'s unpinned pip installs once, at the first, linked to the other cell', () => {
    const result = spawnSync(process.execPath, [CLI, 'check', '.', '--select', 'MLD803', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 1);
    type Located = { cell: number; line: number; column: number; message: string };
    const findings: (Located & { file: string; related: Located[] })[] = JSON.parse(result.stdout);
    assert.deepEqual(findings.map((f) => `${f.file}:cell ${f.cell}:${f.line}:${f.column}: ${f.message}`), [
      'setup.ipynb:cell 2:2:1: `pip install`: datasets and optuna have no version pin, so each run may install a different release (2 install commands in this notebook)',
    ]);
    assert.deepEqual(findings[0].related.map((r) => `cell ${r.cell}:${r.line}:${r.column}: ${r.message}`), [
      'cell 3:3:1: `pip install`: optuna has no version pin, so each run may install a different release',
    ]);
});
});
