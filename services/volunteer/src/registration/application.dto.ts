import { AvailabilityV1 } from '@bangbang/contracts';
import { IsDateTime, NullAllowed } from '@bangbang/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { COMMUNITY_PATH } from '../access';
import { TRAINING_MODULES, TrainingModule } from '../profile/provider-profile';

export const CATEGORY_CODE = /^[a-z][a-z0-9-]{1,63}$/;

export class CertificateDto {
  /** e.g. 低压电工作业证 (low-voltage electrician's licence). */
  @IsString() @Length(1, 100) name: string;
  @IsString() @Length(1, 64) number: string;
  @IsDateTime() expiresAt: string;
}

export class SpecialtyDto {
  @Matches(CATEGORY_CODE, { message: 'categoryCode must be a request category code' }) categoryCode: string;
  @ValidateNested() @Type(() => CertificateDto) certificate: CertificateDto;
}

export class ApplicationDto {
  @IsString() @Length(1, 64) displayName: string;
  @Matches(COMMUNITY_PATH, { message: 'homeCommunityPath must be a community path like /district/street/community/' })
  homeCommunityPath: string;
  /** Empty for a general volunteer, who joins activities but takes no home-service jobs. */
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => SpecialtyDto) specialties: SpecialtyDto[];
  @ValidateNested() @Type(() => AvailabilityV1) availability: AvailabilityV1;
  @IsOptional() @IsInt() @Min(0) @Max(20) maxConcurrentJobs?: number;
}

export class ReviewDto {
  @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class RejectDto {
  @IsString() @Length(1, 500) reason: string;
}

export class TrainingDto {
  @IsIn(TRAINING_MODULES) module: TrainingModule;
  @IsDateTime() completedOn: string;
}

export class AvailabilityDto {
  @ValidateNested() @Type(() => AvailabilityV1) availability: AvailabilityV1;
  /** "Away until": no offers before then. Null ends a pause. */
  @IsOptional() @NullAllowed() @IsDateTime() pausedUntil?: string | null;
  @IsInt() @Min(0) @Max(20) maxConcurrentJobs: number;
  /** At most this many jobs a day (China time), offers included while open; null or absent: no limit. */
  @IsOptional() @NullAllowed() @IsInt() @Min(1) @Max(100) maxJobsPerDay?: number | null;
  /** At most this many jobs a week (from Monday, China time); at least the daily limit. */
  @IsOptional() @NullAllowed() @IsInt() @Min(1) @Max(500) maxJobsPerWeek?: number | null;
}

export class ListQuery {
  @IsOptional() @IsIn(['applied', 'approved', 'rejected', 'suspended']) status?: string;
}
