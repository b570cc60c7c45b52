import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MonthChart } from '@client/features/incidents/components/month-chart.js';
import { renderPage } from './support/render.js';

/** `count` months from January 2024 on, one incident more each month. */
const monthsFrom2024 = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    month: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    count: i + 1,
  }));

describe("an area's incidents by month", () => {
  it('draws a short period whole, its first and last months named inside the chart', () => {
    renderPage(<MonthChart months={monthsFrom2024(3)} />);
    const chart = screen.getByTestId('month-chart');
    expect(chart).toHaveTextContent('By month');
    expect(chart.querySelectorAll('rect')).toHaveLength(3);
    const labels = [...chart.querySelectorAll('text')];
    expect(labels.map((l) => [l.textContent, l.getAttribute('x'), l.getAttribute('text-anchor')])).toEqual([
      ['Jan 24', '0', 'start'],
      ['Mar 24', '260', 'end'],
    ]);
  });

  it('says when it shows only the newest two years of a longer period, in English and Spanish', () => {
    const { unmount } = renderPage(<MonthChart months={monthsFrom2024(30)} />);
    let chart = screen.getByTestId('month-chart');
    expect(chart.querySelector('figcaption')).toHaveTextContent('By month: the last 24 of 30');
    expect(chart.querySelectorAll('rect')).toHaveLength(24);
    // The newest months: July 2024 to June 2026.
    expect([...chart.querySelectorAll('text')].map((l) => l.textContent)).toEqual(['Jul 24', 'Jun 26']);
    unmount();

    renderPage(<MonthChart months={monthsFrom2024(30)} />, { language: 'es' });
    chart = screen.getByTestId('month-chart');
    expect(chart.querySelector('figcaption')).toHaveTextContent('Por mes: los últimos 24 de 30');
    expect(chart.querySelector('svg')).toHaveAttribute('aria-label', 'Por mes: los últimos 24 de 30');
    expect([...chart.querySelectorAll('text')].map((l) => l.textContent)).toEqual(['jul 24', 'jun 26']);
  });
});
