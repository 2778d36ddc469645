import { Module } from '@nestjs/common';
import { RegistrationModule } from '../registration/registration.module';
import { MeController } from './me.controller';

@Module({ imports: [RegistrationModule], controllers: [MeController] })
export class VolunteerAppApiModule {}
