import type { ProviderKind } from '@bangbang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Level } from '../matching/org-scope';

export const OFFER_STATUSES = ['open', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

@Entity('dispatch_offer')
export class Offer {
  @PrimaryColumn('uuid', { name: 'offer_id' }) offerId: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column({ type: 'int' }) round: number;
  @Column({ type: 'text' }) level: Level;
  @Column({ name: 'provider_id' }) providerId: string;
  @Column({ name: 'provider_kind', type: 'text' }) providerKind: ProviderKind;
  @Column({ type: 'text' }) status: OfferStatus;
  /** Why it was declined (the provider's words) or withdrawn (taken, cancelled, reassigned). */
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** The dispatch instance that made the offer. */
  @Column({ name: 'offered_by' }) offeredBy: string;
  @Column({ name: 'offered_at', type: 'timestamptz' }) offeredAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
