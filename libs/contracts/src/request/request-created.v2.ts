import { Type } from 'class-transformer';
import { IsLatitude, IsLongitude, IsOptional, ValidateBy, ValidateNested, ValidationOptions } from 'class-validator';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';
import { GeoPoint, RequestCreatedFacts } from './request-created.v1';

/** Degrees a coarse position is rounded to: 0.01° is about 1.1 km north–south, 0.95 km east–west here. */
export const COARSE_DEGREES = 0.01;

const onCoarseGrid = (value: unknown) =>
  typeof value === 'number' && Math.abs(value / COARSE_DEGREES - Math.round(value / COARSE_DEGREES)) < 1e-6;

function IsCoarse(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCoarse',
      validator: { validate: onCoarseGrid, defaultMessage: (a) => `${a?.property} must be rounded to ${COARSE_DEGREES}°` },
    },
    options,
  );
}

/** Where, to about a kilometre: enough to rank providers by distance, not enough to find a door. */
export class CoarseGeoPoint {
  @IsLatitude() @IsCoarse() lat: number;
  @IsLongitude() @IsCoarse() lng: number;
}

export function coarseLocation(point: GeoPoint): CoarseGeoPoint {
  // Adding 0 turns a -0 from rounding a small negative into 0.
  const round = (v: number) => Math.round(v / COARSE_DEGREES) / (1 / COARSE_DEGREES) + 0;
  return { lat: round(point.lat), lng: round(point.lng) };
}

/**
 * A resident's request was taken at intake. It goes to every consumer and its facts to every
 * provider offered the job, so it carries no personal data: no address or phone, none of the
 * resident's own words, and the position only to about a kilometre. The assigned provider reads
 * the details from the request service's API.
 */
export class RequestCreatedV2 extends RequestCreatedFacts {
  @IsOptional() @ValidateNested() @Type(() => CoarseGeoPoint) location?: CoarseGeoPoint;
}

export const RequestCreatedV2Event = defineEvent({
  type: 'bangbang.request.created.v2',
  topic: TOPICS.request,
  source: '/bangbang/request',
  payload: RequestCreatedV2,
});
