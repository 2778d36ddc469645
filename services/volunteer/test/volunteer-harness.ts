import { createEvent, EventContract, toKafkaRecord, TOPICS } from '@bangbang/contracts';
import { createTestDatabase, serviceEnv, startTestApp, TestDatabase, TestIssuer, TestPrincipal, testKafka, uniqueId } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Consumer, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { volunteerService } from '../src/volunteer.service-definition';

export const JINCHENG = '/nanchang/jinxing/jincheng/';
export const HUAIGU = '/nanchang/jinxing/huaigu/';
export const QINGYUN = '/nanchang/yangming/qingyun/';

export const admin = (orgPath = JINCHENG, role = 'community_admin', id = `admin-${orgPath.split('/').at(-2)}`): TestPrincipal => ({
  id,
  kind: 'staff',
  role,
  org: orgPath.split('/').at(-2)!,
  orgPath,
});

export const volunteer = (id: string, orgPath = JINCHENG): TestPrincipal => ({ id, kind: 'volunteer', role: 'volunteer', org: orgPath.split('/').at(-2)!, orgPath });

export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One test file's volunteer service: its own database and topic prefix, a token issuer, a stand-in producer. */
export class VolunteerHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly db: TestDatabase,
    readonly issuer: TestIssuer,
    readonly prefix: string,
    readonly pg: Client,
    private readonly producer: Producer,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(extraEnv: NodeJS.ProcessEnv = {}, prefix = `${uniqueId('t')}.`, issuer?: TestIssuer): Promise<VolunteerHarness> {
    const [db, iss] = await Promise.all([createTestDatabase(), issuer ?? TestIssuer.start()]);
    const env = serviceEnv(db, prefix, { ...iss.env(), VOLUNTEER_REFRESH_SCAN_MS: '100', ...extraEnv });
    const app = await startTestApp(volunteerService, env);
    const producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    return new VolunteerHarness(app, db, iss, prefix, pg, producer, env);
  }

  /** Every event the service published, in arrival order, from a probe reading its topic from the start. */
  readonly published: Array<{ type: string; key: string; data: Record<string, unknown> }> = [];
  private probe?: Consumer;

  async watchPublished(): Promise<void> {
    this.probe = testKafka().consumer({ groupId: `probe-${randomUUID()}` });
    await this.probe.connect();
    await this.probe.subscribe({ topic: `${this.prefix}${TOPICS.volunteer}`, fromBeginning: true });
    await this.probe.run({
      eachMessage: async ({ message }) => {
        this.published.push({ type: message.headers!.ce_type!.toString(), key: message.key!.toString(), data: JSON.parse(message.value!.toString()) });
      },
    });
  }

  publishedOf<T = Record<string, unknown>>(type: string, key: string): T[] {
    return this.published.filter((e) => e.type === type && e.key === key).map((e) => e.data as T);
  }

  async stop(closeIssuer = true): Promise<void> {
    await this.probe?.disconnect();
    await this.app.close();
    await this.producer.disconnect();
    await this.pg.end();
    if (closeIssuer) await this.issuer.close();
    await this.db.drop();
  }

  async as(p: TestPrincipal, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) {
    return this.app.inject({ method, url, headers: { ...(await this.issuer.bearer(p)), ...headers }, ...(payload ? { payload } : {}) });
  }

  /** Produces another service's event straight to Kafka, as its relay would; returns the event ids. */
  async produce<T extends object>(contract: EventContract<T>, items: Array<{ subject: string; data: T; id?: string }>): Promise<string[]> {
    const events = items.map(({ subject, data, id }) => createEvent(contract.source, { type: contract.type, subject, data, id }));
    await this.producer.send({ topic: `${this.prefix}${contract.topic}`, acks: -1, messages: events.map(toKafkaRecord) });
    return events.map((e) => e.id);
  }

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pg.query(sql, params)).rows as T[];
  }

  /** Applies, trains fully and approves a volunteer through the API; returns the volunteer principal. */
  async approvedVolunteer(id: string, opts: { orgPath?: string; name?: string; specialties?: object[]; always?: boolean } = {}): Promise<TestPrincipal> {
    const orgPath = opts.orgPath ?? JINCHENG;
    const v = volunteer(id, orgPath);
    const applied = await this.as(v, 'POST', '/applications', {
      displayName: opts.name ?? `Volunteer ${id}`,
      homeCommunityPath: orgPath,
      specialties: opts.specialties ?? [],
      availability: { always: opts.always ?? true, windows: [] },
      maxConcurrentJobs: 2,
    });
    if (applied.statusCode !== 201) throw new Error(`apply ${id}: ${applied.statusCode} ${applied.body}`);
    const a = admin(orgPath);
    for (const module of ['ethos', 'procedure', 'skills', 'safety']) {
      const t = await this.as(a, 'POST', `/volunteers/${id}/training`, { module, completedOn: new Date().toISOString().slice(0, 10) });
      if (t.statusCode !== 200) throw new Error(`train ${id}: ${t.statusCode} ${t.body}`);
    }
    const approved = await this.as(a, 'POST', `/volunteers/${id}/approve`, {});
    if (approved.statusCode !== 200) throw new Error(`approve ${id}: ${approved.statusCode} ${approved.body}`);
    return v;
  }
}
