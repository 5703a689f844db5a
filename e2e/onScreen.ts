import { expect, type Locator } from '@playwright/test';

/**
 * What a person at a 1280×720 projector can see and click without scrolling the page: the element
 * lies entirely inside the window and inside every ancestor that clips it, the page itself does not
 * scroll, and nothing is drawn over it (the topmost element at its centre and near its corners is
 * the element itself). Fractional edges from projector zoom are allowed a quarter of a pixel.
 */
export async function expectOnScreen(el: Locator): Promise<void> {
  await expect(el).toBeVisible();
  const problems = await el.evaluate((node) => {
    const out: string[] = [];
    const eps = 0.25;
    const r = node.getBoundingClientRect();
    const page = document.scrollingElement ?? document.documentElement;
    if (page.scrollHeight > window.innerHeight + 1 || page.scrollWidth > window.innerWidth + 1) out.push(`the page scrolls (${page.scrollWidth}×${page.scrollHeight})`);
    if (r.left < -eps || r.top < -eps || r.right > window.innerWidth + eps || r.bottom > window.innerHeight + eps) {
      out.push(`outside the window: ${r.left},${r.top}–${r.right},${r.bottom}`);
    }
    // Ancestors that clip it, up to a fixed-position box (which escapes its ancestors' overflow).
    for (let a: Element | null = node; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (a !== node && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) {
        const c = a.getBoundingClientRect();
        if (r.left < c.left - eps || r.top < c.top - eps || r.right > c.right + eps || r.bottom > c.bottom + eps) {
          out.push(`clipped by ${a.tagName.toLowerCase()}.${a.className}`);
        }
      }
      if (style.position === 'fixed') break;
    }
    const inset = Math.min(4, r.width / 4, r.height / 4);
    const points: [number, number][] = [
      [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
      [r.left + inset, r.top + inset],
      [r.right - inset, r.top + inset],
      [r.left + inset, r.bottom - inset],
      [r.right - inset, r.bottom - inset],
    ];
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== node && !node.contains(hit)) out.push(`covered at ${Math.round(x)},${Math.round(y)} by ${hit.tagName.toLowerCase()}.${hit.className}`);
    }
    return out;
  });
  expect(problems, `${el.toString()} is not fully on screen`).toEqual([]);
}
