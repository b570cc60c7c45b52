import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * argon2id with OWASP's "m = 12 MiB, t = 3, p = 1", one of its five settings of equal
 * strength (the library's default is another: 19 MiB × 2). Measured on this project's
 * 2-core machine under load (docs/benchmarks.md, "Password hashing"), it was the cheapest
 * of the five: a verification in 6–12 ms, 32 sign-ins at once done in 0.3–0.5 s where
 * 19 MiB × 2 took 0.6–0.9 s. Written out so a library upgrade can't change a sign-in's cost.
 * Each hash carries its own parameters: hashes made with the old default keep verifying.
 */
export const passwordHashing: Options = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which isolatedModules can't import)
  memoryCost: 12_288,
  timeCost: 3,
  parallelism: 1,
};

export const hashPassword = (password: string): Promise<string> => hash(password, passwordHashing);

/** A hash that verifies nothing, so an unknown username costs as much as a wrong password. */
const decoyHash = hashPassword('decoy-password-for-timing');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await decoyHash), password);
  } catch {
    return false;
  }
}
