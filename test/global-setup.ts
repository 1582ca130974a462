// Replaced by the database template setup; kept minimal so pure domain tests can run.
export default async function setup(): Promise<void> {}
