import { downloadBlob, downloadText } from '../common/download';

export function saveSvg(svg: string, fileName: string): void {
  downloadText(svg, fileName, 'image/svg+xml');
}

/** Rasterise an SVG string at 2× for a crisp PNG. */
export function saveSvgAsPng(svg: string, width: number, height: number, fileName: string): void {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => blob && downloadBlob(blob, fileName), 'image/png');
  };
  img.src = url;
}

export function svgSize(svg: string): { width: number; height: number } {
  const w = /width="(\d+(?:\.\d+)?)"/.exec(svg);
  const h = /height="(\d+(?:\.\d+)?)"/.exec(svg);
  return { width: w ? Number(w[1]) : 600, height: h ? Number(h[1]) : 200 };
}
