import { ApiError } from '../api/call';
import { session, SignedIn } from '../auth/session';
import { ErrorNote, Loading } from '../mobile/ui';
import { ApplicationForm } from './ApplicationForm';
import { useCategoryNames, useMe } from './api';
import { STATUS_LABELS, TRAINING_LABELS, plainProblem } from './words';

export function MePage({ user }: { user: SignedIn }) {
  const me = useMe();
  const names = useCategoryNames();
  const v = me.data;
  // No registration yet (404), or a rejected one: the volunteer (re-)applies here.
  const mayApply = (me.error instanceof ApiError && me.error.status === 404) || v?.status === 'rejected';
  return (
    <>
      <div className="card">
        <h2>{user.name}</h2>
        {me.isPending && <Loading what="资料" />}
        {me.isError && !mayApply && <ErrorNote error={plainProblem(me.error)} />}
        {v && (
          <>
            <div>
              审核：<span className="tag ok">{STATUS_LABELS[v.status] ?? v.status}</span>
            </div>
            {v.reviewReason && <div className="muted">审核意见：{v.reviewReason}</div>}
            <div>活动时长：{v.activityHours} 小时</div>
          </>
        )}
      </div>
      {mayApply && <ApplicationForm user={user} />}
      {v && (
        <div className="card">
          <h3>我的专长</h3>
          {v.specialties.length === 0 && <p className="muted">还没有登记专长。</p>}
          {v.specialties.map((s) => (
            <div key={s.categoryCode}>
              {names.get(s.categoryCode) ?? s.categoryCode}
              {s.certificate.name && <span className="muted"> · {s.certificate.name}</span>}
              {!s.valid && <span className="tag">证书已过期</span>}
            </div>
          ))}
          <h3 style={{ marginTop: '.6rem' }}>还需完成的培训</h3>
          {v.training.missing.length === 0 ? (
            <p className="muted" style={{ margin: 0 }}>
              培训都已完成，可以接单。
            </p>
          ) : (
            v.training.missing.map((m) => (
              <span className="tag" key={m}>
                {TRAINING_LABELS[m] ?? m}
              </span>
            ))
          )}
        </div>
      )}
      <button className="btn secondary" onClick={() => void session.signOut()}>
        退出登录
      </button>
    </>
  );
}
