import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blmIds, interiorMechanisms } from '@seeds/liaison/mechanisms.js';
import { liaisonSeed } from '@seeds/liaison/rosters.js';
import { memberBody, memberRoles, overrideFieldErrors, rotationFieldErrors } from '@shared/liaison/contract.js';
import { mechanismFlagsAt } from '@shared/liaison/flags.js';
import { onDutyAt } from '@shared/liaison/rotation.js';

const now = '2026-03-01T12:00:00Z';
const seeds = liaisonSeed(now);
const byId = (id: string) => seeds.find((s) => s.mechanismId === id)!;
const members = seeds.flatMap((s) => s.members);

describe('seeded liaison rosters', () => {
  it('cover the ten BLMs and the illustrative ICMs, with members of both countries in each', () => {
    expect(seeds.map((s) => s.mechanismId)).toEqual([...blmIds, ...interiorMechanisms.map((m) => m.id)]);
    for (const s of seeds)
      expect(new Set(s.members.map((m) => m.country)), s.mechanismId).toEqual(new Set(['US', 'MX']));
  });

  it('use only the reference’s roles, with both chairs on every BLM', () => {
    for (const m of members) expect(memberRoles).toContain(m.role);
    for (const id of blmIds)
      expect(
        byId(id)
          .members.filter((m) => m.role === 'consul')
          .map((m) => m.country)
          .sort(),
        id,
      ).toEqual(['MX', 'US']);
  });

  it('pass the same validation as a coordinator’s input, phones already in E.164', () => {
    for (const m of members) {
      const parsed = memberBody.safeParse({
        ...m,
        contacts: m.contacts.map(({ kind, label, value, working }) => ({ kind, label, value, working })),
      });
      expect(parsed.error?.issues ?? [], m.id).toEqual([]);
      expect(parsed.data!.contacts.map((c) => c.value)).toEqual(m.contacts.map((c) => c.value));
    }
  });

  it('use fictional numbers only, never the same twice, and invented names that do not repeat', () => {
    const phones = members.flatMap((m) => m.contacts.filter((c) => c.kind === 'phone').map((c) => c.value));
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of phones) expect(p).toMatch(/^(\+1\d{3}55501\d{2}|\+52\d{3}00001\d{2})$/);
    expect(new Set(members.map((m) => m.name)).size).toBe(members.length);
    for (const m of members)
      for (const e of m.contacts.filter((c) => c.kind === 'email')) expect(e.value).toMatch(/\.example$/);
  });

  it('have valid rotations: no overlaps, assignees on their own side', () => {
    for (const s of seeds) {
      expect(rotationFieldErrors(s.shifts, s.members), s.mechanismId).toEqual([]);
      expect(overrideFieldErrors(s.overrides), s.mechanismId).toEqual([]);
    }
  });

  it('have someone on duty on both sides of every mechanism at any instant of the year', () => {
    const year = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') - 1 });
    fc.assert(
      fc.property(year, (ms) => {
        const at = new Date(ms).toISOString();
        for (const s of seeds) {
          const duty = onDutyAt(s, at);
          expect(duty.US.length, `${s.mechanismId} US at ${at}`).toBeGreaterThan(0);
          expect(duty.MX.length, `${s.mechanismId} MX at ${at}`).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
    // 200 instants × every mechanism's rotation through Temporal: 6–30 s as the machine is busy.
  }, 120_000);

  it('show each flag somewhere: unverified members, a dead contact, a gap to warn, an intended gap, overdue commitments', () => {
    const flags = Object.fromEntries(seeds.map((s) => [s.mechanismId, mechanismFlagsAt(s, s.commitments, now)]));
    expect(Object.values(flags).some((f) => f.membersNotVerified > 0)).toBe(true);
    expect(members.some((m) => Date.parse(now) - Date.parse(m.verifiedAt) < 30 * 86_400_000)).toBe(true);
    expect(flags['eagle-pass-piedras-negras']!.membersWithoutWorkingContact).toBe(1);
    expect(flags['douglas-agua-prieta']!.coverageGap).toBe(true);
    expect(byId('calexico-mexicali').intendedGaps).not.toEqual([]);
    expect(flags['calexico-mexicali']!.coverageGap).toBe(false);
    expect(flags['san-diego-tijuana']!.overdueCommitments).toBe(1);
    expect(byId('san-diego-tijuana').overrides).toHaveLength(1);
    expect(byId('laredo-nuevo-laredo').meetings.map((m) => m.place)).toEqual([
      'Consulado de los Estados Unidos en Nuevo Laredo',
      'Consulado General de México en Laredo',
    ]);
  });

  it('warn about Douglas’ empty Saturday and not about Calexico’s intended Sunday, whenever the seed is loaded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }),
        (ms) => {
          const loadedAt = new Date(ms).toISOString();
          const fresh = liaisonSeed(loadedAt);
          const flag = (id: string) =>
            mechanismFlagsAt(
              fresh.find((s) => s.mechanismId === id)!,
              [],
              loadedAt,
            ).coverageGap;
          expect(flag('douglas-agua-prieta')).toBe(true);
          expect(flag('calexico-mexicali')).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });
});
