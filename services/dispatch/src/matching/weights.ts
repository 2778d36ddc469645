import { FACTORS, type Factor, WEIGHTS, type Weights } from './ranking';

/**
 * Each district's ranking weights: the defaults overridden per district code (the first segment
 * of an org path), e.g. `{"nanchang": {"load": 0.25, "distance": 0.05}}`. Refused unless every
 * weight is a number from 0 to 1 and quality stays the heaviest, so spreading work never outranks
 * doing it well.
 */
export function parseDistrictWeights(json: string): Map<string, Weights> {
  const districts = new Map<string, Weights>();
  if (!json.trim()) return districts;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('DISPATCH_WEIGHTS must be a JSON object of district code → weights');
  }
  if (!isObject(parsed)) throw new Error('DISPATCH_WEIGHTS must be a JSON object of district code → weights');
  for (const [district, given] of Object.entries(parsed)) {
    if (!/^[a-z0-9-]{1,64}$/.test(district)) throw new Error(`DISPATCH_WEIGHTS: ${district} is not a district code`);
    if (!isObject(given)) throw new Error(`DISPATCH_WEIGHTS.${district} must be an object of factor → weight`);
    const weights: Weights = { ...WEIGHTS };
    for (const [factor, weight] of Object.entries(given)) {
      if (!FACTORS.includes(factor as Factor))
        throw new Error(`DISPATCH_WEIGHTS.${district}: ${factor} is not one of ${FACTORS.join(', ')}`);
      if (typeof weight !== 'number' || !(weight >= 0 && weight <= 1)) {
        throw new Error(`DISPATCH_WEIGHTS.${district}.${factor} must be a number from 0 to 1`);
      }
      weights[factor as Factor] = weight;
    }
    const heavier = FACTORS.filter((f) => f !== 'quality' && weights[f] >= weights.quality);
    if (heavier.length) throw new Error(`DISPATCH_WEIGHTS.${district}: quality must weigh more than ${heavier.join(', ')}`);
    districts.set(district, weights);
  }
  return districts;
}

/** The weights for a job anywhere under the district of `orgPath`. */
export function weightsFor(districts: ReadonlyMap<string, Weights>, orgPath: string): Weights {
  return districts.get(orgPath.split('/').filter(Boolean)[0] ?? '') ?? WEIGHTS;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
