/** The built-in WhatsApp simulator: a fake Graph API, simulated citizens and the `/simulador` chat page. */
export { Simulator, GRAPH_PREFIX } from './simulator.js';
export { registerSimulatorRoutes } from './register-routes.js';
export { startSimulatorServer, type StandaloneSimulator } from './standalone-server.js';
export { SimulatorInputError, type LocationInput, type MediaInput } from './citizen-actions.js';
export { WebhookDeliveryError } from './webhook-emitter.js';
export { outboundText } from './outbound-text.js';
export type { ContactCard } from './webhook-payloads.js';
export type {
  ChatError,
  ChatEvent,
  ChatMessage,
  Conversation,
  InboundChatMessage,
  InboundHandle,
  InjectedFailure,
  OutboundChatMessage,
  Pricing,
  SimulatorEventMap,
  SimulatorOptions,
  SimulatorTemplate,
  TemplateCategory,
  TemplateStatus,
  WebhookDeliveryOptions,
} from './types.js';
