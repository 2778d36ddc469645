import { Link } from 'react-router';
import { Loading, Page } from '../mobile/ui';
import { priceRange } from './providers';
import { useCategories, useUnits } from './public-api';
import { FREE_FOR, HOTLINE, PLAIN_CATEGORY, yuan } from './words';

export function HomePage() {
  const categories = useCategories();
  const units = useUnits();
  return (
    <Page title="帮帮团 · 居民服务">
      <a className="hotline" href={`tel:${HOTLINE.replace(/-/g, '')}`} data-testid="hotline">
        有事请打热线（点一下就拨）
        <span className="number">{HOTLINE}</span>
        说清住址和遇到的问题就行
      </a>
      <div className="btn-row">
        <Link className="btn" to="/book">
          在线预约
        </Link>
        <Link className="btn secondary" to="/providers">
          谁做得好
        </Link>
      </div>

      <h2>哪些人免费</h2>
      <div className="card">
        <p style={{ margin: 0 }}>
          以下家庭经社区登记后，上门服务<strong>免费</strong>：
        </p>
        <ul style={{ margin: '.3rem 0' }}>
          {FREE_FOR.map((who) => (
            <li key={who}>{who}</li>
          ))}
        </ul>
        <p className="muted" style={{ margin: 0 }}>
          其他居民是<strong>低价服务</strong>，只收材料和上门的成本价，价钱见下面各项。想申请免费，请找社区居委会。
        </p>
      </div>

      <h2>我们能帮您做什么</h2>
      {!categories.data && <Loading what="服务项目" />}
      {categories.data?.map((c) => {
        const range = units.data && priceRange(units.data, c.code);
        return (
          <div className="card" key={c.code} data-testid="category">
            <div className="row">
              <h3>{c.name}</h3>
              {c.kind === 'consultation' ? (
                <span className="tag ok">电话解答 免费</span>
              ) : (
                units.isSuccess && <span className="tag">{range ? `${yuan(range.min)}–${yuan(range.max)} 元` : '暂无报价'}</span>
              )}
            </div>
            <div className="muted">{PLAIN_CATEGORY[c.code] ?? c.name}</div>
            {c.kind !== 'consultation' && (
              <div className="btn-row">
                <Link className="btn secondary" to={`/providers?category=${c.code}`}>
                  选服务方
                </Link>
                <Link className="btn" to={`/book?category=${c.code}`}>
                  预约
                </Link>
              </div>
            )}
          </div>
        );
      })}
    </Page>
  );
}
