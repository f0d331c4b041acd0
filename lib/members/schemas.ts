import { z } from "zod";
import { ROLES } from "@/db/schema";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/passwords";

export const createMemberSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  role: z.enum(ROLES),
  /** Without one, the member gets an invite link to choose it. */
  password: z.string().min(MIN_PASSWORD_LENGTH).max(200).optional(),
});

export const updateMemberSchema = z
  .object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "give role and/or disabled" });

export const userIdParam = z.object({ userId: z.coerce.number().int().positive() });

export const memberSchema = z.object({
  userId: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  /** An invite was sent and not accepted yet: the member cannot sign in until they choose a password. */
  invitePending: z.boolean(),
  joinedAt: z.string(),
});

export const inviteSchema = z.object({ url: z.string(), token: z.string(), expiresAt: z.string() });

export const createMemberResponseSchema = z.object({
  member: memberSchema,
  created: z.boolean(),
  invite: inviteSchema.optional(),
});

export type CreateMemberInput = z.output<typeof createMemberSchema>;
export type UpdateMemberInput = z.output<typeof updateMemberSchema>;
export type Member = z.output<typeof memberSchema>;
export type CreateMemberResult = z.output<typeof createMemberResponseSchema>;
