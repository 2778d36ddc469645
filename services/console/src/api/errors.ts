/** A refusal as the platform sends it: Nest's `{statusCode, message, error}`. */
export interface ApiErrorBody {
  statusCode?: number;
  message?: string | string[];
  error?: string;
}

export type FieldPath = (string | number)[];

export interface ApiProblem {
  status: number;
  /** Messages that name a field of the form, ready for antd's `form.setFields`. */
  fields: { name: FieldPath; errors: string[] }[];
  /** Everything else, for a banner above the form. */
  general: string[];
}

/**
 * Sorts a refusal's messages onto the form's fields. The services name the field either as a
 * prefix (`categoryCode: unknown category`, `residents.0.phones: …`) or, from class-validator,
 * as the first word (`description must be shorter than…`); a path like `residents.0.name` maps
 * to the form's nested name. `known` lists the form's top-level fields.
 */
export function apiProblem(status: number, body: unknown, known: string[]): ApiProblem {
  const raw = (body ?? {}) as ApiErrorBody;
  const messages = Array.isArray(raw.message) ? raw.message : raw.message ? [raw.message] : [raw.error ?? `请求失败（${status}）`];
  const fields = new Map<string, { name: FieldPath; errors: string[] }>();
  const general: string[] = [];
  for (const message of messages) {
    const named = /^([A-Za-z][\w.]*)(?::\s*|\s)(.*)$/s.exec(message);
    const path = named?.[1].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (!path || !known.includes(String(path[0]))) {
      general.push(message);
      continue;
    }
    const key = path.join('.');
    const entry = fields.get(key) ?? { name: path, errors: [] };
    // Beside the field, its name in front of the message says nothing the layout does not.
    entry.errors.push(message.includes(':') && message.startsWith(`${named![1]}:`) ? named![2] : message);
    fields.set(key, entry);
  }
  return { status, fields: [...fields.values()], general };
}
