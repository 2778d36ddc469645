import { Matches } from 'class-validator';

export class StatusQuery {
  @Matches(/^[0-9a-z]{1,10}_[A-Za-z0-9_-]{22}$/, { message: 'token must be the token from the texted link' }) token: string;
}

/** One step of the request as the resident sees it: which stage, since when. */
export class StatusStep {
  status: string;
  at: string;
}

/**
 * What the texted link shows the resident who booked: the stages and who comes, nothing they did
 * not already know or write (no address, no household, no staff names).
 */
export class PublicStatusView {
  number: string;
  status: string;
  categoryName: string;
  receivedAt: string;
  preferredWindow: { from: string; to: string } | null;
  /** The provider's name as the assignment SMS gave it, once one holds the job. */
  providerName: string | null;
  steps: StatusStep[];
}
