import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, ok, showOnForm } from '../api/call';
import type { Cancellation, JobView, Offer, RatingHistory, RequestView } from '../api/types';
import {
  ACTOR_LABELS,
  FEE_LABELS,
  SATISFACTION_LABELS,
  JOB_STATE_LABELS,
  label,
  LEVEL_LABELS,
  STATUS_LABELS,
  URGENCY_COLOURS,
  URGENCY_LABELS,
} from '../shared/labels';
import { useCategoryName, useCommunityName } from '../shared/reference-data';
import { SlaTag } from '../shared/SlaTag';
import { boardStatus } from '../board/board-filters';
import { AssignButton, useCandidates } from './AssignDialog';
import { timelineText } from './timeline';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CANCELLABLE = new Set(['received', 'dispatching', 'escalated', 'assigned', 'on_site']);
const REOPENABLE = new Set(['signed_off', 'closed']);
const OFFER_LABELS: Record<string, string> = {
  open: '待答复',
  accepted: '已接单',
  declined: '已拒绝',
  expired: '已超时',
  withdrawn: '已撤回',
};
const time = (iso: string | null | undefined) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—');

/** One request: its story, the dispatch job with its offers, and what the desk may do with it. */
export function RequestPage() {
  const { id = '' } = useParams();
  const valid = UUID.test(id);
  const request = useQuery({
    queryKey: ['request', id],
    enabled: valid,
    queryFn: async (): Promise<RequestView> => ok(api.GET('/api/request/requests/{id}', { params: { path: { id } } })),
  });
  const job = useQuery({
    queryKey: ['job', id],
    enabled: valid && request.isSuccess,
    queryFn: async (): Promise<JobView> => ok(api.GET('/api/dispatch/jobs/{requestId}', { params: { path: { requestId: id } } })),
  });
  const offers = useQuery({
    queryKey: ['job', id, 'offers'],
    enabled: valid && request.isSuccess,
    queryFn: async (): Promise<Offer[]> => ok(api.GET('/api/dispatch/jobs/{requestId}/offers', { params: { path: { requestId: id } } })),
  });
  const candidates = useCandidates(id, valid && request.isSuccess);
  const communityName = useCommunityName();
  const categoryName = useCategoryName();

  if (!valid || (request.error instanceof ApiError && request.error.status === 404)) {
    return (
      <Result status="404" title="未找到该工单" subTitle="工单不存在，或不在您的管辖范围内。" extra={<Link to="/board">返回看板</Link>} />
    );
  }
  if (request.isError) return <Alert type="error" title={(request.error as Error).message} />;
  const r = request.data;
  if (!r) return <Spin />;
  const status = boardStatus(r.status, job.data?.state);
  const names = new Map((candidates.data ?? []).flatMap((k) => k.ranked.map((c): [string, string] => [c.providerId, c.displayName])));
  const providerName = (providerId: string) => (providerId === r.provider?.id && r.provider?.name) || names.get(providerId) || providerId;

  return (
    <Row gutter={24}>
      <Col xs={24} lg={14}>
        <Card
          title={
            <Space>
              <span data-testid="request-number">{r.number}</span>
              <Tag data-testid="request-status">{label(STATUS_LABELS, status)}</Tag>
              <SlaTag request={{ ...r, status }} />
            </Space>
          }
          extra={<Actions request={r} />}
        >
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="类别">{categoryName(r.categoryCode)}</Descriptions.Item>
            <Descriptions.Item label="紧急程度">
              <Tag color={URGENCY_COLOURS[r.urgency]}>{label(URGENCY_LABELS, r.urgency)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="社区">{communityName(r.communityCode)}</Descriptions.Item>
            <Descriptions.Item label="地址">{r.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="收费">{label(FEE_LABELS, r.feePolicy)}</Descriptions.Item>
            <Descriptions.Item label="服务方">{r.provider?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="响应期限">{time(r.responseDueAt)}</Descriptions.Item>
            <Descriptions.Item label="办结期限">{time(r.resolutionDueAt)}</Descriptions.Item>
            <Descriptions.Item label="签收">
              {r.signedOffAt ? `${time(r.signedOffAt)} 居民${r.solved ? '确认已解决' : '表示未解决'}` : '未签收'}
              {r.reopenCount > 0 ? `（已返工 ${r.reopenCount} 次）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="评价">
              <RatingText requestId={r.id} signedOff={!!r.signedOffAt} />
            </Descriptions.Item>
            {r.preferredWindow && (
              <Descriptions.Item label="希望上门" span={2}>
                {time(r.preferredWindow.from)} – {time(r.preferredWindow.to)}
              </Descriptions.Item>
            )}
            {r.chosenProviderId && (
              <Descriptions.Item label="居民指定" span={2}>
                {providerName(r.chosenProviderId)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="诉求" span={2}>
              {r.description}
            </Descriptions.Item>
            {r.answer && (
              <Descriptions.Item label="答复" span={2}>
                {r.answer}
              </Descriptions.Item>
            )}
            {r.cancelReason && (
              <Descriptions.Item label="取消原因" span={2}>
                {r.cancelReason}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card
          title="派单"
          size="small"
          style={{ marginTop: 16 }}
          extra={<AssignButton requestId={r.id} status={status} holder={r.provider?.id} />}
        >
          {job.data ? (
            <Descriptions size="small" column={2}>
              <Descriptions.Item label="派单状态">{label(JOB_STATE_LABELS, job.data.state)}</Descriptions.Item>
              <Descriptions.Item label="派单范围">{label(LEVEL_LABELS, job.data.level)}</Descriptions.Item>
              {job.data.manualReason && (
                <Descriptions.Item label="转人工原因" span={2}>
                  {job.data.manualReason}
                </Descriptions.Item>
              )}
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{job.isError ? '派单服务尚无此工单（受理后片刻生成）' : '加载中…'}</Typography.Text>
          )}
          <Table<Offer>
            size="small"
            rowKey="offerId"
            pagination={false}
            dataSource={offers.data ?? []}
            locale={{ emptyText: '尚无派单邀约' }}
            columns={[
              { title: '轮次', dataIndex: 'round', width: 60 },
              { title: '服务方', dataIndex: 'providerId', ellipsis: true, render: (id: string) => providerName(id) },
              { title: '状态', dataIndex: 'status', render: (s: string) => label(OFFER_LABELS, s) },
              { title: '发出', dataIndex: 'offeredAt', render: time },
              { title: '答复', dataIndex: 'resolvedAt', render: time },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title="处理经过" size="small">
          <Timeline
            items={(r.timeline ?? []).map((t: { at: string; action: string; to: string; note: string | null; actor: { kind: string } }) => {
              const { title, note } = timelineText(t);
              return {
                children: (
                  <>
                    <Typography.Text strong>{title}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {time(t.at)} · {label(ACTOR_LABELS, t.actor.kind)}
                    </Typography.Text>
                    {note && <div>{note}</div>}
                  </>
                ),
              };
            })}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** The resident's rating of this job, once there is one. */
function RatingText({ requestId, signedOff }: { requestId: string; signedOff: boolean }) {
  const rating = useQuery({
    queryKey: ['rating', requestId],
    enabled: signedOff,
    queryFn: async (): Promise<RatingHistory> => ok(api.GET('/api/rating/ratings/{requestId}', { params: { path: { requestId } } })),
  });
  const x = rating.data?.rating;
  if (!x) return <>{signedOff && rating.isPending ? '…' : '暂无评价'}</>;
  return (
    <>
      对帮帮团{label(SATISFACTION_LABELS, x.team)}，对服务方{label(SATISFACTION_LABELS, x.provider)}，{x.solved ? '已解决' : '未解决'}
    </>
  );
}

function useRefresh(id: string) {
  const queries = useQueryClient();
  return () => {
    void queries.invalidateQueries({ queryKey: ['request', id] });
    void queries.invalidateQueries({ queryKey: ['job', id] });
    void queries.invalidateQueries({ queryKey: ['requests'] });
  };
}

/** Cancel (for the resident or by the agent) before the work is done; reopen for a redo after. */
function Actions({ request }: { request: RequestView }) {
  const [open, setOpen] = useState<'cancel' | 'reopen'>();
  return (
    <Space>
      {CANCELLABLE.has(request.status) && (
        <Button danger onClick={() => setOpen('cancel')}>
          取消工单
        </Button>
      )}
      {REOPENABLE.has(request.status) && <Button onClick={() => setOpen('reopen')}>返工重办</Button>}
      {open && <ReasonDialog kind={open} requestId={request.id} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}

function ReasonDialog({ kind, requestId, onClose }: { kind: 'cancel' | 'reopen'; requestId: string; onClose(): void }) {
  // `by` has an initial value, so it is always there; a reopen sends only the reason.
  const [form] = Form.useForm<Cancellation>();
  const [error, setError] = useState<string>();
  const refresh = useRefresh(requestId);
  const { message } = App.useApp();
  const submit = async (v: Cancellation) => {
    try {
      const path = { params: { path: { id: requestId } } };
      if (kind === 'cancel')
        await ok(api.POST('/api/request/requests/{id}/cancel', { ...path, body: { by: v.by, reason: v.reason } }), ['reason', 'by']);
      else await ok(api.POST('/api/request/requests/{id}/reopen', { ...path, body: { reason: v.reason } }), ['reason']);
      message.success(kind === 'cancel' ? '工单已取消' : '已返工重办');
      refresh();
      onClose();
    } catch (err) {
      setError(showOnForm(err, form));
    }
  };
  return (
    <Modal
      open
      title={kind === 'cancel' ? '取消工单' : '返工重办'}
      okText="确定"
      cancelText="返回"
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ by: 'resident' }}>
        {kind === 'cancel' && (
          <Form.Item name="by" label="提出方">
            <Select
              options={[
                { value: 'resident', label: '居民要求取消' },
                { value: 'agent', label: '话务员取消' },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="原因"
          rules={[
            { required: true, message: '请填写原因' },
            { max: 500, message: '最多 500 字' },
          ]}
        >
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
