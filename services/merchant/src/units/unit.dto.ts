import { AvailabilityV1, PARTNER_UNIT_STATUSES, type PartnerUnitStatus, UNIT_PATH } from '@bangbang/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { UNIT_KINDS, type UnitKind } from './partner-unit.entity';

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

/** What a unit may change about itself. */
export class UpdateOwnProfileDto {
  @IsOptional() @IsString() @Length(1, 128) displayName?: string;
  @IsOptional() @IsString() @Length(1, 64) contactName?: string;
  @IsOptional() @Matches(PHONE) contactPhone?: string;
  @IsOptional() @ValidateNested() @Type(() => AvailabilityV1) serviceHours?: AvailabilityV1;
  @IsOptional() @IsInt() @Min(0) @Max(1_000) maxConcurrentJobs?: number;
  @IsOptional() @IsBoolean() takesFreeJobs?: boolean;
}

/** What an admin may change: also the legal identity and the coverage. */
export class UpdateUnitDto extends UpdateOwnProfileDto {
  @IsOptional() @IsString() @Length(1, 128) legalName?: string;
  @IsOptional() @IsString() @Length(1, 64) licenceNo?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @Matches(UNIT_PATH, { each: true }) coverage?: string[];
}

/** An application, recorded by an admin of the community or street it is made in. */
export class CreateUnitDto {
  @Matches(UNIT_PATH) orgPath: string;
  @IsIn(UNIT_KINDS) kind: UnitKind;
  @IsString() @Length(1, 128) legalName: string;
  @IsString() @Length(1, 128) displayName: string;
  @IsString() @Length(1, 64) licenceNo: string;
  @IsString() @Length(1, 64) contactName: string;
  @Matches(PHONE) contactPhone: string;
  /** Defaults to the unit's own org path. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @Matches(UNIT_PATH, { each: true }) coverage?: string[];
  @ValidateNested() @Type(() => AvailabilityV1) serviceHours: AvailabilityV1;
  @IsInt() @Min(0) @Max(1_000) maxConcurrentJobs: number;
  @IsBoolean() takesFreeJobs: boolean;
  @IsString() @Length(1, 500) reason: string;
}

export class MoveUnitDto {
  @IsIn(PARTNER_UNIT_STATUSES) to: PartnerUnitStatus;
  @IsString() @Length(1, 500) reason: string;
}

export class ListUnitsQuery {
  @IsOptional() @IsIn(PARTNER_UNIT_STATUSES) status?: PartnerUnitStatus;
}

export class PurposeQuery {
  @IsString() @Length(3, 200) purpose: string;
}
