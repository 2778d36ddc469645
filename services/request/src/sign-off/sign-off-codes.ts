import { EntityManager } from 'typeorm';
import { enqueueNotification } from '../notifications/notification-queue';
import type { ServiceRequest } from '../requests/service-request.entity';
import { SignOffCode } from './sign-off-code.entity';
import { hashSignOffCode, newSignOffCode } from './sign-off-code';

/** A fresh code replaces any earlier one; only its hash is stored, the code travels by SMS. */
export async function issueSignOffCode(m: EntityManager, r: ServiceRequest, ttlHours: number): Promise<void> {
  const code = newSignOffCode();
  await m.upsert(
    SignOffCode,
    { requestId: r.id, codeHash: hashSignOffCode(r.id, code), expiresAt: new Date(Date.now() + ttlHours * 3_600_000), attempts: 0, usedAt: null },
    ['requestId'],
  );
  await enqueueNotification(m, r, 'sign_off_request', { code, validHours: ttlHours });
}
