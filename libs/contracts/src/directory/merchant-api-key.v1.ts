import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';
import { UNIT_PATH } from './org-unit.v1';

/**
 * What a key may do. `jobs`, which every key has: offers and jobs, and reading the unit's own
 * profile, price list and scorecard. `manage`, only when asked for by the admin who issues the key:
 * the profile, the price list, the unit's keys and its webhooks (with their secrets). A leaked
 * `jobs` key cannot take the integration over.
 */
export const API_KEY_SCOPES = ['jobs', 'manage'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * Produced by the merchant service, consumed by the gateway, which authenticates API keys against
 * its read copy of these hashes. The key itself never travels: it is shown once to the merchant.
 */
export class ApiKeyIssuedV1 {
  @IsUUID() keyId: string;
  /** The partner unit the key acts for. */
  @IsString() @Length(1, 64) unitId: string;
  /** Where the partner unit sits in the org tree; the scope of the tokens the key is exchanged for. */
  @Matches(UNIT_PATH) orgPath: string;
  /** The key's first 8 characters, for telling keys apart in a list. */
  @IsString() @Length(8, 8) prefix: string;
  /** Lower-case hex SHA-256 of the whole key: keys are long random strings, so no slow hash is needed. */
  @Matches(/^[0-9a-f]{64}$/) keyHash: string;
  @IsISO8601() issuedAt: string;
  /** Absent from keys issued before scopes existed: the gateway then grants `jobs` only. */
  @IsOptional() @IsArray() @ArrayMaxSize(API_KEY_SCOPES.length) @IsIn(API_KEY_SCOPES, { each: true }) scopes?: ApiKeyScope[];
}

export class ApiKeyRevokedV1 {
  @IsUUID() keyId: string;
  @IsString() @Length(1, 64) unitId: string;
  @IsISO8601() revokedAt: string;
}

export const ApiKeyIssued = defineEvent({
  type: 'bangbang.merchant.api-key-issued.v1',
  topic: TOPICS.merchant,
  source: '/bangbang/merchant',
  payload: ApiKeyIssuedV1,
});

export const ApiKeyRevoked = defineEvent({
  type: 'bangbang.merchant.api-key-revoked.v1',
  topic: TOPICS.merchant,
  source: '/bangbang/merchant',
  payload: ApiKeyRevokedV1,
});
