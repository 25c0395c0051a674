import { Module, type DynamicModule } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { CaseState } from '../../src/domain/case.state';

/** One update or signal as the fake Temporal client received it. */
export interface SentMessage {
  readonly workflowId: string;
  readonly kind: 'update' | 'signal';
  readonly name: string;
  readonly input: unknown;
}

/**
 * Stands in for Temporal's client: this file is about the HTTP layer, so the fake records what was sent and answers
 * with a canned live state; the workflow's own behaviour is tested against the real test server elsewhere.
 */
export class FakeTemporal {
  readonly sent: SentMessage[] = [];
  readonly started: Array<{ workflowId: string; args: unknown[] }> = [];
  /** The live state of each running case workflow, by case id; null before its first event. */
  readonly running = new Map<string, CaseState | null>();
  /** What the next update to a case fails with, by case id. */
  readonly updateFailures = new Map<string, Error>();
  /** What every signal to a case fails with, by case id, until removed. */
  readonly signalFailures = new Map<string, Error>();
  /** What the next query to a case fails with, by case id. */
  readonly queryFailures = new Map<string, Error>();

  /** The fake answers at once, so the deadline the API sets on its Temporal calls never expires here. */
  withDeadline<T>(_deadline: number | Date, calls: () => Promise<T>): Promise<T> {
    return calls();
  }

  readonly workflow = {
    start: async (_type: string, options: { workflowId: string; args: unknown[] }) => {
      this.started.push({ workflowId: options.workflowId, args: options.args });
    },
    getHandle: (workflowId: string) => ({
      executeUpdate: async (update: { name: string }, options: { args: [unknown] }) => {
        const state = this.live(workflowId);
        this.sent.push({ workflowId, kind: 'update', name: update.name, input: options.args[0] });
        const failure = this.updateFailures.get(caseIdOf(workflowId));
        if (failure) throw failure;
        return state;
      },
      signal: async (signal: { name: string }, input: unknown) => {
        this.live(workflowId);
        const failure = this.signalFailures.get(caseIdOf(workflowId));
        if (failure) throw failure;
        this.sent.push({ workflowId, kind: 'signal', name: signal.name, input });
      },
      query: async () => {
        const failure = this.queryFailures.get(caseIdOf(workflowId));
        if (failure) throw failure;
        return this.live(workflowId);
      },
    }),
  };

  sentTo(caseId: string): SentMessage[] {
    return this.sent.filter((message) => message.workflowId === `case-${caseId}`);
  }

  private live(workflowId: string): CaseState | null {
    const caseId = caseIdOf(workflowId);
    if (!this.running.has(caseId)) throw new WorkflowNotFoundError('workflow not found', workflowId, undefined);
    return this.running.get(caseId) ?? null;
  }
}

const caseIdOf = (workflowId: string) => workflowId.replace(/^case-/, '');

/** Provides the fake in place of the real client, which `TemporalModule` would otherwise connect to a server. */
export function fakeTemporalModule(fake: FakeTemporal): DynamicModule {
  @Module({})
  class FakeTemporalModule {}
  return { module: FakeTemporalModule, global: true, providers: [{ provide: Client, useValue: fake }], exports: [Client] };
}

