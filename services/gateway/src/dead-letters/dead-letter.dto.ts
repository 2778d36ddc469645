import { TOPICS } from '@bangbang/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';

const SOURCE_TOPICS = Object.values(TOPICS);

export class DeadLettersQuery {
  /** One service's topic; all of them when absent. */
  @IsOptional() @IsIn(SOURCE_TOPICS) topic?: string;
  /** `waiting`: not yet redriven (the default); `redriven`; or `all`. */
  @IsOptional() @IsIn(['waiting', 'redriven', 'all']) state: 'waiting' | 'redriven' | 'all' = 'waiting';
}

/** One dead letter by its place in `<topic>.dlq`, or `all: true` for every one of the topic not yet redriven. */
export class RedriveDto {
  @IsIn(SOURCE_TOPICS) topic: string;
  @IsOptional() @IsBoolean() all?: boolean;
  @ValidateIf((d: RedriveDto) => d.all !== true) @IsInt() @Min(0) @Max(1_000) partition?: number;
  @ValidateIf((d: RedriveDto) => d.all !== true)
  @IsString()
  @Length(1, 19)
  @Matches(/^\d+$/, { message: "offset must be the record's offset in the dead-letter topic, digits only" })
  offset?: string;
  /** Why it is safe to apply now (the fix that was deployed, the data that was corrected); audited. */
  @IsString() @Length(3, 500) reason: string;
}
