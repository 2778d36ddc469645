import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import { ReasonButton } from '../shared/ReasonButton';
import { useStaff } from '../shared/reference-data';
import { useBlockedNumbers, useExtensions, useSeatExtension } from './use-telephony';

/** Which agent sits at which extension: a ring there pops on that agent's screen. */
function Extensions() {
  const extensions = useExtensions();
  const staff = useStaff();
  const name = (id: string) => staff.data?.find((u) => u.id === id)?.displayName ?? id;
  const [extension, setExtension] = useState('');
  const [agentId, setAgentId] = useState<string>();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['extensions'] });
  const map = useSeatExtension();
  const unmap = useMutation({
    mutationFn: (ext: string) => ok(api.DELETE('/api/request/extensions/{extension}', { params: { path: { extension: ext } } })),
    onSuccess: refresh,
  });
  const error = map.error ?? unmap.error;
  return (
    <Card size="small" title="坐席分机">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          aria-label="分机号"
          placeholder="分机号"
          style={{ width: 120 }}
          value={extension}
          onChange={(e) => setExtension(e.target.value.trim())}
        />
        <Select
          aria-label="坐席"
          placeholder="坐席"
          style={{ width: 200 }}
          value={agentId}
          onChange={setAgentId}
          options={(staff.data ?? []).filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: u.displayName }))}
        />
        <Button
          type="primary"
          disabled={!extension || !agentId}
          loading={map.isPending}
          onClick={() => map.mutate({ extension, agentId: agentId! }, { onSuccess: () => setExtension('') })}
        >
          绑定
        </Button>
      </Space>
      {error && <Alert type="error" title={error.message} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="extension"
        data-testid="extensions"
        loading={extensions.isLoading}
        dataSource={extensions.data ?? []}
        pagination={false}
        locale={{ emptyText: '还没有绑定分机' }}
        columns={[
          { title: '分机', dataIndex: 'extension' },
          { title: '坐席', render: (_, e) => name(e.agentId) },
          { title: '更新时间', render: (_, e) => dayjs(e.updatedAt).format('YYYY-MM-DD HH:mm') },
          {
            title: '操作',
            render: (_, e) => (
              <Button size="small" danger onClick={() => unmap.mutate(e.extension)}>
                解绑
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Abusive callers: the phone system asks before putting a call through and gets "reject" while a block is in force. */
function BlockedNumbers() {
  const [activeOnly, setActiveOnly] = useState(true);
  const blocked = useBlockedNumbers(activeOnly);
  const [form] = Form.useForm<{ number: string; reason: string; expiresAt?: Dayjs }>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const block = useMutation({
    mutationFn: (v: { number: string; reason: string; expiresAt?: Dayjs }) =>
      ok(api.POST('/cti/blocked-numbers', { body: { number: v.number, reason: v.reason, expiresAt: v.expiresAt?.toISOString() } })),
    onSuccess: async (b) => {
      await qc.invalidateQueries({ queryKey: ['blocked-numbers'] });
      form.resetFields();
      void message.success(`已屏蔽 ${b.number}`);
    },
  });
  return (
    <Card
      size="small"
      title="号码屏蔽"
      extra={<Switch checked={activeOnly} onChange={setActiveOnly} checkedChildren="只看生效中" unCheckedChildren="全部记录" />}
    >
      <Form form={form} layout="inline" style={{ marginBottom: 12 }} onFinish={(v) => block.mutate(v)}>
        <Form.Item name="number" label="号码" rules={[{ required: true, message: '请填写号码' }]}>
          <Input aria-label="屏蔽号码" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请填写原因' }]}>
          <Input aria-label="屏蔽原因" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="expiresAt" label="到期">
          <DatePicker aria-label="到期时间" showTime placeholder="不填则一直有效" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={block.isPending}>
          屏蔽
        </Button>
      </Form>
      {block.error && <Alert type="error" title={block.error.message} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="id"
        data-testid="blocked-numbers"
        loading={blocked.isLoading}
        dataSource={blocked.data ?? []}
        pagination={false}
        locale={{ emptyText: '没有屏蔽的号码' }}
        columns={[
          { title: '号码', dataIndex: 'number' },
          { title: '原因', dataIndex: 'reason' },
          { title: '屏蔽时间', render: (_, b) => dayjs(b.blockedAt).format('YYYY-MM-DD HH:mm') },
          { title: '到期', render: (_, b) => (b.expiresAt ? dayjs(b.expiresAt).format('YYYY-MM-DD HH:mm') : '一直有效') },
          { title: '状态', render: (_, b) => (b.active ? <Tag color="red">生效中</Tag> : <Tag>{b.liftedAt ? '已解除' : '已到期'}</Tag>) },
          {
            title: '操作',
            render: (_, b) =>
              b.active && (
                <ReasonButton
                  action={{ label: '解除屏蔽', prompt: '解除原因' }}
                  subject={b.number}
                  send={(reason) => ok(api.POST('/cti/blocked-numbers/{id}/lift', { params: { path: { id: b.id } }, body: { reason } }))}
                  refresh={[['blocked-numbers']]}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}

/** 话务管理: agents' extensions and blocked numbers, for the admins over their own subtree. */
export function TelephonyPage() {
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'extensions', label: '坐席分机', children: <Extensions /> },
        { key: 'blocked', label: '号码屏蔽', children: <BlockedNumbers /> },
      ]}
    />
  );
}
