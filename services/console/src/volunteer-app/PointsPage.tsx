import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ok } from '../api/call';
import { api } from '../api/client';
import { ErrorNote, Loading } from '../mobile/ui';
import { MOVEMENT_LABELS } from './words';

const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { month: 'long', day: 'numeric' });

export function PointsPage() {
  const queries = useQueryClient();
  const points = useQuery({ queryKey: ['points'], queryFn: () => ok(api.GET('/api/volunteer/me/points')) });
  const statement = useQuery({ queryKey: ['statement'], queryFn: () => ok(api.GET('/api/volunteer/me/statement')) });
  const rewards = useQuery({ queryKey: ['rewards'], queryFn: () => ok(api.GET('/api/volunteer/rewards')) });
  const redeem = useMutation({
    // One key per tap: a retry of the same tap cannot spend twice.
    mutationFn: (rewardId: string) => ok(api.POST('/api/volunteer/rewards/{id}/redeem', { params: { path: { id: rewardId } }, headers: { 'idempotency-key': `redeem-${crypto.randomUUID()}` } })),
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
          <div className="muted">累计获得 {p.lifetimePoints} 分{p.toNextStar !== null && `，再得 ${p.toNextStar} 分升一星`}</div>
        </div>
      )}
      <h2>兑换礼品</h2>
      <ErrorNote error={redeem.error} />
      {redeem.isSuccess && <p className="notice">兑换成功，请到社区领取。</p>}
      {rewards.isSuccess && rewards.data.length === 0 && <p className="card muted">社区暂时没有可兑换的礼品。</p>}
      {rewards.data?.map((r) => (
        <div className="card" key={r.id} data-testid="reward">
          <div className="row">
            <h3>{r.name}</h3>
            <span className="tag">{r.costPoints} 分</span>
          </div>
          <div className="muted">还剩 {r.stock} 件</div>
          <button className="btn green" style={{ marginTop: '.5rem' }} disabled={!p || p.balance < r.costPoints || r.stock < 1 || redeem.isPending} onClick={() => redeem.mutate(r.id)}>
            {p && p.balance < r.costPoints ? '积分不够' : '兑换'}
          </button>
        </div>
      ))}
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
