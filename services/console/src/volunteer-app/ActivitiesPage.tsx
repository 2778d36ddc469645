import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ok } from '../api/call';
import { api } from '../api/client';
import { ErrorNote, Loading } from '../mobile/ui';
import { plainProblem } from './words';

const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * The community's activities: sign up while there are places; at the activity the team leader
 * checks the volunteer in and out (never the volunteer themself), and the hours earn points.
 */
export function ActivitiesPage() {
  const queries = useQueryClient();
  const activities = useQuery({ queryKey: ['activities'], queryFn: () => ok(api.GET('/api/volunteer/activities')) });
  const signUp = useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/volunteer/activities/{id}/signups', { params: { path: { id } } })),
    onSettled: () => queries.invalidateQueries({ queryKey: ['activities'] }),
  });
  const now = Date.now();
  return (
    <>
      <p className="muted">到了活动现场，请找带队的队长签到和签退，活动时长会自动换成积分。</p>
      {activities.isPending && <Loading what="活动" />}
      <ErrorNote error={plainProblem(activities.error ?? signUp.error)} />
      {activities.isSuccess && activities.data.length === 0 && <p className="card muted">社区暂时没有活动。</p>}
      {activities.data?.map((a) => {
        const full = a.signedUp >= a.capacity;
        const over = new Date(a.endsAt).getTime() < now;
        return (
          <div className="card" key={a.id} data-testid="activity">
            <h3>{a.title}</h3>
            <div>
              {time(a.startsAt)} 到 {new Date(a.endsAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}
            </div>
            <div className="muted">地点：{a.place}</div>
            <div className="muted">
              已报名 {a.signedUp}/{a.capacity} 人 · 每小时 {a.pointsPerHour} 分
            </div>
            {a.minutes != null && <p className="notice">已记 {Math.round(a.minutes / 6) / 10} 小时</p>}
            {a.signedUpByMe ? (
              <span className="tag ok">我已报名</span>
            ) : (
              <button
                className="btn green"
                style={{ marginTop: '.5rem' }}
                disabled={full || over || signUp.isPending}
                onClick={() => signUp.mutate(a.id)}
              >
                {over ? '活动已结束' : full ? '名额已满' : '我要报名'}
              </button>
            )}
          </div>
        );
      })}
    </>
  );
}
