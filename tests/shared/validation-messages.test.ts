import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { areaBody } from '@shared/areas/contract.js';
import { describeIssue } from '@shared/i18n/validation.js';

/** What a form shows for a value, worded as the client's forms word issues (the raw issue, input included). */
const formMessages = (schema: z.ZodType, value: unknown) =>
  schema
    .safeParse(value, { error: (issue) => JSON.stringify(describeIssue(issue as never).message) })
    .error!.issues.map((issue) => ({ path: issue.path.join('.'), message: JSON.parse(issue.message) as unknown }));

const area = (geometry: unknown) => ({
  type: 'Feature',
  geometry,
  properties: { name: { en: 'A', es: 'A' }, hazard: { en: 'Heat', es: 'Calor' }, riskLevel: 'high' },
});

describe('validation messages a reader understands (issue 23)', () => {
  it.each([null, undefined])('asks for an area’s outline when it is %s, in the form and in the API', (geometry) => {
    const outline = { en: 'draw or paste the area’s outline', es: 'dibuje o pegue el contorno de la zona' };
    expect(formMessages(areaBody, area(geometry))).toEqual([{ path: 'geometry', message: outline }]);
    // The server reads finished issues (no input): the schema's words travel as the message.
    const issues = areaBody.safeParse(area(geometry)).error!.issues;
    expect(issues.map((issue) => describeIssue(issue))).toEqual([{ path: 'geometry', message: outline }]);
  });

  it('never writes zod’s type names ("must be a object", "debe ser de tipo object")', () => {
    const schema = z.object({ where: z.object({ lat: z.number() }), people: z.array(z.string()), count: z.number() });
    const messages = formMessages(schema, { where: 'here', people: 'Ana', count: null });
    expect(messages).toEqual([
      { path: 'where', message: { en: 'must be a group of fields', es: 'debe ser un grupo de campos' } },
      { path: 'people', message: { en: 'must be a list', es: 'debe ser una lista' } },
      // Sent empty is as missing as left out.
      { path: 'count', message: { en: 'is required', es: 'es obligatorio' } },
    ]);
    for (const { message } of messages) expect(JSON.stringify(message)).not.toMatch(/object|array|tipo/);
  });
});
