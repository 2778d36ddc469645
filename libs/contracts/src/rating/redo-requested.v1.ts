import { IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { UNIT_PATH } from '../directory/org-unit.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';

/**
 * The resident said, within 7 days of signing off, that the problem is not fixed or that they are
 * dissatisfied: the request service reopens the request (重办) if it is still within the window.
 */
export class RedoRequestedV1 {
  @IsUUID() requestId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsString() @Length(1, 64) categoryCode: string;
  @IsISO8601() at: string;
  @IsString() @Length(1, 500) reason: string;
  /** The provider whose work is to be redone. */
  @IsOptional() @IsString() @MaxLength(64) providerId?: string;
}

export const RedoRequested = defineEvent({
  type: 'bangbang.rating.redo-requested.v1',
  topic: TOPICS.rating,
  source: '/bangbang/rating',
  payload: RedoRequestedV1,
});
