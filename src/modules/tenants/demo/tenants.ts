import type { TenantKind } from '../tables.ts';

/** Demo tenants of PRODUCT.md §3 (Sachsen-Anhalt). Addresses and contacts are illustrative test data. */
export interface DemoTenant {
  slug: string;
  name: string;
  shortName: string;
  kind: TenantKind;
  ags: string | null;
  ars: string | null;
  color: string;
  representative: string;
  street: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  website: string;
  offices: DemoOffice[];
}

export interface DemoOffice {
  slug: string;
  name: string;
  street: string;
  phone: string;
  email: string;
  hours: string;
  accessibility?: string;
}

const weekdayHours =
  'Montag: 9 bis 12 Uhr\nDienstag: 9 bis 12 Uhr und 13 bis 18 Uhr\nDonnerstag: 9 bis 12 Uhr und 13 bis 16 Uhr\nFreitag: 9 bis 12 Uhr';

export const demoTenants: DemoTenant[] = [
  {
    slug: 'magdeburg',
    name: 'Landeshauptstadt Magdeburg',
    shortName: 'Magdeburg',
    kind: 'stadt',
    ags: '15003000',
    ars: '150030000000',
    color: '#8a1538',
    representative: 'die Oberbürgermeisterin',
    street: 'Alter Markt 6',
    postcode: '39104',
    city: 'Magdeburg',
    phone: '0391 540-0',
    email: 'serviceportal@magdeburg.example',
    website: 'https://www.magdeburg.de',
    offices: [
      {
        slug: 'standesamt',
        name: 'Standesamt Magdeburg',
        street: 'Humboldtstraße 11',
        phone: '0391 540-2101',
        email: 'standesamt@magdeburg.example',
        hours: weekdayHours,
        accessibility: 'Der Eingang ist stufenlos erreichbar. Ein Aufzug ist vorhanden.',
      },
      {
        slug: 'buergerbuero',
        name: 'Bürgerbüro Mitte',
        street: 'Breiter Weg 222',
        phone: '0391 540-4444',
        email: 'buergerbuero@magdeburg.example',
        hours: weekdayHours,
      },
      {
        slug: 'steueramt',
        name: 'Fachbereich Finanzservice – Hundesteuer',
        street: 'Julius-Bremer-Straße 8–10',
        phone: '0391 540-2556',
        email: 'hundesteuer@magdeburg.example',
        hours: weekdayHours,
      },
      {
        slug: 'gewerbeamt',
        name: 'Gewerbeamt',
        street: 'Julius-Bremer-Straße 8–10',
        phone: '0391 540-2340',
        email: 'gewerbe@magdeburg.example',
        hours: weekdayHours,
      },
    ],
  },
  {
    slug: 'halberstadt',
    name: 'Stadt Halberstadt',
    shortName: 'Halberstadt',
    kind: 'stadt',
    ags: '15085135',
    ars: '150850135135',
    color: '#1d5c96',
    representative: 'den Oberbürgermeister',
    street: 'Holzmarkt 1',
    postcode: '38820',
    city: 'Halberstadt',
    phone: '03941 55-0',
    email: 'serviceportal@halberstadt.example',
    website: 'https://www.halberstadt.de',
    offices: [
      {
        slug: 'standesamt',
        name: 'Standesamt Halberstadt',
        street: 'Domplatz 49',
        phone: '03941 55-1300',
        email: 'standesamt@halberstadt.example',
        hours: weekdayHours,
      },
      {
        slug: 'buergerbuero',
        name: 'Bürgerbüro Halberstadt',
        street: 'Holzmarkt 1',
        phone: '03941 55-1111',
        email: 'buergerbuero@halberstadt.example',
        hours: weekdayHours,
      },
      {
        slug: 'ordnungsamt',
        name: 'Ordnungsamt – Gewerbe und Hundesteuer',
        street: 'Domplatz 49',
        phone: '03941 55-1500',
        email: 'ordnungsamt@halberstadt.example',
        hours: weekdayHours,
      },
    ],
  },
  {
    slug: 'unstruttal',
    name: 'Verbandsgemeinde Unstruttal',
    shortName: 'Unstruttal',
    kind: 'verbandsgemeinde',
    ags: null,
    ars: null,
    color: '#2e6b30',
    representative: 'den Verbandsgemeindebürgermeister',
    street: 'Markt 1',
    postcode: '06632',
    city: 'Freyburg (Unstrut)',
    phone: '034464 27-0',
    email: 'serviceportal@unstruttal.example',
    website: 'https://www.vgem-unstruttal.de',
    offices: [
      {
        slug: 'buergerbuero',
        name: 'Bürgerbüro der Verbandsgemeinde',
        street: 'Markt 1',
        phone: '034464 27-100',
        email: 'buergerbuero@unstruttal.example',
        hours: weekdayHours,
      },
      {
        slug: 'standesamt',
        name: 'Standesamt Unstruttal',
        street: 'Markt 2',
        phone: '034464 27-120',
        email: 'standesamt@unstruttal.example',
        hours: weekdayHours,
      },
    ],
  },
  {
    slug: 'wernigerode',
    name: 'Stadt Wernigerode',
    shortName: 'Wernigerode',
    kind: 'stadt',
    ags: '15085370',
    ars: '150850370370',
    color: '#a3261d',
    representative: 'den Oberbürgermeister',
    street: 'Marktplatz 1',
    postcode: '38855',
    city: 'Wernigerode',
    phone: '03943 654-0',
    email: 'serviceportal@wernigerode.example',
    website: 'https://www.wernigerode.de',
    offices: [
      {
        slug: 'buergerbuero',
        name: 'Bürgerbüro Wernigerode',
        street: 'Marktplatz 1',
        phone: '03943 654-111',
        email: 'buergerbuero@wernigerode.example',
        hours: weekdayHours,
      },
      {
        slug: 'standesamt',
        name: 'Standesamt Wernigerode',
        street: 'Marktplatz 1',
        phone: '03943 654-130',
        email: 'standesamt@wernigerode.example',
        hours: weekdayHours,
      },
      {
        slug: 'familienbuero',
        name: 'Familienbüro – Begrüßungsgeld',
        street: 'Schlachthofstraße 6',
        phone: '03943 654-450',
        email: 'familie@wernigerode.example',
        hours: weekdayHours,
      },
    ],
  },
];
