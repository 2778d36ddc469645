import {
  CloudEvent,
  EventContract,
  MerchantProviderProfile,
  OrgUnitV1,
  ProviderProfileV1,
  RequestCreatedV2,
  RequestCreatedV2Event,
  UnitCreated,
  UnitRenamed,
  UnitRetired,
  VolunteerProviderProfile,
} from '@bangbang/contracts';
import { controllersOf, type ServiceDefinition } from '@bangbang/platform';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupLag } from './kafka-probe';
import { TestProducer } from './test-world';
import { waitFor } from './wait-for';

const EXAMPLES_DIR = join(__dirname, '../../contracts/examples');

/**
 * The committed example of an event type (`libs/contracts/examples/<type>.json`), parsed afresh.
 * `ids` swaps whole string values of the story for the ones the service under test made itself
 * (the request id its intake chose, the id it gave a unit); every other byte is the example's.
 */
export function contractExample<T extends object>(contract: EventContract<T>, ids: Record<string, string> = {}): CloudEvent<T> {
  let text = readFileSync(join(EXAMPLES_DIR, `${contract.type}.json`), 'utf8');
  for (const [from, to] of Object.entries(ids)) text = text.split(JSON.stringify(from)).join(JSON.stringify(to));
  return JSON.parse(text) as CloudEvent<T>;
}

/** The ids the examples' one story is told with, read from the examples themselves. */
export const STORY = {
  get requestId(): string {
    return contractExample<RequestCreatedV2>(RequestCreatedV2Event).data.requestId;
  },
  get unitId(): string {
    return contractExample<ProviderProfileV1>(MerchantProviderProfile).data.providerId;
  },
  get volunteerId(): string {
    return contractExample<ProviderProfileV1>(VolunteerProviderProfile).data.providerId;
  },
};

/** Each event type a service's handlers consume, with the handler (`Class.method`), from its module graph. */
export function eventHandlersOf(def: ServiceDefinition): Array<{ type: string; handler: string }> {
  const found: Array<{ type: string; handler: string }> = [];
  // Only the module graph is read: development settings let it be built without real secrets.
  for (const controller of new Set(controllersOf(def.module({ BANGBANG_DEV: '1' })))) {
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const fn: unknown = (controller.prototype as Record<string, unknown>)[method];
      if (typeof fn !== 'function') continue;
      const patterns = (Reflect.getMetadata(PATTERN_METADATA, fn) as unknown[] | undefined) ?? [];
      for (const type of patterns.filter((p): p is string => typeof p === 'string'))
        found.push({ type, handler: `${controller.name}.${method}` });
    }
  }
  return found;
}

type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * Feeds a service under test the committed examples, on its topics as the producers' relays would,
 * and waits until its consumer has applied each (its inbox row committed with the effects), or read
 * past one that a handler's `when` leaves alone. An example its consumer refuses goes to the
 * dead-letter topic instead, and the wait fails.
 */
export class ExampleFeed {
  private readonly fed = new Set<string>();

  private constructor(
    private readonly prefix: string,
    private readonly query: Query,
    private readonly producer: TestProducer,
  ) {}

  /** `query` runs SQL on the service's database and returns the rows. */
  static async start(prefix: string, query: Query): Promise<ExampleFeed> {
    return new ExampleFeed(prefix, query, await TestProducer.start(prefix));
  }

  async feed<T extends object>(contract: EventContract<T>, ids: Record<string, string> = {}): Promise<CloudEvent<T>> {
    const event = await this.send(contract, ids);
    await waitFor(async () => (await this.query('SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).length > 0, {
      what: `the example of ${contract.type} applied`,
    });
    this.fed.add(contract.type);
    return event;
  }

  /** Feeds an example that the service's group passes by (`@OnEvent`'s `when`): read, with no inbox row. */
  async feedPassedBy<T extends object>(
    contract: EventContract<T>,
    group: string,
    ids: Record<string, string> = {},
  ): Promise<CloudEvent<T>> {
    const event = await this.send(contract, ids);
    await waitFor(async () => (await groupLag(`${this.prefix}${group}`, `${this.prefix}${contract.topic}`)) === 0, {
      timeoutMs: 60_000,
      what: `the example of ${contract.type} read`,
    });
    if ((await this.query('SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).length) {
      throw new Error(`the example of ${contract.type} was taken by ${group}, not passed by`);
    }
    this.fed.add(contract.type);
    return event;
  }

  private async send<T extends object>(contract: EventContract<T>, ids: Record<string, string>): Promise<CloudEvent<T>> {
    const event = contractExample(contract, ids);
    await this.producer.send(contract.topic, [event as CloudEvent]);
    return event;
  }

  /**
   * Feeds the org tree's examples (Jincheng created, renamed, retired) to a service that keeps a
   * copy of the tree, and answers its copy of the unit after each.
   */
  async orgUnitCopies(): Promise<unknown[]> {
    const copies: unknown[] = [];
    for (const contract of [UnitCreated, UnitRenamed, UnitRetired]) {
      const e = await this.feed<OrgUnitV1>(contract);
      copies.push((await this.query('SELECT name_zh, status FROM org_unit WHERE code = $1', [e.data.code]))[0]);
    }
    return copies;
  }

  /** The types the service consumes that this feed has not fed it: what its examples test still leaves out. */
  unfed(def: ServiceDefinition): string[] {
    return [...new Set(eventHandlersOf(def).map((h) => h.type))].filter((t) => !this.fed.has(t)).sort();
  }

  async stop(): Promise<void> {
    await this.producer.stop();
  }
}
