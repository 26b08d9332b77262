/** The page types every browser check walks through, with the HTTP status each must answer with. */
export interface PageCase {
  name: string;
  path: string;
  status: number;
}

export const pageCases: PageCase[] = [
  { name: 'landing', path: '/', status: 200 },
  { name: 'portal', path: '/magdeburg', status: 200 },
  { name: 'search with results', path: '/magdeburg/leistungen?q=Hund', status: 200 },
  { name: 'search without results', path: '/magdeburg/leistungen?q=Xylophonzwirbelei', status: 200 },
  { name: 'service page', path: '/magdeburg/leistungen/hundehaltung-anmeldung', status: 200 },
  { name: 'legal page', path: '/magdeburg/barrierefreiheit', status: 200 },
  { name: '404 page', path: '/magdeburg/leistungen/gibt-es-nicht', status: 404 },
];
