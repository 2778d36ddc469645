import { AuditOrigin, canSeeUnmasked, maskAddress, maskPhone, Principal, recordAudit, scopedRepository } from '@bangbang/auth';
import { AuditRecorded, FeePolicy, nationalFormat, normalisePhone } from '@bangbang/contracts';
import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { communityInScope } from '../directory/communities';
import { OrgUnit } from '../directory/org-unit.entity';
import { currentGrant, type EligibilityReason, feePolicyAt } from '../eligibility/fee-rules';
import { once } from '../idempotency/idempotency-key';
import { isOpen, type RequestStatus } from '../lifecycle/request-state';
import { callerLookupQuery, PhoneMatch } from './caller-lookup';
import { CallerQuery, CreateHouseholdDto, ResidentDto, VerifyHouseholdDto } from './household.dto';
import { Household } from './household.entity';
import { Resident, ResidentPhone } from './resident.entity';

export class RequestSummary {
  id: string;
  number: string;
  categoryCode: string;
  status: string;
  receivedAt: Date;
}

export class ResidentView {
  id: string;
  name: string;
  /** Masked unless the household was read unmasked, on purpose. */
  phones: string[];
  tags: string[];
  preferredContact: string;
}

/** Why the household is free and until when; the evidence stays behind the eligibility route. */
export class FeeGrantView {
  reason: EligibilityReason;
  validUntil: Date;
}

export class HouseholdView {
  id: string;
  communityCode: string;
  /** Made from a report by someone not registered, waiting for staff to confirm or correct it. */
  provisional: boolean;
  /** For a household made from a report: how it was placed (community-name, neighbours, street-name, fallback). */
  placedBy: string | null;
  verifiedBy: string | null;
  verifiedAt: Date | null;
  address: string | null;
  contactMasked: boolean;
  residents: ResidentView[];
  feePolicy: FeePolicy;
  /**
   * The grant behind a free policy, only in the unmasked (audited) view: why a household is free
   * (a subsistence allowance, a disability) is as personal as its full address. Null otherwise.
   */
  feeGrant: FeeGrantView | null;
  openRequests: RequestSummary[];
  lastRequests: RequestSummary[];
}

const LAST_REQUESTS = 5;

/*
 * The view's reads are plain statements of the columns it shows: it is read on every call that
 * reaches an agent (the screen pop), where TypeORM's finds built and filled whole entities, every
 * column of the last 50 requests, to show five of them.
 */
type ResidentRow = Pick<ResidentView, 'id' | 'name' | 'tags' | 'preferredContact'> & { phones: string[] };
const RESIDENTS = `
  SELECT r.id, r.name, r.tags, r.preferred_contact AS "preferredContact",
    ARRAY(SELECT p.phone FROM resident_phone p WHERE p.resident_id = r.id) AS phones
  FROM resident r WHERE r.household_id = $1 ORDER BY r.created_at`;
type GrantRow = FeeGrantView & { validFrom: Date };
const GRANTS = `
  SELECT reason, valid_from AS "validFrom", valid_until AS "validUntil"
  FROM fee_eligibility WHERE household_id = $1 AND revoked_at IS NULL`;
/** The open requests are found among the last 50. */
const REQUESTS = `
  SELECT id, number, category_code AS "categoryCode", status, received_at AS "receivedAt"
  FROM service_request WHERE household_id = $1 ORDER BY received_at DESC LIMIT 50`;
const PROVISIONAL_LIMIT = 100;

@Injectable()
export class HouseholdsService {
  constructor(private readonly ds: DataSource) {}

  async create(
    principal: Principal,
    dto: CreateHouseholdDto,
    key: string | undefined,
    origin: AuditOrigin,
  ): Promise<{ answer: HouseholdView; replayed: boolean }> {
    const phones = dto.residents.map((r, i) => normalisedPhones(r, `residents.${i}.phones`));
    // The answer is read on the transaction's own connection: read after the commit, a pool with
    // no free connection would answer 503 ("nothing was changed") for a household already saved.
    return this.ds.transaction((m) =>
      once(m, principal.id, { kind: 'household', key }, dto, async () => {
        const community = await communityInScope(m, principal, dto.communityCode);
        const household = m.create(Household, {
          id: randomUUID(),
          communityCode: community.code,
          orgPath: community.orgPath,
          address: dto.address.trim(),
          lat: dto.lat ?? null,
          lng: dto.lng ?? null,
          provisional: false,
        });
        await m.insert(Household, household);
        for (const [i, r] of dto.residents.entries()) await insertResident(m, household.id, r, phones[i]);
        await recordAudit(
          m,
          AuditRecorded.request,
          principal,
          { action: 'household.created', resourceType: 'household', resourceId: household.id },
          origin,
        );
        return this.view(m, await m.findOneByOrFail(Household, { id: household.id }), false);
      }),
    );
  }

