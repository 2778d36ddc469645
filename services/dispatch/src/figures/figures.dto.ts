import { IsOptional, Matches } from 'class-validator';

export class ProviderFiguresQuery {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM (China time)' }) month: string;
  @IsOptional() @Matches(/^[a-z0-9-]{1,64}$/, { message: 'community must be a community code' }) community?: string;
}

/** How one provider answered the offers of the month's jobs in scope. */
export class ProviderOfferFigures {
  providerId: string;
  providerKind: string;
  displayName: string | null;
  offers: number;
  accepted: number;
  declined: number;
  /** Offers that ran out their clock unanswered. */
  timedOut: number;
  /** Offers ended by another's acceptance, a cancellation or an assignment by hand. */
  withdrawn: number;
  open: number;
  /** Jobs of the month it holds or held (by offer or by hand). */
  jobs: number;
}

/** How the month's jobs of one community were shared among the providers offered or given them. */
export class CommunityDistribution {
  communityId: string;
  orgPath: string;
  jobs: number;
  providers: number;
  /** 0 when every provider got as many jobs as the others; towards 1 as one got them all. */
  gini: number;
  /** The busiest provider's share of the jobs. */
  topShare: number;
}

export class ProviderFiguresView {
  month: string;
  providers: ProviderOfferFigures[];
  communities: CommunityDistribution[];
}
