export * from './service.dto.js';
export * from './staff.dto.js';
