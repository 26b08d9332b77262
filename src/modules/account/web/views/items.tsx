import { stateLabels } from '../../../submissions/lifecycle/states.ts';
import type { AccountApplication } from '../../applications/repo.ts';
import { at } from '../texts.ts';
import { Time } from './account-layout.tsx';

export interface ApplicationItem extends AccountApplication {
  title: string;
}

export const applicationHref = (reference: string) => `/konto/antraege/${encodeURIComponent(reference)}`;

/** Applications as a table: reference (link), service, municipality, submitted, status. */
export function ApplicationsTable({ lang, items }: { lang: 'de' | 'en'; items: ApplicationItem[] }) {
  return (
    <section class="kern-table-responsive" tabindex={0} aria-label={at(lang, 'applications')}>
      <table class="kern-table">
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {at(lang, 'reference')}
            </th>
            <th class="kern-table__header" scope="col">
              {at(lang, 'service')}
            </th>
            <th class="kern-table__header" scope="col">
              {at(lang, 'municipality')}
            </th>
            <th class="kern-table__header" scope="col">
              {at(lang, 'submitted')}
            </th>
            <th class="kern-table__header" scope="col">
              {at(lang, 'state')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {items.map((a) => (
            <tr class="kern-table__row" key={a.id}>
              <td class="kern-table__cell">
                <a class="kern-link" href={applicationHref(a.reference)}>
                  {a.reference}
                </a>
              </td>
              <td class="kern-table__cell">{a.title}</td>
              <td class="kern-table__cell">{a.tenantName}</td>
              <td class="kern-table__cell">
                <Time lang={lang} value={a.submittedAt} />
              </td>
              <td class="kern-table__cell">{stateLabels[a.state][lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
