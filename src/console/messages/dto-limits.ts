import { getMetadataStorage } from 'class-validator';
import {
  CancelMessageDto,
  CreateMessageDto,
  MessageContentDto,
} from '../../messages/dto/message-input.dto.js';

/**
 * The `@Length(min, max)` (or `@ArrayMaxSize(max)`) a DTO declares for a property, read from
 * class-validator's own metadata: the form shows and checks the limits the API enforces, and a
 * change to the DTO changes both.
 */
export function declaredLimit(
  dto: abstract new () => object,
  property: string,
  validator: 'isLength' | 'arrayMaxSize',
): { min: number; max: number } {
  const found = getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .find((meta) => meta.propertyName === property && meta.name === validator);
  const constraints = (found?.constraints ?? []) as number[];
  if (!found || constraints.length === 0) {
    throw new Error(`${dto.name}.${property} declares no ${validator}`);
  }
  return validator === 'isLength'
    ? { min: constraints[0], max: constraints[1] }
    : { min: 0, max: constraints[0] };
}

/** The compose and cancel forms' limits, as the message DTOs declare them. */
export const MESSAGE_LIMITS = {
  body: declaredLimit(MessageContentDto, 'body', 'isLength'),
  parameter: declaredLimit(MessageContentDto, 'parameters', 'isLength'),
  parameters: declaredLimit(MessageContentDto, 'parameters', 'arrayMaxSize'),
  emergencyReason: declaredLimit(CreateMessageDto, 'emergencyReason', 'isLength'),
  cancelReason: declaredLimit(CancelMessageDto, 'reason', 'isLength'),
} as const;
