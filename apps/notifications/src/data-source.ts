import { createDataSource } from '@capmatch/platform';
import { ENTITIES, MIGRATIONS } from './app.module';

/** For the TypeORM CLI: npm run migration:generate -- apps/notifications/src/data-source.ts apps/notifications/src/migrations/<name> */
export default createDataSource({ service: 'notifications', entities: ENTITIES, migrations: MIGRATIONS });
