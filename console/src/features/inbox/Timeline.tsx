import { Fragment, useLayoutEffect, useRef } from 'react';
import { useConsole } from '../../app/console-context';
import { Button } from '../../ui/Button';
import type { HistoryEntry } from './inbox-api';
import { TimelineEntry } from './TimelineEntry';
import { dayOf } from './waiting-time';

interface TimelineProps {
  entries: HistoryEntry[];
  citizenName: string;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  /** Changes when the attendant sends something: the view goes to the end to show it, wherever they were reading. */
  sentCount: number;
}

/** Near enough to the end that a new message should bring the view down with it. */
const NEAR_BOTTOM_PX = 120;

/**
 * The conversation, oldest to newest, with a line for each new day. Opens at the newest message and follows new ones
 * while the reader is at the end; older pages load above without moving what is on screen.
 */
export const Timeline = ({ entries, citizenName, hasOlder, loadingOlder, onLoadOlder, sentCount }: TimelineProps) => {
  const { config } = useConsole();
  const scroller = useRef<HTMLDivElement>(null);
  const seen = useRef<{ first: string | undefined; last: string | undefined; height: number; atBottom: boolean; sent: number }>({
    first: undefined,
    last: undefined,
    height: 0,
    atBottom: true,
    sent: sentCount,
  });

  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const first = entries[0]?.at;
    const last = entries.at(-1)?.at;
    const before = seen.current;
    if (before.first !== undefined && first !== before.first && last === before.last) {
      // Older messages arrived above: keep the same message under the reader's eyes.
      box.scrollTop += box.scrollHeight - before.height;
    } else if (before.atBottom || before.sent !== sentCount) {
      box.scrollTop = box.scrollHeight;
    }
    seen.current = { first, last, height: box.scrollHeight, atBottom: box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_BOTTOM_PX, sent: sentCount };
  }, [entries, sentCount]);

  const onScroll = (): void => {
    const box = scroller.current;
    if (box) seen.current.atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_BOTTOM_PX;
  };

  return (
    <div className="timeline" ref={scroller} onScroll={onScroll} tabIndex={0} aria-label="Mensagens da conversa">
      {hasOlder && (
        <div className="timeline__older">
          <Button variant="secondary" busy={loadingOlder} onClick={onLoadOlder}>
            Carregar mensagens anteriores
          </Button>
        </div>
      )}
      <ol className="timeline__list">
        {entries.map((entry, index) => {
          const day = dayOf(entry.at, config.city.timezone);
          const previous = entries[index - 1];
          const newDay = !previous || dayOf(previous.at, config.city.timezone) !== day;
          return (
            <Fragment key={`${entry.at}-${entry.direction}-${index}`}>
              {newDay && (
                <li className="timeline__day" aria-hidden="true">
                  <span>{day}</span>
                </li>
              )}
              <TimelineEntry entry={entry} citizenName={citizenName} />
            </Fragment>
          );
        })}
      </ol>
    </div>
  );
};
