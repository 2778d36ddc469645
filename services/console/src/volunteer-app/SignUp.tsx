import { useMutation, useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { ok } from '../api/call';
import { api } from '../api/client';
import { session, SignInError } from '../auth/session';
import { ErrorNote } from '../mobile/ui';
import { plainProblem } from './words';

/** A new volunteer's account: then they sign in and apply with their specialties. */
export function SignUp({ onCancel }: { onCancel: () => void }) {
  const communities = useQuery({
    queryKey: ['communities'],
    queryFn: () => ok(api.GET('/api/request/public/catalogue/communities')),
    staleTime: 600_000,
  });
  const [form, setForm] = useState({ username: '', password: '', displayName: '', phone: '', communityCode: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const signUp = useMutation({
    mutationFn: async () => {
      await ok(api.POST('/auth/volunteers', { body: form }));
      await session.signIn(form.username, form.password);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signUp.mutate();
  };
  return (
    <form onSubmit={submit}>
      <h2>注册成为志愿者</h2>
      <label className="field">
        <span>您的名字</span>
        <input value={form.displayName} onChange={set('displayName')} required maxLength={64} aria-label="名字" />
      </label>
      <label className="field">
        <span>手机号</span>
        <input
          type="tel"
          inputMode="numeric"
          value={form.phone}
          onChange={set('phone')}
          required
          pattern="1\d{10}"
          aria-label="注册手机号"
        />
      </label>
      <label className="field">
        <span>住在哪个社区</span>
        <select value={form.communityCode} onChange={set('communityCode')} required aria-label="所在社区">
          <option value="">请选择</option>
          {communities.data?.map((c) => (
            <option key={c.code} value={c.code}>
              {c.streetName} {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>登录用的用户名（小写字母或数字）</span>
        <input autoComplete="username" value={form.username} onChange={set('username')} required aria-label="新用户名" />
      </label>
      <label className="field">
        <span>密码（至少 10 位）</span>
        <input
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          required
          minLength={10}
          aria-label="新密码"
        />
      </label>
      <ErrorNote error={signUp.error instanceof SignInError ? signUp.error.message : plainProblem(signUp.error)} />
      <button className="btn green" type="submit" disabled={signUp.isPending}>
        注册并登录
      </button>
      <button className="btn secondary" type="button" onClick={onCancel} style={{ marginTop: '.5rem' }}>
        已有账号，去登录
      </button>
    </form>
  );
}
