import { FimImportError } from './fim-import-error.ts';
import type { FimMessageKind, XdfVersion } from './model.ts';
import type { XmlElement } from './xml-tree.ts';

export const XDF2_NAMESPACE = 'urn:xoev-de:fim:standard:xdatenfelder_2';
export const XDF3_NAMESPACE = 'urn:xoev-de:fim:standard:xdatenfelder_3.0.0';

const NAMESPACES: Record<string, XdfVersion> = { [XDF2_NAMESPACE]: '2.0', [XDF3_NAMESPACE]: '3.0.0' };

const ROOTS: Record<string, FimMessageKind> = {
  'xdatenfelder.stammdatenschema.0102': 'stammdatenschema',
  'xdatenfelder.datenfeldgruppe.0103': 'datenfeldgruppe',
};

export interface MessageType {
  xdfVersion: XdfVersion;
  messageKind: FimMessageKind;
}

/** Tells version and message kind from the root element; anything else is rejected. */
export function detectMessage(root: XmlElement): MessageType {
  const messageKind = ROOTS[root.name];
  if (!messageKind) {
    throw new FimImportError(
      root.path,
      `unexpected root element <${root.prefix ? `${root.prefix}:` : ''}${root.name}>; expected xdatenfelder.stammdatenschema.0102 or xdatenfelder.datenfeldgruppe.0103`,
    );
  }
  const namespace = root.attributes[root.prefix ? `xmlns:${root.prefix}` : 'xmlns'];
  const xdfVersion = namespace ? NAMESPACES[namespace] : undefined;
  if (!xdfVersion) {
    throw new FimImportError(
      root.path,
      `namespace ${namespace ? `"${namespace}"` : '(none)'} is not XDatenfelder; expected ${XDF2_NAMESPACE} or ${XDF3_NAMESPACE}`,
    );
  }
  if (xdfVersion === '2.0' && messageKind === 'datenfeldgruppe') {
    throw new FimImportError(root.path, 'a Datenfeldgruppe message (0103) is not part of XDatenfelder 2.0');
  }
  return { xdfVersion, messageKind };
}
