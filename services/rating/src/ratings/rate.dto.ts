import { RATING_TAGS, SATISFACTION, type Satisfaction } from '@bangbang/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

const answer = { message: `$property must be one of ${SATISFACTION.join(', ')}` };

export class RateDto {
  /** 对帮帮团的评价: the help team. */
  @IsIn(SATISFACTION, answer) team: Satisfaction;
  /** 对服务方的评价: the provider who did the job. */
  @IsIn(SATISFACTION, answer) provider: Satisfaction;
  @IsBoolean() solved: boolean;
  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(RATING_TAGS.length) @IsIn(RATING_TAGS, { each: true }) tags?: string[];
  /** Shown publicly only after an admin has screened it. */
  @IsOptional() @IsString() @MaxLength(500) comment?: string;
}

export class LinkRateDto extends RateDto {
  @IsString() @Length(32, 128) token: string;
}

export class AmendDto extends RateDto {
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
