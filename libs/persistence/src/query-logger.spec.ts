import pino from 'pino';
import { Writable } from 'node:stream';
import { dataSourceOptions } from './data-source-options';
import { QueryLogger } from './query-logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: new QueryLogger(pino({ level: 'debug' }, stream)), lines };
}

const PHONE = '8613812345678';
const INSERT = 'INSERT INTO resident_phone (resident_id, phone) VALUES ($1, $2)';

describe('the TypeORM logger', () => {
  it('logs failed and slow queries with their statement but never their parameters', () => {
    const { logger, lines } = capture();
    logger.logQueryError(
      Object.assign(new Error('duplicate key'), { parameters: ['r-1', PHONE], detail: `Key (phone)=(${PHONE}) already exists.` }),
      INSERT,
      ['r-1', PHONE],
    );
    logger.logQuerySlow(2_500, INSERT, ['r-1', PHONE]);
    logger.logQuery(INSERT, ['r-1', PHONE]);
    expect(lines).toHaveLength(3);
    expect(JSON.stringify(lines)).not.toContain(PHONE);
    expect(lines.map((l) => [l.query, l.parameterCount])).toEqual([
      [INSERT, 2],
      [INSERT, 2],
      [INSERT, 2],
    ]);
    expect(lines[1]).toMatchObject({ level: 40, ms: 2_500 });
  });

  it('is the logger every service’s data source uses', () => {
    const options = dataSourceOptions({ url: 'postgres://x@db/y', entities: [], migrations: [] });
    expect(options.logger).toBeInstanceOf(QueryLogger);
    expect(options.logging).toEqual(['error', 'warn', 'migration']);
  });
});
