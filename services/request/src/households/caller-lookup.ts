import { likePrefix } from '@bangbang/auth';
import { planEachRun } from '@bangbang/persistence';

export const LOOKUP_LIMIT = 20;

export type PhoneMatch = { exact: string } | { suffix: string };

/*
 * Each step reads one table by the array the step before it found: the phones at the number, their
 * residents, their households. As one join, a plan made on tables never analyzed read every
 * resident to find the few at a number (their count unknown, a hash join looked cheaper), and one
 * made on statistics taken while the households were few started from the households in scope and
 * read them all. Planned on every run, so each step's plan follows its table's size.
 */
const lookup = (condition: string) =>
  planEachRun(`SELECT h.id, h.created_at FROM household h
    WHERE h.id = ANY(ARRAY(
        SELECT r.household_id FROM resident r
         WHERE r.id = ANY(ARRAY(SELECT p.resident_id FROM resident_phone p WHERE ${condition}))))
      AND h.org_path LIKE $2
    ORDER BY h.created_at, h.id
    LIMIT ${LOOKUP_LIMIT}`);
const BY_NUMBER = lookup('p.phone = $1');
const BY_SUFFIX = lookup('reverse(p.phone) LIKE $1');

/**
 * The households with a resident at this number (or whose number ends so), inside the caller's
 * scope. Exact numbers use the phone index, last digits the reversed-phone index; the scope filter
 * then runs on the few households found. The bench EXPLAINs this very statement.
 */
export function callerLookupQuery(match: PhoneMatch, scopeOrgPath: string): { sql: string; params: unknown[] } {
  const [sql, value] = 'exact' in match ? [BY_NUMBER, match.exact] : [BY_SUFFIX, likePrefix([...match.suffix].reverse().join(''))];
  return { sql, params: [value, likePrefix(scopeOrgPath)] };
}
