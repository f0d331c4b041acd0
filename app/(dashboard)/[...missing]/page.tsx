import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/current-user";

/** Any path no page claims: signed-in users get the styled 404 inside the app shell. */
export default async function MissingPage() {
  await requirePageUser();
  notFound();
}
