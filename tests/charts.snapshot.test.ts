/**
 * Each chart component drawn on fixed data and compared with the markup committed under
 * tests/snapshots/charts/, as Observable Plot tests its marks: a change to a chart shows in review
 * as a diff of its drawing. Rendered by Svelte's server renderer (no DOM: a chart that measures its
 * width draws at its default 320 px). Not reported (null), a reported 0, negatives and a selected
 * mark are in every data set where the chart has them. Update on purpose with `vitest run -u`.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import BarChart from '../src/charts/BarChart.svelte';
import ColumnChart from '../src/charts/ColumnChart.svelte';
import HBarChart from '../src/charts/HBarChart.svelte';
import ShareGrid from '../src/charts/ShareGrid.svelte';
import Sparkline from '../src/charts/Sparkline.svelte';
import YearChart from '../src/charts/YearChart.svelte';
import { percent } from '../src/lib/app/percent';

/**
 * Markup a reviewer can read: no hydration comments or scoped-class hashes, coordinates to two
 * decimals (floating-point noise is no change), one element a line.
 */
export function normalise(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s?svelte-[a-z0-9]+/g, '')
    .replace(/ class=""/g, '')
    .replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/>\s*</g, '>\n<')
    .trim()
    .concat('\n');
}

// Each chart has its own props; the fixed data below is checked by the snapshots, not the types.
const draw = (component: Component<any>, props: Record<string, unknown>) => normalise(render(component, { props }).body);
const snapshot = (name: string) => `./snapshots/charts/${name}.html`;
const noop = () => {};

describe('chart snapshots', () => {
  test('BarChart: linked labels, a 0, a value not reported, a selected bar', async () => {
    const html = draw(BarChart, {
      items: [
        { label: '甲街道办事处', value: 120, href: '#/office/1' },
        { label: '乙街道办事处', value: 0 },
        { label: '丙街道办事处', value: null },
        { label: '丁街道办事处', value: 45, active: true, onclick: noop },
      ],
    });
    expect(html).toContain('未报告');
    await expect(html).toMatchFileSnapshot(snapshot('bar-chart'));
  });

  test('ColumnChart: years, two series, a 0, a gap, a selected mark', async () => {
    const html = draw(ColumnChart, {
      categories: [2021, 2022, 2024],
      series: [
        { label: '本年新收', values: [12, 0, null] },
        { label: '办结总计', values: [10, 3, 1250] },
      ],
      onselect: noop,
      active: [2, 1],
    });
    expect(html).toContain('2022 本年新收: 0（报告为零）');
    await expect(html).toMatchFileSnapshot(snapshot('column-chart'));
  });

  test('ColumnChart: a negative change (2019 format), a fixed top, no legend', async () => {
    const html = draw(ColumnChart, {
      categories: [2019, 2020],
      series: [{ label: '本年增/减', values: [-3, 5] }],
      yMax: 20,
      height: 110,
      showLegend: false,
    });
    await expect(html).toMatchFileSnapshot(snapshot('column-chart-negative'));
  });

  test('HBarChart: groups, indented reasons, notes, a 0, not reported, a selected row, a legend', async () => {
    const html = draw(HBarChart, {
      label: '办理结果',
      items: [
        { key: 'received', label: '收到申请', value: 40, color: 0 },
        { key: 'granted', label: '（一）予以公开', value: 25, color: 2, active: true, onclick: noop },
        { key: 'group:denied', label: '（三）不予公开', value: 4, note: '合计', color: 5 },
        { key: 'deniedStateSecret', label: '1.属于国家秘密', value: 0, indent: true, group: '（三）不予公开', color: 5 },
        { key: 'deniedThirdParty', label: '4.保护第三方合法权益', value: 4, indent: true, group: '（三）不予公开', color: 5 },
        { key: 'carriedForward', label: '四、结转下年度继续办理', value: null, color: 4 },
      ],
      legend: [
        { label: '收到', color: 0 },
        { label: '结果', color: 5 },
      ],
    });
    await expect(html).toMatchFileSnapshot(snapshot('hbar-chart'));
  });

  test('HBarChart: rates on a shared domain, with negatives', async () => {
    const html = draw(HBarChart, {
      label: '不予公开率',
      domain: [-0.5, 1],
      format: (v: number) => percent(v, 'zh') ?? '–',
      items: [
        { key: 'a', label: '甲', value: 0.25, group: '2023' },
        { key: 'b', label: '乙', value: -0.5, group: '2023' },
        { key: 'c', label: '丙', value: 1, group: '2024' },
      ],
    });
    await expect(html).toMatchFileSnapshot(snapshot('hbar-chart-rates'));
  });

  test('ShareGrid: shades and their type, an empty column, a selected row', async () => {
    const counts: Record<string, Record<string, [number, number] | null>> = {
      staff: { '2022': [1, 4], '2023': [3, 3], '2024': null },
      platform: { '2022': [0, 4], '2023': [2, 3], '2024': null },
    };
    const html = draw(ShareGrid, {
      rows: [
        { key: 'staff', label: '队伍建设', title: '人员、培训' },
        { key: 'platform', label: '平台建设' },
      ],
      columns: [
        { key: '2022', label: '2022', note: 'n = 4' },
        { key: '2023', label: '2023', note: 'n = 3' },
        { key: '2024', label: '2024' },
      ],
      cell: (row: string, column: string) => {
        const c = counts[row][column];
        return c ? { count: c[0], of: c[1] } : null;
      },
      rowHeader: '主题',
      label: '各年度承认各主题的报告比例',
      selected: 'platform',
      onselect: noop,
      selectLabel: (r: { label: string }) => `列出“${r.label}”的句子`,
    });
    await expect(html).toMatchFileSnapshot(snapshot('share-grid'));
  });

  test('Sparkline: a gap between years, a lone point, a 0', async () => {
    const html = draw(Sparkline, {
      label: '甲街道办事处',
      years: [2019, 2020, 2021, 2022, 2023],
      points: [
        { year: 2019, value: 3 },
        { year: 2020, value: 0 },
        { year: 2022, value: 7 },
      ],
    });
    await expect(html).toMatchFileSnapshot(snapshot('sparkline'));
  });

  test('YearChart: two series with a value not reported', async () => {
    const html = draw(YearChart, {
      years: [2021, 2022, 2023],
      series: [
        { label: '行政复议', values: [2, null, 0] },
        { label: '行政诉讼', values: [1, 4, 0] },
      ],
    });
    await expect(html).toMatchFileSnapshot(snapshot('year-chart'));
  });

  test('YearChart: every value reported as 0 says so', async () => {
    const html = draw(YearChart, { years: [2022, 2023], series: [{ label: '行政复议', values: [0, 0] }] });
    expect(html).toContain('所选报告均报告为零');
    await expect(html).toMatchFileSnapshot(snapshot('year-chart-all-zero'));
  });
});

describe('normalise', () => {
  test('drops comments and scoped classes, rounds coordinates, one element a line', () => {
    expect(normalise('<!--[--><div class="bars svelte-1ab2c"><svg class="svelte-1ab2c"><rect x="37.000000000000014" y="2.5"></rect></svg></div><!--]-->')).toBe(
      '<div class="bars">\n<svg>\n<rect x="37" y="2.5">\n</rect>\n</svg>\n</div>\n',
    );
  });
});
