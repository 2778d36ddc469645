import { maskAddress } from '@bangbang/auth';
import { BadRequestException, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Category } from '../catalogue/category.entity';
import { normalisePhone } from '@bangbang/contracts';
import { MESSAGE_SEALER, MessageSealer } from '../notifications/message-sealer';
import { Notification } from '../notifications/notification.entity';
import { enqueueNotification } from '../notifications/notification-queue';
import { bookingCodeText } from '../notifications/templates';
import { IntakeService } from '../requests/intake.service';
import { StatusLinks } from '../status/status-links';
import { BookingDto } from './booking.dto';
import { BookingVerification } from './booking-verification.entity';
import {
  checkVerificationCode,
  CODE_TTL_MS,
  hashVerificationCode,
  lockedUntil,
  MAX_CODES_SENT,
  MAX_WRONG_CODES,
  newVerificationCode,
  phoneKey,
  sendRefusedUntil,
  WINDOW_MS,
} from './verification-code';

/** What every verification request is told, whether or not the phone is registered. */
export const VERIFICATION_SENT = {
  message: '如该号码已在社区登记，验证码已通过短信发送 (if this number is registered, a code was sent by SMS)',
  validSeconds: CODE_TTL_MS / 1_000,
};

const WRONG_CODE = 'code: not a valid code for this phone (wrong, expired or already used); ask for a new one if needed';
const STALE_BATCH = 100;

/** A booking limit was reached: 429, with the moment it lifts for the Retry-After header. */
export class BookingLimitReached extends HttpException {
  constructor(
    message: string,
    readonly until: Date,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}

interface ResidentHome {
  householdId: string;
  residentId: string;
  orgPath: string;
  address: string;
}

/**
 * Residents book online with a code sent to their registered phone, then the request goes through
 * the agents' intake in the same transaction that uses up the code: a refused booking keeps it.
 */
export class VerificationSent {
  message: string;
  validSeconds: number;
}

export class Booked {
  number: string;
  status: string;
}

@Injectable()
export class BookingService {
  constructor(
    private readonly ds: DataSource,
    private readonly intake: IntakeService,
    @Inject(MESSAGE_SEALER) private readonly sealer: MessageSealer,
    private readonly statusLinks: StatusLinks,
  ) {}

  async sendCode(rawPhone: string): Promise<VerificationSent> {
    const phone = phoneOf(rawPhone);
    const key = phoneKey(phone);
    await this.ds.transaction(async (m) => {
      const now = new Date();
      await m.query('INSERT INTO booking_verification (phone_key) VALUES ($1) ON CONFLICT DO NOTHING', [key]);
      const v = await m.findOneOrFail(BookingVerification, { where: { phoneKey: key }, lock: { mode: 'pessimistic_write' } });
      const until = sendRefusedUntil(v, now);
      if (until) {
        throw new BookingLimitReached(
          `phone: ${MAX_CODES_SENT} codes or ${MAX_WRONG_CODES} wrong codes for this number within the hour; try again from ${until.toISOString()}`,
          until,
        );
      }
      // The phone is counted alike either way; only a registered one gets a code and an SMS.
      const registered = (await m.query<unknown[]>('SELECT 1 FROM resident_phone WHERE phone = $1 LIMIT 1', [phone])).length > 0;
      const fresh = registered ? newVerificationCode() : null;
      await m.update(
        BookingVerification,
        { phoneKey: key },
        {
          codeHash: fresh && hashVerificationCode(fresh.salt, phone, fresh.code),
          salt: fresh?.salt ?? null,
          expiresAt: fresh && new Date(now.getTime() + CODE_TTL_MS),
          usedAt: null,
          issuedAt: [...v.issuedAt.filter((t) => now.getTime() - t.getTime() < WINDOW_MS), now],
          lastSeenAt: now,
        },
      );
      if (fresh) {
        await m.insert(Notification, {
          id: randomUUID(),
          requestId: null,
          recipient: phone,
          template: 'booking_code',
          ...this.sealer.seal(bookingCodeText(fresh.code, CODE_TTL_MS / 60_000)),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
        });
      }
      await forgetStale(m, now);
    });
    return VERIFICATION_SENT;
  }

