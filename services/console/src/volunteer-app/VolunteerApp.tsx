import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BrowserRouter, NavLink, Navigate, Route, Routes } from 'react-router';
import { session, SignedIn } from '../auth/session';
import { useRestore, useSignedIn } from '../auth/use-session';
import { Page } from '../mobile/ui';
import { ActivitiesPage } from './ActivitiesPage';
import { useLiveOffers } from './live-offers';
import { MePage } from './MePage';
import { OffersPage } from './OffersPage';
import { PointsPage } from './PointsPage';
import { SignIn } from './SignIn';

const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true, staleTime: 10_000 } } });

function Signed({ user }: { user: SignedIn }) {
  const live = useLiveOffers();
  return (
    <Page title="帮帮团 · 志愿者">
      <nav className="tabs">
        <NavLink to="/" end>
          接单
        </NavLink>
        <NavLink to="/activities">活动</NavLink>
        <NavLink to="/points">积分</NavLink>
        <NavLink to="/me">我的</NavLink>
      </nav>
      <Routes>
        <Route path="/" element={<OffersPage live={live} />} />
        <Route path="/activities" element={<ActivitiesPage />} />
        <Route path="/points" element={<PointsPage user={user} />} />
        <Route path="/me" element={<MePage user={user} />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Page>
  );
}

function Routed() {
  const user = useSignedIn();
  const restore = useRestore();
  useEffect(() => {
    if (!user) queries.clear();
  }, [user]);
  if (restore === 'restoring') return <p className="page muted">正在恢复登录…</p>;
  if (restore === 'reconnecting') {
    return (
      <Page title="帮帮团 · 志愿者">
        <p className="notice">
          网络连接中断，正在重新连接…
          <br />
          登录状态已保留，连接恢复后自动回到接单页。
        </p>
        <button className="btn secondary" onClick={() => void session.signOut()}>
          改用账号密码登录
        </button>
      </Page>
    );
  }
  if (!user) return <SignIn />;
  if (user.role !== 'volunteer') {
    return (
      <Page title="帮帮团 · 志愿者">
        <p className="notice">这里是志愿者用的，工作人员请到工作台登录。</p>
        <button className="btn secondary" onClick={() => void session.signOut()}>
          退出登录
        </button>
      </Page>
    );
  }
  return <Signed user={user} />;
}

/** The volunteers' app at /v/: offers live, the job, points and rewards, on a phone. */
export function VolunteerApp() {
  return (
    <QueryClientProvider client={queries}>
      <BrowserRouter basename="/v">
        <Routed />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
