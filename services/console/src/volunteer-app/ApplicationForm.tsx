import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { ok } from '../api/call';
import { api } from '../api/client';
import { SignedIn } from '../auth/session';
import { ErrorNote } from '../mobile/ui';
import { useHomeServices } from './api';
import { applicationBody, SpecialtyInput } from './application';
import { plainProblem } from './words';

const blank = (categoryCode: string): SpecialtyInput => ({ categoryCode, certificateName: '', certificateNumber: '', expiresOn: '' });

/** The application: a general volunteer ticks nothing; a skilled one adds each specialty with its certificate. */
export function ApplicationForm({ user }: { user: SignedIn }) {
  const queries = useQueryClient();
  const names = useHomeServices();
  const [displayName, setDisplayName] = useState(user.name);
  const [specialties, setSpecialties] = useState<SpecialtyInput[]>([]);
  const apply = useMutation({
    mutationFn: () => ok(api.POST('/api/volunteer/applications', { body: applicationBody(displayName, user.orgPath, specialties) })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['me'] }),
  });
  const toggle = (code: string) =>
    setSpecialties((now) =>
      now.some((s) => s.categoryCode === code) ? now.filter((s) => s.categoryCode !== code) : [...now, blank(code)],
    );
  const edit = (code: string, key: keyof SpecialtyInput, value: string) =>
    setSpecialties((now) => now.map((s) => (s.categoryCode === code ? { ...s, [key]: value } : s)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply.mutate();
  };
  return (
    <form onSubmit={submit} className="card" data-testid="application">
      <h2>提交志愿者申请</h2>
      <p className="muted">社区审核通过、完成培训后就可以接单。没有专长也可以申请，参加社区活动。</p>
      <label className="field">
        <span>名字</span>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={64} aria-label="申请人名字" />
      </label>
      <div className="field">
        <span style={{ display: 'block', fontWeight: 600 }}>我会做（可多选，需有证书）</span>
        <div className="choices" role="group" aria-label="专长">
          {[...names].map(([code, name]) => (
            <button
              key={code}
              type="button"
              className="choice"
              aria-pressed={specialties.some((s) => s.categoryCode === code)}
              onClick={() => toggle(code)}
            >
              {name}
            </button>
          ))}
        </div>
      </div>
      {specialties.map((s) => (
        <fieldset key={s.categoryCode} className="card" style={{ border: '1px dashed #d9d9d9' }}>
          <legend>{names.get(s.categoryCode)}的证书</legend>
          <label className="field">
            <span>证书名称</span>
            <input
              value={s.certificateName}
              onChange={(e) => edit(s.categoryCode, 'certificateName', e.target.value)}
              required
              aria-label={`${names.get(s.categoryCode)}证书名称`}
            />
          </label>
          <label className="field">
            <span>证书编号</span>
            <input
              value={s.certificateNumber}
              onChange={(e) => edit(s.categoryCode, 'certificateNumber', e.target.value)}
              required
              aria-label={`${names.get(s.categoryCode)}证书编号`}
            />
          </label>
          <label className="field">
            <span>有效期到</span>
            <input
              type="date"
              value={s.expiresOn}
              onChange={(e) => edit(s.categoryCode, 'expiresOn', e.target.value)}
              required
              aria-label={`${names.get(s.categoryCode)}证书有效期`}
            />
          </label>
        </fieldset>
      ))}
      <ErrorNote error={plainProblem(apply.error)} />
      <button className="btn green" type="submit" disabled={apply.isPending}>
        提交申请
      </button>
    </form>
  );
}
