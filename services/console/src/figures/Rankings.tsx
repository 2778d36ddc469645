import { Card, Col, Row, Table, Tag } from 'antd';
import type { Figure } from '../api/admin-types';
import { pct } from './figures-data';
import { useRankings } from './use-figures';

const LEVEL_NAMES: Record<string, string> = { street: '街道', community: '社区' };

/** 红黑榜: the month's best and worst units by composite, for the district and street admins. */
export function Rankings({ level, month }: { level: 'street' | 'community'; month: string }) {
  const rankings = useRankings(level, month, true);
  const list = (rows: Figure[] | undefined, testId: string) => (
    <Table<Figure>
      size="small"
      data-testid={testId}
      rowKey="code"
      loading={rankings.isLoading}
      dataSource={rows ?? []}
      pagination={false}
      locale={{ emptyText: '本月暂无评分' }}
      columns={[
        { title: '名次', render: (_: unknown, __: Figure, i: number) => i + 1, width: 60 },
        { title: LEVEL_NAMES[level], render: (_: unknown, f: Figure) => f.name ?? f.code },
        { title: '综合得分', render: (_: unknown, f: Figure) => pct(f.composite) },
        { title: '响应率', render: (_: unknown, f: Figure) => pct(f.responseRate) },
        { title: '解决率', render: (_: unknown, f: Figure) => pct(f.resolutionRate) },
        { title: '满意率', render: (_: unknown, f: Figure) => pct(f.teamSatisfaction) },
      ]}
    />
  );
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card size="small" title={<Tag color="red">红榜 · 综合得分最高</Tag>}>
          {list(rankings.data?.red, 'red-list')}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={<Tag color="black">黑榜 · 综合得分最低</Tag>}>
          {list(rankings.data?.black, 'black-list')}
        </Card>
      </Col>
    </Row>
  );
}
