import { DataSource } from 'typeorm';
import { VolunteerHarness } from '../../test/volunteer-harness';
import { ProfileRefreshScanner } from './profile-refresh-scanner';

describe('profile refresh scanner', () => {
  it('lets the pass in flight at shutdown commit before the database is closed', async () => {
    const h = await VolunteerHarness.start();
    const scanner = h.app.get(ProfileRefreshScanner);
    const ds = h.app.get(DataSource);
    const order: string[] = [];

    // The next scheduled pass waits at a gate, so shutdown starts while it is in flight.
    let enter!: () => void;
    const entered = new Promise<void>((resolve) => (enter = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const scan = scanner.scanOnce.bind(scanner);
    jest.spyOn(scanner, 'scanOnce').mockImplementationOnce(async () => {
      enter();
      await gate;
      try {
        const n = await scan();
        order.push('pass committed');
        return n;
      } catch (err) {
        order.push(`pass failed: ${(err as Error).message}`);
        throw err;
      }
    });
    const destroy = ds.destroy.bind(ds);
    jest.spyOn(ds, 'destroy').mockImplementation(() => {
      order.push('database closed');
      return destroy();
    });

    await entered;
    const stopping = h.stop();
    release();
    await stopping;
    expect(order).toEqual(['pass committed', 'database closed']);
  });
});
