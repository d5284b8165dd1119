import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { useTestApp } from '../support/test-app.js';

// Friday 2026-12-25, Christmas, 12:00 in Palmas: a holiday, so people answer on Monday.
const clock = new ManualClock('2026-12-25T15:00:00Z');
const testApp = useTestApp({ clock });

const registered = async (phone: string, name: string) => {
  const citizen = scriptedCitizen(testApp(), phone, name);
  await citizen.says('oi', 'LGPD');
  await citizen.taps('consent:yes', 'Como você gostaria de ser chamado');
  await citizen.says(name, `Prazer, ${name}!`);
  await citizen.says('taquaralto', 'Taquaralto');
  await citizen.taps('place:yes', 'avisos');
  await citizen.taps('optin:yes', `Tudo certo, ${name}!`);
  return citizen;
};

describe('the words that work everywhere, guidance and a holiday, through the real server', () => {
  it('on a holiday says a person answers on the next business day', async () => {
    const ivo = scriptedCitizen(testApp(), '5563999990501', 'Ivo');
    await ivo.declinesRegistration();
    expect(await ivo.says('falar com alguém', 'fora do horário')).toContain('segunda-feira, às 13h30');
  });

  it('answers a health question from the Carta de Serviços, and the guidance service from the menu still answers', async () => {
    const jo = scriptedCitizen(testApp(), '5563999990502', 'Jo');
    await jo.declinesRegistration();
    await jo.says('onde eu vacino meu filho?', 'Mais detalhes');
    await jo.says('menu', 'Como posso ajudar');
    await jo.taps('grp:saude', 'Escolha o serviço');
    expect(await jo.taps('svc:saude-orientacao', 'Unidade de Saúde da Família')).toContain('Cartão do SUS');
  });

  it('SAIR leaves the broadcast list after confirming, AVISOS comes back, and both are stored', async () => {
    const kiko = await registered('5563999990503', 'Kiko');
    await kiko.says('SAIR', 'Confirma?');
    await kiko.taps('optout:yes', 'saiu da lista');
    const profile = () => testApp().app.storage.db.selectFrom('citizen_profiles').selectAll().where('citizen_key', '=', kiko.phone).executeTakeFirstOrThrow();
    expect((await profile()).broadcast_opted_out_at).not.toBeNull();
    await kiko.says('avisos', 'Sobre o que você quer receber avisos');
    await kiko.taps('topics:all', 'vai receber os avisos');
    expect(await profile()).toMatchObject({ broadcast_opted_out_at: null });
  });

  it('"meus dados" tells what is kept, and "apagar meus dados", once confirmed, erases the citizen and keeps their request', async () => {
    const { app } = testApp();
    const lu = await registered('5563999990504', 'Lu');
    const data = await lu.says('meus dados', 'dados que guardamos');
    expect(data).toContain('Nome: Lu');
    expect(data).toContain('Taquaralto');
    await lu.says('buraco na rua', 'buraco');
    const opened = await app.storage.db.selectFrom('service_requests').select(['id']).where('citizen_key', '=', lu.phone).execute();
    await lu.says('apagar meus dados', 'Confirma?');
    await lu.taps('delete:yes', 'Em alguns minutos seus dados serão apagados');
    // The erasure waits for the confirmation to reach Meta; retries run on the app's clock, stopped in this test.
    const db = app.storage.db;
    for (let tries = 0; (await db.selectFrom('citizens').select('key').where('key', '=', lu.phone).execute()).length > 0; tries += 1) {
      if (tries > 100) throw new Error('the citizen was not erased');
      clock.advance(5_000);
      app.jobs.wake.notify();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const table of ['inbound_messages', 'citizen_profiles', 'conversations', 'data_requests', 'consent_events'] as const) {
      expect(await db.selectFrom(table).select('citizen_key').where('citizen_key', '=', lu.phone).execute(), table).toEqual([]);
    }
    expect(await db.selectFrom('outbox').select('id').where('recipient', '=', lu.phone).execute()).toEqual([]);
    const audit = await db.selectFrom('audit_log').select(['actor_user_id', 'details']).where('action', '=', 'citizen.anonymised').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_user_id).toBeNull();
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ askedBy: 'citizen', requestsKept: opened.length });
    // Back later, Lu is a stranger: the channel starts over.
    await lu.says('oi', 'LGPD');
  });
});
