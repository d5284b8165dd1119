export { departmentsOverview, type DepartmentCard, type DepartmentsOverview } from './overview.js';
