import { Button, Result, Spin } from 'antd';
import { session } from './session';

/** The kept session waiting for the network after a reload: the sign-in form would only mislead an agent mid-call. */
export function Reconnecting() {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Result
        icon={<Spin size="large" />}
        title="网络连接中断，正在重新连接…"
        subTitle="登录状态已保留，连接恢复后自动回到工作台。"
        extra={<Button onClick={() => void session.signOut()}>改用账号密码登录</Button>}
      />
    </div>
  );
}
