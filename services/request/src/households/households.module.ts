import { Module } from '@nestjs/common';
import { EligibilityController, EligibilityService } from '../eligibility/eligibility.controller';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';

@Module({ controllers: [HouseholdsController, EligibilityController], providers: [HouseholdsService, EligibilityService] })
export class HouseholdsModule {}
