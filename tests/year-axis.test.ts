/**
 * The charts' year axis: every year from the first to the last, a year without a report a labelled
 * gap; a reported 0 drawn as a zero, distinct from a blank figure (null) and from no report; years
 * in the tables written as years (2021), never as counts (2,021).
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { tableCell } from '../src/charts/ChartFrame.svelte';
import ColumnChart from '../src/charts/ColumnChart.svelte';
import Sparkline from '../src/charts/Sparkline.svelte';
import YearChart from '../src/charts/YearChart.svelte';
import { markKind, MAX_YEAR_SPAN, yearAxis } from '../src/charts/years';

describe('yearAxis', () => {
  it('runs over every year from the first to the last, the missing ones as gaps', () => {
    expect(yearAxis([2021, 2022, 2024])).toEqual([
      { year: 2021, index: 0 },
      { year: 2022, index: 1 },
      { year: 2023, index: null },
      { year: 2024, index: 2 },
    ]);
  });

  it('keeps the index of each year as given, in any order', () => {
    expect(yearAxis([2024, 2019, 2021])).toEqual([
      { year: 2019, index: 1 },
      { year: 2020, index: null },
      { year: 2021, index: 2 },
      { year: 2022, index: null },
      { year: 2023, index: null },
      { year: 2024, index: 0 },
    ]);
  });

  it('widens to a shared span, so several charts line up', () => {
    expect(yearAxis([2022], [2020, 2023]).map((s) => [s.year, s.index])).toEqual([
      [2020, null],
      [2021, null],
      [2022, 0],
      [2023, null],
    ]);
  });

  it('does not spread a misread year far away over the axis', () => {
    const far = 2024 - MAX_YEAR_SPAN - 10;
    expect(yearAxis([far, 2023, 2024]).map((s) => s.year)).toEqual([far, 2023, 2024]);
  });

  it('is empty with no years', () => {
    expect(yearAxis([])).toEqual([]);
  });
});

describe('markKind', () => {
  const slots = yearAxis([2021, 2022, 2023, 2025]);
  it('tells a count, a reported 0, a blank figure and no report apart', () => {
    expect(slots.map((s) => markKind(s, [5, 0, null]))).toEqual(['value', 'zero', 'not-reported', 'no-report', 'not-reported']);
  });
});

describe('the charts as drawn', () => {
  const years = [2021, 2022, 2024];
  const series = [{ label: '本年新收', values: [3, 0, null] }];

  it('YearChart: a gap labelled 无报告 for 2023, a zero mark for the 0, "–" for the blank', () => {
    const { body } = render(YearChart, { props: { years, series } });
    expect(body.match(/data-gap="(\d+)"/g)).toEqual(['data-gap="2023"']);
    expect(body).toContain('无报告');
    // Two marks: the 3 and the 0 (a thin bar on the baseline, with its "0"); the blank draws none.
    expect(body.match(/<rect class="mark/g)).toHaveLength(2);
    expect(body.match(/<rect class="mark[^"]*\bzero\b/g)).toHaveLength(1);
    expect(body).toContain('<text class="zero-label');
    expect(body).toContain('2024 本年新收: 未报告');
    // Four year ticks, each written as a year.
    for (const y of ['2021', '2022', '2023', '2024']) expect(body).toContain(`>${y}</text>`);
    expect(body).not.toMatch(/2,02\d/);
  });

  it('ColumnChart with years: the same gap, and a click on a mark still names its category', () => {
    const { body } = render(ColumnChart, { props: { categories: years, series, years: true } });
    expect(body.match(/data-gap="(\d+)"/g)).toEqual(['data-gap="2023"']);
    expect(body.match(/<rect class="mark[^"]*zero/g)).toHaveLength(1);
    expect(body).toContain('aria-label="2022 本年新收: 0（报告为零）"');
  });

  it('ColumnChart without years: categories as given, no gaps', () => {
    const { body } = render(ColumnChart, { props: { categories: ['甲', '乙'], series: [{ label: 'n', values: [1, 2] }] } });
    expect(body).not.toContain('data-gap');
    expect(body.match(/<rect class="mark/g)).toHaveLength(2);
  });

  it('Sparkline: a year without a report is said so, apart from a blank figure', () => {
    const { body } = render(Sparkline, {
      props: {
        points: [
          { year: 2021, value: 4 },
          { year: 2022, value: null },
          { year: 2024, value: 0 },
        ],
        years,
        label: '某街道',
      },
    });
    expect(body).toContain('某街道: 2021 4，2022 未报告，2023 无报告，2024 0');
  });

  it('ChartFrame: the table writes the year column as years, counts as counts, a blank as not reported', () => {
    expect(tableCell(2021, true)).toEqual({ text: '2021', numeric: false });
    expect(tableCell(2021, false)).toEqual({ text: '2,021', numeric: true });
    expect(tableCell(null, false)).toEqual({ text: '未报告', numeric: true });
    expect(tableCell(0, false)).toEqual({ text: '0', numeric: true });
    expect(tableCell('某街道', false)).toEqual({ text: '某街道', numeric: false });
  });
});
