import { outboundText, type LocationInput } from '../../src/channels/simulator/index.js';
import type { TestApp } from './test-app.js';

/**
 * A citizen on the simulator, talking to the real server: each action sends one message, waits for Meta's
 * acknowledgement, then for the bot's reply containing `expected`, and returns that reply's text. When the reply
 * never comes, the error shows what the bot did say.
 */
export const scriptedCitizen = (testApp: TestApp, phone: string, name: string) => {
  const simulator = testApp.app.simulator;
  if (!simulator) throw new Error('the test app should run in simulator mode');

  const exchange = async (send: () => { acknowledged: Promise<void> }, expected: string): Promise<string> => {
    await send().acknowledged;
    try {
      return outboundText(await simulator.waitForOutbound(phone, (m) => outboundText(m).includes(expected), 5_000));
    } catch {
      const said = (simulator.conversation(phone)?.messages ?? []).slice(-4).map((m) => `${m.direction}: ${m.direction === 'out' ? outboundText(m) : JSON.stringify(m.message)}`);
      throw new Error(`expected a reply containing "${expected}"; the last messages were:\n${said.join('\n')}`);
    }
  };

  return {
    phone,
    says: (text: string, expected: string) => exchange(() => simulator.sendText(phone, name, text), expected),
    taps: (replyId: string, expected: string) => exchange(() => simulator.sendReply(phone, name, replyId), expected),
    pins: (location: LocationInput, expected: string) => exchange(() => simulator.sendLocation(phone, name, location), expected),
    /** First contact, declining registration: the privacy notice, then the menu. */
    async declinesRegistration(): Promise<void> {
      await exchange(() => simulator.sendText(phone, name, 'oi'), 'LGPD');
      await exchange(() => simulator.sendReply(phone, name, 'consent:no'), 'Como posso ajudar');
    },
    /** Declines registration, starts a street-light request and asks for a person: waits in Seihab's queue. */
    async asksForPersonAboutStreetLight(): Promise<void> {
      await this.declinesRegistration();
      await exchange(() => simulator.sendText(phone, name, 'poste apagado'), 'Iluminação pública');
      await exchange(() => simulator.sendReply(phone, name, 'svc:iluminacao-publica'), 'Onde fica o poste');
      await exchange(() => simulator.sendText(phone, name, 'quero falar com um atendente'), 'equipe de atendimento');
    },
    /** First contact, registering: accepts the terms, gives a name and a place the bot confirms, takes the broadcasts. */
    async registers(registeredName: string, place: string, placeConfirmed: string): Promise<void> {
      await this.says('oi', 'LGPD');
      await this.taps('consent:yes', 'Como você gostaria de ser chamado');
      await this.says(registeredName, 'Prazer');
      await this.says(place, placeConfirmed);
      await this.taps('place:yes', 'avisos');
      await this.taps('optin:yes', 'Tudo certo');
    },
    /** Reports a street light pinned at the Praça dos Girassóis, skipping photo and reference; returns the protocol. */
    async reportsStreetLight(): Promise<string> {
      await this.says('o poste da minha rua está apagado', 'Iluminação pública');
      await this.taps('svc:iluminacao-publica', 'Onde fica o poste');
      await this.pins({ latitude: -10.1844, longitude: -48.3336 }, 'Conte em poucas palavras');
      await this.says('poste apagado há 3 dias na alameda 5', 'foto');
      await this.taps('skip', 'ponto de referência');
      await this.taps('skip', 'Confira o pedido');
      const done = await this.taps('req:confirm', 'Protocolo');
      return /\*(\d{4}-\d{6})\*/.exec(done)?.[1] ?? '';
    },
  };
};
