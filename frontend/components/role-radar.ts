/**
 * <role-radar>: a radar chart of the 14 roles (or any axes), drawn with Apache ECharts.
 *
 * Data comes from the server component jp.kakaritsuke.base.ui.RoleRadarChart as three properties:
 * `indicators` ({name, max}[]), `series` ({name, values, kind}[]) and `ariaLabelText`. The chart carries no text of
 * its own: every label is given by the caller, so it follows the UI language.
 */
// Tree-shaken imports: only the radar chart, tooltip, legend and canvas renderer (the last three registered in
// chart-element.ts) end up in the bundle (the full `echarts` entry point would add about 1 MB).
import * as echarts from 'echarts/core';
import { RadarChart, type RadarSeriesOption } from 'echarts/charts';
import type { RadarComponentOption } from 'echarts/components';
import { ChartElement, type CommonComponentOption } from './chart-element';

echarts.use([RadarChart]);

type ChartOption = echarts.ComposeOption<RadarSeriesOption | RadarComponentOption | CommonComponentOption>;

export interface RadarIndicator {
  name: string;
  max: number;
}

export type RadarSeriesKind = 'current' | 'previous' | 'case';

export interface RadarSeries {
  name: string;
  values: number[];
  kind: RadarSeriesKind;
}

// Probes turn theme variables (light-dark(), var()) into plain rgb() that ECharts can parse.
const PROBES = `
  <style>
    .probe { display: none; }
  </style>
  <span class="probe" data-color="primary" style="color: var(--role-radar-current-color, var(--lumo-primary-color, #006af5))"></span>
  <span class="probe" data-color="previous" style="color: var(--role-radar-previous-color, var(--lumo-contrast-50pct, #8a8f98))"></span>
  <span class="probe" data-color="case" style="color: var(--role-radar-case-color, #e8710a)"></span>
  <span class="probe" data-color="text" style="color: var(--lumo-secondary-text-color, #5b6470)"></span>
  <span class="probe" data-color="grid" style="color: var(--lumo-contrast-20pct, #d0d4da)"></span>
`;

export class RoleRadar extends ChartElement {
  declare indicators: RadarIndicator[];
  declare series: RadarSeries[];
  private renderPending = false;

  constructor() {
    super(PROBES);
  }

  protected override attached(): void {
    // ECharts cannot measure a container of size 0: the chart is created on the first real size instead (resized).
    // A web font loaded after the first paint would leave canvas labels in the fallback font.
    document.fonts?.ready.then(() => this.requestRender());
  }

  protected override resized(): void {
    if (this.container.clientWidth === 0 || this.container.clientHeight === 0) {
      return;
    }
    if (this.chart) {
      this.chart.resize();
      // the names' layout depends on the width (layoutFor)
      this.render();
    } else {
      this.createChart();
    }
  }

  /** Setting several properties in one round trip renders once. */
  protected override dataChanged(): void {
    this.requestRender();
  }

  private requestRender(): void {
    if (this.renderPending) {
      return;
    }
    this.renderPending = true;
    queueMicrotask(() => {
      this.renderPending = false;
      this.render();
    });
  }

  private color(name: string): string {
    const probe = this.shadowRoot!.querySelector(`.probe[data-color="${name}"]`) as HTMLElement;
    return getComputedStyle(probe).color;
  }

  private seriesOption(s: RadarSeries): RadarSeriesOption {
    const primary = this.color('primary');
    const style: Record<RadarSeriesKind, Pick<RadarSeriesOption, 'lineStyle' | 'areaStyle' | 'itemStyle' | 'symbolSize' | 'z'>> = {
      current: {
        lineStyle: { color: primary, width: 2, type: 'solid' },
        areaStyle: { color: primary, opacity: 0.25 },
        itemStyle: { color: primary },
        symbolSize: 5,
        z: 3,
      },
      previous: {
        lineStyle: { color: this.color('previous'), width: 2, type: 'dashed' },
        itemStyle: { color: this.color('previous') },
        symbolSize: 4,
        z: 2,
      },
      case: {
        lineStyle: { color: this.color('case'), width: 2, type: 'dotted' },
        itemStyle: { color: this.color('case') },
        symbolSize: 4,
        z: 2,
      },
    };
    return {
      type: 'radar',
      name: s.name,
      ...(style[s.kind] ?? style.current),
      data: [{ name: s.name, value: s.values }],
    };
  }

