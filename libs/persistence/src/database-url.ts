import { loadConfig } from '@bangbang/observability';
import { Matches } from 'class-validator';

export class DatabaseConfig {
  /** The PostgreSQL server; its path is ignored: each service owns its own database on it. */
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** Overrides the service's own database name, `bangbang_<service>`. */
  @Matches(/^([a-z_][a-z0-9_]{0,62})?$/, { message: 'DATABASE_NAME must be a plain PostgreSQL identifier' })
  DATABASE_NAME = '';
}

/**
 * Each service owns one database on the shared server: `DATABASE_URL` names the server and the
 * database is `bangbang_<service>` unless `DATABASE_NAME` says otherwise.
 */
export function databaseUrlFor(service: string, env: NodeJS.ProcessEnv = process.env): string {
  const config = loadConfig(DatabaseConfig, env);
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/${config.DATABASE_NAME || `bangbang_${service}`}`;
  return url.toString();
}

export function serverUrl(env: NodeJS.ProcessEnv = process.env): string {
  return loadConfig(DatabaseConfig, env).DATABASE_URL;
}
