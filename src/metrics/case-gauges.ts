import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { DEADLINE_KINDS, nextDeadline } from '../domain/next-deadline';
import { CASE_STAGES } from '../domain/case.vocabulary';
import { CASE_READ_MODEL, type CaseReadModel } from '../read-model/case-read-model.port';

/**
 * The case gauges, computed from the read model when Prometheus scrapes: cases by stage, open cases whose next deadline
 * has passed (SLA breaches), and open escalations by rung. Only aggregates: no case id, name or municipality.
 */
@Injectable()
export class CaseGauges implements OnModuleInit {
  /** Failed reads not yet counted, by gauge name. */
  private readonly unreported = new Map<string, number>();
  private readonly reading = new Set<Promise<void>>();

  constructor(private readonly registry: Registry, @Inject(CASE_READ_MODEL) private readonly reader: CaseReadModel) {}

  onModuleInit(): void {
    this.gauge('brigade_cases', 'Cases in the read model, by stage.', ['stage'], async (set) => {
      const counts = await this.reader.casesByStage();
      // Every stage is reported, empty ones as 0, so a stage that empties shows as a drop rather than a gap.
      for (const stage of new Set([...CASE_STAGES, ...counts.keys()])) set({ stage }, counts.get(stage) ?? 0);
    });
    this.gauge(
      'brigade_cases_past_deadline',
      'Open cases whose next deadline (offer expiry, task due, escalation acknowledgement, follow-up due) has passed, by its kind.',
      ['deadline'],
      async (set) => {
        const now = Date.now();
        const breached = new Map(DEADLINE_KINDS.map((kind) => [kind, 0]));
        for (const sources of await this.reader.openCaseDeadlines()) {
          const next = nextDeadline(sources);
          if (next && Date.parse(next.at) < now) breached.set(next.kind, (breached.get(next.kind) ?? 0) + 1);
        }
        for (const [deadline, count] of breached) set({ deadline }, count);
      },
    );
    this.gauge(
      'brigade_open_escalations',
      'Escalations on open cases still waiting for acknowledgement, by rung of the ladder and who it is with.',
      ['level', 'target'],
      async (set) => {
        for (const { level, target, count } of await this.reader.openEscalations()) set({ level: String(level), target }, count);
      },
    );
    // Registered last: the registry starts every metric's collection in order, so the gauges' reads have begun when
    // this one waits for them, and a failure is counted in the same scrape that leaves its gauge out.
    const { unreported, reading } = this;
    new Counter({
      name: 'brigade_case_metrics_read_failures_total',
      help: 'Scrapes in which a case gauge could not be read from the database; that gauge was left out of the answer.',
      labelNames: ['gauge'],
      registers: [this.registry],
      async collect() {
        await Promise.all([...reading]);
        for (const [gauge, count] of unreported) this.inc({ gauge }, count);
        unreported.clear();
      },
    });
  }

  // Each scrape starts from an empty gauge, so a label whose cases are gone disappears instead of keeping its last value;
  // a database outage leaves the gauge out rather than failing the whole scrape, when process and Temporal metrics matter most.
  private gauge<L extends string>(
    name: string, help: string, labelNames: readonly L[], fill: (set: (labels: Record<L, string>, value: number) => void) => Promise<void>,
  ): void {
    const { unreported, reading } = this;
    new Gauge<L>({
      name, help, labelNames, registers: [this.registry],
      async collect() {
        this.reset();
        const read = fill((labels, value) => this.set(labels as never, value)).catch(() => {
          this.reset();
          unreported.set(name, (unreported.get(name) ?? 0) + 1);
        });
        reading.add(read);
        try {
          await read;
        } finally {
          reading.delete(read);
        }
      },
    });
  }
}
