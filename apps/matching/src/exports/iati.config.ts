import { IsIn, IsString, Length, Matches } from 'class-validator';
import { defineConfig } from '@capmatch/platform';

/** Who publishes the IATI export; documented in config/.env.example. */
export class IatiEnv {
  /** The publisher's IATI organisation identifier (registration agency prefix, then the id). */
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, { message: 'must be an IATI organisation identifier without spaces' })
  @Length(3, 100)
  IATI_REPORTING_ORG_REF = 'XI-CAPMATCH';

  @IsString() @Length(1, 200)
  IATI_REPORTING_ORG_NAME = 'capmatch';

  /** IATI OrganisationType of the publisher; 40 multilateral by default. */
  @IsIn(['10', '11', '15', '21', '22', '23', '24', '30', '40', '60', '70', '71', '72', '73', '80', '90'])
  IATI_REPORTING_ORG_TYPE = '40';
}

export const iatiConfig = defineConfig('iati', IatiEnv);
