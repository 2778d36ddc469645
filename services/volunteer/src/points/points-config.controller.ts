import { CurrentPrincipal, inScope, Principal, Roles } from '@bangbang/auth';
import { UNIT_PATH } from '@bangbang/contracts';
import { BadRequestException, Body, Controller, Get, NotFoundException, Put, Query, Req } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, Matches, Max, Min } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { ADMINS, assertMaySeeUnit, audit, HttpRequestLike, STAFF_AND_VOLUNTEERS } from '../access';
import { CATEGORY_CODE } from '../registration/application.dto';
import { PointsConfigService } from './points-config.service';
import { PointsConfig, PointsConfigLayer } from './points-rules';

const unit = () => Matches(UNIT_PATH, { message: 'unit must be an org path like /district/street/community/' });

export class UnitQuery {
  @unit() unit: string;
}

export class PointsConfigDto {
  @unit() unit: string;
  @IsOptional() @IsObject() jobPoints?: Record<string, number>;
  @IsOptional() @IsInt() @Min(0) @Max(10_000) defaultJobPoints?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10_000) freeJobBonus?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10_000) satisfiedRatingBonus?: number;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(10_000_000, { each: true })
  starThresholds?: number[];
  @IsOptional() @IsObject() exchangeCosts?: Record<string, number>;
  @IsOptional() @IsInt() @Min(1) @Max(100_000) defaultExchangeCost?: number;
}

function assertCategoryPoints(field: string, table: Record<string, number> | undefined, min: number): void {
  for (const [code, points] of Object.entries(table ?? {})) {
    if (!CATEGORY_CODE.test(code)) throw new BadRequestException(`${field}: ${code} is not a category code`);
    if (!Number.isInteger(points) || points < min || points > 100_000)
      throw new BadRequestException(`${field}.${code} must be a whole number from ${min}`);
  }
}

/** Each unit sets its own points rules; communities inherit from their street and district. */
/** A unit's points rules: what applies there (its own layer over its ancestors') and its own layer. */
export class PointsConfigView {
  unit: string;
  effective: PointsConfig;
  own: PointsConfigLayer;
}

@Controller('points/config')
export class PointsConfigController {
  constructor(
    private readonly ds: DataSource,
    private readonly config: PointsConfigService,
  ) {}

  @Get()
  @Roles(...STAFF_AND_VOLUNTEERS)
  async get(@CurrentPrincipal() p: Principal, @Query() q: UnitQuery): Promise<PointsConfigView> {
    await assertMaySeeUnit(this.ds.manager, p, q.unit);
    return this.read(this.ds.manager, q.unit);
  }

  private async read(m: EntityManager, unit: string): Promise<PointsConfigView> {
    const [effective, own] = await Promise.all([this.config.effective(m, unit), this.config.layer(m, unit)]);
    return { unit, effective, own };
  }

  @Put()
  @Roles(...ADMINS)
  async put(@CurrentPrincipal() p: Principal, @Body() dto: PointsConfigDto, @Req() req: HttpRequestLike): Promise<PointsConfigView> {
    if (!inScope(p, dto.unit)) throw new NotFoundException('unit not found');
    assertCategoryPoints('jobPoints', dto.jobPoints, 0);
    assertCategoryPoints('exchangeCosts', dto.exchangeCosts, 1);
    const { unit: path, ...layer } = dto;
    if (layer.starThresholds && new Set(layer.starThresholds).size !== layer.starThresholds.length) {
      throw new BadRequestException('starThresholds must be distinct');
    }
    // Read in the change's transaction, so a failed read undoes the change and its 503 stays true.
    return this.ds.transaction(async (m) => {
      await this.config.setLayer(m, path, layer as PointsConfigLayer, p.id);
      await audit(m, p, req, 'points.config-changed', 'unit', path);
      return this.read(m, path);
    });
  }
}
