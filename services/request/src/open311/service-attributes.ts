export class ServiceAttributeValue {
  key: string;
  name: string;
}

/** A GeoReport v2 service definition attribute: an extra fact a category needs from the reporter. */
export class ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: ServiceAttributeValue[];
}

export type AttributeValues = Record<string, string | string[]>;
export type AttributeCheck = { values: AttributeValues } | { errors: string[] };

const ATTRIBUTE_KEY = /^attribute\[([^\]]*)\](\[\])?$/;
const MAX_TEXT = 500;
const MAX_STRING = 100;

/** Splits a GeoReport form into its own fields and its `attribute[code]` (or `attribute[code][]`) answers. */
export function splitAttributes(body: Record<string, unknown>): { fields: Record<string, unknown>; answers: Record<string, unknown> } {
  const fields: Array<[string, unknown]> = [];
  const answers: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(body)) {
    const m = ATTRIBUTE_KEY.exec(key);
    if (m) answers.push([m[1], value]);
    else fields.push([key, value]);
  }
  // Built from entries so a key such as `__proto__` stays a plain (and refused) key.
  return { fields: Object.fromEntries(fields), answers: Object.fromEntries(answers) };
}

/**
 * Checks the answers against the category's attributes: every required one given, nothing the
 * category does not ask, list values among its keys, numbers numeric. Errors name the form field.
 */
export function checkAttributes(serviceCode: string, defs: readonly ServiceAttribute[], answers: Record<string, unknown>): AttributeCheck {
  const errors: string[] = [];
  const values: AttributeValues = {};
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const answer = (code: string): unknown => (Object.hasOwn(answers, code) ? answers[code] : undefined);
  for (const code of Object.keys(answers)) {
    if (!byCode.has(code))
      errors.push(
        `attribute[${code}]: ${serviceCode} asks no ${code}${defs.length ? ` (it asks ${defs.map((d) => d.code).join(', ')})` : ''}`,
      );
  }
  for (const def of defs) {
    const field = `attribute[${def.code}]`;
    const raw = answer(def.code);
    const given = (Array.isArray(raw) ? (raw as unknown[]) : raw === undefined ? [] : [raw])
      .map((v) => (typeof v === 'string' ? v.trim() : v))
      .filter((v) => v !== '');
    if (!given.length) {
      if (def.required) errors.push(`${field}: required${def.values ? ` (one of ${keys(def)})` : ''}`);
      continue;
    }
    if (given.some((v) => typeof v !== 'string')) {
      errors.push(`${field}: must be text`);
      continue;
    }
    const texts = given as string[];
    const problem = checkValue(def, texts);
    if (problem) errors.push(`${field}: ${problem}`);
    else values[def.code] = def.datatype === 'multivaluelist' ? [...new Set(texts)] : texts[0];
  }
  return errors.length ? { errors } : { values };
}

function checkValue(def: ServiceAttribute, given: string[]): string | null {
  if (def.datatype !== 'multivaluelist' && given.length > 1) return 'takes one value';
  switch (def.datatype) {
    case 'singlevaluelist':
    case 'multivaluelist': {
      const allowed = new Set(def.values?.map((v) => v.key));
      return given.every((v) => allowed.has(v)) ? null : `must be ${def.datatype === 'multivaluelist' ? 'among' : 'one of'} ${keys(def)}`;
    }
    case 'number':
      return /^-?\d{1,9}(\.\d{1,6})?$/.test(given[0]) ? null : 'must be a number';
    case 'text':
      return given[0].length <= MAX_TEXT ? null : `at most ${MAX_TEXT} characters`;
    case 'string':
      return given[0].length <= MAX_STRING ? null : `at most ${MAX_STRING} characters`;
  }
}

const keys = (def: ServiceAttribute): string => (def.values ?? []).map((v) => v.key).join(', ');
