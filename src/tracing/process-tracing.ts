import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { RuntimeRole, TracingConfig } from '../config/brigade-config';

/** The tracing this process runs: what Temporal's workflow span sink needs, and how to flush it on the way out. */
export interface ProcessTracing {
  readonly resource: Resource;
  readonly spanProcessor: SpanProcessor;
  /** Exports the spans still buffered and stops tracing. */
  shutdown(): Promise<void>;
}

// Probes and scrapes come every few seconds and tell nothing about a case; tracing them would bury the traces that do.
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

let active: ProcessTracing | undefined;

/** The tracing `startTracing` started in this process, or undefined when tracing is off. */
export function activeTracing(): ProcessTracing | undefined {
  return active;
}

/**
 * Starts OpenTelemetry for the process when the configuration asks for it: a tracer provider with the OTLP or console
 * exporter, and the HTTP and PostgreSQL instrumentations. It must run before the app's modules load `http` and `pg`,
 * which the instrumentations patch as they are required. With tracing off it does nothing and returns undefined.
 */
export function startTracing(config: TracingConfig, role: RuntimeRole): ProcessTracing | undefined {
  if (config.mode === 'off') return undefined;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: config.serviceName, 'brigade.role': role });
  const spanProcessor = config.mode === 'otlp'
    ? new BatchSpanProcessor(new OTLPTraceExporter({ url: config.otlpTracesUrl }))
    : new SimpleSpanProcessor(new ConsoleSpanExporter());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // Registers the W3C trace-context propagator and the async-local-storage context manager that carry a span across awaits.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has(new URL(request.url ?? '/', 'http://brigade').pathname) }),
      // Statements only, never their parameters (which carry case events); and only inside a traced operation, so
      // pool housekeeping and migrations do not each become a trace of their own.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  active = {
    resource,
    spanProcessor,
    shutdown: async () => {
      unregister();
      await provider.shutdown();
      active = undefined;
    },
  };
  return active;
}
