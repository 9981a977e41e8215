// When the language server analyses an edit: at once after a quiet spell, after a typing pause
// only while changes keep arriving; and an overtaken analysis is finished only when it is at
// least half done (server.ts applies both; bench:latency measures the effect).
import { strict as assert } from 'node:assert';
import { finishOvertaken, TYPING_PAUSE_MS, typingPause } from '../../server/src/features/editScheduling';

describe('edit scheduling', () => {
  describe('typing pause', () => {
    it('analyses the first change after opening at once', () => {
      assert.equal(typingPause(undefined, 1000), 0);
    });

    it('analyses a change after a quiet spell at once, as a keystroke typed at human spacing', () => {
      assert.equal(typingPause(1000, 1000 + TYPING_PAUSE_MS), 0);
      assert.equal(typingPause(1000, 1060), 0);
      assert.equal(typingPause(1000, 5000), 0);
    });

    it('waits for a pause while changes arrive in quick succession (one action sent as several changes)', () => {
      assert.equal(typingPause(1000, 1000), TYPING_PAUSE_MS);
      assert.equal(typingPause(1000, 1000 + TYPING_PAUSE_MS - 1), TYPING_PAUSE_MS);
    });
  });

  describe('an analysis overtaken by a newer version', () => {
    it('is finished once it ran half as long as the last complete analysis', () => {
      assert.equal(finishOvertaken(150, 300), true);
      assert.equal(finishOvertaken(290, 300), true);
      assert.equal(finishOvertaken(400, 300), true);
    });

    it('is given up while more is left than done', () => {
      assert.equal(finishOvertaken(0, 300), false);
      assert.equal(finishOvertaken(149, 300), false);
    });

    it('is given up when the document has no complete analysis to compare with', () => {
      assert.equal(finishOvertaken(1000, undefined), false);
    });
  });
});
