import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (OWASP's minimum: m=19 MiB, t=2, p=1).
export const hashPassword = (password: string): Promise<string> => hash(password);

/** A hash that verifies nothing, so an unknown username costs as much as a wrong password. */
const decoyHash = hash('decoy-password-for-timing');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await decoyHash), password);
  } catch {
    return false;
  }
}
