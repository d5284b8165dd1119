import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { useTestApp } from '../support/test-app.js';

/** Pins the citizens drop: one in Palmas (Praça dos Girassóis), one in Goiânia. */
const PALMAS = { latitude: -10.1844, longitude: -48.3336 };
const GOIANIA = { latitude: -16.6869, longitude: -49.2648 };

// Monday 2026-11-30, 14:00 in Palmas: attendance is open.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });

const citizen = (phone: string, name: string) => scriptedCitizen(testApp(), phone, name);

describe('wrong answers at every step, through the real server and the simulator', () => {
  it('registration: a name made of emoji, a place outside Palmas, "não sei", then the menu', async () => {
    const carla = citizen('5563999990401', 'Carla');
    await carla.says('oi', 'LGPD');
    await carla.taps('consent:yes', 'Como você gostaria de ser chamado');
    await carla.says('😀🎉🙏', 'Não entendi o nome');
    await carla.says('Carla', 'Prazer, Carla!');
    await carla.pins(GOIANIA, 'fora de Palmas');
    await carla.says('goiania', 'fora de Palmas');
    await carla.says('perto da casa da minha tia', 'Não encontrei esse lugar');
    await carla.says('não sei', 'avisos');
    expect(await carla.taps('optin:no', 'Tudo certo, Carla!')).toContain('Como posso ajudar');
    const profile = await testApp().app.storage.db.selectFrom('citizen_profiles').selectAll().where('citizen_key', '=', carla.phone).executeTakeFirst();
    expect(profile).toMatchObject({ name: 'Carla', place_id: null, broadcast_opted_in_at: null });
  });

  it('a request: "não sei" for the place, a pin outside Palmas, a too-short description, then a protocol', async () => {
    const davi = citizen('5563999990402', 'Davi');
    await davi.declinesRegistration();
    await davi.says('tem um buraco enorme na minha rua', 'Tapa-buraco');
    await davi.taps('svc:tapa-buraco', 'Onde fica?');
    await davi.says('não sei', 'ponto de referência');
    await davi.pins(GOIANIA, 'fora de Palmas');
    await davi.says('ARSE 12', 'Descreva o buraco');
    await davi.says('ok', 'Pode contar um pouco mais');
    await davi.says('não sei', 'cancelar');
    await davi.says('buraco grande no meio da pista, carros desviando', 'foto');
    await davi.taps('skip', 'ponto de referência');
    await davi.says('pular', 'Confira o pedido');
    const opened = await davi.taps('req:confirm', 'Protocolo');
    expect(opened).toMatch(/\*2026-\d{6}\*/);
    const request = await testApp().app.storage.db.selectFrom('service_requests').selectAll().where('citizen_key', '=', davi.phone).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ service_code: 'tapa-buraco', place_id: expect.any(String), description: 'buraco grande no meio da pista, carros desviando' });
  });

  it('switching subject mid-request: offered, taken, and the new request starts from its first question', async () => {
    const edu = citizen('5563999990403', 'Edu');
    await edu.declinesRegistration();
    await edu.says('buraco na rua', 'Tapa-buraco');
    await edu.taps('svc:tapa-buraco', 'Onde fica?');
    await edu.pins(PALMAS, 'Descreva o buraco');
    expect(await edu.says('na verdade quero pedir poda de árvore', 'Quer deixar esse pedido')).toContain('Galhadas e árvores');
    await edu.taps('switch:yes', 'Onde fica?');
    await edu.pins(PALMAS, 'O que precisa ser retirado');
  });

  it('silence, then a return after 30 minutes: offers to continue where it stopped', async () => {
    const fabi = citizen('5563999990404', 'Fabi');
    await fabi.declinesRegistration();
    await fabi.says('poste apagado', 'Iluminação pública');
    await fabi.taps('svc:iluminacao-publica', 'Onde fica o poste');
    clock.advance(31 * 60 * 1000);
    expect(await fabi.says('oi', 'continuar de onde parou')).toContain('um pedido que você começou');
    await fabi.taps('resume:yes', 'Onde fica o poste');
    await fabi.pins(PALMAS, 'Conte em poucas palavras');
  });

  it('asking for a person in the middle of a request queues for that service\'s department', async () => {
    const gil = citizen('5563999990405', 'Gil');
    await gil.declinesRegistration();
    await gil.says('poste apagado', 'Iluminação pública');
    await gil.taps('svc:iluminacao-publica', 'Onde fica o poste');
    await gil.says('quero falar com um atendente', 'equipe de atendimento');
    await gil.says('o poste está soltando faísca', 'fila');
    const handoff = await testApp().app.storage.db.selectFrom('handoffs').selectAll().where('citizen_key', '=', gil.phone).executeTakeFirstOrThrow();
    expect(handoff).toMatchObject({ department_id: 'seihab', status: 'waiting', attendance_open: 1 });
  });

  it('registration skipped at every step still reaches the menu, and the first question is answered after consent', async () => {
    const hugo = citizen('5563999990406', 'Hugo');
    await hugo.says('o caminhão do lixo não passou', 'LGPD');
    await hugo.taps('consent:yes', 'Como você gostaria de ser chamado');
    await hugo.says('pular', 'Em qual quadra ou bairro');
    await hugo.says('pular', 'avisos');
    expect(await hugo.says('não', 'Tudo certo!')).toContain('Como posso ajudar');
  });
});
