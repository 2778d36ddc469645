import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MERCHANT_CONFIG, MerchantConfig } from '../merchant.config';
import { Credit, creditScore, NO_FACTS } from './credit-score';

export class Scorecard implements Credit {
  score: number;
  components: Credit['components'];
  unitId: string;
  reviewThreshold: number;
  flaggedForReview: boolean;
  /** The rating service's figures (Bayesian score, response and resolution rates), when it has sent them. */
  quality: object | null;
  formula: string;
  version: number;
}

export const FORMULA =
  '100 × (0.20·acceptance + 0.20·on-time + 0.35·satisfaction + 0.15·(1 − complaints) + 0.10·(1 − redo)), each rate shrunk towards a prior with the weight of 5 samples';

@Injectable()
export class Scorecards {
  constructor(
    private readonly ds: DataSource,
    @Inject(MERCHANT_CONFIG) private readonly config: MerchantConfig,
  ) {}

  async of(unitId: string): Promise<Scorecard> {
    const [row] = await this.ds.query<[(Credit & { flagged_low: boolean; quality: object | null; version: number })?]>(
      'SELECT score, components, flagged_low, quality, version FROM unit_credit WHERE unit_id = $1',
      [unitId],
    );
    const credit: Credit = row && row.version > 0 ? { score: row.score, components: row.components } : creditScore(NO_FACTS);
    return {
      unitId,
      ...credit,
      reviewThreshold: this.config.CREDIT_REVIEW_THRESHOLD,
      flaggedForReview: Boolean(row?.flagged_low),
      quality: row?.quality ?? null,
      formula: FORMULA,
      version: row?.version ?? 0,
    };
  }
}
