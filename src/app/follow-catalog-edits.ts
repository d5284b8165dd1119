import type { LiveCatalog } from '../domain/catalog-edits/index.js';
import type { LiveEvents } from '../platform/live-events.js';
import type { Logger } from '../platform/logger.js';

/** Without Redis (or if a message is lost), an instance still picks up another's edits within this time. */
export const CATALOG_POLL_MS = 30_000;

/**
 * Keeps this instance's catalog and classifier in step with edits made on any instance: at once on a `catalog` live
 * event, and by a cheap revision check now and then. Returns the function that stops following.
 */
export const followCatalogEdits = (live: LiveCatalog, liveEvents: LiveEvents, logger: Logger): (() => void) => {
  const refresh = () => {
    live.refreshIfChanged().catch((error: unknown) => logger.warn({ err: error }, 'could not reload catalog edits'));
  };
  const unsubscribe = liveEvents.subscribe((event) => {
    if (event.type === 'catalog') refresh();
  });
  const timer = setInterval(refresh, CATALOG_POLL_MS);
  timer.unref();
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
};
