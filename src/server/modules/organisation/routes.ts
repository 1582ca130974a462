import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../http/openapi.js';
import type { Services } from '../../services.js';
import {
  categoryPatchSchema,
  categorySchema,
  departmentPatchSchema,
  departmentSchema,
  newCategorySchema,
  newDepartmentSchema,
  newUserSchema,
  organisationSchema,
  userListQuery,
  userPatchSchema,
  userSchema,
} from './schemas.js';

const langQuery = z.object({ lang: z.enum(['nl', 'en']).optional() });
const idParams = z.object({ id: z.uuid() });

/** Organisation settings, departments, categories and staff: read by staff, changed by an admin. */
export const organisationRoutes =
  (s: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const errors = {
      401: errorResponseSchema,
      403: errorResponseSchema,
      404: errorResponseSchema,
      409: errorResponseSchema,
      422: errorResponseSchema,
    };
    const anyStaff = { access: { roles: 'any', scope: 'none' } } as const;
    const admin = { access: { roles: ['admin'], scope: 'none' } } as const;
    const security = [{ bearer: [] }];
    const orgResponse = z.object({
      name: z.string(),
      regime: z.string(),
      settings: z.record(z.string(), z.unknown()),
    });

    r.get(
      '/api/v1/organisation',
      {
        config: anyStaff,
        schema: {
          tags: ['organisation'],
          summary: 'The organisation: name, regime and settings',
          security,
          querystring: langQuery,
          response: { 200: orgResponse, ...errors },
        },
      },
      async () => {
        const org = await s.organisation.get();
        return { name: org.name, regime: org.regime, settings: org.settings };
      },
    );

    r.put(
      '/api/v1/organisation',
      {
        config: admin,
        schema: {
          tags: ['organisation'],
          summary: 'Replace name, regime and settings (admin)',
          security,
          body: organisationSchema,
          response: { 200: orgResponse, ...errors },
        },
      },
      async (req) => {
        const org = await s.organisationAdmin.saveOrganisation(req.staff!.id, req.body);
        return { name: org.name, regime: org.regime, settings: org.settings };
      },
    );

    r.get(
      '/api/v1/departments',
      {
        config: anyStaff,
        schema: {
          tags: ['organisation'],
          summary: 'Departments',
          security,
          querystring: langQuery,
          response: { 200: z.object({ items: z.array(departmentSchema) }), ...errors },
        },
      },
      async () => ({
        items: await s.organisationAdmin.listDepartments(),
      }),
    );
    r.post(
      '/api/v1/departments',
      {
        config: admin,
        schema: {
          tags: ['organisation'],
          summary: 'Add a department (admin)',
          security,
          body: newDepartmentSchema,
          response: { 201: departmentSchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.organisationAdmin.createDepartment(req.staff!.id, req.body.name)),
    );
    r.patch(
      '/api/v1/departments/:id',
      {
        config: admin,
        schema: {
          tags: ['organisation'],
          summary: 'Rename or deactivate a department (admin)',
          security,
          params: idParams,
          body: departmentPatchSchema,
          response: { 200: departmentSchema, ...errors },
        },
      },
      async (req) => s.organisationAdmin.updateDepartment(req.staff!.id, req.params.id, req.body),
    );

    r.get(
      '/api/v1/categories',
      {
        config: anyStaff,
        schema: {
          tags: ['organisation'],
          summary: 'Categories with their default department',
          security,
          querystring: langQuery,
          response: { 200: z.object({ items: z.array(categorySchema) }), ...errors },
        },
      },
      async () => ({
        items: await s.organisationAdmin.listCategories(),
      }),
    );
    r.post(
      '/api/v1/categories',
      {
        config: admin,
        schema: {
          tags: ['organisation'],
          summary: 'Add a category with a default department (admin)',
          security,
          body: newCategorySchema,
          response: { 201: categorySchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.organisationAdmin.createCategory(req.staff!.id, req.body)),
    );
    r.patch(
      '/api/v1/categories/:id',
      {
        config: admin,
        schema: {
          tags: ['organisation'],
          summary: 'Change a category (admin)',
          security,
          params: idParams,
          body: categoryPatchSchema,
          response: { 200: categorySchema, ...errors },
        },
      },
      async (req) => s.organisationAdmin.updateCategory(req.staff!.id, req.params.id, req.body),
    );

    r.get(
      '/api/v1/users',
      {
        config: { access: { roles: ['admin', 'manager', 'intake'], scope: 'none' } },
        schema: {
          tags: ['organisation'],
          summary: 'Staff users (admin, manager, intake: to route and assign)',
          security,
          querystring: userListQuery,
          response: { 200: z.object({ items: z.array(userSchema) }), ...errors },
        },
      },
      async (req) => ({ items: await s.organisationAdmin.listUsers(req.query) }),
    );
    // Colleagues' names for every staff member (assignees and actors in the history); no admin fields.
    r.get(
      '/api/v1/staff',
      {
        config: anyStaff,
        schema: {
          tags: ['organisation'],
          summary: 'Staff directory: active colleagues (any staff)',
          security,
          response: { 200: z.object({ items: z.array(userSchema) }), ...errors },
        },
      },
      async () => ({ items: (await s.organisationAdmin.listUsers({})).filter((u) => u.active) }),
    );
    r.post(
      '/api/v1/users',
      {
        config: admin,
        schema: {
          tags: ['organisation'],
          summary: 'Add a staff user with a role (admin)',
          security,
          body: newUserSchema,
          response: { 201: userSchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.organisationAdmin.createUser(req.staff!.id, req.body)),
    );
    r.patch(
      '/api/v1/users/:id',
      {
        config: admin,
        schema: {
          tags: ['organisation'],
          summary: "Change a user's name, role, department or active flag (admin)",
          security,
          params: idParams,
          body: userPatchSchema,
          response: { 200: userSchema, ...errors },
        },
      },
      async (req) => s.organisationAdmin.updateUser(req.staff!.id, req.params.id, req.body),
    );
  };
