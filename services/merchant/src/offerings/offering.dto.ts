import { IsInt, IsOptional, IsUUID, IsString, Length, Matches, Max, Min } from 'class-validator';

export const CATEGORY_CODE = /^[a-z][a-z0-9-]{1,63}$/;
/** 100,000 yuan: far above any low-cost home service, low enough to catch a misplaced decimal. */
const MAX_FEN = 10_000_000;

export class PutOfferingDto {
  @IsString() @Length(1, 1_000) description: string;
  /** In fen (0.01 yuan). A fixed price gives only this. */
  @IsInt() @Min(0) @Max(MAX_FEN) priceMinFen: number;
  /** In fen; absent for a fixed price. */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_FEN) priceMaxFen?: number;
}

export class CategoryParam {
  @Matches(CATEGORY_CODE) category: string;
}

export class UnitCategoryParams extends CategoryParam {
  @IsUUID() id: string;
}
