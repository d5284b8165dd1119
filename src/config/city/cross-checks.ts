import { assertTimezone, minutesOf, parseHolidayRule } from '../../domain/calendar/index.js';
import { finalDepartment, type Catalog, type ContactDirectory, type Department } from '../../domain/catalog/index.js';
import type { OfficeCalendar } from '../../domain/calendar/index.js';
import type { PlaceDirectory } from '../../domain/places/index.js';

const duplicates = (values: string[]): string[] => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

export const departmentProblems = (departments: readonly Department[]): string[] => {
  const problems = duplicates(departments.map((d) => d.id)).map((id) => `departments.json: duplicate department id "${id}"`);
  const ids = new Set(departments.map((d) => d.id));
  for (const d of departments) {
    if (d.successorId && !ids.has(d.successorId))
      problems.push(`departments.json: "${d.id}" has an unknown successorId "${d.successorId}"`);
    if (d.validFrom && d.validTo && d.validFrom > d.validTo)
      problems.push(`departments.json: "${d.id}" ends (${d.validTo}) before it starts (${d.validFrom})`);
    if (d.successorId && finalDepartment(departments, d.id) === null)
      problems.push(`departments.json: the successors of "${d.id}" form a cycle`);
  }
  return problems;
};

const serviceProblems = (service: Catalog['services'][number]): string[] => {
  const where = `catalog.json: service "${service.code}"`;
  const problems = duplicates(service.fields.map((f) => f.code)).map((c) => `${where} repeats field "${c}"`);
  if (service.kind === 'request') {
    if (service.fields.length === 0) problems.push(`${where} is a request service without fields`);
    const locations = service.fields.filter((f) => f.kind === 'location');
    if (locations.length !== 1 || !locations[0]?.required)
      problems.push(`${where} needs exactly one required location field`);
    if (!service.fields.some((f) => f.kind === 'text' && f.required))
      problems.push(`${where} needs a required text field (the description)`);
    if (!service.deadline) problems.push(`${where} is a request service without a deadline entry (use status "none")`);
    else if ((service.deadline.businessDays === null) !== (service.deadline.status === 'none'))
      problems.push(`${where}: deadline status "none" goes with businessDays null, and only then`);
  } else {
    if (service.guidance.length === 0) problems.push(`${where} is an information service without guidance`);
    if (service.fields.length > 0) problems.push(`${where} is an information service and must not ask for fields`);
    if (service.deadline) problems.push(`${where} is an information service and must not have a deadline`);
  }
  return problems;
};

export const catalogProblems = (catalog: Catalog, departments: readonly Department[]): string[] => {
  const problems = [
    ...duplicates(catalog.services.map((s) => s.code)).map((c) => `catalog.json: duplicate service code "${c}"`),
    ...duplicates(catalog.groups.map((g) => g.id)).map((g) => `catalog.json: duplicate group id "${g}"`),
    ...duplicates(catalog.services.map((s) => s.menuTitle.toLowerCase())).map(
      (t) => `catalog.json: two services share the menu title "${t}"`,
    ),
  ];
  const groups = new Set(catalog.groups.map((g) => g.id));
  const departmentIds = new Set(departments.map((d) => d.id));
  for (const service of catalog.services) {
    if (!groups.has(service.group)) problems.push(`catalog.json: service "${service.code}" has an unknown group "${service.group}"`);
    if (!departmentIds.has(service.departmentId)) {
      problems.push(`catalog.json: service "${service.code}" points at an unknown department "${service.departmentId}"`);
    } else {
      const last = finalDepartment(departments, service.departmentId);
      if (last && last.validTo !== null)
        problems.push(
          `catalog.json: service "${service.code}" routes to "${last.id}", which ends on ${last.validTo} with no successor`,
        );
    }
    problems.push(...serviceProblems(service));
  }
  return problems;
};

export const calendarProblems = (calendar: OfficeCalendar): string[] => {
  const problems: string[] = [];
  try {
    assertTimezone(calendar.timezone);
  } catch {
    problems.push(`city.json: unknown timezone "${calendar.timezone}"`);
  }
  for (const s of calendar.weeklyHours)
    if (minutesOf(s.open) >= minutesOf(s.close))
      problems.push(`calendar.json: weekday ${s.weekday} opens (${s.open}) at or after it closes (${s.close})`);
  for (const h of calendar.holidays) {
    const where = `calendar.json: holiday "${h.rule}" (${h.name})`;
    try {
      parseHolidayRule(h.rule);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
    const partial = h.kind === 'ponto_facultativo_parcial';
    if (partial && !h.opensAt && !h.closesAt) problems.push(`${where}: a partial day needs opensAt or closesAt`);
    if (!partial && (h.opensAt || h.closesAt)) problems.push(`${where}: only partial days take opensAt/closesAt`);
    if (h.validFrom && h.validTo && h.validFrom > h.validTo) problems.push(`${where}: validTo is before validFrom`);
  }
  return problems;
};

export const placeProblems = (places: PlaceDirectory): string[] => [
  ...duplicates(places.places.map((p) => p.id)).map((id) => `places.json: duplicate place id "${id}"`),
  ...duplicates(places.patterns.map((p) => p.id)).map((id) => `places.json: duplicate pattern id "${id}"`),
];

export const contactProblems = (contacts: ContactDirectory, departments: readonly Department[]): string[] => {
  const ids = new Set(departments.map((d) => d.id));
  return [
    ...duplicates([...contacts.emergency, ...contacts.lines].map((c) => c.id)).map((id) => `contacts.json: duplicate id "${id}"`),
    ...contacts.lines
      .filter((l) => l.departmentId !== null && !ids.has(l.departmentId))
      .map((l) => `contacts.json: line "${l.id}" points at an unknown department "${l.departmentId}"`),
    ...contacts.lines
      .filter((l) => !l.phone && !l.email && !l.address)
      .map((l) => `contacts.json: line "${l.id}" has no phone, e-mail or address`),
  ];
};
