import { Module } from '@nestjs/common';
import { OrgUnitCopyHandler } from '@bangbang/platform';

@Module({ controllers: [OrgUnitCopyHandler] })
export class DirectoryModule {}
