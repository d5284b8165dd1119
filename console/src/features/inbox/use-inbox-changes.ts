import { useEffect, useRef, useState } from 'react';

const FALLBACK_REFRESH_MS = 30_000;

/**
 * Calls `onChange` whenever the server announces a change to the inbox (`event: inbox` on /api/events), and every
 * 30 seconds in case the stream dropped unnoticed. EventSource reconnects by itself after a network failure.
 */
export const useInboxChanges = (onChange: () => void): void => {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const notify = (): void => latest.current();
    const source = new EventSource('/api/events');
    source.addEventListener('inbox', notify);
    // After a reconnection the changes made meanwhile were missed: read again.
    let opened = false;
    source.addEventListener('open', () => {
      if (opened) notify();
      opened = true;
    });
    const timer = window.setInterval(notify, FALLBACK_REFRESH_MS);
    return () => {
      source.close();
      window.clearInterval(timer);
    };
  }, []);
};

/** The current time, moving every `everyMs`, so "há 12 min" stays true while the screen is open. */
export const useNow = (everyMs = 30_000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
};
