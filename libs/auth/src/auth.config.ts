import { IsUrlList } from '@bangbang/observability';
import { IsInt, IsString, Max, Min } from 'class-validator';

export class AuthConfig {
  /** One gateway's JWKS, or every instance's separated by commas: the keys are then had from any that answers. */
  @IsUrlList() AUTH_JWKS_URL = 'http://127.0.0.1:3000/.well-known/jwks.json';
  @IsString() AUTH_ISSUER = 'bangbang-gateway';
  @IsString() AUTH_AUDIENCE = 'bangbang';
  /** Tolerated clock skew between the gateway and this service. */
  @IsInt() @Min(0) @Max(300) AUTH_CLOCK_TOLERANCE_SECONDS = 5;
}
