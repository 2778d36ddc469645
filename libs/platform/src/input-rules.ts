/**
 * The rules every value a client sends must meet, whatever the DTO says: checked on the parsed body,
 * query and path parameters before class-transformer and class-validator see them, so no input
 * reaches a service (or PostgreSQL) in a shape that makes it fail instead of answering 400.
 *
 * - Text holds no control characters other than tab, line feed and carriage return (free text such
 *   as a description keeps its line breaks; PostgreSQL refuses NUL outright). Nothing is stripped:
 *   the caller is told which field to fix.
 * - Text is well-formed UTF-16: a lone surrogate would be stored as U+FFFD, silently changed.
 * - Numbers are within ±(2^53 − 1): beyond that JSON numbers lose precision and overflow columns.
 * - Objects and arrays nest at most MAX_DEPTH deep (ours need 4), so no recursive step after this
 *   one (class-transformer, JSON.stringify) can run out of stack.
 */
export const MAX_DEPTH = 10;
/** Enough to tell the caller what to fix without building a long answer to a hostile body. */
export const MAX_PROBLEMS = 10;

// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(text: string): string | undefined {
  if (CONTROL.test(text)) return 'must not contain control characters (only tab and line breaks are allowed)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed text (it holds a lone UTF-16 surrogate)';
  return undefined;
}

function numberProblem(n: number): string | undefined {
  return Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER
    ? undefined
    : `must be a number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`;
}

/** `residents.0.name`, as class-validator names nested fields; the root is named by `root`. */
function childPath(parent: string, key: string | number): string {
  return parent ? `${parent}.${key}` : String(key);
}

/**
 * What is wrong with a parsed input value, one message per offending field, naming it by its path
 * under `root` (empty for a whole body). Iterative, so a hostile nesting depth cannot overflow it.
 */
export function inputProblems(value: unknown, root = ''): string[] {
  const problems: string[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const { value: v, path, depth } = stack.pop()!;
    const name = path || 'body';
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) problems.push(`${name} ${problem}`);
    } else if (typeof v === 'number') {
      const problem = numberProblem(v);
      if (problem) problems.push(`${name} ${problem}`);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      if (depth >= MAX_DEPTH) {
        problems.push(`${name} is nested too deeply (at most ${MAX_DEPTH} levels of objects and arrays)`);
        continue;
      }
      const entries: Array<[string | number, unknown]> = Array.isArray(v) ? v.map((item, i) => [i, item]) : Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        const keyProblem = typeof key === 'string' ? textProblem(key) : undefined;
        if (keyProblem) {
          problems.push(`${name}: property name ${JSON.stringify(key)} ${keyProblem}`);
          continue;
        }
        stack.push({ value: item, path: childPath(path, key), depth: depth + 1 });
      }
    }
  }
  return problems;
}

export const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** The media type of a request that carried a body, when the route does not take it; JSON always is. */
export function unsupportedMediaType(contentType: string | undefined, acceptsForm: boolean): string | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === JSON_TYPE || (acceptsForm && type === FORM)) return undefined;
  return `content-type must be ${acceptsForm ? `${JSON_TYPE} or ${FORM}` : JSON_TYPE}, not ${type || 'missing'}`;
}
