import { callbackDueAt } from './callback-deadline';

/** China time (UTC+8) on 26 November 2026. */
const china = (day: number, h: number, m = 0) => new Date(Date.UTC(2026, 10, day, h - 8, m));
const hours = { minutes: 30, startHour: 8, endHour: 20 };

describe('a callback deadline in working minutes', () => {
  it('is 30 minutes later in working hours', () => {
    expect(callbackDueAt(china(26, 10, 15), hours)).toEqual(china(26, 10, 45));
  });

  it('starts counting at opening for a call missed at night or before dawn', () => {
    expect(callbackDueAt(china(26, 23, 10), hours)).toEqual(china(27, 8, 30));
    expect(callbackDueAt(china(26, 3, 0), hours)).toEqual(china(26, 8, 30));
  });

  it('carries over what is left at closing to the next morning', () => {
    expect(callbackDueAt(china(26, 19, 50), hours)).toEqual(china(27, 8, 20));
  });

  it('is due exactly at closing when the minutes end there', () => {
    expect(callbackDueAt(china(26, 19, 30), hours)).toEqual(china(26, 20, 0));
  });
});
