import pino from 'pino';
import { Writable } from 'node:stream';
import { loggerOptions } from './logger';

/** A logger as the services get it, writing its JSON lines here. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: pino({ ...loggerOptions('test'), level: 'info' }, stream), lines };
}

class QueryFailedError extends Error {}

/** What TypeORM throws for a failed query: the statement, its parameters and the driver's error. */
function queryFailed(): Error {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "resident_phone_pkey"'), {
    code: '23505',
    detail: 'Key (phone)=(8613812345678) already exists.',
    constraint: 'resident_phone_pkey',
  });
  return Object.assign(new QueryFailedError(driverError.message), {
    query: 'INSERT INTO resident_phone (resident_id, phone) VALUES ($1, $2)',
    parameters: ['7c1e0d9a-0000-4000-8000-000000000000', '8613812345678'],
    driverError,
    code: '23505',
    detail: driverError.detail,
    constraint: 'resident_phone_pkey',
  });
}

describe('error logging', () => {
  it.each(['err', 'error'])('keeps query parameters and row values out of a logged %s', (key) => {
    const { log, lines } = capture();
    log.error({ [key]: queryFailed() }, 'insert failed');
    const [line] = lines;
    expect(line).not.toContain('8613812345678');
    expect(line).not.toContain('7c1e0d9a');
    const logged = JSON.parse(line)[key];
    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      message: expect.stringContaining('resident_phone_pkey'),
      query: 'INSERT INTO resident_phone (resident_id, phone) VALUES ($1, $2)',
      code: '23505',
      constraint: 'resident_phone_pkey',
      parameters: '[2 redacted]',
      detail: '[redacted]',
    });
    expect(logged.driverError).toMatchObject({ code: '23505', detail: '[redacted]' });
  });

  it('logs other errors as before', () => {
    const { log, lines } = capture();
    log.error({ err: new TypeError('boom') }, 'failed');
    expect(JSON.parse(lines[0]).err).toMatchObject({
      type: 'TypeError',
      message: 'boom',
      stack: expect.stringContaining('TypeError: boom'),
    });
  });
});
