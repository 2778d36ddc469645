import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ok } from '../api/call';
import { api } from '../api/client';
import { SignedIn } from '../auth/session';
import { ErrorNote, Loading } from '../mobile/ui';
import { useHomeServices } from './api';
import { MOVEMENT_LABELS, plainProblem } from './words';

/** The fields read of rankings and the points config, which the API document describes only as objects so far. */
interface Ranked {
  volunteerId: string;
  displayName: string;
  points: number;
  rank: number;
}
interface ExchangePrices {
  exchangeCosts: Record<string, number>;
  defaultExchangeCost: number;
}

const TOP = 5;

/** This month's ranking in the volunteer's community, with their own place even outside the top. */
function Ranking({ user }: { user: SignedIn }) {
  const ranking = useQuery({
    queryKey: ['ranking'],
    queryFn: () => ok(api.GET('/api/volunteer/rankings', { params: { query: { unit: user.orgPath, period: 'month' } } })),
  });
  if (!ranking.data) return <ErrorNote error={plainProblem(ranking.error)} />;
  const entries = ranking.data.entries as unknown as Ranked[];
  const me = ranking.data.me as unknown as Ranked | null | undefined;
  return (
    <div className="card" data-testid="ranking">
      <h3>本月社区排行</h3>
      <p style={{ margin: '0 0 .4rem' }}>
        {me ? `我排第 ${me.rank} 名，本月 ${me.points} 分` : '本月还没有积分，接单或参加活动就能上榜。'}
      </p>
      {entries.slice(0, TOP).map((e) => (
        <div className="row" key={e.volunteerId}>
          <span>
            {e.rank}. {e.displayName}
          </span>
          <span>{e.points} 分</span>
        </div>
      ))}
    </div>
  );
}

/** Spending points on a home service, for oneself or a family member: the hotline then arranges it free. */
function Exchange({ user, balance }: { user: SignedIn; balance: number }) {
  const queries = useQueryClient();
  const names = useHomeServices();
  const config = useQuery({
    queryKey: ['points-config'],
    queryFn: () => ok(api.GET('/api/volunteer/points/config', { params: { query: { unit: user.orgPath } } })),
  });
  const exchange = useMutation({
    mutationFn: (categoryCode: string) =>
      ok(
        api.POST('/api/volunteer/me/exchanges', {
          body: { categoryCode },
          headers: { 'idempotency-key': `exchange-${crypto.randomUUID()}` },
        }),
      ),
    onSettled: () => Promise.all(['points', 'statement'].map((k) => queries.invalidateQueries({ queryKey: [k] }))),
  });
  if (!config.data) return <ErrorNote error={plainProblem(config.error)} />;
  const prices = config.data.effective as unknown as ExchangePrices;
  const cost = (code: string) => prices.exchangeCosts[code] ?? prices.defaultExchangeCost;
  return (
    <div className="card">
      <h3>用积分换服务</h3>
      <p className="muted" style={{ margin: 0 }}>
        给自己或家人换一次上门服务，换好后热线会打电话安排。
      </p>
      <ErrorNote error={plainProblem(exchange.error)} />
      {exchange.isSuccess && <p className="notice">已换好，热线会打电话和您约时间。</p>}
      {[...names].map(([code, name]) => (
        <div className="row" key={code} style={{ padding: '.3rem 0' }}>
          <span>
            {name} <span className="muted">{cost(code)} 分</span>
          </span>
          <button className="choice" disabled={balance < cost(code) || exchange.isPending} onClick={() => exchange.mutate(code)}>
            换
          </button>
        </div>
      ))}
    </div>
  );
}

const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { month: 'long', day: 'numeric' });

export function PointsPage({ user }: { user: SignedIn }) {
  const queries = useQueryClient();
  const points = useQuery({ queryKey: ['points'], queryFn: () => ok(api.GET('/api/volunteer/me/points')) });
  const statement = useQuery({ queryKey: ['statement'], queryFn: () => ok(api.GET('/api/volunteer/me/statement')) });
  const rewards = useQuery({ queryKey: ['rewards'], queryFn: () => ok(api.GET('/api/volunteer/rewards')) });
  const redeem = useMutation({
    // One key per tap: a retry of the same tap cannot spend twice.
    mutationFn: (rewardId: string) =>
      ok(
        api.POST('/api/volunteer/rewards/{id}/redeem', {
          params: { path: { id: rewardId } },
          headers: { 'idempotency-key': `redeem-${crypto.randomUUID()}` },
        }),
      ),
    onSettled: () => Promise.all(['points', 'statement', 'rewards'].map((k) => queries.invalidateQueries({ queryKey: [k] }))),
  });
  const p = points.data;
  return (
    <>
      {!p && <Loading what="积分" />}
      {p && (
        <div className="card" style={{ textAlign: 'center' }}>
          <div className="muted">我的积分</div>
          <div className="big" data-testid="balance">
            {p.balance}
          </div>
          <div data-testid="stars">
            {p.stars > 0 ? (
              <>
                <span className="stars">{'★'.repeat(p.stars)}</span> {p.stars} 星志愿者
              </>
            ) : (
              '还没有星级'
            )}
          </div>
          <div className="muted">
            累计获得 {p.lifetimePoints} 分{p.toNextStar !== null && `，再得 ${p.toNextStar} 分升一星`}
          </div>
        </div>
      )}
      <Ranking user={user} />
      <h2>兑换礼品</h2>
      <ErrorNote error={plainProblem(redeem.error)} />
      {redeem.isSuccess && <p className="notice">兑换成功，请到社区领取。</p>}
      {rewards.isSuccess && rewards.data.length === 0 && <p className="card muted">社区暂时没有可兑换的礼品。</p>}
      {rewards.data?.map((r) => (
        <div className="card" key={r.id} data-testid="reward">
          <div className="row">
            <h3>{r.name}</h3>
            <span className="tag">{r.costPoints} 分</span>
          </div>
          <div className="muted">还剩 {r.stock} 件</div>
          <button
            className="btn green"
            style={{ marginTop: '.5rem' }}
            disabled={!p || p.balance < r.costPoints || r.stock < 1 || redeem.isPending}
            onClick={() => redeem.mutate(r.id)}
          >
            {p && p.balance < r.costPoints ? '积分不够' : '兑换'}
          </button>
        </div>
      ))}
      {p && <Exchange user={user} balance={p.balance} />}
      <h2>积分明细</h2>
      <div className="card">
        {statement.data?.movements.length === 0 && <p className="muted">还没有积分记录，接一单服务就有了。</p>}
        {statement.data?.movements
          .slice()
          .reverse()
          .map((m) => (
            <div className="row" key={m.entryId} data-testid="movement" style={{ padding: '.3rem 0', borderBottom: '1px solid #f0f0f0' }}>
              <span>
                {day(m.postedAt)} {MOVEMENT_LABELS[m.kind] ?? m.kind}
              </span>
              <strong style={{ color: m.amount >= 0 ? '#1f6f43' : '#a8071a' }}>
                {m.amount > 0 ? '+' : ''}
                {m.amount}
              </strong>
            </div>
          ))}
      </div>
    </>
  );
}
