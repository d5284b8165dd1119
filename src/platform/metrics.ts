import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Every Prometheus metric the product exposes, on one registry per app instance (tests run several). */
export const createMetrics = () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    webhookRequests: new Counter({ name: 'whatsapp_webhook_requests_total', help: 'Webhook POSTs by outcome', labelNames: ['outcome'], registers }),
    inboundMessages: new Counter({ name: 'whatsapp_inbound_messages_total', help: 'Inbound messages stored, by type', labelNames: ['type'], registers }),
    inboundDuplicates: new Counter({ name: 'whatsapp_inbound_duplicates_total', help: 'Redelivered messages acknowledged and ignored', registers }),
    statuses: new Counter({ name: 'whatsapp_statuses_total', help: 'Delivery statuses received', labelNames: ['status'], registers }),
    jobsProcessed: new Counter({ name: 'jobs_processed_total', help: 'Jobs by kind and outcome', labelNames: ['kind', 'outcome'], registers }),
    outboundSent: new Counter({ name: 'whatsapp_outbound_total', help: 'Outbound sends by outcome and Graph error code', labelNames: ['outcome', 'code'], registers }),
    graphLatency: new Histogram({
      name: 'whatsapp_graph_request_seconds',
      help: 'Graph API send latency',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    replyLatency: new Histogram({
      name: 'whatsapp_reply_seconds',
      help: 'From storing an inbound message to Graph accepting the first reply',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    intakeBatchSize: new Histogram({
      name: 'whatsapp_webhook_batch_size',
      help: 'Webhook notifications committed together in one transaction (group commit)',
      buckets: [1, 2, 4, 8, 16, 32, 64],
      registers,
    }),
    processingLag: new Histogram({
      name: 'whatsapp_processing_lag_seconds',
      help: 'From storing an inbound message to committing its answer',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
    broadcastProgress: new Gauge({
      name: 'broadcast_messages',
      help: 'Broadcasts being sent or paused: their audience and how many were sent, delivered, read and failed',
      labelNames: ['broadcast', 'figure'],
      registers,
    }),
    inboxWaiting: new Gauge({ name: 'inbox_waiting', help: 'Citizens waiting for a person, by department (general: the general queue)', labelNames: ['department'], registers }),
    sendingPaused: new Gauge({ name: 'whatsapp_sending_paused', help: '1 while sending is paused (invalid access token)', registers }),
    graphUnavailable: new Gauge({ name: 'whatsapp_graph_unavailable', help: '1 while this process holds sends back because the Graph API is failing (circuit open)', registers }),
    queueDepth: new Gauge({ name: 'queue_depth', help: 'Rows waiting, by queue and state', labelNames: ['queue', 'state'], registers }),
    requestsOpen: new Gauge({ name: 'service_requests_open', help: 'Service requests still open, by department', labelNames: ['department'], registers }),
    requestsOverdue: new Gauge({ name: 'service_requests_overdue', help: 'Open service requests past their due date, by department', labelNames: ['department'], registers }),
  };
};

export type Metrics = ReturnType<typeof createMetrics>;
