import { allContracts } from '@bangbang/contracts';
import { Logger } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, CatalogueEntry, PUBLISHED_FOR_INTEGRATORS, renderCatalogue, withCatalogue } from './catalogue';

const ROOT = join(__dirname, '../..');
const README = join(ROOT, 'libs/contracts/README.md');

describe('the event catalogue', () => {
  let catalogue: CatalogueEntry[];
  beforeAll(() => {
    Logger.overrideLogger(false);
    catalogue = buildCatalogue();
  });

  it('is committed as the code has it (run `npm run catalogue` after changing a handler or a contract)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(withCatalogue(readme, renderCatalogue(catalogue)));
  });

  it('lists every contract', () => {
    expect(catalogue.map((e) => e.type).sort()).toEqual(
      allContracts()
        .map((c) => c.type)
        .filter((t) => !t.startsWith('bangbang.test.'))
        .sort(),
    );
  });

  it('has a consumer for every type, or the reason it is published for integrators only', () => {
    expect(catalogue.filter((e) => e.consumers.length === 0 && !e.forIntegrators).map((e) => e.type)).toEqual([]);
  });

  it('lists no type for integrators that a handler consumes or that does not exist', () => {
    const consumedOrUnknown = Object.keys(PUBLISHED_FOR_INTEGRATORS).filter((type) => {
      const entry = catalogue.find((e) => e.type === type);
      return !entry || entry.consumers.length > 0;
    });
    expect(consumedOrUnknown).toEqual([]);
  });

  it('has an example for every consumed type', () => {
    const missing = catalogue.filter((e) => e.consumers.length && !existsSync(join(ROOT, 'libs/contracts/examples', `${e.type}.json`)));
    expect(missing.map((e) => e.type)).toEqual([]);
  });

  it('has an examples test in every service that consumes events (each feeds its handlers the committed examples)', () => {
    const consuming = [...new Set(catalogue.flatMap((e) => e.consumers.map((c) => c.service)))];
    expect(consuming.filter((service) => !existsSync(join(ROOT, 'services', service, 'test/contract-examples.int-spec.ts')))).toEqual([]);
  });

  it('finds a handler registered through a shared lib module', () => {
    const created = catalogue.find((e) => e.type === 'bangbang.directory.unit-created.v1');
    expect(created?.consumers.map((c) => c.service).sort()).toEqual(['rating', 'request']);
  });
});
