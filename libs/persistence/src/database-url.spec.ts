import { loadConfig } from '@bangbang/observability';
import { DatabaseConfig, databaseUrlFor } from './database-url';

describe('databaseUrlFor', () => {
  it('puts the service in its own database on the named server, as its own role', () => {
    expect(databaseUrlFor('request', { DATABASE_URL: 'postgres://db:5432/postgres' })).toBe(
      'postgres://bangbang_request@db:5432/bangbang_request',
    );
  });

  it('never logs a service in as the server URL’s user unless DATABASE_USER says so', () => {
    expect(databaseUrlFor('request', { DATABASE_URL: 'postgres://postgres:secret@db:5432/postgres' })).toBe(
      'postgres://bangbang_request@db:5432/bangbang_request',
    );
    expect(databaseUrlFor('request', { DATABASE_URL: 'postgres://postgres@db:5432/postgres', DATABASE_USER: 'postgres' })).toBe(
      'postgres://postgres@db:5432/bangbang_request',
    );
  });

  it('takes the password from DATABASE_PASSWORD, encoded for the URL', () => {
    expect(databaseUrlFor('rating', { DATABASE_URL: 'postgres://db/postgres?sslmode=require', DATABASE_PASSWORD: 'p@ss/w:rd' })).toBe(
      'postgres://bangbang_rating:p%40ss%2Fw%3Ard@db/bangbang_rating?sslmode=require',
    );
  });

  it('honours DATABASE_NAME', () => {
    expect(databaseUrlFor('request', { DATABASE_NAME: 'other_db' })).toBe('postgres://bangbang_request@127.0.0.1:5432/other_db');
  });

  it('names the bad variable at start-up', () => {
    expect(() => databaseUrlFor('request', { DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(() => databaseUrlFor('request', { DATABASE_NAME: 'drop table;' })).toThrow(
      /DATABASE_NAME must be a plain PostgreSQL identifier/,
    );
    expect(() => databaseUrlFor('request', { DATABASE_USER: 'a b' })).toThrow(/DATABASE_USER must be a plain PostgreSQL identifier/);
  });

  it('keeps statements prepared on every connection unless DATABASE_PREPARED_STATEMENTS says 0', () => {
    expect(loadConfig(DatabaseConfig, {}).DATABASE_PREPARED_STATEMENTS).toBe(256);
    expect(loadConfig(DatabaseConfig, { DATABASE_PREPARED_STATEMENTS: '0' }).DATABASE_PREPARED_STATEMENTS).toBe(0);
    expect(() => loadConfig(DatabaseConfig, { DATABASE_PREPARED_STATEMENTS: '-1' })).toThrow(/DATABASE_PREPARED_STATEMENTS/);
  });
});