  async addResident(principal: Principal, householdId: string, dto: ResidentDto, origin: AuditOrigin): Promise<HouseholdView> {
    const phones = normalisedPhones(dto, 'phones');
    return this.ds.transaction(async (m) => {
      const household = await scopedRepository(m, Household, principal).get({ id: householdId }, `household ${householdId}`);
      await insertResident(m, household.id, dto, phones);
      await recordAudit(
        m,
        AuditRecorded.request,
        principal,
        { action: 'household.resident-added', resourceType: 'household', resourceId: household.id },
        origin,
      );
      return this.view(m, household, false);
    });
  }

  /** Masked unless asked otherwise, by a role that may, with a purpose; the read is then audited. */
  async get(principal: Principal, id: string, read: { unmasked?: string; purpose?: string }, origin: AuditOrigin): Promise<HouseholdView> {
    const household = await scopedRepository(this.ds.manager, Household, principal).get({ id }, `household ${id}`);
    if (read.unmasked !== 'true') return this.view(this.ds.manager, household, false);
    if (!read.purpose?.trim()) throw new BadRequestException('purpose: required to see unmasked contact data');
    if (!canSeeUnmasked(principal, { purpose: read.purpose, orgPath: household.orgPath })) {
      throw new ForbiddenException(`role ${principal.role} may not see unmasked contact data`);
    }
    await recordAudit(
      this.ds.manager,
      AuditRecorded.request,
      principal,
      {
        action: 'household.contact-read',
        resourceType: 'household',
        resourceId: id,
        purpose: read.purpose,
      },
      origin,
    );
    return this.view(this.ds.manager, household, true);
  }

  /** Households made from reports and not yet verified, oldest first: the staff's to-do list. */
  async provisional(principal: Principal): Promise<HouseholdView[]> {
    const rows = await scopedRepository(this.ds.manager, Household, principal).find({
      where: { provisional: true },
      order: { createdAt: 'ASC' },
      take: PROVISIONAL_LIMIT,
    });
    return Promise.all(rows.map((h) => this.view(this.ds.manager, h, false)));
  }

  /**
   * Confirms a household made from a report, correcting what is given. One left at a street or the
   * district must be given its community. Requests already taken keep the place they were taken in:
   * dispatch has been working them there.
   */
  async verify(principal: Principal, id: string, dto: VerifyHouseholdDto, origin: AuditOrigin): Promise<HouseholdView> {
    if ((dto.lat === undefined) !== (dto.lng === undefined)) throw new BadRequestException('lng: give lat and lng together');
    return this.ds.transaction(async (m) => {
      const household = await scopedRepository(m, Household, principal).get({ id }, `household ${id}`);
      if (!household.provisional) throw new ConflictException(`household ${id} is already verified`);
      const changes: Partial<Household> = { provisional: false, verifiedBy: principal.id, verifiedAt: new Date() };
      if (dto.communityCode) {
        const community = await communityInScope(m, principal, dto.communityCode);
        Object.assign(changes, { communityCode: community.code, orgPath: community.orgPath });
      } else if ((await m.findOneBy(OrgUnit, { code: household.communityCode }))?.level !== 'community') {
        throw new BadRequestException(`communityCode: household ${id} was not placed in a community; name the community it belongs to`);
      }
      if (dto.address) changes.address = dto.address.trim();
      if (dto.lat !== undefined) Object.assign(changes, { lat: dto.lat, lng: dto.lng });
      if (dto.residentName) {
        const residents = await m.findBy(Resident, { householdId: id });
        if (residents.length !== 1) {
          throw new BadRequestException(
            `residentName: household ${id} has ${residents.length} residents; add or change residents with POST /households/${id}/residents`,
          );
        }
        await m.update(Resident, { id: residents[0].id }, { name: dto.residentName.trim() });
      }
      // Only the first of two concurrent verifications finds the household still provisional.
      const { affected } = await m.update(Household, { id, provisional: true }, changes);
      if (affected !== 1) throw new ConflictException(`household ${id} is already verified`);
      await recordAudit(
        m,
        AuditRecorded.request,
        principal,
        { action: 'household.verified', resourceType: 'household', resourceId: id },
        origin,
      );
      return this.view(m, { ...household, ...changes }, false);
    });
  }

