/**
 * <role-bars>: horizontal stacked bars, one bar per category (e.g. a role), one stack segment per series (e.g. a
 * level 0–4), drawn with Apache ECharts. Data comes from jp.kakaritsuke.base.ui.StackedBarChart: `categories`
 * (string[]), `series` ({name, values}[], a value may be null when it is suppressed) and `ariaLabelText`.
 */
import * as echarts from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type ChartOption = echarts.ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

export interface BarSeries {
  name: string;
  values: (number | null)[];
}

// Level 0 (grey) to level 4 (deep blue): a sequential palette readable in print and by colour-blind readers.
const PALETTE = ['#c9ced6', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

class RoleBars extends HTMLElement {
  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;
  private _categories: string[] = [];
  private _series: BarSeries[] = [];
  private _aria = '';

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>:host{display:block;position:relative;font-family:var(--lumo-font-family)}
      :host([hidden]){display:none}.chart{position:absolute;inset:0}</style><div class="chart"></div>`;
  }

  get categories(): string[] {
    return this._categories;
  }

  set categories(value: string[] | null | undefined) {
    this._categories = value ?? [];
    this.render();
  }

  get series(): BarSeries[] {
    return this._series;
  }

  set series(value: BarSeries[] | null | undefined) {
    this._series = value ?? [];
    this.render();
  }

  get ariaLabelText(): string {
    return this._aria;
  }

  set ariaLabelText(value: string | null | undefined) {
    this._aria = value ?? '';
    this.setAttribute('aria-label', this._aria);
  }

  connectedCallback(): void {
    this.setAttribute('role', 'img');
    const el = this.shadowRoot!.querySelector('.chart') as HTMLElement;
    this.chart = echarts.init(el, undefined, { renderer: 'canvas' });
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    this.render();
  }

  disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  private render(): void {
    if (!this.chart) {
      return;
    }
    // canvas text does not inherit CSS fonts: pass the page's font on
    const font = getComputedStyle(this).fontFamily || 'sans-serif';
    const option: ChartOption = {
      textStyle: { fontFamily: font },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, textStyle: { fontFamily: font } },
      grid: { left: 8, right: 16, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: this._categories, inverse: true, axisLabel: { fontFamily: font } },
      series: this._series.map((s, i) => ({
        name: s.name,
        type: 'bar',
        stack: 'total',
        data: s.values.map((v) => (v === null ? '-' : v)),
        itemStyle: { color: PALETTE[i % PALETTE.length] },
      })),
    };
    this.chart.setOption(option, { notMerge: true });
  }
}

if (!customElements.get('role-bars')) {
  customElements.define('role-bars', RoleBars);
}
