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
  MaxLength,
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
  @IsString()
  @MinLength(16, { message: "AZURE_AD_CLIENT_SECRET must be the app registration's client secret" })
  AZURE_AD_CLIENT_SECRET?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['https', 'http'], require_protocol: true },
    { message: 'AZURE_AD_REDIRECT_URL must be the URL of /console/sign-in/microsoft/callback' },
  )
  AZURE_AD_REDIRECT_URL?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['https', 'http'], require_protocol: true },
    { message: 'PRIVACY_NOTICE_URL must be the http(s) address of the privacy notice' },
  )
  PRIVACY_NOTICE_URL?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['https', 'http'], require_protocol: true },
    { message: 'PRIVACY_NOTICE_URL_CY must be the http(s) address of the Welsh privacy notice' },
  )
  PRIVACY_NOTICE_URL_CY?: string;

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

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'WHATSAPP_API_BASE_URL must be an http or https URL' },
  )
  WHATSAPP_API_BASE_URL?: string;

  @IsOptional()
  @Matches(/^v\d+\.\d+$/, { message: 'WHATSAPP_API_VERSION must look like v23.0' })
  WHATSAPP_API_VERSION?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'WHATSAPP_ACCESS_TOKEN must be at least 8 characters' })
  WHATSAPP_ACCESS_TOKEN?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'WHATSAPP_APP_SECRET must be at least 8 characters' })
  WHATSAPP_APP_SECRET?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'WHATSAPP_VERIFY_TOKEN must be at least 8 characters' })
  WHATSAPP_VERIFY_TOKEN?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120_000)
  WHATSAPP_SEND_TIMEOUT_MS?: number;

  @IsOptional()
  @Matches(/^(unlimited|\d{1,9})$/, {
    message: 'WHATSAPP_MESSAGING_LIMIT must be a whole number (such as 250 or 2000) or unlimited',
  })
  WHATSAPP_MESSAGING_LIMIT?: string;

  @IsOptional()
  @Matches(/^[a-z0-9_]{1,512}$/, {
    message: 'WHATSAPP_OPT_IN_TEMPLATE must be a template name: lower-case letters, digits and _',
  })
  WHATSAPP_OPT_IN_TEMPLATE?: string;

  @IsOptional()
  @Matches(/^[A-Z]{3} \d{1,3}(\.\d{1,6})?$/, {
    message: 'WHATSAPP_TEMPLATE_PRICE must be a currency code and a price, such as "GBP 0.0158"',
  })
  WHATSAPP_TEMPLATE_PRICE?: string;

  @IsOptional()
  @Matches(
    /^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=_-]{40,}(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=_-]{40,})*$/,
    {
      message:
        'PHONE_ENCRYPTION_KEYS must be a comma-separated list of id:base64-key (32-byte keys), newest first',
    },
  )
  PHONE_ENCRYPTION_KEYS?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/=_-]{40,}$/, {
    message: 'PHONE_LOOKUP_KEY must be a base64 key of at least 32 bytes',
  })
  PHONE_LOOKUP_KEY?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  PHONE_KEYS_FILE?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  FANOUT_IN_DOUBT_SECONDS?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'FANOUT_WORKER must be true or false' })
  FANOUT_WORKER?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  DELIVERY_RETENTION_DAYS?: number;

  @IsOptional()
  @Matches(/^(false|\d{1,2}|[a-z0-9.:/, ]{1,500})$/i, {
    message:
      "TRUST_PROXY must be false, a number of proxy hops, or Express's names and addresses such as loopback or 10.0.0.0/8",
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  COUNCIL_NAME?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(480)
  CONSOLE_SESSION_IDLE_MINUTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24)
  CONSOLE_SESSION_LIFETIME_HOURS?: number;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  CONTENT_LINK_ALLOWLIST?: string;
}
