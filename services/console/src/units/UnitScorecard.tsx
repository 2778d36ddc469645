import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { UnitScorecard as Scorecard } from '../api/admin-types';
import { pct } from '../figures/figures-data';

const COMPONENTS: Array<{ key: string; label: string; weight: string; inverted?: boolean }> = [
  { key: 'acceptance', label: '接单率', weight: '20%' },
  { key: 'onTime', label: '按时完成率', weight: '20%' },
  { key: 'satisfaction', label: '满意度', weight: '35%' },
  { key: 'complaints', label: '投诉率（越低越好）', weight: '15%', inverted: true },
  { key: 'redo', label: '返工率（越低越好）', weight: '10%', inverted: true },
];

interface Component {
  rate: number;
  samples: number;
}

/** The unit's credit score, each part of it with its weight and sample count, and whether it is flagged for review. */
export function UnitScorecard({ unitId }: { unitId: string }) {
  const card = useQuery({
    queryKey: ['merchant-unit', unitId, 'scorecard'],
    queryFn: async (): Promise<Scorecard> => ok(api.GET('/api/merchant/units/{id}/scorecard', { params: { path: { id: unitId } } })),
  });
  if (card.isError) return <Alert type="error" title={(card.error as Error).message} />;
  const s = card.data;
  if (!s) return <Spin />;
  // The document describes the parts as an open object; each is a rate with its sample count.
  const parts = s.components as Record<string, Component | undefined>;
  return (
    <Card size="small">
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="信用分">
          <Statistic value={s.score} precision={1} suffix="/ 100" styles={{ content: { fontSize: 22 } }} />
        </Descriptions.Item>
        <Descriptions.Item label="复核线">{s.reviewThreshold}</Descriptions.Item>
        <Descriptions.Item label="标记">
          {s.flaggedForReview ? <Tag color="red">信用偏低，待复核</Tag> : <Tag color="green">正常</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="key"
        data-testid="unit-credit"
        pagination={false}
        dataSource={COMPONENTS}
        columns={[
          { title: '组成', dataIndex: 'label' },
          { title: '权重', dataIndex: 'weight' },
          { title: '比率', render: (_, c) => (parts[c.key] ? pct(parts[c.key]!.rate) : '—') },
          { title: '样本数', render: (_, c) => parts[c.key]?.samples ?? 0 },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        计算方法：信用分 = 100 ×（0.20×接单率 + 0.20×按时完成率 + 0.35×满意度 + 0.15×(1 − 投诉率) + 0.10×(1 −
        返工率)），样本较少时各比率向先验值收缩（相当于 5 个样本的权重）。
      </Typography.Paragraph>
    </Card>
  );
}
