// The session frees what it does not need: parse trees only for the documents analysed most
// recently (the ones being edited), nothing at all for a closed document.
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../server/src/config/settings';
import { scriptSource } from '../../server/src/documents/source';
import { KEPT_TREES, Session } from '../../server/src/session';
import { generatedScript } from '../../bench/workload';
import { parser } from '../support/engine';

describe('session memory', () => {
  it('keeps parse trees for the most recently analysed documents only', async () => {
    const session = new Session(await parser(), 2);
    const uris = Array.from({ length: 5 }, (_, i) => `file:///m/${i}.py`);
    const first = uris.map((uri, i) => session.analyze(scriptSource(uri, generatedScript(60, i)), defaultConfig()));
    assert.equal(session.treesHeld, 2);
    // The first document lost its trees; analysing an edit of it parses afresh, with the same result as a fresh session.
    const edited = generatedScript(60, 0) + 'extra = 1\n';
    const again = session.analyze({ ...scriptSource(uris[0], edited), version: 2 }, defaultConfig());
    const fresh = new Session(await parser()).analyze(scriptSource(uris[0], edited), defaultConfig());
    assert.deepEqual(again.findings, fresh.findings);
    assert.ok(first[0].findings.length > 0 && again.findings.length >= first[0].findings.length);
    assert.equal(session.treesHeld, 2);
    for (const uri of uris) session.close(uri);
    assert.equal(session.treesHeld, 0);
    assert.equal(session.latest(uris[1]), undefined);
  });

  it('keeps a few trees by default, not one per open document', () => {
    assert.ok(KEPT_TREES >= 2 && KEPT_TREES <= 16);
  });
});
