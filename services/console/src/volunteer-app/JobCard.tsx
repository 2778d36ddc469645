import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { ok } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { Choices, ErrorNote } from '../mobile/ui';
import { plainProblem } from './words';

type Job = components['schemas']['dispatch.JobView'];

/** The resident's address and phone: read only while the job is the volunteer's and not yet done (the read is audited). */
function Contact({ requestId }: { requestId: string }) {
  const contact = useQuery({
    queryKey: ['contact', requestId],
    queryFn: () => ok(api.GET('/api/request/requests/{id}/contact', { params: { path: { id: requestId } } })),
  });
  if (!contact.data) return <ErrorNote error={plainProblem(contact.error)} />;
  return (
    <div data-testid="contact">
      <div>地址：{contact.data.address}</div>
      {contact.data.name && <div>居民：{contact.data.name}</div>}
      {contact.data.phones.map((p) => (
        <a key={p} className="btn secondary" href={`tel:${p}`} style={{ marginTop: '.4rem' }}>
          打电话 {p}
        </a>
      ))}
    </div>
  );
}

const CONFIRMED = ['signed_off', 'closed'];

/**
 * After the visit: the six-digit code the resident received by SMS confirms the job, which earns
 * the points. Whether it is confirmed is read from the request, so it holds across reloads.
 */
function SignOff({ requestId, onConfirmed }: { requestId: string; onConfirmed: () => void }) {
  const queries = useQueryClient();
  const [code, setCode] = useState('');
  const [solved, setSolved] = useState<'yes' | 'no'>('yes');
  const request = useQuery({
    queryKey: ['request', requestId],
    queryFn: () => ok(api.GET('/api/request/requests/{id}', { params: { path: { id: requestId } } })),
  });
  const signOff = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/request/requests/{id}/sign-off', { params: { path: { id: requestId } }, body: { code, solved: solved === 'yes' } }),
      ),
    onSuccess: () => {
      onConfirmed();
      return queries.invalidateQueries({ queryKey: ['request', requestId] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signOff.mutate();
  };
  if (!request.data && !signOff.isSuccess) return <ErrorNote error={plainProblem(request.error)} />;
  if (signOff.isSuccess || (request.data && CONFIRMED.includes(request.data.status)))
    return <p className="notice">居民已确认，积分会自动记到您的账上。</p>;
  return (
    <form onSubmit={submit}>
      <label className="field">
        <span>居民短信里的确认码</span>
        <input
          inputMode="numeric"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          required
          aria-label="确认码"
        />
      </label>
      <Choices
        label="问题是否解决"
        options={[
          ['yes', '问题解决了'],
          ['no', '没解决'],
        ]}
        value={solved}
        onChange={setSolved}
      />
      <ErrorNote error={plainProblem(signOff.error)} />
      <button className="btn green" type="submit" disabled={code.length !== 6 || signOff.isPending} style={{ marginTop: '.5rem' }}>
        提交确认码
      </button>
    </form>
  );
}

/** `onConfirmed`: the resident's code was taken; the job may then leave the list, so the page says so. */
export function JobCard({
  job,
  categoryName,
  onConfirmed,
}: {
  job: Job;
  categoryName?: string;
  onConfirmed: (requestNumber: string) => void;
}) {
  const queries = useQueryClient();
  const [price, setPrice] = useState('0');
  const path = { params: { path: { requestId: job.requestId } } };
  const report = useMutation({
    mutationFn: (step: 'on-site' | 'complete') =>
      step === 'on-site'
        ? ok(api.POST('/api/dispatch/jobs/{requestId}/on-site', path))
        : ok(api.POST('/api/dispatch/jobs/{requestId}/complete', { ...path, body: { priceChargedFen: Math.round(Number(price) * 100) } })),
    onSettled: () => queries.invalidateQueries({ queryKey: ['jobs'] }),
  });
  const stage = job.completedAt ? '已完成' : job.onSiteAt ? '服务中' : '已接单，请尽快联系居民';
  return (
    <div className="card" data-testid="job">
      <div className="row">
        <h3>{categoryName ?? job.categoryCode}</h3>
        <span className="tag ok">{stage}</span>
      </div>
      <div className="muted">
        单号 {job.requestNumber} · {job.feePolicy === 'free' ? '免费服务' : '低价服务'}
      </div>
      {!job.completedAt && <Contact requestId={job.requestId} />}
      <ErrorNote error={plainProblem(report.error)} />
      {!job.onSiteAt && !job.completedAt && (
        <button className="btn green" style={{ marginTop: '.6rem' }} disabled={report.isPending} onClick={() => report.mutate('on-site')}>
          我已到达
        </button>
      )}
      {job.onSiteAt && !job.completedAt && (
        <div style={{ marginTop: '.6rem' }}>
          <label className="field">
            <span>收费（元，免费服务填 0）</span>
            <input inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} aria-label="收费" />
          </label>
          <button className="btn green" disabled={report.isPending} onClick={() => report.mutate('complete')}>
            服务完成
          </button>
        </div>
      )}
      {job.completedAt && <SignOff requestId={job.requestId} onConfirmed={() => onConfirmed(job.requestNumber)} />}
    </div>
  );
}
