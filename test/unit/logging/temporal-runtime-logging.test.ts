import { loggableAttributes } from '../../../src/temporal/temporal-runtime-logging';

describe('loggableAttributes', () => {
  it('keeps the plain values of an SDK log entry, such as ids, types and states', () => {
    const meta = { sdkComponent: 'worker', taskQueue: 'brigade-cases', workflowId: 'case-1', attempt: 2, isLocal: false, runId: null };

    expect(loggableAttributes(meta)).toEqual(meta);
  });

  it('leaves out objects, which may hold payloads or the data converter', () => {
    const sut = loggableAttributes({
      taskQueue: 'brigade-cases',
      options: { dataConverter: { payloadCodecs: [{ key: 'k' }] } },
      activation: { jobs: [{ initializeWorkflow: { arguments: [{ data: 'payload' }] } }] },
      result: ['payload'],
    });

    expect(sut).toEqual({ taskQueue: 'brigade-cases' });
  });

  it('leaves out an activity\'s task token, with which anyone could complete the activity', () => {
    expect(loggableAttributes({ activityId: '1', taskToken: 'CiQwMWEy' })).toEqual({ activityId: '1' });
  });

  it('passes an error on as `err`, which the logger reduces to its kind, message and stack', () => {
    const error = new Error('activity failed');

    expect(loggableAttributes({ error, durationMs: 12 })).toEqual({ err: error, durationMs: 12 });
  });

  it('answers no attributes for an entry without any', () => {
    expect(loggableAttributes(undefined)).toEqual({});
  });
});
