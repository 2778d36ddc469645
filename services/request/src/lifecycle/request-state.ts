/**
 * A request's story as an explicit state machine. Every change of status goes through `decide`,
 * whether an agent asked for it over HTTP or a dispatch fact arrived over Kafka.
 */
export const REQUEST_STATUSES = [
  'received',
  'dispatching',
  'escalated',
  'assigned',
  'on_site',
  'completed',
  'signed_off',
  'closed',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = [
  'publish',
  'answer',
  'assign',
  'reassign',
  'escalate',
  'arrive',
  'complete',
  'provider_cancel',
  'sign_off',
  'close',
  'cancel',
  'reopen',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** Statuses in which the request still needs someone to act; the rest are done, for now. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'dispatching', 'escalated', 'assigned', 'on_site', 'completed'];

export const REDO_WINDOW_MS = 7 * 24 * 3_600_000;

interface Rule {
  from: readonly RequestStatus[];
  to: RequestStatus;
  /** Said when the action is refused, after "cannot <verb> a request that is <status>". */
  hint: string;
  verb: string;
}

const BEFORE_COMPLETION: readonly RequestStatus[] = ['received', 'dispatching', 'escalated', 'assigned', 'on_site'];

export const RULES: Record<RequestAction, Rule> = {
  publish: { from: ['received'], to: 'dispatching', verb: 'dispatch', hint: 'it was already handed to dispatch' },
  answer: { from: ['received'], to: 'closed', verb: 'answer', hint: 'only a request just taken at intake can be answered on the spot' },
  assign: {
    from: ['dispatching', 'escalated'],
    to: 'assigned',
    verb: 'assign',
    hint: 'only a request waiting for a provider can be assigned',
  },
  reassign: {
    from: ['assigned', 'on_site'],
    to: 'assigned',
    verb: 'reassign',
    hint: 'only a request held by a provider can be reassigned',
  },
  escalate: {
    from: ['dispatching', 'escalated'],
    to: 'escalated',
    verb: 'escalate',
    hint: 'only a request still looking for a provider can be escalated',
  },
  arrive: { from: ['assigned'], to: 'on_site', verb: 'mark on site', hint: 'the provider must be assigned and not yet on site' },
  complete: { from: ['assigned', 'on_site'], to: 'completed', verb: 'complete', hint: 'only a job held by a provider can be completed' },
  provider_cancel: {
    from: ['assigned', 'on_site'],
    to: 'dispatching',
    verb: 'hand back',
    hint: 'only an assigned provider can hand a job back',
  },
  sign_off: { from: ['completed'], to: 'signed_off', verb: 'sign off', hint: 'the job must be reported completed first' },
  close: { from: ['signed_off'], to: 'closed', verb: 'close', hint: 'only a signed-off request is closed' },
  cancel: {
    from: BEFORE_COMPLETION,
    to: 'cancelled',
    verb: 'cancel',
    hint: 'the work is done or the request is over; sign it off or reopen it instead',
  },
  reopen: { from: ['signed_off', 'closed'], to: 'dispatching', verb: 'reopen', hint: 'only a signed-off request can be redone' },
};

export interface DecisionContext {
  now: Date;
  /** When the resident signed off; the redo window runs from there. */
  signedOffAt?: Date | null;
}

export type Decision = { ok: true; from: RequestStatus; to: RequestStatus } | { ok: false; reason: string };

export function decide(status: RequestStatus, action: RequestAction, ctx: DecisionContext): Decision {
  const rule = RULES[action];
  if (!rule.from.includes(status)) {
    return { ok: false, reason: `cannot ${rule.verb} a request that is ${status}: ${rule.hint}` };
  }
  if (action === 'reopen') {
    if (!ctx.signedOffAt) return { ok: false, reason: `cannot reopen a request that is ${status}: it was never signed off` };
    const closesAt = new Date(ctx.signedOffAt.getTime() + REDO_WINDOW_MS);
    if (ctx.now > closesAt) {
      return { ok: false, reason: `cannot reopen: the redo window closed at ${closesAt.toISOString()}, 7 days after sign-off` };
    }
  }
  return { ok: true, from: status, to: rule.to };
}

export function isOpen(status: RequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
