// The small HTML page of the demo Fachverfahren: what it received and what it answered.
import type { Received } from './process.ts';

export interface PageDestination {
  tenant: string;
  tenantName: string;
  destinationId: string;
}

const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const stageText: Record<Received['stage'], string> = {
  accepted: 'Eingang bestätigt',
  in_progress: 'In Bearbeitung',
  completed: 'Abgeschlossen',
  rejected: 'Zurückgewiesen (Prüfsumme)',
};

export function renderPage(received: Received[], destinations: PageDestination[]): string {
  const nameOf = (r: Received) =>
    destinations.find((d) => d.destinationId === r.destinationId)?.tenantName ?? r.tenant ?? '–';
  const rows = received
    .slice()
    .reverse()
    .map(
      (
        r,
      ) => `<tr><td>${html(r.reference)}</td><td>${html(nameOf(r))}</td><td>${html(r.service)}</td><td>${html(new Date(r.receivedAt).toLocaleString('de-DE'))}</td>
<td>${r.hashesOk ? 'SHA-512 geprüft ✓' : 'Prüfsumme falsch ✗'}</td><td>${html(r.attachments.map((a) => a.filename).join(', ') || '–')}</td>
<td>${html(stageText[r.stage])}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>Demo-Fachverfahren Standesamt</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1d1d1b}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold;margin-bottom:.5rem}</style>
</head><body><main>
<h1>Demo-Fachverfahren Standesamt</h1>
<p>Dieses Programm ist ein eigenständiges Fachverfahren. Es holt Anträge über die FIT-Connect-artige Schnittstelle von SAC ab
(Zustellpunkte: ${destinations.map((d) => `${html(d.tenantName)} <code>${html(d.destinationId)}</code>`).join(', ')}), entschlüsselt sie, prüft die Prüfsummen, bestätigt den Eingang mit einem
signierten Security Event Token und meldet den Bearbeitungsstand über die Rückmelde-Schnittstelle zurück.</p>
<table><caption>Empfangene Anträge (${received.length})</caption>
<thead><tr><th scope="col">Vorgangsnummer</th><th scope="col">Kommune</th><th scope="col">Leistung</th><th scope="col">Eingang</th><th scope="col">Prüfung</th><th scope="col">Anlagen</th><th scope="col">Stand</th></tr></thead>
<tbody>${rows || '<tr><td colspan="7">Noch keine Anträge.</td></tr>'}</tbody></table>
</main></body></html>`;
}
