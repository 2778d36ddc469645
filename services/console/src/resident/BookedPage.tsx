import { Link, useParams } from 'react-router';
import { Page } from '../mobile/ui';
import { HOTLINE } from './words';

export function BookedPage() {
  const { number } = useParams();
  return (
    <Page title="预约成功">
      <div className="card" style={{ textAlign: 'center' }}>
        <p style={{ margin: 0 }}>您的预约已经收到，单号是</p>
        <p className="big" data-testid="request-number">
          {number}
        </p>
        <p style={{ margin: 0 }}>我们正在为您安排师傅，接单后会有人打电话联系您。</p>
      </div>
      <p className="notice">查看办理进度的链接已用短信发到您的手机，点开就能看，不用登录。</p>
      <p className="muted">
        有急事请打热线 <a href={`tel:${HOTLINE.replace(/-/g, '')}`}>{HOTLINE}</a>，报上单号即可。
      </p>
      <Link className="btn secondary" to="/">
        回到首页
      </Link>
    </Page>
  );
}
