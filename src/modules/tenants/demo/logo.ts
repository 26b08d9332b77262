/**
 * A neutral shield with the tenant's initial, standing in for the coat of arms in the demo
 * (official arms are protected and are configured by each municipality).
 */
export function placeholderArms(initial: string, color: string): string {
  const letter = initial.replace(/[^A-ZÄÖÜ]/g, '').slice(0, 1) || 'S';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 56" role="img"><title>Platzhalter-Wappen</title><path d="M4 4h40v24c0 13-9 21-20 25C13 49 4 41 4 28z" fill="${color}" stroke="#222" stroke-width="2"/><text x="24" y="35" font-family="sans-serif" font-size="22" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`;
}
