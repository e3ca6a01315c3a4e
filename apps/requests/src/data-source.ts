import { createDataSource } from '@capmatch/platform';
import { ENTITIES, MIGRATIONS } from './app.module';

/** For the TypeORM CLI: npm run migration:generate -- apps/requests/src/data-source.ts apps/requests/src/migrations/<name> */
export default createDataSource({ service: 'requests', entities: ENTITIES, migrations: MIGRATIONS });
