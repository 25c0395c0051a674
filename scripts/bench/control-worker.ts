import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createControlActivities } from './control.activities';

/** A bare Temporal worker for the control workflows, run as its own process so its memory can be read: `<address> <task queue>`. */
async function runControlWorker(): Promise<void> {
  const [address, taskQueue] = process.argv.slice(2);
  if (!address || !taskQueue) throw new Error('usage: control-worker <temporal address> <task queue>');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection, taskQueue, workflowsPath: require.resolve('./workflows'), activities: createControlActivities(),
  });
  process.once('SIGTERM', () => worker.shutdown());
  process.once('SIGINT', () => worker.shutdown());
  await worker.run();
  await connection.close();
}

runControlWorker().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
