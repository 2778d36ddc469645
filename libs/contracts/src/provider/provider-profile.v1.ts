import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { UNIT_PATH } from '../directory/org-unit.v1';
import { defineEvent } from '../registry';
import { GeoPoint } from '../request/request-created.v1';
import { TOPICS } from '../topics';

export const PROVIDER_KINDS = ['merchant', 'social_org', 'volunteer'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A weekly window in China time (UTC+8): day 0 is Sunday; `to` may be 24:00. */
export class WeeklyWindow {
  @IsInt() @Min(0) @Max(6) day: number;
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) from: string;
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/) to: string;
}

export class AvailabilityV1 {
  /** 7×24: the windows are ignored. */
  @IsBoolean() always: boolean;
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => WeeklyWindow) windows: WeeklyWindow[];
}

/**
 * A provider's whole state as dispatch needs it, sent on every change by the service that owns the
 * provider. A consumer keeps the snapshot with the highest `version`.
 */
export class ProviderProfileV1 {
  @IsString() @Length(1, 64) providerId: string;
  @IsIn(PROVIDER_KINDS) providerKind: ProviderKind;
  @IsString() @Length(1, 128) displayName: string;
  /** Verified or approved, trained where that applies, and not suspended or retired. */
  @IsBoolean() active: boolean;
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) categories: string[];
  /** Org paths it serves: communities, a whole street, or the whole district. */
  @IsArray() @ArrayMaxSize(200) @Matches(UNIT_PATH, { each: true }) coverage: string[];
  @ValidateNested() @Type(() => AvailabilityV1) availability: AvailabilityV1;
  @IsOptional() @IsISO8601() pausedUntil?: string | null;
  @IsInt() @Min(0) @Max(1_000) maxConcurrentJobs: number;
  @IsBoolean() takesFreeJobs: boolean;
  /** A volunteer's own limits on jobs per China calendar day and week (from Monday); absent or null: none. */
  @IsOptional() @IsInt() @Min(1) @Max(100) maxJobsPerDay?: number | null;
  @IsOptional() @IsInt() @Min(1) @Max(500) maxJobsPerWeek?: number | null;
  @IsOptional() @ValidateNested() @Type(() => GeoPoint) location?: GeoPoint;
  @IsInt() @Min(1) version: number;
}

export const MerchantProviderProfile = defineEvent({
  type: 'bangbang.merchant.provider-profile.v1',
  topic: TOPICS.merchant,
  source: '/bangbang/merchant',
  payload: ProviderProfileV1,
});

export const VolunteerProviderProfile = defineEvent({
  type: 'bangbang.volunteer.provider-profile.v1',
  topic: TOPICS.volunteer,
  source: '/bangbang/volunteer',
  payload: ProviderProfileV1,
});
