import { apiProblem, ApiProblem, FormFields } from './errors';

/**
 * A response body as the generated types describe it. Routes whose document does not describe
 * the body yet type as `any` until `npm run api:generate` fills them in; from then on the
 * compiler checks every field the console reads.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one stand-in for bodies the document does not describe yet
type Undescribed = any;
export type Body<T> = [T] extends [undefined] ? Undescribed : [T] extends [never] ? Undescribed : unknown extends T ? Undescribed : T;

export class ApiError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.general[0] ?? problem.fields[0]?.errors[0] ?? `请求失败（${problem.status}）`);
  }

  get status(): number {
    return this.problem.status;
  }

  /** Whether the refusal named the API field `field` (or a field inside it). */
  concerns(field: string): boolean {
    return this.problem.named.some((n) => n === field || n.startsWith(`${field}.`));
  }
}

/** Network failures, told apart so the form says so and keeps what was typed. */
export class OfflineError extends Error {
  constructor() {
    super('网络连接失败，已保留填写内容，请稍后重试');
  }
}

/**
 * Awaits an openapi-fetch call: the body on success, an ApiError (messages in Chinese, sorted onto
 * the form fields `fields` maps the API's to) on a refusal, an OfflineError when the network failed.
 */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>, fields: FormFields = []): Promise<Body<T>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new OfflineError();
  }
  if (!result.response.ok) throw new ApiError(apiProblem(result.response.status, result.error, fields));
  return result.data as Body<T>;
}

/** Puts a refusal's messages beside the form's fields; returns what belongs in the banner above it. */
export function showOnForm(err: unknown, form: { setFields(fields: { name: never; errors: string[] }[]): void }): string | undefined {
  if (!(err instanceof ApiError)) return (err as Error).message;
  form.setFields(err.problem.fields.map((f) => ({ name: f.name as never, errors: f.errors })));
  return err.problem.general.length ? err.problem.general.join('；') : undefined;
}
