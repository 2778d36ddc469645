import { Public } from '@bangbang/auth';
import { type AvailabilityV1, UNIT_PATH } from '@bangbang/contracts';
import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { creditScore, NO_FACTS } from '../credit/credit-score';
import { CATEGORY_CODE } from '../offerings/offering.dto';
import type { UnitKind } from '../units/partner-unit.entity';

export class DirectoryQuery {
  /** A community's org path: units covering it (or its street, or the district). */
  @IsOptional() @Matches(UNIT_PATH) community?: string;
  @IsOptional() @Matches(CATEGORY_CODE) category?: string;
}

/** Only what a resident choosing a provider should see: no licence, no contact person, no phone. */
const LISTING = `
  SELECT u.id, u.kind, u.display_name AS "displayName", u.coverage, u.service_hours AS "serviceHours",
         u.takes_free_jobs AS "takesFreeJobs",
         c.score AS credibility, c.components -> 'satisfaction' AS satisfaction,
         (SELECT coalesce(json_agg(json_build_object('categoryCode', o.category_code, 'description', o.description,
                    'priceMinFen', o.price_min_fen, 'priceMaxFen', o.price_max_fen) ORDER BY o.category_code), '[]')
            FROM offering o WHERE o.unit_id = u.id AND o.approved) AS offerings
  FROM partner_unit u
  LEFT JOIN unit_credit c ON c.unit_id = u.id AND c.version > 0
  WHERE u.status = 'active'`;

const PRIOR = creditScore(NO_FACTS);

export class DirectorySatisfaction {
  rate: number;
  samples: number;
}

export class DirectoryOffering {
  categoryCode: string;
  description: string;
  /** In fen. */
  priceMinFen: number;
  priceMaxFen: number;
}

/** A unit as the directory lists it; a unit with no score yet shows the prior one. */
export class DirectoryListing {
  id: string;
  kind: UnitKind;
  displayName: string;
  coverage: string[];
  serviceHours: AvailabilityV1;
  takesFreeJobs: boolean;
  credibility: number;
  satisfaction: DirectorySatisfaction;
  offerings: DirectoryOffering[];
}

type DirectoryListingRow = Omit<DirectoryListing, 'credibility' | 'satisfaction'> & {
  credibility: number | null;
  satisfaction: DirectorySatisfaction | null;
};

const withDefaults = (row: DirectoryListingRow): DirectoryListing => ({
  ...row,
  credibility: row.credibility ?? PRIOR.score,
  satisfaction: row.satisfaction ?? { rate: 0, samples: 0 },
});

/**
 * The public directory for the resident booking site: `GET /public/units` and
 * `GET /public/units/:id`, through the gateway at `/api/merchant/public/...`, rate-limited per IP there.
 */
@Controller('public/units')
@Public()
export class DirectoryController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  async list(@Query() q: DirectoryQuery): Promise<DirectoryListing[]> {
    const params: string[] = [];
    let sql = LISTING;
    if (q.community) {
      params.push(q.community);
      sql += ` AND EXISTS (SELECT 1 FROM unnest(u.coverage) area WHERE starts_with($${params.length}, area))`;
    }
    if (q.category) {
      params.push(q.category);
      sql += ` AND EXISTS (SELECT 1 FROM offering o WHERE o.unit_id = u.id AND o.approved AND o.category_code = $${params.length})`;
    }
    const rows = await this.ds.query<DirectoryListingRow[]>(
      `${sql} ORDER BY coalesce(c.score, ${PRIOR.score}) DESC, u.display_name LIMIT 200`,
      params,
    );
    return rows.map(withDefaults);
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DirectoryListing> {
    const [row] = await this.ds.query<[DirectoryListingRow?]>(`${LISTING} AND u.id = $1`, [id]);
    if (!row) throw new NotFoundException('partner unit not found');
    return withDefaults(row);
  }
}
