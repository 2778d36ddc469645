import { isURL, registerDecorator, ValidationOptions } from 'class-validator';

/** `http://a:3001,http://b:3001`: a service's instances, in the order configured. */
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

/**
 * A service's instances, taken in turn: each call starts at the next instance and, when that one
 * cannot be reached, goes on to the others in order.
 */
export class UpstreamPool {
  private turn = 0;

  constructor(readonly bases: readonly string[]) {
    if (!bases.length) throw new Error('an upstream pool needs at least one instance');
  }

  /** Every instance once, starting with the one whose turn it is. */
  order(): string[] {
    const start = this.turn;
    this.turn = (this.turn + 1) % this.bases.length;
    return [...this.bases.slice(start), ...this.bases.slice(0, start)];
  }
}
