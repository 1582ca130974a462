import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { OrganisationRepository } from './repository.js';
import { AppError } from '../../errors.js';
import type { AuditService } from '../audit/service.js';
import type { Role, UserService } from '../users/service.js';
import type { OrganisationService } from './service.js';
import type { OrganisationInput } from './schemas.js';

const unknownRef = (path: string, nl: string, en: string) =>
  new AppError('VALIDATION_FAILED', { nl: 'Ongeldige invoer.', en: 'Invalid input.' }, [
    { path, message: `${en} / ${nl}` },
  ]);

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/** Admin API for the organisation model: settings, departments, categories and staff. */
export class OrganisationAdminService {
  private readonly repo: OrganisationRepository;

  constructor(
    db: Kysely<Database>,
    private readonly organisation: OrganisationService,
    private readonly users: UserService,
    private readonly audit: AuditService,
  ) {
    this.repo = new OrganisationRepository(db);
  }

  async saveOrganisation(actorId: string, input: OrganisationInput) {
    await this.organisation.save({ name: input.name, regime: input.regime, settings: input.settings });
    await this.audit.record(actorId, 'admin.organisation.updated', null, { regime: input.regime });
    return this.organisation.get();
  }

  listDepartments() {
    return this.repo.listDepartments();
  }

  async createDepartment(actorId: string, name: string) {
    try {
      const row = await this.repo.insertDepartment(name);
      await this.audit.record(actorId, 'admin.department.created', null, { id: row.id, name });
      return row;
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('CONFLICT', {
          nl: `Afdeling "${name}" bestaat al.`,
          en: `Department "${name}" already exists.`,
        });
      throw err;
    }
  }

  async updateDepartment(
    actorId: string,
    id: string,
    patch: { name?: string | undefined; active?: boolean | undefined },
  ) {
    try {
      const row = await this.repo.updateDepartment(id, patch);
      if (!row)
        throw new AppError('NOT_FOUND', { nl: 'Afdeling niet gevonden.', en: 'Department not found.' });
      await this.audit.record(actorId, 'admin.department.updated', null, { id, ...patch });
      return row;
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('CONFLICT', {
          nl: 'Die naam is al in gebruik.',
          en: 'That name is already in use.',
        });
      throw err;
    }
  }

  async listCategories() {
    const rows = await this.repo.listCategories();
    return rows.map((r) => ({ id: r.id, name: r.name, departmentId: r.department_id, active: r.active }));
  }

  private async requireDepartment(id: string | null | undefined, path: string) {
    if (!id) return;
    if (!(await this.repo.departmentExists(id)))
      throw unknownRef(path, 'onbekende afdeling', 'unknown department');
  }

  /** A category routes new cases to its default department (routing: category → department → handler). */
  async createCategory(actorId: string, input: { name: string; departmentId?: string | null | undefined }) {
    await this.requireDepartment(input.departmentId, 'departmentId');
    try {
      const row = await this.repo.insertCategory(input.name, input.departmentId ?? null);
      await this.audit.record(actorId, 'admin.category.created', null, { id: row.id, name: input.name });
      return { id: row.id, name: row.name, departmentId: row.department_id, active: row.active };
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('CONFLICT', {
          nl: `Categorie "${input.name}" bestaat al.`,
          en: `Category "${input.name}" already exists.`,
        });
      throw err;
    }
  }

  async updateCategory(
    actorId: string,
    id: string,
    patch: {
      name?: string | undefined;
      departmentId?: string | null | undefined;
      active?: boolean | undefined;
      phone?: string | null | undefined;
    },
  ) {
    await this.requireDepartment(patch.departmentId, 'departmentId');
    try {
      const row = await this.repo.updateCategory(id, patch);
      if (!row)
        throw new AppError('NOT_FOUND', { nl: 'Categorie niet gevonden.', en: 'Category not found.' });
      await this.audit.record(actorId, 'admin.category.updated', null, { id, ...patch });
      return { id: row.id, name: row.name, departmentId: row.department_id, active: row.active };
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('CONFLICT', {
          nl: 'Die naam is al in gebruik.',
          en: 'That name is already in use.',
        });
      throw err;
    }
  }

  async listUsers(q: {
    role?: Role | undefined;
    department?: string | undefined;
    active?: boolean | undefined;
  }) {
    const rows = await this.repo.listUsers(q);
    return rows.map(presentUser);
  }

  async createUser(
    actorId: string,
    input: { email: string; name?: string | undefined; role: Role; departmentId?: string | null | undefined },
  ) {
    await this.requireDepartment(input.departmentId, 'departmentId');
    const user = await this.users.add(input);
    await this.audit.record(actorId, 'admin.user.created', null, { id: user.id, role: user.role });
    return { ...user, active: true };
  }

  async updateUser(
    actorId: string,
    id: string,
    patch: {
      name?: string | undefined;
      role?: Role | undefined;
      departmentId?: string | null | undefined;
      active?: boolean | undefined;
      phone?: string | null | undefined;
    },
  ) {
    await this.requireDepartment(patch.departmentId, 'departmentId');
    if (id === actorId && (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'))) {
      // Locking yourself out leaves nobody to undo it.
      throw new AppError('CONFLICT', {
        nl: 'U kunt uw eigen beheerrol niet intrekken.',
        en: 'You cannot remove your own admin role.',
      });
    }
    const row = await this.repo.updateUser(id, patch);
    if (!row) throw new AppError('USER_NOT_FOUND', { nl: 'Gebruiker niet gevonden.', en: 'User not found.' });
    await this.audit.record(actorId, 'admin.user.updated', null, { id, ...patch });
    return presentUser(row);
  }
}

function presentUser(r: {
  id: string;
  email: string;
  name: string;
  role: string;
  department_id: string | null;
  active: boolean;
  phone?: string | null;
}) {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    departmentId: r.department_id,
    active: r.active,
    phone: r.phone ?? null,
  };
}
