import { databaseUrlFor } from './database-url';

describe('databaseUrlFor', () => {
  it('puts the service in its own database on the named server', () => {
    expect(databaseUrlFor('request', { DATABASE_URL: 'postgres://u:p@db:5432/postgres' })).toBe('postgres://u:p@db:5432/bangbang_request');
  });

  it('honours DATABASE_NAME', () => {
    expect(databaseUrlFor('request', { DATABASE_NAME: 'other_db' })).toBe('postgres://postgres@127.0.0.1:5432/other_db');
  });

  it('names the bad variable at start-up', () => {
    expect(() => databaseUrlFor('request', { DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(() => databaseUrlFor('request', { DATABASE_NAME: 'drop table;' })).toThrow(/DATABASE_NAME must be a plain PostgreSQL identifier/);
  });
});
