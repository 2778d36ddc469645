import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Col, Empty, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Category, JobItem, RequestItem, Unit } from '../api/types';
import { label, OPEN_STATUSES, STATUS_LABELS, URGENCY_COLOURS, URGENCY_LABELS } from '../shared/labels';
import { useCategories, useCategoryName, useCommunityName, useUnits } from '../shared/reference-data';
import { SlaTag, useNow } from '../shared/SlaTag';
import { boardStatus, BoardFilters, byTimeLeft, filterBoard } from './board-filters';
import { CallbackQueue } from '../telephony/CallbackQueue';
import { StatusChart } from './StatusChart';

const JOBS_LIMIT = 500;

/** Open requests in the signed-in person's scope, one column per status, live. */
export function BoardPage() {
  const [filters, setFilters] = useState<BoardFilters>({});
  const now = useNow();
  const requests = useQuery({ queryKey: ['requests'], queryFn: async (): Promise<RequestItem[]> => ok(api.GET('/api/request/requests')) });
  const jobs = useQuery({
    queryKey: ['requests', 'jobs'],
    queryFn: async (): Promise<JobItem[]> => ok(api.GET('/api/dispatch/jobs', { params: { query: { limit: JOBS_LIMIT } } })),
  });
  const jobState = new Map<string, string>((jobs.data ?? []).map((j: JobItem) => [j.requestId, j.state]));
  const communities = (useUnits().data ?? []).filter((u: Unit) => u.level === 'community');
  const categories = useCategories().data ?? [];
  const communityName = useCommunityName();
  const categoryName = useCategoryName();
  const placed = (requests.data ?? []).map((r: RequestItem) => ({ ...r, status: boardStatus(r.status, jobState.get(r.id)) }));
  const open = filterBoard(
    placed.filter((r: RequestItem) => OPEN_STATUSES.includes(r.status)),
    filters,
    now,
  );
  const set = (patch: BoardFilters) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="社区"
          style={{ width: 160 }}
          value={filters.community}
          onChange={(community) => set({ community })}
          options={communities.map((u: Unit) => ({ value: u.code, label: u.nameZh }))}
        />
        <Select
          allowClear
          placeholder="服务类别"
          style={{ width: 180 }}
          value={filters.category}
          onChange={(category) => set({ category })}
          options={categories.map((c: Category) => ({ value: c.code, label: c.nameZh }))}
        />
        <Select
          allowClear
          placeholder="紧急程度"
          style={{ width: 140 }}
          value={filters.urgency}
          onChange={(urgency) => set({ urgency })}
          options={Object.entries(URGENCY_LABELS).map(([value, l]) => ({ value, label: l }))}
        />
        <Checkbox checked={!!filters.breachedOnly} onChange={(e) => set({ breachedOnly: e.target.checked })}>
          只看已超时
        </Checkbox>
        <Typography.Text type="secondary">共 {open.length} 件未办结</Typography.Text>
      </Space>
      {requests.isError && <Alert type="error" title={(requests.error as Error).message} />}
      <CallbackQueue />
      <StatusChart items={open} statuses={OPEN_STATUSES} now={now} />
      <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }}>
        {OPEN_STATUSES.map((status) => {
          const column = byTimeLeft(
            open.filter((r: RequestItem) => r.status === status),
            now,
          );
          return (
            <Col key={status} flex="1 0 220px" data-testid={`column-${status}`}>
              <Card
                size="small"
                title={`${STATUS_LABELS[status]}（${column.length}）`}
                styles={{ body: { padding: 8, minHeight: 120, background: '#fafafa' } }}
              >
                {column.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" />}
                {column.map((r: RequestItem) => (
                  <Card key={r.id} size="small" style={{ marginBottom: 8 }} data-testid="board-card" data-number={r.number}>
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      <Link to={`/requests/${r.id}`}>
                        <Typography.Text strong>{r.number}</Typography.Text>
                      </Link>
                      <span>
                        {categoryName(r.categoryCode)} · {communityName(r.communityCode)}
                      </span>
                      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }}>
                        {r.description}
                      </Typography.Text>
                      <Space size={4} wrap>
                        <Tag color={URGENCY_COLOURS[r.urgency]}>{label(URGENCY_LABELS, r.urgency)}</Tag>
                        <SlaTag request={r} />
                      </Space>
                    </Space>
                  </Card>
                ))}
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
