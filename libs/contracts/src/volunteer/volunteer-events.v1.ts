import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  NotEquals,
  ValidateNested,
} from 'class-validator';
import { UNIT_PATH } from '../directory/org-unit.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';

const source = '/bangbang/volunteer';
const topic = TOPICS.volunteer;

/** A community admin approved a volunteer's application; the provider profile follows separately. */
export class VolunteerApprovedV1 {
  @IsString() @Length(1, 64) volunteerId: string;
  /** The volunteer's home community. */
  @Matches(UNIT_PATH) orgPath: string;
  /** Specialties (request category codes) with a valid certificate at approval; empty for a general volunteer. */
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) categories: string[];
  @IsString() @Length(1, 64) approvedBy: string;
  @IsISO8601() at: string;
}

/**
 * An admin suspended a volunteer, or reinstated one. A suspended volunteer takes no jobs and signs
 * in nowhere: the gateway disables the account and ends its sessions, dispatch follows the
 * provider profile (inactive) that is published alongside.
 */
export class VolunteerStatusChangedV1 {
  @IsString() @Length(1, 64) volunteerId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsIn(['suspended', 'approved']) to: 'suspended' | 'approved';
  @IsString() @Length(1, 500) reason: string;
  @IsString() @Length(1, 64) by: string;
  @IsISO8601() at: string;
}

export const LEDGER_ENTRY_KINDS = ['job', 'activity', 'bonus', 'redemption', 'exchange', 'correction'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** Accounts are `volunteer:<id>`, or `pool:`, `rewards:`, `exchange:` followed by a community path. */
export const LEDGER_ACCOUNT = /^(volunteer:[^\s]{1,64}|(pool|rewards|exchange):\/([a-z][a-z0-9-]{1,31}\/){1,3})$/;

export class LedgerLineV1 {
  @Matches(LEDGER_ACCOUNT) account: string;
  /** Points added to the account (negative: taken from it); never zero. */
  @IsInt() @NotEquals(0) amount: number;
}

/** One balanced entry of the points ledger: its lines sum to zero. */
export class PointsPostedV1 {
  @IsUUID() entryId: string;
  @IsIn(LEDGER_ENTRY_KINDS) kind: LedgerEntryKind;
  @IsString() @Length(1, 64) volunteerId: string;
  /** The volunteer's home community, for scoping and counting. */
  @Matches(UNIT_PATH) orgPath: string;
  /** What the entry is for, unique per entry: `job:<requestId>`, `activity:<id>:<volunteer>`, `redemption:<id>`… */
  @IsString() @Length(1, 200) reference: string;
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => LedgerLineV1) lines: LedgerLineV1[];
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
  @IsISO8601() postedAt: string;
}

/**
 * A volunteer spent points for a free service ("service for service"): the request service keeps
 * the voucher and serves one request of this category for the volunteer's household free.
 */
export class ServiceExchangedV1 {
  @IsUUID() exchangeId: string;
  @IsString() @Length(1, 64) volunteerId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsString() @Length(1, 64) categoryCode: string;
  @IsInt() @Min(1) points: number;
  @IsUUID() entryId: string;
  @IsISO8601() at: string;
}

export const VolunteerApproved = defineEvent({ type: 'bangbang.volunteer.approved.v1', topic, source, payload: VolunteerApprovedV1 });
export const VolunteerStatusChanged = defineEvent({
  type: 'bangbang.volunteer.status-changed.v1',
  topic,
  source,
  payload: VolunteerStatusChangedV1,
});
export const PointsPosted = defineEvent({ type: 'bangbang.volunteer.points-posted.v1', topic, source, payload: PointsPostedV1 });
export const ServiceExchanged = defineEvent({
  type: 'bangbang.volunteer.service-exchanged.v1',
  topic,
  source,
  payload: ServiceExchangedV1,
});
