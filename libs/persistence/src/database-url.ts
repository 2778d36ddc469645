import { loadConfig } from '@bangbang/observability';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

const IDENTIFIER = /^([a-z_][a-z0-9_]{0,62})?$/;

export class DatabaseConfig {
  /**
   * The PostgreSQL server. Its path is ignored (each service owns its own database on it), and so
   * is its user: a service logs in as DATABASE_USER. Scripts and tests use it as the admin login.
   */
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** Overrides the service's own database name, `bangbang_<service>`. */
  @Matches(IDENTIFIER, { message: 'DATABASE_NAME must be a plain PostgreSQL identifier' })
  DATABASE_NAME = '';

  /** Overrides the service's own role, `bangbang_<service>`, which owns its database and nothing else. */
  @Matches(IDENTIFIER, { message: 'DATABASE_USER must be a plain PostgreSQL identifier' })
  DATABASE_USER = '';

  /** The role's password; none where the server trusts local connections. */
  @IsString() DATABASE_PASSWORD = '';

  /** Connections in the service's pool; the background loops' LISTEN connections come on top. */
  @IsInt() @Min(1) @Max(100) DATABASE_POOL_SIZE = 10;

  /**
   * How long a request waits for a free pooled connection (or a new one to open) before it is
   * answered 503 with Retry-After, rather than queueing without end behind a stuck database.
   */
  @IsInt() @Min(100) @Max(60_000) DATABASE_POOL_WAIT_MS = 3_000;

  /**
   * Statements each pooled connection keeps prepared, so the server plans them once (see
   * `serviceClient`). 0 prepares none: for a pooler in transaction mode that cannot keep them.
   */
  @IsInt() @Min(0) @Max(10_000) DATABASE_PREPARED_STATEMENTS = 256;
}

/**
 * Where one service connects: the server in `DATABASE_URL`, its own database `bangbang_<service>`
 * and its own role of the same name (`DATABASE_NAME` and `DATABASE_USER` override them). The
 * server URL's user is deliberately not inherited, so a superuser URL shared by the deployment
 * never becomes a service's login by accident.
 */
export function databaseUrlFor(service: string, env: NodeJS.ProcessEnv = process.env): string {
  const config = loadConfig(DatabaseConfig, env);
  const url = new URL(config.DATABASE_URL);
  url.username = config.DATABASE_USER || `bangbang_${service}`;
  url.password = config.DATABASE_PASSWORD ? encodeURIComponent(config.DATABASE_PASSWORD) : '';
  url.pathname = `/${config.DATABASE_NAME || `bangbang_${service}`}`;
  return url.toString();
}

export function serverUrl(env: NodeJS.ProcessEnv = process.env): string {
  return loadConfig(DatabaseConfig, env).DATABASE_URL;
}

/** The admin login named in `DATABASE_URL`, for tools and tests that act on the server as a whole. */
export function serverUser(env: NodeJS.ProcessEnv = process.env): string {
  return decodeURIComponent(new URL(serverUrl(env)).username) || 'postgres';
}
