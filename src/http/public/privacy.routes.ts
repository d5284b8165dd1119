import type { FastifyInstance } from 'fastify';
import type { CityProfile } from '../../config/city-profile.js';
import { currentLines } from '../../domain/catalog/index.js';
import { createTranslator } from '../../platform/i18n.js';
import { escapeHtml, publicPage, textToHtml } from './html.js';

export interface PrivacyPageDeps {
  city: Pick<CityProfile, 'name' | 'channelName' | 'texts' | 'contacts' | 'whatsapp'>;
  /** MESSAGE_RETENTION_MONTHS: what the page promises is what the maintenance loop does. */
  retentionMonths: number;
}

const SECTIONS = ['collected', 'purpose', 'basis', 'sharing', 'retention', 'rights', 'contact'] as const;

/** "556332127500" as people read it: "(63) 3212-7500". */
const formatPhone = (digits: string): string => {
  const local = digits.replace(/^55/, '');
  return local.length >= 10 ? `(${local.slice(0, 2)}) ${local.slice(2, -4)}-${local.slice(-4)}` : digits;
};

/** The channel's privacy notice, from the city's texts and the retention actually configured. */
export const privacyPageHtml = ({ city, retentionMonths }: PrivacyPageDeps): string => {
  const t = createTranslator(city.texts);
  const ombudsman = currentLines(city.contacts).find((line) => line.id === 'ouvidoria');
  const contact = ombudsman ? [ombudsman.name, ombudsman.phone, ombudsman.email].filter(Boolean).join(' · ') : city.name;
  const values = { city: city.name, channel: city.channelName, phone: formatPhone(city.whatsapp.displayPhoneNumber), months: String(retentionMonths), contact };
  const section = (id: (typeof SECTIONS)[number]) => {
    const body = id === 'retention' && retentionMonths === 0 ? t('privacyPage.retention.forever') : t(`privacyPage.${id}.body`, values);
    return `<section><h2>${escapeHtml(t(`privacyPage.${id}.title`))}</h2>\n${textToHtml(body)}</section>`;
  };
  const body = [`<h1>${escapeHtml(t('privacyPage.title', values))}</h1>`, textToHtml(t('privacyPage.intro', values)), ...SECTIONS.map(section), `<footer>${escapeHtml(t('privacyPage.updated'))}</footer>`].join('\n');
  return publicPage({ title: t('privacyPage.title', values), site: `${city.name} · ${city.channelName}`, body });
};

/** GET /privacidade: the privacy notice the channel links to (set the profile's privacyPolicyUrl to it). */
export const registerPrivacyPage = (app: FastifyInstance, deps: PrivacyPageDeps): void => {
  const html = privacyPageHtml(deps);
  app.get('/privacidade', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'public, max-age=3600').send(html),
  );
};
