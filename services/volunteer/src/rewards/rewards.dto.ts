import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { UNIT_PATH } from '@bangbang/contracts';
import { CATEGORY_CODE } from '../registration/application.dto';

export class RewardDto {
  @Matches(UNIT_PATH, { message: 'unitPath must be an org path like /district/street/community/' }) unitPath: string;
  @IsString() @Length(1, 100) name: string;
  @IsInt() @Min(1) @Max(1_000_000) costPoints: number;
  @IsInt() @Min(0) @Max(1_000_000) stock: number;
}

export class RestockDto {
  @IsInt() @Min(1) @Max(1_000_000) add: number;
}

export class ExchangeDto {
  @Matches(CATEGORY_CODE, { message: 'categoryCode must be a request category code' }) categoryCode: string;
}

export class CorrectionDto {
  @IsString() @Length(1, 64) volunteerId: string;
  /** Positive to credit, negative to debit; the pool takes the other side. */
  @IsInt() @Min(-100_000) @Max(100_000) points: number;
  @IsString() @Length(1, 500) reason: string;
}
