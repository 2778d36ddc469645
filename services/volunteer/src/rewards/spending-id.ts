import { sha256Hex } from '@bangbang/auth';

/** An Idempotency-Key as the other services accept it. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

export type Spending = 'redemption' | 'exchange';

/**
 * The id of a spending made under a volunteer's Idempotency-Key: a name-based UUID (version 8) of
 * the spending, the volunteer and the key. A retry therefore claims the same ledger reference and
 * row as the first attempt and finds them, while another volunteer's identical key names another
 * spending. Random (version 4) ids of spendings made without a key can never equal one.
 */
export function spendingId(spending: Spending, volunteerId: string, key: string): string {
  const hex = sha256Hex(`${spending}\n${volunteerId}\n${key}`);
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
