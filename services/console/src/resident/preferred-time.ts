export type TimeChoice = 'soon' | 'today-am' | 'today-pm' | 'tomorrow-am' | 'tomorrow-pm';

export const TIME_CHOICES: [TimeChoice, string][] = [
  ['soon', '越快越好'],
  ['today-am', '今天上午'],
  ['today-pm', '今天下午'],
  ['tomorrow-am', '明天上午'],
  ['tomorrow-pm', '明天下午'],
];

const HOURS: Record<Exclude<TimeChoice, 'soon'>, [day: number, from: number, to: number]> = {
  'today-am': [0, 8, 12],
  'today-pm': [0, 13, 18],
  'tomorrow-am': [1, 8, 12],
  'tomorrow-pm': [1, 13, 18],
};

/**
 * The window a choice means on the phone's own clock; none for "as soon as possible" (the
 * deadlines of the category apply). A window already over today is moved to the same hours tomorrow.
 */
export function preferredWindow(choice: TimeChoice, now: Date): { from: string; to: string } | undefined {
  if (choice === 'soon') return undefined;
  const [day, from, to] = HOURS[choice];
  const at = (hour: number, plusDays: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + plusDays, hour);
  const shift = at(to, day) <= now ? 1 : 0;
  return { from: at(from, day + shift).toISOString(), to: at(to, day + shift).toISOString() };
}
