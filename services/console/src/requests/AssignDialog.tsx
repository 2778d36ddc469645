import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { ok, showOnForm } from '../api/call';
import { RULE_LABELS } from '../api/messages';
import type { Candidate, Ranking } from '../api/types';
import { label, LEVEL_LABELS } from '../shared/labels';
import { assignable, FACTOR_LABELS } from './candidates';

const ASSIGNABLE = new Set(['dispatching', 'escalated', 'assigned']);

export function useCandidates(requestId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['job', requestId, 'candidates'],
    enabled,
    queryFn: async (): Promise<Ranking[]> => ok(api.GET('/api/dispatch/jobs/{requestId}/candidates', { params: { path: { requestId } } })),
  });
}

/** Manual assignment: the providers dispatch ranked, with why, and the reason for the choice; both audited. */
export function AssignButton({ requestId, status, holder }: { requestId: string; status: string; holder?: string }) {
  const [open, setOpen] = useState(false);
  if (!ASSIGNABLE.has(status)) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {status === 'assigned' ? '改派' : '人工派单'}
      </Button>
      {open && <AssignDialog requestId={requestId} holder={holder} onClose={() => setOpen(false)} />}
    </>
  );
}

function AssignDialog({ requestId, holder, onClose }: { requestId: string; holder?: string; onClose(): void }) {
  const [form] = Form.useForm<{ providerId: string; reason: string }>();
  const [error, setError] = useState<string>();
  const candidates = useCandidates(requestId, true);
  const queries = useQueryClient();
  const { message } = App.useApp();
  const { ranked, excluded } = assignable(candidates.data ?? []);
  const names = new Map(ranked.map((c) => [c.providerId, c.displayName]));
  const submit = async (v: { providerId: string; reason: string }) => {
    try {
      await ok(
        api.POST('/api/dispatch/jobs/{requestId}/assign', {
          params: { path: { requestId } },
          body: { providerId: v.providerId, reason: v.reason.trim() },
        }),
        ['providerId', 'reason'],
      );
      message.success(`已派给 ${names.get(v.providerId) ?? v.providerId}`);
      void queries.invalidateQueries({ queryKey: ['job', requestId] });
      void queries.invalidateQueries({ queryKey: ['request', requestId] });
      void queries.invalidateQueries({ queryKey: ['requests'] });
      onClose();
    } catch (err) {
      setError(showOnForm(err, form));
    }
  };
  return (
    <Modal open width={720} title="人工派单" okText="派单" cancelText="返回" onCancel={onClose} onOk={() => form.submit()}>
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="providerId" label="服务方（按派单评分排序）" rules={[{ required: true, message: '请选择服务方' }]}>
          <Radio.Group data-testid="candidates">
            <Space direction="vertical" size={8}>
              {candidates.isSuccess && ranked.length === 0 && (
                <Typography.Text type="secondary">派单服务尚未为该工单排出候选服务方</Typography.Text>
              )}
              {ranked.map((c) => (
                <Radio key={c.providerId} value={c.providerId} disabled={c.providerId === holder}>
                  <CandidateLine candidate={c} level={c.level} holding={c.providerId === holder} />
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {excluded.length > 0 && (
          <Typography.Paragraph type="secondary" data-testid="excluded">
            未入选：{excluded.map((e) => `${e.providerId.slice(0, 8)}（${label(RULE_LABELS, e.rule)}）`).join('；')}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="reason"
          label="派单原因"
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { max: 500, message: '最多 500 字' },
          ]}
        >
          <Input.TextArea rows={2} placeholder="例如：居民点名要这家；原服务方无法上门" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CandidateLine({ candidate: c, level, holding }: { candidate: Candidate; level: string; holding: boolean }) {
  return (
    <Space size={6} wrap>
      <Typography.Text strong>
        {c.rank}. {c.displayName}
      </Typography.Text>
      <Tag color="blue">评分 {Math.round(c.score * 100)}</Tag>
      {c.preferred && <Tag color="gold">居民指定</Tag>}
      {holding && <Tag>当前服务方</Tag>}
      <Typography.Text type="secondary">{label(LEVEL_LABELS, level)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {Object.keys(FACTOR_LABELS)
          .flatMap((f) => {
            const s = c.factors[f as keyof typeof c.factors];
            return s ? [`${FACTOR_LABELS[f]} ${Math.round(s.score * 100)}`] : [];
          })
          .join(' · ')}
      </Typography.Text>
    </Space>
  );
}
