import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A named volunteer team (e.g. 绿叶舟) placed in a community or a street. */
@Entity('team')
export class Team {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column() name: string;
  @Column({ name: 'created_by' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('team_member')
export class TeamMember {
  @PrimaryColumn('uuid', { name: 'team_id' }) teamId: string;
  @PrimaryColumn({ name: 'volunteer_id' }) volunteerId: string;
  @Column({ type: 'text' }) role: 'leader' | 'member';
  @Column({ name: 'joined_at', type: 'timestamptz' }) joinedAt: Date;
}
