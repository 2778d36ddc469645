import { Link } from 'react-router';
import { Page } from '../mobile/ui';

export function ThanksPage() {
  return (
    <Page title="谢谢您">
      <div className="card" style={{ textAlign: 'center' }}>
        <p className="big">感谢您的评价！</p>
        <p>您的意见会帮助其他居民选到好的服务方，也会帮助我们改进。</p>
        <p className="muted">如果问题没有解决，我们的工作人员会打电话回访您。</p>
      </div>
      <Link className="btn secondary" to="/">
        回到首页
      </Link>
    </Page>
  );
}
