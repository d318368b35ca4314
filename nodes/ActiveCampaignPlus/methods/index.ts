export * as accountLoadOptions from './accounts';
export * as dealLoadOptions from './deals';
export * as ecommerceLoadOptions from './ecommerce';
export * as loadOptions from './loadOptions';
