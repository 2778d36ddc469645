import { EventContract, TOPICS } from '@bangbang/contracts';
import { startTestApp, TestIssuer, TestPrincipal, TestWorld, TopicWatch, WorldHarness } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
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

export const volunteer = (id: string, orgPath = JINCHENG): TestPrincipal => ({
  id,
  kind: 'volunteer',
  role: 'volunteer',
  org: orgPath.split('/').at(-2)!,
  orgPath,
});

export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One test file's volunteer service: its own database and topic prefix, a token issuer, a stand-in producer. */
export class VolunteerHarness extends WorldHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    world: TestWorld,
    readonly env: NodeJS.ProcessEnv,
  ) {
    super(world);
  }

  static async start(extraEnv: NodeJS.ProcessEnv = {}, prefix?: string, issuer?: TestIssuer): Promise<VolunteerHarness> {
    const world = await TestWorld.start({ prefix, issuer });
    const env = world.env({ VOLUNTEER_REFRESH_SCAN_MS: '100', ...extraEnv });
    return new VolunteerHarness(await startTestApp(volunteerService, env), world, env);
  }

  private watch?: TopicWatch;

  /** Every event the service published, in arrival order, from a probe reading its topic from the start. */
  get published(): Array<{ type: string; key: string; data: Record<string, unknown> }> {
    return this.watch?.messages ?? [];
  }

  async watchPublished(): Promise<void> {
    this.watch = await TopicWatch.start(`${this.prefix}${TOPICS.volunteer}`);
  }

  publishedOf<T = Record<string, unknown>>(type: string, key: string): T[] {
    return this.published.filter((e) => e.type === type && e.key === key).map((e) => e.data as T);
  }

  /** A shared issuer (one passed to `start`) is left open for its owner. */
  async stop(): Promise<void> {
    await this.watch?.stop();
    await this.app.close();
    await this.world.stop();
  }

  as(p: TestPrincipal, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) {
    return this.world.inject(this.app, p, method, url, payload, headers);
  }

  /** Produces another service's event straight to Kafka, as its relay would; returns the event ids. */
  async produce<T extends object>(contract: EventContract<T>, items: Array<{ subject: string; data: T; id?: string }>): Promise<string[]> {
    return (await this.world.producer.produce(contract, items)).map((e) => e.id);
  }

  /** Applies, trains fully and approves a volunteer through the API; returns the volunteer principal. */
  async approvedVolunteer(
    id: string,
    opts: { orgPath?: string; name?: string; specialties?: object[]; always?: boolean } = {},
  ): Promise<TestPrincipal> {
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
