import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { PROVIDER_KINDS, type ProviderKind } from '../provider/provider-profile.v1';
import { RATING_TAGS, SATISFACTION, type Satisfaction } from '../rating/rating-submitted.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';
import { RequestCreatedFacts } from './request-created.v1';

/** The resident's rating as the previous system recorded it. */
export class ImportedRatingV1 {
  @IsIn(SATISFACTION) team: Satisfaction;
  @IsIn(SATISFACTION) provider: Satisfaction;
  @IsBoolean() solved: boolean;
  @IsArray() @ArrayMaxSize(RATING_TAGS.length) @IsIn(RATING_TAGS, { each: true }) tags: string[];
  @IsISO8601() ratedAt: string;
}

/**
 * A completed request taken over from the district's previous hotline system when it moved onto
 * Bangbang: its whole story at once, every time the one the old system recorded. It is history,
 * so nobody dispatches, texts or awards points for it; the figures count it at its own times.
 * `source` and `externalRef` name the record in the old system.
 */
export class RequestImportedV1 extends RequestCreatedFacts {
  @IsString() @Length(1, 64) source: string;
  @IsString() @Length(1, 64) externalRef: string;
  @IsISO8601() acceptedAt: string;
  @IsString() @Length(1, 64) providerId: string;
  @IsIn(PROVIDER_KINDS) providerKind: ProviderKind;
  @IsISO8601() signedOffAt: string;
  @IsBoolean() solved: boolean;
  @IsOptional() @ValidateNested() @Type(() => ImportedRatingV1) rating?: ImportedRatingV1;
  /** Who imported it, for the audit trail. */
  @Matches(/^\S{1,64}$/) importedBy: string;
}

export const RequestImported = defineEvent({
  type: 'bangbang.request.imported.v1',
  topic: TOPICS.request,
  source: '/bangbang/request',
  payload: RequestImportedV1,
});
