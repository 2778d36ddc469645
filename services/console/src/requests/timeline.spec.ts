import { timelineText } from './timeline';

describe("the request timeline in the agent's words", () => {
  it('names a redo, a cancellation and a reassignment by what happened, other steps by their status', () => {
    expect(timelineText({ action: 'reopen', to: 'dispatching', note: 'the resident says the problem is not solved' })).toEqual({
      title: '返工重办',
      note: '居民评价：问题未解决',
    });
    expect(timelineText({ action: 'cancel', to: 'cancelled', note: 'resident: 居民自己疏通好了' })).toEqual({
      title: '已取消',
      note: '居民要求取消：居民自己疏通好了',
    });
    expect(timelineText({ action: 'assign', to: 'assigned', note: null })).toEqual({ title: '已派单', note: null });
  });

  it("keeps people's words, translates the services' own notes and hides their ids", () => {
    expect(timelineText({ action: 'reopen', to: 'dispatching', note: '居民来电：灯又不亮了' }).note).toBe('居民来电：灯又不亮了');
    expect(timelineText({ action: 'receive', to: 'received', note: 'hotline' }).note).toBe('热线受理');
    expect(timelineText({ action: 'reassign', to: 'assigned', note: 'from 3f1c0d2e-0000-4000-8000-000000000001' }).note).toBeNull();
  });
});
