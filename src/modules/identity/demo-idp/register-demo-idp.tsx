import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { sendPage } from '../../../platform/render/render.ts';
import type { CitizenAttributes } from '../registry.ts';
import type { KeyPairPem } from '../self-signed-certificate.ts';
import { isTrustLevel } from '../trust-levels.ts';
import { autoSubmitScript } from '../views/auto-post-form.tsx';
import { buildSamlResponse } from './build-response.ts';
import { demoIdpMetadata } from './idp-metadata.ts';
import { AuthnRequestError, type KnownServiceProvider, parseAuthnRequest } from './parse-authn-request.ts';
import { demoPersonas, demoPseudonym } from './personas.ts';
import { DemoIdpPage, DemoLoginForm, DemoPostBack } from './views.tsx';

export interface DemoIdpOptions {
  /** Mount point, e.g. `/demo/idp`. */
  basePath: string;
  entityId: string;
  keys: KeyPairPem;
  /** The SPs this IdP trusts (in a real IdP: registered SP metadata). */
  serviceProviders: () => Promise<KnownServiceProvider[]>;
}

type Body = Record<string, string | undefined>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Custom person from the form; empty fields are left out. */
function customAttributes(body: Body): CitizenAttributes {
  const a: CitizenAttributes = {};
  for (const k of ['givenName', 'surname', 'birthdate', 'street', 'postalCode', 'locality', 'email'] as const) {
    const v = str(body[k]).slice(0, 200);
    if (v) a[k] = v;
  }
  if (a.street || a.locality) a.country = 'DE';
  return a;
}

/**
 * A real SAML 2.0 IdP for demo mode, mounted under `basePath`: it reads the signed AuthnRequest, lets the
 * tester pick a persona, and posts a signed Response back to the SP's ACS. Instantiable several times
 * with different entity ids and keys. It has no session; the request travels in the forms.
 */
export function registerDemoIdp(app: FastifyInstance, deps: Deps, opts: DemoIdpOptions): void {
  const { basePath, entityId, keys } = opts;
  const assetVersion = '1';
  const page = (title: string, body: preact.ComponentChildren) => (
    <DemoIdpPage title={title} assetVersion={assetVersion}>
      {body}
    </DemoIdpPage>
  );
  const lookup = async () => {
    const sps = await opts.serviceProviders();
    return (id: string) => sps.find((sp) => sp.entityId === id);
  };
  const failure = (reply: Parameters<typeof sendPage>[0], message: string) =>
    sendPage(
      reply,
      page(
        'Anfrage abgelehnt',
        <>
          <h1 class="kern-heading-large">Anfrage abgelehnt</h1>
          <p class="kern-body">{message}</p>
        </>,
      ),
      400,
    );

  app.get(`${basePath}/metadata.xml`, async (_request, reply) =>
    reply
      .type('application/samlmetadata+xml; charset=utf-8')
      .send(demoIdpMetadata(entityId, deps.config.baseUrl, basePath, keys)),
  );
  app.get(`${basePath}/auto-submit.js`, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(autoSubmitScript),
  );

  app.post<{ Body: Body }>(`${basePath}/sso`, { config: { csrf: false } }, async (request, reply) => {
    const samlRequest = str(request.body?.SAMLRequest);
    try {
      const info = parseAuthnRequest(samlRequest, await lookup());
      const hidden: Record<string, string> = { SAMLRequest: samlRequest };
      if (request.body?.RelayState) hidden.RelayState = str(request.body.RelayState);
      return sendPage(reply, page('Anmeldung', <DemoLoginForm basePath={basePath} request={info} hidden={hidden} />));
    } catch (error) {
      if (error instanceof AuthnRequestError) return failure(reply, error.message);
      throw error;
    }
  });

  app.post<{ Body: Body }>(`${basePath}/anmelden`, { config: { csrf: false } }, async (request, reply) => {
    const body = request.body ?? {};
    let info: ReturnType<typeof parseAuthnRequest>;
    const known = await lookup();
    try {
      info = parseAuthnRequest(str(body.SAMLRequest), known);
    } catch (error) {
      if (error instanceof AuthnRequestError) return failure(reply, error.message);
      throw error;
    }
    const sp = known(info.issuer)!;
    const persona = demoPersonas.find((p) => p.id === body.persona);
    const custom = body.persona === 'eigene';
    if (!persona && !custom) return failure(reply, 'Bitte wählen Sie eine Testperson.');
    const personKey = persona ? persona.id : `eigene:${str(body.kennung) || 'ohne-kennung'}`;
    const level =
      persona?.trustLevel ?? (isTrustLevel(body.level) && body.level !== 'none' ? body.level : 'basisregistrierung');
    const pseudonym = demoPseudonym(entityId, personKey);
    const acsUrl = info.acsUrl ?? sp.acsUrls[0]!;
    const xml = buildSamlResponse({
      idpEntityId: entityId,
      keys,
      acsUrl,
      audience: sp.entityId,
      inResponseTo: info.id,
      nameId: pseudonym,
      pseudonym,
      trustLevel: level,
      method: persona?.method ?? 'Testperson',
      attributes: persona?.attributes ?? customAttributes(body),
      now: deps.clock.now(),
    });
    const fields: Record<string, string> = { SAMLResponse: Buffer.from(xml).toString('base64') };
    if (body.RelayState) fields.RelayState = str(body.RelayState);
    return sendPage(reply, page('Weiterleitung', <DemoPostBack action={acsUrl} fields={fields} basePath={basePath} />));
  });

  // SP-initiated single logout (HTTP-Redirect): the demo IdP keeps no session, so it only confirms.
  app.get(`${basePath}/slo`, async (_request, reply) =>
    sendPage(
      reply,
      page(
        'Abgemeldet',
        <>
          <h1 class="kern-heading-large">Beim Testsystem abgemeldet</h1>
          <p class="kern-body">Sie sind auch beim Demo-Identitätsanbieter abgemeldet.</p>
          <p>
            <a class="kern-link" href="/konto/abgemeldet">
              Zurück zum Serviceportal
            </a>
          </p>
        </>,
      ),
    ),
  );
}
