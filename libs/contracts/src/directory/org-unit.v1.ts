import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';

export const UNIT_LEVELS = ['district', 'street', 'community'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export const UNIT_STATUSES = ['active', 'retired'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const UNIT_CODE = /^[a-z][a-z0-9-]{1,31}$/;
/** Codes from the district down, with a leading and trailing slash: `/nanchang/jinxing/jincheng/`. */
export const UNIT_PATH = /^\/([a-z][a-z0-9-]{1,31}\/){1,3}$/;

/**
 * The unit's whole state, so that a consumer upserts its local copy from any one event and never
 * needs the events before it.
 */
export class OrgUnitV1 {
  @Matches(UNIT_CODE) code: string;
  @IsIn(UNIT_LEVELS) level: UnitLevel;
  /** Absent for a district, the root of its tree. */
  @ValidateIf((u: OrgUnitV1) => u.level !== 'district') @Matches(UNIT_CODE) parentCode?: string | null;
  @Matches(UNIT_PATH) path: string;
  @IsString() @Length(1, 64) nameZh: string;
  @IsString() @Length(1, 128) namePinyin: string;
  @IsIn(UNIT_STATUSES) status: UnitStatus;
}

export class UnitCreatedV1 extends OrgUnitV1 {}

export class UnitRenamedV1 extends OrgUnitV1 {
  @IsString() @Length(1, 64) previousNameZh: string;
  @IsString() @Length(1, 128) previousNamePinyin: string;
}

export class UnitRetiredV1 extends OrgUnitV1 {
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

const unitEvent = <T extends object>(fact: string, payload: new () => T) =>
  defineEvent({ type: `bangbang.directory.${fact}.v1`, topic: TOPICS.directory, source: '/bangbang/gateway', payload });

/** Keyed by unit code, so one unit's events stay in order on one partition. */
export const UnitCreated = unitEvent('unit-created', UnitCreatedV1);
export const UnitRenamed = unitEvent('unit-renamed', UnitRenamedV1);
export const UnitRetired = unitEvent('unit-retired', UnitRetiredV1);
