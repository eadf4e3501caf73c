/**
 * <peer-distribution>: per role, the levels (0–4) of comparable facilities as a box from the first to the third
 * quartile with a tick at the median, and the facility's own level as a dot; drawn with Apache ECharts. Data comes
 * from jp.kakaritsuke.base.ui.PeerDistributionChart: `roles` ({name, q1, median, q3, own}[]; q1/median/q3 null when a
 * role has no statistics, own null when unanswered), `labels` ({spread, median, own}) and `ariaLabelText`.
 */
import * as echarts from 'echarts/core';
import { BarChart, type BarSeriesOption, ScatterChart, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type ChartOption = echarts.ComposeOption<
  BarSeriesOption | ScatterSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

export interface PeerRole {
  name: string;
  q1: number | null;
  median: number | null;
  q3: number | null;
  own: number | null;
}

export interface PeerLabels {
  spread: string;
  median: string;
  own: string;
}

// the peers in calm blue and grey, the facility in a strong orange: the dot must stand out in print and for
// colour-blind readers (blue/orange is the safe pair)
const BOX = '#9ecae1';
const MEDIAN = '#08306b';
const OWN = '#d94801';

class PeerDistribution extends HTMLElement {
  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;
  private _roles: PeerRole[] = [];
  private _labels: PeerLabels = { spread: '', median: '', own: '' };
  private _aria = '';

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>:host{display:block;position:relative;font-family:var(--lumo-font-family)}
      :host([hidden]){display:none}.chart{position:absolute;inset:0}</style><div class="chart"></div>`;
  }

  get roles(): PeerRole[] {
    return this._roles;
  }

  set roles(value: PeerRole[] | null | undefined) {
    this._roles = value ?? [];
    this.render();
  }

  get labels(): PeerLabels {
    return this._labels;
  }

  set labels(value: PeerLabels | null | undefined) {
    this._labels = value ?? { spread: '', median: '', own: '' };
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
    // a phone gets narrower role labels (they wrap) so the boxes keep their room
    this.resizeObserver = new ResizeObserver(() => {
      this.chart?.resize();
      this.render();
    });
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
    const font = getComputedStyle(this).fontFamily || 'sans-serif';
    const narrow = this.clientWidth < 520;
    const roles = this._roles;
    const l = this._labels;
    const option: ChartOption = {
      textStyle: { fontFamily: font },
      animation: false,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const first = (params as { dataIndex: number }[])[0];
          const r = roles[first?.dataIndex ?? 0];
          if (!r) {
            return '';
          }
          const lines = [r.name];
          if (r.q1 !== null && r.q3 !== null) {
            lines.push(`${l.spread}: ${r.q1}–${r.q3}`, `${l.median}: ${r.median}`);
          }
          lines.push(`${l.own}: ${r.own ?? '-'}`);
          return lines.join('<br>');
        },
      },
      legend: { bottom: 0, textStyle: { fontFamily: font }, data: [l.spread, l.median, l.own] },
      grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 4, interval: 1 },
      yAxis: {
        type: 'category',
        data: roles.map((r) => r.name),
        inverse: true,
        axisLabel: { fontFamily: font, width: narrow ? 84 : 180, overflow: 'break', lineHeight: 13 },
      },
      series: [
        {
          // the invisible part of the bar up to the first quartile
          type: 'bar',
          stack: 'box',
          silent: true,
          itemStyle: { color: 'transparent' },
          data: roles.map((r) => (r.q1 === null ? '-' : r.q1)),
          barWidth: '55%',
        },
        {
          name: l.spread,
          type: 'bar',
          stack: 'box',
          itemStyle: { color: BOX, borderColor: MEDIAN, borderWidth: 1 },
          data: roles.map((r) => (r.q1 === null || r.q3 === null ? '-' : r.q3 - r.q1)),
          barWidth: '55%',
        },
        {
          name: l.median,
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [4, 20],
          itemStyle: { color: MEDIAN },
          data: roles.map((r, i) => (r.median === null ? ['-', i] : [r.median, i])),
        },
        {
          name: l.own,
          type: 'scatter',
          symbol: 'circle',
          symbolSize: 13,
          itemStyle: { color: OWN, borderColor: '#ffffff', borderWidth: 2 },
          z: 5,
          data: roles.map((r, i) => (r.own === null ? ['-', i] : [r.own, i])),
        },
      ],
    };
    this.chart.setOption(option, { notMerge: true });
  }
}

if (!customElements.get('peer-distribution')) {
  customElements.define('peer-distribution', PeerDistribution);
}
