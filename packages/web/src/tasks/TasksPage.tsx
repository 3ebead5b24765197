/** Placeholder until this page is built in this change. */
export function TasksPage() {
  return null;
}
