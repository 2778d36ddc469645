import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Team, TeamView } from '../api/admin-types';
import { useSignedIn } from '../auth/use-session';
import { useUnits } from '../shared/reference-data';
import { usePlaceName } from '../units/use-units';
import { useVolunteers } from './use-volunteers';

const ADMINS = ['community_admin', 'street_admin', 'district_admin'];

/** The teams in scope, each opening onto its members; admins found teams and add or remove members. */
export function Teams() {
  const user = useSignedIn()!;
  const admin = ADMINS.includes(user.role);
  const teams = useQuery({ queryKey: ['teams'], queryFn: async (): Promise<Team[]> => ok(api.GET('/api/volunteer/teams')) });
  const place = usePlaceName();
  const [creating, setCreating] = useState(false);
  return (
    <>
      {admin && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          新建服务队
        </Button>
      )}
      <Table<Team>
        size="small"
        rowKey="id"
        data-testid="teams"
        loading={teams.isLoading}
        dataSource={teams.data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有服务队' }}
        expandable={{ expandedRowRender: (t) => <Members teamId={t.id} admin={admin} /> }}
        columns={[
          { title: '服务队', dataIndex: 'name' },
          { title: '所属', render: (_, t) => place(t.orgPath) },
        ]}
      />
      {creating && <NewTeam onClose={() => setCreating(false)} />}
    </>
  );
}

function Members({ teamId, admin }: { teamId: string; admin: boolean }) {
  const key = ['team', teamId];
  const team = useQuery({
    queryKey: key,
    queryFn: async (): Promise<TeamView> => ok(api.GET('/api/volunteer/teams/{id}', { params: { path: { id: teamId } } })),
  });
  const volunteers = useVolunteers();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState<string>();
  const members = team.data?.members ?? [];
  const change = async (call: Promise<unknown>, done: string) => {
    try {
      await call;
      await qc.invalidateQueries({ queryKey: key });
      void message.success(done);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const path = (volunteerId: string) => ({ path: { id: teamId, volunteerId } });
  const candidates = (volunteers.data ?? []).filter((v) => v.status === 'approved' && !members.some((m) => m.volunteerId === v.id));
  return (
    <>
      {admin && (
        <Space style={{ marginBottom: 8 }}>
          <Select
            aria-label="添加队员"
            placeholder="选择志愿者"
            style={{ width: 200 }}
            showSearch
            optionFilterProp="label"
            value={adding}
            onChange={setAdding}
            options={candidates.map((v) => ({ value: v.id, label: v.displayName }))}
          />
          <Button
            size="small"
            disabled={!adding}
            onClick={() =>
              void change(
                ok(api.PUT('/api/volunteer/teams/{id}/members/{volunteerId}', { params: path(adding!), body: { role: 'member' } })),
                '已加入服务队',
              ).then(() => setAdding(undefined))
            }
          >
            加入
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey="volunteerId"
        loading={team.isLoading}
        dataSource={members}
        pagination={false}
        locale={{ emptyText: '还没有队员' }}
        columns={[
          { title: '队员', dataIndex: 'displayName' },
          { title: '角色', render: (_, m) => (m.role === 'leader' ? <Tag color="blue">队长</Tag> : '队员') },
          { title: '入队时间', render: (_, m) => m.joinedAt.slice(0, 10) },
          ...(admin
            ? [
                {
                  title: '操作',
                  render: (_: unknown, m: TeamView['members'][number]) => (
                    <Space size="small">
                      {m.role !== 'leader' && (
                        <Button
                          size="small"
                          onClick={() =>
                            void change(
                              ok(
                                api.PUT('/api/volunteer/teams/{id}/members/{volunteerId}', {
                                  params: path(m.volunteerId),
                                  body: { role: 'leader' },
                                }),
                              ),
                              '已设为队长',
                            )
                          }
                        >
                          设为队长
                        </Button>
                      )}
                      <Popconfirm
                        title={`将 ${m.displayName} 移出服务队？`}
                        okText="移出"
                        cancelText="取消"
                        onConfirm={() =>
                          change(
                            ok(api.DELETE('/api/volunteer/teams/{id}/members/{volunteerId}', { params: path(m.volunteerId) })),
                            '已移出',
                          )
                        }
                      >
                        <Button size="small" danger>
                          移出
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function NewTeam({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ name: string; unitPath: string }>();
  const places = useUnits().data ?? [];
  const qc = useQueryClient();
  const [error, setError] = useState<string>();
  const save = async (body: { name: string; unitPath: string }) => {
    try {
      await ok(api.POST('/api/volunteer/teams', { body }));
      await qc.invalidateQueries({ queryKey: ['teams'] });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal open title="新建服务队" okText="创建" cancelText="取消" onOk={() => form.submit()} onCancel={onClose}>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ unitPath: places.find((p) => p.level === 'community')?.path }}
      >
        <Form.Item name="name" label="服务队名称" rules={[{ required: true, message: '请填写服务队名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="unitPath" label="所属" rules={[{ required: true, message: '请选择社区或街道' }]}>
          <Select showSearch optionFilterProp="label" options={places.map((u) => ({ value: u.path, label: u.nameZh }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
