import {
  PROVIDER_KINDS,
  type ProviderKind,
  RATING_TAGS,
  SATISFACTION,
  type Satisfaction,
  URGENCIES,
  type Urgency,
} from '@bangbang/contracts';
import { IsDateTime } from '@bangbang/platform';
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

export const MAX_RECORDS_PER_IMPORT = 200;

export class PastRatingDto {
  @IsIn(SATISFACTION) team: Satisfaction;
  @IsIn(SATISFACTION) provider: Satisfaction;
  @IsBoolean() solved: boolean;
  @IsArray() @ArrayMaxSize(RATING_TAGS.length) @IsIn(RATING_TAGS, { each: true }) tags: string[];
  @IsDateTime() ratedAt: string;
}

/** One completed request as the previous hotline system recorded it. */
export class PastRequestDto {
  /** The record's id in the previous system: importing it again changes nothing. */
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/) externalRef: string;
  /** The caller's number: the old system knows people by it, and it finds their household here. */
  @IsString() @Length(4, 32) phone: string;
  @IsString() @Length(1, 64) categoryCode: string;
  @IsOptional() @IsIn(URGENCIES) urgency?: Urgency;
  @IsString() @Length(1, 500) description: string;
  @IsDateTime() receivedAt: string;
  @IsDateTime() acceptedAt: string;
  /** A provider registered on Bangbang (unit or volunteer id), who did the job in the old system. */
  @IsString() @Length(1, 64) providerId: string;
  @IsIn(PROVIDER_KINDS) providerKind: ProviderKind;
  @IsDateTime() signedOffAt: string;
  @IsBoolean() solved: boolean;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) priceChargedFen?: number;
  @IsOptional() @ValidateNested() @Type(() => PastRatingDto) rating?: PastRatingDto;
}

export class HistoryImportDto {
  /** The previous system's name, as the records' namespace. */
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/) source: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECORDS_PER_IMPORT)
  @ValidateNested({ each: true })
  @Type(() => PastRequestDto)
  records: PastRequestDto[];
}

export interface ImportedRecord {
  externalRef: string;
  requestId: string;
  number: string;
  /** `imported` now, or `already_imported` by an earlier call (nothing was changed). */
  outcome: 'imported' | 'already_imported';
}

export class HistoryImportView {
  source: string;
  imported: number;
  alreadyImported: number;
  records: ImportedRecord[];
}
