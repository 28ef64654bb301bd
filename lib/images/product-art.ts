/**
 * Demo product images, drawn by the project itself: the category colour, a simple motif and the
 * product name. Deterministic for a given input, so the seed stays idempotent.
 */
export type Motif = 'leaf' | 'fruit' | 'tea' | 'egg' | 'grain' | 'jar' | 'embroidery';

export type ArtInput = { name: string; spec: string; color: string; motif: Motif; variant?: number };

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function motifPath(motif: Motif, seed: number): string {
  const r = (n: number) => ((seed >> n) & 0xff) / 255;
  switch (motif) {
    case 'leaf':
      return `<path d="M300 120c120 40 150 160 90 250-40 60-120 70-150 40-40-40-40-150 60-290z" fill="#fff" fill-opacity=".22"/><path d="M250 400c30-90 60-170 110-250" stroke="#fff" stroke-opacity=".5" stroke-width="8" fill="none" stroke-linecap="round"/>`;
    case 'fruit':
      return `<circle cx="${290 + r(1) * 30}" cy="270" r="130" fill="#fff" fill-opacity=".22"/><path d="M300 140c10-40 40-60 80-60-10 40-40 60-80 60z" fill="#fff" fill-opacity=".45"/>`;
    case 'tea':
      return `<path d="M180 300c0-90 70-160 160-160 0 90-70 160-160 160z" fill="#fff" fill-opacity=".25"/><path d="M260 330c0-70 55-125 125-125 0 70-55 125-125 125z" fill="#fff" fill-opacity=".18"/><rect x="190" y="360" width="220" height="24" rx="12" fill="#fff" fill-opacity=".3"/>`;
    case 'egg':
      return `<ellipse cx="300" cy="270" rx="105" ry="135" fill="#fff" fill-opacity=".25"/><ellipse cx="270" cy="220" rx="25" ry="38" fill="#fff" fill-opacity=".3"/>`;
    case 'grain':
      return (
        Array.from({ length: 7 }, (_, i) => {
          const y = 140 + i * 34;
          return `<ellipse cx="${282 - (i % 2) * 36}" cy="${y}" rx="22" ry="12" transform="rotate(-30 ${282 - (i % 2) * 36} ${y})" fill="#fff" fill-opacity=".3"/>`;
        }).join('') + `<path d="M300 120v280" stroke="#fff" stroke-opacity=".45" stroke-width="6"/>`
      );
    case 'jar':
      return `<rect x="200" y="170" width="200" height="220" rx="36" fill="#fff" fill-opacity=".22"/><rect x="220" y="140" width="160" height="40" rx="10" fill="#fff" fill-opacity=".35"/>`;
    case 'embroidery': {
      const petals = Array.from({ length: 8 }, (_, i) => {
        const a = (i * Math.PI) / 4;
        const x = (300 + Math.cos(a) * 90).toFixed(1);
        const y = (270 + Math.sin(a) * 90).toFixed(1);
        return `<circle cx="${x}" cy="${y}" r="42" fill="none" stroke="#fff" stroke-opacity=".45" stroke-width="5" stroke-dasharray="10 7"/>`;
      }).join('');
      return `${petals}<rect x="255" y="225" width="90" height="90" transform="rotate(45 300 270)" fill="#fff" fill-opacity=".35"/>`;
    }
  }
}

/** A 600×600 SVG for a product. */
export function productArtSvg({ name, spec, color, motif, variant = 0 }: ArtInput): string {
  const seed = hash(`${name}|${variant}`);
  const angle = seed % 360;
  const title = name.length > 9 ? `${name.slice(0, 9)}…` : name;
  const size = title.length > 6 ? 46 : 56;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600" role="img" aria-label="${esc(name)}">`,
    `<defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)"><stop offset="0" stop-color="${esc(color)}"/><stop offset="1" stop-color="${esc(color)}" stop-opacity=".78"/></linearGradient></defs>`,
    `<rect width="600" height="600" fill="url(#g)"/>`,
    `<rect width="600" height="600" fill="#000" fill-opacity="${variant ? '.08' : '0'}"/>`,
    motifPath(motif, seed),
    `<rect x="0" y="440" width="600" height="160" fill="#000" fill-opacity=".28"/>`,
    `<text x="300" y="510" text-anchor="middle" font-family="'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif" font-size="${size}" font-weight="700" fill="#fff">${esc(title)}</text>`,
    `<text x="300" y="565" text-anchor="middle" font-family="'PingFang SC','Noto Sans CJK SC',sans-serif" font-size="26" fill="#fff" fill-opacity=".9">${esc(spec)}</text>`,
    `<text x="36" y="60" font-family="'PingFang SC','Noto Sans CJK SC',sans-serif" font-size="22" fill="#fff" fill-opacity=".85">个旧消费扶贫</text>`,
    `</svg>`,
  ].join('');
}
