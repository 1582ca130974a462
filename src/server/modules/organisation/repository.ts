import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Role } from '../users/service.js';

const userColumns = ['id', 'email', 'name', 'role', 'department_id', 'active', 'phone'] as const;

/** Queries of the organisation model: departments, categories and staff as the admin sees them. */
export class OrganisationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  listDepartments() {
    return this.db.selectFrom('department').select(['id', 'name', 'active']).orderBy('name').execute();
  }

  async departmentExists(id: string): Promise<boolean> {
    return Boolean(
      await this.db.selectFrom('department').select('id').where('id', '=', id).executeTakeFirst(),
    );
  }

  insertDepartment(name: string) {
    return this.db
      .insertInto('department')
      .values({ name })
      .returning(['id', 'name', 'active'])
      .executeTakeFirstOrThrow();
  }

  updateDepartment(id: string, patch: { name?: string | undefined; active?: boolean | undefined }) {
    return this.db
      .updateTable('department')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      })
      .where('id', '=', id)
      .returning(['id', 'name', 'active'])
      .executeTakeFirst();
  }

  listCategories() {
    return this.db
      .selectFrom('category')
      .select(['id', 'name', 'department_id', 'active'])
      .orderBy('name')
      .execute();
  }

  insertCategory(name: string, departmentId: string | null) {
    return this.db
      .insertInto('category')
      .values({ name, department_id: departmentId })
      .returning(['id', 'name', 'department_id', 'active'])
      .executeTakeFirstOrThrow();
  }

  updateCategory(
    id: string,
    patch: {
      name?: string | undefined;
      departmentId?: string | null | undefined;
      active?: boolean | undefined;
      phone?: string | null | undefined;
    },
  ) {
    return this.db
      .updateTable('category')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.departmentId !== undefined ? { department_id: patch.departmentId } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone || null } : {}),
      })
      .where('id', '=', id)
      .returning(['id', 'name', 'department_id', 'active'])
      .executeTakeFirst();
  }

  listUsers(q: { role?: Role | undefined; department?: string | undefined; active?: boolean | undefined }) {
    let query = this.db.selectFrom('app_user').select(userColumns);
    if (q.role) query = query.where('role', '=', q.role);
    if (q.department) query = query.where('department_id', '=', q.department);
    if (q.active !== undefined) query = query.where('active', '=', q.active);
    return query.orderBy('name').limit(1000).execute();
  }

  updateUser(
    id: string,
    patch: {
      name?: string | undefined;
      role?: Role | undefined;
      departmentId?: string | null | undefined;
      active?: boolean | undefined;
      phone?: string | null | undefined;
    },
  ) {
    return this.db
      .updateTable('app_user')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.departmentId !== undefined ? { department_id: patch.departmentId } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone || null } : {}),
      })
      .where('id', '=', id)
      .returning(userColumns)
      .executeTakeFirst();
  }
}
