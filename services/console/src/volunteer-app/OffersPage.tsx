import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ok } from '../api/call';
import { api } from '../api/client';
import { ErrorNote, Loading } from '../mobile/ui';
import { useCategoryNames } from './api';
import { JobCard } from './JobCard';
import { countdown, plainProblem } from './words';

/** The job an offer is for, as dispatch describes it before assignment: what and how urgent, no address. */
interface OfferedJob {
  categoryCode?: string;
  feePolicy?: string;
  urgency?: string;
}

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function OffersPage({ live }: { live: boolean }) {
  const queries = useQueryClient();
  const names = useCategoryNames();
  const now = useNow();
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const onConfirmed = (requestNumber: string) => setConfirmed((c) => [...c, requestNumber]);
  const offers = useQuery({ queryKey: ['offers'], queryFn: () => ok(api.GET('/api/dispatch/offers')) });
  const jobs = useQuery({ queryKey: ['jobs'], queryFn: () => ok(api.GET('/api/dispatch/jobs/mine')) });
  const refetch = () =>
    Promise.all([queries.invalidateQueries({ queryKey: ['offers'] }), queries.invalidateQueries({ queryKey: ['jobs'] })]);
  const answer = useMutation({
    mutationFn: ({ offerId, accept }: { offerId: string; accept: boolean }) =>
      accept
        ? ok(api.POST('/api/dispatch/offers/{offerId}/accept', { params: { path: { offerId } } }))
        : ok(api.POST('/api/dispatch/offers/{offerId}/decline', { params: { path: { offerId } }, body: {} })),
    onSettled: refetch,
  });
  const open = offers.data?.filter((o) => o.status === 'open' && new Date(o.expiresAt).getTime() > now) ?? [];
  const current = jobs.data?.filter((j) => !j.completedAt) ?? [];
  const done = jobs.data?.filter((j) => j.completedAt).slice(0, 5) ?? [];
  return (
    <>
      <p className="muted" data-testid="live">
        {live ? '● 新的派单会自动出现' : '○ 正在连接…'}
      </p>
      <h2>新派单</h2>
      {offers.isPending && <Loading what="派单" />}
      {offers.isSuccess && open.length === 0 && <p className="card muted">现在没有新的派单。</p>}
      <ErrorNote error={plainProblem(answer.error)} />
      {open.map((o) => {
        const job = o.job as OfferedJob;
        return (
          <div className="card" key={o.offerId} data-testid="offer">
            <div className="row">
              <h3>{names.get(job.categoryCode ?? '') ?? job.categoryCode}</h3>
              <span className="countdown">还剩 {countdown(o.expiresAt, now)}</span>
            </div>
            <div>
              {job.feePolicy === 'free' ? <span className="tag ok">免费服务</span> : <span className="tag">低价服务</span>}
              {job.urgency === 'emergency' && <span className="tag">紧急</span>}
            </div>
            <p className="muted" style={{ margin: '.3rem 0 0' }}>
              接单后可以看到居民的地址和电话。
            </p>
            <div className="btn-row">
              <button
                className="btn secondary"
                disabled={answer.isPending}
                onClick={() => answer.mutate({ offerId: o.offerId, accept: false })}
              >
                不接
              </button>
              <button className="btn green" disabled={answer.isPending} onClick={() => answer.mutate({ offerId: o.offerId, accept: true })}>
                接单
              </button>
            </div>
          </div>
        );
      })}
      <h2>我的服务</h2>
      {confirmed.map((number) => (
        <p className="notice" key={number} data-testid="confirmed">
          单号 {number} 居民已确认，积分会自动记到您的账上。
        </p>
      ))}
      {jobs.isSuccess && current.length === 0 && <p className="card muted">手上没有进行中的服务。</p>}
      {current.map((j) => (
        <JobCard key={j.requestId} job={j} categoryName={names.get(j.categoryCode)} onConfirmed={onConfirmed} />
      ))}
      {done.length > 0 && <h2>最近完成</h2>}
      {done.map((j) => (
        <JobCard key={j.requestId} job={j} categoryName={names.get(j.categoryCode)} onConfirmed={onConfirmed} />
      ))}
    </>
  );
}
