import {
  MESSAGE_TYPE,
  XPERSONENSTAND_PORTAL_FORMAT,
  XPERSONENSTAND_PORTAL_NS,
  XPERSONENSTAND_VERSION,
} from './urkundenbestellung.ts';
import type { DocumentSpec, ElementSpec } from './validate.ts';

const OPTIONAL = { min: 0 } as const;
const MANY = { min: 0, max: Number.POSITIVE_INFINITY } as const;

const address = (name: string): ElementSpec => ({
  name,
  children: [
    { name: 'strasse', text: 'text' },
    { name: 'hausnummer', text: 'text', ...OPTIONAL },
    { name: 'adresszusatz', text: 'text', ...OPTIONAL },
    { name: 'postleitzahl', text: 'text' },
    { name: 'ort', text: 'text' },
    { name: 'staat', code: 'staat' },
  ],
});

const person = (extra: ElementSpec[] = []): ElementSpec => ({
  name: 'person',
  children: [
    {
      name: 'name',
      children: [{ name: 'vornamen', text: 'text' }, { name: 'familienname', text: 'text' }, ...extra],
    },
    { name: 'geburtsdatum', text: 'date', ...OPTIONAL },
  ],
});

/** The structure of `sac.xpersonenstand-portal.v1` (see docs/xoev.md), checked by `validateXoev`. */
export const urkundenbestellungSpec: DocumentSpec = {
  namespace: XPERSONENSTAND_PORTAL_NS,
  formatVersion: XPERSONENSTAND_PORTAL_FORMAT,
  root: {
    name: MESSAGE_TYPE,
    attributes: {
      formatVersion: { required: true, fixed: XPERSONENSTAND_PORTAL_FORMAT },
      xpersonenstandVersion: { required: true, fixed: XPERSONENSTAND_VERSION },
      standard: { required: true, fixed: 'urn:xoev-de:kosit:standard:xinneres.xpersonenstand' },
    },
    children: [
      {
        name: 'nachrichtenkopf',
        children: [
          {
            name: 'identifikation.nachricht',
            children: [
              { name: 'nachrichtenUUID', text: 'uuid' },
              { name: 'nachrichtentyp', code: 'nachrichtentyp' },
              { name: 'erstellungszeitpunkt', text: 'dateTime' },
            ],
          },
          { name: 'vorgangsnummer', text: 'text' },
          {
            name: 'autor',
            children: [
              { name: 'kennung', text: 'kennung' },
              { name: 'name', text: 'text' },
              { name: 'rolle', text: 'text' },
            ],
          },
          {
            name: 'leser',
            children: [
              {
                name: 'kennung',
                text: 'kennung',
                attributes: { art: { required: true, pattern: /^(ARS|sac-mandant)$/ } },
              },
              { name: 'name', text: 'text' },
              { name: 'rolle', text: 'text' },
            ],
          },
          {
            name: 'leistung',
            children: [
              { name: 'leikaSchluessel', text: 'text', ...MANY },
              { name: 'assistent', text: 'text' },
            ],
          },
        ],
      },
      {
        name: 'antrag',
        children: [
          { name: 'verwendungszweck', code: 'verwendungszweck' },
          { name: 'verwendungszweckFreitext', text: 'text', ...OPTIONAL },
          {
            name: 'antragsteller',
            children: [
              person(),
              address('anschrift'),
              {
                name: 'kommunikation',
                children: [
                  { name: 'email', text: 'text', ...OPTIONAL },
                  { name: 'telefon', text: 'text', ...OPTIONAL },
                ],
              },
            ],
          },
          {
            name: 'urkundenanforderung',
            min: 1,
            max: 4,
            children: [
              {
                name: 'beurkundetesEreignis',
                children: [
                  { name: 'art', code: 'ereignis' },
                  person([
                    { name: 'familiennameHeute', text: 'text', ...OPTIONAL },
                    { name: 'geburtsname', text: 'text', ...OPTIONAL },
                  ]),
                  { ...person([{ name: 'familiennameHeute', text: 'text', ...OPTIONAL }]), ...OPTIONAL },
                  { name: 'datum', text: 'date' },
                  { name: 'ort', text: 'text' },
                  { name: 'registernummer', text: 'text', ...OPTIONAL },
                ],
              },
              {
                name: 'berechtigung',
                children: [
                  { name: 'beziehung', code: 'berechtigung' },
                  { name: 'rechtlichesInteresse', text: 'text', ...OPTIONAL },
                  {
                    name: 'anhangReferenz',
                    text: 'sha256',
                    attributes: { dateiname: { required: true } },
                    ...MANY,
                  },
                ],
              },
              {
                name: 'angeforderteUrkunden',
                children: [
                  {
                    name: 'urkunde',
                    min: 1,
                    max: 2,
                    children: [
                      { name: 'urkundenart', code: 'urkundenart' },
                      { name: 'anzahl', text: 'positiveInt' },
                    ],
                  },
                ],
              },
            ],
          },
          {
            name: 'modalitaeten',
            children: [
              { name: 'versandart', code: 'versandart' },
              {
                name: 'versandanschrift',
                ...OPTIONAL,
                children: [{ name: 'empfaenger', text: 'text' }, address('anschrift')],
              },
              {
                name: 'zahlung',
                ...OPTIONAL,
                children: [
                  {
                    name: 'betrag',
                    text: 'decimal2',
                    attributes: { waehrung: { required: true, fixed: 'EUR' } },
                  },
                  { name: 'kassenzeichen', text: 'text', ...OPTIONAL },
                  { name: 'status', text: 'text', ...OPTIONAL },
                ],
              },
            ],
          },
          {
            name: 'anhang',
            ...MANY,
            children: [
              { name: 'dateiname', text: 'text' },
              { name: 'mimeType', text: 'text' },
              { name: 'groesse', text: 'nonNegativeInt' },
              { name: 'sha256', text: 'sha256' },
            ],
          },
        ],
      },
    ],
  },
};