  async book(dto: BookingDto): Promise<Booked> {
    const phone = phoneOf(dto.phone);
    const key = phoneKey(phone);
    // Check and count under one row lock: guesses sent together then queue for it, and each sees
    // the tries counted before it, so no more than MAX_WRONG_CODES get a verdict within the window.
    const booked = await this.ds.transaction(async (m) => {
      const now = new Date();
      await m.query('INSERT INTO booking_verification (phone_key) VALUES ($1) ON CONFLICT DO NOTHING', [key]);
      const v = await m.findOneOrFail(BookingVerification, { where: { phoneKey: key }, lock: { mode: 'pessimistic_write' } });
      const check = checkVerificationCode(v, phone, dto.code, now);
      if (check === 'locked') {
        const until = lockedUntil(v, now)!;
        throw new BookingLimitReached(
          `code: ${MAX_WRONG_CODES} wrong codes for this number within the hour; try again from ${until.toISOString()}`,
          until,
        );
      }
      if (check === 'wrong') {
        await m.update(
          BookingVerification,
          { phoneKey: key },
          {
            wrongAt: [...v.wrongAt.filter((t) => now.getTime() - t.getTime() < WINDOW_MS), now],
            lastSeenAt: now,
          },
        );
        return null;
      }
      await m.update(BookingVerification, { phoneKey: key }, { usedAt: now, lastSeenAt: now });

      const home = await this.homeFor(m, phone, dto.householdId);
      const category = await m.findOneBy(Category, { code: dto.categoryCode });
      if (category?.kind === 'consultation') {
        throw new BadRequestException(`categoryCode: ${category.code} is a consultation; call the hotline, it is answered on the spot`);
      }
      const view = await this.intake.intake(
        m,
        {
          householdId: home.householdId,
          residentId: home.residentId,
          categoryCode: dto.categoryCode,
          description: dto.description,
          preferredWindow: dto.preferredWindow,
          chosenProviderId: dto.chosenProviderId,
        },
        { actor: { kind: 'resident', id: home.residentId }, scopeOrgPath: home.orgPath, channel: 'booking' },
      );
      // Whoever booked online follows the request by the texted link, with no account to sign in to.
      await enqueueNotification(m, this.sealer, view, 'status_link', {
        statusLink: this.statusLinks.linkFor(view.id, now),
        validDays: this.statusLinks.validDays,
      });
      return { number: view.number, status: view.status };
    });
    if (!booked) throw new BadRequestException(WRONG_CODE);
    return booked;
  }

  /** The household the booking is for: the phone's only one, or the one it names among the phone's. */
  private async homeFor(m: EntityManager, phone: string, householdId?: string): Promise<ResidentHome> {
    const homes: ResidentHome[] = await m.query(
      `SELECT DISTINCT ON (h.id) h.id AS "householdId", r.id AS "residentId", h.org_path AS "orgPath", h.address
         FROM resident_phone p JOIN resident r ON r.id = p.resident_id JOIN household h ON h.id = r.household_id
        WHERE p.phone = $1 ORDER BY h.id, r.created_at`,
      [phone],
    );
    if (householdId) {
      const chosen = homes.find((h) => h.householdId === householdId);
      if (!chosen) throw new BadRequestException(`householdId: ${householdId} is not a household of this phone`);
      return chosen;
    }
    if (homes.length === 1) return homes[0];
    if (!homes.length) throw new BadRequestException('phone: no household is registered with this number any more');
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `householdId: this phone is registered at ${homes.length} households; choose one`,
      households: homes.map((h) => ({ id: h.householdId, address: maskAddress(h.address) })),
    });
  }
}

function phoneOf(raw: string): string {
  const phone = normalisePhone(raw);
  if (!phone) throw new BadRequestException('phone: not a phone number');
  return phone;
}

/** A row untouched for a window holds nothing a limit or a code still needs. */
async function forgetStale(m: EntityManager, now: Date): Promise<void> {
  await m.query(
    `DELETE FROM booking_verification WHERE phone_key IN (
       SELECT phone_key FROM booking_verification WHERE last_seen_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    [new Date(now.getTime() - WINDOW_MS), STALE_BATCH],
  );
}
