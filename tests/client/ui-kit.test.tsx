import type { ReactElement } from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '@shared/i18n/index.js';
import { Badge, Badges } from '@client/components/badge.js';
import { Button } from '@client/components/button.js';
import { ErrorWithRetry } from '@client/components/error-with-retry.js';
import { ExerciseToggle } from '@client/components/exercise-toggle.js';
import { Feed, FeedItem } from '@client/components/feed.js';
import { Field } from '@client/components/field.js';
import { Panel } from '@client/components/panel.js';
import { Table } from '@client/components/table.js';
import { Toast, ToastList, useToasts } from '@client/components/toast-list.js';
import { ApiError } from '@client/lib/api-client.js';
import { I18nProvider } from '@client/lib/i18n.js';

function renderIn(language: Language, element: ReactElement) {
  return render(
    <I18nProvider initialLanguage={language}>
      <MemoryRouter>{element}</MemoryRouter>
    </I18nProvider>,
  );
}

afterEach(() => vi.useRealTimers());

describe('Button', () => {
  it('never submits the form it sits in unless it is the submit button', async () => {
    const submit = vi.fn((event: SubmitEvent) => event.preventDefault());
    const clicked = vi.fn();
    renderIn(
      'en',
      <form onSubmit={(event) => submit(event.nativeEvent as SubmitEvent)}>
        <Button onClick={clicked}>Add a contact</Button>
        <Button type="submit" variant="primary">
          Save
        </Button>
      </form>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add a contact' }));
    expect(clicked).toHaveBeenCalledOnce();
    expect(submit).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(submit).toHaveBeenCalledOnce();
  });

  it('says why it cannot be used, to the eye and to a screen reader, and does nothing', async () => {
    const clicked = vi.fn();
    renderIn(
      'en',
      <Button disabledReason="Only the port's own officers may change its status" onClick={clicked}>
        Close the port
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Close the port' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription("Only the port's own officers may change its status");
    expect(button).toHaveAttribute('title', "Only the port's own officers may change its status");
    await userEvent.click(button);
    expect(clicked).not.toHaveBeenCalled();
  });

  it('is usable, with no description, when nothing stands in the way', () => {
    renderIn('en', <Button disabledReason={null}>Close the port</Button>);
    const button = screen.getByRole('button', { name: 'Close the port' });
    expect(button).toBeEnabled();
    expect(button).not.toHaveAccessibleDescription();
  });
});

describe('ErrorWithRetry', () => {
  it.each([
    ['en', 'The server cannot be reached. Check the connection and try again.', 'Try again'],
    ['es', 'No se puede contactar al servidor. Revise la conexión e intente de nuevo.', 'Reintentar'],
  ] as const)('in %s says what failed and asks again when told to', async (language, message, retry) => {
    const onRetry = vi.fn();
    renderIn(language, <ErrorWithRetry error={new ApiError(0, null)} onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(message);
    await userEvent.click(within(alert).getByRole('button', { name: retry }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('words an error it does not know as unexpected, never as its raw text', () => {
    renderIn('en', <ErrorWithRetry error={new TypeError('x is undefined')} onRetry={() => undefined} page />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong while showing this page.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('x is undefined');
  });
});

describe('Badge', () => {
  it('shows its label and explains it on hover', () => {
    renderIn(
      'en',
      <Badges>
        <Badge tone="danger" title="Life at risk">
          Critical
        </Badge>
        <Badge>Reported</Badge>
      </Badges>,
    );
    expect(screen.getByText('Critical')).toHaveAttribute('title', 'Life at risk');
    expect(screen.getByText('Reported')).toBeVisible();
  });
});

describe('Panel', () => {
  it('is a region of the page named by its heading', () => {
    renderIn(
      'en',
      <Panel title="Who to call now">
        <p>Elena Novak</p>
      </Panel>,
    );
    const panel = screen.getByRole('region', { name: 'Who to call now' });
    expect(within(panel).getByRole('heading', { name: 'Who to call now' })).toBeVisible();
    expect(within(panel).getByText('Elena Novak')).toBeVisible();
  });
});

describe('Table', () => {
  const rows = [
    { id: 'a', port: 'Otay Mesa', status: 'Open' },
    { id: 'b', port: 'Calexico', status: 'Closed' },
  ];

  it('heads each column and labels each value with its column for the phone layout', () => {
    renderIn(
      'en',
      <Table
        label="Ports"
        stackOnPhone
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          { header: 'Port', cell: (row) => row.port },
          { header: 'Status', cell: (row) => row.status },
        ]}
      />,
    );
    const frame = screen.getByRole('region', { name: 'Ports' });
    // The frame scrolls sideways on a narrow screen: it takes the keyboard's focus to do so.
    expect(frame).toHaveAttribute('tabindex', '0');
    expect(
      within(frame)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Port', 'Status']);
    const [, first, second] = within(frame).getAllByRole('row');
    expect(
      within(first!)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Otay Mesa', 'Open']);
    expect(within(second!).getByText('Closed')).toHaveAttribute('data-label', 'Status');
  });
});

describe('Field', () => {
  it('labels its control and says what is wrong with it', () => {
    renderIn(
      'en',
      <Field label="Summary" error="Say what happened">
        <input />
      </Field>,
    );
    expect(screen.getByRole('textbox', { name: /Summary/ })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Say what happened');
  });
});

describe('ExerciseToggle', () => {
  it('is a checkbox named by its label, with what it means under it', async () => {
    const changed = vi.fn();
    renderIn(
      'en',
      <ExerciseToggle
        label="Exercise (drill)"
        hint="Marked EXERCISE everywhere"
        checked={false}
        input={{ onChange: changed }}
      />,
    );
    await userEvent.click(screen.getByRole('checkbox', { name: /Exercise \(drill\)/ }));
    expect(changed).toHaveBeenCalledOnce();
    expect(screen.getByText('Marked EXERCISE everywhere')).toBeVisible();
  });
});

describe('Feed', () => {
  it('makes each card a link to its record, with what stands beside it outside the link', () => {
    renderIn(
      'en',
      <Feed aria-label="Mechanisms">
        <FeedItem to="/mechanisms/tijuana" title="Tijuana – San Diego" aside={<span>1 overdue commitment</span>}>
          <span>Pacific Time</span>
        </FeedItem>
      </Feed>,
    );
    const link = screen.getByRole('link', { name: /Tijuana – San Diego/ });
    expect(link).toHaveAttribute('href', '/mechanisms/tijuana');
    expect(link).toHaveTextContent('Pacific Time');
    expect(link).not.toHaveTextContent('1 overdue commitment');
    expect(within(screen.getByRole('listitem')).getByText('1 overdue commitment')).toBeVisible();
  });
});

describe('toasts', () => {
  interface News {
    id: string;
    headline: string;
  }

  /** A feature's toasts as the kit shows them; `publish` stands in for a live event. */
  function NewsToasts({ onReady }: { onReady: (publish: (news: News) => void) => void }) {
    const { toasts, show, dismiss } = useToasts<News>();
    onReady(show);
    return (
      <ToastList>
        {toasts.map(({ key, toast }) => (
          <Toast
            key={key}
            testId="news-toast"
            lifetimeMs={10_000}
            onDismiss={() => dismiss(toast.id)}
            title={toast.headline}
            summary="More on the board"
            actions={<a href="/board">Open</a>}
          />
        ))}
      </ToastList>
    );
  }

  function renderNews(language: Language = 'en') {
    let publish: (news: News) => void = () => undefined;
    renderIn(language, <NewsToasts onReady={(show) => (publish = show)} />);
    return (news: News) => act(() => publish(news));
  }

  const headlines = () =>
    screen.queryAllByTestId('news-toast').map((toast) => toast.querySelector('strong')?.textContent);

  it.each([
    ['en', 'Close'],
    ['es', 'Cerrar'],
  ] as const)('in %s shows the newest on top, and closes one when asked', async (language, close) => {
    const publish = renderNews(language);
    publish({ id: 'a', headline: 'Otay Mesa closed' });
    publish({ id: 'b', headline: 'Calexico restricted' });
    expect(headlines()).toEqual(['Calexico restricted', 'Otay Mesa closed']);
    const [newest] = screen.getAllByRole('alert');
    expect(within(newest!).getByText('More on the board')).toBeVisible();
    expect(within(newest!).getByRole('link', { name: 'Open' })).toBeVisible();

    await userEvent.click(within(newest!).getByRole('button', { name: close }));

    expect(headlines()).toEqual(['Otay Mesa closed']);
  });

  it('shows one toast per thing: news about it again replaces the old toast', () => {
    const publish = renderNews();
    publish({ id: 'a', headline: 'Otay Mesa closed' });
    publish({ id: 'a', headline: 'Otay Mesa open' });
    expect(headlines()).toEqual(['Otay Mesa open']);
  });

  it('lets each toast run out on its own time: a newer one never keeps an older one up', () => {
    vi.useFakeTimers();
    const publish = renderNews();
    publish({ id: 'a', headline: 'Otay Mesa closed' });
    act(() => vi.advanceTimersByTime(6_000));
    publish({ id: 'b', headline: 'Calexico restricted' });
    act(() => vi.advanceTimersByTime(4_001));
    expect(headlines()).toEqual(['Calexico restricted']);
    act(() => vi.advanceTimersByTime(6_000));
    expect(headlines()).toEqual([]);
  });

  it('waits while it is pointed at, then runs out the time it had left', () => {
    vi.useFakeTimers();
    const publish = renderNews();
    publish({ id: 'a', headline: 'Otay Mesa closed' });
    act(() => vi.advanceTimersByTime(8_000));
    const toast = screen.getByTestId('news-toast');
    act(() => toast.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    act(() => vi.advanceTimersByTime(60_000));
    expect(headlines()).toEqual(['Otay Mesa closed']);
    act(() => toast.dispatchEvent(new MouseEvent('mouseout', { bubbles: true })));
    act(() => vi.advanceTimersByTime(2_001));
    expect(headlines()).toEqual([]);
  });
});