  /** The agent's first move on a call: who is this, what have they asked before, what is open. */
  async lookup(principal: Principal, query: CallerQuery, origin: AuditOrigin): Promise<HouseholdView[]> {
    let match: PhoneMatch;
    if (query.suffix !== undefined) {
      match = { suffix: query.suffix };
      // A few digits match many households: unlike a full number, a suffix can trawl, so every such search leaves a trace.
      await recordAudit(
        this.ds.manager,
        AuditRecorded.request,
        principal,
        {
          action: 'household.caller-suffix-lookup',
          resourceType: 'phone-suffix',
          resourceId: query.suffix,
        },
        origin,
      );
    } else {
      const exact = normalisePhone(query.phone ?? '');
      if (!exact) throw new BadRequestException('phone: not a phone number (a mobile or a landline with its area code)');
      match = { exact };
    }
    const { sql, params } = callerLookupQuery(match, principal.orgPath);
    const ids: Array<{ id: string }> = await this.ds.query(sql, params);
    if (!ids.length) return [];
    const households = await this.ds.manager.findBy(Household, { id: In(ids.map((r) => r.id)) });
    const byId = new Map(households.map((h) => [h.id, h]));
    return Promise.all(ids.map(({ id }) => this.view(this.ds.manager, byId.get(id)!, false)));
  }

  private async view(m: EntityManager, h: Household, unmasked: boolean): Promise<HouseholdView> {
    // One after another: inside a transaction the three share its one connection, which pg (from
    // version 9) refuses to be handed a query while it runs one.
    const residents: ResidentRow[] = await m.query(RESIDENTS, [h.id]);
    const grants: GrantRow[] = await m.query(GRANTS, [h.id]);
    const requests: Array<RequestSummary & { status: RequestStatus }> = await m.query(REQUESTS, [h.id]);
    const now = new Date();
    const grant = currentGrant(grants, now);
    return {
      id: h.id,
      communityCode: h.communityCode,
      provisional: h.provisional,
      placedBy: h.placedBy,
      verifiedBy: h.verifiedBy,
      verifiedAt: h.verifiedAt,
      address: unmasked ? h.address : maskAddress(h.address),
      contactMasked: !unmasked,
      residents: residents.map((r) => ({
        id: r.id,
        name: r.name,
        phones: r.phones.sort((a, b) => a.localeCompare(b)).map((p) => (unmasked ? nationalFormat(p) : maskPhone(nationalFormat(p)))),
        tags: r.tags,
        preferredContact: r.preferredContact,
      })),
      feePolicy: feePolicyAt(grants, now),
      feeGrant: unmasked && grant ? { reason: grant.reason, validUntil: grant.validUntil } : null,
      openRequests: requests.filter((r) => isOpen(r.status)),
      lastRequests: requests.slice(0, LAST_REQUESTS),
    };
  }
}

function normalisedPhones(r: ResidentDto, field: string): string[] {
  return r.phones.map((p, j) => {
    const phone = normalisePhone(p);
    if (!phone) throw new BadRequestException(`${field}.${j}: ${p} is not a phone number (a mobile or a landline with its area code)`);
    return phone;
  });
}

export async function insertResident(m: EntityManager, householdId: string, r: ResidentDto, phones: string[]): Promise<void> {
  const resident = m.create(Resident, {
    id: randomUUID(),
    householdId,
    name: r.name.trim(),
    tags: [...new Set(r.tags ?? [])],
    preferredContact: r.preferredContact ?? 'sms',
  });
  await m.insert(Resident, resident);
  for (const phone of new Set(phones)) await m.insert(ResidentPhone, { residentId: resident.id, phone });
}
