import { IsInt, Max, Min } from 'class-validator';

export class VolunteerConfig {
  /** How often due profile refreshes (lapsed certificates, ended pauses) are looked for. */
  @IsInt() @Min(50) @Max(3_600_000) VOLUNTEER_REFRESH_SCAN_MS = 30_000;
}

export const VOLUNTEER_CONFIG = Symbol('VOLUNTEER_CONFIG');
