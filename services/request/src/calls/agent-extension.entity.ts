import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which agent sits at an extension: the PBX rings extensions, the screen pop goes to the agent. */
@Entity('agent_extension')
export class AgentExtension {
  @PrimaryColumn() extension: string;
  @Column({ name: 'agent_id' }) agentId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ name: 'updated_by' }) updatedBy: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
