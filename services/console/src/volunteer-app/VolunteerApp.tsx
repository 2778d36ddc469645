import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { BrowserRouter, NavLink, Navigate, Route, Routes } from 'react-router';
import { session, SignedIn } from '../auth/session';
import { useSignedIn } from '../auth/use-session';
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
  const [restoring, setRestoring] = useState(!user && session.canRestore);
  useEffect(() => {
    if (restoring) void session.refresh().finally(() => setRestoring(false));
  }, [restoring]);
  useEffect(() => {
    if (!user) queries.clear();
  }, [user]);
  if (restoring) return <p className="page muted">正在恢复登录…</p>;
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
