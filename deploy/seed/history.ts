import { HouseholdPlan } from './district-data';
import { Credentials, GatewayClient, sleep } from './gateway-client';
import { Random } from './random';
import { CATEGORY_MIX, Category, DESCRIPTIONS, ratingAnswer } from './residents';

/**
 * The demo district's past, as its previous hotline system would hand it over when the district
 * moves onto Bangbang: completed home-service requests with the times they were received,
 * accepted, signed off and rated. The request service imports them (`POST /history-imports`) and
 * publishes each as a fact at its own times, so the figures of past months come from the same
 * event flow as today's. Nobody is texted, dispatched or paid points for them.
 */
export const HISTORY_SOURCE = 'nanchang-old-hotline';

export interface PastProvider {
  id: string;
  kind: 'merchant' | 'social_org' | 'volunteer';
  categories: ReadonlySet<string>;
  /** Org paths it served: a community, a street, the district. */
  coverage: readonly string[];
}

export interface PastRequest {
  externalRef: string;
  phone: string;
  categoryCode: string;
  description: string;
  receivedAt: string;
  acceptedAt: string;
  providerId: string;
  providerKind: PastProvider['kind'];
  signedOffAt: string;
  solved: boolean;
  rating?: { team: string; provider: string; solved: boolean; tags: string[]; ratedAt: string };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;
/** The longest story below (a late acceptance, a late sign-off, a slow rating) ends within this. */
const LONGEST_STORY = 12 * DAY;

/** China midnight of the first day of the month `months - 1` months before `now`'s. */
export function historyStart(now: Date, months: number): Date {
  const china = new Date(now.getTime() + CHINA);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - (months - 1), 1) - CHINA);
}

/** China-time months (`YYYY-MM`) from `from` to `to`, both included. */
export function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  const at = new Date(from.getTime() + CHINA);
  const end = new Date(to.getTime() + CHINA).toISOString().slice(0, 7);
  for (let d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1)); ; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const month = d.toISOString().slice(0, 7);
    out.push(month);
    if (month >= end) return out;
  }
}

/**
 * `count` past requests received between the start of the month `months - 1` months ago and 12
 * days ago, so every story is over before now. The same seed and count give the same records
 * (and the same `externalRef`s), so importing them again adds nothing.
 */
export function pastRequests(options: {
  count: number;
  months: number;
  now: Date;
  seed: number;
  households: HouseholdPlan[];
  providers: PastProvider[];
}): PastRequest[] {
  const rnd = new Random(options.seed ^ 0x5f3759df);
  const until = options.now.getTime() - LONGEST_STORY;
  // Early in a one-month history there are no days old enough: the stories start before it.
  const from = Math.min(historyStart(options.now, options.months).getTime(), until - DAY);
  const homeMix = Object.fromEntries(Object.entries(CATEGORY_MIX).filter(([c]) => c !== 'policy-consultation')) as Record<Category, number>;
  const providers = [...options.providers].sort((a, b) => a.id.localeCompare(b.id));
  const out: PastRequest[] = [];
  for (let i = 0; out.length < options.count && i < options.count * 20; i++) {
    const household = rnd.pick(options.households);
    const category = rnd.weighted(homeMix);
    const able = providers.filter(
      (p) => p.categories.has(category) && p.coverage.some((path) => household.community.path.startsWith(path)),
    );
    if (able.length === 0) continue;
    const provider = rnd.pick(able);
    // Calls come in the daytime, China time.
    const midnight = from + Math.floor(rnd.next() * ((until - from) / DAY)) * DAY;
    const received = midnight + (8 + rnd.next() * 12) * HOUR;
    const accepted = received + (rnd.chance(0.05) ? 25 * HOUR + rnd.next() * 5 * HOUR : 5 * MINUTE + rnd.next() * 85 * MINUTE);
    const signedOff = accepted + (rnd.chance(0.05) ? 8 * DAY + rnd.next() * 2 * DAY : HOUR + rnd.next() * 40 * HOUR);
    const solved = rnd.chance(0.95);
    const rated = rnd.chance(0.85) ? signedOff + 30 * MINUTE + rnd.next() * 2 * DAY : undefined;
    const { team, provider: aboutProvider, solved: ratedSolved, tags } = ratingAnswer(rnd);
    out.push({
      externalRef: `sim-${options.seed}-${out.length}`,
      phone: household.residents[0].phones[0],
      categoryCode: category,
      description: rnd.pick(DESCRIPTIONS[category]),
      receivedAt: new Date(received).toISOString(),
      acceptedAt: new Date(accepted).toISOString(),
      providerId: provider.id,
      providerKind: provider.kind,
      signedOffAt: new Date(signedOff).toISOString(),
      solved,
      ...(rated !== undefined && {
        rating: { team, provider: aboutProvider, solved: ratedSolved, tags, ratedAt: new Date(rated).toISOString() },
      }),
    });
  }
  return out;
}

export interface HistoryOptions {
  /** Past requests to import. */
  count: number;
  /** Months they spread over, this one included. */
  months: number;
  seed: number;
  households: HouseholdPlan[];
  providers: PastProvider[];
}

/**
 * Imports the past requests a hundred a call as the district admin, then waits until the rating
 * service has counted every newly imported one (each was accepted, so each is due a response in
 * some month of the history).
 */
export async function importHistory(
  api: GatewayClient,
  admin: Credentials,
  options: HistoryOptions,
): Promise<{ imported: number; alreadyImported: number }> {
  const now = new Date();
  const records = pastRequests({ ...options, now });
  const months = monthsBetween(historyStart(now, options.months), now);
  const before = await decidedResponses(api, admin, months);
  let imported = 0;
  let alreadyImported = 0;
  for (let i = 0; i < records.length; i += 100) {
    const r = await api.expect('POST', '/api/request/history-imports', admin, {
      body: { source: HISTORY_SOURCE, records: records.slice(i, i + 100) },
    });
    imported += r.imported;
    alreadyImported += r.alreadyImported;
  }
  const deadline = Date.now() + 300_000;
  while ((await decidedResponses(api, admin, months)) < before + imported) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the rating service to count the imported history');
    await sleep(1_000);
  }
  return { imported, alreadyImported };
}

/** Jobs due a response in these months, district-wide, by the rating service's figures. */
async function decidedResponses(api: GatewayClient, admin: Credentials, months: string[]): Promise<number> {
  let n = 0;
  for (const month of months) {
    const rows = (await api.expect('GET', `/api/rating/figures?level=district&month=${month}`, admin)) as Array<{
      counts: { responseDue: number };
    }>;
    n += rows.reduce((s, r) => s + r.counts.responseDue, 0);
  }
  return n;
}
