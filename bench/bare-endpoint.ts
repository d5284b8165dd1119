import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

/**
 * The yardstick for webhook intake: a bare node:http endpoint that only checks the HMAC and parses the JSON,
 * storing nothing. Whats Palmas must acknowledge at least half as many notifications per second while also
 * committing each one durably.
 */
const secret = process.env.WHATSAPP_APP_SECRET ?? '';
const port = Number(process.env.PORT ?? 0);

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const raw = Buffer.concat(chunks);
    const given = Buffer.from(String(request.headers['x-hub-signature-256'] ?? '').slice(7), 'hex');
    const expected = createHmac('sha256', secret).update(raw).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      response.writeHead(401).end();
      return;
    }
    JSON.parse(raw.toString('utf8'));
    response.writeHead(200).end('EVENT_RECEIVED');
  });
}).listen(port, '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
