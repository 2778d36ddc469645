import { Logger } from '@nestjs/common';
import { contractExample, STORY } from '@bangbang/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES } from './catalogue';
import { FLOW, renderFlow, routesOf } from './flow';

describe('the request-to-points flow page', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('is committed as the code has it (run `npm run catalogue` after changing a handler, a contract or an example)', () => {
    expect(readFileSync(join(__dirname, '../../libs/contracts/FLOW.md'), 'utf8')).toBe(renderFlow());
  });

  it("names only routes the producing services' controllers have", () => {
    const missing = FLOW.filter((step) => step.route).filter((step) => {
      const producer = SERVICES.find((s) => step.event.source.endsWith(`/${s.name}`));
      return !producer || !routesOf(producer).has(step.route!);
    });
    expect(missing.map((s) => `${s.event.type}: ${s.route}`)).toEqual([]);
  });

  it("tells one request's story, in the order it happened", () => {
    const examples = FLOW.map((step) => contractExample(step.event));
    const aboutOther = examples.filter((e) => !JSON.stringify(e.data).includes(STORY.requestId));
    expect(aboutOther.map((e) => e.type)).toEqual([]);
    const times = examples.map((e) => e.time);
    expect(times).toEqual([...times].sort());
  });

  it('knows what a route looks like, so a missing one is a real miss', () => {
    const request = SERVICES.find((s) => s.name === 'request')!;
    expect(routesOf(request).has('POST /requests/:id/sign-off')).toBe(true);
    expect(routesOf(request).has('POST /requests/:id/sign-of')).toBe(false);
  });
});
