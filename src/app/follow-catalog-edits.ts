import type { LiveEvent, LiveEvents } from '../platform/live-events.js';
import type { Logger } from '../platform/logger.js';

/** Without Redis (or if a message is lost), an instance still picks up another's edits within this time. */
export const CATALOG_POLL_MS = 30_000;

/** What reloads coordinators' edits (the catalog and classifier, the Carta de Serviços). */
export interface LiveEdits {
  refreshIfChanged(): Promise<boolean>;
}

/**
 * Keeps this instance's catalog and classifier (or Carta) in step with edits made on any instance: at once on the
 * matching live event, and by a cheap revision check now and then. Returns the function that stops following.
 */
export const followCatalogEdits = (live: LiveEdits, liveEvents: LiveEvents, logger: Logger, eventType: LiveEvent['type'] = 'catalog'): (() => void) => {
  const refresh = () => {
    live.refreshIfChanged().catch((error: unknown) => logger.warn({ err: error, edits: eventType }, 'could not reload edits'));
  };
  const unsubscribe = liveEvents.subscribe((event) => {
    if (event.type === eventType) refresh();
  });
  const timer = setInterval(refresh, CATALOG_POLL_MS);
  timer.unref();
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
};
