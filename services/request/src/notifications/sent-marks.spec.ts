import { SentMarks } from './sent-marks';

/** A write that is held until the test lets it go, recording what each write carried. */
function heldWrites() {
  const writes: Array<{ ids: string[]; bodies: string[]; finish: (err?: Error) => void }> = [];
  const write = (ids: string[], bodies: string[]) =>
    new Promise<void>((resolve, reject) => writes.push({ ids, bodies, finish: (err) => (err ? reject(err) : resolve()) }));
  return { writes, marks: new SentMarks(write) };
}

describe('marks of delivered texts', () => {
  it('are written at once when no write is under way', async () => {
    const { writes, marks } = heldWrites();
    const marked = marks.mark('a', 'body a');
    expect(writes.map((w) => w.ids)).toEqual([['a']]);
    writes[0].finish();
    await expect(marked).resolves.toBeUndefined();
  });

  it('asked for during a write go together in the next one, once it is done', async () => {
    const { writes, marks } = heldWrites();
    const first = marks.mark('a', 'body a');
    const later = [marks.mark('b', 'body b'), marks.mark('c', 'body c')];
    expect(writes).toHaveLength(1);
    writes[0].finish();
    await first;
    expect(writes.map((w) => [w.ids, w.bodies])).toEqual([
      [['a'], ['body a']],
      [
        ['b', 'c'],
        ['body b', 'body c'],
      ],
    ]);
    writes[1].finish();
    await expect(Promise.all(later)).resolves.toEqual([undefined, undefined]);
  });

  it('fail together when their write fails, and later marks are still written', async () => {
    const { writes, marks } = heldWrites();
    const first = marks.mark('a', 'body a');
    const failing = [marks.mark('b', 'body b'), marks.mark('c', 'body c')];
    writes[0].finish();
    await first;
    writes[1].finish(new Error('connection lost'));
    const results = await Promise.allSettled(failing);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const next = marks.mark('d', 'body d');
    expect(writes[2].ids).toEqual(['d']);
    writes[2].finish();
    await expect(next).resolves.toBeUndefined();
  });
});
