import type { GridContext } from '../draw';

/**
 * A fake 2D context that records every call and property write as text, for golden tests of
 * drawCluster. Numbers are rounded to 2 decimals so the record does not depend on float noise.
 */
interface DrawState {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
}

export class RecordingContext implements GridContext {
  calls: string[] = [];
  private state: DrawState = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
  };
  private stack: DrawState[] = [];
  /** When false, only counts calls (for timing without the cost of building strings). */
  constructor(private readonly record = true) {}
  count = 0;

  private log(name: string, args: unknown[]): void {
    this.count++;
    if (!this.record) return;
    this.calls.push(`${name}(${args.map(fmt).join(', ')})`);
  }
  private set<K extends keyof DrawState>(key: K, value: DrawState[K]): void {
    this.state[key] = value;
    this.log(`${key}=`, [value]);
  }

  get fillStyle() {
    return this.state.fillStyle;
  }
  set fillStyle(v: string | CanvasGradient | CanvasPattern) {
    this.set('fillStyle', typeof v === 'string' ? v : 'pattern');
  }
  get strokeStyle() {
    return this.state.strokeStyle;
  }
  set strokeStyle(v: string | CanvasGradient | CanvasPattern) {
    this.set('strokeStyle', typeof v === 'string' ? v : 'pattern');
  }
  get lineWidth() {
    return this.state.lineWidth;
  }
  set lineWidth(v: number) {
    this.set('lineWidth', v);
  }
  get globalAlpha() {
    return this.state.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.set('globalAlpha', v);
  }
  get font() {
    return this.state.font;
  }
  set font(v: string) {
    this.set('font', v);
  }
  get textAlign() {
    return this.state.textAlign;
  }
  set textAlign(v: CanvasTextAlign) {
    this.set('textAlign', v);
  }
  get textBaseline() {
    return this.state.textBaseline;
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.set('textBaseline', v);
  }

  save(): void {
    this.stack.push({ ...this.state });
    this.log('save', []);
  }
  restore(): void {
    const s = this.stack.pop();
    if (s) this.state = s;
    this.log('restore', []);
  }
  setTransform(...args: unknown[]): void {
    this.log('setTransform', args);
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    this.log('fillRect', [x, y, w, h]);
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.log('strokeRect', [x, y, w, h]);
  }
  beginPath(): void {
    this.log('beginPath', []);
  }
  moveTo(x: number, y: number): void {
    this.log('moveTo', [x, y]);
  }
  lineTo(x: number, y: number): void {
    this.log('lineTo', [x, y]);
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.log('rect', [x, y, w, h]);
  }
  stroke(): void {
    this.log('stroke', []);
  }
  clip(): void {
    this.log('clip', []);
  }
  fillText(text: string, x: number, y: number): void {
    this.log('fillText', [text, x, y]);
  }
  setLineDash(segments: number[]): void {
    this.log('setLineDash', [segments]);
  }
}

function fmt(v: unknown): string {
  if (typeof v === 'number') return String(Math.round(v * 100) / 100);
  if (Array.isArray(v)) return `[${v.map(fmt).join(',')}]`;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}
