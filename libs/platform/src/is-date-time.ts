import { isISO8601, registerDecorator, ValidationOptions } from 'class-validator';

const CALENDAR = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(10_000, 0, 1);

/**
 * A calendar date or date-time in ISO 8601 (`2026-11-26`, `2026-11-26T09:30:00+08:00`) that is a
 * real day between 1900 and 9999. `@IsISO8601()` also takes week dates, ordinal dates, signed years
 * and (unless strict) 30 February, which `new Date()` turns into Invalid Date or another day.
 */
export function isDateTime(value: unknown): boolean {
  if (typeof value !== 'string' || !CALENDAR.test(value) || !isISO8601(value, { strict: true })) return false;
  const time = Date.parse(value);
  return time >= EARLIEST && time < LATEST;
}

export function IsDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must be an ISO 8601 date or date-time (like 2026-11-26T09:30:00+08:00) between 1900 and 9999`,
        ...options,
      },
      validator: { validate: isDateTime },
    });
}
