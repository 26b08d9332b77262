/**
 * Access to xdatenfelder-xml 0.1.4. Its package `main` points at a missing `dist/index.ts`, so the
 * compiled entry `dist/index.js` is loaded directly. Only the 2.0 parser is used: the 3.0.0
 * Stammdatenschema parser is a placeholder that returns a fixed dummy schema.
 */
import xdatenfelder from 'xdatenfelder-xml/dist/index.js';

export const xdf2 = xdatenfelder.v2;
export type Xdf2Container = InstanceType<typeof xdatenfelder.v2.SchemaContainer>;
export type Xdf2Datenfeld = ReturnType<Xdf2Container['datenfelder']['get']>;
export type Xdf2Gruppe = ReturnType<Xdf2Container['datenfeldgruppen']['get']>;
export type Xdf2Regel = ReturnType<Xdf2Container['regeln']['get']>;
export type Xdf2ElementReference = Xdf2Container['schema']['elemente'][number];
