import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { AuditPage as Page } from '../api/types';
import { label } from '../shared/labels';
import { actionLabel, actorName, roleLabel, SOURCE_LABELS } from './audit-labels';
import { useActorNames } from './use-actor-names';

const PAGE_SIZE = 50;

/** The audit log of the signed-in person's subtree, newest first. */
export function AuditPage() {
  const [page, setPage] = useState(1);
  const [resource, setResource] = useState<string>();
  const names = useActorNames();
  const [actor, setActor] = useState<string>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const from = range?.[0].startOf('day').toISOString();
  const to = range?.[1].endOf('day').toISOString();
  const audit = useQuery({
    queryKey: ['audit', page, resource, actor, from, to],
    queryFn: async (): Promise<Page> =>
      ok(
        api.GET('/audit', {
          params: {
            query: {
              page,
              pageSize: PAGE_SIZE,
              ...(resource ? { resource } : {}),
              ...(actor ? { actor } : {}),
              ...(from && to ? { from, to } : {}),
            },
          },
        }),
      ),
  });
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="资源：类型 或 类型:编号"
          style={{ width: 320 }}
          onSearch={(v) => {
            setResource(v.trim() || undefined);
            setPage(1);
          }}
        />
        <Input.Search
          allowClear
          placeholder="操作人编号"
          style={{ width: 320 }}
          onSearch={(v) => {
            setActor(v.trim() || undefined);
            setPage(1);
          }}
        />
        <DatePicker.RangePicker
          aria-label="时间范围"
          value={range}
          onChange={(v) => {
            setRange(v && v[0] && v[1] ? [v[0], v[1]] : null);
            setPage(1);
          }}
        />
      </Space>
      {audit.isError && <Alert type="error" title={(audit.error as Error).message} />}
      <Table<Page['items'][number]>
        size="small"
        rowKey="id"
        loading={audit.isLoading}
        dataSource={audit.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: audit.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '时间', dataIndex: 'occurredAt', width: 150, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm:ss') },
          {
            title: '操作人',
            dataIndex: 'actorId',
            ellipsis: true,
            render: (id: string) => (
              <Tooltip title={id}>
                <span data-testid="audit-actor">{actorName(id, names)}</span>
              </Tooltip>
            ),
          },
          { title: '角色', dataIndex: 'actorRole', width: 110, render: roleLabel },
          {
            title: '动作',
            dataIndex: 'action',
            render: (a: string) => (
              <Space size={4}>
                {actionLabel(a)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '资源',
            render: (_: unknown, r: { resourceType: string; resourceId: string }) => `${r.resourceType}:${r.resourceId}`,
            ellipsis: true,
          },
          {
            title: '用途',
            dataIndex: 'purpose',
            ellipsis: true,
            render: (p: string | null, r) =>
              r.action.endsWith('contact-read') ? (
                <>
                  <Tag color="orange">查看明文</Tag>
                  {p}
                </>
              ) : (
                p
              ),
          },
          { title: '来源', dataIndex: 'source', width: 90, render: (s: string) => label(SOURCE_LABELS, s) },
        ]}
      />
    </>
  );
}
