import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { WebhookDelivery, WebhookEndpoint } from '../api/admin-types';

const DELIVERY_LABELS: Record<string, { text: string; colour: string }> = {
  delivered: { text: '已送达', colour: 'green' },
  pending: { text: '重试中', colour: 'gold' },
  failed: { text: '已失败', colour: 'red' },
};
const time = (iso: string | null | undefined) => (iso ? dayjs(iso).format('MM-DD HH:mm:ss') : '—');

/** The endpoints the unit registered, and what was sent to them: attempts, answers, the next retry, replay. */
export function UnitWebhooks({ unitId, admin }: { unitId: string; admin: boolean }) {
  const endpoints = useQuery({
    queryKey: ['merchant-unit', unitId, 'webhooks'],
    queryFn: async (): Promise<WebhookEndpoint[]> => ok(api.GET('/api/merchant/units/{id}/webhooks', { params: { path: { id: unitId } } })),
  });
  const deliveriesKey = ['merchant-unit', unitId, 'deliveries'];
  const deliveries = useQuery({
    queryKey: deliveriesKey,
    queryFn: async (): Promise<WebhookDelivery[]> =>
      ok(api.GET('/api/merchant/units/{id}/webhooks/deliveries', { params: { path: { id: unitId } } })),
  });
  const qc = useQueryClient();
  const { message } = App.useApp();
  const replay = async (call: Promise<{ replayed?: number } | unknown>) => {
    try {
      await call;
      await qc.invalidateQueries({ queryKey: deliveriesKey });
      void message.success('已重新推送');
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const since = dayjs().subtract(1, 'day').toISOString();
  return (
    <>
      {(endpoints.isError || deliveries.isError) && <Alert type="error" title={((endpoints.error ?? deliveries.error) as Error).message} />}
      <Card size="small" title="推送地址" style={{ marginBottom: 16 }}>
        <Table<WebhookEndpoint>
          size="small"
          rowKey="id"
          loading={endpoints.isLoading}
          dataSource={(endpoints.data ?? []).filter((e) => !e.deletedAt)}
          pagination={false}
          locale={{ emptyText: '单位尚未登记推送地址（由单位通过接口自助登记）' }}
          columns={[
            { title: '地址', render: (_, e) => <Typography.Text code>{e.url}</Typography.Text> },
            { title: '说明', render: (_, e) => e.description ?? '—' },
            {
              title: '状态',
              render: (_, e) =>
                e.enabled ? (
                  e.failingSince ? (
                    <Tag color="orange">自 {time(e.failingSince)} 起失败</Tag>
                  ) : (
                    <Tag color="green">正常</Tag>
                  )
                ) : (
                  <Tag color="red">已停用：{e.disabledReason ?? ''}</Tag>
                ),
            },
            { title: '密钥轮换', render: (_, e) => (e.rotating ? `旧密钥至 ${time(e.previousSecretUntil)} 有效` : '—') },
            { title: '登记时间', render: (_, e) => time(e.createdAt) },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="推送记录"
        extra={
          admin && (
            <Popconfirm
              title="重新推送最近 24 小时内失败的消息？"
              okText="重新推送"
              cancelText="取消"
              onConfirm={() =>
                replay(
                  ok(
                    api.POST('/api/merchant/units/{id}/webhooks/deliveries/replay', { params: { path: { id: unitId } }, body: { since } }),
                  ),
                )
              }
            >
              <Button size="small">重推 24 小时内失败的</Button>
            </Popconfirm>
          )
        }
      >
        <Table<WebhookDelivery>
          size="small"
          rowKey="id"
          data-testid="unit-deliveries"
          loading={deliveries.isLoading}
          dataSource={deliveries.data ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          locale={{ emptyText: '暂无推送记录' }}
          expandable={{
            rowExpandable: (d) => (d.attemptLog?.length ?? 0) > 0,
            expandedRowRender: (d) => (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={d.attemptLog ?? []}
                columns={[
                  { title: '第几次', dataIndex: 'attempt' },
                  { title: '时间', render: (_, a) => time(a.startedAt) },
                  { title: '结果', dataIndex: 'outcome' },
                  { title: '应答码', render: (_, a) => a.statusCode ?? '—' },
                  { title: '耗时（毫秒）', dataIndex: 'latencyMs' },
                  { title: '错误', render: (_, a) => a.error ?? '—' },
                ]}
              />
            ),
          }}
          columns={[
            { title: '时间', render: (_, d) => time(d.createdAt) },
            { title: '事件', dataIndex: 'eventType' },
            {
              title: '状态',
              render: (_, d) => <Tag color={DELIVERY_LABELS[d.status]?.colour}>{DELIVERY_LABELS[d.status]?.text ?? d.status}</Tag>,
            },
            { title: '尝试次数', dataIndex: 'attempts' },
            { title: '最近应答', render: (_, d) => d.lastStatusCode ?? d.lastError ?? '—' },
            { title: '下次重试', render: (_, d) => time(d.nextAttemptAt) },
            ...(admin
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, d: WebhookDelivery) =>
                      d.status === 'failed' && (
                        <Button
                          size="small"
                          onClick={() =>
                            void replay(
                              ok(
                                api.POST('/api/merchant/units/{id}/webhooks/deliveries/{deliveryId}/replay', {
                                  params: { path: { id: unitId, deliveryId: d.id } },
                                }),
                              ),
                            )
                          }
                        >
                          重新推送
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
