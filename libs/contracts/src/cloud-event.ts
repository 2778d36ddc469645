import { randomUUID } from 'node:crypto';

/**
 * A CloudEvents 1.0 event. `correlationid` and `causationid` are extension attributes: the first
 * ties every event back to the HTTP request that started the story, the second names the event
 * (or request) that directly caused this one.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  correlationid: string;
  causationid?: string;
  data: T;
}

export interface NewEvent<T> {
  type: string;
  subject: string;
  data: T;
  id?: string;
  time?: Date;
  correlationid?: string;
  causationid?: string;
}

export function createEvent<T>(source: string, e: NewEvent<T>): CloudEvent<T> {
  const id = e.id ?? randomUUID();
  return {
    specversion: '1.0',
    id,
    source,
    type: e.type,
    time: (e.time ?? new Date()).toISOString(),
    subject: e.subject,
    datacontenttype: 'application/json',
    correlationid: e.correlationid ?? id,
    causationid: e.causationid,
    data: e.data,
  };
}
