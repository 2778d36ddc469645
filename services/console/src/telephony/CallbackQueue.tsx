import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../api/client';
import { ok } from '../api/call';
import { useCommunityName } from '../shared/reference-data';
import { useNow } from '../shared/SlaTag';
import { type Callback, callbackClock } from './calls';
import { useCallbacks, useOutboundCalls } from './use-telephony';

const REASONS: Record<string, string> = { missed: '未接来电', abandoned: '排队中挂断' };

/**
 * Calling a resident back: the number to dial, then what they said. The outbound call the phone
 * system logged for this callback is recorded with it; without one (dialled from another phone)
 * the note says how they were reached.
 */
function CallBack({ callback }: { callback: Callback }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const outbound = useOutboundCalls(open);
  const returnCall = outbound.data?.find((c) => c.callbackId === callback.id);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const done = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/request/callbacks/{id}/done', {
          params: { path: { id: callback.id } },
          body: { note: note.trim() || undefined, callId: returnCall?.id },
        }),
      ),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['callbacks'] }), qc.invalidateQueries({ queryKey: ['call-figures'] })]);
      void message.success('已完成回拨');
      setOpen(false);
    },
  });
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        回拨
      </Button>
      <Modal
        open={open}
        title={`回拨 ${callback.number ?? ''}`}
        okText="完成回拨"
        cancelText="取消"
        confirmLoading={done.isPending}
        onOk={() => done.mutate()}
        onCancel={() => setOpen(false)}
      >
        {done.error && <Alert type="error" title={done.error.message} style={{ marginBottom: 12 }} />}
        <p>
          请拨打 <a href={`tel:${callback.number ?? ''}`}>{callback.number}</a>（{REASONS[callback.reason] ?? callback.reason}，共{' '}
          {callback.missedCalls} 次）。
        </p>
        <p data-testid="return-call">
          {returnCall ? (
            <Typography.Text type="success">
              已记录回拨通话：{dayjs(returnCall.arrivedAt).format('HH:mm:ss')} 拨出，通话 {returnCall.talkSeconds} 秒
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">电话系统尚未报来本次回拨的通话；用其他电话回拨的，请在说明中写明。</Typography.Text>
          )}
        </p>
        <Form layout="vertical">
          <Form.Item label="回拨说明">
            <Input.TextArea aria-label="回拨说明" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Missed and abandoned calls waiting to be returned, the most urgent first, overdue in red. */
export function CallbackQueue() {
  const callbacks = useCallbacks();
  const now = useNow(15_000);
  const communityName = useCommunityName();
  // The service lists open callbacks by deadline, the most urgent first.
  const rows = callbacks.data ?? [];
  return (
    <Card size="small" title={`待回拨（${rows.length}）`} style={{ marginBottom: 16 }} data-testid="callbacks">
      {callbacks.isError && <Alert type="error" title={(callbacks.error as Error).message} />}
      <Table<Callback>
        size="small"
        rowKey="id"
        loading={callbacks.isLoading}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: '没有待回拨的来电' }}
        onRow={(b) => (callbackClock(b, now).overdue ? { style: { background: '#fff1f0' }, 'data-overdue': 'true' } : {})}
        columns={[
          { title: '号码', render: (_, b) => b.number ?? '—' },
          { title: '社区', render: (_, b) => (b.communityCode ? communityName(b.communityCode) : '未登记') },
          { title: '原因', render: (_, b) => REASONS[b.reason] ?? b.reason },
          { title: '来电次数', render: (_, b) => b.missedCalls },
          { title: '已回拨', render: (_, b) => `${b.attempts} 次` },
          {
            title: '回拨期限',
            render: (_, b) => {
              const clock = callbackClock(b, now);
              return (
                <Space size={4}>
                  <Tag color={clock.colour} data-overdue={clock.overdue}>
                    {clock.label}
                  </Tag>
                  <Typography.Text type="secondary">{dayjs(b.dueAt).format('HH:mm')}</Typography.Text>
                  {b.escalatedAt && <Tag color="red">已上报{b.escalationLevel === 'district' ? '区' : '街道'}</Tag>}
                </Space>
              );
            },
          },
          { title: '操作', render: (_, b) => <CallBack callback={b} /> },
        ]}
      />
    </Card>
  );
}
