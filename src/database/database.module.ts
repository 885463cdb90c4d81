import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { DatabaseHealth } from './database-health.js';
import { UnitOfWork } from './unit-of-work.js';

/** The URL of the database Crier uses, for work that needs connections of its own. */
export const DATABASE_URL = Symbol('DATABASE_URL');

@Global()
@Module({ providers: [UnitOfWork, DatabaseHealth], exports: [UnitOfWork, DatabaseHealth] })
export class DatabaseModule {
  static forRoot(url: string, migrationsRun: boolean): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(url, migrationsRun))],
      providers: [{ provide: DATABASE_URL, useValue: url }],
      exports: [DATABASE_URL],
    };
  }
}
