import { CallerCardV1 } from '@bangbang/contracts';

/**
 * A call fact for the console: the screen pop (`bangbang.request.call-rang.v1`, with the caller's
 * card, only for the agent it rang for), then the answer (which closes everyone else's pop), the
 * end, and callbacks opened, done and escalated.
 */
export class LiveCall {
  id: string;
  type: string;
  callId: string;
  orgPath: string;
  at: string;
  /** The agent it rang for, or who answered, or who did the callback. */
  agentId?: string;
  extension?: string;
  /** How the call ended (call-ended). */
  outcome?: string;
  callbackId?: string;
  /** The screen pop: only in call-rang. */
  caller?: CallerCardV1;
}
