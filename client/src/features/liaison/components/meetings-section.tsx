import { useState } from 'react';
import { FormFooter } from './form-footer.js';
import { commitmentBody, meetingBody, type MechanismDetail, type MeetingView } from '@shared/liaison/contract.js';
import { Field } from '@client/components/field.js';
import { PrepareReviewLink } from '@client/features/reports/index.js';
import { useSchemaForm } from '@client/lib/forms.js';
import { useI18n } from '@client/lib/i18n.js';
import { useMeetingChanges, useMeetings } from '../api/meetings.js';
import { useZonedTime } from '../hooks/use-zoned-time.js';

/**
 * The mechanism's periodic meetings to review results (Plan of Action I–II): when and
 * where, the agenda, the minutes, and the commitments made there with owners and due
 * dates, overdue ones flagged.
 */
export function MeetingsSection({ mechanism, editable }: { mechanism: MechanismDetail; editable: boolean }) {
  const { t, describeError } = useI18n();
  const meetings = useMeetings(mechanism.id);
  const [scheduling, setScheduling] = useState(false);
  return (
    <section className="meetings" data-testid="meetings">
      <h2>{t('liaison.meeting.title')}</h2>
      {meetings.data && (
        <PrepareReviewLink mechanismId={mechanism.id} timeZone={mechanism.timeZone} meetings={meetings.data} />
      )}
      {meetings.error && !meetings.data ? (
        <p role="alert" className="error">
          {describeError(meetings.error)}
        </p>
      ) : !meetings.data ? (
        <p className="muted">{t('shell.loading')}</p>
      ) : meetings.data.length === 0 ? (
        <p className="muted">{t('liaison.meeting.none')}</p>
      ) : (
        <ul className="meeting-list">
          {meetings.data.map((m) => (
            <Meeting key={m.id} meeting={m} mechanismId={mechanism.id} editable={editable} />
          ))}
        </ul>
      )}
      {editable &&
        (scheduling ? (
          <MeetingForm mechanism={mechanism} onDone={() => setScheduling(false)} />
        ) : (
          <button type="button" onClick={() => setScheduling(true)}>
            {t('liaison.meeting.add')}
          </button>
        ))}
    </section>
  );
}

function Meeting({ meeting, mechanismId, editable }: { meeting: MeetingView; mechanismId: string; editable: boolean }) {
  const { t, describeError } = useI18n();
  const zoned = useZonedTime();
  const changes = useMeetingChanges(mechanismId);
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const { id, commitments: _c, mechanismId: _m, ...body } = meeting;
  const failure = changes.update.error ?? changes.setDone.error;
  return (
    <li className="meeting" data-testid="meeting">
      <h3>{zoned.wallClock(meeting.startsAt, meeting.timeZone)}</h3>
      <p>
        <span className="muted">{t('liaison.meeting.place')}: </span>
        {meeting.place}
      </p>
      {meeting.agenda && (
        <div>
          <span className="muted">{t('liaison.meeting.agenda')}:</span>
          <p className="pre-line">{meeting.agenda}</p>
        </div>
      )}
      {editable ? (
        <div className="minutes">
          <Field label={t('liaison.meeting.minutes')}>
            <textarea rows={3} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </Field>
          <button
            type="button"
            disabled={changes.update.isPending || minutes === (meeting.minutes ?? '')}
            onClick={() => changes.update.mutate({ meetingId: id, body: { ...body, minutes: minutes || null } })}
          >
            {t('liaison.meeting.saveMinutes')}
          </button>
        </div>
      ) : (
        meeting.minutes && (
          <div>
            <span className="muted">{t('liaison.meeting.minutes')}:</span>
            <p className="pre-line">{meeting.minutes}</p>
          </div>
        )
      )}
      <h4>{t('liaison.commitment.title')}</h4>
      {meeting.commitments.length === 0 ? (
        <p className="muted">{t('liaison.commitment.none')}</p>
      ) : (
        <ul className="plain-list">
          {meeting.commitments.map((c) => (
            <li key={c.id} data-testid="commitment" data-overdue={c.overdue}>
              {editable && (
                <input
                  type="checkbox"
                  checked={c.done}
                  onChange={() => changes.setDone.mutate(c)}
                  aria-label={t('liaison.commitment.done')}
                />
              )}{' '}
              <span className={c.done ? 'done' : ''}>{c.text}</span>{' '}
              <span className="muted">
                — {t('liaison.commitment.owner')}: {c.owner} ·{' '}
                {t('liaison.commitment.due', { date: zoned.calendarDate(c.dueDate) })}
              </span>
              {c.overdue && <span className="badge flag-overdue">{t('liaison.flag.overdue')}</span>}
              {c.done && <span className="badge verified">{t('liaison.commitment.done')}</span>}
            </li>
          ))}
        </ul>
      )}
      {editable && <CommitmentForm mechanismId={mechanismId} meetingId={id} />}
      {failure ? (
        <p role="alert" className="error">
          {describeError(failure)}
        </p>
      ) : null}
    </li>
  );
}

function MeetingForm({ mechanism, onDone }: { mechanism: MechanismDetail; onDone: () => void }) {
  const { t } = useI18n();
  const zoned = useZonedTime();
  const changes = useMeetingChanges(mechanism.id);
  const form = useSchemaForm(meetingBody, {
    defaultValues: { timeZone: mechanism.timeZone, durationMinutes: 120, agenda: '', minutes: null },
  });
  const submit = form.submitWith(async (body) => {
    await changes.schedule.mutateAsync(body);
    onDone();
  });
  return (
    <form className="meeting-form" onSubmit={submit} data-testid="meeting-form" noValidate>
      <Field
        label={t('liaison.meeting.when', { zone: zoned.zoneName(mechanism.timeZone) })}
        error={form.errorFor('startsAt')}
      >
        <input type="datetime-local" {...form.register('startsAt')} />
      </Field>
      <Field label={t('liaison.meeting.place')} error={form.errorFor('place')}>
        <input {...form.register('place')} />
      </Field>
      <Field label={t('liaison.meeting.agenda')} error={form.errorFor('agenda')}>
        <textarea rows={3} {...form.register('agenda')} />
      </Field>
      <FormFooter failure={form.failure} submitting={form.formState.isSubmitting} onCancel={onDone} />
    </form>
  );
}

function CommitmentForm({ mechanismId, meetingId }: { mechanismId: string; meetingId: string }) {
  const { t, describeError } = useI18n();
  const changes = useMeetingChanges(mechanismId);
  const form = useSchemaForm(commitmentBody, { defaultValues: { meetingId, done: false } });
  const submit = form.submitWith(async (body) => {
    await changes.addCommitment.mutateAsync(body);
    form.reset({ meetingId, done: false });
  });
  return (
    <form className="commitment-form field-row" onSubmit={submit} noValidate>
      <Field label={t('liaison.field.text')} error={form.errorFor('text')}>
        <input {...form.register('text')} />
      </Field>
      <Field label={t('liaison.commitment.owner')} error={form.errorFor('owner')}>
        <input {...form.register('owner')} />
      </Field>
      <Field label={t('liaison.field.dueDate')} error={form.errorFor('dueDate')}>
        <input type="date" {...form.register('dueDate')} />
      </Field>
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('liaison.commitment.add')}
      </button>
      {form.failure ? (
        <p role="alert" className="error">
          {describeError(form.failure)}
        </p>
      ) : null}
    </form>
  );
}
