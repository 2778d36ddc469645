import { ConflictException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

/**
 * An insert a check-then-insert guards: when a concurrent request inserts the same row between the
 * check and the insert, the unique index decides, and the loser gets the check's 409, not a 500.
 */
export async function conflictOnUnique<T>(insert: Promise<T>, message: string): Promise<T> {
  try {
    return await insert;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictException(message);
    throw error;
  }
}
