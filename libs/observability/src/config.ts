import { plainToInstance } from 'class-transformer';
import { isURL, registerDecorator, validateSync, ValidationOptions } from 'class-validator';

export class ConfigError extends Error {}

/**
 * Reads environment variables into a validated config class. Every property of the class is an
 * environment variable of the same name, and its initialiser is the safe local default; start-up
 * fails with every bad variable named rather than at the first use.
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls();
  const raw: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] = convertLike(raw[key], value);
  }
  const config = plainToInstance(cls, raw);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}

/** Converts by the default's type, so a config class needs no reflection metadata. */
function convertLike(example: unknown, value: string): unknown {
  if (typeof example === 'boolean') return ['true', '1', 'yes'].includes(value.toLowerCase());
  if (typeof example === 'number') return value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value);
  return value;
}

/** `http://a:3001,http://b:3001`: the addresses of several instances, in the order configured. */
export function urlList(value: string): string[] {
  return value
    .split(',')
    .map((u) => u.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/** One URL, or several separated by commas, each http(s). */
export function IsUrlList(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isUrlList',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a URL or a comma-separated list of URLs`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          urlList(value).length > 0 &&
          urlList(value).every((u) => isURL(u, { require_tld: false, protocols: ['http', 'https'], require_protocol: true })),
      },
    });
}
