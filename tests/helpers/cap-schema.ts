import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const xsd = join(import.meta.dirname, '..', 'fixtures', 'CAP-v1.2.xsd');
const xmllint = ['/usr/bin/xmllint', '/usr/local/bin/xmllint'].find((p) => existsSync(p)) ?? null;

/** Whether the OASIS CAP 1.2 schema can be checked here (Debian's libxml2-utils; `.ci/run` installs it). */
export const capSchemaAvailable = xmllint !== null;
if (!xmllint)
  console.warn(
    '\n*** xmllint is missing: CAP 1.2 schema validation is SKIPPED. Install libxml2-utils (apt-get install libxml2-utils). ***\n',
  );

/** Validates a document against the OASIS CAP 1.2 XSD offline; returns xmllint's complaint, or null when valid. */
export function capSchemaErrors(xml: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'cap-'));
  const file = join(dir, 'message.xml');
  try {
    writeFileSync(file, xml);
    execFileSync(xmllint!, ['--noout', '--nonet', '--schema', xsd, file], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
