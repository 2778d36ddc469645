import { Global, Module } from '@nestjs/common';
import { ProfileRefreshScanner } from './profile-refresh-scanner';
import { ProfilePublisher } from './profile-publisher';

@Global()
@Module({ providers: [ProfilePublisher, ProfileRefreshScanner], exports: [ProfilePublisher] })
export class ProfileModule {}
