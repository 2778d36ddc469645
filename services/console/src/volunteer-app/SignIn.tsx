import { FormEvent, useState } from 'react';
import { session } from '../auth/session';
import { ErrorNote, Page } from '../mobile/ui';
import { SignUp } from './SignUp';

export function SignIn() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(session.endedBecause);
  const [busy, setBusy] = useState(false);
  const [signingUp, setSigningUp] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await session.signIn(username, password);
    } catch (err) {
      setError(err instanceof Error ? err.message : '登录失败');
    } finally {
      setBusy(false);
    }
  };
  if (signingUp) {
    return (
      <Page title="帮帮团 · 志愿者">
        <SignUp onCancel={() => setSigningUp(false)} />
      </Page>
    );
  }
  return (
    <Page title="帮帮团 · 志愿者">
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>用户名</span>
          <input autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required aria-label="用户名" />
        </label>
        <label className="field">
          <span>密码</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            aria-label="密码"
          />
        </label>
        <ErrorNote error={error} />
        <button className="btn green" type="submit" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
      <button className="btn secondary" type="button" onClick={() => setSigningUp(true)} style={{ marginTop: '1rem' }}>
        还没有账号？注册志愿者
      </button>
    </Page>
  );
}
