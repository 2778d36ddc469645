import { chinaDay } from '@bangbang/contracts';

/**
 * `R<YYYYMMDD>-<nnnnnn>`: the day is the China calendar day the request was taken, the day agents
 * and residents see, not the UTC one (a call at 07:30 in Wuxi is still yesterday in UTC).
 */
export function requestNumber(receivedAt: Date, sequence: number): string {
  return `R${chinaDay(receivedAt).replaceAll('-', '')}-${String(sequence).padStart(6, '0')}`;
}
