import { finishedWithin } from './within';

describe('finishedWithin', () => {
  it('says whether the work finished in time, and passes on its failure', async () => {
    await expect(finishedWithin(Promise.resolve('done'), 1_000)).resolves.toBe(true);
    await expect(finishedWithin(new Promise(() => undefined), 10)).resolves.toBe(false);
    await expect(finishedWithin(Promise.reject(new Error('refused')), 1_000)).rejects.toThrow('refused');
  });
});
