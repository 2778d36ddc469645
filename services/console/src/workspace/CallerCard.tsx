import { Alert, Button, Card, Descriptions, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ok, showOnForm } from '../api/call';
import { CONTACT_LABELS, FEE_LABELS, FEE_REASON_LABELS, label, STATUS_LABELS, TAG_LABELS } from '../shared/labels';
import { formatPhone, purposeError, UNMASK_PURPOSES } from '../shared/masking';
import { SlaTag } from '../shared/SlaTag';
import { useQuery } from '@tanstack/react-query';
import type { Household, RequestView, Resident } from '../api/types';
import { useCategoryName, useCommunityName } from '../shared/reference-data';

/** The household on the line: where, who (masked until a purpose is given), fee policy, open requests. */
export function CallerCard({ household, selected, onSelect }: { household: Household; selected: boolean; onSelect(): void }) {
  const [shown, setShown] = useState<Household | undefined>();
  const [asking, setAsking] = useState(false);
  const view = shown ?? household;
  const communityName = useCommunityName();
  return (
    <Card
      size="small"
      title={
        <Space>
          <span>{communityName(household.communityCode)}</span>
          <span data-testid="household-address">{view.address}</span>
        </Space>
      }
      extra={
        <Space>
          {!shown && (
            <Button size="small" onClick={() => setAsking(true)}>
              查看完整信息
            </Button>
          )}
          <Button size="small" type={selected ? 'primary' : 'default'} onClick={onSelect}>
            {selected ? '当前来电户' : '选为来电户'}
          </Button>
        </Space>
      }
      style={{ marginBottom: 12, borderColor: selected ? '#1677ff' : undefined }}
      data-testid="caller-card"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="收费政策">
          <FeePolicy household={view} />
        </Descriptions.Item>
        <Descriptions.Item label="住户">
          <Space direction="vertical" size={2}>
            {view.residents.map((r: Resident) => (
              <span key={r.id}>
                <Typography.Text strong>{r.name}</Typography.Text> {r.phones.map((p: string | null) => formatPhone(p)).join('、')}{' '}
                <Typography.Text type="secondary">（{label(CONTACT_LABELS, r.preferredContact)}联系）</Typography.Text>{' '}
                {r.tags.map((t: string) => (
                  <Tag key={t} color="gold">
                    {label(TAG_LABELS, t)}
                  </Tag>
                ))}
              </span>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        header={<Typography.Text strong>未办结工单（{household.openRequests.length}）</Typography.Text>}
        dataSource={household.openRequests}
        locale={{ emptyText: '没有未办结的工单' }}
        renderItem={(r: { id: string }) => <OpenRequest id={r.id} />}
      />
      <RecentRequests household={household} />
      <UnmaskDialog
        open={asking}
        householdId={household.id}
        onClose={() => setAsking(false)}
        onShown={(h) => {
          setShown(h);
          setAsking(false);
        }}
      />
    </Card>
  );
}

/**
 * Free or low-cost, and why: the reason is as personal as the full address, so the service sends
 * it only with the unmasked view, read with a purpose and audited.
 */
function FeePolicy({ household }: { household: Household }) {
  const grant = household.feeGrant;
  return (
    <Space size={4} wrap data-testid="fee-policy">
      <Tag color={household.feePolicy === 'free' ? 'green' : 'blue'}>{label(FEE_LABELS, household.feePolicy)}</Tag>
      {household.feePolicy === 'low_cost' && <Typography.Text type="secondary">未登记免费服务资格</Typography.Text>}
      {grant && (
        <Typography.Text>
          {label(FEE_REASON_LABELS, grant.reason)}，有效期至 {dayjs(grant.validUntil).format('YYYY-MM-DD')}
        </Typography.Text>
      )}
      {household.feePolicy === 'free' && !grant && (
        <Typography.Text type="secondary">已登记免费服务资格（原因在查看完整信息后显示）</Typography.Text>
      )}
    </Space>
  );
}

/** What the household asked before, beyond what is still open: the agent hears "again?" at once. */
function RecentRequests({ household }: { household: Household }) {
  const categoryName = useCategoryName();
  const open = new Set(household.openRequests.map((r: { id: string }) => r.id));
  const done = household.lastRequests.filter((r: { id: string }) => !open.has(r.id));
  if (!done.length) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>最近办结（{done.length}）</Typography.Text>}
      dataSource={done}
      renderItem={(r: { id: string; number: string; categoryCode: string; status: string; receivedAt: string }) => (
        <List.Item>
          <Space wrap>
            <Link to={`/requests/${r.id}`}>{r.number}</Link>
            <span>{categoryName(r.categoryCode)}</span>
            <Tag>{label(STATUS_LABELS, r.status)}</Tag>
            <Typography.Text type="secondary">{dayjs(r.receivedAt).format('YYYY-MM-DD')}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The summary on the card carries no deadlines; the request itself does, and stays live. */
function OpenRequest({ id }: { id: string }) {
  const categoryName = useCategoryName();
  const { data: r } = useQuery({
    queryKey: ['request', id],
    queryFn: async (): Promise<RequestView> => ok(api.GET('/api/request/requests/{id}', { params: { path: { id } } })),
  });
  if (!r) return <List.Item>…</List.Item>;
  return (
    <List.Item>
      <Space wrap>
        <Link to={`/requests/${r.id}`}>{r.number}</Link>
        <span>{categoryName(r.categoryCode)}</span>
        <Tag>{label(STATUS_LABELS, r.status)}</Tag>
        <SlaTag request={r} />
      </Space>
    </List.Item>
  );
}

function UnmaskDialog({
  open,
  householdId,
  onClose,
  onShown,
}: {
  open: boolean;
  householdId: string;
  onClose(): void;
  onShown(h: Household): void;
}) {
  const [form] = Form.useForm<{ purpose: string }>();
  const [error, setError] = useState<string>();
  const submit = async ({ purpose }: { purpose: string }) => {
    try {
      const h = await ok(
        api.GET('/api/request/households/{id}', {
          params: { path: { id: householdId }, query: { unmasked: 'true', purpose: purpose.trim() } },
        }),
        ['purpose'],
      );
      onShown(h);
    } catch (err) {
      setError(showOnForm(err, form));
    }
  };
  return (
    <Modal
      open={open}
      title="查看完整联系信息"
      okText="查看"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">完整号码和地址仅用于办理本次诉求。查看将记入审计日志，请说明用途。</Typography.Paragraph>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="purpose"
          label="查看用途"
          rules={[
            { validator: (_, v: string = '') => (purposeError(v) ? Promise.reject(new Error(purposeError(v)!)) : Promise.resolve()) },
          ]}
        >
          <Input autoFocus placeholder="例如：回拨居民确认诉求" />
        </Form.Item>
        <Space wrap>
          {UNMASK_PURPOSES.map((p) => (
            <Button key={p} size="small" onClick={() => form.setFieldValue('purpose', p)}>
              {p}
            </Button>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
