import { IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { UNIT_PATH } from '../directory/org-unit.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';

/**
 * A one-time rating link was made for the resident when the job was signed off; the request
 * service, which alone knows the resident's phone, sends it. The rating service keeps only the
 * token's hash, so this event is the one place the token exists: consumers must not log or store it.
 */
export class RatingLinkIssuedV1 {
  @IsUUID() requestId: string;
  @Matches(UNIT_PATH) orgPath: string;
  /** Unguessable, single use; valid until `expiresAt` (the end of the 7-day rating window). */
  @IsString() @Length(32, 128) token: string;
  /** Public path (through the gateway) to POST the rating to, with `token` in the body. */
  @IsString() @Length(1, 256) path: string;
  /** Which sign-off of the request the link rates: 1, then 2 after a redo, ... */
  @IsInt() @Min(1) cycle: number;
  @IsISO8601() expiresAt: string;
}

export const RatingLinkIssued = defineEvent({
  type: 'bangbang.rating.link-issued.v1',
  topic: TOPICS.rating,
  source: '/bangbang/rating',
  payload: RatingLinkIssuedV1,
});
