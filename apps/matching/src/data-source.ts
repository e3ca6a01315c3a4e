import { createDataSource } from '@capmatch/platform';
import { ENTITIES, MIGRATIONS } from './app.module';

/** For the TypeORM CLI: npm run migration:generate -- apps/matching/src/data-source.ts apps/matching/src/migrations/<name> */
export default createDataSource({ service: 'matching', entities: ENTITIES, migrations: MIGRATIONS });
