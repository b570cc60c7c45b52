/** The liaison feature's shared API (Plan of Action VIII): contract, rules, events, messages. */
export * from './contract.js';
export * from './coordinators.js';
export * from './events.js';
export * from './flags.js';
export * from './messages.js';
export * from './phone.js';
export * from './rotation.js';
export * from './text.js';
export * from './vcard.js';
export * from './week.js';
