import type { PartnerUnitStatus } from '@bangbang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the merchant service's `unit-status-changed` facts say about each partner unit: an API key
 * works only for a unit known here as active, at the org path the key claims. A forged
 * `api-key-issued` on its own therefore opens nothing.
 */
@Entity('merchant_unit')
export class MerchantUnit {
  @PrimaryColumn({ name: 'unit_id' }) unitId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ type: 'text' }) status: PartnerUnitStatus;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
}
