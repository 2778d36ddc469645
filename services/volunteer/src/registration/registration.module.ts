import { Module } from '@nestjs/common';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';
import { VolunteerView } from './volunteer-view';

@Module({
  controllers: [RegistrationController],
  providers: [RegistrationService, VolunteerView],
  exports: [RegistrationService, VolunteerView],
})
export class RegistrationModule {}
