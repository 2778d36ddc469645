import { Badge, Button, Layout, Menu, Space, Typography } from 'antd';
import { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { session, SignedIn } from '../auth/session';
import { useLiveStatus } from '../live/live-updates';
import { ROLE_LABELS } from '../shared/labels';
import { navFor } from './nav';

const LIVE = {
  connecting: { status: 'processing', text: '实时连接中' },
  live: { status: 'success', text: '实时更新' },
  reconnecting: { status: 'warning', text: '重新连接中' },
} as const;

export function Shell({ user, children }: { user: SignedIn; children: ReactNode }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const status = useLiveStatus();
  const live = status === 'off' ? undefined : LIVE[status];
  const entries = navFor(user.role);
  const selected = entries.find((e) => pathname.startsWith(e.path))?.path ?? (pathname.startsWith('/requests') ? '/board' : '');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          帮帮团热线
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          items={entries.map((e) => ({ key: e.path, label: e.label }))}
          onClick={({ key }) => navigate(key)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space size="middle">
          {live && (
            <Badge
              status={live.status}
              text={
                <span style={{ color: '#fff' }} data-testid="live-status">
                  {live.text}
                </span>
              }
            />
          )}
          <Typography.Text style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            {user.name}（{ROLE_LABELS[user.role] ?? user.role}）
          </Typography.Text>
          <Button size="small" onClick={() => void session.signOut()}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
    </Layout>
  );
}
