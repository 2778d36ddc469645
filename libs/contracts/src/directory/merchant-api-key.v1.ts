import { IsISO8601, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';
import { UNIT_PATH } from './org-unit.v1';

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
