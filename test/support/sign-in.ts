import { createUser } from '../../src/domain/attendants/users.js';
import type { Role } from '../../src/domain/attendants/users.js';
import { CSRF_HEADERS, type TestApp } from './test-app.js';

/** Signs in through the API and returns the `cookie` header value of the session. */
export const signIn = async (testApp: TestApp, email: string, password: string): Promise<string> => {
  const response = await fetch(`${testApp.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed with ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
};

/** The password of every user `signInAs` creates. */
export const TEST_PASSWORD = 'senha-de-teste-123';

/** Creates a console user with `role` and signs them in. */
export const signInAs = async (testApp: TestApp, role: Role, email = `${role}@palmas.to.gov.br`): Promise<string> => {
  const password = TEST_PASSWORD;
  const { app } = testApp;
  await createUser(app.storage.db, app.repos, { email, password, name: role, role }, Date.now());
  return signIn(testApp, email, password);
};
