import { GroupedWrites } from './grouped-writes';

/** Writes that are held until the test lets them go, recording what each carried; each item's result is its length. */
function heldWrites() {
  const writes: Array<{ items: string[]; finish: (err?: Error) => void }> = [];
  const write = (items: string[]) =>
    new Promise<number[]>((resolve, reject) =>
      writes.push({ items, finish: (err) => (err ? reject(err) : resolve(items.map((i) => i.length))) }),
    );
  return { writes, grouped: new GroupedWrites(write) };
}

describe('grouped writes', () => {
  it('write an item at once when no write is under way', async () => {
    const { writes, grouped } = heldWrites();
    const written = grouped.add('a');
    expect(writes.map((w) => w.items)).toEqual([['a']]);
    writes[0].finish();
    await expect(written).resolves.toBe(1);
  });

  it('put the items added during a write together in the next one, each with its own result', async () => {
    const { writes, grouped } = heldWrites();
    const first = grouped.add('a');
    const later = [grouped.add('bb'), grouped.add('ccc')];
    expect(writes).toHaveLength(1);
    writes[0].finish();
    await first;
    expect(writes.map((w) => w.items)).toEqual([['a'], ['bb', 'ccc']]);
    writes[1].finish();
    await expect(Promise.all(later)).resolves.toEqual([2, 3]);
  });

  it('fail the items of a failed write together, and write later items still', async () => {
    const { writes, grouped } = heldWrites();
    const first = grouped.add('a');
    const failing = [grouped.add('b'), grouped.add('c')];
    writes[0].finish();
    await first;
    writes[1].finish(new Error('connection lost'));
    const results = await Promise.allSettled(failing);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const next = grouped.add('d');
    expect(writes[2].items).toEqual(['d']);
    writes[2].finish();
    await expect(next).resolves.toBe(1);
  });
});
