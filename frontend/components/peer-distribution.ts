/**
 * <peer-distribution>: per role, the levels (0–4) of comparable facilities as a box from the first to the third
 * quartile with a tick at the median, and the facility's own level as a dot; drawn with Apache ECharts. Data comes
 * from jp.kakaritsuke.base.ui.PeerDistributionChart: `roles` ({name, q1, median, q3, own}[]; q1/median/q3 null when a
 * role has no statistics, own null when unanswered), `labels` ({spread, median, own}) and `ariaLabelText`.
 */
import * as echarts from 'echarts/core';
import { BarChart, type BarSeriesOption, ScatterChart, type ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption } from 'echarts/components';
import { ChartElement, type CommonComponentOption } from './chart-element';

echarts.use([BarChart, ScatterChart, GridComponent]);

type ChartOption = echarts.ComposeOption<
  BarSeriesOption | ScatterSeriesOption | GridComponentOption | CommonComponentOption
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

class PeerDistribution extends ChartElement {
  declare roles: PeerRole[];
  declare labels: PeerLabels;

  /** A phone gets narrower role labels (they wrap) so the boxes keep their room. */
  protected override resized(): void {
    super.resized();
    this.render();
  }

  protected override chartOption(): ChartOption {
    const font = this.font();
    const narrow = this.clientWidth < 520;
    const roles = this.roles;
    const l = this.labels;
    return {
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
  }
}

ChartElement.define('peer-distribution', PeerDistribution, {
  roles: [],
  labels: { spread: '', median: '', own: '' },
});
