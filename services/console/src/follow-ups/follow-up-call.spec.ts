import { callPlan, callProblem } from './follow-up-call';

describe('the follow-up call', () => {
  it("rates a job nobody rated, and corrects the resident's own rating otherwise", () => {
    const v = {
      result: 'reached' as const,
      team: 'satisfied' as const,
      provider: 'basically_satisfied' as const,
      solved: true,
      notes: ' 很好 ',
    };
    expect(callPlan('not_rated', v)).toEqual({
      rating: { mode: 'new', body: { team: 'satisfied', provider: 'basically_satisfied', solved: true } },
      outcome: { result: 'reached', notes: '很好' },
      redo: false,
    });
    expect(callPlan('dissatisfied', v).rating).toEqual({
      mode: 'amend',
      body: { team: 'satisfied', provider: 'basically_satisfied', solved: true, reason: '回访电话中居民更正评价' },
    });
  });

  it('asks for a redo when the resident says the problem is not solved', () => {
    expect(callPlan('dissatisfied', { result: 'reached', team: 'dissatisfied', provider: 'dissatisfied', solved: false }).redo).toBe(true);
  });

  it('records only the outcome when nobody answered, and needs all three answers when someone did', () => {
    expect(callPlan('not_rated', { result: 'unreachable', team: 'satisfied' })).toEqual({
      outcome: { result: 'unreachable' },
      redo: false,
    });
    expect(callProblem({ result: 'reached', team: 'satisfied' })).toBe('请记录居民的两项满意度和问题是否解决');
    expect(callProblem({ result: 'refused' })).toBeNull();
  });
});
