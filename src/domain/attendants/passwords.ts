import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's recommended cost; verification is constant-time in the library. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

/** A hash of a random password, verified against when the email is unknown, so timing does not reveal accounts. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoyHash ??= hash('decoy-password-for-unknown-accounts'));
