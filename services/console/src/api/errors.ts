import { constraintMessage, FIELD_LABELS, generalMessage, RULE_LABELS } from './messages';

/** A refusal as the platform sends it: Nest's `{statusCode, message, error}`, dispatch's `rule`. */
export interface ApiErrorBody {
  statusCode?: number;
  message?: string | string[];
  error?: string;
  rule?: string;
}

export type FieldPath = (string | number)[];

/**
 * Which API field lands on which form field: `{ 'residents.*.phones': 'phone' }`, `*` for any
 * index; a list names fields the form calls as the API does.
 */
export type FormFields = Record<string, string> | string[];

export interface ApiProblem {
  status: number;
  /** Chinese messages on the form's fields, ready for antd's `form.setFields`. */
  fields: { name: FieldPath; errors: string[] }[];
  /** Everything else, in Chinese, for a banner above the form. */
  general: string[];
  /** The API fields the refusal named, spelt as the API spells them (`code`, `residents.0.phones`), for pages without a form to put them on. */
  named: string[];
}

/** The form field for an API path: the longest mapped prefix, indices matching `*`. */
function formField(path: FieldPath, fields: FormFields): string | undefined {
  const map = Array.isArray(fields) ? Object.fromEntries(fields.map((f) => [f, f])) : fields;
  for (let n = path.length; n > 0; n--) {
    const key = path
      .slice(0, n)
      .map((p) => (typeof p === 'number' ? '*' : p))
      .join('.');
    if (map[key]) return map[key];
  }
  return undefined;
}

/**
 * Sorts a refusal's messages onto the form's fields, in Chinese. The services name the field
 * either as a prefix (`categoryCode: unknown category`, `residents.0.phones: …`) or, from
 * class-validator, as the first word (`description must be shorter than…`).
 */
export function apiProblem(status: number, body: unknown, fields: FormFields): ApiProblem {
  const raw = (body ?? {}) as ApiErrorBody;
  const messages = Array.isArray(raw.message) ? raw.message : raw.message ? [raw.message] : [raw.error ?? ''];
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  const named: string[] = [];
  const add = (field: string, message: string) => byField.set(field, [...(byField.get(field) ?? []), message]);
  if (raw.rule && RULE_LABELS[raw.rule]) {
    const field = formField(['providerId'], fields);
    if (field) add(field, RULE_LABELS[raw.rule]);
    else general.push(RULE_LABELS[raw.rule]);
    return { status, fields: [...byField].map(([name, errors]) => ({ name: [name], errors })), general, named: [] };
  }
  for (const message of messages) {
    const naming = /^([A-Za-z][\w.]*)(?::\s*|\s)(.*)$/s.exec(message);
    if (naming) named.push(naming[1]);
    const path = naming?.[1].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const field = path && formField(path, fields);
    if (field) add(field, constraintMessage(naming![2]));
    else {
      const last = path?.filter((p): p is string => typeof p === 'string').at(-1);
      general.push(generalMessage(status, last && FIELD_LABELS[last] ? last : undefined, naming?.[2] ?? message));
    }
  }
  return { status, fields: [...byField].map(([name, errors]) => ({ name: [name], errors })), general: [...new Set(general)], named };
}
