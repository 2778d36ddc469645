import { WEIGHTS } from './ranking';
import { parseDistrictWeights, weightsFor } from './weights';

describe('district weights', () => {
  it('overrides the defaults per district and leaves the others alone', () => {
    const districts = parseDistrictWeights('{"nanchang": {"load": 0.25, "distance": 0.05}}');
    expect(weightsFor(districts, '/nanchang/jinxing/jincheng/')).toEqual({ ...WEIGHTS, load: 0.25, distance: 0.05 });
    expect(weightsFor(districts, '/binhu/x/y/')).toEqual(WEIGHTS);
    expect(weightsFor(parseDistrictWeights(''), '/nanchang/')).toEqual(WEIGHTS);
  });

  it.each([
    ['not JSON', '{nanchang', /JSON object/],
    ['an array', '[1]', /JSON object/],
    ['an unknown factor', '{"nanchang": {"speed": 0.2}}', /speed is not one of quality/],
    ['a weight above 1', '{"nanchang": {"load": 1.5}}', /load must be a number from 0 to 1/],
    ['a weight as text', '{"nanchang": {"load": "0.2"}}', /load must be a number from 0 to 1/],
    ['quality no longer the heaviest', '{"nanchang": {"load": 0.35}}', /quality must weigh more than load/],
    ['a path for a district code', '{"/nanchang/": {}}', /not a district code/],
  ])('refuses %s', (_, json, message) => {
    expect(() => parseDistrictWeights(json)).toThrow(message);
  });
});
