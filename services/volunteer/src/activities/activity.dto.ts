import { UNIT_PATH } from '@bangbang/contracts';
import { IsDateTime } from '@bangbang/platform';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export class ActivityDto {
  @IsString() @Length(1, 100) title: string;
  @IsString() @Length(1, 200) place: string;
  @Matches(UNIT_PATH, { message: 'unitPath must be an org path like /district/street/community/' }) unitPath: string;
  @IsOptional() @IsUUID() teamId?: string;
  @IsDateTime() startsAt: string;
  @IsDateTime() endsAt: string;
  @IsInt() @Min(1) @Max(10_000) capacity: number;
  @IsInt() @Min(0) @Max(100) pointsPerHour: number;
}

export class AttendanceDto {
  @IsString() @Length(1, 64) volunteerId: string;
  /** When it happened, if recorded afterwards; now by default. */
  @IsOptional() @IsDateTime() at?: string;
}
