/**
 * The file formats the workbench imports, asked in this order: the first
 * whose `sniff` accepts a file reads it. A new format (an Excel sheet, another
 * partner's extract) is one new module here and one line in this list.
 */
import type { AnyImportFormat } from './format';
import { boundaries } from './boundaries';
import { imd } from './imd';
import { onsPopulation } from './ons-population';
import { policeUkStreet } from './police-uk-street';

export const IMPORT_FORMATS: readonly AnyImportFormat[] = [boundaries, policeUkStreet, onsPopulation, imd];
