import { NotFoundContent } from "@/components/shell/not-found-content";

/** `notFound()` from a dashboard page: the layout already draws the frame. */
export default function DashboardNotFound() {
  return <NotFoundContent />;
}
