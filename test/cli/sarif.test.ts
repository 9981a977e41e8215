// SARIF for code scanning: valid against the SARIF 2.1.0 JSON schema (the copy that
// @microsoft/jest-sarif ships, checked with Ajv), URIs relative to the project root under
// %SRCROOT% whatever the working folder, rules with help text and the paper's section, notebook
// findings located in the .ipynb with the cell in the properties, and files not analysed listed.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { mldebt, notebook, temporaryFolder } from './helpers';

/** The schema is draft-04, which Ajv 8 reads as draft-07 once its top-level `id` is `$id`. */
function sarifSchema(): object {
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  return { $id: id, ...schema };
}

describe('mldebt check --format sarif', function () {
  this.timeout(30000);
  let dir: string;
  let project: string;

  beforeEach(() => {
    dir = temporaryFolder('sarif');
    project = path.join(dir, 'project');
    mkdirSync(path.join(project, 'src'), { recursive: true });
    mkdirSync(path.join(dir, 'elsewhere'));
    writeFileSync(path.join(project, 'src', 'train.py'), 'from sklearn.model_selection import train_test_split\nX_tr, X_te = train_test_split(X)\n');
    writeFileSync(path.join(project, 'explore.ipynb'), notebook([{ source: '# Title', type: 'markdown' }, { source: 'import numpy as np\nfrom sklearn.model_selection import train_test_split\n' }, { source: 'y = 1\nx = np.random.rand(3)\ntrain_test_split(x, random_state=0)\n' }]));
    writeFileSync(path.join(project, 'broken.py'), 'def f(:\n    pass\n');
    writeFileSync(path.join(project, 'analysis.ipynb'), notebook([{ source: 'x <- runif(3)\n' }], 'R'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is valid SARIF 2.1.0 with URIs under %SRCROOT%, even when run from another folder', () => {
    const run = mldebt(path.join(dir, 'elsewhere'), ['check', '--format', 'sarif', '../project']);
    assert.equal(run.status, 1);
    const sarif = JSON.parse(run.stdout);
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false, logger: false }).compile(sarifSchema());
    assert.equal(validate(sarif), true, JSON.stringify(validate.errors, null, 2));
    // The validator rejects what code scanning would: a result without a message fails.
    const broken = structuredClone(sarif);
    delete broken.runs[0].results[0].message;
    assert.equal(validate(broken), false);
    const [result] = sarif.runs;
    assert.deepEqual(result.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(project).href + '/' } });
    const uris = result.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation);
    assert.deepEqual(uris.map((u: { uri: string }) => u.uri).sort(), ['explore.ipynb', 'src/train.py']);
    assert.ok(uris.every((u: { uriBaseId: string }) => u.uriBaseId === '%SRCROOT%'));
  });

  it('gives rules help text with the paper section, and locates notebook findings in the .ipynb', () => {
    const run = mldebt(project, ['check', '--format', 'sarif', '.']);
    const [result] = JSON.parse(run.stdout).runs;
    const rule = result.tool.driver.rules.find((r: { id: string }) => r.id === 'MLD801');
    assert.match(rule.help.text, /Why it is debt \(§8, Reproducibility Debt\)/);
    assert.match(rule.help.markdown, /\*\*Fix\.\*\*/);
    assert.equal(rule.properties.section, '§8, Reproducibility Debt');
    const nb = result.results.find((r: { ruleId: string }) => r.ruleId === 'MLD801');
    const ipynbLines = readFileSync(path.join(project, 'explore.ipynb'), 'utf8').split('\n');
    const region = nb.locations[0].physicalLocation.region;
    assert.equal(ipynbLines[region.startLine - 1].slice(region.startColumn - 1, region.endColumn - 1), 'np.random.rand', 'the region is the code inside the JSON string');
    assert.deepEqual(nb.locations[0].properties, { cell: 3, cellLine: 2, cellColumn: 5, cellEndLine: 2, cellEndColumn: 19 });
    assert.match(nb.message.text, /^cell 3, line 2: /);
  });

  it('lists the files it did not analyse as tool notifications', () => {
    const run = mldebt(project, ['check', '--format', 'sarif', '.']);
    const [result] = JSON.parse(run.stdout).runs;
    const notes = result.invocations[0].toolExecutionNotifications.map((n: { descriptor: { id: string }; message: { text: string } }) => `${n.descriptor.id}: ${n.message.text}`);
    assert.deepEqual(notes, [
      'not-python: analysis.ipynb: not analysed: not a Python notebook (kernel language: r)',
      'syntax-error: broken.py: not analysed: does not parse at 1:7 (a syntax error, or syntax the parser cannot read): the code that parses was checked, the rest was not',
    ]);
  });
});
