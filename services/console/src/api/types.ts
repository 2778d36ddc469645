import type { Body } from './call';
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: infer R }
  ? Body<Json<R extends { 200: infer A } ? A : R extends { 201: infer C } ? C : never>>
  : never;
type Item<T> = T extends (infer I)[] ? I : T;
type Sent<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** Views named after the routes that return them; all from the generated document. */
export type Household = Ok<'/api/request/households/{id}', 'get'>;
export type RequestView = Ok<'/api/request/requests/{id}', 'get'>;
export type RequestItem = Item<Ok<'/api/request/requests', 'get'>>;
export type Category = Item<Ok<'/api/request/catalogue/categories', 'get'>>;
export type Unit = Item<Ok<'/directory/units', 'get'>>;
export type JobView = Ok<'/api/dispatch/jobs/{requestId}', 'get'>;
export type JobItem = Item<Ok<'/api/dispatch/jobs', 'get'>>;
export type Offer = Item<Ok<'/api/dispatch/jobs/{requestId}/offers', 'get'>>;
export type AuditPage = Ok<'/audit', 'get'>;
export type Resident = Household['residents'][number];
export type FollowUp = Item<Ok<'/api/rating/follow-ups', 'get'>>;
export type Listing = Item<Ok<'/api/merchant/public/units', 'get'>>;
export type Scorecard = Ok<'/api/rating/public/providers/{providerId}/scorecard', 'get'>;
export type Ranking = Item<Ok<'/api/dispatch/jobs/{requestId}/candidates', 'get'>>;
export type Candidate = Ranking['ranked'][number];
export type RatingHistory = Ok<'/api/rating/ratings/{requestId}', 'get'>;
export type StaffUser = Item<Ok<'/users', 'get'>>;
export type PartnerUnit = Item<Ok<'/api/merchant/units', 'get'>>;

/** Bodies the console sends, from the same document. */
export type NewHousehold = Sent<'/api/request/households', 'post'>;
export type Cancellation = Sent<'/api/request/requests/{id}/cancel', 'post'>;
