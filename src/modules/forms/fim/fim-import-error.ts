import { AppError } from '../../../platform/errors.ts';

/**
 * The one reason a FIM message cannot be imported, with the element path where it was found
 * (e.g. `/xdatenfelder.stammdatenschema.0102/stammdatenschema/struktur[2]/anzahl`).
 */
export class FimImportError extends AppError {
  readonly path: string;

  constructor(path: string, problem: string) {
    super('validation', `${path}: ${problem}`);
    this.name = 'FimImportError';
    this.path = path;
  }
}
