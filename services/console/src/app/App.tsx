import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuditPage } from '../audit/AuditPage';
import { LoginPage } from '../auth/LoginPage';
import { Reconnecting } from '../auth/Reconnecting';
import { useRestore, useSignedIn } from '../auth/use-session';
import { BoardPage } from '../board/BoardPage';
import { FiguresPage } from '../figures/FiguresPage';
import { OrganisationPage } from '../organisation/OrganisationPage';
import { TelephonyPage } from '../telephony/TelephonyPage';
import { PointsPage } from '../points/PointsPage';
import { UnitPage } from '../units/UnitPage';
import { UnitsPage } from '../units/UnitsPage';
import { FollowUpsPage } from '../follow-ups/FollowUpsPage';
import { LiveUpdates } from '../live/live-updates';
import { RequestPage } from '../requests/RequestPage';
import { VolunteerPage } from '../volunteers/VolunteerPage';
import { VolunteersPage } from '../volunteers/VolunteersPage';
import { CallProvider } from '../workspace/call-draft';
import { WorkspacePage } from '../workspace/WorkspacePage';
import { homeFor, navFor } from './nav';
import { Shell } from './Shell';

const queries = new QueryClient({
  defaultOptions: { queries: { retry: (count, err) => count < 2 && !('status' in err), refetchOnWindowFocus: false, staleTime: 30_000 } },
});

function Routed() {
  const user = useSignedIn();
  const restore = useRestore();

  useEffect(() => {
    if (!user) queries.clear();
  }, [user]);

  if (restore === 'restoring') return <Spin fullscreen tip="正在恢复登录…" />;
  if (restore === 'reconnecting') return <Reconnecting />;
  if (!user) return <LoginPage />;
  const allowed = new Set(navFor(user.role).map((e) => e.path));
  return (
    <LiveUpdates key={user.id} enabled={allowed.has('/board')}>
      <CallProvider>
        <Shell user={user}>
          <Routes>
            <Route path="/" element={<Navigate to={homeFor(user.role)} replace />} />
            {allowed.has('/workspace') && <Route path="/workspace" element={<WorkspacePage />} />}
            {allowed.has('/board') && <Route path="/board" element={<BoardPage />} />}
            {allowed.has('/board') && <Route path="/requests/:id" element={<RequestPage />} />}
            {allowed.has('/follow-ups') && <Route path="/follow-ups" element={<FollowUpsPage />} />}
            {allowed.has('/audit') && <Route path="/audit" element={<AuditPage />} />}
            {allowed.has('/figures') && <Route path="/figures" element={<FiguresPage />} />}
            {allowed.has('/units') && <Route path="/units" element={<UnitsPage />} />}
            {allowed.has('/units') && <Route path="/units/:id" element={<UnitPage />} />}
            {allowed.has('/volunteers') && <Route path="/volunteers" element={<VolunteersPage />} />}
            {allowed.has('/volunteers') && <Route path="/volunteers/:id" element={<VolunteerPage />} />}
            {allowed.has('/points') && <Route path="/points" element={<PointsPage />} />}
            {allowed.has('/organisation') && <Route path="/organisation" element={<OrganisationPage />} />}
            {allowed.has('/telephony') && <Route path="/telephony" element={<TelephonyPage />} />}
            <Route path="*" element={<Result status="404" title="页面不存在" subTitle="没有找到这个页面，或您无权查看。" />} />
          </Routes>
        </Shell>
      </CallProvider>
    </LiveUpdates>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <BrowserRouter>
            <Routed />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
