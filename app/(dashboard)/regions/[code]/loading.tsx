import { ProfileSkeleton } from "@/components/profile/profile-skeleton";

export default function Loading() {
  return <ProfileSkeleton />;
}
