export * as dealLoadOptions from './deals';
export * as loadOptions from './loadOptions';
