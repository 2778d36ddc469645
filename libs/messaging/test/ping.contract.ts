import { defineEvent } from '@bangbang/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional } from 'class-validator';

/** A test-only event: `poison` makes the fixture's handler throw on every attempt. */
export class PingV1 {
  @IsInt() n: number;
  @IsOptional() @IsIn(['poison']) mode?: 'poison';
}

export const Ping = defineEvent({
  type: 'bangbang.test.ping.v1',
  topic: 'bangbang.test',
  source: '/bangbang/test',
  payload: PingV1,
});

/** A test-only event of which the fixture takes only those marked `ours` (`@OnEvent`'s `when`). */
export class EchoV1 {
  @IsInt() n: number;
  @IsBoolean() ours: boolean;
}

export const Echo = defineEvent({
  type: 'bangbang.test.echo.v1',
  topic: 'bangbang.test',
  source: '/bangbang/test',
  payload: EchoV1,
});
