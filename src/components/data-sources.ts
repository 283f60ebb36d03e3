import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { baseStyles } from './styles';

/** One publisher's files: what they are, their names and formats, and where to get them (text to copy, never fetched). */
interface Source {
  what: string;
  publisher: string;
  address: string;
  files: string;
  format: string;
  notes: string;
}

const SOURCES: readonly Source[] = [
  {
    what: 'Street-level crime',
    publisher: 'police.uk (Home Office, from each police force)',
    address: 'https://data.police.uk/data/',
    files: 'One file a month per force: 2023-10-bedfordshire-street.csv (choose the force, the months and “Include crime data”; the download is a zip of month folders).',
    format: 'CSV (the zip, a folder of CSVs or gzipped CSVs are read as they are)',
    notes: 'Columns: Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code, LSOA name, Crime type, Last outcome category, Context. LSOA codes are 2021 LSOAs.',
  },
  {
    what: 'Deprivation and population',
    publisher: 'Ministry of Housing, Communities and Local Government: English indices of deprivation 2019',
    address: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019',
    files: 'File 1 (File_1_-_IMD2019_Index_of_Multiple_Deprivation), File 2 (File_2_-_IoD2019_Domains_of_Deprivation) and File 6 (File_6_-_IoD2019_Population_Denominators).',
    format: 'CSV: the files are published as spreadsheets; save the data sheet as CSV, keeping the published column headings',
    notes: 'Ranks and deciles per 2011 LSOA; File 6 gives the population (mid-2015) used for rates per 1,000.',
  },
  {
    what: 'Ward and LSOA boundaries',
    publisher: 'Office for National Statistics: Open Geography Portal',
    address: 'https://geoportal.statistics.gov.uk/',
    files: 'Wards (e.g. “Wards (May 2025) Boundaries UK BGC”), 2011 LSOAs and 2021 LSOAs, filtered to the partnership’s local authority.',
    format: 'GeoJSON in longitude and latitude (WGS84); the generalised (BGC) versions are small enough',
    notes: 'Contains OS data © Crown copyright and database right.',
  },
];

/**
 * Where the data comes from: publishers, file names, formats and addresses,
 * as text to copy. The app itself fetches nothing from these addresses.
 */
@customElement('csp-data-sources')
export class DataSources extends LitElement {
  static override styles = [
    baseStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 75ch);
        gap: 0.2rem 1rem;
        margin: 0 0 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      code {
        user-select: all;
        overflow-wrap: anywhere;
      }
    `,
  ];

  override render() {
    return html`
      <details>
        <summary>Where to get the data</summary>
        <p>
          The workbench never downloads anything itself: get the files from their publishers in your browser, then choose or drop them above. All are
          published under the Open Government Licence v3.0.
        </p>
        ${SOURCES.map(
          (s) => html`<h4>${s.what}</h4>
            <dl>
              <dt>Publisher</dt>
              <dd>${s.publisher}</dd>
              <dt>Address</dt>
              <dd><code>${s.address}</code></dd>
              <dt>Files</dt>
              <dd>${s.files}</dd>
              <dt>Format</dt>
              <dd>${s.format}</dd>
              <dt>What is in them</dt>
              <dd>${s.notes}</dd>
            </dl>`,
        )}
      </details>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csp-data-sources': DataSources;
  }
}
