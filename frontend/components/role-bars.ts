/**
 * <role-bars>: horizontal stacked bars, one bar per category (e.g. a role), one stack segment per series (e.g. a
 * level 0–4), drawn with Apache ECharts. Data comes from jp.kakaritsuke.base.ui.StackedBarChart: `categories`
 * (string[]), `series` ({name, values}[], a value may be null when it is suppressed) and `ariaLabelText`.
 */
import * as echarts from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption } from 'echarts/components';
import { ChartElement, type CommonComponentOption } from './chart-element';

echarts.use([BarChart, GridComponent]);

type ChartOption = echarts.ComposeOption<BarSeriesOption | GridComponentOption | CommonComponentOption>;

export interface BarSeries {
  name: string;
  values: (number | null)[];
}

// Level 0 (grey) to level 4 (deep blue): a sequential palette readable in print and by colour-blind readers.
const PALETTE = ['#c9ced6', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

class RoleBars extends ChartElement {
  declare categories: string[];
  declare series: BarSeries[];

  protected override chartOption(): ChartOption {
    const font = this.font();
    return {
      textStyle: { fontFamily: font },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, textStyle: { fontFamily: font } },
      grid: { left: 8, right: 16, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: this.categories, inverse: true, axisLabel: { fontFamily: font } },
      series: this.series.map((s, i) => ({
        name: s.name,
        type: 'bar',
        stack: 'total',
        data: s.values.map((v) => (v === null ? '-' : v)),
        itemStyle: { color: PALETTE[i % PALETTE.length] },
      })),
    };
  }
}

ChartElement.define('role-bars', RoleBars, { categories: [], series: [] });
