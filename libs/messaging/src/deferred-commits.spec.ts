import { DeferredCommits, PartitionOffset } from './deferred-commits';

describe('DeferredCommits', () => {
  const at = (topic: string, partition: number, offset: number): PartitionOffset => ({ topic, partition, offset: String(offset) });
  let sent: PartitionOffset[][];
  let commits: DeferredCommits;

  beforeEach(() => {
    sent = [];
    commits = new DeferredCommits(async (offsets) => void sent.push(offsets), 1_000);
  });

  it('commits the furthest offset of each partition together, once', async () => {
    commits.note(at('a', 0, 3));
    commits.note(at('a', 0, 7));
    commits.note(at('a', 1, 2));
    commits.note(at('b', 0, 5));
    await commits.flush();
    await commits.flush();
    expect(sent).toEqual([[at('a', 0, 7), at('a', 1, 2), at('b', 0, 5)]]);
  });

  it('leaves out a partition committed otherwise, and everything after a rebalance', async () => {
    commits.note(at('a', 0, 3));
    commits.note(at('a', 1, 4));
    commits.forget('a', 0);
    await commits.flush();
    commits.note(at('a', 1, 9));
    commits.clear();
    await commits.flush();
    expect(sent).toEqual([[at('a', 1, 4)]]);
  });

  it('asks once at a time: a flush while one is under way waits for the next', async () => {
    let release!: () => void;
    const slow = new DeferredCommits(
      (offsets) => new Promise<void>((resolve) => (release = () => resolve(void sent.push(offsets)))),
      1_000,
    );
    slow.note(at('a', 0, 1));
    const first = slow.flush();
    slow.note(at('a', 0, 2));
    await slow.flush();
    release();
    await first;
    const next = slow.flush();
    release();
    await next;
    expect(sent).toEqual([[at('a', 0, 1)], [at('a', 0, 2)]]);
  });

  it('drops offsets the broker refused: the next holder reads those events again', async () => {
    const refusing = new DeferredCommits(() => Promise.reject(new Error('REBALANCE_IN_PROGRESS')), 1_000);
    refusing.note(at('a', 0, 1));
    await expect(refusing.flush()).resolves.toBeUndefined();
  });

  it('flushes on its timer until stopped', async () => {
    jest.useFakeTimers();
    try {
      commits.start();
      commits.note(at('a', 0, 1));
      await jest.advanceTimersByTimeAsync(1_000);
      commits.note(at('a', 0, 2));
      commits.stop();
      await jest.advanceTimersByTimeAsync(5_000);
      expect(sent).toEqual([[at('a', 0, 1)]]);
    } finally {
      jest.useRealTimers();
    }
  });
});
