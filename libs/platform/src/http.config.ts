import { IsInt, IsIP, IsString, Max, Min } from 'class-validator';

export class HttpConfig {
  @IsIP() HOST = '127.0.0.1';
  /** 0 means the service's own default port. */
  @IsInt() @Min(0) @Max(65_535) PORT = 0;
  @IsInt() @Min(1_024) @Max(50 * 1024 * 1024) BODY_LIMIT_BYTES = 1024 * 1024;
  @IsInt() @Min(1_000) @Max(600_000) REQUEST_TIMEOUT_MS = 30_000;
  @IsString() LOG_LEVEL = 'info';
}
