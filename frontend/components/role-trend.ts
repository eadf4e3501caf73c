/**
 * <role-trend>: a facility's scores per role over its submitted rounds, one line per role, drawn with Apache ECharts.
 * Data comes from jp.kakaritsuke.base.ui.RoleTrendChart: `dates` (string[], the x axis), `series`
 * ({name, scores, levels, shown}[]: a score 0–100 or null per date, the level beside it for the tooltip, and whether
 * the line is shown at first; the legend toggles the rest), `levelLabel` (e.g. 「レベル」) and `ariaLabelText`.
 */
import * as echarts from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption } from 'echarts/components';
import { ChartElement, type CommonComponentOption } from './chart-element';

echarts.use([LineChart, GridComponent]);

type ChartOption = echarts.ComposeOption<LineSeriesOption | GridComponentOption | CommonComponentOption>;

export interface TrendSeries {
  name: string;
  scores: (number | null)[];
  levels: (number | null)[];
  shown: boolean;
}

// 14 lines: a qualitative palette (Okabe–Ito first, then darker/lighter variants) told apart by the symbols too
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f7f7f', '#004d80', '#a66f00',
  '#006b4f', '#8f4d78', '#2b7fa8', '#8c3b00', '#333333'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'];

/** Below this width the legend scrolls in one line instead of wrapping over the chart. */
const NARROW = 600;

class RoleTrend extends ChartElement {
  declare dates: string[];
  declare series: TrendSeries[];
  declare levelLabel: string;
  private narrow = false;

  protected override resized(): void {
    if ((this.clientWidth < NARROW) !== this.narrow) {
      this.render();
    } else if (this.chart) {
      // the legend wraps differently at another width: keep the plot below it
      this.chart.setOption({ grid: { top: this.legendHeight(this.font()) + 16 } });
    }
    super.resized();
  }

  protected override chartOption(): ChartOption {
    // the legend's look (legendLook, legendHeight, resized) follows the width last drawn
    this.narrow = this.clientWidth > 0 && this.clientWidth < NARROW;
    const font = this.font();
    const selected: Record<string, boolean> = {};
    this.series.forEach((s) => (selected[s.name] = s.shown));
    const levels = new Map(this.series.map((s) => [s.name, s.levels]));
    const levelLabel = this.levelLabel;
    const look = this.legendLook();
    return {
      textStyle: { fontFamily: font },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p: any) => {
          const level = levels.get(p.seriesName)?.[p.dataIndex];
          const score = Array.isArray(p.value) ? p.value[1] : p.value;
          return `${p.name}<br/>${p.marker}${p.seriesName}: ${score}` + (level === null || level === undefined ? ''
            : ` (${levelLabel} ${level})`);
        },
      },
      // every role's name stays in sight (a scrolling legend would hide the lines shown on its later pages): the
      // legend wraps, smaller on a phone, and the plot starts below it
      legend: { type: 'plain', top: 0, left: 0, right: 0, itemGap: look.itemGap, itemWidth: look.itemWidth, selected,
        textStyle: { fontFamily: font, fontSize: look.fontSize } },
      grid: { left: 8, right: 24, top: this.legendHeight(font) + 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: this.dates, boundaryGap: false, axisLabel: { fontFamily: font, hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { fontFamily: font } },
      series: this.series.map((s, i) => ({
        name: s.name,
        type: 'line',
        connectNulls: false,
        symbol: SYMBOLS[i % SYMBOLS.length],
        symbolSize: 8,
        data: s.scores.map((v) => (v === null ? '-' : v)),
        itemStyle: { color: PALETTE[i % PALETTE.length] },
        lineStyle: { width: 2, color: PALETTE[i % PALETTE.length] },
      })),
    };
  }

  /**
   * How tall the wrapped legend is at the element's width: ECharts wraps a plain legend but does not move the plot
   * below it, so the items are laid out here as ECharts does (icon, 5 px, text; gaps between), with the text measured
   * in the same font.
   */
  private legendHeight(font: string): number {
    const { fontSize, itemWidth, itemGap } = this.legendLook();
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx || this.clientWidth === 0) {
      return this.narrow ? 140 : 70;
    }
    ctx.font = `${fontSize}px ${font}`;
    const width = this.clientWidth - 10; // the legend's padding, 5 px on each side
    let rows = 1;
    let x = 0;
    for (const s of this.series) {
      const w = itemWidth + 5 + ctx.measureText(s.name).width;
      if (x > 0 && x + w > width) {
        rows++;
        x = 0;
      }
      x += w + itemGap;
    }
    return 10 + rows * 14 + (rows - 1) * itemGap;
  }

  private legendLook(): { fontSize: number; itemWidth: number; itemGap: number } {
    return this.narrow ? { fontSize: 10, itemWidth: 18, itemGap: 6 } : { fontSize: 12, itemWidth: 25, itemGap: 10 };
  }
}

ChartElement.define('role-trend', RoleTrend, { dates: [], series: [], levelLabel: '' });
