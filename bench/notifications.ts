import { serializeLikeMeta, sign } from '../src/channels/whatsapp-cloud/signature.js';

export const BENCH_SECRET = 'bench-app-secret';
export const BENCH_PHONE_NUMBER_ID = '106540352242922';

/** A signed text notification as Meta would send it, with accents so the escaping path is exercised. */
export const signedTextNotification = (wamid: string, from: string, text = 'Olá, tem um poste apagado na 104 Sul') => {
  const body = serializeLikeMeta({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '556332127500', phone_number_id: BENCH_PHONE_NUMBER_ID },
      contacts: [{ profile: { name: 'Cidadão de Palmas' }, wa_id: from }],
      messages: [{ from, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }],
    } }] }],
  });
  return { body, signature: sign(BENCH_SECRET, body) };
};
