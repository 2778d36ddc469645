import { Link, useSearchParams } from 'react-router';
import { ErrorNote, Loading, Page, Stars } from '../mobile/ui';
import { type Listing, type Scorecard, type Team, starsOf } from './providers';
import { useCategories, useCommunities, useRankedProviders } from './public-api';
import { TAG_LABELS, yuan } from './words';

function TopTags({ tags }: { tags: { tag: string; count: number }[] }) {
  if (tags.length === 0) return null;
  return (
    <div style={{ marginTop: '.3rem' }}>
      {tags.slice(0, 3).map((t) => (
        <span className="tag ok" key={t.tag}>
          {TAG_LABELS[t.tag] ?? t.tag} {t.count}
        </span>
      ))}
    </div>
  );
}

function UnitCard({ unit, scorecard, category }: { unit: Listing; scorecard: Scorecard | undefined; category: string }) {
  const prices = unit.offerings.filter((o) => !category || o.categoryCode === category);
  const lowest = prices.length ? Math.min(...prices.map((o) => o.priceMinFen)) : undefined;
  const highest = prices.length ? Math.max(...prices.map((o) => o.priceMaxFen)) : undefined;
  return (
    <div className="card" data-testid="provider">
      <h3>{unit.displayName}</h3>
      <div>
        {scorecard ? (
          <Stars score={starsOf(scorecard.bayesianScore)} count={scorecard.ratingsCount} />
        ) : (
          <span className="muted">还没有居民评价</span>
        )}
      </div>
      {scorecard && <TopTags tags={scorecard.topTags} />}
      <div>
        价格：{lowest !== undefined && highest !== undefined ? `${yuan(lowest)}–${yuan(highest)} 元` : '电话询价'}
        {' · '}
        {unit.takesFreeJobs ? <strong>接免费服务</strong> : <span className="muted">不接免费服务</span>}
      </div>
      <div className="btn-row">
        <Link className="btn" to={`/book?provider=${unit.id}${category ? `&category=${category}` : ''}`}>
          选这家预约
        </Link>
      </div>
    </div>
  );
}

/**
 * A volunteer team: scored by its members' ratings. Residents book the service, not the team:
 * dispatch offers the job to the volunteers who serve it.
 */
function TeamCard({ team, category }: { team: Team; category: string }) {
  const { scorecard } = team;
  return (
    <div className="card" data-testid="provider">
      <h3>
        {team.name} <span className="tag">志愿服务队</span>
      </h3>
      <div>
        {scorecard.ratingsCount > 0 ? (
          <Stars score={starsOf(scorecard.bayesianScore)} count={scorecard.ratingsCount} />
        ) : (
          <span className="muted">还没有居民评价</span>
        )}
      </div>
      <TopTags tags={scorecard.topTags} />
      <div className="muted">{team.members} 名志愿者</div>
      <div>
        价格：不收费{' · '}
        {team.takesFreeJobs ? <strong>接免费服务</strong> : <span className="muted">不接免费服务</span>}
      </div>
      <div className="btn-row">
        <Link className="btn" to={`/book${category ? `?category=${category}` : ''}`}>
          预约志愿服务
        </Link>
      </div>
    </div>
  );
}

export function ProvidersPage() {
  const [params, setParams] = useSearchParams();
  const community = params.get('community') ?? '';
  const category = params.get('category') ?? '';
  const categories = useCategories();
  const communities = useCommunities();
  const { ranked, error } = useRankedProviders(community, category);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Page title="选服务方" back="/">
      <p className="muted">加盟单位和志愿服务队按居民评价排序：评价的人越多、越满意，排得越前。</p>
      <label className="field">
        <span>您住在哪个社区</span>
        <select value={community} onChange={(e) => set('community', e.target.value)} aria-label="社区">
          <option value="">全部社区</option>
          {communities.data?.map((c) => (
            <option key={c.code} value={c.orgPath}>
              {c.streetName} {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>要办什么事</span>
        <select value={category} onChange={(e) => set('category', e.target.value)} aria-label="服务项目">
          <option value="">全部服务</option>
          {categories.data
            ?.filter((c) => c.kind !== 'consultation')
            .map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
        </select>
      </label>
      <ErrorNote error={error && '没有加载出来，请稍后再试。'} />
      {!ranked && !error && <Loading what="服务方" />}
      {ranked?.length === 0 && <p className="notice">这里暂时没有服务方，请拨打热线，我们帮您安排。</p>}
      {ranked?.map((r) =>
        r.kind === 'unit' ? (
          <UnitCard key={r.unit.id} unit={r.unit} scorecard={r.scorecard} category={category} />
        ) : (
          <TeamCard key={r.team.id} team={r.team} category={category} />
        ),
      )}
    </Page>
  );
}
