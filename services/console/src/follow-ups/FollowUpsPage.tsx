import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ok, showOnForm } from '../api/call';
import type { FollowUp, RatingHistory, RequestView } from '../api/types';
import { callPlan, callProblem, CALL_RESULTS, CallValues } from './follow-up-call';
import { label, SATISFACTION_LABELS } from '../shared/labels';
import { useCategoryName } from '../shared/reference-data';

const REASON_LABELS: Record<string, string> = { not_rated: '未评价', dissatisfied: '不满意', not_solved: '未解决' };
const REASON_COLOURS: Record<string, string> = { not_rated: 'default', dissatisfied: 'red', not_solved: 'orange' };

/** 回访: the call-back queue in scope, oldest first, each closed with the call's outcome. */
export function FollowUpsPage() {
  const [calling, setCalling] = useState<FollowUp>();
  const categoryName = useCategoryName();
  const queue = useQuery({
    queryKey: ['follow-ups'],
    queryFn: async (): Promise<FollowUp[]> => ok(api.GET('/api/rating/follow-ups', { params: { query: { status: 'open' } } })),
  });
  return (
    <>
      {queue.isError && <Alert type="error" title={(queue.error as Error).message} />}
      <Table<FollowUp>
        size="small"
        rowKey="id"
        loading={queue.isLoading}
        dataSource={queue.data ?? []}
        pagination={false}
        locale={{ emptyText: '回访队列已清空' }}
        columns={[
          { title: '进入队列', dataIndex: 'createdAt', width: 150, render: (t: string) => dayjs(t).format('MM-DD HH:mm') },
          {
            title: '原因',
            dataIndex: 'reason',
            width: 100,
            render: (r: string) => <Tag color={REASON_COLOURS[r]}>{label(REASON_LABELS, r)}</Tag>,
          },
          { title: '服务类别', dataIndex: 'categoryCode', render: (c: string) => categoryName(c) },
          { title: '工单', dataIndex: 'requestId', render: (id: string) => <Link to={`/requests/${id}`}>查看工单</Link> },
          {
            title: '',
            key: 'call',
            width: 120,
            render: (_: unknown, f: FollowUp) => (
              <Button size="small" type="primary" onClick={() => setCalling(f)}>
                记录回访
              </Button>
            ),
          },
        ]}
      />
      {calling && <OutcomeDialog followUp={calling} onClose={() => setCalling(undefined)} />}
    </>
  );
}

function OutcomeDialog({ followUp, onClose }: { followUp: FollowUp; onClose(): void }) {
  const [form] = Form.useForm<CallValues>();
  const [error, setError] = useState<string>();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const result = Form.useWatch('result', form);
  const reached = result === undefined || result === 'reached';
  const submit = async (v: CallValues) => {
    const problem = callProblem(v);
    if (problem) return setError(problem);
    const plan = callPlan(followUp.reason, v);
    const path = { params: { path: { requestId: followUp.requestId } } };
    try {
      if (plan.rating?.mode === 'new')
        await ok(api.POST('/api/rating/ratings/{requestId}', { ...path, body: plan.rating.body }), ['team', 'provider', 'solved']);
      else if (plan.rating)
        await ok(api.PUT('/api/rating/ratings/{requestId}', { ...path, body: plan.rating.body }), ['team', 'provider', 'solved']);
      await ok(api.POST('/api/rating/follow-ups/{id}/outcome', { params: { path: { id: followUp.id } }, body: plan.outcome }), [
        'result',
        'notes',
      ]);
      message.success(plan.redo ? '回访结果已记录，居民反映未解决，已安排返工重办' : '回访结果已记录');
      void queries.invalidateQueries({ queryKey: ['follow-ups'] });
      void queries.invalidateQueries({ queryKey: ['request', followUp.requestId] });
      onClose();
    } catch (err) {
      setError(showOnForm(err, form));
    }
  };
  return (
    <Modal open width={640} title="记录回访结果" okText="保存" cancelText="返回" onCancel={onClose} onOk={() => form.submit()}>
      <CallScript followUp={followUp} />
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ result: 'reached' }}>
        <Form.Item name="result" label="回访结果">
          <Radio.Group options={Object.entries(CALL_RESULTS).map(([value, l]) => ({ value, label: l }))} />
        </Form.Item>
        {reached && (
          <Space size={[24, 0]} wrap>
            <Form.Item name="team" label="对帮帮团的评价">
              <Radio.Group optionType="button" options={SATISFACTION_OPTIONS} />
            </Form.Item>
            <Form.Item name="provider" label="对服务方的评价">
              <Radio.Group optionType="button" options={SATISFACTION_OPTIONS} />
            </Form.Item>
            <Form.Item name="solved" label="问题是否解决">
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: '已解决' },
                  { value: false, label: '未解决（返工重办）' },
                ]}
              />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="notes" label="回访记录" rules={[{ max: 500, message: '最多 500 字' }]}>
          <Input.TextArea rows={3} placeholder="居民的意见和诉求" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const SATISFACTION_OPTIONS = Object.entries(SATISFACTION_LABELS).map(([value, l]) => ({ value, label: l }));

/** What the agent says, with the job's facts in it, and what the resident said before. */
function CallScript({ followUp }: { followUp: FollowUp }) {
  const categoryName = useCategoryName();
  const request = useQuery({
    queryKey: ['request', followUp.requestId],
    queryFn: async (): Promise<RequestView> => ok(api.GET('/api/request/requests/{id}', { params: { path: { id: followUp.requestId } } })),
  });
  const rating = useQuery({
    queryKey: ['rating', followUp.requestId],
    enabled: followUp.reason !== 'not_rated',
    queryFn: async (): Promise<RatingHistory> =>
      ok(api.GET('/api/rating/ratings/{requestId}', { params: { path: { requestId: followUp.requestId } } })),
  });
  const r = request.data;
  const before = rating.data?.rating;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      data-testid="call-script"
      title="回访话术"
      description={
        <>
          <div>
            {`您好，这里是帮帮团热线。您${r ? ` ${dayjs(r.receivedAt).format('M月D日')}` : ''}反映的${categoryName(followUp.categoryCode)}问题`}
            {`${r ? `（工单 ${r.number}）` : ''}${r?.provider?.name ? `已由${r.provider.name}上门处理` : '已处理'}，想占用您一分钟了解办理情况：`}
            {'您对帮帮团的服务满意吗？对上门服务方满意吗？问题解决了吗？'}
          </div>
          {before && (
            <Typography.Text type="secondary">
              居民此前评价：对帮帮团{label(SATISFACTION_LABELS, before.team)}，对服务方{label(SATISFACTION_LABELS, before.provider)}，
              {before.solved ? '已解决' : '未解决'}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
