import { HttpException, HttpStatus } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MessageSealer } from '../notifications/message-sealer';
import { enqueueNotification } from '../notifications/notification-queue';
import type { ServiceRequest } from '../requests/service-request.entity';
import { SignOffCode } from './sign-off-code.entity';
import {
  hashSignOffCode,
  LIMIT_WINDOW_MS,
  MAX_CODES_SENT,
  MAX_WRONG_CODES,
  newSignOffCode,
  resendRefusal,
  withinWindow,
} from './sign-off-code';

const WINDOW_HOURS = LIMIT_WINDOW_MS / 3_600_000;
const FALLBACK = 'the agent can sign the request off on the follow-up call';

/** A sign-off limit was reached: 429, with the moment it lifts for the Retry-After header. */
export class SignOffLimitReached extends HttpException {
  constructor(
    message: string,
    readonly until: Date,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }

  static wrongCodes(until: Date): SignOffLimitReached {
    return new SignOffLimitReached(
      `code: ${MAX_WRONG_CODES} wrong codes for this request within ${WINDOW_HOURS} h; no more tries, with this code or a new one, until ${until.toISOString()}; ${FALLBACK}`,
      until,
    );
  }

  static codesSent(until: Date): SignOffLimitReached {
    return new SignOffLimitReached(
      `sign-off code: ${MAX_CODES_SENT} codes sent for this request within ${WINDOW_HOURS} h; the next one can be sent from ${until.toISOString()}, or ${FALLBACK}`,
      until,
    );
  }
}

/**
 * A fresh code replaces any earlier one; only its hash is stored, the code travels by SMS. The
 * code sent on completion always goes; one asked for (`resend`) is refused past the limits. The
 * request row is locked by the caller.
 */
export async function issueSignOffCode(
  m: EntityManager,
  sealer: MessageSealer,
  r: ServiceRequest,
  ttlHours: number,
  opts: { resend: boolean },
): Promise<void> {
  const now = new Date();
  const previous = await m.findOneBy(SignOffCode, { requestId: r.id });
  const refusal = opts.resend && resendRefusal(previous, now);
  if (refusal)
    throw refusal.limit === 'wrong_codes' ? SignOffLimitReached.wrongCodes(refusal.until) : SignOffLimitReached.codesSent(refusal.until);
  const code = newSignOffCode();
  await m.upsert(
    SignOffCode,
    {
      requestId: r.id,
      codeHash: hashSignOffCode(r.id, code),
      expiresAt: new Date(now.getTime() + ttlHours * 3_600_000),
      usedAt: null,
      // Wrong tries carry over to the new code: they count per request, not per code.
      wrongAt: withinWindow(previous?.wrongAt ?? [], now),
      issuedAt: [...withinWindow(previous?.issuedAt ?? [], now), now],
    },
    ['requestId'],
  );
  await enqueueNotification(m, sealer, r, 'sign_off_request', { code, validHours: ttlHours });
}
