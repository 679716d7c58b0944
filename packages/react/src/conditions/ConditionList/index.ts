export {
  ConditionList,
  type ConditionListProps,
  type UseConditionListOptions,
  useConditionList,
} from './ConditionList.js';
