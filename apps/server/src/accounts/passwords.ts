import { hash, verify } from '@node-rs/argon2';
import { randomToken } from './secrets.ts';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: the OWASP baseline).
 * The defaults are argon2id already; the enum is a const enum we cannot import here.
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

/** False for a wrong password and for a hash we cannot read; never throws. */
export async function checkPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * For an unknown email we still verify against a hash of the same cost, so the time a
 * refusal takes does not tell whether the account exists.
 */
export async function checkAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(randomToken());
  await checkPassword(await dummy, password);
  return false;
}
