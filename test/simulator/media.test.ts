import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphClient } from '../../src/channels/whatsapp-cloud/graph-client.js';
import { CITIZEN, PHONE_NUMBER_ID, TOKEN, startHarness, type GraphBody, type Harness } from './support.js';

let harness: Harness;
afterEach(async () => harness?.close());

const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('foto do buraco na quadra 104 norte'), 0xff, 0xd9]);
const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const uploadMultipart = async (h: Harness, bytes: Buffer, mimeType: string): Promise<{ status: number; json: GraphBody }> => {
  const form = new FormData();
  form.append('messaging_product', 'whatsapp');
  form.append('type', mimeType);
  form.append('file', new Blob([bytes], { type: mimeType }), 'foto.jpg');
  const response = await fetch(`${h.standalone.graphUrl}/v23.0/${PHONE_NUMBER_ID}/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
    body: form,
  });
  return { status: response.status, json: (await response.json()) as GraphBody };
};

describe('fake Graph media', () => {
  it('uploads with Meta\'s multipart form, describes and serves the bytes behind the bearer token, deletes', async () => {
    harness = await startHarness();
    const upload = await uploadMultipart(harness, PHOTO, 'image/jpeg');
    expect(upload.status).toBe(200);
    const mediaId = upload.json.id ?? '';
    expect(mediaId).toMatch(/^\d{16}$/);

    const info = await harness.graph(mediaId);
    expect(info.status).toBe(200);
    expect(info.json).toEqual({
      messaging_product: 'whatsapp',
      url: `${harness.standalone.graphUrl}/media-download/${mediaId}`,
      mime_type: 'image/jpeg',
      sha256: sha256Hex(PHOTO),
      file_size: String(PHOTO.length),
      id: mediaId,
    });

    const anonymous = await fetch(info.json.url ?? '');
    expect(anonymous.status).toBe(401);
    const download = await fetch(info.json.url ?? '', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await download.arrayBuffer()).equals(PHOTO)).toBe(true);

    expect((await harness.graph(mediaId, undefined, { token: 'wrong' })).status).toBe(401);
    expect((await harness.graph(mediaId, undefined, { method: 'DELETE' })).json).toEqual({ success: true });
    const gone = await harness.graph(mediaId);
    expect(gone.status).toBe(400);
    expect(gone.json.error?.code).toBe(100);
  });

  it('also takes a JSON upload with a base64 file and refuses a form without messaging_product', async () => {
    harness = await startHarness();
    const upload = await harness.graph(`${PHONE_NUMBER_ID}/media`, { messaging_product: 'whatsapp', type: 'image/png', file: PHOTO.toString('base64') });
    expect(upload.status).toBe(200);
    expect((await harness.graph(upload.json.id ?? '')).json.sha256).toBe(sha256Hex(PHOTO));

    const form = new FormData();
    form.append('file', new Blob([PHOTO], { type: 'image/jpeg' }), 'x.jpg');
    const response = await fetch(`${harness.standalone.graphUrl}/v23.0/${PHONE_NUMBER_ID}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as GraphBody).error?.code).toBe(100);
  });

  it('lets the app fetch a citizen\'s photo with its GraphClient and verify the sha256', async () => {
    harness = await startHarness();
    const simulator = harness.standalone.simulator;
    await simulator.sendImage(CITIZEN, 'Ana', { bytes: PHOTO, mimeType: 'image/jpeg' }).acknowledged;
    const image = harness.receiver.received[0]?.value.messages?.[0]?.image as { id: string; sha256: string };
    expect(image.sha256).toBe(Buffer.from(sha256Hex(PHOTO), 'hex').toString('base64'));

    const client = new GraphClient({ baseUrl: () => harness.standalone.graphUrl, version: 'v23.0', phoneNumberId: PHONE_NUMBER_ID, accessToken: TOKEN });
    const info = await client.mediaInfo(image.id);
    expect(info).toMatchObject({ mimeType: 'image/jpeg', sha256: sha256Hex(PHOTO), fileSize: PHOTO.length });
    const bytes = await client.downloadMedia(info.url, 5 * 1024 * 1024);
    expect(sha256Hex(bytes)).toBe(info.sha256);
  });

  it('sends an uploaded image to the citizen and fails an unknown media id asynchronously (131053)', async () => {
    harness = await startHarness();
    const simulator = harness.standalone.simulator;
    await simulator.sendText(CITIZEN, 'Ana', 'oi').acknowledged;
    const upload = await uploadMultipart(harness, PHOTO, 'image/jpeg');
    const image = (id: string) => ({ messaging_product: 'whatsapp', to: CITIZEN, type: 'image', image: { id, caption: 'Mapa do bairro' } });

    const ok = await harness.graph(`${PHONE_NUMBER_ID}/messages`, image(upload.json.id ?? ''));
    expect(ok.status).toBe(200);
    const delivered = await simulator.waitForOutbound(CITIZEN, (m) => m.type === 'image');
    expect(delivered.message).toMatchObject({ image: { id: upload.json.id, caption: 'Mapa do bairro' } });

    const missing = await harness.graph(`${PHONE_NUMBER_ID}/messages`, image('1234567890123456'));
    expect(missing.status).toBe(200);
    const failed = await harness.receiver.waitForStatus(missing.json.messages?.[0]?.id ?? '', 'failed');
    expect(failed.errors?.[0]?.code).toBe(131053);
  });
});
