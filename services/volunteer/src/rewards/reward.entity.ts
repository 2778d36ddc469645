import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A material reward a unit offers for points; its volunteers and those of the communities under it may redeem it. */
@Entity('reward')
export class Reward {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column() name: string;
  @Column({ name: 'cost_points', type: 'int' }) costPoints: number;
  @Column({ type: 'int' }) stock: number;
  @Column({ name: 'created_by' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
