import { AuthModule } from '@bangbang/auth';
import { TOPICS } from '@bangbang/contracts';
import { loadConfig } from '@bangbang/observability';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Global, Module } from '@nestjs/common';
import { ActivitiesModule } from './activities/activities.module';
import { Activity, ActivitySignup } from './activities/activity.entity';
import { VolunteerAppApiModule } from './app/app.module';
import { LedgerModule } from './ledger/ledger.module';
import { Volunteer1764000000400 } from './migrations/1764000000400-volunteer';
import { IdempotentSpending1764000000401 } from './migrations/1764000000401-idempotent-spending';
import { JobLimits1764000000402 } from './migrations/1764000000402-job-limits';
import { VolunteerRatings1764000000403 } from './migrations/1764000000403-volunteer-ratings';
import { OfferView } from './offers/offer-view.entity';
import { OffersModule } from './offers/offers.module';
import { PointsModule } from './points/points.module';
import { ProfileModule } from './profile/profile.module';
import { Certificate } from './registration/certificate.entity';
import { RegistrationModule } from './registration/registration.module';
import { TrainingRecord } from './registration/training-record.entity';
import { Volunteer } from './registration/volunteer.entity';
import { Reward } from './rewards/reward.entity';
import { RewardsModule } from './rewards/rewards.module';
import { StandingsModule } from './standings/standings.module';
import { Team, TeamMember } from './teams/team.entity';
import { TeamsModule } from './teams/teams.module';
import { VOLUNTEER_CONFIG, VolunteerConfig } from './volunteer.config';
import openApiMetadata from './openapi.metadata';

@Global()
@Module({})
class VolunteerConfigModule {}

@Module({})
class VolunteerAppModule {}

export const volunteerService: ServiceDefinition = {
  name: 'volunteer',
  openApiMetadata,
  defaultPort: 3004,
  consumesEvents: true,
  module: (env) => ({
    module: VolunteerAppModule,
    imports: [
      PlatformModule.forService({
        service: 'volunteer',
        entities: [Volunteer, Certificate, TrainingRecord, Team, TeamMember, Activity, ActivitySignup, Reward, OfferView],
        migrations: [Volunteer1764000000400, IdempotentSpending1764000000401, JobLimits1764000000402, VolunteerRatings1764000000403],
        producedTopics: [TOPICS.volunteer],
        env,
      }),
      {
        module: VolunteerConfigModule,
        providers: [{ provide: VOLUNTEER_CONFIG, useValue: loadConfig(VolunteerConfig, env) }],
        exports: [VOLUNTEER_CONFIG],
      },
      AuthModule.forService(env),
      LedgerModule,
      ProfileModule,
      RegistrationModule,
      VolunteerAppApiModule,
      PointsModule,
      RewardsModule,
      TeamsModule,
      ActivitiesModule,
      StandingsModule,
      OffersModule,
    ],
  }),
};
