import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An Open311 client (a street's app, a WeChat channel...) allowed to submit requests in its subtree. */
@Entity('open311_client')
export class Open311Client {
  @PrimaryColumn('uuid') id: string;
  @Column() name: string;
  @Column({ name: 'key_hash' }) keyHash: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ name: 'created_by' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
