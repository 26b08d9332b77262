import type { AssistantDefinition } from '../definition/types.ts';

/** A small certificate order used by the engine tests. Today in tests is 2026-01-15. */
export const TODAY = '2026-01-15';

export const testDefinition: AssistantDefinition = {
  id: 'urkunden-test',
  version: '1.0.0',
  title: { de: 'Urkunden bestellen', en: 'Order certificates' },
  languages: ['de', 'en'],
  leikaKeys: ['99115005104000'],
  steps: [
    {
      id: 'person',
      title: 'Angaben zur Person',
      fields: [
        { id: 'vorname', type: 'text', label: 'Vorname', required: true, maxLength: 50 },
        {
          id: 'geburtsdatum',
          type: 'date',
          label: 'Geburtsdatum',
          required: true,
          mustBe: 'past',
          messages: { past: 'Das Geburtsdatum muss in der Vergangenheit liegen.' },
        },
        { id: 'email', type: 'email', label: 'E-Mail-Adresse' },
        { id: 'anschrift', type: 'address', label: 'Anschrift', required: true },
      ],
    },
    {
      id: 'urkunden',
      title: 'Urkunden',
      fields: [
        {
          id: 'urkunden',
          type: 'group',
          label: 'Urkunden',
          repeatable: true,
          min: 1,
          max: 3,
          itemLabel: 'Urkunde {n}',
          addLabel: 'Weitere Urkunde hinzufügen',
          fields: [
            {
              id: 'art',
              type: 'select',
              label: 'Art der Urkunde',
              required: true,
              options: [
                { value: 'geburt', label: 'Geburtsurkunde' },
                { value: 'ehe', label: 'Eheurkunde' },
              ],
            },
            { id: 'anzahl', type: 'integer', label: 'Anzahl', required: true, min: 1, max: 10 },
            { id: 'registernummer', type: 'text', label: 'Registernummer', when: 'art == "ehe"' },
          ],
        },
        {
          id: 'zweck',
          type: 'radio',
          label: 'Zweck',
          required: true,
          options: [
            { value: 'rente', label: 'Rentenangelegenheit' },
            { value: 'sonstiges', label: 'Sonstiges' },
          ],
        },
        { id: 'begruendung', type: 'textarea', label: 'Begründung', required: true, when: 'zweck == "sonstiges"' },
      ],
    },
    {
      id: 'rente',
      title: 'Rente',
      when: 'zweck == "rente"',
      fields: [{ id: 'rentennummer', type: 'text', label: 'Rentenversicherungsnummer', required: true }],
    },
    {
      id: 'zahlung',
      title: 'Zahlung',
      fields: [
        { id: 'iban', type: 'iban', label: 'IBAN' },
        { id: 'betrag', type: 'currency', label: 'Spende' },
        { id: 'info', type: 'info', text: 'Die Gebühr wird nach dem Absenden berechnet.' },
      ],
    },
  ],
  rules: [
    {
      id: 'spendeGrenze',
      fields: ['betrag'],
      assert: 'betrag <= 50000',
      message: 'Die Spende darf höchstens 500 € betragen.',
    },
  ],
  fees: [
    {
      id: 'urkunde',
      label: '{art} ({quantity} Exemplare)',
      forEach: 'urkunden',
      quantity: 'anzahl',
      firstCents: 1000,
      furtherCents: 500,
      freeWhen: 'zweck == "rente"',
    },
  ],
};

export const ctx = { today: TODAY };
