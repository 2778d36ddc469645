import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DIMENSIONS, type Dimension } from './contribution';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class FiguresQuery {
  @IsIn(DIMENSIONS) level: Dimension;
  @Matches(MONTH, { message: 'month must be YYYY-MM (China time)' }) month: string;
}

export class RankingsQuery {
  @IsIn(['street', 'community']) level: 'street' | 'community';
  @Matches(MONTH, { message: 'month must be YYYY-MM (China time)' }) month: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) size = 5;
}

export class ReportQuery {
  @Matches(MONTH, { message: 'month must be YYYY-MM (China time)' }) month: string;
  @IsOptional() @IsIn(['json', 'csv']) format: 'json' | 'csv' = 'json';
}

/** Query strings are text: Boolean('false') is true, so only the two words are read, anything else is refused. */
const queryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export class RecomputeQuery {
  @IsOptional() @queryBoolean() @IsBoolean() repair = false;
}
