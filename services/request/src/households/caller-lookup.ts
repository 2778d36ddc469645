import { likePrefix } from '@bangbang/auth';

export const LOOKUP_LIMIT = 20;

export type PhoneMatch = { exact: string } | { suffix: string };

/**
 * The households with a resident at this number (or whose number ends so), inside the caller's
 * scope. Exact numbers use the phone index, last digits the reversed-phone index; the scope filter
 * then runs on the few households found. The bench EXPLAINs this very statement.
 */
export function callerLookupQuery(match: PhoneMatch, scopeOrgPath: string): { sql: string; params: unknown[] } {
  const [condition, value] =
    'exact' in match ? ['p.phone = $1', match.exact] : ['reverse(p.phone) LIKE $1', likePrefix([...match.suffix].reverse().join(''))];
  return {
    sql: `SELECT DISTINCT h.id, h.created_at
            FROM resident_phone p
            JOIN resident r ON r.id = p.resident_id
            JOIN household h ON h.id = r.household_id
           WHERE ${condition} AND h.org_path LIKE $2
           ORDER BY h.created_at, h.id
           LIMIT ${LOOKUP_LIMIT}`,
    params: [value, likePrefix(scopeOrgPath)],
  };
}
