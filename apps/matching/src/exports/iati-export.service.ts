import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import type { CooperationTypeName, OfferSnapshot, RequestSnapshot } from '@capmatch/contracts';
import { findCountry } from '@capmatch/taxonomy';
import { iatiActivities, type ActivityInput } from './iati-activity';
import { iatiConfig } from './iati.config';

interface AgreedRow {
  id: string;
  cooperationType: CooperationTypeName;
  updatedAt: Date;
  request: RequestSnapshot;
  offers: OfferSnapshot[] | null;
}

// Only agreed partnerships are published: agreed by the requesting country and every provider,
// with the slots reserved and the request held (the saga), so never a mere proposal.
const AGREED = `
  SELECT p.id, p.cooperation_type AS "cooperationType", p.updated_at AS "updatedAt",
         r.snapshot AS request,
         (SELECT jsonb_agg(o.snapshot ORDER BY array_position(p.offer_ids, o.id))
            FROM matching.offer_projections o WHERE o.id = ANY (p.offer_ids)) AS offers
    FROM matching.partnerships p
    JOIN matching.request_projections r ON r.id = p.request_id
   WHERE p.status = 'agreed'
   ORDER BY p.created_at, p.id`;

/** The agreed partnerships as an IATI 2.03 activity file (contract, "Open data"). */
@Injectable()
export class IatiExportService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(iatiConfig.KEY) private readonly cfg: ConfigType<typeof iatiConfig>,
  ) {}

  async export(now = new Date()): Promise<string> {
    const rows = (await this.dataSource.query(AGREED)) as AgreedRow[];
    const org = { ref: this.cfg.IATI_REPORTING_ORG_REF, name: this.cfg.IATI_REPORTING_ORG_NAME, type: this.cfg.IATI_REPORTING_ORG_TYPE };
    return iatiActivities(rows.map((r) => this.activity(r)), org, now.toISOString());
  }

  private activity(row: AgreedRow): ActivityInput {
    const r = row.request;
    return {
      identifier: `${this.cfg.IATI_REPORTING_ORG_REF}-${row.id}`,
      lastUpdated: new Date(row.updatedAt).toISOString(),
      title: r.title,
      description: r.description,
      language: r.language,
      // Every requesting country is in the dataset (requests validates it); the ISO3 code is
      // kept if it ever is not, so the activity still names its recipient.
      recipientCountry: findCountry(r.country)?.iso2 ?? r.country,
      cooperationType: row.cooperationType,
      window: r.window,
      capacityAreas: r.capacityAreas,
      sdgs: r.sdgs,
      parties: (row.offers ?? []).map((o) => ({
        providerName: o.provider.name,
        providerKind: o.provider.kind,
        offerTitle: o.title,
        offerDescription: o.description,
        language: o.language,
        role: o.role,
      })),
    };
  }
}
