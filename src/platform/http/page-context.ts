import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLang, type Lang } from '../render/i18n.ts';
import type { Branding, PageContext } from '../render/layout.tsx';

declare module 'fastify' {
  interface FastifyRequest {
    pageContext(): PageContext;
    /** Set by tenant routes so that error pages keep the municipality's branding. */
    branding: Branding | undefined;
    /** Header login state and session notice, set by the identity module for citizen-facing pages. */
    chrome: Pick<PageContext, 'account' | 'session'> | undefined;
  }
}

export const LANG_COOKIE = 'sac_lang';

/** `?lang=` for a single page, otherwise the remembered choice, otherwise German. */
export function requestLang(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(q)) return q;
  const c = request.cookies?.[LANG_COOKIE];
  return isLang(c) ? c : 'de';
}

/** Only same-site relative paths are accepted as a way back (no open redirects, F-27). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we refuse.
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}

export function registerPageContext(
  app: FastifyInstance,
  opts: { demo: boolean; assetVersion: string; secure: boolean },
) {
  app.decorateRequest('branding', undefined);
  app.decorateRequest('chrome', undefined);
  app.decorateRequest('pageContext', function (this: FastifyRequest): PageContext {
    return {
      lang: requestLang(this),
      path: this.url,
      demo: opts.demo,
      assetVersion: opts.assetVersion,
      ...this.chrome,
    };
  });

  // The language switch: a strictly necessary preference cookie, then back to where the visitor was.
  app.get<{ Params: { lang: string }; Querystring: { zurueck?: string } }>('/sprache/:lang', async (request, reply) => {
    const lang = isLang(request.params.lang) ? request.params.lang : 'de';
    reply.setCookie(LANG_COOKIE, lang, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: opts.secure,
      maxAge: 365 * 86400,
    });
    const back = safeReturnPath(request.query.zurueck)
      .replace(/([?&])lang=(de|en)&?/, '$1')
      .replace(/[?&]$/, '');
    return reply.redirect(back || '/', 303);
  });
}
