import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ok } from '../api/call';
import type { components } from '../api/schema';
import { Choices, ErrorNote, Page } from '../mobile/ui';
import { plainError, publicApi } from './public-api';
import { TAG_LABELS } from './words';

type Answer = components['schemas']['rating.LinkRateDto']['team'];
type Tag = NonNullable<components['schemas']['rating.LinkRateDto']['tags']>[number];

const ANSWERS: [Answer, string][] = [
  ['satisfied', '满意'],
  ['basically_satisfied', '基本满意'],
  ['dissatisfied', '不满意'],
];

/**
 * The page behind the rating link texted after sign-off. The one-time token is read once and taken
 * out of the address bar, so it stays out of history and bookmarks.
 */
export function RatePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [token] = useState(() => {
    const t = new URLSearchParams(window.location.search).get('token') ?? '';
    window.history.replaceState(null, '', window.location.pathname);
    return t;
  });
  const [team, setTeam] = useState<Answer>();
  const [provider, setProvider] = useState<Answer>();
  const [solved, setSolved] = useState<'yes' | 'no'>();
  const [tags, setTags] = useState<Tag[]>([]);
  const [comment, setComment] = useState('');
  const rate = useMutation({
    mutationFn: () =>
      ok(
        publicApi.POST('/api/rating/public/ratings/{requestId}', {
          params: { path: { requestId: id } },
          body: {
            token,
            team: team!,
            provider: provider!,
            solved: solved === 'yes',
            tags,
            ...(comment.trim() && { comment: comment.trim() }),
          },
        }),
      ),
    onSuccess: () => navigate('/thanks', { replace: true }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    rate.mutate();
  };
  if (!token)
    return (
      <Page title="服务评价">
        <ErrorNote error="链接不完整，请使用短信里的完整链接。" />
      </Page>
    );
  const toggle = (t: Tag) => setTags((now) => (now.includes(t) ? now.filter((x) => x !== t) : [...now, t]));
  return (
    <Page title="服务评价">
      <form onSubmit={submit}>
        <div className="card">
          <h3>1. 您对帮帮团的安排满意吗？</h3>
          <Choices label="对帮帮团" options={ANSWERS} value={team} onChange={setTeam} />
        </div>
        <div className="card">
          <h3>2. 您对上门的服务方满意吗？</h3>
          <Choices label="对服务方" options={ANSWERS} value={provider} onChange={setProvider} />
        </div>
        <div className="card">
          <h3>问题解决了吗？</h3>
          <Choices
            label="是否解决"
            options={[
              ['yes', '解决了'],
              ['no', '没解决'],
            ]}
            value={solved}
            onChange={setSolved}
          />
        </div>
        <div className="card">
          <h3>做得好的地方（可多选）</h3>
          <div className="choices" role="group" aria-label="做得好的地方">
            {(Object.keys(TAG_LABELS) as Tag[]).map((t) => (
              <button key={t} type="button" className="choice" aria-pressed={tags.includes(t)} onClick={() => toggle(t)}>
                {TAG_LABELS[t]}
              </button>
            ))}
          </div>
        </div>
        <label className="field">
          <span>还想说点什么（可不填）</span>
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} aria-label="留言" />
        </label>
        {rate.isError && <ErrorNote error={plainError(rate.error)} />}
        <button className="btn" type="submit" disabled={!team || !provider || !solved || rate.isPending}>
          {rate.isPending ? '正在提交…' : '提交评价'}
        </button>
      </form>
    </Page>
  );
}
