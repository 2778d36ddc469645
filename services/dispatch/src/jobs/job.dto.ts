import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { JOB_STATES, type JobState } from './job-state';

export class ListJobsQuery {
  /** One state; without it, every open state. */
  @IsOptional() @IsIn(JOB_STATES) state?: JobState;
  @IsOptional() @Matches(/^[a-z0-9-]{1,64}$/, { message: 'community must be a community code' }) community?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class AssignDto {
  @IsString() @Length(1, 64) providerId: string;
  @IsString() @Length(1, 500) reason: string;
}

export class DeclineDto {
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class CompleteDto {
  @IsOptional() @IsString() @MaxLength(2000) notes?: string;
  /** In fen (0.01 yuan); 0 for a free job. */
  @IsInt() @Min(0) @Max(100_000_000) priceChargedFen: number;
}

export class ProviderCancelDto {
  @IsString() @Length(1, 500) reason: string;
}
