import { CloudEvent } from './cloud-event';

/** A Kafka record as both kafkajs producers and consumers see it, minus transport details. */
export interface KafkaRecord {
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

const CE_ATTRIBUTES = ['specversion', 'id', 'source', 'type', 'time', 'subject', 'correlationid', 'causationid'] as const;

export class MalformedEventError extends Error {}

/**
 * CloudEvents Kafka protocol binding, binary content mode: attributes travel as `ce_` headers, the
 * data is the record value and the subject (the aggregate id) is the key, so one aggregate's events
 * land on one partition in order.
 */
export function toKafkaRecord(event: CloudEvent): KafkaRecord {
  const headers: Record<string, string> = { 'content-type': event.datacontenttype };
  for (const attr of CE_ATTRIBUTES) {
    const value = event[attr];
    if (value !== undefined) headers[`ce_${attr}`] = value;
  }
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

/** Reads binary mode, and structured mode (`application/cloudevents+json`) for foreign producers. */
export function fromKafkaRecord(record: KafkaRecord): CloudEvent {
  const contentType = record.headers['content-type'] ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(record.value);
  } catch {
    throw new MalformedEventError('value is not JSON');
  }
  if (contentType.startsWith('application/cloudevents+json')) {
    if (!isObject(parsed)) throw new MalformedEventError('structured event is not an object');
    return parsed as unknown as CloudEvent;
  }
  const attrs: Record<string, string> = {};
  for (const attr of CE_ATTRIBUTES) {
    const value = record.headers[`ce_${attr}`];
    if (value !== undefined) attrs[attr] = value;
  }
  for (const required of ['specversion', 'id', 'source', 'type'] as const) {
    if (!attrs[required]) throw new MalformedEventError(`missing header ce_${required}`);
  }
  return {
    ...(attrs as unknown as CloudEvent),
    subject: attrs.subject ?? record.key ?? '',
    time: attrs.time ?? new Date().toISOString(),
    correlationid: attrs.correlationid ?? attrs.id,
    datacontenttype: 'application/json',
    data: parsed,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
