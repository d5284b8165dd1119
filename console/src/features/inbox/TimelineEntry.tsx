import { useConsole } from '../../app/console-context';
import { CityMap } from '../../ui/map/CityMap';
import { citizenContent, coordinates, deliveryLabel, openStreetMapUrl, splitSignature, type CitizenContent } from './entry-content';
import { mediaPath, type HistoryEntry } from './inbox-api';
import { clockTime } from './waiting-time';

/** Drawn rather than an emoji: not every attendant's computer has an emoji font. */
const PinIcon = () => (
  <svg className="bubble__pin" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M12 2a7 7 0 0 0-7 7c0 5.25 7 13 7 13s7-7.75 7-13a7 7 0 0 0-7-7Zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5Z" />
  </svg>
);

const CitizenBody = ({ content }: { content: CitizenContent }) => {
  switch (content.kind) {
    case 'photo':
      return (
        <>
          <a href={mediaPath(content.mediaId)} target="_blank" rel="noreferrer" className="bubble__photo-link">
            <img className="bubble__photo" src={mediaPath(content.mediaId)} alt={content.caption ?? 'Foto enviada pelo cidadão'} loading="lazy" />
          </a>
          {content.caption && <p className="bubble__text">{content.caption}</p>}
        </>
      );
    case 'file':
      return (
        <>
          <p className="bubble__text bubble__text--muted">{content.label}</p>
          {content.caption && <p className="bubble__text">{content.caption}</p>}
        </>
      );
    case 'location':
      return (
        <>
          <CityMap
            label="Local enviado pelo cidadão"
            className="bubble__map"
            fitMarkers
            markers={[{ id: 'local', latitude: content.latitude, longitude: content.longitude, color: '#b42318', title: content.label ?? 'Local enviado' }]}
          />
          <p className="bubble__text">
          <a href={openStreetMapUrl(content.latitude, content.longitude)} target="_blank" rel="noreferrer" className="bubble__location">
            <PinIcon />
            {coordinates(content.latitude, content.longitude)}
          </a>
          {content.label && <span className="bubble__place">{content.label}</span>}
          </p>
        </>
      );
    case 'text':
      return <p className="bubble__text">{content.text}</p>;
  }
};

/** Who wrote an outbound message: "Bot", "Você", or the attendant's first name from their signature. */
const useOutboundAuthor = (entry: HistoryEntry): { label: string; text: string; mine: boolean } => {
  const { user } = useConsole();
  if (entry.author === null) return { label: 'Bot', text: entry.text, mine: false };
  const mine = entry.author === `attendant:${user.id}`;
  const { signer, text } = splitSignature(entry.text);
  return { label: mine ? 'Você' : (signer ?? 'Atendente'), text, mine };
};

const OutboundEntry = ({ entry, time }: { entry: HistoryEntry; time: string }) => {
  const { label, text, mine } = useOutboundAuthor(entry);
  const delivery = deliveryLabel(entry.delivery);
  const failed = entry.delivery === 'failed' || entry.delivery === 'rejected';
  return (
    <li className={`timeline__row timeline__row--out${entry.author === null ? ' timeline__row--bot' : ''}`}>
      <div className={`bubble bubble--out${mine ? ' bubble--mine' : ''}`}>
        <span className="bubble__author">{label}</span>
        <p className="bubble__text">{text}</p>
        <span className="bubble__meta">
          {time}
          {delivery && <span className={failed ? 'bubble__delivery bubble__delivery--failed' : 'bubble__delivery'}> · {delivery}</span>}
        </span>
      </div>
    </li>
  );
};

/** One line of the conversation: the citizen on the left; the bot and people on the right; notes and events apart. */
export const TimelineEntry = ({ entry, citizenName }: { entry: HistoryEntry; citizenName: string }) => {
  const { config } = useConsole();
  const time = clockTime(entry.at, config.city.timezone);
  switch (entry.direction) {
    case 'in':
      return (
        <li className="timeline__row timeline__row--in">
          <div className="bubble bubble--in">
            <span className="bubble__author">{citizenName}</span>
            <CitizenBody content={citizenContent(entry)} />
            <span className="bubble__meta">{time}</span>
          </div>
        </li>
      );
    case 'out':
      return <OutboundEntry entry={entry} time={time} />;
    case 'note':
      return (
        <li className="timeline__row timeline__row--note">
          <div className="note">
            <span className="note__label">Nota interna · {time}</span>
            <p className="bubble__text">{entry.text}</p>
          </div>
        </li>
      );
    case 'event':
      return (
        <li className="timeline__row timeline__row--event">
          <span className="timeline__event">
            {entry.text} · {time}
          </span>
        </li>
      );
  }
};
