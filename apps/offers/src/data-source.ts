import { createDataSource } from '@capmatch/platform';
import { ENTITIES, MIGRATIONS } from './app.module';

/** For the TypeORM CLI: npm run migration:generate -- apps/offers/src/data-source.ts apps/offers/src/migrations/<name> */
export default createDataSource({ service: 'offers', entities: ENTITIES, migrations: MIGRATIONS });
