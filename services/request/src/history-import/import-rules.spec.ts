import { storyProblem } from './import-rules';

const now = new Date('2026-11-27T06:00:00Z');
const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * 86_400_000 + hours * 3_600_000);

describe('a past request worth importing', () => {
  const story = { receivedAt: at(40), acceptedAt: at(40, 1), signedOffAt: at(39), ratedAt: at(38) };

  it('is a story told in order and over before the import', () => {
    expect(storyProblem(story, now)).toBeNull();
    expect(storyProblem({ ...story, ratedAt: undefined }, now)).toBeNull();
  });

  it('names the first time out of order', () => {
    expect(storyProblem({ ...story, acceptedAt: at(41) }, now)).toBe('acceptedAt: before receivedAt');
    expect(storyProblem({ ...story, signedOffAt: at(40, 0.5) }, now)).toBe('signedOffAt: before acceptedAt');
    expect(storyProblem({ ...story, ratedAt: at(39, -1) }, now)).toBe('rating.ratedAt: before signedOffAt');
  });

  it('refuses what has not happened yet, what is too old, and a rating outside the window', () => {
    expect(storyProblem({ ...story, ratedAt: at(0, 1) }, now)).toBe('rating.ratedAt: must be in the past');
    expect(storyProblem({ ...story, signedOffAt: now }, now)).toBe('signedOffAt: must be in the past');
    expect(storyProblem({ receivedAt: at(731), acceptedAt: at(731, 1), signedOffAt: at(730) }, now)).toBe(
      'receivedAt: older than 730 days',
    );
    expect(storyProblem({ ...story, ratedAt: at(31) }, now)).toBe('rating.ratedAt: more than 7 days after signedOffAt');
  });
});
