import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allContracts,
  CloudEvent,
  ContractViolation,
  createEvent,
  fromKafkaRecord,
  coarseLocation,
  RequestCreated,
  RequestCreatedV2Event,
  RequestSignedOff,
  toKafkaRecord,
  validateEvent,
} from './index';

const examplesDir = join(__dirname, '..', 'examples');
const example = (type: string): CloudEvent => JSON.parse(readFileSync(join(examplesDir, `${type}.json`), 'utf8'));

describe('event contracts', () => {
  it.each(allContracts().map((c) => [c.type, c] as const))('%s has an example that validates', (type, contract) => {
    const event = example(type);
    expect(event.type).toBe(type);
    expect(event.source).toBe(contract.source);
    expect(() => validateEvent(event, contract)).not.toThrow();
  });

  it('has no example without a contract', () => {
    const types = new Set(allContracts().map((c) => c.type));
    const orphans = readdirSync(examplesDir).filter((f) => !types.has(f.replace(/\.json$/, '')));
    expect(orphans).toEqual([]);
  });

  it('names the broken field when data breaks the contract', () => {
    const event = example(RequestCreated.type);
    const broken = { ...event, data: { ...(event.data as object), urgency: 'whenever' } };
    expect(() => validateEvent(broken, RequestCreated)).toThrow(ContractViolation);
    expect(() => validateEvent(broken, RequestCreated)).toThrow(/data\.urgency/);
  });

  it('carries only a coarse location in request.created.v2, rounded to 0.01° (about 1 km)', () => {
    const event = example(RequestCreatedV2Event.type);
    const at = (location: object) => ({ ...event, data: { ...(event.data as object), location } });
    expect(() => validateEvent(at({ lat: 31.57, lng: 120.3 }), RequestCreatedV2Event)).not.toThrow();
    expect(() => validateEvent(at({ lat: 31.5689, lng: 120.3 }), RequestCreatedV2Event)).toThrow(/data\.location\.lat/);
    expect(() => validateEvent(at({ lat: 31.57, lng: 120.3017 }), RequestCreatedV2Event)).toThrow(/data\.location\.lng/);
    expect(coarseLocation({ lat: 31.5689, lng: 120.3017 })).toEqual({ lat: 31.57, lng: 120.3 });
    expect(coarseLocation({ lat: -0.004, lng: 179.996 })).toEqual({ lat: 0, lng: 180 });
    expect(Object.keys(event.data as object)).not.toContain('summary');
  });

  it('takes a sign-off with or without the rating token hash, but only as lower-case hex SHA-256', () => {
    const event = example(RequestSignedOff.type);
    const withHash = (ratingTokenHash?: string) => ({ ...event, data: { ...(event.data as object), ratingTokenHash } });
    expect(() => validateEvent(withHash(undefined), RequestSignedOff)).not.toThrow();
    expect(() => validateEvent(withHash('ab'.repeat(32)), RequestSignedOff)).not.toThrow();
    for (const bad of ['AB'.repeat(32), 'ab'.repeat(31), 'q5V2mR8tYk0bW3nL7xC1aZ9eH4jF6uP2sD0gK8oI5rE']) {
      expect(() => validateEvent(withHash(bad), RequestSignedOff)).toThrow(/data\.ratingTokenHash/);
    }
  });

  it('refuses an envelope without a subject', () => {
    const event = { ...example(RequestCreated.type), subject: '' };
    expect(() => validateEvent(event, RequestCreated)).toThrow(/subject is required/);
  });

  it('round-trips through the Kafka binary binding keyed by subject', () => {
    const event = createEvent('/bangbang/request', {
      type: RequestCreated.type,
      subject: 'abc',
      data: { x: 1 },
      correlationid: 'corr-1',
      causationid: 'cause-1',
    });
    const record = toKafkaRecord(event);
    expect(record.key).toBe('abc');
    expect(record.headers.ce_type).toBe(RequestCreated.type);
    expect(fromKafkaRecord(record)).toEqual(event);
  });

  it('reads structured mode too', () => {
    const event = example(RequestCreated.type);
    const record = { key: null, value: JSON.stringify(event), headers: { 'content-type': 'application/cloudevents+json' } };
    expect(fromKafkaRecord(record)).toEqual(event);
  });
});
