import fc from 'fast-check';

export type Schema = Record<string, any>;
export type Schemas = Record<string, Schema>;

const MAX_DEPTH = 4;

/** A value valid against an OpenAPI 3 schema (as far as the schema says), for the fuzz test to mutate. */
export function valid(schema: Schema | undefined, schemas: Schemas, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > MAX_DEPTH) return fc.constant({});
  if (schema.$ref) return valid(schemas[String(schema.$ref).replace('#/components/schemas/', '')], schemas, depth + 1);
  if (schema.allOf) {
    const parts = schema.allOf.map((s: Schema) => valid(s, schemas, depth + 1));
    return fc.tuple(...parts).map((values) => Object.assign({}, ...values.filter((v) => v && typeof v === 'object')));
  }
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) return fc.oneof(...choices.map((s: Schema) => valid(s, schemas, depth + 1)));
  const value = plain(schema, schemas, depth);
  return schema.nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
}

function plain(schema: Schema, schemas: Schemas, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type)
    ? schema.type[0]
    : (schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined));
  switch (type) {
    case 'string':
      return text(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valid(schema.items, schemas, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const props: Record<string, Schema> = schema.properties ?? {};
      const required = new Set<string>(schema.required ?? []);
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valid(s, schemas, depth + 1)]));
      return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}

function text(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 200));
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      return fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
  }
}

/** Fields a caller must never be able to set by adding them to a body. */
export const MASS_ASSIGNMENT = [
  'status',
  'orgPath',
  'points',
  'role',
  'feePolicy',
  'id',
  'kind',
  'createdAt',
  'version',
  'balance',
  'providerId',
  '__proto__',
  'constructor',
];

const CONTROL = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\u202e',
  '\ud800',
  '\uffff',
  '%00',
  '${x}',
  "'; drop table x; --",
);

/** Values of the wrong kind, or of the right kind but out of any sane range. */
export const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, '', ' ', '0', 'true', 'null', [], {}, [null], {
    $gt: '',
  }),
  fc.string(),
  fc.integer(),
  CONTROL,
  fc.tuple(fc.string({ maxLength: 5 }), CONTROL, fc.string({ maxLength: 5 })).map(([a, c, b]) => a + c + b),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.array(fc.string(), { minLength: 200, maxLength: 2_000 }),
  fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

export type Mutation = { kind: string; apply: (v: unknown) => unknown };

const setAt = (v: unknown, key: string, value: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.defineProperty({ ...v }, key, { value, enumerable: true, configurable: true, writable: true })
    : v;

const withControlChars = (v: unknown, c: string): unknown =>
  typeof v === 'string'
    ? `${v}${c}`
    : Array.isArray(v)
      ? v.map((x) => withControlChars(x, c))
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withControlChars(x, c)]))
        : v;

/** A valid value, or that value broken in one of the ways a hostile or careless client would. */
export function mutation(keys: string[]): fc.Arbitrary<Mutation> {
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('x');
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'valid', apply: (v) => v }) },
    {
      weight: 3,
      arbitrary: fc.tuple(key, weird).map(([k, w]): Mutation => ({ kind: `field ${k} = ${short(w)}`, apply: (v) => setAt(v, k, w) })),
    },
    { weight: 1, arbitrary: key.map((k): Mutation => ({ kind: `field ${k} null`, apply: (v) => setAt(v, k, null) })) },
    {
      weight: 2,
      arbitrary: key.map((k): Mutation => ({
        kind: `field ${k} missing`,
        apply: (v) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([x]) => x !== k)) : v,
      })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...MASS_ASSIGNMENT), weird)
        .map(([k, w]): Mutation => ({ kind: `extra ${k} = ${short(w)}`, apply: (v) => setAt(v, k, w) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ minLength: 1, maxLength: 12 }), weird)
        .map(([k, w]): Mutation => ({ kind: `extra ${k}`, apply: (v) => setAt(v, k, w) })),
    },
    {
      weight: 2,
      arbitrary: CONTROL.map((c): Mutation => ({ kind: `control characters ${JSON.stringify(c)}`, apply: (v) => withControlChars(v, c) })),
    },
    { weight: 1, arbitrary: weird.map((w): Mutation => ({ kind: `whole body ${short(w)}`, apply: () => w })) },
  );
}

export const short = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...(${s.length} chars)` : s;
};
