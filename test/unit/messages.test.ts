import { strict as assert } from 'node:assert';
import { cutAtToken, shorten } from '../../server/src/detectors/shared/messages';

describe('code quoted in messages', () => {
  it('cuts at a token boundary, never inside an identifier', () => {
    const text = 'df.groupby("orig_destination_distance").agg(total_passengers_by_route)';
    const cut = shorten(text, 30);
    assert.ok(cut.length <= 30, cut);
    assert.equal(cut, 'df.groupby("...');
    const cutIn = cutAtToken('features = train[orig_destination_distance]', 40, '…');
    assert.equal(cutIn, 'features = train[…');
  });

  it('keeps a text that fits, and flattens whitespace', () => {
    assert.equal(shorten('model.fit(\n    X, y)'), 'model.fit( X, y)');
    assert.equal(cutAtToken('abc', 3, '…'), 'abc');
  });

  it('keeps a first token longer than the limit whole rather than cutting it', () => {
    assert.equal(cutAtToken('orig_destination_distance_in_kilometres + 1', 20, '…'), 'orig_destination_distance_in_kilometres…');
    assert.equal(cutAtToken('orig_destination_distance_in_kilometres', 20, '…'), 'orig_destination_distance_in_kilometres');
  });

  it('cuts between punctuation where no word is split', () => {
    assert.equal(cutAtToken('a + b + c + d + e + f', 10, '...'), 'a + b +...');
  });
});
