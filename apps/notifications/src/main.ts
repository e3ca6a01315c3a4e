import { runService } from '@capmatch/platform';
import { AppModule } from './app.module';

void runService({ service: 'notifications', module: AppModule });
