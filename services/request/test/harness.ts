import { EventContract, OrgUnitV1, UnitCreated } from '@bangbang/contracts';
import { startTestApp, TestPrincipal, TestWorld, TopicWatch, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { requestService } from '../src/request.service-definition';

/** Two streets of the demo district, two communities in the first, one in the second. */
export const UNITS: OrgUnitV1[] = [
  { code: 'nanchang', level: 'district', parentCode: null, path: '/nanchang/', nameZh: '南长区', namePinyin: 'Nanchang', status: 'active' },
  {
    code: 'jinxing',
    level: 'street',
    parentCode: 'nanchang',
    path: '/nanchang/jinxing/',
    nameZh: '金星街道',
    namePinyin: 'Jinxing',
    status: 'active',
  },
  {
    code: 'jincheng',
    level: 'community',
    parentCode: 'jinxing',
    path: '/nanchang/jinxing/jincheng/',
    nameZh: '金城社区',
    namePinyin: 'Jincheng',
    status: 'active',
  },
  {
    code: 'huaigu',
    level: 'community',
    parentCode: 'jinxing',
    path: '/nanchang/jinxing/huaigu/',
    nameZh: '槐古社区',
    namePinyin: 'Huaigu',
    status: 'active',
  },
  {
    code: 'yangming',
    level: 'street',
    parentCode: 'nanchang',
    path: '/nanchang/yangming/',
    nameZh: '扬名街道',
    namePinyin: 'Yangming',
    status: 'active',
  },
  {
    code: 'yinxiu',
    level: 'community',
    parentCode: 'yangming',
    path: '/nanchang/yangming/yinxiu/',
    nameZh: '隐秀社区',
    namePinyin: 'Yinxiu',
    status: 'active',
  },
];

export const PEOPLE = {
  agent: { id: 'agent-1', kind: 'staff', role: 'agent', org: 'nanchang', orgPath: '/nanchang/' },
  districtAdmin: { id: 'district-admin', kind: 'staff', role: 'district_admin', org: 'nanchang', orgPath: '/nanchang/' },
  jinchengAdmin: { id: 'jincheng-admin', kind: 'staff', role: 'community_admin', org: 'jincheng', orgPath: '/nanchang/jinxing/jincheng/' },
  huaiguAdmin: { id: 'huaigu-admin', kind: 'staff', role: 'community_admin', org: 'huaigu', orgPath: '/nanchang/jinxing/huaigu/' },
  yangmingAgent: { id: 'agent-2', kind: 'staff', role: 'agent', org: 'yangming', orgPath: '/nanchang/yangming/' },
  auditor: { id: 'auditor-1', kind: 'staff', role: 'auditor', org: 'nanchang', orgPath: '/nanchang/' },
  plumber: { id: 'm-0042', kind: 'merchant', role: 'merchant', org: 'jinxing', orgPath: '/nanchang/jinxing/' },
  otherPlumber: { id: 'm-0099', kind: 'merchant', role: 'merchant', org: 'jinxing', orgPath: '/nanchang/jinxing/' },
} satisfies Record<string, TestPrincipal>;

export type Person = keyof typeof PEOPLE;

export interface RequestHarness {
  app: NestFastifyApplication;
  ds: DataSource;
  prefix: string;
  /** Points another service under test at the same token issuer. */
  issuerEnv: NodeJS.ProcessEnv;
  as(person: Person): Promise<{ authorization: string }>;
  call(
    person: Person,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    headers?: Record<string, string>,
  ): Promise<{ statusCode: number; json: () => any; headers: Record<string, unknown> }>;
  produce<T extends object>(contract: EventContract<T>, subject: string, data: T, id?: string): Promise<string>;
  /** The first `count` events of this type on its topic (other types on the topic are skipped). */
  events<T>(
    contract: EventContract<T & object>,
    count: number,
    where?: (data: T, key: string | null) => boolean,
  ): Promise<Array<{ key: string | null; data: T; headers: Record<string, string> }>>;
  count(table: string): Promise<number>;
  household(community: string, phones: string[], opts?: { address?: string; name?: string; lat?: number; lng?: number }): Promise<any>;
  stop(): Promise<void>;
}

/** The request service in this process, on its own database and topics, with its org tree loaded from directory events. */
export async function startRequestService(extraEnv: NodeJS.ProcessEnv = {}): Promise<RequestHarness> {
  const world = await TestWorld.start();
  const { prefix, issuer } = world;
  const app = await startTestApp(requestService, world.env({ NOTIFY_POLL_MS: '50', ...extraEnv }));
  const ds = app.get(DataSource);

  const h: RequestHarness = {
    app,
    ds,
    prefix,
    issuerEnv: issuer.env(),
    as: (person) => issuer.bearer(PEOPLE[person]),
    async call(person, method, url, payload, headers = {}) {
      const res = await app.inject({
        method,
        url,
        payload: payload as Record<string, unknown>,
        headers: { ...(await h.as(person)), ...headers },
      });
      return { statusCode: res.statusCode, json: () => res.json(), headers: res.headers };
    },
    async produce(contract, subject, data, id) {
      const [event] = await world.producer.produce(contract, [{ subject, data, id }]);
      return event.id;
    },
    async events(contract, count, where = () => true) {
      const watch = await TopicWatch.start(`${prefix}${contract.topic}`);
      try {
        const mine = () => watch.messages.filter((m) => m.type === contract.type && where(m.data as any, m.key || null));
        const got = await waitFor(async () => mine().length >= count && mine().slice(0, count), {
          what: `${count} ${contract.type} events`,
        });
        return got.map((m) => ({ key: m.key || null, data: m.data as any, headers: m.headers }));
      } finally {
        await watch.stop();
      }
    },
    async count(table) {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${table}`);
      return n;
    },
    async household(community, phones, opts = {}) {
      const res = await h.call('agent', 'POST', '/households', {
        communityCode: community,
        address: opts.address ?? `无锡市梁溪区金星街道${UNITS.find((u) => u.code === community)!.nameZh}12栋3单元502室`,
        ...(opts.lat !== undefined && { lat: opts.lat, lng: opts.lng }),
        residents: [{ name: opts.name ?? '王阿姨', phones, tags: ['elderly_living_alone'] }],
      });
      if (res.statusCode !== 201) throw new Error(`household not created: ${res.statusCode} ${JSON.stringify(res.json())}`);
      return res.json();
    },
    async stop() {
      await app.close();
      await world.stop();
    },
  };

  for (const unit of UNITS) await h.produce(UnitCreated, unit.code, unit);
  await waitFor(async () => (await h.count('org_unit')) === UNITS.length, { what: 'the org tree from directory events' });
  return h;
}
