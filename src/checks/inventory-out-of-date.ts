export { default } from '../inventory/rule.js';
