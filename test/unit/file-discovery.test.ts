// Which files a folder walk hands to the analysis (the CLI's `mldebt check DIR` and the editor's
// workspace scan): links inside the folder are followed only to what the folder itself holds.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { discoverFiles } from '../../server/src/config/files';

describe('folder walk', () => {
  let dir: string;
  let project: string;
  let outside: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mld-walk-'));
    project = path.join(dir, 'project');
    outside = path.join(dir, 'elsewhere');
    mkdirSync(path.join(project, 'src', 'gui'), { recursive: true });
    mkdirSync(path.join(outside, 'shared'), { recursive: true });
    writeFileSync(path.join(project, 'src', 'gui', 'utils.py'), 'x = 1\n');
    writeFileSync(path.join(outside, 'secrets.py'), 'TOKEN = "not for reports"\n');
    writeFileSync(path.join(outside, 'shared', 'train.py'), 'print(1)\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const relative = (files: string[]) => files.map((file) => path.relative(dir, file)).sort();

  it('leaves out links to files and folders outside the folder it walks', () => {
    symlinkSync(path.join(outside, 'secrets.py'), path.join(project, 'notes.py'));
    symlinkSync(path.join(outside, 'shared'), path.join(project, 'shared'));
    assert.deepEqual(relative(discoverFiles([project]).files), ['project/src/gui/utils.py']);
  });

  it('follows a link within the folder once, and a link to another folder it was given', () => {
    mkdirSync(path.join(project, 'src', 'filters'));
    symlinkSync('../gui/utils.py', path.join(project, 'src', 'filters', 'utils.py'));
    symlinkSync(path.join(outside, 'shared'), path.join(project, 'shared'));
    assert.deepEqual(relative(discoverFiles([project]).files), ['project/src/filters/utils.py']);
    assert.deepEqual(relative(discoverFiles([project, path.join(outside, 'shared')]).files), ['project/shared/train.py', 'project/src/filters/utils.py']);
  });

  it('skips the copies editors keep of earlier saves, unless the folder is named', () => {
    mkdirSync(path.join(project, '.history', 'src'), { recursive: true });
    mkdirSync(path.join(project, 'notebooks', '.ipynb_checkpoints'), { recursive: true });
    writeFileSync(path.join(project, '.history', 'src', 'train_20260807151434.py'), 'x = 1\n');
    writeFileSync(path.join(project, 'notebooks', '.ipynb_checkpoints', 'eda-checkpoint.ipynb'), '{}');
    assert.deepEqual(relative(discoverFiles([project]).files), ['project/src/gui/utils.py']);
    assert.deepEqual(relative(discoverFiles([path.join(project, '.history')]).files), ['project/.history/src/train_20260807151434.py']);
  });

  it('passes over the AppleDouble metadata files macOS leaves beside copied files, but not a file merely so named', () => {
    mkdirSync(path.join(project, 'notebooks'));
    const header = Buffer.concat([Buffer.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00]), Buffer.from('Mac OS X        ')]);
    writeFileSync(path.join(project, 'notebooks', '._eda.ipynb'), header);
    writeFileSync(path.join(project, 'src', '._setup.py'), header);
    writeFileSync(path.join(project, 'notebooks', 'eda.ipynb'), '{}');
    writeFileSync(path.join(project, 'src', '._private_helpers.py'), 'x = 1\n');
    writeFileSync(path.join(project, 'src', '._tiny.py'), '');
    assert.deepEqual(relative(discoverFiles([project]).files), ['project/notebooks/eda.ipynb', 'project/src/._private_helpers.py', 'project/src/._tiny.py', 'project/src/gui/utils.py']);
    // Named on the command line, it is read, as any file the user names is.
    assert.deepEqual(relative(discoverFiles([path.join(project, 'notebooks', '._eda.ipynb')]).files), ['project/notebooks/._eda.ipynb']);
  });

  it('reads a link the user names on the command line', () => {
    symlinkSync(path.join(outside, 'secrets.py'), path.join(project, 'notes.py'));
    assert.deepEqual(relative(discoverFiles([path.join(project, 'notes.py')]).files), ['project/notes.py']);
  });
});
