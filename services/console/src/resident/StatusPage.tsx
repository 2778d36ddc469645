import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { ok } from '../api/call';
import { ErrorNote, Loading, Page } from '../mobile/ui';
import { plainError, publicApi } from './public-api';
import { STAGES, STATUS_LABELS } from './words';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The page behind the texted link: the token in the link is the only key, so no sign-in. */
export function StatusPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useQuery({
    queryKey: ['status', id, token],
    queryFn: () => ok(publicApi.GET('/api/request/public/requests/{id}/status', { params: { path: { id }, query: { token } } })),
    retry: false,
  });
  const s = status.data;
  const reached = new Map(s?.steps.map((step) => [step.status, step.at]));
  const current = s ? STAGES.indexOf(s.status) : -1;
  return (
    <Page title="办理进度">
      {status.isPending && <Loading what="进度" />}
      {status.isError && <ErrorNote error={plainError(status.error)} />}
      {s && (
        <>
          <div className="card">
            <div className="row">
              <h2>{s.categoryName}</h2>
              <span className="tag ok" data-testid="status">
                {STATUS_LABELS[s.status] ?? s.status}
              </span>
            </div>
            <div>单号 {s.number}</div>
            <div className="muted">提交时间 {when(s.receivedAt)}</div>
            {s.preferredWindow && (
              <div className="muted">
                希望上门 {when(s.preferredWindow.from)} 到{' '}
                {new Date(s.preferredWindow.to).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}
              </div>
            )}
            {s.providerName && (
              <div>
                服务方：<strong>{s.providerName}</strong>
              </div>
            )}
          </div>
          <div className="card">
            <ol className="steps">
              {(s.status === 'cancelled' ? ['received', 'cancelled'] : STAGES).map((stage, i) => (
                <li key={stage} className={stage === s.status ? 'now' : reached.has(stage) || (current >= 0 && i < current) ? 'done' : ''}>
                  {STATUS_LABELS[stage]}
                  {reached.has(stage) && <span className="muted"> · {when(reached.get(stage)!)}</span>}
                </li>
              ))}
            </ol>
          </div>
        </>
      )}
    </Page>
  );
}
