import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Radio, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ok, showOnForm } from '../api/call';
import type { FollowUp, FollowUpOutcome } from '../api/types';
import { label } from '../shared/labels';
import { useCategoryName } from '../shared/reference-data';

const REASON_LABELS: Record<string, string> = { not_rated: '未评价', dissatisfied: '不满意', not_solved: '未解决' };
const REASON_COLOURS: Record<string, string> = { not_rated: 'default', dissatisfied: 'red', not_solved: 'orange' };
const CALL_RESULTS: Record<string, string> = { reached: '已接通回访', unreachable: '无法接通', refused: '居民拒绝回访' };

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
          { title: '原因', dataIndex: 'reason', width: 100, render: (r: string) => <Tag color={REASON_COLOURS[r]}>{label(REASON_LABELS, r)}</Tag> },
          { title: '服务类别', dataIndex: 'categoryCode', render: (c: string) => categoryName(c) },
          { title: '工单', dataIndex: 'requestId', render: (id: string) => <Link to={`/requests/${id}`}>查看工单</Link> },
          { title: '', key: 'call', width: 120, render: (_: unknown, f: FollowUp) => <Button size="small" type="primary" onClick={() => setCalling(f)}>记录回访</Button> },
        ]}
      />
      {calling && <OutcomeDialog followUp={calling} onClose={() => setCalling(undefined)} />}
    </>
  );
}

function OutcomeDialog({ followUp, onClose }: { followUp: FollowUp; onClose(): void }) {
  const [form] = Form.useForm<FollowUpOutcome>();
  const [error, setError] = useState<string>();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const submit = async (v: FollowUpOutcome) => {
    try {
      await ok(api.POST('/api/rating/follow-ups/{id}/outcome', { params: { path: { id: followUp.id } }, body: { result: v.result, ...(v.notes?.trim() ? { notes: v.notes.trim() } : {}) } }), ['result', 'notes']);
      message.success('回访结果已记录');
      void queries.invalidateQueries({ queryKey: ['follow-ups'] });
      onClose();
    } catch (err) {
      setError(showOnForm(err, form));
    }
  };
  return (
    <Modal open title="记录回访结果" okText="保存" cancelText="返回" onCancel={onClose} onOk={() => form.submit()}>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ result: 'reached' }}>
        <Form.Item name="result" label="回访结果">
          <Radio.Group options={Object.entries(CALL_RESULTS).map(([value, l]) => ({ value, label: l }))} />
        </Form.Item>
        <Form.Item name="notes" label="回访记录" rules={[{ max: 500, message: '最多 500 字' }]}>
          <Input.TextArea rows={3} placeholder="居民的意见和诉求" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
