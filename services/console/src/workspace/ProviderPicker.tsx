import { useQuery } from '@tanstack/react-query';
import { Alert, Radio, Space, Tag, Typography } from 'antd';
import { api } from '../api/client';
import { ApiError, ok } from '../api/call';
import type { Listing, Scorecard, Unit } from '../api/types';
import { useUnits } from '../shared/reference-data';
import { choiceProblem, percent, priceText } from './provider-choice';

/** Enough to choose from on a call; the directory lists the best-trusted first. */
const SHOWN = 8;

/**
 * The partner units covering the caller's community for this category, each with its public
 * scorecard, for a resident who asks for one by name or wants the agent's advice. No choice leaves
 * the matching to dispatch; a chosen unit is offered the job first when it may take it.
 */
export function ProviderPicker({
  communityCode,
  categoryCode,
  feePolicy,
  value,
  onChange,
}: {
  communityCode: string;
  categoryCode: string;
  feePolicy: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
}) {
  const community = (useUnits().data ?? []).find((u: Unit) => u.code === communityCode);
  const listings = useQuery({
    queryKey: ['directory', community?.path, categoryCode],
    enabled: !!community,
    queryFn: async (): Promise<Listing[]> =>
      ok(api.GET('/api/merchant/public/units', { params: { query: { community: community!.path, category: categoryCode } } })),
  });
  if (listings.isError) return <Alert type="warning" title={`服务方目录暂不可用：${(listings.error as Error).message}`} />;
  const shown = (listings.data ?? []).slice(0, SHOWN);
  return (
    <Radio.Group value={value ?? ''} onChange={(e) => onChange?.(e.target.value || undefined)} data-testid="provider-choice">
      <Space direction="vertical" size={6}>
        <Radio value="">不指定，由系统按评分派单</Radio>
        {listings.isSuccess && shown.length === 0 && <Typography.Text type="secondary">本社区暂无提供该服务的加盟单位</Typography.Text>}
        {shown.map((p: Listing) => {
          const problem = choiceProblem(p, feePolicy);
          return (
            <Radio key={p.id} value={p.id} disabled={!!problem}>
              <Space size={6} wrap>
                <Typography.Text strong>{p.displayName}</Typography.Text>
                <Tag color="blue">{priceText(p, categoryCode, feePolicy)}</Tag>
                <Typography.Text type="secondary">信誉度 {Math.round(p.credibility)}</Typography.Text>
                <ScorecardLine providerId={p.id} />
                {problem && <Tag>{problem}</Tag>}
              </Space>
            </Radio>
          );
        })}
      </Space>
    </Radio.Group>
  );
}

/** The rating service's public scorecard; a unit nobody has rated yet has none. */
function ScorecardLine({ providerId }: { providerId: string }) {
  const card = useQuery({
    queryKey: ['scorecard', providerId],
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<Scorecard> =>
      ok(api.GET('/api/rating/public/providers/{providerId}/scorecard', { params: { path: { providerId } } })),
  });
  if (card.error instanceof ApiError && card.error.status === 404) return <Typography.Text type="secondary">暂无评价</Typography.Text>;
  const s = card.data;
  if (!s) return null;
  return (
    <Typography.Text type="secondary" data-testid="scorecard">
      {s.meanStars == null ? '暂无评价' : `${s.meanStars.toFixed(1)}★（${s.ratingsCount} 条评价）`} · 近{s.recentDays}天 满意率{' '}
      {percent(s.recent.satisfactionRate)} · 响应率 {percent(s.recent.responseRate)} · 解决率 {percent(s.recent.resolutionRate)}
    </Typography.Text>
  );
}
