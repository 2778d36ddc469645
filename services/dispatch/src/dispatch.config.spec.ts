import { ConfigError } from '@bangbang/observability';
import { DISTRICT_WEIGHTS } from './dispatch.config';
import { DispatchModule } from './dispatch.module';

describe('dispatch configuration', () => {
  it('refuses to start with district weights that let another factor outweigh quality, naming the variable', () => {
    const start = () => DispatchModule.forService({ DISPATCH_WEIGHTS: '{"nanchang": {"load": 0.5}}' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/DISPATCH_WEIGHTS\.nanchang: quality must weigh more than load/);
  });

  it("hands the dispatcher each district's weights", () => {
    const module = DispatchModule.forService({ DISPATCH_WEIGHTS: '{"nanchang": {"load": 0.2}}' });
    const provided = module.providers!.find((p) => typeof p === 'object' && 'provide' in p && p.provide === DISTRICT_WEIGHTS) as {
      useValue: Map<string, unknown>;
    };
    expect(provided.useValue.get('nanchang')).toMatchObject({ quality: 0.35, load: 0.2 });
  });
});
