import { Module } from '@nestjs/common';
import { PartnerContactsModule } from '../partner-contacts/partner-contacts.module';
import { PartnerContactsController } from './partner-contacts.controller';
import { PartnerContactsService } from './partner-contacts.service';

/** The partner directory: the coordinators' routes for the partners' contact points, and the lookup the sender reads. */
@Module({
  imports: [PartnerContactsModule],
  controllers: [PartnerContactsController],
  providers: [PartnerContactsService],
  exports: [PartnerContactsModule],
})
export class PartnerDirectoryModule {}
