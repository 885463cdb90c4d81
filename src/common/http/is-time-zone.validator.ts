import { registerDecorator, type ValidationOptions } from 'class-validator';
import { IANAZone } from 'luxon';

/** An IANA time zone name that this runtime knows, such as Europe/London. */
export function IsTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an IANA time zone such as Europe/London`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value),
      },
    });
}
