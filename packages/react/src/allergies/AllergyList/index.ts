export {
  AllergyList,
  type AllergyListProps,
  type UseAllergyListOptions,
  useAllergyList,
} from './AllergyList.js';
