import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { ServiceRequest } from '../requests/service-request.entity';
import { MessageSealer } from './message-sealer';
import { Notification, NotificationTemplate } from './notification.entity';
import { MessageFacts, messageText } from './templates';

/** Notified when texts are queued (by a trigger on the table), to wake the sender. */
export const NOTIFICATION_CHANNEL = 'request_notifications';

/**
 * Queues a message to the request's resident in the caller's transaction: it exists if and only if
 * the change it reports was committed, and the sender delivers it whenever the SMS gateway answers.
 * The request's own resident is told, else the household's first resident with a phone.
 */
export async function enqueueNotification(
  m: EntityManager,
  sealer: MessageSealer,
  request: Pick<ServiceRequest, 'id' | 'number' | 'householdId' | 'residentId'>,
  template: NotificationTemplate,
  facts: Omit<MessageFacts, 'number'> = {},
): Promise<boolean> {
  const [recipient] = await m.query<[{ phone: string }?]>(
    `SELECT p.phone FROM resident r JOIN resident_phone p ON p.resident_id = r.id
      WHERE r.household_id = $1
      ORDER BY (r.id = $2) DESC NULLS LAST, r.created_at, p.phone LIMIT 1`,
    [request.householdId, request.residentId],
  );
  if (!recipient) return false;
  await m.insert(Notification, {
    id: randomUUID(),
    requestId: request.id,
    recipient: recipient.phone,
    template,
    ...sealer.seal(messageText(template, { ...facts, number: request.number })),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: new Date(),
  });
  return true;
}
