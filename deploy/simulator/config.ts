/**
 * The simulator's settings: command-line flags (`--rate 5`), else `SIM_*` environment variables,
 * else the defaults below. Validated up front; a bad one stops the program naming it.
 */
export interface SimulatorConfig {
  /** The public gateway. Only loopback addresses are accepted: this is a local simulator. */
  gatewayUrl: string;
  /** New requests per minute (hotline calls, online bookings and Open311 reports together). */
  rate: number;
  /** Hotline calls a minute through the simulated PBX, on an average day (the hour shapes it); 0: no PBX. */
  calls: number;
  /** How long new requests keep coming; 0 means until stopped (Ctrl-C). */
  minutes: number;
  /** Seed of every random choice, so a run can be replayed. */
  seed: number;
  /**
   * Real time per simulated time: the people's delays are drawn in minutes as they would be
   * (a unit answers an offer in 1 to 8 minutes), then multiplied by this. 1/60 turns a minute into a second.
   */
  timeFactor: number;
  /** Households the seed registered (the residents who call); the seed's BANGBANG_SEED_HOUSEHOLDS. */
  households: number;
  /** Port of the fake SMS gateway the request service is pointed at (SMS_GATEWAY_URL). */
  smsPort: number;
  /** Port of the partner units' webhook receivers. */
  webhookPort: number;
  /** After the last new request: how long to wait for every story to reach its end. */
  drainSeconds: number;
  /** Shares of the channels and of the people's answers. */
  mix: {
    channels: { hotline: number; booking: number; open311: number };
    unitAnswer: { accept: number; decline: number; ignore: number };
    volunteerAnswer: { accept: number; decline: number; ignore: number };
    /** Of sign-offs: the resident says it is solved. */
    solved: number;
    /** Of signed-off jobs: rated through the texted link. */
    rates: number;
    /** Of home-service requests: cancelled by the resident before the visit. */
    cancels: number;
    /** Of open follow-ups each round: the agent calls and the resident answers. */
    followUpReached: number;
  };
  quiet: boolean;
}

export const DEFAULT_MIX: SimulatorConfig['mix'] = {
  channels: { hotline: 70, booking: 20, open311: 10 },
  unitAnswer: { accept: 78, decline: 12, ignore: 10 },
  volunteerAnswer: { accept: 80, decline: 10, ignore: 10 },
  solved: 0.95,
  rates: 0.85,
  cancels: 0.03,
  followUpReached: 0.6,
};

const DEFAULTS = {
  gatewayUrl: 'http://127.0.0.1:3000',
  rate: 20,
  calls: 6,
  minutes: 0,
  seed: 20_261_127,
  timeFactor: 1 / 60,
  households: 2_000,
  smsPort: 3010,
  webhookPort: 3011,
  drainSeconds: 120,
};

type Numeric = Exclude<keyof typeof DEFAULTS, 'gatewayUrl'>;

const FLAGS: Record<string, keyof typeof DEFAULTS> = {
  '--gateway': 'gatewayUrl',
  '--rate': 'rate',
  '--calls': 'calls',
  '--minutes': 'minutes',
  '--seed': 'seed',
  '--time-factor': 'timeFactor',
  '--households': 'households',
  '--sms-port': 'smsPort',
  '--webhook-port': 'webhookPort',
  '--drain-seconds': 'drainSeconds',
};

const ENV: Record<keyof typeof DEFAULTS, string> = {
  gatewayUrl: 'SIM_GATEWAY_URL',
  rate: 'SIM_RATE',
  calls: 'SIM_CALLS',
  minutes: 'SIM_MINUTES',
  seed: 'SIM_SEED',
  timeFactor: 'SIM_TIME_FACTOR',
  households: 'BANGBANG_SEED_HOUSEHOLDS',
  smsPort: 'SIM_SMS_PORT',
  webhookPort: 'SIM_WEBHOOK_PORT',
  drainSeconds: 'SIM_DRAIN_SECONDS',
};

export const USAGE = `npm run simulate -- [--rate <requests per minute, ${DEFAULTS.rate}>] [--calls <PBX calls per minute, ${DEFAULTS.calls}>] [--minutes <0 = until Ctrl-C>] [--seed <n>]
  [--time-factor <real/simulated, ${DEFAULTS.timeFactor.toFixed(4)}>] [--households <n>]
  [--gateway <${DEFAULTS.gatewayUrl}>] [--sms-port <${DEFAULTS.smsPort}>] [--webhook-port <${DEFAULTS.webhookPort}>] [--drain-seconds <n>] [--quiet]`;

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): SimulatorConfig {
  const raw: Record<string, string> = {};
  for (const [key, name] of Object.entries(ENV)) if (env[name] !== undefined && env[name] !== '') raw[key] = env[name]!;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quiet') {
      quiet = true;
      continue;
    }
    const [flag, inline] = arg.split('=', 2);
    const key = FLAGS[flag];
    if (!key) throw new Error(`unknown option ${arg}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    raw[key] = value;
  }
  const config: SimulatorConfig = { ...DEFAULTS, mix: DEFAULT_MIX, quiet };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'gatewayUrl') {
      config.gatewayUrl = value.replace(/\/$/, '');
      continue;
    }
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${key} must be a number ≥ 0, not ${value}`);
    config[key as Numeric] = n;
  }
  const host = new URL(config.gatewayUrl).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host))
    throw new Error(`gateway must be a loopback address, not ${host}: the simulator only plays against a local district`);
  if (config.rate <= 0) throw new Error('rate must be > 0');
  if (config.timeFactor <= 0 || config.timeFactor > 1) throw new Error('time-factor must be in (0, 1]');
  for (const port of ['smsPort', 'webhookPort'] as const)
    if (!Number.isInteger(config[port]) || config[port] > 65_535) throw new Error(`${port} must be a port number`);
  return config;
}
