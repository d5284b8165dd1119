import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode } from '../../src/domain/attendants/base32.js';
import { totpAt } from '../../src/domain/attendants/totp.js';
import { ManualClock } from '../../src/platform/clock.js';
import { fromRoot } from '../../src/platform/paths.js';
import { callApi, type ApiAnswer } from '../support/api.js';
import { dialects, type TestDatabase } from '../support/databases.js';
import { signIn, signInAs, TEST_PASSWORD } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const STEP_MS = 30_000;
const WRONG_CODE = 'Código incorreto ou expirado. Confira a hora do celular e tente de novo.';

describe.each(dialects)('two-step verification (TOTP) for staff on $name', ({ create }) => {
  const clock = new ManualClock('2026-11-30T17:00:05Z');
  let testApp: TestApp;
  let database: TestDatabase;
  let admin = '';

  beforeAll(async () => {
    database = await create();
    testApp = await startTestApp({ database, clock });
    admin = await signInAs(testApp, 'admin');
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const call = (method: string, path: string, cookie: string | undefined, body?: unknown): Promise<ApiAnswer> => callApi(testApp.url, method, path, cookie, body);
  const codeAt = (secret: string, offsetMs = 0): string => totpAt(base32Decode(secret) ?? Buffer.alloc(0), clock.now().getTime() + offsetMs);
  const login = (email: string, password = TEST_PASSWORD) => call('POST', '/api/auth/login', undefined, { email, password });
  const sendCode = async (pendingToken: string, code: string) => {
    const response = await fetch(`${testApp.url}/api/auth/login/code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'whats-palmas' },
      body: JSON.stringify({ pending_token: pendingToken, code }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    return { status: response.status, body, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  };
  const pendingFor = async (email: string): Promise<string> => {
    const answer = await login(email);
    expect(answer.status).toBe(202);
    return answer.body.pending_token as string;
  };

  /** A new user who turns two-step on; the clock then moves to the next step, so the confirming code is spent. */
  const enrolled = async (email: string) => {
    const cookie = await signInAs(testApp, 'attendant', email);
    const setup = await call('POST', '/api/auth/two-step/setup', cookie, { password: TEST_PASSWORD });
    const secret = setup.body.secret as string;
    const confirmed = await call('POST', '/api/auth/two-step/confirm', cookie, { code: codeAt(secret) });
    expect(confirmed.status).toBe(200);
    clock.advance(STEP_MS);
    return { cookie, secret, recoveryCodes: confirmed.body.recovery_codes as string[], id: ((await call('GET', '/api/auth/me', cookie)).body.user as { id: number }).id };
  };

  it('enrols from a secret shown once, confirmed by a current code, with eight recovery codes; the secret is never shown again', async () => {
    const cookie = await signInAs(testApp, 'attendant', 'rita@palmas.to.gov.br');
    expect((await call('GET', '/api/auth/two-step', cookie)).body).toEqual({ enabled: false, enabled_at: null, recovery_codes_left: 0 });
    // A session left open is not enough: the password is asked again.
    expect((await call('POST', '/api/auth/two-step/setup', cookie, { password: 'senha-errada' })).body).toMatchObject({ error: { code: 'wrong_password' } });
    const setup = await call('POST', '/api/auth/two-step/setup', cookie, { password: TEST_PASSWORD });
    const secret = setup.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauth_uri).toBe(`otpauth://totp/Whats%20Palmas:rita%40palmas.to.gov.br?secret=${secret}&issuer=Whats%20Palmas&algorithm=SHA1&digits=6&period=30`);

    const wrong = await call('POST', '/api/auth/two-step/confirm', cookie, { code: codeAt(secret, -2 * STEP_MS) });
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'wrong_code', message: WRONG_CODE } } });
    expect((await call('GET', '/api/auth/two-step', cookie)).body).toMatchObject({ enabled: false });

    const confirmed = await call('POST', '/api/auth/two-step/confirm', cookie, { code: codeAt(secret) });
    expect(confirmed.status).toBe(200);
    const codes = confirmed.body.recovery_codes as string[];
    expect(codes).toHaveLength(8);
    expect(new Set(codes).size).toBe(8);
    codes.forEach((code) => expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/));
    expect((await call('GET', '/api/auth/two-step', cookie)).body).toEqual({ enabled: true, enabled_at: clock.now().toISOString(), recovery_codes_left: 8 });
    expect((await call('POST', '/api/auth/two-step/setup', cookie, { password: TEST_PASSWORD })).body).toMatchObject({ error: { code: 'already_enabled' } });

    const users = (await call('GET', '/api/users', admin)).body.users as Array<{ email: string; two_step: boolean }>;
    expect(users.find((u) => u.email === 'rita@palmas.to.gov.br')?.two_step).toBe(true);
    expect(users.find((u) => u.email === 'admin@palmas.to.gov.br')?.two_step).toBe(false);
    const audit = await call('GET', '/api/audit?subject_type=user', admin);
    expect((audit.body.entries as Array<{ action: string }>)[0]?.action).toBe('user.two_step_enabled');
    for (const answer of [audit, await call('GET', '/api/users', admin), await call('GET', '/api/auth/me', cookie), await call('GET', '/api/auth/two-step', cookie)]) {
      expect(answer.text).not.toContain(secret);
      expect(answer.text).not.toContain(codes[0]);
    }
  });

  it('asks for a code after the right password, accepts the next and previous 30 s step, and never the same step twice', async () => {
    const { secret } = await enrolled('bia@palmas.to.gov.br');
    const first = await login('bia@palmas.to.gov.br');
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ two_step_required: true, expires_at: new Date(clock.now().getTime() + 5 * 60_000).toISOString() });
    expect(first.text).not.toContain('wp_session');
    expect((await login('bia@palmas.to.gov.br', 'senha-errada')).status).toBe(401);

    const signedIn = await sendCode(first.body.pending_token as string, codeAt(secret));
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ user: { email: 'bia@palmas.to.gov.br' } });
    expect((await call('GET', '/api/auth/me', signedIn.cookie)).status).toBe(200);
    // The pending sign-in is spent with it.
    expect((await sendCode(first.body.pending_token as string, codeAt(secret))).body).toMatchObject({ error: { code: 'auth.sign_in_expired' } });

    // The same code again, from another sign-in within its 30 seconds: refused.
    const again = await sendCode(await pendingFor('bia@palmas.to.gov.br'), codeAt(secret));
    expect(again).toMatchObject({ status: 401, body: { error: { code: 'auth.invalid_code', message: WRONG_CODE } } });

    // A phone a little ahead gives the next step's code: accepted. Then the previous step's can no longer be used.
    clock.advance(STEP_MS);
    expect((await sendCode(await pendingFor('bia@palmas.to.gov.br'), codeAt(secret, STEP_MS))).status).toBe(200);
    clock.advance(STEP_MS);
    expect((await sendCode(await pendingFor('bia@palmas.to.gov.br'), codeAt(secret, -STEP_MS))).status).toBe(401);
    clock.advance(STEP_MS);
    // A phone a little behind: the previous step's code, not used yet, is accepted; two steps away is not.
    expect((await sendCode(await pendingFor('bia@palmas.to.gov.br'), codeAt(secret, -2 * STEP_MS))).status).toBe(401);
    expect((await sendCode(await pendingFor('bia@palmas.to.gov.br'), codeAt(secret, -STEP_MS))).status).toBe(401);
    clock.advance(STEP_MS);
    expect((await sendCode(await pendingFor('bia@palmas.to.gov.br'), codeAt(secret, -STEP_MS))).status).toBe(200);
  });

  it('lets only one of two sign-ins racing with the same code through', async () => {
    const { secret } = await enrolled('hugo@palmas.to.gov.br');
    const [one, two] = [await pendingFor('hugo@palmas.to.gov.br'), await pendingFor('hugo@palmas.to.gov.br')];
    const answers = await Promise.all([sendCode(one, codeAt(secret)), sendCode(two, codeAt(secret))]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
  });

  it('takes each recovery code once, as typed from paper', async () => {
    const { recoveryCodes, cookie } = await enrolled('caio@palmas.to.gov.br');
    const [code = ''] = recoveryCodes;
    const typed = ` ${code.toUpperCase().replace('-', ' ')} `;
    expect((await sendCode(await pendingFor('caio@palmas.to.gov.br'), typed)).status).toBe(200);
    expect((await sendCode(await pendingFor('caio@palmas.to.gov.br'), code)).body).toMatchObject({ error: { code: 'auth.invalid_code' } });
    expect((await call('GET', '/api/auth/two-step', cookie)).body).toMatchObject({ recovery_codes_left: 7 });
    expect((await sendCode(await pendingFor('caio@palmas.to.gov.br'), recoveryCodes[1] ?? '')).status).toBe(200);
  });

  it('lets a pending sign-in wait five minutes, and not longer', async () => {
    const { secret } = await enrolled('davi@palmas.to.gov.br');
    const pending = await pendingFor('davi@palmas.to.gov.br');
    clock.advance(5 * 60_000 + 1);
    expect((await sendCode(pending, codeAt(secret))).body).toMatchObject({ error: { code: 'auth.sign_in_expired' } });
    expect((await sendCode('nao-existe', codeAt(secret))).status).toBe(401);
  });

  it('throttles code guesses as passwords: five per pending sign-in, ten a minute per account', async () => {
    const { secret } = await enrolled('eva@palmas.to.gov.br');
    const valid = new Set([-STEP_MS, 0, STEP_MS].map((offset) => codeAt(secret, offset)));
    const guesses = Array.from({ length: 20 }, (_, i) => String(100000 + i)).filter((guess) => !valid.has(guess));
    const guess = () => guesses.shift() ?? '';
    const pending = await pendingFor('eva@palmas.to.gov.br');
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await sendCode(pending, guess())).body);
    expect(answers.slice(0, 4).every((body) => (body.error as { code: string }).code === 'auth.invalid_code')).toBe(true);
    expect(answers[4]).toMatchObject({ error: { code: 'auth.too_many_codes' } });
    // Even the right code does not revive it: the password is asked again.
    expect((await sendCode(pending, codeAt(secret))).body).toMatchObject({ error: { code: 'auth.sign_in_expired' } });

    const second = await pendingFor('eva@palmas.to.gov.br');
    for (let i = 0; i < 4; i += 1) expect((await sendCode(second, guess())).status).toBe(401);
    const third = await pendingFor('eva@palmas.to.gov.br');
    expect((await sendCode(third, guess())).status).toBe(401);
    // The eleventh code for this account within the minute: the sign-in throttle answers, right code or not.
    expect((await sendCode(third, codeAt(secret))).status).toBe(429);
  });

  it('turns off only with the password and a current code', async () => {
    const { cookie, secret } = await enrolled('fabi@palmas.to.gov.br');
    const off = (password: string, code: string) => call('POST', '/api/auth/two-step/disable', cookie, { password, code });
    expect((await off('senha-errada', codeAt(secret))).body).toMatchObject({ error: { code: 'wrong_password' } });
    expect((await off(TEST_PASSWORD, '123456')).body).toMatchObject({ error: { code: 'wrong_code', message: WRONG_CODE } });
    expect((await off(TEST_PASSWORD, codeAt(secret))).status).toBe(204);
    expect((await call('GET', '/api/auth/two-step', cookie)).body).toEqual({ enabled: false, enabled_at: null, recovery_codes_left: 0 });
    expect((await login('fabi@palmas.to.gov.br')).status).toBe(200);
    expect((await off(TEST_PASSWORD, codeAt(secret))).body).toMatchObject({ error: { code: 'not_enabled' } });
    const audit = (await call('GET', '/api/audit?subject_type=user', admin)).body.entries as Array<{ action: string }>;
    expect(audit[0]?.action).toBe('user.two_step_disabled');
  });

  it('throttles password and code guesses of a signed-in user, that user only', async () => {
    const { cookie } = await enrolled('jo@palmas.to.gov.br');
    const tries = [];
    for (let i = 0; i < 11; i += 1) tries.push((await call('POST', '/api/auth/two-step/disable', cookie, { password: `chute-${i}`, code: '123456' })).status);
    expect(tries).toEqual([...Array<number>(10).fill(400), 429]);
    const other = await signInAs(testApp, 'attendant', 'ze@palmas.to.gov.br');
    expect((await call('POST', '/api/auth/two-step/setup', other, { password: TEST_PASSWORD })).status).toBe(200);
  });

  it('lets an admin turn it off for someone who lost their phone: audited, and their sessions end', async () => {
    const { cookie, id } = await enrolled('gil@palmas.to.gov.br');
    const coordinator = await signInAs(testApp, 'coordinator', 'coord@palmas.to.gov.br');
    expect((await call('DELETE', `/api/users/${id}/two-step`, coordinator)).status).toBe(403);
    expect((await call('DELETE', `/api/users/${id}/two-step`, admin)).status).toBe(204);
    expect((await call('GET', '/api/auth/me', cookie)).status).toBe(401);
    expect(await signIn(testApp, 'gil@palmas.to.gov.br', TEST_PASSWORD)).toContain('wp_session=');
    expect((await call('DELETE', `/api/users/${id}/two-step`, admin)).body).toMatchObject({ error: { code: 'not_enabled' } });
    expect((await call('DELETE', '/api/users/99999/two-step', admin)).status).toBe(404);
    const entries = (await call('GET', '/api/audit?subject_type=user', admin)).body.entries as Array<{ action: string; subject_id: string; actor: { name: string } | null }>;
    expect(entries.find((e) => e.subject_id === String(id))).toMatchObject({ action: 'user.two_step_reset', actor: { name: 'admin' } });
  });

  it('can be turned off from the server\'s command line, for an admin locked out with no other admin', async () => {
    const { id } = await enrolled('ivo@palmas.to.gov.br');
    const cli = (email: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', fromRoot('src', 'main.ts'), 'user', 'reset-two-step', '--email', email], {
        cwd: fromRoot(),
        env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
    const done = cli('IVO@palmas.to.gov.br');
    expect(done.stdout).toContain('Two-step verification turned off for ivo@palmas.to.gov.br');
    expect((await login('ivo@palmas.to.gov.br')).status).toBe(200);
    const again = cli('ivo@palmas.to.gov.br');
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('not on');
    const entries = (await call('GET', '/api/audit?subject_type=user', admin)).body.entries as Array<{ action: string; subject_id: string; actor: unknown }>;
    expect(entries.find((e) => e.subject_id === String(id))).toMatchObject({ action: 'user.two_step_reset', actor: null });
  });
});
