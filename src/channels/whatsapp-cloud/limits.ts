/** Meta's limits for Cloud API messages (WHATSAPP.md §3.4–3.6, §3.11); the simulator enforces the same. */
export const LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  footer: 60,
  header: 60,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButton: 20,
  listSections: 10,
  listRowsTotal: 10,
  sectionTitle: 24,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
  caption: 1024,
} as const;