  /**
   * Axis names at the chart's width: on a narrow chart (a phone) a smaller font, names broken onto short lines
   * (Japanese after a 「・」 or every few characters, other languages between words) and a smaller radius, so that
   * all 14 names stay inside the canvas instead of being cut at its edges.
   */
  private static layoutFor(width: number): { fontSize: number; radius: string; lineChars: number } {
    if (width < 420) {
      return { fontSize: 10, radius: '50%', lineChars: 5 };
    }
    if (width < 640) {
      return { fontSize: 11, radius: '56%', lineChars: 7 };
    }
    return { fontSize: 12, radius: '62%', lineChars: 0 };
  }

  /** Breaks a name into lines of at most `lineChars` characters (0: keep it whole). */
  static wrapName(name: string, lineChars: number): string {
    if (lineChars <= 0 || name.length <= lineChars) {
      return name;
    }
    const lines: string[] = [];
    if (/\s/.test(name.trim())) {
      // words: fill each line up to about twice the CJK width (Latin letters are narrower)
      let line = '';
      for (const word of name.trim().split(/\s+/)) {
        if (line && (line + ' ' + word).length > lineChars * 2) {
          lines.push(line);
          line = word;
        } else {
          line = line ? line + ' ' + word : word;
        }
      }
      lines.push(line);
      return lines.join('\n');
    }
    // Japanese: prefer the natural breaks (・ and 、), then cut what is still too long
    for (const part of name.split(/(?<=[・、])/)) {
      const chunks: string[] = [];
      for (let i = 0; i < part.length; i += lineChars) {
        chunks.push(part.slice(i, i + lineChars));
      }
      // no line of a single character (「連携」 not 「連」 + 「携」): it joins the line before
      if (chunks.length > 1 && chunks[chunks.length - 1].length === 1) {
        chunks[chunks.length - 2] += chunks.pop();
      }
      lines.push(...chunks);
    }
    return lines.join('\n');
  }

  protected override chartOption(): ChartOption {
    const layout = RoleRadar.layoutFor(this.container.clientWidth);
    const font = this.font();
    const text = this.color('text');
    const grid = this.color('grid');
    return {
      textStyle: { fontFamily: font },
      tooltip: {
        trigger: 'item',
        confine: true,
        textStyle: { fontFamily: font },
      },
      legend: {
        bottom: 0,
        data: this.series.map((s) => s.name),
        textStyle: { fontFamily: font, color: text, fontSize: layout.fontSize },
      },
      radar: {
        center: ['50%', '46%'],
        // the roles run clockwise from the top, in reading order
        clockwise: true,
        radius: layout.radius,
        indicator: this.indicators.map((i) => ({ name: i.name, max: i.max })),
        // wrapped on the chart only: the tooltip keeps the whole name
        axisName: {
          color: text,
          fontFamily: font,
          fontSize: layout.fontSize,
          lineHeight: layout.fontSize + 2,
          formatter: (name?: string) => RoleRadar.wrapName(name ?? '', layout.lineChars),
        },
        axisNameGap: layout.lineChars ? 6 : 15,
        splitLine: { lineStyle: { color: grid } },
        splitArea: { show: false },
        axisLine: { lineStyle: { color: grid } },
      },
      series: this.series.map((s) => this.seriesOption(s)),
    };
  }
}

ChartElement.define('role-radar', RoleRadar, { indicators: [], series: [] });

declare global {
  interface HTMLElementTagNameMap {
    'role-radar': RoleRadar;
  }
}
