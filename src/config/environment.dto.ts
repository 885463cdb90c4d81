import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};

/** The environment variables Crier reads, as they arrive: strings, validated and converted. */
export class EnvironmentDto {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  EMBEDDED_PG_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'MIGRATIONS_RUN must be true or false' })
  MIGRATIONS_RUN?: boolean;

  @IsOptional()
  @IsIn(['local', 'azure-ad'])
  AUTH_MODE?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'LOCAL_AUTH_SECRET must be at least 32 characters' })
  LOCAL_AUTH_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  LOCAL_AUTH_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  AZURE_AD_TENANT_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  AZURE_AD_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  AZURE_AD_AUDIENCE?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['https'] },
    { message: 'AZURE_AD_ISSUER must be an https URL' },
  )
  AZURE_AD_ISSUER?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['https'] },
    { message: 'AZURE_AD_METADATA_URL must be an https URL' },
  )
  AZURE_AD_METADATA_URL?: string;

  @IsOptional()
  @IsEmail({}, { message: 'BOOTSTRAP_ADMIN_EMAIL must be an email address' })
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'DEMO_SEED must be true or false' })
  DEMO_SEED?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES?: number;

  @IsOptional()
  @Matches(/-----BEGIN PRIVATE KEY-----/, {
    message: 'AUDIT_SIGNING_KEY must be a PEM (PKCS#8) Ed25519 private key',
  })
  AUDIT_SIGNING_KEY?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  AUDIT_SIGNING_KEY_FILE?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  AUDIT_CHECKPOINT_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  AUDIT_CHECKPOINT_INTERVAL_SECONDS?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._:/-]{1,200}$/, {
    message: 'AUDIT_LOG_ORIGIN must be a name such as crier.example-borough.gov.uk',
  })
  AUDIT_LOG_ORIGIN?: string;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL?: string;
}
