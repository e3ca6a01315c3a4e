import { Body, Controller, Get, Module, Param, ParseUUIDPipe, Patch, Post, Query, HttpCode } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { Injectable } from '@nestjs/common';
import {
  CurrentUser,
  defineConfig,
  HandlesEvent,
  IfMatch,
  Idempotent,
  IdempotencyService,
  PageQuery,
  paginate,
  PlatformModule,
  Public,
  Roles,
  type AuthUser,
} from '@capmatch/platform';

/** Lets a test hold a request in flight (GET /v1/probes/slow) until it calls release(). */
/** A service's own config namespace, as a service would pass it to forService({ config }). */
class ProbeEnv {
  @Type(() => Number) @IsInt() @Min(1) PROBE_LEVEL = 1;
}
const probeConfig = defineConfig('probe', ProbeEnv);

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
export const gate = { entered: deferred(), released: deferred() };

/** A fresh gate, for a test that holds a call again after another one did. */
export function resetGate(): void {
  Object.assign(gate, { entered: deferred(), released: deferred() });
}

/** A tiny service on the platform, just enough to exercise every cross-cutting behaviour. */
@Entity({ schema: 'requests', name: 'platform_probe' })
export class ProbeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('integer') rank: number;
}

export class CreatePlatformProbe1764000000999 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "requests"."platform_probe" (id uuid PRIMARY KEY, name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(), rank integer NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "requests"."platform_probe"`);
  }
}

class WindowDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/) start: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) end: string;
}

class CreateProbeDto {
  @IsString() @Length(3, 200) name: string;
  @IsArray() @ArrayMinSize(1) @IsIn(['data', 'compute'], { each: true }) capacityAreas: string[];
  @ValidateNested() @Type(() => WindowDto) window: WindowDto;
}

class ListQuery extends PageQuery {}

@Controller('v1/probes')
class ProbeController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Public() @Get('public') open() {
    return { ok: true };
  }

  @Public() @Get('slow') async slow() {
    gate.entered.resolve();
    await gate.released.promise;
    return { finished: true };
  }

  @Get('me') me(@CurrentUser() user: AuthUser) {
    return user;
  }

  @Roles('coordinator', 'admin') @Get('coordination') coordination() {
    return { ok: true };
  }

  @Post() @Idempotent() create(@Body() body: CreateProbeDto) {
    return this.insert(body);
  }

  /** The same create without the look-up of the key first: a repeat is found by recordIn. */
  @Post('direct') @Idempotent({ lookUpFirst: false }) createDirect(@Body() body: CreateProbeDto) {
    return this.insert(body);
  }

  private insert(body: CreateProbeDto) {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO requests.platform_probe (id, name, rank) VALUES (gen_random_uuid(), $1, 0) RETURNING id, name`,
        [body.name],
      );
      await this.idempotency.recordIn(manager, row);
      // Holds the transaction open, key recorded but not committed, until the test lets go.
      if (body.name === 'held probe') {
        gate.entered.resolve();
        await gate.released.promise;
      }
      return row;
    });
  }

  @Post('fail') @Idempotent() @HttpCode(200) async fail() {
    throw new Error('boom: internal detail that must not leak');
  }

  /** Deliberately unvalidated, so Postgres is the one to refuse a bad id. */
  @Get('raw/:id') raw(@Param('id') id: string) {
    return this.dataSource.query(`SELECT id FROM requests.platform_probe WHERE id = $1`, [id]);
  }

  @Get() list(@Query() query: ListQuery) {
    const qb = this.dataSource.getRepository(ProbeEntity).createQueryBuilder('p');
    return paginate(qb, query, [
      { column: 'p.rank', key: 'rank', direction: 'ASC' },
      { column: 'p.created_at', key: 'createdAt', direction: 'DESC' },
      { column: 'p.id', key: 'id', direction: 'ASC' },
    ]);
  }

  @Patch(':id') patch(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number | undefined) {
    return { id, version: version ?? null };
  }
}

/** The requests schema receives partnership.*; the bus refuses to boot without a handler for each. */
@Injectable()
class IgnorePartnerships {
  @HandlesEvent('partnership.created')
  async created(): Promise<void> {}

  @HandlesEvent('partnership.proposed')
  async proposed(): Promise<void> {}

  @HandlesEvent('partnership.agreed')
  async agreed(): Promise<void> {}

  @HandlesEvent('partnership.ended')
  async ended(): Promise<void> {}
}

@Module({
  providers: [IgnorePartnerships],
  imports: [
    PlatformModule.forService({
      service: 'requests',
      entities: [ProbeEntity],
      migrations: [CreatePlatformProbe1764000000999],
      openApi: { title: 'capmatch platform probe' },
      config: [probeConfig],
    }),
  ],
  controllers: [ProbeController],
})
export class ProbeModule {}
