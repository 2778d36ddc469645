import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Team, TeamView } from '../api/admin-types';
import { usePlaceName } from '../units/use-units';

/** The teams in scope, each opening onto its members. */
export function Teams() {
  const teams = useQuery({ queryKey: ['teams'], queryFn: async (): Promise<Team[]> => ok(api.GET('/api/volunteer/teams')) });
  const place = usePlaceName();
  return (
    <Table<Team>
      size="small"
      rowKey="id"
      data-testid="teams"
      loading={teams.isLoading}
      dataSource={teams.data ?? []}
      pagination={false}
      locale={{ emptyText: '还没有服务队' }}
      expandable={{ expandedRowRender: (t) => <Members teamId={t.id} /> }}
      columns={[
        { title: '服务队', dataIndex: 'name' },
        { title: '所属', render: (_, t) => place(t.orgPath) },
      ]}
    />
  );
}

function Members({ teamId }: { teamId: string }) {
  const team = useQuery({ queryKey: ['team', teamId], queryFn: async (): Promise<TeamView> => ok(api.GET('/api/volunteer/teams/{id}', { params: { path: { id: teamId } } })) });
  return (
    <Table
      size="small"
      rowKey="volunteerId"
      loading={team.isLoading}
      dataSource={team.data?.members ?? []}
      pagination={false}
      columns={[
        { title: '队员', dataIndex: 'displayName' },
        { title: '角色', render: (_, m) => (m.role === 'leader' ? <Tag color="blue">队长</Tag> : '队员') },
        { title: '入队时间', render: (_, m) => m.joinedAt.slice(0, 10) },
      ]}
    />
  );
}
