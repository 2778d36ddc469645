import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { NewStaffUser as NewUser, StaffUser as User } from '../api/admin-types';
import { useSignedIn } from '../auth/use-session';
import { ROLE_LABELS } from '../shared/labels';
import { useUnits } from '../shared/reference-data';
import { assignableRoles, levelsFor } from './role-options';

/** Staff in scope: add one with a role not above one's own, or disable one. */
export function Staff() {
  const user = useSignedIn()!;
  const users = useQuery({ queryKey: ['users'], queryFn: async (): Promise<User[]> => ok(api.GET('/users')) });
  const units = useUnits().data ?? [];
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const mayManage = assignableRoles(user.role).length > 0;
  const disable = async (u: User) => {
    try {
      await ok(api.POST('/users/{id}/disable', { params: { path: { id: u.id } } }));
      await qc.invalidateQueries({ queryKey: ['users'] });
      void message.success(`已停用 ${u.displayName}`);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <>
      {users.isError && <Alert type="error" title={(users.error as Error).message} />}
      {mayManage && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          新增工作人员
        </Button>
      )}
      <Table<User>
        size="small"
        rowKey="id"
        data-testid="staff"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '姓名', dataIndex: 'displayName' },
          { title: '用户名', dataIndex: 'username' },
          { title: '角色', render: (_, u) => ROLE_LABELS[u.role] ?? u.role },
          { title: '所属', render: (_, u) => units.find((x) => x.code === u.unitCode)?.nameZh ?? u.unitCode },
          { title: '手机', render: (_, u) => u.phone ?? '—' },
          { title: '状态', render: (_, u) => (u.status === 'active' ? <Tag color="green">在用</Tag> : <Tag>已停用</Tag>) },
          ...(mayManage
            ? [
                {
                  title: '操作',
                  render: (_: unknown, u: User) =>
                    u.status === 'active' &&
                    u.id !== user.id &&
                    assignableRoles(user.role).includes(u.role) && (
                      <Popconfirm
                        title={`停用 ${u.displayName}？停用后无法登录`}
                        okText="停用"
                        cancelText="取消"
                        onConfirm={() => disable(u)}
                      >
                        <Button size="small" danger>
                          停用
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      {creating && <NewStaff onClose={() => setCreating(false)} />}
    </>
  );
}

function NewStaff({ onClose }: { onClose: () => void }) {
  const user = useSignedIn()!;
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch('role', form);
  const units = (useUnits().data ?? []).filter((u) => u.status === 'active' && (!role || levelsFor(role).includes(u.level)));
  const qc = useQueryClient();
  const [error, setError] = useState<string>();
  const save = async (v: NewUser) => {
    try {
      await ok(api.POST('/users', { body: v }));
      await qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal open title="新增工作人员" okText="创建" cancelText="取消" onOk={() => form.submit()} onCancel={onClose}>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label="初始密码（至少 12 位）" rules={[{ required: true, min: 12, message: '至少 12 位' }]}>
          <Input.Password />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={assignableRoles(user.role).map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r }))} />
        </Form.Item>
        <Form.Item name="unitCode" label="所属" rules={[{ required: true, message: '请选择所属单位' }]}>
          <Select showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.code, label: u.nameZh }))} />
        </Form.Item>
        <Form.Item name="phone" label="手机（可空）">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
