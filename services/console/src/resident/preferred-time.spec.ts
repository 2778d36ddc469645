import { preferredWindow } from './preferred-time';

describe('the preferred visit time', () => {
  const morning = new Date(2026, 10, 27, 9, 30);

  it('has no window for as soon as possible', () => {
    expect(preferredWindow('soon', morning)).toBeUndefined();
  });

  it('means the hours of today or tomorrow on the phone’s clock', () => {
    expect(preferredWindow('today-pm', morning)).toEqual({
      from: new Date(2026, 10, 27, 13).toISOString(),
      to: new Date(2026, 10, 27, 18).toISOString(),
    });
    expect(preferredWindow('tomorrow-am', morning)).toEqual({
      from: new Date(2026, 10, 28, 8).toISOString(),
      to: new Date(2026, 10, 28, 12).toISOString(),
    });
  });

  it('moves a window already over today to tomorrow', () => {
    expect(preferredWindow('today-am', new Date(2026, 10, 27, 15))).toEqual({
      from: new Date(2026, 10, 28, 8).toISOString(),
      to: new Date(2026, 10, 28, 12).toISOString(),
    });
  });
});
