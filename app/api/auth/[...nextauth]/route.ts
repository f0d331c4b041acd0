import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { guardSignIn } from "@/lib/auth/guard-sign-in";

const nextAuth = (req: Request, ctx: unknown) => NextAuth(authOptions())(req, ctx);

export const GET = nextAuth;

/** Sign-in posts pass the body cap and the throttle before next-auth sees them. */
export async function POST(req: Request, ctx: unknown) {
  const guarded = await guardSignIn(req);
  return guarded instanceof Response ? guarded : nextAuth(guarded, ctx);
}
