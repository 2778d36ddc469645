import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of a unit's price list: what it does in a category and for how much, shown before the visit. */
@Entity('offering')
export class Offering {
  @PrimaryColumn('uuid', { name: 'unit_id' }) unitId: string;
  @PrimaryColumn({ name: 'category_code' }) categoryCode: string;
  @Column() description: string;
  /** In fen; equal to the maximum for a fixed price. */
  @Column({ name: 'price_min_fen', type: 'int' }) priceMinFen: number;
  @Column({ name: 'price_max_fen', type: 'int' }) priceMaxFen: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** A category the unit added itself counts (dispatch, directory) only once an admin approved it. */
  @Column() approved: boolean;
}
