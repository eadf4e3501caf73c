/**
 * <role-radar>: a radar chart of the 14 roles (or any axes), drawn with Apache ECharts.
 *
 * Data comes from the server component jp.kakaritsuke.base.ui.RoleRadarChart as three properties:
 * `indicators` ({name, max}[]), `series` ({name, values, kind}[]) and `ariaLabelText`. The chart carries no text of
 * its own: every label is given by the caller, so it follows the UI language.
 */
// Tree-shaken imports: only the radar chart, tooltip, legend and canvas renderer end up in the bundle
// (the full `echarts` entry point would add about 1 MB).
import * as echarts from 'echarts/core';
import { RadarChart, type RadarSeriesOption } from 'echarts/charts';
import {
  LegendComponent,
  type LegendComponentOption,
  type RadarComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([RadarChart, TooltipComponent, LegendComponent, CanvasRenderer]);

type ChartOption = echarts.ComposeOption<
  RadarSeriesOption | RadarComponentOption | TooltipComponentOption | LegendComponentOption
>;

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

const template = document.createElement('template');
template.innerHTML = `
  <style>
    :host {
      display: block;
      position: relative;
      /* Canvas text does not inherit CSS fonts: this value is read and handed to ECharts (see fontFamily()). */
      font-family: var(--lumo-font-family);
    }
    :host([hidden]) { display: none; }
    .chart { position: absolute; inset: 0; }
    /* Probes turn theme variables (light-dark(), var()) into plain rgb() that ECharts can parse. */
    .probe { display: none; }
  </style>
  <div class="chart"></div>
  <span class="probe" data-color="primary" style="color: var(--role-radar-current-color, var(--lumo-primary-color, #006af5))"></span>
  <span class="probe" data-color="previous" style="color: var(--role-radar-previous-color, var(--lumo-contrast-50pct, #8a8f98))"></span>
  <span class="probe" data-color="case" style="color: var(--role-radar-case-color, #e8710a)"></span>
  <span class="probe" data-color="text" style="color: var(--lumo-secondary-text-color, #5b6470)"></span>
  <span class="probe" data-color="grid" style="color: var(--lumo-contrast-20pct, #d0d4da)"></span>
`;

export class RoleRadar extends HTMLElement {
  private _indicators: RadarIndicator[] = [];
  private _series: RadarSeries[] = [];
  private _ariaLabelText = '';
  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;
  private renderPending = false;
  private readonly container: HTMLElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.appendChild(template.content.cloneNode(true));
    this.container = root.querySelector('.chart') as HTMLElement;
  }

  get indicators(): RadarIndicator[] {
    return this._indicators;
  }

  set indicators(value: RadarIndicator[] | null | undefined) {
    this._indicators = value ?? [];
    this.requestRender();
  }

  get series(): RadarSeries[] {
    return this._series;
  }

  set series(value: RadarSeries[] | null | undefined) {
    this._series = value ?? [];
    this.requestRender();
  }

  get ariaLabelText(): string {
    return this._ariaLabelText;
  }

  set ariaLabelText(value: string | null | undefined) {
    this._ariaLabelText = value ?? '';
    this.updateAria();
  }

  connectedCallback(): void {
    // The canvas is not readable by screen readers: the host is announced as one image with a summary label
    // (the numbers themselves are in a table next to the chart).
    this.setAttribute('role', 'img');
    this.updateAria();
    // ECharts cannot measure a container of size 0; the chart is created on the first real size instead.
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(this);
    // A web font loaded after the first paint would leave canvas labels in the fallback font.
    document.fonts?.ready.then(() => this.requestRender());
  }

  disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    // Frees the canvas, listeners and animation frames; a re-attached element builds a new chart.
    this.chart?.dispose();
    this.chart = undefined;
  }

  private updateAria(): void {
    if (this._ariaLabelText) {
      this.setAttribute('aria-label', this._ariaLabelText);
    } else {
      this.removeAttribute('aria-label');
    }
  }

  private onResize(): void {
    if (this.container.clientWidth === 0 || this.container.clientHeight === 0) {
      return;
    }
    if (this.chart) {
      this.chart.resize();
      // the names' layout depends on the width (layoutFor)
      this.render();
    } else {
      this.chart = echarts.init(this.container, undefined, { renderer: 'canvas' });
      this.render();
    }
  }

  /** Setting several properties in one round trip renders once. */
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

  private fontFamily(): string {
    return getComputedStyle(this).fontFamily || 'sans-serif';
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

  private render(): void {
    if (!this.chart) {
      return;
    }
    const layout = RoleRadar.layoutFor(this.container.clientWidth);
    const font = this.fontFamily();
    const text = this.color('text');
    const grid = this.color('grid');
    const option: ChartOption = {
      textStyle: { fontFamily: font },
      tooltip: {
        trigger: 'item',
        confine: true,
        textStyle: { fontFamily: font },
      },
      legend: {
        bottom: 0,
        data: this._series.map((s) => s.name),
        textStyle: { fontFamily: font, color: text, fontSize: layout.fontSize },
      },
      radar: {
        center: ['50%', '46%'],
        // the roles run clockwise from the top, in reading order
        clockwise: true,
        radius: layout.radius,
        indicator: this._indicators.map((i) => ({ name: i.name, max: i.max })),
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
      series: this._series.map((s) => this.seriesOption(s)),
    };
    // notMerge: a series removed on the server must disappear here too.
    this.chart.setOption(option, { notMerge: true });
  }
}

if (!customElements.get('role-radar')) {
  customElements.define('role-radar', RoleRadar);
}

declare global {
  interface HTMLElementTagNameMap {
    'role-radar': RoleRadar;
  }
}
