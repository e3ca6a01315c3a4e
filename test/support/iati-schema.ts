// Validates an IATI activity file against the 2.03 schema in ../shared/iati with xmllint-wasm
// (libxml2 compiled to WebAssembly: the same checks as `xmllint --schema`, no system package).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

// IATI_SCHEMA_DIR for a checkout without ../shared beside it (the compose test service mounts it).
const DIR = process.env.IATI_SCHEMA_DIR || resolve(__dirname, '../../../shared/iati');
const file = (fileName: string) => ({ fileName, contents: readFileSync(resolve(DIR, fileName), 'utf8') });

export async function iatiSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'export.xml', contents: xml },
    schema: file('iati-activities-schema.xsd'),
    preload: [file('iati-common.xsd'), file('xml.xsd')],
  });
  return result.valid ? [] : result.errors.map((e) => e.message);
}
