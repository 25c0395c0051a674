import { ExpertRepository } from '../experts/expert.repository';
import { seedExperts } from '../experts/seed-experts';
import { PostgresPartnerContactStore } from '../partner-contacts/postgres-partner-contact-store';
import { seedPartnerContacts } from '../partner-directory/seed-partner-contacts';
import { UsageError, type Command } from './command';
import { withDatabase } from './with-database';

/** `brigade seed`: adds the demo expert pool and the demo partner contact points. */
export const seedCommand: Command = {
  summary: 'add the demo expert pool and partner contact points to the database; what is already present is skipped',
  usage: '',
  async run(args, config, output) {
    if (args.length > 0) throw new UsageError(`seed takes no arguments, got ${args.join(' ')}`);
    const { experts, contacts } = await withDatabase(config, async (dataSource) => ({
      experts: await seedExperts(new ExpertRepository(dataSource)),
      contacts: await seedPartnerContacts(new PostgresPartnerContactStore(dataSource)),
    }));
    output.out(`seeded ${experts.created} experts (${experts.skipped} already present)`);
    output.out(`seeded ${contacts.created} partner contact points (${contacts.skipped} already present)`);
    return 0;
  },
};
