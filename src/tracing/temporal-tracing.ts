import type { ClientInterceptors } from '@temporalio/client';
import {
  OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, OpenTelemetryWorkflowClientInterceptor, makeWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';
import { activeTracing } from './process-tracing';

/**
 * The client interceptor that opens a span for each start, update, signal and query and passes its context to the
 * workflow in Temporal headers; none when tracing is off.
 */
export function tracingClientInterceptors(): ClientInterceptors | undefined {
  return activeTracing() ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : undefined;
}

/**
 * What a worker needs to continue a trace: the workflow interceptors (bundled into the workflow code, deterministic by
 * design: they only read and write headers and hand finished spans to a sink), the sink that exports those spans, and
 * the activity interceptor under whose span the activity's database queries run. Empty when tracing is off, so the
 * worker and its bundle are exactly what they are without tracing.
 */
export function tracingWorkerOptions(): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  const tracing = activeTracing();
  if (!tracing) return {};
  return {
    interceptors: {
      workflowModules: [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')],
      activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}
