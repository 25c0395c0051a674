import { ExpertRepository } from '../experts/expert.repository';
import { seedExperts } from '../experts/seed-experts';
import { UsageError, type Command } from './command';
import { withDatabase } from './with-database';

/** `brigade seed`: adds the demo expert pool. */
export const seedCommand: Command = {
  summary: 'add the demo expert pool to the database; experts already present are skipped',
  usage: '',
  async run(args, config, output) {
    if (args.length > 0) throw new UsageError(`seed takes no arguments, got ${args.join(' ')}`);
    const { created, skipped } = await withDatabase(config, (dataSource) => seedExperts(new ExpertRepository(dataSource)));
    output.out(`seeded ${created} experts (${skipped} already present)`);
    return 0;
  },
};
