/**
 * Each service owns one database on the shared server: `DATABASE_URL` names the server (its path
 * is ignored) and the database is `bangbang_<service>` unless `DATABASE_NAME` says otherwise.
 */
export function databaseUrlFor(service: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = new URL(env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${env.DATABASE_NAME || `bangbang_${service}`}`;
  return url.toString();
}

export function serverUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}
