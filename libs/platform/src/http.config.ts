import { IsInt, IsIP, IsString, Matches, Max, Min } from 'class-validator';

export class HttpConfig {
  @IsIP() HOST = '127.0.0.1';
  /** 0 means the service's own default port. */
  @IsInt() @Min(0) @Max(65_535) PORT = 0;
  @IsInt() @Min(1_024) @Max(50 * 1024 * 1024) BODY_LIMIT_BYTES = 1024 * 1024;
  @IsInt() @Min(1_000) @Max(600_000) REQUEST_TIMEOUT_MS = 30_000;
  @IsString() LOG_LEVEL = 'info';
  /**
   * Behind a load balancer: `true`, a hop count, or comma-separated proxy addresses/CIDRs whose
   * X-Forwarded-For is believed. Empty trusts nobody, so clients cannot forge their address.
   */
  @Matches(/^(|true|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY must be true, a hop count, or a list of addresses',
  })
  TRUST_PROXY = '';
}

export function trustProxy(setting: string): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (setting === '') return false;
  if (setting === 'true') return true;
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  return setting.split(',');
}
