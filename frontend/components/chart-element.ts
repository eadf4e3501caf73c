/**
 * The shell that the ECharts web components (<role-bars>, <role-trend>, <peer-distribution>, <role-radar>) share:
 * a shadow root whose chart box fills the host, the ECharts instance (created when the element is connected, disposed
 * when it is disconnected), resizing with the host, the page's font for the canvas, and the accessible name. The
 * canvas is not readable by screen readers: the host is announced as one image (role="img") labelled by the server's
 * `ariaLabelText` (the numbers themselves are in a table next to each chart).
 *
 * A subclass declares its own data properties (set by its Java wrapper in jp.kakaritsuke.base.ui), builds the whole
 * ECharts option from them in chartOption() and is registered with ChartElement.define().
 */
import * as echarts from 'echarts/core';
import {
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// what every chart has: a tooltip and a legend, drawn on a canvas
echarts.use([TooltipComponent, LegendComponent, CanvasRenderer]);

/** The option types of the components registered here, for a chart's echarts.ComposeOption. */
export type CommonComponentOption = TooltipComponentOption | LegendComponentOption;

const SHELL = `<style>
    :host {
      display: block;
      position: relative;
      /* Canvas text does not inherit CSS fonts: this value is read and handed to ECharts (see font()). */
      font-family: var(--lumo-font-family);
    }
    :host([hidden]) { display: none; }
    .chart { position: absolute; inset: 0; }
  </style>
  <div class="chart"></div>`;

export abstract class ChartElement extends HTMLElement {
  /**
   * Registers `type` as the element `tag` (once: a second import of the module changes nothing) with its data
   * properties, one per entry of `data`, as the Java wrapper sets them (Element.setProperty, setPropertyList,
   * setPropertyBean): reading one gives the value last set, setting null or undefined gives its default back, and
   * every set calls dataChanged(). The class declares each with `declare` (a plain field would hide the accessor).
   */
  static define<T extends ChartElement>(tag: string, type: new () => T, data: { [K in keyof T]?: T[K] }): void {
    if (customElements.get(tag)) {
      return;
    }
    for (const [name, fallback] of Object.entries(data)) {
      const value = Symbol(name);
      Object.defineProperty(type.prototype, name, {
        configurable: true,
        enumerable: true,
        get(this: ChartElement & Record<symbol, unknown>) {
          return this[value] ?? fallback;
        },
        set(this: ChartElement & Record<symbol, unknown>, v: unknown) {
          this[value] = v ?? fallback;
          this.dataChanged();
        },
      });
    }
    customElements.define(tag, type);
  }

  protected chart?: echarts.ECharts;
  /** The box ECharts draws into. */
  protected readonly container: HTMLElement;
  private resizeObserver?: ResizeObserver;
  private _ariaLabelText = '';

  /** `more`: markup of the subclass's own, after the chart box in the shadow root. */
  constructor(more = '') {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = SHELL + more;
    this.container = root.querySelector('.chart') as HTMLElement;
  }

  get ariaLabelText(): string {
    return this._ariaLabelText;
  }

  set ariaLabelText(value: string | null | undefined) {
    this._ariaLabelText = value ?? '';
    this.updateAria();
  }

  connectedCallback(): void {
    this.setAttribute('role', 'img');
    this.updateAria();
    this.resizeObserver = new ResizeObserver(() => this.resized());
    this.resizeObserver.observe(this);
    this.attached();
  }

  disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    // Frees the canvas, listeners and animation frames; a re-attached element builds a new chart.
    this.chart?.dispose();
    this.chart = undefined;
  }

  /** Connected (after the resize observer is set up): by default the chart is created and drawn at once. */
  protected attached(): void {
    this.createChart();
  }

  /** The host changed size: by default the chart follows it. */
  protected resized(): void {
    this.chart?.resize();
  }

  protected createChart(): void {
    this.chart = echarts.init(this.container, undefined, { renderer: 'canvas' });
    this.render();
  }

  /** A data property was set: by default the chart is drawn again at once. */
  protected dataChanged(): void {
    this.render();
  }

  /** Draws the current data; nothing before the chart exists. */
  protected render(): void {
    if (!this.chart) {
      return;
    }
    // notMerge: a series removed on the server must disappear here too.
    this.chart.setOption(this.chartOption(), { notMerge: true });
  }

  /** The whole option for the current data and size; called only while the chart exists. */
  protected abstract chartOption(): echarts.EChartsCoreOption;

  /** The page's font, for the canvas's text. */
  protected font(): string {
    return getComputedStyle(this).fontFamily || 'sans-serif';
  }

  private updateAria(): void {
    if (this._ariaLabelText) {
      this.setAttribute('aria-label', this._ariaLabelText);
    } else {
      this.removeAttribute('aria-label');
    }
  }
}

