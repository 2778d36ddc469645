import { Module } from '@nestjs/common';
import { BlockedNumbers } from './blocked-numbers.service';
import { CtiAdminController } from './cti-admin.controller';
import { CtiTokens } from './cti-tokens.service';
import { PbxController } from './pbx.controller';
import { PbxEvents } from './pbx-events.service';

@Module({ controllers: [PbxController, CtiAdminController], providers: [CtiTokens, BlockedNumbers, PbxEvents] })
export class CtiModule {}
