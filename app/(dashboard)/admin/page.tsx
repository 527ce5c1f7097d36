import { redirect } from "next/navigation";

/** /admin has no page of its own: it opens the user list (which checks the role). */
export default function AdminPage() {
  redirect("/admin/users");
}
