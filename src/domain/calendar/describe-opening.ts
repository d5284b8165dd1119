import { createTranslator, type Translate } from '../../platform/i18n.js';
import { daysBetween } from './local-date.js';
import { zonedParts } from './zoned-time.js';

/**
 * The words describeOpening needs, as city-profile text keys. These pt-BR defaults are also in
 * city/palmas/texts.pt-BR.json; a city in another language passes a translator over its own texts.
 */
export const OPENING_TEXTS_PT_BR: Readonly<Record<string, string>> = {
  'calendar.opening.now': 'agora',
  'calendar.opening.today': 'hoje, às {time}',
  'calendar.opening.tomorrow': 'amanhã, às {time}',
  'calendar.opening.weekday': '{weekday}, às {time}',
  'calendar.opening.weekdayDate': '{weekday}, {date}, às {time}',
  'calendar.time.hours': '{hours}h',
  'calendar.time.hoursMinutes': '{hours}h{minutes}',
  'calendar.date.dayMonth': '{day}/{month}',
  'calendar.weekday.0': 'domingo',
  'calendar.weekday.1': 'segunda-feira',
  'calendar.weekday.2': 'terça-feira',
  'calendar.weekday.3': 'quarta-feira',
  'calendar.weekday.4': 'quinta-feira',
  'calendar.weekday.5': 'sexta-feira',
  'calendar.weekday.6': 'sábado',
};

const defaultTranslate = createTranslator({ ...OPENING_TEXTS_PT_BR });

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * Says when attendance opens, relative to `now`, in the city's timezone:
 * same day → "hoje, às 13h30"; next day → "amanhã, às 13h30"; 2–6 days ahead → "segunda-feira, às 13h30"
 * (the coming one, so the weekday alone is unambiguous); 7 or more days ahead → "terça-feira, 21/04, às 13h30"
 * (a bare weekday would then point to the wrong week). Whole hours drop the minutes ("às 14h").
 * An opening at or before `now` is "agora".
 */
export const describeOpening = (date: Date, now: Date, timezone: string, translate: Translate = defaultTranslate): string => {
  if (date.getTime() <= now.getTime()) return translate('calendar.opening.now');
  const at = zonedParts(date, timezone);
  const today = zonedParts(now, timezone);
  const time =
    at.minute === 0
      ? translate('calendar.time.hours', { hours: at.hour })
      : translate('calendar.time.hoursMinutes', { hours: at.hour, minutes: two(at.minute) });
  const ahead = daysBetween(today, at);
  if (ahead === 0) return translate('calendar.opening.today', { time });
  if (ahead === 1) return translate('calendar.opening.tomorrow', { time });
  const weekday = translate(`calendar.weekday.${at.weekday}`);
  if (ahead < 7) return translate('calendar.opening.weekday', { weekday, time });
  const dayMonth = translate('calendar.date.dayMonth', { day: two(at.day), month: two(at.month) });
  return translate('calendar.opening.weekdayDate', { weekday, date: dayMonth, time });
};
